"""Recognise government bodies in any Chinese policy text and resolve them through the authority files (authority.py).

Three steps, each a small function:

1. *Find* candidate names: every label of the authority files (``ingest/data/authority/*.ttl``, W3C ORG +
   SKOS, plus the user's files named by ``POLICYKG_AUTHORITY_FILES``), a generic pattern for bodies no file
   knows (a prefix such as 国家/省/市/区/县/街道 or a place name, a short core, a body suffix such as 局/委/办/
   中心/人民政府), collectives (各区政府, 各有关部门, 区直各部门) and bodies a plan sets up (联席会议, 领导小组).
   A name may run on into a sub-body (市公安局出入境管理局, 国家税务总局广州市税务局).
2. *Choose* the longest candidates that do not overlap (市政府办公厅, not 市政府), outside 《…》 titles.
3. *Resolve* each name within the document's jurisdiction: a short form (市经贸委, 区发改委, 各区政府) is read
   relative to it (in a Guangzhou plan 市经贸委 is 广州市经贸委), then looked up; among bodies sharing a
   name, the one valid at the document's date wins.  A body no file knows becomes an organisation keyed by a
   hash of its jurisdiction-qualified full name, its written name kept as a label.
"""


from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .authority import (
    AUTHORITY_DIR,
    AUTHORITY_ENV,
    NATIONAL,
    AliasEntry,
    Authority,
    AuthorityBody,
    ChangeEvent,
    _department_of,
    _known_places,
    _LEVEL_CHARS,
    _PLACE_GOV_RE,
    _levels,
    _place_in,
    _place_at_start,
    _RELATIVE_START,
    _short_place,
    _slug,
    _written,
    alias_table,
    authority,
    authority_files,
    canonical_jurisdiction,
    configure_authority,
    document_date,
    expand_name,
    full_name,
    government_of,
    jurisdiction_of,
    name_history,
    normalise_department,
    resolve_name,
)
from .model import Department, Span, Unit

__all__ = [
    "AUTHORITY_DIR",
    "AUTHORITY_ENV",
    "AliasEntry",
    "Authority",
    "AuthorityBody",
    "ChangeEvent",
    "DISTRICTS",
    "MUNICIPAL_GOVERNMENT",
    "NATIONAL",
    "alias_table",
    "authority",
    "authority_files",
    "canonical_jurisdiction",
    "configure_authority",
    "document_date",
    "expand_name",
    "find_departments",
    "full_name",
    "government_of",
    "jurisdiction_of",
    "name_history",
    "normalise_department",
    "resolve_name",
    "sentence_bounds",
]

log = logging.getLogger(__name__)

DISTRICTS = "shanghai-district-governments"
MUNICIPAL_GOVERNMENT = "shanghai-municipal-government"

_CJK = "\u4e00-\u9fff"
_SENTENCE_END = "。！？!?\n"

# ---------------------------------------------------------------------------------------------- finding names

_STOP = "的和及与在对为将把被是由等或并向从以于就按"
_NOT_CORE = rf"\s\d{_STOP.replace('和', '')}级、，,。；;：:（）()“”\"《》〈〉【】\[\]—\-…·/"
# Characters that, written just before a one-character prefix, make it part of another word (城市, 园区, 全省…).
_FUNCTION_CHARS = "由和及与同对向在经请将按并、"
# A development zone's committee: 苏州工业园区管委会, 临港新片区管委会 (after a boundary).
_ZONE_RE = re.compile(rf"[{_CJK}]{{2,10}}?(?:园区|开发区|高新区|新片区|新区|示范区|试验区|合作区|保税区|综试区)"
                      rf"(?:管委会|管理委员会)")
