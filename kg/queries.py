"""The queries that fill the read model (kg.views) from the graph: units, targets, departments, documents."""

from __future__ import annotations

import difflib
import logging
from dataclasses import replace
from datetime import date
from decimal import Decimal
from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef

from ingest.nameforms import name_form
from kg import iri
from kg.indicators import candidate_targets
from kg.terms import canonical_decimal
from kg.views import (
    BodyCandidateView,
    CitationRef,
    ConceptRef,
    DepartmentView,
    DocumentLink,
    DocumentView,
    ResponsibilitySplit,
    ResponsibilityView,
    SupportView,
    TargetView,
    UnitRef,
    UnitView,
    owners,
)
from kg.vocab import DCTERMS, ELI, ORG, POL, PROV, RDF, RDFS, SKOS

__all__ = [  # the views these return are kg.views' (imported from there, not re-exported here)
    "NotFound",
    "get_document",
    "documents_matching",
    "unit_kind",
    "get_unit",
    "unit_owners",
    "list_units",
    "list_targets",
    "list_documents",
    "list_departments",
    "list_body_candidates",
    "resolve_department",
    "department_view",
    "responsibilities_of",
]

logger = logging.getLogger(__name__)

KIND_OF_CLASS: dict[URIRef, str] = {
    POL.Chapter: "chapter",
    POL.Section: "section",
    POL.Guideline: "guideline",
    POL.Principle: "principle",
    POL.Goal: "goal",
    POL.Task: "task",
    POL.Measure: "measure",
    POL.SafeguardMeasure: "safeguard",
    POL.Item: "item",
    POL.Article: "article",
    POL.Preamble: "preamble",
    POL.Closing: "closing",
    POL.Annex: "annex",
    POL.Notice: "notice",
    POL.Paragraph: "paragraph",
}
_ROLE_NAMES = {POL.Lead: "lead", POL.Participant: "participant", POL.Convener: "convener",
               POL.Coordinator: "coordinator", POL.Evaluator: "evaluator", POL.Implementer: "implementer",
               POL.Supervisor: "supervisor"}
_BASIS_NAMES = {POL.Explicit: "explicit", POL.Inferred: "inferred"}

class NotFound(LookupError):
    """Nothing in the graph matches what was asked; the message names it (and close names)."""

    def __init__(self, what: str, asked: str, suggestions: list[str] | None = None) -> None:
        self.what = what
        self.asked = asked
        self.suggestions = suggestions or []
        hint = f"; did you mean: {', '.join(self.suggestions)}" if self.suggestions else ""
        super().__init__(f"no {what} {asked!r}{hint}")


class Ambiguous(NotFound):
    """The name is one that several bodies go by (市财政局 of two cities): the message lists their full names."""

    def __init__(self, what: str, asked: str, candidates: list[str]) -> None:
        super().__init__(what, asked, candidates)
        message = (f"{asked!r} names several {what}s: {', '.join(candidates)}; give the full name, "
                   f"or the document (--doc / ?doc=) to read it as that document does")
        self.args = (message,)


def _str(graph: Graph, node: object, predicate: URIRef, lang: str | None = None) -> str:
    """One literal value as text; with ``lang``, the literal in that language (else any)."""
    values = list(graph.objects(node, predicate))  # type: ignore[arg-type]
    if lang is not None:
        tagged = [v for v in values if isinstance(v, Literal) and v.language == lang]
        if tagged:
            return str(tagged[0])
        values = [v for v in values if not (isinstance(v, Literal) and v.language)]
    return str(sorted(values)[0]) if values else ""


def _int(graph: Graph, node: object, predicate: URIRef) -> int | None:
    value = graph.value(node, predicate)  # type: ignore[arg-type]
    return None if value is None else int(value)


def unit_kind(graph: Graph, unit: URIRef) -> str:
    for cls in graph.objects(unit, RDF.type):
        if cls in KIND_OF_CLASS:
            return KIND_OF_CLASS[cls]  # type: ignore[index]
    return ""


