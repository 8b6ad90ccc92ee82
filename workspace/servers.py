"""The ``policykg serve`` masters running on a data dir, as their notes in ``<data-dir>/.servers/<pid>`` say, and
a search asked of one of them instead of opening the index in a new process.

A cold ``policykg search`` spends seconds opening the index and the query engine for a 50 ms search; a server on
the same data dir has both open. :func:`ask_search` answers from a server only when it can tell the answer is
the one this process would give: the note is held locked (its master is alive), names a ``policykg`` process
with the start time it records, that process's ``/healthz`` answers within a
short timeout and serves the generation ``current`` names now, and it runs with the settings this process has
(:func:`settings_fingerprint`, recorded in the note). Anything else (no note, an old note of a plain
``host:port``, a dead or different process, a timeout, an error answer) returns None and the caller searches
locally, as before. ``POLICYKG_SERVER=0`` never asks a server.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["SERVERS_DIR", "SERVER_ENV", "ServerNote", "settings_fingerprint", "note_text", "read_notes",
           "ask_search", "HEALTH_TIMEOUT_S", "SEARCH_TIMEOUT_S"]

log = logging.getLogger(__name__)

SERVERS_DIR = ".servers"  # as api.serving names it
SERVER_ENV = "POLICYKG_SERVER"  # 0: never ask a server (always search in this process)
HEALTH_TIMEOUT_S = 1.0  # a server that does not say what it serves within this is not waited for
SEARCH_TIMEOUT_S = 10.0
# Settings that say where or when, not how a search answers: they may differ between the server and the CLI.
_NOT_ANSWER = ("data_dir", "generation", "corpus_dir", "cors_origins", "allowed_hosts", "keep_generations",
               "embed_batch", "max_body_bytes")


def settings_fingerprint(settings) -> str:
    """sha256 of every setting that can change an answer (all but where the data lives and how ingests run):
    a server is asked only by a process whose fingerprint is the server's."""
    values = {k: v for k, v in settings.model_dump(mode="json").items()
              if k not in _NOT_ANSWER and not k.startswith(("ingest_", "http_"))}
    return hashlib.sha256(json.dumps(values, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()[:24]


def _start_time(pid: int) -> str | None:
    """The process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat), None when unknown."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[-1].split()[19]


def note_text(host: str, port: int, settings, **extra: Any) -> str:
    """The note a serving master writes: where it listens, its pid and start time, its settings' fingerprint
    (and whatever ``extra`` holds, e.g. a token it answers with), as one JSON line."""
    pid = os.getpid()
    return json.dumps({"host": host, "port": int(port), "pid": pid, "started": _start_time(pid),
                       "settings": settings_fingerprint(settings), **extra}) + "\n"


@dataclass(frozen=True)
class ServerNote:
    pid: int
    host: str
    port: int
    started: str | None = None
    settings: str | None = None
    token: str | None = None
    path: Path | None = None

    @property
    def url(self) -> str:
        host = self.host
        if host in ("0.0.0.0", "", "::"):  # listening everywhere: ask it on the loopback
            host = "127.0.0.1"
        return f"http://[{host}]:{self.port}" if ":" in host else f"http://{host}:{self.port}"


def read_notes(data_dir: Path) -> list[ServerNote]:
    """The notes in ``<data-dir>/.servers`` that can be read, newest first; old ``host:port`` notes included
    (they carry no settings, so :func:`ask_search` never uses them)."""
    folder = Path(data_dir) / SERVERS_DIR
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return []
    notes = []
    for path in entries:
        if not path.name.isdigit():
            continue
        try:
            text = path.read_text(encoding="utf-8").strip()
            data = json.loads(text) if text.startswith("{") else None
            if data is None:
                host, _, port = text.rpartition(":")
                notes.append(ServerNote(int(path.name), host, int(port), path=path))
            else:
                if data.get("pid") != int(path.name):
                    continue
                notes.append(ServerNote(int(path.name), str(data["host"]), int(data["port"]), data.get("started"),
                                        data.get("settings"), data.get("token"), path))
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return notes


def _is_alive_policykg(note: ServerNote) -> bool:
    try:
        os.kill(note.pid, 0)
        cmdline = Path(f"/proc/{note.pid}/cmdline").read_bytes()
    except (OSError, ValueError):
        return False
    if b"policykg" not in cmdline and b"cli.main" not in cmdline:
        return False
    if note.started is not None and str(note.started) != _start_time(note.pid):
        return False  # the pid now names another process
    return _held(note)


def _held(note: ServerNote) -> bool:
    """A live master holds its note locked for its whole life (api.serving._register); a dead one's lock is gone."""
    try:
        fd = os.open(note.path, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False  # nobody holds it
    except BlockingIOError:
        return True
    finally:
        os.close(fd)


def _get(url: str, timeout: float) -> Any:
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never through an HTTP proxy
    with opener.open(request, timeout=timeout) as answer:
        if answer.status != 200:
            raise urllib.error.HTTPError(url, answer.status, "not 200", answer.headers, None)
        return json.loads(answer.read().decode("utf-8"))


def ask_search(settings, generation: str, question: str, k: int, kinds: list[str] | None = None,
               functions: list[str] | None = None) -> dict | None:
    """The JSON answer (``policykg search --json``'s) of a verified server of ``settings.data_dir`` serving
    ``generation`` for ``question``; None when there is none (the caller then searches itself)."""
    if os.environ.get(SERVER_ENV, "").strip().lower() in ("0", "false", "no", "off") or settings.generation:
        return None
    fingerprint = None
    for note in read_notes(settings.data_dir):
        if note.settings is None or not _is_alive_policykg(note):
            continue
        fingerprint = fingerprint or settings_fingerprint(settings)
        if note.settings != fingerprint:
            log.debug("server pid %d runs with other settings; not asked", note.pid)
            continue
        try:
            health = _get(f"{note.url}/healthz", HEALTH_TIMEOUT_S)
            if health.get("generation") != generation or health.get("status") not in ("ok", "degraded"):
                log.debug("server pid %d serves generation %s, not %s", note.pid, health.get("generation"), generation)
                continue
            query = urllib.parse.urlencode([("q", question), ("k", k), *(("kind", kind) for kind in kinds or ()),
                                            *(("function", f) for f in functions or ())])
            answer = _get(f"{note.url}/search?{query}", SEARCH_TIMEOUT_S)
        except (OSError, ValueError, urllib.error.URLError) as e:  # refused, timed out, not JSON, an error status
            log.debug("server pid %d did not answer: %s", note.pid, e)
            continue
        if isinstance(answer, dict) and isinstance(answer.get("hits"), list):
            return answer
    return None
