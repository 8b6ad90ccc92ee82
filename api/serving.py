"""``policykg serve``: one generation served by every worker, reloaded by all of them together or by none.

The master process resolves ``current`` once, pins that generation (``workspace.datadir.pin``) and hands its
folder to the workers in ``POLICYKG_GENERATION``; workers never read ``current`` themselves. On SIGHUP (sent
by ``policykg serve --reload-data``) the master opens the new ``current``: if it is usable, every worker is
stopped (in-flight requests finish; new connections wait in the listening socket's backlog) and all are
started again on the new generation, so no two workers ever answer from different generations; if it is
not, the error is logged in one line and all workers keep the old one.

Malformed requests the HTTP parser itself refuses (a 1 MB header …) get the API's JSON error shape.

Nothing can orphan or be signalled by mistake: every worker dies with its master (``PR_SET_PDEATHSIG`` and a
watchdog on its parent pid), so a master killed with SIGKILL leaves no worker holding the port; the note a master
leaves in ``<data-dir>/.servers/<pid>`` records its start time and a random token, and ``--reload-data`` signals a
pid only when the process there is that same master (same start time, the token in its environment), so a stale
note whose pid now names another process (an ingest …) is removed, never signalled.

Slow and many clients: a connection must send its request head within ``http_header_timeout_s`` (slowloris); a
worker holds at most ``http_max_connections`` connections (below its open-file limit): when full, the oldest
connection still waiting for its head is dropped to make room, else the new one is refused; errors of the event
loop such as "Too many open files" are logged in one line, once a minute, never as a traceback per connection.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import secrets
import signal
import sys
import threading
import time
from pathlib import Path

import h11
from uvicorn.config import Config
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.supervisors.multiprocess import Multiprocess

from workspace.datadir import DataDirError, Pin, check_sizes
from workspace.settings import Settings
from workspace.reader import open_workspace
from workspace.servers import note_text

__all__ = ["JsonH11Protocol", "GenerationSupervisor", "serve", "request_reload", "worker_app", "GENERATION_ENV",
           "SERVERS_DIR", "MASTER_ENV"]

log = logging.getLogger("uvicorn.error")

GENERATION_ENV = "POLICYKG_GENERATION"
SERVERS_DIR = ".servers"  # <data-dir>/.servers/<pid>: the masters serving this data dir (for --reload-data)
MASTER_ENV = "POLICYKG_SERVER_MASTER"  # the master's pid, read by its workers (they die with it)
_LOOPBACK = ("127.0.0.1", "localhost", "::1")
BACKLOG = 256  # the listen queue, and the most connections the event loop accepts in one go (uvicorn's: 2048)


class JsonH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, answering requests it cannot parse with the JSON error shape: 431 when the
    head is larger than ``h11_max_incomplete_event_size``, 400 otherwise (uvicorn's own answer is plain text);
    with a time limit on each request head and a cap on the connections a worker holds (module docstring)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._head_timer = None
        self._opened = 0.0
        self._in_request_line = True  # the bytes coming in are (still) a request line

    def connection_made(self, transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        _quiet_loop_errors(self.loop)
        self._opened = self.loop.time()
        limits = _http_limits()
        if len(self.connections) > limits.max_connections and not self._make_room():
            _log_once("connections", "policykg: %d connections open, the most a worker holds "
                      "(POLICYKG_HTTP_MAX_CONNECTIONS): refusing new ones", limits.max_connections)
            self._refuse(503, "too_many_connections", "the server holds as many connections as it may; retry")
            return
        self._arm_head_timer()

    def _make_room(self) -> bool:
        """Drop the oldest other connection still waiting for its request head; False when there is none."""
        waiting = [c for c in self.connections if c is not self and isinstance(c, JsonH11Protocol)
                   and c._head_timer is not None and not c.transport.is_closing()]
        if not waiting:
            return False
        oldest = min(waiting, key=lambda c: c._opened)
        oldest._cancel_head_timer()
        oldest.transport.close()
        return True

    def _arm_head_timer(self) -> None:
        self._cancel_head_timer()
        self._head_timer = self.loop.call_later(_http_limits().header_timeout_s, self._head_timed_out)

    def _cancel_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_timed_out(self) -> None:
        self._head_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self._refuse(408, "request_timeout", f"the request head did not arrive within "
                         f"{_http_limits().header_timeout_s:g} s (POLICYKG_HTTP_HEADER_TIMEOUT_S)")

    def _refuse(self, status: int, code: str, message: str) -> None:
        """Answer ``status`` in the JSON error shape (bytes written directly: no request was parsed) and close."""
        body = json.dumps({"error": {"code": code, "message": message, "where": "connection"}}).encode("utf-8")
        reason = {408: "Request Timeout", 503: "Service Unavailable"}.get(status, "Error")
        head = (f"HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\n"
                f"content-length: {len(body)}\r\nconnection: close\r\n\r\n")
        try:
            self.transport.write(head.encode("latin-1") + body)
        finally:
            self.transport.close()

    def data_received(self, data: bytes) -> None:
        if self._in_request_line:
            data = self._percent_encode_target(data)
        super().data_received(data)
        if self._head_timer is not None and self.conn.their_state is not h11.IDLE:
            self._cancel_head_timer()  # the head is in: the app's own time from here

    def _percent_encode_target(self, data: bytes) -> bytes:
        """The request line with every byte over 0x7F percent-encoded, as a browser sends it: ``curl
        "http://…/search?q=地震"`` writes the UTF-8 bytes raw, which h11 refuses as a malformed request; encoded,
        the query reads as the same text (and invalid UTF-8 still gets its own 400). Only the request line:
        headers keep h11's rules."""
        end = data.find(b"\n")
        line, rest = (data, b"") if end < 0 else (data[:end], data[end:])
        if end >= 0:
            self._in_request_line = False
        if not line.isascii():
            line = b"".join(b"%%%02X" % byte if byte > 0x7F else bytes((byte,)) for byte in line)
        return line + rest

    def on_response_complete(self) -> None:
        self._in_request_line = True  # the next request on this connection starts with its request line
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm_head_timer()  # the next request's head (the keep-alive timeout ends an idle one first)

    def connection_lost(self, exc) -> None:
        self._cancel_head_timer()
        super().connection_lost(exc)

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


