"""Target-by-indicator SPARQL with and without the indicator index (kg.indicators), on generated corpora.

A pool of ``--pool`` documents from ``benchmarks.synthetic`` is parsed and mapped for real (as the scale benchmark
does), replicated to ``--docs`` documents with renamed slugs, and loaded into each backend of the scale benchmark
(``--backends``: the embedded on-disk Oxigraph store, a real ``oxigraph serve`` on loopback). Then every word of
``WORDS`` is asked three ways, each ``--passes`` times:

* ``scan``: the query as it was before the index (every target, ``FILTER(CONTAINS(…))``);
* ``indexed``: the scale benchmark's query with ``kg.indicators.indicator_pattern`` (the keys bound, then the same
  filter);
* ``targets only``: just ``?target ?indicator``, scanned and through the index (``kg.indicators.targets_query``),
  which shows the index's own cost apart from the view's joins (units, documents, optional fields).

The scan and the index must return the same number of rows (checked). ``--views-docs`` times the Python path as
well: ``kg.queries.list_targets`` with the index against the former scan of every target's view (same answer,
checked). Keep the sizes small on a shared machine:
``python -m benchmarks.indicator_index --docs 2000 10000`` takes about ten minutes.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.common import markdown_table, write_results
from benchmarks.scale_corpus import INDICATORS, TARGETS, EmbeddedGraph, ServerGraph, _pool_document, replica_quads
from kg.indicators import indicator_pattern, targets_query

__all__ = ["SCAN", "WORDS", "main"]

# the target-by-indicator query before the index (benchmarks/scale_corpus.py until this change)
SCAN = """PREFIX pol: <https://w3id.org/policykg/ns#>
SELECT ?target ?indicator ?quantity ?unitName ?deadline ?unit ?doc WHERE {
  ?target a pol:Target ; pol:indicator ?indicator ; pol:quantity ?quantity .
  FILTER(CONTAINS(STR(?indicator), "%s"))
  OPTIONAL { ?target pol:unit ?unitName } OPTIONAL { ?target pol:deadline ?deadline }
  ?unit pol:hasTarget ?target ; pol:inDocument ?doc .
}"""
SCAN_TARGETS_ONLY = """PREFIX pol: <https://w3id.org/policykg/ns#>
SELECT ?target ?indicator WHERE {
  ?target a pol:Target ; pol:indicator ?indicator .
  FILTER(CONTAINS(STR(?indicator), "%s"))
}"""
KEYS = """PREFIX pol: <https://w3id.org/policykg/ns#>
SELECT (COUNT(*) AS ?n) WHERE { ?t pol:indicatorKey ?k }"""

# the scale benchmark's five words, a two-character one, a one-character one (the scan by design), a miss
WORDS = (*INDICATORS, "床位", "率", "无此指标")


def _indexed(word: str) -> str:
    """The scale benchmark's query (``TARGETS``, its filter now ``indicator_pattern``) for ``word``."""
    return TARGETS % indicator_pattern(word)


def _time(graph, query: str, passes: int) -> tuple[float, int]:
    ms, rows = [], 0
    for _ in range(passes):
        started = time.perf_counter()
        rows = graph.select(query)
        ms.append(1000 * (time.perf_counter() - started))
    return statistics.median(ms), rows


def run(backend: str, docs: int, pool: list, work: Path, passes: int, batch: int = 1000) -> list[dict]:
    graph = EmbeddedGraph(work / "oxigraph") if backend == "embedded" else ServerGraph(work / "oxigraph")
    started = time.perf_counter()
    for start in range(0, docs, batch):
        graph.load("".join(replica_quads(pool, i) for i in range(start, min(docs, start + batch))))
    graph.finish()
    load_s = time.perf_counter() - started
    triples = graph.count()
    keys = next(iter(graph.store.query(KEYS, use_default_graph_as_union=True)))["n"].value \
        if backend == "embedded" else None
    rows = []
    for word in WORDS:
        scan_ms, scan_rows = _time(graph, SCAN % word, passes)
        indexed_ms, indexed_rows = _time(graph, _indexed(word), passes)
        only_ms, only_rows = _time(graph, targets_query(word), passes)
        scan_only_ms, scan_only_rows = _time(graph, SCAN_TARGETS_ONLY % word, passes)
        if scan_rows != indexed_rows or only_rows != scan_only_rows:
            raise SystemExit(f"{backend} {docs} {word}: scan {scan_rows} rows, index {indexed_rows}")
        rows.append({"backend": backend, "docs": docs, "triples": triples, "key_triples": keys, "load_s": load_s,
                     "word": word, "rows": scan_rows, "scan_ms": scan_ms, "indexed_ms": indexed_ms,
                     "targets_only_ms": only_ms, "scan_targets_only_ms": scan_only_ms})
        logging.info("%s %d %s: %d rows, scan %.1f ms, indexed %.1f ms; targets only: scan %.1f ms, indexed %.1f ms",
                     backend, docs, word, scan_rows, scan_ms, indexed_ms, scan_only_ms, only_ms)
    graph.close()
    return rows


