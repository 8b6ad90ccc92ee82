"""Ways national documents write a body acting that the note and duty readers do not cover.

- Alternatives: ``由国务院全体会议或国务院常务会议讨论决定`` — bodies joined by 或 are each a body that may do the
  act, so each has the role the list has (no first-listed convention: 或 names no order).
- A subject far from its verb: ``国务院根据…的需要，适时提出法律议案``, ``国务院在作出重大决策前，根据需要通过召开座谈会
  等形式，直接听取…意见``, ``国务院通过举办讲座等方式，组织学习…``, ``各部、各委员会、人民银行、审计署根据法律…，在本
  部门的职权范围内，制定规章`` — a list of named bodies that opens a sentence, then one or more framing phrases (根据 /
  按照 / 依照 / 通过…方式 / 在…前 / 在…内 …) each closed by a comma, then the act: each body leads.
  Also the plain act with no frame, for the verbs the sentence reader does not know (国务院提出年度重点工作目标,
  国务院办公厅适时作出通报).

Each finder yields ``_Statement``s with the sentence as evidence; ``ingest.responsibility`` adds them to the others.
"""

from __future__ import annotations

import re

from .model import Role, Span, Unit, UnitKind
from .notes import (
    Mention,
    _groups,
    _inside,
    _is_collective,
    _Statement,
    _trimmed,
    _unique,
    unit_sentences,
)

__all__ = ["accepted_overseers", "alternatives", "anaphora", "consulted_first", "each_leads", "framed_acts", "helped_bodies", "helpers_keep_their_part", "led_work", "passed_reviews", "roles_called_on", "stated_tasks", "under_bodies"]

_ALTERNATIVE_RE = re.compile(r"\s*或(?:者)?\s*")


def alternatives(source: str, group: list[Mention]) -> bool:
    """Whether a list of bodies is written as alternatives (A或B): every gap between two names is 或 / 或者."""
    return len({k for _, k in group}) > 1 and all(
        _ALTERNATIVE_RE.fullmatch(source, a[0].end, b[0].start) for a, b in zip(group, group[1:]))


# A、B共同负责… / A和B共同牵头: the list answers jointly, every body leads; so does a list that manages a work as one
# (由A和B统一归口管理, A、B统一组织, A与B联合制定)
_JOINTLY_RE = re.compile(r"\s*(?:等(?:有关|相关)?(?:部门|单位))?\s*(?:要|应当|应|将)?\s*(?:共同(?:负责|牵头|承担)"
                         r"|(?:共同|统一|联合)(?:归口)?(?:管理|组织|部署|负责|领导|制定|协调|办理))")


def each_leads(source: str, group: list[Mention]) -> bool:
    """Whether every body of a plain list leads: alternatives (A或B) or a list that answers jointly (A、B共同负责)."""
    return alternatives(source, group) or (len({k for _, k in group}) > 1
                                            and bool(_JOINTLY_RE.match(source, group[-1][0].end)))


# One framing phrase before the act, closed by a comma: the grounds (根据…, 按照…, 依照…, 依据…, 结合…), the means
# (通过…方式 / 形式 / 渠道), the time or place (在…前 / 后 / 时 / 中 / 内 / 范围内 / 领导下).
_FRAME = (r"(?:(?:根据|按照|依照|依据|结合|遵照|本着)[^，,。；;：:]{1,40}?"
          r"|作为[^，,。；;：:]{1,16}?(?:部门|单位|机关|机构)"  # 财政部作为主管部门，负责…
          r"|通过[^，,。；;：:]{1,30}?(?:方式|形式|渠道|途径|办法)"
          r"|在[^，,。；;：:]{1,30}?(?:前|后|时|中|内|以内|期间|领导下|指导下))[，,]\s*")
# The act the body does: the verbs of making, deciding and doing the genre writes with a body as subject.
_VERB = (r"(?:提出|作出|听取|组织|制定|制订|发布|开展|部署|确定|审定|审批|批准|签发|通报|召开|办理|处理|承办|研究"
         r"|落实|推进|实施|建立|完善|修订|修改|起草|下达|下发|安排|指导|协调|做好|抓好|负责(?!人(?![才口力事民])))")
