"""Do the two search backends agree?  The same first hit from bm25s + FAISS (local) and Milvus (milvus-lite
here; the same code talks to a server) on every question set, with the differences listed.

The seed-plan sets (dev, own, holdout, users_tune, users_untouched) are asked of an index of corpus/; the
users_docs and users_fresh sets of an index of corpus/ plus the extraction documents (benchmarks/extraction/docs and holdout),
which they cover.  Both backends get the same units, the same vectors (each text embedded once, shared) and
the same expansion, fusion and boosts: only where the BM25 and dense candidates come from differs.  Milvus
tokenises with its own jieba analyzer, so the lexical scores differ; the table also shows how often the
BM25-only rankings agree, and hit@1 (the answer phrase in the first hit) of each backend.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np

from benchmarks.common import ROOT, load_corpus, load_questions, markdown_table, write_results
from search import SearchIndex, SearchSettings, get_encoder, index_units

SEED_SETS = ("dev", "own", "holdout", "users_tune", "users_untouched")
DOCS_SETS = ("users_docs_tune", "users_docs_untouched", "users_fresh_tune", "users_fresh_untouched")
QUESTIONS = ROOT / "benchmarks" / "questions"
EXTRACTION = ROOT / "benchmarks" / "extraction"


class SharedVectors:
    """An encoder that embeds each text once and hands the same vector to every index built with it."""

    def __init__(self, encoder) -> None:
        self.inner = encoder
        self.name, self.dim = encoder.name, encoder.dim
        self.query_prompt = getattr(encoder, "query_prompt", "")
        self.passage_prompt = getattr(encoder, "passage_prompt", "")
        self._cache: dict[tuple[str, str], np.ndarray] = {}

    def _encode(self, side: str, texts: list[str]) -> np.ndarray:
        todo = [t for t in dict.fromkeys(texts) if (side, t) not in self._cache]
        if todo:
            fresh = getattr(self.inner, f"encode_{side}")(todo)
            self._cache.update({(side, t): v for t, v in zip(todo, fresh, strict=True)})
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._cache[(side, t)] for t in texts]).astype(np.float32)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode("queries", texts)

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode("passages", texts)


def first_hits(index: SearchIndex, questions: list[dict], fusion: str | None = None) -> list:
    """Each question's first hit (None when nothing is found)."""
    out = []
    for q in questions:
        hits = index.search(q["question"], k=3, fusion=fusion).hits
        out.append(hits[0] if hits else None)
    return out


def _where(hit) -> str:
    """A hit named by its document and path (not its text: some documents are kept aside for measurement)."""
    return f"{hit.document} {hit.path} ({hit.kind})" if hit else "—"


def answered(hit, question: dict) -> bool:
    return hit is not None and any(a in hit.text for a in question.get("answers", []))


def compare(name: str, local: SearchIndex, milvus: SearchIndex, questions: list[dict]) -> dict:
    """Agreement of the two backends' first hits (fused and BM25-only) on one question set."""
    fused_l, fused_m = first_hits(local, questions), first_hits(milvus, questions)
    lex_l, lex_m = first_hits(local, questions, "bm25"), first_hits(milvus, questions, "bm25")

    def same(a, b) -> bool:
        return (a.iri if a else None) == (b.iri if b else None)

    differences = [
        {"question": q["question"], "local": _where(a), "milvus": _where(b),
         "local_answers": answered(a, q), "milvus_answers": answered(b, q)}
        for q, a, b in zip(questions, fused_l, fused_m, strict=True) if not same(a, b)]
    answerable = [i for i, q in enumerate(questions) if q.get("answers")]
    return {
        "set": name, "n": len(questions),
        "same_first": sum(same(a, b) for a, b in zip(fused_l, fused_m, strict=True)),
        "same_first_bm25": sum(same(a, b) for a, b in zip(lex_l, lex_m, strict=True)),
        "answerable": len(answerable),
        "hit1_local": sum(answered(fused_l[i], questions[i]) for i in answerable),
        "hit1_milvus": sum(answered(fused_m[i], questions[i]) for i in answerable),
        "differences": differences,
    }


