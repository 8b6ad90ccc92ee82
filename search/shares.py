"""A share of a standard another unit states: 父母可以选择由其中一方按扣除标准的100%扣除，也可以选择由双方分别按扣除标准的50%
扣除 (第六条) splits the 每月1000元 standard of the article before it (第五条).  The rule article names no sum of its
own, so the ingest reads no support from it (a split is no support of its own, ingest/support.py); the calculator
computes each share from the standard it refers to: 50% × 1,000 元/月 = 500 元/月, the standard's article named in
the formula as the base's evidence.

And the question that asks how a benefit is split (夫妻平摊, share it equally between us): the rule that states the
split answers it, so it is ranked right above the standard it refers to (``SPLIT_BOOST``), however far the asker's
words are from 双方分别按…50%.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from kg.views import Amount, EnterpriseProfile

from .eligibility import format_yuan
from .needs_text import count_in
from .types import IndexUnit, SupportView

__all__ = [
    "SPLIT_BOOST",
    "asks_to_split",
    "asks_who_claims",
    "claimed_expense",
    "claimed_expenses",
    "quota_shares",
    "referenced_standard",
    "separate_sums",
    "share_amounts",
    "states_a_share",
]

# A share of a standard: 按扣除标准的50%, 按标准的50%, 按补贴标准的一半 is left out (no figure)
_SHARE = re.compile(r"按(?P<base>[\u4e00-\u9fff]{0,6}?(?:标准|额度|定额))的(?P<rate>[0-9]+(?:\.[0-9]+)?)[%％]")
# Words that split between claimants (一方, 双方分别): the clause whose share the asker wants first
_SPLIT_CLAUSE = re.compile(r"双方|分别|各自|均摊|平均")
# A question about splitting a benefit between claimants
_ASKS_SPLIT = re.compile(r"\bdivide\b[^.?!]{0,60}?\b(?:evenly|equally)\b|\b(?:evenly|equally) (?:among|between)\b|平摊|均摊|分摊|一人一半|各扣一半|各一半|各占一半|对半|平分|五五开|分别扣|两个人分|两口子分|夫妻分|"
                         r"\bsplit\b|\bshare (?:it |them |this |that |the [a-z -]{0,40}?)?(?:equally|between|50)|"
                         r"\bhalf each\b|fifty[- ]fifty|50[/-]50|equally between|各自扣|各扣各的|各自(?:申报|享受|扣除)|"
                         r"\beach (?:of us )?(?:would |could |can |to )?(?:claim|deduct)", re.IGNORECASE)
# Placed this much above the standard the share refers to when the profile asks how to split it
SPLIT_BOOST = 0.01


def asks_to_split(profile: EnterpriseProfile) -> bool:
    """Does the profile ask how a benefit is split between claimants (夫妻平摊; share it equally)?"""
    return bool(_ASKS_SPLIT.search(" ".join((profile.needs, *profile.plans))))


# A rule on who claims an expense another article sets the deduction of: 医药费用支出可以选择由本人或者其配偶扣除;
# 住房租金支出由签订租赁合同的承租人扣除 (the expense's noun, then who may claim it)
_CLAIMER = re.compile(r"(?P<what>[\u4e00-\u9fff]{2,8}?(?:支出|费用|利息|租金))(?:可以选择|可以|应当|只能)?由"
                      r"[\u4e00-\u9fff（）、]{1,30}?(?:扣除|申报|享受)")
# A question on which claimant takes it (I will be the one to claim it; 由我来扣; 谁来扣)
_ASKS_CLAIMER = re.compile(r"(?:放|算|记|挂|归)(?:到|在)我(?:这边|这儿|名下|头上)|都由我|(?:是不是|能不能|可不可以)?都能[^，,。？?]{0,8}?扣|各能扣|由我(?:来)?(?:扣|申报|报)|我来(?:扣|申报|报)|谁(?:来)?(?:扣|申报|报)|哪一方|一方(?:来)?扣|"
                           r"\b(?:I|he|she|my (?:wife|husband))(?: will| would| should)? (?:be the one to|alone) "
                           r"(?:claim|deduct)|\bwho (?:should|can|may|will) (?:claim|deduct)|\bwhich of us\b",
                           re.IGNORECASE)


def asks_who_claims(profile: EnterpriseProfile) -> bool:
    """Does the profile say, or ask, which of several claimants takes a deduction (由我来扣; I will be the one to
    claim it)?"""
    return bool(_ASKS_CLAIMER.search(" ".join((profile.needs, *profile.plans))))


# …the claimant first, the expense after: 夫妻双方主要工作城市相同的，只能由一方扣除住房租金支出
_CLAIMER_AFTER = re.compile(r"(?:可以选择|可以|应当|只能)由[\u4e00-\u9fff（）、]{1,12}?(?:扣除|申报|享受)"
                            r"(?P<what>[\u4e00-\u9fff]{2,8}?(?:支出|费用|利息|租金))")


def claimed_expenses(unit: IndexUnit, units: Sequence[IndexUnit]) -> list[IndexUnit]:
    """The article (or the items of the article) that sets the deduction of the expense ``unit`` says who claims:
    the nearest one before it naming the same expense, in its own words or its article's lead-in (纳税人…发生的住房
    租金支出，可以按照以下标准定额扣除：（一）…1500元；（二）…1100元), with a sum; every item of that article, in order,
    so that the calculator can take the one that holds for the asker.  Empty when the unit states no claimant."""
    m = _CLAIMER.search(unit.text) or _CLAIMER_AFTER.search(unit.text)
    if m is None or any(s.amount is not None or s.cap is not None for s in unit.context.supports):
        return []
    what = m.group("what")
    what = what[-4:] if len(what) > 4 else what
    before = [u for u in units if u.document == unit.document and u.start < unit.start and u.kind != "target"
              and (what in u.text or what in (u.index_text or "").split("\n", 1)[0])
              and any(s.amount is not None or s.cap is not None for s in u.context.supports)]
    nearest = max(before, key=lambda u: u.start, default=None)
    if nearest is None:
        return []
    article = re.sub(r"[（(][^（）()]*[）)]$", "", nearest.path)
    items = [u for u in before if u.path == article or re.sub(r"[（(][^（）()]*[）)]$", "", u.path) == article]
    return sorted(items, key=lambda u: u.start) or [nearest]


def claimed_expense(unit: IndexUnit, units: Sequence[IndexUnit]) -> IndexUnit | None:
    """The article that sets the deduction of the expense ``unit`` says who claims: the nearest one before it in
    the same document naming the same expense with a sum of its own (第十一条's 医药费用支出…在80000元限额内 for
    第十二条's 医药费用支出可以选择由本人或者其配偶扣除); None when the unit states no claimant or sum of its own."""
    m = _CLAIMER.search(unit.text)
    if m is None or any(s.amount is not None or s.cap is not None for s in unit.context.supports):
        return None
    what = m.group("what")
    what = what[-4:] if len(what) > 4 else what
    before = [u for u in units if u.document == unit.document and u.start < unit.start and u.kind != "target"
              and what in u.text and any(s.amount is not None or s.cap is not None for s in u.context.supports)]
    return max(before, key=lambda u: u.start, default=None)


def states_a_share(text: str) -> bool:
    return bool(_SHARE.search(text))


def referenced_standard(unit: IndexUnit, units: Sequence[IndexUnit]) -> IndexUnit | None:
    """The unit whose standard ``unit``'s share refers to: the nearest one before it in the same document that
    states a fixed sum as a standard (每个子女每月1000元的标准定额扣除); None when the unit states no share."""
    if not states_a_share(unit.text):
        return None
    before = [u for u in units if u.document == unit.document and u.start < unit.start and u.kind != "target"
              and any(s.amount is not None and s.kind not in ("threshold", "time-limit") for s in u.context.supports)
              and re.search(r"标准|定额", u.text)]
    return max(before, key=lambda u: u.start, default=None)


PER_HEAD = re.compile(r"每(?:个|名|位)?(?P<who>子女|孩子|人)")  # a standard per child or per person


def standard_sum(standard: IndexUnit, case: str = "") -> tuple[Decimal, str, SupportView] | None:
    """The sum a standard states, in 元 (its first support with an amount in 元 or 万元 that is no threshold or time
    limit), the unit it is paid in (元/月 where it says 每月, else 元) and that support; None where it states none.
    Given the ``case`` a referring unit rules on (纳税人接受…职业资格继续教育的), the support whose own sentence
    shares most of the case's words, when the standard states sums for several cases in several sentences (第八条:
    400元 a month for degree education, 3600元 in the year a certificate is obtained)."""
    paying = [s for s in standard.context.supports if s.amount is not None and s.kind not in ("threshold", "time-limit")]
    base = paying[0] if paying else None
    if case and len(paying) > 1:
        wanted = {case[i:i + 2] for i in range(len(case) - 1)} - {"纳税", "税人"}

        def shared(s: SupportView) -> int:
            at = s.start - standard.start
            begin = max((m.end() for m in re.finditer(r"[。；;]", standard.text[:max(0, at)])), default=0)
            end = re.search(r"[。；;]", standard.text[at:]) if 0 <= at < len(standard.text) else None
            sentence = standard.text[begin:at + end.start() if end else len(standard.text)]
            return len(wanted & {sentence[i:i + 2] for i in range(len(sentence) - 1)})

        best = max(paying, key=shared)
        base = best if shared(best) > shared(paying[0]) else paying[0]
    if base is None or base.unit not in ("元", "万元"):
        return None
    each = base.amount * (Decimal(10000) if base.unit == "万元" else 1)
    return each, "元/月" if re.search(r"每月", base.text or standard.text) else "元", base


def share_amounts(unit: IndexUnit, standard: IndexUnit | None, profile: EnterpriseProfile,
                  lang: str = "zh") -> list[Amount]:
    """Each share the unit states of the standard it refers to, as an amount with its formula (50% × 1,000 元/月
    = 500 元/月); the share the profile asks for first (双方分别 when it asks to split).  A standard per child or
    per person is multiplied by the count the needs give."""
    stated = standard_sum(standard) if standard is not None else None
    if stated is None:
        return []
    each, unit_out, base = stated
    people = count_in(profile.needs) if PER_HEAD.search(standard.text) else None
    people = people if people is not None and people > 1 else None
    split = asks_to_split(profile)
    found = []
    for m in _SHARE.finditer(unit.text):
        rate = Decimal(m.group("rate"))
        base_value = each * people if people else each
        value = (base_value * rate / 100).quantize(Decimal("0.01"))
        value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
        clause_start = max(unit.text.rfind(c, 0, m.start()) for c in "，,。；;") + 1
        clause = unit.text[clause_start:m.end()]
        times = f" × {people} 人" if people else ""
        where = f"（{standard.path}的{m.group('base')}）" if lang == "zh" else f" ({m.group('base')} of {standard.path})"
        formula = (f"{rate}% × {format_yuan(each)} {unit_out}{times}{where} = {format_yuan(value)} {unit_out}")
        amount = Amount(value, unit_out, "rate", formula, rate, base.text, "document", base_value, None, base.iri,
                        clause)
        found.append((0 if split == bool(_SPLIT_CLAUSE.search(clause)) else 1, len(found), amount))
    return [a for _, _, a in sorted(found, key=lambda t: (t[0], t[1]))]



# A quota shared among claimants: 由其与兄弟姐妹分摊每月2000元的扣除额度，每人分摊的额度不能超过每月1000元；可以由赡养人均摊
_QUOTA = re.compile(r"分摊(?P<month>每月|每年)?(?P<n>[0-9]+(?:\.[0-9]+)?)(?P<u>万元|元)的[\u4e00-\u9fff]{0,8}?(?:额度|定额|标准)")
_EACH_CAP = re.compile(r"每人(?:分摊的)?(?:额度)?(?:不能|不得|不|最高不)?(?:超过|高于)(?:每月|每年)?(?P<n>[0-9]+(?:\.[0-9]+)?)(?P<u>万元|元)")
_EVENLY = re.compile(r"均摊|平均分摊|平均分配")


def quota_shares(unit: IndexUnit | None, profile: EnterpriseProfile, lang: str = "zh") -> list[Amount]:
    """Each claimant's part of a quota the unit lets claimants share evenly (分摊每月2000元的扣除额度…可以由赡养人均摊)
    when the asker asks to split it and counts the claimants (four of us children; 我们兄妹三个): the quota over
    the count, held to the cap per head the unit sets (每人分摊的额度不能超过每月1000元)."""
    if unit is None or not asks_to_split(profile):
        return []
    m = _QUOTA.search(unit.text)
    if m is None or not _EVENLY.search(unit.text):
        return []
    people = count_in(profile.needs)
    if people is None or people < 2:
        return []
    scale = Decimal(10000) if m.group("u") == "万元" else Decimal(1)
    quota = Decimal(m.group("n")) * scale
    out = "元/月" if m.group("month") == "每月" else "元/年" if m.group("month") == "每年" else "元"
    value = (quota / people).quantize(Decimal("0.01"))
    value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    formula = f"{format_yuan(quota)} {out} ÷ {people} 人 = {format_yuan(value)} {out}"
    cap_m = _EACH_CAP.search(unit.text)
    cap = Decimal(cap_m.group("n")) * (Decimal(10000) if cap_m.group("u") == "万元" else 1) if cap_m else None
    kind = "rate"
    if cap is not None and value > cap:
        value, kind = cap, "cap"
        formula += f"，超过每人 {format_yuan(cap)} {out} → {format_yuan(cap)} {out}" if lang == "zh" else \
            f", above the cap per head of {format_yuan(cap)} {out} → {format_yuan(cap)} {out}"
    elif cap is not None:
        formula += f"（每人不超过 {format_yuan(cap)} {out}）" if lang == "zh" else f" (at most {format_yuan(cap)} {out} each)"
    rate = (Decimal(100) / people).quantize(Decimal("0.01")).normalize()
    return [Amount(value, out, kind, formula, rate, m.group(0), "needs", quota, cap, unit.id, m.group(0))]


# A rule that each person's expense is worked out on its own (按本办法第十一条规定分别计算扣除额): the floor and the limit
# hold for each, and the claimant adds up the results
_SEPARATELY = re.compile(r"分别计算")


def separate_sums(unit: IndexUnit, expense: IndexUnit, profile: EnterpriseProfile, lang: str = "zh") -> list[Amount]:
    """Where ``unit`` says each person's expense is worked out separately under ``expense``'s article (分别计算) and
    the asker states two sums or more (我自己掏了5万块…我老婆…掏了3万), the article's amount for each sum, added up:
    50,000 − 15,000 = 35,000 元；30,000 − 15,000 = 15,000 元；合计 50,000 元.  Nothing otherwise."""
    from dataclasses import replace as _replace

    from .eligibility import excess_amount
    from .needs_text import money_in

    if not _SEPARATELY.search(unit.text):
        return []
    sums = [(v, at) for v, c, at in money_in(profile.needs) if c == "元"]
    if len(sums) < 2:
        return []
    parts = []
    for value, at in sums:  # each sum in the clause that states it, as if the asker stated it alone
        begin = max(profile.needs.rfind(c, 0, at) for c in "，,。；;") + 1
        ends = [i for i in (profile.needs.find(c, at) for c in "，,。；;") if i >= 0]
        clause = profile.needs[begin:min(ends) if ends else len(profile.needs)]
        got = excess_amount(expense.context.supports, _replace(profile, needs=clause), lang)
        if got is None or got.value is None:
            return []
        parts.append(got)
    total = sum((p.value for p in parts), Decimal(0))
    joined = "；".join(p.formula for p in parts)
    formula = (f"{joined}；分别计算，合计 {format_yuan(total)} 元（{expense.path}）" if lang == "zh"
               else f"{joined}; each worked out separately, {format_yuan(total)} 元 in all ({expense.path})")
    kind = "cap" if any(p.kind == "cap" for p in parts) else parts[0].kind
    return [Amount(total, "元", kind, formula, None, parts[0].base, "needs", sum((p.base_value or 0 for p in parts), Decimal(0)),
                   parts[0].cap, parts[0].support_iri, parts[0].text)]
