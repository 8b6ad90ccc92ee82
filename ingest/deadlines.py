"""Dates and periods as Chinese policy texts state them: 到2025年底, 2024年6月底前, “十四五”末, 2023年起3年内.

A *deadline* is a date the text fixes (到2025年 → 2025-12-31, 2024年6月底前 → 2024-06-30, 2020年基本建成 →
2020-12-31: a year and a verb of completion); a *period* is a
span of time stated without a fixed end (“十四五”期间, 三年内, 2012年起5年内) and is kept as written, never
turned into an invented year.  A bare year (2020年) is neither: it names a year, not a deadline.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from .hannumerals import HAN_YEAR, han_year

__all__ = [
    "DeadlineHint",
    "TimeMention",
    "covering_deadline",
    "find_deadline",
    "five_year_plan_end",
    "heading_deadline",
    "lead_deadline",
    "time_mentions",
]

_YEAR = r"(?:19|20)[0-9]{2}"
_CN_COUNT = r"(?:[0-9]{1,2}|[一二三四五六七八九十两]{1,3})"
# “十四五” (the 10th–19th plans), and the earlier “九五”, “八五” … written in quotes
_FIVE_YEAR = r"(?:[“\"‘']?十(?P<fy>[一二三四五六七八九])五[”\"’']?|[“\"‘'](?P<fy1>[一二三四五六七八九])五[”\"’'])"
_CN_DIGITS = "一二三四五六七八九"

# A fixed date: 到2025年底 / 至2025年 / 2025年底前 / 2024年6月底前 / 到2024年6月 / 2024年9月30日前 / 到“十四五”末.
_DATE_RE = re.compile(
    rf"(?P<aim>力争|确保|争取|预计|计划|力求)?(?P<to>到|至|截至|截止到|截止|在)?(?P<y>{_YEAR}|{HAN_YEAR})年"
    rf"(?:(?P<m>1[0-2]|0?[1-9])月(?:(?P<d>[0-9]{{1,2}})日)?)?"
    rf"(?P<half>上半年|年中|全年|一季度|二季度|三季度|四季度|第[一二三四]季度)?"
    rf"(?P<end>底|末|前|以前|之前|内)?(?P<end2>前|以前|之前)?"
    # (年交易额2027年突破200亿元 / 2026年力争达到…: a bound right after the year dates it too)
    rf"(?=(?P<done>(?:初步|基本|全面|全部)?(?:建成|完成|实现|达到)|(?:力争|确保|争取)?(?:突破|超过|达到|提高到|提升至|增至)))?"
    rf"|(?P<fto>到|至)?{_FIVE_YEAR}(?:期)?末"
)
_QUARTER_MONTH = {"一": 3, "二": 6, "三": 9, "四": 12}

# A period stated as such: 2023年起3年内, “十四五”期间, 今后三年, 三年内, 2021-2025年间.
_PERIOD_RE = re.compile(
    rf"{_YEAR}年(?:起|开始|以来)[^，。；,;\n]{{0,4}}?{_CN_COUNT}(?:个)?年(?:内|间|时间)?"
    rf"|{_FIVE_YEAR}(?:期间|时期)"
    rf"|(?:今后|未来|近|此后)(?:{_CN_COUNT})(?:个)?年(?:内|间)?"
    rf"|用(?:{_CN_COUNT})(?:个)?年(?:左右)?(?:的)?时间"
    rf"|(?<![0-9])(?:今年|明年|本年度)(?:底|末|内|年底)?(?:前)?"
    rf"|(?<![0-9年])(?:{_CN_COUNT})(?:个)?年(?:内|之内|以内)"
    rf"|(?<![0-9〇零一二三四五六七八九十两个今明本当同每全上下近多数半])年内(?![容部])"
    rf"|{_YEAR}\s*[-—–~至到]\s*{_YEAR}年(?:间|期间)?"
    # 2025年起每年培训…: a yearly figure from a year on, no date of its own
    rf"|{_YEAR}年(?:起|开始)每年(?:度)?"
)

# A statement that fixes the deadline of every target: 各项指标均为2024年全年目标 / 以上指标均为2025年目标 /
# 以上指标除注明时限外，均为2025年全年目标 (a target dated in its own words keeps its own date).
_COVERING_RE = re.compile(
    rf"(?:各项|以上|上述|所列|全部|所有|主要|本方案|本计划)[^。；;\n]{{0,12}}?(?:指标|目标)(?:值|数)?"
    rf"(?:除[^。；;\n0-9]{{1,10}}?外[，,]?)?[^。；;\n]{{0,4}}?(?:均|都|皆|全部)(?:为|是|指|系|按)?[^。；;\n0-9]{{0,4}}?"
    rf"(?P<when>{_YEAR}年[^。；;\n，,]{{0,8}})"
)


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A date or period in a text: ``when`` for a fixed date, else ``period`` as written."""

    start: int
    end: int
    text: str
    when: date | None
    period: str = ""


