"""Lexical retriever: Okapi BM25 over pre-tokenised units, backed by bm25s."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .base import Scored

__all__ = ["BM25Retriever"]

log = logging.getLogger(__name__)

_VOCAB = "bm25_vocab.json"


class BM25Retriever:
    """BM25 (Robertson & Zaragoza 2009) with bm25s's eager sparse scoring (Lù 2024): the query's token ids
    are looked up in the vocabulary, unknown tokens dropped, and the per-document scores summed."""

    name = "bm25"

    def __init__(self, model, vocab: dict[str, int], size: int) -> None:
        self._model = model
        self.vocab = vocab
        self._size = size

    @classmethod
    def build(cls, corpus_tokens: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75,
              method: str = "lucene") -> BM25Retriever:
        import bm25s
        from bm25s.tokenization import Tokenized

        vocab: dict[str, int] = {"": 0}  # bm25s reserves an empty token for empty documents
        ids = [[vocab.setdefault(tok, len(vocab)) for tok in doc] for doc in corpus_tokens]
        model = bm25s.BM25(k1=k1, b=b, method=method)
        model.index(Tokenized(ids=ids, vocab=vocab), show_progress=False)
        return cls(model, vocab, len(ids))

    def __len__(self) -> int:
        return self._size

    def query_ids(self, tokens: Sequence[str]) -> list[int]:
        """Ids of the known query tokens, each once (a repeated question word should not count twice)."""
        seen: dict[int, None] = {}
        for tok in tokens:
            tid = self.vocab.get(tok)
            if tid:
                seen.setdefault(tid, None)
        return list(seen)

    def scores(self, tokens: Sequence[str]) -> np.ndarray:
        """BM25 score of every document (zeros when no query token is known)."""
        ids = self.query_ids(tokens)
        if not ids:
            return np.zeros(self._size, dtype=np.float32)
        return np.asarray(self._model.get_scores(ids), dtype=np.float32)

    def document_frequency(self, token: str) -> int:
        """How many documents hold ``token`` (0 for an unknown token).  bm25s's eager index stores one
        column of scores per token, with an entry for each document that holds it, so this is the
        column's length."""
        tid = self.vocab.get(token)
        if not tid:
            return 0
        indptr = self._model.scores["indptr"]
        return int(indptr[tid + 1] - indptr[tid])

    def weighted_scores(self, groups: Sequence[tuple[Sequence[str], float]]) -> np.ndarray:
        """Σ_t w_t · BM25(t, d) over the groups' tokens, a token counted once at the weight of the first
        group that holds it: the question's own words at full weight, expansion terms below it (the
        query-term weighting of relevance-feedback expansion, e.g. Rocchio's β < α, RM3's λ)."""
        out = np.zeros(self._size, dtype=np.float32)
        seen: set[int] = set()
        for tokens, weight in groups:
            ids = [t for t in self.query_ids(tokens) if t not in seen]
            seen.update(ids)
            if ids and weight > 0:
                out += np.float32(weight) * np.asarray(self._model.get_scores(ids), dtype=np.float32)
        return out

    def retrieve(self, query: Sequence[str], k: int) -> list[Scored]:
        scores = self.scores(query)
        k = min(k, self._size)
        if k <= 0:
            return []
        top = np.argpartition(-scores, k - 1)[:k] if k < self._size else np.arange(self._size)
        top = top[np.argsort(-scores[top], kind="stable")]
        return [Scored(int(i), float(scores[i])) for i in top if scores[i] > 0]

    def save(self, directory: Path) -> None:
        directory = Path(directory)
        self._model.save(str(directory / "bm25"), show_progress=False)
        (directory / _VOCAB).write_text(json.dumps({"size": self._size, "vocab": self.vocab}, ensure_ascii=False),
                                        encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> BM25Retriever:
        directory = Path(directory)
        meta = json.loads((directory / _VOCAB).read_text(encoding="utf-8"))
        model = _SavedScores.open(directory / "bm25")
        if model is None:
            import bm25s

            model = bm25s.BM25.load(str(directory / "bm25"), load_vocab=False, show_progress=False)
        return cls(model, meta["vocab"], int(meta["size"]))


class _SavedScores:
    """bm25s's saved eager index (``data``/``indices``/``indptr`` of the score matrix, one column a token) read
    with numpy alone, scored as ``bm25s.BM25.get_scores_from_ids`` does: each token's column added with
    ``np.add.at`` in the query's order, in the index's dtype, so the scores are the same to the bit. Opening a
    saved index no longer imports bm25s and scipy (0.3–0.7 s of a cold ``policykg search``); methods that add
    a non-occurrence score (bm25l, bm25+) are left to bm25s."""

    _FILES = ("data.csc.index.npy", "indices.csc.index.npy", "indptr.csc.index.npy", "params.index.json",
              "vocab.index.json")

    def __init__(self, folder: Path, params: dict) -> None:
        self.folder = folder
        self.dtype, self.int_dtype = np.dtype(params["dtype"]), np.dtype(params["int_dtype"])
        self.scores = {"data": np.load(folder / "data.csc.index.npy"),
                       "indices": np.load(folder / "indices.csc.index.npy"),
                       "indptr": np.load(folder / "indptr.csc.index.npy"), "num_docs": int(params["num_docs"])}

    @classmethod
    def open(cls, folder: Path) -> _SavedScores | None:
        """The index in ``folder``, or None when bm25s should read it (another method, another layout)."""
        try:
            params = json.loads((folder / "params.index.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # bm25s names what is wrong
        if (params.get("method") not in ("lucene", "robertson", "atire")
                or (folder / "nonoccurrence_array.index.npy").exists() or params.get("num_docs") is None):
            return None
        return cls(folder, params)

    def get_scores(self, query_tokens_ids: Sequence[int]) -> np.ndarray:
        data, indices, indptr = self.scores["data"], self.scores["indices"], self.scores["indptr"]
        ids = np.asarray(query_tokens_ids, dtype=self.int_dtype)
        if int(ids.max(initial=0)) >= len(indptr) - 1:
            raise ValueError(f"token id {int(ids.max())} is past the {len(indptr) - 1} tokens of the index")
        scores = np.zeros(self.scores["num_docs"], dtype=self.dtype)
        for start, end in zip(indptr[ids], indptr[ids + 1]):
            np.add.at(scores, indices[start:end], data[start:end])
        return scores

    def save(self, path: str, show_progress: bool = False) -> None:
        """The files it was read from, copied to ``path`` (an index loaded and saved again)."""
        import shutil

        Path(path).mkdir(parents=True, exist_ok=True)
        for name in self._FILES:
            if (self.folder / name).exists():
                shutil.copyfile(self.folder / name, Path(path) / name)
