"""Local documents as the web serves them (fifth round): traditional-script copies, a portal's info table and page
furniture above the text, a reprint's number-and-title heading, a regulation's 是…机关，负责 article, a district
page that names its place only in 结合…实际, and the size of those a rule is for. Texts written for these tests."""

from __future__ import annotations

from ingest import parse_text
from ingest.model import DocumentMeta, Role
from ingest.tradfold import fold_traditional, strip_pinyin_glosses
from ingest.webchrome import bracketed_title, is_chrome, portal_fields, split_number_title


def _parse(text: str):
    return parse_text(text, DocumentMeta(slug="t", title=""))


def _owners(doc):
    names = {d.key: d.pref_label for d in doc.departments}
    return {(r.unit_path, names[r.agent], r.role) for r in doc.responsibilities}


TRADITIONAL = """東政辦發〔2031〕8號
東莞市人民政府辦公室關於印發東莞市促進會展業發展實施方案的通知
各鎮人民政府（街道辦事處），市府直屬各單位：
《東莞市促進會展業發展實施方案》已經市人民政府同意，現印發給你們，請認真組織實施。
東莞市人民政府辦公室
2031年5月6日
一、擴大展會規模
1.支持企業舉辦專業展會，對每場展覽面積達到1萬平方米以上的展會給予補貼。（市商務局牽頭，市財政局、市會展辦配合）
2.建立重點展會聯繫機制。（市會展辦負責）
"""


def test_traditional_copy_is_read_as_its_simplified_twin():
    doc = _parse(TRADITIONAL)
    assert doc.meta.identifier == "东政办发〔2031〕8号"
    assert doc.meta.issued == "2031-05-06"
    assert doc.meta.jurisdiction.endswith("东莞市")
    owners = _owners(doc)
    assert ("一1", "东莞市商务局", Role.LEAD) in owners
    assert ("一1", "东莞市财政局", Role.PARTICIPANT) in owners
    assert any(path == "一2" and name.endswith("会展办") for path, name, _ in owners)


def test_traditional_copy_keeps_its_own_words_at_its_spans():
    doc = _parse(TRADITIONAL)
    assert doc.source == TRADITIONAL
    for unit in doc.units:
        assert doc.source[unit.span.start:unit.span.end] == unit.text
    assert "舉辦" in doc.unit("一1").text  # the file's own script, not the folded one


def test_simplified_text_is_not_folded():
    text = "市财政局负责资金保障，于2031年底前完成。台湾同胞投资企业同等适用。"
    assert fold_traditional(text) is None
    # a simplified text that quotes a few traditional names is not traditional
    quoting = "本市与港澳地区合作，" + "市商务局负责组织企业参加展会，市财政局负责资金保障。" * 8 + "展会名称为“香港國際發展論壇”和“澳門會展週”。"
    assert fold_traditional(quoting) is None
    assert fold_traditional("發展和關於的區別") == "发展和关于的区别"


def test_pinyin_glosses_of_a_reprint_are_dropped_only_when_several():
    assert strip_pinyin_glosses("發(fā)展,關(guān)于,區(qū)政府") == "發展,關于,區政府"
    assert strip_pinyin_glosses("见附表(a)和发(fā)展") == "见附表(a)和发(fā)展"


def test_portal_info_table_lines():
    assert portal_fields("索 引 号 AB12/2031-00001 发文日期 2031-01-03") == [
        ("other", "AB12/2031-00001"), ("issued", "2031-01-03")]
    assert portal_fields("文 号: | 某府办发〔2031〕2号 | 公开类型: | 主动公开 |") == [
        ("identifier", "某府办发〔2031〕2号"), ("other", "主动公开")]
    assert portal_fields("  • 发文字号:") == [("identifier", "")]
    assert portal_fields("一、总体要求") is None
    assert is_chrome("您的位置: 首页 » 政策文件 »")
    assert is_chrome("2031-01-05 10:00 区人民政府办公室")
    assert is_chrome("浏览量:          时间:2031-01-17 23:45:19")
    assert not is_chrome("区人民政府办公室关于印发某方案的通知")


