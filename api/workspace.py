"""The data directory: build corpus → ingest → kg → search into a new generation, swap it in atomically, load it.

Layout of ``data_dir``::

    .lock                            the writer lock (flock), held by the one ingest running
    current -> generations/<id>      (a symlink, replaced atomically)
    generations/<id>/
        manifest.json                (documents, counts, encoder, when built, sha256 + size of every file)
        .pin                         shared-locked by every process using this generation (prune skips it)
        sources/<file>.txt (+ .meta.json)   the documents as ingested
        graph.nt                     the RDF graph (kg.store)
        index/                       the search index (search.SearchIndex)

A build takes the writer lock, writes a whole new generation beside the old one and only then repoints
``current``; an interrupted or failed build leaves the previous generation in force and untouched, and the
next build removes what it left. Only an absent or empty data dir is ever built from the bundled corpus; a
broken one is reported (``api.datadir.BrokenDataError``) and left as it is.

``POLICYKG_FAULT_PAUSE=<phase>`` (one of ``FAULT_PHASES``) makes a build stop at that phase, print
``policykg: fault pause at <phase> (pid N)`` on stderr and wait for SIGUSR1: the fault tests kill it there.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import shutil
import signal
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from api.datadir import (
    MANIFEST,
    PIN_FILE,
    BrokenDataError,
    DataDirAccessError,
    DataDirBusy,
    DataDirError,
    NoDataError,
    Pin,
    access_error,
    check_sizes,
    clean_leftovers,
    file_digests,
    locate_generation,
    make_readable,
    pin,
    read_manifest,
    rebuild_hint,
    remove_unless_pinned,
    sha256_file,
    writer_lock,
)
from api.settings import Settings

__all__ = [
    "Workspace", "NoDataError", "BrokenDataError", "DataDirError", "DataDirAccessError", "DataDirBusy",
    "BuildError", "build", "open_workspace", "ensure_workspace", "corpus_files", "FAULT_PHASES", "FAULT_ENV",
]

log = logging.getLogger(__name__)

Progress = Callable[[str], None]
FORMAT_VERSION = 1
FAULT_ENV = "POLICYKG_FAULT_PAUSE"
# The phases of a build, in order; each is a point where POLICYKG_FAULT_PAUSE can stop it.
FAULT_PHASES = ("locked", "parsed", "sources", "graph", "index", "manifest", "renamed", "swapped", "pruned")


class BuildError(RuntimeError):
    """A build could not complete; the previous data is untouched."""


def _quiet(_: str) -> None:
    pass


def _fault_point(phase: str) -> None:
    """Stop here when ``POLICYKG_FAULT_PAUSE`` names ``phase``, until SIGUSR1 (a test hook; a no-op otherwise)."""
    if os.environ.get(FAULT_ENV) != phase:
        return
    resumed = threading.Event()
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGUSR1, lambda *_: resumed.set())
    print(f"policykg: fault pause at {phase} (pid {os.getpid()})", file=sys.stderr, flush=True)
    while not resumed.wait(0.05):
        pass
    if previous is not None:
        signal.signal(signal.SIGUSR1, previous)


def corpus_files(paths: Iterable[Path]) -> list[Path]:
    """The document files named by ``paths``: files as given, folders' ``*.txt`` in name order."""
    found: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found.extend(sorted(p for p in path.glob("*.txt") if p.is_file()))
        elif path.is_file():
            found.append(path)
        else:
            raise BuildError(f"{path}: no such file or folder")
    if not found:
        raise BuildError(f"no .txt documents found in {', '.join(str(p) for p in paths)}")
    return found


def _sidecar(path: Path) -> Path:
    return path.with_name(path.stem + ".meta.json")


