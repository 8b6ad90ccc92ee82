"""The build caches of a data dir: parsed documents by file hash, passage vectors by text hash.

Layout under ``<data-dir>/cache/``::

    parsed/<key>.pickle              one parsed ``PolicyDocument``; key = sha256 of the file's name and bytes, its
                                     sidecar, the authority files and the ingest code (so an edit of the parser
                                     never serves a stale parse)
    graphs/<key>.nt                  that document's triples (``workspace.graphparts.GraphPart``: its named graph,
                                     then its shared triples); key = sha256 of its parse key and the code that
                                     splits it. Written only once they passed the SHACL shapes and the span
                                     check, so a cached part is a checked one
    units/<key>.pickle               that document's search units (``search.index_units``) and their lines of the
                                     saved ``units.jsonl``; key = sha256 of its parse key and the search code
    tokens/<key>.pickle              BM25 tokens by text hash; key = sha256 of the tokenizer's custom words, the
                                     search code and rjieba's version (``TokenCache``)
    vectors/<encoder-key>/<seg>.npz  passage vectors: ``keys`` (sha256 of each embedded text) and ``vectors``;
                                     encoder-key = sha256 of the encoder's name, dim and prompts

Every file is written to a temporary name and renamed into place (atomic), and only under the data dir's
writer lock (``workspace.datadir.writer_lock``): a reader never sees half a file and two writers never race.
A vector segment holds the vectors of one embedding batch (``CachingEncoder``), written as soon as the batch
is embedded, so adding one document writes one small segment and a killed ingest keeps every finished batch;
``VectorCache.compact`` merges segments once there are many. A cache file that cannot be read is ignored
(logged) and recomputed: the cache only ever saves work, it never decides an answer.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

__all__ = ["CACHE_DIR", "ParseCache", "GraphCache", "UnitCache", "TokenCache", "VectorCache", "CachingEncoder", "text_key", "code_fingerprint",
           "EMBED_BATCH"]

log = logging.getLogger(__name__)

CACHE_DIR = "cache"
_MAX_SEGMENTS = 32
EMBED_BATCH = 256  # texts sent to the encoder at once; each batch's vectors are written before the next


def _sha256(*parts: bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


def text_key(text: str) -> str:
    """The cache key of one embedded text: sha256 of its UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@lru_cache(maxsize=4)
def code_fingerprint(packages: tuple[str, ...] = ("ingest", "kg")) -> str:
    """sha256 of the contents of the packages' source and data files: an edited parser (or graph builder and
    its shapes) invalidates every cached parse. By content, not mtime, so a touched file changes nothing."""
    base = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for package in packages:
        root = base / package
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in (".py", ".ttl", ".json", ".txt", ".csv", ".yaml"):
                h.update(f"{package}/{path.relative_to(root)}\n".encode())
                h.update(path.read_bytes())
    return h.hexdigest()


@lru_cache(maxsize=1)
def _parts_code() -> bytes:
    return (Path(__file__).resolve().parent / "graphparts.py").read_bytes()


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _file_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


