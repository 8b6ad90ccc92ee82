"""Domain errors of the search core; the API and CLI map them to HTTP and exit codes."""

from __future__ import annotations

__all__ = ["SearchError", "QueryError", "IndexLoadError", "EncoderMismatchError", "UnknownBackendError"]


class SearchError(Exception):
    """Base class of every search error."""


class QueryError(SearchError, ValueError):
    """The query (or its options) cannot be searched; the message says why and what is accepted."""


class IndexLoadError(SearchError):
    """A saved index is missing or corrupt; the message names the file."""


class EncoderMismatchError(SearchError):
    """The index was built with one encoder and is queried with another."""


class UnknownBackendError(SearchError, ValueError):
    """A factory was asked for a backend name it does not know; the message lists the valid ones."""
