"""Every notation of who is responsible, read from small texts written for these tests.

The bodies are found here by a tiny name table of the test's own (longest name first), so the reading of
the notations is tested apart from the department finder. Each row: text → the exact set of
(body as written, unit path, role, basis).
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from ingest.classify import classify_units
from ingest.model import Basis, Department, Role, Span
from ingest.responsibility import (
    DOCUMENT_LEAD_RULE,
    ENCLOSING_RULE,
    FIRST_LISTED_RULE,
    assign_responsibilities,
)
from ingest.structure import parse_structure
from ingest.tasktable import Column, find_task_tables, parse_due, split_cells

# name as written → key (several names may share a body, as aliases do)
NAMES = {
    "市经信委": "econ", "市发改委": "reform", "市财政局": "finance", "市科委": "science", "市商务委": "commerce",
    "市统计局": "stats", "市政府": "city", "市级层面": "city", "各区政府": "districts", "各区": "districts",
    "区级层面": "districts", "各有关部门": "departments", "工业和信息化部": "miit", "国家发展改革委": "ndrc",
    "财政部": "mof", "人民银行": "pbc", "各省级人民政府": "provinces", "区发改委": "d-reform",
    "区科委": "d-science", "各街道": "streets", "市智能制造联席会议": "joint",
    "上海市经济和信息化委员会": "econ", "联席会议办公室": "office",
    "各级人民政府": "all-governments", "审查机构": "reviewers", "试点地区": "pilots",
    "试点地区政府办公厅（室）": "pilot-offices", "当地政府": "local",
}
KEY_NAMES = {}
for _name, _key in NAMES.items():
    KEY_NAMES.setdefault(_key, _name)

L, P, C, CO, EV, SU, IM = (Role.LEAD, Role.PARTICIPANT, Role.CONVENER, Role.COORDINATOR, Role.EVALUATOR,
                           Role.SUPERVISOR, Role.IMPLEMENTER)
EX, INF = Basis.EXPLICIT, Basis.INFERRED


def _departments(text: str) -> list[Department]:
    pattern = re.compile("|".join(map(re.escape, sorted(NAMES, key=len, reverse=True))))
    found: dict[str, Department] = {}
    for m in pattern.finditer(text):
        key = NAMES[m.group()]
        dept = found.setdefault(key, Department(key, KEY_NAMES[key], [], "", "department"))
        dept.mentions.append(Span(m.start(), m.end()))
    return list(found.values())


def read(text: str):
    units = classify_units(parse_structure(text)[0])
    return assign_responsibilities(text, units, _departments(text)), units


def facts(text: str) -> set[tuple[str, str, Role, Basis]]:
    found, _ = read(text)
    return {(KEY_NAMES[r.agent], r.unit_path, r.role, r.basis) for r in found}


ITEM = "一、重点任务\n（一）推进智能制造\n1.建设智能工厂{note}\n2.发展工业互联网。\n"

NOTATIONS = [
    # (id, note at the end of item 1, expected facts on 一（一）1)
    ("responsible-list", "。（责任单位：市经信委、市科委、市财政局）",
     {("市经信委", L, INF), ("市科委", P, EX), ("市财政局", P, EX)}),
    ("responsible-single", "（责任单位：市经信委）。", {("市经信委", L, EX)}),
    ("hexagonal-brackets", "。〔责任单位：市发改委、市商务委〕", {("市发改委", L, INF), ("市商务委", P, EX)}),
    ("square-brackets", "。[市科委、市财政局]", {("市科委", L, INF), ("市财政局", P, EX)}),
    ("ascii-punctuation", "。(牵头单位:市发改委;配合单位:市商务委,市财政局)",
     {("市发改委", L, EX), ("市商务委", P, EX), ("市财政局", P, EX)}),
    ("lead-and-help-labels", "（牵头单位：市发改委；配合单位：市商务委、市财政局）。",
     {("市发改委", L, EX), ("市商务委", P, EX), ("市财政局", P, EX)}),
    ("lead-and-responsible-labels", "（牵头单位：市科委，责任单位：市经信委、市统计局）。",
     {("市科委", L, EX), ("市经信委", P, EX), ("市统计局", P, EX)}),
    ("lead-department-label", "（牵头部门：市商务委）。", {("市商务委", L, EX)}),
    ("scope-is-not-a-body", "（负责部门：市经信委、市科委；适用范围：各区政府所属园区）。",
     {("市经信委", L, INF), ("市科委", P, EX)}),
    ("list-ended-by-deng", "（市经信委、市科委、市财政局等负责）。",
     {("市经信委", L, INF), ("市科委", P, EX), ("市财政局", P, EX)}),
    ("lead-then-participate", "（市科委牵头，市经信委、市统计局参与）。",
     {("市科委", L, EX), ("市经信委", P, EX), ("市统计局", P, EX)}),
    ("lead-with-huitong", "。[市发改委牵头,会同市财政局、市统计局负责]",
     {("市发改委", L, EX), ("市财政局", P, EX), ("市统计局", P, EX)}),
    ("by-their-duties", "（市经信委、市商务委按职责分工负责）。", {("市经信委", L, INF), ("市商务委", P, EX)}),
    ("all-relevant-departments", "（各有关部门和单位按职责分工负责）。", {("各有关部门", L, EX)}),
    ("name-marked-lead", "（责任单位：市商务委（牵头）、市经信委）。", {("市商务委", L, EX), ("市经信委", P, EX)}),
    ("national-bodies", "（工业和信息化部牵头，国家发展改革委、财政部、人民银行按职责分工负责）。",
     {("工业和信息化部", L, EX), ("国家发展改革委", P, EX), ("财政部", P, EX), ("人民银行", P, EX)}),
    ("district-bodies", "（区发改委牵头，区科委、各街道配合）。",
     {("区发改委", L, EX), ("区科委", P, EX), ("各街道", P, EX)}),
    ("labelled-inline", "。牵头单位：市发改委；配合单位：市商务委",
     {("市发改委", L, EX), ("市商务委", P, EX)}),
    ("collective-listed-with-lead", "（市经信委牵头，各区政府负责）。", {("市经信委", L, EX), ("各区政府", P, EX)}),
    ("collective-in-a-list", "〔责任单位：市发改委、市科委，各区政府〕",
     {("市发改委", L, INF), ("市科委", P, EX), ("各区政府", P, EX)}),
    # a State Council opinion's notes
    ("single-responsible-note", "。（财政部负责）", {("财政部", L, EX)}),
    ("first-listed-stated-in-the-note", "。（工业和信息化部、财政部负责。列第一位者为牵头单位，下同）",
     {("工业和信息化部", L, EX), ("财政部", P, EX)}),
    ("lead-and-takers-part", "。（人民银行牵头，财政部、国家发展改革委参与）",
     {("人民银行", L, EX), ("财政部", P, EX), ("国家发展改革委", P, EX)}),
]


@pytest.mark.parametrize("note, expected", [(n, e) for _, n, e in NOTATIONS], ids=[i for i, _, _ in NOTATIONS])
def test_notation_at_the_end_of_an_item(note, expected):
    got = {(b, role, basis) for b, path, role, basis in facts(ITEM.format(note=note)) if path == "一（一）1"}
    assert got == expected


def test_explicit_evidence_is_the_note_as_written_and_inferred_names_its_rule():
    text = ITEM.format(note="。（责任单位：市经信委、市科委）")
    found, _ = read(text)
    lead = next(r for r in found if r.role is L and r.unit_path == "一（一）1")
    helper = next(r for r in found if r.role is P)
    assert helper.evidence == helper.span.text(text) == "（责任单位：市经信委、市科委）" and not helper.rule
    assert lead.rule == FIRST_LISTED_RULE and lead.basis is INF
    assert "列第一位者为牵头单位" in lead.evidence and lead.span.text(text) in lead.evidence


STANDING = [
    ("preamble-rule", "各项任务中排在第一位的部门为牵头部门。\n", "（责任单位：市经信委、市科委）", "（责任单位：市发改委、市财政局）"),
    ("first-note-rule-with-xiatong", "", "（责任单位：市经信委、市科委，列第一位者为牵头单位，下同）",
     "（责任单位：市发改委、市财政局）"),
    ("xiatong-alone", "", "（责任单位：市经信委、市科委）（下同）", "（责任单位：市发改委、市财政局）"),
    ("closing-note-rule", "", "（责任单位：市经信委、市科委）", "（责任单位：市发改委、市财政局）\n注：列第一位的单位为牵头单位。"),
]


@pytest.mark.parametrize("preamble, first, second", [s[1:] for s in STANDING], ids=[s[0] for s in STANDING])
def test_standing_rule_makes_the_first_named_lead_explicit(preamble, first, second):
    text = f"{preamble}一、重点任务\n（一）推进工作\n1.建设智能工厂{first}。\n2.发展工业互联网{second}。\n"
    got = facts(text)
    assert {("市经信委", "一（一）1", L, EX), ("市科委", "一（一）1", P, EX),
            ("市发改委", "一（一）2", L, EX), ("市财政局", "一（一）2", P, EX)} <= got
    assert not any(basis is INF and path in ("一（一）1", "一（一）2") for _, path, _, basis in got)


@pytest.mark.parametrize("scope", ["（以下简称经信委，下同）", "（含所属事业单位，下同）"])
def test_xiatong_of_a_name_is_no_reading_rule(scope):
    text = f"一、重点任务\n（一）推进工作\n1.建设智能工厂（责任单位：市经信委{scope}、市科委）。\n"
    assert ("市经信委", "一（一）1", L, INF) in facts(text)


def test_a_rule_stated_in_a_later_note_does_not_reach_back():
    text = ("一、重点任务\n（一）推进工作\n1.建设智能工厂（责任单位：市经信委、市科委）。\n"
            "2.发展工业互联网（责任单位：市发改委、市财政局，列第一位者为牵头单位，下同）。\n")
    got = facts(text)
    assert ("市经信委", "一（一）1", L, INF) in got and ("市发改委", "一（一）2", L, EX) in got


def test_all_listed_bodies_lead_when_the_document_says_so():
    text = "所列责任单位均为牵头单位。\n" + ITEM.format(note="（责任单位：市经信委、市科委）。")
    assert {(b, r, basis) for b, p, r, basis in facts(text) if p == "一（一）1"} == {("市经信委", L, EX), ("市科委", L, EX)}


SENTENCES = [
    ("responsible-verb", "由市商务委负责推进供应链改造。", {("市商务委", L, EX)}),
    ("huitong", "由市经信委会同市发改委、市财政局制定实施细则。",
     {("市经信委", L, EX), ("市发改委", P, EX), ("市财政局", P, EX)}),
    ("lead-verb", "市科委牵头建设共性技术平台，市统计局予以配合。", {("市科委", L, EX), ("市统计局", P, EX)}),
    ("help-doing", "市财政局配合做好资金保障。", {("市财政局", P, EX)}),
    ("districts-may", "各区政府可结合实际制定配套政策。", {("各区政府", IM, EX)}),
    ("districts-encouraged", "鼓励各区设立专项资金。", {("各区", IM, EX)}),
    ("district-level-duty", "区级层面负责研究制定实施方案。", {("区级层面", IM, EX)}),
    ("municipal-level-coordinates", "市级层面负责搞好协调服务、监督指导。", {("市级层面", CO, EX)}),
    ("evaluates-and-supervises", "市经信委每年组织对各区工作情况进行评估，对落实情况开展督查。",
     {("市经信委", EV, EX), ("市经信委", SU, EX)}),
    ("convener-and-members", "建立由市政府领导召集，市经信委、市科委等部门参加的市智能制造联席会议。",
     {("市政府", C, EX), ("市经信委", P, EX), ("市科委", P, EX)}),
    ("named-as-lead-unit", "明确市经信委为牵头单位，市财政局为配合单位。", {("市经信委", L, EX), ("市财政局", P, EX)}),
    ("members-listed", "市智能制造联席会议由市政府召集，成员单位包括市经信委、市科委。",
     {("市政府", C, EX), ("市经信委", P, EX), ("市科委", P, EX)}),
    ("coordinates-without-fuze", "市发改委统筹协调跨部门重大问题。", {("市发改委", CO, EX)}),
    ("subject-acts", "同时，市财政局统筹安排专项资金。", {("市财政局", L, EX)}),
    ("by-body-does", "由市财政局将资金拨付至企业。", {("市财政局", L, EX)}),
    ("same-subject-helps", "市财政局负责资金拨付，参与项目审核。", {("市财政局", L, EX), ("市财政局", P, EX)}),
    ("huitong-evaluates", "市发改委会同市统计局对各区落实情况开展年度评估，评估结果纳入绩效考核。",
     {("市发改委", EV, EX), ("市统计局", P, EX)}),
    ("result-sentence-is-no-evaluation", "市经信委对各区开展季度督查，督查结果纳入年度考核。", {("市经信委", SU, EX)}),
    ("objects-are-not-actors", "市经信委对各区、各有关部门落实情况开展督查。", {("市经信委", SU, EX)}),
    ("coordinates-and-supervises", "市发改委要加强统筹协调，会同有关部门对落实情况开展督促检查。",
     {("市发改委", CO, EX), ("市发改委", SU, EX)}),
    ("leads-and-evaluates", "市经信委负责制定实施方案，定期开展评估。", {("市经信委", L, EX), ("市经信委", EV, EX)}),
    ("provinces-implement", "各省级人民政府要结合实际抓好落实。", {("各省级人民政府", IM, EX)}),
    ("no-owner-named", "支持企业开展技术改造，市场主体积极参与。", set()),
    # real genres (issue 20): any duty after 要, 发挥牵头作用, 分别由, a collective that coordinates, members
    ("body-must-whatever-verb", "市科委要根据国家标准统筹规划试点布局。", {("市科委", L, EX)}),
    ("plays-the-leading-role", "市商务委要发挥牵头作用，会同各有关部门共同推进。",
     {("市商务委", L, EX), ("各有关部门", P, EX)}),
    ("led-by-as-attribute", "各区政府要建立市商务委牵头的联席会议制度。", {("各区政府", IM, EX)}),
    ("each-by-its-own", "分别由市经信委和市财政局依法办理。", {("市经信委", L, EX), ("市财政局", L, EX)}),
    ("collective-coordinates", "需要其他部门配合的，各区政府要加强统筹协调。", {("各区政府", CO, EX)}),
    ("members-of-a-group", "成立工作小组，成员由市经信委、市科委等部门负责同志组成。",
     {("市经信委", P, EX), ("市科委", P, EX)}),
    ("composed-of-with-a-lead", "联席会议由市经信委、市科委、市财政局3个部门组成，市经信委为牵头单位。",
     {("市经信委", L, EX), ("市科委", P, EX), ("市财政局", P, EX)}),
    ("takes-on-a-duty", "市财政局承担资金监管的职责。", {("市财政局", L, EX)}),
    ("office-set-up-in-a-body", "联席会议办公室设在市经信委，主要承担联席会议日常工作。", {("联席会议办公室", L, EX)}),
    ("a-reply-asks", "请市科委加快方案研究，如确有困难，请市财政局积极给予支持。", {("市科委", L, EX), ("市财政局", P, EX)}),
    ("must-oversee", "市经信委要加强对园区项目建设的监管，定期通报进展。", {("市经信委", SU, EX)}),
    ("must-urge", "市经信委要督促各区加快改革。", {("市经信委", SU, EX), ("各区", IM, EX)}),
    # bodies told alike (no 牵头, 会同 or 配合) each carry the duty
    ("must-supervise", "市发改委和市科委要适时督促检查推广工作进展情况。", {("市发改委", SU, EX), ("市科委", SU, EX)}),
    ("body-named-as-object", "支持市经信委所属单位开展试点。", set()),
    # bodies named by their role or part, and duties written in the words of national texts (issue 20)
    ("answers-for-the-whole", "试点地区政府办公厅（室）对试点工作的统筹推进和考核管理负总责。",
     {("试点地区政府办公厅（室）", L, EX)}),
    ("pilot-places-implement", "试点地区要结合实际制定具体实施方案。", {("试点地区", IM, EX)}),
    ("organises-coordination", "市发改委负责组织协调、督促指导本方案的落实工作。", {("市发改委", CO, EX)}),
    ("under-overall-guidance", "将有关工作纳入市智能制造联席会议统筹指导。", {("市智能制造联席会议", CO, EX)}),
    ("must-review-material", "审查机构要对报送材料的完整性进行审查。", {("审查机构", EV, EX)}),
    ("class-may-as-needed", "审查机构可以根据工作需要，采用多种方式开展工作。", {("审查机构", IM, EX)}),
    ("collective-oversees-others", "各级人民政府对所属部门要加强指导监督。", {("各级人民政府", SU, EX)}),
    ("will-organise-acceptance", "市经信委将于2025年6月底前组织对试点工作进行验收。", {("市经信委", EV, EX)}),
    ("with-the-departments-concerned", "办成公办园的，当地政府及有关部门要做好机构编制保障。", {("当地政府", IM, EX)}),
    ("composed-group-leads", "由市经信委、市科委组成联席会议办公室，负责日常工作。",
     {("联席会议办公室", L, EX), ("市经信委", P, EX), ("市科委", P, EX)}),
    ("hosted-with-staff-sent", "联席会议办公室设在市经信委，由市科委选派人员参加，具体负责日常工作。",
     {("联席会议办公室", L, EX), ("市科委", P, EX)}),
    ("strengthens-oversight", "市经信委要强化对园区项目质量的监督检查。", {("市经信委", SU, EX)}),
    ("sums-up", "市统计局汇总各区上报的数据。", {("市统计局", L, EX)}),
]


def test_each_body_an_item_lists_as_supplying_information_takes_part():
    text = ("第一条 有关部门和单位应当向市统计局提供或者协助核实以下信息：\n（一）市财政局有关资金拨付信息；\n"
            "（二）市科委有关项目立项信息、市商务委有关企业登记信息；\n（三）市经信委确定的其他信息。\n")
    got = {(b, path, role) for b, path, role, _ in facts(text)}
    assert got == {("市财政局", "第一条（一）", P), ("市科委", "第一条（二）", P), ("市商务委", "第一条（二）", P)}


@pytest.mark.parametrize("sentence, expected", [(s, e) for _, s, e in SENTENCES], ids=[i for i, _, _ in SENTENCES])
def test_duty_stated_in_a_sentence(sentence, expected):
    text = f"一、保障措施\n（一）加强组织。{sentence}\n（二）加强宣传。\n"
    got = {(b, role, basis) for b, path, role, basis in facts(text) if path == "一（一）"}
    assert got == {(KEY_NAMES[NAMES[b]], role, basis) for b, role, basis in expected}  # aliases: one body


def test_every_statement_is_kept_with_its_own_evidence():
    text = "一、保障措施\n（一）加强组织。各区建立推进机制。区级层面负责制定实施方案。\n（二）加强宣传。\n"
    found, _ = read(text)
    assert [(r.role, r.evidence) for r in found] == [(IM, "各区建立推进机制。"), (IM, "区级层面负责制定实施方案。")]


def test_separate_lines_after_each_item_apply_to_that_item():
    text = ("一、重点任务\n（一）推进工作\n1.建设智能工厂。\n牵头单位：市经信委\n责任单位：市科委、市财政局\n"
            "2.发展工业互联网。\n牵头单位：市发改委\n")
    assert facts(text) == {("市经信委", "一（一）1", L, EX), ("市科委", "一（一）1", P, EX),
                           ("市财政局", "一（一）1", P, EX), ("市发改委", "一（一）2", L, EX)}


def test_a_note_closing_a_section_applies_to_the_section_and_its_items_inherit():
    text = ("一、重点任务\n（一）推进工作\n1.建设智能工厂。\n2.发展工业互联网。\n（牵头单位：市经信委；配合单位：市科委）\n"
            "（二）优化服务\n1.简化审批。\n")
    found, _ = read(text)
    got = {(KEY_NAMES[r.agent], r.unit_path, r.role, r.basis, r.rule) for r in found}
    assert got == {("市经信委", "一（一）", L, EX, ""), ("市科委", "一（一）", P, EX, ""),
                   ("市经信委", "一（一）1", L, INF, ENCLOSING_RULE), ("市经信委", "一（一）2", L, INF, ENCLOSING_RULE)}
    inherited = next(r for r in found if r.rule == ENCLOSING_RULE)
    assert inherited.evidence.startswith("文本未写明本项牵头单位；其所属的一（一）写明")
    assert inherited.span.text(text) in inherited.evidence


MEASURES = "1.建设智能工厂。\n2.发展工业互联网（牵头单位：市科委）。\n3.优化审批服务。\n{closing}\n"


def test_the_body_leading_the_whole_text_leads_its_unowned_measures():
    text = MEASURES.format(closing="本措施由市经信委牵头组织实施，市财政局等部门按职责分工配合。")
    found, _ = read(text)
    inferred = {(KEY_NAMES[r.agent], r.unit_path) for r in found if r.rule == DOCUMENT_LEAD_RULE}
    assert inferred == {("市经信委", "1"), ("市经信委", "3")}  # 2 names its own lead
    one = next(r for r in found if r.rule == DOCUMENT_LEAD_RULE)
    assert one.basis is INF and one.role is L
    assert one.span.text(text) in one.evidence and "本措施由市经信委牵头组织实施" in one.evidence


@pytest.mark.parametrize("closing", [
    "本措施由市经信委负责解释。",  # who interprets the text, not who carries it out
    "市经信委牵头推进智能工厂建设。",  # a lead of this paragraph's own work, not of the text
    "本措施自2025年1月1日起施行。",
])
def test_no_document_lead_without_a_sentence_naming_who_carries_out_the_text(closing):
    found, _ = read(MEASURES.format(closing=closing))
    assert not [r for r in found if r.rule == DOCUMENT_LEAD_RULE]


def test_a_note_on_the_heading_line_of_a_section_applies_to_the_section():
    text = "一、重点任务\n（一）推进工作（市科委牵头，市财政局配合）\n1.建设智能工厂。\n2.发展工业互联网（责任单位：市商务委）。\n"
    got = facts(text)
    assert ("市科委", "一（一）", L, EX) in got and ("市财政局", "一（一）", P, EX) in got
    assert ("市科委", "一（一）1", L, INF) in got
    assert ("市商务委", "一（一）2", L, EX) in got and ("市科委", "一（一）2", L, INF) not in got


def test_no_owner_named_means_none_recorded_even_with_a_supervisor():
    text = ("一、重点任务\n（一）推进工作\n1.建设智能工厂。\n二、保障措施\n"
            "（一）加强评估。市经信委每年组织对计划落实情况开展督查。\n")
    found, _ = read(text)
    assert [(r.unit_path, r.role, r.basis) for r in found] == [("二（一）", SU, EX)]


def test_bodies_given_as_examples_inside_a_sentence_are_not_a_note():
    text = "一、总体要求\n（一）加强协作。加强与相关部门（市科委、市统计局）的协作。\n（二）其他。\n"
    assert facts(text) == set()


def test_background_in_the_preamble_is_no_duty():
    text = "近年来，市经信委推动一批企业完成改造。由市科委组织的试点取得成效。\n一、主要任务\n（一）推进工作。\n（二）其他。\n"
    assert facts(text) == set()


def test_a_short_name_in_brackets_is_not_a_note():
    text = "一、总体要求\n（一）明确分工。上海市经济和信息化委员会（市经信委）统筹推进。\n（二）其他。\n"
    assert facts(text) == set()


TABLE = """一、重点任务
（一）推进智能制造
1.建设智能工厂。
2.发展工业互联网平台。
二、保障措施
（一）加强评估。

