"""The ingested documents as the read model sees them: one document with its links (what it cites, what cites it,
what it replaces and what replaces it), every document, and the documents that pass the search's facets (year,
jurisdiction, issuer, genre)."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from rdflib import Graph, URIRef

from kg.reading import _resolve_document, _str, key_tail
from kg.views import DocumentLink, DocumentView
from kg.vocab import DCTERMS, ELI, POL, RDF

__all__ = ["documents_matching", "get_document", "list_documents", "what_the_documents_hold"]


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
        genre_as_written=_str(graph, doc, POL.genreAsWritten, "zh"),
        issued_text_genre_as_written=_str(graph, doc, POL.issuedTextGenreAsWritten, "zh"),
        issued_text_issuers=sorted(str(o) for o in graph.objects(doc, POL.issuedTextCreator)),
        addressees=_str(graph, doc, DCTERMS.audience),
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

    from kg.facets import document_year

    years = {int(y) for y in re.findall(r"(?<!\d)(\d{4})(?!\d)", view.issued)}
    bounds = [int(y) for y in re.findall(r"(?<!\d)(\d{4})(?!\d)", view.period)]
    if bounds:
        years.update(range(min(bounds), max(bounds) + 1))
    if not years and (filed := document_year(view)):  # no date of issue nor period: the year of its number
        years.add(int(filed))  # (東府〔2021〕54號 → 2021), the year its facet counts it under
    return years


def _plain(text: str) -> str:
    """An English name compared as typed or as written: case, spaces and punctuation aside."""
    import re

    return re.sub(r"[^0-9a-z]+", " ", text.lower()).strip()


_PLACE_SUFFIXES = (" city", " district", " county", " province", " municipality", " new area")


@functools.lru_cache(maxsize=1)
def _places_in_english() -> dict[str, str]:
    """Each gazetteer place's English names (Shanghai, Yangpu District, Dongguan), plain, → its Chinese name;
    a name two places share goes to the higher one, as for a Chinese name."""
    from ingest.concepts import load_places

    places = load_places()
    by_key = {c.key: c for c in places}

    def depth(c) -> int:  # type: ignore[no-untyped-def]
        n = 0
        while c.broader and c.broader in by_key and n < 10:
            c, n = by_key[c.broader], n + 1
        return n

    found: dict[str, tuple[int, str]] = {}
    for c in places:
        for name in (c.pref_en, *c.alt_en):
            plain = _plain(name)
            if plain and (plain not in found or depth(c) < found[plain][0]):
                found[plain] = (depth(c), c.pref_zh)
    return {name: zh for name, (_, zh) in found.items()}


def _jurisdiction_asked(asked: str) -> str:
    """A jurisdiction as the filter reads it: an English place name (Shanghai, yangpu district, Dongguan City)
    becomes its Chinese name; anything else is kept (Chinese names, national, province, city, district)."""
    if not asked.isascii():
        return asked
    plain = _plain(asked)
    names = _places_in_english()
    if plain in names:
        return names[plain]
    for suffix in _PLACE_SUFFIXES:  # "Hengyang" for "Hengyang City", "Dongguan City" for "Dongguan"
        if plain.endswith(suffix) and plain[: -len(suffix)] in names:
            return names[plain[: -len(suffix)]]
        if plain + suffix in names:
            return names[plain + suffix]
    return asked


def _issuer_names(graph: Graph, asked: str) -> set[str]:
    """The Chinese names an issuer filter stands for: itself, and for an English name (General Office of the State
    Council) the Chinese names of the bodies the graph labels so (exactly, else containing it as words)."""
    from rdflib import Literal

    from kg.vocab import SKOS

    if not asked.isascii():
        return {asked}
    plain = _plain(asked)
    exact: set[object] = set()
    partial: set[object] = set()
    for predicate in (SKOS.prefLabel, SKOS.altLabel):
        for body, label in graph.subject_objects(predicate):
            if isinstance(label, Literal) and label.language == "en":
                name = _plain(str(label))
                if name == plain:
                    exact.add(body)
                elif plain and f" {plain} " in f" {name} ":
                    partial.add(body)
    names = {asked}
    for body in exact or partial:
        for predicate in (SKOS.prefLabel, SKOS.altLabel):
            names.update(str(o) for o in graph.objects(body, predicate)  # type: ignore[arg-type]
                         if isinstance(o, Literal) and o.language in ("zh", None, ""))
    # an issuer the documents only sign (no body of the graph): the authority files' English names
    from ingest.authority import alias_table

    entries = list(alias_table().values())
    chosen = ([e for e in entries if _plain(e.pref_label_en) == plain]
              or [e for e in entries if plain and e.pref_label_en and f" {plain} " in f" {_plain(e.pref_label_en)} "])
    for entry in chosen if not exact else ():
        names.update((entry.pref_label, *entry.alt_labels))
    return names


def _issued_by(view: DocumentView, names: set[str]) -> bool:
    """Whether one of ``names`` is (part of) the document's issuer or one of its issuers (闵行 matches 闵行区)."""
    written = [view.issuer, *view.issuers]
    return any(name and name in w for name in names for w in written if w)


