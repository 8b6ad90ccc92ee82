"""What a reply (复函, 函, 答复) reports the ministries did on the request it answers.

A reply tells the asking government or deputy how its request was handled, and by whom; a user tracing who owns
the matter needs those bodies even where the act is already done. In a text written as a reply (函复如下, 答复如下,
转复你省, 复函), and only there (a notice's history is context, as the gold of forwarding notices reads it):

- ``扶贫办已会同交通部、水利部、林业局等部门赴广安市…进行了实地调查``, ``发展改革委已优先考虑…项目``: a named body that
  opens a clause and has already (已 / 已经) acted leads the unit; the bodies it acted together with (已会同Y、Z) take part;
- ``…进行了实地调查``, ``国土资源部两次组成专家组赴…现场进行了调查``: a named body whose clause investigates or assesses
  (调查, 调研, 考察, 核查, 评估, 论证) is the unit's evaluator, done or to be done;
- ``农业部也表示，对你省…将继续予以重点支持``: a commitment the reply relays leads (…表示将积极配合…: takes part);
  ``林业局与该部也正在研究…``, ``财政部正在抓紧修改…``: work under way is the body's own, it leads;
- ``温家宝总理…批示发展改革委、科技部、建设部和环保总局认真研究``: the bodies a leader's instruction asks to study the
  request are its handlers, a plain list (the first leads by convention, the others take part), also in the preamble.
"""

from __future__ import annotations

import re

from .model import Role, Unit, UnitKind
from .notes import Mention, _groups, _inside, _is_collective, _Statement, _trimmed, _unique, unit_sentences

__all__ = ["drop_reported_speech", "is_reply", "reply_acts"]

_REPLY_RE = re.compile(r"(?:函复|答复|转复)(?:如下|你|您)|复函")
_CLAUSE_RE = re.compile(r"(?:^|[，,；;：:。])\s*(?:[^，,；;：:。]{0,12}?[，,]\s*)?$")  # 2004年4月和9月，X…
_DONE_RE = re.compile(r"\s*(?:等(?:有关)?(?:部门|单位))?\s*(?:今年|近期|目前|此前|也|均|都|还)*(?:已经|已)(?![经被列纳])"
                      r"(?P<with>会同|联合|协同)?")
_INVESTIGATES_RE = re.compile(r"(?:进行|开展|组织|作)了?[^，,。；;]{0,8}?(?:调查|调研|考察|核查|勘查|评估|论证|审核|审查|评审)")
_REVIEWED_RE = re.compile(r"(?:分别|先后|共同)?(?:进行|开展|组织|作)了?(?:审查|审核|评审|评估|论证)")
_INSTRUCTED_RE = re.compile(r"(?:批示|批请|批转)\s*$")
_STUDY_RE = re.compile(r"\s*(?:等(?:有关)?(?:部门|单位))?\s*(?:认真|抓紧|尽快)?(?:研究|办理|研究办理|研处)")


# 农业部也表示，对你省…将继续予以重点支持 / 水利部也表示将积极配合… / 财政部认为，…: a body's word, relayed by the reply
_SAYS_RE = re.compile(r"\s*(?:等(?:有关)?(?:部门|单位))?\s*(?:也|还|均|都)?(?:表示|建议(?=[，,：:])|(?:经)?(?:研究)?认为)[，,：:]?")  # X建议，…: X's handling opinion
_HELPS_RE = re.compile(r"[^，,。；;]{0,10}?(?:积极|全力)?(?:配合|协助)")
# 财政部正在抓紧修改…, 林业局与该部也正在研究…, 发展改革委目前正会同你省…: work under way, the body's own
_UNDER_WAY_RE = re.compile(r"\s*(?:等(?:有关)?(?:部门|单位))?\s*(?:与[^，,。；;]{1,12}?)?(?:也|还|均|都|目前|现)*(?:正在|正(?=会同|抓紧|积极|着手|组织|研究|加快|按照|根据|与|对))")

# …，国家信访局都及时报送国务院领导同志: a body that habitually passes what it receives on (报送, 转送, 转报, 转交)
_FORWARDS_RE = re.compile(r"\s*(?:也|还|均|都|一般)*(?:及时|定期|按规定|逐件)?(?:报送|转送|转报|转交)(?!的|了)")


def is_reply(source: str) -> bool:
    """Whether the text is written as a reply to a request (函复如下, 答复如下, 转复你省, 复函)."""
    return bool(_REPLY_RE.search(source))


