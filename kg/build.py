"""Map ingest's PolicyDocument model onto RDF: pure and deterministic (same documents, same triples)."""

from __future__ import annotations

import hashlib
import logging
import re
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from ingest.model import (
    Basis,
    BodyCandidate,
    Citation,
    ConceptMention,
    Condition,
    Department,
    PolicyDocument,
    Responsibility,
    Role,
    Span,
    Support,
    Target,
    Unit,
    UnitKind,
)
from kg import iri
from kg.indicators import indicator_keys
from kg.terms import decimal_literal
from kg.vocab import DCTERMS, ELI, ORG, POL, PROV, RDF, RDFS, SKOS, XSD, bind_prefixes

__all__ = [
    "CLASS_OF_KIND",
    "CONCEPTS_FILE",
    "FUNCTIONS_FILE",
    "IRI_OF_BASIS",
    "IRI_OF_FUNCTION",
    "IRI_OF_ROLE",
    "ONTOLOGY_FILE",
    "PARSER_VERSION",
    "add_name_history",
    "base_graph",
    "build_graph",
    "corpus_links",
    "document_graph",
    "load_concept_scheme",
    "load_ontology",
]

logger = logging.getLogger(__name__)

PARSER_VERSION = "0.1.0"

ONTOLOGY_FILE = Path(__file__).resolve().parent / "data" / "ontology.ttl"
# The scheme of what a unit does (pol:function), merged into the ontology.
FUNCTIONS_FILE = Path(__file__).resolve().parent / "data" / "functions.ttl"
CONCEPTS_FILE = Path(__file__).resolve().parent.parent / "ingest" / "data" / "concepts.ttl"

CLASS_OF_KIND: dict[UnitKind, URIRef] = {
    UnitKind.CHAPTER: POL.Chapter,
    UnitKind.SECTION: POL.Section,
    UnitKind.GUIDELINE: POL.Guideline,
    UnitKind.PRINCIPLE: POL.Principle,
    UnitKind.GOAL: POL.Goal,
    UnitKind.TASK: POL.Task,
    UnitKind.MEASURE: POL.Measure,
    UnitKind.SAFEGUARD: POL.SafeguardMeasure,
    UnitKind.ITEM: POL.Item,
    UnitKind.ARTICLE: POL.Article,
    UnitKind.PREAMBLE: POL.Preamble,
    UnitKind.CLOSING: POL.Closing,
    UnitKind.ANNEX: POL.Annex,
    UnitKind.NOTICE: POL.Notice,
    UnitKind.PARAGRAPH: POL.Paragraph,
}

IRI_OF_ROLE: dict[Role, URIRef] = {
    Role.LEAD: POL.Lead,
    Role.PARTICIPANT: POL.Participant,
    Role.CONVENER: POL.Convener,
    Role.COORDINATOR: POL.Coordinator,
    Role.EVALUATOR: POL.Evaluator,
    Role.IMPLEMENTER: POL.Implementer,
    Role.SUPERVISOR: POL.Supervisor,
}

IRI_OF_BASIS: dict[Basis, URIRef] = {Basis.EXPLICIT: POL.Explicit, Basis.INFERRED: POL.Inferred}

# Unit.function (ingest.function) → its concept in kg/data/functions.ttl.
IRI_OF_FUNCTION: dict[str, URIRef] = {
    "goal": POL.GoalFunction,
    "action": POL.ActionFunction,
    "support": POL.SupportFunction,
    "rule": POL.RuleFunction,
    "duty": POL.DutyFunction,
    "decision": POL.DecisionFunction,
    "context": POL.ContextFunction,
}

_INT = XSD.integer


def load_concept_scheme(path: Path | None = None) -> Graph:
    """The SKOS scheme shipped by ingest (``ingest/data/concepts.ttl``); empty if not there yet."""
    path = path or CONCEPTS_FILE
    graph = Graph()
    if path.exists():
        graph.parse(path, format="turtle")
    else:
        logger.warning("concept scheme %s not found; building without it", path)
    return graph


def load_ontology() -> Graph:
    """The PolicyKG ontology (labels @zh/@en, comments, domains and ranges of the POL terms), with the scheme of
    unit functions."""
    graph = Graph().parse(ONTOLOGY_FILE, format="turtle")
    return graph.parse(FUNCTIONS_FILE, format="turtle")


