"""What the three users meet on the command line (sixth round's hand-run flows): a firm's profile file that gives
only its figures, with the needs on the command line; a profile whose figure is no number, or negative, or that is
empty, said in one line naming the file and the field; a calculator asked with no need at all told which option
says it; a contact read as the lead from the order of a list marked as inferred; an empty department name; a
document that repeals one not loaded named by its title and 发文字号. One real State Council document
(guobanfa-2018-117, which repeals 国办发〔2016〕82号) and two city notices written for these tests; fake encoder."""

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

# Written for these tests: a city notice whose items end with the bureaus that carry them out, the first of two
# not said to lead (so its lead is inferred from the order), and a second city's notice naming its own 市财政局.
HUIZHOU_NOTICE = """惠府〔2022〕7号
惠州市人民政府关于支持中小企业吸纳就业的通知
各县、区人民政府，市政府各部门：
为支持中小企业稳定和扩大就业，现就有关事项通知如下：
一、中小企业当年新招用登记失业人员并签订一年以上劳动合同的，按每人2000元给予一次性吸纳就业补贴。（市人力资源社会保障局、市财政局负责）
二、对按时足额缴纳失业保险费的中小企业，按其上年度实际缴纳失业保险费的50%予以返还。（市人力资源社会保障局负责）
惠州市人民政府
2022年3月1日
"""

JIANGMEN_NOTICE = """江府办〔2022〕15号
江门市人民政府办公室关于做好企业技术改造资金管理的通知
各市、区人民政府，市政府各部门：
为管好用好企业技术改造资金，现就有关事项通知如下：
一、市财政局负责技术改造专项资金的预算安排和拨付。
二、市工业和信息化局牵头组织技术改造项目的申报和评审，市财政局配合。
江门市人民政府办公室
2022年5月10日
"""

_BUILT: dict[str, Path] = {}


