"""PolicyKG search: hybrid BM25 + dense retrieval over policy units, with graph context on every hit."""

from .errors import EncoderMismatchError, IndexLoadError, QueryError, SearchError, UnknownBackendError
from .factory import get_encoder
from .hybrid import SearchIndex
from .lexicon import ConceptLabels
from .settings import SearchSettings
from .types import UNIT_KINDS, Highlight, Hit, HitContext, IndexUnit, SearchResult, TargetView
from .units import index_units

__all__ = [
    "SearchIndex", "SearchSettings", "index_units", "get_encoder", "ConceptLabels",
    "IndexUnit", "Hit", "HitContext", "Highlight", "TargetView", "SearchResult", "UNIT_KINDS",
    "SearchError", "QueryError", "IndexLoadError", "EncoderMismatchError", "UnknownBackendError",
]
