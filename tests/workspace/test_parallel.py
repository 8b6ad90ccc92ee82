"""workspace.parallel: results in input order whatever the worker, small batches in process, and no worker
outlives a build killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from tests.support import ROOT
from workspace.parallel import chunks, default_jobs, ordered_map


def _slow_square(n: int) -> tuple[int, int]:
    time.sleep(0.02 * (n % 3))  # later items often finish first
    return n * n, os.getpid()


@pytest.mark.parametrize(("jobs", "count", "in_process"), [
    (1, 12, True),   # one job: this process
    (2, 3, True),    # too few items to be worth workers
    (2, 12, False),  # workers
])
def test_results_come_in_input_order(jobs, count, in_process):
    results = list(ordered_map(_slow_square, list(range(count)), jobs))
    assert [r for r, _ in results] == [n * n for n in range(count)]
    assert ({pid for _, pid in results} == {os.getpid()}) is in_process


@pytest.mark.parametrize(("items", "size", "expected"), [
    ([1, 2, 3, 4, 5], 2, [[1, 2], [3, 4], [5]]),
    ([1, 2], 5, [[1, 2]]),
    ([], 3, []),
])
def test_chunks(items, size, expected):
    assert list(chunks(items, size)) == expected


@pytest.mark.parametrize(("asked", "expected"), [(3, 3), (1, 1)])
def test_jobs_asked_are_kept(asked, expected):
    assert default_jobs(asked) == expected


def test_default_jobs_is_at_least_one():
    assert default_jobs(0) >= 1 and default_jobs(None) >= 1


SCRIPT = """
import sys, time
sys.path.insert(0, {root!r})
from workspace.parallel import ordered_map

def nap(n):
    time.sleep(30)
    return n

if __name__ == "__main__":
    print("started", flush=True)
    for _ in ordered_map(nap, list(range(8)), 2):
        pass
"""


def test_no_worker_outlives_a_killed_build(tmp_path: Path):
    script = tmp_path / "build_like.py"
    script.write_text(SCRIPT.format(root=str(ROOT)), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "started"
        parent = psutil.Process(proc.pid)
        deadline = time.monotonic() + 30
        while len(parent.children(recursive=True)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        workers = parent.children(recursive=True)
        assert workers, "no worker started"
        time.sleep(0.5)  # let them arm their death signal
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        gone, alive = psutil.wait_procs(workers, timeout=10)
        assert alive == []
    finally:
        if proc.poll() is None:
            proc.kill()


# ------------------------------------------------------------------ isolated_map: one process per item, limits


def _behave(item: str):
    """What a hostile file makes a reader do."""
    import os as _os

    if item == "slow":
        time.sleep(30)
    elif item == "greedy":
        hoard = []
        while True:
            hoard.append(bytearray(16 << 20))
    elif item == "crash":
        _os.kill(_os.getpid(), signal.SIGSEGV)
    elif item == "raise":
        raise RuntimeError("a reader's own error")
    return item.upper()


@pytest.mark.parametrize("jobs", [1, 2])
def test_isolated_map_bounds_each_item_and_keeps_the_order(jobs):
    from workspace.parallel import Breach, isolated_map

    items = ["a", "slow", "b", "greedy", "c", "crash", "raise", "d"]
    started = time.monotonic()
    results = list(isolated_map(_behave, items, jobs, time_s=6, memory_mb=128))  # 6 s: a loaded machine
    assert time.monotonic() - started < 29  # the slow item is stopped, not waited for
    assert [r for r in results if not isinstance(r, Breach)] == ["A", "B", "C", "D"]
    by_item = dict(zip(items, results))
    assert by_item["slow"] == Breach("time", "6 s")
    assert by_item["greedy"].kind == "memory"
    assert by_item["crash"] == Breach("crash", "SIGSEGV")
    assert by_item["raise"] == Breach("error", "RuntimeError: a reader's own error")


def test_isolated_map_in_batches_blames_only_the_item_that_broke_a_limit():
    from workspace.parallel import Breach, isolated_map

    items = ["a", "greedy", "b", "c", "crash", "d", "slow", "e"]
    results = list(isolated_map(_behave, items, 1, time_s=6, memory_mb=128, batch=4))
    by_item = dict(zip(items, results))
    assert [by_item[i] for i in "abcde"] == list("ABCDE")
    assert by_item["greedy"].kind == "memory"
    assert by_item["crash"] == Breach("crash", "SIGSEGV")
    assert by_item["slow"] == Breach("time", "6 s")
