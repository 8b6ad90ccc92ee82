"""Who holds a post, as composition notices write it: posts spaced out in name lists, a group led "以…为组长", and
the leading post told apart from a deputy's or an office's."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from search.boosts import UnitFacts
from search.routing import (
    asks_lead_person,
    asks_person,
    states_lead_person,
    states_person,
)


def _with_text(units, text):
    return replace(next(u for u in units if u.path == "二（一）2"), text=text)


@pytest.mark.parametrize(("text", "person", "lead"), [
    ("主\u00a0\u00a0任：孙春兰  国务院副总理", True, True),  # no-break spaces inside the post
    ("组 长：韩 正  国务院副总理", True, True),
    ("副组长：丁学东  国务院副秘书长", True, False),
    ("办公室主任由生态环境部副部长赵英民兼任。", True, False),
    ("国土资源部组织以华中科技大学刘广润院士为组长，由多家单位专家组成的专家组赴现场调查。", True, True),
    ("成员单位\n联席会议由教育部、发展改革委等9个部门和单位组成。", False, False),
    ("主任委员会议每年召开一次。", False, False),
])
def test_states_person_and_lead(units, text, person, lead):
    unit = _with_text(units, text)
    assert states_person(unit) is person
    assert states_lead_person(unit) is lead


@pytest.mark.parametrize(("question", "lead"), [
    ("Who chairs the national textbook committee?", True),
    ("Who headed the expert team sent to the village?", True),
    ("Who is the leader of the census group?", True),
    ("Who is the deputy head of the group?", False),
    ("Who is the director of the group's office?", False),
    ("领导小组组长是谁", True),
    ("领导小组副组长是谁", False),
    ("办公室主任由谁兼任", False),
])
def test_asks_lead_person(question, lead):
    assert asks_lead_person(question) is lead


def test_headed_is_a_person_question():
    assert asks_person("Who headed the expert team sent to the village?")
    assert asks_person("Who led the inspection group?")


def test_an_office_holder_does_not_rise_on_who_leads(units):
    from search.boosts import adjust
    from search.expand import QueryPlan
    from search.settings import SearchSettings

    texts = ["办公室主任由生态环境部副部长赵英民兼任。", "组 长：韩 正  国务院副总理"]
    rows = [_with_text(units, t) for t in texts]
    facts = UnitFacts.of(rows, [set(), set()])
    settings = SearchSettings()

    def boosted(question: str) -> dict[int, float]:
        plan = QueryPlan(text=question, language="en", lexical_terms=[], asks_person=asks_person(question),
                         asks_lead_person=asks_lead_person(question))
        fused = {0: 1.0, 1: 1.0}
        adjust(fused, plan, facts, settings)
        return fused

    lead = boosted("Who heads the leading group?")
    assert lead[1] > lead[0]  # the group's head rises, the office holder does not
    assert np.isclose(lead[0], 1.0) and np.isclose(lead[1], 1.0 + 2 * settings.person_boost)  # the post asked: twice
    office = boosted("Who is the director of the group's office?")
    assert office[0] == office[1] > 1.0  # asked about the office: both name a post holder and both rise
    assert np.isclose(office[0], 1.0 + settings.person_boost)
