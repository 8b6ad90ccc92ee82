"""``policykg owns`` against hand gold: is every body a text makes act found by the name the text writes and by
its short names, and is what it owns (unit, role) what the gold says?

For each extraction gold set (``benchmarks/extraction``), the set's documents are parsed and built into one graph,
as ``policykg ingest`` would, and every gold body is looked up with the read model's ``department_view`` (what
``owns NAME --doc SLUG`` prints), by the name as written in the gold and by each shorter name the authority files
give the body (人社部 for 人力资源社会保障部: a name the text need not use). What it owns in that document is scored
as (unit path, role) against the body's gold responsibilities: explicit against explicit, and everything (inferred
included) against all gold.

    python -m benchmarks.owns_eval --set real            # or docs, holdout, real_holdout, all
    python -m benchmarks.owns_eval --set real --show     # each body's misses

Results go to ``benchmarks/results/owns_<set>.md``."""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass, field

from benchmarks.extraction.gold import SETS, gold_cases, normalise_brackets
from benchmarks.extraction.metrics import Counts
from ingest.authority import authority, normalise_department
from ingest.pipeline import parse_plan
from kg.build import build_graph
from kg.queries import NotFound, department_view

from .common import RESULTS

__all__ = ["BodyScore", "evaluate", "main"]


@dataclass(slots=True)
class BodyScore:
    document: str
    name: str
    found: bool
    short_names: list[str] = field(default_factory=list)
    short_found: int = 0
    explicit: Counts = field(default_factory=Counts)
    any: Counts = field(default_factory=Counts)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)


def _path(text: str) -> str:
    return normalise_brackets(text).strip()


def short_names(name: str, jurisdiction: str) -> list[str]:
    """Shorter names the authority files give the body ``name`` names in ``jurisdiction`` (the files, not the
    system's graph; a body of a place with no authority file has none to try)."""
    key = normalise_department(name, jurisdiction)
    body = authority().bodies.get(key) if key else None
    if body is None:
        return []
    return sorted({a for a in body.alt_labels if len(a) < len(name) and a != name})


def _score(gold: set[tuple[str, str]], pred: set[tuple[str, str]]) -> Counts:
    return Counts(len(gold & pred), len(pred), len(gold))


def evaluate(set_name: str) -> list[BodyScore]:
    cases = gold_cases(set_name)
    docs = [parse_plan(c.doc_path) for c in cases]
    graph = build_graph(docs)
    out: list[BodyScore] = []
    for case, doc in zip(cases, docs):
        slug = doc.meta.slug
        by_body: dict[str, list[dict]] = defaultdict(list)
        for r in case.gold["responsibilities"]:
            by_body[r["body"]].append(r)
        for name in case.gold["bodies"]:
            gold_any = {(_path(r["path"]), r["role"]) for r in by_body.get(name, [])}
            gold_explicit = {(_path(r["path"]), r["role"]) for r in by_body.get(name, [])
                             if r.get("basis", "explicit") == "explicit"}
            try:
                view = department_view(graph, name, document=slug)
            except NotFound:
                out.append(BodyScore(slug, name, False, explicit=_score(gold_explicit, set()),
                                     any=_score(gold_any, set()), missed=sorted(f"{p} {r}" for p, r in gold_any)))
                continue
            explicit = {(_path(v.unit_path), v.role) for v in view.responsibilities.explicit}
            every = explicit | {(_path(v.unit_path), v.role) for v in view.responsibilities.inferred}
            shorts = short_names(name, doc.meta.jurisdiction)
            short_found = 0
            for short in shorts:
                try:
                    short_found += department_view(graph, short, document=slug).iri == view.iri
                except NotFound:
                    pass
            out.append(BodyScore(slug, name, True, shorts, short_found, _score(gold_explicit, explicit),
                                 _score(gold_any, every), sorted(f"{p} {r}" for p, r in gold_any - every),
                                 sorted(f"{p} {r}" for p, r in every - gold_any)))
    return out


def report(set_name: str, scores: list[BodyScore], show: bool = False) -> str:
    explicit = sum((s.explicit for s in scores), Counts())
    every = sum((s.any for s in scores), Counts())
    shorts = sum(len(s.short_names) for s in scores)
    lines = [f"# `owns` against hand gold: set `{set_name}`", "",
             "| measure | value |", "|---|---|",
             f"| gold bodies found by their written name | {sum(s.found for s in scores)}/{len(scores)} |",
             f"| short names (authority files) that find the same body | {sum(s.short_found for s in scores)}/{shorts} |",
             (f"| owned (unit, role), explicit vs explicit gold: P / R / F1 | {explicit.precision:.3f} / "
              f"{explicit.recall:.3f} / {explicit.f1:.3f} ({explicit.tp} of {explicit.n_gold} gold, "
              f"{explicit.n_pred} shown) |"),
             (f"| owned (unit, role), explicit + inferred vs all gold: P / R / F1 | {every.precision:.3f} / "
              f"{every.recall:.3f} / {every.f1:.3f} |"), ""]
    if show:
        lines += ["| document | body | found | short names found | missed | spurious |", "|---|---|---|---|---|---|"]
        for s in scores:
            if not s.found or s.missed or s.spurious or s.short_found < len(s.short_names):
                lines.append(f"| {s.document} | {s.name} | {'yes' if s.found else 'no'} | "
                             f"{s.short_found}/{len(s.short_names)} {'、'.join(s.short_names)} | "
                             f"{'; '.join(s.missed)} | {'; '.join(s.spurious)} |")
        lines.append("")
    lines.append(f"Command: `python -m benchmarks.owns_eval --set {set_name}{' --show' if show else ''}`")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.owns_eval", description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", default="real", choices=[*SETS, "all"])
    parser.add_argument("--show", action="store_true", help="list each body's misses and spurious statements")
    args = parser.parse_args(argv)
    scores = evaluate(args.set)
    text = report(args.set, scores, args.show)
    (RESULTS / f"owns_{args.set}.md").write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
