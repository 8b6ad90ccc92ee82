"""The embedded backend: bm25s over our own tokens and FAISS over unit and sentence vectors, in memory."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..base import Scored
from ..bm25 import BM25Retriever
from ..dense import DenseRetriever
from ..errors import IndexLoadError
from .base import TermGroup, UnitFilter

__all__ = ["LocalBackend"]


class LocalBackend:
    """bm25s + FAISS: exact scores for every unit; filters are applied by the caller (SearchIndex masks)."""

    name = "local"

    def __init__(self, bm25: BM25Retriever, dense: DenseRetriever, sentences: DenseRetriever | None = None) -> None:
        self.bm25 = bm25
        self.dense_index = dense
        self.sentence_index = sentences

    @classmethod
    def build(cls, *, tokens: Sequence[Sequence[str]], vectors: np.ndarray, sentence_vectors: np.ndarray,
              sentence_rows: Sequence[int], settings, **_: Any) -> LocalBackend:
        bm25 = BM25Retriever.build(tokens)
        dense = DenseRetriever.build(vectors, kind=settings.dense_kind, threshold=settings.hnsw_threshold)
        sentences = DenseRetriever.build(sentence_vectors, kind=settings.dense_kind,
                                         threshold=settings.hnsw_threshold,
                                         ids=np.asarray(sentence_rows, dtype=np.int64))
        return cls(bm25, dense, sentences)

    def __len__(self) -> int:
        return len(self.bm25)

    @property
    def dim(self) -> int:
        return self.dense_index.dim

    @property
    def dense_kind(self) -> str:
        return self.dense_index.kind

    def lexical_scores(self, groups: Sequence[TermGroup], k: int, where: UnitFilter | None = None) -> np.ndarray:
        """bm25s's exact scores of every unit (``k`` and ``where`` need not narrow them: the caller does)."""
        if len(groups) == 1 and groups[0].weight == 1.0:
            return self.bm25.scores(groups[0].tokens)
        return self.bm25.weighted_scores([(g.tokens, g.weight) for g in groups])

    def document_frequency(self, token: str) -> int:
        return self.bm25.document_frequency(token)

    def dense(self, vector: np.ndarray, k: int, where: UnitFilter | None = None) -> list[Scored]:
        return self.dense_index.retrieve(vector, k)

    def sentences(self, vector: np.ndarray, k: int, where: UnitFilter | None = None) -> list[Scored]:
        if self.sentence_index is None:
            return []
        return self.sentence_index.retrieve_pooled(vector, k)

    def sentence_rows(self) -> frozenset[int]:
        """Made once per sentence index (every dense lookup asks whether there are any)."""
        if self.sentence_index is None:
            return frozenset()
        ids = self.sentence_index.ids
        kept = self.__dict__.get("_sentence_rows")
        if kept is None or kept[0] is not ids:
            kept = (ids, frozenset(ids.tolist()))
            self.__dict__["_sentence_rows"] = kept
        return kept[1]

    def save(self, directory: Path) -> dict[str, Any]:
        self.bm25.save(directory)
        self.dense_index.save(directory)
        if self.sentence_index is not None:
            self.sentence_index.save(directory, stem="sentences")
        return {"dense_index": self.dense_index.kind}  # HNSW may have been swapped in after the build

    @classmethod
    def load(cls, directory: Path, **_: Any) -> LocalBackend:
        """Reopen from ``directory``; a damaged or missing file raises IndexLoadError naming it."""
        try:
            bm25 = BM25Retriever.load(directory)
        except Exception as e:  # bm25s raises assorted errors on damaged files
            raise IndexLoadError(f"corrupt or missing BM25 index in {directory / 'bm25'}: {e}") from e
        dense = DenseRetriever.load(directory)  # names dense.faiss or dense_ids.npy itself
        sentences = DenseRetriever.load(directory, stem="sentences")
        if len(bm25) != len(dense):
            raise IndexLoadError(f"inconsistent search index in {directory}: BM25 holds {len(bm25)} units, "
                                 f"dense {len(dense)}")
        return cls(bm25, dense, sentences)

    def describe(self) -> str:
        return f"local (bm25s + FAISS {self.dense_index.kind}, in memory)"

