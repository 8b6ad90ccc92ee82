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


REPLY = """某市交通运输局关于市政协十届二次会议第0456号提案的答复
王某委员：
您提出的《关于优化公交线网的提案》收悉，现答复如下：
今年我局已调整公交线路12条。
下一步，我局将会同各区开展线网评估。
感谢您对交通工作的关心。
联系单位：某市交通运输局运输处
联系人：赵某    联系电话：0000-1234567
某市交通运输局
2031年7月1日
"""


def test_the_contact_lines_of_a_reply_are_no_paragraphs():
    units = parse(REPLY).units
    assert [u.path for u in units] == ["第1段", "第2段", "第3段", "第4段"]
    assert not any("联系" in u.text for u in units)


def _with_list_annex(entries: str) -> str:
    return PLAN_WITH_TABLE.split("附件：")[0] + "附件\n某市物流降本重点项目清单\n" + entries


def test_a_short_annex_list_of_bare_names_is_one_unit():
    units = parse(_with_list_annex("1.某物流园二期\n2.某铁路专用线\n3.某冷链中心\n")).units
    annex = [u for u in units if u.path.startswith("附件")]
    assert [u.path for u in annex] == ["附件"] and "某冷链中心" in annex[0].text


def test_an_annex_list_of_sentences_keeps_its_items():
    entries = "1.建设某物流园二期，2032年底建成。\n2.改造某铁路专用线，提升运力。\n3.新建某冷链中心。\n"
    paths = [u.path for u in parse(_with_list_annex(entries)).units if u.path.startswith("附件")]
    assert paths == ["附件", "附件1", "附件2", "附件3"]


MEASURES_WITH_ANNEXES = """某市促进消费若干措施
为促进消费，制定本措施。
一、发放消费券。全年发放1亿元。
二、支持汽车消费。对购买新能源汽车给予补贴。
附件：1.消费券发放方案
      2.汽车补贴申领指南
附件1
消费券发放方案
一、发放对象。本市居民。
二、发放方式。线上发放。
附件2
汽车补贴申领指南
申领人持发票到商务局申领。
"""


def test_a_two_line_list_of_annex_names_above_the_annexes_makes_no_units():
    paths = [u.path for u in parse(MEASURES_WITH_ANNEXES).units]
    assert paths == ["序言", "一", "二", "附件1", "附件1一", "附件1二", "附件2"]
