"""Pick a search backend by name: build one over units, or reopen a saved one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import UnknownBackendError
from .base import BACKENDS, SearchBackend

__all__ = ["backend_class", "backend_name", "build_backend", "load_backend"]


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


def load_backend(name: str, directory: Path, **options: Any) -> SearchBackend:
    """Reopen backend ``name`` from a saved index directory."""
    return backend_class(name).load(Path(directory), **options)
