"""What one line at the top or bottom of a Chinese official document is: a title line, the document's own number
(国发〔2018〕42号), a date (二〇二四年三月十五日), addressees (各区人民政府，市政府各委、办、局：), a signature.

Each classifier looks at one line alone; ``ingest.frontmatter`` puts them together into the blocks of a header
and a signature. The patterns both need (whitespace, dates, the end of a body's name) are public here.
"""

from __future__ import annotations

import re
from datetime import date

__all__ = [
    "ANNEX_LIST",
    "BODY_END",
    "DATE",
    "DATE_LINE",
    "DOC_NUMBER_LINE",
    "ISSUING_TITLE",
    "OFFICER_SIGNATURE",
    "ORDER_NUMBER",
    "WS",
    "date_of",
    "identifier_of",
    "is_addressee_line",
    "is_named_addressee",
    "is_signature_line",
    "is_title_line",
    "join_title",
]


WS = " \t\xa0\u3000"
# The whole line is a document number: 国发〔2018〕42号, 沪经信规[2024]3号, 申府办发（2024）6号, 国务院令第708号.
DOC_NUMBER_LINE = re.compile(
    # (a page may drop the closing 号: 咸安政发〔2019〕1 alone on its line)
    r"^(?P<no>[\u4e00-\u9fff]{1,12}\s*[〔\[［(（﹝【〖]\s*[0-9]{4}\s*[〕\]］)）﹞】〗]\s*第?\s*[0-9]+\s*号?"
    r"|[\u4e00-\u9fff]{1,16}令\s*第\s*[0-9]+\s*号)$"
)
_HAN_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "o": 0, "ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
               "六": 6, "七": 7, "八": 8, "九": 9}
_NUM = r"[0-9０-９]{1,4}|[〇○零ＯOoｏ一二三四五六七八九十]{1,4}"
DATE = re.compile(rf"(?P<y>{_NUM})\s*年\s*(?P<m>{_NUM})\s*月\s*(?P<d>{_NUM})\s*日")
# A date line: the date alone, in brackets, or after a signature on the same line.
DATE_LINE = re.compile(rf"^(?P<sig>.*?)[{WS}]*[（(]?(?P<date>{DATE.pattern})[）)]?$")
_STOPS = re.compile(r"[。；;！!？?]")
# A label opening a numbered unit (a title never starts with one).
_LABEL_START = re.compile(
    r"^(?:第[一二三四五六七八九十百零〇0-9]+(?:[章节条篇]|部分)|[一二三四五六七八九十]+[ \u3000]?[、．]|[（(][一二三四五六七八九十0-9０-９]+[）)]"
    r"|[0-9０-９]{1,2}[）)]"
    r"|[0-9０-９]{1,3}[.．、](?![0-9])|[①-⑳]|--|——"
    # a decimal outline's heading: 1 总则 / 1.1 编制目的 / 2.1市应急指挥部 (ingest.numbering)
    rf"|[0-9０-９]{{1,2}}[{WS}]+(?=[\u4e00-\u9fff])|[0-9０-９]{{1,2}}(?:[.．][0-9０-９]{{1,2}}){{1,2}}[{WS}]*(?=[\u4e00-\u9fff])"
    # a table of contents' heading
    rf"|目[{WS}]*[录錄][{WS}]*[：:]?$)"
)
_GENRE = re.compile(r"(?:意见|通知|方案|计划|办法|规定|细则|决定|措施|规划|纲要|要点|批复|通告|公告|指引|指南|条例|"
                    r"规则|函|清单|目录|[）)])$")
_MAX_TITLE_LINE = 70
_JOINT_TITLE = re.compile(r"^(?:[\u4e00-\u9fff（）()]{2,30}(?:[、，,]|[ \t\xa0\u3000]+)){2,}[\u4e00-\u9fff（）()]{2,30}"
                          r"[ \t\xa0\u3000]*关于[^。；;]{2,}的(?:通知|意见|决定|通告|公告|通报|函)$")
