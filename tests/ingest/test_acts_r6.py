"""A named body as the subject of a clause whose verb is an act (issue 20, round 6): the verbs and the modifiers
before them are open classes, so the reader of ``ingest.clauseacts`` accepts any prepositional phrase (对…, 为…,
依托…, 在…中) and a wide verb list, with the precision guards written down in that module. Also: 负责 + the
oversight or review of a named work, a collective that 承担…责任, and 责成X. Bodies come from the tiny name
table of test_responsibility_notations."""

from __future__ import annotations

import pytest

from tests.ingest.test_responsibility_notations import CO, EV, EX, IM, INF, SU, L, P, facts  # noqa: F401

ITEMS = "一、主要任务\n（一）{first}\n（二）其他事项另行安排。\n"


def explicit(text: str) -> set:
    return {f for f in facts(text) if f[3] is EX}


@pytest.mark.parametrize("first", [
    "市财政局对评定合格的示范园区给予一次性奖励。",  # 对… then 给予
    "市商务委为参展企业提供展位补贴。",  # 为… then 提供
    "市经信委依托产业互联网平台，推进中小企业上云。",  # a frame closed by a comma
    "市科委在年度科技计划中预留人工智能专项。",  # 在…中 then the verb
    "市统计局每季度通报各区新增规上企业情况。",  # a word of time, then 通报
    "市发改委积极争取国家专项资金支持。",  # manner, then 争取
    "市经信委加大对专精特新企业的培育力度。",  # 加大
    "市财政局统筹市级产业资金，支持技术改造。",  # 统筹 + its object
])
def test_a_named_subject_with_an_act_leads(first):
    text = ITEMS.format(first=first)
    assert {(b, u, r) for b, u, r, _ in explicit(text)} >= {(b, "一（一）", L) for b in _subjects(first)}


def _subjects(first: str) -> list[str]:
    return [name for name in ("市财政局", "市商务委", "市经信委", "市科委", "市统计局", "市发改委") if first.startswith(name)]


def test_each_body_of_a_list_with_fenbie_leads():
    text = ITEMS.format(first="市经信委、市商务委分别落实工业和商贸领域的扶持政策。")
    assert explicit(text) == {("市经信委", "一（一）", L, EX), ("市商务委", "一（一）", L, EX)}


def test_a_subject_that_helps_takes_part():
    text = ITEMS.format(first="市发改委牵头制定实施细则。市统计局积极配合做好数据核算。")
    assert ("市统计局", "一（一）", P, EX) in explicit(text)
    assert ("市统计局", "一（一）", L, EX) not in explicit(text)


@pytest.mark.parametrize("first", [
    "市财政局制定出台的办法继续有效。",  # the verb makes a noun phrase: no act
    "市财政局已在各区设立了服务窗口。",  # a report of what was done
    "市政府实行重大事项集体决策制度。",  # how a body is constituted
    "对市财政局报送的材料进行审核。",  # the body is what the clause acts on
])
def test_no_act_is_read_where_the_clause_has_none(first):
    text = ITEMS.format(first=first)
    assert not any(u == "一（一）" for _, u, _, _ in explicit(text))


def test_a_body_charged_with_the_oversight_of_a_named_work_supervises():
    text = ITEMS.format(first="市商务委具体负责展会补贴资金使用的监督检查。")
    assert explicit(text) == {("市商务委", "一（一）", SU, EX)}


def test_a_body_charged_with_the_review_of_a_named_work_evaluates():
    text = ITEMS.format(first="市科委负责项目申报材料的审核。")
    assert explicit(text) == {("市科委", "一（一）", EV, EX)}


def test_being_supervised_is_no_oversight():
    text = ITEMS.format(first="市经信委要主动接受社会公众的监督。")
    assert ("市经信委", "一（一）", SU, EX) not in explicit(text)


def test_a_collective_that_bears_the_main_responsibility_implements():
    text = ITEMS.format(first="各区政府承担本辖区园区建设的主体责任。")
    assert explicit(text) == {("各区政府", "一（一）", IM, EX)}


