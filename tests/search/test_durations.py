"""A period of an activity a text requires (实习满1年, 从业3年以上) is judged on the period the asker gives for that
activity: failed naming the requirement when shorter, met when long enough, nothing when they give none."""

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
