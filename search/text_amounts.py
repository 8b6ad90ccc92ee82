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

__all__ = ["bounded_amounts", "text_amounts"]

# A standard per head: 生均财政拨款水平达到12000元; 人均培训经费不低于500元; 每生每年补助3000元
_PER_HEAD = re.compile(r"(?P<who>生均|人均|每生|每名学生|每个学生|每人)(?P<what>[\u4e00-\u9fff]{0,12}?)(?:水平|标准)?"
                       r"(?:达到|不低于|不少于|提高到|提高至|为|补助|补贴|资助|给予)(?P<n>[0-9]+(?:\.[0-9]+)?)(?P<u>万元|元)")
# A share of a sum the text names: 按不低于采购金额的30%; 按合同金额的10%; 不超过项目总投资的20%
_RATE_OF = re.compile(r"(?P<cmp>不低于|不少于|不超过|不高于|最高|最多)?(?P<base>[\u4e00-\u9fff]{2,12}?"
                      r"(?:金额|价款|费用|资金|投资|投入|总额|总用量|总量|费|款))的(?P<rate>[0-9]+(?:\.[0-9]+)?)[%％]"
                      r"(?:(?:—|－|-|–|~|～|至)(?P<rate2>[0-9]+(?:\.[0-9]+)?)[%％])?")
# A base that is a total over many (所有公立医疗机构年度药品总用量): a sum the asker states is taken for it only where
# their words say it is a total too (一共, altogether), not their own contract or purchase
_TOTAL_BASE = re.compile(r"总用量|总量$")
_SAYS_TOTAL = re.compile(r"一共|总共|合计|总计|全部|所有|\b(?:altogether|in total|in all|total)\b", re.IGNORECASE)
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


def _alone(profile: EnterpriseProfile) -> bool:
    """The asker speaks for one person (a person, or words naming no firm): a standard per head is their own."""
    return not (profile.industry or profile.size or profile.name or profile.employees or profile.revenue)


def text_amounts(unit: IndexUnit | None, supports: Sequence[SupportView], profile: EnterpriseProfile,
                 lang: str = "zh") -> list[Amount]:
    """The per-head standards and shares of a named sum ``unit``'s text states and its supports do not, each as an
    amount for this profile (value None, with the base to fill in, when the needs give no count or sum)."""
    if unit is None:
        return []
    zh = lang == "zh"
    found: list[Amount] = []
    have_rates = {Decimal(str(s.rate)) for s in supports if s.rate is not None}
    have_sums = {Decimal(str(s.amount)) for s in supports if s.amount is not None  # paid: amount_of counts it
                 and s.kind not in ("threshold", "time-limit")}
    for m in _PER_HEAD.finditer(unit.text):
        each = Decimal(m.group("n")) * (Decimal(10000) if m.group("u") == "万元" else 1)
        if Decimal(m.group("n")) in have_sums:
            continue  # the ingest read it: amount_of counts it
        clause = _clause(unit.text, m.start(), m.end())
        heads = count_in(profile.needs, _HEADS, about=clause)
        monthly = "每月" in m.group("what")
        if m.group("who") == "每人" and (heads is None or heads <= 1) and _alone(profile):
            # a person asking what they get (专职网格员工作补贴按每人每月不低于2800元): the standard for one head
            out = "元/月" if monthly else "元"
            floor = m.group(0)[m.start("n") - m.start() - 3:m.start("n") - m.start()]
            note = ("（不低于）" if zh else " (at least)") if floor in ("不低于", "不少于") else ""
            formula = f"{_yuan(each)} {out} × 1 人 = {_yuan(each)} {out}{note}"
            found.append(Amount(each, out, "fixed", formula, None, "人数", "needs", Decimal(1), None, unit.id, clause))
            continue
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
        if got is None and len({v for v, _, _ in sums}) == 1 and not (_TOTAL_BASE.search(base)
                                                                     and not _SAYS_TOTAL.search(profile.needs)):
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
        if m.group("rate2"):  # a range (60%—70%): its lower end, the upper one shown
            upper = _round(got[0] * Decimal(m.group("rate2")) / 100)
            formula = (f"{rate}%—{m.group('rate2')}% × {_yuan(got[0])} 元 = {_yuan(value)}—{_yuan(upper)} 元{note}")
        found.append(Amount(value, "元", "rate", formula, rate, base, "needs", got[0], None, unit.id, clause))
    return found


