"""Parsing the files of a build: each file in a process of its own under the settings' time and memory limits
(``workspace.parallel.isolated_map``), from the parse cache when it holds the same bytes; a file that breaks a
limit or cannot be parsed comes back as its ``ParseError``, so one bad file never stops the batch."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from workspace.faults import Progress
from workspace.parallel import bar
from workspace.settings import Settings

__all__ = ["configure_worker", "parse_files", "parse_kept", "read_limits"]


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


def parse_files(paths: list[Path], progress: Progress, cache=None, jobs: int = 1,
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
    results = isolated_map(_parse_file, [paths[i] for i in missing], jobs, init=configure_worker,
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


def configure_worker(authority_files, limits=None) -> None:
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


def parse_kept(paths: Iterable[Path], progress: Progress, cache=None, *, jobs: int = 1,
               settings: Settings | None = None) -> tuple[dict, dict[str, Path]]:
    """Parse ``paths`` (from ``cache`` when it holds the same bytes): slug → document, slug → file.
    A file that cannot be read raises its ``ParseError``."""
    documents, origin = {}, {}
    for path, doc in parse_files(list(paths), progress, cache, jobs, settings):
        if isinstance(doc, Exception):
            raise doc
        documents[doc.meta.slug] = doc  # later paths replace earlier ones of the same slug
        origin[doc.meta.slug] = path
    return documents, origin
