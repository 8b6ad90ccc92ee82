"""benchmarks/scale.py's synthetic corpus and vectors: deterministic, made of the seed's sentences and real rows."""

from __future__ import annotations

import numpy as np

from benchmarks.scale import synthetic_texts, synthetic_vectors
from search.encoders.base import normalise_rows

SENTENCES = [f"第{i}句话讲技术改造。" for i in range(20)]


def test_synthetic_texts_are_deterministic_recombinations():
    texts = synthetic_texts(SENTENCES, 50)
    assert texts == synthetic_texts(SENTENCES, 50)
    assert texts != synthetic_texts(SENTENCES, 50, seed=1)
    for text in texts:
        parts = [p + "。" for p in text.split("。") if p]
        assert 3 <= len(parts) <= 6 and len(set(parts)) == len(parts) and set(parts) <= set(SENTENCES)


def test_synthetic_vectors_keep_the_real_rows_first_and_are_unit_rows():
    real = normalise_rows(np.random.default_rng(0).standard_normal((8, 16)))
    vectors = synthetic_vectors(real, 25_000, noise=0.15)
    assert vectors.shape == (25_000, 16) and vectors.dtype == np.float32
    np.testing.assert_array_equal(vectors[:8], real)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    np.testing.assert_array_equal(vectors, synthetic_vectors(real, 25_000, noise=0.15))
    # a mixture of two real rows stays close to the better of them
    assert float(np.mean(np.max(vectors[8:] @ real.T, axis=1))) > 0.6
