"""Front and back matter: title, own number, addressees, signature, date and notes, as metadata and masked spans."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.citations import find_citations
from ingest.frontmatter import (
    apply_front_matter,
    date_of,
    identifier_of,
    is_addressee_line,
    is_signature_line,
    is_title_line,
    mask,
    read_front_matter,
)
from ingest.model import DocumentMeta, UnitKind
from ingest.pipeline import parse_text
from ingest.structure import parse_structure


@pytest.mark.parametrize(
    ("line", "identifier"),
    [
        ("国发〔2031〕42号", "国发〔2031〕42号"),
        ("申府办发〔2032〕6号", "申府办发〔2032〕6号"),
        ("沪经信规〔2033〕3号", "沪经信规〔2033〕3号"),
        ("国办发[2031]15号", "国办发[2031]15号"),
        ("某市府规（2031）2号", "某市府规（2031）2号"),
        ("\u3000\u3000国发〔2031〕 42 号", "国发〔2031〕42号"),
        ("某省人民政府令第301号", "某省人民政府令第301号"),
        ("根据国发〔2031〕42号文件精神", ""),
        ("二、重点任务", ""),
    ],
)
def test_identifier_of(line, identifier):
    assert identifier_of(line) == identifier


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("2031年3月15日", date(2031, 3, 15)),
        ("　　　　2031年12月1日", date(2031, 12, 1)),
        ("（2031年9月18日）", date(2031, 9, 18)),
        ("二〇三一年三月十五日", date(2031, 3, 15)),
        ("二○三一年十二月二十日", date(2031, 12, 20)),
        ("2031年2月30日", None),
        ("到2031年底", None),
    ],
)
def test_date_of(line, day):
    assert date_of(line) == day


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("各区人民政府，市政府各委、办、局：", True),
        ("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：", True),
        ("各县（市、区）人民政府，市政府各部门：", True),
        ("各有关单位：", True),
        ("各区要做好以下工作：", False),
        ("主要任务包括：", False),
        ("各区人民政府，市政府各委、办、局", False),
        # groups of addressees separated by a semicolon; a sentence with one is still no addressee line
        ("各市、区人民政府，苏州工业园区、苏州高新区管委会；市各委办局，各直属单位：", True),
        ("各区要加强领导；各部门要做好以下工作：", False),
    ],
)
def test_is_addressee_line(line, expected):
    assert is_addressee_line(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("中华人民共和国国务院", True),
        ("某市人民政府", True),
        ("某市发展改革委　　某市财政局", True),
        ("某区人民政府办公室", True),
        ("加强组织领导", False),
        ("市经信委负责。", False),
    ],
)
def test_is_signature_line(line, expected):
    assert is_signature_line(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("某市人民政府关于印发《某市产业升级行动方案》的通知", True),
        ("某区促进小微企业发展若干措施（2031—2033年）", True),
        ("为推动产业升级，制定本方案。", False),
        ("一、总体要求", False),
        ("（一）指导思想", False),
        ("国发〔2031〕42号", False),
    ],
)
def test_is_title_line(line, expected):
    assert is_title_line(line) is expected


MUNICIPAL = """某市人民政府关于印发某市制造业提质行动方案的通知
某府发〔2031〕8号

各区人民政府，市政府各委、办、局：
　　为加快制造业提质，制定本方案。
　　一、主要任务
　　（一）推动智能改造。市经济信息化委负责，市财政局配合。
　　（二）落实财政支持。按照国发〔2029〕11号文件要求执行。

