"""PDF with a text layer (pypdfium2): body text per page, running headers/footers and page numbers
dropped, lines the layout broke mid-sentence joined, page boundaries kept as offsets.

Joining follows the page geometry as well as the words: a line is continued by the next one when
it does not end a sentence (。；：！？), reaches the right edge of the text column (it was wrapped,
not ended), and the next line neither starts with a numbering label nor is indented (a new
paragraph). So a short heading line (（一）指导思想) stays on its own line, as in the plain text.
Where the document indents the first line of its paragraphs, a wrapped line that happens to end
with a stop is joined too, so paragraphs come out whole.
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass

from ..errors import ParseError
from .limits import LimitError, read_limits
from .base import Extracted, PageSpan, cjk_count, clean_title, ends_sentence, normalise_compat, starts_with_label

__all__ = ["read_pdf", "is_page_number", "running_lines", "should_join", "Line", "NO_TEXT_LAYER"]

log = logging.getLogger(__name__)

NO_TEXT_LAYER = ("no text layer: it looks scanned; OCR it first (e.g. `ocrmypdf -l chi_sim in.pdf out.pdf`, "
                 "or tesseract with chi_sim) and ingest the result")

_SPACES = " \t\r\xa0\u3000"
# Page-number lines: "3", "- 3 -", "— 3 —", "第3页", "第 3 页 共 10 页", "3/10", "Page 3 of 10".
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—－·•\s]*[0-9０-９]+[-–—－·•\s]*"
    r"|第\s*[0-9０-９一二三四五六七八九十百]+\s*页(?:\s*[,，/]?\s*共\s*[0-9０-９]+\s*页)?"
    r"|[0-9０-９]+\s*/\s*[0-9０-９]+"
    r"|(?:page|p\.)\s*\d+(?:\s*(?:of|/)\s*\d+)?)$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"[0-9０-９]+")
_ASCII_WORD = re.compile(r"[\x21-\x7e]+")
_EDGE_BAND = 0.1  # top and bottom tenth of the page: where running headers and footers sit
_FULL_PAGE_LINES = 5  # a page with fewer lines may not show where the text column ends
_MIN_BODY_CHARS = 20  # fewer non-space characters in the whole file: no text layer


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a page's text layer with its box (PDF points, origin bottom-left)."""

    text: str
    left: float
    right: float
    bottom: float
    top: float
    em: float = 0.0  # the page's typical character width


def is_page_number(text: str) -> bool:
    """Whether a line is only a page number (``- 3 -``, ``第3页``, ``3/10``)."""
    return bool(_PAGE_NUMBER.match(text.strip(_SPACES)))


def _edge_lines(lines: list[Line], height: float) -> list[int]:
    """Indexes of the lines that may be running headers or footers: in the top or bottom band of
    the page, or the first or last two lines by position."""
    if not lines:
        return []
    by_height = sorted(range(len(lines)), key=lambda i: -lines[i].top)
    edge = set(by_height[:2] + by_height[-2:])
    edge |= {i for i, line in enumerate(lines)
             if line.bottom >= height * (1 - _EDGE_BAND) or line.top <= height * _EDGE_BAND}
    return sorted(edge)


def running_lines(pages: list[list[str]], edges: list[list[int]]) -> list[set[int]]:
    """For each page, the indexes of lines to drop: page numbers, and edge lines whose text (digits
    ignored) recurs at the edge of at least half the pages (two at least)."""
    keys = [{i: _DIGITS.sub("#", pages[p][i].strip(_SPACES)) for i in edges[p]} for p in range(len(pages))]
    counts = Counter(key for page in keys for key in set(page.values()))
    threshold = max(2, math.ceil(len(pages) / 2))
    drop = []
    for p, page in enumerate(keys):
        drop.append({i for i, key in page.items() if counts[key] >= threshold or is_page_number(pages[p][i])})
    return drop


