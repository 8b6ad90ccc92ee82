"""The one place IRIs are minted: stable across runs (document slug + section key)."""

from __future__ import annotations

from urllib.parse import quote

from rdflib import URIRef

__all__ = ["BASE", "mint", "document_iri", "unit_iri", "target_iri", "support_iri", "department_iri",
           "responsibility_iri", "concept_iri", "scheme_iri", "cited_iri", "mention_iri",
           "activity_iri", "graph_iri", "place_iri", "key_of"]

BASE = "https://w3id.org/policykg/"

_KINDS = ("doc", "org", "concept", "scheme", "cited", "activity", "graph", "place")


def mint(kind: str, *segments: str) -> URIRef:
    """Mint ``BASE/kind/seg1/seg2…``; each segment is percent-encoded, so no caller
    ever concatenates IRI strings.

    >>> mint("doc", "plan", "2.1.1")
    rdflib.term.URIRef('https://w3id.org/policykg/doc/plan/2.1.1')
    """
    if kind not in _KINDS:
        raise ValueError(f"unknown IRI kind {kind!r}; valid kinds: {', '.join(_KINDS)}")
    if not segments or any(not s for s in segments):
        raise ValueError(f"IRI segments must be non-empty, got {segments!r}")
    return URIRef(BASE + kind + "/" + "/".join(quote(s, safe="-._~") for s in segments))


def document_iri(slug: str) -> URIRef:
    return mint("doc", slug)


def unit_iri(slug: str, unit_key: str) -> URIRef:
    return mint("doc", slug, unit_key)


def target_iri(slug: str, target_key: str) -> URIRef:
    return mint("doc", slug, target_key)


def responsibility_iri(slug: str, unit_key: str, agent_key: str, role: str) -> URIRef:
    return mint("doc", slug, unit_key, f"resp-{agent_key}-{role}")


def support_iri(slug: str, support_key: str) -> URIRef:
    """A support amount, threshold or time limit of a unit (key ``2.3.s1``)."""
    return mint("doc", slug, support_key)


def department_iri(key: str) -> URIRef:
    return mint("org", key)


def concept_iri(key: str) -> URIRef:
    return mint("concept", key)


def scheme_iri(key: str) -> URIRef:
    return mint("scheme", key)


def place_iri(key: str) -> URIRef:
    """A place of the gazetteer (ingest/data/places.ttl, divisions.ttl): china, guangzhou, pudong, cn440106."""
    return mint("place", key)


def cited_iri(citation_key: str) -> URIRef:
    """A document cited by the corpus (《中国制造2025》), keyed by the citation key."""
    return mint("cited", citation_key)


def mention_iri(slug: str, what: str, key: str, start: int, end: int) -> URIRef:
    """One place a document names something, e.g. ``mention_iri(slug, "org", dept_key, 10, 15)``.

    The ``mention`` segment cannot clash with unit keys, which start with a digit.
    """
    return mint("doc", slug, "mention", what, key, f"{start}-{end}")


def activity_iri(slug: str) -> URIRef:
    """The ingest activity (prov:Activity) that produced a document's units."""
    return mint("activity", slug)


def graph_iri(slug: str | None = None) -> URIRef:
    """The named graph a SPARQL server keeps one document's triples in (``graph/doc/<slug>``); with no slug,
    the one shared graph of the ontology, the concept scheme and the authority data (``graph/shared``)."""
    return mint("graph", "shared") if slug is None else mint("graph", "doc", slug)


def key_of(iri: str) -> tuple[str, ...]:
    """The decoded segments after BASE: ``key_of(unit_iri("p", "2.1"))`` → ``("doc", "p", "2.1")``."""
    from urllib.parse import unquote

    if not iri.startswith(BASE):
        raise ValueError(f"not a PolicyKG IRI: {iri!r} (expected it to start with {BASE})")
    return tuple(unquote(s) for s in iri[len(BASE):].split("/"))
