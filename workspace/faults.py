"""What every step of a build shares: its error (``BuildError``), its progress callback, and the fault points
where a test can stop it (``POLICYKG_FAULT_PAUSE=<phase>``, one of ``FAULT_PHASES``: the build prints
``policykg: fault pause at <phase> (pid N)`` on stderr and waits for SIGUSR1, and the fault tests kill it there)."""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable

__all__ = ["FAULT_ENV", "FAULT_PHASES", "BuildError", "Progress", "fault_point", "quiet"]

Progress = Callable[[str], None]
FAULT_ENV = "POLICYKG_FAULT_PAUSE"
# The phases of a build, in order; each is a point where POLICYKG_FAULT_PAUSE can stop it.
FAULT_PHASES = ("locked", "parsed", "sources", "graph", "embedding", "index", "manifest", "renamed", "swapped",
                "pruned")  # "embedding": after the first batch of new texts is embedded and cached


class BuildError(RuntimeError):
    """A build could not complete; the previous data is untouched."""


def quiet(_: str) -> None:
    """The progress callback that says nothing."""


def fault_point(phase: str) -> None:
    """Stop here when ``POLICYKG_FAULT_PAUSE`` names ``phase``, until SIGUSR1 (a test hook; a no-op otherwise)."""
    if os.environ.get(FAULT_ENV) != phase:
        return
    resumed = threading.Event()
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGUSR1, lambda *_: resumed.set())
    print(f"policykg: fault pause at {phase} (pid {os.getpid()})", file=sys.stderr, flush=True)
    while not resumed.wait(0.05):
        pass
    if previous is not None:
        signal.signal(signal.SIGUSR1, previous)
