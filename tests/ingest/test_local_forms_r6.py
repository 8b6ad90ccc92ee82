"""Local documents as the web serves them (sixth round): a county's emergency plan in a decimal outline (1 总则,
1.1 …) under a table of contents, a portal's info table written as a list (- 发文字号：…, • 2031-05-06), a reprint
that prints the issuer between the title and its number, a note between the signature and the date, a forwarding
notice whose date stands alone above the drafters' names, four joint issuers on one long title line, an earlier
version repealed under the new one's notice, and a regulation that names its own title. Texts written for these
tests."""

from __future__ import annotations

from ingest import parse_text
from ingest.model import DocumentMeta
from ingest.numbering import find_labels
from ingest.webchrome import is_chrome, portal_fields


def _parse(text: str):
    return parse_text(text, DocumentMeta(slug="t", title=""))


EMERGENCY_PLAN = """青禾县人民政府办公室关于印发青禾县森林火灾应急预案的通知
青政办发〔2031〕9号
各乡镇人民政府，县直各部门：
经县人民政府同意，现将《青禾县森林火灾应急预案》印发给你们，请认真组织实施，原2026年印发的《青禾县森林火灾应急预案》同时废止。
青禾县人民政府办公室
（此件公开发布）
2031年3月2日
青禾县森林火灾应急预案
目  录
1 总则
1.1 编制目的
1.2 适用范围
2 组织体系
2.1 县森林防灭火指挥部
1 总则
1.1 编制目的
为及时有效处置森林火灾，减少人员伤亡和财产损失，制定本预案。
1.2 适用范围
本预案适用于本县行政区域内发生的森林火灾应对工作。
1.5万亩以上的林区应当设立专职扑火队。
2 组织体系
2.1 县森林防灭火指挥部
县森林防灭火指挥部负责全县森林火灾的指挥协调。
2.1.1 指挥部办公室
指挥部办公室设在县应急管理局，承担日常工作。
2.2 乡镇指挥机构
各乡镇设立相应指挥机构。
"""


def test_a_decimal_outline_nests_and_its_table_of_contents_is_no_unit():
    doc = _parse(EMERGENCY_PLAN)
    # the table of contents (目录 and the headings under it) is neither units nor a preamble
    assert [u.path for u in doc.units] == ["通知", "1", "1.1", "1.2", "2", "2.1", "2.1.1", "2.2"]
    by_path = {u.path: u for u in doc.units}
    assert by_path["2.1.1"].parent == "2.1" and by_path["2.1"].parent == "2" and by_path["1.2"].parent == "1"
    assert by_path["1.1"].heading == "编制目的"
    # 1.5万亩 opening a line is an amount inside 1.2, not a unit of the outline
    assert "1.5万亩" in by_path["1.2"].text


def test_the_notice_of_an_emergency_plan_reads_its_date_past_the_note_and_repeals_the_old_plan():
    doc = _parse(EMERGENCY_PLAN)
    assert doc.meta.identifier == "青政办发〔2031〕9号"
    assert doc.meta.issued == "2031-03-02"
    assert doc.meta.issued_text_title == "青禾县森林火灾应急预案"
    assert doc.meta.issued_text_genre == "预案"
    repealed = [c for c in doc.citations if c.replaces]
    assert [c.title for c in repealed] == ["青禾县森林火灾应急预案"]


def test_decimal_numbers_that_run_as_no_outline_are_no_units():
    text = "一、支持项目\n1.5万元以下的项目由区财政承担。\n2.3倍以上的增量给予奖励。\n二、附则\n"
    assert [lab.numeral for lab in find_labels(text)] == ["一", "二"]


PORTAL_LIST = """- 索引号：ql-2031-00042
- 发文字号：青行发〔2031〕4号
- 发文机构：地区行署
- 名 称：青禾地区行政公署关于印发《青禾地区行政公署工作规则》的通知
- 发布日期：2031-05-06 09:30
青禾地区行政公署关于印发《青禾地区行政公署工作规则》的通知
• 2031-05-06
• 来源： 本站
• 分享到
相关新闻
各县人民政府，行署各局、委、办：
《青禾地区行政公署工作规则》已经行署全体会议通过，现印发给你们，请认真贯彻执行。
青禾地区行政公署
2031年4月28日
青禾地区行政公署工作规则
第一章 总则
一、为规范行署工作，制定本规则。
二、行署实行专员负责制。
"""


