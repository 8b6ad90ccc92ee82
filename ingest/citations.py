"""Cited documents: 《…》 titles and document numbers (沪府发〔2017〕36号), a title followed by （number） being one citation."""

from __future__ import annotations

import hashlib
import logging
import re

from .model import Citation, Span, Unit

__all__ = ["find_citations", "citation_key", "DOC_NUMBER"]

log = logging.getLogger(__name__)

# 沪府发〔2017〕36号, 国发[2015]28号, 沪经信规（2018）1号, 沪府办发〔2018〕3号
DOC_NUMBER = r"(?:(?![的和及与据照按于由等在对为以将把被是])[\u4e00-\u9fff]){1,6}[〔\[［(（][0-9]{4}[〕\]］)）][0-9]+号"
# 市政府印发沪府发〔2017〕36号: the number starts after the verb.
_VERB_RE = re.compile(r"^.*(?:印发|发布|转发|颁布)")
_CITATION_RE = re.compile(
    rf"《(?P<title>[^《》\r\n]{{1,120}})》(?:[（(](?P<cited_no>{DOC_NUMBER})[）)])?|(?P<number>{DOC_NUMBER})"
)
_BRACKETS = str.maketrans("[［(（]］)）", "〔〔〔〔〕〕〕〕")
# 《本行动计划》-style self references are not citations.
_SELF_RE = re.compile(r"^本(?:行动)?(?:计划|方案|意见|办法|规定|通知|规划)$")


def citation_key(title: str, identifier: str) -> str:
    """Stable ASCII key: ``doc-`` + sha1 of the document number (preferred) or the title, 10 hex digits."""
    # 国发[2015]28号 and 国发〔2015〕28号 are the same document.
    basis = identifier.translate(_BRACKETS) or title
    return "doc-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:10]


def _unit_at(units: list[Unit], pos: int) -> str:
    """Path of the unit whose own text contains ``pos`` (序言 for the preamble); "" when none does."""
    path = ""
    for unit in units:
        if unit.span.start <= pos < max(unit.span.end, unit.span.start + 1):
            return unit.path
        if unit.span.start > pos:
            break
    return path


def find_citations(source: str, units: list[Unit], own_identifier: str = "", own_title: str = "") -> list[Citation]:
    """Citations in order of first mention, merged by key, with citing unit paths ("" = outside every unit).

    The document's own number (``own_identifier``, e.g. 国发〔2018〕42号) is never a citation of itself, nor is
    the plan its own title names (关于印发《X》的通知 does not cite 《X》)."""
    own = own_identifier.translate(_BRACKETS)
    citations: dict[str, Citation] = {}
    for m in _CITATION_RE.finditer(source):
        title = m.group("title") or ""
        if title and (_SELF_RE.match(title) or f"《{title}》" in own_title):
            continue
        identifier = m.group("cited_no") or m.group("number") or ""
        start = m.start()
        if m.group("number"):
            verb = _VERB_RE.match(identifier)
            if verb and verb.end() < len(identifier) - 8:
                identifier = identifier[verb.end() :]
                start += verb.end()
        if own and identifier.translate(_BRACKETS) == own:
            continue
        key = citation_key(title, identifier)
        citation = citations.setdefault(key, Citation(key=key, title=title, identifier=identifier))
        if title and not citation.title:
            citation.title = title
        path = _unit_at(units, start)
        if path not in citation.unit_paths:
            citation.unit_paths.append(path)
        citation.mentions.append(Span(start, m.end()))
    return list(citations.values())
