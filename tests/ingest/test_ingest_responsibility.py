"""Explicit responsibility annotations and the inference rules, on small synthetic plans."""

from __future__ import annotations

from ingest import parse_text
from ingest.model import Basis, DocumentMeta, Role, UnitKind

ECONOMY = "shanghai-municipal-commission-of-economy-and-informatization"
REFORM = "shanghai-municipal-development-and-reform-commission"
FINANCE = "shanghai-municipal-finance-bureau"
SCIENCE = "shanghai-science-and-technology-commission"
COMMERCE = "shanghai-municipal-commission-of-commerce"
CITY = "shanghai-municipal-government"
DISTRICTS = "shanghai-district-governments"

ANNOTATED = """为推进工作，制定本方案。
一、主要任务
（一）推进智能制造
1.建设智能工厂。责任单位：市经信委、市科委、市财政局
2.发展工业互联网。牵头单位：市发改委；配合单位：市商务委、市财政局
3.支持研发设计（市科委牵头，市经信委配合）。
4.由市商务委负责推进供应链改造。
5.完善统计制度。
二、保障措施
（一）加强评估。市经信委每年组织对各区工作情况进行评估，对计划落实情况开展督查。区级层面负责制定实施方案。
"""


def _doc(text: str, jurisdiction: str = "上海市"):
    # the texts are a Shanghai plan's: its jurisdiction reads 市经信委 (no place is a default)
    return parse_text(text, DocumentMeta(slug="test", title="test", source_file="test.txt", jurisdiction=jurisdiction))


def _roles(doc, path: str, basis: Basis | None = None) -> list[tuple[str, Role]]:
    return [(r.agent, r.role) for r in doc.responsibilities if r.unit_path == path and (basis is None or r.basis is basis)]


def test_units_and_kinds():
    doc = _doc(ANNOTATED)
    assert [(u.path, u.kind) for u in doc.units] == [
        ("序言", UnitKind.PREAMBLE),
        ("一", UnitKind.CHAPTER),
        ("一（一）", UnitKind.TASK),
        ("一（一）1", UnitKind.MEASURE),
        ("一（一）2", UnitKind.MEASURE),
        ("一（一）3", UnitKind.MEASURE),
        ("一（一）4", UnitKind.MEASURE),
        ("一（一）5", UnitKind.MEASURE),
        ("二", UnitKind.CHAPTER),
        ("二（一）", UnitKind.SAFEGUARD),
    ]


def test_explicit_annotations():
    doc = _doc(ANNOTATED)
    # a plain 责任单位 list: the others named participate; the first leads only by convention (see below)
    assert _roles(doc, "一（一）1", Basis.EXPLICIT) == [(SCIENCE, Role.PARTICIPANT), (FINANCE, Role.PARTICIPANT)]
    assert _roles(doc, "一（一）2", Basis.EXPLICIT) == [(REFORM, Role.LEAD), (COMMERCE, Role.PARTICIPANT),
                                                     (FINANCE, Role.PARTICIPANT)]
    assert _roles(doc, "一（一）3", Basis.EXPLICIT) == [(SCIENCE, Role.LEAD), (ECONOMY, Role.PARTICIPANT)]
    assert _roles(doc, "一（一）4", Basis.EXPLICIT) == [(COMMERCE, Role.LEAD)]
    assert _roles(doc, "二（一）", Basis.EXPLICIT) == [(ECONOMY, Role.EVALUATOR), (ECONOMY, Role.SUPERVISOR),
                                                     (DISTRICTS, Role.IMPLEMENTER)]
    explicit = [r for r in doc.responsibilities if r.basis is Basis.EXPLICIT]
    for r in explicit:
        assert r.span is not None and r.span.text(doc.source) == r.evidence and not r.rule
    assert explicit[0].evidence == "责任单位：市经信委、市科委、市财政局"


