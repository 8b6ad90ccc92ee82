"""``function=`` on GET and POST /search: only hits that do that, each hit naming its function."""

from __future__ import annotations

from tests.api.test_endpoints import error_of


def test_get_search_keeps_only_the_function_asked(client):
    r = client.get("/search", params={"q": "补贴 资金支持", "function": "support", "k": 5})
    assert r.status_code == 200
    hits = r.json()["hits"]
    assert hits
    assert {h["function"] for h in hits} == {"support"}
    assert all(h["function_cue"] for h in hits)


def test_post_search_takes_function_in_the_body(client):
    r = client.post("/search", json={"q": "推进智能化改造", "k": 5, "function": ["action", "support"]})
    assert r.status_code == 200
    assert {h["function"] for h in r.json()["hits"]} <= {"action", "support"}


def test_an_unknown_function_is_a_422_naming_the_valid_ones(client):
    err = error_of(client.get("/search", params={"q": "补贴", "function": "subsidy"}), 422)
    assert err["where"] == "query.function"
    assert "support" in err["message"]
    err = error_of(client.post("/search", json={"q": "补贴", "function": "subsidy"}), 422)
    assert err["where"] == "body.function"


def test_the_new_structural_kinds_are_accepted(client):
    assert client.get("/search", params={"q": "补贴", "kind": "paragraph"}).status_code == 200
    assert client.get("/search", params={"q": "补贴", "kind": "notice"}).status_code == 200
