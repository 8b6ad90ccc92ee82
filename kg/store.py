"""Persist the graph as one N-Triples file (atomic write) and load it into an Oxigraph-backed rdflib Graph."""

from __future__ import annotations

import logging
import os
import tempfile
import time
from pathlib import Path

from rdflib import Graph

from kg.terms import canonical_term
from kg.vocab import bind_prefixes

__all__ = ["GRAPH_FILE", "GraphStoreError", "save_graph", "load_graph", "to_memory"]

logger = logging.getLogger(__name__)

GRAPH_FILE = "graph.nt"  # the file name inside a data directory


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


def to_memory(graph: Graph) -> Graph:
    """A copy in rdflib's own memory store with canonical literals (kg.terms.canonical_term).

    RDF 1.1 makes ``"x"`` and ``"x"^^xsd:string`` one term and Oxigraph returns the typed form and
    rewrites decimals, while rdflib keeps forms apart; the copy is isomorphic to a freshly built graph.
    """
    out = bind_prefixes(Graph())
    for s, p, o in graph:
        out.add((s, p, canonical_term(o)))
    return out
