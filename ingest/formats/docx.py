"""Word .docx: paragraphs and tables in document order, with the labels Word numbers automatically.

Tables become one line per row, cells joined by tabs (a task table stays a readable row per task).
A paragraph numbered by Word (``w:numPr``) holds no label in its text: the label is rendered from
the numbering definition when its format is one Chinese documents use (decimal, chineseCounting,
circled …); any other format is reported as a warning.
"""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import dataclass, field

from ..errors import ParseError
from .base import Extracted, clean_title, normalise_lines
from .limits import LimitError, read_limits

__all__ = ["read_docx", "format_number"]

log = logging.getLogger(__name__)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HAN_DIGITS = "零一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_STEMS = "甲乙丙丁戊己庚辛壬癸"  # ideographTraditional
_LEGAL = str.maketrans("一二三四五六七八九十百", "壹贰叁肆伍陆柒捌玖拾佰")  # chineseLegalSimplified
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_TEXT_TAGS = frozenset(f"{_W}{t}" for t in ("t", "tab", "br", "cr", "noBreakHyphen"))
_SKIPPED_TAGS = frozenset({f"{_W}del", f"{_W}delText", f"{_W}instrText", f"{_MC}Fallback", f"{_W}pPr", f"{_W}rPr"})


def _han(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (the chineseCounting format)."""
    if n < 10:
        return _HAN_DIGITS[n]
    if n < 20:
        return "十" + (_HAN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _HAN_DIGITS[n // 10] + "十" + (_HAN_DIGITS[n % 10] if n % 10 else "")
    rest = n % 100
    tail = "" if rest == 0 else ("零" + _HAN_DIGITS[rest] if rest < 10 else ("一" + _han(rest) if rest < 20 else _han(rest)))
    return _HAN_DIGITS[n // 100] + "百" + tail


def _letter(n: int) -> str:
    return chr(ord("a") + n - 1) if 1 <= n <= 26 else ""


# w:numFmt values that Chinese documents use, rendered; others leave the label out (with a warning).
_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "chineseCounting": _han,
    "chineseCountingThousand": _han,
    "chineseLegalSimplified": lambda n: _han(n).translate(_LEGAL),
    "ideographTraditional": lambda n: _STEMS[n - 1] if 1 <= n <= len(_STEMS) else str(n),
    "decimalFullWidth": lambda n: str(n).translate(_FULLWIDTH),
    "decimalFullWidth2": lambda n: str(n).translate(_FULLWIDTH),
    "decimalEnclosedCircle": lambda n: _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else str(n),
    "decimalEnclosedCircleChinese": lambda n: _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else str(n),
    "lowerLetter": _letter,
    "upperLetter": lambda n: _letter(n).upper(),
    "bullet": lambda n: "",
    "none": lambda n: "",
}


def format_number(n: int, fmt: str) -> str | None:
    """Counter ``n`` in Word's ``w:numFmt`` ``fmt`` (decimal → 3, chineseCounting → 三); None if not rendered."""
    render = _FORMATS.get(fmt)
    return render(n) if render else None


@dataclass(slots=True)
class _Level:
    fmt: str
    text: str  # w:lvlText, e.g. "%1、", "（%2）"
    start: int


@dataclass(slots=True)
class _Numbering:
    """The numbering part: numId → levels, and the running counters of each list."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    unrendered: set[str] = field(default_factory=set)

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a new item restarts the levels below it
        text = levels[ilvl].text
        for lvl, level in levels.items():
            placeholder = f"%{lvl + 1}"
            if placeholder in text:
                value = format_number(counters.get(lvl, level.start), level.fmt)
                if value is None:
                    self.unrendered.add(level.fmt)
                    return ""
                text = text.replace(placeholder, value)
        if levels[ilvl].fmt == "bullet":
            return ""
        return text


def _attr(el, name: str) -> str | None:
    return el.get(f"{_W}{name}") if el is not None else None


def _load_numbering(document) -> _Numbering:
    """Read numbering.xml: each w:num's levels (its w:abstractNum's, with start overrides)."""
    numbering = _Numbering()
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return numbering
    abstract: dict[str, dict[int, _Level]] = {}
    for an in root.iter(f"{_W}abstractNum"):
        levels = {}
        for lvl in an.iter(f"{_W}lvl"):
            fmt = _attr(lvl.find(f"{_W}numFmt"), "val") or "decimal"
            text = _attr(lvl.find(f"{_W}lvlText"), "val") or ""
            start = int(_attr(lvl.find(f"{_W}start"), "val") or 1)
            levels[int(_attr(lvl, "ilvl") or 0)] = _Level(fmt, text, start)
        abstract[_attr(an, "abstractNumId") or ""] = levels
    for num in root.iter(f"{_W}num"):
        levels = dict(abstract.get(_attr(num.find(f"{_W}abstractNumId"), "val") or "", {}))
        for override in num.iter(f"{_W}lvlOverride"):
            ilvl = int(_attr(override, "ilvl") or 0)
            start = _attr(override.find(f"{_W}startOverride"), "val")
            if start is not None and ilvl in levels:
                old = levels[ilvl]
                levels[ilvl] = _Level(old.fmt, old.text, int(start))
        numbering.levels[_attr(num, "numId") or ""] = levels
    return numbering


def _num_pr(paragraph, styles: dict) -> tuple[str, int] | None:
    """(numId, ilvl) of a paragraph, directly or through its paragraph style chain."""
    ppr = paragraph.find(f"{_W}pPr")
    num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
    style_id = _attr(ppr.find(f"{_W}pStyle"), "val") if ppr is not None else None
    seen = set()
    while num_pr is None and style_id and style_id not in seen:
        seen.add(style_id)
        style = styles.get(style_id)
        if style is None:
            break
        sppr = style.find(f"{_W}pPr")
        num_pr = sppr.find(f"{_W}numPr") if sppr is not None else None
        style_id = _attr(style.find(f"{_W}basedOn"), "val")
    if num_pr is None:
        return None
    num_id = _attr(num_pr.find(f"{_W}numId"), "val")
    if not num_id or num_id == "0":
        return None
    return num_id, int(_attr(num_pr.find(f"{_W}ilvl"), "val") or 0)


def _text_elements(element):
    """w:t, w:tab, w:br, w:cr and w:noBreakHyphen under ``element`` in document order, leaving out
    deleted text and the fallback copy of a text box (mc:Fallback repeats what mc:Choice holds)."""
    for child in element.iterchildren():
        tag = child.tag
        if tag in _TEXT_TAGS:
            yield child
        elif tag not in _SKIPPED_TAGS and isinstance(tag, str):
            yield from _text_elements(child)


def _run_text(element) -> str:
    """The text of a paragraph's runs: w:t, tabs, breaks (→ new line); deleted text is skipped."""
    parts = []
    for el in _text_elements(element):
        tag = el.tag.removeprefix(_W)
        if tag == "t":
            parts.append(el.text or "")
        elif tag == "tab" and el.getparent().tag == f"{_W}r":
            parts.append("\t")
        elif tag in ("br", "cr") and _attr(el, "type") not in ("page", "column"):
            parts.append("\n")
        elif tag == "noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def _paragraph_lines(p, styles: dict, numbering: _Numbering) -> list[str]:
    text = _run_text(p)
    num = _num_pr(p, styles)
    if num is not None:
        label = numbering.label(*num)  # counted even on an empty paragraph, as Word does
        # 一、 （一） 1. carry their own separator; a bare "%1" label gets a space.
        separator = " " if label and label[-1].isalnum() else ""
        text = label + separator + text.lstrip() if label and text.strip() else text
    return text.split("\n")


