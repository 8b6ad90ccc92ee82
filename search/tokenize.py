"""Chinese-aware tokens for BM25: jieba words (with the graph's own terms), CJK bigrams, ASCII words."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable
from pathlib import Path

__all__ = [
    "STOPWORDS",
    "is_cjk",
    "cjk_share",
    "cjk_runs",
    "cjk_bigrams",
    "ascii_words",
    "Tokenizer",
]

log = logging.getLogger(__name__)

# Function words of policy prose and of questions about it; they carry no topic.
STOPWORDS: frozenset[str] = frozenset(
    """的 了 和 与 及 以及 或 等 在 对 为 是 有 把 被 将 从 向 由 于 以 其 之 并 而 也 都 各 这 那 该 本
    哪 哪些 哪项 哪个 什么 怎么 怎样 如何 吗 呢 吧 啊 么 谁 多少 几个 几项 我们 我 你 他们 一家 一个 一些 想 要 能
    可以 是否 有没有 属于 关于 进行 方面 相关 通过 支持吗 有支持 措施
    a an the of and or to in on for with by from at as is are be was were do does did how what which who
    whom whose why when where we our us i my me you your it its this that these those there any can could
    should would will want wants make makes about into per by than our""".split()
)

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RUN = re.compile(f"[{_CJK}]+")
_ASCII_WORD = re.compile(r"[a-z0-9]+(?:[-'&][a-z0-9]+)*")
_CJK_CHAR = re.compile(f"[{_CJK}]")


def is_cjk(char: str) -> bool:
    """True for a CJK unified ideograph (basic block, extension A, compatibility)."""
    return bool(_CJK_CHAR.fullmatch(char))


def cjk_share(text: str) -> float:
    """Share of CJK ideographs among the non-space, non-punctuation characters (0 for none)."""
    letters = [c for c in text if c.isalnum()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if is_cjk(c)) / len(letters)


def cjk_runs(text: str) -> list[str]:
    """Maximal runs of CJK ideographs, in order."""
    return _CJK_RUN.findall(text)


def cjk_bigrams(text: str) -> list[str]:
    """Overlapping character bigrams of every CJK run; a one-character run gives nothing
    (the classic n-gram net for CJK retrieval, e.g. Kwok 1997, Luk & Kwok 2002)."""
    grams: list[str] = []
    for run in cjk_runs(text):
        grams.extend(run[i : i + 2] for i in range(len(run) - 1))
    return grams


def ascii_words(text: str) -> list[str]:
    """Lower-cased ASCII words and numbers (R&D → r&d, CNC → cnc, 2020 → 2020)."""
    return _ASCII_WORD.findall(text.lower())


def _jieba_class():
    """rjieba's ``Jieba`` without building the package's own default instance: ``import rjieba`` builds one at
    import (its whole dictionary, 0.2–1 s on a busy machine) that this module never uses, besides each
    segmenter's own. The extension module is loaded by itself and registered as ``rjieba.rjieba``, so a later
    ``import rjieba`` finds it; anything unexpected falls back to the plain import."""
    import sys

    loaded = sys.modules.get("rjieba.rjieba") or sys.modules.get("rjieba")
    if loaded is not None:
        return loaded.Jieba
    try:
        import importlib.machinery
        import importlib.util

        spec = importlib.util.find_spec("rjieba")
        folder = Path(next(iter(spec.submodule_search_locations or ()))) if spec is not None else None
        library = next(p for p in folder.iterdir() if p.name.startswith("rjieba.") and p.suffix in (".so", ".pyd"))
        loader = importlib.machinery.ExtensionFileLoader("rjieba.rjieba", str(library))
        module = importlib.util.module_from_spec(importlib.util.spec_from_file_location("rjieba.rjieba", library,
                                                                                        loader=loader))
        loader.exec_module(module)
        sys.modules["rjieba.rjieba"] = module
        return module.Jieba
    except Exception:  # noqa: BLE001 — a layout this does not know: the ordinary import
        import rjieba

        return rjieba.Jieba


@functools.lru_cache(maxsize=8)
def _segmenter(words: frozenset[str]):
    """One jieba instance per custom dictionary, built once (≈70 ms) and reused by every query."""
    jieba = _jieba_class()()
    for word in sorted(words):
        jieba.add_word(word, None, None)
    log.debug("jieba segmenter built with %d custom words", len(words))
    return jieba


class Tokenizer:
    """Turn text into BM25 tokens: jieba words of ≥ 2 characters (the domain's own terms added to the
    dictionary), CJK character bigrams as a net for unknown words, lower-cased ASCII words; stopwords,
    single CJK characters and punctuation dropped."""

    def __init__(self, extra_words: Iterable[str] = (), bigrams: bool = True) -> None:
        self.extra_words = frozenset(w.strip() for w in extra_words if w and w.strip())
        self.bigrams = bigrams
        self._jieba = _segmenter(self.extra_words)

    @functools.cached_property
    def key(self) -> str:
        """What this tokenizer's output depends on besides the text and the code: its custom words and
        whether it adds bigrams (sha256); a cache of tokens keys on it and on the search code."""
        import hashlib

        return hashlib.sha256(("\n".join(sorted(self.extra_words)) + f"\n#bigrams={self.bigrams}").encode()).hexdigest()

    def words(self, text: str) -> list[str]:
        """The jieba words of the CJK runs, stopwords and single characters dropped."""
        out: list[str] = []
        for run in cjk_runs(text):
            out.extend(w for w in self._jieba.cut(run) if len(w) >= 2 and w not in STOPWORDS)
        return out

    def tokens(self, text: str) -> list[str]:
        """All tokens of ``text``, in order: words, then bigrams, then ASCII words.  Duplicates are kept,
        so term frequency counts, and a two-character word is also its own bigram: a known word weighs
        more than a chance bigram, which is intended."""
        tokens = self.words(text)
        if self.bigrams:
            tokens.extend(g for g in cjk_bigrams(text) if g not in STOPWORDS)
        tokens.extend(w for w in ascii_words(text) if w not in STOPWORDS)
        return tokens
