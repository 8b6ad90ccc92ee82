"""Who and when questions: which questions ask them, which units state the fact, and that those units rise."""

from __future__ import annotations

import pytest

from search.routing import asks_when, asks_who, states_owner, states_time


@pytest.mark.parametrize(("question", "who"), [
    ("谁来组织年度评估", True),
    ("哪个部门牵头推进绿色工厂", True),
    ("这件事由哪家单位负责", True),
    ("which department evaluates the plan?", True),
    ("who runs the joint conference", True),
    ("工厂想用工业机器人改造生产线", False),
    ("subsidy for machine tools", False),
])
def test_asks_who(question, who):
    assert asks_who(question) is who


@pytest.mark.parametrize(("question", "when"), [
    ("审批什么时候能办完", True),
    ("申请以后多久能拿到补贴", True),
    ("这项工作的完成时限是哪年", True),
    ("by when must the projects be finished?", True),
    ("how long does approval take", True),
    ("哪个部门牵头推进绿色工厂", False),
    ("robots on the assembly line", False),
])
def test_asks_when(question, when):
    assert asks_when(question) is when


def _unit(units, path, kind=None):
    return next(u for u in units if u.path == path and (kind is None or u.kind == kind))


def test_states_owner_only_for_the_units_own_explicit_responsibility(units):
    assert states_owner(_unit(units, "三（一）"))  # 市经济信息化委每年组织评估: stated in this unit
    assert not states_owner(_unit(units, "二（一）1"))  # only an inferred lead, given to the task above


def test_states_time(units):
    assert states_time(_unit(units, "一（一）-1", "goal"))  # 15个工作日内
    assert not states_time(_unit(units, "二（一）2"))


@pytest.mark.parametrize(("text", "fixes_time"), [
    ("第二十条 本办法自2021年3月1日起施行，有效期五年。", True),
    ("本细则自二〇二二年七月一日起执行。", True),
    ("本方案自印发之日起实施，有效期至2026年12月31日。", True),
    ("本意见有效期为3年。", True),
    ("对首次认定的企业给予一次性奖励。", False),
    ("鼓励企业开展有效的质量管理。", False),
])
def test_a_text_saying_when_it_is_in_force_states_time(units, text, fixes_time):
    from dataclasses import replace

    unit = replace(_unit(units, "二（一）2"), text=text)
    assert states_time(unit) is fixes_time


def test_who_question_favours_the_unit_naming_its_body(index):
    plain = index.search("组织评估", k=3)
    asked = index.search("谁来组织评估", k=3)
    assert asked.hits[0].path == "三（一）"
    assert asked.hits[0].score >= plain.hits[0].score or plain.hits[0].path == "三（一）"