附件1
重点任务分解表
序号\t工作任务\t牵头单位\t配合单位\t完成时限
1\t建设智能工厂\t市经信委\t市财政局、市科委\t2024年9月底前
2\t发展工业互联网平台\t市发改委\t\t长期坚持
3\t编制年度统计报告\t市统计局\t市经信委\t2024年底前
"""


@pytest.mark.parametrize("note, due, due_text", [
    ("（牵头单位：市经信委；完成时限：2024年9月底前）", date(2024, 9, 30), "2024年9月底前"),
    ("（市经信委负责，2025年6月底前完成）", date(2025, 6, 30), "2025年6月底前完成"),
    ("（责任单位：市经信委；完成时限：长期坚持）", None, "长期坚持"),
    ("（责任单位：市经信委）", None, ""),
])
def test_a_note_keeps_its_own_time_limit(note, due, due_text):
    found, _ = read(ITEM.format(note=note))
    (r,) = found
    assert (r.agent, r.role, r.due, r.due_text) == ("econ", L, due, due_text)


def test_task_table_rows_are_tied_to_the_units_they_name_with_due_dates():
    found, _ = read(TABLE)
    got = {(KEY_NAMES[r.agent], r.unit_path, r.role, r.basis, r.due, r.due_text) for r in found}
    assert got == {
        ("市经信委", "一（一）1", L, EX, date(2024, 9, 30), "2024年9月底前"),
        ("市财政局", "一（一）1", P, EX, date(2024, 9, 30), "2024年9月底前"),
        ("市科委", "一（一）1", P, EX, date(2024, 9, 30), "2024年9月底前"),
        ("市发改委", "一（一）2", L, EX, None, "长期坚持"),
        ("市统计局", "附件1", L, EX, date(2024, 12, 31), "2024年底前"),
        ("市经信委", "附件1", P, EX, date(2024, 12, 31), "2024年底前"),
    }
    row = next(r for r in found if r.agent == "reform")
    assert row.evidence == "2\t发展工业互联网平台\t市发改委\t\t长期坚持" == row.span.text(TABLE)


def test_space_separated_table_with_a_responsible_column():
    text = TABLE.replace("\t", "  ").replace("牵头单位  配合单位", "责任单位")
    text = text.replace("市经信委  市财政局、市科委", "市经信委、市财政局").replace("市统计局  市经信委", "市统计局")
    text = text.replace("市发改委    长期坚持", "市发改委  长期坚持")
    found, _ = read(text)
    got = {(KEY_NAMES[r.agent], r.unit_path, r.role, r.basis, r.due_text) for r in found}
    assert got == {
        ("市经信委", "一（一）1", L, INF, "2024年9月底前"),
        ("市财政局", "一（一）1", P, EX, "2024年9月底前"),
        ("市发改委", "一（一）2", L, EX, "长期坚持"),
        ("市统计局", "附件1", L, EX, "2024年底前"),
    }


def test_table_cells_and_columns():
    line = "1\t建设智能工厂\t市经信委\t\t2024年9月底前"
    assert [c.text for c in split_cells(line, 0, len(line))] == ["1", "建设智能工厂", "市经信委", "2024年9月底前"]
    (table,) = find_task_tables(TABLE)
    assert table.columns == (Column.NUMBER, Column.TASK, Column.LEAD, Column.PARTICIPANT, Column.DUE)
    assert len(table.rows) == 3 and table.rows[1].cell(Column.PARTICIPANT) is None


@pytest.mark.parametrize("text, expected", [
    ("2024年9月底前", date(2024, 9, 30)),
    ("2024年底前", date(2024, 12, 31)),
    ("2024年12月", date(2024, 12, 31)),
    ("2025年2月底", date(2025, 2, 28)),
    ("2024年6月15日前", date(2024, 6, 15)),
    ("2025年上半年", date(2025, 6, 30)),
    ("2024年第三季度", date(2024, 9, 30)),
    ("2024年6月底前启动，2024年底前完成", date(2024, 12, 31)),
    ("２０２４年底", date(2024, 12, 31)),
    ("长期坚持", None),
    ("持续推进", None),
    ("2024年起", None),
])
def test_parse_due(text, expected):
    assert parse_due(text) == expected


def test_a_table_copied_one_cell_a_line():
    """A web page's table pasted as text: 序号, the task, its content and 指导部门 each on a line of its own."""
    text = ("一、推广的改革举措\n（一）知识产权保护方面2项：专利保险机制；技术调查官制度。\n（二）科技金融方面1项。\n"
            "附件\n推广清单\n序号\n改革举措\n主 要 内 容\n指导部门\n推广范围\n"
            "一、知识产权保护方面（共2项）\n1\n专利保险机制\n开发专利保险产品。\n财政部、人民银行\n全国\n"
            "2\n技术调查官制度\n引入技术调查官。\n市科委\n全国\n")
    (table,) = find_task_tables(text)
    assert [r.cell(Column.GUIDE).text for r in table.rows] == ["财政部、人民银行", "市科委"]
    assert [r.group for r in table.rows] == ["一、知识产权保护方面（共2项）"] * 2
    # 一（一） names both rows' tasks in one sentence: it lists them, it is neither row's unit; each row belongs to
    # the annex part that holds it. A 指导部门 cell is a plain list of bodies: the first leads (inferred), the rest
    # take part; a body alone in its cell leads.
    assert facts(text) == {("财政部", "附件一", L, INF), ("人民银行", "附件一", P, EX), ("市科委", "附件一", L, EX)}


