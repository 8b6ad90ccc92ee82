"""Sixth round, second pass on the calculator: a sum graded by kind of item, alternatives of what a person starts
(创办…或者从事…), and a clause that leaves out what a sibling item lists (除第一项所列城市以外)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from kg.views import ConditionView, EnterpriseProfile, SupportView
from search.eligibility import amount_of, verdict_of

TODAY = date(2026, 12, 7)


def support(text, amount, unit, cap=None):
    return SupportView(iri="s", unit_iri="u", unit_path="一", kind="reward", amount=D(amount), amount_max=None,
                       unit=unit, rate=None, rate_base="", cap=D(cap) if cap else None, comparator="", condition="",
                       text=text, start=0, end=len(text))


# ------------------------------------------------------------------ a sum per item, graded by the item's kind

GRADED = "对牵头起草标准的企业，每项国家标准奖励80万元、行业标准30万元、团体标准10万元，单个企业最高累计100万元"


def test_each_kind_counted_is_paid_at_its_own_grade_and_the_sum_is_capped():
    firm = EnterpriseProfile(name="某仪表公司", needs="去年牵头起草了1项国家标准，还有2项团体标准")
    got = amount_of(support(GRADED, "80", "万元", "100"), firm)
    assert got.value == D(1000000)  # 800,000 + 2 × 100,000 = 1,000,000, not above the cap
    assert "800,000 元/项 × 1 项（国家标准）" in got.formula and "100,000 元/项 × 2 项（团体标准）" in got.formula
    assert "= 1,000,000 元" in got.formula


def test_a_sum_above_the_cap_is_the_cap_and_the_formula_shows_both():
    firm = EnterpriseProfile(name="某材料公司", needs="主导制定了两项国家标准、一项行业标准")
    got = amount_of(support(GRADED, "80", "万元", "100"), firm)
    assert got.value == D(1000000) and got.kind == "cap"
    assert "= 1,900,000 元" in got.formula and "1,000,000 元" in got.formula


def test_a_firm_counting_no_item_keeps_the_first_grade_to_fill_in():
    firm = EnterpriseProfile(name="某材料公司", needs="我们参与过标准制定")
    got = amount_of(support(GRADED, "80", "万元", "100"), firm)
    assert got.value is None


# ------------------------------------------------------------------ what a person starts, as alternatives

from search.match_or import or_groups  # noqa: E402

STARTUP = "毕业5年内的高校毕业生在本市创办小微企业或者从事个体经营，持续经营满1年的，给予一次性创业补贴5000元。"


def startup_conditions():
    grad, small = STARTUP.find("高校毕业生"), STARTUP.find("小微企业")
    return [ConditionView("person", "person.status", "in", None, None, ["graduate"], "", "高校毕业生", grad, grad + 5),
            ConditionView("who", "size", "in", None, None, ["small"], "", "小微企业", small, small + 4)]


def startup(needs, **kw):
    return verdict_of(startup_conditions(), EnterpriseProfile(needs=needs, **kw), TODAY, either=or_groups(STARTUP))


def test_the_started_things_are_two_alternatives():
    pairs = [p for p in or_groups(STARTUP) if getattr(p, "objects", ("", "")) != ("", "")]
    assert [p.objects for p in pairs] == [("小微企业", "个体经营")]
    a0, a1, b0, b1 = pairs[0]
    assert STARTUP[a0:a1] == "创办小微企业" and STARTUP[b0:b1] == "从事个体经营"


def test_a_graduate_running_a_shop_is_not_asked_the_firm_size():
    got = startup("我是去年毕业的高校毕业生，开了一家奶茶店，做了一年多")
    assert "size" not in got.missing and got.status == "eligible"


def test_saying_nothing_of_either_still_asks_and_a_large_firm_still_fails():
    assert "size" in startup("我是去年毕业的高校毕业生，想申请创业补贴").missing
    assert startup("我是高校毕业生，我们公司", size="大型企业").status == "not_eligible"


# ------------------------------------------------------------------ a clause leaving out a sibling item's list

from types import SimpleNamespace  # noqa: E402

from kg.views import PersonProfile  # noqa: E402
from search.match_facts import excluded_by_reference  # noqa: E402

# guofa-2018-041 第十七条 (public text): the rent deduction by class of city
FIRST = "直辖市、省会（首府）城市、计划单列市以及国务院确定的其他城市，扣除标准为每月1500元；"
SECOND = "除第一项所列城市以外，市辖区户籍人口超过100万的城市，扣除标准为每月1100元；市辖区户籍人口不超过100万的城市，扣除标准为每月800元。"


def item(text, path):
    return SimpleNamespace(id=path, text=text, document="d", path=path, start=0, kind="item")


UNITS = [item(FIRST, "第十七条（一）"), item(SECOND, "第十七条（二）")]


def renter(needs, place=""):
    return EnterpriseProfile(needs=needs, place=place, person=PersonProfile(30, "在职职工"))


def test_a_renter_in_a_city_the_sibling_item_lists_fails_the_clause_that_leaves_it_out():
    [check] = excluded_by_reference(UNITS[1], UNITS, renter("我在杭州上班，每月房租3000元"))
    assert check.status == "failed" and check.text == "除第一项所列城市以外"
    assert "杭州" in check.detail and "第十七条（一）" in check.detail
    assert excluded_by_reference(UNITS[1], UNITS, renter("租房住", place="深圳市"))  # a 计划单列市, by the place field


def test_a_renter_elsewhere_or_saying_no_place_is_not_turned_away():
    assert excluded_by_reference(UNITS[1], UNITS, renter("我在绍兴上班，租房住")) == []
    assert excluded_by_reference(UNITS[1], UNITS, renter("租房住")) == []
    assert excluded_by_reference(UNITS[0], UNITS, renter("我在杭州上班")) == []  # the listing item itself


def test_the_item_before_and_a_listed_place_are_read_the_same_way():
    first = item("北京市、上海市的企业，补贴标准为每人每月300元；", "第五条（1）")
    second = item("除前项规定的地区外，其他地区的企业补贴标准为每人每月200元。", "第五条（2）")
    shanghai = EnterpriseProfile(name="某公司", place="上海市浦东新区")
    assert [c.status for c in excluded_by_reference(second, [first, second], shanghai)] == ["failed"]
    assert excluded_by_reference(second, [first, second], EnterpriseProfile(name="某公司", place="南京市")) == []


def test_an_english_asker_running_a_stall_holds_the_second_alternative():
    got = startup("I graduated from university last year and now run a small noodle stall")
    assert "size" not in got.missing
