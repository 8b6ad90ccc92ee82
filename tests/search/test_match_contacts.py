"""Whom the calculator names for a unit (search.match_contacts): the unit's bodies lead first, else the issuer, then
the bodies over the document."""

from __future__ import annotations

from kg.views import ResponsibilityView
from search.match_contacts import DocumentInfo, contacts_of

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