# Annex tables written as plain text in notations the tables above do not use (issue 20): columns aligned by runs
# of spaces with a cell wrapped onto the next line, and a 责任单位 column split into 牵头 / 配合 on a second header line.
WRAPPED = """一、重点任务
（一）推进智能制造
1.建设智能工厂。
2.发展工业互联网平台。

附件
重点任务分工表
序号  重点任务                牵头单位    配合单位                完成时限
1     建设智能工厂            市经信委    市财政局、市科委、      2024年9月底前
                                          市商务委
2     发展工业互联网平台      市发改委    市统计局                长期坚持
      （含平台培育）
"""

SPLIT_HEADER = """一、重点任务
（一）推进智能制造
1.建设智能工厂。
2.发展工业互联网平台。

附件
重点任务分工表
序号    工作任务              责任单位                      完成时限
                              牵头          配合
1       建设智能工厂          市经信委      市财政局        2024年9月底前
2       发展工业互联网平台    市发改委                      长期坚持
"""


def test_a_cell_wrapped_onto_the_next_line_belongs_to_its_row():
    got = {(KEY_NAMES[r.agent], r.unit_path, r.role, r.due_text) for r in read(WRAPPED)[0]}
    assert got == {
        ("市经信委", "一（一）1", L, "2024年9月底前"), ("市财政局", "一（一）1", P, "2024年9月底前"),
        ("市科委", "一（一）1", P, "2024年9月底前"), ("市商务委", "一（一）1", P, "2024年9月底前"),
        ("市发改委", "一（一）2", L, "长期坚持"), ("市统计局", "一（一）2", P, "长期坚持"),
    }
    (table,) = find_task_tables(WRAPPED)
    assert len(table.rows) == 2 and table.rows[0].span.text(WRAPPED).endswith("市商务委")


