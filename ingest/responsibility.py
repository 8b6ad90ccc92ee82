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

Reading rules: 牵头 / 对…负总责 → lead; 会同 (the bodies after it) / 配合 / 参与 / 参加 / 选派人员参加 →
participant; 召集 → convener; 负责 + (组织)协调/统筹推进/统筹指导 → coordinator, + 评估/验收 → evaluator,
+ 督查/指导监督 → supervisor (also X会同Y对…开展评估), 要对…进行审查/审核 → evaluator; 须经X批准 → X leads; a
group the text sets up or composes (成立…专家组, 由A、B组成…工作小组) leads its unit; in a
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

import logging
import re
from collections.abc import Iterator

from .acts import (
    accepted_overseers,
    anaphora,
    consulted_first,
    framed_acts,
    helped_bodies,
    helpers_keep_their_part,
    led_work,
    passed_reviews,
    roles_called_on,
    stated_tasks,
    under_bodies,
)
from .clauseacts import carried_duties, colon_duties, subject_acts
from .duties import (
    _consulted,
    _entrusted,
    _headed_duty,
    _heading_body,
    _listed_helpers,
    _reviewers,
    _sentence_statements,
    _set_up_groups,
)
from .model import Basis, Department, Responsibility, Role, Span, Unit, UnitKind
from .notes import (
    _COMPOSE_AFTER_RE,
    _HELP,
    _LEAD,
    _NOTE_DUE_RE,
    _PLAIN,
    _SHORT_NAME_RE,
    Mention,
    _Conventions,
    _conventions,
    _inside,
    _Note,
    _note_units,
    _notes,
    _outside,
    _read_note,
    _Statement,
    _trimmed,
    _unit_at,
    unit_sentences,
)
from .replyacts import drop_reported_speech, reply_acts
from .selfref import leads_the_text
from .tasktable import Column, TaskRow, find_task_tables, parse_due, unit_of_row