_LEFT_GUARD = {
    "市": "城超都上门全本该各省股夜坊菜花集闹街早黑午楼区县",
    "区": "地社城园街辖景小片新郊市山林灾牧矿校厂港保示禁战试商功开湾学院各全本该半",
    "县": "郡州全各市区本该",
    "省": "全各外本节反",
    "镇": "城乡村集重古名各全",
    "乡": "城下家故老返各同全",
}
# What may not follow a suffix (局面, 办法, 委托, 部门, 中心城区 …).
_RIGHT_GUARD = {
    "局": "面部势限长", "委": "托员屈婉", "办": "法理事好结成学", "厅": "长堂", "部": "门分署位件长队落",
    "署": "名", "心": "城区", "府": "采", "会": "议同", "院": "长校士", "行": "道横",
}
# How a core may not begin after its prefix: 市场, 市民 (but 市民政局), 区域, 县域, 省内, 国家级 …
_PREFIX_CORE_START_BAN = {
    "市": re.compile(r"场|民(?!政|族|宗)|区|级|内|外|值|面|中(?!小|医)|长|容|郊|属"),
    "区": re.compile(r"[域块间别级位分划内外县长]"), "县": re.compile(r"[级域城内长]"),
    "省": re.compile(r"[级内外份钱略长]"), "镇": re.compile(r"[级域长]"), "乡": re.compile(r"[级村长]"),
    "州": re.compile(r"[级域内长]"), "国家": re.compile(r"级|标准(?!委|化管理委员会)|层面"),
}
_SUFFIXES = ("管理委员会", "委员会", "管委会", "人民政府", "政府", "办公厅", "办公室", "服务中心", "中心", "总局", "总署",
             "总队", "支队", "分局", "监管局", "管理局", "海关", "法院", "检察院", "贸促会", "局", "厅", "委", "办", "署", "部")
_SUFFIX_RE = "|".join(_SUFFIXES)
_CENTRAL_SUFFIXES = ("总局", "总署", "委员会", "办公室", "管理局", "局", "委", "办", "署", "部")
_CORE = rf"(?:(?!和(?:市|区|省|县|各))[^{_NOT_CORE}])"
_ONE_PREFIX_RE = re.compile(rf"(?P<prefix>街道|自治区|[省市区县镇乡州])(?P<core>{_CORE}{{0,12}}?)(?P<suffix>{_SUFFIX_RE})")
_CENTRAL_RE = re.compile(rf"(?P<prefix>国务院|国家)(?P<core>{_CORE}{{1,12}}?)(?P<suffix>{'|'.join(_CENTRAL_SUFFIXES)})")
_PLACE_CORE_RE = re.compile(rf"(?P<core>{_CORE}{{0,12}}?)(?P<suffix>{_SUFFIX_RE})")
_DESIGNATION_RE = re.compile(r"技术|创新|示范|研究|实验|工程|孵化|产业|制造|金融|贸易|航运|科创|基地|国际")
_COLLECTIVE_RE = re.compile(
    r"各(?:有关|相关)?(?:(?:区县|区|县|市|州|省|乡镇|街镇|街道|镇|乡)(?:[（(][市区县州、]+[)）])?[、，,]?)*"
    r"(?<![、，,])(?:人民政府|政府|部门和单位|部门|单位|委办局|街道办事处|办事处)"
    r"|各(?:有关|相关)?(?:乡镇|街镇|街道|镇)(?!区|域)"
    r"|(?:市|区|县)(?:直|属)各(?:有关)?(?:部门|单位)"
    r"|(?:市|区|县|省)(?:级|政府)?(?:各)?(?:有关|相关)部门"
)
_CONSENT_RE = re.compile(r"(?:研究)?(?:同意|批准)")
_JOINT_RE = re.compile(r"联席会议|领导小组(?:办公室)?|工作专班|指挥部")
_CREATE_RE = re.compile(r"建立|成立|组建|设立")
# Words written before a joint body's name that are not part of it (定期召开|楼宇经济联席会议).
_LEAD_IN_RE = re.compile(r"建立|成立|组建|设立|召开|健全|完善|发挥|依托|通过|强化|加强|用好|定期|提请|报请|报送|由")
# A sub-body written straight after its parent: 市公安局|出入境管理局, 人民银行|广州分行.
_TAIL_RE = re.compile(
    rf"(?:组织部|宣传部|统战部|政法委|网信办|编办|金融办|外办|办公厅|办公室|督查室|研究室)"
    rf"|[^{_NOT_CORE}和市区县省各]{{1,8}}?(?:管理局|分局|监管局|税务局|调查总队|总队|支队|分行|总部|海关|督查室|研究室|局|处)"
)
# …and a local branch after a place: 国家税务总局|广州市|税务局, 人民银行|广州|分行.
_BRANCH_TAIL_RE = re.compile(
    rf"[^{_NOT_CORE}和市区县省各]{{0,8}}?(?:管理局|监管局|税务局|调查总队|中心支行|支行|分行|总部|海关|分局)"
)
_TAIL_BAN = re.compile(r"会同|牵头|负责|配合|组织|推进|指导|协调|做好|开展|制定|加强|支持|统筹|研究|建立|督促|落实|联合|"
                       r"共同|按照|依托|根据|结合|审批|每年|定期|完善|加快|鼓励|引导|会商|联动|参与|承担|实施|要|应|可")
