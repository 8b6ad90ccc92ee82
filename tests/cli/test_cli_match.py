"""``policykg match`` through its runner on the bundled plan: the table, JSON, CSV and XLSX answers, a profile file,
and one-line errors with exit 2."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from cli.main import app

runner = CliRunner()
WELDER = ["--needs", "焊装车间的焊工越来越难招，想换成一排焊接机器人加自动上下料", "--industry", "汽车座椅骨架",
          "--place", "上海市嘉定区", "--size", "medium", "--today", "2026-12-07"]


def run(*args: str, data_dir: Path):
    return runner.invoke(app, ["match", *args, "--data-dir", str(data_dir)])


def test_the_table_gives_verdict_expiry_contact_and_the_plans_support(built_data_dir):
    result = run(*WELDER, "-k", "2", data_dir=built_data_dir)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("1. shanghai-technical-transformation-plan-2018-2020 二（一）")
    assert "符合条件" in result.output and "已过期  2020-12-31" in result.output
    assert "上海市经济和信息化委员会" in result.output and "资金支持" in result.output and "税收优惠" in result.output
    # every answer cites its document, section and span, and each kind of support the sentence it rests on
    assert "   出处  shanghai-technical-transformation-plan-2018-2020 二（一）" in result.output
    assert "     税收优惠：shanghai-technical-transformation-plan-2018-2020 三（" in result.output


def test_json_csv_and_xlsx_answers(built_data_dir, tmp_path):
    data = json.loads(run(*WELDER, "--format", "json", data_dir=built_data_dir).output)
    assert data["today"] == "2026-12-07" and data["measures"][0]["verdict"]["status"] == "eligible"
    rows = list(csv.DictReader(io.StringIO(run(*WELDER, "--format", "csv", data_dir=built_data_dir).output)))
    assert rows[0]["verdict"] == "eligible" and rows[0]["expired_on"] == "2020-12-31"
    assert int(rows[0]["end"]) > int(rows[0]["start"]) and "[" in rows[0]["support_evidence"]
    out = tmp_path / "answer.xlsx"
    assert run(*WELDER, "--format", "xlsx", "-o", str(out), data_dir=built_data_dir).exit_code == 0
    from openpyxl import load_workbook

    book = load_workbook(out)
    sheet = book["答案"]
    assert [c.value for c in sheet[1]][:3] == ["rank", "document", "path"] and sheet.max_row >= 2
    support = book["支持"]
    assert [c.value for c in support[1]][-3:] == ["start", "end", "text"] and support.max_row >= 2


def test_a_profile_file_and_options_on_top(built_data_dir, tmp_path):
    profile = tmp_path / "p.yaml"
    profile.write_text("needs: 想换成焊接机器人\nplace: 江苏省昆山市\nsize: medium\n", encoding="utf-8")
    data = json.loads(run("--profile", str(profile), "--format", "json", data_dir=built_data_dir).output)
    assert data["measures"][0]["verdict"]["status"] == "not_eligible"  # 昆山 lies outside 上海市
    data = json.loads(run("--profile", str(profile), "--place", "上海市闵行区", "--format", "json",
                          data_dir=built_data_dir).output)
    assert data["measures"][0]["verdict"]["status"] == "eligible"


def test_a_missing_field_is_asked_for_in_the_users_language_with_its_option(built_data_dir):
    out = run("--needs", "想换成焊接机器人", "-k", "1", "--today", "2026-12-07", data_dir=built_data_dir).output
    assert "请填写 所在地（--place / place）" in out


def test_bad_input_is_one_line_and_exit_2(built_data_dir, tmp_path):
    for args in (["--format", "xlsx", "--needs", "x"], ["--format", "pdf", "--needs", "x"], ["--today", "June", "--needs", "x"],
                 ["--size", "small"], ["--profile", str(tmp_path / "missing.json")]):
        result = run(*args, data_dir=built_data_dir)
        assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1, (args, result.output)
