"""Numbering styles, nesting, paths/keys and exact spans on small synthetic documents."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ingest.classify import classify_units
from ingest.errors import ParseError
from ingest.model import Numbering, UnitKind
from ingest.structure import find_labels, han_to_int, heading_of, parse_structure


@pytest.mark.parametrize(
    ("line", "numbering", "numeral"),
    [
        ("第一部分 总体要求", Numbering.PART, "一"),
        ("第三篇 构建现代产业体系", Numbering.BOOK, "三"),
        ("第一章 总则", Numbering.ARTICLE_CHAPTER, "一"),
        ("第二节 目标", Numbering.ARTICLE_SECTION, "二"),
        ("第十二条 本办法自发布之日起施行。", Numbering.ARTICLE, "十二"),
        ("三、保障措施", Numbering.HAN_COMMA, "三"),
        ("（四）加强产融合作。", Numbering.HAN_PAREN, "四"),
        ("(四)加强产融合作。", Numbering.HAN_PAREN, "四"),
        ("1.坚持对标国际。", Numbering.ARABIC, "1"),
        ("2、坚持提升内涵。", Numbering.ARABIC, "2"),
        ("3．坚持激发动力。", Numbering.ARABIC, "3"),
        ("１．全角数字", Numbering.ARABIC, "１"),
        ("（1）细项", Numbering.ARABIC_PAREN, "1"),
        ("(2)细项", Numbering.ARABIC_PAREN, "2"),
        ("③细项", Numbering.CIRCLED, "③"),
        ("--打造新标杆。", Numbering.BULLET, "--"),
        ("——打造新标杆。", Numbering.BULLET, "——"),
        ("－－打造新标杆。", Numbering.BULLET, "－－"),
        ("\u3000\u3000（一）缩进后的标签", Numbering.HAN_PAREN, "一"),
        ("  1. ASCII 缩进", Numbering.ARABIC, "1"),
    ],
)
def test_label_styles(line, numbering, numeral):
    labels = find_labels(line)
    assert [(lab.numbering, lab.numeral) for lab in labels] == [(numbering, numeral)]


@pytest.mark.parametrize("line", ["1.5亿元的投资", "正文中的一、不算", "根据（一）项", "2020年目标", "第一批项目"])
def test_not_labels(line):
    assert find_labels(line) == []


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十一", 21), ("九十九", 99), ("一百", 100), ("１２", 12), ("⑤", 5)],
)
def test_han_to_int(numeral, value):
    assert han_to_int(numeral) == value


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("实施产业智能化改造工程", "实施产业智能化改造工程"),
        ("坚持对标国际。主动对标国际最高标准。", "坚持对标国际"),
        ("完善工作机制。建立由市政府领导召集", "完善工作机制"),
        ("工作目标：到2020年", "工作目标"),
        ("指导思想\n\n全面贯彻", "指导思想"),
    ],
)
def test_heading(text, heading):
    assert heading_of(text) == heading


ARTICLES = """总则前言。
第一章 总则
第一条 为了推进技术改造，制定本办法。
第二条 本办法适用于本市。
第二章 支持措施
第三条 支持方式包括：
（一）财政补贴；
（二）融资担保。
"""


def test_chapter_article_scheme():
    units, preamble = parse_structure(ARTICLES)
    got = [(u.path, u.key, u.parent, u.heading) for u in units]
    assert got == [
        ("序言", "pre", None, "总则前言"),
        ("第一章", "c1", None, "总则"),
        ("第一条", "a1", "第一章", "为了推进技术改造，制定本办法"),
        ("第二条", "a2", "第一章", "本办法适用于本市"),
        ("第二章", "c2", None, "支持措施"),
        ("第三条", "a3", "第二章", "支持方式包括"),
        ("第三条（一）", "a3.1", "第三条", "财政补贴"),
        ("第三条（二）", "a3.2", "第三条", "融资担保"),
    ]
    assert preamble is not None and preamble.text(ARTICLES) == "总则前言。"


DEEP = """一、总体要求
（一）目标
1.数量目标
（1）示范项目
①智能制造
②绿色制造
（2）技改投资
2.质量目标
--质量提升。
--品牌建设。
二、保障措施
"""


def test_deep_nesting_paths_and_keys():
    units, preamble = parse_structure(DEEP)
    assert preamble is None
    assert [(u.path, u.key) for u in units] == [
        ("一", "1"),
        ("一（一）", "1.1"),
        ("一（一）1", "1.1.1"),
        ("一（一）1（1）", "1.1.1.p1"),
        ("一（一）1（1）①", "1.1.1.p1.o1"),
        ("一（一）1（1）②", "1.1.1.p1.o2"),
        ("一（一）1（2）", "1.1.1.p2"),
        ("一（一）2", "1.1.2"),
        ("一（一）2-1", "1.1.2.b1"),
        ("一（一）2-2", "1.1.2.b2"),
        ("二", "2"),
    ]
    by_path = {u.path: u for u in units}
    assert by_path["一（一）1"].children == ["一（一）1（1）", "一（一）1（2）"]
    assert by_path["一（一）2-2"].number == 2 and by_path["一（一）2-2"].label == "--"
    assert by_path["二"].text == "保障措施" and by_path["二"].line == 11


def test_nesting_follows_first_appearance():
    # Here 1. appears before （一）, so （一） nests under 1.
    text = "一、甲\n1.乙\n（一）丙\n二、丁\n"
    units, _ = parse_structure(text)
    assert [(u.path, u.parent) for u in units] == [("一", None), ("一1", "一"), ("一1（一）", "一1"), ("二", None)]


def test_duplicate_numbers_get_unique_keys():
    units, _ = parse_structure("一、甲\n一、乙\n")
    assert len({u.key for u in units}) == 2 and len({u.path for u in units}) == 2


@pytest.mark.parametrize(("text", "paragraphs"), [
    ("这是一段没有编号的文字。\n第二段也没有。", ["这是一段没有编号的文字。", "第二段也没有。"]),
    ("一、只有一个标签", ["一、只有一个标签"]),  # one label makes no numbered structure
])
def test_text_without_numbered_structure_is_paragraphs(text, paragraphs):
    units, preamble = parse_structure(text, "x.txt")
    assert [(u.path, u.kind, u.numbering, u.text) for u in units] == [
        (f"第{i}段", UnitKind.PARAGRAPH, Numbering.UNNUMBERED, p) for i, p in enumerate(paragraphs, 1)]
    assert preamble is None


@pytest.mark.parametrize("text", ["某市人民政府关于某事的通知\n某府发〔2031〕1号\n某市人民政府\n2031年1月1日\n", "\n \n"])
def test_no_body_at_all_is_refused(text):
    with pytest.raises(ParseError, match="no body text found"):
        parse_structure(text, "x.txt")


# --- property: every unit's text is exactly its span of the source --------------------------------

_LABELS = st.sampled_from(["一、", "二、", "（一）", "(二)", "1.", "2、", "３．", "（1）", "①", "②", "--", "——",
                           "第一章", "第二条"])
_INDENT = st.sampled_from(["", "  ", "\u3000\u3000", "\t"])
_NEWLINE = st.sampled_from(["\n", "\r\n", "\n\n", "\r\n\r\n", "\n\u3000\n"])
_BODY = st.text(alphabet="技术改造项目。，；：示范 \u3000-1（）、", max_size=30).filter(
    lambda s: "\n" not in s and "\r" not in s
)


@st.composite
def documents(draw) -> str:
    lines = [draw(st.text(alphabet="前言文字。 ", max_size=10))]
    for _ in range(draw(st.integers(min_value=2, max_value=12))):
        lines.append(draw(_NEWLINE) + draw(_INDENT) + draw(_LABELS) + draw(_BODY))
    return "".join(lines) + draw(st.sampled_from(["", "\n", "\r\n", "\u3000 \n"]))


@settings(max_examples=200, deadline=None)
@given(documents())
def test_spans_are_exact(source):
    assume(len(find_labels(source)) >= 2)  # "1." followed by a digit is a decimal, not a label
    units, preamble = parse_structure(source)
    assert len({u.key for u in units}) == len(units)
    for unit in units:
        assert source[unit.span.start : unit.span.end] == unit.text
        assert unit.text == unit.text.strip()
        assert source[unit.heading_span.start : unit.heading_span.end] == unit.heading
    if preamble is not None:
        assert preamble.text(source) == preamble.text(source).strip() != ""


# --- documents of other shapes: run-on numbering, articles, preamble/closing, annexes -------------------

def _paths(text: str) -> list[str]:
    units, _ = parse_structure(text)
    return [u.path for u in units]


def _assert_exact(text: str) -> None:
    units, _ = parse_structure(text)
    for unit in units:
        assert text[unit.span.start : unit.span.end] == unit.text
        assert text[unit.heading_span.start : unit.heading_span.end] == unit.heading


# A national 意见: （一）–（七） run on through the chapters, items 1.–5. run on through the sections.
NATIONAL = """国务院关于促进某类新兴产业健康发展的意见
国发〔2031〕17号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
　　新兴产业发展势头良好，为推动其健康发展，现提出如下意见。
　　一、总体要求
　　（一）指导思想。坚持创新驱动，推动产业提质增效。
　　（二）基本原则。
　　——坚持市场主导。
　　——坚持开放合作。
　　（三）主要目标。到2035年，产业规模显著扩大。
　　二、重点任务
　　（四）夯实产业基础。
　　1.建设公共平台。支持建设一批公共服务平台。
　　2.完善标准体系。加快制定关键标准。
　　（五）培育市场主体。
　　3.壮大龙头企业。
　　（1）支持兼并重组。
　　（2）鼓励上市融资。
　　4.扶持中小企业。
　　三、保障措施
　　（六）加强组织领导。建立部际协调机制。
　　（七）强化评估督导。适时开展评估。
　　各地区、各部门要充分认识发展新兴产业的重要意义，结合实际抓好落实。