_CORE_BAN = re.compile(_TAIL_BAN.pattern.removesuffix("|要|应|可"))  # 应急 is a name's word


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    kind: str  # "label" | "generic" | "collective" | "joint"


def _label_re() -> re.Pattern[str]:
    return _label_re_of(authority().files)


@lru_cache(maxsize=4)
def _label_re_of(files: tuple[str, ...]) -> re.Pattern[str]:
    """Every label of the authority files read from ``files``, longest first, found at every position."""
    auth = authority()
    labels = sorted({*auth.absolute, *auth.relative}, key=len, reverse=True)
    return re.compile("(?=(" + "|".join(map(re.escape, labels)) + "))")


def _left_ok(source: str, start: int, name: str) -> bool:
    if start == 0:
        return True
    prev = source[start - 1]
    if name.startswith("州") and re.match(rf"[{_CJK}]", prev) and prev not in _FUNCTION_CHARS:
        return False  # 州 starts a body only after a boundary (由州政府…), never inside a place (广州, 杭州)
    for prefix, banned in _LEFT_GUARD.items():
        if name.startswith(prefix) and prev in banned:
            return False
    return True


_DOC_NUMBER_RE = re.compile(r"[发函字办规]*[〔\[［(（]\d{4}[〕\]］)）]")


def _right_ok(source: str, end: int, name: str) -> bool:
    if end >= len(source):
        return True
    if _DOC_NUMBER_RE.match(source, end):  # 国办发〔2021〕2号 is a document number, not 国办
        return False
    nxt = source[end]
    if name.endswith("各区") and nxt in "域块间别县级位内":
        return False
    if name.endswith("中心") and nxt in "城区":
        return False
    return nxt not in _RIGHT_GUARD.get(name[-1], "")


def _central_short_ok(source: str, start: int, label: str) -> bool:
    """A central body's short name (统计局, 数据局) written after 市/区/县… belongs to a local body instead."""
    return start == 0 or source[start - 1] not in _LEVEL_CHARS or label.startswith(("国家", "国务院", "中国", "中华"))


def _label_candidates(source: str) -> list[_Candidate]:
    auth = authority()
    found = []
    for m in _label_re().finditer(source):
        label = m.group(1)
        start, end = m.start(), m.start() + len(label)
        if not (_left_ok(source, start, label) and _right_ok(source, end, label)):
            continue
        keys = auth.absolute.get(label, []) + auth.relative.get(label, [])
        if all(auth.bodies[k].jurisdiction == NATIONAL for k in keys) and not _central_short_ok(source, start, label):
            continue
        found.append(_Candidate(start, end, "label"))
    return found


def _generic_ok(core: str, suffix: str, prefix: str) -> bool:
    ban = _PREFIX_CORE_START_BAN.get(prefix)
    if ban is not None and ban.match(core):
        return False
    if suffix in ("中心", "服务中心") and (not core or _DESIGNATION_RE.search(core)):
        return False
    if not core and suffix not in ("人民政府", "政府", "委", "海关", "法院", "检察院", "贸促会"):
        return False
    return not _CORE_BAN.search(core)


def _generic_candidates(source: str, places: set[str]) -> list[_Candidate]:
    found = []
    starts = [i for i, ch in enumerate(source) if ch in "街自省市区县镇乡州国"]  # where a prefix can begin
    for regex in (_ONE_PREFIX_RE, _CENTRAL_RE):
        for start in starts:
            m = regex.match(source, start)
            if not m:
                continue
            name = m.group()
            if _left_ok(source, start, name) and _right_ok(source, m.end(), name) and _generic_ok(
                m.group("core"), m.group("suffix"), m.group("prefix")
            ):
                found.append(_Candidate(start, m.end(), "generic"))
    if places:
        place_re = re.compile("|".join(map(re.escape, sorted(places, key=len, reverse=True))))
        for pm in place_re.finditer(source):
            m = _PLACE_CORE_RE.match(source, pm.end())
            if not m or not _right_ok(source, m.end(), m.group()):
                continue
            with_level = pm.group().endswith(("省", "市", "区", "县", "自治区", "自治州"))
            if not with_level and m.group("suffix") not in ("海关", "监管局", "局", "分局", "总部", "分行"):
                continue
            if _generic_ok(m.group("core"), m.group("suffix"), ""):
                found.append(_Candidate(pm.start(), m.end(), "generic"))
    return found