def test_an_info_table_written_as_a_list_gives_the_number_and_its_marks_are_furniture():
    assert portal_fields("- 发文字号：青行发〔2031〕4号") == [("identifier", "青行发〔2031〕4号")]
    assert is_chrome("• 2031-05-06") and is_chrome("• 分享到") and is_chrome("相关新闻")
    assert not is_chrome("- 本规则自印发之日起施行")
    doc = _parse(PORTAL_LIST)
    assert doc.meta.title == "青禾地区行政公署关于印发《青禾地区行政公署工作规则》的通知"
    assert doc.meta.identifier == "青行发〔2031〕4号"
    assert doc.meta.genre == "通知"
    assert doc.meta.issued == "2031-04-28"


REPRINT = """您的位置: 首页 » 法规库
关于印发《青年创业服务站建设办法(试行)》的通知
时间:2031-07-02 11:14:37  浏览:95
共青团青禾市委办公室
青团办发[2031]13号
关于印发《青年创业服务站建设办法(试行)》的通知
各区县团委：
现将《青年创业服务站建设办法(试行)》印发给你们，请认真遵照执行。
共青团青禾市委办公室
二O三一年五月九日
青年创业服务站建设办法
(试 行)
第一条 为推进青年创业服务站建设，制定本办法。
第二条 服务站由区县团委负责建设。
"""


def test_a_reprint_prints_the_issuer_between_the_title_and_a_square_bracketed_number():
    doc = _parse(REPRINT)
    assert doc.meta.identifier == "青团办发[2031]13号"
    assert doc.meta.issued == "2031-05-09"  # 二O三一年: a Latin O for the zero
    assert doc.meta.issuers == ("共青团青禾市委办公室",)
    assert not [c for c in doc.citations if c.identifier == "青团办发[2031]13号"]


FORWARDED = """青禾市人民政府办公室转发市商务局等部门《农村寄递物流发展办法》的通知
青政办字〔2031〕120号
各县（市、区）人民政府，市政府各部门：
市商务局、市邮政管理局、市财政局《农村寄递物流发展办法》已经市政府同意，现转发给你们，请认真贯彻执行。
二〇三一年八月三十日
青禾市商务局
青禾市邮政管理局
青禾市财政局
农村寄递物流发展办法
第一条 为发展农村寄递物流，制定本办法。
第二条 各县（市、区）要将寄递网点纳入村庄规划。
"""


def test_a_forwarding_notice_dated_alone_above_the_drafters_of_the_forwarded_text():
    doc = _parse(FORWARDED)
    assert doc.meta.issued == "2031-08-30"
    assert doc.meta.issued_text_title == "农村寄递物流发展办法"
    assert [u.path for u in doc.units] == ["通知", "第一条", "第二条"]
    assert "青禾市商务局" not in doc.units[0].text


JOINT = """青禾市发展和改革委员会 中共青禾市委社会工作部 青禾市规划和自然资源局 青禾市住房和城乡建设局 关于印发青禾市社区服务设施建设实施方案的通知
各区（市）县政府，市级有关部门：
现将《青禾市社区服务设施建设实施方案》印发给你们，请结合实际认真贯彻落实。
青禾市社区服务设施建设实施方案
一、主要目标
到2033年底，建成示范社区50个。
二、重点任务
（一）合理布局设施。各区（市）县要按人口配置服务设施。
（二）加强运营管理。引入专业机构运营。
"""


def test_four_joint_issuers_on_one_long_title_line():
    doc = _parse(JOINT)
    assert doc.meta.issuers == ("青禾市发展和改革委员会", "中共青禾市委社会工作部", "青禾市规划和自然资源局",
                                "青禾市住房和城乡建设局")
    assert doc.meta.genre == "通知" and doc.meta.issued_text_genre == "方案"


