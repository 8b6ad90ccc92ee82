"""English questions: the candidates whose text holds the Chinese words of more of the question's phrases rise
(search/coverage.py), each phrase counted once however often its word recurs."""

import math

from search.bilingual import Dictionary, load_dictionary
from search.coverage import WEIGHT, bm25_idf, phrase_groups, raise_covering, setting

ENTRIES = [("网站", ["website"]), ("集约化", ["to consolidate", "intensive"]), ("试点", ["pilot", "pilot scheme"]),
           ("报送", ["to report back"]), ("省份", ["province"])]
# one letter on consolidating government websites: every unit names 网站, one says what the pilots report and when
TEXTS = ["政府网站要统一规范，网站栏目、网站内容和网站安全都要加强，网站运维由各地负责。",
         "试点地区于2019年12月底前将政府网站集约化工作情况报送国务院办公厅。",
         "各省份要总结经验。"]


def _idf(word):
    df = sum(word in t for t in TEXTS)
    return math.log(1 + (len(TEXTS) - df + 0.5) / (df + 0.5))


def test_phrases_group_the_words_the_search_kept_for_them():
    dictionary = Dictionary(ENTRIES)
    kept = ["网站", "集约化", "试点", "报送"]
    groups = phrase_groups("When must the pilots report back on consolidating websites?", dictionary, kept,
                           ["政务公开"])
    assert ["报送"] in groups and ["网站"] in groups and ["集约化"] in groups and ["试点"] in groups
    assert groups[-1] == ["政务公开"]  # a concept label no phrase gave is a phrase of its own
    # a phrase asked twice is one phrase
    assert phrase_groups("websites and more websites", dictionary, kept, []) == [["网站"]]
    # a translation the search did not keep (省份 here) is no phrase's word
    assert all("省份" not in g for g in phrase_groups("which province", dictionary, kept, []))


def test_the_unit_holding_every_phrase_beats_the_one_repeating_one_word():
    fused = {0: 1.0, 1: 0.9, 2: 0.3}  # the repetitive unit leads, as BM25 summing 网站 four times would have it
    groups = [["试点"], ["报送"], ["集约化"], ["网站"]]
    raise_covering(fused, TEXTS, groups, _idf, WEIGHT)
    assert max(fused, key=fused.get) == 1
    assert fused[2] == 0.3  # holds none of the words: unchanged
    # the share is idf-weighted: 网站 (in two units) counts less than the words only the second unit holds
    assert fused[0] - 1.0 < WEIGHT * 1.0 / 4


def test_a_question_of_one_phrase_or_no_weight_changes_nothing():
    fused = {0: 1.0, 1: 0.9}
    raise_covering(fused, TEXTS, [["网站"]], _idf, WEIGHT)
    raise_covering(fused, TEXTS, [["试点"], ["报送"]], _idf, 0.0)
    assert fused == {0: 1.0, 1: 0.9}


def test_only_the_best_candidates_are_judged():
    fused = {0: 1.0, 1: 0.2}
    raise_covering(fused, TEXTS, [["试点"], ["报送"]], _idf, WEIGHT, pool=1)
    assert fused == {0: 1.0, 1: 0.2}


def test_bm25_idf_falls_with_document_frequency_and_settings_override_the_weight():
    idf = bm25_idf(100, {"网站": 90, "报送": 2}.get)
    assert idf("报送") > idf("网站") > 0
    assert setting({}) == WEIGHT and setting({"english_coverage": 0.0}) == 0.0


def test_general_words_of_the_genre_reach_the_policy_sense():
    words = {"完成", "通关", "尽快", "敏捷", "初审", "除外", "在外"}
    shipped = load_dictionary(lambda w: w in words)
    assert shipped.lookup(("finish",))[0].word == "完成"
    assert shipped.lookup(("quickly",))[0].word == "尽快"
    assert shipped.lookup(("first", "check"))[0].word == "初审"
    assert shipped.lookup(("excluded",))[0].word == "除外"


def test_an_english_search_raises_the_unit_holding_its_phrases(index):
    question = "support for green factories that save energy and cut pollution emissions"
    weight = index.settings.english_coverage
    try:
        index.settings.english_coverage = 0.0
        without = {h.path: h.score for h in index.search(question, k=10).hits}
        index.settings.english_coverage = weight
        result = index.search(question, k=10)
    finally:
        index.settings.english_coverage = weight
    assert "绿色工厂" in result.hits[0].text and result.relevant
    first = result.hits[0].path
    assert result.hits[0].score > without[first]  # it held the words of several phrases: it rose
    chinese = index.search("绿色工厂节能改造", k=3)
    assert chinese.hits and "绿色工厂" in chinese.hits[0].text  # Chinese questions are not touched
