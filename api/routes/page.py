"""What the web page reads besides the data views: the ontology's labels of roles, rules, functions and unit kinds
in both languages (``GET /labels``), example questions drawn from the loaded documents (``GET /examples``), and a
document's source text for showing a unit in place (``GET /source/{slug}``)."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import WorkspaceDep
from api.errors import ERROR_RESPONSES, ApiError
from kg.labels import ontology_labels

__all__ = ["router"]

router = APIRouter(tags=["page"])


@router.get("/labels", summary="Labels of roles, inference rules, unit functions and unit kinds in Chinese and "
                               "English (from the ontology)")
def labels() -> dict:
    """The page and the CLI name roles, rules, functions and kinds by these labels (``zh`` and ``en``); ``kinds``
    lists every structural kind a search can filter on, in the search's order."""
    return {**ontology_labels(), "kinds": _kind_labels()}


def _kind_labels() -> dict[str, dict[str, str]]:
    """Each unit kind (search.types.UNIT_KINDS) with the rdfs:label of its ontology class, the kind's own name when
    the class has none (task_row)."""
    from rdflib import RDFS

    from kg.build import load_ontology
    from kg.queries import KIND_OF_CLASS
    from search.types import UNIT_KINDS

    graph = load_ontology()
    classes = {kind: cls for cls, kind in KIND_OF_CLASS.items()}
    out = {}
    for kind in UNIT_KINDS:
        names = {str(lit.language): str(lit) for lit in graph.objects(classes.get(kind), RDFS.label)
                 if getattr(lit, "language", None)} if kind in classes else {}
        out[kind] = {"zh": names.get("zh", kind), "en": names.get("en", kind.replace("_", " "))}
    return out


# what a question may ask for, in the order the examples prefer them
_EXAMPLE_FUNCTIONS = ("support", "goal", "action", "rule", "duty", "decision")


@router.get("/examples", summary="Example questions, one from each loaded document")
def examples(ws: WorkspaceDep, per_document: int = 1) -> dict:
    """``{"items": [{"q", "document", "title", "path", "function"}]}``: for each loaded document, the heading of
    its first unit that offers support or states a goal (else its first action, rule …), short enough to be a
    question (4–30 characters, no sentence punctuation); documents without such a heading give none. Nothing is hard-coded: the examples
    change with the documents."""
    per_document = max(1, min(per_document, 3))
    first: dict[str, dict[str, list]] = {}
    for unit in ws.index.units:
        heading = " ".join((unit.title or "").split()).rstrip("。；;，,：:")
        if (not 4 <= len(heading) <= 30 or unit.kind in ("target", "task_row") or heading == unit.path
                or any(mark in heading for mark in "，。；")):  # a sentence, not a heading
            continue
        by_function = first.setdefault(unit.document, {})
        by_function.setdefault(unit.function, []).append((unit, heading))
    items = []
    for slug, by_function in first.items():
        picked: list = []
        for function in _EXAMPLE_FUNCTIONS:
            for unit, heading in by_function.get(function, []):
                if len(picked) < per_document and heading not in {h for _, h in picked}:
                    picked.append((unit, heading))
        items.extend({"q": heading, "document": slug, "title": unit.document_title, "path": unit.path,
                      "function": unit.function} for unit, heading in picked)
    return {"items": items}


@router.get("/source/{slug}", summary="A document's source text (for showing a unit in place)",
            responses={404: ERROR_RESPONSES[404]})
def document_source(ws: WorkspaceDep, slug: str) -> dict:
    """``{"slug", "title", "title_en", "text"}``: the text that units' ``start``/``end`` offsets point into."""
    from kg.queries import NotFound, _resolve_document
    from kg.vocab import POL
    from rdflib import DCTERMS

    graph = ws.graph
    try:
        doc = _resolve_document(graph, slug)
    except NotFound as e:
        raise ApiError(404, "not_found", str(e), "path.slug") from e
    titles = {getattr(t, "language", None) or "": str(t) for t in graph.objects(doc, DCTERMS.title)}
    return {"slug": slug, "title": titles.get("zh") or titles.get("") or next(iter(titles.values()), ""),
            "title_en": titles.get("en", ""), "text": str(graph.value(doc, POL.sourceText) or "")}
