"""Any SPARQL 1.1 server over HTTP (Query, Update, Graph Store Protocol): one named graph per document.

Writes: a document is one Graph Store Protocol ``PUT ?graph=<graph/doc/slug>`` (or, on servers without the
protocol, one SPARQL Update ``DROP SILENT GRAPH …; INSERT DATA { GRAPH … }``); the ontology, concept scheme and
authority data live in ``graph/shared``. Reads for ``kg.queries``: ``graph()`` is an rdflib Graph over the server
(``kg.stores.remote_graph``: each triple pattern one SELECT over our named graphs, sent on kept-alive connections,
with a bounded cache of subject descriptions), so no process holds a copy of the graph; ``local_copy=True`` gives
the former copy instead (one CONSTRUCT into a local Oxigraph store), which ``export`` still makes for itself.
Public queries (``query``): vetted by the same sandboxed Oxigraph check as the embedded backend (syntax, updates,
LOAD, SERVICE refused), then forwarded with the time limit, read as a stream and cut at the row and byte limits.
The server must answer its default graph as the union of the named graphs (Virtuoso and GraphDB do; Oxigraph with
``--union-default-graph``).
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import json
import logging
import os
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg import iri
from kg.sparql import (
    _TRIPLE_VARS,
    SparqlError,
    SparqlLimits,
    SparqlResult,
    SparqlTimeout,
    _Budget,
    _triples_kind,
    run_sparql,
    term_to_json,
)
from kg.store import GraphStoreError, save_graph
from kg.stores.base import export_graph, partition
from kg.stores.remote_graph import RemoteStore, remote_graph
from kg.vocab import PREFIXES, bind_prefixes

__all__ = ["DIGESTS_FILE", "Endpoints", "GraphServerError", "derive_endpoints", "SparqlHttpStore"]

logger = logging.getLogger(__name__)

_GRAPHS = str(iri.mint("graph", "x"))[:-1]  # every named graph of ours starts with this
_OURS = f'FILTER(STRSTARTS(STR(?g), "{_GRAPHS}"))'
_RESULTS_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"
_NT = "application/n-triples"
DIGESTS_FILE = "graph-digests.json"  # beside graph.nt: sha256 of each named graph written, for the next build


class GraphServerError(GraphStoreError, ConnectionError):
    """The SPARQL server could not be reached or refused a request; names the URL. A GraphStoreError, so the
    CLI and the API report it like an unreadable graph file (one line; 503); a ConnectionError, so a workspace
    asks again next time rather than remembering it."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(Path(), reason)
        self.path = url  # type: ignore[assignment]
        self.url = url

    def __str__(self) -> str:
        return f"{self.url}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Endpoints:
    query: str
    update: str
    store: str | None  # the Graph Store Protocol URL; None: documents are written by SPARQL Update


def _http_url(value: str, setting: str) -> str:
    parsed = urllib.parse.urlparse(value.strip())
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ValueError(f"{setting}={value!r} is not an http(s) URL; valid values: unset (the embedded Oxigraph "
                         "store) or a SPARQL server URL such as http://127.0.0.1:7878/query")
    return value.strip()


def derive_endpoints(query: str, update: str | None = None, store: str | None = None) -> Endpoints:
    """The three URLs from the query URL, where the server's layout tells them (explicit ones win):
    ``…/query`` → ``…/update``, ``…/store`` (Oxigraph); ``…/repositories/<id>`` → ``…/statements``,
    ``…/rdf-graphs/service`` (GraphDB, RDF4J); otherwise updates go to the query URL and no Graph Store URL."""
    query = _http_url(query, "POLICYKG_SPARQL_ENDPOINT")
    base = query.rstrip("/")
    if base.endswith("/query"):
        root = base[: -len("/query")]
        guess_update, guess_store = root + "/update", root + "/store"
    elif re.search(r"/repositories/[^/]+$", base):
        guess_update, guess_store = base + "/statements", base + "/rdf-graphs/service"
    else:
        guess_update, guess_store = query, None
    return Endpoints(
        query=query,
        update=_http_url(update, "POLICYKG_SPARQL_UPDATE_ENDPOINT") if update else guess_update,
        store=_http_url(store, "POLICYKG_GRAPH_STORE_ENDPOINT") if store else guess_store,
    )


