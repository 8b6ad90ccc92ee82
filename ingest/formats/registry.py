"""Pick the reader for a file by what it holds (its magic bytes) and its extension; say plainly why
a file cannot be read and what to do; list what a folder ingest takes and why it skips the rest."""

from __future__ import annotations

import logging
import os
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

from ..errors import ParseError
from .base import Extracted
from .limits import LimitError, read_limits

__all__ = ["read_document", "supported_files", "Skipped", "READERS", "SUPPORTED_SUFFIXES", "sniff"]

log = logging.getLogger(__name__)

Reader = Callable[[bytes, str], Extracted]


def _text(raw: bytes, file: str) -> Extracted:
    from .text import read_text

    return read_text(raw, file)


def _markdown(raw: bytes, file: str) -> Extracted:
    from .text import read_markdown

    return read_markdown(raw, file)


def _docx(raw: bytes, file: str) -> Extracted:
    from .docx import read_docx

    return read_docx(raw, file)


def _pdf(raw: bytes, file: str) -> Extracted:
    from .pdf import read_pdf

    return read_pdf(raw, file)


def _html(raw: bytes, file: str) -> Extracted:
    from .html import read_html

    return read_html(raw, file)


# format name → reader (readers import their libraries lazily)
READERS: dict[str, Reader] = {"txt": _text, "md": _markdown, "docx": _docx, "pdf": _pdf, "html": _html}

_FORMAT_OF_SUFFIX = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".docx": "docx", ".pdf": "pdf",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
}
SUPPORTED_SUFFIXES = tuple(_FORMAT_OF_SUFFIX)

_SAVE_AS = "open it in Word or WPS and save it as .docx (or export a PDF with text), then ingest that"
# Formats that are recognised but cannot be read, with what to do instead.
_REFUSED = {
    "doc": f"an old binary Word document (.doc): {_SAVE_AS}",
    "wps": f"a WPS document (.wps): {_SAVE_AS}",
    "ole": f"an old binary Office/WPS document: {_SAVE_AS}",
    "ofd": "an OFD document (版式文件): open it in an OFD reader and export a PDF with text or save it as .docx, "
           "then ingest that",
    "rtf": f"an RTF document: {_SAVE_AS}",
    "mht": "a single-file web archive (.mht): open it in the browser and save it as 网页，仅HTML (.html), then ingest that",
    "xlsx": "a spreadsheet: policy documents are read from .txt, .md, .docx, .pdf or .html; "
            "save the text as one of those",
    "image": "an image: OCR it first (e.g. tesseract with chi_sim, or ocrmypdf for a PDF) and ingest the result",
}
_REFUSED_SUFFIX = {
    ".doc": "doc", ".dot": "doc", ".wps": "wps", ".wpt": "wps", ".ofd": "ofd", ".rtf": "rtf", ".mht": "mht",
    ".mhtml": "mht", ".xls": "xlsx", ".xlsx": "xlsx", ".et": "xlsx", ".png": "image", ".jpg": "image",
    ".jpeg": "image", ".tif": "image", ".tiff": "image", ".bmp": "image", ".gif": "image",
}


class Skipped(NamedTuple):
    """A file a folder ingest leaves out, and why."""

    path: Path
    reason: str


def _zip_kind(data: bytes | Path) -> str:
    """docx, ofd, xlsx or "" for a ZIP container, by the parts it holds."""
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data) if isinstance(data, bytes) else data) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, OSError):
        return ""
    if "word/document.xml" in names:
        return "docx"
    if "OFD.xml" in names or any(n.lower() == "ofd.xml" for n in names):
        return "ofd"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    return ""


