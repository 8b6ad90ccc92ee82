"""Read the front and back matter of a Chinese official document: title, own number, addressees, signature and date.

These lines are metadata, never units and never responsible bodies: ``FrontMatter.spans`` lists them so that the
pipeline can blank them out (``mask``) before the extractors run, keeping every offset.

    国务院关于加快某项工作的意见          ← title (one to three lines at the top)
    国发〔2018〕42号                      ← the document's own number (dcterms:identifier, never a citation)
    各省、自治区、直辖市人民政府，国务院各部委、各直属机构：   ← addressees
    …body…
    附件：1.任务分工表                      ← the list of annexes above the signature
    国务院                                  ← signature (issuer)
    2018年9月18日                           ← date of issue
    （此件公开发布）                        ← publication note

Each line alone is classified in ``ingest.frontlines``; the metadata the document gives of itself (genre, date of
effect) is worked out in ``ingest.docmeta``. Both are served from here by name too.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from .docmeta import apply_front_matter, effective_of, genre_of
from .frontlines import (
    ANNEX_LIST,
    BODY_END,
    DATE,
    DATE_LINE,
    DOC_NUMBER_LINE,
    ISSUING_TITLE,
    OFFICER_SIGNATURE,
    ORDER_NUMBER,
    WS,
    date_of,
    identifier_of,
    is_addressee_line,
    is_named_addressee,
    is_signature_line,
    is_title_line,
    join_title,
)
from .model import Span
from .webchrome import (
    bracketed_title,
    is_chrome,
    portal_date,
    portal_fields,
    split_number_title,
)

__all__ = [
    "DOC_NUMBER_LINE",
    "FrontLine",
    "FrontMatter",
    "apply_front_matter",
    "date_of",
    "effective_of",
    "genre_of",
    "identifier_of",
    "is_addressee_line",
    "is_signature_line",
    "is_title_line",
    "issuers_of_title",
    "join_title",
    "mask",
    "read_front_matter",
]

log = logging.getLogger(__name__)


# Publication notes under the date: （此件公开发布） （此件主动公开） （本文有删减）.
# the line under a work report's or a speech's title: the day and the meeting it was given at
_SPEECH_DATE = re.compile(r"^[（(]?[—–\-－]{0,4}\s*(?P<date>[0-9０-９〇○零一二三四五六七八九]{4}\s*年[^年日在]{1,8}日)\s*"
                          r"在[^。；;]{2,60}?(?:会议|大会|会|论坛|仪式)上(?:的(?:讲话|报告|工作报告|发言))?[）)]?$")


def _speech_date_split(first: str, second: str) -> str:
    """The ISO day of a speech-date line a page broke in two (the first part a dash and the day, the second ending
    in 会议上), else ""."""
    if not re.match(r"^[（(]?[—–\-－]{1,4}", first) or len(second) > 40 or re.search(r"[。；;，,：:]", first + second):
        return ""
    m = _SPEECH_DATE.match(first + second)
    d = date_of(m.group("date")) if m else None
    return d.isoformat() if d else ""


# the speaker under a report's speech-date line (县长 王 丽 / 县人民政府代理县长 周登高 / 某局局长  吴某某), and the
# salutation that opens the report (各位代表：)
_SPEAKER = re.compile(r"^[\u4e00-\u9fff（）()]{0,30}?(?:省长|市长|区长|县长|州长|旗长|主任|局长|书记|主席|部长|厅长|署长)"
                      r"[ \t\u3000]+[\u4e00-\u9fff](?:[ \t\u3000]?[\u4e00-\u9fff]){1,3}$")
_SALUTATION = re.compile(r"^各位(?:代表|委员|同志)[：:]$")
_NOTE = re.compile(r"^[（(](?:此件|本件|本文)[^（）()]{1,12}[）)]$")
# Distribution and printing lines at the very end: 抄送：… / 上海市人民政府办公厅 2024年3月16日印发.
_COLOPHON = re.compile(rf"^(?:[（(]?(?:抄送|主送|抄报|分送|发送|联系人|联系电话|联系方式|联系单位|联系部门|联系地址|通讯地址|经办人|承办人|签发人)[：:].*|.{{0,40}}(?:{DATE.pattern})\s*印发)$")
# Fields of a portal's metadata table above the text: 发文字号：国发〔2018〕42号.
_PORTAL_FIELD = re.compile(
    r"^(?P<key>标\s*题|索\s*引\s*号|发文机关|发布机构|发文字号|文\s*号|成文日期|发布日期|主题分类|主\s*题\s*词|生效日期|"
    r"有\s*效\s*性|时\s*效|公文种类|体裁分类)[：:][{ws}]*(?P<value>.*)$".replace("{ws}", WS)
)
_PORTAL_MEANING = {"标题": "title", "发文机关": "issuer", "发布机构": "issuer", "发文字号": "identifier",
                   "文号": "identifier", "成文日期": "issued", "发布日期": "issued"}
_LABELLED_TITLE = re.compile(r"^(?P<label>[^：:《》“”]{2,30})[：:](?P<title>(?:[^：:]{0,40}?)关于[^：:]{4,})$")
_STAMP = re.compile(r"^[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}[ \t\u3000]*")
_SIGNER = re.compile(rf"^(?:签发人|签发|领导署名|审核人|核稿人)[{WS}]*[：:][{WS}]*[\u4e00-\u9fff·{WS}]{{2,12}}$")
_MAX_TITLE_LINES = 3
_HEADER_LINES = 15  # a header never runs longer than this many lines
# （2031年3月1日市政府第9次常务会议通过）: a dated note under the title, not the date of issue.
_HEADER_NOTE = re.compile(r"^[（(][^（）()]*?[0-9０-９〇○零一二三四五六七八九]{4}\s*年[^（）()]*?\S[）)]$")
_LIST_ITEM = re.compile(r"^[0-9０-９]{1,2}[.．、]")


@dataclass(frozen=True, slots=True)
class FrontLine:
    """One line of front or back matter: what it is, where it is, and the value it gives."""

    kind: str  # title | identifier | addressees | issuer | date | note | annex-list | colophon | banner | portal
    span: Span
    value: str = ""


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """What the document says about itself outside its body (all values as the text states them)."""

    lines: tuple[FrontLine, ...] = ()
    title: str = ""
    identifier: str = ""
    issuer: str = ""  # the signature; joint issuers joined with 、
    addressees: str = ""
    issued: str = ""  # ISO date of the first dated signature (or the header's date)
    header_end: int = 0  # end of the last header line at the top; 0 when there is none
    spans: tuple[Span, ...] = field(default=())
    issuers: tuple[str, ...] = ()  # every issuing body (joint issuers apart)
    # A notice that issues or forwards a text (关于印发/转发…的通知) or an order (国务院令): where the notice's own
    # body ends (its signature), where the issued text's header (附件, title, note, addressee) starts and ends.
    notice_end: int = 0
    issued_start: int = 0
    issued_body_start: int = 0
    issued_text_title: str = ""
    order: bool = False  # an order (…令 / 第N号): the issued text is the document's title

    def of_kind(self, kind: str) -> list[FrontLine]:
        return [line for line in self.lines if line.kind == kind]


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    text: str


def _lines(source: str) -> list[_Line]:
    """Non-blank lines with their stripped ``[start, end)``; a web page's stray ``&sp;`` counts as spaces."""
    source = source.replace("&sp;", "    ")  # same length: every offset holds
    out: list[_Line] = []
    for m in re.finditer(r"[^\r\n]+", source):
        raw = m.group()
        text = raw.strip(WS)
        if text:
            start = m.start() + len(raw) - len(raw.lstrip(WS))
            out.append(_Line(start, start + len(text), text))
    return out


