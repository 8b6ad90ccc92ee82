"""Pick encoders and retrievers by name; an unknown name is refused with the valid ones listed."""

from __future__ import annotations

from .encoders.base import Encoder
from .errors import UnknownBackendError

__all__ = ["ENCODERS", "RETRIEVERS", "get_encoder", "retriever_class"]

ENCODERS = ("e5-small", "fake", "fake-<dim>", "sentence-transformers:<model name or path>")
RETRIEVERS = ("bm25", "dense")

_encoder_cache: dict[str, Encoder] = {}


def get_encoder(name: str, query_prompt: str | None = None, passage_prompt: str | None = None) -> Encoder:
    """The encoder called ``name``; one instance per name and prompts per process (models load once).

    The prompts apply to ``sentence-transformers:`` models only (None: the model's known instruction, if any).
    """
    key = f"{name}\x00{query_prompt}\x00{passage_prompt}"
    if key in _encoder_cache:
        return _encoder_cache[key]
    if name == "e5-small":
        from .encoders.e5 import E5Encoder

        encoder: Encoder = E5Encoder()
    elif name == "fake" or (name.startswith("fake-") and name[5:].isdigit()):
        from .encoders.fake import FakeEncoder

        encoder = FakeEncoder(int(name[5:]) if name != "fake" else 64)
    elif name.startswith("sentence-transformers:") and len(name) > len("sentence-transformers:"):
        from .encoders.sentence_transformers import SentenceTransformerEncoder

        encoder = SentenceTransformerEncoder(name.split(":", 1)[1], query_prompt, passage_prompt)
    else:
        raise UnknownBackendError(f"unknown encoder {name!r}; valid encoders: {', '.join(ENCODERS)}")
    _encoder_cache[key] = encoder
    return encoder


def retriever_class(name: str):
    """The retriever class called ``name`` (``bm25`` or ``dense``)."""
    if name == "bm25":
        from .bm25 import BM25Retriever

        return BM25Retriever
    if name == "dense":
        from .dense import DenseRetriever

        return DenseRetriever
    raise UnknownBackendError(f"unknown retriever {name!r}; valid retrievers: {', '.join(RETRIEVERS)}")
