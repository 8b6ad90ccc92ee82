"""Recognise government bodies in any Chinese policy text and resolve them through the authority files (authority.py).

Three steps, each a small function:

1. *Find* candidate names (``ingest.bodynames``): every label of the authority files (``ingest/data/authority/*.ttl``, W3C ORG +
   SKOS, plus the user's files named by ``POLICYKG_AUTHORITY_FILES``), a generic pattern for bodies no file
   knows (a prefix such as 国家/省/市/区/县/街道 or a place name, a short core, a body suffix such as 局/委/办/
   中心/人民政府), collectives (各区政府, 各有关部门, 区直各部门) and bodies a plan sets up (联席会议, 领导小组).
   A name may run on into a sub-body (市公安局出入境管理局, 国家税务总局广州市税务局).
2. *Choose* the longest candidates that do not overlap (市政府办公厅, not 市政府), outside 《…》 titles.
3. *Resolve* each name within the document's jurisdiction: a short form (市经贸委, 区发改委, 各区政府) is read
   relative to it (in a Guangzhou plan 市经贸委 is 广州市经贸委), then looked up; among bodies sharing a
   name, the one valid at the document's date wins.  A body no file knows becomes an organisation keyed by a
   hash of its jurisdiction-qualified full name, its written name kept as a label. In a national text a level
   written short (省政府) is the body of the last place of that level the text named (河北省委和省政府).

A mention that names a body only as an authority, a recipient, a host (办公室设在教育部), an author of a cited
text (国务院印发的《…》) or in a person's post is no actor. A collective or a body named by its role or sector
(各级人民政府及其部门, 审核机构, 试点地区, 税务机关) is a body only where the text gives it a responsibility
(``ingest.responsibility``); where it is only narrated, told or addressed it is reported as a candidate, like a
group the text lets others set up (可成立…领导小组).
"""


from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date

from .authority import (
    _RELATIVE_START,
    AUTHORITY_DIR,
    AUTHORITY_ENV,
    NATIONAL,
    AliasEntry,
    Authority,
    AuthorityBody,
    ChangeEvent,
    _department_of,
    _levels,
    _place_at_start,
    _place_in,
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
from .bodynames import _CLAUSE_RE as _BODY_CLAUSE_RE
from .bodynames import (
    _CONSENT_RE,
    _CREATE_RE,
    _JOINT_RE,
    _SHORT_FOR_RE,
    _Candidate,
    _choose,
    _collective_candidates,
    _designation_candidates,
    _extend,
    _generic_candidates,
    _in_titles,
    _joint_candidates,
    _label_candidates,
    _role_noun_candidates,
    _set_up_candidates,
    _text_places,
    _zone_candidates,
    same_level_designations,
    same_places,
)
from .model import BodyCandidate, Department, Span, Unit
from .nameforms import name_form
from .notes import unnamed_members
from .responsibility import assign_responsibilities
from .sharedprefix import (
    levels_before_shared_name,
    listed_after_prefix,
    matters_between_level_and_department,
)

__all__ = [
    "AUTHORITY_DIR",
    "AUTHORITY_ENV",
    "NATIONAL",
    "AliasEntry",
    "Authority",
    "AuthorityBody",
    "Bodies",
    "ChangeEvent",
    "alias_table",
    "authority",
    "authority_files",
    "canonical_jurisdiction",
    "configure_authority",
    "document_date",
    "expand_name",
    "find_bodies",
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

_CJK = "\u4e00-\u9fff"
_SENTENCE_END = "。！？!?\n"

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


_CATEGORY_OF_ORGAN: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"人民代表大会|人大|政协$|政协委员会$"), "congress"),
    (re.compile(r"法院$"), "court"),
    (re.compile(r"检察院$"), "procuratorate"),
    (re.compile(r"(?:[省市区县镇乡州盟旗]委|党委|工委|纪委|监委)(?:[\u4e00-\u9fff]{0,6}(?:部|办|室|委|局|厅|校))?$"), "party"),
    (re.compile(r"人民政府$|政府$|行政公署$"), "government"),
)


def _category_of(name: str) -> str:
    """A body's kind from its organ word: party (市委组织部), congress (区人大常委会), court, procuratorate…;
    a name for each of a kind (各区, 各街道) is a collective."""
    if name.startswith("各"):
        return "collective"
    return next((category for pattern, category in _CATEGORY_OF_ORGAN if pattern.search(name)), "other")


_COMPOSED_RE = re.compile(r"由(?P<list>[^。；;]{2,200}?)(?:等[\u4e00-\u9fff\d]{0,12}?)?(?:共同)?组成(?!人员|部分)")


def _composed_of(source: str, spans: list[Span], mentions: list[tuple[Span, str]]) -> list[str]:
    """The members a sentence lists for a joint body: 联席会议由教育部、发展改革委…9个部门和单位组成."""
    for span in spans:
        m = _COMPOSED_RE.match(source, span.end)
        if m:
            return list(dict.fromkeys(key for s, key in mentions if m.start("list") <= s.start < m.end("list")))
    return []


