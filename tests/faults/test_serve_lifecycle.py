"""``policykg serve`` cannot orphan or signal the wrong process, and holds up against slow clients (issue 22).

* a master killed with SIGKILL takes its workers with it: the port is free for a new server at once;
* ``--reload-data`` signals only a verified live master: a stale note naming another process's pid (an ingest)
  never gets it a SIGHUP;
* 1,000 slow clients sending a header line now and then, under ``ulimit -n 1024``, neither starve other clients
  nor fill the log with tracebacks (loopback only, bounded).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from api.serving import SERVERS_DIR, request_reload
from tests.faults.helpers import WAIT_S, finish, run_cli, start_cli, stop
from tests.support import free_port


def _wait_healthy(base: str, proc, timeout: float = WAIT_S) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.err_lines.text(1)
        try:
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError("the server did not come up")


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture
def served_copy(fault_base, tmp_path):
    target = tmp_path / "data"
    shutil.copytree(fault_base, target, symlinks=True)
    return target


def test_workers_die_with_a_master_killed_by_sigkill(served_copy):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    master = start_cli("serve", "--workers", "2", "--port", str(port), "--data-dir", str(served_copy))
    try:
        _wait_healthy(base, master)
        workers = _children(master.pid)
        assert len(workers) >= 2, workers
        os.kill(master.pid, signal.SIGKILL)
        master.wait(WAIT_S)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and any(_alive(w) for w in workers):
            time.sleep(0.2)
        assert not any(_alive(w) for w in workers), "a worker outlived its master"
    finally:
        stop(master)
        for w in _children(master.pid):
            os.kill(w, signal.SIGKILL)
    # The port is free and the dead master's note is not trusted: a new server starts and is the one reloaded.
    second = start_cli("serve", "--workers", "1", "--port", str(port), "--data-dir", str(served_copy))
    try:
        _wait_healthy(base, second)
        assert request_reload(served_copy) == [second.pid]
        assert sorted(p.name for p in (served_copy / SERVERS_DIR).iterdir()) == [str(second.pid)]
    finally:
        stop(second, signal.SIGTERM)


def test_reload_never_signals_a_process_a_stale_note_names(served_copy):
    """A note left by a dead master whose pid now names a running ingest (here a stand-in whose command line
    holds "policykg"): not signalled, and the note is removed."""
    decoy = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", "policykg", "ingest"],
                             start_new_session=True)
    try:
        folder = served_copy / SERVERS_DIR
        folder.mkdir(exist_ok=True)
        stat = Path(f"/proc/{decoy.pid}/stat").read_text().rsplit(")", 1)[1].split()
        notes = {
            "old format": "127.0.0.1:8000\n",
            "same start time, not locked": json.dumps({"host": "127.0.0.1", "port": 8000, "pid": decoy.pid,
                                                       "started": stat[19]}),
        }
        for text in notes.values():
            (folder / str(decoy.pid)).write_text(text, encoding="utf-8")
            told = run_cli("serve", "--reload-data", "--data-dir", str(served_copy))
            assert told.returncode == 1 and "no running `policykg serve`" in told.stderr
            time.sleep(0.3)
            assert decoy.poll() is None, "the stale note's process was signalled"
            assert not (folder / str(decoy.pid)).exists()
    finally:
        decoy.kill()
        decoy.wait()


def _slow_clients(port: int, count: int) -> list[socket.socket]:
    clients = []
    for _ in range(count):
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # the head never ends
        clients.append(s)
    return clients


def test_other_clients_are_answered_while_1000_slow_ones_hang(served_copy):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_cli("serve", "--workers", "1", "--port", str(port), "--data-dir", str(served_copy),
                       open_files=1024, POLICYKG_HTTP_HEADER_TIMEOUT_S="30")
    clients: list[socket.socket] = []
    try:
        _wait_healthy(base, server)
        clients = _slow_clients(port, 1000)
        latencies = []
        for round in range(10):  # bounded: 10 rounds of a header line from every slow client, then a request
            for s in clients:
                try:
                    s.sendall(b"X-Slow: 1\r\n")
                except OSError:
                    pass  # dropped by the server to make room: what it should do
            started = time.monotonic()
            answer = httpx.get(f"{base}/healthz", timeout=10)
            latencies.append(time.monotonic() - started)
            assert answer.status_code == 200
        assert max(latencies) < 5, latencies
    finally:
        for s in clients:
            s.close()
        stop(server, signal.SIGTERM)
    _, _, err = finish(server)
    assert "Traceback" not in err
    assert len(err.splitlines()) < 100, err[-2000:]


def test_a_head_sent_too_slowly_is_closed_with_408(served_copy):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_cli("serve", "--workers", "1", "--port", str(port), "--data-dir", str(served_copy),
                       POLICYKG_HTTP_HEADER_TIMEOUT_S="2")
    try:
        _wait_healthy(base, server)
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            started = time.monotonic()
            answer = b""
            while chunk := s.recv(4096):
                answer += chunk
            assert time.monotonic() - started < 6
        assert answer.startswith(b"HTTP/1.1 408") and b"POLICYKG_HTTP_HEADER_TIMEOUT_S" in answer
        # a normal request on a keep-alive connection is not cut by the head timer
        with httpx.Client(timeout=10) as client:
            for _ in range(3):
                assert client.get(f"{base}/healthz").status_code == 200
                time.sleep(1)
    finally:
        stop(server, signal.SIGTERM)
