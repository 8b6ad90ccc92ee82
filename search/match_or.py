"""Persons a unit names as alternatives: 招用年龄在16—24岁的登记失业青年，或者招用…离校2年内未就业的高校毕业生.  A firm
hiring graduates meets the second and need not give the age the first asks; a firm hiring unemployed people of 30
meets the status of the first but fails its age, and names no graduate: it fails.  Each alternative holds when all
its checks hold (``apply_or``: search/eligibility.verdict_of).

The second alternative opens with its verb (或者招用); the first runs from the same verb before it, in the same
sentence, to the comma before 或者 (or from the clause's start where the verb is not repeated), so that what comes
before the verb (本市各类企业、…、个体工商户, who may claim) stays outside the group."""

from __future__ import annotations

import re

__all__ = ["apply_or", "or_groups"]

# ，或者 + a verb of two characters (招用, 吸纳, 录用, 聘用 …) opening the second alternative
_OR = re.compile(r"[，,]\s*(?:或者|或)(?P<verb>[\u4e00-\u9fff]{2})")
_STOP = "，,。；;：:\n"


def or_groups(text: str, start: int = 0) -> list[tuple[int, int, int, int]]:
    """(first alternative's start, end, second's start, end), in the frame of ``start``, for each pair of
    alternatives the text joins with ，或者 and the same verb."""
    out = []
    for m in _OR.finditer(text):
        verb = m.group("verb")
        begin = max(text.rfind(c, 0, m.start()) for c in _STOP) + 1  # the first alternative's clause
        at = text.rfind(verb, begin, m.start())
        if at < 0:
            continue  # the verb is not repeated: no parallel alternatives this reader can bound
        ends = [i for i in (text.find(c, m.end()) for c in _STOP) if i >= 0]
        end = min(ends) if ends else len(text)
        out.append((start + at, start + m.start(), start + m.start(), start + end))
    return out


def apply_or(checks: list, pairs: list[tuple[int, int, int, int]]) -> list:
    """The checks with each pair of alternatives judged: where every check of one alternative is met, the other's
    checks that are not met are left out; where one alternative fails and the other has checks none of which
    fails, the failing one's checks are left out (the verdict follows the other); else as they are."""
    for a0, a1, b0, b1 in pairs:
        first = [c for c in checks if a0 <= c.start < a1 and c.field != "place"]
        second = [c for c in checks if b0 <= c.start < b1 and c.field != "place"]
        if not first or not second:
            continue
        drop: list = []
        for one, other in ((first, second), (second, first)):
            if all(c.status == "met" for c in one):
                drop = [c for c in other if c.status != "met"]
                break
        else:
            for one, other in ((first, second), (second, first)):
                if any(c.status == "failed" for c in one) and not any(c.status == "failed" for c in other):
                    drop = one
                    break
        checks = [c for c in checks if all(c is not d for d in drop)]
    return checks