@dataclass(frozen=True, slots=True)
class DeadlineHint:
    """A deadline stated outside the target's own text (a parent's lead sentence, a covering statement)."""

    when: date | None
    evidence: str  # the sentence as written
    period: str = ""  # a period (“十四五”期间) when no date is fixed


def five_year_plan_end(digit: str, tens: bool = True) -> int:
    """The last year of the 1X-th five-year plan: 十三五 → 2020, 十四五 → 2025, and with ``tens`` False the Xth:
    九五 → 2000 (from the third plan on, the Nth ends in 1955 + 5N, the years 1963–1965 having had none)."""
    n = (10 if tens else 0) + _CN_DIGITS.index(digit) + 1
    return 1955 + 5 * n


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _date_of(m: re.Match[str]) -> date | None:
    """The date a _DATE_RE match fixes; None for a bare year (2020年)."""
    if m.group("fy") or m.group("fy1"):
        return date(five_year_plan_end(m.group("fy") or m.group("fy1"), bool(m.group("fy"))), 12, 31)
    year = int(m.group("y")) if m.group("y").isdigit() else han_year(m.group("y"))  # 2020年, 二〇二〇年
    if year is None:
        return None
    # 2020年初步建成300个集团: a year followed by a verb of completion is the date by which it is done
    marked = (m.group("aim") or m.group("to") or m.group("end") or m.group("end2") or m.group("half")
              or m.group("done"))
    if not marked:
        return None
    half = m.group("half") or ""
    if m.group("m"):
        return _month_or_day(m, year)
    if half == "全年":
        return date(year, 12, 31)
    if half in ("上半年", "年中"):
        return date(year, 6, 30)
    if half:
        return _month_end(year, _QUARTER_MONTH[half[-3]])
    return date(year, 12, 31)


# 到本世纪末 / 下世纪中叶: a date counted from the text's own year (a text of 1996: 2000, 2050), kept as a period
# when that year is not known.
_CENTURY_RE = re.compile(r"(?:到|至)?(?P<which>本|下)世纪(?P<part>末|中叶|中期)")


