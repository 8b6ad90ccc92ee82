"""Read-only SPARQL, vetted and run by one engine (Oxigraph) in a sandboxed, size-, memory- and time-limited child.

Why one engine: a check done by another parser can disagree with the engine that runs the query (rdflib expands
``\\u0022`` before parsing, Oxigraph reads it as a quote inside a string), and a SERVICE clause hides in the gap.
So nothing here parses SPARQL for the decision to run a query. Instead:

* the query runs through ``pyoxigraph.Store.query``, which only accepts SELECT/ASK/CONSTRUCT/DESCRIBE: an update
  (INSERT, DELETE, LOAD, CLEAR, CREATE, DROP, COPY, MOVE, ADD) cannot be executed by it, whatever its spelling;
* it runs in a forked child that can open no network connection: a seccomp filter kills the child on ``socket``,
  ``connect`` or ``send*`` (x86-64, aarch64) and ``RLIMIT_NOFILE`` = 0 stops any new file or socket elsewhere. A
  child killed by the filter means the query tried to reach out: it is refused (SERVICE, even ``SERVICE SILENT``);
* before forking, a conservative scan refuses the keyword SERVICE in any spelling the scan can see (any case, after
  ``\\u``/``\\U`` expansion), so federated queries get the same 403 whether or not Oxigraph would evaluate them.
  The scan may refuse a harmless query (a literal saying "service"); it never decides that a query is safe.

Limits per query (``SparqlLimits``): wall-clock time (the child is SIGKILLed, no CPU keeps burning), rows, bytes
of the serialised answer (JSON and CSV both fit), extra address space (``RLIMIT_AS``) and a lower CPU priority
(``nice``) so runaway queries yield the cores to search.
"""

from __future__ import annotations

import csv
import ctypes
import faulthandler
import fcntl
import io
import json
import logging
import multiprocessing
import os
import platform
import re
import resource
import signal
import stat
import struct
import time
from dataclasses import asdict, dataclass, field
from typing import Any

import pyoxigraph as ox
from oxrdflib._converter import to_ox
from rdflib import Graph

from kg.vocab import PREFIXES

__all__ = [
    "SparqlError",
    "SparqlSyntaxError",
    "SparqlRefused",
    "SparqlTimeout",
    "SparqlMemoryLimit",
    "SparqlLimits",
    "SparqlResult",
    "service_refusal",
    "is_empty_query",
    "term_to_json",
    "run_sparql",
    "SANDBOX_SECCOMP",
]

logger = logging.getLogger(__name__)

_TRIPLE_VARS = ["subject", "predicate", "object"]
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


class SparqlError(ValueError):
    """A query could not be answered."""


class SparqlSyntaxError(SparqlError):
    """The query does not parse (or is empty); carries the engine's message."""


class SparqlRefused(SparqlError):
    """The query would change data or reach out (update, LOAD, SERVICE): this endpoint is read-only."""


class SparqlTimeout(SparqlError):
    """Evaluation took longer than the limit and was stopped."""


class SparqlMemoryLimit(SparqlError):
    """Evaluation needed more memory than the per-query limit and was stopped."""


@dataclass(frozen=True, slots=True)
class SparqlLimits:
    """What one query may use. ``max_memory_mb`` is address space beyond what the server already maps."""

    timeout_s: float = 5.0
    max_rows: int = 10_000
    max_bytes: int = 4_000_000
    max_memory_mb: int = 512
    nice: int = 15

    def __post_init__(self) -> None:
        if self.timeout_s <= 0 or self.max_rows < 0 or self.max_bytes < 0 or self.max_memory_mb <= 0:
            raise ValueError(f"timeout_s and max_memory_mb must be > 0, max_rows and max_bytes >= 0: {self}")
        if not 0 <= self.nice <= 19:
            raise ValueError(f"nice must be in 0..19, got {self.nice}")


@dataclass(slots=True)
class SparqlResult:
    """One query's answer; ``rows`` hold SPARQL 1.1 JSON term objects (type, value, datatype, xml:lang)."""

    kind: str  # select | ask | construct | describe
    vars: list[str] = field(default_factory=list)
    rows: list[dict[str, dict[str, Any]]] = field(default_factory=list)
    boolean: bool | None = None
    truncated: bool = False
    truncated_by: str = ""  # "" | "rows" | "bytes"
    elapsed_ms: float = 0.0

    def to_json(self) -> dict[str, Any]:
        """The ``application/sparql-results+json`` shape (CONSTRUCT/DESCRIBE: subject/predicate/object rows)."""
        if self.kind == "ask":
            return {"head": {}, "boolean": bool(self.boolean)}
        return {"head": {"vars": list(self.vars)}, "results": {"bindings": self.rows}}

    def to_csv(self) -> str:
        """SPARQL 1.1 CSV results: a header of variable names, then plain values, CRLF line ends."""
        if self.kind == "ask":
            return _csv_line(["boolean"]) + _csv_line(["true" if self.boolean else "false"])
        return _csv_line(self.vars) + "".join(_csv_line([_csv_value(row.get(v)) for v in self.vars]) for row in self.rows)