def test_the_body_a_text_charges_with_a_task_acts():
    text = ITEMS.format(first="责成市发改委牵头研究园区用能指标分配办法。")
    assert ("市发改委", "一（一）", L, EX) in explicit(text)


def test_a_body_charged_with_a_second_review_evaluates():
    text = ITEMS.format(first="项目申报由各区政府负责初审，市经信委负责复审。")
    assert ("市经信委", "一（一）", EV, EX) in explicit(text)


def test_a_body_that_audits_the_funds_supervises():
    text = ITEMS.format(first="市统计局依法对专项资金使用情况进行审计。")
    assert ("市统计局", "一（一）", SU, EX) in explicit(text)


def test_the_bodies_whose_oversight_others_accept_supervise():
    text = ITEMS.format(first="项目单位应当规范使用资金，并接受市财政局、市经信委的监督检查。")
    assert {("市财政局", "一（一）", SU, EX), ("市经信委", "一（一）", SU, EX)} <= explicit(text)


def test_a_subjectless_sentence_carries_the_previous_subjects_oversight():
    text = ITEMS.format(first="市经信委牵头制定园区服务规范。同时，要加强对入园企业的督促检查。")
    assert {("市经信委", "一（一）", L, EX), ("市经信委", "一（一）", SU, EX)} <= explicit(text)


def test_a_sentence_with_a_body_of_its_own_carries_nothing_over():
    text = ITEMS.format(first="市经信委牵头制定园区服务规范。市统计局要加强对入园企业的督促检查。")
    assert ("市经信委", "一（一）", SU, EX) not in explicit(text)


def test_guiding_and_pressing_others_work_is_oversight():
    text = ITEMS.format(first="各区政府负责组织实施，市发改委加强指导和督促。")
    assert ("市发改委", "一（一）", SU, EX) in explicit(text)
    assert ("市发改委", "一（一）", L, EX) not in explicit(text)


def test_strengthening_the_audit_of_a_named_work_is_oversight():
    text = ITEMS.format(first="市统计局要加强对资金使用的审计监督，市财政局负责资金拨付。")
    assert {("市统计局", "一（一）", SU, EX), ("市财政局", "一（一）", L, EX)} <= explicit(text)


def test_a_body_named_the_authority_in_a_comma_frame_takes_the_duty_after_it():
    text = ITEMS.format(first="市发改委作为园区建设的主管部门，要加强统筹协调，研究解决重大问题。")
    assert ("市发改委", "一（一）", CO, EX) in explicit(text)


def test_a_body_said_to_be_the_comprehensive_department_leads_the_duty_after_it():
    text = ITEMS.format(first="市发改委是园区建设管理的综合部门，主要负责项目申报和投资计划下达。")
    assert ("市发改委", "一（一）", L, EX) in explicit(text)


def test_a_body_said_to_be_the_responsible_party_leads():
    text = ITEMS.format(first="市经信委是市级园区项目的责任主体，对项目进度负总责。")
    assert ("市经信委", "一（一）", L, EX) in explicit(text)


def test_a_body_asked_to_act_is_not_the_helper_of_a_lead_in_a_later_clause():
    text = ITEMS.format(first="请各区政府认真组织实施，市发改委要会同市财政局加强督促检查。")
    found = explicit(text)
    assert ("市发改委", "一（一）", SU, EX) in found
    assert not any(b == "各区政府" and r is P for b, _, r, _ in found)
    assert ("各区政府", "一（一）", IM, EX) in found  # 请 opening the item, after its number


def test_a_body_with_its_own_part_after_a_lead_clause_leads_that_part():
    text = ITEMS.format(first="市发改委牵头负责项目谋划，市财政局负责资金保障，市统计局负责数据监测。")
    assert {("市发改委", "一（一）", L, EX), ("市财政局", "一（一）", L, EX), ("市统计局", "一（一）", L, EX)} <= explicit(text)