@dataclass
class ParseCache:
    """Parsed documents by the hash of what they were parsed from. ``get`` before the lock, ``put`` under it."""

    root: Path
    authority: Sequence[Path] = ()
    hits: int = 0
    misses: int = 0
    _pending: dict[str, object] = field(default_factory=dict, repr=False)
    _read_docs: dict[str, object] = field(default_factory=dict, repr=False)  # key → document read by this build
    # id(document) → (its key, the document: held so that its id is never reused by another object)
    _keys: dict[int, tuple[str, object]] = field(default_factory=dict, repr=False)

    def key(self, path: Path) -> str:
        """sha256 of the file's name and bytes, its ``.meta.json`` sidecar, the authority files and the ingest code."""
        path = Path(path)
        sidecar = path.with_name(path.stem + ".meta.json")
        authority = b"".join(str(p).encode() + _file_bytes(Path(p)) for p in self.authority)
        # The name counts too: without a sidecar the slug and source_file come from it.
        return _sha256(path.name.encode("utf-8"), path.read_bytes(), _file_bytes(sidecar), authority,
                       code_fingerprint().encode())

    def _path(self, key: str) -> Path:
        return self.root / "parsed" / f"{key}.pickle"

    def get(self, key: str):
        """The cached document of ``key``, or None."""
        if key in self._pending:
            return self._pending[key]
        doc = self._read(key)
        if doc is not None:
            self._keys[id(doc)] = (key, doc)
        return doc

    def key_of(self, doc) -> str | None:
        """The key ``doc`` was read or remembered under (None for a document this cache never saw)."""
        held = self._keys.get(id(doc))
        return held[0] if held is not None and held[1] is doc else None

    def _read(self, key: str):
        if key in self._read_docs:  # the same file met twice in one build (given and already in force)
            return self._read_docs[key]
        doc = self._load(key)
        if doc is not None:
            self._read_docs[key] = doc
        return doc

    def _load(self, key: str):
        path = self._path(key)
        if not path.is_file():
            self.misses += 1
            return None
        try:
            with open(path, "rb") as f:
                doc = pickle.load(f)
        except Exception as e:  # noqa: BLE001 - a bad cache entry is recomputed, never trusted
            log.warning("%s: unreadable parse cache entry (%s); parsing again", path, e)
            self.misses += 1
            return None
        self.hits += 1
        return doc

    def remember(self, key: str, doc) -> None:
        """Keep ``doc`` (parsed now) for ``flush`` (which runs under the writer lock)."""
        self._pending[key] = doc
        self._keys[id(doc)] = (key, doc)

    def flush(self) -> int:
        """Write the remembered documents (call under the writer lock). Returns how many."""
        written = 0
        for key, doc in self._pending.items():
            path = self._path(key)
            if not path.exists():
                _atomic_write(path, pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL))
                written += 1
        self._pending.clear()
        return written


