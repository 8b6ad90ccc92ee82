"""A list of bodies that writes its level once: （配合单位：市经贸委、国土房管局、外经贸局、规划局）, （区发改局牵头，财政局、
商务局配合）. The names after the first carry the 市 / 区 / 县 of the name that opens the list; alone they match no body
pattern (国土房管局 has no prefix), so :func:`listed_after_prefix` finds them as the list's members: each is short,
ends as a body's name ends, and is joined to the prefixed name before it by 、 (or 和 / 及) only.
"""

from __future__ import annotations

import re

__all__ = ["listed_after_prefix"]

_PREFIXES = ("市", "区", "县", "省", "州")
# one member: a few characters and a body's last word; no prefix of its own (a prefixed one is found as it is)
_MEMBER = re.compile(r"(?P<name>(?![市区县省州各全本该])[\u4e00-\u9fff]{1,8}?(?:局|委|办|厅|委员会|中心|分局|支队|大队))"
                     r"(?=[、，,；;）)\]】。\s]|等|和|及|牵头|配合|参与|负责|按职责|共同|$)")
_JOIN = re.compile(r"[、和及]")
# inside an owner note, the lead's clause and the helpers' list: （市商务局牵头，财政局、文广旅局配合）
_NOTE_JOIN = re.compile(r"(?:牵头|主责)?[，,；;](?:(?:配合|责任|参与|协办|协同)单位[：:])?")
_NOTE_OPEN = re.compile(r"[（(][^（）()]{0,40}$")


def listed_after_prefix(source: str, chosen: list, make) -> list:
    """Candidates (``make(start, end, prefix)``) for the bare members of lists opened by a prefixed body among
    ``chosen`` (objects with ``start``, ``end``, ``kind``)."""
    taken = sorted((c.start, c.end) for c in chosen)
    starts = {c.start for c in chosen}
    found = []
    for cand in sorted(chosen, key=lambda c: c.start):
        if cand.kind == "unknown":
            continue
        name = source[cand.start:cand.end]
        prefix = next((p for p in _PREFIXES if name.startswith(p)), "")
        if not prefix:
            continue
        at = cand.end
        in_note = bool(_NOTE_OPEN.search(source, max(0, cand.start - 40), cand.start))
        while at < len(source):
            join = _JOIN.match(source, at) or (_NOTE_JOIN.match(source, at) if in_note else None)
            if not join or join.end() == at:
                break
            member = _MEMBER.match(source, join.end())
            if member is None:
                nxt = next((c for c in chosen if c.start == join.end()), None)
                if nxt is None:
                    break
                at = nxt.end  # a prefixed member of the same list: go on after it
                continue
            start, end = member.start("name"), member.end("name")
            if start in starts or any(a < end and start < b for a, b in taken):
                break
            found.append(make(start, end, prefix))
            at = end
    return found
