"""Who is responsible for each unit: explicit statements (责任单位：, 牵头, 由…负责, 召集, 参加, 评估督查) then generic inference rules."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from .departments import DISTRICTS, MUNICIPAL_GOVERNMENT
from .model import Basis, Department, Responsibility, Role, Span, Unit, UnitKind

__all__ = ["assign_responsibilities", "explicit_responsibilities", "infer_responsibilities", "unit_sentences"]

log = logging.getLogger(__name__)

Mention = tuple[Span, str]  # (where, Department.key)

_SENTENCE_RE = re.compile(r"[^。！？!?\r\n]+[。！？!?]?")
_ALL_LEAD_RE = re.compile(r"(?:均|都)为(?:牵头|责任)单位|共同牵头|排名不分先后")
_DUTY_RE = re.compile(r"责任单位[：:]")
_LEAD_RE = re.compile(r"牵头单位[：:]")
_HELP_RE = re.compile(r"(?:配合|参与|协办)单位[：:]")
_LIST_END = "；;。）)\r\n"
_PAREN_RE = re.compile(r"[（(](?P<lead>[^（）()]*?)牵头(?:[，,、；;]?(?P<help>[^（）()]*?)(?:配合|参与|参加))?[^（）()]*?[）)]")
_EVALUATES_RE = re.compile(r"^(?:每年|每半年|每季度|定期|适时|要|负责)*组织")
_EVALUATION_RE = re.compile(r"评估|督查|考核|检查")
_RESPONSIBLE_RE = re.compile(r"^(?:具体|主要|牵头)?负责")
_DISTRICT_ACTS_RE = re.compile(r"^(?:可|要|应|负责|建立|制定|结合|根据)")
_DISTRICT_URGED_RE = re.compile(r"(?:鼓励|支持|引导|要求|指导)$")
_COORDINATES_RE = re.compile(r"协调|统筹|监督指导")
_WORK_KINDS = (UnitKind.MEASURE, UnitKind.TASK, UnitKind.SAFEGUARD, UnitKind.GOAL)


def unit_sentences(unit: Unit) -> Iterator[Span]:
    """Spans of the sentences of a unit's own text (split at 。！？ and line ends)."""
    for m in _SENTENCE_RE.finditer(unit.text):
        if m.group().strip():
            yield Span(unit.span.start + m.start(), unit.span.start + m.end())


def _in(mentions: list[Mention], start: int, end: int) -> list[str]:
    keys: list[str] = []
    for span, key in mentions:
        if start <= span.start and span.end <= end and key not in keys:
            keys.append(key)
    return keys


def _list_region(source: str, start: int, end: int) -> int:
    i = start
    while i < end and source[i] not in _LIST_END:
        i += 1
    return i


def _sentence_roles(source: str, sent: Span, mentions: list[Mention], all_lead: bool) -> Iterator[tuple[str, Role]]:
    """(department key, role) pairs a sentence states explicitly."""
    s, e = sent.start, sent.end
    text = source[s:e]
    for m in _DUTY_RE.finditer(text):
        keys = _in(mentions, s + m.end(), _list_region(source, s + m.end(), e))
        for i, key in enumerate(keys):
            yield key, Role.LEAD if i == 0 or all_lead else Role.PARTICIPANT
    for regex, role in ((_LEAD_RE, Role.LEAD), (_HELP_RE, Role.PARTICIPANT)):
        for m in regex.finditer(text):
            for key in _in(mentions, s + m.end(), _list_region(source, s + m.end(), e)):
                yield key, role
    for m in _PAREN_RE.finditer(text):
        for key in _in(mentions, s + m.start("lead"), s + m.end("lead")):
            yield key, Role.LEAD
        if m.group("help") is not None:
            for key in _in(mentions, s + m.start("help"), s + m.end("help")):
                yield key, Role.PARTICIPANT
    convened = text.find("召集")
    if convened != -1:
        by = text.rfind("由", 0, convened)
        for key in _in(mentions, s + by + 1 if by != -1 else s, s + convened):
            yield key, Role.CONVENER
    joined = text.find("参加")
    if joined != -1:
        list_start = convened + 2 if -1 < convened < joined else max(text.rfind("由", 0, joined) + 1, 0)
        for key in _in(mentions, s + list_start, s + joined):
            yield key, Role.PARTICIPANT
    for span, key in mentions:
        if not (s <= span.start < e):
            continue
        after, before = source[span.end : e], source[s : span.start]
        if _RESPONSIBLE_RE.match(after):
            yield key, Role.IMPLEMENTER if key == DISTRICTS else Role.LEAD
        elif key != DISTRICTS and _EVALUATES_RE.match(after) and _EVALUATION_RE.search(after):
            yield key, Role.EVALUATOR
        elif key == DISTRICTS and (_DISTRICT_ACTS_RE.match(after) or _DISTRICT_URGED_RE.search(before)):
            yield key, Role.IMPLEMENTER


def explicit_responsibilities(source: str, units: list[Unit], mentions: list[Mention]) -> list[Responsibility]:
    """Responsibilities the text states, attached to the unit containing the sentence."""
    all_lead = bool(_ALL_LEAD_RE.search(source))
    found: list[Responsibility] = []
    seen: set[tuple[str, str, Role]] = set()
    for unit in units:
        for sent in unit_sentences(unit):
            for key, role in _sentence_roles(source, sent, mentions, all_lead):
                if (key, unit.path, role) in seen:
                    continue
                seen.add((key, unit.path, role))
                found.append(Responsibility(key, unit.path, role, Basis.EXPLICIT, sent.text(source), sent))
    return found


