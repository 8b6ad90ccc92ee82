"""Hostile files in a batch (issue 22): each is skipped with one line naming the limit it broke and its setting,
in bounded time and memory, and the rest of the batch is ingested. Every file is made by the test itself
(``tests/faults/hostile.py``); the ingests run as ``policykg ingest`` subprocesses, as they were found."""

from __future__ import annotations

import os
import shutil
import time

import pytest

from tests.faults.hostile import big_text, docx_bomb, docx_paragraphs, looping_pdf, many_pages_pdf, repeating_pdf
from tests.faults.helpers import TOPICS, documents_in, plan_text, run_cli


def _batch(folder, files: dict[str, bytes]):
    """``folder`` with one good plan (bravo.txt) and ``files``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bravo.txt").write_text(plan_text(*TOPICS["bravo"]), encoding="utf-8")
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def _skipped(stdout: str) -> dict[str, str]:
    """``{file name: reason}`` of the ``skipped`` lines."""
    lines = [line for line in stdout.splitlines() if line.startswith("skipped ")]
    return {os.path.basename(line.split(": ", 1)[0].split(None, 1)[1]): line.split(": ", 1)[1] for line in lines}


def _ingested(result, data_dir, *names):
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "bravo" in documents_in(data_dir)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_hostile_pdfs_and_a_zip_bomb_are_skipped_and_the_batch_goes_on(tmp_path, jobs):
    folder = _batch(tmp_path / "in", {
        "loop.pdf": looping_pdf(),  # its page tree holds itself
        "repeat.pdf": repeating_pdf(),  # 216,000 pages claimed in 2 kB
        "many.pdf": many_pages_pdf(30_000),
        "bomb.docx": docx_bomb(1200),  # 1.2 GB of XML in a 1.2 MB zip
    })
    data_dir = tmp_path / "data"
    started = time.monotonic()
    result = run_cli("ingest", str(folder), "--jobs", jobs, "--data-dir", str(data_dir))
    elapsed = time.monotonic() - started
    _ingested(result, data_dir)
    skipped = _skipped(result.stdout)
    assert set(skipped) == {"loop.pdf", "repeat.pdf", "many.pdf", "bomb.docx"}, result.stdout
    assert "216,000 pages" in skipped["repeat.pdf"] and "POLICYKG_INGEST_MAX_PAGES" in skipped["repeat.pdf"]
    assert "30,000 pages" in skipped["many.pdf"] and "POLICYKG_INGEST_MAX_PAGES" in skipped["many.pdf"]
    assert "1,200 MB" in skipped["bomb.docx"] and "POLICYKG_INGEST_MAX_UNZIPPED_MB" in skipped["bomb.docx"]
    assert "damaged" in skipped["loop.pdf"]
    assert elapsed < 60, f"the batch took {elapsed:.0f} s"


def test_a_file_over_its_time_budget_is_skipped_naming_the_setting(tmp_path):
    folder = _batch(tmp_path / "in", {"slow.docx": docx_paragraphs(1_500_000, plan_text(*TOPICS["charlie"]))})
    data_dir = tmp_path / "data"
    started = time.monotonic()
    result = run_cli("ingest", str(folder), "--data-dir", str(data_dir), POLICYKG_INGEST_FILE_TIMEOUT_S="1")
    _ingested(result, data_dir)
    assert time.monotonic() - started < 60
    reason = _skipped(result.stdout)["slow.docx"]
    assert "longer than 1 s (POLICYKG_INGEST_FILE_TIMEOUT_S)" in reason


def test_a_file_over_its_memory_budget_is_skipped_naming_the_setting(tmp_path):
    folder = _batch(tmp_path / "in", {"large.docx": docx_paragraphs(1_500_000, plan_text(*TOPICS["charlie"]))})
    data_dir = tmp_path / "data"
    result = run_cli("ingest", str(folder), "--data-dir", str(data_dir), POLICYKG_INGEST_FILE_MEMORY_MB="64")
    _ingested(result, data_dir)
    reason = _skipped(result.stdout)["large.docx"]
    assert "more than 64 MB (POLICYKG_INGEST_FILE_MEMORY_MB)" in reason


def test_a_text_over_the_size_cap_is_refused_before_it_is_read(tmp_path):
    folder = _batch(tmp_path / "in", {})
    big_text(folder / "huge.txt", 3)
    data_dir = tmp_path / "data"
    result = run_cli("ingest", str(folder), "--data-dir", str(data_dir), POLICYKG_INGEST_MAX_TEXT_MB="1")
    _ingested(result, data_dir)
    reason = _skipped(result.stdout)["huge.txt"]
    assert "a text file of 3 MB" in reason and "POLICYKG_INGEST_MAX_TEXT_MB" in reason
    assert len((result.stdout + result.stderr).splitlines()) < 40  # no warning per line of the huge file


def test_symlinked_folders_are_not_followed_and_loops_end(tmp_path):
    folder = _batch(tmp_path / "in", {})
    (folder / "loop").mkdir()
    os.symlink("..", folder / "loop" / "a")
    os.symlink("../..", folder / "loop" / "b")  # two loops: never finished before
    outside = tmp_path / "outside.txt"
    outside.write_text(plan_text(*TOPICS["delta"]), encoding="utf-8")
    os.symlink(outside, folder / "leak.txt")
    data_dir = tmp_path / "data"
    result = run_cli("ingest", str(folder), "--data-dir", str(data_dir), timeout=120)
    _ingested(result, data_dir)
    assert documents_in(data_dir) == {"bravo"}  # once, and not the file outside
    assert result.stdout.count("ingested ") == 1
    skipped = _skipped(result.stdout)
    assert "a symlinked folder" in skipped["a"] and "not followed" in skipped["a"]
    assert "a symlinked folder" in skipped["b"]
    assert f"a symlink to a file outside {folder.resolve()}" in skipped["leak.txt"]


def test_a_file_name_with_a_newline_gets_a_safe_slug_and_one_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "plan\nnew.txt").write_text(plan_text(*TOPICS["echo"]), encoding="utf-8")
    data_dir = tmp_path / "data"
    result = run_cli("ingest", str(folder), "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    assert documents_in(data_dir) == {"plan-new"}
    line = next(line for line in result.stdout.splitlines() if line.startswith("ingested"))
    assert line.endswith("plan\\nnew.txt → plan-new")