_MAX_ADDRESSEES = 200  # a line naming every province and military region runs past 120 characters
# The last word of a body's name in a signature: 国务院, 上海市人民政府, 市经济信息化委, 某某区发展改革委 …
BODY_END = re.compile(r"(?:国务院|政府|委员会|委|办公厅|办公室|办|局|厅|部|署|院|中心|会|行|小组|公司|党委|中央|处|司|"
                       r"管委会|事处|镇|乡|街道)$")
_ADDRESSEE_PART_END = re.compile(r"(?:政府|委|办|局|厅|部|署|院|中心|会|行|部门|部委|单位|机构|企业|公司|街道|镇|乡|"
                                 r"开发区|新区|新港区|管理区|园区|示范区|试验区|功能区|高新区|保税区|合作区|"
                                 r"管委会|处|室|组|团体|学校|高校|医院|园区|协会)$")
# 附件：1.… and 附件1.… (the first annex's title run onto the label, the next ones as 2.… lines below it)
ANNEX_LIST = re.compile(r"^附\s*件(?:[：:]|\s*1\s*[.．、](?=\S))")


def _numeral(text: str) -> int:
    """0-9999 written in ASCII, full-width or Chinese digits (二〇二四, 十二, 二十五)."""
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, units = text.partition("十")
        return (_HAN_DIGITS[tens] if tens else 1) * 10 + (_HAN_DIGITS[units] if units else 0)
    value = 0
    for ch in text:
        value = value * 10 + _HAN_DIGITS[ch]
    return value


def date_of(line: str) -> date | None:
    """The date a date line states (2024年3月15日, 二〇二四年三月十五日, （2018年9月18日）), else None."""
    m = DATE.search(line)
    if not m:
        return None
    try:
        return date(_numeral(m.group("y")), _numeral(m.group("m")), _numeral(m.group("d")))
    except (KeyError, ValueError):
        return None


def identifier_of(line: str) -> str:
    """The document number when the whole line is one (国发〔2018〕42号), spaces removed; else ""."""
    m = DOC_NUMBER_LINE.match(line.strip(WS))
    return re.sub(rf"[{WS}]", "", m.group("no")) if m else ""


def is_title_line(line: str) -> bool:
    """A line that can be (part of) a title: short, no sentence stop or colon, not a numbered label."""
    line = line.strip(WS)
    # a title naming several joint issuers runs longer: A局 B委 C局 关于印发…的通知
    long_joint = len(line) <= 2 * _MAX_TITLE_LINE and bool(_JOINT_TITLE.search(line))
    if not line or (len(line) > _MAX_TITLE_LINE and not long_joint) or _STOPS.search(line) or line[-1] in "：:，,、":
        return False
    if _LABEL_START.match(line) or identifier_of(line) or DATE_LINE.match(line) or ANNEX_LIST.match(line):
        return False
    if line.count("\t") >= 2 or re.match(rf"^序[{WS}]*号[{WS}]", line):
        return False  # a table's header row (序号 项目名称 责任单位 …)
    # A comma inside a title is rare; allow it only when the line ends like a document's name.
    return not re.search(r"[，,]", line) or bool(_GENRE.search(line))


def is_addressee_line(line: str) -> bool:
    """各区人民政府，市政府各委、办、局： / 各省、自治区、直辖市人民政府，国务院各部委、各直属机构：; a semicolon may
    separate the groups (各市、区人民政府，苏州工业园区、苏州高新区管委会；市各委办局，各直属单位：)."""
    line = line.strip(WS)
    if not line.endswith(("：", ":")) or len(line) > _MAX_ADDRESSEES or re.search(r"[。！!？?]", line):
        return False
    # 各区（市）县政府（管委会）: a bracketed note after a name does not end it
    parts = [re.sub(r"[（(][^（）()]*[）)]$", "", p.strip(WS)) for p in re.split(r"[，,；;]", line[:-1]) if p.strip(WS)]
    if not parts or "各" not in line and "有关" not in line:
        return False
    return all(_ADDRESSEE_PART_END.search(p) for p in parts)


