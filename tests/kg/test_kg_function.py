"""pol:function in the graph: every parsed unit is linked to one concept of the function scheme, with its cue."""

from __future__ import annotations

from rdflib import Literal

from ingest import parse_text
from ingest.model import DocumentMeta
from kg import iri
from kg.build import IRI_OF_FUNCTION, build_graph, load_ontology
from kg.validate import validate
from kg.vocab import POL, RDF, RDFS, SKOS

PLAN = """为推进技术改造，制定本方案。
一、重点任务
（一）推进智能化改造。支持企业实施智能化改造。
（二）加大资金支持。对企业技术改造项目按投资额的10%给予补贴，最高不超过500万元。
二、保障措施
（一）加强组织领导。成立市技术改造工作领导小组，办公室设在市经信委。
"""


def _graph():
    document = parse_text(PLAN, DocumentMeta(slug="function-plan", title="技术改造方案"))
    return document, build_graph([document])


def test_every_unit_has_one_function_with_its_cue():
    document, graph = _graph()
    for unit in document.units:
        node = iri.unit_iri("function-plan", unit.key)
        assert list(graph.objects(node, POL.function)) == [IRI_OF_FUNCTION[unit.function]], unit.path
    support = iri.unit_iri("function-plan", document.unit("一（二）").key)
    duty = iri.unit_iri("function-plan", document.unit("二（一）").key)
    assert (support, POL.function, POL.SupportFunction) in graph
    assert (duty, POL.function, POL.DutyFunction) in graph
    assert graph.value(support, POL.functionCue) == Literal(document.unit("一（二）").function_cue)


def test_the_function_scheme_is_skos_with_zh_and_en_labels():
    graph = load_ontology()
    concepts = set(graph.subjects(SKOS.inScheme, POL.FunctionScheme))
    assert concepts == set(IRI_OF_FUNCTION.values())
    assert (POL.FunctionScheme, RDF.type, SKOS.ConceptScheme) in graph
    for concept in concepts:
        assert (concept, RDF.type, SKOS.Concept) in graph
        assert {label.language for label in graph.objects(concept, SKOS.prefLabel)} == {"zh", "en"}
        assert {label.language for label in graph.objects(concept, RDFS.label)} == {"zh", "en"}
    notations = {str(graph.value(c, SKOS.notation)) for c in concepts}
    assert notations == set(IRI_OF_FUNCTION)


def test_a_graph_with_functions_conforms_and_two_functions_do_not():
    document, graph = _graph()
    assert validate(graph).conforms
    node = iri.unit_iri("function-plan", document.unit("一（一）").key)
    graph.add((node, POL.function, POL.RuleFunction))
    report = validate(graph)
    assert not report.conforms
    assert any("pol:function" in v.message for v in report.violations)


def test_the_labels_the_page_and_cli_use_name_every_function():
    from kg.labels import ontology_labels

    functions = ontology_labels()["functions"]
    assert set(functions) == set(IRI_OF_FUNCTION)
    assert functions["support"] == {"zh": "扶持", "en": "support"}
