"""``POST /match``: the policy calculator: which units fit a profile, with verdicts, amounts, expiry and contacts."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import WorkspaceDep
from api.errors import ERROR_RESPONSES, ApiError
from api.schemas import (
    MATCH_EXAMPLE,
    MatchRequest,
    TableFormat,
    example,
    respond,
    respond_table,
)
from kg.matchviews import MatchResult

__all__ = ["router"]

router = APIRouter(tags=["match"])


def _documents(ws) -> list:
    """The loaded documents' views (issuers, jurisdiction, period); none when the graph cannot be read."""
    from kg.queries import list_documents

    try:
        return list_documents(ws.graph)
    except Exception:  # a broken graph leaves matching working, without issuers and the district office
        return []


@router.post("/match", response_model=MatchResult, summary="The policy calculator: units, verdicts, amounts, contacts",
             responses={**example(MATCH_EXAMPLE), **{k: ERROR_RESPONSES[k] for k in (413, 422)}})
def match(ws: WorkspaceDep, body: MatchRequest, format: TableFormat = "json"):
    """Units (measures, items, articles, paragraphs …) ranked by fit to the profile's needs or plans, each with
    its verdict (eligible, not eligible naming the failing condition, or unknown naming the field to fill in),
    its amounts with their formulas, its expiry (``today`` is the reference), whom to contact (or the text's
    statement that it names none), and the document's support that applies to it; and the support instruments
    (funds, tax relief, financing, land, approvals) chosen for the profile. At most ``k`` of each; the district
    government when the district lies in a document's jurisdiction."""
    from search.errors import QueryError
    from search.match import match_enterprise
    from search.match_export import profile_from_mapping

    try:
        profile = profile_from_mapping(body.profile_fields())
        documents = _documents(ws)
        result = match_enterprise(ws.index, profile, k=body.k, lang=body.lang, documents=documents,
                                  jurisdictions=[d.jurisdiction for d in documents], today=body.today)
    except QueryError as e:
        raise ApiError(422, "invalid_input", str(e), "body") from e
    if format != "json":  # ?format=csv|xlsx: the answer as policykg match --format csv|xlsx gives it, as a download
        from search.match_export import answer_table

        return respond_table(answer_table(result), format, "policykg-match")
    return respond(result)
