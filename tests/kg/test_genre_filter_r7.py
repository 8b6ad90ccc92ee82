"""A researcher keeps documents of one genre (issue 20): `documents_matching(genre=…)` answers by the document's own
genre and by the genre of the text a notice issues (国务院关于印发…暂行办法的通知 is asked for as 办法), in Chinese or
with the English a reader writes (measures, reply); the CLI's `documents --genre` shows both genres and, when a
filter keeps nothing, says what the documents hold."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from ingest.model import DocumentMeta
from ingest.pipeline import parse_plan, parse_text
from kg.build import build_graph
from kg.queries import documents_matching

REAL = Path(__file__).resolve().parents[2] / "benchmarks" / "corpus_real"

# a city's own rules in articles, invented in the notation of local texts
RULES = """某某市河道保洁管理办法
市人民政府令第88号
《某某市河道保洁管理办法》已经2031年3月2日市人民政府常务会议通过，现予公布，自2031年5月1日起施行。
第一条 为了加强河道保洁管理，制定本办法。
第二条 市水务局负责本办法的组织实施。
"""


@pytest.fixture(scope="module")
def graph():
    docs = [parse_plan(REAL / "guofa-2018-041.txt"),  # a notice issuing 暂行办法
            parse_plan(REAL / "guobanhan-2006-069.txt"),  # a reply to a deputy's suggestion
            parse_plan(REAL / "guohan-1996-095.txt"),  # 批复
            parse_text(RULES, DocumentMeta(slug="river-rules", title="river", source_file="river.txt"))]
    return build_graph(docs)


@pytest.mark.parametrize(("asked", "slugs"), [
    ("办法", ["guofa-2018-041", "river-rules"]),  # its own genre, and that of the text a notice issues
    ("暂行办法", ["guofa-2018-041"]),  # the longer form the notice's text carries
    ("管理办法", ["river-rules"]),  # a title ending 管理办法 is filed as 办法
    ("通知", ["guofa-2018-041"]),
    ("答复", ["guobanhan-2006-069"]),
    ("reply", ["guobanhan-2006-069", "guohan-1996-095"]),  # 答复 and 批复 both answer someone
    ("Measures", ["guofa-2018-041", "river-rules"]),
    ("规划", []),
])
def test_genre_filter(graph, asked, slugs):
    assert documents_matching(graph, genre=asked) == slugs


def test_genre_combines_with_the_other_filters(graph):
    assert documents_matching(graph, genre="办法", year=2018) == ["guofa-2018-041"]
    assert documents_matching(graph, genre="办法", jurisdiction="national") == ["guofa-2018-041"]
    assert documents_matching(graph, genre=" ") == documents_matching(graph)


def test_cli_documents_by_genre(tmp_path, monkeypatch, graph):
    """`policykg documents --genre 办法` lists the notice as 通知（办法）; a jurisdiction nothing has prints an empty
    table and one line naming the jurisdictions the documents hold."""
    import cli.researchers as researchers
    from cli.main import app

    class Ws:
        pass

    ws = Ws()
    ws.graph = graph
    monkeypatch.setattr(researchers, "open_workspace", lambda settings: ws)
    runner = CliRunner()
    got = runner.invoke(app, ["documents", "--genre", "办法", "--data-dir", str(tmp_path)])
    assert got.exit_code == 0, got.output
    assert "通知（办法）" in got.output and "2 document(s)" in got.output
    assert "guobanhan-2006-069" not in got.output
    none = runner.invoke(app, ["documents", "--jurisdiction", "火星", "--data-dir", str(tmp_path)])
    assert none.exit_code == 0
    assert "0 document(s)" in none.output
    assert "the documents hold: jurisdictions" in none.output and "中华人民共和国" in none.output
