"""The data directory's safety: what state it is in, one writer at a time, pinned generations, file hashes.

* ``locate_generation`` says which generation ``current`` names, or why there is none: an absent or empty
  folder (``NoDataError``: the only state that may be built from the bundled corpus) or a broken one
  (``BrokenDataError``: dangling or plain-file ``current``, missing or malformed ``manifest.json`` …),
  which is reported with its repair and never built over.
* ``writer_lock`` is an exclusive ``flock`` on ``<data-dir>/.lock`` held for a whole build and swap; a
  second writer is told who holds it (``DataDirBusy``) or waits.
* ``pin`` holds a shared ``flock`` on ``<generation>/.pin`` while a process uses that generation; a prune
  (done only under the writer lock) skips every pinned generation.
* ``file_digests`` / ``check_files`` record and check the sha256 and size of every file a generation holds;
  ``check_sources`` that every document keeps its own source, with the bytes it was parsed from.

Every error here is one line: the path, what is wrong, and how to repair it.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import logging
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "LOCK_FILE", "PIN_FILE", "MANIFEST", "MANIFEST_KEYS",
    "DataDirError", "NoDataError", "BrokenDataError", "DataDirAccessError", "DataDirBusy",
    "access_error", "locate_generation", "read_manifest", "writer_lock", "Pin", "pin", "is_pinned",
    "clean_leftovers", "remove_unless_pinned", "sha256_file", "file_digests", "check_files", "check_sources", "check_sizes", "make_readable", "rebuild_hint",
    "kept_source",
]

log = logging.getLogger(__name__)

LOCK_FILE = ".lock"
PIN_FILE = ".pin"
MANIFEST = "manifest.json"
MANIFEST_KEYS = ("generation", "built_at", "encoder", "triples", "index_units", "documents")
# Entries that do not count as data: the lock, the list of running servers, the build caches (workspace.buildcache:
# they only save work), leftovers of killed ingests.
_NOT_DATA = (LOCK_FILE, ".servers", "cache")


class DataDirError(RuntimeError):
    """A data directory cannot be used as it is; the message names the path, the problem and the fix."""

    def __init__(self, path: Path, problem: str, fix: str = "") -> None:
        self.path = Path(path)
        self.problem = problem
        self.fix = fix
        super().__init__(f"{path}: {problem}" + (f"; {fix}" if fix else ""))


class NoDataError(DataDirError):
    """The data directory is absent or empty: nothing was ever built there (it may be built)."""


class BrokenDataError(DataDirError):
    """The data directory holds data that cannot be used; it is never built over automatically."""


class DataDirAccessError(DataDirError):
    """The data directory (or a file in it) cannot be read or written: permissions, read-only, not a folder."""


class DataDirBusy(DataDirError):
    """Another process holds the writer lock of the data directory (the message names it, not the path twice)."""

    def __init__(self, path: Path, problem: str, fix: str = "") -> None:
        super().__init__(path, problem, fix)
        self.args = (problem + (f"; {fix}" if fix else ""),)

    def __str__(self) -> str:
        return str(self.args[0])


def rebuild_hint(data_dir: Path) -> str:
    return (f"restore it from a backup, or build anew with `policykg ingest --replace PATH… --data-dir {data_dir}` "
            f"(your data is left as it is until you do)")


def access_error(path: Path, e: OSError, doing: str) -> DataDirAccessError:
    """``e`` (EACCES, EROFS, ENOTDIR, ENOSPC …) met while ``doing`` something to ``path``, as one line with a fix."""
    if e.errno == errno.EROFS:
        return DataDirAccessError(path, f"cannot {doing}: the file system is read-only",
                                  "use a writable --data-dir (POLICYKG_DATA_DIR) or remount it read-write")
    if e.errno in (errno.EACCES, errno.EPERM):
        return DataDirAccessError(path, f"cannot {doing}: permission denied for this account (uid {os.getuid()})",
                                  "ask its owner to grant access (chmod/chown) or use another --data-dir")
    if e.errno == errno.ENOTDIR:
        return DataDirAccessError(path, "is a file, not a folder", "give --data-dir (POLICYKG_DATA_DIR) a folder")
    if e.errno == errno.ENOSPC:
        return DataDirAccessError(path, f"cannot {doing}: no space left on the device", "free some space and retry")
    return DataDirAccessError(path, f"cannot {doing}: {e.strerror or e}", "")


# ------------------------------------------------------------------ state


def _leftover(name: str) -> bool:
    return name in _NOT_DATA or name.startswith(".current-")


def _holds_data(data_dir: Path) -> list[str]:
    """The entries of ``data_dir`` that are data (not the lock nor leftovers of killed ingests)."""
    found = []
    for entry in sorted(os.listdir(data_dir)):
        if _leftover(entry):
            continue
        if entry == "generations" and (data_dir / entry).is_dir():
            inside = [n for n in os.listdir(data_dir / entry) if not (n.startswith(".") and n.endswith(".partial"))]
            if not inside:
                continue
            found.extend(f"generations/{n}" for n in sorted(inside))
            continue
        found.append(entry)
    return found


def locate_generation(data_dir: Path) -> Path:
    """The generation folder ``current`` names (resolved).

    Raises ``NoDataError`` when ``data_dir`` is absent or holds nothing but leftovers, ``BrokenDataError``
    when it holds something that is not a usable generation, ``DataDirAccessError`` when it cannot be read.
    """
    data_dir = Path(data_dir)
    try:
        if data_dir.exists() and not data_dir.is_dir():
            raise DataDirAccessError(data_dir, "is a file, not a folder", "give --data-dir (POLICYKG_DATA_DIR) a folder")
        if not data_dir.exists():
            raise NoDataError(data_dir, "no built data here yet", "run `policykg ingest`")
        link = data_dir / "current"
        if link.is_symlink():
            target = link.resolve()
            if not target.is_dir():
                raise BrokenDataError(data_dir, f"`current` points at {os.readlink(link)}, which does not exist",
                                      rebuild_hint(data_dir))
            return target
        if link.is_dir():  # a copy that resolved the link (cp -rL): the folder is the generation
            return link
        if link.exists():
            raise BrokenDataError(data_dir, "`current` is a plain file, not a link to a generation",
                                  rebuild_hint(data_dir))
        held = _holds_data(data_dir)
    except OSError as e:
        raise access_error(data_dir, e, "read the data dir") from e
    if not held:
        raise NoDataError(data_dir, "no built data here yet", "run `policykg ingest`")
    shown = ", ".join(held[:4]) + (" …" if len(held) > 4 else "")
    raise BrokenDataError(data_dir, f"holds {shown} but no `current` link to a generation",
                          "link one (ln -s generations/<id> current) or " + rebuild_hint(data_dir))


def read_manifest(root: Path, data_dir: Path) -> dict:
    """The manifest of the generation ``root``, checked for the keys every reader needs."""
    path = root / MANIFEST
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise BrokenDataError(path, "missing: the generation has no manifest", rebuild_hint(data_dir)) from e
    except OSError as e:
        raise access_error(path, e, "read the manifest") from e
    try:
        manifest = json.loads(text)
    except ValueError as e:
        raise BrokenDataError(path, f"not valid JSON ({e})", rebuild_hint(data_dir)) from e
    if not isinstance(manifest, dict):
        raise BrokenDataError(path, f"not a JSON object but {type(manifest).__name__}", rebuild_hint(data_dir))
    missing = [k for k in MANIFEST_KEYS if k not in manifest]
    if missing:
        raise BrokenDataError(path, f"lacks {', '.join(missing)}", rebuild_hint(data_dir))
    if not isinstance(manifest["documents"], list) or not isinstance(manifest["generation"], str):
        raise BrokenDataError(path, "documents is not a list or generation not a string", rebuild_hint(data_dir))
    return manifest


# ------------------------------------------------------------------ writer lock


def _holder(fd: int) -> str:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return "?"
    return text if text.isdigit() else "?"


@contextmanager
def writer_lock(data_dir: Path, *, wait: bool = False, progress: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the exclusive writer lock of ``data_dir`` (created if absent) for the body of the ``with``.

    Without ``wait`` a held lock raises ``DataDirBusy`` naming the holder's pid; with it, the call blocks.
    The lock file is never removed (removing it would let two writers lock two different files).
    """
    data_dir = Path(data_dir)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(data_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except FileExistsError as e:  # a path component is a file
        raise access_error(data_dir, OSError(errno.ENOTDIR, "not a directory"), "create the data dir") from e
    except OSError as e:
        raise access_error(data_dir, e, "write to the data dir") from e
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            if not wait:
                raise DataDirBusy(data_dir, f"another ingest is running in {data_dir} (pid {holder})",
                                  "wait for it, or run again with --wait to queue behind it") from None
            if progress is not None:
                progress(f"waiting for the ingest running in {data_dir} (pid {holder})")
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        os.close(fd)  # releases the lock


# ------------------------------------------------------------------ pins


@dataclass
class Pin:
    """A shared lock on one generation's ``.pin``: while held, no prune removes that generation."""

    root: Path
    fd: int | None

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None

    def __del__(self) -> None:  # a dropped Workspace lets its generation go
        try:
            self.release()
        except OSError:
            pass


def pin(root: Path) -> Pin:
    """Pin the generation ``root`` (blocks while a prune is removing it). A generation without a ``.pin``
    (built before pins existed) or on a file system without locks is used unpinned."""
    try:
        fd = os.open(Path(root) / PIN_FILE, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return Pin(Path(root), None)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)
    except OSError:
        os.close(fd)
        return Pin(Path(root), None)
    return Pin(Path(root), fd)


def is_pinned(root: Path) -> bool:
    """True when some process holds ``root``'s pin (its ``.pin`` cannot be locked exclusively now)."""
    try:
        fd = os.open(Path(root) / PIN_FILE, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except BlockingIOError:
        return True
    finally:
        os.close(fd)


def remove_unless_pinned(root: Path) -> bool:
    """Remove the generation ``root`` unless a process has it pinned; the exclusive lock is held while it is
    removed, so a reader pinning it meanwhile waits and then finds it gone. Returns True when removed."""
    try:
        fd = os.open(Path(root) / PIN_FILE, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        fd = None  # no pin file (built before pins): nobody can hold it
    try:
        if fd is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False
        shutil.rmtree(root, ignore_errors=True)
        return True
    finally:
        if fd is not None:
            os.close(fd)


# ------------------------------------------------------------------ leftovers, modes, hashes


def clean_leftovers(data_dir: Path) -> list[str]:
    """Remove what killed ingests left (``generations/.*.partial``, ``.current-*`` links). Call only under the
    writer lock: then no other build is running and every such leftover is dead. Returns what was removed."""
    removed: list[str] = []
    for link in Path(data_dir).glob(".current-*"):
        link.unlink(missing_ok=True)
        removed.append(link.name)
    generations = Path(data_dir) / "generations"
    if generations.is_dir():
        for partial in generations.glob(".*.partial"):
            shutil.rmtree(partial, ignore_errors=True)
            removed.append(f"generations/{partial.name}")
    return removed


def make_readable(root: Path) -> None:
    """Files 0644 and folders 0755 (less the umask), so another account can read what was built."""
    mask = os.umask(0)
    os.umask(mask)
    for path in [root, *Path(root).rglob("*")]:
        if path.is_symlink():
            continue
        os.chmod(path, (0o755 if path.is_dir() else 0o644) & ~mask)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# Derived from a hashed file and rebuilt by every build, not hashed (RocksDB's own files; kg.store.STORE_DIR).
_DERIVED = ("graph.oxigraph",)


def _data_files(root: Path) -> Iterator[Path]:
    for path in sorted(Path(root).rglob("*")):
        if path.relative_to(root).parts[0] in _DERIVED:
            continue
        if path.is_file() and not path.is_symlink() and path.name not in (MANIFEST, PIN_FILE):
            yield path


def file_digests(root: Path) -> dict[str, dict]:
    """``{relative path: {"sha256", "size"}}`` of every file of a generation but its manifest and pin."""
    return {path.relative_to(root).as_posix(): {"sha256": sha256_file(path), "size": path.stat().st_size}
            for path in _data_files(root)}


def check_sizes(root: Path, manifest: dict, prefix: str = "") -> None:
    """Cheap check at load: every file the manifest lists under ``prefix`` is there, readable, of its size.
    Raises ``BrokenDataError`` / ``DataDirAccessError`` naming the first bad file."""
    data_dir = Path(root).parent.parent
    for rel, want in sorted((manifest.get("files") or {}).items()):
        if not rel.startswith(prefix):
            continue
        path = Path(root) / rel
        try:
            size = path.stat().st_size
            with open(path, "rb"):
                pass
        except FileNotFoundError as e:
            raise BrokenDataError(path, "missing (the manifest lists it)", rebuild_hint(data_dir)) from e
        except OSError as e:
            raise access_error(path, e, "read it") from e
        if size != want.get("size"):
            raise BrokenDataError(path, f"has {size} bytes, the manifest says {want.get('size')} (changed or truncated)",
                                  rebuild_hint(data_dir))


def check_files(root: Path, manifest: dict) -> list[str]:
    """Every problem of a generation's files against its manifest: missing, unreadable, changed (size or
    sha256) or not listed. One line each, naming the file; empty when all match."""
    listed: dict = manifest.get("files") or {}
    if not listed:
        return [f"{Path(root) / MANIFEST}: lists no file hashes (built by an older version); re-ingest to add them"]
    problems = []
    for rel, want in sorted(listed.items()):
        path = Path(root) / rel
        try:
            size = path.stat().st_size
            digest = sha256_file(path)
        except FileNotFoundError:
            problems.append(f"{path}: missing (the manifest lists it)")
            continue
        except OSError as e:
            problems.append(str(access_error(path, e, "read it")))
            continue
        if size != want.get("size"):
            problems.append(f"{path}: has {size} bytes, the manifest says {want.get('size')}")
        elif digest != want.get("sha256"):
            problems.append(f"{path}: content changed since it was built (sha256 differs)")
    for path in _data_files(root):
        rel = path.relative_to(root).as_posix()
        if rel not in listed:
            problems.append(f"{path}: not listed in the manifest (added after the build)")
    return problems + check_sources(root, manifest)


def kept_source(entry: dict) -> str:
    """The path (relative to the generation) of a manifest entry's source: ``sources/<key>/<file>``, or
    ``sources/<file>`` in generations built before the per-document folders."""
    return entry.get("source_path") or f"sources/{entry.get('source_file', '')}"


def check_sources(root: Path, manifest: dict) -> list[str]:
    """Every document of the manifest has its own source kept in the generation, with the bytes it was parsed
    from (sha256): a source that is missing, shared by two documents (one overwrote the other) or changed is a
    problem, one line each."""
    problems = []
    owners: dict[str, str] = {}
    for doc in manifest.get("documents") or []:
        if not isinstance(doc, dict) or not doc.get("source_file"):
            continue
        rel = kept_source(doc)
        path = Path(root) / rel
        slug = doc.get("slug", "?")
        if rel in owners:
            problems.append(f"{path}: the source of both {owners[rel]} and {slug}: one document's file overwrote "
                            "the other's; ingest both again (each is kept apart now)")
            continue
        owners[rel] = slug
        try:
            digest = sha256_file(path)
        except FileNotFoundError:
            problems.append(f"{path}: the source of {slug} is missing")
            continue
        except OSError as e:
            problems.append(str(access_error(path, e, "read it")))
            continue
        if doc.get("sha256") and digest != doc["sha256"]:
            problems.append(f"{path}: not the file document {slug} was parsed from (sha256 differs)")
    return problems
