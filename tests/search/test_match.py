"""Enterprise matching on the hand-made document with the fake encoder."""

from __future__ import annotations

import pytest

from search.match import EnterpriseProfile, match_enterprise, normalise_size
from tests.search.search_fixtures import iri


@pytest.mark.parametrize(("size", "expected"), [
    ("small", "small"), ("中小企业", "small"), ("Medium", "medium"), ("规模以上", "large"), ("huge", None), (None, None)])
def test_normalise_size(size, expected):
    assert normalise_size(size) == expected


def test_match_ranks_the_robot_measure_and_financing_for_an_sme(index):
    result = match_enterprise(index, EnterpriseProfile("汽车零部件", ["采购工业机器人改造生产线", "申请贷款"], "中小企业"),
                              lang="en")
    assert result.measures[0].iri == iri("2.1.1")
    assert "工业机器人" in result.measures[0].reason
    first = result.instruments[0]
    assert (first.kind, first.path) == ("financing", "三（二）")
    assert "中小企业" in first.reason and "融资担保" in first.text
    data = result.to_dict()
    assert set(data) == {"profile", "measures", "instruments", "district_office", "lang", "today"}
    # instruments are chosen for the enterprise (a loan, its size), not every kind the safeguards offer
    assert {i["kind"] for i in data["instruments"]} >= {"financing"}
    assert all(i["reasons"] for i in data["instruments"])


# ------------------------------------------------------------------ the seed plan, real e5

GENERIC = {"改造", "企业", "技术", "技术改造", "支持", "建设", "产业", "制造", "推进", "提升", "项目", "生产"}


def test_the_support_instrument_group_joins_the_shipped_scheme():
    from search.lexicon import load_scheme_labels
    from search.match import SCHEME_KINDS, SUPPORT_GROUP, _instrument_terms

    scheme = {c.key: c for c in load_scheme_labels()}
    assert scheme[SUPPORT_GROUP].group == SUPPORT_GROUP  # the top concept of ingest/data/concepts.ttl
    assert {key: scheme[key].group for key in SCHEME_KINDS} == dict.fromkeys(SCHEME_KINDS, SUPPORT_GROUP)
    terms = _instrument_terms(list(scheme.values()))
    # labels that only the scheme knows reach the instrument words
    assert "研发费用加计扣除" in terms["tax"] and "银行贷款" in terms["financing"] and "信用贷款" in terms["financing"]
    assert "财政补助" in terms["funds"] and "以奖代补" in terms["funds"] and "用地指标" in terms["land"]
    assert "放管服" in terms["approvals"] and "行政许可" in terms["approvals"]


def test_an_sme_asking_for_a_loan_gets_the_guarantee_fund_of_3_4(seed_index):
    result = match_enterprise(seed_index, EnterpriseProfile("电子元器件", ["想申请银行贷款扩大产能"], "小微企业"),
                              lang="en")
    first = result.instruments[0]
    assert (first.kind, first.label, first.path, first.heading) == ("financing", "融资担保", "三（四）", "加强产融合作")
    assert first.text.startswith("发挥本市中小企业政策性融资担保基金的功能作用")
    # each input is credited with its own words: the plan asks for a loan, the size matches 中小企业
    assert first.reason == ('plan "想申请银行贷款扩大产能" asks for financing ("银行贷款"), which the text offers as '
                            '"融资担保", "融资", "信贷"; size "小微企业" matches "中小企业" in the text')
    assert first.score == 2.5 and all(i.score <= 1.0 for i in result.instruments[1:])


def test_an_english_profile_asks_through_the_scheme(seed_index):
    result = match_enterprise(seed_index, EnterpriseProfile("textile mill", ["bank loan"], "small"), lang="en")
    assert (result.instruments[0].kind, result.instruments[0].path) == ("financing", "三（四）")
    assert 'plan "bank loan" asks for financing' in result.instruments[0].reason


def test_a_textile_firm_planning_custom_production_gets_2_5_1(seed_index):
    result = match_enterprise(seed_index, EnterpriseProfile("纺织", ["个性化定制生产"], "中型企业"), lang="en")
    first = result.measures[0]
    assert (first.path, first.heading) == ("二（五）1", "不断丰富产品品种")
    # 个性化定制 is a concept of the scheme (mass customisation, a national term): the plan's word is found whole
    assert first.reason == ('industry "纺织" matches "纺织" in the text; '
                            'plan "个性化定制生产" matches "个性化定制" in the text')
    assert "纺织" in first.matched_concepts and "个性化定制" in first.matched_concepts + first.matched_terms
    assert "个性化定制" in first.text and "纺织" in first.text


