"""Scale-corpus benchmark: synthetic plan documents (``benchmarks.synthetic``) streamed into each backend.

    python -m benchmarks.scale_corpus --docs 1000 10000 80000 [--backends embedded server] [--parts graph search]

(80,000 documents ≈ 1,016,000 units; ``--parts`` runs the graph store or the search backend alone, and rows
of separate runs of one size merge. ``--existing-milvus DIR`` times queries on a milvus-lite folder whose
worker was stopped after its build, when its own query phase would not fit the time.)

Backends (the two the project runs on, chosen by settings):

* ``embedded``: the graph in an in-memory Oxigraph store in this process, as ``kg.stores.EmbeddedStore`` holds
  it (``bulk_load`` of N-Quads, one named graph per document; written to one file at the end, as a generation's
  ``graph.nt`` is), search on bm25s + FAISS (``LocalBackend``);
* ``server``: the graph in a real ``oxigraph serve`` (union default graph) on loopback, queried over HTTP
  (``/query``) and filled either over HTTP (``--server-load gsp``: N-Quads POSTed to its Graph Store endpoint
  ``/store``) or offline (``--server-load bulk``: the N-Quads stream piped into ``oxigraph load``, then the
  folder served), search on Milvus (``MilvusBackend``) through milvus-lite.
* ``milvus-server``: Milvus alone (the search part; no graph), in ``milvus-lite server`` (its gRPC server)
  started as a separate process on a free loopback port, reached by ``SearchSettings(backend="milvus",
  milvus_uri="http://127.0.0.1:P")`` as a Milvus standalone would be; the resident memory of the benchmark
  (the ingest client) and of the server are sampled apart, so the table says whether the client stays flat and
  what the server grows by per unit.

Method (what is real and what is synthetic; the result file repeats it):

1. **Pool.** ``--pool`` documents are generated and parsed for real (``ingest.parse_text``), mapped to RDF
   (``kg.build.build_graph``) and to search units (``search.index_units``), in ``--workers`` processes. Parse
   throughput (docs/s) is measured here, single-process on the first 200 and on the whole pool in parallel.
   Parsing 100k documents on 2 shared cores would take most of the time budget, so larger corpora are not
   parsed: **document i ≥ pool is a copy of pool document i mod pool under its own slug** (every IRI minted
   under the document renamed; departments and concepts shared, as in a real corpus). The parse cost of N
   documents is extrapolated as N / (measured docs/s), and said so.
2. **Stream.** Each (backend, size) runs in a fresh subprocess: documents are written to the graph store in
   batches of ``--batch`` documents (never the whole corpus in memory) while a thread samples the resident
   memory of the process tree (this process plus the Oxigraph server and milvus-lite's server) every 0.5 s;
   then the search index is built from lazy views of the units (Milvus gets them 1,000 rows at a time;
   bm25s and FAISS hold every unit in memory by design).
3. **Vectors.** ``--sample`` pool units are embedded with e5-small for real; unit row r ≥ sample gets
   ``normalise(λ·v_a + (1−λ)·v_b + σ·g/√d)`` of two real rows (λ ~ U(0,1), σ = ``--noise``), made in chunks of
   10,000 rows from a chunk-seeded generator, so both backends index the same vectors. Query vectors are the
   dev and own questions embedded with e5-small for real; latencies exclude query encoding.
4. **Queries.** SPARQL: the department-ownership query (every responsibility of one body, with unit, path,
   role and basis: the ``policykg owns`` view) and the target-by-indicator query (every target whose
   indicator contains a word: ``policykg targets --indicator``), over 5 bodies and 5 indicators, all rows
   fetched. Search: BM25 top-50 of the question's weighted term groups (``SearchIndex.term_groups``) and dense
   top-50 of its vector, through the backend interface both backends implement.

matplotlib draws the plot: ``pip install -e '.[bench]'`` (or ``pip install matplotlib``); without it the table
is still written and the script says how to get the plot.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import pickle
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rdflib import Graph

from benchmarks.common import RESULTS, ROOT, command_line, load_questions, markdown_table

__all__ = ["PoolDocument", "build_pool", "replica_quads", "vector_rows", "main"]

SEED = 20260101
CHUNK = 10_000  # rows of synthetic vectors made from one seeded generator
LOAD_PATHS = {"gsp": "GSP POST", "bulk": "bulk load"}  # how the server graph is filled (ServerGraph)
BACKEND_NAMES = ("embedded", "server", "milvus-server")
INDICATORS = ("绿色工厂", "海外仓", "养老机构床位", "高技能人才", "上云企业")


# ------------------------------------------------------------------ the pool: parsed for real
@dataclass(slots=True)
class PoolDocument:
    """One parsed synthetic document, reduced to what streaming needs: its N-Quads (slug inside) and units."""

    slug: str
    quads: str  # the document's own named graph and its shared triples, N-Quads, without scheme/ontology
    texts: list[str]  # index_text of each search unit
    kinds: list[str]
    year: int
    jurisdiction: str
    agents: list[str]  # department IRIs its responsibilities name
    parse_s: float  # parse_text
    map_s: float  # build_graph + index_units


def _pool_document(index: int) -> PoolDocument:
    from ingest import parse_text
    from ingest.model import DocumentMeta
    from kg.build import build_graph
    from kg.stores.base import graph_of
    from kg.vocab import POL
    from search import index_units

    logging.getLogger("kg.build").setLevel(logging.ERROR)  # the scheme is loaded once, not per document
    synthetic = _generate(index)
    started = time.perf_counter()
    doc = parse_text(synthetic.text, DocumentMeta(slug=synthetic.meta.slug, title=synthetic.meta.slug))
    parsed = time.perf_counter()
    graph = build_graph([doc], concepts=Graph(), with_ontology=False)
    lines = [quad_line(s, p, o, graph_of(s, o)) for s, p, o in graph]
    units = index_units([doc])
    agents = sorted({str(o) for o in graph.objects(None, POL.agent)})
    return PoolDocument(doc.meta.slug, "".join(lines), [u.index_text for u in units], [u.kind for u in units],
                        synthetic.meta.year, synthetic.meta.jurisdiction.place, agents, parsed - started,
                        time.perf_counter() - parsed)


def quad_line(s, p, o, g) -> str:
    """One N-Quads line (N-Triples escaping of literals)."""
    from rdflib.plugins.serializers.nt import _nt_row

    return _nt_row((s, p, o))[: -len(" .\n")] + f" {g.n3()} .\n"


def _generate(index: int):
    from benchmarks.synthetic import generate

    return generate(SEED, index)


def build_pool(size: int, workers: int) -> tuple[list[PoolDocument], dict]:
    """``size`` documents parsed for real; throughput single-process (first 200) and in ``workers`` processes."""
    single_n = min(200, size)
    started = time.perf_counter()
    first = [_pool_document(i) for i in range(single_n)]
    single_s = time.perf_counter() - started
    started = time.perf_counter()
    with ProcessPoolExecutor(workers) as pool:
        rest = list(pool.map(_pool_document, range(single_n, size), chunksize=50))
    parallel_s = time.perf_counter() - started
    docs = first + rest
    stats = {
        "pool": size, "single_docs": single_n, "single_s": single_s, "single_docs_per_s": single_n / single_s,
        "parse_ms": 1000 * float(np.mean([d.parse_s for d in docs])),
        "map_ms": 1000 * float(np.mean([d.map_s for d in docs])),
        "parallel_workers": workers, "parallel_docs": len(rest), "parallel_s": parallel_s,
        "parallel_docs_per_s": len(rest) / parallel_s if rest else 0.0,
        "units_per_doc": float(np.mean([len(d.texts) for d in docs])),
        "quads_per_doc": float(np.mean([d.quads.count("\n") for d in docs])),
    }
    return docs, stats


# ------------------------------------------------------------------ replicas and lazy views
def replica_slug(index: int) -> str:
    return f"synthetic-{SEED}-{index:07d}"


def replica_quads(pool: list[PoolDocument], index: int) -> str:
    """Document ``index``'s N-Quads: pool document ``index mod len(pool)`` with its slug renamed."""
    template = pool[index % len(pool)]
    return template.quads if index < len(pool) else template.quads.replace(template.slug, replica_slug(index))