ORDER = """青禾市公园管理办法
青禾市人民政府
青禾市公园管理办法
市人民政府令第12号
《 青禾市公园管理办法》已经2031年8月8日市人民政府常务会议通过，现予公布，自2031年10月1日起施行。
市长 林某某
二O三一年八月十日
第一章 总则
第一条 为加强公园管理，制定本办法。
第二条 本市行政区域内公园的管理，适用本办法。
"""


def test_an_order_names_its_own_title_and_that_is_no_citation():
    doc = _parse(ORDER)
    assert doc.meta.identifier == "市人民政府令第12号"
    assert doc.meta.issued == "2031-08-10"
    assert doc.meta.effective == "2031-10-01"
    assert not doc.citations


LEAD_AND_CUT_HEADING = """关于印发《中共青禾区委、青禾区人民
关于印发《中共青禾区委、青禾区人民政府关于促进数字产业发展的
若干措施》的通知
导读:为推动数字产业发展，区委、区政府出台若干措施。
青区委发〔2031〕2号
各街道党工委、办事处，区委各部委，区级各部门：
《中共青禾区委、青禾区人民政府关于促进数字产业发展的若干措施》已经区委、区政府同意，现印发给你们，请认真贯彻执行。
中共青禾区委
青禾区人民政府
2031年2月22日
中共青禾区委 青禾区人民政府关于促进数字产业发展的若干措施
一、支持企业上云。对企业上云费用给予30%补贴。
二、支持平台建设。对新建工业互联网平台给予50万元奖励。
"""


def test_a_cut_heading_above_the_full_title_and_a_lead_paragraph_are_no_title():
    assert is_chrome("导读:为推动数字产业发展，区委、区政府出台若干措施。")
    doc = _parse(LEAD_AND_CUT_HEADING)
    assert doc.meta.title == "关于印发《中共青禾区委、青禾区人民政府关于促进数字产业发展的若干措施》的通知"
    assert doc.meta.identifier == "青区委发〔2031〕2号"
    assert doc.meta.issuers == ("中共青禾区委", "青禾区人民政府")
    assert [u.path for u in doc.units] == ["通知", "一", "二"]


BULLET_LABELS_AND_PAGE_TAIL = """• 发文字号
  • 索引号
  • 00541/2031-00001
  • 发布日期
  • 2031-01-01
  • 主题分类
  • 政府信息公开年度报告
2030年人大代表建议和政协委员提案办理情况
发布日期:2031-01-01 浏览次数: 12

2030年，我局承办人大代表建议和政协委员提案共计30件，其中建议10件、提案20件。

我局明确办理责任领导和承办科室，逐件与代表、委员沟通。

扫一扫在手机打开当前页
打印本页 关闭窗口
"""


def test_an_info_table_of_bare_labels_and_the_page_furniture_under_the_text_are_no_paragraphs():
    doc = _parse(BULLET_LABELS_AND_PAGE_TAIL)
    assert doc.meta.title == "2030年人大代表建议和政协委员提案办理情况"
    assert doc.meta.issued == "2031-01-01"
    assert [u.path for u in doc.units] == ["第1段", "第2段"]


def test_the_issued_text_named_without_its_city_is_no_citation():
    text = """青禾市东岗区人民政府关于印发《东岗区人民政府工作规则》的通知
各街道办事处，区政府各部门：
现将《东岗区人民政府工作规则》印发给你们，请认真贯彻执行。
青禾市东岗区人民政府
2031年8月21日
青禾市东岗区人民政府工作规则
第一章 总则
一、根据《中华人民共和国宪法》，制定本规则。
二、区政府实行区长负责制。
"""
    doc = _parse(text)
    assert [c.title for c in doc.citations] == ["中华人民共和国宪法"]


