"""Turn parsed PolicyDocuments into IndexUnits: the retrievable units with the graph context of each."""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from collections.abc import Iterable, Sequence

from ingest.model import Basis, PolicyDocument, Responsibility, Support, Target, Unit, UnitKind
from ingest.tasktable import Column, TaskRow, TaskTable, find_task_tables, split_cells, unit_of_row
from ingest.tradfold import folder_for
from kg.iri import concept_iri, department_iri, responsibility_iri, support_iri, target_iri, unit_iri
from kg.views import ConditionView, owners

from .lexicon import ConceptLabels, load_scheme_labels
from .types import ConceptRef, HitContext, IndexUnit, ResponsibilityView, SupportView, TargetView, UnitRef

__all__ = ["index_units", "target_view", "support_view", "responsibility_views", "clause_around", "INDEXED_KINDS",
           "ROW_KIND", "TABLE_HOLDERS", "row_label", "row_text", "tables_by_unit"]

log = logging.getLogger(__name__)

# Document-model unit kinds that become index units, with the kind name the index uses: every kind. A chapter,
# section or other grouping unit whose text is only its heading is left out (see ``_indexed_kind``).
INDEXED_KINDS: dict[UnitKind, str] = {kind: kind.value for kind in UnitKind}
_HEADING_ONLY = re.compile(r"[\s。；：，、;:,.!?！？]*")
_MAX_TITLE = 16  # a chapter's title, not a sentence (classify's role headings are as short)

_CLAUSE_BREAK = re.compile(r"[，。；;！？!?\n]")

# A task table's rows (重点任务分解表, 责任分工表: one task, its lead and partner bodies and its due date a row)
# are units of their own: a question about one task finds its row, not a 500-character table.
ROW_KIND = "task_row"
# How the unit that holds a task table is indexed beside its rows: "whole" (its full text, as before), or
# "outline" (its text without the rows: the table's title, its header line and any prose around it).
TABLE_HOLDERS = ("whole", "outline")
_NUMBER_PUNCT = re.compile(r"[.．、\s]+$")
# A reply's salutation, the people it answers (周桂英等代表： / 邓乃扬、韩汝琦委员： / 王超斌委员：), alone on the line
# before the body: in no unit of the document model (front matter), so "which deputies proposed…" finds nothing.
# It becomes a unit of its own (its own span), just before the first unit, the proposal it answers.
_PERSON_ADDRESSEE = re.compile(r"[^\S\n]*([\u4e00-\u9fff、·]{2,40}?(?:等)?(?:代表|委员|同志|先生|女士))[：:][^\S\n]*\n\s*$")


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


def target_view(doc: PolicyDocument, target: Target) -> TargetView:
    """A Target of the document model as the read model's TargetView (the same view kg.queries makes)."""
    slug = doc.meta.slug
    unit = next((u for u in doc.units if u.path == target.unit_path), None)
    return TargetView(
        iri=str(target_iri(slug, target.key)),
        unit_iri=str(unit_iri(slug, unit.key)) if unit else "",
        unit_path=target.unit_path,
        indicator=target.indicator,
        quantity=target.quantity,
        quantity_max=target.quantity_max,
        unit=target.unit,
        comparator=target.comparator,
        deadline=target.deadline,
        deadline_basis=target.deadline_basis.value if target.deadline else "",
        period=target.period,
        text=target.text,
        start=target.span.start,
        end=target.span.end,
        document=slug,
        document_title=doc.meta.title,
    )