class _HttpLimits:
    """This worker's HTTP limits (from the settings, read once), the connection cap kept below its open-file limit."""

    def __init__(self) -> None:
        from workspace.settings import get_settings

        settings = get_settings()
        self.header_timeout_s = settings.http_header_timeout_s
        # below the open-file limit by the descriptors the worker needs itself and one burst of accepts
        self.max_connections = min(settings.http_max_connections, max(16, _open_file_limit() - 64 - BACKLOG))


_limits: _HttpLimits | None = None


def _http_limits() -> _HttpLimits:
    global _limits
    if _limits is None:
        _limits = _HttpLimits()
    return _limits


def _open_file_limit() -> int:
    """The open-file limit of this process, raised first to its hard limit (at most 65536)."""
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        wanted = 65536 if hard == resource.RLIM_INFINITY else min(hard, 65536)
        if soft < wanted:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
            soft = wanted
        return soft
    except (ImportError, OSError, ValueError):
        return 1024


_last_logged: dict[str, float] = {}


def _log_once(key: str, message: str, *args, every_s: float = 60.0) -> None:
    """Log ``message`` (one line, no traceback) at most once every ``every_s`` seconds per ``key``."""
    now = time.monotonic()
    if now - _last_logged.get(key, -every_s) >= every_s:
        _last_logged[key] = now
        log.error(message, *args)


def _quiet_loop_errors(loop) -> None:
    """Log the event loop's errors (accept() out of file descriptors …) in one line, once a minute per kind."""
    if getattr(loop, "_policykg_quiet", False):
        return
    loop._policykg_quiet = True
    default = loop.get_exception_handler()

    def handler(loop, context) -> None:
        error = context.get("exception")
        if isinstance(error, OSError):
            _log_once(f"loop:{error.errno}", "policykg: %s: %s (further ones are logged once a minute)",
                      context.get("message", "event loop error"), error.strerror or error)
        elif default is not None:
            default(loop, context)
        else:
            loop.default_exception_handler(context)

    loop.set_exception_handler(handler)


def worker_app():
    """The app of one ``policykg serve`` worker (uvicorn's factory): first it is made to die with its master."""
    _die_with_master()
    _open_file_limit()
    from api.app import create_app

    return create_app()


def _die_with_master() -> None:
    """End this worker when its master ends, however it ends (SIGKILL too): the kernel sends SIGTERM on the
    parent's death (Linux ``PR_SET_PDEATHSIG``), and a watchdog thread checks the parent pid every second and
    exits at once where that signal is not available or the graceful stop hangs on a slow client."""
    master = int(os.environ.get(MASTER_ENV, "0") or 0)
    if not master:
        return
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG = 1
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        orphaned_at = None
        while True:
            time.sleep(1)
            if os.getppid() == master:
                continue
            if orphaned_at is None:
                orphaned_at = time.monotonic()
                os.kill(os.getpid(), signal.SIGTERM)  # a graceful stop (PR_SET_PDEATHSIG may have sent it already)
            elif time.monotonic() - orphaned_at > 5:
                os._exit(1)  # the graceful stop had its time

    if os.getppid() != master:
        os._exit(1)  # the master died before the signal was armed
    threading.Thread(target=watch, name="policykg-master-watch", daemon=True).start()


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