def _unknown_body(name: str, kind: str, jurisdiction: str) -> Department:
    """A body no authority file has: keyed by a hash of its full, jurisdiction-qualified name."""
    if kind == "collective" and (same := same_places(name)) != name:  # 各有关省（市） = 各有关省（市）人民政府
        body = _unknown_body(same, kind, jurisdiction)  # one key; the label is the name as first written
        body.alt_labels, body.pref_label = [*body.alt_labels, body.pref_label], name
        return body
    levels = _levels(jurisdiction)
    league = re.fullmatch(r"团([省市区县])委", name)
    if league and jurisdiction:  # 团市委 of 广州市: 共青团广州市委
        full = "共青团" + expand_name(league.group(1) + "委", jurisdiction)
        return Department(key=_slug(full, "body"), pref_label=full, alt_labels=[name], pref_label_en="",
                          category="party", listed_in_alias_table=False, jurisdiction=jurisdiction)
    if name.startswith(_RELATIVE_START) and not (kind == "designation" and re.match(r"(?:地方)?各级", name)):
        full = expand_name(name, jurisdiction) if jurisdiction else name
        key_name = full if full != name else f"{jurisdiction}|{name}"
    elif kind == "designation":  # 教育行政部门 of this jurisdiction's governments (of every level it names)
        # 各级登记管理机关 and 登记管理机关 in one text are the one class of bodies, at every level
        full = name if "人民政府" in name else re.sub(r"^(?:(?:当地|各地|地方)(?!各级)|(?:地方)?各级)", "", name)
        # …and so are 社会团体登记管理机关 and 登记管理机关: the kind it registers, named or not, is the same organ
        full = re.sub(r"^(?:社会团体|社会组织|基金会|民办非企业单位)(?=登记管理机关$)", "", full)
        key_name = f"{jurisdiction}|{full}"
    elif kind == "joint" and levels.lowest and not _place_at_start(name):
        full = key_name = _written(levels.lowest, levels) + name  # 楼宇经济联席会议 of 静安区: 上海市静安区楼宇经济联席会议
    elif kind == "collective" and "所在地的" in name:  # …所在地的人民政府 is …所在地人民政府 written with 的
        full, key_name = name, name.replace("所在地的", "所在地")
    elif (own := _with_own_place(name, jurisdiction)) != name:
        full = key_name = own  # 南海区发展和改革局 in a document of 佛山市南海区: 佛山市南海区发展和改革局
    else:
        full = key_name = name
    if kind not in ("collective", "designation"):
        # 区人社局 and 区人力资源和社会保障局, 区政府 and 区人民政府: one body, whichever way the text writes it
        key_name = name_form(_TAX_BRANCH_RE.sub("", key_name) if jurisdiction else key_name)
    joint = kind == "joint"
    forms = [name] if full != name else []
    if kind not in ("collective", "designation", "joint"):
        forms += [f for f in _local_forms(full, jurisdiction) if f not in (full, name)]
    return Department(
        key=_slug(key_name, "joint-body" if joint else "body"), pref_label=full,
        alt_labels=forms, pref_label_en="",
        category="joint-body" if joint else kind if kind in ("collective", "designation") else _category_of(name),
        listed_in_alias_table=False,
        jurisdiction=jurisdiction if name.startswith(_RELATIVE_START) or full != name else (
            _place_in(name) or _of_own_place(name, jurisdiction)),
    )


# 国家税务总局佛山市南海区税务局 and the 区税务局 a document of 佛山市南海区 writes: one branch of the tax service
_TAX_BRANCH_RE = re.compile(r"^国家税务总局(?=[\u4e00-\u9fff]{2,12}?税务局$)")


def _local_forms(full: str, jurisdiction: str) -> list[str]:
    """The other names a local body goes by in its own place's documents: its name with the lowest place written
    short (佛山市南海区委组织部 → 南海区委组织部) and with its level alone (→ 区委组织部); a tax branch without the
    national service before it (国家税务总局佛山市南海区税务局 → 南海区税务局, 区税务局)."""
    parts = re.findall(r"[\u4e00-\u9fff]{2,}?(?:自治区|自治州|省|市|州|盟|区|县|旗)", jurisdiction)  # 贵州|省, not 贵|州
    if not parts or jurisdiction == NATIONAL:
        return []
    body = _TAX_BRANCH_RE.sub("", full)
    if not body.startswith(jurisdiction) or len(body) == len(jurisdiction):
        return [body] if body != full else []
    rest = body[len(jurisdiction):]
    lowest = parts[-1]
    level = "自治区" if lowest.endswith("自治区") else "州" if lowest.endswith("自治州") else lowest[-1]
    forms = [body, lowest + rest, level + rest]
    return list(dict.fromkeys(f for f in forms if f != full))


def _with_own_place(name: str, jurisdiction: str) -> str:
    """A name that opens with the lowest place of the document's jurisdiction, written in full (南海区委组织部 in a
    document of 佛山市南海区 → 佛山市南海区委组织部); other names as they are."""
    parts = re.findall(r"[\u4e00-\u9fff]{2,}?(?:自治区|自治州|省|市|州|盟|区|县|旗)", jurisdiction)  # 贵州|省, not 贵|州
    if len(parts) < 2 or len(parts[-1]) < 3 or not name.startswith(parts[-1]) or name.startswith(jurisdiction):
        return name
    return jurisdiction + name[len(parts[-1]):]


def _of_own_place(name: str, jurisdiction: str) -> str:
    """The document's jurisdiction when a name opens with its own place, which the gazetteer may not know
    (兴庆区政府办公室 in a document of 银川市兴庆区); else ""."""
    parts = re.findall(r"[\u4e00-\u9fff]{2,}?(?:自治区|自治州|省|市|州|盟|区|县|旗)", jurisdiction)  # 贵州|省, not 贵|州
    if parts and len(parts[-1]) >= 2 and name.startswith(parts[-1]):
        return jurisdiction
    # 黄埔区政府 in a document of 广州市: the government of one of its districts
    district = re.match(r"([\u4e00-\u9fff]{2,3}(?:区|县))(?:人民)?政府$", name)
    return jurisdiction + district.group(1) if district and jurisdiction.endswith(("市", "州")) else ""


@dataclass(slots=True)
class Bodies:
    """What the finder read: the bodies, and the body-like names it kept out of them (candidates)."""

    departments: list[Department]
    candidates: list[BodyCandidate]




