"""Ingests killed at each phase, and ingests run at once: the data in force is never lost or half-swapped.

A build stops at a named phase with ``POLICYKG_FAULT_PAUSE`` (workspace.build.FAULT_PHASES) and waits for
SIGUSR1, so each kill lands exactly where it is meant to, not by luck of timing.
"""

from __future__ import annotations

import signal

import pytest

from cli.main import EXIT_BUSY
from workspace.datadir import pin
from workspace.build import FAULT_ENV, FAULT_PHASES, build
from workspace.reader import open_workspace
from tests.faults.helpers import (
    documents_in,
    fault_settings,
    finish,
    generation_of,
    leftovers,
    run_cli,
    start_cli,
    stop,
    wait_for_stderr,
)

# Phases after which the new generation is the current one.
SWAPPED = {"swapped", "pruned"}


def _paused_ingest(data_dir, doc, phase, *extra):
    proc = start_cli("ingest", str(doc), "--data-dir", str(data_dir), *extra, **{FAULT_ENV: phase})
    wait_for_stderr(proc, f"fault pause at {phase}")
    return proc


@pytest.mark.parametrize("phase", FAULT_PHASES)
def test_an_ingest_killed_at_each_phase_leaves_usable_data(fault_data_dir, fault_docs, phase):
    before = generation_of(fault_data_dir)
    proc = _paused_ingest(fault_data_dir, fault_docs["bravo"], phase)
    stop(proc, signal.SIGKILL)

    ws = open_workspace(fault_settings(fault_data_dir))  # opens, whatever the phase
    expected = {"alpha", "bravo"} if phase in SWAPPED else {"alpha"}
    assert {d["slug"] for d in ws.manifest["documents"]} == expected
    assert (generation_of(fault_data_dir) == before) is (phase not in SWAPPED)
    assert len(ws.index) > 0 and len(ws.graph) > 0
    ws.pinned.release()

    # The next ingest is not blocked by the dead one's lock, removes what it left and keeps every document.
    build(fault_settings(fault_data_dir), [fault_docs["charlie"]])
    assert documents_in(fault_data_dir) == expected | {"charlie"}
    assert leftovers(fault_data_dir) == []


def test_a_second_ingest_is_told_to_wait(fault_data_dir, fault_docs):
    first = _paused_ingest(fault_data_dir, fault_docs["bravo"], "locked")
    try:
        second = run_cli("ingest", str(fault_docs["charlie"]), "--data-dir", str(fault_data_dir))
    finally:
        first.send_signal(signal.SIGUSR1)
    code, _, err = finish(first)
    assert code == 0, err
    assert second.returncode == EXIT_BUSY
    assert "Traceback" not in second.stderr
    line = second.stderr.strip().splitlines()[-1]  # after the progress line of its own parse
    assert f"another ingest is running in {fault_data_dir} (pid {first.pid})" in line and "--wait" in line
    assert documents_in(fault_data_dir) == {"alpha", "bravo"}  # the refused one changed nothing


@pytest.mark.parametrize("waiting", [1, 2], ids=["two ingests", "three ingests"])
def test_ingests_queued_with_wait_all_land(fault_data_dir, fault_docs, waiting):
    first = _paused_ingest(fault_data_dir, fault_docs["bravo"], "renamed")  # holds the lock mid-swap
    others = [start_cli("ingest", str(fault_docs[slug]), "--wait", "--data-dir", str(fault_data_dir))
              for slug in ("charlie", "delta")[:waiting]]
    for proc in others:
        wait_for_stderr(proc, "waiting for the ingest running")
    first.send_signal(signal.SIGUSR1)
    for proc in [first, *others]:
        code, _, err = finish(proc)
        assert code == 0, err
    assert documents_in(fault_data_dir) == {"alpha", "bravo", "charlie", "delta"} - ({"delta"} if waiting == 1 else set())
    assert leftovers(fault_data_dir) == []


def test_three_ingests_at_once_lose_nothing_silently(fault_data_dir, fault_docs):
    """Started together without --wait: each either lands every document or is told it did not (exit 75)."""
    slugs = ("bravo", "charlie", "delta")
    procs = {slug: start_cli("ingest", str(fault_docs[slug]), "--data-dir", str(fault_data_dir)) for slug in slugs}
    landed = set()
    for slug, proc in procs.items():
        code, _, err = finish(proc)
        assert code in (0, EXIT_BUSY), err
        if code == 0:
            landed.add(slug)
        else:
            assert "another ingest is running" in err
    assert landed, "one of them must win the lock"
    assert landed | {"alpha"} <= documents_in(fault_data_dir)


def test_prune_never_removes_a_pinned_generation(fault_data_dir, fault_docs):
    settings = fault_settings(fault_data_dir, keep_generations=1)
    served = (fault_data_dir / "current").resolve()
    held = pin(served)  # as a server holds the generation it serves
    try:
        build(settings, [fault_docs["bravo"]])
        build(settings, [fault_docs["charlie"]])
        assert (served / "manifest.json").is_file(), "a pinned generation was pruned"
    finally:
        held.release()
    build(settings, [fault_docs["delta"]])
    assert not served.exists(), "an unpinned old generation is pruned"
    assert documents_in(fault_data_dir) == {"alpha", "bravo", "charlie", "delta"}
