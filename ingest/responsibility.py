"""Who is responsible for each unit, read from the notations of Chinese official documents.

Where it is written:
- annotations in brackets （） () 〔〕 [] 【】, at the end of an item, of a heading or on a line of their own:
  ``（责任单位：A、B）``, ``（牵头单位：X；配合单位：Y）``, ``（负责部门：A；适用范围：…）`` (a scope, not a
  body), ``（A、B等负责）``, ``（A牵头，B参与）``, ``[X牵头,会同Y、Z负责]``, ``（A、B按职责分工负责）``,
  ``（市经信委、市财政局）``, ``市商务委（牵头）``;
- labelled lists without brackets, inline or on lines of their own (``牵头单位：X`` / ``责任单位：Y、Z``);
- sentences: ``X负责…``, ``由X会同Y、Z…``, ``X牵头…``, ``Y予以配合``, ``各区政府可…`` / ``鼓励各区…``,
  ``由X召集，Y、Z参加的…``, ``X每年组织…评估，…开展督查`` (evaluator, supervisor);
- task tables (see ``ingest.tasktable``): one statement per row, with its 完成时限.

Reading rules: 牵头 → lead; 会同 (the bodies after it) / 配合 / 参与 / 参加 → participant; 召集 → convener;
负责 + 协调/统筹推进 → coordinator, + 评估 → evaluator, + 督查 → supervisor (also X会同Y对…开展评估); in a
sentence a collective (各区政府, 各有关部门, 区级层面) that is to act is the implementer, in a note it is listed
like any other body; a joint body the document sets up in a sentence saying it coordinates (…联席会议，统筹
协调…) is the coordinator of that unit, and of no other. 等 / 等部门 end a list; 、 ， , 和 separate names
(a name containing 和 is one mention of the department finder). A plain list (责任单位：A、B、C, A、B负责)
has no 牵头 word: the others named are participants, and the first-named body leads by the usual convention.
That lead is explicit when the document states the convention (列第一位者为牵头单位, 排在第一位的部门为牵头
部门, 下同 on a responsibility note), from that statement on; otherwise it is inferred, rule
``first-listed-body-leads``, with the list as evidence. 均为牵头单位 / 共同牵头 / 排名不分先后 make every
listed body a lead. A note on a line of its own after the last item of a section whose other items carry none
applies to the section. Every statement is kept with its own evidence span; only identical (body, unit,
role, span) facts are merged.

Inference is limited to two rules. ``enclosing-unit-lead-leads-its-parts``: a unit with no lead of its own takes
the lead the text names for the nearest unit enclosing it. ``document-lead-leads-unowned-work``: a task, measure,
item or safeguard that still has no lead takes the body the text names as leading the whole text's implementation
(本措施由区民政局牵头组织实施; not 本办法由市财政局负责解释, which says who interprets it). Where the text names no
owner, nothing is recorded.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .model import Basis, Department, Responsibility, Role, Span, Unit, UnitKind
from .selfref import leads_the_text
from .tasktable import Column, TaskRow, find_task_tables, parse_due, unit_of_row

__all__ = [
    "FIRST_LISTED_RULE",
    "ENCLOSING_RULE",
    "DOCUMENT_LEAD_RULE",
    "assign_responsibilities",
    "explicit_responsibilities",
    "infer_responsibilities",
    "stated_responsibilities",
    "unit_sentences",
]

log = logging.getLogger(__name__)

FIRST_LISTED_RULE = "first-listed-body-leads"
ENCLOSING_RULE = "enclosing-unit-lead-leads-its-parts"
DOCUMENT_LEAD_RULE = "document-lead-leads-unowned-work"

Mention = tuple[Span, str]  # (where, Department.key)

_LEAD, _HELP, _PLAIN, _CONVENE, _SUPERVISE = "lead", "participant", "plain", "convener", "supervisor"
_ROLE_OF_MARK = {_LEAD: Role.LEAD, _HELP: Role.PARTICIPANT, _CONVENE: Role.CONVENER, _SUPERVISE: Role.SUPERVISOR}

_SENTENCE_RE = re.compile(r"[^。！？!?\r\n]+[。！？!?]?")
_OPEN = "（(〔[【［"
_BRACKET_RE = re.compile(
    r"[（(〔\[【［](?P<c>(?:[^（）()〔〕\[\]【】［］\r\n]|[（(][^（）()\r\n]{1,40}[）)]){1,300})[）)〕\]】］]")
# 上海市房屋管理局（以下简称市房管局，下同）: a name's short form, never a statement of its own.
_SHORT_NAME_RE = re.compile(r"[（(](?:以下)?简称[^（）()\r\n]{0,40}[）)]")
_ROLE_LABEL_RE = re.compile(
    r"(?P<k>牵头|主责|主办|责任|负责|配合|参与|参加|协办|协同|实施|落实|承办|督办|督查|监督|成员)(?:单位|部门|主体|处室|机构)\s*[：:]")
_ANY_LABEL_RE = re.compile(r"[\u4e00-\u9fff]{2,6}\s*[：:]")
_LABEL_MARK = {"牵头": _LEAD, "主责": _LEAD, "主办": _LEAD, "配合": _HELP, "参与": _HELP, "参加": _HELP, "协办": _HELP,
               "协同": _HELP, "督办": _SUPERVISE, "督查": _SUPERVISE, "监督": _SUPERVISE, "成员": _HELP}
_MARKER_RE = re.compile(r"牵头|负责|配合|参与|参加|会同|协助|协办|召集")
_FIRST_LEADS_RE = re.compile(
    r"(?:列|排|排列|排名|排在|位列)(?:在)?(?:第一|首)位?(?:的|者)?(?:部门|单位)?为牵头|第一(?:个|位)?(?:部门|单位)为牵头"
    r"|首位(?:的)?(?:部门|单位)?为牵头")
_ALL_LEAD_RE = re.compile(r"(?:均|都)为(?:牵头|责任)(?:单位|部门)|共同牵头|排名不分先后|排序不分先后")
_SAME_BELOW_RE = re.compile(r"下同")
# A note's own time limit: 完成时限：2024年底前 / …，2024年6月底前完成
_NOTE_DUE_RE = re.compile(r"(?:完成时限|完成时间|时间节点|时限|完成期限)\s*[：:]\s*(?P<d>[^；;，,）)\]〕】\r\n]+)"
                          r"|(?P<e>(?:19|20)\d{2}年[0-9０-９月日底末上下半年第一二三四季度]*前?完成|长期坚持|持续推进)")

# Between the names of one list: separators, and a per-name 牵头 marker (市商务委（牵头）、市经信委).
_SEP_RE = re.compile(r"(?:[\s、，,/和及与]|以及|[（(](?:牵头|主责)[）)]|[（(](?:以下)?简称[^（）()]{0,40}[）)])*")
_OWN_LEAD_RE = re.compile(r"\s*[（(](?:牵头|主责)[）)]")
# After a list and before its verb: 等部门, then adverbs (要, 予以, 按职责分工 …).
_GAP = (r"(?:[（(](?:以下)?简称[^（）()]{0,40}[）)])?\s*(?:等(?:有关|相关|其他)?(?:部门和单位|部门和区|部门|单位|机构|方面)?|[和及](?:有关|相关)?单位)?"
        r"(?:[\s，,]*(?:要|应当|应|须|需|可|积极|予以|做好|具体|主要|分别|共同|统一|按照职责分工|按职责分工"
        r"|按职责|按照职责|依职责|各自|切实))*\s*")
_POSTFIX: tuple[tuple[re.Pattern[str], str], ...] = (
    # 牵头的联席会议 / 牵头的 is an attribute of a noun (建立市场监管部门牵头的联席会议制度), no statement
    (re.compile(_GAP + r"(?:(?:作为|为)(?:牵头|主责)(?:单位|部门)|发挥牵头(?:抓总)?作用|牵头(?!的)|主责(?!的))"), _LEAD),
    (re.compile(_GAP + r"(?:(?:作为|为)(?:配合|参与|协办|成员)(?:单位|部门)?|支持配合|配合|参与|参加|协助|协办)"), _HELP),
    (re.compile(_GAP + r"负责"), _PLAIN),
    (re.compile(r"\s*(?:主要|分管)?(?:领导|负责同志)?召集"), _CONVENE),
)
_COMPOSE_AFTER_RE = re.compile(r"(?:等[\u4e00-\u9fff\d]{0,12}?)?(?:共同)?组成(?!人员|部分|成员)")
_MEMBERS_BEFORE_RE = re.compile(r"成员(?:单位)?(?:包括|为|有|由)\s*$")
_WITH_RE = re.compile(r"[\s，,]*" + _GAP + r"(?:会同|联合|商(?=国务院|国家|有关|相关|各|省|市|区|县))\s*")  # X商Y制定
_ADVERBIALS = r"(?:每年|每半年|每季度|年度|定期|适时|不定期|依法|依规|按规定)*"
_ORGANISES_RE = re.compile(_GAP + _ADVERBIALS + r"(?:组织|开展|负责|牵头|进行|对)")
_EVALUATION_RE = re.compile(r"评估|考核|评价")
_SUPERVISION_RE = re.compile(r"督查|督导|监督检查|督促检查|审计监督")
# What a duty clause (after 负责, or after the bodies 会同 names) is about.
_DUTY_OF: tuple[tuple[re.Pattern[str], Role], ...] = (
    (re.compile(r"^\s*(?:要|应当|应|须|需|切实|积极|负责)*\s*(?:搞好|做好|加强)?"
                r"(?:统筹协调|综合协调|协调服务|协调推进|统筹推进|协调解决|协调)"), Role.COORDINATOR),
    (re.compile(r"^\s*(?:要|应当|应|须|需)?\s*(?:适时|定期|及时|每年)?(?:组织)?(?:开展)?(?:考核|评估|评价)"
                r"|(?:开展|进行|组织|做好)[^，。；]{0,8}?(?:考核|评估|评价|验收|审查)"), Role.EVALUATOR),
    (re.compile(r"^\s*(?:要|应当|应|须|需)?\s*(?:适时|定期|及时|每年)?(?:组织)?(?:开展)?(?:依法)?(?:监督检查|督查|督促检查|督导|督促|监察)"
                r"|^\s*(?:要|应当|应|须|需)?\s*(?:切实)?加强对[^，。；]{1,30}的(?:安全)?(?:监管|监督|监察)"
                r"|(?:开展|进行|组织|实施)[^，。；]{0,8}?(?:督查|督导|监督检查|督促检查|审计监督|检查、监督|监督、检查)"
                r"|^\s*(?:负责)?对[^，。；]{1,20}(?:进行|实施)监督(?!检查|管理)"),
     Role.SUPERVISOR),
)
_CONVENES_RE = re.compile(r"\s*(?:负责)?(?:召开|召集)[^，,。；;]{0,10}?会议")
_COMMA_COORDINATES_RE = re.compile(r"\s*[，,]?\s*(?:负责)?(?:统筹协调|统筹推进|综合协调)")
# A named body as the subject of a clause, doing the work: 市财政局统筹安排…, 上海海关依法…
_ACTS_RE = re.compile(_GAP + _ADVERBIALS + r"(?:统筹安排|组织实施|组织开展|组织|制定|编制|建立|推进|推动|开展|落实|指导|承担|"
                      r"完善|研究|出台|发布|设立|实施|加强|优化|深化|做好|抓好|健全"
                      r"|从[^，,。；;]{1,20}?(?:支付|拨付|列支))(?!的)")  # 中国人民银行从价差款中支付…: it pays
_OBJECT_RE = re.compile(r"[对向为给与和及在将把]\s*$")
# A named body that 要/应当/须 do something has a duty, whatever the verb (自然资源部门要根据…统筹规划…).
_MODAL_RE = re.compile(r"\s*(?:都|均|也)?(?:要|应当|应|须|需|必须|可(?=根据|按照|结合|组织|视))(?!求|素|件|点|害|闻|以|是|有|在)")
_EACH_BEFORE_RE = re.compile(r"分别由\s*$")
_EACH_AFTER_RE = re.compile(r"\s*(?:等(?:有关)?部门)?分别")
_COLLECTIVE_COORDINATES_RE = re.compile(r"\s*(?:要|应当|应|须)?\s*(?:切实)?(?:加强|做好|负责)?(?:统筹协调|综合协调)")
# 各级卫生健康部门 (a sector's departments at every level) is a body named by its work, not a collective.
_COLLECTIVE_RE = re.compile(r"^(?:国务院各|国务院有关|各(?!(?:省级|级)(?!人民政府|政府)[\u4e00-\u9fff]{2,10}(?:部门|机关|机构)$)|相关|有关|区级|县级"
                            r"|乡镇|街镇|全市各|本市各|全省各|地方各级|县级以上|当地政府|省级人民政府"
                            r"|省、自治区、直辖市人民政府$)|层面")
_COLLECTIVE_ACTS_RE = re.compile(
    _GAP + r"(?:可|要|应|需|须|负责|建立|制定|结合|根据|按照|抓紧|加快|做好|落实|研究|组织|推动|加强|完善|出台|设立)")
_COLLECTIVE_URGED_RE = re.compile(r"(?:鼓励|支持|引导|要求|指导|督促|推动|由)\s*$")
_CLAUSE_START_RE = re.compile(r"(?:^|[，,；;：:])\s*(?:同时，?|并)?\s*$")
_BY_RE = re.compile(r"(?:由|请)\s*$")  # 由X办理; a reply's 请X加快研究 asks X to act
# 联席会议办公室设在教育部，主要承担…日常工作: the office, set up in a body, carries the work
_HOSTED_RE = re.compile(r"\s*设在[^，,。；;]{1,20}[，,]\s*(?:主要)?(?:承担|负责)")
_SUPPORTS_RE = re.compile(r"\s*(?:积极|大力|继续)?(?:给予|予以)?(?:支持|配合|协助)")  # 请X积极给予支持: X takes part
# A later clause with the same subject (市财政局负责…，参与项目审核) / of the same act (…进行评估，对…开展督查).
_SAME_SUBJECT_HELPS_RE = re.compile(r"(?:并|同时|还)?(?:参与|配合|协助|参加)")
_SAME_ACT_RE = re.compile(r"(?:并|同时|还|对|定期|每年|及时|适时|组织|开展|进行|加强|会同)")
_BLANK_RE = re.compile(r"[\s。；;，,]*")
_NOT_WORK = (UnitKind.PREAMBLE, UnitKind.CLOSING, UnitKind.ANNEX)
# the work a text's lead carries out where no other body is named (not its goals, principles or articles of rules)
_WORK = (UnitKind.TASK, UnitKind.MEASURE, UnitKind.ITEM, UnitKind.SAFEGUARD)


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


def _groups(source: str, mentions: list[Mention]) -> list[list[Mention]]:
    """Runs of names separated only by 、 ， 和 … (one list each)."""
    groups: list[list[Mention]] = []
    for m in mentions:
        repeated = m[1] == groups[-1][-1][1] if groups else False  # 报告税务机关，税务机关应当…: two clauses
        if groups and not repeated and _SEP_RE.fullmatch(source, groups[-1][-1][0].end, m[0].start):
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
        if members or (after_with != -1 and re.fullmatch(r"\s*", source[after_with : group[0][0].start])):
            mark = _HELP  # 会同Y、Z / 成员单位包括Y、Z
        after_with = -1
        with_ = _WITH_RE.match(source, stop, end)
        if with_:  # X会同Y: X leads; A、B会同Y: a plain list (A leads by convention, B takes part)
            plain = len({k for _, k in group}) > 1 and not _OWN_LEAD_RE.match(source, tail)
            mark = mark if mark in (_LEAD, _HELP) else _PLAIN if plain else _LEAD
            after_with = with_.end()
        found.append((group, mark, stop))
    return found


def _unique(group: list[Mention]) -> list[Mention]:
    """The list's mentions, each body once (its first mention)."""
    return list({key: (span, key) for span, key in reversed(group)}.values())[::-1]


