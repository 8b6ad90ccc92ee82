"""The calculator on the shapes of city, county and district support policies: rates by firm size, graded awards
(A、B、C分别给予…), a document's own scope turning a kind of firm away, layoff rates, an industry condition judged on
the firm's words for its industry, a type the firm says it is not, figures spaced apart from their units, and whom
to contact when a text names no issuer.  Every snippet is invented for these tests."""

from __future__ import annotations

from decimal import Decimal as D

from ingest.conditions import close_unit_gaps
from ingest.support import extract_supports
from kg.views import Amount, ConditionView, EnterpriseProfile, ResponsibilityView, SupportView
from search.eligibility import check_condition, graded_pick, size_tiers, threshold_check
from search.match_contacts import DocumentInfo, answering_contacts, contacts_of, document_overseers
from search.text_checks import layoff_checks, refusals

from datetime import date

TODAY = date(2026, 12, 7)


def cond(field, values=(), text="条件", comparator="in"):
    return ConditionView("eligibility", field, comparator, None, None, list(values), "", text, 0, len(text))


def support(**kw):
    base = {"iri": "s", "unit_iri": "u", "unit_path": "一", "kind": "subsidy", "amount": None, "amount_max": None,
            "unit": "", "rate": None, "rate_base": "", "cap": None, "comparator": "", "condition": "", "text": "",
            "start": 0, "end": 0}
    base.update(kw)
    return SupportView(**base)


# ------------------------------------------------------------------------------------------------ rates by size

REFUND = "大型企业按上年度实际缴纳失业保险费的25%返还,中小微企业按50%返还"


def test_a_rate_by_size_keeps_the_firms_own_tier_and_condition():
    tiered = support(kind="other", rate=D(25), rate_base="上年度实际缴纳失业保险费", text=REFUND,
                     conditions=[cond("size", ["large"], "大型企业"), cond("size", ["small", "medium"], "中小微企业")])
    small, = size_tiers([tiered], EnterpriseProfile(size="small"))
    large, = size_tiers([tiered], EnterpriseProfile(size="large"))
    assert small.rate == D(50) and [c.text for c in small.conditions] == ["中小微企业"]
    assert large.rate == D(25) and [c.text for c in large.conditions] == ["大型企业"]
    unknown, = size_tiers([tiered], EnterpriseProfile())
    assert unknown == tiered  # no size: left as the text states it


# ------------------------------------------------------------------------------------------------ graded awards

AWARDS = "对当年获评省级绿色工厂、市级绿色工厂、市级绿色园区的,分别给予 80 万元、40 万元、30 万元奖励。"
SALES = "对年营业收入首次超过 5000 万元、1 亿元、3 亿元的,分别给予一次性奖励 15 万元、30 万元、60 万元。"


def _graded(text):
    return [support(iri=f"s{i}", kind="reward", amount=D(s.amount), unit=s.unit, text=s.text)
            for i, s in enumerate(extract_supports(text, 0, "一", "u"))]


def test_a_graded_award_pairs_the_thing_the_firm_names_with_its_sum():
    profile = EnterpriseProfile(needs="我们今年被评上了市级绿色工厂，能拿多少？")
    assert graded_pick(AWARDS, _graded(AWARDS), profile) == (D(400000), "市级绿色工厂")


def test_a_graded_award_by_figure_takes_the_highest_grade_the_firms_sum_reaches():
    profile = EnterpriseProfile(needs="去年营业收入第一次过亿，做到1.6亿元")
    value, label = graded_pick(SALES, _graded(SALES), profile)
    assert value == D(300000) and label.endswith("1亿元")


def test_a_graded_award_names_nothing_when_the_firm_names_no_grade():
    assert graded_pick(AWARDS, _graded(AWARDS), EnterpriseProfile(needs="有没有奖励？")) is None


def test_a_figure_spaced_from_its_unit_is_read_whole():
    assert close_unit_gaps("给予 30 万元奖励") == "给予 30万元 奖励"
    assert close_unit_gaps("投资额2000万元(人民币)以上") == "投资额2000万元以上(人民币)"
    texts = [s.text for s in extract_supports("单个项目最高补助 500 万元。", 0, "一", "u")]
    assert texts and texts[0].endswith("500 万元")


