"""The policy calculator on a profile set (benchmarks/match): is the expected unit among the first three answers,
is the contact right, the verdict, the amount, the expiry?

    python -m benchmarks.eval_match --set tune [--data-dir DIR] [--today 2026-12-07]

The data dir is built (once, if empty) from ``corpus/`` + ``benchmarks/corpus_real/`` + ``benchmarks/match/documents/``.
Prints a markdown table and writes ``benchmarks/results/eval_match_<set>.md``; the per-profile lines are written
for the tune and fresh sets only (the untouched set is for reporting, never for reading misses; the fresh set was written in the
third round before any tuning and run once blind at its end, commit 9dae344, and has been development material since;
the r4 set was written at the start of the fourth round and is kept aside for its end-of-round run).

Scoring (per profile, over the profiles where the gold states the field):
- hit@3: a unit of the expected document among the first three answers holds one of the expected phrases;
- contact: the first contact of that unit (else of the first answer) is the body the gold names first (the same
  body in the authority files, or the same name);
- verdict: the unit's verdict is the gold's (eligible / not_eligible / unknown);
- amount: one of the unit's amounts equals the gold's value (±1 元);
- expiry: the unit's ``expired_on`` is the gold's (none where the gold gives none);
- instruments (seed profiles): every expected instrument phrase is in the support the answer lists.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MATCH_DIR = ROOT / "benchmarks" / "match"
RESULTS = ROOT / "benchmarks" / "results"
SOURCES = (ROOT / "corpus", ROOT / "benchmarks" / "corpus_real", MATCH_DIR / "documents")
# the sixth round's profiles also ask about its invented local documents (benchmarks/extraction/local_r6)
SOURCES_R6 = (*SOURCES, ROOT / "benchmarks" / "extraction" / "local_r6")
SOURCES_R7 = (*SOURCES_R6, ROOT / "benchmarks" / "extraction" / "local_r7")  # and the seventh round's
SOURCES_R8 = (*SOURCES_R7, ROOT / "benchmarks" / "extraction" / "local_r8")  # and the eighth round's
TODAY = date(2026, 12, 7)  # the date the gold's expired_on is judged at (benchmarks/match/README.md)


def _norm(text: str) -> str:
    return re.sub(r"[\s　]", "", text or "")


def profile_of(row: dict):
    """A profile line as the calculator's EnterpriseProfile."""
    from kg.views import EnterpriseProfile, PersonProfile

    person = row.get("person")
    keep = {k: row[k] for k in ("name", "industry", "industry_code", "place", "district", "size", "employees",
                                "revenue", "founded", "insured_staff", "years_insured",
                                "unemployment_premiums_last_year", "wage_bill_last_year", "needs", "lang") if k in row}
    for k in ("revenue", "years_insured", "unemployment_premiums_last_year", "wage_bill_last_year"):
        if k in keep and keep[k] is not None:
            keep[k] = Decimal(str(keep[k]))
    return EnterpriseProfile(**keep, person=PersonProfile(person.get("age"), person.get("status")) if person else None)


@dataclass
class Score:
    id: str
    source: str
    hit: bool
    rank: int | None
    contact: bool | None = None
    verdict: bool | None = None
    amount: bool | None = None
    expiry: bool | None = None
    instruments: bool | None = None
    notes: list[str] = field(default_factory=list)


def _same_body(expected: str, contacts, jurisdiction: str) -> bool:
    from ingest.authority import resolve_name

    first = re.split(r"[、，,\s]+", expected.strip())[0]
    key = resolve_name(first, jurisdiction) if first else None
    for c in contacts[:1]:
        if key and c.agent_iri.rsplit("/", 1)[-1] == key:
            return True
        if first and (first in c.agent_name or c.agent_name in first or first in c.evidence.split("：")[-1]):
            return True
    return False


_SCALE = {"元": 1, "万元": 10000, "亿元": 100000000}


def _same_sum(value, unit: str, want: Decimal, want_unit: str) -> bool:
    """The same sum written in another unit of money (500,000 元 for the gold's 50 万元; 240,000,000 元 for 2.4 亿元):
    the answer in the gold's unit, rounded to the places the gold writes, is the gold's figure."""
    head, _, per = (unit or "元").partition("/")
    want_head, _, want_per = (want_unit or "元").partition("/")
    if head not in _SCALE or want_head not in _SCALE or per != want_per or head == want_head:
        return False
    places = max(0, -want.as_tuple().exponent)
    got = Decimal(str(value)) * _SCALE[head] / _SCALE[want_head]
    return round(got, places) == want


