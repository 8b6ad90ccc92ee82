"""Numbering styles, nesting, paths/keys and exact spans on small synthetic documents."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ingest.errors import ParseError
from ingest.model import Numbering
from ingest.structure import find_labels, han_to_int, heading_of, parse_structure


@pytest.mark.parametrize(
    ("line", "numbering", "numeral"),
    [
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


@pytest.mark.parametrize("text", ["这是一段没有编号的文字。\n第二段也没有。", "一、只有一个标签"])
def test_no_structure(text):
    with pytest.raises(ParseError, match="no numbered structure found"):
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