def _issuer_names(lines: list[_Line]) -> str:
    """The bodies a signature names (an officer's name under an order is no body)."""
    names = [n for line in lines if not OFFICER_SIGNATURE.match(line.text)
             for n in re.split(rf"[{WS}]+", line.text.replace("&sp;", "")) if n]
    return "、".join(dict.fromkeys(names))


def _header(lines: list[_Line]) -> tuple[list[FrontLine], int]:
    """Front lines at the top (title, number, banner, portal fields, date, addressees) and how many lines they take."""
    found: list[FrontLine] = []
    title_lines = 0
    i = 0
    page_lines = 0  # a web page's furniture and info table do not count against the header's length
    while i < min(len(lines), _HEADER_LINES + page_lines):
        line = lines[i]
        span = Span(line.start, line.end)
        fields = portal_fields(line.text)
        portal = None if fields else _PORTAL_FIELD.match(line.text)
        split = split_number_title(line.text)
        if is_chrome(line.text):
            found.append(FrontLine("chrome", span, line.text))
            page_lines += 1
        elif fields:
            taken = _portal_lines(fields, lines, i, span)
            found.extend(taken[0])
            page_lines += taken[1]
            i += taken[1] - 1
        elif _SIGNER.match(line.text):
            found.append(FrontLine("portal:other", span, line.text))  # 签发人：某某 by the number of an answer
            page_lines += 1
        elif portal:
            key = re.sub(rf"[{WS}]", "", portal.group("key"))
            found.append(FrontLine("portal:" + _PORTAL_MEANING.get(key, "other"), span, portal.group("value").strip()))
        elif split and title_lines == 0:
            found.append(FrontLine("identifier", span, split[0]))
            found.append(FrontLine("title", span, split[1]))
            title_lines += 1
        elif identifier_of(line.text) or identifier_of(line.text.strip("（）()")) or identifier_of(
                _STAMP.sub("", line.text)):
            # （兴署发〔2019〕1号） alone under the title, as a gazette prints it; 2004-6-23酒政发〔2004〕89号 after a
            # reprint's date stamp
            found.append(FrontLine("identifier", span, identifier_of(line.text) or identifier_of(line.text.strip("（）()"))
                                   or identifier_of(_STAMP.sub("", line.text))))
        elif ORDER_NUMBER.match(line.text) and found and found[-1].kind == "title" and found[-1].value.endswith("令"):
            # 中华人民共和国国务院令 / 第706号: an order's heading and its number, not a title
            order = found.pop()
            found.append(FrontLine("order", order.span, order.value))
            number = re.sub(rf"[{WS}]", "", line.text)
            found.append(FrontLine("identifier", span, order.value.removeprefix("中华人民共和国") + number))
            title_lines -= 1
        elif is_addressee_line(line.text) or (
                any(f.kind in ("identifier", "title") for f in found) and is_named_addressee(line.text)):
            found.append(FrontLine("addressees", span, line.text[:-1].strip(WS)))
            return found, i + 1
        elif DATE_LINE.match(line.text) and not DATE_LINE.match(line.text).group("sig") and date_of(line.text):
            found.append(FrontLine("date", span, date_of(line.text).isoformat()))  # type: ignore[union-attr]
        elif (title_lines and i + 1 < len(lines) and not _SPEECH_DATE.match(line.text)
              and _speech_date_split(line.text, lines[i + 1].text)):
            # ——2024年12月30日在某区第十六届 / 人民代表大会第五次会议上: the same line broken in two, as pages print it
            found.append(FrontLine("date", Span(line.start, lines[i + 1].end),
                                   _speech_date_split(line.text, lines[i + 1].text)))
            i += 1
        elif title_lines and _SPEECH_DATE.match(line.text) and date_of(_SPEECH_DATE.match(line.text).group("date")):
            # ——2019年1月8日在区第十六届人民代表大会第三次会议上: a report or speech is issued the day it is given
            found.append(FrontLine("date", span, date_of(  # type: ignore[union-attr]
                _SPEECH_DATE.match(line.text).group("date")).isoformat()))  # type: ignore[union-attr]
        elif found and found[-1].kind == "date" and title_lines and _SPEAKER.match(line.text):
            # 县人民政府代理县长 周登高 under a report's speech-date line: who gives it, no part of the body
            found.append(FrontLine("note", span, line.text))
        elif any(f.kind == "date" for f in found) and title_lines and _SALUTATION.match(line.text):
            # 各位代表： opening a report given at a meeting: whom it is addressed to
            found.append(FrontLine("addressees", span, line.text[:-1].strip(WS)))
            return found, i + 1
        elif _HEADER_NOTE.match(line.text):
            found.append(FrontLine("note", span, line.text))
        elif (re.fullmatch(r"[\u4e00-\u9fff]{2,24}文件", line.text) and title_lines == 0
              and i + 1 < len(lines) and (identifier_of(lines[i + 1].text) or _ORGAN_BANNER.fullmatch(line.text))):
            organ = line.text[:-2]  # 行政公署文件 names no body of its own: the title's issuer is the issuer
            found.append(FrontLine("banner", span, "" if organ in _GENERIC_ORGANS else organ))
        elif (title_lines and _complete_title(found) and is_signature_line(line.text) and i + 1 < len(lines)
              and (identifier_of(lines[i + 1].text) or _title_again(found, lines[i + 1].text))):
            # 安徽省淮南市人民政府 between a reprint's title and the title again (or the number): the issuer it prints
            found.append(FrontLine("banner", span, line.text))
        elif is_title_line(line.text) and _title_again(found, line.text):
            found.append(FrontLine("title-again", span, line.text))  # a page prints its heading twice
            page_lines += 1
        elif is_title_line(line.text) and _closed_title(found) and not line.text.startswith(("的", "之", "（", "(")):
            if len(line.text) > 10 or not any(f.kind == "chrome" for f in found):
                break
            found.append(FrontLine("chrome", span, line.text))  # 综合政务: an info table's value without its label
            page_lines += 1
        elif (is_title_line(line.text) and title_lines and found[-1].kind == "chrome" and not _complete_title(found)
              and genre_of(line.text) and ("关于" in line.text or ISSUING_TITLE.search(line.text))):
            # 全国站 / 发布免费法律咨询 / 网站首页 法律咨询 … above the breadcrumb: the site's words, the title is below it
            found = [FrontLine("chrome", f.span, f.value) if f.kind == "title" else f for f in found]
            found.append(FrontLine("title", span, bracketed_title(line.text)))
            title_lines = 1
        elif is_title_line(line.text) and title_lines < _MAX_TITLE_LINES and _title_may_continue(found) and not (
                _complete_title(found) and is_signature_line(line.text)):
            if _site_name(found):  # 某县人民政府 / 首页 >> …: the site's name above its furniture was no title
                found = [FrontLine("chrome", f.span, f.value) if f.kind == "title" else f for f in found]
                title_lines = 0
            found.append(FrontLine("title", span, bracketed_title(line.text)))
            title_lines += 1
        else:
            break
        i += 1
    return found, i