def build_graph(
    documents: list[PolicyDocument], concepts: Graph | None = None, *, with_ontology: bool = True
) -> Graph:
    """The knowledge graph of ``documents``; ``concepts`` defaults to ingest's shipped SKOS scheme, and
    the ontology is merged in so the graph describes its own terms.

    It is the union of three kinds of parts, which an incremental build assembles apart
    (``workspace.graphparts``): ``base_graph`` (scheme and ontology), one ``document_graph`` per document (a
    function of that document alone), and the corpus-wide facts: ``add_name_history`` (the bodies' names over
    time, from the authority files) and ``corpus_links`` (citations resolved to other ingested documents)."""
    graph = base_graph(concepts, with_ontology=with_ontology)
    for document in sorted(documents, key=lambda d: d.meta.slug):
        _add_document(graph, document)
    add_name_history(graph, documents)
    _link_citations(graph, documents)
    logger.info("built graph of %d documents: %d triples", len(documents), len(graph))
    return graph


def base_graph(concepts: Graph | None = None, *, with_ontology: bool = True) -> Graph:
    """What every graph starts from: the SKOS scheme (``concepts``, default the shipped one) and the ontology."""
    graph = bind_prefixes(Graph())
    scheme = load_concept_scheme() if concepts is None else concepts
    for triple in scheme:
        graph.add(triple)
    if with_ontology:
        for triple in load_ontology():
            graph.add(triple)
    return graph


def document_graph(document: PolicyDocument, concepts: Graph | None = None) -> Graph:
    """The triples ``build_graph`` adds for ``document`` alone (its units, targets, mentions, the bodies as it
    names them …), without the scheme, the ontology and the corpus-wide facts: a function of the one document,
    so a build may cache it by the document's hash. ``concepts`` (default the shipped scheme) only tells which
    concepts need no ``skos:Concept`` typing of their own."""
    known = _shipped_concepts() if concepts is None else frozenset(concepts.subjects(RDF.type, SKOS.Concept))
    graph = bind_prefixes(Graph())
    _add_document(graph, document, known)
    return graph


@lru_cache(maxsize=1)
def _shipped_concepts() -> frozenset:
    return frozenset(load_concept_scheme().subjects(RDF.type, SKOS.Concept))


def add_name_history(graph: Graph, documents: list[PolicyDocument]) -> None:
    """Add the names over time of the bodies ``documents`` name (authority files) to ``graph``, which must hold
    those bodies' own triples (a body's category and jurisdiction there are read and may be set)."""
    _add_name_history(graph, {d.key for document in documents for d in document.departments})


def corpus_links(documents: list[PolicyDocument]) -> Graph:
    """The cross-document triples of ``documents``: citations resolved to an ingested document (by 发文字号,
    else title) and what repeals what. Cheap (metadata and citations only); recomputed by every build."""
    graph = bind_prefixes(Graph())
    _link_citations(graph, documents)
    return graph


