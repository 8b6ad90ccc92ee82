"""The numbering labels of Chinese official documents, as they open a line: 第一篇 第一部分 第一章 第一节 第一条 一、
（一） 1. （1） ① --, their values (han_to_int) and the path and key segment each gives a unit (``segments``).
ingest.structure nests them into units."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .model import Numbering

__all__ = [
    "CIRCLED",
    "DECIMALS",
    "FULLWIDTH_DIGITS",
    "HAN",
    "LINE_START",
    "STOP_RE",
    "Label",
    "decimal_parts",
    "find_labels",
    "han_to_int",
    "heading_of",
    "is_table_row",
    "opens_contents",
    "segments",
]

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
    # 一、 / 一 、 / 一．(a full-width point some local pages use)
    (Numbering.HAN_COMMA, re.compile(rf"([{HAN}]+)(?:[ \u3000]?、|．|\.(?![0-9０-９]))")),
    # a web page may space the label inside its brackets: ( 十一 ) / （ 3 ）
    (Numbering.HAN_PAREN, re.compile(rf"[（(][ \u3000]?([{HAN}]+)[ \u3000]?[）)]")),
    (Numbering.ARABIC_PAREN, re.compile(r"[（(][ \u3000]?([0-9０-９]+)[ \u3000]?[）)]")),
    # 1）/ 1): the closing bracket alone
    (Numbering.ARABIC_PAREN, re.compile(r"([0-9０-９]{1,2})[）)](?=[ \u3000]*[\u4e00-\u9fff“《（(])")),
    # a decimal outline: 1.1.1 / 1.1 before a heading word (kept only when they run as an outline: _outline)
    (Numbering.DECIMAL_3, re.compile(
        r"([0-9０-９]{1,2}[.．][0-9０-９]{1,2}[.．][0-9０-９]{1,2})[.．、]?(?=[ \t\u3000]*[\u4e00-\u9fff《“])")),
    (Numbering.DECIMAL_2, re.compile(r"([0-9０-９]{1,2}[.．][0-9０-９]{1,2})[.．、]?(?=[ \t\u3000]*[\u4e00-\u9fff《“])")),
    # 1. / 1、 / 1． but not a decimal such as 1.5; a mark a page sets after the number (1*. / 2★、: a new or key
    # measure) is no part of it
    (Numbering.ARABIC, re.compile(r"([0-9０-９]{1,3})(?:[ \u3000]*[*＊★☆▲△][ \u3000]*)?[.．、](?![0-9０-９])")),
    # 1<TAB>任务<TAB>牵头单位…: a table row copied as text, numbered by its 序号 cell (one of three cells or more); a
    # long task cell may wrap onto the next line after a comma (1<TAB>新增企业15家，<newline>增加值增长7%<TAB>…)
    (Numbering.ARABIC, re.compile(r"([0-9０-９]{1,3})[ \u3000]*\t(?=[ \u3000]*[^\s0-9][^\t\r\n]*"
                                  r"(?:[，,、]\r?\n[^\t\r\n]+)?\t[^\t\r\n]*[^\s])")),
    # 1 总则: a number, a space and a short heading line (the top of a decimal outline)
    (Numbering.DECIMAL_1, re.compile(r"([0-9０-９]{1,2})[ \t\u3000]+(?=[\u4e00-\u9fff][^\r\n。；;，,]{0,24}[ \t\u3000]*$)",
                                     re.MULTILINE)),
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


DECIMALS = (Numbering.DECIMAL_1, Numbering.DECIMAL_2, Numbering.DECIMAL_3)
_TOC_LINE = re.compile(r"^[ \t\u3000]*目[ \t\u3000]*[录錄][ \t\u3000]*[：:]?[ \t\u3000]*$", re.MULTILINE)


def opens_contents(text: str) -> bool:
    """Whether ``text`` opens with a table of contents' heading (目录 on its own line)."""
    first = re.split(r"[\r\n]", text.lstrip(" \t\u3000\r\n"), maxsplit=1)[0]
    return bool(_TOC_LINE.fullmatch(first))


def decimal_parts(numeral: str) -> tuple[int, ...]:
    """(1, 2) of 1.2 (also written with full-width digits and points)."""
    return tuple(int(p) for p in numeral.translate(FULLWIDTH_DIGITS).replace("．", ".").split("."))


