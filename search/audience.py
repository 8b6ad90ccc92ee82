"""Who a unit is for: persons (a taxpayer's deductions, a graduate's loan), firms (a fund for projects), or both.

Decided from the unit's subject words, which are data (``ingest/data/instruments.json``, ``audience``): a unit
(or a support sentence) that names persons and no firm speaks to persons, so it is no support to offer a firm,
and one that names firms and no person is none to offer a person; a unit naming both (企业吸纳失业青年…给予补贴)
serves both, and one naming neither is not decided.  A word inside a longer word of the other side does not
count (小规模纳税人 and 个人独资企业 are firms).  The profile's own side: a person (``is_person``) or a firm
(industry, size, name, code or figures given); a profile stating only its needs is not decided either.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.conditions import vocabulary
from kg.views import EnterpriseProfile

__all__ = ["AUDIENCES", "audience_of", "profile_audience", "serves"]

AUDIENCES = ("person", "firm")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    words = vocabulary()["audience"]
    return {side: re.compile("|".join(sorted(map(re.escape, words[side]), key=len, reverse=True)))
            for side in AUDIENCES}


def audience_of(text: str) -> frozenset[str]:
    """The sides ``text`` names as its subjects: {"person"}, {"firm"}, both, or none."""
    spans = {side: [m.span() for m in pattern.finditer(text)] for side, pattern in _patterns().items()}
    found = set()
    for side, other in (("person", "firm"), ("firm", "person")):
        if any(not any(a <= s and e <= b and (b - a) > (e - s) for a, b in spans[other]) for s, e in spans[side]):
            found.add(side)
    return frozenset(found)


def profile_audience(profile: EnterpriseProfile) -> str:
    """"person" for a person asking for themself, "firm" for a firm that describes itself, "" when undecided."""
    from .eligibility import is_person

    if is_person(profile):
        return "person"
    if (profile.industry or profile.industry_code or profile.size or profile.name or profile.employees is not None
            or profile.revenue is not None):
        return "firm"
    return ""


def serves(text: str, side: str, fallback: str = "") -> bool:
    """Whether ``text`` (else ``fallback``, the enclosing unit's text, when ``text`` names no side) can be offered
    to a profile of ``side``: yes unless it names only the other side."""
    if not side:
        return True
    named = audience_of(text) or (audience_of(fallback) if fallback else frozenset())
    return not named or side in named
