"""Ways national documents write a body acting (issue 20, round 5): bodies joined by 或, a list before 会同, a
subject that opens a sentence and acts after framing phrases (根据…，在…前，通过…方式，), and the plain 提出 / 作出
of a rule text. Bodies come from the tiny name table of test_responsibility_notations."""

from __future__ import annotations

import pytest

from tests.ingest.test_responsibility_notations import CO, EV, EX, IM, INF, SU, L, P, facts  # noqa: F401

RULES = "一、{first}\n二、其他事项另行规定。\n"


def explicit(text: str) -> set:
    return {f for f in facts(text) if f[3] is EX}


def test_bodies_joined_by_huo_each_lead_with_no_first_listed_convention():
    text = RULES.format(first="重大投资项目，由财政部或国家发展改革委研究决定。")
    assert explicit(text) == {("财政部", "一", L, EX), ("国家发展改革委", "一", L, EX)}
    assert not any(f[3] is INF for f in facts(text))


def test_a_decision_that_must_pass_either_body_makes_both_lead():
    text = RULES.format(first="有关重大事项，必须经财政部或人民银行批准。")
    assert explicit(text) == {("财政部", "一", L, EX), ("人民银行", "一", L, EX)}


def test_every_body_before_huitong_leads_and_the_ones_after_take_part():
    text = RULES.format(first="财政部、人民银行会同工业和信息化部研究提出了办理意见。")
    assert explicit(text) == {("财政部", "一", L, EX), ("人民银行", "一", L, EX), ("工业和信息化部", "一", P, EX)}


@pytest.mark.parametrize("first", [
    "财政部根据经济社会发展的需要，适时提出预算调整方案。",  # grounds, then the act
    "财政部在作出重大决策前，根据需要通过召开座谈会等形式，直接听取各方面的意见。",  # time, grounds, means
    "财政部通过举办讲座等方式，组织学习经济和法律知识。",  # means
    "财政部提出年度重点工作目标，下发执行。",  # a rule text's plain 提出…目标
    "财政部通过建立多种途径来落实这一要求。",  # a means run on into its verb with 来
])
def test_a_subject_that_opens_the_sentence_leads_the_act_after_its_frames(first):
    assert explicit(RULES.format(first=first)) == {("财政部", "一", L, EX)}


@pytest.mark.parametrize("first", [
    "根据财政部的意见，暂不调整。",  # the body is the source of the grounds, not a subject
    "按照财政部提出的要求，做好准备。",
    "财政部提出了具体意见。",  # a past act, told
    "各项工作要报财政部，根据需要由其汇总。",  # a recipient
])
def test_a_body_that_is_no_subject_of_a_framed_act_has_no_lead(first):
    assert ("财政部", "一", L, EX) not in explicit(RULES.format(first=first))


@pytest.mark.parametrize("first", [
    "财政部将对各地区政务新媒体进行网上监测和抽查，并通报有关情况。",  # 进行…抽查
    "由财政部组织有关部门，对部分城市抗震设防工作进行一次检查。",  # 进行一次检查
])
def test_a_body_that_inspects_others_work_is_its_supervisor_not_its_lead(first):
    assert explicit(RULES.format(first=first)) == {("财政部", "一", SU, EX)}


def test_a_target_that_names_spot_checks_as_its_object_makes_no_supervisor():
    assert ("财政部", "一", SU, EX) not in explicit(RULES.format(first="到2019年底，财政部完成双随机抽查全流程整合。"))


def test_a_collective_singled_out_with_tebieshi_and_no_comma_still_implements():
    text = RULES.format(first="各级人民政府特别是当地政府应把宣传作为一项重要内容。")
    assert ("各级人民政府", "一", IM, EX) in explicit(text)


def test_the_body_the_work_is_coordinated_under_coordinates_it():
    text = RULES.format(first="在市智能制造联席会议统筹指导下，各区政府要切实履行主体责任。")
    assert ("市智能制造联席会议", "一", CO, EX) in explicit(text)


def test_the_body_the_work_is_led_under_gets_no_act_of_its_own():
    # 在X领导下 is the frame of authority the acting body works in (as the real gold reads it)
    text = RULES.format(first="在市智能制造联席会议领导下，成立联合工作组，负责具体实施。")
    assert not any(f[0] == "市智能制造联席会议" for f in explicit(text))


@pytest.mark.parametrize("first, body", [
    ("人民银行将着重做好对长江上游船舶污染的监督管理工作。", "人民银行"),  # 做好对…的监督管理
    ("财政部将着重做好城市污水处理的监督管理工作。", "财政部"),  # 做好…的监督管理, no 对
])
def test_a_body_charged_with_overseeing_a_sector_is_its_supervisor(first, body):
    assert explicit(RULES.format(first=first)) == {(body, "一", SU, EX)}


def test_a_list_closed_by_an_unnamed_class_of_bodies_still_acts():
    # 科技部、财政部和相关科技项目管理部门要…: the named ones are told alike what to do, each leads
    text = RULES.format(first="财政部、人民银行和相关科技项目管理部门要分别修订相关管理办法。")
    assert explicit(text) == {("财政部", "一", L, EX), ("人民银行", "一", L, EX)}


@pytest.mark.parametrize("first", [
    "目前，财政部通过建立多种途径来落实这一要求。",  # a word of time before the subject
    "各部、各委员会、财政部根据法律和行政法规，在本部门的职权范围内，制定规章。",  # listed after collectives
    "财政部的主要任务是：讨论决定重大事项。",  # the body's tasks set out
])
def test_a_subject_after_a_time_word_or_collectives_or_with_its_tasks_set_out_leads(first):
    assert ("财政部", "一", L, EX) in explicit(RULES.format(first=first))


