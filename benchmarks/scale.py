"""Scale: build time, memory and query latency of BM25, exact FAISS (IndexFlatIP) and HNSW on N synthetic units.

The corpus is the seed plan's sentences recombined (3–6 per unit, a fixed random seed), so its vocabulary is
the seed's: every token's posting list is long, which is the hard case for BM25.  Encoding 100k passages
with e5 on two cores takes hours, so the vectors are made like this, and the table says so:

* ``--sample`` synthetic units are embedded with e5-small for real (``passage:``);
* every other unit gets ``normalise(λ·v_a + (1−λ)·v_b + σ·g/√d)`` of two sampled real vectors v_a, v_b,
  λ ~ U(0, 1), g standard normal, σ = ``--noise``: points between real ones, not copies of them;
* the queries are the dev and own questions embedded with e5-small for real (``query:``).

Each size runs in a fresh subprocess so that its resident memory (psutil RSS) is its own.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from benchmarks.common import ROOT, load_corpus, load_questions, markdown_table, write_results

SEED = 20180101
EF_SEARCH = (64, 128, 256, 512)  # HNSW search breadths tried at every size
EPSILON = 0.01  # of ε-recall (ann-benchmarks)
_SENTENCE = re.compile(r"[^。；！？]+[。；！？]")
_INDEXED = ("measure", "safeguard", "goal", "principle", "guideline")


def seed_sentences() -> list[str]:
    """The sentences of every indexed unit of the corpus, in order, each once."""
    from search import index_units

    units = [u for u in index_units(load_corpus()) if u.kind in _INDEXED]
    return list(dict.fromkeys(s.strip() for u in units for s in _SENTENCE.findall(u.text) if len(s.strip()) > 4))


def synthetic_texts(sentences: list[str], n: int, seed: int = SEED) -> list[str]:
    """``n`` unit texts of 3–6 distinct seed sentences each; the same ``seed`` gives the same texts."""
    rng = random.Random(seed)
    return ["".join(rng.sample(sentences, rng.randint(3, 6))) for _ in range(n)]


def synthetic_vectors(real: np.ndarray, n: int, noise: float, seed: int = SEED) -> np.ndarray:
    """``n`` unit rows: the real ones first, then mixtures of two real rows with Gaussian noise."""
    from search.encoders.base import normalise_rows

    rng = np.random.default_rng(seed)
    sample, dim = real.shape
    out = np.empty((n, dim), dtype=np.float32)
    out[: min(n, sample)] = real[:n]
    for start in range(sample, n, 10_000):  # in chunks: no float64 copy of the whole matrix
        m = min(10_000, n - start)
        a, b = rng.integers(0, sample, size=(2, m))
        lam = rng.uniform(0.0, 1.0, size=(m, 1)).astype(np.float32)
        mixed = lam * real[a] + (1 - lam) * real[b]
        mixed += (noise / np.sqrt(dim)) * rng.standard_normal((m, dim), dtype=np.float32)
        out[start : start + m] = normalise_rows(mixed)
    return out


class _FixedEncoder:
    """Returns the precomputed e5 vector of each benchmark question: timings exclude the encoder."""

    name = "e5-small"

    dim = 384

    def __init__(self, queries: dict[str, np.ndarray]) -> None:
        self.queries = queries

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return np.stack([self.queries[t] for t in texts])

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError("passages are embedded once, in the parent process")


def _rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def _percentiles(ms: list[float]) -> tuple[float, float]:
    return float(np.percentile(ms, 50)), float(np.percentile(ms, 95))


def _timed(fn, items, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        for item in items:
            t = time.perf_counter()
            fn(item)
            out.append((time.perf_counter() - t) * 1000)
    return out


def run_size(n: int, sample_file: Path, noise: float, repeat: int) -> dict:
    """One size, in this process: build everything, measure, return the figures."""
    from search import SearchIndex, SearchSettings
    from search.bm25 import BM25Retriever
    from search.hybrid import domain_words
    from search.dense import DenseRetriever
    from search.lexicon import load_scheme_labels
    from search.tokenize import Tokenizer
    from search.types import IndexUnit

    data = np.load(sample_file, allow_pickle=False)
    real, query_vectors = data["passages"], data["queries"]
    questions = json.loads(str(data["questions"]))
    concepts = load_scheme_labels()
    rss = {"start": _rss_mb()}

    texts = synthetic_texts(json.loads(str(data["sentences"])), n)
    units = [IndexUnit(id=f"u{i}", kind="measure", document="synthetic", document_title="synthetic", path=str(i),
                       title=t[:12], text=t, index_text=t, start=0, end=len(t)) for i, t in enumerate(texts)]
    rss["corpus"] = _rss_mb()

    # The index's own build path for BM25: the segmenter with the domain words, then bm25s.
    started = time.perf_counter()
    words = domain_words([], concepts)
    tokenizer = Tokenizer(words)
    bm25 = BM25Retriever.build([tokenizer.tokens(t) for t in texts])
    bm25_s = time.perf_counter() - started
    rss["bm25"] = _rss_mb()

    vectors = synthetic_vectors(real, n, noise)
    rss["vectors"] = _rss_mb()
    started = time.perf_counter()
    flat = DenseRetriever.build(vectors, kind="flat")
    flat_s = time.perf_counter() - started
    rss["flat"] = _rss_mb()
    started = time.perf_counter()
    hnsw = DenseRetriever.build(vectors, kind="hnsw")
    hnsw_s = time.perf_counter() - started
    rss["hnsw"] = _rss_mb()

    settings = SearchSettings()
    index = SearchIndex(units, _FixedEncoder({}), bm25, flat, concepts, words, settings)
    index.encoder.queries = {index.plan(q).dense_text: v for q, v in zip(questions, query_vectors, strict=True)}
    pool = settings.candidates

    def bm25_query(q: str) -> None:
        index._top(index.lexical_scores(index.plan(q)), pool)

    for q in questions:  # warm-up
        bm25_query(q)
    timings = {
        "bm25": _timed(bm25_query, questions, repeat),
        "flat": _timed(lambda v: flat.retrieve(v, pool), query_vectors, repeat),
        "hnsw": _timed(lambda v: hnsw.retrieve(v, pool), query_vectors, repeat),
        "search_flat": _timed(lambda q: index.search(q), questions, repeat),
    }
    index.dense = hnsw
    timings["search_hnsw"] = _timed(lambda q: index.search(q), questions, repeat)

    exact = [flat.retrieve(v, 10) for v in query_vectors]

    def recalls() -> tuple[float, float]:
        """recall@10 against exact, and ε-recall@10 (ann-benchmarks: a returned row counts when its
        distance 1 − cos is within (1 + ε) of the exact 10th's, ε = 0.01): near-ties count as found."""
        strict, loose = [], []
        for e, v in zip(exact, query_vectors, strict=True):
            got = hnsw.retrieve(v, pool)[:10]
            strict.append(len({s.doc for s in e} & {s.doc for s in got}) / len(e))
            tenth = 1 - e[-1].score
            loose.append(sum(1 - s.score <= (1 + EPSILON) * tenth for s in got) / len(e))
        return float(np.mean(strict)), float(np.mean(loose))

    default_ef = hnsw.index.hnsw.efSearch
    recall, eps_recall = recalls()
    by_ef = {}
    for ef in EF_SEARCH:
        hnsw.index.hnsw.efSearch = ef
        p50, p95 = _percentiles(_timed(lambda v: hnsw.retrieve(v, pool), query_vectors, repeat))
        strict, loose = recalls()
        by_ef[ef] = {"recall_at_10": strict, "eps_recall_at_10": loose, "p50_ms": p50, "p95_ms": p95}
    hnsw.index.hnsw.efSearch = default_ef
    gaps = [e[0].score - e[-1].score for e in exact]
    return {
        "units": n, "sample": len(real), "noise": noise, "queries": len(questions), "repeat": repeat,
        "build_s": {"bm25": bm25_s, "flat": flat_s, "hnsw": hnsw_s},
        "rss_mb": rss,
        "p50_ms": {k: _percentiles(v)[0] for k, v in timings.items()},
        "p95_ms": {k: _percentiles(v)[1] for k, v in timings.items()},
        "hnsw_recall_at_10": recall,
        "hnsw_eps_recall_at_10": eps_recall,
        "exact_top1_minus_top10_cos": float(np.mean(gaps)),
        "hnsw_by_ef_search": by_ef,
        "hnsw": {"M": hnsw.index.hnsw.nb_neighbors(1), "efConstruction": hnsw.index.hnsw.efConstruction,
                 "efSearch": hnsw.index.hnsw.efSearch},
        "tokens_per_unit": float(np.mean([len(tokenizer.tokens(t)) for t in texts[:1000]])),
    }


def embed_sample(sample: int, path: Path) -> float:
    """Embed ``sample`` synthetic units and every benchmark question with e5; save them to ``path``."""
    from search import get_encoder
    from search.expand import QueryExpander
    from search.lexicon import load_scheme_labels

    sentences = seed_sentences()
    questions = list(dict.fromkeys(q["question"] for name in ("dev", "own")
                                   for q in load_questions(ROOT / "benchmarks" / "questions" / f"{name}.jsonl")))
    encoder = get_encoder("e5-small")
    expander = QueryExpander(load_scheme_labels())
    started = time.perf_counter()
    passages = encoder.encode_passages(synthetic_texts(sentences, sample))
    # what search() embeds: the question, plus the concepts' Chinese labels for an English one
    queries = np.stack([encoder.encode_queries([expander.plan(q).dense_text])[0] for q in questions])
    seconds = time.perf_counter() - started
    np.savez(path, passages=passages, queries=queries, questions=json.dumps(questions, ensure_ascii=False),
             sentences=json.dumps(sentences, ensure_ascii=False))
    return seconds


def _row(r: dict) -> list:
    p50, p95, b, rss = r["p50_ms"], r["p95_ms"], r["build_s"], r["rss_mb"]
    return [f"{r['units']:,}", f"{b['bm25']:.1f}", f"{b['flat']:.2f}", f"{b['hnsw']:.1f}",
            f"{rss['bm25'] - rss['corpus']:.0f}", f"{rss['flat'] - rss['vectors']:.0f}",
            f"{rss['hnsw'] - rss['flat']:.0f}", f"{rss['hnsw']:.0f}",
            f"{p50['bm25']:.2f} / {p95['bm25']:.2f}", f"{p50['flat']:.2f} / {p95['flat']:.2f}",
            f"{p50['hnsw']:.2f} / {p95['hnsw']:.2f}",
            f"{r['hnsw_recall_at_10']:.3f} / {r['hnsw_eps_recall_at_10']:.3f}",
            f"{r['exact_top1_minus_top10_cos']:.4f}",
            f"{p50['search_flat']:.1f} / {p95['search_flat']:.1f}",
            f"{p50['search_hnsw']:.1f} / {p95['search_hnsw']:.1f}"]


HEADER = ["units", "build BM25 s", "build flat s", "build HNSW s", "RSS BM25 MB", "RSS flat MB", "RSS HNSW MB",
          "RSS total MB", "BM25 p50/p95 ms", "flat p50/p95 ms", "HNSW p50/p95 ms", "HNSW recall@10 / ε-recall@10",
          "exact cos top1 − top10",
          "search() flat p50/p95 ms", "search() HNSW p50/p95 ms"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, nargs="+", default=[100_000], help="corpus sizes (default 100000)")
    parser.add_argument("--sample", type=int, default=200, help="synthetic units embedded with e5 for real")
    # σ = 0.15 with λ ~ U(0, 1) makes synthetic rows look like real e5 rows of recombined units: pairwise
    # cosine 0.931 ± 0.013 and nearest-neighbour cosine 0.962 among 100, against 0.930 ± 0.014 and 0.968
    # for 100 held-out real units.  (λ ~ U(0.6, 1) piled 500 near-copies round each real row instead.)
    parser.add_argument("--noise", type=float, default=0.15, help="σ of the Gaussian added to mixed vectors")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the questions per timing")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--sample-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(run_size(args.worker, args.sample_file, args.noise, args.repeat)))
        return

    with tempfile.TemporaryDirectory(prefix="policykg-scale-") as tmp:
        sample_file = Path(tmp) / "sample.npz"
        embed_s = embed_sample(args.sample, sample_file)
        print(f"embedded {args.sample} units and the questions with e5-small in {embed_s:.1f} s", file=sys.stderr)
        results = []
        for n in args.units:
            started = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "benchmarks.scale", "--worker", str(n), "--sample-file",
                                   str(sample_file), "--noise", str(args.noise), "--repeat", str(args.repeat)],
                                  capture_output=True, text=True, cwd=ROOT, check=False)
            if done.returncode != 0:
                sys.exit(f"size {n} failed:\n{done.stderr}")
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
            print(f"{n:,} units done in {time.perf_counter() - started:.0f} s", file=sys.stderr)

    first = results[0]
    table = markdown_table(HEADER, [_row(r) for r in results])
    table += ("\n\nHNSW search breadth: recall@10 / ε-recall@10 against exact · p50 / p95 ms of one top-50 "
              "query\n\n")
    table += markdown_table(["units", *(f"efSearch {ef}" for ef in EF_SEARCH)], [
        [f"{r['units']:,}", *(f"{e['recall_at_10']:.3f} / {e['eps_recall_at_10']:.3f} · {e['p50_ms']:.2f} / "
                              f"{e['p95_ms']:.2f}" for e in r["hnsw_by_ef_search"].values())] for r in results])
    table += (
        f"\n\nCorpus: the seed plan's {len(seed_sentences())} sentences recombined, 3–6 per unit "
        f"(≈{first['tokens_per_unit']:.0f} BM25 tokens a unit), random seed {SEED}. "
        f"Vectors: {first['sample']} units embedded with e5-small (real); every other unit is "
        f"normalise(λ·v_a + (1−λ)·v_b + σ·g/√384) of two of those, λ ~ U(0, 1), σ = {first['noise']} — "
        "synthetic, not encoder output. "
        f"Queries: the {first['queries']} dev and own questions embedded with e5-small (real), "
        f"{first['repeat']} passes; latencies exclude query encoding. "
        f"HNSW: M = {first['hnsw']['M']}, efConstruction = {first['hnsw']['efConstruction']}, "
        f"efSearch = {first['hnsw']['efSearch']} (search/dense.py defaults); recall@10 is against exact "
        "IndexFlatIP; ε-recall@10 (ann-benchmarks, ε = 0.01) also counts a returned row whose distance "
        "1 − cos is within 1 % of the exact 10th's, i.e. near-ties. "
        "BM25 = tokenize + expand + score + top-50; flat/HNSW = top-50 of one query vector; "
        "search() = the whole fused search with its hits and context, encoder excluded. "
        "RSS columns are the growth of the process's resident memory while that part was built."
    )
    write_results("scale", {"embed_sample_s": embed_s, "results": results}, table)


if __name__ == "__main__":
    main()
