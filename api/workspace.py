"""The data directory: build corpus → ingest → kg → search into a new generation, swap it in atomically, load it.

Layout of ``data_dir``::

    current -> generations/<id>      (a symlink, replaced atomically)
    generations/<id>/
        manifest.json                (documents, counts, encoder, when built)
        sources/<file>.txt (+ .meta.json)   the documents as ingested
        graph.nt                     the RDF graph (kg.store)
        index/                       the search index (search.SearchIndex)

A build writes a whole new generation beside the old one and only then
repoints ``current``; an interrupted or failed build leaves the previous
generation in force and untouched.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from api.settings import Settings

__all__ = ["Workspace", "NoDataError", "BuildError", "build", "open_workspace", "ensure_workspace", "corpus_files"]

log = logging.getLogger(__name__)

Progress = Callable[[str], None]
MANIFEST = "manifest.json"
FORMAT_VERSION = 1


class NoDataError(RuntimeError):
    """The data directory holds no built generation."""


class BuildError(RuntimeError):
    """A build could not complete; the previous data is untouched."""


def _quiet(_: str) -> None:
    pass


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
    """A loaded generation: the graph and the search index, loaded lazily and once."""

    root: Path
    settings: Settings
    manifest: dict = field(default_factory=dict)
    _graph: object | None = None
    _index: object | None = None
    _network: object | None = None

    @property
    def graph(self):
        if self._graph is None:
            from kg.store import load_graph

            self._graph = load_graph(self.root / "graph.nt")
        return self._graph

    @property
    def index(self):
        if self._index is None:
            from search import SearchIndex

            index = SearchIndex.load(self.root / "index", encoder=encoder_of(self.settings))
            # The run's settings rule how the index is searched (it keeps the rest as it was built).
            index.settings = search_settings(self.settings, base=index.settings)
            self._index = index
        return self._index

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
    """The search's own settings (``search.SearchSettings``) with this run's fusion and query limit."""
    from search.settings import SearchSettings

    base = base if base is not None else SearchSettings()
    return dataclasses.replace(base, fusion=settings.fusion, max_query_chars=settings.max_query_chars)


def _current(data_dir: Path) -> Path:
    return data_dir / "current"


def open_workspace(settings: Settings) -> Workspace:
    """Open the current generation, or raise NoDataError."""
    link = _current(settings.data_dir)
    manifest_path = link / MANIFEST
    if not manifest_path.is_file():
        raise NoDataError(f"no built data in {settings.data_dir} (run `policykg ingest`)")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise NoDataError(f"{manifest_path}: unreadable manifest ({e})") from e
    return Workspace(root=link.resolve(), settings=settings, manifest=manifest)


def ensure_workspace(settings: Settings, progress: Progress = _quiet) -> Workspace:
    """Open the current generation; when there is none, build it from the bundled corpus first."""
    try:
        return open_workspace(settings)
    except NoDataError:
        progress(f"no data in {settings.data_dir}: building from {settings.corpus_dir}")
        build(settings, [settings.corpus_dir], progress=progress)
        return open_workspace(settings)


def build(
    settings: Settings,
    paths: list[Path] | None = None,
    *,
    replace: bool = False,
    progress: Progress = _quiet,
) -> dict:
    """Ingest ``paths`` (plus, unless ``replace``, the documents already in the data dir) into a new generation.

    Documents are keyed by slug: ingesting a document again replaces it, so
    re-ingesting the same file changes nothing. Returns the new manifest.
    Raises ``ingest.ParseError`` for a bad document and ``BuildError`` for
    anything else; in both cases the previous generation stays in force.
    """
    from ingest import parse_plan

    files = corpus_files(paths or [settings.corpus_dir])
    previous: list[Path] = []
    if not replace:
        try:
            previous = open_workspace(settings).source_files()
        except NoDataError:
            previous = []

    # Parse everything first: a bad file fails the build before anything is written.
    documents = {}
    origin: dict[str, Path] = {}
    for path in [*previous, *files]:
        progress(f"parsing {path.name}")
        doc = parse_plan(path)
        documents[doc.meta.slug] = doc  # later paths replace earlier ones of the same slug
        origin[doc.meta.slug] = path
    docs = [documents[slug] for slug in sorted(documents)]

    data_dir = settings.data_dir
    generations = data_dir / "generations"
    generations.mkdir(parents=True, exist_ok=True)
    gen_id = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    staging = generations / f".{gen_id}.partial"
    started = time.perf_counter()
    try:
        staging.mkdir()
        (staging / "sources").mkdir()
        for slug, path in origin.items():
            target = staging / "sources" / path.name
            shutil.copyfile(path, target)
            if _sidecar(path).is_file():
                shutil.copyfile(_sidecar(path), _sidecar(target))

        progress(f"building the knowledge graph of {len(docs)} document(s)")
        from kg.build import build_graph
        from kg.store import save_graph
        from kg.validate import check_spans, validate

        graph = build_graph(docs)
        report = validate(graph)
        if not report.conforms:
            raise BuildError(f"the built graph does not conform to the SHACL shapes:\n{report.text}")
        span_errors = check_spans(graph)
        if span_errors:
            raise BuildError("source spans do not match the text: " + "; ".join(span_errors[:5]))
        save_graph(graph, staging / "graph.nt")

        progress(f"building the search index with encoder {settings.encoder}")
        from search import SearchIndex, index_units

        units = index_units(docs)
        index = SearchIndex.build(units, encoder_of(settings), search_settings(settings))
        index.save(staging / "index")

        manifest = {
            "format_version": FORMAT_VERSION,
            "generation": gen_id,
            "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "build_seconds": round(time.perf_counter() - started, 2),
            "encoder": settings.encoder,
            "triples": len(graph),
            "index_units": len(units),
            "documents": [
                {
                    "slug": d.meta.slug,
                    "title": d.meta.title,
                    "source_file": origin[d.meta.slug].name,
                    "sha256": d.meta.sha256,
                    "encoding": d.meta.encoding,
                    "units": len(d.units),
                    "targets": len(d.targets),
                    "departments": len(d.departments),
                    "responsibilities": len(d.responsibilities),
                    "citations": len(d.citations),
                }
                for d in docs
            ],
        }
        (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        final = generations / gen_id
        staging.rename(final)
        _swap_current(data_dir, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _prune(generations, keep=settings.keep_generations, current=final)
    progress(f"built generation {gen_id} in {manifest['build_seconds']} s")
    return manifest


def _swap_current(data_dir: Path, generation: Path) -> None:
    """Point ``current`` at ``generation`` with one atomic rename of a fresh symlink."""
    tmp = data_dir / f".current-{uuid.uuid4().hex[:6]}"
    os.symlink(os.path.relpath(generation, data_dir), tmp)
    os.replace(tmp, _current(data_dir))


def _prune(generations: Path, *, keep: int, current: Path) -> None:
    done = sorted((p for p in generations.iterdir() if p.is_dir() and not p.name.startswith(".")), reverse=True)
    for old in done[keep:]:
        if old != current:
            shutil.rmtree(old, ignore_errors=True)
    for partial in generations.glob(".*.partial"):
        # left by a build that was killed an hour or more ago (a younger one may still be running)
        if time.time() - partial.stat().st_mtime > 3600:
            shutil.rmtree(partial, ignore_errors=True)
