"""build_graph on the synthetic document: exact triples, determinism, vocabulary closure."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Literal
from rdflib.compare import isomorphic

from kg import iri
from kg.build import build_graph
from kg.terms import decimal_literal
from kg.vocab import DCTERMS, ELI, ORG, POL, PROV, RDF, SKOS, XSD

DOC = iri.document_iri("tiny-plan")
MEASURE = iri.unit_iri("tiny-plan", "2.1.1")
MEASURE2 = iri.unit_iri("tiny-plan", "2.1.2")
TASK = iri.unit_iri("tiny-plan", "2.1")
ECON = iri.department_iri("shanghai-municipal-commission-of-economy-and-informatization")
JOINT = iri.department_iri("shanghai-technical-transformation-joint-conference")
FINANCE = iri.department_iri("shanghai-municipal-finance-bureau")


def test_measure_triples(graph):
    expected = {
        (MEASURE, RDF.type, POL.Measure),
        (MEASURE, RDF.type, ELI.LegalResourceSubdivision),
        (MEASURE, POL.path, Literal("二（一）1")),
        (MEASURE, POL.key, Literal("2.1.1")),
        (MEASURE, ELI.is_part_of, TASK),
        (MEASURE, POL.inDocument, DOC),
        (MEASURE, POL.heading, Literal("推广工业机器人应用")),
        (MEASURE, POL.text, Literal("推广工业机器人应用。由市经信委牵头，市财政局配合。")),
        (MEASURE, POL.start, Literal(109, datatype=XSD.integer)),
        (MEASURE, POL.end, Literal(134, datatype=XSD.integer)),
        (MEASURE, PROV.wasDerivedFrom, DOC),
        (MEASURE, PROV.wasGeneratedBy, iri.activity_iri("tiny-plan")),
        (MEASURE, DCTERMS.subject, iri.concept_iri("industrial-robot")),
    }
    assert expected <= set(graph)


def test_top_level_unit_is_part_of_document(graph):
    assert (iri.unit_iri("tiny-plan", "1"), ELI.is_part_of, DOC) in graph


def test_inferred_responsibility_triples(graph):
    resp = iri.responsibility_iri("tiny-plan", "2.1.2", "shanghai-technical-transformation-joint-conference", "lead")
    assert {
        (resp, RDF.type, POL.Responsibility),
        (resp, POL.agent, JOINT),
        (resp, POL.assignedTo, MEASURE2),
        (resp, POL.role, POL.Lead),
        (resp, POL.basis, POL.Inferred),
        (resp, POL.rule, Literal("coordinating-body-owns-unassigned-measures")),
    } <= set(graph)


def test_explicit_responsibility_has_evidence_span(graph):
    resp = iri.responsibility_iri("tiny-plan", "2.1.1", "shanghai-municipal-finance-bureau", "participant")
    assert graph.value(resp, POL.basis) == POL.Explicit
    assert graph.value(resp, POL.role) == POL.Participant
    assert str(graph.value(resp, POL.evidence)) == "由市经信委牵头，市财政局配合。"
    assert (resp, POL.rule, None) not in graph


def test_target_triples(graph):
    t2, t3 = iri.target_iri("tiny-plan", "1.1.t2"), iri.target_iri("tiny-plan", "1.1.t3")
    goal = iri.unit_iri("tiny-plan", "1.1")
    assert (goal, POL.hasTarget, t2) in graph
    assert graph.value(t2, POL.quantity) == decimal_literal(Decimal("5"))
    assert graph.value(t2, POL.quantityMax) == decimal_literal(Decimal("6"))
    assert graph.value(t3, POL.comparator) == Literal("≥")
    assert graph.value(t3, POL.unit) == Literal("%")
    assert graph.value(t3, POL.deadline) == Literal("2020-12-31", datatype=XSD.date)
    assert graph.value(t3, POL.deadlineBasis) == POL.Inferred
    assert (t3, POL.quantityMax, None) not in graph


def test_departments_joint_body_and_mentions(graph):
    assert (ECON, SKOS.prefLabel, Literal("上海市经济和信息化委员会", lang="zh")) in graph
    assert (ECON, SKOS.altLabel, Literal("市经信委", lang="zh")) in graph
    assert (JOINT, RDF.type, ORG.OrganizationalCollaboration) in graph
    assert (JOINT, POL.createdBy, DOC) in graph
    assert {(JOINT, ORG.hasMember, ECON), (JOINT, ORG.hasMember, FINANCE)} <= set(graph)
    mentions = list(graph.objects(FINANCE, POL.mentionedAt))
    assert len(mentions) == 2
    assert {str(graph.value(m, POL.text)) for m in mentions} == {"市财政局"}


def test_citation_from_preamble_and_document_metadata(graph):
    cited = iri.cited_iri("zhongguo-zhizao-2025")
    assert (DOC, DCTERMS.references, cited) in graph
    assert (cited, DCTERMS.title, Literal("中国制造2025", lang="zh")) in graph
    assert (DOC, DCTERMS.title, Literal("微型技术改造方案", lang="zh")) in graph
    assert (DOC, RDF.type, ELI.LegalResource) in graph
    assert graph.value(DOC, DCTERMS.temporal) == Literal("2018/2020")


def test_build_twice_is_identical(document_factory, concepts):
    first = build_graph([document_factory()], concepts=concepts)
    second = build_graph([document_factory()], concepts=concepts)
    assert len(first) == len(second)
    assert set(first) == set(second)  # no blank nodes: plain set equality, stronger than isomorphism
    assert isomorphic(first, second)


def test_same_department_in_two_documents_is_one_node(document_factory, concepts):
    other = document_factory()
    other.meta.slug = "tiny-plan-copy"
    graph = build_graph([document_factory(), other], concepts=concepts)
    assert len(set(graph.subjects(RDF.type, ORG.Organization))) == 3
    assert set(graph.objects(ECON, PROV.wasDerivedFrom)) == {DOC, iri.document_iri("tiny-plan-copy")}


def test_no_timestamps(graph):
    assert not any(o.datatype in (XSD.dateTime,) for o in graph.objects() if isinstance(o, Literal))


@pytest.mark.parametrize("term", ["Mesure", "hasTargets", "Leader"])
def test_misspelt_pol_term_raises(term):
    with pytest.raises(AttributeError):
        getattr(POL, term)


def test_misspelt_eli_term_raises():
    with pytest.raises(AttributeError):
        ELI.isPartOf  # noqa: B018


def test_every_pol_term_is_declared_in_the_ontology(graph):
    from rdflib import RDFS

    for term in dir(POL):
        languages = {label.language for label in graph.objects(term, RDFS.label)}
        assert {"zh", "en"} <= languages, term


TASK_TABLE_PLAN = """一、重点任务
（一）推进智能制造
1.建设智能工厂。
二、保障措施
（一）加强组织。各区建立推进机制。区级层面负责制定实施方案。

