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

``POLICYKG_FAULT_PAUSE=<phase>`` (one of ``FAULT_PHASES``) makes a build stop at that phase, print
``policykg: fault pause at <phase> (pid N)`` on stderr and wait for SIGUSR1: the fault tests kill it there.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import re
import shutil
import signal
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from workspace.datadir import (
    MANIFEST,
    PIN_FILE,
    BrokenDataError,
    DataDirAccessError,
    DataDirBusy,
    DataDirError,
    NoDataError,
    access_error,
    clean_leftovers,
    file_digests,
    kept_source,
    locate_generation,
    make_readable,
    read_manifest,
    remove_unless_pinned,
    sha256_file,
    writer_lock,
)
from workspace.parallel import bar, default_jobs
from workspace.reader import (
    Workspace,
    _current,
    _source_files,
    encoder_of,
    open_workspace,
    search_settings,
    source_key,
)
from workspace.settings import Settings

__all__ = [
    "NoDataError", "BrokenDataError", "DataDirError", "DataDirAccessError", "DataDirBusy",
    "BuildError", "build", "ensure_workspace", "corpus_files", "scan_corpus", "FileReport",
    "remove_documents", "FAULT_PHASES", "FAULT_ENV",
]

log = logging.getLogger(__name__)

Progress = Callable[[str], None]
FORMAT_VERSION = 1
FAULT_ENV = "POLICYKG_FAULT_PAUSE"
# The phases of a build, in order; each is a point where POLICYKG_FAULT_PAUSE can stop it.
FAULT_PHASES = ("locked", "parsed", "sources", "graph", "embedding", "index", "manifest", "renamed", "swapped",
                "pruned")  # "embedding": after the first batch of new texts is embedded and cached


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


@dataclass(frozen=True)
class FileReport:
    """What an ingest did with one file: ``ingested``, ``unchanged``, ``duplicate``, ``skipped`` or ``removed``."""

    path: str
    status: str
    slug: str = ""
    reason: str = ""

    def line(self) -> str:
        """``ingested  plan.pdf → plan``: the one line ``policykg ingest`` prints for the file."""
        text = f"{self.status:<9} {_printable(self.path)}" + (f" → {self.slug}" if self.slug else "")
        return text + (f": {_printable(self.reason)}" if self.reason else "")


