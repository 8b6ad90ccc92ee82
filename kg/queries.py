"""The queries that fill the read model (kg.views) from the graph, in one place for their callers.

The queries live by what they read: units and targets in ``kg.units``, documents in ``kg.documents``, government
bodies in ``kg.bodies``, and what all of them read the graph with (``NotFound``, ``Ambiguous``, unit kinds) in
``kg.reading``. The CLI, the API, the benchmarks and the tests import them from here, so a query can move between
those modules without its callers changing, and a test that patches ``kg.queries.department_view`` patches what
the CLI calls (the commands import it from here when they run). The views they return are kg.views' (imported
from there, not re-exported here).
"""

from __future__ import annotations

from kg import bodies as _bodies
from kg.bodies import (
    _resolve_by_names,
    list_body_candidates,
    list_departments,
    resolve_department,
    responsibilities_of,
)
from kg.documents import documents_matching, get_document, list_documents
from kg.reading import (
    KIND_OF_CLASS,
    Ambiguous,
    NotFound,
    _resolve_document,
    key_tail,
    unit_kind,
)
from kg.units import get_unit, list_targets, list_units, path_spellings, unit_owners



def department_view(graph, name_or_key: str, document: str | None = None, candidates: bool = False):  # type: ignore[no-untyped-def]
    """``kg.bodies.department_view``, and a name written in the traditional script (東莞市人力資源社會保障局,
    as a traditional-script document writes it: the graph keeps bodies' names in simplified characters) found
    by its simplified twin when the name as written finds nothing. The NotFound is the one for the name as given."""
    try:
        return _bodies.department_view(graph, name_or_key, document, candidates=candidates)
    except Ambiguous:
        raise
    except NotFound as missing:
        simplified = _simplified(name_or_key)
        if simplified != name_or_key:
            try:
                return _bodies.department_view(graph, simplified, document, candidates=candidates)
            except Ambiguous:
                raise
            except NotFound:
                pass
        # an English name typed in another case or spacing (ministry of education): the close name it is
        plain = " ".join(name_or_key.lower().split())
        same = [n for n in missing.suggestions if " ".join(n.lower().split()) == plain and n != name_or_key]
        if same and name_or_key.isascii():
            try:
                return _bodies.department_view(graph, same[0], document, candidates=candidates)
            except NotFound:
                pass
        issued = _issued_by(graph, {name_or_key, simplified})
        if issued:  # say why a name the documents sign finds nothing, rather than only that it does not
            missing.args = (f"{missing}; it issued {', '.join(issued)}, where no duty of its own was found "
                            "(an issuer becomes a body where a sentence gives it one)",)
        raise missing from None


def _issued_by(graph, names: set[str]) -> list[str]:  # type: ignore[no-untyped-def]
    """The slugs of the documents whose issuer is one of ``names`` (as written: 衡阳市人民政府办公室)."""
    from kg.vocab import DCTERMS, POL

    found = set()
    for predicate in (DCTERMS.publisher, DCTERMS.creator):
        for doc, name in graph.subject_objects(predicate):
            if str(name) in names and (doc, POL.sourceText, None) in graph:
                found.add(key_tail(doc))
    return sorted(found)


def _simplified(name: str) -> str:
    """``name`` with each traditional character as its simplified twin (the table ingest folds documents with);
    ``name`` itself when it has no CJK character or the table is not installed."""
    if not any("\u4e00" <= ch <= "\u9fff" for ch in name):
        return name
    from ingest import tradfold

    return name.translate(tradfold._table())  # the per-character table; fold_traditional wants a whole text


__all__ = [
    "KIND_OF_CLASS",
    "Ambiguous",
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
]
