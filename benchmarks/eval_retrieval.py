"""Retrieval quality on a question file: hit@1, hit@3, MRR@10 per language for BM25, dense, RRF, weighted."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from benchmarks.common import load_corpus, load_questions, markdown_table, write_results
from search import SearchIndex, SearchSettings, get_encoder, index_units
from search.metrics import hit_at_k, mean, reciprocal_rank

METHODS = ("bm25", "dense", "rrf", "weighted")


def evaluate(index: SearchIndex, questions: list[dict], k: int = 10) -> dict:
    """Per method and language: hit@1, hit@3, MRR@10, and the questions missed at rank 1."""
    out: dict = {}
    for method in METHODS:
        per_lang: dict[str, dict] = {}
        for q in questions:
            hits = index.search(q["question"], k=k, fusion=method).hits
            relevant = [any(a in h.text for a in q["answers"]) for h in hits]
            row = per_lang.setdefault(q["lang"], {"hit1": [], "hit3": [], "rr": [], "missed": []})
            row["hit1"].append(hit_at_k(relevant, 1))
            row["hit3"].append(hit_at_k(relevant, 3))
            row["rr"].append(reciprocal_rank(relevant, 10))
            if not relevant or not relevant[0]:
                row["missed"].append({"question": q["question"], "top": hits[0].text[:40] if hits else ""})
        out[method] = {lang: {"n": len(r["hit1"]), "hit@1": mean(r["hit1"]), "hit@3": mean(r["hit3"]),
                              "mrr@10": mean(r["rr"]), "missed": r["missed"]} for lang, r in per_lang.items()}
    return out


def _versus_best(results: dict, method: str, lang: str) -> str:
    """For a fusion: how many more (+) or fewer (−) questions it answers at rank 1 than the better of
    BM25 and dense alone; a fusion should never be worse than its best component by more than noise."""
    if method in ("bm25", "dense"):
        return ""
    n = results[method][lang]["n"]
    best = max(results[m][lang]["hit@1"] for m in ("bm25", "dense"))
    return f"{round((results[method][lang]['hit@1'] - best) * n):+d}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=Path, default=Path("benchmarks/questions/dev.jsonl"))
    parser.add_argument("--encoder", default="e5-small")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    documents = load_corpus()
    units = index_units(documents)
    started = time.perf_counter()
    index = SearchIndex.build(units, get_encoder(args.encoder), SearchSettings())
    build_s = time.perf_counter() - started
    questions = load_questions(args.questions)
    results = evaluate(index, questions)
    rows = [[method, lang, r["n"], r["hit@1"], r["hit@3"], r["mrr@10"], _versus_best(results, method, lang)]
            for method, by_lang in results.items() for lang, r in sorted(by_lang.items(), reverse=True)]
    table = markdown_table(["method", "lang", "n", "hit@1", "hit@3", "MRR@10", "vs best single (questions @1)"],
                           rows)
    table += (f"\n\n{len(units)} units, encoder {args.encoder}, index built in {build_s:.2f} s, questions "
              f"{args.questions}; a hit is right when its text holds one of the question's answers.")
    misses = [[method, lang, m["question"], m["top"]] for method in ("weighted", "rrf")
              for lang, r in sorted(results[method].items(), reverse=True) for m in r["missed"]]
    if misses:
        table += "\n\nMissed at rank 1 by the fusions (the first hit's text):\n\n"
        table += markdown_table(["fusion", "lang", "question", "first hit"], misses)
    if args.show_misses:
        for method, lang, question, top in misses:
            print(f"[{method} {lang}] {question} → {top}")
    write_results(f"eval_{args.questions.stem}_{args.encoder.replace(':', '_').replace('/', '_')}",
                  {"encoder": args.encoder, "units": len(units), "questions": str(args.questions), "results": results},
                  table)


if __name__ == "__main__":
    main()
