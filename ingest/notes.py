"""The lists of bodies a responsibility is written in, and the owner notes that hold them.

A list is a run of names separated by 、 ， 和 … (``_groups``) with the verb that closes it (牵头, 配合, 负责 …:
``_marks``); an owner note is a bracket (``（责任单位：A、B）``, ``（A牵头，B参与）``) or a labelled line (``牵头单位：X``)
holding such lists (``_notes``, ``_read_note``). The document's standing rules for plain lists (列第一位者为牵头单位,
均为牵头单位: ``_conventions``) and the unit a note belongs to (``_note_units``) are read here too. Shared by the
sentence reader (``ingest.duties``) and the assembly (``ingest.responsibility``); see that module for the reading rules.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .levels import _PROVINCES
from .model import Role, Span, Unit

Mention = tuple[Span, str]  # (where, Department.key)

_LEAD, _HELP, _PLAIN, _CONVENE, _SUPERVISE = "lead", "participant", "plain", "convener", "supervisor"
_IMPLEMENT = "implementer"  # （A牵头，各区政府落实）: the collective that carries the work out where it is
_ROLE_OF_MARK = {_LEAD: Role.LEAD, _HELP: Role.PARTICIPANT, _CONVENE: Role.CONVENER, _SUPERVISE: Role.SUPERVISOR}

_SENTENCE_RE = re.compile(r"[^。！？!?\r\n]+[。！？!?]?")
_OPEN = "（(〔[【［"
# (a list broken after its 、 runs on to the next line: （配合单位：市财政局、⏎市人社局）, as web copies wrap it)
_BRACKET_RE = re.compile(
    r"[（(〔\[【［](?P<c>(?:[^（）()〔〕\[\]【】［］\r\n]|(?<=[、，,])[ \t\u3000]*\r?\n|[（(][^（）()\r\n]{1,40}[）)]){1,300})"
    r"[）)〕\]】］]")
# 上海市房屋管理局（以下简称市房管局，下同）: a name's short form, never a statement of its own.
_SHORT_NAME_RE = re.compile(r"[（(](?:以下|下)?简称[^（）()\r\n]{0,40}[）)]")
_ROLE_LABEL_RE = re.compile(
    # 牵头责任单位： / 协同责任单位： (a role word before 责任): the role word carries the role and opens the evidence
    r"(?P<k>牵头|主责|主办|责任|负责|配合|参与|参加|协办|协同|实施|落实|承办|督办|督查|监督|成员)(?:责任)?(?:单位|部门|主体|处室|机构)\s*[：:]")
_ANY_LABEL_RE = re.compile(r"[\u4e00-\u9fff]{2,6}\s*[：:]")
_LABEL_MARK = {"牵头": _LEAD, "主责": _LEAD, "主办": _LEAD, "配合": _HELP, "参与": _HELP, "参加": _HELP, "协办": _HELP,
               "协同": _HELP, "督办": _SUPERVISE, "督查": _SUPERVISE, "监督": _SUPERVISE, "成员": _HELP}
_MARKER_RE = re.compile(r"牵头|负责|配合|参与|参加|会同|协助|协办|召集|(?:落实|督办|督查|支持)(?=\s*$)")  # …；各区落实）
_FIRST_LEADS_RE = re.compile(
    r"(?:列|排|排列|排名|排在|位列)(?:在)?(?:第一|首)位?(?:的|者)?(?:部门|单位)?为牵头|第一(?:个|位)?(?:部门|单位)为牵头"
    r"|首位(?:的)?(?:部门|单位)?为牵头")
_ALL_LEAD_RE = re.compile(r"(?:均|都)为(?:牵头|责任)(?:单位|部门)|共同牵头|排名不分先后|排序不分先后")
_SAME_BELOW_RE = re.compile(r"下同")
# A note's own time limit: 完成时限：2024年底前 / …，2024年6月底前完成
_NOTE_DUE_RE = re.compile(r"(?:完成时限|完成时间|时间节点|时限|完成期限)\s*[：:]\s*(?P<d>[^；;，,）)\]〕】\r\n]+)"
                          r"|(?P<e>(?:19|20)\d{2}年[0-9０-９月日底末上下半年第一二三四季度]*前?完成|长期坚持|持续推进)")

# Between the names of one list: separators, and a per-name 牵头 marker (市商务委（牵头）、市经信委).
_SEP_RE = re.compile(r"(?:[\s、，,/和及与]|以及|或(?:者)?|[（(](?:牵头|主责)[）)]|[（(](?:以下|下)?简称[^（）()]{0,40}[）)])*")
_OWN_LEAD_RE = re.compile(r"\s*[（(](?:牵头|主责)[）)]")
# After a list and before its verb: 等部门, then adverbs (要, 予以, 按职责分工 …).
# (、各有关部门: the addressees written after a named collective, 地方各级政府、各有关部门要…, are no body of their own)
_GAP = (r"(?:[（(](?:以下|下)?简称[^（）()]{0,40}[）)])?\s*(?:等各?(?:有关|相关)?(?:地区|地方|省份|省市)(?=[\s，,])|等(?:有关|相关|其他)?(?:部门和单位|部门和区|部门|单位|机构|方面)?(?:和个人)?|[和及](?:其他|其它)?(?:有关|相关)?(?:部门和单位|部门|单位)"
        r"|、各(?:有关|相关)?(?:部门和单位|部门|单位))?"
        r"(?:[\s，,]*(?:要|应当|应|须|需|可|将(?!其)|积极|予以|做好|具体|主要|分别|共同|统一|按照职责分工|按职责分工"
        r"|按职责|按照职责|依职责|各自|切实|在(?:各自)?职责范围内"
        r"|(?:按照|按|依照|依据|根据)(?:各自|本部门)的?职责(?:分工)?))*\s*")
_POSTFIX: tuple[tuple[re.Pattern[str], str], ...] = (
    # 牵头的联席会议 / 牵头的 is an attribute of a noun (建立市场监管部门牵头的联席会议制度), no statement
    (re.compile(_GAP + r"(?:(?:作为|为)(?:牵头|主责)(?:单位|部门)|发挥牵头(?:抓总)?作用|牵头(?!的)|主责(?!的)"
                r"|(?:对[^，,。；;]{1,40}?)?负总责)"), _LEAD),  # X对…负总责: X answers for the whole work
    # …、小店公安分局等单位主要负责同志为成员: the bodies whose heads sit in the group are its members
    (re.compile(_GAP + r"(?:(?:的)?(?:主要|分管)?(?:负责同志|负责人|领导同志|领导)(?:作|为|作为)成员(?!单位[^，,。；;]{0,4}(?:包括|为|有))"
                r"|(?:作为|为)(?:配合|参与|协办|成员)(?:单位|部门)?|支持配合|配合|参与|参加|协助|协办"
                r"|(?:选派|派出|派)(?:人员|代表|专人)?参加"
                r"|支持(?=\s*(?:[）)〕\]】；;。]|$)))"), _HELP),  # 由X选派人员参加: X takes part; （…，B、C支持）
    # （A负责，B督办） / …，X督查）: closing a note, the body that follows the work up
    (re.compile(_GAP + r"(?:督办|督查)(?=\s*(?:[）)〕\]】；;。]|$))"), _SUPERVISE),
    # …负责落实） / …落实） closing a note or clause: a collective carries it out (a named body is read as 负责)
    # (…抓好落实）, …参照执行）, …贯彻执行）: the same, said with how it is carried out)
    # (not 请批转…人民政府执行, the addressees a forwarded text is sent to)
    (re.compile(_GAP + r"(?:(?:负责)?(?:具体|组织|抓好|抓紧|认真|贯彻|结合实际)?(?:落实|实施)|(?:参照|遵照|贯彻)执行)"
                r"(?=\s*(?:[）)〕\]】；;。]|$))"), _IMPLEMENT),
    # 市工商局是户外广告的监督管理机关，负责…: the body a regulation names as the authority, then its duty
    (re.compile(_GAP + r"(?:是[^，,。；;]{1,30}?(?:主管)?(?:机关|部门|机构)[，,]\s*)?负责(?!人(?![才口力事民])|同志)"), _PLAIN),  # X负责人: a post
    (re.compile(r"\s*(?:主要|分管)?(?:领导|负责同志)?召集"), _CONVENE),
)
# 由A、B组成…小组: its members (not 由A、B等单位专家组成…: the experts are, their bodies only send them: _EXPERTS_RE)
_EXPERTS = r"(?:[、和及][^、，,。；;]{2,24}?)*?(?:等|的)?(?:单位|机构|部门)?(?:的)?专家"
_COMPOSE_AFTER_RE = re.compile(rf"(?!{_EXPERTS})(?:等[\u4e00-\u9fff\d]{{0,12}}?)?(?:共同)?组成(?!人员|部分|成员)")
_EXPERTS_RE = re.compile(_EXPERTS)  # …、A大学、B局等单位专家: the rest of the list, then the experts
_MEMBERS_BEFORE_RE = re.compile(r"成员(?:单位)?(?:包括|为|有|由)\s*$")
_WITH_RE = re.compile(r"[\s，,]*" + _GAP + r"(?:会同|联合|商(?=国务院|国家|有关|相关|各|省|市|区|县))\s*")  # X商Y制定
# 各级卫生健康部门 (a sector's departments at every level) is a body named by its work, not a collective.
_COLLECTIVE_RE = re.compile(r"^(?:国务院各|国务院有关|国家(?:各)?有关|国务院部门|各?试点(?:城市|地区|省份)$|各(?!(?:省级|级)(?!人民政府|政府)[\u4e00-\u9fff]{2,10}(?:部门|机关|机构)$)|相关|有关|区级|县级|(?:市|省)级(?=各|有关|相关)"
                            r"|乡镇|街镇|全市各|本市各|全省各|(?:市|区|县|省)直(?:各|有关|相关)|地方各级|地方(?:人民)?政府$|(?:大)?军区$|.*的(?:各|有关|相关)*省(?:（[^）]*）|、[^的]*)(?:人民政府|政府)$|县级以上|当地政府|省级人民政府"
                            r"|省、自治区、直辖市人民政府$|.*所在地(?:的?(?:人民政府|政府))?$|(?:位于|地处).*的(?:大中城市|城市|县市|地区)$"
                            # 街道办事处 with no street named, 市和区、县（市）人民政府, 市场监管、公安等部门: a class, each acts
                            r"|街道办事处$|(?:市|省)和(?:区|县|市)|.+等(?:有关|相关)?部门$)|层面")
_BLANK_RE = re.compile(r"[\s。；;，,]*")


@dataclass(frozen=True, slots=True)
class _Statement:
    """One thing the text says of one body: its role, the unit and the evidence span."""

    agent: str
    role: Role
    unit: str
    span: Span
    by_convention: bool = False  # a lead only because it is named first in a plain list
    listed: tuple[str, ...] = ()  # the names of that list, as written (for the explanation)
    due_text: str = ""


@dataclass(frozen=True, slots=True)
class _Note:
    """A responsibility note: its evidence span (brackets included) and the part holding the bodies."""

    span: Span
    content: Span


@dataclass(frozen=True, slots=True)
class _Conventions:
    """Standing rules the document states, each holding from a position on."""

    first_leads_from: int | None
    all_lead_from: int | None

    def first_leads(self, pos: int) -> bool:
        return self.first_leads_from is not None and pos >= self.first_leads_from

    def all_lead(self, pos: int) -> bool:
        return self.all_lead_from is not None and pos >= self.all_lead_from


def unit_sentences(unit: Unit) -> Iterator[Span]:
    """Spans of the sentences of a unit's own text (split at 。！？ and line ends)."""
    for m in _SENTENCE_RE.finditer(unit.text):
        if m.group().strip():
            yield Span(unit.span.start + m.start(), unit.span.start + m.end())


