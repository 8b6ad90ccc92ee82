"""Any sentence-transformers model, loaded offline from a name in the local cache or a folder path."""

from __future__ import annotations

import logging
import os

import numpy as np

from .base import normalise_rows

__all__ = ["SentenceTransformerEncoder", "PREFIX"]

log = logging.getLogger(__name__)

PREFIX = "sentence-transformers:"

# Query instructions some models were trained with; passages take none.  Matched on the model name.
_KNOWN_QUERY_PROMPTS: dict[str, str] = {
    "bge-small-zh": "为这个句子生成表示以用于检索相关文章：",
    "bge-base-zh": "为这个句子生成表示以用于检索相关文章：",
    "bge-large-zh": "为这个句子生成表示以用于检索相关文章：",
    "multilingual-e5": "query: ",
}
_KNOWN_PASSAGE_PROMPTS: dict[str, str] = {"multilingual-e5": "passage: "}


class SentenceTransformerEncoder:
    """``sentence-transformers:<model name or path>``; torch and sentence_transformers are imported only
    here, and HF_HUB_OFFLINE=1 is set so nothing is ever downloaded."""

    def __init__(self, model: str, query_prompt: str | None = None, passage_prompt: str | None = None,
                 device: str = "cpu") -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer  # heavy: torch

        self.model_name = model
        self.name = PREFIX + model
        lowered = model.lower()
        self.query_prompt = query_prompt if query_prompt is not None else next(
            (p for key, p in _KNOWN_QUERY_PROMPTS.items() if key in lowered), "")
        self.passage_prompt = passage_prompt if passage_prompt is not None else next(
            (p for key, p in _KNOWN_PASSAGE_PROMPTS.items() if key in lowered), "")
        log.info("loading sentence-transformers model %s offline", model)
        self._model = SentenceTransformer(model, device=device, local_files_only=True)
        # sentence-transformers ≥ 5 renamed the getter; the old name warns
        dimension = (getattr(self._model, "get_embedding_dimension", None)
                     or self._model.get_sentence_embedding_dimension)
        self.dim = int(dimension())

    def _encode(self, texts: list[str], prompt: str) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode([prompt + t for t in texts], convert_to_numpy=True,
                                     normalize_embeddings=True, show_progress_bar=False)
        return normalise_rows(vectors)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, self.query_prompt)

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, self.passage_prompt)