def test_first_listed_lead_is_inferred_unless_the_document_states_the_convention():
    doc = _doc(ANNOTATED)
    (lead,) = [r for r in doc.responsibilities if r.unit_path == "一（一）1" and r.role is Role.LEAD]
    assert (lead.agent, lead.basis, lead.rule) == (ECONOMY, Basis.INFERRED, "first-listed-body-leads")
    assert lead.span.text(doc.source) in lead.evidence
    stated = _doc(ANNOTATED.replace("制定本方案。", "制定本方案。各项任务列第一位者为牵头单位。"))
    assert _roles(stated, "一（一）1", Basis.EXPLICIT) == [(ECONOMY, Role.LEAD), (SCIENCE, Role.PARTICIPANT),
                                                         (FINANCE, Role.PARTICIPANT)]


def test_all_leads_when_the_document_says_so():
    doc = _doc(ANNOTATED.replace("制定本方案。", "制定本方案。所列责任单位均为牵头单位。"))
    assert _roles(doc, "一（一）1", Basis.EXPLICIT) == [(ECONOMY, Role.LEAD), (SCIENCE, Role.LEAD), (FINANCE, Role.LEAD)]


def test_the_plan_supervisor_is_not_the_lead_of_unassigned_work():
    doc = _doc(ANNOTATED)
    # 一（一）5 names no owner: nothing is recorded (the views say "the text names no owner")
    assert [r for r in doc.responsibilities if r.unit_path == "一（一）5"] == []
    assert not any(r.rule in ("plan-supervisor-leads-unassigned-work", "issuer-leads-unassigned-work")
                   for r in doc.responsibilities)


def test_no_issuer_fallback_lead():
    text = "一、主要任务\n（一）推进工作\n1.建设智能工厂。\n2.发展工业互联网。\n"
    doc = _doc(text)
    assert doc.responsibilities == [] and doc.departments == []
    doc = parse_text(text, DocumentMeta(slug="t", title="t", issuer="上海市经济和信息化委员会"))
    assert doc.responsibilities == []


def test_created_joint_body_keeps_what_the_text_says():
    text = ("一、重点任务\n（一）推进工作\n1.建设智能工厂。\n二、组织实施\n"
            "（一）建立机制。建立由市政府召集，市科委、市财政局等部门参加的市智能制造联席会议。联席会议负责统筹协调。"
            "市科委定期组织开展考核评估。\n")
    doc = _doc(text)
    joint = next(d for d in doc.departments if d.created_by_document)
    assert joint.members == [SCIENCE, FINANCE]
    assert _roles(doc, "二（一）", Basis.EXPLICIT) == [
        (CITY, Role.CONVENER), (SCIENCE, Role.PARTICIPANT), (FINANCE, Role.PARTICIPANT),
        (joint.key, Role.COORDINATOR), (SCIENCE, Role.EVALUATOR)]
    coordinates = next(r for r in doc.responsibilities if r.role is Role.COORDINATOR)
    assert coordinates.evidence == "联席会议负责统筹协调。"
    # the joint body coordinates where the text says so, not every unit of the plan
    assert _roles(doc, "一（一）1") == []


def test_a_joint_body_set_up_to_coordinate_coordinates_its_creating_unit():
    text = ("一、重点任务\n（一）推进工作\n1.建设智能工厂。\n二、组织实施\n"
            "（一）建立机制。建立智能制造推进联席会议制度，由市经信委牵头，市科委、市财政局等部门参加，定期研究重大问题，"
            "协调解决推进中的突出问题。\n")
    doc = _doc(text)
    joint = next(d for d in doc.departments if d.created_by_document)
    assert _roles(doc, "二（一）") == [(ECONOMY, Role.LEAD), (SCIENCE, Role.PARTICIPANT), (FINANCE, Role.PARTICIPANT),
                                     (joint.key, Role.COORDINATOR)]
    assert _roles(doc, "一（一）1") == []