@dataclass
class Workspace:
    """A loaded generation: the graph and the search index, each loaded lazily and once.

    The graph and the index load apart, so a broken ``graph.nt`` leaves search working; a failure is
    remembered and raised again on every later use (never re-parsed per request).
    """

    root: Path
    settings: Settings
    manifest: dict = field(default_factory=dict)
    pinned: Pin | None = field(default=None, repr=False)
    _graph: object | None = None
    _index: object | None = None
    _network: object | None = None
    _store: object | None = None
    _graph_error: Exception | None = field(default=None, repr=False)
    _index_error: Exception | None = field(default=None, repr=False)
    _graph_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _index_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def generation(self) -> str:
        return str(self.manifest.get("generation", self.root.name))

    @property
    def graph(self):
        with self._graph_lock:
            if self._graph_error is not None:
                raise self._graph_error.with_traceback(None)
            if self._graph is None:
                try:
                    self._graph = self._load_graph()
                except Exception as e:
                    self._graph_error = e
                    raise
            return self._graph

    @property
    def graph_store(self):
        """The graph store the settings name (kg.stores): this generation's graph.nt, or a SPARQL server."""
        if self._store is None:
            from kg.stores import open_graph_store

            self._store = open_graph_store(self.settings, self.root / "graph.nt")
        return self._store

    def _load_graph(self):
        path = self.root / "graph.nt"
        if self.graph_store.backend == "embedded":
            check_sizes(self.root, self.manifest, "graph.nt")
        graph = self.graph_store.graph()
        expected = self.manifest.get("triples")
        if len(graph) == 0 and expected:
            raise BrokenDataError(path, f"holds no triples, the manifest says {expected}",
                                  rebuild_hint(self.settings.data_dir))
        return graph

    @property
    def graph_error(self) -> Exception | None:
        """Why the graph cannot be loaded (after a first attempt), else None."""
        return self._graph_error

    @property
    def index(self):
        with self._index_lock:
            if self._index_error is not None:
                raise self._index_error.with_traceback(None)
            if self._index is None:
                try:
                    self._index = self._load_index()
                except Exception as e:
                    self._index_error = e
                    raise
            return self._index

    def _load_index(self):
        from search import SearchIndex

        check_sizes(self.root, self.manifest, "index/")
        index = SearchIndex.load(self.root / "index", encoder=encoder_of(self.settings),
                                 milvus_uri=self.settings.milvus_uri)
        # The run's settings rule how the index is searched (it keeps the rest as it was built).
        index.settings = search_settings(self.settings, base=index.settings)
        return index

    @property
    def network(self):
        if self._network is None:
            from kg.network import to_networkx

            self._network = to_networkx(self.graph)
        return self._network

    def source_files(self) -> list[Path]:
        return sorted((self.root / "sources").glob("*.txt"))


def encoder_of(settings: Settings):
    """The dense encoder the settings name, with their prompts (one instance per process)."""
    from search.encoders import get_encoder

    return get_encoder(settings.encoder, settings.query_prompt, settings.passage_prompt)


def search_settings(settings: Settings, base=None):
    """The search's own settings (``search.SearchSettings``) with this run's fusion and query limit; a new
    index (no ``base``) goes to the backend POLICYKG_MILVUS_URI selects, a loaded one stays where it is."""
    from search.backends import backend_name
    from search.settings import SearchSettings

    if base is None:
        base = SearchSettings(backend=backend_name(settings.milvus_uri), milvus_uri=settings.milvus_uri or "")
    return dataclasses.replace(base, fusion=settings.fusion, max_query_chars=settings.max_query_chars)


def _current(data_dir: Path) -> Path:
    return data_dir / "current"


def open_workspace(settings: Settings) -> Workspace:
    """Open (and pin) the generation ``current`` names, or ``settings.generation`` when given.

    Raises ``NoDataError`` for an absent or empty data dir, ``BrokenDataError`` for a broken one,
    ``DataDirAccessError`` when it cannot be read.
    """
    data_dir = settings.data_dir
    for _ in range(5):
        root = Path(settings.generation) if settings.generation else locate_generation(data_dir)
        held = pin(root)
        if not root.is_dir():  # pruned between locating and pinning: look again
            held.release()
            if settings.generation:
                raise BrokenDataError(root, "the generation to serve does not exist", rebuild_hint(data_dir))
            continue
        try:
            manifest = read_manifest(root, data_dir)
        except DataDirError:
            held.release()
            raise
        return Workspace(root=root.resolve(), settings=settings, manifest=manifest, pinned=held)
    raise BrokenDataError(data_dir, "`current` kept changing while it was opened", "retry")


