"""A corpus of many documents, ingested incrementally: every file reported, caches by hash, one document's
ingest never changes another's facts. Fake encoder and temporary data dirs throughout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import SKOS
from typer.testing import CliRunner

from cli.main import app
from workspace.build import BuildError, build, remove_documents
from workspace.reader import open_workspace
from tests.faults.helpers import fault_settings

runner = CliRunner()

# Small plans written for these tests: (slug, title, a department, a target sentence).
PLANS = {
    "riverside-parks-2023": ("河滨公园建设三年行动方案", "区绿化市容局", "新建口袋公园不少于12个"),
    "night-economy-2024": ("夜间经济发展工作方案", "区商务委", "培育夜间消费集聚区不少于5个"),
    "elderly-meals-2025": ("社区助餐服务提升方案", "区民政局", "社区长者食堂覆盖率达到90%"),
}


def plan(title: str, department: str, target: str) -> str:
    return (
        f"{title}\n\n"
        f"为推动{title[:4]}工作取得实效，结合本区情况，制定本方案。\n\n"
        "一、主要目标\n"
        f"到2026年底，{target}。\n"
        "二、工作任务\n"
        f"（一）摸清底数。{department}牵头开展调查，形成工作清单。\n"
        f"（二）落实资金。{department}会同区财政局统筹安排资金。\n"
        "三、保障措施\n"
        f"（一）强化督查。{department}每季度通报一次进展。\n"
    )


def write_plan(folder: Path, slug: str, name: str | None = None) -> Path:
    title, department, target = PLANS[slug]
    path = folder / (name or f"{slug}.txt")
    path.write_text(plan(title, department, target), encoding="utf-8")
    return path


def progress_log() -> tuple[list[str], callable]:
    lines: list[str] = []
    return lines, lines.append


def statuses(result: dict) -> dict[str, str]:
    return {Path(r["path"]).name: r["status"] for r in result["report"]}


def triples(data_dir: Path) -> set:
    graph = Graph()
    graph.parse(open_workspace(fault_settings(data_dir)).root / "graph.nt", format="nt")
    return set(graph)


def test_a_folder_reports_every_file(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write_plan(folder, "riverside-parks-2023")
    write_plan(folder, "riverside-parks-2023", name="copy-of-parks.txt")  # the same text under a second name
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    (folder / "notes.xyz").write_text("随手记", encoding="utf-8")
    result = build(fault_settings(tmp_path / "data"), [folder])
    assert statuses(result) == {  # of one text given twice, the original name is the document, not the copy
        "copy-of-parks.txt": "duplicate", "riverside-parks-2023.txt": "ingested",
        "old.doc": "skipped", "notes.xyz": "skipped",
    }
    reasons = {Path(r["path"]).name: r["reason"] for r in result["report"]}
    assert "riverside-parks-2023.txt" in reasons["copy-of-parks.txt"]
    assert ".docx" in reasons["old.doc"]
    assert [d["slug"] for d in result["documents"]] == ["riverside-parks-2023"]


def test_unchanged_rerun_parses_and_builds_nothing(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for slug in ("riverside-parks-2023", "night-economy-2024"):
        write_plan(folder, slug)
    settings = fault_settings(tmp_path / "data")
    first = build(settings, [folder])
    lines, progress = progress_log()
    again = build(settings, [folder], progress=progress)
    assert set(statuses(again).values()) == {"unchanged"}
    assert again["generation"] == first["generation"]
    assert not [line for line in lines if line.startswith("parsing")]


def test_adding_one_parses_and_embeds_only_it(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for slug in ("riverside-parks-2023", "night-economy-2024"):
        write_plan(folder, slug)
    settings = fault_settings(tmp_path / "data")
    build(settings, [folder])
    write_plan(folder, "elderly-meals-2025")
    lines, progress = progress_log()
    result = build(settings, [folder], progress=progress)
    assert statuses(result)["elderly-meals-2025.txt"] == "ingested"
    assert [line for line in lines if line.startswith("parsing")] == ["parsing elderly-meals-2025.txt"]
    embedded = next(line for line in lines if line.startswith("embedded"))
    one = build(fault_settings(tmp_path / "alone"), [folder / "elderly-meals-2025.txt"], progress=lines.append)
    assert one["index_units"] > 0
    alone = [line for line in lines if line.startswith("embedded")][-1]
    assert embedded.split()[1] == alone.split()[1]  # the same number of new texts as a build of it alone


def test_one_documents_ingest_never_changes_anothers_facts(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    a = write_plan(folder, "riverside-parks-2023")
    b = write_plan(folder, "night-economy-2024")
    build(fault_settings(tmp_path / "one"), [a])
    build(fault_settings(tmp_path / "two"), [a, b])
    only_a, both = triples(tmp_path / "one"), triples(tmp_path / "two")
    assert only_a <= both
    labels = {(s, o) for s, p, o in only_a if p == SKOS.prefLabel}
    assert labels == {(s, o) for s, p, o in both if p == SKOS.prefLabel and any(s == x for x, _ in labels)}


@pytest.mark.parametrize("name", ["night-economy-2024", "night-economy-2024.txt"])
def test_remove_by_slug_or_file_name(tmp_path, name):
    folder = tmp_path / "in"
    folder.mkdir()
    for slug in ("riverside-parks-2023", "night-economy-2024"):
        write_plan(folder, slug)
    settings = fault_settings(tmp_path / "data")
    build(settings, [folder])
    lines, progress = progress_log()
    result = remove_documents(settings, [name], progress=progress)
    assert [d["slug"] for d in result["documents"]] == ["riverside-parks-2023"]
    assert statuses(result) == {"night-economy-2024.txt": "removed"}
    assert not [line for line in lines if line.startswith("parsing")]
    with pytest.raises(BuildError, match="no such document"):
        remove_documents(settings, ["no-such-plan"])


def test_cli_ingest_prints_one_line_per_file_and_remove(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write_plan(folder, "riverside-parks-2023")
    (folder / "scan.ofd").write_bytes(b"PK\x03\x04")
    data = str(tmp_path / "data")
    result = runner.invoke(app, ["ingest", str(folder), "--data-dir", data], env={"POLICYKG_ENCODER": "fake"})
    assert result.exit_code == 0, result.output
    assert f"ingested  {folder / 'riverside-parks-2023.txt'} → riverside-parks-2023" in result.output
    assert f"skipped   {folder / 'scan.ofd'}: " in result.output
    write_plan(folder, "night-economy-2024")
    runner.invoke(app, ["ingest", str(folder), "--data-dir", data], env={"POLICYKG_ENCODER": "fake"})
    result = runner.invoke(app, ["remove", "riverside-parks-2023", "--data-dir", data, "--json"],
                           env={"POLICYKG_ENCODER": "fake"})
    assert result.exit_code == 0, result.output
    assert [d["slug"] for d in json.loads(result.stdout)["documents"]] == ["night-economy-2024"]


def test_an_index_saved_in_an_older_format_is_rebuilt_not_reported_unchanged(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write_plan(folder, "riverside-parks-2023")
    settings = fault_settings(tmp_path / "data")
    first = build(settings, [folder])
    meta_path = open_workspace(settings).root / "index" / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta_path.write_text(json.dumps({**meta, "format_version": meta["format_version"] - 1}), encoding="utf-8")
    again = build(settings, [folder])
    assert again["generation"] != first["generation"]
    assert open_workspace(settings).index.search("口袋公园").hits


def test_an_unchanged_corpus_with_another_encoder_is_rebuilt_from_the_cached_parses(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write_plan(folder, "riverside-parks-2023")
    first = build(fault_settings(tmp_path / "data"), [folder])
    lines, progress = progress_log()
    other = fault_settings(tmp_path / "data").model_copy(update={"encoder": "fake-32"})
    again = build(other, [folder], progress=progress)
    assert again["generation"] != first["generation"] and again["encoder"] == "fake-32"
    assert not [line for line in lines if line.startswith("parsing")]
