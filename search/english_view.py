"""English views of units: an English question's words matched against the English glosses of a unit's Chinese words.

An English question reaches the Chinese text lexically through the index's CC-CEDICT table read backwards
(search/bilingual.py): each English phrase stands for a few Chinese words, the most primary senses first, and
a Chinese word the table did not put among those few is never looked for.  Read forwards, the same table gives each
Chinese word of a unit the English words glossing it (验收 → check, accept; 牵头 → lead), so a unit has an English
view: the bag of those words.  Among the units both retrievers found, the ones whose view holds the question's own
words rise (BM25 of the view, normalised by the best candidate, times ``english_view_weight`` of the best fused
score).  Nothing is added to the saved index: the table is already in it, a unit's view is made the first time
the unit is a candidate (jieba on its text) and kept.

Chosen on the six tune question sets (English hit@1 / hit@3, with the English shift of search/align.py): without
views 0.745 / 0.883; weight 0.2 with the first two words of each phrase 0.745 / 0.898 (the best of weights 0.2–0.4
and 2, 3, 4 or 8 words); on the nine once-scored untouched sets the same setting moved 0.648 / 0.824 → 0.695 /
0.848 (weight 0.3 or 0.4 did better there, 0.72 / 0.87, but no better on tune, so not taken).

The policy glossary (search/bilingual.py) is in the table, so a view already holds its first senses.  Adding every
English word the glossary writes for a unit's words (``FORWARD_GLOSSARY``: 贴息 → interest, subsidy, discount …)
gave English hit@1 141 of 183 tune questions against 142 without, untouched unchanged (157 of 210): off.  Views
made from CC-CEDICT alone while the query uses the glossary: 143 on tune but 151 untouched, so the views keep
the glossary's first senses.

Sixth round: a person or a place no dictionary knows is asked by its pinyin (the historian Ge Zhaoguang,
Mazongshan village, Ma Wanqi's proposal).  :func:`pinyin_names` reads such a run of capitalised words as the
characters CC-CEDICT reads so (葛兆光 for zhao guang), and a candidate holding one rises by ``NAME_WEIGHT`` of the
best score (:meth:`EnglishViews.raise_names`): English hit@1 over ten sets 199 → 200 of 246 (users_real_r5's Ge
Zhaoguang question), nothing lost; words CC-CEDICT glosses (China, Summer, Shanghai) are no names, or every
question naming China or Shanghai was raised towards units that merely name it."""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from collections.abc import Container, Sequence
from functools import lru_cache
from pathlib import Path

from .bilingual import (
    GLOSSARY_WORDS,
    POSSESSIVE,
    Dictionary,
    _cedict_lines,
    gloss_keys,
    load_glossary,
)
from .expand import stem
from .tokenize import STOPWORDS, Tokenizer, ascii_words

__all__ = ["B", "K1", "EnglishViews", "forward_glosses"]  # noqa: RUF022 (constants first)

K1, B = 1.2, 0.75  # BM25's usual constants (Robertson & Zaragoza 2009)
FORWARD_GLOSSARY = False


def forward_glosses(dictionary: Dictionary, senses: int, glossary: bool = FORWARD_GLOSSARY) -> dict[str, frozenset[str]]:
    """Chinese word → the stemmed English words of the phrases it is among the first ``senses`` words of, and
    (``glossary``) every English word the policy glossary writes for it."""
    out: dict[str, set[str]] = {}
    for key, words in dictionary.to_table().items():
        english = {w for w in key.split(" ") if w not in STOPWORDS}
        for word in words[:senses]:
            out.setdefault(word, set()).update(english)
    if glossary:
        for word, glosses in load_glossary():
            out.setdefault(word, set()).update(w for g in glosses for key in gloss_keys(g, GLOSSARY_WORDS)
                                               for w in key if w not in STOPWORDS)
    return {word: frozenset(english) for word, english in out.items()}


_TONE = re.compile(r"[1-5]$")
_PINYIN = re.compile(r"\[([^\]]*)\]")
NAME_WEIGHT = 0.3  # share of the best fused score a unit holding every name the question spells in pinyin gains


_readings: tuple[dict[str, str], frozenset[str], frozenset[str]] | None = None
_readings_lock = threading.Lock()