def support_view(doc: PolicyDocument, support: Support) -> SupportView:
    """A Support of the document model as the read model's SupportView."""
    slug = doc.meta.slug
    unit = next((u for u in doc.units if u.path == support.unit_path), None)
    return SupportView(
        iri=str(support_iri(slug, support.key)),
        unit_iri=str(unit_iri(slug, unit.key)) if unit else "",
        unit_path=support.unit_path,
        kind=support.kind,
        amount=support.amount,
        amount_max=support.amount_max,
        unit=support.unit,
        rate=support.rate,
        rate_base=support.rate_base,
        cap=support.cap,
        comparator=support.comparator,
        condition=support.condition,
        text=support.text,
        start=support.span.start,
        end=support.span.end,
        conditions=[ConditionView(kind=c.kind, field=c.field, comparator=c.comparator, value=c.value,
                                  value_max=c.value_max, values=list(c.values), unit=c.unit, text=c.text,
                                  start=c.span.start, end=c.span.end) for c in support.conditions],
        valid_from=support.valid_from,
        valid_until=support.valid_until,
        validity_text=support.validity_text,
    )


def tables_by_unit(doc: PolicyDocument) -> dict[str, list[TaskTable]]:
    """The document's task tables (``ingest.tasktable``) that have rows, by the path of the unit whose own text
    holds each table's header line (an annex, mostly); a table outside every unit's text is left out."""
    out: dict[str, list[TaskTable]] = {}
    for table in find_task_tables(doc.source):
        if not table.rows:
            continue
        holder = next((u for u in doc.units if u.span.start <= table.header.start < u.span.end), None)
        if holder is None:
            log.debug("task table at %d lies in no unit's text; its rows are not indexed", table.header.start)
            continue
        out.setdefault(holder.path, []).append(table)
    return out


def row_label(row: TaskRow, ordinal: int) -> str:
    """A row's number: its 序号 cell as written (without a trailing 、 or .), else its 1-based ordinal."""
    cell = row.cell(Column.NUMBER)
    number = _NUMBER_PUNCT.sub("", cell.text) if cell else ""
    return number or str(ordinal)


def row_text(source: str, table: TaskTable, row: TaskRow) -> str:
    """A row as one readable clause: its task cell(s) first, then every other cell after its column's name
    (…，牵头单位：区经委，配合单位：区科委、区财政局，完成时限：2024年9月底前); the 序号 is left to the path.
    A row whose empty cells collapsed (space-aligned text) names the cells the table parser placed."""
    names = [re.sub(r"\s", "", c.text) for c in split_cells(source, table.header.start, table.header.end)]
    cells = split_cells(source, row.span.start, row.span.end)
    if len(cells) == len(table.columns):
        labelled = [(column, name, cell.text) for column, name, cell in zip(table.columns, names, cells)]
    else:
        name_of: dict[Column, str] = {}
        for column, name in zip(table.columns, names):
            if column is not None:
                name_of.setdefault(column, name)
        placed = sorted(row.cells.items(), key=lambda item: item[1].span.start)
        labelled = [(column, name_of.get(column, ""), cell.text) for column, cell in placed]
    tasks = [text for column, _, text in labelled if column is Column.TASK]
    rest = [f"{name}：{text}" if name else text for column, name, text in labelled
            if column not in (Column.TASK, Column.NUMBER)]
    return "，".join([*tasks, *rest])


def _outline(source: str, unit: Unit, tables: Sequence[TaskTable]) -> str:
    """The unit's text without its tables' rows: the table's title, its header line, group lines and any prose
    around them (what the unit says besides the rows, each of which is a unit of its own)."""
    pieces: list[str] = []
    pos = unit.span.start
    for row in sorted((r for t in tables for r in t.rows), key=lambda r: r.span.start):
        start = min(max(row.span.start, pos), unit.span.end)
        pieces.append(source[pos:start])
        pos = min(max(row.span.end, pos), unit.span.end)
    pieces.append(source[pos:unit.span.end])
    return "\n".join(p.strip() for p in pieces if p.strip())