def test_a_responsible_column_split_into_lead_and_helpers_on_a_second_header_line():
    (table,) = find_task_tables(SPLIT_HEADER)
    assert table.columns == (Column.NUMBER, Column.TASK, Column.LEAD, Column.PARTICIPANT, Column.DUE)
    got = {(KEY_NAMES[r.agent], r.unit_path, r.role, r.basis, r.due_text) for r in read(SPLIT_HEADER)[0]}
    assert got == {
        ("市经信委", "一（一）1", L, EX, "2024年9月底前"), ("市财政局", "一（一）1", P, EX, "2024年9月底前"),
        ("市发改委", "一（一）2", L, EX, "长期坚持"),
    }


# A web page's task table pasted with vertical bars, and the standing rule written under it.
PIPE_TABLE = """一、重点任务
（一）推进智能制造
1.建设智能工厂。推进工厂改造。
2.发展工业互联网平台。培育平台。

附件
重点任务分工表
序号 | 重点任务 | 责任单位 | 完成时限
1 | 建设智能工厂 | 市经信委、市财政局，各区政府 | 2024年12月底前
2 | 发展工业互联网平台 | 市发改委、市科委 | 持续推进
注：责任单位中排在第一位的为牵头单位，其他为配合单位。
"""


def test_a_table_pasted_between_vertical_bars_with_its_standing_rule():
    (table,) = find_task_tables(PIPE_TABLE)
    assert table.columns == (Column.NUMBER, Column.TASK, Column.RESPONSIBLE, Column.DUE) and len(table.rows) == 2
    got = {(KEY_NAMES[r.agent], r.unit_path, r.role, r.basis, r.due_text) for r in read(PIPE_TABLE)[0]}
    assert got == {
        ("市经信委", "一（一）1", L, EX, "2024年12月底前"), ("市财政局", "一（一）1", P, EX, "2024年12月底前"),
        ("各区政府", "一（一）1", P, EX, "2024年12月底前"),
        ("市发改委", "一（一）2", L, EX, "持续推进"), ("市科委", "一（一）2", P, EX, "持续推进"),
    }


