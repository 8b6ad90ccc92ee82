"""The examples the OpenAPI document shows are answers the API could give: each validates against its response
model (pydantic, with no field the model lacks), and each has the field names, nesting and JSON types of a real
answer of its endpoint over the bundled corpus. So an example cannot drift from the views it illustrates."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import Any

import pytest
from pydantic import BaseModel, TypeAdapter

from api import schemas
from api.app import create_app
from api.routes import ROUTERS


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    """The document as published: built by the app as ``/openapi.json`` serves it (no data dir needed)."""
    return create_app().openapi()


def unknown_keys(tp: Any, value: Any, where: str = "$") -> list[str]:
    """The keys of ``value``, at any depth, that the model or view ``tp`` does not declare (pydantic ignores them
    when it validates a dataclass, so a misspelt field would pass it)."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return unknown_keys(typing.get_args(tp)[0], value, where)
    if origin in (typing.Union, types.UnionType):
        arms = [unknown_keys(arm, value, where) for arm in typing.get_args(tp) if arm is not type(None)]
        return [] if value is None or not arms else min(arms, key=len)
    if origin in (list, tuple, set, frozenset):
        item = typing.get_args(tp)[0] if typing.get_args(tp) else Any
        return [k for i, v in enumerate(value or []) for k in unknown_keys(item, v, f"{where}[{i}]")]
    if origin is dict:
        value_type = typing.get_args(tp)[1] if typing.get_args(tp) else Any
        return [k for key, v in (value or {}).items() for k in unknown_keys(value_type, v, f"{where}.{key}")]
    is_model = isinstance(tp, type) and issubclass(tp, BaseModel)
    if not (is_model or dataclasses.is_dataclass(tp)) or not isinstance(value, dict):
        return []
    fields = set(tp.model_fields) if is_model else {f.name for f in dataclasses.fields(tp)}
    hints = typing.get_type_hints(tp, include_extras=True)
    return [f"{where}.{key}" for key in value if key not in fields] + [
        k for key, v in value.items() if key in fields for k in unknown_keys(hints[key], v, f"{where}.{key}")]


def assert_valid(model: Any, example: Any) -> None:
    TypeAdapter(model).validate_json(json.dumps(example, ensure_ascii=False))  # as a client reads the JSON
    assert unknown_keys(model, example) == []


def shape_differences(example: Any, answer: Any, where: str = "$") -> list[str]:
    """Where ``example`` and ``answer`` differ in field names, nesting or JSON type (a null matches anything; a
    list is compared by its first items)."""
    if example is None or answer is None:
        return []
    if isinstance(example, dict) and isinstance(answer, dict):
        return ([f"{where}.{k}: only in the example" for k in sorted(example.keys() - answer.keys())]
                + [f"{where}.{k}: only in the answer" for k in sorted(answer.keys() - example.keys())]
                + [d for k in sorted(example.keys() & answer.keys())
                   for d in shape_differences(example[k], answer[k], f"{where}.{k}")])
    if isinstance(example, list) and isinstance(answer, list):
        return shape_differences(example[0], answer[0], f"{where}[0]") if example and answer else []
    number = (int, float)
    same = (isinstance(example, number) and isinstance(answer, number) and not isinstance(example, bool)
            and not isinstance(answer, bool)) or type(example) is type(answer)
    return [] if same else [f"{where}: {type(example).__name__} in the example, {type(answer).__name__} in the answer"]


def _route_examples(spec: dict[str, Any]) -> list[tuple[str, str, str, Any, Any]]:
    """(method, path, status, response model, published example) for every JSON example of every route."""
    found = []
    for route in (r for router in ROUTERS for r in router.routes):
        for method in sorted(getattr(route, "methods", ()) or ()):
            operation = spec["paths"].get(route.path_format, {}).get(method.lower(), {})
            for status, response in operation.get("responses", {}).items():
                content = response.get("content", {}).get("application/json", {})
                if "example" in content:
                    found.append((method, route.path_format, status, route.response_model, content["example"]))
    return found


