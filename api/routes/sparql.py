"""``GET|POST /sparql``: a read-only SPARQL 1.1 Protocol endpoint over the graph.

Updates, LOAD and SERVICE are refused (403); a syntax error is a 400; a query that runs past
``settings.sparql_timeout_s`` is stopped and answered with **408** and a message; at most
``settings.sparql_max_rows`` rows are returned (``X-Truncated: true`` when cut).
"""

from __future__ import annotations

import json
from typing import Annotated
from urllib.parse import parse_qs

from fastapi import APIRouter, Header, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from api.deps import SettingsDep, WorkspaceDep
from api.errors import ERROR_RESPONSES, ApiError, _error_doc
from kg.sparql import SparqlError, SparqlRefused, SparqlSyntaxError, SparqlTimeout, run_sparql

__all__ = ["router"]

router = APIRouter(tags=["sparql"])

JSON_TYPE = "application/sparql-results+json"
CSV_TYPE = "text/csv"
_FORMATS = {"json": JSON_TYPE, "csv": CSV_TYPE, JSON_TYPE: JSON_TYPE, "application/json": JSON_TYPE, CSV_TYPE: CSV_TYPE}
_ACCEPTABLE = {JSON_TYPE: JSON_TYPE, "application/json": JSON_TYPE, CSV_TYPE: CSV_TYPE,
               "application/*": JSON_TYPE, "text/*": CSV_TYPE, "*/*": JSON_TYPE}
MAX_QUERY_CHARS = 20_000

_EXAMPLE = "PREFIX pol: <https://w3id.org/policykg/ns#>\nSELECT ?m ?path WHERE { ?m a pol:Measure ; pol:path ?path } LIMIT 5"

_RESPONSES = {
    200: {"description": "SPARQL 1.1 query results",
          "content": {JSON_TYPE: {"example": {"head": {"vars": ["m", "path"]}, "results": {"bindings": []}}},
                      CSV_TYPE: {"example": "m,path\r\n"}}},
    400: _error_doc("missing query or syntax error", "sparql_syntax", "Expected SelectQuery, found 'SELEC'", "query"),
    403: _error_doc("updates, LOAD and SERVICE are refused", "sparql_refused",
                    "this endpoint is read-only: INSERT DATA is refused", "query"),
    406: _error_doc("no acceptable result format", "not_acceptable",
                    "Accept must allow application/sparql-results+json or text/csv", "header.accept"),
    408: _error_doc("the query ran past the time limit", "sparql_timeout",
                    "query stopped after 5.0 s (time limit); narrow it or add a LIMIT", "query"),
    413: ERROR_RESPONSES[413],
}


def _negotiate(fmt: str | None, accept: str | None) -> str:
    """The result media type from ``format=`` (json | csv) or else the Accept header (default JSON)."""
    if fmt:
        chosen = _FORMATS.get(fmt.strip().lower())
        if chosen is None:
            raise ApiError(422, "invalid_format", f"format {fmt!r} is not one of: json, csv", "query.format")
        return chosen
    if not accept:
        return JSON_TYPE
    ranges = []
    for i, part in enumerate(accept.split(",")):
        media, _, params = part.strip().partition(";")
        q = 1.0
        for p in params.split(";"):
            name, _, value = p.strip().partition("=")
            if name == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append((-q, i, media.strip().lower()))
    for neg_q, _, media in sorted(ranges):
        if neg_q < 0 and media in _ACCEPTABLE:
            return _ACCEPTABLE[media]
    raise ApiError(406, "not_acceptable",
                   f"Accept {accept[:100]!r} allows neither {JSON_TYPE} nor {CSV_TYPE}; or use format=json|csv",
                   "header.accept")


async def _answer(ws, settings, query: str | None, media: str) -> Response:
    if not query or not query.strip():
        raise ApiError(400, "missing_query", "give a SPARQL query: ?query=… (GET), an application/sparql-query "
                                             "body or a form field query=… (POST)", "query")
    if len(query) > MAX_QUERY_CHARS:
        raise ApiError(400, "query_too_long", f"the query has {len(query)} characters; at most {MAX_QUERY_CHARS}", "query")
    try:
        result = await run_in_threadpool(run_sparql, ws.graph, query, timeout_s=settings.sparql_timeout_s,
                                         max_rows=settings.sparql_max_rows)
    except SparqlRefused as e:
        raise ApiError(403, "sparql_refused", str(e), "query") from e
    except SparqlSyntaxError as e:
        raise ApiError(400, "sparql_syntax", str(e), "query") from e
    except SparqlTimeout as e:
        raise ApiError(408, "sparql_timeout", f"{e}; narrow the query or add a LIMIT", "query") from e
    except SparqlError as e:  # evaluation failed on this query (e.g. a bad cast): the query's fault
        raise ApiError(400, "sparql_error", str(e), "query") from e
    headers = {"X-Truncated": "true" if getattr(result, "truncated", False) else "false"}
    if media == CSV_TYPE:
        return Response(result.to_csv(), media_type="text/csv; charset=utf-8", headers=headers)
    body = result.to_json()
    body = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
    return Response(body, media_type=JSON_TYPE, headers=headers)


Format = Annotated[str | None, Query(max_length=60, description="json or csv; overrides the Accept header")]
AcceptHeader = Annotated[str | None, Header(include_in_schema=False)]


@router.get("/sparql", summary="SPARQL 1.1 query (GET)", response_class=Response, responses=_RESPONSES)
async def sparql_get(
    ws: WorkspaceDep,
    settings: SettingsDep,
    query: Annotated[str | None, Query(description="a read-only SPARQL 1.1 query", examples=[_EXAMPLE])] = None,
    format: Format = None,
    accept: AcceptHeader = None,
):
    """Run a read-only query; results as SPARQL JSON or CSV by ``format=`` or the Accept header."""
    return await _answer(ws, settings, query, _negotiate(format, accept))


@router.post(
    "/sparql",
    summary="SPARQL 1.1 query (POST)",
    response_class=Response,
    responses=_RESPONSES,
    openapi_extra={"requestBody": {"required": True, "content": {
        "application/sparql-query": {"schema": {"type": "string"}, "example": _EXAMPLE},
        "application/x-www-form-urlencoded": {"schema": {"type": "object", "required": ["query"],
                                                         "properties": {"query": {"type": "string"}}}},
    }}},
)
async def sparql_post(request: Request, ws: WorkspaceDep, settings: SettingsDep, format: Format = None,
                      accept: AcceptHeader = None):
    """The query as an ``application/sparql-query`` body or a form-encoded ``query=`` field."""
    media = _negotiate(format, accept)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()  # already bounded and checked for UTF-8 by the limits middleware
    if content_type == "application/sparql-query":
        query = body.decode("utf-8")
    elif content_type == "application/x-www-form-urlencoded":
        fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, errors="strict")
        query = (fields.get("query") or [None])[0]
    else:
        raise ApiError(415, "unsupported_media_type", f"Content-Type {content_type or '(none)'!r} is not accepted; use "
                                                      "application/sparql-query or application/x-www-form-urlencoded",
                       "header.content-type")
    return await _answer(ws, settings, query, media)
