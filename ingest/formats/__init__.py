"""Read the formats policy documents come in (.txt/.md, .docx, .pdf with text, .html) into one text.

``read_document(path)`` picks the reader by content and extension and returns an ``Extracted``;
``supported_files(paths)`` lists what a folder ingest takes and why it skips every other file.
"""

from .base import Extracted, PageSpan, content_digest, page_of
from .limits import LimitError, ReadLimits, configure_limits, read_limits
from .registry import READERS, SUPPORTED_SUFFIXES, Skipped, read_document, sniff, supported_files

__all__ = [
    "Extracted",
    "PageSpan",
    "page_of",
    "content_digest",
    "read_document",
    "supported_files",
    "Skipped",
    "READERS",
    "SUPPORTED_SUFFIXES",
    "sniff",
    "LimitError",
    "ReadLimits",
    "configure_limits",
    "read_limits",
]
