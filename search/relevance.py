"""Knowing when nothing fits: is the best dense similarity high enough for the documents to answer at all?

Fused scores are min-max normalised per question, so the first hit always scores 1 and says nothing about
relevance. The raw cosine of the best unit (whole text and best sentence, as ranked) does, up to a point: on the
four tune halves of benchmarks/questions/users_*.jsonl (242 answerable questions, 43 with no answer), with
e5-small, answerable Chinese questions reach at least 0.8687 and English ones 0.7698, while questions no document
answers spread from far below (football tickets, passports) to well above (an in-domain topic none of the documents
treats: a tax rate, a licence). Saying "nothing relevant" of a question the documents answer costs a user more
than showing the nearest units of one they do not, so each floor is the lowest answerable tune question's cosine
less a margin, the smallest that flags no answerable question of a held-out half: set on three tune halves and
judged on the fourth, in turn, a floor right at the lowest answerable cosine flagged 1 of 168 held-out Chinese and 5
of 74 English answerable questions; 0.005 below it (Chinese) and 0.015 below it (English) flag none, and still catch
16 of 30 and 3 of 13 unanswerable ones. Hence 0.863 and 0.754 (from 0.8687 and 0.7698).
An English question reaches the Chinese text only through the words CC-CEDICT and the scheme give it: one for
which the documents hold fewer than ``MIN_HELD_WORDS`` of them (how long should I boil an egg: none) is judged by
the stricter, earlier English floor (``en-unheld``, 0.779): such a question is off the documents' topics by its own
words (football tickets, boiling an egg), and on the tune halves no answerable question falls below it.
An encoder's cosines live on their own scale, so an encoder without calibrated floors never says
"nothing relevant" (set ``SearchSettings.relevance_floors`` to calibrate one)."""

from __future__ import annotations

__all__ = ["CALIBRATED_FLOORS", "MIN_HELD_WORDS", "floor_key", "relevance_floor", "is_relevant"]

# encoder name → language (or floor_key) → the lowest best-unit cosine that counts as an answer
CALIBRATED_FLOORS: dict[str, dict[str, float]] = {
    "e5-small": {"zh": 0.863, "en": 0.754, "en-unheld": 0.779},
}
MIN_HELD_WORDS = 3  # an English question with fewer Chinese words the documents hold is judged more strictly


def floor_key(language: str, held_words: int) -> str:
    """Which floor judges a question: its language's, or ``en-unheld`` for an English question the documents
    hold fewer than MIN_HELD_WORDS of its words for."""
    return "en-unheld" if language == "en" and held_words < MIN_HELD_WORDS else language


def relevance_floor(encoder: str, key: str, overrides: dict[str, float] | None = None) -> float | None:
    """The floor for ``key`` (a language or a :func:`floor_key`; ``overrides`` first, then the calibrated table;
    ``en-unheld`` falls back to ``en``), or None if unknown."""
    for k in (key, "en") if key == "en-unheld" else (key,):
        if overrides and k in overrides:
            return float(overrides[k])
        if k in CALIBRATED_FLOORS.get(encoder, {}):
            return CALIBRATED_FLOORS[encoder][k]
    return None


def is_relevant(best_cosine: float | None, floor: float | None) -> bool:
    """True unless a calibrated ``floor`` exists and the best cosine stays below it (no dense score: False
    only when a floor exists, since then nothing was found at all)."""
    if floor is None:
        return True
    return best_cosine is not None and best_cosine >= floor
