"""A rule that splits a standard another article states (按扣除标准的50%) gets each share as an amount with its
formula, the share the asker wants first; a question about splitting is recognised in Chinese and English."""

from __future__ import annotations

from decimal import Decimal as D

from kg.views import EnterpriseProfile, HitContext, SupportView
from search.shares import asks_to_split, referenced_standard, share_amounts
from search.types import IndexUnit


def _unit(uid, path, text, start, supports=()):
    return IndexUnit(uid, "article", "d", "D", path, "", text, text, start, start + len(text),
                     HitContext(supports=list(supports)))


STANDARD = SupportView("s5", "a5", "第五条", "tax", D(1000), None, "元", None, "", None, "", "",
                       "按照每个子女每月1000元的标准定额扣除", 30, 48)
ART5 = _unit("a5", "第五条", "纳税人的子女接受全日制学历教育的相关支出，按照每个子女每月1000元的标准定额扣除。", 0, [STANDARD])
ART6 = _unit("a6", "第六条", "父母可以选择由其中一方按扣除标准的100%扣除，也可以选择由双方分别按扣除标准的50%扣除。", 60)
OTHER = _unit("a4", "第四条", "适时调整专项附加扣除范围和标准。", -40)


def test_a_share_refers_to_the_nearest_standard_before_it_in_the_document():
    assert referenced_standard(ART6, [OTHER, ART5, ART6]) is ART5
    assert referenced_standard(ART5, [OTHER, ART5, ART6]) is None  # it states no share itself


def test_each_share_is_an_amount_and_the_asked_split_comes_first():
    split = EnterpriseProfile(needs="We would like to share the child-education deduction equally between us.")
    got = share_amounts(ART6, ART5, split, "en")
    assert [(a.value, a.rate, a.unit) for a in got] == [(D(500), D(50), "元/月"), (D(1000), D(100), "元/月")]
    assert got[0].formula.startswith("50% × 1,000 元/月") and got[0].formula.endswith("= 500 元/月")
    one = share_amounts(ART6, ART5, EnterpriseProfile(needs="孩子上初中，个税怎么扣"), "zh")
    assert [a.value for a in one] == [D(1000), D(500)]
    two = share_amounts(ART6, ART5, EnterpriseProfile(needs="两个孩子，我们夫妻平摊"), "zh")
    assert [a.value for a in two] == [D(1000), D(2000)]


def test_a_question_about_splitting():
    assert asks_to_split(EnterpriseProfile(needs="我和老公想平摊这个扣除"))
    assert asks_to_split(EnterpriseProfile(needs="Can we split it 50/50?"))
    assert not asks_to_split(EnterpriseProfile(needs="孩子上初中，个税每个月能扣多少"))


def test_each_claiming_for_their_own_is_a_question_about_splitting():
    assert asks_to_split(EnterpriseProfile(needs="We both pay interest; can each of us claim for our own flat?"))
    assert asks_to_split(EnterpriseProfile(needs="我们俩各自扣各自的，行吗"))
    assert not asks_to_split(EnterpriseProfile(needs="Each month I pay 3,000 yuan of interest. How much can I claim?"))
