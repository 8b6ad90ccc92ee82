"""Amounts a unit's own words state where the ingest read no support of that kind from them (ingest/support.py reads
subsidies, caps and rates offered to a firm; these two kinds are a standard or a floor a rule sets, not a grant):

- a standard per head (生均财政拨款水平达到12000元, 人均…不低于…元, 每生…元) times the heads the needs give (全日制在校生6000人):
  12,000 元 × 6,000 人 = 72,000,000 元;
- a share of a sum named in the text (按不低于采购金额的30%提前预付, 按合同金额的10%预付) times the sum the needs give
  beside the base's words, else the one sum of money they state: 30% × 18,000,000 元 = 5,400,000 元 (不低于).

Both are inferred: ``support_iri`` is the unit's, ``text`` the clause they rest on, and the formula shows the working.
A share of a standard another unit states (按扣除标准的50%) is search/shares.py's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from kg.views import Amount, EnterpriseProfile, SupportView

from .eligibility import _sum_beside
from .needs_text import count_in, money_in
from .types import IndexUnit

__all__ = ["text_amounts"]

# A standard per head: 生均财政拨款水平达到12000元; 人均培训经费不低于500元; 每生每年补助3000元
_PER_HEAD = re.compile(r"(?P<who>生均|人均|每生|每名学生|每个学生)(?P<what>[\u4e00-\u9fff]{0,12}?)(?:水平|标准)?"
                       r"(?:达到|不低于|不少于|提高到|提高至|为|补助|补贴|资助|给予)(?P<n>[0-9]+(?:\.[0-9]+)?)(?P<u>万元|元)")
# A share of a sum the text names: 按不低于采购金额的30%; 按合同金额的10%; 不超过项目总投资的20%
_RATE_OF = re.compile(r"(?P<cmp>不低于|不少于|不超过|不高于|最高|最多)?(?P<base>[\u4e00-\u9fff]{2,12}?"
                      r"(?:金额|价款|费用|资金|投资|投入|总额|费|款))的(?P<rate>[0-9]+(?:\.[0-9]+)?)[%％]")
# Words of a standard that is a share of another standard (shares.py), or of a tax
_NOT_A_SUM = re.compile(r"标准|额度|定额|税")
# The heads a per-head standard counts, as the needs name them
_HEADS = ("人", "名", "个", "学生", "在校生", "students", "pupils", "people", "persons")
_AT_LEAST = {"不低于": ("不低于", "at least"), "不少于": ("不低于", "at least"), "不超过": ("不超过", "at most"),
             "不高于": ("不超过", "at most"), "最高": ("不超过", "at most"), "最多": ("不超过", "at most")}


def _yuan(value: Decimal) -> str:
    q = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    return f"{q:,}"


def _clause(text: str, start: int, end: int) -> str:
    begin = max(text.rfind(c, 0, start) for c in "，,。；;\n") + 1
    stops = [i for i in (text.find(c, end) for c in "，,。；;\n") if i >= 0]
    return text[begin:min(stops) if stops else len(text)].strip()


def text_amounts(unit: IndexUnit | None, supports: Sequence[SupportView], profile: EnterpriseProfile,
                 lang: str = "zh") -> list[Amount]:
    """The per-head standards and shares of a named sum ``unit``'s text states and its supports do not, each as an
    amount for this profile (value None, with the base to fill in, when the needs give no count or sum)."""
    if unit is None:
        return []
    zh = lang == "zh"
    found: list[Amount] = []
    have_rates = {Decimal(str(s.rate)) for s in supports if s.rate is not None}
    have_sums = {Decimal(str(s.amount)) for s in supports if s.amount is not None}
    for m in _PER_HEAD.finditer(unit.text):
        each = Decimal(m.group("n")) * (Decimal(10000) if m.group("u") == "万元" else 1)
        if Decimal(m.group("n")) in have_sums:
            continue  # the ingest read it: amount_of counts it
        clause = _clause(unit.text, m.start(), m.end())
        heads = count_in(profile.needs, _HEADS, about=clause)
        if heads is None or heads <= 1:
            formula = f"{_yuan(each)} 元 × 人数" if zh else f"{_yuan(each)} 元 × head count"
            found.append(Amount(None, "元", "fixed", formula, None, "人数", "needs", None, None, unit.id, clause))
            continue
        value = each * heads
        formula = f"{_yuan(each)} 元/人 × {_yuan(heads)} 人 = {_yuan(value)} 元"
        found.append(Amount(value, "元", "fixed", formula, None, "人数", "needs", heads, None, unit.id, clause))
    for m in _RATE_OF.finditer(unit.text):
        raw = m.group("base")
        cmp = m.group("cmp") or next((w for w in _AT_LEAST if w in raw), "")
        base = re.split(r"不低于|不少于|不超过|不高于|最高|最多|[按照为以于至给对在]", raw)[-1]
        rate = Decimal(m.group("rate"))
        if len(base) < 2 or _NOT_A_SUM.search(base) or rate in have_rates or rate > 100:
            continue
        clause = _clause(unit.text, m.start(), m.end())
        got = _sum_beside(base, profile.needs)
        sums = [s for s in money_in(profile.needs) if s[1] == "元"]
        if got is None and len({v for v, _, _ in sums}) == 1:
            got = (sums[0][0], "")  # the one sum of money the asker states is the base they ask about
        bound = _AT_LEAST.get(cmp, ("", ""))
        note = (f"（{bound[0]}）" if zh else f" ({bound[1]})") if bound[0] else ""
        if got is None:
            found.append(Amount(None, "元", "rate", f"{rate}% × {base}{note}", rate, base, "needs", None, None,
                                unit.id, clause))
            continue
        value = (got[0] * rate / 100).quantize(Decimal("0.01"))
        value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value
        formula = f"{rate}% × {_yuan(got[0])} 元 = {_yuan(value)} 元{note}"
        found.append(Amount(value, "元", "rate", formula, rate, base, "needs", got[0], None, unit.id, clause))
    return found