def test_measures_take_the_lead_their_task_names():
    text = ("一、主要任务\n（一）推进智能制造（市科委牵头，市财政局配合）\n1.建设智能工厂。\n2.发展工业互联网。责任单位：市商务委\n"
            "二、保障措施\n（一）加强评估。市经信委每年组织对计划落实情况开展督查。\n")
    doc = _doc(text)
    assert _roles(doc, "一（一）", Basis.EXPLICIT) == [(SCIENCE, Role.LEAD), (FINANCE, Role.PARTICIPANT)]
    (inherited,) = [r for r in doc.responsibilities if r.unit_path == "一（一）1"]
    assert (inherited.agent, inherited.role, inherited.basis, inherited.rule) == (
        SCIENCE, Role.LEAD, Basis.INFERRED, "enclosing-unit-lead-leads-its-parts")
    assert inherited.span.text(doc.source) in inherited.evidence
    assert inherited.evidence.startswith("文本未写明本项牵头单位")
    # a measure that names its own lead keeps it, and inherits nothing
    assert _roles(doc, "一（一）2") == [(COMMERCE, Role.LEAD)]
    # the safeguard names its supervisor, and no lead is guessed for it
    assert [(r.agent, r.role, r.basis) for r in doc.responsibilities if r.unit_path == "二（一）"] == [
        (ECONOMY, Role.SUPERVISOR, Basis.EXPLICIT)]


def test_bodies_told_alike_each_lead_and_each_supervises():
    text = ("第一条 为规范管理，制定本办法。\n"
            "第二条 市经信委和市商务委应当加强公共信息发布，提供查询服务。\n"
            "第三条 市经信委和市商务委应当采取抽查方式，对经营活动进行检查、监督。\n"
            "第四条 市经信委和市商务委都要做好宣传。\n")
    doc = _doc(text)
    assert _roles(doc, "第二条", Basis.EXPLICIT) == [(ECONOMY, Role.LEAD), (COMMERCE, Role.LEAD)]
    assert _roles(doc, "第三条", Basis.EXPLICIT) == [(ECONOMY, Role.SUPERVISOR), (COMMERCE, Role.SUPERVISOR)]
    assert _roles(doc, "第四条", Basis.EXPLICIT) == [(ECONOMY, Role.LEAD), (COMMERCE, Role.LEAD)]


def _by_name(doc, path: str) -> set[tuple[str, Role]]:
    names = {d.key: d.pref_label for d in doc.departments}
    return {(names[r.agent], r.role) for r in doc.responsibilities if r.unit_path == path and r.basis is Basis.EXPLICIT}


def test_a_class_of_bodies_that_must_act_implements():
    doc = _doc("第一条 为规范管理，制定本办法。\n"
               "第二条 申请人应当报告税务机关，税务机关应当及时处理。\n"
               "第三条 登记管理机关和业务主管部门要加强管理。\n"
               "第四条 国务院税务主管部门应当发布指南。\n")
    assert _by_name(doc, "第二条") == {("税务机关", Role.IMPLEMENTER)}
    assert _by_name(doc, "第三条") == {("登记管理机关", Role.IMPLEMENTER), ("业务主管部门", Role.IMPLEMENTER)}
    assert _by_name(doc, "第四条") == {("国务院税务主管部门", Role.LEAD)}  # one named body: it leads


def test_acceptance_and_review_evaluate():
    doc = _doc("第一条 为规范管理，制定本办法。\n"
               "第二条 工作结束后，市经信委和市商务委要做好检查验收。\n"
               "第三条 由市经信委根据有关规定的要求，对申报材料进行审查。\n")
    assert _roles(doc, "第二条", Basis.EXPLICIT) == [(ECONOMY, Role.EVALUATOR), (COMMERCE, Role.EVALUATOR)]
    assert _roles(doc, "第三条", Basis.EXPLICIT) == [(ECONOMY, Role.EVALUATOR)]