def _order(graph: Graph, unit: URIRef) -> tuple[str, int]:
    return (str(graph.value(unit, POL.inDocument)), _int(graph, unit, POL.order) or 0)


def _unit_ref(graph: Graph, unit: URIRef) -> UnitRef:
    doc = graph.value(unit, POL.inDocument)
    return UnitRef(str(unit), _str(graph, unit, POL.path), _str(graph, unit, POL.heading), unit_kind(graph, unit),
                   key_tail(doc) if doc is not None else "")


def _is_unit(graph: Graph, node: URIRef) -> bool:
    return (node, RDF.type, ELI.LegalResourceSubdivision) in graph


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
        known = sorted({str(p) for p in graph.objects(None, POL.path)} | {str(k) for k in graph.objects(None, POL.key)})
        close = difflib.get_close_matches(next(iter(path_spellings(asked)), asked), known, n=3, cutoff=0.5)
        raise NotFound("unit", asked, close)
    if len(set(matches)) > 1:
        docs = sorted({key_tail(graph.value(m, POL.inDocument)) for m in matches})
        raise NotFound("single unit", asked, [f"{asked} is in {len(docs)} documents ({', '.join(docs)}): "
                                              f"name one (policykg show --doc, or document= in the API)"])
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


def _resolve_document(graph: Graph, document: str) -> URIRef:
    for candidate in (URIRef(document), iri.document_iri(document)):
        if (candidate, POL.sourceText, None) in graph:
            return candidate
    slugs = [key_tail(d) for d in graph.subjects(POL.sourceText, None)]
    raise NotFound("document", document, difflib.get_close_matches(document, slugs, n=3, cutoff=0.3))


def key_tail(node: object) -> str:
    """The last decoded IRI segment (a document's slug, a department's key)."""
    return iri.key_of(str(node))[-1]


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


def _decimal(graph: Graph, node: object, predicate: URIRef) -> Decimal | None:
    value = graph.value(node, predicate)  # type: ignore[arg-type]
    return None if value is None else canonical_decimal(str(value))


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


def _responsibility_view(graph: Graph, node: URIRef) -> ResponsibilityView:
    agent = graph.value(node, POL.agent)
    unit = graph.value(node, POL.assignedTo)
    return ResponsibilityView(
        iri=str(node),
        agent_iri=str(agent),
        agent_name=_str(graph, agent, SKOS.prefLabel, "zh"),
        unit_iri=str(unit),
        unit_path=_str(graph, unit, POL.path),
        unit_heading=_str(graph, unit, POL.heading),
        unit_kind=unit_kind(graph, unit),  # type: ignore[arg-type]
        role=_ROLE_NAMES.get(graph.value(node, POL.role), ""),  # type: ignore[arg-type]
        basis=_BASIS_NAMES.get(graph.value(node, POL.basis), ""),  # type: ignore[arg-type]
        evidence=_str(graph, node, POL.evidence),
        rule=_str(graph, node, POL.rule),
        start=_int(graph, node, POL.start),
        end=_int(graph, node, POL.end),
        document=key_tail(doc) if (doc := graph.value(unit, POL.inDocument)) is not None else "",
    )


def _responsibility_sort_key(view: ResponsibilityView) -> tuple[str, int, str, str, str]:
    # ends with the IRI: one body with two roles in one unit sorts the same whatever the store's order
    return (view.unit_iri, 0 if view.role == "lead" else 1, view.agent_iri, view.basis, view.iri)


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


def _document_link(graph: Graph, node: object) -> DocumentLink:
    ingested = (node, POL.sourceText, None) in graph
    return DocumentLink(iri=str(node), slug=key_tail(node) if ingested else "",
                        title=_str(graph, node, DCTERMS.title, "zh"), identifier=_str(graph, node, DCTERMS.identifier))


def _links(graph: Graph, nodes: Iterable[object]) -> list[DocumentLink]:
    return sorted((_document_link(graph, n) for n in set(nodes)), key=lambda link: (link.slug, link.iri))