_N = r"[0-9]+(?:\.[0-9]+)?"
# A fine of a multiple of a base the text names: 并处违法所得1倍以上5倍以下的罚款; 货值金额二倍以上十倍以下罚款
_TIMES = re.compile(rf"(?P<base>[\u4e00-\u9fff]{{2,10}}?)(?P<lo>{_N}|[一二两三四五六七八九十]+)倍以上"
                    rf"(?P<hi>{_N}|[一二两三四五六七八九十]+)倍以下(?:的)?(?P<what>罚款|罚金|赔偿)")
# A share of a sum the text itself states: 负担原估算投资5亿元的2/3; 按项目总投资3000万元的三分之一; 1200万元的30%
_SHARE_OF_SUM = re.compile(rf"(?P<base>[\u4e00-\u9fff]{{0,10}}?)(?P<n>{_N})(?P<u>亿元|万元|元)的"
                           rf"(?:(?P<num>[0-9]+)/(?P<den>[0-9]+)|(?P<zden>[二三四五六七八九十])分之(?P<znum>[一二三四五六七八九])"
                           rf"|(?P<pct>{_N})[%％])")
# The part of a sum above a threshold, maybe at a rate, up to a cap: 累计超过15000元的部分…在80000元限额内据实扣除;
# 超过5万元的部分按50%给予补助，最高不超过20万元
_EXCESS = re.compile(rf"(?P<base>[\u4e00-\u9fff（）]{{0,30}}?)超过(?P<t>{_N})(?P<tu>万元|元)的部分(?P<mid>[^。；]{{0,40}}?)"
                     rf"(?:在(?P<cap>{_N})(?P<cu>万元|元)(?:的)?限额内|最高(?:不超过)?(?P<cap2>{_N})(?P<cu2>万元|元)"
                     rf"|不超过(?P<cap3>{_N})(?P<cu3>万元|元))")
# A fine up to a sum the text states: 可以处5万元以下的罚款; 处1万元以上10万元以下罚款; 并处2000元以下的罚款
_FINE = re.compile(rf"处(?:(?P<lo>{_N})(?P<lu>万元|元)以上)?(?P<hi>{_N})(?P<hu>万元|元)以下(?:的)?(?P<what>罚款|罚金)")
_ZH_DIGIT = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _num(text: str) -> Decimal:
    if text in _ZH_DIGIT:
        return Decimal(_ZH_DIGIT[text])
    if text.startswith("十") and len(text) == 2:
        return Decimal(10 + _ZH_DIGIT[text[1]])
    if len(text) == 2 and text.endswith("十"):
        return Decimal(_ZH_DIGIT[text[0]] * 10)
    return Decimal(text)


def _in_yuan(n: str, unit: str | None) -> Decimal:
    return Decimal(n) * {"万元": Decimal(10000), "亿元": Decimal(100000000)}.get(unit or "元", Decimal(1))


def _needs_sum(base: str, needs: str) -> Decimal | None:
    """The sum the needs give beside the base's words, else the one sum of money (in 元) they state."""
    got = _sum_beside(base, needs) if base else None
    if got is not None:
        return got[0]
    sums = {v for v, c, _ in money_in(needs) if c == "元"}
    return next(iter(sums)) if len(sums) == 1 else None


