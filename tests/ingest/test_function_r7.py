"""Functions of articles (seventh round): an article that opens with a government body at work states that body's
duty, an article about anyone else a rule; 组成人员 names a membership list only where it introduces one."""

from __future__ import annotations

from ingest.model import DocumentMeta
from ingest.pipeline import parse_text


def parse(text: str):
    return parse_text(text, DocumentMeta(slug="d", title="d", source_file="d.txt"))


RULES = """某县中小企业发展资金管理细则
第一章 总则
第一条 为规范中小企业发展资金管理，制定本细则。
第二条 本细则适用于县级财政安排的中小企业发展资金。
第二章 申报与审核
第三条 县经信局每年4月发布申报指南。
第四条 企业按照申报指南向县经信局提交申请材料，并对材料真实性负责，不得重复申报。
第五条 县经信局会同县财政局对申报项目进行审核，必要时委托第三方机构开展核查。
第六条 县审计局依法对资金使用情况进行审计监督。
第三章 附则
第七条 本细则自2031年1月1日起施行。
"""


def test_an_article_opening_with_a_body_at_work_is_its_duty():
    functions = {u.path: u.function for u in parse(RULES).units}
    assert functions["第三条"] == "duty"
    assert functions["第五条"] == "duty"
    assert functions["第六条"] == "duty"


def test_an_article_about_an_applicant_or_the_text_itself_stays_a_rule():
    functions = {u.path: u.function for u in parse(RULES).units}
    assert functions["第四条"] == "rule"  # 企业…向县经信局提交: the body is whom the firm applies to
    assert functions["第二条"] == "rule"
    assert functions["第七条"] == "rule"


WORK_RULES = """某市人民政府工作规则
第一章 总则
一、为规范市政府工作，制定本规则。
二、市政府组成人员要忠于职守，严格遵守廉政规定。
第二章 工作制度
三、市政府各部门要依法行使职权，提高行政效能。
四、市长出访期间，由常务副市长主持日常工作。
"""


def test_the_members_of_a_government_held_to_a_norm_is_no_membership_list():
    functions = {u.path: u.function for u in parse(WORK_RULES).units}
    assert functions["二"] == "rule"  # 组成人员要…: a norm for persons, not the list of a group's members
    assert functions["三"] == "duty"  # 市政府各部门要…: the departments' duty


PLAN = """某市冷链物流发展实施方案
为加快冷链物流发展，制定本方案。
一、重点任务
（一）完善冷库网络。新建冷库10万吨。
（二）发展冷藏运输。推广新能源冷藏车。
二、保障措施
（一）加强督导考核。市政府督查室要将本方案落实情况纳入年度督查；市统计局负责建立冷链统计监测制度。
（二）营造良好环境。各区、各有关部门要做好政策宣传解读。
（三）加大资金支持。对新建冷库按每吨200元给予补助。
"""


def test_a_safeguard_putting_a_named_body_to_work_is_its_duty():
    functions = {u.path: u.function for u in parse(PLAN).units}
    assert functions["二（一）"] == "duty"
    assert functions["二（二）"] == "action"  # 各区、各有关部门要…: a collective, the work stays a thing to do
    assert functions["二（三）"] == "support"
    assert functions["一（一）"] == "action"  # a task under 重点任务 is no safeguard


BREAKDOWN = """某区2031年政府工作报告主要目标任务分解方案
为抓好政府工作报告落实，制定本方案。
一、2031年全区经济社会发展的主要预期目标
（一）地区生产总值增长6%左右
责任单位：区发展和改革局
（二）一般公共预算收入增长5%
责任单位：区财政局
二、重点工作任务
（一）推进重大项目建设。全年开工项目50个以上。
（二）优化营商环境。深化一件事改革。
"""


def test_units_under_a_long_goals_heading_that_state_a_figure_are_goals():
    functions = {u.path: u.function for u in parse(BREAKDOWN).units}
    assert functions["一"] == "goal"
    assert functions["一（一）"] == "goal" and functions["一（二）"] == "goal"
    assert functions["二（二）"] == "action"


PILOT = """某省药品集中采购试点方案
为做好试点工作，制定本方案。
一、采购规则
（一）优先使用。试点地区公立医疗机构应优先使用中选药品，确保完成约定采购量。
（二）及时结算。医疗机构应按合同约定与企业及时结算货款。
二、组织实施
（一）制定实施方案。各试点地区应按照本方案要求，结合实际制定实施方案并抓紧组织实施。
"""


def test_a_bare_should_of_a_party_is_a_rule_and_of_the_addressees_at_large_a_thing_to_do():
    functions = {u.path: u.function for u in parse(PILOT).units}
    assert functions["一（一）"] == "rule"
    assert functions["一（二）"] == "rule"
    assert functions["二（一）"] == "action"  # 各试点地区应按照…: the addressees told to work
