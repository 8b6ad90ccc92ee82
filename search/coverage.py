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
within two questions of it on tune.

Round five, second pass (English hit@1 / hit@3 of the 230 tune and development questions and of the 210 untouched,
after seven more glossary terms: 192 / 215 and 162 / 189; Chinese 271 / 305 of 315 and 319 / 364 of 396 throughout).
Kept: a document's coverage (``document_gains``, ``SearchSettings.english_document_coverage`` 0.4): each candidate
also gains by the covered share of its whole document, so that of two similar documents (two replies to deputies'
suggestions) the one holding more of the asked phrases leads: 193 / 215 and 164 / 190 (figures of other weights
by the setting; the document's title alone instead of its whole text: 190 / 214 and 191 / 214 at 0.1 and 0.3, before
the glossary terms, against 190 / 214 without); and the plan's words for a kind of project a question names in everyday words (``manual`` →
自动化, 机器换人; ``everyday_groups``) as one more phrase: +1 on tune (a bundled-plan question), untouched unchanged.
Tried and not kept: coverage over the unit's index text (section chain, concept labels in both languages) instead
of its own text, 187 / 214 on tune; over its section chain and text, or heading and text, the same as without;
the unit's heading (or section chain) covered on its own and added (0.15: tune 192 / 214, untouched 163 / 188;
0.3: 192 / 214 on tune; 0.5: 188 / 214, 159 / 185; 1.0: 178 / 212, 152 / 183); the instrument classes of
ingest/data/instruments.json (funds, tax, financing, land, approvals) widening a phrase whose word is one of a
class's: 188 / 214 on tune; the everyday terms widening a phrase likewise: 189 / 214; the English fusion weights
(BM25 share with a concept matched / without; 0.4 / 0.1 now): 0.3 / 0.1 189 / 215, 0.5 / 0.1 185 / 212, 0.4 / 0.2
191 / 214 (with the glossary 193 / 215 on tune but 161 / 189 untouched), 0.4 / 0.3 192 / 214 and 0.4 / 0.05 190 / 214 (before the glossary terms, against 190 / 214), so no fold-wise fit
was worth it: no setting moved tune by more than two questions."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from ingest.conditions import vocabulary

from .bilingual import Dictionary

__all__ = ["MIN_PHRASES", "POOL", "WEIGHT", "DocumentTexts", "bm25_idf", "document_gains", "everyday_groups", "phrase_groups",
           "raise_covering", "setting"]

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
    holds as a group of its own, then the plan's words for each kind of project the question names in everyday
    words (``everyday_groups``) no group holds a word of."""
    kept_set = set(kept)
    groups: list[list[str]] = []
    for _, translations in dictionary.phrases(text):
        words = list(dict.fromkeys(t.word for t in translations if t.word in kept_set))
        if words and words not in groups:  # a phrase asked twice (charger … charging) counts once
            groups.append(words)
    for label in labels:
        if not any(label in group for group in groups):
            groups.append([label])
    for terms in everyday_groups(text):  # a kind of project in everyday words, unless a phrase already found it
        if not any(set(terms) & set(group) for group in groups):
            groups.append(terms)
    return groups


def everyday_groups(text: str) -> list[list[str]]:
    """The plan's words for the kinds of project an English question names in everyday words (``manual``,
    ``save energy`` → 自动化/机器换人, 节能/能耗/能效): ``everyday_terms`` of ingest/data/instruments.json, one
    group per kind whose English words occur in ``text`` at a word start."""
    lowered = text.lower()
    return [list(terms) for pattern, terms in _everyday_patterns() if pattern.search(lowered)]


@lru_cache(maxsize=1)
def _everyday_patterns() -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    """One pattern per ``everyday_terms`` group with English words (any of them, as whole words), and its terms."""
    out = []
    for group in vocabulary().get("everyday_terms", {}).get("groups", []):
        english = sorted({w.lower() for w in group["words"] if w.isascii()}, key=len, reverse=True)
        if english:
            out.append((re.compile(r"\b(?:" + "|".join(map(re.escape, english)) + r")\b"), tuple(group["terms"])))
    return tuple(out)


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


class DocumentTexts:
    """Each document's whole text (its title, then every unit's text), joined the first time it is asked for."""

    def __init__(self, units: Sequence) -> None:
        self._units = units
        self._texts: dict[str, str] | None = None
        self._holds: dict[tuple[str, str], bool] = {}  # (document, word) → whether its text holds the word

    def holds(self, document: str, word: str) -> bool:
        """Does ``document``'s whole text hold ``word``?  Kept per document and word: a document is long, and
        the same words come back question after question."""
        key = (document, word)
        found = self._holds.get(key)
        if found is None:
            found = self._holds[key] = word in self(document)
        return found

    def __call__(self, document: str) -> str:
        if self._texts is None:
            parts: dict[str, list[str]] = {}
            for unit in self._units:
                parts.setdefault(unit.document, [unit.document_title]).append(unit.text)
            self._texts = {doc: "\n".join(texts) for doc, texts in parts.items()}
        return self._texts.get(document, "")


def document_gains(fused: dict[int, float], document_of: Sequence[str], document_text: Callable[[str], str],
                   groups: Sequence[Sequence[str]], idf: Callable[[str], float], weight: float, pool: int = POOL,
                   min_phrases: int = MIN_PHRASES) -> dict[int, float]:
    """What each of the best ``pool`` candidates of ``fused`` gains from its document's coverage: ``weight`` ×
    the best score × the idf-weighted share of ``groups`` the whole document (``document_text``) holds a word of.
    Read before the units' own coverage is added; the caller adds the gains after it."""
    if weight <= 0 or not fused or len(groups) < min_phrases:
        return {}
    weights = [max(idf(word) for word in group) for group in groups]
    total = sum(weights)
    if total <= 0:
        return {}
    top = max(fused.values())
    shares: dict[str, float] = {}
    gains: dict[int, float] = {}
    for row in sorted(fused, key=lambda r: (-fused[r], r))[:pool]:
        doc = document_of[row]
        if doc not in shares:
            holds = getattr(document_text, "holds", None)
            if holds is None:
                text = document_text(doc)
                holds = lambda _, word, text=text: word in text
            shares[doc] = sum(w for group, w in zip(groups, weights, strict=True)
                              if any(holds(doc, word) for word in group)) / total
        gains[row] = weight * top * shares[doc]
    return gains


def bm25_idf(n: int, document_frequency: Callable[[str], int]) -> Callable[[str], float]:
    """BM25's idf over ``n`` units, a word's document frequency read from the lexical backend."""
    def idf(word: str) -> float:
        df = document_frequency(word)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))
    return idf
