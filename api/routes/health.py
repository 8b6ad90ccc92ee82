"""``GET /healthz`` (and ``HEAD``): what is loaded (documents, triples, index units, encoder, generation), answered
in constant time from the generation's manifest, whatever the graph's size."""

from __future__ import annotations

from fastapi import APIRouter, Response

from api.deps import WorkspaceDep
from api.errors import ERROR_RESPONSES
from api.schemas import HealthResponse

__all__ = ["router"]

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=HealthResponse, summary="Liveness and what data is loaded",
            responses={503: ERROR_RESPONSES[503]})
def healthz(ws: WorkspaceDep):
    """``ok`` when the index and the graph are loaded; ``degraded`` when search works but the graph does not
    (``problems`` says why); 503 when the data dir is empty, broken or its index unusable."""
    m = ws.manifest
    problems = []
    # The manifest says how many triples the generation holds: never counted per call (seconds at 800k triples).
    triples = int(m.get("triples") or 0)
    if ws.graph_error is not None:  # the graph failed to load (at start-up or a first use): remembered, reported
        triples = 0
        problems.append(str(ws.graph_error))
    return {
        "status": "degraded" if problems else "ok",
        "documents": len(m.get("documents", [])),
        "triples": triples,
        "index_units": len(ws.index),
        "encoder": m.get("encoder", ws.settings.encoder),
        "generation": ws.generation,
        "built_at": m.get("built_at"),
        "problems": problems,
        "graph_backend": ws.graph_store.describe(),
        "search_backend": ws.index.backend.describe(),
    }


@router.head("/healthz", include_in_schema=False)
def healthz_head(ws: WorkspaceDep) -> Response:
    """The same check without a body (load balancers probe with HEAD)."""
    return Response(status_code=200)
