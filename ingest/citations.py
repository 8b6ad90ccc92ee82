"""Cited documents: 《…》 titles and document numbers (沪府发〔2017〕36号), a title followed by （number） being one citation;
and what the citing text does to them (``citation_effect``): it *replaces* a named document only when it repeals it
as a whole (《…》同时废止 / 原《…》不再执行 / 停止执行 / 代替《…》); a clause that stops, suspends or changes one
provision of it (暂时调整实施《…》第三十六条的规定; 《…》中…的限制不再适用于…) is a citation with that effect, never a
replacement."""

from __future__ import annotations

import hashlib
import logging
import re

from .model import Citation, Span, Unit

__all__ = [
    "AMENDS",
    "DOC_NUMBER",
    "REPLACES",
    "SUSPENDS",
    "citation_effect",
    "citation_key",
    "find_citations",
    "identifier_key",
    "repeals",
    "title_key",
]

log = logging.getLogger(__name__)

# 沪府发〔2017〕36号, 国发[2015]28号, 沪经信规（2018）1号, 沪府办发〔2018〕3号
DOC_NUMBER = r"(?:(?![的和及与据照按于由等在对为以将把被是])[\u4e00-\u9fff]){1,6}[〔\[［(（﹝【〖][0-9]{4}[〕\]］)）﹞】〗][0-9]+号"
# 市政府印发沪府发〔2017〕36号: the number starts after the verb.
_VERB_RE = re.compile(r"^.*(?:印发|发布|转发|颁布)")
_CITATION_RE = re.compile(
    rf"《(?P<title>[^《》\r\n]{{1,120}})》(?:[（(](?P<cited_no>{DOC_NUMBER})[）)])?|(?P<number>{DOC_NUMBER})"
)
# 《X》（国发〔2004〕20号，以下简称《决定》）: the number and the short name the text uses from then on.
_ALIAS_RE = re.compile(
    rf"[（(](?:(?P<no>{DOC_NUMBER})[，,、；;\s]*)?(?:以下简称|下称|简称)[：:]?[“\"]?《(?P<alias>[^《》\r\n]{{1,30}})》[”\"]?[）)]"
)
_BRACKETS = str.maketrans("[［(（﹝【〖]］)）﹞】〗", "〔〔〔〔〔〔〔〕〕〕〕〕〕〕")
# 《本行动计划》-style self references are not citations.
_SELF_RE = re.compile(r"^本(?:行动)?(?:计划|方案|意见|办法|规定|通知|规划)$")
# 《方案》, 《决定》, 《章程》 alone name no document (a short name the text defines is resolved before this check).
_GENERIC_RE = re.compile(
    r"^(?:总体|实施|工作|行动|专项)?(?:决定|方案|规划|计划|意见|办法|规定|通知|细则|条例|章程|汇报|报告|请示|纲要|措施|批复|函)$"
)

REPLACES, SUSPENDS, AMENDS = "replaces", "suspends", "amends"


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


# ---- what the citing clause does to the cited document -------------------------------------------------------
# Verbs that end a document's force: …同时废止, 予以废止, 不再执行, 停止执行, 自行失效, 代替《…》.
_REPEAL = r"(?:同时|予以|即行|自行|一并|相应)?(?:废止|不再执行|停止执行|失效|代替|取代)"
# Verbs that stop applying a text (or part of it) for a while or for some persons: never a replacement.
_SUSPEND = r"暂时调整实施|调整实施|暂时停止实施|暂停实施|暂停执行|暂停适用|停止适用|不再适用"
_AMEND = r"修改|修订|修正"
_VERB_AFTER_RE = re.compile(rf"(?P<suspend>{_SUSPEND})|(?P<repeal>{_REPEAL})")
_VERB_BEFORE_RE = re.compile(
    rf"(?:(?P<suspend>{_SUSPEND})|(?P<repeal>{_REPEAL})|(?P<amend>(?:决定|予以|同时)(?:{_AMEND})))[：:]?"
    r"(?:原|此前|以前|现行|[^，,。；;《]{0,24}?(?:印发|发布|制定|出台|颁布)的)?$"
)
# 对《X》作如下修改 / 将《X》第三条修改为: an amendment of the named text.
_AMEND_AFTER_RE = re.compile(rf"^作(?:出)?(?:如下|以下|相应)?(?:{_AMEND})|^.*(?:{_AMEND})为")
_CLAUSE_END = re.compile(r"[。；;！？\n]")
# Between a cited document and its repeal verb only these may stand for the repeal to be of the whole document:
# its number, a short name, 文件 / 等3个文件, list words joining further citations, 同时, 自…起.
_NUMERAL = r"[0-9一二三四五六七八九十两]+"
_WHOLE_GAP_RE = re.compile(
    rf"^(?:\s|[（(][^（）()]{{0,60}}[）)]|等(?:{_NUMERAL}[个件份项部])?(?:规范性)?文件|{_NUMERAL}[个件份项部](?:规范性)?文件"
    r"|(?:规范性)?文件|[、，,和及与]|以及|同时|也|均|一并|予以|即行|自行|相应|即日起|自[^，,。；;]{0,30}?起)*$"
)
# 关于废止《…》的通知 names a repeal it reports, 不得…废止 a prohibition, 以《X》代替 the X is the substitute.
_NOT_EFFECT_RE = re.compile(r"关于(?:废止|宣布失效|暂时调整|修改)|不得|未经|是否|拟|可以|建议|(?<![予加所可])以$|(?<![适使采运作利])用$")
# 下列文件同时废止： followed by a numbered list of citations, one a line.
_LIST_HEAD_RE = re.compile(rf"(?:{_REPEAL})[：:]\s*$")
_LIST_ITEM_RE = re.compile(r"^\s*(?:[0-9]+[.．、]|[（(][一二三四五六七八九十0-9]+[）)]|[一二三四五六七八九十]+、)?\s*$")
_CITED_RE = re.compile(r"《[^《》\r\n]{1,120}》|" + DOC_NUMBER)


