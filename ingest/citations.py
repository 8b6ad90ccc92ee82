"""Cited documents: 《…》 titles and document numbers (沪府发〔2017〕36号), a title followed by （number） being one citation;
and which of them the citing text repeals (``Citation.replaces``): 自…起施行，《…》同时废止 / 原《…》不再执行."""

from __future__ import annotations

import hashlib
import logging
import re

from .model import Citation, Span, Unit

__all__ = ["find_citations", "citation_key", "repeals", "identifier_key", "title_key", "DOC_NUMBER"]

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


def identifier_key(identifier: str) -> str:
    """A 发文字号 as compared across documents: 国发[2015]28号 and 国发〔2015〕28号 are one number."""
    return re.sub(r"\s+", "", identifier.translate(_BRACKETS))


_WRAPPER_RE = re.compile(r"^(?:.*?关于)?(?:印发|转发|发布)?《(?P<inner>[^《》]+)》(?:的通知)?$")


def title_key(title: str) -> str:
    """A title as compared across documents: 关于印发《X》的通知 is X; spaces and the 《》 dropped."""
    title = re.sub(r"\s+", "", title)
    m = _WRAPPER_RE.match(title)
    return (m.group("inner") if m else title).strip("《》")


def citation_key(title: str, identifier: str) -> str:
    """Stable ASCII key: ``doc-`` + sha1 of the document number (preferred) or the title, 10 hex digits."""
    # 国发[2015]28号 and 国发〔2015〕28号 are the same document.
    basis = identifier.translate(_BRACKETS) or title
    return "doc-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:10]


# A clause that repeals what it names: …同时废止, …予以废止, …不再执行, …停止执行, …自行失效.
_REPEAL_RE = re.compile(r"(?:同时|予以|即行|自行|一并)?(?:废止|不再执行|停止执行|失效)")
_CLAUSE_END = re.compile(r"[。；;！？\n]")
# 关于废止《…》的通知 names a repeal it reports, 不得…废止 a prohibition: neither repeals here.
_NOT_REPEAL_RE = re.compile(r"关于(?:废止|宣布失效)|不得|未经|是否|拟")


def repeals(source: str, start: int, end: int) -> bool:
    """True when the clause around the citation ``source[start:end]`` repeals it: the repeal verb follows the
    citation in the same clause (《X》同时废止; 原《X》不再执行; 自2024年1月1日起施行，《X》同时废止 — the
    施行 clause ends at the comma, the repeal is its own clause) and nothing before it in the clause turns it
    into a report or a prohibition."""
    left = start
    while left > 0 and not _CLAUSE_END.match(source[left - 1]) and source[left - 1] not in "，,":
        left -= 1
    after = _CLAUSE_END.search(source, end)
    right = after.start() if after else len(source)
    tail = source[end:right]
    verb = _REPEAL_RE.search(tail)
    if verb is None or "《" in tail[: verb.start()]:
        return False  # no repeal, or it is about a later citation of the clause
    return _NOT_REPEAL_RE.search(source[left:start] + tail[: verb.start()]) is None


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
        citation.replaces = citation.replaces or repeals(source, start, m.end())
    return list(citations.values())
