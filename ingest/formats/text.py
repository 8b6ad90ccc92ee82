"""Plain text (.txt) and Markdown (.md) in UTF-8/16/32, GB18030 (GBK, GB2312) or Big5.

Plain text is kept exactly as decoded (newlines included), so spans index the file's own characters.
Markdown loses only its markup at line starts (``#`` headings, ``>`` quotes) and ``**`` emphasis,
so that ``## 一、总体要求`` reads as the numbered heading it is.
"""

from __future__ import annotations

import hashlib
import re

from ..decode import decode_bytes
from .base import Extracted, normalise_compat

__all__ = ["read_text", "read_markdown", "strip_markdown"]

_MD_LINE_MARKUP = re.compile(r"^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?)", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"\*\*|__")


def strip_markdown(text: str) -> str:
    """Drop heading and quote markers at line starts and bold markers; keep everything else."""
    return _MD_EMPHASIS.sub("", _MD_LINE_MARKUP.sub("", text))


def read_text(raw: bytes, file: str) -> Extracted:
    """A plain text file, decoded and otherwise untouched."""
    text, encoding = decode_bytes(raw, file)
    return Extracted(text=normalise_compat(text), format="txt", encoding=encoding,
                     sha256=hashlib.sha256(raw).hexdigest())


def read_markdown(raw: bytes, file: str) -> Extracted:
    """A Markdown file, decoded, with its line-start markup removed."""
    text, encoding = decode_bytes(raw, file)
    return Extracted(text=normalise_compat(strip_markdown(text)), format="md", encoding=encoding,
                     sha256=hashlib.sha256(raw).hexdigest())
