"""Incremental ingest: full build of N documents vs adding one vs an unchanged re-run (wall time, documents/s,
peak RSS, how many files were parsed and texts embedded).

The N documents are synthetic: the plans in ``benchmarks/extraction/docs`` and ``holdout`` recombined with a
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
SOURCES = (ROOT / "benchmarks" / "extraction" / "docs", ROOT / "benchmarks" / "extraction" / "holdout")
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


def _phase(data_dir: Path, corpus: Path, encoder: str) -> dict:
    """One ingest of ``corpus`` into ``data_dir`` (run in the child process); what it did, as JSON."""
    from workspace.settings import Settings
    from workspace.build import build

    lines: list[str] = []
    started = time.perf_counter()
    result = build(Settings(data_dir=data_dir, encoder=encoder), [corpus], progress=lines.append)
    seconds = time.perf_counter() - started
    embedded = next((int(line.split()[1]) for line in lines if line.startswith("embedded ")), 0)
    statuses: dict[str, int] = {}
    for report in result["report"]:
        statuses[report["status"]] = statuses.get(report["status"], 0) + 1
    import ingest

    return {"code": str(Path(ingest.__file__).parent.parent),
            "seconds": seconds, "parsed": sum(line.startswith("parsing ") for line in lines), "embedded": embedded,
            "documents": len(result["documents"]), "statuses": statuses, "generation": result["generation"]}


def snapshot(folder: Path) -> Path:
    """A copy of the code (api, ingest, kg, search, benchmarks) that the phases run from: the checkout is shared,
    and an edit of the parser between two phases would (rightly) invalidate every cached parse."""
    for package in ("api", "ingest", "kg", "search", "benchmarks"):
        shutil.copytree(ROOT / package, folder / package, ignore=shutil.ignore_patterns("__pycache__", "holdout",
                                                                                           "results", "docs"))
    return folder


def _run_phase(data_dir: Path, corpus: Path, encoder: str, code: Path = ROOT) -> dict:
    """``_phase`` in a fresh subprocess (running the code in ``code``); adds its wall time and peak RSS."""
    started = time.perf_counter()
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(code)}
    child = subprocess.Popen([sys.executable, "-m", "benchmarks.incremental", "--phase", str(data_dir), str(corpus),
                              encoder], stdout=subprocess.PIPE, cwd=code, env=env)
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"phase failed with exit code {child.returncode}")
    result = json.loads(out.decode().strip().splitlines()[-1])
    result["wall"] = time.perf_counter() - started
    result["peak_rss_mb"] = usage.ru_maxrss / 1024
    return result


def _row(name: str, r: dict, docs: int) -> tuple:
    return (name, docs, f"{r['wall']:.1f}", f"{r['seconds']:.2f}", f"{docs / r['seconds']:.2f}", r["parsed"],
            r["embedded"], f"{r['peak_rss_mb']:.0f}", ", ".join(f"{k} {v}" for k, v in sorted(r["statuses"].items())))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--encoder", default="fake")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "incremental.md")
    parser.add_argument("--phase", nargs=3, metavar=("DATA_DIR", "CORPUS", "ENCODER"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase:
        data_dir, corpus, encoder = args.phase
        print(json.dumps(_phase(Path(data_dir), Path(corpus), encoder)))
        return
    with tempfile.TemporaryDirectory(prefix="policykg-incremental-") as tmp:
        corpus, data_dir = Path(tmp) / "corpus", Path(tmp) / "data"
        code = snapshot(Path(tmp) / "code")
        synthesise(args.docs, corpus)
        full = _run_phase(data_dir, corpus, args.encoder, code)
        synthesise(1, corpus, start=args.docs)
        add = _run_phase(data_dir, corpus, args.encoder, code)
        same = _run_phase(data_dir, corpus, args.encoder, code)
        if full["code"] != str(code):
            raise SystemExit(f"the phases ran {full['code']}, not the snapshot {code}")
        cache_mb = sum(p.stat().st_size for p in (data_dir / "cache").rglob("*") if p.is_file()) / 2**20
    header = ("phase", "documents", "wall s (process)", "build s", "documents/s", "parsed", "embedded",
              "peak RSS MB", "files")
    rows = [_row("full build (cold cache)", full, args.docs), _row("add one document", add, args.docs + 1),
            _row("unchanged re-run", same, args.docs + 1)]
    table = "\n".join(["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
                      + ["| " + " | ".join(str(c) for c in row) + " |" for row in rows])
    text = (f"# Incremental ingest: {args.docs} synthetic documents, encoder `{args.encoder}`\n\n"
            f"`python -m benchmarks.incremental --docs {args.docs} --encoder {args.encoder}` "
            f"({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, shared 2-core machine).\n\n{table}\n\n"
            "*build s* is the time inside `workspace.build.build`; *wall s* adds the process start and imports. "
            "*documents/s* is documents in the corpus / build s. *parsed* and *embedded* count the files parsed "
            "and the texts sent to the encoder (the rest came from `<data-dir>/cache`). Adding one document parses "
            "and embeds only it; the graph, BM25 and FAISS are rebuilt from the cached parses and vectors of all "
            "documents (the cheap part). An unchanged re-run builds no generation at all. "
            f"Cache size after the runs: {cache_mb:.1f} MB.\n\n"
            "Each synthetic copy keeps the units of the plan it recombines, so a copy's unit texts may already be in the vector cache (the added document then embeds only the texts no earlier document had). The add-one time is the rebuild of the merged graph, BM25 and FAISS over all documents from the cache, which grows with the corpus; the parse, SHACL check and embedding grow with the one document only.\n")
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