__all__ = [
    "DOCUMENT_LEAD_RULE",
    "ENCLOSING_RULE",
    "FIRST_LISTED_RULE",
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

_NOT_WORK = (UnitKind.PREAMBLE, UnitKind.CLOSING, UnitKind.ANNEX)
# the work a text's lead carries out where no other body is named (not its goals, principles or articles of rules)
_WORK = (UnitKind.TASK, UnitKind.MEASURE, UnitKind.ITEM, UnitKind.SAFEGUARD)


def _row_statements(source: str, row: TaskRow, unit: Unit, mentions: list[Mention],
                    conv: _Conventions) -> Iterator[_Statement]:
    """What a task-table row states, each with the row as evidence and its due date."""
    due = row.cell(Column.DUE)
    due_text = due.text if due else ""
    lead_cell = row.cell(Column.LEAD)
    has_lead = lead_cell is not None and bool(_inside(mentions, lead_cell.span.start, lead_cell.span.end))
    leads: set[str] = set()
    # 指导部门 (a reform list's guiding departments) is a plain list of the bodies answerable for the row, read
    # as 责任单位 is: the first leads (inferred unless alone), the rest take part
    for column, default in ((Column.LEAD, _LEAD), (Column.PARTICIPANT, _HELP), (Column.RESPONSIBLE, _PLAIN),
                            (Column.GUIDE, _PLAIN)):
        parts = row.parts(column)
        if not parts:
            continue
        # a cell wrapped onto the lines below is one list: read over its parts, with only the names inside them
        note = _Note(row.span, Span(parts[0].span.start, parts[-1].span.end))
        own = [m for m in mentions if any(p.span.start <= m[0].start and m[0].end <= p.span.end for p in parts)]
        found = _read_note(source, note, own if len(parts) > 1 else mentions, conv, default)
        listed = tuple(m[0].text(source) for m, _, _ in found)
        for mention, role, conventional in found:
            if has_lead and column is Column.RESPONSIBLE and role is Role.LEAD:
                role, conventional = Role.PARTICIPANT, False
            if role is Role.LEAD:
                leads.add(mention[1])
            elif mention[1] in leads:
                continue
            yield _Statement(mention[1], role, unit.path, row.span, conventional, listed, due_text)


# A notice's bodies that wrote the text it issues (省工信厅、省财政厅研究制定了《…办法》，现印发给你们): the authors.
_AUTHORED_ISSUED_RE = re.compile(r"(?:研究)?(?:制定|修订|起草|编制|拟定)了?《[^《》]{2,80}》[，,]?\s*现(?:予|将其)?印发")


def _statements(source: str, units: list[Unit], mentions: list[Mention]) -> list[_Statement]:
    mentions = _outside(mentions, [Span(m.start(), m.end()) for m in _SHORT_NAME_RE.finditer(source)])
    tables = find_task_tables(source)
    table_spans = [t.span for t in tables]
    notes = _notes(source, mentions, table_spans)
    conv = _conventions(source, notes)
    found: list[_Statement] = []
    free = _outside(mentions, [n.span for n in notes] + table_spans)
    in_text: list[_Statement] = []
    for unit in units:
        heading: Mention | None = None
        for sent in unit_sentences(unit):
            if any(t.start <= sent.start < t.end for t in table_spans):
                continue
            read = list(_sentence_statements(source, sent, free, conv, unit.kind is UnitKind.PREAMBLE))
            if heading is not None and unit.kind is not UnitKind.PREAMBLE:
                read = list(_headed_duty(source, sent, heading)) + read
            heading = _heading_body(source, sent, free)
            authored = _AUTHORED_ISSUED_RE.search(source, sent.start, sent.end)
            if authored and unit.kind is UnitKind.NOTICE:  # …研究制定了《办法》，现印发给你们: its authors, no task
                read = [r for r in read if r[0][0].start >= authored.start()]
            listed = tuple(m[0].text(source) for m, _, _ in read)
            in_text += [_Statement(m[1], role, unit.path, _trimmed(source, sent), conventional, listed)
                        for m, role, conventional in read]
    # an item whose own sentences name its owners (由市工信局会同…组织实施) keeps a note under its last sibling
    # from standing for the whole section: that note is the last item's
    owned = {st.unit for st in in_text}
    for note, unit in _note_units(source, units, notes, owned).items():
        read = _read_note(source, note, mentions, conv)
        listed = tuple(m[0].text(source) for m, _, _ in read)
        due = _NOTE_DUE_RE.search(source, note.content.start, note.content.end)
        due_text = (due.group("d") or due.group("e")).strip() if due else ""
        found += [_Statement(m[1], role, unit.path, note.span, conventional, listed, due_text)
                  for m, role, conventional in read]
    found += in_text
    found += _listed_helpers(source, units, free)
    found += _reviewers(source, units, free)
    found += _set_up_groups(source, units, free)
    found += _entrusted(source, units, free)
    found += _consulted(source, units, free)
    found += framed_acts(source, units, free) + under_bodies(source, units, free) + stated_tasks(source, units, free)
    found += reply_acts(source, units, free) + consulted_first(source, units, free) + helped_bodies(source, units, free)
    found += roles_called_on(source, units, free) + accepted_overseers(source, units, free)
    found += led_work(source, units, free) + passed_reviews(source, units, free)  # X牵头的…项目; 通过X验收
    for table in tables:
        holder = _unit_at(units, table.header.start)
        for row in table.rows:
            unit = unit_of_row(row, units, _deepest_at(units, row.span.start) or holder, table)
            if unit is not None:
                found += _row_statements(source, row, unit, mentions, conv)
    found += colon_duties(source, units, free)  # 市民政局：负责…；会同…；定期开展评估
    found += subject_acts(source, units, free, found)  # a named subject with a verb no other reader lists
    found += carried_duties(source, units, free, found)  # …。同时，要加强督促检查: the previous subject's oversight
    found = helpers_keep_their_part(source, drop_reported_speech(source, found), mentions)
    # 联席会议由A、B…组成，A为牵头单位: the member named as lead leads; it is not also listed as a participant
    leads = {(st.agent, st.unit, st.span) for st in found if st.role is Role.LEAD}
    found = [st for st in found if not (st.role is Role.PARTICIPANT and (st.agent, st.unit, st.span) in leads
                                        and _COMPOSE_AFTER_RE.search(st.span.text(source)))]
    return sorted(found, key=lambda s: (s.span.start, s.span.end))


def _deepest_at(units: list[Unit], pos: int) -> Unit | None:
    """The innermost unit whose span holds ``pos``: a row under an annex's 一、… part belongs to that part."""
    holding = [u for u in units if u.span.start <= pos < u.span.end]
    return max(holding, key=lambda u: u.span.start) if holding else None


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
        # 成立…工作专班，工作专班办公室设在市发改委，负责统筹协调: what follows another group's mention is that one's
        stop = min((m.start for d in departments if d is not dept and d.category == "joint-body" for m in d.mentions
                    if sent is not None and first.end <= m.start < sent.end), default=sent.end if sent else 0)
        if unit is not None and sent is not None and _COORDINATION_RE.search(source, first.end, stop):
            span = _trimmed(source, sent)
            found.append(Responsibility(dept.key, unit.path, Role.COORDINATOR, Basis.EXPLICIT, span.text(source), span))
    return found


_FUNCTIONS_HEADING_RE = re.compile(r"^(?:主要|工作|基本)?(?:职能|职责)(?:任务)?$")
_COORDINATES_RE = re.compile(r"(?:^|[；;，,。：:])\s*(?:负责)?(?:统筹)?协调")


def _functions_of_created_body(source: str, units: list[Unit], departments: list[Department]) -> list[Responsibility]:
    """A section headed 主要职能 / 主要职责 in a text that sets up one body (组建方案, 批复 同意组建…) states that body's
    duties with no subject: the body coordinates where the section does (协调…重大事项), else it leads."""
    created = [d for d in departments if d.created_by_document]
    if len(created) != 1:
        return []
    found: list[Responsibility] = []
    for unit in units:
        if not _FUNCTIONS_HEADING_RE.match(unit.heading.strip(" 　。：:")) or not unit.text.strip():
            continue
        own = Span(unit.span.start, unit.span.end)
        role = Role.COORDINATOR if _COORDINATES_RE.search(source, own.start, own.end) else Role.LEAD
        span = _trimmed(source, own)
        found.append(Responsibility(created[0].key, unit.path, role, Basis.EXPLICIT, span.text(source), span))
    return found


def assign_responsibilities(source: str, units: list[Unit], departments: list[Department]) -> list[Responsibility]:
    """What the text states, then the leads enclosing units pass on to their parts."""
    mentions = [(s, d.key) for d in departments for s in d.mentions]
    mentions = mentions + _short_references(source, departments, mentions)
    mentions = sorted(mentions + anaphora(source, mentions), key=lambda m: m[0].start)  # 该委, 该部: ingest.acts
    stated = stated_responsibilities(source, units, mentions)
    seen = {(r.agent, r.unit_path, r.role, r.span) for r in stated}
    stated += [r for r in _created_body_coordinates(source, units, departments)
               + _functions_of_created_body(source, units, departments)
               if (r.agent, r.unit_path, r.role, r.span) not in seen]
    return stated + infer_responsibilities(source, units, departments, stated)
