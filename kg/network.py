"""The graph as a networkx MultiDiGraph of departments, units, targets and concepts, and small neighbourhoods."""

from __future__ import annotations

import logging
from typing import Any

import networkx as nx
from rdflib import Graph, URIRef

from kg.queries import key_tail, unit_kind
from kg.vocab import DCTERMS, ELI, ORG, POL, RDF, SKOS

__all__ = ["to_networkx", "neighbourhood", "owned_units"]

logger = logging.getLogger(__name__)


def _label(graph: Graph, node: object, *predicates: URIRef) -> str:
    for predicate in predicates:
        values = sorted(graph.objects(node, predicate))  # type: ignore[arg-type]
        zh = [v for v in values if getattr(v, "language", None) == "zh"]
        if zh or values:
            return str((zh or values)[0])
    return key_tail(node)


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Nodes keyed by IRI with ``kind`` and ``label``; edges keyed by relation, responsibility edges
    carrying ``role`` and ``basis``."""
    net = nx.MultiDiGraph()
    for org in graph.subjects(RDF.type, ORG.Organization):
        net.add_node(str(org), kind="department", label=_label(graph, org, SKOS.prefLabel))
    for unit in graph.subjects(RDF.type, ELI.LegalResourceSubdivision):
        net.add_node(str(unit), kind=unit_kind(graph, unit) or "unit", label=_label(graph, unit, POL.path),  # type: ignore[arg-type]
                     heading=_label(graph, unit, POL.heading))
        parent = graph.value(unit, ELI.is_part_of)
        if parent is not None:
            if not net.has_node(str(parent)):
                net.add_node(str(parent), kind="document", label=_label(graph, parent, DCTERMS.title))
            net.add_edge(str(unit), str(parent), key="is_part_of", relation="is_part_of")
        for concept in graph.objects(unit, DCTERMS.subject):
            net.add_node(str(concept), kind="concept", label=_label(graph, concept, SKOS.prefLabel))
            net.add_edge(str(unit), str(concept), key="subject", relation="subject")
        for target in graph.objects(unit, POL.hasTarget):
            net.add_node(str(target), kind="target", label=_label(graph, target, POL.text))
            net.add_edge(str(unit), str(target), key="hasTarget", relation="hasTarget")
    for resp in graph.subjects(RDF.type, POL.Responsibility):
        agent, unit = graph.value(resp, POL.agent), graph.value(resp, POL.assignedTo)
        if agent is None or unit is None:
            continue
        role, basis = key_tail_frag(graph.value(resp, POL.role)), key_tail_frag(graph.value(resp, POL.basis))
        net.add_edge(str(agent), str(unit), key=f"responsible:{role}:{basis}", relation="responsible",
                     role=role, basis=basis, iri=str(resp))
    for body, member in graph.subject_objects(ORG.hasMember):
        net.add_edge(str(body), str(member), key="hasMember", relation="hasMember")
    logger.info("network: %d nodes, %d edges", net.number_of_nodes(), net.number_of_edges())
    return net


def key_tail_frag(term: object) -> str:
    """``pol:Lead`` → ``lead``."""
    return "" if term is None else str(term).rsplit("#", 1)[-1].lower()


def neighbourhood(graph_or_nx: Graph | nx.MultiDiGraph, iri: str, radius: int = 1) -> dict[str, Any]:
    """Nodes within ``radius`` hops of ``iri`` (either direction) and the edges between them, JSON-able:
    ``{"center": iri, "nodes": [{"id", "kind", "label"}], "edges": [{"source", "target", "relation", …}]}``."""
    net = to_networkx(graph_or_nx) if isinstance(graph_or_nx, Graph) else graph_or_nx
    iri = str(iri)
    if iri not in net:
        from kg.queries import NotFound

        raise NotFound("node", iri)
    seen, frontier = {iri}, {iri}
    for _ in range(max(0, radius)):
        nxt = set()
        for node in frontier:
            nxt.update(net.successors(node))
            nxt.update(net.predecessors(node))
        frontier = nxt - seen
        seen |= frontier
    nodes = [{"id": n, **net.nodes[n]} for n in sorted(seen)]
    edges = [
        {"source": u, "target": v, **data}
        for u, v, data in net.edges(data=True)
        if u in seen and v in seen
    ]
    edges.sort(key=lambda e: (e["source"], e["target"], e["relation"]))
    return {"center": iri, "nodes": nodes, "edges": edges}


def owned_units(net: nx.MultiDiGraph, department_iri: str) -> list[dict[str, str]]:
    """Units a department is responsible for: directly, or through a joint body it is a member of
    (``via`` names that body)."""
    department_iri = str(department_iri)
    found: dict[tuple[str, str, str], dict[str, str]] = {}
    bodies = [department_iri] + [u for u, _, d in net.in_edges(department_iri, data=True) if d.get("relation") == "hasMember"]
    for body in bodies:
        for _, unit, data in net.out_edges(body, data=True):
            if data.get("relation") != "responsible":
                continue
            via = "" if body == department_iri else body
            found[(unit, data["role"], via)] = {"unit": unit, "path": net.nodes[unit].get("label", ""),
                                                "role": data["role"], "basis": data["basis"], "via": via}
    return sorted(found.values(), key=lambda r: (r["via"], r["unit"], r["role"]))
