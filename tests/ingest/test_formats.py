"""Formats: .txt/.md in Chinese encodings, .docx, .pdf with a text layer and saved web pages read into one text;
what cannot be read is refused with the file and the fix; a folder lists every file it skips and why.

The .docx, .html and .pdf fixtures are made here from the seed corpus text (python-docx, a portal-like page,
and headless Chromium printing that page), and must parse into the same units as the .txt.
"""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from ingest import ParseError, parse_plan
from ingest.decode import decode_bytes
from ingest.formats import PageSpan, content_digest, page_of, read_document, sniff, supported_files
from ingest.formats.base import clean_identifier, ends_sentence, iso_date, starts_with_label
from ingest.formats.docx import format_number
from ingest.formats.pdf import NO_TEXT_LAYER, Line, is_page_number, running_lines, should_join
from ingest.formats.text import strip_markdown

SEED = Path(__file__).resolve().parents[2] / "corpus" / "shanghai-technical-transformation-plan-2018-2020.txt"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def _seed_lines() -> list[str]:
    return [line.strip(" \u3000\t") for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]


def _units(doc) -> list[tuple[str, str]]:
    return [(u.path, u.heading) for u in doc.units]


# ---------------------------------------------------------------- fixture makers


_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_HAN_LABEL = re.compile(r"^[一二三四五六七八九十]+、")
_HAN_PAREN_LABEL = re.compile(r"^（[一二三四五六七八九十]+）")


def _add_list(document, num_id: int, levels: list[tuple[str, str]]) -> None:
    """Add a Word list definition: ``levels`` is [(numFmt, lvlText)] from level 0."""
    from docx.oxml import parse_xml

    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(f'<w:abstractNum {_W_NS} w:abstractNumId="{num_id}">{lvls}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {_W_NS} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'))


def _numbered(paragraph, num_id: int, level: int) -> None:
    from docx.oxml import parse_xml

    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {_W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def make_seed_docx(path: Path) -> Path:
    """The seed as Word would hold it: 一、 and （一） numbered automatically (labels not in the text)."""
    import docx

    document = docx.Document()
    _add_list(document, 90, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）")])
    for line in _seed_lines():
        if _HAN_LABEL.match(line):
            _numbered(document.add_paragraph(_HAN_LABEL.sub("", line)), 90, 0)
        elif _HAN_PAREN_LABEL.match(line):
            _numbered(document.add_paragraph(_HAN_PAREN_LABEL.sub("", line)), 90, 1)
        else:
            document.add_paragraph("\u3000\u3000" + line)
    document.save(path)
    return path


def portal_page(body_lines: list[str], *, charset: str = "utf-8") -> str:
    """A page as a government portal serves it: navigation, an info table, the article, related links, footer."""
    paragraphs = "\n".join(f"<p style=\"text-indent:2em\">&nbsp;&nbsp;{html.escape(line)}</p>" for line in body_lines)
    return f"""<!DOCTYPE html>
<html><head><meta charset="{charset}">
<meta name="ArticleTitle" content="某区推进制造业数字化转型三年行动方案">
<meta name="PubDate" content="2024-04-02 09:30">
<title>某区推进制造业数字化转型三年行动方案_政策文件_某区人民政府门户网站</title>
<style>body {{ font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC'; font-size: 14pt }} p {{ margin: 0 }}</style>
<script>var siteMenu = ["首页", "政务公开"]; function track() {{ return "统计代码"; }}</script>
</head><body>
<header class="top"><div class="logo">某区人民政府门户网站</div>
<nav><a href="/">首页</a> | <a href="/gk">政务公开</a> | <a href="/zc">政策文件</a> | <a href="/bs">办事服务</a> | <a href="/hd">互动交流</a></nav>
</header>
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/zc">政策文件</a> &gt; 区政府文件</div>
<div class="main">
<table class="info">
<tr><td>索引号：</td><td>X1234-0200-2024-0007</td><td>主题分类：</td><td>工业、交通</td></tr>
<tr><td>发文机关：</td><td>某区人民政府办公室</td><td>成文日期：</td><td>2024年03月28日</td></tr>
<tr><td>标题：</td><td colspan="3">某区推进制造业数字化转型三年行动方案</td></tr>
<tr><td>发文字号：</td><td>某府办发〔2024〕12号</td><td>发布日期：</td><td>2024-04-02</td></tr>
</table>
<h1 class="title">某区推进制造业数字化转型三年行动方案</h1>
<div class="pages-date">2024-04-02 来源：区政府办公室 <span class="font">【字体：大 中 小】</span> 打印本页</div>
<div id="zoom" class="TRS_Editor">
{paragraphs}
</div>
<div class="related"><h3>相关文件</h3><ul>
<li><a href="/a">关于开展智能工厂认定工作的通知</a></li>
<li><a href="/b">某区工业企业技术改造专项资金管理办法的政策解读</a></li></ul></div>
</div>
<footer><p>主办单位：某区人民政府办公室　网站标识码：0000000000</p><p>某ICP备00000000号</p></footer>
<script>track();</script>
</body></html>
"""


def document_page(body_lines: list[str], style: str = "") -> str:
    """The document alone, as a word processor would print it: indented paragraphs, a CJK font."""
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in body_lines)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>某市行动计划</title>{style}<style>"
            "body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC'; font-size: 14pt } "
            f"p {{ margin: 0; text-indent: 2em }}</style></head><body>{paragraphs}</body></html>")


