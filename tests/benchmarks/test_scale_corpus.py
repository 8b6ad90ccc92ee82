"""The scale-corpus benchmark's plumbing: replicas are renamed copies, vectors are the same whichever way they
are read, unit rows map back to their documents, and split runs merge into one row per (backend, size)."""

from __future__ import annotations

import numpy as np
import pytest

from benchmarks.scale_corpus import (CHUNK, COLUMNS, LazyVectors, PoolDocument, UnitRows, merge_results,
                                     replica_quads, replica_slug, vector_rows)


def _pool(n: int) -> list[PoolDocument]:
    return [PoolDocument(replica_slug(i), f"<https://w3id.org/policykg/doc/{replica_slug(i)}/1> <p> \"x\" "
                         f"<https://w3id.org/policykg/graph/doc/{replica_slug(i)}> .\n",
                         [f"t{i}-{u}" for u in range(i + 1)], ["measure"] * (i + 1), 2020, "浙江省", [], 0.0, 0.0)
            for i in range(n)]


def test_replica_is_the_template_under_its_own_slug():
    pool = _pool(3)
    assert replica_quads(pool, 1) == pool[1].quads
    copy = replica_quads(pool, 7)  # 7 mod 3 = 1
    assert replica_slug(7) in copy and replica_slug(1) not in copy
    assert copy == pool[1].quads.replace(replica_slug(1), replica_slug(7))


@pytest.mark.parametrize("row, expected", [(0, (0, 0)), (1, (1, 0)), (2, (1, 1)), (3, (2, 0)), (6, (3, 0)),
                                           (7, (4, 0)), (8, (4, 1))])
def test_unit_rows_locate_their_document(row, expected):
    rows = UnitRows(_pool(3), 5)  # units per document: 1, 2, 3, 1, 2
    assert rows.size == 9
    assert rows.locate(row) == expected
    texts = rows.view(lambda d, t, u: t.texts[u])
    assert list(texts)[row] == texts[row]


def test_vectors_are_real_first_then_the_same_however_they_are_read():
    rng = np.random.default_rng(0)
    real = rng.standard_normal((50, 8)).astype(np.float32)
    real /= np.linalg.norm(real, axis=1, keepdims=True)
    n = CHUNK + 500
    whole = vector_rows(real, 0, n, 0.15)
    assert whole.shape == (n, 8)
    assert np.array_equal(whole[:50], real)
    assert np.allclose(np.linalg.norm(whole, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(vector_rows(real, CHUNK - 10, CHUNK + 10, 0.15), whole[CHUNK - 10 : CHUNK + 10])
    lazy = LazyVectors(real, n, 0.15)
    assert lazy.shape == (n, 8)
    for row in (0, 49, 50, CHUNK - 1, CHUNK, n - 1):
        assert np.array_equal(lazy[row], whole[row])
    for start, stop in ((0, 0), (0, 60), (CHUNK - 7, CHUNK + 9), (n - 3, n + 5)):  # blocks, as Milvus reads them
        assert np.array_equal(lazy[start:stop], whole[start:stop])


_QUADS = "".join(f"<https://example.org/u{d}-{i}> <https://example.org/p> \"v{i}\" <https://example.org/g{d}> .\n"
                 for d in range(4) for i in range(3))


@pytest.mark.parametrize("load_path", ["gsp", "bulk"])
def test_the_server_graph_holds_the_same_quads_whichever_way_it_is_filled(load_path, tmp_path):
    from benchmarks.scale_corpus import ServerGraph, _oxigraph

    try:
        _oxigraph()
    except SystemExit:
        pytest.skip("the oxigraph command is not installed")
    graph = ServerGraph(tmp_path / "oxigraph", load_path)
    try:
        for start in range(0, len(_QUADS.splitlines()), 5):  # batches, as the benchmark streams them
            graph.load("".join(line + "\n" for line in _QUADS.splitlines()[start : start + 5]))
        graph.finish()
        assert graph.count() == 12
        assert graph.select("SELECT ?s WHERE { ?s <https://example.org/p> \"v1\" }") == 4
    finally:
        graph.close()


def test_split_runs_merge_into_one_row():
    graph = {"backend": "server", "docs": 10, "parts": ["graph"], "graph_s": 1.0, "command": "a", "load_before": [1]}
    search = {"backend": "server", "docs": 10, "parts": ["search"], "search_s": 2.0, "command": "b",
              "load_before": [2]}
    (row,) = merge_results([graph], [search])
    assert row["graph_s"] == 1.0 and row["search_s"] == 2.0 and row["parts"] == ["graph", "search"]
    assert row["graph_command"] == "a" and row["search_command"] == "b"
    again = {**graph, "graph_s": 3.0}
    (row,) = merge_results([row], [again])
    assert row["graph_s"] == 3.0 and row["search_s"] == 2.0


def _cells(row: dict) -> dict[str, str]:
    from benchmarks.scale_corpus import _cell

    return {name: _cell(row, fmt) for name, fmt in COLUMNS}


@pytest.mark.parametrize(("row", "label", "peak", "during"), [
    ({"backend": "server", "docs": 10, "search_peak_rss_mb": 900.0, "search_rss_by_quarter_mb": [1, 2, 3, 4, 5]},
     "server (oxigraph serve + milvus-lite)", "– / 900", "1 → 2 → 3 → 4 → 5"),
    ({"backend": "milvus-server", "docs": 10, "search_rss_mb": 700.0, "search_rss_by_quarter_mb": [6, 7, 7, 7, 7],
      "server_rss_mb": 2500.0, "server_rss_by_quarter_mb": [100, 900, 1500, 2000, 2500]},
     "milvus-lite server (gRPC, separate process)", "– / 700 (client) + 2,500 (server)",
     "6 → 7 → 7 → 7 → 7 (client); 100 → 900 → 1,500 → 2,000 → 2,500 (server)"),
])
def test_a_separate_server_row_gives_client_and_server_memory_apart(row, label, peak, during):
    cells = _cells(row)
    assert cells["backend"] == label
    assert cells["peak RSS MB graph / search"] == peak
    assert cells["RSS during search build MB (0→100 %)"] == during