def _csv_line(values: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(values)
    return out.getvalue()


def _csv_value(term: dict[str, Any] | None) -> str:
    if term is None:
        return ""
    if term["type"] == "triple":
        return json.dumps(term["value"], ensure_ascii=False)
    return "_:" + term["value"] if term["type"] == "bnode" else term["value"]


def _json_bytes(value: object) -> int:
    """Bytes of ``value`` as the API writes it (``json.dumps(..., ensure_ascii=False)``, UTF-8)."""
    return len(json.dumps(value, ensure_ascii=False).encode("utf-8"))


def term_to_json(term: object) -> dict[str, Any]:
    """An Oxigraph term as a SPARQL 1.1 JSON results term object (RDF-star triples as ``type: triple``)."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value not in (_XSD_STRING, _RDF_LANG_STRING):
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": term_to_json(term.subject),
                                            "predicate": term_to_json(term.predicate),
                                            "object": term_to_json(term.object)}}
    raise TypeError(f"not an RDF term: {term!r}")


# ---------------------------------------------------------------------------------------------------------------
# Text checks made before anything runs. They only ever refuse; running is decided by the engine in the sandbox.

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# SERVICE as a keyword: any case; not when it continues a variable (?service), a prefixed name (pol:service) or an
# IRI path or fragment (<…/service>), which can never be the keyword. Digits and letters before it do not exempt
# it: Oxigraph reads ``1SERVICE`` and ``trueSERVICE`` as two tokens.
_SERVICE = re.compile(r"(?<![?$:/#])service", re.IGNORECASE)
# An update operation's first keyword: at the start (after BASE/PREFIX declarations) or after the ";" between
# operations. Used only to say "refused" rather than "syntax error" for text Oxigraph would not run as a query.
_PROLOGUE = r"(?:\s*(?:BASE\s*<[^>]*>|PREFIX\s*[^\s:]*:\s*<[^>]*>))*\s*"
_OPERATION = r"(insert|delete|load|clear|create|drop|copy|move|add|with)(?![\w:-])"
_UPDATE = re.compile(rf"^{_PROLOGUE}{_OPERATION}|;\s*{_OPERATION}", re.IGNORECASE)
_COMMENT = re.compile(r"#[^\n\r]*")


def _expand_escapes(text: str) -> str:
    """``\\uXXXX`` and ``\\UXXXXXXXX`` replaced by their characters (invalid code points left as written)."""

    def one(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else match.group(0)

    return _ESCAPE.sub(one, text)


def _spellings(query: str, passes: int = 3) -> list[str]:
    """The query as written and as each escape-expanding reader could see it (escapes of escapes included)."""
    seen = [query]
    for _ in range(passes):
        expanded = _expand_escapes(seen[-1])
        if expanded == seen[-1]:
            break
        seen.append(expanded)
    return seen


def service_refusal(query: str) -> str | None:
    """Why the query is refused as federated (the keyword SERVICE in any spelling), or None."""
    for text in _spellings(query):
        if _SERVICE.search(text):
            return ("SERVICE (federated query) is refused: queries run on the local graph only "
                    "(the word SERVICE is refused anywhere outside a variable, prefixed name or IRI path)")
    return None


MAX_NESTING = 500  # groups nested deeper overflow the parser's stack (~2,000 levels), whatever the memory limit
_IRI = re.compile(r"<[^<>\"{}|^`\\\s]*>")
_QUOTES = ("'''", '"""', "'", '"')


def nesting_depth(query: str) -> int:
    """How deep ``{ }``, ``( )`` and ``[ ]`` nest in ``query``, outside strings, IRIs and comments."""
    depth = deepest = 0
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c == "#":
            while i < n and query[i] not in "\r\n":
                i += 1
        elif c in "'\"":
            quote = next(q for q in _QUOTES if query.startswith(q, i))
            i += len(quote)
            while i < n and not query.startswith(quote, i):
                i += 2 if query[i] == "\\" else 1
            i += len(quote) - 1
        elif c == "<" and (m := _IRI.match(query, i)):
            i = m.end() - 1
        elif c in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif c in "})]":
            depth -= 1
        i += 1
    return deepest


def is_empty_query(query: str) -> bool:
    """True when the query holds nothing but white space and comments."""
    return not _COMMENT.sub("", query).strip()


def _rejected(query: str, engine_message: str) -> SparqlError:
    """The error for a query Oxigraph would not accept as a query: an update keyword makes it a refusal."""
    for text in _spellings(query):
        found = _UPDATE.search(_COMMENT.sub(" ", text))
        if found:
            return SparqlRefused(
                f"updates ({(found.group(1) or found.group(2)).upper()} …; INSERT, DELETE, LOAD, CLEAR, CREATE, DROP, COPY, MOVE, ADD) "
                f"are refused: this endpoint is read-only and runs only SELECT, ASK, CONSTRUCT or DESCRIBE "
                f"(engine: {engine_message})"
            )
    return SparqlSyntaxError(f"SPARQL syntax error: {engine_message}{_near(query, engine_message)}")


def _near(query: str, engine_message: str) -> str:
    """`` near '…'``: the query text around the ``line:column`` the engine points at."""
    found = re.search(r"at (\d+):(\d+)", engine_message)
    lines = query.splitlines() or [""]
    if not found or not 1 <= int(found.group(1)) <= len(lines):
        return ""
    line, column = lines[int(found.group(1)) - 1], int(found.group(2)) - 1
    return f" near {line[max(0, column - 20):column + 20].strip()!r}"


# ---------------------------------------------------------------------------------------------------------------
# The sandbox: what the evaluating child does to itself before it touches the query.

_AUDIT_ARCH = {"x86_64": 0xC000003E, "aarch64": 0xC00000B7}
# socket, socketpair, connect, sendto, sendmsg, sendmmsg, io_uring_setup
_NET_SYSCALLS = {"x86_64": (41, 53, 42, 44, 46, 307, 425), "aarch64": (198, 199, 203, 206, 211, 269, 425)}
_PR_SET_NO_NEW_PRIVS, _PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 38, 22, 2
_RET_KILL_PROCESS, _RET_ALLOW = 0x80000000, 0x7FFF0000


def _seccomp_program(arch: str) -> bytes | None:
    """A classic-BPF seccomp filter: kill the process on any network syscall (or a foreign ABI), allow the rest."""
    if arch not in _AUDIT_ARCH:
        return None
    blocked = _NET_SYSCALLS[arch]
    ld_arch, ld_nr = (0x20, 0, 0, 4), (0x20, 0, 0, 0)  # BPF_LD|W|ABS seccomp_data.arch / .nr
    prog = [ld_arch, (0x15, 1, 0, _AUDIT_ARCH[arch]), (0x06, 0, 0, _RET_KILL_PROCESS), ld_nr,
            (0x35, 0, 1, 0x40000000), (0x06, 0, 0, _RET_KILL_PROCESS)]  # x32 ABI numbers: kill
    prog += [(0x15, len(blocked) - i, 0, nr) for i, nr in enumerate(blocked)]  # BPF_JMP|JEQ → the kill at the end
    prog += [(0x06, 0, 0, _RET_ALLOW), (0x06, 0, 0, _RET_KILL_PROCESS)]
    return b"".join(struct.pack("HBBI", *ins) for ins in prog)


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def _prepare_seccomp() -> tuple[Any, Any, Any] | None:
    """libc's prctl and the filter, made ready in the parent (the child must not open files to load them)."""
    program = _seccomp_program(platform.machine())
    if program is None:
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
    libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    buffer = ctypes.create_string_buffer(program, len(program))
    fprog = _SockFprog(len(program) // 8, ctypes.addressof(buffer))
    return libc, buffer, fprog


_SECCOMP = _prepare_seccomp()
SANDBOX_SECCOMP = _SECCOMP is not None  # whether network syscalls kill the child on this platform (else EMFILE)


def _address_space_bytes() -> int:
    with open("/proc/self/statm", "rb") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _enter_sandbox(limits: SparqlLimits) -> None:
    """Limit this (child) process: CPU time, extra memory, priority, no network, no new file descriptors."""
    cpu = int(limits.timeout_s) + 2
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    try:
        ceiling = _address_space_bytes() + limits.max_memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))
    except (OSError, ValueError):  # no /proc: the time limit still holds
        logger.debug("RLIMIT_AS not set")
    if limits.nice:
        os.nice(limits.nice)
    if _SECCOMP is not None:
        libc, _, fprog = _SECCOMP
        # Should the kernel refuse the filter, RLIMIT_NOFILE below still makes every new socket fail (EMFILE).
        if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0:
            libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.addressof(fprog), 0, 0)
    resource.setrlimit(resource.RLIMIT_NOFILE, (0, 0))  # open descriptors stay usable; no new one can be made


