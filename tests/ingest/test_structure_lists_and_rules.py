"""Two structures of real texts the rules first missed: a 规则 whose articles are written 一、 and run on across
第N章 headings (they are articles, as 第N条 would be), and an annex that is a long list of one-line entries (a list of
praised practices or of names: one unit, not one unit per line)."""

from __future__ import annotations

from ingest.model import DocumentMeta
from ingest.pipeline import parse_text


def parse(text: str):
    return parse_text(text, DocumentMeta(slug="d", title="d", source_file="d.txt"))


RULES = """某某委员会工作规则
第一章 总则
一、为规范某某委员会的工作，制定本规则。
二、委员会坚持依法办事。
第二章 会议制度
三、委员会实行全体会议制度。
四、全体会议由主任召集和主持。
第三章 附则
五、本规则自发布之日起施行。
"""


def test_han_numbered_articles_across_chapters_are_articles():
    doc = parse(RULES)
    kinds = {u.path: u.kind.value for u in doc.units}
    assert kinds["第一章"] == "chapter"
    assert [kinds[p] for p in ("一", "二", "三", "四", "五")] == ["article"] * 5


def _listing(entries: int) -> str:
    lines = "\n".join(f"{i}.某省某市推进第{i}项改革，成效明显。" for i in range(1, entries + 1))
    return f"""某某部关于表扬典型做法的通报
某发〔2031〕3号
各省人民政府：
经研究，对某省某市推进改革等{entries}项典型做法予以通报表扬。
各地区要认真学习借鉴。
附件：典型做法（共{entries}项）
某某部
2031年5月6日
附件
典型做法
（共{entries}项）
{lines}
"""


def test_a_long_list_annex_is_one_unit():
    paths = [u.path for u in parse(_listing(12)).units]
    assert paths == ["第1段", "第2段", "附件"]


def test_a_short_numbered_annex_keeps_its_items():
    paths = [u.path for u in parse(_listing(3)).units]
    assert "附件1" in paths and "附件3" in paths


ANSWER = """某某办公室关于某项建议的复函
某办函〔2031〕9号
某某委员：
您关于某项工作的建议收悉。现将有关情况函复如下：
一、基本情况。去年各地做了大量工作。
二、下一步拟采取的措施。商务部拟研究制订相关政策，加大推广力度。教育部拟继续做好规划编制工作。
某某办公室
2031年3月3日
"""


def test_a_body_that_plans_to_act_has_the_duty():
    doc = parse(ANSWER)
    agents = {d.key: d.pref_label for d in doc.departments} if hasattr(doc, "departments") else {}
    leads = {agents.get(r.agent, r.agent) for r in doc.responsibilities if r.unit_path == "二" and r.role.value == "lead"}
    assert len(leads) == 2, leads


MEETINGS = """某某市人民政府工作规则
第一章 总则
一、为规范市政府工作，制定本规则。
二、重大事项须经市政府常务会议讨论决定。
第二章 附则
三、本规则自印发之日起施行。
"""


def test_a_government_meeting_that_decides_is_a_body():
    doc = parse(MEETINGS)
    labels = {d.key: d.pref_label for d in doc.departments}
    meeting = [k for k, name in labels.items() if name.endswith("市政府常务会议")]
    assert meeting, labels
    assert {(r.unit_path, r.role.value) for r in doc.responsibilities if r.agent == meeting[0]} == {("二", "lead")}


def test_a_meeting_held_is_no_body():
    doc = parse(ANSWER.replace("去年各地做了大量工作。", "去年主持召开国务院常务会议听取了有关汇报。"))
    assert not [d for d in doc.departments if d.pref_label.endswith("常务会议")]


NOTICE = """某某办公厅关于落实某项政策的通知
某办发〔2031〕4号
各有关部门：
为落实某项政策，现通知如下：
一、完善管理办法。请商务部、教育部、民政部等部门在2032年6月底前完成修订。
二、做好宣传解读。商务部、教育部等有关部门要加强政策宣传。
三、简化评估程序。请财政部落实有关规定，提出修订建议。
某某办公厅
2031年5月6日
"""


def _roles(doc, path):
    names = {d.key: d.pref_label for d in doc.departments}
    return sorted((names[r.agent], r.role.value, r.basis.value) for r in doc.responsibilities if r.unit_path == path)


def test_bodies_asked_or_told_alike_each_lead():
    doc = parse(NOTICE)
    assert [role for _, role, _ in _roles(doc, "一")] == ["lead"] * 3
    assert [(role, basis) for _, role, basis in _roles(doc, "二")] == [("lead", "explicit")] * 2


def test_a_ministry_before_luoshi_is_a_body():
    assert [(name, role) for name, role, _ in _roles(parse(NOTICE), "三")] == [("财政部", "lead")]


REPLY_PLANS = """某某办公厅关于某省所提建议办理情况的函
某办函〔2031〕5号
某省人民政府：
现将有关情况函复如下：
一、关于甲项目问题。国家有关部门正在研究制订解决此类问题的方案。
二、关于乙项目问题。国务院有关部门在研究完善有关政策时将统筹考虑。
三、关于丙项目问题。商务部将继续加强协调，推进该项目前期工作。
四、关于丁项目问题。财政部在测算有关数额时，将继续加入有关因素。
某某办公厅
2031年5月6日
"""


