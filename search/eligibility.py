"""The policy calculator's arithmetic: a verdict and an amount from a support's conditions and a profile.

Pure functions over the read model's views (``ConditionView``, ``SupportView``, ``EnterpriseProfile``): no index,
no graph.  A condition is *met*, *failed* (the verdict names it) or *unknown* (the verdict names the profile
field to fill in); a support is eligible when every condition is met, not eligible when one fails, else unknown.
Person conditions are alternatives (高校毕业生 或 失业青年): one met status is enough, and an age range applies to
that person.  Where the profile has no person, the people it speaks of in ``needs`` (招10个19到23岁的失业青年)
stand in.

Amounts: a fixed sum (一次性奖励2万元; 每招用1人补贴1000元 × the number of people ``needs`` gives), a rate of a
base (50% of last year's unemployment-insurance premiums; 8% of an equipment investment ``needs`` states), capped
where the text caps it; each with its formula.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal

from ingest.conditions import vocabulary
from kg.views import (
    Amount,
    ConditionCheck,
    ConditionView,
    EnterpriseProfile,
    SupportView,
    Verdict,
)

from .firm_size import (
    classify_size,
    gb_section,
    normalise_size,
    profile_size,
    sme_sector,
)
from .needs_text import (
    _MAGNITUDE,
    CHILD_NOUNS,
    QUANTITY_UNITS,
    ages_in,
    count_in,
    disciplines_in,
    money_in,
    number_of,
    quantity_in,
    statuses_in,
    years_of_work,
)
from .text_checks import (
    exclusions,
    prohibitions,
    refusals,
    relative_age_checks,
    unmet_requirements,
)

__all__ = [
    "ages_in",
    "alternative_groups",
    "amount_of",
    "check_condition",
    "classify_size",
    "count_in",
    "disciplines_in",
    "excess_amount",
    "exclusions",
    "field_prompt",
    "format_yuan",
    "gb_section",
    "graded_pick",
    "graded_rate",
    "is_person",
    "money_in",
    "normalise_size",
    "profile_size",
    "prohibitions",
    "refusals",
    "relative_age_checks",
    "size_alternatives",
    "size_tiers",
    "sme_sector",
    "statuses_in",
    "supports_for",
    "threshold_check",
    "to_yuan",
    "unmet_requirements",
    "verdict_of",
    "years_of_work",
]

_FIELD_LABELS = {
    "size": ("企业规模", "enterprise size"), "revenue": ("上年营业收入（万元）", "revenue (10k yuan)"),
    "employees": ("从业人数", "employees"), "insured_staff": ("参保人数", "insured staff"),
    "years_insured": ("参保年限", "years insured"), "founded": ("成立年份", "year founded"),
    "experience": ("工作年限（写在需求说明里）", "years of experience (in the needs)"),
    "discipline": ("所学专业（写在需求说明里）", "your major (in the needs)"),
    "place": ("所在地", "place"), "industry": ("行业", "industry"), "district": ("所在区", "district"), "industry_code": ("行业代码", "industry code"),
    "person.age": ("年龄", "age"), "person.status": ("人员类别", "person's status"), "needs": ("需求说明", "needs"),
    "unemployment_premiums_last_year": ("上年度失业保险费（元）", "unemployment premiums last year (yuan)"),
    "wage_bill_last_year": ("上年度工资总额（元）", "wage bill last year (yuan)"),
}
# Where each field is given: the CLI's option (policykg match) and the API's field (/match)
_FIELD_OPTIONS = {
    "size": ("--size", "size"), "revenue": ("--revenue", "revenue"), "employees": ("--employees", "employees"),
    "insured_staff": ("--insured-staff", "insured_staff"), "years_insured": ("--years-insured", "years_insured"),
    "founded": ("--founded", "founded"), "experience": ("--needs", "needs"), "discipline": ("--needs", "needs"),
    "place": ("--place", "place"), "district": ("--district", "district"),
    "industry_code": ("--industry-code", "industry_code"), "person.age": ("--age", "person.age"),
    "person.status": ("--status", "person.status"), "needs": ("--needs", "needs"),
    "unemployment_premiums_last_year": ("--premiums", "unemployment_premiums_last_year"),
    "wage_bill_last_year": ("--wage-bill", "wage_bill_last_year"), "industry": ("--industry", "industry"),
}


def _label(name: str, lang: str) -> str:
    pair = _FIELD_LABELS.get(name, (name, name))
    return pair[0] if lang == "zh" else pair[1]


def field_prompt(name: str, lang: str = "zh") -> str:
    """A field to fill in, in the user's language with where to give it: 企业规模（--size / size）."""
    label = _label(name, lang)
    option, api = _FIELD_OPTIONS.get(name, ("", name))
    where = f"{option} / {api}" if option else api
    return f"{label}（{where}）" if lang == "zh" else f"{label} ({where})"


def to_yuan(amount: Decimal, unit: str) -> Decimal | None:
    """An amount in 元 (万元 ×10,000; 亿元 ×100,000,000); None for a unit that is no sum of yuan (美元, 个)."""
    return amount * _MAGNITUDE[unit] if unit in _MAGNITUDE else None


def format_yuan(value: Decimal) -> str:
    """80,000 元 style: thousands separated, no trailing zeros."""
    q = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    return f"{q:,}"


# ------------------------------------------------------------------------------------------------ needs text
# ------------------------------------------------------------------------------------------------ conditions


def _compare(value: Decimal, comparator: str, bound: Decimal, bound_max: Decimal | None = None) -> bool:
    if comparator == "≥":
        return value >= bound
    if comparator == "≤":
        return value <= bound
    if comparator == "between":
        return bound <= value <= (bound_max if bound_max is not None else bound)
    return value == bound


def _bound_in(condition: ConditionView, field: str) -> Decimal | None:
    """The condition's bound in the profile field's unit: revenue in 万元, years_insured and founded in years."""
    value = condition.value
    if value is None:
        return None
    if field == "revenue":
        yuan = to_yuan(value, condition.unit)
        return yuan / 10000 if yuan is not None else None
    if field == "years_insured" and condition.unit == "个月":
        return value / 12
    return value


def _profile_text(profile: EnterpriseProfile) -> str:
    return " ".join(x for x in (profile.name, profile.industry, profile.needs, *profile.plans) if x)


def _check(status: str, condition: ConditionView, detail: str) -> ConditionCheck:
    return ConditionCheck(status, condition.field, condition.text, detail, condition.start, condition.end)


# 规模以上(工业)企业: a statistical class by revenue (main business income of 20 million yuan or more for an industrial
# firm, 国家统计局), not a size: a small firm by the SME rule (fewer than 300 employees) may be one
_ABOVE_SCALE = re.compile(r"规模以上|规上")
_ABOVE_SCALE_REVENUE = Decimal(2000)  # 万元, industrial firms
_SAYS_ABOVE_SCALE = re.compile(r"(?<![不非])(?:规上|规模以上)(?:工业)?企业|\babove[- ]designated[- ]size\b", re.IGNORECASE)
_SAYS_BELOW_SCALE = re.compile(r"(?:不是|不算|还不是|非|没到|没达到|达不到)(?:规上|规模以上)|规下|规模以下")


def _above_scale(condition: ConditionView, profile: EnterpriseProfile, lang: str) -> ConditionCheck | None:
    """规模以上 against the firm: its own words (我们是规上企业 / 还不是规上), else an industrial firm's revenue
    (2,000万元 or more); None where neither decides (the size as given then judges, as before)."""
    zh = lang == "zh"
    words = _profile_text(profile)
    if _SAYS_BELOW_SCALE.search(words):
        return _check("failed", condition, "自述非规模以上企业" if zh else "says it is below designated size")
    if _SAYS_ABOVE_SCALE.search(words):
        return _check("met", condition, "自述为规模以上企业" if zh else "says it is above designated size")
    code = (profile.industry_code or "").strip().upper()
    industrial = code[:1] in ("B", "C", "D") or (code[:2].isdigit() and 6 <= int(code[:2]) <= 46)
    if profile.revenue is not None and industrial:
        have = Decimal(str(profile.revenue))
        ok = have >= _ABOVE_SCALE_REVENUE
        detail = (f"主营业务收入{have}万元{'≥' if ok else '<'}2000万元（规模以上工业企业标准）" if zh
                  else f"revenue {have} (10k yuan) {'≥' if ok else '<'} 2000, the above-designated-size bar for industry")
        return _check("met" if ok else "failed", condition, detail)
    return None


