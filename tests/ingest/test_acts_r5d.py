"""Fourth pass on bodies a national text makes act (issue 20, round 5): a list that manages a work as one (统一归口管理),
the military regions listed with the provinces, the army's departments named by their work, observatories and named
military regions, an opinion sought (征求X的意见), a consent sought (征得X同意) and a reply's consent to a joint work
(同意A与B合建)."""

from __future__ import annotations

from pathlib import Path

from ingest import parse_plan
from ingest.model import Role


def owners(tmp_path: Path, body: str, title: str = "国务院办公厅关于加强有关工作的通知") -> set[tuple[str, str, Role]]:
    path = tmp_path / "doc.txt"
    path.write_text(title + "\n" + body, encoding="utf-8")
    doc = parse_plan(path)
    names = {d.key: sorted({doc.source[m.start:m.end] for m in d.mentions}, key=len)[0] for d in doc.departments}
    return {(names[r.agent], r.unit_path, r.role) for r in doc.responsibilities}


def test_two_bodies_that_manage_a_work_as_one_both_lead(tmp_path):
    text = "一、边境勘界资料由外交部和民政部统一归口管理。\n二、其他事项另行通知。\n"
    found = owners(tmp_path, text)
    assert {("外交部", "一", Role.LEAD), ("民政部", "一", Role.LEAD)} <= found
    assert ("民政部", "一", Role.PARTICIPANT) not in found


def test_a_plain_list_still_has_one_lead(tmp_path):
    found = owners(tmp_path, "一、档案整理由外交部和民政部负责。\n二、其他事项另行通知。\n")
    assert ("民政部", "一", Role.PARTICIPANT) in found


def test_military_regions_listed_with_the_provinces_each_implement(tmp_path):
    text = "一、这项工作要抓紧，有关省、自治区、直辖市及军区也要指定专人负责。\n二、其他事项另行通知。\n"
    found = owners(tmp_path, text)
    assert {("有关省、自治区、直辖市", "一", Role.IMPLEMENTER), ("军区", "一", Role.IMPLEMENTER)} <= found


def test_an_army_department_named_by_its_work_leads_what_it_is_given(tmp_path):
    text = "一、清理出的旧弹药，其销毁工作由军队各级后勤业务部门负责。\n二、其他事项另行通知。\n"
    assert ("军队各级后勤业务部门", "一", Role.LEAD) in owners(tmp_path, text)


def test_the_army_with_no_named_department_is_no_body(tmp_path):
    text = "一、军队有关部门要做好配合。\n二、其他事项另行通知。\n"
    assert not any(name.startswith("军队") for name, _, _ in owners(tmp_path, text))


def test_a_body_whose_opinion_is_sought_takes_part(tmp_path):
    text = "一、选址和制定建设方案要征求军队主管部门的意见。\n二、其他事项另行通知。\n"
    assert ("军队主管部门", "一", Role.PARTICIPANT) in owners(tmp_path, text)


def test_a_named_military_region_whose_consent_is_sought_evaluates(tmp_path):
    text = "一、外方人员必须进入管理区的，应征得南京军区同意。\n二、其他事项另行通知。\n"
    assert ("南京军区", "一", Role.EVALUATOR) in owners(tmp_path, text)


def test_a_body_that_must_approve_still_leads(tmp_path):
    text = "一、调整方案须经国家发展改革委批准。\n二、其他事项另行通知。\n"
    assert ("国家发展改革委", "一", Role.LEAD) in owners(tmp_path, text)


def test_a_reply_consenting_to_a_joint_work_gives_the_first_body_the_lead(tmp_path):
    text = ("你局请示收悉。现答复如下：\n一、同意福建省气象局与澳门地球物理气象台共建2个海洋观测站；与香港天文台合建1个雷达站。\n"
            "二、具体事宜按有关规定办理。\n")
    found = owners(tmp_path, text, "国务院办公厅关于共建观测站的复函")
    assert {("福建省气象局", "一", Role.LEAD), ("澳门地球物理气象台", "一", Role.PARTICIPANT),
            ("香港天文台", "一", Role.PARTICIPANT)} <= found


def test_the_central_treasury_that_pays_leads(tmp_path):
    text = "同意举办这次展览会。展览会的主要经费由主办城市承担，中央财政将视情况对布展费用给予适当补助。\n"
    found = owners(tmp_path, text, "国务院办公厅关于同意举办展览会的复函")
    assert any(name == "中央财政" and role is Role.LEAD for name, _, role in found)


def test_a_level_treasury_is_no_body(tmp_path):
    text = "一、省级财政安排专项资金给予补助。\n二、其他事项另行通知。\n"
    assert not any(name.endswith("财政") for name, _, _ in owners(tmp_path, text))


def test_the_provinces_written_several_ways_are_one_collective_that_implements(tmp_path):
    text = ("一、工作任务\n（一）各有关省（市）和部委要继续承办培训班的任务。\n"
            "（二）经费不足的，可由承担任务的省（市）人民政府予以补贴。\n"
            "二、组织领导\n各有关省（市）人民政府应把培训工作列入重要议事日程。\n")
    found = owners(tmp_path, text)
    implementers = {(path, role) for name, path, role in found if "省（市）" in name}
    assert {("一（一）", Role.IMPLEMENTER), ("一（二）", Role.IMPLEMENTER), ("二", Role.IMPLEMENTER)} <= implementers
    assert len({name for name, _, _ in found if "省（市）" in name}) == 1


def test_a_body_that_organises_the_work_the_sentence_reports_leads(tmp_path):
    text = "一、防治工作\n近年来，在库区防汛工作指挥部统一组织下，汛情的监测工作得到了加强。\n二、其他事项另行通知。\n"
    assert ("库区防汛工作指挥部", "一", Role.LEAD) in owners(tmp_path, text)


def test_local_governments_a_reply_asks_to_carry_out_the_work_implement(tmp_path):
    text = ("湖南省人民政府：\n你省来函收悉。现函复如下：\n一、关于安置问题。有关安置工作应请地方政府按照规划的要求，切实抓好实施。\n"
            "二、关于其他问题。待工作开展后再行研究。\n")
    found = owners(tmp_path, text, "国务院办公厅关于湖南省有关问题的函")
    assert ("地方政府", "一", Role.IMPLEMENTER) in found


def test_bodies_that_have_reviewed_a_report_evaluate_and_do_not_lead(tmp_path):
    text = ("湖南省人民政府：\n你省来函收悉。现函复如下：\n一、关于可研报告问题。对你省提出的可研报告，水利部和交通部已分别进行了审查和评估。\n"
            "二、关于其他问题。国家发展改革委建议，在规划完成后，再研究该项目的审批问题。\n")
    found = owners(tmp_path, text, "国务院办公厅关于湖南省有关问题的函")
    assert {("水利部", "一", Role.EVALUATOR), ("交通部", "一", Role.EVALUATOR)} <= found
    assert ("交通部", "一", Role.LEAD) not in found
    assert ("国家发展改革委", "二", Role.LEAD) in found


def test_a_later_clause_that_steps_up_checks_makes_the_body_the_supervisor_too(tmp_path):
    text = "一、评估工作\n国务院办公厅将继续研究网站考评办法，加强督促检查，促进服务水平的提高。\n二、其他事项另行通知。\n"
    found = owners(tmp_path, text)
    assert {("国务院办公厅", "一", Role.LEAD), ("国务院办公厅", "一", Role.SUPERVISOR)} <= found