WEB_PAGE = """返回顶部
当前位置: 首页 > 政务公开 > 区政府文件
  • 发文字号:

    浦府办〔2031〕5号
  • 发文日期:

    2031年03月02日 09:10
浦东新区人民政府办公室关于印发浦东新区促进夜间经济发展若干措施的通知
打印本页 关闭窗口
各街道办事处、镇人民政府，区政府各委、办、局：
现将《浦东新区促进夜间经济发展若干措施》印发给你们，请认真贯彻执行。
一、区商务委负责制定夜间经济地图。
二、区市场监管局会同区城管执法局负责夜间经营秩序监管。
"""


def test_page_furniture_is_no_title_and_the_info_table_gives_number_and_date():
    doc = _parse(WEB_PAGE)
    assert doc.meta.title == "浦东新区人民政府办公室关于印发浦东新区促进夜间经济发展若干措施的通知"
    assert doc.meta.identifier == "浦府办〔2031〕5号"
    assert doc.meta.issued == "2031-03-02"


def test_reprint_heading_number_then_title():
    assert split_number_title("某政发〔2031〕3号《某省人民政府关于印发〈某规划〉的通知》") == (
        "某政发〔2031〕3号", "某省人民政府关于印发《某规划》的通知")
    assert split_number_title("关于做好某项工作的通知（某办发〔2031〕4号）") == ("某办发〔2031〕4号", "关于做好某项工作的通知")
    assert bracketed_title("《某市人民政府关于某事的通知》") == "某市人民政府关于某事的通知"
    text = ("苏府〔2031〕9号《苏州市人民政府关于印发〈苏州市某某办法〉的通知》\n浏览量: 时间:2031-01-17 23:45:19\n"
            "苏州市人民政府关于印发《苏州市某某办法》的通知\n各市、区人民政府：\n一、市财政局负责资金保障。\n二、市商务局负责组织实施。\n")
    doc = _parse(text)
    assert doc.meta.title == "苏州市人民政府关于印发《苏州市某某办法》的通知"
    assert doc.meta.identifier == "苏府〔2031〕9号"


def test_article_naming_the_authority_then_its_duty():
    text = ("某市户外设施管理规定\n第一条 为规范管理，制定本规定。\n"
            "第二条 市城市管理局是本市户外设施的主管部门，负责设置审批和监督管理。市公安局、市交通运输局按各自职责负责相关工作。"
            "市城市管理委员会办公室（下简称市城管办）负责综合协调。\n第三条 本规定自公布之日起施行。\n")
    doc = _parse(text)
    names = {d.pref_label for d in doc.departments}
    assert {"市城市管理局", "市公安局", "市交通运输局"} <= {n.removeprefix(doc.meta.jurisdiction) for n in names} or \
        any(n.endswith("城市管理局") for n in names) and any(n.endswith("交通运输局") for n in names)
    assert any(n.endswith("城市管理委员会办公室") for n in names)
    assert not [c for c in doc.body_candidates if c.name.endswith(("公安局", "交通运输局"))]


def test_district_page_without_heading_takes_its_place_from_its_own_words():
    text = ("为促进全区经济平稳发展，根据《昆明市人民政府关于印发某措施的通知》精神，结合官渡区实际，制定如下措施。\n"
            "一、优化审批\n1.精简审批手续。（区政务服务局牵头，区发改局配合）\n2.加快项目建设。（区发改局牵头，区财政局配合）\n")
    doc = _parse(text)
    assert doc.meta.jurisdiction.endswith("官渡区")
    assert doc.meta.jurisdiction_level == "district"
    assert all("官渡区" in d.pref_label for d in doc.departments)


def test_size_of_those_a_rule_is_for_is_no_target():
    text = ("一、减轻负担\n1.在职职工总数30人（含）以下的企业暂免征收残疾人就业保障金。\n"
            "2.对参保职工30人以上的企业，裁员率放宽到不超过职工总数的20%。\n"
            "二、培育主体\n3.到2032年，培育营业收入亿元以上的企业100家以上。\n"
            "4.每年新增专精特新企业50家以上，推动70%的规上企业实现数字化改造。\n")
    doc = _parse(text)
    values = {(t.unit_path, t.quantity) for t in doc.targets}
    assert not any(path in ("一1", "一2") and q == 30 for path, q in values)
    assert ("二4", 50) in values and ("二4", 70) in values


