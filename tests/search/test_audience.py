"""Who a unit is for (search.audience): persons, firms, both or undecided, from its subject words as data."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from kg.views import EnterpriseProfile, PersonProfile
from search.audience import audience_of, profile_audience, serves


@pytest.mark.parametrize("text, expected", [
    ("纳税人赡养60岁以上父母的，可以按照每月标准定额扣除。", {"person"}),
    ("参保人员失业后可申领失业保险金。", {"person"}),
    ("对符合条件的企业技术改造项目给予补助。", {"firm"}),
    ("对增值税小规模纳税人免征增值税。", {"firm"}),  # 小规模纳税人 is a firm, though it holds 纳税人
    ("个人独资企业可以申请。", {"firm"}),
    ("用人单位招用高校毕业生的，给予社会保险补贴。", {"person", "firm"}),
    ("加强统筹协调，建立联席会议制度。", set()),
])
def test_the_sides_a_text_names(text, expected):
    assert audience_of(text) == frozenset(expected)


def test_a_profile_is_a_person_a_firm_or_undecided():
    assert profile_audience(EnterpriseProfile(person=PersonProfile(40, "在职职工"), needs="个税")) == "person"
    assert profile_audience(EnterpriseProfile(industry="模具制造", employees=50)) == "firm"
    assert profile_audience(EnterpriseProfile(revenue=D(900), needs="贷款")) == "firm"
    assert profile_audience(EnterpriseProfile(needs="有什么补贴")) == ""


def test_a_unit_for_persons_only_is_not_offered_to_a_firm_nor_a_firms_to_a_person():
    deduction = "纳税人的子女接受学历教育的支出，按每个子女每月定额扣除。"
    fund = "对企业购置节能设备给予补助。"
    hiring = "企业吸纳登记失业青年的，给予一次性补贴。"
    assert not serves(deduction, "firm") and serves(deduction, "person")
    assert not serves(fund, "person") and serves(fund, "firm")
    assert serves(hiring, "person") and serves(hiring, "firm")
    assert serves(deduction, "")  # an undecided profile sees everything
    # a sentence naming no side is judged by its unit's text
    assert not serves("按每月1000元标准扣除。", "firm", fallback=deduction)
    assert serves("设立专项资金。", "person")
