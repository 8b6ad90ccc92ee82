"""The command line's output and option parsing: wrapped tables, whole `show`, path spellings, quoted errors,
global options before the command, exit codes, a closed pipe."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from cli.main import app, move_global_options
from cli.render import NO_WRAP, table, width, wrap

runner = CliRunner()
LONG = "实施以机器人应用为特征的自动化改造。以提质增效为目标，支持企业利用数控机床与工业机器人进行技术改造升级。"


@pytest.mark.parametrize("columns", [10, 17, 40])
def test_wrap_keeps_every_character_within_the_width(columns):
    lines = wrap(LONG, columns)
    assert "".join(lines) == LONG
    assert all(width(line) <= columns for line in lines)


def test_a_table_wraps_text_and_never_breaks_a_key():
    key = "shanghai-technical-transformation-plan-2018-2020"
    out = table(["key", "text"], [(key, LONG)], max_col=20, total=80)
    assert key in out.splitlines()[2]
    assert "".join(line[len(key):].strip() for line in out.splitlines()[2:]) == LONG
    assert "…" not in out and "key" in NO_WRAP


@pytest.mark.parametrize(("args", "expected"), [
    (["--data-dir", "d", "show", "2.1.1"], ["show", "--data-dir", "d", "2.1.1"]),
    (["--data-dir=d", "--json", "owns", "x"], ["owns", "--data-dir=d", "--json", "x"]),
    (["show", "2.1.1", "--data-dir", "d"], ["show", "2.1.1", "--data-dir", "d"]),
    (["--json", "export"], ["--json", "export"]),  # export has no --json: left for the parser to refuse
    (["--data-dir", "show", "status"], ["status", "--data-dir", "show"]),  # "show" is the option's value
])
def test_global_options_move_after_the_command(args, expected):
    from typer.main import get_command

    assert move_global_options(args, get_command(app).commands) == expected


def _run(*args: str):
    return runner.invoke(app, list(args))


@pytest.mark.parametrize("path", ["二(一)1", "二（一）1", "二.1.1", " 二 (1) 1", "2.1.1"])
def test_show_accepts_common_spellings_of_a_path(built_data_dir, path):
    result = _run("show", path, "--data-dir", str(built_data_dir))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("二（一）1  [measure]")


def test_show_prints_concepts_and_whole_text(built_data_dir):
    out = _run("show", "2.1.1", "--data-dir", str(built_data_dir)).output
    assert "concepts: " in out and "工业机器人" in out
    assert "提高劳动生产率和产品优质率。" in out  # the end of the text, not cut


def test_an_unknown_path_keeps_its_quotes_and_suggests(built_data_dir):
    result = _run("show", "二（九）9", "--data-dir", str(built_data_dir))
    assert result.exit_code == 3
    assert "'二（九）9'" in result.output and "did you mean" in result.output


def test_global_options_work_before_the_command(built_data_dir):
    result = _run("--data-dir", str(built_data_dir), "--json", "show", "2.1.1")
    assert result.exit_code == 0, result.output
    assert '"key": "2.1.1"' in result.output


def test_a_missing_file_is_bad_input(tmp_path):
    result = _run("ingest", str(tmp_path / "missing.txt"), "--data-dir", str(tmp_path / "data"))
    assert result.exit_code == 2 and "missing.txt" in result.output
    assert not (tmp_path / "data").exists() or not any((tmp_path / "data").iterdir())


def test_search_shows_whole_titles_and_a_document_column(built_data_dir):
    out = _run("search", "工业机器人", "-k", "3", "--data-dir", str(built_data_dir)).output
    assert "document" in out.splitlines()[0] and "shanghai-technical-transformation-plan-2018-2020" in out
    assert "…" not in out


def test_a_closed_pipe_ends_quietly(built_data_dir):
    env = {**os.environ, "POLICYKG_DATA_DIR": str(built_data_dir)}
    script = f"set -o pipefail; {sys.executable} -m cli.main export --format nt | head -c 10 > /dev/null"
    done = subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "Broken pipe" not in done.stderr


def test_show_prints_who_is_responsible_from_the_enclosing_unit(capsys):
    """A unit the text names nobody for shows its owners (kg.views.owners) and the unit that names them."""
    from cli.render import unit_text
    from kg.views import ResponsibilityView, UnitView

    owner = ResponsibilityView(iri="r", agent_iri="o", agent_name="市经济信息化委", unit_iri="t", unit_path="一（一）",
                               unit_heading="推进工厂节能改造", unit_kind="task", role="lead", basis="explicit",
                               evidence="（牵头单位：市经济信息化委）", rule="", start=1, end=9)
    unit = UnitView(iri="m", key="1.1.1", kind="measure", path="一（一）1", heading="支持企业更新高效电机",
                    text="支持企业更新高效电机。", start=0, end=11, document="energy-plan", document_title="方案",
                    parent=None, children=[], targets=[], supports=[], concepts=[], citations=[], responsibilities=[],
                    owners=[owner])
    out = unit_text(unit)
    assert "owners (named for 一（一）):" in out and "市经济信息化委" in out and "（牵头单位：市经济信息化委）" in out


def test_help_lists_every_command_once_under_the_group_of_its_users():
    from cli.main import GROUPS

    out = runner.invoke(app, ["--help"], env={"COLUMNS": "120"}).output
    lines = out.splitlines()
    sections = {}
    for title, _commands in GROUPS:
        at = lines.index(f"{title}:")
        rest = lines[at + 1:]
        sections[title] = [line.split()[0] for line in rest[:next((i for i, x in enumerate(rest) if not x.strip()),
                                                                  len(rest))]]
    assert sections == {title: [c.__name__ for c in commands] for title, commands in GROUPS}
    assert sorted(sum(sections.values(), [])) == sorted(c.callback.__name__ for c in app.registered_commands)
    assert "Commands:" not in out


def test_search_facets_count_the_candidates_as_the_api_does(built_data_dir):
    """``--facets`` adds the API's facet counts (kg/facets.py): over the candidates, not only the hits shown."""
    import json

    plain = json.loads(_run("search", "工业机器人改造", "-k", "3", "--json", "--data-dir", str(built_data_dir)).stdout)
    data = json.loads(_run("search", "工业机器人改造", "-k", "3", "--json", "--facets",
                           "--data-dir", str(built_data_dir)).stdout)
    assert plain["facets"] is None and data["hits"] == plain["hits"]
    facets = data["facets"]
    assert facets["counted"] > 3 and sum(c["count"] for c in facets["kind"]) == facets["counted"]
    assert facets["year"] == [{"value": "2018", "count": facets["counted"]}]
    out = _run("search", "工业机器人改造", "-k", "3", "--facets", "--data-dir", str(built_data_dir)).output
    assert f"where the {facets['counted']} best candidates lie" in out and "by kind" in out
