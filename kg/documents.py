"""The ingested documents as the read model sees them: one document with its links (what it cites, what cites it,
what it replaces and what replaces it), every document, and the documents that pass the search's facets (year,
jurisdiction, issuer)."""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph, URIRef

from kg.reading import _resolve_document, _str, key_tail
from kg.views import DocumentLink, DocumentView
from kg.vocab import DCTERMS, ELI, POL, RDF

__all__ = ["documents_matching", "get_document", "list_documents"]


def _document_link(graph: Graph, node: object) -> DocumentLink:
    ingested = (node, POL.sourceText, None) in graph
    return DocumentLink(iri=str(node), slug=key_tail(node) if ingested else "",
                        title=_str(graph, node, DCTERMS.title, "zh"), identifier=_str(graph, node, DCTERMS.identifier))


def _links(graph: Graph, nodes: Iterable[object]) -> list[DocumentLink]:
    return sorted((_document_link(graph, n) for n in set(nodes)), key=lambda link: (link.slug, link.iri))


def _document_view(graph: Graph, doc: URIRef) -> DocumentView:
    """One ingested document with its links to the others: what it cites and what cites it (the citing document's
    dcterms:references to its IRI, set by kg.build when a citation resolves), what it replaces and what replaces it."""
    # this document's units only, and "ingested" asked of each linked document: never a set over the corpus
    units = [u for u in graph.subjects(POL.inDocument, doc) if (u, RDF.type, ELI.LegalResourceSubdivision) in graph]
    ingested = _Ingested(graph)
    return DocumentView(
        iri=str(doc),
        slug=key_tail(doc),
        title=_str(graph, doc, DCTERMS.title, "zh"),
        title_en=_str(graph, doc, DCTERMS.title, "en"),
        identifier=_str(graph, doc, DCTERMS.identifier),
        jurisdiction=_str(graph, doc, DCTERMS.spatial),
        period=_str(graph, doc, DCTERMS.temporal),
        units=len(units),
        targets=sum(1 for u in units for _ in graph.objects(u, POL.hasTarget)),
        responsibilities=sum(1 for u in units for _ in graph.subjects(POL.assignedTo, u)),
        issued=_str(graph, doc, DCTERMS.issued),
        issuer=_str(graph, doc, DCTERMS.publisher),
        genre=_str(graph, doc, DCTERMS.type, "zh"),
        issuers=sorted(str(o) for o in graph.objects(doc, DCTERMS.creator)),
        jurisdiction_level=_str(graph, doc, POL.jurisdictionLevel),
        effective=_str(graph, doc, ELI.first_date_entry_in_force),
        issued_text_title=_str(graph, doc, POL.issuedTextTitle, "zh"),
        issued_text_genre=_str(graph, doc, POL.issuedTextGenre, "zh"),
        cites=_links(graph, (o for o in graph.objects(doc, DCTERMS.references) if o in ingested)),
        cited_by=_links(graph, (s for s in graph.subjects(DCTERMS.references, doc) if s in ingested)),
        replaces=_links(graph, graph.objects(doc, DCTERMS.replaces)),
        replaced_by=_links(graph, graph.objects(doc, DCTERMS.isReplacedBy)),
    )


class _Ingested:
    """``x in _Ingested(graph)``: whether ``x`` is a document whose text was ingested (it has pol:sourceText),
    asked of one document at a time, so a view never reads every document's text."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    def __contains__(self, node: object) -> bool:
        return next(iter(self.graph.triples((node, POL.sourceText, None))), None) is not None  # type: ignore[arg-type]


def get_document(graph: Graph, document: str) -> DocumentView:
    """One ingested document (slug or IRI) with what it cites, what cites it, what it replaces and what replaces it.
    Raises NotFound with close slugs."""
    return _document_view(graph, _resolve_document(graph, document))


def _years(view: DocumentView) -> set[int]:
    """The years a document speaks for: its issue year and every year of its period (2018-01-01/2020-12-31)."""
    import re

    years = {int(y) for y in re.findall(r"(?<!\d)(\d{4})(?!\d)", view.issued)}
    bounds = [int(y) for y in re.findall(r"(?<!\d)(\d{4})(?!\d)", view.period)]
    if bounds:
        years.update(range(min(bounds), max(bounds) + 1))
    return years


def documents_matching(graph: Graph, document: str | None = None, year: int | None = None,
                       jurisdiction: str | None = None, issuer: str | None = None) -> list[str]:
    """The slugs of the ingested documents that pass every facet given: one document (slug or IRI), a year (issued
    that year, or a period covering it), a jurisdiction (广州 matches 广州市 and its districts; national, 全国 or 国家
    the national documents; province, city or district a level) or an issuer (a substring of it: 闵行 matches
    闵行区)."""
    from ingest.jurisdiction import matches_jurisdiction

    slugs = []
    wanted = key_tail(_resolve_document(graph, document)) if document else None
    for view in list_documents(graph):
        if wanted is not None and view.slug != wanted:
            continue
        if year is not None and year not in _years(view):
            continue
        if jurisdiction and not matches_jurisdiction(jurisdiction, view.jurisdiction, view.jurisdiction_level):
            continue
        if issuer and issuer not in view.issuer and not any(issuer in name for name in view.issuers):
            continue
        slugs.append(view.slug)
    return slugs


def list_documents(graph: Graph) -> list[DocumentView]:
    """The ingested documents (those carrying their source text), by slug, each with its links."""
    return sorted((_document_view(graph, doc) for doc in graph.subjects(POL.sourceText, None)),  # type: ignore[arg-type]
                  key=lambda v: v.slug)
