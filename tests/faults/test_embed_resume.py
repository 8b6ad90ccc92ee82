"""An ingest killed while embedding resumes: the batches it finished are in the vector cache and the next run
embeds only the rest; parses were kept too. Also: parallel parsing gives the same generation as one process."""

from __future__ import annotations

import json
import shutil
import signal

from workspace.build import FAULT_ENV, build
from workspace.reader import open_workspace
from tests.faults.helpers import fault_settings, generation_of, start_cli, stop, wait_for_stderr

BATCH = 2  # texts per embedding batch in these runs: a tiny plan has several batches


def embedded(lines: list[str]) -> int:
    """The number of texts the build sent to the encoder (its ``embedded N new text(s)`` line)."""
    return int(next(line for line in lines if line.startswith("embedded ")).split()[1])


def test_an_ingest_killed_mid_embedding_resumes_with_what_was_not_cached(fault_base, fault_docs, tmp_path):
    reference = tmp_path / "reference"
    shutil.copytree(fault_base, reference, symlinks=True)
    lines: list[str] = []
    build(fault_settings(reference, embed_batch=BATCH), [fault_docs["bravo"]], progress=lines.append)
    total = embedded(lines)
    assert total > BATCH  # more than one batch: the kill lands between two of them

    data = tmp_path / "data"
    shutil.copytree(fault_base, data, symlinks=True)
    before = generation_of(data)
    proc = start_cli("ingest", str(fault_docs["bravo"]), "--data-dir", str(data),
                     **{FAULT_ENV: "embedding", "POLICYKG_EMBED_BATCH": str(BATCH), "POLICYKG_INGEST_JOBS": "1"})
    wait_for_stderr(proc, "fault pause at embedding")  # the first batch is embedded and cached
    stop(proc, signal.SIGKILL)
    assert generation_of(data) == before  # the generation in force is untouched

    lines = []
    result = build(fault_settings(data, embed_batch=BATCH), [fault_docs["bravo"]], progress=lines.append)
    assert embedded(lines) == total - BATCH
    assert not [line for line in lines if line.startswith("parsing")]  # its parse was kept before the kill
    assert {d["slug"] for d in result["documents"]} == {"alpha", "bravo"}


def test_parsing_over_processes_gives_the_same_generation(fault_docs, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for path in fault_docs.values():
        for part in (path, path.with_name(f"{path.stem}.meta.json")):
            shutil.copyfile(part, folder / part.name)
    results = {}
    for jobs in (1, 2):
        data = tmp_path / f"jobs-{jobs}"
        lines: list[str] = []
        manifest = build(fault_settings(data, ingest_jobs=jobs), [folder], progress=lines.append)
        ws = open_workspace(fault_settings(data))
        graph = (ws.root / "graph.nt").read_bytes()
        units = (ws.root / "index" / "units.jsonl").read_text(encoding="utf-8")
        ws.pinned.release()
        results[jobs] = (graph, units, manifest["triples"], json.dumps(manifest["documents"], sort_keys=True),
                         [line for line in lines if line.startswith("parsing")])
    assert results[1] == results[2]
