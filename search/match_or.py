"""Persons a unit names as alternatives: 招用年龄在16—24岁的登记失业青年，或者招用…离校2年内未就业的高校毕业生.  A firm
hiring graduates meets the second and need not give the age the first asks; a firm hiring unemployed people of 30
meets the status of the first but fails its age, and names no graduate: it fails.  Each alternative holds when all
its checks hold (``apply_or``: search/eligibility.verdict_of).

The second alternative opens with its verb (或者招用); the first runs from the same verb before it, in the same
sentence, to the comma before 或者 (or from the clause's start where the verb is not repeated), so that what comes
before the verb (本市各类企业、…、个体工商户, who may claim) stays outside the group.

What a person starts, joined by 或(者) with another verb of starting (创办小微企业或者从事个体经营), is a pair too
(``Alternatives``, which also keeps each alternative's object): a graduate who says they run a shop (开了家小店,
个体户) holds the second, and is not asked the firm size the first names; one who says nothing of either is
asked as before."""

from __future__ import annotations

import re

__all__ = ["Alternatives", "apply_or", "or_groups"]

# ，或者 + a verb of two characters (招用, 吸纳, 录用, 聘用 …) opening the second alternative
_OR = re.compile(r"[，,]\s*(?:或者|或)(?P<verb>[\u4e00-\u9fff]{2})")
_STOP = "，,。；;：:\n"


# verbs of starting or running something a person may do: 创办小微企业或者从事个体经营, 开办企业或从事灵活就业
_START = "创办|开办|兴办|领办|创建|创立|从事|注册|经营"
_START_OR = re.compile(rf"(?P<v1>{_START})(?P<o1>[\u4e00-\u9fff]{{2,10}}?)(?:或者|或)(?P<v2>{_START})"
                       rf"(?P<o2>[\u4e00-\u9fff]{{2,10}}?)(?=[，,。；;、（(]|的|等|$)")
# the words an asker uses for what an alternative names (the object as written is always one)
_SAID = {
    "个体经营": r"个体户|个体工商户|个体经营|(?:开|经营|盘)了?(?:一|个|家|间)*[\u4e00-\u9fff]{0,4}?(?:店|铺|摊)|摆摊|网店|"
              r"\b(?:opened|open|run|runs|running|own|owns|started)\b[^.;,]{0,20}?\b(?:shop|store|stall)\b|"
              r"\bself-employed\b|\bsole proprietor|\bindividual business",
    "企业": r"(?:注册|成立|开办|创办|办)了?(?:一|个|家|间)*[\u4e00-\u9fff]{0,4}?(?:公司|企业|工作室)|"
            r"\b(?:registered|founded|set up|started)\b[^.;,]{0,16}?\b(?:company|firm|business)\b",
    "灵活就业": r"灵活就业|自由职业|打零工|跑外卖|开网约车",
}


class Alternatives(tuple):
    """(first's start, end, second's start, end) with ``objects``: what each alternative starts (小微企业, 个体经营),
    for a pair of verbs of starting; empty for a pair that repeats its verb."""

    objects: tuple[str, str] = ("", "")

    def __new__(cls, spans: tuple[int, int, int, int], objects: tuple[str, str] = ("", "")) -> "Alternatives":
        made = super().__new__(cls, spans)
        made.objects = objects
        return made


def said(obj: str, words: str) -> bool:
    """Whether the asker's ``words`` say they do what an alternative's object names (个体经营 ← 开了家小店)."""
    if not obj or not words:
        return False
    if obj in words:
        return True
    return any(key in obj and re.search(pattern, words, re.IGNORECASE) for key, pattern in _SAID.items())


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
    for m in _START_OR.finditer(text):
        out.append(Alternatives((start + m.start("v1"), start + m.end("o1"), start + m.start("v2"), start + m.end("o2")),
                                (m.group("o1"), m.group("o2"))))
    return out


def apply_or(checks: list, pairs: list[tuple[int, int, int, int]], words: str = "") -> list:
    """The checks with each pair of alternatives judged: where every check of one alternative is met, the other's
    checks that are not met are left out; where one alternative fails and the other has checks none of which
    fails, the failing one's checks are left out (the verdict follows the other); else as they are.  Of a pair
    of things started (``Alternatives``), one the asker's ``words`` say they do, none of its checks failing, is
    held: the other's checks that are not met are left out."""
    for pair in pairs:
        a0, a1, b0, b1 = pair
        first = [c for c in checks if a0 <= c.start < a1 and c.field != "place"]
        second = [c for c in checks if b0 <= c.start < b1 and c.field != "place"]
        objects = getattr(pair, "objects", ("", ""))
        held = [said(o, words) for o in objects]
        if any(held):
            for one, other, h in ((first, second, held[0]), (second, first, held[1])):
                if h and not any(c.status == "failed" for c in one):
                    drop = [c for c in other if c.status != "met"]
                    checks = [c for c in checks if all(c is not d for d in drop)]
                    break
            continue
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