def test_bodies_that_answer_with_no_object_after_a_lead_still_take_part():
    text = ITEMS.format(first="市发改委牵头，市财政局、市统计局负责。")
    assert {("市财政局", "一（一）", P, EX), ("市统计局", "一（一）", P, EX)} <= explicit(text)


def test_a_body_charged_with_the_audit_supervises():
    text = ITEMS.format(first="市财政局负责落实资金，市统计局负责审计。")
    assert ("市统计局", "一（一）", SU, EX) in explicit(text)


def test_a_body_then_a_colon_then_its_duties():
    text = ITEMS.format(first="市经信委：负责制定园区建设标准；会同市财政局落实运营补贴；定期开展服务质量评估。")
    found = explicit(text)
    assert {("市经信委", "一（一）", L, EX), ("市经信委", "一（一）", EV, EX), ("市财政局", "一（一）", P, EX)} <= found


def test_a_collective_then_a_colon_then_its_duties_implements():
    text = ITEMS.format(first="各区政府：负责本辖区园区的规划建设和运营管理。")
    assert explicit(text) == {("各区政府", "一（一）", IM, EX)}


def test_a_body_that_only_helps_after_its_colon_takes_part():
    text = ITEMS.format(first="市统计局：配合做好园区经济数据统计。")
    assert explicit(text) == {("市统计局", "一（一）", P, EX)}


def test_an_addressee_line_is_no_duty():
    text = "市经信委：\n现将有关事项通知如下。\n一、主要任务\n（一）加快园区建设。\n（二）其他事项另行安排。\n"
    assert not any(b == "市经信委" for b, _, _, _ in explicit(text))


def test_a_body_whose_leader_heads_a_group_does_not_act():
    text = ITEMS.format(first="成立由市政府主要领导任组长的园区建设领导小组。")
    assert not any(b == "市政府" for b, _, _, _ in explicit(text))


def test_a_body_with_its_main_duties_after_a_colon_leads():
    text = ITEMS.format(first="市经信委主要职责：负责园区规划；指导各区开展招商引资。")
    assert ("市经信委", "一（一）", L, EX) in explicit(text)


def test_two_bodies_joined_by_yu_acting_together_both_lead_and_neither_only_helps():
    text = ITEMS.format(first="市经信委与市商务委共同制定园区招商办法。")
    assert explicit(text) == {("市经信委", "一（一）", L, EX), ("市商务委", "一（一）", L, EX)}


def test_a_body_worked_with_after_a_modal_still_takes_part():
    text = ITEMS.format(first="市经信委将与市商务委一起组织园区招商推介会。")
    assert ("市商务委", "一（一）", P, EX) in explicit(text)


def test_a_special_inspection_of_others_conduct_is_oversight():
    text = ITEMS.format(first="市发改委会同市财政局开展涉企收费专项检查。")
    assert {("市发改委", "一（一）", SU, EX), ("市财政局", "一（一）", P, EX)} <= explicit(text)


def test_scheduling_the_work_of_others_is_coordination():
    text = ITEMS.format(first="市经信委要加强统筹调度，定期通报各区工作进展。")
    assert ("市经信委", "一（一）", CO, EX) in explicit(text)


def test_a_manner_word_before_the_verb_keeps_the_subject_acting():
    text = ITEMS.format(first="市科委优先保障重点实验室建设用房。")
    assert ("市科委", "一（一）", L, EX) in explicit(text)


def test_a_body_that_has_experts_review_the_work_evaluates():
    text = ITEMS.format(first="市经信委会同市财政局组织专家评审，评审结果在门户网站公示。")
    assert ("市经信委", "一（一）", EV, EX) in explicit(text)


def test_a_body_that_rates_others_work_each_quarter_evaluates():
    text = ITEMS.format(first="市经信委每季度对各区园区建设工作进行考评，考评结果纳入年度考核。")
    assert ("市经信委", "一（一）", EV, EX) in explicit(text)


def test_a_subject_with_ba_jiang_object_then_its_verb_leads():
    text = ITEMS.format(first="市财政局根据工作需要，将园区建设经费列入年度财政预算。")
    assert ("市财政局", "一（一）", L, EX) in explicit(text)
