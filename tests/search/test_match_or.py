"""Persons named as alternatives (招用A，或者招用B): each alternative holds when all its checks hold."""

from __future__ import annotations

from datetime import date

from kg.views import ConditionView, EnterpriseProfile
from search.eligibility import verdict_of
from search.match_or import or_groups

TEXT = "本区企业招用年龄在18—30岁的退役军人，或者招用毕业2年内的高校毕业生，签订1年以上劳动合同的，每人补贴2000元。"


def conditions():
    age_at, grad_at, vet_at = TEXT.find("18—30岁"), TEXT.find("高校毕业生"), TEXT.find("退役军人")
    return [ConditionView("person", "person.age", "between", 18, 30, [], "岁", "18—30岁", age_at, age_at + 6),
            ConditionView("person", "person.status", "in", None, None, ["veteran"], "", "退役军人", vet_at, vet_at + 4),
            ConditionView("person", "person.status", "in", None, None, ["graduate"], "", "高校毕业生", grad_at,
                          grad_at + 5)]


def judge(needs):
    return verdict_of(conditions(), EnterpriseProfile(name="x", needs=needs), date(2024, 1, 1),
                      either=or_groups(TEXT)).status


def test_the_two_alternatives_are_bounded_by_the_repeated_verb():
    [(a0, a1, b0, b1)] = or_groups(TEXT)
    assert TEXT[a0:a1] == "招用年龄在18—30岁的退役军人" and TEXT[b0:b1].startswith("，或者招用毕业2年内的高校毕业生")
    assert or_groups("对企业给予补贴，或者减免租金") == []  # the verb is not repeated before 或者


def test_hiring_graduates_needs_no_age_and_an_older_veteran_fails():
    assert judge("今年招了6个应届高校毕业生") == "eligible"
    assert judge("招了3个45岁的退役军人") == "not_eligible"
    assert judge("招了3个25岁的退役军人") == "eligible"
