"""A named body as the grammatical subject of a clause whose verb is an act, for the verbs and the modifiers the
sentence readers (``ingest.duties``, ``ingest.acts``) do not list one by one.

The shape is general: a list of named bodies opens a clause (the sentence's start, or after ， ； ： with only a
number or a word of time before it), then, before the verb, any of

- a modal or a manner word (要, 应当, 将, 分别, 积极, 每季度, 进一步 …),
- a prepositional phrase with no punctuation in it (对…, 为…, 向…, 与…, 在…中, 依托…, 围绕…, 按照…),
- a framing phrase closed by a comma (根据…，, 通过…方式，, 在…前，),

then a verb of doing (制定, 开展, 加大, 统筹, 给予, 提供, 争取, 预留, 实行, 通报 …). Each body of the list acts:
the lead, or what the clause's duty says (督查 → supervisor, 评估 → evaluator, 统筹协调 → coordinator, the
readers of ``ingest.duties._duties``); a body that 配合 / 协助 / 参与 takes part.

It is a fallback: a group is read only when no other reader has recorded any of its bodies from that sentence,
so the finer readings (会同, 牵头, 由X…, notes) keep their roles. Not read: the narrative preamble, collectives
(各区, 有关部门: the readers of collectives decide), a verb that makes a noun phrase (市财政局安排的资金,
市商务局制定出台的办法), and a body after 由 / 对 / 向 / 请 (that is no clause start).
"""

from __future__ import annotations

import re

from .duties import _duties
from .model import Role, Unit, UnitKind
from .notes import Mention, _groups, _inside, _is_collective, _Statement, _trimmed, _unique, unit_sentences

__all__ = ["carried_duties", "colon_duties", "subject_acts"]

# The verbs of doing a government text writes with a body as subject.
_VERB = (r"(?:制定|制订|编制|出台|印发|发布|修订|起草|研究|建立|健全|完善|构建|搭建|建设|打造|培育|创建|设立|组建"
         r"|推进|推动|促进|深化|实施|开展|组织|举办|承办|召开|落实|执行|贯彻|加强|强化|加大|加快|提升|提高|优化|改善"
         r"|规范|扩大|拓展|拓宽|引导|鼓励|支持|扶持|保障|做好|抓好|搞好|统筹|协调|指导|督促|督查|督导|检查|监督|监管"
         r"|督办|考核|评估|评审|审核|审查|审批|核准|认定|发放|拨付|安排|下达|给予|提供|争取|对接|推广|宣传|培训|招引|引进"
         r"|谋划|储备|预留|核查|清理|整治|治理|查处|办理|受理|核实|公布|公示|通报|汇总|总结|主导|兑现|确保"
         r"|(?:承担|履行)(?=[^，,。；;]{0,16}?(?:责任|职责|义务|职能))"
         r"|配备|设置|布局|规划|改造|新建|完成|启动|探索|试点|收集|归集|整合|调度|跟踪|监测|排查|梳理|实行|推行|列入"
         r"|纳入|会商|研判|分析|部署|牵头|进行|采取|加以|予以|配合|协助|参与|参加|负责(?!人(?![才口力事民])|同志))")
_HELPS_RE = re.compile(r"(?:配合|协助|参与|参加)")
# Between the list and its verb: modals, manner and time words, and prepositional phrases with no punctuation.
_MODIFIER = (r"(?:等(?:有关|相关)?(?:部门|单位)"
             r"|要(?!求|素|点|件)|应当|应|须|需|必须|将(?!其)|可以?|还将|还要|也要|都要|均要|正在|拟(?!任|聘)"
             r"|分别|共同|各自|一起|同步|按职责分工|按照职责分工|按职责|依职责|依法|依规|按规定|按程序|按要求"
             r"|每年|每半年|每季度|每月|年度|定期|不定期|适时|及时|积极|主动|进一步|继续|持续|着力|重点|全力|大力|切实"
             r"|认真|不断|逐步|加快|抓紧|尽快|统一|具体|主要|全面|深入|今年|明年|年内|近期|下一步|今后"
             r"|优先|率先|严格|从严|广泛|充分|密切|集中|分批|分步|按期|限期|依规|有序|稳步|扎实|精准|高效|大胆"
             r"|(?:对|为|向|与|同|给|在|从|按照|根据|依照|依据|依托|通过|围绕|结合|针对|聚焦|面向|利用|借助|会同|联合|协同|将|把)"
             r"[^，,。；;：:、]{1,30}?"
             r"|(?:根据|按照|依照|依据|结合|通过|在|依托|围绕|针对|聚焦|利用|借助|对|为|作为)[^，,。；;：:]{1,40}?[，,]"
             # 市发展改革委是项目建设管理的综合部门，主要负责…: what the body is, then its duty
             r"|是[^，,。；;：:]{1,30}?(?:部门|单位|机关|机构|主体)[，,])")