def _is_collective(source: str, mention: Mention) -> bool:
    return bool(_COLLECTIVE_RE.search(mention[0].text(source)))


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
        elif in_sentence and _is_collective(source, mention):
            yield mention, Role.IMPLEMENTER, False
        elif conv.all_lead(pos):
            yield mention, Role.LEAD, False
        elif has_lead or idx > 0:
            yield mention, Role.PARTICIPANT, False
        else:
            yield mention, Role.LEAD, max(listed, len({k for _, k in group})) > 1 and not conv.first_leads(pos)


def _resolve(source: str, marked: list[tuple[list[Mention], str | None, int]], default: str | None,
             conv: _Conventions, pos: int, has_lead: bool,
             in_sentence: bool = False, listed: int = 0) -> Iterator[tuple[Mention, Role, bool]]:
    """Roles of marked lists; a list with no verb takes ``default`` (None: it states nothing)."""
    for group, mark, _ in marked:
        mark = mark or default
        if mark is None:
            continue
        if mark == _PLAIN:
            yield from _plain(source, group, has_lead, conv, pos, in_sentence, listed)
            continue
        for mention in _unique(group):
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
    for groups, default in parts:
        for item in groups:  # one by one: after the first-named body leads, later lists participate
            read = list(_resolve(source, [item], default, conv, note.span.start, has_lead, listed=listed))
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