def sniff(head: bytes, whole: bytes | Path | None = None) -> str:
    """The format the bytes show, whatever the file's name: pdf, docx, ole, ofd, rtf, mht, html,
    image, or "" (plain text or unknown). ``whole`` (bytes or path) is opened only for ZIP files."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(whole if whole is not None else head)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if start.startswith(b"{\\rtf"):
        return "rtf"
    if start[:200].lower().startswith(b"mime-version:") and b"multipart/related" in head[:2048].lower():
        return "mht"
    if start[:15].lower().startswith((b"<!doctype html", b"<html")) or b"<html" in head[:1024].lower():
        return "html"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"GIF8")):
        return "image"
    return ""


def _format_of(path: Path, raw: bytes) -> str:
    """The reader to use, or raise ParseError saying why the file cannot be read and what to do."""
    file = str(path)
    suffix = path.suffix.lower()
    named = _FORMAT_OF_SUFFIX.get(suffix)
    kind = sniff(raw[:4096], raw)
    if kind in READERS:
        if named and named != kind and not (named in ("txt", "md") and kind == "html"):
            log.warning("%s: named %s but holds %s; reading it as %s", file, suffix, kind, kind)
        if named in ("txt", "md") and kind == "html":
            return named  # a .txt with markup in it is still the user's text
        return kind
    if kind == "ole" and named == "docx":
        raise ParseError(file, "an encrypted .docx (password-protected): remove the password in Word or WPS "
                               "and save it again, then ingest that")
    if kind == "ole":
        refused = _REFUSED_SUFFIX.get(suffix, "")
        raise ParseError(file, _REFUSED[refused if refused in ("doc", "wps", "xlsx") else "ole"])
    if kind in _REFUSED:
        raise ParseError(file, _REFUSED[kind])
    if named in ("docx", "pdf"):
        raise ParseError(file, f"not a valid {suffix} file (damaged, or another format renamed); "
                               f"open it in its program and save it again as {suffix}")
    if named:
        return named
    if suffix in _REFUSED_SUFFIX:
        raise ParseError(file, _REFUSED[_REFUSED_SUFFIX[suffix]])
    raise ParseError(file, f"unsupported format {suffix or '(no extension)'}; "
                           f"supported: {' '.join(SUPPORTED_SUFFIXES)}")


def read_document(path: str | Path) -> Extracted:
    """Read one file of any supported format into its text and what it says about itself.

    Raises ParseError naming the file and what to do for a file that cannot be read (scanned or
    encrypted PDF, .doc/.wps/.ofd, empty, unknown format, undecodable text).
    """
    path = Path(path)
    limits = read_limits()
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(4096)
        binary = head.startswith(b"PK\x03\x04") or sniff(head) in ("pdf", "ole", "image")
        if size > limits.max_text_bytes and not binary:
            # text, Markdown, HTML (or unknown): refused before it is read, not after it fills the memory
            raise LimitError(str(path), f"a text file of {size / (1 << 20):,.0f} MB", "max_text_mb")
        raw = path.read_bytes()
    except OSError as e:
        raise ParseError(str(path), f"cannot read file: {e.strerror}") from e
    if not raw.strip():
        raise ParseError(str(path), "empty file" if not raw else "empty file (whitespace only)")
    kind = _format_of(path, raw)
    try:
        extracted = READERS[kind](raw, str(path))
    except ParseError:
        raise
    except (MemoryError, RecursionError) as e:
        what = "too deeply nested" if isinstance(e, RecursionError) else "too large to read in memory"
        raise ParseError(str(path), f"the {kind} reader gave up: the file is {what}") from e
    except Exception as e:  # noqa: BLE001 — a reader library's error on a damaged or hostile file
        raise ParseError(str(path), f"damaged or not a readable {kind} file (the reader failed: "
                                    f"{type(e).__name__}: {e}); open it in its program and save it again") from e
    if len(extracted.text) > limits.max_text_bytes:  # characters: at least as many bytes
        raise LimitError(str(path), f"{len(extracted.text):,} characters of text", "max_text_mb")
    log.debug("%s read as %s (%d characters)", path, extracted.format, len(extracted.text))
    return extracted


def _is_sidecar(path: Path) -> bool:
    return path.name.endswith(".meta.json")


def _skip_reason(path: Path) -> str | None:
    """Why a folder ingest leaves ``path`` out, or None when it takes it."""
    name = path.name
    if name.startswith("~$"):
        return "an Office lock file (the document is open in Word/WPS), not a document"
    if name.startswith("."):
        return "a hidden file"
    try:
        size = path.stat().st_size
    except OSError as e:
        return f"cannot read file: {e.strerror}"
    if size == 0:
        return "empty file"
    suffix = path.suffix.lower()
    if suffix in _FORMAT_OF_SUFFIX:
        return None
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError as e:
        return f"cannot read file: {e.strerror}"
    kind = sniff(head, path)
    if kind in READERS:
        return None  # e.g. a .doc that is really a saved web page
    if suffix in _REFUSED_SUFFIX:
        return _REFUSED[_REFUSED_SUFFIX[suffix]]
    if kind in _REFUSED:
        return _REFUSED[kind]
    return f"unsupported format {suffix or '(no extension)'}; supported: {' '.join(SUPPORTED_SUFFIXES)}"


def _symlink_reason(entry: Path, root: Path) -> str | None:
    """Why a folder ingest does not follow the symlink ``entry`` found under ``root``, or None (a link to a file
    inside ``root``: taken, once). Symlinked folders are never followed, so no link can make a walk loop."""
    try:
        target = entry.resolve(strict=True)
    except (OSError, RuntimeError):  # dangling, or a loop of links
        return f"a broken symlink (to {os.readlink(entry) if entry.is_symlink() else '?'})"
    if target.is_dir():
        return f"a symlinked folder (to {target}): not followed; ingest that folder by name if it is wanted"
    if not target.is_relative_to(root):
        return f"a symlink to a file outside {root} ({target}): not followed; ingest that file by name if it is wanted"
    return None


def _folder_entries(folder: Path, recursive: bool, root: Path | None = None) -> Iterable[Path | Skipped]:
    root = root or folder.resolve()
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.is_symlink():
            reason = _symlink_reason(entry, root)
            if reason is not None:
                yield Skipped(entry, reason)
                continue
        if entry.is_dir():
            if entry.name.startswith("."):
                continue  # .git and the like: never documents
            if recursive:
                yield from _folder_entries(entry, recursive, root)
            else:
                yield entry
        else:
            yield entry


# Files a folder of documents often carries that say what the folder is (a README beside the documents it lists).
_ABOUT_THE_FOLDER = frozenset({"README", "LICENSE", "LICENCE", "CHANGELOG", "CONTRIBUTING", "MANIFEST"})


def supported_files(paths: Iterable[str | Path], *, recursive: bool = True) -> tuple[list[Path], list[Skipped]]:
    """The files a folder ingest takes from ``paths`` (files and folders) and every other file with
    the reason it is skipped: nothing is dropped silently.

    A ``<stem>.meta.json`` sidecar belongs to its document and is listed only when it has none; a folder's README
    (LICENSE, CHANGELOG …) is about the folder, not a document, unless it is named directly.
    Folders are searched recursively (hidden folders excepted), in name order; symlinked folders are not
    followed, nor links to files outside the folder given (each is listed as skipped, with where it leads).
    """
    files: list[Path] = []
    taken: set[Path] = set()
    skipped: list[Skipped] = []
    for given in paths:
        given = Path(given)
        if given.is_dir():
            entries = list(_folder_entries(given, recursive))
        elif given.exists():
            entries = [given]
        else:
            skipped.append(Skipped(given, "no such file or folder"))
            continue
        for entry in entries:
            if isinstance(entry, Skipped):
                skipped.append(entry)
            elif given.is_dir() and entry.stem.upper() in _ABOUT_THE_FOLDER:
                skipped.append(Skipped(entry, f"{entry.name} is about the folder, not a document: "
                                              "ingest it by name if it is one"))
            elif entry.is_dir():
                skipped.append(Skipped(entry, "a sub-folder (not searched: ingest it by name)"))
            elif _is_sidecar(entry):
                stem = entry.name.removesuffix(".meta.json")
                if not any((entry.parent / (stem + s)).is_file() for s in SUPPORTED_SUFFIXES + tuple(_REFUSED_SUFFIX)):
                    skipped.append(Skipped(entry, "a metadata sidecar with no document of the same name beside it"))
            elif (reason := _skip_reason(entry)) is not None:
                skipped.append(Skipped(entry, reason))
            elif entry.resolve() not in taken:  # a file named twice (or through two paths) is taken once
                taken.add(entry.resolve())
                files.append(entry)
    return files, skipped
