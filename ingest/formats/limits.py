"""What one file may cost a reader: pages of a PDF, bytes a ZIP (.docx) inflates to, size of a text; a file
over a limit is refused before the costly step with a ``LimitError`` that names the limit and its setting.

The limits are this process's (``configure_limits``; a build sets them from ``workspace.settings`` in each
parsing process); time and memory are bounded by the process each file is parsed in (``workspace.parallel``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import ParseError

__all__ = ["ReadLimits", "LimitError", "read_limits", "configure_limits", "SETTING_OF"]

# limit → the environment variable (workspace.settings) that raises it
SETTING_OF = {
    "max_pages": "POLICYKG_INGEST_MAX_PAGES",
    "max_unzipped_mb": "POLICYKG_INGEST_MAX_UNZIPPED_MB",
    "max_text_mb": "POLICYKG_INGEST_MAX_TEXT_MB",
}


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """The defaults are those of ``workspace.settings.Settings``."""

    max_pages: int = 2000
    max_unzipped_mb: int = 64
    max_text_mb: int = 20

    @property
    def max_text_bytes(self) -> int:
        return self.max_text_mb << 20

    @property
    def max_unzipped_bytes(self) -> int:
        return self.max_unzipped_mb << 20


class LimitError(ParseError):
    """A file over one of the ``ReadLimits``: the message says by how much and which setting raises it."""

    def __init__(self, file: str, found: str, limit: str) -> None:
        self.limit = limit
        self.setting = SETTING_OF[limit]
        value = getattr(_limits, limit)
        super().__init__(file, f"{found}, over the limit of {value:,} {_UNIT[limit]} ({self.setting})")


_UNIT = {"max_pages": "pages", "max_unzipped_mb": "MB", "max_text_mb": "MB"}
_limits = ReadLimits()


def read_limits() -> ReadLimits:
    return _limits


def configure_limits(limits: ReadLimits | None) -> None:
    """Use ``limits`` in this process from now on (None: the defaults)."""
    global _limits
    _limits = limits or ReadLimits()