ZONE_POLICY = """首页 > 政务公开 > 政策文件
字号:
大 中 小
青禾经济技术开发区管理委员会关于印发《青禾经开区支持科技创新若干政策》的通知
青经开管规〔2031〕1号
各部门、各园区、各街道：
《青禾经开区支持科技创新若干政策》已经管委会主任办公会议审议通过，现印发给你们，请遵照执行。
青禾经济技术开发区管理委员会
2031年4月8日
青禾经开区支持科技创新若干政策
第一条【高新技术企业】对新认定的高新技术企业，给予一次性奖励20万元。
第二条【研发投入】对企业研发投入，按上年度研发费用增量的10%给予补助，最高100万元。
第三条【附则】本政策自印发之日起30日后施行，有效期至2033年12月31日。
联系人：陈某某，联系电话：0757-1234567
附件下载：
青禾经开区支持科技创新若干政策.pdf
【打印】【关闭】
"""


def test_a_zone_policy_takes_effect_thirty_days_after_issue_and_its_page_tail_is_no_text():
    doc = _parse(ZONE_POLICY)
    assert doc.meta.title == "青禾经济技术开发区管理委员会关于印发《青禾经开区支持科技创新若干政策》的通知"
    assert doc.meta.identifier == "青经开管规〔2031〕1号"
    assert doc.meta.issued == "2031-04-08" and doc.meta.effective == "2031-05-08"
    assert doc.meta.issued_text_genre == "政策"
    assert [u.heading for u in doc.units if u.path.startswith("第")] == ["高新技术企业", "研发投入", "附则"]
    last = doc.units[-1].text
    assert last.endswith("有效期至2033年12月31日。") and "联系人" not in last and ".pdf" not in last


TABLE_NOTICE = """青禾市南城区人民政府办公室关于印发南城区2031年民生实事项目计划的通知
南府办函〔2031〕7号
各街道办事处，区政府各部门：
经区政府同意，现将《南城区2031年民生实事项目计划》印发给你们，请各责任单位按照时间节点抓好落实。
青禾市南城区人民政府办公室
2031年1月20日
南城区2031年民生实事项目计划
序号\t项目名称\t主要内容\t责任单位\t完成时限
1\t新建公办幼儿园\t新建公办幼儿园3所\t区教育局\t2031年8月底
2\t老旧小区改造\t完成老旧小区改造12个\t区住房城乡建设局\t2031年12月底
"""


def test_a_table_header_row_is_no_part_of_the_issued_title():
    doc = _parse(TABLE_NOTICE)
    assert doc.meta.issued_text_title == "南城区2031年民生实事项目计划"
    assert doc.meta.issued_text_genre == "计划"


def test_local_label_forms_full_width_point_spaced_comma_and_closing_bracket():
    text = "一．总体要求\n（一）指导思想\n1）坚持问题导向。\n2）坚持系统推进。\n二 、重点任务\n（一）加强组织领导。\n"
    labels = [(lab.numbering.value, lab.numeral) for lab in find_labels(text)]
    assert labels == [("一、", "一"), ("（一）", "一"), ("（1）", "1"), ("（1）", "2"), ("一、", "二"), ("（一）", "一")]
    doc = _parse("青禾区推进数字政府建设工作要点\n" + text)
    assert [u.path for u in doc.units] == ["一", "一（一）", "一（一）（1）", "一（一）（2）", "二", "二（一）"]


ANSWER = """关于市政协十四届三次会议第20310045号提案的答复
青住建提复〔2031〕12号
签发人：刘某某
民盟青禾市委会：
贵单位提出的《关于推进老旧小区加装电梯的提案》收悉。经认真研究，现将办理情况答复如下：
一、工作开展情况
近年来，我局会同各区政府推进既有住宅加装电梯，累计完成加装电梯320台。
二、下一步工作
我局将简化审批流程，对加装电梯给予每台15万元补贴。
再次感谢贵单位对住房和城乡建设工作的关心和支持。
青禾市住房和城乡建设局
2031年7月5日
（联系人：赵某；联系电话：12345678）
"""


def test_an_answer_to_a_party_proposal_with_its_signer_and_contact():
    doc = _parse(ANSWER)
    assert doc.meta.identifier == "青住建提复〔2031〕12号"
    assert doc.meta.addressees == "民盟青禾市委会"
    assert doc.meta.genre == "答复" and doc.meta.issued == "2031-07-05"
    assert [u.path for u in doc.units] == ["序言", "一", "二", "结语"]
    assert "联系人" not in doc.units[-1].text and "签发人" not in doc.units[0].text