def _minimal_pdf(trailer_extra: bytes = b"", extra_objects: tuple[bytes, ...] = ()) -> bytes:
    """A one-page PDF written by hand, with correct cross-reference offsets."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>", *extra_objects]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_extra, xref)
    return bytes(out)


def encrypted_pdf() -> bytes:
    """A PDF protected by a user password (standard security handler)."""
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <" + b"ab" * 32 + b"> /U <" + b"cd" * 32 + b"> >>"
    file_id = b"<00112233445566778899aabbccddeeff>"
    return _minimal_pdf(b"/Encrypt 4 0 R /ID [" + file_id + b" " + file_id + b"]", (encrypt,))


def scanned_pdf() -> bytes:
    """A page that holds only an image, as a scanner makes it."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595, 842)
    bitmap = pdfium.PdfBitmap.new_native(120, 60, pdfium_c.FPDFBitmap_BGR)
    bitmap.fill_rect((40, 40, 40, 255), 0, 0, 120, 60)
    image = pdfium.PdfImage.new(pdf)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(480, 240).translate(50, 500))
    page.insert_obj(image)
    page.gen_content()
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def print_pdf(html_path: Path, pdf_path: Path, *, header_footer: bool) -> Path:
    """Print a page to PDF with headless Chromium (its own date/title header and URL/page footer if asked)."""
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (apt-get install -y chromium fonts-noto-cjk)")
    fc_list = shutil.which("fc-list")
    fonts = subprocess.run([fc_list, ":lang=zh"], capture_output=True, text=True, check=False).stdout if fc_list else ""
    if not fonts.strip():
        pytest.skip("no CJK font for Chromium to print with (apt-get install -y fonts-noto-cjk)")
    flags = [] if header_footer else ["--no-pdf-header-footer"]
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", f"--user-data-dir={pdf_path.parent / 'chromium-profile'}",
         *flags, f"--print-to-pdf={pdf_path}", html_path.as_uri()],
        check=True, capture_output=True, timeout=120,
    )
    return pdf_path


_MARGIN_BOXES = """<style>@page { size: A4; margin: 30mm 25mm;
  @top-center { content: "某市经济和信息化委员会文件"; font-size: 9pt; }
  @bottom-center { content: "- " counter(page) " -"; font-size: 10pt; } }</style>"""


