"""`genre` on the API's document filters (issue 20): /documents, /targets and /search keep the documents of one
genre as the command line's --genre does; a value too long is the usual JSON error, naming the parameter."""

from __future__ import annotations


def test_documents_by_genre(client):
    every = client.get("/documents").json()["items"]
    plan = every[0]
    genre = plan["genre"]
    kept = client.get("/documents", params={"genre": genre}).json()
    assert kept["count"] >= 1 and all(d["genre"] == genre or d["issued_text_genre"].endswith(genre)
                                      for d in kept["items"])
    assert client.get("/documents", params={"genre": "reply"}).json()["count"] == sum(
        1 for d in every if d["genre"] in ("答复", "复函", "批复"))


def test_search_and_targets_by_genre_nothing_of_it(client):
    got = client.get("/search", params={"q": "工业机器人", "genre": "条例"})
    assert got.status_code == 200 and got.json()["hits"] == []
    body = client.post("/search", json={"q": "工业机器人", "genre": "条例"})
    assert body.status_code == 200 and body.json()["hits"] == []
    assert client.get("/targets", params={"genre": "条例"}).json()["count"] == 0


def test_genre_too_long_is_the_json_error(client):
    got = client.get("/documents", params={"genre": "办" * 51})
    assert got.status_code == 422
    error = got.json()["error"]
    assert error["code"] and "genre" in str(error)
