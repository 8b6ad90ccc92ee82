"""Round 8: the base of a rate, as data.  A reward on a sum's growth (研发费用增量部分) is worked on the growth the
asker's figures give, not on one year's sum; a rate raised for a share one sum makes of another (研发费用占营业收入比重
达到5%以上) is decided by the asker's own figures.  Sentences and profiles written for these tests."""

from __future__ import annotations

from decimal import Decimal as D

from kg.views import Amount, EnterpriseProfile
from search.eligibility import _sum_beside
from search.types import SupportView


def test_the_growth_of_two_years_sums_is_the_base_of_a_reward_on_the_increase():
    needs = "去年营收2亿元。研发方面，前年研发开支800万元，去年涨到1100万元，能奖多少？"
    assert _sum_beside("研发费用增量部分", needs) == (D(3000000), "研发")


def test_a_growth_the_asker_states_itself_is_the_base():
    got = _sum_beside("研发费用增量部分", "今年研发比去年多了450万元，按增量能奖多少？")
    assert got is not None and got[0] == D(4500000)


def test_a_base_that_is_no_growth_still_reads_the_sum_beside_its_words():
    needs = "前年研发开支800万元，去年涨到1100万元。"
    assert _sum_beside("研发费用", needs)[0] == D(8000000)


def test_a_sum_that_fell_gives_no_growth():
    needs = "前年研发开支1100万元，去年只有800万元。"
    assert _sum_beside("研发费用增量部分", needs)[0] != D(-3000000)


RAISED = ("年度研发费用较上年增长20%以上的，按照研发费用增量部分的10%给予奖励，单家企业每年最高不超过200万元；"
          "研发费用占营业收入比重达到5%以上的，奖励比例提高到15%。")


def _raised(needs):
    from search.match import _raised_rates

    fifteen = SupportView("s15", "u", "第八条", "reward", None, None, "%", D(15), "", None, "", "", "奖励比例提高到15%", 0, 0)
    base = Amount(D(300000), "元", "rate", "10% × 3,000,000 元 = 300,000 元", D(10), "研发费用增量部分", "needs",
                  D(3000000), D(2000000), "s10", "按照研发费用增量部分的10%给予奖励")
    return _raised_rates([base], [fifteen], EnterpriseProfile(name="某电子厂", needs=needs), "zh", needs, RAISED)


def test_a_share_the_askers_figures_reach_takes_the_raised_rate():
    got = _raised("营收1亿元，研发费用600万元，比上年增加了300万元，能奖多少？")
    assert got[0].rate == D(15) and got[0].value == D(450000)


def test_a_share_the_askers_figures_miss_keeps_the_plain_rate():
    got = _raised("营收2亿元，研发费用600万元，比上年增加了300万元，能奖多少？")
    assert [a.value for a in got] == [D(300000)]


# ------------------------------------------------------------------ one child named as a son or a daughter

def test_a_parent_naming_one_son_has_one_child_for_a_per_child_deduction():
    from search.needs_text import count_in

    per_child = "按照每个子女每月1000元的标准定额扣除"
    assert count_in("我在成都上班，女儿今年读初二，想知道能扣多少。", about=per_child) == D(1)
    assert count_in("Our son starts university in the autumn.", about=per_child) == D(1)


def test_several_children_or_a_per_worker_support_are_not_one_child():
    from search.needs_text import count_in

    per_child = "按照每个子女每月1000元的标准定额扣除"
    assert count_in("大儿子读高中，小女儿上小学。", about=per_child) is None
    assert count_in("My sons are both at school.", about=per_child) is None
    assert count_in("我儿子也在厂里帮忙。", about="按每人500元给予企业补贴") is None