def _printable(text: str) -> str:
    """``text`` on one line: a newline or other control character in a file name shown escaped (``\\n``)."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def scan_corpus(paths: Iterable[Path]) -> tuple[list[Path], list[FileReport]]:
    """The document files named by ``paths`` (every supported format, folders searched in name order, see
    ``ingest.formats.supported_files``) and a ``skipped`` report, with its reason, for every other file."""
    from ingest.formats import supported_files

    from ingest.formats import read_document

    paths = [Path(p) for p in paths]
    files, skipped = supported_files(paths)
    for entry in skipped:
        if entry.path in paths and entry.path.is_file():
            read_document(entry.path)  # a file named directly that cannot be read: its ParseError fails the build
    reports = [FileReport(str(s.path), "skipped", reason=s.reason) for s in skipped]
    missing = [r for r in reports if r.reason == "no such file or folder"]
    if missing:
        raise BuildError(f"{missing[0].path}: no such file or folder")
    return files, reports


def corpus_files(paths: Iterable[Path]) -> list[Path]:
    """The document files named by ``paths``: files as given, folders' supported files (.txt, .md, .docx,
    .pdf, .html …) in name order. Raises ``BuildError`` when there is none, naming every file left out and why."""
    paths = [Path(p) for p in paths]
    files, skipped = scan_corpus(paths)
    if not files:
        why = "; ".join(f"{r.path}: {r.reason}" for r in skipped[:5])
        raise BuildError(f"no readable documents found in {', '.join(str(p) for p in paths)}"
                         + (f" ({why})" if why else ""))
    return files


def _sidecar(path: Path) -> Path:
    return path.with_name(path.stem + ".meta.json")


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


def _parse_file(path: Path):
    """Parse one file (in a worker process): its document, or its ``ParseError`` as ``(file, reason, line)``."""
    from ingest import ParseError, parse_plan

    try:
        return parse_plan(path)
    except ParseError as e:
        return (e.file, e.reason, e.line)


def _breach_error(path: Path, breach, settings: Settings):
    """The ``ParseError`` of a file whose parse broke the time or memory limit, crashed or failed, naming the
    limit and its setting (the one line the ingest prints for it)."""
    from ingest import ParseError

    if breach.kind == "time":
        reason = (f"reading and parsing it took longer than {settings.ingest_file_timeout_s:g} s "
                  "(POLICYKG_INGEST_FILE_TIMEOUT_S)")
    elif breach.kind == "memory":
        reason = (f"reading and parsing it needed more than {settings.ingest_file_memory_mb} MB "
                  "(POLICYKG_INGEST_FILE_MEMORY_MB)")
    elif breach.kind == "crash":
        reason = f"the reader crashed on it ({breach.detail}); the file may be damaged: open it and save it again"
    else:
        reason = f"could not be parsed ({breach.detail})"
    return ParseError(str(path), reason)


def _is_parse_failure(result) -> bool:
    return isinstance(result, tuple)  # _parse_file's ParseError as a value


def _parsed(paths: list[Path], progress: Progress, cache=None, jobs: int = 1,
            settings: Settings | None = None) -> list[tuple[Path, object]]:
    """Each path with its document (from ``cache`` when it holds the same bytes) or its ``ParseError``, in the
    order given; the files not cached are parsed over ``jobs`` processes, each file in a process of its own
    under the settings' time and memory limits (``workspace.parallel.isolated_map``)."""
    from ingest import ParseError
    from workspace.parallel import Breach, isolated_map

    settings = settings or Settings()

    keys = [cache.key(path) if cache is not None else None for path in paths]
    found: list[object] = [cache.get(key) if cache is not None else None for key in keys]
    missing = [i for i, doc in enumerate(found) if doc is None]
    for i in missing:
        progress(f"parsing {paths[i].name}")
    if missing:
        _warm_up()
    shown = bar(len(missing), "parsing")
    results = isolated_map(_parse_file, [paths[i] for i in missing], jobs, init=_configure_worker,
                           init_args=(tuple(cache.authority) if cache is not None else None, read_limits(settings)),
                           time_s=settings.ingest_file_timeout_s, memory_mb=settings.ingest_file_memory_mb,
                           preload=("ingest.pipeline",), is_failure=_is_parse_failure,
                           on_result=lambda _: shown.update())
    try:
        for i, result in zip(missing, results):
            if isinstance(result, Breach):
                found[i] = _breach_error(paths[i], result, settings)
                continue
            if isinstance(result, tuple):
                found[i] = ParseError(*result)
                continue
            found[i] = result
            if cache is not None:
                cache.remember(keys[i], result)
    finally:
        shown.close()
    return list(zip(paths, found))


_WARM_UP = "关于做好示例工作的通知\n一、工作目标\n到2025年，完成改造不少于300个。\n二、重点任务\n（一）由市财政局牵头负责。\n"


def _warm_up() -> None:
    """Parse a tiny plan in this process before the files' processes are forked from it: what the parser loads
    on first use (tables, patterns, the authority files) is then loaded once, not once per file."""
    from ingest import ParseError
    from ingest.model import DocumentMeta
    from ingest.pipeline import parse_text

    try:
        parse_text(_WARM_UP, DocumentMeta(slug="warm-up", title="warm-up"))
    except (ParseError, ValueError):
        pass


def _configure_worker(authority_files, limits=None) -> None:
    """A worker process reads the same authority files as the build that started it, with its read limits."""
    from ingest.authority import configure_authority
    from ingest.formats import configure_limits

    configure_authority(authority_files)
    if limits is not None:
        configure_limits(limits)


def read_limits(settings: Settings):
    """The readers' limits (``ingest.formats.ReadLimits``) the settings set."""
    from ingest.formats import ReadLimits

    return ReadLimits(max_pages=settings.ingest_max_pages, max_unzipped_mb=settings.ingest_max_unzipped_mb,
                      max_text_mb=settings.ingest_max_text_mb)


