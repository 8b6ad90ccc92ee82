"""The graph read in place on a SPARQL server (``kg.stores.remote_graph``): the same triples for every pattern
shape, no copy in the process, writes (ours and another process's) seen, writes through the graph refused.

Runs against the same real ``oxigraph serve`` on loopback as the shared store suite."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from rdflib import RDF, Graph, Literal

from kg import iri
from kg.queries import department_view, get_unit, list_departments
from kg.store import save_graph
from kg.stores import create_store
from kg.stores.base import document_part
from kg.stores.remote_graph import ReadOnlyGraphError, RemoteGraph, RemoteStore
from kg.terms import canonical_term
from kg.vocab import ELI, POL
from tests.kg.test_store_backends import SECOND_SLUG, full, oxigraph_url  # noqa: F401 — fixtures
from tests.support import ROOT, SEED

SEED_DOC = iri.document_iri(SEED.stem)
SECOND_DOC = iri.document_iri(SECOND_SLUG)
SECOND_UNIT = iri.unit_iri(SECOND_SLUG, "2.1")  # （一）建设算力设施
HEADING = Literal("建设算力设施（修订）")


@pytest.fixture(scope="module")
def loaded(full, oxigraph_url, tmp_path_factory):  # noqa: F811 — the imported fixtures
    """The server holding ``full`` (tests that write give it back)."""
    create_store("sparql-http", tmp_path_factory.mktemp("loaded") / "graph.nt", query_url=oxigraph_url).write_all(full)
    return oxigraph_url


@pytest.fixture
def reader(loaded, tmp_path):
    """A fresh store (its own cache) on the server holding ``full``, for tests that only read."""
    store = create_store("sparql-http", tmp_path / "graph.nt", query_url=loaded)
    yield store
    store.close()


@pytest.fixture
def server(full, oxigraph_url, tmp_path):  # noqa: F811
    """A SPARQL store holding ``full``, for tests that write; the server gets ``full`` back afterwards."""
    store = create_store("sparql-http", tmp_path / "record" / "graph.nt", query_url=oxigraph_url)
    store.write_all(full)
    yield store
    store.write_all(full)
    store.close()


@pytest.fixture(scope="module")
def reference(full) -> Graph:  # noqa: F811
    """``full`` in an in-memory Oxigraph store: the terms as the embedded store gives them back."""
    graph = Graph(store="Oxigraph")
    for triple in full:
        graph.add(triple)
    return graph


def _canonical(triples) -> set:
    return {(s, p, canonical_term(o)) for s, p, o in triples}


def _edited(full) -> Graph:  # noqa: F811
    """The second document with its section 2.1 renamed."""
    mine = document_part(full, SECOND_DOC)
    for old in list(mine.triples((SECOND_UNIT, POL.heading, None))):
        mine.remove(old)
    mine.add((SECOND_UNIT, POL.heading, HEADING))
    return mine


PATTERNS = [  # every shape kg.queries asks, with the terms it asks them with
    pytest.param((SECOND_UNIT, None, None), id="a unit's description"),
    pytest.param((SECOND_UNIT, POL.heading, None), id="one property"),
    pytest.param((SECOND_UNIT, RDF.type, ELI.LegalResourceSubdivision), id="one triple"),
    pytest.param((SEED_DOC, POL.sourceText, None), id="a long literal"),
    pytest.param((SEED_DOC, None, None), id="a description with a long literal"),
    pytest.param((None, ELI.is_part_of, iri.unit_iri(SECOND_SLUG, "2")), id="children"),
    pytest.param((None, POL.inDocument, SECOND_DOC), id="a document's nodes"),
    pytest.param((None, RDF.type, POL.Target), id="a class"),
    pytest.param((None, POL.path, None), id="a predicate"),
    pytest.param((None, None, SECOND_DOC), id="incoming"),
    pytest.param((None, None, None), id="everything"),
    pytest.param((iri.unit_iri(SECOND_SLUG, "9.9"), None, None), id="an unknown subject"),
]


@pytest.mark.parametrize("left_out", [False, True], ids=["as described", "every predicate left out"])
@pytest.mark.parametrize("pattern", PATTERNS)
def test_every_pattern_gives_the_triples_of_the_graph(reader, reference, pattern, left_out):
    if left_out:  # every literal long and every predicate wide: descriptions hold nothing, each is asked apart
        reader.remote_store.long_literal, reader.remote_store.wide = 0, 0
    graph = reader.graph()
    expected = _canonical(reference.triples(pattern))
    assert _canonical(graph.triples(pattern)) == expected
    assert _canonical(graph.triples(pattern)) == expected  # again, from the cache where it was kept
    assert (pattern in graph) == bool(expected)


@pytest.mark.parametrize("predicate", [POL.sourceText, POL.inDocument, RDF.type, POL.agent])
def test_subjects_of_a_predicate_come_as_often_as_rdflib_gives_them(reader, reference, predicate):
    graph = reader.graph()
    assert sorted(graph.subjects(predicate)) == sorted(reference.subjects(predicate))
    assert sorted(graph.subjects(predicate, unique=True)) == sorted(set(reference.subjects(predicate)))


def test_the_process_holds_no_copy_of_the_graph(reader, full):  # noqa: F811
    graph = reader.graph()
    assert isinstance(graph, RemoteGraph) and isinstance(graph.store, RemoteStore)
    assert len(graph) == len(full)  # a COUNT on the server
    get_unit(graph, "2.1", document=SECOND_SLUG)
    department_view(graph, "区发展改革委")
    cached = reader.remote_store.cached_triples
    assert 0 < cached < len(full) / 10


def test_the_cache_stays_within_its_bound(reader, reference):
    reader.remote_store.max_cached_triples = 150
    graph = reader.graph()
    views = [department_view(graph, d.key) for d in list_departments(graph)]
    assert reader.remote_store.cached_triples <= 150
    assert views == [department_view(reference, d.key) for d in list_departments(reference)]


def test_our_writes_are_read_back_at_once(server, full):  # noqa: F811
    server.cache_ttl_s = server.remote_store.ttl_s = 600.0  # only the write's own invalidation can help
    graph = server.graph()
    assert get_unit(graph, str(SECOND_UNIT)).heading == "建设算力设施"
    server.replace_document(SECOND_DOC, _edited(full))
    assert server.graph() is graph
    assert get_unit(graph, str(SECOND_UNIT)).heading == str(HEADING)
    server.remove_document(SECOND_DOC)
    assert (SECOND_UNIT, None, None) not in graph


def _replace_in_another_process(url: str, record: str, part_file: str) -> None:
    script = ("import sys; from rdflib import URIRef; from kg.store import load_graph; "
              "from kg.stores import create_store; "
              "store = create_store('sparql-http', sys.argv[1], query_url=sys.argv[2]); "
              "store.replace_document(URIRef(sys.argv[3]), load_graph(sys.argv[4]))")
    subprocess.run([sys.executable, "-c", script, record, url, str(SECOND_DOC), part_file], cwd=ROOT, check=True,
                   timeout=120)


def _read_then_edited_elsewhere(store, full, url: str, tmp_path):
    """The store's graph, read once (the unit's first heading), after another process replaced the document."""
    store.write_all(full)
    graph = store.graph()
    assert get_unit(graph, str(SECOND_UNIT)).heading == "建设算力设施"
    _replace_in_another_process(url, str(tmp_path / "writer" / "graph.nt"),
                                str(save_graph(_edited(full), tmp_path / "part.nt")))
    return graph


def test_another_process_write_is_seen_within_the_ttl(full, oxigraph_url, tmp_path):  # noqa: F811
    store = create_store("sparql-http", tmp_path / "reader" / "graph.nt", query_url=oxigraph_url, cache_ttl_s=1.0)
    try:
        graph = _read_then_edited_elsewhere(store, full, oxigraph_url, tmp_path)
        time.sleep(1.1)  # the documented TTL: what was read before is asked again after it
        assert get_unit(graph, str(SECOND_UNIT)).heading == str(HEADING)
    finally:
        store.write_all(full)
        store.close()


def test_a_new_generation_is_seen_at_once(full, oxigraph_url, tmp_path):  # noqa: F811
    digests = tmp_path / "current" / "graph-digests.json"
    digests.parent.mkdir()
    digests.write_text("{}", encoding="utf-8")
    store = create_store("sparql-http", tmp_path / "reader" / "graph.nt", query_url=oxigraph_url,
                         previous=digests, cache_ttl_s=600.0)
    try:
        graph = _read_then_edited_elsewhere(store, full, oxigraph_url, tmp_path)
        assert get_unit(graph, str(SECOND_UNIT)).heading == "建设算力设施"  # cached: nothing says it changed
        replacement = tmp_path / "next.json"  # a build repoints `current`: the digests file is another file
        replacement.write_text('{"graphs": {}}', encoding="utf-8")
        replacement.replace(digests)
        assert get_unit(graph, str(SECOND_UNIT)).heading == str(HEADING)
    finally:
        store.write_all(full)
        store.close()


@pytest.mark.parametrize("write", [
    lambda g: g.add((SECOND_UNIT, POL.heading, HEADING)),
    lambda g: g.remove((SECOND_UNIT, None, None)),
    lambda g: g.update("DELETE WHERE { ?s ?p ?o }"),
], ids=["add", "remove", "update"])
def test_writes_through_the_graph_are_refused(reader, write):
    with pytest.raises(ReadOnlyGraphError, match="read-only"):
        write(reader.graph())


def test_the_former_local_copy_is_still_there(full, oxigraph_url, tmp_path):  # noqa: F811
    store = create_store("sparql-http", tmp_path / "graph.nt", query_url=oxigraph_url, local_copy=True)
    try:
        graph = store.graph()
        assert not isinstance(graph, RemoteGraph) and len(graph) == len(full)
    finally:
        store.close()


def test_views_from_several_threads_agree(reader, reference):
    """The service reads one graph from its worker threads: one cache, one pool of connections."""
    from concurrent.futures import ThreadPoolExecutor

    from kg.queries import list_units
    from kg.views import jsonable

    graph = reader.graph()
    units = [u.iri for u in list_units(reference)]
    expected = [jsonable(get_unit(reference, u)) for u in units]
    with ThreadPoolExecutor(max_workers=4) as pool:
        found = list(pool.map(lambda u: jsonable(get_unit(graph, u)), units * 2))
    assert found == expected * 2
