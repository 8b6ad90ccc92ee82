"""Sixth round: "when" questions that ask for the latest date (最晚, 最迟) or for a year or a day (哪一年, 哪天,
几号) favour the units that fix a date, as 什么时候 already does; questions about other things do not."""

import pytest

from search.routing import asks_when


@pytest.mark.parametrize("question", [
    "小区配套幼儿园已经建好的，最晚要办完移交吗",
    "需要补建的幼儿园最迟要完成竣工验收",
    "长江禁渔从哪一年开始",
    "新的规定从哪天开始执行",
    "申报材料几号截止",
])
def test_latest_date_and_day_questions_ask_when(question):
    assert asks_when(question)


@pytest.mark.parametrize("question", [
    "想开一家专利代理公司，要具备哪些条件",
    "执法人员按清单查了，企业还是出事了，执法人员要不要担责",
    "国务院职业教育工作部际联席会议由哪个部门牵头",
])
def test_other_questions_do_not_ask_when(question):
    assert not asks_when(question)