def test_every_route_example_validates_against_its_response_model(spec):
    checked = 0
    for method, path, status, model, example in _route_examples(spec):
        where = f"{method} {path} {status}"
        try:
            if status.startswith("2"):
                assert model is not None, where
                assert_valid(model, example)
            else:  # every error has the one shape
                assert_valid(schemas.ErrorResponse, {"error": {k: v for k, v in example["error"].items()
                                                                if k in schemas.ErrorDetail.model_fields}})
                assert set(example["error"]) == {"code", "message", "where"}, where
        except Exception as e:
            raise AssertionError(f"{where}: {e}") from e
        checked += 1
    assert checked >= 30  # the answers of /search (GET, POST), /units, /documents, /departments, /match and errors


@pytest.mark.parametrize("name", ["ErrorResponse", "SearchRequest", "MatchRequest", "UnitList", "TargetList",
                                  "DocumentList", "DepartmentList", "HealthResponse"])
def test_every_model_example_validates_against_its_model(spec, name):
    example = spec["components"]["schemas"][name]["example"]
    model = getattr(schemas, name)
    model.model_validate_json(json.dumps(example, ensure_ascii=False))
    assert unknown_keys(model, example) == []


def test_examples_keep_their_nulls(spec):
    """FastAPI drops nulls from the document it builds; the published examples keep the fields a view always has."""
    search = spec["paths"]["/search"]["get"]["responses"]["200"]["content"]["application/json"]["example"]
    assert "target" in search["hits"][0] and search["hits"][0]["target"] is None
    department = spec["paths"]["/departments/{id}"]["get"]["responses"]["200"]["content"]["application/json"]
    assert department["example"]["created_by_document"] is None
    targets = spec["components"]["schemas"]["TargetList"]["example"]
    assert targets["items"][0]["quantity_max"] is None


def _published(spec: dict[str, Any], path: str, method: str = "get") -> Any:
    return spec["paths"][path][method]["responses"]["200"]["content"]["application/json"]["example"]


def _real_answers(client, spec) -> dict[str, tuple[Any, Any]]:
    """Each example beside the answer its endpoint gives to the example's own question, id or profile."""
    search = _published(spec, "/search")
    unit = _published(spec, "/units/{id}")
    document = _published(spec, "/documents/{id}")
    match = _published(spec, "/match", "post")
    component = spec["components"]["schemas"]
    profile = {k: v for k, v in match["profile"].items() if v not in (None, "", [])}
    return {
        "GET /search": (search, client.get("/search", params={"q": search["query"], "facets": "true"})),
        "POST /search": (_published(spec, "/search", "post"),
                         client.post("/search", json={"q": search["query"], "facets": True})),
        "GET /units/{id}": (unit, client.get(f"/units/{unit['iri']}")),
        "GET /units?path=": (_published(spec, "/units"), client.get("/units", params={"path": unit["path"]})),
        "GET /documents/{id}": (document, client.get(f"/documents/{document['slug']}")),
        "GET /departments/{id}": (_published(spec, "/departments/{id}"), client.get("/departments/市经信委")),
        "POST /match": (match, client.post("/match", json={**profile, "lang": match["lang"]})),
        "GET /tasks": (component["UnitList"]["example"], client.get("/tasks")),
        "GET /targets": (component["TargetList"]["example"], client.get("/targets")),
        "GET /documents": (component["DocumentList"]["example"], client.get("/documents")),
        "GET /departments": (component["DepartmentList"]["example"], client.get("/departments")),
        "GET /healthz": (component["HealthResponse"]["example"], client.get("/healthz")),
    }


def test_every_example_has_the_shape_of_a_real_answer(client, spec):
    differences = {}
    for endpoint, (example, response) in _real_answers(client, spec).items():
        assert response.status_code == 200, (endpoint, response.text[:300])
        if found := shape_differences(example, response.json()):
            differences[endpoint] = found
    assert differences == {}
