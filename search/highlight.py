"""Highlights: the spans of a hit's own text that the query's tokens match, merged."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .types import Highlight

__all__ = ["TermMatcher", "find_spans", "merge_spans", "highlights"]


class TermMatcher:
    """The query's terms compiled once per query into one pattern, ``(?=(longest|…|shortest))``: at every
    position the lookahead reports the longest term starting there, so overlapping matches (机器, 器人)
    are all found in one scan of the text; a shorter term starting at the same place lies inside the
    longer one and adds nothing to the union.  Case-insensitive, and offsets are the text's own."""

    def __init__(self, terms: Iterable[str]) -> None:
        unique = sorted({t for t in terms if t}, key=lambda t: (-len(t), t))
        self.terms = tuple(unique)
        self._pattern = (re.compile("(?=(" + "|".join(map(re.escape, unique)) + "))", re.IGNORECASE)
                         if unique else None)

    def spans(self, text: str) -> list[tuple[int, int]]:
        if self._pattern is None:
            return []
        return [(m.start(1), m.end(1)) for m in self._pattern.finditer(text)]


def find_spans(text: str, terms: Iterable[str] | TermMatcher) -> list[tuple[int, int]]:
    """``[start, end)`` of the longest term occurring at each position of ``text`` (ASCII
    case-insensitively), in order; their union is the union of every occurrence of every term."""
    matcher = terms if isinstance(terms, TermMatcher) else TermMatcher(terms)
    return matcher.spans(text)


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted union of spans; overlapping or touching spans become one (机器+器人 → 机器人)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def highlights(text: str, terms: Iterable[str] | TermMatcher) -> list[Highlight]:
    """The merged matches of ``terms`` in ``text`` as Highlights (offsets into ``text``); pass a
    :class:`TermMatcher` to match many texts against one query's terms."""
    return [Highlight(s, e, text[s:e]) for s, e in merge_spans(find_spans(text, terms))]
