"""The base a firm spends in its own words (花了, spent), and a thing it leaves out of its sum itself (没算厂房)."""

from decimal import Decimal

from kg.views import EnterpriseProfile
from search.eligibility import _sum_beside
from search.text_checks import exclusions

RULE = "软硬件及服务投入（不含土地、厂房）达到500万元以上的，按照实际投入额的15%给予补助"


def test_spent_in_plain_words_is_the_base_of_an_investment_rate():
    needs = "我们上了一套产线改造，设备和软件一共花了3200万元，还没申请过补助。"
    assert _sum_beside("实际投入额", needs) == (Decimal("32000000"), "花了")


def test_spent_in_english_is_the_base_too():
    needs = "Last year we spent 4 million yuan on new machines for the plant."
    got = _sum_beside("设备投资额", needs)
    assert got is not None and got[0] == Decimal("4000000")


def test_a_thing_the_firm_leaves_out_itself_fails_nothing():
    profile = EnterpriseProfile(needs="软件和系统集成一共花了2000万元，没算厂房和地。")
    assert exclusions(RULE, profile) == []


def test_a_thing_the_firm_counts_in_still_fails_the_exclusion():
    profile = EnterpriseProfile(needs="新建厂房加设备一共花了2000万元。")
    checks = exclusions(RULE, profile)
    assert [c.status for c in checks] == ["failed"]
    assert "厂房" in checks[0].detail


def test_a_negation_before_another_word_does_not_hide_the_thing():
    profile = EnterpriseProfile(needs="不含税的价格是2000万元，包括新建厂房。")
    assert [c.status for c in exclusions(RULE, profile)] == ["failed"]


def test_a_bill_that_came_to_a_sum_is_the_base_in_english():
    needs = "Software, sensors and the fitter's fees came to 1.2 million yuan in total last spring."
    got = _sum_beside("软硬件及服务投入", needs)
    assert got is not None and got[0] == Decimal("1200000")


def test_a_sum_far_from_any_spending_word_is_no_base():
    needs = "We have 40 staff. Our bank balance is 3 million yuan and we want to go digital next year."
    assert _sum_beside("软硬件及服务投入", needs) is None
