"""Incremental ingest: full build of N documents vs adding, changing and removing one vs an unchanged re-run (wall
time, where it goes, documents/s, peak RSS, how many files were parsed, graphs checked and texts embedded).

The N documents are synthetic: the plans in ``benchmarks/extraction/docs`` (not the holdout) recombined with a
fixed seed: each copy gets its own slug, title (a jurisdiction, a year and a serial number replace the
original's first line) and a sidecar with its jurisdiction and date, so every copy is a distinct document (its
own content digest) with the structure of a real plan. The texts are read as inputs only.

Each phase runs in a fresh subprocess so that its peak resident memory (``ru_maxrss`` from ``wait4``) is its
own. The encoder is named in the table: ``fake`` (deterministic, no model; the default, since the point is the
work the build avoids) or ``e5-small`` (real; slow on a shared 2-core machine, use a small ``--docs``).

    python -m benchmarks.incremental --docs 200 [--encoder fake] [--out benchmarks/results/incremental.md]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

__all__ = ["synthesise", "main"]

ROOT = Path(__file__).resolve().parent.parent
# The development plans only: the holdout set is kept aside for honest extraction measurement.
SOURCES = (ROOT / "benchmarks" / "extraction" / "docs",)
SEED = 20240901
JURISDICTIONS = ("上海市", "闵行区", "浦东新区", "杭州市", "西湖区", "苏州市", "姑苏区", "广州市", "天河区", "武汉市")


def _bases() -> list[Path]:
    from ingest.formats import supported_files

    files, _ = supported_files([p for p in SOURCES if p.is_dir()], recursive=False)
    return sorted(p for p in files if p.suffix == ".txt")


def synthesise(count: int, folder: Path, seed: int = SEED, start: int = 0) -> list[Path]:
    """Write ``count`` synthetic documents (``.txt`` + ``.meta.json``) into ``folder``; returns their paths."""
    rng = random.Random(seed + start)
    bases = _bases()
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(start, start + count):
        base = bases[i % len(bases)]
        lines = base.read_text(encoding="utf-8").splitlines()
        jurisdiction = rng.choice(JURISDICTIONS)
        year = rng.randint(2016, 2026)
        title = f"{jurisdiction}{year}年{lines[0].strip()[-16:]}（第{i + 1}号）"
        slug = f"synth-{i + 1:04d}-{base.stem}"
        path = folder / f"{slug}.txt"
        path.write_text("\n".join([title, *lines[1:]]) + "\n", encoding="utf-8")
        meta = {"slug": slug, "title": title, "jurisdiction": jurisdiction, "issued": f"{year}-0{rng.randint(1, 9)}-15"}
        path.with_name(f"{slug}.meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        written.append(path)
    return written


def edit(path: Path, serial: int) -> None:
    """Change one document: a sentence of its own at the end of its first paragraph after the title (new text,
    so that unit is embedded again; a line after the signature would be the closing, which is not indexed)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(lines) if i > 0 and line.strip())
    lines[first] += f"本方案第{serial}次修订后，各责任单位应于每季度末报送推进情况。"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# Phase boundaries read from the build's progress lines: (column, line that starts it, line that ends it).
_SPLITS = (("graph s", "building the knowledge graph", "building the search index"),
           ("index s", "building the search index", "built generation"))


def _phase(data_dir: Path, corpus: Path, encoder: str, remove: str = "") -> dict:
    """One ingest of ``corpus`` (or, with ``remove``, the removal of that document) into ``data_dir``, run in
    the child process; what it did, as JSON."""
    from workspace.build import build, remove_documents
    from workspace.settings import Settings

    lines: list[tuple[float, str]] = []
    started = time.perf_counter()
    settings = Settings(data_dir=data_dir, encoder=encoder)

    def progress(line: str) -> None:
        lines.append((time.perf_counter() - started, line))

    if remove:
        result = remove_documents(settings, [remove], progress=progress)
    else:
        result = build(settings, [corpus], progress=progress)
    seconds = time.perf_counter() - started
    text = [line for _, line in lines]
    embedded = next((int(line.split()[1]) for line in text if line.startswith("embedded ")), 0)
    checked = next((int(line.split()[4]) for line in text if line.startswith("checking the graph of ")), 0)
    statuses: dict[str, int] = {}
    for report in result["report"]:
        statuses[report["status"]] = statuses.get(report["status"], 0) + 1
    splits = {}
    for name, first, last in _SPLITS:
        begin = next((t for t, line in lines if line.startswith(first)), None)
        end = next((t for t, line in lines if line.startswith(last)), None)
        splits[name] = None if begin is None or end is None else end - begin
    import ingest

    return {"code": str(Path(ingest.__file__).parent.parent), "seconds": seconds,
            "parsed": sum(line.startswith("parsing ") for line in text), "checked": checked, "embedded": embedded,
            "documents": len(result["documents"]), "triples": result["triples"], "statuses": statuses,
            "generation": result["generation"], **splits}


def snapshot(folder: Path) -> Path:
    """A copy of the code (api, cli, ingest, kg, search, workspace, benchmarks) that the phases run from: the
    checkout is shared, and an edit of the parser between two phases would (rightly) invalidate every cached
    parse."""
    for package in ("api", "cli", "ingest", "kg", "search", "workspace", "benchmarks"):
        shutil.copytree(ROOT / package, folder / package, ignore=shutil.ignore_patterns("__pycache__", "holdout",
                                                                                           "results", "docs"))
    return folder