def _declared_short_names(source: str, chosen: list[_Candidate]) -> list[tuple[_Candidate, str, int]]:
    """(body, short name, where the declaration ends) for each 国务院…领导小组（以下简称领导小组） in the text."""
    found = []
    for cand in chosen:
        m = _SHORT_FOR_RE.match(source, cand.end)
        if m and cand.kind != "unknown" and not m.group("short").startswith("《"):
            found.append((cand, m.group("short"), m.end()))
    return found


def _short_name_mentions(source: str, chosen: list[_Candidate],
                         blocked: list[tuple[int, int]]) -> list[tuple[_Candidate, _Candidate]]:
    """Later mentions of a declared short name (联席会议 for the 国务院…部际联席会议 it was declared for)."""
    declared = _declared_short_names(source, chosen)
    # 区委人才工作领导小组办公室（以下简称区委人才办）: a later 区委人才办 the finder read as a body of its own is
    # the short name the text declared, not a second body
    shorts = {short for _, short, _ in declared}
    taken = [(c.start, c.end) for c in chosen
             if c.kind != "unknown" and not (source[c.start : c.end] in shorts
                                              and any(b.end <= c.start for b, s, _ in declared if s == source[c.start : c.end]))]
    taken += blocked
    found = []
    for body, short, after in declared:
        for m in re.finditer(re.escape(short) + r"(?P<office>办公室)?(?!办|成员)", source[after:]):
            span = (after + m.start(), after + m.end())
            if not any(a < span[1] and span[0] < b for a, b in taken):
                kind = "joint" if m.group("office") else "alias"  # 联席会议办公室: the body's office, a body of its own
                found.append((body, _Candidate(span[0], span[1], kind)))
                taken.append(span)
    return found


# A body named as the authority a text answers to, not as an actor: 党中央、国务院决策部署, 报国务院, 向国务院报告,
# or as a person's post (国务院副总理, 教育部部长: a personnel list names people, not bodies).
# The Party committee and the government of one level named together as the authority (党中央、国务院, 市委、市政府).
_AUTHORITY_PAIR_RE = re.compile(r"(?:党中央|中共中央)、国务院|([省市区县])委、\1(?:人民)?政府")
# …or as the place an office is set in (办公室设在教育部: the host, not an actor there).
_RECIPIENT_BEFORE_RE = re.compile(r"(?:报请|提请|报送|上报|报|向|请示|移送|移交|抄送|设在)$")
_REFERENCE_AFTER_RE = re.compile(
    # 经贸委煤炭工业管理办公室主任, 中科院数学与系统科学研究院学术委员会主任: a post in one of its units
    r"(?:[\u4e00-\u9fff]{2,16}?(?:办公室|处|司|局|科|研究院|研究所|委员会|中心))?"
    r"原?(?:领导同志|主要负责同志|负责同志|分管|副总理|总理|副省长|省长|副市长|市长|副县长|县长|副区长|区长|镇长|乡长|副秘书长|秘书长|常务副|副部长|部长|副主任|主任|副局长|局长|副署长|署长|"
    r"副院长|院长|副校长|校长|副主席|主席|书记处书记|党委书记|党组书记|书记|副社长|社长|总编辑|党组成员|部务会议成员|委员|组长|副组长)"
    r"|决定(?!书)|(?:第[\d一二三四五六七八九十百]+次)?(?:常务会议|全体会议)|确定的|公布的"
    r"|有关文件|文件精神|(?:报告|请示|备案|审批)(?![\u4e00-\u9fff]*(?:部门|单位))"
    r"|(?:批准|同意|批复)"
    r"|(?:或者?其?[\u4e00-\u9fff]{0,6}?)?名义"
    r"|(?:印发|发布|颁布|出台)的?《"  # 国务院印发的《…》: the author of a text the document cites
    r"|关于[^。；;，,]{1,40}?的(?:决策)?部署")  # 贯彻落实市政府关于…的部署要求: the authority behind it  # 以县级以上人民政府或者其办公机构名义印发: whose name a text bears


def _is_reference(source: str, cand: _Candidate) -> bool:
    """Whether this mention names the body only as an authority, a recipient or a person's post."""
    for m in _AUTHORITY_PAIR_RE.finditer(source, max(0, cand.start - 6), min(len(source), cand.end + 6)):
        if m.start() <= cand.start and cand.end <= m.end():
            return True
    before = source[max(0, cand.start - 2) : cand.start]
    if _RECIPIENT_BEFORE_RE.search(before) and not source.startswith("负责", cand.end):
        return True
    # 择优向省工信厅、省财政厅联合行文推荐: a later member of the list a 向 opens is a recipient too
    if (source[cand.start - 1 : cand.start] == "、"
            and _RECIPIENT_LIST_RE.search(source, max(0, cand.start - 40), cand.start)
            and not source.startswith("负责", cand.end)):
        return True
    if _HEEDED_BEFORE_RE.search(source, max(0, cand.start - 4), cand.start) and _HEEDED_AFTER_RE.match(source, cand.end):
        return True
    return bool(_REFERENCE_AFTER_RE.match(source, cand.end))


_RECIPIENT_LIST_RE = re.compile(r"(?:^|[，,。；;\s])(?:择优|逐级|统一|及时|分别)?(?:报送|上报|报|向)"
                                r"[\u4e00-\u9fff（）()]{2,20}(?:、[\u4e00-\u9fff（）()]{2,20})*、$")


# 落实中央教育工作领导小组各项要求, 贯彻市委决策部署: the body whose requirements are carried out, not an actor here
_HEEDED_BEFORE_RE = re.compile(r"(?:落实|贯彻|按照|执行|遵照)$")
_HEEDED_AFTER_RE = re.compile(r"的?(?:各项|有关|工作|相关)?(?:要求|决策部署|部署|精神)")


