"""Bodies and roles after the eighth blind run: a county named by one character (魏县人民政府); a city's bureau's
county branch written with a city the short gazetteer lacks; 就业 in a name; a service centre's board; the towns and
streets as one collective; a committee's member units; a zone-like board named by a mountain; two levels under one
各; a designation written 同级 or listed bare after a scoped one; a heading that names a body alone with its acts
after it; X牵头的…项目; 对…进行初审 (a review) and 对…进行跟踪督办 (a follow-up). Texts written for these tests."""

from __future__ import annotations

from ingest import parse_text
from ingest.model import DocumentMeta


def _parse(text: str, jurisdiction: str = "邯郸市"):
    return parse_text(text, DocumentMeta(slug="t", title="", jurisdiction=jurisdiction))


def _names(doc) -> set[str]:
    return {n for d in doc.departments for n in [d.pref_label, *d.alt_labels]}


def _roles(doc) -> set[tuple[str, str, str]]:
    """(unit, role, every name of the body) for each explicit responsibility."""
    by_key = {d.key: d for d in doc.departments}
    out = set()
    for r in doc.responsibilities:
        if r.basis.value != "explicit":
            continue
        for name in [by_key[r.agent].pref_label, *by_key[r.agent].alt_labels,
                     *(doc.source[m.start:m.end] for m in by_key[r.agent].mentions)]:
            out.add((r.unit_path, r.role.value, name))
    return out


COMMENDED = """邯郸市人民政府办公室关于上半年重点工作情况的通报
一、表扬
（一）武安市人民政府。建立项目包联制度，新开工项目数量居全市首位。
（二）市行政审批局。推行“拿地即开工”，企业少跑三次。
二、问题
（一）项目推进慢。市卫生健康委牵头的卫生院建设项目有5个未完工。
三、要求
（一）限期整改。成安县人民政府、魏县人民政府要在年底前完成整改。
"""


def test_a_county_named_by_one_character_is_read_whole():
    doc = _parse(COMMENDED)
    assert "魏县人民政府" in _names(doc)
    assert not any(d.pref_label.endswith("市县人民政府") for d in doc.departments)


def test_a_heading_naming_a_body_alone_then_its_acts_makes_it_lead():
    roles = _roles(_parse(COMMENDED))
    assert ("一（一）", "lead", "武安市人民政府") in roles
    assert ("一（二）", "lead", "市行政审批局") in roles


def test_a_body_written_as_leading_a_project_leads_it():
    assert ("二（一）", "lead", "市卫生健康委") in _roles(_parse(COMMENDED))


def test_a_body_leading_a_mechanism_set_up_stays_no_statement():
    text = "关于加强协调的通知\n一、建立机制\n（一）建立市发展改革委牵头的项目协调机制，每月调度一次。\n"
    roles = _roles(_parse(text))
    assert not any(name == "市发展改革委" for _, _, name in roles)


TABLE = """迁安市人民政府关于分解重点工作任务的通知
一、任务
1．稳就业。发放创业贷款。（牵头单位：市人社局；责任单位：市财政局、市就业服务中心）
2．治污染。降低排放。（牵头单位：唐山市生态环境局迁安市分局；责任单位：各镇（乡）、街道）
3．保安全。完成安全生产任务。（牵头单位：市应急管理局；责任单位：市安委会各成员单位）
4．优服务。推行一窗通办。（牵头单位：区行政服务中心管委会；责任单位：区数据管理局）
"""


def test_names_in_owner_notes_are_read_whole():
    names = _names(_parse(TABLE, "迁安市"))
    assert {"市就业服务中心", "唐山市生态环境局迁安市分局", "各镇（乡）、街道", "市安委会各成员单位",
            "区行政服务中心管委会"} <= names
    assert "各镇（乡）" not in names and "各成员单位" not in names


LISTS = """吉林省人民政府关于支持民营经济的若干措施
一、措施
1．及时支付账款。（省财政厅负责，各市（州）人民政府、长白山管委会负责落实）
2．畅通沟通渠道。省发展改革委负责建立诉求办理机制。各市（州）、县（市、区）要建立相应工作机制。
"""


def test_a_board_named_by_a_mountain_in_a_list_is_a_body():
    assert "长白山管委会" in _names(_parse(LISTS, "吉林省"))


def test_two_levels_under_one_each_are_one_collective():
    assert ("一2", "implementer", "各市（州）、县（市、区）") in _roles(_parse(LISTS, "吉林省"))


RULES = """株洲市贷款贴息实施细则
第一条 为规范资金管理，制定本细则。
第二条 县市区（园区）工业和信息化主管部门会同同级财政部门对企业申报材料进行初审。
第三条 各县市区（园区）财政部门、工业和信息化主管部门应加强跟踪管理。
第四条 市政府督查室负责对各项任务落实情况进行跟踪督办。
"""


def test_a_same_level_designation_takes_the_scope_before_it():
    doc = _parse(RULES, "株洲市")
    roles = _roles(doc)
    assert ("第二条", "evaluator", "县市区（园区）工业和信息化主管部门") in roles
    assert ("第二条", "participant", "县市区（园区）财政部门") in roles
    assert ("第三条", "implementer", "县市区（园区）工业和信息化主管部门") in roles


def test_following_up_tasks_is_supervision():
    assert ("第四条", "supervisor", "市政府督查室") in _roles(_parse(RULES, "株洲市"))


def test_a_body_whose_acceptance_a_work_must_pass_evaluates_it():
    text = "临川县奖补办法\n第一条 工程奖补。对年底前建成并通过县水务局验收的灌溉工程，每亩补助200元。\n"
    assert {(role, name) for _, role, name in _roles(_parse(text, "临川县"))} >= {("evaluator", "县水务局")}
