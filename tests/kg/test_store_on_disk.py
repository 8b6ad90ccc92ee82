"""The embedded store's on-disk directory (kg.store.STORE_DIR): built from graph.nt, opened read-only without
parsing graph.nt, rebuilt by writes, and a damaged or missing one falls back to graph.nt."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal

from kg import iri
from kg.store import STORE_DIR, GraphStoreError, build_store_dir, open_store_dir, save_graph, to_memory
from kg.stores import create_store
from kg.vocab import POL


@pytest.fixture(scope="module")
def small() -> Graph:
    """A few triples in our own words: one document, two units, one heading each."""
    graph = Graph()
    doc = iri.document_iri("county-roads-2024")
    for key, heading in (("1", "改善农村道路"), ("2", "加强养护管理")):
        unit = iri.unit_iri("county-roads-2024", key)
        graph.add((unit, POL.inDocument, doc))
        graph.add((unit, POL.heading, Literal(heading)))
    return graph


@pytest.fixture
def built(small, tmp_path):
    """An embedded store whose graph.nt has been bulk-loaded into its directory, as a build does."""
    path = save_graph(small, tmp_path / "graph.nt")
    build_store_dir(path, tmp_path / STORE_DIR)
    return create_store("embedded", path)


def _garble(path) -> None:
    path.write_bytes(b"\x07" * path.stat().st_size)  # same size: only a parse would notice


def test_the_directory_holds_the_file_s_triples(small, built):
    assert set(to_memory(open_store_dir(built.store_dir))) == set(to_memory(small))
    assert not [p for p in built.store_dir.parent.iterdir() if p.name.endswith(".tmp")]  # no build leftovers


def test_the_store_answers_without_parsing_graph_nt(small, built, monkeypatch):
    import kg.stores.embedded

    monkeypatch.setattr(kg.stores.embedded, "load_graph", lambda path: pytest.fail(f"parsed {path}"))
    _garble(built.path)
    assert built.on_disk() and "on disk" in built.describe()
    assert set(to_memory(built.graph())) == set(to_memory(small))
    count = built.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")  # the sandboxed child reads the tables
    assert count.rows[0]["n"]["value"] == str(len(small))


@pytest.mark.parametrize(("damage", "message"), [
    (lambda d: [_garble(table) for table in d.glob("*.sst")], "not a readable Oxigraph store"),
    (lambda d: (d / "CURRENT").unlink(), "no on-disk graph store here"),
])
def test_a_damaged_directory_falls_back_to_graph_nt(small, built, monkeypatch, damage, message):
    import kg.stores.embedded

    warned: list[str] = []
    monkeypatch.setattr(kg.stores.embedded.logger, "warning", lambda text, *args: warned.append(text % args))
    damage(built.store_dir)
    with pytest.raises(GraphStoreError, match=message) as caught:
        open_store_dir(built.store_dir)
    assert str(built.store_dir) in str(caught.value)
    assert set(to_memory(built.graph())) == set(to_memory(small))
    assert len(warned) == 1 and "loading graph.nt instead" in warned[0] and message in warned[0]


def test_an_older_generation_without_the_directory_loads_graph_nt(small, tmp_path):
    store = create_store("embedded", save_graph(small, tmp_path / "graph.nt"))
    assert not store.on_disk() and "in memory, graph.nt" in store.describe()
    assert set(to_memory(store.graph())) == set(to_memory(small))


def test_a_write_rebuilds_the_directory(small, built):
    built.graph()  # opened read-only first: the write closes it before replacing the folder
    grown = Graph()
    for triple in small:
        grown.add(triple)
    grown.add((iri.unit_iri("county-roads-2024", "3"), POL.heading, Literal("完善应急保障")))
    built.write_all(grown)
    assert built.on_disk()
    assert set(to_memory(open_store_dir(built.store_dir))) == set(to_memory(grown))
    assert set(to_memory(built.graph())) == set(to_memory(grown))