# The collective a national text addresses to everyone (各地区、各部门要…, 各地区、各部门、各单位必须…): the
# readers of the text, not a body it gives a duty; a named level (地方各级人民政府, 各省级人民政府) stays a body.
# 各地 is 各地区 written short (各地、各部门要…).
_EVERYONE_RE = re.compile(r"各地(?:区)?、?各(?:有关)?部门")
_EVERYONE_BEFORE_RE = re.compile(r"各地(?:区)?、?各(?:有关)?部门、$")
_PLACES_BEFORE_RE = re.compile(r"(?<![\u4e00-\u9fff])各地(?:区)?、$")


# In a national text, 各有关部门 (各部门, 各有关部门和单位) are the State Council's departments it is addressed to,
# standing alone as they stand beside 各地区: the readers, as the addressee line names them, not a body it gives a duty
# to (a city's 各有关部门 are its own bureaus, named as acting bodies).
_NATIONAL_READERS = frozenset({"各有关部门", "各部门", "各有关部门和单位", "各部门和单位", "各有关单位", "各单位"})


def _is_everyone(source: str, start: int, name: str) -> bool:
    if _EVERYONE_RE.fullmatch(name):
        return True
    if name in ("各部门", "各有关部门") and _PLACES_BEFORE_RE.search(source, max(0, start - 4), start):
        return True  # 各地、各部门 with 各地 no candidate of its own
    return name in ("各单位", "各部门", "各有关单位") and bool(_EVERYONE_BEFORE_RE.search(source, max(0, start - 12), start))


_BARE_JOINT_RE = re.compile(r"(联席会议|领导小组|工作小组|协调小组)(?!办公室|办|成员|制度|组长|副组长|召集人)")


def _bare_joint_mentions(source: str, chosen: list[_Candidate], aliases: list[tuple[_Candidate, _Candidate]],
                         blocked: list[tuple[int, int]]) -> list[tuple[_Candidate, _Candidate]]:
    """A bare 联席会议 (领导小组 …) written after the text has named one such body, and only one: that body
    (国务院职业教育工作部际联席会议 … 联席会议统筹协调全国职业教育工作)."""
    joints = [c for c in chosen if c.kind in ("joint", "label") and _JOINT_RE.search(source, c.start, c.end)
              and source[c.start : c.end].endswith(("联席会议", "领导小组", "工作小组", "协调小组"))]
    taken = [(c.start, c.end) for c in chosen if c.kind != "unknown"] + [(a.start, a.end) for _, a in aliases]
    taken += blocked + [(m.start(), m.end()) for m in _SHORT_FOR_RE.finditer(source)]
    found = []
    for m in _BARE_JOINT_RE.finditer(source):
        span = (m.start(1), m.end(1))
        if any(a < span[1] and span[0] < b for a, b in taken):
            continue
        named = {source[c.start : c.end]: c for c in joints if c.end <= span[0] and source[c.start : c.end].endswith(m.group(1))}
        if len(named) == 1:
            found.append((next(iter(named.values())), _Candidate(span[0], span[1], "alias")))
    return found


_GROUP_WORDS = ("联席会议", "领导小组", "工作小组", "协调小组", "工作专班", "指挥部")
_BARE_OFFICE_RE = re.compile(rf"(?<![{_CJK}])({'|'.join(_GROUP_WORDS)})办公室(?!主任|成员|负责)"
                             rf"|(?<=[由和及与同对向在经请将按并、])({'|'.join(_GROUP_WORDS)})办公室(?!主任|成员|负责)")


def _bare_office_mentions(source: str, chosen: list[_Candidate], aliases: list[tuple[_Candidate, _Candidate]],
                          blocked: list[tuple[int, int]]) -> list[tuple[_Candidate, _Candidate]]:
    """A group's office written bare (领导小组办公室设在区委政法委, 工作专班办公室负责…) after the text has named one
    such group, and only one: that group's office, a body of its own (kind ``joint``: ``find_bodies`` names it after
    the group, 区…工作领导小组办公室). A group named in full with its office (…领导小组办公室) is no group named."""
    taken = [(c.start, c.end) for c in chosen if c.kind != "unknown"] + [(a.start, a.end) for _, a in aliases]
    taken += blocked + [(m.start(), m.end()) for m in _SHORT_FOR_RE.finditer(source)]
    found = []
    for m in _BARE_OFFICE_RE.finditer(source):
        word = m.group(1) or m.group(2)
        span = (m.start(), m.end())
        if any(a < span[1] and span[0] < b for a, b in taken):
            continue
        named = {source[c.start : c.end]: c for c in chosen
                 if c.kind in ("joint", "label") and c.end <= span[0] and source[c.start : c.end].endswith(word)
                 and c.end - c.start > len(word)}
        if len(named) == 1:
            found.append((next(iter(named.values())), _Candidate(span[0], span[1], "joint")))
    return found


_REQUIRED_BEFORE_RE = re.compile(r"(?:须|应当|应|必须|需要|需)$")
_LEVEL_SHORT_RE = re.compile(r"(?P<level>自治区|省|自治州|市|县)(?:人民政府|政府|委)")


