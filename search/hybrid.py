"""SearchIndex: BM25 + dense retrieval fused, with the graph context of every hit; build, save, load, search."""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from .adapter import load_adapter
from .align import load_alignment
from .backends import SearchBackend, TermGroup, UnitFields, UnitFilter, build_backend
from .backends.local import LocalBackend
from .base import Scored
from .bilingual import Dictionary, load_dictionary
from .bm25 import BM25Retriever
from .boosts import UnitFacts, adjust, lower_denied, raise_distinctive
from .checks import check_documents, check_functions, check_kinds, clean_query
from .coverage import (
    DocumentTexts,
    bm25_idf,
    document_gains,
    phrase_groups,
    raise_covering,
)
from .dense import DenseRetriever
from .encoders.base import Encoder
from .english_view import EnglishViews
from .errors import QueryError
from .expand import QueryExpander, QueryPlan
from .fusion import rrf, weighted_fusion
from .highlight import TermMatcher, highlights
from .lexicon import ConceptLabels, load_department_labels, load_scheme_labels
from .places import NATIONAL, shipped_places
from .relevance import (
    EVIDENCE_UNITS,
    floor_key,
    is_relevant,
    matches_question,
    relevance_floor,
    unheld_signals,
    word_rule,
)
from .routing import asks_about_document
from .sentences import sentence_table
from .settings import SearchSettings
from .storage import FORMAT_VERSION, load_index, prompts, save_index, unit_line
from .thesaurus import load_thesaurus
from .tokenize import STOPWORDS, Tokenizer, ascii_words
from .translate_test import translated_lists
from .types import Hit, IndexUnit, Scores, SearchResult, TargetView

__all__ = ["FORMAT_VERSION", "MAX_EMBED_CHARS", "SearchIndex", "clean_query", "domain_words", "unit_line"]

log = logging.getLogger(__name__)

# Longest query prefix given to the dense encoder (see SearchIndex.query_vector).
MAX_EMBED_CHARS = 256
# Chinese words an index keeps per English phrase of the dictionary (those its documents hold, primary first).
TRANSLATIONS_KEPT = 8


@functools.lru_cache(maxsize=1)
def _shared_english_names() -> dict[str, frozenset[str]]:
    """English place names (case-folded) two places or more of the gazetteer bear → their keys (Qinghe County:
    清河县 and 青河县), read on the first question that needs it."""
    from .lexicon import load_place_labels

    keys: dict[str, set[str]] = {}
    for place in load_place_labels():
        for label in place.en_labels:
            keys.setdefault(label.lower(), set()).add(place.key)
    return {name: frozenset(found) for name, found in keys.items() if len(found) > 1}


def _merged_scored(first: list[Scored], second: list[Scored]) -> list[Scored]:
    """Two candidate lists of one retriever as one, best first (a unit in both keeps its one score)."""
    scores = {s.doc: s.score for s in first}
    for s in second:
        scores.setdefault(s.doc, s.score)
    return [Scored(doc, score) for doc, score in sorted(scores.items(), key=lambda item: (-item[1], item[0]))]


def unit_fields(units: Sequence[IndexUnit], facets: dict[str, dict] | None = None) -> list[UnitFields]:
    """Each unit's filterable fields; ``facets`` maps a document slug to its ``year`` and ``jurisdiction``."""
    facets = facets or {}
    return [UnitFields(u.document, u.kind, int(facets.get(u.document, {}).get("year") or 0),
                       str(facets.get(u.document, {}).get("jurisdiction") or "")) for u in units]


def domain_words(units: Sequence[IndexUnit], concepts: Sequence[ConceptLabels]) -> list[str]:
    """The graph's own terms for the segmenter: department names and aliases (the units' responsible
    bodies and the shipped alias table) and concept Chinese labels."""
    words = {d.agent_name for u in units for d in u.context.owners if d.agent_name}
    words.update(load_department_labels())
    words.update(label for c in concepts for label in c.zh_labels)
    return sorted(w for w in words if len(w) >= 2)