def should_join(prev: Line, nxt: Line, prev_right_edge: float, next_left_edge: float, char_w: float,
                indented_paragraphs: bool = False) -> bool:
    """Whether ``nxt`` continues the paragraph ``prev`` was breaking (see the module docstring).

    A line that ends a sentence ends its paragraph too, unless the document marks paragraphs by
    indenting their first line: then a wrapped line followed by an unindented one is the same paragraph.
    """
    if starts_with_label(nxt.text) or (ends_sentence(prev.text) and not indented_paragraphs):
        return False
    # A wrapped line stops short of the edge by at most a couple of characters, or by the width of the
    # word that did not fit (an ASCII run such as "[2016]48" is not broken).
    word = _ASCII_WORD.match(nxt.text.lstrip(_SPACES))
    slack = 2.5 + (0.6 * len(word.group()) if word else 0)
    wrapped = prev.right >= prev_right_edge - slack * char_w
    indented = nxt.left > next_left_edge + 1.0 * char_w or nxt.text[:1] in _SPACES
    return wrapped and not indented


def _indents_paragraphs(pages: list[list[Line]]) -> bool:
    """Whether the document starts paragraphs with an indented line (one in twenty lines at least)."""
    indented = total = 0
    for lines in pages:
        if lines:
            left, char_w = min(line.left for line in lines), _char_width(lines)
            indented += sum(line.left > left + 1.5 * char_w for line in lines)
            total += len(lines)
    return total > 0 and indented / total >= 0.05


@dataclass(frozen=True, slots=True)
class _Char:
    ch: str
    box: tuple[float, float, float, float] | None  # loose box (left, bottom, right, top); None for spaces
    baseline: float | None


def _page_chars(page) -> list[_Char]:
    """Every character of a page's text layer, in the order pdfium reads them, with box and baseline."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    textpage = page.get_textpage()
    x, y = ctypes.c_double(), ctypes.c_double()
    try:
        chars = []
        for i in range(textpage.count_chars()):
            ch = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i))
            if ch in "\r\x00":
                continue
            if ch.isspace() or pdfium_c.FPDFText_IsGenerated(textpage.raw, i):
                chars.append(_Char(ch, None, None))
                continue
            pdfium_c.FPDFText_GetCharOrigin(textpage.raw, i, ctypes.byref(x), ctypes.byref(y))
            chars.append(_Char(ch, textpage.get_charbox(i, loose=True), y.value))
        return chars
    finally:
        textpage.close()


def _em(chars: list[_Char]) -> float:
    """The page's typical character width: median width of its CJK characters (else of all glyph boxes)."""
    glyphs = [c for c in chars if c.box is not None]
    widths = [c.box[2] - c.box[0] for c in glyphs if cjk_count(c.ch)] or [c.box[3] - c.box[1] for c in glyphs]
    return statistics.median(widths) if widths else 10.0


def _page_lines(page) -> list[Line]:
    """The text layer of one page as lines: pdfium's line breaks, and a break wherever the baseline
    moves by more than half a character (pdfium merges lines whose glyph boxes overlap, as a tall
    dash from a fallback font makes them)."""
    chars = _page_chars(page)
    em = _em(chars)
    lines: list[Line] = []
    current: list[_Char] = []
    baseline = None
    for c in chars:
        if c.ch == "\n":
            _flush(current, lines, em)
            baseline = None
            continue
        if c.baseline is not None:
            if baseline is not None and abs(c.baseline - baseline) > 0.5 * em:
                _flush(current, lines, em)
            baseline = c.baseline
        current.append(c)
    _flush(current, lines, em)
    return lines


def _flush(chars: list[_Char], lines: list[Line], em: float) -> None:
    text = "".join(c.ch for c in chars)
    boxes = [c.box for c in chars if c.box is not None]
    if text.strip(_SPACES) and boxes:
        lines.append(Line(text, min(b[0] for b in boxes), max(b[2] for b in boxes),
                          min(b[1] for b in boxes), max(b[3] for b in boxes), em))
    chars.clear()


def _char_width(lines: list[Line]) -> float:
    """A typical character width of the page (as measured when its lines were read)."""
    widths = [line.em for line in lines if line.em > 0]
    if widths:
        return statistics.median(widths)
    heights = [line.top - line.bottom for line in lines if line.top > line.bottom]
    return statistics.median(heights) if heights else 10.0