def test_a_heading_that_names_a_body_is_the_subject_of_its_duty():
    doc = _doc("一、组织实施\n（一）成立工作机构。市经信委下设监督组、采购小组。\n"
               "1.监督组。负责对采购工作进行监督。\n"
               "2.采购小组。负责采购具体实施工作。\n", jurisdiction="")
    assert _by_name(doc, "一（一）1") == {("监督组", Role.SUPERVISOR)}
    assert _by_name(doc, "一（一）2") == {("采购小组", Role.LEAD)}


def test_the_bodies_items_name_after_a_lead_in_of_help_take_part():
    doc = _doc("第一条 为规范管理，制定本办法。\n"
               "第二条 有关部门有责任向市财政局提供以下信息：\n（一）市经信委、市商务委有关企业信息；\n"
               "（二）市科委确定需要提供的其他信息。\n")
    assert _roles(doc, "第二条（一）", Basis.EXPLICIT) == [(ECONOMY, Role.PARTICIPANT), (COMMERCE, Role.PARTICIPANT)]
    assert (SCIENCE, Role.PARTICIPANT) not in _roles(doc, "第二条（二）", Basis.EXPLICIT)


def test_bodies_written_before_a_review_evaluate_and_a_body_that_pays_leads():
    doc = _doc("一、评审\n经市经信委评审、市商务委审定和市科委审核，授予有关单位称号。\n"
               "二、经费\n市财政局每年从专项资金中支付100万元，用于管理经费。\n")
    assert _roles(doc, "一", Basis.EXPLICIT) == [(ECONOMY, Role.EVALUATOR), (COMMERCE, Role.EVALUATOR),
                                                (SCIENCE, Role.EVALUATOR)]
    assert _roles(doc, "二", Basis.EXPLICIT) == [(FINANCE, Role.LEAD)]


def test_every_body_listed_before_huitong_leads():
    # 会同 parts the leads (before it) from the helpers (after it): no first-listed convention is needed
    doc = _doc("一、措施\n（一）加大支持。对成效突出的区给予倾斜支持。（市经信委、市财政局会同有关部门负责）\n")
    assert _roles(doc, "一（一）", Basis.EXPLICIT) == [(ECONOMY, Role.LEAD), (FINANCE, Role.LEAD)]
    assert _roles(doc, "一（一）", Basis.INFERRED) == []


def test_a_body_that_holds_a_meeting_convenes_and_one_that_may_inspect_supervises():
    doc = _doc("一、工作规则\n会前，由市经信委召开联络员会议，研究议题。"
               "市商务委可根据工作需要，组织有关单位对各区工作进行督促检查。\n二、工作要求\n认真落实。\n")
    assert _roles(doc, "一", Basis.EXPLICIT) == [(ECONOMY, Role.CONVENER), (COMMERCE, Role.SUPERVISOR)]


def test_a_body_consulted_shang_takes_part():
    doc = _doc("一、附则\n具体办法由市经信委商市财政局另行制定。\n二、施行\n本办法自印发之日起施行。\n")
    assert _roles(doc, "一", Basis.EXPLICIT) == [(ECONOMY, Role.LEAD), (FINANCE, Role.PARTICIPANT)]


def _by_name_any(doc, path: str) -> set[tuple[str, Role]]:
    names = {d.key: d.pref_label for d in doc.departments}
    return {(names[r.agent], r.role) for r in doc.responsibilities if r.unit_path == path}


def test_a_group_the_text_sets_up_leads_but_not_one_others_may_set_up():
    doc = _doc("一、组织实施\n（一）成立工作机制。成立旧区改造工作小组，成员由市经信委、市商务委组成。\n"
               "（二）加强协调。各区可成立旧区改造协调小组，协调解决问题。\n", jurisdiction="")
    assert ("旧区改造工作小组", Role.LEAD) in _by_name_any(doc, "一（一）")
    assert not any(role is Role.LEAD for _, role in _by_name_any(doc, "一（二）"))
