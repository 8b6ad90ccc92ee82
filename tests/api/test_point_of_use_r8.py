"""The API at the point of use (eighth round, a reviewer's item 12): a numbering path two documents have is 409
``ambiguous_path`` naming them (it exists; the request must say which), and document filters that keep nothing
answer the same hint as ``policykg documents``, in the list's own shape. The documents of
tests/cli/test_point_of_use_r8.py; fake encoder."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_point_of_use_r8 import FILES
from tests.faults.helpers import api_client, build_corpus


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    data_dir: Path = build_corpus(tmp_path_factory, "point-of-use-api", FILES)
    with api_client(data_dir, raise_server_exceptions=False) as client:
        yield client


def test_a_path_of_two_documents_is_409_ambiguous_with_the_documents(client):
    response = client.get("/units", params={"path": "第八条"})
    assert response.status_code == 409, response.text
    error = response.json()["error"]
    assert (error["code"], error["where"]) == ("ambiguous_path", "query.path")
    assert error["candidates"] == ["leave-rules", "training-measures"]
    assert client.get("/units/第八条").json()["error"]["where"] == "path.id"
    named = client.get("/units", params={"path": "第八条", "document": "leave-rules"})
    assert named.status_code == 200 and named.json()["document"] == "leave-rules"


def test_a_path_no_document_has_is_still_404(client):
    response = client.get("/units", params={"path": "第九十九条"})
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_documents_filters_that_keep_nothing_give_the_clis_hint(client):
    body = client.get("/documents", params={"jurisdiction": "Shanghai"}).json()
    assert (body["count"], body["items"]) == (0, [])
    assert body["hint"] == "the documents hold: jurisdictions 中华人民共和国"
    every = client.get("/documents").json()
    assert every["count"] == 2 and "hint" not in every  # a list that holds documents is as it was
