"""PolicyKG knowledge graph: build, validate, store, export, query and explore policy documents as RDF."""

from kg.build import build_graph
from kg.export import serialize
from kg.network import neighbourhood, owned_units, to_networkx
from kg.queries import (
    Ambiguous,
    NotFound,
    department_view,
    get_unit,
    list_departments,
    list_documents,
    list_targets,
    list_units,
    resolve_department,
    responsibilities_of,
)
from kg.sparql import SparqlError, SparqlRefused, SparqlResult, SparqlSyntaxError, SparqlTimeout, run_sparql
from kg.store import GraphStoreError, load_graph, save_graph
from kg.validate import ValidationReport, check_spans, validate
from kg.views import DepartmentView, DocumentView, ResponsibilityView, TargetView, UnitView
from kg.vocab import ELI, POL

__all__ = [
    "build_graph", "serialize", "to_networkx", "neighbourhood", "owned_units",
    "UnitView", "TargetView", "ResponsibilityView", "DepartmentView", "DocumentView", "NotFound", "Ambiguous",
    "get_unit", "list_units", "list_targets", "list_documents", "list_departments", "resolve_department",
    "department_view", "responsibilities_of",
    "run_sparql", "SparqlResult", "SparqlError", "SparqlRefused", "SparqlSyntaxError", "SparqlTimeout",
    "save_graph", "load_graph", "GraphStoreError", "validate", "check_spans", "ValidationReport", "POL", "ELI",
]