_ADVERB = r"(?:要|应当|应|须|将|还将|适时|及时|定期|直接|亲自|统一|依法|负责|主要|继续|进一步|认真|抓紧|积极|分工|具体|可以?)*"
# 国务院…来落实这一要求: a means run on into its verb with 来
_MEANS_TO_RE = re.compile(r"通过[^，,。；;：:]{1,30}?来" + _VERB)
_FRAMED_RE = re.compile(r"\s*(?:等(?:有关)?(?:部门|单位))?\s*(?P<frames>(?:" + _FRAME + r")+)" + _ADVERB + _VERB + r"(?![了过的])")
_PLAIN_ACT_RE = re.compile(r"\s*" + _ADVERB + r"(?:(?:提出|作出)(?![了过的])[^，,。；;]{0,6}?(?:目标|通报|决定|议案|意见|建议)"
                           r"|主管(?!部门|单位|机关|机构|的)[^，,。；;]{1,20}?工作"  # 国务院专利行政部门主管全国的专利工作
                           r"|(?:分工|共同|统一|具体)负责(?!人(?![才口力事民])))")  # 在国务院统一领导下，财政部、人民银行分工负责
# Before the subject (at a sentence's or a ；-clause's start) only a number, a word of time (目前，国务院通过…) or the
# collectives it is listed with (各部、各委员会、人民银行…)
_SENTENCE_START_RE = re.compile(r"(?:[^。]*[；;])?[\s\d一二三四五六七八九十、．.（）()]*(?:(?:目前|当前|现在|今后|同时|此外|另外)[，,]\s*)?"
                                r"(?:在[^，,。；;]{1,20}?(?:领导|指导)下[，,]\s*)?"
                                r"(?:各[\u4e00-\u9fff]{1,6}、)*")


def _sentence_groups(source: str, units: list[Unit], mentions: list[Mention], preamble: bool = False):
    """(unit, sentence, group) for each group of bodies listed together in each sentence of the units; the narrative
    preamble only when asked (``preamble``)."""
    for unit in units:
        if unit.kind is UnitKind.PREAMBLE and not preamble:
            continue
        for sent in unit_sentences(unit):
            for group in _groups(source, _inside(mentions, sent.start, sent.end)):
                yield unit, sent, group


def _between(source: str, sent, group: list[Mention], before: re.Pattern[str], window: int,
             after: re.Pattern[str]) -> re.Match[str] | None:
    """``after``'s match right after the group when ``before`` ends within ``window`` characters before it
    (经商 X 同意, 在 X 统筹指导下, 配合 X 做好); None otherwise."""
    head = group[0][0].start
    if not before.search(source, max(sent.start, head - window), head):
        return None
    return after.match(source, group[-1][0].end, sent.end)


def _named(source: str, group: list[Mention]) -> list[Mention]:
    """The group's named bodies, its collectives (各地区, 有关部门) left to the readers of collectives."""
    return [m for m in group if not _is_collective(source, m)]


def _statements(source: str, unit: Unit, sent, group: list[Mention], bodies: list[Mention],
                role: Role) -> list[_Statement]:
    """One statement of ``role`` in ``unit`` for each of ``bodies``, the sentence its evidence and the whole group
    its list."""
    listed = tuple(m[0].text(source) for m in group)
    return [_Statement(m[1], role, unit.path, _trimmed(source, sent), False, listed) for m in _unique(bodies)]


def framed_acts(source: str, units: list[Unit], mentions: list[Mention]) -> list[_Statement]:
    """A list of named bodies that opens a sentence, with its act after framing phrases (国务院根据…，适时提出…):
    each body leads the unit. Collectives and the narrative preamble are left to the other readers."""
    found: list[_Statement] = []
    for unit, sent, group in _sentence_groups(source, units, mentions):
        if not _SENTENCE_START_RE.fullmatch(source, sent.start, group[0][0].start):
            continue
        named = _named(source, group)
        tail = group[-1][0].end
        plain = _PLAIN_ACT_RE.match(source, tail, sent.end)
        if named and (_FRAMED_RE.match(source, tail, sent.end) or _MEANS_TO_RE.match(source, tail, sent.end) or plain):
            if plain and plain.group().endswith("负责"):
                # 市市场监管局具体负责…的监督检查: the duty after 负责 says the role, as for X负责…
                from .duties import _duties

                instead, duty = _duties(source, plain.end(), sent.end)
                if duty and instead:
                    for role in duty:
                        found += _statements(source, unit, sent, group, named, role)
                    continue
            found += _statements(source, unit, sent, group, named, Role.LEAD)
    return found


