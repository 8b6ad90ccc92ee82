"""A "how many / how much" question names what it counts (money, people, places, things); the units stating a
figure of that kind rise, and not those stating another kind of figure."""

from __future__ import annotations

from dataclasses import replace

import pytest

from search.boosts import UnitFacts, adjust
from search.expand import QueryPlan
from search.routing import asked_figures, stated_figures
from search.settings import SearchSettings


def _with_text(units, text):
    return replace(next(u for u in units if u.path == "二（一）2"), text=text)


@pytest.mark.parametrize(("question", "kinds"), [
    ("国家用国债一共投了多少钱", {"money"}),
    ("扩招之前一年实际招了多少学生", {"people"}),
    ("一共有几个省参加", {"places", "things"}),  # 几个 counts too
    ("How many provinces and cities took part?", {"places"}),
    ("How many showcase projects does the city want by 2020?", {"things"}),
    ("How much funding did the county get?", {"money"}),
    ("How many students were enrolled in 1995?", {"people"}),
    ("补贴什么时候发", set()),
    ("要多少天才能办完", set()),
])
def test_asked_figures(question, kinds):
    assert asked_figures(question) == frozenset(kinds)


@pytest.mark.parametrize(("text", "kinds"), [
    ("1999年以来，已在国债中安排该项目2亿元。", {"money"}),
    ("以1995年实招人数1445名为基数，逐年扩招。", {"people"}),
    ("确定在北京、天津等16个省（市）扩大招生。", {"places", "things"}),
    ("建设100个技术创新示范项目。", {"things"}),
    ("各级人民政府要加强领导，人员到位。", set()),
])
def test_stated_figures(units, text, kinds):
    assert stated_figures(_with_text(units, text)) == frozenset(kinds)


def test_the_unit_with_the_asked_kind_of_figure_rises(units):
    rows = [_with_text(units, "至1998年达到2000名的招生规模。"), _with_text(units, "已在国债中安排该项目2亿元。")]
    facts = UnitFacts.of(rows, [set(), set()])
    question = "国家用国债一共投了多少钱"
    plan = QueryPlan(text=question, language="zh", asked_figures=asked_figures(question))
    fused = {0: 1.0, 1: 1.0}
    adjust(fused, plan, facts, SearchSettings())
    assert fused[1] > fused[0]
