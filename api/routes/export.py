"""``GET /export``: the whole graph as Turtle, JSON-LD or N-Triples, written to a file once per generation and
format, then streamed from it.

The first request for a format serialises the graph into ``$TMPDIR/policykg-export-<uid>/<generation>-<key>/``
(requests never write to the data dir), under a lock every thread and worker process shares, so concurrent first
requests serialise it once, not once each; every later request, in any worker, streams the file. The folders of
generations that no longer exist are removed when a new export is written.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import tempfile
import threading
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse, Response

from api.deps import WorkspaceDep
from api.errors import ERROR_RESPONSES, ApiError
from api.schemas import EXPORT_FORMATS

__all__ = ["router", "export_file"]

router = APIRouter(tags=["export"])

_EXTENSIONS = {"turtle": "ttl", "json-ld": "jsonld", "nt": "nt"}
_locks: dict[Path, threading.Lock] = {}
_locks_guard = threading.Lock()


def _base() -> Path:
    return Path(tempfile.gettempdir()) / f"policykg-export-{os.getuid()}"


def _folder(ws) -> Path:
    """The export folder of ``ws``'s generation (named by the generation and a hash of its path)."""
    key = hashlib.sha256(str(ws.root).encode("utf-8")).hexdigest()[:12]
    return _base() / f"{ws.generation}-{key}"


def export_file(ws, name: str) -> Path:
    """The file holding the graph of ``ws`` in format ``name``, written once (see the module docstring)."""
    path = _folder(ws) / f"policykg.{_EXTENSIONS[name]}"
    if path.is_file():
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        (path.parent / "generation").write_text(str(ws.root), encoding="utf-8")
        _remove_gone()
        return _write_once(ws, name, path)
    except OSError as e:
        raise ApiError(503, "export_unavailable", f"cannot write the export to {path.parent}: {e.strerror or e}",
                       "export") from e


def _remove_gone() -> None:
    """Remove the export folders of generations that no longer exist (pruned by later ingests)."""
    for folder in _base().iterdir():
        try:
            root = Path((folder / "generation").read_text(encoding="utf-8"))
        except OSError:
            continue
        if not root.is_dir():
            shutil.rmtree(folder, ignore_errors=True)


def _write_once(ws, name: str, path: Path) -> Path:
    from kg.export import serialize

    with _locks_guard:
        lock = _locks.setdefault(path, threading.Lock())
    with lock:  # the threads of this worker
        fd = os.open(path.with_name(f".{path.name}.lock"), os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)  # the other workers
            if path.is_file():
                return path
            text = serialize(ws.graph, name)
            data = text.encode("utf-8") if isinstance(text, str) else text
            partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
            with open(partial, "wb") as f:
                f.write(data)
            os.chmod(partial, 0o644)
            os.replace(partial, path)
            return path
        finally:
            os.close(fd)


@router.get(
    "/export",
    summary="Download the knowledge graph",
    response_class=Response,
    responses={
        200: {"description": "the graph", "content": {t.split(";")[0]: {} for t in EXPORT_FORMATS.values()}},
        422: ERROR_RESPONSES[422],
    },
)
def export(
    ws: WorkspaceDep,
    format: Annotated[str, Query(max_length=40, description=f"one of: {', '.join(EXPORT_FORMATS)} (also ttl, jsonld, ntriples)",
                                 examples=["turtle"])] = "turtle",
):
    from kg.export import normalise_format

    try:
        name = normalise_format(format)
    except ValueError as e:
        raise ApiError(422, "invalid_format", str(e), "query.format") from e
    path = export_file(ws, name)
    return FileResponse(path, media_type=EXPORT_FORMATS[name],
                        headers={"Content-Disposition": f'inline; filename="policykg.{_EXTENSIONS[name]}"'})