def _of_place_named_before(source: str, cand: _Candidate, jurisdiction: str, place_re: re.Pattern[str]) -> str:
    """A level's short name (省政府, 自治区人民政府, 市委) in a text whose own jurisdiction has no such level (a
    national reply to one province): the body of the last place of that level the text named before it (河北省委和
    省政府 → 河北省人民政府), or "" where the text names none."""
    level = _LEVEL_SHORT_RE.match(source, cand.start, cand.end)
    if not level or cand.kind not in ("generic", "organ", "label") or (jurisdiction and jurisdiction != NATIONAL):
        return ""
    places = [m.group() for m in place_re.finditer(source, 0, cand.start) if m.group().endswith(level.group("level"))]
    if not places:
        return ""
    rest = source[cand.start + len(level.group("level")) : cand.end]
    # 省政府 is the short form of the body's name, 河北省人民政府 (as the addressee line writes it): one body
    return places[-1] + ("人民政府" if rest == "政府" else rest)


def find_departments(
    source: str,
    units: list[Unit] | None = None,
    jurisdiction: str = "",
    when: date | None = None,
    exclude: list[Span] | None = None,
) -> list[Department]:
    """Every body the text names, in order of first mention, each with all its mention spans (find_bodies)."""
    return find_bodies(source, units, jurisdiction, when, exclude).departments


# A text's pronouns for bodies: a reply's 你省 / 你部 and a report's 我局 / 我部 (not 我国, 你们, 我们).
_PRONOUN_RE = re.compile(r"(?P<who>[你我])(?P<kind>省|市|区|县|州|盟|旗|部|委|局|厅|办|院|署|会|们)")
_ONE_BODY_RE = re.compile(r"[^、，,；;\s]+")
_CITED_AFTER_RE = re.compile(r"(?:的|所)?(?:《|[^，,。；;]{0,6}(?:请示|报告|来函|函)(?:收悉|悉))")


def pronoun_references(source: str, speakers: list[tuple[int, str, str]]) -> list[tuple[Span, str]]:
    """The body each 你X / 我X of ``source`` stands for. ``speakers`` gives, for each part of the document in
    order, where it ends, who signs it and whom it is addressed to (a notice, then a report it forwards):
    我X is the signer of a later part (a forwarded report; the document's own 我市 is its issuer, no body of the
    text), 你X the addressee when the addressee line names one body; the pronoun must fit the name (我局 stands
    for 国家地震局, not for 国土资源部), and one that authors a cited text (你省《…的请示》收悉) names no actor."""
    found: list[tuple[Span, str]] = []
    start = 0
    for i, (end, signer, addressee) in enumerate(speakers):
        for m in _PRONOUN_RE.finditer(source, start, end):
            if m.group("who") == "我" and i == 0:
                continue  # the document's own 我市 is its issuer, which acts as the issuer, no body of the text
            if _CITED_AFTER_RE.match(source, m.end()):
                continue  # 你省《关于…的请示》收悉: the author of a cited text, no actor
            name = signer if m.group("who") == "我" else addressee
            if m.group("kind") == "们" and m.group("who") != "你":
                continue  # 我们: the writer, as 我市 is
            if (name and _ONE_BODY_RE.fullmatch(name) and not name.startswith("各")
                    and (m.group("kind") in name or m.group("kind") == "们")):  # 你们: the one body addressed
                found.append((Span(m.start(), m.end()), name))
        start = end
    return found


_SCOPED_RE = re.compile(r"各|地方|当地|县级|省级|市级|乡级|本级")
_STATE_COUNCIL_LIST_RE = re.compile(r"国务院[^，,。；;、]{1,14}?(?:行政部门|主管部门)(?:、[^，,。；;、]{1,14}?(?:行政部门|主管部门))*、$")


def _state_council_designation(source: str, cand: _Candidate, name: str) -> bool:
    """Whether a bare functional designation (人力资源社会保障行政部门, no level before it) is the State Council's
    department of that name: the text names 国务院 + the same designation, and this one is listed right after one
    (国务院教育行政部门、人力资源社会保障行政部门: the 国务院 governs the list) or stands alone in a text whose only
    department of that name is the State Council's (（技工院校内由人力资源社会保障行政部门负责）)."""
    if cand.kind != "designation" or name.startswith("国务院") or _SCOPED_RE.match(name):
        return False
    if _STATE_COUNCIL_LIST_RE.search(source, max(0, cand.start - 60), cand.start):
        return True
    return ("国务院" + name) in source and not re.search(rf"(?:各级|地方|县级以上|省级|市级|当地)[^，,。；;]{{0,12}}{re.escape(name)}",
                                                        source)


# the kinds of place a level's list names in brackets: 县(市、区), 市(州), 省(区、市), 乡(镇、街道)
_PLACE_KINDS = r"(?:[省市区县州旗盟地镇乡]|特区|自治[区县州]|街道|街镇|管委会)"
_ASCII_PLACES_RE = re.compile(rf"\((?P<k>{_PLACE_KINDS}(?:[、，,]{_PLACE_KINDS})*)\)")


def _fold_place_brackets(source: str) -> str:
    """The text with the ASCII brackets of a level's list of place kinds written full-width (各县(市、区)财政局 →
    各县（市、区）财政局), as web copies write them and the body patterns read them; one character for one, so
    every offset is the same."""
    return _ASCII_PLACES_RE.sub(lambda m: "（" + m.group("k") + "）", source)


