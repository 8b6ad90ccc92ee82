"""Facet counts of a search: how the units ranked for a question spread over documents, kinds, functions, years
and jurisdictions, so that a reader of many documents sees where the answers are before narrowing to them.

Counted over the search's candidates (its best ``max(k, candidates)`` units), not over the page of hits shown: a
page of ten says little about where fifty candidates lie. The counting is pure (views in, views out); running the
search is the caller's (``api.routes.search``), which asks for the wider ranking once and keeps its first ``k``:
the order of the first ``k`` does not depend on how many are asked for.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace

from kg.views import DocumentView, FacetCount, Hit, SearchFacets, SearchResult

__all__ = ["DocumentFacets", "count_facets", "document_facets", "document_year", "with_facets"]

# slug → (year, jurisdiction) of each document: what a hit's document contributes to the year and place facets
DocumentFacets = Mapping[str, tuple[str, str]]


def document_year(view: DocumentView) -> str:
    """The year a document is filed under: the year it was issued, else the first year of its period
    (2018-01-01/2020-12-31 → 2018), else the year in its number (国发〔2018〕42号 → 2018); "" when none is known.
    The page shows the same year beside a document's title."""
    for text, pattern in ((view.issued, r"^(\d{4})"), (view.period, r"(\d{4})"), (view.identifier, r"[〔\[(（](\d{4})")):
        m = re.search(pattern, text or "")
        if m:
            return m.group(1)
    return ""


def document_facets(documents: Iterable[DocumentView]) -> dict[str, tuple[str, str]]:
    """Each document's year and jurisdiction, by slug."""
    return {d.slug: (document_year(d), d.jurisdiction) for d in documents}


def _counts(values: Iterable[str]) -> list[FacetCount]:
    """Each non-empty value with its count, most first (then by value, so that the order is stable)."""
    counted = Counter(v for v in values if v)
    return sorted((FacetCount(v, n) for v, n in counted.items()), key=lambda c: (-c.count, c.value))


def count_facets(hits: list[Hit], documents: DocumentFacets) -> SearchFacets:
    """The facet counts of ``hits``; a hit whose document ``documents`` does not know counts for its document,
    kind and function only."""
    known = [documents.get(h.document, ("", "")) for h in hits]
    return SearchFacets(
        counted=len(hits),
        document=_counts(h.document for h in hits),
        kind=_counts(h.kind for h in hits),
        function=_counts(h.function for h in hits),
        year=_counts(year for year, _ in known),
        jurisdiction=_counts(place for _, place in known),
    )


def with_facets(search: Callable[[int], SearchResult], k: int, candidates: int,
                documents: DocumentFacets) -> SearchResult:
    """``search(n)`` run once for ``max(k, candidates)`` units: its first ``k`` hits, with the facet counts of all."""
    wide = search(max(k, candidates))
    return replace(wide, hits=wide.hits[:k], facets=count_facets(wide.hits, documents))