@pytest.mark.parametrize(("text", "expected"), [
    # （A牵头，各区政府落实）: the collective carries the work out where it is
    ("一、任务\n（一）推进改造。加快建设。（市经信委牵头，各区政府负责落实）\n",
     {("市经信委", "一（一）", L, EX), ("各区政府", "一（一）", IM, EX)}),
    # …，并会同Y进行联合审核: Y takes part; X自受理之日起…完成初审: X reviews
    ("一、程序\n（一）审核。市经信委自受理之日起15个工作日内完成初审，并会同市财政局进行联合审核。\n",
     {("市经信委", "一（一）", EV, EX), ("市财政局", "一（一）", P, EX)}),
    # a body that supplies the data another decides on takes part
    ("一、程序\n（一）审核。市统计局根据需要提供企业统计数据。\n", {("市统计局", "一（一）", P, EX)}),
    # X将…纳入年度督查计划 / X对…严肃问责 / X对…进行监督: X supervises
    ("一、保障\n（一）督查。市科委将落实情况纳入年度督查计划，定期通报进展。\n", {("市科委", "一（一）", SU, EX)}),
    ("一、保障\n（一）问责。市科委对损害营商环境的行为严肃问责。\n", {("市科委", "一（一）", SU, EX)}),
    # X要加大督查力度 / X将对…进行全程跟踪督办: X supervises
    ("一、保障\n（一）督查。市科委要加大督查考核力度。\n", {("市科委", "一（一）", SU, EX)}),
    ("一、保障\n（一）督办。市科委将对各项任务的落实情况进行全程跟踪督办。\n", {("市科委", "一（一）", SU, EX)}),
    # 和 joining a collective to places that follow the same modal is no object marker
    ("一、其他\n（一）参照。其他省（区、市）和各有关部门，可参照执行。\n", {("各有关部门", "一（一）", IM, EX)}),
])
def test_local_duty_notations(text, expected):
    got = {(KEY_NAMES[r.agent], r.unit_path, r.role, r.basis) for r in read(text)[0]}
    assert got == expected
