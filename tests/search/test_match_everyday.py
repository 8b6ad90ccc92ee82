"""Situations a firm describes by a relation between two things it says, read as the kind of project a plan names."""

from __future__ import annotations

from search.match_everyday import situation_groups, situation_terms


def test_a_part_bought_abroad_that_the_firm_wants_to_make_is_import_substitution():
    assert situation_terms("这种高压阀门我们一直从瑞士订，交期半年，想自己做出来") == ["核心基础零部件", "关键基础材料", "自主化"]
    assert situation_groups("Our sensors are all imported and we want to build them here.")
    assert situation_groups("我们从本地供应商买原料") == []


def test_a_customer_asking_its_suppliers_to_upgrade_with_it_is_a_suppliers_joint_upgrade():
    assert situation_groups("整车厂要求所有供应商今年跟着一起做数字化升级") == [["配套企业", "协同改造", "龙头企业"]]
    assert situation_groups("The tractor maker we supply wants us on its new planning system.")
    assert situation_groups("我们的供应商很多") == []


def test_a_university_result_bought_and_made_at_scale_needs_both_the_university_and_the_buying():
    assert situation_groups("想从大学买下这项专利，在厂里中试后量产") == [["科技成果转化", "技术成果购买", "中间试验", "产业化"]]
    assert situation_groups("We plan to license the technology from a research institute and scale it up.")
    assert situation_groups("我们和大学合作培养学生") == []  # a university alone is no research result bought
    assert situation_groups("我们想买一台新设备") == []
