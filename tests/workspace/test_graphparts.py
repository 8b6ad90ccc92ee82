"""The graph of a generation assembled from per-document parts: the same triples as ``kg.build.build_graph``,
only new documents built and checked, cross-document links right both ways when a document comes or goes.
The plans are written for these tests; fake encoder; temporary data dirs."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from ingest import parse_plan
from kg import iri
from kg.build import build_graph
from kg.store import load_graph, to_memory
from kg.vocab import DCTERMS
from search import index_units
from tests.faults.helpers import fault_settings
from tests.kg.test_store_backends import oxigraph_url  # noqa: F401 - the fixture: a real Oxigraph server
from workspace.build import BuildError, build, remove_documents
from workspace.reader import open_workspace
from workspace.buildcache import CACHE_DIR
from workspace.graphparts import GraphPart, make_parts, write_graph

WATER_TITLE = "某县农村供水保障三年行动方案（2022—2024年）"
# slug → (sidecar metadata, a sentence linking it to another plan, a target sentence)
PLANS = {
    "county-water-2022": (
        {"title": WATER_TITLE, "identifier": "某县府发〔2022〕5号", "jurisdiction": "某县", "issued": "2022-04-01"},
        "各乡镇要明确专人负责。",
        "到2024年底，农村自来水普及率达到95%",
    ),
    "town-water-2023": (
        {"title": "某镇农村供水提质增效实施意见", "identifier": "某镇发〔2023〕2号", "jurisdiction": "某县",
         "issued": "2023-06-01"},
        f"依据《{WATER_TITLE}》，结合本镇情况制定本意见。",
        "到2024年底，新建改造供水管网不少于40公里",
    ),
    "county-water-2025": (
        {"title": "某县城乡供水一体化推进方案", "identifier": "某县府发〔2025〕1号", "jurisdiction": "某县",
         "issued": "2025-01-10"},
        f"本方案自印发之日起施行，《{WATER_TITLE}》同时废止。",
        "到2027年底，城乡供水一体化覆盖率达到90%",
    ),
}


def plan_text(title: str, link: str, target: str) -> str:
    return (
        f"{title}\n\n"
        f"为让农村群众喝上放心水，制定本方案。{link}\n\n"
        "一、工作目标\n"
        f"{target}。\n"
        "二、主要任务\n"
        "（一）改造老旧管网。县水利局牵头实施管网改造，县财政局保障资金。\n"
        "（二）加强水质检测。县卫生健康委每季度开展一次抽检。\n"
    )


def write(folder: Path, slug: str) -> Path:
    meta, link, target = PLANS[slug]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{slug}.txt"
    path.write_text(plan_text(meta["title"], link, target), encoding="utf-8")
    path.with_name(f"{slug}.meta.json").write_text(json.dumps({"slug": slug, **meta}, ensure_ascii=False),
                                                   encoding="utf-8")
    return path


def canonical(graph: Graph) -> set:
    return set(to_memory(graph))


def served(data_dir: Path) -> Graph:
    ws = open_workspace(fault_settings(data_dir))
    graph = ws.graph
    ws.pinned.release()
    return graph


def doc(slug: str) -> URIRef:
    return iri.document_iri(slug)


def test_the_assembled_graph_holds_exactly_the_triples_of_build_graph(tmp_path):
    docs = [parse_plan(write(tmp_path / "in", slug)) for slug in PLANS]
    parts = dict((d.meta.slug, part) for d, part in make_parts(docs))
    count = write_graph(tmp_path / "graph.nt", docs, lambda d: parts[d.meta.slug])
    assembled = load_graph(tmp_path / "graph.nt")
    assert canonical(assembled) == canonical(build_graph(docs))
    assert count == len(assembled)


def test_a_part_round_trips_through_its_bytes():
    part = GraphPart(b"<a> <b> <c> .\n", b"<d> <e> <f> .\n")
    assert GraphPart.from_bytes(part.to_bytes()) == part
    assert part.triples == 1
    with pytest.raises(ValueError):
        GraphPart.from_bytes(b"<a> <b> <c> .\n")


def test_adding_a_document_checks_only_it_and_links_resolve_both_ways(tmp_path):
    folder, data = tmp_path / "in", tmp_path / "data"
    write(folder, "county-water-2022")
    write(folder, "county-water-2025")  # repeals the 2022 plan
    settings = fault_settings(data)
    build(settings, [folder])
    write(folder, "town-water-2023")  # cites the 2022 plan
    lines: list[str] = []
    result = build(settings, [folder], progress=lines.append)
    assert "checking the graph of 1 new document(s): SHACL shapes and source spans" in lines
    graph = served(data)
    assert (doc("town-water-2023"), DCTERMS.references, doc("county-water-2022")) in graph
    assert (doc("county-water-2025"), DCTERMS.replaces, doc("county-water-2022")) in graph
    assert (doc("county-water-2022"), DCTERMS.isReplacedBy, doc("county-water-2025")) in graph
    docs = [parse_plan(folder / f"{slug}.txt") for slug in PLANS]
    assert canonical(graph) == canonical(build_graph(docs))
    assert result["triples"] == len(graph)
    ws = open_workspace(fault_settings(data))  # the search units: the cached ones and the new one's, in order
    expected = index_units(sorted(docs, key=lambda d: d.meta.slug))
    assert [(u.id, u.index_text) for u in ws.index.units] == [(u.id, u.index_text) for u in expected]
    ws.pinned.release()


def test_a_cited_document_added_later_resolves_and_removing_it_unlinks(tmp_path):
    folder, data = tmp_path / "in", tmp_path / "data"
    settings = fault_settings(data)
    build(settings, [write(folder, "town-water-2023")])  # cites a plan not ingested yet
    assert not list(served(data).triples((doc("town-water-2023"), DCTERMS.references, doc("county-water-2022"))))
    build(settings, [write(folder, "county-water-2022")])
    assert (doc("town-water-2023"), DCTERMS.references, doc("county-water-2022")) in served(data)
    lines: list[str] = []
    remove_documents(settings, ["county-water-2022"], progress=lines.append)
    graph = served(data)
    assert (doc("town-water-2023"), DCTERMS.references, doc("county-water-2022")) not in graph
    assert not [line for line in lines if line.startswith("checking the graph")]  # nothing new to check
    assert canonical(graph) == canonical(build_graph([parse_plan(folder / "town-water-2023.txt")]))


def test_a_lost_or_broken_part_is_made_again(tmp_path):
    folder, data = tmp_path / "in", tmp_path / "data"
    for slug in PLANS:
        write(folder, slug)
    settings = fault_settings(data)
    build(settings, [folder])
    parts = sorted((data / CACHE_DIR / "graphs").glob("*.nt"))
    assert len(parts) == len(PLANS)
    parts[0].write_bytes(b"garbage")
    parts[1].unlink()
    result = build(settings, [folder], replace=True)
    assert result["triples"] == len(served(data))
    docs = [parse_plan(folder / f"{slug}.txt") for slug in PLANS]
    assert canonical(served(data)) == canonical(build_graph(docs))


def test_a_new_document_failing_its_spans_fails_the_build_and_caches_nothing(tmp_path, monkeypatch):
    folder, data = tmp_path / "in", tmp_path / "data"
    settings = fault_settings(data)
    build(settings, [write(folder, "county-water-2022")])
    checks = importlib.import_module("kg.validate")  # the module (kg re-exports a function of that name)
    monkeypatch.setattr(checks, "check_spans", lambda graph: ["a unit's text does not match its span"])
    with pytest.raises(BuildError, match="source spans"):
        build(settings, [write(folder, "town-water-2023")])
    assert len(list((data / CACHE_DIR / "graphs").glob("*.nt"))) == 1


def test_a_sparql_server_gets_the_same_graph_as_the_file(tmp_path, oxigraph_url):
    from kg.stores import open_graph_store

    folder, data = tmp_path / "in", tmp_path / "data"
    settings = fault_settings(data, sparql_endpoint=oxigraph_url)
    build(settings, [write(folder, "county-water-2022")])
    result = build(settings, [write(folder, "town-water-2023")])
    remote = open_graph_store(settings, tmp_path / "record.nt").graph()
    docs = [parse_plan(folder / f"{slug}.txt") for slug in ("county-water-2022", "town-water-2023")]
    assert canonical(remote) == canonical(build_graph(docs))
    assert len(remote) == result["triples"]


def test_cli_ingest_takes_jobs_and_shows_bars_when_asked(tmp_path):
    from typer.testing import CliRunner

    from cli.main import app

    folder = tmp_path / "in"
    for slug in PLANS:
        write(folder, slug)
    result = CliRunner().invoke(app, ["ingest", str(folder), "--jobs", "2", "--data-dir", str(tmp_path / "data")],
                                env={"POLICYKG_ENCODER": "fake", "POLICYKG_PROGRESS_BAR": "1"})
    assert result.exit_code == 0, result.output
    for slug in PLANS:
        assert f"ingested  {folder / slug}.txt → {slug}" in result.stdout
    assert "\rparsing: " in result.stderr and "\rchecking graphs: " in result.stderr  # tqdm bars on stderr
