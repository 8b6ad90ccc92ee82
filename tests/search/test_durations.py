"""A period of an activity a text requires (实习满1年, 从业3年以上) is judged on the period the asker gives for that
activity: failed naming the requirement when shorter, met when long enough, nothing when they give none; a measure
for counted pilot areas (8个改革试验区域) asks for the place when the profile gives none."""

from __future__ import annotations

from kg.views import EnterpriseProfile
from search.text_checks import duration_checks

RULE = "申请人应当具有执业资格证书，在律师事务所实习满１年，且品行良好。"


def test_a_shorter_practice_fails_naming_the_requirement():
    got = duration_checks(RULE, EnterpriseProfile(needs="I got my certificate and have been an intern at a firm for seven months."))
    assert [(c.status, c.field, c.text) for c in got] == [("failed", "experience", "实习满１年")]
    assert RULE[got[0].start:got[0].end] == "实习满１年"


def test_a_long_enough_practice_is_met_and_no_period_given_is_no_check():
    assert duration_checks(RULE, EnterpriseProfile(needs="我在所里实习了两年，现在能申请吗"))[0].status == "met"
    assert duration_checks(RULE, EnterpriseProfile(needs="我想申请执业，需要什么条件")) == []


def test_a_period_without_a_bound_is_no_requirement():
    assert duration_checks("学生在企业实习6个月。", EnterpriseProfile(needs="我实习了3个月")) == []
    assert duration_checks("从业3年以上的人员。", EnterpriseProfile(needs="我从业2年"))[0].status == "failed"


def test_a_measure_for_counted_pilot_areas_asks_for_the_place():
    from search.text_checks import scope_check

    row = "在产业园区推行企业投资项目承诺制\n国家发展改革委\n5个改革试点城市"
    got = scope_check(row, EnterpriseProfile(needs="我们能用这个办法吗"), "zh", 100)
    assert [(c.status, c.field, c.text) for c in got] == [("unknown", "place", "5个改革试点城市")]
    assert got[0].start == 100 + row.index("5个")
    assert scope_check(row, EnterpriseProfile(place="成都市", needs="能用吗")) == []  # the areas are the reader's
    assert scope_check("在全国推广。", EnterpriseProfile(needs="能用吗")) == []
