"""Open the data dir's current generation for reading: a pinned ``Workspace`` whose graph and search index load
lazily and once, and what opening needs (where a document's source is kept, the encoder and search settings a run
asks for, the run-time cache). Building a generation is ``workspace.build``."""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from workspace.datadir import (
    BrokenDataError,
    DataDirError,
    Pin,
    check_sizes,
    locate_generation,
    pin,
    read_manifest,
    rebuild_hint,
)
from workspace.settings import Settings

log = logging.getLogger(__name__)

__all__ = ["Workspace", "encoder_of", "open_workspace", "runtime_cache_dir", "search_settings", "source_key"]


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
                except ConnectionError:  # a SPARQL server down for now: asked again next time
                    raise
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
        if expected and next(iter(graph.triples((None, None, None))), None) is None:  # len() scans a disk store
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
        runtime = runtime_cache_dir(self.settings.data_dir)  # what every open would build again (search.runtime_cache)
        index = SearchIndex.load(self.root / "index", encoder=encoder_of(self.settings),
                                 milvus_uri=self.settings.milvus_uri, cache_dir=runtime)
        # The run's settings rule how the index is searched (it keeps the rest as it was built).
        index.settings = search_settings(self.settings, base=index.settings)
        prepare = getattr(index.encoder, "prepare_queries", None)
        if prepare is not None:
            prepare(cache_dir=runtime)  # the query engine is built with the index, not inside the first search's time
        return index

    def prepare_english(self) -> None:
        """Make, off any question's time, what the index would make on its first English question (its units'
        English views, CC-CEDICT's pinyin readings from the run-time cache, the encoder's alignment file:
        ``SearchIndex.prepare_english``): a server calls it once the index is loaded, a one-question CLI does not.
        An index that cannot load, or cannot prepare, is left for the question to report."""
        try:
            index = self.index
            prepare = getattr(index, "prepare_english", None)
            if prepare is not None:
                prepare(runtime_cache_dir(self.settings.data_dir))
        except Exception as e:  # noqa: BLE001 — never fatal here: the search that needs it says what is wrong
            log.warning("policykg: English search not prepared in advance: %s", e)

    @property
    def network(self):
        if self._network is None:
            from kg.network import to_networkx

            self._network = to_networkx(self.graph)
        return self._network

    def source_files(self) -> list[Path]:
        """The documents' source files as ingested (any supported format; sidecars are not listed)."""
        return _source_files(self.root / "sources")


def _source_files(folder: Path) -> list[Path]:
    """The sources a generation keeps: ``sources/<key>/<file>`` (and ``sources/<file>``, the flat layout of
    generations built before the per-document folders, which could not hold two files of the same name)."""
    if not folder.is_dir():
        return []
    from ingest.formats import supported_files

    files, _ = supported_files([folder], recursive=True)
    return sorted(files)


_SAFE_KEY = re.compile(r"[\w.\-]{1,100}")


def source_key(slug: str) -> str:
    """The folder a document's source is kept in: its slug when that is a safe file name (letters, digits,
    ``.``, ``-``, ``_``), else ``doc-`` and the slug's hash. Slugs are unique within a generation, so two
    files of the same name from different folders are kept apart."""
    if _SAFE_KEY.fullmatch(slug) and not slug.startswith("."):
        return slug
    return "doc-" + hashlib.sha256(slug.encode("utf-8")).hexdigest()[:16]


def runtime_cache_dir(data_dir: Path) -> Path:
    """``<data-dir>/cache/runtime``: the query engine, thesaurus and gazetteer matcher as a search opens them
    (``search.runtime_cache``), kept by content so that a cold ``policykg search`` does not rebuild them."""
    from search.runtime_cache import RUNTIME_DIR
    from workspace.buildcache import CACHE_DIR

    return Path(data_dir) / CACHE_DIR / RUNTIME_DIR


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
