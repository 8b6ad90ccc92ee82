"""Read after the blind r8 run (general causes of its misses): joint issuers in the order written, a body the unit's
condition names as approver, a task row read with its content column, a tier's band of area, the met tier first."""

from __future__ import annotations

from types import SimpleNamespace

from kg.views import EnterpriseProfile
from search.match_bounds import range_bounds
from search.match_contacts import document_info, verifier_contact
from search.match_rows import full_row, row_name


def test_joint_issuers_keep_the_order_the_document_writes():
    view = SimpleNamespace(slug="d", title="甲市财政局 甲市工业和信息化局关于印发某细则的通知",
                           issuer="甲市财政局、甲市工业和信息化局", issuers=["甲市工业和信息化局", "甲市财政局"],
                           jurisdiction="甲市", period="", issued="", addressees="")
    assert document_info(view).issuers == ("甲市财政局", "甲市工业和信息化局")


def test_a_body_the_condition_names_as_approver_is_the_units_contact():
    found = verifier_contact("对2026年5月31日前建成并通过县水务局验收的工程，每亩补助300元。", None, "zh")
    assert found is not None and found.agent_name == "县水务局" and found.scope == "unit"
    assert verifier_contact("每亩补助300元。", None, "zh") is None


def test_a_task_row_is_read_with_its_content_column():
    holder = SimpleNamespace(kind="chapter", start=0,
                             text="方面（共2项）\n1\n某项创新回购机制\n可按照本金和利息回购股权。\n甲部、乙部\n全国\n2\n另一项改革机制\n内容\n丙部\n全国")
    assert row_name("某项创新回购机制，甲部、乙部") == "某项创新回购机制"
    assert full_row("某项创新回购机制，甲部、乙部", [holder]) == "某项创新回购机制\n可按照本金和利息回购股权。\n甲部、乙部\n全国"
    assert full_row("没有写到的机制，甲部", [holder]) == "没有写到的机制，甲部"


def test_a_tier_band_of_area_is_met_inside_and_failed_outside():
    farm = EnterpriseProfile(name="农场", needs="我们种了650亩玉米种，能拿多少？")
    assert [c.status for c in range_bounds("（一）200亩（含）至500亩的，每亩奖补50元；", farm)] == ["failed"]
    assert [c.status for c in range_bounds("（二）500亩（含）至1000亩的，每亩奖补80元；", farm)] == ["met"]
    assert range_bounds("（二）500亩（含）至1000亩的，每亩奖补80元；", EnterpriseProfile(name="x", needs="能拿多少")) == []


def test_bodies_named_only_by_their_part_in_a_procedure_give_way_to_the_issuer():
    from kg.views import Contact
    from search.match_contacts import DocumentInfo, answering_contacts

    roles = [Contact("x:1", "审核机构", "evaluator", "评估", "unit", "explicit", "审核机构要对材料进行审核"),
             Contact("x:2", "制定机关办公机构", "evaluator", "评估", "unit", "explicit", "制定机关办公机构要审查")]
    info = DocumentInfo("d", issuers=("国务院办公厅",), jurisdiction="中华人民共和国")
    out = answering_contacts(roles, [], "审核机构要对材料进行审核。", "审查最长能用多少天，我是县政府部门公务员", "d", {}, "zh", info)
    assert out[0].agent_name == "国务院办公厅" and {c.agent_name for c in out[1:]} == {"审核机构", "制定机关办公机构"}


def test_a_head_count_floor_fails_when_every_count_the_asker_gives_is_below_it():
    from search.match_bounds import count_floors

    farm = EnterpriseProfile(name="牛场", needs="去年年底圈里一共60头牛，今年打算再买15头，年底估计也就七八十头。")
    assert [c.status for c in count_floors("年末肉牛存栏100头以上的规模养殖场，每头补助2000元", farm)] == ["failed"]
    assert count_floors("每个养殖场每年最多补助100头", farm) == []
    big = EnterpriseProfile(name="牛场", needs="存栏120头")
    assert [c.status for c in count_floors("年末肉牛存栏100头以上的规模养殖场", big)] == ["met"]


def test_a_record_of_years_is_judged_on_the_founding_year():
    from datetime import date

    from search.match_bounds import record_years

    text = "培训评价组织应具有5年以上优秀培训业绩。"
    young = EnterpriseProfile(name="培训公司", founded=2023)
    old = EnterpriseProfile(name="培训公司", founded=2015)
    assert [c.status for c in record_years(text, young, date(2026, 12, 7))] == ["failed"]
    assert [c.status for c in record_years(text, old, date(2026, 12, 7))] == ["met"]
    assert record_years(text, EnterpriseProfile(name="培训公司"), date(2026, 12, 7)) == []