@pytest.fixture(scope="module")
def seed_formats(tmp_path_factory) -> dict[str, Path]:
    """The seed text as .txt, .docx, .html (UTF-8 and GBK) and two PDFs printed by Chromium."""
    folder = tmp_path_factory.mktemp("formats")
    paths = {"txt": folder / "seed.txt"}
    shutil.copyfile(SEED, paths["txt"])
    paths["docx"] = make_seed_docx(folder / "seed.docx")
    page = portal_page(_seed_lines())
    paths["html"] = folder / "seed.html"
    paths["html"].write_text(page, encoding="utf-8")
    paths["html-gbk"] = folder / "seed-gbk.htm"
    paths["html-gbk"].write_bytes(portal_page(_seed_lines(), charset="gb2312").encode("gbk"))
    printable = folder / "seed-print.html"
    printable.write_text(document_page(_seed_lines()), encoding="utf-8")
    paths["pdf"] = print_pdf(printable, folder / "seed.pdf", header_footer=True)
    numbered = folder / "seed-numbered.html"
    numbered.write_text(document_page(_seed_lines(), _MARGIN_BOXES), encoding="utf-8")
    paths["pdf-page-numbers"] = print_pdf(numbered, folder / "seed-numbered.pdf", header_footer=False)
    return paths


# ---------------------------------------------------------------- the same text in every format


@pytest.fixture(scope="module")
def seed_txt_doc():
    return parse_plan(SEED)


@pytest.mark.parametrize("fmt", ["docx", "html", "html-gbk", "pdf", "pdf-page-numbers"])
def test_every_format_parses_into_the_txt_units(seed_formats, seed_txt_doc, fmt):
    doc = parse_plan(seed_formats[fmt])
    assert _units(doc) == _units(seed_txt_doc)
    for unit in doc.units:
        assert doc.source[unit.span.start : unit.span.end] == unit.text
    assert doc.meta.format == fmt.split("-")[0]


@pytest.mark.parametrize("fmt", ["docx", "html", "html-gbk", "pdf", "pdf-page-numbers"])
def test_extracted_text_is_the_seed_text_line_for_line(seed_formats, fmt):
    """Paragraph for paragraph the seed: no navigation, header, footer or page number, no broken line."""
    assert read_document(seed_formats[fmt]).text.splitlines() == _seed_lines()


def test_one_content_digest_for_every_format(seed_formats):
    digests = {fmt: content_digest(read_document(path).text) for fmt, path in seed_formats.items()}
    assert len(set(digests.values())) == 1, digests


def test_reading_is_deterministic(seed_formats):
    for path in seed_formats.values():
        assert read_document(path) == read_document(path)


def test_txt_keeps_its_characters(seed_formats):
    extracted = read_document(seed_formats["txt"])
    assert extracted.text == SEED.read_text(encoding="utf-8")
    assert (extracted.format, extracted.encoding, extracted.pages) == ("txt", "utf-8", ())


def test_pdf_pages_cover_the_text_and_locate_units(seed_formats):
    doc = parse_plan(seed_formats["pdf-page-numbers"])
    pages = [PageSpan(*p) for p in doc.meta.pages]
    assert len(pages) >= 3 and pages[0].start == 0 and pages[-1].end == len(doc.source)
    assert all(a.end == b.start for a, b in zip(pages, pages[1:]))
    first, last = doc.units[0], doc.units[-1]
    assert page_of(first.span.start, pages) == 1
    assert page_of(last.span.start, pages) == len(pages)


def test_a_scanned_page_among_text_pages_is_a_warning(tmp_path, seed_formats):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(seed_formats["pdf"])
    pdf.import_pages(pdfium.PdfDocument(scanned_pdf()))
    path = tmp_path / "mixed.pdf"
    pdf.save(path)
    extracted = read_document(path)
    assert extracted.text == read_document(seed_formats["pdf"]).text
    assert extracted.warnings == (f"{path}: page {len(pdf)} has no text layer (a scanned page?): its text is missing; "
                                  "OCR the file to include it",)
    assert extracted.pages[-1] == PageSpan(len(pdf), len(extracted.text), len(extracted.text))