def reply_acts(source: str, units: list[Unit], mentions: list[Mention]) -> list[_Statement]:
    if not is_reply(source):
        return []
    found: list[_Statement] = []
    for unit in units:
        if unit.kind is UnitKind.ANNEX or unit.path.startswith("附件"):
            continue  # a report attached to the reply tells its own story
        for sent in unit_sentences(unit):
            span = _trimmed(source, sent)
            groups = _groups(source, _inside(mentions, sent.start, sent.end))
            for k, group in enumerate(groups):
                named = _unique([m for m in group if not _is_collective(source, m)])
                if not named:
                    continue
                head, tail = group[0][0].start, group[-1][0].end
                listed = tuple(m[0].text(source) for m in group)
                if _INSTRUCTED_RE.search(source, max(sent.start, head - 3), head) and _STUDY_RE.match(source, tail, sent.end):
                    for i, m in enumerate(named):  # 批示A、B认真研究: the first handles it by convention, the others help
                        first = i == 0
                        found.append(_Statement(m[1], Role.LEAD if first else Role.PARTICIPANT, unit.path, span,
                                                first and len(named) > 1, listed))
                    continue
                if not _CLAUSE_RE.search(source[sent.start : head]):
                    continue
                named = [m for m in named if not m[0].text(source).startswith("你")]
                if not named:
                    continue  # 你省正在开展前期工作: what the asking government does is the background of the reply
                clause_end = min((i for i in (source.find(c, tail, sent.end) for c in "；;") if i != -1), default=sent.end)
                says = _SAYS_RE.match(source, tail, clause_end)
                if says:
                    role = Role.PARTICIPANT if _HELPS_RE.match(source, says.end(), clause_end) else Role.LEAD
                    found += [_Statement(m[1], role, unit.path, span, False, listed) for m in named]
                    continue
                if _FORWARDS_RE.match(source, tail, clause_end):
                    # 国家信访局都及时报送国务院领导同志: the body that passes the matter on to the one who decides takes part
                    found += [_Statement(m[1], Role.PARTICIPANT, unit.path, span, False, listed) for m in named]
                    continue
                if _UNDER_WAY_RE.match(source, tail, clause_end):
                    found += [_Statement(m[1], Role.LEAD, unit.path, span, False, listed) for m in named]
                done = _DONE_RE.match(source, tail, clause_end)
                # X和Y已分别进行了审查和评估: a done review is the bodies' review of another's work, no work they lead
                reviewed = done and _REVIEWED_RE.match(source, done.end(), clause_end)
                if done and not reviewed:
                    found += [_Statement(m[1], Role.LEAD, unit.path, span, False, listed) for m in named]
                    if done.group("with") and k + 1 < len(groups) and groups[k + 1][0][0].start == done.end():
                        found += [_Statement(m[1], Role.PARTICIPANT, unit.path, span, False,
                                             tuple(x[0].text(source) for x in groups[k + 1]))
                                  for m in _unique(groups[k + 1]) if not _is_collective(source, m)]
                # the investigation is the body's own up to another body's name (委托X对…评估: X assesses), past the
                # bodies it works with (已会同Y…) and a group it forms (组成专家组…)
                limit = clause_end
                for other in groups[k + 1 :]:
                    start = other[0][0].start
                    if start >= clause_end:
                        break
                    # another body that acts here (委托X…, 由X…, …，X…); not a place the body goes to (赴你省…)
                    acts = re.search(r"(?:委托|由|请|交由|[，,])\s*$", source[max(head, start - 3) : start])
                    with_list = done is not None and done.group("with") and start == done.end()
                    if acts and not with_list:
                        limit = start
                        break
                if _INVESTIGATES_RE.search(source, tail, limit):
                    found += [_Statement(m[1], Role.EVALUATOR, unit.path, span, False, listed) for m in named]
    return found


# 温家宝总理等国务院领导同志多次指出，各级政府要…; …要求各级政府依法行政: a leader's words the reply reports, not the
# reply's own assignment; the collectives they urge get no duty from the reply.
_REPORTED_RE = re.compile(r"(?:总理|副总理|国务委员|领导同志|负责同志|主席)[^。；;]{0,16}?(?:指出|强调|要求|表示)")


def drop_reported_speech(source: str, found: list[_Statement]) -> list[_Statement]:
    """In a reply, an implementer read from a leader's reported words (…领导同志多次指出，各级政府要…) is dropped."""
    if not is_reply(source):
        return found
    return [st for st in found
            if not (st.role is Role.IMPLEMENTER and _REPORTED_RE.search(source, st.span.start, st.span.end))]