def test_an_answers_paragraphs_broken_mid_sentence_run_on():
    text = """关于区政协十届二次会议第12号提案的答复
李某某委员：
    您提出的关于加快社区养老服务设施建设的提案收悉，现答
复如下：
    我局已在全区建成社区养老服务中心15个，覆盖全部街
道。
    下一步，我局将力争2032年底前实现街道综合养老服务中心全覆盖。
青禾区民政局
2031年6月28日
"""
    doc = _parse(text)
    assert [u.path for u in doc.units] == ["第1段", "第2段", "第3段"]
    assert doc.units[1].text.endswith("覆盖全部街\n道。")


def test_numbers_in_the_brackets_a_word_processor_or_a_page_uses():
    text = """青禾市人民政府办公室关于印发青禾市促进会展业发展若干措施的通知
青府办﹝2031﹞28号
各区人民政府，市政府各部门：
现将《青禾市促进会展业发展若干措施》印发给你们，请认真贯彻执行。《青禾市会展业扶持办法》（青府办【2027】5号）同时废止。
青禾市人民政府办公室
2031年5月6日
青禾市促进会展业发展若干措施
一、对展览面积1万平方米以上的展会给予补贴。
二、对引进的品牌展会给予奖励。
"""
    doc = _parse(text)
    assert doc.meta.identifier == "青府办﹝2031﹞28号"
    assert [(c.identifier, c.replaces) for c in doc.citations] == [("青府办【2027】5号", True)]


def test_a_reprints_label_before_the_title_is_no_part_of_it():
    text = """青禾：关于印发《青禾市乡村振兴责任制实施细则》的通知
各区委、区政府，市委各部委办：
经市委、市政府同意，现将《青禾市乡村振兴责任制实施细则》印发给你们，请认真遵照执行。
中共青禾市委办公厅
青禾市人民政府办公厅
2031年7月20日
青禾市乡村振兴责任制实施细则
第一章 总则
第一条 为落实乡村振兴责任制，制定本细则。
第二条 实行市负总责、区和乡镇抓落实的工作机制。
"""
    doc = _parse(text)
    assert doc.meta.title == "关于印发《青禾市乡村振兴责任制实施细则》的通知"
    assert doc.meta.issuers == ("中共青禾市委办公厅", "青禾市人民政府办公厅")


def test_elder_mode_buttons_and_zones_among_the_addressees():
    assert is_chrome("• 长辈版") and is_chrome("适老版")
    text = """中共青禾市委办公室青禾市人民政府办公室印发《关于推进政务公开的实施意见》的通知(青办发〔2031〕2号)
各县市区委、人民政府，青禾经济技术开发区、青禾高新区、湖滨新区，市直各单位：
《关于推进政务公开的实施意见》已经市委、市人民政府同意，现印发给你们，请结合实际认真贯彻执行。
中共青禾市委办公室
青禾市人民政府办公室
2031年1月10日
关于推进政务公开的实施意见
一、总体要求
坚持以公开为常态、不公开为例外。
二、工作目标
到2033年，全市政务公开工作总体水平迈上新台阶。
"""
    doc = _parse(text)
    assert doc.meta.identifier == "青办发〔2031〕2号"
    assert doc.meta.addressees.startswith("各县市区委") and doc.meta.addressees.endswith("市直各单位")
    assert doc.units[0].path == "通知" and "各县市区委" not in doc.units[0].text


def test_an_info_table_with_a_field_the_reader_did_not_know_reads_on_to_the_date():
    assert portal_fields("公开类别 主动公开") == [("other", "主动公开")]
    text = """青禾新区人民政府关于印发《青禾新区人民政府工作规则》的通知
索引号 SY-310115-2031-00371
文件编号 青新府〔2031〕1号
发布机构 区政府
公开类别 主动公开
发布时间 2031-01-29
区政府各委、办、局，各街道办事处、镇政府：
《青禾新区人民政府工作规则》已经区政府常务会议审议通过，现予印发。
青禾新区人民政府工作规则
第一章 总则
一、根据有关法律，制定本规则。
二、区政府实行区长负责制。
"""
    doc = _parse(text)
    assert doc.meta.identifier == "青新府〔2031〕1号"
    assert doc.meta.issued == "2031-01-29"  # the page's date of publication, no date being signed


