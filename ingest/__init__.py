"""PolicyKG ingest: policy text files → the document model (units, targets, departments, responsibilities, citations, concepts)."""

from .errors import ParseError
from .pipeline import load_meta, parse_plan, parse_text

__all__ = ["ParseError", "load_meta", "parse_plan", "parse_text"]
