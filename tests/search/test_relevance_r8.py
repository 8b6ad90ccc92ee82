"""The unheld-word test beside the floors (search/relevance.py, issue 20, eighth round): an English question none
of whose content words the documents hold, none of whose evidence words the best units hold and whose best
cosine is low is "nothing relevant"; the bounds are fitted by benchmarks/calibrate_floors.py, leaving one set out."""

import json
from types import SimpleNamespace

from benchmarks.calibrate_floors import (
    Signal,
    cross_validate_word_rules,
    fit_word_rule,
    word_rules,
)
from search.expand import stem
from search.relevance import (
    WORD_RULES,
    WordRule,
    english_content_words,
    english_held_words,
    evidence_coverage,
    load_floors,
    load_word_rules,
    unheld_share,
    word_rule,
)


def test_content_words_leave_out_fillers_numbers_and_contractions():
    words = english_content_words("How much do we get? We're a hotpot-maker and won't wait until 2019", stem)
    assert words == ["hotpot", "maker", "wait"]
    assert english_content_words("how do I renew my passport", stem) == ["renew", "passport"]
    assert english_content_words("what is it?", stem) == []


def test_held_words_are_those_of_a_phrase_whose_chinese_the_documents_hold():
    phrases = [(("renew",), [SimpleNamespace(word="更新")]), (("passport",), [SimpleNamespace(word="护照")])]
    dictionary = SimpleNamespace(phrases=lambda text: phrases)
    held = english_held_words("how do I renew my passport", dictionary, {"更新", "专利"}.__contains__)
    assert held == {"renew"}
    assert unheld_share(["renew", "passport"], held.__contains__) == 0.5
    assert unheld_share([], held.__contains__) == 0.0  # nothing to judge by: never counted as unheld


def test_evidence_coverage_counts_words_of_two_characters_or_more_once():
    assert evidence_coverage(["专利", "专利", "代理", "费"], ["专利代理机构"]) == 1.0
    assert evidence_coverage(["护照", "更新"], ["专利代理机构", "更新目录"]) == 0.5
    assert evidence_coverage([], ["专利"]) == 0.0


def test_a_rule_flags_only_when_all_three_bounds_are_met():
    rule = WordRule(cosine=0.82, share=1.0, coverage=0.0)
    assert rule.flags(0.80, 1.0, 0.0)
    assert not rule.flags(0.83, 1.0, 0.0)  # a high cosine: something may answer it
    assert not rule.flags(0.80, 0.5, 0.0)  # half its words are held
    assert not rule.flags(0.80, 1.0, 0.2)  # a best unit holds one of its evidence words
    assert not rule.flags(None, 1.0, 0.0)


def test_rules_are_read_beside_the_floors_and_a_callers_own_floors_turn_them_off(tmp_path):
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({"enc": {"en": 0.7}, "_rule": "note",
                                WORD_RULES: {"enc": {"en": {"cosine": 0.8, "share": 1, "coverage": 0}}}}))
    assert load_floors(path) == {"enc": {"en": 0.7}}  # the rules are no encoder
    assert load_word_rules(path) == {"enc": {"en": WordRule(0.8, 1.0, 0.0)}}
    assert word_rule("e5-small", "en", overrides={"en": 0.5}) is None
    assert word_rule("no-such-encoder", "en") is None


def sig(set_, lang, cosine, share, coverage, answerable=True):
    return Signal(set=set_, lang=lang, key=lang, question=f"{set_}-{cosine}-{share}", answerable=answerable,
                  best_cosine=cosine, second_cosine=None, best_bm25=None, covered=True, first_right=answerable,
                  unheld_share=share, coverage=coverage)


def signals():
    out = []
    for name in ("a", "b", "c"):
        out += [sig(name, "en", 0.80 + i * 0.01, 0.5, 0.3) for i in range(5)]  # answerable, half their words held
        out += [sig(name, "en", 0.79, 1.0, 0.0, answerable=False)]  # nothing of it held
    out += [sig("c", "en", 0.81, 1.0, 0.0)]  # an answerable question as bare as the unanswerable ones
    return out


def test_the_fitted_rule_never_flags_a_training_answerable_question_within_its_margin():
    floors = {"en": 0.70}
    rule = fit_word_rule([s for s in signals() if s.set != "c"], floors, 0.0)
    assert rule is not None and rule.share == 1.0 and rule.coverage == 0.0 and 0.79 < rule.cosine
    for margin in (0.0, 0.02):
        fitted = fit_word_rule(signals(), floors, margin)
        assert fitted is None or fitted.cosine + margin <= 0.81


def test_leave_one_set_out_takes_the_widest_margin_that_keeps_every_answerable_question():
    floors = {"en": 0.70}
    table = cross_validate_word_rules(signals(), 0.0, 0.0, fixed=floors)
    en = table["en"]
    # below 0.80 and 0.01 of room under set c's bare answerable question (0.81): every unanswerable one caught
    assert en["false"] == [] and en["let_through"] == 3 and en["caught"] == 3 and en["margin"] == 0.01
    assert word_rules(signals(), floors, table) == {"en": WordRule(0.80, 1.0, 0.0)}


def test_a_language_whose_rule_flags_an_answerable_question_held_out_at_every_margin_gets_none():
    floors = {"en": 0.70}
    # no other set has a bare answerable question, so no margin keeps a rule off set d's (0.785)
    bare = [s for s in signals() if s.answerable is False or s.unheld_share < 1.0] + [sig("d", "en", 0.785, 1.0, 0.0)]
    table = cross_validate_word_rules(bare, 0.0, 0.0, fixed=floors)
    assert table["en"]["false"] == ["d: d-0.785-1.0"]
    assert word_rules(bare, floors, table) == {}
