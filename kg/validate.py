"""Check a graph against the SHACL contract (data/shapes.ttl) and its text spans against the source."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef

from kg.store import to_memory
from kg.vocab import POL, RDF, SH

__all__ = ["SHAPES_FILE", "Violation", "ValidationReport", "shapes_graph", "validate", "check_spans"]

logger = logging.getLogger(__name__)

SHAPES_FILE = Path(__file__).resolve().parent / "data" / "shapes.ttl"


@dataclass(frozen=True, slots=True)
class Violation:
    """One SHACL result: the node that fails, the property path (as text) and the shape's message."""

    focus: str
    path: str
    message: str


@dataclass(slots=True)
class ValidationReport:
    conforms: bool
    text: str
    violations: list[Violation] = field(default_factory=list)


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The shipped shapes, parsed once."""
    return Graph().parse(SHAPES_FILE, format="turtle")


def _path_text(results: Graph, path: object) -> str:
    if path is None:
        return ""
    inverse = results.value(path, SH.inversePath)  # type: ignore[arg-type]
    if inverse is not None:
        return f"^{inverse}"
    return str(path)


def validate(graph: Graph) -> ValidationReport:
    """Run the SHACL shapes over ``graph`` (no inference: the graph must state its facts)."""
    from pyshacl import validate as shacl

    if len(graph) == 0:  # every shape holds vacuously over nothing: an empty graph is a broken one
        text = "the graph is empty (0 triples): nothing was built or the graph file was emptied"
        return ValidationReport(conforms=False, text=text, violations=[Violation("", "", text)])
    data = to_memory(graph)  # pyshacl is fastest on rdflib's own store
    conforms, results, text = shacl(data, shacl_graph=shapes_graph(), inference="none", advanced=False)
    violations = [
        Violation(
            focus=str(results.value(result, SH.focusNode)),
            path=_path_text(results, results.value(result, SH.resultPath)),
            message=str(results.value(result, SH.resultMessage) or ""),
        )
        for result in results.subjects(RDF.type, SH.ValidationResult)
    ]
    violations.sort(key=lambda v: (v.focus, v.path, v.message))
    logger.info("SHACL: conforms=%s, %d violations", conforms, len(violations))
    return ValidationReport(conforms=bool(conforms), text=str(text), violations=violations)


def check_spans(graph: Graph) -> list[str]:
    """Every unit's, target's, mention's and responsibility's pol:text (or evidence span) must equal
    ``pol:sourceText[start:end]`` of its document; returns one message per mismatch."""
    problems: list[str] = []
    sources = {doc: str(text) for doc, text in graph.subject_objects(POL.sourceText)}
    document_of = _documents_of(graph)
    for node, text in sorted(graph.subject_objects(POL.text)):
        start, end = graph.value(node, POL.start), graph.value(node, POL.end)
        doc = document_of.get(node)  # type: ignore[arg-type]
        if start is None or end is None:
            problems.append(f"{node}: pol:text without pol:start/pol:end")
            continue
        if doc is None or doc not in sources:
            problems.append(f"{node}: no document with pol:sourceText to check against")
            continue
        actual = sources[doc][int(start) : int(end)]
        if actual != str(text):
            problems.append(f"{node}: pol:text {str(text)[:30]!r} != source[{start}:{end}] {actual[:30]!r}")
    return problems


def _documents_of(graph: Graph) -> dict[URIRef, URIRef]:
    """The document each text-bearing node comes from: units and mentions directly, targets and supports
    through their unit."""
    found: dict[URIRef, URIRef] = {}
    for node, doc in graph.subject_objects(POL.inDocument):
        found[node] = doc  # type: ignore[index]
    for link in (POL.hasTarget, POL.hasSupport):
        for unit, target in graph.subject_objects(link):
            doc = graph.value(unit, POL.inDocument)
            if doc is not None:
                found[target] = doc  # type: ignore[index]
    for support, condition in graph.subject_objects(POL.hasCondition):  # a support's conditions: its document
        if support in found:
            found[condition] = found[support]  # type: ignore[index]
    return found
