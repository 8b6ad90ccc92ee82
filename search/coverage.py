"""Query-term coverage for English questions: among the candidates, the units whose text holds the Chinese words of
more of the question's English phrases rise (issue 24).

An English question's misses were mostly near ties between units of the right document: the dense side sees the
document's topic in all of them, and BM25 over the translations sums scores, so a unit that repeats one word often
(the document's theme, 网站 in every unit of a letter about government websites) ties with the unit holding the
words of every phrase asked about.  Coverage counts each English phrase once: a phrase is covered when the unit's
text holds one of the Chinese words the search kept for it (``plan.translation_terms``, the scheme's preferred
labels ``plan.key_terms`` each a phrase of their own), weighted by the rarest such word's idf; a unit's coverage is
the covered share of that weight.  Each of the best ``POOL`` candidates gains ``weight`` × the best fused score ×
its coverage.  Questions with fewer than ``MIN_PHRASES`` such phrases are left as they are (one phrase tells no
unit from another).

Chosen on the tune halves and the development sets (230 English questions: the six tune halves,
users_real_fresh, users_plan_fresh, users_real_r4, users_plan_r4): English hit@1 / hit@3 178 / 207 without,
weight 0.3 184 / 212, 0.5 189 / 213, 0.7 190 / 212, 1.0 191 / 213, 1.5 184 / 213, 3.0 167 / 207; on the nine
once-scored untouched halves (210) 157 / 182 → 160 / 191 (0.5), 162 / 189 (0.7), 159 / 191 (1.0).  Every
translation the index keeps per phrase (up to 5 or 8) instead of the search's 3: 188 / 215 on tune (0.7); every
phrase weighing 1 instead of its idf: 187 / 214.  The same for Chinese questions (their jieba words as phrases)
cost tune questions (272 → 271 of 315 at 0.1 and 0.3, 270 at 1.0): English only.  The candidates of the best
document alone re-weighed by their BM25 (0.1, 0.2): 181 and 180 of 230, below coverage, and nothing more on top of it.

Tried beside coverage 0.7 and not kept (English hit@1 / hit@3 of the 230, after the glossary words of this round
191 / 214): a unit's coverage mixed with its best sentence's (0.3: 192 / 214; 0.5 the same as without; the best
sentence alone 186 / 213); English questions' dense score with less of the best sentence (``sentence_weight`` 0.5
for English only: 194 / 212 on tune, but on the untouched halves 162 / 189 → 163 / 187, hit@3 lower); a linear
re-ranker learned over the 30 best candidates (the fused score, coverage, BM25, cosine, English view, same
document as the first, length) as a listwise softmax, 5-fold over the 205 English development questions whose
answer is among them: 166, 161, 160 of 205 held out (λ 0.001, 0.01, 0.1) against 169 for the hand-set order; the
English view and phrase weights, translations per phrase and the English BM25 share moved around coverage:
within two questions of it on tune."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from .bilingual import Dictionary

__all__ = ["MIN_PHRASES", "POOL", "WEIGHT", "bm25_idf", "phrase_groups", "raise_covering", "setting"]

WEIGHT = 0.7  # share of the best fused score a unit holding every phrase gains (``SearchSettings.english_coverage``)
POOL = 50  # the best this many candidates are judged
MIN_PHRASES = 2


def setting(settings: object) -> float:
    """The coverage weight of an index's settings (``SearchSettings.english_coverage``); of a plain dict (the
    ``extra`` of an index saved before it was a field), its ``"english_coverage"`` when set, else WEIGHT."""
    if isinstance(settings, dict):
        value = settings.get("english_coverage")
        return WEIGHT if value is None else float(value)
    return float(getattr(settings, "english_coverage", WEIGHT))


def phrase_groups(text: str, dictionary: Dictionary, kept: Sequence[str], labels: Sequence[str]) -> list[list[str]]:
    """The question's English phrases as groups of the Chinese words kept for them (``kept``: the translations
    the search uses), in the order the dictionary finds them, then each concept label (``labels``) no group
    holds as a group of its own."""
    kept_set = set(kept)
    groups: list[list[str]] = []
    for _, translations in dictionary.phrases(text):
        words = list(dict.fromkeys(t.word for t in translations if t.word in kept_set))
        if words and words not in groups:  # a phrase asked twice (charger … charging) counts once
            groups.append(words)
    for label in labels:
        if not any(label in group for group in groups):
            groups.append([label])
    return groups


def raise_covering(fused: dict[int, float], texts: Sequence[str], groups: Sequence[Sequence[str]],
                   idf: Callable[[str], float], weight: float, pool: int = POOL,
                   min_phrases: int = MIN_PHRASES) -> None:
    """Add to each of the best ``pool`` candidates of ``fused`` (row → score) ``weight`` × the best score × the
    idf-weighted share of ``groups`` its text (``texts[row]``) holds a word of."""
    if weight <= 0 or not fused or len(groups) < min_phrases:
        return
    weights = [max(idf(word) for word in group) for group in groups]
    total = sum(weights)
    if total <= 0:
        return
    top = max(fused.values())
    for row in sorted(fused, key=lambda r: (-fused[r], r))[:pool]:
        text = texts[row]
        held = sum(w for group, w in zip(groups, weights, strict=True) if any(word in text for word in group))
        fused[row] += weight * top * held / total


def bm25_idf(n: int, document_frequency: Callable[[str], int]) -> Callable[[str], float]:
    """BM25's idf over ``n`` units, a word's document frequency read from the lexical backend."""
    def idf(word: str) -> float:
        df = document_frequency(word)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))
    return idf
