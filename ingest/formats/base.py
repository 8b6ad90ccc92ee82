"""What every format reader returns (``Extracted``) and the small text helpers the readers share."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple

__all__ = [
    "Extracted",
    "PageSpan",
    "page_of",
    "content_digest",
    "normalise_lines",
    "normalise_compat",
    "cjk_count",
    "iso_date",
    "clean_identifier",
    "clean_title",
    "starts_with_label",
    "ends_sentence",
]


class PageSpan(NamedTuple):
    """Page ``page`` (1-based) of a PDF covers ``text[start:end]`` of the extracted text."""

    page: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Extracted:
    """The text a reader took from one file, with what the file itself says about the document.

    ``text`` is what ``PolicyDocument.source`` holds: every span indexes into it. The same
    bytes always give the same ``Extracted`` (readers are deterministic).
    """

    text: str
    format: str  # "txt" | "md" | "docx" | "pdf" | "html"
    encoding: str  # the text encoding of the file; "" for binary formats (docx, pdf)
    sha256: str  # of the raw file bytes
    pages: tuple[PageSpan, ...] = ()  # PDFs only
    title: str = ""  # as the file states it (HTML info table / meta tags, document properties)
    identifier: str = ""  # 发文字号, e.g. 沪府发〔2024〕3号
    issued: str = ""  # ISO date: 成文日期, else 发布日期
    warnings: tuple[str, ...] = field(default=())  # things the reader noticed but could read past


def page_of(offset: int, pages: tuple[PageSpan, ...] | list[PageSpan]) -> int | None:
    """The page that holds character ``offset`` of the extracted text, or None (not a PDF, out of range)."""
    for page in pages:
        if page.start <= offset < page.end:
            return page.page
    return None


# CJK radicals and compatibility ideographs that PDF text layers often hold instead of the plain
# ideograph (⼀ U+2F00 for 一): NFKC maps them back. NFKC is applied to these code points only, so
# full-width punctuation and digits (（一）, １．) stay as written.
_COMPAT = re.compile("[\u2e80-\u2fdf\uf900-\ufaff]")


def normalise_compat(text: str) -> str:
    """Replace CJK radical / compatibility ideograph code points by their unified ideograph."""
    return _COMPAT.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


_SPACES = " \t\r\xa0\u3000\u2002\u2003\u2009\u200b\ufeff"


def content_digest(text: str) -> str:
    """sha256 of the text's paragraphs (each line stripped, empty lines dropped): the same document
    read from .txt, .docx, .html or .pdf has the same digest, whatever its indentation and blank lines."""
    return hashlib.sha256(normalise_lines(text.splitlines()).encode("utf-8")).hexdigest()


def normalise_lines(lines: list[str]) -> str:
    """One line per paragraph: each line stripped of surrounding (incl. ideographic) spaces, empty
    lines dropped, compatibility ideographs unified, ``\\n`` after every line."""
    out = []
    for line in lines:
        line = normalise_compat(line.replace("\xa0", " ")).strip(_SPACES)
        if line:
            out.append(line)
    return "".join(line + "\n" for line in out)


_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def cjk_count(text: str) -> int:
    """How many CJK ideographs ``text`` holds."""
    return len(_CJK.findall(text))


_DATE = re.compile(r"(\d{4})\s*[年\-/.．]\s*(\d{1,2})\s*[月\-/.．]\s*(\d{1,2})\s*日?")


def iso_date(value: str) -> str:
    """``2024年3月15日`` / ``2024-03-15 10:00`` / ``2024/3/15`` → ``2024-03-15``; "" when no full date."""
    m = _DATE.search(value)
    if not m:
        return ""
    year, month, day = (int(g) for g in m.groups())
    if not (1949 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}"


# 发文字号: issuer code, year in 〔〕[]（）(), serial, 号 — 沪府发〔2024〕3号, 国办发[2023]12号
_IDENTIFIER = re.compile(r"[\u4e00-\u9fffA-Za-z]{1,12}\s*[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*\d{1,4}\s*号")


def clean_identifier(value: str) -> str:
    """The 发文字号 in ``value`` as written, or "" when it holds none."""
    m = _IDENTIFIER.search(value)
    return m.group().strip() if m else ""


_TITLE_NOISE = re.compile(r"^(microsoft word|wps)\s*-\s*|\.(docx?|wps|pdf|txt)$", re.IGNORECASE)


def clean_title(value: str) -> str:
    """A title worth keeping: stripped, with CJK text, not a file name such as ``Microsoft Word - a.doc``."""
    value = " ".join(value.split())
    if _TITLE_NOISE.search(value) or cjk_count(value) < 2:
        return ""
    return value


_HAN = "零〇一二三四五六七八九十百两"
# A numbering label at a line start (一、 （一） 1. （1） ① -- 第一条 附件1): such a line starts a unit.
_LABEL_START = re.compile(
    rf"^(第[{_HAN}0-9]+[章节条]|[{_HAN}]+、|[（(][{_HAN}0-9０-９]+[）)]|[0-9０-９]{{1,3}}[.．、](?![0-9０-９])"
    r"|[①-⑳]|--|——|－－|附件)"
)


def starts_with_label(line: str) -> bool:
    """Whether ``line`` (after its indentation) starts with a numbering label."""
    return bool(_LABEL_START.match(line.lstrip(_SPACES)))


_STOPS = "。；：！？!?;:"
_CLOSERS = "”’」』）)】〕"


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends with a sentence stop, possibly followed by closing quotes or brackets."""
    line = line.rstrip(_SPACES).rstrip(_CLOSERS)
    return bool(line) and line[-1] in _STOPS
