"""Search backends: where the lexical (BM25) and dense candidates come from; SearchIndex keeps all the logic."""

from .base import BACKENDS, SearchBackend, TermGroup, UnitFields, UnitFilter
from .factory import backend_name, build_backend, describe_saved, drop_collections, load_backend, milvus_pointer

__all__ = ["BACKENDS", "SearchBackend", "TermGroup", "UnitFields", "UnitFilter",
           "backend_name", "build_backend", "describe_saved", "drop_collections", "load_backend",
           "milvus_pointer"]
