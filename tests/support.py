"""Shared test helpers: the bundled seed document and a digest of a data dir's files."""

from __future__ import annotations

import hashlib
from pathlib import Path

__all__ = ["ROOT", "SEED", "tree_digest"]

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "shanghai-technical-transformation-plan-2018-2020.txt"


def tree_digest(root: Path) -> str:
    """A hash of every path, symlink target and file content under ``root``: equal means nothing changed."""
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        h.update(str(path.relative_to(root)).encode())
        if path.is_symlink():
            h.update(str(path.readlink()).encode())
        elif path.is_file():
            h.update(path.read_bytes())
    return h.hexdigest()