　　　　　　　　　　　　　　国务院
　　　　　　　　　　　　2031年6月8日
　　（此件公开发布）
"""


def test_national_run_on_numbering_keeps_own_numbers():
    assert _paths(NATIONAL) == [
        "序言", "一", "一（一）", "一（二）", "一（二）-1", "一（二）-2", "一（三）",
        "二", "二（四）", "二（四）1", "二（四）2", "二（五）", "二（五）3", "二（五）3（1）", "二（五）3（2）", "二（五）4",
        "三", "三（六）", "三（七）", "结语",
    ]
    _assert_exact(NATIONAL)


def test_national_front_matter_and_closing_are_not_unit_text():
    units, preamble = parse_structure(NATIONAL)
    by_path = {u.path: u for u in units}
    assert preamble is not None and preamble.text(NATIONAL) == "新兴产业发展势头良好，为推动其健康发展，现提出如下意见。"
    assert by_path["序言"].kind is UnitKind.PREAMBLE and by_path["序言"].key == "pre"
    assert by_path["三（七）"].text == "强化评估督导。适时开展评估。"
    closing = by_path["结语"]
    assert (closing.kind, closing.key, closing.parent) == (UnitKind.CLOSING, "end", None)
    assert closing.text == "各地区、各部门要充分认识发展新兴产业的重要意义，结合实际抓好落实。"
    assert all("国务院" not in u.text and "2031年6月8日" not in u.text for u in units)


def test_run_on_items_key_by_own_number():
    units, _ = parse_structure(NATIONAL)
    keys = {u.path: u.key for u in units}
    assert (keys["二（五）3"], keys["二（五）3（2）"], keys["三（七）"]) == ("2.5.3", "2.5.3.p2", "3.7")
    assert len(set(keys.values())) == len(keys)


@pytest.mark.parametrize(
    ("text", "paths"),
    [
        # items restart under each section
        ("一、甲\n（一）乙\n1.丙\n2.丁\n（二）戊\n1.己\n二、庚\n",
         ["一", "一（一）", "一（一）1", "一（一）2", "一（二）", "一（二）1", "二"]),
        # items run on across sections and chapters
        ("一、甲\n（一）乙\n1.丙\n（二）丁\n2.戊\n二、己\n（三）庚\n3.辛\n",
         ["一", "一（一）", "一（一）1", "一（二）", "一（二）2", "二", "二（三）", "二（三）3"]),
        # （1） first met under （一）, later inside a 1. item: it nests in the item
        ("一、甲\n（一）乙\n（1）丙\n（二）丁\n1.戊\n（1）己\n（2）庚\n2.辛\n",
         ["一", "一（一）", "一（一）（1）", "一（二）", "一（二）1", "一（二）1（1）", "一（二）1（2）", "一（二）2"]),
        # 1. first met directly under 一、, later under （一）: the later ones nest in （一）
        ("一、甲\n1.乙\n2.丙\n二、丁\n（一）戊\n1.己\n（二）庚\n2.辛\n",
         ["一", "一1", "一2", "二", "二（一）", "二（一）1", "二（二）", "二（二）2"]),
        # a 1. list before the first 一、 (in a preamble-like place) does not swallow the chapters
        ("为做好工作，明确以下事项：\n1.甲\n2.乙\n一、丙\n（一）丁\n1.戊\n二、己\n",
         ["序言", "1", "2", "一", "一（一）", "一（一）1", "二"]),
        # after 1. items directly under a chapter, a （二） closes them (the document put 1. inside （一） before)
        ("一、甲\n（一）乙\n1.丙\n二、丁\n1.戊\n（二）己\n",
         ["一", "一（一）", "一（一）1", "二", "二1", "二（二）"]),
        # the run-on section numbers of a long national opinion
        ("一、甲\n（一）乙\n（二）丙\n二、丁\n（三）戊\n（十二）己\n三、庚\n（二十）辛\n",
         ["一", "一（一）", "一（二）", "二", "二（三）", "二（十二）", "三", "三（二十）"]),
    ],
)
def test_nesting(text, paths):
    assert _paths(text) == paths
    _assert_exact(text)


# --- articles ---------------------------------------------------------------------------------------

RULES = """某市促进数字经济发展若干规定
第一章　总则
第一条（目的依据）为促进本市数字经济发展，制定本规定。
第二条 【适用范围】本规定适用于本市行政区域内的相关活动。
第二章　职责分工
第三条　部门职责
市经济信息化部门负责统筹推进，市财政部门负责资金保障。
第四条 [区级职责] 各区人民政府负责组织实施：
（一）制定区级方案；
（二）落实配套资金。
第三章　保障措施
第五条 本规定自2031年1月1日起施行。
"""


def test_articles_take_their_bracketed_titles():
    units, _ = parse_structure(RULES)
    got = [(u.path, u.parent, u.heading) for u in units]
    assert got == [
        ("第一章", None, "总则"),
        ("第一条", "第一章", "目的依据"),
        ("第二条", "第一章", "适用范围"),
        ("第二章", None, "职责分工"),
        ("第三条", "第二章", "部门职责"),
        ("第四条", "第二章", "区级职责"),
        ("第四条（一）", "第四条", "制定区级方案"),
        ("第四条（二）", "第四条", "落实配套资金"),
        ("第三章", None, "保障措施"),
        ("第五条", "第三章", "本规定自2031年1月1日起施行"),
    ]
    _assert_exact(RULES)


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("第三条（部门职责）市发展改革部门负责审核。", "部门职责"),
        ("第三条 【部门职责】市发展改革部门负责审核。", "部门职责"),
        ("第三条　部门职责\n市发展改革部门负责审核。", "部门职责"),
        ("第三条 市发展改革部门负责审核。", "市发展改革部门负责审核"),
        ("第三条（一）项所列事项除外。", "（一）项所列事项除外"),
    ],
)
def test_article_heading_forms(line, heading):
    units, _ = parse_structure("第一条 总的要求。\n" + line + "\n")
    assert units[-1].heading == heading
    _assert_exact("第一条 总的要求。\n" + line + "\n")


def test_articles_are_articles_even_under_safeguards():
    units = classify_units(parse_structure(RULES)[0])
    kinds = {u.path: u.kind for u in units}
    assert kinds["第一章"] is UnitKind.CHAPTER
    assert all(kinds[f"第{n}条"] is UnitKind.ARTICLE for n in "一二三四五")


# --- annexes and task tables -------------------------------------------------------------------------

ANNEXED = """某区推进营商环境改革工作方案
　　一、工作目标
　　到2031年底，企业开办时间压缩至1个工作日。
　　二、主要任务
　　（一）优化审批服务。
　　（二）强化监管协同。

