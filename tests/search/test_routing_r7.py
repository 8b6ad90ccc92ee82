"""Facts a question asks for by its form, and the units that state them (seventh round): who interprets a text,
where a body's office sits, whose consent an act needs, where to complain, whether officials answer for it, which
bodies make up a body, what the text serves; and the durations and validity users ask about.  Unit texts are
corpus-real or written in the genre's own forms; questions in users' words."""

from __future__ import annotations

from ingest import parse_text
from ingest.model import DocumentMeta
from search import SearchIndex, SearchSettings, index_units
from search.routing import asked_facts, asked_figures, asks_in_force, asks_when, states_time

from .search_fixtures import FakeEncoder


def test_questions_name_the_fact_they_ask_for():
    assert asked_facts("这套政策条款之间有冲突时找哪个部门统一说明") == {"interpret"}
    assert asked_facts("Who interprets these measures if two articles conflict?") >= {"interpret"}
    assert asked_facts("协调会日常办事的办公室放在哪个部") == {"office"}
    assert asked_facts("Where is the joint conference's office housed?") == {"office"}
    assert asked_facts("港澳人员上岛得经过谁点头") == {"consent"}
    assert asked_facts("When choosing sites, who must be consulted?") == {"consent"}
    assert asked_facts("单位不落实政策，可以去哪里反映") == {"complaint"}
    assert asked_facts("抽查后企业出了事，执法人员要被追责吗") == {"account"}
    assert asked_facts("Which ministries sit on the coordination meeting?") == {"members"}
    assert asked_facts("这个计划的总体思路是什么") == {"purpose"}
    assert asked_facts("Which national strategy is the plan meant to carry out?") == {"purpose"}
    # a plain topic question asks for none of them
    assert asked_facts("企业买设备搞技改有补贴吗") == frozenset()
    assert asked_facts("How much is the subsidy for a new charging pile?") == frozenset()


def test_durations_validity_and_sums_asked():
    assert asks_when("贴息最多能出几年")
    assert not asks_when("几年一次评估")  # how often, not how long
    assert asks_in_force("Until what date can firms rely on the district's package?")
    assert asks_in_force("这个办法有效期到什么时候")
    assert "money" in asked_figures("药费最多能在个税里抵多少")


def _unit(text: str):
    doc = parse_text("某办法\n第一条 " + text + "\n第二条 本办法自2024年1月1日起施行。\n",
                     DocumentMeta(slug="t", title="某办法"))
    return next(u for u in index_units([doc]) if text[:6] in u.text)


def test_a_term_or_a_keeping_period_is_a_time_stated():
    assert states_time(_unit("纳税人应当将相关资料留存五年备查。"))
    assert states_time(_unit("贴息期限最长2年，单个企业年度贴息不超过100万元。"))
    assert not states_time(_unit("纳税人应当留存住房租赁合同、协议等有关资料备查。"))


RULES = ("某县技术改造资金管理办法\n"
         "第一条 为规范专项资金管理，制定本办法。\n"
         "第二条 专项资金用于支持企业技术改造，实行专款专用。\n"
         "第三条 县工信局负责项目申报受理，县财政局负责资金拨付。\n"
         "第四条 对违规使用资金的企业，收回补助资金。\n"
         "第五条 本办法由县工信局负责解释，自2024年7月1日起施行。\n")


def test_asked_who_interprets_the_closing_article_rises():
    units = index_units([parse_text(RULES, DocumentMeta(slug="rules", title="某县技术改造资金管理办法"))])
    index = SearchIndex.build(units, FakeEncoder(16), SearchSettings())
    hits = index.search("专项资金的条款有冲突时找谁解释", k=5).hits
    assert "负责解释" in hits[0].text


REPLY = ("国务院办公厅对十届全国人大四次会议第1号建议的答复\n"
         "某某代表：\n"
         "您提出的关于请总理开设网上博客听取民意的建议收悉，现答复如下：\n"
         "博客是一项新兴的互联网应用，其应用和管理还有待完善和规范。我们将根据您的建议，认真研究，积极探索拓展公众建言献策的方式。\n"
         "感谢您对政府工作的关心和支持。\n")


def test_asked_what_the_reply_said_the_announcement_weighs_less():
    from search.routing import asks_reply

    assert asks_reply("人大代表建议总理开网上博客，国务院办公厅怎么回的")
    assert asks_reply("What did the State Council say about the hotline proposal?")
    assert not asks_reply("企业怎么申请补贴")
    units = index_units([parse_text(REPLY, DocumentMeta(slug="reply", title="答复"))])
    index = SearchIndex.build(units, FakeEncoder(16), SearchSettings())
    asked = index.search("总理开网上博客听取民意的建议，国务院办公厅怎么回的", k=5).hits
    plain = index.search("总理开网上博客听取民意的建议", k=5).hits

    def score(hits, start):
        return next(h.score for h in hits if h.text.startswith(start))

    announce, body = "您提出的关于请总理", "博客是一项新兴"
    assert score(asked, announce) / score(asked, body) < score(plain, announce) / score(plain, body)


def test_asked_whether_a_charge_is_paid_the_unit_waiving_it_states_it():
    from search.routing import stated_facts

    assert asked_facts("挂应急牌的消防车上高速、进停车场，要不要交费") == {"fee"}
    assert asked_facts("Do fire engines with emergency plates pay road tolls?") == {"fee"}
    assert "fee" in stated_facts(_unit("对悬挂专用号牌的车辆免征车辆购置税、免收车辆通行费和停车费。"))
    assert "fee" not in stated_facts(_unit("悬挂专用号牌的车辆执行应急救援任务时可以使用警报器、标志灯具。"))
