"""Structure and functions of local texts as portals print them (seventh round): the line naming an attached table
just above the table itself, a site's menu bar above the title, and a notice that gives its addressees work beyond
its cover formula."""

from __future__ import annotations

from ingest.model import DocumentMeta
from ingest.pipeline import parse_text
from ingest.webchrome import is_chrome


def parse(text: str):
    return parse_text(text, DocumentMeta(slug="d", title="d", source_file="d.txt"))


PLAN_WITH_TABLE = """某市人民政府办公室关于印发某市物流降本工作方案的通知
某政办发〔2031〕8号
各区人民政府，市政府各部门：
《某市物流降本工作方案》已经市政府同意，现印发给你们，请认真组织实施。
某市人民政府办公室
2031年3月2日
某市物流降本工作方案
为降低全社会物流成本，制定本方案。
一、主要任务
（一）优化运输结构。推动大宗货物公转铁。
（二）发展多式联运。培育联运经营主体。
二、保障措施
（一）加强组织领导。市交通运输局负责统筹推进。
（二）强化资金支持。对新开联运线路给予每条20万元奖励。

附件：某市物流降本重点任务分解表

附件

某市物流降本重点任务分解表

序号\t任务\t牵头单位\t完成时限
1\t优化运输结构\t市交通运输局\t2032年底前
2\t发展多式联运\t市发展改革委\t2032年底前
"""


def test_the_line_naming_the_annex_above_it_is_no_annex_nor_closing():
    paths = [u.path for u in parse(PLAN_WITH_TABLE).units]
    assert paths.count("附件") == 1 and "附件#2" not in paths
    assert "结语" not in paths  # the naming line is not closing prose either
    annex = next(u for u in parse(PLAN_WITH_TABLE).units if u.path == "附件")
    assert annex.heading.startswith("某市物流降本重点任务分解表") and "牵头单位" in annex.text


TWO_ANNEXES = PLAN_WITH_TABLE.replace("附件：某市物流降本重点任务分解表\n\n附件\n", "附件1：某市物流降本重点任务分解表\n\n附件2\n")


def test_two_annexes_with_their_own_numbers_stay_two():
    paths = [u.path for u in parse(TWO_ANNEXES).units]
    assert "附件1" in paths and "附件2" in paths


def test_a_menu_bar_opened_by_home_is_page_furniture():
    assert is_chrome("首   页 走进某县 新闻中心 政府信息公开 政务服务 互动交流")
    assert is_chrome("网站首页 机构概况 政务公开 办事服务")
    assert not is_chrome("首页设计方案征集公告")
    assert not is_chrome("某县人民政府关于印发某县首页工程实施方案的通知")


NOTICE = """某市人民政府办公室关于印发某市{name}的通知
某政办发〔2031〕9号
各区人民政府，市政府各部门：
《某市{name}》已经市政府同意，现印发给你们，请认真贯彻执行。{more}
某市人民政府办公室
2031年4月1日
某市{name}
为推进试点工作，制定本方案。
一、试点内容
在三个区开展试点。
二、保障措施
加强组织领导。
"""


def _notice(more: str):
    doc = parse(NOTICE.format(name="养老服务试点方案", more=more))
    return {u.path: u for u in doc.units}


def test_a_notice_that_sets_its_addressees_to_work_is_a_duty():
    units = _notice("各试点区要结合实际制定实施细则，于2031年6月底前报市民政局。")
    assert units["通知"].function == "duty"
    # the issued text's parts do not take the notice's duty as entries of a list it introduces
    assert units["一"].function != "duty" and units["二"].function != "duty"


def test_a_notice_with_only_its_cover_formula_is_context():
    assert _notice("")["通知"].function == "context"
    assert _notice("实施中遇到的问题，请及时向市民政局反映。")["通知"].function == "context"
