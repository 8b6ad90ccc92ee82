"""Read-only SPARQL (refusals, errors, limits, timeout), the typed queries and the network view."""

from __future__ import annotations

import multiprocessing
import time
from datetime import date
from decimal import Decimal

import pytest

from kg import iri
from kg.network import neighbourhood, owned_units, to_networkx
from kg.queries import (
    NotFound,
    department_view,
    get_unit,
    list_documents,
    list_targets,
    list_units,
    resolve_department,
    responsibilities_of,
)
from kg.sparql import (
    SparqlLimits,
    SparqlMemoryLimit,
    SparqlRefused,
    SparqlSyntaxError,
    SparqlTimeout,
    run_sparql,
)

MEASURE = iri.unit_iri("tiny-plan", "2.1.1")
ECON = iri.department_iri("shanghai-municipal-commission-of-economy-and-informatization")
JOINT = iri.department_iri("shanghai-technical-transformation-joint-conference")
FINANCE = iri.department_iri("shanghai-municipal-finance-bureau")


@pytest.mark.parametrize("query", [
    "INSERT DATA { <https://x.org/a> <https://x.org/b> <https://x.org/c> }",
    "LOAD <https://example.org/data.ttl>",
    "DROP ALL",
    "DELETE WHERE { ?s ?p ?o }",
    "CLEAR DEFAULT",
    "SELECT * WHERE { SERVICE <https://example.org/sparql> { ?s ?p ?o } }",
])
def test_refused(graph, query):
    with pytest.raises(SparqlRefused):
        run_sparql(graph, query)


def test_syntax_error_carries_the_engine_message_and_place(graph):
    with pytest.raises(SparqlSyntaxError, match=r"error at 1:\d+.*near 'SELEC"):
        run_sparql(graph, "SELEC ?s WHERE { ?s ?p ?o }")


@pytest.mark.parametrize("query", ["", "   \n", "# only a comment\n", "#a\n  # b"])
def test_empty_query_is_a_syntax_error_not_an_update(graph, query):
    with pytest.raises(SparqlSyntaxError, match="empty query"):
        run_sparql(graph, query)


def test_prefixes_are_prebound_and_rows_are_sparql_json(graph):
    result = run_sparql(graph, "SELECT ?p WHERE { ?u a pol:Measure ; pol:path ?p } ORDER BY ?p")
    assert result.kind == "select" and result.vars == ["p"]
    assert result.rows == [{"p": {"type": "literal", "value": "二（一）1"}},
                           {"p": {"type": "literal", "value": "二（一）2"}}]
    assert result.to_json()["head"] == {"vars": ["p"]}
    assert result.to_csv() == "p\r\n二（一）1\r\n二（一）2\r\n"


def test_ask_and_construct(graph):
    assert run_sparql(graph, "ASK { ?t a pol:Target }").to_json() == {"head": {}, "boolean": True}
    built = run_sparql(graph, "CONSTRUCT { ?u pol:path ?p } WHERE { ?u a pol:Measure ; pol:path ?p }")
    assert built.kind == "construct" and len(built.rows) == 2


def test_row_limit_truncates(graph):
    result = run_sparql(graph, "SELECT * WHERE { ?s ?p ?o }", max_rows=10)
    assert len(result.rows) == 10 and result.truncated
    assert not run_sparql(graph, "SELECT * WHERE { ?s a pol:Measure }", max_rows=10).truncated


def test_runaway_query_is_stopped(graph):
    # A streaming cross join (no ORDER BY, so little memory): only the time limit stops it.
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    started = time.perf_counter()
    with pytest.raises(SparqlTimeout):
        run_sparql(graph, runaway, timeout_s=1.0)
    assert time.perf_counter() - started < 2.5
    assert multiprocessing.active_children() == []  # the evaluating child is gone, not burning CPU


def test_sorted_cross_join_is_stopped_by_the_memory_limit(graph):
    # The case: ORDER BY over a cross join grew the child to 917 MB before the time limit.
    runaway = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY ?c ?f ?i ?l"
    with pytest.raises((SparqlMemoryLimit, SparqlTimeout)):
        run_sparql(graph, runaway, limits=SparqlLimits(timeout_s=5.0, max_memory_mb=64))
    assert multiprocessing.active_children() == []


