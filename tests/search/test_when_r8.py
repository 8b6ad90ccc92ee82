"""A "when" question is answered by a sentence stating the kind of time it asks (search/routing.py asked_time_kinds,
stated_time_kinds; search/boosts.py raise_asked_time).  The text is corpus-real (国办发〔2019〕3号: a task with no date,
and two measures each with a 月底前 deadline), the questions in a parent's own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import parse_text
from ingest.model import DocumentMeta
from search import index_units
from search.boosts import TIME_BOOST, UnitFacts, raise_asked_time
from search.expand import QueryPlan
from search.routing import asked_time_kinds, asks_in_force, stated_time_kinds

SOURCE = Path(__file__).resolve().parents[2] / "benchmarks" / "corpus_real" / "guobanfa-2019-003.txt"


def test_the_kind_of_time_asked():
    assert asked_time_kinds("小区幼儿园被占了，最晚什么时候得办完") == {"deadline"}  # not any date
    assert asked_time_kinds("申报用的租房合同要自己保存多长时间") == {"duration"}
    assert "limit" in asked_time_kinds("在河南建充电站申请接电，要等几天？")
    assert asked_time_kinds("深圳申办大运会是哪年几月批下来的") == {"date"}
    assert asked_time_kinds("这份管理规定哪天开始算数") == {"in_force"}
    assert asked_time_kinds("Until when did local governments have to finish the head count?") == {"deadline"}
    # no time asked: a figure of past years, how often
    assert asked_time_kinds("国家前几年用国债一共投了多少钱") == frozenset()
    assert asked_time_kinds("联席会议多久召开一次") == frozenset()


def test_a_text_holding_from_the_day_it_counts_is_asked_of_the_text():
    assert asks_in_force("清河这个技改扶持的文件从哪天开始算数")
    assert asks_in_force("这份办法管用多长时间")
    assert not asks_in_force("这话算数吗")


def test_the_kind_of_time_a_sentence_states():
    assert stated_time_kinds("该项工作原则上于2019年9月底前完成。") >= {"deadline"}
    assert stated_time_kinds("相关资料应当留存五年。") == {"duration"}
    assert "limit" in stated_time_kinds("在30个工作日内完成初审")
    assert stated_time_kinds("二〇〇四年十二月十七日") == {"date"}
    assert "duration" in stated_time_kinds("在专利代理机构实习满１年")  # a full-width figure
    assert "in_force" in stated_time_kinds("本办法自2024年6月20日起施行，有效期3年。")
    assert "duration" not in stated_time_kinds("到2025年，光伏发电装机容量突破300万千瓦")  # a year is no length
    assert stated_time_kinds("确保小区配套幼儿园如期移交。") == frozenset()


@pytest.fixture(scope="module")
def tasks():
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    text = "国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知\n二、工作任务\n" + lines[9] + "\n三、工作措施\n" + \
        "\n".join(lines[12:14]) + "\n"
    units = index_units([parse_text(text, DocumentMeta(slug="youeryuan", title="通知"))])
    assert [u.path for u in units] == ["二2", "三1", "三2"]
    return units, UnitFacts.of(units, [set() for _ in units])


def test_the_measure_whose_deadline_sentence_holds_the_asked_words_rises(tasks):
    units, facts = tasks
    # the handover task shares the question's words and states no date: it led on words alone
    question = "已建成的小区配套幼儿园被占了、需要收回或者置换的，最晚什么时候得整改完"
    words = ["小区", "配套", "幼儿园", "收回", "置换", "整改"]
    fused = {0: 1.0, 1: 0.8, 2: 0.8}
    raise_asked_time(fused, QueryPlan(question, "zh"), facts, words)
    assert fused[0] == 1.0  # no sentence of it states a deadline
    assert fused[2] > fused[1] > 0.8  # both state one; the rectification sentence holds 整改 and 置换
    assert fused[2] == pytest.approx(0.8 * (1 + TIME_BOOST))
    assert max(fused, key=fused.get) == 2
    assert "2019年9月底前" in units[2].text


def test_a_question_asking_no_time_moves_nothing(tasks):
    _, facts = tasks
    fused = {0: 1.0, 1: 0.8, 2: 0.8}
    raise_asked_time(fused, QueryPlan("小区配套幼儿园移交给谁", "zh"), facts, ["小区", "移交"])
    assert fused == {0: 1.0, 1: 0.8, 2: 0.8}
