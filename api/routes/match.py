"""``POST /match``: which measures fit an enterprise, and which support instruments of the safeguards apply."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import WorkspaceDep
from api.errors import ERROR_RESPONSES, ApiError
from api.schemas import MATCH_EXAMPLE, MatchRequest, example, respond
from kg.views import EnterpriseProfile, MatchResult

__all__ = ["router"]

router = APIRouter(tags=["match"])


def _jurisdictions(ws) -> list[str]:
    """The loaded documents' jurisdictions (上海市); none when the graph cannot be read."""
    from kg.queries import list_documents

    try:
        return [d.jurisdiction for d in list_documents(ws.graph)]
    except Exception:  # a broken graph leaves matching working, without the district office
        return []


@router.post("/match", response_model=MatchResult, summary="Measures and support that fit an enterprise",
             responses={**example(MATCH_EXAMPLE), **{k: ERROR_RESPONSES[k] for k in (413, 422)}})
def match(ws: WorkspaceDep, body: MatchRequest):
    """Measures ranked by fit to the enterprise's industry and plans, and the support instruments (funds, tax
    relief, financing, land, approvals) chosen for it (size, industry, plans); each with who to contact (or the
    text's statement that it names none), its support amounts and conditions, and the reasons in ``lang``. At most
    ``k`` of each; the district government when the district lies in a document's jurisdiction."""
    from search.errors import QueryError
    from search.match import match_enterprise

    plans = body.plans_clean()
    if not plans and not body.industry.strip():
        raise ApiError(422, "invalid_input", "give an industry or at least one non-empty plan", "body.plans")
    profile = EnterpriseProfile(industry=body.industry.strip(), plans=plans, size=body.size, district=body.district)
    try:
        result = match_enterprise(ws.index, profile, k=body.k, lang=body.lang,
                                  jurisdictions=_jurisdictions(ws))
    except QueryError as e:
        raise ApiError(422, "invalid_input", str(e), "body") from e
    return respond(result)
