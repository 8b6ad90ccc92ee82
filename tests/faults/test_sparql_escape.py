"""The SPARQL escape family, tried as an attacker would: every trick is refused and no connection is ever made.

A real socket listens on a loopback port for the whole module; each query names it as its SERVICE or LOAD
target, goes through ``kg.sparql.run_sparql`` and through the API (GET, POST body, POST form), and must be
refused (``SparqlRefused`` / 403) with the listener never contacted and the graph unchanged. Then the limits:
answer size, memory, time (the child is gone afterwards), concurrency, and cross-origin form POSTs.
Each query is bounded by its SPARQL time limit, so the module ends in seconds.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph, Literal, URIRef

import kg.sparql as sparql
from api.app import create_app
from api.deps import get_workspace
from workspace.settings import Settings, get_settings
from kg.sparql import SparqlLimits, SparqlMemoryLimit, SparqlRefused, SparqlTimeout, run_sparql

EX = "https://example.org/fault/"
TRIPLES = 40  # 40⁴ rows in a four-way cross join: enough to outlast any limit below


class Listener:
    """A loopback TCP listener that records every connection made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections: list[tuple[str, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, peer = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self.connections.append(peer)
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.sock.close()


@pytest.fixture(scope="module")
def listener():
    ear = Listener()
    yield ear
    ear.close()


def _graph() -> Graph:
    graph = Graph(store="Oxigraph")
    for i in range(TRIPLES):
        graph.add((URIRef(f"{EX}s{i}"), URIRef(f"{EX}label"), Literal(f"第{i}条 " + "措施" * 40)))
    return graph


@pytest.fixture(scope="module")
def graph() -> Graph:
    return _graph()


@pytest.fixture(scope="module")
def settings(tmp_path_factory) -> Settings:
    empty = tmp_path_factory.mktemp("never-built")  # the workspace is injected below; nothing is built here
    return Settings(data_dir=empty, corpus_dir=empty, sparql_timeout_s=3.0, sparql_queue_wait_s=0.2)


class _EmbeddedGraph:
    """The graph store of an injected workspace: queries run by ``run_sparql`` on ``graph`` (as embedded)."""

    backend = "embedded"

    def __init__(self, graph: Graph) -> None:
        self._graph = graph

    def query(self, query: str, limits: SparqlLimits | None = None):
        return run_sparql(self._graph, query, limits=limits)


@pytest.fixture(scope="module")
def app(settings, graph):
    app = create_app()
    workspace = SimpleNamespace(graph=graph, graph_store=_EmbeddedGraph(graph))
    app.dependency_overrides[get_settings] = lambda: settings
    app.dependency_overrides[get_workspace] = lambda: workspace
    return app


@pytest.fixture(scope="module")
def client(app):
    return TestClient(app, raise_server_exceptions=False)  # no lifespan: the data dir is never opened


@pytest.fixture
def configure(app, settings):
    """``configure(sparql_max_bytes=…)`` for one test; the module's settings come back after."""

    def apply(**changes) -> Settings:
        changed = settings.model_copy(update=changes)
        app.dependency_overrides[get_settings] = lambda: changed
        return changed

    yield apply
    app.dependency_overrides[get_settings] = lambda: settings


# ---------------------------------------------------------------------------------------------------------------
# The family. ``{url}`` is the listener; ``\\u`` in these Python strings is a literal backslash-u in the query.

SERVICE_FAMILY = {
    "issue: \\u0022 closes the string for one parser only":
        'SELECT * WHERE { BIND("a\\u0022 + " AS ?a) SERVICE <{url}> { ?s ?p ?o } BIND(" + \\u0022b" AS ?b) }',
    "\\U00000022 variant":
        'SELECT * WHERE { BIND("a\\U00000022 + " AS ?a) SERVICE <{url}> { ?s ?p ?o } BIND(" + \\U00000022b" AS ?b) }',
    "escaped quote \\\" variant":
        'SELECT * WHERE { BIND("a\\" + " AS ?a) SERVICE <{url}> { ?s ?p ?o } BIND(" + \\"b" AS ?b) }',
    "long string with escapes":
        'SELECT * WHERE { BIND("""a\\u0022\\u0022\\u0022 """ AS ?a) SERVICE <{url}> { ?s ?p ?o } }',
    "comment with braces": "SELECT * WHERE { ?s ?p ?o # } } {\n SERVICE <{url}> { ?s ?p ?o } }",
    "comment between keyword and IRI": "SELECT * WHERE { ?s ?p ?o . SERVICE # {\n <{url}> { ?s ?p ?o } }",
    "lower case": "select * where { ?s ?p ?o . service <{url}> { ?s ?p ?o } }",
    "mixed case": "SELECT * WHERE { ?s ?p ?o . SeRvIcE <{url}> { ?s ?p ?o } }",
    "SERVICE SILENT": "SELECT * WHERE { ?s ?p ?o . SERVICE SILENT <{url}> { ?s ?p ?o } }",
    "nested in OPTIONAL": "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE <{url}> { ?s ?q ?r } } }",
    "nested in UNION": "SELECT * WHERE { { ?s ?p ?o } UNION { SERVICE <{url}> { ?s ?p ?o } } }",
    "nested in a subquery": "SELECT * WHERE { ?s ?p ?o { SELECT ?s WHERE { SERVICE <{url}> { ?s ?q ?r } } } }",
    "nested in FILTER EXISTS": "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <{url}> { ?s ?q ?r } } }",
    "nested in MINUS": "SELECT * WHERE { ?s ?p ?o MINUS { SERVICE SILENT <{url}> { ?s ?q ?r } } }",
    "service inside service": "SELECT * WHERE { SERVICE <{url}> { SERVICE <{url}> { ?s ?p ?o } } }",
    "variable bound by VALUES": "SELECT * WHERE { VALUES ?x { <{url}> } SERVICE ?x { ?s ?p ?o } }",
    "variable bound by BIND": "SELECT * WHERE { BIND(<{url}> AS ?x) SERVICE $x { ?s ?p ?o } }",
    "prefixed service IRI": "PREFIX r: <{base}> SELECT * WHERE { ?s ?p ?o . SERVICE r:s { ?s ?p ?o } }",
    "\\u escapes inside the IRI": "SELECT * WHERE { ?s ?p ?o . SERVICE <http\\u003A//127.0.0.1:{port}/s> { ?s ?p ?o } }",
    "escaped keyword": "SELECT * WHERE { ?s ?p ?o . SERV\\u0049CE <{url}> { ?s ?p ?o } }",
    "escaped escape": "SELECT * WHERE { ?s ?p ?o . \\u005Cu0053ERVICE <{url}> { ?s ?p ?o } }",
    "glued to a number": "SELECT * WHERE { ?s ?p ?o . ?s ?p 1SERVICE<{url}>{ ?s ?p ?o } }",
    "glued to a FILTER": "SELECT * WHERE { ?s ?p ?o FILTER(true)SERVICE<{url}>{ ?s ?p ?o } }",
    "ASK": "ASK { SERVICE <{url}> { ?s ?p ?o } }",
    "CONSTRUCT": "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <{url}> { ?s ?p ?o } }",
    "DESCRIBE": "DESCRIBE ?s WHERE { SERVICE <{url}> { ?s ?p ?o } }",
}

UPDATE_FAMILY = {
    "INSERT DATA": "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "INSERT DATA with escapes": 'INSERT DATA { <urn:a> <urn:b> "x\\u0022 } " }',
    "DELETE DATA": 'DELETE DATA { <{ex}s1> <{ex}label> "x" }',
    "DELETE/INSERT WHERE": "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    "WITH … DELETE WHERE": "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "DELETE WHERE": "DELETE WHERE { ?s ?p ?o }",
    "DELETE WHERE, escaped keyword": "DEL\\u0045TE WHERE { ?s ?p ?o }",
    "LOAD": "LOAD <{url}>",
    "LOAD SILENT INTO GRAPH": "LOAD SILENT <{url}> INTO GRAPH <urn:g>",
    "LOAD with an escaped IRI": "LOAD <http\\u003A//127.0.0.1:{port}/data.ttl>",
    "lower-case load after a comment": "# just a comment {\nload <{url}>",
    "CLEAR ALL": "CLEAR ALL",
    "CLEAR DEFAULT": "CLEAR SILENT DEFAULT",
    "CREATE": "CREATE GRAPH <urn:g>",
    "DROP": "DROP ALL",
    "COPY": "COPY DEFAULT TO <urn:g>",
    "MOVE": "MOVE DEFAULT TO <urn:g>",
    "ADD": "ADD DEFAULT TO <urn:g>",
    "a query then an update": "SELECT * WHERE { ?s ?p ?o } ; INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "update whose WHERE reaches out": "INSERT { ?s ?p ?o } WHERE { SERVICE <{url}> { ?s ?p ?o } }",
}


def _fill(template: str, port: int) -> str:
    base = f"http://127.0.0.1:{port}/"
    return (template.replace("{url}", base + "s").replace("{base}", base).replace("{port}", str(port))
            .replace("{ex}", EX))


def _families() -> list:
    return ([pytest.param(t, id="service: " + name) for name, t in SERVICE_FAMILY.items()]
            + [pytest.param(t, id="update: " + name) for name, t in UPDATE_FAMILY.items()])


@pytest.mark.parametrize("template", _families())
def test_run_sparql_refuses_and_connects_nowhere(graph, listener, template):
    query = _fill(template, listener.port)
    before = len(graph)
    with pytest.raises(SparqlRefused):
        run_sparql(graph, query, timeout_s=3.0)
    time.sleep(0.05)  # a connection attempt would have been accepted by now
    assert listener.connections == []
    assert len(graph) == before


@pytest.mark.parametrize("template", _families())
def test_api_refuses_with_403_and_connects_nowhere(client, graph, listener, template):
    query = _fill(template, listener.port)
    before = len(graph)
    answers = [
        client.get("/sparql", params={"query": query}),
        client.post("/sparql", content=query.encode(), headers={"content-type": "application/sparql-query"}),
        client.post("/sparql", data={"query": query}),
    ]
    for r in answers:
        assert r.status_code == 403, r.text
        assert r.json()["error"]["code"] == "sparql_refused" and r.json()["error"]["where"] == "query"
    time.sleep(0.05)
    assert listener.connections == []
    assert len(graph) == before


@pytest.mark.parametrize("template", [
    SERVICE_FAMILY["issue: \\u0022 closes the string for one parser only"],
    SERVICE_FAMILY["SERVICE SILENT"],
    SERVICE_FAMILY["nested in OPTIONAL"],
    SERVICE_FAMILY["nested in a subquery"],
])
def test_the_sandbox_alone_stops_the_connection(graph, listener, monkeypatch, template):
    """With the text check switched off, the engine itself tries SERVICE: the sandboxed child cannot connect."""
    monkeypatch.setattr(sparql, "service_refusal", lambda query: None)
    query = _fill(template, listener.port)
    try:
        run_sparql(graph, query, timeout_s=3.0)
    except SparqlRefused:
        pass  # the child was killed by the seccomp filter (or stopped by RLIMIT_NOFILE): reported as a refusal
    else:
        assert not sparql.SANDBOX_SECCOMP, "with seccomp, any attempt to connect must be refused"
    time.sleep(0.05)
    assert listener.connections == []


def test_a_harmless_string_that_looks_like_an_update_is_just_a_string(graph):
    query = 'SELECT ?x WHERE { BIND("a\\u0022 ; INSERT DATA { <urn:a> <urn:b> <urn:c> } # " AS ?x) }'
    result = run_sparql(graph, query)
    assert result.rows == [{"x": {"type": "literal", "value": 'a" ; INSERT DATA { <urn:a> <urn:b> <urn:c> } # '}}]
    assert len(graph) == TRIPLES


# ---------------------------------------------------------------------------------------------------------------
# Empty queries, DESCRIBE *.


@pytest.mark.parametrize("query", ["", "  \n\t", "# nothing but a comment", "# one\n# two {\n"])
def test_empty_query_is_400_empty_query(client, query):
    r = client.post("/sparql", content=query.encode(), headers={"content-type": "application/sparql-query"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "empty_query"
    assert "empty query" in r.json()["error"]["message"]
    r = client.get("/sparql", params={"query": query})
    assert r.status_code == 400 and r.json()["error"]["code"] == "empty_query"


def test_describe_star_answers(client):
    r = client.get("/sparql", params={"query": "DESCRIBE *"})
    assert r.status_code == 200, r.text
    r = client.get("/sparql", params={"query": f"DESCRIBE ?s WHERE {{ ?s <{EX}label> ?o }} LIMIT 2"})
    assert r.status_code == 200 and len(r.json()["results"]["bindings"]) == 2


# ---------------------------------------------------------------------------------------------------------------
# Limits: answer size, memory, time, concurrency.

RUNAWAY_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
RUNAWAY_SORT = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY ?c ?f ?i ?l"


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_no_answer_exceeds_the_byte_limit(client, configure, fmt):
    configure(sparql_max_bytes=4096)
    r = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }", "format": fmt})
    assert r.status_code == 200
    assert len(r.content) <= 4096
    assert fmt == "csv" or len(r.content) > 3000  # cut near the limit, not far below it (JSON is the larger form)
    assert r.headers["X-Truncated"] == "true" and r.headers["X-Truncated-By"] == "bytes"


def test_byte_limit_in_the_core(graph):
    result = run_sparql(graph, "SELECT * WHERE { ?s ?p ?o }", limits=SparqlLimits(max_bytes=10_000))
    import json

    assert result.truncated_by == "bytes"
    assert len(json.dumps(result.to_json(), ensure_ascii=False).encode()) <= 10_000
    assert len(result.to_csv().encode()) <= 10_000
    whole = run_sparql(graph, "SELECT * WHERE { ?s ?p ?o }")
    assert not whole.truncated and len(whole.rows) == TRIPLES


def test_memory_limit_stops_a_sorted_cross_join(client, configure):
    # a time limit far beyond what the sort needs to pass 64 MB, even on a loaded machine: the error code says
    # which limit stopped it (a timing assertion would fail on a busy CI runner, not on a fault)
    configure(sparql_max_memory_mb=64, sparql_timeout_s=120.0)
    r = client.get("/sparql", params={"query": RUNAWAY_SORT})
    assert r.status_code == 400 and r.json()["error"]["code"] == "sparql_memory_limit", r.text
    assert "64 MB" in r.json()["error"]["message"]


def _child_pids() -> set[int]:
    """Processes whose parent is this one (alive or zombie), from /proc."""
    me, found = os.getpid(), set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == me:
                found.add(int(entry.name))
    return found


def test_timeout_kills_the_child_and_frees_the_core(client, configure):
    configure(sparql_timeout_s=0.5)
    before = _child_pids()
    cpu_before = os.times()
    started = time.monotonic()
    r = client.get("/sparql", params={"query": RUNAWAY_COUNT})
    elapsed = time.monotonic() - started
    assert r.status_code == 408 and r.json()["error"]["code"] == "sparql_timeout"
    assert elapsed < 15.0  # stopped near its 0.5 s limit (with room for a loaded machine), not run to its end
    assert _child_pids() == before  # killed and reaped: nothing left burning a core
    time.sleep(0.3)
    assert os.times().children_user - cpu_before.children_user < 1.5  # the child ran ~0.5 s, then nothing


def test_the_child_holds_no_descriptor_of_the_server(graph, listener):
    """A child keeping a copy of a closed client connection would keep it open and reset the next request."""
    held = socket.create_connection(("127.0.0.1", listener.port))  # stands for a client connection of the server
    before = _child_pids()
    failures: list[BaseException] = []

    def run() -> None:
        try:
            run_sparql(graph, RUNAWAY_COUNT, timeout_s=2.0)
        except SparqlTimeout:
            pass
        except BaseException as e:  # noqa: BLE001 — reported below
            failures.append(e)

    runner = threading.Thread(target=run)
    runner.start()
    try:
        deadline = time.monotonic() + 1.5
        while not (_child_pids() - before) and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.2)  # past the child's set-up, into evaluation
        (child,) = _child_pids() - before
        fds = [f for f in Path(f"/proc/{child}/fd").iterdir() if int(f.name) > 2]
        held_by_child = {int(f.name): os.readlink(f) for f in fds}
        pipes = [t for t in held_by_child.values() if t.startswith("pipe:")]
        assert len(pipes) == 1, held_by_child  # the answer's pipe, and no other pipe
        assert not [t for t in held_by_child.values() if t.startswith("socket:")], held_by_child
        # Besides it only regular files open read-only (an on-disk graph store's tables, which RocksDB reads
        # by descriptor): nothing the child could write to or talk through.
        for fd, target in held_by_child.items():
            if not target.startswith("pipe:"):
                flags = int(Path(f"/proc/{child}/fdinfo/{fd}").read_text().split("flags:")[1].split()[0], 8)
                assert target.startswith("/") and flags & os.O_ACCMODE == os.O_RDONLY, (target, oct(flags))
    finally:
        runner.join(timeout=5)
        held.close()
    assert failures == []
    listener.connections.clear()  # the connection made above on purpose


def test_time_limit_in_the_core(graph):
    with pytest.raises(SparqlTimeout):
        run_sparql(graph, RUNAWAY_COUNT, timeout_s=0.4)
    with pytest.raises((SparqlMemoryLimit, SparqlTimeout)):
        run_sparql(graph, RUNAWAY_SORT, limits=SparqlLimits(timeout_s=5.0, max_memory_mb=48))


def test_concurrent_sparql_is_bounded_and_the_rest_get_503(client, configure):
    configure(sparql_max_concurrent=1, sparql_queue_wait_s=0.2, sparql_timeout_s=1.5)
    slow: dict[str, int] = {}
    runner = threading.Thread(
        target=lambda: slow.setdefault("status", client.get("/sparql", params={"query": RUNAWAY_COUNT}).status_code))
    runner.start()
    time.sleep(0.4)  # the runaway holds the only slot
    busy = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
    runner.join(timeout=10)
    assert busy.status_code == 503 and busy.json()["error"]["code"] == "sparql_busy"
    assert slow["status"] == 408
    assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).status_code == 200  # the slot came back


