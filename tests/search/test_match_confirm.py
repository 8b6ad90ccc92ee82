"""search/match_confirm.unchecked_conditions: the conditions of the supports meant for the asker that no check
judged (a status only an authority confers: 新认定的…, 列入…名单) are listed to confirm, each once, in text order;
a condition read as data, or one a judged check lies in or states, is not; a firm type left unverified is."""

from __future__ import annotations

from kg.matchviews import ConditionCheck
from kg.views import ConditionView, SupportView
from search.match_confirm import unchecked_conditions

TEXT = "对新认定的省级新型研发机构，给予100万元奖励；对年营业收入超过2000万元的小微企业，给予50万元奖励。"


def support(condition: str, conditions: list[ConditionView] | None = None, text: str = TEXT) -> SupportView:
    """A support of TEXT (unit starting at 1000) whose condition is ``condition`` as written."""
    return SupportView("s", "u", "一", "reward", 100, None, "万元", None, "", None, "", condition, text, 1000,
                       1000 + len(text), conditions or [])


def span(words: str) -> tuple[int, int]:
    at = TEXT.index(words)
    return 1000 + at, 1000 + at + len(words)


def revenue_condition() -> ConditionView:
    start, end = span("年营业收入超过2000万元")
    return ConditionView("threshold", "revenue", "≥", 2000, None, [], "万元", "年营业收入超过2000万元", start, end)


def test_a_status_no_check_judged_is_listed_to_confirm():
    assert unchecked_conditions([support("新认定的省级新型研发机构")], []) == ["新认定的省级新型研发机构"]


def test_a_condition_read_as_data_is_not_listed():
    s = support("年营业收入超过2000万元的小微企业", [revenue_condition()])
    assert unchecked_conditions([s], [ConditionCheck("met", "revenue", "年营业收入超过2000万元", "", *span("年营业收入超过2000万元"))]) == []


def test_a_judged_check_inside_the_condition_covers_it_whatever_its_outcome():
    for status in ("met", "failed", "unknown"):
        check = ConditionCheck(status, "size", "小微企业", "", *span("小微企业"))
        assert unchecked_conditions([support("年营业收入超过2000万元的小微企业")], [check]) == []


def test_a_check_stating_the_conditions_words_covers_it_without_a_span():
    s = support("新认定的省级新型研发机构", text="给予100万元奖励")  # the condition is not in the support's text
    check = ConditionCheck("unknown", "needs", "新认定的省级新型研发机构", "", 0, 0)
    assert unchecked_conditions([s], [check]) == []


def test_an_unverified_check_covers_nothing_and_is_listed_itself():
    check = ConditionCheck("unverified", "size", "高新技术企业", "请自行核对", *span("省级新型研发机构"))
    assert unchecked_conditions([support("新认定的省级新型研发机构")], [check]) == ["新认定的省级新型研发机构",
                                                                                   "高新技术企业"]


def test_each_condition_once_in_text_order():
    later = SupportView("s2", "u", "一", "reward", 50, None, "万元", None, "", None, "", "列入名单的企业", TEXT,
                        2000, 2000 + len(TEXT), [])
    first = support("新认定的省级新型研发机构")
    assert unchecked_conditions([later, first, first], []) == ["新认定的省级新型研发机构", "列入名单的企业"]


def test_a_support_stating_no_condition_adds_nothing():
    assert unchecked_conditions([support(""), support("   ")], []) == []


def test_a_short_condition_is_shown_as_the_clause_of_the_unit_that_holds_it():
    unit = "专利代理师执业应当取得专利代理师资格证，在专利代理机构实习满１年，并在一家专利代理机构从业。"
    at = unit.index("满１年")
    threshold = SupportView("s", "u", "十一", "threshold", 1, None, "年", None, "", None, "≥", "满1年", "满１年",
                            500 + at, 500 + at + 3, [])  # the extractor writes the digit otherwise than the text
    assert unchecked_conditions([threshold], [], unit, 500) == ["在专利代理机构实习满１年"]


def test_a_check_on_the_condition_in_the_units_text_covers_it_though_the_support_holds_only_the_amount():
    amount_only = SupportView("s", "u", "一", "reward", 100, None, "万元", None, "", None, "", "新认定的省级新型研发机构",
                              "给予100万元奖励", 1014, 1024, [])
    check = ConditionCheck("unknown", "needs", "研发机构的认定", "", *span("省级新型研发机构"))  # other words, same place
    assert unchecked_conditions([amount_only], [check], TEXT, 1000) == []
    assert unchecked_conditions([amount_only], [check]) == ["新认定的省级新型研发机构"]  # no unit text: not found
    assert unchecked_conditions([amount_only], [], TEXT, 1000) == ["新认定的省级新型研发机构"]


def test_a_condition_of_a_sentence_extending_the_rule_to_another_case_is_an_alternative_not_listed():
    unit = ("纳税人的子女接受全日制学历教育的相关支出，按照每个子女每月1000元的标准定额扣除。"
            "年满3岁至小学入学前处于学前教育阶段的子女，按本条第一款规定执行。")
    at = unit.index("年满3岁")
    age = SupportView("s", "u", "五", "threshold", 3, None, "岁", None, "", None, "≥", "年满3岁", "年满3岁",
                      100 + at, 100 + at + 4, [])
    assert unchecked_conditions([age], [], unit, 100) == []
    # the same condition stated as a requirement of its own sentence is listed
    plain = unit.replace("按本条第一款规定执行", "可申请补贴")
    age2 = SupportView("s", "u", "五", "threshold", 3, None, "岁", None, "", None, "≥", "年满3岁", "年满3岁",
                       100 + plain.index("年满3岁"), 100 + plain.index("年满3岁") + 4, [])
    assert unchecked_conditions([age2], [], plain, 100) == ["年满3岁至小学入学前处于学前教育阶段的子女"]