# Person statuses that are degrees (ingest/data/instruments.json persons with or_above)
_DEGREES = frozenset({"doctorate", "master"})


def check_condition(condition: ConditionView, profile: EnterpriseProfile, today: date,
                    lang: str = "zh") -> ConditionCheck:
    """One condition against the profile: met, failed, or unknown (``detail`` names the field to fill in)."""
    zh = lang == "zh"
    field = condition.field
    missing = _check("unknown", condition, (f"请填写{field_prompt(field, lang)}" if zh
                                            else f"fill in {field_prompt(field, lang)}"))
    if field == "size" and _ABOVE_SCALE.search(condition.text or ""):
        judged = _above_scale(condition, profile, lang)
        if judged is not None:
            return judged
    if field == "size":
        size, given = normalise_size(profile.size), profile.size or ""
        if size is None:
            found = classify_size(profile, lang)
            if found is None:  # the firm's figures (and sector) would decide it too
                figures = "、".join(field_prompt(f, lang) for f in ("industry", "employees", "revenue"))
                return _check("unknown", condition, (f"请填写{field_prompt('size', lang)}，或{figures}以按国家划型标准推定"
                                                     if zh else f"fill in {field_prompt('size', lang)}, or {figures} "
                                                     "to classify it by the national rule"))
            size, given = found
        ok = size in condition.values
        return _check("met" if ok else "failed", condition, f"{given} ∈ {'/'.join(condition.values)}" if ok
                      else f"{given} ∉ {'/'.join(condition.values)}")
    if field == "needs":
        text = _profile_text(profile).lower()
        aliases = [v.lower() for v in condition.values]
        aliases += [a.lower() for v in condition.values for a in vocabulary().get("type_aliases", {}).get(v, [])]
        named = [m for a in aliases if a for m in re.finditer(re.escape(a), text)]
        denied = bool(named) and all(_DENIED.search(text[max(0, m.start() - 6):m.start()]) for m in named)
        if denied and not _CLAIMED.search(text):  # 是科技型企业（不是专精特新）: another type, maybe an alternative
            return _check("failed", condition, text[max(0, named[0].start() - 6):named[0].end()].strip())
        if named and not denied:
            return _check("met", condition, condition.text)
        # a type no profile field states (高新技术企业): noted, never deciding the verdict
        return _check("unverified", condition, "原文要求的企业类型，请自行核对" if zh else "a type to check yourself")
    if field in ("revenue", "employees", "insured_staff", "years_insured"):
        have = getattr(profile, field)
        if have is None and field == "years_insured":  # 社保都交了3个月以上; 社保才交了3个月
            have = _insured_in_needs(profile)
        bound = _bound_in(condition, field)
        if have is None or bound is None:
            return missing if bound is not None else _check("met", condition, "")
        ok = _compare(Decimal(str(have)), condition.comparator, bound, condition.value_max)
        return _check("met" if ok else "failed", condition, f"{have} {condition.comparator} {bound}")
    if field == "discipline":
        groups = disciplines_in(_profile_text(profile))
        if not groups:
            return missing
        ok = bool(groups & set(condition.values))
        return _check("met" if ok else "failed", condition, "、".join(sorted(groups)))
    if field == "experience":
        years = years_of_work(_profile_text(profile))
        if years is None or condition.value is None:
            return missing
        ok = _compare(years, condition.comparator, condition.value)
        return _check("met" if ok else "failed", condition, (f"工作{years}年" if zh else f"{years} years' work"))
    if field == "founded":
        if profile.founded is None or condition.value is None:
            return missing
        age = Decimal(today.year - int(profile.founded))
        ok = _compare(age, condition.comparator, condition.value)
        detail = (f"成立于{profile.founded}年，至今{age}年" if zh else f"founded {profile.founded}, {age} years ago")
        return _check("met" if ok else "failed", condition, detail)
    if field == "person.age":
        ages = (profile.person.age, profile.person.age) if profile.person and profile.person.age is not None \
            else ages_in(profile.needs)
        if ages is None or condition.value is None:
            return missing
        ok = all(_compare(Decimal(a), condition.comparator, condition.value, condition.value_max) for a in ages)
        shown = f"{ages[0]}" if ages[0] == ages[1] else f"{ages[0]}-{ages[1]}"
        return _check("met" if ok else "failed", condition, (f"年龄{shown}岁" if zh else f"aged {shown}"))
    if field == "person.status":
        have = statuses_in(profile.person.status or "") if profile.person and profile.person.status else set()
        have |= statuses_in(profile.needs)
        # a degree judges a degree condition only, and a status other than a degree only such a condition: a
        # doctor is not thereby no 高校毕业生, nor a graduate thereby no 硕士
        degree = bool(set(condition.values) & _DEGREES)
        have = {h for h in have if (h in _DEGREES) == degree}
        if not have:
            return missing
        ok = bool(have & set(condition.values))
        return _check("met" if ok else "failed", condition, "、".join(sorted(have)))
    if field == "industry_code":
        section = gb_section(profile.industry_code) if profile.industry_code else ""
        code = profile.industry_code.strip().upper()
        if not code:
            return _industry_by_words(condition, profile, lang) or missing
        ok = any(code.startswith(v) or section == v for v in condition.values)
        return _check("met" if ok else "failed", condition, code)
    if field in ("place", "district"):
        where = " ".join(x for x in (profile.place, profile.district or "") if x)
        if not where.strip():
            return missing
        ok = any(v and v in where for v in condition.values) or _inside(condition.values, where)
        return _check("met" if ok else "failed", condition, where)
    return missing


# The words before a firm type that deny it: 不是科技型企业, 也不是专精特新, 还不是高新技术企业, 并非…
_DENIED = re.compile(r"(?:不是|不属于|并非|并不是|还不是|也不是|都不是|非|没有评上|没评上|not an?|not)\s*$", re.IGNORECASE)


# A firm type the firm's words claim (我们是科技型企业), not after a denial (不是…)
_CLAIMED = re.compile(r"(?<![不非])是[\u4e00-\u9fff]{1,8}?企业")


# A sum per item the firm counts: 每获得1件发明专利授权奖励5000元; 每新增1台工业机器人补助2万元
_PER_ITEM = re.compile(r"每(?:获得|认定|新增|引进|购置|建成|取得|新建|通过)?(?:1|一)?(?P<cls>件|项|台|套|个)"
                       r"(?P<noun>[\u4e00-\u9fff]{0,10}?)(?:奖励|补助|补贴|奖补|资助|给予)[^，,。；;0-9]{0,6}?"
                       r"(?P<n>[0-9]+(?:\.[0-9]+)?)(?:万元|元)")


