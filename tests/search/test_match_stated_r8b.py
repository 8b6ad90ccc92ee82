"""Eighth round (mf8): what the asker says of themself decides a support written for a circumstance; counts come
from nouns of their own kind; governments' work, unknown places, where to submit and where a field goes."""

from decimal import Decimal

import pytest

from kg.matchviews import PersonProfile
from kg.views import EnterpriseProfile
from search.errors import QueryError
from search.match_contacts import DocumentInfo, place_check, receiver_contact
from search.match_export import field_hint, profile_from_mapping
from search.match_recipient import government_recipients, government_task
from search.match_stated import fact_asks, stated_circumstances
from search.needs_text import CHILD_NOUNS, count_in

ONLY_CHILD = "纳税人为独生子女的，按照每月2000元的标准定额扣除；"
NOT_ONLY = "纳税人为非独生子女的，由其与兄弟姐妹分摊每月2000元的扣除额度，每人分摊的额度不能超过每月1000元。"
HOME_LOAN = ("纳税人本人或者配偶单独或者共同使用商业银行或者住房公积金个人住房贷款为本人或者其配偶购买中国境内住房，"
             "发生的首套住房贷款利息支出，在实际发生贷款利息的年度，按照每月1000元的标准定额扣除")


def person(needs: str) -> EnterpriseProfile:
    return EnterpriseProfile(needs=needs, person=PersonProfile(age=45))


def statuses(text: str, needs: str, lang: str = "zh") -> list[str]:
    return [c.status for c in stated_circumstances(text, person(needs), lang)]


def test_brothers_contradict_the_only_child_clause_and_hold_the_other():
    said = "我有两个哥哥，我们一起赡养父母，我每个月能扣多少个税"
    assert statuses(ONLY_CHILD, said) == ["failed"]
    assert statuses(NOT_ONLY, said) == ["met"]
    failed = stated_circumstances(ONLY_CHILD, person(said))[0]
    assert "独生子女" in failed.text and failed.field == "needs"


def test_the_asker_saying_they_are_the_only_child():
    assert statuses(ONLY_CHILD, "我是独生女，爸妈都七十了") == ["met"]
    assert statuses(ONLY_CHILD, "我是家里唯一的孩子") == ["met"]
    assert statuses(NOT_ONLY, "我是独生女") == ["failed"]
    assert statuses(NOT_ONLY, "There are three of us children looking after mum", "en") == ["met"]


def test_silence_is_unknown_naming_the_fact_never_eligible():
    checks = stated_circumstances(ONLY_CHILD, person("赡养老人每月能扣多少"))
    assert [c.status for c in checks] == ["unknown"]
    assert fact_asks(checks) == ["是否独生子女（--needs / needs）"]


def test_an_article_with_both_items_is_left_to_its_items():
    assert stated_circumstances(ONLY_CHILD + NOT_ONLY, person("我有一个姐姐")) == []


def test_renting_without_a_home_contradicts_a_first_home_loan():
    assert statuses(HOME_LOAN, "我在杭州工作，没有自己的房子，租房住") == ["failed"]
    assert statuses(HOME_LOAN, "我去年买了第一套房，每月还房贷") == ["met"]
    assert statuses(HOME_LOAN, "我每月能扣多少") == ["unknown"]


def test_a_first_home_purchase_subsidy():
    subsidy = "对新引进的高层次人才在本市首次购买首套住房的，给予一次性购房补贴。"
    assert statuses(subsidy, "我刚买了第一套房，能拿多少补贴") == ["met"]
    assert statuses(subsidy, "我名下已有房子，想再买一套") == ["failed"]
    assert statuses(subsidy, "能拿多少购房补贴") == ["unknown"]
    assert statuses(HOME_LOAN, "我刚买了第一套房，每月还房贷") == ["met"]  # the loan's interest: one check only


def test_no_circumstance_no_check():
    assert stated_circumstances("对新招用高校毕业生的企业，按每人1000元给予补贴。", person("我们招了3个人")) == []


def test_brothers_are_not_counted_as_people_or_children():
    assert count_in("我有两个哥哥，我们一起赡养父母") is None
    assert count_in("我有两个哥哥，还有一个孩子在上小学", CHILD_NOUNS) == Decimal(1)
    assert count_in("两个孩子都在上学", CHILD_NOUNS) == Decimal(2)
    assert count_in("今年招了10个人") == Decimal(10)


def test_support_for_provinces_is_not_the_askers():
    text = ("对校企合作推进力度大、职业教育发展环境好、推进职业教育改革成效明显的省（区、市），优先纳入国家职业教育改革"
            "试验区建设，在重大项目中予以倾斜支持。")
    firm = EnterpriseProfile(industry="机械制造", needs="校企合作有什么支持")
    checks = government_recipients(text, firm)
    assert [c.status for c in checks] == ["failed"] and checks[0].text.endswith("省（区、市）")


def test_a_task_for_governments_is_no_support():
    firm = EnterpriseProfile(industry="电气机械", needs="区里奖励多少")
    text = "全面实施行政许可事项清单管理。2022年10月底前编制并公布市、县两级行政许可事项清单。"
    assert [c.status for c in government_task(text, "action", False, firm)] == ["failed"]
    assert government_task(text, "support", False, firm) == []  # a support is judged on its conditions
    assert government_task(text, "action", True, firm) == []
    both = "各级人民政府要支持企业举办职业院校。"
    assert government_task(both, "action", False, firm) == []  # it speaks to firms too
    assert government_task(text, "action", False, EnterpriseProfile(name="某区人民政府", needs="清单")) == []


def test_a_document_of_no_known_place_is_unknown_not_eligible():
    firm = EnterpriseProfile(industry="汽车零部件", place="江苏省苏州市")
    check = place_check(firm, DocumentInfo(slug="plain-text"), "", "en")
    assert check is not None and check.status == "unknown" and check.text == "place of the document not known"
    assert place_check(firm, DocumentInfo(slug="national", jurisdiction="中华人民共和国"), "", "en") is None


def test_the_body_applicants_submit_to_is_the_contact():
    text = ("纳税人首次享受专项附加扣除，应当将专项附加扣除相关信息提交扣缴义务人或者税务机关，扣缴义务人应当及时将"
            "相关信息报送税务机关。")
    found = receiver_contact(text, None, "zh")
    assert found is not None and found.agent_name == "税务机关" and found.role == "receiver"
    # a government reporting to an office is no applicant's contact
    assert receiver_contact("各牵头单位要于6月25日前将工作进展情况报送区领导小组办公室。", None, "zh") is None


def test_a_misplaced_field_says_where_it_goes():
    assert "person" in field_hint("age") and '"age"' in field_hint("age")
    assert "unemployment_premiums_last_year" in field_hint("premiums")
    assert field_hint("colour") == ""
    with pytest.raises(QueryError, match=r"'age' goes in person"):
        profile_from_mapping({"age": 45, "needs": "x"})