def responsibility_views(doc: PolicyDocument) -> dict[str, list[ResponsibilityView]]:
    """The document's responsibilities as the read model's views, by the IRI of the unit they are assigned to,
    with the IRIs the graph gives them (a second fact of one body, role and unit is numbered …-lead-2; an inferred
    fact the text also states is left to kg.views.owners, which keeps the explicit one)."""
    slug = doc.meta.slug
    units = {u.path: u for u in doc.units}
    names = {d.key: d.pref_label for d in doc.departments}
    count: dict[tuple[str, str, str], int] = {}
    out: dict[str, list[ResponsibilityView]] = {}
    for r in doc.responsibilities:
        unit = units.get(r.unit_path)
        if unit is None:
            continue
        fact = (r.unit_path, r.agent, r.role.value)
        if r.basis is Basis.INFERRED and count.get(fact):
            continue
        count[fact] = count.get(fact, 0) + 1
        role = r.role.value if count[fact] == 1 else f"{r.role.value}-{count[fact]}"
        view = _responsibility_view(slug, unit, r, names, role)
        out.setdefault(view.unit_iri, []).append(view)
    return out


def _responsibility_view(slug: str, unit: Unit, r: Responsibility, names: dict[str, str],
                         iri_role: str) -> ResponsibilityView:
    return ResponsibilityView(
        iri=str(responsibility_iri(slug, unit.key, r.agent, iri_role)),
        agent_iri=str(department_iri(r.agent)),
        agent_name=names.get(r.agent, r.agent),
        unit_iri=str(unit_iri(slug, unit.key)),
        unit_path=unit.path,
        unit_heading=unit.heading,
        unit_kind=unit.kind.value,
        role=r.role.value,
        basis=r.basis.value,
        evidence=r.evidence,
        rule=r.rule,
        start=r.span.start if r.span else None,
        end=r.span.end if r.span else None,
        document=slug,
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
        self.targets_by_unit: dict[str, list[TargetView]] = {}
        for t in doc.targets:
            self.targets_by_unit.setdefault(t.unit_path, []).append(target_view(doc, t))
        self.supports_by_unit: dict[str, list[SupportView]] = {}
        for s in doc.supports:
            self.supports_by_unit.setdefault(s.unit_path, []).append(support_view(doc, s))
        self.responsibilities = responsibility_views(doc)
        self.concepts = concepts
        self.mentions: dict[str, list[str]] = {}
        for m in doc.concepts:
            keys = self.mentions.setdefault(m.unit_path, [])
            if m.concept not in keys:
                keys.append(m.concept)

    def iri_of(self, unit: Unit) -> str:
        return str(unit_iri(self.slug, unit.key))

    def concepts_of(self, paths: Iterable[str]) -> list[ConceptRef]:
        return self.concept_refs(key for path in paths for key in self.mentions.get(path, []))

    def concept_refs(self, keys: Iterable[str]) -> list[ConceptRef]:
        refs: list[ConceptRef] = []
        for key in dict.fromkeys(keys):
            labels = self.concepts.get(key)
            refs.append(ConceptRef(iri=str(concept_iri(key)), key=key, pref_label=labels.pref_zh if labels else "",
                                   pref_label_en=labels.pref_en if labels else "",
                                   group=labels.group if labels else ""))
        return refs

    def row_context(self, holder: Unit, row: TaskRow) -> HitContext:
        """A task-table row's context (``holder``: the unit whose text holds the row): the responsibilities,
        targets, supports and concepts whose evidence lies in the row (each responsibility as extracted, assigned
        to the unit it was read for); as ``task``, the unit of the main text the row's task cell names
        (``ingest.tasktable.unit_of_row``), else the holder's; as ``sections``, the holder's chain and heading."""
        span = row.span

        def inside(start: int | None, end: int | None) -> bool:
            return start is not None and end is not None and span.start <= start and end <= span.end

        ctx, _ = self.context(holder)
        tied = unit_of_row(row, self.doc.units, holder)
        task = ctx.task
        if tied is not None and tied is not holder:
            task = UnitRef(iri=self.iri_of(tied), path=tied.path, heading=tied.heading, kind=tied.kind.value,
                           document=self.slug)
        in_row = [v for views in self.responsibilities.values() for v in views if inside(v.start, v.end)]
        return HitContext(
            task=task,
            owners=owners(["row"], {"row": in_row}),
            targets=[t for views in self.targets_by_unit.values() for t in views if inside(t.start, t.end)],
            supports=[s for views in self.supports_by_unit.values() for s in views if inside(s.start, s.end)],
            concepts=self.concept_refs(m.concept for m in self.doc.concepts if inside(m.span.start, m.span.end)),
            sections=[*ctx.sections, holder.heading],
        )

    def context(self, unit: Unit, extra_concept_paths: Sequence[str] = ()) -> tuple[HitContext, list[Unit]]:
        ancestors = _ancestors(self.doc, unit, self.by_path)
        task_unit = next((a for a in ancestors if a.kind is UnitKind.TASK), None)
        task = (UnitRef(iri=self.iri_of(task_unit), path=task_unit.path, heading=task_unit.heading,
                        kind=task_unit.kind.value, document=self.slug) if task_unit else None)
        scope = unit if unit.kind is UnitKind.GOAL else task_unit
        targets = list(self.targets_by_unit.get(scope.path, [])) if scope else []
        if unit.kind is not UnitKind.GOAL:
            targets += self.targets_by_unit.get(unit.path, [])
        return HitContext(
            task=task,
            owners=owners([self.iri_of(u) for u in (unit, *ancestors)], self.responsibilities),
            targets=targets,
            supports=list(self.supports_by_unit.get(unit.path, [])),
            concepts=self.concepts_of([unit.path, *extra_concept_paths]),
            sections=[a.heading for a in reversed(ancestors)],
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
    # A chapter or task with no parts whose one sentence is its heading (一、同意在你市设立示范区。) is a leaf with
    # something to say, not a title: only a short one (保障措施) is left out.
    title_only = unit.kind in (UnitKind.CHAPTER, UnitKind.TASK) and len(unit.text) <= _MAX_TITLE
    if heading_only and unit.kind is not UnitKind.ANNEX and (unit.children or title_only):
        return None
    return INDEXED_KINDS.get(unit.kind)


def _row_units(view: _DocumentView, holder: Unit, tables: Sequence[TaskTable],
               by_key: dict[str, ConceptLabels]) -> list[IndexUnit]:
    """One IndexUnit per row of the tables ``holder``'s text holds: as ``id`` the IRI of the unit whose text holds
    the row (the holder, or a group heading the parser made a part of it: a unit the graph has, which a hit
    opens), ``path`` the holder's plus the row's number (附件 · 3; 附件 · 2-3 when the holder has several
    tables), the task cell as ``title``, the row as a readable clause as ``text``, and the row's own span
    (``source[start:end]`` is the row as written).

    A row's ``index_text`` is its group line (一、…), its text and its concepts' labels, not the table's title:
    the title repeats the document's topic (…重点任务分解表), and with it every short row matched every question
    on the document (tune halves: 153 → 156 of 202 hit@1 without it; benchmarks/results/eval_users.md)."""
    doc = view.doc
    out: list[IndexUnit] = []
    for number, table in enumerate(tables, 1):
        for ordinal, row in enumerate(table.rows, 1):
            label = row_label(row, ordinal)
            if len(tables) > 1:
                label = f"{number}-{label}"
            task = row.cell(Column.TASK)
            text = row_text(doc.source, table, row)
            unit = next((u for u in doc.units if u.span.start <= row.span.start < u.span.end), holder)
            ctx = view.row_context(unit, row)
            index_text = "\n".join(p for p in (row.group, text, _label_text(ctx.concepts, by_key)) if p)
            out.append(IndexUnit(
                id=view.iri_of(unit), kind=ROW_KIND, document=doc.meta.slug, document_title=doc.meta.title,
                path=f"{holder.path} · {label}", title=task.text if task else text, text=text,
                index_text=index_text, start=row.span.start, end=row.span.end, context=ctx,
                function=unit.function, function_cue=unit.function_cue,
            ))
    return out


def _addressee_unit(source: str, unit: IndexUnit) -> IndexUnit | None:
    """A reply's salutation on the line before its first unit (周桂英等代表：) as a unit of its own, the row before
    that unit: its text, index text and span are the salutation line alone (a copy of the next unit's words would
    crowd the candidates); a question asking who proposed it lifts it with the next unit's score
    (search/boosts.py). None when the line before is no salutation."""
    line_start = source.rfind("\n", 0, max(unit.start - 1, 0)) + 1
    m = _PERSON_ADDRESSEE.fullmatch(source, line_start, unit.start)
    if m is None:
        return None
    end = source.index("\n", m.start(1))
    line = source[m.start(1):end].rstrip()
    return replace(unit, path=f"{unit.path} · 称谓", title=line, text=line, index_text=line,
                   start=m.start(1), end=m.start(1) + len(line))


def index_units(documents: Sequence[PolicyDocument], concepts: Sequence[ConceptLabels] | None = None,
                *, table_holders: str = "whole") -> list[IndexUnit]:
    """Every unit but pure headings (articles, items, preamble, closing and annexes too), every row of a task
    table (kind ``task_row``, after the unit holding the table), and every target, with its context.

    ``index_text`` adds what helps retrieval but is not the unit's own words: the section chain (the
    task heading of a measure), and the labels of the concepts it mentions in both languages.
    ``concepts`` default to the shipped scheme.  ``table_holders`` (one of TABLE_HOLDERS) says whether a unit
    holding a task table keeps its whole text beside its rows or only its outline (the text without the rows).
    """
    if table_holders not in TABLE_HOLDERS:
        raise ValueError(f"table_holders must be one of {', '.join(TABLE_HOLDERS)}, not {table_holders!r}")
    if concepts is None:
        concepts = load_scheme_labels()
    by_key = {c.key: c for c in concepts}
    out: list[IndexUnit] = []
    for doc in documents:
        view = _DocumentView(doc, by_key)
        tables = tables_by_unit(doc)
        first = len(out)
        for unit in doc.units:
            kind = _indexed_kind(unit)
            if kind is None:
                continue
            ctx, ancestors = view.context(unit)
            chain = "。".join(a.heading for a in reversed(ancestors) if a.kind is not UnitKind.CHAPTER)
            held = tables.get(unit.path, [])
            text = _outline(doc.source, unit, held) if held and table_holders == "outline" else unit.text
            index_text = "\n".join(p for p in (chain, text, _label_text(ctx.concepts, by_key)) if p)
            out.append(IndexUnit(
                id=view.iri_of(unit), kind=kind, document=doc.meta.slug,
                document_title=doc.meta.title, path=unit.path, title=unit.heading, text=text,
                index_text=index_text, start=unit.span.start, end=unit.span.end, context=ctx,
                function=unit.function, function_cue=unit.function_cue,
            ))
            if held:
                out += _row_units(view, unit, held, by_key)
        for target in doc.targets:
            goal = view.by_path.get(target.unit_path)
            if goal is None:
                log.warning("target %s names unknown unit %s; skipped", target.key, target.unit_path)
                continue
            ctx, ancestors = view.context(goal)
            data = target_view(doc, target)
            ctx = replace(ctx, targets=[t for t in ctx.targets if t.iri != data.iri])
            left, right = clause_around(doc.source, target.span.start, target.span.end)
            clause = doc.source[left:right]
            index_text = "\n".join(p for p in (goal.heading, clause, target.indicator,
                                               _label_text(ctx.concepts, by_key)) if p)
            # A target's own text is its clause (建设100个智能制造示范项目): the bare phrase would drop the verb.
            out.append(IndexUnit(
                id=data.iri, kind="target", document=doc.meta.slug, document_title=doc.meta.title,
                path=goal.path, title=target.indicator, text=clause, index_text=index_text,
                start=left, end=right, context=ctx, target=data, function="goal", function_cue=target.text,
            ))
        salutation = _addressee_unit(doc.source, out[first]) if len(out) > first else None
        if salutation is not None:
            out.insert(first, salutation)
        fold = folder_for(doc.source)  # a traditional-script copy is indexed in simplified characters
        if fold is not None:
            out[first:] = [replace(u, index_text=fold(u.index_text)) for u in out[first:]]
    return out
