"""SHACL and span checks, the Oxigraph-backed store, and the export formats."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic

from kg import iri
from kg.export import serialize
from kg.sparql import run_sparql
from kg.store import GraphStoreError, load_graph, save_graph, to_memory
from kg.validate import check_spans, validate
from kg.vocab import POL, XSD

MEASURE = iri.unit_iri("tiny-plan", "2.1.1")


def _copy(graph: Graph) -> Graph:
    return to_memory(graph)


def test_built_graph_conforms(graph):
    report = validate(graph)
    assert report.conforms, report.text
    assert report.violations == []


def test_broken_graph_names_its_violations(graph):
    broken = _copy(graph)
    # a measure whose text names no owner has no responsibility: that is allowed (nothing is guessed) …
    for resp in list(broken.subjects(POL.assignedTo, MEASURE)):
        broken.remove((resp, POL.assignedTo, MEASURE))
    # … but only a responsibility may be assigned to a measure
    broken.add((iri.document_iri("tiny-plan"), POL.assignedTo, MEASURE))
    inferred = iri.responsibility_iri("tiny-plan", "2.1.2", "shanghai-technical-transformation-joint-conference", "lead")
    broken.remove((inferred, POL.basis, None))
    report = validate(broken)
    assert not report.conforms
    messages = {(v.focus, v.message) for v in report.violations}
    assert (str(MEASURE), "only a pol:Responsibility is pol:assignedTo a pol:Measure") in messages
    assert (str(inferred), "a responsibility needs exactly one pol:basis, pol:Explicit or pol:Inferred") in messages
    assert any(v.path == f"^{POL.assignedTo}" for v in report.violations)


def test_bad_comparator_and_start_after_end_fail(graph):
    broken = _copy(graph)
    target = iri.target_iri("tiny-plan", "1.1.t1")
    broken.set((target, POL.comparator, Literal("~")))
    broken.set((MEASURE, POL.start, Literal(500)))
    focuses = {v.focus for v in validate(broken).violations}
    assert {str(target), str(MEASURE)} <= focuses


def test_check_spans_passes_and_catches_tampering(graph):
    assert check_spans(graph) == []
    tampered = _copy(graph)
    tampered.set((MEASURE, POL.text, Literal("推广工业机器人应用。由市财政局牵头。")))
    problems = check_spans(tampered)
    assert len(problems) == 1 and str(MEASURE) in problems[0]


SPARQL_CHECKS = [
    "SELECT ?u ?p WHERE { ?u a pol:Measure ; pol:path ?p } ORDER BY ?p",
    "SELECT ?org ?name WHERE { ?r pol:agent ?org ; pol:basis pol:Explicit . ?org skos:prefLabel ?name "
    "FILTER(lang(?name) = 'zh') } ORDER BY ?org",
    "SELECT ?t ?q WHERE { ?t a pol:Target ; pol:quantity ?q FILTER(?q >= 5) } ORDER BY ?t",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
]


@pytest.mark.parametrize("query", SPARQL_CHECKS)
def test_store_round_trip_gives_same_sparql_answers(graph, tmp_path, query):
    path = save_graph(graph, tmp_path / "graph.nt")
    loaded = load_graph(path)
    assert len(loaded) == len(graph)
    assert isomorphic(to_memory(loaded), graph)

    def value(term: dict) -> tuple:  # Oxigraph writes decimal 5 where rdflib keeps 5.0: compare values
        is_decimal = term.get("datatype") == str(XSD.decimal)
        return term["type"], Decimal(term["value"]) if is_decimal else term["value"]

    def answers(g: Graph) -> list:
        return [{k: value(v) for k, v in row.items()} for row in run_sparql(g, query).rows]

    assert answers(loaded) == answers(graph)


def test_load_missing_and_corrupt_files(tmp_path):
    with pytest.raises(GraphStoreError, match="graph.nt"):
        load_graph(tmp_path / "graph.nt")
    bad = tmp_path / "bad.nt"
    bad.write_text("<https://x.org/a> <https://x.org/b> broken .\n", encoding="utf-8")
    with pytest.raises(GraphStoreError, match="bad.nt"):
        load_graph(bad)


def test_save_is_atomic_and_leaves_no_temp_files(graph, tmp_path):
    save_graph(graph, tmp_path / "graph.nt")
    save_graph(graph, tmp_path / "graph.nt")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.nt"]


@pytest.mark.parametrize("fmt", ["turtle", "ttl"])
def test_turtle_round_trip_is_isomorphic(graph, fmt):
    back = Graph().parse(data=serialize(graph, fmt), format="turtle")
    assert isomorphic(back, graph)


@pytest.mark.parametrize(("fmt", "parser"), [("json-ld", "json-ld"), ("jsonld", "json-ld"), ("nt", "nt"),
                                             ("ntriples", "nt")])
def test_other_formats_parse_back_to_the_same_triples(graph, fmt, parser):
    back = Graph().parse(data=serialize(graph, fmt), format=parser)
    assert len(back) == len(graph)


def test_jsonld_has_context_prefixes(graph):
    context = json.loads(serialize(graph, "json-ld"))["@context"]
    assert {"pol", "eli", "org", "skos", "dcterms", "prov"} <= set(context)


def test_unknown_format_names_valid_ones(graph):
    with pytest.raises(ValueError) as info:
        serialize(graph, "rdfxml")
    message = str(info.value)
    assert "'rdfxml'" in message and "turtle" in message and "json-ld" in message and "nt" in message
