"""Property-based fuzzing from the app's own OpenAPI schema: whatever the input, never a 5xx."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from api.app import create_app
from workspace.settings import get_settings

@schemathesis.serializer("application/sparql-query")
def _sparql_query_body(ctx, value):
    """The POST /sparql body is the query text itself."""
    return str(value).encode("utf-8", "surrogatepass") if not isinstance(value, bytes) else value


fuzz_app = create_app()
schema = schemathesis.openapi.from_asgi("/openapi.json", fuzz_app)


@pytest.fixture(autouse=True, scope="module")
def _fuzz_settings(api_settings):
    fast = api_settings.model_copy(update={"sparql_timeout_s": 1.0})  # generated queries may be runaways
    fuzz_app.dependency_overrides[get_settings] = lambda: fast
    yield
    fuzz_app.dependency_overrides.clear()


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case):
    response = case.call()
    case.validate_response(response, checks=[not_a_server_error])
    if response.status_code >= 400:
        assert set(response.json()["error"]) >= {"code", "message", "where"}