def _span(graph: Graph, node: URIRef, span: Span) -> None:
    graph.add((node, POL.start, Literal(span.start, datatype=_INT)))
    graph.add((node, POL.end, Literal(span.end, datatype=_INT)))


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _add_document_metadata(graph: Graph, doc: URIRef, meta) -> None:
    """Genre (dcterms:type), issuers (dcterms:creator, joint issuers each), dates (eli:date_document, eli:
    first_date_entry_in_force), the issued text (title, genre) and the jurisdiction (eli:jurisdiction: the
    gazetteer's place, with pol:jurisdictionLevel)."""
    from ingest.jurisdiction import place_named

    if meta.genre:
        graph.add((doc, DCTERMS.type, Literal(meta.genre, lang="zh")))
    for name in meta.issuers:
        graph.add((doc, DCTERMS.creator, Literal(name)))
    if meta.issued_text_title:
        graph.add((doc, POL.issuedTextTitle, Literal(meta.issued_text_title, lang="zh")))
    if meta.issued_text_genre:
        graph.add((doc, POL.issuedTextGenre, Literal(meta.issued_text_genre, lang="zh")))
    if meta.genre_as_written and meta.genre_as_written != meta.genre:
        graph.add((doc, POL.genreAsWritten, Literal(meta.genre_as_written, lang="zh")))
    if meta.issued_text_genre_as_written and meta.issued_text_genre_as_written != meta.issued_text_genre:
        graph.add((doc, POL.issuedTextGenreAsWritten, Literal(meta.issued_text_genre_as_written, lang="zh")))
    for name in meta.issued_text_issuers:
        graph.add((doc, POL.issuedTextCreator, Literal(name)))
    if _ISO_DATE.match(meta.issued):
        graph.add((doc, ELI.date_document, Literal(meta.issued, datatype=XSD.date)))
    if _ISO_DATE.match(meta.effective):
        graph.add((doc, ELI.first_date_entry_in_force, Literal(meta.effective, datatype=XSD.date)))
    if meta.jurisdiction_level:
        graph.add((doc, POL.jurisdictionLevel, Literal(meta.jurisdiction_level)))
    place = place_named(meta.jurisdiction) if meta.jurisdiction else None
    if place is not None and place.key and place.name == meta.jurisdiction:
        graph.add((doc, ELI.jurisdiction, iri.place_iri(place.key)))
    if getattr(meta, "jurisdiction_basis", "") == "inferred":  # read from a sentence: marked, as inferred duties are
        graph.add((doc, POL.jurisdictionBasis, POL.Inferred))
        graph.add((doc, POL.jurisdictionRule, Literal(meta.jurisdiction_rule)))
        graph.add((doc, POL.jurisdictionEvidence, Literal(meta.jurisdiction_evidence)))


def _add_document(graph: Graph, document: PolicyDocument, known: frozenset = frozenset()) -> None:
    """``known``: concept IRIs typed ``skos:Concept`` elsewhere (the scheme, when not in ``graph``)."""
    meta = document.meta
    doc = iri.document_iri(meta.slug)
    graph.add((doc, RDF.type, POL.PolicyDocument))
    graph.add((doc, RDF.type, ELI.LegalResource))
    graph.add((doc, DCTERMS.title, Literal(meta.title, lang="zh")))
    if meta.title_en:
        graph.add((doc, DCTERMS.title, Literal(meta.title_en, lang="en")))
    optional = (
        (DCTERMS.identifier, meta.identifier),
        (DCTERMS.language, meta.language),
        (DCTERMS.spatial, meta.jurisdiction),
        (DCTERMS.publisher, meta.issuer),
        (DCTERMS.audience, meta.addressees),  # 主送机关: 各区人民政府，市政府各委、办、局
        (POL.sha256, meta.sha256),
        (POL.encoding, meta.encoding),
        (POL.sourceFile, meta.source_file),
    )
    for predicate, value in optional:
        if value:
            graph.add((doc, predicate, Literal(value)))
    if meta.issued:
        graph.add((doc, DCTERMS.issued, Literal(meta.issued)))
    period = "/".join(p for p in (meta.period_start, meta.period_end) if p)
    if period:
        graph.add((doc, DCTERMS.temporal, Literal(period)))
    _add_document_metadata(graph, doc, meta)
    graph.add((doc, POL.sourceText, Literal(document.source)))

    activity = iri.activity_iri(meta.slug)
    graph.add((activity, RDF.type, PROV.Activity))
    graph.add((activity, POL.parserVersion, Literal(PARSER_VERSION)))
    graph.add((activity, PROV.used, doc))

    keys = {u.path: u.key for u in document.units}
    for order, unit in enumerate(document.units, start=1):
        _add_unit(graph, meta.slug, doc, activity, unit, order, keys)
    for target in document.targets:
        _add_target(graph, meta.slug, target, keys)
    for support in document.supports:
        _add_support(graph, meta.slug, support, keys)
    for department in document.departments:
        _add_department(graph, meta.slug, doc, document.source, department)
    for candidate in document.body_candidates:  # body-like names kept out of the bodies, for review
        _add_body_candidate(graph, meta.slug, doc, document.source, candidate)
    _add_responsibilities(graph, meta.slug, document.responsibilities, keys)
    for citation in document.citations:
        _add_citation(graph, meta.slug, doc, document.source, citation, keys)
    for mention in document.concepts:
        _add_concept_mention(graph, meta.slug, document.source, mention, keys, known)


