"""The units of the documents as the read model sees them: one unit by IRI, key or numbering path (with its
context, targets, supports, concepts and owners), units by kind and document, and targets by indicator, unit,
deadline and document."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from datetime import date

from rdflib import Graph, Literal, URIRef

from kg.indicators import candidate_targets
from kg.reading import (
    _BASIS_NAMES,
    KIND_OF_CLASS,
    AmbiguousPath,
    NotFound,
    _decimal,
    _int,
    _is_unit,
    _order,
    _resolve_document,
    _responsibility_sort_key,
    _responsibility_view,
    _str,
    _unit_ref,
    key_tail,
    unit_kind,
)
from kg.terms import canonical_decimal
from kg.views import (
    CitationRef,
    ConceptRef,
    ResponsibilityView,
    SupportView,
    TargetView,
    UnitRef,
    UnitView,
    owners,
)
from kg.vocab import DCTERMS, ELI, POL, RDF, SKOS

__all__ = ["get_unit", "list_targets", "list_units", "path_spellings", "unit_owners"]


def _find_unit(graph: Graph, id_or_path: str, document: str | None) -> URIRef:
    asked = id_or_path.strip()
    doc = _resolve_document(graph, document) if document else None
    if asked.startswith(("http://", "https://")):
        node = URIRef(asked)
        if _is_unit(graph, node):
            return node
        raise NotFound("unit", asked)
    matches: list[URIRef] = []
    for predicate in (POL.key, POL.path):
        for node in graph.subjects(predicate, Literal(asked)):
            if _is_unit(graph, node) and (doc is None or (node, POL.inDocument, doc) in graph):  # type: ignore[arg-type]
                matches.append(node)  # type: ignore[arg-type]
        if matches:
            break
    if not matches:
        for spelling in path_spellings(asked):
            matches = [n for n in graph.subjects(POL.path, Literal(spelling))  # type: ignore[misc]
                       if _is_unit(graph, n) and (doc is None or (n, POL.inDocument, doc) in graph)]  # type: ignore[arg-type]
            if matches:
                break
    if not matches:
        # the close paths and keys of the document asked about (another document's 第九条 is no hint for this one)
        units = ([u for u in graph.subjects(POL.inDocument, doc) if _is_unit(graph, u)] if doc is not None  # type: ignore[arg-type]
                 else [None])
        known = sorted({str(p) for u in units for p in graph.objects(u, POL.path)}
                       | {str(k) for u in units for k in graph.objects(u, POL.key)})
        close = difflib.get_close_matches(next(iter(path_spellings(asked)), asked), known, n=3, cutoff=0.5)
        raise NotFound("unit", asked, close)
    if len(set(matches)) > 1:
        raise AmbiguousPath(asked, sorted({key_tail(graph.value(m, POL.inDocument)) for m in matches}))
    return matches[0]


_CN_DIGITS = "零一二三四五六七八九"


def _chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (1–99)."""
    tens, ones = divmod(n, 10)
    if not tens:
        return _CN_DIGITS[ones]
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


def path_spellings(asked: str) -> list[str]:
    """Other common spellings of a numbering path, as the documents write it (二（一）1): half-width brackets
    二(一)1, an Arabic number in brackets 二(1)1, dotted 二.1.1 or 二、1、1; spaces dropped."""
    import re

    text = re.sub(r"\s+", "", asked).replace("(", "（").replace(")", "）")
    text = re.sub(r"（(\d{1,2})）", lambda m: f"（{_chinese_number(int(m.group(1)))}）", text)
    spellings = [text]
    parts = [p for p in re.split(r"[.．、/·]", text) if p]
    if len(parts) >= 2 and re.fullmatch(r"[一二三四五六七八九十]+", parts[0]) and parts[1].isdigit():
        tail = "".join(parts[2:])
        spellings.append(f"{parts[0]}（{_chinese_number(int(parts[1]))}）{tail}")
    return [s for s in dict.fromkeys(spellings) if s != asked]