def _century_date(m: re.Match[str], year: int) -> date:
    century_end = ((year - 1) // 100 + 1) * 100 + (100 if m.group("which") == "下" else 0)
    return date(century_end if m.group("part") == "末" else century_end - 50, 12, 31)


def time_mentions(text: str, year: int | None = None) -> list[TimeMention]:
    """Every deadline and period in ``text``, in order; a period wins where both read the same characters.
    ``year``: the year the text was issued, for dates it counts from it (本世纪末)."""
    found: list[TimeMention] = []
    taken: list[tuple[int, int]] = []
    for m in _CENTURY_RE.finditer(text):
        when = _century_date(m, year) if year else None
        found.append(TimeMention(m.start(), m.end(), m.group(), when, "" if when else m.group()))
        taken.append((m.start(), m.end()))
    for m in _PERIOD_RE.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        relative = _RELATIVE_YEAR.match(m.group())
        if relative and year:  # 今年 / 明年 in a text of a known year: that year's (the next one's) end
            when = date(year + (1 if relative.group() == "明年" else 0), 12, 31)
            found.append(TimeMention(m.start(), m.end(), m.group(), when))
        else:
            found.append(TimeMention(m.start(), m.end(), m.group(), None, m.group()))
        taken.append((m.start(), m.end()))
    for m in _DATE_RE.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        when = _date_of(m) or _opening_year(text, m, year)
        if when is not None:
            found.append(TimeMention(m.start(), m.end(), m.group(), when))
            taken.append((m.start(), m.end()))
    if year:  # 6月底前 / 年底前 in a text of a known year (a year's work points): that year's date
        for m in _YEARLESS_RE.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            found.append(TimeMention(m.start(), m.end(), m.group(), _yearless_date(m, year)))
    return sorted(found, key=lambda t: t.start)


# A month or the year's end with no year, as a year's work points write it: 6月底前, 9月30日前, 年底前 (not 每年6月底前,
# a date that recurs; not 2025年6月底前, read above)
_YEARLESS_RE = re.compile(r"(?<![0-9〇零一二三四五六七八九十年每])(?:(?P<m>1[0-2]|[1-9])月(?:(?P<d>[0-9]{1,2})[日号])?(?P<e>底|末)?"
                          r"|(?<!每)年(?:底|末))(?:前|以前|之前)")


def _yearless_date(m: re.Match[str], year: int) -> date | None:
    return _month_or_day(m, year) if m.group("m") else date(year, 12, 31)


def _month_or_day(m: re.Match[str], year: int) -> date | None:
    """The day a match's month (and day) give in ``year``: the day written, else the month's last; None for a day
    the month does not have."""
    month = int(m.group("m"))
    if m.group("d"):
        try:
            return date(year, month, int(m.group("d")))
        except ValueError:
            return None
    return _month_end(year, month)


_RELATIVE_YEAR = re.compile(r"今年|明年|本年度")
_OPENS = re.compile(r"(?:^|[。；;！!？?\n，,：:]|其中[，,]?)\s*$")
_AIM_AFTER = re.compile(r"力争|确保|争取|计划|预计|预期|目标")


def _opening_year(text: str, m: re.Match[str], year: int | None) -> date | None:
    """A bare year opening a sentence that sets aims (2023年全区固定资产投资力争完成381亿元; 2023年，计划推进…): the
    year's end. It must open its sentence and either the sentence says it aims, or the text was issued that year or
    before it (a year already past when the text was written reports results, and stays a bare year)."""
    if m.group("m") or m.group("half") or m.group("aim") or not m.group("y").isdigit():
        return None
    y = int(m.group("y"))
    if not _OPENS.search(text, max(0, m.start() - 4), m.start()) or text.startswith(("起", "以来", "开始"), m.end()):
        return None
    stops = [i for i in (text.find(c, m.end()) for c in "。；;！!？?\n") if i != -1]
    sentence = text[m.end() : min(stops) if stops else len(text)]
    if _AIM_AFTER.search(sentence) or (year is not None and y >= year):
        return date(y, 12, 31)
    return None


def find_deadline(text: str) -> date | None:
    """The first fixed date in ``text``: 到2020年底 / 到2020年 / 2020年前 → 2020-12-31; 2024年6月底前 → 2024-06-30."""
    for mention in time_mentions(text):
        if mention.when is not None:
            return mention.when
    return None


# (2023年全区经济社会发展的主要预期目标: the year's targets, however long the words between)
_HEADING_YEAR_RE = re.compile(rf"(?P<y>{_YEAR})年(?:度)?(?!以来|以前|之前)[^0-9，,。；;]{{0,16}}?(?:目标|指标)")


def heading_deadline(heading: str) -> DeadlineHint | None:
    """A heading that names the year its targets are for (2024年工作目标, 2025年主要指标) → that year's end."""
    m = _HEADING_YEAR_RE.search(heading)
    return DeadlineHint(date(int(m.group("y")), 12, 31), heading) if m else None


def lead_deadline(heading: str, text: str) -> DeadlineHint | None:
    """The date or period of a unit's lead sentence (the first sentence after its heading line), else the one
    date its own text states, else the year its heading names for its targets (2024年工作目标), if any."""
    body = text[len(heading):] if heading and text.startswith(heading) else text
    body = body.lstrip(" \t\r\n\u3000。：:，,")  # （二）发展目标。到2020年，… : the heading ends with 。
    sentence = re.split(r"(?<=[。！？])", body, maxsplit=1)[0]
    mentions = time_mentions(sentence)
    if mentions:
        return DeadlineHint(mentions[0].when, sentence, mentions[0].period)
    # 坚持…。到2025年，实现以下目标：the unit's one date, when its own text states exactly one
    stated = {(t.when, t.period) for t in time_mentions(body)}
    if len(stated) == 1:
        first = time_mentions(body)[0]
        start = max(body.rfind(stop, 0, first.start) for stop in "。！？\n") + 1
        end = min((i for i in (body.find(stop, first.end) for stop in "。！？\n") if i != -1), default=len(body))
        return DeadlineHint(first.when, body[start : end + 1].strip(), first.period)
    return heading_deadline(heading)


def covering_deadline(text: str) -> DeadlineHint | None:
    """A statement fixing the deadline of all targets (各项指标均为2024年全年目标), with its sentence."""
    m = _COVERING_RE.search(text)
    if not m:
        return None
    when_text = m.group("when")
    year = int(when_text[:4])
    dated = find_deadline(when_text)
    when = dated or date(year, 12, 31)
    start = max(text.rfind(stop, 0, m.start()) for stop in "。；;\n") + 1
    end_candidates = [i for i in (text.find(stop, m.end()) for stop in "。；;）)\n") if i != -1]
    end = min(end_candidates) + 1 if end_candidates else len(text)
    return DeadlineHint(when, text[start:end].strip())
