"""Turn parsed PolicyDocuments into IndexUnits: the retrievable units with the graph context of each."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence

from ingest.model import PolicyDocument, Support, Target, Unit, UnitKind
from kg.iri import concept_iri, department_iri, support_iri, target_iri, unit_iri

from .lexicon import ConceptLabels, load_scheme_labels
from .types import ConceptRef, DepartmentRef, HitContext, IndexUnit, SupportData, TargetData, TaskRef

__all__ = ["index_units", "target_data", "support_data", "clause_around", "INDEXED_KINDS"]

log = logging.getLogger(__name__)

# Document-model unit kinds that become index units, with the kind name the index uses: every kind. A chapter,
# section or other grouping unit whose text is only its heading is left out (see ``_indexed_kind``).
INDEXED_KINDS: dict[UnitKind, str] = {kind: kind.value for kind in UnitKind}
_HEADING_ONLY = re.compile(r"[\s。；：，、;:,.!?！？]*")

_CLAUSE_BREAK = re.compile(r"[，。；;！？!?\n]")


def clause_around(source: str, start: int, end: int) -> tuple[int, int]:
    """The ``[start, end)`` of the clause holding ``source[start:end]``: out to the nearest ，。；
    (the 、 of a list is not a break, so 建设100个…示范项目 keeps its verb)."""
    left = start
    while left > 0 and not _CLAUSE_BREAK.match(source[left - 1]):
        left -= 1
    right = end
    while right < len(source) and not _CLAUSE_BREAK.match(source[right]):
        right += 1
    while left < right and source[left].isspace():
        left += 1
    return left, right


def _number(value) -> float | None:
    return None if value is None else float(value)


def target_data(doc: PolicyDocument, target: Target) -> TargetData:
    """A Target of the document model as the search's TargetData (decimals as floats, dates ISO)."""
    return TargetData(
        id=str(target_iri(doc.meta.slug, target.key)),
        indicator=target.indicator,
        quantity=float(target.quantity),
        quantity_max=_number(target.quantity_max),
        unit=target.unit,
        comparator=target.comparator,
        deadline=target.deadline.isoformat() if target.deadline else None,
        text=target.text,
    )


def support_data(doc: PolicyDocument, support: Support) -> SupportData:
    """A Support of the document model as the search's SupportData (decimals as floats)."""
    return SupportData(
        id=str(support_iri(doc.meta.slug, support.key)),
        kind=support.kind,
        amount=_number(support.amount),
        amount_max=_number(support.amount_max),
        unit=support.unit,
        rate=_number(support.rate),
        rate_base=support.rate_base,
        cap=_number(support.cap),
        comparator=support.comparator,
        condition=support.condition,
        text=support.text,
    )


def _ancestors(doc: PolicyDocument, unit: Unit, by_path: dict[str, Unit]) -> list[Unit]:
    """Parents from the nearest up to the top-level part."""
    chain = []
    parent = unit.parent
    while parent is not None and parent in by_path:
        chain.append(by_path[parent])
        parent = by_path[parent].parent
    return chain


class _DocumentView:
    """Look-ups over one document, built once."""

    def __init__(self, doc: PolicyDocument, concepts: dict[str, ConceptLabels]) -> None:
        self.doc = doc
        self.slug = doc.meta.slug
        self.by_path = {u.path: u for u in doc.units}
        self.departments = {d.key: d for d in doc.departments}
        self.targets_by_unit: dict[str, list[Target]] = {}
        for t in doc.targets:
            self.targets_by_unit.setdefault(t.unit_path, []).append(t)
        self.supports_by_unit: dict[str, list[Support]] = {}
        for s in doc.supports:
            self.supports_by_unit.setdefault(s.unit_path, []).append(s)
        self.concepts = concepts
        self.mentions: dict[str, list[str]] = {}
        for m in doc.concepts:
            keys = self.mentions.setdefault(m.unit_path, [])
            if m.concept not in keys:
                keys.append(m.concept)

    def departments_of(self, unit: Unit, ancestors: Sequence[Unit]) -> list[DepartmentRef]:
        """The unit's responsibilities; when it has none, those of its nearest ancestor that has some."""
        for path in [unit.path, *(a.path for a in ancestors)]:
            refs = [
                DepartmentRef(
                    id=str(department_iri(r.agent)),
                    name=self.departments[r.agent].pref_label if r.agent in self.departments else r.agent,
                    role=r.role.value,
                    basis=r.basis.value,
                    evidence=r.evidence,
                )
                for r in self.doc.responsibilities
                if r.unit_path == path
            ]
            if refs:
                return refs
        return []

    def concepts_of(self, paths: Iterable[str]) -> list[ConceptRef]:
        refs: list[ConceptRef] = []
        seen: set[str] = set()
        for path in paths:
            for key in self.mentions.get(path, []):
                if key in seen:
                    continue
                seen.add(key)
                labels = self.concepts.get(key)
                refs.append(ConceptRef(id=str(concept_iri(key)), key=key, zh=labels.pref_zh if labels else "",
                                       en=labels.pref_en if labels else "", group=labels.group if labels else ""))
        return refs

    def context(self, unit: Unit, extra_concept_paths: Sequence[str] = ()) -> tuple[HitContext, list[Unit]]:
        ancestors = _ancestors(self.doc, unit, self.by_path)
        task_unit = next((a for a in ancestors if a.kind is UnitKind.TASK), None)
        task = (TaskRef(id=str(unit_iri(self.slug, task_unit.key)), path=task_unit.path, heading=task_unit.heading)
                if task_unit else None)
        scope = unit if unit.kind is UnitKind.GOAL else task_unit
        targets = [target_data(self.doc, t) for t in self.targets_by_unit.get(scope.path, [])] if scope else []
        if unit.kind is not UnitKind.GOAL:
            targets += [target_data(self.doc, t) for t in self.targets_by_unit.get(unit.path, [])]
        return HitContext(
            task=task,
            departments=self.departments_of(unit, ancestors),
            targets=targets,
            concepts=self.concepts_of([unit.path, *extra_concept_paths]),
            sections=[a.heading for a in reversed(ancestors)],
            supports=[support_data(self.doc, s) for s in self.supports_by_unit.get(unit.path, [])],
        ), ancestors


