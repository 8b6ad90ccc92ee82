"""An ingest's per-document work spread over processes, results in input order, with an optional progress bar.

``ordered_map(fn, items, jobs)`` runs ``fn`` on each item in ``jobs`` worker processes (forked while this process
runs a single thread, else started by a ``forkserver``: never a fork of a process whose other threads may hold
locks) and yields the results in the order of
``items``, so a build's output never depends on which worker was faster. Small batches (fewer than
``MIN_PARALLEL`` items) or ``jobs`` 1 run in this process: starting workers costs more than they save.
Each worker is set up by ``init`` (the authority files the build uses). ``fn`` must be a module-level function
and must not raise: it returns its error as a value (exceptions with several arguments do not cross processes).

``bar(total, what)`` is a tqdm progress bar on stderr when stderr is a terminal or ``POLICYKG_PROGRESS_BAR=1``
asks for it; off a terminal (a script, a pipe, a log file) it prints a plain line every few seconds instead
(``policykg: embedding 512/1380 texts``; ``POLICYKG_PROGRESS_EVERY`` seconds, default 5), so long work is never
silent; ``POLICYKG_PROGRESS_BAR=0`` shows neither. All have the same ``update``/``reset``/``close``.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

__all__ = ["ordered_map", "default_jobs", "bar", "chunks", "MIN_PARALLEL", "BAR_ENV", "EVERY_ENV"]

T = TypeVar("T")
R = TypeVar("R")

MIN_PARALLEL = 4  # fewer items than this run in this process
BAR_ENV = "POLICYKG_PROGRESS_BAR"


def default_jobs(jobs: int | None = None) -> int:
    """``jobs`` when given and positive, else one process per CPU this process may use."""
    if jobs:
        return max(1, int(jobs))
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def ordered_map(fn: Callable[[T], R], items: Sequence[T], jobs: int,
                init: Callable[..., Any] | None = None, init_args: tuple = (),
                on_result: Callable[[R], None] | None = None, min_items: int = MIN_PARALLEL) -> Iterator[R]:
    """``fn(item)`` for each item, in order, over ``jobs`` processes (this one for fewer than ``min_items``)."""
    items = list(items)
    workers = min(jobs, len(items))
    if workers <= 1 or len(items) < min_items:
        for item in items:
            result = fn(item)
            if on_result is not None:
                on_result(result)
            yield result
        return
    context = multiprocessing.get_context(_start_method())
    chunk = max(1, min(8, len(items) // (workers * 4)))
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_init,
                               initargs=(init, init_args))
    try:
        for result in pool.map(fn, items, chunksize=chunk):
            if on_result is not None:
                on_result(result)
            yield result
    finally:  # on an error or an early stop, the work not started yet is dropped, not done for nothing
        pool.shutdown(wait=True, cancel_futures=True)


def _worker_init(init: Callable[..., Any] | None, init_args: tuple) -> None:
    """Set up a worker: it dies with the process that started it (a build killed with SIGKILL leaves no worker
    waiting for work forever: Linux's PR_SET_PDEATHSIG; under a forkserver, that server, which exits with the
    build), then ``init(*init_args)``."""
    _die_with_parent()
    if init is not None:
        init(*init_args)


def _die_with_parent() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG = 1
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:
        os._exit(1)  # orphaned before the signal was armed


def _start_method() -> str:
    """``fork`` while this process runs one thread (a fork is then safe, starts at once and needs no main-module
    guard in the caller's script), else ``forkserver`` (a clean server process: no lock another thread held is
    copied into the worker; the caller's script then needs ``if __name__ == "__main__":``)."""
    methods = multiprocessing.get_all_start_methods()
    if threading.active_count() == 1 and "fork" in methods:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


class _NoBar:
    def update(self, n: int = 1) -> None:
        pass

    def reset(self, total: int | None = None) -> None:
        pass

    def close(self) -> None:
        pass


class _Lines:
    """Progress as plain lines on stderr (``policykg: embedding 512/1380 texts``), at most one every ``every``
    seconds, written as work is done (no thread: a thread would stop ``ordered_map`` from forking). Work done
    within the first ``every`` seconds prints nothing; work that printed ends with its final count."""

    def __init__(self, total: int | None, what: str, unit: str, every: float) -> None:
        self.total, self.what, self.unit, self.every = total, what, unit, every
        self.n = 0
        self._last = time.monotonic()
        self._printed = False

    def _line(self) -> None:
        count = f"{self.n}/{self.total}" if self.total is not None else str(self.n)
        print(f"policykg: {self.what} {count} {self.unit}".rstrip(), file=sys.stderr, flush=True)
        self._last, self._printed = time.monotonic(), True

    def update(self, n: int = 1) -> None:
        self.n += n
        if time.monotonic() - self._last >= self.every:
            self._line()

    def reset(self, total: int | None = None) -> None:
        """Start counting again from 0 towards ``total`` (the next phase of the same work)."""
        if self._printed and self.n:
            self._line()
        self.total, self.n, self._printed = total, 0, False
        self._last = time.monotonic()

    def close(self) -> None:
        if self._printed and self.n:
            self._line()
        self._printed = False


EVERY_ENV = "POLICYKG_PROGRESS_EVERY"


def bar(total: int | None, what: str, unit: str = ""):
    """Progress of ``total`` steps (None: not known, a counter) of ``what`` (``unit``: what a step is, texts) on
    stderr: a tqdm bar on a terminal (or when asked for), else a plain line every few seconds (module docstring)."""
    wanted = os.environ.get(BAR_ENV, "").strip().lower()
    if wanted in ("0", "false", "no", "off") or (total is not None and total <= 0):
        return _NoBar()
    if wanted in ("1", "true", "yes", "on") or (wanted == "" and sys.stderr.isatty()):
        from tqdm import tqdm

        return tqdm(total=total, desc=f"{what} {unit}".strip(), unit="", file=sys.stderr, leave=False,
                    dynamic_ncols=True)
    try:
        every = float(os.environ.get(EVERY_ENV, "") or 5.0)
    except ValueError:
        every = 5.0
    return _Lines(total, what, unit, max(every, 0.0))


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last may be shorter)."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
