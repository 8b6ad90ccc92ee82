"""Units of the plans: ``/units/{id}``, ``/units?path=``, ``/tasks``, ``/measures``, ``/targets``, ``/documents``,
``/documents/{id}``; lists filter by document, year, jurisdiction and issuer."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.deps import WorkspaceDep
from api.errors import ERROR_RESPONSES, ApiError
from api.errors import _error_doc as error_doc
from api.schemas import (
    DOCUMENT_EXAMPLE,
    UNIT_EXAMPLE,
    DocumentList,
    TableFormat,
    TargetList,
    UnitList,
    example,
    respond,
    respond_table,
)
from kg.queries import (
    AmbiguousPath,
    NotFound,
    documents_matching,
    get_document,
    get_unit,
    list_documents,
    list_targets,
    list_units,
    what_the_documents_hold,
)
from kg.views import DocumentView, Neighbourhood, UnitView

__all__ = ["facet_slugs", "router"]

router = APIRouter(tags=["units"])

_ID_DOC = "the unit's IRI (URL-encoded), its key (`2.1.1`) or its numbering path (`二（一）1`)"
Document = Annotated[str | None, Query(max_length=200, description="only this document (slug)")]
Year = Annotated[int | None, Query(ge=1949, le=2100, description="only documents issued in, or whose period covers, this year")]
Jurisdiction = Annotated[str | None, Query(max_length=100, description="only documents of this jurisdiction (闵行区; a part matches)")]
Issuer = Annotated[str | None, Query(max_length=100, description="only documents of this issuer (a part matches)")]
Genre = Annotated[str | None, Query(max_length=50, description="only documents of this genre: 办法, 意见, 答复 … or "
                                    "measures, opinion, reply (a notice issuing a text counts as the text's genre too)",
                                    examples=["办法"])]


def facet_slugs(ws, document: str | None, year: int | None, jurisdiction: str | None,
                issuer: str | None, where: str = "query.document", genre: str | None = None) -> list[str] | None:
    """The documents the facets allow (None: no facet given, every document); an unknown document is a 404
    naming the parameter ``where``."""
    if document is None and year is None and not jurisdiction and not issuer and not genre:
        return None
    try:
        return documents_matching(ws.graph, document, year, jurisdiction, issuer, genre)
    except NotFound as e:
        raise ApiError(404, "not_found", str(e), where, {"close": e.suggestions}) from e


def _unit(ws, id_or_path: str, document: str | None, where: str):
    from dataclasses import replace

    from kg.network import neighbourhood

    try:
        view = get_unit(ws.graph, id_or_path, document=document)
    except AmbiguousPath as e:  # 第八条 of two documents: not missing, the request must name the document
        raise ApiError(409, "ambiguous_path", str(e), where, {"candidates": e.suggestions}) from e
    except NotFound as e:
        raise ApiError(404, "not_found", str(e), where, {"close": e.suggestions}) from e
    graph = neighbourhood(ws.network, view.iri, radius=1)
    return respond(replace(view, neighbourhood=Neighbourhood(graph.get("center", view.iri), graph.get("nodes", []),
                                                             graph.get("edges", []))))


_UNIT_RESPONSES = {**example(UNIT_EXAMPLE), **{k: ERROR_RESPONSES[k] for k in (404, 422)},
                   409: error_doc("a numbering path several documents have (第八条), asked without `document`; "
                                  "`candidates` lists the documents", "ambiguous_path",
                                  "'第八条' is in 2 documents (guofa-2018-041, guoling-706): name one (policykg show "
                                  "--doc, or document= in the API)", "query.path")}


@router.get("/units/{id:path}", response_model=UnitView, summary="One unit with its context",
            responses=_UNIT_RESPONSES)
def unit_by_id(
    ws: WorkspaceDep,
    id: Annotated[str, Path(min_length=1, max_length=500, description=_ID_DOC, examples=["2.1.1"])],
    document: Document = None,
):
    """The unit's text, section path, parent and children, targets, supports, concepts, citations, the
    responsibilities assigned to it and its ``owners`` (its own, else its nearest ancestor's; with basis and
    evidence), source span, and its graph ``neighbourhood`` (nodes and edges for drawing)."""
    return _unit(ws, id, document, "path.id")


@router.get("/units", response_model=UnitView, summary="One unit by its numbering path",
            responses=_UNIT_RESPONSES)
def unit_by_path(
    ws: WorkspaceDep,
    path: Annotated[str, Query(min_length=1, max_length=200, description=_ID_DOC, examples=["二（一）1"])],
    document: Document = None,
):
    """Same as ``/units/{id}``, with the path in the query string (``/units?path=二（一）1``). A path several
    documents have, asked without ``document``, is 409 ``ambiguous_path`` with the documents as ``candidates``."""
    return _unit(ws, path, document, "query.path")


def _units_of(ws, kind: str, document: str | None, year: int | None = None, jurisdiction: str | None = None,
              issuer: str | None = None):
    allowed = facet_slugs(ws, None, year, jurisdiction, issuer)
    try:
        units = list_units(ws.graph, kind=kind, document=document)
    except NotFound as e:
        raise ApiError(404, "not_found", str(e), "query.document") from e
    return [u for u in units if allowed is None or u.document in allowed]


def _listing(items):
    return respond({"count": len(items), "items": items})


@router.get("/tasks", response_model=UnitList, summary="The tasks (重点任务)")
def tasks(ws: WorkspaceDep, document: Document = None, year: Year = None, jurisdiction: Jurisdiction = None,
          issuer: Issuer = None):
    return _listing(_units_of(ws, "task", document, year, jurisdiction, issuer))


@router.get("/measures", response_model=UnitList, summary="The measures (具体举措) under the tasks")
def measures(ws: WorkspaceDep, document: Document = None, year: Year = None, jurisdiction: Jurisdiction = None,
             issuer: Issuer = None):
    return _listing(_units_of(ws, "measure", document, year, jurisdiction, issuer))


@router.get("/targets", response_model=TargetList, summary="Quantified targets (量化指标)",
            responses={422: ERROR_RESPONSES[422]})
def targets(
    ws: WorkspaceDep,
    indicator: Annotated[str | None, Query(max_length=200, description="indicator contains this text",
                                           examples=["示范项目"])] = None,
    unit: Annotated[str | None, Query(max_length=200, description="the unit that states the targets: its IRI, "
                                      "key (1.3.b1) or numbering path (一（三）-1)")] = None,
    deadline: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="deadline, YYYY-MM-DD",
                                          examples=["2020-12-31"])] = None,
    document: Document = None,
    year: Year = None,
    jurisdiction: Jurisdiction = None,
    issuer: Issuer = None,
    genre: Genre = None,
    format: TableFormat = "json",
):
    """Every target as data (indicator, quantity, unit, comparator, deadline) with the document that states it,
    across every ingested plan (compare how a target moved from one plan to the next), optionally filtered."""
    allowed = facet_slugs(ws, document, year, jurisdiction, issuer, genre=genre)
    try:
        found = [t for t in list_targets(ws.graph, indicator_contains=indicator, unit=unit, deadline=deadline)
                 if allowed is None or t.document in allowed]
    except NotFound as e:
        raise ApiError(404, "not_found", str(e), "query.unit") from e
    except ValueError as e:  # a well-formed but impossible date such as 2020-13-45
        raise ApiError(422, "invalid_input", f"deadline: {e}; use YYYY-MM-DD", "query.deadline") from e
    if format != "json":  # one row per target, as a spreadsheet download
        from kg.tabular import targets_table

        return respond_table(targets_table(found), format, "policykg-targets")
    return _listing(found)


@router.get("/documents", response_model=DocumentList, summary="The ingested documents")
def documents(ws: WorkspaceDep, year: Year = None, jurisdiction: Jurisdiction = None, issuer: Issuer = None,
              genre: Genre = None, format: TableFormat = "json"):
    """Every ingested document with what it cites, what cites it, what it replaces and what replaces it
    (``format=csv|xlsx``: one row per document, as a download). Filters that keep no document answer count 0 with
    a ``hint`` naming the years, jurisdictions or genres the documents hold (as ``policykg documents`` does)."""
    allowed = facet_slugs(ws, None, year, jurisdiction, issuer, genre=genre)
    every = list_documents(ws.graph)
    found = [d for d in every if allowed is None or d.slug in allowed]
    if format != "json":
        from kg.tabular import documents_table

        return respond_table(documents_table(found), format, "policykg-documents")
    if not found and every:  # a filter that keeps nothing: the values the documents hold, as the CLI says
        return respond({"count": 0, "items": [], "hint": what_the_documents_hold(every, year, jurisdiction, genre)})
    return _listing(found)


@router.get("/documents/{id:path}", response_model=DocumentView, summary="One ingested document with its links",
            responses={**example(DOCUMENT_EXAMPLE), 404: ERROR_RESPONSES[404]})
def document(ws: WorkspaceDep, id: Annotated[str, Path(min_length=1, max_length=500, description="slug or IRI")]):
    """The document's metadata and its links: ``cites`` / ``cited_by`` (ingested documents, by citation of title or
    发文字号), ``replaces`` / ``replaced_by`` (…同时废止, 原《…》不再执行)."""
    try:
        return respond(get_document(ws.graph, id))
    except NotFound as e:
        raise ApiError(404, "not_found", str(e), "path.id", {"close": e.suggestions}) from e