def _prologue() -> str:
    """Our prefixes, declared before the user's query (a later PREFIX of the same name wins)."""
    return "".join(f"PREFIX {name}: <{ns}>\n" for name, ns in PREFIXES.items())


def _sorted_nt(graph: Graph) -> bytes:
    """N-Triples with the lines sorted: the same bytes for the same triples, to digest and to send."""
    lines = graph.serialize(format="nt", encoding="utf-8").splitlines(keepends=True)
    return b"".join(sorted(line for line in lines if line.strip()))


class _Connections:
    """Kept-alive HTTP connections to one URL, reused request after request (a view sends hundreds of small SELECTs:
    a new TCP connection each costs ~2 ms on loopback against ~0.3 ms for a request on an open one)."""

    def __init__(self, url: str, timeout_s: float, keep: int = 8) -> None:
        parsed = urllib.parse.urlparse(url)
        self.url, self.timeout_s, self.keep = url, timeout_s, keep
        self._https = parsed.scheme == "https"
        self._host, self._port = parsed.hostname or "", parsed.port
        self._path = (parsed.path or "/") + (f"?{parsed.query}" if parsed.query else "")
        self._auth = {}
        if parsed.username:  # credentials the URL carries, as urllib would need them spelt out
            token = f"{urllib.parse.unquote(parsed.username)}:{urllib.parse.unquote(parsed.password or '')}"
            self._auth = {"Authorization": "Basic " + base64.b64encode(token.encode()).decode()}
        self._idle: list[http.client.HTTPConnection] = []
        self._lock = threading.Lock()

    def _take(self, reuse: bool = True) -> tuple[http.client.HTTPConnection, bool]:
        with self._lock:
            if self._idle and reuse:
                return self._idle.pop(), True
        kind = http.client.HTTPSConnection if self._https else http.client.HTTPConnection
        return kind(self._host, self._port, timeout=self.timeout_s), False

    def _give(self, connection: http.client.HTTPConnection) -> None:
        with self._lock:
            if len(self._idle) < self.keep:
                self._idle.append(connection)
                return
        connection.close()

    def _unreachable(self, e: BaseException) -> GraphServerError:
        return GraphServerError(self.url, f"cannot reach the SPARQL server ({e}); start it, or unset "
                                          "POLICYKG_SPARQL_ENDPOINT for the embedded store")

    @contextmanager
    def post(self, body: bytes, content_type: str, accept: str) -> Iterator[http.client.HTTPResponse]:
        """POST ``body``; the response as a stream. Read to its end, the connection is kept for the next request;
        left early (the caller stopped iterating), it is closed."""
        headers = {"Content-Type": content_type, "Accept": accept, **self._auth}
        for attempt in (1, 2):
            connection, reused = self._take(reuse=attempt == 1)
            try:
                connection.request("POST", self._path, body=body, headers=headers)
                response = connection.getresponse()
                break
            except (http.client.HTTPException, OSError) as e:
                connection.close()
                if reused:  # the server closed idle connections: the others too, so once more on a new one
                    self.close()
                    continue
                raise self._unreachable(e) from e
        if response.status >= 400:
            detail = response.read(2000).decode("utf-8", "replace").strip()
            connection.close()
            raise GraphServerError(self.url, f"POST answered {response.status} {response.reason}: {detail}")
        finished = False
        try:
            yield response
            response.read()  # the rest of the stream (a chunked answer's last chunk) before the next request
            finished = True
        except (http.client.HTTPException, OSError) as e:
            raise self._unreachable(e) from e
        finally:
            if finished and not response.will_close:
                self._give(connection)
            else:
                connection.close()

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for connection in idle:
            connection.close()


