"""A search request checked at the entry: the query text and the kind, function and document filters, each refused
with a QueryError that says why and lists what is accepted (split from hybrid.py)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from .errors import QueryError
from .types import UNIT_FUNCTIONS, UNIT_KINDS

__all__ = ["check_documents", "check_functions", "check_kinds", "clean_query"]

_HARMLESS_CONTROLS = "\t\n\r\v\f"


def clean_query(query: object, max_chars: int) -> str:
    """The query ready to search, or QueryError saying why not.

    Tabs and line breaks are turned into spaces; any other control or format character (U+0000–U+001F,
    U+007F–U+009F, U+200B…, category Cc/Cf) is refused, not silently stripped, so a caller learns of it.
    """
    if not isinstance(query, str):
        raise QueryError(f"the query must be a string, got {type(query).__name__}")
    if len(query) > max_chars:
        raise QueryError(f"the query is {len(query)} characters long; the limit is {max_chars} characters")
    for i, ch in enumerate(query):
        if ch in _HARMLESS_CONTROLS:
            continue
        if unicodedata.category(ch) in ("Cc", "Cf"):
            raise QueryError(f"the query contains the control character U+{ord(ch):04X} at position {i}; "
                             "tabs and line breaks are accepted, other control characters are not")
    text = " ".join(query.split())
    if not text:
        raise QueryError("the query is empty; give a question or keywords, e.g. 工业机器人 or industrial robots")
    return text


def check_kinds(kind: str | Sequence[str] | None) -> frozenset[str] | None:
    if kind is None:
        return None
    kinds = [kind] if isinstance(kind, str) else list(kind)
    bad = [k for k in kinds if k not in UNIT_KINDS]
    if bad or not kinds:
        raise QueryError(f"unknown kind {bad[0] if bad else kind!r}; valid kinds: {', '.join(UNIT_KINDS)}")
    return frozenset(kinds)


def check_functions(function: str | Sequence[str] | None) -> frozenset[str] | None:
    if function is None:
        return None
    functions = [function] if isinstance(function, str) else list(function)
    bad = [f for f in functions if f not in UNIT_FUNCTIONS]
    if bad or not functions:
        raise QueryError(f"unknown function {bad[0] if bad else function!r}; "
                         f"valid functions: {', '.join(UNIT_FUNCTIONS)}")
    return frozenset(functions)


def check_documents(document: str | Sequence[str] | None) -> frozenset[str] | None:
    if document is None:
        return None
    documents = [document] if isinstance(document, str) else list(document)
    if not documents or not all(isinstance(d, str) and d for d in documents):
        raise QueryError(f"document must be a document slug or a list of slugs, got {document!r}")
    return frozenset(documents)