# ------------------------------------------------------------------------------------------------ refusals

SCOPE = "本办法适用于在本县注册的工业企业。化工、电镀、印染等项目不适用本办法。"
ACCIDENT = "当年发生重大环境污染事件的企业、存在严重失信行为的企业,不予奖补。"


def test_a_kind_the_document_leaves_out_fails_a_firm_of_that_kind():
    plater = EnterpriseProfile(industry="电镀加工", needs="我们想在县里新建一个电镀厂")
    assert refusals(SCOPE, plater) and refusals(SCOPE, plater)[0].status == "failed"
    assert not refusals(SCOPE, EnterpriseProfile(industry="家具制造", needs="新建家具厂"))


def test_a_firm_that_had_the_refused_event_fails_and_one_that_did_not_passes():
    had = EnterpriseProfile(needs="去年厂里出过一次重大环境污染事件，今年还能申报吗？")
    clean = EnterpriseProfile(needs="我们从没发生过重大环境污染事件，能申报吗？")
    assert [c.status for c in refusals(ACCIDENT, had)] == ["failed"]
    assert refusals(ACCIDENT, clean) == []


# ------------------------------------------------------------------------------------------------ layoffs

RETURN = "上年度未裁员或裁员率不高于5.5%,20人(含)以下的参保企业裁员率不高于参保职工总数15%的,可申请返还。"


def test_a_small_firm_is_judged_on_the_looser_layoff_rate():
    assert layoff_checks(RETURN, EnterpriseProfile(insured_staff=18, needs="去年裁了2个人"))[0].status == "met"
    assert layoff_checks(RETURN, EnterpriseProfile(insured_staff=18, needs="去年裁了4个人"))[0].status == "failed"


def test_a_larger_firm_is_judged_on_the_general_rate_and_no_layoff_passes():
    assert layoff_checks(RETURN, EnterpriseProfile(employees=200, needs="裁员12人"))[0].status == "failed"
    assert layoff_checks(RETURN, EnterpriseProfile(employees=200, needs="去年一个都没裁"))[0].status == "met"
    assert layoff_checks(RETURN, EnterpriseProfile(employees=200, needs="想申请返还")) == []


# ------------------------------------------------------------------------------------------------ conditions

def test_an_industry_condition_is_judged_on_the_firms_words_for_its_industry():
    industrial = cond("industry_code", ["C"], "工业企业")
    assert check_condition(industrial, EnterpriseProfile(industry="精密机械加工"), TODAY).status == "met"
    assert check_condition(industrial, EnterpriseProfile(industry="日用品批发"), TODAY).status == "failed"
    assert check_condition(industrial, EnterpriseProfile(industry="咨询"), TODAY).status in ("failed", "unknown")
    assert check_condition(industrial, EnterpriseProfile(), TODAY).status == "unknown"


def test_a_type_the_firm_says_it_is_not_fails_unless_it_claims_another_listed():
    typed = cond("needs", ["高新技术企业"], "高新技术企业")
    denied = EnterpriseProfile(needs="我们是做贸易的，还不是高新技术企业，能申请吗")
    other = EnterpriseProfile(needs="我们是科技型中小企业（不是高新技术企业），能申请吗")
    assert check_condition(typed, denied, TODAY).status == "failed"
    assert check_condition(typed, other, TODAY).status == "unverified"
    assert check_condition(typed, EnterpriseProfile(needs="我们是高新技术企业"), TODAY).status == "met"


def test_a_threshold_on_purchases_reads_the_sum_the_firm_bought():
    floor = support(kind="threshold", amount=D(3000), unit="万元", comparator="≥",
                    text="每年采购本区无关联企业零部件3000万元以上的")
    assert threshold_check(floor, EnterpriseProfile(needs="去年从本区厂家采购了2000万元的零部件")).status == "failed"
    assert threshold_check(floor, EnterpriseProfile(needs="去年从本区厂家采购了4500万元")).status == "met"


# ------------------------------------------------------------------------------------------------ contacts

