"""ingest.function: what a unit does, from short made-up sentences of every genre, and the precedence between cues."""

from __future__ import annotations

import pytest

from ingest.function import (
    ACTIONABLE,
    FUNCTIONS,
    FunctionCall,
    assign_functions,
    unit_function,
)
from ingest.model import DocumentMeta, Numbering, Span, Unit, UnitKind


def make_unit(text: str, kind: UnitKind = UnitKind.ITEM, heading: str = "", path: str = "一",
              parent: str | None = None, numbering: Numbering = Numbering.HAN_COMMA) -> Unit:
    return Unit(kind=kind, numbering=numbering, number=1, label="一、", path=path, key="1", heading=heading,
                text=text, span=Span(0, len(text)), heading_span=Span(0, len(heading)), parent=parent)


def function_of(text: str, kind: UnitKind = UnitKind.ITEM, heading: str = "") -> str:
    return unit_function(make_unit(text, kind, heading)).function


@pytest.mark.parametrize(("text", "kind", "heading", "expected"), [
    # goal
    ("到2025年，全市新能源汽车保有量达到50万辆。", UnitKind.ITEM, "", "goal"),
    ("工作目标。2024年底前，建成统一的政务服务平台。", UnitKind.ITEM, "工作目标", "goal"),
    ("建成100个示范项目。", UnitKind.GOAL, "", "goal"),
    # action
    ("推进智能工厂建设。支持企业实施数字化改造，开展示范应用。", UnitKind.MEASURE, "推进智能工厂建设", "action"),
    ("加强人才培养。完善校企联合培养机制。（教育部负责）", UnitKind.ITEM, "加强人才培养", "action"),
    # support
    ("对企业购置工业机器人的，按设备投资额的10%给予补贴，最高不超过200万元。", UnitKind.ITEM, "", "support"),
    ("养老机构提供的养护服务免征增值税。", UnitKind.ITEM, "", "support"),
    ("对符合条件的项目给予贷款贴息。", UnitKind.ARTICLE, "", "support"),
    ("开通重大项目审批绿色通道，实行专人跟踪服务。", UnitKind.ITEM, "", "support"),
    # rule
    ("专利代理师执业应当取得专利代理师资格证。", UnitKind.ARTICLE, "", "rule"),
    ("未经合法性审核的文件，不得提交集体审议。", UnitKind.ITEM, "", "rule"),
    ("违反本办法规定的，由市场监管部门责令改正，处1万元以上5万元以下罚款。", UnitKind.ARTICLE, "", "rule"),
    ("本办法自2020年5月1日起施行。", UnitKind.ARTICLE, "", "rule"),
    ("申报企业按年度指南提出申请，经初审后报送市工信局审核。", UnitKind.ARTICLE, "申报程序", "rule"),
    # duty
    ("国务院专利行政部门负责全国的专利代理管理工作。", UnitKind.ARTICLE, "", "duty"),
    ("成立市推进工作领导小组，组长由分管副市长担任。领导小组办公室设在市经信委。", UnitKind.SAFEGUARD, "", "duty"),
    ("市财政局负责统筹推进资金管理，定期报送进展情况。", UnitKind.SAFEGUARD, "", "duty"),
    # decision
    ("同意以哈尔滨市名义申办2009年世界大学生冬季运动会。", UnitKind.ITEM, "", "decision"),
    ("国务院决定，授予张三国家最高科学技术奖。", UnitKind.PREAMBLE, "", "decision"),
    ("对北京市等130项地方典型经验做法予以通报表扬。", UnitKind.PREAMBLE, "", "decision"),
    ("以国务院名义发文，经分管领导同志审核后，由总理签发。", UnitKind.ITEM, "", "rule"),
    ("这项工作由外交部统一归口管理，有关省也要指定有关部门负责。", UnitKind.ITEM, "", "duty"),
    ("对经认定的外籍高层次人才，可申请签发有效期较长的工作类居留许可。", UnitKind.ITEM, "", "support"),
    # context
    ("以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大精神。", UnitKind.GUIDELINE, "指导思想", "context"),
    ("坚持市场主导。充分发挥市场在资源配置中的决定性作用。", UnitKind.PRINCIPLE, "坚持市场主导", "context"),
    ("《实施方案》已经国务院同意，现印发给你们，请认真贯彻执行。", UnitKind.PREAMBLE, "", "context"),
    ("你部《关于…的请示》收悉。现函复如下：", UnitKind.PREAMBLE, "", "context"),
])
def test_function_of_a_unit(text, kind, heading, expected):
    assert function_of(text, kind, heading) == expected