　　　　　　　　　　　　　　　　　　某市人民政府
　　　　　　　　　　　　　　　　　　2031年3月15日
　　（此件公开发布）
"""


def test_read_front_matter_of_a_municipal_notice():
    front = read_front_matter(MUNICIPAL)
    assert front.title == "某市人民政府关于印发某市制造业提质行动方案的通知"
    assert front.identifier == "某府发〔2031〕8号"
    assert front.addressees == "各区人民政府，市政府各委、办、局"
    assert (front.issuer, front.issued) == ("某市人民政府", "2031-03-15")
    masked_lines = [MUNICIPAL[s.start : s.end] for s in front.spans]
    assert masked_lines == [
        "某市人民政府关于印发某市制造业提质行动方案的通知", "某府发〔2031〕8号", "各区人民政府，市政府各委、办、局：",
        "某市人民政府", "2031年3月15日", "（此件公开发布）",
    ]
    assert MUNICIPAL[: front.header_end].endswith("办、局：")


def test_mask_keeps_offsets():
    front = read_front_matter(MUNICIPAL)
    masked = mask(MUNICIPAL, front.spans)
    assert len(masked) == len(MUNICIPAL)
    assert "某府发" not in masked and "2031年3月15日" not in masked and "各区人民政府" not in masked
    start = MUNICIPAL.index("市经济信息化委负责")
    assert masked[start : start + 9] == "市经济信息化委负责"
    assert masked.count("\n") == MUNICIPAL.count("\n")


def test_own_number_is_never_a_citation():
    front = read_front_matter(MUNICIPAL)
    units, _ = parse_structure(MUNICIPAL, front=front)
    masked = mask(MUNICIPAL, front.spans)
    assert [c.identifier for c in find_citations(masked, units, own_identifier=front.identifier)] == ["国发〔2029〕11号"]
    # even where the text repeats its own number in the body
    again = MUNICIPAL.replace("国发〔2029〕11号", "某府发〔2031〕8号")
    assert find_citations(mask(again, front.spans), units, own_identifier=front.identifier) == []


def test_parse_text_fills_metadata_and_never_reads_front_matter_as_bodies():
    meta = DocumentMeta(slug="notice", title="notice", source_file="notice.txt")
    doc = parse_text(MUNICIPAL, meta)
    assert doc.meta.title == "某市人民政府关于印发某市制造业提质行动方案的通知"
    assert (doc.meta.identifier, doc.meta.issued, doc.meta.issuer) == ("某府发〔2031〕8号", "2031-03-15", "某市人民政府")
    assert doc.meta.addressees == "各区人民政府，市政府各委、办、局"
    assert [u.path for u in doc.units] == ["序言", "一", "一（一）", "一（二）"]
    assert all(c.identifier != "某府发〔2031〕8号" for c in doc.citations)
    header_end = read_front_matter(MUNICIPAL).header_end
    signature = MUNICIPAL.index("　某市人民政府\n")
    for dept in doc.departments:
        assert all(header_end <= s.start < signature for s in dept.mentions), dept.pref_label
    assert doc.source == MUNICIPAL


@pytest.mark.parametrize(
    ("meta", "title"),
    [
        (DocumentMeta(slug="plan", title="plan", source_file="plan.txt"), "某市人民政府关于印发某市制造业提质行动方案的通知"),
        (DocumentMeta(slug="plan", title="", source_file="plan.txt"), "某市人民政府关于印发某市制造业提质行动方案的通知"),
        (DocumentMeta(slug="plan", title="侧栏给出的标题", source_file="plan.txt"), "侧栏给出的标题"),
    ],
)
def test_sidecar_title_wins_over_the_text_but_not_the_file_stem(meta, title):
    assert apply_front_matter(meta, read_front_matter(MUNICIPAL)).title == title


def test_sidecar_values_are_kept():
    meta = DocumentMeta(slug="plan", title="t", identifier="某府发〔2031〕9号", issued="2031-01-01")
    got = apply_front_matter(meta, read_front_matter(MUNICIPAL))
    assert (got.identifier, got.issued, got.issuer) == ("某府发〔2031〕9号", "2031-01-01", "某市人民政府")


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        # a joint document signed by two bodies on one line, date in Chinese numerals
        ("关于支持某类企业的若干措施\n一、甲。\n二、乙。\n某市发展改革委　某市财政局\n二〇三一年五月六日\n",
         {"title": "关于支持某类企业的若干措施", "issuer": "某市发展改革委、某市财政局", "issued": "2031-05-06"}),
        # the number above the title, as a red-header file prints it
        ("某省人民政府文件\n某政发〔2031〕5号\n某省人民政府关于推进某项工作的意见\n各市、县人民政府，省政府各部门：\n一、甲。\n二、乙。\n",
         {"title": "某省人民政府关于推进某项工作的意见", "identifier": "某政发〔2031〕5号", "issuer": "某省人民政府",
          "addressees": "各市、县人民政府，省政府各部门"}),
        # a portal's metadata block
        ("发文机关：某区人民政府\n发文字号：某府发〔2031〕2号\n成文日期：2031年4月1日\n标　　题：某区工作要点\n一、甲。\n二、乙。\n",
         {"title": "某区工作要点", "identifier": "某府发〔2031〕2号", "issuer": "某区人民政府", "issued": "2031-04-01"}),
        # no front matter at all (the seed's shape)
        ("为推动工作，制定本计划。\n一、甲。\n二、乙。\n", {"title": "", "identifier": "", "issuer": "", "issued": ""}),
    ],
)
def test_front_matter_shapes(text, fields):
    front = read_front_matter(text)
    assert {name: getattr(front, name) for name in fields} == fields
    units, _ = parse_structure(text, front=front)
    assert [u.path for u in units if u.path in ("一", "二")] == ["一", "二"]
    assert all(text[u.span.start : u.span.end] == u.text for u in units)


NOTICE = """某市人民政府办公厅关于印发《某市数字化转型实施方案》的通知
某府办发〔2031〕12号
各区人民政府，市政府各委、办、局：
　　经市政府同意，现将《某市数字化转型实施方案》印发给你们，请认真按照执行。