_ACT_RE = re.compile(r"\s*(?:" + _MODIFIER + r"\s*)*?" + r"(?P<verb>" + _VERB + r")(?!的|人员|人[，,。；;、]|者|单位|部门|机制)")
# (but 督办落实情况, 通报进展: a verb of checking or reporting takes the state of a work as its object)
_CHECKS_RE = r"(?!(?:督办|督查|督导|督促|检查|核查|通报|汇总|跟踪|调度|监测|总结)(?!的))"
_NOUN_AFTER_RE = re.compile(_CHECKS_RE + _VERB + r"(?:" + _VERB + r")?(?:的|情况|进展|成效)")  # …落实情况纳入考核: a noun  # 市财政局制定出台的办法: the verb makes a noun phrase
# A clause that reports what was done (湖北省地震局已在…设立了监测站, 国务院部署开展了…) or states how a body is
# constituted (国务院实行总理负责制): a fact of the text's background, no duty of the unit.
_DONE_RE = re.compile(r"已|曾")
_DONE_AFTER_RE = re.compile(r"[^，,。；;]*?了(?!解)")
_CONSTITUTED_RE = re.compile(r"实行[^，,。；;]{0,20}?(?:制|制度)(?=[，,。；;]|$)")
# 税务机关核查…情况时，纳税人应当…: the body's act is the time of the sentence, whose act is another's
_WHEN_RE = re.compile(r"[^，,。；;]*?(?<!同)(?:时|之时|之后|以后|期间)[，,]")
# 你省正在开展… / 我局…: a pronoun's act is read by the readers of replies (ingest.replyacts)
_PRONOUN_RE = re.compile(r"[你我]")
# Before the list: a number, an item's marker, a word that starts a clause (同时, 并, 此外) or of time.
_CLAUSE_HEAD_RE = re.compile(r"[\s\d一二三四五六七八九十百、．.（）()]*(?:(?:同时|并|此外|另外|目前|当前|今后|下一步|近期)[，,]?\s*)?")


def _clause_start(source: str, start: int, pos: int) -> int:
    """Where the clause holding ``pos`` starts: after the last ， ； ： before it, or the sentence's start."""
    cut = max(source.rfind(c, start, pos) for c in "，,；;：:")
    return start if cut == -1 else cut + 1


def subject_acts(source: str, units: list[Unit], mentions: list[Mention],
                 found: list[_Statement]) -> list[_Statement]:
    """Named bodies that open a clause and do its act (市商务局每季度通报…, 市财政局对…给予奖励, 市应急局为…
    提供保障): each leads, or takes the role its duty names; only lists no other reader took in that sentence."""
    read = [(st.agent, st.span) for st in found]
    out: list[_Statement] = []
    for unit in units:
        if unit.kind is UnitKind.PREAMBLE:
            continue
        for sent in unit_sentences(unit):
            taken = {agent for agent, span in read if span.start < sent.end and sent.start < span.end}
            for group in _groups(source, _inside(mentions, sent.start, sent.end)):
                named = [m for m in _unique(group) if not _is_collective(source, m)]
                if not named or any(m[1] in taken for m in group):
                    continue
                head = group[0][0].start
                if not _CLAUSE_HEAD_RE.fullmatch(source, _clause_start(source, sent.start, head), head):
                    continue
                tail = group[-1][0].end
                act = _ACT_RE.match(source, tail, sent.end)
                if act is None or _NOUN_AFTER_RE.match(source, act.start("verb"), sent.end):
                    continue
                if (_DONE_RE.search(source, tail, act.start("verb")) or _DONE_AFTER_RE.match(source, act.start("verb"), sent.end)
                        or _CONSTITUTED_RE.match(source, act.start("verb"), sent.end)
                        or _WHEN_RE.match(source, act.start("verb"), sent.end)
                        or any(_PRONOUN_RE.match(source, m[0].start) for m in named)):
                    continue
                if _HELPS_RE.fullmatch(act.group("verb")):
                    roles = [Role.PARTICIPANT]
                else:
                    # the duty is read after the frames closed by a comma (作为主管部门，要加强统筹协调)
                    framed = max(source.rfind("，", tail, act.start("verb")), source.rfind(",", tail, act.start("verb")))
                    instead, duty = _duties(source, framed + 1 if framed != -1 else tail, sent.end)
                    roles = duty if (duty and instead) else [Role.LEAD, *duty]
                listed = tuple(m[0].text(source) for m in group)
                span = _trimmed(source, sent)
                out += [_Statement(m[1], role, unit.path, span, False, listed) for m in named for role in roles]
    return out


