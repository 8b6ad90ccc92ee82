"""``policykg serve`` with two workers: both serve one generation; a reload moves both together, or neither.

Also what the HTTP parser itself answers (a 1 MB header) and ``HEAD /healthz``, on a real server.
"""

from __future__ import annotations

import json
import shutil
import signal
import time

import httpx
import pytest

from workspace.build import build
from tests.faults.helpers import WAIT_S, fault_settings, finish, generation_of, run_cli, start_cli, stop
from tests.support import free_port


@pytest.fixture(scope="module")
def served_dir(fault_base, tmp_path_factory):
    """One data dir for the module's server (worker start-up is the slow part: one server serves every test)."""
    target = tmp_path_factory.mktemp("served") / "data"
    shutil.copytree(fault_base, target, symlinks=True)
    return target


@pytest.fixture(scope="module")
def server(served_dir):
    """A two-worker ``policykg serve`` on ``served_dir``; yields (process, base URL)."""
    port = free_port()
    proc = start_cli("serve", "--workers", "2", "--port", str(port), "--data-dir", str(served_dir))
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(base, proc)
        yield proc, base
    finally:
        stop(proc, signal.SIGTERM)


def _wait_healthy(base: str, proc, timeout: float = WAIT_S) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.err_lines.text()
        try:
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError("the server did not come up")


def _generations(base: str, n: int) -> list[str]:
    """The generation named by ``n`` fresh connections' /healthz (fresh: spread over the workers)."""
    seen = []
    for _ in range(n):
        with httpx.Client(timeout=10) as client:
            seen.append(client.get(f"{base}/healthz").json()["generation"])
    return seen


def test_workers_move_to_a_new_generation_together(server, served_dir, fault_docs):
    proc, base = server
    first = generation_of(served_dir)
    assert set(_generations(base, 20)) == {first}

    build(fault_settings(served_dir), [fault_docs["bravo"]])
    second = generation_of(served_dir)
    assert set(_generations(base, 20)) == {first}, "a worker picked up the new generation by itself"

    told = run_cli("serve", "--reload-data", "--data-dir", str(served_dir))
    assert told.returncode == 0, told.stderr
    assert str(proc.pid) in told.stderr and second in told.stderr

    seen: list[str] = []
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline and seen[-5:] != [second] * 5:
        try:
            seen.extend(_generations(base, 1))
        except httpx.HTTPError:
            time.sleep(0.1)
    assert seen[-5:] == [second] * 5, seen
    switched = seen.index(second)
    assert first not in seen[switched:], f"both generations served at once: {seen}"
    assert set(_generations(base, 30)) == {second}


def test_a_broken_new_generation_is_picked_up_by_none(server, served_dir):
    proc, base = server
    served = _generations(base, 1)[0]
    link = served_dir / "current"
    kept = link.readlink()
    link.unlink()
    link.symlink_to("generations/gone")
    try:
        told = run_cli("serve", "--reload-data", "--data-dir", str(served_dir))
        assert told.returncode == 1 and "generations/gone" in told.stderr  # refused before any server is told
        proc.send_signal(signal.SIGHUP)  # told anyway: the master checks before it stops a worker
        time.sleep(3)
        assert set(_generations(base, 20)) == {served}
    finally:
        link.unlink()
        link.symlink_to(kept)


def test_head_healthz_and_an_oversized_header_get_proper_answers(server):
    _, base = server
    assert httpx.head(f"{base}/healthz", timeout=10).status_code == 200
    answer = httpx.get(f"{base}/healthz", headers={"X-Big": "a" * 1_000_000}, timeout=30)
    assert answer.status_code == 431
    assert answer.headers["content-type"].startswith("application/json")
    error = json.loads(answer.content)["error"]
    assert set(error) >= {"code", "message", "where"}


def test_reload_without_a_server_says_so(fault_data_dir):
    told = run_cli("serve", "--reload-data", "--data-dir", str(fault_data_dir))
    assert told.returncode == 1
    assert told.stderr.strip().splitlines()[-1].startswith("policykg: error: no running `policykg serve`")


def test_serve_refuses_a_broken_data_dir_in_one_line(fault_data_dir):
    (fault_data_dir / "current" / "manifest.json").write_text("{}", encoding="utf-8")
    proc = start_cli("serve", "--port", str(free_port()), "--data-dir", str(fault_data_dir))
    code, _, err = finish(proc)
    assert code == 1 and "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("policykg: error:") and "manifest.json" in err