def _note_units(source: str, units: list[Unit], notes: list[_Note]) -> dict[_Note, Unit]:
    """The unit each note belongs to: the unit holding it, or the section when the note sits on its own
    line(s) after the section's last item and the section's other items carry no note."""
    by_path = {u.path: u for u in units}
    holder = {n: u for n in notes if (u := _unit_at(units, n.span.start)) is not None}
    noted = {u.path for u in holder.values()}
    result: dict[_Note, Unit] = {}
    for note, unit in holder.items():
        result[note] = unit
        parent = by_path.get(unit.parent) if unit.parent else None
        if parent is None or parent.children[-1] != unit.path or len(parent.children) < 2:
            continue
        if any(p in noted for p in parent.children[:-1]) or parent.path in noted:
            continue
        if not _on_own_line(source, note.span):
            continue
        later = sorted((n.span for n, u in holder.items() if u is unit and n.span.start >= note.span.start),
                       key=lambda s: s.start)
        gaps = [Span(a.end, b.start) for a, b in zip(later, later[1:])] + [Span(later[-1].end, unit.span.end)]
        if all(_BLANK_RE.fullmatch(source, g.start, g.end) and _on_own_line(source, s)
               for g, s in zip(gaps, later)):
            result[note] = parent
    return result


_CLAUSE_END = "，,。；;"