def _title_may_continue(found: list[FrontLine]) -> bool:
    """Title lines are consecutive: none after a number or date has followed an earlier title line (a web page's
    furniture and info table between them do not count)."""
    kinds = [f.kind for f in found if f.kind != "chrome" and not f.kind.startswith("portal:")]
    return "title" not in kinds or kinds[-1] == "title"


def _plain(text: str) -> str:
    return re.sub(rf"[{WS}《》〈〉<>]", "", text)


def _title_again(found: list[FrontLine], line: str) -> bool:
    """The line repeats (a part of) the title already read: a portal prints the heading above its info table and
    again above the text, often split over lines or after the number."""
    title = _plain("".join(f.value for f in found if f.kind == "title"))
    line = _plain(bracketed_title(line))
    return len(line) >= 4 and bool(title) and line in title and not (
        found and found[-1].kind == "title" and not _complete_title(found))


def _site_name(found: list[FrontLine]) -> bool:
    """The title lines so far are only a body's name, and page furniture came after them (a site's banner)."""
    titles = [f for f in found if f.kind == "title"]
    if not titles or found[-1].kind != "chrome":
        return False
    return all(is_signature_line(f.value) for f in titles)


_GENERIC_ORGANS = frozenset({"人民政府", "政府", "行政公署", "办公厅", "办公室", "委员会", "政府办公室", "政府办公厅"})
_ORGAN_BANNER = re.compile(r"[\u4e00-\u9fff]{0,20}(?:人民政府|政府|行政公署|办公厅|办公室|委员会)文件")
_CLOSED = re.compile(r"的(?:通知|意见|决定|批复|复函|函|通报|通告|公告|报告|请示|答复)$")