def _parse(paths: Iterable[Path], progress: Progress, cache=None, *, jobs: int = 1,
           settings: Settings | None = None) -> tuple[dict, dict[str, Path]]:
    """Parse ``paths`` (from ``cache`` when it holds the same bytes): slug → document, slug → file.
    A file that cannot be read raises its ``ParseError``."""
    documents, origin = {}, {}
    for path, doc in _parsed(list(paths), progress, cache, jobs, settings):
        if isinstance(doc, Exception):
            raise doc
        documents[doc.meta.slug] = doc  # later paths replace earlier ones of the same slug
        origin[doc.meta.slug] = path
    return documents, origin


def _digest(doc) -> str:
    from ingest.formats import content_digest

    return content_digest(doc.source)


def _merge(previous: dict, previous_origin: dict[str, Path], given: dict, given_origin: dict[str, Path],
           replace: bool) -> tuple[dict, dict[str, Path], list[FileReport]]:
    """The documents of the new generation and one report per given file.

    A document's identity is its text (``content_digest``): a given file whose text is already there under
    another name or format is a ``duplicate`` (a warning names both files) and is not ingested again; the same
    file with the same bytes is ``unchanged``; anything else is ``ingested`` (replacing the document of the same
    slug)."""
    kept = dict(previous)
    kept_origin = dict(previous_origin)
    by_digest = {_digest(doc): slug for slug, doc in kept.items()}
    reports: list[tuple[int, FileReport]] = []
    # files of one text given together: the plainest name is the document (x.txt, not copy_of_x.txt or x (1).txt);
    # the reports keep the order the files were given in
    order = {slug: i for i, slug in enumerate(given)}
    first_of_text: dict[str, int] = {}
    for slug, doc in given.items():
        first_of_text.setdefault(_digest(doc), order[slug])
    for slug, doc in sorted(given.items(), key=lambda item: (first_of_text[_digest(item[1])],
                                                                 _copy_rank(given_origin[item[0]]), order[item[0]])):
        path = given_origin[slug]
        old = kept.get(slug)
        if old is not None and not replace and old.meta.sha256 == doc.meta.sha256 \
                and kept_origin[slug].name == path.name:
            reports.append((order[slug], FileReport(str(path), "unchanged", slug)))
            continue
        twin = by_digest.get(_digest(doc))
        if twin is not None and twin != slug:
            reason = f"same text as {kept_origin[twin].name} (document {twin}); not ingested twice"
            log.warning("%s: %s", path, reason)
            reports.append((order[slug], FileReport(str(path), "duplicate", twin, reason)))
            continue
        if twin == slug and old is not None and kept_origin[slug].name != path.name:
            reason = f"same text as {kept_origin[slug].name} (document {slug}); not ingested twice"
            log.warning("%s: %s", path, reason)
            reports.append((order[slug], FileReport(str(path), "duplicate", slug, reason)))
            continue
        if old is not None:
            by_digest.pop(_digest(old), None)
        kept[slug] = doc
        kept_origin[slug] = path
        by_digest[_digest(doc)] = slug
        reports.append((order[slug], FileReport(str(path), "ingested", slug)))
    return kept, kept_origin, [report for _, report in sorted(reports, key=lambda r: r[0])]


def _copy_rank(path: Path) -> tuple[int, int, str]:
    """How much a file name looks like a copy (copy_of_x, x (1), x - 副本, x_copy): 1 for a copy, else 0; then the
    length of the name and the name, so that of two files with the same text the original is chosen."""
    stem = path.stem.lower()
    copy = bool(re.search(r"(^|[\s_\-.])(copy|副本)([\s_\-.]|$)|复制|\(\d+\)$|（\d+）$", stem))
    return (int(copy), len(stem), path.name)


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
    found = _source_files(root / "sources")
    kept = {p.relative_to(root).as_posix() for p in found}
    for doc in manifest["documents"]:
        name = doc.get("source_file") if isinstance(doc, dict) else None
        if name and kept_source(doc) not in kept and name not in given:
            raise BrokenDataError(root / kept_source(doc), "missing (the manifest lists it)",
                                  "restore it, or ingest it again, or pass --replace to drop it")
    for path in found:
        if path.name in given:
            continue  # replaced by the file given now
        for part in (path, _sidecar(path)):
            want = files.get(part.relative_to(root).as_posix())
            if want is None or not part.is_file():
                continue
            if part.stat().st_size != want.get("size") or sha256_file(part) != want.get("sha256"):
                raise BrokenDataError(part, f"changed since generation {manifest['generation']} was built",
                                      f"restore it, or ingest the edited file by name: `policykg ingest {path}`")
    return found


