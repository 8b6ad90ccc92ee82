"""The policykg command line through its runner: exit codes and output, on the bundled corpus."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from rdflib import Graph
from typer.testing import CliRunner

from cli.main import app
from tests.support import SEED, tree_digest

runner = CliRunner()


def run(*args: str, data_dir: Path):
    return runner.invoke(app, [*args, "--data-dir", str(data_dir)])


def test_status_reports_the_built_corpus(built_data_dir):
    result = run("status", data_dir=built_data_dir)
    assert result.exit_code == 0, result.output
    assert "shanghai-technical-transformation-plan-2018-2020" in result.output
    assert "triples" in result.output


def test_first_command_builds_from_the_bundled_corpus(tmp_path):
    assert run("documents", "--json", data_dir=tmp_path / "fresh").exit_code == 0  # status reports a missing dir
    result = run("status", "--json", data_dir=tmp_path / "fresh")
    assert result.exit_code == 0, result.output
    manifest = json.loads(result.stdout)
    assert [d["slug"] for d in manifest["documents"]] == [SEED.stem]
    assert manifest["documents"][0]["targets"] == 11


def test_search_json_is_the_contract(built_data_dir):
    result = run("search", "工厂想用工业机器人改造生产线", "--json", "--top-k", "3", data_dir=built_data_dir)
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert set(body) >= {"query", "took_ms", "hits"}
    top = body["hits"][0]
    assert top["path"] == "二（一）1"
    assert set(top) >= {"iri", "kind", "path", "heading", "text", "score", "scores", "highlights", "context"}
    assert set(top["scores"]) == {"bm25", "dense"}


def test_search_table_shows_path_and_departments(built_data_dir):
    result = run("search", "研发费用加计扣除", "-k", "2", data_dir=built_data_dir)
    assert result.exit_code == 0, result.output
    assert "三（三）" in result.output
    assert "hits in" in result.output


@pytest.mark.parametrize("query", ["", "   ", "x" * 10_000])
def test_bad_query_is_one_line_and_exit_2(built_data_dir, query):
    result = run("search", query, data_dir=built_data_dir)
    assert result.exit_code == 2
    assert result.output.strip().startswith("policykg: error:")
    assert "Traceback" not in result.output


def test_show_by_path_key_and_unknown(built_data_dir):
    by_path = run("show", "二（一）1", data_dir=built_data_dir)
    assert by_path.exit_code == 0, by_path.output
    assert "实施以机器人应用为特征的自动化改造" in by_path.output
    by_key = run("show", "2.1.1", "--json", data_dir=built_data_dir)
    assert json.loads(by_key.stdout)["path"] == "二（一）1"
    unknown = run("show", "九（九）9", data_dir=built_data_dir)
    assert unknown.exit_code == 3
    assert "九（九）9" in unknown.output


def test_owns_resolves_an_alias_and_separates_inferred(built_data_dir):
    result = run("owns", "市经信委", "--json", data_dir=built_data_dir)
    assert result.exit_code == 0, result.output
    view = json.loads(result.stdout)
    assert view["pref_label"] == "上海市经济和信息化委员会"
    explicit, inferred = view["responsibilities"]["explicit"], view["responsibilities"]["inferred"]
    assert any("评估" in r["evidence"] for r in explicit)
    assert {r["role"] for r in explicit} >= {"evaluator", "supervisor", "participant"}
    # the seed names no owner for its tasks: nothing is inferred (issue 7 removed the plan-supervisor lead)
    assert inferred == []


def test_departments_lists_the_named_bodies(built_data_dir):
    result = run("departments", "--json", data_dir=built_data_dir)
    assert result.exit_code == 0, result.output
    names = {d["pref_label"] for d in json.loads(result.stdout)}
    assert {"上海市人民政府", "上海市财政局", "上海市技术改造联席会议"} <= names


def test_export_turtle_parses_back(built_data_dir, tmp_path):
    out = tmp_path / "graph.ttl"
    result = run("export", "--format", "turtle", "-o", str(out), data_dir=built_data_dir)
    assert result.exit_code == 0, result.output
    assert len(Graph().parse(out, format="turtle")) > 1000
    bad = run("export", "--format", "xml", data_dir=built_data_dir)
    assert bad.exit_code == 2
    assert "turtle" in bad.output


def test_sparql_counts_measures_and_refuses_updates(built_data_dir):
    result = run("sparql", "SELECT (COUNT(?m) AS ?n) WHERE { ?m a pol:Measure }", data_dir=built_data_dir)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["results"]["bindings"][0]["n"]["value"] == "18"
    refused = run("sparql", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", data_dir=built_data_dir)
    assert refused.exit_code == 2
    assert "policykg: error:" in refused.output


def test_validate_passes(built_data_dir):
    result = run("validate", data_dir=built_data_dir)
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


@pytest.fixture()
def own_data_dir(built_data_dir, tmp_path):
    """A private copy of the built data dir for tests that ingest into it."""
    target = tmp_path / "data"
    shutil.copytree(built_data_dir, target, symlinks=True)
    return target


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "empty"),
        (b"\x00\x01\x02\x03binary\x00\x00", "binary"),
        ("关于某事的通知\n国发〔2031〕1号\n国务院\n2031年1月1日\n".encode(), "no body text"),
        (b"\xe4\xb8\x80\xff\xfe\xfa broken", "undecodable"),
    ],
)
def test_bad_file_leaves_the_data_untouched(own_data_dir, tmp_path, content, reason):
    before = tree_digest(own_data_dir)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = run("ingest", str(bad), data_dir=own_data_dir)
    assert result.exit_code == 2, result.output
    message = result.output.strip().splitlines()[-1]
    assert "bad.txt" in message and reason in message.lower()
    assert tree_digest(own_data_dir) == before


def test_reingesting_the_same_document_changes_nothing(own_data_dir):
    before = json.loads(run("status", "--json", data_dir=own_data_dir).stdout)
    result = run("ingest", str(SEED), data_dir=own_data_dir)
    assert result.exit_code == 0, result.output
    assert f"unchanged {SEED}" in result.output  # issue 9: an unchanged file builds no new generation
    after = json.loads(run("status", "--json", data_dir=own_data_dir).stdout)
    assert after["generation"] == before["generation"]
    assert after["triples"] == before["triples"]
    assert after["documents"] == before["documents"]


def test_interrupted_ingest_keeps_the_previous_generation(own_data_dir, monkeypatch):
    import search

    before = tree_digest(own_data_dir)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(search.SearchIndex, "build", interrupted)
    # --replace: an unchanged file alone builds nothing since issue 9, and this test needs a build to interrupt
    result = run("ingest", "--replace", str(SEED), data_dir=own_data_dir)
    assert result.exit_code != 0
    assert tree_digest(own_data_dir) == before


def test_a_bad_setting_is_one_line_naming_it(built_data_dir, monkeypatch):
    monkeypatch.setenv("POLICYKG_FUSION", "borda")
    result = run("search", "工业机器人", data_dir=built_data_dir)
    assert result.exit_code == 2
    assert result.output.strip() == (
        "policykg: error: invalid setting fusion='borda': Input should be 'weighted' or 'rrf' "
        "(check the POLICYKG_* environment variables)"
    )


def test_unknown_department_suggests_close_names(built_data_dir):
    result = run("owns", "市经委", data_dir=built_data_dir)
    assert result.exit_code == 3
    assert "市经信委" in result.output


def test_a_sentence_transformers_index_and_a_mismatched_query(tmp_path, monkeypatch):
    """Build with a local sentence-transformers model (offline), search it, then query with another encoder."""
    from tests.support import bundled_minilm_dir

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    data_dir = tmp_path / "st"
    encoder = f"sentence-transformers:{bundled_minilm_dir()}"
    built = runner.invoke(app, ["ingest", str(SEED), "--encoder", encoder, "--json", "--data-dir", str(data_dir)])
    assert built.exit_code == 0, built.output
    monkeypatch.setenv("POLICYKG_ENCODER", encoder)
    found = run("search", "industrial robots", "--json", "-k", "1", data_dir=data_dir)
    assert found.exit_code == 0, found.output
    assert len(json.loads(found.stdout)["hits"]) == 1
    monkeypatch.setenv("POLICYKG_ENCODER", "e5-small")
    mismatched = run("search", "industrial robots", data_dir=data_dir)
    assert mismatched.exit_code == 1
    assert "was built with encoder" in mismatched.output and "rebuild" in mismatched.output


@pytest.mark.parametrize("victim", ["index/meta.json", "graph.nt"])
def test_a_corrupt_generation_is_one_line_saying_how_to_rebuild(own_data_dir, victim):
    (own_data_dir / "current" / victim).write_text("{ this is not what was written", encoding="utf-8")
    result = run("search", "工业机器人", data_dir=own_data_dir) if victim.startswith("index") else \
        run("show", "二（一）1", data_dir=own_data_dir)
    assert result.exit_code == 1, result.output
    line = result.output.strip()
    assert line.startswith("policykg: error:") and "\n" not in line
    assert victim.split("/")[-1] in line and "policykg ingest" in line


def test_a_second_writer_is_told_in_one_line_with_exit_75(own_data_dir):
    """An ingest while another holds the data dir's writer lock: refused at once, naming the holder, data unchanged."""
    from cli.main import EXIT_BUSY
    from workspace.datadir import writer_lock

    with writer_lock(own_data_dir):  # as a running ingest holds it
        before = tree_digest(own_data_dir)
        result = run("ingest", str(SEED), data_dir=own_data_dir)
        assert tree_digest(own_data_dir) == before
    assert result.exit_code == EXIT_BUSY == 75
    line = result.output.strip().splitlines()[-1]
    assert line.startswith("policykg: error: another ingest is running in") and "--wait" in line


def test_status_never_rebuilds_over_a_broken_data_dir(own_data_dir):
    (own_data_dir / "current" / "manifest.json").write_text("{}", encoding="utf-8")
    before = tree_digest(own_data_dir)
    result = run("status", data_dir=own_data_dir)
    assert result.exit_code == 1
    line = result.output.strip()
    assert "\n" not in line and "manifest.json" in line and "policykg ingest --replace" in line
    assert tree_digest(own_data_dir) == before


def test_search_says_when_nothing_in_the_documents_answers(built_data_dir):
    result = run("search", "where can I buy tickets for the football final", "-k", "2", data_dir=built_data_dir)
    assert result.exit_code == 0
    assert result.output.startswith("Nothing in the documents answers this question")
    answered = run("search", "研发费用加计扣除", "-k", "1", data_dir=built_data_dir)
    assert "Nothing in the documents" not in answered.output
