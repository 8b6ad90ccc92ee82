"""The ontology's names for roles, inference rules and unit functions in Chinese and English, read once from
kg/data/ontology.ttl: the one source the page (``GET /labels``), the CLI and ``/match`` all name them by."""

from __future__ import annotations

from functools import lru_cache

__all__ = ["ontology_labels"]


@lru_cache(maxsize=1)
def ontology_labels() -> dict[str, dict[str, dict[str, str]]]:
    """``{"roles": {"lead": {"zh": "牵头", "en": "lead"}}, "rules": {"first-listed-body-leads": {…}},
    "functions": {"support": {"zh": "扶持", "en": "support"}}}`` from the rdfs:label of the pol:Role individuals, of
    the pol:InferenceRule individuals and of the unit functions (pol:Function, kg/data/functions.ttl), the last two
    keyed by skos:notation."""
    from rdflib import RDF, RDFS
    from rdflib.namespace import SKOS

    from kg.build import load_ontology
    from kg.vocab import POL

    graph = load_ontology()

    def labels(node) -> dict[str, str]:
        return {str(lit.language): str(lit) for lit in graph.objects(node, RDFS.label) if getattr(lit, "language", None)}

    roles = {str(node).rsplit("#", 1)[-1].lower(): labels(node) for node in graph.subjects(RDF.type, POL.Role)}
    rules = {str(graph.value(node, SKOS.notation)): labels(node)
             for node in graph.subjects(RDF.type, POL.InferenceRule) if graph.value(node, SKOS.notation)}
    functions = {str(graph.value(node, SKOS.notation)): labels(node)
                 for node in graph.subjects(RDF.type, POL.Function) if graph.value(node, SKOS.notation)}
    return {"roles": roles, "rules": rules, "functions": functions}
