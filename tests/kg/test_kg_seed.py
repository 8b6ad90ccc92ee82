"""The graph of the bundled seed plan: the counts the plan must give, conformance, spans, round trips."""

from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from ingest import parse_plan
from kg.build import build_graph
from kg.export import serialize
from kg.network import owned_units, to_networkx
from kg.queries import resolve_department
from kg.sparql import run_sparql
from kg.store import load_graph, save_graph, to_memory
from kg.validate import check_spans, validate
from tests.support import SEED


@pytest.fixture(scope="module")
def seed_graph() -> Graph:
    return build_graph([parse_plan(SEED)])


def count(graph: Graph, where: str) -> int:
    result = run_sparql(graph, f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {where} }}")
    return int(result.rows[0]["n"]["value"])


@pytest.mark.parametrize(
    "where, expected",
    [
        ("?x a pol:Chapter", 3),
        ("?x a pol:Guideline", 1),
        ("?x a pol:Principle", 4),
        ("?x a pol:Goal", 4),
        ("?goal a pol:Goal ; pol:hasTarget ?x", 11),
        ("?x a pol:Task", 6),
        ("?x a pol:Measure", 18),
        ("?x a pol:SafeguardMeasure", 4),
        ("?x a pol:Preamble", 1),
        ("?x a pol:Closing", 0),
        ("?x a org:Organization ; prov:wasDerivedFrom ?d", 14),  # the bodies the seed names (各相关区政府 apart)
        ("?x a org:Organization", 18),  # … plus the successors of 市环保局, 市规划国土资源局 and 市金融办 (twice)
        ("?x a org:ChangeEvent", 4),
        ("?new dcterms:replaces ?x", 4),
        ("?x a org:OrganizationalCollaboration ; org:hasMember ?m", 1),
        ("?c a org:OrganizationalCollaboration ; org:hasMember ?x", 11),
        ("?u dcterms:references ?x", 4),
        # every statement of 三、保障措施 with its own evidence (issue 7): 区级层面负责… and 各区政府可… included
        ("?x pol:basis pol:Explicit", 18),
        ("?x pol:role pol:Supervisor", 1),
        ("?x pol:basis pol:Inferred ; pol:rule ?r", 0),  # the plan names no owner for its tasks: none is guessed
    ],
)
def test_seed_counts(seed_graph, where, expected):
    assert count(seed_graph, where) == expected


def test_measures_whose_text_names_no_owner_have_none_and_inferred_is_never_explicit(seed_graph):
    orphans = run_sparql(seed_graph, """
        SELECT ?m WHERE { ?m a pol:Measure FILTER NOT EXISTS { ?r pol:assignedTo ?m } }""")
    assert len(orphans.rows) == 18  # the seed's measures name no owner (the old supervisor rule guessed one)
    both = run_sparql(seed_graph, """
        SELECT ?r WHERE { ?r pol:basis pol:Inferred , pol:Explicit }""")
    assert both.rows == []


def test_seed_graph_conforms_and_spans_match(seed_graph):
    report = validate(seed_graph)
    assert report.conforms, report.text
    assert check_spans(seed_graph) == []


def test_targets_as_data(seed_graph):
    rows = run_sparql(seed_graph, """
        SELECT ?indicator ?q ?max ?unit ?cmp ?deadline WHERE {
          ?t a pol:Target ; pol:indicator ?indicator ; pol:quantity ?q ; pol:unit ?unit ;
             pol:comparator ?cmp ; pol:deadline ?deadline .
          OPTIONAL { ?t pol:quantityMax ?max } }""").rows
    by_indicator = {r["indicator"]["value"]: r for r in rows}
    approval = by_indicator["审批周期"]
    assert (float(approval["q"]["value"]), approval["unit"]["value"], approval["cmp"]["value"]) == (15, "个工作日", "≤")
    assert approval["deadline"]["value"] == "2020-12-31"
    clusters = by_indicator["超千亿的产业集群"]
    assert (float(clusters["q"]["value"]), float(clusters["max"]["value"])) == (5, 6)
    assert by_indicator["工业投资年均增速"]["cmp"]["value"] == "≥"


def test_rebuilding_changes_nothing(seed_graph):
    again = build_graph([parse_plan(SEED)])
    assert len(again) == len(seed_graph)
    assert isomorphic(again, seed_graph)


def test_turtle_round_trip_is_isomorphic(seed_graph):
    back = Graph().parse(data=serialize(seed_graph, "turtle"), format="turtle")
    assert isomorphic(to_memory(back), to_memory(seed_graph))


def test_store_round_trip_keeps_the_answers(seed_graph, tmp_path):
    path = save_graph(seed_graph, tmp_path / "graph.nt")
    loaded = load_graph(path)
    assert len(loaded) == len(seed_graph)
    assert count(loaded, "?x a pol:Measure") == 18
    assert isomorphic(to_memory(loaded), to_memory(seed_graph))


def test_network_view_traces_department_to_what_it_owns(seed_graph):
    net = to_networkx(seed_graph)
    commission = resolve_department(seed_graph, "市经信委")
    owned = owned_units(net, str(commission))
    paths = {u["path"] for u in owned}
    assert {"三（一）"} <= paths and "二（一）1" not in paths
