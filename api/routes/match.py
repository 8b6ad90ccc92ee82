"""``POST /match``: which measures fit an enterprise, and which support instruments of the safeguards apply."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import WorkspaceDep
from api.errors import ERROR_RESPONSES, ApiError
from api.schemas import MatchRequest, MatchResponse, jsonable

__all__ = ["router"]

router = APIRouter(tags=["match"])


@router.post("/match", response_model=MatchResponse, summary="Measures and support that fit an enterprise",
             responses={k: ERROR_RESPONSES[k] for k in (413, 422)})
def match(ws: WorkspaceDep, body: MatchRequest):
    """Measures ranked by fit to the enterprise's industry and plans, each with the reason; and the support
    instruments (funds, tax relief, financing, land, approvals) of the safeguard measures, with their text."""
    from search.errors import QueryError
    from search.match import EnterpriseProfile, match_enterprise

    plans = body.plans_clean()
    if not plans and not body.industry.strip():
        raise ApiError(422, "invalid_input", "give an industry or at least one non-empty plan", "body.plans")
    profile = EnterpriseProfile(industry=body.industry.strip(), plans=plans, size=body.size, district=body.district)
    try:
        result = match_enterprise(ws.index, profile)
    except QueryError as e:
        raise ApiError(422, "invalid_input", str(e), "body") from e
    return jsonable(result)
