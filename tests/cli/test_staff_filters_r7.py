"""A civil servant lists the bodies of one place or of one name (issue 21): `policykg departments --jurisdiction`
keeps a place's bodies (滁州 finds 滁州市财政局, and 滁州海关 whose place is only in its name; 全国 the central
ones), `--name` a part of a name or an alias, the table shows each body's place and how often it is named, and
`targets --genre` keeps the targets of one genre of document. Over a graph of a city's task list in the notation
of local texts and a corpus-real national plan (no index)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from ingest.model import DocumentMeta
from ingest.pipeline import parse_plan, parse_text
from kg.build import build_graph

REAL = Path(__file__).resolve().parents[2] / "benchmarks" / "corpus_real"

TASKS = """某州市人民政府关于2031年市政府重点工作及责任分解的通知
某政〔2031〕2号
各县、市、区人民政府，市政府各部门：
现将2031年市政府重点工作及责任分解印发给你们，请认真贯彻落实。
一、确保完成全年主要预期目标
1. 地区生产总值增长7%以上。
牵头责任单位：市发展改革委。
协同责任单位：市财政局、某州海关。
2. 财政收入增长6%左右。
牵头责任单位：市财政局。
协同责任单位：市税务局。
某州市人民政府
2031年2月3日
"""


@pytest.fixture(scope="module")
def graph():
    return build_graph([parse_text(TASKS, DocumentMeta(slug="city-tasks", title="tasks", source_file="t.txt")),
                        parse_plan(REAL / "guofa-2019-004.txt")])


@pytest.fixture()
def invoke(graph, monkeypatch, tmp_path):
    import cli.staff as staff
    from cli.main import app

    class Ws:
        pass

    ws = Ws()
    ws.graph = graph
    monkeypatch.setattr(staff, "open_workspace", lambda settings: ws)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, [*args, "--data-dir", str(tmp_path)])


def _names(output: str) -> list[str]:
    return [line.split()[1] for line in output.splitlines()[2:] if line.startswith(("body-", "cn-"))]


def test_departments_of_a_place(invoke):
    got = invoke("departments", "--jurisdiction", "某州")
    assert got.exit_code == 0, got.output
    names = _names(got.output)
    assert "某州市财政局" in names and "某州市发展改革委" in names
    assert not any(n in names for n in ("教育部", "财政部"))
    assert "place" in got.output.splitlines()[0] and "named" in got.output.splitlines()[0]
    assert f"{len(names)} bodies of" in got.output


def test_departments_central_and_by_name(invoke):
    central = _names(invoke("departments", "--jurisdiction", "全国").output)
    assert "国务院教育行政部门" in central and not any(n.startswith("某州") for n in central)
    by_name = _names(invoke("departments", "--name", "财政").output)
    assert "某州市财政局" in by_name and all("财政" in n for n in by_name)
    none = invoke("departments", "--jurisdiction", "火星")
    assert none.exit_code == 0 and "0 bodies of" in none.output


def test_targets_by_genre(invoke):
    plans = invoke("targets", "--genre", "方案")  # the national notice issues a 实施方案
    assert plans.exit_code == 0, plans.output
    assert "guofa-2019-004" in plans.output and "city-tasks" not in plans.output
    notices = invoke("targets", "--genre", "通知")  # the notice itself
    assert "guofa-2019-004" in notices.output
    assert "0 target(s)" in invoke("targets", "--genre", "答复").output


def test_targets_show_the_year_of_their_document(invoke):
    """A target that names no year of its own (a work plan's 地区生产总值增长7%以上) is read with its document's year: the
    table gives it beside the deadline."""
    got = invoke("targets", "--doc", "guofa-2019-004")
    assert got.exit_code == 0, got.output
    header = got.output.splitlines()[0].split()
    assert header[4:6] == ["deadline", "issued"]
    rows = [line for line in got.output.splitlines()[2:] if "guofa-2019-004" in line]
    assert rows and all(" 2019 " in row for row in rows)
