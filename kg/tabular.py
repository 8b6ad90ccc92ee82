"""Views as tables for spreadsheets: one writer of a table to CSV or XLSX that the CLI (``--format csv|xlsx``,
``-o FILE.xlsx``) and the API (``format=csv|xlsx``) share, and the rows of each view (search hits, a department's
responsibilities, targets, documents).

CSV written to a file or downloaded starts with a UTF-8 byte-order mark, so that Excel reads the Chinese right;
CSV printed to standard output has none (it goes to other programs)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

__all__ = ["Table", "FORMATS", "MEDIA_TYPES", "normalise_format", "format_from_path", "to_csv", "to_bytes",
           "write_file", "search_table", "responsibilities_table", "targets_table", "documents_table"]

FORMATS = ("csv", "xlsx")
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8",
               "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


@dataclass
class Table:
    """A sheet: its name (the XLSX sheet's title), column names and rows of plain cells."""

    name: str
    columns: Sequence[str]
    rows: list[list[Any]] = field(default_factory=list)
    extra: list["Table"] = field(default_factory=list)  # more sheets for XLSX (CSV holds the first only)


def normalise_format(name: str) -> str:
    """``csv`` or ``xlsx`` (any case, a leading dot allowed); ValueError listing the accepted ones otherwise."""
    value = name.strip().lower().lstrip(".")
    if value not in FORMATS:
        raise ValueError(f"unknown table format {name!r}; accepted: {', '.join(FORMATS)}")
    return value


def format_from_path(path: Path) -> str | None:
    """``xlsx`` for ``answer.xlsx``, ``csv`` for ``a.CSV``; None for any other suffix."""
    suffix = path.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else None


def _cell(value: Any) -> Any:
    """A cell's value: numbers and text as they are, Decimals as numbers, lists joined by 、, None as empty."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value)
    if isinstance(value, (int, float, str)):
        return value
    return str(value)


def to_csv(table: Table) -> str:
    """The table as CSV text with a header row (no byte-order mark)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(table.columns)
    writer.writerows([_cell(c) for c in row] for row in table.rows)
    return out.getvalue()


def _sheet_cell(value: object) -> object:
    """A cell as a worksheet can hold it: the control characters XML forbids (a user's needs pasted with a stray
    \x01) become U+FFFD, so the export neither fails nor drops a character silently."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cell = _cell(value)
    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", cell) if isinstance(cell, str) else cell


def _xlsx(table: Table) -> bytes:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    for sheet_table in [table, *table.extra]:
        sheet = book.create_sheet(sheet_table.name[:31] or "Sheet")
        sheet.append([_sheet_cell(c) for c in sheet_table.columns])
        for row in sheet_table.rows:
            sheet.append([_sheet_cell(c) for c in row])
        sheet.freeze_panes = "A2"
        for i, column in enumerate(sheet_table.columns, 1):  # wide enough for the header and short cells
            longest = max([len(str(column))] + [len(str(_cell(r[i - 1]))) for r in sheet_table.rows[:200]])
            sheet.column_dimensions[get_column_letter(i)].width = min(max(8, longest * 1.6), 60)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_bytes(table: Table, fmt: str) -> bytes:
    """The table as a file's bytes: CSV with a UTF-8 byte-order mark, or an XLSX workbook."""
    if normalise_format(fmt) == "xlsx":
        return _xlsx(table)
    return ("\ufeff" + to_csv(table)).encode("utf-8")


def write_file(table: Table, path: Path, fmt: str | None = None) -> None:
    """Write the table to ``path`` as ``fmt`` (default: from the suffix, else CSV)."""
    path.write_bytes(to_bytes(table, fmt or format_from_path(path) or "csv"))


def _number(value: Any) -> Any:
    return "" if value is None else _cell(Decimal(str(value)))


def search_table(result: Any, titles: Mapping[str, str] | None = None) -> Table:
    """One row per hit, in rank order: its document (slug and title), path, kind, function, heading, text, the
    departments responsible (``*`` marks inferred ones) and the relevance score (the fused rank score: higher
    is better, comparable only within one answer)."""
    titles = titles or {}
    rows = []
    for rank, hit in enumerate(result.hits, 1):
        owners = "、".join(dict.fromkeys(o.agent_name + ("*" if o.basis == "inferred" else "")
                                        for o in hit.context.owners))
        task = hit.context.task
        rows.append([rank, hit.document, titles.get(hit.document, ""), hit.path, hit.kind, hit.function,
                     hit.heading, hit.text, owners, task.path if task else "", round(float(hit.score), 4)])
    return Table("检索结果", ("rank", "document", "document_title", "path", "kind", "function", "heading", "text",
                          "departments", "task", "score"), rows)


def responsibilities_table(view: Any) -> Table:
    """A department's work, one row per responsibility, explicit first: document, unit, role, basis, the
    evidence (explicit) or the rule (inferred)."""
    rows = []
    for basis in ("explicit", "inferred"):
        for r in getattr(view.responsibilities, basis):
            rows.append([view.pref_label, r.document, r.unit_path, r.unit_kind, r.unit_heading, r.role, basis,
                         r.rule, r.evidence, r.via])
    return Table("职责", ("department", "document", "path", "kind", "heading", "role", "basis", "rule", "evidence",
                        "via"), rows)


def targets_table(targets: Iterable[Any]) -> Table:
    """One row per target: indicator, comparator, quantity (and upper bound), unit, deadline, document, path."""
    rows = [[t.indicator, t.comparator, _number(t.quantity), _number(t.quantity_max), t.unit,
             t.deadline.isoformat() if t.deadline else "", t.period, t.document, t.document_title, t.unit_path,
             t.text] for t in targets]
    return Table("目标", ("indicator", "comparator", "quantity", "quantity_max", "unit", "deadline", "period",
                        "document", "document_title", "path", "text"), rows)


def _links(links: Iterable[Any]) -> str:
    return "、".join(link.slug or link.title or link.identifier for link in links)


def documents_table(documents: Iterable[Any]) -> Table:
    """One row per document: slug, title, number, genre, dates, issuers, jurisdiction, counts, and its links."""
    rows = [[d.slug, d.title, d.identifier, d.genre, d.issued, d.effective, d.period, "、".join(d.issuers) or d.issuer,
             d.jurisdiction, d.jurisdiction_level, d.units, d.targets, d.responsibilities, _links(d.cites),
             _links(d.cited_by), _links(d.replaces), _links(d.replaced_by)] for d in documents]
    return Table("文件", ("document", "title", "identifier", "genre", "issued", "effective", "period", "issuers",
                        "jurisdiction", "level", "units", "targets", "responsibilities", "cites", "cited_by",
                        "replaces", "replaced_by"), rows)