# ---------------------------------------------------------------------------------------------------------------
# Evaluation in the child.


def _engine(graph: Graph) -> tuple[ox.Store, Any]:
    """The Oxigraph store holding ``graph`` and the graph name to query as default graph."""
    inner = getattr(graph.store, "_inner", None)
    if isinstance(inner, ox.Store):
        return inner, to_ox(graph)
    store = ox.Store()
    store.extend([ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.DefaultGraph()) for s, p, o in graph])
    return store, ox.DefaultGraph()


class _Budget:
    """Rows and bytes still allowed; both the JSON and the CSV form of the answer stay within ``max_bytes``."""

    def __init__(self, variables: list[str], limits: SparqlLimits) -> None:
        self.rows_left = limits.max_rows
        self.json_left = limits.max_bytes - _json_bytes({"head": {"vars": variables}, "results": {"bindings": []}})
        self.csv_left = limits.max_bytes - len(_csv_line(variables).encode("utf-8"))
        self.variables = variables
        self.first = True
        self.cut_by = ""

    def admit(self, row: dict[str, dict[str, Any]]) -> bool:
        if self.rows_left <= 0:
            self.cut_by = "rows"
            return False
        json_cost = _json_bytes(row) + (0 if self.first else 2)  # ", " between rows
        csv_cost = len(_csv_line([_csv_value(row.get(v)) for v in self.variables]).encode("utf-8"))
        if json_cost > self.json_left or csv_cost > self.csv_left:
            self.cut_by = "bytes"
            return False
        self.rows_left -= 1
        self.json_left -= json_cost
        self.csv_left -= csv_cost
        self.first = False
        return True