def _follows(prev: tuple[int, ...], parts: tuple[int, ...]) -> bool:
    """Whether ``parts`` can come next after ``prev`` in an outline: its first child (1 → 1.1), or the next of
    ``prev`` or of one of its ancestors, opened at its first children (1.2 → 1.3, 1.2.3 → 2, 1.2 → 2.1)."""
    if parts == (*prev, 1):
        return True
    for k in range(1, len(prev) + 1):
        if (len(parts) >= k and parts[: k - 1] == prev[: k - 1] and parts[k - 1] == prev[k - 1] + 1
                and all(p == 1 for p in parts[k:])):
            return True
    return False


def _outline(labels: list[Label]) -> list[Label]:
    """Keep the decimal labels (1 总则, 1.1 …) only where they run as an outline, each following the one before
    (1.5万元 opening a line is an amount, not a unit); none when the text holds no two-level outline."""
    decimal = [lab for lab in labels if lab.numbering in DECIMALS]
    if not decimal:
        return labels
    kept: set[int] = set()
    prev: tuple[int, ...] | None = None
    for lab in decimal:
        parts = decimal_parts(lab.numeral)
        # an outline starts (or starts again, in an annex) at 1 / 1.1, or at the first part of a later section
        starts = all(p == 1 for p in parts) or (prev is None and all(p == 1 for p in parts[1:]))
        if starts or (prev is not None and _follows(prev, parts)):
            kept.add(lab.start)
            prev = parts
    deep = [lab for lab in decimal if lab.start in kept and lab.numbering is not Numbering.DECIMAL_1]
    if len(kept) < 3 or not deep:
        kept = set()
    return [lab for lab in labels if lab.numbering not in DECIMALS or lab.start in kept]


def _without_contents(source: str, labels: list[Label]) -> list[Label]:
    """Drop the labels of a table of contents (目录 on its own line, then the headings the text repeats below): from
    the first label after 目录 up to where that label comes again."""
    for toc in _TOC_LINE.finditer(source):
        after = [i for i, lab in enumerate(labels) if lab.start > toc.end()]
        if not after:
            continue
        first = labels[after[0]]
        again = next((i for i in after[1:] if labels[i].numbering is first.numbering
                      and labels[i].numeral == first.numeral), None)
        if again is not None:
            labels = labels[: after[0]] + labels[again:]
    return labels


def find_labels(source: str) -> list[Label]:
    """Every numbering label that starts a line (after optional indentation), in order, leaving out a table of
    contents and decimal numbers that run as no outline."""
    return _outline(_without_contents(source, _line_labels(source)))


def _line_labels(source: str) -> list[Label]:
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


def is_table_row(source: str, label: Label) -> bool:
    """Whether ``label`` is the 序号 cell of a table row (1<TAB>任务<TAB>…, 1.<TAB>任务<TAB>…), not a 1. written
    before a heading."""
    if label.numbering is not Numbering.ARABIC:
        return False
    if source[label.start:label.end].rstrip(" \u3000").endswith("\t"):
        return True
    line_end = source.find("\n", label.end)
    return source[label.end : len(source) if line_end == -1 else line_end].strip(" \t\u3000\r").count("\t") >= 1 and \
        source[label.end : label.end + 1] == "\t"


def heading_of(text: str) -> str:
    """The leading clause: the first line if it has no sentence stop, else the text up to the first stop.

    (A first line that merely fails to *end* with a stop but has one inside is a sentence, not a title.)
    """
    first_line = re.split(r"[\r\n]", text, maxsplit=1)[0].rstrip()
    if first_line.count("\t") >= 2:
        first_line = first_line.split("\t", 1)[0].rstrip()  # a table row: its task cell, not the owners after it
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
        case Numbering.DECIMAL_1 | Numbering.DECIMAL_2 | Numbering.DECIMAL_3:
            # the numeral is the whole outline path (1.2.3); ingest.structure prefixes only what is above the outline
            dotted = ".".join(str(p) for p in decimal_parts(numeral))
            return dotted, "d" + dotted.replace(".", "_")
        case Numbering.CIRCLED:
            return numeral, f"o{number}"
        case Numbering.BULLET:
            return f"-{number}", f"b{number}"
    raise AssertionError(numbering)