def ensure_workspace(settings: Settings, progress: Progress = _quiet) -> Workspace:
    """Open the current generation; when the data dir is absent or empty, build it from the bundled corpus
    first. A broken data dir is never built over: its error is raised."""
    try:
        return open_workspace(settings)
    except NoDataError:
        if settings.generation:
            raise
    progress(f"no data in {settings.data_dir}: building from {settings.corpus_dir}")
    build(settings, [settings.corpus_dir], progress=progress, wait=True, only_if_empty=True)
    return open_workspace(settings)


def _parse(paths: Iterable[Path], progress: Progress) -> tuple[dict, dict[str, Path]]:
    from ingest import parse_plan

    documents, origin = {}, {}
    for path in paths:
        progress(f"parsing {path.name}")
        doc = parse_plan(path)
        documents[doc.meta.slug] = doc  # later paths replace earlier ones of the same slug
        origin[doc.meta.slug] = path
    return documents, origin


def _previous_sources(data_dir: Path, new_files: list[Path]) -> list[Path]:
    """The documents of the generation in force, checked against its manifest. A document listed but gone,
    or a source changed since it was built, stops the build (nothing is silently dropped or taken)."""
    try:
        root = locate_generation(data_dir)
    except NoDataError:
        return []
    except BrokenDataError as e:
        raise BrokenDataError(e.path, e.problem,
                              "repair it, or pass --replace to build only the documents given") from e
    manifest = read_manifest(root, data_dir)
    files = manifest.get("files") or {}
    given = {p.name for p in new_files}
    found = sorted((root / "sources").glob("*.txt"))
    names = {p.name for p in found}
    for doc in manifest["documents"]:
        name = doc.get("source_file") if isinstance(doc, dict) else None
        if name and name not in names and name not in given:
            raise BrokenDataError(root / "sources" / name, "missing (the manifest lists it)",
                                  "restore it, or ingest it again, or pass --replace to drop it")
    for path in found:
        if path.name in given:
            continue  # replaced by the file given now
        for part in (path, _sidecar(path)):
            want = files.get(f"sources/{part.name}")
            if want is None or not part.is_file():
                continue
            if part.stat().st_size != want.get("size") or sha256_file(part) != want.get("sha256"):
                raise BrokenDataError(part, f"changed since generation {manifest['generation']} was built",
                                      f"restore it, or ingest the edited file by name: `policykg ingest {path}`")
    return found


def build(
    settings: Settings,
    paths: list[Path] | None = None,
    *,
    replace: bool = False,
    wait: bool = False,
    only_if_empty: bool = False,
    progress: Progress = _quiet,
) -> dict:
    """Ingest ``paths`` (plus, unless ``replace``, the documents already in the data dir) into a new generation.

    Documents are keyed by slug: ingesting a document again replaces it, so re-ingesting the same file
    changes nothing. The whole build runs under the data dir's writer lock: a second build raises
    ``DataDirBusy`` (or, with ``wait``, queues behind the first). With ``only_if_empty`` nothing is built
    when another process built the data dir meanwhile. Returns the manifest in force.
    Raises ``ingest.ParseError`` for a bad document, ``DataDirError`` for a broken, busy or unwritable
    data dir and ``BuildError`` for anything else; in every case the previous generation stays in force.
    """
    files = corpus_files(paths or [settings.corpus_dir])
    from ingest.authority import configure_authority

    configure_authority(settings.authority_files)  # the user's authority files of government bodies, if any
    # Parse the given files first: a bad file fails the build before anything is written or locked.
    documents, origin = _parse(files, progress)
    data_dir = settings.data_dir
    with writer_lock(data_dir, wait=wait, progress=progress):
        _fault_point("locked")
        if only_if_empty:
            try:
                root = locate_generation(data_dir)
                return read_manifest(root, data_dir)  # built by another process while this one waited
            except NoDataError:
                pass
        link = data_dir / "current"
        if link.is_dir() and not link.is_symlink():  # a copy that resolved the link: it cannot be swapped
            raise BrokenDataError(link, "is a folder, not a link to a generation",
                                  "move it to generations/<name> and link it: ln -s generations/<name> current")
        removed = clean_leftovers(data_dir)
        if removed:
            progress(f"removed what killed ingests left: {', '.join(removed)}")
        previous = [] if replace else _previous_sources(data_dir, files)
        kept, kept_origin = _parse(previous, progress)
        kept.update(documents)
        kept_origin.update(origin)
        _fault_point("parsed")
        return _build_generation(settings, kept, kept_origin, progress)


