"""An English question's words as the bilingual table reads them (search/bilingual.py, sixth round): a hyphenated
word no phrase holds is looked up by its parts, one a phrase holds stays whole, and a plural of an -ing noun is
stemmed once more (meetings → meeting → meet)."""

from search.bilingual import Dictionary, other_forms

ENTRIES = [
    ("高风险", ["high risk"]),
    ("夜间", ["night time", "nighttime"]),
    ("中秋节", ["the Mid-Autumn Festival"]),
    ("会议", ["to meet", "meeting"]),
    ("外资", ["foreign capital"]),
]


def table() -> Dictionary:
    return Dictionary(ENTRIES)


def words_of(text: str) -> dict[tuple[str, ...], list[str]]:
    return {phrase: [t.word for t in found] for phrase, found in table().phrases(text)}


def test_a_hyphenated_word_is_read_by_its_parts():
    found = words_of("Which high-risk zones get night-time patrols?")
    assert found[("high", "risk")] == ["高风险"]
    assert found[("night", "time")] == ["夜间"]


def test_a_hyphenated_word_a_phrase_holds_stays_whole():
    assert words_of("When is the Mid-Autumn Festival holiday?")[("mid-autumn", "festival")] == ["中秋节"]


def test_a_word_no_phrase_holds_is_split_only_into_its_own_parts():
    assert table().question_words("foreign-owned firms") == ["foreign", "owned", "firm"]


def test_the_plural_of_an_ing_noun_is_stemmed_again():
    assert "meet" in other_forms("meeting")
    assert [t.word for _, found in table().phrases("How many meetings a year?") for t in found] == ["会议"]


def test_the_glossary_gives_the_genre_terms_of_the_sixth_round():
    from search.bilingual import load_dictionary

    held = {"污水", "教材", "地质", "部委", "组长", "回购", "省级"}
    dictionary = load_dictionary(lambda word: word in held)
    assert [t.word for t in dictionary.lookup(("wastewater",))][:1] == ["污水"]
    assert [t.word for t in dictionary.lookup(("textbook",))][:1] == ["教材"]
    assert "地质" in [t.word for t in dictionary.lookup(("geological",))]
    assert [t.word for t in dictionary.lookup(("ministry",))][:1] == ["部委"]
    assert "回购" in [t.word for t in dictionary.lookup(("buy", "back"))]
