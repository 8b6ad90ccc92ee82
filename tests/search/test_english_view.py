"""English views of units: the index's CC-CEDICT table read forwards, matched against an English question."""

from search.bilingual import Dictionary
from search.english_view import EnglishViews, forward_glosses
from search.tokenize import Tokenizer

# (simplified, glosses) as CC-CEDICT gives them
ENTRIES = [("验收", ["to check and accept", "acceptance"]), ("牵头", ["to lead", "to take the lead"]),
           ("试点", ["pilot scheme", "test point"]), ("组织", ["to organize", "organization"]),
           ("总结", ["to sum up", "summary"])]
TEXTS = ["国务院办公厅将组织对试点进行验收总结。",
         "试点地区要加强组织领导。",
         "教育部牵头，有关部门参加。"]


def _views(senses=2):
    tokenizer = Tokenizer(["验收", "牵头", "试点", "组织", "总结"])
    dictionary = Dictionary(ENTRIES)
    df = {w: sum(w in t for t in TEXTS) for w, _ in ENTRIES}
    return EnglishViews(TEXTS, tokenizer, dictionary, lambda w: df.get(w, 0), senses)


def test_forward_glosses_read_the_table_backwards_again():
    glosses = forward_glosses(Dictionary(ENTRIES), 2)
    assert {"check", "accept", "acceptance"} <= glosses["验收"]
    assert "lead" in glosses["牵头"] and "to" not in glosses["牵头"]


def test_a_units_view_holds_the_glosses_of_its_words():
    views = _views()
    assert views.view(0)["accept"] == 1 and views.view(0)["pilot"] == 1
    assert views.view(2)["lead"] >= 1 and views.view(2)["accept"] == 0


def test_the_unit_whose_view_holds_the_question_words_rises():
    views = _views()
    fused = {0: 0.50, 1: 0.55, 2: 0.40}
    views.raise_matching(fused, "Who will check and accept the pilots?", 0.2)
    assert max(fused, key=fused.get) == 0
    assert fused[1] < 0.55 + 0.2 * 0.55  # 试点 alone: a smaller share
    unchanged = {0: 0.5, 1: 0.55}
    views.raise_matching(unchanged, "football tickets", 0.2)  # no word any unit is glossed by
    assert unchanged == {0: 0.5, 1: 0.55}


def test_units_holding_a_phrases_chinese_word_rise_by_the_share_they_hold():
    views = _views()
    fused = {0: 0.50, 1: 0.55, 2: 0.40}
    views.raise_phrases(fused, ["试点", "验收"], 0.3)  # pilot scheme, check and accept
    assert fused == {0: 0.50 + 0.3 * 0.55, 1: 0.55 + 0.3 * 0.55 / 2, 2: 0.40}
    unchanged = {0: 0.5}
    views.raise_phrases(unchanged, [], 0.3)
    assert unchanged == {0: 0.5}