@pytest.mark.parametrize(("text", "kind", "expected", "why"), [
    # a support stated in a unit that also states a rule: the support is what it offers
    ("对新认定的企业给予50万元奖励，申报材料须在3月底前提交。", UnitKind.ITEM, "support", "support before rule"),
    # a decision anywhere carries the unit, even after a background sentence
    ("近年来工作取得明显成效。经研究，同意设立示范区。", UnitKind.PARAGRAPH if hasattr(UnitKind, "PARAGRAPH")
     else UnitKind.ITEM, "decision", "decision anywhere"),
    # the formula 经国务院同意 is no decision of the unit's own
    ("经国务院同意，现将有关事项通知如下：", UnitKind.PREAMBLE, "context", "assent formula"),
    # 须经…批准 is a condition (a rule), not an approval
    ("外国专利代理机构设立常驻代表机构，须经国务院专利行政部门批准。", UnitKind.ARTICLE, "rule", "须经…批准"),
    # a sanction for cases to come is a rule, not a decision taken
    ("工作人员滥用职权的，依法给予处分。", UnitKind.ARTICLE, "rule", "conditional sanction"),
    # an owner note （…负责） says who does the work, not what the unit does
    ("加快发展产业集群。（发展改革委、工业和信息化部负责）", UnitKind.ITEM, "action", "owner note"),
    # a body's obligation is its duty; anyone else's is a rule
    ("税务机关应当自受理之日起20日内作出决定。", UnitKind.ARTICLE, "duty", "body subject"),
    ("纳税人应当留存有关资料备查。", UnitKind.ARTICLE, "rule", "regulated party"),
])
def test_precedence(text, kind, expected, why):
    assert function_of(text, kind) == expected, why


def test_the_cue_says_why():
    call = unit_function(make_unit("对企业购置设备的，按投资额的10%给予补贴。"))
    assert call == FunctionCall("support", "按投资额的10%给予补贴")
    assert unit_function(make_unit("以新时代中国特色社会主义思想为指导。", UnitKind.GUIDELINE, "指导思想")).cue == "指导思想"
    assert unit_function(make_unit("推进数字化转型。")).cue == "推进"


def test_list_items_take_the_function_of_their_introducer():
    parent = make_unit("社会团体有下列情形之一的，予以撤销：", UnitKind.SECTION, path="三")
    parent.children = ["三1", "三2"]
    items = [make_unit("未依照章程开展业务活动的；", path="三1", parent="三"),
             make_unit("未按规定参加年检的。", path="三2", parent="三")]
    done = assign_functions([parent, *items])
    assert [u.function for u in done] == ["rule", "rule", "rule"]
    assert done[1].function_cue.startswith("上文三：")


def test_a_top_level_list_after_a_commendation_is_the_commendation():
    opening = make_unit("经国务院同意，对下列地方典型经验做法予以通报表扬。", UnitKind.PREAMBLE, path="序言")
    title = make_unit("典型经验做法名单", UnitKind.PREAMBLE, path="序言2")
    items = [make_unit("北京市大力推进外国人来华工作许可制度改革。", path="1"),
             make_unit("上海市推进“一网通办”改革。", path="2")]
    done = assign_functions([opening, title, *items])
    assert [u.function for u in done] == ["decision", "context", "decision", "decision"]


def test_a_long_unit_is_not_a_list_item():
    parent = make_unit("有下列情形之一的，予以撤销：", UnitKind.SECTION, path="三")
    long_text = "加快推进数字化转型。" + "支持企业建设智能工厂，开展示范应用，完善服务体系。" * 5
    done = assign_functions([parent, make_unit(long_text, path="三1", parent="三")])
    assert done[1].function == "action"


def test_every_function_is_named_and_actionable_is_a_subset():
    assert set(FUNCTIONS) == {"goal", "action", "support", "rule", "duty", "decision", "context"}
    assert ACTIONABLE <= set(FUNCTIONS)


SHORT_PLAN = """为推进技术改造，制定本方案。
一、主要目标
到2020年，建设100个智能工厂。
二、重点任务
（一）推进智能化改造。支持企业实施智能化改造。
（二）加大资金支持。对企业技术改造项目按投资额的10%给予补贴，最高不超过500万元。
三、保障措施
（一）加强组织领导。成立市技术改造工作领导小组，办公室设在市经信委。
"""


def test_parse_text_sets_the_function_of_every_unit():
    from ingest import parse_text

    document = parse_text(SHORT_PLAN, DocumentMeta(slug="short-plan", title="技术改造方案"))
    functions = {u.path: u.function for u in document.units}
    assert functions["序言"] == "context"
    assert functions["二（一）"] == "action"
    assert functions["二（二）"] == "support"
    assert functions["三（一）"] == "duty"
    assert all(u.function in FUNCTIONS for u in document.units)
    assert all(u.function_cue or u.function in ("action", "context") for u in document.units)