class UnitRows:
    """Unit rows of documents 0 … n-1 (replicas included) as read-only sequences, computed on access."""

    def __init__(self, pool: list[PoolDocument], docs: int) -> None:
        self.pool = pool
        counts = np.array([len(pool[i % len(pool)].texts) for i in range(docs)], dtype=np.int64)
        self.offsets = np.concatenate([[0], np.cumsum(counts)])
        self.size = int(self.offsets[-1])

    def locate(self, row: int) -> tuple[int, int]:
        doc = int(np.searchsorted(self.offsets, row, side="right") - 1)
        return doc, row - int(self.offsets[doc])

    def view(self, what):
        rows = self

        class _View:
            def __len__(self) -> int:
                return rows.size

            def __getitem__(self, row: int):
                doc, unit = rows.locate(row)
                return what(doc, rows.pool[doc % len(rows.pool)], unit)

            def __iter__(self):
                for doc in range(len(rows.offsets) - 1):
                    template = rows.pool[doc % len(rows.pool)]
                    for unit in range(len(template.texts)):
                        yield what(doc, template, unit)

        return _View()


def vector_rows(real: np.ndarray, start: int, stop: int, noise: float, seed: int = SEED) -> np.ndarray:
    """Rows ``start`` … ``stop - 1`` of the corpus's vectors: real rows first, then seeded mixtures (chunked)."""
    from search.encoders.base import normalise_rows

    sample, dim = real.shape
    parts = []
    for chunk in range(start // CHUNK, (stop - 1) // CHUNK + 1):
        base = chunk * CHUNK
        rng = np.random.default_rng([seed, chunk])
        a, b = rng.integers(0, sample, size=(2, CHUNK))
        lam = rng.uniform(0.0, 1.0, size=(CHUNK, 1)).astype(np.float32)
        mixed = lam * real[a] + (1 - lam) * real[b]
        mixed += (noise / np.sqrt(dim)) * rng.standard_normal((CHUNK, dim), dtype=np.float32)
        block = normalise_rows(mixed)
        real_rows = max(0, min(sample - base, CHUNK))
        block[:real_rows] = real[base : base + real_rows]
        parts.append(block[max(start - base, 0) : min(stop - base, CHUNK)])
    return np.concatenate(parts) if parts else np.zeros((0, dim), dtype=np.float32)


class LazyVectors:
    """``vectors[i]`` (one chunk kept) or ``vectors[a:b]`` of the corpus, made on access."""

    def __init__(self, real: np.ndarray, n: int, noise: float) -> None:
        self.real, self.noise = real, noise
        self.shape = (n, real.shape[1])
        self._chunk, self._rows = -1, None

    def __len__(self) -> int:
        return self.shape[0]

    def __getitem__(self, row: int | slice) -> np.ndarray:
        if isinstance(row, slice):  # a block of rows, as MilvusBackend.build reads them
            start, stop, _ = row.indices(self.shape[0])
            return np.stack([self[i] for i in range(start, stop)]) if stop > start else \
                np.zeros((0, self.shape[1]), dtype=np.float32)
        chunk = row // CHUNK
        if chunk != self._chunk:
            self._chunk = chunk
            self._rows = vector_rows(self.real, chunk * CHUNK, min(self.shape[0], (chunk + 1) * CHUNK), self.noise)
        return self._rows[row - chunk * CHUNK]


# ------------------------------------------------------------------ memory sampling
class TreeRSS:
    """Samples the resident memory of this process and its children (servers) every ``period`` s. When
    ``server`` is set (a psutil.Process: the ``milvus-lite server`` of ``milvus-server``), that process and its
    children are left out of the tree and sampled on their own into ``server_samples``."""

    def __init__(self, period: float = 0.5) -> None:
        import psutil

        self.proc = psutil.Process()
        self.period = period
        self.samples: list[tuple[float, float, str]] = []
        self.server = None  # a separate server process: sampled apart from the tree
        self.server_samples: list[tuple[float, float, str]] = []
        self.phase = "start"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.started = time.perf_counter()
        self._children: list = []
        self._listed = -1e9

    def now_mb(self) -> float:
        if time.perf_counter() - self._listed > 5:  # listing children scans /proc: not at every sample
            self._children, self._listed = self.proc.children(recursive=True), time.perf_counter()
        apart = set(_pids(self.server))
        return _rss_mb([p for p in [self.proc, *self._children] if p.pid not in apart])

    def server_mb(self) -> float:
        return _rss_mb(list(_processes(self.server))) if self.server is not None else 0.0

    def _run(self) -> None:
        while not self._stop.wait(self.period):
            at = time.perf_counter() - self.started
            self.samples.append((at, self.now_mb(), self.phase))
            if self.server is not None:
                self.server_samples.append((at, self.server_mb(), self.phase))

    def __enter__(self) -> TreeRSS:
        self._thread.start()
        return self

    def __exit__(self, *_) -> None:
        self._stop.set()
        self._thread.join()

    def peak(self, phase: str | None = None) -> float:
        values = [mb for _, mb, p in self.samples if phase is None or p == phase]
        return max(values) if values else self.now_mb()

    def server_peak(self, phase: str | None = None) -> float:
        values = [mb for _, mb, p in self.server_samples if phase is None or p == phase]
        return max(values) if values else self.server_mb()


def _processes(process) -> list:
    """``process`` and its children (none for None or a process that ended)."""
    if process is None:
        return []
    try:
        return [process, *process.children(recursive=True)]
    except Exception:  # it just ended
        return []


def _pids(process) -> list[int]:
    return [p.pid for p in _processes(process)]


def _rss_mb(processes: list) -> float:
    total = 0
    for p in processes:
        try:
            total += p.memory_info().rss
        except Exception:  # a child that just ended
            pass
    return total / 2**20


def _du(path: Path) -> int:
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def _percentiles(ms: list[float]) -> tuple[float, float]:
    return float(np.percentile(ms, 50)), float(np.percentile(ms, 95))


# ------------------------------------------------------------------ graph stores
OWNERSHIP = """PREFIX pol: <https://w3id.org/policykg/ns#>
SELECT ?unit ?path ?role ?basis ?doc WHERE {
  ?r pol:agent <%s> ; pol:assignedTo ?unit ; pol:role ?role ; pol:basis ?basis .
  ?unit pol:path ?path ; pol:inDocument ?doc .
}"""

TARGETS = """PREFIX pol: <https://w3id.org/policykg/ns#>
SELECT ?target ?indicator ?quantity ?unitName ?deadline ?unit ?doc WHERE {
  ?target a pol:Target ; pol:indicator ?indicator ; pol:quantity ?quantity .
  %s
  OPTIONAL { ?target pol:unit ?unitName } OPTIONAL { ?target pol:deadline ?deadline }
  ?unit pol:hasTarget ?target ; pol:inDocument ?doc .
}"""


def target_filters() -> list[str]:
    """What fills TARGETS for each word of INDICATORS: the indicator index's keys bound (``?target
    pol:indicatorKey "绿色", "工厂"``), then the exact ``FILTER(CONTAINS(…))`` (kg.indicators.indicator_pattern)."""
    from kg.indicators import indicator_pattern

    return [indicator_pattern(word) for word in INDICATORS]


class EmbeddedGraph:
    """The embedded backend's graph as the project holds it. On disk (the default, as ``EmbeddedStore`` opens a
    generation's ``graph.oxigraph/``): batches bulk-loaded into an Oxigraph (RocksDB) folder, flushed and
    optimised, then opened read-only for the queries. In memory (``--embedded-graph memory``, as ``EmbeddedStore``
    falls back to when a generation has no store folder): an in-memory Oxigraph store, dumped to one N-Quads file
    at the end."""

    def __init__(self, path: Path, on_disk: bool = True) -> None:
        import pyoxigraph as ox

        self.ox = ox
        self.path = path
        self.on_disk = on_disk
        self.path.mkdir(parents=True, exist_ok=True)
        self.store = ox.Store(str(path / "store")) if on_disk else ox.Store()

    def load(self, nquads: str) -> None:
        self.store.bulk_load(nquads.encode("utf-8"), format=self.ox.RdfFormat.N_QUADS)

    def finish(self) -> None:
        if self.on_disk:
            self.store.flush()
            self.store.optimize()
            del self.store
            self.store = self.ox.Store.read_only(str(self.path / "store"))
        else:
            self.store.dump(str(self.path / "graph.nq"), format=self.ox.RdfFormat.N_QUADS)

    def select(self, sparql: str) -> int:
        return sum(1 for _ in self.store.query(sparql, use_default_graph_as_union=True))

    def count(self) -> int:
        return len(self.store)

    def close(self) -> None:
        del self.store


def _oxigraph() -> str:
    binary = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    if not binary:
        raise SystemExit("the `oxigraph` command is missing: pip install oxigraph")
    return binary


class ServerGraph:
    """A real ``oxigraph serve`` on loopback (union default graph), queried over HTTP and fed one of two ways:

    * ``gsp`` (GSP POST): each batch of documents POSTed, as N-Quads, to the running server's Graph Store
      endpoint ``/store`` (how a live server takes new documents);
    * ``bulk`` (bulk load): the offline way to fill a SPARQL server with a big corpus: the batches are piped,
      as they are generated, into ``oxigraph load --location DIR --format nq`` (one process reading stdin, so
      the corpus is never whole in memory or in a file), then ``oxigraph serve --location DIR`` serves it.
    """

    def __init__(self, path: Path, load_path: str = "gsp") -> None:
        self.binary = _oxigraph()
        self.path = path
        self.load_path = load_path
        self.server = None
        self.loader = None
        if load_path == "bulk":
            path.mkdir(parents=True, exist_ok=True)
            self.log = path.parent / "oxigraph-load.log"  # its progress lines: a file, so a pipe never fills
            with open(self.log, "wb") as log:
                self.loader = subprocess.Popen([self.binary, "load", "--location", str(path), "--format", "nq"],
                                               stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=log)
        else:
            self._serve()

    def _serve(self) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.base = f"http://127.0.0.1:{port}"
        self.server = subprocess.Popen([self.binary, "serve", "--location", str(self.path), "--bind",
                                        f"127.0.0.1:{port}", "--union-default-graph"], stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
        for _ in range(1200):
            try:
                urllib.request.urlopen(self.base + "/", timeout=1).read()
                return
            except Exception:
                time.sleep(0.05)
        raise SystemExit("oxigraph serve did not start")

    def _send(self, url: str, body: bytes, content_type: str, accept: str | None = None) -> bytes:
        headers = {"Content-Type": content_type}
        if accept:
            headers["Accept"] = accept
        request = urllib.request.Request(url, data=body, method="POST", headers=headers)
        with urllib.request.urlopen(request, timeout=3600) as response:
            return response.read()

    def load(self, nquads: str) -> None:
        if self.loader is not None:
            self.loader.stdin.write(nquads.encode("utf-8"))
            return
        # no_transaction: Oxigraph's bulk loader behind its Graph Store endpoint (a generic server: one PUT
        # per named graph, as kg.stores.sparql_http does)
        self._send(self.base + "/store?no_transaction", nquads.encode("utf-8"), "application/n-quads")

    def finish(self) -> None:
        if self.loader is not None:  # end of the stream: the loader commits, then the server opens the folder
            self.loader.stdin.close()
            if self.loader.wait() != 0:
                raise SystemExit(f"oxigraph load failed: {self.log.read_text(errors='replace')[-2000:]}")
            self.loader = None
            self._serve()

    def select(self, sparql: str) -> int:
        body = self._send(self.base + "/query", sparql.encode("utf-8"), "application/sparql-query",
                          "application/sparql-results+json")
        return len(json.loads(body)["results"]["bindings"])

    def count(self) -> int:
        body = self._send(self.base + "/query", b"SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                          "application/sparql-query", "application/sparql-results+json")
        return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])

    def close(self) -> None:
        for process in (self.loader, self.server):
            if process is not None:
                process.terminate()
                process.wait(30)


class MilvusLiteServer:
    """``milvus-lite server`` (its gRPC server) as a child process on a free loopback port, data in ``path``:
    the client reaches it at ``uri`` (``http://127.0.0.1:P``), the code path of a Milvus standalone."""

    def __init__(self, path: Path) -> None:
        binary = shutil.which("milvus-lite") or shutil.which("milvus-lite", path=str(Path(sys.executable).parent))
        if not binary:
            raise SystemExit("the `milvus-lite` command is missing: pip install milvus-lite")
        path.mkdir(parents=True, exist_ok=True)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.path, self.uri = path, f"http://127.0.0.1:{port}"
        with open(path.parent / "milvus-server.log", "wb") as log:
            self.process = subprocess.Popen([binary, "server", "--data-dir", str(path), "--host", "127.0.0.1",
                                             "--port", str(port)], stdout=log, stderr=log)
        for _ in range(1200):  # it answers once the port accepts connections
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.05)
        raise SystemExit(f"milvus-lite server did not start (see {path.parent / 'milvus-server.log'})")

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(60)


