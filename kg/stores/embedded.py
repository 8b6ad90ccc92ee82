"""The embedded backend (the default): an Oxigraph store in this process, persisted as one N-Triples file."""

from __future__ import annotations

import threading
from pathlib import Path

from rdflib import Graph, URIRef

from kg.sparql import SparqlLimits, SparqlResult, run_sparql
from kg.store import load_graph, save_graph
from kg.stores.base import document_part, export_graph

__all__ = ["EmbeddedStore"]


class EmbeddedStore:
    """The graph of one data generation: ``graph.nt`` loaded into an Oxigraph-backed rdflib Graph.

    Named graphs are not kept apart here (the file is N-Triples); a document's triples are the ones
    ``kg.stores.base.graph_of`` gives to its named graph, so both backends agree on what "one document" is."""

    backend = "embedded"

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._graph: Graph | None = None
        self._lock = threading.Lock()

    def describe(self) -> str:
        return f"embedded (Oxigraph in process, {self.path.name})"

    def graph(self) -> Graph:
        with self._lock:
            if self._graph is None:
                self._graph = load_graph(self.path)
            return self._graph

    def write_all(self, graph: Graph) -> None:
        save_graph(graph, self.path)
        with self._lock:
            self._graph = None

    def replace_document(self, doc_iri: URIRef, graph: Graph) -> None:
        current = self.graph()
        for triple in document_part(current, doc_iri):
            current.remove(triple)
        for triple in graph:
            current.add(triple)
        save_graph(current, self.path)

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