　　附件：1.重点任务分工表
　　　　　2.工作专班名单

　　　　　　　　　　　　某区人民政府
　　　　　　　　　　　　2031年3月2日
附件1
重点任务分工表
序号\t工作任务\t牵头单位\t配合单位\t完成时限
1\t优化审批服务\t区政务服务办\t区市场监管局\t2031年6月底前
2.\t强化监管协同\t区市场监管局\t区司法局、区商务委\t2031年9月底前
附件2：工作专班名单
一、专班组成
序号  成员单位        职责
1     区政务服务办    统筹协调
2     区市场监管局    组织实施
二、工作要求
"""


def test_annexes_and_their_parts():
    units = classify_units(parse_structure(ANNEXED)[0])
    got = [(u.path, u.key, u.kind, u.parent) for u in units]
    assert got == [
        ("一", "1", UnitKind.CHAPTER, None),
        ("二", "2", UnitKind.CHAPTER, None),
        ("二（一）", "2.1", UnitKind.MEASURE, "二"),
        ("二（二）", "2.2", UnitKind.MEASURE, "二"),
        ("附件1", "x1", UnitKind.ANNEX, None),
        ("附件2", "x2", UnitKind.ANNEX, None),
        ("附件2一", "x2.1", UnitKind.CHAPTER, "附件2"),
        ("附件2二", "x2.2", UnitKind.CHAPTER, "附件2"),
    ]
    _assert_exact(ANNEXED)


def test_annex_text_holds_its_table_and_body_stops_at_the_annex_list():
    units, _ = parse_structure(ANNEXED)
    by_path = {u.path: u for u in units}
    assert by_path["二（二）"].text == "强化监管协同。"
    annex = by_path["附件1"]
    assert (annex.heading, annex.label) == ("重点任务分工表", "附件1")
    assert annex.text.endswith("区司法局、区商务委\t2031年9月底前")
    assert by_path["附件2"].heading == "工作专班名单"
    assert "区市场监管局    组织实施" in by_path["附件2一"].text


@pytest.mark.parametrize(
    ("line", "is_label"),
    [
        ("1\t推进某项工作\t区发展改革委", False),
        ("1  推进某项工作  区发展改革委", False),
        ("1.\t推进某项工作\t区发展改革委\t2031年底前", False),
        ("12　　推进某项工作　　区发展改革委", False),
        ("1.\t推进某项工作。", True),
        ("1.推进某项工作，区发展改革委负责。", True),
    ],
)
def test_table_rows_are_not_units(line, is_label):
    units, _ = parse_structure("一、甲\n二、乙\n" + line + "\n")
    assert [u.path for u in units if u.numbering is Numbering.ARABIC] == (["二1"] if is_label else [])


@pytest.mark.parametrize(
    ("line", "path", "heading"),
    [
        ("附件", "附件", "任务清单"),
        ("附件1", "附件1", "任务清单"),
        ("附件 2", "附件2", "任务清单"),
        ("附件１：任务清单", "附件1", "任务清单"),
        ("附件3:任务清单", "附件3", "任务清单"),
    ],
)
def test_annex_line_forms(line, path, heading):
    text = "一、甲\n二、乙\n" + line + ("\n任务清单\n" if not line.endswith("任务清单") else "\n") + "内容。\n"
    units, _ = parse_structure(text)
    assert (units[-1].path, units[-1].heading, units[-1].kind) == (path, heading, UnitKind.ANNEX)
    _assert_exact(text)


@pytest.mark.parametrize(
    ("text", "closing"),
    [
        ("一、甲。\n二、推进工作。加强统筹。\n本方案自印发之日起施行。\n", "本方案自印发之日起施行。"),
        ("一、甲。\n二、推进工作。\n各区、各部门要加强组织领导，确保落到实处。\n", "各区、各部门要加强组织领导，确保落到实处。"),
        # every sibling is one paragraph, so the extra paragraph after the last one is the document's
        ("一、甲。\n二、乙。\n三、推进工作。\n全市上下要形成合力。\n", "全市上下要形成合力。"),
        # …and it begins there even where a later paragraph opens like a closing (各有关部门要…)
        ("一、甲。\n二、乙。\n三、推进工作。\n加大激励是重要举措。\n各有关部门要抓好落实。\n",
         "加大激励是重要举措。\n各有关部门要抓好落实。"),
        # a sibling has two paragraphs: the last unit's second paragraph is its own
        ("一、甲。\n再说一句。\n二、推进工作。\n加大投入力度。\n", None),
        # the last unit announces a list, or goes on with 一是/二是, or is a title whose text follows
        ("一、甲。\n二、做好以下工作：\n加大投入力度。\n", None),
        ("一、甲。\n二、推进工作。\n一是加大投入力度。\n", None),
        ("一、甲。\n二、推进工作\n加大投入力度。\n", None),
        ("一、甲。\n二、推进工作。", None),
    ],
)
def test_closing_prose(text, closing):
    units, _ = parse_structure(text)
    got = next((u.text for u in units if u.path == "结语"), None)
    assert got == closing
    _assert_exact(text)


@pytest.mark.parametrize("line", ["附件2所列事项按规定办理", "附件材料由申报单位提供", "附件1：请于3月底前报送。"])
def test_sentences_that_start_with_annex_are_not_annexes(line):
    units, _ = parse_structure("一、甲。\n再说一句。\n二、乙。\n" + line + "\n")
    assert all(u.kind is not UnitKind.ANNEX for u in units)


# --- what reaches the search index -------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "indexed", "left_out"),
    [
        (NATIONAL, {"序言": "preamble", "结语": "closing", "二（五）3（1）": "item", "一（二）-1": "principle",
                    "三（六）": "safeguard", "二（四）1": "measure"}, {"一", "二", "三", "二（四）"}),
        (RULES, {"第一条": "article", "第四条": "article", "第四条（一）": "item", "第五条": "article"},
         {"第一章", "第二章", "第三章"}),
        (ANNEXED, {"附件1": "annex", "附件2": "annex", "附件2一": "chapter", "二（一）": "measure"}, {"二"}),
    ],
)
def test_every_numbered_unit_but_pure_headings_is_indexed(text, indexed, left_out):
    from ingest.model import DocumentMeta
    from ingest.pipeline import parse_text
    from search.units import index_units

    doc = parse_text(text, DocumentMeta(slug="s", title="s", source_file="s.txt"))
    kinds = {u.path: u.kind for u in index_units([doc], concepts=[]) if u.kind != "target"}
    assert {path: kinds.get(path) for path in indexed} == indexed
    assert not left_out & set(kinds)


# A long plan in parts (第一部分 … 第二部分), each restarting its own 一、; and an outline in books (第X篇) of chapters.
PARTS = """为推进某项工作，制定本方案。
第一部分　总体要求
一、指导思想
坚持稳中求进。
二、主要目标
到2030年，建成示范园区10个。
第二部分　重点任务
一、培育主体
（一）支持龙头企业。
（二）扶持中小企业。
二、优化环境
（一）简化审批。
第三部分　保障措施
一、加强组织领导
建立工作专班，定期会商。
"""

BOOKS = """第一篇　发展基础
第一章　发展成就
某市经济稳步增长。
第二章　面临形势
外部环境复杂。
第二篇　主要任务
第三章　建设现代产业体系
一、壮大先进制造业
推动集群发展。
"""


def test_parts_restart_their_own_numbering():
    units = classify_units(parse_structure(PARTS)[0])
    got = [(u.path, u.parent, u.heading) for u in units]
    assert got == [
        ("序言", None, "为推进某项工作，制定本方案"),
        ("第一部分", None, "总体要求"),
        ("第一部分一", "第一部分", "指导思想"),
        ("第一部分二", "第一部分", "主要目标"),
        ("第二部分", None, "重点任务"),
        ("第二部分一", "第二部分", "培育主体"),
        ("第二部分一（一）", "第二部分一", "支持龙头企业"),
        ("第二部分一（二）", "第二部分一", "扶持中小企业"),
        ("第二部分二", "第二部分", "优化环境"),
        ("第二部分二（一）", "第二部分二", "简化审批"),
        ("第三部分", None, "保障措施"),
        ("第三部分一", "第三部分", "加强组织领导"),
    ]
    kinds = {u.path: u.kind for u in units}
    assert kinds["第一部分"] is UnitKind.CHAPTER
    assert kinds["第一部分一"] is UnitKind.GUIDELINE
    assert kinds["第二部分一（一）"] in (UnitKind.TASK, UnitKind.MEASURE)
    assert kinds["第三部分一"] is UnitKind.SAFEGUARD


def test_books_hold_chapters_numbered_through_the_outline():
    units = parse_structure(BOOKS)[0]
    got = [(u.path, u.key, u.parent) for u in units]
    assert got == [
        ("第一篇", "bk1", None),
        ("第一篇第一章", "bk1.c1", "第一篇"),
        ("第一篇第二章", "bk1.c2", "第一篇"),
        ("第二篇", "bk2", None),
        ("第二篇第三章", "bk2.c3", "第二篇"),
        ("第二篇第三章一", "bk2.c3.1", "第二篇第三章"),
    ]


def test_closing_prose_may_open_by_saying_the_work_matters():
    """The genre's closing often opens by saying how much the work matters (…工作意义重大、使命光荣。…要认真组织实施;
    …是…的重要举措，具有重要意义): after the last numbered unit's own paragraphs that paragraph is the document's."""
    text = ("某部关于某事项的通知\n各有关单位：\n为做好某项工作，现通知如下：\n"
            "一、适用范围\n适用于某类车辆。\n其他车辆不适用。\n"
            "二、管理要求\n由某部统一管理。\n某部负责制定办法。\n"
            "某项工作意义重大、使命光荣。某部要认真组织实施。\n")
    paths = [u.path for u in parse_structure(text)[0]]
    assert paths[-1] == "结语" and "二" in paths
    text_plain = text.replace("某项工作意义重大、使命光荣。某部要认真组织实施。", "办法另行公布。")
    assert [u.path for u in parse_structure(text_plain)[0]][-1] == "二"
