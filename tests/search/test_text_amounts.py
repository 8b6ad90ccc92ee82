"""Amounts a unit's words state as a standard per head or a share of a named sum, where no support was read from
them: the heads or the sum come from the asker's needs; without them the amount names what to fill in."""

from __future__ import annotations

from decimal import Decimal as D

from kg.views import EnterpriseProfile, HitContext, SupportView
from search.text_amounts import text_amounts
from search.types import IndexUnit


def _unit(text, supports=()):
    return IndexUnit("u1", "item", "d", "D", "二（三）", "", text, text, 0, len(text), HitContext(supports=list(supports)))


PER_HEAD = _unit("完善投入机制。中等职业学校生均公用经费标准不低于2500元，逐步提高。")
PREPAY = _unit("及时结算货款。财政资金按照不低于合同金额的20%预先拨付给承建单位。")


def test_a_per_head_standard_times_the_heads_the_needs_give():
    got = text_amounts(PER_HEAD, [], EnterpriseProfile(needs="我们学校有在校生1500人，每年按人头最少能拿多少经费？"))
    assert [(a.value, a.kind, a.base_value) for a in got] == [(D(3750000), "fixed", D(1500))]
    assert got[0].formula == "2,500 元/人 × 1,500 人 = 3,750,000 元"
    assert "生均公用经费标准不低于2500元" in got[0].text


def test_without_a_count_the_amount_asks_for_it():
    got = text_amounts(PER_HEAD, [], EnterpriseProfile(needs="按学生拨的经费标准是多少？"))
    assert got[0].value is None and got[0].base == "人数"


def test_a_share_of_a_named_sum_takes_the_sum_of_the_needs():
    got = text_amounts(PREPAY, [], EnterpriseProfile(needs="Our contract is worth 3 million yuan; how much is paid up front?"),
                       "en")
    assert [(a.value, a.rate, a.base) for a in got] == [(D(600000), D(20), "合同金额")]
    assert got[0].formula == "20% × 3,000,000 元 = 600,000 元 (at least)"
    zh = text_amounts(PREPAY, [], EnterpriseProfile(needs="合同金额500万元，能预付多少？"))
    assert zh[0].value == D(1000000) and zh[0].formula.endswith("（不低于）")


def test_a_rate_the_ingest_read_is_not_counted_twice_and_a_share_of_a_standard_is_left_to_shares():
    read = SupportView("s1", "u1", "二（三）", "subsidy", None, None, "元", D(20), "合同金额", None, "", "",
                       "按照不低于合同金额的20%", 0, 10)
    assert text_amounts(PREPAY, [read], EnterpriseProfile(needs="合同500万元")) == []
    assert text_amounts(_unit("由双方分别按扣除标准的50%扣除。"), [], EnterpriseProfile(needs="扣多少")) == []