def _add_unit(
    graph: Graph, slug: str, doc: URIRef, activity: URIRef, unit: Unit, order: int, keys: dict[str, str]
) -> None:
    node = iri.unit_iri(slug, unit.key)
    parent = iri.unit_iri(slug, keys[unit.parent]) if unit.parent else doc
    graph.add((node, RDF.type, CLASS_OF_KIND[unit.kind]))
    graph.add((node, RDF.type, ELI.LegalResourceSubdivision))
    graph.add((node, ELI.is_part_of, parent))
    graph.add((parent, ELI.has_part, node))
    graph.add((node, POL.inDocument, doc))
    graph.add((node, POL.path, Literal(unit.path)))
    graph.add((node, POL.key, Literal(unit.key)))
    graph.add((node, POL.label, Literal(unit.label)))
    graph.add((node, POL.order, Literal(order, datatype=_INT)))
    if unit.heading:
        graph.add((node, POL.heading, Literal(unit.heading)))
    graph.add((node, POL.text, Literal(unit.text)))
    if unit.function:
        graph.add((node, POL.function, IRI_OF_FUNCTION[unit.function]))
        if unit.function_cue:
            graph.add((node, POL.functionCue, Literal(unit.function_cue)))
    _span(graph, node, unit.span)
    graph.add((node, PROV.wasDerivedFrom, doc))
    graph.add((node, PROV.wasGeneratedBy, activity))


def _add_target(graph: Graph, slug: str, target: Target, keys: dict[str, str]) -> None:
    node = iri.target_iri(slug, target.key)
    graph.add((node, RDF.type, POL.Target))
    graph.add((iri.unit_iri(slug, keys[target.unit_path]), POL.hasTarget, node))
    graph.add((node, POL.indicator, Literal(target.indicator)))
    for key in indicator_keys(target.indicator):  # the index "targets whose indicator contains …" binds
        graph.add((node, POL.indicatorKey, Literal(key)))
    graph.add((node, POL.quantity, decimal_literal(target.quantity)))
    if target.quantity_max is not None:
        graph.add((node, POL.quantityMax, decimal_literal(target.quantity_max)))
    graph.add((node, POL.unit, Literal(target.unit)))
    graph.add((node, POL.comparator, Literal(target.comparator)))
    if target.deadline is not None:
        graph.add((node, POL.deadline, Literal(target.deadline, datatype=XSD.date)))
        graph.add((node, POL.deadlineBasis, IRI_OF_BASIS[target.deadline_basis]))
        if target.deadline_evidence:
            graph.add((node, POL.deadlineEvidence, Literal(target.deadline_evidence)))
    if target.period:
        graph.add((node, POL.period, Literal(target.period)))
    graph.add((node, POL.text, Literal(target.text)))
    _span(graph, node, target.span)


def _add_support(graph: Graph, slug: str, support: Support, keys: dict[str, str]) -> None:
    """A pol:Support node (subsidy cap or rate, reward, threshold, time limit …) linked from its unit."""
    node = iri.support_iri(slug, support.key)
    graph.add((node, RDF.type, POL.Support))
    graph.add((iri.unit_iri(slug, keys[support.unit_path]), POL.hasSupport, node))
    graph.add((node, POL.supportKind, Literal(support.kind)))
    for predicate, number in ((POL.amount, support.amount), (POL.amountMax, support.amount_max),
                              (POL.rate, support.rate), (POL.cap, support.cap)):
        if number is not None:
            graph.add((node, predicate, decimal_literal(number)))
    for predicate, value in ((POL.unit, support.unit), (POL.rateBase, support.rate_base),
                             (POL.comparator, support.comparator), (POL.condition, support.condition)):
        if value:
            graph.add((node, predicate, Literal(value)))
    graph.add((node, POL.text, Literal(support.text)))
    _span(graph, node, support.span)
    for predicate, day in ((POL.applicableFrom, support.valid_from), (POL.applicableUntil, support.valid_until)):
        if day is not None:
            graph.add((node, predicate, Literal(day, datatype=XSD.date)))
    if support.validity_text:
        graph.add((node, POL.validityText, Literal(support.validity_text)))
    for n, condition in enumerate(support.conditions, 1):
        _add_condition(graph, iri.support_iri(slug, f"{support.key}.c{n}"), node, condition)


