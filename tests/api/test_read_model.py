"""One read model under every interface: the JSON of the API, the CLI's --json and the search index carry the
fields of the kg.views dataclasses, the same datum under the same name; no second definition of a view exists
(no pydantic mirror, no search-side copy, no JavaScript fallback between two names of one field)."""

from __future__ import annotations

import dataclasses
import inspect
import json
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from pydantic import BaseModel
from typer.testing import CliRunner

import api.schemas
from cli.main import app as cli_app
from kg import views
from kg.views import (
    Contact,
    DepartmentView,
    DocumentView,
    Hit,
    HitContext,
    InstrumentMatch,
    MatchResult,
    MeasureMatch,
    ResponsibilityView,
    SearchResult,
    SupportView,
    TargetView,
    UnitRef,
    UnitView,
)

ROOT = Path(__file__).resolve().parents[2]
QUANTITY_QUESTION = "到2020年建设多少个智能制造示范项目"
OWNER_QUESTION = "技术改造联席会议 评估督查"
CAR_PARTS = {"industry": "汽车零部件制造", "plans": ["采购工业机器人改造生产线", "申请技改贷款"], "size": "中小企业",
             "district": "嘉定区"}


def names(view: type) -> set[str]:
    return {f.name for f in dataclasses.fields(view)}


