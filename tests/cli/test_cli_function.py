"""``policykg search --function``: what a unit does, in any genre; --kind stays the structural kind."""

from __future__ import annotations

import json

from tests.cli.test_cli import run


def test_search_function_support_gives_only_support(built_data_dir):
    result = run("search", "补贴 资金支持", "--function", "support", "--json", "-k", "5", data_dir=built_data_dir)
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)["hits"]
    assert hits and {h["function"] for h in hits} == {"support"}


def test_search_table_shows_the_function(built_data_dir):
    result = run("search", "研发费用加计扣除", "-k", "2", data_dir=built_data_dir)
    assert result.exit_code == 0, result.output
    assert "function" in result.output.splitlines()[0]


def test_an_unknown_function_fails_with_the_valid_ones(built_data_dir):
    result = run("search", "补贴", "--function", "subsidy", data_dir=built_data_dir)
    assert result.exit_code == 2
    assert "valid: goal, action, support, rule, duty, decision, context" in result.output


def test_kind_accepts_paragraph_and_notice(built_data_dir):
    for kind in ("paragraph", "notice"):
        result = run("search", "补贴", "--kind", kind, "--json", data_dir=built_data_dir)
        assert result.exit_code == 0, result.output


def test_the_help_says_kind_is_structure_and_function_is_what_a_unit_does():
    from typer.testing import CliRunner

    from cli.main import app

    text = " ".join(CliRunner().invoke(app, ["search", "--help"], env={"COLUMNS": "200"}).output.split())
    assert "structural kind" in text and "--function" in text


def test_a_kind_no_unit_has_says_what_kind_filters(built_data_dir):
    result = run("search", "补贴", "--kind", "paragraph", data_dir=built_data_dir)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("No unit of kind paragraph answers; --kind keeps a structural kind")
    assert "--function" in result.output
