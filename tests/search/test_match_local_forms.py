"""Forms local support texts use, read by the calculator: a rate per size written as two sentences (大型企业按…30%返还，
中小微企业按60%返还), a subsidy that is a share of an interest rate (not of the loan), and the base a rate names when
the firm states two sums (总投资 and 设备购置额).  Texts written for these tests."""

from __future__ import annotations

from decimal import Decimal as D

from kg.views import EnterpriseProfile, SupportView
from search.eligibility import amount_of, size_alternatives


def support(**kw):
    base = {"iri": "s", "unit_iri": "u", "unit_path": "一", "kind": "subsidy", "amount": None, "amount_max": None,
            "unit": "", "rate": None, "rate_base": "", "cap": None, "comparator": "", "condition": "", "text": "",
            "start": 0, "end": 0}
    base.update(kw)
    return SupportView(**base)


def sized(iri, rate, values, words):
    from kg.views import ConditionView

    cond = ConditionView("size", "size", "in", None, None, list(values), "", words, 0, 0)
    return support(iri=iri, rate=D(rate), text=f"{words}按{rate}%返还", conditions=[cond])


def test_a_rate_per_size_in_two_sentences_keeps_the_firms_own_size():
    large, smaller = sized("a", 30, ["large"], "大型企业"), sized("b", 60, ["small", "medium"], "中小微企业")
    floor = support(iri="t", kind="threshold", amount=D(12), unit="个月", text="缴费12个月以上")
    medium = EnterpriseProfile(name="x", size="medium")
    assert size_alternatives([floor, large, smaller], medium) == [floor, smaller]
    assert size_alternatives([floor, large, smaller], EnterpriseProfile(name="x", size="large")) == [floor, large]
    assert size_alternatives([floor, large, smaller], EnterpriseProfile(name="x")) == [floor, large, smaller]


def test_a_share_of_an_interest_rate_is_never_worked_on_the_loan_alone():
    aid = support(kind="subsidy", rate=D(50), unit="万元", cap=D(200),
                  text="对技术改造项目贷款，按照同期贷款市场报价利率的50%给予贴息，每年最高200万元")
    open_ = amount_of(aid, EnterpriseProfile(name="x", needs="技改贷款1000万元，能贴多少？"))
    assert open_.value is None and "利率" in open_.formula and open_.base_field == "needs"
    worked = amount_of(aid, EnterpriseProfile(name="x", needs="技改贷款1000万元，贷款利率3.5%，能贴多少？"))
    assert worked.value == D(175000)  # 10,000,000 × 3.5% × 50%


def test_of_two_sums_the_base_is_the_one_beside_the_bases_own_words():
    aid = support(rate=D(10), rate_base="项目设备购置额", text="按照项目设备购置额的10%给予补助")
    got = amount_of(aid, EnterpriseProfile(name="x", needs="项目总投资6000万元，其中设备购置额2000万元"))
    assert got.value == D(2000000) and got.base_value == D(20000000)


def test_a_sum_per_square_metre_written_before_the_sum_is_worked_on_the_firms_area():
    aid = support(amount=D(800), unit="元", text="经认定的标准化厂房每平方米补助800元")
    got = amount_of(aid, EnterpriseProfile(name="x", needs="我们新建了一栋2500平米的标准厂房"))
    assert (got.value, got.base_value) == (D(2000000), D(2500)) and "800 元/平方米 × 2,500 平方米" in got.formula
    assert amount_of(aid, EnterpriseProfile(name="x", needs="厂房能补多少？")).value is None
    plain = amount_of(support(amount=D(800), unit="元", text="一次性补助800元"), EnterpriseProfile(name="x", needs="2500平米"))
    assert plain.value == D(800)  # a sum per nothing stays the sum


def test_a_sum_per_item_is_worked_on_the_items_the_firm_counts_up_to_the_firms_cap():
    aid = support(amount=D(3000), unit="元", cap=D(6), text="每获得1件实用新型专利授权奖励3000元，每家企业每年最高6万元")
    got = amount_of(aid, EnterpriseProfile(name="x", needs="去年拿到了8件实用新型专利"))
    assert (got.value, got.base_value, got.kind) == (D(24000), D(8), "fixed")
    capped = amount_of(aid, EnterpriseProfile(name="x", needs="去年拿到了25件实用新型专利"))
    assert (capped.value, capped.kind) == (D(60000), "cap")
    assert amount_of(aid, EnterpriseProfile(name="x", needs="专利能奖多少")).value is None
    graded = support(amount=D(100), unit="万元", text="分别给予每项标准一次性奖补100万元、50万元")
    assert "×" not in amount_of(graded, EnterpriseProfile(name="x", needs="主导制定了2项标准")).formula  # graded


def test_an_english_asker_gives_the_loan_and_the_rate_in_words_and_the_share_is_a_years_interest():
    aid = support(kind="loan-interest", rate=D(40), unit="万元", cap=D(500),
                  text="其3年期以上贷款，按照同期银行贷款基准利率的40%给予贴息，贴息总额最高500万元")
    got = amount_of(aid, EnterpriseProfile(name="x", needs="Our upgrade loan is 5 million yuan at 4% interest."), "en")
    assert got.value == D(80000) and "(a year)" in got.formula  # 5,000,000 × 4% × 40%
