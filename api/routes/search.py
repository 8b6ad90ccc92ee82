"""``GET /search`` and ``POST /search`` (a JSON body, for long questions): hybrid search, answering exactly the
JSON of ``policykg search --json``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import SettingsDep, WorkspaceDep
from api.errors import ERROR_RESPONSES, ApiError
from api.routes.units import Genre, facet_slugs
from api.schemas import (
    SEARCH_EXAMPLE,
    TABLE_CONTENT,
    SearchRequest,
    TableFormat,
    respond,
    respond_table,
)
from kg.facets import DocumentFacets, document_facets, with_facets
from kg.views import SearchFacets, SearchResult
from search.errors import QueryError
from search.types import UNIT_FUNCTIONS, UNIT_KINDS

__all__ = ["router"]

router = APIRouter(tags=["search"])


@router.get(
    "/search",
    response_model=SearchResult,
    summary="Search measures, targets, principles and safeguards",
    responses={200: {"content": {"application/json": {"example": SEARCH_EXAMPLE}, **TABLE_CONTENT}},
               **{k: ERROR_RESPONSES[k] for k in (422, 503)}},
)
def search(
    ws: WorkspaceDep,
    settings: SettingsDep,
    q: Annotated[str, Query(description="a question in Chinese or English (at most `max_query_chars` characters)",
                            examples=["想用工业机器人改造生产线"])],
    k: Annotated[int | None, Query(description="how many hits: 1 … `max_top_k` (default 10, or `max_top_k` if lower)")] = None,
    kind: Annotated[list[str] | None, Query(description="only hits of these structural kinds (what a unit is in its "
                                                        f"document): {', '.join(UNIT_KINDS)}")] = None,
    function: Annotated[list[str] | None, Query(description="only hits that do this, in any genre: "
                                                            f"{', '.join(UNIT_FUNCTIONS)} (e.g. support)")] = None,
    doc: Annotated[str | None, Query(max_length=200, description="only this document (slug)")] = None,
    year: Annotated[int | None, Query(ge=1949, le=2100, description="only documents issued in, or covering, this year")] = None,
    jurisdiction: Annotated[str | None, Query(max_length=100, description="only documents of this jurisdiction")] = None,
    issuer: Annotated[str | None, Query(max_length=100, description="only documents of this issuer")] = None,
    genre: Genre = None,
    format: TableFormat = "json",
    facets: Annotated[bool, Query(description="also count the search's candidates (its best `max(k, 50)` units, "
                                              "not only the hits shown) by document, kind, function, year and "
                                              "jurisdiction: the answer's `facets`")] = False,
):
    """Which units of the plans answer ``q``: each hit with its document, section path, highlighted text, parent
    task, ``owners`` (who is responsible: explicit or inferred, with evidence), targets, supports and concepts. ``doc``, ``year``,
    ``jurisdiction``, ``issuer`` and ``genre`` keep only hits of the documents that match."""
    return _search(ws, settings, q, k, kind, "query",
                   facet_slugs(ws, doc, year, jurisdiction, issuer, "query.doc", genre), function, format, facets)


@router.post(
    "/search",
    response_model=SearchResult,
    summary="Search with the question in a JSON body (long questions)",
    responses={200: {"content": {"application/json": {"example": SEARCH_EXAMPLE}, **TABLE_CONTENT}},
               **{k: ERROR_RESPONSES[k] for k in (413, 422, 503)}},
)
def search_post(ws: WorkspaceDep, settings: SettingsDep, body: SearchRequest):
    """The same as ``GET /search`` with its parameters as JSON (``{"q", "k", "kind", "function", "doc", "year",
    "jurisdiction", "issuer", "genre", "format", "facets"}``): for questions too long for a URL."""
    documents = facet_slugs(ws, body.doc, body.year, body.jurisdiction, body.issuer, "body.doc", body.genre)
    return _search(ws, settings, body.q, body.k, body.kinds(), "body", documents, body.functions(), body.format,
                   body.facets)


def _search(ws, settings, q: str, k: int | None, kind: list[str] | None, where: str,
            documents: list[str] | None = None, function: list[str] | None = None, fmt: str = "json",
            facets: bool = False):
    """Check the inputs (errors name ``where``: query or body) and search (with the facet counts when asked)."""
    if k is None:
        k = min(10, settings.max_top_k)
    if not 1 <= k <= settings.max_top_k:
        raise ApiError(422, "invalid_input", f"k must be between 1 and {settings.max_top_k}, got {k}", f"{where}.k")
    if q.strip() and not any(ch.isalnum() for ch in q):  # ？？ or !!!: nothing to look for, not a question
        raise ApiError(422, "invalid_query", f"the query {q.strip()!r} has no word, only punctuation or symbols; give "
                       "a question or keywords, e.g. 工业机器人 or industrial robots", f"{where}.q")
    if len(q) > settings.max_query_chars:
        raise ApiError(422, "query_too_long",
                       f"q has {len(q)} characters; at most {settings.max_query_chars} are accepted", f"{where}.q")
    if kind:
        unknown = [x for x in kind if x not in UNIT_KINDS]
        if unknown:
            raise ApiError(422, "invalid_input",
                           f"unknown kind {unknown[0]!r}; valid kinds: {', '.join(UNIT_KINDS)}", f"{where}.kind")
    if function:
        unknown = [x for x in function if x not in UNIT_FUNCTIONS]
        if unknown:
            raise ApiError(422, "invalid_input", f"unknown function {unknown[0]!r}; valid functions: "
                           f"{', '.join(UNIT_FUNCTIONS)}", f"{where}.function")
    if documents is not None and not documents:  # no document passes the facets: nothing can match
        result = SearchResult(q, 0.0, [], relevant=False, facets=SearchFacets(0) if facets else None)
    else:
        def run(n: int) -> SearchResult:
            return ws.index.search(q, k=n, kind=kind or None, document=documents, function=function or None)

        try:
            result = (with_facets(run, k, ws.index.settings.candidates, _document_facets(ws)) if facets and fmt == "json"
                      else run(k))
        except QueryError as e:
            raise ApiError(422, "invalid_query", str(e), f"{where}.q") from e
    if fmt in ("csv", "xlsx"):
        from kg.queries import list_documents
        from kg.tabular import search_table

        titles = {d.slug: d.title for d in list_documents(ws.graph)}
        return respond_table(search_table(result, titles), fmt, "policykg-search")
    return respond(result)


def _document_facets(ws) -> DocumentFacets:
    """Each document's year and jurisdiction for the facet counts, read from the graph once per generation (a
    generation never changes; reading every document's view takes a fifth of a second on 38 documents). With the
    graph broken, search still answers: the counts then leave years and jurisdictions out."""
    from kg.store import GraphStoreError
    from workspace.datadir import DataDirError

    root = str(ws.root)
    if root not in _FACETS_BY_GENERATION:
        try:
            from kg.queries import list_documents

            found = document_facets(list_documents(ws.graph))
        except (GraphStoreError, DataDirError, OSError):
            return {}
        _FACETS_BY_GENERATION.clear()  # a server serves one generation at a time
        _FACETS_BY_GENERATION[root] = found
    return _FACETS_BY_GENERATION[root]


_FACETS_BY_GENERATION: dict[str, DocumentFacets] = {}