def _round(value: Decimal) -> Decimal:
    value = value.quantize(Decimal("0.01"))
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def bounded_amounts(unit: IndexUnit | None, profile: EnterpriseProfile, lang: str = "zh") -> list[Amount]:
    """Four more forms of an amount a unit's text writes (all inferred, the formula shows the working):

    - a fine up to a sum (可以处5万元以下的罚款): the most it can be, kind "cap", the least noted where the text
      gives one (处1万元以上10万元以下罚款);

    - a multiple of a base (违法所得1倍以上5倍以下的罚款): the most, the upper multiple times the base the needs give
      (5 × 200,000 元 = 1,000,000 元), the least noted; kind "cap";
    - a share of a sum the text itself states (原估算投资5亿元的2/3): worked in the text's own unit (5 亿元 × 2/3 ≈
      3.33 亿元); kind "rate", with no base_value (the sum is the text's, not the asker's);
    - the part of a sum above a threshold, at a rate if one is given, up to a cap (超过15000元的部分…在80000元限额内):
      (sum − threshold) × rate, held to the cap; kind "cap" where the cap decides."""
    if unit is None:
        return []
    zh = lang == "zh"
    text, needs = unit.text, profile.needs
    found: list[Amount] = []
    for m in _TIMES.finditer(text):
        lo, hi = _num(m.group("lo")), _num(m.group("hi"))
        base = re.split(r"[并处按以对为]", m.group("base"))[-1] or m.group("base")
        clause = _clause(text, m.start(), m.end())
        got = _needs_sum(base, needs)
        if got is None:
            found.append(Amount(None, "元", "cap", f"{_yuan(hi)} × {base}", None, base, "needs", None, None,
                                unit.id, clause))
            continue
        value = _round(hi * got)
        least = _round(lo * got)
        note = f"（最高；最低 {_yuan(lo)} 倍即 {_yuan(least)} 元）" if zh else f" (at most; at least {_yuan(least)} 元)"
        formula = f"{_yuan(hi)} × {_yuan(got)} 元 = {_yuan(value)} 元{note}"
        found.append(Amount(value, "元", "cap", formula, None, base, "needs", got, value, unit.id, clause))
    for m in _FINE.finditer(text):  # the most a rule's fine can be, as written: no base to ask for
        hi = _in_yuan(m.group("hi"), m.group("hu"))
        lo = _in_yuan(m.group("lo"), m.group("lu")) if m.group("lo") else None
        least = (f"，最低 {_yuan(lo)} 元" if zh else f", at least {_yuan(lo)} 元") if lo is not None else ""
        formula = (f"{m.group('what')}最高 {_yuan(hi)} 元{least}" if zh else f"a fine of at most {_yuan(hi)} 元{least}")
        found.append(Amount(hi, "元", "cap", formula, None, m.group("what"), "text", None, hi, unit.id,
                            _clause(text, m.start(), m.end())))
    for m in _SHARE_OF_SUM.finditer(text):
        if m.group("num"):
            num, den = Decimal(m.group("num")), Decimal(m.group("den"))
            share = f"{m.group('num')}/{m.group('den')}"
        elif m.group("zden"):
            num, den = _num(m.group("znum")), _num(m.group("zden"))
            share = f"{num}/{den}"
        else:
            num, den = Decimal(m.group("pct")), Decimal(100)
            share = f"{m.group('pct')}%"
        if den == 0 or num > den:
            continue
        sum_ = Decimal(m.group("n"))
        value = _round(sum_ * num / den)
        rate = _round(num * 100 / den)
        u = m.group("u")
        sign = "=" if value == sum_ * num / den else "≈"
        formula = f"{_yuan(sum_)} {u} × {share} {sign} {_yuan(value)} {u}"
        base = re.split(r"负担|承诺|按|以|为|给予|安排|补助|承担", m.group("base") or "")[-1]
        found.append(Amount(value, u, "rate", formula, rate, base + m.group("n") + u, "text",
                            None, None, unit.id, _clause(text, m.start(), m.end())))
    for m in _EXCESS.finditer(text):
        threshold = _in_yuan(m.group("t"), m.group("tu"))
        cap_n, cap_u = next((m.group(c), m.group(u)) for c, u in (("cap", "cu"), ("cap2", "cu2"), ("cap3", "cu3"))
                            if m.group(c))
        cap = _in_yuan(cap_n, cap_u)
        rate_m = re.search(rf"(?:按|的)(?P<r>{_N})[%％]", m.group("mid"))
        rate = Decimal(rate_m.group("r")) if rate_m else None
        if rate is None:
            continue  # the part above a floor within a limit, no rate: eligibility.excess_amount reads it from the supports
        base = re.sub(r"[（(][^）)]*[）)]", "", m.group("base"))
        base = re.split(r"[，,后]", base)[-1].removesuffix("累计") or base
        clause = text[max(text.rfind("。", 0, m.start()), text.rfind("；", 0, m.start())) + 1:m.end()].strip()
        got = _needs_sum(base, needs)
        if got is None:
            formula = (f"（{base} − {_yuan(threshold)} 元）" + (f" × {rate}%" if rate is not None else "")
                       + f"，不超过 {_yuan(cap)} 元")
            found.append(Amount(None, "元", "cap", formula, rate, base, "needs", None, cap, unit.id, clause))
            continue
        over = max(got - threshold, Decimal(0))
        value = _round(over * rate / 100) if rate is not None else over
        formula = f"{_yuan(got)} 元 − {_yuan(threshold)} 元 = {_yuan(over)} 元"
        if rate is not None:
            formula += f"；× {rate}% = {_yuan(value)} 元"
        kind = "rate" if rate is not None else "fixed"
        if value > cap:
            value, kind = cap, "cap"
            formula += f"，超过 {_yuan(cap)} 元限额，按 {_yuan(cap)} 元" if zh else f", above the cap of {_yuan(cap)} 元 → {_yuan(cap)} 元"
        found.append(Amount(value, "元", kind, formula, rate, base, "needs", got, cap, unit.id, clause))
    return found
