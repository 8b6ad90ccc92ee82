"""Parse every document of a set with ``ingest.parse_plan``, score it against gold, and total the scores."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from ingest import parse_plan

from .gold import KEPT_ASIDE, SETS, GoldCase, gold_cases
from .metrics import Counts, accuracy
from .score import ASPECTS, META_FIELDS, DocScore, score_document

__all__ = ["Report", "by_level", "evaluate", "total"]

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Report:
    """Per-document scores and parse throughput of one run."""

    set: str
    documents: list[DocScore]
    parse_seconds: float
    chars: int

    @property
    def docs_per_second(self) -> float:
        return len(self.documents) / self.parse_seconds if self.parse_seconds else 0.0

    @property
    def chars_per_second(self) -> float:
        return self.chars / self.parse_seconds if self.parse_seconds else 0.0


def _parse(case: GoldCase):
    """(document or None, seconds spent in parse_plan, error message)."""
    start = time.perf_counter()
    try:
        doc = parse_plan(case.doc_path)
        return doc, time.perf_counter() - start, ""
    except Exception as e:  # noqa: BLE001 - a parser failure is a measurement, not a crash of the benchmark
        log.warning("%s: %s", case.doc_path.name, e)
        return None, time.perf_counter() - start, f"{type(e).__name__}: {e}"


def evaluate(set_name: str) -> Report:
    """Score every document of a set (``docs``, ``holdout``, ``real``, ``real_holdout``) or of ``all`` of them.

    One untimed warm-up parse first, so one-off loading (alias tables, vocabularies) is not counted as parse time."""
    # "all" leaves out the set kept aside (scored only when named), as gold_cases("all") does
    sets = [s for s in SETS if s not in KEPT_ASIDE] if set_name == "all" else [set_name]
    cases = [(s, c) for s in sets for c in gold_cases(s)]
    if cases:
        _parse(cases[0][1])
    scores = []
    for s, case in cases:
        doc, seconds, error = _parse(case)
        scores.append(score_document(case, s, doc, seconds, error))
    return Report(set_name, scores, sum(d.seconds for d in scores), sum(d.chars for d in scores))


def _sum_pairs(pairs: list[tuple[int, int]]) -> tuple[int, int]:
    return sum(p[0] for p in pairs), sum(p[1] for p in pairs)


def total(docs: list[DocScore]) -> dict:
    """Micro-averaged counts per aspect, and the accuracies and tallies over all documents."""
    out: dict = {a: sum((d.counts[a] for d in docs), Counts()) for a in ASPECTS}
    for name in ("comparator", "deadline", "value_max"):
        right, judged = _sum_pairs([getattr(d, name) for d in docs])
        out[name] = {"right": right, "judged": judged, "accuracy": accuracy(right, judged)}
    with_id = [d for d in docs if d.identifier_recorded is not None]
    with_date = [d for d in docs if d.issued_recorded is not None]
    out["structure_exact"] = {"right": sum(d.structure_exact for d in docs), "judged": len(docs)}
    out["identifier_recorded"] = {"right": sum(bool(d.identifier_recorded) for d in with_id), "judged": len(with_id)}
    out["identifier_cited"] = sum(d.identifier_cited for d in docs)
    out["issued_recorded"] = {"right": sum(bool(d.issued_recorded) for d in with_date), "judged": len(with_date)}
    out["inferred_responsibilities"] = sum(d.inferred for d in docs)
    out["parse_errors"] = sum(bool(d.error) for d in docs)
    out.update(_real_totals(docs))
    return out


def _real_totals(docs: list[DocScore]) -> dict:
    """Totals of what only the real sets' gold records (metadata, unit kinds and functions, repeals); empty when
    no document of ``docs`` records them, so the older sets' totals keep their keys."""
    out: dict = {}
    with_meta = [d for d in docs if d.metadata]
    if with_meta:
        out["metadata"] = {}
        for f in META_FIELDS:
            judged = [d.metadata[f] for d in with_meta if f in d.metadata]
            out["metadata"][f] = {"right": sum(judged), "judged": len(judged), "accuracy": accuracy(sum(judged), len(judged))}
    for name in ("unit_kinds", "functions"):
        pairs = [getattr(d, name) for d in docs if getattr(d, name) is not None]
        if pairs:
            right, judged = _sum_pairs(pairs)
            out[name] = {"right": right, "judged": judged, "accuracy": accuracy(right, judged)}
    replaces = [d.replaces for d in docs if d.replaces is not None]
    if replaces:
        out["replaces"] = sum(replaces, Counts())
    return out


def by_level(docs: list[DocScore]) -> dict[str, dict]:
    """The totals of each administrative level (national, provincial, municipal, district) present."""
    levels = sorted({d.level for d in docs}, key=["national", "provincial", "municipal", "district"].index)
    return {lvl: total([d for d in docs if d.level == lvl]) | {"documents": sum(d.level == lvl for d in docs)}
            for lvl in levels}