def _current_manifest(data_dir: Path) -> dict | None:
    try:
        return read_manifest(locate_generation(data_dir), data_dir)
    except NoDataError:
        return None


def _match_documents(documents: dict, origin: dict[str, Path], names: Iterable[str]) -> list[str]:
    """The slugs ``names`` (slugs or source file names) denote; a name that matches nothing raises BuildError."""
    slugs = []
    for name in names:
        hits = [slug for slug in documents
                if name in (slug, origin[slug].name, origin[slug].stem) or Path(name).name == origin[slug].name]
        if not hits:
            known = ", ".join(sorted(documents)) or "none"
            raise BuildError(f"{name}: no such document in the data dir (documents: {known})")
        slugs.extend(h for h in hits if h not in slugs)
    return slugs


def build(
    settings: Settings,
    paths: list[Path] | None = None,
    *,
    replace: bool = False,
    wait: bool = False,
    only_if_empty: bool = False,
    remove: Iterable[str] = (),
    progress: Progress = _quiet,
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
    limit (each is parsed in a process of its own, see ``_parsed``): the rest of the batch goes on. Only when no
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
    for path, doc in _parsed(files, progress, cache, jobs, settings):
        if isinstance(doc, Exception):
            failed.append(doc)
            reports.append(FileReport(str(path), "skipped", reason=doc.reason))
            continue
        slug = doc.meta.slug
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
        kept, kept_origin = _parse(previous, progress, cache, jobs=jobs, settings=settings)
        for slug in _match_documents(kept, kept_origin, remove):
            reports.append(FileReport(kept_origin[slug].name, "removed", slug))
            kept.pop(slug)
            kept_origin.pop(slug)
        kept, kept_origin, given_reports = _merge(kept, kept_origin, documents, origin, replace)
        reports = given_reports + reports
        _fault_point("parsed")
        cache.flush()  # the new parses are kept now: a build killed later does not parse them again
        current = None if replace else _current_manifest(data_dir)
        changed = replace or remove or any(r.status == "ingested" for r in reports)
        if current is not None and not changed and _same_index_settings(settings, current):
            cache.flush()
            progress("nothing changed: generation " + current["generation"] + " stays in force")
            return {**current, "report": [dataclasses.asdict(r) for r in reports]}
        if not kept:
            raise BuildError("no documents left: a data dir needs at least one (ingest one first)")
        manifest = _build_generation(settings, kept, kept_origin, progress, cache)
        cache.flush()
        return {**manifest, "report": [dataclasses.asdict(r) for r in reports]}


def _unchanged_by_manifest(manifest: dict, files: list[Path]) -> list[FileReport] | None:
    """``unchanged`` reports for ``files`` when every one is a source of ``manifest`` with the same name, bytes
    and sidecar (sha256, as the manifest recorded them); None as soon as one is not."""
    entries: dict[str, list[dict]] = {}
    for d in manifest["documents"]:
        if isinstance(d, dict):
            entries.setdefault(d.get("source_file"), []).append(d)
    listed = manifest.get("files") or {}
    reports = []
    for path in files:
        digest = sha256_file(path)
        entry = next((e for e in entries.get(path.name, []) if e.get("sha256") == digest), None)
        if entry is None:
            return None
        sidecar = _sidecar(path)
        kept = listed.get(str(Path(kept_source(entry)).parent / sidecar.name))
        if (kept is None) != (not sidecar.is_file()):
            return None
        if kept is not None and sha256_file(sidecar) != kept.get("sha256"):
            return None
        reports.append(FileReport(str(path), "unchanged", entry.get("slug", "")))
    return reports


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
    if current is None or _unchanged_by_manifest(current, files) is None or not _same_index_settings(settings, current):
        return None
    with writer_lock(data_dir, wait=wait, progress=progress):
        current = _current_manifest(data_dir)
        reports = _unchanged_by_manifest(current, files) if current is not None else None
        if reports is None or not _same_index_settings(settings, current):
            return None
    progress(f"nothing changed: generation {current['generation']} stays in force")
    return {**current, "report": [dataclasses.asdict(r) for r in reports + skipped]}


def remove_documents(settings: Settings, names: Iterable[str], *, wait: bool = False,
                     progress: Progress = _quiet) -> dict:
    """Drop the documents ``names`` (slug or source file name) and build the generation without them."""
    return build(settings, None, remove=list(names), wait=wait, progress=progress)


def _build_generation(settings: Settings, documents: dict, origin: dict[str, Path], progress: Progress,
                      parses=None) -> dict:
    """Write the generation of ``documents``. Its graph is assembled from per-document parts
    (``workspace.graphparts``) cached by parse key (``parses``, the build's ``ParseCache``): only documents
    with no cached part are built, span-checked and SHACL-validated; a cached part was checked by the build
    that made it, with the same code (``workspace.buildcache.code_fingerprint``)."""
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
            target = staging / "sources" / source_key(slug) / path.name
            target.parent.mkdir(exist_ok=True)
            shutil.copyfile(path, target)
            if _sidecar(path).is_file():
                shutil.copyfile(_sidecar(path), _sidecar(target))
        _fault_point("sources")

        progress(f"building the knowledge graph of {len(docs)} document(s)")
        triples = _write_graph(settings, docs, parses, staging / "graph.nt", progress)
        _fault_point("graph")

        progress(f"building the search index with encoder {settings.encoder}")
        from search import SearchIndex

        from workspace.buildcache import CACHE_DIR, CachingEncoder, TokenCache, VectorCache

        units, unit_lines = _index_units(docs, parses, data_dir)
        tokens = TokenCache(data_dir / CACHE_DIR)
        encoder = encoder_of(settings)
        vectors = VectorCache(data_dir / CACHE_DIR, encoder)
        shown = bar(None, "embedding", "texts")

        def embedded(count: int) -> None:  # after each batch, once its vectors are in the cache
            shown.update(count)
            _fault_point("embedding")

        # embeds only texts no earlier build embedded, a batch at a time, caching each batch as it is done
        caching = CachingEncoder(encoder, vectors, batch=settings.embed_batch, after_batch=embedded,
                                 before_batches=shown.reset)  # units, then sentences: each counted to its total
        try:
            index = SearchIndex.build(units, caching, search_settings(settings), tokenize=tokens.tokenize)
        finally:
            shown.close()
        index.encoder = encoder
        progress(f"embedded {caching.embedded} new text(s), {len(vectors) - caching.embedded} from the cache")
        index.save(staging / "index", unit_lines=unit_lines)
        _fault_point("index")
        tokens.flush()
        vectors.flush()  # under the writer lock; a failed build keeps them too (they are right whatever happens)

        (staging / PIN_FILE).touch()
        make_readable(staging)  # graph.nt is written 0600 by its temp file; others must read what is served
        manifest = {
            "format_version": FORMAT_VERSION,
            "generation": gen_id,
            "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "build_seconds": round(time.perf_counter() - started, 2),
            "encoder": settings.encoder,
            "triples": triples,
            "index_units": len(units),
            "documents": [_document_entry(d, origin[d.meta.slug], f"sources/{source_key(d.meta.slug)}/"
                                                                   f"{origin[d.meta.slug].name}") for d in docs],
            "files": file_digests(staging),
            "graph_store": _store_entry(staging),
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


def _store_entry(root: Path) -> dict | None:
    """The manifest's note of the on-disk graph store (derived from graph.nt, so not in ``files``), or None."""
    from kg.store import STORE_DIR

    folder = root / STORE_DIR
    if not folder.is_dir():
        return None
    sizes = [p.stat().st_size for p in folder.rglob("*") if p.is_file()]
    return {"path": STORE_DIR, "derived_from": "graph.nt", "files": len(sizes), "bytes": sum(sizes)}


def _write_graph(settings: Settings, docs: list, parses, path: Path, progress: Progress) -> int:
    """Write the graph of ``docs`` to ``path`` from their cached parts, making (and checking) only the parts not
    cached yet; a SPARQL server named by the settings gets it too (one graph per document). Returns its size."""
    from kg.stores import open_graph_store
    from workspace.buildcache import CACHE_DIR, GraphCache
    from workspace.graphparts import GraphCheckError, make_parts, write_graph

    graphs = GraphCache(settings.data_dir / CACHE_DIR)
    key_of = parses.key_of if parses is not None else (lambda doc: None)
    unkeyed: dict[int, object] = {}  # parts of documents the parse cache never saw: kept for this build only

    def keep(made) -> None:
        for doc, part in made:
            key = key_of(doc)
            if key is None:
                unkeyed[id(doc)] = part
            else:
                graphs.put(key, part)

    new = [d for d in docs if not graphs.has(key_of(d))]
    try:
        if new:
            progress(f"checking the graph of {len(new)} new document(s): SHACL shapes and source spans")
            keep(_new_parts(new, default_jobs(settings.ingest_jobs), tuple(settings.authority_files or ())))
        else:
            progress("every document's graph was checked by an earlier build: SHACL shapes not run again")

        def part_of(doc):
            key = key_of(doc)
            part = unkeyed.get(id(doc)) if key is None else graphs.get(key)
            if part is None:  # a cache entry lost or unreadable since: made and checked again
                keep(make_parts([doc]))
                part = unkeyed.get(id(doc)) if key is None else graphs.get(key)
            return part

        triples = write_graph(path, docs, part_of)
    except GraphCheckError as e:
        raise BuildError(str(e)) from e
    store = open_graph_store(settings, path)
    if store.backend != "embedded":  # a SPARQL server: one PUT per changed document graph
        from kg.store import load_graph

        store.write_all(load_graph(path))
    else:  # the on-disk store every process opens read-only instead of parsing graph.nt (derived, not hashed)
        from kg.store import STORE_DIR, build_store_dir

        progress("loading the graph into the on-disk store")
        build_store_dir(path, path.with_name(STORE_DIR))
    return triples


def _index_units(docs: list, parses, data_dir: Path) -> tuple[list, list[str]]:
    """``search.index_units(docs)`` and each unit's line of the saved ``units.jsonl``, each document's read from
    the cache when an earlier build made them (they depend on that document alone), made and cached otherwise."""
    from search import index_units
    from search.hybrid import unit_line
    from workspace.buildcache import CACHE_DIR, UnitCache

    cache = UnitCache(data_dir / CACHE_DIR)
    units: list = []
    lines: list[str] = []
    for doc in docs:
        key = parses.key_of(doc) if parses is not None else None
        own, own_lines = cache.entry(key) or (None, None)
        if own is None or own_lines is None:
            own = index_units([doc]) if own is None else own
            own_lines = [unit_line(u) for u in own]
            cache.put(key, own, own_lines)
        units.extend(own)
        lines.extend(own_lines)
    return units, lines


def _new_parts(docs: list, jobs: int, authority: tuple) -> Iterable[tuple[object, object]]:
    """``(document, part)`` of each of ``docs``, made and checked in chunks over ``jobs`` processes, in order.
    Raises ``GraphCheckError`` for the first chunk that fails."""
    from workspace.graphparts import CHECK_CHUNK, GraphCheckError, GraphPart, part_chunk
    from workspace.parallel import chunks, ordered_map

    size = max(8, min(CHECK_CHUNK, -(-len(docs) // jobs)))
    batches = list(chunks(docs, size))
    shown = bar(len(docs), "checking graphs")
    try:
        results = ordered_map(part_chunk, batches, jobs, init=_configure_worker, init_args=(authority,),
                              on_result=lambda r: shown.update(len(r[0])), min_items=2)
        for batch, (parts, error) in zip(batches, results):
            if error:
                raise GraphCheckError(error)
            yield from zip(batch, (GraphPart.from_bytes(p) for p in parts))
    finally:
        shown.close()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _document_entry(d, source: Path, kept: str) -> dict:
    return {
        "slug": d.meta.slug,
        "title": d.meta.title,
        "source_file": source.name,
        "source_path": kept,
        "sha256": d.meta.sha256,
        "format": getattr(d.meta, "format", "") or source.suffix.lstrip(".").lower(),
        "content_digest": _digest(d),
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
