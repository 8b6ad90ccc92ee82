"""A document whose metadata, number, issuer and title name no place: its jurisdiction is read from one sentence of
its text (ingest.jurisdiction.jurisdiction_of_text), marked inferred with the rule and the sentence, and the build
warns in one line what is missing, what was inferred and the ``.meta.json`` fields that state them. A place merely
mentioned (a title quoted, two cities named, a national text's aim) gives nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Literal

from ingest.docmeta import missing_metadata_warning
from ingest.jurisdiction import (
    RULE_OWN_NUMBER,
    RULE_PURPOSE,
    RULE_THIS_CITY,
    jurisdiction_of_text,
)
from ingest.model import DocumentMeta
from ingest.pipeline import parse_text
from kg.build import build_graph
from kg.vocab import POL

ROOT = Path(__file__).resolve().parents[2]

PURPOSE = "为加快推动成都产业转型升级，结合实际，制定本行动计划。\n一、主要任务\n（一）推进技术改造。市经信局牵头，市财政局配合。\n"
OWN_NUMBER = ("为做好相关工作，根据市政府印发的《关于促进实体经济发展的若干意见》（穗府〔2020〕5号），现提出如下意见。\n"
              "一、市财政局安排资金。\n")
THIS_CITY = ("一、总体要求\n本市将进一步优化营商环境。\n二、主要任务\n"
             "（一）我市各区要落实责任。国家税务总局宁波市税务局负责办税服务。\n")


@pytest.mark.parametrize(("text", "place", "level", "rule"), [
    (PURPOSE, "成都市", "city", RULE_PURPOSE),  # the purpose sentence names the place it aims at
    (OWN_NUMBER, "广州市", "city", RULE_OWN_NUMBER),  # its bare 市政府 cites a 穗府 number
    (THIS_CITY, "宁波市", "city", RULE_THIS_CITY),  # 本市 / 我市, and 宁波 the one city named
])
def test_the_place_a_text_names_as_its_own(text, place, level, rule):
    found = jurisdiction_of_text(text)
    assert found is not None and (found.place.name, found.place.level, found.rule) == (place, level, rule)
    assert found.sentence in text


@pytest.mark.parametrize("text", [
    # two cities named: neither is surely its own (学习借鉴深圳 / 对标杭州)
    "一、总体要求\n本市要学习借鉴深圳市经验，对标杭州市做法。\n二、我市各区落实。\n",
    # a Shanghai regulation quoted by a text from elsewhere: a title names no owner
    "为贯彻落实《上海市促进中小企业发展条例》精神，结合实际，制定本办法。\n一、本市中小企业可申请补贴。\n二、我市财政局负责。\n",
    # a national text aiming at several places
    "为促进上海、广东等地区经验推广，制定本意见。\n一、各地要加强领导。\n",
    # a national text aiming at one place, which it tasks by name beside the central departments
    "为推动海南全面深化改革开放，现提出如下意见。\n一、国务院有关部门要加强指导，海南省人民政府要落实主体责任。\n",
    # a government named with its place is not the text's own bare 市政府
    "根据上海市政府印发的《关于加快发展的意见》（沪府发〔2017〕36号），现就有关事项通知如下。\n",
    # a district plan: 我区 is not read (the district rule is not written), and its city is not guessed
    "一、总体要求\n我区坚持创新驱动，推动鄞州区制造业高质量发展。\n二、主要任务\n（一）本区各街道要落实责任。\n",
    # no place at all
    "为推动制造业高质量发展，制定本方案。\n一、加强组织领导。\n",
])
def test_a_place_merely_mentioned_gives_nothing(text):
    assert jurisdiction_of_text(text) is None


def _parsed(text: str):
    return parse_text(text, DocumentMeta(slug="plan", title="plan", source_file="plan.txt"))


def test_the_pipeline_marks_an_inferred_jurisdiction_and_the_graph_records_it():
    meta = _parsed(PURPOSE).meta
    assert (meta.jurisdiction, meta.jurisdiction_level, meta.jurisdiction_basis, meta.jurisdiction_rule) == (
        "成都市", "city", "inferred", RULE_PURPOSE)
    assert meta.jurisdiction_evidence == "为加快推动成都产业转型升级，结合实际，制定本行动计划。"
    graph = build_graph([_parsed(PURPOSE)])
    doc = next(graph.subjects(POL.jurisdictionBasis, POL.Inferred))
    assert graph.value(doc, POL.jurisdictionRule) == Literal(RULE_PURPOSE)
    assert graph.value(doc, POL.jurisdictionEvidence) == Literal(meta.jurisdiction_evidence)


def test_a_stated_jurisdiction_is_neither_inferred_nor_warned_of():
    text = "成都市人民政府关于推进技术改造的实施意见\n\n" + PURPOSE
    meta = parse_text(text, DocumentMeta(slug="plan", title="plan", source_file="plan.txt", issued="2023-01-05",
                                         jurisdiction="成都市")).meta
    assert meta.jurisdiction_basis == "" and missing_metadata_warning(meta) == ""


def test_the_warning_says_what_is_missing_what_was_inferred_and_the_sidecar_fields():
    assert missing_metadata_warning(_parsed(PURPOSE).meta) == (
        "plan.txt: no title, no issuer, no date of issue in the text; jurisdiction 成都市 inferred "
        "(rule purpose-sentence-names-own-place: 为加快推动成都产业转型升级，结合实际，制定本行动计划。); "
        'state them in plan.meta.json beside it: {"title": "标题", "issuer": "发文机关", "issued": "YYYY-MM-DD", '
        '"jurisdiction": "成都市"}')


def test_no_place_at_all_is_warned_of_as_missing():
    line = missing_metadata_warning(_parsed("为推动制造业高质量发展，制定本方案。\n一、加强组织领导。\n二、强化督查。\n").meta)
    assert line.startswith("plan.txt: no title, no issuer, no date of issue, no jurisdiction in the text; ")
    assert line.endswith('"jurisdiction": "省/市/区"}')


def test_an_ingest_prints_the_warning_line(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "plan.txt").write_text(PURPOSE + "二、保障措施\n加强组织领导。\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYKG_")}
    env.update(POLICYKG_ENCODER="fake", POLICYKG_INGEST_JOBS="1")
    done = subprocess.run([sys.executable, "-m", "cli.main", "ingest", str(tmp_path / "in" / "plan.txt"),
                           "--data-dir", str(tmp_path / "data")], check=False, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    warned = [line for line in done.stderr.splitlines() if line.startswith("policykg: warning: plan.txt:")]
    assert len(warned) == 1 and "jurisdiction 成都市 inferred" in warned[0], done.stderr