def _without_citations(text: str) -> str:
    return _CITED_RE.sub("", text)


def _clause(source: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the clause around ``source[start:end]``: left to the last comma or sentence end, right to the
    sentence end (a comma does not end the right side: 《X》中…的限制，对…不再适用)."""
    left = start
    while left > 0 and not _CLAUSE_END.match(source[left - 1]) and source[left - 1] not in "，,":
        left -= 1
    after = _CLAUSE_END.search(source, end)
    return left, after.start() if after else len(source)


def citation_effect(source: str, start: int, end: int) -> str:
    """What the clause around the citation ``source[start:end]`` does to the cited document.

    ``replaces`` when it repeals the document as a whole (《X》（号）同时废止; 原《X》不再执行; 自…起，废止《X》;
    代替《X》; a 下列文件同时废止： list); ``suspends`` when it stops applying it, or one provision of it, for a while
    or for some (暂时调整实施《X》第三十六条的规定; 《X》中…的限制不再适用于…; 停止执行《X》第五条); ``amends``
    when it changes or repeals part of it (对《X》作如下修改; 废止《X》第五条); "" when it only cites."""
    left, right = _clause(source, start, end)
    head, tail = source[left:start], source[end:right]
    if _NOT_EFFECT_RE.search(head):
        return ""
    # 《X》 … VERB: the cited text is the subject of the verb.
    verb = _VERB_AFTER_RE.search(tail)
    if verb is not None and not _NOT_EFFECT_RE.search(tail[: verb.start()]):
        gap = tail[: verb.start()]
        # 《A》、《B》同时废止 repeals both; in 依据《A》，《B》同时废止 the comma leaves A out of it.
        whole = _WHOLE_GAP_RE.match(_without_citations(gap)) is not None and not re.search(r"[，,][^《]*《", gap)
        if verb.group("suspend"):
            return SUSPENDS
        if whole and not re.search(r"(?:代替|取代)$", verb.group()):  # 《X》代替… makes X the substitute
            return REPLACES
        if not whole and "《" not in gap:  # 《X》第五条…停止执行 / 《X》中…的规定不再执行
            return AMENDS if "废止" in verb.group() else SUSPENDS
    # VERB … 《X》: the cited text is the object.
    before = _VERB_BEFORE_RE.search(re.sub(r"[、和及与\s]+$", "", _without_citations(head)))
    if before is not None:
        rest = _without_citations(tail)
        whole = _WHOLE_GAP_RE.match(rest) is not None or rest.startswith(("等文件", "的规定", "的有关规定"))
        if before.group("suspend"):
            return SUSPENDS
        if before.group("amend"):
            return AMENDS
        return REPLACES if whole and not rest.startswith(("的规定", "的有关规定")) else (
            AMENDS if "废止" in before.group() else SUSPENDS)
    if re.search(r"对$", head) and _AMEND_AFTER_RE.search(tail) or re.search(r"将$", head) and _AMEND_AFTER_RE.search(tail):
        return AMENDS
    # a numbered line under 下列文件同时废止：
    line_start = source.rfind("\n", 0, start) + 1
    if _LIST_ITEM_RE.match(source[line_start:start]) and _WHOLE_GAP_RE.match(_without_citations(tail)):
        previous = source.rfind("\n", 0, max(line_start - 1, 0))
        lines = source[previous + 1 : line_start].strip()
        scan = line_start - 1
        while lines and _LIST_HEAD_RE.search(lines) is None and _CITED_RE.search(lines) and previous > 0:
            scan = previous  # an earlier item of the same list
            previous = source.rfind("\n", 0, scan)
            lines = source[previous + 1 : scan].strip()
        if lines and _LIST_HEAD_RE.search(lines) and not _NOT_EFFECT_RE.search(lines):
            return REPLACES
    return ""


def repeals(source: str, start: int, end: int) -> bool:
    """True when the clause around the citation ``source[start:end]`` repeals the cited document as a whole."""
    return citation_effect(source, start, end) == REPLACES


def _unit_at(units: list[Unit], pos: int) -> str:
    """Path of the unit whose own text contains ``pos`` (序言 for the preamble); "" when none does."""
    path = ""
    for unit in units:
        if unit.span.start <= pos < max(unit.span.end, unit.span.start + 1):
            return unit.path
        if unit.span.start > pos:
            break
    return path


def _plain(title: str) -> str:
    return re.sub(r"[\s《》〈〉<>“”\"的]", "", title)


def _names_own_title(title: str, own_title: str) -> bool:
    """《X》 is the text's own title, or its title without the city in front (《西岗区人民政府工作规则》 in
    大连市西岗区人民政府工作规则)."""
    plain, own = _plain(title), _plain(own_title)
    return bool(own) and (plain == own or (len(plain) >= 6 and own.endswith(plain)
                                           and re.search(r"[省市州盟]$", own[: len(own) - len(plain)]) is not None))


_ISSUED_RE = re.compile(r"(?:印发|转发|批转|发布|颁布)(?P<text>.+?)(?:的)?(?:通知|决定|令)?$")


def _issued_by_own_title(title: str, own_title: str) -> bool:
    """The text a notice issues or forwards is the notice's own body, not a citation: 关于印发《X》的通知 and
    关于印发X的通知 issue X; 转发国家地震局关于…意见报告的通知 forwards 《关于…意见的报告》."""
    if not own_title:
        return False
    own_title = re.sub(r"\s+", "", own_title)
    if re.search(rf"(?:印发|转发|批转|发布|颁布)《{re.escape(title)}》", own_title):
        return True  # 关于暂时调整实施《X》有关规定的决定 names X, and cites it
    m = _ISSUED_RE.search(own_title)
    plain = _plain(title)
    if m and re.search(rf"[《〈]{re.escape(title)}[》〉]", m.group("text")) and _plain(m.group("text")) != plain:
        # 印发某市2025年《政府工作报告》重点工作任务分解: a title quoted inside the issued text's longer name is a text
        # the issued one implements or explains, which it cites
        return False
    return bool(m) and len(plain) >= 6 and plain in _plain(m.group("text"))


def find_citations(source: str, units: list[Unit], own_identifier: str = "", own_title: str = "") -> list[Citation]:
    """Citations in order of first mention, merged by key, with citing unit paths ("" = outside every unit).

    The document's own number (``own_identifier``, e.g. 国发〔2018〕42号) is never a citation of itself, nor is
    the text its own title issues (关于印发《X》的通知 and 关于印发X的通知 do not cite 《X》). A short name the
    text defines (《X》（以下简称《决定》）) is a mention of X; a bare genre word (《方案》) is no citation."""
    own = own_identifier.translate(_BRACKETS)
    citations: dict[str, Citation] = {}
    aliases: dict[str, str | None] = {}  # short name → citation key (None: a short name of the text itself)
    skip_until = 0  # the （number，以下简称《…》） after a title belongs to that title
    for m in _CITATION_RE.finditer(source):
        if m.start() < skip_until:
            continue
        title = m.group("title") or ""
        identifier = m.group("cited_no") or m.group("number") or ""
        start, end = m.start(), m.end()
        alias = _ALIAS_RE.match(source, end) if title else None
        if alias:
            identifier = identifier or alias.group("no") or ""
            skip_until = alias.end()
        if title in aliases:
            key = aliases[title]
            if key is not None:
                _mention(citations[key], units, source, start, end)
            continue
        # the text's own title (《 淮南市公园管理办法》已经…通过, under an order) or the text its title issues; not
        # an earlier text of that name the clause repeals (原《X》同时废止 under 关于印发X(试行)的通知)
        if title and (_SELF_RE.match(title) or _names_own_title(title, own_title)
                      or (_issued_by_own_title(title, own_title) and citation_effect(source, start, end) != REPLACES)):
            if alias:
                aliases[alias.group("alias")] = None
            continue
        if title and not identifier and _GENERIC_RE.match(title):
            continue
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
        if alias:
            aliases[alias.group("alias")] = key
        _mention(citation, units, source, start, end)
    return list(citations.values())


_STRENGTH = {"": 0, SUSPENDS: 1, AMENDS: 2, REPLACES: 3}  # a document repealed in one place is repealed


def _mention(citation: Citation, units: list[Unit], source: str, start: int, end: int) -> None:
    path = _unit_at(units, start)
    if path not in citation.unit_paths:
        citation.unit_paths.append(path)
    citation.mentions.append(Span(start, end))
    effect = citation_effect(source, start, end)
    if _STRENGTH[effect] > _STRENGTH[citation.effect]:
        citation.effect = effect
    citation.replaces = citation.effect == REPLACES
