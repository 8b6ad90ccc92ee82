"""A hand-made policy document with exact spans and a tiny concept scheme, for the search tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ingest.model import (
    Basis,
    ConceptMention,
    Department,
    DocumentMeta,
    Numbering,
    PolicyDocument,
    Responsibility,
    Role,
    Span,
    Target,
    Unit,
    UnitKind,
)
from search.encoders.fake import FakeEncoder
from search.lexicon import ConceptLabels

SLUG = "search-test-plan"

# Six short policy sentences written for these tests; every span below is found in this text.
SOURCE = (
    "一、总体要求\n"
    "（一）主要目标\n"
    "--打造新标杆。建设100个智能制造示范项目，审批周期压缩至15个工作日内。\n"
    "二、重点任务\n"
    "（一）实施智能化改造工程\n"
    "1.推广工业机器人应用。支持企业利用数控机床与工业机器人进行自动化改造。\n"
    "2.推进绿色制造。支持企业建设绿色工厂，实施节能改造，降低污染排放。\n"
    "3.发展再制造产业。提高废旧金属综合利用水平。\n"
    "三、保障措施\n"
    "（一）完善工作机制。建立市技术改造联席会议，市经济信息化委每年组织评估。\n"
    "（二）加强产融合作。发挥中小企业政策性融资担保基金作用，落实研发费用加计扣除等税收优惠政策。\n"
)

ECON = "shanghai-municipal-commission-of-economy-and-informatization"

CONCEPTS = [
    ConceptLabels("industrial-robot", "工业机器人", "industrial robot", ("机械臂", "自动化产线"),
                  ("robot", "robotic arm", "automation line"), "technology"),
    ConceptLabels("green-factory", "绿色工厂", "green factory", ("环保工厂",), ("eco-friendly plant",), "green"),
    ConceptLabels("remanufacturing", "再制造", "remanufacturing", ("翻新",), ("refurbishing",), "green"),
    ConceptLabels("financing-guarantee", "融资担保", "financing guarantee", ("贷款担保",),
                  ("loan guarantee", "credit guarantee"), "support-instrument"),
    ConceptLabels("tax-relief", "税收优惠", "tax relief", ("减税",), ("tax break", "tax deduction"),
                  "support-instrument"),
]


def span_of(text: str, after: int = 0) -> Span:
    start = SOURCE.index(text, after)
    return Span(start, start + len(text))


def _unit(kind: UnitKind, numbering: Numbering, number: int, label: str, path: str, key: str,
          text: str, parent: str | None) -> Unit:
    whole = span_of(label + text)
    span = Span(whole.start + len(label), whole.end)
    heading = text.split("。")[0]
    return Unit(kind=kind, numbering=numbering, number=number, label=label, path=path, key=key,
                heading=heading, text=text, span=span, heading_span=Span(span.start, span.start + len(heading)),
                parent=parent)


def make_document() -> PolicyDocument:
    units = [
        _unit(UnitKind.CHAPTER, Numbering.HAN_COMMA, 1, "一、", "一", "1", "总体要求", None),
        _unit(UnitKind.SECTION, Numbering.HAN_PAREN, 1, "（一）", "一（一）", "1.1", "主要目标", "一"),
        _unit(UnitKind.GOAL, Numbering.BULLET, 1, "--", "一（一）-1", "1.1.b1",
              "打造新标杆。建设100个智能制造示范项目，审批周期压缩至15个工作日内。", "一（一）"),
        _unit(UnitKind.CHAPTER, Numbering.HAN_COMMA, 2, "二、", "二", "2", "重点任务", None),
        _unit(UnitKind.TASK, Numbering.HAN_PAREN, 1, "（一）", "二（一）", "2.1", "实施智能化改造工程", "二"),
        _unit(UnitKind.MEASURE, Numbering.ARABIC, 1, "1.", "二（一）1", "2.1.1",
              "推广工业机器人应用。支持企业利用数控机床与工业机器人进行自动化改造。", "二（一）"),
        _unit(UnitKind.MEASURE, Numbering.ARABIC, 2, "2.", "二（一）2", "2.1.2",
              "推进绿色制造。支持企业建设绿色工厂，实施节能改造，降低污染排放。", "二（一）"),
        _unit(UnitKind.MEASURE, Numbering.ARABIC, 3, "3.", "二（一）3", "2.1.3",
              "发展再制造产业。提高废旧金属综合利用水平。", "二（一）"),
        _unit(UnitKind.CHAPTER, Numbering.HAN_COMMA, 3, "三、", "三", "3", "保障措施", None),
        _unit(UnitKind.SAFEGUARD, Numbering.HAN_PAREN, 1, "（一）", "三（一）", "3.1",
              "完善工作机制。建立市技术改造联席会议，市经济信息化委每年组织评估。", "三"),
        _unit(UnitKind.SAFEGUARD, Numbering.HAN_PAREN, 2, "（二）", "三（二）", "3.2",
              "加强产融合作。发挥中小企业政策性融资担保基金作用，落实研发费用加计扣除等税收优惠政策。", "三"),
    ]
    targets = [
        Target(key="1.1.b1.t1", unit_path="一（一）-1", indicator="智能制造示范项目", quantity=Decimal(100),
               quantity_max=None, unit="个", comparator="=", deadline=date(2020, 12, 31),
               text="100个智能制造示范项目", span=span_of("100个智能制造示范项目")),
        Target(key="1.1.b1.t2", unit_path="一（一）-1", indicator="审批周期", quantity=Decimal(15),
               quantity_max=None, unit="个工作日", comparator="≤", deadline=date(2020, 12, 31),
               text="压缩至15个工作日内", span=span_of("压缩至15个工作日内")),
    ]
    econ = Department(key=ECON, pref_label="上海市经济和信息化委员会", alt_labels=["市经济信息化委"],
                      pref_label_en="Shanghai Municipal Commission of Economy and Informatization",
                      category="department", mentions=[span_of("市经济信息化委")])
    evidence = "市经济信息化委每年组织评估"
    responsibilities = [
        Responsibility(agent=ECON, unit_path="三（一）", role=Role.EVALUATOR, basis=Basis.EXPLICIT,
                       evidence=evidence, span=span_of(evidence)),
        Responsibility(agent=ECON, unit_path="二（一）", role=Role.LEAD, basis=Basis.INFERRED,
                       evidence="rule: the economy commission leads unassigned tasks", span=None,
                       rule="default-lead"),
    ]
    mentions = [
        ConceptMention("industrial-robot", "二（一）1", span_of("工业机器人"), "工业机器人"),
        ConceptMention("green-factory", "二（一）2", span_of("绿色工厂"), "绿色工厂"),
        ConceptMention("remanufacturing", "二（一）3", span_of("再制造"), "再制造"),
        ConceptMention("financing-guarantee", "三（二）", span_of("融资担保"), "融资担保"),
        ConceptMention("tax-relief", "三（二）", span_of("税收优惠"), "税收优惠"),
    ]
    return PolicyDocument(
        meta=DocumentMeta(slug=SLUG, title="搜索测试计划"), source=SOURCE, preamble=None, units=units,
        targets=targets, departments=[econ], responsibilities=responsibilities, citations=[], concepts=mentions,
    )


def iri(key: str) -> str:
    from kg.iri import unit_iri

    return str(unit_iri(SLUG, key))
