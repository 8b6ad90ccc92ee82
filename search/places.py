"""Where a question is about, and which documents are about it: a question that names a city, a district or
the national level ("Hangzhou", 静安, 国家层面) is asked of the documents of that place.

Places come from the shipped gazetteer (ingest/data/places.ttl).  A document's places are the gazetteer
names in its title; a title that names none (国务院办公厅关于…的意见) is national."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import ConceptLabels

__all__ = ["NATIONAL", "PlaceMatcher", "shipped_places"]

NATIONAL = "china"  # the gazetteer's top concept: the national level


@dataclass(frozen=True, slots=True)
class _Name:
    text: str
    key: str


class PlaceMatcher:
    """Finds gazetteer places in questions (Chinese or English names) and in document titles (Chinese)."""

    def __init__(self, places: Sequence[ConceptLabels]) -> None:
        self.parent = {p.key: p.broader for p in places}
        zh = [_Name(label, p.key) for p in places for label in p.zh_labels if len(label) >= 2]
        self._zh = sorted(zh, key=lambda n: -len(n.text))
        self._zh_re = re.compile("|".join(re.escape(n.text) for n in self._zh)) if zh else None
        self._zh_key = {n.text: n.key for n in reversed(self._zh)}
        en = {label.lower(): p.key for p in places for label in p.en_labels}
        self._en_re = (re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(en, key=len, reverse=True))
                                  + r")(?:'s)?\b", re.IGNORECASE) if en else None)
        self._en_key = en

    def in_question(self, text: str) -> set[str]:
        """Keys of the places a question names, in Chinese or English (longest names first, no overlaps)."""
        found: set[str] = set()
        if self._zh_re is not None:
            found.update(self._zh_key[m.group()] for m in self._zh_re.finditer(text))
        if self._en_re is not None:
            found.update(self._en_key[m.group(1).lower()] for m in self._en_re.finditer(text))
        return found

    def without(self, text: str, keys: set[str]) -> str:
        """``text`` with the names of the places ``keys`` taken out (each name becomes a space)."""
        if not keys:
            return text
        if self._zh_re is not None:
            text = self._zh_re.sub(lambda m: " " if self._zh_key[m.group()] in keys else m.group(), text)
        if self._en_re is not None:
            text = self._en_re.sub(lambda m: " " if self._en_key[m.group(1).lower()] in keys else m.group(), text)
        return text

    def of_document(self, title: str) -> set[str]:
        """Keys of the places a document's title names, with the places that contain them (静安区 → 上海);
        ``{NATIONAL}`` when it names none."""
        keys = {self._zh_key[m.group()] for m in self._zh_re.finditer(title)} if self._zh_re else set()
        keys.discard(NATIONAL)
        return self.with_ancestors(keys) if keys else {NATIONAL}

    def with_ancestors(self, keys: Iterable[str]) -> set[str]:
        """The places and every place containing them, short of the national level."""
        out: set[str] = set()
        for key in keys:
            while key and key != NATIONAL and key not in out:
                out.add(key)
                key = self.parent.get(key, "")
        return out


@lru_cache(maxsize=1)
def shipped_places() -> PlaceMatcher:
    """The matcher of the shipped gazetteer, built once a process: its 3,000 divisions take 0.3 s to compile, and
    every index (a test builds hundreds) asks the same questions of it.  It holds no state between calls."""
    from .lexicon import load_place_labels

    return PlaceMatcher(load_place_labels())
