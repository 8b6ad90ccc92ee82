"""A firm's size from the facts it gives (search.firm_size): the national SME classification by sector as data,
the sector from the GB/T 4754 code or the industry's words, and the verdict saying the size was inferred."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from kg.views import ConditionView, EnterpriseProfile
from search.eligibility import check_condition, field_prompt, verdict_of
from search.firm_size import classify_size, profile_size, sme_sector

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize("profile, expected", [
    # 工业: SME below 1000 people or 4亿元; medium from 300 people and 2000万元; small from 20 people and 300万元
    (EnterpriseProfile(industry="五金冲压件加工", employees=60), "small"),  # fewer than 300: not medium
    (EnterpriseProfile(industry="五金冲压件加工", employees=60, revenue=D(2500)), "small"),
    (EnterpriseProfile(industry="五金冲压件加工", employees=350, revenue=D(2500)), "medium"),
    (EnterpriseProfile(industry="五金冲压件加工", employees=350), None),  # revenue decides medium or small
    (EnterpriseProfile(industry_code="C38", employees=1500, revenue=D(60000)), "large"),
    (EnterpriseProfile(industry_code="3811", employees=1500, revenue=D(30000)), "medium"),  # below 4亿元: an SME
    # 零售业 (F52): medium from 50 people and 500万元
    (EnterpriseProfile(industry_code="F5211", employees=55, revenue=D(600)), "medium"),
    (EnterpriseProfile(industry="社区便利店连锁", employees=8), "small"),
    # 软件和信息技术服务业 (I65): medium from 100 people and 1000万元
    (EnterpriseProfile(industry="工业软件开发", employees=150, revenue=D(800)), "small"),
    # 农、林、牧、渔业: revenue only
    (EnterpriseProfile(industry="生猪养殖", revenue=D(800)), "medium"),
    # 租赁和商务服务业 judges assets, which no profile field gives: headcount alone can still say small
    (EnterpriseProfile(industry="会展策划", employees=6), "small"),
    (EnterpriseProfile(industry="会展策划", employees=120), None),
    # no sector: the thresholds differ by sector, so nothing is inferred
    (EnterpriseProfile(needs="想申请补贴", employees=60), None),
    # two sectors named (批发 and 制造): undecided unless the code says which
    (EnterpriseProfile(industry="服装制造和批发", employees=60), None),
    (EnterpriseProfile(industry="服装制造和批发", industry_code="C18", employees=60), "small"),
])
def test_the_size_the_firms_own_figures_give(profile, expected):
    found = classify_size(profile)
    assert (found[0] if found else None) == expected


def test_a_size_given_wins_and_the_inference_names_its_rule_and_figures():
    assert profile_size(EnterpriseProfile(industry="五金冲压件加工", size="medium", employees=60)) == "medium"
    size, detail = classify_size(EnterpriseProfile(industry="五金冲压件加工", employees=60, revenue=D(2500)))
    assert size == "small" and "工信部联企业〔2011〕300号" in detail and "从业人员60人" in detail and "推定" in detail
    _, detail_en = classify_size(EnterpriseProfile(industry="五金冲压件加工", employees=60), "en")
    assert "inferred" in detail_en and "60 employees" in detail_en


def test_every_sector_of_the_data_is_consistent():
    """A sector's medium bounds lie below its SME bounds on the same figures (classify_size relies on it)."""
    from ingest.conditions import sme_size_rules

    rules = sme_size_rules()
    assert "300号" in rules["source"]
    for sector in rules["sectors"]:
        assert set(sector["medium_from"]) == set(sector["sme_below"]) == set(sector["small_from"]), sector["key"]
        for figure, bound in sector["medium_from"].items():
            assert sector["small_from"][figure] <= bound < sector["sme_below"][figure], sector["key"]
    assert sme_sector(EnterpriseProfile(industry_code="K7020"))["key"] == "property-management"


SME = ConditionView("type", "size", "in", None, None, ["small", "medium"], "", "中小企业", 0, 4)


def test_a_size_condition_is_judged_on_the_inferred_size_and_says_so():
    check = check_condition(SME, EnterpriseProfile(industry="五金冲压件加工", employees=60), TODAY)
    assert check.status == "met" and "推定" in check.detail
    large = check_condition(SME, EnterpriseProfile(industry_code="C38", employees=1500, revenue=D(60000)), TODAY)
    assert large.status == "failed"


def test_a_missing_field_is_asked_for_in_the_users_language_with_its_option():
    assert field_prompt("size") == "企业规模（--size / size）"
    assert field_prompt("unemployment_premiums_last_year", "en") == \
        "unemployment premiums last year (yuan) (--premiums / unemployment_premiums_last_year)"
    unknown = verdict_of([SME], EnterpriseProfile(needs="想申请补贴"), TODAY)
    assert unknown.missing == ["size"] and unknown.asks == ["企业规模（--size / size）"]
    assert "--employees" in unknown.checks[0].detail and "国家划型标准" in unknown.checks[0].detail
    english = verdict_of([SME], EnterpriseProfile(needs="subsidy"), TODAY, lang="en")
    assert english.asks == ["enterprise size (--size / size)"]
