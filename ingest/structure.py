"""Parse the numbering levels of Chinese official documents (第一章 … 一、 （一） 1. （1） ① --) into Units."""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass

from .errors import ParseError
from .model import Numbering, Span, Unit, UnitKind

__all__ = [
    "Label",
    "find_labels",
    "parse_structure",
    "han_to_int",
    "heading_of",
    "NO_STRUCTURE",
]

log = logging.getLogger(__name__)

NO_STRUCTURE = "no numbered structure found (expected labels such as 一、 （一） 1. …)"

_HAN = "零〇一二三四五六七八九十百两"
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# Indentation before a label: ASCII spaces, tabs, no-break and ideographic (U+3000) spaces.
_LINE_START = re.compile(r"^[ \t\xa0\u3000]*", re.MULTILINE)

# Tried in this order at each line start; the first that matches wins.
_LABEL_PATTERNS: tuple[tuple[Numbering, re.Pattern[str]], ...] = (
    (Numbering.ARTICLE_CHAPTER, re.compile(rf"第([{_HAN}0-9]+)章")),
    (Numbering.ARTICLE_SECTION, re.compile(rf"第([{_HAN}0-9]+)节")),
    (Numbering.ARTICLE, re.compile(rf"第([{_HAN}0-9]+)条")),
    (Numbering.HAN_COMMA, re.compile(rf"([{_HAN}]+)、")),
    (Numbering.HAN_PAREN, re.compile(rf"[（(]([{_HAN}]+)[）)]")),
    (Numbering.ARABIC_PAREN, re.compile(r"[（(]([0-9０-９]+)[）)]")),
    # 1. / 1、 / 1． but not a decimal such as 1.5
    (Numbering.ARABIC, re.compile(r"([0-9０-９]{1,3})[.．、](?![0-9０-９])")),
    (Numbering.CIRCLED, re.compile(rf"([{_CIRCLED}])")),
    (Numbering.BULLET, re.compile(r"(--|——|－－)")),
)

# A heading ends at the first sentence stop.
_STOPS = "。；：！!？?;:"
_STOP_RE = re.compile(rf"[{_STOPS}]")


@dataclass(frozen=True, slots=True)
class Label:
    """A numbering label found at the start of a line."""

    numbering: Numbering
    start: int
    end: int
    numeral: str  # the numeral as written: 一, 1, ①, -- …
    line: int


