"""One suite over both graph stores: embedded Oxigraph and a real ``oxigraph serve`` on loopback over HTTP.

The embedded store here is on disk (``graph.oxigraph/`` beside its graph.nt, as a build makes it); the answers of
the same store loaded in memory from graph.nt (generations built before the directory) are checked too."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph, Literal

from ingest import parse_plan
from kg import iri
from kg.build import build_graph
from kg.queries import department_view, get_unit, list_departments, list_documents, list_targets, list_units
from kg.views import jsonable as to_dict
from kg.sparql import SparqlLimits, SparqlRefused, SparqlSyntaxError, SparqlTimeout
from kg.stores import BACKENDS, create_store, open_graph_store
from kg.store import STORE_DIR, build_store_dir, to_memory
from kg.stores.base import document_part, graph_of
from kg.stores.sparql_http import derive_endpoints
from kg.vocab import POL
from tests.support import SEED, free_port

SECOND_SLUG = "riverside-district-digital-economy-measures"
# A second, small document in our own words: a district's measures with one target and one owner.
SECOND_TEXT = (
    "滨江区关于推动数字经济发展的若干措施\n"
    "一、发展目标\n"
    "到2025年底，全区建成5G基站不少于3000个。\n"
    "二、主要措施\n"
    "（一）建设算力设施。由区发展改革委牵头，区财政局配合。\n"
    "（二）支持企业上云。对上云企业给予最高50万元补助。\n"
)


def _oxigraph() -> str | None:
    return shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))


@pytest.fixture(scope="session")
def oxigraph_url(tmp_path_factory):
    """A real Oxigraph server on loopback (union default graph, 5 s server-side query limit), stopped at the end."""
    binary = _oxigraph()
    if binary is None:
        pytest.skip("the `oxigraph` command is not installed (pip install oxigraph, in the test extras)")
    port = free_port()
    server = subprocess.Popen(
        [binary, "serve", "--location", str(tmp_path_factory.mktemp("oxigraph")), "--bind", f"127.0.0.1:{port}",
         "--union-default-graph", "--timeout-s", "5"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    try:
        for _ in range(200):
            try:
                with urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=1):
                    break
            except OSError:
                if server.poll() is not None:
                    pytest.fail(f"oxigraph serve exited with code {server.returncode}")
                time.sleep(0.05)
        else:
            pytest.fail("oxigraph serve did not answer within 10 s")
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture(scope="module")
def full(tmp_path_factory) -> Graph:
    """The seed plan and the small second document, built together."""
    folder = tmp_path_factory.mktemp("second")
    second = folder / f"{SECOND_SLUG}.txt"
    second.write_text(SECOND_TEXT, encoding="utf-8")
    return build_graph([parse_plan(SEED), parse_plan(second)])


STORES = (*BACKENDS, "embedded-memory")  # the embedded store on disk, a SPARQL server, the embedded one in memory


def _on_disk(store):
    """An embedded store given its on-disk directory (its writes rebuild it from then on); others as they are."""
    if store.backend == "embedded":
        build_store_dir(store.path, store.path.with_name(STORE_DIR))
        store.close()
        assert store.on_disk() and "on disk" in store.describe()
    return store


@pytest.fixture(scope="module")
def stores(full, oxigraph_url, tmp_path_factory):
    """Both backends (the embedded one on disk) and the embedded one in memory, each holding ``full``."""
    folder = tmp_path_factory.mktemp("stores")
    made = {
        "embedded": create_store("embedded", folder / "embedded.nt"),
        "sparql-http": create_store("sparql-http", folder / "record.nt", query_url=oxigraph_url),
        "embedded-memory": create_store("embedded", folder / "memory" / "graph.nt"),
    }
    for store in made.values():
        store.write_all(full)
    _on_disk(made["embedded"])
    assert not made["embedded-memory"].on_disk()
    yield made
    for store in made.values():
        store.close()


@pytest.fixture
def fresh(request, full, oxigraph_url, tmp_path):
    """A store of the parametrised backend holding ``full``; the server gets ``full`` back afterwards."""
    store = create_store(request.param, tmp_path / "graph.nt", query_url=oxigraph_url)
    store.write_all(full)
    _on_disk(store)
    yield store
    if store.backend == "sparql-http":  # the module's stores share the server
        store.write_all(full)
    store.close()


SELECTS = [
    # department ownership: who leads which unit
    """SELECT ?unit ?dept ?role WHERE { ?r pol:assignedTo ?unit ; pol:agent ?dept ; pol:role ?role }
       ORDER BY ?unit ?dept ?role""",
    # targets by indicator
    """SELECT ?t ?indicator ?q ?unit WHERE { ?t a pol:Target ; pol:indicator ?indicator ; pol:quantity ?q ;
       pol:unit ?unit } ORDER BY ?t""",
    # units per document
    """SELECT ?doc (COUNT(?u) AS ?n) WHERE { ?u pol:inDocument ?doc } GROUP BY ?doc ORDER BY ?doc""",
    "ASK { ?d pol:sourceText ?text }",
    "SELECT ?s WHERE { ?s skos:prefLabel ?l } ORDER BY ?s ?l LIMIT 20",
]


@pytest.mark.parametrize("query", SELECTS)
@pytest.mark.parametrize("backend", STORES)
def test_the_same_sparql_answers(stores, backend, query):
    reference = stores["embedded"].query(query).to_json()
    assert reference.get("boolean") or reference["results"]["bindings"]
    assert stores[backend].query(query).to_json() == reference


@pytest.mark.parametrize("backend", STORES)
def test_the_same_views(stores, backend):
    reference, graph = stores["embedded"].graph(), stores[backend].graph()
    assert [to_dict(d) for d in list_documents(graph)] == [to_dict(d) for d in list_documents(reference)]
    assert len(list_documents(graph)) == 2
    units = list_units(reference)
    assert list_units(graph) == units
    for unit in units:
        assert to_dict(get_unit(graph, unit.iri)) == to_dict(get_unit(reference, unit.iri))
    assert [to_dict(t) for t in list_targets(graph)] == [to_dict(t) for t in list_targets(reference)]
    departments = list_departments(reference)
    assert [to_dict(d) for d in list_departments(graph)] == [to_dict(d) for d in departments]
    for department in departments:
        assert to_dict(department_view(graph, department.key)) == to_dict(department_view(reference, department.key))


def triples(graph: Graph) -> set:
    """The triples with canonical literals (the graph has no blank nodes, so sets compare graphs)."""
    return set(to_memory(graph))


def test_n_triples_exports_are_byte_for_byte_equal(stores):
    assert stores["sparql-http"].export("nt") == stores["embedded"].export("nt")  # sorted lines


@pytest.mark.parametrize("fmt", ["turtle", "json-ld"])
@pytest.mark.parametrize("backend", BACKENDS)
def test_exports_hold_the_built_triples(stores, full, backend, fmt):
    assert triples(Graph().parse(data=stores[backend].export(fmt), format=fmt)) == triples(full)
    assert stores[backend].triple_count() == len(stores["embedded"].graph())


def test_each_document_has_its_own_named_graph(stores, full):
    names = stores["sparql-http"].graph_names()
    assert names == sorted([iri.graph_iri(), iri.graph_iri(SECOND_SLUG), iri.graph_iri(SEED.stem)])


@pytest.mark.parametrize("fresh", BACKENDS, indirect=True)
def test_replacing_one_document_changes_only_its_triples(fresh, full):
    doc = iri.document_iri(SECOND_SLUG)
    mine = document_part(full, doc)
    dropped = sorted(mine.triples((None, POL.heading, None)))
    edited = Graph()
    for triple in mine:
        if triple not in dropped:
            edited.add(triple)
    added = (iri.unit_iri(SECOND_SLUG, "2.1"), POL.heading, Literal("建设算力设施（修订）"))
    edited.add(added)
    fresh.replace_document(doc, edited)
    expected = Graph()
    for triple in full:
        if triple not in dropped:
            expected.add(triple)
    expected.add(added)
    assert triples(fresh.graph()) == triples(expected)
    assert dropped


@pytest.mark.parametrize("fresh", BACKENDS, indirect=True)
def test_removing_one_document_removes_only_its_triples(fresh, full):
    doc = iri.document_iri(SECOND_SLUG)
    fresh.remove_document(doc)
    expected = Graph()
    for s, p, o in full:
        if graph_of(s, o) != iri.graph_iri(SECOND_SLUG):
            expected.add((s, p, o))
    assert triples(fresh.graph()) == triples(expected)
    assert len(expected) < len(full)


REFUSED = [
    ("INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }", SparqlRefused),
    ("DROP ALL", SparqlRefused),
    ("LOAD <http://example.org/data.nt>", SparqlRefused),
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", SparqlRefused),
    ("SELECT * WHERE { SeRvIcE SILENT <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", SparqlRefused),
    ("SELEC ?s WHERE { ?s ?p ?o }", SparqlSyntaxError),
    ("", SparqlSyntaxError),
]


@pytest.mark.parametrize(("query", "error"), REFUSED)
def test_http_backend_keeps_the_public_limits(stores, full, query, error):
    store = stores["sparql-http"]
    with pytest.raises(error) as caught:
        store.query(query)
    assert type(caught.value) is error
    assert store.triple_count() == len(full)  # nothing was changed


@pytest.mark.parametrize(("limits", "cut_by", "most"), [
    (SparqlLimits(max_rows=7), "rows", 7),
    (SparqlLimits(max_bytes=4096), "bytes", 40),
])
def test_http_backend_cuts_rows_and_bytes(stores, limits, cut_by, most):
    for query in ("SELECT * WHERE { ?s ?p ?o }", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"):
        result = stores["sparql-http"].query(query, limits)
        assert (result.truncated, result.truncated_by) == (True, cut_by)
        assert 0 < len(result.rows) <= most


def test_http_backend_stops_a_slow_query(stores):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    started = time.monotonic()
    with pytest.raises(SparqlTimeout):
        stores["sparql-http"].query(slow, SparqlLimits(timeout_s=0.5))
    assert time.monotonic() - started < 3


@pytest.mark.parametrize(("query", "update", "store", "expected"), [
    ("http://127.0.0.1:7878/query", None, None,
     ("http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update", "http://127.0.0.1:7878/store")),
    ("http://graphdb:7200/repositories/policykg", None, None,
     ("http://graphdb:7200/repositories/policykg", "http://graphdb:7200/repositories/policykg/statements",
      "http://graphdb:7200/repositories/policykg/rdf-graphs/service")),
    ("http://virtuoso:8890/sparql", None, "http://virtuoso:8890/sparql-graph-crud-auth",
     ("http://virtuoso:8890/sparql", "http://virtuoso:8890/sparql", "http://virtuoso:8890/sparql-graph-crud-auth")),
    ("http://qlever:7001/", "http://qlever:7001/update", None, ("http://qlever:7001/", "http://qlever:7001/update", None)),
])
def test_endpoints_are_derived_where_the_layout_tells(query, update, store, expected):
    found = derive_endpoints(query, update, store)
    assert (found.query, found.update, found.store) == expected


@pytest.mark.parametrize(("call", "message"), [
    (lambda p: create_store("virtuoso", p), "unknown graph backend 'virtuoso'; valid backends: embedded, sparql-http"),
    (lambda p: create_store("sparql-http", p, query_url="localhost:7878"), "'localhost:7878' is not an http(s) URL"),
])
def test_bad_backend_settings_name_the_value_and_the_valid_ones(tmp_path, call, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        call(tmp_path / "graph.nt")


def test_settings_pick_the_backend(tmp_path, oxigraph_url):
    from workspace.settings import Settings

    assert open_graph_store(Settings(data_dir=tmp_path), tmp_path / "g.nt").backend == "embedded"
    remote = open_graph_store(Settings(data_dir=tmp_path, sparql_endpoint=oxigraph_url), tmp_path / "g.nt")
    assert remote.backend == "sparql-http" and oxigraph_url in remote.describe()


def test_settings_tune_the_remote_views(tmp_path, oxigraph_url):
    from workspace.settings import Settings

    default = open_graph_store(Settings(data_dir=tmp_path, sparql_endpoint=oxigraph_url), tmp_path / "g.nt")
    assert (default.local_copy, default.cache_ttl_s) == (False, 5.0)
    tuned = open_graph_store(Settings(data_dir=tmp_path, sparql_endpoint=oxigraph_url, sparql_local_copy=True,
                                      sparql_cache_ttl_s=0.5), tmp_path / "g.nt")
    assert (tuned.local_copy, tuned.cache_ttl_s) == (True, 0.5)


def test_an_unreachable_server_is_named_and_not_remembered(tmp_path):
    from kg.sparql import SparqlError
    from kg.store import GraphStoreError

    url = f"http://127.0.0.1:{free_port()}/query"  # nothing listens there
    store = create_store("sparql-http", tmp_path / "g.nt", query_url=url)
    with pytest.raises(GraphStoreError, match="cannot reach the SPARQL server") as caught:
        store.graph()
    assert url in str(caught.value) and isinstance(caught.value, ConnectionError)
    with pytest.raises(SparqlError, match="could not answer"):
        store.query("ASK { ?s ?p ?o }")


def test_a_build_sends_only_the_named_graphs_that_changed(full, oxigraph_url, tmp_path):
    from kg.stores.sparql_http import DIGESTS_FILE

    first = create_store("sparql-http", tmp_path / "one" / "graph.nt", query_url=oxigraph_url)
    first.write_all(full)
    again = create_store("sparql-http", tmp_path / "two" / "graph.nt", query_url=oxigraph_url,
                         previous=tmp_path / "one" / DIGESTS_FILE)
    again.write_all(full)
    assert again.last_written == []  # nothing changed: nothing sent
    edited = Graph()
    for triple in full:
        edited.add(triple)
    edited.add((iri.unit_iri(SECOND_SLUG, "2.1"), POL.heading, Literal("建设算力设施（修订）")))
    third = create_store("sparql-http", tmp_path / "three" / "graph.nt", query_url=oxigraph_url,
                         previous=tmp_path / "two" / DIGESTS_FILE)
    try:
        third.write_all(edited)
        assert third.last_written == [iri.graph_iri(SECOND_SLUG)]  # one document changed: one PUT
        assert triples(third.graph()) == triples(edited)
    finally:
        third.write_all(full)
