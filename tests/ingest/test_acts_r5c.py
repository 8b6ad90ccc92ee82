"""Second pass on bodies a national text makes act (issue 20, round 5): units named by the part they take for what
they sponsor (挂靠单位, 政务新媒体主办单位), the registration organ named with the kind it registers, 要监督… as
oversight, and a lead of one ；-clause that makes no helper of a body acting in another clause."""

from __future__ import annotations

from pathlib import Path

from ingest import parse_plan
from ingest.model import Role


def owners(tmp_path: Path, body: str) -> set[tuple[str, str, Role]]:
    path = tmp_path / "doc.txt"
    path.write_text("国务院办公厅关于清理整顿工作的通知\n" + body, encoding="utf-8")
    doc = parse_plan(path)
    names = {d.key: sorted({doc.source[m.start:m.end] for m in d.mentions}, key=len)[0] for d in doc.departments}
    return {(names[r.agent], r.unit_path, r.role) for r in doc.responsibilities}


def test_an_attached_unit_in_a_list_of_classes_of_bodies_implements(tmp_path):
    text = "一、工作原则\n（一）登记管理机关、业务主管部门和挂靠单位都要从严把关。\n（二）其他事项另行规定。\n"
    found = owners(tmp_path, text)
    assert {("挂靠单位", "一（一）", Role.IMPLEMENTER), ("业务主管部门", "一（一）", Role.IMPLEMENTER),
            ("登记管理机关", "一（一）", Role.IMPLEMENTER)} <= found


def test_units_that_review_before_a_consent_each_evaluate(tmp_path):
    text = "一、保留条件\n（一）符合下列要求的予以保留。\n1.有规范的名称。\n2.挂靠单位、业务主管部门审查同意。\n二、其他事项另行规定。\n"
    found = owners(tmp_path, text)
    assert ("挂靠单位", "一（一）2", Role.EVALUATOR) in found


def test_a_unit_named_only_as_what_an_account_shows_is_no_body(tmp_path):
    text = "一、规范名称\n（一）账号名称应与主办单位工作职责相关联，并在认证信息中标明主办单位名称。\n（二）其他事项另行规定。\n"
    assert not any(name.endswith("主办单位") for name, _, _ in owners(tmp_path, text))


def test_the_registration_organ_named_with_its_kind_is_the_same_organ(tmp_path):
    text = ("一、工作要求\n（一）社会团体登记管理机关和业务主管部门要加强管理。\n"
            "（二）由登记管理机关责令解散。\n")
    doc_owners = owners(tmp_path, text)
    names = {name for name, _, _ in doc_owners}
    assert "登记管理机关" in names or "社会团体登记管理机关" in names
    assert len({n for n in names if n.endswith("登记管理机关")}) == 1


def test_a_duty_to_watch_others_correct_is_oversight(tmp_path):
    text = "一、工作步骤\n（一）对需整改的社会团体，业务主管部门要监督其改正。\n（二）其他事项另行规定。\n"
    assert ("业务主管部门", "一（一）", Role.SUPERVISOR) in owners(tmp_path, text)


def test_a_lead_in_a_later_clause_after_a_semicolon_makes_no_helper_of_the_first(tmp_path):
    text = ("一、工作步骤\n（一）对需整改的社会团体，业务主管部门要监督其改正；对撤销登记的社会团体，业务主管部门要会同有关单位"
            "处理好善后工作。\n（二）其他事项另行规定。\n")
    found = {(n, p, r) for n, p, r in owners(tmp_path, text) if n == "业务主管部门"}
    assert ("业务主管部门", "一（一）", Role.SUPERVISOR) in found
    assert ("业务主管部门", "一（一）", Role.PARTICIPANT) not in found


def test_provinces_listed_before_deng_ge_diqu_each_implement(tmp_path):
    text = ("一、组织实施\n（一）国家发展改革委要做好综合协调；各有关部门和单位以及北京市、天津市等各地区，要积极主动对接和支持"
            "新区规划建设。\n（二）其他事项另行规定。\n")
    found = owners(tmp_path, text)
    assert {("北京市", "一（一）", Role.IMPLEMENTER), ("天津市", "一（一）", Role.IMPLEMENTER)} <= found