def _cell_text(tc, styles: dict, numbering: _Numbering) -> str:
    """A table cell on one line: its paragraphs (and nested tables) joined by spaces."""
    lines = []
    for child in tc.iter(f"{_W}p"):
        lines += [line.strip() for line in _paragraph_lines(child, styles, numbering)]
    return " ".join(line for line in lines if line).replace("\t", " ")


def _table_lines(tbl, styles: dict, numbering: _Numbering) -> list[str]:
    """One line per row, cells joined by tabs; a merged cell counts once."""
    lines = []
    for tr in tbl.iterchildren(f"{_W}tr"):
        cells = [_cell_text(tc, styles, numbering) for tc in tr.iterchildren(f"{_W}tc")]
        if any(cells):
            lines.append("\t".join(cells))
    return lines


def _block_lines(container, styles: dict, numbering: _Numbering) -> list[str]:
    """Paragraphs and tables of the body (or of a content control) in document order."""
    lines: list[str] = []
    for child in container.iterchildren():
        tag = child.tag
        if tag == f"{_W}p":
            lines += _paragraph_lines(child, styles, numbering)
        elif tag == f"{_W}tbl":
            lines += _table_lines(child, styles, numbering)
        elif tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                lines += _block_lines(content, styles, numbering)
    return lines


def _check_inflated_size(raw: bytes, file: str) -> None:
    """Refuse a .docx whose parts would inflate past ``max_unzipped_mb`` (a zip bomb), before any is inflated.
    The sizes are the ZIP directory's; a part that holds more than it declares fails its CRC check instead."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            total = sum(info.file_size for info in z.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # python-docx says what is wrong with it
    if total > read_limits().max_unzipped_bytes:
        raise LimitError(file, f"a .docx that inflates to {total / (1 << 20):,.0f} MB", "max_unzipped_mb")


def read_docx(raw: bytes, file: str) -> Extracted:
    """Text of a .docx file, one paragraph or table row per line."""
    import docx  # python-docx, imported lazily
    from docx.opc.exceptions import PackageNotFoundError

    _check_inflated_size(raw, file)
    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as e:
        raise ParseError(file, f"not a readable .docx ({e}); open it in Word or WPS and save it again as .docx") from e
    except Exception as e:  # zipfile.BadZipFile, lxml errors on a damaged part
        raise ParseError(file, f"damaged .docx ({type(e).__name__}: {e}); open it in Word or WPS and save it again") from e
    styles = {_attr(s, "styleId"): s for s in document.styles.element.iter(f"{_W}style")}
    numbering = _load_numbering(document)
    text = normalise_lines(_block_lines(document.element.body, styles, numbering))
    warnings = tuple(
        f"{file}: automatic numbering in format {fmt!r} is not rendered; its labels are missing from the text"
        for fmt in sorted(numbering.unrendered)
    )
    for warning in warnings:
        log.warning(warning)
    if not text.strip():
        raise ParseError(file, "the .docx holds no text (only images or empty paragraphs?); "
                               "if it is a scan, OCR it first and ingest the result")
    return Extracted(
        text=text,
        format="docx",
        encoding="",
        sha256=hashlib.sha256(raw).hexdigest(),
        title=clean_title(document.core_properties.title or ""),
        warnings=warnings,
    )