# ---------------------------------------------------------------------------------------------------------------
# Cross-origin form POSTs (a page elsewhere making a visitor's browser send the query).

FORM = {"content-type": "application/x-www-form-urlencoded"}
TEXT = {"content-type": "text/plain"}


@pytest.mark.parametrize("headers,body", [
    ({**FORM, "origin": "http://evil.example"}, b"query=ASK%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D"),
    ({**TEXT, "origin": "http://evil.example"}, b"ASK { ?s ?p ?o }"),
    ({**FORM, "origin": "null"}, b"query=ASK%20%7B%7D"),
    ({**FORM, "sec-fetch-site": "cross-site"}, b"query=ASK%20%7B%7D"),
])
def test_cross_origin_form_posts_are_refused(client, headers, body):
    r = client.post("/sparql", content=body, headers=headers)
    assert r.status_code == 403 and r.json()["error"]["code"] == "cross_origin"
    assert r.json()["error"]["where"] == "header.origin"


def test_same_origin_allowed_origin_and_non_browser_form_posts_run(client, configure):
    body = b"query=ASK%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D"
    assert client.post("/sparql", content=body, headers={**FORM, "origin": "http://testserver"}).status_code == 200
    assert client.post("/sparql", content=body, headers=FORM).status_code == 200  # curl, scripts: no Origin
    configure(cors_origins=["https://partner.example"])
    assert client.post("/sparql", content=body, headers={**FORM, "origin": "https://partner.example"}).status_code == 200
    # A SPARQL body type is not a "simple" request: browsers ask first (CORS preflight), so no Origin check here.
    r = client.post("/sparql", content=b"ASK { ?s ?p ?o }",
                    headers={"content-type": "application/sparql-query", "origin": "http://evil.example"})
    assert r.status_code == 200