def owner(name, role, evidence, unit="第四条", unit_id="u4", basis="explicit"):
    return ResponsibilityView(f"r/{name}/{role}", f"org/{name}", name, unit_id, unit, "", "article", role, basis,
                              evidence, "", 0, len(evidence), "doc")


class _Context:
    def __init__(self, owners):
        self.owners = owners


class _Unit:
    def __init__(self, uid, text, owners):
        self.id, self.text, self.document, self.context = uid, text, "doc", _Context(owners)


def test_the_body_that_runs_the_whole_documents_work_answers_before_the_issuer():
    said = "奖补工作由县工业发展领导小组负责,县工业发展领导小组办公室具体实施。"
    units = [_Unit("u3", said, [owner("县工业发展领导小组", "lead", said, "第三条", "u3"),
                                owner("县工业发展领导小组办公室", "lead", said, "第三条", "u3")])]
    info = DocumentInfo("doc", "某县工业奖补办法", ("某县人民政府办公室",), "")
    contacts, _ = contacts_of([], "doc", document_overseers(units), "zh", info)
    assert [c.agent_name for c in contacts][:3] == ["县工业发展领导小组办公室", "县工业发展领导小组", "某县人民政府办公室"]


def test_a_text_naming_no_body_and_no_issuer_gives_its_places_government_inferred():
    info = DocumentInfo("doc", "长丰县推动经济高质量发展若干政策", (), "合肥市长丰县")
    contacts, no_owner = contacts_of([], "doc", {}, "zh", info)
    assert [c.agent_name for c in contacts] == ["合肥市长丰县人民政府"]
    assert contacts[0].basis == "inferred" and no_owner


def test_a_body_doing_one_step_does_not_answer_before_the_lead_the_unit_names():
    text = "辖区内5亩以下的土地转让,区政府审查后办理登记。(区自然资源分局牵头,区规划分局配合)"
    owners = [owner("区自然资源分局", "lead", "(区自然资源分局牵头,区规划分局配合)"),
              owner("区规划分局", "participant", "(区自然资源分局牵头,区规划分局配合)"),
              owner("区政府", "evaluator", "区政府审查后办理登记")]
    contacts, _ = contacts_of(owners, "doc", {}, "zh")
    ordered = answering_contacts(contacts, owners, text, "转让3亩土地在哪里审查办理登记", "doc", {}, "zh")
    assert ordered[0].agent_name == "区自然资源分局"


def test_an_area_bound_the_text_sets_is_judged_on_the_area_the_asker_gives():
    from search.text_checks import quantity_bounds

    text = "园区内10亩以下(不含10亩)的用地调整,由管委会审查后办理。"
    assert [c.status for c in quantity_bounds(text, EnterpriseProfile(needs="我们要调整一块7亩的地"))] == ["met"]
    assert [c.status for c in quantity_bounds(text, EnterpriseProfile(needs="调整10亩用地"))] == ["failed"]
    assert quantity_bounds(text, EnterpriseProfile(needs="用地调整找谁")) == []


def test_a_rate_with_no_base_before_it_takes_the_phrase_the_needs_put_a_sum_beside():
    from search.eligibility import amount_of

    text = "自投产起三年内,项目新增税收中区级留成部分扣除返还后80%奖励给企业"
    paid = support(kind="reward", rate=D(80), text=text)
    got = amount_of(paid, EnterpriseProfile(needs="去年新增税收里区级留成部分扣除返还后是50万元"))
    assert got.value == D(400000) and got.base.startswith("区级留成部分")
    assert amount_of(paid, EnterpriseProfile(needs="能奖励多少？")).value is None


def test_a_share_of_an_interest_rate_is_paid_on_the_loan_at_the_rate_the_firm_gives():
    from search.eligibility import amount_of

    text = "按照不超过一年期贷款市场报价利率(LPR)的50%予以贴息"
    share = support(kind="loan-interest", rate=D(50), text=text, cap=D(30), unit="万元")
    got = amount_of(share, EnterpriseProfile(needs="我们向银行借了2000万元，一年期LPR是3.5%"))
    assert got.value == D(300000) and got.kind == "cap"  # 2,000万 × 3.5% × 50% = 35万, above the cap of 30万
    small = amount_of(share, EnterpriseProfile(needs="贷了500万元，LPR 3%"))
    assert small.value == D(75000) and "× 3%" in small.formula