# the English a researcher writes for a genre (what a document is: its own title's last word, or that of the text a
# notice issues), each as the Chinese genre words it stands for
_GENRE_EN = {
    "notice": ("通知",), "circular": ("通报",), "announcement": ("公告", "通告"), "opinion": ("意见",),
    "opinions": ("意见",), "guideline": ("指导意见",), "guidelines": ("指导意见",), "plan": ("方案", "计划", "规划"),
    "programme": ("方案",), "program": ("方案",), "measures": ("办法", "措施"), "measure": ("办法", "措施"),
    "regulation": ("条例",), "regulations": ("条例",), "rules": ("规定", "规则", "细则"), "provisions": ("规定",),
    "reply": ("答复", "复函", "批复"), "replies": ("答复", "复函", "批复"), "approval": ("批复",),
    "decision": ("决定",), "policies": ("政策",), "policy": ("政策",), "key points": ("要点",),
    "work points": ("要点",),
}


def _genres_asked(genre: str) -> tuple[str, ...]:
    """The Chinese genre words ``genre`` asks for (办法; 管理办法; measures)."""
    asked = genre.strip()
    return _GENRE_EN.get(asked.lower(), (asked,)) if asked.isascii() else (asked,)


def _of_genre(view: DocumentView, wanted: tuple[str, ...]) -> bool:
    """Whether the document is of one of the ``wanted`` genres: its own (通知, 答复) or that of the text it issues
    (a notice issuing a 暂行办法 is asked for as 办法 too). A genre word finds its longer forms (办法: 暂行办法), and a
    longer form asked (管理办法, 暂行办法) the documents of its genre word whose title carries it."""
    have = [g for g in (view.genre, view.issued_text_genre) if g]
    titles = [t for t in (view.title, view.issued_text_title) if t]
    return any(w == g or (len(w) >= 2 and g.endswith(w))
               or (len(g) >= 2 and w.endswith(g) and any(w in t for t in titles))
               for w in wanted for g in have)


def documents_matching(graph: Graph, document: str | None = None, year: int | None = None,
                       jurisdiction: str | None = None, issuer: str | None = None,
                       genre: str | None = None) -> list[str]:
    """The slugs of the ingested documents that pass every facet given: one document (slug or IRI), a year (issued
    that year, or a period covering it), a jurisdiction (广州 matches 广州市 and its districts; national, 全国 or 国家
    the national documents; province, city or district a level; an English place name, Shanghai or Yangpu District,
    as its Chinese name) or an issuer (a substring of it: 闵行 matches 闵行区; an English name, General Office of
    the State Council, as the Chinese names of the bodies so labelled) or a genre (办法, 答复, measures, reply: the
    document's own or that of the text it issues)."""
    from ingest.jurisdiction import matches_jurisdiction

    slugs = []
    wanted = key_tail(_resolve_document(graph, document)) if document else None
    jurisdiction = _jurisdiction_asked(jurisdiction.strip()) if jurisdiction else jurisdiction
    issuers = _issuer_names(graph, issuer.strip()) if issuer and issuer.strip() else None
    genres = _genres_asked(genre) if genre and genre.strip() else None
    for view in list_documents(graph):
        if wanted is not None and view.slug != wanted:
            continue
        if year is not None and year not in _years(view):
            continue
        if jurisdiction and not matches_jurisdiction(jurisdiction, view.jurisdiction, view.jurisdiction_level):
            continue
        if issuers is not None and not _issued_by(view, issuers):
            continue
        if genres is not None and not _of_genre(view, genres):
            continue
        slugs.append(view.slug)
    return slugs


def list_documents(graph: Graph) -> list[DocumentView]:
    """The ingested documents (those carrying their source text), by slug, each with its links."""
    return sorted((_document_view(graph, doc) for doc in graph.subjects(POL.sourceText, None)),  # type: ignore[arg-type]
                  key=lambda v: v.slug)


def what_the_documents_hold(every: list[DocumentView], year: int | None, jurisdiction: str | None,
                            genre: str | None) -> str:
    """One line naming the values the documents have for the filters given (years, jurisdictions, genres), so
    that a filter that kept nothing can be tried again with a value the data holds (the CLI's and the API's hint)."""
    parts = []
    if year is not None:
        years = sorted({(d.issued or d.period)[:4] for d in every if (d.issued or d.period)[:4].isdigit()})
        parts.append("years " + ", ".join(years))
    if jurisdiction:
        parts.append("jurisdictions " + "、".join(sorted({d.jurisdiction for d in every if d.jurisdiction})))
    if genre:
        parts.append("genres " + "、".join(sorted({g for d in every for g in (d.genre, d.issued_text_genre) if g})))
    return "the documents hold: " + "; ".join(parts) if parts else "no document passes these filters"
