"""Long work is never silent off a terminal: an ingest run from a script (stderr a pipe) prints plain progress
lines with counts (``policykg: embedding 12/31 texts``), a terminal gets the bar, POLICYKG_PROGRESS_BAR=0 neither."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

from workspace import parallel

ROOT = Path(__file__).resolve().parents[2]

PLAN = """某县农村供水保障三年行动方案（2022—2024年）

为让农村群众喝上放心水，制定本方案。

一、工作目标
到2024年底，农村自来水普及率达到95%。
二、主要任务
（一）改造老旧管网。县水利局牵头实施管网改造，县财政局保障资金。各乡镇要明确专人负责。
（二）加强水质检测。县卫生健康委每季度开展一次抽检。检测结果向社会公开。
（三）完善运行管护。建立县级统管机制。落实管护经费。
三、保障措施
（一）加强组织领导。县政府成立工作专班。
（二）强化考核督查。县督查室定期通报进展。
"""

LINE = re.compile(r"^policykg: embedding (\d+)/(\d+) texts$")


def _lines(monkeypatch, every: str, total: int | None, steps: list[int]) -> str:
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.delenv(parallel.BAR_ENV, raising=False)
    monkeypatch.setenv(parallel.EVERY_ENV, every)
    shown = parallel.bar(total, "embedding", "texts")
    for n in steps:
        shown.update(n)
    shown.close()
    return err.getvalue()


def test_off_a_terminal_progress_is_plain_lines_with_counts(monkeypatch):
    assert _lines(monkeypatch, "0", 10, [4, 4, 2]).splitlines() == [
        "policykg: embedding 4/10 texts", "policykg: embedding 8/10 texts", "policykg: embedding 10/10 texts",
        "policykg: embedding 10/10 texts"]  # the last: the final count at close


def test_quick_work_prints_nothing(monkeypatch):
    assert _lines(monkeypatch, "60", 10, [4, 4, 2]) == ""


def test_an_unknown_total_counts_up(monkeypatch):
    assert _lines(monkeypatch, "0", None, [3]).splitlines()[0] == "policykg: embedding 3 texts"


def test_progress_can_be_switched_off(monkeypatch):
    monkeypatch.setenv(parallel.BAR_ENV, "0")
    assert isinstance(parallel.bar(10, "embedding", "texts"), parallel._NoBar)


def test_an_ingest_with_stderr_a_pipe_prints_embedding_progress(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "county-water-2022.txt").write_text(PLAN, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYKG_")}
    env.update(POLICYKG_ENCODER="fake", POLICYKG_EMBED_BATCH="4", POLICYKG_PROGRESS_EVERY="0",
               POLICYKG_INGEST_JOBS="1")
    done = subprocess.run([sys.executable, "-m", "cli.main", "ingest", str(tmp_path / "in"), "--data-dir",
                           str(tmp_path / "data")], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "\r" not in done.stderr  # no bar drawn into the pipe
    counts = [tuple(map(int, m.groups())) for m in map(LINE.match, done.stderr.splitlines()) if m]
    assert counts, done.stderr
    phases: list[list[tuple[int, int]]] = []  # units, then sentences: each counts up to its own total
    for n, total in counts:
        if not phases or n < phases[-1][-1][0] or total != phases[-1][-1][1]:
            phases.append([])
        phases[-1].append((n, total))
    for phase in phases:
        seen = [n for n, _ in phase]
        assert seen[-1] == phase[-1][1]  # it ends at its total
        assert all(0 <= b - a <= 4 for a, b in zip([0, *seen], seen))  # a batch (4 texts) at a time