def _closed_title(found: list[FrontLine]) -> bool:
    """The title read so far ends as a notice's or an opinion's title does (…的通知): nothing but a note continues it."""
    title = "".join(f.value for f in found if f.kind == "title")
    return bool(title) and bool(_CLOSED.search(title))


def _complete_title(found: list[FrontLine]) -> bool:
    """The title lines so far end in a genre word (…管理规定, …的通知): a body's name alone on the next line is the
    issuer a reprint prints under the title, not more of it."""
    titles = [f.value for f in found if f.kind == "title"]
    return bool(titles) and bool(genre_of(titles[-1]))


def _portal_lines(fields: list[tuple[str, str]], lines: list[_Line], i: int,
                  span: Span) -> tuple[list[FrontLine], int]:
    """The portal fields of line ``i`` (a field whose value is on the next line takes it) and how many lines
    they use."""
    out: list[FrontLine] = []
    used = 1
    for name, value in fields:
        if not value and len(fields) == 1 and i + 1 < len(lines) and not portal_fields(lines[i + 1].text) \
                and not is_chrome(lines[i + 1].text):
            value = lines[i + 1].text
            span = Span(span.start, lines[i + 1].end)
            used = 2
        if name == "identifier":
            value = re.sub(rf"[{WS}]", "", value)  # 江政办〔2020〕2 号
        if name == "issuer" and (not BODY_END.search(value) or len(value) < 5):  # 政府办: no name of its own
            name = "other"  # 县政府网站: the page's publisher, no issuing body
        if name == "identifier" and not identifier_of(value):
            name = "other"
        out.append(FrontLine("portal:" + name, span, value))
    return out, used


