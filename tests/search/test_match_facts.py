"""Ranking within a document by the asker's own facts (relatives, a place abroad, being an only child), the
standard a case without a sum of its own falls under, and an only child counted as one."""

from __future__ import annotations

from decimal import Decimal as D
from types import SimpleNamespace

from kg.views import EnterpriseProfile, PersonProfile, SupportView
from search.match_facts import FACT_BOOST, case_amounts, case_standard, fact_groups, fact_score, unit_fact_groups
from search.needs_text import count_in


def unit(text, uid="u1", document="d", start=0, supports=(), kind="article", path="第一条"):
    return SimpleNamespace(id=uid, text=text, document=document, start=start, kind=kind, path=path,
                           context=SimpleNamespace(supports=list(supports)))


def support(**kw):
    base = {"iri": "s", "unit_iri": "u", "unit_path": "一", "kind": "tax", "amount": None, "amount_max": None,
            "unit": "", "rate": None, "rate_base": "", "cap": None, "comparator": "", "condition": "", "text": "",
            "start": 0, "end": 0}
    base.update(kw)
    return SupportView(**base)


def person(needs):
    return EnterpriseProfile(needs=needs, person=PersonProfile(35, "在职职工"))


def test_the_askers_relatives_and_places_are_read_by_the_policys_words():
    assert fact_groups(person("外婆今年81了，一直跟着我过，药钱都是我掏")) == {"祖父母"}
    assert fact_groups(person("My son goes to school abroad; my wife stays home.")) == {"子女", "配偶", "境外"}
    assert fact_groups(person("我是家里唯一的孩子，我妈今年65")) == {"独生", "父母"}  # the asker, no child of theirs
    assert fact_groups(person("我还有个哥哥，父亲70岁")) == {"非独生", "父母"}
    assert fact_groups(EnterpriseProfile(needs="我们想把生产线改造一下")) == set()


def test_a_unit_is_about_the_relatives_it_names_not_the_taxpayers_own_status():
    assert unit_fact_groups("被赡养人是指年满60岁的父母，以及子女均已去世的年满60岁的祖父母") == {"父母", "子女", "祖父母"}
    assert unit_fact_groups("纳税人为非独生子女的，由其与兄弟姐妹分摊") == {"非独生"}
    assert unit_fact_groups("纳税人为独生子女的，按照每月2000元的标准定额扣除") == {"独生"}
    facts = {"子女", "境外"}
    assert fact_score("子女在境外读书的，留存录取通知书备查", facts) == 2 * FACT_BOOST
    assert fact_score("纳税人接受继续教育的支出", facts) == 0


def test_a_case_with_no_sum_of_its_own_takes_the_standard_of_the_article_before_it_on_the_same_subject():
    standard = unit("纳税人的子女接受全日制学历教育的相关支出，按照每个子女每月1000元的标准定额扣除。", uid="a5", start=0,
                    path="第五条", supports=[support(iri="s5", amount=D(1000), unit="元", text="每个子女每月1000元")])
    split = unit("父母可以选择由其中一方按扣除标准的100%扣除。", uid="a6", start=100, path="第六条")
    case = unit("纳税人子女在中国境外接受教育的，纳税人应当留存境外学校录取通知书等资料备查。", uid="a7", start=200, path="第七条")
    units = [standard, split, case]
    assert case_standard(case, units) is standard
    [one] = case_amounts(case, standard, person("My only daughter studies in the UK. How much a month?"), "en")
    assert (one.value, one.unit, one.base_value) == (D(1000), "元/月", D(1))
    assert "第五条" in one.formula
    [two] = case_amounts(case, standard, person("两个孩子都在国外上学"))
    assert two.value == D(2000) and "× 2 个子女" in two.formula
    other = unit("纳税人接受职业资格继续教育的，应当留存相关证书备查。", uid="a8", start=300, path="第八条")
    assert case_standard(other, units + [other]) is None  # another subject: no standard carried
    assert case_standard(standard, units) is None  # a unit with a sum of its own


def test_an_only_child_counts_as_one_child_but_the_taxpayers_own_status_does_not():
    assert count_in("My only daughter is at university in Manchester.") == D(1)
    assert count_in("我家是独生女，在读高中") == D(1)
    assert count_in("我是独生子女，父母都60多了") is None


def test_a_firms_words_are_read_for_places_not_relatives():
    firm = EnterpriseProfile(name="某童装厂", industry="儿童服装", needs="我们的童装卖给家长和孩子，想去国外参展")
    assert fact_groups(firm) == {"境外"}


def test_a_city_of_the_classes_a_measure_names_is_a_fact_but_a_list_of_governments_is_no_class_of_city():
    assert "大城市" in fact_groups(person("我在上海上班，租房住"))
    assert "大城市" not in fact_groups(person("我在苏州上班，苏州不是省会"))
    assert unit_fact_groups("直辖市、省会（首府）城市、计划单列市，扣除标准为每月1500元") == {"大城市"}
    assert unit_fact_groups("各省、自治区、直辖市和计划单列市税务局负责") == set()
