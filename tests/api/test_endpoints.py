"""Every endpoint through TestClient: answers, refusals and limits, all errors in one JSON shape."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from tests.api.conftest import asgi_request

ROBOT_QUESTION = "想用工业机器人改造生产线"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def error_of(response, status: int) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body["error"]) >= {"code", "message", "where"}
    assert body["error"]["message"]
    return body["error"]


# ------------------------------------------------------------------ search


def test_search_finds_the_robot_measure_with_context(client):
    r = client.get("/search", params={"q": ROBOT_QUESTION, "k": 5})
    assert r.status_code == 200
    data = r.json()
    assert set(data) == {"query", "took_ms", "relevant", "hits", "facets"}
    assert data["query"] == ROBOT_QUESTION and data["relevant"] is True and data["facets"] is None  # not asked for
    paths = [h["path"] for h in data["hits"]]
    assert "二（一）1" in paths[:3]
    hit = data["hits"][paths.index("二（一）1")]
    assert hit["kind"] == "measure"
    assert set(hit) >= {"iri", "heading", "text", "start", "end", "score", "scores", "highlights", "context", "target",
                        "document"}
    for h in hit["highlights"]:
        assert hit["text"][h["start"]:h["end"]] == h["text"]
    assert hit["context"]["task"]["path"] == "二（一）"


def test_a_started_server_embeds_queries_on_the_prepared_engine(client, api_settings):
    from workspace.reader import encoder_of

    assert client.get("/search", params={"q": "机器人"}).status_code == 200
    encoder = encoder_of(api_settings)
    expected = "onnxruntime" if api_settings.encoder == "e5-small" else None
    assert getattr(encoder, "query_engine", None) == expected


def test_search_english_question(client):
    r = client.get("/search", params={"q": "industrial robots production line"})
    assert r.status_code == 200
    assert r.json()["hits"]


def test_search_kind_filter(client):
    r = client.get("/search", params={"q": "支持", "kind": "safeguard"})
    assert r.status_code == 200
    assert {h["kind"] for h in r.json()["hits"]} <= {"safeguard"}


@pytest.mark.parametrize(
    ("params", "where"),
    [
        ({"q": "机器人", "k": 0}, "query.k"),
        ({"q": "机器人", "k": 101}, "query.k"),
        ({"q": "机器人", "k": "ten"}, "query.k"),
        ({"q": "机器人", "kind": "novel"}, "query.kind"),
        ({"q": "x" * 1001}, "query.q"),
        ({"q": "   "}, "query.q"),
        ({"q": "机器人\x00"}, "query.q"),
        ({}, "query.q"),
    ],
)
def test_search_rejects_bad_parameters_with_422(client, params, where):
    err = error_of(client.get("/search", params=params), 422)
    assert err["where"] == where


def test_search_limit_follows_settings(client, override_settings):
    override_settings(max_top_k=3, max_query_chars=5)
    assert "3" in error_of(client.get("/search", params={"q": "机器人", "k": 4}), 422)["message"]
    assert "5" in error_of(client.get("/search", params={"q": "工业机器人改造"}), 422)["message"]


# ------------------------------------------------------------------ units, lists


@pytest.mark.parametrize("ident", ["2.1.1", "二（一）1"])
def test_unit_by_key_or_path(client, ident):
    r = client.get("/units/" + quote(ident))
    assert r.status_code == 200
    unit = r.json()
    assert unit["path"] == "二（一）1"
    assert unit["parent"]["path"] == "二（一）"
    assert {"text", "start", "end", "targets", "concepts", "responsibilities", "children"} <= set(unit)
    nodes = unit["neighbourhood"]["nodes"]
    assert len(nodes) > 1 and unit["iri"] in {n["id"] for n in nodes}


def test_unit_by_iri_and_by_query_path(client):
    iri = client.get("/units/2.1.1").json()["iri"]
    assert client.get("/units/" + quote(iri, safe="")).json()["iri"] == iri
    assert client.get("/units", params={"path": "二（一）1"}).json()["iri"] == iri


def test_unit_responsibilities_carry_basis_and_evidence(client):
    for r in client.get("/units/2.1.1").json()["responsibilities"]:
        assert r["basis"] in {"explicit", "inferred"}
        assert r["evidence"]


@pytest.mark.parametrize("ident", ["9.9.9", "九（九）9", "https://w3id.org/policykg/doc/nope/1"])
def test_unknown_unit_is_404(client, ident):
    err = error_of(client.get("/units/" + quote(ident, safe="")), 404)
    assert err["code"] == "not_found" and err["where"] == "path.id"


def test_lists(client):
    tasks = client.get("/tasks").json()
    assert tasks["count"] == len(tasks["items"]) > 0 and {i["kind"] for i in tasks["items"]} == {"task"}
    measures = client.get("/measures").json()
    assert "二（一）1" in [m["path"] for m in measures["items"]]
    docs = client.get("/documents").json()
    assert docs["count"] >= 1 and docs["items"][0]["slug"]


def test_targets_filter(client):
    all_targets = client.get("/targets").json()
    assert all_targets["count"] > 0
    some = client.get("/targets", params={"indicator": "示范项目"}).json()
    assert 0 < some["count"] <= all_targets["count"]
    assert all("示范项目" in t["indicator"] for t in some["items"])
    dated = client.get("/targets", params={"deadline": "2020-12-31"}).json()
    assert all(t["deadline"] == "2020-12-31" for t in dated["items"])
    assert error_of(client.get("/targets", params={"deadline": "2020-13-45"}), 422)["where"] == "query.deadline"
    assert error_of(client.get("/targets", params={"deadline": "soon"}), 422)["where"] == "query.deadline"
    assert error_of(client.get("/targets", params={"unit": "9.9.9"}), 404)["where"] == "query.unit"
    assert error_of(client.get("/tasks", params={"document": "no-such-plan"}), 404)["where"] == "query.document"


# ------------------------------------------------------------------ departments


def test_departments_list_and_alias(client):
    items = client.get("/departments").json()["items"]
    assert any(d["pref_label"] == "上海市经济和信息化委员会" for d in items)
    r = client.get("/departments/" + quote("市经信委"))
    assert r.status_code == 200
    view = r.json()
    assert view["pref_label"] == "上海市经济和信息化委员会"
    split = view["responsibilities"]
    assert set(split) == {"explicit", "inferred"}
    assert split["explicit"], "市经信委 has responsibilities the text states"
    for basis in ("explicit", "inferred"):
        for item in split[basis]:
            assert item["basis"] == basis and item["evidence"]


def test_department_by_full_name_and_key(client):
    key = client.get("/departments/" + quote("市经信委")).json()["key"]
    assert client.get("/departments/" + quote("上海市经济和信息化委员会")).json()["key"] == key
    assert client.get("/departments/" + key).json()["key"] == key


def test_unknown_department_is_404_with_close_names(client):
    err = error_of(client.get("/departments/" + quote("市经委")), 404)
    assert err["close"], "close names are offered"


# ------------------------------------------------------------------ match


def test_match(client):
    r = client.post("/match", json={"industry": "汽车零部件制造", "plans": ["采购工业机器人改造生产线"],
                                    "size": "中小企业", "district": "嘉定区"})
    if r.status_code == 500 and "search.match" in r.text:  # pragma: no cover - until search.match lands
        pytest.skip("search.match not available yet")
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["measures"] and data["measures"][0]["reason"]
    assert "二（一）1" in [m["path"] for m in data["measures"][:5]]
    assert data["instruments"]


@pytest.mark.parametrize(
    "body",
    [{}, {"size": "small"}, {"industry": "", "plans": []}, {"industry": "x", "plans": "not a list"},
     {"industry": "x", "plans": ["a"], "unexpected": 1}, {"industry": "x" * 201, "plans": ["a"]}, [1, 2]],
)
def test_match_rejects_bad_bodies_with_422(client, body):
    error_of(client.post("/match", json=body), 422)


def test_match_rejects_malformed_json(client):
    error_of(client.post("/match", content=b"{not json", headers={"content-type": "application/json"}), 422)


# ------------------------------------------------------------------ SPARQL

SELECT = "PREFIX pol: <https://w3id.org/policykg/ns#> SELECT ?m ?path WHERE { ?m a pol:Measure ; pol:path ?path }"


def test_sparql_get_json_and_csv(client):
    r = client.get("/sparql", params={"query": SELECT})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/sparql-results+json")
    data = r.json()
    assert data["head"]["vars"] == ["m", "path"]
    assert "二（一）1" in {b["path"]["value"] for b in data["results"]["bindings"]}
    r = client.get("/sparql", params={"query": SELECT}, headers={"Accept": "text/csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.text.splitlines()[0] == "m,path"
    r = client.get("/sparql", params={"query": SELECT, "format": "csv"})
    assert r.headers["content-type"].startswith("text/csv")


def test_sparql_post_body_and_form(client):
    r = client.post("/sparql", content=SELECT.encode(), headers={"content-type": "application/sparql-query"})
    assert r.status_code == 200 and r.json()["results"]["bindings"]
    r = client.post("/sparql", data={"query": "ASK { ?s ?p ?o }"})
    assert r.status_code == 200 and r.json()["boolean"] is True
    error_of(client.post("/sparql", content=b"x", headers={"content-type": "text/plain"}), 415)


def test_sparql_row_limit(client, override_settings):
    override_settings(sparql_max_rows=2)
    r = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert len(r.json()["results"]["bindings"]) == 2 and r.headers["x-truncated"] == "true"


@pytest.mark.parametrize(
    "query",
    ["INSERT DATA { <urn:a> <urn:b> <urn:c> }", "DELETE WHERE { ?s ?p ?o }", "LOAD <http://example.org/x.ttl>",
     "CLEAR ALL", "DROP GRAPH <urn:g>", "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"],
)
def test_sparql_refuses_updates_load_and_service_with_403(client, query):
    assert error_of(client.get("/sparql", params={"query": query}), 403)["code"] == "sparql_refused"
    assert error_of(client.post("/sparql", content=query.encode(), headers={"content-type": "application/sparql-query"}),
                    403)["code"] == "sparql_refused"


def test_sparql_bad_queries(client):
    assert error_of(client.get("/sparql", params={"query": "SELEC * WHERE"}), 400)["code"] == "sparql_syntax"
    assert error_of(client.get("/sparql"), 400)["code"] == "missing_query"
    assert error_of(client.get("/sparql", params={"query": SELECT, "format": "xml"}), 422)["where"] == "query.format"
    assert error_of(client.get("/sparql", params={"query": SELECT}, headers={"Accept": "image/png"}), 406)


def test_runaway_sparql_is_stopped_by_the_time_limit_with_408(client, override_settings):
    override_settings(sparql_timeout_s=0.3)
    err = error_of(client.get("/sparql", params={"query": RUNAWAY}), 408)
    assert err["code"] == "sparql_timeout" and "0.3" in err["message"]
    assert client.get("/healthz").status_code == 200


# ------------------------------------------------------------------ export, health


@pytest.mark.parametrize(
    ("fmt", "media", "probe"),
    [("turtle", "text/turtle", "@prefix"), ("json-ld", "application/ld+json", "@context"),
     ("nt", "application/n-triples", "<https://w3id.org/policykg/")],
)
def test_export_formats(client, fmt, media, probe):
    r = client.get("/export", params={"format": fmt})
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    assert probe in r.text
    if fmt == "json-ld":
        json.loads(r.text)


def test_export_unknown_format_lists_valid_ones(client):
    err = error_of(client.get("/export", params={"format": "xml"}), 422)
    assert all(name in err["message"] for name in ("turtle", "json-ld", "nt"))


def test_healthz(client):
    data = client.get("/healthz").json()
    assert data["status"] == "ok" and data["documents"] >= 1 and data["triples"] > 0 and data["index_units"] > 0
    assert data["encoder"] and data["generation"] and data["problems"] == []
    assert client.head("/healthz").status_code == 200  # load balancers probe with HEAD


def test_page_and_openapi(client):
    r = client.get("/")
    assert r.status_code == 200 and 'charset="utf-8"' in r.text and r.headers["content-type"].startswith("text/html")
    assert client.get("/static/app.js").status_code == 200
    schema = client.get("/openapi.json").json()
    assert {"/search", "/units/{id}", "/departments/{id}", "/match", "/sparql", "/export", "/healthz"} <= set(schema["paths"])


# ------------------------------------------------------------------ limits


def test_oversized_body_is_413(client):
    err = error_of(client.post("/match", content=b"x" * 70_000, headers={"content-type": "application/json"}), 413)
    assert err["where"] == "body"
    big_query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 70_000
    error_of(client.post("/sparql", content=big_query.encode(), headers={"content-type": "application/sparql-query"}), 413)


def test_oversized_chunked_body_is_413(client):
    def chunks():
        for _ in range(20):
            yield b"y" * 8192

    error_of(client.post("/match", content=chunks(), headers={"content-type": "application/json"}), 413)


def test_body_limit_follows_settings(client, override_settings):
    override_settings(max_body_bytes=1024)
    error_of(client.post("/match", json={"industry": "x", "plans": ["y" * 2000]}), 413)


def test_long_query_strings_are_414(client, app):
    error_of(client.get("/search", params={"q": "机" * 3000}), 414)
    status, body = asgi_request(app, "GET", b"/search", query=b"q=" + b"a" * 100_000)
    assert status == 414 and json.loads(body)["error"]["code"] == "uri_too_long"


@pytest.mark.parametrize("query", [b"q=%FF%FE", b"q=%E6%9C", b"q=\xff"])
def test_invalid_utf8_in_query_is_400(app, query):
    status, body = asgi_request(app, "GET", b"/search", query=query)
    assert status == 400 and json.loads(body)["error"]["code"] == "invalid_utf8"


def test_invalid_utf8_in_path_and_body_is_400(client):
    assert error_of(client.get("/units/%FF%FE"), 400)["where"] == "path"
    err = error_of(client.post("/match", content=b'{"industry": "\xff", "plans": ["a"]}',
                               headers={"content-type": "application/json"}), 400)
    assert err["where"] == "body"
    error_of(client.post("/sparql", content=b"ASK {\xc3}", headers={"content-type": "application/sparql-query"}), 400)
    error_of(client.post("/sparql", content=b"query=%FF", headers={"content-type": "application/x-www-form-urlencoded"}), 400)


def test_unknown_route_and_method_are_json(client):
    assert error_of(client.get("/nowhere"), 404)["code"] == "not_found"
    assert error_of(client.delete("/search"), 405)["code"] == "method_not_allowed"