　　附件：某市数字化转型实施方案

　　　　　　　　　　　　　　某市人民政府办公厅
　　　　　　　　　　　　　　2031年4月2日
附件
某市数字化转型实施方案
　　为推进数字化转型，制定本方案。
　　一、总体目标
　　到2033年，数字经济核心产业增加值占比达到15%。
　　二、重点任务
　　（一）建设数字底座。
　　（二）推动企业上云。
"""


def test_a_notice_whose_annex_is_the_plan():
    doc = parse_text(NOTICE, DocumentMeta(slug="n", title="n", source_file="n.txt"))
    # The notice's own body is one unit 通知; the plan it issues keeps its own paths, its title is metadata.
    assert [u.path for u in doc.units] == ["通知", "序言", "一", "二", "二（一）", "二（二）"]
    assert doc.unit("通知").kind is UnitKind.NOTICE
    assert doc.unit("通知").text == "经市政府同意，现将《某市数字化转型实施方案》印发给你们，请认真按照执行。"
    assert doc.unit("序言").text == "为推进数字化转型，制定本方案。"
    assert (doc.meta.genre, doc.meta.issued_text_genre, doc.meta.issued_text_title) == ("通知", "方案", "某市数字化转型实施方案")
    assert (doc.meta.identifier, doc.meta.issuer, doc.meta.issued) == ("某府办发〔2031〕12号", "某市人民政府办公厅", "2031-04-02")
    assert doc.citations == []  # the plan the notice's own title names is not a citation


def test_dated_note_under_the_title_is_not_the_date_of_issue():
    text = "某市促进中小企业发展条例\n（2031年3月1日某市人民代表大会常务委员会第9次会议通过）\n第一条 甲。\n第二条 乙。\n"
    front = read_front_matter(text)
    assert (front.title, front.issued) == ("某市促进中小企业发展条例", "")
    assert [f.kind for f in front.lines] == ["title", "note"]


def test_numbered_annex_list_without_signature_is_no_unit():
    text = "一、甲。\n二、乙。\n附件：1.划型标准\n2.申报材料清单\n"
    units, _ = parse_structure(text)
    assert [u.path for u in units] == ["一", "二"] and units[-1].text == "乙。"


def test_front_matter_becomes_document_metadata_in_the_graph():
    from kg.build import build_graph
    from kg.iri import document_iri
    from kg.vocab import DCTERMS, POL, RDF

    text = ("某市人民政府关于推进某项工作的意见\n某府发〔2031〕8号\n各区人民政府，市政府各委、办、局：\n"
            "为推进工作，提出如下意见。\n一、甲。\n二、乙。\n某市人民政府\n2031年3月15日\n")
    graph = build_graph([parse_text(text, DocumentMeta(slug="fm", title="fm", source_file="fm.txt"))])
    doc = document_iri("fm")
    assert str(graph.value(doc, DCTERMS.identifier)) == "某府发〔2031〕8号"
    assert str(graph.value(doc, DCTERMS.issued)) == "2031-03-15"
    assert str(graph.value(doc, DCTERMS.publisher)) == "某市人民政府"
    assert str(graph.value(doc, DCTERMS.audience)) == "各区人民政府，市政府各委、办、局"
    assert str(graph.value(doc, DCTERMS.title)) == "某市人民政府关于推进某项工作的意见"
    assert {str(graph.value(u, POL.path)) for u in graph.subjects(RDF.type, POL.Preamble)} == {"序言"}
    assert not list(graph.subjects(DCTERMS.references, None))


@pytest.mark.parametrize(
    "line",
    ["各区（市）县政府（管委会），市级有关部门，有关单位：", "各镇人民政府(街道办事处),市府直属各单位:"],
)
def test_addressees_with_bracketed_notes(line):
    assert is_addressee_line(line)


def test_number_above_a_title_printed_twice():
    text = "某府办发〔2031〕3号\n某市人民政府办公厅关于某项工作的通知\n某市人民政府办公厅关于某项工作的通知\n各区人民政府：\n一、甲。\n二、乙。\n"
    front = read_front_matter(text)
    assert (front.identifier, front.title) == ("某府办发〔2031〕3号", "某市人民政府办公厅关于某项工作的通知")


# --- every combination of front and back matter leaves the body's units alone ----------------------------

_BODY = "　　为推进某项工作，制定本方案。\n　　一、目标\n　　到2031年底完成改造。\n　　二、任务\n　　（一）建设平台。\n　　（二）培育企业。\n"
_BODY_PATHS = ["序言", "一", "二", "二（一）", "二（二）"]


@pytest.mark.parametrize("title", ["", "某区推进某项工作的实施方案\n"])
@pytest.mark.parametrize("number", ["", "某府办发〔2031〕6号\n", "某府办发[2031]6号\n"])
@pytest.mark.parametrize("addressees", ["", "各街道办事处、镇人民政府，区政府各委、办、局：\n"])
@pytest.mark.parametrize("signature", ["", "\n　　　　　　某区人民政府办公室\n", "\n某区发展改革委　某区财政局\n"])
@pytest.mark.parametrize("dated", ["", "　　　　　　2031年2月3日\n", "二〇三一年二月三日\n（此件公开发布）\n"])
@pytest.mark.parametrize("annex", ["", "附件\n任务清单\n序号\t任务\t牵头单位\n1\t建设平台\t区科委\n"])
def test_front_and_back_matter_combinations(title, number, addressees, signature, dated, annex):
    text = title + number + addressees + _BODY + signature + dated + annex
    front = read_front_matter(text)
    units, _ = parse_structure(text, front=front)
    assert [u.path for u in units] == _BODY_PATHS + (["附件"] if annex else [])
    for unit in units:
        assert text[unit.span.start : unit.span.end] == unit.text
        assert all(not (s.start < unit.span.end and unit.span.start < s.end) for s in front.spans), unit.path
    assert front.identifier == number.strip()
    assert front.issued == ("2031-02-03" if dated else "")
    assert front.title == title.strip()
    assert front.addressees == addressees.strip()[:-1]
    assert front.issuer == "、".join(signature.split())


@pytest.mark.parametrize(
    ("tail", "issuer"),
    [
        ("（二）培育企业。\n\n某区人民政府\n", "某区人民政府"),
        ("（二）培育企业。\n某区发展改革委　某区财政局\n（此件公开发布）\n", "某区发展改革委、某区财政局"),
        ("（二）培育企业。\n某区人民政府办公室\n附件1\n任务清单\n", "某区人民政府办公室"),
        # Owners listed after a task, not a signature: joined by 、, or under a label ending in ：.
        ("（二）培育企业。\n某区发展改革委、某区财政局\n", ""),
        ("（二）培育企业，责任单位：\n某区发展改革委\n", ""),
    ],
)
def test_a_signature_without_a_date(tail, issuer):
    text = "一、任务\n（一）建设平台。\n" + tail
    front = read_front_matter(text)
    assert front.issuer == issuer
    assert bool(front.of_kind("signature")) == bool(issuer)