def _add_condition(graph: Graph, node: URIRef, support: URIRef, condition: Condition) -> None:
    """A pol:Condition of a support: who qualifies (size, person, threshold, place, sector), with its words."""
    graph.add((node, RDF.type, POL.Condition))
    graph.add((support, POL.hasCondition, node))
    graph.add((node, POL.conditionKind, Literal(condition.kind)))
    if condition.field:
        graph.add((node, POL.profileField, Literal(condition.field)))
    graph.add((node, POL.comparator, Literal(condition.comparator)))
    for predicate, number in ((POL.conditionValue, condition.value), (POL.conditionValueMax, condition.value_max)):
        if number is not None:
            graph.add((node, predicate, decimal_literal(number)))
    for value in condition.values:
        graph.add((node, POL.allowedValue, Literal(value)))
    if condition.unit:
        graph.add((node, POL.unit, Literal(condition.unit)))
    graph.add((node, POL.text, Literal(condition.text)))
    _span(graph, node, condition.span)


def _add_department(graph: Graph, slug: str, doc: URIRef, source: str, department: Department) -> None:
    node = iri.department_iri(department.key)
    graph.add((node, RDF.type, ORG.Organization))
    graph.add((node, SKOS.prefLabel, Literal(department.pref_label, lang="zh")))
    if department.pref_label_en:
        graph.add((node, SKOS.prefLabel, Literal(department.pref_label_en, lang="en")))
    for alt in department.alt_labels:
        if alt != department.pref_label:
            graph.add((node, SKOS.altLabel, Literal(alt, lang="zh")))
    graph.add((node, POL.category, Literal(department.category)))
    if department.jurisdiction:
        graph.add((node, POL.jurisdiction, Literal(department.jurisdiction)))
    graph.add((node, PROV.wasDerivedFrom, doc))
    if department.created_by_document or department.members:
        graph.add((node, RDF.type, ORG.OrganizationalCollaboration))
    if department.created_by_document:
        graph.add((node, POL.createdBy, doc))
    for member in department.members:
        member_node = iri.department_iri(member)
        graph.add((node, ORG.hasMember, member_node))
        graph.add((member_node, ORG.memberOf, node))
    for span in department.mentions:
        _add_mention(graph, slug, source, node, "org", department.key, span)


def _add_body_candidate(graph: Graph, slug: str, doc: URIRef, source: str, candidate: BodyCandidate) -> None:
    """A name kept out of the bodies, with every place it is written: a staff user asking about it (``owns
    武警总部后勤部``) is told where the documents name it and that they give it no duty, with the span, instead of
    "no department". It stays a pol:BodyCandidate, never an org:Organization."""
    graph.add((doc, POL.bodyCandidate, Literal(candidate.name)))
    key = candidate_key(candidate.name)
    node = iri.mint("doc", slug, "candidate", key)
    graph.add((node, RDF.type, POL.BodyCandidate))
    graph.add((node, RDFS.label, Literal(candidate.name, lang="zh")))
    graph.add((node, POL.inDocument, doc))
    if candidate.reason:
        graph.add((node, POL.candidateReason, Literal(candidate.reason)))
    for span in candidate.mentions:
        _add_mention(graph, slug, source, node, "candidate", key, span)


def candidate_key(name: str) -> str:
    """The IRI segment of a candidate name within its document (the name is hashed: it may be any clause)."""
    return "c" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]


