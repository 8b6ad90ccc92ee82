"""Spreadsheet exports from the command line: ``--format csv|xlsx`` and ``-o FILE.csv|FILE.xlsx`` for search, owns,
targets and documents (kg/tabular.py, shared with the API), and ``owns --doc``."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from cli.main import app

runner = CliRunner()
PLAN = "shanghai-technical-transformation-plan-2018-2020"


def run(*args: str, data_dir: Path):
    return runner.invoke(app, [*args, "--data-dir", str(data_dir)])


def test_search_as_csv_names_each_hits_document(built_data_dir):
    result = run("search", "工业机器人", "-k", "3", "--format", "csv", data_dir=built_data_dir)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [r["rank"] for r in rows] == ["1", "2", "3"]
    assert all(r["document"] == PLAN and r["document_title"].startswith("上海市技术改造三年行动计划") for r in rows)
    assert all(r["path"] and r["text"] for r in rows)


def test_search_to_an_xlsx_file_infers_the_format(built_data_dir, tmp_path):
    out = tmp_path / "hits.xlsx"
    result = run("search", "工业机器人", "-k", "2", "-o", str(out), data_dir=built_data_dir)
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"2 hit(s) → {out}"
    sheet = load_workbook(out).active
    assert sheet.title == "检索结果"
    assert [c.value for c in sheet[1]][:4] == ["rank", "document", "document_title", "path"]
    assert sheet["A2"].value == 1 and sheet["B2"].value == PLAN and sheet.max_row == 3


def test_owns_doc_keeps_one_documents_work_and_exports_it(built_data_dir, tmp_path):
    whole = run("owns", "市经信委", "--format", "csv", data_dir=built_data_dir)
    assert whole.exit_code == 0, whole.output
    rows = list(csv.DictReader(io.StringIO(whole.output)))
    assert rows and {r["department"] for r in rows} == {"上海市经济和信息化委员会"}
    assert {r["basis"] for r in rows} <= {"explicit", "inferred"} and rows[0]["basis"] == "explicit"
    same = run("owns", "市经信委", "--doc", PLAN, "--format", "csv", data_dir=built_data_dir)
    assert len(list(csv.DictReader(io.StringIO(same.output)))) == len(rows)
    unknown = run("owns", "市经信委", "--doc", "no-such-plan", data_dir=built_data_dir)
    assert unknown.exit_code == 3 and "no document 'no-such-plan'" in unknown.output
    out = tmp_path / "owns.csv"
    assert run("owns", "市经信委", "-o", str(out), data_dir=built_data_dir).exit_code == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # a byte-order mark: Excel reads the Chinese right
    assert len(list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))) == len(rows)


def test_targets_and_documents_as_xlsx(built_data_dir, tmp_path):
    out = tmp_path / "targets.xlsx"
    result = run("targets", "--format", "xlsx", "-o", str(out), data_dir=built_data_dir)
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out).active
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["indicator", "comparator", "quantity"]
    quantities = [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert quantities and all(isinstance(q, (int, float)) for q in quantities)  # numbers, not text
    docs = tmp_path / "docs.xlsx"
    assert run("documents", "-o", str(docs), data_dir=built_data_dir).exit_code == 0
    rows = list(load_workbook(docs).active.iter_rows(values_only=True))
    assert rows[0][:2] == ("document", "title") and rows[1][0] == PLAN


def test_xlsx_without_a_file_and_an_unknown_format_are_one_line_errors(built_data_dir):
    for args in (["documents", "--format", "xlsx"], ["targets", "--format", "pdf"]):
        result = run(*args, data_dir=built_data_dir)
        assert result.exit_code == 2 and result.output.startswith("policykg: error: --format"), result.output


def test_owns_names_a_body_without_aliases_without_empty_parentheses(built_data_dir, monkeypatch):
    from dataclasses import replace

    import kg.queries

    real = kg.queries.department_view
    monkeypatch.setattr(kg.queries, "department_view", lambda *a, **k: replace(real(*a, **k), alt_labels=[]))
    result = run("owns", "市经信委", data_dir=built_data_dir)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "上海市经济和信息化委员会"  # no "  ()" after it


def test_an_xlsx_cell_with_a_control_character_exports_with_a_replacement_mark():
    """A user's needs pasted with a stray control character (the API fuzz test sent one to POST /match?format=xlsx)
    export: XML forbids the character, so it becomes U+FFFD, and the CSV keeps it as given."""
    from kg.tabular import Table, to_bytes

    table = Table("答案", ["rank", "needs"], [[1, "想换\x01生产线"]])
    sheet = load_workbook(io.BytesIO(to_bytes(table, "xlsx"))).active
    assert [c.value for c in sheet[2]] == [1, "想换\ufffd生产线"]
    assert "想换\x01生产线" in to_bytes(table, "csv").decode("utf-8-sig")
