"""What a search builds at every start from shipped data (the thesaurus, the gazetteer's matcher, the query
engine) or decodes from its index (the units of ``units.jsonl``), kept in a run-time cache folder so that the next process opens it instead of building it again.

The folder is the data dir's ``cache/runtime/`` (``workspace.reader.Workspace`` passes it); each entry is named
by what it is derived from (:func:`content_key`: the data files' bytes and the code that derives it), so a new
version of either is a new entry, never a stale one. Entries are written under a temporary name and renamed in
(a reader never sees half of one) by whichever process first needs them; a folder that cannot be written or an
entry that cannot be read only costs the time of building it (logged), never an answer.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

__all__ = ["RUNTIME_DIR", "content_key", "cached_pickle", "write_entry", "prune"]

log = logging.getLogger(__name__)

RUNTIME_DIR = "runtime"  # under the data dir's cache/ (workspace.buildcache.CACHE_DIR)

T = TypeVar("T")


def content_key(*parts: bytes | str | Path | None) -> str:
    """sha256 (first 24 hex digits) of ``parts``: a Path stands for its file's bytes (a missing file for its
    name), a string for itself."""
    h = hashlib.sha256()
    for part in parts:
        if isinstance(part, Path):
            try:
                data = part.read_bytes()
            except OSError:
                data = f"missing:{part}".encode()
        elif isinstance(part, str):
            data = part.encode("utf-8")
        else:
            data = part or b""
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()[:24]


def write_entry(cache_dir: Path, name: str, files: dict[str, bytes]) -> Path | None:
    """Write ``files`` as the folder ``cache_dir/name`` atomically; None when it exists or cannot be written."""
    folder = Path(cache_dir) / name
    if folder.is_dir():
        return None
    tmp = None
    try:
        Path(cache_dir).mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=cache_dir))
        for file, data in files.items():
            (tmp / file).write_bytes(data)
            os.chmod(tmp / file, 0o644)
        os.chmod(tmp, 0o755)
        os.rename(tmp, folder)
        return folder
    except OSError as e:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
        if not folder.is_dir():  # not another process that wrote it first
            log.info("policykg: cannot keep %s in %s (%s); it is built at each start", name, cache_dir, e)
        return None


def prune(cache_dir: Path, name: str, keep: int) -> None:
    """Remove all but the ``keep`` newest entries ``<name>-*`` (a reader that has one open keeps reading it)."""
    entries = sorted(Path(cache_dir).glob(f"{name}-*"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[keep:]:
        shutil.rmtree(old, ignore_errors=True)


def cached_pickle(cache_dir: Path | None, name: str, key: str, build: Callable[[], T], keep: int | None = None) -> T:
    """``build()``, or what an earlier call kept in ``cache_dir/<name>-<key>/value.pickle``; ``keep``: how many
    entries of ``name`` stay once a new one is written (None: all)."""
    if cache_dir is None:
        return build()
    folder = Path(cache_dir) / f"{name}-{key}"
    path = folder / "value.pickle"
    if path.is_file():
        try:
            with open(path, "rb") as fh:
                return pickle.load(fh)
        except Exception as e:  # noqa: BLE001 — a cache that cannot be read is rebuilt, never trusted
            log.warning("policykg: %s cannot be read (%s); building it anew", path, e)
            return build()
    value = build()
    written = write_entry(cache_dir, folder.name, {"value.pickle": pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)})
    if written is not None and keep is not None:
        prune(Path(cache_dir), name, keep)
    return value