def test_pdf_radicals_become_ideographs():
    from ingest.formats.base import normalise_compat

    assert normalise_compat("\u2f00、总体要求（\u2f06）") == "一、总体要求（二）"


def test_html_metadata_from_the_info_table(seed_formats):
    for fmt, encoding in (("html", "utf-8"), ("html-gbk", "gb18030")):
        extracted = read_document(seed_formats[fmt])
        assert (extracted.title, extracted.identifier, extracted.issued, extracted.encoding) == (
            "某区推进制造业数字化转型三年行动方案", "某府办发〔2024〕12号", "2024-03-28", encoding)


def test_file_metadata_fills_what_the_sidecar_leaves_empty(tmp_path, seed_formats):
    page = tmp_path / "plan.html"
    shutil.copyfile(seed_formats["html"], page)
    doc = parse_plan(page)
    assert (doc.meta.title, doc.meta.identifier, doc.meta.issued) == (
        "某区推进制造业数字化转型三年行动方案", "某府办发〔2024〕12号", "2024-03-28")
    (tmp_path / "plan.meta.json").write_text('{"title": "我的标题", "issued": "2024-05-01"}', encoding="utf-8")
    doc = parse_plan(page)
    assert (doc.meta.title, doc.meta.identifier, doc.meta.issued) == ("我的标题", "某府办发〔2024〕12号", "2024-05-01")


# ---------------------------------------------------------------- HTML details


def test_html_without_known_ids_takes_the_text_block_not_the_links(tmp_path):
    body = "".join(f"<p>{i}.第{i}项工作要按期完成，做到有检查、有通报、有整改。</p>" for i in range(1, 9))
    page = (f"<html><body><div class='menu'><a href='/'>首页</a><a href='/x'>政府信息公开目录</a></div>"
            f"<div class='wrap'><div class='sidebar'><ul><li><a href='/1'>关于做好本年度安全生产工作的通知</a></li>"
            f"<li><a href='/2'>关于印发某某实施细则的通知</a></li></ul></div><div class='text'>{body}</div></div>"
            f"<div class='foot'>版权所有</div></body></html>")
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    lines = read_document(path).text.splitlines()
    assert lines[0].startswith("1.第1项工作") and len(lines) == 8


def test_html_table_rows_are_tab_joined_lines(tmp_path):
    page = ("<html><body><div id='zoom'><p>附件</p><p>重点任务分工表</p><table>"
            "<tr><td>序号</td><td>任务</td><td>责任单位</td></tr>"
            "<tr><td><p>1</p></td><td><p>建设示范工厂</p></td><td><p>区经委</p><p>区财政局</p></td></tr>"
            "</table></div></body></html>")
    path = tmp_path / "t.html"
    path.write_text(page, encoding="utf-8")
    assert read_document(path).text.splitlines()[-2:] == ["序号\t任务\t责任单位", "1\t建设示范工厂\t区经委 区财政局"]


_ARTICLE = "<p>一、总体要求</p><p>坚持问题导向。</p><p>二、重点任务</p><p>建设一批示范工厂。</p>"