class _CappedReader:
    """A response body read at most ``cap`` bytes and until ``deadline``; past either it reads as ended."""

    def __init__(self, raw: Any, cap: int, deadline: float) -> None:
        self.raw, self.left, self.deadline = raw, cap, deadline
        self.capped = self.late = False

    def read(self, size: int = -1) -> bytes:
        if time.monotonic() > self.deadline:
            self.late = True
            return b""
        if self.left <= 0:
            self.capped = True
            return b""
        chunk = self.raw.read(min(self.left, 65536 if size is None or size < 0 else size))
        self.left -= len(chunk)
        return chunk


class SparqlHttpStore:
    """The graph on a SPARQL 1.1 server; ``record``, when given, also gets the N-Triples file of each build."""

    backend = "sparql-http"

    def __init__(self, endpoints: Endpoints, record: str | Path | None = None, timeout_s: float = 120.0,
                 previous: str | Path | None = None, *, local_copy: bool = False, cache_ttl_s: float = 5.0) -> None:
        self.endpoints = endpoints
        self.local_copy = local_copy  # graph(): a local CONSTRUCT copy (the former reads) instead of the remote view
        self.cache_ttl_s = cache_ttl_s  # how long the remote view trusts what it read (other writers)
        self.record = Path(record) if record else None
        self.previous = Path(previous) if previous else None  # the digests file of the build before
        self.last_written: list[URIRef] = []  # the named graphs the last write_all sent
        self.timeout_s = timeout_s
        self._graph: Graph | None = None
        self._remote: RemoteStore | None = None
        self._connections = _Connections(endpoints.query, timeout_s)
        self._lock = threading.Lock()

    def describe(self) -> str:
        return f"sparql-http ({self.endpoints.query})"

    # -- HTTP -----------------------------------------------------------------------------------------------
    def _send(self, method: str, url: str, body: bytes | None, content_type: str | None, accept: str | None,
              timeout: float | None = None) -> Any:
        headers = {k: v for k, v in (("Content-Type", content_type), ("Accept", accept)) if v}
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        try:
            return urllib.request.urlopen(request, timeout=timeout or self.timeout_s)  # noqa: S310 — http(s) only
        except urllib.error.HTTPError as e:
            detail = e.read(2000).decode("utf-8", "replace").strip()
            raise GraphServerError(url, f"{method} answered {e.code} {e.reason}: {detail}") from e
        except (urllib.error.URLError, OSError) as e:
            raise GraphServerError(url, f"cannot reach the SPARQL server ({getattr(e, 'reason', e)}); start it, or "
                                        "unset POLICYKG_SPARQL_ENDPOINT for the embedded store") from e

    def _stream_select(self, sparql: str) -> Any:
        """A SELECT sent on a kept-alive connection; its JSON results as a stream (a context manager)."""
        return self._connections.post(sparql.encode("utf-8"), "application/sparql-query",
                                      "application/sparql-results+json")

    def _select(self, sparql: str) -> list[dict[str, Any]]:
        with self._stream_select(sparql) as response:
            results = ox.parse_query_results(response.read(), ox.QueryResultsFormat.JSON)
        names = [v.value for v in results.variables]
        return [{n: s[n] for n in names if s[n] is not None} for s in results]

    def _update(self, sparql: str) -> None:
        self._send("POST", self.endpoints.update, sparql.encode(), "application/sparql-update", None).close()

    def _gsp_url(self, name: URIRef) -> str:
        assert self.endpoints.store is not None
        sep = "&" if "?" in self.endpoints.store else "?"
        return f"{self.endpoints.store}{sep}{urllib.parse.urlencode({'graph': str(name)})}"

    def _put(self, name: URIRef, graph: Graph | bytes) -> None:
        data = graph if isinstance(graph, bytes) else graph.serialize(format="nt", encoding="utf-8")
        if self.endpoints.store:
            self._send("PUT", self._gsp_url(name), data, _NT, None).close()
        else:
            self._update(f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n{data.decode()}\n}} }}")

    def _drop(self, name: URIRef) -> None:
        self._update(f"DROP SILENT GRAPH <{name}>")

    def _forget(self) -> None:
        """After a write: the local copy is dropped, the remote view's cache cleared (the graph object stays)."""
        with self._lock:
            if self.local_copy:
                self._graph = None
            if self._remote is not None:
                self._remote.clear()

    def _stamp(self) -> Hashable:
        """The digests file of the generation in force, as the file system names it: another process's build
        repoints ``current`` to a new one, and the remote view then forgets what it read."""
        try:
            found = os.stat(self.previous) if self.previous else None
        except OSError:
            return None
        return None if found is None else (found.st_dev, found.st_ino, found.st_mtime_ns)

    # -- writes ---------------------------------------------------------------------------------------------
    def graph_sizes(self) -> dict[str, int]:
        """Our named graphs on the server (``graph/doc/<slug>``, ``graph/shared``) and their triple counts."""
        rows = self._select(f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_OURS} }} GROUP BY ?g")
        return {row["g"].value: int(row["n"].value) for row in rows}

    def graph_names(self) -> list[URIRef]:
        return sorted(URIRef(name) for name in self.graph_sizes())

    def _known(self) -> dict[str, str]:
        """The digests the previous build left for this server (none if it wrote elsewhere or left none)."""
        try:
            saved = json.loads(self.previous.read_text(encoding="utf-8")) if self.previous else {}
        except (OSError, ValueError):
            return {}
        return saved.get("graphs", {}) if saved.get("endpoint") == self.endpoints.query else {}

    def write_all(self, graph: Graph) -> None:
        """Write each named graph that changed since the previous build: one PUT per changed document (a graph
        whose digest the previous build recorded and whose size the server still reports is left alone);
        drop the graphs of documents no longer there."""
        if self.record is not None:
            save_graph(graph, self.record)
        parts = partition(graph)
        texts = {str(name): _sorted_nt(part) for name, part in parts.items()}
        digests = {name: hashlib.sha256(text).hexdigest() for name, text in texts.items()}
        known, sizes = self._known(), self.graph_sizes()
        started = time.perf_counter()
        self.last_written = [URIRef(name) for name in sorted(texts)
                             if known.get(name) != digests[name] or sizes.get(name) != len(parts[URIRef(name)])]
        for name in self.last_written:
            self._put(name, texts[str(name)])
        for stale in sorted(set(sizes) - set(texts)):
            self._drop(URIRef(stale))
        if self.record is not None:
            (self.record.parent / DIGESTS_FILE).write_text(
                json.dumps({"endpoint": self.endpoints.query, "graphs": digests}, indent=1, sort_keys=True),
                encoding="utf-8")
        self._forget()
        logger.info("wrote %d of %d named graphs to %s in %.2f s", len(self.last_written), len(parts),
                    self.endpoints.store or self.endpoints.update, time.perf_counter() - started)

    def replace_document(self, doc_iri: URIRef, graph: Graph) -> None:
        self._put(iri.graph_iri(iri.key_of(str(doc_iri))[1]), graph)
        self._forget()

    def remove_document(self, doc_iri: URIRef) -> None:
        self._drop(iri.graph_iri(iri.key_of(str(doc_iri))[1]))
        self._forget()

    # -- reads ----------------------------------------------------------------------------------------------
    @property
    def remote_store(self) -> RemoteStore:
        """The read-only rdflib store over the server that ``graph()`` reads (its cache, ``cached_triples``)."""
        with self._lock:
            if self._remote is None:
                self._remote = RemoteStore(self._stream_select, _GRAPHS, ttl_s=self.cache_ttl_s,
                                           stamp=self._stamp if self.previous else None)
            return self._remote

    def graph(self) -> Graph:
        """An rdflib Graph over the server (nothing copied; the server is asked once here, so an unreachable one
        fails now), or with ``local_copy`` the whole graph copied into this process."""
        if self.local_copy:
            with self._lock:
                if self._graph is None:
                    self._graph = self._copy()
                return self._graph
        store = self.remote_store
        with self._lock:
            if self._graph is None:
                self._select(f"SELECT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_OURS} }} LIMIT 1")
                self._graph = remote_graph(store)
            return self._graph

    def _copy(self) -> Graph:
        """Our named graphs copied by one CONSTRUCT into a local Oxigraph store."""
        started = time.perf_counter()
        construct = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_OURS} }}"
        with self._send("POST", self.endpoints.query, construct.encode(), "application/sparql-query",
                        _NT) as response:
            data = response.read()
        graph = bind_prefixes(Graph(store="Oxigraph"))
        graph.parse(data=data.decode("utf-8"), format="ox-nt")
        logger.info("read %d triples from %s in %.2f s", len(graph), self.endpoints.query,
                    time.perf_counter() - started)
        return graph

    def triple_count(self) -> int:
        rows = self._select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_OURS} }}")
        return int(rows[0]["n"].value) if rows else 0

    def export(self, fmt: str) -> str:
        return export_graph(self.graph() if self.local_copy else self._copy(), fmt)  # a copy made for it, not kept

    def query(self, sparql: str, limits: SparqlLimits | None = None) -> SparqlResult:
        limits = limits or SparqlLimits()
        # The same sandboxed engine as the embedded backend decides: syntax, updates, LOAD, SERVICE (on no data).
        run_sparql(_EMPTY, sparql, limits=limits)
        return self._forward(sparql, limits)

    def _forward(self, sparql: str, limits: SparqlLimits) -> SparqlResult:
        started = time.monotonic()
        deadline = started + limits.timeout_s
        try:
            response = self._send("POST", self.endpoints.query, (_prologue() + sparql).encode("utf-8"),
                                  "application/sparql-query", _RESULTS_ACCEPT, timeout=limits.timeout_s)
        except GraphServerError as e:
            if isinstance(e.__cause__, TimeoutError) or "timed out" in e.reason:
                raise SparqlTimeout(f"query stopped after the {limits.timeout_s:g} s limit") from e
            raise SparqlError(f"the SPARQL server could not answer: {e}") from e
        with response:
            reader = _CappedReader(response, cap=4 * limits.max_bytes + 65536, deadline=deadline)
            try:
                payload = _collect(reader, response.headers.get_content_type(), sparql, limits)
            except (SyntaxError, ValueError, OSError) as e:
                if reader.late or isinstance(e, TimeoutError):
                    raise SparqlTimeout(f"query stopped after the {limits.timeout_s:g} s limit") from e
                if not reader.capped:
                    raise SparqlError(f"the SPARQL server's answer could not be read: {e}") from e
                payload = reader.partial  # type: ignore[attr-defined]
        if reader.late:
            raise SparqlTimeout(f"query stopped after the {limits.timeout_s:g} s limit")
        return SparqlResult(elapsed_ms=(time.monotonic() - started) * 1000, **payload)

    def close(self) -> None:
        self._forget()
        self._connections.close()


