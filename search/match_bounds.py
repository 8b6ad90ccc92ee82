"""A lower bound a unit's own words set on a sum of money, against the sum the asker states for the same thing.

Conditions on a project's or a loan's size are often written in the text, not as a support of their own: 所借贷款…
单笔金额不低于500万元; 设备购置额1000万元以上的工业技术改造项目; 固定资产投资在300万元以上.  A firm that borrowed
300万元 (贷了300万元) or buys 800万元 of equipment falls below them, whatever the support itself would pay.  The sum
is the one the asker's words give beside the bound's noun (单笔金额 → nothing; the sentence's 所借贷款 → 贷了300万元,
by the base synonyms of ingest/data/instruments.json), read as eligibility reads a rate's base (_sum_beside).

A figure the text pays (给予补助50万元, 最高不超过200万元) is no bound: a clause that pays is left out.  Falling short
of a bound on one of two paths the sentence offers (…1000万元以上的项目，或实施智能化技术改造…的项目) leaves the
other: unknown, not failed.  Nothing is
said when the asker states no such sum.  The check is inferred from the clause it cites.
"""

from __future__ import annotations

import re
from decimal import Decimal

from kg.views import ConditionCheck, EnterpriseProfile

from .eligibility import _sum_beside, format_yuan

__all__ = ["count_floors", "money_bounds", "range_bounds", "record_years"]

_N = r"[0-9]+(?:\.[0-9]+)?"
# 不低于500万元 / 达到1000万元 / 1000万元以上 / 1000万元（含）以上
_LOWER = re.compile(rf"(?P<pre>不低于|不少于|达到|超过|高于|在)?(?P<n>{_N})(?P<u>亿元|万元|元)(?P<post>(?:（含）|\(含\))?(?:及)?以上)?")
# A clause that pays, or caps what is paid: its figure is the support, not a bound on the firm
_PAYS = re.compile(r"给予|补助|补贴|奖励|贴息|资助|扶持|最高|最多|上限|限额|不超过|以内|返还|减免|收取|罚款|分摊")
_SCALE = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}


def _clause_before(text: str, at: int) -> tuple[int, str]:
    begin = max(text.rfind(c, 0, at) for c in "，,。；;：:\n") + 1
    return begin, text[begin:at]


def _sentence_before(text: str, at: int) -> str:
    begin = max(text.rfind(c, 0, at) for c in "。；;\n") + 1
    return text[begin:at]


def money_bounds(text: str, profile: EnterpriseProfile, start: int = 0) -> list[ConditionCheck]:
    """Each lower bound on a sum in ``text`` (单笔金额不低于500万元) that the asker's own sum for that thing meets or
    fails (贷了300万元: failed), as a check citing the bound; ``start`` is the frame of ``text`` in the hit."""
    said = " ".join(" ".join((profile.needs, *profile.plans)).split())
    if not said:
        return []
    checks = []
    for m in _LOWER.finditer(text):
        if not (m.group("pre") in ("不低于", "不少于", "达到", "超过", "高于") or m.group("post")):
            continue
        if m.group("pre") == "在" and not m.group("post"):
            continue
        begin, clause = _clause_before(text, m.start())
        end = m.end()
        after = text[end:end + 12]
        if _PAYS.search(clause) or re.match(r"[^，,。；;]{0,8}?(?:补助|奖励|补贴|贴息|资助)", after):
            continue  # a sum paid, or its cap
        rest = text[end:min([i for i in (text.find(c, end) for c in "。；;\n") if i >= 0] or [len(text)])]
        # one of two paths (…1000万元以上的项目,或实施智能化技术改造…的项目): falling short of it leaves the other
        either = bool(re.search(r"[，,]\s*(?:或|或者|或是)|或者", rest))
        noun = re.sub(r"^(?:且|并|或|及|和|对|其|凡|按照?)", "", clause.strip())
        got = _sum_beside(noun, said) if len(noun) >= 2 else None
        if got is None:  # the sentence's own subject: 所借贷款…，单笔金额不低于500万元
            got = _sum_beside(_sentence_before(text, begin), said)
        if got is None:
            continue
        have = got[0]
        bound = Decimal(m.group("n")) * _SCALE[m.group("u")]
        strict = m.group("pre") in ("超过", "高于")
        ok = have > bound if strict else have >= bound
        begin += len(re.match(r"\s*(?:【[^】]{0,10}】)?", text[begin:end]).group())  # 【优惠内容】 is a label
        status = "met" if ok else "unknown" if either else "failed"
        detail = f"{format_yuan(have)} 元" + ("（未达到；或符合另一条件）" if status == "unknown" else "")
        checks.append(ConditionCheck(status, "needs", text[begin:end].strip(), detail, start + begin, start + end))
    return checks


