"""Dense retriever: exact vs HNSW by size, the same neighbours on a small set, FAISS threads left as found."""

from __future__ import annotations

import numpy as np
import pytest

from search.dense import HNSW_THRESHOLD, DenseRetriever
from search.encoders.base import normalise_rows


@pytest.fixture(scope="module")
def vectors() -> np.ndarray:
    return normalise_rows(np.random.default_rng(7).standard_normal((300, 32)))


@pytest.mark.parametrize(("threshold", "kind"), [(299, "hnsw"), (300, "flat"), (HNSW_THRESHOLD, "flat")])
def test_auto_kind_follows_the_threshold(vectors, threshold, kind):
    assert DenseRetriever.build(vectors, threshold=threshold).kind == kind


def test_hnsw_finds_the_exact_neighbours_on_a_small_set(vectors):
    flat, hnsw = DenseRetriever.build(vectors, kind="flat"), DenseRetriever.build(vectors, kind="hnsw")
    assert hnsw.index.hnsw.efSearch == 256 and hnsw.index.hnsw.efConstruction == 200
    for query in vectors[:20]:
        exact = [s.doc for s in flat.retrieve(query, 10)]
        assert exact[0] == [s.doc for s in hnsw.retrieve(query, 10)][0]
        assert [s.doc for s in hnsw.retrieve(query, 10)] == exact


def test_hnsw_round_trip_keeps_its_search_breadth(vectors, tmp_path):
    hnsw = DenseRetriever.build(vectors, kind="hnsw")
    hnsw.save(tmp_path)
    loaded = DenseRetriever.load(tmp_path)
    assert loaded.kind == "hnsw" and loaded.index.hnsw.efSearch == 256
    assert loaded.retrieve(vectors[3], 5) == hnsw.retrieve(vectors[3], 5)


def test_retrieve_leaves_the_faiss_thread_count_as_it_found_it(vectors):
    import faiss

    before = faiss.omp_get_max_threads()
    DenseRetriever.build(vectors, kind="flat").retrieve(vectors[0], 5)
    assert faiss.omp_get_max_threads() == before
