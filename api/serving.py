"""``policykg serve``: one generation served by every worker, reloaded by all of them together or by none.

The master process resolves ``current`` once, pins that generation (``workspace.datadir.pin``) and hands its
folder to the workers in ``POLICYKG_GENERATION``; workers never read ``current`` themselves. On SIGHUP (sent
by ``policykg serve --reload-data``) the master opens the new ``current``: if it is usable, every worker is
stopped (in-flight requests finish; new connections wait in the listening socket's backlog) and all are
started again on the new generation, so no two workers ever answer from different generations; if it is
not, the error is logged in one line and all workers keep the old one.

Malformed requests the HTTP parser itself refuses (a 1 MB header …) get the API's JSON error shape.
"""

from __future__ import annotations

import json
import logging
import os
import signal
from pathlib import Path

import h11
from uvicorn.config import Config
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.supervisors.multiprocess import Multiprocess

from workspace.datadir import DataDirError, Pin, check_sizes
from workspace.settings import Settings
from workspace.build import open_workspace

__all__ = ["JsonH11Protocol", "GenerationSupervisor", "serve", "request_reload", "GENERATION_ENV", "SERVERS_DIR"]

log = logging.getLogger("uvicorn.error")

GENERATION_ENV = "POLICYKG_GENERATION"
SERVERS_DIR = ".servers"  # <data-dir>/.servers/<pid>: the masters serving this data dir (for --reload-data)


class JsonH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, answering requests it cannot parse with the JSON error shape: 431 when the
    head is larger than ``h11_max_incomplete_event_size``, 400 otherwise (uvicorn's own answer is plain text)."""

    def send_400_response(self, msg: str) -> None:
        limit = getattr(self.conn, "_max_incomplete_event_size", None)
        buffered = len(getattr(self.conn, "_receive_buffer", b""))
        if limit is not None and buffered > limit:
            status, code, message = 431, "headers_too_large", f"request line and headers exceed {limit} bytes"
        else:
            status, code, message = 400, "bad_request", "malformed HTTP request"
        body = json.dumps({"error": {"code": code, "message": message, "where": "header"}}).encode("utf-8")
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                   (b"connection", b"close")]
        try:
            self.transport.write(self.conn.send(h11.Response(status_code=status, headers=headers)))
            self.transport.write(self.conn.send(h11.Data(data=body)))
            self.transport.write(self.conn.send(h11.EndOfMessage()))
        except h11.LocalProtocolError:  # h11 could not even read a request line: write the bytes ourselves
            head = (f"HTTP/1.1 {status} {'Request Header Fields Too Large' if status == 431 else 'Bad Request'}\r\n"
                    f"content-type: application/json\r\ncontent-length: {len(body)}\r\nconnection: close\r\n\r\n")
            self.transport.write(head.encode("latin-1") + body)
        self.transport.close()


class GenerationSupervisor(Multiprocess):
    """uvicorn's worker supervisor, serving one pinned generation in every worker (see the module docstring)."""

    def __init__(self, config: Config, settings: Settings) -> None:
        super().__init__(config, sockets=[])
        self.settings = settings.model_copy(update={"generation": None})
        self.pin: Pin | None = None
        self.generation = ""
        self._select(*self._open())

    def _open(self) -> tuple[Path, Pin, str]:
        """The generation ``current`` names, pinned and checked (manifest, every file's presence and size)."""
        ws = open_workspace(self.settings)
        check_sizes(ws.root, ws.manifest)
        assert ws.pinned is not None
        return ws.root, ws.pinned, ws.generation

    def _select(self, root: Path, held: Pin, generation: str) -> None:
        old, self.pin, self.generation = self.pin, held, generation
        os.environ[GENERATION_ENV] = str(root)  # read by the workers' Settings when they start
        if old is not None:
            old.release()

    def handle_hup(self) -> None:
        log.info("policykg: SIGHUP: reloading the data dir")
        try:
            root, held, generation = self._open()
        except DataDirError as e:
            log.error("policykg: keeping generation %s in every worker: %s", self.generation, e)
            return
        if generation == self.generation:
            held.release()
            log.info("policykg: generation %s is already served", generation)
            return
        # Stop every worker before any starts on the new generation: never two generations at once.
        self.terminate_all()
        self.join_all()
        self._select(root, held, generation)
        self.processes = []
        self.init_processes()
        log.info("policykg: all %d worker(s) now serve generation %s", len(self.processes), generation)


def _register(data_dir: Path, host: str, port: int) -> Path | None:
    """Note this master in ``<data-dir>/.servers/<pid>`` so ``--reload-data`` can find it (best effort)."""
    try:
        folder = data_dir / SERVERS_DIR
        folder.mkdir(exist_ok=True)
        path = folder / str(os.getpid())
        path.write_text(f"{host}:{port}\n", encoding="utf-8")
        return path
    except OSError as e:
        log.warning("policykg: %s: cannot note this server for --reload-data (%s); send it SIGHUP (pid %d) instead",
                    data_dir, e.strerror, os.getpid())
        return None


def _is_policykg(pid: int) -> bool:
    try:
        os.kill(pid, 0)
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (OSError, ValueError):
        return False
    return b"policykg" in cmdline or b"cli.main" in cmdline


def request_reload(data_dir: Path) -> list[int]:
    """SIGHUP every live ``policykg serve`` master of ``data_dir``; returns their pids (stale notes are removed)."""
    signalled: list[int] = []
    folder = Path(data_dir) / SERVERS_DIR
    for note in sorted(folder.glob("*")) if folder.is_dir() else []:
        pid = int(note.name) if note.name.isdigit() else -1
        if pid > 0 and _is_policykg(pid):
            os.kill(pid, signal.SIGHUP)
            signalled.append(pid)
        else:
            note.unlink(missing_ok=True)
    return signalled


def serve(settings: Settings, host: str, port: int, workers: int) -> None:
    """Run the service with ``workers`` processes over the generation ``current`` names now."""
    os.environ["POLICYKG_DATA_DIR"] = str(settings.data_dir)
    if workers > 1:
        # Workers, not encoder threads, share the cores: one OpenMP thread each (measured in benchmarks/load.py:
        # 2 workers × 1 thread serve 1.6× the requests of 1 worker × 2 threads).
        os.environ.setdefault("OMP_NUM_THREADS", "1")
    config = Config("api.app:create_app", factory=True, host=host, port=port, workers=workers, log_level="info",
                    http=JsonH11Protocol)
    supervisor = GenerationSupervisor(config, settings)  # a broken data dir fails here, before binding
    log.info("policykg: serving generation %s (pid %d; `policykg serve --reload-data` or SIGHUP reloads)",
             supervisor.generation, os.getpid())
    sock = config.bind_socket()
    supervisor.sockets = [sock]
    note = _register(settings.data_dir, host, port)
    try:
        supervisor.run()
    finally:
        sock.close()
        if note is not None:
            note.unlink(missing_ok=True)
        if supervisor.pin is not None:
            supervisor.pin.release()