def _same_act(rest: str) -> str:
    """The clauses of ``rest`` that go on with the same act: the first, and those that start with 对 / 并 /
    开展 … (进行评估，对落实情况开展督查), not one with a subject of its own (督查结果纳入考核)."""
    clauses = re.split(r"(?<=[，,；;])", rest)
    kept = clauses[:1]
    for clause in clauses[1:]:
        if not _SAME_ACT_RE.match(clause.strip()):
            break
        kept.append(clause)
    return "".join(kept)


def _later_help(source: str, stop: int, end: int, mentions: list[Mention]) -> bool:
    """Whether a later clause of the same subject says it takes part (市财政局负责…，参与项目审核)."""
    pos = stop
    while True:
        comma = min((i for i in (source.find("，", pos, end), source.find(",", pos, end)) if i != -1), default=-1)
        if comma == -1:
            return False
        nxt = min((i for i in (source.find("，", comma + 1, end), source.find(",", comma + 1, end)) if i != -1),
                  default=end)
        if any(comma < m[0].start < nxt for m in mentions):
            return False
        if _SAME_SUBJECT_HELPS_RE.match(source, comma + 1, nxt):
            return True
        pos = comma + 1


# A class of bodies named by its work alone, with no level, place or 国务院 (税务机关, 医疗保障部门, 登记管理机关,
# 业务主管部门): the bodies of that kind everywhere, not one body.
_CLASS_RE = re.compile(r"^(?!国务院|国家|中央|中国|全国|各|地方|县级|省|市|区|县|[^，。]*(?:省|市|区|县|政府))"
                       r"[\u4e00-\u9fff]{2,10}(?:部门|机关)$")
_MEANS_RE = re.compile(r"\s*(?:要|应当|应|须|需|可)?\s*(?:(?:采取|采用|通过|运用)[^，,；;。]{0,20}(?:方式|办法|手段|形式)"
                       r"|(?:根据|按照|依据)[^，,；;。]{0,20}(?:要求|规定|需要))[，,]")


def _duties(source: str, start: int, end: int) -> tuple[bool, list[Role]]:
    """The roles a duty names (协调 → coordinator, 评估 → evaluator, 督查 → supervisor) in its clause and the
    clauses that go on with the same act, and whether its first clause is itself such a duty (then it is no
    lead: 负责统筹协调…; else a lead that also evaluates: 负责制定…，定期开展评估)."""
    text = _same_act(source[start:end])
    means = _MEANS_RE.match(text)  # 应当采取随机抽查等方式，对…进行检查: the means, then the duty
    first = re.split(r"[，,；;]", text[means.end():] if means else text, maxsplit=1)[0]
    return (any(p.search(first) for p, _ in _DUTY_OF), [role for pattern, role in _DUTY_OF if pattern.search(text)])