def _signature_blocks(lines: list[_Line], start: int) -> list[FrontLine]:
    """Dated signature blocks (signature lines, the date, notes under it) from line ``start`` on."""
    found: list[FrontLine] = []
    used: set[int] = set()
    for j in range(start, len(lines)):
        m = DATE_LINE.match(lines[j].text)
        if not m or date_of(m.group("date")) is None:
            continue
        same_line_sig = m.group("sig").strip(WS)
        if same_line_sig and not is_signature_line(same_line_sig):
            continue
        sig: list[int] = []
        notes = []
        k = j - 1
        # 牟定县人民政府办公室 / （此件公开发布） / 2017年6月23日: the note may stand between the signature and the date
        while k > start and k not in used and _NOTE.match(lines[k].text) and is_signature_line(lines[k - 1].text):
            notes.append(k)
            k -= 1
        while k >= start and k not in used and len(sig) < 4 and is_signature_line(lines[k].text):
            sig.insert(0, k)
            k -= 1
        n = j + 1
        while n < len(lines) and _NOTE.match(lines[n].text):
            notes.append(n)
            n += 1
        last = j == len(lines) - 1 or (notes and notes[-1] == len(lines) - 1)
        after = lines[n].text if n < len(lines) else ""
        # a date alone under the notice's last sentence, the issued text's title (or its drafters) below it
        closes = (not same_line_sig and j > start and bool(_SENTENCE_END.search(lines[j - 1].text))
                  and bool(after) and (is_title_line(after) or is_signature_line(after)))
        if not (sig or same_line_sig or notes or last or closes or after.startswith("附") or _COLOPHON.match(after)):
            continue
        sig_lines = [lines[k] for k in sig]
        if same_line_sig:
            sig_lines.append(_Line(lines[j].start, lines[j].start + len(same_line_sig), same_line_sig))
        for k in sig:
            found.append(FrontLine("issuer", Span(lines[k].start, lines[k].end), lines[k].text))
        issued = date_of(m.group("date")).isoformat()  # type: ignore[union-attr]
        found.append(FrontLine("date", Span(lines[j].start, lines[j].end), issued))
        if sig_lines:
            found.append(FrontLine("signature", Span(sig_lines[0].start, sig_lines[-1].end), _issuer_names(sig_lines)))
        for n in notes:
            found.append(FrontLine("note", Span(lines[n].start, lines[n].end), lines[n].text))
        used.update([*sig, j, *notes])
    return found


# The heading that opens the annexes at the end: 附件 / 附件1 / 附件一： alone on its line.
_ANNEX_HEAD = re.compile(r"^附\s*件\s*[0-9０-９一二三四五六七八九十]{0,3}\s*[：:]?$")
_SENTENCE_END = re.compile(r"[。；;！!？?”」）)]$")


def _undated_signature(lines: list[_Line], start: int) -> list[FrontLine]:
    """A signature with no date under it (a portal prints the date in its own field): the issuers' names alone
    on the last lines of the body (before the annexes, notes and colophon), below a finished sentence."""
    end = len(lines)
    while end > start and (_NOTE.match(lines[end - 1].text) or _COLOPHON.match(lines[end - 1].text)):
        end -= 1
    head = next((i for i in range(start, end) if _ANNEX_HEAD.match(lines[i].text)), None)
    if head is not None:
        end = head
    sig = end
    while sig > start and end - sig < 4 and is_signature_line(lines[sig - 1].text):
        sig -= 1
    if sig == end or sig == start or not _SENTENCE_END.search(lines[sig - 1].text):
        return []
    block = lines[sig:end]
    return [*(FrontLine("issuer", Span(line.start, line.end), line.text) for line in block),
            FrontLine("signature", Span(block[0].start, block[-1].end), _issuer_names(block))]


def _annex_list(lines: list[_Line], start: int, signature_starts: list[int]) -> list[FrontLine]:
    """附件：1.… / 2.… above a signature block: the list of annexes, not the annexes."""
    found: list[FrontLine] = []
    for i in range(start, len(lines)):
        if not ANNEX_LIST.match(lines[i].text):
            continue
        following = [s for s in signature_starts if s > lines[i].start]
        if not following:
            # No signature below: a list only when it is numbered (附件：1.… / 2.…), and only as far as it runs.
            if not _LIST_ITEM.match(ANNEX_LIST.sub("", lines[i].text).strip(WS)):
                continue
            j = i
            while j + 1 < len(lines) and _LIST_ITEM.match(lines[j + 1].text) and is_title_line(
                    _LIST_ITEM.sub("", lines[j + 1].text)):
                j += 1
            found.append(FrontLine("annex-list", Span(lines[i].start, lines[j].end), lines[i].text))
            continue
        j = i
        while j + 1 < len(lines) and lines[j + 1].start < following[0] and (
            _LIST_ITEM.match(lines[j + 1].text) or is_title_line(lines[j + 1].text)
        ):
            j += 1
        if j + 1 < len(lines) and lines[j + 1].start < following[0]:
            continue  # prose between the list and the signature: not a list of annexes
        found.append(FrontLine("annex-list", Span(lines[i].start, lines[j].end), lines[i].text))
    return found


