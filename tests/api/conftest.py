"""API fixtures: one app over the session's built data dir, settings injected by override and cleared after."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from tests.support import ROOT, tree_digest
from workspace.settings import Settings, get_settings


@pytest.fixture(scope="session")
def api_data_dir(request) -> Path:
    """The session's data dir built once from corpus/ (``POLICYKG_TEST_DATA_DIR`` reuses a prebuilt one)."""
    prebuilt = os.environ.get("POLICYKG_TEST_DATA_DIR")
    if prebuilt:
        return Path(prebuilt)
    return request.getfixturevalue("built_data_dir")


@pytest.fixture(scope="session")
def api_settings(api_data_dir: Path) -> Settings:
    return Settings(data_dir=api_data_dir, corpus_dir=ROOT / "corpus",
                    encoder=os.environ.get("POLICYKG_TEST_ENCODER", "e5-small"))


@pytest.fixture(scope="session")
def data_digest(api_data_dir: Path) -> str:
    """The data dir's digest before any request; checked again when the session's app closes."""
    return tree_digest(api_data_dir)


@pytest.fixture(scope="session")
def app(api_settings: Settings, api_data_dir: Path, data_digest: str):
    app = create_app()
    app.dependency_overrides[get_settings] = lambda: api_settings
    yield app
    app.dependency_overrides.clear()
    assert tree_digest(api_data_dir) == data_digest, "a request changed the data dir"


@pytest.fixture(scope="session")
def client(app) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


@pytest.fixture
def override_settings(app, api_settings: Settings):
    """``override_settings(sparql_timeout_s=0.2)`` for one test; the session's settings come back after."""

    def apply(**changes) -> Settings:
        changed = api_settings.model_copy(update=changes)
        app.dependency_overrides[get_settings] = lambda: changed
        return changed

    yield apply
    app.dependency_overrides[get_settings] = lambda: api_settings


def asgi_request(app, method: str, raw_path: bytes, query: bytes = b"", body: bytes = b"",
                 headers: list[tuple[bytes, bytes]] | None = None) -> tuple[int, bytes]:
    """Send one raw request straight to the ASGI app (for inputs an HTTP client refuses to build)."""
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method, "scheme": "http",
             "path": raw_path.decode("latin-1"), "raw_path": raw_path, "query_string": query, "root_path": "",
             "headers": headers or [], "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}
    sent = {"status": 0, "body": b""}
    done = False

    async def receive():
        nonlocal done
        if not done:
            done = True
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.sleep(3600)

    async def send(message):
        if message["type"] == "http.response.start":
            sent["status"] = message["status"]
        elif message["type"] == "http.response.body":
            sent["body"] += message.get("body", b"")

    asyncio.run(app(scope, receive, send))
    return sent["status"], sent["body"]


@pytest.fixture(scope="session")
def live_server(api_settings: Settings, api_data_dir: Path, data_digest: str) -> Iterator[str]:
    """A real uvicorn server on a free loopback port, in a thread; yields its base URL."""
    from tests.api.live import running

    with running(create_app(api_settings)) as url:
        yield url
    assert tree_digest(api_data_dir) == data_digest, "a request changed the data dir"