# 市交通运输局牵头制定服务规范。同时，要加强对运营企业的督促检查。: a sentence with no body of its own that goes on
# with what the previous sentence's subject must do
_GOES_ON_RE = re.compile(r"[\s\d一二三四五六七八九十、．.（）()]*(?:(?:同时|此外|另外|并|还|今后)[，,]?\s*)?"
                         r"(?:还要|也要|要|应当|应|须|必须|将|并|还)\s*")


def carried_duties(source: str, units: list[Unit], mentions: list[Mention],
                   found: list[_Statement]) -> list[_Statement]:
    """The oversight, review or coordination (督查, 评估, 统筹协调) a subject-less sentence adds to the work of the
    bodies that opened the sentence before it in the same unit (one list, read by another reader there)."""
    out: list[_Statement] = []
    for unit in units:
        if unit.kind is UnitKind.PREAMBLE:
            continue
        subject: list[Mention] = []
        for sent in unit_sentences(unit):
            inside = _inside(mentions, sent.start, sent.end)
            if inside:
                groups = _groups(source, inside)
                first = groups[0]
                head = first[0][0].start
                read_there = {st.agent for st in found if st.span.start <= head < st.span.end
                              and st.role is not Role.PARTICIPANT}
                subject = ([m for m in _unique(first) if not _is_collective(source, m)]
                           if _CLAUSE_HEAD_RE.fullmatch(source, sent.start, head)
                           and all(m[1] in read_there for m in first) else [])
                continue
            goes_on = _GOES_ON_RE.match(source, sent.start, sent.end)
            if not subject or goes_on is None:
                subject = []
                continue
            instead, duty = _duties(source, goes_on.end(), sent.end)
            duty = [r for r in duty if r in (Role.SUPERVISOR, Role.EVALUATOR, Role.COORDINATOR)]
            if duty and instead:
                span = _trimmed(source, sent)
                listed = tuple(m[0].text(source) for m in subject)
                out += [_Statement(m[1], role, unit.path, span, False, listed) for m in subject for role in duty]
    return out


# 市民政局：负责制定标准；会同市财政局落实补贴；定期开展评估。: a body, a colon, then the duties it has
_COLON_RE = re.compile(r"\s*(?:（[^（）]{1,12}）)?\s*[：:]\s*")
_DUTY_CLAUSE_RE = re.compile(r"[^；;。]+")


def colon_duties(source: str, units: list[Unit], mentions: list[Mention]) -> list[_Statement]:
    """A list of named bodies that opens a sentence and is followed by a colon, then clauses of acts (负责…；会同…；
    定期开展评估): each body leads the unit, and takes the roles its clauses name (评估 → evaluator, 督查 →
    supervisor, 统筹协调 → coordinator); a clause that only helps (配合…, 参与…) makes it a participant; a
    collective with duties (各区人民政府：负责本辖区…) implements. The narrative preamble and an addressee line
    (nothing after the colon on its line) are left alone."""
    out: list[_Statement] = []
    for unit in units:
        if unit.kind is UnitKind.PREAMBLE:
            continue
        for sent in unit_sentences(unit):
            groups = _groups(source, _inside(mentions, sent.start, sent.end))
            if not groups:
                continue
            group = groups[0]
            head = group[0][0].start
            colon = _COLON_RE.match(source, group[-1][0].end, sent.end)
            named = [m for m in _unique(group) if not _is_collective(source, m)]
            collective = [m for m in _unique(group) if _is_collective(source, m)]
            if colon is None or not _CLAUSE_HEAD_RE.fullmatch(source, sent.start, head):
                continue
            roles: list[Role] = []
            for clause in _DUTY_CLAUSE_RE.finditer(source, colon.end(), sent.end):
                act = _ACT_RE.match(source, clause.start(), clause.end())
                if act is None or _NOUN_AFTER_RE.match(source, act.start("verb"), clause.end()):
                    continue
                if _HELPS_RE.fullmatch(act.group("verb")):
                    roles.append(Role.PARTICIPANT)
                    continue
                instead, duty = _duties(source, clause.start(), clause.end())
                roles += duty if (duty and instead) else [Role.LEAD, *duty]
            if Role.LEAD in roles or any(r in roles for r in (Role.EVALUATOR, Role.SUPERVISOR, Role.COORDINATOR)):
                roles = [r for r in roles if r is not Role.PARTICIPANT]  # its own work, with some help to others
            listed = tuple(m[0].text(source) for m in group)
            span = _trimmed(source, sent)
            out += [_Statement(m[1], role, unit.path, span, False, listed)
                    for m in named for role in dict.fromkeys(roles)]
            if roles:  # 各区人民政府：负责本辖区…: a collective with duties carries the work out where it is
                out += [_Statement(m[1], Role.IMPLEMENTER, unit.path, span, False, listed) for m in collective]
    return out