def _per_item(support: SupportView, profile: EnterpriseProfile, each: Decimal, unit_out: str, item: re.Match[str],
              zh: bool) -> Amount:
    """A sum per item (件, 项, 台) times the items the needs count in that word (拿到了12件发明专利 → 12), capped by
    the firm's cap as written (每家企业每年最高10万元); the value None, naming the count, when they count none."""
    cls, noun = item.group("cls"), item.group("noun")
    graded = _per_kind(support, profile, each, item, zh)
    if graded is not None:
        return graded
    pattern = rf"(?P<n>[0-9]+|[一二两三四五六七八九十]+)\s*(?:多|余)?{cls}"
    counted = [m for m in re.finditer(pattern, profile.needs)
               if not noun or len(bigrams_of(profile.needs[m.end():m.end() + len(noun) + 4]) & bigrams_of(noun)) >= 1
               or len(noun) < 2]
    n = number_of(counted[0].group("n")) if counted else None
    label = f"{noun or cls}数" if zh else f"number of {noun or cls}"
    if n is None:
        formula = f"{format_yuan(each)} 元/{cls} × {label}"
        return Amount(None, unit_out, "fixed", formula, None, label, "needs", None, None, support.iri, support.text)
    value = each * n
    formula = f"{format_yuan(each)} 元/{cls} × {n} {cls} = {format_yuan(value)} {unit_out}"
    cap = _cap_as_written(support)
    value, formula, kind = _capped(value, formula, cap, f"{format_yuan(cap)} 元" if cap is not None else "", zh,
                                   _CAP_WORDS)
    return Amount(value, unit_out, "cap" if kind == "cap" else "fixed", formula, None, label, "needs", Decimal(n), cap,
                  support.iri, support.text)


# Further grades after a sum per item, one per kind (每项国家标准奖励100万元、行业标准50万元、地方标准20万元)
_NEXT_GRADE = re.compile(r"[、，,]\s*(?P<noun>[\u4e00-\u9fff]{2,10}?)(?:奖励|补助|补贴|奖补|资助|给予)?"
                         r"(?P<n>[0-9]+(?:\.[0-9]+)?)(?P<u>万元|元)")


def _per_kind(support: SupportView, profile: EnterpriseProfile, each: Decimal, item: re.Match[str],
              zh: bool) -> Amount | None:
    """A sum per item graded by kind (每项国家标准奖励100万元、行业标准50万元，每家企业最高150万元): each kind's
    sum times the items of that kind the needs count (主导制定了2项国家标准、1项行业标准), added up and capped by
    the cap as written.  None when the text names one kind only, or the needs count no item of any kind."""
    cls, text = item.group("cls"), support.text
    kinds = [(item.group("noun"), each)]
    at = item.end()
    while True:
        m = _NEXT_GRADE.match(text, at)
        if m is None or re.search(r"最高|最多|累计|合计|总额|超过|不超|每", m.group("noun")):
            break  # …，每家企业最高150万元: the cap, no further grade
        kinds.append((m.group("noun"), Decimal(m.group("n")) * (Decimal(10000) if m.group("u") == "万元" else 1)))
        at = m.end()
    if len(kinds) < 2 or any(len(noun) < 2 for noun, _ in kinds):
        return None
    counted = []
    for noun, sum_each in kinds:
        n = None
        for m in re.finditer(rf"(?P<n>[0-9]+|[一二两三四五六七八九十]+)\s*(?:多|余)?{cls}", profile.needs):
            window = profile.needs[m.end():m.end() + len(noun) + 2]
            if noun in window or noun[:2] in window[:4]:  # 2项国家标准: the kind's own words right after the count
                n = number_of(m.group("n"))
                break
        if n:
            counted.append((noun, sum_each, n))
    if not counted:
        return None
    value = sum((s * n for _, s, n in counted), Decimal(0))
    formula = " + ".join(f"{format_yuan(s)} 元/{cls} × {n} {cls}{f'（{noun}）' if zh else f' ({noun})'}"
                         for noun, s, n in counted) + f" = {format_yuan(value)} 元"
    cap = _cap_as_written(support)
    value, formula, kind = _capped(value, formula, cap, f"{format_yuan(cap)} 元" if cap is not None else "", zh,
                                   _CAP_WORDS)
    label = "、".join(noun for noun, _, _ in counted) + ("数" if zh else "")
    return Amount(value, "元", "cap" if kind == "cap" else "fixed", formula, None, label, "needs",
                  Decimal(sum(n for _, _, n in counted)), cap, support.iri, support.text)


# A sum per measure written before the sum (每平方米补助1000元; 每吨奖励200元), read by the ingest as a plain sum
_PER_MEASURE_WORDS = re.compile(r"每(?P<of>平方米|吨|亩|千瓦时|千瓦|立方米)(?:[\u4e00-\u9fff]{0,6}?)"
                                r"(?:补助|补贴|奖励|奖补|给予|资助)(?P<n>[0-9]+(?:\.[0-9]+)?)(?:万元|元)")


def _per_measure(support: SupportView, profile: EnterpriseProfile, money: str, of: str, zh: bool) -> Amount | None:
    """A sum per measure of a thing (350元/吨 of energy saved, 100元/平方米) times the measure the needs state in that
    unit (一年综合节能300吨标煤 → 300), capped by the cap as written; the value None, naming the measure, when they
    state none."""
    each = to_yuan(Decimal(str(support.amount)), money)
    if each is None:
        return None
    m = re.search(rf"(?P<n>[0-9]+(?:\.[0-9]+)?)\s*(?:多|余)?{re.escape(of)}", " ".join(profile.needs.split()))
    qty = Decimal(m.group("n")) if m else (quantity_in(profile.needs, of) if of in QUANTITY_UNITS else None)
    per = f"元/{of}"
    if qty is None:
        formula = f"{format_yuan(each)} {per} × {of}数" if zh else f"{format_yuan(each)} {per} × quantity in {of}"
        return Amount(None, "元", "fixed", formula, None, of, "needs", None, None, support.iri, support.text)
    value = (each * qty).quantize(Decimal("0.01")).normalize()
    formula = f"{format_yuan(each)} {per} × {format_yuan(qty)} {of} = {format_yuan(value)} 元"
    cap = _cap_as_written(support)
    value, formula, kind = _capped(value, formula, cap, f"{format_yuan(cap)} 元" if cap is not None else "", zh,
                                   _CAP_WORDS)
    return Amount(value, "元", "cap" if kind == "cap" else "fixed", formula, None, of, "needs", qty, cap, support.iri,
                  support.text)


def graded_rate(unit_text: str, support: SupportView, profile: EnterpriseProfile) -> tuple[Decimal, str, bool] | None:
    """Of rates graded by a figure (投资达到500万元(含)、3000万元(含)、5000万元(含)以上的，分别按照实际投资额的1.5%、
    1.8%、2%), the rate of the highest grade the firm's base reaches (4000万元 → 1.8%), that grade's words, and
    whether the base reaches none of them (300万元: below the lowest grade); None when the text grades no rates
    by as many figures, or the needs state no base beside the rate's words."""
    if support.rate is None or "分别" not in support.text:
        return None
    text = normalise_text(support.text)
    rates = [Decimal(r) for r in re.findall(r"([0-9]+(?:\.[0-9]+)?)[%％]", text[text.find("分别"):])]
    at = unit_text.find(support.text)
    if len(rates) < 2 or at < 0:
        return None
    sentence = re.split(r"[。；;]", unit_text[:at])[-1]
    listed = re.split(r"[，,]", sentence.rstrip("，, 的"))[-1]
    items = [re.sub(r"[（(]含[）)]", "", i) for i in normalise_text(listed).split("、")]
    figures = [money_in(re.sub(r"\s+", "", i)) for i in items]
    if len(items) != len(rates) or not all(len(f) == 1 for f in figures):
        return None
    base = _sum_beside(support.rate_base, profile.needs) if support.rate_base else None
    if base is None:
        return None
    reached = [(f[0][0], n) for n, f in enumerate(figures) if f[0][0] <= base[0]]
    if not reached:
        return rates[0], items[0], True
    n = max(reached)[1]
    return rates[n], re.sub(r"以上.*$", "以上", items[n]), False


def _cap_as_written(support: SupportView) -> Decimal | None:
    """A support's cap in 元 as its own words write it (每户最高补贴20万元 → 200,000 元, beside a sum of 1000元 per
    head); None when the words do not write it with a unit of money."""
    if support.cap is None:
        return None
    number = format(Decimal(str(support.cap)).normalize(), "f")
    m = re.search(rf"(?<![0-9.]){re.escape(number)}\s*(亿元|万元|元)", support.text)
    return to_yuan(Decimal(str(support.cap)), m.group(1)) if m else None


