"""A tiny deterministic hashing encoder for fast tests: no model, same text → same vector."""

from __future__ import annotations

import hashlib

import numpy as np

from ..tokenize import ascii_words, cjk_bigrams
from .base import normalise_rows

__all__ = ["FakeEncoder"]


class FakeEncoder:
    """Feature hashing (Weinberger et al. 2009) of CJK bigrams and ASCII words into ``dim`` buckets with
    a hash-derived sign: texts that share bigrams get similar vectors, which is all tests need."""

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim
        self.name = f"fake-{dim}"

    def _vector(self, text: str) -> np.ndarray:
        vec = np.zeros(self.dim, dtype=np.float32)
        for feature in cjk_bigrams(text) + ascii_words(text):
            digest = hashlib.blake2b(feature.encode("utf-8"), digest_size=8).digest()
            value = int.from_bytes(digest, "little")
            vec[value % self.dim] += 1.0 if (value >> 32) & 1 else -1.0
        if not vec.any():  # an empty text still gets a fixed unit vector
            vec[0] = 1.0
        return vec

    def _encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return normalise_rows(np.stack([self._vector(t) for t in texts]))

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts)

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts)
