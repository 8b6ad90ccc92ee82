"""Cold command-line timings: ``policykg status``, ``policykg search`` in a new process, and the same search
answered by a ``policykg serve`` running on the same data dir, each the wall time of the whole command.

A search's own work is 30–60 ms; the rest of a cold search is starting Python and opening what the question
needs. The yardstick is ``status`` on the same data dir, measured in the same run (the machine is shared, so
absolute times move with its load; the ratio much less): runs alternate status, search, search via the server,
and the median of each is reported with ``search / status``.

    python -m benchmarks.cli_cold --data-dir /tmp/dd-seed --data-dir /tmp/dd-real --runs 7

A data dir that does not exist is built first (from the bundled corpus, or ``--corpus`` for all of them); the
first cold search after a build also fills the run-time cache (``<data-dir>/cache/runtime``) and is not timed.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from benchmarks.common import markdown_table, write_results

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "工业机器人改造生产线有什么补贴"


def _policykg(*args: str, env: dict | None = None, check: bool = True) -> tuple[float, subprocess.CompletedProcess]:
    """Wall time of one ``policykg`` command (run as ``python -m cli.main``, as the console script does)."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "cli.main", *args], cwd=ROOT, capture_output=True, text=True,
                          env=env)
    took = time.perf_counter() - started
    if check and done.returncode != 0:
        raise SystemExit(f"policykg {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return took, done


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_server(data_dir: Path, env: dict) -> tuple[subprocess.Popen, int]:
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "cli.main", "serve", "--data-dir", str(data_dir), "--port",
                               str(port), "--workers", "1"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 240
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as answer:
                if answer.status == 200:
                    return server, port
        except OSError:
            time.sleep(0.5)
        if server.poll() is not None:
            break
    _stop(server)
    raise SystemExit(f"`policykg serve` on {data_dir} did not answer within 240 s")


def _stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def measure(data_dir: Path, question: str, runs: int, corpus: Path | None, with_server: bool) -> dict:
    """Median wall times (s) of status, a cold search and a search through a running server on ``data_dir``."""
    env = {**os.environ, "POLICYKG_SERVER": "0"}  # the cold search must not ask a server
    if not (data_dir / "current").exists():
        args = ["ingest", "--data-dir", str(data_dir)] + ([str(corpus)] if corpus else [])
        took, _ = _policykg(*args, env=env)
        print(f"built {data_dir} in {took:.1f} s", file=sys.stderr)
    _policykg("search", "--data-dir", str(data_dir), question, env=env)  # fills the run-time cache, untimed
    _, shown = _policykg("status", "--json", "--data-dir", str(data_dir), env=env)
    manifest = json.loads(shown.stdout)
    times: dict[str, list[float]] = {"status": [], "search": [], "served": []}
    server = port = None
    if with_server:
        server, port = _start_server(data_dir, env)
    try:
        for _ in range(runs):
            times["status"].append(_policykg("status", "--data-dir", str(data_dir), env=env)[0])
            cold, answer = _policykg("search", "--data-dir", str(data_dir), question, env=env)
            times["search"].append(cold)
            if server is not None:
                served, via = _policykg("search", "--data-dir", str(data_dir), question,
                                        env={**os.environ, "POLICYKG_SERVER": "1"})
                if _hits(via.stdout) != _hits(answer.stdout):
                    raise SystemExit(f"the server's answer differs from the cold search's:\n{via.stdout}\n---\n"
                                     f"{answer.stdout}")
                times["served"].append(served)
    finally:
        if server is not None:
            _stop(server)
    median = {k: statistics.median(v) for k, v in times.items() if v}
    return {"data_dir": str(data_dir), "documents": len(manifest["documents"]), "units": manifest["index_units"],
            "runs": runs, "times": times, "median": median}


def _hits(table: str) -> str:
    """The printed hits without the last line (its ``in N ms`` differs from run to run)."""
    return "\n".join(table.rstrip("\n").split("\n")[:-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, action="append", required=True,
                        help="a data dir to measure (repeat for several); built first when absent")
    parser.add_argument("--corpus", type=Path, help="documents to build an absent data dir from (default: corpus/)")
    parser.add_argument("--question", default=QUESTION)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-server", action="store_true", help="skip the search through `policykg serve`")
    args = parser.parse_args()
    load_start = os.getloadavg()[0]
    results = [measure(d, args.question, args.runs, args.corpus, not args.no_server) for d in args.data_dir]
    load_end = os.getloadavg()[0]
    rows = []
    for r in results:
        m = r["median"]
        served = m.get("served")
        rows.append([Path(r["data_dir"]).name, r["documents"], r["units"], m["status"], m["search"],
                     f"{m['search'] / m['status']:.2f}×", served if served is not None else "–",
                     f"{served / m['status']:.2f}×" if served is not None else "–"])
    table = markdown_table(["data dir", "documents", "units", "status s", "search (cold) s", "search / status",
                            "search via server s", "via server / status"], rows)
    table += (f"\n\nMedian wall time of {args.runs} runs of each command, alternating, question {args.question!r}; "
              f"each command a new process (`python -m cli.main`); the cold search with `POLICYKG_SERVER=0`, the "
              f"one via the server with a `policykg serve --workers 1` running on the same data dir. Load average "
              f"{load_start:.2f} at the start, {load_end:.2f} at the end (2 cores, shared).")
    write_results("cli_cold", {"question": args.question, "load_average": [load_start, load_end],
                               "results": results}, table)


if __name__ == "__main__":
    main()
