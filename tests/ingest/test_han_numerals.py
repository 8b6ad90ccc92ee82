"""Quantities and years written in Chinese numerals (older national texts and many local ones): 百分之八十以上,
减少到三千万人左右, 不少于二十个, 到二〇二〇年; words that hold a numeral (一批, 迈上一个新台阶, 两手抓, 第二十条)
are none."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from ingest.hannumerals import han_number, han_year
from ingest.targets import extract_targets


@pytest.mark.parametrize(("text", "value"), [
    ("三", 3), ("十五", 15), ("二十五", 25), ("一百二十", 120), ("三千五百", 3500), ("两千", 2000), ("三千万", 30_000_000),
    ("一万二千", 12_000), ("一点五", Decimal("1.5")), ("五点零五", Decimal("5.05")), ("二〇二〇", 2020)])
def test_numerals(text, value):
    assert han_number(text) == Decimal(value)


def test_years_digit_by_digit():
    assert han_year("二〇二〇") == 2020 and han_year("一九九八") == 1998 and han_year("三千") is None


def found(text: str):
    return [(t.comparator, t.quantity, t.unit, t.deadline) for t in extract_targets(text, 0, "一", "k")]


def test_shares_and_counts_with_their_bounds_and_years():
    assert found("到二〇〇〇年，农村普及率达到百分之八十以上，贫困人口减少到三千万人左右，建成不少于二十个开发区。") == [
        ("≥", Decimal(80), "%", date(2000, 12, 31)), ("≈", Decimal(3000), "万人", date(2000, 12, 31)),
        ("≥", Decimal(20), "个", date(2000, 12, 31))]
    assert found("三年内使城镇登记失业率控制在百分之五以内。") == [("≤", Decimal(5), "%", None)]


def test_words_holding_a_numeral_are_no_targets():
    assert found("要抓好一批重点项目，迈上一个新台阶，坚持两手抓，每个县建设二十个示范点。") == []
    assert found("第二十条 本办法自发布之日起施行。") == []


def test_the_end_of_the_century_counts_from_the_texts_year():
    text = "到本世纪末，全国农村普及率达到百分之八十以上。"
    assert [t.deadline for t in extract_targets(text, 0, "一", "k", year=1996)] == [date(2000, 12, 31)]
    assert [(t.deadline, t.period) for t in extract_targets(text, 0, "一", "k")] == [(None, "到本世纪末")]
