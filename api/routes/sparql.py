"""``GET|POST /sparql``: a read-only SPARQL 1.1 Protocol endpoint over the graph.

Updates, LOAD and SERVICE are refused (403); a syntax error or an empty query is a 400; a query that runs past
``settings.sparql_timeout_s`` is stopped and answered with **408**, one that needs more than
``settings.sparql_max_memory_mb`` with **400** ``sparql_memory_limit``; at most ``settings.sparql_max_rows`` rows
and ``settings.sparql_max_bytes`` bytes are returned (``X-Truncated: true`` and ``X-Truncated-By: rows|bytes``).
At most ``settings.sparql_max_concurrent`` queries are evaluated at once per worker; others wait up to
``settings.sparql_queue_wait_s`` and are then answered **503** ``sparql_busy``. A form or text POST sent by a page
of another origin (``Origin`` neither this host nor in ``settings.cors_origins``) is refused with **403**.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from typing import Annotated
from urllib.parse import parse_qs, urlsplit

from fastapi import APIRouter, Header, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from api.deps import SettingsDep, WorkspaceDep
from api.errors import ERROR_RESPONSES, ApiError, _error_doc
from kg.sparql import (
    SparqlError,
    SparqlLimits,
    SparqlMemoryLimit,
    SparqlRefused,
    SparqlSyntaxError,
    SparqlTimeout,
    is_empty_query,
)

__all__ = ["router", "sparql_limits", "SparqlSlots", "cross_origin_refusal"]

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
    503: _error_doc("too many SPARQL queries at once, or no data", "sparql_busy",
                    "2 SPARQL queries are running; retry in a moment", "query"),
}
# Bodies a browser page may POST to another origin without asking first (no CORS preflight).
_SIMPLE_BODY_TYPES = ("application/x-www-form-urlencoded", "text/plain", "multipart/form-data")


def sparql_limits(settings) -> SparqlLimits:
    """The per-query limits of ``settings``."""
    return SparqlLimits(timeout_s=settings.sparql_timeout_s, max_rows=settings.sparql_max_rows,
                        max_bytes=settings.sparql_max_bytes, max_memory_mb=settings.sparql_max_memory_mb,
                        nice=settings.sparql_nice)


class SparqlSlots:
    """At most ``limit`` SPARQL evaluations at once in this process; a caller waits up to ``wait_s`` for a slot."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.busy = 0

    def _try_take(self, limit: int) -> bool:
        with self._lock:
            if self.busy >= limit:
                return False
            self.busy += 1
            return True

    async def take(self, limit: int, wait_s: float) -> bool:
        deadline = time.monotonic() + wait_s
        while not self._try_take(limit):
            if time.monotonic() >= deadline:
                return False
            await asyncio.sleep(0.02)
        return True

    def give_back(self) -> None:
        with self._lock:
            self.busy -= 1


_SLOTS = SparqlSlots()


def cross_origin_refusal(request: Request, content_type: str, allowed: list[str]) -> str | None:
    """Why a POST is refused as a cross-site form (a page elsewhere making the browser send it), or None."""
    if content_type not in _SIMPLE_BODY_TYPES:
        return None  # any other type makes the browser ask first (CORS preflight)
    origin = request.headers.get("origin")
    if origin is None:
        if request.headers.get("sec-fetch-site", "") in ("cross-site", "same-site"):
            return "a cross-site form POST (Sec-Fetch-Site) is refused"
        return None
    if origin.rstrip("/") in {o.rstrip("/") for o in allowed} or "*" in allowed:
        return None
    if origin != "null" and urlsplit(origin).netloc.lower() == request.headers.get("host", "").lower():
        return None
    return (f"a {content_type} POST from origin {origin[:100]!r} is refused: not this host and not in "
            "POLICYKG_CORS_ORIGINS; send application/sparql-query or use GET")


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
    if query is None:
        raise ApiError(400, "missing_query", "give a SPARQL query: ?query=… (GET), an application/sparql-query "
                                             "body or a form field query=… (POST)", "query")
    if len(query) > MAX_QUERY_CHARS:
        raise ApiError(400, "query_too_long", f"the query has {len(query)} characters; at most {MAX_QUERY_CHARS}", "query")
    ws.graph  # noqa: B018 — loaded before taking a slot: no data or a broken graph is a 503 of its own
    limit = settings.sparql_max_concurrent
    if not await _SLOTS.take(limit, settings.sparql_queue_wait_s):
        raise ApiError(503, "sparql_busy", f"{limit} SPARQL quer{'y is' if limit == 1 else 'ies are'} running; "
                                           "retry in a moment", "query", extra={"retry_after_s": 1})
    try:
        result = await run_in_threadpool(ws.graph_store.query, query, sparql_limits(settings))  # any backend
    except SparqlRefused as e:
        raise ApiError(403, "sparql_refused", str(e), "query") from e
    except SparqlSyntaxError as e:
        raise ApiError(400, "empty_query" if is_empty_query(query) else "sparql_syntax", str(e), "query") from e
    except SparqlTimeout as e:
        raise ApiError(408, "sparql_timeout", f"{e}; narrow the query or add a LIMIT", "query") from e
    except SparqlMemoryLimit as e:
        raise ApiError(400, "sparql_memory_limit", f"{e}; narrow the query, add a LIMIT or avoid ORDER BY over "
                                                   "large joins", "query") from e
    except SparqlError as e:  # evaluation failed on this query (e.g. a bad cast): the query's fault
        raise ApiError(400, "sparql_error", str(e), "query") from e
    finally:
        _SLOTS.give_back()
    headers = {"X-Truncated": "true" if result.truncated else "false"}
    if result.truncated:
        headers["X-Truncated-By"] = result.truncated_by
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
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    refusal = cross_origin_refusal(request, content_type, settings.cors_origins)
    if refusal:
        raise ApiError(403, "cross_origin", refusal, "header.origin")
    media = _negotiate(format, accept)
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