def find_bodies(
    source: str,
    units: list[Unit] | None = None,
    jurisdiction: str = "",
    when: date | None = None,
    exclude: list[Span] | None = None,
    references: list[tuple[Span, str]] | None = None,
) -> Bodies:
    """Every body the text names, in order of first mention, each with all its mention spans, and the
    body-like names that are no body (candidates: 区探索创新政府, a clause ending in 政府).

    ``jurisdiction`` (上海市, 广州市, 浦东新区, 中华人民共和国) resolves short forms; ``when`` (the document's
    date) picks among bodies that bore the same name at different times; mentions inside ``exclude`` (e.g.
    the addressee and signature lines) and inside 《…》 titles are not counted. A short name the text declares
    (（以下简称联席会议）) names its body wherever it is written after. ``references`` (pronoun_references:
    你省, 我局) are mentions of the body each names. ``units`` lets a body named only in narrative drop out.
    """
    jurisdiction = canonical_jurisdiction(jurisdiction)
    written_source, source = source, _fold_place_brackets(source)
    places = _text_places(source, jurisdiction)
    candidates = [
        *_label_candidates(source), *_generic_candidates(source, places),
        *_collective_candidates(source), *_joint_candidates(source, places), *_zone_candidates(source),
        *_designation_candidates(source), *_set_up_candidates(source), *_role_noun_candidates(source),
    ]
    place_re = re.compile("|".join(map(re.escape, sorted(places, key=len, reverse=True))) or "(?!)")
    candidates = [_extend(source, c, place_re) for c in candidates]
    blocked = _in_titles(source) + [(s.start, s.end) for s in exclude or []]
    chosen = _choose(candidates, blocked)
    # 市经贸委、国土房管局、外经贸局: the list's later members share the level its first one writes
    listed = listed_after_prefix(source, chosen, lambda start, end, prefix: _Candidate(start, end, "listed", prefix),
                                 jurisdiction)
    relisted = {(c.start, c.end) for c in listed}  # a bare short name the list gives its level replaces its reading
    chosen = [c for c in chosen if (c.start, c.end) not in relisted] + listed
    # 同级财政部门 after 县市区（园区）工业和信息化主管部门: the same level's 财政部门 (县市区（园区）财政部门)
    same_level = same_level_designations(source, chosen, lambda start, end, scope: _Candidate(start, end, "level", scope))
    relevelled = {c.end for c in same_level}
    chosen = [c for c in chosen if not (c.kind == "designation" and c.end in relevelled)] + same_level
    # 市、区人民政府: 市 shares the name the list ends with (市人民政府)
    chosen += levels_before_shared_name(source, chosen, lambda start, end, rest: _Candidate(start, end, "shared", rest))
    # 市国土资源、财政、公安等行政部门: each matter is the level's department (市财政行政部门)
    matters = matters_between_level_and_department(source, chosen, lambda start, end, parts: _Candidate(start, end, "matter", parts),
                                                   lambda word: bool(_BODY_CLAUSE_RE.search(word)))
    # 各级财政和农业农村部门: its last member replaces the designation read alone inside it (农业农村部门)
    chosen = [c for c in chosen if not any(m.start <= c.start and c.end <= m.end for m in matters)] + matters
    chosen, bracketed = _bracketed_aliases(source, chosen)
    aliases = _short_name_mentions(source, chosen, blocked)
    if aliases:  # a short name read as a body of its own, inside its declaration or after it, is the alias only
        declared_at = [(b.end, after) for b, _, after in _declared_short_names(source, chosen)]
        alias_spans = {(a.start, a.end) for _, a in aliases}
        chosen = [c for c in chosen if (c.start, c.end) not in alias_spans
                  and not any(lo <= c.start and c.end <= hi for lo, hi in declared_at)]
    aliases += _bare_joint_mentions(source, chosen, aliases, blocked)
    aliases += _bare_office_mentions(source, chosen, aliases, blocked)
    redirect: dict[str, str] = {}  # the key a bracketed alias would have → the body it is the alias of
    departments: dict[str, Department] = {}
    unknown: dict[str, BodyCandidate] = {}
    mentions: list[tuple[Span, str]] = []
    key_at: dict[int, str] = {}
    for cand in sorted(chosen + [a for _, a in aliases], key=lambda c: c.start):
        required = _CONSENT_RE.match(source, cand.end) and (
            (source[cand.start - 1 : cand.start] == "经"
             and _REQUIRED_BEFORE_RE.search(source, max(0, cand.start - 4), cand.start - 1))
            or source.endswith("征得", 0, cand.start))  # 应征得X同意: X's consent is what is required
        if _CONSENT_RE.match(source, cand.end) and source[cand.start - 1 : cand.start] == "经" and not required:
            continue  # 经市政府同意: the consent behind the document, not an actor in it (须经X批准: X approves)
        if cand.kind != "unknown" and not required and _is_reference(source, cand):
            if source.endswith("设在", 0, cand.start):  # 办公室设在市发展改革委: the host, a candidate to review
                host = source[cand.start : cand.end]
                unknown.setdefault(host, BodyCandidate(host, [], _HOST_REASON)).mentions.append(Span(cand.start, cand.end))
            continue
        name = source[cand.start : cand.end]
        written = written_source[cand.start : cand.end]  # 各县(市、区)财政局 as the text writes it is a name of the body too
        alias = bracketed.get(cand.start)
        if alias is not None:  # 省市场监管局（省知识产权局）: resolved by the name before the bracket
            cand = _Candidate(cand.start, alias[0], cand.kind, cand.reason)
            name = source[cand.start : cand.end]
        if _is_everyone(source, cand.start, name) or (jurisdiction == NATIONAL and name in _NATIONAL_READERS):
            continue
        if cand.kind == "unknown":
            found = unknown.setdefault(name, BodyCandidate(name, [], cand.reason or "no body pattern"))
            found.mentions.append(Span(cand.start, cand.end))
            continue
        declared = next((b for b, a in aliases if a == cand), None)
        if declared is not None:
            key = key_at.get(declared.start)
            if key is None:
                continue
            dept = departments[key]
            if cand.kind == "joint":  # 联席会议办公室: the office of the body the short name stands for
                office = dept.pref_label + "办公室"
                # 区营商环境建设领导小组办公室: the office goes by each name of its group, 办公室 after it
                group_names = [n + "办公室" for n in dict.fromkeys(
                    [*dept.alt_labels, *(m.text(source) for m in dept.mentions)]) if n + "办公室" != office]
                dept = departments.setdefault(_slug(office, "joint-body"), Department(
                    key=_slug(office, "joint-body"), pref_label=office, alt_labels=group_names, pref_label_en="",
                    category="joint-body", listed_in_alias_table=False, jurisdiction=dept.jurisdiction))
        else:
            full = _of_place_named_before(source, cand, jurisdiction, place_re) or name
            kind = cand.kind
            if kind == "listed":
                full, kind = cand.reason + name, "generic"
            if kind == "matter":  # 财政 of 市国土资源、财政等行政部门: 市财政行政部门
                level, suffix, offset, length = cand.reason
                name = written = (level or name[:offset]) + name[offset : offset + length] + suffix
                full, kind = name, "generic"
            if kind == "level":  # 同级财政部门 / …、财政部门 after 县市区（园区）…主管部门: 县市区（园区）财政部门
                name = written = cand.reason + name.removeprefix("同级")
                full, kind = name, "generic"
            if kind == "shared":  # 市 of 市、区人民政府: the name it shares is its written name
                name = written = name + cand.reason
                full, kind = name, "generic"
            if _state_council_designation(source, cand, name):
                full, kind = "国务院" + name, "generic"  # 国务院甲行政部门、乙行政部门: 乙 is the State Council's too
            key = None if cand.kind == "joint" else resolve_name(full, jurisdiction, when)
            if key is None and cand.kind == "joint":
                key = resolve_name(full, jurisdiction, when)  # a joint body an authority file knows
            dept = _department_of(key, full, jurisdiction) if key else _unknown_body(full, kind, jurisdiction)
            if dept.key not in departments:
                departments[dept.key] = dept
            dept = departments[dept.key]
        for label in dict.fromkeys((name, written)):
            if label != dept.pref_label and label not in dept.alt_labels:
                dept.alt_labels.append(label)
        end = cand.end
        if alias is not None:
            end = alias[1].end + 1  # the mention is the whole name as written, its bracket included
            other = _alias_key(source, alias[1], jurisdiction, when) if alias[1].kind != "bare" else dept.key
            if other != dept.key:
                redirect.setdefault(other, dept.key)
            short = source[alias[1].start : alias[1].end]
            if short not in dept.alt_labels and short != dept.pref_label:
                dept.alt_labels.append(short)
        dept.mentions.append(Span(cand.start, end))
        mentions.append((Span(cand.start, end), dept.key))
        key_at[cand.start] = dept.key
    mentions = _merge_aliases(departments, mentions, redirect)
    ordered = sorted(mentions, key=lambda m: m[0].start)
    for (a, _), (b, _) in zip(ordered, ordered[1:]):
        for span in unnamed_members(source, a.end, b.start):  # 市税务局、市人行、市财政局: 市人行, unknown
            written = span.text(source)
            unknown.setdefault(written, BodyCandidate(written, [], _UNNAMED_REASON)).mentions.append(span)
    for span, name in references or []:
        key = resolve_name(name, jurisdiction, when)
        dept = _department_of(key, name, jurisdiction) if key else _unknown_body(name, "generic", jurisdiction)
        dept = departments.setdefault(dept.key, dept)
        dept.mentions = sorted([*dept.mentions, span], key=lambda m: m.start)
        mentions.append((span, dept.key))
    for dept in departments.values():
        if dept.category != "joint-body":
            continue
        first = dept.mentions[0]
        sent_start, _ = sentence_bounds(source, first.start)
        others = [m for m in mentions if m[1] != dept.key]
        if _CREATE_RE.search(source, sent_start, first.start):
            dept.created_by_document = True
            dept.members = _members(source, first, others)
            log.debug("joint body %s created with %d members", dept.pref_label, len(dept.members))
        if not dept.members:
            dept.members = _composed_of(source, dept.mentions, others)
    found = [d for d in departments.values() if not _only_allowed(source, d)]
    for dept in departments.values():
        if dept not in found:
            unknown.setdefault(dept.pref_label, BodyCandidate(dept.pref_label, list(dept.mentions), _ALLOWED_REASON))
    if units is not None:
        found, idle = _acting_only(source, units, found)
        for dept in idle:
            written = dept.mentions[0].text(source) if dept.mentions else dept.pref_label
            unknown.setdefault(written, BodyCandidate(written, list(dept.mentions), _IDLE_REASON))
    return Bodies(found, list(unknown.values()))