def flows_r6_data_dir(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    """The sixth round's flow corpus, built once per session (the API and page tests share it); read-only."""
    if "data" not in _BUILT:
        from tests.faults.helpers import build_corpus

        files = {"guobanfa-2018-117.txt": (REAL / "guobanfa-2018-117.txt").read_text(encoding="utf-8"),
                 "huizhou-notice.txt": HUIZHOU_NOTICE, "jiangmen-notice.txt": JIANGMEN_NOTICE}
        _BUILT["data"] = build_corpus(tmp_path_factory, "flows-r6", files)
    return _BUILT["data"]


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    return flows_r6_data_dir(tmp_path_factory)


def _run(data_dir: Path, *args: str):
    return runner.invoke(app, [*args, "--data-dir", str(data_dir)], env=ENV)


def _one_error_line(result) -> str:
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert lines[0].startswith("policykg: error: "), result.output
    return lines[0]


def test_a_profile_file_of_figures_only_takes_the_needs_from_the_command_line(data_dir, tmp_path):
    firm = tmp_path / "firm.yaml"
    firm.write_text("place: 惠州市\nsize: small\nemployees: 20\nunemployment_premiums_last_year: 40000\n",
                    encoding="utf-8")
    result = _run(data_dir, "match", "--profile", str(firm), "--needs", "失业保险费返还", "-k", "3", "--json")
    assert result.exit_code == 0, result.output
    answers = json.loads(result.output)["measures"]
    assert any(m["document"] == "huizhou-notice" for m in answers), answers


def test_a_profile_figure_that_is_no_number_names_the_file_and_the_field(data_dir, tmp_path):
    firm = tmp_path / "firm.json"
    firm.write_text(json.dumps({"needs": "吸纳就业补贴", "employees": "about forty"}, ensure_ascii=False),
                    encoding="utf-8")
    result = _run(data_dir, "match", "--profile", str(firm))
    assert result.exit_code == 2
    line = _one_error_line(result)
    assert str(firm) in line and "employees" in line and "about forty" in line


def test_a_negative_figure_is_refused_in_a_file_as_on_the_command_line(data_dir, tmp_path):
    firm = tmp_path / "firm.yaml"
    firm.write_text("needs: 吸纳就业补贴\ninsured_staff: -4\n", encoding="utf-8")
    line = _one_error_line(_run(data_dir, "match", "--profile", str(firm)))
    assert "insured_staff" in line and "negative" in line
    result = _run(data_dir, "match", "--needs", "吸纳就业补贴", "--premiums", "-100")
    assert result.exit_code == 2
    assert "--premiums" in _one_error_line(result)


def test_a_profile_figure_written_with_thousands_separators_is_read(data_dir, tmp_path):
    firm = tmp_path / "firm.yaml"
    firm.write_text("needs: 失业保险费返还\nplace: 惠州市\nunemployment_premiums_last_year: '40,000'\n", encoding="utf-8")
    result = _run(data_dir, "match", "--profile", str(firm), "-k", "3", "--json")
    assert result.exit_code == 0, result.output


def test_an_empty_profile_file_and_a_profile_with_no_need_say_what_to_add(data_dir, tmp_path):
    empty = tmp_path / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    assert "empty" in _one_error_line(_run(data_dir, "match", "--profile", str(empty)))
    figures = tmp_path / "figures.yaml"
    figures.write_text("place: 惠州市\nemployees: 20\n", encoding="utf-8")
    line = _one_error_line(_run(data_dir, "match", "--profile", str(figures)))
    assert str(figures) in line and "--needs" in line
    assert "--needs" in _one_error_line(_run(data_dir, "match"))


def test_a_contact_read_as_lead_from_the_order_of_a_list_is_marked_inferred(data_dir):
    args = ("match", "--needs", "新招用登记失业人员 一次性吸纳就业补贴", "--place", "惠州市", "-k", "3")
    found = json.loads(_run(data_dir, *args, "--json").output)["measures"]
    answer = next(m for m in found if m["document"] == "huizhou-notice" and m["path"] == "一")
    lead = answer["contacts"][0]
    assert (lead["agent_name"], lead["role"], lead["basis"]) == ("惠州市人力资源社会保障局", "lead", "inferred")
    table = _run(data_dir, *args).output
    contact_line = next(line for line in table.splitlines()
                        if "联系" in line and "惠州市人力资源社会保障局" in line)
    assert "惠州市人力资源社会保障局（牵头，推断）" in contact_line
    assert "惠州市财政局（配合）" in contact_line  # stated by the text: not marked


def test_contact_role_keeps_a_label_that_already_says_inferred():
    from types import SimpleNamespace

    from cli.render import contact_role

    stated = SimpleNamespace(role="lead", role_label="牵头", basis="explicit")
    read = SimpleNamespace(role="lead", role_label="lead", basis="inferred")
    place = SimpleNamespace(role="local", role_label="所在地政府（推定）", basis="inferred")
    assert contact_role(stated) == "牵头"
    assert contact_role(read, zh=False) == "lead, inferred"
    assert contact_role(place) == "所在地政府（推定）"


def test_owns_an_empty_name_is_bad_input_not_an_unknown_body(data_dir):
    result = _run(data_dir, "owns", "  ")
    assert result.exit_code == 2
    assert "empty" in _one_error_line(result)


def test_owns_a_short_name_two_cities_share_lists_both(data_dir):
    result = _run(data_dir, "owns", "市财政局")
    assert result.exit_code == 2
    line = _one_error_line(result)
    assert "惠州市财政局" in line and "江门市财政局" in line


def test_documents_names_a_repealed_text_not_loaded_by_its_title_and_number(data_dir):
    result = _run(data_dir, "documents", "--json")
    doc = next(d for d in json.loads(result.output)["items"] if d["slug"] == "guobanfa-2018-117")
    assert [r["identifier"] for r in doc["replaces"]] == ["国办发〔2016〕82号"]
    from cli.render import link_names
    from types import SimpleNamespace

    text = link_names([SimpleNamespace(**{k: doc["replaces"][0][k] for k in ("slug", "title", "identifier")})])
    assert text.endswith("国办发〔2016〕82号") and "加大激励支持力度" in text
    table = _run(data_dir, "documents").output  # the column wraps, within the number too
    assert "国办发〔2016〕82" in table, table


def test_a_query_of_punctuation_only_is_bad_input_not_ten_hits(data_dir):
    for question in ("？？", "!!!", "……"):
        result = _run(data_dir, "search", question)
        assert result.exit_code == 2, result.output
        assert "no word" in _one_error_line(result)


def test_search_names_who_leads_first_and_marks_a_lead_read_from_the_order(data_dir):
    found = json.loads(_run(data_dir, "search", "组织技术改造项目的申报和评审", "-k", "3", "--json").output)["hits"]
    hit = next(h for h in found if h["document"] == "jiangmen-notice" and h["path"] == "二")
    assert {(o["agent_name"], o["role"], o["basis"]) for o in hit["context"]["owners"]} >= {
        ("江门市工业和信息化局", "lead", "explicit"), ("江门市财政局", "participant", "explicit")}
    table = _run(data_dir, "search", "组织技术改造项目的申报和评审", "-k", "3").output
    assert "江门市工业和信息化局（牵头）" in table
    inferred = _run(data_dir, "search", "新招用登记失业人员 一次性吸纳就业补贴", "--doc", "huizhou-notice", "-k", "1").output
    assert "惠州市人力资源社会保障局（牵头）*" in inferred
    assert "inferred by a rule" in inferred


def test_owns_cites_each_duty_by_document_section_and_characters(data_dir):
    view = json.loads(_run(data_dir, "owns", "江门市工业和信息化局", "--json").output)
    duty = view["responsibilities"]["explicit"][0]
    assert JIANGMEN_NOTICE[duty["start"]:duty["end"]] == duty["evidence"]  # the exact characters of the text
    table = _run(data_dir, "owns", "江门市工业和信息化局").output
    header = next(line for line in table.splitlines() if line.startswith("document"))
    assert header.split()[-1] == "characters"
    assert f"[{duty['start']}, {duty['end']})" in table