def pinyin_readings(cache_dir: Path | None = None) -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """Syllable (toneless, lower case) → a regex character class of the characters CC-CEDICT reads so (马, 玛, 码 …
    for ma), every syllable, and every English word of its glosses (china, summer, shanghai: English, or a name
    the dictionary already knows); read once a process (nothing without the package).  Reading them takes CC-CEDICT's
    122k lines (a second or more): with ``cache_dir`` (a run-time cache folder, ``search.runtime_cache``) they are
    kept there, keyed by the dictionary's file and this code, and the next process opens them instead."""
    global _readings
    if _readings is not None:
        return _readings
    with _readings_lock:
        if _readings is None:
            if cache_dir is None:
                _readings = _read_pinyin()
            else:
                from ingest.cedict import cedict_file

                from .runtime_cache import cached_pickle, content_key

                key = content_key(cedict_file(), Path(__file__))
                _readings = cached_pickle(cache_dir, "pinyin", key, _read_pinyin, keep=2)
        return _readings


def _read_pinyin() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    chars: dict[str, set[str]] = {}
    glosses: list[str] = []
    for line in _cedict_lines():
        slash = line.find(" /")
        if slash > 0:
            glosses.append(line[slash:])
        parts = line.split(" ", 2)
        if len(parts) < 3 or len(parts[1]) != 1 or not "\u3400" <= parts[1] <= "\u9fff":
            continue
        match = _PINYIN.search(line)
        if match is None:
            continue
        syllable = _TONE.sub("", match.group(1).strip().lower()).replace("u:", "v")
        if syllable.isascii() and syllable.isalpha():
            chars.setdefault(syllable, set()).add(parts[1])
    classes = {syllable: "[" + "".join(sorted(found)) + "]" for syllable, found in chars.items()}
    english = ascii_words("\n".join(glosses))  # one pass: a word never spans two lines
    return classes, frozenset(classes), frozenset(english)


@lru_cache(maxsize=4096)
def _cut(word: str) -> tuple[str, ...] | None:
    """:func:`syllables` of ``word`` over every syllable CC-CEDICT reads, kept per word."""
    cut = syllables(word, pinyin_readings()[1])
    return None if cut is None else tuple(cut)


def syllables(word: str, known: frozenset[str]) -> list[str] | None:
    """``word`` cut into pinyin syllables, as few as possible (zhaoguang → zhao guang, mazongshan → ma zong
    shan); None when it is no run of syllables."""
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 6), end):
            head = best[start]
            if head is not None and word[start:end] in known and (best[end] is None or len(head) + 1 < len(best[end])):
                best[end] = [*head, word[start:end]]
    return best[-1]


def pinyin_names(question: str, english: Container[str]) -> list[re.Pattern[str]]:
    """The names an English question spells in pinyin (Ge Zhaoguang, Ma Wanqi, Mazongshan, Beilin) as patterns of
    the Chinese characters that read so: runs of capitalised words that are no English word of CC-CEDICT's
    glosses (China, Summer, and the places it names: Shanghai, Sichuan), none the table glosses (``english``),
    no stopword, and that cut into pinyin syllables, three syllables at least for a run (a lone
    Wen, Ma or Lin Street names too much), two for a one-word run (Beilin)."""
    classes, _, glossed = pinyin_readings()
    if not classes:
        return []
    out: list[re.Pattern[str]] = []
    run: list[list[str]] = []
    for token in [*re.findall(r"[A-Za-z][a-z]*(?:'s)?|[^A-Za-z\s]+", question), ""]:
        word = POSSESSIVE.sub("", token)
        cut = _cut(word.lower()) if word[:1].isupper() else None
        lower = word.lower()
        if cut and lower not in glossed and stem(lower) not in english and lower not in STOPWORDS:
            run.append(cut)
            if not token.endswith("'s"):
                continue
        if run and (sum(map(len, run)) >= 3 or (len(run) == 1 and len(run[0]) >= 2)):
            out.append(re.compile("".join(classes[x] for cut in run for x in cut)))
        run = []
    return out


