"""What a new user of the command line meets (fifth round's hand-run flows): an option value click refuses is one
line like every other error; a size, a profile file, a filter that matches nothing say what is wrong; English
place and issuer names filter as the Chinese ones do; a body's name written in the traditional script, as a
traditional-script document writes it, finds the body; a document with no date of issue is filed under the year
of its number. Two real State Council documents of benchmarks/corpus_real and a city notice written for these
tests in the traditional script; fake encoder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "benchmarks" / "corpus_real"
runner = CliRunner()
ENV = {"POLICYKG_ENCODER": "fake", "POLICYKG_SERVER": "0"}

# Written for these tests, in the traditional script, with no date of issue (only its number): a city's notice
# whose items each end with the bureaus that carry them out.
CITY_NOTICE = """佛府〔2023〕12號
佛山市人民政府關於支持小微企業穩定用工的通知
各區人民政府，市政府各部門：
為幫助小微企業穩定用工，現就有關事項通知如下：
一、對當年新招用本市戶籍勞動者的小微企業，按每人1000元給予一次性用工補貼。（市人力資源社會保障局、市財政局負責）
二、對參加職業技能培訓並取得證書的職工，按規定給予培訓補貼。（市人力資源社會保障局負責）
三、各區要加強政策宣傳，及時兌現補貼資金。（各區人民政府負責）
"""


def flows_files() -> dict[str, str]:
    """The flow tests' corpus: two real State Council documents and the city notice above."""
    real = {name: (REAL / name).read_text(encoding="utf-8") for name in ("guofa-2018-041.txt", "guobanfa-2018-114.txt")}
    return {**real, "foshan-notice.txt": CITY_NOTICE}


@pytest.fixture(scope="module")
def data_dir(flows_r5_data_dir) -> Path:
    return flows_r5_data_dir


def _run(data_dir: Path, *args: str):
    return runner.invoke(app, [*args, "--data-dir", str(data_dir)], env=ENV)


def _one_error_line(result) -> str:
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert lines[0].startswith("policykg: error: "), result.output
    return lines[0]


def test_a_value_click_refuses_is_one_line_naming_the_command_and_its_help(data_dir):
    result = _run(data_dir, "documents", "--year", "2018-2019")
    assert result.exit_code == 2
    line = _one_error_line(result)
    assert "documents: Invalid value for '--year'" in line and "policykg documents --help" in line
    assert "Usage:" not in result.output


def test_an_unknown_option_and_a_missing_argument_are_one_line_too(data_dir):
    for args, words in ((("owns", "应急部", "--bogus"), "No such option: --bogus"),
                        (("search",), "Missing argument")):
        result = _run(data_dir, *args)
        assert result.exit_code == 2
        assert words in _one_error_line(result)


def test_match_refuses_a_size_it_cannot_read_and_lists_the_accepted_ones(data_dir):
    result = _run(data_dir, "match", "--needs", "子女教育 个税扣除", "--size", "tiny")
    assert result.exit_code == 2
    line = _one_error_line(result)
    assert "--size: unknown size 'tiny'" in line and "small, medium, large" in line and "中小企业" in line