PORTAL_TWICE = """无障碍阅读 关怀版 返回首页
政府信息公开
某市某某区人民政府办公室关于印发《某项工作》任务分工的通知
123456789012345678-A/2031-0001234
综合政务
某区政办字〔2031〕3号
2031-04-01
有效
某市某某区人民政府办公室
关于印发《某项工作》任务分工的通知
某区政办字〔2031〕3号
各街道办事处、镇人民政府：
《某项工作》任务分工已经区政府同意，现印发给你们，请抓好落实。
一、区发展改革局负责统筹推进。
二、区财政局负责资金保障。
"""


def test_a_heading_printed_twice_with_label_less_info_values_between():
    doc = _parse(PORTAL_TWICE)
    assert doc.meta.title == "某市某某区人民政府办公室关于印发《某项工作》任务分工的通知"
    assert doc.meta.identifier == "某区政办字〔2031〕3号"
    # the text issued is the 分工 named after 《某项工作》, not 《某项工作》 itself
    assert doc.meta.issued_text_genre == ""


def test_site_name_above_the_page_furniture_is_no_title():
    text = ("某县人民政府\n首页 >> 公开信息内容\n某县人民政府办公室关于印发某县防汛应急预案的通知\n"
            "各乡镇人民政府，县级有关部门：\n现将《某县防汛应急预案》印发给你们，请认真贯彻执行。\n"
            "一、县水务局负责汛情监测。\n二、县应急管理局负责组织救援。\n")
    doc = _parse(text)
    assert doc.meta.title == "某县人民政府办公室关于印发某县防汛应急预案的通知"


def test_a_body_named_with_its_own_district_belongs_to_the_document():
    text = ("关于做好年度重点工作的通知\n各乡镇人民政府、街道办事处：\n一、兴庆区政府办公室负责跟踪督查。\n"
            "二、各相关单位要全力支持。\n银川市兴庆区人民政府办公室\n2031年8月16日\n")
    doc = _parse(text)
    office = next(d for d in doc.departments if d.pref_label.endswith("政府办公室"))
    assert office.jurisdiction == doc.meta.jurisdiction == "银川市兴庆区"


def test_district_governments_in_a_list_of_owners():
    text = ("广州市人民政府办公厅关于印发重点工作事项的通知\n"
            "一、推进临港产业基地建设。（牵头单位：市发改委；配合单位：市经贸委、黄埔区政府、南沙区政府）\n"
            "二、各区政府要加强组织。\n")
    doc = _parse(text)
    names = {d.pref_label: d for d in doc.departments}
    assert "黄埔区政府" in names and "南沙区政府" in names
    assert names["黄埔区政府"].jurisdiction.endswith("广州市黄埔区")
    assert ("一", "南沙区政府", Role.PARTICIPANT) in _owners(doc)


def test_page_source_saved_as_text_is_read_as_html(tmp_path):
    from ingest import parse_plan

    page = ("发文机关:某省人民政府\n文号 :某政发〔2031〕13号\n"
            "<p>各市、县人民政府，省人民政府各委、办、厅、局：</p><p>现将《某省促进就业的实施方案》印发给你们，请认真组织实施。</p>"
            "<p>某省人民政府</p><p>2031年3月27日</p><p><strong>某省促进就业的实施方案</strong></p>"
            "<p>一、总体要求</p><p>省人力资源社会保障厅负责统筹推进。</p><p>二、主要任务</p><p>省财政厅负责资金保障。</p>")
    path = tmp_path / "page.txt"
    path.write_text(page, encoding="utf-8")
    doc = parse_plan(path)
    assert "<p>" not in doc.source
    assert doc.meta.identifier == "某政发〔2031〕13号"
    assert doc.meta.issued == "2031-03-27"
    assert doc.meta.title == "某省促进就业的实施方案"  # the page prints no heading of its own
    assert [u.path for u in doc.units if u.kind.value == "chapter"] or len(doc.units) >= 2


