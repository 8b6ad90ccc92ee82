"""Places in questions, read after the blind eighth-round run: a city's short form the gazetteer left out because a
county inside the city shares it (邯郸市 and 邯郸县), a romanised common noun that is also a county's name (hukou:
户籍, and 湖口县), a province's documents for a question naming one of its cities, and the named place's
documents among the candidates.  The documents are invented."""

from __future__ import annotations

import pytest

from ingest import parse_text
from ingest.model import DocumentMeta
from search import index_units
from search.encoders.fake import FakeEncoder
from search.hybrid import SearchIndex
from search.lexicon import ConceptLabels
from search.places import PlaceMatcher, shipped_places

CITY = ConceptLabels("city", "甲乙市", "Jiayi City", broader="prov")
COUNTY = ConceptLabels("county", "甲乙县", "Jiayi County", broader="city")
PROV = ConceptLabels("prov", "丙丁省", "Bingding Province", alt_zh=("丙丁",), alt_en=("Bingding",), broader="china")
ASIDE_A = ConceptLabels("aside_a", "戊己区", "Wuji District", broader="city")
ASIDE_B = ConceptLabels("aside_b", "戊己县", "Wuji County", broader="prov")


def test_a_short_form_a_city_shares_with_a_county_inside_it_names_the_city():
    places = PlaceMatcher([PROV, CITY, COUNTY, ASIDE_A, ASIDE_B])
    assert places.in_question("甲乙的工厂想换新机器") == {"city"}
    assert places.in_question("What is Jiayi aiming for?") == {"city"}
    assert places.in_question("甲乙县的农场") == {"county"}  # the full name still names the county
    # two places side by side (a district of the city, a county of the province) share 戊己: neither is meant
    assert places.in_question("戊己的企业") == set()


def test_an_ordinary_word_stays_no_place_name():
    places = PlaceMatcher([PROV, CITY, COUNTY], ordinary=lambda word: word == "甲乙")
    assert places.in_question("甲乙的工厂") == set()
    assert places.in_question("Jiayi") == set()  # the English short form goes with the Chinese one


def test_the_shipped_gazetteer_reads_handan_and_zhuzhou_as_the_cities():
    places = shipped_places()
    handan, = places.in_question("邯郸市")
    zhuzhou, = places.in_question("株洲市")
    assert places.in_question("邯郸三季度的督查") == {handan}
    assert places.in_question("Handan's inspection circular") == {handan}
    assert places.in_question("株洲的工厂") == {zhuzhou}
    assert places.in_question("朝阳产业") == set()  # 朝阳 (sunrise) is an ordinary word: no city


def _document(slug: str, title: str, body: str):
    return parse_text(f"{title}\n{body}\n", DocumentMeta(slug=slug, title=title))


@pytest.fixture(scope="module")
def index():
    documents = [
        _document("jilin-rd", "吉林省促进民营经济发展若干措施",
                  "一、鼓励加大研发投入。对研发费用较上年增长15%以上的民营企业，按增量部分的10%给予奖补。\n"
                  "二、支持企业上市。对首发上市的民营企业给予奖励。"),
        _document("nanjing-rd", "南京市江宁区人才科技政策",
                  "一、鼓励企业加大研发投入。研发费用较上年增长20%以上的，按增量部分的10%给予奖励。\n"
                  "二、支持新型研发机构。"),
        _document("vocational", "国务院关于职业教育改革的方案",
                  "一、职业院校毕业生在落户、就业、参加公务员招聘等方面与普通高校毕业生享受同等待遇。"),
    ]
    return SearchIndex.build(index_units(documents), FakeEncoder(64))  # CC-CEDICT: hukou → 户籍, 落户


def test_a_city_no_document_is_about_takes_its_province_documents(index):
    plan = index.plan("我在长春开了个厂，研发费用增长了，奖多少")
    assert "jilin" in plan.places  # 长春 lies in 吉林省, whose measures hold there
    result = index.search("我在长春开了个厂，研发费用增长了，奖多少", k=2)
    assert result.hits[0].document == "jilin-rd"


def test_a_romanised_common_noun_is_no_place_the_question_surely_names(index):
    question = "vocational graduates equal treatment hukou civil service recruitment"
    assert index.places.in_question(question)  # the gazetteer reads hukou as 湖口县
    assert index.covers(set(index.places.in_question(question)), (), question)
    assert not index.covers(set(index.places.in_question("Hukou County")), (), "Hukou County")


def test_the_national_level_named_beside_a_local_place_is_who_acts_there(index):
    # 国家 reads as the national level; beside 吉林, whose documents exist, it is who pays, not a second place
    assert index.places.in_question("吉林的企业研发投入多了，国家给不给奖励") >= {"jilin", "china"}
    assert index.plan("吉林的企业研发投入多了，国家给不给奖励").places == {"jilin"}
    assert "china" in index.plan("国家对研发投入有什么奖励").places  # named alone, it is asked about
