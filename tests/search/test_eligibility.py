"""The calculator's arithmetic (search.eligibility): each condition met, failed or unknown; verdicts; amounts with
their formulas."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from kg.views import ConditionView, EnterpriseProfile, PersonProfile, SupportView
from search.eligibility import (
    ages_in,
    amount_of,
    check_condition,
    count_in,
    gb_section,
    money_in,
    statuses_in,
    verdict_of,
)

TODAY = date(2026, 12, 7)


def cond(field, comparator, value=None, values=(), unit="", value_max=None, kind="threshold", text="条件"):
    return ConditionView(kind, field, comparator, D(value) if value is not None else None,
                         D(value_max) if value_max is not None else None, list(values), unit, text, 0, len(text))


def support(**kw):
    base = {"iri": "s", "unit_iri": "u", "unit_path": "一", "kind": "subsidy", "amount": None, "amount_max": None, "unit": "",
                "rate": None, "rate_base": "", "cap": None, "comparator": "", "condition": "", "text": "", "start": 0, "end": 0}
    base.update(kw)
    return SupportView(**base)


@pytest.mark.parametrize("condition, profile, expected", [
    (cond("years_insured", "≥", 1, unit="年"), EnterpriseProfile(years_insured=D(3)), "met"),
    (cond("years_insured", "≥", 1, unit="年"), EnterpriseProfile(years_insured=D("0.5")), "failed"),
    (cond("years_insured", "≥", 1, unit="年"), EnterpriseProfile(), "unknown"),
    (cond("years_insured", "≥", 3, unit="个月"), EnterpriseProfile(years_insured=D("0.5")), "met"),
    (cond("revenue", "≤", 4, unit="亿元"), EnterpriseProfile(revenue=D(8000)), "met"),
    (cond("revenue", "≥", 2000, unit="万元"), EnterpriseProfile(revenue=D(1500)), "failed"),
    (cond("employees", "≤", 1000, unit="人"), EnterpriseProfile(employees=320), "met"),
    (cond("founded", "≥", 3, unit="年"), EnterpriseProfile(founded=2024), "failed"),
    (cond("founded", "≥", 3, unit="年"), EnterpriseProfile(founded=2012), "met"),
    (cond("founded", "≥", 3, unit="年"), EnterpriseProfile(), "unknown"),
    (cond("size", "in", values=["small", "medium"], kind="who"), EnterpriseProfile(size="中小企业"), "met"),
    (cond("size", "in", values=["small"], kind="who"), EnterpriseProfile(size="large"), "failed"),
    (cond("person.age", "between", 16, value_max=24, unit="岁", kind="person"),
     EnterpriseProfile(person=PersonProfile(25, "失业青年")), "failed"),
    (cond("person.age", "between", 16, value_max=24, unit="岁", kind="person"),
     EnterpriseProfile(needs="We are taking on 10 young people aged 19 to 23"), "met"),
    (cond("person.status", "in", values=["graduate"], kind="person"),
     EnterpriseProfile(person=PersonProfile(22, "应届高校毕业生")), "met"),
    (cond("industry_code", "in", values=["C"], kind="sector"), EnterpriseProfile(industry_code="C34"), "met"),
    (cond("industry_code", "in", values=["C"], kind="sector"), EnterpriseProfile(industry_code="5912"), "failed"),
    (cond("place", "in", values=["自贸", "自由贸易"], kind="place"), EnterpriseProfile(place="上海自贸试验区临港"), "met"),
    (cond("district", "in", values=["浑南区"], kind="place"), EnterpriseProfile(place="沈阳市和平区"), "failed"),
    (cond("needs", "in", values=["专精特新"], kind="who"),
     EnterpriseProfile(needs="We are a provincially recognised specialised-and-innovative SME."), "met"),
])
def test_a_condition_is_met_failed_or_unknown(condition, profile, expected):
    assert check_condition(condition, profile, TODAY).status == expected


def test_a_verdict_names_the_failing_condition_or_the_field_to_fill_in_and_the_expiry():
    founded = cond("founded", "≥", 3, unit="年", text="成立满3年")
    staff = cond("employees", "≤", 1000, unit="人", text="从业人员在1000人以下")
    failed = verdict_of([founded, staff], EnterpriseProfile(founded=2024, employees=40), TODAY,
                        date(2025, 6, 30), "有效期三年")
    assert (failed.status, [c.text for c in failed.failing], failed.expired_on) == ("not_eligible", ["成立满3年"],
                                                                                    date(2025, 6, 30))
    unknown = verdict_of([founded, staff], EnterpriseProfile(employees=40), date(2024, 1, 1), date(2025, 6, 30))
    assert (unknown.status, unknown.missing, unknown.expired_on) == ("unknown", ["founded"], None)
    assert verdict_of([staff], EnterpriseProfile(employees=40), TODAY).status == "eligible"


def test_person_statuses_are_alternatives():
    graduate = cond("person.status", "in", values=["graduate"], kind="person")
    unemployed = cond("person.status", "in", values=["unemployed"], kind="person")
    result = verdict_of([unemployed, graduate], EnterpriseProfile(person=PersonProfile(22, "高校毕业生")), TODAY)
    assert result.status == "eligible"


def test_a_rate_of_the_premiums_the_profile_gives():
    s = support(kind="other", rate=D(50), text="返还标准为该企业及其职工上年度实际缴纳失业保险费总额的50%")
    a = amount_of(s, EnterpriseProfile(unemployment_premiums_last_year=D(80000)))
    assert (a.value, a.kind, a.base_field, a.formula) == (D(40000), "rate", "unemployment_premiums_last_year",
                                                         "50% × 80,000 元 = 40,000 元")


def test_a_rate_of_a_sum_the_needs_state_capped():
    s = support(rate=D(70), rate_base="实际支付展位费", cap=D(5), unit="万元",
                text="按照实际支付展位费的70%给予补助，每户企业单个展会补助最高5万元")
    a = amount_of(s, EnterpriseProfile(needs="下个月要去德国参加户外用品展，摊位费8万块，省里能报销多少"))
    assert (a.value, a.kind, a.base_value) == (D(50000), "cap", D(80000))
    assert a.formula.startswith("70% × 80,000 元 = 56,000 元")
    below = amount_of(s, EnterpriseProfile(needs="摊位费5万元"))
    assert (below.value, below.kind) == (D(35000), "rate")


def test_a_rate_without_its_base_names_what_to_give():
    s = support(rate=D(8), rate_base="设备投资额", cap=D(300), unit="万元")
    a = amount_of(s, EnterpriseProfile(needs="想换一批设备"))
    assert a.value is None and a.base_field == "needs" and "8% × 设备投资额" in a.formula


def test_a_sum_per_person_times_the_people_the_needs_name():
    s = support(amount=D(1000), unit="元", text="标准为每招用1人补贴1000元")
    a = amount_of(s, EnterpriseProfile(needs="We are taking on 10 young people aged 19 to 23"))
    assert (a.value, a.formula) == (D(10000), "1,000 元 × 10 人 = 10,000 元")
    assert amount_of(support(amount=D(2), unit="万元", text="给予一次性奖励2万元"), EnterpriseProfile()).value == D(20000)


@pytest.mark.parametrize("text, expected", [
    ("摊位费8万块", [(D(80000), "元")]), ("研发花得比前年多了1500万", [(D(15000000), "元")]),
    ("spend 20 million yuan on equipment", [(D(20000000), "元")]), ("USD 8 million of capital", [(D(8000000), "USD")]),
])
def test_money_in_needs(text, expected):
    assert [(v, u) for v, u, _ in money_in(text)] == expected


def test_counts_ages_statuses_and_sections():
    assert count_in("家里两个娃") == 2 and count_in("招了10个人") == 10
    assert ages_in("今年25岁") == (25, 25) and ages_in("aged 19 to 23") == (19, 23)
    assert statuses_in("registered as unemployed") >= {"unemployed"}
    assert (gb_section("C34"), gb_section("3670"), gb_section("6510")) == ("C", "C", "I")


def test_a_prohibition_fails_only_when_the_needs_want_the_prohibited_thing():
    from search.eligibility import prohibitions

    text = "城镇小区配套幼儿园必须按照规划要求设置，不得办成营利性幼儿园。"
    wants = EnterpriseProfile(needs="我们想租下来办一家高端收费的营利性幼儿园，可以吗？")
    assert [c.text for c in prohibitions(text, wants)] == ["不得办成营利性幼儿园"]
    assert prohibitions(text, EnterpriseProfile(needs="想办一所普惠性幼儿园")) == []


def test_a_refusal_fails_only_the_firm_whose_words_describe_the_refused_thing():
    from search.eligibility import refusals

    text = ("对已列入振兴规划的汽车、船舶、机床项目给予支持，对其中符合国债专项重点等条件的，可列入国债专项予以支持。"
            "水泥项目不属于振兴产业的范围，不宜安排国债资金支持。")
    cement = EnterpriseProfile(industry="新型干法水泥生产", needs="我们建水泥生产线，项目已列入振兴规划，能申请国债资金吗？")
    [check] = refusals(text, cement, 100)
    assert (check.status, check.text) == ("failed", "水泥项目不属于振兴产业的范围")
    assert text[check.start - 100:check.end - 100] == check.text
    assert refusals(text, EnterpriseProfile(needs="我们的数控机床项目已列入振兴规划，国家会支持吗？")) == []
    reply = "因此，企业主辅分离改制分流不存在补助问题。"
    asks = EnterpriseProfile(needs="我们在搞主辅分离、辅业改制分流，国家能给补助吗？")
    assert [c.text for c in refusals(reply, asks)] == ["企业主辅分离改制分流不存在补助问题"]


def test_a_threshold_against_the_sum_the_needs_state_beside_its_words():
    from search.eligibility import threshold_check

    usd = support(kind="threshold", amount=D(1000), unit="万美元", comparator="≥",
                  text="新设外商投资企业单个项目当年实际到资在1000万美元以上的")
    failed = threshold_check(usd, EnterpriseProfile(needs="Our new plant received USD 8 million of registered capital"))
    assert failed is not None and failed.status == "failed"
    assert threshold_check(usd, EnterpriseProfile(needs="实际到资1500万美元")).status == "met"
    other = support(kind="threshold", amount=D(1), unit="亿元", comparator="≥", text="年度跨境电商进出口额首次突破1亿元的企业")
    assert threshold_check(other, EnterpriseProfile(needs="摊位费8万块，省里能报销多少")) is None  # no such sum


def test_a_threshold_whose_noun_follows_the_figure():
    from search.eligibility import threshold_check

    unit = "申请的协会应有3万元以上资金，并有固定住所。"
    funds = support(kind="threshold", amount=D(3), unit="万元", comparator="≥", text="应有3万元以上", start=105, end=112)
    failed = threshold_check(funds, EnterpriseProfile(needs="协会账上只有两万块钱，能申请吗"), unit, 100)
    assert failed is not None and (failed.status, failed.text) == ("failed", "应有3万元以上资金")
    assert threshold_check(funds, EnterpriseProfile(needs="账上有五万块"), unit, 100).status == "met"
    assert threshold_check(funds, EnterpriseProfile(needs="账上有五万块")) is None  # no unit text: no noun to go by


def test_what_lies_above_a_floor_within_a_limit():
    """超过15000元的部分…在80000元限额内据实扣除 with 5万 paid out of pocket: 35,000 元, not the limit."""
    from search.eligibility import excess_amount

    floor = support(kind="threshold", amount=D(15000), unit="元", comparator="≥", start=10, end=40,
                    text="扣除医保报销后个人负担（指医保目录范围内的自付部分）累计超过15000元的部分")
    limit = support(iri="t", kind="tax", cap=D(80000), unit="元", start=50, end=62, text="在80000元限额内据实扣除")
    paid = excess_amount([floor, limit], EnterpriseProfile(needs="医保报完以后自己还掏了5万块"))
    assert (paid.value, paid.base_value, paid.cap) == (D(35000), D(50000), D(80000))
    assert paid.formula == "50,000 元 − 15,000 元 = 35,000 元（限额 80,000 元 内）"
    assert excess_amount([floor, limit], EnterpriseProfile(needs="自己还掏了12万")).value == D(80000)
    unknown = excess_amount([floor, limit], EnterpriseProfile(needs="能扣多少"))
    assert unknown.value is None and unknown.base_field == "needs"
    assert excess_amount([limit], EnterpriseProfile(needs="自己还掏了5万块")) is None


def test_a_person_is_judged_on_the_persons_support_and_a_firm_on_the_firms():
    from search.eligibility import supports_for

    graduate = cond("person.status", "in", values=["graduate"], kind="person")
    small = cond("size", "in", values=["small"], kind="who")
    personal = support(iri="p", cap=D(15), unit="万元", conditions=[graduate])
    firms = support(iri="f", cap=D(300), unit="万元", conditions=[graduate, small])
    person = EnterpriseProfile(person=PersonProfile(22, "高校毕业生"), place="绍兴市上虞区")
    firm = EnterpriseProfile(industry="数码印花", size="small")
    assert [s.iri for s in supports_for(person, [personal, firms])] == ["p"]
    assert [s.iri for s in supports_for(firm, [personal, firms])] == ["f"]
    assert [s.iri for s in supports_for(firm, [personal])] == ["p"]  # nothing else: all of them


def test_a_headcount_threshold_asks_a_firm_for_its_employees():
    from search.eligibility import threshold_check

    hires = support(kind="threshold", amount=D(100), unit="人", comparator="≥",
                    text="小微企业当年新招用上述人员人数达到企业现有在职职工人数15%、超过100人的企业达到8%")
    assert threshold_check(hires, EnterpriseProfile(industry="数码印花")).field == "employees"
    assert threshold_check(hires, EnterpriseProfile(industry="数码印花")).status == "unknown"
    assert threshold_check(hires, EnterpriseProfile(person=PersonProfile(22, "高校毕业生"))) is None


@pytest.mark.parametrize("text, years", [
    ("在一家汽车零部件厂干了两年工艺工程师", D(2)), ("有5年相关工作经验", D(5)),
    ("I worked two years as an engineer", D(2)), ("签了3年合同", None), ("公司成立3年了", None),
])
def test_years_of_work_the_needs_state(text, years):
    from search.eligibility import years_of_work

    assert years_of_work(text) == years


def test_a_length_of_experience_is_a_condition_checked_against_the_needs():
    from ingest.conditions import conditions_of

    [found] = conditions_of("教师原则上从具有3年以上企业工作经历并具有高职以上学历的人员中公开招聘。")
    assert (found.field, found.comparator, found.value, found.text) == ("experience", "≥", D(3), "3年以上企业工作经历")
    need = cond("experience", "≥", 3, unit="年", text=found.text)
    assert check_condition(need, EnterpriseProfile(needs="在零部件厂干了两年工艺工程师"), TODAY).status == "failed"
    assert check_condition(need, EnterpriseProfile(needs="做了五年机修"), TODAY).status == "met"
    assert check_condition(need, EnterpriseProfile(needs="想去当老师"), TODAY).status == "unknown"


def test_a_group_of_majors_is_a_condition_checked_against_the_major_the_needs_name():
    from ingest.conditions import conditions_of

    [found] = conditions_of("具有高等院校理工科专业专科以上学历的中国公民可以参加全国专利代理师资格考试。")
    assert (found.field, found.values, found.text) == ("discipline", ("science-engineering",), "理工科专业")
    need = cond("discipline", "in", values=["science-engineering"], kind="who", text=found.text)
    assert check_condition(need, EnterpriseProfile(needs="我是法学本科，想考专利代理师"), TODAY).status == "failed"
    assert check_condition(need, EnterpriseProfile(needs="我本科机械专业毕业"), TODAY).status == "met"
    assert check_condition(need, EnterpriseProfile(needs="想考专利代理师"), TODAY).status == "unknown"


def test_a_monthly_cap_keeps_its_month():
    monthly = support(kind="tax", cap=D(1000), unit="元", text="每人分摊的额度不能超过每月1000元")
    amount = amount_of(monthly, EnterpriseProfile())
    assert (amount.value, amount.unit, amount.kind, amount.formula) == (D(1000), "元/月", "cap", "最高 1,000 元/月")


def test_an_excluded_thing_the_firm_wants_fails_the_grant():
    from search.eligibility import exclusions

    text = "对本区内门诊因急需购入少量器械（不含植入类器械）的申请，由市人民政府审批。"
    asks = EnterpriseProfile(needs="我们想给病人购入几套植入类器械，能在本地批吗？")
    failed = exclusions(text, asks)
    assert [c.status for c in failed] == ["failed"] and "植入类器械" in failed[0].text
    assert exclusions(text, EnterpriseProfile(needs="想购入几台监护器械")) == []
    # an English profile: the Chinese words it stands for carry the excluded thing
    english = EnterpriseProfile(needs="We want to buy a few implants for our patients")
    assert exclusions(text, english, terms=["植入类器械"]) and not exclusions(text, english)


def test_a_requirement_the_firm_says_it_has_not_met_fails():
    from search.eligibility import unmet_requirements

    text = "申报条件。申报企业原则上以取得质量体系认证为前提，并具备稳定的供货能力。"
    pending = EnterpriseProfile(needs="我们的质量体系认证还在做，年底才能完成，现在能申报吗？")
    failed = unmet_requirements(text, pending)
    assert len(failed) == 1 and failed[0].status == "failed" and "质量体系认证" in failed[0].text
    assert unmet_requirements(text, EnterpriseProfile(needs="我们去年已经拿到质量体系认证，能申报吗")) == []
    # a negation about something else names no requirement
    assert unmet_requirements(text, EnterpriseProfile(needs="质量体系认证有了，但还没有厂房")) == []


def test_a_relatives_age_is_judged_on_the_age_the_words_give_that_relative():
    from search.eligibility import relative_age_checks
    from search.needs_text import relative_ages

    assert relative_ages("我爸今年63岁，一直跟我们住") == {"父母": 63}
    assert relative_ages("my grandmother just turned 79") == {"祖父母": 79}
    assert relative_ages("我今年45岁") == {}  # the asker's own age is no relative's
    text = "本规定所称被扶养人是指年满65岁的父母。"
    young = relative_age_checks(text, EnterpriseProfile(needs="我父亲62岁了，每月给他生活费，能扣吗？"))
    assert [(c.status, c.field) for c in young] == [("failed", "relative.age")]
    old = relative_age_checks(text, EnterpriseProfile(needs="我父亲70岁了"))
    assert [c.status for c in old] == ["met"]
    assert relative_age_checks(text, EnterpriseProfile(needs="我今年70岁")) == []


def test_a_base_naming_a_synonym_of_investment_reads_the_sum_the_needs_state():
    warehouse = support(kind="reward", rate=D(20), rate_base="海外仓建设或者租赁投入", cap=D(200), unit="万元",
                        text="按照海外仓建设或者租赁投入的20%给予奖励，单个海外仓最高200万元")
    got = amount_of(warehouse, EnterpriseProfile(needs="去年租了2500平方米的海外仓，投入了300万元"))
    assert (got.value, got.kind, got.base_field) == (D(600000), "rate", "needs")


def test_the_amount_of_the_item_the_profile_asks_about_comes_first():
    from search.match import _amounts

    award = support(iri="e", kind="reward", amount=D(50), unit="万元", condition="年度跨境电商进出口额首次突破1亿元的企业",
                    text="给予一次性奖励50万元")
    warehouse = support(iri="w", kind="reward", rate=D(20), rate_base="海外仓建设或者租赁投入", cap=D(200), unit="万元",
                        condition="年度服务省内企业50家以上的", text="按照海外仓建设或者租赁投入的20%给予奖励，单个海外仓最高200万元")
    asks = EnterpriseProfile(needs="我们租了海外仓，能拿多少奖励？")
    assert [a.support_iri for a in _amounts([award, warehouse], asks, "zh", asks.needs)] == ["w", "e"]
    assert [a.support_iri for a in _amounts([award, warehouse], asks, "zh")] == ["e", "w"]  # else: a value first


def test_a_threshold_in_square_metres_or_firms_against_the_figure_the_needs_state():
    from search.eligibility import threshold_check

    area = support(kind="threshold", amount=D(2000), unit="平方米", comparator="≥",
                   text="省内注册的企业在境外自建或者租赁面积2000平方米以上的海外仓")
    served = support(kind="threshold", amount=D(50), unit="家", comparator="≥", text="年度服务省内企业50家以上的")
    small = EnterpriseProfile(needs="去年在波兰租了1500平方米的海外仓，服务了60家省内企业")
    assert (threshold_check(area, small).status, threshold_check(served, small).status) == ("failed", "met")
    big = EnterpriseProfile(needs="We rented a 2,500 square metre warehouse that served 60 Jiangxi firms.")
    assert (threshold_check(area, big).status, threshold_check(served, big).status) == ("met", "met")
    assert threshold_check(area, EnterpriseProfile(needs="我家里有个仓库")) is None  # no figure: no check


def test_a_premium_the_needs_state_is_the_base_when_the_support_names_it_without_a_preposition():
    """返还标准为…上年度实际缴纳失业保险费总额的50% states no 按…的 base: the vocabulary's label for it (上年度缴纳的
    失业保险费) is looked for in the needs, by its head noun (失业保险费), when the profile field is empty."""
    refund = support(kind="other", rate=D(50), rate_base="", text="返还标准为该企业及其职工上年度实际缴纳失业保险费总额的50%")
    got = amount_of(refund, EnterpriseProfile(needs="我们厂去年交了12万的失业保险费，稳岗返还能退多少？"))
    assert (got.value, got.base_field) == (D(60000), "needs")
    assert amount_of(refund, EnterpriseProfile(needs="稳岗返还能退多少？")).value is None


def test_a_minimum_wage_standard_is_no_wage_bill_and_an_english_premium_is_a_premium():
    trainee = support(kind="subsidy", rate=D(60), rate_base="当地最低月工资标准", text="按照当地最低月工资标准的60%给予见习补贴")
    got = amount_of(trainee, EnterpriseProfile(wage_bill_last_year=D(2000000), needs="去年发的工资总共200万"))
    assert got.value is None and "最低月工资标准" in got.formula  # not 60% of the firm's wage bill
    refund = support(kind="other", rate=D(50), rate_base="", text="返还标准为上年度实际缴纳失业保险费总额的50%")
    paid = EnterpriseProfile(needs="We paid 80,000 yuan in unemployment insurance premiums last year.")
    assert amount_of(refund, paid, "en").value == D(40000)


def test_a_raised_rate_names_its_base_after_the_verb():
    raised = support(kind="subsidy", rate=D(70), rate_base="", text="见习补贴标准提高到当地最低月工资标准的70%")
    assert amount_of(raised, EnterpriseProfile()).formula == "70% × 当地最低月工资标准"