def test_year_of_a_long_goals_heading_dates_its_targets():
    text = ("区人民政府办公室关于印发年度目标任务责任分解方案的通知\n一、2031年全区经济社会发展的主要预期目标\n"
            "（一）地区生产总值增长7%以上\n责任单位：区发展和改革局\n（二）固定资产投资增长10%以上\n责任单位：区发展和改革局\n")
    doc = _parse(text)
    assert {t.deadline.isoformat() for t in doc.targets} == {"2031-12-31"}


def test_articles_run_on_one_line_are_read_one_by_one():
    from ingest.relines import break_glued_articles

    text = ("某开发区管理条例\n第一章 总则第一条 为规范管理，制定本条例。第二条 本条例适用于某开发区。"
            "第二章 管理第三条 开发区管委会负责日常管理。第四条 市财政局应当依照本条例第三条规定安排经费。\n")
    doc = _parse(text)
    assert [u.path for u in doc.units if u.kind.value == "article"] == ["第一条", "第二条", "第三条", "第四条"]
    assert "第三条规定" in doc.unit("第四条").text  # a cross-reference inside a sentence stays where it is
    names = [d.pref_label for d in doc.departments] + [c.name for c in doc.body_candidates]
    assert not any(n.startswith("第") for n in names)  # the label is no part of a body's name
    assert break_glued_articles("第一条 甲。\n第二条 乙。\n") == "第一条 甲。\n第二条 乙。\n"
    assert break_glued_articles("将第五条修改为：“甲。”第六条中的“乙”改为“丙”。") == "将第五条修改为：“甲。”第六条中的“乙”改为“丙”。"


def test_formal_numeral_of_a_converter_in_traditional_labels():
    text = ("某省開發區條例\n第一條 為規範開發區管理，制定本條例。\n第二條 設立開發區應當具備下列條件：\n"
            "（壹）符合國民經濟和社會發展規劃；\n（二）具備相應的產業基礎；\n（三）有明確的區域範圍。\n"
            "第三條 省人民政府商務主管部門負責開發區的綜合協調和指導服務。\n")
    doc = _parse(text)
    assert [u.path for u in doc.units if u.parent == "第二条"] == ["第二条（一）", "第二条（二）", "第二条（三）"]


def test_a_plan_counting_its_own_tasks_sets_no_target():
    text = ("一、责任到人。任务分解明确133项具体任务，涉及34个牵头单位，各责任单位要逐项细化。\n"
            "二、到2031年底，建设3个劳动密集型产业园。\n")
    doc = _parse(text)
    assert [(t.unit_path, t.quantity) for t in doc.targets] == [("二", 3)]


def test_notice_without_heading_takes_its_city_from_the_text_it_issues():
    text = ("各县、区人民政府，市人民政府有关部门：\n《某某市推动制造业发展实施方案》已经市政府常务会议研究通过，现印发给你们，请认真贯彻落实。\n"
            "2031年11月17日\n开封市推动制造业高质量发展实施方案\n根据中共河南省委办公厅、河南省人民政府办公厅印发的方案精神，"
            "结合我市实际，制定本实施方案。\n一、发展目标\n到2033年，全市制造业增加值占地区生产总值比重35%左右。\n"
            "二、主要任务\n市工业和信息化局负责统筹推进。\n")
    doc = _parse(text)
    assert doc.meta.jurisdiction.endswith("开封市")
    assert doc.meta.jurisdiction_level == "city"


def test_toolbar_and_publication_stamp_of_a_portal():
    assert is_chrome("智能问答 | 无障碍浏览 | |")
    assert portal_fields("来源:某某新闻网发表日期:2031-09-04 15:05") == [("other", "某某新闻网"), ("published", "2031-09-04 15:05")]


def test_a_list_of_owners_writes_its_level_once():
    text = ("某市人民政府办公厅关于印发重点工作事项的通知\n"
            "一、推进临港基地建设。（牵头单位：市发改委；配合单位：市经贸委、国土房管局、外经贸局）\n"
            "二、发展会展业。（市商务局牵头，财政局、文广旅局配合）\n"
            "三、加强统筹。要按照国土空间规划局部调整的程序办理。\n")
    doc = _parse(text)
    owners = {(path, name.removeprefix(doc.meta.jurisdiction), role) for path, name, role in _owners(doc)}
    assert ("一", "外经贸局", Role.PARTICIPANT) in {(p, n[-4:], r) for p, n, r in owners}
    assert any(p == "二" and n.endswith("文广旅局") and r is Role.PARTICIPANT for p, n, r in owners)
    assert any(p == "二" and n.endswith("财政局") for p, n, r in owners)
    assert not any(p == "三" for p, n, r in owners)
    assert all(d.pref_label.startswith(("某市", "市")) or d.jurisdiction for d in doc.departments)


