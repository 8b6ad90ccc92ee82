"""Embedding encoders behind one interface; ``get_encoder(name)`` picks one by name."""

from .base import Encoder, normalise_rows


def get_encoder(name: str, query_prompt: str | None = None, passage_prompt: str | None = None) -> Encoder:
    """The encoder called ``name`` (see ``search.factory.ENCODERS``); heavy models load only on request."""
    from ..factory import get_encoder as _get

    return _get(name, query_prompt, passage_prompt)


__all__ = ["Encoder", "normalise_rows", "get_encoder"]
