"""Support amounts, thresholds and time limits as input → expected tables; never also targets."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from ingest import parse_text
from ingest.model import DocumentMeta, Span
from ingest.support import extract_supports, kind_of, support_phrases
from ingest.targets import extract_targets
from kg import iri
from kg.build import build_graph
from kg.queries import get_unit
from kg.validate import check_spans, validate
from kg.vocab import POL, RDF

FIELDS = ("kind", "amount", "amount_max", "unit", "rate", "rate_base", "cap", "comparator", "condition")


def row(kind, amount=None, amount_max=None, unit="", rate=None, rate_base="", cap=None, comparator="", condition=""):
    return (kind, amount, amount_max, unit, rate, rate_base, cap, comparator, condition)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # subsidies: a rate, a cap, both, a range
        ("按智能化设备投入的15%给予补助，最高不超过800万元。",
         [row("subsidy", unit="万元", rate=D(15), rate_base="智能化设备投入", cap=D(800))]),
        ("对入选的示范项目，按核定投资额的20%给予支持。",
         [row("subsidy", rate=D(20), rate_base="核定投资额", condition="入选的示范项目")]),
        ("单个项目最高支持300万元。", [row("subsidy", unit="万元", cap=D(300))]),
        ("每条示范产线补助30-60万元。", [row("subsidy", amount=D(30), amount_max=D(60), unit="万元")]),
        ("对重点项目给予300万元至800万元补助。",
         [row("subsidy", amount=D(300), amount_max=D(800), unit="万元", condition="重点项目")]),
        ("给予不超过项目总投资8%的资助，最高1500万元。",
         [row("subsidy", unit="万元", rate=D(8), rate_base="项目总投资", cap=D(1500), comparator="≤")]),
        ("对购置首台套装备的用户，按采购金额的25%给予补贴，每家每年最高不超过200万元。",
         [row("subsidy", unit="万元", rate=D(25), rate_base="采购金额", cap=D(200), condition="购置首台套装备的用户")]),
        ("按设备投资额的12%给予不超过200万元的补助。",
         [row("subsidy", unit="万元", rate=D(12), rate_base="设备投资额", cap=D(200))]),
        ("设备投资100万元至300万元的改造项目，按设备投资额的8%给予补助。",
         [row("threshold", amount=D(100), amount_max=D(300), unit="万元", comparator="=",
              condition="设备投资100万元至300万元的改造项目"),
          row("subsidy", rate=D(8), rate_base="设备投资额", condition="设备投资100万元至300万元的改造项目")]),
        ("对新购设备金额大于50万元的，按购置金额的10%给予补助。",
         [row("threshold", amount=D(50), unit="万元", comparator="≥", condition="新购设备金额大于50万元的"),
          row("subsidy", rate=D(10), rate_base="购置金额", condition="新购设备金额大于50万元的")]),
        ("给予最高不超过技术合同成交额15%的补助。",
         [row("subsidy", rate=D(15), rate_base="技术合同成交额", comparator="≤")]),
        # rewards
        ("对新获评国家级、省级单项冠军的企业，分别给予80万元、30万元奖励。",
         [row("reward", amount=D(80), unit="万元", condition="新获评国家级、省级单项冠军的企业"),
          row("reward", amount=D(30), unit="万元", condition="新获评国家级、省级单项冠军的企业")]),
        ("对首次获评国家级绿色工厂的企业，给予一次性奖励80万元。",
         [row("reward", amount=D(80), unit="万元", condition="首次获评国家级绿色工厂的企业")]),
        ("对牵头制定国际标准的单位，奖励50万元。", [row("reward", amount=D(50), unit="万元", condition="牵头制定国际标准的单位")]),
        # loan interest
        ("按实际支付贷款利息的40%给予贴息，贴息期限不超过2年，单户每年贴息不超过100万元。",
         [row("loan-interest", unit="万元", rate=D(40), rate_base="实际支付贷款利息", cap=D(100)),
          row("time-limit", amount=D(2), unit="年", comparator="≤")]),  # the term is a limit of its own
        # tax
        ("经认定的软件企业，减按10%的税率征收企业所得税。",
         [row("tax", rate=D(10), rate_base="税率", condition="经认定的软件企业")]),
        ("制造业企业研发费用加计扣除比例提高到120%。", [row("tax", rate=D(120))]),
        # land
        ("重点产业项目土地出让价款按不低于基准地价的75%执行。",
         [row("land", rate=D(75), rate_base="基准地价", comparator="≥")]),
        # thresholds, alone and qualifying a payment
        ("对固定资产投资额2亿元以上的新建项目，给予一次性奖励300万元。",
         [row("threshold", amount=D(2), unit="亿元", comparator="≥", condition="固定资产投资额2亿元以上的新建项目"),
          row("reward", amount=D(300), unit="万元", condition="固定资产投资额2亿元以上的新建项目")]),
        ("外资研发中心年研发投入1000万美元以上，可申请专项资金，最高500万元。",
         [row("threshold", amount=D(1000), unit="万美元", comparator="≥", condition="外资研发中心年研发投入1000万美元以上"),
          row("subsidy", unit="万元", cap=D(500), condition="外资研发中心年研发投入1000万美元以上")]),
        ("对主营业务收入首次突破50亿元的企业，给予奖励100万元。",
         [row("threshold", amount=D(50), unit="亿元", comparator="≥", condition="主营业务收入首次突破50亿元的企业"),
          row("reward", amount=D(100), unit="万元", condition="主营业务收入首次突破50亿元的企业")]),
        ("对营业收入增长20%以上的企业，给予奖励10万元。",  # a percentage that qualifies is no target
         [row("threshold", amount=D(20), unit="%", comparator="≥", condition="营业收入增长20%以上的企业"),
          row("reward", amount=D(10), unit="万元", condition="营业收入增长20%以上的企业")]),
        # a sum the applicant must reach, in a sentence that names the reward it is for
        ("申请奖励的企业上一年度在本市实际缴纳税收不低于50万元。",
         [row("threshold", amount=D(50), unit="万元", comparator="≥",
              condition="申请奖励的企业上一年度在本市实际缴纳税收不低于50万元")]),
        # procedural time limits
        ("窗口自收到完整材料之日起10个工作日内办结。",
         [row("time-limit", amount=D(10), unit="个工作日", comparator="≤")]),
        ("奖励资金在公示结束后30日内拨付到位。", [row("time-limit", amount=D(30), unit="日", comparator="≤")]),
        ("受理部门应在3个工作日内予以答复。", [row("time-limit", amount=D(3), unit="个工作日", comparator="≤")]),
        ("拟资助名单向社会公示，公示期不少于7个工作日。",
         [row("time-limit", amount=D(7), unit="个工作日", comparator="≥")]),
        # length of service as a threshold
        ("对在本市社区卫生机构连续工作满3年的全科医生，给予一次性安家补贴5万元。",
         [row("threshold", amount=D(3), unit="年", comparator="≥", condition="连续工作满3年"),
          row("subsidy", amount=D(5), unit="万元", condition="连续工作满3年")]),
        # a deduction's standard and its limits: 扣除标准, 不能超过, a limit named after its sum (限额内)
        ("直辖市、省会（首府）城市，扣除标准为每月1500元；", [row("tax", amount=D(1500), unit="元")]),
        ("纳税人为非独生子女的，由其与兄弟姐妹分摊每月2000元的扣除额度，每人分摊的额度不能超过每月1000元。",
         [row("tax", cap=D(1000), unit="元", condition="纳税人为非独生子女的")]),
        ("个人负担累计超过15000元的部分，由纳税人在办理年度汇算清缴时，在80000元限额内据实扣除。",
         [row("threshold", amount=D(15000), unit="元", comparator="≥", condition="个人负担累计超过15000元的部分"),
          row("tax", cap=D(80000), unit="元", condition="个人负担累计超过15000元的部分")]),
    ],
)
def test_support_rows(text, expected):
    phrases = support_phrases(text)
    assert [tuple(getattr(p, f) for f in FIELDS) for p in phrases] == expected


@pytest.mark.parametrize(
    "text",
    [
        "到2025年，全市产业规模达到5000亿元，培育百亿级企业10家。",  # targets in a plain sentence
        "到2025年，工业产值达到8000亿元，对达标企业给予奖励。",  # a target beside a word of support
        "审批周期压缩至15个工作日内。",  # a target verb before a time limit keeps it a target
        "支持100家企业开展数字化转型。",  # a count with no money or rate
        "落实《关于支持小微企业发展的若干措施》（沪府规〔2023〕9号）。",
        "自获利年度起免征企业所得税。",  # relief with no figure
        "出口退税平均办理时间压缩至3个工作日以内。",  # a target in a sentence that names a tax word
        "两类通关时间分别控制在20小时和2小时以内，享受优惠政策。",
    ],
)
def test_not_support(text):
    assert support_phrases(text) == []


def test_time_limit_text_runs_to_its_verb():
    (p,) = support_phrases("审批部门应当在收到申请之日起20个工作日内作出决定。")
    assert "在收到申请之日起20个工作日内作出决定" == "审批部门应当在收到申请之日起20个工作日内作出决定。"[p.start : p.end]


@pytest.mark.parametrize(
    ("text", "kind"),
    [("给予贴息", "loan-interest"), ("减按15%征收所得税", "tax"), ("土地出让价款", "land"),
     ("一次性奖励", "reward"), ("给予补助", "subsidy"), ("加强组织领导", "other"),
     ("按纳税额的10%给予奖励", "reward"), ("给予用地补助", "subsidy"), ("研发费用加计扣除", "tax")],
)
def test_kind_of(text, kind):
    assert kind_of(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "按设备投资额的10%给予补助，最高不超过500万元。",
        "对投资额1亿美元以上的项目，给予一次性奖励100万元。",
        "自受理之日起15个工作日内办结。",
        "研发费用加计扣除比例提高到100%。",
        "对年营业收入2000万元以上的企业，按新增产值的5%给予奖励。",
    ],
)
def test_support_is_never_a_target(text):
    assert support_phrases(text)
    assert extract_targets(text, 0, "x", "1") == []


def test_targets_and_supports_side_by_side():
    text = "到2025年，培育智能工厂100家；对新认定的智能工厂，给予一次性奖励200万元。"
    (target,) = extract_targets(text, 0, "x", "1")
    (support,) = extract_supports(text, 0, "x", "1")
    assert (target.indicator, target.quantity, target.unit) == ("智能工厂", D(100), "家")
    assert (support.kind, support.amount, support.unit, support.condition) == ("reward", D(200), "万元", "新认定的智能工厂")
    assert target.span.end <= support.span.start


def test_extract_supports_keys_and_spans():
    text = "按投资额的10%给予补助，最高500万元。自受理之日起15个工作日内办结。"
    got = extract_supports(text, 100, "二（三）", "2.3")
    assert [(s.key, s.unit_path, s.kind) for s in got] == [("2.3.s1", "二（三）", "subsidy"), ("2.3.s2", "二（三）", "time-limit")]
    assert [s.span for s in got] == [Span(100, 120), Span(121, 136)]
    assert all(text[s.span.start - 100 : s.span.end - 100] == s.text for s in got)


DOC = """示范政策
一、总体目标
到2025年，全市建成智能工厂100家，工业互联网平台普及率达到45%。
二、支持措施
（一）技术改造补助。对总投资3000万元以上的技术改造项目，按设备投资额的10%给予补助，最高不超过500万元。
（二）办理时限。自受理之日起15个工作日内办结。
"""


@pytest.fixture(scope="module")
def doc():
    return parse_text(DOC, DocumentMeta(slug="support-demo", title="示范政策", source_file="support-demo.txt"))


def test_pipeline_reads_supports_apart_from_targets(doc):
    assert [(t.unit_path, t.quantity, t.unit) for t in doc.targets] == [("一", D(100), "家"), ("一", D(45), "%")]
    got = [(s.unit_path, s.kind, s.amount, s.rate, s.cap) for s in doc.supports]
    assert got == [("二（一）", "threshold", D(3000), None, None), ("二（一）", "subsidy", None, D(10), D(500)),
                   ("二（二）", "time-limit", D(15), None, None)]
    for s in doc.supports:
        assert s.span.text(doc.source) == s.text
    spans = [(t.span.start, t.span.end) for t in doc.targets]
    assert not any(a < s.span.end and s.span.start < b for s in doc.supports for a, b in spans)


def test_graph_and_unit_view_carry_supports(doc):
    graph = build_graph([doc])
    subsidy = iri.support_iri("support-demo", doc.supports[1].key)
    assert (subsidy, RDF.type, POL.Support) in graph
    assert (iri.unit_iri("support-demo", doc.unit("二（一）").key), POL.hasSupport, subsidy) in graph
    assert str(graph.value(subsidy, POL.supportKind)) == "subsidy"
    assert str(graph.value(subsidy, POL.condition)) == "总投资3000万元以上的技术改造项目"
    assert validate(graph).conforms
    assert check_spans(graph) == []
    view = get_unit(graph, "二（一）")
    assert [(s.kind, s.rate, s.cap, s.unit, s.rate_base) for s in view.supports] == [
        ("threshold", None, None, "万元", ""), ("subsidy", D(10), D(500), "万元", "设备投资额")]


def test_graph_keeps_about_comparator_and_stated_period():
    text = "示范规划\n一、目标\n“十四五”期间，新增就业岗位约5万个。\n二、保障\n加强组织领导。\n"
    doc = parse_text(text, DocumentMeta(slug="period-demo", title="示范规划", source_file="period-demo.txt"))
    (target,) = doc.targets
    assert (target.comparator, target.deadline, target.period) == ("≈", None, "“十四五”期间")
    graph = build_graph([doc])
    assert validate(graph).conforms
    (view,) = get_unit(graph, "一").targets
    assert (view.comparator, view.period, view.deadline) == ("≈", "“十四五”期间", None)


# ------------------------------------------------------------------------------------------------ eligibility as data

from datetime import date as _date
from decimal import Decimal as _D

from ingest.conditions import conditions_of, validity_of


def _conds(text: str) -> list[tuple]:
    return [(c.kind, c.field, c.comparator, c.value, c.value_max, c.values, c.text) for c in conditions_of(text)]


@pytest.mark.parametrize("text, expected", [
    ("对参保缴费1年以上的企业，按上年度实际缴纳失业保险费的50%给予返还。",
     ("threshold", "years_insured", "≥", _D(1), None, (), "参保缴费1年以上")),
    ("对招用16-24岁登记失业青年的企业给予补贴。",
     ("person", "person.age", "between", _D(16), _D(24), (), "16-24岁")),
    ("对小微企业给予补贴。", ("who", "size", "in", None, None, ("small",), "小微企业")),
    ("对中小企业给予补贴。", ("who", "size", "in", None, None, ("small", "medium"), "中小企业")),
    ("在自贸试验区注册的企业可享受补助。", ("place", "place", "in", None, None, ("自贸", "自由贸易"), "自贸试验区")),
    ("在浦东新区注册的企业可享受补助。", ("place", "district", "in", None, None, ("浦东新区",), "在浦东新区注册")),
    ("年营业收入2000万元以上的制造业企业，给予奖励。",
     ("threshold", "revenue", "≥", _D(2000), None, (), "营业收入2000万元以上")),
    ("对制造业企业给予补助。", ("sector", "industry_code", "in", None, None, ("C",), "制造业")),
    ("对成立5年以内的企业给予补贴。", ("threshold", "founded", "≤", _D(5), None, (), "成立5年以内")),
    ("对成立满3年的企业给予补贴。", ("threshold", "founded", "≥", _D(3), None, (), "成立满3年")),
    ("对毕业年度高校毕业生给予补贴。", ("person", "person.status", "in", None, None, ("graduate",), "高校毕业生")),
    ("对返乡创业人员给予补贴。", ("person", "person.status", "in", None, None, ("returnee",), "返乡创业")),
])
def test_a_condition_is_read_as_data(text, expected):
    assert expected in _conds(text)


def test_a_range_gives_both_bounds_and_a_sentence_paying_nothing_gives_none():
    both = _conds("申请的企业上年度营业收入在2000万元以上、4亿元以下，给予补助。")
    assert [(c[1], c[2], c[3]) for c in both if c[1] == "revenue"] == [("revenue", "≥", _D(2000)), ("revenue", "≤", _D(4))]
    assert conditions_of("推进小微企业数字化转型。") == []  # an action, no support: no condition


@pytest.mark.parametrize("text, issued, expected", [
    ("执行期限为2019年1月1日至2020年12月31日。", None, (_date(2019, 1, 1), _date(2020, 12, 31))),
    ("本措施自2019年3月1日起施行，有效期至2020年12月31日。", None, (_date(2019, 3, 1), _date(2020, 12, 31))),
    ("本规定自2022年7月1日起施行，有效期三年。", None, (_date(2022, 7, 1), _date(2025, 6, 30))),
    ("本办法自印发之日起施行，有效期5年。", _date(2019, 3, 5), (_date(2019, 3, 5), _date(2024, 3, 4))),
    ("本办法自印发之日起施行。", None, (None, None)),
    # a programme's start and its cycle (a pilot's procurement results)
    ("于2019年初开始执行集中采购结果，周期为1年。", None, (_date(2019, 1, 1), _date(2019, 12, 31))),
    ("本措施自2019年1月1日起5年内有效。", None, (_date(2019, 1, 1), _date(2023, 12, 31))),
    ("执行期限为5年。", _date(2019, 3, 5), (_date(2019, 3, 5), _date(2024, 3, 4))),
])
def test_a_period_of_validity_is_read(text, issued, expected):
    found = validity_of(text, issued)
    assert (found.valid_from, found.valid_until) == expected and found.text in text


def test_no_period_in_a_plain_sentence():
    assert validity_of("到2025年，培育10家企业。") is None


@pytest.mark.parametrize("text", ["对建设周期为2年的项目给予补助。", "自认定之日起3年内给予奖励。", "确保1年内完成合同用量。",
                                  "从1996年起，新开工项目由银行贷款。", "对贷款期限为3年以上的给予贴息。"])
def test_a_project_s_length_or_a_benefit_window_is_no_period_of_validity(text):
    assert validity_of(text, _date(2019, 3, 5)) is None


def test_supports_carry_their_sentence_conditions_and_the_document_period():
    text = ("（一）对参保缴费1年以上的企业，按上年度实际缴纳失业保险费的50%给予稳岗返还。\n"
            "（二）对招用高校毕业生的企业给予补贴。\n"
            "本措施自2019年3月1日起施行，有效期至2020年12月31日。")
    doc = parse_text(text, DocumentMeta(slug="t", title="t"))
    support = next(s for s in doc.supports if s.rate == 50)
    assert [(c.field, c.comparator, c.value) for c in support.conditions] == [("years_insured", "≥", _D(1))]
    assert (support.valid_from, support.valid_until) == (_date(2019, 3, 1), _date(2020, 12, 31))
    assert doc.source[support.validity_span.start:support.validity_span.end] == support.validity_text
    c = support.conditions[0]
    assert doc.source[c.span.start:c.span.end] == c.text


def test_a_list_of_general_conditions_applies_to_every_support():
    text = ("第一条 申请本规定扶持的企业，应当同时具备下列条件：\n1．工商注册地在浑南区；\n2．从业人员在1000人以下。\n"
            "第二条 企业参加展会的，按照实际支付展位费的50%给予补助，单户企业每年度最高20万元。\n")
    doc = parse_text(text, DocumentMeta(slug="t", title="t"))
    support = next(s for s in doc.supports if s.rate == 50)
    assert {(c.field, c.values, c.value) for c in support.conditions} >= {("district", ("浑南区",), None),
                                                                         ("employees", (), _D(1000))}


def _rows(text):
    return [(p.kind, p.amount, p.unit, p.comparator) for p in support_phrases(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a term of support named as such is a time limit of its own, beside the payment it limits
        ("按实际支付贷款利息的40%给予贴息，贴息期限不超过2年。",
         [("loan-interest", None, "", ""), ("time-limit", D(2), "年", "≤")]),
        ("同一学历继续教育的扣除期限不能超过48个月。", [("time-limit", D(48), "个月", "≤")]),
        ("住房贷款利息的扣除期限最长不超过240个月。", [("time-limit", D(240), "个月", "≤")]),
        ("签约执行，周期为1年。", [("time-limit", D(1), "年", "=")]),
        ("按每人每月1500元的标准发放生活补贴，最长发放18个月。",
         [("subsidy", D(1500), "元", ""), ("time-limit", D(18), "个月", "≤")]),
        ("审核时间一般不少于5个工作日，最长不超过20个工作日。",
         [("time-limit", D(5), "个工作日", "≥"), ("time-limit", D(20), "个工作日", "≤")]),
        # a minimum term in years is a condition the recipient meets; a text's own validity is no support
        ("引进人才须承诺在本市服务期限不少于5年。", [("threshold", D(5), "年", "≥")]),
        ("本办法自印发之日起施行，有效期限为3年。", []),
        # a procedural limit whose verb stands a few words after the period
        ("由财政部门在公示期满后10个工作日内将奖补资金拨付至企业账户。", [("time-limit", D(10), "个工作日", "≤")]),
        ("应当自设立之日起30日内向所在地主管部门备案。", [("time-limit", D(30), "日", "≤")]),
        # who qualifies by age or length of service, in any sentence; a term of contract or loan in a support one
        ("本办法所称老人是指年满65岁的父母，以及年满65岁的祖父母。", [("threshold", D(65), "岁", "≥")]),
        ("申请人应当在服务机构实习满2年。", [("threshold", D(2), "年", "≥")]),
        ("对新引进并签订5年以上劳动合同的博士，按每人每月3000元的标准发放补贴。",
         [("threshold", D(5), "年", "≥"), ("subsidy", D(3000), "元", "")]),
        ("对企业获得的一年期以上银行贷款，按贷款利息的50%给予贴息。",
         [("threshold", D(1), "年", "≥"), ("loan-interest", None, "", "")]),
        # years of experience one must have to qualify, in any sentence (a recruitment, an accreditation)
        ("讲师原则上从具有4年以上行业工作经历的人员中选聘。", [("threshold", D(4), "年", "≥")]),
        ("认定机构应具备场地、设备和3年以上培训业绩。", [("threshold", D(3), "年", "≥")]),
        ("项目负责人须有八年以上研发经验，从业年限不少于10年。",
         [("threshold", D(8), "年", "≥"), ("threshold", D(10), "年", "≥")]),
        ("申报人应从事会计工作6年以上。", [("threshold", D(6), "年", "≥")]),
        # a length of anything else is none, nor is experience named in an aim
        ("编制5年以上的中长期发展规划。", []),
        ("力争培养具有5年以上工作经验的技术骨干200名。", []),
        # a bound on what a subsidy covers, in a measure that is not money
        ("按每月每平方米20元的标准给予房租补贴，补贴面积不超过300平方米。",
         [("subsidy", D(20), "元", ""), ("other", D(300), "平方米", "≤")]),
    ],
)
def test_terms_limits_and_qualifying_lengths(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a body must have to qualify, written as a requirement in any sentence
        ("3.有30个以上的会员。", [("threshold", D(30), "个", "≥")]),
        ("全国性协会应有20万元以上资金，地方性协会应有3万元以上资金。",
         [("threshold", D(20), "万元", "≥"), ("threshold", D(3), "万元", "≥")]),
        ("基金会基金数额不少于400万元人民币。", [("threshold", D(400), "万元", "≥")]),
        ("负责人应身体健康，年龄一般不超过65周岁。", [("threshold", D(65), "周岁", "≤")]),
        # whom a rule applies to: a count that ends a 的-clause
        ("报名企业在4家及以上的，采取竞价方式；报名企业为2家的，采取议价方式。",
         [("threshold", D(4), "家", "≥"), ("threshold", D(2), "家", "=")]),
        # an aim is no requirement
        ("到2030年，力争拥有10家以上上市公司。", []),
    ],
)
def test_requirements_outside_support_sentences(text, expected):
    assert _rows(text) == expected


def test_shares_of_one_deduction_between_claimants_are_no_further_supports():
    """按扣除标准的100%扣除 / 由双方分别按扣除标准的50%扣除: how one deduction is split, not a new support."""
    text = "纳税人的子女教育支出，按照每个子女每月1000元的标准定额扣除。父母可以选择由其中一方按扣除标准的100%扣除，也可以选择由双方分别按扣除标准的50%扣除。"
    assert [(p.kind, p.amount, p.rate) for p in support_phrases(text)] == [("tax", D(1000), None)]


def test_a_split_to_one_named_party_and_an_investment_quota():
    """由购买方按扣除标准的100%扣除 names who claims one deduction (no support of its own); an investment quota
    (固定资产投资规模每年按5亿元安排) is a figure of support of no payment kind (other), whatever the sentence says."""
    assert support_phrases("经夫妻双方约定，可以选择由购买方按扣除标准的100%扣除。") == []
    (quota,) = support_phrases("固定资产投资规模每年按5亿元安排，所需资金由银行筹措，请人民银行给予支持。")
    assert (quota.kind, quota.amount, quota.unit) == ("other", D(5), "亿元")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 优先推荐/优先支持 offer support: who qualifies for it is a threshold, a quota of beneficiaries is other
        ("对研发费用占营业收入比重不低于6%的企业，优先推荐申报省级企业技术中心。", [("threshold", D(6), "%", "≥")]),
        ("优先支持其行政区域内2家符合条件的开发区扩区。", [("other", D(2), "家", "")]),
        # a limit in years, written as a range, with its verb
        ("可渐进调整支付标准，在2—3年内调整到位。", [("time-limit", D(2), "年", "≤")]),
        ("力争3年内完成改造。", []),  # an aim, not a limit
    ],
)
def test_priority_support_and_limits_in_years(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a retention period and a limit on terms of office, written with Chinese numerals as such texts do
        ("纳税人应当将相关资料留存五年，以备查验。", [("time-limit", D(5), "年", "≥")]),
        ("负责人任期一般不超过两届。", [("threshold", D(2), "届", "≤")]),
        ("相关凭证保存期限不少于10年。", [("time-limit", D(10), "年", "≥")]),
    ],
)
def test_retention_and_terms_of_office(text, expected):
    assert _rows(text) == expected
