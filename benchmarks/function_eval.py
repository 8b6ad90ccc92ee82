"""How well ``Unit.function`` (ingest.function) is decided: accuracy on the hand-labelled units of
``benchmarks/function_gold.jsonl`` (real State Council documents of corpus_real, the set the rules were developed
on) and ``benchmarks/function_gold_plans.jsonl`` (the seed plan and invented plans, kept apart), a confusion
table, and the distribution of functions per document of any corpora given.

    python -m benchmarks.function_eval                       # accuracy on the gold
    python -m benchmarks.function_eval --distribution benchmarks/corpus_real corpus benchmarks/extraction/docs
    python -m benchmarks.function_eval --show-wrong          # each miss with its cue and text
    python -m benchmarks.function_eval --extraction          # also against benchmarks/extraction/real's functions

A gold line names a unit by document and path, with the first words of its text: where the path has changed
(a parser that numbers differently), the unit whose text starts with those words is scored instead, so the
labels outlive a change of numbering.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from ingest.errors import ParseError
from ingest.function import FUNCTIONS
from ingest.model import PolicyDocument, Unit
from ingest.pipeline import parse_plan

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "function_gold.jsonl"
# Kept apart: units of the seed plan and the invented plans, labelled after the rules were written and before they
# were run on those documents (a line names its folder).
GOLD_PLANS = ROOT / "benchmarks" / "function_gold_plans.jsonl"
CORPUS_REAL = ROOT / "benchmarks" / "corpus_real"
# The extraction benchmark's hand gold of real documents (its "functions": path → function), written by another
# hand before any parser run: a second, independent judge. Only real/, never real_holdout/.
EXTRACTION_REAL = ROOT / "benchmarks" / "extraction" / "real"


def _find(document: PolicyDocument, path: str, words: str) -> Unit | None:
    """The gold's unit: by path when its text starts with the gold's words, else the unit that does."""
    probe = words[:15]
    for unit in document.units:
        if unit.path == path and (not probe or unit.text.startswith(probe) or probe in unit.text[:40]):
            return unit
    return next((u for u in document.units if probe and probe in u.text[: len(probe) + 40]), None)


def score(gold_path: Path, corpus: Path, show_wrong: bool = False) -> dict:
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    documents: dict[str, PolicyDocument | None] = {}
    right = 0
    missing = []
    confusion: dict[str, Counter] = defaultdict(Counter)
    wrong = []
    for item in gold:
        slug = item["doc"]
        if slug not in documents:
            folder = ROOT / item["folder"] if item.get("folder") else corpus
            try:
                documents[slug] = parse_plan(folder / f"{slug}.txt")
            except ParseError:
                documents[slug] = None
        document = documents[slug]
        unit = _find(document, item["path"], item.get("text", "")) if document else None
        if unit is None:
            missing.append(item)
            continue
        confusion[item["function"]][unit.function] += 1
        if unit.function == item["function"]:
            right += 1
        else:
            wrong.append((item, unit))
    found = len(gold) - len(missing)
    gold_path = gold_path.resolve()
    shown = gold_path.relative_to(ROOT) if gold_path.is_relative_to(ROOT) else "benchmarks/extraction/real/*.json functions"
    print(f"gold: {shown}  ({len(gold)} units, {found} found in the parse)")
    print(f"accuracy: {right}/{found} = {right / found:.1%}" if found else "accuracy: no unit found")
    print()
    print("| gold \\ decided | " + " | ".join(FUNCTIONS) + " | n | right |")
    print("|---|" + "---|" * (len(FUNCTIONS) + 2))
    for function in FUNCTIONS:
        row = confusion.get(function, Counter())
        n = sum(row.values())
        if n:
            print(f"| {function} | " + " | ".join(str(row.get(f, 0) or "") for f in FUNCTIONS)
                  + f" | {n} | {row.get(function, 0)}/{n} |")
    if missing:
        print(f"\nnot found in the parse ({len(missing)}): "
              + ", ".join(f"{m['doc']} {m['path']}" for m in missing))
    if show_wrong:
        print("\nwrong:")
        for item, unit in wrong:
            print(f"- {item['doc']} {unit.path} [{unit.kind.value}] gold {item['function']}, decided "
                  f"{unit.function} ({unit.function_cue or 'default'}): {unit.text[:70]!r}")
    return {"gold": len(gold), "found": found, "right": right, "missing": len(missing)}


def extraction_gold(folder: Path) -> Path:
    """The extraction gold's functions as lines of this benchmark's gold (doc, path, function; no text, so a
    unit is found by its path only), written to a temporary file."""
    import tempfile

    lines = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for unit_path, function in (data.get("functions") or {}).items():
            lines.append(json.dumps({"doc": path.stem, "path": unit_path, "function": function}, ensure_ascii=False))
    out = Path(tempfile.mkstemp(prefix="function-gold-", suffix=".jsonl")[1])
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def distribution(folders: list[Path]) -> None:
    print("| document | units | " + " | ".join(FUNCTIONS) + " |")
    print("|---|---|" + "---|" * len(FUNCTIONS))
    total: Counter = Counter()
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            try:
                document = parse_plan(path)
            except ParseError as e:
                print(f"| {path.name} | parse error: {e.reason} |")
                continue
            counts = Counter(u.function for u in document.units)
            total.update(counts)
            print(f"| {folder.name}/{path.stem} | {len(document.units)} | "
                  + " | ".join(str(counts.get(f, 0) or "") for f in FUNCTIONS) + " |")
    print(f"| all | {sum(total.values())} | " + " | ".join(str(total.get(f, 0)) for f in FUNCTIONS) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, nargs="*", default=[GOLD, GOLD_PLANS])
    parser.add_argument("--corpus", type=Path, default=CORPUS_REAL, help="folder of the gold's documents")
    parser.add_argument("--distribution", type=Path, nargs="*", help="folders whose functions to count per document")
    parser.add_argument("--extraction", action="store_true",
                        help="also score against the functions of benchmarks/extraction/real/*.json")
    parser.add_argument("--show-wrong", action="store_true")
    args = parser.parse_args(argv)
    print("$ python -m benchmarks.function_eval " + " ".join(sys.argv[1:] if argv is None else argv) + "\n")
    if args.distribution:
        distribution(args.distribution)
        print()
    for gold in args.gold:
        score(gold, args.corpus, args.show_wrong)
        print()
    if args.extraction:
        gold = extraction_gold(EXTRACTION_REAL)
        try:
            score(gold, EXTRACTION_REAL, args.show_wrong)
        finally:
            gold.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
