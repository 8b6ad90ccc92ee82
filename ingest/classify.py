"""Decide each Unit's kind from the document's own headings (指导思想, 基本原则, 主要目标, 重点任务, 保障措施);
第X条 is an article, and the preamble, closing and annexes keep the kinds the structure gave them."""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from .model import Numbering, Unit, UnitKind

__all__ = ["classify_units", "heading_role"]

log = logging.getLogger(__name__)

# A role heading is a short title, not a sentence that happens to contain the words.
_MAX_ROLE_HEADING = 16
_MAX_RESULTS_HEADING = 32
# The section headings of every genre (意见, 方案, 计划, 通知): 总体要求 opens a plan as 指导思想 does; 主要措施,
# 具体措施, 试点任务 hold the tasks; 组织领导, 工作要求 the safeguards. Order matters: the first that matches wins.
_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # 主要目标完成情况, 工作完成情况, 主要成效: a report of what was done, before any goals word it holds
    ("results", re.compile(r"(?:完成|执行|进展|落实|实施)情况$|(?:主要|工作|发展|显著|取得的?)成效$|工作回顾$")),
    ("guideline", re.compile(r"指导思想")),
    ("overall", re.compile(r"总体要求|总体思路|总体考虑")),  # a guideline when it holds no parts of its own
    ("principles", re.compile(r"基本原则|工作原则|主要原则|原则$")),
    ("goals", re.compile(r"主要目标|发展目标|工作目标|总体目标|预期目标|具体目标|目标任务|目标要求|主要指标")),
    # 2024年主要工作安排 / 今年工作安排 in a work report: the year's tasks (a bare 工作安排 is a schedule, below)
    ("tasks", re.compile(r"重点任务|主要任务|重点工作|主要举措|主要措施|具体措施|重点措施|政策措施|工作任务|试点任务"
                         r"|(?:主要|重点|年度|[0-9]{4}年|今年|明年)工作安排")),
    ("safeguards", re.compile(r"保障措施|保障机制|组织实施|组织保障|实施保障|组织领导"
                              r"|(?:工作要求|工作保障|实施步骤|进度安排|工作安排|工作进度)$")),
)
_TOP_NUMBERINGS = (Numbering.BOOK, Numbering.PART, Numbering.HAN_COMMA, Numbering.ARTICLE_CHAPTER, Numbering.DECIMAL_1)


def heading_role(unit: Unit) -> str | None:
    """The role its heading announces ("guideline", "principles", "goals", "tasks", "safeguards"), if any."""
    if len(unit.heading) > _MAX_ROLE_HEADING:
        # 2024年国民经济和社会发展计划执行情况: a report's long heading still announces results when it ends so
        if len(unit.heading) <= _MAX_RESULTS_HEADING and not re.search(r"[，,。；;：:]", unit.heading) and \
                _ROLES[0][1].search(unit.heading):
            return "results"
        return None
    for role, pattern in _ROLES:
        if pattern.search(unit.heading):
            return role
    return None


_LEAF_KINDS = {"principles": UnitKind.PRINCIPLE, "goals": UnitKind.GOAL, "safeguards": UnitKind.SAFEGUARD}
_FIXED_KINDS = (UnitKind.PREAMBLE, UnitKind.CLOSING, UnitKind.ANNEX, UnitKind.NOTICE, UnitKind.PARAGRAPH)


def _kind(unit: Unit, by_path: dict[str, Unit]) -> UnitKind:
    if unit.kind in _FIXED_KINDS:
        return unit.kind
    if unit.numbering is Numbering.ARTICLE or unit.kind is UnitKind.ARTICLE:
        # 第X条 stays an article wherever it stands (also inside a 保障措施 chapter).
        return UnitKind.ARTICLE
    own_role = heading_role(unit)
    if own_role == "guideline" or (own_role == "overall" and not unit.children and unit.parent):
        return UnitKind.GUIDELINE
    parent = by_path.get(unit.parent) if unit.parent else None
    if parent is not None and parent.kind in (UnitKind.ANNEX, UnitKind.NOTICE):
        parent = None  # an annex's or a notice's own numbered parts are its top level
    if parent is not None:
        role = heading_role(parent)
        if role == "principles":
            return UnitKind.PRINCIPLE
        if role == "goals":
            return UnitKind.GOAL
        if role == "safeguards":
            return UnitKind.SAFEGUARD
        if role == "tasks":
            # Tasks that carry no numbered measures are themselves the measures.
            has_measures = any(by_path[c].children for c in parent.children)
            return UnitKind.TASK if has_measures else UnitKind.MEASURE
        grandparent = by_path.get(parent.parent) if parent.parent else None
        if grandparent is not None and heading_role(grandparent) == "tasks":
            return UnitKind.MEASURE
    if parent is None and unit.numbering in _TOP_NUMBERINGS:
        return UnitKind.CHAPTER
    if not unit.children and own_role in _LEAF_KINDS:
        # （一）目标任务。… / （三）基本原则。一是… : a part that states its role and holds no numbered parts
        return _LEAF_KINDS[own_role]
    return UnitKind.SECTION if unit.children else UnitKind.ITEM


def classify_units(units: list[Unit]) -> list[Unit]:
    """Return copies of ``units`` with ``kind`` set from the headings they sit under."""
    by_path = {u.path: u for u in units}
    return [replace(u, kind=_kind(u, by_path), children=list(u.children)) for u in units]