def test_a_province_named_as_a_place_is_no_body(tmp_path):
    text = ("一、组织实施\n（一）会议在北京市召开，天津市的经验要认真总结。\n（二）北京市人民政府要加强组织领导。\n")
    names = {name for name, _, _ in owners(tmp_path, text)}
    assert "天津市" not in names and "北京市" not in names


def test_opening_a_review_procedure_after_grounds_and_a_consultation_is_a_review(tmp_path):
    text = ("一、关于水库项目\n（一）财政部将根据今后投资落实的可能，以及管理体制理顺的进展情况，与你省充分协商，"
            "适时启动项目审核程序。\n（二）其他事项另行研究。\n")
    found = owners(tmp_path, text)
    assert ("财政部", "一（一）", Role.EVALUATOR) in found


def test_a_clause_with_a_subject_of_its_own_after_the_grounds_is_not_the_bodys_review(tmp_path):
    text = ("一、关于水库项目\n（一）财政部将根据投资落实的可能安排资金，项目审核程序由你省自行启动。\n（二）其他事项另行研究。\n")
    assert ("财政部", "一（一）", Role.EVALUATOR) not in owners(tmp_path, text)


def test_the_government_where_a_zone_lies_written_with_de_is_the_same_collective(tmp_path):
    text = ("一、工作要求\n（一）为做好防震减灾工作，各地区、各部门特别是地震重点监视防御区所在地人民政府，要制定应急预案。\n"
            "（二）地方各级人民政府特别是地震重点监视防御区所在地的人民政府应把防震减灾知识的宣传作为一项重要内容。\n")
    found = {(n, p, r) for n, p, r in owners(tmp_path, text) if "所在地" in n}
    assert {p for _, p, r in found if r is Role.IMPLEMENTER} == {"一（一）", "一（二）"}
    assert len({n for n, _, _ in found}) == 1


def test_a_sponsoring_unit_fixed_by_a_principle_that_carries_duties_leads(tmp_path):
    text = ("一、明确职责\n（一）政务新媒体主办单位按照“谁开设、谁主办”的原则确定，履行政务新媒体的规划建设、安全管理等职责。\n"
            "（二）其他事项另行规定。\n")
    assert ("政务新媒体主办单位", "一（一）", Role.LEAD) in owners(tmp_path, text)


def test_fulfilling_without_duties_named_is_no_act(tmp_path):
    text = "一、明确职责\n（一）政务新媒体主办单位履行情况纳入考核。\n（二）其他事项另行规定。\n"
    assert not any(n.endswith("主办单位") for n, _, _ in owners(tmp_path, text))


def test_a_body_whose_check_others_must_help_leads_it(tmp_path):
    text = ("第一章 总则\n第一条 税务机关核查专项附加扣除情况时，公安派出所、居民委员会等有关单位和个人应当协助核查。\n"
            "第二条 本办法自发布之日起施行。\n")
    found = owners(tmp_path, text)
    assert ("税务机关", "第一条", Role.LEAD) in found
    assert ("公安派出所", "第一条", Role.PARTICIPANT) in found


def test_a_time_clause_with_no_helper_named_gives_no_lead_by_this_rule(tmp_path):
    text = ("第一章 总则\n第一条 税务机关核查专项附加扣除情况时，纳税人应当如实提供信息。\n第二条 本办法自发布之日起施行。\n")
    assert ("税务机关", "第一条", Role.LEAD) not in owners(tmp_path, text)


def test_a_body_entrusted_with_a_review_does_it(tmp_path):
    text = ("一、完善机制\n（一）组建国家职业教育指导咨询委员会。政府可以委托国家职业教育指导咨询委员会作为第三方，对职业院校的"
            "教学质量进行指导、考核、评估等。\n（二）其他事项另行规定。\n")
    found = owners(tmp_path, text)
    assert {("国家职业教育指导咨询委员会", "一（一）", Role.LEAD),
            ("国家职业教育指导咨询委员会", "一（一）", Role.EVALUATOR)} <= found