# ------------------------------------------------------------------ one (backend, size), in a subprocess
def _quarters(samples: list[tuple[float, float, str]], phase: str) -> list[float]:
    """The tree's RSS at 0, 25, 50, 75 and 100 % of a phase's samples (is it flat while the corpus streams in?)."""
    values = [mb for _, mb, p in samples if p == phase] or [0.0]
    return [values[int(q * (len(values) - 1))] for q in (0, 0.25, 0.5, 0.75, 1.0)]


def _graph_part(backend: str, docs: int, pool_data: dict, work: Path, batch: int, rss: TreeRSS,
                embedded_on_disk: bool = True, server_load: str = "gsp") -> dict:
    """Stream every document's quads into the graph store, then time the two SPARQL views."""
    pool = pool_data["pool"]
    result: dict = {}
    rss.phase = "graph"
    graph = (EmbeddedGraph(work / "oxigraph", on_disk=embedded_on_disk) if backend == "embedded"
             else ServerGraph(work / "oxigraph", server_load))
    if backend == "server":
        result["graph_load_path"] = LOAD_PATHS[server_load]
    result["units"] = UnitRows(pool, docs).size  # the corpus's size on the plot's axis, whichever parts ran
    started = time.perf_counter()
    graph.load(pool_data["preamble"])
    for start in range(0, docs, batch):
        graph.load("".join(replica_quads(pool, i) for i in range(start, min(docs, start + batch))))
    graph.finish()
    result["graph_s"] = time.perf_counter() - started
    rss.phase = "graph-done"
    result["triples"] = graph.count()
    result["graph_rss_mb"] = rss.peak("graph")
    result["graph_rss_by_batch_mb"] = _quarters(rss.samples, "graph")
    result["graph_disk_bytes"] = _du(work / "oxigraph")
    rss.phase = "sparql"
    timings: dict[str, list[float]] = {"ownership": [], "targets": []}
    answered: dict[str, list[int]] = {"ownership": [], "targets": []}
    result["sparql_passes"] = passes = 3 if docs <= 20_000 else 1  # a pass takes minutes at the top size
    for _ in range(passes):
        for name, template, values in (("ownership", OWNERSHIP, pool_data["agents"]), ("targets", TARGETS,
                                                                                        target_filters())):
            for value in values:
                t = time.perf_counter()
                answered[name].append(graph.select(template % value))
                timings[name].append(1000 * (time.perf_counter() - t))
    for name in timings:
        result[f"{name}_ms"] = _percentiles(timings[name])
        result[f"{name}_rows"] = float(np.mean(answered[name]))
    result["graph_peak_rss_mb"] = rss.peak()
    graph.close()
    return result


