"""An ingest's per-document work spread over processes, results in input order, with an optional progress bar.

``ordered_map(fn, items, jobs)`` runs ``fn`` on each item in ``jobs`` worker processes (forked while this process
runs a single thread, else started by a ``forkserver``: never a fork of a process whose other threads may hold
locks) and yields the results in the order of
``items``, so a build's output never depends on which worker was faster. Small batches (fewer than
``MIN_PARALLEL`` items) or ``jobs`` 1 run in this process: starting workers costs more than they save.
Each worker is set up by ``init`` (the authority files the build uses). ``fn`` must be a module-level function
and must not raise: it returns its error as a value (exceptions with several arguments do not cross processes).

``isolated_map(fn, items, jobs, time_s=…, memory_mb=…)`` runs each item in a process of its own, under a wall-
clock time limit and a memory limit (``RLIMIT_AS`` above what the process starts with, and ``RLIMIT_CPU`` as a
backstop): an item that overruns, runs out of memory, crashes its process (a reader library's segfault) or raises
gives a ``Breach`` naming why, and the other items go on. An ingest parses each file so: one hostile file costs
at most its limits and never aborts the batch.

``bar(total, what)`` is a tqdm progress bar on stderr when stderr is a terminal or ``POLICYKG_PROGRESS_BAR=1``
asks for it; off a terminal (a script, a pipe, a log file) it prints a plain line every few seconds instead
(``policykg: embedding 512/1380 texts``; ``POLICYKG_PROGRESS_EVERY`` seconds, default 5), so long work is never
silent; ``POLICYKG_PROGRESS_BAR=0`` shows neither. All have the same ``update``/``reset``/``close``.
"""

from __future__ import annotations

import gc
import math
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

__all__ = ["ordered_map", "isolated_map", "Breach", "default_jobs", "bar", "chunks", "MIN_PARALLEL", "BAR_ENV", "EVERY_ENV"]

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


@dataclass(frozen=True)
class Breach:
    """Why an item of ``isolated_map`` gave no result: ``kind`` is ``time``, ``memory``, ``crash`` or ``error``;
    ``detail`` says more (the seconds, the signal, the exception)."""

    kind: str
    detail: str = ""


