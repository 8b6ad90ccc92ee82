"""A short name that bodies of two cities' documents share (市财政局), asked with no document, at the edges: the API
answers 409 ``ambiguous_name`` with the bodies' full names, the CLI one line and exit 2 (the input needs more, as
with bad input; 3 is kept for a name nothing has). With the document, or the full name, both answer. Two plans
written for these tests; fake encoder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from cli.shared import EXIT_BAD_INPUT, EXIT_NOT_FOUND
from tests.faults.helpers import api_client, build_corpus

runner = CliRunner()
ENV = {"POLICYKG_ENCODER": "fake"}

PLANS = {  # slug → (jurisdiction, text); each city's 市财政局 is its own body
    "north": ("某北市", ("某北市推进工业节能的实施方案\n北府办〔2031〕2号\n一、重点任务\n"
                         "（一）推进节能改造。市财政局负责安排节能改造专项资金。（市工业和信息化局配合）\n")),
    "south": ("某南市", ("某南市促进外贸发展的若干措施\n南府办〔2031〕7号\n一、支持措施\n"
                         "（一）加大出口信贷支持。市财政局会同市商务局对出口信用保险保费给予补贴。\n")),
}
BODIES = ["某北市财政局", "某南市财政局"]


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    files = {}
    for slug, (place, text) in PLANS.items():
        files[f"{slug}.txt"] = text
        files[f"{slug}.meta.json"] = json.dumps({"slug": slug, "jurisdiction": place})
    return build_corpus(tmp_path_factory, "two-cities", files)


@pytest.fixture(scope="module")
def client(data_dir):
    with api_client(data_dir, raise_server_exceptions=False) as client:
        yield client


def test_api_answers_a_shared_name_with_409_and_the_bodies_it_may_mean(client):
    response = client.get("/departments/市财政局")
    assert response.status_code == 409
    error = response.json()["error"]
    assert (error["code"], error["where"], error["candidates"]) == ("ambiguous_name", "path.id", BODIES)
    assert all(name in error["message"] for name in BODIES) and "doc" in error["message"]


@pytest.mark.parametrize("path, params, expected", [
    ("/departments/市财政局", {"doc": "north"}, "某北市财政局"),
    ("/departments/市财政局", {"doc": "south"}, "某南市财政局"),
    ("/departments/某南市财政局", {}, "某南市财政局"),
])
def test_api_reads_the_name_within_the_document_or_takes_the_full_name(client, path, params, expected):
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.json()["pref_label"] == expected


def test_api_keeps_404_for_a_name_nothing_has(client):
    response = client.get("/departments/市海洋局")
    assert (response.status_code, response.json()["error"]["code"]) == (404, "not_found")


def test_cli_answers_a_shared_name_with_one_line_and_exit_2(data_dir):
    result = runner.invoke(app, ["owns", "市财政局", "--data-dir", str(data_dir)], env=ENV)
    assert result.exit_code == EXIT_BAD_INPUT == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("policykg: error: '市财政局' names several departments: ")
    assert all(name in lines[0] for name in BODIES) and "--doc" in lines[0]


def test_cli_reads_the_name_within_the_document_and_keeps_3_for_a_name_nothing_has(data_dir):
    d = ["--data-dir", str(data_dir)]
    result = runner.invoke(app, ["owns", "市财政局", "--doc", "south", *d], env=ENV)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith("某南市财政局")
    result = runner.invoke(app, ["owns", "市海洋局", *d], env=ENV)
    assert result.exit_code == EXIT_NOT_FOUND == 3, result.output