def _zone_candidates(source: str) -> list[_Candidate]:
    found = []
    for start in [0] + [i + 1 for i, ch in enumerate(source) if not re.match(rf"[{_CJK}]", ch) or ch in _FUNCTION_CHARS]:
        m = _ZONE_RE.match(source, start)
        if m and not _TAIL_BAN.search(m.group()):
            found.append(_Candidate(m.start(), m.end(), "generic"))
    return found


def _collective_candidates(source: str) -> list[_Candidate]:
    return [_Candidate(m.start(), m.end(), "collective") for m in _COLLECTIVE_RE.finditer(source)
            if _left_ok(source, m.start(), m.group()) and _right_ok(source, m.end(), m.group())]


def _joint_name_start(source: str, end: int, places: set[str] = frozenset()) -> int:  # type: ignore[assignment]
    """Walk back from a 联席会议/领导小组 to the start of its name (…参加的|市技术改造联席会议): to the first
    place or level prefix (发挥|市跨境电商…领导小组), else to just after a verb that sets it up (建立|…)."""
    start = end
    while (start > 0 and end - start < 20 and re.match(rf"[{_CJK}]", source[start - 1])
           and (source[start - 1] not in "的及与在对为将把被是由等或、" and not
                (source[start - 1] == "和" and source[start:start + 1] in _LEVEL_CHARS))):
        start -= 1
    for pos in range(start, end - 1):
        if (any(source.startswith(p, pos) for p in places) or source.startswith(("国务院", "国家"), pos)
                or (source[pos] in "省市区县" and _left_ok(source, pos, source[pos]) and pos > start)):
            return pos
        if source[pos] in "省市区县" and pos == start:
            return pos
    verb = None
    for verb in _LEAD_IN_RE.finditer(source, start, end):
        pass
    if verb:
        start = verb.end()
    return start


def _joint_candidates(source: str, places: set[str]) -> list[_Candidate]:
    found = []
    for m in _JOINT_RE.finditer(source):
        start = _joint_name_start(source, m.start(), places)
        if m.start() - start >= 2:
            found.append(_Candidate(start, m.end(), "joint"))
    return found


def _extend(source: str, cand: _Candidate, place_re: re.Pattern[str]) -> _Candidate:
    """Run a name on into a sub-body written right after it (市公安局出入境管理局, 国家税务总局广州市税务局)."""
    if cand.kind not in ("label", "generic"):
        return cand
    end = cand.end
    place = place_re.match(source, end)
    if place:
        m = _BRANCH_TAIL_RE.match(source, place.end())
        if m and not _TAIL_BAN.search(m.group()) and _right_ok(source, m.end(), m.group()):
            return _Candidate(cand.start, m.end(), cand.kind)
    m = _TAIL_RE.match(source, end)
    if m and not _TAIL_BAN.search(m.group()) and _right_ok(source, m.end(), m.group()):
        return _Candidate(cand.start, m.end(), cand.kind)
    return cand


def _in_titles(source: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"《[^《》\n]*》", source)]


def _choose(candidates: list[_Candidate], blocked: list[tuple[int, int]]) -> list[_Candidate]:
    """Longest first, then leftmost; no overlaps; nothing inside a blocked range (a 《title》, an excluded line)."""
    chosen: list[_Candidate] = []
    kind_rank = {"label": 0, "joint": 1, "collective": 2, "generic": 3}
    size = max((c.end for c in candidates), default=0)
    taken = bytearray(size)
    inside = bytearray(size)  # 1 inside a blocked range
    for a, b in blocked:
        inside[a:b] = b"\x01" * len(inside[a:b])
    for cand in sorted(set(candidates), key=lambda c: (-(c.end - c.start), c.start, kind_rank[c.kind])):
        if all(inside[cand.start : cand.end]) or any(taken[cand.start : cand.end]):
            continue
        taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def _text_places(source: str, jurisdiction: str) -> set[str]:
    """Places written in the text as part of a government's name, plus the known ones and the document's own."""
    places = {p for p in _known_places() if len(p) >= 2}
    places |= {m.group(1) for m in _PLACE_GOV_RE.finditer(source)}
    if jurisdiction and jurisdiction != NATIONAL:
        places |= {jurisdiction, _short_place(jurisdiction)}
    return {p for p in places if not re.match(r"^(?:本|全|各|该|城|中心|示范|开发|工业|自贸|新)", p)}


# ---------------------------------------------------------------------------------------------- the extractor


def sentence_bounds(source: str, pos: int) -> tuple[int, int]:
    """[start, end) of the sentence around ``pos`` (ends after its 。), whitespace trimmed."""
    start = pos
    while start > 0 and source[start - 1] not in _SENTENCE_END:
        start -= 1
    end = pos
    while end < len(source) and source[end] not in _SENTENCE_END:
        end += 1
    if end < len(source) and source[end] in "。！？!?":
        end += 1
    while start < end and source[start].isspace():
        start += 1
    return start, end