def _register(data_dir: Path, host: str, port: int, settings: Settings | None = None) -> Path | None:
    """Note this master in ``<data-dir>/.servers/<pid>`` so ``--reload-data`` can find it, and a cold ``policykg
    search`` can ask it (``workspace.servers``: address, pid, start time, settings fingerprint; best effort)."""
    global _note_fd
    try:
        folder = data_dir / SERVERS_DIR
        folder.mkdir(exist_ok=True)
        path = folder / str(os.getpid())
        # Locked before it is written and for the master's whole life (the kernel drops the lock when the master
        # dies, SIGKILL too): --reload-data signals only a note some live process holds (request_reload).
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC, 0o644)
        fcntl.flock(fd, fcntl.LOCK_SH)
        text = (note_text(host, port, settings, token=secrets.token_hex(16)) if settings is not None
                else f"{host}:{port}\n")
        os.ftruncate(fd, 0)
        os.pwrite(fd, text.encode("utf-8"), 0)
        _note_fd = fd
        return path
    except OSError as e:
        log.warning("policykg: %s: cannot note this server for --reload-data (%s); send it SIGHUP (pid %d) instead",
                    data_dir, e.strerror, os.getpid())
        return None


_note_fd: int | None = None  # the master's note, held locked while it lives


def _start_time(pid: int) -> str | None:
    """The process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat); None when unknown."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()[19]
    except (OSError, IndexError):
        return None


def _verified_master(note: Path) -> int | None:
    """The pid of the live ``policykg serve`` master that wrote ``note``, or None: the note must be held locked
    (its master is alive: a dead one's lock is gone, whatever pid it had), name its pid, and the process with that
    pid must have the start time the note records and be a ``policykg`` process."""
    try:
        fd = os.open(note, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return None  # nobody holds it: its master is gone (a note of an older version is never trusted)
        except BlockingIOError:
            pass
        data = json.loads(os.pread(fd, 4096, 0).decode("utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    finally:
        os.close(fd)
    pid = int(note.name) if note.name.isdigit() else -1
    if not isinstance(data, dict) or data.get("pid") != pid or not data.get("started"):
        return None
    if str(data["started"]) != _start_time(pid):
        return None
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    return pid if (b"policykg" in cmdline or b"cli.main" in cmdline) else None


def request_reload(data_dir: Path) -> list[int]:
    """SIGHUP every verified live ``policykg serve`` master of ``data_dir`` (``_verified_master``); returns their
    pids. A note no live master holds is removed; a process a note names but that is not its master is never
    signalled."""
    signalled: list[int] = []
    folder = Path(data_dir) / SERVERS_DIR
    for note in sorted(folder.glob("*")) if folder.is_dir() else []:
        pid = _verified_master(note)
        if pid is not None:
            os.kill(pid, signal.SIGHUP)
            signalled.append(pid)
        else:
            log.info("policykg: %s: no live server holds this note; removed", note)
            note.unlink(missing_ok=True)
    return signalled


def serve(settings: Settings, host: str, port: int, workers: int) -> None:
    """Run the service with ``workers`` processes over the generation ``current`` names now."""
    os.environ["POLICYKG_DATA_DIR"] = str(settings.data_dir)
    os.environ[MASTER_ENV] = str(os.getpid())  # the workers die with this process (worker_app)
    if not settings.allowed_hosts and host in _LOOPBACK:
        # Only this machine can connect; a page it opens on another name resolving here (DNS rebinding) cannot.
        os.environ["POLICYKG_ALLOWED_HOSTS"] = ",".join(sorted({"localhost", "127.0.0.1", "::1", host}))
    if workers > 1:
        # Workers, not encoder threads, share the cores: one OpenMP thread each (measured in benchmarks/load.py:
        # 2 workers × 1 thread serve 1.6× the requests of 1 worker × 2 threads).
        os.environ.setdefault("OMP_NUM_THREADS", "1")
    config = Config("api.serving:worker_app", factory=True, host=host, port=port, workers=workers,
                    log_level="info", http=JsonH11Protocol, timeout_keep_alive=settings.http_keep_alive_s,
                    backlog=BACKLOG,
                    timeout_graceful_shutdown=settings.http_keep_alive_s + 5)
    supervisor = GenerationSupervisor(config, settings)  # a broken data dir fails here, before binding
    log.info("policykg: serving generation %s (pid %d; `policykg serve --reload-data` or SIGHUP reloads)",
             supervisor.generation, os.getpid())
    sock = config.bind_socket()
    supervisor.sockets = [sock]
    note = _register(settings.data_dir, host, port, settings)
    try:
        supervisor.run()
    finally:
        sock.close()
        if note is not None:
            note.unlink(missing_ok=True)
        if _note_fd is not None:
            os.close(_note_fd)
        if supervisor.pin is not None:
            supervisor.pin.release()