# ------------------------------------------------------------------------------------------------ per head

def test_a_sum_per_head_is_capped_by_the_firms_cap_in_its_own_unit():
    from search.eligibility import amount_of

    head = support(kind="subsidy", amount=D(800), unit="元", cap=D(10),
                   text="按每人800元的标准给予企业一次性补贴,每户最高补贴10万元")
    got = amount_of(head, EnterpriseProfile(needs="我们今年招了200个人"))
    assert got.value == D(100000) and got.kind == "cap"  # 800 × 200 = 160,000 元, above 10万元
    assert amount_of(head, EnterpriseProfile(needs="招了20个人")).value == D(16000)


def test_a_sum_written_per_head_pays_for_each_person_and_the_insured_count_when_the_text_counts_it():
    from search.eligibility import amount_of

    per = support(kind="subsidy", amount=D(300), unit="元/人", text="按300元/人的标准发放补贴")
    assert amount_of(per, EnterpriseProfile(needs="回来了15个工人")).value == D(4500)
    insured = support(kind="subsidy", amount=D(500), unit="元", condition="按上月缴纳社会保险费人数计算",
                      text="按上月缴纳社会保险费人数计算,给予每人500元补贴")
    got = amount_of(insured, EnterpriseProfile(insured_staff=40, needs="一个员工都没裁，上个月交社保的有40人"))
    assert got.value == D(20000) and got.base_field == "insured_staff"


def test_a_count_the_words_deny_is_no_count():
    from search.needs_text import count_in

    assert count_in("我们一个员工都没裁，现在有25个人") == D(25)


def test_a_rate_followed_by_its_base_reads_the_base_after_it():
    from search.eligibility import amount_of

    bus = support(kind="subsidy", rate=D(40), text="给予40%的包车费用补贴")
    assert amount_of(bus, EnterpriseProfile(needs="包车接员工一共花了3万元")).value == D(12000)


def test_the_months_of_insurance_the_asker_gives_judge_a_months_condition():
    months = ConditionView("threshold", "years_insured", "≥", D(6), None, [], "个月", "缴纳社会保险费6个月以上", 0, 10)
    short = EnterpriseProfile(needs="签了一年合同，社保才交了4个月")
    long = EnterpriseProfile(needs="社保已经交了8个月")
    assert check_condition(months, short, TODAY).status == "failed"
    assert check_condition(months, long, TODAY).status == "met"


def test_each_sentence_keeps_its_own_conditions_when_a_group_is_named_twice():
    text = ("企业吸纳高校毕业生并稳定就业的,按照每人800元的标准给予补贴;吸纳应届高校毕业生的,按每人1200元发放扩岗补助。"
            "对小微企业吸纳退役军人的给予相应补贴。")
    supports = extract_supports(text, 0, "一", "u")
    second = next(s for s in supports if s.amount == D(1200))
    assert [c.field for c in second.conditions] == ["person.status"]  # not the size of another sentence


def test_a_unit_for_listed_industries_fails_a_firm_of_another_sector_and_passes_one_named():
    from search.text_checks import industry_list_checks

    text = "对住宿、餐饮、批发零售、旅游等受影响较重的行业,不裁员的,给予每人500元稳岗补贴"
    assert [c.status for c in industry_list_checks(text, EnterpriseProfile(industry="汽车零部件制造"))] == ["failed"]
    assert [c.status for c in industry_list_checks(text, EnterpriseProfile(industry="中式餐饮"))] == ["met"]
    assert industry_list_checks(text, EnterpriseProfile(industry="文化创意")) == []  # a sector not known: no say


# ------------------------------------------------------------------------------------------------ per measure, graded rates, items

