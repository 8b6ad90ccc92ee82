"""The indicator index (kg.indicators): keys, SHACL, graph growth, and the indexed answers equal to the scan's."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal

from ingest import parse_plan, parse_text
from ingest.model import DocumentMeta
from kg import iri
from kg.build import build_graph
from kg.indicators import (
    candidate_targets,
    has_index,
    indexed_targets,
    indicator_keys,
    indicator_pattern,
    normalise,
    query_keys,
    targets_query,
)
from kg.queries import list_targets
from kg.sparql import run_sparql
from kg.stores import create_store
from kg.validate import validate
from kg.views import jsonable as to_dict
from kg.vocab import POL, RDF, bind_prefixes
from tests.kg.test_store_backends import full, oxigraph_url  # noqa: F401 — fixtures: a real `oxigraph serve`

ROOT = Path(__file__).resolve().parents[2]
GENERATED = 40  # benchmarks.synthetic documents in the generated corpus


# ------------------------------------------------------------------ keys
@pytest.mark.parametrize("text, expected", [
    ("绿色工厂", "绿色工厂"),
    ("ＧＤＰ增速", "gdp增速"),  # full-width Latin folds to half-width, then lower case
    ("R&D 经费", "rd经费"),  # punctuation and spaces dropped
    ("单位（万元）", "单位万元"),
    ("５G 基站", "5g基站"),
    ("——", ""),
    ("", ""),
])
def test_normalise(text, expected):
    assert normalise(text) == expected


@pytest.mark.parametrize("indicator, expected", [
    ("上云企业", ["上云", "云企", "企业"]),
    ("海外仓", ["海外", "外仓"]),
    ("床位", ["床位"]),
    ("率", ["率"]),  # a one-character indicator is keyed by the character
    ("“率”", ["率"]),
    ("项目项目", ["项目", "目项"]),  # each key once
    ("……", []),  # nothing keyable: no key (and no query can need one)
])
def test_indicator_keys(indicator, expected):
    assert indicator_keys(indicator) == expected


@pytest.mark.parametrize("query, expected", [
    ("养老机构床位", ["养老", "机构", "床位"]),  # a tiling: every character in one key
    ("海外仓", ["海外", "外仓"]),
    ("高技能人才", ["高技", "能人", "人才"]),
    ("产值", ["产值"]),
    ("ｇｄｐ", ["gd", "dp"]),
    ("率", None),  # one character: the scan
    ("（率", None),
    ("、", None),
    ("", None),
])
def test_query_keys(query, expected):
    assert query_keys(query) == expected


@pytest.mark.parametrize("query", ["养老机构床位", "海外仓", "ＧＤＰ增速", "R&D经费", "产值率"])
def test_query_keys_are_keys_of_every_containing_indicator(query):
    for indicator in (query, "全市" + query, query + "占比", "（" + query + "）"):
        assert set(query_keys(query)) <= set(indicator_keys(indicator))


@pytest.mark.parametrize("query, expected", [
    ("产值", '?target pol:indicatorKey "产值" .\n  FILTER(CONTAINS(STR(?indicator), "产值"))'),
    ("率", 'FILTER(CONTAINS(STR(?indicator), "率"))'),
    ('"新"增', '?target pol:indicatorKey "新增" .\n  FILTER(CONTAINS(STR(?indicator), "\\"新\\"增"))'),
])
def test_indicator_pattern(query, expected):
    assert indicator_pattern(query) == expected


# ------------------------------------------------------------------ graphs
def _oxigraph(graph: Graph) -> Graph:
    """The same triples in an Oxigraph-backed Graph, as the product opens a generation."""
    copy = bind_prefixes(Graph(store="Oxigraph"))
    for triple in graph:
        copy.add(triple)
    return copy


@pytest.fixture(scope="module")
def seed_graph() -> Graph:
    return _oxigraph(build_graph([parse_plan(p) for p in sorted((ROOT / "corpus").glob("*.txt"))]))


@pytest.fixture(scope="module")
def generated_graph() -> Graph:
    from benchmarks.synthetic import generate

    docs = []
    for i in range(GENERATED):
        synthetic = generate(11, i)
        docs.append(parse_text(synthetic.text, DocumentMeta(slug=synthetic.meta.slug, title=synthetic.meta.slug)))
    return _oxigraph(build_graph(docs))


def _indicators(graph: Graph) -> list[str]:
    return sorted({str(o) for o in graph.objects(None, POL.indicator)})


def _queries(graph: Graph) -> list[str]:
    """Every substring of 1–4 characters of every indicator, plus variants and misses."""
    found = {ind[i:i + n] for ind in _indicators(graph) for n in range(1, 5) for i in range(len(ind) - n + 1)}
    variants = {"５G", "5Ｇ", "ＧＤＰ", "gdp", "GDP", "5g", "（", "%", "，", "、项目", "项 目", "不存在的指标", "无无",
                "企业（", " ", "目"}
    return sorted(found | variants)


@pytest.mark.parametrize("corpus", ["seed_graph", "generated_graph"])
def test_indexed_list_targets_equals_the_scan(corpus, request):
    graph = request.getfixturevalue(corpus)
    every = [to_dict(v) for v in list_targets(graph)]  # the answer before the index: every view, then `in`
    queries = _queries(graph)
    assert len(queries) > 100
    matched = 0
    for contains in queries:
        indexed = [to_dict(v) for v in list_targets(graph, indicator_contains=contains)]
        assert indexed == [v for v in every if contains in v["indicator"]], contains
        matched += bool(indexed)
    assert 0 < matched < len(queries)  # the table holds hits and misses


@pytest.mark.parametrize("corpus", ["seed_graph", "generated_graph"])
def test_index_narrows_to_few_candidates(corpus, request):
    graph = request.getfixturevalue(corpus)
    targets = set(graph.subjects(RDF.type, POL.Target))
    for indicator in _indicators(graph):
        candidates = indexed_targets(graph, indicator)
        if query_keys(indicator) is None:
            assert candidates is None
            continue
        exact = {t for t in targets if indicator in str(graph.value(t, POL.indicator))}
        assert exact <= candidates < targets, indicator


@pytest.mark.parametrize("corpus", ["seed_graph", "generated_graph"])
def test_sparql_pattern_equals_the_scan(corpus, request):
    graph = request.getfixturevalue(corpus)
    scan = "PREFIX pol: <%s>\nSELECT ?target WHERE { ?target a pol:Target ; pol:indicator ?i . FILTER(CONTAINS(STR(?i), %s)) }"
    for contains in _queries(graph)[::7]:
        indexed = {r["target"]["value"] for r in run_sparql(graph, targets_query(contains)).rows}
        scanned = {r["target"]["value"] for r in run_sparql(graph, scan % (POL, Literal(contains).n3())).rows}
        assert indexed == scanned, contains


@pytest.mark.parametrize("corpus", ["seed_graph", "generated_graph"])
def test_candidates_hold_every_match_and_are_exact_without_the_index(corpus, request):
    graph = request.getfixturevalue(corpus)
    indicators = {t: str(graph.value(t, POL.indicator)) for t in graph.subjects(RDF.type, POL.Target)}
    for contains in _queries(graph)[::3]:
        exact = {t for t, text in indicators.items() if contains in text}
        candidates = candidate_targets(graph, contains)
        assert exact <= candidates, contains
        if query_keys(contains) is None:  # the one-character fallback reads the indicators: no false candidate
            assert candidates == exact, contains


def test_graph_without_the_index_falls_back_to_the_scan(seed_graph):
    bare = Graph()
    for triple in seed_graph:
        if triple[1] != POL.indicatorKey:
            bare.add(triple)
    assert not has_index(bare) and has_index(seed_graph)
    for contains in ("示范项目", "项目", "率", "不存在"):
        assert indexed_targets(bare, contains) is None
        assert list_targets(bare, indicator_contains=contains) == list_targets(seed_graph, indicator_contains=contains)


# ------------------------------------------------------------------ shapes and growth
def test_keys_conform_to_the_shapes_and_bad_keys_do_not(graph):
    assert validate(graph).conforms
    bad = Graph()
    for triple in graph:
        bad.add(triple)
    target = next(graph.subjects(RDF.type, POL.Target))
    bad.add((target, POL.indicatorKey, Literal("三个字")))
    report = validate(bad)
    assert not report.conforms and "pol:indicatorKey" in str(report.text)


@pytest.mark.parametrize("corpus, share", [("seed_graph", 0.03), ("generated_graph", 0.05)])
def test_graph_growth_is_small(corpus, share, request):
    graph = request.getfixturevalue(corpus)
    keys = list(graph.triples((None, POL.indicatorKey, None)))
    for target in set(graph.subjects(RDF.type, POL.Target)):
        indicator = str(graph.value(target, POL.indicator))
        assert len(list(graph.objects(target, POL.indicatorKey))) <= max(1, len(indicator) - 1)
        assert iri.key_of(str(target))[1] == iri.key_of(str(next(graph.subjects(POL.hasTarget, target))))[1]
    assert 0 < len(keys) <= share * len(graph)


# ------------------------------------------------------------------ on a SPARQL server
@pytest.mark.parametrize("contains", ["5G基站", "基站", "示范项目", "项目", "G", "率", "ＧＤＰ", "不存在的指标"])
def test_list_targets_on_a_sparql_server_equals_the_embedded_answer(contains, full, oxigraph_url, tmp_path):
    """The graph read in place on a server (kg.stores.remote_graph) goes through the same index."""
    store = create_store("sparql-http", tmp_path / "record" / "graph.nt", query_url=oxigraph_url)
    try:
        store.write_all(full)
        local = _oxigraph(full)
        assert [to_dict(v) for v in list_targets(store.graph(), indicator_contains=contains)] == \
            [to_dict(v) for v in list_targets(local, indicator_contains=contains)]
    finally:
        store.close()