def _target_view(graph: Graph, target: URIRef) -> TargetView:
    unit = graph.value(predicate=POL.hasTarget, object=target)
    q_max = graph.value(target, POL.quantityMax)
    deadline = graph.value(target, POL.deadline)
    basis = graph.value(target, POL.deadlineBasis)
    return TargetView(
        iri=str(target),
        unit_iri=str(unit),
        unit_path=_str(graph, unit, POL.path),
        indicator=_str(graph, target, POL.indicator),
        quantity=canonical_decimal(str(graph.value(target, POL.quantity))),
        quantity_max=None if q_max is None else canonical_decimal(str(q_max)),
        unit=_str(graph, target, POL.unit),
        comparator=_str(graph, target, POL.comparator),
        deadline=None if deadline is None else date.fromisoformat(str(deadline)),
        text=_str(graph, target, POL.text),
        start=_int(graph, target, POL.start) or 0,
        end=_int(graph, target, POL.end) or 0,
        deadline_basis=_BASIS_NAMES.get(basis, "") if basis is not None else "",  # type: ignore[arg-type]
        period=_str(graph, target, POL.period),
        document=key_tail(doc) if (doc := graph.value(unit, POL.inDocument)) is not None else "",
        document_title=_str(graph, doc, DCTERMS.title, "zh") if doc is not None else "",
    )


def _support_view(graph: Graph, support: URIRef) -> SupportView:
    unit = graph.value(predicate=POL.hasSupport, object=support)
    return SupportView(
        iri=str(support),
        unit_iri=str(unit),
        unit_path=_str(graph, unit, POL.path),
        kind=_str(graph, support, POL.supportKind),
        amount=_decimal(graph, support, POL.amount),
        amount_max=_decimal(graph, support, POL.amountMax),
        unit=_str(graph, support, POL.unit),
        rate=_decimal(graph, support, POL.rate),
        rate_base=_str(graph, support, POL.rateBase),
        cap=_decimal(graph, support, POL.cap),
        comparator=_str(graph, support, POL.comparator),
        condition=_str(graph, support, POL.condition),
        text=_str(graph, support, POL.text),
        start=_int(graph, support, POL.start) or 0,
        end=_int(graph, support, POL.end) or 0,
    )


def _concept_ref(graph: Graph, concept: URIRef) -> ConceptRef:
    """A concept with its labels and its group (the key of its top concept, up the skos:broader chain)."""
    top, seen = concept, {concept}
    while (parent := graph.value(top, SKOS.broader)) is not None and parent not in seen:
        seen.add(parent)
        top = parent  # type: ignore[assignment]
    return ConceptRef(iri=str(concept), key=key_tail(concept), pref_label=_str(graph, concept, SKOS.prefLabel, "zh"),
                      pref_label_en=_str(graph, concept, SKOS.prefLabel, "en"),
                      group=key_tail(top) if top != concept else "")


def _assigned(graph: Graph, unit: URIRef) -> list[ResponsibilityView]:
    return sorted((_responsibility_view(graph, r) for r in graph.subjects(POL.assignedTo, unit)),  # type: ignore[arg-type]
                  key=_responsibility_sort_key)


def _owners(graph: Graph, unit: URIRef) -> list[ResponsibilityView]:
    chain: list[URIRef] = [unit]
    while (parent := graph.value(chain[-1], ELI.is_part_of)) is not None and _is_unit(graph, parent) \
            and parent not in chain:  # type: ignore[arg-type]
        chain.append(parent)  # type: ignore[arg-type]
    return owners([str(u) for u in chain], {str(u): _assigned(graph, u) for u in chain})


def unit_owners(graph: Graph, id_or_path: str, document: str | None = None) -> list[ResponsibilityView]:
    """Who is responsible for a unit: its own responsibilities, else its nearest ancestor's (kg.views.owners)."""
    return _owners(graph, _find_unit(graph, id_or_path, document))