def _add_name_history(graph: Graph, keys: set[str]) -> None:
    """From the authority files: the bodies named, their predecessors and successors (transitively) with
    their names and validity, and the org:ChangeEvent of each reorganisation (市环保局 → 市生态环境局, 2018)."""
    from ingest.authority import name_history

    bodies, events = name_history(keys)
    for body in bodies:
        node = iri.department_iri(body.key)
        graph.add((node, RDF.type, ORG.Organization))
        graph.add((node, SKOS.prefLabel, Literal(body.pref_label, lang="zh")))
        if body.pref_label_en:
            graph.add((node, SKOS.prefLabel, Literal(body.pref_label_en, lang="en")))
        for alt in body.alt_labels:
            graph.add((node, SKOS.altLabel, Literal(alt, lang="zh")))
        if (node, POL.category, None) not in graph:
            graph.add((node, POL.category, Literal(body.category)))
        if body.jurisdiction:
            graph.set((node, POL.jurisdiction, Literal(body.jurisdiction)))
        if body.valid_from:
            graph.add((node, POL.validFrom, Literal(body.valid_from, datatype=XSD.date)))
        if body.valid_until:
            graph.add((node, POL.validUntil, Literal(body.valid_until, datatype=XSD.date)))
    _add_parents(graph, keys | {b.key for b in bodies})
    for event in events:
        node = iri.department_iri(event.key)
        graph.add((node, RDF.type, ORG.ChangeEvent))
        if event.label:
            graph.add((node, RDFS.label, Literal(event.label, lang="zh")))
        if event.date:
            kind = XSD.date if len(event.date) == 10 else XSD.gYear
            graph.add((node, DCTERMS.date, Literal(event.date, datatype=kind)))
        for old in event.original:
            graph.add((node, ORG.originalOrganization, iri.department_iri(old)))
            graph.add((iri.department_iri(old), ORG.changedBy, node))
            for new in event.resulting:
                graph.add((iri.department_iri(new), DCTERMS.replaces, iri.department_iri(old)))
                graph.add((iri.department_iri(old), DCTERMS.isReplacedBy, iri.department_iri(new)))
        for new in event.resulting:
            graph.add((node, ORG.resultingOrganization, iri.department_iri(new)))
            graph.add((iri.department_iri(new), ORG.resultedFrom, node))


def _add_parents(graph: Graph, keys: set[str]) -> None:
    """org:subOrganizationOf between two bodies of the graph, as the authority files state it
    (上海海关 → 海关总署, 国家能源局 → 国家发展和改革委员会)."""
    from ingest.authority import authority

    bodies = authority().bodies
    for key in sorted(keys):
        parent = bodies[key].parent if key in bodies else ""
        if parent and parent in keys:
            graph.add((iri.department_iri(key), ORG.subOrganizationOf, iri.department_iri(parent)))


def _add_mention(
    graph: Graph, slug: str, source: str, about: URIRef, what: str, key: str, span: Span
) -> None:
    """A pol:Mention node: where the text names ``about``; its pol:text is cut from the source."""
    mention = iri.mention_iri(slug, what, key, span.start, span.end)
    graph.add((mention, RDF.type, POL.Mention))
    graph.add((mention, POL.inDocument, iri.document_iri(slug)))
    graph.add((mention, POL.text, Literal(span.text(source))))
    _span(graph, mention, span)
    graph.add((about, POL.mentionedAt, mention))


def _add_responsibilities(
    graph: Graph, slug: str, responsibilities: list[Responsibility], keys: dict[str, str]
) -> None:
    # Every statement the text makes is kept, each with its own evidence: the first statement of a
    # (unit, agent, role) has the plain IRI, further ones a numbered one (…-implementer-2). An inferred
    # fact that the text also states is dropped: the explicit statement wins.
    stated = {(r.unit_path, r.agent, r.role) for r in responsibilities if r.basis is Basis.EXPLICIT}
    chosen: dict[URIRef, Responsibility] = {}
    count: dict[tuple[str, str, Role], int] = {}
    for resp in responsibilities:
        fact = (resp.unit_path, resp.agent, resp.role)
        if resp.basis is Basis.INFERRED and fact in stated:
            logger.debug("inferred %s also stated; keeping the explicit one", fact)
            continue
        if resp.basis is Basis.INFERRED and count.get(fact):
            continue  # one inferred fact per (unit, agent, role)
        count[fact] = count.get(fact, 0) + 1
        role = resp.role.value if count[fact] == 1 else f"{resp.role.value}-{count[fact]}"
        chosen[iri.responsibility_iri(slug, keys[resp.unit_path], resp.agent, role)] = resp
    for node, resp in chosen.items():
        graph.add((node, RDF.type, POL.Responsibility))
        graph.add((node, POL.agent, iri.department_iri(resp.agent)))
        graph.add((node, POL.assignedTo, iri.unit_iri(slug, keys[resp.unit_path])))
        graph.add((node, POL.role, IRI_OF_ROLE[resp.role]))
        graph.add((node, POL.basis, IRI_OF_BASIS[resp.basis]))
        graph.add((node, POL.evidence, Literal(resp.evidence)))
        if resp.rule:
            graph.add((node, POL.rule, Literal(resp.rule)))
        if resp.due is not None:
            graph.add((node, POL.due, Literal(resp.due, datatype=XSD.date)))
        if resp.due_text:
            graph.add((node, POL.dueText, Literal(resp.due_text)))
        if resp.span is not None:
            _span(graph, node, resp.span)


