"""Every real document parses into what it is: a table of the 48 State Council documents of
``benchmarks/corpus_real`` (genre, jurisdiction and level, date of issue and of effect, units and their kinds),
each checked against ``MANIFEST.tsv`` (title, number, issuers), printed as markdown with the command that made it and
written to ``benchmarks/results/real_corpus.md``.

    python -m benchmarks.real_corpus                  # all of corpus_real
    python -m benchmarks.real_corpus --no-write       # print only

The manifest columns are a check, not gold: a title, number or issuer that differs from the manifest is marked ✗.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

from ingest.errors import ParseError
from ingest.pipeline import parse_plan

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "benchmarks" / "corpus_real"
OUT = ROOT / "benchmarks" / "results" / "real_corpus.md"
COMMAND = "python -m benchmarks.real_corpus"
# Short names of the unit kinds in the table's last column.
_SHORT = {"paragraph": "para", "notice": "notice", "preamble": "pre", "closing": "end", "chapter": "ch",
          "section": "sec", "guideline": "guide", "principle": "princ", "goal": "goal", "task": "task",
          "measure": "meas", "safeguard": "safe", "item": "item", "article": "art", "annex": "annex"}


def _manifest(corpus: Path) -> dict[str, dict[str, str]]:
    path = corpus / "MANIFEST.tsv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as fh:
        return {row["file"]: row for row in csv.DictReader(fh, delimiter="\t")}


def _norm(text: str) -> str:
    return "".join(text.split()).replace("、", "")


def rows(corpus: Path = CORPUS) -> list[dict]:
    """One row per document: what the parser read, and whether title, number and issuers agree with the manifest."""
    manifest = _manifest(corpus)
    out = []
    for path in sorted(corpus.glob("*.txt")):
        expected = manifest.get(path.name, {})
        row: dict = {"document": path.stem, "error": ""}
        try:
            doc = parse_plan(path)
        except ParseError as e:
            row["error"] = e.reason
            out.append(row)
            continue
        m = doc.meta
        kinds = Counter(u.kind.value for u in doc.units)
        row.update(
            genre=m.genre + (f"→{m.issued_text_genre}" if m.issued_text_genre and m.genre != m.issued_text_genre
                             else ""),
            jurisdiction=m.jurisdiction, level=m.jurisdiction_level, issued=m.issued, effective=m.effective,
            units=len(doc.units), kinds=" ".join(f"{_SHORT.get(k, k)} {n}" for k, n in kinds.most_common()),
            issuers="、".join(m.issuers),
            title_ok=not expected or _norm(m.title) == _norm(expected.get("title", "")),
            number_ok=not expected or m.identifier == expected.get("number", "")
            or m.identifier.removeprefix("国务院令") == expected.get("number", "").removeprefix("国令"),
            issuers_ok=not expected or _norm("".join(m.issuers)) == _norm(expected.get("issuer", "")),
        )
        out.append(row)
    return out


def markdown(table: list[dict], command: str = COMMAND) -> str:
    ok = [r for r in table if not r["error"]]
    mark = {True: "✓", False: "✗"}
    lines = [
        "# Real documents: genre, jurisdiction, dates, units",
        "",
        f"Made by `{command}` over `benchmarks/corpus_real` ({len(table)} documents).",
        "",
        f"- parsed with no error: **{len(ok)}/{len(table)}**",
        f"- title as in MANIFEST.tsv: {sum(r['title_ok'] for r in ok)}/{len(table)}; number: "
        f"{sum(r['number_ok'] for r in ok)}/{len(table)}; issuers: {sum(r['issuers_ok'] for r in ok)}/{len(table)}",
        f"- jurisdiction found: {sum(bool(r['jurisdiction']) for r in ok)}/{len(table)}; date of issue: "
        f"{sum(bool(r['issued']) for r in ok)}/{len(table)}; date of effect stated: "
        f"{sum(bool(r['effective']) for r in ok)}/{len(table)}",
        f"- genres: " + ", ".join(f"{g} {n}" for g, n in Counter(r["genre"] for r in ok).most_common()),
        f"- units: {sum(r['units'] for r in ok)}; kinds: " + ", ".join(
            f"{k} {n}" for k, n in sum((Counter(dict(zip(r['kinds'].split()[::2], map(int, r['kinds'].split()[1::2]))))
                                        for r in ok), Counter()).most_common()),
        "",
        "Genre `通知→方案` is a notice that issues or forwards a text of that genre. T, N, I: title, number, issuers "
        "as in the manifest.",
        "",
        "| document | genre | jurisdiction | level | issued | effective | units | kinds | issuers | T N I |",
        "|---|---|---|---|---|---|---:|---|---|---|",
    ]
    for r in table:
        if r["error"]:
            lines.append(f"| {r['document']} | **error**: {r['error']} | | | | | | | | |")
            continue
        checks = " ".join(mark[r[k]] for k in ("title_ok", "number_ok", "issuers_ok"))
        lines.append(f"| {r['document']} | {r['genre']} | {r['jurisdiction']} | {r['level']} | {r['issued']} | "
                     f"{r['effective']} | {r['units']} | {r['kinds']} | {r['issuers']} | {checks} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--no-write", action="store_true", help="print the table without writing results/")
    args = parser.parse_args(argv)
    table = rows(args.corpus)
    command = COMMAND + ("" if args.corpus == CORPUS else f" {args.corpus}")
    text = markdown(table, command)
    sys.stdout.write(text)
    if not args.no_write and args.corpus == CORPUS:
        OUT.write_text(text, encoding="utf-8")
    return 1 if any(r["error"] for r in table) else 0


if __name__ == "__main__":
    sys.exit(main())
