"""The numbering labels of Chinese official documents, as they open a line: 第一篇 第一部分 第一章 第一节 第一条 一、
（一） 1. （1） ① --, their values (han_to_int) and the path and key segment each gives a unit (``segments``).
ingest.structure nests them into units."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .model import Numbering

__all__ = ["CIRCLED", "FULLWIDTH_DIGITS", "HAN", "LINE_START", "STOP_RE", "Label", "find_labels", "han_to_int",
           "heading_of", "segments"]

HAN = "零〇一二三四五六七八九十百两"
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# Indentation before a label: ASCII spaces, tabs, no-break and ideographic (U+3000) spaces.
LINE_START = re.compile(r"^[ \t\xa0\u3000]*", re.MULTILINE)

# Tried in this order at each line start; the first that matches wins.
_LABEL_PATTERNS: tuple[tuple[Numbering, re.Pattern[str]], ...] = (
    (Numbering.BOOK, re.compile(rf"第([{HAN}0-9]+)篇")),
    (Numbering.PART, re.compile(rf"第([{HAN}0-9]+)部分")),
    (Numbering.ARTICLE_CHAPTER, re.compile(rf"第([{HAN}0-9]+)章")),
    (Numbering.ARTICLE_SECTION, re.compile(rf"第([{HAN}0-9]+)节")),
    (Numbering.ARTICLE, re.compile(rf"第([{HAN}0-9]+)条")),
    (Numbering.HAN_COMMA, re.compile(rf"([{HAN}]+)、")),
    # a web page may space the label inside its brackets: ( 十一 ) / （ 3 ）
    (Numbering.HAN_PAREN, re.compile(rf"[（(][ \u3000]?([{HAN}]+)[ \u3000]?[）)]")),
    (Numbering.ARABIC_PAREN, re.compile(r"[（(][ \u3000]?([0-9０-９]+)[ \u3000]?[）)]")),
    # 1. / 1、 / 1． but not a decimal such as 1.5
    (Numbering.ARABIC, re.compile(r"([0-9０-９]{1,3})[.．、](?![0-9０-９])")),
    (Numbering.CIRCLED, re.compile(rf"([{CIRCLED}])")),
    (Numbering.BULLET, re.compile(r"(--|——|－－)")),
)

# A heading ends at the first sentence stop.
_STOPS = "。；：！!？?;:"
STOP_RE = re.compile(rf"[{_STOPS}]")


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
    if len(numeral) == 1 and numeral in CIRCLED:
        return CIRCLED.index(numeral) + 1
    numeral = numeral.translate(FULLWIDTH_DIGITS)
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


_NOTE_START = re.compile(r"[ \t\u3000]*(?:注|说明|备注)\s*[：:]\s*1\s*[、.．]")


def find_labels(source: str) -> list[Label]:
    """Every numbering label that starts a line (after optional indentation), in order."""
    newlines = [i for i, ch in enumerate(source) if ch == "\n"]
    labels: list[Label] = []
    note_next = 0  # 注：1、… then 2、… 3、… on the lines below: the note's points, no units
    for line_start in LINE_START.finditer(source):
        pos = line_start.end()
        note = _NOTE_START.match(source, pos)
        if note:
            note_next = 2
            continue
        for numbering, pattern in _LABEL_PATTERNS:
            m = pattern.match(source, pos)
            if m and note_next and m.group(1).isdigit() and int(m.group(1)) == note_next:
                note_next += 1
                break
            if m:
                line = bisect.bisect_right(newlines, pos - 1) + 1
                labels.append(Label(numbering, pos, m.end(), m.group(1), line))
                note_next = 0
                break
    return labels


def heading_of(text: str) -> str:
    """The leading clause: the first line if it has no sentence stop, else the text up to the first stop.

    (A first line that merely fails to *end* with a stop but has one inside is a sentence, not a title.)
    """
    first_line = re.split(r"[\r\n]", text, maxsplit=1)[0].rstrip()
    m = STOP_RE.search(first_line)
    return first_line[: m.start()] if m else first_line


def segments(numbering: Numbering, numeral: str, number: int) -> tuple[str, str]:
    """(path segment, key segment) of one unit."""
    ascii_numeral = numeral.translate(FULLWIDTH_DIGITS)
    match numbering:
        case Numbering.BOOK:
            return f"第{numeral}篇", f"bk{number}"
        case Numbering.PART:
            return f"第{numeral}部分", f"pt{number}"
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