def _document_view(graph: Graph, doc: URIRef) -> DocumentView:
    """One ingested document with its links to the others: what it cites and what cites it (the citing document's
    dcterms:references to its IRI, set by kg.build when a citation resolves), what it replaces and what replaces it."""
    # this document's units only, and "ingested" asked of each linked document: never a set over the corpus
    units = [u for u in graph.subjects(POL.inDocument, doc) if (u, RDF.type, ELI.LegalResourceSubdivision) in graph]
    ingested = _Ingested(graph)
    return DocumentView(
        iri=str(doc),
        slug=key_tail(doc),
        title=_str(graph, doc, DCTERMS.title, "zh"),
        title_en=_str(graph, doc, DCTERMS.title, "en"),
        identifier=_str(graph, doc, DCTERMS.identifier),
        jurisdiction=_str(graph, doc, DCTERMS.spatial),
        period=_str(graph, doc, DCTERMS.temporal),
        units=len(units),
        targets=sum(1 for u in units for _ in graph.objects(u, POL.hasTarget)),
        responsibilities=sum(1 for u in units for _ in graph.subjects(POL.assignedTo, u)),
        issued=_str(graph, doc, DCTERMS.issued),
        issuer=_str(graph, doc, DCTERMS.publisher),
        genre=_str(graph, doc, DCTERMS.type, "zh"),
        issuers=sorted(str(o) for o in graph.objects(doc, DCTERMS.creator)),
        jurisdiction_level=_str(graph, doc, POL.jurisdictionLevel),
        effective=_str(graph, doc, ELI.first_date_entry_in_force),
        issued_text_title=_str(graph, doc, POL.issuedTextTitle, "zh"),
        issued_text_genre=_str(graph, doc, POL.issuedTextGenre, "zh"),
        cites=_links(graph, (o for o in graph.objects(doc, DCTERMS.references) if o in ingested)),
        cited_by=_links(graph, (s for s in graph.subjects(DCTERMS.references, doc) if s in ingested)),
        replaces=_links(graph, graph.objects(doc, DCTERMS.replaces)),
        replaced_by=_links(graph, graph.objects(doc, DCTERMS.isReplacedBy)),
    )