def _supervisor(source: str, units: list[Unit], mentions: list[Mention]) -> tuple[str, Span] | None:
    """The body the text names as evaluating/supervising the plan (…每年组织对…进行评估，…开展督查)."""
    for unit in units:
        for sent in unit_sentences(unit):
            for key, role in _sentence_roles(source, sent, mentions, False):
                if role is Role.EVALUATOR:
                    return key, sent
    return None


def _coordinator(source: str, units: list[Unit], departments: list[Department]) -> tuple[Department, Span, str] | None:
    """The joint body the document creates, the sentence saying it coordinates, and the creating unit."""
    for dept in departments:
        if not dept.created_by_document or not dept.mentions:
            continue
        created = dept.mentions[0].start
        for unit in units:
            if unit.span.start <= created < unit.span.end:
                sentences = list(unit_sentences(unit))
                evidence = next((s for s in sentences if _COORDINATES_RE.search(s.text(source))), None)
                evidence = evidence or next(s for s in sentences if s.start <= created < s.end)
                return dept, evidence, unit.path
    return None


def infer_responsibilities(
    source: str,
    units: list[Unit],
    departments: list[Department],
    explicit: list[Responsibility],
    fallback_lead: str = MUNICIPAL_GOVERNMENT,
) -> list[Responsibility]:
    """Owners for measures, tasks, safeguards and goals the text leaves unassigned.

    Rules: ``enclosing-unit-lead-leads-its-parts`` (a measure under a task whose lead the text names takes
    that lead), ``plan-supervisor-leads-unassigned-work`` (the body organising evaluation of the whole plan
    leads), ``created-joint-body-coordinates-unassigned-work`` (the joint body the plan sets up
    coordinates); without a supervisor, ``issuer-leads-unassigned-work`` (the issuer or 市政府).
    """
    mentions = sorted(((s, d.key) for d in departments for s in d.mentions), key=lambda m: m[0].start)
    names = {d.key: d.pref_label for d in departments}
    supervisor = _supervisor(source, units, mentions)
    coordinator = _coordinator(source, units, departments)
    has = {(r.unit_path, r.role) for r in explicit}
    leads_of = {}
    for r in explicit:
        if r.role is Role.LEAD:
            leads_of.setdefault(r.unit_path, []).append(r)
    parent_of = {u.path: u.parent for u in units}
    inferred: list[Responsibility] = []
    for unit in units:
        if unit.kind not in _WORK_KINDS:
            continue
        if (unit.path, Role.LEAD) not in has:
            ancestor = parent_of.get(unit.path)
            while ancestor is not None and ancestor not in leads_of:
                ancestor = parent_of.get(ancestor)
            if ancestor is not None:
                for lead in leads_of[ancestor]:
                    inferred.append(Responsibility(
                        lead.agent, unit.path, Role.LEAD, Basis.INFERRED,
                        f"The text names no lead for this unit; it is part of {ancestor}, whose lead "
                        f"{names.get(lead.agent, lead.agent)} the text names, so that lead is taken. "
                        f"Source: “{lead.evidence}”",
                        lead.span, rule="enclosing-unit-lead-leads-its-parts",
                    ))
            elif supervisor is not None:
                key, sent = supervisor
                quote = sent.text(source)
                inferred.append(Responsibility(
                    key, unit.path, Role.LEAD, Basis.INFERRED,
                    f"The text names no lead for this unit; {names.get(key, key)} is the body the plan names to "
                    f"evaluate and supervise its implementation, so it is taken as lead. Source: “{quote}”",
                    sent, rule="plan-supervisor-leads-unassigned-work",
                ))
            else:
                inferred.append(Responsibility(
                    fallback_lead, unit.path, Role.LEAD, Basis.INFERRED,
                    f"The text names no lead for this unit and no body supervising the plan; the issuer "
                    f"{names.get(fallback_lead, fallback_lead)} is taken as lead.",
                    None, rule="issuer-leads-unassigned-work",
                ))
        if coordinator is not None and (unit.path, Role.COORDINATOR) not in has:
            dept, sent, created_in = coordinator
            if unit.path != created_in:
                inferred.append(Responsibility(
                    dept.key, unit.path, Role.COORDINATOR, Basis.INFERRED,
                    f"The plan sets up {dept.pref_label} to coordinate and supervise its work, so it coordinates "
                    f"this unit. Source: “{sent.text(source)}”",
                    sent, rule="created-joint-body-coordinates-unassigned-work",
                ))
    return inferred


def assign_responsibilities(
    source: str,
    units: list[Unit],
    departments: list[Department],
    fallback_lead: str = MUNICIPAL_GOVERNMENT,
) -> list[Responsibility]:
    """Explicit responsibilities, then inferred ones for work units left without a lead."""
    mentions = sorted(((s, d.key) for d in departments for s in d.mentions), key=lambda m: m[0].start)
    explicit = explicit_responsibilities(source, units, mentions)
    return explicit + infer_responsibilities(source, units, departments, explicit, fallback_lead)
