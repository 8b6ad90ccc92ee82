"""The indicator index: each target carries the character bigrams of its indicator (``pol:indicatorKey``), so
"targets whose indicator contains X" binds a few literals instead of scanning every target.

Why bigrams on the target, in the graph itself:

* **Both backends, plain SPARQL 1.1.** Every triple store indexes a pattern with a bound object (Oxigraph's POS
  table, Virtuoso's, GraphDB's), so ``?t pol:indicatorKey "产值", "值率"`` is a few index range reads on the
  embedded store and on any server alike. A store's full-text extension (``bif:contains``, GraphDB's Lucene
  connector) would be faster still but is not SPARQL 1.1 and differs per engine; Oxigraph has none. A side index
  outside the graph (a Python dict, SQLite) would help this process only, not a server, and be one more thing
  to keep in step with the graph.
* **Bigrams, not words or trigrams.** Chinese has no spaces to cut words at, and the common query is a two-
  character word (增速, 产值, 床位): trigrams could not answer it without the scan, single characters are too
  unselective (率, 数 are in thousands of indicators). A substring ``q`` of ``n >= 2`` characters lies in an
  indicator only if every bigram of ``q`` is among the indicator's bigrams; the index binds the ones that tile
  ``q`` (``query_keys``), gives the targets carrying them all as candidates, and the exact substring test (``CONTAINS``, Python's ``in``) keeps only the true ones, so the answer is the scan's.
  A query of one character (after normalising) falls back to the scan (in Python, of the ``pol:indicator``
  literals alone, ``candidate_targets``).
* **On each target, not on a shared indicator concept.** An indicator as a ``skos:Concept`` with a normalised key
  would store each distinct indicator's bigrams once instead of once per target, but that node is shared by
  every document that names the indicator: it lives in no document's named graph, so replacing or removing one
  document (one graph PUT on a server, one cached part locally) would have to rewrite the shared graph too, and
  a substring query would still need the n-grams. Per target, every key triple has a subject minted under its
  document and travels with it. The cost is small: an indicator of ``L`` characters adds at most ``L - 1``
  triples: 75 on the bundled corpus's 11 targets (1.6 % of its graph), 3.3 % of the graph of generated
  plans (``benchmarks.synthetic``, 2–3 targets each; ``tests/kg/test_indicator_index.py`` keeps it bounded).

Normalisation (``normalise``): Unicode NFKC and case folding **character by character** (so the normal form of a
substring is a substring of the normal form: whole-string NFKC can compose across a cut), spaces, punctuation
and control characters dropped. Full-width ``ＧＤＰ``, half-width ``GDP`` and ``gdp`` give the same keys; what
the exact test accepts is unchanged (the raw substring, as before the index).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from rdflib import Graph, Literal, URIRef

from kg.vocab import POL, RDF

__all__ = ["normalise", "indicator_keys", "query_keys", "has_index", "indexed_targets", "candidate_targets",
           "indicator_pattern", "targets_query"]

_DROPPED = ("P", "Z", "C")  # Unicode categories not keyed: punctuation, separators (spaces), control/format
_END = object()


def normalise(text: str) -> str:
    """``text`` folded for keying: NFKC and casefold per character, spaces, punctuation and controls dropped."""
    folded = (unicodedata.normalize("NFKC", ch).casefold() for ch in text)
    return "".join(ch for part in folded for ch in part if unicodedata.category(ch)[0] not in _DROPPED)


def _bigrams(folded: str) -> list[str]:
    """The distinct character bigrams of ``folded`` in order of first occurrence."""
    return list(dict.fromkeys(folded[i:i + 2] for i in range(len(folded) - 1)))


def indicator_keys(indicator: str) -> list[str]:
    """The ``pol:indicatorKey`` literals of a target: the bigrams of its normalised indicator; a one-character
    indicator is keyed by that character; one with no keyable character has none."""
    folded = normalise(indicator)
    return [folded] if len(folded) == 1 else _bigrams(folded)


def query_keys(contains: str) -> list[str] | None:
    """Keys every indicator containing ``contains`` carries: the bigrams that tile its normal form (at 0, 2, 4…,
    and the last two characters when the length is odd), so each character is in one and a query of ``n``
    characters binds ``ceil(n / 2)`` literals, not ``n - 1`` (fewer joins, as selective). None when the index
    cannot narrow the search (fewer than two keyable characters: the caller scans)."""
    folded = normalise(contains)
    if len(folded) < 2:
        return None
    return list(dict.fromkeys([folded[i:i + 2] for i in range(0, len(folded) - 1, 2)] + [folded[-2:]]))


def has_index(graph: Graph) -> bool:
    """Whether ``graph`` carries the index at all (a graph built before it has targets and no keys): one
    ``(?, pol:indicatorKey, ?)`` membership test, a ``LIMIT 1`` on a store that asks a server."""
    return (None, POL.indicatorKey, None) in graph


def _postings(graph: Graph, key: str) -> Iterator[URIRef]:
    return (s for s, _, _ in graph.triples((None, POL.indicatorKey, Literal(key))))  # type: ignore[misc]


def _rarest(graph: Graph, keys: list[str]) -> tuple[str, set[URIRef]]:
    """The key with the shortest posting list and that list, read without knowing the lengths in advance: the
    lists are read one entry each in turn until one ends, so the cost is at most ``len(keys)`` times the
    shortest list, however long a common bigram's (项目, 企业) list is."""
    readers = {key: _postings(graph, key) for key in keys}
    seen: dict[str, set[URIRef]] = {key: set() for key in keys}
    try:
        while True:
            for key, reader in readers.items():
                node = next(reader, _END)
                if node is _END:
                    return key, seen[key]
                seen[key].add(node)  # type: ignore[arg-type]
    finally:
        for reader in readers.values():
            reader.close()  # the longer lists are not read to their end (a server's answer stream is let go)


