"""Dense retriever: FAISS inner product over unit vectors, exact (flat) or HNSW above a size threshold."""

from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from .base import Scored

__all__ = ["DenseRetriever", "HNSW_THRESHOLD"]

log = logging.getLogger(__name__)

# Above this many units the index switches from exact search to HNSW (benchmarks/results/scale.md: dim 384,
# one thread, 2 shared cores).  Exact IndexFlatIP top-50 p95 is 1.4 ms at 20k, 2.3 ms at 30k, 4.6 ms at 50k,
# 13 ms at 100k; HNSW (M 32, efConstruction 200, efSearch 256) answers in < 1 ms with recall@10 0.997 at
# 10k, 0.973 at 20k, 0.951 at 30k, 0.871 at 50k.  30k is where exact search passes ~2 ms while HNSW still
# finds ≥ 95 % of the exact top ten.  Beyond it strict recall falls on the synthetic corpus, whose top ten
# lie within 0.005 cosine of each other, but ε-recall@10 (near-ties count) stays ≥ 0.988 to 100k.
HNSW_THRESHOLD = 30_000


@contextmanager
def _one_thread():
    """Search one query on the calling thread only.  FAISS splits even a single query over its OpenMP
    threads; on two shared cores the wake-ups and barriers cost more than the work (IndexFlatIP top-50
    of 10k rows: 0.6 ms on one thread, 5–12 ms on two; 100k rows: 11 ms vs 36 ms, benchmarks/scale.py).
    OpenMP's thread count is per calling thread, so this neither races with nor slows other threads."""
    import faiss

    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        yield
    finally:
        faiss.omp_set_num_threads(before)


class DenseRetriever:
    """Cosine similarity as inner product of unit vectors (IndexFlatIP), or HNSW (Malkov & Yashunin 2018,
    faiss.IndexHNSWFlat with METRIC_INNER_PRODUCT); ``ids`` maps FAISS rows to unit rows."""

    name = "dense"

    def __init__(self, index, ids: np.ndarray) -> None:
        self.index = index
        self.ids = np.asarray(ids, dtype=np.int64)

    @property
    def kind(self) -> str:
        return "hnsw" if "HNSW" in type(self.index).__name__ else "flat"

    @classmethod
    def build(cls, vectors: np.ndarray, kind: str = "auto", threshold: int = HNSW_THRESHOLD,
              hnsw_m: int = 32, ef_construction: int = 200, ef_search: int = 256,
              ids: np.ndarray | None = None) -> DenseRetriever:
        """``ids`` maps each vector to the unit row it stands for (default: row i is unit i); several
        vectors may stand for one unit (its sentences)."""
        import faiss

        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        n, dim = vectors.shape
        if kind == "auto":
            kind = "hnsw" if n > threshold else "flat"
        if kind == "flat":
            index = faiss.IndexFlatIP(dim)
        elif kind == "hnsw":
            index = faiss.IndexHNSWFlat(dim, hnsw_m, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = ef_construction
            index.hnsw.efSearch = ef_search
        else:
            raise ValueError(f"unknown dense index kind {kind!r}; valid: auto, flat, hnsw")
        index.add(vectors)
        log.debug("dense index %s over %d vectors of dim %d", kind, n, dim)
        return cls(index, np.arange(n) if ids is None else np.asarray(ids, dtype=np.int64))

    def __len__(self) -> int:
        return int(self.index.ntotal)

    @property
    def dim(self) -> int:
        return int(self.index.d)

    def retrieve(self, query: np.ndarray, k: int) -> list[Scored]:
        k = min(k, len(self))
        if k <= 0:
            return []
        with _one_thread():
            scores, rows = self.index.search(np.asarray(query, dtype=np.float32).reshape(1, -1), k)
        return [Scored(int(self.ids[r]), float(s)) for r, s in zip(rows[0], scores[0], strict=True) if r >= 0]

    def retrieve_pooled(self, query: np.ndarray, k: int) -> list[Scored]:
        """The ``k`` best vectors max-pooled by the unit they stand for: each unit once, with the score of
        its best vector (its best sentence), best first.  Pooled on the arrays FAISS returns (each unit's first
        row, in rank order), so that only the pooled units become objects: a question's sentence lookup returns
        four times as many rows as units."""
        k = min(k, len(self))
        if k <= 0:
            return []
        with _one_thread():
            scores, rows = self.index.search(np.asarray(query, dtype=np.float32).reshape(1, -1), k)
        found = rows[0] >= 0
        units, scores = self.ids[rows[0][found]], scores[0][found]
        _, first = np.unique(units, return_index=True)
        first.sort()
        return [Scored(int(unit), float(score)) for unit, score in zip(units[first].tolist(), scores[first].tolist(),
                                                                         strict=True)]

    def save(self, directory: Path, stem: str = "dense") -> None:
        import faiss

        directory = Path(directory)
        faiss.write_index(self.index, str(directory / f"{stem}.faiss"))
        np.save(directory / f"{stem}_ids.npy", self.ids)

    @classmethod
    def load(cls, directory: Path, stem: str = "dense") -> DenseRetriever:
        import faiss

        from .errors import IndexLoadError

        directory = Path(directory)
        index_path, ids_path = directory / f"{stem}.faiss", directory / f"{stem}_ids.npy"
        try:
            index = faiss.read_index(str(index_path))
        except Exception as e:  # faiss raises RuntimeError with its own text
            raise IndexLoadError(f"corrupt or missing dense index {index_path}: {e}") from e
        try:
            ids = np.load(ids_path, allow_pickle=False)
        except Exception as e:  # numpy raises ValueError, EOFError, OSError … on a damaged .npy
            raise IndexLoadError(f"corrupt or missing dense row ids {ids_path}: {e}") from e
        return cls(index, ids)
