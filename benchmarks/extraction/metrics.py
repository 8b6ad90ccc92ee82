"""The benchmark's arithmetic as small pure functions: precision, recall, F1, accuracy, one-to-one matching."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

__all__ = ["Counts", "precision", "recall", "f1", "accuracy", "match", "same_number"]

G = TypeVar("G")
P = TypeVar("P")


def precision(tp: int, n_pred: int) -> float:
    """TP / predicted. With nothing predicted no prediction is wrong, so 1.0."""
    return tp / n_pred if n_pred else 1.0


def recall(tp: int, n_gold: int) -> float:
    """TP / gold. With nothing to find nothing is missed, so 1.0."""
    return tp / n_gold if n_gold else 1.0


def f1(p: float, r: float) -> float:
    """Harmonic mean 2PR / (P + R) (van Rijsbergen's F with β = 1); 0.0 when both are 0."""
    return 2 * p * r / (p + r) if p + r else 0.0


def accuracy(correct: int, total: int) -> float | None:
    """correct / total, or None when there was nothing to judge."""
    return correct / total if total else None


@dataclass(frozen=True, slots=True)
class Counts:
    """Matched, predicted and gold counts of one aspect; add them up across documents for micro averages."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.n_pred + other.n_pred, self.n_gold + other.n_gold)

    @property
    def precision(self) -> float:
        return precision(self.tp, self.n_pred)

    @property
    def recall(self) -> float:
        return recall(self.tp, self.n_gold)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def as_dict(self) -> dict:
        return {"tp": self.tp, "pred": self.n_pred, "gold": self.n_gold,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


def match(gold: Sequence[G], pred: Sequence[P], same: Callable[[G, P], bool]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of gold to predicted items under ``same`` (Kuhn's augmenting paths).

    Returns (gold index, predicted index) pairs; each item is used at most once, so duplicates never
    count twice and a prediction that could serve two gold items serves the one that needs it."""
    options = [[j for j, p in enumerate(pred) if same(g, p)] for g in gold]
    owner: dict[int, int] = {}  # predicted index → gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def same_number(a: object, b: object, tolerance: float = 1e-9) -> bool:
    """Two numbers (int, float, Decimal or numeric str) are equal; None equals only None."""
    if a is None or b is None:
        return a is None and b is None
    try:
        return abs(float(a) - float(b)) <= tolerance  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