def test_match_reads_micro_as_small(data_dir):
    result = _run(data_dir, "match", "--needs", "子女教育 个税扣除", "--size", "micro", "-k", "1", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["profile"]["size"] == "small"


def test_match_with_a_broken_profile_file_is_one_line_not_a_traceback(data_dir, tmp_path):
    broken_yaml = tmp_path / "firm.yaml"
    broken_yaml.write_text("needs: [子女教育\n", encoding="utf-8")
    broken_json = tmp_path / "firm.json"
    broken_json.write_text('{"needs": "子女教育", ', encoding="utf-8")
    odd_size = tmp_path / "odd.json"
    odd_size.write_text('{"needs": "子女教育", "size": 3}', encoding="utf-8")
    for path, words in ((broken_yaml, "not valid YAML at line"), (broken_json, "not valid JSON at line 1"),
                        (odd_size, "size: unknown size '3'")):
        result = _run(data_dir, "match", "--profile", str(path))
        assert result.exit_code == 2, result.output
        line = _one_error_line(result)
        assert str(path) in line and words in line
        assert "Traceback" not in result.output


def _slugs(result) -> list[str]:
    assert result.exit_code == 0, result.output
    return [d["slug"] for d in json.loads(result.output)["items"]]


def test_english_place_names_filter_as_the_chinese_ones(data_dir):
    city = _slugs(_run(data_dir, "documents", "--jurisdiction", "佛山", "--json"))
    assert city == ["foshan-notice"]
    for english in ("Foshan", "foshan city", "Guangdong"):
        assert _slugs(_run(data_dir, "documents", "--jurisdiction", english, "--json")) == city, english
    national = _slugs(_run(data_dir, "documents", "--jurisdiction", "national", "--json"))
    assert national == ["guobanfa-2018-114", "guofa-2018-041"]
    assert _slugs(_run(data_dir, "documents", "--jurisdiction", "China", "--json")) == national


def test_an_english_issuer_name_filters_by_the_bodies_so_labelled(data_dir):
    office = _slugs(_run(data_dir, "documents", "--issuer", "General Office of the State Council", "--json"))
    assert office == ["guobanfa-2018-114"]  # the 国办发 notice; the 国发 one is the State Council's own
    assert _slugs(_run(data_dir, "documents", "--issuer", "国务院办公厅", "--json")) == office


def test_a_document_with_no_date_is_filed_under_the_year_of_its_number(data_dir):
    assert "foshan-notice" in _slugs(_run(data_dir, "documents", "--year", "2023", "--json"))
    assert "foshan-notice" not in _slugs(_run(data_dir, "documents", "--year", "2022", "--json"))


def test_search_with_filters_no_document_passes_names_them(data_dir):
    result = _run(data_dir, "search", "补贴", "--year", "2030", "--jurisdiction", "佛山")
    assert result.exit_code == 3
    assert "no document matches --year 2030 --jurisdiction 佛山" in _one_error_line(result)


def test_owns_finds_a_body_by_its_name_in_the_traditional_script(data_dir):
    written = _run(data_dir, "owns", "佛山市人力資源社會保障局")  # as the notice writes it
    simplified = _run(data_dir, "owns", "佛山市人力资源社会保障局")
    assert written.exit_code == 0 and simplified.exit_code == 0, written.output + simplified.output
    assert written.output == simplified.output
    assert written.output.splitlines()[0].startswith("佛山市人力资源社会保障局")
    short = _run(data_dir, "owns", "市財政局")
    assert short.exit_code == 0 and "佛山市财政局" in short.output.splitlines()[0]


def test_owns_a_traditional_name_no_document_writes_keeps_the_name_as_given(data_dir):
    result = _run(data_dir, "owns", "佛山市氣象局")
    assert result.exit_code == 3
    assert "no department '佛山市氣象局'" in _one_error_line(result)


def test_owns_with_doc_says_when_that_document_gives_the_body_no_duty(data_dir):
    # 应急部 carries the plates notice (guobanfa-2018-114); the tax rules (guofa-2018-041) never name it
    there = _run(data_dir, "owns", "应急部", "--doc", "guobanfa-2018-114")
    assert there.exit_code == 0 and "gives" not in there.output
    elsewhere = _run(data_dir, "owns", "应急部", "--doc", "guofa-2018-041")
    assert elsewhere.exit_code == 0, elsewhere.output
    assert "guofa-2018-041 gives 应急管理部 no duty" in elsewhere.output


def test_owns_an_issuer_that_is_no_body_says_what_it_issued(data_dir):
    # the city notice's issuer signs it but no sentence gives the city government a duty of its own
    result = _run(data_dir, "owns", "佛山市人民政府")
    assert result.exit_code == 3
    line = _one_error_line(result)
    assert "no department '佛山市人民政府'" in line and "it issued foshan-notice" in line



def test_owns_an_english_name_in_lower_case_finds_the_body(data_dir):
    typed = _run(data_dir, "owns", "ministry of emergency management")
    assert typed.exit_code == 0, typed.output
    assert typed.output.splitlines()[0].startswith("应急管理部")
    assert typed.output == _run(data_dir, "owns", "应急部").output