# A band of an area or a head count a tier is for: 200亩（含）至500亩的; 500亩（含）至1000亩的.  The lower end holds the
# figure itself; the upper end does only when written （含） after it (the next tier starts there).
_RANGE = re.compile(rf"(?P<a>{_N})(?P<ua>亩|平方米|公顷)?(?:（含）|\(含\))?(?:至|到|—|－|~|～)(?P<b>{_N})(?P<u>亩|平方米|公顷)"
                    r"(?P<incl>（含）|\(含\))?(?=的|以下|[，,；;：:]|$)")


def range_bounds(text: str, profile: EnterpriseProfile, start: int = 0) -> list[ConditionCheck]:
    """A tier's band of area (200亩（含）至500亩的) against the area the asker's words give (种了650亩): met inside the
    band, failed outside it, naming the band; nothing when the asker gives no area in that unit.  A list of tiers
    otherwise reads as every tier holding for a farm that passes the lowest one."""
    from .needs_text import quantity_in

    said = " ".join(" ".join((profile.needs, *profile.plans)).split())
    checks = []
    for m in _RANGE.finditer(text):
        if m.group("ua") and m.group("ua") != m.group("u"):
            continue
        have = quantity_in(said, m.group("u"))
        if have is None:
            continue
        low, high = Decimal(m.group("a")), Decimal(m.group("b"))
        ok = low <= have and (have <= high if m.group("incl") else have < high)
        checks.append(ConditionCheck("met" if ok else "failed", "needs", m.group(), f"{have} {m.group('u')}",
                                     start + m.start(), start + m.end()))
    return checks


# A lower bound on a head count of livestock or things a unit is for: 年末肉牛存栏100头以上的规模养殖场
_COUNT_FLOOR = re.compile(rf"(?P<n>{_N})(?P<u>头|只|羽|匹)(?:（含）|\(含\))?(?:及)?以上")
_COUNT_SAID = {"头": r"头|head", "只": r"只", "羽": r"羽", "匹": r"匹"}


def count_floors(text: str, profile: EnterpriseProfile, start: int = 0) -> list[ConditionCheck]:
    """A floor on a head count (存栏100头以上) against the counts the asker's words give in that unit (圈里一共60头牛，
    再买15头): failed when even the largest falls below it, met when one reaches it; nothing when they give none.
    A cap (每年最多补助100头) is no floor: only a count written 以上 is one."""
    from .needs_text import _number

    said = " ".join(" ".join((profile.needs, *profile.plans)).split())
    checks = []
    for m in _COUNT_FLOOR.finditer(text):
        found = [_number(h.group("n")) for h in re.finditer(rf"(?P<n>[0-9]+|[一二两三四五六七八九十百]+)\s*(?:{_COUNT_SAID[m.group('u')]})",
                                                            said)]
        found = [f for f in found if f is not None]
        if not found:
            continue
        have, bound = max(found), Decimal(m.group("n"))
        checks.append(ConditionCheck("met" if have >= bound else "failed", "needs", m.group(),
                                     f"{have} {m.group('u')}", start + m.start(), start + m.end()))
    return checks


# A record of years a body must have: 具有5年以上优秀培训业绩; 3年以上相关行业经营经验
_RECORD = re.compile(r"(?P<n>[0-9]+|[一二两三四五六七八九十]+)年(?:及)?以上(?P<what>[\u4e00-\u9fff]{0,8}?(?:业绩|经营经验|从业经验|运营经验|经营|运营))")


def record_years(text: str, profile: EnterpriseProfile, today, start: int = 0) -> list[ConditionCheck]:
    """A record of N years a body must have (5年以上优秀培训业绩) against the years since the organisation was founded:
    a firm founded in 2023 has no five years' record in 2026 (failed); met when it has; nothing for a person or a
    firm that gives no founding year."""
    from .needs_text import _number

    if profile.founded is None or profile.person is not None:
        return []
    have = today.year - int(profile.founded)
    checks = []
    for m in _RECORD.finditer(text):
        need = _number(m.group("n"))
        if need is None:
            continue
        checks.append(ConditionCheck("met" if have >= need else "failed", "founded", m.group(),
                                     f"{profile.founded}（{have} 年）", start + m.start(), start + m.end()))
    return checks