def _marked_statements(source: str, marked: list[tuple[list[Mention], str | None, int]], i: int, end: int,
                       conv: _Conventions, pos: int, has_lead: bool) -> Iterator[tuple[Mention, Role, bool]]:
    """A list with its verb: 负责 + 协调/评估/督查 gives those roles; a lead by 会同 whose clause is an
    evaluation or supervision (X会同Y对…开展评估) is the evaluator or supervisor."""
    group, mark, stop = marked[i]
    instead, duty = False, []
    if mark == _PLAIN:
        instead, duty = _duties(source, stop, end)
    elif mark == _LEAD and _WITH_RE.match(source, stop, end) and i + 1 < len(marked):
        instead, duty = _duties(source, marked[i + 1][2], end)
    helps = mark in (_LEAD, _PLAIN) and _later_help(source, stop, end, [m for g, _, _ in marked for m in g])
    for mention, role, conventional in _resolve(source, [marked[i]], None, conv, pos, has_lead, in_sentence=True):
        if not (duty and instead and role is not Role.PARTICIPANT):
            yield mention, role, conventional
        if role is not Role.PARTICIPANT:
            yield from ((mention, other, False) for other in duty)
        if helps and role is not Role.PARTICIPANT:
            yield mention, Role.PARTICIPANT, False


def _sentence_statements(source: str, sent: Span, mentions: list[Mention], conv: _Conventions,
                         narrative: bool = False) -> Iterator[tuple[Mention, Role, bool]]:
    """Duties a sentence states in words (X负责…, 由X会同Y…, Y予以配合, 各区政府可…, X组织…评估, X统筹安排…).
    In ``narrative`` text (the preamble: 近年来，市经信委推动…) a body doing something is background, not a duty."""
    marked = _marks(source, _inside(mentions, sent.start, sent.end), sent.end)
    has_lead = any(mark == _LEAD for _, mark, _ in marked)
    for i, (group, mark, _) in enumerate(marked):
        if mark is not None:
            yield from _marked_statements(source, marked, i, sent.end, conv, sent.start, has_lead)
            continue
        start, tail = group[0][0].start, group[-1][0].end
        if _OBJECT_RE.search(source, sent.start, start):
            continue  # 对各区…, 向市政府…: the body is what the clause acts on
        named = [m for m in group if not _is_collective(source, m)]
        organises = _ORGANISES_RE.match(source, tail, sent.end)
        rest = _same_act(source[organises.end() : sent.end]) if organises else ""
        evaluates, supervises = bool(_EVALUATION_RE.search(rest)), bool(_SUPERVISION_RE.search(rest))
        for mention in named:
            if evaluates:
                yield mention, Role.EVALUATOR, False
            if supervises:
                yield mention, Role.SUPERVISOR, False
        if named and not (evaluates or supervises):
            before = source[sent.start : start]
            by_body = _BY_RE.search(before) and source[tail : tail + 1] not in _CLAUSE_END  # 由市财政局将资金拨付…
            acts = _CLAUSE_START_RE.search(before) and (_ACTS_RE.match(source, tail, sent.end)  # 市财政局统筹安排…
                                                        or _MODAL_RE.match(source, tail, sent.end))  # X要…, X应当…
            each = _EACH_BEFORE_RE.search(before) or _EACH_AFTER_RE.match(source, tail, sent.end)
            if (by_body or acts) and not narrative and each and len(_unique(named)) > 1:
                yield from ((m, Role.LEAD, False) for m in _unique(named))  # 分别由A和B办理: each leads its own
                continue
            if not narrative and (by_body or _CLAUSE_START_RE.search(before)) and _CONVENES_RE.match(source, tail, sent.end):
                yield from ((m, Role.CONVENER, False) for m in _unique(named))  # 由X召开联络员会议: X convenes
            elif _COMMA_COORDINATES_RE.match(source, tail, sent.end):
                yield from ((m, Role.COORDINATOR, False) for m in named)
            elif not narrative and _HOSTED_RE.match(source, tail, sent.end):
                yield from ((m, Role.LEAD, False) for m in _unique(named))  # 办公室设在教育部，承担日常工作
            elif not narrative and by_body and _SUPPORTS_RE.match(source, tail, sent.end):
                yield from ((m, Role.PARTICIPANT, False) for m in _unique(named))
            elif (not narrative and acts and not by_body and not has_lead and _MODAL_RE.match(source, tail, sent.end)
                  and all(_CLASS_RE.search(m[0].text(source)) for m in named)
                  and not _duties(source, tail, sent.end)[1] and not _later_help(source, tail, sent.end, named)):
                # 税务机关应当及时处理, 登记管理机关和业务主管部门要…: a class of bodies at every level, each implements
                yield from ((m, Role.IMPLEMENTER, False) for m in _unique(named))
            elif (not narrative and acts and not by_body and not has_lead and len(_unique(named)) > 1
                  and _MODAL_RE.match(source, tail, sent.end) and not _later_help(source, tail, sent.end, named)):
                # 甲部门和乙部门应当加强…: bodies told alike what to do, with no word that one leads, each leads;
                # 甲部门和乙部门应当…进行检查、监督: each is the supervisor
                instead, duty = _duties(source, tail, sent.end)
                for m in _unique(named):
                    if not (duty and instead):
                        yield m, Role.LEAD, False
                    yield from ((m, other, False) for other in duty)
            elif not narrative and (by_body or acts):
                instead, duty = _duties(source, tail, sent.end)  # 要加强统筹协调，会同…开展督促检查
                for mention, role, conventional in _plain(source, named, has_lead, conv, sent.start, True):
                    if not (duty and instead and role is not Role.PARTICIPANT):
                        yield mention, role, conventional
                    if role is not Role.PARTICIPANT:
                        yield from ((mention, other, False) for other in duty)
        if _COLLECTIVE_URGED_RE.search(source, sent.start, start) or _COLLECTIVE_ACTS_RE.match(source, tail, sent.end):
            # 地方各级人民政府要加强统筹协调: a collective that coordinates is the coordinator, not an implementer
            coordinates = _COLLECTIVE_COORDINATES_RE.match(source, tail, sent.end)
            role = Role.COORDINATOR if coordinates else Role.IMPLEMENTER
            yield from ((m, role, False) for m in group if _is_collective(source, m))


