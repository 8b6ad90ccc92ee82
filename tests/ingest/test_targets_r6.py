"""Targets of local annual plans (round 6): 今年 and a year opening a sentence of aims date the targets by the
year the text was issued; a headcount qualifying a kind of firm is no target.  Sentences written for these tests."""

from datetime import date
from decimal import Decimal

from ingest.deadlines import time_mentions
from ingest.targets import extract_targets


def test_this_year_in_a_dated_text_is_that_years_end():
    text = "今年工作的主要预期目标是：全区生产总值增长6%左右；新增城镇就业1.5万人。"
    found = extract_targets(text, 0, "一", "u1", year=2024)
    assert [(t.quantity, t.comparator, t.deadline) for t in found] == [
        (Decimal("6"), "≈", date(2024, 12, 31)), (Decimal("1.5"), "=", date(2024, 12, 31))]


def test_this_year_without_the_texts_year_stays_a_period():
    (m,) = time_mentions("今年新增就业岗位2000个")
    assert (m.when, m.period) == (None, "今年")


def test_next_year_is_the_following_years_end():
    (m,) = time_mentions("明年底前建成3个服务站", 2023)
    assert m.when == date(2024, 12, 31)


def test_a_year_opening_a_clause_of_aims_dates_it():
    text = "统筹推进项目建设，2024年全县工业投资力争完成120亿元、增速8%。"
    found = extract_targets(text, 0, "一", "u1")
    assert [(t.quantity, t.deadline) for t in found] == [(Decimal("120"), date(2024, 12, 31)),
                                                         (Decimal("8"), date(2024, 12, 31))]


def test_a_past_year_opening_a_sentence_stays_a_bare_year():
    # a text of 2024 reporting the year before: no aim, no deadline
    assert [m.when for m in time_mentions("2023年，全县生产总值增长5.2%。", 2024)] == []


def test_a_year_of_the_texts_own_opening_a_sentence_dates_its_targets():
    assert [m.when for m in time_mentions("2024年，专项债储备额度20亿元以上。", 2024)] == [date(2024, 12, 31)]


def test_a_year_starting_a_period_is_no_deadline():
    assert [m.when for m in time_mentions("2024年起，每年安排资金1000万元。", 2024)] == []


def test_headcount_of_insured_firms_is_no_target():
    text = "20人（含）以下的参保企业裁员率不高于参保职工总数15%的，可申请返还。"
    assert extract_targets(text, 0, "一", "u1") == []


def test_a_result_measured_against_its_target_is_no_aim():
    text = "上半年，全区实现生产总值500亿元，同比增长4.1%，低于目标1.9个百分点。"
    assert extract_targets(text, 0, "一", "u1", year=2024) == []


def test_a_due_line_dates_the_rows_targets():
    text = "1.全区工业增加值增长6%以上。\n主要责任单位：区经济和信息化局\n完成时限：2024年12月底"
    (t,) = extract_targets(text, 0, "一1", "u1")
    assert (t.quantity, t.comparator, t.deadline) == (Decimal("6"), "≥", date(2024, 12, 31))


def test_a_figure_for_a_year_over_before_the_text_was_issued_is_a_result():
    text = "2022年全区一般公共预算收入完成88亿元，增长3%。"
    assert extract_targets(text, 0, "一", "u1", year=2023) == []
    assert [t.quantity for t in extract_targets("2024年全区一般公共预算收入力争增长5%。", 0, "二", "u2", year=2023)] == [
        Decimal("5")]


def test_a_month_with_no_year_in_a_dated_text_is_that_years():
    text = "9月底前，新增“一件事”集成服务15项；年底前完成30个老旧小区改造。"
    found = extract_targets(text, 0, "一", "u1", year=2024)
    assert [(t.quantity, t.deadline) for t in found] == [(Decimal("15"), date(2024, 9, 30)),
                                                         (Decimal("30"), date(2024, 12, 31))]


def test_a_month_with_no_year_stays_undated_without_the_texts_year():
    assert time_mentions("6月底前建成投用") == []


def test_a_recurring_month_is_no_deadline():
    assert time_mentions("每年6月底前报送上年度情况", 2024) == []
