"""``policykg owns`` and ``GET /departments/{id}`` for a body a document names but gives no duty (the ministry
whose request a reply answers; ``departments --candidates``): exit 0 / 200, nothing owned, and where it is named
with the characters; exit 3 / 404 only for a name no document writes. A reply written for these tests (the one of
tests/kg/test_named_without_duty.py); fake encoder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from cli.shared import EXIT_NOT_FOUND
from tests.faults.helpers import api_client, build_corpus
from tests.kg.test_named_without_duty import MINISTRY, REPLY, SENTENCE

runner = CliRunner()
ENV = {"POLICYKG_ENCODER": "fake"}


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    meta = json.dumps({"slug": "reply", "jurisdiction": "中华人民共和国"})
    return build_corpus(tmp_path_factory, "reply", {"reply.txt": REPLY, "reply.meta.json": meta})


@pytest.fixture(scope="module")
def client(data_dir):
    with api_client(data_dir, raise_server_exceptions=False) as client:
        yield client


def _owns(data_dir: Path, *args: str):
    return runner.invoke(app, ["owns", *args, "--data-dir", str(data_dir)], env=ENV)


def test_owns_a_named_ministry_says_where_it_is_named_with_exit_0(data_dir):
    result = _owns(data_dir, MINISTRY)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == MINISTRY
    assert lines[1].startswith("no body in the graph: named in the documents, given no duty there (")
    assert "explicit (0):" in lines and "inferred (0):" in lines
    start = REPLY.index(SENTENCE)
    assert f"[{start}, {start + len(MINISTRY)})" in result.output
    assert "named, given no duty there (" in result.output and "序言" in result.output


def test_owns_json_gives_the_evidence_span(data_dir):
    result = _owns(data_dir, MINISTRY, "--json")
    assert result.exit_code == 0, result.output
    view = json.loads(result.output)
    assert (view["category"], view["iri"], view["responsibilities"]) == ("candidate", "", {"explicit": [], "inferred": []})
    first = view["named_without_duty"][0]
    assert REPLY[first["start"]:first["end"]] == MINISTRY
    assert (first["evidence"], first["unit_path"], first["document"]) == (SENTENCE, "序言", "reply")


def test_owns_a_name_no_document_writes_is_exit_3(data_dir):
    result = _owns(data_dir, "国家海洋局")
    assert result.exit_code == EXIT_NOT_FOUND == 3, result.output
    assert result.output.strip().startswith("policykg: error: no department '国家海洋局'")


def test_owns_a_body_that_acts_is_unchanged(data_dir):
    result = _owns(data_dir, "山东省人民政府")
    assert result.exit_code == 0, result.output
    assert "explicit (2):" in result.output and "named, given no duty" not in result.output


def test_api_answers_the_named_ministry_with_200_and_the_span(client):
    response = client.get("/departments/" + MINISTRY)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["category"] == "candidate" and body["responsibilities"] == {"explicit": [], "inferred": []}
    first = body["named_without_duty"][0]
    assert (REPLY[first["start"]:first["end"]], first["evidence"]) == (MINISTRY, SENTENCE)


def test_api_keeps_404_for_a_name_no_document_writes(client):
    response = client.get("/departments/国家海洋局")
    assert (response.status_code, response.json()["error"]["code"]) == (404, "not_found")