def isolated_map(fn: Callable[[T], R], items: Sequence[T], jobs: int, *, time_s: float, memory_mb: int,
                 init: Callable[..., Any] | None = None, init_args: tuple = (), preload: Sequence[str] = (),
                 is_failure: Callable[[Any], bool] | None = None, batch: int | None = None,
                 on_result: Callable[[R | Breach], None] | None = None) -> Iterator[R | Breach]:
    """``fn(item)`` for each item, in order, in processes of their own (at most ``jobs`` at a time), each item
    given ``time_s`` seconds and ``memory_mb`` MB more than its process starts with; an item that breaks a limit,
    crashes its process or raises yields a ``Breach`` instead, and the others go on. A result ``is_failure``
    calls a failure (an error returned as a value) is a ``memory`` breach when the process had used up its memory
    (a C library reports a failed allocation as some other error). ``fn`` and its result must pickle.

    A process takes ``batch`` items in turn (a fork per item costs more than a small parse; default: a few when
    there are many): when one of them overruns or crashes, it is that item's breach and the rest of the batch is
    run again one item per process; an item that runs out of memory beside others is run again alone, so a
    breach always belongs to the item that made it."""
    items = list(items)
    context = multiprocessing.get_context(_start_method())
    if context.get_start_method() == "forkserver":
        context.set_forkserver_preload([getattr(fn, "__module__", "__main__"), *preload])
    size = batch or max(1, min(8, len(items) // (max(1, jobs) * 4)))
    pending = deque(list(range(i, min(i + size, len(items)))) for i in range(0, len(items), size))
    running: dict[Any, list] = {}  # result pipe → [indexes not answered yet, process, deadline, batch size]
    done: dict[int, R | Breach] = {}
    next_out = 0
    frozen = context.get_start_method() == "fork"
    if frozen:
        gc.freeze()  # the parent's objects stay out of the children's collections: fewer copied pages per fork
    try:
        while pending or running:
            while pending and len(running) < max(1, jobs):
                indexes = pending.popleft()
                receive, send = context.Pipe(duplex=False)
                proc = context.Process(target=_isolated, daemon=True,
                                       args=(send, fn, [(i, items[i]) for i in indexes], init, init_args, time_s,
                                             memory_mb, is_failure))
                proc.start()
                send.close()
                running[receive] = [list(indexes), proc, time.monotonic() + time_s, len(indexes)]
            wait = max(0.0, min(entry[2] for entry in running.values()) - time.monotonic())
            for receive in multiprocessing.connection.wait(list(running), timeout=wait):
                entry = running[receive]
                message = _receive(receive)
                if message is not None:  # one item's answer; the next item's time starts now
                    index, value = message
                    entry[0].remove(index)
                    entry[2] = time.monotonic() + time_s
                    if isinstance(value, Breach) and value.kind == "memory" and entry[3] > 1:
                        pending.append([index])  # perhaps the batch's memory, not its own: alone once more
                    else:
                        done[index] = value
                    if entry[0]:
                        continue
                del running[receive]
                _finish(receive, entry[1])
                if entry[0] and entry[1].exitcode == 0:  # stopped after a memory breach: the rest elsewhere
                    pending.extend([i] for i in entry[0])
                elif entry[0]:  # died before answering them: the first was running, the others wait their turn
                    done[entry[0][0]] = _death(entry[1])
                    pending.extend([i] for i in entry[0][1:])
            now = time.monotonic()
            for receive, entry in list(running.items()):
                if now >= entry[2]:
                    del running[receive]
                    _end(entry[1])
                    receive.close()
                    done[entry[0][0]] = Breach("time", f"{time_s:g} s")
                    pending.extend([i] for i in entry[0][1:])
            while next_out in done:
                result = done.pop(next_out)
                if on_result is not None:
                    on_result(result)
                yield result
                next_out += 1
    finally:  # an early stop or an error: no child is left running
        for receive, entry in running.items():
            _end(entry[1])
            receive.close()
        if frozen:
            gc.unfreeze()


def _receive(receive) -> tuple[int, Any] | None:
    """``(index, result or Breach)`` a child sent, or None when it sent nothing more (it ended)."""
    try:
        kind, index, value = receive.recv()
    except (EOFError, OSError):
        return None
    if kind == "ok":
        return index, value
    return index, Breach(kind, value or "")


def _finish(receive, proc) -> None:
    receive.close()
    proc.join(5)
    if proc.exitcode is None:
        _end(proc)


def _death(proc) -> Breach:
    """The ``Breach`` of the item a child was running when it died."""
    code = proc.exitcode or 0
    if code == -signal.SIGXCPU:
        return Breach("time", "CPU time limit")
    return Breach("crash", signal.Signals(-code).name if code < 0 else f"exit code {code}")


def _end(proc) -> None:
    if proc.is_alive():
        proc.kill()
    proc.join(5)


def _isolated(send, fn, batch, init, init_args, time_s: float, memory_mb: int, is_failure=None) -> None:
    """A child of ``isolated_map``: limits, ``init``, then ``fn(item)`` for each ``(index, item)`` of ``batch``,
    sending ``(kind, index, value)`` back after each."""
    _die_with_parent()
    import faulthandler

    faulthandler.disable()  # a reader's crash is reported by the parent in one line, not as a stack dump
    limit = _limit_self(time_s, memory_mb)
    if init is not None:
        init(*init_args)
    try:
        for index, item in batch:
            try:
                value = fn(item)
                result: tuple[str, int, Any] = ("ok", index, value)
                if limit and is_failure is not None and is_failure(value) and _peak_address_space() > 0.9 * limit:
                    result = ("memory", index, f"{memory_mb} MB")
            except MemoryError:
                result = ("memory", index, f"{memory_mb} MB")
            except Exception as e:  # noqa: BLE001 — reported by the parent as this item's breach
                result = ("error", index, f"{type(e).__name__}: {e}")
            try:
                send.send(result)
            except MemoryError:
                send.send(("memory", index, f"{memory_mb} MB"))
            except Exception as e:  # noqa: BLE001 — a result that does not pickle
                send.send(("error", index, f"{type(e).__name__}: {e}"))
            if result[0] == "memory":
                return  # its heap is spent: the parent runs the rest elsewhere
    finally:
        send.close()


def _limit_self(time_s: float, memory_mb: int) -> int:
    """Set this process's CPU-time and address-space limits; returns the latter (0 when none was set)."""
    try:
        import resource
    except ImportError:  # not a POSIX system: the parent's wall-clock limit still holds
        return 0
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_CPU)
        cpu = math.ceil(time_s) + 5
        resource.setrlimit(resource.RLIMIT_CPU, (cpu if hard == resource.RLIM_INFINITY else min(cpu, hard), hard))
        start = _address_space()
        if not start:
            return 0
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = start + (memory_mb << 20)
        limit = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
        return limit
    except (OSError, ValueError):
        return 0


def _peak_address_space() -> int:
    """The largest virtual size this process reached, in bytes (Linux ``VmPeak``; 0 where it cannot be read)."""
    try:
        with open("/proc/self/status", "rb") as f:
            for line in f:
                if line.startswith(b"VmPeak:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _address_space() -> int:
    """This process's virtual size in bytes (Linux; 0 where it cannot be read)."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


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
