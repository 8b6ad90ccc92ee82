"""Eighth round (mf8): a unit stating sums for different cases in different sentences shows each sum with its case
(400 元/月 during degree education, 3,600 元 in the year a certificate is obtained); a unit ruling on one of those
cases takes that case's sum, not the first one.  Text from guofa-2018-041 (corpus-real)."""

from __future__ import annotations

from decimal import Decimal as D

from kg.matchviews import Amount
from kg.views import EnterpriseProfile, HitContext, SupportView
from search.match_cases import label_cases
from search.match_facts import case_amounts, case_standard
from search.types import IndexUnit

ART8_TEXT = ("纳税人在中国境内接受学历（学位）继续教育的支出，在学历（学位）教育期间按照每月400元定额扣除。同一学历（学位）"
             "继续教育的扣除期限不能超过48个月。纳税人接受技能人员职业资格继续教育、专业技术人员职业资格继续教育的支出，"
             "在取得相关证书的当年，按照3600元定额扣除。")
ART10_TEXT = "纳税人接受技能人员职业资格继续教育、专业技术人员职业资格继续教育的，应当留存相关证书等资料备查。"


def _support(iri: str, amount: int, text: str) -> SupportView:
    at = ART8_TEXT.index(text)
    return SupportView(iri, "a8", "第八条", "tax", D(amount), None, "元", None, "", None, "", "", text, at, at + len(text))


DEGREE = _support("s1", 400, "按照每月400元定额扣除")
CERTIFICATE = _support("s2", 3600, "按照3600元定额扣除")
ART8 = IndexUnit("a8", "article", "d", "D", "第八条", "", ART8_TEXT, ART8_TEXT, 0, len(ART8_TEXT),
                 HitContext(supports=[DEGREE, CERTIFICATE]))
ART10 = IndexUnit("a10", "article", "d", "D", "第十条", "", ART10_TEXT, ART10_TEXT, 200, 200 + len(ART10_TEXT))


def test_each_sum_is_shown_with_its_case():
    amounts = [Amount(D(400), "元/月", "fixed", "400 元/月", support_iri="s1"),
               Amount(D(3600), "元", "fixed", "3,600 元", support_iri="s2")]
    labelled = label_cases(amounts, [DEGREE, CERTIFICATE], ART8_TEXT, 0)
    assert labelled[0].formula.endswith("在学历（学位）教育期间：400 元/月")
    assert "学历（学位）继续教育" in labelled[0].formula
    assert labelled[1].formula.endswith("在取得相关证书的当年：3,600 元")
    assert "职业资格继续教育" in labelled[1].formula


def test_sums_of_one_sentence_or_already_labelled_are_left_alone():
    one = "对首次认定的企业分别给予20万元、10万元奖励。"
    a = SupportView("x1", "u", "一", "reward", D(20), None, "万元", None, "", None, "", "", "20万元", 11, 15)
    b = SupportView("x2", "u", "一", "reward", D(10), None, "万元", None, "", None, "", "", "10万元", 16, 20)
    amounts = [Amount(D(200000), "元", "fixed", "200,000 元", support_iri="x1"),
               Amount(D(100000), "元", "fixed", "100,000 元", support_iri="x2")]
    assert label_cases(amounts, [a, b], one, 0) == amounts
    single = [Amount(D(400), "元/月", "fixed", "400 元/月", support_iri="s1")]
    assert label_cases(single, [DEGREE, CERTIFICATE], ART8_TEXT, 0) == single


def test_a_unit_ruling_on_one_case_takes_that_cases_sum():
    standard = case_standard(ART10, [ART8, ART10])
    assert standard is ART8
    amounts = case_amounts(ART10, standard, EnterpriseProfile(needs="今年考下了职业资格证书"))
    assert [a.value for a in amounts] == [D(3600)] and amounts[0].unit == "元"
