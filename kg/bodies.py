"""The government bodies as the read model sees them: a name resolved to one body (within a document, by any of
its names, across reorganisations; ``Ambiguous`` when several bodies share it and no document says which), what a
body is responsible for (its own work and its predecessors' or successors'), and the lists of bodies and of
body-like names ingest kept out."""

from __future__ import annotations

import difflib
from dataclasses import replace

from rdflib import Graph, Literal, URIRef

from ingest.nameforms import name_form
from ingest.tradfold import fold_name
from kg import iri
from kg.candidates import named_as, named_body_key, named_for_body
from kg.reading import (
    Ambiguous,
    NotFound,
    _order,
    _resolve_document,
    _responsibility_view,
    _str,
    key_tail,
)
from kg.views import (
    BodyCandidateView,
    DepartmentView,
    NamedWithoutDutyView,
    ResponsibilitySplit,
)
from kg.vocab import DCTERMS, ORG, POL, PROV, RDF, RDFS, SKOS

__all__ = [
    "department_view",
    "list_body_candidates",
    "list_departments",
    "resolve_department",
    "responsibilities_of",
]


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
    if document is None:
        shared = [direct] if direct is not None else _named_bodies_labelled(graph, asked)
        if shared and (direct is None or (direct, PROV.wasDerivedFrom, None) in graph):
            # 市政府 two cities write and the 市人民政府 a third writes are one name for three bodies
            shared = sorted(set(shared) | set(_named_bodies_of_form(graph, asked)))
        if len(shared) > 1:
            raise Ambiguous("department", asked, sorted(_str(graph, o, SKOS.prefLabel, "zh") for o in shared))
    if direct is not None:
        return direct
    return _resolve_by_names(graph, asked)


def _labels(graph: Graph, org: object) -> set[str]:
    return {str(x) for p in (SKOS.prefLabel, SKOS.altLabel) for x in graph.objects(org, p)}  # type: ignore[arg-type]


def _named_bodies_labelled(graph: Graph, asked: str) -> list[URIRef]:
    """The organisations the documents name (prov:wasDerivedFrom) that carry ``asked`` as a label."""
    found = {o for language in ("zh", "en", None) for predicate in (SKOS.prefLabel, SKOS.altLabel)
             for o in graph.subjects(predicate, Literal(asked, lang=language))}
    return sorted(o for o in found if (o, RDF.type, ORG.Organization) in graph  # type: ignore[misc]
                  and (o, PROV.wasDerivedFrom, None) in graph)


def _named_bodies_of_form(graph: Graph, asked: str) -> list[URIRef]:
    """The organisations the documents name with a label of the same name form as ``asked`` (市人民政府 for 市政府,
    市发展和改革委员会 for 市发展改革委)."""
    form = name_form(asked)
    return sorted(o for o in _organisations(graph) if (o, PROV.wasDerivedFrom, None) in graph
                  and any(name_form(label) == form for label in _labels(graph, o)))


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
    # other written forms the authority files know (上海市经信委)
    from ingest.authority import normalise_department

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


def department_view(graph: Graph, name_or_key: str, document: str | None = None,
                    candidates: bool = False) -> DepartmentView:
    """:func:`department_view_as_written`, and when the name as written finds nothing: the name written in the
    traditional script (東莞市人力資源社會保障局, as a traditional-script document writes it; the graph keeps names
    in simplified characters) found by its simplified twin, an English name typed in another case or spacing
    (ministry of education) found as the close name it is. The NotFound is the one for the name as given, and says
    so when the name is a document's issuer that no sentence gives a duty."""
    try:
        return department_view_as_written(graph, name_or_key, document, candidates)
    except Ambiguous:
        raise
    except NotFound as missing:
        simplified = fold_name(name_or_key)
        if simplified != name_or_key:
            try:
                return department_view_as_written(graph, simplified, document, candidates)
            except Ambiguous:
                raise
            except NotFound:
                pass
        plain = " ".join(name_or_key.lower().split())
        same = [n for n in missing.suggestions if " ".join(n.lower().split()) == plain and n != name_or_key]
        if same and name_or_key.isascii():
            try:
                return department_view_as_written(graph, same[0], document, candidates)
            except NotFound:
                pass
        issued = _issued_by(graph, {name_or_key, simplified})
        if issued:  # say why a name the documents sign finds nothing, rather than only that it does not
            why = (f"{missing}; it issued {', '.join(issued)}, where no duty of its own was found "
                   "(an issuer becomes a body where a sentence gives it one)")
            missing.args = (why,)
        raise missing from None


