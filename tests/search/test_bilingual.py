"""English → Chinese words through CC-CEDICT read backwards: gloss keys, phrase matching, the saved table,
and what an English question adds to the lexical query."""

from __future__ import annotations

import pytest

from search.bilingual import Dictionary, gloss_keys, load_dictionary, parse_cedict_line

# Entries in CC-CEDICT's shape, written for these tests.
ENTRIES = [
    ("机器人", ["robot", "android"]),
    ("机床", ["machine tool", "lathe"]),
    ("机器", ["machine", "engine"]),
    ("工具", ["tool", "means"]),
    ("补贴", ["to subsidize", "subsidy", "allowance"]),
    ("补助", ["(financial) subsidy", "allowance"]),
    ("生产线", ["production line", "assembly line"]),
    ("人", ["person"]),  # one character: never indexed
]


@pytest.mark.parametrize(("gloss", "keys"), [
    ("robot", [("robot",)]),
    ("to manufacture; to make", [("manufacture",)]),  # make alone is a stopword
    ("(financial) subsidy", [("subsidy",)]),
    ("machine tools", [("machine", "tool")]),
    ("CL:個|个[ge4]", []),
    ("variant of 機器|机器[ji1 qi4]", []),
    ("surname Ji", []),
    ("to depend on", [("depend",)]),  # trailing stopwords dropped
    ("to do something very carefully and thoroughly", []),  # more than three words: not a short gloss
    ("the 1990s", []),
    ("the", []),
    # a long gloss's head before its comma; a capitalised parenthesis is another name, a lower-case one a note
    ("the Mid-autumn festival, the traditional moon-viewing festival on the 15th", [("mid-autumn", "festival")]),
    ("Spring Festival (Chinese New Year)", [("spr", "festival"), ("chinese", "new", "year")]),
    ("blog (loanword)", [("blog",)]),
    ("PRC National Day (October 1st)", [("prc", "national", "day")]),
])
def test_gloss_keys(gloss, keys):
    assert gloss_keys(gloss) == keys


@pytest.mark.parametrize(("line", "entry"), [
    ("機器人 机器人 [ji1 qi4 ren2] /robot/android/", ("机器人", ["robot", "android"])),
    ("# CC-CEDICT", None),
    ("broken line", None),
])
def test_parse_cedict_line(line, entry):
    assert parse_cedict_line(line) == entry


@pytest.fixture(scope="module")
def dictionary() -> Dictionary:
    return Dictionary(ENTRIES)


@pytest.mark.parametrize(("text", "found"), [
    ("industrial robots", {("robot",): ["机器人"]}),
    ("machine tools for robots", {("machine", "tool"): ["机床"], ("robot",): ["机器人"]}),  # not 机器 + 工具
    ("a subsidy for the production line", {("subsidy",): ["补助", "补贴"], ("production", "line"): ["生产线"]}),
    ("the person", {}),  # single characters are not indexed
])
def test_phrases_longest_first(dictionary, text, found):
    assert {p: [t.word for t in ts] for p, ts in dictionary.phrases(text)} == found


def test_primary_sense_first(dictionary):
    # 补助's first gloss is subsidy; 补贴's is "to subsidize" (subsidy second)
    assert [t.word for t in dictionary.lookup(("subsidy",))] == ["补助", "补贴"]


def test_keep_and_table_round_trip():
    kept = Dictionary(ENTRIES, keep=lambda word: word != "补助")
    assert [t.word for t in kept.lookup(("subsidy",))] == ["补贴"]
    again = Dictionary.from_table(kept.to_table())
    assert again.to_table() == kept.to_table()
    assert [t.word for t in again.lookup(("machine", "tool"))] == ["机床"]
    assert Dictionary.from_table({"subsidy": ["补助", "补贴"]}).shortened(1).to_table() == {"subsidy": ["补助"]}


def test_shipped_dictionary_translates_policy_words():
    words = {"机器人", "补贴", "补助", "仓库", "机床"}
    shipped = load_dictionary(lambda w: w in words)
    assert "机器人" in [t.word for t in shipped.lookup(("robot",))]
    assert {"补贴", "补助"} <= {t.word for t in shipped.lookup(("subsidy",))}


def test_english_question_reaches_chinese_text_lexically(index):
    plan = index.plan("subsidy for retrofitting with machine tools")
    assert plan.language == "en"
    assert "机床" in plan.translation_terms or "数控机床" in plan.lexical_terms
    groups = index.term_groups(plan)
    assert groups[-1].weight == index.settings.translation_weight
    chinese = index.plan("机床补贴")
    assert chinese.translation_terms == []  # a Chinese question is not translated