def indexed_targets(graph: Graph, contains: str) -> set[URIRef] | None:
    """The targets whose indicator may contain ``contains`` (a superset of the true ones: every target carrying
    all of its ``query_keys``, found from the rarest key's list), or None when the index cannot answer (a one-character query, a graph without
    the index): then every target is a candidate."""
    keys = query_keys(contains)
    if keys is None or not has_index(graph):
        return None
    rarest, candidates = _rarest(graph, keys)
    wanted = set(keys)  # compared as text: a store may give "项目" back as "项目"^^xsd:string (the same RDF term)
    return {t for t in candidates if wanted <= {str(key) for key in graph.objects(t, POL.indicatorKey)}}


def candidate_targets(graph: Graph, contains: str) -> set[URIRef]:
    """The targets whose view ``kg.queries.list_targets`` must build for ``contains``: the index's candidates, or,
    where the index cannot answer, the targets whose indicator text contains it, read from the ``pol:indicator``
    triples alone (one predicate's literals, not every target's view)."""
    indexed = indexed_targets(graph, contains)
    if indexed is not None:
        return indexed
    found = {s for s, o in graph.subject_objects(POL.indicator) if contains in str(o)}
    return {s for s in found if (s, RDF.type, POL.Target) in graph}  # type: ignore[misc]


def indicator_pattern(contains: str, target: str = "?target", indicator: str = "?indicator") -> str:
    """The SPARQL 1.1 group-pattern text that keeps the ``target`` whose ``indicator`` (both variables, bound
    elsewhere in the query) contains ``contains``: the index's bound literals (``?target pol:indicatorKey "产值",
    "值率" .``), so a store reads its object index, then the exact ``FILTER(CONTAINS(…))``; the filter alone (the
    scan) when the query has fewer than two keyable characters. The query must declare ``PREFIX pol:``."""
    keys = query_keys(contains)
    bound = f"{target} pol:indicatorKey {', '.join(Literal(k).n3() for k in keys)} .\n  " if keys else ""
    return f"{bound}FILTER(CONTAINS(STR({indicator}), {Literal(contains).n3()}))"


def targets_query(contains: str) -> str:
    """A SPARQL 1.1 SELECT of ``?target ?indicator`` for the targets whose indicator contains ``contains``, for a
    store queried directly (a SPARQL server): ``indicator_pattern`` over every ``pol:Target``."""
    return (f"PREFIX pol: <{POL}>\n"
            "SELECT ?target ?indicator WHERE {\n"
            "  ?target a pol:Target ; pol:indicator ?indicator .\n"
            f"  {indicator_pattern(contains)}\n"
            "}")
