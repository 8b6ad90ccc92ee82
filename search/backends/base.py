"""The search-backend interface: lexical scores for a weighted term query, dense candidates for a vector.

A backend answers only these questions; expansion, fusion, the quantitative boost, context and highlights
stay in ``search.hybrid.SearchIndex``, so swapping the backend swaps where the candidates come from and
nothing else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from ..base import Scored

__all__ = ["BACKENDS", "SearchBackend", "TermGroup", "UnitFields", "UnitFilter"]

BACKENDS = ("local", "milvus")


@dataclass(frozen=True, slots=True)
class TermGroup:
    """One weighted part of a lexical query: its text (for backends that analyse text themselves, e.g.
    Milvus's jieba analyzer) and our tokens of it (for backends that take tokens, e.g. bm25s)."""

    text: str
    tokens: tuple[str, ...]
    weight: float


@dataclass(frozen=True, slots=True)
class UnitFields:
    """The scalar fields of one unit a backend can filter on (year 0 and jurisdiction "" when unknown)."""

    document: str
    kind: str
    year: int = 0
    jurisdiction: str = ""


@dataclass(frozen=True, slots=True)
class UnitFilter:
    """Which units may be returned: None on a field means any value."""

    documents: frozenset[str] | None = None
    kinds: frozenset[str] | None = None

    @property
    def empty(self) -> bool:
        return self.documents is None and self.kinds is None

    def admits(self, fields: UnitFields) -> bool:
        return ((self.documents is None or fields.document in self.documents)
                and (self.kinds is None or fields.kind in self.kinds))


@runtime_checkable
class SearchBackend(Protocol):
    """Where SearchIndex's candidates come from.  Unit rows (0 … n−1, the order of the unit table) are the
    ids on both sides of the interface."""

    name: str
    dim: int  # of the dense vectors
    dense_kind: str  # "flat" (exact) or "hnsw"

    def __len__(self) -> int:
        """Number of units held."""
        ...

    def lexical_scores(self, groups: Sequence[TermGroup], k: int, where: UnitFilter | None = None) -> np.ndarray:
        """Σ_g w_g · BM25(g, d) for every unit row (length n); a backend that only returns candidates fills
        at least its best ``k`` admitted rows and leaves the others 0."""
        ...

    def document_frequency(self, token: str) -> int:
        """How many units hold ``token`` (one of our tokenizer's tokens); 0 when unknown."""
        ...

    def dense(self, vector: np.ndarray, k: int, where: UnitFilter | None = None) -> list[Scored]:
        """The ``k`` best units by cosine of their whole text, best first (a backend may ignore ``where``:
        the caller filters again)."""
        ...

    def sentences(self, vector: np.ndarray, k: int, where: UnitFilter | None = None) -> list[Scored]:
        """The units of the ``k`` best sentence vectors, each once with its best sentence's cosine."""
        ...

    def sentence_rows(self) -> set[int]:
        """The unit rows that have sentence vectors (units of more than one sentence)."""
        ...

    def save(self, directory: Path) -> dict[str, Any]:
        """Write what the backend needs to reopen itself into ``directory``; returns facts for meta.json."""
        ...

    def describe(self) -> str:
        """The backend's name and where its data lives, for /healthz and ``policykg status``."""
        ...
