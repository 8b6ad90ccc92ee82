"""Whom the calculator names for a unit (search.match_contacts): the unit's bodies lead first, else the issuer, then
the bodies over the document."""

from __future__ import annotations

from kg.views import ResponsibilityView
from search.match_contacts import DocumentInfo, answering_contacts, contacts_of

EVIDENCE = "（市人力社保局、市财政局、人行绍兴市中心支行按职责分工负责）"


def owner(name, role, basis="explicit", rule="", evidence=EVIDENCE, unit="（三）"):
    return ResponsibilityView(f"r/{name}/{role}", f"org/{name}", name, f"u/{unit}", unit, "", "item", role, basis,
                              evidence, rule, 0, len(evidence), "doc")


def test_the_lead_a_rule_reads_from_the_units_own_words_comes_first():
    owners = [owner("绍兴市人力社保局", "lead", "inferred", "first-listed-body-leads"),
              owner("绍兴市财政局", "participant"), owner("人行绍兴市中心支行", "participant")]
    contacts, no_owner = contacts_of(owners, "doc", {}, "zh")
    assert [c.agent_name for c in contacts] == ["绍兴市人力社保局", "绍兴市财政局", "人行绍兴市中心支行"]
    assert no_owner == "" and {c.scope for c in contacts} == {"unit"}


def test_a_unit_with_no_body_names_the_issuer_before_a_body_found_reviewing_applications():
    reviewer = owner("沈阳市浑南区财政局", "evaluator", evidence="区科技和工业信息化局会同区财政局审核", unit="第十一条")
    info = DocumentInfo("doc", "浑南区支持专精特新中小企业高质量发展若干规定", ("沈阳市浑南区人民政府办公室",), "沈阳市浑南区")
    contacts, no_owner = contacts_of([], "doc", {"doc": [reviewer]}, "zh", info)
    assert [c.agent_name for c in contacts] == ["沈阳市浑南区人民政府办公室", "沈阳市浑南区财政局"]
    assert contacts[0].role == "issuer" and no_owner == "原文未写明责任单位"
    plan, _ = contacts_of([], "doc", {"doc": [reviewer]}, "zh", DocumentInfo("doc"))  # no issuer: the overseer
    assert [c.agent_name for c in plan] == ["沈阳市浑南区财政局"]


def test_the_district_government_from_a_place_written_in_chinese_or_english():
    from search.match_contacts import district_office

    documents = ["上海市", "绍兴市", "中华人民共和国"]
    assert district_office("上海市金山区", documents).agent_name == "上海市金山区人民政府"
    assert district_office("Minhang, Shanghai", documents).agent_name == "上海市闵行区人民政府"
    assert district_office("Keqiao, Shaoxing", documents).agent_name == "绍兴市柯桥区人民政府"
    assert district_office("Shanghai", documents) is None  # the documents' own place: no district
    assert district_office("江苏省苏州市吴中区", documents) is None  # no document of its place


def test_the_doers_of_another_sentence_come_after_the_issuer_of_the_sentence_that_answers():
    doers = "各级政府要积极支持职业培训，行政部门要简政放权并履行好监管职责。"
    text = "开展高质量职业培训。" + doers + "对取得职业技能等级证书的离校未就业高校毕业生，按规定落实职业培训补贴政策。"
    owners = [owner("地方各级人民政府", "implementer", evidence=doers)]
    info = DocumentInfo("doc", "国务院关于印发国家职业教育改革实施方案的通知", ("国务院",), "中华人民共和国")
    contacts, _ = contacts_of(owners, "doc", {}, "zh", info)
    graduate = answering_contacts(contacts, owners, text, "大专毕业还没找到工作，考了职业技能等级证书，培训费能补吗", "doc",
                                  {}, "zh", info)
    assert [c.agent_name for c in graduate] == ["国务院", "地方各级人民政府"]
    school = answering_contacts(contacts, owners, text, "政府支持职业培训吗，监管谁负责", "doc", {}, "zh", info)
    assert [c.agent_name for c in school] == ["地方各级人民政府"]  # the sentence naming them answers
    lead = [owner("绍兴市人力社保局", "lead")]
    led, _ = contacts_of(lead, "doc", {}, "zh", info)
    assert answering_contacts(led, lead, text, "培训费能补吗", "doc", {}, "zh", info) == led  # a lead answers for all



def test_the_bodies_of_the_row_the_firm_asks_about_come_first():
    row10 = "10/区域性股权市场设置科技创新专板/中国证监会"
    row13 = "13/开展商标权质押贷款等无形资产质押融资/中国人民银行、中国银保监会、工业和信息化部、国家知识产权局"
    owners = [owner("中国证券监督管理委员会", "lead", evidence=row10),
              owner("中国人民银行", "lead", "inferred", "first-listed-body-leads", evidence=row13),
              owner("国家知识产权局", "participant", evidence=row13)]
    contacts, _ = contacts_of(owners, "doc", {}, "zh")
    assert contacts[0].agent_name == "中国证券监督管理委员会"
    asked = answering_contacts(contacts, owners, f"{row10}\n{row13}", "想拿注册商标去银行质押贷款", "doc", {}, "zh")
    assert [c.agent_name for c in asked] == ["中国人民银行", "国家知识产权局", "中国证券监督管理委员会"]
    assert answering_contacts(contacts, owners, row10, "区域性股权市场挂牌", "doc", {}, "zh") == contacts


def test_governments_of_no_place_yield_to_the_issuer_unless_the_asker_asks_what_governments_do():
    text = "健全投入机制。地方政府要按规定制定并落实生均经费标准。各地在巩固生均拨款水平达到8000元的基础上逐步提高。"
    owners = [owner("地方政府", "implementer", evidence="地方政府要按规定制定并落实生均经费标准")]
    info = DocumentInfo("doc", "国务院关于加快发展教育的决定", ("国务院",), "中华人民共和国")
    contacts, _ = contacts_of(owners, "doc", {}, "zh", info)
    school = answering_contacts(contacts, owners, text, "我们学校按生均拨款每年至少拿多少", "doc", {}, "zh", info)
    assert [c.agent_name for c in school] == ["国务院", "地方政府"]
    role = answering_contacts(contacts, owners, text, "生均经费标准由哪级政府制定", "doc", {}, "zh", info)
    assert [c.agent_name for c in role] == ["地方政府"]


def test_the_period_set_for_the_whole_work_ends_on_its_last_day():
    from datetime import date

    from search.match_contacts import work_period_end

    assert work_period_end("整治采取自查与抽查结合的方法。整治时限是2003年5月―2004年2月，步骤如下：")[0] == date(2004, 2, 29)
    assert work_period_end("专项行动实施期限为2021年3月至2022年6月15日。")[0] == date(2022, 6, 15)
    assert work_period_end("到2025年，规模以上企业全部完成改造。") is None  # a target's year is no period