def _insured_in_needs(profile: EnterpriseProfile) -> Decimal | None:
    """The years of insurance the asker's own words give (社保才交了3个月 → 0.25; 失业保险交了三年 → 3): the longest
    period stated in a clause that speaks of insurance or contributions; None when none does."""
    from .text_checks import _HAVE, _months

    months = []
    for sentence in re.split(r"[。！？!?；;，,\n]", " ".join((profile.needs, *profile.plans))):  # 签了一年合同，社保才交了3个月
        if re.search(r"社保|保险|缴费|参保|insur|contribut", sentence, re.IGNORECASE):
            months += [m for m in (_months(h.group("n"), h.group("u")) for h in _HAVE.finditer(sentence)) if m]
    return (Decimal(max(months)) / 12) if months else None


def _industry_by_words(condition: ConditionView, profile: EnterpriseProfile, lang: str) -> ConditionCheck | None:
    """An industry condition (工业企业 → C, 软件企业 → I65) against the sector the firm's own words for its industry
    point to, when they point to one sector only (ingest/data/sme_size.json: 制造、加工、机械 … → B/C/D; 软件 → I65):
    met or failed, inferred, saying so; None when the words decide nothing."""
    if not profile.industry:
        return None
    sector = sme_sector(profile)
    if sector is None or not sector.get("codes"):
        return None
    codes = [c.upper() for c in sector["codes"]]
    ok = any(c.startswith(v) or v.startswith(c) for c in codes for v in condition.values)
    detail = (f"按行业“{profile.industry}”推定为 {'/'.join(codes)}" if lang == "zh"
              else f"inferred from the industry “{profile.industry}”: {'/'.join(codes)}")
    return _check("met" if ok else "failed", condition, detail)


def _inside(names: Sequence[str], where: str) -> bool:
    """Whether ``where`` (绍兴市柯桥区, Hunnan District, Shenyang) lies in a gazetteer place ``names`` name."""
    from .places import NATIONAL, shipped_places

    places = shipped_places()
    wanted = {k for n in names for k in places.in_question(n)} - {NATIONAL}
    return bool(wanted) and bool(wanted & places.with_ancestors(places.in_question(where)))


# "N of the following" (符合下列条件之二; 满足其中两项; 具备以下任意一项; 符合下列条件之一): the items after it are
# alternatives of which N must hold
_N_OF = re.compile(r"(?:符合|满足|具备|达到)(?:下列|以下|如下|上述)?(?:条件|情形|要求|标准)?"
                   r"(?:(?:之|中的?|其中的?)(?:任意|任何)?(?P<a>[一两二三四五六七八九2-9])(?:项|个|条)?"
                   r"|(?:其中的?|中的?)?(?:任意|任何)?(?P<b>[一两二三四五六七八九2-9])(?:项|个|条))"
                   r"(?:或?(?:及|以)上|以上)?")
_NUMERALS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# Where one item of such a list begins: （一）(1) 1. 1、 一是
_ITEM = re.compile(r"(?:^|(?<=[。；;：:\n\s]))(?:[（(](?:[一二三四五六七八九十]{1,2}|\d{1,2})[）)]|\d{1,2}[．.、](?!\d)"
                   r"|[一二三四五六七八九十]{1,2}是)")


def alternative_groups(text: str, start: int = 0) -> list[tuple[int, int, int, int, str]]:
    """The "N of the following" groups a unit's text states: (first, last offset of the items, in the frame of
    ``start``; N; the number of items listed; the phrase as written).  The items run from the phrase to the text's end, or to the next
    such phrase."""
    found = [m for m in _N_OF.finditer(text)]
    out = []
    for i, m in enumerate(found):
        n = _NUMERALS.get(m.group("a") or m.group("b") or "", 0) or int(m.group("a") or m.group("b") or 0)
        end = found[i + 1].start() if i + 1 < len(found) else len(text)
        items = len(_ITEM.findall(text[m.end():end]))
        out.append((start + m.end(), start + end, n, items, m.group()))
    return out


def _apply_alternatives(checks: list[ConditionCheck], groups: Sequence[tuple[int, int, int, int, str]],
                        lang: str) -> list[ConditionCheck]:
    """The checks with each "N of the following" group judged as a whole: met when N of its checks are met (the
    others no longer fail or ask); failed when too many fail for N to remain; else undecided: its failed checks
    become unknown, and where nothing in it is left to ask, the group itself is asked (已知符合1项，须符合2项)."""
    zh = lang == "zh"
    for a, b, n, items, phrase in groups:
        group = [c for c in checks if a <= c.start < b and c.field != "place"]
        if not group or n < 1:
            continue
        met = [c for c in group if c.status == "met"]
        failed = [c for c in group if c.status == "failed"]
        listed = max(items, len(group))
        if len(met) >= n:
            checks = [c for c in checks if c not in group or c.status == "met"]
            continue
        if len(failed) > listed - n:
            continue  # fewer than N can still hold: the failed ones stand
        note = (f"（须符合其中{n}项）" if zh else f" ({n} of the listed conditions are enough)")
        checks = [replace(c, status="unknown", detail=c.detail + note) if c in failed else c for c in checks]
        if not any(c.status == "unknown" for c in group if c not in failed) and listed > len(met) + len(failed):
            detail = (f"已知符合{len(met)}项，须符合{n}项：请说明其余条件" if zh
                      else f"{len(met)} known to hold, {n} needed: say how the firm stands on the others")
            checks.append(ConditionCheck("unknown", "needs", phrase, detail, a - len(phrase), a))
    return checks


def verdict_of(conditions: Sequence[ConditionView], profile: EnterpriseProfile, today: date,
               valid_until: date | None = None, validity_text: str = "", lang: str = "zh",
               extra: Sequence[ConditionCheck] = (), groups: Sequence[tuple[int, int, int, int, str]] = (),
               either: Sequence[tuple[int, int, int, int]] = ()) -> Verdict:
    """Eligible when every condition is met, not eligible when one fails (named), else unknown (the fields to
    fill in); ``expired_on`` is the end of the stated period when it is before ``today``.  Person statuses are
    alternatives: the group is met when one is; ``extra`` are checks made elsewhere (the document's place);
    ``groups`` the unit's "N of the following" lists (alternative_groups), each judged as a whole; ``either`` its
    pairs of alternatives (…的失业青年，或者招用…的高校毕业生: search/match_or.py), each held when all its checks are."""
    checks = [check_condition(c, profile, today, lang) for c in conditions]
    statuses = [c for c in checks if c.field == "person.status"]
    if any(c.status == "met" for c in statuses):
        checks = [c for c in checks if c.field != "person.status" or c.status == "met"]
    checks = list(extra) + checks
    if either:
        from .match_or import apply_or

        checks = apply_or(checks, list(either), _profile_text(profile))
    if groups:
        checks = _apply_alternatives(checks, groups, lang)
    failing = [c for c in checks if c.status == "failed"]
    missing = list(dict.fromkeys(c.field for c in checks if c.status == "unknown"))
    status = "not_eligible" if failing else "unknown" if missing else "eligible"
    expired = valid_until if valid_until is not None and valid_until < today else None
    return Verdict(status, failing, missing, checks, expired, valid_until, validity_text,
                   asks=[field_prompt(f, lang) for f in missing])


# ------------------------------------------------------------------------------------------------ amounts


def _base_from_profile(support: SupportView) -> tuple[str, str, str] | None:
    """(profile field, unit, label) of the rate's base when a profile field holds it (失业保险费 → premiums)."""
    words = f"{support.rate_base} {support.text}"
    for entry in vocabulary()["rate_bases"]:
        if re.search(entry["pattern"], words):
            return entry["field"], entry["unit"], entry["label"]
    return None


