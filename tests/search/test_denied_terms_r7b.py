"""A unit that holds the asked word only as the class it denies (非独生子女 when 独生子女 is asked) ranks below its
sibling holding the word itself; questions that deny the word, or units with no plain sibling, are left alone."""
from search.boosts import DENIED_WEIGHT, lower_denied
from search.expand import QueryPlan

# two sibling items of the income tax deduction rules (corpus-real guofa-2018-041, 第二十二条)
TEXTS = [
    "纳税人为独生子女的，按照每月2000元的标准定额扣除；",
    "纳税人为非独生子女的，由其与兄弟姐妹分摊每月2000元的扣除额度，每人分摊的额度不能超过每月1000元。",
    "本办法所称被赡养人是指年满60岁的父母。",
]


def scores(plan: QueryPlan, words: list[str], fused: dict[int, float] | None = None) -> dict[int, float]:
    fused = dict(fused or {0: 1.0, 1: 1.1, 2: 0.5})
    lower_denied(fused, plan, TEXTS, words)
    return fused


def test_the_denied_sibling_is_lowered_for_an_only_child():
    fused = scores(QueryPlan("我是独生子女，赡养老人每月能扣多少", "zh"), ["独生子女", "赡养", "老人"])
    assert fused[1] == 1.1 * DENIED_WEIGHT and fused[0] == 1.0 and fused[2] == 0.5
    assert max(fused, key=fused.get) == 0


def test_an_english_question_through_its_chinese_words():
    plan = QueryPlan("How much can an only child deduct each month?", "en", translation_terms=["独生子女", "扣除"])
    assert scores(plan, ["独生子女", "扣除"])[1] < 1.0


def test_a_chinese_question_denying_the_word_lowers_the_plain_sibling():
    for text in ("我不是独生子女，赡养老人扣多少", "纳税人为非独生子女的怎么分摊"):
        fused = scores(QueryPlan(text, "zh"), ["独生子女"], {0: 1.1, 1: 1.0, 2: 0.5})
        assert fused == {0: 1.1 * DENIED_WEIGHT, 1: 1.0, 2: 0.5}


def test_an_english_question_with_a_denial_lowers_nothing():
    plan = QueryPlan("I am not an only child: how is it shared?", "en", translation_terms=["独生子女"])
    assert scores(plan, ["独生子女"]) == {0: 1.0, 1: 1.1, 2: 0.5}


def test_a_unit_holding_both_cases_is_left_alone():
    texts = ["独生子女和非独生子女都可扣除。", "纳税人为非独生子女的，分摊扣除额度。"]
    fused = {0: 1.0, 1: 0.9}
    lower_denied(fused, QueryPlan("我不是独生子女怎么扣", "zh"), texts, ["独生子女"])
    assert fused == {0: 1.0, 1: 0.9}


def test_without_a_plain_sibling_the_denied_unit_stays():
    assert scores(QueryPlan("独生子女怎么扣", "zh"), ["独生子女"], {1: 1.1, 2: 0.5}) == {1: 1.1, 2: 0.5}


def test_unless_is_no_denial():
    texts = ["除非独生子女另有约定，按月扣除。", "独生子女按月扣除。"]
    fused = {0: 1.0, 1: 0.9}
    lower_denied(fused, QueryPlan("独生子女怎么扣", "zh"), texts, ["独生子女"])
    assert fused == {0: 1.0, 1: 0.9}
