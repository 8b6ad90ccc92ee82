"""A target's indicator names what is counted, with its qualifier, never a verb phrase (eighth round, issue 20).

Sentences are corpus-real (guohan-2018-159, guofa-2019-004, guobanfa-1996-032) or written for the test in the
shape local plans use."""

from decimal import Decimal

from ingest.quantities import QUANTITY_RE
from ingest.targets import extract_targets


def _indicators(text: str) -> list[tuple[str, Decimal, str]]:
    return [(t.indicator, t.quantity, t.unit) for t in extract_targets(text, 0, "一", "d.u1")]


def test_lead_word_jiang_is_no_part_of_the_indicator():
    got = _indicators("实现多规合一，将雄安新区蓝绿空间占比稳定在70%，远景开发强度控制在30%。")
    assert ("雄安新区蓝绿空间占比", Decimal(70), "%") in got
    assert ("远景开发强度", Decimal(30), "%") in got


def test_lead_verbs_and_adverbs_are_dropped():
    got = _indicators("到2025年，组织开展残疾人职业技能培训1300人次以上，全年举办各类促消费活动200场以上。")
    assert [g[0] for g in got] == ["残疾人职业技能培训", "各类促消费活动"]
    assert _indicators("努力实现地区生产总值增长6.2%左右。")[0][0] == "地区生产总值增长"
    assert _indicators("2024年建设农村公路约6000公里。")[0][0] == "农村公路"


def test_verb_that_makes_a_noun_is_kept():
    got = _indicators("到2025年，建成区绿化覆盖率达到42%。")
    assert got[0][0] == "建成区绿化覆盖率"


def test_quantified_relative_clause_stays_with_its_noun():
    got = _indicators("到2025年，纳税过1亿元的企业达30家，产值过500亿元的企业达3家。")
    assert [g[0] for g in got] == ["纳税过1亿元的企业", "产值过500亿元的企业"]


def test_elliptic_bound_takes_the_stem_of_the_clause_before():
    got = _indicators("到2025年，战略性新兴产业规模过1000亿元的集群1个，过100亿元的集群5个。")
    assert [g[0] for g in got] == ["战略性新兴产业规模过1000亿元的集群", "战略性新兴产业规模过100亿元的集群"]


def test_series_of_kinds_names_the_head_the_list_lead_gives():
    got = _indicators("到2025年，培育一批特色产业集群，年产值超200亿元的3个，超100亿元的8个。")
    assert [g[0] for g in got] == ["年产值超200亿元的特色产业集群", "年产值超100亿元的特色产业集群"]


def test_count_before_a_predicate_names_the_noun_only():
    got = _indicators("推动职业院校在10个左右技术技能人才紧缺领域大力开展职业培训。")
    assert got == [("技术技能人才紧缺领域", Decimal(10), "个")]
    got = _indicators("到2026年，推动20条生产线投产，在3-5个关键材料领域形成竞争优势。")
    assert [g[0] for g in got] == ["生产线", "关键材料领域"]


def test_parallel_relative_clauses_share_the_head_after_them():
    got = _indicators("到2025年，争创3个引领产业升级、在全省具有影响力的领军型产业。")
    assert got[0][0] == "引领产业升级、在全省具有影响力的领军型产业"


def test_noun_after_de_names_a_bound_whose_clause_is_only_a_verb():
    text = ("内地西藏初中班（校）从现有招生规模基础上，逐步扩大，1998年达到2000人的规模。")
    assert _indicators(text)[0][0] == "规模"
    text = "从1996年开始逐年扩招，分3年落实，至1998年达到2000名的招生规模。"
    assert _indicators(text)[0][0] == "招生规模"


def test_a_sum_before_what_it_is_spent_on_is_named_by_the_word_before_it():
    got = _indicators("2023年投资3000万元建设循环水养殖基地。")
    assert got[0][0] == "投资建设循环水养殖基地"


def test_anniversary_is_no_quantity_in_weeks():
    assert _indicators("今年是中华人民共和国成立75周年，到2025年实施培训不少于2周。") == [("培训", Decimal(2), "周")]
    units = [m.group("unit") for m in QUANTITY_RE.finditer("成立75周年，每期3周")]
    assert units == [None, "周"]


def test_a_doing_verb_before_the_figure_and_a_cells_item_number_are_dropped():
    got = _indicators("2023年全区固定资产投资力争完成381亿元，政府专项债资金使用完成率实现100%。")
    assert [g[0] for g in got] == ["全区固定资产投资", "政府专项债资金使用完成率"]
    assert _indicators("积极争取天然气合同量增长5%以上。")[0][0] == "天然气合同量增长"
    assert _indicators("主要预期目标\t1.地区生产总值增长5%以上。")[0][0] == "地区生产总值增长"
