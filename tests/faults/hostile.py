"""Hostile input files, made by the tests themselves: PDFs with a looping or repeating page tree, many pages,
DOCX zip bombs and huge paragraph counts, a very large text file."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

__all__ = ["pdf_bytes", "looping_pdf", "repeating_pdf", "many_pages_pdf", "docx_bomb", "docx_paragraphs",
           "big_text"]


def pdf_bytes(objects: list[bytes]) -> bytes:
    """A PDF of ``objects`` (object n is ``objects[n-1]``, the catalog is object 1) with a correct xref."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def looping_pdf() -> bytes:
    """A page tree whose only kid is the tree itself (well under 1 kB)."""
    return pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>",
                      b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                      b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"])


def repeating_pdf(fanout: int = 60, depth: int = 3) -> bytes:
    """A page tree of ``depth`` levels whose nodes list the same child ``fanout`` times: ``fanout ** depth``
    pages (216,000 by default) in about 2 kB."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        kid = len(objects) + 2
        kids = b" ".join(b"%d 0 R" % kid for _ in range(fanout))
        objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, fanout ** (depth - level)))
    objects.append(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] >>" % len(objects))
    return pdf_bytes(objects)


def many_pages_pdf(pages: int = 30_000) -> bytes:
    """A flat page tree of ``pages`` empty pages, every one its own object."""
    first = 3
    kids = b" ".join(b"%d 0 R" % (first + i) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages)]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"] * pages
    return pdf_bytes(objects)


_CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/'
                  b'2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
                  b'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                  b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                  b'officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
         b'2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
         b'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
_DOC_HEAD = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
_DOC_TAIL = b"</w:body></w:document>"


def _docx(document: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", document)
    return out.getvalue()


def docx_bomb(megabytes: int = 1200) -> bytes:
    """A .docx whose document.xml inflates to ``megabytes`` MB (spaces inside one run: a ~1 MB zip), written a
    megabyte at a time."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        with z.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(_DOC_HEAD + b"<w:p><w:r><w:t>")
            block = b" " * (1 << 20)
            for _ in range(megabytes):
                part.write(block)
            part.write(b"</w:t></w:r></w:p>" + _DOC_TAIL)
    return out.getvalue()


def docx_paragraphs(count: int = 3_000_000, text: str = "") -> bytes:
    """A .docx of ``text`` (one paragraph a line) followed by ``count`` empty paragraphs."""
    lines = b"".join(b"<w:p><w:r><w:t>" + line.encode("utf-8") + b"</w:t></w:r></w:p>" for line in text.splitlines())
    return _docx(_DOC_HEAD + lines + b"<w:p/>" * count + _DOC_TAIL)


def big_text(path: Path, megabytes: int) -> Path:
    """A text file of ``megabytes`` MB of numbered plan lines (written in blocks, never held whole)."""
    line = "（一）加强组织领导，市农业农村局负责统筹协调，定期通报工作进展情况。\n".encode("utf-8")
    block = line * ((1 << 20) // len(line) + 1)
    with open(path, "wb") as f:
        for _ in range(megabytes):
            f.write(block)
    return path