附件1
重点任务分解表
序号\t工作任务\t牵头单位\t配合单位\t完成时限
1\t建设智能工厂\t市经信委\t市财政局\t2024年9月底前
"""


def test_every_statement_and_the_due_date_of_a_task_table_row():
    from ingest import parse_text
    from ingest.model import DocumentMeta

    doc = parse_text(TASK_TABLE_PLAN, DocumentMeta(slug="table-plan", title="t", source_file="t.txt"))
    graph = build_graph([doc])
    due = {(str(graph.value(r, POL.role)), str(d), str(graph.value(r, POL.dueText)))
           for r, d in graph.subject_objects(POL.due)}
    assert due == {(str(POL.Lead), "2024-09-30", "2024年9月底前"), (str(POL.Participant), "2024-09-30", "2024年9月底前")}
    assert all(d.datatype == XSD.date for d in graph.objects(None, POL.due))
    # two statements of one (unit, body, role): two nodes, each with its own evidence
    safeguard = iri.unit_iri("table-plan", "2.1")
    implementers = [r for r in graph.subjects(POL.assignedTo, safeguard) if graph.value(r, POL.role) == POL.Implementer]
    assert sorted(str(graph.value(r, POL.evidence)) for r in implementers) == ["区级层面负责制定实施方案。", "各区建立推进机制。"]