class _Ingested:
    """``x in _Ingested(graph)``: whether ``x`` is a document whose text was ingested (it has pol:sourceText),
    asked of one document at a time, so a view never reads every document's text."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    def __contains__(self, node: object) -> bool:
        return next(iter(self.graph.triples((node, POL.sourceText, None))), None) is not None  # type: ignore[arg-type]


def get_document(graph: Graph, document: str) -> DocumentView:
    """One ingested document (slug or IRI) with what it cites, what cites it, what it replaces and what replaces it.
    Raises NotFound with close slugs."""
    return _document_view(graph, _resolve_document(graph, document))


def _years(view: DocumentView) -> set[int]:
    """The years a document speaks for: its issue year and every year of its period (2018-01-01/2020-12-31)."""
    import re

    years = {int(y) for y in re.findall(r"(?<!\d)(\d{4})(?!\d)", view.issued)}
    bounds = [int(y) for y in re.findall(r"(?<!\d)(\d{4})(?!\d)", view.period)]
    if bounds:
        years.update(range(min(bounds), max(bounds) + 1))
    return years


def documents_matching(graph: Graph, document: str | None = None, year: int | None = None,
                       jurisdiction: str | None = None, issuer: str | None = None) -> list[str]:
    """The slugs of the ingested documents that pass every facet given: one document (slug or IRI), a year (issued
    that year, or a period covering it), a jurisdiction (广州 matches 广州市 and its districts; national, 全国 or 国家
    the national documents; province, city or district a level) or an issuer (a substring of it: 闵行 matches
    闵行区)."""
    from ingest.jurisdiction import matches_jurisdiction

    slugs = []
    wanted = key_tail(_resolve_document(graph, document)) if document else None
    for view in list_documents(graph):
        if wanted is not None and view.slug != wanted:
            continue
        if year is not None and year not in _years(view):
            continue
        if jurisdiction and not matches_jurisdiction(jurisdiction, view.jurisdiction, view.jurisdiction_level):
            continue
        if issuer and issuer not in view.issuer and not any(issuer in name for name in view.issuers):
            continue
        slugs.append(view.slug)
    return slugs


def list_documents(graph: Graph) -> list[DocumentView]:
    """The ingested documents (those carrying their source text), by slug, each with its links."""
    return sorted((_document_view(graph, doc) for doc in graph.subjects(POL.sourceText, None)),  # type: ignore[arg-type]
                  key=lambda v: v.slug)


def _organisations(graph: Graph) -> list[URIRef]:
    return sorted(graph.subjects(RDF.type, ORG.Organization))  # type: ignore[arg-type]


def resolve_department(graph: Graph, name_or_key: str, document: URIRef | None = None) -> URIRef:
    """The one organisation named by full name, alias (市经信委), key or IRI; else NotFound with close names.

    Former and later names resolve too (市环保局, 市生态环境局: each its own body, linked by the reorganisation);
    where two bodies share a name, the one the documents name wins. With ``document``, a name is read as that
    document writes it: 市财政局 in a Guangzhou plan is 广州市财政局 even when a Shanghai plan is loaded too.
    Without one, a name several bodies the documents name share (市财政局 of two cities) is ``Ambiguous``."""
    asked = name_or_key.strip()
    if document is not None:
        within = _named_in_document(graph, asked, document)
        if within is not None:
            return within
    direct = _named_directly(graph, asked)
    if direct is not None:
        return direct
    if document is None:
        shared = _named_bodies_labelled(graph, asked)
        if len(shared) > 1:
            raise Ambiguous("department", asked, sorted(_str(graph, o, SKOS.prefLabel, "zh") for o in shared))
    return _resolve_by_names(graph, asked)


def _labels(graph: Graph, org: object) -> set[str]:
    return {str(x) for p in (SKOS.prefLabel, SKOS.altLabel) for x in graph.objects(org, p)}  # type: ignore[arg-type]


def _named_bodies_labelled(graph: Graph, asked: str) -> list[URIRef]:
    """The organisations the documents name (prov:wasDerivedFrom) that carry ``asked`` as a label."""
    found = {o for language in ("zh", "en", None) for predicate in (SKOS.prefLabel, SKOS.altLabel)
             for o in graph.subjects(predicate, Literal(asked, lang=language))}
    return sorted(o for o in found if (o, RDF.type, ORG.Organization) in graph  # type: ignore[misc]
                  and (o, PROV.wasDerivedFrom, None) in graph)


def _named_in_document(graph: Graph, asked: str, document: URIRef) -> URIRef | None:
    """The organisation ``document`` names as ``asked``: by the words written at one of its mentions there, by a
    label, or by the authority files' reading of the name within the document's jurisdiction."""
    bodies: dict[URIRef, set[str]] = {}
    for mention in graph.subjects(POL.inDocument, document):
        for org in graph.subjects(POL.mentionedAt, mention):
            if (org, RDF.type, ORG.Organization) in graph:
                bodies.setdefault(org, set()).add(_str(graph, mention, POL.text))  # type: ignore[arg-type]
    for org, written in bodies.items():
        if asked in written:
            return org
    for same in (lambda names: asked in names, lambda names: name_form(asked) in {name_form(n) for n in names}):
        labelled = [o for o in bodies if same(bodies[o] | _labels(graph, o))]
        if len(labelled) == 1:
            return labelled[0]
    from ingest.authority import normalise_department

    key = normalise_department(asked, _str(graph, document, DCTERMS.spatial))
    if key and iri.department_iri(key) in bodies:
        return iri.department_iri(key)
    return None


def _resolve_by_names(graph: Graph, asked: str) -> URIRef:
    """resolve_department by comparing every organisation's names (IRI, key, labels; the named ones first)."""
    names: dict[str, URIRef] = {}
    named = [o for o in _organisations(graph) if (o, PROV.wasDerivedFrom, None) in graph]
    for org in named + [o for o in _organisations(graph) if o not in named]:
        names.setdefault(str(org), org)
        names.setdefault(key_tail(org), org)
        for predicate in (SKOS.prefLabel, SKOS.altLabel):
            for label in graph.objects(org, predicate):
                names.setdefault(str(label), org)
    if asked in names:
        return names[asked]
    from ingest.authority import normalise_department  # other written forms the authority files know (上海市经信委)

    key = normalise_department(asked)
    if key and iri.department_iri(key) in set(names.values()):
        return iri.department_iri(key)
    # The same name written another way (广州市发展和改革委员会 for the 广州市发展改革委 a text wrote): one body only.
    same = {org for name, org in names.items() if name_form(name) == name_form(asked)}
    if len(same) == 1:
        return same.pop()
    raise NotFound("department", asked, difflib.get_close_matches(asked, list(names), n=5, cutoff=0.4))


