"""What a firm's profile may say about its size, checked where the profile comes in (``policykg match``, ``POST
/match``), before any work: a size the calculator cannot read is refused with the accepted values, not ignored
(ignored, it would leave every size condition "unknown" without saying why).

This module imports nothing of FastAPI, so that the command line can use it too.
"""

from __future__ import annotations

__all__ = ["SIZES_ACCEPTED", "known_size"]

SIZES_ACCEPTED = "small, medium, large (micro counts as small), or 小型, 微型, 小微, 中小企业, 中型, 大型, 规模以上, 规上"


def known_size(size: object) -> str | None:
    """``size`` as the calculator reads it (``micro`` → ``small``), or ValueError naming the accepted values;
    None when it is not given."""
    from search.firm_size import normalise_size

    if size is None or not str(size).strip():
        return None
    text = str(size).strip()
    if text.lower() == "micro":
        return "small"
    if normalise_size(text) is None:
        raise ValueError(f"unknown size {text!r}; accepted: {SIZES_ACCEPTED}")
    return text
