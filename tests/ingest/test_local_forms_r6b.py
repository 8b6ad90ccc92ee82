"""Local documents of more genres (sixth round, second pass): a work report dated by the line under its title, a
report's results sections (完成情况, 主要成效) that state no aims, a 为民办实事 list whose items are things to do, an
opening that gives the year of the list after it, a support unit's sentence that opens with the year it aims at,
and a forwarding notice copied without its place. Texts written for these tests."""

from __future__ import annotations

import datetime

from ingest import parse_text
from ingest.model import DocumentMeta


def _parse(text: str):
    return parse_text(text, DocumentMeta(slug="t", title=""))


WORK_REPORT = """政府工作报告
——2031年1月8日在青禾区第十八届人民代表大会第四次会议上
各位代表：
现在，我代表区人民政府向大会报告工作，请予审议。
一、主要目标完成情况
全区地区生产总值增长6.5%，完成固定资产投资120亿元。
二、主要成效
（一）新增城镇就业岗位1.2万个。
三、2031年工作安排
今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。
"""


def test_the_date_line_under_a_report_title_is_its_date_of_issue():
    doc = _parse(WORK_REPORT)
    assert doc.meta.issued == "2031-01-08"
    # the line is front matter, no unit of the outline
    assert all("人民代表大会第四次会议" not in u.text for u in doc.units)
    # and the meeting it names still tells where the report belongs
    assert doc.meta.jurisdiction == "青禾区"


def test_a_parenthesised_date_line_under_a_report_title_is_read_too():
    text = WORK_REPORT.replace("——2031年1月8日在青禾区第十八届人民代表大会第四次会议上",
                               "（2031年1月8日在青禾区第十八届人民代表大会第四次会议上）")
    assert _parse(text).meta.issued == "2031-01-08"


def test_results_sections_report_and_hold_no_targets():
    doc = _parse(WORK_REPORT)
    by_path = {u.path: u for u in doc.units}
    assert by_path["一"].function == "context"  # 主要目标完成情况: 目标 in a report of results
    assert by_path["二"].function == "context" and by_path["二（一）"].function == "context"
    # only this year's aims are targets, with this year's end as deadline
    assert [(t.indicator, t.deadline) for t in doc.targets] == [("地区生产总值增长", datetime.date(2031, 12, 31))]


PLEDGES = """青禾区人民政府关于印发2031年区政府为民办实事项目的通知
青政发〔2031〕2号
各街道办事处，区政府各部门：
现将《2031年区政府为民办实事项目》印发给你们，请认真组织实施。
青禾区人民政府
2031年2月1日
2031年区政府为民办实事项目
一、新建公办幼儿园5所，新增学位1500个。（区教育局负责）
二、改造老旧小区20个，必须在年底前完工，不得拖延。（区住建局负责）
"""


def test_items_of_a_pledge_list_are_actions_and_keep_their_targets():
    doc = _parse(PLEDGES)
    by_path = {u.path: u for u in doc.units}
    assert by_path["二"].function == "action" and by_path["二"].function_cue == "为民办实事"
    assert {t.indicator for t in doc.targets} >= {"改造老旧小区", "新增学位"}


def test_a_rule_with_must_and_must_not_stays_a_rule_outside_a_pledge_list():
    doc = _parse(PLEDGES.replace("为民办实事项目", "老旧小区改造安排"))
    assert {u.path: u for u in doc.units}["二"].function == "rule"


OPENING_YEAR = """青禾区人民政府关于做好民生工作的通知
各街道办事处，区政府各部门：
2031年，区政府将继续集中力量办好以下民生实事：
一、新建公办幼儿园5所。
二、改造老旧小区20个。
青禾区人民政府
2030年12月28日
"""


def test_an_opening_that_gives_the_year_of_its_list_dates_the_items():
    doc = _parse(OPENING_YEAR)
    assert {t.indicator: t.deadline for t in doc.targets} == {
        "公办幼儿园": datetime.date(2031, 12, 31), "改造老旧小区": datetime.date(2031, 12, 31)}
    assert all(t.deadline_evidence.startswith("2031年，区政府将") for t in doc.targets)


def test_an_opening_with_two_years_dates_nothing():
    doc = _parse(OPENING_YEAR.replace("办好以下民生实事：", "办好以下民生实事：\n2032年，区政府将继续推进以下工作："))
    assert all(t.deadline is None for t in doc.targets)


SUPPORT = """青禾市人民政府办公室关于印发青禾市2031年重大项目建设攻坚实施方案的通知
青政办发〔2031〕4号
各县市区人民政府，市政府各部门：
现将《青禾市2031年重大项目建设攻坚实施方案》印发给你们，请认真贯彻执行。
青禾市人民政府办公室
2031年1月20日
青禾市2031年重大项目建设攻坚实施方案
一、强化资金保障
（一）用好专项债券。对符合条件的项目给予前期工作经费补助。2031年，全市专项债储备额度45亿元以上。
"""


def test_a_support_units_sentence_opening_with_its_year_is_an_aim():
    doc = _parse(SUPPORT)
    assert {u.path: u for u in doc.units}["一（一）"].function == "support"
    assert [(t.indicator, t.quantity, t.comparator) for t in doc.targets] == [("全市专项债储备额度", 45, "≥")]


def test_a_past_year_in_a_support_unit_is_no_aim():
    doc = _parse(SUPPORT.replace("2031年，全市专项债", "2029年，全市专项债"))
    assert doc.targets == []


FORWARDED = """市人民政府批转市发展改革委关于2031年国民经济和社会发展计划的通知
各县市区人民政府，市政府各部门：
市人民政府同意市发展改革委《关于2031年国民经济和社会发展计划》，现转发给你们，请认真贯彻执行。
2031年2月3日
一、总体要求
全市生产总值增长7%左右。
"""


def test_a_forwarding_title_copied_without_its_place_gives_no_jurisdiction():
    doc = _parse(FORWARDED)
    assert "批转" not in doc.meta.jurisdiction and "政府" not in doc.meta.jurisdiction


def test_a_forwarding_title_with_its_place_names_the_forwarding_government():
    doc = _parse("十堰" + FORWARDED)
    assert doc.meta.jurisdiction == "十堰市"
    assert doc.meta.issuer == "十堰市人民政府"