@pytest.mark.parametrize(
    ("page", "fields"),
    [
        # gov.cn-like: labels padded with ideographic spaces, label and value in separate cells
        ("<table><tr><td>标　　题：</td><td>某市促进工业设计发展的实施意见</td></tr>"
         "<tr><td>发文字号：</td><td>某府规〔2023〕4号</td><td>成文日期：</td><td>2023年07月06日</td></tr></table>"
         f"<div id='UCAP-CONTENT'>{_ARTICLE}</div>",
         ("某市促进工业设计发展的实施意见", "某府规〔2023〕4号", "2023-07-06")),
        # label and value in one line of spans; only a publication date
        (f"<div class='xxgk'><span>发文字号：某经信〔2022〕9号</span> <span>发布日期：2022/11/3</span></div>"
         f"<div class='article'>{_ARTICLE}</div>",
         ("", "某经信〔2022〕9号", "2022-11-03")),
        # the info lines at the top of the article; a task table whose header says 名称 is no title
        (f"<div id='zoom'><p>文　　号：某区府发〔2021〕2号</p>{_ARTICLE}"
         "<table><tr><td>名称</td><td>责任单位</td></tr><tr><td>示范工厂</td><td>区经委</td></tr></table></div>",
         ("", "某区府发〔2021〕2号", "")),
        # nothing stated: the page title before its portal suffix
        (f"<title>某县养老服务三年行动计划 - 某县人民政府</title><div class='content'>{_ARTICLE}</div>",
         ("某县养老服务三年行动计划", "", "")),
    ],
)
def test_html_info_fields(tmp_path, page, fields):
    path = tmp_path / "p.html"
    path.write_text(f"<html><body>{page}</body></html>", encoding="utf-8")
    extracted = read_document(path)
    assert (extracted.title, extracted.identifier, extracted.issued) == fields
    assert "一、总体要求" in extracted.text


# ---------------------------------------------------------------- Word details


def test_docx_tables_and_numbering_formats(tmp_path):
    import docx

    document = docx.Document()
    _add_list(document, 91, [("decimal", "%1."), ("decimalEnclosedCircle", "%2")])
    for text, level in (("第一项", 0), ("细目甲", 1), ("细目乙", 1), ("第二项", 0), ("细目丙", 1)):
        _numbered(document.add_paragraph(text), 91, level)
    table = document.add_table(rows=2, cols=3)
    for row, cells in zip(table.rows, (("序号", "任务", "责任单位"), ("1", "建设示范工厂", "区经委"))):
        for cell, value in zip(row.cells, cells):
            cell.text = value
    path = tmp_path / "t.docx"
    document.save(path)
    assert read_document(path).text.splitlines() == [
        "1.第一项", "① 细目甲", "② 细目乙", "2.第二项", "① 细目丙", "序号\t任务\t责任单位", "1\t建设示范工厂\t区经委"]


def test_docx_tracked_changes_and_text_box_fallbacks(tmp_path):
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    document.element.body.insert(0, parse_xml(
        f"<w:p {_W_NS} {mc}><w:r><w:t>到</w:t></w:r><w:del><w:r><w:delText>2019</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>2020</w:t></w:r></w:ins><w:r><w:t>年底</w:t></w:r>"
        "<w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:t>（框）</w:t></mc:Choice>"
        "<mc:Fallback><w:t>（框）</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>"))
    path = tmp_path / "changes.docx"
    document.save(path)
    assert read_document(path).text == "到2020年底（框）\n"


def test_docx_numbering_it_cannot_render_is_a_warning(tmp_path):
    import docx

    document = docx.Document()
    _add_list(document, 92, [("upperRoman", "%1.")])
    _numbered(document.add_paragraph("总体要求"), 92, 0)
    document.add_paragraph("正文。")
    path = tmp_path / "roman.docx"
    document.save(path)
    extracted = read_document(path)
    assert extracted.text == "总体要求\n正文。\n"
    assert any("upperRoman" in w for w in extracted.warnings)