def read_front_matter(source: str) -> FrontMatter:
    """The front and back matter of ``source``: header lines at the top, signature blocks, notes and colophon."""
    lines = _lines(source)
    header, n = _header(lines)
    found = list(header)
    found += _signature_blocks(lines, n) or _undated_signature(lines, n)
    found += _issued_text(source, lines, n, header, found)
    signature_starts = [f.span.start for f in found if f.kind in ("issuer", "date") and f.span.start >= (
        lines[n].start if n < len(lines) else len(source))]
    found += _annex_list(lines, n, signature_starts)
    found += [FrontLine("note", Span(line.start, line.end), line.text) for line in lines[n:] if _NOTE.match(line.text)]
    found += [FrontLine("colophon", Span(line.start, line.end), line.text) for line in lines[n:]
              if _COLOPHON.match(line.text)]
    found += _trailing_chrome(lines, n)
    found = sorted({(f.span.start, f.span.end, f.kind): f for f in found}.values(), key=lambda f: f.span.start)

    def first(*kinds: str) -> str:
        return next((f.value for f in found if f.kind in kinds and f.value), "")

    # A portal may print the title twice; each line counts once.
    title_lines = list(dict.fromkeys(f.value for f in found if f.kind == "title"))
    # a page's heading cut short (关于印发《中共某区区委、某区人民) above the full title that starts with it
    title_lines = [t for i, t in enumerate(title_lines)
                   if not (len(t) >= 8 and any(u.startswith(t) and len(u) > len(t) for u in title_lines[i + 1:]))]
    title = join_title(title_lines) or first("portal:title")
    # 北京：关于印发《…》的通知 / 某区高新技术企业奖励政策：关于…的若干政策意见: a reprint's label before the title
    labelled = _LABELLED_TITLE.match(title)
    if labelled and genre_of(labelled.group("title")) and (
            labelled.group("title").startswith("关于") or not genre_of(labelled.group("label"))):
        title = labelled.group("title")
    identifier = first("identifier", "portal:identifier")
    issuer = first("signature") or first("portal:issuer", "banner")  # the signature before a page's info table
    issued = first("date")
    if not issued and (first("portal:issued") or first("portal:published")):
        d = portal_date(first("portal:issued") or first("portal:published"))
        issued = d.isoformat() if d else ""
    # The issuer's name lines are covered by the signature line already.
    header_end = header[-1].span.end if header else 0
    issued_lines = [f for f in found if f.kind.startswith("issued-")]
    if issued_lines and issued_lines[-1].kind == "issued-note":
        # the dated history note under an issued text's title ends its header: the text's preamble (序言), as a
        # regulation's own note is (（…常务会议修订通过）)
        issued_lines = [f for f in issued_lines if f.kind != "issued-note"]
        found = [f for f in found if f.kind != "issued-note"]
    spans = _merge([f.span for f in found if f.kind != "signature"])
    issued_title = join_title([f.value for f in issued_lines if f.kind == "issued-title"]) or next(
        (f.value for f in issued_lines if f.kind == "issued-start"), "")
    order = next((f.value for f in found if f.kind == "order"), "")
    issuers = _issuers(found, title, order)
    if issuers and not issuer:  # an order's organ, or the bodies the title opens with where nothing is signed
        issuer = "、".join(issuers)
    notice_end = 0
    if issued_lines:
        own = [f.span.start for f in found if f.kind in ("issuer", "date", "signature", "note", "annex-list")
               and header_end <= f.span.start < issued_lines[0].span.start]
        notice_end = min(own) if own else issued_lines[0].span.start
    return FrontMatter(
        tuple(found), title, identifier, issuer, first("addressees"), issued, header_end, spans, issuers,
        notice_end, issued_lines[0].span.start if issued_lines else 0,
        issued_lines[-1].span.end if issued_lines else 0, issued_title, bool(order))


