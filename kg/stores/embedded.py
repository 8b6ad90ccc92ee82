"""The embedded backend (the default): Oxigraph in this process over the generation's on-disk store
(``graph.oxigraph/``, opened read-only, nothing loaded) or, where there is none, ``graph.nt`` loaded in memory."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from rdflib import Graph, URIRef

from kg.sparql import SparqlLimits, SparqlResult, run_sparql
from kg.store import STORE_DIR, GraphStoreError, build_store_dir, load_graph, open_store_dir, save_graph
from kg.stores.base import document_part, export_graph

__all__ = ["EmbeddedStore"]

logger = logging.getLogger(__name__)


class EmbeddedStore:
    """The graph of one data generation: its on-disk store ``graph.oxigraph/`` beside ``graph.nt`` opened
    read-only when there is one (a damaged one falls back to ``graph.nt``, with a warning), else ``graph.nt``
    loaded into an in-memory Oxigraph store. Writes go to ``graph.nt`` and rebuild the directory if present.

    Named graphs are not kept apart here (the file is N-Triples); a document's triples are the ones
    ``kg.stores.base.graph_of`` gives to its named graph, so both backends agree on what "one document" is."""

    backend = "embedded"

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._graph: Graph | None = None
        self._lock = threading.Lock()

    @property
    def store_dir(self) -> Path:
        return self.path.with_name(STORE_DIR)

    def on_disk(self) -> bool:
        """Whether this generation has an on-disk store (``graph()`` opens it instead of parsing graph.nt)."""
        return self.store_dir.is_dir()

    def describe(self) -> str:
        where = f"on disk, {self.store_dir.name}" if self.on_disk() else f"in memory, {self.path.name}"
        return f"embedded (Oxigraph in process, {where})"

    def graph(self) -> Graph:
        with self._lock:
            if self._graph is None:
                self._graph = self._open()
            return self._graph

    def _open(self) -> Graph:
        if self.on_disk():
            try:
                return open_store_dir(self.store_dir)
            except GraphStoreError as e:
                logger.warning("%s; loading %s instead", e, self.path.name)
        return load_graph(self.path)

    def _saved(self, graph: Graph) -> None:
        """``graph`` written to graph.nt (and into the on-disk store when there is one); the next read reopens."""
        with self._lock:
            self._graph = None  # the read-only store is closed before its folder is replaced
        save_graph(graph, self.path)
        if self.store_dir.exists():
            build_store_dir(self.path, self.store_dir)

    def write_all(self, graph: Graph) -> None:
        self._saved(graph)

    def replace_document(self, doc_iri: URIRef, graph: Graph) -> None:
        # a writable copy: the on-disk store is opened read-only (builds write whole generations instead)
        current = load_graph(self.path) if self.on_disk() else self.graph()
        for triple in document_part(current, doc_iri):
            current.remove(triple)
        for triple in graph:
            current.add(triple)
        self._saved(current)

    def remove_document(self, doc_iri: URIRef) -> None:
        self.replace_document(doc_iri, Graph())

    def query(self, sparql: str, limits: SparqlLimits | None = None) -> SparqlResult:
        return run_sparql(self.graph(), sparql, limits=limits)

    def export(self, fmt: str) -> str:
        return export_graph(self.graph(), fmt)

    def triple_count(self) -> int:
        return len(self.graph())

    def close(self) -> None:
        with self._lock:
            self._graph = None
