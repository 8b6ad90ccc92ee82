"""What a user of the HTTP API meets (sixth round's hand-run flows): a body that is no JSON is told at which
character and why, not ``body[16]: JSON decode error``; a field the body does not take is named with the fields
it does; a department name of blanks is bad input, not an unknown body; a short name two cities share is 409 with
both full names; a document that repeals one not loaded names it by title and 发文字号. The corpus of
tests/cli/test_flows_r6.py (one real State Council document, two city notices written for the tests); fake
encoder."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_flows_r6 import flows_r6_data_dir
from tests.faults.helpers import api_client


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    return flows_r6_data_dir(tmp_path_factory)


@pytest.fixture(scope="module")
def client(data_dir):
    with api_client(data_dir, raise_server_exceptions=False) as client:
        yield client


def _error(response, status: int) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}, body
    assert {"code", "message", "where"} <= set(body["error"]), body
    return body["error"]


def test_a_body_that_is_no_json_says_where_and_why(client):
    error = _error(client.post("/match", content='{"needs": "吸纳就业补贴",'.encode(),
                               headers={"Content-Type": "application/json"}), 422)
    assert error["where"] == "body"
    assert "not valid JSON at character" in error["message"]
    assert "Expecting property name" in error["message"]


def test_a_field_the_body_does_not_take_is_named_with_those_it_does(client):
    error = _error(client.post("/match", json={"needs": "吸纳就业补贴", "employes": 12}), 422)
    assert error["where"] == "body.employes"
    assert "unknown field 'employes'" in error["message"]
    assert "employees" in error["message"] and "unemployment_premiums_last_year" in error["message"]
    nested = _error(client.post("/match", json={"needs": "x", "person": {"agee": 30}}), 422)
    assert nested["where"] == "body.person.agee"
    assert "unknown field 'agee'" in nested["message"]
    searched = _error(client.post("/search", json={"q": "补贴", "top_k": 3}), 422)
    assert "unknown field 'top_k'" in searched["message"] and " k," in searched["message"]


def test_a_department_name_of_blanks_is_bad_input(client):
    error = _error(client.get("/departments/%20%20"), 422)
    assert error["code"] == "invalid_input" and error["where"] == "path.id"
    assert "empty" in error["message"]


def test_a_short_name_two_cities_share_is_409_with_both_full_names(client):
    error = _error(client.get("/departments/市财政局"), 409)
    assert error["code"] == "ambiguous_name"
    assert sorted(error["candidates"]) == ["惠州市财政局", "江门市财政局"]
    one = client.get("/departments/市财政局", params={"doc": "jiangmen-notice"})
    assert one.status_code == 200 and one.json()["pref_label"] == "江门市财政局"


def test_a_repealed_text_not_loaded_is_named_by_title_and_number(client):
    doc = client.get("/documents/guobanfa-2018-117").json()
    assert [(r["slug"], r["identifier"]) for r in doc["replaces"]] == [("", "国办发〔2016〕82号")]
    assert "加大激励支持力度" in doc["replaces"][0]["title"]


def test_a_query_of_punctuation_only_is_422(client):
    error = _error(client.get("/search", params={"q": "？？"}), 422)
    assert error["code"] == "invalid_query" and error["where"] == "query.q"
    assert "no word" in error["message"]
    posted = _error(client.post("/search", json={"q": "!!!"}), 422)
    assert posted["where"] == "body.q"
