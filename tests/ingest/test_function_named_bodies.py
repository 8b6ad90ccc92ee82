"""Bodies a national text names by function and the roles it gives them in sentences (issue 20, a notice issuing a
reform plan): 国务院 before the first of a list of designations governs the whole list (国务院甲行政部门、乙行政部门),
and a bare designation in a text that names only the State Council's one of that name is that one; 各级政府部门 and
地方政府 are collectives; a list that 分别负责 (each in charge of its own part) leads together; a body that
负责…的统筹规划、综合协调 coordinates; one that hears the reports on a work oversees it; one entrusted with an
assessment evaluates; a body whose requirements are carried out (落实X各项要求) is no actor."""

from __future__ import annotations

from ingest.model import DocumentMeta
from ingest.pipeline import parse_text


def read(sentences: str) -> tuple[list[tuple[str, str]], list[str]]:
    text = "国务院关于某项改革的实施方案\n一、组织实施\n（一）职责分工。" + sentences + "\n"
    doc = parse_text(text, DocumentMeta(slug="d", title="d", source_file="d.txt", identifier="国发〔2031〕9号"))
    names = {d.key: d.pref_label for d in doc.departments}
    return sorted({(r.role.value, names[r.agent]) for r in doc.responsibilities}), sorted(names.values())


def test_state_council_prefix_governs_a_list_of_designations():
    roles, bodies = read("国务院卫生健康行政部门、民政行政部门在各自职责范围内，分别负责养老机构医疗服务的监督管理。")
    assert set(roles) == {("lead", "国务院民政行政部门"), ("lead", "国务院卫生健康行政部门")}
    assert set(bodies) == {"国务院民政行政部门", "国务院卫生健康行政部门"}


def test_a_bare_designation_is_the_state_councils_when_only_that_one_is_named():
    roles, bodies = read("国务院民政行政部门负责制定服务标准。（社区机构由民政行政部门负责备案）")
    assert bodies == ["国务院民政行政部门"]
    assert roles == [("lead", "国务院民政行政部门")]


def test_a_designation_of_every_level_stays_its_own():
    _, bodies = read("国务院民政行政部门负责制定标准，县级以上地方人民政府民政行政部门负责日常监管，民政行政部门要加强指导。")
    assert "国务院民政行政部门" in bodies and len(bodies) >= 2


def test_coordination_of_a_work_and_leads_by_list():
    roles, _ = read("国务院民政行政部门负责养老服务工作的统筹规划、综合协调，国务院民政行政部门、卫生健康行政部门和其他有关部门"
                    "在职责范围内，分别负责有关的养老服务工作。")
    assert roles == [("coordinator", "国务院民政行政部门"), ("lead", "国务院卫生健康行政部门"), ("lead", "国务院民政行政部门")]


def test_government_departments_at_every_level_and_local_governments_are_collectives():
    roles, _ = read("各级政府部门要转变职能，加强服务。各级政府要加大投入，地方政府要按规定落实补助标准。")
    assert roles == [("implementer", "各级政府部门"), ("implementer", "地方各级人民政府"), ("implementer", "地方政府")]


def test_hearing_reports_is_oversight_and_an_entrusted_assessment_is_evaluation():
    roles, _ = read("国务院养老服务督导委员会每年听取养老服务质量评估情况汇报。政府可以委托国家养老服务标准化委员会作为第三方，"
                    "对养老机构的服务质量进行考核、评估。")
    assert ("supervisor", "国务院养老服务督导委员会") in roles
    assert ("evaluator", "国务院养老服务督导委员会") not in roles
    assert ("evaluator", "国家养老服务标准化委员会") in roles


def test_a_body_whose_requirements_are_carried_out_is_no_actor():
    _, bodies = read("认真落实中央养老工作领导小组各项要求，国务院民政行政部门负责组织实施。")
    assert bodies == ["国务院民政行政部门"]


def test_a_national_texts_departments_concerned_are_its_readers_not_a_body():
    """各有关部门 in a State Council text are the departments it is addressed to (the gold's addressee collective);
    a named collective written before them still acts; a city's 各有关部门 are its own bureaus."""
    roles, bodies = read("地方各级人民政府、各有关部门要加强领导。各有关部门要制定实施细则。")
    assert roles == [("implementer", "地方各级人民政府")] and "各有关部门" not in bodies
    text = "某市人民政府关于某项改革的实施方案\n一、组织实施\n（一）职责分工。各有关部门要制定实施细则。\n"
    doc = parse_text(text, DocumentMeta(slug="d", title="某市人民政府关于某项改革的实施方案", source_file="d.txt",
                                        jurisdiction="广州市"))
    assert "各有关部门" in {n for d in doc.departments for n in [d.pref_label, *d.alt_labels]}


def test_what_a_body_organises_named_as_a_noun_is_no_act_and_coordinating_organisation_is_coordination():
    roles, _ = read("在下一年度国务院养老服务督导委员会组织的实地督查中实行免督查。")
    assert roles == []
    roles, _ = read("国务院民政行政部门将会同有关方面统筹组织开展相关激励工作。")
    assert roles == [("coordinator", "国务院民政行政部门")]


def test_courts_in_a_list_a_sector_and_others_and_each_provinces_bureau():
    """In a rule's list of who supplies what: 法院 among departments, 卫生健康等部门 (that sector's department, the rest
    unnamed), and 各省、自治区、直辖市和计划单列市税务局 (each province's tax bureau) are bodies."""
    text = ("国务院关于印发某项扣除办法的通知\n第一条 有关部门应当向税务部门提供以下信息：\n（一）民政部门、外交部门、法院有关婚姻状况信息；\n"
            "（二）卫生健康等部门有关出生医学证明信息。\n第二条 数据的共享方式，由国务院税务主管部门及各省、自治区、直辖市和计划单列市税务局"
            "商有关部门确定。\n")
    doc = parse_text(text, DocumentMeta(slug="d", title="d", source_file="d.txt", identifier="国发〔2031〕9号"))
    names = {d.pref_label for d in doc.departments}
    assert {"法院", "卫生健康", "各省、自治区、直辖市和计划单列市税务局"} <= names


def test_a_public_management_office_and_guiding_supervision():
    roles, bodies = read("由上海市医药集中招标采购事务管理所承担日常工作。国务院养老服务督导委员会对服务全过程进行指导监督。")
    assert "上海市医药集中招标采购事务管理所" in bodies
    assert ("supervisor", "国务院养老服务督导委员会") in roles