# An order is signed by an officer: 总理  李克强 / 省长 某某某.
OFFICER_SIGNATURE = re.compile(
    rf"^(?:国务院)?(?:总理|副总理|主席|省长|市长|区长|县长|州长|旗长)(?:[{WS}]+[\u4e00-\u9fff]{{2,4}})?$")
ORDER_NUMBER = re.compile(rf"^第[{WS}]*[0-9０-９]+[{WS}]*号$")
# The last word of a person or body a reply or an answer is addressed to: 邓明义代表： / 武警总部： / 国务院：
_NAMED_ADDRESSEE_END = re.compile(r"(?:代表|委员|主席|同志|先生|女士|总部|国务院|兵团|军区)$")


def is_named_addressee(line: str) -> bool:
    """A short salutation under a reply's or an answer's number: 邓明义代表： / 武警总部： / 黑龙江省人民政府，教育部：
    (no 各 needed, unlike :func:`is_addressee_line`)."""
    line = line.strip(WS)
    if not line.endswith(("：", ":")) or len(line) > _MAX_ADDRESSEES or _STOPS.search(line) or "《" in line:
        return False
    # 北京、天津…陕西省（自治区、直辖市）人民政府，沈阳、北京…广州军区 / 邓乃扬、韩汝琦委员: a 、 list shares its last word
    parts = [re.sub(r"[（(][^（）()]*[）)]$", "", p.strip(WS)) for p in re.split(r"[，,；;]", line[:-1]) if p.strip(WS)]
    return bool(parts) and all(_ADDRESSEE_PART_END.search(p) or _NAMED_ADDRESSEE_END.search(p) for p in parts)


def is_signature_line(line: str) -> bool:
    """One or more issuers' names alone on a line (国务院 / 上海市人民政府　上海市财政局), or an officer's signature
    under an order (总理  李克强)."""
    line = line.strip(WS).replace("&sp;", "").strip(WS)
    if OFFICER_SIGNATURE.match(line):
        return True
    if not line or len(line) > 80 or not re.fullmatch(rf"[\u4e00-\u9fff（）()·{WS}]+", line):
        return False
    return all(BODY_END.search(name) for name in re.split(rf"[{WS}]+", line))


# How a notice says that it issues or forwards a text.
ISSUING_TITLE = re.compile(r"(?:印发|转发|批转|颁发|颁布|发布|公布)")
_SPACED_OUT = re.compile(rf"(?:[\u4e00-\u9fff][{WS}]+){{2,}}[\u4e00-\u9fff](?![\u4e00-\u9fff])")


def join_title(parts: list[str] | tuple[str, ...]) -> str:
    """Title lines joined, the spaces of a spaced-out run dropped (几 个 问 题 的 通 知 → 几个问题的通知, 国 务 院 工
    作 规 则 → 国务院工作规则); a space between two names (河南省发展和改革委员会 河南省能源局) stays."""
    title = "".join(p.strip(WS) for p in parts)
    title = _SPACED_OUT.sub(lambda m: re.sub(rf"[{WS}]+", "", m.group()), title)
    # a page's line breaks turned into spaces (某县人民政府办公室 关于印发…发展 实施方案的通知, 印发 2020 年…): only a
    # space between two bodies' names stays
    return _STRAY_SPACE.sub(lambda m: m.group() if _between_names(title, m) else "", title)


_STRAY_SPACE = re.compile(rf"(?<=[\u4e00-\u9fff0-9])[{WS}]+(?=[\u4e00-\u9fff0-9])")


def _between_names(title: str, m: re.Match[str]) -> bool:
    before = re.split(rf"[{WS}、，,]", title[: m.start()])[-1]
    after = title[m.end():]
    return bool(BODY_END.search(before)) and not re.match(r"关于|印发|转发|批转|的|对", after)