class SearchIndex:
    """Hybrid search over IndexUnits: BM25 on Chinese-aware tokens, FAISS on encoder vectors, fused with
    language-aware weights (or RRF); quantitative questions favour targets; every hit carries its context."""

    def __init__(self, units: list[IndexUnit], encoder: Encoder, bm25: BM25Retriever | None,
                 dense: DenseRetriever | None, concepts: list[ConceptLabels], words: list[str],
                 settings: SearchSettings, meta: dict | None = None, sentences: DenseRetriever | None = None,
                 *, backend: SearchBackend | None = None, translations: Dictionary | None = None,
                 cache_dir: Path | None = None) -> None:
        """``backend`` answers the lexical and dense questions (search/backends/); without one, ``bm25``,
        ``dense`` and ``sentences`` (one vector per sentence of the multi-sentence units, ids → unit rows)
        are wrapped as the local backend.  ``translations``: English phrases → the Chinese words of the
        documents they may stand for (search/bilingual.py), none without."""
        self.units = units
        self.encoder = encoder
        self.backend: SearchBackend = backend if backend is not None else LocalBackend(bm25, dense, sentences)
        self.concepts = concepts
        self.words = words
        self.settings = settings
        self.tokenizer = Tokenizer(words)
        self.expander = QueryExpander(concepts)
        self.translations = translations if translations is not None else Dictionary([])
        if settings.thesaurus_weight > 0:
            load_thesaurus(cache_dir)  # read once here, not on the first question
        self.places = shipped_places(cache_dir)
        titles = {u.document: u.document_title for u in units}
        places_of = {doc: self.places.of_document(title) for doc, title in titles.items()}
        self._places_of_row = [places_of[u.document] for u in units]
        self._places_by_document = places_of
        self._covered_places = set().union(*places_of.values()) if places_of else set()
        # each document's own (innermost) places: a question about a place inside one of them (康定 in 四川) is
        # about a place the documents cover
        self._innermost_places = {p for places in places_of.values() for p in places
                                  if not any(p in self.places.with_ancestors({q}) - {q} for q in places)} - {NATIONAL}
        self.meta = meta or {}
        self._english_views: EnglishViews | None = None
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()  # query text → vector, oldest first
        self._vector_lock = threading.Lock()
        self._texts = [u.text for u in units]
        self._document_texts = DocumentTexts(units)
        self._document_of = np.array([u.document for u in units], dtype=object)
        self._function_of = np.array([u.function for u in units], dtype=object)
        # units with no sentence vectors (one sentence): their whole-text score stands for their best sentence
        with_sentences = self.backend.sentence_rows()
        self._single = np.array([i not in with_sentences for i in range(len(units))], dtype=bool)
        self.facts = UnitFacts.of(units, self._places_of_row,
                                  [len(self.places.in_question(u.text)) >= 2 for u in units])
        self._states_owner, self._states_time = self.facts.states_owner, self.facts.states_time  # read by benchmarks
        goals = {(u.document, u.path): i for i, u in enumerate(units) if u.kind == "goal"}
        # target row → the row of the goal that states it
        self._goal_of = {i: goals[(u.document, u.path)] for i, u in enumerate(units)
                         if u.kind == "target" and (u.document, u.path) in goals}
        # target row → the row of the other unit whose text holds its clause (a measure, an item, the preamble):
        # the clause is part of that unit, so the two are one hit, not a short clause ranked above its own unit
        holders = {(u.document, u.path): i for i, u in enumerate(units)
                   if u.kind not in ("target", "goal", "task_row") and u.start <= u.end}
        self._holder_of = {i: holders[(u.document, u.path)] for i, u in enumerate(units)
                           if u.kind == "target" and i not in self._goal_of and (u.document, u.path) in holders
                           and units[holders[(u.document, u.path)]].start <= u.start
                           and u.end <= units[holders[(u.document, u.path)]].end}

    # The local backend's retrievers, for code that reaches them directly (benchmarks, tests); None on others.
    @property
    def bm25(self) -> BM25Retriever | None:
        return getattr(self.backend, "bm25", None)

    @property
    def dense(self) -> DenseRetriever | None:
        return getattr(self.backend, "dense_index", None)

    @dense.setter
    def dense(self, value: DenseRetriever) -> None:
        self.backend.dense_index = value

    @property
    def sentences(self) -> DenseRetriever | None:
        return getattr(self.backend, "sentence_index", None)

    # ----------------------------------------------------------------- build
    @classmethod
    def build(cls, units: Sequence[IndexUnit], encoder: Encoder | str, settings: SearchSettings | None = None,
              concepts: Sequence[ConceptLabels] | None = None, extra_words: Sequence[str] = (),
              facets: dict[str, dict] | None = None,
              tokenize: Callable[[Tokenizer, list[str]], list[list[str]]] | None = None) -> SearchIndex:
        """Tokenise and embed ``units``; ``concepts`` default to the shipped scheme (for query expansion).
        The backend ``settings.backend`` names holds the candidates; ``facets`` (document slug → year,
        jurisdiction) fill the filter fields of backends that store them.  ``tokenize`` (tokenizer, texts →
        their BM25 tokens) lets a caller serve tokens it cached (``workspace.buildcache.TokenCache``); it must
        answer what ``tokenizer.tokens`` would."""
        if isinstance(encoder, str):
            from .factory import get_encoder

            encoder = get_encoder(encoder)
        started = time.perf_counter()
        settings = settings or SearchSettings()
        units = list(units)
        concepts = list(load_scheme_labels() if concepts is None else concepts)
        words = sorted(set(domain_words(units, concepts)) | {w for w in extra_words if len(w) >= 2})
        tokenizer = Tokenizer(words)
        vectors = (encoder.encode_passages([u.index_text for u in units]) if units
                   else np.zeros((0, encoder.dim), dtype=np.float32))
        texts, rows = sentence_table([u.text for u in units])
        sentence_vectors = (encoder.encode_passages(texts) if texts
                            else np.zeros((0, encoder.dim), dtype=np.float32))
        texts_of = [u.index_text for u in units]
        tokens = tokenize(tokenizer, texts_of) if tokenize is not None else [tokenizer.tokens(t) for t in texts_of]
        backend = build_backend(settings.backend, tokens=tokens,
                                texts=[u.index_text for u in units], vectors=vectors,
                                sentence_vectors=sentence_vectors, sentence_rows=rows,
                                fields=unit_fields(units, facets), settings=settings, words=words)
        meta = {
            "format_version": FORMAT_VERSION,
            "encoder": encoder.name,
            "dim": int(encoder.dim),
            "encoder_prompts": prompts(encoder),
            "unit_count": len(units),
            "sentence_count": len(texts),
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "build_seconds": round(time.perf_counter() - started, 3),
            "dense_index": backend.dense_kind,
            "search_backend": backend.name,
            "settings": settings.to_dict(),
        }
        log.info("built search index: %d units, encoder %s, backend %s", len(units), encoder.name, backend.name)
        translations = (load_dictionary(lambda word: backend.document_frequency(word) > 0, TRANSLATIONS_KEPT)
                        if settings.translation_weight > 0 else None)
        return cls(units, encoder, None, None, concepts, words, settings, meta, backend=backend,
                   translations=translations)

    # ------------------------------------------------------------ save/load
    def save(self, directory: str | Path, unit_lines: Sequence[str] | None = None) -> Path:
        """Write the index to ``directory`` atomically (search/storage.py); ``unit_lines`` (one per unit, in order:
        ``unit_line`` of each) spares serialising units a caller already has as lines (the build cache keeps each
        document's)."""
        return save_index(self, directory, unit_lines)

    @classmethod
    def load(cls, directory: str | Path, encoder: Encoder | str | None = None,
             encoder_name: str | None = None, milvus_uri: str | None = None,
             cache_dir: str | Path | None = None) -> SearchIndex:
        """Load a saved index (search/storage.py).  Without an encoder the one it was built with is created; a
        different encoder raises EncoderMismatchError; a missing or corrupt file raises IndexLoadError naming it.
        The backend is the one it was built on; ``milvus_uri`` reopens a Milvus index at another URI.
        ``cache_dir``: a run-time cache folder (``search.runtime_cache``) the thesaurus and the gazetteer's
        matcher are opened from (and kept in), instead of being built at every start."""
        saved = load_index(directory, encoder, encoder_name, milvus_uri, cache_dir)
        return cls(saved.units, saved.encoder, None, None, saved.concepts, saved.words, saved.settings, saved.meta,
                   backend=saved.backend, translations=saved.translations, cache_dir=saved.cache_dir)

    def __len__(self) -> int:
        return len(self.units)

    # ---------------------------------------------------------------- search
    def plan(self, query: str) -> QueryPlan:
        """How ``query`` (already cleaned) will be searched: language, expansion terms, weights.

        The places it names that the documents are about pick those documents (``place_boost`` in
        :meth:`search`) and are then set aside: the words and the vector searched are the question without
        them (kept when ``place_boost`` is 0: then nothing else picks the documents).  Left in, 苏州 would
        tell one unit of Suzhou's rules from another by how often it names the city (the article on the
        rules' effective date, the addressee line) rather than by what is asked."""
        places = self.places.in_question(query)
        covered = (places - {NATIONAL}) & self._covered_places if self.settings.place_boost > 0 else set()
        topic = self.places.without(query, self.places.with_ancestors(covered)).strip() if covered else query
        if not any(c.isalnum() for c in topic):
            topic = query  # the place is all it asks about ("Suzhou?")
        plan = self.expander.plan(topic)
        plan.places = frozenset(self._asked_places(places))
        plan.about_document = asks_about_document(query)  # read with its place, as in "Suzhou's rules"
        if plan.language == "en":
            plan.translation_terms = self.translate(plan)
            if plan.translation_terms and self.settings.translation_dense:
                plan.dense_text = " ".join([plan.dense_text or plan.text, *plan.translation_terms])
        return plan

    def _asked_places(self, places: set[str]) -> set[str]:
        """The places the question is asked of: those it names with :meth:`_covering_places`; the national level
        named beside a local place documents are about (巴东…要国家专门拨钱) is who acts there, not a second
        place asked about: it would raise every national document as much as the local one's."""
        asked = places | self._covering_places(places)
        if NATIONAL in asked and (asked - {NATIONAL}) & self._covered_places:
            asked = asked - {NATIONAL}
        return asked

    def _covering_places(self, places: set[str]) -> set[str]:
        """For each place named that no document is about (长春), the nearest place holding it that one is about
        (吉林省): a province's rules hold in its cities, so its documents are the named place's own for the place
        boost (a firm in 长春 asking of the province's R&D reward got 江宁's rule in the same words first)."""
        out: set[str] = set()
        for place in places - {NATIONAL} - self._covered_places:
            key = self.places.parent.get(place, "")
            while key and key != NATIONAL and key not in self._covered_places:
                key = self.places.parent.get(key, "")
            if key and key != NATIONAL:
                out.add(key)
        return out

    def translate(self, plan: QueryPlan) -> list[str]:
        """The Chinese words the documents use for the English question's words and phrases (CC-CEDICT read
        backwards, search/bilingual.py): at most ``translations_per_phrase`` per phrase, primary senses
        first, none found in more than ``thesaurus_max_share`` of the units, none the scheme's labels
        already gave."""
        if self.settings.translation_weight <= 0:
            return []
        given = set(plan.lexical_terms) | set(plan.key_terms) | set(plan.industry_terms)
        terms: list[str] = []
        phrases: set[str] = set()
        for phrase, translations in self.translations.phrases(plan.text):
            kept = 0
            for t in translations:
                if kept >= self.settings.translations_per_phrase:
                    break
                if t.word in given or t.word in terms:
                    continue
                if self.document_share(t.word) <= self.settings.thesaurus_max_share:
                    terms.append(t.word)
                    phrases.update([t.word] if len(phrase) > 1 else [])
                    kept += 1
        plan.phrase_terms = frozenset(phrases)
        return terms

    def lexical_scores(self, plan: QueryPlan, k: int | None = None, where: UnitFilter | None = None) -> np.ndarray:
        """BM25 score of every unit (a candidate backend fills at least its best ``k``).  The question's own
        tokens and the preferred labels of the concepts it names (the document's word for 机械臂 is
        工业机器人) weigh 1; the concepts' other labels, which widen the net but also drift, weigh
        ``expansion_weight``."""
        k = k or min(len(self.units), self.settings.candidates)
        return self.backend.lexical_scores(self.term_groups(plan), k, where)

    def term_groups(self, plan: QueryPlan) -> list[TermGroup]:
        """The weighted parts of the lexical query: own words 1, concepts' preferred labels 1, their other
        labels ``expansion_weight``, industries ``industry_weight``, thesaurus synonyms ``thesaurus_weight``.
        Each group carries our tokens and its text; a term already inside an earlier group's text is left
        out of the later text (bm25s counts a token once, at its first group's weight; a backend that
        analyses text itself should not count it twice)."""
        own = TermGroup(self.query_words(plan.text), tuple(self.tokenizer.tokens(plan.text)), 1.0)
        synonyms = self.thesaurus_terms(plan)
        if not (plan.lexical_terms or plan.key_terms or plan.industry_terms or synonyms or plan.translation_terms):
            return [own]
        groups = [own]
        said = plan.text
        # an English phrase of two words or more (Dragon Boat Festival, machine tool) names one thing: its Chinese
        # word weighs phrase_translation_weight; a single word's glosses (day, new) drift, and weigh less
        phrased = [t for t in plan.translation_terms if t in plan.phrase_terms]
        worded = [t for t in plan.translation_terms if t not in plan.phrase_terms]
        for terms, weight in ((plan.key_terms, 1.0), (plan.lexical_terms, self.settings.expansion_weight),
                              (plan.industry_terms, self.settings.industry_weight),
                              (synonyms, self.settings.thesaurus_weight),
                              (phrased, self.settings.phrase_translation_weight),
                              (worded, self.settings.translation_weight)):
            whole_words = terms is synonyms or terms is phrased or terms is worded
            tokens = tuple(terms) if whole_words else tuple(self.tokenizer.tokens(" ".join(terms)))
            text = " ".join(t for t in terms if t not in said)
            said += " " + text
            groups.append(TermGroup(text, tokens, weight))
        return groups

    def query_words(self, text: str) -> str:
        """The question's words as we read them (jieba words of ≥ 2 characters and ASCII words, stopwords
        dropped), space-separated: the text a backend with its own analyzer gets, so that 哪些, 吗 and
        single characters do not score there either; the text itself when no word is left."""
        words = self.tokenizer.words(text) + [w for w in ascii_words(text) if w not in STOPWORDS]
        return " ".join(words) or text

    def thesaurus_terms(self, plan: QueryPlan) -> list[str]:
        """Synonyms (cilin) of the question's Chinese words that the index holds and that are not in nearly
        every unit: 督查 → 监督, 督察; 翻新 → 更新.  Whole words only (no bigrams), so a synonym must be
        a word of the documents to count."""
        if self.settings.thesaurus_weight <= 0:
            return []
        thesaurus = load_thesaurus()
        own = set(self.tokenizer.words(plan.text))
        terms: list[str] = []
        for word in own:
            for synonym in thesaurus.synonyms(word):
                if synonym in own or synonym in terms:
                    continue
                share = self.document_share(synonym)
                if 0 < share <= self.settings.thesaurus_max_share:
                    terms.append(synonym)
        return sorted(terms)

    def document_share(self, term: str) -> float:
        """The share of units whose BM25 tokens hold ``term`` (a word of the segmenter or a bigram); 0 for a
        term the index never saw.  改造 and 技术 are in over 90 % of the seed's units: they explain nothing."""
        return self.backend.document_frequency(term) / len(self.units) if self.units else 0.0

    def query_vector(self, text: str) -> np.ndarray:
        """The encoder's vector of ``text``, kept for the last ``settings.query_cache`` distinct texts: the
        embedding is nearly all of a query's time (benchmarks/results/latency.md), and the same question
        comes back with another ``k`` or ``kind``, or from another page of the same client.  Only the first
        ``MAX_EMBED_CHARS`` characters are embedded (BM25 still reads all of it): a question says what it
        asks long before that, and encoder time grows with length (a 999-character query cost 16× an
        8-character one)."""
        text = text[:MAX_EMBED_CHARS]
        size = self.settings.query_cache
        if size <= 0:
            return self.encoder.encode_queries([text])[0]
        with self._vector_lock:
            vector = self._vectors.get(text)
            if vector is not None:
                self._vectors.move_to_end(text)
                return vector
        vector = self.encoder.encode_queries([text])[0]
        vector.setflags(write=False)  # shared between callers
        with self._vector_lock:
            self._vectors[text] = vector
            while len(self._vectors) > size:
                self._vectors.popitem(last=False)
        return vector

    def aligns(self) -> bool:
        """Are English question vectors moved (search/align.py, search/adapter.py: a weight set and its file
        shipped for the encoder)?"""
        s = self.settings
        return ((bool(s.en_align_matrix or s.en_align_shift) and load_alignment(self.encoder.name) is not None)
                or (bool(s.en_adapter_weight) and load_adapter(self.encoder.name) is not None))

    def aligned(self, vector: np.ndarray, language: str) -> np.ndarray:
        """An English question's vector moved towards the Chinese side of the encoder's space (search/align.py:
        ``en_align_matrix``·W q + ``en_align_shift``·δ, renormalised), then by the query adapter when
        ``en_adapter_weight`` is set (search/adapter.py, off: it did not hold on untouched questions); other
        vectors, and every vector of an encoder with no shipped file, as they are.  The files are read on the first
        English question."""
        s = self.settings
        if language != "en":
            return vector
        if s.en_align_matrix or s.en_align_shift:
            alignment = load_alignment(self.encoder.name)
            vector = vector if alignment is None else alignment.apply(vector, s.en_align_matrix, s.en_align_shift)
        adapter = load_adapter(self.encoder.name) if s.en_adapter_weight else None
        return vector if adapter is None else adapter.apply(vector, s.en_adapter_weight)

    def dense_candidates(self, plan: QueryPlan, k: int, where: UnitFilter | None = None,
                         align: bool = True, vector: np.ndarray | None = None) -> list[Scored]:
        """Units by cosine similarity, each scored by its whole text and its best sentence:
        ``(1 − w)·cos(q, unit) + w·max cos(q, sentence)`` with ``w = settings.sentence_weight`` (a unit of
        one sentence is its own best sentence).  A unit found by one granularity only gets, for the other,
        the lowest score that granularity returned: a bound, not a guess above it.  ``align``: an English
        question's vector moved by :meth:`aligned` (False: the encoder's own vector).  ``vector``: the encoder's
        own vector of the question when the caller has it (embedded once for both of an English question's lookups,
        even with no query cache)."""
        vector = self.query_vector(plan.dense_text or plan.text) if vector is None else vector
        vector = self.aligned(vector, plan.language) if align else vector
        combined, ordered = self._dense_scores(vector, k, where)
        if ordered:
            return [Scored(doc, score) for doc, score in combined.items()]
        ranked = sorted(combined.items(), key=lambda item: (-item[1], item[0]))[:k]
        return [Scored(doc, score) for doc, score in ranked]

    def _dense_scores(self, vector: np.ndarray, k: int, where: UnitFilter | None) -> tuple[dict[int, float], bool]:
        """The dense score of each unit :meth:`dense_candidates` weighs (by whole text and best sentence), unranked;
        the flag says the dict is already in rank order (no sentence vectors: the backend's own order)."""
        whole = {s.doc: s.score for s in self.backend.dense(vector, k, where)}
        w = self.settings.sentence_weight
        if not self.backend.sentence_rows() or w <= 0:
            return whole, True
        best = {s.doc: s.score for s in self.backend.sentences(vector, k * 4, where)}
        floor_whole = min(whole.values(), default=0.0)
        floor_best = min(best.values(), default=0.0)
        single = self._single
        combined = {}
        for doc in whole.keys() | best.keys():
            unit_score = whole.get(doc, floor_whole)
            sentence_score = best.get(doc, unit_score if doc in whole and single[doc] else floor_best)
            combined[doc] = (1 - w) * unit_score + w * sentence_score
        return combined, False

    def _best_dense(self, vector: np.ndarray, k: int, where: UnitFilter | None, mask: np.ndarray) -> list[Scored]:
        """The first unit ``mask`` admits among :meth:`dense_candidates`' ``k`` best for ``vector`` (as a list of
        one, or none when no admitted unit is among them): all that "nothing relevant" reads of the encoder's own
        vector for an English question, found without ranking every candidate."""
        combined, ordered = self._dense_scores(vector, k, where)
        if ordered:
            ranked = list(combined.items())[:k]
            return next(([Scored(doc, score)] for doc, score in ranked if mask[doc]), [])
        kept = [(score, doc) for doc, score in combined.items() if mask[doc]]
        if not kept:
            return []
        score, doc = max(kept, key=lambda item: (item[0], -item[1]))
        above = sum(1 for d, s in combined.items() if s > score or (s == score and d < doc))
        return [Scored(doc, score)] if above < k else []

    def search(self, query: str, k: int = 10, kind: str | Sequence[str] | None = None,
               fusion: str | None = None, document: str | Sequence[str] | None = None,
               function: str | Sequence[str] | None = None) -> SearchResult:
        """The ``k`` best units for ``query``, optionally only of ``kind`` (one or several of UNIT_KINDS: what the
        unit is in the document's structure), only of ``function`` (one or several of UNIT_FUNCTIONS: what it
        does, e.g. support) and only from ``document`` (one slug or several)."""
        started = time.perf_counter()
        text = clean_query(query, self.settings.max_query_chars)
        if not isinstance(k, int) or k < 1:
            raise QueryError(f"k must be a positive integer, got {k!r}")
        kinds = check_kinds(kind)
        functions = check_functions(function)
        documents = check_documents(document)
        fusion = fusion or self.settings.fusion
        if fusion not in ("weighted", "rrf", "bm25", "dense"):
            raise QueryError(f"unknown fusion {fusion!r}; valid: weighted, rrf, bm25, dense")
        if not self.units:
            return SearchResult(text, round((time.perf_counter() - started) * 1000, 3), [], relevant=False)
        plan = self.plan(text)
        n = len(self.units)
        pool = min(n, max(self.settings.candidates, k))

        where = UnitFilter(documents, kinds)
        where = None if where.empty else where
        bm25_all = self.lexical_scores(plan, pool, where)
        mask = np.ones(n, dtype=bool) if kinds is None else np.isin(self.facts.kind, list(kinds))
        if documents is not None:
            mask &= np.isin(self._document_of, list(documents))
        if functions is not None:  # not a backend field: filtered here, from a wider dense pool
            mask &= np.isin(self._function_of, list(functions))
        lexical = self._top(np.where(mask, bm25_all, 0.0), pool)
        dense_pool = pool if where is None and functions is None else min(n, pool * 4)
        own = self.query_vector(plan.dense_text or plan.text) if fusion != "bm25" else None
        dense = [s for s in self.dense_candidates(plan, dense_pool, where, vector=own) if mask[s.doc]][:pool] \
            if fusion != "bm25" else []
        if where is None and functions is None and fusion in ("weighted", "rrf"):
            lexical, dense = self._with_place_candidates(plan, pool, kinds, mask, own, lexical, dense)
        bm25_map = {s.doc: s.score for s in lexical}
        dense_map = {s.doc: s.score for s in dense}

        lists, weights = [bm25_map, dense_map], [plan.weights.bm25, plan.weights.dense]
        if plan.language == "en" and fusion == "weighted":  # translate-test (search/translate_test.py), off by default
            for scores, weight in translated_lists(self, plan, pool, dense_pool, where, mask):
                lists.append(scores)
                weights.append(weight)
        if fusion == "bm25":
            fused = dict(bm25_map)
        elif fusion == "dense":
            fused = dict(dense_map)
        elif fusion == "rrf":
            fused = rrf([[s.doc for s in lexical], [s.doc for s in dense]], k=self.settings.rrf_k,
                        weights=[plan.rrf_weights.bm25 * 2, plan.rrf_weights.dense * 2])
        else:
            fused = weighted_fusion(lists, weights)
        if plan.language == "en" and self.settings.english_view_weight > 0:
            self.english_views().raise_matching(fused, plan.text, self.settings.english_view_weight)
        if plan.language == "en" and self.settings.phrase_boost > 0:
            self.english_views().raise_phrases(fused, sorted(plan.phrase_terms), self.settings.phrase_boost)
        if plan.asks_in_force and fused:
            self._add_self_naming(fused, mask)
        # the units, and documents, holding more of its phrases' words (search/coverage.py).  Tried and not kept (eighth
        # round): the years an English question names (the 2005 proposal) as one more group, 2005年 / 二〇〇五年, weighed
        # by the units holding either: English hit@1 development 313 → 312 of 375, users_real_r4 31 → 30 of 36,
        # untouched 166 → 165 of 210, hit@3 unchanged (39 of the development questions name a year)
        if plan.language == "en":
            groups = phrase_groups(plan.text, self.translations, plan.translation_terms, plan.key_terms)
            idf = bm25_idf(n, self.backend.document_frequency)
            gains = document_gains(fused, self._document_of, self._document_texts, groups, idf,
                                   self.settings.english_document_coverage)
            raise_covering(fused, self._texts, groups, idf, self.settings.english_coverage)
            for row, gain in gains.items():
                fused[row] += gain
        adjust(fused, plan, self.facts, self.settings)
        evidence = self.evidence_words(plan)  # read again by "nothing relevant" (floor_key)
        lower_denied(fused, plan, self._texts, evidence)  # 非独生子女 when 独生子女 is asked
        raise_distinctive(fused, plan, self.facts, evidence)  # the unit its document's rarer words point to
        asked = set(plan.places)
        carried: dict[int, TargetView] = {}
        if kinds is None or {"goal", "target"} <= kinds:
            fused, carried = self._fold_targets(fused, holders=kinds is None)
        ranked = sorted(fused.items(), key=lambda item: (-item[1], item[0]))[:max(k, EVIDENCE_UNITS)]
        best_texts = [self.units[doc].text for doc, _ in ranked[:EVIDENCE_UNITS]]  # what relevance is judged by
        ranked = ranked[:k]
        terms = TermMatcher(self._highlight_terms(plan))  # compiled once, matched against every hit
        hits = [self._hit(doc, score, bm25_all, dense_map, terms, plan, carried.get(doc)) for doc, score in ranked]
        judged = dense
        # a question naming no place is covered whatever it asks (the places it names only as origins are moot)
        covered = not asked or self.covers(asked - self.places.origins(text), best_texts, text)
        if covered and dense and plan.language == "en" and self.aligns():
            # the floors judge the encoder's own cosines: moved towards Chinese, off-topic English questions rise
            # as much as answerable ones ("how long should I boil an egg" to the floor a shifted calibration gives);
            # only the best of them is read (search/relevance.py), so the others are not ranked
            judged = self._best_dense(own, dense_pool, where, mask)
        relevant = covered and self.relevant(plan, judged, lexical, best_texts, evidence)
        return SearchResult(text, round((time.perf_counter() - started) * 1000, 3), hits, relevant=relevant)

    def _with_place_candidates(self, plan: QueryPlan, pool: int, kinds, mask: np.ndarray, own,
                               lexical: list[Scored], dense: list[Scored]) -> tuple[list[Scored], list[Scored]]:
        """The candidates of each retriever with the best ``pool`` units of the documents of the places the
        question names (Handan's inspection circular for "what payout rate is Handan aiming for"), found by
        the same retriever restricted to those documents.  The place's name is set aside from the words
        searched (:meth:`plan`) and only ``place_boost`` picks its documents, which it can only do among the
        candidates: among many local documents, the named place's units fell outside the best ``pool`` of
        either retriever, beaten by other places' rules in the same words."""
        asked = set(plan.places) - {NATIONAL}
        if not asked or self.settings.place_boost <= 0 or not asked & self._covered_places:
            return lexical, dense
        documents = frozenset(doc for doc, places in self._places_by_document.items() if places & asked)
        if not documents or len(documents) == len(self._places_by_document):
            return lexical, dense
        where = UnitFilter(documents, kinds)
        scores = np.where(mask, self.lexical_scores(plan, pool, where), 0.0)
        keep = np.isin(self._document_of, list(documents))
        lexical = _merged_scored(lexical, self._top(np.where(keep, scores, 0.0), pool))
        if own is not None:
            found = [s for s in self.dense_candidates(plan, pool, where, vector=own) if mask[s.doc]][:pool]
            dense = _merged_scored(dense, found)
        return lexical, dense

    def _add_self_naming(self, fused: dict[int, float], mask: np.ndarray, documents: int = 3) -> None:
        """A question asking when a text holds (from what date do the deductions apply): the units where the best
        ``documents`` say so (本办法自2019年1月1日起施行) join the candidates at the lowest fused score, for the
        boosts to judge; they share few words with the question and may be in neither list."""
        best = sorted(fused.items(), key=lambda item: (-item[1], item[0]))
        docs = list(dict.fromkeys(self._document_of[doc] for doc, _ in best))[:documents]
        low = best[-1][1]
        wanted = self.facts.names_itself if self.facts.states_in_force is None else self.facts.states_in_force
        for row in np.flatnonzero(wanted & mask & np.isin(self._document_of, docs)):
            fused.setdefault(int(row), low)

    def english_views(self) -> EnglishViews:
        """The units' English views (search/english_view.py), set up on the first English question."""
        if self._english_views is None:
            self._english_views = EnglishViews([u.text for u in self.units], self.tokenizer, self.translations,
                                               self.backend.document_frequency, self.settings.english_view_senses)
        return self._english_views

    def prepare_english(self, cache_dir: Path | None = None) -> None:
        """Make now what the first English question would otherwise make inside its own time: the units' English
        views, the pinyin readings of CC-CEDICT (from ``cache_dir``, a run-time cache folder, when an earlier process
        kept them there) and the alignment and adapter files of the encoder (search/align.py, search/adapter.py).
        A server calls it once the index is open (workspace.reader); nothing it makes changes an answer."""
        from .english_view import pinyin_readings

        if self.settings.english_view_weight > 0 or self.settings.phrase_boost > 0:
            self.english_views()
        if self.settings.english_view_weight > 0:
            pinyin_readings(cache_dir)
        self.aligns()  # reads the shipped files of the encoder once

    def covers(self, places: set[str], best_texts: Sequence[str] = (), question: str = "") -> bool:
        """False when the question names places (other than the national level) that no document is about:
        a question about Beijing is not answered by Shanghai's plans, however close their words.  A question
        that also asks what the state does (重庆这种内陆地方……国家有什么办法) is asked of the national
        documents, which hold everywhere: covered when there are any.  A place inside a document's own place
        (康定 in a letter about 四川省) is covered by it; a place beside it (成都 beside a plan of 绵阳) is not.
        A place one of the best units names (``best_texts``: a national circular's 江西省赣州市推出…) is covered
        by that unit, whatever its document's title says.

        With the ``question`` it was asked in, two readings of a name do not count against it: a Chinese name the
        gazetteer found inside another word (上高 of 消防车上高速: its ends are no word boundaries of the question),
        and an English name two places bear (Qinghe County: 清河县 of Hebei, 青河县 of Xinjiang) when one of them
        is covered.  Saying "nothing relevant" on a place takes a place the question surely names."""
        local = places - {NATIONAL}
        if question and local:
            local -= self._misread_places(question) | self._homonyms_covered(question) | self._common_words(question)
        if NATIONAL in places and NATIONAL in self._covered_places:
            return True
        if not local or local & self._covered_places or any(
                self.places.with_ancestors({place}) & self._innermost_places for place in local):
            return True
        return any(local & self.places.in_question(text) for text in best_texts)

    def _misread_places(self, question: str) -> set[str]:
        """Places found only inside another word of ``question``: the name's start or end is no boundary of the
        question's jieba words (消防车/上/高速 holds no 上高)."""
        words = self.tokenizer._jieba.cut(question, False)
        if sum(len(w) for w in words) != len(question):
            return set()
        bounds, pos = {0}, 0
        for word in words:
            pos += len(word)
            bounds.add(pos)
        found = self.places._zh.find(question)
        return ({key for start, end, key in found if start not in bounds or end not in bounds}
                - {key for start, end, key in found if start in bounds and end in bounds})

    def _common_words(self, question: str) -> set[str]:
        """Places ``question`` names in English by a romanised word the dictionary reads as Chinese words none of
        which names a place (hukou: 户籍, 落户, not 湖口县; Suzhou stays a place: 苏州): the word may be the
        common noun, so it is no place the question surely names."""
        out: set[str] = set()
        for start, end, key in self.places._en.find(question):
            name = question[start:end].lower().removesuffix("'s")
            found = self.translations.phrases(name)
            if len(found) != 1 or len(found[0][0]) != len(name.split()):
                continue  # the dictionary reads not the whole name as one phrase (Qinghe County: only county)
            words = [t.word for t in found[0][1]]
            if words and not any(self._names_place(word) for word in words):
                out.add(key)
        return out

    def _names_place(self, word: str) -> bool:
        """Is the Chinese ``word`` a gazetteer name as a whole (苏州, 北京市)?"""
        return any(start == 0 and end == len(word) for start, end, _ in self.places._zh.find(word))

    def _homonyms_covered(self, question: str) -> set[str]:
        """Places ``question`` names in English by a name another place bears too, one of which the documents
        cover (or hold inside their own place)."""
        shared = _shared_english_names()
        out: set[str] = set()
        for start, end, key in self.places._en.find(question):
            name = question[start:end].lower()
            name = name[:-2] if name.endswith("'s") else name
            if any(k in self._covered_places or self.places.with_ancestors({k}) & self._innermost_places
                   for k in shared.get(name, ())):
                out.add(key)
        return out

    def relevant(self, plan: QueryPlan, dense: list[Scored], lexical: list[Scored],
                 best_texts: Sequence[str] = (), evidence: Sequence[str] | None = None) -> bool:
        """Does anything in the documents answer the question (search/relevance.py)?  Judged on the best
        dense similarity against the floor of the question's key (its language; whether the documents hold its
        English words; whether any of its words occurs in ``best_texts``, the best units' texts); with the
        BM25-only fusion, on whether any word matched at all."""
        if not dense:
            return bool(lexical)
        floor = relevance_floor(self.encoder.name, self.floor_key(plan, best_texts, evidence),
                                self.settings.relevance_floors)
        if not is_relevant(dense[0].score, floor):
            return False
        rule = word_rule(self.encoder.name, plan.language, self.settings.relevance_floors)  # unheld words (un8)
        return rule is None or not rule.flags(dense[0].score, *unheld_signals(
            plan, best_texts, self.evidence_words(plan) if evidence is None else evidence, self.translations,
            self.tokenizer, lambda word: self.backend.document_frequency(word) > 0, self.places))

    def floor_key(self, plan: QueryPlan, best_texts: Sequence[str], evidence: Sequence[str] | None = None) -> str:
        """The floor key of a question (search/relevance.py) given the best units' texts.  The places a question
        names are set aside from its words (:meth:`plan`), yet they are words it shares with a unit that names
        them: a best unit naming one of them (深圳湾口岸港方口岸区 for "Shenzhen Bay … Hong Kong's jurisdiction")
        matches the question as a shared word does."""
        held = len(plan.translation_terms) + len(plan.concepts)  # for English: the words the documents hold
        local = set(plan.places) - {NATIONAL}
        evidence = self.evidence_words(plan) if evidence is None else evidence  # the caller's, when it has them
        matched = matches_question(evidence, best_texts) or bool(
            local and any(local & self.places.in_question(text) for text in best_texts))
        return floor_key(plan.language, held, matched)

    def evidence_words(self, plan: QueryPlan) -> list[str]:
        """The question's words that may be looked for in a unit's text: its Chinese words (2+ characters,
        stopwords dropped, the places it is about set aside as in :meth:`plan`) and the preferred labels of the
        concepts it names; for an English question, the Chinese words its words stand for."""
        if plan.language == "en":
            return [*plan.translation_terms, *plan.key_terms, *plan.lexical_terms]
        return [*self.tokenizer.words(plan.text), *plan.key_terms]

    def _fold_targets(self, fused: dict[int, float], holders: bool = False
                      ) -> tuple[dict[int, float], dict[int, TargetView]]:
        """A target's clause lies inside its goal's text: one hit, not two.  The goal takes the better of
        the two scores and carries the best-scoring target as data (``kind="target"`` still lists targets).
        With ``holders`` (no kind asked for), a target read from another unit's text (a measure, an item, the
        preamble) folds into that unit alike: a clause 每个网格配备1名专职网格员 ranked above the measure that
        states it and the date asked for hid the measure's answer behind its own fragment."""
        out = dict(fused)
        carried: dict[int, TargetView] = {}
        best: dict[int, float] = {}
        for doc, score in fused.items():
            goal = self._goal_of.get(doc)
            if goal is None and holders:
                goal = self._holder_of.get(doc)
            if goal is None:
                continue
            del out[doc]
            out[goal] = max(out.get(goal, 0.0), score)
            if score > best.get(goal, float("-inf")):
                best[goal] = score
                carried[goal] = self.units[doc].target
        return out, carried

    @staticmethod
    def _top(scores: np.ndarray, k: int) -> list[Scored]:
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
        top = top[np.argsort(-scores[top], kind="stable")]
        return [Scored(int(i), float(scores[i])) for i in top if scores[i] > 0]

    def _highlight_terms(self, plan: QueryPlan) -> list[str]:
        """Query words and expansion terms (not bigrams alone: a bigram net would paint noise)."""
        terms = self.tokenizer.words(plan.lexical_text)
        terms += [w for w in plan.text.split() if w.isascii() and len(w) > 2]
        terms += plan.lexical_terms
        terms += [g for g in self.tokenizer.tokens(plan.text) if len(g) == 2]
        return terms

    def _best_target(self, unit: IndexUnit, plan: QueryPlan, carried: TargetView | None) -> TargetView | None:
        if unit.target is not None:
            return unit.target
        if carried is not None and plan.quantitative:
            return carried
        if not plan.quantitative or not unit.context.targets:
            return None
        query = set(self.tokenizer.tokens(plan.lexical_text))
        return max(unit.context.targets,
                   key=lambda t: len(query & set(self.tokenizer.tokens(t.indicator + t.text))))

    def _hit(self, doc: int, score: float, bm25_all: np.ndarray, dense_map: dict[int, float],
             terms: TermMatcher, plan: QueryPlan, carried: TargetView | None = None) -> Hit:
        unit = self.units[doc]
        lexical = float(bm25_all[doc])
        return Hit(
            iri=unit.id, kind=unit.kind, path=unit.path, heading=unit.title, text=unit.text, start=unit.start,
            end=unit.end, document=unit.document, score=round(float(score), 6),
            scores=Scores(bm25=round(lexical, 6) if lexical > 0 else None,
                          dense=round(dense_map[doc], 6) if doc in dense_map else None),
            highlights=highlights(unit.text, terms), context=unit.context,
            target=self._best_target(unit, plan, carried), function=unit.function, function_cue=unit.function_cue,
        )
