"""Read a policy text file: detect its encoding (BOM → UTF-8 → GB18030 or Big5) and refuse what is not text."""

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

# Byte-order marks, longest first (UTF-32-LE starts with the UTF-16-LE mark).
# (mark, codec of the bytes after it, encoding name recorded)
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)


def _looks_binary(raw: bytes) -> bool:
    """NUL bytes, or more than 10 % control bytes, mean the file is not text."""
    if b"\x00" in raw:
        return True
    controls = sum(1 for b in raw if b < 0x20 and b not in _TEXT_CONTROLS)
    return controls / len(raw) > _MAX_CONTROL_RATIO


def _line_of(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def _common_ratio(text: str, encoding: str, first: int, last: int) -> float:
    """Share of the ideographs of ``text`` whose lead byte in ``encoding`` is in its common-character
    block (GB2312 level 1: 0xB0–0xD7; Big5 frequent characters: 0xA4–0xC6). Text decoded with the
    wrong one of the two codecs scatters over rare characters and symbols, so its ratio is low."""
    ideographs = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    if not ideographs:
        return 0.0
    common = 0
    for ch in ideographs:
        try:
            common += first <= ch.encode(encoding)[0] <= last
        except UnicodeEncodeError:
            pass
    return common / len(ideographs)


def _gb_or_big5(raw: bytes) -> tuple[str, str]:
    """GB18030 (which accepts almost any bytes), unless the bytes are clean Big5 that reads far better."""
    text = raw.decode("gb18030")
    try:
        big5 = raw.decode("big5")
    except UnicodeDecodeError:
        return text, "gb18030"
    if _common_ratio(big5, "big5", 0xA4, 0xC6) > _common_ratio(text, "gb2312", 0xB0, 0xD7) + 0.2:
        return big5, "big5"
    return text, "gb18030"


def _decode_with_bom(raw: bytes, file: str) -> tuple[str, str] | None:
    """(text, encoding) when ``raw`` starts with a byte-order mark, else None."""
    for bom, codec, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(codec), encoding
            except UnicodeDecodeError as e:
                offset = e.start + len(bom)
                unit = codec.removesuffix("-le").removesuffix("-be").upper()
                raise ParseError(
                    file, f"invalid {unit} after BOM at byte {offset}", _line_of(raw, offset)
                ) from e
    return None


def decode_bytes(raw: bytes, file: str) -> tuple[str, str]:
    """Decode ``raw`` as UTF-8/16/32 with a BOM, UTF-8, GB18030 (GBK, GB2312) or Big5; return (text, encoding name).

    Newlines are kept exactly as stored so that spans index the text as the file holds it.
    """
    if not raw:
        raise ParseError(file, "empty file")
    decoded = _decode_with_bom(raw, file)
    if decoded is not None:
        text, encoding = decoded
    elif _looks_binary(raw):
        raise ParseError(file, "binary file (NUL or control bytes), expected UTF-8, GB18030 or Big5 text")
    else:
        try:
            text, encoding = raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as utf8_error:
            try:
                text, encoding = _gb_or_big5(raw)
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
