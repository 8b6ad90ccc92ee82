"""A "when" or "how long" question's answer may be a period or a deadline counted from the text's own year, with
no year of its own: such a unit states a time too."""

from __future__ import annotations

from dataclasses import replace

import pytest

from search.routing import asks_when, states_time


def _with_text(units, text):
    return replace(next(u for u in units if u.path == "二（一）2"), text=text)


@pytest.mark.parametrize(("text", "timed"), [
    ("国办正在牵头组织建设中央政府门户网站，力争今年年内推出。", True),
    ("确定了重点监视防御区，作为今后一段时期（10年或更长一段时间）相对稳定的防震减灾重点地区。", True),
    ("专项行动为期3个月，覆盖全部重点企业。", True),
    ("明年底前完成全部改造任务。", True),
    ("中央政府门户网站建成之后，必将起到积极的带动作用。", False),
    ("每年组织一次评估，结果向社会公布。", False),
])
def test_states_time_with_a_period_or_a_relative_deadline(units, text, timed):
    assert states_time(_with_text(units, text)) is timed


def test_the_questions_ask_when():
    assert asks_when("网站当初计划什么时候上线")
    assert asks_when("防御区定下来以后管多长时间")