def test_a_body_whose_tasks_are_only_mentioned_mid_sentence_gets_no_lead_from_them():
    text = RULES.format(first="要认真研究财政部的主要任务是否合理。")
    assert ("财政部", "一", L, EX) not in explicit(text)


@pytest.mark.parametrize("first, expected", [
    ("财政部在国务院领导下，负责全国的试点工作。", {("财政部", "一", L, EX)}),  # 负责 after a frame
    ("财政部主管全国的试点工作。", {("财政部", "一", L, EX)}),  # X主管…工作
    ("财政部统一负责全国的试点工作；人民银行按照职责分工，负责有关的金融工作。",  # a subject opening a ；-clause
     {("财政部", "一", L, EX), ("人民银行", "一", L, EX)}),
    ("财政部、人民银行按照各自职责，做好相关工作。", {("财政部", "一", L, EX), ("人民银行", "一", L, EX)}),
    ("财政部、人民银行共同负责试点工作。", {("财政部", "一", L, EX), ("人民银行", "一", L, EX)}),  # jointly
])
def test_more_ways_a_rule_text_writes_a_body_in_charge(first, expected):
    assert explicit(RULES.format(first=first)) == expected


def test_a_body_named_as_the_authority_of_a_department_is_not_in_charge():
    assert explicit(RULES.format(first="报财政部主管部门备案。")) == set()


def test_a_designation_of_a_trades_or_projects_competent_department_is_a_body_that_supervises():
    from ingest.model import DocumentMeta
    from ingest.pipeline import parse_text

    text = ("国务院办公厅关于加强管理工作的通知\n国办发〔2018〕1号\n各省、自治区、直辖市人民政府：\n"
            "一、明确职责\n行业主管部门要加强对本行业企事业单位新媒体工作的指导和监督。\n"
            "二、加强监管\n项目管理部门要通过随机抽查等方式加强事中事后监管，防止发生违规行为。\n"
            "国务院办公厅\n2018年12月7日\n")
    doc = parse_text(text, DocumentMeta(slug="t", title="国务院办公厅关于加强管理工作的通知"))
    names = {d.key: d.pref_label for d in doc.departments}
    found = {(names[r.agent], r.unit_path, r.role) for r in doc.responsibilities}
    assert found >= {("行业主管部门", "一", SU), ("项目管理部门", "二", SU)}
    assert not any(role is IM for _, _, role in found)


def test_a_body_named_only_as_the_employer_of_a_post_is_no_implementer():
    text = RULES.format(first="全国性会议不邀请各省级人民政府负责人出席。")
    assert not any(f[0] == "各省级人民政府" for f in facts(text))


def test_the_1990s_designations_of_labour_planning_and_trade_departments_are_bodies():
    from ingest.bodynames import _FUNCTIONAL_RE

    for name in ("各级劳动部门", "计划部门", "经贸部门"):
        assert _FUNCTIONAL_RE.fullmatch(name), name


def test_a_list_of_subjects_with_fuze_each_leads_but_a_note_keeps_the_first_listed_convention():
    assert explicit(RULES.format(first="财政部、人民银行负责道路交通安全整治工作。")) == {
        ("财政部", "一", L, EX), ("人民银行", "一", L, EX)}
    noted = facts(RULES.format(first="加强道路交通安全整治。（财政部、人民银行负责）"))
    assert ("财政部", "一", L, INF) in noted and ("人民银行", "一", P, EX) in noted


def test_a_duty_after_the_frame_of_authority_is_read_from_its_own_clause():
    # 审计署在总理领导下，依照法律规定独立行使审计监督权: the supervision, not a plain lead
    text = RULES.format(first="人民银行在国务院领导下，依照法律规定独立行使监督权，不受其他机关干涉。")
    assert explicit(text) == {("人民银行", "一", SU, EX)}


def test_the_body_others_help_leads_and_a_follow_up_inspection_supervises():
    assert explicit(RULES.format(first="人民银行要积极配合财政部做好相关工作。")) == {
        ("人民银行", "一", P, EX), ("财政部", "一", L, EX)}
    assert explicit(RULES.format(first="财政部对各地落实情况进行跟踪检查。")) == {("财政部", "一", SU, EX)}


@pytest.mark.parametrize("first, role", [
    ("财政部抓紧制定配套政策。", L), ("财政部加快出台配套政策。", L), ("财政部及时总结经验，适时推广。", L),
    ("财政部督促各地抓紧落实。", SU),
])
def test_a_body_that_acts_soon_or_urges_others_with_no_modal(first, role):
    assert explicit(RULES.format(first=first)) == {("财政部", "一", role, EX)}


def test_a_body_given_a_review_is_its_evaluator_not_its_lead():
    assert explicit(RULES.format(first="部门规章由财政部审查并定期向国务院报告。")) == {("财政部", "一", EV, EX)}


@pytest.mark.parametrize("first, expected", [
    ("财政部要在充分调研的基础上，会同人民银行，于2019年底前研究提出具体办法。",
     {("财政部", "一", L, EX), ("人民银行", "一", P, EX)}),  # 要在…基础上，… is a duty
    ("在国务院统一领导下，财政部、人民银行分工负责。", {("财政部", "一", L, EX), ("人民银行", "一", L, EX)}),
    ("财政部作为主管部门，负责试点工作的组织实施。", {("财政部", "一", L, EX)}),
    ("财政部要加强对各地的督促指导。", {("财政部", "一", SU, EX)}),
    ("要充分发挥财政部的牵头作用。", {("财政部", "一", L, EX)}),
    ("要发挥市智能制造联席会议的统筹协调作用。", {("市智能制造联席会议", "一", CO, EX)}),
])
def test_duties_written_around_the_body(first, expected):
    assert explicit(RULES.format(first=first)) == expected
