"""Facet counts from the API (kg/facets.py): over the search's candidates, not only the hits shown; the hits
unchanged by asking for them; GET and POST alike; absent unless asked for."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from kg.facets import count_facets, document_year
from kg.views import FacetCount

QUESTION = "想用工业机器人改造生产线"


def test_search_has_no_facets_unless_asked(client):
    assert client.get("/search", params={"q": QUESTION, "k": 3}).json()["facets"] is None


def test_facets_count_the_candidates_and_leave_the_hits_as_they_are(client):
    plain = client.get("/search", params={"q": QUESTION, "k": 3}).json()
    data = client.get("/search", params={"q": QUESTION, "k": 3, "facets": "true"}).json()
    assert data["hits"] == plain["hits"] and data["relevant"] == plain["relevant"]
    facets = data["facets"]
    assert facets["counted"] > len(data["hits"])  # the candidates, not the three hits shown
    for name in ("document", "kind"):  # every candidate has a document and a kind: each counted once
        assert sum(c["count"] for c in facets[name]) == facets["counted"]
    for name in ("document", "kind", "function", "year", "jurisdiction"):
        counts = [c["count"] for c in facets[name]]
        assert counts == sorted(counts, reverse=True) and all(counts)
    assert {h["kind"] for h in data["hits"]} <= {c["value"] for c in facets["kind"]}
    assert [c["value"] for c in facets["document"]] == ["shanghai-technical-transformation-plan-2018-2020"]
    assert [c["value"] for c in facets["year"]] == ["2018"]
    assert [c["value"] for c in facets["jurisdiction"]] == ["上海市"]


def test_facets_by_post_are_those_by_get(client):
    got = client.get("/search", params={"q": QUESTION, "k": 5, "facets": "true", "kind": "measure"}).json()
    posted = client.post("/search", json={"q": QUESTION, "k": 5, "facets": True, "kind": ["measure"]}).json()
    assert posted["facets"] == got["facets"]
    assert [c["value"] for c in got["facets"]["kind"]] == ["measure"]  # within the filters asked


def test_no_document_passing_the_filters_counts_nothing(client):
    data = client.get("/search", params={"q": QUESTION, "year": 1990, "facets": "true"}).json()
    assert data["hits"] == [] and data["facets"]["counted"] == 0 and data["facets"]["document"] == []


def test_the_openapi_schema_lists_the_facets(client):
    schema = client.get("/openapi.json").json()
    params = {p["name"] for p in schema["paths"]["/search"]["get"]["parameters"]}
    assert "facets" in params
    assert set(schema["components"]["schemas"]["SearchFacets"]["properties"]) == {
        "counted", "document", "kind", "function", "year", "jurisdiction"}


def _hit(document: str, kind: str, function: str):
    return SimpleNamespace(document=document, kind=kind, function=function)


def test_count_facets_counts_each_hit_once_most_first():
    hits = [_hit("a", "measure", "support"), _hit("b", "article", "rule"), _hit("a", "measure", ""),
            _hit("c", "item", "support")]
    facets = count_facets(hits, {"a": ("2018", "上海市"), "b": ("2019", "中华人民共和国")})  # c is unknown
    assert facets.counted == 4
    assert facets.document == [FacetCount("a", 2), FacetCount("b", 1), FacetCount("c", 1)]
    assert facets.kind == [FacetCount("measure", 2), FacetCount("article", 1), FacetCount("item", 1)]
    assert facets.function == [FacetCount("support", 2), FacetCount("rule", 1)]  # no function: not counted
    assert facets.year == [FacetCount("2018", 2), FacetCount("2019", 1)]
    assert facets.jurisdiction == [FacetCount("上海市", 2), FacetCount("中华人民共和国", 1)]


@pytest.mark.parametrize(("issued", "period", "identifier", "year"), [
    ("2018-09-18", "", "国发〔2018〕42号", "2018"),
    ("", "2018-01-01/2020-12-31", "", "2018"),
    ("", "", "国办发〔2019〕3号", "2019"),
    ("", "", "", ""),
])
def test_a_documents_year_is_its_issue_year_else_its_period_else_its_number(issued, period, identifier, year):
    view = SimpleNamespace(issued=issued, period=period, identifier=identifier)
    assert document_year(view) == year
