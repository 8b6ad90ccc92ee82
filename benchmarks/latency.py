"""Warm query latency p50/p95 over the dev questions, index build time, and where the time goes."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from benchmarks.common import load_corpus, load_questions, markdown_table, write_results
from search import SearchIndex, get_encoder, index_units


def _ms(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=Path, default=Path("benchmarks/questions/dev.jsonl"))
    parser.add_argument("--encoder", default="e5-small")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    encoder = get_encoder(args.encoder)
    t = time.perf_counter()
    units = index_units(load_corpus())
    parse_s = time.perf_counter() - t
    t = time.perf_counter()
    index = SearchIndex.build(units, encoder)
    build_s = time.perf_counter() - t
    questions = [q["question"] for q in load_questions(args.questions)]
    for q in questions:  # warm-up
        index.search(q)
    total, enc, lex, den = [], [], [], []
    for _ in range(args.repeat):
        for q in questions:
            plan = index.plan(q)
            vec = encoder.encode_queries([plan.dense_text])[0]
            total += _ms(lambda: index.search(q), 1)
            enc += _ms(lambda: encoder.encode_queries([plan.dense_text]), 1)
            lex += _ms(lambda: index.lexical_scores(plan), 1)
            den += _ms(lambda: index.dense.retrieve(vec, 50), 1)
    p = lambda xs, q: float(np.percentile(xs, q))  # noqa: E731
    rows = [[name, p(xs, 50), p(xs, 95)] for name, xs in
            [("search() total", total), ("encoder (query embedding)", enc), ("BM25 (tokenize + score)", lex),
             ("FAISS flat top-50", den)]]
    rest = p(total, 50) - p(enc, 50) - p(lex, 50) - p(den, 50)
    rows.append(["expansion, fusion, context, highlights (p50 remainder)", rest, ""])
    table = markdown_table(["stage", "p50 ms", "p95 ms"], rows)
    table += (f"\n\n{len(units)} units; parse {parse_s:.2f} s; index build {build_s:.2f} s (encoder {args.encoder}); "
              f"{len(total)} warm queries")
    write_results("latency", {"units": len(units), "build_s": build_s, "parse_s": parse_s,
                              "rows": [[r[0], r[1], r[2]] for r in rows]}, table)


if __name__ == "__main__":
    main()
