"""Would a learned fusion or a learned "nothing relevant" beat the hand-set ones?  Cross-validated inside the
*tune* halves only (users_tune over the seed, users_docs_tune and users_fresh_tune over the 17 documents).

Ranking: every candidate the search considers for a question (BM25's and the dense side's best 50, the best 200
sentences' units) is described by a few features: BM25 (own words and expansions, scaled by the question's
best) and its rank, the unit's and its best sentence's cosine (less the question's best) and the dense rank,
the unit's kind, the who/when/number routing and place matches, its number of sentences, and English
interactions.  A linear scorer is fit as a listwise softmax over each question's candidates (L2-regularised,
L-BFGS), 5-fold over questions; its hit@1 on the held-out folds is set beside the hand-set fusion's.

"Nothing relevant": per language, a logistic regression on the question's best cosine, the share of its words
(English: their translations) the index holds, the share found in the first hit, the best BM25 (log), the
concepts it names and the top-2 margin, with the threshold set for precision ≥ 0.95 on the training sets;
fit on two tune sets and judged on the third (leave one set out), beside the calibrated cosine floor.

Never run on ``*_untouched``."""

from __future__ import annotations

import argparse
import math
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from benchmarks.common import ROOT, load_questions, markdown_table, write_results
from benchmarks.eval_users import TUNE, CachedEncoder, tune_indexes
from search import SearchIndex
from search.sentences import split_sentences
from search.tokenize import STOPWORDS

FEATURES = ("bm25", "bm25 rank", "unit cosine", "sentence cosine", "dense rank", "annex", "preamble", "target",
            "goal", "chapter", "who", "when", "number", "place", "sentences", "no BM25", "en × bm25",
            "en × sentence cosine")
FOLDS = 5


def candidate_features(index: SearchIndex, question: str) -> tuple[list[int], np.ndarray]:
    """The candidate rows of ``question`` and their feature matrix (one row per candidate, FEATURES)."""
    plan = index.plan(question)
    n = len(index.units)
    pool = min(n, index.settings.candidates)
    bm = index.lexical_scores(plan, pool)
    lexical = index._top(bm, pool)
    vector = index.query_vector(plan.dense_text or plan.text)
    whole = {s.doc: s.score for s in index.backend.dense(vector, n)}
    best = {s.doc: s.score for s in index.backend.sentences(vector, n * 20)}
    rows = sorted({s.doc for s in lexical} | {d for d, _ in sorted(whole.items(), key=lambda i: -i[1])[:pool]}
                  | {d for d, _ in sorted(best.items(), key=lambda i: -i[1])[:pool * 4]})
    sentence = {d: best.get(d, whole[d]) for d in rows}
    w = index.settings.sentence_weight
    dense_rank = {d: r for r, d in enumerate(sorted(rows, key=lambda d: -((1 - w) * whole[d] + w * sentence[d])))}
    bm_rank = {s.doc: r for r, s in enumerate(lexical)}
    top_bm, top_whole, top_sentence = max(float(bm.max()), 1e-9), max(whole.values()), max(sentence.values())
    asked = index.places.in_question(plan.text)
    en = float(plan.language == "en")
    matrix = []
    for d in rows:
        unit = index.units[d]
        number = plan.quantitative and (unit.target is not None or (unit.kind == "goal" and bool(unit.context.targets)))
        matrix.append([bm[d] / top_bm, 1 / (1 + bm_rank.get(d, 2 * pool)), whole[d] - top_whole,
                       sentence[d] - top_sentence, 1 / (1 + dense_rank[d]), unit.kind == "annex",
                       unit.kind == "preamble", unit.kind == "target", unit.kind == "goal", unit.kind == "chapter",
                       plan.asks_who and index._states_owner[d], plan.asks_when and index._states_time[d], number,
                       bool(asked and index._places_of_row[d] & asked), math.log1p(len(split_sentences(unit.text))),
                       bm[d] == 0, en * bm[d] / top_bm, en * (sentence[d] - top_sentence)])
    return rows, np.asarray(matrix, dtype=float)


def _listwise_loss(w: np.ndarray, items: list, lam: float) -> tuple[float, np.ndarray]:
    """−Σ log P(gold | question) under a softmax over each question's candidates, plus λ‖w‖²."""
    loss, grad = lam * float(w @ w), 2 * lam * w
    for x, gold in items:
        s = x @ w
        p = np.exp(s - s.max())
        p /= p.sum()
        pg = p * gold
        loss -= math.log(pg.sum() + 1e-12)
        grad -= x.T @ (pg / pg.sum()) - x.T @ p
    return loss, grad


def fit_ranker(items: list, lam: float) -> np.ndarray:
    return minimize(_listwise_loss, np.zeros(items[0][0].shape[1]), args=(items, lam), jac=True,
                    method="L-BFGS-B").x


def question_features(index: SearchIndex, question: str) -> np.ndarray:
    """What the "nothing relevant" model sees of one question (module docstring)."""
    plan = index.plan(question)
    dense = index.dense_candidates(plan, index.settings.candidates)
    result = index.search(question, k=1)
    words = ([w for w in index.tokenizer.words(plan.text) if len(w) >= 2 and w not in STOPWORDS]
             if plan.language == "zh" else plan.translation_terms + plan.key_terms)
    known = sum(index.backend.document_frequency(w) > 0 for w in words) / max(1, len(words))
    in_top = sum(w in result.hits[0].text for w in words) / max(1, len(words)) if result.hits else 0.0
    bm = float(index.lexical_scores(plan, index.settings.candidates).max())
    margin = dense[0].score - dense[1].score if len(dense) > 1 else 0.0
    return np.array([dense[0].score, known, in_top, math.log1p(bm), min(len(plan.concepts), 2), 10 * margin])