def _named_directly(graph: Graph, asked: str) -> URIRef | None:
    """The organisation ``asked`` names without reading every organisation: its IRI, its key, or a label only
    one organisation has (several, or none: None, and resolve_department compares every name)."""
    if not asked:
        return None
    found: set = {iri.department_iri(asked)}
    if asked.startswith(("http://", "https://", "urn:")) and " " not in asked:
        found.add(URIRef(asked))
    for language in ("zh", "en", None):
        for predicate in (SKOS.prefLabel, SKOS.altLabel):
            found.update(graph.subjects(predicate, Literal(asked, lang=language)))
    orgs = [o for o in found if (o, RDF.type, ORG.Organization) in graph]
    return orgs[0] if len(orgs) == 1 else None  # type: ignore[return-value]


def responsibilities_of(graph: Graph, name_or_key: str) -> ResponsibilitySplit:
    """What a department is responsible for, explicit and inferred apart, each with its evidence."""
    return _responsibilities(graph, resolve_department(graph, name_or_key))


def _name_chain(graph: Graph, org: URIRef) -> list[tuple[URIRef, str]]:
    """The bodies linked to ``org`` by reorganisations, transitively: (body, "predecessor" | "successor")."""
    chain: list[tuple[URIRef, str]] = []
    seen = {org}
    for predicate, relation in ((DCTERMS.replaces, "predecessor"), (DCTERMS.isReplacedBy, "successor")):
        todo = [org]
        while todo:
            for other in sorted(graph.objects(todo.pop(), predicate)):
                if other not in seen:
                    seen.add(other)
                    chain.append((other, relation))  # type: ignore[arg-type]
                    todo.append(other)  # type: ignore[arg-type]
    return chain


def _change_note(graph: Graph, old: URIRef, new: URIRef) -> str:
    """"2018: 上海市环境保护局 → 上海市生态环境局 (组建市生态环境局…)" for the event that turned ``old`` into ``new``."""
    for event in graph.objects(old, ORG.changedBy):
        if (event, ORG.resultingOrganization, new) in graph:
            when = _str(graph, event, DCTERMS.date)
            label = _str(graph, event, RDFS.label)
            line = f"{_str(graph, old, SKOS.prefLabel, 'zh')} → {_str(graph, new, SKOS.prefLabel, 'zh')}"
            return f"{when}: {line}" + (f" ({label})" if label else "")
    return f"{_str(graph, old, SKOS.prefLabel, 'zh')} → {_str(graph, new, SKOS.prefLabel, 'zh')}"


def _history(graph: Graph, org: URIRef) -> list[str]:
    bodies = [org] + [b for b, _ in _name_chain(graph, org)]
    lines = {_change_note(graph, old, new) for old in bodies for new in graph.objects(old, DCTERMS.isReplacedBy)}
    return sorted(lines)


