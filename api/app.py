"""The PolicyKG web service: JSON API, SPARQL endpoint, exports and the web page.

``create_app(settings)`` builds the FastAPI app; on start-up it opens the data dir (building it from
corpus/ first when empty, with progress logged) and keeps the workspace loaded for every request.
Run it with ``policykg serve`` (which serves one generation in all its workers, see ``api.serving``) or
``uvicorn api.app:app``.
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import unquote_to_bytes

import anyio
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.deps import WorkspaceRegistry, current_settings
from api.errors import error_response, install_error_handlers
from api.routes import ROUTERS
from api.schemas import ErrorResponse, keep_example_nulls
from workspace.settings import Settings, get_settings

__all__ = ["create_app", "app", "RequestLimits", "MAX_QUERY_STRING_BYTES"]

# Progress goes to uvicorn's error log (where the server's own start-up lines are) when run under uvicorn.
log = logging.getLogger("uvicorn.error.policykg")

STATIC = Path(__file__).resolve().parent / "static"
MAX_QUERY_STRING_BYTES = 8192
# Bodies whose bytes must be UTF-8 text (form bodies are checked after percent-decoding).
_TEXT_TYPES = ("application/json", "application/sparql-query", "text/", "application/x-www-form-urlencoded")


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


class RequestLimits:
    """ASGI middleware enforcing the request limits before any route runs.

    * query string over 8 kB → 414; path or query string not UTF-8 once percent-decoded → 400;
    * body over ``max_body_bytes`` (by Content-Length or as it streams) → 413;
    * a text body (JSON, SPARQL, form) that is not UTF-8 → 400.
    The body is read here (it is small by then) and replayed to the app.
    """

    def __init__(self, app: ASGIApp, fastapi_app: FastAPI) -> None:
        self.app = app
        self.fastapi_app = fastapi_app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        problem = self._check_host(scope) or self._check_target(scope)
        if problem is None:
            body, problem = await self._read_body(scope, receive)
        if problem is not None:
            status, code, message, where = problem
            await error_response(status, code, message, where)(scope, receive, send)
            return

        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    def _check_host(self, scope: Scope):
        """400 for a Host header outside ``allowed_hosts`` (when set): a page on another name that resolves to this
        server (DNS rebinding) is not answered."""
        allowed = current_settings(self.fastapi_app).allowed_hosts
        if not allowed:
            return None
        raw = next((v for k, v in scope.get("headers", []) if k == b"host"), b"").decode("latin-1").strip().lower()
        name = raw[1:].split("]")[0] if raw.startswith("[") else raw.rsplit(":", 1)[0] if raw.count(":") == 1 else raw
        for pattern in allowed:
            pattern = pattern.lower()
            if pattern == "*" or name == pattern or (pattern.startswith("*.") and name.endswith(pattern[1:])):
                return None
        return (400, "host_not_allowed", f"host {raw[:100]!r} is not one this server answers "
                                         "(POLICYKG_ALLOWED_HOSTS)", "header.host")

    @staticmethod
    def _check_target(scope: Scope):
        qs: bytes = scope.get("query_string", b"")
        if len(qs) > MAX_QUERY_STRING_BYTES:
            return (414, "uri_too_long",
                    f"query string has {len(qs)} bytes; at most {MAX_QUERY_STRING_BYTES} are accepted "
                    "(send long questions with POST /search and long SPARQL queries with POST /sparql)", "query")
        if not _utf8(unquote_to_bytes(qs.replace(b"+", b" "))):
            return 400, "invalid_utf8", "query string is not valid UTF-8 once percent-decoded", "query"
        raw_path = scope.get("raw_path") or scope.get("path", "").encode("utf-8", "surrogateescape")
        if not _utf8(unquote_to_bytes(raw_path)):
            return 400, "invalid_utf8", "URL path is not valid UTF-8 once percent-decoded", "path"
        return None

    async def _read_body(self, scope: Scope, receive: Receive):
        limit = current_settings(self.fastapi_app).max_body_bytes
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        too_big = (413, "body_too_large", f"request body exceeds {limit} bytes", "body")
        length = headers.get("content-length")
        if length is not None:
            if not length.strip().isdigit():
                return b"", (400, "bad_request", "Content-Length is not a number", "header.content-length")
            if int(length) > limit:
                return b"", too_big
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                return b"", too_big
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        content_type = headers.get("content-type", "").split(";")[0].strip().lower()
        if body and content_type.startswith(_TEXT_TYPES):
            raw = unquote_to_bytes(body.replace(b"+", b" ")) if content_type.endswith("urlencoded") else body
            if not _utf8(raw):
                return b"", (400, "invalid_utf8", f"request body ({content_type}) is not valid UTF-8", "body")
        return body, None


def _swagger_dir() -> Path | None:
    """The Swagger UI files of the ``swagger-ui-bundle`` package; None when it is not installed."""
    try:
        import swagger_ui_bundle
    except ImportError:
        return None
    path = Path(swagger_ui_bundle.swagger_ui_path)
    return path if (path / "swagger-ui-bundle.js").is_file() else None


def _plain_docs(app: FastAPI) -> str:
    """A page of our own listing /openapi.json and the endpoints (when Swagger UI is not installed)."""
    from html import escape

    rows = "".join(
        f"<li><code>{escape(','.join(sorted(getattr(r, 'methods', None) or [])))} {escape(r.path)}</code> "
        f"{escape(getattr(r, 'summary', None) or '')}</li>"
        for r in app.routes if getattr(r, "include_in_schema", False))
    return (f"<!doctype html><html lang='en'><meta charset='utf-8'><title>{escape(app.title)} API</title>"
            f"<h1>{escape(app.title)} API</h1><p>OpenAPI schema: <a href='/openapi.json'>/openapi.json</a></p>"
            f"<ul>{rows}</ul></html>")


def _install_docs(app: FastAPI) -> None:
    """``/docs``: Swagger UI from local files under ``/docs-assets`` (no CDN), else a plain endpoint list."""
    from fastapi.openapi.docs import get_swagger_ui_html
    from fastapi.responses import HTMLResponse

    assets = _swagger_dir()
    if assets is not None:
        app.mount("/docs-assets", StaticFiles(directory=assets), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        if assets is None:
            return HTMLResponse(_plain_docs(app))
        return get_swagger_ui_html(openapi_url="/openapi.json", title=f"{app.title} API",
                                   swagger_js_url="/docs-assets/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-assets/swagger-ui.css",
                                   swagger_favicon_url="/docs-assets/favicon-32x32.png")


def create_app(settings: Settings | None = None) -> FastAPI:
    """The service. With ``settings`` given they are used instead of the environment's."""

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        active = current_settings(app)
        log.info("policykg: opening %s", active.data_dir)
        try:
            ws = await anyio.to_thread.run_sync(app.state.workspaces.startup, active, lambda m: log.info("policykg: %s", m))
            m = ws.manifest
            log.info("policykg: loaded generation %s: %s document(s), %s triples, %s index units (%s)",
                     m.get("generation"), len(m.get("documents", [])), m.get("triples"), m.get("index_units"),
                     m.get("encoder"))
        except Exception as e:  # noqa: BLE001 — keep serving: requests answer 503 with the reason, /healthz too
            from workspace.datadir import DataDirError

            if isinstance(e, DataDirError):
                log.error("policykg: no data could be loaded: %s", e)  # one line: the file and the fix
            else:
                log.exception("policykg: no data could be loaded from %s", active.data_dir)
        yield

    app = FastAPI(
        title="PolicyKG",
        version="0.1.0",
        summary="Knowledge graph and hybrid semantic search over Chinese government policy text",
        description=(
            "Search the measures of Chinese policy plans, see who is responsible for what (explicit or inferred, "
            "with evidence), match enterprises to support measures, query the graph with SPARQL and export it.\n\n"
            "Every error is JSON `{\"error\": {\"code\", \"message\", \"where\"}}`."
        ),
        lifespan=lifespan,
        docs_url=None,  # /docs below serves Swagger UI from the installed package, never from a CDN
    )
    app.state.workspaces = WorkspaceRegistry()
    if settings is not None:
        app.dependency_overrides[get_settings] = lambda: settings
    install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)

    # The error schema is referenced by every route's documented error responses.
    def openapi():
        if app.openapi_schema is None:
            from fastapi.openapi.utils import get_openapi

            schema = get_openapi(title=app.title, version=app.version, summary=app.summary,
                                 description=app.description, routes=app.routes)
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            components.setdefault("ErrorResponse", ErrorResponse.model_json_schema(ref_template="#/components/schemas/{model}"))
            defs = components["ErrorResponse"].pop("$defs", {})
            components.update(defs)
            app.openapi_schema = keep_example_nulls(schema, [r for router in ROUTERS for r in router.routes])
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

    _install_docs(app)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    app.add_middleware(RequestLimits, fastapi_app=app)
    origins = (settings or get_settings()).cors_origins
    if origins:
        app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST"],
                           allow_headers=["Content-Type", "Accept"])
    return app


def __getattr__(name: str):
    # ``uvicorn api.app:app`` — built on first access so importing create_app reads no settings.
    if name == "app":
        return create_app()
    raise AttributeError(name)
