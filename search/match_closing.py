"""The bounds an article's closing paragraph sets on every item of its list (单个企业年度贴息额最高不超过300万元;
同一经营主体本条奖补每年最高不超过15万元), for the calculator, which answers with one item.

Ingest gives such a paragraph's supports the article's path (``ingest.support.closing_paragraphs``): they bound
every item, not the last one whose text holds the line.  The index keeps supports by their own unit, and an article
split into items has no unit of its own there, so the calculator reads the closing paragraph again from the last
item's text (after the line break that ends the last item's own sentence) and takes its caps as the item's too:
shown with their words and span, and bounding the sum the item works out (``cap_over``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from kg.views import Amount, ConditionView, SupportView

from .eligibility import format_yuan

# An item's own mark ending its path: 第五条（三）, 三（1）
_ITEM_MARK = re.compile(r"(?:（[一二三四五六七八九十0-9]+）|\([0-9]+\))$")
# The end of a line closing the last item's own sentence: the next line opens the article's next paragraph (款)
_LINE_CLOSED = re.compile(r"[。；;][ \t\u3000]*\n")
# Supports that pay or limit nothing a firm gets
_NOT_PAID = ("threshold", "time-limit")


def closing_caps(unit, units: Sequence) -> list[SupportView]:
    """The caps of the closing paragraph of the article (or list) ``unit`` is an item of: each a cap alone (no sum or
    rate of its own), read from the last item's text after its own sentence's line end, with its span in the
    document.  None when the unit is no item, or its list has no closing line.  ``units``: the units of ``unit``'s
    document (the calculator groups the index's units by document once per call)."""
    if unit is None or unit.kind != "item" or not _ITEM_MARK.search(unit.path or ""):
        return []
    parent = _ITEM_MARK.sub("", unit.path)
    items = [u for u in units if u.document == unit.document and u.kind == "item"
             and _ITEM_MARK.sub("", u.path) == parent and _ITEM_MARK.search(u.path)]
    if not items:
        return []
    last = max(items, key=lambda u: u.start)
    line = _LINE_CLOSED.search(last.text)
    if line is None or not last.text[line.end():].strip():
        return []
    from ingest.support import extract_supports

    own = {s.start for s in last.context.supports}  # a store built before ingest moved them: already the item's
    found = extract_supports(last.text[line.end():], last.start + line.end(), parent, f"{last.id}.closing")
    return [_view(s, last.id) for s in found
            if s.cap is not None and s.amount is None and s.rate is None and s.kind not in _NOT_PAID
            and s.span.start not in own]


def _view(s, iri: str) -> SupportView:
    """An ingest Support read here as the read model's SupportView (its iri made from the last item's)."""
    return SupportView(
        iri=f"{iri}.closing.{s.span.start}", unit_iri="", unit_path=s.unit_path, kind=s.kind, amount=s.amount,
        amount_max=s.amount_max, unit=s.unit, rate=s.rate, rate_base=s.rate_base, cap=s.cap,
        comparator=s.comparator, condition=s.condition, text=s.text, start=s.span.start, end=s.span.end,
        conditions=[ConditionView(c.kind, c.field, c.comparator, c.value, c.value_max, list(c.values), c.unit,
                                  c.text, c.span.start, c.span.end) for c in s.conditions],
        valid_from=s.valid_from, valid_until=s.valid_until, validity_text=s.validity_text)


def cap_over(found: list[Amount], cap: Decimal, words: str, lang: str) -> list[Amount]:
    """The amounts, each sum worked out on a rate or base (kind rate) above ``cap`` lowered to it, with the words
    that set the cap in its working: the cap bounds the sum however the item computes it."""
    out = []
    for a in found:
        if a.kind == "rate" and a.value is not None and Decimal(str(a.value)) > cap and (a.cap is None or a.cap > cap):
            note = (f"，高于{words} → {format_yuan(cap)} 元" if lang == "zh"
                    else f", above the cap ({words}) → {format_yuan(cap)} 元")
            a = replace(a, value=cap, kind="cap", cap=cap, formula=a.formula + note)
        out.append(a)
    return out


def closing_capped(found: list[Amount], caps: Sequence[SupportView], lang: str) -> list[Amount]:
    """The item's amounts bounded by each closing cap written in money (单个企业年度贴息额最高不超过300万元)."""
    from .eligibility import _cap_as_written

    for s in caps:
        cap = _cap_as_written(s)
        if cap is not None:
            found = cap_over(found, cap, re.split(r"[，,；;。]", s.text.strip())[0], lang)
    return found
