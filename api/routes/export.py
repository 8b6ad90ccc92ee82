"""``GET /export``: the whole graph as Turtle, JSON-LD or N-Triples."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.deps import WorkspaceDep
from api.errors import ERROR_RESPONSES, ApiError
from api.schemas import EXPORT_FORMATS

__all__ = ["router"]

router = APIRouter(tags=["export"])

_cache: dict[tuple[int, str], bytes] = {}  # the graph is read-only: serialise each format once per graph


@router.get(
    "/export",
    summary="Download the knowledge graph",
    response_class=Response,
    responses={
        200: {"description": "the graph", "content": {t.split(";")[0]: {} for t in EXPORT_FORMATS.values()}},
        422: ERROR_RESPONSES[422],
    },
)
def export(
    ws: WorkspaceDep,
    format: Annotated[str, Query(max_length=40, description=f"one of: {', '.join(EXPORT_FORMATS)} (also ttl, jsonld, ntriples)",
                                 examples=["turtle"])] = "turtle",
):
    from kg.export import normalise_format, serialize

    try:
        name = normalise_format(format)
    except ValueError as e:
        raise ApiError(422, "invalid_format", str(e), "query.format") from e
    key = (id(ws.graph), name)
    data = _cache.get(key)
    if data is None:
        text = serialize(ws.graph, name)
        data = _cache[key] = text.encode("utf-8") if isinstance(text, str) else text
    ext = {"turtle": "ttl", "json-ld": "jsonld", "nt": "nt"}[name]
    return Response(data, media_type=EXPORT_FORMATS[name],
                    headers={"Content-Disposition": f'inline; filename="policykg.{ext}"'})
