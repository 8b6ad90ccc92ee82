"""How the command line prints: plain-text tables that wrap long cells instead of cutting them, and the read
model's views (a unit, a hit, a target, a support, the calculator's answer) as text.

A Chinese character takes two columns.  Long cells wrap onto more lines within their column (on spaces when
there are some, else between characters); columns named in ``NO_WRAP`` (keys, paths, IRIs) are never broken, so
what is printed can be copied back into a command.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from collections.abc import Sequence

__all__ = [
    "NO_WRAP",
    "clip",
    "contact_role",
    "deadline",
    "hit_text",
    "link_names",
    "number",
    "per_period",
    "quantity",
    "render_match",
    "role_text",
    "rule_text",
    "span",
    "support_line",
    "table",
    "target_line",
    "unit_text",
    "width",
    "wrap",
]

# Headers of columns whose cells are never wrapped (they are copied into other commands)
NO_WRAP = frozenset({"#", "key", "path", "iri", "id", "document", "slug", "characters"})


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


def contact_role(c, zh: bool = True) -> str:  # type: ignore[no-untyped-def]
    """A contact's role as the answer prints it: an inferred one (the first-listed body read as the lead) says so,
    unless its label already does (所在地政府（推定）)."""
    label = c.role_label or c.role
    if c.basis != "inferred" or "推定" in label or "推断" in label or "inferred" in label.lower():
        return label
    return f"{label}，推断" if zh else f"{label}, inferred"


def amount_lines(amounts: list, zh: bool) -> list[str]:
    """The amount lines of one answer. The figures of one 分别 sentence (分别给予100万元、30万元…) are tiers for
    different cases: the one the profile picks (labelled with its case: 省级智能工厂：300,000 元) is the amount and the
    others are named as the other tiers; with none picked, the tiers are one line saying the case decides, never a
    run of bare figures that reads as several sums the firm would get."""
    label = "金额" if zh else "amount"
    lines: list[str] = []
    shown = 0
    rest = list(amounts)
    while rest and shown < 2:
        a = rest.pop(0)
        tiers = [b for b in rest if b.text and b.text == a.text and not b.base]
        if not tiers:
            lines.append(f"   {label}  {a.formula}")
            shown += 1
            continue
        rest = [b for b in rest if b not in tiers]
        others = ("、" if zh else ", ").join(b.formula for b in tiers[:5]) + ("…" if len(tiers) > 5 else "")
        if a.base:  # the case the profile names
            lines.append(f"   {label}  {a.formula}")
            lines.append(f"   {'其他档次' if zh else 'other tiers'}  {others}" + ("（同句分别给予，按情形）" if zh
                         else " (the same sentence's amounts for the other cases)"))
        else:
            lines.append(f"   {label}  " + (f"按情形分别为 {a.formula}、{others}（{clip(a.text, 40)}）" if zh
                         else f"one of {a.formula}, {others}, by case ({clip(a.text, 40)})"))
        shown += 1
    return lines


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
        lines.append(f"   {'出处' if zh else 'source'}  {m.document} {m.path} [{m.start}, {m.end})")
        v = m.verdict
        if v is not None:
            verdict = words.get(v.status, (v.status, v.status))[0 if zh else 1]
            if v.failing:
                verdict += ("：" if zh else ": ") + "；".join(c.text for c in v.failing)
            elif v.missing:
                verdict += ("：请填写 " if zh else ": fill in ") + ("、" if zh else ", ").join(v.asks or v.missing)
            if v.status == "eligible" and v.to_confirm:  # eligible on what was checked only
                verdict = "符合已核对的条件" if zh else "eligible on the conditions checked"
            lines.append(f"   {'资格' if zh else 'verdict'}  {verdict}")
            if v.to_confirm and v.status != "not_eligible":  # a failed condition already says no
                lines.append(f"   {'待核实' if zh else 'to confirm'}  " + ("；" if zh else "; ").join(v.to_confirm))
            if v.expired_on:
                lines.append(f"   {'已过期' if zh else 'expired'}  {v.expired_on.isoformat()}（{v.validity_text}）")
        lines += amount_lines(m.amounts, zh)
        if m.contacts:
            names = "、".join(f"{c.agent_name}（{contact_role(c, zh)}）" for c in m.contacts[:3])
            lines.append(f"   {'联系' if zh else 'contact'}  {names}")
        elif m.no_owner:
            lines.append(f"   {'联系' if zh else 'contact'}  {m.no_owner}")
        by_kind: dict[str, list[str]] = {}
        first: dict[str, object] = {}  # each kind's first sentence: where the support rests in the text
        for i in m.instruments:
            labels = by_kind.setdefault(i.kind_label, [])
            first.setdefault(i.kind_label, i)
            if i.label not in labels:
                labels.append(i.label)
        if by_kind:
            shown = "、".join(f"{kind}（{'、'.join(labels[:3])}）" for kind, labels in by_kind.items())
            lines.append(f"   {'文件配套支持' if zh else 'support'}  {shown}")
            for kind, i in first.items():
                lines.append(f"     {kind}：{i.document} {i.path} [{i.start}, {i.end})  {clip(i.text, 60)}")  # type: ignore[attr-defined]
    if result.district_office is not None:
        lines.append(f"{'所在区' if zh else 'district'}  {result.district_office.agent_name}")
    return "\n".join(lines)


def unit_text(u) -> str:  # type: ignore[no-untyped-def]
    """A UnitView as text: heading, place, whole text, then each list of its context as a table."""
    lines = [f"{u.path}  [{u.kind}]  {u.heading}", u.iri, f"source {u.document}  [{u.start}, {u.end})"]
    if u.parent:
        lines.append(f"part of {u.parent.path} {u.parent.heading}")
    lines += ["", u.text]
    if u.children:
        lines += ["\nchildren:", table(["path", "kind", "heading"], [(c.path, c.kind, c.heading) for c in u.children])]
    if u.targets:
        lines += ["\ntargets:", table(
            ["indicator", "comparator", "quantity", "unit", "deadline", "characters"],
            [(t.indicator, t.comparator, quantity(t), t.unit, deadline(t), span(t)) for t in u.targets],
        )]
    owners_only = [o for o in u.owners if o.unit_iri != u.iri]  # who is responsible, named for an enclosing unit
    for title, items in (("responsibilities", u.responsibilities),
                         (f"owners (named for {owners_only[0].unit_path})" if owners_only else "", owners_only)):
        if items:
            lines += [f"\n{title}:", table(
                ["department", "role", "basis", "rule", "evidence", "characters"],
                [(r.agent_name, role_text(r.role), r.basis, rule_text(r.rule), r.evidence, span(r)) for r in items],
            )]
    if u.supports:
        lines += ["\nsupport:", table(["support", "text", "characters"],
                                       [(support_line(s), s.text, span(s)) for s in u.supports])]
    if u.concepts:
        lines.append("\nconcepts: " + "; ".join(
            f"{c.pref_label} ({c.pref_label_en})" if c.pref_label_en else c.pref_label for c in u.concepts))
    if u.citations:
        lines.append("\ncitations:")
        lines += [f"  《{c.title}》 {c.identifier}".rstrip() if c.title else f"  {c.identifier or c.iri}"
                  for c in u.citations]
    return "\n".join(lines)


def hit_text(hit) -> str:  # type: ignore[no-untyped-def]
    """A hit's whole text; a target hit is its target, a goal's hit lists every target it states."""
    if hit.target is not None and hit.kind == "target":
        return target_line(hit.target)
    lines = [target_line(t) for t in hit.context.targets] if hit.kind == "goal" else []
    return "\n".join([hit.text, *lines])


def support_line(s) -> str:  # type: ignore[no-untyped-def]
    """补助: 按设备投资额的10%, 最高500万元 (对…企业): a SupportView as one line."""
    parts = []
    unit = per_period(s.unit, s.text)
    if s.amount is not None:
        upper = f"–{number(s.amount_max)}" if s.amount_max is not None else ""
        parts.append(f"{s.comparator}{number(s.amount)}{upper}{unit}")
    if s.rate is not None:
        parts.append(f"{s.rate_base} {number(s.rate)}%".strip())
    if s.cap is not None:
        parts.append(f"cap {number(s.cap)}{unit}")
    if s.condition:
        parts.append(f"if {s.condition}")
    return f"{s.kind}: {', '.join(parts) or s.text}"


# A sum paid per stretch of time, as the support's own words say it: 每月1000元, 按月发放, 每年2万元
_PER_PERIOD = (("月", re.compile(r"每月|按月")), ("年", re.compile(r"每年|按年")))


def per_period(unit: str, text: str) -> str:
    """元 → 元/月 when the support's own text pays the sum per month (按照每月1000元的标准), 元/年 per year: the graph
    keeps the currency as the unit, and the period only in the words; a unit that already has one (元/人, 元/月)
    and a text naming no period, or both, stay as they are."""
    if not unit or "/" in unit or not unit.endswith("元"):
        return unit
    periods = [name for name, pattern in _PER_PERIOD if pattern.search(text or "")]
    return f"{unit}/{periods[0]}" if len(periods) == 1 else unit


def span(view) -> str:  # type: ignore[no-untyped-def]
    """[start, end): the characters of the document's stored text a view comes from ("" when it has none)."""
    start, end = getattr(view, "start", None), getattr(view, "end", None)
    return f"[{start}, {end})" if start is not None and end else ""


