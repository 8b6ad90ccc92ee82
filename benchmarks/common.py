"""Shared benchmark plumbing: load the corpus through ingest, write results as JSON and markdown."""

from __future__ import annotations

import json
import logging
import shlex
import sys
from pathlib import Path

from ingest.model import DocumentMeta, PolicyDocument

__all__ = ["ROOT", "RESULTS", "load_corpus", "load_questions", "write_results", "command_line", "markdown_table"]

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"


def _fallback_parse(path: Path) -> PolicyDocument:
    """Until ``ingest.parse_plan`` lands: the ingest pieces that exist (structure, kinds, targets)."""
    from ingest.classify import classify_units
    from ingest.decode import read_source
    from ingest.structure import parse_structure
    from ingest.targets import extract_targets

    source, encoding, sha = read_source(path)
    units, preamble = parse_structure(source, str(path))
    units = classify_units(units)
    targets = []
    for unit in units:
        if unit.kind.value == "goal":
            targets += extract_targets(unit.text, unit.span.start, unit.path, unit.key)
    meta_path = path.with_suffix(".meta.json")
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {"slug": path.stem}
    fields = {k: v for k, v in meta.items() if k in DocumentMeta.__dataclass_fields__}
    return PolicyDocument(meta=DocumentMeta(**fields), source=source, preamble=preamble, units=units,
                          targets=targets, departments=[], responsibilities=[], citations=[], concepts=[])


def load_corpus(corpus: Path = ROOT / "corpus") -> list[PolicyDocument]:
    """Every ``*.txt`` of the corpus parsed with ``ingest.parse_plan`` (or the fallback, said in the log)."""
    try:
        from ingest import parse_plan
    except ImportError:
        parse_plan = None
        print("note: ingest.parse_plan not available; using ingest's structure/classify/targets directly",
              file=sys.stderr)
    return [(parse_plan or _fallback_parse)(p) for p in sorted(Path(corpus).glob("*.txt"))]


def load_questions(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def command_line() -> str:
    return "python -m benchmarks." + Path(sys.argv[0]).stem + (" " + shlex.join(sys.argv[1:]) if sys.argv[1:] else "")


def markdown_table(header: list[str], rows: list[list]) -> str:
    def fmt(v):
        return f"{v:.3f}" if isinstance(v, float) else str(v)

    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(fmt(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def write_results(name: str, data: dict, markdown: str) -> None:
    """Print the table and the command, and keep both in benchmarks/results/<name>.{json,md}."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    command = command_line()
    text = f"{markdown}\n\nCommand: `{command}`\n"
    print(text)
    (RESULTS / f"{name}.md").write_text(text, encoding="utf-8")
    (RESULTS / f"{name}.json").write_text(json.dumps({"command": command, **data}, ensure_ascii=False, indent=2),
                                          encoding="utf-8")