def test_describe_star_and_describe_iri(graph):
    assert run_sparql(graph, "DESCRIBE *").kind == "describe"
    described = run_sparql(graph, f"DESCRIBE <{MEASURE}>")
    assert described.kind == "describe" and {r["subject"]["value"] for r in described.rows} == {str(MEASURE)}


@pytest.mark.parametrize("asked", [str(MEASURE), "2.1.1", "二（一）1", " 二（一）1 "])
def test_get_unit_by_iri_key_or_path(graph, asked):
    unit = get_unit(graph, asked)
    assert unit.iri == str(MEASURE)
    assert (unit.kind, unit.path, unit.heading) == ("measure", "二（一）1", "推广工业机器人应用")
    assert unit.parent is not None and unit.parent.path == "二（一）"
    assert [c.pref_label for c in unit.concepts] == ["工业机器人"]
    assert [(r.agent_name, r.role, r.basis) for r in unit.responsibilities] == [
        ("上海市经济和信息化委员会", "lead", "explicit"), ("上海市财政局", "participant", "explicit")]


def test_get_unit_children_targets_and_unknown(graph):
    task = get_unit(graph, "2.1")
    assert [c.path for c in task.children] == ["二（一）1", "二（一）2"]
    goal = get_unit(graph, "一（一）")
    assert [(t.indicator, t.quantity, t.quantity_max, t.unit, t.comparator) for t in goal.targets] == [
        ("智能制造示范项目", Decimal(100), None, "个", "="),
        ("产业集群", Decimal(5), Decimal(6), "个", "="),
        ("工业投资年均增速", Decimal(5), None, "%", "≥"),
    ]
    assert goal.targets[2].deadline_basis == "inferred"
    with pytest.raises(NotFound, match="9.9.9"):
        get_unit(graph, "9.9.9")


def test_list_units_targets_documents(graph):
    assert [u.path for u in list_units(graph, kind="measure")] == ["二（一）1", "二（一）2"]
    assert len(list_units(graph, document="tiny-plan")) == 8
    with pytest.raises(ValueError, match="measure"):
        list_units(graph, kind="bogus")
    assert [t.indicator for t in list_targets(graph, indicator_contains="增速")] == ["工业投资年均增速"]
    assert len(list_targets(graph, deadline=date(2020, 12, 31))) == 3
    assert [d.slug for d in list_documents(graph)] == ["tiny-plan"]


@pytest.mark.parametrize("name", ["市经信委", "市经济信息化委", "上海市经济和信息化委员会",
                                  "shanghai-municipal-commission-of-economy-and-informatization", str(ECON)])
def test_resolve_department(graph, name):
    assert resolve_department(graph, name) == ECON


def test_resolve_unknown_department_lists_close_names(graph):
    with pytest.raises(NotFound) as info:
        resolve_department(graph, "市经信")
    assert "市经信委" in info.value.suggestions


def test_responsibilities_split_explicit_inferred(graph):
    joint = responsibilities_of(graph, "市技术改造联席会议")
    assert joint.explicit == []
    assert [(r.unit_path, r.role, r.rule) for r in joint.inferred] == [
        ("二（一）2", "lead", "coordinating-body-owns-unassigned-measures")]
    econ = responsibilities_of(graph, "市经信委")
    assert [(r.unit_path, r.role, r.evidence) for r in econ.explicit] == [
        ("二（一）1", "lead", "由市经信委牵头，市财政局配合。")]
    view = department_view(graph, "市技术改造联席会议")
    assert view.members == sorted([str(ECON), str(FINANCE)]) and view.created_by_document is not None


def test_network_and_neighbourhood(graph):
    net = to_networkx(graph)
    assert net.nodes[str(ECON)]["kind"] == "department"
    near = neighbourhood(net, str(MEASURE))
    ids = {n["id"] for n in near["nodes"]}
    assert {str(ECON), str(FINANCE), str(iri.unit_iri("tiny-plan", "2.1"))} <= ids
    lead = [e for e in near["edges"] if e["relation"] == "responsible" and e["source"] == str(ECON)]
    assert lead[0]["role"] == "lead" and lead[0]["basis"] == "explicit"
    owned = owned_units(net, str(FINANCE))
    assert [(o["path"], o["via"]) for o in owned] == [("二（一）1", ""), ("二（一）2", str(JOINT))]
