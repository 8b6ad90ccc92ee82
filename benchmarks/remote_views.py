"""Views over a SPARQL server: the former local copy (one CONSTRUCT per process) against the graph read in place
(``kg.stores.remote_graph``), on the bundled corpus and on synthetic plans (``benchmarks.synthetic``).

For each corpus the graph is built (``kg.build.build_graph``; kept as N-Quads in ``--cache``, one named graph per
document as a build writes them), bulk-loaded into a real ``oxigraph serve`` on loopback, and each mode runs in a
fresh process: open the graph, then a
sample of unit views (units owning targets or responsibilities, spread over the corpus), department views (the
body with the most responsibilities and a median one) and ``list_targets``, each pass twice (cold: the first
pass of the process, the copy's CONSTRUCT included in the first unit view; warm: the same again). RSS is the
process's resident memory after the views and its peak (``VmHWM``); for the remote view the cache's triple
count and the SELECTs sent are given too.

    python -m benchmarks.remote_views --docs 1000 [--cache DIR] [--out benchmarks/results/remote_views.md]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

__all__ = ["main"]

ROOT = Path(__file__).resolve().parent.parent
SEED = 20260101  # the scale benchmark's synthetic corpus
MODES = ("copy", "remote")
LEGEND = ("Views on a SPARQL server (`oxigraph serve` on loopback): *copy* = the former CONSTRUCT of the whole graph "
          "into the process (`local_copy=True`), *remote* = the graph read in place (`kg.stores.remote_graph`, "
          "default cache 100,000 triples, TTL 5 s). Each mode in a fresh process; *cold* is the first pass of the "
          "process, *warm* the same again after it (for *remote*, after list_targets has filled the cache and the "
          "TTL has passed, so warm unit views are asked again). The first unit view includes opening the graph.")


def _bundled_graph():
    from ingest import parse_plan
    from kg.build import build_graph

    return build_graph([parse_plan(p) for p in sorted((ROOT / "corpus").glob("*.txt"))])


def _synthetic_graph(docs: int):
    from benchmarks.synthetic import documents
    from ingest import parse_text
    from ingest.model import DocumentMeta
    from kg.build import build_graph

    parsed = [parse_text(d.text, DocumentMeta(slug=d.meta.slug, title=d.meta.slug)) for d in documents(SEED, 0, docs)]
    return build_graph(parsed)


def _quads(name: str, make, cache: Path) -> tuple[Path, int]:
    """The graph ``make()`` builds, as N-Quads in its named graphs (``kg.stores.base.graph_of``), made once."""
    from benchmarks.scale_corpus import quad_line
    from kg.stores.base import graph_of

    path = cache / f"{name}.nq"
    if not path.is_file():
        started = time.perf_counter()
        graph = make()
        cache.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as out:
            for s, p, o in graph:
                out.write(quad_line(s, p, o, graph_of(s, o)))
        tmp.replace(path)
        print(f"built {name} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    with path.open(encoding="utf-8") as lines:
        return path, sum(1 for _ in lines)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(location: Path, quads: Path) -> tuple[subprocess.Popen, str]:
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    subprocess.run([binary, "load", "--location", str(location), "--file", str(quads)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port = _free_port()
    server = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
                               "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    for _ in range(400):
        try:
            with urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=1):
                return server, url
        except OSError:
            time.sleep(0.05)
    server.kill()
    raise RuntimeError("oxigraph serve did not start")


def _memory_mb(field: str) -> float:
    """``VmRSS`` (now) or ``VmHWM`` (peak) of this process; unlike ``ru_maxrss``, the peak is not inherited from
    the parent that forked it."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def _sample(store, units: int) -> tuple[list[str], list[str]]:
    """Units owning a target or a responsibility, spread evenly; the busiest and a median department."""
    from kg.vocab import POL

    rows = store._select(f"SELECT DISTINCT ?u WHERE {{ {{ ?u <{POL.hasTarget}> ?t }} UNION "
                         f"{{ ?r <{POL.assignedTo}> ?u }} }} ORDER BY ?u")
    found = [r["u"].value for r in rows]
    depts = store._select(f"SELECT ?a (COUNT(?r) AS ?n) WHERE {{ ?r <{POL.agent}> ?a }} GROUP BY ?a "
                          "ORDER BY DESC(?n) ?a")
    names = [r["a"].value for r in depts]
    spread = [found[i * len(found) // units] for i in range(min(units, len(found)))]
    return spread, [names[0], names[len(names) // 2]] if names else []


def measure(mode: str, url: str, units: int) -> dict:
    """One process's figures for ``mode`` (``copy``: the former CONSTRUCT copy; ``remote``: read in place)."""
    from kg.queries import department_view, get_unit, list_targets
    from kg.stores import create_store

    logging.disable(logging.WARNING)
    work = Path(tempfile.mkdtemp(prefix="remote-views-"))
    store = create_store("sparql-http", work / "graph.nt", query_url=url, local_copy=mode == "copy")
    unit_iris, departments = _sample(store, units)
    result: dict = {"mode": mode, "units": len(unit_iris), "departments": len(departments)}
    started = time.perf_counter()
    graph = store.graph()
    result["open_s"] = time.perf_counter() - started
    for sweep in ("cold", "warm"):
        times = []
        for n, unit in enumerate(unit_iris):
            started = time.perf_counter()
            get_unit(graph, unit)
            times.append(time.perf_counter() - started)
            if sweep == "cold" and n == 0:
                result["first_unit_s"] = times[0] + result["open_s"]
        result[f"unit_{sweep}_ms"] = statistics.median(times) * 1000
        times = []
        for department in departments:
            started = time.perf_counter()
            department_view(graph, department)
            times.append(time.perf_counter() - started)
        result[f"department_{sweep}_ms"] = [t * 1000 for t in times]
        started = time.perf_counter()
        result["targets"] = len(list_targets(graph))
        result[f"targets_{sweep}_ms"] = (time.perf_counter() - started) * 1000
    result["rss_mb"], result["peak_rss_mb"] = _memory_mb("VmRSS"), _memory_mb("VmHWM")
    if mode == "remote":
        result["cached_triples"] = store.remote_store.cached_triples
        result["selects"] = store.remote_store.stats.requests
    store.close()
    shutil.rmtree(work, ignore_errors=True)
    return result


def run_corpus(name: str, quads: Path, triples: int, units: int) -> list[dict]:
    location = Path(tempfile.mkdtemp(prefix="remote-views-server-"))
    started = time.perf_counter()
    server, url = _serve(location / "data", quads)
    loaded = time.perf_counter() - started
    try:
        rows = []
        for mode in MODES:
            out = subprocess.run([sys.executable, "-m", "benchmarks.remote_views", "--measure", mode, "--url", url,
                                  "--units", str(units)], cwd=ROOT, capture_output=True, text=True, check=True)
            row = json.loads(out.stdout.strip().splitlines()[-1])
            row.update(corpus=name, triples=triples, load_s=loaded)
            rows.append(row)
            print(json.dumps(row), file=sys.stderr)
        return rows
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(location, ignore_errors=True)


def table(rows: list[dict]) -> str:
    def ms(values) -> str:
        return " / ".join(f"{v:.0f}" for v in values)

    lines = ["| corpus | triples | mode | open s | first unit view s | unit view ms (median, cold / warm) | "
             "department views ms (busiest, median; cold → warm) | list_targets ms (cold / warm) | RSS MB (after / "
             "peak) | cached triples | SELECTs |",
             "|---|---:|---|---:|---:|---:|---|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(
            f"| {r['corpus']} | {r['triples']:,} | {r['mode']} | {r['open_s']:.2f} | {r['first_unit_s']:.2f} | "
            f"{r['unit_cold_ms']:.1f} / {r['unit_warm_ms']:.1f} | {ms(r['department_cold_ms'])} → "
            f"{ms(r['department_warm_ms'])} | {r['targets_cold_ms']:.0f} / {r['targets_warm_ms']:.0f} "
            f"({r['targets']} targets) | {r['rss_mb']:.0f} / {r['peak_rss_mb']:.0f} | "
            f"{r.get('cached_triples', len(''))  if r['mode'] == 'remote' else r['triples']:,} | "
            f"{r.get('selects', '–')} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000, help="synthetic documents (0: the bundled corpus only)")
    parser.add_argument("--units", type=int, default=20, help="unit views per pass")
    parser.add_argument("--out", type=Path, help="write the table (and a .json beside it) here")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "policykg-remote-views",
                        help="where the built graphs are kept as N-Quads between runs")
    parser.add_argument("--measure", choices=MODES, help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure, args.url, args.units)))
        return 0
    rows = run_corpus("bundled (1 plan)", *_quads("bundled", _bundled_graph, args.cache), args.units)
    if args.docs:
        quads = _quads(f"synthetic-{SEED}-{args.docs}", lambda: _synthetic_graph(args.docs), args.cache)
        rows += run_corpus(f"synthetic ({args.docs} plans)", *quads, args.units)
    command = "python -m benchmarks.remote_views " + " ".join(sys.argv[1:] if argv is None else argv)
    text = f"{LEGEND}\n\n{table(rows)}\n\n`{command}` (load average {os.getloadavg()[0]:.1f} at the end)\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        args.out.with_suffix(".json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