_BRACKET_ALIAS_KINDS = ("label", "generic", "organ", "listed")


def _bracketed_aliases(source: str, chosen: list[_Candidate]) -> tuple[list[_Candidate], dict[int, tuple[int, _Candidate]]]:
    """A body written with its other name in brackets right after it (省市场监管局（省知识产权局）, 市委组织部（市人才办）,
    市发展改革委（市能源局）: one office bearing two names): one body, named by the whole; ``chosen`` with each pair
    made one candidate, and for each its start → (where the first name ends, the bracketed name). A bracket closing an
    item (…建设区政务服务中心（区行政审批局）。) is an owner note, not an alias: the pair must open a clause or a list
    (after 、 ， ： 由 会同 …) or go on after the bracket (…牵头, …负责, 、…)."""
    ordered = sorted(chosen, key=lambda c: c.start)
    merged: list[_Candidate] = []
    found: dict[int, tuple[int, _Candidate]] = {}
    i = 0
    while i < len(ordered):
        a = ordered[i]
        b = ordered[i + 1] if i + 1 < len(ordered) else None
        if (b is not None and a.kind in _BRACKET_ALIAS_KINDS and b.kind in _BRACKET_ALIAS_KINDS
                and source[a.end : a.end + 1] in "（(" and b.start == a.end + 1 and source[b.end : b.end + 1] in "）)"):
            prev, after = source[a.start - 1 : a.start] if a.start else "", source[b.end + 1 : b.end + 2]
            opens = not re.match(f"[{_CJK}]", prev) or prev in "由和及与同对向在经请将按并、"
            if opens or (after and after not in "。\n；;"):
                whole = _Candidate(a.start, b.end + 1, a.kind, a.reason)
                merged.append(whole)
                found[a.start] = (a.end, b)
                i += 2
                continue
        bare = _BARE_ALIAS_RE.match(source, a.end) if a.kind in _BRACKET_ALIAS_KINDS else None
        if bare and not (b is not None and b.start < bare.end()):
            # 区发改局(粮储局)、农业农村局: the second name written without its level, no candidate of its own
            after = source[bare.end() : bare.end() + 1]
            if after and after not in "。\n；;":
                merged.append(_Candidate(a.start, bare.end(), a.kind, a.reason))
                found[a.start] = (a.end, _Candidate(bare.start("name"), bare.end("name"), "bare"))
                i += 1
                continue
        merged.append(a)
        i += 1
    return merged, found