def _base_keywords(base: str) -> list[str]:
    """The words of a rate's base to look for in the profile's needs: 实际支付展位费 → 展位费, 设备投资额 → 投资,
    缴纳的失业保险费 → 失业保险费;
    a base naming a synonym (海外仓建设或者租赁投入) takes its group's words too (投资, 投入, 购置 …)."""
    base = re.sub(r"^(?:按照?|企业|实际|上年度|当年|年度)+", "", base)
    words = [base] if base else []
    head = base.rsplit("的", 1)[-1]  # 缴纳的失业保险费 → 失业保险费: a firm writes the thing, not the verb before it
    if head != base and len(head) >= 2:
        words.append(head)
    for tail in ("额", "费", "金额", "费用"):
        for word in list(words):
            if word.endswith(tail) and len(word) > len(tail) + 1 and word[: -len(tail)] not in words:
                words.append(word[: -len(tail)])
    for key, synonyms in vocabulary().get("base_synonyms", {}).items():
        if key in base or any(len(w) >= 2 and w in base for w in synonyms if not w.isascii()):  # 租赁投入 is 投资
            words += [w for w in synonyms if w not in words]
    return [w for w in words if w]


def _base_from_needs(support: SupportView, needs: str, currency: str = "元") -> tuple[Decimal, str] | None:
    """A sum the needs state next to the base's words (摊位费8万块; 研发花得比前年多了1500万; spend 20 million yuan);
    a sum beside no such word is no base (摊位费 is no 海外仓投入)."""
    return _sum_beside(support.rate_base, needs, currency)


# A base that is the growth of a sum over the year before (研发费用增量部分, 新增部分, 较上年增加的部分)
_INCREASE_BASE = re.compile(r"增量|新增部分|(?:增加|增长|超出|超过)(?:的)?部分|增加额|增长额")
# A sum the asker states as the growth itself (多了1500万, 增加了600万元, up by 6 million)
_STATED_GROWTH = re.compile(r"(?:多了|多出|多花了?|增加了|增长了|涨了|提高了|上涨了|\bup by|\bincreased? by|\brose by|"
                            r"\bmore by)\s*(?:约|大约|近|about|around)?\s*$", re.IGNORECASE)


def _increase_beside(base: str, needs: str, currency: str = "元") -> tuple[Decimal, str] | None:
    """Of a base that is a sum's growth (研发费用增量部分), the growth the asker's words give: a sum they state as
    the growth (研发比前年多了600万), else the later of two sums they state after the base's words less the earlier
    (前年研发开支1500万元，去年涨到2100万元 → 600万元), when it grew; None otherwise (the sum beside the base's words
    is then read as the base, as before)."""
    plain = _INCREASE_BASE.sub("", base)
    sums = [s for s in money_in(needs) if s[1] == currency]
    if not plain or not sums:
        return None
    for word in _base_keywords(plain):
        for m in re.finditer(re.escape(word), needs, re.IGNORECASE):
            after = [(v, at) for v, _, at in sums if 0 <= at - m.end() <= 40]
            stated = [v for v, at in after if _STATED_GROWTH.search(needs[max(m.end(), at - 12):at])]
            if stated:
                return stated[0], word
            if len(after) >= 2 and after[1][0] > after[0][0]:
                return after[1][0] - after[0][0], word
    return None


def _sum_beside(base: str, needs: str, currency: str = "元") -> tuple[Decimal, str] | None:
    if _INCREASE_BASE.search(base):
        grown = _increase_beside(base, needs, currency)
        if grown is not None:
            return grown
    sums = [s for s in money_in(needs) if s[1] == currency]
    if not sums:
        return None
    keywords = _base_keywords(base)
    named = bigrams_of(base)
    best = None
    for word in keywords:
        for m in re.finditer(re.escape(word), needs, re.IGNORECASE):
            # the words around the match that the base also writes (设备购置额 for 项目设备购置额, where 总投资 shares
            # only a synonym): of two sums each beside a word of the base, the one beside more of the base's words
            around = needs[max(0, m.start() - 6):m.end() + 2]
            shared = len(bigrams_of(around) & named)
            for value, _, at in sums:
                distance = at - m.end() if at >= m.end() else m.start() - at
                if distance <= 40 and (best is None or (shared, -distance) > (best[0], -best[1])):
                    best = (shared, distance, value, word)
    return (best[2], best[3]) if best else None


# How a formula says a cap was applied, or held to: (above zh, above en, within zh, within en), {cap} the cap's text.
_CAP_WORDS = ("，高于最高 {cap} → {cap}", ", above the cap of {cap} → {cap}", "（不超过 {cap}）", " (cap {cap})")
_LIMIT_WORDS = ("，高于限额 {cap} → {cap}", ", above the limit of {cap} → {cap}", "（限额 {cap} 内）",
                " (within the limit of {cap})")


def _capped(value: Decimal, formula: str, cap: Decimal | None, cap_text: str, zh: bool,
            words: tuple[str, str, str, str]) -> tuple[Decimal, str, str]:
    """(value, formula, kind) with the cap applied: the cap itself, kind "cap", where the value is above it; the
    value, kind "rate", with the cap noted, where it is not."""
    if cap is None:
        return value, formula, "rate"
    above, within = (words[0], words[2]) if zh else (words[1], words[3])
    if value > cap:
        return cap, formula + above.replace("{cap}", cap_text), "cap"
    return value, formula + within.replace("{cap}", cap_text), "rate"


def _base_named(text: str, rate: Decimal) -> str:
    """The base a rate's own words name when the reader found none before the rate (标准提高到当地最低月工资标准的70%;
    为…缴纳失业保险费总额的50%): the words between the verb and 的N%; "" when none."""
    number = format(rate.normalize(), "f")
    m = re.search(rf"(?:提高到|提高至|调整为|为|按)(?P<b>[\u4e00-\u9fff]{{2,20}}?)的{re.escape(number)}[%％]", text)
    return re.sub(r"^(?:该企业及其职工|该企业|企业)", "", m.group("b")) if m else ""


# A subsidy that is a share of an interest RATE (按LPR的60%贴息; 按基准利率的50%给予贴息), not of interest paid
_OF_RATE = re.compile(r"(?:利率|LPR)[）)]?的[0-9]")
_RATE_GIVEN_EN = re.compile(r"(?:interest rate|LPR|interest)[^0-9.;]{0,16}?([0-9]+(?:\.[0-9]+)?)\s*%|"
                            r"([0-9]+(?:\.[0-9]+)?)\s*%\s*(?:a year\s*|annual\s*|yearly\s*)?(?:interest|LPR|a year)",
                            re.IGNORECASE)
_RATE_GIVEN = re.compile(r"(?:LPR|利率|利息)[^0-9，,。；;]{0,8}?([0-9]+(?:\.[0-9]+)?)\s*[%％]|([0-9]+(?:\.[0-9]+)?)\s*[%％]的?(?:利率|年利率|LPR)")


def _share_of_a_rate(support: SupportView) -> bool:
    """Is the support's rate a share of an interest rate (贷款基准利率的40%, LPR的60%), not of a sum?"""
    number = format(Decimal(str(support.rate)).normalize(), "f")
    return bool(re.search(rf"(?:利率|LPR)[）)]?的{re.escape(number)}[%％]", support.text)) and "利息的" not in support.text