def score(row: dict, result, jurisdictions: dict[str, str]) -> Score:
    expect = row["expect"]
    doc = expect["doc"]
    phrases = [_norm(p) for p in expect.get("answers", [])]
    rank, unit = None, None
    for i, m in enumerate(result.measures[:3], 1):
        if m.document == doc and any(p in _norm(m.text) for p in phrases):
            rank, unit = i, m
            break
    s = Score(row["id"], row["source"], rank is not None, rank)
    shown = unit or (result.measures[0] if result.measures else None)
    if "contact" in expect:
        s.contact = bool(shown) and _same_body(expect["contact"], shown.contacts, jurisdictions.get(doc, ""))
        if not s.contact:
            s.notes.append(f"contact {shown.contacts[0].agent_name if shown and shown.contacts else '-'}")
    verdict = unit.verdict if unit else None
    if "verdict" in expect:
        s.verdict = verdict is not None and verdict.status == expect["verdict"]
        if not s.verdict:
            s.notes.append(f"verdict {verdict.status if verdict else '-'}")
    if "amount" in expect:
        want = Decimal(str(expect["amount"]["value"]))
        values = [a.value for a in (unit.amounts if unit else []) if a.value is not None]
        s.amount = any(abs(v - want) <= 1 for v in values) or any(
            _same_sum(a.value, a.unit, want, expect["amount"].get("unit", "元"))
            for a in (unit.amounts if unit else []) if a.value is not None)
        if not s.amount:
            s.notes.append(f"amount {[str(v) for v in values][:3]}")
    want_expiry = expect.get("expired_on")
    got = verdict.expired_on.isoformat() if verdict and verdict.expired_on else None
    s.expiry = unit is not None and got == want_expiry
    if not s.expiry:
        s.notes.append(f"expiry {got}")
    if "instruments" in expect:
        texts = _norm(" ".join(i.text for i in (unit.instruments if unit else []) + list(result.instruments)))
        s.instruments = all(_norm(p) in texts for p in expect["instruments"])
    return s


def _rate(values: list[bool | None]) -> str:
    known = [v for v in values if v is not None]
    return f"{sum(known)}/{len(known)}" if known else "–"


def table(scores: list[Score]) -> str:
    rows = ["| profiles | n | hit@3 | contact right | verdict right | amount right | expiry right | instruments |",
            "|---|---|---|---|---|---|---|---|"]
    groups = [(src, [s for s in scores if s.source == src]) for src in ("real", "seed", "match")] + [("all", scores)]
    for name, group in groups:
        if not group:
            continue
        rows.append(f"| {name} | {len(group)} | {_rate([s.hit for s in group])} | {_rate([s.contact for s in group])} "
                    f"| {_rate([s.verdict for s in group])} | {_rate([s.amount for s in group])} "
                    f"| {_rate([s.expiry for s in group])} | {_rate([s.instruments for s in group])} |")
    return "\n".join(rows)


def ensure_data_dir(data_dir: Path, sources: tuple[Path, ...] = SOURCES):
    from workspace.build import build, ensure_workspace
    from workspace.settings import Settings

    settings = Settings(data_dir=data_dir)
    generations = data_dir / "generations"
    if not generations.is_dir() or not any(generations.iterdir()):
        build(settings, list(sources), replace=True)
    return ensure_workspace(settings)


def run(which: str, data_dir: Path, today: date, k: int = 10) -> tuple[list[Score], str]:
    from kg.queries import list_documents
    from search.match import match_enterprise

    ws = ensure_data_dir(data_dir, {"r6": SOURCES_R6, "r7": SOURCES_R7, "r8": SOURCES_R8}.get(which, SOURCES))
    documents = list_documents(ws.graph)
    jurisdictions = {d.slug: d.jurisdiction for d in documents}
    rows = [json.loads(line) for line in (MATCH_DIR / f"profiles_{which}.jsonl").read_text("utf-8").splitlines()
            if line.strip()]
    scores = []
    for row in rows:
        profile = profile_of(row)
        result = match_enterprise(ws.index, profile, k=k, lang="en" if row.get("lang") == "en" else "zh",
                                  jurisdictions=[d.jurisdiction for d in documents], documents=documents, today=today)
        scores.append(score(row, result, jurisdictions))
    return scores, table(scores)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", dest="which", choices=("tune", "untouched", "fresh", "r4", "r5", "r6", "r7", "r8"), default="tune")
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/policykg-eval-match"))
    parser.add_argument("--today", type=date.fromisoformat, default=TODAY)
    args = parser.parse_args(argv)
    scores, text = run(args.which, args.data_dir, args.today)
    command = f"python -m benchmarks.eval_match --set {args.which} --today {args.today.isoformat()}"
    out = [f"# eval_match: the policy calculator on profiles_{args.which} ({len(scores)} profiles)", "",
           f"`{command}` (data dir built from corpus/ + benchmarks/corpus_real/ + benchmarks/match/documents/)", "",
           text]
    if args.which != "untouched":  # totals only: its misses are never read (r5, r6, r7: read after their blind runs)
        out += ["", "| profile | rank | misses |", "|---|---|---|"]
        out += [f"| {s.id} | {s.rank or '–'} | {'; '.join(s.notes)} |" for s in scores]
    report = "\n".join(out) + "\n"
    print(report)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"eval_match_{args.which}.md").write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