def build_pair(units, encoder, milvus_uri: str) -> tuple[SearchIndex, SearchIndex, float, float]:
    started = time.perf_counter()
    local = SearchIndex.build(units, encoder, SearchSettings())
    local_s = time.perf_counter() - started
    started = time.perf_counter()
    milvus = SearchIndex.build(units, encoder, SearchSettings(backend="milvus", milvus_uri=milvus_uri))
    return local, milvus, local_s, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--encoder", default="e5-small")
    parser.add_argument("--milvus-uri", default="", help="a Milvus server or *.db file (default: a temporary "
                                                         "milvus-lite file)")
    args = parser.parse_args()
    encoder = SharedVectors(get_encoder(args.encoder))
    tmp = tempfile.TemporaryDirectory(prefix="policykg-agreement-")
    uri = args.milvus_uri or str(Path(tmp.name) / "milvus.db")
    seed_docs = load_corpus()
    extra_docs = load_corpus(EXTRACTION / "docs") + load_corpus(EXTRACTION / "holdout")
    scopes = [("corpus/", index_units(seed_docs), SEED_SETS),
              ("corpus/ + extraction docs", index_units(seed_docs + extra_docs), DOCS_SETS)]
    results, builds = [], []
    for scope, units, sets in scopes:
        local, milvus, local_s, milvus_s = build_pair(units, encoder, uri)
        builds.append({"scope": scope, "units": len(units), "local_build_s": round(local_s, 1),
                       "milvus_build_s": round(milvus_s, 1)})
        for name in sets:
            results.append({"scope": scope, **compare(name, local, milvus, load_questions(QUESTIONS / f"{name}.jsonl"))})
        milvus.backend.drop()
    total = sum(r["n"] for r in results)
    same = sum(r["same_first"] for r in results)
    rows = [[r["set"], r["scope"], r["n"], r["same_first"], f"{100 * r['same_first'] / r['n']:.1f} %",
             f"{100 * r['same_first_bm25'] / r['n']:.1f} %", f"{r['hit1_local']}/{r['answerable']}",
             f"{r['hit1_milvus']}/{r['answerable']}"] for r in results]
    rows.append(["all", "", total, same, f"{100 * same / total:.1f} %",
                 f"{100 * sum(r['same_first_bm25'] for r in results) / total:.1f} %",
                 f"{sum(r['hit1_local'] for r in results)}/{sum(r['answerable'] for r in results)}",
                 f"{sum(r['hit1_milvus'] for r in results)}/{sum(r['answerable'] for r in results)}"])
    table = markdown_table(["set", "index of", "n", "same first hit", "share", "same first hit, BM25 only",
                            "hit@1 local", "hit@1 milvus"], rows)
    diff_rows = [[r["set"], d["question"], d["local"] + (" ✓" if d["local_answers"] else ""),
                  d["milvus"] + (" ✓" if d["milvus_answers"] else "")] for r in results for d in r["differences"]]
    build_rows = [[b["scope"], b["units"], b["local_build_s"], b["milvus_build_s"]] for b in builds]
    markdown = (
        "# Search backends: local (bm25s + FAISS) vs Milvus (milvus-lite)\n\n"
        f"Encoder {args.encoder}; the same units, vectors, expansion and fusion on both sides.  "
        f"**{same}/{total} questions ({100 * same / total:.1f} %) get the same first hit.**  "
        "\"BM25 only\" compares the lexical rankings alone (Milvus analyses text with jieba, we with our own "
        "words + bigrams).  hit@1: the first hit holds an answer phrase, over the answerable questions.\n\n"
        f"{table}\n\n## Build\n\n"
        + markdown_table(["index of", "units", "local build s", "milvus build s"], build_rows)
        + "\n\n(each text is embedded once and shared, so the Milvus build time is mostly inserting and indexing)"
        + "\n\n## Questions whose first hit differs (✓: the hit holds an answer phrase)\n\n"
        + (markdown_table(["set", "question", "local first hit", "milvus first hit"], diff_rows)
           if diff_rows else "none")
    )
    write_results("backends_agreement", {"results": results, "builds": builds, "same": same, "total": total},
                  markdown)
    tmp.cleanup()


if __name__ == "__main__":
    main()
