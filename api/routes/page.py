"""What the web page reads besides the data views: the ontology's labels of roles and rules in both languages
(``GET /labels``), and a document's source text for showing a unit in place (``GET /source/{slug}``)."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import WorkspaceDep
from api.errors import ERROR_RESPONSES, ApiError
from kg.labels import ontology_labels

__all__ = ["router"]

router = APIRouter(tags=["page"])


@router.get("/labels", summary="Labels of roles and inference rules in Chinese and English (from the ontology)")
def labels() -> dict:
    """The page and the CLI name roles and rules by these labels (``zh`` and ``en``)."""
    return ontology_labels()


@router.get("/source/{slug}", summary="A document's source text (for showing a unit in place)",
            responses={404: ERROR_RESPONSES[404]})
def document_source(ws: WorkspaceDep, slug: str) -> dict:
    """``{"slug", "title", "title_en", "text"}``: the text that units' ``start``/``end`` offsets point into."""
    from kg.queries import NotFound, _resolve_document
    from kg.vocab import POL
    from rdflib import DCTERMS

    graph = ws.graph
    try:
        doc = _resolve_document(graph, slug)
    except NotFound as e:
        raise ApiError(404, "not_found", str(e), "path.slug") from e
    titles = {getattr(t, "language", None) or "": str(t) for t in graph.objects(doc, DCTERMS.title)}
    return {"slug": slug, "title": titles.get("zh") or titles.get("") or next(iter(titles.values()), ""),
            "title_en": titles.get("en", ""), "text": str(graph.value(doc, POL.sourceText) or "")}
