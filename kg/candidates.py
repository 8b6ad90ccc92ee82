"""The names the documents write that are no body in the graph (pol:BodyCandidate): a body the text names but
gives no duty (武警总部后勤部 in a reply approving its move, the ministries whose request a letter answers), or a
body-like clause (区探索创新政府). Each is read with every place it is written, so a staff user asking ``owns`` for
such a name is told the truth (named in this document, this section, these characters, given no duty there)
instead of "no department", which is kept for a name no document writes.

A candidate stays a candidate: it is never resolved to an org:Organization, and nothing here re-reads the text
but to cut the sentence a stored span is in."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rdflib import Graph, Literal, URIRef

from ingest.nameforms import name_form
from kg.reading import _int, _is_unit, _str, key_tail
from kg.views import NamedWithoutDutyView
from kg.vocab import DCTERMS, POL, RDF, RDFS, SKOS

__all__ = ["named_as", "named_body_key", "named_for_body"]

_SENTENCE_END = "。！？；;\n"


def _candidates(graph: Graph, document: URIRef | None) -> Iterable[URIRef]:
    nodes = graph.subjects(RDF.type, POL.BodyCandidate)
    return sorted(n for n in nodes if document is None or (n, POL.inDocument, document) in graph)  # type: ignore[misc]


def _written(graph: Graph, node: URIRef) -> set[str]:
    """The candidate's name and every form it is written in."""
    return {_str(graph, node, RDFS.label)} | {_str(graph, m, POL.text) for m in graph.objects(node, POL.mentionedAt)}


def _authority_key(name: str, jurisdiction: str) -> str | None:
    from ingest.authority import normalise_department

    return normalise_department(name, jurisdiction)


def named_as(graph: Graph, asked: str, document: URIRef | None = None) -> list[NamedWithoutDutyView]:
    """Every place a document (``document`` only, when given) writes ``asked`` as a name it keeps out of the
    bodies: by the words written, by the same name written another way (发展和改革委员会 / 发改委), or by the one
    body the authority files read both as within the document's jurisdiction (体育总局 / 国家体育总局)."""
    asked = asked.strip()
    if not asked:
        return []

    def same(node: URIRef, written: set[str]) -> bool:
        if asked in written or name_form(asked) in {name_form(w) for w in written}:
            return True
        place = _str(graph, graph.value(node, POL.inDocument), DCTERMS.spatial)
        key = _authority_key(asked, place)
        return bool(key) and any(_authority_key(w, place) == key for w in written)

    return _views(graph, document, same)


def named_for_body(graph: Graph, org: URIRef, document: URIRef | None = None) -> list[NamedWithoutDutyView]:
    """The places a document names the body ``org`` without making it act: a candidate labelled with one of its
    names, where that name is its full name or one the authority files read as it within that document's
    jurisdiction (市财政局 in a Guangzhou reply is not Shanghai's). A body one reply answers and another tasks has
    both. Looked up by label (a few patterns, not a read of every candidate: every department view asks)."""
    full = _str(graph, org, SKOS.prefLabel, "zh")
    key = key_tail(org)
    labels = {str(x) for p in (SKOS.prefLabel, SKOS.altLabel) for x in graph.objects(org, p)}
    nodes = {n for label in labels for n in graph.subjects(RDFS.label, Literal(label, lang="zh"))
             if (n, RDF.type, POL.BodyCandidate) in graph}

    def same(node: URIRef, written: set[str]) -> bool:
        if node not in nodes:
            return False
        label = _str(graph, node, RDFS.label)
        place = _str(graph, graph.value(node, POL.inDocument), DCTERMS.spatial)
        return label == full or _authority_key(label, place) == key

    return _views(graph, document, same, sorted(nodes))


def named_body_key(views: list[NamedWithoutDutyView]) -> str:
    """The key of the answer for a name only named (the IRI segment of its first candidate in the graph)."""
    from kg.build import candidate_key

    return candidate_key(views[0].name) if views else ""


def _views(graph: Graph, document: URIRef | None, same: Callable[[URIRef, set[str]], bool],
           among: Iterable[URIRef] | None = None) -> list[NamedWithoutDutyView]:
    found: list[NamedWithoutDutyView] = []
    sources: dict[URIRef, str] = {}
    for node in _candidates(graph, document) if among is None else among:
        if document is not None and (node, POL.inDocument, document) not in graph:
            continue
        if not same(node, _written(graph, node)):
            continue
        doc = graph.value(node, POL.inDocument)
        if doc not in sources:
            sources[doc] = _str(graph, doc, POL.sourceText)  # type: ignore[index]
        reason = _str(graph, node, POL.candidateReason)
        for mention in graph.objects(node, POL.mentionedAt):
            start, end = _int(graph, mention, POL.start), _int(graph, mention, POL.end)
            if start is None or end is None:
                continue
            found.append(_view(graph, doc, sources[doc], _str(graph, mention, POL.text), reason, start, end))  # type: ignore[arg-type]
    return sorted(found, key=lambda v: (v.document, v.start, v.name))


def _view(graph: Graph, doc: URIRef, source: str, written: str, reason: str, start: int,
          end: int) -> NamedWithoutDutyView:
    unit = _innermost_unit(graph, doc, start, end)
    s_start, s_end = _sentence(source, start, end)
    return NamedWithoutDutyView(
        document=key_tail(doc), name=written, reason=reason,
        unit_iri=str(unit) if unit is not None else "",
        unit_path=_str(graph, unit, POL.path) if unit is not None else "",
        unit_heading=_str(graph, unit, POL.heading) if unit is not None else "",
        start=start, end=end, evidence=source[s_start:s_end], evidence_start=s_start, evidence_end=s_end)


def _innermost_unit(graph: Graph, doc: URIRef, start: int, end: int) -> URIRef | None:
    """The smallest unit of ``doc`` whose span holds [start, end); None where the name is outside every unit
    (the title, the addressees)."""
    best: tuple[int, URIRef] | None = None
    for node in graph.subjects(POL.inDocument, doc):
        if not isinstance(node, URIRef) or not _is_unit(graph, node):
            continue
        u_start, u_end = _int(graph, node, POL.start), _int(graph, node, POL.end)
        inside = u_start is not None and u_end is not None and u_start <= start and end <= u_end
        if inside and (best is None or u_end - u_start < best[0]):  # type: ignore[operator]
            best = (u_end - u_start, node)  # type: ignore[operator]
    return best[1] if best else None


def _sentence(source: str, start: int, end: int) -> tuple[int, int]:
    """The [start, end) of the sentence holding the name: from after the previous 。；！？ or line break to the
    next one (kept), blanks trimmed."""
    left = max((source.rfind(c, 0, start) for c in _SENTENCE_END), default=-1) + 1
    ends = [i for i in (source.find(c, end) for c in _SENTENCE_END) if i != -1]
    right = min(ends) + 1 if ends else len(source)
    if right > left and source[right - 1] == "\n":
        right -= 1
    while left < start and source[left].isspace():
        left += 1
    while right > end and source[right - 1].isspace():
        right -= 1
    return left, right
