"""Every genre parses into what it is: replies, answers and decisions into paragraphs (第1段 …), a notice that issues
or forwards a text into the notice (通知) and the text's own units, rules into chapters and articles; and the
metadata the text states (genre, issuers, jurisdiction and its level, date of effect)."""

from __future__ import annotations

import pytest

from ingest.frontmatter import effective_of, genre_of, issuers_of_title
from ingest.jurisdiction import jurisdiction_of_issuers, jurisdiction_of_number, matches_jurisdiction, place_named
from ingest.model import DocumentMeta, UnitKind
from ingest.pipeline import parse_text


def parse(text: str):
    return parse_text(text, DocumentMeta(slug="d", title="d", source_file="d.txt"))


def paths_kinds(doc) -> list[tuple[str, str]]:
    return [(u.path, u.kind.value) for u in doc.units]


REPLY = """国务院关于同意某市建设某某示范区的批复
国函〔2031〕7号
某省人民政府：
你省《关于某市建设某某示范区的请示》收悉。现批复如下：
同意某市建设某某示范区，所需资金由你省自行解决。
国务院
2031年3月2日
（此件公开发布）
"""


def test_a_reply_is_paragraphs():
    doc = parse(REPLY)
    assert paths_kinds(doc) == [("第1段", "paragraph"), ("第2段", "paragraph")]
    assert doc.unit("第2段").text == "同意某市建设某某示范区，所需资金由你省自行解决。"
    m = doc.meta
    assert (m.title, m.genre, m.identifier, m.issuers, m.issued) == (
        "国务院关于同意某市建设某某示范区的批复", "批复", "国函〔2031〕7号", ("国务院",), "2031-03-02")
    assert m.addressees == "某省人民政府"
    assert (m.jurisdiction, m.jurisdiction_level) == ("中华人民共和国", "national")


ANSWER = """国务院办公厅对某届全国人大某次会议
第1234号建议的答复
国办函〔2031〕9号
张某某代表：
您提出的关于加强某项工作的建议收悉，现答复如下：
我们将认真研究您的建议。
感谢您对政府工作的关心和支持。
国务院办公厅
二〇三一年九月七日
"""


def test_an_answer_to_a_deputy_is_paragraphs_and_the_salutation_is_metadata():
    doc = parse(ANSWER)
    assert [u.path for u in doc.units] == ["第1段", "第2段", "第3段"]
    assert doc.meta.addressees == "张某某代表"
    assert (doc.meta.title, doc.meta.genre, doc.meta.issued) == (
        "国务院办公厅对某届全国人大某次会议第1234号建议的答复", "答复", "2031-09-07")


DECISION = """国务院 中央军委关于
某某事项的决定
国发〔2031〕3号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
为推进某项工作，国务院、中央军委决定调整某某事项。
本决定自印发之日起施行。
国务院　中央军委
2031年5月6日
"""


def test_a_decision_of_joint_issuers():
    doc = parse(DECISION)
    assert paths_kinds(doc) == [("第1段", "paragraph"), ("第2段", "paragraph")]
    assert doc.meta.issuers == ("国务院", "中央军委")
    assert (doc.meta.genre, doc.meta.effective) == ("决定", "2031-05-06")


ISSUING = """某市人民政府关于印发某市数字经济
发展行动方案的通知
穗府〔2031〕5号
各区人民政府，市政府各部门：
现将《某市数字经济发展行动方案》印发给你们，请认真贯彻执行。
某市人民政府
2031年1月24日
某市数字经济发展行动方案
为加快数字经济发展，制定本方案。
一、总体要求
（一）指导思想。以某某为指导。
（二）工作目标。到2033年，数字经济增加值达到1000亿元。
二、主要任务
（三）建设数字底座。加快建设。
（四）推动企业上云。加快推进。
三、保障措施
（五）加强组织领导。建立工作机制。
本方案自印发之日起施行。
"""