_PAGE_TAIL = re.compile(r"^(?:[0-9]+条评论|网友评论.*|暂无(?:网友)?评论|发表评论|验证码[：:].*|\*?正文[：:]|【?(?:打印|关闭|收藏)】?"
                        r"|(?:上一篇|下一篇|上一条|下一条)[：:].*"
                        # the page's footer and its links to readings of the text
                        r"|.*(?:网站标识码|ICP备|公网安备|版权所有|主办单位[：:]|技术支持[：:]).*|主办[：:].*"
                        # the site's own links in a row (网站地图 | 联系我们 | 隐私声明) and its address with the postcode
                        r"|(?=.*(?:网站地图|联系我们|隐私声明|免责声明|使用帮助))[\u4e00-\u9fff]{2,8}(?:\s*[|｜丨]\s*[\u4e00-\u9fff]{2,8})+"
                        r"|(?:单位地址|通讯地址|联系地址|地址)[：:].{2,60}?(?:邮编|邮政编码)[：:]?\s*[0-9]{6}"
                        r"|【?(?:相关解读|政策解读|相关链接|相关文件|图片解读|图解|文字解读)】?(?:[：:].*)?"
                        # the page's download links: 附件下载： / a file's name
                        r"|(?:附件下载|相关附件|下载附件|附件列表)[：:]?|.{1,120}\.(?:pdf|docx?|xlsx?|wps|et|ofd|zip|rar)"
                        r"(?:[（(][0-9.]+\s*[KMG]?B[）)])?)$", re.IGNORECASE)


def _trailing_chrome(lines: list[_Line], n: int) -> list[FrontLine]:
    """The page's furniture under the text (扫一扫在手机打开当前页, 打印本页 关闭窗口, a comment box): no body text."""
    found: list[FrontLine] = []
    for line in reversed(lines[n:]):
        if not (is_chrome(line.text) or _PAGE_TAIL.match(line.text)):
            break
        found.append(FrontLine("chrome", Span(line.start, line.end), line.text))
    return found


def _issued_text(source: str, lines: list[_Line], n: int, header: list[FrontLine],
                 found: list[FrontLine]) -> list[FrontLine]:
    """The header lines of the text a notice issues or forwards (or an order promulgates), placed after the notice's
    own dated signature; [] when the document issues no text."""
    own_date = next((f for f in found if f.kind == "date" and n < len(lines) and f.span.start >= lines[n].start), None)
    title = "".join(f.value for f in header if f.kind == "title")
    order = any(f.kind == "order" for f in header)
    if own_date is None:
        return _undated_issued_text(lines, n) if ISSUING_TITLE.search(title) else []
    notice_body = source[lines[n].start if n < len(lines) else 0 : own_date.span.start]
    if not (order or ISSUING_TITLE.search(title) or _ISSUING_BODY.search(notice_body)):
        return []
    j = next(i for i, line in enumerate(lines) if line.start == own_date.span.start) + 1
    while j < len(lines) and (_NOTE.match(lines[j].text) or _COLOPHON.match(lines[j].text)):
        j += 1
    header = _issued_header(lines, j)
    if header or j >= len(lines) or not (order or _PROMULGATES.search(notice_body)):
        return header
    # 《X》已经…通过，现予公布 signed by the officer, the text's articles straight under it: X starts there
    named = re.search(r"《([^》]{2,80})》", notice_body)
    name = re.sub(rf"[{WS}]", "", named.group(1)) if named else ""
    return [FrontLine("issued-start", Span(lines[j].start, lines[j].start), name)]


_PROMULGATES = re.compile(r"现予(?:公布|发布)")
_CUE_LINES = 3  # the notice's words come first: its cue (现将…印发给你们) is among its first lines


def _undated_issued_text(lines: list[_Line], n: int) -> list[FrontLine]:
    """A notice with no dated signature (a portal prints the date apart) that issues a text: its own words end with
    the line that says so (现将《X》印发给你们…); the text follows, under its own title or straight away (then a
    zero-length ``issued-start`` line marks where, its value the 《X》 the cue names)."""
    for c in range(n, min(len(lines), n + _CUE_LINES)):
        cue = _ISSUING_BODY.search(lines[c].text)
        if not cue:
            continue
        if c + 1 >= len(lines):
            return []
        header = _issued_header(lines, c + 1)
        if header:
            return header
        # the 《X》 the cue names: the last one before it, when X is the whole name (《X》已经…同意，现印发; not
        # 《政府工作报告》重点工作分工…印发: the text issued is the 分工, named after X)
        names = [m for m in re.finditer(r"《([^》]{2,80})》", lines[c].text[:cue.end()])]
        named = names[-1] if names and re.match(r"[，,、\s]*(?:已经|已|经|现|印发|转发|$)",
                                                 lines[c].text[names[-1].end():]) else None
        start = lines[c + 1].start
        return [FrontLine("issued-start", Span(start, start), re.sub(rf"[{WS}]", "", named.group(1)) if named else "")]
    return []