def _search_part(backend: str, docs: int, pool_data: dict, sample, work: Path, noise: float,
                 rss: TreeRSS) -> dict:
    """Build the search backend from lazy views of the units, then time BM25 and dense queries."""
    from search.backends.base import UnitFields
    from search.backends.local import LocalBackend
    from search.settings import SearchSettings

    pool = pool_data["pool"]
    real, query_vectors = sample["passages"], sample["queries"]
    groups = json.loads(str(sample["groups"]))
    result: dict = {}
    rss.phase = "search"
    rows = UnitRows(pool, docs)
    result["units"] = rows.size
    texts = rows.view(lambda d, t, u: t.texts[u])
    tokens = rows.view(lambda d, t, u: pool_data["tokens"][d % len(pool)][u])
    fields = rows.view(lambda d, t, u: UnitFields(replica_slug(d), t.kinds[u], t.year, t.jurisdiction))
    no_sentences = np.zeros((0, real.shape[1]), dtype=np.float32)
    server = None
    if backend == "milvus-server":  # the database in its own process: client and server RSS apart
        import psutil

        server = MilvusLiteServer(work / "milvus")
        rss.server = psutil.Process(server.process.pid)
        result["server_baseline_rss_mb"] = rss.server_mb()
    started = time.perf_counter()
    if backend == "embedded":
        index = LocalBackend.build(tokens=tokens, vectors=vector_rows(real, 0, rows.size, noise),
                                   sentence_vectors=no_sentences, sentence_rows=[], settings=SearchSettings())
    else:
        from search.backends.milvus import MilvusBackend

        uri = server.uri if server is not None else str(work / "milvus" / "milvus.db")
        settings = SearchSettings(backend="milvus", milvus_uri=uri)
        index = MilvusBackend.build(tokens=tokens, texts=texts, vectors=LazyVectors(real, rows.size, noise),
                                    sentence_vectors=no_sentences, sentence_rows=[], fields=fields,
                                    settings=settings, words=pool_data["words"])
    result["search_s"] = time.perf_counter() - started
    rss.phase = "search-done"
    result["search_rss_mb"] = rss.peak("search")
    result["search_rss_by_quarter_mb"] = _quarters(rss.samples, "search")
    if server is not None:
        result["server_rss_mb"] = rss.server_peak("search")
        result["server_rss_by_quarter_mb"] = _quarters(rss.server_samples, "search")
    result["dense_kind"] = index.dense_kind
    if backend == "embedded":
        index.save(work / "search")
        result["search_disk_bytes"] = _du(work / "search")
    else:
        result["search_disk_bytes"] = _du(work / "milvus")
    rss.phase = "queries"
    # every question twice; a Milvus query takes seconds at the top size on this machine: 40 questions once there
    few = backend != "embedded" and docs > 20_000
    result.update(_time_queries(index, groups[:40] if few else groups, query_vectors[:40] if few else query_vectors,
                                1 if few else 2))
    result["search_peak_rss_mb"] = max(rss.peak(p) for p in ("search", "search-done", "queries"))
    if server is not None:
        result["server_peak_rss_mb"] = max(rss.server_peak(p) for p in ("search", "search-done", "queries"))
        server.close()
    return result


