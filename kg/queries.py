"""The queries that fill the read model (kg.views) from the graph, in one place for their callers.

The queries live by what they read: units and targets in ``kg.units``, documents in ``kg.documents``, government
bodies in ``kg.bodies``, and what all of them read the graph with (``NotFound``, ``Ambiguous``, unit kinds) in
``kg.reading``. The CLI, the API, the benchmarks and the tests import them from here, so a query can move between
those modules without its callers changing, and a test that patches ``kg.queries.department_view`` patches what
the CLI calls (the commands import it from here when they run). The views they return are kg.views' (imported
from there, not re-exported here).
"""

from __future__ import annotations

from kg.bodies import (
    _resolve_by_names,
    department_view,
    list_body_candidates,
    list_departments,
    resolve_department,
    responsibilities_of,
)
from kg.documents import (
    documents_matching,
    get_document,
    list_documents,
    what_the_documents_hold,
)
from kg.reading import (
    KIND_OF_CLASS,
    Ambiguous,
    AmbiguousPath,
    NotFound,
    _resolve_document,
    key_tail,
    unit_kind,
)
from kg.units import get_unit, list_targets, list_units, path_spellings, unit_owners

__all__ = [
    "KIND_OF_CLASS",
    "Ambiguous",
    "AmbiguousPath",
    "NotFound",
    "_resolve_by_names",
    "_resolve_document",
    "department_view",
    "documents_matching",
    "get_document",
    "get_unit",
    "key_tail",
    "list_body_candidates",
    "list_departments",
    "list_documents",
    "list_targets",
    "list_units",
    "path_spellings",
    "resolve_department",
    "responsibilities_of",
    "unit_kind",
    "unit_owners",
    "what_the_documents_hold",
]