def _responsibilities(graph: Graph, org: URIRef) -> ResponsibilitySplit:
    """The body's own work, then the work the documents gave to its predecessors or successors (市环保局's
    2018 duties when asked for 市生态环境局), each of those saying through ``via`` whose it was."""
    found = [_responsibility_view(graph, r) for r in graph.subjects(POL.agent, org)]  # type: ignore[arg-type]
    name = _str(graph, org, SKOS.prefLabel, "zh")
    for other, relation in _name_chain(graph, org):
        other_name = _str(graph, other, SKOS.prefLabel, "zh")
        for r in graph.subjects(POL.agent, other):
            note = _change_note(graph, other, org) if relation == "predecessor" else _change_note(graph, org, other)
            found.append(replace(_responsibility_view(graph, r), via=f"{other_name} ({relation} of {name}; {note})"))  # type: ignore[arg-type]
    views = sorted(found, key=lambda v: (_order(graph, URIRef(v.unit_iri)), v.role, v.via, v.iri))
    return ResponsibilitySplit(explicit=[v for v in views if v.basis != "inferred"],
                               inferred=[v for v in views if v.basis == "inferred"])


def _department_view(graph: Graph, org: URIRef, responsibilities: ResponsibilitySplit) -> DepartmentView:
    created = graph.value(org, POL.createdBy)
    return DepartmentView(
        iri=str(org),
        key=key_tail(org),
        pref_label=_str(graph, org, SKOS.prefLabel, "zh"),
        pref_label_en=_str(graph, org, SKOS.prefLabel, "en"),
        alt_labels=sorted(str(a) for a in graph.objects(org, SKOS.altLabel)),
        category=_str(graph, org, POL.category),
        created_by_document=None if created is None else str(created),
        members=sorted(str(m) for m in graph.objects(org, ORG.hasMember)),
        member_of=sorted(str(m) for m in graph.subjects(ORG.hasMember, org)),
        responsibilities=responsibilities,
        mentions=sum(1 for _ in graph.objects(org, POL.mentionedAt)),
        jurisdiction=_str(graph, org, POL.jurisdiction),
        valid_from=_str(graph, org, POL.validFrom),
        valid_until=_str(graph, org, POL.validUntil),
        predecessors=sorted(str(o) for o in graph.objects(org, DCTERMS.replaces)),
        successors=sorted(str(o) for o in graph.objects(org, DCTERMS.isReplacedBy)),
        history=_history(graph, org),
    )


def department_view(graph: Graph, name_or_key: str, document: str | None = None) -> DepartmentView:
    """A department with its names, membership and responsibilities (explicit and inferred apart); with
    ``document`` (slug or IRI; NotFound when unknown) only the responsibilities in that document."""
    doc = _resolve_document(graph, document) if document else None
    org = resolve_department(graph, name_or_key, doc)
    split = _responsibilities(graph, org)
    if doc is not None:
        slug = key_tail(doc)
        split = ResponsibilitySplit([r for r in split.explicit if r.document == slug],
                                    [r for r in split.inferred if r.document == slug])
    return _department_view(graph, org, split)


def list_body_candidates(graph: Graph) -> list[BodyCandidateView]:
    """The body-like names each document writes that ingest kept out of the bodies (pol:bodyCandidate)."""
    return sorted(BodyCandidateView(key_tail(doc), str(name))  # type: ignore[arg-type]
                  for doc, name in graph.subject_objects(POL.bodyCandidate))


def list_departments(graph: Graph) -> list[DepartmentView]:
    """Every organisation the documents name, by key; responsibilities left empty here (use department_view
    for them). Bodies known only as a predecessor or successor of a named one resolve but are not listed."""
    named = [o for o in _organisations(graph) if (o, PROV.wasDerivedFrom, None) in graph
             or (None, POL.agent, o) in graph or (None, ORG.hasMember, o) in graph]
    return [_department_view(graph, org, ResponsibilitySplit()) for org in sorted(named, key=key_tail)]
