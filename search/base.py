"""The retriever interface: build over units, retrieve the top k as typed scored documents, save, load."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

__all__ = ["Scored", "Retriever"]


@dataclass(frozen=True, slots=True)
class Scored:
    """A document (its row number in the index) with a retriever's raw score, higher is better."""

    doc: int
    score: float


@runtime_checkable
class Retriever(Protocol):
    """A lexical or dense retriever; the query is whatever its backend consumes (tokens or a vector)."""

    name: str

    def __len__(self) -> int: ...

    def retrieve(self, query: Any, k: int) -> list[Scored]:
        """The best ``k`` documents, best first; documents scoring nothing are left out."""
        ...

    def save(self, directory: Path) -> None: ...