def test_a_reply_s_present_and_planned_acts_are_duties():
    doc = parse(REPLY_PLANS)
    assert [(n, r) for n, r, _ in _roles(doc, "一")] == [("国家有关部门", "implementer")]
    assert [r for _, r, _ in _roles(doc, "二")] == ["implementer"]
    assert [(n, r) for n, r, _ in _roles(doc, "三")] == [("商务部", "coordinator")]
    assert [(n, r) for n, r, _ in _roles(doc, "四")] == [("财政部", "lead")]


RULES_SELF = """国务院工作规则
一、国务院及各部门要加快职能转变。
二、国务院办公厅要加强督促检查。
三、商务部拟在明后两年选择三个行业安排研究课题。
四、商务部及有关部门都要向社会公开征求意见。
"""


def test_a_body_with_the_departments_and_a_plan_in_a_year():
    doc = parse(RULES_SELF)
    roles = {p: _roles(doc, p) for p in ("一", "二", "三", "四")}
    assert [r for _, r, _ in roles["一"]] == ["lead"]
    assert [(n, r) for n, r, _ in roles["二"]] == [("国务院办公厅", "supervisor")]
    assert [(n, r) for n, r, _ in roles["三"]] == [("商务部", "lead")]
    assert [(n, r) for n, r, _ in roles["四"]] == [("商务部", "lead")]


def test_general_offices_in_charge_of_a_work_lead_it():
    text = RULES_SELF.replace("二、国务院办公厅要加强督促检查。", "二、地方各级人民政府办公厅（室）是本地区某项工作的主管单位，"
                              "国务院各部门办公厅（室）或指定的专门司局是本部门某项工作的主管单位。")
    assert _roles(parse(text), "二") == [("国务院各部门办公厅（室）", "lead", "explicit"),
                                         ("地方各级人民政府办公厅（室）", "lead", "explicit")]


def test_the_provinces_concerned_and_a_later_clause_that_oversees():
    text = RULES_SELF.replace("二、国务院办公厅要加强督促检查。", "二、有关省、市、自治区应按规定的基数，尽快逐级落实。").replace(
        "四、商务部及有关部门都要向社会公开征求意见。", "四、商务部、教育部要做好综合协调，加强对规划实施的指导、监督和检查。")
    assert _roles(parse(text), "二") == [("有关省、市、自治区", "implementer", "explicit")]
    assert {(n, r) for n, r, _ in _roles(parse(text), "四")} == {
        (n, r) for n in ("商务部", "教育部") for r in ("coordinator", "supervisor")}


def test_a_body_acting_within_a_frame_of_leadership_and_law():
    text = RULES_SELF.replace("二、国务院办公厅要加强督促检查。", "二、审计署在总理领导下，依照法律规定独立行使审计监督权。")
    # the duty is read past the frame: 行使审计监督权 is a supervision (as the gold of guofa-2004-018 reads 十一)
    assert ("审计署", "supervisor", "explicit") in _roles(parse(text), "二")


ANSWER_CLOSING = ANSWER.replace("某某办公室\n2031年3月3日", "现将有关部门的报告一并报送您，供审阅。感谢您对有关工作的关心。\n某某办公室\n2031年3月3日")


def test_an_answer_s_thanks_and_forwarding_line_are_its_closing():
    assert [u.path for u in parse(ANSWER_CLOSING).units][-1] == "结语"


def test_results_of_recent_years_are_no_targets():
    text = ANSWER.replace("去年各地做了大量工作。", "近5年来，全国城市平均年节水量约35亿立方米，重复利用率提高到70.7%。")
    assert parse(text).targets == []


ISSUED_RULES = """某某省人民政府关于印发《某某省人民政府工作规则》的通知
某政发〔2031〕8号
各市人民政府，省政府各部门：
《某某省人民政府工作规则》已经省政府常务会议修订通过，现予印发。
某某省人民政府
2031年6月26日
某某省人民政府工作规则
（2031年6月16日省政府
第5次常务会议修订通过）
第一章 总则
一、为规范省政府工作，制定本规则。
第二章 附则
二、本规则自印发之日起施行。
"""


def test_the_history_note_under_an_issued_title_is_its_preamble():
    units = {u.path: u for u in parse(ISSUED_RULES).units}
    assert list(units)[:3] == ["通知", "序言", "第一章"]
    assert "修订通过" in units["序言"].text


def test_places_where_something_lies_and_governments_asked_to_carry_out():
    text = RULES_SELF.replace("二、国务院办公厅要加强督促检查。", "二、做好风险评估。位于洪水重点防御区的大中城市，应抓紧做好风险评估工作。").replace(
        "四、商务部及有关部门都要向社会公开征求意见。", "四、有关报告已经国务院同意，请各省、自治区、直辖市人民政府认真贯彻落实。")
    doc = parse(text)
    assert _roles(doc, "二") == [("位于洪水重点防御区的大中城市", "implementer", "explicit")]
    assert _roles(doc, "四") == [("各省、自治区、直辖市人民政府", "implementer", "explicit")]
