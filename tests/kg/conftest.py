"""Fixtures for kg/ tests: a tiny synthetic policy document with exact spans, and its graph."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from rdflib import Graph, Literal

from ingest.model import (
    Basis,
    Citation,
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
from kg import iri
from kg.build import build_graph
from kg.vocab import RDF, SKOS

SLUG = "tiny-plan"

# Five short policy sentences under three chapters; every span below is found in this text.
SOURCE = (
    "为贯彻落实《中国制造2025》，制定本方案。\n"
    "一、总体要求\n"
    "（一）主要目标\n"
    "到2020年底，建设100个智能制造示范项目，形成5-6个产业集群。工业投资年均增速不低于5%。\n"
    "二、重点任务\n"
    "（一）实施智能化改造工程\n"
    "1.推广工业机器人应用。由市经信委牵头，市财政局配合。\n"
    "2.推进绿色制造。支持企业实施节能改造。\n"
    "三、保障措施\n"
    "（一）完善工作机制。建立市技术改造联席会议，市经济信息化委、市财政局参加。\n"
)

ECON = "shanghai-municipal-commission-of-economy-and-informatization"
FINANCE = "shanghai-municipal-finance-bureau"
JOINT = "shanghai-technical-transformation-joint-conference"


def span_of(text: str, after: int = 0) -> Span:
    """The span of the first occurrence of ``text`` in SOURCE at or after ``after``."""
    start = SOURCE.index(text, after)
    return Span(start, start + len(text))


def _unit(kind: UnitKind, numbering: Numbering, number: int, label: str, path: str, key: str,
          heading: str, text: str, parent: str | None, after: int = 0) -> Unit:
    span = span_of(label + text, after)
    own = Span(span.start + len(label), span.end)
    return Unit(kind=kind, numbering=numbering, number=number, label=label, path=path, key=key,
                heading=heading, text=text, span=own, heading_span=span_of(heading, own.start),
                parent=parent)


def make_document() -> PolicyDocument:
    """The synthetic PolicyDocument: 8 units, 3 targets, 3 departments, 3 responsibilities."""
    ch2 = SOURCE.index("二、")
    ch3 = SOURCE.index("三、")
    units = [
        _unit(UnitKind.CHAPTER, Numbering.HAN_COMMA, 1, "一、", "一", "1", "总体要求", "总体要求", None),
        _unit(UnitKind.GOAL, Numbering.HAN_PAREN, 1, "（一）", "一（一）", "1.1", "主要目标", "主要目标", "一"),
        _unit(UnitKind.CHAPTER, Numbering.HAN_COMMA, 2, "二、", "二", "2", "重点任务", "重点任务", None),
        _unit(UnitKind.TASK, Numbering.HAN_PAREN, 1, "（一）", "二（一）", "2.1", "实施智能化改造工程",
              "实施智能化改造工程", "二", ch2),
        _unit(UnitKind.MEASURE, Numbering.ARABIC, 1, "1.", "二（一）1", "2.1.1", "推广工业机器人应用",
              "推广工业机器人应用。由市经信委牵头，市财政局配合。", "二（一）", ch2),
        _unit(UnitKind.MEASURE, Numbering.ARABIC, 2, "2.", "二（一）2", "2.1.2", "推进绿色制造",
              "推进绿色制造。支持企业实施节能改造。", "二（一）", ch2),
        _unit(UnitKind.CHAPTER, Numbering.HAN_COMMA, 3, "三、", "三", "3", "保障措施", "保障措施", None),
        _unit(UnitKind.SAFEGUARD, Numbering.HAN_PAREN, 1, "（一）", "三（一）", "3.1", "完善工作机制",
              "完善工作机制。建立市技术改造联席会议，市经济信息化委、市财政局参加。", "三", ch3),
    ]
    # The goal 一（一） holds the targets; its own text is the sentence block under the heading.
    goal_text = "到2020年底，建设100个智能制造示范项目，形成5-6个产业集群。工业投资年均增速不低于5%。"
    units[1].text = "主要目标\n" + goal_text
    units[1].span = Span(units[1].span.start, units[1].span.start + len(units[1].text))
    by_path = {u.path: u for u in units}
    for u in units:
        if u.parent:
            by_path[u.parent].children.append(u.path)
    deadline_sentence = "到2020年底，建设100个智能制造示范项目，形成5-6个产业集群。"
    targets = [
        Target("1.1.t1", "一（一）", "智能制造示范项目", Decimal("100"), None, "个", "=", date(2020, 12, 31),
               "建设100个智能制造示范项目", span_of("建设100个智能制造示范项目")),
        Target("1.1.t2", "一（一）", "产业集群", Decimal("5"), Decimal("6"), "个", "=", date(2020, 12, 31),
               "形成5-6个产业集群", span_of("形成5-6个产业集群")),
        Target("1.1.t3", "一（一）", "工业投资年均增速", Decimal("5"), None, "%", "≥", date(2020, 12, 31),
               "工业投资年均增速不低于5%", span_of("工业投资年均增速不低于5%"),
               deadline_basis=Basis.INFERRED, deadline_evidence=deadline_sentence),
    ]
    departments = [
        Department(ECON, "上海市经济和信息化委员会", ["市经信委", "市经济信息化委"],
                   "Shanghai Municipal Commission of Economy and Informatization", "department",
                   mentions=[span_of("市经信委"), span_of("市经济信息化委")]),
        Department(FINANCE, "上海市财政局", ["市财政局"], "Shanghai Municipal Finance Bureau", "department",
                   mentions=[span_of("市财政局"), span_of("市财政局", ch3)]),
        Department(JOINT, "上海市技术改造联席会议", ["市技术改造联席会议"],
                   "Shanghai Joint Conference on Technical Transformation", "joint-body",
                   mentions=[span_of("市技术改造联席会议")], members=[ECON, FINANCE],
                   created_by_document=True),
    ]
    responsibilities = [
        Responsibility(ECON, "二（一）1", Role.LEAD, Basis.EXPLICIT, "由市经信委牵头，市财政局配合。",
                       span_of("由市经信委牵头，市财政局配合。")),
        Responsibility(FINANCE, "二（一）1", Role.PARTICIPANT, Basis.EXPLICIT, "由市经信委牵头，市财政局配合。",
                       span_of("由市经信委牵头，市财政局配合。")),
        Responsibility(JOINT, "二（一）2", Role.LEAD, Basis.INFERRED,
                       "no department is named; the joint conference coordinates the plan: 建立市技术改造联席会议",
                       span_of("建立市技术改造联席会议"), rule="coordinating-body-owns-unassigned-measures"),
    ]
    citations = [Citation("zhongguo-zhizao-2025", "中国制造2025", "", [""], [span_of("中国制造2025")])]
    concepts = [
        ConceptMention("industrial-robot", "二（一）1", span_of("工业机器人"), "工业机器人"),
        ConceptMention("green-manufacturing", "二（一）2", span_of("绿色制造"), "绿色制造"),
    ]
    meta = DocumentMeta(slug=SLUG, title="微型技术改造方案", title_en="Tiny Technical Transformation Plan",
                        jurisdiction="上海市", period_start="2018", period_end="2020",
                        source_file="tiny-plan.txt", sha256="0" * 64)
    return PolicyDocument(meta=meta, source=SOURCE, preamble=span_of("为贯彻落实《中国制造2025》，制定本方案。"),
                          units=units, targets=targets, departments=departments,
                          responsibilities=responsibilities, citations=citations, concepts=concepts)


def make_concepts() -> Graph:
    """A two-concept stand-in for ingest/data/concepts.ttl."""
    graph = Graph()
    scheme = iri.scheme_iri("policy-concepts")
    graph.add((scheme, RDF.type, SKOS.ConceptScheme))
    for key, zh, en in (("industrial-robot", "工业机器人", "industrial robot"),
                        ("green-manufacturing", "绿色制造", "green manufacturing")):
        concept = iri.concept_iri(key)
        graph.add((concept, RDF.type, SKOS.Concept))
        graph.add((concept, SKOS.inScheme, scheme))
        graph.add((concept, SKOS.prefLabel, Literal(zh, lang="zh")))
        graph.add((concept, SKOS.prefLabel, Literal(en, lang="en")))
    return graph


@pytest.fixture
def document() -> PolicyDocument:
    return make_document()


@pytest.fixture(scope="session")
def graph() -> Graph:
    """The synthetic document's graph; shared, so tests must not mutate it (copy first)."""
    return build_graph([make_document()], concepts=make_concepts())


@pytest.fixture
def concepts() -> Graph:
    return make_concepts()


@pytest.fixture
def document_factory():
    """Call it for a fresh synthetic document (to mutate, or to build twice)."""
    return make_document
