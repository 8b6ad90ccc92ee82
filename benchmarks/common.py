"""Shared benchmark plumbing: load the corpus through ingest, write results as JSON and markdown."""

from __future__ import annotations

import json
import logging
import shlex
import sys
from pathlib import Path

from ingest import parse_plan
from ingest.model import PolicyDocument

__all__ = ["ROOT", "RESULTS", "load_corpus", "load_questions", "write_results", "command_line", "markdown_table"]

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"


def load_corpus(corpus: Path = ROOT / "corpus") -> list[PolicyDocument]:
    """Every ``*.txt`` of the corpus, parsed with ``ingest.parse_plan``, in name order."""
    return [parse_plan(p) for p in sorted(Path(corpus).glob("*.txt"))]


def load_questions(path: Path) -> list[dict]:
    """One question per JSON line: ``{"lang", "question", "answers"}``."""
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def command_line() -> str:
    """The command that is running, as typed from the repository root (``python -m benchmarks.<name> …``)."""
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