# 在京津冀协同发展领导小组统筹指导下，河北省…要…: the body the work is done under coordinates it. 在X领导下 alone is
# the frame of authority the acting body works in, no act of X (the gold of guobanfa-2019-002 and guobanfa-1996-002
# read it so; guohan-2006-038 alone gives the leader the lead). A person (在总理领导下) is no mention.
_UNDER_BEFORE_RE = re.compile(r"在\s*$")
_UNDER_AFTER_RE = re.compile(r"(?:及其[^，,。；;]{1,8}?)?(?:的)?(?:统一|坚强|直接)?(?P<how>统筹指导|统筹协调|统筹|协调|组织实施|组织)下")  # 在X统一组织下: X organises the work, it leads


def under_bodies(source: str, units: list[Unit], mentions: list[Mention]) -> list[_Statement]:
    """在X统筹指导下 / 在X统筹协调下: X coordinates the unit's work; 在X统一组织下: X leads it. Not in the narrative
    preamble."""
    found: list[_Statement] = []
    for unit, sent, group in _sentence_groups(source, units, mentions):
        after = _between(source, sent, group, _UNDER_BEFORE_RE, 2, _UNDER_AFTER_RE)
        named = _named(source, group)
        if after is not None and named:
            role = Role.LEAD if after.group("how").startswith("组织") else Role.COORDINATOR
            found += _statements(source, unit, sent, group, named, role)
    return found


# 国务院全体会议的主要任务是：…, X的主要职责是: the text sets out the body's own work, which it leads.
_OWN_TASKS_RE = re.compile(r"\s*的?(?:主要|基本|具体)?(?:任务|职责|职能|工作职责)(?:是|为|包括|有)?\s*[：:]")  # X主要职责：


def stated_tasks(source: str, units: list[Unit], mentions: list[Mention]) -> list[_Statement]:
    """A sentence that opens with a named body's tasks or duties (X的主要任务是：…): X leads the unit."""
    found: list[_Statement] = []
    for unit, sent, group in _sentence_groups(source, units, mentions):
        named = _named(source, group)
        if (named and _SENTENCE_START_RE.fullmatch(source, sent.start, group[0][0].start)
                and _OWN_TASKS_RE.match(source, group[-1][0].end, sent.end)):
            found += _statements(source, unit, sent, group, named, Role.LEAD)
    return found


# 市住房城乡建设局牵头的老旧小区改造项目完工率仅为58%: a body written as leading a piece of work (项目, 工程, 任务,
# 工作, 行动) that the sentence then reports on or asks about: the body leads that work in the unit. Not a mechanism
# the unit sets up around the body (建立X牵头的联席会议制度, X牵头的项目协调机制), which stays no statement.
_LED_WORK_AFTER_RE = re.compile(r"\s*牵头(?:负责|推进|实施|开展)?的(?=[^，,。；;]{0,20}?(?:项目|工程|任务|工作|行动)"
                                r"(?![^，,。；;]{0,6}(?:机制|制度|会议|小组|专班)))")
_SET_UP_BEFORE_RE = re.compile(r"(?:建立|成立|健全|完善|组建|设立)[^，,。；;]{0,6}$")


def led_work(source: str, units: list[Unit], mentions: list[Mention]) -> list[_Statement]:
    """X牵头的…项目: each named body written as leading the work a sentence speaks of leads the unit."""
    found: list[_Statement] = []
    for unit, sent, group in _sentence_groups(source, units, mentions):
        named = _named(source, group)
        head = group[0][0].start
        if (named and _LED_WORK_AFTER_RE.match(source, group[-1][0].end, sent.end)
                and not _SET_UP_BEFORE_RE.search(source, max(sent.start, head - 8), head)):
            found += _statements(source, unit, sent, group, named, Role.LEAD)
    return found