def _build_generation(settings: Settings, documents: dict, origin: dict[str, Path], progress: Progress) -> dict:
    docs = [documents[slug] for slug in sorted(documents)]
    data_dir = settings.data_dir
    generations = data_dir / "generations"
    gen_id = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    staging = generations / f".{gen_id}.partial"
    started = time.perf_counter()
    try:
        generations.mkdir(parents=True, exist_ok=True)
        staging.mkdir()
        (staging / "sources").mkdir()
        for slug, path in origin.items():
            target = staging / "sources" / path.name
            shutil.copyfile(path, target)
            if _sidecar(path).is_file():
                shutil.copyfile(_sidecar(path), _sidecar(target))
        _fault_point("sources")

        progress(f"building the knowledge graph of {len(docs)} document(s)")
        from kg.build import build_graph
        from kg.stores import open_graph_store
        from kg.validate import check_spans, validate

        graph = build_graph(docs)
        report = validate(graph)
        if not report.conforms:
            raise BuildError(f"the built graph does not conform to the SHACL shapes:\n{report.text}")
        span_errors = check_spans(graph)
        if span_errors:
            raise BuildError("source spans do not match the text: " + "; ".join(span_errors[:5]))
        open_graph_store(settings, staging / "graph.nt").write_all(graph)  # a SPARQL server: one graph per document
        _fault_point("graph")

        progress(f"building the search index with encoder {settings.encoder}")
        from search import SearchIndex, index_units

        units = index_units(docs)
        index = SearchIndex.build(units, encoder_of(settings), search_settings(settings))
        index.save(staging / "index")
        _fault_point("index")

        (staging / PIN_FILE).touch()
        make_readable(staging)  # graph.nt is written 0600 by its temp file; others must read what is served
        manifest = {
            "format_version": FORMAT_VERSION,
            "generation": gen_id,
            "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "build_seconds": round(time.perf_counter() - started, 2),
            "encoder": settings.encoder,
            "triples": len(graph),
            "index_units": len(units),
            "documents": [_document_entry(d, origin[d.meta.slug]) for d in docs],
            "files": file_digests(staging),
        }
        (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        os.chmod(staging / MANIFEST, 0o644 & ~_umask())
        _fault_point("manifest")
        final = generations / gen_id
        staging.rename(final)
        _fault_point("renamed")
        _swap_current(data_dir, final)
        _fault_point("swapped")
    except OSError as e:
        shutil.rmtree(staging, ignore_errors=True)
        raise access_error(Path(e.filename) if e.filename else data_dir, e, "write the new generation") from e
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _prune(generations, keep=settings.keep_generations, current=final)
    _fault_point("pruned")
    progress(f"built generation {gen_id} in {manifest['build_seconds']} s")
    return manifest


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _document_entry(d, source: Path) -> dict:
    return {
        "slug": d.meta.slug,
        "title": d.meta.title,
        "source_file": source.name,
        "sha256": d.meta.sha256,
        "encoding": d.meta.encoding,
        "units": len(d.units),
        "targets": len(d.targets),
        "departments": len(d.departments),
        "responsibilities": len(d.responsibilities),
        "citations": len(d.citations),
    }


def _swap_current(data_dir: Path, generation: Path) -> None:
    """Point ``current`` at ``generation`` with one atomic rename of a fresh symlink."""
    tmp = data_dir / f".current-{uuid.uuid4().hex[:6]}"
    os.symlink(os.path.relpath(generation, data_dir), tmp)
    os.replace(tmp, _current(data_dir))


def _prune(generations: Path, *, keep: int, current: Path) -> None:
    """Remove generations beyond the ``keep`` newest; never ``current`` nor one a process has pinned.
    Called only under the writer lock, so no other build is between its rename and its swap."""
    done = sorted((p for p in generations.iterdir() if p.is_dir() and not p.name.startswith(".")), reverse=True)
    for old in done[keep:]:
        if old.resolve() == current.resolve():
            continue
        from search.backends import drop_collections, milvus_pointer

        pointer = milvus_pointer(old / "index")  # a Milvus index's collections go with its generation
        if not remove_unless_pinned(old):
            log.info("keeping generation %s: a process is using it", old.name)
        elif pointer is not None:
            drop_collections(pointer)