def _glue(before: str, after: str) -> str:
    """What joins two pieces of a wrapped line: a space between two ASCII words, else nothing (CJK)."""
    return " " if before[-1:].isascii() and before[-1:].isalnum() and after[:1].isascii() and after[:1].isalnum() else ""


def _assemble(pages: list[list[Line]]) -> tuple[str, tuple[PageSpan, ...]]:
    """Join the body lines of all pages into paragraphs, one per text line; record page offsets."""
    out: list[str] = []  # pieces of the output text
    length = 0
    starts: list[int | None] = []  # None: a page with no body text
    prev: tuple[Line, float] | None = None  # previous line and its page's right edge
    indented_paragraphs = _indents_paragraphs(pages)
    full_pages = [max(line.right for line in lines) for lines in pages if len(lines) >= _FULL_PAGE_LINES]
    for lines in pages:
        page_start = None
        if lines:
            left_edge = min(line.left for line in lines)
            right_edge = max(line.right for line in lines)
            if len(lines) < _FULL_PAGE_LINES and full_pages:
                # a page of a few lines (the last one) may hold no full line: take the others' edge
                right_edge = max(right_edge, statistics.median(full_pages))
            char_w = _char_width(lines)
        for line in lines:
            text = normalise_compat(line.text).strip(_SPACES)
            if prev is not None and should_join(prev[0], line, prev[1], left_edge, char_w, indented_paragraphs):
                glue = _glue(out[-1], text)
            else:
                glue = "\n" if out else ""
            out.append(glue + text)
            if page_start is None:
                page_start = length + len(glue)
            length += len(glue) + len(text)
            prev = (line, right_edge)
        starts.append(page_start)
    text = "".join(out) + ("\n" if out else "")
    # A page without body text is empty where the next page starts; each page ends where the next starts.
    filled: list[int] = []
    for start in reversed(starts):
        filled.append(start if start is not None else (filled[-1] if filled else len(text)))
    filled.reverse()
    ends = filled[1:] + [len(text)]
    return text, tuple(PageSpan(n + 1, s, e) for n, (s, e) in enumerate(zip(filled, ends)))


def _open(raw: bytes, file: str):
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        return pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as e:
        code = getattr(e, "err_code", None)
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise ParseError(file, "encrypted PDF (it needs a password): remove the protection "
                                   "(e.g. `qpdf --decrypt --password=… in.pdf out.pdf`) and ingest the result") from e
        raise ParseError(file, f"damaged or not a PDF ({e}); open it and print or save it again as PDF") from e


def read_pdf(raw: bytes, file: str) -> Extracted:
    """Text of a PDF's text layer; refuses a scanned (image-only) or encrypted file."""
    pdf = _open(raw, file)
    try:
        count = len(pdf)  # what the page tree claims: refused before any page is loaded when over the cap
        if count > read_limits().max_pages:
            raise LimitError(file, f"a PDF of {count:,} pages", "max_pages")
        raw_pages = [pdf[i] for i in range(count)]
        heights = [page.get_height() for page in raw_pages]
        pages = [_page_lines(page) for page in raw_pages]
        title = clean_title(pdf.get_metadata_dict().get("Title", "") or "")
    finally:
        pdf.close()
    if sum(len(line.text.strip(_SPACES)) for lines in pages for line in lines) < _MIN_BODY_CHARS:
        raise ParseError(file, NO_TEXT_LAYER)
    edges = [_edge_lines(lines, h) for lines, h in zip(pages, heights)]
    drop = running_lines([[line.text for line in lines] for lines in pages], edges)
    body = [[line for i, line in enumerate(lines) if i not in drop[p]] for p, lines in enumerate(pages)]
    warnings = tuple(
        f"{file}: page {p + 1} has no text layer (a scanned page?): its text is missing; OCR the file to include it"
        for p, lines in enumerate(pages) if not lines
    )
    for warning in warnings:
        log.warning(warning)
    text, spans = _assemble(body)
    return Extracted(text=text, format="pdf", encoding="", sha256=hashlib.sha256(raw).hexdigest(),
                     pages=spans, title=title, warnings=warnings)