# 建成并通过县水务局验收的工程, 经X审核通过的: the body whose acceptance or review a work must pass judges it.
_PASSED_BEFORE_RE = re.compile(r"通过\s*$")
_PASSED_AFTER_RE = re.compile(r"\s*(?:组织)?的?(?:验收|审核|评审|审查|认定)(?!意见|结果|结论|标准|办法|制度|机制)")


def passed_reviews(source: str, units: list[Unit], mentions: list[Mention]) -> list[_Statement]:
    """通过X验收 / 通过X审核: each named body whose review the work must pass is the unit's evaluator."""
    found: list[_Statement] = []
    for unit, sent, group in _sentence_groups(source, units, mentions):
        named = _named(source, group)
        if named and _between(source, sent, group, _PASSED_BEFORE_RE, 2, _PASSED_AFTER_RE) is not None:
            found += _statements(source, unit, sent, group, named, Role.EVALUATOR)
    return found


# 经商财政部、人民银行，同意你省…; 经商财政部同意，现将…: the bodies consulted before the decision take part in it.
_CONSULTED_BEFORE_RE = re.compile(r"经(?:与)?商\s*$")
_CONSULTED_AFTER_RE = re.compile(r"\s*(?:等(?:有关)?(?:部门|单位))?\s*(?:同意|[，,]|后|并)")
_FORMULA_RE = re.compile(r"(?:函复|答复|批复|通知|复函|报告|转复)如下")


def consulted_first(source: str, units: list[Unit], mentions: list[Mention]) -> list[_Statement]:
    """经商X(、Y)同意 / 经商X，…: each body consulted takes part in the unit's decision."""
    found: list[_Statement] = []
    for unit, sent, group in _sentence_groups(source, units, mentions, preamble=True):
        if _FORMULA_RE.search(source, sent.start, sent.end):
            continue  # 经商X、Y，现答复如下：how the reply was made, no work of the bodies consulted
        if _between(source, sent, group, _CONSULTED_BEFORE_RE, 3, _CONSULTED_AFTER_RE):
            found += _statements(source, unit, sent, group, _named(source, group), Role.PARTICIPANT)
    return found


# 水利部已会同国家发展改革委对…进行了审核: the bodies after 会同 help; the review is the first body's
_WITH_BEFORE_RE = re.compile(r"(?:会同|协同)\s*(?:[^，,。；;：:、]{2,16}?、)*$")


def helpers_keep_their_part(source: str, found: list[_Statement], mentions: list[Mention]) -> list[_Statement]:
    """A body written in the list right after 会同 takes part in that sentence: a lead, evaluator or supervisor read
    for it there (because 已会同 is not read as a duty) is dropped when it also takes part, or turned into taking part."""
    helpers: set[tuple[str, int]] = set()
    for span, key in mentions:
        if _WITH_BEFORE_RE.search(source, max(0, span.start - 40), span.start):
            helpers.add((key, span.start))
    if not helpers:
        return found
    kept: list[_Statement] = []
    taking_part = {(st.agent, st.unit, st.span) for st in found if st.role is Role.PARTICIPANT}
    for st in found:
        inside = [start for key, start in helpers if key == st.agent and st.span.start <= start < st.span.end]
        others = [m for m in mentions if m[1] == st.agent and st.span.start <= m[0].start < st.span.end
                  and (m[1], m[0].start) not in helpers]
        if st.role is not Role.PARTICIPANT and inside and not others:
            if (st.agent, st.unit, st.span) not in taking_part:
                kept.append(_Statement(st.agent, Role.PARTICIPANT, st.unit, st.span, False, st.listed, st.due_text))
                taking_part.add((st.agent, st.unit, st.span))
            continue
        kept.append(st)
    return kept


# 该委将…组织专家对该项目进行评估论证 / 林业局与该部也正在研究: a reply refers back to the body it has just named.
_ANAPHOR_RE = re.compile(r"该(?P<kind>总局|委|部|局|办|署|行|院|厅|会)(?![门分长员级位件项类内里署])")


