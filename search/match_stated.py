"""A person's circumstance a support is written for, checked against what the asker says of themselves.

Some supports state who they are for in words no profile field holds: 纳税人为独生子女的 (an only child),
首套住房贷款利息 (a first home bought on a loan), 在主要工作城市没有自有住房而发生的住房租金支出 (renting, owning no
home there), 子女接受学前教育/学历教育 (having a child).  Ingest keeps such a clause as the support's condition text
(or it stays in the unit's words) with no condition as data, so the verdict had nothing to check and said
"eligible" whatever the asker wrote (我有两个哥哥 and the only-child deduction).  Each circumstance here is data: the
words that state it in the support (and the words stating its opposite, 非独生子女), the asker's words saying it
holds and saying it does not.  The asker's words contradicting it -> failed, naming it; holding it -> met; saying
nothing of it -> unknown, naming the fact to state (never "eligible").  A unit stating both a circumstance and its
opposite (an article with both items) is judged on neither.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.matchviews import ConditionCheck


@dataclass(frozen=True)
class Circumstance:
    zh: str  # the fact to state, as a question
    en: str
    stated: re.Pattern[str]  # the support's words requiring it
    opposite: re.Pattern[str] | None  # the support's words requiring its contrary (非独生子女)
    denied: re.Pattern[str]  # the asker saying it does not hold (checked first: 没有房贷 before 房贷)
    held: re.Pattern[str]  # the asker saying it holds
    contrary: re.Pattern[str]  # words of the asker's that make it false (两个哥哥 for an only child)


_SIBLINGS = r"哥哥|姐姐|弟弟|妹妹|兄弟|姐妹|兄妹|姐弟|\b(?:brothers?|sisters?|siblings?)\b"
_NO_HOME = r"没有(?:自己的|自有)?(?:房子|房|住房)|无房|无自有住房|\b(?:do not|don't|doesn't) own\b"
_RENT = r"租房|租住|租的房|租了|房租|租金|\brent(?:s|ing|ed)?\b"
_MORTGAGE = r"房贷|住房贷款|按揭|\bmortgage|\bhome loan"
_CHILD = r"孩子|子女|儿子|女儿|娃|\b(?:child|children|kids?|sons?|daughters?)\b"

CIRCUMSTANCES: tuple[Circumstance, ...] = (
    Circumstance(
        "是否独生子女", "whether you are an only child",
        re.compile(r"(?<!非)独生子女"), re.compile(r"非独生子女"),
        re.compile(r"非独生|\bnot an only child\b"),
        re.compile(r"(?:我|本人)(?:是|为)?(?:家里的?)?(?:独生(?:子女|子|女)|唯一的(?:孩子|子女))|没有兄弟姐妹|"
                   r"\bI(?:'m| am) (?:an|the) only child\b|\bno (?:brothers or sisters|siblings)\b", re.IGNORECASE),
        re.compile(_SIBLINGS + r"|\b(?:two|three|four|five|six|seven|[2-9]) of us\b|\bof us (?:children|kids)\b",
                   re.IGNORECASE)),
    Circumstance(
        "是否有首套住房贷款", "whether you pay interest on a first-home loan",
        re.compile(r"首套住房贷款|住房贷款利息"), None,
        re.compile(r"没有房贷|无房贷|没(?:有)?贷款|\bno (?:mortgage|home loan)\b", re.IGNORECASE),
        re.compile(_MORTGAGE, re.IGNORECASE),
        re.compile(f"{_NO_HOME}|{_RENT}", re.IGNORECASE)),
    Circumstance(  # a local housing subsidy for a first home bought (人才首次购买首套住房给予购房补贴)
        "是否首次购买首套住房", "whether you are buying your first home",
        re.compile(r"首套住房(?!贷款)|首次购(?:买|置)(?:新建)?(?:商品)?住房|首套房(?!贷)"), None,
        re.compile(r"没(?:有)?买房|还没买|不是首套|第二套|二套房|\bsecond home\b", re.IGNORECASE),
        re.compile(r"买了(?:第一套|首套)?房|购买了?(?:第一套|首套)(?:住房|房子|商品房)?|第一套房|首套房|刚买房|"
                   r"\bfirst (?:home|flat|apartment|house)\b", re.IGNORECASE),
        re.compile(r"已(?:经)?有(?:一套)?(?:住房|房子)|名下(?:已)?有房", re.IGNORECASE)),
    Circumstance(
        "是否在工作城市租房且没有自有住房", "whether you rent and own no home in the city where you work",
        re.compile(r"没有自有住房而发生的住房租金|住房租金支出"), None,
        re.compile(r"不(?:是)?租房|没有租房|\bnot rent", re.IGNORECASE),
        re.compile(_RENT, re.IGNORECASE),
        re.compile(_MORTGAGE + r"|(?<!没)(?<!没有)有(?:自己的|自有)(?:房子|住房)|买了房|\bown (?:a|my|our) (?:home|house|flat)",
                   re.IGNORECASE)),
    Circumstance(
        "是否有子女及其所受教育", "whether you have a child in education",
        re.compile(r"子女接受(?:学前|学历|全日制)"), None,
        re.compile(r"没有(?:孩子|子女)|没孩子|无子女|\bno (?:children|kids)\b", re.IGNORECASE),
        re.compile(_CHILD, re.IGNORECASE),
        re.compile(r"(?!)")),
)


def _said(profile) -> str:
    return " ".join([profile.needs or "", *(profile.plans or [])])


def stated_circumstances(text: str, profile, lang: str = "zh", start: int = 0) -> list[ConditionCheck]:
    """Checks of the circumstances the unit's ``text`` (its words and its supports' condition texts) is written for:
    failed when the asker's words contradict one, met when they state it, unknown (naming it) when silent."""
    zh = lang == "zh"
    said = _said(profile)
    checks: list[ConditionCheck] = []
    for c in CIRCUMSTANCES:
        m = c.stated.search(text)
        opposite = c.opposite.search(text) if c.opposite is not None else None
        if (m is None) == (opposite is None):
            continue  # neither, or both (an article with both items): its items judge it
        wants = m is not None
        hit = m or opposite
        written = text[max(0, hit.start() - 8):hit.end()].split("，")[-1].split("。")[-1]
        at, to = start + hit.start(), start + hit.end()
        if c.denied.search(said):
            holds: bool | None = False
        elif c.held.search(said):
            holds = True
        elif c.contrary.search(said):
            holds = False
        else:
            holds = None
        if holds is None:
            detail = f"请在需求说明中写明：{c.zh}" if zh else f"say in the needs {c.en}"
            checks.append(ConditionCheck("unknown", "needs", written, detail, at, to))
        elif holds == wants:
            checks.append(ConditionCheck("met", "needs", written, written, at, to))
        else:
            detail = (f"原文要求{written}，与自述不符（{c.zh}）" if zh
                      else f"the text requires {written}; what you say contradicts it ({c.en})")
            checks.append(ConditionCheck("failed", "needs", written, detail, at, to))
    return checks


def fact_asks(checks, lang: str = "zh") -> list[str]:
    """The facts to state that the unknown circumstance checks name (shown with the verdict's fields to fill in)."""
    zh = lang == "zh"
    where = "（--needs / needs）" if zh else " (--needs / needs)"
    return [c.detail.replace("请在需求说明中写明：", "").replace("say in the needs ", "") + where for c in checks
            if c.status == "unknown" and c.detail.startswith(("请在需求说明中写明：", "say in the needs "))]
