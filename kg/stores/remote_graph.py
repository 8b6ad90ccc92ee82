"""A read-only rdflib ``Store`` over a SPARQL 1.1 server: kg.queries' triple patterns answered by SELECTs over our
named graphs, with a small cache, so that no process holds a copy of the graph.

``kg.queries`` reads the graph only through rdflib's triple-pattern API (``triples``, ``objects``, ``value``,
``subjects``, ``in``). Each pattern becomes one ``SELECT DISTINCT`` over the named graphs whose IRI starts with our
prefix (a triple held by two graphs counts once), read as a stream. What keeps a view fast:

* **descriptions**: a pattern with its subject bound (``(s, p, ?)``, ``(s, ?, ?)``, ``(s, p, o) in graph``) fetches
  all of ``s``'s triples once and answers from them; left out of the description, and asked only when their own
  predicate is, are long literals (a document's source text) and, on shared nodes (not minted under a document),
  predicates with more than ``wide`` values (the thousands of places a concept or a department is mentioned: a
  hub's description stays small);
* **read-ahead**: nodes met together are remembered in order: the subjects one pattern yields
  (``subjects(pol:agent, org)``: a department's responsibilities), the objects of one predicate across the
  descriptions fetched together (their units). When a view first asks about one of them (its description, or
  ``(?, p, node)``), the next ``batch`` of its siblings not cached yet are fetched with it in one ``VALUES`` query,
  because a view walking a list asks about each in turn (a node nobody asks about is never fetched);
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

from kg.stores.base import owner_slug
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
    """The triples of one subject, by predicate, and the predicates left out: those with a long literal (a
    document's source text) or with more than ``wide`` values (the hundreds of places a concept is mentioned)."""

    values: dict[Node, tuple[Node, ...]]  # predicate → its objects, as the server gave them
    omitted: frozenset[Node] = frozenset()

    @property
    def size(self) -> int:
        return sum(len(objects) for objects in self.values.values())


@dataclass(slots=True)
class _Entry:
    value: Any
    weight: int
    at: float = field(default_factory=time.monotonic)


_TRUE = Literal(True)
_MISSING = object()


def sparql_term(term: Node) -> str:
    """A term in SPARQL (N-Triples) syntax, escaped by Oxigraph; refuses blank nodes (not askable remotely)."""
    converted = to_ox(term)
    if isinstance(converted, ox.BlankNode):
        raise ValueError("a blank node cannot be asked back from a SPARQL server")
    return str(converted)


def askable(term: Node | None) -> bool:
    """Whether a server can be asked about ``term``: unbound, an absolute IRI or a literal (rdflib takes any
    string as a URIRef; such a term is in no server's graph)."""
    if term is None:
        return True
    if not isinstance(term, (URIRef, Literal)):
        return False
    try:
        to_ox(term)
    except ValueError:
        return False
    return True


def _slot(term: Node | None, name: str) -> str:
    return f"?{name}" if term is None else sparql_term(term)


class _Siblings:
    """Nodes met together, in order, in a bounded number of lists. Of a node's recent meetings (within ``fresh_s``)
    the smallest wins (a document's units, not every unit of the corpus: reading ahead there fetches what the view
    asks next), else the newest; a node met alone is no meeting."""

    def __init__(self, keep_nodes: int = 200_000, fresh_s: float = 5.0) -> None:
        self.keep_nodes = keep_nodes  # in all lists together; the oldest lists go first
        self.fresh_s = fresh_s
        self._lists: OrderedDict[int, list[Node]] = OrderedDict()
        self._made_at: dict[int, float] = {}
        self._where: dict[Node, tuple[int, int]] = {}
        self._size = 0
        self._made = 0

    def meet(self, met: Iterable[Node]) -> None:
        nodes = list(dict.fromkeys(n for n in met if isinstance(n, URIRef)))
        if len(nodes) < 2:
            return
        now = time.monotonic()
        self._made += 1
        self._lists[self._made], self._made_at[self._made] = nodes, now
        self._size += len(nodes)
        while self._size > self.keep_nodes:
            gone, dropped = self._lists.popitem(last=False)
            self._size -= len(dropped)
            del self._made_at[gone]
        if len(self._where) > 2 * self.keep_nodes:  # positions in lists gone pile up: start afresh
            self._where.clear()
        for at, node in enumerate(nodes):
            earlier = self._where.get(node)
            if earlier is not None and 0 < len(self._lists.get(earlier[0], ())) <= len(nodes) \
                    and now - self._made_at[earlier[0]] <= self.fresh_s:
                continue
            self._where[node] = (self._made, at)

    def after(self, node: Node, wanted: Callable[[Node], bool], most: int) -> list[Node]:
        """``node`` and up to ``most - 1`` of the nodes met after it that are ``wanted`` (looking a few ahead)."""
        list_id, at = self._where.get(node, (0, 0))
        nodes = self._lists.get(list_id)
        if nodes is None or at >= len(nodes) or nodes[at] != node:
            return [node]
        found = [node]
        for other in nodes[at + 1: at + 1 + 4 * most]:
            if len(found) >= most:
                break
            if other not in found and wanted(other):
                found.append(other)
        return found

    def clear(self) -> None:
        self._lists.clear()
        self._made_at.clear()
        self._where.clear()
        self._size = 0


class RemoteStore(Store):
    """Read-only rdflib store over the named graphs of a SPARQL server whose IRIs start with ``graphs_prefix``."""

    context_aware = False
    formula_aware = False
    transaction_aware = False
    graph_aware = False

    def __init__(self, select: Select, graphs_prefix: str, *, ttl_s: float = 5.0, max_cached_triples: int = 100_000,
                 max_pattern: int = 2_000, batch: int = 128, long_literal: int = 1_000, wide: int = 24,
                 stamp: Callable[[], Hashable] | None = None) -> None:
        super().__init__()
        self._select = select
        self._ours_test = f'STRSTARTS(STR(?g), "{graphs_prefix}")'  # ?g is one of our named graphs
        self.ttl_s, self.max_cached_triples, self.max_pattern = ttl_s, max_cached_triples, max_pattern
        self.batch, self.long_literal, self.wide = batch, long_literal, wide
        self._stamp_of = stamp
        self._stamp: Hashable = stamp() if stamp else None
        self._cache: OrderedDict[Hashable, _Entry] = OrderedDict()
        self._weight = 0
        self._lock = threading.RLock()
        self.stats = CacheStats()
        self._namespaces: dict[str, URIRef] = {name: URIRef(ns) for name, ns in PREFIXES.items()}
        self._siblings = _Siblings(fresh_s=ttl_s)
        self._terms: dict[Any, Node] = {}

    # -- the cache ------------------------------------------------------------------------------------------
    @property
    def cached_triples(self) -> int:
        """How many triples the cache holds now (descriptions and small answers)."""
        return self._weight

    def clear(self) -> None:
        """Forget everything cached (after a write)."""
        with self._lock:
            self._cache.clear()
            self._siblings.clear()
            self._weight = 0
            self.stats.cleared += 1

    def _fresh(self) -> None:
        """Clear the cache when the stamp changed (another process made a new generation)."""
        if self._stamp_of is None:
            return
        stamp = self._stamp_of()
        if stamp != self._stamp:
            logger.debug("the generation in force changed: the remote graph's cache is cleared")
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
    def _term(self, term: Any) -> Any:
        """``term`` as rdflib's (as oxrdflib gives it; None stays None); IRIs and short literals converted once,
        since the same predicates, classes, labels and numbers come back in every answer."""
        found = self._terms.get(term, _MISSING)
        if found is _MISSING:
            found = from_ox(term)
            if not (isinstance(term, ox.Literal) and len(term.value) > 64):
                if len(self._terms) > 100_000:
                    self._terms.clear()
                self._terms[term] = found
        return found

    def _rows(self, sparql: str) -> Iterator[tuple[Any, ...]]:
        """The solutions of a SELECT as tuples of rdflib terms in the order of its variables (None where unbound),
        streamed: the response is closed when the caller stops."""
        self.stats.requests += 1
        term = self._term
        with self._select(sparql) as stream:
            for solution in ox.parse_query_results(stream, ox.QueryResultsFormat.JSON):
                yield tuple(map(term, solution))

    def _where(self, pattern: str) -> str:
        return f"GRAPH ?g {{ {pattern} }} FILTER({self._ours_test})"

    def _description_query(self, subjects: list[Node], counted: bool) -> str:
        """The SELECT of ``subjects``' triples, long literals blanked (``?long``); ``counted``: each predicate's
        values counted first on the server and read only when at most ``wide`` (twice the server's work)."""
        listed = " ".join(sparql_term(s) for s in subjects)
        long = (f"BIND(isLITERAL(?v) && STRLEN(STR(?v)) > {self.long_literal} AS ?long) "
                f"BIND(IF(?long, \"\", ?v) AS ?o)")
        if not counted:
            return (f"SELECT DISTINCT ?s ?p ?o ?long WHERE {{ VALUES ?s {{ {listed} }} {self._where('?s ?p ?v')} "
                    f"{long} }}")
        return (f"SELECT DISTINCT ?s ?p ?o ?long WHERE {{ "
                f"{{ SELECT ?s ?p (COUNT(*) AS ?n) WHERE {{ VALUES ?s {{ {listed} }} {self._where('?s ?p ?x')} }} "
                f"GROUP BY ?s ?p }} "
                f"OPTIONAL {{ GRAPH ?g {{ ?s ?p ?v }} FILTER(?n <= {self.wide} && {self._ours_test}) }} {long} }}")

    def _describe(self, subjects: Iterable[Node]) -> dict[Node, _Description]:
        """Fetch the descriptions of ``subjects``; keep those that fit. A node minted under a document (a unit, a
        target: its triples are bounded by the document) is read whole; a shared one (a concept, a department,
        which every document may point at) has its predicates counted first and the wide ones left out."""
        todo = [s for s in dict.fromkeys(subjects) if isinstance(s, URIRef) and askable(s)]
        if not todo:
            return {}
        values: dict[Node, dict[Node, list[Node]]] = {s: {} for s in todo}
        omitted: dict[Node, set[Node]] = {s: set() for s in todo}
        shared = [s for s in todo if owner_slug(s) is None]
        local = [s for s in todo if owner_slug(s) is not None]
        queries = [self._description_query(group, counted) for group, counted in ((local, False), (shared, True))
                   if group]
        for query in queries:
            for s, p, o, long in self._rows(query):
                if o is None or long == _TRUE:  # too many values, or a long one: asked when wanted
                    omitted[s].add(p)
                else:
                    values[s].setdefault(p, []).append(o)
        self.stats.described += len(todo)
        found = {s: _Description({p: tuple(objects) for p, objects in values[s].items() if p not in omitted[s]},
                                 frozenset(omitted[s])) for s in todo}  # a predicate is read whole or left out
        met: dict[Node, list[Node]] = {}  # the objects of each predicate across these descriptions: siblings
        for s, described in found.items():
            self._put(("d", s), described, described.size + 1)  # one larger than the cache is not kept
            for p, objects in described.values.items():
                met.setdefault(p, []).extend(objects)
        for objects in met.values():
            self._meet(objects)
        return found

    def _read_ahead(self, node: Node, key: Callable[[Node], Hashable]) -> list[Node]:
        """``node`` and the next siblings whose ``key`` is not cached yet (at most ``batch``)."""
        with self._lock:
            return self._siblings.after(node, lambda other: not self._has(key(other)), self.batch)

    def _description(self, subject: Node) -> _Description:
        found = self._get(("d", subject))
        if found is None:
            found = self._describe(self._read_ahead(subject, lambda s: ("d", s))).get(subject, _Description({}))
        return found

    def _incoming(self, predicate: Node, objects: list[Node]) -> bool:
        """``(?, predicate, o)`` for several ``objects`` in one query, each kept as its own answer; False (nothing
        kept) when together they pass ``max_pattern`` triples."""
        values = " ".join(sparql_term(o) for o in objects)
        query = (f"SELECT DISTINCT ?s ?o WHERE {{ VALUES ?o {{ {values} }} "
                 f"{self._where(f'?s {sparql_term(predicate)} ?o')} }} LIMIT {self.max_pattern + 1}")
        rows = list(self._rows(query))
        if len(rows) > self.max_pattern:
            return False
        found: dict[Node, list[Triple]] = {o: [] for o in objects}
        for s, o in rows:
            found[o].append((s, predicate, o))
        for o, triples in found.items():
            self._put(("p", (None, predicate, o)), tuple(triples), len(triples) + 1)
        self._meet(triple[0] for o in objects for triple in found[o])  # the targets' units: siblings too
        return True

    def _pattern_rows(self, pattern: Pattern) -> Iterator[Triple]:
        """One triple pattern as a streamed SELECT DISTINCT over our graphs (the bound terms filled back in)."""
        s, p, o = pattern
        names = [n for n, t in zip("spo", pattern) if t is None]
        body = f"{_slot(s, 's')} {_slot(p, 'p')} {_slot(o, 'o')}"
        head = " ".join(f"?{n}" for n in names)
        if not names:
            query = f"SELECT ?g WHERE {{ {self._where(body)} }} LIMIT 1"
        else:
            query = f"SELECT DISTINCT {head} WHERE {{ {self._where(body)} }}"
        for row in self._rows(query):
            found = dict(zip(names, row))
            yield (found.get("s", s), found.get("p", p), found.get("o", o))

    # -- answers --------------------------------------------------------------------------------------------
    def _from_description(self, pattern: Pattern) -> Iterator[Triple]:
        s, p, o = pattern
        described = self._description(s)  # type: ignore[arg-type]
        predicates = described.values if p is None else (p,) if p in described.values else ()
        for dp in predicates:
            for do in described.values[dp]:
                if o is None or do == o:
                    yield (s, dp, do)  # type: ignore[misc]
        for left_out in sorted(described.omitted) if p is None else (p,) if p in described.omitted else ():
            yield from self._scan((s, left_out, o))

    def _scan(self, pattern: Pattern) -> Iterator[Triple]:
        """A pattern with its subject unbound: kept when small, streamed otherwise; with its predicate bound, the
        subjects it yields are siblings (read ahead when a view asks about them)."""
        s, p, o = pattern
        key = ("p", pattern)
        cached = self._get(key)
        if cached is None and s is None and p is not None and isinstance(o, URIRef):
            ahead = self._read_ahead(o, lambda other: ("p", (None, p, other)))
            if len(ahead) > 1 and self._incoming(p, ahead):
                cached = self._get(key)
        siblings = s is None and p is not None
        if cached is not None:
            if siblings:
                self._meet(triple[0] for triple in cached)
            yield from cached
            return
        kept: list[Triple] | None = []
        for chunk in self._chunks(self._pattern_rows(pattern)):
            if kept is not None:
                kept.extend(chunk)
                if len(kept) > self.max_pattern:
                    kept = None
            if siblings:  # before the caller sees them: it reads ahead among them
                self._meet(triple[0] for triple in chunk)
            yield from chunk
        if kept is not None:
            self._put(key, tuple(kept), len(kept) + 1)

    def _chunks(self, rows: Iterable[Any]) -> Iterator[list[Any]]:
        """``rows`` read ``batch`` at a time, so that each batch's nodes are siblings before the first is used."""
        chunk: list[Any] = []
        for row in rows:
            chunk.append(row)
            if len(chunk) >= self.batch:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    def _meet(self, nodes: Iterable[Node]) -> None:
        with self._lock:
            self._siblings.meet(nodes)

    def triples(self, triple_pattern: Any, context: Any = None) -> Iterator[tuple[Triple, Iterator[Any]]]:
        s, p, o = triple_pattern
        self._fresh()
        if not (askable(s) and askable(p) and askable(o)):
            return  # a blank node, a variable or a relative IRI: nothing a server holds
        rows = self._from_description((s, p, o)) if s is not None else self._scan((s, p, o))
        for triple in rows:
            yield triple, iter(())

    def subjects_of(self, predicate: URIRef) -> Iterator[Node]:
        """The subjects of ``predicate`` (as often as they have it), without reading its objects."""
        self._fresh()
        if not askable(predicate):
            return
        key = ("s", predicate)
        cached = self._get(key)
        if cached is not None:
            self._meet(subject for subject, _ in cached)
            for subject, times in cached:
                yield from [subject] * times
            return
        query = (f"SELECT ?s (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?o WHERE "
                 f"{{ {self._where(f'?s {sparql_term(predicate)} ?o')} }} }} GROUP BY ?s")
        kept: list[tuple[Node, int]] | None = []
        for chunk in self._chunks(self._rows(query)):  # streamed: a predicate of every unit is not held here
            counted = [(subject, int(times)) for subject, times in chunk]
            if kept is not None:
                kept.extend(counted)
                if len(kept) > self.max_pattern:
                    kept = None
            self._meet(subject for subject, _ in counted)
            for subject, times in counted:
                yield from [subject] * times
        if kept is not None:
            self._put(key, tuple(kept), len(kept) + 1)

    def contains(self, pattern: Pattern) -> bool:
        """Whether a triple matches ``pattern``; a long literal is not read to say that it is there."""
        self._fresh()
        s, p, o = pattern
        if not (askable(s) and askable(p) and askable(o)):
            return False
        if s is not None:
            described = self._description(s)
            if p is not None and p in described.omitted and o is None:
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
        """The distinct triples of our graphs, counted on the server (kept like any answer: /healthz asks often)."""
        self._fresh()
        counted = self._get(("len",))
        if counted is None:
            query = (f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE "
                     f"{{ {self._where('?s ?p ?o')} }} }}")
            rows = list(self._rows(query))
            counted = int(rows[0][0]) if rows else 0
            self._put(("len",), counted, 1)
        return counted

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