def test_gazette_copy_with_a_bare_banner_and_a_bracketed_number():
    text = ("您的位置: 政务公开 > 行政公署公报\n某某盟行政公署公报2031年1-3期(总第52期)\n行政公署文件\n"
            "  某某盟行政公署关于表彰奖励\n  非遗保护传承突出贡献者的决定\n  (某署发〔2031〕1号)\n各旗县市人民政府，盟直有关部门：\n"
            "  全盟现有传承人100余名，其中国家级、自治区级传承人分别有2人、5人。\n"
            "  经盟行署研究决定，授予某某“突出贡献传承人”称号。\n")
    doc = _parse(text)
    assert doc.meta.title == "某某盟行政公署关于表彰奖励非遗保护传承突出贡献者的决定"
    assert doc.meta.identifier == "某署发〔2031〕1号"
    assert doc.meta.issuers == ("某某盟行政公署",)
    assert doc.targets == []  # what there is now (现有…100余名, 分别有2人、5人) is no aim


def test_banner_report_looking_back():
    text = ("政府工作报告\n  ——在东乌珠穆沁旗第十六届人民代表大会第一次会议上\n各位代表：\n  现在，我代表旗人民政府向大会报告工作。\n"
            "  一、过去四年工作回顾\n  预计全旗地区生产总值累计完成232.75亿元，年均增长3.56%。\n"
            "  二、2032年工作安排\n  全旗地区生产总值增长6%以上。\n")
    doc = _parse(text)
    assert doc.meta.jurisdiction.endswith("东乌珠穆沁旗")
    assert doc.unit("一").function == "context"
    assert [(t.unit_path, t.quantity) for t in doc.targets] == [("二", 6)]


def test_traditional_copy_is_indexed_in_simplified_characters():
    from ingest.tradfold import folder_for
    from search.units import index_units

    doc = _parse(TRADITIONAL)
    item = next(u for u in index_units([doc]) if u.path == "一1")
    assert "舉辦" in item.text  # shown as the file writes it
    assert "举办专业展会" in item.index_text and "舉" not in item.index_text  # searched in simplified characters
    assert folder_for("一、支持企业举办专业展会。（市商务局牵头）") is None  # a simplified text is indexed as it is


def test_labels_spaced_inside_their_brackets_are_labels():
    doc = _parse("关于支持企业发展的若干措施\n一、支持技术改造\n( 一 ) 对企业技术改造项目给予补助。\n"
                 "( 十一 ) 对新认定的企业给予奖励。\n二、强化保障\n（ 1 ）各部门按职责分工负责。\n")
    assert [u.path for u in doc.units] == ["一", "一（一）", "一（十一）", "二", "二（1）"]


def test_traditional_copy_keeps_its_own_words_in_the_evidence_of_owners():
    doc = _parse(TRADITIONAL)
    quoted = [r for r in doc.responsibilities if r.span is not None and len(r.evidence) == r.span.end - r.span.start]
    assert quoted and all(r.evidence == doc.source[r.span.start:r.span.end] for r in quoted)
    assert any("牽頭" in r.evidence for r in doc.responsibilities)  # 市商務局牽頭, as the file writes it


def test_the_issuer_of_a_page_that_signs_nothing_is_the_body_its_title_opens_with():
    doc = _parse("东府〔2031〕54号\n东莞市人民政府关于贯彻落实某省稳定就业措施的实施意见\n各镇人民政府，市府直属各单位：\n"
                 "一、减轻企业负担\n（一）稳定就业岗位。\n")
    assert (doc.meta.issuer, doc.meta.issuers) == ("东莞市人民政府", ("东莞市人民政府",))
