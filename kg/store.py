"""Persist the graph as one N-Triples file (atomic write) and open it as an Oxigraph-backed rdflib Graph.

``graph.nt`` is the canonical file (exports, the manifest's hashes, a SPARQL server's load). A build also
bulk-loads it into an on-disk Oxigraph (RocksDB) directory beside it (``STORE_DIR``, ``build_store_dir``) that
any process opens read-only in milliseconds (``open_store_dir``) instead of parsing the whole file into memory
(``load_graph``, still used where there is no such directory: generations built before it, tests)."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
from oxrdflib.store import OxigraphStore
from rdflib import Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.terms import canonical_term
from kg.vocab import bind_prefixes

__all__ = ["GRAPH_FILE", "STORE_DIR", "GraphStoreError", "save_graph", "load_graph", "build_store_dir",
           "open_store_dir", "to_memory"]

logger = logging.getLogger(__name__)

GRAPH_FILE = "graph.nt"  # the file name inside a data directory
STORE_DIR = "graph.oxigraph"  # beside it: the same triples in an on-disk Oxigraph store (derived, not hashed)


class GraphStoreError(OSError):
    """The graph file is missing, unreadable or not valid N-Triples; names the file."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def save_graph(graph: Graph, path: str | Path) -> Path:
    """Write ``graph`` to ``path`` as N-Triples: a temp file in the same folder, then ``os.replace``,
    so readers never see a half-written graph. Returns the path written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            graph.serialize(destination=out, format="ox-nt")
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    logger.info("saved %d triples to %s in %.3f s", len(graph), path, time.perf_counter() - started)
    return path


def load_graph(path: str | Path) -> Graph:
    """Load an N-Triples graph file into a Graph over the Oxigraph store (SPARQL runs in Oxigraph)."""
    path = Path(path)
    if not path.is_file():
        raise GraphStoreError(path, "no graph file here (build it first)")
    started = time.perf_counter()
    graph = bind_prefixes(Graph(store="Oxigraph"))
    try:
        graph.parse(path, format="ox-nt")
    except (SyntaxError, ValueError, OSError) as e:
        raise GraphStoreError(path, f"not a readable N-Triples graph ({e})") from e
    logger.info("loaded %d triples from %s in %.3f s", len(graph), path, time.perf_counter() - started)
    return graph


def build_store_dir(path: str | Path, directory: str | Path) -> Path:
    """Bulk-load the N-Triples file ``path`` into a fresh on-disk Oxigraph store at ``directory`` (built in a
    temporary sibling folder, then renamed over any earlier one). Returns ``directory``."""
    path, directory = Path(path), Path(directory)
    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix=directory.name + ".", suffix=".tmp", dir=directory.parent))
    try:
        store = ox.Store(str(tmp))
        store.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
        store.flush()
        store.optimize()
        del store  # closes RocksDB before the folder is renamed
        if directory.exists():
            shutil.rmtree(directory)
        os.replace(tmp, directory)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    logger.info("loaded %s into the on-disk store %s in %.3f s", path, directory, time.perf_counter() - started)
    return directory


def open_store_dir(directory: str | Path) -> Graph:
    """The on-disk store ``directory`` opened read-only as a Graph (prefixes bound); nothing is loaded in memory.
    Raises ``GraphStoreError`` when it is missing or cannot be opened and read."""
    directory = Path(directory)
    if not (directory / "CURRENT").is_file():
        raise GraphStoreError(directory, "no on-disk graph store here")
    try:
        inner = ox.Store.read_only(str(directory))
        next(iter(inner.quads_for_pattern(None, None, None)), None)  # a damaged store fails here, not mid-request
    except (OSError, ValueError, RuntimeError) as e:
        raise GraphStoreError(directory, f"not a readable Oxigraph store ({e})") from e
    # bulk_load filled the default graph: the Graph reads that one (rdflib's default identifier is a fresh bnode)
    return bind_prefixes(Graph(store=OxigraphStore(store=inner), identifier=DATASET_DEFAULT_GRAPH_ID))


def to_memory(graph: Graph) -> Graph:
    """A copy in rdflib's own memory store with canonical literals (kg.terms.canonical_term).

    RDF 1.1 makes ``"x"`` and ``"x"^^xsd:string`` one term and Oxigraph returns the typed form and
    rewrites decimals, while rdflib keeps forms apart; the copy is isomorphic to a freshly built graph.
    """
    out = bind_prefixes(Graph())
    for s, p, o in graph:
        out.add((s, p, canonical_term(o)))
    return out
