"""The graph-store interface (``GraphStore``) and the one rule that splits the graph into named graphs."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from rdflib import Graph, URIRef

from kg import iri
from kg.sparql import SparqlLimits, SparqlResult
from kg.vocab import bind_prefixes

__all__ = ["GraphStore", "owner_slug", "graph_of", "partition", "document_part", "export_graph"]

_DOCUMENT_KINDS = ("doc", "activity")  # IRIs minted under a document's slug


@runtime_checkable
class GraphStore(Protocol):
    """Where the knowledge graph lives. ``kg.queries`` reads ``graph()``; ``/sparql`` and ``policykg sparql``
    go through ``query`` (read-only, within ``limits``); a build writes with ``write_all``."""

    backend: str  # "embedded" | "sparql-http"

    def describe(self) -> str:
        """One line naming the backend and where it is (for ``/healthz`` and ``policykg status``)."""
        ...

    def write_all(self, graph: Graph) -> None:
        """Make the store hold exactly ``graph``: one named graph per document plus the shared one."""
        ...

    def replace_document(self, doc_iri: URIRef, graph: Graph) -> None:
        """Replace the triples of one document (its named graph) by ``graph``; other documents are untouched."""
        ...

    def remove_document(self, doc_iri: URIRef) -> None:
        """Drop one document's triples (its named graph)."""
        ...

    def graph(self) -> Graph:
        """The whole graph as an rdflib Graph for ``kg.queries`` (loaded once, then kept)."""
        ...

    def query(self, sparql: str, limits: SparqlLimits | None = None) -> SparqlResult:
        """A vetted read-only query within ``limits`` (raises the ``kg.sparql`` errors)."""
        ...

    def export(self, fmt: str) -> str:
        """The whole graph as turtle | json-ld | nt (``kg.export.serialize``)."""
        ...

    def triple_count(self) -> int:
        ...

    def close(self) -> None:
        ...


def owner_slug(term: object) -> str | None:
    """The slug of the document an IRI is minted under (``doc/<slug>/…``, ``activity/<slug>``), else None."""
    if not isinstance(term, URIRef) or not str(term).startswith(iri.BASE):
        return None
    segments = iri.key_of(str(term))
    return segments[1] if segments[0] in _DOCUMENT_KINDS and len(segments) > 1 else None


def graph_of(subject: object, obj: object) -> URIRef:
    """The named graph of a triple: its document's when the subject, else the object, is minted under one
    (a unit's facts; a body's ``mentionedAt``/``wasDerivedFrom`` a document); else the shared graph."""
    slug = owner_slug(subject) or owner_slug(obj)
    return iri.graph_iri(slug)


def partition(graph: Graph) -> dict[URIRef, Graph]:
    """``graph`` split by ``graph_of``: every triple in exactly one named graph; their union is ``graph``."""
    parts: dict[URIRef, Graph] = {}
    for s, p, o in graph:
        name = graph_of(s, o)
        if name not in parts:
            parts[name] = bind_prefixes(Graph())
        parts[name].add((s, p, o))
    return parts


def document_part(graph: Graph, doc_iri: URIRef) -> Graph:
    """The triples of ``graph`` that belong to the document ``doc_iri`` (its named graph's content)."""
    name = iri.graph_iri(iri.key_of(str(doc_iri))[1])
    part = bind_prefixes(Graph())
    for s, p, o in graph:
        if graph_of(s, o) == name:
            part.add((s, p, o))
    return part


def export_graph(graph: Graph, fmt: str) -> str:
    """``kg.export.serialize``, with N-Triples lines sorted: the same bytes whichever store held the graph."""
    from kg.export import normalise_format, serialize

    text = serialize(graph, fmt)
    return "".join(sorted(text.splitlines(keepends=True))) if normalise_format(fmt) == "nt" else text
