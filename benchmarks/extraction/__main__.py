"""``python -m benchmarks.extraction [--set docs|holdout|real|real_holdout|real_fresh|all] [--json]``: score the parser
against the gold records.

Prints the per-document and total tables with the command that made them, and keeps both in
``benchmarks/results/extraction_<set>.md`` and ``.json``."""

from __future__ import annotations

import argparse
import json
import shlex
import sys

from benchmarks.common import RESULTS, markdown_table

from .gold import SETS
from .run import Report, by_level, evaluate, total
from .score import META_FIELDS

ASPECT_NAMES = {"units": "structure (unit paths)", "bodies": "bodies", "responsibilities": "responsibilities (explicit)",
                "responsibilities_any": "responsibilities (any basis)",
                "targets": "targets", "supports": "supports", "citations": "citations"}


def _pct(acc: dict) -> str:
    return "–" if acc["accuracy"] is None else f"{acc['accuracy']:.3f} ({acc['right']}/{acc['judged']})"


def _cell(c) -> str:
    return "–" if not (c.n_gold or c.n_pred) else f"{c.f1:.2f}"


def _ratio(pair: tuple[int, int]) -> str:
    return "–" if not pair[1] else f"{pair[0]}/{pair[1]}"


def _flag(v: bool | None) -> str:
    return "–" if v is None else ("yes" if v else "no")


def _acc(pair: tuple[int, int] | None) -> str:
    return "–" if not pair or not pair[1] else f"{pair[0] / pair[1]:.2f}"


def _real_measures(report: Report, t: dict) -> str:
    """The section on what only the real sets' gold records: metadata, unit kinds and functions, repeals."""
    if not any(k in t for k in ("metadata", "unit_kinds", "functions", "replaces")):
        return ""
    rows = [[f"metadata: {f}", _pct(v)] for f, v in t.get("metadata", {}).items() if v["judged"]]
    rows += [[f"unit {name} (over gold units found)", _pct(t[name])] for name in ("unit_kinds", "functions") if name in t]
    if "replaces" in t:
        r = t["replaces"]
        rows.append(["texts repealed (replaces) P / R / F1",
                     f"{r.precision:.2f} / {r.recall:.2f} / {r.f1:.2f} ({r.tp} matched, {r.n_pred} predicted, {r.n_gold} gold)"])
    docs = [d for d in report.documents if d.metadata or d.unit_kinds is not None]
    fields = [f for f in META_FIELDS if any(f in d.metadata for d in docs)]
    per_doc = markdown_table(
        ["document", *fields, "kinds", "functions", "replaces F1"],
        [[d.name, *[_flag(d.metadata.get(f)) for f in fields], _acc(d.unit_kinds), _acc(d.functions),
          _cell(d.replaces) if d.replaces is not None else "–"] for d in docs])
    return (f"\n\n## Metadata, unit kinds and functions, repeals (real sets)\n\n"
            f"{markdown_table(['measure', 'value'], rows)}\n\nPer document (metadata right or not; kinds and "
            f"functions: accuracy over the gold units found):\n\n{per_doc}")


def render(report: Report, command: str) -> str:
    """The markdown report: per-document F1, totals, totals by level, throughput, the command."""
    docs = report.documents
    rows = [[d.name, d.set, d.level, _cell(d.counts["units"]), _flag(d.structure_exact), _cell(d.counts["bodies"]),
             _cell(d.counts["responsibilities"]), _cell(d.counts["targets"]), _ratio(d.comparator), _ratio(d.deadline),
             _cell(d.counts["supports"]), _cell(d.counts["citations"]),
             _flag(d.identifier_recorded) + (" (cited!)" if d.identifier_cited else ""), _flag(d.issued_recorded)]
            for d in docs]
    per_doc = markdown_table(["document", "set", "level", "units F1", "exact", "bodies F1", "resp. F1", "targets F1",
                              "comparator", "deadline", "supports F1", "citations F1", "own number", "issued"], rows)
    t = total(docs)
    totals = markdown_table(["aspect", "matched", "predicted", "gold", "precision", "recall", "F1"],
                            [[ASPECT_NAMES[a], t[a].tp, t[a].n_pred, t[a].n_gold, t[a].precision, t[a].recall, t[a].f1]
                             for a in ASPECT_NAMES])
    extras = markdown_table(["measure", "value"], [
        ["structure exact (documents)", f"{t['structure_exact']['right']}/{t['structure_exact']['judged']}"],
        ["target comparator right", _pct(t["comparator"])],
        ["target deadline right", _pct(t["deadline"])],
        ["target range upper bound right", _pct(t["value_max"])],
        ["own number recorded", f"{t['identifier_recorded']['right']}/{t['identifier_recorded']['judged']}"],
        ["own number among citations (should be 0)", t["identifier_cited"]],
        ["date of issue recorded", f"{t['issued_recorded']['right']}/{t['issued_recorded']['judged']}"],
        ["inferred responsibilities (not scored)", t["inferred_responsibilities"]],
        ["documents that failed to parse", t["parse_errors"]],
        ["parse throughput", (f"{report.docs_per_second:.1f} documents/s, {report.chars_per_second:,.0f} characters/s "
                             f"({len(docs)} documents, {report.chars:,} characters, {report.parse_seconds:.2f} s)")],
    ])
    levels = markdown_table(["level", "documents", "units F1", "bodies F1", "resp. F1", "targets F1", "comparator",
                             "deadline", "supports F1", "citations F1"],
                            [[lvl, v["documents"], v["units"].f1, v["bodies"].f1, v["responsibilities"].f1,
                              v["targets"].f1, _pct(v["comparator"]), _pct(v["deadline"]), v["supports"].f1,
                              v["citations"].f1] for lvl, v in by_level(docs).items()])
    return (f"# Extraction benchmark: set `{report.set}`\n\n## Total\n\n{totals}\n\n{extras}{_real_measures(report, t)}"
            f"\n\n## By level\n\n{levels}"
            f"\n\n## Per document (F1; comparator and deadline right / matched targets)\n\n{per_doc}\n\n"
            f"Command: `{command}`\n")


def as_json(report: Report, command: str) -> dict:
    t = total(report.documents)

    def plain(v):
        return v.as_dict() if hasattr(v, "as_dict") else v

    return {"command": command, "set": report.set,
            "total": {k: plain(v) for k, v in t.items()},
            "by_level": {lvl: {k: plain(v) for k, v in d.items()} for lvl, d in by_level(report.documents).items()},
            "throughput": {"documents": len(report.documents), "characters": report.chars,
                           "parse_seconds": report.parse_seconds, "documents_per_second": report.docs_per_second,
                           "characters_per_second": report.chars_per_second},
            "documents": [d.as_dict() for d in report.documents]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.extraction", description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=[*SETS, "all"], default="docs", help="which documents (default docs)")
    parser.add_argument("--json", action="store_true", help="print the JSON record instead of the markdown tables")
    args = parser.parse_args(argv)
    argv = sys.argv[1:] if argv is None else argv
    command = "python -m benchmarks.extraction" + (" " + shlex.join(argv) if argv else "")
    report = evaluate(args.set)
    markdown, record = render(report, command), as_json(report, command)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"extraction_{args.set}.md").write_text(markdown, encoding="utf-8")
    (RESULTS / f"extraction_{args.set}.json").write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")
    print(json.dumps(record, ensure_ascii=False, indent=2) if args.json else markdown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