@dataclass
class GraphCache:
    """Each document's checked triples (``workspace.graphparts.GraphPart``) by its parse key. Written under the
    writer lock, read one document at a time while a generation's graph is written."""

    root: Path

    def _path(self, key: str) -> Path:
        # the parse key covers the document, the authority files and the ingest/kg code; the split into parts
        # (workspace/graphparts.py) counts too
        return self.root / "graphs" / f"{_sha256(key.encode('ascii'), _parts_code())}.nt"

    def has(self, key: str | None) -> bool:
        return key is not None and self._path(key).is_file()

    def get(self, key: str):
        """The cached part of ``key``, or None (absent or unreadable: it is made again)."""
        from workspace.graphparts import GraphPart

        try:
            return GraphPart.from_bytes(self._path(key).read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as e:
            log.warning("%s: unreadable graph cache entry (%s); building it again", self._path(key), e)
            return None

    def put(self, key: str, part) -> None:
        """Keep ``part`` (checked) under ``key`` (call under the writer lock)."""
        _atomic_write(self._path(key), part.to_bytes())


@dataclass
class UnitCache:
    """Each document's search units (``search.index_units`` of it alone) by its parse key and the search code:
    the units of the documents already ingested are read, not made again. Written under the writer lock."""

    root: Path

    def _path(self, key: str) -> Path:
        return self.root / "units" / f"{_sha256(key.encode('ascii'), code_fingerprint(('search',)).encode())}.pickle"

    def get(self, key: str | None):
        """The cached units of ``key`` (a list), or None."""
        entry = self.entry(key)
        return None if entry is None else entry[0]

    def entry(self, key: str | None) -> tuple[list, list[str] | None] | None:
        """The cached units of ``key`` and their ``units.jsonl`` lines (None in an entry written without
        them), or None."""
        if key is None:
            return None
        path = self._path(key)
        try:
            with open(path, "rb") as f:
                data = pickle.load(f)
        except FileNotFoundError:
            return None
        except Exception as e:  # noqa: BLE001 - a bad cache entry is recomputed, never trusted
            log.warning("%s: unreadable unit cache entry (%s); making them again", path, e)
            return None
        if isinstance(data, dict):
            lines = data.get("lines")
            return data["units"], (lines if lines is not None and len(lines) == len(data["units"]) else None)
        return data, None

    def put(self, key: str | None, units: list, lines: list[str] | None = None) -> None:
        if key is not None:
            _atomic_write(self._path(key), pickle.dumps({"units": units, "lines": lines},
                                                        protocol=pickle.HIGHEST_PROTOCOL))


@dataclass
class TokenCache:
    """BM25 tokens by text hash, for one tokenizer (its custom words, ``search.tokenize.Tokenizer.key``) and the
    search code (tokenizer, stopwords, rjieba's version): a new generation re-tokenises only texts no earlier
    build tokenised with the same dictionary. One file per dictionary; a new dictionary (a document bringing a
    department name no other had) starts a new file and the older ones are removed. Written under the writer lock."""

    root: Path
    _entries: dict[str, list[str]] = field(default_factory=dict, init=False, repr=False)
    _file: Path | None = field(default=None, init=False, repr=False)
    _added: int = field(default=0, init=False, repr=False)

    def _path(self, tokenizer) -> Path:
        import rjieba

        version = getattr(rjieba, "__version__", "")
        key = _sha256(tokenizer.key.encode(), code_fingerprint(("search",)).encode(), str(version).encode())
        return self.root / "tokens" / f"{key}.pickle"

    def _open(self, tokenizer) -> None:
        path = self._path(tokenizer)
        if path == self._file:
            return
        self._file, self._entries, self._added = path, {}, 0
        try:
            with open(path, "rb") as f:
                self._entries = pickle.load(f)
        except FileNotFoundError:
            pass
        except Exception as e:  # noqa: BLE001 - a bad cache entry is recomputed, never trusted
            log.warning("%s: unreadable token cache (%s); tokenising again", path, e)

    def tokenize(self, tokenizer, texts: list[str]) -> list[list[str]]:
        """``tokenizer.tokens`` of each text, from the cache where it has them (``SearchIndex.build``'s hook)."""
        self._open(tokenizer)
        out = []
        for text in texts:
            key = text_key(text)
            tokens = self._entries.get(key)
            if tokens is None:
                tokens = self._entries[key] = tokenizer.tokens(text)
                self._added += 1
            out.append(list(tokens))
        return out

    def flush(self) -> int:
        """Write the tokens added since loading (the whole file, atomically) and drop the other dictionaries'
        files; returns how many were added."""
        added, self._added = self._added, 0
        if self._file is None or not added:
            return added
        _atomic_write(self._file, pickle.dumps(self._entries, protocol=pickle.HIGHEST_PROTOCOL))
        for other in self._file.parent.glob("*.pickle"):
            if other != self._file:
                other.unlink(missing_ok=True)
        return added


def encoder_key(encoder) -> str:
    """sha256 of what a passage vector depends on besides its text: encoder name, dim, prompts."""
    parts = (encoder.name, str(int(encoder.dim)), getattr(encoder, "query_prompt", "") or "",
             getattr(encoder, "passage_prompt", "") or "")
    return _sha256(*(p.encode("utf-8") for p in parts))[:24]


@dataclass
class VectorCache:
    """Passage vectors by the sha256 of their text, for one encoder (name, dim and prompts)."""

    root: Path
    encoder: object
    _vectors: dict[str, np.ndarray] | None = field(default=None, repr=False)
    _new: dict[str, np.ndarray] = field(default_factory=dict, repr=False)

    @property
    def folder(self) -> Path:
        return self.root / "vectors" / encoder_key(self.encoder)

    def _load(self) -> dict[str, np.ndarray]:
        if self._vectors is None:
            self._vectors = {}
            for segment in sorted(self.folder.glob("*.npz")) if self.folder.is_dir() else []:
                try:
                    with np.load(segment) as data:
                        keys, vectors = data["keys"], data["vectors"]
                except Exception as e:  # noqa: BLE001
                    log.warning("%s: unreadable vector cache segment (%s); ignoring it", segment, e)
                    continue
                for k, v in zip(keys.tolist(), vectors):
                    self._vectors[k.decode("ascii") if isinstance(k, bytes) else str(k)] = v
        return self._vectors

    def __len__(self) -> int:
        return len(self._load())

    @property
    def added(self) -> int:
        return len(self._new)

    def lookup(self, keys: Iterable[str]) -> dict[str, np.ndarray]:
        known = self._load()
        return {k: known[k] for k in keys if k in known}

    def add(self, keys: Sequence[str], vectors: np.ndarray) -> None:
        known = self._load()
        for k, v in zip(keys, vectors):
            known[k] = v
            self._new[k] = v

    def flush(self) -> int:
        """Write the vectors added since loading as one new segment (call under the writer lock)."""
        if not self._new:
            return 0
        keys = np.array(list(self._new), dtype="S64")
        vectors = np.stack(list(self._new.values())).astype(np.float32)
        import io

        buffer = io.BytesIO()
        np.savez(buffer, keys=keys, vectors=vectors)
        name = f"{uuid.uuid4().hex}.npz"
        _atomic_write(self.folder / name, buffer.getvalue())
        written = len(self._new)
        self._new.clear()
        self.compact()
        return written

    def compact(self, max_segments: int = _MAX_SEGMENTS) -> None:
        """Merge the segments into one once there are more than ``max_segments`` (under the writer lock)."""
        segments = sorted(self.folder.glob("*.npz"))
        if len(segments) <= max_segments:
            return
        known = self._load()
        import io

        buffer = io.BytesIO()
        np.savez(buffer, keys=np.array(list(known), dtype="S64"),
                 vectors=np.stack(list(known.values())).astype(np.float32))
        _atomic_write(self.folder / f"{uuid.uuid4().hex}.npz", buffer.getvalue())
        for old in segments:
            old.unlink(missing_ok=True)


class CachingEncoder:
    """An encoder that takes passage vectors from a ``VectorCache`` and embeds only the texts it lacks.

    The missing texts go to the encoder ``batch`` at a time; each batch's vectors are written to the cache
    (one segment) before the next is embedded, and ``after_batch(n)`` is called, so an ingest killed while
    embedding resumes where it stopped. It has the wrapped encoder's name, dim and prompts, so an index built
    through it is the same index; queries are never cached.
    """

    def __init__(self, inner, cache: VectorCache, batch: int = EMBED_BATCH,
                 after_batch: Callable[[int], None] | None = None,
                 before_batches: Callable[[int], None] | None = None) -> None:
        self.inner = inner
        self.cache = cache
        self.batch = max(1, int(batch))
        self.after_batch = after_batch
        self.before_batches = before_batches  # told how many texts a call will embed, before its first batch
        self.embedded = 0  # texts actually sent to the encoder

    def __getattr__(self, name: str):
        return getattr(self.inner, name)

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def dim(self) -> int:
        return self.inner.dim

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self.inner.encode_queries(texts)

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        keys = [text_key(t) for t in texts]
        known = self.cache.lookup(keys)
        missing: dict[str, str] = {}
        for k, t in zip(keys, texts):
            if k not in known and k not in missing:
                missing[k] = t
        pending = list(missing.items())
        if pending and self.before_batches is not None:
            self.before_batches(len(pending))
        for start in range(0, len(pending), self.batch):
            batch = pending[start:start + self.batch]
            vectors = np.asarray(self.inner.encode_passages([t for _, t in batch]), dtype=np.float32)
            batch_keys = [k for k, _ in batch]
            self.cache.add(batch_keys, vectors)
            self.cache.flush()  # written now: a killed ingest keeps every finished batch
            known.update(zip(batch_keys, vectors))
            self.embedded += len(batch)
            if self.after_batch is not None:
                self.after_batch(len(batch))
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.ascontiguousarray(np.stack([known[k] for k in keys]), dtype=np.float32)
