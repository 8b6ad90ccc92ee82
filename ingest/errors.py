"""Domain errors raised by ingest; the CLI and the API map them to exit codes and HTTP statuses."""

from __future__ import annotations

__all__ = ["ParseError"]


class ParseError(ValueError):
    """A file could not be ingested: says which file, where, and why."""

    def __init__(self, file: str, reason: str, line: int | None = None) -> None:
        self.file = file
        self.reason = reason
        self.line = line
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {reason}")
