"""Roles in local notations (seventh round): a collective that answers for the whole (负总责, 是…责任主体) and is then
told what to do also implements; in a sentence dividing the work among bodies, places listed with a named body answer
for their part as it does; a body that supplies data beside a stated lead takes part; 完成审核 is a review; a
discipline body holding staff to account oversees even where the conduct named involves a review; a reform note
passing a former body's functions to another gives no work; an army of bodies listed after one written with its
level keeps that level (…、统计局, …和气象局), also past a member's second name in brackets; 〔特区、区〕 in a
collective's name. Texts written for these tests."""

from __future__ import annotations

from tests.ingest.test_bodies_r7 import _parse, _roles


def test_a_collective_answering_for_the_whole_and_told_to_act_leads_and_implements():
    text = """青禾市人民政府关于推进设备更新的实施方案
一、保障措施
（一）压实责任。各县市区政府（管委会）是本地工作的责任主体，要参照本方案制定具体措施。
（二）加强领导。各县（市、区）人民政府对本地区设备更新工作负总责，要制定具体工作方案。
"""
    roles = _roles(_parse(text))
    assert ("一（一）", "lead", "各县市区政府（管委会）") in roles
    assert ("一（一）", "implementer", "各县市区政府（管委会）") in roles
    assert ("一（二）", "lead", "各县（市、区）人民政府") in roles
    assert ("一（二）", "implementer", "各县（市、区）人民政府") in roles


def test_places_listed_with_a_named_body_in_a_divided_sentence_lead_their_part():
    text = """青禾县技术改造贷款贴息实施细则
第一条　为支持企业技术改造，制定本细则。
第二条　本细则适用于本县工业企业。
第三条　县工业和信息化局负责项目受理和初审；县财政局负责资金拨付；各乡镇人民政府、青禾经济开发区管委会负责辖区内项目的摸底和推荐。
"""
    roles = _roles(_parse(text, "青禾市青禾县"))
    assert ("第三条", "lead", "各乡镇人民政府") in roles
    assert ("第三条", "lead", "青禾经济开发区管委会") in roles


def test_a_body_supplying_data_beside_a_stated_lead_takes_part():
    text = """青禾区稳岗若干措施
第一条　为稳定就业，制定本措施。
第二条　本措施适用于本区中小微企业。
第三条　落实稳岗返还。本条政策由区人力社保局会同区财政局组织实施，区税务局负责提供企业缴费数据。
"""
    roles = _roles(_parse(text, "青禾市青禾区"))
    assert ("第三条", "participant", "区税务局") in roles
    assert ("第三条", "lead", "区税务局") not in roles
    assert ("第三条", "lead", "区人力社保局") in roles


def test_completing_a_review_within_a_time_limit_is_a_review():
    text = """青禾区稳岗若干措施
第九条　本措施所需资金由区财政安排。
第十条　区经信局会同区人力社保局自受理之日起15个工作日内完成审核，审核结果在区政府门户网站公示。
"""
    roles = _roles(_parse(text, "青禾市青禾区"))
    assert ("第十条", "evaluator", "区经信局") in roles
    assert ("第十条", "participant", "区人力社保局") in roles


def test_holding_staff_to_account_is_oversight_whatever_the_conduct_involves():
    text = """青禾县技术改造贷款贴息实施细则
第十八条　县审计局依法对扶持资金进行审计监督。
第十九条　县纪委监委对工作人员在资金审核、拨付中滥用职权的行为依规依纪依法追究责任。
第二十条　县纪委监委对工作不力的单位和个人，依规依纪严肃问责。
"""
    roles = _roles(_parse(text, "青禾市青禾县"))
    assert ("第十九条", "supervisor", "县纪委监委") in roles
    assert ("第十九条", "evaluator", "县纪委监委") not in roles
    assert ("第二十条", "supervisor", "县纪委监委") in roles


def test_a_reform_note_passing_functions_on_gives_no_work():
    text = """青禾市设备更新行动方案
一、重点任务
（一）推动二手商品流通。（市商务局牵头，市数据局配合）
注：机构改革后，原市大数据局职责由市数据局承担，原市地方金融监管局有关职责由市委金融办承担。
"""
    roles = _roles(_parse(text))
    assert not any(role == "lead" and name in ("市数据局", "市委金融办") for _, role, name in roles)


