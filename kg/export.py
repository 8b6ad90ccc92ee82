"""Serialise the graph as Turtle, JSON-LD or N-Triples."""

from __future__ import annotations

import logging

from rdflib import Graph

from kg.store import to_memory
from kg.vocab import PREFIXES

__all__ = ["FORMATS", "ALIASES", "JSONLD_CONTEXT", "normalise_format", "serialize"]

logger = logging.getLogger(__name__)

FORMATS: dict[str, str] = {"turtle": "turtle", "json-ld": "json-ld", "nt": "nt"}  # ours → rdflib's
ALIASES: dict[str, str] = {"ttl": "turtle", "jsonld": "json-ld", "ntriples": "nt", "n-triples": "nt"}

JSONLD_CONTEXT: dict[str, str] = {k: v for k, v in PREFIXES.items() if k in
                                  ("pol", "eli", "org", "skos", "dcterms", "prov", "rdf", "rdfs", "xsd")}


def normalise_format(fmt: str) -> str:
    """``"ttl"`` → ``"turtle"``; an unknown name raises ValueError naming it and the valid ones."""
    name = fmt.strip().lower()
    name = ALIASES.get(name, name)
    if name not in FORMATS:
        valid = ", ".join([*FORMATS, *ALIASES])
        raise ValueError(f"unknown export format {fmt!r}; valid formats: {valid}")
    return name


def serialize(graph: Graph, fmt: str) -> str:
    """The whole graph in ``fmt`` (turtle | json-ld | nt, or the aliases ttl | jsonld | ntriples)."""
    name = normalise_format(fmt)
    memory = to_memory(graph)  # rdflib's writers with our prefixes and simple literals, whatever the store
    if name == "json-ld":
        return memory.serialize(format="json-ld", context=JSONLD_CONTEXT, auto_compact=True)
    return memory.serialize(format=FORMATS[name])