def han_to_int(numeral: str) -> int:
    """Value of a Chinese (一 … 九十九, 百) or Arabic (also full-width) numeral, or a circled digit."""
    if len(numeral) == 1 and numeral in _CIRCLED:
        return _CIRCLED.index(numeral) + 1
    numeral = numeral.translate(_FULLWIDTH_DIGITS)
    if numeral.isascii() and numeral.isdigit():  # not str.isdigit alone: '⑤'.isdigit() is True
        return int(numeral)
    digits = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    total, current = 0, 0
    for ch in numeral:
        if ch in digits:
            current = digits[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            raise ValueError(f"not a numeral: {numeral!r}")
    return total + current


def find_labels(source: str) -> list[Label]:
    """Every numbering label that starts a line (after optional indentation), in order."""
    newlines = [i for i, ch in enumerate(source) if ch == "\n"]
    labels: list[Label] = []
    for line_start in _LINE_START.finditer(source):
        pos = line_start.end()
        for numbering, pattern in _LABEL_PATTERNS:
            m = pattern.match(source, pos)
            if m:
                line = bisect.bisect_right(newlines, pos - 1) + 1
                labels.append(Label(numbering, pos, m.end(), m.group(1), line))
                break
    return labels


def heading_of(text: str) -> str:
    """The leading clause: the first line if it has no sentence stop, else the text up to the first stop.

    (A first line that merely fails to *end* with a stop but has one inside is a sentence, not a title.)
    """
    first_line = re.split(r"[\r\n]", text, maxsplit=1)[0].rstrip()
    m = _STOP_RE.search(first_line)
    return first_line[: m.start()] if m else first_line


def _own_span(source: str, start: int, end: int) -> Span:
    """[start, end) with surrounding whitespace (incl. U+3000 and newlines) trimmed."""
    region = source[start:end]
    stripped = region.strip()
    if not stripped:
        return Span(start, start)
    lead = len(region) - len(region.lstrip())
    return Span(start + lead, start + lead + len(stripped))


def _segments(numbering: Numbering, numeral: str, number: int) -> tuple[str, str]:
    """(path segment, key segment) of one unit."""
    ascii_numeral = numeral.translate(_FULLWIDTH_DIGITS)
    match numbering:
        case Numbering.ARTICLE_CHAPTER:
            return f"第{numeral}章", f"c{number}"
        case Numbering.ARTICLE_SECTION:
            return f"第{numeral}节", f"s{number}"
        case Numbering.ARTICLE:
            return f"第{numeral}条", f"a{number}"
        case Numbering.HAN_COMMA:
            return numeral, str(number)
        case Numbering.HAN_PAREN:
            return f"（{numeral}）", str(number)
        case Numbering.ARABIC:
            return ascii_numeral, str(number)
        case Numbering.ARABIC_PAREN:
            return f"（{ascii_numeral}）", f"p{number}"
        case Numbering.CIRCLED:
            return numeral, f"o{number}"
        case Numbering.BULLET:
            return f"-{number}", f"b{number}"
    raise AssertionError(numbering)


def _nest(labels: list[Label]) -> list[int | None]:
    """Parent index of each label: styles rank by the order they first appear; bullets nest
    under the unit they appear in."""
    rank: dict[Numbering, int] = {}
    parents: list[int | None] = []
    stack: list[int] = []
    for i, label in enumerate(labels):
        if label.numbering is Numbering.BULLET:
            while stack and labels[stack[-1]].numbering is Numbering.BULLET:
                stack.pop()
        else:
            level = rank.setdefault(label.numbering, len(rank))
            while stack and (
                labels[stack[-1]].numbering is Numbering.BULLET
                or rank[labels[stack[-1]].numbering] >= level
            ):
                stack.pop()
        parents.append(stack[-1] if stack else None)
        stack.append(i)
    return parents


def parse_structure(source: str, file: str = "<text>") -> tuple[list[Unit], Span | None]:
    """Units in document order (parents before children) and the preamble span.

    Raises ParseError when fewer than two labelled units are found.
    """
    labels = find_labels(source)
    if len(labels) < 2:
        raise ParseError(file, NO_STRUCTURE)
    parents = _nest(labels)
    units: list[Unit] = []
    seen_keys: set[str] = set()
    siblings: dict[tuple[int | None, Numbering], int] = {}
    for i, label in enumerate(labels):
        parent = units[parents[i]] if parents[i] is not None else None
        count = siblings.get((parents[i], label.numbering), 0) + 1
        siblings[(parents[i], label.numbering)] = count
        number = count if label.numbering is Numbering.BULLET else han_to_int(label.numeral)
        path_seg, key_seg = _segments(label.numbering, label.numeral, number)
        if label.numbering is Numbering.ARTICLE or parent is None:
            # 第三条 is numbered through the whole document, so it needs no chapter prefix.
            path, key = path_seg, key_seg
        else:
            path, key = parent.path + path_seg, f"{parent.key}.{key_seg}"
        if key in seen_keys:
            log.warning("%s:%d: duplicate numbering %s%s", file, label.line, label.numeral, label.numbering.value)
            suffix = 2
            while f"{key}_{suffix}" in seen_keys:
                suffix += 1
            path, key = f"{path}#{suffix}", f"{key}_{suffix}"
        seen_keys.add(key)
        bound = labels[i + 1].start if i + 1 < len(labels) else len(source)
        span = _own_span(source, label.end, bound)
        text = span.text(source)
        heading = heading_of(text)
        unit = Unit(
            kind=UnitKind.ITEM,
            numbering=label.numbering,
            number=number,
            label=source[label.start : label.end],
            path=path,
            key=key,
            heading=heading,
            text=text,
            span=span,
            heading_span=Span(span.start, span.start + len(heading)),
            parent=parent.path if parent else None,
            line=label.line,
        )
        if parent is not None:
            parent.children.append(path)
        units.append(unit)
    preamble = _own_span(source, 0, labels[0].start)
    return units, (preamble if preamble.end > preamble.start else None)
