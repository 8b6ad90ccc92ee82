"""Rank and score fusion of several retrievers' results, as pure functions."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

__all__ = ["rrf", "min_max", "z_score", "weighted_fusion"]


def rrf(rankings: Sequence[Sequence[int]], k: int = 60, weights: Sequence[float] | None = None) -> dict[int, float]:
    """Reciprocal rank fusion: score(d) = Σ_r w_r / (k + rank_r(d)), rank 1-based
    (Cormack, Clarke & Büttcher, SIGIR 2009, k = 60).  ``weights`` default to 1."""
    weights = weights or [1.0] * len(rankings)
    fused: dict[int, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, doc in enumerate(ranking, start=1):
            fused[doc] = fused.get(doc, 0.0) + weight / (k + rank)
    return fused


def min_max(scores: Mapping[int, float]) -> dict[int, float]:
    """Min-max normalisation x' = (x - min) / (max - min) into [0, 1]; all-equal scores map to 1
    (a lone or tied candidate is as good as the best)."""
    if not scores:
        return {}
    low, high = min(scores.values()), max(scores.values())
    if high - low <= 1e-12:
        return {doc: 1.0 for doc in scores}
    return {doc: (s - low) / (high - low) for doc, s in scores.items()}


def z_score(scores: Mapping[int, float]) -> dict[int, float]:
    """Z-score normalisation x' = (x - μ) / σ (population σ); zero σ maps every score to 0."""
    if not scores:
        return {}
    values = list(scores.values())
    mu = sum(values) / len(values)
    sigma = math.sqrt(sum((v - mu) ** 2 for v in values) / len(values))
    if sigma <= 1e-12:
        return {doc: 0.0 for doc in scores}
    return {doc: (s - mu) / sigma for doc, s in scores.items()}


def weighted_fusion(score_lists: Sequence[Mapping[int, float]], weights: Sequence[float],
                    normalise: str = "min_max") -> dict[int, float]:
    """Convex combination of normalised scores, score(d) = Σ_r w_r · norm(s_r(d)), a document missing
    from a list contributing 0 there (CombSUM with weights; Fox & Shaw 1994, Bruch et al. 2023)."""
    norm = {"min_max": min_max, "z_score": z_score}.get(normalise)
    if norm is None:
        raise ValueError(f"unknown normalisation {normalise!r}; valid: min_max, z_score")
    fused: dict[int, float] = {}
    for scores, weight in zip(score_lists, weights, strict=True):
        for doc, s in norm(scores).items():
            fused[doc] = fused.get(doc, 0.0) + weight * s
    return fused