@pytest.mark.parametrize(
    ("n", "fmt", "label"),
    [(3, "decimal", "3"), (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (12, "chineseCounting", "十二"),
     (20, "chineseCountingThousand", "二十"), (3, "decimalEnclosedCircle", "③"), (4, "decimalFullWidth", "４"),
     (2, "lowerLetter", "b"), (3, "ideographTraditional", "丙"), (12, "chineseLegalSimplified", "拾贰"),
     (1, "upperRoman", None)],
)
def test_word_number_formats(n, fmt, label):
    assert format_number(n, fmt) == label


# ---------------------------------------------------------------- PDF details


@pytest.mark.parametrize(
    ("line", "expected"),
    [("- 3 -", True), ("— 12 —", True), ("－ 7 －", True), ("第3页", True), ("第 3 页 共 10 页", True), ("3/10", True),
     ("12", True), ("Page 2 of 9", True), ("3.坚持优化环境。", False), ("2020年", False), ("一、总体要求", False)],
)
def test_page_number_lines(line, expected):
    assert is_page_number(line) is expected


def test_running_headers_recur_on_most_pages():
    pages = [["某市人民政府文件", "正文甲", f"- {n} -"] for n in range(1, 5)]
    pages[2] = ["某市人民政府文件", "正文乙，某市人民政府文件", "- 3 -"]
    edges = [[0, 2]] * 4
    assert running_lines(pages, edges) == [{0, 2}] * 4


def _line(text: str, left: float = 50, right: float = 500) -> Line:
    return Line(text, left, right, 700, 714)


@pytest.mark.parametrize(
    ("prev", "nxt", "indented_paragraphs", "join"),
    [
        (_line("推动制造业焕发新的活力和创造力，推进制造业加速向智能"), _line("化、高端化方向延伸拓展。", right=200), False, True),
        (_line("到2020年底，技术创新能力进一步增强。"), _line("产业核心竞争力明显提高。"), False, False),  # sentence ended
        (_line("到2020年底，技术创新能力进一步增强。"), _line("产业核心竞争力明显提高。"), True, True),  # a wrap after a stop
        (_line("到2020年底，技术创新能力进一步增强。", right=300), _line("产业核心竞争力提高。"), True, False),  # short
        (_line("为落实《关于降低企业成本的通知》(国发", right=440), _line("[2016]48号)要求，现提出以下措施。"), False, True),
        (_line("为落实《关于降低企业成本的通知》国发", right=440), _line("要求，现提出以下措施。"), False, False),
        (_line("（一）指导思想", right=150), _line("全面贯彻新发展理念，坚持问题导向，"), False, False),  # a heading
        (_line("支持企业建设一批示范项目，推进产业链协同和"), _line("1.实施自动化改造。"), True, False),  # a label
        (_line("支持企业建设一批示范项目，推进产业链协同和"), _line("新一段落开始的文字，", left=78), True, False),  # indented
    ],
)
def test_line_joining(prev, nxt, indented_paragraphs, join):
    assert should_join(prev, nxt, 500, 50, 14, indented_paragraphs) is join


# ---------------------------------------------------------------- text, encodings, small helpers


_TRADITIONAL = "一、總體要求\n本市各區人民政府應當加強對技術改造工作的組織領導，建立健全協調機制，確保各項任務落到實處。\n二、保障措施\n"


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        ("一、总体要求\n二、重点任务\n".encode("utf-16"), "utf-16"),
        ("一、总体要求\n二、重点任务\n".encode("utf-16-be"), None),  # no BOM: not guessed, refused as binary
        ("一、总体要求\n".encode("gb2312"), "gb18030"),
        (_TRADITIONAL.encode("big5"), "big5"),
        (_TRADITIONAL.encode("gb18030"), "gb18030"),
        ("\ufeff一、总体要求\n".encode("utf-8"), "utf-8-sig"),
    ],
)
def test_chinese_encodings(raw, encoding):
    if encoding is None:
        with pytest.raises(ParseError, match="binary"):
            decode_bytes(raw, "x.txt")
        return
    text, found = decode_bytes(raw, "x.txt")
    assert found == encoding and text.lstrip("\ufeff").startswith(("一、总体要求", "一、總體要求"))


def test_markdown_markup_is_dropped(tmp_path):
    path = tmp_path / "plan.md"
    path.write_text("# 某区行动方案\n\n## 一、总体要求\n\n**坚持**问题导向。\n\n## 二、重点任务\n\n> 1.建设工厂。\n", encoding="gbk")
    extracted = read_document(path)
    assert (extracted.format, extracted.encoding) == ("md", "gb18030")
    assert extracted.text.splitlines()[2:] == ["一、总体要求", "", "坚持问题导向。", "", "二、重点任务", "", "1.建设工厂。"]
    assert strip_markdown("### （一）指导思想") == "（一）指导思想"