def _label_text(refs: Sequence[ConceptRef], concepts: dict[str, ConceptLabels]) -> str:
    """The preferred labels (zh and en) of the concepts a unit mentions, to enrich the indexed text.
    Colloquial alternative labels stay out of the index (they reach it through query expansion): on the
    dev and own questions, indexing them too cost Chinese precision (benchmarks/eval_retrieval.py)."""
    parts: list[str] = []
    for ref in refs:
        labels = concepts.get(ref.key)
        if labels:
            parts.extend(p for p in (labels.pref_zh, labels.pref_en) if p)
    return " ".join(dict.fromkeys(parts))


def _indexed_kind(unit: Unit) -> str | None:
    """The index kind of a unit, or None for a pure heading: a chapter, task or other part with children
    whose text is only its heading. A leaf stays, however short (第三条（一）财政补贴；), and so does an annex
    (its title is what a reader asks for)."""
    own = unit.text[len(unit.heading):] if unit.text.startswith(unit.heading) else unit.text
    heading_only = _HEADING_ONLY.fullmatch(own) is not None
    if unit.kind is UnitKind.SECTION:
        if len(unit.text) <= len(unit.heading) + 10:
            return None
        # A grouping section with a body of its own: the lead paragraph of 主要目标 is a goal statement.
        return "goal" if "目标" in unit.heading else "section"
    if heading_only and unit.kind is not UnitKind.ANNEX and (unit.children or unit.kind in (UnitKind.CHAPTER,
                                                                                        UnitKind.TASK)):
        return None
    return INDEXED_KINDS.get(unit.kind)


def index_units(documents: Sequence[PolicyDocument],
                concepts: Sequence[ConceptLabels] | None = None) -> list[IndexUnit]:
    """Every unit but pure headings (articles, items, preamble, closing and annexes too), and every target,
    with its context.

    ``index_text`` adds what helps retrieval but is not the unit's own words: the section chain (the
    task heading of a measure), and the labels of the concepts it mentions in both languages.
    ``concepts`` default to the shipped scheme.
    """
    if concepts is None:
        concepts = load_scheme_labels()
    by_key = {c.key: c for c in concepts}
    out: list[IndexUnit] = []
    for doc in documents:
        view = _DocumentView(doc, by_key)
        for unit in doc.units:
            kind = _indexed_kind(unit)
            if kind is None:
                continue
            ctx, ancestors = view.context(unit)
            chain = "。".join(a.heading for a in reversed(ancestors) if a.kind is not UnitKind.CHAPTER)
            index_text = "\n".join(p for p in (chain, unit.text, _label_text(ctx.concepts, by_key)) if p)
            out.append(IndexUnit(
                id=str(unit_iri(doc.meta.slug, unit.key)), kind=kind, document=doc.meta.slug,
                document_title=doc.meta.title, path=unit.path, title=unit.heading, text=unit.text,
                index_text=index_text, start=unit.span.start, end=unit.span.end, context=ctx,
            ))
        for target in doc.targets:
            goal = view.by_path.get(target.unit_path)
            if goal is None:
                log.warning("target %s names unknown unit %s; skipped", target.key, target.unit_path)
                continue
            ctx, ancestors = view.context(goal)
            ctx.targets = [t for t in ctx.targets if t.id != str(target_iri(doc.meta.slug, target.key))]
            data = target_data(doc, target)
            left, right = clause_around(doc.source, target.span.start, target.span.end)
            clause = doc.source[left:right]
            index_text = "\n".join(p for p in (goal.heading, clause, target.indicator,
                                               _label_text(ctx.concepts, by_key)) if p)
            # A target's own text is its clause (建设100个智能制造示范项目): the bare phrase would drop the verb.
            out.append(IndexUnit(
                id=data.id, kind="target", document=doc.meta.slug, document_title=doc.meta.title,
                path=goal.path, title=target.indicator, text=clause, index_text=index_text,
                start=left, end=right, context=ctx, target=data,
            ))
    return out