def anaphora(source: str, mentions: list[Mention]) -> list[Mention]:
    """Each 该委 / 该部 / 该局 … as a mention of the nearest body named before it (within 300 characters) whose name,
    as written there, ends in the same word (发展改革委 … 该委; 财政部 … 该部)."""
    found: list[Mention] = []
    ordered = sorted(mentions, key=lambda m: m[0].start)
    for m in _ANAPHOR_RE.finditer(source):
        if any(o.start <= m.start() < o.end for o, _ in ordered):
            continue  # inside a name
        kind = m.group("kind")
        before = [o for o in ordered if o[0].end <= m.start() and m.start() - o[0].end <= 300]
        for span, key in reversed(before):
            if source[span.start : span.end].endswith(kind):
                found.append((Span(m.start(), m.end()), key))
                break
    return found


# 人民银行要积极配合财政部做好相关工作: the body the others help leads the work
_HELPED_BEFORE_RE = re.compile(r"(?:配合|协助)\s*$")
_HELPED_AFTER_RE = re.compile(r"\s*(?:等(?:有关|相关)?(?:部门|单位))?\s*(?:做好|开展|推进|完成|实施|抓好|落实|办理)")


def helped_bodies(source: str, units: list[Unit], mentions: list[Mention]) -> list[_Statement]:
    """配合X做好… / 协助X开展…: X leads the work the others help with."""
    found: list[_Statement] = []
    for unit, sent, group in _sentence_groups(source, units, mentions):
        if _between(source, sent, group, _HELPED_BEFORE_RE, 2, _HELPED_AFTER_RE):
            found += _statements(source, unit, sent, group, _named(source, group), Role.LEAD)
    return found


# 要充分发挥财政部的牵头作用 / 发挥联席会议的统筹协调作用: the body whose role the text calls on leads (coordinates)
_PLAYS_BEFORE_RE = re.compile(r"发挥(?:好)?\s*$")
_PLAYS_AFTER_RE = re.compile(r"\s*(?:等(?:部门|单位))?(?:的)?(?P<role>牵头|主导|统筹协调|协调|统筹)(?:抓总)?作用")


def roles_called_on(source: str, units: list[Unit], mentions: list[Mention]) -> list[_Statement]:
    """发挥X的牵头作用 → X leads; 发挥X的统筹协调作用 → X coordinates."""
    found: list[_Statement] = []
    for unit, sent, group in _sentence_groups(source, units, mentions):
        after = _between(source, sent, group, _PLAYS_BEFORE_RE, 4, _PLAYS_AFTER_RE)
        if after:
            role = Role.COORDINATOR if "协调" in after.group("role") or after.group("role") == "统筹" else Role.LEAD
            found += _statements(source, unit, sent, group, _named(source, group), role)
    return found


# 项目单位应当接受市财政局、市审计局的监督检查: the bodies whose oversight (review) the others must accept do it
_ACCEPTS_BEFORE_RE = re.compile(r"接受\s*$")
_ACCEPTS_AFTER_RE = re.compile(r"\s*(?:及其[^，,。；;、]{1,10}?)?(?:等(?:有关)?(?:部门|单位))?(?:的|依法(?:进行|开展|实施)的)?"
                               r"(?P<what>监督检查|监督|督查|检查|审计|考核|评估|评价)(?!结果|意见|报告)")


_ACCOUNTABLE_TO_RE = re.compile(r"人大|人民代表大会|政协|政治协商会议")


def accepted_overseers(source: str, units: list[Unit], mentions: list[Mention]) -> list[_Statement]:
    """接受X的监督(检查) / 审计 → X supervises; 接受X的考核 / 评估 → X evaluates."""
    found: list[_Statement] = []
    for unit, sent, group in _sentence_groups(source, units, mentions):
        after = _between(source, sent, group, _ACCEPTS_BEFORE_RE, 2, _ACCEPTS_AFTER_RE)
        # 接受全国人大及其常委会的监督: a government's accountability to its congress, no oversight of the unit's work
        named = [m for m in _named(source, group) if not _ACCOUNTABLE_TO_RE.search(m[0].text(source))]
        if after and named:
            role = Role.EVALUATOR if after.group("what") in ("考核", "评估", "评价") else Role.SUPERVISOR
            found += _statements(source, unit, sent, group, named, role)
    return found