_BARE_ALIAS_RE = re.compile(r"[（(](?P<name>(?![省市区县州])[\u4e00-\u9fff]{1,8}?(?:局|委|办|厅))[)）]")


def _alias_key(source: str, alias: _Candidate, jurisdiction: str, when: date | None) -> str:
    """The key the bracketed name would have as a body of its own."""
    name = source[alias.start : alias.end]
    full, kind = (alias.reason + name, "generic") if alias.kind == "listed" else (name, alias.kind)
    key = resolve_name(full, jurisdiction, when)
    return _department_of(key, full, jurisdiction).key if key else _unknown_body(full, kind, jurisdiction).key


def _merge_aliases(departments: dict[str, Department], mentions: list[tuple[Span, str]],
                   redirect: dict[str, str]) -> list[tuple[Span, str]]:
    """The bracketed name written alone elsewhere (省知识产权局) is the body it is the alias of: one body."""
    for other, key in redirect.items():
        while key in redirect and redirect[key] != other:
            key = redirect[key]
        if other not in departments or key not in departments or other == key:
            continue
        gone = departments.pop(other)
        dept = departments[key]
        dept.mentions = sorted([*dept.mentions, *gone.mentions], key=lambda m: m.start)
        for label in [gone.pref_label, *gone.alt_labels]:
            if label != dept.pref_label and label not in dept.alt_labels:
                dept.alt_labels.append(label)
    def final(k: str) -> str:
        seen = set()
        while k in redirect and k not in departments and k not in seen:
            seen.add(k)
            k = redirect[k]
        return k
    return [(span, final(k)) for span, k in mentions]


_HOST_REASON = "the body an office is set in (办公室设在…): the host, not an actor there"
_UNNAMED_REASON = "a short name no authority file knows, written among the bodies of a list"
_ALLOWED_REASON = ("a group the text lets others set up (可成立…), or a conference only held (定期召开…联席会议), named "
                   "nowhere as one that exists and acts")
_ALLOWED_RE = re.compile(r"可(?:以)?(?:成立|建立|设立|组建)(?:相应的)?$")


_HELD_RE = re.compile(r"(?:召开|举行|举办)(?:了)?$")


def _only_allowed(source: str, dept: Department) -> bool:
    """Whether a joint body is named only as one others may set up (…的地方，可成立清理整顿工作领导小组), or a
    conference only as a meeting someone holds (定期召开楼宇经济联席会议: an event of the body that convenes it)."""
    return dept.category == "joint-body" and bool(dept.mentions) and (
        all(_ALLOWED_RE.search(source, max(0, m.start - 8), m.start) for m in dept.mentions)
        or (dept.pref_label.endswith("联席会议")
            and all(_HELD_RE.search(source, max(0, m.start - 4), m.start) for m in dept.mentions)))


_IDLE_REASON = "a body the text names but does not make act"
# Every kind of body but a joint body the text itself sets up (a group whose make-up a notice fixes is one with no duty
# of its own): a ministry named as the author of a request answered, a bureau in a past event, a department a reply
# only mentions are named, not made to act, as every gold set reads them.
_CONDITIONAL = ("collective", "designation", "government", "department", "other", "branch", "military", "party",
                "congress", "court", "procuratorate", "supervisory")


def _acting_only(source: str, units: list[Unit], departments: list[Department]) -> tuple[list[Department], list[Department]]:
    """(bodies, idle): a collective (各级政府及其部门, 国务院有关部门) or a body named by its role or sector
    (审核机构, 市场监管部门) is a body only where the text makes it act, with a responsibility of its own (各级政府及其
    部门要明确…: the implementer); named where it is only told, narrated or addressed (各级政府相继建立了网站, 报
    国务院有关部门), it is no body. So is a government (国务院, 市政府): most often named as the authority behind
    the text (按照党中央、国务院决策部署, 经国务院同意, 报市政府), it is a body where it acts (国务院将…组织督查).
    So is a body with a name of its own (教育部, 上海市商务委) named only as the author of a request answered or in a
    past event; those are reported as candidates (``departments --candidates``). A joint body the text sets up stays."""
    # …and a group's office (联席会议办公室设在市房管局): a body where it is given work, not where it is only housed
    conditional = [d for d in departments if d.category in _CONDITIONAL
                   or (d.category == "joint-body" and d.pref_label.endswith("办公室"))]
    if not conditional:
        return departments, []
    acting = {r.agent for r in assign_responsibilities(source, units, departments)}
    idle = [d for d in conditional if d.key not in acting]
    return [d for d in departments if d not in idle], idle