def _triples_kind(query: str) -> str:
    """construct or describe: whichever keyword comes first (only names the result; Oxigraph decided the form)."""
    found = re.search(r"(?i)\b(construct|describe)\b", _COMMENT.sub(" ", query))
    return found.group(1).lower() if found else "construct"


def _evaluate(store: ox.Store, default_graph: Any, query: str, limits: SparqlLimits) -> dict[str, Any]:
    try:
        result = store.query(query, prefixes=PREFIXES, default_graph=default_graph)
    except SyntaxError as e:
        return {"status": "rejected", "message": str(e)}
    if isinstance(result, ox.QueryBoolean):
        return {"status": "ok", "kind": "ask", "boolean": bool(result)}
    if isinstance(result, ox.QueryTriples):
        kind, variables = _triples_kind(query), _TRIPLE_VARS
        rows_iter = ({"subject": t.subject, "predicate": t.predicate, "object": t.object} for t in result)
    else:
        kind, variables = "select", [v.value for v in result.variables]
        names = [(v, v.value) for v in result.variables]
        rows_iter = ({name: s[v] for v, name in names if s[v] is not None} for s in result)
    budget = _Budget(variables, limits)
    rows: list[dict[str, dict[str, Any]]] = []
    for raw in rows_iter:
        row = {name: term_to_json(term) for name, term in raw.items()}
        if not budget.admit(row):
            break
        rows.append(row)
    return {"status": "ok", "kind": kind, "vars": variables, "rows": rows,
            "truncated": bool(budget.cut_by), "truncated_by": budget.cut_by}


def _silence_stderr() -> None:
    faulthandler.disable()  # an allocation failure aborts the child on purpose: no dump of the parent's stack
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)


def _read_only_file(fd: int) -> bool:
    """Whether ``fd`` is a regular file opened read-only (an on-disk graph store's tables: kg.store.STORE_DIR)."""
    try:
        return stat.S_ISREG(os.fstat(fd).st_mode) and fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDONLY
    except OSError:
        return False


def _close_inherited(keep: int) -> None:
    """Close every descriptor inherited from the server but stdio, ``keep`` and regular files open read-only.

    A child holding a copy of a client connection the server has closed keeps that TCP connection open: the
    client sends its next request into it and gets a reset when the child ends. Closing the copies prevents it.
    The read-only files kept are an on-disk store's tables, which RocksDB reads by descriptor and could not
    reopen under ``RLIMIT_NOFILE`` = 0 (closing them hangs or kills the query).
    """
    try:
        open_fds = sorted(int(name) for name in os.listdir("/proc/self/fd"))
    except OSError:  # no /proc: close the whole range (an on-disk store then needs its files in the page cache)
        os.closerange(3, keep)
        os.closerange(keep + 1, max(keep + 2, resource.getrlimit(resource.RLIMIT_NOFILE)[0]))
        return
    for fd in open_fds:
        if fd > 2 and fd != keep and not _read_only_file(fd):
            try:
                os.close(fd)
            except OSError:  # the descriptor listdir itself used, already closed
                pass


