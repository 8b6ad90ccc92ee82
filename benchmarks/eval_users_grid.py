"""The grid behind the search's weights: each knob moved alone from the defaults, scored on the *tune* halves of
the users' own words sets only (users_tune over the seed, users_docs_tune and users_fresh_tune over the 17
documents).

Never run on the ``*_untouched`` halves: they are for ``benchmarks.eval_users``, once, after tuning.  Each row is
hit@1 / hit@3 / MRR@10 per language and the recall of "nothing relevant" (its precision stayed 1.0 unless
marked).  ``--vector-cache FILE`` keeps the vectors between runs (benchmarks/eval_users.py)."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from benchmarks.common import ROOT, load_questions, markdown_table, write_results
from benchmarks.eval_users import TUNE, score, tune_indexes
from search import SearchIndex
from search.expand import FusionWeights


# (knob, values): a SearchSettings field, or "zh" / "en_matched" / "en_unmatched" for the BM25 share of the
# weighted fusion by question language (the dense share is the rest)
GRID: list[tuple[str, tuple]] = [
    ("translation_weight", (0.0, 0.3, 0.5, 1.0)),
    ("translations_per_phrase", (2, 3, 5)),
    ("translation_dense", (False, True)),
    ("who_boost", (0.0, 0.1, 0.2, 0.3)),
    ("when_boost", (0.0, 0.1, 0.2, 0.3)),
    ("support_boost", (0.0, 0.2, 0.3, 0.5)),
    ("document_boost", (0.0, 0.2, 0.5, 0.8)),
    ("kind_weights", ({}, {"preamble": 0.8}, {"preamble": 0.7, "closing": 0.7})),
    ("annex_weight", (0.6, 0.7, 0.8, 1.0)),
    ("quantity_boost", (0.25, 0.4)),
    ("sentence_weight", (0.5, 0.6, 0.7, 0.8, 0.9)),
    ("thesaurus_weight", (0.0, 0.1, 0.2, 0.3)),
    ("industry_weight", (0.3, 0.5, 0.8)),
    ("place_boost", (0.2, 0.4, 0.6)),
    ("zh", (0.2, 0.3, 0.4, 0.5)),
    ("en_matched", (0.3, 0.4, 0.5, 0.6)),
    ("en_unmatched", (0.1, 0.3, 0.5)),
]


def _set(index: SearchIndex, knob: str, value) -> None:
    weights = index.expander.weights
    if knob in ("zh", "en_matched", "en_unmatched"):
        index.expander.weights = dataclasses.replace(weights, **{knob: FusionWeights(value, 1 - value)})
    else:
        setattr(index.settings, knob, value)


def _get(index: SearchIndex, knob: str):
    if knob in ("zh", "en_matched", "en_unmatched"):
        return getattr(index.expander.weights, knob).bm25
    return getattr(index.settings, knob)


def _cell(result: dict, lang: str) -> str:
    r = result["by_lang"].get(lang)
    return f"{r['hit@1']:.3f} / {r['hit@3']:.3f} / {r['mrr@10']:.3f}" if r else ""


def _nothing(result: dict) -> str:
    nr = result["nothing_relevant"]
    return f"{nr['recall']:.2f}" + ("" if nr["precision"] >= 1.0 else f" (precision {nr['precision']:.2f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--encoder", default="e5-small")
    parser.add_argument("--vector-cache", type=Path, default=None)
    args = parser.parse_args()
    encoder, indexes = tune_indexes(args.encoder, args.vector_cache)
    questions = {name: load_questions(ROOT / "benchmarks" / "questions" / f"{name}.jsonl") for name in TUNE}
    built = {id(index): index for index in indexes.values()}  # sets over the same documents share one index
    rows, data = [], []
    for knob, values in GRID:
        default = _get(indexes[TUNE[0]], knob)
        for value in values:
            for index in built.values():
                _set(index, knob, value)
            results = {name: score(indexes[name], questions[name], None) for name in TUNE}
            mark = " (default)" if value == default else ""
            rows.append([f"{knob} = {value}{mark}", *(c for name in TUNE for c in
                                                     (_cell(results[name], "zh"), _cell(results[name], "en"))),
                         *(_nothing(results[name]) for name in TUNE)])
            data.append({"knob": knob, "value": value, "default": value == default, "results": results})
        for index in built.values():
            _set(index, knob, default)
    table = markdown_table(["setting (others at default)", *(f"{name} {lang}" for name in TUNE for lang in ("zh", "en")),
                            *(f"nothing relevant recall ({name})" for name in TUNE)], rows)
    table += ("\n\nhit@1 / hit@3 / MRR@10 on the tune halves only (users_tune: 27 zh + 11 en answerable over the "
              "seed; users_docs_tune: 61 zh + 26 en and users_fresh_tune: 52 zh + 25 en over 17 documents); one "
              "question is 0.037 / 0.091 on the seed, 0.016 / 0.038 and 0.019 / 0.040 on the 17 documents.")
    write_results("eval_users_grid", {"encoder": args.encoder, "grid": data}, table)


if __name__ == "__main__":
    main()
