"""Plain-text tables for the command line that wrap long cells instead of cutting them.

A Chinese character takes two columns.  Long cells wrap onto more lines within their column (on spaces when
there are some, else between characters); columns named in ``NO_WRAP`` (keys, paths, IRIs) are never broken, so
what is printed can be copied back into a command.
"""

from __future__ import annotations

import shutil
import unicodedata
from collections.abc import Sequence

__all__ = ["width", "clip", "wrap", "table", "NO_WRAP", "role_text", "rule_text", "render_match"]

# Headers of columns whose cells are never wrapped (they are copied into other commands)
NO_WRAP = frozenset({"#", "key", "path", "iri", "id", "document", "slug"})


def width(text: str) -> int:
    """Terminal columns of ``text``: wide and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def clip(text: str, columns: int) -> str:
    """``text`` on one line, cut to at most ``columns`` columns with an ellipsis (for one-line summaries only:
    tables wrap)."""
    text = " ".join(text.split())
    if width(text) <= columns:
        return text
    out, used = [], 0
    for ch in text:
        w = width(ch)
        if used + w > columns - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def wrap(text: str, columns: int) -> list[str]:
    """``text`` as lines of at most ``columns`` columns, nothing dropped: breaks at a space when the line has one,
    else between characters (Chinese has no spaces); an existing newline starts a new line."""
    columns = max(columns, 2)
    lines: list[str] = []
    for paragraph in str(text).splitlines() or [""]:
        line, used = "", 0
        for ch in " ".join(paragraph.split()):
            w = width(ch)
            if used + w > columns:
                cut = line.rfind(" ")
                if ch != " " and cut > 0 and line[-1] != " " and width(line[cut + 1:]) < columns // 2:
                    lines.append(line[:cut])
                    line = line[cut + 1:]
                else:
                    lines.append(line.rstrip())
                    line = ""
                line = line.lstrip()
                used = width(line)
                if ch == " ":
                    continue
            line += ch
            used += w
        lines.append(line.rstrip())
    return lines


def _labels(group: str, name: str) -> dict[str, str]:
    from kg.labels import ontology_labels

    try:
        return ontology_labels()[group].get(name, {})
    except Exception:  # an unreadable ontology leaves the names as they are
        return {}


def role_text(role: str) -> str:
    """evaluator → "evaluator 评估督查": the role with its Chinese label from the ontology."""
    return " ".join(dict.fromkeys([role, *[_labels("roles", r).get("zh", "") for r in role.split(",")]])).strip()


def rule_text(rule: str) -> str:
    """first-listed-body-leads → "first-listed-body-leads (列第一位者为牵头单位)"."""
    zh = _labels("rules", rule).get("zh", "") if rule else ""
    return f"{rule} ({zh})" if zh else rule


def _pad(text: str, columns: int) -> str:
    return text + " " * (columns - width(text))


def _terminal_columns() -> int:
    """The terminal's width; 160 when the output goes to a pipe or a file (the reader's own width is unknown)."""
    import sys

    if not sys.stdout.isatty():
        return 160
    return max(shutil.get_terminal_size((120, 24)).columns, 80)


def _column_limits(headers: Sequence[str], cells: list[list[str]], max_col: int, total: int) -> list[int]:
    """Each column's width: its widest cell up to ``max_col`` (no limit for NO_WRAP columns); the wrapping
    columns then shrink, widest first, until the table fits ``total`` columns (never below 10)."""
    natural = [max([width(h)] + [max((width(x) for x in c.splitlines()), default=0) for c in col])
               for h, col in zip(headers, zip(*cells) if cells else [[] for _ in headers])]
    fixed = [h.lower() in NO_WRAP for h in headers]
    limits = [n if f else min(n, max_col) for n, f in zip(natural, fixed)]
    while sum(limits) + 2 * (len(limits) - 1) > total:
        flexible = [i for i, f in enumerate(fixed) if not f and limits[i] > max(10, width(headers[i]))]
        if not flexible:
            break
        widest = max(flexible, key=lambda i: limits[i])
        limits[widest] -= 1
    return limits


def table(headers: Sequence[str], rows: Sequence[Sequence[object]], max_col: int = 60,
          total: int | None = None) -> str:
    """A left-aligned table with a rule under the headers.  Cells wrap within ``max_col`` columns (and within
    the terminal's width, ``total``); nothing is cut, key and path columns are never broken."""
    total = total or _terminal_columns()
    cells = [["" if c is None else str(c) for c in row] for row in rows]
    limits = _column_limits(headers, cells, max_col, total)
    lines = ["  ".join(_pad(h, w) for h, w in zip(headers, limits)).rstrip()]
    lines.append("  ".join("-" * w for w in limits))
    for row in cells:
        wrapped = [[c] if h.lower() in NO_WRAP else wrap(c, w) for h, c, w in zip(headers, row, limits)]
        for i in range(max(len(w) for w in wrapped) if wrapped else 0):
            lines.append("  ".join(_pad(w[i] if i < len(w) else "", limit)
                                   for w, limit in zip(wrapped, limits)).rstrip())
    return "\n".join(lines)


def render_match(result) -> str:  # type: ignore[no-untyped-def]
    """The calculator's answer for a terminal: one block per answer (verdict, amount and formula, expiry, contact,
    the document's support that applies), then the district office."""
    zh = result.lang == "zh"
    if not result.measures:
        return "原文中没有与所述需求对应的条款。" if zh else "Nothing in the documents answers these needs."
    words = {"eligible": ("符合条件", "eligible"), "not_eligible": ("不符合条件", "not eligible"),
             "unknown": ("待补充信息", "unknown")}
    lines: list[str] = []
    for rank, m in enumerate(result.measures, 1):
        lines.append(f"{rank}. {m.document} {m.path} {m.heading}")
        lines.append(f"   {clip(m.text, 100)}")
        v = m.verdict
        if v is not None:
            verdict = words.get(v.status, (v.status, v.status))[0 if zh else 1]
            if v.failing:
                verdict += ("：" if zh else ": ") + "；".join(c.text for c in v.failing)
            elif v.missing:
                verdict += ("：请填写 " if zh else ": fill in ") + "、".join(v.missing)
            lines.append(f"   {'资格' if zh else 'verdict'}  {verdict}")
            if v.expired_on:
                lines.append(f"   {'已过期' if zh else 'expired'}  {v.expired_on.isoformat()}（{v.validity_text}）")
        for a in m.amounts[:2]:
            lines.append(f"   {'金额' if zh else 'amount'}  {a.formula}")
        if m.contacts:
            names = "、".join(f"{c.agent_name}（{c.role_label}）" for c in m.contacts[:3])
            lines.append(f"   {'联系' if zh else 'contact'}  {names}")
        elif m.no_owner:
            lines.append(f"   {'联系' if zh else 'contact'}  {m.no_owner}")
        by_kind: dict[str, list[str]] = {}
        for i in m.instruments:
            labels = by_kind.setdefault(i.kind_label, [])
            if i.label not in labels:
                labels.append(i.label)
        if by_kind:
            shown = "、".join(f"{kind}（{'、'.join(labels[:3])}）" for kind, labels in by_kind.items())
            lines.append(f"   {'文件配套支持' if zh else 'support'}  {shown}")
    if result.district_office is not None:
        lines.append(f"{'所在区' if zh else 'district'}  {result.district_office.agent_name}")
    return "\n".join(lines)