def _time_queries(index, groups: list, query_vectors: np.ndarray, passes: int) -> dict:
    from search.backends.base import TermGroup

    lexical, dense = [], []
    for _ in range(passes):
        for g, vector in zip(groups, query_vectors):
            terms = [TermGroup(text, tuple(toks), weight) for text, toks, weight in g]
            t = time.perf_counter()
            scores = index.lexical_scores(terms, 50)
            np.argpartition(-scores, min(49, len(scores) - 1))[:50]
            lexical.append(1000 * (time.perf_counter() - t))
            t = time.perf_counter()
            index.dense(vector, 50)
            dense.append(1000 * (time.perf_counter() - t))
    return {"bm25_ms": _percentiles(lexical), "dense_ms": _percentiles(dense), "queries": len(lexical)}


def existing_milvus(folder: Path, sample_file: Path, questions: int) -> dict:
    """Query timings on a Milvus collection an earlier worker built in ``folder`` (milvus-lite) whose own query
    phase was stopped for time: the first ``questions`` questions, one pass."""
    from search.backends.milvus import MilvusBackend, milvus_client

    uri = str(folder / "milvus.db")
    client = milvus_client(uri)
    name = next(c for c in client.list_collections() if not c.endswith("_sentences"))
    client.load_collection(name)
    size = int(client.query(name, filter="", output_fields=["count(*)"])[0]["count(*)"])
    index = MilvusBackend(client, uri, name, size, 384, {}, np.zeros(0, dtype=np.int64), "hnsw")
    sample = np.load(sample_file, allow_pickle=False)
    groups = json.loads(str(sample["groups"]))[:questions]
    result = {"units_in_collection": size, "search_disk_bytes": _du(folder)}
    result.update(_time_queries(index, groups, sample["queries"][:questions], 1))
    return result