def _inside(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """The mentions within ``[start, end)``; ``mentions`` is sorted by start."""
    found: list[Mention] = []
    for m in mentions[bisect.bisect_left(mentions, start, key=lambda m: m[0].start) :]:
        if m[0].start >= end:
            break
        if m[0].end <= end:
            found.append(m)
    return found


def _outside(mentions: list[Mention], spans: list[Span]) -> list[Mention]:
    return [m for m in mentions if not any(s.start <= m[0].start < s.end for s in spans)]


# Between two names of one list, names the finder does not know written with the same level (市税务局、市人行、
# 市财政局: 市人行 is no body it knows, but the list goes on): short, opened by a level, with no word of a clause.
_UNNAMED_MEMBERS_RE = re.compile(r"(?:、(?P<name>[省市区县][\u4e00-\u9fff]{1,5}))+、")
_NOT_A_NAME_RE = re.compile(r"负责|牵头|会同|配合|参与|参加|要|应|可|将|等|和|及|与|的|为|对|在|由")


def unnamed_members(source: str, start: int, end: int) -> list[Span]:
    """The spans of the unknown names written between two names of one list at ``[start, end)``, or [] when
    that gap is no run of such names."""
    m = _UNNAMED_MEMBERS_RE.fullmatch(source, start, end)
    if not m:
        return []
    names = [s for s in source[start + 1 : end - 1].split("、")]
    if any(_NOT_A_NAME_RE.search(n) or not re.fullmatch(r"[省市区县][\u4e00-\u9fff]{1,5}", n) for n in names):
        return []
    spans, pos = [], start + 1
    for n in names:
        spans.append(Span(pos, pos + len(n)))
        pos += len(n) + 1
    return spans


def _groups(source: str, mentions: list[Mention]) -> list[list[Mention]]:
    """Runs of names separated only by 、 ， 和 … (one list each); a short name the finder does not know
    between two of them (市税务局、市人行、市财政局) does not end the list."""
    groups: list[list[Mention]] = []
    for m in mentions:
        repeated = m[1] == groups[-1][-1][1] if groups else False  # 报告税务机关，税务机关应当…: two clauses
        if groups and not repeated and (_SEP_RE.fullmatch(source, groups[-1][-1][0].end, m[0].start)
                                        or unnamed_members(source, groups[-1][-1][0].end, m[0].start)):
            groups[-1].append(m)
        else:
            groups.append([m])
    return groups


def _marks(source: str, mentions: list[Mention], end: int) -> list[tuple[list[Mention], str | None, int]]:
    """Each list of names with the verb that follows it (牵头, 配合, 负责 …, or None) and where that verb ends.

    A list right after 会同 participates whatever verb closes it; the list before 会同 leads."""
    found: list[tuple[list[Mention], str | None, int]] = []
    after_with = -1
    previous_end = 0
    for group in _groups(source, mentions):
        tail = group[-1][0].end
        members = _MEMBERS_BEFORE_RE.search(source, max(previous_end, group[0][0].start - 12), group[0][0].start)
        previous_end = tail
        mark, stop = None, tail
        for pattern, role in _POSTFIX:
            m = pattern.match(source, tail, end)
            if m:
                mark, stop = role, m.end()
                break
        members = members or _COMPOSE_AFTER_RE.match(source, tail, end)  # 由A、B、C组成…小组: its members
        # …，并会同Y进行联合审核: a list written right after 会同 takes part, whoever leads the clause
        # (已会同Y…: what was done, as the lead before it is no duty either)
        joined = re.search(r"(?<!已)(?<!已经)(?:会同|协同)\s*$", source[max(0, group[0][0].start - 5) : group[0][0].start]) and not all(
            _is_collective(source, m) for m in group)  # 会同各有关部门: the addressees, no participant
        if members or joined or (after_with != -1 and re.fullmatch(r"\s*", source[after_with : group[0][0].start])):
            mark = _HELP  # 会同Y、Z / 成员单位包括Y、Z
        after_with = -1
        with_ = _WITH_RE.match(source, stop, end)
        if with_:  # X会同Y: X leads; A、B会同Y: 会同 parts the leads from the helpers, so A and B both lead
            mark = mark if mark in (_LEAD, _HELP) else _LEAD
            after_with = with_.end()
        found.append((group, mark, stop))
    return found


def _unique(group: list[Mention]) -> list[Mention]:
    """The list's mentions, each body once (its first mention)."""
    return list({key: (span, key) for span, key in reversed(group)}.values())[::-1]


def _is_collective(source: str, mention: Mention) -> bool:
    text = mention[0].text(source)
    # 北京市、天津市等各地区，要…: provinces listed as some of the places told to act are each one of them
    return bool(_COLLECTIVE_RE.search(text)) or (text in _PROVINCE_SET and bool(_PROVINCES_TAIL_RE.match(source, mention[0].end)))


_PROVINCE_SET = frozenset(p for p in _PROVINCES if not p.endswith("特别行政区"))
_PROVINCES_TAIL_RE = re.compile(rf"(?:、(?:{'|'.join(_PROVINCE_SET)}))*等各?(?:有关|相关)?(?:地区|地方|省份|省市)")


def _each_leads(source: str, group: list[Mention]) -> bool:
    from .acts import each_leads  # ingest.acts reads with this module's helpers

    return each_leads(source, group)


# 各县级市（区）工信部门负责本地区项目的组织申报、初审: a collective answering for a named work in its own area leads
# it there (not …负责本辖区相关任务落实: carrying out what others lead, the implementer)
_OWN_AREA_RE = re.compile(r"\s*负责(?:本地区|本辖区|辖区内|本区域|本行政区域)(?![^，,。；;]*?(?:落实|实施)(?:工作)?(?:[，,。；;]|$))")


# In a sentence, a collective told that it must help (各镇（街道）要配合做好现场核查) is to act: the implementer, as every
# collective a sentence tells to act is; in an owner note (…，各市（州）人民政府配合）) it is listed as a participant.
_TOLD_TO_HELP_RE = re.compile(r"\s*(?:都|均|也)?(?:要|应当|应|须|必须)(?:积极|主动|全力)?(?:配合|协助)")


def _plain(source: str, group: list[Mention], has_lead: bool, conv: _Conventions, pos: int,
           in_sentence: bool = False, listed: int = 0) -> Iterator[tuple[Mention, Role, bool]]:
    """A list with no 牵头 word: (mention, role, by_convention). The first named body leads (by convention
    unless the document states it) unless the context names a lead; the others participate. In a sentence a
    collective (各区政府负责…) is the implementer; in a note it is listed like any other body."""
    keys: list[str] = []
    for idx, mention in enumerate(group):
        if mention[1] in keys:
            continue
        keys.append(mention[1])
        if _OWN_LEAD_RE.match(source, mention[0].end):
            yield mention, Role.LEAD, False
        elif in_sentence and _is_collective(source, mention) and not (
                len(group) == 1 and _OWN_AREA_RE.match(source, mention[0].end)):
            yield mention, Role.IMPLEMENTER, False
        elif conv.all_lead(pos) or _each_leads(source, group):  # 由A或B讨论决定, A、B共同负责: each leads
            yield mention, Role.LEAD, False
        elif has_lead or idx > 0:
            yield mention, Role.PARTICIPANT, False
        else:
            yield mention, Role.LEAD, max(listed, len({k for _, k in group})) > 1 and not conv.first_leads(pos)


def _resolve(source: str, marked: list[tuple[list[Mention], str | None, int]], default: str | None,
             conv: _Conventions, pos: int, has_lead: bool,
             in_sentence: bool = False, listed: int = 0) -> Iterator[tuple[Mention, Role, bool]]:
    """Roles of marked lists; a list with no verb takes ``default`` (None: it states nothing)."""
    for group, mark, stop in marked:
        mark = mark or default
        if mark is None:
            continue
        if mark == _PLAIN and len(_unique(group)) > 1 and "分别" in source[group[-1][0].end : stop]:
            # A、B在职责范围内，分别负责…: each is in charge of its own part, so each leads
            yield from ((m, Role.IMPLEMENTER if in_sentence and _is_collective(source, m) else Role.LEAD, False)
                        for m in _unique(group))
            continue
        if mark == _IMPLEMENT:
            collective = [m for m in _unique(group) if _is_collective(source, m)]
            yield from ((m, Role.IMPLEMENTER, False) for m in collective)
            group, mark = [m for m in group if m not in collective], _PLAIN
            if not group:
                continue
        if mark == _PLAIN:
            yield from _plain(source, group, has_lead, conv, pos, in_sentence, listed)
            continue
        told = in_sentence and mark == _HELP and _TOLD_TO_HELP_RE.match(source, group[-1][0].end)
        for mention in _unique(group):
            if told and _is_collective(source, mention):
                yield mention, Role.IMPLEMENTER, False  # 各镇（街道）要配合做好…: a collective told to act implements
                continue
            own = _LEAD if _OWN_LEAD_RE.match(source, mention[0].end) else mark
            yield mention, _ROLE_OF_MARK[own], False


def _segments(source: str, content: Span) -> Iterator[tuple[Span, str | None]]:
    """The parts of a note: (span, default mark) per label (牵头单位： → lead); unknown labels
    (适用范围：, 完成时限：) are skipped; text before any label is a plain list."""
    labels = list(_ANY_LABEL_RE.finditer(source, content.start, content.end))
    if not labels or labels[0].start() > content.start:
        yield Span(content.start, labels[0].start() if labels else content.end), _PLAIN
    for i, label in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else content.end
        role = _ROLE_LABEL_RE.search(label.group())
        if role:
            yield Span(label.end(), end), _LABEL_MARK.get(role.group("k"), _PLAIN)


def _read_note(source: str, note: _Note, mentions: list[Mention], conv: _Conventions,
               default: str | None = None) -> list[tuple[Mention, Role, bool]]:
    """What one note (or one table cell) says: (mention, role, by_convention)."""
    parts = [(_marks(source, _inside(mentions, seg.start, seg.end), seg.end), default or mark)
             for seg, mark in _segments(source, note.content)]
    has_lead = any((mark or default) == _LEAD for groups, default in parts for _, mark, _ in groups)
    has_lead = has_lead or any(_OWN_LEAD_RE.match(source, s.end)
                               for s, _ in _inside(mentions, note.content.start, note.content.end))
    listed = len({key for groups, _ in parts for group, _, _ in groups for _, key in group})
    found: list[tuple[Mention, Role, bool]] = []
    marks = [mark or default for groups, default in parts for _, mark, _ in groups]
    for groups, part_default in parts:
        for item in groups:  # one by one: after the first-named body leads, later lists participate
            # （A负责，B、C配合） / （责任单位：A；配合单位：B、C）: one body answers, every other list helps; A's
            # lead is stated
            alone = ((item[1] or part_default) == _PLAIN and len(_unique(item[0])) == 1 and len(marks) > 1
                     and sum(m in (_HELP, _SUPERVISE, _IMPLEMENT) for m in marks) == len(marks) - 1)
            read = list(_resolve(source, [item], part_default, conv, note.span.start, has_lead,
                                 listed=1 if alone else listed))
            has_lead = has_lead or any(role is Role.LEAD for _, role, _ in read)
            found += read
    return found


def _is_note(source: str, content: Span, mentions: list[Mention]) -> bool:
    """A bracket holds a responsibility note: a role label, a role verb with a body, or bodies only."""
    text = content.text(source)
    inside = _inside(mentions, content.start, content.end)
    if _ROLE_LABEL_RE.search(text):
        return True
    if not inside:
        return False
    if any(span.end == content.start - 1 for span, _ in mentions):
        return bool(_MARKER_RE.search(text))  # 上海市经济和信息化委员会（市经信委）: a short name, not a note
    if _MARKER_RE.search(text) and "。" not in text:
        return True
    rest = list(text)
    for span, _ in inside:
        rest[span.start - content.start : span.end - content.start] = [""] * (span.end - span.start)
    rest_text = _FIRST_LEADS_RE.sub("", "".join(rest))
    # （市文旅局、市体育局；2025年6月底前）: the bodies, then the time the work is due
    rest_text = re.sub(r"[；;，,]\s*(?:(?:19|20)\d{2}年[0-9０-９月日底末上下半年第一二三四季度]*前?(?:完成)?|长期坚持|持续推进)\s*$",
                       "", rest_text)
    bodies_only = not re.sub(r"[\s、，,；;和及与]|等(?:有关|相关)?(?:部门和单位|部门|单位)?|下同|[（(](?:牵头|主责)[）)]"
                             r"|者|为牵头(?:单位|部门)", "", rest_text)
    # bodies only, and closing a clause or standing after one: (市公安局、市交通委) inside a sentence is an example
    after = source[content.end + 1 : content.end + 2]
    before = source[max(0, content.start - 2) : content.start - 1]
    return bodies_only and (not after or after in "。；;，,\r\n" or before in ("。", "；", ";", "\n", ""))


def _notes(source: str, mentions: list[Mention], excluded: list[Span]) -> list[_Note]:
    """Every responsibility note outside ``excluded`` (task tables), in order."""
    def free(a: int) -> bool:
        return not any(s.start <= a < s.end for s in excluded)

    notes: list[_Note] = []
    brackets: list[Span] = []
    for m in _BRACKET_RE.finditer(source):
        brackets.append(Span(m.start(), m.end()))
        content = Span(m.start("c"), m.end("c"))
        if free(m.start()) and _is_note(source, content, mentions):
            notes.append(_Note(Span(m.start(), m.end()), content))
    labelled: list[Span] = []
    for m in _ROLE_LABEL_RE.finditer(source):
        if not free(m.start()) or any(b.start <= m.start() < b.end for b in brackets):
            continue
        if labelled and labelled[-1].start <= m.start() < labelled[-1].end:
            continue  # a second label of the same line (牵头单位：X；配合单位：Y) is read with the first
        line_end = source.find("\n", m.end())
        line_end = len(source) if line_end == -1 else line_end
        while line_end < len(source) and source[m.end():line_end].rstrip(" \t\r\u3000").endswith("、"):
            nxt = source.find("\n", line_end + 1)  # 配合单位：市数据局、⏎各区县政府: the list goes on below
            line_end = len(source) if nxt == -1 else nxt
        stop = source.find("。", m.end(), line_end)
        end = stop if stop != -1 else line_end
        while end > m.start() and source[end - 1] in " \t\r\u3000；;，,":
            end -= 1
        if labelled and _on_own_line(source, Span(m.start(), end)) and not source[labelled[-1].end : m.start()].strip():
            labelled[-1] = Span(labelled[-1].start, end)  # 牵头单位：X / 责任单位：Y on consecutive lines: one note
        else:
            labelled.append(Span(m.start(), end))
    notes += [_Note(span, span) for span in labelled]
    notes.sort(key=lambda n: n.span.start)
    return notes


def _conventions(source: str, notes: list[_Note]) -> _Conventions:
    """Where the document states that the first-named body leads, or that all listed bodies lead."""
    brackets = [Span(m.start(), m.end()) for m in _BRACKET_RE.finditer(source)]

    def start_of(pos: int) -> int:
        if any(b.start <= pos < b.end for b in brackets) or any(n.span.start <= pos < n.span.end for n in notes):
            return source.rfind("\n", 0, pos) + 1  # stated in a note: from that note's line on
        return 0  # stated for the whole document (各项任务中排在第一位的部门为牵头部门)

    first = [start_of(m.start()) for m in _FIRST_LEADS_RE.finditer(source)]
    short_names = [Span(m.start(), m.end()) for m in _SHORT_NAME_RE.finditer(source)]
    for m in _SAME_BELOW_RE.finditer(source):
        opened = max(source.rfind("（", 0, m.start()), source.rfind("(", 0, m.start()))
        if any(s.start <= m.start() < s.end for s in short_names) or re.search(r"简称|含|包括", source[opened:m.start()]):
            continue  # （以下简称市房管局，下同）, 各区政府（含…，下同）: a name's scope, not a reading rule
        note = next((n for n in notes if n.span.start <= m.start() < n.span.end), None)
        if note is not None and re.search(r"[。！？]", source[note.content.start : m.start()]):
            continue  # （A、B按职责分工负责。具体任务均涉及各市，不再分工，下同）: 下同 closes a sentence of its own
        before = source[max(0, m.start() - 3) : m.start()]
        after_note = next((n for n in notes if 0 <= m.start() - n.span.end <= 2), None)
        if note is not None or (after_note is not None and before[-1:] in _OPEN):
            first.append((note or after_note).span.start)
    every = [start_of(m.start()) for m in _ALL_LEAD_RE.finditer(source)]
    return _Conventions(min(first) if first else None, min(every) if every else None)


def _unit_at(units: list[Unit], pos: int) -> Unit | None:
    for unit in units:
        if unit.span.start <= pos < unit.span.end:
            return unit
    return None


def _on_own_line(source: str, span: Span) -> bool:
    line_start = source.rfind("\n", 0, span.start) + 1
    return not source[line_start : span.start].strip()


def _note_units(source: str, units: list[Unit], notes: list[_Note],
                owned: set[str] | frozenset[str] = frozenset()) -> dict[_Note, Unit]:
    """The unit each note belongs to: the unit holding it, or the section when the note sits on its own
    line(s) after the section's last item and the section's other items carry no note (nor, ``owned``, owners
    their own sentences name)."""
    by_path = {u.path: u for u in units}
    holder = {n: u for n in notes if (u := _unit_at(units, n.span.start)) is not None}
    noted = {u.path for u in holder.values()}
    result: dict[_Note, Unit] = {}
    for note, unit in holder.items():
        result[note] = unit
        parent = by_path.get(unit.parent) if unit.parent else None
        if parent is None or parent.children[-1] != unit.path or len(parent.children) < 2:
            continue
        if any(p in noted or p in owned for p in parent.children[:-1]) or parent.path in noted:
            continue
        if not _on_own_line(source, note.span):
            continue
        later = sorted((n.span for n, u in holder.items() if u is unit and n.span.start >= note.span.start),
                       key=lambda s: s.start)
        gaps = [Span(a.end, b.start) for a, b in itertools.pairwise(later)] + [Span(later[-1].end, unit.span.end)]
        if all(_BLANK_RE.fullmatch(source, g.start, g.end) and _on_own_line(source, s)
               for g, s in zip(gaps, later)):
            result[note] = parent
    return result


def _trimmed(source: str, span: Span) -> Span:
    text = span.text(source)
    lead = len(text) - len(text.lstrip())
    return Span(span.start + lead, span.start + len(text.rstrip()))