# A lead-in that the items below name bodies which supply or help (有关部门和单位有责任和义务向税务部门提供或者协助
# 核实以下信息：(一)公安部门有关户籍信息；): each body an item opens with takes part.
_HELPERS_LEAD_IN_RE = re.compile(r"(?:提供|协助|配合|参与)[^。；;]{0,30}(?:以下|下列)[^。；;]{0,20}[：:]\s*$")


def _listed_helpers(source: str, units: list[Unit], mentions: list[Mention]) -> list[_Statement]:
    by_path = {u.path: u for u in units}
    found: list[_Statement] = []
    for unit in units:
        parent = by_path.get(unit.parent or "")
        if parent is None or not _HELPERS_LEAD_IN_RE.search(parent.text):
            continue
        opening = re.search(r"有关|提供|[，,；;。]", unit.text)
        stop = unit.span.start + (opening.start() if opening else len(unit.text))
        group = _inside(mentions, unit.span.start, stop)
        if (group and _SEP_RE.fullmatch(source, unit.span.start, group[0][0].start)
                and not re.match(r"确定|规定|决定|要求", source[group[-1][0].end : group[-1][0].end + 2])):
            # (十)X确定的其他信息: X decides, it supplies nothing
            for mention in _unique(group):
                found.append(_Statement(mention[1], Role.PARTICIPANT, unit.path, _trimmed(source, unit.span), False,
                                        tuple(m[0].text(source) for m in group)))
    return found


# Bodies written right before a review (经A评审、B审定和C审核, 挂靠单位、业务主管部门审查同意): each evaluates.
_REVIEWS_RE = re.compile(r"(?:评审|审定|审核|审查)(?!委员会|机构|部门)")


def _reviewers(source: str, units: list[Unit], mentions: list[Mention]) -> list[_Statement]:
    found: list[_Statement] = []
    for unit in units:
        for sent in unit_sentences(unit):
            for group in _groups(source, _inside(mentions, sent.start, sent.end)):
                if not _REVIEWS_RE.match(source, group[-1][0].end):
                    continue
                for mention in _unique(group):
                    found.append(_Statement(mention[1], Role.EVALUATOR, unit.path, _trimmed(source, sent), False,
                                            tuple(m[0].text(source) for m in group)))
    return found


# A group the text sets up (成立治理工作小组，组长由…担任，成员由…组成): the group itself leads the work.
_SETS_UP_RE = re.compile(r"(?<!可)(?<!可以)(?:成立|组建)\s*$")  # 可成立…: a group others may set up
_GROUP_NAME_RE = re.compile(r"(?:领导小组|工作小组|协调小组|小组|工作组|专班)$")


def _set_up_groups(source: str, units: list[Unit], mentions: list[Mention]) -> list[_Statement]:
    found: list[_Statement] = []
    for unit in units:
        for sent in unit_sentences(unit):
            for mention in _inside(mentions, sent.start, sent.end):
                if (_SETS_UP_RE.search(source, max(sent.start, mention[0].start - 4), mention[0].start)
                        and _GROUP_NAME_RE.search(mention[0].text(source))):
                    found.append(_Statement(mention[1], Role.LEAD, unit.path, _trimmed(source, sent), False, ()))
    return found


_HEADED_DUTY_RE = re.compile(r"\s*(?:主要)?负责")


def _heading_body(source: str, sent: Span, mentions: list[Mention]) -> Mention | None:
    """The body a heading line names and nothing else (1.监督组。), whose next sentence may state its duty."""
    inside = _inside(mentions, sent.start, sent.end)
    if len(inside) != 1:
        return None
    text = source[sent.start : sent.end].strip()
    body = inside[0][0].text(source)
    return inside[0] if re.fullmatch(rf"[\d一二三四五六七八九十（）()．.、\s]*{re.escape(body)}[。：:]?", text) else None


def _headed_duty(source: str, sent: Span, heading: Mention) -> Iterator[tuple[Mention, Role, bool]]:
    """监督组。负责对…进行监督: a sentence with no subject that opens with 负责 states the heading body's duty."""
    m = _HEADED_DUTY_RE.match(source, sent.start, sent.end)
    if not m:
        return
    instead, duty = _duties(source, m.start(), sent.end)
    if not (duty and instead):
        yield heading, Role.LEAD, False
    yield from ((heading, role, False) for role in duty)