def _run_phase(data_dir: Path, corpus: Path, encoder: str, code: Path = ROOT, remove: str = "") -> dict:
    """``_phase`` in a fresh subprocess (running the code in ``code``); adds its wall time and peak RSS (the
    largest of the process and the parse workers it waited for)."""
    started = time.perf_counter()
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(code)}
    env.pop("POLICYKG_PROGRESS_BAR", None)
    child = subprocess.Popen([sys.executable, "-m", "benchmarks.incremental", "--phase", str(data_dir), str(corpus),
                              encoder, remove], stdout=subprocess.PIPE, cwd=code, env=env)
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"phase failed with exit code {child.returncode}")
    result = json.loads(out.decode().strip().splitlines()[-1])
    result["wall"] = time.perf_counter() - started
    result["cpu"] = usage.ru_utime + usage.ru_stime  # the process and the workers it waited for
    result["peak_rss_mb"] = usage.ru_maxrss / 1024
    return result


def _seconds(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _row(name: str, r: dict, docs: int) -> tuple:
    return (name, docs, f"{r['wall']:.1f}", f"{r['cpu']:.1f}", f"{r['seconds']:.2f}", _seconds(r["graph s"]),
            _seconds(r["index s"]),
            f"{docs / r['seconds']:.1f}", r["parsed"], r["checked"], r["embedded"], f"{r['peak_rss_mb']:.0f}",
            ", ".join(f"{k} {v}" for k, v in sorted(r["statuses"].items())))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--encoder", default="fake")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "incremental.md")
    parser.add_argument("--phase", nargs=4, metavar=("DATA_DIR", "CORPUS", "ENCODER", "REMOVE"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase:
        data_dir, corpus, encoder, remove = args.phase
        print(json.dumps(_phase(Path(data_dir), Path(corpus), encoder, remove)))
        return
    n = args.docs
    with tempfile.TemporaryDirectory(prefix="policykg-incremental-") as tmp:
        corpus, data_dir = Path(tmp) / "corpus", Path(tmp) / "data"
        code = snapshot(Path(tmp) / "code")
        synthesise(n, corpus)
        full = _run_phase(data_dir, corpus, encoder := args.encoder, code)
        (added,) = synthesise(1, corpus, start=n)
        edit(added, 1)  # a text of its own besides the recombined plan's units
        add = _run_phase(data_dir, corpus, encoder, code)
        same = _run_phase(data_dir, corpus, encoder, code)
        changed = sorted(corpus.glob("*.txt"))[n // 2]
        edit(changed, 2)
        change = _run_phase(data_dir, corpus, encoder, code)
        remove = _run_phase(data_dir, corpus, encoder, code, remove=changed.stem)
        if full["code"] != str(code):
            raise SystemExit(f"the phases ran {full['code']}, not the snapshot {code}")
        cache_mb = sum(p.stat().st_size for p in (data_dir / "cache").rglob("*") if p.is_file()) / 2**20
        graph_mb = (data_dir / "current" / "graph.nt").stat().st_size / 2**20
    header = ("phase", "documents", "wall s (process)", "CPU s", "build s", "graph s", "index s", "documents/s", "parsed",
              "graph checked", "embedded", "peak RSS MB", "files")
    rows = [_row("full build (cold cache)", full, n), _row("add one document", add, n + 1),
            _row("unchanged re-run", same, n + 1), _row("change one document", change, n + 1),
            _row("remove one document", remove, n)]
    table = "\n".join(["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
                      + ["| " + " | ".join(str(c) for c in row) + " |" for row in rows])
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    text = (f"# Incremental ingest: {n} synthetic documents, encoder `{encoder}`\n\n"
            f"`python -m benchmarks.incremental --docs {n} --encoder {encoder}` ({stamp}, shared 2-core machine, "
            f"default `--jobs`: one process per CPU).\n\n{table}\n\n"
            "*build s* is the time inside `workspace.build.build` (or `remove_documents`); *wall s* adds the process "
            "start and imports; *CPU s* is the CPU time of the whole phase (user + system, the process and its parse "
            "and check workers): the work done, less sensitive than wall time to other jobs on a shared machine. "
            "*graph s* is writing the generation's graph (making and checking the new documents' "
            "parts, then streaming every part from the cache into `graph.nt`), *index s* building and saving BM25 and "
            "FAISS. *documents/s* is documents in the corpus / build s. *parsed*, *graph checked* and *embedded* "
            "count the files parsed, the documents whose graph was built and checked against the SHACL shapes and "
            "the source spans, and the texts sent to the encoder; the rest came from `<data-dir>/cache`. *peak RSS* "
            "is the largest resident set of the build process (parse and check workers included). The unchanged "
            "re-run builds no generation at all. "
            f"Graph after the runs: {graph_mb:.1f} MB; cache: {cache_mb:.1f} MB.\n\n"
            "What grows with the one document only: parsing, building its graph and checking it (SHACL shapes, "
            "source spans), embedding its new texts. What still grows with the corpus, from the cache: reading "
            "every cached parse, units (with their saved lines) and triples, streaming the triples into "
            "`graph.nt`, loading it into the on-disk graph store and hashing the generation's files, and "
            "indexing BM25 (tokens come from the token cache, by text hash, unless a new document changes the "
            "segmenter's dictionary) and FAISS (from cached vectors), then saving them (the units' JSON lines "
            "come from the unit cache); the search index's own fixed costs (its dictionaries) come on top.\n")
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