class EnglishViews:
    """The English views of an index's units, made on demand, and their BM25 against an English question."""

    def __init__(self, texts: Sequence[str], tokenizer: Tokenizer, dictionary: Dictionary,
                 document_frequency, senses: int) -> None:
        """``texts``: the units' texts by row; ``document_frequency``: Chinese word → units holding it (the
        lexical backend's), from which an English word's document frequency is bounded."""
        self._texts = texts
        self._tokenizer = tokenizer
        self._glosses = forward_glosses(dictionary, senses)
        self._english_of: dict[str, list[str]] = {}  # English word → the Chinese words it glosses
        for word, english in self._glosses.items():
            for e in english:
                self._english_of.setdefault(e, []).append(word)
        self._df = document_frequency
        self._views: dict[int, Counter] = {}
        self._norms: dict[int, float] = {}  # BM25's length part of each row's view, kept with it
        self._lock = threading.Lock()
        self._n = len(texts)
        self._mean_length = (sum(len(t) for t in texts) / len(texts)) if texts else 1.0

    def question_words(self, question: str) -> list[str]:
        """The question's stemmed English words some unit word is glossed by."""
        return [w for w in dict.fromkeys(stem(POSSESSIVE.sub("", x)) for x in ascii_words(question))
                if w not in STOPWORDS and w in self._english_of]

    def view(self, row: int) -> Counter:
        """The English words of unit ``row``'s Chinese words, with their counts (made once, then kept)."""
        view = self._views.get(row)
        if view is None:
            view = Counter(e for word in self._tokenizer.words(self._texts[row])
                           for e in self._glosses.get(word, ()))
            norm = K1 * (1 - B + B * len(self._texts[row]) / self._mean_length)
            with self._lock:
                self._norms[row] = norm
                self._views[row] = view
        return view

    def idf(self, english: str) -> float:
        """BM25's idf of an English word, its document frequency bounded by the units holding the Chinese word
        it glosses that most units hold (the union is at least that, at most the sum)."""
        df = min(self._n, max((self._df(w) for w in self._english_of.get(english, ())), default=0))
        return math.log(1 + (self._n - df + 0.5) / (df + 0.5))

    def scores(self, question: str, rows: Sequence[int]) -> dict[int, float]:
        """BM25 of each unit's English view for the question's English words."""
        words = self.question_words(question)
        if not words:
            return {}
        idf = [(w, self.idf(w)) for w in words]
        out = {}
        views, norms = self._views, self._norms
        for row in rows:
            view = views.get(row)
            if view is None:
                view = self.view(row)
            norm = norms[row]
            score = 0.0
            for w, weight in idf:
                tf = view.get(w)
                if tf:
                    score += weight * tf * (K1 + 1) / (tf + norm)
            out[row] = score
        return out

    def raise_phrases(self, fused: dict[int, float], phrases, weight: float) -> None:
        """Add to each candidate ``weight`` × the best fused score × the share of ``phrases`` (the Chinese words an
        English phrase of two words or more stands for: Mid-Autumn Festival → 中秋) its text holds."""
        if weight <= 0 or not fused or not phrases:
            return
        top = max(fused.values())
        for row in fused:
            held = sum(phrase in self._texts[row] for phrase in phrases)
            if held:
                fused[row] += weight * top * held / len(phrases)

    def raise_names(self, fused: dict[int, float], question: str, weight: float = NAME_WEIGHT) -> None:
        """Add to each candidate ``weight`` × the best fused score × the share of the names the question spells in
        pinyin (:func:`pinyin_names`) its text holds (葛兆光 for Ge Zhaoguang)."""
        if weight <= 0 or not fused:
            return
        names = pinyin_names(question, self._english_of)  # a dict's keys: no set built per question
        if not names:
            return
        top = max(fused.values())
        for row in fused:
            held = sum(1 for name in names if name.search(self._texts[row]))
            if held:
                fused[row] += weight * top * held / len(names)

    def raise_matching(self, fused: dict[int, float], question: str, weight: float) -> None:
        """Add to each candidate ``weight`` × the best fused score × its view's BM25 share of the best one, then
        what the names the question spells in pinyin give (:meth:`raise_names`)."""
        if weight <= 0 or not fused:
            return
        self.raise_names(fused, question)
        scores = self.scores(question, list(fused))
        best = max(scores.values(), default=0.0)
        if best <= 0:
            return
        top = max(fused.values())
        for row, score in scores.items():
            fused[row] += weight * top * score / best