def _row_statements(source: str, row: TaskRow, unit: Unit, mentions: list[Mention],
                    conv: _Conventions) -> Iterator[_Statement]:
    """What a task-table row states, each with the row as evidence and its due date."""
    due = row.cell(Column.DUE)
    due_text = due.text if due else ""
    lead_cell = row.cell(Column.LEAD)
    has_lead = lead_cell is not None and bool(_inside(mentions, lead_cell.span.start, lead_cell.span.end))
    leads: set[str] = set()
    guide = row.cell(Column.GUIDE)
    if guide is not None:  # 指导部门: every body listed guides the work
        for mention in _unique(_inside(mentions, guide.span.start, guide.span.end)):
            yield _Statement(mention[1], Role.COORDINATOR, unit.path, row.span, False, (), due_text)
    for column, default in ((Column.LEAD, _LEAD), (Column.PARTICIPANT, _HELP), (Column.RESPONSIBLE, _PLAIN)):
        cell = row.cell(column)
        if cell is None:
            continue
        note = _Note(row.span, cell.span)
        found = _read_note(source, note, mentions, conv, default)
        listed = tuple(m[0].text(source) for m, _, _ in found)
        for mention, role, conventional in found:
            if has_lead and column is Column.RESPONSIBLE and role is Role.LEAD:
                role, conventional = Role.PARTICIPANT, False
            if role is Role.LEAD:
                leads.add(mention[1])
            elif mention[1] in leads:
                continue
            yield _Statement(mention[1], role, unit.path, row.span, conventional, listed, due_text)


def _statements(source: str, units: list[Unit], mentions: list[Mention]) -> list[_Statement]:
    mentions = _outside(mentions, [Span(m.start(), m.end()) for m in _SHORT_NAME_RE.finditer(source)])
    tables = find_task_tables(source)
    table_spans = [t.span for t in tables]
    notes = _notes(source, mentions, table_spans)
    conv = _conventions(source, notes)
    found: list[_Statement] = []
    for note, unit in _note_units(source, units, notes).items():
        read = _read_note(source, note, mentions, conv)
        listed = tuple(m[0].text(source) for m, _, _ in read)
        due = _NOTE_DUE_RE.search(source, note.content.start, note.content.end)
        due_text = (due.group("d") or due.group("e")).strip() if due else ""
        found += [_Statement(m[1], role, unit.path, note.span, conventional, listed, due_text)
                  for m, role, conventional in read]
    free = _outside(mentions, [n.span for n in notes] + table_spans)
    for unit in units:
        heading: Mention | None = None
        for sent in unit_sentences(unit):
            if any(t.start <= sent.start < t.end for t in table_spans):
                continue
            read = list(_sentence_statements(source, sent, free, conv, unit.kind is UnitKind.PREAMBLE))
            if heading is not None and unit.kind is not UnitKind.PREAMBLE:
                read = list(_headed_duty(source, sent, heading)) + read
            heading = _heading_body(source, sent, free)
            listed = tuple(m[0].text(source) for m, _, _ in read)
            found += [_Statement(m[1], role, unit.path, _trimmed(source, sent), conventional, listed)
                      for m, role, conventional in read]
    found += _listed_helpers(source, units, free)
    found += _reviewers(source, units, free)
    found += _set_up_groups(source, units, free)
    for table in tables:
        holder = _unit_at(units, table.header.start)
        for row in table.rows:
            unit = unit_of_row(row, units, holder)
            if unit is not None:
                found += _row_statements(source, row, unit, mentions, conv)
    # 联席会议由A、B…组成，A为牵头单位: the member named as lead leads; it is not also listed as a participant
    leads = {(st.agent, st.unit, st.span) for st in found if st.role is Role.LEAD}
    found = [st for st in found if not (st.role is Role.PARTICIPANT and (st.agent, st.unit, st.span) in leads
                                        and _COMPOSE_AFTER_RE.search(st.span.text(source)))]
    return sorted(found, key=lambda s: (s.span.start, s.span.end))


def _trimmed(source: str, span: Span) -> Span:
    text = span.text(source)
    lead = len(text) - len(text.lstrip())
    return Span(span.start + lead, span.start + len(text.rstrip()))


def _explain_first_listed(source: str, st: _Statement) -> str:
    first = st.listed[0] if st.listed else st.agent
    names = "、".join(dict.fromkeys(st.listed))
    return (f"文本列出{names}，未写明牵头单位，也未说明排序规则；按公文惯例，列第一位者为牵头单位，"
            f"故推定{first}牵头。依据：“{st.span.text(source)}”")


def stated_responsibilities(source: str, units: list[Unit], mentions: list[Mention]) -> list[Responsibility]:
    """Everything the text states, each statement with its own evidence; a lead resting only on the
    first-listed convention (not stated by the document) is inferred with rule ``first-listed-body-leads``."""
    found: list[Responsibility] = []
    seen: set[tuple[str, str, Role, Span]] = set()
    for st in _statements(source, units, mentions):
        if (st.agent, st.unit, st.role, st.span) in seen:
            continue
        seen.add((st.agent, st.unit, st.role, st.span))
        due = parse_due(st.due_text) if st.due_text else None
        if st.by_convention:
            found.append(Responsibility(st.agent, st.unit, st.role, Basis.INFERRED, _explain_first_listed(source, st),
                                        st.span, rule=FIRST_LISTED_RULE, due=due, due_text=st.due_text))
        else:
            found.append(Responsibility(st.agent, st.unit, st.role, Basis.EXPLICIT, st.span.text(source), st.span,
                                        due=due, due_text=st.due_text))
    return found


def explicit_responsibilities(source: str, units: list[Unit], mentions: list[Mention]) -> list[Responsibility]:
    """Only what the text states outright (no convention applied)."""
    return [r for r in stated_responsibilities(source, units, mentions) if r.basis is Basis.EXPLICIT]


