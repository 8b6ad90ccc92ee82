"""Which files and documents go into a generation: the files a build is given (and the ones it skips, with the
reason), the documents already in force (checked against their manifest), which given file is new, unchanged or
a duplicate of a document already there (a document's identity is its text), and which documents a name denotes."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from workspace.datadir import (
    BrokenDataError,
    NoDataError,
    kept_source,
    locate_generation,
    read_manifest,
    sha256_file,
)
from workspace.faults import BuildError
from workspace.reader import _source_files

__all__ = [
    "FileReport", "corpus_files", "match_documents", "merge_documents", "previous_sources", "scan_corpus",
    "sidecar_of", "text_digest", "unchanged_by_manifest",
]

log = logging.getLogger(__name__)


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
    from ingest.formats import read_document, supported_files

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


def sidecar_of(path: Path) -> Path:
    """``plan.pdf`` → ``plan.meta.json``: the file of metadata given beside a document."""
    return path.with_name(path.stem + ".meta.json")


def text_digest(doc) -> str:
    """The document's identity: the digest of its text, whatever its file's name or format."""
    from ingest.formats import content_digest

    return content_digest(doc.source)


def merge_documents(previous: dict, previous_origin: dict[str, Path], given: dict, given_origin: dict[str, Path],
           replace: bool) -> tuple[dict, dict[str, Path], list[FileReport]]:
    """The documents of the new generation and one report per given file.

    A document's identity is its text (``content_digest``): a given file whose text is already there under
    another name or format is a ``duplicate`` (a warning names both files) and is not ingested again; the same
    file with the same bytes is ``unchanged``; anything else is ``ingested`` (replacing the document of the same
    slug)."""
    kept = dict(previous)
    kept_origin = dict(previous_origin)
    by_digest = {text_digest(doc): slug for slug, doc in kept.items()}
    reports: list[tuple[int, FileReport]] = []
    # files of one text given together: the plainest name is the document (x.txt, not copy_of_x.txt or x (1).txt);
    # the reports keep the order the files were given in
    order = {slug: i for i, slug in enumerate(given)}
    first_of_text: dict[str, int] = {}
    for slug, doc in given.items():
        first_of_text.setdefault(text_digest(doc), order[slug])
    for slug, doc in sorted(given.items(), key=lambda item: (first_of_text[text_digest(item[1])],
                                                                 _copy_rank(given_origin[item[0]]), order[item[0]])):
        path = given_origin[slug]
        old = kept.get(slug)
        if old is not None and not replace and old.meta.sha256 == doc.meta.sha256 \
                and kept_origin[slug].name == path.name:
            reports.append((order[slug], FileReport(str(path), "unchanged", slug)))
            continue
        twin = by_digest.get(text_digest(doc))
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
            by_digest.pop(text_digest(old), None)
        kept[slug] = doc
        kept_origin[slug] = path
        by_digest[text_digest(doc)] = slug
        reports.append((order[slug], FileReport(str(path), "ingested", slug)))
    return kept, kept_origin, [report for _, report in sorted(reports, key=lambda r: r[0])]


def _copy_rank(path: Path) -> tuple[int, int, str]:
    """How much a file name looks like a copy (copy_of_x, x (1), x - 副本, x_copy): 1 for a copy, else 0; then the
    length of the name and the name, so that of two files with the same text the original is chosen."""
    stem = path.stem.lower()
    copy = bool(re.search(r"(^|[\s_\-.])(copy|副本)([\s_\-.]|$)|复制|\(\d+\)$|（\d+）$", stem))
    return (int(copy), len(stem), path.name)


def previous_sources(data_dir: Path, new_files: list[Path]) -> list[Path]:
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
        for part in (path, sidecar_of(path)):
            want = files.get(part.relative_to(root).as_posix())
            if want is None or not part.is_file():
                continue
            if part.stat().st_size != want.get("size") or sha256_file(part) != want.get("sha256"):
                raise BrokenDataError(part, f"changed since generation {manifest['generation']} was built",
                                      f"restore it, or ingest the edited file by name: `policykg ingest {path}`")
    return found


def _known_documents(documents: dict, name: str, shown: int = 12) -> str:
    """What the data dir holds, for a name that matched nothing: every slug when there are few, else the closest
    ones and a count (a data dir of hundreds of documents is no one-line list); `policykg documents` lists them."""
    import difflib

    slugs = sorted(documents)
    if not slugs:
        return "it holds none"
    if len(slugs) <= shown:
        return "documents: " + ", ".join(slugs)
    close = difflib.get_close_matches(Path(name).stem, slugs, n=5, cutoff=0.4)
    return (f"{len(slugs)} documents" + (f"; did you mean: {', '.join(close)}" if close else "")
            + "; `policykg documents` lists them")


def match_documents(documents: dict, origin: dict[str, Path], names: Iterable[str]) -> list[str]:
    """The slugs ``names`` (slugs or source file names) denote; a name that matches nothing raises BuildError."""
    slugs = []
    for name in names:
        hits = [slug for slug in documents
                if name in (slug, origin[slug].name, origin[slug].stem) or Path(name).name == origin[slug].name]
        if not hits:
            raise BuildError(f"{name}: no such document in the data dir ({_known_documents(documents, name)})")
        slugs.extend(h for h in hits if h not in slugs)
    return slugs


def unchanged_by_manifest(manifest: dict, files: list[Path]) -> list[FileReport] | None:
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
        sidecar = sidecar_of(path)
        kept = listed.get(str(Path(kept_source(entry)).parent / sidecar.name))
        if (kept is None) != (not sidecar.is_file()):
            return None
        if kept is not None and sha256_file(sidecar) != kept.get("sha256"):
            return None
        reports.append(FileReport(str(path), "unchanged", entry.get("slug", "")))
    return reports