def test_a_sum_per_measure_is_paid_on_the_measure_the_firm_gives_within_the_cap():
    from search.eligibility import amount_of

    texts = [s for s in extract_supports("按200元/吨给予奖励,最高奖励50万元。", 0, "一", "u") if s.amount is not None]
    assert texts and texts[0].unit == "元/吨"
    per_ton = support(kind="reward", amount=D(200), unit="元/吨", cap=D(50), text="按200元/吨给予奖励,最高奖励50万元")
    assert amount_of(per_ton, EnterpriseProfile(needs="一年节能400吨标煤")).value == D(80000)
    assert amount_of(per_ton, EnterpriseProfile(needs="一年节能4000吨标煤")).value == D(500000)
    assert amount_of(per_ton, EnterpriseProfile(needs="节能效果很好")).value is None


def test_rates_graded_by_an_investment_take_the_grade_the_firms_investment_reaches():
    from search.eligibility import graded_rate

    unit = "对设备投资达到1000万元(含)、4000万元(含)以上的,分别按照设备投资额的2%、3%,最高给予200万元奖补;"
    rate = support(kind="subsidy", rate=D(2), rate_base="设备投资额", cap=D(200), unit="万元",
                   text="分别按照设备投资额的2%、3%,最高给予200万元奖补")
    assert graded_rate(unit, rate, EnterpriseProfile(needs="设备投资5000万元"))[:1] == (D(3),)
    assert graded_rate(unit, rate, EnterpriseProfile(needs="设备投资2500万元"))[:1] == (D(2),)
    assert graded_rate(unit, rate, EnterpriseProfile(needs="设备投资600万元"))[2] is True  # below the lowest grade


def test_the_item_a_firm_asks_about_decides_among_the_items_of_one_paragraph():
    from search.match import _asked_item

    text = ("一是节能改造奖励。对年节能100吨标煤以上的项目,按200元/吨给予奖励。"
            "二是节水改造奖励。对冷却水重复利用率达到90%以上的,一次性奖励5万元。")
    first = support(iri="a", kind="reward", amount=D(200), unit="元/吨", start=text.find("按200"), end=0)
    second = support(iri="b", kind="reward", amount=D(5), unit="万元", start=text.find("一次性奖励5"), end=0)
    asks_water = EnterpriseProfile(needs="我们的冷却水重复利用率做到了95%，节水改造有奖励吗")
    assert [s.iri for s in _asked_item([first, second], text, 0, asks_water)] == ["b"]
    assert [s.iri for s in _asked_item([first, second], text, 0, EnterpriseProfile(needs="有奖励吗"))] == ["a", "b"]


def test_a_share_one_sum_must_make_of_another_is_judged_on_the_firms_sums_or_its_stated_share():
    from search.text_checks import ratio_checks

    text = "对研发投入占营业收入比重达到3%(含)以上的企业,按研发投入的10%给予奖励"
    assert [c.status for c in ratio_checks(text, EnterpriseProfile(needs="研发投入200万元，营业收入5000万元"))] == ["met"]
    assert [c.status for c in ratio_checks(text, EnterpriseProfile(needs="研发投入100万元，营业收入5000万元"))] == ["failed"]
    assert [c.status for c in ratio_checks(text, EnterpriseProfile(needs="我们研发占比还不到3%"))] == ["failed"]
    assert ratio_checks(text, EnterpriseProfile(needs="能奖励多少")) == []


def test_a_cap_set_for_the_firms_own_type_caps_its_rate():
    from search.match import _typed_caps

    rate = Amount(D(900000), "元", "rate", "3,000万 × 3% = 900,000 元", D(3), "贷款额", "needs", None, None, "r", "")
    caps = [support(iri="c1", kind="loan-interest", cap=D(40), unit="万元", text="科技型单户企业年贴息上限40万元"),
            support(iri="c2", kind="loan-interest", cap=D(80), unit="万元", text="专精特新单户企业年贴息上限80万元")]
    tech = EnterpriseProfile(needs="我们是科技型企业（不是专精特新），贷了3000万元")
    assert _typed_caps([rate], caps, tech, "zh")[0].value == D(400000)
    assert _typed_caps([rate], caps, EnterpriseProfile(needs="贷了3000万元"), "zh")[0].value == D(900000)