def test_a_body_acting_on_anothers_commission_is_not_made_the_entrusted_one_by_shou(tmp_path):
    text = "一、工作安排\n（一）受财政部委托，审计署对专项资金进行审计监督。\n（二）其他事项另行规定。\n"
    found = owners(tmp_path, text)
    assert ("审计署", "一（一）", Role.SUPERVISOR) in found
    assert not any(n == "财政部" and r is Role.LEAD for n, _, r in found)


def test_a_district_appraisal_agency_named_by_its_work_acts(tmp_path):
    text = "一、工作安排\n（一）全区目标任务已经确定。\n二、区绩效考评机构要把上述任务列入年度考核内容。\n"
    names = {n for n, _, _ in owners(tmp_path, text)}
    assert any(n.endswith("绩效考评机构") for n in names)


def test_an_appraisal_agency_only_mentioned_is_no_body(tmp_path):
    text = "一、工作安排\n（一）考核结果由各单位报送绩效考评机构。\n（二）其他事项另行规定。\n"
    assert not any(n.endswith("考评机构") for n, _, _ in owners(tmp_path, text))


def test_a_state_company_of_a_level_named_in_an_owner_note_takes_part(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("某市人民政府关于加快项目建设的通知\n一、重点工作\n1.加快道路项目建设。（市交通局牵头，市城投公司、市财政局配合）\n"
                    "2.其他事项另行安排。\n", encoding="utf-8")
    doc = parse_plan(path)
    written = {doc.source[m.start:m.end]: d.key for d in doc.departments for m in d.mentions}
    assert "市城投公司" in written
    assert any(r.agent == written["市城投公司"] and r.role is Role.PARTICIPANT for r in doc.responsibilities)


def test_a_company_only_mentioned_is_no_body(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("某市人民政府关于加快项目建设的通知\n一、重点工作\n1.支持市场公司参与道路项目建设。\n2.其他事项另行安排。\n",
                    encoding="utf-8")
    doc = parse_plan(path)
    assert not any("公司" in doc.source[m.start:m.end] for d in doc.departments for m in d.mentions)


def test_the_meetings_a_body_holds_named_as_the_subject_of_a_rule_bind_that_body(tmp_path):
    text = ("一、会议管理\n（一）财政部及各部门召开的全国性会议，要压缩数量，控制规模。\n"
            "（二）财政部组成人员必须执行财政部的决定。\n")
    found = owners(tmp_path, text)
    assert ("财政部", "一（一）", Role.LEAD) in found
    assert ("财政部", "一（二）", Role.LEAD) not in found


def test_the_banks_of_a_kind_that_raise_the_funds_implement(tmp_path):
    text = "一、资金安排\n（一）项目所需贷款由各商业银行按规定审贷发放。\n（二）其他事项另行规定。\n"
    assert ("各商业银行", "一（一）", Role.IMPLEMENTER) in owners(tmp_path, text)


def test_banks_only_named_as_a_source_are_no_body(tmp_path):
    text = "一、资金安排\n（一）企业可以向各商业银行申请贷款。\n（二）其他事项另行规定。\n"
    assert not any(n.endswith("银行") for n, _, _ in owners(tmp_path, text))


def test_bodies_whose_own_documents_a_rule_makes_public_lead(tmp_path):
    text = ("一、公开\n（一）财政部及人民银行的规范性文件，除涉及国家秘密的外，应当及时公布。\n"
            "（二）各地应认真执行财政部的文件。\n")
    found = owners(tmp_path, text)
    assert {("财政部", "一（一）", Role.LEAD), ("人民银行", "一（一）", Role.LEAD)} <= found
    assert ("财政部", "一（二）", Role.LEAD) not in found