def _issuers(found: list[FrontLine], title: str, order: str) -> tuple[str, ...]:
    """The issuing bodies: the notice's own signature (joint issuers apart), else the bodies the title opens with
    (国务院办公厅、中央军委办公厅关于…), else an order's organ (中华人民共和国国务院令 → 国务院)."""
    if order:
        return (order.removeprefix("中华人民共和国").removesuffix("令"),)
    signature = next((f.value for f in found if f.kind == "signature" and f.value), "")
    if signature:
        return tuple(n for n in signature.split("、") if n)
    portal = next((f.value for f in found if f.kind in ("portal:issuer", "banner") and f.value), "")
    if portal:
        return tuple(n for n in re.split(rf"[、，,{WS}]+", portal) if n)
    return issuers_of_title(title)


def issuers_of_title(title: str) -> tuple[str, ...]:
    """国务院办公厅、中央军委办公厅关于… → (国务院办公厅, 中央军委办公厅); () when the title names no issuer first."""
    m = re.match(r"^(.{2,60}?)(?:关于|对|印发|转发|批转)", title)
    if not m:
        return ()
    names = [n for n in re.split(rf"[、，,{WS}]+", m.group(1)) if n]
    return tuple(names) if names and all(BODY_END.search(n) for n in names) else ()


_ISSUING_BODY = re.compile(r"现将《[^》]{2,80}》[^。]{0,20}(?:印发|转发|发布|颁发)|(?:印发|转发)给你们|现予(?:公布|发布|印发)")
_NOTE_OPEN = re.compile(r"^[（(][^（）()]{4,60}$")
_NOTE_CLOSE = re.compile(r"^[^（）()]{1,60}[）)]$")


def _issued_header(lines: list[_Line], start: int) -> list[FrontLine]:
    """The header of a text that follows a notice's signature: 附件, its title (one to three lines), dated notes
    under it (one or two lines), its own addressee line (国务院：); [] when no title line opens it."""
    found: list[FrontLine] = []
    i = start
    if i < len(lines) and _ANNEX_HEAD.match(lines[i].text):
        found.append(FrontLine("issued-annex", Span(lines[i].start, lines[i].end), lines[i].text))
        i += 1
    # the bodies that drafted a forwarded text, one a line above its title (沧州市发展改革委 / 沧州市邮政局 / …)
    k = i
    while k < len(lines) and k - i < 12 and is_signature_line(lines[k].text) and not genre_of(lines[k].text):
        k += 1
    if k - i >= 2 and k < len(lines) and is_title_line(lines[k].text) and genre_of(lines[k].text):
        found += [FrontLine("issued-issuer", Span(lines[x].start, lines[x].end), lines[x].text) for x in range(i, k)]
        i = k
    titles = 0
    while i < len(lines) and titles < _MAX_TITLE_LINES and is_title_line(lines[i].text) and not _NOTE_OPEN.match(
            lines[i].text) and not _HEADER_NOTE.match(lines[i].text):
        found.append(FrontLine("issued-title", Span(lines[i].start, lines[i].end), lines[i].text))
        titles += 1
        i += 1
    if not titles or i >= len(lines):
        return []
    while i < len(lines):
        text = lines[i].text
        if _HEADER_NOTE.match(text) or _NOTE.match(text):
            found.append(FrontLine("issued-note", Span(lines[i].start, lines[i].end), text))
            i += 1
        elif i + 1 < len(lines) and _NOTE_OPEN.match(text) and _NOTE_CLOSE.match(lines[i + 1].text) and \
                _HEADER_NOTE.match(text + lines[i + 1].text):
            found.append(FrontLine("issued-note", Span(lines[i].start, lines[i + 1].end), text + lines[i + 1].text))
            i += 2
        else:
            break
    if i < len(lines) and (is_addressee_line(lines[i].text) or is_named_addressee(lines[i].text)):
        found.append(FrontLine("issued-addressees", Span(lines[i].start, lines[i].end), lines[i].text[:-1]))
        i += 1
    return found if i < len(lines) else []


def _merge(spans: list[Span]) -> tuple[Span, ...]:
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if out and span.start <= out[-1].end:
            out[-1] = Span(out[-1].start, max(out[-1].end, span.end))
        else:
            out.append(span)
    return tuple(out)


def mask(text: str, spans: tuple[Span, ...] | list[Span]) -> str:
    """``text`` with each character of ``spans`` replaced by a space (same length, so every offset holds)."""
    if not spans:
        return text
    chars = list(text)
    for span in spans:
        for i in range(span.start, min(span.end, len(chars))):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)