def fit_detector(x: np.ndarray, y: np.ndarray, lam: float = 0.1) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Class-balanced L2 logistic regression on standardised features; (weights with bias, mean, scale)."""
    mu, sd = x.mean(0), x.std(0) + 1e-9
    a = np.c_[(x - mu) / sd, np.ones(len(x))]
    balance = np.where(y > 0, (1 - y).sum() / max(1.0, y.sum()), 1.0)

    def loss(w):
        p = 1 / (1 + np.exp(-(a @ w)))
        value = -(balance * (y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12))).sum() + lam * w[:-1] @ w[:-1]
        g = a.T @ (balance * (p - y))
        g[:-1] += 2 * lam * w[:-1]
        return value, g

    return minimize(loss, np.zeros(a.shape[1]), jac=True).x, mu, sd


def detector_scores(model, x: np.ndarray) -> np.ndarray:
    w, mu, sd = model
    return 1 / (1 + np.exp(-(((x - mu) / sd) @ w[:-1] + w[-1])))


def threshold_for_precision(scores: np.ndarray, y: np.ndarray, precision: float = 0.95) -> float:
    """The lowest score threshold whose flagged questions are unanswerable at least ``precision`` of the time."""
    best, tp, fp = math.inf, 0, 0
    for s, positive in sorted(zip(scores, y), key=lambda i: -i[0]):
        tp, fp = tp + positive, fp + (not positive)
        if tp / (tp + fp) >= precision:
            best = s
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--encoder", default="e5-small")
    parser.add_argument("--vector-cache", type=Path, default=None)
    parser.add_argument("--lam", type=float, nargs="+", default=[0.01, 0.1, 1.0])
    args = parser.parse_args()
    encoder, indexes = tune_indexes(args.encoder, args.vector_cache)
    items, labels, hand, nr_x, nr_y, nr_set, nr_hand = [], [], [], [], [], [], []
    for name in TUNE:
        index = indexes[name]
        for q in load_questions(ROOT / "benchmarks" / "questions" / f"{name}.jsonl"):
            nr_x.append((q["lang"], question_features(index, q["question"])))
            nr_y.append(not q["answers"])
            nr_set.append(name)
            result = index.search(q["question"], k=1)
            nr_hand.append(not result.relevant)
            if not q["answers"]:
                continue
            rows, x = candidate_features(index, q["question"])
            gold = np.array([any(a in index.units[d].text for a in q["answers"]) for d in rows], dtype=float)
            if not gold.any():
                continue
            items.append((x, gold))
            labels.append((name, q["lang"]))
            hand.append(bool(result.hits) and any(a in result.hits[0].text for a in q["answers"]))
    if isinstance(encoder, CachedEncoder):
        encoder.save()
    folds = np.random.default_rng(0).permutation(np.arange(len(items)) % FOLDS)
    groups = sorted(set(labels))
    rows_out, data = [], {"ranking": {}, "nothing_relevant": {}}
    rows_out.append(["hand-set fusion (default)",
                     *(f"{np.mean([h for h, l in zip(hand, labels) if l == g]):.3f}" for g in groups),
                     f"{np.mean(hand):.3f}"])
    for lam in args.lam:
        hit = np.zeros(len(items))
        for f in range(FOLDS):
            w = fit_ranker([it for it, k in zip(items, folds) if k != f], lam)
            for k in np.flatnonzero(folds == f):
                x, gold = items[k]
                hit[k] = gold[int(np.argmax(x @ w))]
        cells = [f"{np.mean([h for h, l in zip(hit, labels) if l == g]):.3f}" for g in groups]
        rows_out.append([f"learned linear fusion, λ = {lam} (5-fold CV)", *cells, f"{hit.mean():.3f}"])
        data["ranking"][str(lam)] = dict(zip([f"{n} {l}" for n, l in groups], map(float, cells)))
    table = markdown_table(["ranker", *(f"{n} {l}" for n, l in groups), "all"], rows_out)
    nr_rows = []
    for lang in ("zh", "en"):
        for held in TUNE:
            train = [k for k in range(len(nr_y)) if nr_x[k][0] == lang and nr_set[k] != held]
            test = [k for k in range(len(nr_y)) if nr_x[k][0] == lang and nr_set[k] == held]
            x_train = np.array([nr_x[k][1] for k in train])
            y_train = np.array([nr_y[k] for k in train], dtype=float)
            model = fit_detector(x_train, y_train)
            cut = threshold_for_precision(detector_scores(model, x_train), y_train)
            flagged = detector_scores(model, np.array([nr_x[k][1] for k in test])) >= cut
            unanswerable = np.array([nr_y[k] for k in test])
            hand_flag = np.array([nr_hand[k] for k in test])
            nr_rows.append([lang, held, int(unanswerable.sum()),
                            f"{int((flagged & unanswerable).sum())} / {int((flagged & ~unanswerable).sum())}",
                            f"{int((hand_flag & unanswerable).sum())} / {int((hand_flag & ~unanswerable).sum())}"])
    table += "\n\n\"Nothing relevant\", fit on the other two tune sets and judged on this one (leave one set out):\n\n"
    table += markdown_table(["lang", "judged on", "unanswerable", "learned: caught / answerable flagged",
                             "calibrated floor: caught / answerable flagged"], nr_rows)
    data["nothing_relevant"] = nr_rows
    table += (f"\n\n{len(items)} answerable questions with their answer among the candidates; features: "
              f"{', '.join(FEATURES)}.")
    write_results("eval_users_learned", {"encoder": args.encoder, **data}, table)


if __name__ == "__main__":
    main()
