"""Second pass on local support policies: "N of the following conditions" judged as a group, and the finance body a
support sentence names as payer offered as contact.  Every snippet is invented for these tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from kg.views import ConditionView, EnterpriseProfile
from search.eligibility import alternative_groups, verdict_of
from search.match_contacts import DocumentInfo, payer_contact

TODAY = date(2026, 12, 7)

# 对符合下列条件之二的企业给予奖励：（一）…；（二）…；（三）…  (the items' offsets are where each condition is written)
LISTED = "对符合下列条件之二的企业，给予一次性奖励10万元：（一）年营业收入3000万元以上；（二）从业人员200人以上；（三）成立满5年。"


def cond(field, comparator, value, unit, words):
    at = LISTED.index(words)
    return ConditionView("threshold", field, comparator, D(value), None, [], unit, words, at, at + len(words))


REVENUE = cond("revenue", "≥", 3000, "万元", "年营业收入3000万元以上")
STAFF = cond("employees", "≥", 200, "人", "从业人员200人以上")
FOUNDED = cond("founded", "≥", 5, "年", "成立满5年")
GROUPS = alternative_groups(LISTED)


def test_the_phrases_of_n_of_the_following_are_read_with_their_n_and_items():
    assert [(n, items) for _, _, n, items, _ in GROUPS] == [(2, 3)]
    assert [g[2] for g in alternative_groups("申报企业满足其中两项即可：1.纳税50万元以上；2.职工100人以上；3.有发明专利")] == [2]
    assert [g[2] for g in alternative_groups("具备以下任意一项的，给予奖励：一是获得省级认定；二是获得国家认定。")] == [1]
    assert alternative_groups("对符合条件的企业给予补助") == []


def test_two_met_of_three_is_eligible_though_the_third_fails():
    firm = EnterpriseProfile(revenue=D(5000), employees=260, founded=2024)
    verdict = verdict_of([REVENUE, STAFF, FOUNDED], firm, TODAY, groups=GROUPS)
    assert verdict.status == "eligible"
    # without the group the young firm fails on age: every condition would be required
    assert verdict_of([REVENUE, STAFF, FOUNDED], firm, TODAY).status == "not_eligible"


def test_two_failed_of_three_leaves_one_and_fails():
    firm = EnterpriseProfile(revenue=D(800), employees=40, founded=2010)
    verdict = verdict_of([REVENUE, STAFF, FOUNDED], firm, TODAY, groups=GROUPS)
    assert verdict.status == "not_eligible"
    assert {c.text for c in verdict.failing} == {"年营业收入3000万元以上", "从业人员200人以上"}


def test_one_failed_with_the_others_unknown_is_undecided_not_a_refusal():
    firm = EnterpriseProfile(revenue=D(800))
    verdict = verdict_of([REVENUE, STAFF, FOUNDED], firm, TODAY, groups=GROUPS)
    assert verdict.status == "unknown" and not verdict.failing


def test_one_met_of_two_needed_asks_for_the_rest_when_the_others_are_not_read():
    firm = EnterpriseProfile(revenue=D(5000))
    verdict = verdict_of([REVENUE], firm, TODAY, groups=GROUPS)  # the other two items were not read as conditions
    assert verdict.status == "unknown"
    assert any(c.field == "needs" and "之二" in c.text for c in verdict.checks if c.status == "unknown")


def test_a_text_with_no_such_phrase_keeps_every_condition_required():
    firm = EnterpriseProfile(revenue=D(5000), employees=260, founded=2024)
    assert verdict_of([REVENUE, STAFF, FOUNDED], firm, TODAY,
                      groups=alternative_groups("对年营业收入3000万元以上的企业给予奖励")).status == "not_eligible"


def test_the_finance_body_a_support_sentence_names_as_payer_is_a_contact():
    county = DocumentInfo("x", jurisdiction="某省某县")
    payer = payer_contact("对首次认定的企业，由县财政一次性补助给企业10万元。", county, "zh")
    assert payer is not None and payer.agent_name == "县财政" and payer.role == "payer"
    assert "由县财政一次性补助" in payer.evidence
    assert payer_contact("经营费用和亏损，由地方财政统一拨补。", None, "zh").agent_name == "地方财政"
    assert payer_contact("所需资金由企业自行承担。", county, "zh") is None
    assert payer_contact("由财政部会同有关部门研究提出意见。", county, "zh") is None


def test_of_two_headcounts_the_one_the_support_pays_for_is_taken():
    from search.needs_text import count_in

    needs = "我们公司一共200人，今年新招了15个应届毕业生，社保都交了"
    assert count_in(needs) == 200  # no support's words: the first count, as before
    assert count_in(needs, about="对招用毕业年度高校毕业生的，按每招用1人1000元给予一次性补贴") == 15
    assert count_in("We have 300 workers and are taking on 10 young people", about="hiring young people") == 10
    assert count_in("家里两个娃，大的8岁上二年级", about="每个子女每月1000元") == 2


def test_each_kind_of_project_the_firm_describes_gives_its_own_policy_terms():
    from search.needs_text import policy_term_groups

    groups = policy_term_groups("外观检查都靠人眼，想上机器视觉检测")
    assert ["智能检测", "在线检测"] in groups
    assert ["人机协作"] in policy_term_groups("We want collaborative robot arms next to our operators")
    assert policy_term_groups("我们想了解一下个税怎么扣") == []


def test_a_money_question_is_one_that_states_a_figure_and_asks_how_much():
    from search.match import _ASKS_HOW_MUCH

    assert _ASKS_HOW_MUCH.search("Our volume comes to 18 million yuan. At least how much is paid in advance?")
    assert _ASKS_HOW_MUCH.search("展位费8万块，能补多少？")
    assert not _ASKS_HOW_MUCH.search("我们能不能申请？")


def test_a_degree_is_a_person_condition_only_where_the_text_gives_it_to_the_person():
    from ingest.conditions import conditions_of

    def statuses(text):
        return [(c.values, c.text) for c in conditions_of(text) if c.field == "person.status"]

    assert statuses("对新引进的全日制博士研究生，每人每月给予生活补贴3000元。") == [(("doctorate",), "博士研究生")]
    assert statuses("对具有硕士研究生及以上学历的人才，给予租房补贴每月1000元。") == [
        (("master", "doctorate"), "硕士研究生及以上")]
    assert statuses("对设立博士后科研工作站的企业，给予一次性资助50万元。") == []  # a firm's station, no person's degree
    assert statuses("加强专业学位硕士研究生培养，支持高校开展试点。") == []  # training, not a condition


def test_a_degree_judges_a_degree_condition_and_no_other():
    from kg.views import PersonProfile

    doctor = ConditionView("person", "person.status", "in", None, None, ["doctorate"], "", "博士研究生", 0, 5)
    master_up = ConditionView("person", "person.status", "in", None, None, ["master", "doctorate"], "", "硕士及以上", 0, 5)
    graduate = ConditionView("person", "person.status", "in", None, None, ["graduate"], "", "高校毕业生", 0, 5)
    phd = EnterpriseProfile(person=PersonProfile(30, "博士"), needs="我博士毕业，刚入职")
    master = EnterpriseProfile(person=PersonProfile(27, "在职职工"), needs="我硕士毕业三年了")
    studying = EnterpriseProfile(person=PersonProfile(27, "在职职工"), needs="我在职读硕士")
    assert verdict_of([doctor], phd, TODAY).status == "eligible"
    assert verdict_of([master_up], phd, TODAY).status == "eligible"
    assert verdict_of([doctor], master, TODAY).status == "not_eligible"
    assert verdict_of([master_up], studying, TODAY).status == "unknown"  # a degree being studied for is not held
    assert verdict_of([graduate], phd, TODAY).status == "unknown"  # a doctor is not thereby no 高校毕业生


def test_a_text_allowing_one_only_fails_an_asker_who_wants_a_second():
    from search.text_checks import one_only_checks

    second = EnterpriseProfile(needs="I already practise at one patent agency. Can I also take cases for a second agency?")
    assert [c.text for c in one_only_checks("取得资格证，并在一家专利代理机构从业。", second)] == ["并在一家专利代理机构从业"]
    assert one_only_checks("专利代理师不得同时在两个以上专利代理机构从事专利代理业务。",
                           EnterpriseProfile(needs="我想同时在两家代理机构挂证"))
    assert one_only_checks("并在一家专利代理机构从业。", EnterpriseProfile(needs="我想考专利代理师，能报名吗")) == []
    from search.match import _ASKS_IF_ELIGIBLE

    assert _ASKS_IF_ELIGIBLE.search("Can I also take cases for a second agency in the evenings?")


def test_a_closing_that_states_a_rule_is_searched_and_a_courtesy_closing_is_not_offered():
    from search.match_instruments import ACTIONABLE_KINDS, _actionable
    from search.types import IndexUnit

    def closing(function, text):
        return IndexUnit("u", "closing", "d", "", "结语", "", text, text, 0, len(text), function=function)

    assert "closing" in ACTIONABLE_KINDS
    assert _actionable(closing("rule", "另外，白银的经济政策同时参照黄金税收的有关政策执行。"))
    assert not _actionable(closing("context", "感谢您对政府工作的关心和支持。"))


def test_a_count_of_months_is_no_headcount_and_a_sized_condition_count_is_not_the_base():
    from search.needs_text import count_in

    assert count_in("给区里企业派遣了300个员工，都交了3个月以上社保", about="按每人1500元的标准给予机构补贴") == 300
    assert count_in("社保才交了3个月") is None
    needs = "1月份交失业保险的有120人，过年没有减员。外省来的30个工人初十前都回来上班了"
    assert count_in(needs, about="按500元/人的标准为员工发放返岗补贴",
                    against="1月份缴纳失业保险员工人数超过50人的工业企业") == 30
