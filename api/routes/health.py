"""``GET /healthz``: what is loaded (documents, triples, index units, encoder, generation)."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import WorkspaceDep
from api.errors import ERROR_RESPONSES
from api.schemas import HealthResponse

__all__ = ["router"]

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=HealthResponse, summary="Liveness and what data is loaded",
            responses={503: ERROR_RESPONSES[503]})
def healthz(ws: WorkspaceDep):
    m = ws.manifest
    return {
        "status": "ok",
        "documents": len(m.get("documents", [])),
        "triples": m.get("triples", len(ws.graph)),
        "index_units": m.get("index_units", 0),
        "encoder": m.get("encoder", ws.settings.encoder),
        "generation": m.get("generation", ws.root.name),
        "built_at": m.get("built_at"),
    }
