"""``/departments``: who does what — each body's lead and participant work, explicit and inferred apart."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.deps import WorkspaceDep
from api.errors import ERROR_RESPONSES, ApiError
from api.schemas import DEPARTMENT_EXAMPLE, TABLE_CONTENT, DepartmentList, TableFormat, respond, respond_table
from kg.queries import Ambiguous, NotFound, department_view, list_departments
from kg.views import DepartmentView

__all__ = ["router"]

router = APIRouter(tags=["departments"])


@router.get("/departments", response_model=DepartmentList, summary="Every government body the documents name")
def departments(ws: WorkspaceDep):
    items = list_departments(ws.graph)
    return respond({"count": len(items), "items": items})


@router.get("/departments/{id:path}", response_model=DepartmentView,
            summary="What one department is responsible for",
            responses={200: {"content": {"application/json": {"example": DEPARTMENT_EXAMPLE}, **TABLE_CONTENT}},
                       **{k: ERROR_RESPONSES[k] for k in (404, 409, 422)}})
def department(
    ws: WorkspaceDep,
    id: Annotated[str, Path(min_length=1, max_length=300, examples=["市经信委"],
                            description="full name, alias (市经信委) or key of the department")],
    doc: Annotated[str | None, Query(max_length=200, description="only the work in this document (slug)")] = None,
    format: TableFormat = "json",
):
    """What the department leads and takes part in: ``responsibilities.explicit`` (stated by the text) and
    ``responsibilities.inferred`` (derived by a named rule), each with its evidence. Aliases resolve. ``doc`` keeps
    the work in one document; ``format=csv|xlsx`` gives one row per responsibility as a download. A short name that
    bodies of several documents share (市财政局 of two cities) with no ``doc`` is 409 ``ambiguous_name``, listing
    their full names in ``candidates``: the name exists, but does not say which body.

    A name the documents write but make no body of, because they give it no duty (the ministry whose request a
    reply answers; ``policykg departments --candidates``), is no 404: the answer has ``category: "candidate"``,
    an empty ``iri``, no responsibilities, and ``named_without_duty``, each place it is named with its document,
    unit path, ``start``/``end`` and the sentence it is in. A body some document only names lists those places
    there too. 404 ``not_found`` is for a name no document writes (``close`` lists near names)."""
    if not id.strip():  # /departments/%20: a name of blanks is no name, not an unknown one
        raise ApiError(422, "invalid_input", "the department's name is empty; give a full name, an alias (市经信委) "
                       "or a key (GET /departments lists them)", "path.id")
    try:
        view = department_view(ws.graph, id, doc, candidates=True)
    except Ambiguous as e:  # before NotFound, of which it is a kind
        raise ApiError(409, "ambiguous_name", str(e), "path.id", {"candidates": e.suggestions}) from e
    except NotFound as e:
        where = "query.doc" if e.what == "document" else "path.id"
        raise ApiError(404, "not_found", str(e), where, {"close": e.suggestions}) from e
    if format != "json":
        from kg.tabular import responsibilities_table

        return respond_table(responsibilities_table(view), format, f"policykg-{view.key}")
    return respond(view)
