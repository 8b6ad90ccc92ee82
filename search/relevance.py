"""Knowing when nothing fits: is the best dense similarity high enough for the documents to answer at all?

Fused scores are min-max normalised per question, so the first hit always scores 1 and says nothing about
relevance.  The raw cosine of the best unit (whole text and best sentence, as ranked) does: on the tuning
half of benchmarks/questions/users_*.jsonl, questions the seed plan answers reach at least 0.869 (Chinese)
and 0.785 (English) with e5-small, while questions it does not answer (football tickets, passports,
pensions) stay at or below 0.864 and 0.774 (re-measured when the best sentence's share went from 0.7 to 0.8:
0.868 and 0.862 before).  The floors are the midpoints, per encoder and language:
an encoder's cosines live on their own scale, so an encoder without calibrated floors never says
"nothing relevant" (set ``SearchSettings.relevance_floors`` to calibrate one)."""

from __future__ import annotations

__all__ = ["CALIBRATED_FLOORS", "relevance_floor", "is_relevant"]

# encoder name → language → the lowest best-unit cosine that counts as an answer
CALIBRATED_FLOORS: dict[str, dict[str, float]] = {
    "e5-small": {"zh": 0.867, "en": 0.779},
}


def relevance_floor(encoder: str, language: str, overrides: dict[str, float] | None = None) -> float | None:
    """The floor for ``language`` (``overrides`` first, then the calibrated table), or None if unknown."""
    if overrides and language in overrides:
        return float(overrides[language])
    return CALIBRATED_FLOORS.get(encoder, {}).get(language)


def is_relevant(best_cosine: float | None, floor: float | None) -> bool:
    """True unless a calibrated ``floor`` exists and the best cosine stays below it (no dense score: False
    only when a floor exists, since then nothing was found at all)."""
    if floor is None:
        return True
    return best_cosine is not None and best_cosine >= floor