def _members(source: str, body: Span, mentions: list[tuple[Span, str]]) -> list[str]:
    """Bodies listed as taking part (…、各相关区政府等部门和单位参加的<body>); the convener (由…召集) is not one."""
    start, _ = sentence_bounds(source, body.start)
    clause = source[start : body.start]
    joined = clause.rfind("参加")
    if joined == -1:
        return []
    convened = clause.rfind("召集", 0, joined)
    list_start = start + (convened + 2 if convened != -1 else max(clause.rfind("由", 0, joined) + 1, 0))
    members: list[str] = []
    for span, key in mentions:
        if list_start <= span.start < start + joined and key not in members:
            members.append(key)
    return members


def _unknown_body(name: str, kind: str, jurisdiction: str) -> Department:
    """A body no authority file has: keyed by a hash of its full, jurisdiction-qualified name."""
    levels = _levels(jurisdiction)
    if name.startswith(_RELATIVE_START):
        full = expand_name(name, jurisdiction) if jurisdiction else name
        key_name = full if full != name else f"{jurisdiction}|{name}"
    elif kind == "joint" and levels.lowest and not _place_at_start(name):
        full = key_name = _written(levels.lowest, levels) + name  # 楼宇经济联席会议 of 静安区: 上海市静安区楼宇经济联席会议
    else:
        full = key_name = name
    joint = kind == "joint"
    return Department(
        key=_slug(key_name, "joint-body" if joint else "body"), pref_label=full,
        alt_labels=[name] if full != name else [], pref_label_en="",
        category="joint-body" if joint else "collective" if kind == "collective" else "other",
        listed_in_alias_table=False,
        jurisdiction=jurisdiction if name.startswith(_RELATIVE_START) or full != name else _place_in(name),
    )


def find_departments(
    source: str,
    units: list[Unit] | None = None,
    jurisdiction: str = "",
    when: date | None = None,
    exclude: list[Span] | None = None,
) -> list[Department]:
    """Every body the text names, in order of first mention, each with all its mention spans.

    ``jurisdiction`` (上海市, 广州市, 浦东新区, 中华人民共和国) resolves short forms; ``when`` (the document's
    date) picks among bodies that bore the same name at different times; mentions inside ``exclude`` (e.g.
    the addressee and signature lines) and inside 《…》 titles are not counted. ``units`` is accepted for
    symmetry with the other extractors.
    """
    jurisdiction = canonical_jurisdiction(jurisdiction)
    places = _text_places(source, jurisdiction)
    candidates = [
        *_label_candidates(source), *_generic_candidates(source, places),
        *_collective_candidates(source), *_joint_candidates(source, places), *_zone_candidates(source),
    ]
    place_re = re.compile("|".join(map(re.escape, sorted(places, key=len, reverse=True))) or "(?!)")
    candidates = [_extend(source, c, place_re) for c in candidates]
    blocked = _in_titles(source) + [(s.start, s.end) for s in exclude or []]
    departments: dict[str, Department] = {}
    mentions: list[tuple[Span, str]] = []
    for cand in _choose(candidates, blocked):
        if _CONSENT_RE.match(source, cand.end) and source[cand.start - 1 : cand.start] == "经":
            continue  # 经市政府同意: the consent behind the document, not an actor in it
        name = source[cand.start : cand.end]
        key = None if cand.kind == "joint" else resolve_name(name, jurisdiction, when)
        dept = _department_of(key, name, jurisdiction) if key else _unknown_body(name, cand.kind, jurisdiction)
        if dept.key not in departments:
            departments[dept.key] = dept
        elif name != departments[dept.key].pref_label and name not in departments[dept.key].alt_labels:
            departments[dept.key].alt_labels.append(name)
        departments[dept.key].mentions.append(Span(cand.start, cand.end))
        mentions.append((Span(cand.start, cand.end), dept.key))
    for dept in departments.values():
        if dept.listed_in_alias_table or dept.category != "joint-body":
            continue
        first = dept.mentions[0]
        sent_start, _ = sentence_bounds(source, first.start)
        if _CREATE_RE.search(source, sent_start, first.start):
            dept.created_by_document = True
            dept.members = _members(source, first, [m for m in mentions if m[1] != dept.key])
            log.debug("joint body %s created with %d members", dept.pref_label, len(dept.members))
    return list(departments.values())
