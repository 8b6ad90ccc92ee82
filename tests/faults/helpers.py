"""Helpers of the fault suite: the fake-encoder settings, ``policykg`` run in a subprocess (so that it can be
paused at a build phase and killed) with bounded waits, and what a data dir holds."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fastapi.testclient import TestClient

from workspace.settings import Settings
from tests.support import ROOT

FAKE = "fake"  # the small deterministic encoder: these tests are not about the encoder
WAIT_S = 90  # upper bound of any single wait in this suite

# Tiny plans in the genre's shape (numbered chapters and items, a department, a target), one per topic.
TOPICS = {
    "alpha": ("数字农业", "市农业农村局", "接入合作社不少于200家"),
    "bravo": ("老旧小区改造", "市住房城乡建设管理委", "完成改造不少于300个"),
    "charlie": ("公共图书馆服务", "市文化旅游局", "新增分馆不少于20个"),
    "delta": ("中小企业融资", "市财政局", "新增担保贷款不少于50亿元"),
    "echo": ("河道水质提升", "市水务局", "消除劣V类水体不少于15条"),
}


def plan_text(topic: str, department: str, target: str) -> str:
    return (
        f"关于推进{topic}的工作方案\n\n"
        f"为做好{topic}工作，结合本市实际，制定本方案。\n\n"
        "一、工作目标\n"
        f"到2025年，{target}。\n"
        "二、重点任务\n"
        f"（一）完善工作体系。由{department}牵头，建立{topic}工作台账。\n"
        f"（二）加大支持力度。{department}会同市财政局安排专项资金予以支持。\n"
        "三、保障措施\n"
        f"（一）加强组织领导。{department}负责统筹协调，定期通报进展。\n"
    )


def fault_settings(data_dir: Path, corpus: Path | None = None, **changes) -> Settings:
    return Settings(data_dir=data_dir, encoder=FAKE, corpus_dir=corpus or ROOT / "corpus", **changes)


def cli_env(**extra: str) -> dict[str, str]:
    """The environment of a ``policykg`` subprocess: the fake encoder, no fault pause unless asked."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYKG_")}
    env.update({"POLICYKG_ENCODER": FAKE, "PYTHONPATH": str(ROOT), "OMP_NUM_THREADS": "1"})
    env.update(extra)
    return env


def cli_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "cli.main", *args]


def run_cli(*args: str, timeout: float = WAIT_S, **env: str) -> subprocess.CompletedProcess:
    """Run ``policykg ARGS`` to its end (bounded); returns the completed process with text output."""
    return subprocess.run(cli_command(*args), env=cli_env(**env), capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT)


class _Lines:
    """Reads a pipe on a thread, line by line, so a test can wait for a line without blocking on the pipe
    (a ``select`` on a text pipe misses lines already read into its buffer)."""

    def __init__(self, pipe) -> None:
        self.lines: list[str] = []
        self._thread = threading.Thread(target=self._read, args=(pipe,), daemon=True)
        self._thread.start()

    def _read(self, pipe) -> None:
        for line in pipe:
            self.lines.append(line)

    def text(self, timeout: float = WAIT_S) -> str:
        self._thread.join(timeout)
        return "".join(self.lines)


def start_cli(*args: str, open_files: int | None = None, **env: str) -> subprocess.Popen:
    """Start ``policykg ARGS`` in its own session (so the test can signal exactly it); its output is read
    on threads (``wait_for_stderr``, ``finish``). ``open_files`` sets its open-file limit (``ulimit -n``)."""
    def limit() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_NOFILE, (open_files, open_files))

    proc = subprocess.Popen(cli_command(*args), env=cli_env(**env), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT, start_new_session=True,
                            preexec_fn=limit if open_files else None)
    proc.out_lines = _Lines(proc.stdout)  # type: ignore[attr-defined]
    proc.err_lines = _Lines(proc.stderr)  # type: ignore[attr-defined]
    return proc


def wait_for_stderr(proc: subprocess.Popen, needle: str, timeout: float = WAIT_S) -> str:
    """Wait until a line of ``proc``'s stderr holds ``needle``; fails (after killing it) on exit or timeout."""
    lines: list[str] = proc.err_lines.lines  # type: ignore[attr-defined]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for line in list(lines):
            if needle in line:
                return line
        if proc.poll() is not None:
            time.sleep(0.2)  # let the reader take the last lines
            if not any(needle in line for line in lines):
                break
        time.sleep(0.05)
    stop(proc)
    raise AssertionError(f"{needle!r} never came (exit {proc.returncode}); stderr:\n{''.join(lines)}")


def stop(proc: subprocess.Popen, sig: int = signal.SIGKILL) -> None:
    """Send ``sig`` to the process started by ``start_cli`` (and only it) and reap it."""
    if proc.poll() is None:
        os.kill(proc.pid, sig)
    try:
        proc.wait(timeout=WAIT_S)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=WAIT_S)


def finish(proc: subprocess.Popen) -> tuple[int, str, str]:
    """Wait (bounded) for ``proc`` to end; returns its exit code, stdout and stderr."""
    try:
        proc.wait(timeout=WAIT_S)
    except subprocess.TimeoutExpired:
        stop(proc)
        raise
    return proc.returncode, proc.out_lines.text(), proc.err_lines.text()  # type: ignore[attr-defined]


def documents_in(data_dir: Path) -> set[str]:
    """The slugs the data dir's current generation holds."""
    manifest = json.loads((data_dir / "current" / "manifest.json").read_text(encoding="utf-8"))
    return {d["slug"] for d in manifest["documents"]}


def generation_of(data_dir: Path) -> str:
    return (data_dir / "current").resolve().name


def leftovers(data_dir: Path) -> list[str]:
    """What killed ingests may leave: ``.partial`` folders and ``.current-*`` links."""
    found = [p.name for p in data_dir.glob(".current-*")]
    found += [p.name for p in (data_dir / "generations").glob(".*.partial")]
    return sorted(found)


@contextmanager
def api_client(data_dir: Path, **options) -> Iterator[TestClient]:
    """A TestClient of a fresh app whose settings read ``data_dir`` (``options`` go to TestClient); the override is
    cleared afterwards, so one test's data dir never leaks into another's app."""
    from api.app import create_app
    from workspace.settings import get_settings

    api = create_app()
    api.dependency_overrides[get_settings] = lambda: fault_settings(data_dir)
    try:
        with TestClient(api, **options) as client:
            yield client
    finally:
        api.dependency_overrides.clear()


def build_corpus(tmp_path_factory, name: str, files: dict[str, str]) -> Path:  # type: ignore[no-untyped-def]
    """A data dir built with the fault settings (embedded defaults) from a corpus of ``files`` (file name → text)
    written for a test module; its path."""
    from workspace.build import build

    corpus = tmp_path_factory.mktemp(name)
    for filename, text in files.items():
        (corpus / filename).write_text(text, encoding="utf-8")
    data = tmp_path_factory.mktemp(f"{name}-data") / "data"
    build(fault_settings(data), [corpus])
    return data