def _issued_by(graph: Graph, names: set[str]) -> list[str]:
    """The slugs of the documents whose issuer is one of ``names`` (as written: 衡阳市人民政府办公室)."""
    found = set()
    for predicate in (DCTERMS.publisher, DCTERMS.creator):
        for doc, name in graph.subject_objects(predicate):
            if str(name) in names and (doc, POL.sourceText, None) in graph:
                found.add(key_tail(doc))
    return sorted(found)


def department_view_as_written(graph: Graph, name_or_key: str, document: str | None = None,
                               candidates: bool = False) -> DepartmentView:
    """A department with its names, membership and responsibilities (explicit and inferred apart); with
    ``document`` (slug or IRI; NotFound when unknown) only the responsibilities in that document.

    With ``candidates`` (what ``owns`` and the API ask), a name the documents write but make no body of (a body
    named without a duty: 武警总部后勤部 in the reply that approves its move; ``departments --candidates``) is
    answered too, as what it is: category ``candidate``, no IRI, no responsibilities, and ``named_without_duty``
    with each place and span; NotFound is left for a name no document writes. Without it such a name is NotFound,
    as "is this a body of the graph" asks (the owns benchmark counts bodies found so). A body some document only
    names lists those places in ``named_without_duty`` either way."""
    doc = _resolve_document(graph, document) if document else None
    try:
        org = resolve_department(graph, name_or_key, doc)
    except Ambiguous:
        raise
    except NotFound as missing:
        named = named_as(graph, name_or_key) if candidates else []
        if not named:
            raise NotFound("department", missing.asked, _close(graph, missing)) from None
        return _named_only_view(name_or_key, named, key_tail(doc) if doc is not None else None)
    split = _responsibilities(graph, org)
    if doc is not None:
        slug = key_tail(doc)
        split = ResponsibilitySplit([r for r in split.explicit if r.document == slug],
                                    [r for r in split.inferred if r.document == slug])
    view = _department_view(graph, org, split)
    # a unit where the body has a duty is not also a place that only names it (办公室设在国家医保局 in the sentence
    # that makes 国家医保局 take part)
    with_duty = {(r.document, r.unit_iri) for r in (*split.explicit, *split.inferred) if not r.via}
    named = [n for n in named_for_body(graph, org, doc) if (n.document, n.unit_iri) not in with_duty]
    return replace(view, named_without_duty=named) if named else view


def _close(graph: Graph, missing: NotFound) -> list[str]:
    """The close names of a body not found, and of the names the documents write without a duty (named
    without a duty is an answer too), at most five."""
    labels = sorted({str(x) for c in graph.subjects(RDF.type, POL.BodyCandidate) for x in graph.objects(c, RDFS.label)})
    close = difflib.get_close_matches(missing.asked, labels, n=5, cutoff=0.6)
    return list(dict.fromkeys(missing.suggestions + close))[:5]


def _named_only_view(asked: str, named: list[NamedWithoutDutyView], slug: str | None) -> DepartmentView:
    """The answer for a name the documents write but make no body of: no IRI (it is no org:Organization), its
    name as the asker wrote it when a document writes it so, else as first written; ``slug`` keeps one document's."""
    written = {v.name for v in named}
    name = asked.strip() if asked.strip() in written else named[0].name
    return DepartmentView(
        iri="", key=named_body_key(named), pref_label=name, pref_label_en="",
        alt_labels=sorted(written - {name}), category="candidate", created_by_document=None, members=[],
        member_of=[], responsibilities=ResponsibilitySplit(), mentions=len(named),
        named_without_duty=[v for v in named if slug is None or v.document == slug])


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