def _interest_share(support: SupportView, profile: EnterpriseProfile, cap: Decimal | None, cap_text: str,
                    zh: bool) -> Amount | None:
    """A share of an interest rate (按一年期LPR的60%予以贴息) on the loan the needs state (借了3000万元, LPR 3.1%):
    loan × rate × share, capped where the support caps it; None when the needs give no loan or no rate."""
    loan = _sum_beside("贷款", profile.needs) or _sum_beside("借", profile.needs) or _sum_beside("loan", profile.needs)
    given = _RATE_GIVEN.search(profile.needs) or _RATE_GIVEN_EN.search(profile.needs)
    if loan is None or given is None:
        return None
    pct = Decimal(given.group(1) or given.group(2))
    value = (loan[0] * pct / 100 * support.rate / 100).quantize(Decimal("0.01")).normalize()
    year = "（一年）" if zh else " (a year)"  # an interest rate is a year's: the share is a year's interest
    formula = f"{format_yuan(loan[0])} 元 × {pct}% × {support.rate}% = {format_yuan(value)} 元{year}"
    value, formula, kind = _capped(value, formula, cap, cap_text, zh, _CAP_WORDS)
    label = "贷款额 × 利率" if zh else "loan × interest rate"
    return Amount(value, "元", kind, formula, support.rate, label, "needs", loan[0], cap, support.iri, support.text)


def _base_before_rate(text: str, rate: Decimal, needs: str) -> tuple[tuple[Decimal, str] | None, str]:
    """A rate stated with no 按…的 before it (县级财政所得扣除征收成本后100%奖励给投资方): the phrases of its clause before
    the rate, each of four characters or more, against the sums the needs state beside them; (sum, phrase) of the
    nearest, else (None, "")."""
    number = format(rate.normalize(), "f")
    m = re.search(rf"{re.escape(number)}[%％]", text)
    if not m:
        return None, ""
    after = re.match(r"的?(?P<b>[\u4e00-\u9fff]{2,12}?)(?:补贴|补助|奖励|资助|奖补|返还)", text[m.end():])
    if after:  # 给予50%的包车费用补贴: the base follows the rate
        found = _sum_beside(after.group("b"), needs)
        if found is not None:
            return found, after.group("b")
    clause = re.split(r"[，,；;。]", text[:m.start()])[-1]
    pieces = [p for p in re.split(r"[^\u4e00-\u9fff]|中|扣除|减去|后|的|按照?|以", clause) if len(p) >= 4]
    for piece in pieces:  # the first phrase the needs put a sum beside: the base runs from it to the rate
        found = _sum_beside(piece, needs)
        if found is not None:
            return found, clause[clause.find(piece):].strip()
    return None, ""


def amount_of(support: SupportView, profile: EnterpriseProfile, lang: str = "zh") -> Amount | None:
    """What ``support`` pays this profile, with its formula; None when the support states no sum or rate.

    A rate needs its base (a profile field, or a sum ``needs`` states beside the base's words); without it the
    amount's ``value`` is None and ``base_field`` names what to fill in.  A cap (最高…) bounds the value."""
    if support.kind in ("threshold", "time-limit"):
        return None
    unit = support.unit or ""
    cap = to_yuan(support.cap, unit) if support.cap is not None and unit else None
    cap_text = f"{format_yuan(cap)} 元" if cap is not None else ""
    zh = lang == "zh"
    if support.rate is not None and support.kind == "loan-interest" and _OF_RATE.search(support.text) \
            and "利息的" not in support.text:
        got = _interest_share(support, profile, cap, cap_text, zh)
        if got is not None:
            return got
    if support.rate is not None and _share_of_a_rate(support):
        got = _interest_share(support, profile, cap, cap_text, zh)
        if got is not None:
            return got
        # 按照同期银行贷款基准利率的40%给予贴息: a share of an interest rate, never of the loan itself; without the
        # rate the needs state, the amount is the formula with the rate to fill in
        label = "贷款额 × 利率" if zh else "loan × interest rate"
        formula = (f"贷款额 × 利率 × {support.rate}%" if zh else f"loan × interest rate × {support.rate}%")
        if cap_text:
            formula += f"（最高 {cap_text}）" if zh else f" (at most {cap_text})"
        return Amount(None, "元", "rate", formula, support.rate, label, "needs", None, cap, support.iri, support.text)
    if support.rate is not None and support.rate_base != "税率":
        rate = support.rate
        base_field, base_value, base_label = "", None, support.rate_base or _base_named(support.text, rate)
        from_profile = _base_from_profile(support)
        if from_profile is not None:
            base_field, base_unit, base_label = from_profile
            have = getattr(profile, base_field, None)
            if have is not None:
                base_value = Decimal(str(have)) * (Decimal(10000) if base_unit == "万元" else 1)
        if base_value is None:  # the base's words as the support states them, else as the vocabulary names it
            found = _base_from_needs(support, profile.needs) or (_sum_beside(base_label, profile.needs)
                                                                 if base_label else None)
            if found is None and not base_label:  # …中县级财政所得扣除征收成本后100%奖励: the words before the rate
                found, base_label = _base_before_rate(support.text, rate, profile.needs)
            if found is not None:
                base_value, _ = found
                base_field = "needs"
        if base_value is None:
            formula = (f"{rate}% × {base_label or '基数'}" if zh else f"{rate}% × {base_label or 'base'}")
            if cap_text:
                formula += f"（最高 {cap_text}）" if zh else f" (at most {cap_text})"
            return Amount(None, "元", "rate", formula, rate, base_label, base_field or "needs", None, cap,
                          support.iri, support.text)
        value = (base_value * rate / 100).quantize(Decimal("0.01")).normalize()
        value, formula, kind = _capped(value, f"{rate}% × {format_yuan(base_value)} 元 = {format_yuan(value)} 元",
                                       cap, cap_text, zh, _CAP_WORDS)
        return Amount(value, "元", kind, formula, rate, base_label, base_field, base_value, cap, support.iri,
                      support.text)
    if support.amount is not None:
        measure = re.fullmatch(r"(?P<money>.*元)/(?P<of>[^/]+)", unit)
        if measure and measure.group("of") != "人":  # 按350元/吨给予奖励: the sum per measure × the measure the needs give
            return _per_measure(support, profile, measure.group("money"), measure.group("of"), zh)
        written = _PER_MEASURE_WORDS.search(support.text)
        if written and unit.endswith("元") and Decimal(written.group("n")) == Decimal(str(support.amount)):
            return _per_measure(support, profile, unit, written.group("of"), zh)  # 每平方米补助1000元
        per_unit = unit.endswith("/人")  # 按500元/人的标准
        each = to_yuan(support.amount, unit[:-2] if per_unit else unit)
        if each is None:
            return None
        per = per_unit or re.search(r"每(?:招用|吸纳|录用)?(?:1|一)?(?:个|名|位)?(?:人|名|子女|孩子|学生|员工|职工)|按每人",
                                    support.text)
        per_month = re.search(r"每月", support.text)
        unit_out = "元/月" if per_month else "元"
        item = None if per or "分别" in support.text else _PER_ITEM.search(support.text)
        if item is not None and Decimal(item.group("n")) == Decimal(str(support.amount)):
            return _per_item(support, profile, each, unit_out, item, zh)  # 每获得1件发明专利授权奖励5000元
        if per:
            insured = re.search(r"(?:缴纳|参保|参加)[^，,。；;]{0,16}?人数(?:计算|核定|为准)",
                                support.text + " " + support.condition)  # 按上月缴纳社会保险费人数计算
            people = (Decimal(profile.insured_staff or profile.employees) if insured and (profile.insured_staff or
                                                                                        profile.employees)
                      else count_in(profile.needs, CHILD_NOUNS, about=support.text, against=support.condition)
                      if re.search(r"子女|孩子", per.group() if not isinstance(per, bool) else "")
                      else count_in(profile.needs, about=support.text, against=support.condition))
            if people is None:
                formula = f"{format_yuan(each)} {unit_out} × 人数" if zh else f"{format_yuan(each)} {unit_out} × people"
                return Amount(None, unit_out, "fixed", formula, None, "人数", "needs", None, cap, support.iri,
                              support.text)
            value = each * people
            formula = f"{format_yuan(each)} {unit_out} × {people} 人 = {format_yuan(value)} {unit_out}"
            head_cap = _cap_as_written(support)  # 每户最高补贴20万元: the cap in its own unit, not the sum's
            head_cap_text = f"{format_yuan(head_cap)} 元" if head_cap is not None else ""
            value, formula, kind = _capped(value, formula, head_cap, head_cap_text, zh, _CAP_WORDS)
            return Amount(value, unit_out, "cap" if kind == "cap" else "fixed", formula, None, "人数",
                          "insured_staff" if insured and (profile.insured_staff or profile.employees) else "needs",
                          people, cap, support.iri, support.text)
        return Amount(each, unit_out, "fixed", f"{format_yuan(each)} {unit_out}", None, "", "", None, cap,
                      support.iri, support.text)
    if cap is not None:
        per_month = "/月" if re.search(r"每月|按月", support.text) else ""  # 不能超过每月1000元: a monthly cap
        formula = f"最高 {cap_text}{per_month}" if zh else f"at most {cap_text}{' a month' if per_month else ''}"
        return Amount(cap, f"元{per_month}", "cap", formula, None, "", "", None, cap, support.iri, support.text)
    return None


