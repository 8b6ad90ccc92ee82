"""Sentences of a unit for the dense index's second granularity: a long unit is judged by its whole text
and by its best sentence, so one apt sentence is not drowned by the rest of a 300-character measure."""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["split_sentences", "sentence_table"]

_SENTENCE = re.compile(r"[^。；;！？!?\n]+[。；;！？!?]?")
MIN_CHARS = 8  # a shorter piece (a heading fragment, 等) is joined to the next one


def split_sentences(text: str, min_chars: int = MIN_CHARS) -> list[str]:
    """The sentences of ``text`` split at 。；！？ and line ends; pieces under ``min_chars`` characters
    join the following sentence (or the previous one, at the end)."""
    pieces = [m.group().strip() for m in _SENTENCE.finditer(text)]
    out: list[str] = []
    carry = ""
    for piece in pieces:
        if not piece:
            continue
        piece = carry + piece
        if len(piece) < min_chars:
            carry = piece
            continue
        out.append(piece)
        carry = ""
    if carry:
        if out:
            out[-1] += carry
        else:
            out.append(carry)
    return out


def sentence_table(texts: Sequence[str], min_sentences: int = 2) -> tuple[list[str], list[int]]:
    """Every sentence of every text with the row of the text it came from.  A text of fewer than
    ``min_sentences`` sentences adds none: its whole-text vector already says it all."""
    sentences: list[str] = []
    rows: list[int] = []
    for row, text in enumerate(texts):
        parts = split_sentences(text)
        if len(parts) < min_sentences:
            continue
        sentences.extend(parts)
        rows.extend([row] * len(parts))
    return sentences, rows
