"""``policykg search`` asks a ``policykg serve`` running on the same data dir (workspace/servers.py) and prints
exactly what it would have found itself; a note it cannot verify (dead process, other settings, another
generation, nobody listening) leaves it searching locally."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.cli.test_progress_lines import PLAN
from tests.support import free_port
from workspace.servers import SERVERS_DIR, read_notes

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ["县水利局负责什么", "water quality testing"]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYKG_")}
    return {**env, "POLICYKG_ENCODER": "fake", "POLICYKG_INGEST_JOBS": "1", "POLICYKG_PROGRESS_BAR": "0", **extra}


def _cli(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cli.main", *args], cwd=ROOT, env=_env(**env), capture_output=True,
                          text=True, timeout=300)


def _without_time(answer: str) -> dict:
    data = json.loads(answer)
    data.pop("took_ms")
    return data


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A data dir of one document (fake encoder) and a `policykg serve` on it, with its stderr (the access log)."""
    tmp = tmp_path_factory.mktemp("served")
    (tmp / "in").mkdir()
    (tmp / "in" / "county-water-2022.txt").write_text(PLAN, encoding="utf-8")
    data = tmp / "data"
    built = _cli("ingest", str(tmp / "in"), "--data-dir", str(data))
    assert built.returncode == 0, built.stderr
    port = free_port()
    log = open(tmp / "server.log", "w")
    server = subprocess.Popen([sys.executable, "-m", "cli.main", "serve", "--data-dir", str(data), "--port", str(port),
                               "--workers", "1"], cwd=ROOT, env=_env(), stdout=log, stderr=log, start_new_session=True)
    try:
        deadline = time.time() + 180
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5):
                    break
            except OSError:
                assert server.poll() is None and time.time() < deadline, (tmp / "server.log").read_text()
                time.sleep(0.5)
        yield data, tmp / "server.log"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
        log.close()


def test_the_server_notes_what_a_search_needs_to_trust_it(served):
    data, _ = served
    (note,) = [n for n in read_notes(data)]
    assert note.settings and note.started and note.port > 0


@pytest.mark.parametrize("question", QUESTIONS)
def test_a_search_via_the_server_answers_as_a_local_one(served, question):
    data, log = served
    asked_before = Path(log).read_text().count("GET /search")
    local = _cli("search", question, "--json", "--data-dir", str(data), POLICYKG_SERVER="0")
    remote = _cli("search", question, "--json", "--data-dir", str(data))
    assert local.returncode == remote.returncode == 0, (local.stderr, remote.stderr)
    assert _without_time(remote.stdout) == _without_time(local.stdout)
    assert Path(log).read_text().count("GET /search") == asked_before + 1  # the server answered, not this process
    table_local = _cli("search", question, "--data-dir", str(data), POLICYKG_SERVER="0").stdout.splitlines()
    table_remote = _cli("search", question, "--data-dir", str(data)).stdout.splitlines()
    assert table_remote[:-1] == table_local[:-1]  # the last line: "N hits in X ms"


def test_a_server_with_other_settings_is_not_asked(served):
    data, log = served
    asked_before = Path(log).read_text().count("GET /search")
    done = _cli("search", QUESTIONS[0], "--json", "--data-dir", str(data), POLICYKG_FUSION="rrf")
    assert done.returncode == 0, done.stderr
    assert Path(log).read_text().count("GET /search") == asked_before


def test_unverifiable_notes_leave_the_search_local(tmp_path, served):
    data, _ = served
    notes = data / SERVERS_DIR
    kept = {p.name: p.read_text() for p in notes.iterdir()}
    try:
        (notes / "999999").write_text(json.dumps({"host": "127.0.0.1", "port": free_port(), "pid": 999999,
                                                   "settings": "x"}))  # a dead process
        (notes / str(os.getpid())).write_text(f"127.0.0.1:{free_port()}\n")  # an old note, a live pid, nobody listening
        for name in kept:  # the real server's note pointing at a port nobody listens on
            note = json.loads(kept[name])
            (notes / name).write_text(json.dumps({**note, "port": free_port()}))
        started = time.perf_counter()
        done = _cli("search", QUESTIONS[0], "--json", "--data-dir", str(data))
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["hits"]
        assert time.perf_counter() - started < 120
    finally:
        for p in notes.iterdir():
            if p.name not in kept:
                p.unlink()
        for name, text in kept.items():
            (notes / name).write_text(text)
