"""One form for the ways a body's name is written: 广州市发展和改革委员会, 广州市发展改革委 and 广州市发改委 are one
body, in any city, province or ministry, whether or not an authority file lists it.

``name_form(name)`` rewrites each word of ``ingest/data/name_forms.json`` to the first form of its group
(发展和改革委员会 → 发改委, 人民政府 → 政府), so two names that differ only in how they write those words have the
same form. It is a key for comparing names a user types with names a text wrote (``kg.queries``), not a name to
show: the names shown are the ones written."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

__all__ = ["name_form"]

_DATA = Path(__file__).resolve().parent / "data" / "name_forms.json"


@lru_cache(maxsize=1)
def _rewrites() -> tuple[re.Pattern[str], dict[str, str]]:
    groups = json.loads(_DATA.read_text(encoding="utf-8"))["groups"]
    to_form = {written: group[0] for group in groups for written in group}
    # Longest written form first, so 发展和改革委员会 is read whole, not as 发展和改革委 + 员会.
    alternatives = sorted(to_form, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, alternatives))), to_form


@lru_cache(maxsize=4096)
def name_form(name: str) -> str:
    """The comparison form of a body's name: spaces dropped, each known word in its first form (上海市人民政府办公厅 → 上海市政府办公厅; 市发展和改革委员会 → 市发改委)."""
    text = re.sub(r"\s+", "", name)
    pattern, to_form = _rewrites()
    return pattern.sub(lambda m: to_form[m.group()], text)