_EMPTY = Graph(store="Oxigraph")


def _collect(reader: _CappedReader, content_type: str, query: str, limits: SparqlLimits) -> dict[str, Any]:
    """The rows of a streamed answer within the row and byte budget (as ``kg.sparql`` counts them); rows
    read before the raw-size cap cut the stream are kept in ``reader.partial``."""
    if content_type == _NT:
        kind, variables = _triples_kind(query), _TRIPLE_VARS
        rows_iter: Any = ({"subject": t.subject, "predicate": t.predicate, "object": t.object}
                          for t in ox.parse(reader, ox.RdfFormat.N_TRIPLES))
    else:
        results = ox.parse_query_results(reader, ox.QueryResultsFormat.JSON)
        if isinstance(results, ox.QueryBoolean):
            return {"kind": "ask", "boolean": bool(results)}
        kind, variables = "select", [v.value for v in results.variables]
        rows_iter = ({v.value: s[v] for v in results.variables if s[v] is not None} for s in results)
    budget = _Budget(variables, limits)
    rows: list[dict[str, Any]] = []
    reader.partial = {"kind": kind, "vars": variables, "rows": rows, "truncated": True,  # type: ignore[attr-defined]
                      "truncated_by": "bytes"}
    for raw in rows_iter:
        row = {name: term_to_json(term) for name, term in raw.items()}
        if not budget.admit(row):
            break
        rows.append(row)
    return {"kind": kind, "vars": variables, "rows": rows, "truncated": bool(budget.cut_by),
            "truncated_by": budget.cut_by}
