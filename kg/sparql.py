"""Read-only SPARQL with a real time limit: parse and vet the query, then evaluate it in a forked child."""

from __future__ import annotations

import csv
import io
import logging
import multiprocessing
import os
import resource
import time
from dataclasses import dataclass, field
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.vocab import PREFIXES

__all__ = [
    "SparqlError",
    "SparqlSyntaxError",
    "SparqlRefused",
    "SparqlTimeout",
    "SparqlResult",
    "QUERY_KINDS",
    "vet_query",
    "term_to_json",
    "run_sparql",
]

logger = logging.getLogger(__name__)

QUERY_KINDS = {"SelectQuery": "select", "AskQuery": "ask", "ConstructQuery": "construct", "DescribeQuery": "describe"}
_TRIPLE_VARS = ["subject", "predicate", "object"]


class SparqlError(ValueError):
    """A query could not be answered."""


class SparqlSyntaxError(SparqlError):
    """The query does not parse; carries the parser's message."""


class SparqlRefused(SparqlError):
    """The query would change data or reach out (update, LOAD, SERVICE): this endpoint is read-only."""


class SparqlTimeout(SparqlError):
    """Evaluation took longer than the limit and was stopped."""


@dataclass(slots=True)
class SparqlResult:
    """One query's answer; ``rows`` hold SPARQL 1.1 JSON term objects (type, value, datatype, xml:lang)."""

    kind: str  # select | ask | construct | describe
    vars: list[str] = field(default_factory=list)
    rows: list[dict[str, dict[str, str]]] = field(default_factory=list)
    boolean: bool | None = None
    truncated: bool = False
    elapsed_ms: float = 0.0

    def to_json(self) -> dict[str, Any]:
        """The ``application/sparql-results+json`` shape (CONSTRUCT/DESCRIBE: subject/predicate/object rows)."""
        if self.kind == "ask":
            return {"head": {}, "boolean": bool(self.boolean)}
        return {"head": {"vars": list(self.vars)}, "results": {"bindings": self.rows}}

    def to_csv(self) -> str:
        """SPARQL 1.1 CSV results: a header of variable names, then plain values, CRLF line ends."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        if self.kind == "ask":
            writer.writerows([["boolean"], ["true" if self.boolean else "false"]])
            return out.getvalue()
        writer.writerow(self.vars)
        for row in self.rows:
            writer.writerow([_csv_value(row.get(var)) for var in self.vars])
        return out.getvalue()


def _csv_value(term: dict[str, str] | None) -> str:
    if term is None:
        return ""
    return "_:" + term["value"] if term["type"] == "bnode" else term["value"]


def term_to_json(term: object) -> dict[str, str]:
    """An rdflib term as a SPARQL 1.1 JSON results term object."""
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype is not None and term.datatype != XSD.string:
            out["datatype"] = str(term.datatype)
        return out
    raise TypeError(f"not an RDF term: {term!r}")


def _walk(node: object):  # type: ignore[no-untyped-def]
    """Every value in a pyparsing/CompValue parse tree, depth first."""
    yield node
    if isinstance(node, dict):
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
        for value in node:
            yield from _walk(value)


def vet_query(query: str) -> str:
    """Parse ``query`` and return its kind; raise SparqlRefused for updates and SERVICE, and
    SparqlSyntaxError (with the parser's message) when it does not parse."""
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        parsed = parseQuery(query)
    except Exception as query_error:  # pyparsing.ParseException; an update does not parse as a query
        try:
            parseUpdate(query)
        except Exception:
            raise SparqlSyntaxError(f"SPARQL syntax error: {query_error}") from query_error
        raise SparqlRefused(
            "updates (INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, ADD, MOVE, COPY) are refused: "
            "this endpoint is read-only"
        ) from None
    for node in _walk(parsed):
        if getattr(node, "name", None) == "ServiceGraphPattern":
            raise SparqlRefused("SERVICE (federated query) is refused: queries run on the local graph only")
    try:
        translateQuery(parsed, initNs=PREFIXES)
    except Exception as e:  # unknown prefix, bad aggregate…
        raise SparqlSyntaxError(f"SPARQL error: {e}") from e
    return QUERY_KINDS[parsed[1].name]


def _evaluate(graph: Graph, query: str, kind: str, max_rows: int) -> dict[str, Any]:
    result = graph.query(query, initNs=PREFIXES)
    if kind == "ask":
        return {"boolean": bool(result.askAnswer)}
    if kind in ("construct", "describe"):
        variables, rows_iter = _TRIPLE_VARS, ({"subject": s, "predicate": p, "object": o} for s, p, o in result)
    else:
        variables = [str(v) for v in (result.vars or [])]
        rows_iter = (row.asdict() for row in result)
    rows: list[dict[str, dict[str, str]]] = []
    truncated = False
    for row in rows_iter:
        if len(rows) >= max_rows:
            truncated = True
            break
        rows.append({str(k): term_to_json(v) for k, v in row.items() if v is not None})
    return {"vars": variables, "rows": rows, "truncated": truncated}


def _child(graph: Graph, query: str, kind: str, max_rows: int, timeout_s: float, conn: Any) -> None:
    # Belt and braces: even if the parent dies before killing us, the kernel stops the CPU burn.
    cpu = int(timeout_s) + 2
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    try:
        conn.send(("ok", _evaluate(graph, query, kind, max_rows)))
    except BaseException as e:  # report everything to the parent, never a traceback on stderr
        conn.send(("error", f"{type(e).__name__}: {e}"))
    finally:
        conn.close()


def run_sparql(graph: Graph, query: str, *, timeout_s: float = 5.0, max_rows: int = 10000) -> SparqlResult:
    """Run a read-only query on ``graph`` (pol, eli, org, skos, dcterms, prov, rdf, rdfs, xsd pre-bound).

    The query is evaluated in a forked child process: past ``timeout_s`` the child is killed (no CPU
    keeps burning) and SparqlTimeout is raised. At most ``max_rows`` rows come back (``truncated``).
    """
    if timeout_s <= 0 or max_rows < 0:
        raise ValueError(f"timeout_s must be > 0 and max_rows >= 0, got {timeout_s}, {max_rows}")
    kind = vet_query(query)
    started = time.perf_counter()
    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(graph, query, kind, max_rows, timeout_s, sender), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(timeout_s):
            raise SparqlTimeout(f"query stopped after the {timeout_s:g} s limit")
        try:
            status, payload = receiver.recv()
        except EOFError as e:
            raise SparqlError(f"query evaluation died (exit code {child.exitcode})") from e
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    elapsed_ms = (time.perf_counter() - started) * 1000
    if status == "error":
        raise SparqlError(f"query evaluation failed: {payload}")
    logger.debug("SPARQL %s in %.1f ms (pid %d)", kind, elapsed_ms, os.getpid())
    return SparqlResult(kind=kind, elapsed_ms=elapsed_ms, **payload)