def get_unit(graph: Graph, id_or_path: str, document: str | None = None) -> UnitView:
    """A unit by full IRI, key (``2.1.1``) or numbering path (``二（一）1``), with its context."""
    unit = _find_unit(graph, id_or_path, document)
    doc = graph.value(unit, POL.inDocument)
    parent = graph.value(unit, ELI.is_part_of)
    children = sorted((c for c in graph.subjects(ELI.is_part_of, unit)), key=lambda c: _order(graph, c))  # type: ignore[arg-type]
    concepts = sorted(_concept_ref(graph, c) for c in graph.objects(unit, DCTERMS.subject))  # type: ignore[arg-type]
    citations = sorted(
        CitationRef(str(c), _str(graph, c, DCTERMS.title), _str(graph, c, DCTERMS.identifier))
        for c in graph.objects(unit, DCTERMS.references)
    )
    targets = sorted((_target_view(graph, t) for t in graph.objects(unit, POL.hasTarget)), key=lambda t: t.start)  # type: ignore[arg-type]
    supports = sorted((_support_view(graph, s) for s in graph.objects(unit, POL.hasSupport)), key=lambda s: s.start)  # type: ignore[arg-type]
    return UnitView(
        iri=str(unit),
        key=_str(graph, unit, POL.key),
        kind=unit_kind(graph, unit),
        path=_str(graph, unit, POL.path),
        heading=_str(graph, unit, POL.heading),
        text=_str(graph, unit, POL.text),
        start=_int(graph, unit, POL.start) or 0,
        end=_int(graph, unit, POL.end) or 0,
        document=key_tail(doc) if doc is not None else "",
        document_title=_str(graph, doc, DCTERMS.title, "zh"),
        parent=_unit_ref(graph, parent) if parent is not None and _is_unit(graph, parent) else None,  # type: ignore[arg-type]
        children=[_unit_ref(graph, c) for c in children],  # type: ignore[arg-type]
        targets=targets,
        supports=supports,
        concepts=concepts,
        citations=citations,
        responsibilities=_assigned(graph, unit),
        owners=_owners(graph, unit),
    )


def list_units(graph: Graph, kind: str | None = None, document: str | None = None) -> list[UnitRef]:
    """Units in document order, optionally of one kind (``measure``…) and one document."""
    if kind is not None and kind not in KIND_OF_CLASS.values():
        raise ValueError(f"unknown unit kind {kind!r}; valid kinds: {', '.join(KIND_OF_CLASS.values())}")
    doc = _resolve_document(graph, document) if document else None
    # start from the narrowest index the filters allow (one document's units, or one kind's classes), never a
    # scan of every unit in the corpus to keep a few
    if doc is not None:
        candidates: Iterable = graph.subjects(POL.inDocument, doc)
    elif kind is not None:
        candidates = dict.fromkeys(u for cls, k in KIND_OF_CLASS.items() if k == kind
                                   for u in graph.subjects(RDF.type, cls))
    else:
        candidates = graph.subjects(RDF.type, ELI.LegalResourceSubdivision)
    units = [
        u for u in candidates
        if (doc is None and kind is None or (u, RDF.type, ELI.LegalResourceSubdivision) in graph)
        and (kind is None or unit_kind(graph, u) == kind)  # type: ignore[arg-type]
    ]
    return [_unit_ref(graph, u) for u in sorted(units, key=lambda u: _order(graph, u))]  # type: ignore[arg-type]


def list_targets(
    graph: Graph, indicator_contains: str | None = None, unit: str | None = None, deadline: date | str | None = None,
    document: str | None = None,
) -> list[TargetView]:
    """Targets, filtered by a substring of the indicator, by unit (IRI, key or path), by deadline and by document
    (slug or IRI; each target names its document, so targets of several plans compare side by side). A substring
    of two or more characters finds its candidates through the indicator index, a shorter one by reading the
    indicators alone (``kg.indicators.candidate_targets``); views are built only for them and the exact substring
    test decides, so the answer is the former scan's."""
    doc = _resolve_document(graph, document) if document else None
    unit_node = _find_unit(graph, unit, key_tail(doc) if doc is not None else None) if unit else None
    wanted_deadline = date.fromisoformat(deadline) if isinstance(deadline, str) else deadline
    candidates = sorted(candidate_targets(graph, indicator_contains)) if indicator_contains else None
    views = []
    for target in (candidates if candidates is not None else graph.subjects(RDF.type, POL.Target)):
        view = _target_view(graph, target)  # type: ignore[arg-type]
        if indicator_contains and indicator_contains not in view.indicator:
            continue
        if unit_node is not None and view.unit_iri != str(unit_node):
            continue
        if wanted_deadline is not None and view.deadline != wanted_deadline:
            continue
        if doc is not None and view.document != key_tail(doc):
            continue
        views.append(view)
    return sorted(views, key=lambda v: (v.document, v.unit_iri, v.start))