@pytest.mark.parametrize(
    ("value", "iso"),
    [("2024年3月15日", "2024-03-15"), ("2024-04-02 09:30", "2024-04-02"), ("2024/4/2", "2024-04-02"),
     ("2024年03月", ""), ("2024-13-01", "")],
)
def test_iso_date(value, iso):
    assert iso_date(value) == iso


@pytest.mark.parametrize(
    ("value", "identifier"),
    [("发文字号：沪府发〔2024〕3号", "沪府发〔2024〕3号"), ("国办发[2023]12号", "国办发[2023]12号"), ("无", "")],
)
def test_identifier(value, identifier):
    assert clean_identifier(value) == identifier


@pytest.mark.parametrize(
    ("line", "ends", "label"),
    [("制定本行动计划。", True, False), ("“上海制造”品牌。”", True, False), ("（一）指导思想", False, True),
     ("1.坚持对标国际", False, True), ("第三条 本办法", False, True), ("附件1", False, True), ("全面提高", False, False)],
)
def test_sentence_ends_and_labels(line, ends, label):
    assert (ends_sentence(line), starts_with_label(line)) == (ends, label)


# ---------------------------------------------------------------- refusals


def _ofd() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("OFD.xml", "<ofd:OFD/>")
        z.writestr("Doc_0/Document.xml", "<ofd:Document/>")
    return buffer.getvalue()


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


@pytest.mark.parametrize(
    ("name", "raw", "message"),
    [
        ("scan.pdf", "scanned", NO_TEXT_LAYER),
        ("blank.pdf", _minimal_pdf(), NO_TEXT_LAYER),
        ("locked.pdf", "encrypted", "encrypted PDF (it needs a password): remove the protection"),
        ("old.doc", _OLE, "an old binary Word document (.doc): open it in Word or WPS and save it as .docx"),
        ("old.wps", _OLE, "a WPS document (.wps): open it in Word or WPS and save it as .docx"),
        ("locked.docx", _OLE, "an encrypted .docx (password-protected): remove the password"),
        ("e-gov.ofd", "ofd", "an OFD document (版式文件): open it in an OFD reader and export a PDF"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "not a valid .docx file"),
        ("broken.pdf", b"%PDF-1.4\n garbage", "damaged or not a PDF"),
        ("empty.txt", b"", "empty file"),
        ("blank.html", b"  \n ", "empty file (whitespace only)"),
        ("table.xlsx", b"PK\x03\x04", "a spreadsheet"),
        ("data.json", b"{}", "unsupported format .json; supported: .txt"),
        ("photo.jpg", b"\xff\xd8\xff\xe0 jpeg", "an image: OCR it first"),
        ("script-only.html", b"<html><body><div id='app'></div><script>load()</script></body></html>",
         "the web page holds no article text (is the text loaded by a script?)"),
        ("deep.html", b"<html><body>" + b"<div>" * 3000 + "一、甲".encode() + b"</div>" * 3000 + b"</body></html>",
         "nested too deeply to read"),
    ],
)
def test_refusals_name_the_file_and_the_fix(tmp_path, name, raw, message):
    raw = {"scanned": scanned_pdf, "encrypted": encrypted_pdf, "ofd": _ofd}[raw]() if isinstance(raw, str) else raw
    path = tmp_path / name
    path.write_bytes(raw)
    with pytest.raises(ParseError) as info:
        parse_plan(path)
    assert info.value.file == str(path)
    assert message in str(info.value) and str(path) in str(info.value)


