"""The search's records: the index's own stored unit (``IndexUnit``), and the read model's views it serves.

Hits, their context, targets, supports, owners and concepts are the read model's views (``kg.views``), defined
there once and re-exported here; the index stores them with the same ``to_dict`` / ``from_dict``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kg.views import (
    ConceptRef,
    Highlight,
    Hit,
    HitContext,
    ResponsibilityView,
    Scores,
    SearchResult,
    SupportView,
    TargetView,
    UnitRef,
    from_jsonable,
    jsonable,
)

__all__ = [
    "UNIT_KINDS",
    "UNIT_FUNCTIONS",
    "TargetView",
    "SupportView",
    "ResponsibilityView",
    "ConceptRef",
    "UnitRef",
    "HitContext",
    "IndexUnit",
    "Highlight",
    "Scores",
    "Hit",
    "SearchResult",
]

# The unit kinds the index holds, in the order the API lists them.
# ``kind`` is what a unit is in the document's structure (a measure, an article, a paragraph of a reply …);
# ``function`` (ingest.function) is what it does, in every genre: filter on it to find, e.g., every support offered.
UNIT_KINDS: tuple[str, ...] = ("measure", "safeguard", "target", "goal", "principle", "guideline", "article", "task",
                               "item", "section", "chapter", "preamble", "closing", "annex", "task_row", "paragraph",
                               "notice")
UNIT_FUNCTIONS: tuple[str, ...] = ("goal", "action", "support", "rule", "duty", "decision", "context")


@dataclass(slots=True)
class IndexUnit:
    """One retrievable unit as the index stores it (never served: a hit is made from it). ``text`` is shown in
    hits; ``index_text`` is what is indexed, never shown."""

    id: str
    kind: str
    document: str  # document slug
    document_title: str
    path: str
    title: str
    text: str
    index_text: str
    start: int
    end: int
    context: HitContext = field(default_factory=HitContext)
    target: TargetView | None = None  # set on target units
    function: str = ""  # what the unit does (one of UNIT_FUNCTIONS; a target's is goal, a row's its unit's)
    function_cue: str = ""  # the words that decided it

    def to_dict(self) -> dict[str, Any]:
        return jsonable(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> IndexUnit:
        return from_jsonable(cls, data)
