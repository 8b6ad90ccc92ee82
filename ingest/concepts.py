"""The shipped SKOS concept scheme (data/concepts.ttl) and the units that mention its concepts."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .model import ConceptMention, Span, Unit

__all__ = ["CONCEPT_NS", "INDUSTRY_NS", "SCHEME", "INDUSTRY_SCHEME", "INDUSTRIES_FILE", "Concept", "load_concepts",
           "load_industries", "load_places", "find_concepts"]

log = logging.getLogger(__name__)

CONCEPT_NS = "https://w3id.org/policykg/concept/"
SCHEME = "https://w3id.org/policykg/scheme/policy-concepts"
INDUSTRY_NS = "https://w3id.org/policykg/industry/"
INDUSTRY_SCHEME = "https://w3id.org/policykg/scheme/gbt4754-2017"
_DATA = Path(__file__).parent / "data" / "concepts.ttl"
INDUSTRIES_FILE = Path(__file__).parent / "data" / "industries.ttl"
PLACE_NS = "https://w3id.org/policykg/place/"
PLACE_SCHEME = "https://w3id.org/policykg/scheme/places"
PLACES_FILE = Path(__file__).parent / "data" / "places.ttl"
DIVISIONS_FILE = Path(__file__).parent / "data" / "divisions.ttl"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@dataclass(frozen=True, slots=True)
class Concept:
    """One SKOS concept; ``group`` is the key of its top concept (industries, technologies, support-instruments)."""

    key: str
    pref_zh: str
    pref_en: str
    alt_zh: tuple[str, ...]
    alt_en: tuple[str, ...]
    group: str
    matches: tuple[str, ...] = ()  # keys of policy-scheme concepts a classification entry relates to
    broader: str = ""  # key of the direct parent ("" for a top concept)

    @property
    def is_top(self) -> bool:
        return self.key == self.group


@lru_cache(maxsize=1)
def load_concepts() -> list[Concept]:
    """Parse the shipped Turtle file with rdflib; concepts sorted by key."""
    return _load_scheme(_DATA, SCHEME, CONCEPT_NS)


@lru_cache(maxsize=1)
def load_industries() -> list[Concept]:
    """The GB/T 4754-2017 divisions (data/industries.ttl), keys such as ``C15``, ``matches`` the policy
    concepts each relates to (饮料 plants → 食品)."""
    return _load_scheme(INDUSTRIES_FILE, INDUSTRY_SCHEME, INDUSTRY_NS)


@lru_cache(maxsize=1)
def load_places() -> list[Concept]:
    """The gazetteer: provincial-level divisions, major cities and Shanghai's districts, kept by hand with their
    Chinese short forms (杭州) and English names (Hangzhou) (data/places.ttl), and every other prefecture- and
    county-level division (data/divisions.ttl, written by tools/make_divisions.py: 碑林区, 长阳); ``group`` is
    ``china``."""
    return _load_scheme((PLACES_FILE, DIVISIONS_FILE), PLACE_SCHEME, PLACE_NS)


def _load_scheme(paths: Path | tuple[Path, ...], scheme_iri: str, namespace: str) -> list[Concept]:
    """The SKOS concepts of ``scheme_iri`` in the Turtle file(s) ``paths``, sorted by key.  Read with pyoxigraph's
    parser (the gazetteer's 20,000 triples take 0.05 s, rdflib's parser 1.3 s: every index opens it)."""
    import pyoxigraph as ox

    objects: dict[tuple[str, str], list[ox.NamedNode | ox.Literal]] = {}
    for path in (paths,) if isinstance(paths, Path) else paths:
        with path.open("rb") as fh:
            for triple in ox.parse(fh, format=ox.RdfFormat.TURTLE):
                objects.setdefault((triple.subject.value, triple.predicate.value), []).append(triple.object)

    def key(node: str) -> str:
        return node.removeprefix(namespace).removeprefix(CONCEPT_NS).removeprefix(PLACE_NS)

    def labels(node: str, prop: str, lang: str) -> list[str]:
        return sorted(o.value for o in objects.get((node, prop), ()) if isinstance(o, ox.Literal) and o.language == lang)

    def nodes(node: str, prop: str) -> list[str]:
        return [o.value for o in objects.get((node, prop), ()) if isinstance(o, ox.NamedNode)]

    def group(node: str) -> str:
        seen = set()
        while scheme_iri not in nodes(node, _SKOS + "topConceptOf") and node not in seen:
            seen.add(node)
            node = nodes(node, _SKOS + "broader")[0]
        return key(node)

    concepts = []
    for (node, prop), values in objects.items():
        if prop != _RDF_TYPE or not any(isinstance(v, ox.NamedNode) and v.value == _SKOS + "Concept" for v in values):
            continue
        broader = nodes(node, _SKOS + "broader")
        concepts.append(Concept(
            key=key(node),
            pref_zh=labels(node, _SKOS + "prefLabel", "zh")[0],
            pref_en=labels(node, _SKOS + "prefLabel", "en")[0],
            alt_zh=tuple(labels(node, _SKOS + "altLabel", "zh")),
            alt_en=tuple(labels(node, _SKOS + "altLabel", "en")),
            group=group(node),
            matches=tuple(sorted(key(m) for m in nodes(node, _SKOS + "relatedMatch"))),
            broader=key(broader[0]) if broader else "",
        ))
    return sorted(concepts, key=lambda c: c.key)


@lru_cache(maxsize=1)
def _zh_index() -> tuple[re.Pattern[str], dict[str, str]]:
    """Regex over every Chinese label (longest first) and label → concept key; top groups excluded."""
    by_label: dict[str, str] = {}
    for concept in load_concepts():
        if concept.is_top:
            continue
        for label in (concept.pref_zh, *concept.alt_zh):
            by_label.setdefault(label, concept.key)
    ordered = sorted(by_label, key=lambda s: (-len(s), s))
    return re.compile("|".join(map(re.escape, ordered))), by_label


def find_concepts(source: str, units: list[Unit]) -> list[ConceptMention]:
    """Each unit's mentions of concepts in its own text: longest label first, non-overlapping, with spans."""
    pattern, by_label = _zh_index()
    mentions: list[ConceptMention] = []
    for unit in units:
        for m in pattern.finditer(source, unit.span.start, unit.span.end):
            mentions.append(ConceptMention(by_label[m.group()], unit.path, Span(m.start(), m.end()), m.group()))
    return mentions
