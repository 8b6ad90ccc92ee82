"""Read a policy text file: detect its encoding (BOM → UTF-8 → GB18030) and refuse what is not text."""

from __future__ import annotations

import codecs
import hashlib
import logging
from pathlib import Path

from .errors import ParseError

__all__ = ["read_source", "decode_bytes"]

log = logging.getLogger(__name__)

# Control bytes that plain text legitimately contains.
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_MAX_CONTROL_RATIO = 0.1


def _looks_binary(raw: bytes) -> bool:
    """NUL bytes, or more than 10 % control bytes, mean the file is not text."""
    if b"\x00" in raw:
        return True
    controls = sum(1 for b in raw if b < 0x20 and b not in _TEXT_CONTROLS)
    return controls / len(raw) > _MAX_CONTROL_RATIO


def _line_of(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def decode_bytes(raw: bytes, file: str) -> tuple[str, str]:
    """Decode ``raw`` as UTF-8 (with or without BOM) or GB18030; return (text, encoding name).

    Newlines are kept exactly as stored so that spans index the text as the file holds it.
    """
    if not raw:
        raise ParseError(file, "empty file")
    if _looks_binary(raw):
        raise ParseError(file, "binary file (NUL or control bytes), expected UTF-8 or GB18030 text")
    if raw.startswith(codecs.BOM_UTF8):
        try:
            text, encoding = raw[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as e:
            offset = e.start + len(codecs.BOM_UTF8)
            raise ParseError(
                file, f"invalid UTF-8 after BOM at byte {offset}", _line_of(raw, offset)
            ) from e
    else:
        try:
            text, encoding = raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as utf8_error:
            try:
                text, encoding = raw.decode("gb18030"), "gb18030"
            except UnicodeDecodeError as e:
                offset = utf8_error.start
                raise ParseError(
                    file,
                    f"undecodable bytes: neither UTF-8 (first bad byte 0x{raw[offset]:02x} "
                    f"at byte {offset}) nor GB18030",
                    _line_of(raw, offset),
                ) from e
    if not text.strip():
        raise ParseError(file, "empty file (whitespace only)")
    log.debug("%s decoded as %s", file, encoding)
    return text, encoding


def read_source(path: str | Path) -> tuple[str, str, str]:
    """Return (decoded text, encoding name, sha256 hex of the raw bytes) of a text file."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise ParseError(str(path), f"cannot read file: {e.strerror}") from e
    text, encoding = decode_bytes(raw, str(path))
    return text, encoding, hashlib.sha256(raw).hexdigest()
