"""Names over time in the graph: a plan's duty given to a body that was later reorganised is found by the new name."""

from __future__ import annotations

import pytest

from ingest import parse_text
from ingest.model import DocumentMeta
from kg import iri
from kg.build import build_graph
from kg.queries import department_view, list_departments, resolve_department
from kg.validate import validate
from kg.vocab import DCTERMS, ORG, POL

OLD = iri.department_iri("shanghai-municipal-environmental-protection-bureau")
NEW = iri.department_iri("shanghai-municipal-bureau-of-ecology-and-environment")

PLAN_2017 = """一、保障措施
（一）加强污染治理。由市环保局牵头，会同市财政局推进工业企业污染治理。
（二）强化资金保障。市财政局负责安排专项资金。
"""
PLAN_2021 = """一、保障措施
（一）推进减污降碳。市生态环境局负责组织实施重点行业减污降碳行动。
"""


@pytest.fixture(scope="module")
def graph():
    old = parse_text(PLAN_2017, DocumentMeta(slug="plan-2017", title="上海市污染治理行动计划（2017—2019年）",
                                             jurisdiction="上海市", period_start="2017"))
    return build_graph([old], concepts=None)


def test_successor_and_change_event_come_from_the_authority(graph):
    assert (NEW, DCTERMS.replaces, OLD) in graph and (OLD, DCTERMS.isReplacedBy, NEW) in graph
    (event,) = list(graph.objects(OLD, ORG.changedBy))
    assert (event, ORG.resultingOrganization, NEW) in graph
    assert str(graph.value(event, DCTERMS.date)) == "2018"
    assert str(graph.value(OLD, POL.jurisdiction)) == "上海市"
    assert validate(graph).conforms


def test_owns_the_new_name_finds_what_the_old_body_was_given_saying_so(graph):
    view = department_view(graph, "市生态环境局")
    assert view.iri == str(NEW)
    (duty,) = view.responsibilities.explicit
    assert (duty.unit_path, duty.role, duty.agent_iri) == ("一（一）", "lead", str(OLD))
    assert duty.via.startswith("上海市环境保护局 (predecessor of 上海市生态环境局")
    assert view.history == ["2018: 上海市环境保护局 → 上海市生态环境局 (组建市生态环境局，不再保留市环境保护局)"]


def test_the_old_name_still_resolves_to_its_own_body(graph):
    assert resolve_department(graph, "市环保局") == OLD
    view = department_view(graph, "市环保局")
    assert [r.via for r in view.responsibilities.explicit] == [""]
    assert view.successors == [str(NEW)]


def test_a_later_plan_under_the_new_name_is_found_from_the_old_one():
    old = parse_text(PLAN_2017, DocumentMeta(slug="plan-2017", title="t", jurisdiction="上海市", period_start="2017"))
    new = parse_text(PLAN_2021, DocumentMeta(slug="plan-2021", title="t", jurisdiction="上海市", period_start="2021"))
    graph = build_graph([old, new], concepts=None)
    view = department_view(graph, "市环保局")
    own, later = view.responsibilities.explicit
    assert (own.via, own.unit_path) == ("", "一（一）")
    assert later.via.startswith("上海市生态环境局 (successor of 上海市环境保护局")
    listed = {d.pref_label for d in list_departments(graph)}
    assert {"上海市环境保护局", "上海市生态环境局", "上海市财政局"} <= listed


def test_only_named_bodies_are_listed(graph):
    listed = {d.pref_label for d in list_departments(graph)}
    assert "上海市环境保护局" in listed and "上海市生态环境局" not in listed


def test_a_local_branch_is_part_of_its_central_body_when_both_are_named():
    doc = parse_text("一、保障措施\n（一）加强协同。海关总署牵头，上海海关、市政府办公厅配合。\n",
                     DocumentMeta(slug="customs", title="t", jurisdiction="上海市"))
    graph = build_graph([doc], concepts=None)
    pairs = {(str(a), str(b)) for a, b in graph.subject_objects(ORG.subOrganizationOf)}
    assert pairs == {(str(iri.department_iri("shanghai-customs")),
                      str(iri.department_iri("cn-general-administration-of-customs")))}
    assert str(graph.value(iri.department_iri("shanghai-customs"), POL.jurisdiction)) == "上海市"


@pytest.mark.parametrize("asked", ["上海市环保局", "环保局", "Shanghai Municipal Environmental Protection Bureau", "上海环保局"])
def test_any_written_form_the_authority_knows_resolves(graph, asked):
    assert resolve_department(graph, asked) == OLD


def test_every_name_resolves_as_the_full_comparison_does(graph):
    """The direct lookup (IRI, key, a label one body has) agrees with comparing every organisation's names, for
    every name of every body in the graph, shared names and former names included."""
    from kg.queries import _resolve_by_names, key_tail
    from kg.vocab import RDF, SKOS

    asked = set()
    for org in graph.subjects(RDF.type, ORG.Organization):
        asked.update({str(org), key_tail(org)})
        asked.update(str(label) for p in (SKOS.prefLabel, SKOS.altLabel) for label in graph.objects(org, p))
    assert len(asked) > 10
    for name in sorted(asked):
        assert resolve_department(graph, name) == _resolve_by_names(graph, name), name