def test_a_notice_issuing_a_plan():
    doc = parse(ISSUING)
    assert paths_kinds(doc) == [
        ("通知", "notice"), ("序言", "preamble"), ("一", "chapter"), ("一（一）", "guideline"), ("一（二）", "goal"),
        ("二", "chapter"), ("二（三）", "measure"), ("二（四）", "measure"), ("三", "chapter"), ("三（五）", "safeguard"),
        ("结语", "closing")]
    assert doc.unit("通知").text == "现将《某市数字经济发展行动方案》印发给你们，请认真贯彻执行。"
    assert doc.unit("序言").text == "为加快数字经济发展，制定本方案。"
    m = doc.meta
    assert (m.title, m.genre, m.issued_text_genre, m.issued_text_title) == (
        "某市人民政府关于印发某市数字经济发展行动方案的通知", "通知", "方案", "某市数字经济发展行动方案")
    # 穗府 is Guangzhou's government, whatever the invented issuer's name
    assert (m.jurisdiction, m.jurisdiction_level, m.effective) == ("广州市", "city", "2031-01-24")


FORWARDING = """国务院办公厅转发某部关于
加强某项工作意见的通知
国办发〔2031〕2号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
某部《关于加强某项工作的意见》已经国务院同意，现转发给你们，请认真贯彻执行。
国务院办公厅&sp;
二〇三一年二月五日
（本文有删减）
关于加强某项工作的意见
（某部　二〇三一年一月二十日）
为加强某项工作，现提出以下意见：
一、明确目标
到2035年，基本建成某体系。
二、落实责任
各地要明确责任。
"""


def test_a_notice_forwarding_an_opinion():
    doc = parse(FORWARDING)
    assert [u.path for u in doc.units] == ["通知", "序言", "一", "二"]
    assert doc.unit("序言").text == "为加强某项工作，现提出以下意见："
    m = doc.meta
    assert (m.issuer, m.issued, m.issued_text_title, m.issued_text_genre) == (
        "国务院办公厅", "2031-02-05", "关于加强某项工作的意见", "意见")


REPORT = """国务院办公厅转发某局关于某项工作
意见报告的通知
国办发〔2031〕4号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
某局《关于某项工作意见的报告》已经国务院同意，现转发给你们。
各地要认真贯彻执行。
国务院办公厅
2031年2月5日
关于某项工作
意见的报告
国务院：
近年来，某项工作取得进展。
一、关于形势
形势总体平稳。
二、关于意见
（一）加强监测。
（二）完善预案。
以上意见如无不妥，请批转各地贯彻执行。
某局
2031年1月25日
"""


def test_a_notice_forwarding_a_report_with_its_own_addressee_and_signature():
    doc = parse(REPORT)
    assert paths_kinds(doc) == [
        ("通知", "notice"), ("序言", "preamble"), ("一", "chapter"), ("二", "chapter"), ("二（一）", "item"),
        ("二（二）", "item"), ("结语", "closing")]
    assert doc.unit("通知").text == "某局《关于某项工作意见的报告》已经国务院同意，现转发给你们。\n各地要认真贯彻执行。"
    assert doc.unit("序言").text == "近年来，某项工作取得进展。"
    assert doc.unit("二（二）").text == "完善预案。"
    assert (doc.meta.issued, doc.meta.issuers, doc.meta.issued_text_title, doc.meta.issued_text_genre) == (
        "2031-02-05", ("国务院办公厅",), "关于某项工作意见的报告", "报告")


NUMBERED_NOTICE = """某省人民政府关于印发某某办法的通知
苏政发〔2031〕8号
各市、县人民政府，省各委办厅局：
现将《某某办法》印发给你们，并就有关事项通知如下：
一、各地要认真组织实施。
二、各部门要加强指导。
某省人民政府
2031年6月1日
某某办法
第一章 总则
第一条 为了规范某项工作，制定本办法。
第二条 本办法适用于本省。
第二章 附则
第三条 本办法自2031年7月1日起施行。
"""


