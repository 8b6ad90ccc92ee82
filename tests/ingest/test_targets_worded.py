"""Targets as plans write them beyond digits and 到YYYY年 (issue 20, a notice issuing a reform plan): a share of half
(占…一半以上, 超过一半, 过半), a doubling (翻一番), a year followed by a verb of completion (2031年初步建成), every
sentence of a paragraph that opens as a list of aims (具体指标：到2030年，…), and what is no target there: how often a
thing is done (每4年修订1次) and a span of time per period (每年至少2个月)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ingest.model import DocumentMeta
from ingest.pipeline import parse_text
from ingest.targets import extract_targets


def found(text: str) -> list[tuple[str, Decimal, str, object]]:
    return [(t.comparator, t.quantity, t.unit, t.deadline) for t in extract_targets(text, 0, "一", "d.u1")]


def test_a_share_of_half_is_fifty_percent_with_its_bound():
    text = "到2030年，社区医院全科医生占医生总数一半以上，护理人员占比超过一半，签约居民过半。"
    assert [(c, q, u) for c, q, u, _ in found(text)] == [("≥", Decimal(50), "%")] * 3
    assert {d for *_, d in found(text)} == {date(2030, 12, 31)}


def test_half_as_a_change_is_no_share():
    assert found("到2030年，审批材料减少一半。") == []


def test_a_doubling_is_two_or_four_times():
    assert [(c, q, u) for c, q, u, _ in found("到2035年，全省数字经济规模实现翻一番，出口额翻两番以上。")] == [
        ("=", Decimal(2), "倍"), ("≥", Decimal(4), "倍")]


def test_a_year_and_a_verb_of_completion_fix_the_deadline():
    assert found("2031年初步建成200个示范性产业学院。") == [("=", Decimal(200), "个", date(2031, 12, 31))]
    assert found("2031年起不再新增编制50个。")[0][3] is None  # 起: a start, not a deadline


def test_how_often_and_time_per_period_are_no_targets():
    text = "原则上每4年修订1次课程目录，每年调整1次招生计划，教师每年至少2个月到企业实践，每周不少于3天驻点服务。"
    assert found(text) == []


def test_at_least_and_at_most_are_bounds():
    assert [(c, q) for c, q, *_ in found("到2030年，每个县至少5所标准化学校，班额最多45人。")] == [
        ("≥", Decimal(5)), ("≤", Decimal(45))]


def test_a_paragraph_opening_as_a_list_of_aims_makes_each_sentence_an_aim():
    """A preamble whose third paragraph is 具体指标：到2030年，… holds targets in its later sentences too, though the
    preamble as a whole reads as context; its other paragraphs' figures stay none."""
    text = ("某省职业教育提质方案\n"
            "近年来全省已建成职业院校120所，在校生达到80万人。\n"
            "具体指标：到2030年，建设20所高水平职业院校。企业参与积极性显著提升，推动建设150个产教融合实训基地。"
            "实践课时占总课时一半以上。\n"
            "一、完善制度\n（一）健全标准。制定专业教学标准。\n")
    doc = parse_text(text, DocumentMeta(slug="d", title="d", source_file="d.txt"))
    assert [(t.unit_path, t.quantity, t.unit, t.deadline) for t in doc.targets] == [
        ("序言", Decimal(20), "所", date(2030, 12, 31)), ("序言", Decimal(150), "个", date(2030, 12, 31)),
        ("序言", Decimal(50), "%", date(2030, 12, 31))]


def test_a_quoted_name_stays_in_the_indicator():
    assert [t.indicator for t in extract_targets("到2030年，建立100个“双师型”教师培训基地。", 0, "一", "k")] == [
        "“双师型”教师培训基地"]


def test_earlier_five_year_plans_in_quotes_are_periods_and_dates():
    from ingest.deadlines import time_mentions

    found = time_mentions("“九五”期间的目标；到“八五”末完成；三五成群")
    assert [(t.period, t.when) for t in found] == [("“九五”期间", None), ("", date(1995, 12, 31))]


def test_a_year_with_reach_aims_only_when_not_before_the_texts_own_year():
    """1998年达到2000人 in a text of 1996 is an aim; 1995年达到1800人 in the same text reports what was done."""
    text = ("关于扩大招生规模的请示\n国家教委\n1996年5月13日\n")
    body = ("某请示\n近年来招生稳步增长，1995年达到1800人的规模。招生规模逐步扩大，1998年达到2000人的规模。\n"
            "一、扩大规模\n（一）逐年扩招。\n")
    doc = parse_text(body + text, DocumentMeta(slug="d", title="d", source_file="d.txt", issued="1996-05-13"))
    assert [(t.quantity, t.deadline) for t in doc.targets] == [(Decimal(2000), date(1998, 12, 31))]


def test_a_magnitude_is_a_unit():
    assert [(c, q, u) for c, q, u, _ in found("到2030年，大中城市具备抗御6级左右地震的能力。")] == [("≈", Decimal(6), "级")]