def test_a_phrase_translation_weighs_more_than_a_word_one(index):
    plan = index.plan("subsidy for retrofitting with machine tools")
    weights = {t: g.weight for g in index.term_groups(plan) for t in g.tokens}
    if "机床" in plan.phrase_terms:  # machine tool → 机床, one thing; subsidy → 补贴 one word's gloss
        assert weights["机床"] == index.settings.phrase_translation_weight
    assert all(weights[t] == index.settings.translation_weight
               for t in plan.translation_terms if t not in plan.phrase_terms and t in weights)


def test_index_keeps_only_words_its_documents_hold(index, tmp_path):
    table = index.translations.to_table()
    assert table, "the fixture's documents hold words CC-CEDICT glosses"
    held = {w for words in table.values() for w in words}
    assert all(index.backend.document_frequency(w) > 0 for w in held)
    from search.hybrid import SearchIndex

    index.save(tmp_path / "idx")
    loaded = SearchIndex.load(tmp_path / "idx", index.encoder)
    assert loaded.translations.to_table() == table


def test_a_word_the_table_lacks_is_looked_up_in_its_other_forms():
    """manufacturing stems to manufactur, deduction and procurement are nouns of glossed verbs, licence is spelt
    license in the glosses: each finds the entry of its other form; a filler word (many, get) is never looked up."""
    from search.bilingual import other_forms

    dictionary = Dictionary([("制造", ["to manufacture"]), ("扣除", ["to deduct"]), ("采购", ["to procure"]),
                             ("执照", ["license"]), ("削减", ["to cut"]), ("许多", ["many"]), ("取得", ["to get"])])
    found = {p: [t.word for t in ts] for p, ts in
             dictionary.phrases("many firms get a licence for manufacturing; deduction, procurement, cutting")}
    assert found == {("manufacture",): ["制造"], ("deduct",): ["扣除"], ("procure",): ["采购"],
                     ("license",): ["执照"], ("cut",): ["削减"]}
    assert "manufacture" in other_forms("manufactur") and "cut" in other_forms("cutt")
    assert "station" not in other_forms("station")


def test_past_forms_and_men_plurals_find_their_entry():
    """The stemmer keeps -ed and -men: trained, praised, centralised (British), studied, craftsmen each find the
    entry of their base form; argumentative adverbs (simply, its own) are never looked up alone."""
    dictionary = Dictionary([("培训", ["to train"]), ("表扬", ["to praise"]), ("集中", ["to centralize"]),
                             ("研究", ["to study"]), ("工匠", ["craftsman"]), ("根本", ["simply"]), ("自身", ["own"])])
    found = {p: [t.word for t in ts] for p, ts in
             dictionary.phrases("staff trained and praised, centralised and studied by craftsmen; simply its own")}
    assert found == {("train",): ["培训"], ("praise",): ["表扬"], ("centralize",): ["集中"], ("study",): ["研究"],
                     ("craftsman",): ["工匠"]}


def test_policy_glossary_comes_before_cedict(tmp_path):
    """The policy glossary's words for a phrase come first, in the glossary's order, CC-CEDICT's fill in the rest:
    pilot → 试点 (policy) before 驾驶 (CC-CEDICT's first sense); a body's full English name is a key too."""
    from search.bilingual import load_glossary

    words = {"试点", "驾驶", "比例", "共享", "财政部", "贴息"}
    shipped = load_dictionary(lambda w: w in words)
    assert [t.word for t in shipped.lookup(("pilot",))][:2] == ["试点", "驾驶"]
    assert next(t.word for t in shipped.lookup(("share",))) == "比例"
    assert [t.word for t in shipped.lookup(("interest", "subsidy"))] == ["贴息"]
    assert [t.word for t in shipped.lookup(("ministry", "of", "finance"))] == ["财政部"]
    plain = load_dictionary(lambda w: w in words, glossary=False)
    assert [t.word for t in plain.lookup(("pilot",))] == ["驾驶"]

    path = tmp_path / "g.tsv"
    path.write_text("# comment\n补贴\tsubsidy; grant\n补贴\tallowance; grant\n人\tperson\nno tab\n", encoding="utf-8")
    assert load_glossary(path=path) == [("补贴", ["subsidy", "grant", "allowance"]), ("人", ["person"])]
    assert load_glossary(lambda w: w != "补贴", path=path) == [("人", ["person"])]


def test_shipped_glossary_is_well_formed():
    """Every line of the shipped glossary is a Chinese term and at least one English gloss with a key."""
    from search.bilingual import GLOSSARY_WORDS, load_glossary

    entries = load_glossary()
    assert len(entries) > 500
    for chinese, glosses in entries:
        assert all("\u4e00" <= c <= "\u9fff" for c in chinese), chinese
        assert any(gloss_keys(g, GLOSSARY_WORDS) for g in glosses), chinese
