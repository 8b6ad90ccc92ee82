"""Retrieval metrics: hit@k and reciprocal rank (MRR@k), as pure functions."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["first_relevant_rank", "hit_at_k", "reciprocal_rank", "mean", "precision_recall"]


def first_relevant_rank(relevant: Sequence[bool]) -> int | None:
    """1-based rank of the first relevant result, or None when none is relevant."""
    for rank, ok in enumerate(relevant, start=1):
        if ok:
            return rank
    return None


def hit_at_k(relevant: Sequence[bool], k: int) -> float:
    """hit@k = 1 if any of the first ``k`` results is relevant, else 0 (a.k.a. success@k)."""
    rank = first_relevant_rank(relevant)
    return 1.0 if rank is not None and rank <= k else 0.0


def reciprocal_rank(relevant: Sequence[bool], k: int = 10) -> float:
    """RR@k = 1/rank of the first relevant result within ``k``, else 0 (Voorhees, TREC-8 QA, 1999);
    averaged over queries it is MRR@k."""
    rank = first_relevant_rank(relevant)
    return 1.0 / rank if rank is not None and rank <= k else 0.0


def mean(values: Sequence[float]) -> float:
    """Arithmetic mean, 0.0 for no values (an empty question set scores nothing)."""
    return sum(values) / len(values) if values else 0.0


def precision_recall(true_positive: int, false_positive: int, false_negative: int) -> tuple[float, float]:
    """(precision, recall) = (TP / (TP + FP), TP / (TP + FN)), each 0.0 when its denominator is 0."""
    predicted, actual = true_positive + false_positive, true_positive + false_negative
    return (true_positive / predicted if predicted else 0.0, true_positive / actual if actual else 0.0)
