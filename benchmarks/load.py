"""Load test of the real server: uvicorn in a subprocess, concurrent clients, latency percentiles; a bad-input phase.

    python benchmarks/load.py --data-dir /tmp/policykg-data [--concurrency 32] [--duration 30] [--bad-input]
    python benchmarks/load.py --data-dir /tmp/policykg-data --runaway [--runaway-clients 2] [--duration 10]

Writes a markdown table (and the command that made it) to benchmarks/results/load.md. With ``--runaway`` it runs
twice, the other clients alone and then beside clients that only send runaway SPARQL (cross joins, a sorted cross
join, a huge SELECT), and reports the other clients' throughput and p99 in both runs and the largest SPARQL answer
(to benchmarks/results/load_runaway.md).
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import http.client
import json
import os
import random
import shlex
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "benchmarks" / "questions"
RESULTS = ROOT / "benchmarks" / "results"
FALLBACK_QUESTIONS = ["想用工业机器人改造生产线", "零土地技改项目审批周期", "节能改造有什么支持",
                      "industrial robots for production lines", "predictive maintenance of equipment"]
UNITS = ["2.1.1", "二（一）1", "2.2.1", "三（三）", "一（三）"]
DEPARTMENTS = ["市经信委", "上海市经济和信息化委员会", "市财政局", "市发展改革委"]
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
# What a careless or hostile SPARQL user sends: CPU until the time limit, memory, a huge answer.
RUNAWAY_QUERIES = [
    RUNAWAY,
    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i",
    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tree_digest(root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        h.update(str(path.relative_to(root)).encode())
        if path.is_symlink():
            h.update(str(path.readlink()).encode())
        elif path.is_file():
            h.update(path.read_bytes())
    return h.hexdigest()


def questions() -> list[str]:
    found = []
    for path in sorted(QUESTIONS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                found.append(json.loads(line)["question"])
    return found or FALLBACK_QUESTIONS


def start_server(data_dir: Path, port: int, env_extra: dict[str, str], workers: int = 1) -> subprocess.Popen:
    env = dict(os.environ, POLICYKG_DATA_DIR=str(data_dir), **env_extra)
    log = tempfile.TemporaryFile()  # not a pipe: a pipe nobody reads would stall the server once it fills
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "api.app:create_app", "--factory", "--workers", str(workers),
         "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning", "--no-access-log"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log,
    )
    deadline = time.monotonic() + 300  # a first start may build the data dir from corpus/
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log.seek(0)
            raise RuntimeError("server exited: " + log.read().decode(errors="replace")[-2000:])
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    proc.kill()
    raise RuntimeError("server did not become healthy")


def request_mix(qs: list[str]) -> list[tuple[str, str]]:
    """(kind, path) in the proportions of the mix: 60 % search, 20 % units, 15 % departments, 5 % healthz."""
    mix = [("search", "/search?q=" + quote(q) + "&k=10") for q in qs]
    mix = random.sample(mix * 3, k=60) if mix else []
    mix += [("units", "/units/" + quote(u, safe="")) for u in UNITS] * 4
    mix += [("departments", "/departments/" + quote(d)) for d in DEPARTMENTS] * 4
    mix += [("departments", "/departments")] * 3
    mix += [("healthz", "/healthz")] * 5
    return mix


async def drive(base: str, concurrency: int, duration: float, mix: list[tuple[str, str]],
                runaway_clients: int = 0, idle_clients: int = 0):
    """``concurrency`` clients for ``duration`` s: the first ``runaway_clients`` send only RUNAWAY_QUERIES (recorded
    under ``sparql-runaway`` with their answers' sizes), the next ``idle_clients`` send nothing, the rest the mix."""
    latencies: dict[str, list[float]] = {}
    errors: list[str] = []
    runaway: dict[str, list] = {"statuses": [], "sizes": []}
    stop_at = time.perf_counter() + duration
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:

        async def worker(seed: int) -> None:
            rng = random.Random(seed)
            while time.perf_counter() < stop_at:
                kind, path = rng.choice(mix)
                t0 = time.perf_counter()
                try:
                    r = await client.get(path)
                    ok = r.status_code == 200
                except httpx.HTTPError as e:
                    ok, r = False, e
                latencies.setdefault(kind, []).append((time.perf_counter() - t0) * 1000)
                if not ok:
                    errors.append(f"{path}: {getattr(r, 'status_code', None) or f'{type(r).__name__} {r}'}")

        async def runaway_worker(seed: int) -> None:
            rng = random.Random(seed)
            while time.perf_counter() < stop_at:
                t0 = time.perf_counter()
                try:
                    r = await client.get("/sparql", params={"query": rng.choice(RUNAWAY_QUERIES)})
                    runaway["statuses"].append(r.status_code)
                    runaway["sizes"].append(len(r.content))
                except httpx.HTTPError as e:
                    runaway["statuses"].append(type(e).__name__)
                latencies.setdefault("sparql-runaway", []).append((time.perf_counter() - t0) * 1000)

        async def idle_worker(seed: int) -> None:
            return None

        def client_for(i: int):
            if i < runaway_clients:
                return runaway_worker(i)
            return idle_worker(i) if i < runaway_clients + idle_clients else worker(i)

        started = time.perf_counter()
        await asyncio.gather(*(client_for(i) for i in range(concurrency)))
        elapsed = time.perf_counter() - started
    return latencies, errors, elapsed, runaway


def others(latencies: dict[str, list[float]]) -> list[float]:
    """Latencies of every request that is not a runaway SPARQL query."""
    return [v for kind, vs in latencies.items() if kind != "sparql-runaway" for v in vs]


def merge_runs(runs: list[tuple]) -> tuple:
    """Several ``drive`` results as one: latencies and errors joined, durations added."""
    latencies: dict[str, list[float]] = {}
    errors: list[str] = []
    runaway: dict[str, list] = {"statuses": [], "sizes": []}
    elapsed = 0.0
    for lat, errs, took, stray in runs:
        for kind, values in lat.items():
            latencies.setdefault(kind, []).extend(values)
        errors += errs
        elapsed += took
        for key in runaway:
            runaway[key] += stray[key]
    return latencies, errors, elapsed, runaway


def runaway_report(args, command: str, base: str, health: dict, mix) -> tuple[list[str], bool]:
    """The other clients alone, then beside ``args.runaway_clients`` runaway-SPARQL clients; the comparison."""
    n = args.runaway_clients
    load_before = os.getloadavg()[0]
    runs = []
    for _ in range(args.rounds):  # alternate, so that drift in the machine's load hits both alike
        runs.append(("alone", asyncio.run(drive(base, args.concurrency, args.duration, mix, idle_clients=n))))
        runs.append(("beside", asyncio.run(drive(base, args.concurrency, args.duration, mix, runaway_clients=n))))
    alone, beside = (merge_runs([r for name, r in runs if name == which]) for which in ("alone", "beside"))
    rows = ["| run | other clients | their req/s | their p50 ms | their p99 ms | their errors | runaway answers |",
            "|---|---:|---:|---:|---:|---:|---|"]
    summary = {}
    for name, (lat, errs, elapsed, runaway) in (("without runaway clients", alone), (f"with {n} runaway clients", beside)):
        vs = others(lat)
        summary[name] = len(vs) / elapsed
        statuses = ", ".join(f"{code}: {runaway['statuses'].count(code)}" for code in sorted(set(runaway["statuses"]), key=str))
        rows.append(f"| {name} | {args.concurrency - n} | {len(vs) / elapsed:.1f} | {pct(vs, 50):.1f} | {pct(vs, 99):.1f} | "
                    f"{len(errs)} | {statuses or '-'} |")
    probe = httpx.get(base + "/sparql", params={"query": RUNAWAY_QUERIES[-1]}, timeout=60)  # the huge answer, alone
    before, after = summary.values()
    change = (after - before) / before * 100 if before else 0.0
    sizes = beside[3]["sizes"] + [len(probe.content)]
    largest = max(sizes, default=0)
    within = largest <= args.sparql_max_bytes
    report = [
        "# Load test: runaway SPARQL beside normal traffic", "",
        f"`{command}`", "",
        f"{args.concurrency} client slots, {args.rounds} round(s) of {args.duration:g} s without then with the runaway "
        f"clients (alternating), against {args.workers} uvicorn worker(s) on "
        f"loopback (clients and server share the machine's cores with other work). Data: {health['documents']} "
        f"document(s), {health['triples']} triples. The other {args.concurrency - n} clients send the normal mix "
        "(60 % /search, 20 % /units, 15 % /departments, 5 % /healthz); in the second run "
        f"{n} clients send only runaway SPARQL: a four-way cross join (CPU until the time limit), a sorted three-way "
        "cross join (memory) and a two-way cross join (a huge answer). Server limits: SPARQL time "
        f"{args.sparql_timeout:g} s, answer {args.sparql_max_bytes} bytes, memory {args.sparql_max_memory_mb} MB, "
        f"niceness {args.sparql_nice}, {args.sparql_max_concurrent} SPARQL evaluation(s) at once per worker.", "",
        *rows, "",
        f"The other clients' throughput changed by **{change:+.1f} %** with the runaway clients "
        f"({'within' if change >= -20 else 'NOT within'} 20 %). Largest SPARQL answer: {largest} bytes "
        f"({'within' if within else '**over**'} the {args.sparql_max_bytes}-byte limit). The two-way cross join sent once "
        f"more with no other client of this benchmark: {probe.status_code}, {len(probe.content)} bytes, "
        f"X-Truncated-By: {probe.headers.get('x-truncated-by', '-')}. Machine load average (1 min) before and "
        f"after: {load_before:.1f}, {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores.", "",
    ]
    errors = alone[1] + beside[1]
    if errors:
        report += ["Errors of the other clients (first 10):", "", *[f"- {e}" for e in errors[:10]], ""]
    return report, within and not errors and change >= -20


def pct(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def load_table(latencies: dict[str, list[float]], errors: list[str], elapsed: float) -> str:
    rows = ["| requests | count | req/s | p50 ms | p95 ms | p99 ms | errors |", "|---|---:|---:|---:|---:|---:|---:|"]
    everything = [v for vs in latencies.values() for v in vs]
    for kind in sorted(latencies) + ["all"]:
        vs = everything if kind == "all" else latencies[kind]
        errs = len(errors) if kind == "all" else sum(1 for e in errors if e.startswith("/" + kind))
        name = f"**{kind}**" if kind == "all" else kind
        rows.append(f"| {name} | {len(vs)} | {len(vs) / elapsed:.1f} | {pct(vs, 50):.1f} | {pct(vs, 95):.1f} | "
                    f"{pct(vs, 99):.1f} | {errs} |")
    return "\n".join(rows)


def raw_request(port: int, method: str, target: str, body: bytes = b"", headers: dict | None = None) -> int:
    """One request over a plain socket connection (http.client sends what httpx would refuse to build)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.putrequest(method, target, skip_accept_encoding=True)
        for k, v in (headers or {}).items():
            conn.putheader(k, v)
        conn.putheader("Content-Length", str(len(body)))
        conn.endheaders(body)
        return conn.getresponse().status
    finally:
        conn.close()


def bad_input_phase(port: int) -> list[tuple[str, int, bool]]:
    """Each bad request must answer 4xx; returns (case, status, ok)."""
    insert = quote("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    cases = [
        ("oversized JSON body (1 MB) to /match", "POST", "/match", b"x" * 1_000_000, {"Content-Type": "application/json"}),
        ("oversized SPARQL body (1 MB)", "POST", "/sparql", b"#" * 1_000_000, {"Content-Type": "application/sparql-query"}),
        ("100 kB query string", "GET", "/search?q=" + "a" * 100_000, b"", {}),
        ("invalid UTF-8 in query (%FF)", "GET", "/search?q=%FF%FE", b"", {}),
        ("invalid UTF-8 in body", "POST", "/match", b'{"industry": "\xff", "plans": ["a"]}', {"Content-Type": "application/json"}),
        ("invalid UTF-8 in path", "GET", "/units/%C3%28", b"", {}),
        ("unknown unit", "GET", "/units/9.9.9", b"", {}),
        ("unknown department", "GET", "/departments/" + quote("不存在的委员会"), b"", {}),
        ("SPARQL INSERT DATA", "GET", "/sparql?query=" + insert, b"", {}),
        ("SPARQL LOAD", "POST", "/sparql", b"LOAD <http://example.org/x>", {"Content-Type": "application/sparql-query"}),
        ("SPARQL SERVICE", "GET", "/sparql?query=" + quote("SELECT * WHERE { SERVICE <http://example.org/s> { ?s ?p ?o } }"), b"", {}),
        ("runaway SPARQL (time limit)", "GET", "/sparql?query=" + quote(RUNAWAY), b"", {}),
        ("k over the limit", "GET", "/search?q=x&k=100000", b"", {}),
        ("unknown export format", "GET", "/export?format=xml", b"", {}),
    ]
    out = []
    for name, method, target, body, headers in cases:
        try:
            status = raw_request(port, method, target, body, headers)
        except (OSError, http.client.HTTPException) as e:  # the server may close early on a huge body
            status = -1
            name += f" ({type(e).__name__})"
        out.append((name, status, 400 <= status < 500))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, required=True, help="built data dir (built from corpus/ if empty)")
    parser.add_argument("--concurrency", type=int, default=32, help="clients at a time (1-256)")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of load (1-600)")
    parser.add_argument("--bad-input", action="store_true", help="also run the bad-input phase")
    parser.add_argument("--sparql-timeout", type=float, default=2.0, help="server SPARQL time limit for the run")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes (as `policykg serve --workers`)")
    parser.add_argument("--runaway", action="store_true", help="compare runs without and with runaway-SPARQL clients")
    parser.add_argument("--runaway-clients", type=int, default=2, help="how many of the clients send runaway SPARQL")
    parser.add_argument("--rounds", type=int, default=1, help="--runaway: alternate the two runs this many times")
    parser.add_argument("--sparql-max-bytes", type=int, default=4_000_000, help="server SPARQL answer limit for the run")
    parser.add_argument("--sparql-max-memory-mb", type=int, default=512, help="server SPARQL memory limit for the run")
    parser.add_argument("--sparql-nice", type=int, default=15, help="server SPARQL niceness for the run")
    parser.add_argument("--sparql-max-concurrent", type=int, default=2, help="SPARQL evaluations at once per worker")
    parser.add_argument("--output", type=Path, default=None, help="default: results/load.md (load_runaway.md)")
    args = parser.parse_args()
    args.output = args.output or RESULTS / ("load_runaway.md" if args.runaway else "load.md")
    if args.runaway and not 1 <= args.runaway_clients < args.concurrency:
        parser.error("--runaway-clients must be at least 1 and fewer than --concurrency")
    if not 1 <= args.concurrency <= 256 or not 1 <= args.duration <= 600:
        parser.error("--concurrency must be 1-256 and --duration 1-600")

    command = "python benchmarks/load.py " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    port = free_port()
    env = {"POLICYKG_SPARQL_TIMEOUT_S": str(args.sparql_timeout), "POLICYKG_SPARQL_MAX_BYTES": str(args.sparql_max_bytes),
           "POLICYKG_SPARQL_MAX_MEMORY_MB": str(args.sparql_max_memory_mb), "POLICYKG_SPARQL_NICE": str(args.sparql_nice),
           "POLICYKG_SPARQL_MAX_CONCURRENT": str(args.sparql_max_concurrent)}
    if args.workers > 1:  # as `policykg serve --workers N` runs them: one encoder thread per worker
        env["OMP_NUM_THREADS"] = os.environ.get("OMP_NUM_THREADS", "1")
    server = start_server(args.data_dir, port, env, args.workers)
    base = f"http://127.0.0.1:{port}"
    try:
        before = tree_digest(args.data_dir)
        health = httpx.get(base + "/healthz").json()
        if args.runaway:
            report, ok = runaway_report(args, command, base, health, request_mix(questions()))
            text = "\n".join(report)
            args.output.parent.mkdir(parents=True, exist_ok=True)
            args.output.write_text(text, encoding="utf-8")
            print(text)
            return 0 if ok else 1
        latencies, errors, elapsed, _ = asyncio.run(drive(base, args.concurrency, args.duration, request_mix(questions())))
        report = [
            "# Load test", "",
            f"`{command}`", "",
            f"{args.concurrency} concurrent clients for {args.duration:g} s against {args.workers} uvicorn worker(s) on "
            "loopback (the clients run on the same 2 cores); "
            f"data: {health['documents']} document(s), {health['triples']} triples, {health['index_units']} index units, "
            f"encoder {health['encoder']}. Mix: 60 % /search (questions from benchmarks/questions/*.jsonl), "
            "20 % /units, 15 % /departments, 5 % /healthz.", "",
            load_table(latencies, errors, elapsed), "",
        ]
        if errors:
            report += ["Errors (first 10):", "", *[f"- {e}" for e in errors[:10]], ""]
        bad_ok = True
        if args.bad_input:
            results = bad_input_phase(port)
            alive = httpx.get(base + "/healthz").status_code == 200
            unchanged = tree_digest(args.data_dir) == before
            bad_ok = all(ok for *_, ok in results) and alive and unchanged
            report += ["## Bad input", "", "| case | status | 4xx |", "|---|---:|:---:|"]
            report += [f"| {name} | {status} | {'yes' if ok else '**NO**'} |" for name, status, ok in results]
            report += ["", f"Server still healthy afterwards: {'yes' if alive else '**NO**'}; "
                           f"data dir unchanged: {'yes' if unchanged else '**NO**'}.", ""]
        text = "\n".join(report)
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
        print(text)
        return 0 if not errors and bad_ok else 1
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    sys.exit(main())
