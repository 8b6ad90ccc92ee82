"""The conditions a verdict did not check, to be confirmed by the asker (issue 21).

A support's condition is extracted as written (``SupportView.condition``: 新认定的省级新型研发机构, 列入…名单的企业)
and, where a rule reads it, as data (``SupportView.conditions``: size, revenue, place …).  Many conditions are
statuses only an authority confers (认定, 列入, 评为) and no profile field states; no check is made of them, so a
verdict built from the other checks says "eligible" although the asker may not hold that status.  The verdict keeps
its status (eligible on what was checked) and lists these conditions beside it, to confirm: the conditions of the
supports meant for the asker that no check covers, and the checks left unverified (a firm type the profile does not
state: search/eligibility.check_condition)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.matchviews import ConditionCheck
from kg.views import SupportView

__all__ = ["unchecked_conditions"]

_JUDGED = ("met", "failed", "unknown")


# A clause's bounds: a condition is shown as the clause that holds it
_CLAUSE_END = "，,。；;：:！？\n"
_SHORT = 8  # a condition shorter than this is a bare quantity or name (满1年, 年满3岁): its clause says of whom


def _located(condition: str, support: SupportView, text: str, start: int) -> tuple[int, int] | None:
    """Where the condition stands in the document: in the unit's text (the support's own text is mostly the
    amount clause only: 给予100万元奖励), else in the support's text, else the support itself when its text is the
    condition (a threshold: 满１年, written with other digits than the extracted 满1年)."""
    at = text.find(condition) if text else -1
    if at >= 0:
        return start + at, start + at + len(condition)
    at = support.text.find(condition)
    if at >= 0:
        return support.start + at, support.start + at + len(condition)
    if support.kind == "threshold" and len(support.text) == len(condition):
        return support.start, support.end
    return None


def _clause(condition: str, span: tuple[int, int] | None, text: str, start: int) -> str:
    """The condition as a reader can confirm it: a short one (满1年: the extractor keeps the words that make the
    condition) as the clause of the unit's text that holds it (在专利代理机构实习满１年), else as extracted."""
    if len(condition) >= _SHORT:
        return condition
    around = _around(span, text, start, _CLAUSE_END)
    return around.strip() if around and around.strip() else condition


def _around(span: tuple[int, int] | None, text: str, start: int, ends: str) -> str | None:
    """The stretch of the unit's ``text`` (starting at ``start`` in the document) holding ``span``, between the
    nearest of ``ends`` on either side; None when the span is not in the text."""
    if span is None or not text or not 0 <= span[0] - start < len(text):
        return None
    a, b = span[0] - start, min(span[1] - start, len(text))
    while a > 0 and text[a - 1] not in ends:
        a -= 1
    while b < len(text) and text[b] not in ends:
        b += 1
    return text[a:b]


# 年满3岁至小学入学前处于学前教育阶段的子女，按本条第一款规定执行: a sentence that extends a rule to another case (参照,
# 比照, 按本条…执行) states an alternative the asker may fall under, not one more condition every asker must meet
_EXTENDS = re.compile(r"(?:参照|比照|按照?本(?:条|款|项|办法|规定|细则|通知|意见)[^。；;]{0,12}?)(?:规定)?(?:执行|办理|适用)")
_SENTENCE_END = "。；;！？\n"


def _extends_a_rule(span: tuple[int, int] | None, text: str, start: int) -> bool:
    """Whether the sentence of the unit's ``text`` holding ``span`` extends a rule to another case."""
    sentence = _around(span, text, start, _SENTENCE_END)
    return bool(sentence and _EXTENDS.search(sentence))


def _covered(condition: str, span: tuple[int, int] | None, checks: Sequence[ConditionCheck]) -> bool:
    """Whether a check judged (met, failed or unknown) lies inside the condition or states its words."""
    for c in checks:
        if c.status not in _JUDGED:
            continue
        if span is not None and c.end > c.start and c.start < span[1] and span[0] < c.end:
            return True
        if c.text and (c.text in condition or condition in c.text):
            return True
    return False


def unchecked_conditions(supports: Sequence[SupportView], checks: Sequence[ConditionCheck], text: str = "",
                         start: int = 0) -> list[str]:
    """The conditions as written that the verdict's ``checks`` leave unchecked, in text order, each once: those of
    ``supports`` with no condition read as data and no check covering them, then the checks left unverified.
    ``text`` and ``start`` are the unit's (where a condition is found, and the clause a short one is shown in).
    A condition of a sentence extending a rule to another case (…的子女，按本条第一款规定执行) is an alternative, not
    listed."""
    out: list[str] = []
    for s in sorted(supports, key=lambda s: s.start):
        condition = (s.condition or "").strip()
        if not condition or s.conditions:
            continue
        span = _located(condition, s, text, start)
        if _extends_a_rule(span, text, start):
            continue
        shown = _clause(condition, span, text, start)
        if shown not in out and not _covered(condition, span, checks):
            out.append(shown)
    for c in checks:
        if c.status == "unverified" and c.text and c.text not in out:
            out.append(c.text)
    return out
