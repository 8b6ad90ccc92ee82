"""HTTP errors at the edge: one JSON shape ``{"error": {"code", "message", "where"}}`` for every failure.

Domain errors (kg ``NotFound``, ``SparqlRefused``…, search ``QueryError``) are raised by the core and
mapped here to HTTP codes by the routes with ``raise ApiError(...) from e``; FastAPI's own validation
errors and Starlette's HTTP exceptions are reshaped into the same body, and anything unexpected becomes a
500 with no internals leaked.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

__all__ = ["ERROR_RESPONSES", "ApiError", "error_body", "error_response", "install_error_handlers"]

log = logging.getLogger(__name__)

# Stable machine codes for the HTTP statuses Starlette raises on its own (unknown route, wrong method…).
_STATUS_CODES = {
    400: "bad_request",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    408: "timeout",
    413: "body_too_large",
    414: "uri_too_long",
    415: "unsupported_media_type",
    422: "invalid_input",
    500: "internal_error",
    503: "unavailable",
}


class ApiError(Exception):
    """An error the API answers with: HTTP status, machine code, human message, and where in the request."""

    def __init__(self, status: int, code: str, message: str, where: str = "", extra: dict[str, Any] | None = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.where = where
        self.extra = extra or {}


def error_body(code: str, message: str, where: str = "", **extra: Any) -> dict[str, Any]:
    """The one error shape every response of status ≥ 400 carries."""
    return {"error": {"code": code, "message": message, "where": where, **extra}}


def error_response(status: int, code: str, message: str, where: str = "", **extra: Any) -> JSONResponse:
    return JSONResponse(error_body(code, message, where, **extra), status_code=status)


def _where(loc: tuple | list) -> str:
    """``("query", "k")`` → ``query.k``; ``("body", "plans", 0)`` → ``body.plans[0]``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _msg(err: dict[str, Any], default: str) -> str:
    """A validation error's message; a check of ours (a ValueError in a validator) without pydantic's "Value
    error, " before it."""
    return str(err.get("msg", default)).removeprefix("Value error, ")


def _validation_message(err: dict[str, Any]) -> str:
    msg = _msg(err, "invalid value")
    loc = _where(err.get("loc", ()))
    return f"{loc}: {msg}" if loc else msg


async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
    return error_response(exc.status, exc.code, exc.message, exc.where, **exc.extra)


def _body_fields(request: Request) -> list[str]:
    """The fields the route's JSON body takes (its pydantic model's), to name them when a body has another; none
    when the route has no body model."""
    field = getattr(request.scope.get("route"), "body_field", None)
    model = getattr(getattr(field, "field_info", None), "annotation", None)
    return list(getattr(model, "model_fields", {}) or {})


def _readable(err: dict[str, Any], request: Request) -> dict[str, Any]:
    """Two of pydantic's messages made to say what is wrong and how to fix it: a body that is no JSON (``body[16]:
    JSON decode error``) names the character and the parser's reason; a field the body does not take (``Extra
    inputs are not permitted``) lists those it does."""
    kind = err.get("type")
    loc = tuple(err.get("loc", ()))
    if kind == "json_invalid":
        at = loc[1] if len(loc) > 1 and isinstance(loc[1], int) else None
        reason = str((err.get("ctx") or {}).get("error") or "JSON decode error")
        where = f" at character {at}" if at is not None else ""
        return {**err, "loc": ("body",),
                "msg": f"not valid JSON{where}: {reason} (send one JSON object, e.g. "
                       '{"needs": "…"}, with Content-Type: application/json)'}
    if kind == "extra_forbidden":
        accepted = _body_fields(request) if len(loc) == 2 and loc[0] == "body" else []
        from search.match_export import field_hint

        # where a misplaced field goes (age -> person.age), in the same line
        msg = f"unknown field {loc[-1]!r}{field_hint(loc[-1])}" if loc else "unknown field"
        return {**err, "msg": msg + (f"; accepted: {', '.join(accepted)}" if accepted else "")}
    return err


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = [_readable(e, request) for e in exc.errors()]
    first = errors[0] if errors else {}
    message = "; ".join(_validation_message(e) for e in errors[:5]) or "invalid request"
    details = [{"where": _where(e.get("loc", ())), "message": _msg(e, "")} for e in errors[:20]]
    return error_response(422, "invalid_input", message, _where(first.get("loc", ())), details=details)


async def _http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
    code = _STATUS_CODES.get(exc.status_code, "http_error")
    message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    response = error_response(exc.status_code, code, message)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


def _data_error_response(exc: Exception) -> JSONResponse:
    """The data dir (or a file of it) cannot be used: 503 naming the file and the fix, logged as one line."""
    from workspace.datadir import DataDirError, NoDataError

    if isinstance(exc, DataDirError):
        code = "no_data" if isinstance(exc, NoDataError) else "data_unavailable"
        file = str(exc.path)
    else:  # kg GraphStoreError, search IndexLoadError / EncoderMismatchError
        code = "graph_unavailable" if hasattr(exc, "reason") else "index_unavailable"
        file = str(getattr(exc, "path", ""))
    message = str(exc)
    if code in ("graph_unavailable", "index_unavailable") and "policykg ingest" not in message:
        message += " (rebuild with `policykg ingest`, which re-reads the documents kept in the data dir)"
    log.warning("policykg: %s", message)
    return error_response(503, code, message, "", file=file)


async def _data_error(_: Request, exc: Exception) -> JSONResponse:
    return _data_error_response(exc)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return error_response(500, "internal_error", "internal error; the request was not processed", "")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
    from kg.store import GraphStoreError
    from search.errors import EncoderMismatchError, IndexLoadError
    from workspace.datadir import DataDirError

    for data_error in (DataDirError, GraphStoreError, IndexLoadError, EncoderMismatchError):
        app.add_exception_handler(data_error, _data_error)


_ERROR_SCHEMA = {"$ref": "#/components/schemas/ErrorResponse"}


def _error_doc(description: str, code: str, message: str, where: str = "") -> dict[str, Any]:
    return {
        "description": description,
        "content": {
            "application/json": {
                "schema": _ERROR_SCHEMA,
                "example": error_body(code, message, where),
            }
        },
    }


# Documented error responses, reused by the routes' ``responses=``.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: _error_doc("malformed request (e.g. invalid UTF-8)", "bad_request", "query string is not valid UTF-8", "query"),
    404: _error_doc("unknown id", "not_found", "no unit 9.9.9; close: 2.1.1, 2.1.2", "path.id"),
    409: _error_doc("a name several bodies share (市财政局 of two cities) and no document to read it in",
                    "ambiguous_name", "'市财政局' names several departments: 上海市财政局, 广州市财政局; give the full "
                    "name, or the document (--doc / ?doc=) to read it as that document does", "path.id"),
    413: _error_doc("body too large", "body_too_large", "request body exceeds 65536 bytes", "body"),
    414: _error_doc("query string too long", "uri_too_long", "query string exceeds 8192 bytes", "query"),
    422: _error_doc("invalid parameter", "invalid_input", "query.k: k must be between 1 and 100", "query.k"),
    503: _error_doc("the data dir is empty, broken or unreadable (the message names the file and the fix)",
                    "data_unavailable", "/data/generations/2026…/manifest.json: lacks generation, documents; restore it "
                    "from a backup, or build anew with `policykg ingest --replace PATH… --data-dir /data`"),
}