def test_an_annex_that_is_the_list_a_decision_names_takes_the_decision():
    notice = make_unit("经国务院同意，对北京市等30项地方典型经验做法予以通报表扬。", UnitKind.PREAMBLE, path="序言")
    annex = make_unit("国务院大督查发现的典型经验做法（共30项）", UnitKind.ANNEX, heading="国务院大督查发现的典型经验做法（共30项）",
                      path="附件")
    annex.children = ["附件1"]
    item = make_unit("北京市大力推进外国人来华工作许可制度改革。", path="附件1", parent="附件")
    done = assign_functions([notice, annex, item])
    assert [u.function for u in done] == ["decision", "decision", "decision"]
    assert done[2].function_cue == "上文序言：予以通报表扬"


def test_an_annex_that_no_decision_names_keeps_its_own_function():
    notice = make_unit("国务院决定授予张三国家最高科学技术奖。", UnitKind.PREAMBLE, path="序言")
    annex = make_unit("重点任务分解表\n推进智能工厂建设", UnitKind.ANNEX, heading="重点任务分解表", path="附件")
    assert assign_functions([notice, annex])[1].function == "action"


def test_the_title_of_a_cited_document_decides_nothing():
    text = "你部《关于提请调整完善职业教育工作部际联席会议制度的请示》收悉。现批复如下："
    assert unit_function(make_unit(text, UnitKind.PREAMBLE)) == FunctionCall("context", "收悉")


def test_one_line_of_a_membership_list_and_a_principle_stated_as_a_norm():
    assert function_of("组 长：韩 正  国务院副总理", UnitKind.ITEM) == "duty"
    assert function_of("从严的原则。该取缔的要坚决取缔，该合并的必须合并。", UnitKind.PRINCIPLE, "从严的原则") == "rule"
    assert function_of("坚持市场主导。发挥市场的决定性作用。", UnitKind.PRINCIPLE, "坚持市场主导") == "context"
    assert function_of("张 勇  发展改革委副主任", UnitKind.ITEM) == "duty"
    assert function_of("推进智能工厂建设", UnitKind.ITEM) == "action"


@pytest.mark.parametrize(("text", "heading", "expected"), [
    # a heading that directs work makes the unit a thing to do, whatever its body goes on to mention
    ("改进课程体系。各学校应当按照行业需要设置课程，不得降低实训课时。", "改进课程体系", "action"),
    ("健全行业规范。推动制定服务规范，逐步形成统一的标准体系。", "健全行业规范", "action"),
    ("推动园区转型升级。鼓励园区引进龙头企业，对达到要求的给予一次性奖励。", "推动园区转型升级", "action"),
    ("支持组建产业创新联盟。由龙头企业牵头，联合高校和科研院所开展协同攻关。", "支持组建产业创新联盟", "action"),
    # a verb + 的 heads a noun phrase (推广的经验做法), no directive
    ("推广的经验做法。各地应当对照执行，不得擅自变通。", "推广的经验做法", "rule"),
    # …nor where a sentence offers a sum or a rate
    ("加强人才引进。对新引进的博士，按每人5万元给予安家补贴。", "加强人才引进", "support"),
    ("全面落实减税降费政策。严格执行各项税收优惠，做到应享尽享。", "全面落实减税降费政策", "support"),
    # …but not where the heading itself offers something or states a norm
    ("加大财政资金支持。对认定的示范园区给予一次性补助50万元。", "加大财政资金支持", "support"),
    ("完善用地保障。对重点项目优先安排用地指标。", "完善用地保障", "support"),
    ("申报条件。申报单位应当在本市注册满一年。", "申报条件", "rule"),
    # setting a group up is still a duty (not a heading's verb)
    ("成立工作专班。由市商务局牵头成立招商引资工作专班，统筹推进重大项目。", "", "duty"),
])
def test_a_heading_that_directs_work_is_an_action(text, heading, expected):
    assert function_of(text, UnitKind.ITEM, heading) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a closing paragraph after the last numbered part that settles a case is a rule or a decision like any other
    ("此外，林产品加工企业的用电价格参照农产品加工企业的有关规定执行。", "rule"),
    ("另外，其他港口的收费按交通运输部的现行办法办理。", "rule"),
    ("另外，同意你省在两个县先行开展试点。", "decision"),
    ("此外，受灾较重的企业可暂缓缴纳当年的场地使用费。", "rule"),
    ("另外，要推动全行业可持续发展。", "context"),
    # an exhortation or a bare reference stays context
    ("各地区、各部门要高度重视，切实抓好落实。", "context"),
    ("特此函复。", "context"),
])
def test_a_closing_that_settles_a_case_is_a_rule(text, expected):
    assert function_of(text, UnitKind.CLOSING) == expected
