"""Highlights: the spans of a hit's own text that the query's tokens match, merged."""

from __future__ import annotations

from collections.abc import Iterable

from .types import Highlight

__all__ = ["find_spans", "merge_spans", "highlights"]


def find_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Every ``[start, end)`` where a term occurs in ``text`` (ASCII case-insensitively), unsorted."""
    lowered = text.lower()
    spans: list[tuple[int, int]] = []
    for term in set(terms):
        if not term:
            continue
        needle = term.lower()
        start = lowered.find(needle)
        while start != -1:
            spans.append((start, start + len(needle)))
            start = lowered.find(needle, start + 1)
    return spans


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted union of spans; overlapping or touching spans become one (机器+器人 → 机器人)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def highlights(text: str, terms: Iterable[str]) -> list[Highlight]:
    """The merged matches of ``terms`` in ``text`` as Highlights (offsets into ``text``)."""
    return [Highlight(s, e, text[s:e]) for s, e in merge_spans(find_spans(text, terms))]