def test_bare_members_of_a_level_list_keep_the_level():
    text = """青禾区粮食安全责任制实施方案
一、组织领导
成立区粮食安全考核工作组，成员单位包括区发改局(粮储局)、农业农村局、财政局、统计局等。
二、职责分工
区农业局、财政局和气象局等部门分管领导为成员的工作组负责统筹。
"""
    doc = _parse(text, "青禾市青禾区")
    labels = {d.pref_label for d in doc.departments}
    assert not any(label.startswith(("国家", "中国")) for label in labels), labels
    stats = [d for d in doc.departments if d.pref_label.endswith("统计局")]
    assert stats and stats[0].pref_label.endswith("区统计局")
    reform = [d for d in doc.departments if d.pref_label.endswith("发改局")]
    assert reform and "区发改局(粮储局)" in reform[0].alt_labels


def test_a_collective_with_special_districts_in_brackets():
    text = """青禾市节能减排实施方案
一、重点工程
（一）推广节能技术。（市工业和信息化局、市发展改革委等按职责分工负责，各市〔特区、区〕人民政府负责落实）
"""
    roles = _roles(_parse(text))
    assert ("一（一）", "implementer", "各市〔特区、区〕人民政府") in roles


def test_places_written_bare_as_the_ones_told_to_act_are_their_governments():
    text = """青禾省人民政府关于加强知识产权保护的实施意见
一、保障措施
（一）加强组织领导。各市（州）人民政府对本地区工作负总责。
（二）加强经费保障。各市（州）要将工作经费纳入本级财政预算。
"""
    doc = _parse(text, "青禾省")
    places = [d for d in doc.departments if "市（州）" in d.pref_label]
    assert len(places) == 1
    roles = _roles(doc)
    assert ("一（二）", "implementer", "各市（州）") in roles
    assert ("一（二）", "implementer", "各市（州）人民政府") in roles


def test_a_collective_answering_for_a_work_in_its_own_area_leads_it():
    text = """青禾市技术改造专项资金管理办法
第一条　为规范专项资金管理，制定本办法。
第二条　市工业和信息化局负责编制申报指南。市财政局负责资金拨付。各县级市（区）工信部门负责本地区项目的组织申报、初审和日常跟踪管理。
第三条　各县市区政府负责本辖区相关任务落实。
"""
    roles = _roles(_parse(text))
    assert ("第二条", "lead", "各县级市（区）工信部门") in roles
    assert ("第三条", "implementer", "各县市区政府") in roles
    assert ("第三条", "lead", "各县市区政府") not in roles


def test_the_body_named_to_carry_out_the_work_and_the_city_level_departments_implement():
    text = """青禾市社区服务设施建设实施方案
一、保障措施
（一）加强组织实施。市发展改革委负责统筹协调，市级有关部门按职责分工做好政策支持；各区(市)县政府(管委会)是实施主体，要落实属地责任。
"""
    roles = _roles(_parse(text))
    assert ("一（一）", "coordinator", "市发展改革委") in roles
    assert ("一（一）", "implementer", "各区(市)县政府(管委会)") in roles
    assert ("一（一）", "lead", "各区(市)县政府(管委会)") not in roles
    assert ("一（一）", "implementer", "市级有关部门") in roles
    assert ("一（一）", "lead", "市级有关部门") not in roles


def test_a_collective_told_in_a_sentence_that_it_must_help_implements():
    text = """青禾区减轻企业用房负担若干措施
第一条　为减轻企业负担，制定本措施。
第二条　小微企业园的认定由区经信局负责；各镇（街道）要配合做好入园企业的现场核查。
第三条　本措施由区经信局牵头实施。（区经信局牵头，各镇（街道）配合）
"""
    roles = _roles(_parse(text, "青禾市青禾区"))
    assert ("第二条", "implementer", "各镇（街道）") in roles
    assert ("第二条", "participant", "各镇（街道）") not in roles
    # in an owner note the collective is listed as a participant
    assert ("第三条", "participant", "各镇（街道）") in roles