def test_a_numbered_notice_keeps_its_units_under_tongzhi_and_rules_are_chapters_and_articles():
    doc = parse(NUMBERED_NOTICE)
    assert paths_kinds(doc) == [
        ("通知", "notice"), ("通知一", "chapter"), ("通知二", "chapter"), ("第一章", "chapter"), ("第一条", "article"),
        ("第二条", "article"), ("第二章", "chapter"), ("第三条", "article")]
    assert doc.unit("通知").text == "现将《某某办法》印发给你们，并就有关事项通知如下："
    assert doc.unit("通知一").parent == "通知"
    m = doc.meta
    assert (m.genre, m.issued_text_genre, m.effective) == ("通知", "办法", "2031-07-01")
    assert (m.jurisdiction, m.jurisdiction_level) == ("江苏省", "province")


ORDER = """中华人民共和国国务院令
第999号
《某某条例》已经2031年9月6日国务院第23次常务会议通过，现予公布，自2032年3月1日起施行。
总理  某某某
2031年11月6日
某某条例
第一章 总  则
第一条 为了规范某项活动，制定本条例。
第二条 本条例所称某项活动，是指某某。
第二章 附  则
第三条 本条例自2032年3月1日起施行。
"""


def test_an_order_and_its_regulation():
    doc = parse(ORDER)
    assert [u.path for u in doc.units] == ["通知", "第一章", "第一条", "第二条", "第二章", "第三条"]
    m = doc.meta
    assert (m.title, m.identifier, m.issuers, m.issued, m.effective, m.genre) == (
        "某某条例", "国务院令第999号", ("国务院",), "2031-11-06", "2032-03-01", "条例")
    assert (m.jurisdiction, m.jurisdiction_level) == ("中华人民共和国", "national")


RULES_RUNNING_ON = """某某工作规则
第一章 总  则
一、第一项。
二、第二项。
第二章 职责
三、第三项。
四、第四项。
"""


def test_han_numbers_running_on_across_chapters_need_no_chapter_prefix():
    doc = parse(RULES_RUNNING_ON)
    assert [(u.path, u.parent) for u in doc.units] == [
        ("第一章", None), ("一", "第一章"), ("二", "第一章"), ("第二章", None), ("三", "第二章"), ("四", "第二章")]


def test_spaced_out_title_is_joined():
    doc = parse("国务院关于某某粮几 个 问 题 的 通 知\n国发〔2031〕88号\n各省、自治区、直辖市人民政府：\n"
                "一、第一个问题。\n二、第二个问题。\n国务院\n2031年5月23日\n")
    assert (doc.meta.title, doc.meta.genre) == ("国务院关于某某粮几个问题的通知", "通知")
    assert [u.path for u in doc.units] == ["一", "二"]


@pytest.mark.parametrize(("title", "genre"), [
    ("国务院关于某某的指导意见", "意见"),
    ("国务院办公厅关于某某有关问题的复函", "复函"),
    ("国务院办公厅关于某省所提问题办理情况的函", "函"),
    ("国务院关于某新区总体规划（2018—2035年）的批复", "批复"),
    ("某市促进某产业发展若干措施（试行）", "措施"),
    ("国务院办公厅关于某某事故调查处理情况的通报", "通报"),
    ("某某条例", "条例"),
    ("某某工作情况", ""),
])
def test_genre_of(title, genre):
    assert genre_of(title) == genre


@pytest.mark.parametrize(("text", "issued", "effective"), [
    ("第三十二条 本办法自2019年1月1日起施行。", "", "2019-01-01"),
    ("本意见自印发之日起施行。", "2031-02-03", "2031-02-03"),
    ("本通知自发布之日起实施。", "2031-02-03", "2031-02-03"),
    ("自本通知印发之日起，《某通知》停止执行。", "2031-02-03", "2031-02-03"),
    ("主管部门应当自受理申请之日起20日内作出决定。", "2031-02-03", ""),  # a time limit, not the text's own effect
    ("土地使用期限自口岸启用之日起至2047年6月30日止。", "2031-02-03", ""),
])
def test_effective_of(text, issued, effective):
    assert effective_of(text, issued) == effective