def number(value) -> str:  # type: ignore[no-untyped-def]
    """100, 15.5: a Decimal as the text writes it (no exponent, no trailing zeros)."""
    from decimal import Decimal

    return f"{Decimal(value).normalize():f}"


def quantity(t) -> str:  # type: ignore[no-untyped-def]
    """A TargetView's quantity or range: 100, 5–6."""
    return number(t.quantity) + (f"–{number(t.quantity_max)}" if t.quantity_max is not None else "")


def deadline(t) -> str:  # type: ignore[no-untyped-def]
    """A TargetView's deadline as a date, else the period the text gives (十四五期间)."""
    return t.deadline.isoformat() if t.deadline else t.period


def target_line(t) -> str:  # type: ignore[no-untyped-def]
    """审批周期 ≤ 15 个工作日 (2020-12-31): a TargetView as one line."""
    when = f" ({deadline(t)})" if deadline(t) else ""
    return f"{t.indicator} {t.comparator} {quantity(t)} {t.unit}{when}"


def link_names(links) -> str:  # type: ignore[no-untyped-def]
    """The documents a document links to, by slug when loaded, else by title and 发文字号 (a repealed text that is
    not loaded is still found by its number), joined by 、."""
    return "、".join(link.slug or " ".join(x for x in (link.title, link.identifier) if x) for link in links)


def facets_text(facets) -> str:  # type: ignore[no-untyped-def]
    """A SearchFacets as lines: ``by document  a (31), b (19)`` for each facet with a value, under a line saying
    how many candidates were counted."""
    lines = [f"\nwhere the {facets.counted} best candidates lie (not only the hits shown):"]
    for name in ("document", "kind", "function", "year", "jurisdiction"):
        counts = getattr(facets, name)
        if counts:
            lines.append(f"  by {name:<12} " + ", ".join(f"{c.value} ({c.count})" for c in counts))
    return "\n".join(lines)
