"""Seventh round, the calculator on real and local documents: bounds a text sets on a sum, support paid to a
government, a scheme abolished, a national rule for one zone, fines, a floor per head, a quota shared evenly, a
rate range, 规模以上 as a class by revenue, an article's own period, and a rate raised for a case."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from kg.views import ConditionView, EnterpriseProfile, SupportView
from search.eligibility import check_condition
from search.match_bounds import money_bounds
from search.match_contacts import document_period, own_period
from search.match_recipient import government_recipients
from search.match_withdrawn import withdrawn_checks
from search.match_zone import zone_checks
from search.shares import asks_to_split, quota_shares
from search.text_amounts import bounded_amounts, text_amounts
from search.types import IndexUnit

TODAY = date(2026, 12, 7)


def unit(text, path="第一条", document="d"):
    return IndexUnit(id=f"{document}/{path}", kind="article", document=document, document_title="", path=path, title="",
                     text=text, index_text=text, start=0, end=len(text))


# ------------------------------------------------------------------ a bound on a sum the text writes

LOAN = ("申请贴息的贷款须用于设备更新，由本市银行发放，期限在1年以上，单笔金额不低于800万元，申报时无逾期记录。")


def test_a_loan_below_the_single_loan_minimum_fails_and_cites_the_bound():
    firm = EnterpriseProfile(name="某阀门厂", needs="去年营收5000万元，今年从银行贷了400万元买新机床，能申请贴息吗？")
    got = money_bounds(LOAN, firm)
    assert [c.status for c in got] == ["failed"]
    assert "单笔金额不低于800万元" in got[0].text and got[0].detail == "4,000,000 元"


def test_a_loan_above_the_minimum_is_met_and_revenue_is_not_taken_for_the_loan():
    firm = EnterpriseProfile(name="某阀门厂", needs="去年营收500万元，今年借了1200万元的贷款")
    assert [c.status for c in money_bounds(LOAN, firm)] == ["met"]


def test_a_figure_the_text_pays_is_no_bound():
    text = "对设备投资额2000万元以上的项目，给予补助300万元以上的奖励。"
    firm = EnterpriseProfile(name="某厂", needs="设备一共投了2500万元")
    got = money_bounds(text, firm)
    assert [c.text for c in got] == ["对设备投资额2000万元以上"] and got[0].status == "met"


def test_no_sum_in_the_words_says_nothing():
    assert money_bounds(LOAN, EnterpriseProfile(name="某厂", needs="我们想申请贴息")) == []


# ------------------------------------------------------------------ support given to a government

def test_a_grant_to_provinces_is_not_a_schools():
    text = "中央财政对承担少数民族预科班扩招任务的省（区、市）给予一次性建设补助，由各地统筹使用。"
    school = EnterpriseProfile(name="某民族中学", industry="高中教育", needs="我们学校多招预科班学生，能拿到建设补助吗？")
    got = government_recipients(text, school)
    assert [c.status for c in got] == ["failed"] and got[0].text == "承担少数民族预科班扩招任务的省（区、市）"
    office = EnterpriseProfile(name="某省教育厅办公室", needs="我省承担扩招任务")
    assert government_recipients(text, office) == []


def test_a_grant_to_firms_is_left_alone():
    text = "对新认定的省级企业技术中心给予一次性奖励50万元。"
    assert government_recipients(text, EnterpriseProfile(name="某公司", needs="能拿奖励吗")) == []


# ------------------------------------------------------------------ a scheme abolished

def test_asking_for_a_surcharge_the_reply_says_was_abolished_fails():
    text = "财政部意见：国家已于2015年取消向货运车辆收取的每吨5元公路养护附加费，不再恢复。"
    asker = EnterpriseProfile(name="某公路公司", needs="想对过路的货车每吨加收5元钱，用来养护公路，可以吗？")
    got = withdrawn_checks(text, asker)
    assert [c.status for c in got] == ["failed"] and "取消向货运车辆收取" in got[0].text


def test_an_abolished_thing_the_asker_does_not_want_says_nothing():
    text = "国家已取消向货运车辆收取的每吨5元公路养护附加费。"
    assert withdrawn_checks(text, EnterpriseProfile(name="某厂", needs="我们想申请技改补助")) == []


# ------------------------------------------------------------------ a national rule for one zone

ZONE = ("国务院决定在福建平潭综合实验先行区暂时调整实施有关规定，对先行区内旅行社经营出境游业务的申请，由福建省人民政府"
        "实施审批。")


def test_the_zones_province_without_the_zone_is_unknown_elsewhere_failed_inside_met():
    def check(place, needs):
        return [c.status for c in zone_checks(ZONE, EnterpriseProfile(place=place, needs=needs), "zh")]

    assert check("福建省福州市", "我们是旅行社，想做出境游") == ["unknown"]
    assert check("湖南省长沙市", "我们是旅行社，想做出境游") == ["failed"]
    assert check("福建省", "我们旅行社就在平潭综合实验区内") == ["met"]


def test_a_text_naming_no_zone_says_nothing():
    assert zone_checks("对园区内企业给予奖励。", EnterpriseProfile(place="福建省", needs="x"), "zh") == []


# ------------------------------------------------------------------ amounts a text writes

def test_a_fine_up_to_a_sum_is_its_most():
    got = bounded_amounts(unit("违反本条例规定的，由市场监管部门责令改正，处1万元以上10万元以下罚款。"),
                          EnterpriseProfile(needs="最多罚多少？"))
    assert [(a.value, a.kind) for a in got] == [(D(100000), "cap")]
    assert "最低 10,000 元" in got[0].formula


def test_a_floor_per_head_per_month_is_the_persons_own():
    text = "街道将社区专职工作者补贴纳入预算，社区专职工作者补贴按每人每月不低于3000元的标准发放。"
    got = text_amounts(unit(text), [], EnterpriseProfile(needs="我是社区专职工作者，每个月最少能拿多少？"))
    assert [(a.value, a.unit) for a in got] == [(D(3000), "元/月")] and "不低于" in got[0].formula
    firm = EnterpriseProfile(name="某物业公司", needs="我们每个月最少能拿多少？")
    assert all(a.value is None for a in text_amounts(unit(text), [], firm))


def test_a_rate_range_of_a_sum_the_asker_states_is_worked_at_its_lower_end():
    text = "按照全市公立医院年度采购总额的40%—50%确定约定采购量。"
    got = text_amounts(unit(text), [], EnterpriseProfile(needs="全市医院一年采购这种耗材大约2亿元，中标能锁定多少？"))
    assert got[0].value == D(80000000) and "40%—50%" in got[0].formula and "100,000,000" in got[0].formula


QUOTA = ("纳税人为非独生子女的，由其与兄弟姐妹分摊每月3000元的扣除额度，每人分摊的额度不能超过每月1500元。可以由赡养人均摊"
         "或者约定分摊。")


def test_a_quota_shared_evenly_is_divided_by_the_claimants_and_held_to_the_cap():
    three = EnterpriseProfile(needs="我们兄妹三个人想平摊赡养老人的扣除，每人每月扣多少？")
    assert asks_to_split(three)
    got = quota_shares(unit(QUOTA), three)
    assert got[0].value == D(1000) and got[0].unit == "元/月" and "3,000 元/月 ÷ 3 人" in got[0].formula
    two = EnterpriseProfile(needs="我和姐姐两个人平摊，每人多少？")
    assert quota_shares(unit(QUOTA), two)[0].value == D(1500)  # 3000 ÷ 2 = 1500, at the cap
    english = EnterpriseProfile(needs="There are five of us children; we want to divide the allowance evenly among us.")
    assert quota_shares(unit(QUOTA), english)[0].value == D(600)


def test_no_split_asked_no_share():
    assert quota_shares(unit(QUOTA), EnterpriseProfile(needs="赡养老人能扣多少？")) == []


# ------------------------------------------------------------------ 规模以上: a class by revenue, not a size

ABOVE = ConditionView("support", "size", "in", None, None, ["medium", "large"], "", "规模以上", 0, 4)


def test_a_small_industrial_firm_with_revenue_above_the_bar_is_above_designated_size():
    firm = EnterpriseProfile(name="某纺纱厂", industry_code="C17", size="small", revenue=D(3500), needs="想申请")
    assert check_condition(ABOVE, firm, TODAY).status == "met"
    below = EnterpriseProfile(name="某纺纱厂", industry_code="C17", size="medium", revenue=D(1500), needs="想申请")
    assert check_condition(ABOVE, below, TODAY).status == "failed"


def test_the_firms_own_words_decide_first():
    says = EnterpriseProfile(name="某厂", size="small", needs="我们是规上企业")
    assert check_condition(ABOVE, says, TODAY).status == "met"
    denies = EnterpriseProfile(name="某厂", size="large", needs="我们还不是规上企业")
    assert check_condition(ABOVE, denies, TODAY).status == "failed"


# ------------------------------------------------------------------ an article's own period

def test_an_articles_own_period_is_not_the_documents():
    units = [unit("第三条 稳岗返还。本条政策执行期为2025年1月1日至2025年6月30日，由区人社局实施。", "第三条"),
             unit("第九条 本措施自2025年3月1日起施行，有效期至2027年2月28日。", "第九条")]
    assert document_period(units, None)[0] == date(2027, 2, 28)


def test_a_units_own_period_is_the_one_its_words_state():
    text = "本条政策执行期为2025年1月1日至2025年6月30日。"
    mine = SupportView("s", "u", "第三条", "subsidy", None, None, "", None, "", None, "", "", "", 0, 0,
                       valid_until=date(2025, 6, 30), validity_text="2025年1月1日至2025年6月30日")
    assert own_period(text, [mine]) == (date(2025, 6, 30), "2025年1月1日至2025年6月30日")
    inherited = SupportView("s", "u", "第五条", "subsidy", None, None, "", None, "", None, "", "", "", 0, 0,
                            valid_until=date(2025, 6, 30), validity_text="2025年1月1日至2025年6月30日")
    assert own_period("按设备投资额的8%给予补助。", [inherited]) == (None, "")


# ------------------------------------------------------------------ a rate raised for a case the asker names

RAISED = ("企业实施设备投资额500万元以上的技改项目，按设备投资额的6%给予补助，单个项目最高不超过150万元；列入市级重点技术改造"
          "项目计划的，补助比例提高到9%。")


def _raised(needs):
    from kg.views import Amount
    from search.match import _raised_rates

    nine = SupportView("s9", "u", "第五条", "subsidy", None, None, "%", D(9), "", None, "", "", "补助比例提高到9%", 0, 0)
    base = Amount(D(120000), "元", "rate", "6% × 2,000,000 元 = 120,000 元", D(6), "设备投资额", "needs", D(2000000),
                  D(1500000), "s6", "按设备投资额的6%给予补助")
    firm = EnterpriseProfile(name="某机械厂", needs=needs)
    return _raised_rates([base], [nine], firm, "zh", needs, RAISED)


def test_a_case_the_firm_names_takes_the_raised_rate_on_the_same_base():
    got = _raised("设备投资200万元，项目已经列入市级重点技术改造项目计划，能补多少？")
    assert got[0].value == D(180000) and got[0].rate == D(9) and got[1].value == D(120000)


def test_a_case_the_firm_denies_keeps_the_plain_rate():
    got = _raised("设备投资200万元，这个项目不是市级重点技术改造项目，能补多少？")
    assert [a.value for a in got] == [D(120000)]


# ------------------------------------------------------------------ who claims an expense an article's items set

def test_a_claimant_rule_written_claimant_first_finds_the_items_of_the_article_before_it():
    from search.shares import asks_who_claims, claimed_expenses

    lead = "纳税人在主要工作城市没有自有住房而发生的住房租金支出，可以按照以下标准定额扣除\n"
    one = IndexUnit(id="d/17-1", kind="item", document="d", document_title="", path="第十七条（一）", title="",
                    text="直辖市、省会城市，扣除标准为每月1500元；", index_text=lead + "直辖市、省会城市，扣除标准为每月1500元；",
                    start=10, end=30)
    two = IndexUnit(id="d/17-2", kind="item", document="d", document_title="", path="第十七条（二）", title="",
                    text="除第一项所列城市以外，扣除标准为每月1100元。", index_text=lead + "除第一项所列城市以外，扣除标准为每月1100元。",
                    start=31, end=60)
    paid = SupportView("s", "u", "", "tax", D(1500), None, "元", None, "", None, "", "", "扣除标准为每月1500元", 0, 0)
    from dataclasses import replace

    from search.types import HitContext

    one = replace(one, context=HitContext(supports=[paid]))
    two = replace(two, context=HitContext(supports=[replace(paid, amount=D(1100))]))
    rule = unit("夫妻双方主要工作城市相同的，只能由一方扣除住房租金支出。", "第十八条")
    rule = replace(rule, start=70, end=100)
    assert [u.path for u in claimed_expenses(rule, [one, two, rule])] == ["第十七条（一）", "第十七条（二）"]
    assert asks_who_claims(EnterpriseProfile(needs="我们俩交个税的时候是不是都能按房租扣？"))


# ------------------------------------------------------------------ bodies named after each sentence

def test_the_bodies_named_after_the_sentence_the_asker_asks_about_come_first():
    from kg.views import Contact, ResponsibilityView
    from search.match_contacts import _nearest_first

    text = ("优化准入环境，简化登记手续。（市场监管总局负责）支持高校开设相关课程。鼓励退役运动员投身体育竞赛表演产业。"
            "（体育总局、教育部负责）")
    first = text.index("（市场监管总局负责）")
    second = text.index("（体育总局、教育部负责）")

    def owner(name, role, at, evidence):
        return ResponsibilityView("r", "org/" + name, name, "u", "三（十）", "", "item", role, "explicit", evidence, "",
                                  100 + at, 100 + at + len(evidence))

    owners = [owner("市场监管总局", "lead", first, "（市场监管总局负责）"),
              owner("体育总局", "lead", second, "（体育总局、教育部负责）"),
              owner("教育部", "participant", second, "（体育总局、教育部负责）")]
    contacts = [Contact("org/" + o.agent_name, o.agent_name, o.role, o.role, "unit", "explicit", o.evidence) for o in owners]
    asked = "我是退下来的运动员，想办帆船比赛 退役运动员"
    got = _nearest_first(contacts, owners, asked, text, 100)
    assert [c.agent_name for c in got][:2] == ["体育总局", "教育部"]
    assert _nearest_first(contacts, owners, "想简化登记手续", text, 100)[0].agent_name == "市场监管总局"


def test_an_athlete_is_a_person_a_unit_can_speak_to():
    from search.audience import audience_of

    assert "person" in audience_of("鼓励退役运动员投身体育竞赛表演产业。帮助企业、高校等有效对接。")


def test_a_bound_on_one_of_two_paths_is_not_a_failure():
    text = "对企业购置先进生产设备实际投资1000万元以上的项目，或实施智能化改造购置智能设备的项目，给予一次性贴息补助。"
    assert [c.status for c in money_bounds(text, EnterpriseProfile(name="某厂", needs="设备实际投资800万元"))] == ["unknown"]
    assert [c.status for c in money_bounds(text, EnterpriseProfile(name="某厂", needs="设备实际投资1200万元"))] == ["met"]


# ------------------------------------------------------------------ plans read like needs

def test_plans_and_needs_are_each_asked_and_read_together():
    from search.match import _asks, _reading

    firm = EnterpriseProfile(name="某厂", plans=["新招了8个应届高校毕业生", "买两台加工中心，设备投资800万元"],
                             needs="能拿多少补贴？")
    assert _asks(firm) == ["新招了8个应届高校毕业生", "买两台加工中心，设备投资800万元", "能拿多少补贴？"]
    said = _reading(firm).needs
    assert "800万元" in said and "8个应届高校毕业生" in said and "能拿多少补贴" in said
    assert _reading(EnterpriseProfile(needs="只有需求")).needs == "只有需求"
    assert _asks(EnterpriseProfile(needs="只有需求")) == ["只有需求"]