def cli_json(data_dir: Path, *args: str):
    result = CliRunner().invoke(cli_app, [*args, "--json", "--data-dir", str(data_dir)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# ------------------------------------------------------------------ the same names everywhere


def test_a_target_has_the_fields_of_the_view_in_every_interface(client, api_data_dir):
    hits = client.get("/search", params={"q": QUANTITY_QUESTION, "k": 10}).json()["hits"]
    from_search = [h["target"] for h in hits if h["target"]] + [t for h in hits for t in h["context"]["targets"]]
    listed = client.get("/targets").json()["items"]
    unit = client.get("/units/" + quote(from_search[0]["unit_iri"], safe="")).json()
    from_cli = cli_json(api_data_dir, "targets")["items"]
    shown = cli_json(api_data_dir, "show", from_search[0]["unit_iri"])["targets"]
    found = {"search": from_search, "/targets": listed, "/units": unit["targets"], "cli targets": from_cli,
             "cli show": shown}
    for where, targets in found.items():
        assert targets, where
        assert all(set(t) == names(TargetView) for t in targets), where


def test_the_index_and_the_graph_give_one_target_the_same_values(client):
    """The search index (built from the parsed document) and the kg queries (from the graph) agree field by field."""
    listed = {t["iri"]: t for t in client.get("/targets").json()["items"]}
    hits = client.get("/search", params={"q": QUANTITY_QUESTION, "k": 10}).json()["hits"]
    targets = [h["target"] for h in hits if h["target"]] + [t for h in hits for t in h["context"]["targets"]]
    assert targets
    for target in targets:
        assert target == listed[target["iri"]]


def test_who_is_responsible_is_the_same_in_a_hit_and_on_its_unit(client):
    hits = [h for h in client.get("/search", params={"q": OWNER_QUESTION, "k": 10}).json()["hits"]
            if h["kind"] != "target"]
    with_owners = [h for h in hits if h["context"]["owners"]]
    assert with_owners, "the seed states who convenes, evaluates and supervises"
    for hit in hits:
        unit = client.get("/units/" + quote(hit["iri"], safe="")).json()
        assert hit["context"]["owners"] == unit["owners"], hit["path"]
        assert hit["context"]["supports"] == unit["supports"], hit["path"]
        assert all(set(o) == names(ResponsibilityView) for o in unit["owners"] + unit["responsibilities"])
        assert sorted(hit["context"]["concepts"], key=lambda c: c["iri"]) == unit["concepts"], hit["path"]


@pytest.mark.parametrize(("path", "view"), [
    ("/units/2.1.1", UnitView),
    ("/departments/" + quote("市经信委"), DepartmentView),
    ("/documents/shanghai-technical-transformation-plan-2018-2020", DocumentView),
])
def test_an_answer_is_its_view_field_for_field(client, path, view):
    assert set(client.get(path).json()) == names(view)


@pytest.mark.parametrize(("path", "view"), [("/tasks", UnitRef), ("/measures", UnitRef), ("/targets", TargetView),
                                            ("/documents", DocumentView), ("/departments", DepartmentView)])
def test_list_items_are_views(client, path, view):
    items = client.get(path).json()["items"]
    assert items and all(set(item) == names(view) for item in items)


def test_search_hits_and_their_context_are_views(client, api_data_dir):
    for data in (client.get("/search", params={"q": QUANTITY_QUESTION, "k": 5}).json(),
                 cli_json(api_data_dir, "search", QUANTITY_QUESTION, "-k", "5")):
        assert set(data) == names(SearchResult)
        for hit in data["hits"]:
            assert set(hit) == names(Hit) and set(hit["context"]) == names(HitContext)
            assert all(set(s) == names(SupportView) for s in hit["context"]["supports"])
            if hit["context"]["task"]:
                assert set(hit["context"]["task"]) == names(UnitRef)


def test_a_match_is_its_views(client):
    data = client.post("/match", json=CAR_PARTS).json()
    assert set(data) == names(MatchResult) and data["measures"] and data["instruments"]
    assert all(set(m) == names(MeasureMatch) for m in data["measures"])
    assert all(set(i) == names(InstrumentMatch) for i in data["instruments"])
    contacts = [c for a in data["measures"] + data["instruments"] for c in a["contacts"]] + [data["district_office"]]
    assert all(set(c) == names(Contact) for c in contacts)


def test_openapi_response_schemas_are_the_views(client):
    schema = client.get("/openapi.json").json()

    def fields_of(path: str, method: str = "get") -> set[str]:
        ref = schema["paths"][path][method]["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
        return set(schema["components"]["schemas"][ref.rsplit("/", 1)[-1]]["properties"])

    assert fields_of("/search") == names(SearchResult)
    assert fields_of("/search", "post") == names(SearchResult)
    assert fields_of("/units/{id}") == names(UnitView)
    assert fields_of("/departments/{id}") == names(DepartmentView)
    assert fields_of("/match", "post") == names(MatchResult)
    target = schema["components"]["schemas"]["TargetView"]["properties"]
    assert target["quantity"]["type"] == "number"  # a Decimal served as a JSON number


def test_the_openapi_examples_use_the_views_field_names():
    pairs = [(api.schemas.UNIT_EXAMPLE, UnitView), (api.schemas.DEPARTMENT_EXAMPLE, DepartmentView),
             (api.schemas.DOCUMENT_EXAMPLE, DocumentView), (api.schemas.MATCH_EXAMPLE, MatchResult),
             (api.schemas.SEARCH_EXAMPLE, SearchResult), (api.schemas.SEARCH_EXAMPLE["hits"][0], Hit),
             (api.schemas.MATCH_EXAMPLE["measures"][0], MeasureMatch),
             (api.schemas.MATCH_EXAMPLE["instruments"][0], InstrumentMatch),
             (api.schemas.MATCH_EXAMPLE["district_office"], Contact),
             (api.schemas.DEPARTMENT_EXAMPLE["responsibilities"]["explicit"][0], ResponsibilityView)]
    for example, view in pairs:
        assert set(example) == names(view), view.__name__


# ------------------------------------------------------------------ no second definition


def _view_field_sets() -> dict[str, set[str]]:
    return {v.__name__: names(v) for v in views.VIEWS if len(names(v)) >= 3}


def _copies(fields: set[str]) -> list[str]:
    """The views a class mirrors: nearly all of its fields (three quarters, at least four) are one view's fields
    under the same names (a pydantic ``TargetData`` beside ``TargetView``)."""
    return [name for name, own in _view_field_sets().items()
            if len(fields & own) >= max(4, 0.75 * len(fields))]


# Request bodies that are a view the client sends (the match profile), with the HTTP edge's limits (max_length, ge)
# the view does not hold, and the request's own options: their fields must stay exactly the view's.
_REQUEST_BODIES = {"MatchRequest": ("EnterpriseProfile", {"today", "k"})}


def test_api_schemas_define_no_mirror_of_a_view():
    for name, obj in vars(api.schemas).items():
        if inspect.isclass(obj) and issubclass(obj, BaseModel) and obj.__module__ == api.schemas.__name__:
            if name in _REQUEST_BODIES:
                continue
            assert not _copies(set(obj.model_fields)), f"api.schemas.{name} mirrors {_copies(set(obj.model_fields))}"


def test_a_request_body_that_is_a_view_has_exactly_its_fields():
    for name, (view, options) in _REQUEST_BODIES.items():
        fields = set(getattr(api.schemas, name).model_fields)
        assert fields - options == _view_field_sets()[view], name


@pytest.mark.parametrize("module", ["search.types", "search.match", "search.units", "kg.queries", "kg.reading",
                                    "kg.units", "kg.documents", "kg.bodies", "cli.main", "cli.researchers", "cli.staff",
                                    "cli.enterprises", "cli.operators",
                                    "api.routes.units", "api.routes.search", "api.routes.match"])
def test_no_module_keeps_its_own_copy_of_a_view(module):
    import importlib

    mod = importlib.import_module(module)
    for name, obj in vars(mod).items():
        if dataclasses.is_dataclass(obj) and obj.__module__ == mod.__name__:
            assert not _copies(names(obj)), f"{module}.{name} repeats the fields of {_copies(names(obj))}"


# The page's variables that hold one view each, and the view
_PAGE_VARIABLES = {"hit": Hit, "ctx": HitContext, "tg": TargetView, "u": UnitView, "r": ResponsibilityView,
                   "office": Contact, "m": MeasureMatch}


def _page() -> str:
    return (ROOT / "api" / "static" / "app.js").read_text(encoding="utf-8")


def test_the_page_reads_one_name_per_field():
    """No fallback between two names of one datum (``tg.value ?? tg.quantity``, ``d.name || d.agent_name``)."""
    fallbacks = re.findall(r"\b(\w+)\.(\w+)\s*(?:\?\?|\|\|)\s*\1\.(\w+)\b", _page())
    assert [f for f in fallbacks if f[1] != f[2]] == []


@pytest.mark.parametrize("variable", sorted(_PAGE_VARIABLES))
def test_the_page_reads_only_fields_the_views_have(variable):
    read = set(re.findall(rf"(?<![\w.]){variable}\.([a-z_]+)\b", _page()))
    methods = {"length", "map", "filter", "join", "split", "slice"}
    assert read - methods <= names(_PAGE_VARIABLES[variable]), read - methods - names(_PAGE_VARIABLES[variable])