@pytest.mark.parametrize(("number", "name", "level"), [
    ("国发〔2018〕41号", "中华人民共和国", "national"),
    ("国办函〔2006〕69号", "中华人民共和国", "national"),
    ("国办发明电〔2018〕15号", "中华人民共和国", "national"),
    ("国务院令第706号", "中华人民共和国", "national"),
    ("京政发〔2031〕1号", "北京市", "province"),
    ("沪府办发〔2017〕28号", "上海市", "province"),
    ("粤府办〔2031〕3号", "广东省", "province"),
    ("穗府办函〔2023〕21号", "广州市", "city"),
    ("深府〔2031〕2号", "深圳市", "city"),
    ("杭政办函〔2022〕12号", "杭州市", "city"),
    ("成府发〔2031〕4号", "成都市", "city"),
    ("苏府规字〔2020〕3号", "苏州市", "city"),
    ("苏政发〔2031〕5号", "江苏省", "province"),
    ("豫发改能源〔2024〕112号", "河南省", "province"),
    ("浦府办〔2025〕11号", "上海市浦东新区", "district"),
])
def test_jurisdiction_of_number(number, name, level):
    found = jurisdiction_of_number(number)
    assert (found.name, found.level) == (name, level)


def test_a_prefix_two_places_use_is_decided_by_the_issuer():
    assert jurisdiction_of_number("宁政发〔2031〕1号") is None
    assert jurisdiction_of_number("宁政发〔2031〕1号", "南京市人民政府").name == "南京市"
    assert jurisdiction_of_number("宁政发〔2031〕1号", "宁夏回族自治区人民政府").name == "宁夏回族自治区"


@pytest.mark.parametrize(("issuers", "name", "level"), [
    (("国务院办公厅", "中央军委办公厅"), "中华人民共和国", "national"),
    (("教育部",), "中华人民共和国", "national"),
    (("广州市人民政府办公厅",), "广州市", "city"),
    (("上海市浦东新区人民政府",), "上海市浦东新区", "district"),
    (("浙江省人民政府",), "浙江省", "province"),
])
def test_jurisdiction_of_issuers(issuers, name, level):
    found = jurisdiction_of_issuers(issuers)
    assert (found.name, found.level) == (name, level)


def test_joint_issuers_from_the_title():
    assert issuers_of_title("国务院办公厅、中央军委办公厅关于加强某工作的通知") == ("国务院办公厅", "中央军委办公厅")
    assert issuers_of_title("某某条例") == ()


@pytest.mark.parametrize(("query", "jurisdiction", "matches"), [
    ("广州", "广州市", True),
    ("广州市", "广州市", True),
    ("广东", "广州市", True),
    ("national", "中华人民共和国", True),
    ("全国", "中华人民共和国", True),
    ("国家", "中华人民共和国", True),
    ("national", "广州市", False),
    ("浦东", "上海市浦东新区", True),
    ("上海", "上海市浦东新区", True),
    ("广州", "上海市", False),
])
def test_matches_jurisdiction(query, jurisdiction, matches):
    assert matches_jurisdiction(query, jurisdiction) is matches


def test_place_named():
    assert place_named("广州").name == "广州市"
    assert place_named("全国").level == "national"
    assert place_named("不存在的地方") is None


UNDATED = """某区人民政府办公室关于印发某区促进某产业发展若干措施的通知
仑政办发〔2031〕7号
各街道办事处，区政府各部门：
《某区促进某产业发展若干措施》已经区政府常务会议研究同意，现印发给你们，请认真贯彻落实。
为促进某产业发展，制定以下措施。
1.支持企业扩大规模。对年营业收入首次超过1亿元的企业给予奖励。
2.支持人才引进。对引进的高层次人才给予补贴。
"""


def test_an_undated_notice_ends_with_the_line_that_issues_the_text():
    doc = parse(UNDATED)
    assert [u.path for u in doc.units] == ["通知", "序言", "1", "2"]
    assert doc.unit("序言").text == "为促进某产业发展，制定以下措施。"
    m = doc.meta
    assert (m.issued_text_title, m.issued_text_genre, m.jurisdiction, m.jurisdiction_level) == (
        "某区促进某产业发展若干措施", "措施", "宁波市北仑区", "district")