_EXCESS = re.compile(r"(?:超过|超出|高于)[0-9.,]+(?:万元|元)(?:以上)?的部分$")


def excess_amount(supports: Sequence[SupportView], profile: EnterpriseProfile, lang: str = "zh") -> Amount | None:
    """What lies above a floor, within a limit: 个人负担累计超过15000元的部分…在80000元限额内据实扣除 with a
    sum the needs state beside the base's words (自己还掏了5万块) → min(50,000 − 15,000, 80,000) = 35,000 元.
    None when the unit states no such pair; the value is None (and ``base_field`` says what to fill in) when
    the needs state no sum for the base.  The limit alone would wrongly read as the amount paid."""
    floor = next((s for s in supports if s.kind == "threshold" and s.amount is not None
                  and _EXCESS.search(s.text.strip())), None)
    if floor is None:
        return None
    limit = next((s for s in supports if s.kind not in ("threshold", "time-limit") and s.cap is not None
                  and s.start >= floor.start), None)
    low = to_yuan(floor.amount, floor.unit) if floor.amount is not None else None
    cap = to_yuan(limit.cap, limit.unit) if limit is not None and limit.cap is not None else None
    if low is None:
        return None
    zh = lang == "zh"
    base_label = re.sub(r"(?:累计)?(?:超过|超出|高于)[0-9.,]+(?:万元|元).*$", "", floor.text).strip() or floor.text
    found = _sum_beside(base_label, profile.needs)
    if found is None:  # no sum beside the base's words (the needs are in English): the one sum they state
        sums = {v for v, c, _ in money_in(profile.needs) if c == "元"}
        found = (next(iter(sums)), "") if len(sums) == 1 else None
    cap_text = f"{format_yuan(cap)} 元" if cap is not None else ""
    iri, text = (limit or floor).iri, f"{floor.text}…{limit.text}" if limit is not None else floor.text
    if found is None:
        formula = (f"（{base_label} − {format_yuan(low)} 元）" if zh else f"({base_label} − {format_yuan(low)} 元)")
        if cap_text:
            formula += f"，最高 {cap_text}" if zh else f", at most {cap_text}"
        return Amount(None, "元", "rate", formula, None, base_label, "needs", None, cap, iri, text)
    base, _ = found
    value = max(base - low, Decimal(0))
    value, formula, kind = _capped(value, f"{format_yuan(base)} 元 − {format_yuan(low)} 元 = {format_yuan(value)} 元",
                                   cap, cap_text, zh, _LIMIT_WORDS)
    return Amount(value, "元", kind, formula, None, base_label, "needs", base, cap, iri, text)


# ------------------------------------------------------------------------------------------------ thresholds

# The noun right after a threshold's figure (5万元以上资金, 1000万元以上的注册资本): what the sum is of
_NOUN_AFTER = re.compile(r"^(?:的)?([\u4e00-\u9fff]{2,6}?)(?:[，,。；;、（(）)\s]|$)")
_THRESHOLD_NOUN = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:额|金额|总额)?(?:在|达到|超过|不低于|不少于|突破)?(?:[0-9])")


# Fields of a condition on the enterprise itself (a person's support names none of them)
_FIRM_FIELDS = ("size", "type", "revenue", "employees", "insured_staff", "years_insured", "founded", "industry_code",
                "sector")


def _addresses(support: SupportView) -> tuple[bool, bool]:
    fields = [c.field for c in support.conditions]
    return any(f.startswith("person.") for f in fields), any(f in _FIRM_FIELDS for f in fields)


def is_person(profile: EnterpriseProfile) -> bool:
    """A person asking for themself (a graduate's start-up loan), not a firm: a person and no firm figures."""
    return profile.person is not None and not (profile.industry or profile.size or profile.name
                                               or profile.employees or profile.revenue)


def supports_for(profile: EnterpriseProfile, supports: Sequence[SupportView]) -> list[SupportView]:
    """The supports of a unit meant for this profile: a person's (conditions on the person only) for a person,
    the others for a firm; all of them when none is left.  One measure often offers both (个人贷款额度最高15万元
    for graduates; 小微企业…最高不超过300万元 for firms that hire them): a graduate is not judged on the firm's
    headcount, nor a firm on being a graduate."""
    person = is_person(profile)
    kept = [s for s in supports if _addresses(s) != (True, False)] if not person else \
        [s for s in supports if _addresses(s) == (True, False)]
    return kept or list(supports)


# ------------------------------------------------------------------------------------------------ graded awards

# A level of recognition, in the order a text grades awards by them (国家级、省级、市级 … 分别给予50万元、20万元)
_LEVELS = ("国家级", "省级", "市级", "区级", "县级")
# The words before the first of a list of things graded (对当年评为…, 对新认定的…, 首次列入…)
_LIST_LEAD = re.compile(r"^.*?(?:评为|认定为|认定的|列入|获评|获得|被评为|对|为)")


def graded_pick(unit_text: str, supports: Sequence[SupportView], profile: EnterpriseProfile,
                lang: str = "zh") -> tuple[Decimal, str] | None:
    """Of a graded award (对当年评为A、B、C的，分别给予100万元、30万元、20万元; 年销售收入首次突破1000万元、2000万元的，
    分别给予10万元、20万元), the sum paired with the thing the firm's words name (B → 30万元), or with the highest
    figure the firm's own sum reaches (2300万元 → the 2000万元 grade → 20万元), and that thing's words: (sum in 元,
    label).  The things and sums pair in order only when the text lists as many of each (or as many levels:
    国家级及省级…分别给予50万元、20万元); None when they do not, or the firm's words name none of them."""
    texts = list(dict.fromkeys(s.text for s in supports if s.amount is not None and "分别" in s.text))
    picks = [p for p in (_graded_pick(unit_text, t, profile) for t in texts) if p is not None]
    return picks[0] if picks else None


