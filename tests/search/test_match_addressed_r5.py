"""A national reply answering one government's requests is about that place; a table of figures is no measure."""

from __future__ import annotations

from kg.matchviews import EnterpriseProfile
from search.match import is_data_table
from search.match_contacts import DocumentInfo, addressed_government, place_check

REPLY = DocumentInfo("reply", "国务院办公厅关于某省所提问题和建议办理情况的函", ("国务院办公厅",), "中华人民共和国",
                     addressees="辽宁省人民政府")


def test_one_government_as_the_only_addressee():
    assert addressed_government("辽宁省人民政府：") == "辽宁省人民政府"
    assert addressed_government("深圳市政府") == "深圳市政府"
    for many in ("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：", "河北省人民政府、国家发展改革委",
                 "有关省人民政府", "民航总局", ""):
        assert addressed_government(many) == ""


def test_a_reply_to_one_province_fails_a_firm_elsewhere_and_says_where_it_applies():
    check = place_check(EnterpriseProfile(place="广州市", needs="想上机器人焊接线"), REPLY, REPLY.title, "zh")
    assert check is not None and check.status == "failed" and "辽宁省" in check.text


def test_a_reply_to_one_province_is_no_local_document_for_a_firm_there_or_one_giving_no_place():
    assert place_check(EnterpriseProfile(place="沈阳市", needs="技术改造"), REPLY, REPLY.title, "zh") is None
    assert place_check(EnterpriseProfile(needs="技术改造"), REPLY, REPLY.title, "zh") is None
    national = DocumentInfo("notice", "国务院关于某事的通知", ("国务院",), "中华人民共和国",
                            addressees="各省、自治区、直辖市人民政府")
    assert place_check(EnterpriseProfile(place="广州市", needs="技术改造"), national, national.title, "zh") is None


def test_a_table_of_figures_is_no_measure_but_a_sentence_with_figures_is():
    coordinates = "界址点坐标 编号 X Y\n" + "\n".join(f"{i} 24935{i:02d}.275 4986{i:02d}.209" for i in range(1, 12))
    assert is_data_table(coordinates)
    sentence = ("对2019年至2021年实施的技术改造项目，按设备投资额的10%给予补助，单个项目最高500万元；"
                "对首台（套）装备给予30%的奖励，最高1000万元。")
    assert not is_data_table(sentence * 2)
    assert not is_data_table("1 2 3")  # too short to say