def test_the_pages_links_and_footer_under_the_text_are_no_text():
    text = """青禾区人民政府关于印发青禾区促进消费若干措施的通知
青府发〔2031〕4号
各街道办事处，区政府各部门：
现将《青禾区促进消费若干措施》印发给你们，请认真贯彻执行。
青禾区人民政府
2031年3月1日
青禾区促进消费若干措施
一、发放消费券1000万元。
二、支持商圈改造提升。
本措施自印发之日起施行。
相关解读：《青禾区促进消费若干措施》政策解读
上一篇：青禾区人民政府关于印发工作规则的通知
主办：青禾区人民政府办公室 网站标识码：1234567890
"""
    doc = _parse(text)
    assert [u.path for u in doc.units] == ["通知", "一", "二", "结语"]
    assert doc.units[-1].text == "本措施自印发之日起施行。"


def test_dates_of_effect_a_local_text_states():
    from ingest.docmeta import effective_of

    assert effective_of("本政策自发文之日起执行。", "2031-03-01") == "2031-03-01"
    assert effective_of("本通知自即日起施行。", "2031-03-01") == "2031-03-01"
    assert effective_of("本办法自印发之日起30日后施行。", "2031-03-01") == "2031-03-31"
    assert effective_of("申请人自受理申请之日起20日内可查询结果。", "2031-03-01") == ""


PROVINCE_ORDER = """青禾省人工影响天气管理规定
青禾省人民政府
青禾省人工影响天气管理规定
政府令〔2031〕第15号
《青禾省人工影响天气管理规定》已经2031年12月14日省政府常务会议通过，现予公布，自2032年2月1日起施行。
省长
二○三一年十二月二十五日
第一章总则
第一条为加强人工影响天气工作的管理，制定本规定。
第二条在本省行政区域内从事人工影响天气活动，应当遵守本规定。
"""


def test_an_order_signed_by_the_office_alone_is_promulgated_into_its_articles():
    doc = _parse(PROVINCE_ORDER)
    assert doc.meta.identifier == "政府令〔2031〕第15号"
    assert doc.meta.issued == "2031-12-25" and doc.meta.effective == "2032-02-01"
    assert [u.path for u in doc.units] == ["通知", "第一章", "第一条", "第二条"]
    assert not doc.citations


LAW_SITE = """用户名 密码
记住我
加入收藏
全国站 [进入分站]
发布免费法律咨询
网站首页 法律咨询 找律师 法治资讯 法律法规 资料库
您的位置首页 >> 法规库 >> 法规正文
青禾市人民政府关于印发青禾市城市管理暂行规定的通知
状态:有效 发布日期:2031-05-19 生效日期: 2031-05-19
发布部门: 青禾省青禾市人民政府
2031-6-23青政发〔2031〕89号
各县(市、区)人民政府,市政府各部门:
《青禾市城市管理暂行规定》已经市政府讨论通过,现予以印发,请认真遵照执行。
二o三一年五月十九日
青禾市城市管理暂行规定
第一条 为提升城市管理水平，制定本规定。
第二条 本规定适用于本市城市及实行城市化管理的区域。
"""


def test_a_law_sites_furniture_above_the_breadcrumb_and_its_stamp_before_the_number():
    doc = _parse(LAW_SITE)
    assert doc.meta.title == "青禾市人民政府关于印发青禾市城市管理暂行规定的通知"
    assert doc.meta.identifier == "青政发〔2031〕89号"
    assert doc.meta.addressees == "各县(市、区)人民政府,市政府各部门"
    assert doc.meta.issued == "2031-05-19"  # 二o三一年: a Latin o for the zero
    assert [u.path for u in doc.units] == ["通知", "第一条", "第二条"]