def run_size(backend: str, docs: int, pool_file: Path, sample_file: Path, work: Path, batch: int,
             noise: float, parts: tuple[str, ...] = ("graph", "search"), embedded_on_disk: bool = True,
             server_load: str = "gsp") -> dict:
    """One backend at one size, in this process: the graph part, the search part, or both (in that order)."""
    with open(pool_file, "rb") as f:
        pool_data = pickle.load(f)
    sample = np.load(sample_file, allow_pickle=False)
    if backend == "milvus-server":  # Milvus only: no graph store behind this row
        parts = ("search",)
    result: dict = {"backend": backend, "docs": docs, "parts": list(parts)}
    if backend == "embedded" and "graph" in parts:
        result["graph_store"] = "disk" if embedded_on_disk else "memory"
    with TreeRSS() as rss:
        result["baseline_rss_mb"] = rss.now_mb()  # the pool, the sample and the imports, before any store
        if "graph" in parts:
            result.update(_graph_part(backend, docs, pool_data, work, batch, rss, embedded_on_disk, server_load))
        if "search" in parts:
            result.update(_search_part(backend, docs, pool_data, sample, work, noise, rss))
        result["peak_rss_mb"] = rss.peak()
    result["rss_timeline"] = [(round(t, 1), round(mb), p) for t, mb, p in rss.samples[:: max(1, len(rss.samples) // 300)]]
    return result


# ------------------------------------------------------------------ the parent: pool, sample, sizes, report
def prepare(pool_size: int, workers: int, sample: int, cache: Path) -> tuple[Path, Path, dict]:
    """Parse the pool, tokenise its units, embed the sample and the questions; kept in ``cache``."""
    from search import SearchIndex
    from search.hybrid import domain_words
    from search.lexicon import load_scheme_labels

    pool_file, sample_file, stats_file = cache / f"pool-{pool_size}.pkl", cache / f"sample-{sample}.npz", \
        cache / f"pool-{pool_size}.json"
    if pool_file.exists() and sample_file.exists() and stats_file.exists():
        return pool_file, sample_file, json.loads(stats_file.read_text())
    cache.mkdir(parents=True, exist_ok=True)
    pool, stats = build_pool(pool_size, workers)
    from ingest import parse_text
    from ingest.model import DocumentMeta
    from search import index_units

    # the words of the segmenter: departments and concepts of a sample of the pool (as SearchIndex.build)
    sample_docs = [parse_text(_generate(i).text, DocumentMeta(slug=replica_slug(i), title=replica_slug(i)))
                   for i in range(min(200, pool_size))]
    sample_units = index_units(sample_docs)
    concepts = list(load_scheme_labels())
    words = domain_words(sample_units, concepts)
    index = SearchIndex.build(sample_units, "fake", extra_words=words)
    tokens = [[index.tokenizer.tokens(text) for text in d.texts] for d in pool]
    agents: dict[str, int] = {}
    for d in pool:
        for a in d.agents:
            agents[a] = agents.get(a, 0) + 1
    top_agents = [a for a, _ in sorted(agents.items(), key=lambda kv: -kv[1])[:5]]

    from kg.build import load_concept_scheme, load_ontology

    preamble_graph = load_ontology() + load_concept_scheme()
    from kg.iri import graph_iri

    shared = graph_iri()
    preamble = "".join(quad_line(s, p, o, shared) for s, p, o in preamble_graph)
    with open(pool_file, "wb") as f:
        pickle.dump({"pool": pool, "tokens": tokens, "words": list(index.words), "agents": top_agents,
                     "preamble": preamble}, f)

    from search import get_encoder

    questions = list(dict.fromkeys(q["question"] for name in ("dev", "own")
                                   for q in load_questions(ROOT / "benchmarks" / "questions" / f"{name}.jsonl")))
    groups = [[(g.text, list(g.tokens), g.weight) for g in index.term_groups(index.plan(q))] for q in questions]
    encoder = get_encoder("e5-small")
    texts = [t for d in pool for t in d.texts][: sample * 7 : 7]  # spread over the pool
    started = time.perf_counter()
    passages = encoder.encode_passages(texts)
    stats["e5_passages_per_s"] = len(texts) / (time.perf_counter() - started)
    queries = np.stack([encoder.encode_queries([index.plan(q).dense_text])[0] for q in questions])
    np.savez(sample_file, passages=passages, queries=queries, groups=json.dumps(groups, ensure_ascii=False))
    stats["sample"], stats["questions"] = len(texts), len(questions)
    stats_file.write_text(json.dumps(stats))
    return pool_file, sample_file, stats


def _run_worker(backend: str, docs: int, pool_file: Path, sample_file: Path, args) -> dict:
    work = Path(tempfile.mkdtemp(prefix=f"scale-{backend}-{docs}-", dir=args.work_dir))
    try:
        done = subprocess.run([sys.executable, "-m", "benchmarks.scale_corpus", "--worker", backend, "--docs",
                               str(docs), "--pool-file", str(pool_file), "--sample-file", str(sample_file),
                               "--work", str(work), "--batch", str(args.batch), "--noise", str(args.noise),
                               "--embedded-graph", args.embedded_graph, "--server-load", args.server_load,
                               "--parts", *(["search"] if backend == "milvus-server" else args.parts)],
                              cwd=ROOT, stdout=subprocess.PIPE, check=True)
    except subprocess.CalledProcessError:
        print(f"the worker failed; its stores are kept in {work} (e.g. for --existing-milvus)", file=sys.stderr)
        raise
    shutil.rmtree(work, ignore_errors=True)
    return json.loads(done.stdout.decode().strip().splitlines()[-1])


def merge_results(earlier: list[dict], new: list[dict]) -> list[dict]:
    """One row per (backend, docs): a new run replaces the parts it measured and keeps the others (the graph
    and the search part of a size may come from separate runs; each part keeps its command and load)."""
    rows: dict[tuple[str, int], dict] = {}
    for r in [*earlier, *new]:
        key = (r["backend"], r["docs"])
        tagged = dict(r)
        tagged["parts"] = r.get("parts", ["graph", "search"])
        for part in r.get("parts", ["graph", "search"]):
            if f"{part}_load" not in r:  # a row merged before keeps each part's own
                tagged[f"{part}_command"], tagged[f"{part}_load"] = r.get("command", ""), r.get("load_before", [0])[0]
        if key in rows and not set(rows[key].get("parts", [])) <= set(r.get("parts", ["graph", "search"])):
            merged = {**rows[key], **{k: v for k, v in tagged.items() if k != "rss_timeline"}}
            merged["parts"] = sorted(set(rows[key]["parts"]) | set(r.get("parts", ["graph", "search"])))
            rows[key] = merged
        else:
            rows[key] = tagged
    return sorted(rows.values(), key=lambda x: (x["docs"], x["backend"]))


def _mb(n: float) -> str:
    return f"{n / 2**20:,.0f}"


def _cell(r: dict, fmt) -> str:
    try:
        return fmt(r)
    except KeyError:  # that part not measured at this size
        return "–"


def _apart(r: dict, fmt) -> str:
    """The Milvus server's own share of a cell, for a row whose server ran as a separate process ("" else)."""
    return fmt(r) if "server_rss_mb" in r else ""


def _search_peak(r: dict) -> float:
    """The search part's peak RSS: the build phase's peak where the run recorded it (a run of both parts in one
    process also counted the graph phase in ``search_peak_rss_mb`` before that was fixed)."""
    return r["search_rss_mb"] if "search_rss_mb" in r else r["search_peak_rss_mb"]


COLUMNS = (
    ("backend", lambda r: _LABELS[r["backend"]].format(graph=_GRAPH_AT.get(r.get("graph_store", "memory"), ""))),
    ("docs", lambda r: f"{r['docs']:,}"),
    ("units", lambda r: f"{r['units']:,}"),
    ("triples", lambda r: f"{r['triples']:,}"),
    ("graph load s", lambda r: f"{r['graph_s']:.1f}" + (f" ({r.get('graph_load_path', 'GSP POST')})"
                                                         if r["backend"] == "server" else "")),
    ("search build s", lambda r: f"{r['search_s']:.1f}"),
    ("graph disk MB", lambda r: _mb(r["graph_disk_bytes"])),
    ("search disk MB", lambda r: _mb(r["search_disk_bytes"])),
    ("peak RSS MB graph / search", lambda r: f"{_cell(r, lambda x: format(x['graph_peak_rss_mb'], ',.0f'))} / "
                                             f"{_cell(r, lambda x: format(_search_peak(x), ',.0f'))}"
                                             + _apart(r, lambda x: f" (client) + {x['server_rss_mb']:,.0f} (server)")),
    ("RSS during graph stream MB (0→100 %)", lambda r: " → ".join(f"{v:,.0f}" for v in r["graph_rss_by_batch_mb"])),
    ("RSS during search build MB (0→100 %)", lambda r: " → ".join(f"{v:,.0f}" for v in r["search_rss_by_quarter_mb"])
     + _apart(r, lambda x: " (client); " + " → ".join(f"{v:,.0f}" for v in x["server_rss_by_quarter_mb"])
              + " (server)")),
    ("owns p50/p95 ms (rows)", lambda r: f"{r['ownership_ms'][0]:.1f} / {r['ownership_ms'][1]:.1f} "
                                         f"({r['ownership_rows']:,.0f})"),
    ("targets p50/p95 ms (rows)", lambda r: f"{r['targets_ms'][0]:.1f} / {r['targets_ms'][1]:.1f} "
                                            f"({r['targets_rows']:,.0f})"),
    ("BM25 p50/p95 ms", lambda r: f"{r['bm25_ms'][0]:.1f} / {r['bm25_ms'][1]:.1f}"),
    ("dense p50/p95 ms", lambda r: f"{r['dense_ms'][0]:.1f} / {r['dense_ms'][1]:.1f} ({r['dense_kind']})"),
)


_GRAPH_AT = {"disk": "on disk", "memory": "in memory"}
_LABELS = {"embedded": "embedded (Oxigraph {graph} + bm25s/FAISS)", "server": "server (oxigraph serve + milvus-lite)",
           "milvus-server": "milvus-lite server (gRPC, separate process)"}


def report(stats: dict, results: list[dict]) -> str:
    header = [name for name, _ in COLUMNS]
    rows = [[_cell(r, fmt) for _, fmt in COLUMNS] for r in results]
    rate = stats["parallel_docs_per_s"] or stats["single_docs_per_s"]
    loads = "; ".join(f"{r['backend']} {r['docs']:,} " + ", ".join(f"{p} {r.get(p + '_load', 0):.1f}"
                                                                   for p in r.get("parts", []))
                      for r in results)
    load_note = f"1-minute load average when each part started: {loads}"
    top = max(results, key=lambda r: r["docs"])
    parse_note = (f"Parsing {top['docs']:,} documents at that rate: {top['docs'] / rate:,.0f} s "
                  f"({top['docs'] / rate / 3600:.1f} h).")
    text = [
        "# Scale corpus: synthetic plan documents on both backends", "",
        markdown_table(header, rows), "",
        f"Parse (real, `ingest.parse_text` + `kg.build.build_graph` + `search.index_units` on the pool of "
        f"{stats['pool']:,} generated documents): {stats['single_docs_per_s']:.1f} docs/s in one process "
        f"({stats['parse_ms']:.1f} ms parse + {stats['map_ms']:.1f} ms RDF and units per document), "
        f"{stats['parallel_docs_per_s']:.1f} docs/s in {stats['parallel_workers']} processes; "
        f"{stats['units_per_doc']:.1f} units and {stats['quads_per_doc']:.0f} quads per document. "
        "Documents beyond the pool are copies of pool documents under "
        "their own slug, not parsed again. " + parse_note,
        f"Embedding (not in the table): e5-small embedded {stats.get('e5_passages_per_s', 0):.1f} passages/s here;"
        " every unit of the top size embedded for real would take units / that rate (see the README's "
        "deployment arithmetic).", "",
        "Columns: graph load = streaming every document's N-Quads into the store in batches (one named graph "
        "per document; the server's either POSTed to its Graph Store endpoint while it runs, 'GSP POST', or "
        "piped into `oxigraph load` offline and then served, 'bulk load'); search build = bm25s + FAISS in memory (embedded) or the Milvus collection with its "
        "BM25 function, jieba analyzer and vector index (server), unit rows only (no sentence rows); disk = "
        "bytes of the store's folder; RSS = resident memory of the benchmark process and its children (the "
        "Oxigraph server, milvus-lite), sampled every 0.5 s; 'RSS during' = the tree's RSS at 0, 25, 50, 75 "
        "and 100 % of that phase (flat = memory does not grow with the corpus streamed in); owns = every responsibility of one body (5 bodies), targets = "
        "every target whose indicator contains a word (5 words), all rows fetched, 3 passes (1 above 20,000 "
        "documents: one pass of the target query takes minutes there); BM25 = the "
        "question's weighted term groups to a top-50, dense = top-50 of its e5 vector, "
        f"{stats.get('questions', 0)} dev/own questions, 2 passes, query encoding excluded.",
        "milvus-lite server rows: the Milvus collection in `milvus-lite server` (its gRPC server) started as a "
        "separate process on loopback and reached at `http://127.0.0.1:P`, the client code path of a Milvus "
        "standalone; RSS is given for the benchmark (ingest client) process and for the server process apart, "
        "both sampled every 0.5 s; disk = the server's data folder.",
        f"Vectors: {stats.get('sample', 0)} pool units embedded with e5-small (real), the others synthetic "
        "mixtures of two real rows plus noise (see the module docstring).", "",
        f"Machine: 2 cores shared with other jobs; {load_note}.", "",
        "Commands: " + "; ".join(f"`{c}`" for c in dict.fromkeys(r.get(f"{p}_command", r.get("command", ""))
                                                                  for r in results for p in r.get("parts", []))),
        ""]
    return "\n".join(text)


def plot(results: list[dict], path: Path) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed: pip install -e '.[bench]' (or pip install matplotlib) for the plot",
              file=sys.stderr)
        return False
    metrics = [("graph load s", lambda r: r["graph_s"]), ("search build s", lambda r: r["search_s"]),
               ("graph disk MB", lambda r: r["graph_disk_bytes"] / 2**20),
               ("search disk MB", lambda r: r["search_disk_bytes"] / 2**20),
               ("peak RSS MB (graph or search part)",
                lambda r: max(r.get("graph_peak_rss_mb", 0), r.get("search_rss_mb", r.get("search_peak_rss_mb", 0)))),
               ("owns p95 ms", lambda r: r["ownership_ms"][1]),
               ("targets p95 ms", lambda r: r["targets_ms"][1]), ("BM25 p95 ms", lambda r: r["bm25_ms"][1]),
               ("dense p95 ms", lambda r: r["dense_ms"][1])]
    fig, axes = plt.subplots(3, 3, figsize=(15, 11))
    for ax, (label, value) in zip(axes.flat, metrics):
        for backend, style in (("embedded", "o-"), ("server", "s--"), ("milvus-server", "^:")):
            points = []
            for r in sorted((r for r in results if r["backend"] == backend), key=lambda r: r["units"]):
                try:
                    points.append((r["units"], max(value(r), 1e-3)))
                except (KeyError, TypeError):  # that part not measured at this size
                    continue
            if points:
                ax.plot(*zip(*points), style, label=backend)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_title(label)
        ax.set_xlabel("units")
        ax.grid(True, which="both", alpha=0.3)
    axes.flat[1].legend()  # the search build axis has a line for every backend
    fig.suptitle("PolicyKG scale corpus: cost against size (embedded = Oxigraph + bm25s/FAISS; "
                 "server = oxigraph serve + milvus-lite; milvus-server = milvus-lite server, client RSS)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--backends", nargs="+", choices=BACKEND_NAMES, default=["embedded", "server"],
                        help="milvus-server: Milvus alone, in `milvus-lite server` as a separate process on "
                             "loopback (client and server RSS measured apart; the search part only)")
    parser.add_argument("--pool", type=int, default=2000, help="documents parsed for real")
    parser.add_argument("--workers", type=int, default=2, help="processes parsing the pool")
    parser.add_argument("--sample", type=int, default=200, help="units embedded with e5 for real")
    parser.add_argument("--noise", type=float, default=0.15)
    parser.add_argument("--batch", type=int, default=1000, help="documents per write to the graph store")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "policykg-scale-corpus")
    parser.add_argument("--work-dir", type=Path, default=None, help="where the stores are built (then deleted)")
    parser.add_argument("--out", default="scale_corpus", help="name of the result files in benchmarks/results/")
    parser.add_argument("--merge", action="store_true", help="keep the other rows of an earlier result file")
    parser.add_argument("--parts", nargs="+", choices=("graph", "search"), default=["graph", "search"],
                        help="measure the graph store, the search backend, or both (separate runs are merged)")
    parser.add_argument("--existing-milvus", type=Path, help="time queries on the milvus-lite folder of a worker "
                        "stopped after its build (with --docs, --questions, --build-s, --build-rss-mb as observed)")
    parser.add_argument("--questions", type=int, default=20)
    parser.add_argument("--build-s", type=float, help="the stopped worker's build time, from outside (ps/py-spy)")
    parser.add_argument("--build-rss-mb", type=float, help="the stopped worker's peak RSS, sampled from outside")
    parser.add_argument("--embedded-graph", choices=("disk", "memory"), default="disk",
                        help="the embedded graph as a generation opens it (disk, graph.oxigraph/) or as the "
                             "graph.nt fallback loads it (memory)")
    parser.add_argument("--server-load", choices=tuple(LOAD_PATHS), default="gsp",
                        help="how the server graph is filled: gsp (N-Quads POSTed to the running server's /store) "
                             "or bulk (piped into `oxigraph load`, offline, then served)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--pool-file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--sample-file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        result = run_size(args.worker, args.docs[0], args.pool_file, args.sample_file, args.work, args.batch,
                          args.noise, tuple(args.parts), embedded_on_disk=args.embedded_graph == "disk",
                          server_load=args.server_load)
        print(json.dumps(result))
        return
    pool_file, sample_file, stats = prepare(args.pool, args.workers, args.sample, args.cache)
    if args.existing_milvus:
        r = {"backend": "server", "docs": args.docs[0], "parts": ["search"], "search_s": args.build_s,
             "search_peak_rss_mb": args.build_rss_mb, "search_measured_outside": True, "dense_kind": "hnsw",
             "command": command_line(), "load_before": os.getloadavg()}
        r.update(existing_milvus(args.existing_milvus, sample_file, args.questions))
        r["units"] = r["units_in_collection"]
        out_json = RESULTS / f"{args.out}.json"
        earlier = json.loads(out_json.read_text())["results"] if out_json.exists() else []
        results = merge_results(earlier, [r])
        (RESULTS / f"{args.out}.md").write_text(report(stats, results), encoding="utf-8")
        out_json.write_text(json.dumps({"pool": stats, "results": results}, ensure_ascii=False, indent=1),
                            encoding="utf-8")
        plot(results, RESULTS / f"{args.out}.png")
        print(json.dumps(r), file=sys.stderr)
        return
    print(f"pool: {json.dumps(stats)}", file=sys.stderr, flush=True)
    out_json = RESULTS / f"{args.out}.json"
    mine: list[dict] = []
    for docs in sorted(args.docs):
        for backend in args.backends:
            load = os.getloadavg()
            started = time.perf_counter()
            r = _run_worker(backend, docs, pool_file, sample_file, args)
            r["wall_s"], r["load_before"], r["command"] = time.perf_counter() - started, load, command_line()
            mine.append(r)
            print(f"{backend} {docs:,} docs: {json.dumps({k: v for k, v in r.items() if k != 'rss_timeline'})}",
                  file=sys.stderr, flush=True)
            earlier = json.loads(out_json.read_text())["results"] if args.merge and out_json.exists() else []
            results = merge_results(earlier, mine)
            (RESULTS / f"{args.out}.md").write_text(report(stats, results), encoding="utf-8")
            out_json.write_text(json.dumps({"pool": stats, "results": results}, ensure_ascii=False, indent=1),
                                encoding="utf-8")
            plot(results, RESULTS / f"{args.out}.png")
    print((RESULTS / f"{args.out}.md").read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