def test_a_robot_plan_gets_2_1_1_and_reasons_name_no_generic_word(seed_index):
    result = match_enterprise(seed_index, EnterpriseProfile("汽车零部件制造", ["引进工业机器人改造焊接生产线"],
                                                            "大型企业"), lang="zh")
    assert [m.path for m in result.measures[:2]] == ["二（一）1", "二（一）2"]
    assert result.measures[0].reason == "计划“引进工业机器人改造焊接生产线”对应原文“工业机器人”、“生产线”"
    for m in result.measures:
        assert not GENERIC & set(m.matched_terms + m.matched_concepts), m.reason
    # a large firm asking for nothing in particular: the instruments its size points to (none lifted), and the
    # plan's general support, which applies to the matched measure whether or not the firm names it (issue 21)
    sized = [i for i in result.instruments if any(r.input == "size" for r in i.reasons)]
    assert sized and {i.score for i in sized} == {1.0}
    rest = [i for i in result.instruments if i not in sized]
    assert rest and all([r.input for r in i.reasons] == ["document"] and i.score == 0.5 for i in rest)
    assert {i.kind for i in result.measures[0].instruments} >= {"funds", "tax", "financing"}


def test_a_tax_question_gets_the_deduction_sentence_of_3_3(seed_index):
    result = match_enterprise(seed_index, EnterpriseProfile("钢铁", ["研发费用加计扣除"], "large"))
    first = result.instruments[0]
    assert (first.kind, first.label, first.path) == ("tax", "税收优惠", "三（三）")
    assert first.text == "全面落实研发费用加计扣除、专用设备税额抵免等税收优惠政策。"


def test_a_firm_in_the_plans_place_gets_its_district_government_and_one_elsewhere_fails_on_place(seed_index):
    """A local document applies where it was made: a firm in 金山区 is eligible under the Shanghai plan and gets
    its district government as a contact (from its place alone), a firm in Suzhou is told the place fails."""
    from datetime import date

    from search.match_contacts import DocumentInfo

    slug = seed_index.units[0].document
    plan = DocumentInfo(slug, "上海市技术改造三年行动计划（2018—2020年）", (), "上海市", date(2020, 12, 31), "2018/2020")
    here = match_enterprise(seed_index, EnterpriseProfile(industry="棉布印染", place="上海市金山区",
                                                          needs="想把老染机换掉，装余热回收，节能改造"),
                            jurisdictions=["上海市"], documents=[plan], today=date(2026, 12, 7))
    first = here.measures[0]
    assert first.document == slug and first.verdict.status == "eligible"
    assert first.verdict.expired_on == date(2020, 12, 31)
    assert here.district_office.agent_name == "上海市金山区人民政府"
    away = match_enterprise(seed_index, EnterpriseProfile(industry="微型电机", place="江苏省苏州市吴中区",
                                                          needs="建一条自动化生产线"),
                            jurisdictions=["上海市"], documents=[plan], today=date(2026, 12, 7))
    assert away.measures[0].verdict.status == "not_eligible"
    assert [c.field for c in away.measures[0].verdict.failing] == ["place"]
    assert away.district_office is None


def test_instruments_of_the_firms_own_place_come_first_and_anothers_last(seed_index):
    from search.match import INSTRUMENT_LOCAL
    from search.match_contacts import DocumentInfo

    slug = seed_index.units[0].document
    plan = DocumentInfo(slug, "上海市技术改造三年行动计划（2018—2020年）", (), "上海市")
    asks = {"industry": "电子元器件", "plans": ["想申请银行贷款扩大产能"], "size": "小微企业"}

    def scores(place):
        result = match_enterprise(seed_index, EnterpriseProfile(**asks, place=place), documents=[plan])
        return {(i.kind, i.path, i.text): i.score for i in result.instruments}

    nowhere, here, away = scores(""), scores("上海市金山区"), scores("江苏省苏州市")
    assert here and all(round(here[key] - nowhere[key], 3) == INSTRUMENT_LOCAL for key in here)
    assert not away  # another place's support is no instrument for the firm (it stays among the measures)
    named = match_enterprise(seed_index, EnterpriseProfile(**{**asks, "plans": ["上海那边的贷款支持我们能申请吗"]},
                                                           place="江苏省苏州市"), documents=[plan])
    assert named.instruments  # unless the firm names that place: then they are listed (last among others)