def test_a_space_between_joint_issuers_in_a_title_stays():
    doc = parse("某省发展和改革委员会 某省能源局关于印发某方案的通知\n豫发改能源〔2031〕1号\n各省辖市发展改革委：\n"
                "现将《某方案》印发给你们，请认真贯彻执行。\n某省发展和改革委员会　某省能源局\n2031年1月2日\n某方案\n"
                "一、总体要求\n坚持某某。\n二、主要任务\n推进某某。\n")
    assert doc.meta.title == "某省发展和改革委员会 某省能源局关于印发某方案的通知"
    assert doc.meta.issuers == ("某省发展和改革委员会", "某省能源局")
    assert (doc.meta.jurisdiction, doc.meta.jurisdiction_level) == ("河南省", "province")
    assert [u.path for u in doc.units] == ["通知", "一", "二"]


REPLY_WITH_ANNEXES = """国务院办公厅关于某地某险情有关问题的复函
国办函〔2031〕80号
某省人民政府：
你省《关于某险情有关问题的请示》收悉。现将有关部门的意见转去，请研究处理。
附件：1.某部关于某险情调研情况的报告
2.某险情调查专家组意见
国务院办公厅
2031年11月4日
附件1
关于某险情调研情况的报告
国务院：
一、基本情况
某村位于某地。
二、建议意见
建议加强监测。
附件2
某险情调查意见
专家组认为，应加强监测。
"""


def test_a_reply_keeps_its_paragraph_and_its_annexes():
    doc = parse(REPLY_WITH_ANNEXES)
    assert paths_kinds(doc) == [("第1段", "paragraph"), ("附件1", "annex"), ("附件1一", "chapter"),
                                ("附件1二", "chapter"), ("附件2", "annex")]


PERSONNEL = """国务院办公厅关于调整某委员会组成人员的通知
国办发〔2031〕9号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
根据人员变动情况和工作需要，国务院决定对某委员会组成人员进行调整。现将调整后的名单通知如下：
（一）部门委员
张 三  某部副部长
李 四  某部副部长
王 五  某委副主任
赵 六  某局副局长
（二）专家委员
钱 七  教授
孙 八  研究员
周 九  院士
吴 十  教授
郑十一  研究员
某委员会办公室设在某部，办公室主任由某部副部长兼任。
国务院办公厅
2031年11月20日
"""


def test_a_list_of_names_ends_where_a_sentence_follows():
    doc = parse(PERSONNEL)
    assert [u.path for u in doc.units] == ["序言", "（一）", "（二）", "结语"]
    assert doc.unit("结语").text == "某委员会办公室设在某部，办公室主任由某部副部长兼任。"


def test_a_title_line_keeps_its_paragraph_and_an_inline_enumeration_is_no_unit():
    text = ("一、总体要求\n坚持某某。\n二、保障措施\n（一）加强组织领导。\n各地区要加强领导。\n（二）营造良好环境。\n"
            "各地区、各有关部门要做好宣传。\n三、条件\n法人还应具备：\n（1）有专职人员；（2）有办公场所。\n")
    doc = parse(text)
    assert [u.path for u in doc.units] == ["一", "二", "二（一）", "二（二）", "三"]
    assert doc.unit("二（二）").text == "营造良好环境。\n各地区、各有关部门要做好宣传。"
    assert doc.unit("三").text.endswith("（1）有专职人员；（2）有办公场所。")


@pytest.mark.parametrize(("line", "addressee"), [
    ("邓明义代表：", True),
    ("邓乃扬、韩汝琦委员：", True),
    ("马万祺副主席：", True),
    ("武警总部：", True),
    ("科技部、新疆维吾尔自治区人民政府、新疆生产建设兵团：", True),
    ("北京、天津、上海、河北、陕西省（自治区、直辖市）人民政府，沈阳、北京、兰州、广州军区：", True),
    ("现答复如下：", False),
    ("您提出的关于加强某项工作的建议收悉，现答复如下：", False),
])
def test_is_named_addressee(line, addressee):
    from ingest.frontmatter import is_named_addressee

    assert is_named_addressee(line) is addressee
