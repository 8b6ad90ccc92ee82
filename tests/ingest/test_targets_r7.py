"""Targets in local texts (round 7): a bounded change under 同比 is aimed at, a result reported after 在…方面 in a
past year is not, a score and a number of course sessions are units, a yearly minimum of actions, indicators that
share one bound with 均, a size qualifying the things counted, an assessment weight, 至少 before the verb, 年均
kept beside the date, 年内 as a period, a covering statement with an exception, and 千瓦时 after a magnitude.
Sentences are written for these tests."""

from datetime import date
from decimal import Decimal

from ingest.deadlines import covering_deadline, time_mentions
from ingest.quantities import QUANTITY_RE
from ingest.targets import extract_targets


def _targets(text: str, year: int | None = None):
    return extract_targets(text, 0, "一", "u1", year=year)


def _read(text: str, year: int | None = None):
    return [(t.indicator, t.quantity, t.unit, t.comparator) for t in _targets(text, year)]


def test_a_bounded_change_against_last_year_is_an_aim():
    found = _read("全县交通事故死亡人数同比下降8%以上，火灾起数控制在200起以内。")
    assert ("全县交通事故死亡人数同比下降", Decimal("8"), "%", "≥") in found


def test_an_exact_change_against_last_year_is_still_a_result():
    assert _read("一季度全区规上工业增加值同比增长6.4%。") == []


def test_a_past_year_after_an_opening_topic_reports_results():
    assert _read("在教育方面，2023年新建幼儿园3所，学位覆盖率提高到92%。", 2024) == []


def test_a_score_with_a_bound_is_a_target_and_a_time_is_not():
    assert _read("群众满意度测评达到90分以上。") == [("群众满意度测评", Decimal("90"), "分", "≥")]
    assert _read("会议于9时30分召开。") == []


def test_sessions_of_a_course_are_counted():
    found = _targets("全年举办村干部培训班不少于3期。")
    assert [(t.quantity, t.unit, t.comparator, t.period) for t in found] == [(Decimal("3"), "期", "≥", "全年")]


def test_a_yearly_minimum_of_actions_is_a_target_and_a_monthly_routine_is_not():
    found = _targets("每年开展安全生产联合检查不少于4次。")
    assert [(t.quantity, t.unit, t.period) for t in found] == [(Decimal("4"), "次", "每年")]
    assert _targets("镇领导每周至少下村2次。") == []


def test_indicators_sharing_one_bound_are_one_target_each():
    found = _read("农村自来水普及率、垃圾分类覆盖率均达到95%以上。")
    assert sorted(found) == [("农村自来水普及率", Decimal("95"), "%", "≥"), ("垃圾分类覆盖率", Decimal("95"), "%", "≥")]


def test_a_size_before_the_things_counted_is_no_target():
    found = _read("每年新开工5000万元以上工业项目10个以上。")
    assert [(q, u, c) for _, q, u, c in found] == [(Decimal("10"), "个", "≥")]


def test_an_assessment_weight_is_no_target():
    assert _read("将河长制工作纳入年度综合考核，权重不低于5%。") == []


def test_at_least_before_the_verb_bounds_the_count():
    assert _read("每个乡镇至少建成2个村级养老服务站。") == [("村级养老服务站", Decimal("2"), "个", "≥")]


def test_a_yearly_average_keeps_its_period_beside_the_date():
    found = _targets("到2026年，全市外贸进出口额年均增长8%以上。")
    assert [(t.quantity, t.deadline, t.period) for t in found] == [(Decimal("8"), date(2026, 12, 31), "年均")]


def test_within_the_year_is_kept_as_a_period():
    assert [m.period for m in time_mentions("年内新增城镇就业3000人。", 2025)] == ["年内"]
    assert [m.when for m in time_mentions("2025年内完成改造。", 2025)] == [date(2025, 12, 31)]


def test_a_covering_statement_with_an_exception_still_covers():
    hint = covering_deadline("上述指标除另有说明外，均为2026年全年目标。")
    assert hint is not None and hint.when == date(2026, 12, 31)


def test_kilowatt_hours_after_a_magnitude_read_whole():
    assert [m.group("unit") for m in QUANTITY_RE.finditer("全年售电量80亿千瓦时")] == ["亿千瓦时"]


def test_at_least_one_in_chinese_numerals_is_a_target():
    assert _read("每个县原则上至少建设一所特殊教育学校。") == [("特殊教育学校", Decimal("1"), "所", "≥")]
    assert _read("工作达到一个新水平。") == []


def test_rounds_are_counted_and_a_yearly_figure_from_a_year_on_has_no_date():
    found = _targets("（二）2026年6月底前完成风险评估，2027年起每年培训企业负责人2000人次以上，每年开展检查不少于3轮。")
    assert [(t.quantity, t.unit, t.deadline, t.period) for t in found] == [
        (Decimal("2000"), "人次", None, "2027年起每年"), (Decimal("3"), "轮", None, "2027年起每年")]


def test_a_baseline_is_no_part_of_the_indicators_it_compares():
    found = _read("到2027年，火灾起数和死亡人数较2024年分别下降10%、20%。")
    assert [name for name, *_ in found] == ["火灾起数", "死亡人数"]



def _dated(text: str, year: int | None = None):
    return [(t.indicator, t.quantity, t.deadline, t.period) for t in _targets(text, year)]


def test_a_series_of_years_dates_each_value_by_its_own_year():
    assert _dated("2026年、2027年、2028年全市充电桩车桩比分别达到3%、5%、8%。") == [
        ("全市充电桩车桩比", Decimal("3"), date(2026, 12, 31), ""), ("全市充电桩车桩比", Decimal("5"), date(2027, 12, 31), ""),
        ("全市充电桩车桩比", Decimal("8"), date(2028, 12, 31), "")]
    assert [t.deadline for t in _targets("到2026年、2028年，绿色建筑占比分别达到60%和80%。")] == [
        date(2026, 12, 31), date(2028, 12, 31)]


def test_a_later_figure_with_no_indicator_continues_the_one_before():
    assert _dated("到2026年，建成充电桩3000个；到2028年，累计达到5000个以上。") == [
        ("充电桩", Decimal("3000"), date(2026, 12, 31), ""), ("充电桩", Decimal("5000"), date(2028, 12, 31), "")]
    assert _targets("到2028年，达到国内领先水平。") == []


def test_lead_words_in_any_order_and_a_level_kept_are_no_part_of_the_indicator():
    found = _targets("力争每年新增国家高新技术企业30家以上。")
    assert [(t.indicator, t.period) for t in found] == [("新增国家高新技术企业", "每年")]
    assert [n for n, *_ in _read("确保耕地保有量稳定在80万亩以上。")] == ["耕地保有量"]


def test_a_range_of_years_opening_a_sentence_is_no_past_report():
    assert [t.quantity for t in _targets("2025年至2027年，每年新建改造农村公路100公里。", 2026)] == [Decimal("100")]
    assert _targets("2025年，全区完成固定资产投资80亿元。", 2026) == []


def test_this_year_and_within_the_year_are_no_part_of_the_indicator():
    assert [t.indicator for t in _targets("今年内新增城镇就业4000人。", 2026)] == ["新增城镇就业"]
    assert [t.indicator for t in _targets("内部审计整改率达到95%。")] == ["内部审计整改率"]
