"""What every kg query reads the graph with: the errors (NotFound, Ambiguous), literals as text and numbers, unit
kinds, document order, documents by slug and responsibilities as views.

The query modules (``kg.units``, ``kg.documents``, ``kg.bodies``) share these; the underscored names are the kg
package's own, not an interface for callers. This module imports no query module (and never ``kg.queries``,
which re-exports from all of them), so there is no import cycle.
"""

from __future__ import annotations

import difflib
from decimal import Decimal

from rdflib import Graph, Literal, URIRef

from kg import iri
from kg.terms import canonical_decimal
from kg.views import ResponsibilityView, UnitRef
from kg.vocab import ELI, POL, RDF, SKOS

__all__ = ["KIND_OF_CLASS", "Ambiguous", "AmbiguousPath", "NotFound", "key_tail", "unit_kind"]


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


class AmbiguousPath(Ambiguous):
    """A numbering path (第八条) several documents have, asked without the document: it exists, the request must
    say which; ``suggestions`` are the documents' slugs."""

    def __init__(self, asked: str, documents: list[str]) -> None:
        super().__init__("unit", asked, documents)
        self.args = (f"{asked!r} is in {len(documents)} documents ({', '.join(documents)}): name one "
                     "(policykg show --doc, or document= in the API)",)


def _str(graph: Graph, node: object, predicate: URIRef, lang: str | None = None) -> str:
    """One literal value as text; with ``lang``, the literal in that language (else any)."""
    values = list(graph.objects(node, predicate))  # type: ignore[arg-type]
    if lang is not None:
        tagged = [v for v in values if isinstance(v, Literal) and v.language == lang]
        if tagged:
            return str(tagged[0])
        values = [v for v in values if not (isinstance(v, Literal) and v.language)]
    return str(min(values)) if values else ""


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


def _resolve_document(graph: Graph, document: str) -> URIRef:
    for candidate in (URIRef(document), iri.document_iri(document)):
        if (candidate, POL.sourceText, None) in graph:
            return candidate
    slugs = [key_tail(d) for d in graph.subjects(POL.sourceText, None)]
    raise NotFound("document", document, difflib.get_close_matches(document, slugs, n=3, cutoff=0.3))


def key_tail(node: object) -> str:
    """The last decoded IRI segment (a document's slug, a department's key)."""
    return iri.key_of(str(node))[-1]


def _decimal(graph: Graph, node: object, predicate: URIRef) -> Decimal | None:
    value = graph.value(node, predicate)  # type: ignore[arg-type]
    return None if value is None else canonical_decimal(str(value))


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
