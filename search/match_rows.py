"""A task table's row read whole: the row's unit (kind ``task_row``) keeps the row's name and its bodies
(创新创业团队回购…的机制，国家发展改革委、财政部), while the row's own content column (可按照投资本金和同期商业贷款利息回购股权)
is written only in the text of the unit that holds the table.  The calculator shows and checks the row with its
content, so the answer a firm asks about is on the row that ranks."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from .types import IndexUnit

ROW_KIND = "task_row"
# The next row of the table as the holding unit writes it: its number alone on a line (\n22\n)
_NEXT_ROW = re.compile(r"\n\s*\d{1,3}\s*\n")


def row_name(text: str) -> str:
    """The row's name: its unit's text before the comma that joins the bodies on."""
    head, sep, _ = text.rpartition("，")
    return head if sep else text


def full_row(text: str, holders: Sequence[IndexUnit]) -> str:
    """The row as the holding unit writes it, name first, up to the next row's number; ``text`` when no holder
    writes the name on a line of its own followed by more than the bodies (a row with no content column)."""
    name = row_name(text)
    if len(name) < 6:
        return text
    for holder in holders:
        at = holder.text.find(name + "\n")
        if at < 0:
            continue
        rest = holder.text[at:]
        following = _NEXT_ROW.search(rest, len(name))
        row = (rest[:following.start()] if following else rest).strip()
        if len(row) > len(text):
            return row
    return text


def with_full_rows(hits: Sequence[Any], units: Mapping[str, Sequence[IndexUnit]]) -> list[Any]:
    """The hits with each task row's text read whole (full_row) from the units of its document holding the table."""
    out = []
    for hit in hits:
        if getattr(hit, "kind", "") == ROW_KIND:
            holders = [u for u in units.get(hit.document, ()) if u.kind != ROW_KIND and u.start <= hit.start]
            holders.sort(key=lambda u: -u.start)  # the nearest holder before the row first
            text = full_row(hit.text, holders)
            if text != hit.text:
                hit = replace(hit, text=text)
        out.append(hit)
    return out
