"""Two files of the same name in different folders (each its own slug by a sidecar) are kept apart in the data dir:
both survive later, unrelated ingests, and ``validate`` checks each document's own source."""

from __future__ import annotations

import json
import shutil

from workspace.build import build
from workspace.reader import open_workspace
from workspace.datadir import check_files, check_sources
from tests.faults.helpers import TOPICS, documents_in, fault_settings, plan_text, run_cli


def _same_named(tmp_path):
    """``a/plan.txt`` and ``b/plan.txt``, different texts, slugs plan-a and plan-b by their sidecars."""
    paths = []
    for folder, topic in (("a", "bravo"), ("b", "charlie")):
        path = tmp_path / "in" / folder / "plan.txt"
        path.parent.mkdir(parents=True)
        path.write_text(plan_text(*TOPICS[topic]), encoding="utf-8")
        meta = {"slug": f"plan-{folder}", "title": f"计划{folder}"}
        path.with_name("plan.meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def test_two_same_named_files_both_survive_later_ingests(fault_data_dir, fault_docs, tmp_path):
    settings = fault_settings(fault_data_dir)
    build(settings, _same_named(tmp_path))
    assert documents_in(fault_data_dir) == {"alpha", "plan-a", "plan-b"}
    shutil.rmtree(tmp_path / "in")  # only the data dir's copies are left to rebuild from

    build(settings, [fault_docs["delta"]])  # unrelated: rebuilds from the kept sources
    build(settings, [fault_docs["echo"]])
    assert documents_in(fault_data_dir) == {"alpha", "plan-a", "plan-b", "delta", "echo"}
    ws = open_workspace(settings)
    try:
        kept = {d["slug"]: d["source_path"] for d in ws.manifest["documents"]}
        assert kept["plan-a"] != kept["plan-b"]
        assert kept["plan-a"].endswith("/plan.txt") and kept["plan-b"].endswith("/plan.txt")
        texts = {slug: (ws.root / path).read_text(encoding="utf-8") for slug, path in kept.items()}
        assert TOPICS["bravo"][0] in texts["plan-a"] and TOPICS["charlie"][0] in texts["plan-b"]
        assert check_files(ws.root, ws.manifest) == []
    finally:
        ws.pinned.release()
    told = run_cli("validate", "--data-dir", str(fault_data_dir))
    assert told.returncode == 0, told.stdout + told.stderr
    assert "; 0 problems" in told.stdout


def test_validate_names_a_source_two_documents_share(fault_data_dir, tmp_path):
    """A generation of the old flat layout where one document's source overwrote the other's: reported."""
    settings = fault_settings(fault_data_dir)
    build(settings, _same_named(tmp_path))
    ws = open_workspace(settings)
    try:
        manifest = dict(ws.manifest)
        docs = [dict(d) for d in manifest["documents"]]
        for d in docs:
            if d["slug"] in ("plan-a", "plan-b"):
                d["source_path"] = next(x["source_path"] for x in docs if x["slug"] == "plan-b")
        manifest["documents"] = docs
        problems = check_sources(ws.root, manifest)
    finally:
        ws.pinned.release()
    assert any("the source of both plan-a and plan-b" in line for line in problems), problems
    assert any("not the file document plan-a was parsed from" in line for line in problems), problems


def test_validate_names_a_missing_source(fault_data_dir):
    settings = fault_settings(fault_data_dir)
    ws = open_workspace(settings)
    try:
        source = ws.root / ws.manifest["documents"][0]["source_path"]
        source.unlink()
        problems = check_sources(ws.root, ws.manifest)
    finally:
        ws.pinned.release()
    assert problems == [f"{source}: the source of alpha is missing"]