def time_views(pool: list, docs: int, passes: int) -> list[dict]:
    """``kg.queries.list_targets`` as the CLI and the API call it, on ``docs`` documents in an in-memory Oxigraph
    store read through rdflib (as a generation opens): the index's candidates only, against the former way (every
    target's view, then the substring test), whose answer must be the same."""
    import pyoxigraph as ox
    from oxrdflib.store import OxigraphStore
    from rdflib import Graph
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    from kg.queries import list_targets

    inner = ox.Store()
    for start in range(0, docs, 500):
        quads = "".join(replica_quads(pool, i) for i in range(start, min(docs, start + 500)))
        triples = "".join(line.rsplit(" ", 2)[0] + " .\n" for line in quads.splitlines())  # the graph IRI dropped
        inner.bulk_load(triples.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    graph = Graph(store=OxigraphStore(store=inner), identifier=DATASET_DEFAULT_GRAPH_ID)
    rows = []
    for word in WORDS:
        indexed_ms, scan_ms = [], []
        for _ in range(passes):
            started = time.perf_counter()
            indexed = list_targets(graph, indicator_contains=word)
            indexed_ms.append(1000 * (time.perf_counter() - started))
            started = time.perf_counter()
            scanned = [view for view in list_targets(graph) if word in view.indicator]
            scan_ms.append(1000 * (time.perf_counter() - started))
            if indexed != scanned:
                raise SystemExit(f"list_targets {docs} {word}: index {len(indexed)} targets, scan {len(scanned)}")
        rows.append({"docs": docs, "triples": len(inner), "word": word, "targets": len(indexed),
                     "scan_ms": statistics.median(scan_ms), "indexed_ms": statistics.median(indexed_ms)})
        logging.info("list_targets %d %s: %d targets, scan %.0f ms, indexed %.1f ms", docs, word, len(indexed),
                     rows[-1]["scan_ms"], rows[-1]["indexed_ms"])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="*", default=[2000, 10000], help="sizes of the SPARQL part")
    parser.add_argument("--views-docs", type=int, nargs="*", default=[2000], help="sizes of the list_targets part")
    parser.add_argument("--out", default="indicator_index", help="name of the result files in benchmarks/results/")
    parser.add_argument("--pool", type=int, default=200, help="documents parsed for real (then replicated)")
    parser.add_argument("--backends", nargs="+", choices=("embedded", "server"), default=["embedded", "server"])
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("kg.build").setLevel(logging.ERROR)
    started = time.perf_counter()
    pool = [_pool_document(i) for i in range(args.pool)]
    logging.info("pool of %d documents parsed in %.1f s", args.pool, time.perf_counter() - started)
    rows = []
    for docs in args.docs:
        for backend in args.backends:
            with tempfile.TemporaryDirectory(prefix="policykg-indicator-index-") as work:
                rows += run(backend, docs, pool, Path(work), args.passes)
    header = ["backend", "docs", "triples", "key triples", "word", "rows", "scan ms", "indexed ms", "speed-up",
              "targets only: scan ms", "indexed ms"]
    table = [[r["backend"], r["docs"], r["triples"], r["key_triples"] if r["key_triples"] is not None else "",
              r["word"], r["rows"], round(r["scan_ms"], 1), round(r["indexed_ms"], 1),
              f"{r['scan_ms'] / max(r['indexed_ms'], 1e-3):.1f}×", round(r["scan_targets_only_ms"], 1),
              round(r["targets_only_ms"], 1)] for r in rows]
    views = [row for docs in args.views_docs for row in time_views(pool, docs, args.passes)]
    markdown = markdown_table(header, table) if table else ""
    if views:
        markdown += ("\n\nkg.queries.list_targets (the CLI's and the API's query), in-memory Oxigraph through rdflib:\n\n"
                     + markdown_table(["docs", "triples", "word", "targets", "scan ms", "indexed ms", "speed-up"],
                                      [[v["docs"], v["triples"], v["word"], v["targets"], round(v["scan_ms"]),
                                        round(v["indexed_ms"], 1), f"{v['scan_ms'] / max(v['indexed_ms'], 1e-3):.0f}×"]
                                       for v in views]))
    write_results(args.out, {"pool": args.pool, "passes": args.passes, "rows": rows, "views": views}, markdown)


if __name__ == "__main__":
    main()