def test_a_safeguard_follows_the_task_the_project_falls_under(seed_index):
    """A firm with a project that asks for a loan: the task first, 加强产融合作 after it (its financing is shown
    with the task anyway, as the document's support)."""
    result = match_enterprise(seed_index, EnterpriseProfile(industry="电子元器件",
                                                            needs="想上一条自动化成套生产线，钱不够，想申请银行贷款"))
    kinds = [m.kind for m in result.measures]
    assert kinds[0] != "safeguard" and "safeguard" in kinds
    first = result.measures[0]
    assert all(m.score < first.score for m in result.measures if m.kind == "safeguard")
    assert "financing" in {i.kind for i in first.instruments}


def test_a_decision_is_something_a_firm_can_act_on():
    """A reply's 同意…享受相关政策 or a decision that hands an approval to a province is what a firm asks about;
    the background and the duties of bodies are not."""
    from types import SimpleNamespace

    from search.match import _actionable

    assert _actionable(SimpleNamespace(function="decision", kind="chapter"))
    assert _actionable(SimpleNamespace(function="support", kind="item"))
    assert not _actionable(SimpleNamespace(function="context", kind="paragraph"))
    assert not _actionable(SimpleNamespace(function="goal", kind="item"))


def test_a_firm_that_asks_about_approvals_sees_the_plans_approval_reform_below_its_task(seed_index):
    """Its wording (跑审批, 拖时间) is far from the safeguard's (承诺备案制), yet that safeguard is what it asks for."""
    profile = EnterpriseProfile(industry="汽车零部件", place="上海市松江区",
                                needs="在现有车间里换一条新的冲压线，不新增用地，就怕审批要跑很多部门")
    result = match_enterprise(seed_index, profile, k=5)
    top = result.measures[:3]
    assert any(m.kind == "safeguard" and "审批" in m.text for m in top)
    assert top[0].kind != "safeguard"  # the task the project falls under still answers first


def test_a_unit_saying_no_on_the_askers_own_facts_joins_the_hits_at_its_documents_best_score():
    """被赡养人是指年满60岁的父母 shares few words with 我妈58岁，能扣吗, yet decides it: the units of the best-matched
    documents that say no on the asker's facts join the hits, scored as their document's best hit."""
    from types import SimpleNamespace

    from kg.views import Hit, HitContext, Scores
    from search.match import _deciding_units

    def hit(iri, text, score, document="d"):
        return Hit(iri, "article", iri, "", text, 0, len(text), document, score, Scores(), [], HitContext(), None)

    best = hit("a22", "纳税人为独生子女的，按照每月2000元的标准定额扣除；", 1.1)
    rule = hit("a23", "本办法所称被赡养人是指年满60岁的父母。", 0.2)
    other = hit("a24", "纳税人向收款单位索取发票。", 0.1)
    index = SimpleNamespace(search=lambda *a, **k: SimpleNamespace(hits=[rule, other]))
    mother = EnterpriseProfile(needs="我是独生子，我妈今年58岁，给她的生活费能在个税里扣吗？")
    got = _deciding_units(index, "q", mother, [best], ["article"])
    assert [(h.iri, h.score) for h in got] == [("a22", 1.1), ("a23", 1.1)]
    older = EnterpriseProfile(needs="我是独生子，我妈今年65岁，能在个税里扣吗？")
    assert [h.iri for h in _deciding_units(index, "q", older, [best], ["article"])] == ["a22"]


def test_firms_of_every_size_are_no_size_condition():
    from kg.views import HitContext
    from search.match import _unit_conditions
    from search.types import IndexUnit

    def unit(text):
        return IndexUnit("u", "measure", "d", "D", "二（一）", "", text, text, 0, len(text), HitContext())

    assert not [c for c in _unit_conditions(unit("推动平台建设，引导大中小企业协同创新。")) if c.field == "size"]
    assert [c.values for c in _unit_conditions(unit("支持中小企业开展技术改造。")) if c.field == "size"] == [["small", "medium"]]


def test_needs_naming_the_document_s_place_ask_about_that_document():
    from search.match import _names_place
    from search.match_contacts import DocumentInfo

    info = DocumentInfo("plan", "上海市促进产业升级行动计划", (), "上海市")
    far = EnterpriseProfile(place="江苏省太仓市", needs="我们想转产电池包壳体，上海那边认不认？")
    assert _names_place(far, info)
    assert not _names_place(EnterpriseProfile(place="江苏省太仓市", needs="我们想转产电池包壳体"), info)
    assert not _names_place(far, DocumentInfo("n", "国务院关于…的通知", ("国务院",), "中华人民共和国"))