# What the citing text does to part of a cited one (a whole repeal is dcterms:replaces, in _link_citations).
_PARTIAL_EFFECTS = {"suspends": POL.suspends, "amends": ELI.amends}


def _add_citation(
    graph: Graph, slug: str, doc: URIRef, source: str, citation: Citation, keys: dict[str, str]
) -> None:
    node = iri.cited_iri(citation.key)
    graph.add((node, RDF.type, POL.PolicyDocument))
    if citation.title:
        graph.add((node, DCTERMS.title, Literal(citation.title, lang="zh")))
    if citation.identifier:
        graph.add((node, DCTERMS.identifier, Literal(citation.identifier)))
    for path in citation.unit_paths or [""]:
        citing = iri.unit_iri(slug, keys[path]) if path else doc
        graph.add((citing, DCTERMS.references, node))
    for span in citation.mentions:
        _add_mention(graph, slug, source, node, "cited", citation.key, span)
    if citation.effect in _PARTIAL_EFFECTS:
        graph.add((doc, _PARTIAL_EFFECTS[citation.effect], node))


def _link_citations(graph: Graph, documents: list[PolicyDocument]) -> None:
    """A citation of a document that is ingested too (by its 发文字号, else by its title) also references that
    document's IRI (the citing units and the citing document; the pol cited node stays); a citation the text
    repeals (``Citation.replaces``) makes the citing document ``dcterms:replaces`` it and it
    ``dcterms:isReplacedBy`` the citing one; one it suspends or amends in part is linked by ``pol:suspends`` /
    ``eli:amends`` as well. Only links are added: no fact of either document changes."""
    from ingest.citations import identifier_key, title_key

    by_number = {identifier_key(d.meta.identifier): d.meta.slug for d in documents if d.meta.identifier}
    by_title = {title_key(d.meta.title): d.meta.slug for d in documents if d.meta.title}
    for document in sorted(documents, key=lambda d: d.meta.slug):
        slug = document.meta.slug
        doc = iri.document_iri(slug)
        keys = {u.path: u.key for u in document.units}
        for citation in document.citations:
            target = (by_number.get(identifier_key(citation.identifier)) if citation.identifier else None) \
                or (by_title.get(title_key(citation.title)) if citation.title else None)
            if target == slug:
                continue
            if target is None:
                if citation.replaces:
                    graph.add((doc, DCTERMS.replaces, iri.cited_iri(citation.key)))
                continue
            cited = iri.document_iri(target)
            graph.add((doc, DCTERMS.references, cited))
            if citation.effect in _PARTIAL_EFFECTS:
                graph.add((doc, _PARTIAL_EFFECTS[citation.effect], cited))
            for path in citation.unit_paths:
                if path:
                    graph.add((iri.unit_iri(slug, keys[path]), DCTERMS.references, cited))
            if citation.replaces:
                graph.add((doc, DCTERMS.replaces, cited))
                graph.add((cited, DCTERMS.isReplacedBy, doc))


def _add_concept_mention(
    graph: Graph, slug: str, source: str, mention: ConceptMention, keys: dict[str, str], known: frozenset = frozenset()
) -> None:
    concept = iri.concept_iri(mention.concept)
    if concept not in known and (concept, RDF.type, SKOS.Concept) not in graph:
        logger.warning("concept %r is not in the shipped scheme", mention.concept)
        graph.add((concept, RDF.type, SKOS.Concept))
    unit = iri.unit_iri(slug, keys[mention.unit_path])
    graph.add((unit, DCTERMS.subject, concept))
    _add_mention(graph, slug, source, concept, "concept", mention.concept, mention.span)