@pytest.mark.parametrize(
    ("head", "kind"),
    [(b"%PDF-1.7", "pdf"), (_OLE, "ole"), (b"{\\rtf1\\ansi", "rtf"), (b"<!DOCTYPE html><html>", "html"),
     (b"\xef\xbb\xbf<html lang='zh'>", "html"), (b"MIME-Version: 1.0\nContent-Type: multipart/related;", "mht"),
     ("一、总体要求".encode(), "")],
)
def test_sniff(head, kind):
    assert sniff(head) == kind


def test_web_page_saved_as_doc_is_read_as_html(tmp_path):
    path = tmp_path / "saved-from-portal.doc"
    path.write_text("<html><body><div id='zoom'><p>一、总体要求</p><p>二、重点任务</p></div></body></html>", encoding="utf-8")
    assert read_document(path).format == "html"
    assert supported_files([path]) == ([path], [])


# ---------------------------------------------------------------- what a folder ingest takes


def test_supported_files_lists_every_skip_with_its_reason(tmp_path, seed_formats):
    folder = tmp_path / "corpus"
    (folder / "2023").mkdir(parents=True)
    (folder / ".git").mkdir()
    (folder / ".git" / "config").write_text("x")
    shutil.copyfile(seed_formats["txt"], folder / "a.txt")
    (folder / "a.meta.json").write_text("{}")
    shutil.copyfile(seed_formats["docx"], folder / "2023" / "b.docx")
    shutil.copyfile(seed_formats["html"], folder / "c.htm")
    shutil.copyfile(seed_formats["pdf"], folder / "d.pdf")
    (folder / "old.doc").write_bytes(_OLE)
    (folder / "e.ofd").write_bytes(_ofd())
    (folder / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    (folder / "empty.txt").write_bytes(b"")
    (folder / ".DS_Store").write_bytes(b"\x00\x01")
    (folder / "~$b.docx").write_bytes(b"lock")
    (folder / "orphan.meta.json").write_text("{}")
    (folder / "notes.json").write_text("{}")
    files, skipped = supported_files([folder, tmp_path / "missing", folder / "a.txt"])
    assert [p.relative_to(folder).as_posix() for p in files] == ["2023/b.docx", "a.txt", "c.htm", "d.pdf"]
    reasons = {p.name: reason for p, reason in skipped}
    assert sorted(reasons) == [".DS_Store", "e.ofd", "empty.txt", "missing", "notes.json", "old.doc",
                               "orphan.meta.json", "sheet.xlsx", "~$b.docx"]
    assert reasons["old.doc"].startswith("an old binary Word document (.doc): open it in Word or WPS and save it as .docx")
    assert reasons["e.ofd"].startswith("an OFD document")
    assert reasons["empty.txt"] == "empty file"
    assert reasons["notes.json"].startswith("unsupported format .json")
    assert reasons["missing"] == "no such file or folder"
    assert "metadata sidecar" in reasons["orphan.meta.json"]


def test_supported_files_not_recursive_names_the_subfolders(tmp_path):
    (tmp_path / "2022").mkdir()
    (tmp_path / "2022" / "a.txt").write_text("一、甲\n二、乙\n", encoding="utf-8")
    files, skipped = supported_files([tmp_path], recursive=False)
    assert files == [] and [(p.name, r.split(" (")[0]) for p, r in skipped] == [("2022", "a sub-folder")]


def test_a_folders_readme_is_no_document_unless_named(tmp_path):
    """benchmarks/corpus_real carries a README.md that lists its documents: a folder ingest takes the documents,
    says why the README is left out, and takes it when it is named."""
    (tmp_path / "guofa-2031-001.txt").write_text("某某通知\n一、甲\n二、乙\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("# corpus\n48 documents\n", encoding="utf-8")
    files, skipped = supported_files([tmp_path])
    assert [p.name for p in files] == ["guofa-2031-001.txt"]
    assert [(p.name, "not a document" in r and "by name" in r) for p, r in skipped] == [("README.md", True)]
    assert supported_files([tmp_path / "README.md"]) == ([tmp_path / "README.md"], [])
