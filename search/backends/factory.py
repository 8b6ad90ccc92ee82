"""Pick a search backend by name: build one over units, or reopen a saved one."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from ..errors import UnknownBackendError
from .base import BACKENDS, SearchBackend

__all__ = ["backend_class", "backend_name", "build_backend", "describe_saved", "drop_collections", "load_backend",
           "milvus_pointer"]

log = logging.getLogger(__name__)


def backend_class(name: str):
    """The backend class called ``name`` (one of BACKENDS); pymilvus is imported only for ``milvus``."""
    if name == "local":
        from .local import LocalBackend

        return LocalBackend
    if name == "milvus":
        from .milvus import MilvusBackend

        return MilvusBackend
    raise UnknownBackendError(f"unknown search backend {name!r}; valid backends: {', '.join(BACKENDS)}")


def backend_name(milvus_uri: str | None) -> str:
    """The backend settings select: Milvus when a Milvus URI is set, else the embedded one."""
    return "milvus" if milvus_uri else "local"


def build_backend(name: str, **data: Any) -> SearchBackend:
    """Build backend ``name`` from the keyword data SearchIndex.build passes (tokens, texts, vectors, …)."""
    return backend_class(name).build(**data)


def describe_saved(directory: Path) -> str:
    """Which backend a saved index directory uses, read from its files without opening it (for
    ``policykg status``): "local" or "milvus (<uri>, collection <name>)"; "unknown" if unreadable."""
    directory = Path(directory)
    try:
        name = json.loads((directory / "meta.json").read_text(encoding="utf-8")).get("search_backend", "local")
        if name != "milvus":
            return f"{name} (bm25s + FAISS, in memory)"
        pointer = json.loads((directory / "milvus.json").read_text(encoding="utf-8"))
        return f"milvus ({pointer['uri']}, collection {pointer['collection']})"
    except (OSError, ValueError, KeyError, TypeError):
        return "unknown"


def milvus_pointer(directory: Path) -> dict | None:
    """The Milvus collections a saved index directory names (its milvus.json), None for a local index."""
    try:
        return json.loads((Path(directory) / "milvus.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def drop_collections(pointer: dict) -> None:
    """Drop the collections ``pointer`` names (an index no longer served); a Milvus that cannot be reached
    is logged, not raised: they can be dropped by hand."""
    try:
        from .milvus import milvus_client

        client = milvus_client(pointer["uri"])
        for name in (pointer["collection"], pointer["sentence_collection"]):
            if client.has_collection(name):
                client.drop_collection(name)
    except Exception as e:  # noqa: BLE001
        log.warning("could not drop the Milvus collections %s: %s", pointer, e)


def load_backend(name: str, directory: Path, **options: Any) -> SearchBackend:
    """Reopen backend ``name`` from a saved index directory."""
    return backend_class(name).load(Path(directory), **options)
