"""Figures that describe rather than aim (issue 20, real replies and reform lists): a tally of the text's own items
(（共5项）, 方面4项：A；B), a total that says how a thing is made (号牌字符共8位), what a proposal comes to
(项目拟投资400亿元), what was done (共监测了5个月) and a bare count naming where something applies (推广范围:
8个改革试验区域) are no targets; the same figures in a sentence that states an aim still are."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ingest.targets import extract_targets


def quantities(text: str) -> list[Decimal]:
    return [t.quantity for t in extract_targets(text, 0, "一", "d.u1")]


@pytest.mark.parametrize("text", [
    "一、知识产权保护方面（共5项）",
    "（一）知识产权保护方面5项：专利保险机制；技术调查官制度。",
    "新式号牌字符共8位。",
    "监测站设立后共监测了5个月。",
    "省地震局于2003年3月5日设立监测组，2004年8月8日后停止，共监测了5个月时间。",
    "该项目拟投资400亿元，建设期5年。",
    "8个改革试验区域",
])
def test_figures_that_describe_are_no_targets(text):
    assert quantities(text) == []


@pytest.mark.parametrize("text, expected", [
    ("到2030年，全省共建成充电站500座。", [Decimal(500)]),
    ("力争拟投资项目达到30个。", [Decimal(30)]),
    ("2030年12月31日前共建成充电站500座。", [Decimal(500)]),
    ("新建标准化厂房100万平方米。", [Decimal(100)]),
    ("培育100项精品赛事、100个自主品牌。", [Decimal(100), Decimal(100)]),
])
def test_the_same_figures_stating_an_aim_stay_targets(text, expected):
    assert quantities(text) == expected
