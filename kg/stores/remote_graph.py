"""A read-only rdflib ``Store`` over a SPARQL 1.1 server: kg.queries' triple patterns answered by SELECTs over our
named graphs, with a small cache, so that no process holds a copy of the graph.

``kg.queries`` reads the graph only through rdflib's triple-pattern API (``triples``, ``objects``, ``value``,
``subjects``, ``in``). Each pattern becomes one ``SELECT DISTINCT`` over the named graphs whose IRI starts with our
prefix (a triple held by two graphs counts once), read as a stream. What keeps a view fast:

* **descriptions**: a pattern with its subject bound (``(s, p, ?)``, ``(s, ?, ?)``, ``(s, p, o) in graph``) fetches
  all of ``s``'s triples once and answers from them; long literals (a document's source text) are left out of the
  description and fetched only when their own predicate is asked for;
* **prefetch**: while a pattern with its subject unbound is read (``subjects(pol:agent, org)``), the descriptions
  of the subjects it yields are fetched in batches (one ``VALUES`` query per ``batch`` subjects), because the views
  always look at them next;
* **small answers**: a pattern with its subject unbound answered by at most ``max_pattern`` triples is kept too;
  ``subjects(p)`` asks only for the subjects (not, say, every document's source text); ``(?, p, o) in graph`` is
  one ``ASK``-like ``LIMIT 1`` query.

The cache is an LRU bounded by the triples it holds (``max_cached_triples``; ``cached_triples`` says how many),
cleared by ``clear()`` (the store calls it after each of its own writes). Writes by other processes are seen after
at most ``ttl_s`` seconds (every entry expires then), and at once when ``stamp()`` changes (the SPARQL store passes
the digests file of the generation in force: a build by another process repoints it). Blank nodes cannot be asked
back from a server (their labels are local to one answer): our graphs have none.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import IO, Any

import pyoxigraph as ox
from oxrdflib._converter import from_ox, to_ox
from rdflib import Graph, Literal, URIRef
from rdflib.store import Store
from rdflib.term import Node

from kg.vocab import PREFIXES

__all__ = ["Select", "ReadOnlyGraphError", "CacheStats", "RemoteStore", "RemoteGraph", "remote_graph"]

logger = logging.getLogger(__name__)

Select = Callable[[str], AbstractContextManager[IO[bytes]]]  # a SELECT sent; its JSON results as a byte stream
Triple = tuple[Node, Node, Node]
Pattern = tuple[Node | None, Node | None, Node | None]


class ReadOnlyGraphError(TypeError):
    """A write to the graph read from a SPARQL server; writes go through the store (write_all, replace_document)."""

    def __init__(self, operation: str) -> None:
        super().__init__(f"{operation}: the graph read from the SPARQL server is read-only here; write through the "
                         "graph store (write_all, replace_document, remove_document)")


@dataclass(slots=True)
class CacheStats:
    """Counters since the store was made: SELECTs sent, cache hits and misses, descriptions fetched."""

    requests: int = 0
    hits: int = 0
    misses: int = 0
    described: int = 0
    cleared: int = 0


@dataclass(frozen=True, slots=True)
class _Description:
    """The triples of one subject as (predicate, object), and the predicates whose long literals were left out."""

    pairs: tuple[tuple[Node, Node], ...]
    long: frozenset[Node] = frozenset()


@dataclass(slots=True)
class _Entry:
    value: Any
    weight: int
    at: float = field(default_factory=time.monotonic)


def sparql_term(term: Node) -> str:
    """A term in SPARQL (N-Triples) syntax, escaped by Oxigraph; refuses blank nodes (not askable remotely)."""
    converted = to_ox(term)
    if isinstance(converted, ox.BlankNode):
        raise ValueError("a blank node cannot be asked back from a SPARQL server")
    return str(converted)


def _slot(term: Node | None, name: str) -> str:
    return f"?{name}" if term is None else sparql_term(term)


class RemoteStore(Store):
    """Read-only rdflib store over the named graphs of a SPARQL server whose IRIs start with ``graphs_prefix``."""

    context_aware = False
    formula_aware = False
    transaction_aware = False
    graph_aware = False

    def __init__(self, select: Select, graphs_prefix: str, *, ttl_s: float = 5.0, max_cached_triples: int = 100_000,
                 max_pattern: int = 2_000, batch: int = 128, long_literal: int = 1_000,
                 stamp: Callable[[], Hashable] | None = None) -> None:
        super().__init__()
        self._select = select
        self._ours = f'FILTER(STRSTARTS(STR(?g), "{graphs_prefix}"))'
        self.ttl_s, self.max_cached_triples, self.max_pattern = ttl_s, max_cached_triples, max_pattern
        self.batch, self.long_literal = batch, long_literal
        self._stamp_of = stamp
        self._stamp: Hashable = stamp() if stamp else None
        self._cache: OrderedDict[Hashable, _Entry] = OrderedDict()
        self._weight = 0
        self._lock = threading.RLock()
        self.stats = CacheStats()
        self._namespaces: dict[str, URIRef] = {name: URIRef(ns) for name, ns in PREFIXES.items()}

    # -- the cache ------------------------------------------------------------------------------------------
    @property
    def cached_triples(self) -> int:
        """How many triples the cache holds now (descriptions and small answers)."""
        return self._weight

    def clear(self) -> None:
        """Forget everything cached (after a write)."""
        with self._lock:
            self._cache.clear()
            self._weight = 0
            self.stats.cleared += 1

    def _fresh(self) -> None:
        """Clear the cache when the stamp changed (another process made a new generation)."""
        if self._stamp_of is None:
            return
        stamp = self._stamp_of()
        if stamp != self._stamp:
            self._stamp = stamp
            self.clear()

    def _get(self, key: Hashable) -> Any:
        with self._lock:
            entry = self._cache.get(key)
            if entry is None or time.monotonic() - entry.at > self.ttl_s:
                if entry is not None:
                    self._drop(key)
                self.stats.misses += 1
                return None
            self._cache.move_to_end(key)
            self.stats.hits += 1
            return entry.value

    def _has(self, key: Hashable) -> bool:
        with self._lock:
            entry = self._cache.get(key)
            return entry is not None and time.monotonic() - entry.at <= self.ttl_s

    def _put(self, key: Hashable, value: Any, weight: int) -> None:
        with self._lock:
            if key in self._cache:
                self._drop(key)
            if weight > self.max_cached_triples:
                return
            self._cache[key] = _Entry(value, weight)
            self._weight += weight
            while self._weight > self.max_cached_triples:
                self._drop(next(iter(self._cache)))

    def _drop(self, key: Hashable) -> None:
        self._weight -= self._cache.pop(key).weight

    # -- SELECTs --------------------------------------------------------------------------------------------
    def _rows(self, sparql: str) -> Iterator[dict[str, Node]]:
        """The solutions of a SELECT as rdflib terms, streamed (the response is closed when the caller stops)."""
        self.stats.requests += 1
        with self._select(sparql) as stream:
            results = ox.parse_query_results(stream, ox.QueryResultsFormat.JSON)
            names = [v.value for v in results.variables]
            for solution in results:
                yield {n: from_ox(solution[n]) for n in names if solution[n] is not None}  # type: ignore[misc]

    def _where(self, pattern: str) -> str:
        return f"GRAPH ?g {{ {pattern} }} {self._ours}"

    def _describe(self, subjects: Iterable[Node]) -> dict[Node, _Description]:
        """Fetch the descriptions of ``subjects`` (one query), long literals left out; keep those that fit."""
        todo = [s for s in dict.fromkeys(subjects) if isinstance(s, URIRef)]
        if not todo:
            return {}
        pairs: dict[Node, list[tuple[Node, Node]]] = {s: [] for s in todo}
        long: dict[Node, set[Node]] = {s: set() for s in todo}
        values = " ".join(sparql_term(s) for s in todo)
        query = (f"SELECT DISTINCT ?s ?p ?o ?long WHERE {{ VALUES ?s {{ {values} }} {self._where('?s ?p ?v')} "
                 f"BIND(isLITERAL(?v) && STRLEN(STR(?v)) > {self.long_literal} AS ?long) "
                 f"BIND(IF(?long, \"\", ?v) AS ?o) }}")
        for row in self._rows(query):
            if row["long"].toPython() is True:  # type: ignore[union-attr]
                long[row["s"]].add(row["p"])
            else:
                pairs[row["s"]].append((row["p"], row["o"]))
        self.stats.described += len(todo)
        found = {s: _Description(tuple(pairs[s]), frozenset(long[s])) for s in todo}
        for s, described in found.items():
            self._put(("d", s), described, len(described.pairs) + 1)  # one larger than the cache is not kept
        return found

    def _description(self, subject: Node) -> _Description:
        found = self._get(("d", subject))
        return found if found is not None else self._describe([subject]).get(subject, _Description(()))

    def _pattern_rows(self, pattern: Pattern) -> Iterator[Triple]:
        """One triple pattern as a streamed SELECT DISTINCT over our graphs (the bound terms filled back in)."""
        s, p, o = pattern
        names = [n for n, t in zip("spo", pattern) if t is None]
        body = f"{_slot(s, 's')} {_slot(p, 'p')} {_slot(o, 'o')}"
        head = " ".join(f"?{n}" for n in names) or "*"
        if not names:
            query = f"SELECT * WHERE {{ {self._where(body)} }} LIMIT 1"
        else:
            query = f"SELECT DISTINCT {head} WHERE {{ {self._where(body)} }}"
        for row in self._rows(query):
            yield (row.get("s", s), row.get("p", p), row.get("o", o))  # type: ignore[return-value]

    # -- answers --------------------------------------------------------------------------------------------
    def _from_description(self, pattern: Pattern) -> Iterator[Triple]:
        s, p, o = pattern
        described = self._description(s)  # type: ignore[arg-type]
        for dp, do in described.pairs:
            if (p is None or dp == p) and (o is None or do == o):
                yield (s, dp, do)  # type: ignore[misc]
        for lp in sorted(described.long):
            if p is None or lp == p:
                yield from self._pattern_rows((s, lp, o))

    def _scan(self, pattern: Pattern) -> Iterator[Triple]:
        """A pattern with its subject unbound: kept when small, streamed otherwise; with its predicate bound the
        subjects' descriptions are fetched batch by batch ahead of the caller."""
        cached = self._get(("p", pattern))
        if cached is not None:
            yield from cached
            return
        kept: list[Triple] | None = []
        chunk: list[Triple] = []
        prefetch = pattern[1] is not None
        for triple in self._pattern_rows(pattern):
            chunk.append(triple)
            if len(chunk) >= self.batch:
                kept = yield from self._hand_over(chunk, kept, prefetch)
                chunk = []
        kept = yield from self._hand_over(chunk, kept, prefetch)
        if kept is not None:
            self._put(("p", pattern), tuple(kept), len(kept) + 1)

    def _hand_over(self, chunk: list[Triple], kept: list[Triple] | None, prefetch: bool):
        if prefetch and chunk:
            self._describe(s for s, _, _ in chunk if not self._has(("d", s)))
        if kept is not None:
            kept.extend(chunk)
            if len(kept) > self.max_pattern:
                kept = None
        yield from chunk
        return kept

    def triples(self, triple_pattern: Any, context: Any = None) -> Iterator[tuple[Triple, Iterator[Any]]]:
        s, p, o = triple_pattern
        self._fresh()
        if any(isinstance(t, Node) and not isinstance(t, (URIRef, Literal)) for t in (s, p, o)):
            return  # a blank node or a variable: nothing a remote server can be asked about
        rows = self._from_description((s, p, o)) if s is not None else self._scan((s, p, o))
        for triple in rows:
            yield triple, iter(())

    def subjects_of(self, predicate: URIRef) -> Iterator[Node]:
        """The subjects of ``predicate`` (as often as they have it), without reading its objects."""
        self._fresh()
        key = ("s", predicate)
        cached = self._get(key)
        if cached is None:
            query = (f"SELECT ?s (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?o WHERE "
                     f"{{ {self._where(f'?s {sparql_term(predicate)} ?o')} }} }} GROUP BY ?s")
            cached = tuple((row["s"], int(row["n"])) for row in self._rows(query))
            self._put(key, cached, len(cached) + 1)
        for subject, times in cached:
            yield from [subject] * times

    def contains(self, pattern: Pattern) -> bool:
        """Whether a triple matches ``pattern``; a long literal is not read to say that it is there."""
        self._fresh()
        s, p, o = pattern
        if s is not None:
            described = self._description(s)
            if p is not None and p in described.long and o is None:
                return True
            return next(self._from_description(pattern), None) is not None
        key = ("a", pattern)
        found = self._get(key)
        if found is None:
            scanned = self._get(("p", pattern))
            found = bool(scanned) if scanned is not None else next(self._pattern_rows(pattern), None) is not None
            self._put(key, found, 1)
        return found

    def __len__(self, context: Any = None) -> int:
        query = (f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE "
                 f"{{ {self._where('?s ?p ?o')} }} }}")
        rows = list(self._rows(query))
        return int(rows[0]["n"]) if rows else 0

    def contexts(self, triple: Any = None) -> Iterator[Any]:
        return iter(())

    # -- namespaces: kg's prefixes, and whatever a caller binds (a binding is not a write to the data) -------
    def bind(self, prefix: str, namespace: URIRef, override: bool = True) -> None:
        if override or prefix not in self._namespaces:
            self._namespaces[prefix] = URIRef(namespace)

    def namespace(self, prefix: str) -> URIRef | None:
        return self._namespaces.get(prefix)

    def prefix(self, namespace: URIRef) -> str | None:
        return next((p for p, ns in self._namespaces.items() if ns == namespace), None)

    def namespaces(self) -> Iterator[tuple[str, URIRef]]:
        yield from list(self._namespaces.items())

    # -- writes are refused ---------------------------------------------------------------------------------
    def add(self, triple: Any, context: Any, quoted: bool = False) -> None:
        raise ReadOnlyGraphError("add")

    def addN(self, quads: Any) -> None:  # noqa: N802 — rdflib's name
        raise ReadOnlyGraphError("addN")

    def remove(self, triple: Any, context: Any = None) -> None:
        raise ReadOnlyGraphError("remove")

    def update(self, *args: Any, **kwargs: Any) -> None:
        raise ReadOnlyGraphError("update")

    def add_graph(self, graph: Any) -> None:
        raise ReadOnlyGraphError("add_graph")

    def remove_graph(self, graph: Any) -> None:
        raise ReadOnlyGraphError("remove_graph")


class RemoteGraph(Graph):
    """An rdflib Graph over a ``RemoteStore``: ``subjects(p)`` and ``in`` ask the store for just what they need."""

    store: RemoteStore

    def subjects(self, predicate: Any = None, object: Any = None, unique: bool = False) -> Iterator[Any]:  # noqa: A002
        if object is None and isinstance(predicate, URIRef):
            seen: set[Node] = set()
            for subject in self.store.subjects_of(predicate):
                if not unique or subject not in seen:
                    seen.add(subject)
                    yield subject
            return
        yield from super().subjects(predicate, object, unique)

    def __contains__(self, triple: Any) -> bool:
        if isinstance(triple, tuple) and len(triple) == 3 and all(t is None or isinstance(t, (URIRef, Literal))
                                                                  for t in triple):
            return self.store.contains(triple)
        return super().__contains__(triple)


def remote_graph(store: RemoteStore) -> RemoteGraph:
    """A Graph over ``store`` with kg's prefixes bound."""
    from kg.vocab import bind_prefixes

    return bind_prefixes(RemoteGraph(store=store))
