"""Language-aware query handling: detect the language, map words through the concept scheme, pick weights."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .lexicon import ConceptLabels
from .routing import (
    asked_figures,
    asks_frequency,
    asks_in_force,
    asks_lead_person,
    asks_penalty,
    asks_person,
    asks_places,
    asks_support,
    asks_when,
    asks_who,
)
from .tokenize import ascii_words, cjk_share

__all__ = ["FusionWeights", "QueryExpander", "QueryPlan", "detect_language", "is_quantitative", "stem"]

log = logging.getLogger(__name__)

# Question forms that ask for a number: the index then favours target units and attaches the target.
_QUANT_ZH = re.compile(r"多少|几个|几项|几家|多大|多长|多久|百分之|比例|增速|增长率|目标|指标|到\d{4}年|[\d０-９]+\s*[%％个项]")
_QUANT_EN = re.compile(
    r"\bhow (many|much|long|fast|far)\b|\bnumber of\b|\bpercent(age)?\b|%|\bgrowth rate\b|\btargets?\b"
    r"|\bdays?\b|\bby 20\d\d\b|\bquantit", re.IGNORECASE)


def detect_language(text: str, threshold: float = 0.3) -> str:
    """``"zh"`` when at least ``threshold`` of the letters are CJK ideographs, else ``"en"``."""
    return "zh" if cjk_share(text) >= threshold else "en"


def is_quantitative(text: str) -> bool:
    """Does the question ask for a quantity (多少, 几个, 百分之, 目标, how many/much/long, days, %)?"""
    return bool(_QUANT_ZH.search(text) or _QUANT_EN.search(text))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A tiny English suffix stripper for label matching (robots → robot, factories → factory,
    enterprises → enterprise, supplies → supply); not Porter, just plural and -ing forms, and a verb and
    its -ation noun brought together (evaluates, evaluated, evaluation → evaluate).  Kept per word: an English
    question's words are stemmed by its concept match, its phrases and its English views, about 18 times a search."""
    w = word.lower()
    if w.endswith(("ation", "ations")) and w.rindex("ation") >= 3:  # not station, nation
        return w[: w.rindex("ation")] + "ate"
    if len(w) > 5 and w.endswith(("ated", "ates")):
        return w[:-1]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 5 and w.endswith("ing"):
        return w[:-3]
    if len(w) > 4 and w.endswith(("sses", "xes", "ches", "shes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def _stems(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in ascii_words(text))


@dataclass(frozen=True, slots=True)
class FusionWeights:
    """How much the fused score trusts each retriever for this query."""

    bm25: float
    dense: float


@dataclass(slots=True)
class QueryPlan:
    """What the index does with one question."""

    text: str
    language: str
    lexical_terms: list[str] = field(default_factory=list)  # zh terms added to the BM25 query
    key_terms: list[str] = field(default_factory=list)  # of those, the matched concepts' preferred labels
    industry_terms: list[str] = field(default_factory=list)  # policy industries of the products/plants named
    translation_terms: list[str] = field(default_factory=list)  # Chinese words an English question's words stand for
    phrase_terms: frozenset[str] = frozenset()  # … of those, the ones a phrase of two words or more stands for
    dense_text: str = ""  # the text embedded for the dense query
    concepts: list[str] = field(default_factory=list)  # keys of matched concepts
    places: frozenset[str] = frozenset()  # gazetteer keys of the places the question names
    quantitative: bool = False
    asks_who: bool = False  # which body is responsible (search/routing.py)
    asks_when: bool = False  # by when, how long
    asks_support: bool = False  # what support, how much of it
    asks_frequency: bool = False  # how often (search/routing.py)
    asks_places: bool = False  # which places (哪些省份, which provinces)
    asks_penalty: bool = False  # what the penalty is (罚多少钱, what fine)
    asks_person: bool = False  # who holds a post (秘书长是谁)
    asks_lead_person: bool = False  # … the leading post of a body (who chairs it, 组长是谁)
    asked_figures: frozenset[str] = frozenset()  # the kinds of figure asked for: how much money, how many students
    asks_in_force: bool = False  # when the text comes into force (从哪天起施行, from what date … apply)
    about_document: bool = False  # the text as a whole: 这份文件, this scheme (set by SearchIndex.plan)
    weights: FusionWeights = field(default_factory=lambda: FusionWeights(0.5, 0.5))  # score (min-max) fusion
    rrf_weights: FusionWeights = field(default_factory=lambda: FusionWeights(0.5, 0.5))  # rank fusion

    @property
    def lexical_text(self) -> str:
        return " ".join([self.text, *self.lexical_terms, *self.industry_terms])


@dataclass(frozen=True, slots=True)
class _Weights:
    """Fusion weights by question language (benchmarks/eval_retrieval.py on dev and own questions).

    On questions in the plan's own words BM25 with the domain dictionary is far ahead of 4-bit e5-small
    (hit@1 ≈ 0.98 vs 0.80 on dev), but on users' own words (benchmarks/questions/users_tune.jsonl with
    own.jsonl) the dense side, scored by whole unit and best sentence, is ahead (0.70 vs 0.63): BM25 at
    0.3 gave hit@1 0.846 there against 0.808 at 0.5, and dev stays at 0.969 either way.  Once a place the
    documents cover stopped being searched for, the tune halves of the users' sets moved lower still: 0.2
    (with the best sentence at 0.8) gave Chinese hit@1 0.871 of 140 against 0.836 at 0.3 (0.850 at 0.15
    and 0.25; benchmarks/results/eval_users_grid.md).  Rank
    fusion throws the margins away, so the weaker retriever must weigh less (0.8/0.2: from 0.75 to 0.8
    RRF is within one question of BM25 on dev and above it on own; at 0.5 it is four questions below).
    An English question reaches the Chinese text lexically only through the scheme's labels: when none
    matched, BM25 has nothing to say and the dense side carries it."""

    zh: FusionWeights = FusionWeights(0.2, 0.8)
    en_matched: FusionWeights = FusionWeights(0.4, 0.6)
    en_unmatched: FusionWeights = FusionWeights(0.1, 0.9)
    rrf_zh: FusionWeights = FusionWeights(0.8, 0.2)


class QueryExpander:
    """Maps a question onto the document's vocabulary through the concept scheme: English preferred and
    alternative labels → the concept's Chinese labels; colloquial Chinese alternative labels → the
    preferred Chinese label.  No question-to-answer tables: only the scheme's own labels are used."""

    def __init__(self, concepts: Sequence[ConceptLabels], weights: _Weights | None = None,
                 add_labels_to_dense: bool = True) -> None:
        self.concepts = list(concepts)
        self.weights = weights or _Weights()
        self.add_labels_to_dense = add_labels_to_dense
        self._by_key = {c.key: c for c in self.concepts}
        self._en: list[tuple[tuple[str, ...], ConceptLabels]] = []
        self._zh: list[tuple[str, ConceptLabels]] = []
        for c in self.concepts:
            if c.group and c.key == c.group:
                continue  # a top concept (技术领域, 产业领域) names a whole group: too broad to expand
            for label in c.en_labels:
                stems = _stems(label)
                if stems:
                    self._en.append((stems, c))
            for label in c.zh_labels:
                self._zh.append((label, c))
        # Longest labels first, so a specific label wins over a word inside it; each label is filed under
        # its first word (first character), so a question only tries the labels that can start in it.
        self._en.sort(key=lambda item: -len(item[0]))
        self._zh.sort(key=lambda item: -len(item[0]))
        self._en_by_first: dict[str, list[tuple[int, tuple[str, ...], ConceptLabels]]] = {}
        for order, (stems, concept) in enumerate(self._en):
            self._en_by_first.setdefault(stems[0], []).append((order, stems, concept))
        self._zh_by_first: dict[str, list[tuple[int, str, ConceptLabels]]] = {}
        for order, (label, concept) in enumerate(self._zh):
            self._zh_by_first.setdefault(label[0], []).append((order, label, concept))

    @staticmethod
    def _take(occurrences: list[tuple[int, int, int, ConceptLabels]], size: int) -> list[ConceptLabels]:
        """Occurrences ``(label order, start, length, concept)`` taken longest label first, then left to
        right, each only where none of its positions is taken yet; the concepts in the order taken."""
        taken = [False] * size
        found: dict[str, ConceptLabels] = {}
        for _, start, length, concept in sorted(occurrences, key=lambda o: (o[0], o[1])):
            if not any(taken[start : start + length]):
                taken[start : start + length] = [True] * length
                found.setdefault(concept.key, concept)
        return list(found.values())

    def match_en(self, text: str) -> list[ConceptLabels]:
        """Concepts whose English label occurs (as whole stemmed words) in ``text``; longest labels first,
        and a word taken by a longer label is not matched again (tax deduction, not also tax)."""
        words = _stems(text)
        occurrences = [(order, i, len(stems), concept)
                       for i, word in enumerate(words) for order, stems, concept in self._en_by_first.get(word, ())
                       if tuple(words[i : i + len(stems)]) == stems]
        return self._take(occurrences, len(words))

    def match_zh(self, text: str) -> list[ConceptLabels]:
        """Concepts whose Chinese label (preferred or colloquial) is a substring of ``text``; longest labels
        first, and characters taken by a longer label are not matched again (机械臂 is a robot, not also
        机械 machinery)."""
        occurrences = []
        for char in set(text):
            for order, label, concept in self._zh_by_first.get(char, ()):
                start = text.find(label)
                while start != -1:
                    occurrences.append((order, start, len(label), concept))
                    start = text.find(label, start + 1)
        return self._take(occurrences, len(text))

    def plan(self, text: str) -> QueryPlan:
        language = detect_language(text)
        matched = self.match_zh(text) if language == "zh" else self.match_en(text) + self.match_zh(text)
        matched = list({c.key: c for c in matched}.values())
        terms: list[str] = []
        key_terms: list[str] = []
        industry_terms: list[str] = []
        for concept in matched:
            if concept.matches:
                # an industry-classification entry (饮料 → 酒、饮料和精制茶制造业): its own labels are the
                # enterprise's words, not the plan's; the policy concepts it relates to (食品) are the plan's
                for related in (self._by_key.get(k) for k in concept.matches):
                    if related and related.pref_zh not in text and related.pref_zh not in industry_terms:
                        industry_terms.append(related.pref_zh)
                continue
            if concept.pref_zh and concept.pref_zh not in text and concept.pref_zh not in key_terms:
                key_terms.append(concept.pref_zh)
            for label in concept.zh_labels:
                if label not in text and label not in terms:
                    terms.append(label)
        if language == "zh":
            weights, rrf_weights = self.weights.zh, self.weights.rrf_zh
        else:
            weights = rrf_weights = self.weights.en_matched if matched else self.weights.en_unmatched
        dense_text = text
        if self.add_labels_to_dense and language == "en" and matched:
            # an industry entry's policy concepts stay out of the dense query: the enterprise's product
            # (bottling) is context, not what it asks for (automation)
            dense_text = " ".join([text, *(c.pref_zh for c in matched if c.pref_zh and not c.matches)])
        return QueryPlan(text=text, language=language, lexical_terms=terms, key_terms=key_terms,
                         industry_terms=industry_terms,
                         dense_text=dense_text, concepts=[c.key for c in matched],
                         quantitative=is_quantitative(text), asks_who=asks_who(text), asks_when=asks_when(text),
                         asks_support=asks_support(text), asks_frequency=asks_frequency(text), asks_places=asks_places(text),
                         asks_penalty=asks_penalty(text), asks_person=asks_person(text), asks_lead_person=asks_lead_person(text),
                         asked_figures=asked_figures(text),
                         asks_in_force=asks_in_force(text),
                         weights=weights, rrf_weights=rrf_weights)
