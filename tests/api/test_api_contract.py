"""POST /search for long questions, /docs without a CDN, and one name for a target's quantity everywhere."""

from __future__ import annotations

import re

import pytest

LONG_QUESTION = ("我们是一家位于郊区的汽车零部件企业，打算在未来两年里用工业机器人改造焊接和涂装生产线，"
                 "同时希望申请技术改造方面的贷款和补助。") * 15


def test_a_long_question_goes_in_a_post_body(client):
    assert 900 < len(LONG_QUESTION) <= 1000
    response = client.post("/search", json={"q": LONG_QUESTION, "k": 3, "kind": "measure"})
    assert response.status_code == 200, response.text
    data = response.json()
    assert 1 <= len(data["hits"]) <= 3 and {h["kind"] for h in data["hits"]} == {"measure"}
    assert "relevant" in data


def test_post_search_answers_like_get_search(client):
    got = client.get("/search", params={"q": "工业机器人", "k": 4}).json()
    posted = client.post("/search", json={"q": "工业机器人", "k": 4}).json()
    assert [h["iri"] for h in got["hits"]] == [h["iri"] for h in posted["hits"]]


@pytest.mark.parametrize(("body", "where"), [
    ({"q": "x" * 1001}, "body.q"), ({"q": "机器人", "k": 0}, "body.k"), ({"q": "机器人", "kind": ["nope"]}, "body.kind")])
def test_post_search_errors_name_the_body_field(client, body, where):
    response = client.post("/search", json=body)
    assert response.status_code == 422 and response.json()["error"]["where"] == where


def test_docs_load_nothing_from_another_host(client):
    page = client.get("/docs")
    assert page.status_code == 200
    urls = re.findall(r"""(?:src|href)=["']([^"']+)""", page.text)
    assert urls and all(u.startswith("/") for u in urls), urls
    for url in urls:
        if url.startswith("/docs-assets/"):
            assert client.get(url).status_code == 200, url
    assert "cdn" not in page.text.lower()


def test_a_target_has_the_same_field_names_in_search_and_targets(client):
    hit = next(h for h in client.get("/search", params={"q": "智能制造示范项目 多少个", "k": 10}).json()["hits"]
               if h["target"])
    listed = client.get("/targets").json()["items"][0]
    assert {"quantity", "quantity_max"} <= set(hit["target"]) and "value" not in hit["target"]
    assert {"quantity", "quantity_max"} <= set(listed)


def test_labels_of_roles_and_rules_come_from_the_ontology_in_both_languages(client):
    data = client.get("/labels").json()
    assert data["roles"]["evaluator"]["zh"] and data["roles"]["evaluator"]["en"] == "evaluator"
    assert all({"zh", "en"} <= set(labels) for labels in [*data["roles"].values(), *data["rules"].values()])


def test_a_units_span_points_into_its_documents_source(client):
    unit = client.get("/units/2.1.1").json()
    slug = unit["document"].rsplit("/", 1)[-1]
    source = client.get(f"/source/{slug}").json()["text"]
    assert source[unit["start"]:unit["end"]].startswith(unit["text"][:10])
    assert client.get("/source/no-such-document").status_code == 404