def _graded_pick(unit_text: str, support_text: str, profile: EnterpriseProfile) -> tuple[Decimal, str] | None:
    text = normalise_text(support_text)
    at = unit_text.find(support_text)
    if at < 0:
        return None
    sums = [to_yuan(v, u) for v, u in _SUMS_IN(text[text.find("分别"):])]
    sums = [v for v in sums if v is not None]
    if len(sums) < 2:
        return None
    sentence = re.split(r"[。；;]", unit_text[:at])[-1]
    things = re.split(r"[，,]", sentence.rstrip("，, 的"))
    listed = _LIST_LEAD.sub("", things[-1] if things else "")
    items = [re.sub(r"的$", "", re.sub(r"\s+", "", i)) for i in listed.split("、") if i.strip()]
    said = " ".join((profile.needs, *profile.plans))
    levels = [w for w in _LEVELS if w in sentence]
    if len(items) != len(sums) and len(levels) == len(sums):
        items = levels
    if len(items) != len(sums):
        return None
    figures = [money_in(i) for i in items]
    if all(len(f) == 1 for f in figures):  # grades by a figure: the highest one the firm's own sum reaches
        have = [v for v, cur, _ in money_in(said) if cur == "元"]
        if not have:
            return None
        reached = [(f[0][0], n) for n, f in enumerate(figures) if f[0][0] <= max(have)]
        if not reached:
            return None
        n = max(reached)[1]
        lead = re.sub(r"[0-9.]+(?:亿元|万元|元)$", "", items[0])  # 年销售收入首次突破1000万元 → 年销售收入首次突破
        return sums[n], items[n] if n == 0 or items[n].startswith(lead) else lead + items[n]
    named = [(len(i), n) for n, i in enumerate(items) if len(i) >= 2 and i in said]
    if not named:
        overlap = [(len(bigrams_of(i) & bigrams_of(said)), n) for n, i in enumerate(items)]
        best = max(overlap)
        if best[0] < 2 or [o for o, _ in overlap].count(best[0]) > 1:
            return None
        named = [best]
    n = max(named)[1]
    return sums[n], items[n]


def normalise_text(text: str) -> str:
    from ingest.conditions import close_unit_gaps
    from ingest.quantities import normalise_digits

    return close_unit_gaps(normalise_digits(text))


def _SUMS_IN(text: str) -> list[tuple[Decimal, str]]:
    return [(Decimal(m.group(1)), m.group(2)) for m in re.finditer(r"([0-9]+(?:\.[0-9]+)?)(亿元|万元|元)", text)]


def bigrams_of(text: str) -> set[str]:
    from .text_checks import bigrams

    return bigrams(text)


# A rate its own clause gives after a size group: 大型企业按…的30%返还，中小微企业按60%返还
_TIER_RATE = re.compile(r"[0-9]+(?:\.[0-9]+)?(?=[%％])")


def size_tiers(supports: Sequence[SupportView], profile: EnterpriseProfile) -> list[SupportView]:
    """Supports whose rate differs by size (大型企业按…的30%返还，中小微企业按60%返还) as the one tier the profile's
    size falls in: that tier's rate, with that tier's size condition only (the others are alternatives, not
    conditions a firm must meet at once).  A support whose sizes are not tiers, or a profile of no known size,
    is left as it is."""
    size = profile_size(profile)
    out = []
    for s in supports:
        sizes = [c for c in s.conditions if c.field == "size"]
        if size is None or s.rate is None or len(sizes) < 2:
            out.append(s)
            continue
        tiers = []
        for c in sizes:
            at = s.text.find(c.text)
            clause = re.split(r"[，,；;。]", s.text[at:])[0] if at >= 0 else ""
            rate = _TIER_RATE.search(clause)
            if rate:
                tiers.append((c, Decimal(rate.group())))
        mine = [(c, r) for c, r in tiers if size in c.values]
        if len(tiers) < 2 or len({r for _, r in tiers}) < 2 or not mine:
            out.append(s)
            continue
        chosen, rate = mine[0]
        others = [c for c in s.conditions if c.field != "size"]
        out.append(replace(s, rate=rate, conditions=others + [chosen]))
    return out


def size_alternatives(supports: Sequence[SupportView], profile: EnterpriseProfile) -> list[SupportView]:
    """Of supports that pay each firm size its own way, each in its own sentence (大型企业按…的30%返还，中小微企业按60%
    返还, read as two supports with one size each), the ones for the profile's size: the others are the other
    sizes' alternatives, neither a condition this firm fails nor a sum it gets.  Left as they are when the size is
    unknown, when fewer than two paying supports name a size, or when none names the firm's."""
    size = profile_size(profile)
    paying = [s for s in supports if s.kind not in ("threshold", "time-limit")]
    sized = [s for s in paying if any(c.field == "size" and c.values for c in s.conditions)]
    if size is None or len(sized) < 2:
        return list(supports)
    mine = {s.iri for s in sized if any(c.field == "size" and size in c.values for c in s.conditions)}
    if not mine or len(mine) == len(sized):
        return list(supports)
    return [s for s in supports if s not in sized or s.iri in mine]


def threshold_check(support: SupportView, profile: EnterpriseProfile, unit_text: str = "",
                    unit_start: int = 0) -> ConditionCheck | None:
    """A threshold support (实际到资在1000万美元以上) against the sum the needs state beside its words (USD 8
    million of registered capital): failed or met; None when the needs state no such sum.  A headcount
    threshold (新招用人数达到现有在职职工人数15%、超过100人的企业) needs the firm's employees: unknown without them."""
    if support.kind != "threshold" or support.amount is None or support.comparator not in ("≥", "≤"):
        return None
    if (support.unit or "") == "人" and profile.employees is None and not is_person(profile):
        cond = ConditionView("threshold", "employees", support.comparator, support.amount, None, [], "人",
                             support.text, support.start, support.end)
        return _check("unknown", cond, f"请填写{field_prompt('employees', 'zh')}")
    unit = support.unit or ""
    if unit in QUANTITY_UNITS:  # 面积2000平方米以上的海外仓 against the 2,500 square metres the needs state
        have = quantity_in(" ".join(profile.needs.split()), unit)
        if have is None:
            return None
        ok = _compare(have, support.comparator, support.amount)
        cond = ConditionView("threshold", "needs", support.comparator, support.amount, None, [], unit, support.text,
                             support.start, support.end)
        return _check("met" if ok else "failed", cond, f"{format_yuan(have)} {unit}")
    usd = "美元" in unit
    bound = to_yuan(support.amount, unit.replace("美元", "元")) if unit.endswith("元") else None
    if bound is None:
        return None
    noun = _THRESHOLD_NOUN.search(support.text)
    base = noun.group(1) if noun else ""
    probe = SupportView(support.iri, support.unit_iri, support.unit_path, "subsidy", None, None, "", None, base,
                        None, "", "", "", 0, 0)
    found = _base_from_needs(probe, " ".join(profile.needs.split()), "USD" if usd else "元")
    after = _NOUN_AFTER.match(unit_text[support.end - unit_start:]) if unit_text and support.end >= unit_start else None
    if found is None and after:  # 应有5万元以上资金: the noun follows the figure
        probe = replace(probe, rate_base=after.group(1))
        found = _base_from_needs(probe, " ".join(profile.needs.split()), "USD" if usd else "元")
    if found is None:  # 累计采购…配套产品5000万元以上: the verb of the sum names it (采购 against 采购了3000万元)
        verbs = [w for group in vocabulary().get("base_synonyms", {}).values() for w in group
                 if len(w) >= 2 and not w.isascii() and w in support.text]
        for word in dict.fromkeys(verbs):
            found = _base_from_needs(replace(probe, rate_base=word), " ".join(profile.needs.split()),
                                     "USD" if usd else "元")
            if found is not None:
                break
    if found is None:
        return None
    value = found[0]
    ok = _compare(value, support.comparator, bound)
    if not ok and unit_text and support.end >= unit_start:  # one of two paths (…1000万元以上的项目，或实施智能化…的项目)
        rest = re.split(r"[。；;\n]", unit_text[support.end - unit_start:], maxsplit=1)[0]
        if re.search(r"[，,]\s*(?:或|或者|或是)|或者", rest):  # not reached on this path; the other one is to check
            cond = ConditionView("threshold", "needs", support.comparator, bound, None, [], "元", support.text,
                                 support.start, support.end)
            return _check("unknown", cond, f"{format_yuan(value)} {'USD' if usd else '元'}（未达到；或符合另一条件）")
    noun = after.group(1) if after and probe.rate_base == after.group(1) else ""  # named with its noun: …以上资金
    cond = ConditionView("threshold", "needs", support.comparator, bound, None, [], "元", support.text + noun,
                         support.start, support.end + len(noun))
    return _check("met" if ok else "failed", cond, f"{format_yuan(value)} {'USD' if usd else '元'}")
