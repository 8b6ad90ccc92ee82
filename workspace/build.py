"""The data directory: build corpus → ingest → kg → search into a new generation and swap it in atomically
(opening one to read is ``workspace.reader``).

Layout of ``data_dir``::

    .lock                            the writer lock (flock), held by the one ingest running
    current -> generations/<id>      (a symlink, replaced atomically)
    generations/<id>/
        manifest.json                (documents, counts, encoder, when built, sha256 + size of every file)
        .pin                         shared-locked by every process using this generation (prune skips it)
        sources/<key>/<file> (+ .meta.json)  the documents as ingested, in their own format (.txt, .docx,
                                     .pdf, .html …), one folder per document named by its slug
                                     (``source_key``), so two files of the same name never collide:
                                     a re-ingest reads them again through ingest.formats
        graph.nt                     the RDF graph (kg.store)
        graph.oxigraph/              the same triples in an on-disk Oxigraph store, opened read-only (derived)
        index/                       the search index (search.SearchIndex)

A build takes the writer lock, writes a whole new generation beside the old one and only then repoints
``current``; builds are incremental through ``<data-dir>/cache`` (``workspace.buildcache``: parses by file hash,
each document's checked triples by the same key, passage vectors by text hash), so adding, changing or removing
one document parses, checks (SHACL, spans) and embeds only it: ``graph.nt`` is streamed from the cached
per-document parts plus the shared graph and the cross-document links, recomputed each time
(``workspace.graphparts``); BM25 and FAISS are rebuilt from the cached vectors. Files are parsed and new
documents' graphs checked over ``Settings.ingest_jobs`` processes (``workspace.parallel``); new texts are embedded
``Settings.embed_batch`` at a time, each batch cached at once. An interrupted or failed build leaves the previous
generation in force and untouched (what it cached stays: parses, checked parts, embedded batches, so a re-run
resumes), and the next build removes what it left. Only an absent or empty data dir is ever built from the bundled corpus; a
broken one is reported (``workspace.datadir.BrokenDataError``) and left as it is.

The build's steps live apart: which files and documents go in (``workspace.sources``), parsing them in
isolated processes (``workspace.parsing``), writing the generation (``workspace.generation``), and the error,
progress and fault points they share (``workspace.faults``: ``POLICYKG_FAULT_PAUSE=<phase>`` stops a build at
that phase for the fault tests). This module is the build's order and its locking.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from pathlib import Path

from workspace.datadir import (
    BrokenDataError,
    DataDirAccessError,
    DataDirBusy,
    DataDirError,
    NoDataError,
    clean_leftovers,
    locate_generation,
    read_manifest,
    writer_lock,
)
from workspace.faults import (
    FAULT_ENV,
    FAULT_PHASES,
    BuildError,
    Progress,
    fault_point,
    quiet,
)
from workspace.generation import write_generation
from workspace.parallel import default_jobs
from workspace.parsing import parse_files, parse_kept
from workspace.reader import Workspace, open_workspace
from workspace.settings import Settings
from workspace.sources import (
    FileReport,
    corpus_files,
    match_documents,
    merge_documents,
    previous_sources,
    scan_corpus,
    unchanged_by_manifest,
)

__all__ = [
    "FAULT_ENV",
    "FAULT_PHASES",
    "BrokenDataError",
    "BuildError",
    "DataDirAccessError",
    "DataDirBusy",
    "DataDirError",
    "FileReport",
    "NoDataError",
    "build",
    "corpus_files",
    "ensure_workspace",
    "remove_documents",
    "scan_corpus",
]


def ensure_workspace(settings: Settings, progress: Progress = quiet) -> Workspace:
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


def build(
    settings: Settings,
    paths: list[Path] | None = None,
    *,
    replace: bool = False,
    wait: bool = False,
    only_if_empty: bool = False,
    remove: Iterable[str] = (),
    progress: Progress = quiet,
) -> dict:
    """Ingest ``paths`` (plus, unless ``replace``, the documents already in the data dir) into a new generation.

    Incremental: parsing is cached by file hash, each document's checked triples by the same key and passage
    vectors by text hash (``workspace.buildcache``, in ``<data-dir>/cache``), so documents already ingested are
    neither parsed, checked nor embedded again; ``graph.nt`` is streamed from the cached parts and BM25 and FAISS
    are rebuilt from the cached vectors. When nothing changed (every given file ``unchanged`` or a
    ``duplicate``, same encoder) no generation is built at all.

    Documents are keyed by slug and identified by their text (``content_digest``): the same text under a second
    name or in a second format is reported as a duplicate, not ingested twice. ``remove`` names documents
    (slug or file name) to drop. Folder entries that cannot be read are reported as skipped with the reason
    (``result["report"]``, one ``FileReport`` per file), and so is a file that cannot be parsed or breaks a
    limit (each is parsed in a process of its own, see ``parse_files``): the rest of the batch goes on. Only when no
    given file can be read does a file named directly fail the build with its ``ParseError``.
    The whole build runs under the data dir's writer lock: a second build raises ``DataDirBusy`` (or, with
    ``wait``, queues behind the first). With ``only_if_empty`` nothing is built when another process built the
    data dir meanwhile. Returns the manifest in force plus ``report``.
    Raises ``ingest.ParseError`` for a bad document, ``DataDirError`` for a broken, busy or unwritable
    data dir and ``BuildError`` for anything else; in every case the previous generation stays in force.
    """
    from workspace.buildcache import CACHE_DIR, ParseCache

    remove = list(remove)
    given_paths = [Path(p) for p in (paths or ([] if remove else [settings.corpus_dir]))]
    reports: list[FileReport] = []
    files: list[Path] = []
    if given_paths:
        files, reports = scan_corpus(given_paths)
        if not files:
            corpus_files(given_paths)  # raises, naming what was skipped
    from ingest.authority import configure_authority
    from ingest.docmeta import missing_metadata_warning

    configure_authority(settings.authority_files)  # the user's authority files of government bodies, if any
    data_dir = settings.data_dir
    if files and not replace and not remove and not only_if_empty:
        unchanged = _all_unchanged(settings, files, reports, wait, progress)
        if unchanged is not None:
            return unchanged
    cache = ParseCache(data_dir / CACHE_DIR, tuple(settings.authority_files or ()))
    named = {p.resolve() for p in given_paths if p.is_file()}
    # Parse the given files first: a bad file named directly fails the build before anything is written or locked.
    documents, origin = {}, {}
    jobs = default_jobs(settings.ingest_jobs)
    failed = []
    for path, doc in parse_files(files, progress, cache, jobs, settings):
        if isinstance(doc, Exception):
            failed.append(doc)
            reports.append(FileReport(str(path), "skipped", reason=doc.reason))
            continue
        slug = doc.meta.slug
        if note := missing_metadata_warning(doc.meta):  # no title line or no place: say so, and how to state them
            progress("warning: " + note)
        if slug in documents:
            reports.append(FileReport(str(origin[slug]), "skipped", slug,
                                      f"{path.name} has the same document name ({slug}); rename one, "
                                      "or give each a slug in a .meta.json sidecar"))
        documents[slug] = doc
        origin[slug] = path
    if files and not documents and not remove:
        first_named = next((e for e in failed if Path(e.file).resolve() in named), None)
        if first_named is not None:
            raise first_named  # nothing else to ingest: a file named directly that cannot be read fails the build
        raise BuildError("no readable documents: " + "; ".join(f"{r.path}: {r.reason}" for r in reports[:5]))
    with writer_lock(data_dir, wait=wait, progress=progress):
        fault_point("locked")
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
        previous = [] if replace else previous_sources(data_dir, files)
        kept, kept_origin = parse_kept(previous, progress, cache, jobs=jobs, settings=settings)
        for slug in match_documents(kept, kept_origin, remove):
            reports.append(FileReport(kept_origin[slug].name, "removed", slug))
            kept.pop(slug)
            kept_origin.pop(slug)
        kept, kept_origin, given_reports = merge_documents(kept, kept_origin, documents, origin, replace)
        reports = given_reports + reports
        fault_point("parsed")
        cache.flush()  # the new parses are kept now: a build killed later does not parse them again
        current = None if replace else _current_manifest(data_dir)
        changed = replace or remove or any(r.status == "ingested" for r in reports)
        if current is not None and not changed and _same_index_settings(settings, current):
            cache.flush()
            progress("nothing changed: generation " + current["generation"] + " stays in force")
            return {**current, "report": [dataclasses.asdict(r) for r in reports]}
        if not kept:
            raise BuildError("no documents left: a data dir needs at least one (ingest one first)")
        manifest = write_generation(settings, kept, kept_origin, progress, cache)
        cache.flush()
        return {**manifest, "report": [dataclasses.asdict(r) for r in reports]}


def _current_manifest(data_dir: Path) -> dict | None:
    try:
        return read_manifest(locate_generation(data_dir), data_dir)
    except NoDataError:
        return None


def _same_index_settings(settings: Settings, manifest: dict) -> bool:
    """The generation in force was built with the encoder and search backend these settings select, in the index
    format this code reads (an older format is rebuilt, not refused at the first search)."""
    from search.backends import backend_name
    from search.hybrid import FORMAT_VERSION

    if manifest.get("encoder") != settings.encoder:
        return False
    try:
        root = locate_generation(settings.data_dir)
        meta = json.loads((root / "index" / "meta.json").read_text(encoding="utf-8"))
    except (DataDirError, OSError, ValueError):
        return False
    return (meta.get("format_version") == FORMAT_VERSION
            and meta.get("search_backend", "local") == backend_name(settings.milvus_uri))


def _all_unchanged(settings: Settings, files: list[Path], skipped: list[FileReport], wait: bool,
                   progress: Progress) -> dict | None:
    """When every given file is already in force unchanged (same name, bytes and sidecar) and the encoder is the
    same, the manifest in force with an ``unchanged`` report per file: nothing is parsed, embedded or written.
    Checked again under the writer lock. None when anything differs (a normal build follows)."""
    data_dir = settings.data_dir
    try:
        current = _current_manifest(data_dir)
    except DataDirError:
        return None  # the build reports it
    if current is None or unchanged_by_manifest(current, files) is None or not _same_index_settings(settings, current):
        return None
    with writer_lock(data_dir, wait=wait, progress=progress):
        current = _current_manifest(data_dir)
        reports = unchanged_by_manifest(current, files) if current is not None else None
        if reports is None or not _same_index_settings(settings, current):
            return None
    progress(f"nothing changed: generation {current['generation']} stays in force")
    return {**current, "report": [dataclasses.asdict(r) for r in reports + skipped]}


def remove_documents(settings: Settings, names: Iterable[str], *, wait: bool = False,
                     progress: Progress = quiet) -> dict:
    """Drop the documents ``names`` (slug or source file name) and build the generation without them."""
    return build(settings, None, remove=list(names), wait=wait, progress=progress)