def _child(graph: Graph, query: str, limits: SparqlLimits, conn: Any) -> None:
    try:
        store, default_graph = _engine(graph)
        _silence_stderr()  # Oxigraph's allocation-failure notes would land in the server log
        _close_inherited(keep=conn.fileno())
        _enter_sandbox(limits)
        conn.send(_evaluate(store, default_graph, query, limits))
    except MemoryError:
        conn.send({"status": "memory"})
    except BaseException as e:  # report everything to the parent, never a traceback on stderr
        conn.send({"status": "error", "message": f"{type(e).__name__}: {e}"})
    finally:
        conn.close()


# ---------------------------------------------------------------------------------------------------------------
# The parent: fork, wait, kill, and say what happened.


def _died(exitcode: int | None, limits: SparqlLimits) -> SparqlError:
    """The error for a child that ended without answering."""
    if exitcode == -signal.SIGSYS:
        return SparqlRefused("the query tried to open a network connection (SERVICE or similar) and was stopped: "
                             "queries run on the local graph only")
    if exitcode in (-signal.SIGXCPU, -signal.SIGKILL):
        return SparqlTimeout(f"query stopped after the {limits.timeout_s:g} s limit")
    if exitcode in (-signal.SIGABRT, -signal.SIGSEGV, -signal.SIGBUS):  # a failed allocation aborts Oxigraph
        return SparqlMemoryLimit(f"query stopped: it needed more than the {limits.max_memory_mb} MB memory limit")
    return SparqlError(f"query evaluation died (exit code {exitcode})")


def _answer(payload: dict[str, Any], query: str, limits: SparqlLimits, elapsed_ms: float) -> SparqlResult:
    status = payload.pop("status")
    if status == "rejected":
        raise _rejected(query, payload["message"])
    if status == "memory":
        raise SparqlMemoryLimit(f"query stopped: it needed more than the {limits.max_memory_mb} MB memory limit")
    if status == "error":
        if "(os error 24)" in payload["message"]:  # RLIMIT_NOFILE stopped a new file or socket
            raise SparqlRefused(f"the query tried to open a file or network connection and was stopped: "
                                f"{payload['message']}")
        raise SparqlError(f"query evaluation failed: {payload['message']}")
    return SparqlResult(elapsed_ms=elapsed_ms, **payload)


def run_sparql(graph: Graph, query: str, *, timeout_s: float | None = None, max_rows: int | None = None,
               limits: SparqlLimits | None = None) -> SparqlResult:
    """Run a read-only query on ``graph`` (pol, eli, org, skos, dcterms, prov, rdf, rdfs, xsd pre-bound).

    ``limits`` (or the ``timeout_s``/``max_rows`` shortcuts) bound time, rows, bytes and memory. Raises
    SparqlSyntaxError (does not parse, or empty), SparqlRefused (update, LOAD, SERVICE, any attempt to reach out),
    SparqlTimeout, SparqlMemoryLimit, or SparqlError when evaluation fails on the data.
    """
    base = limits or SparqlLimits()
    overrides = {k: v for k, v in (("timeout_s", timeout_s), ("max_rows", max_rows)) if v is not None}
    limits = SparqlLimits(**{**asdict(base), **overrides})
    if is_empty_query(query):
        raise SparqlSyntaxError("empty query: give a SELECT, ASK, CONSTRUCT or DESCRIBE query")
    refusal = service_refusal(query)
    if refusal:
        raise SparqlRefused(refusal)
    depth = nesting_depth(query)
    if depth > MAX_NESTING:  # refused here: deeper, the parser overflows its stack (it is not a memory matter)
        raise SparqlSyntaxError(f"the query nests brackets {depth} levels deep; at most {MAX_NESTING} levels are "
                                "accepted (the SPARQL parser's depth limit)")
    started = time.perf_counter()
    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(graph, query, limits, sender), daemon=True)
    child.start()
    sender.close()
    payload: dict[str, Any] | None = None
    try:
        if not receiver.poll(limits.timeout_s):
            raise SparqlTimeout(f"query stopped after the {limits.timeout_s:g} s limit")
        try:
            payload = receiver.recv()
        except EOFError:
            payload = None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if payload is None:
        raise _died(child.exitcode, limits)
    elapsed_ms = (time.perf_counter() - started) * 1000
    result = _answer(payload, query, limits, elapsed_ms)
    logger.debug("SPARQL %s in %.1f ms (pid %d)", result.kind, elapsed_ms, os.getpid())
    return result