def infer_responsibilities(
    source: str,
    units: list[Unit],
    departments: list[Department],
    stated: list[Responsibility],
) -> list[Responsibility]:
    """Rule ``enclosing-unit-lead-leads-its-parts``: a unit with no lead of its own takes the explicit lead
    of its nearest enclosing unit. Then rule ``document-lead-leads-unowned-work``: a piece of work still without a
    lead takes the body the text names as leading its implementation as a whole. Nothing else is guessed: where
    the text names no owner, there is none."""
    names = {d.key: d.pref_label for d in departments}
    has_lead = {r.unit_path for r in stated if r.role is Role.LEAD}
    leads_of: dict[str, list[Responsibility]] = {}
    for r in stated:
        if r.role is Role.LEAD and r.basis is Basis.EXPLICIT:
            leads_of.setdefault(r.unit_path, [])
            if all(other.agent != r.agent for other in leads_of[r.unit_path]):
                leads_of[r.unit_path].append(r)
    parent_of = {u.path: u.parent for u in units}
    inferred: list[Responsibility] = []
    for unit in units:
        if unit.kind in _NOT_WORK or unit.path in has_lead:
            continue
        ancestor = parent_of.get(unit.path)
        while ancestor is not None and ancestor not in leads_of:
            ancestor = parent_of.get(ancestor)
        if ancestor is None:
            continue
        for lead in leads_of[ancestor]:
            name = names.get(lead.agent, lead.agent)
            inferred.append(_passed_on(lead, unit.path, name, f"其所属的{ancestor}写明{name}牵头", ENCLOSING_RULE))
    return inferred + _document_leads(units, names, has_lead | {r.unit_path for r in inferred}, stated)


def _passed_on(lead: Responsibility, unit_path: str, name: str, because: str, rule: str) -> Responsibility:
    """``lead`` passed on by ``rule`` to a unit naming no lead: inferred, saying why, with its statement as evidence."""
    return Responsibility(lead.agent, unit_path, Role.LEAD, Basis.INFERRED,
                          f"文本未写明本项牵头单位；{because}，故推定{name}为本项牵头单位。依据：“{lead.evidence}”",
                          lead.span, rule=rule)


def _document_leads(units: list[Unit], names: dict[str, str], led: set[str],
                    stated: list[Responsibility]) -> list[Responsibility]:
    """Rule ``document-lead-leads-unowned-work``: the body a sentence names as leading the whole text's
    implementation (本措施由区民政局牵头组织实施) leads each task, measure, item or safeguard that names no lead."""
    leads: list[Responsibility] = []
    for r in stated:
        if (r.role is Role.LEAD and r.basis is Basis.EXPLICIT and leads_the_text(r.evidence)
                and all(other.agent != r.agent for other in leads)):
            leads.append(r)
    inferred: list[Responsibility] = []
    for unit in units:
        if unit.kind not in _WORK or unit.path in led:
            continue
        for lead in leads:
            name = names.get(lead.agent, lead.agent)
            inferred.append(_passed_on(lead, unit.path, name, f"{lead.unit_path}写明{name}牵头实施本文件",
                                       DOCUMENT_LEAD_RULE))
    return inferred


_GENERIC_JOINT_RE = re.compile(r"(?:联席会议|领导小组办公室|领导小组|工作小组|协调机制)(?!办公室|办|成员)")


def _short_references(source: str, departments: list[Department], mentions: list[Mention]) -> list[Mention]:
    """Bare 联席会议 / 领导小组 after the document has set up one such body: that body (联席会议负责统筹协调)."""
    found: list[Mention] = []
    for dept in departments:
        if not dept.created_by_document or not dept.mentions:
            continue
        suffix = _GENERIC_JOINT_RE.search(dept.pref_label)
        if suffix is None or suffix.end() != len(dept.pref_label):
            continue
        for m in re.finditer(re.escape(suffix.group()) + r"(?!办公室|办|成员)", source[dept.mentions[0].end :]):
            span = Span(dept.mentions[0].end + m.start(), dept.mentions[0].end + m.end())
            if not any(o.start < span.end and span.start < o.end for o, _ in mentions):
                found.append((span, dept.key))
    return found


_COORDINATION_RE = re.compile(r"统筹协调|协调解决|协调推进|综合协调|统筹推进")


def _created_body_coordinates(source: str, units: list[Unit], departments: list[Department]) -> list[Responsibility]:
    """A joint body the document sets up, in a sentence that says it coordinates (建立…联席会议制度，…协调解决…):
    the coordinator of the unit that sets it up, and of no other."""
    found: list[Responsibility] = []
    for dept in departments:
        if not dept.created_by_document or not dept.mentions:
            continue
        first = dept.mentions[0]
        unit = _unit_at(units, first.start)
        sent = next((s for s in unit_sentences(unit) if s.start <= first.start < s.end), None) if unit else None
        if unit is not None and sent is not None and _COORDINATION_RE.search(source, first.end, sent.end):
            span = _trimmed(source, sent)
            found.append(Responsibility(dept.key, unit.path, Role.COORDINATOR, Basis.EXPLICIT, span.text(source), span))
    return found


def assign_responsibilities(source: str, units: list[Unit], departments: list[Department]) -> list[Responsibility]:
    """What the text states, then the leads enclosing units pass on to their parts."""
    mentions = [(s, d.key) for d in departments for s in d.mentions]
    mentions = sorted(mentions + _short_references(source, departments, mentions), key=lambda m: m[0].start)
    stated = stated_responsibilities(source, units, mentions)
    seen = {(r.agent, r.unit_path, r.role, r.span) for r in stated}
    stated += [r for r in _created_body_coordinates(source, units, departments)
               if (r.agent, r.unit_path, r.role, r.span) not in seen]
    return stated + infer_responsibilities(source, units, departments, stated)
