"""Who qualifies for a support and for how long, read as data: ``Condition`` records and a period of validity.

Conditions (``conditions_of``), each with the words it was read from:

- who: enterprise sizes (小微企业 → size in small; 中小企业 → small, medium) and types (高新技术企业: no profile
  field decides it, so ``field`` is ``needs``, where the enterprise says what it is);
- persons: 高校毕业生, 失业青年, 返乡创业人员 … (``person.status``) and ages (16-24岁 → ``person.age`` between);
- thresholds: 参保缴费1年以上 (``years_insured`` ≥ 1 年), 年营业收入2000万元以上 (``revenue``), 职工200人以下
  (``employees``), 成立5年以内 (``founded``: the enterprise's age ≤ 5 年);
- places: 自贸试验区, 综合保税区 (``place``), 在浦东新区注册 (``district``);
- sectors: 制造业企业, 软件企业 → GB/T 4754 sections or divisions (``industry_code``).

Validity (``validity_of``): 2019年1月1日至2020年12月31日, 自2019年1月1日起施行, 有效期5年 (from the date of issue),
自印发之日起5年内, 自2019年1月1日起5年内, 执行至2020年底, 于2019年初开始执行…周期为1年 (a start and a length: a
pilot's results run for one cycle).

The words live in ``ingest/data/instruments.json``: data, not code.
"""

from __future__ import annotations

import calendar
import dataclasses
import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from .model import Condition, Span
from .quantities import normalise_digits, to_decimal

__all__ = ["GENERAL_CONDITIONS", "INSTRUMENTS_FILE", "Validity", "add_years", "close_unit_gaps", "conditions_of", "sme_size_rules", "validity_of",
           "vocabulary"]

INSTRUMENTS_FILE = Path(__file__).parent / "data" / "instruments.json"
_NUM = r"[0-9]+(?:\.[0-9]+)?"
_CN = {c: i for i, c in enumerate("零一二三四五六七八九十", 0)} | {"两": 2}
# A figure set apart from its unit by spaces, as text copied from a PDF often has it (给予 20 万元, 1 亿元, 10 %)
_GAP_BEFORE_UNIT = re.compile(r"(?<=[0-9])([ \u00a0\u3000]+)([万亿千百]*(?:元|美元)|[%％])")


# A note in brackets between a sum and its bound: 投资额1000万元(人民币,下同)及以上
_NOTE_BEFORE_BOUND = re.compile(r"(?<=元)([（(][^（()）]{1,10}[)）])((?:及|或)?以[上下])")


def close_unit_gaps(text: str) -> str:
    """``text`` with the spaces between a figure and its unit moved after the unit (给予 20 万元 → 给予 20万元 ),
    and a bracketed note between a sum and its bound moved after the bound (1000万元(人民币,下同)及以上 →
    1000万元及以上(人民币,下同)): the same length, so every offset outside those words is unchanged and a figure
    reads with its unit and its bound."""
    text = _GAP_BEFORE_UNIT.sub(lambda m: m.group(2) + m.group(1), text)
    return _NOTE_BEFORE_BOUND.sub(lambda m: m.group(2) + m.group(1), text)


_SENTENCE = re.compile(r"[^。；;！!？?\n]+")
_ELIGIBILITY_SENTENCE = re.compile(
    r"补助|补贴|资助|奖励|奖补|贴息|返还|给予|减按|免征|减征|减半|加计扣除|抵免|退税|优惠|符合|申请|享受|条件|参保|"
    r"可按|可获|支持|扶持|贷款|担保|经历|经验|资格|招聘|报名")
# 具有3年以上企业工作经历 / 5年以上相关工作经验: a length of experience a person must have
_EXPERIENCE = re.compile(rf"(?P<n>{_NUM}|[一二三四五六七八九十两])年(?:及|或)?以上(?:的)?(?P<what>[\u4e00-\u9fff]{{0,8}}?)"
                         r"(?:工作|从业|执业|实践|教学|管理|研发)?经(?:历|验)")


@lru_cache(maxsize=1)
def sme_size_rules() -> dict[str, Any]:
    """The national SME classification by sector (工信部联企业〔2011〕300号), as data: ``ingest/data/sme_size.json``."""
    return json.loads((INSTRUMENTS_FILE.parent / "sme_size.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """The shipped words of support and eligibility (``ingest/data/instruments.json``)."""
    return json.loads(INSTRUMENTS_FILE.read_text(encoding="utf-8"))


# ------------------------------------------------------------------------------------------------ conditions

_AGE_RANGE = re.compile(rf"(?P<a>{_NUM})\s*(?:周岁)?\s*(?:-|—|–|~|至|到)\s*(?P<b>{_NUM})\s*周?岁")
_AGE_BOUND = re.compile(rf"(?P<a>{_NUM})\s*周?岁(?P<post>以上|及以上|以下|及以下|以内)")
_DISTRICT = re.compile(r"(?:在|于)(?P<p>[一-龥]{2,8}?(?:新区|区|县))(?:内|范围内|辖区内)?(?:注册|设立|登记|落户|注册登记)")
_FOUNDED = re.compile(rf"(?:成立|注册|设立|创办|开办)(?:时间)?(?P<pre>未满|不满|不超过|不足|满|超过|在)?(?P<n>{_NUM}|[一二三四五六七八九十两])"
                      rf"(?:个)?(?P<u>年|个月)(?P<post>以上|以内|以下|内)?")
_REGISTERED = re.compile(r"(?:注册地|注册登记地|登记注册地|注册|税务征管关系|统计关系)[^，,。；;]{0,14}?(?:均)?(?:在|位于|属于)"
                         r"(?P<p>[一-龥]{2,8}?(?:新区|区|县))")
_AND_BOUND = re.compile(rf"、(?P<n>{_NUM})(?P<u>亿元|万元|元|人|名|年)(?P<post>以下|以内|及以下)")
_BOUND_BEFORE = {"首次突破": "≥", "突破": "≥", "不低于": "≥", "不少于": "≥", "超过": "≥", "达到": "≥", "满": "≥", "以上": "≥", "高于": "≥",
                 "不超过": "≤", "不高于": "≤", "低于": "≤", "不足": "≤", "未满": "≤", "以下": "≤", "以内": "≤"}


def _threshold_re(pattern: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?P<what>{pattern})[^，,。；;0-9]{{0,10}}?(?P<pre>不低于|不少于|不超过|不高于|首次突破|突破|超过|达到|低于|不足|未满|满)?"
        rf"(?P<n>{_NUM})(?P<u>亿元|万元|元|人|名|年|个月)(?P<post>及以上|以上|以下|及以下|以内)?")


def _sizes(text: str, at: int, sentence: str) -> list[Condition]:
    found: list[Condition] = []
    taken: list[tuple[int, int]] = []
    for entry in vocabulary()["size_conditions"]:
        for word in entry["words"]:
            for m in re.finditer(re.escape(word), sentence):
                if any(a <= m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                found.append(Condition("who", "size", "in", word, Span(at + m.start(), at + m.end()),
                                       values=tuple(entry["sizes"])))
    return found


def _types(at: int, sentence: str) -> list[Condition]:
    return [Condition("who", "needs", "in", word, Span(at + m.start(), at + m.end()), values=(word,))
            for word in vocabulary()["enterprise_types"] for m in [re.search(re.escape(word), sentence)] if m]


# A degree condition's "or above" (硕士研究生及以上学历): the degrees above it meet it too
_OR_ABOVE = re.compile(r"^(?:研究生)?(?:学历|学位)?(?:及|或)?以上")


def _persons(at: int, sentence: str) -> list[Condition]:
    """Person statuses a sentence sets (高校毕业生, 失业人员 …) by their words; a degree (博士, 硕士) only where the
    sentence gives it to the person supported or hired (对新引进的博士; 具有硕士学位; 博士研究生学历), never a
    博士后 station or a 硕士点 of a school, with the degrees above it where it says 及以上."""
    found: list[Condition] = []
    for entry in vocabulary()["persons"]:
        m = next((m for w in entry["words"] for m in [re.search(re.escape(w), sentence)] if m), None)
        start = end = -1
        if m is not None:
            start, end = m.start(), m.end()
        elif entry.get("pattern"):
            p = re.search(entry["pattern"], sentence)
            if p is not None:  # the degree's own words (博士研究生学历), not the verb before them
                start = p.start() + max(p.group().find(entry.get("head", "")), 0)
                end = start + len(entry.get("head", "")) + len(re.match(r"(?:研究生)?(?:学历|学位)?",
                                                                       sentence[start + len(entry.get("head", "")):]).group())
        if start >= 0:
            values = (entry["status"],)
            tail = _OR_ABOVE.match(sentence[end:]) if entry.get("or_above") else None
            if tail:
                values += tuple(entry["or_above"])
                end += len(tail.group())
            found.append(Condition("person", "person.status", "in", sentence[start:end], Span(at + start, at + end),
                                   values=values))
    for m in _AGE_RANGE.finditer(sentence):
        found.append(Condition("person", "person.age", "between", m.group(), Span(at + m.start(), at + m.end()),
                               value=to_decimal(m.group("a")), value_max=to_decimal(m.group("b")), unit="岁"))
    for m in _AGE_BOUND.finditer(sentence):
        if any(c.span.start <= at + m.start() < c.span.end for c in found):
            continue
        found.append(Condition("person", "person.age", "≥" if "上" in m.group("post") else "≤", m.group(),
                               Span(at + m.start(), at + m.end()), value=to_decimal(m.group("a")), unit="岁"))
    return found


def _disciplines(at: int, sentence: str) -> list[Condition]:
    """理工科专业专科以上学历: the group of majors a qualification asks for (data: instruments.json disciplines)."""
    found: list[Condition] = []
    for key, entry in vocabulary()["disciplines"].items():
        if key.startswith("_"):
            continue
        labels = "|".join(re.escape(w) for w in sorted(entry["labels"], key=len, reverse=True))
        m = re.search(rf"(?:{labels})(?:类)?专业", sentence)
        if m:
            found.append(Condition("who", "discipline", "in", m.group(), Span(at + m.start(), at + m.end()),
                                   values=(key,)))
    return found


def _thresholds(at: int, sentence: str) -> list[Condition]:
    found: list[Condition] = []
    for m in _EXPERIENCE.finditer(sentence):
        n = m.group("n")
        years = to_decimal(n) if n[0].isdigit() else Decimal(_CN.get(n, 0))
        found.append(Condition("threshold", "experience", "≥", m.group(), Span(at + m.start(), at + m.end()),
                               value=years, unit="年"))
    for m in _FOUNDED.finditer(sentence):
        pre, post = m.group("pre") or "", m.group("post") or ""
        if not pre and not post or pre == "在" and not post:
            continue  # 成立3年: no bound
        n = m.group("n")
        years = to_decimal(n) if n.isdigit() else Decimal(_CN.get(n, 0))
        if m.group("u") == "个月":
            years = years / 12
        comparator = "≥" if pre in ("满", "超过") or post == "以上" else "≤"
        found.append(Condition("threshold", "founded", comparator, m.group(), Span(at + m.start(), at + m.end()),
                               value=years, unit="年"))
    for entry in vocabulary()["thresholds"]:
        if entry["field"] == "founded":
            continue
        for m in _threshold_re(entry["pattern"]).finditer(sentence):
            unit = m.group("u")
            if any(c.span.start <= at + m.start("n") < c.span.end for c in found):
                continue
            if entry["field"] == "years_insured" and unit not in ("年", "个月"):
                continue
            if entry["field"] == "years_insured" and re.search(r"为其|为他们|为职工|为员工", sentence[max(0, m.start() - 6):m.start()]):
                continue  # 为其连续缴纳社会保险费满3个月: the insurance of the people hired, not the firm's
            if entry["field"] in ("employees", "insured_staff") and unit not in ("人", "名"):
                continue
            if entry["field"] == "revenue" and not unit.endswith("元"):
                continue
            pre, post = m.group("pre") or "", m.group("post") or ""
            if not pre and not post:
                continue  # a bare amount is no bound (缴纳失业保险费100万元)
            if entry["field"] == "revenue" and re.search(r"给予|奖励|补助|补贴", sentence[m.start():m.start("n")]):
                continue
            comparator = _BOUND_BEFORE.get(pre) or _BOUND_BEFORE.get(post.removeprefix("及"), "≥")
            found.append(Condition("threshold", entry["field"], comparator, sentence[m.start():m.end()],
                                   Span(at + m.start(), at + m.end()), value=to_decimal(m.group("n")), unit=unit))
            more = _AND_BOUND.match(sentence, m.end())  # 2000万元以上、4亿元以下: the range's upper end
            if more:
                found.append(Condition("threshold", entry["field"], "≤", sentence[m.start():more.end()],
                                       Span(at + m.start(), at + more.end()), value=to_decimal(more.group("n")),
                                       unit=more.group("u")))
    return found


def _places(at: int, sentence: str) -> list[Condition]:
    found: list[Condition] = []
    taken: list[tuple[int, int]] = []
    for entry in vocabulary()["places"]:
        for word in entry["words"]:
            m = re.search(re.escape(word), sentence)
            if m and not any(a <= m.start() < b for a, b in taken):
                taken.append((m.start(), m.end()))
                found.append(Condition("place", "place", "in", word, Span(at + m.start(), at + m.end()),
                                       values=tuple(entry["aliases"])))
                break
    for m in list(_DISTRICT.finditer(sentence)) + list(_REGISTERED.finditer(sentence)):
        if any(c.field == "district" and c.values == (m.group("p"),) for c in found):
            continue
        if re.search(r"试验区|保税区|开发区|高新区|示范区|园区|港区|自贸区|功能区", m.group("p")):
            continue  # a zone (自贸试验区) is read above, not a district
        found.append(Condition("place", "district", "in", m.group(), Span(at + m.start(), at + m.end()),
                               values=(m.group("p"),)))
    return found


def _sectors(at: int, sentence: str) -> list[Condition]:
    """Sectors named as who qualifies (制造业企业, 软件企业, 物流企业), not sectors named in passing (矿山)."""
    found: list[Condition] = []
    for entry in vocabulary()["sectors"]:
        m = next((m for w in entry["words"] for m in [re.search(re.escape(w) + ("" if w.endswith("企业") else
                                                                                 r"(?=(?:业)?企业)"), sentence)] if m),
                 None)
        if m:
            found.append(Condition("sector", "industry_code", "in", m.group(), Span(at + m.start(), at + m.end()),
                                   values=tuple(entry["codes"])))
    return found


# 申请本规定第五条至第十条扶持的企业，应当同时具备下列条件: a unit stating the conditions of every support
GENERAL_CONDITIONS = re.compile(r"(?:应当|应|须|需|必须)(?:同时)?(?:具备|符合|满足)(?:下列|以下|如下)?(?:基本)?条件|"
                                r"(?:申请|享受)[^。；]{0,30}(?:条件|资格)(?:如下|为)")


def conditions_of(text: str, offset: int = 0, every_sentence: bool = False) -> list[Condition]:
    """Every eligibility condition of ``text``'s support sentences (every sentence with ``every_sentence``, for
    a list of conditions), spans shifted by ``offset``, in order."""
    original, text = text, close_unit_gaps(normalise_digits(text))
    found: list[Condition] = []
    for s in _SENTENCE.finditer(text):
        sentence = s.group()
        if not every_sentence and not _ELIGIBILITY_SENTENCE.search(sentence):
            continue
        at = offset + s.start()
        for part in (_sizes(text, at, sentence), _types(at, sentence), _persons(at, sentence),
                     _thresholds(at, sentence), _places(at, sentence), _sectors(at, sentence),
                     _disciplines(at, sentence)):
            found.extend(part)
    unique: dict[tuple[str, str, tuple[str, ...], Decimal | None], Condition] = {}
    for c in found:  # the words as the source writes them (full-width digits stay full-width)
        c = dataclasses.replace(c, text=original[c.span.start - offset : c.span.end - offset])
        unique.setdefault((c.field, c.comparator, c.values, c.value), c)
    return sorted(unique.values(), key=lambda c: (c.span.start, c.span.end))


# ------------------------------------------------------------------------------------------------ validity


@dataclass(frozen=True, slots=True)
class Validity:
    """A stated period of validity: either end may be open; ``text`` and ``span`` are the words that state it."""

    valid_from: date | None
    valid_until: date | None
    text: str
    span: Span


_DATE = r"(?P<{p}y>(?:19|20)[0-9]{{2}})年(?:(?P<{p}m>1[0-2]|0?[1-9])月(?:(?P<{p}d>[0-9]{{1,2}})日)?)?(?P<{p}e>底|末|初)?"
_RANGE = re.compile(rf"(?:自|从)?{_DATE.format(p='a')}(?:起)?\s*(?:至|到|—|-|–)\s*{_DATE.format(p='b')}(?:止)?")
# A start: 自2019年1月1日起施行; 于2019年初开始执行 (a pilot's results, a programme that starts at a date); 自…起5年内
_FROM = re.compile(rf"(?:自|于|从){_DATE.format(p='a')}(?:起|开始|起开始)(?:施行|执行|实施|生效|试行)"
                   rf"|自{_DATE.format(p='a2')}起(?={_NUM}年内|[一二三四五六七八九十两]年内)")
# an end: 执行至…, 有效期至…; an application deadline ends what is paid (本条补助申领截止时间为2025年12月31日)
_UNTIL = re.compile(rf"(?:(?:执行|实施|有效期|有效)(?:期限)?(?:截?至|到)|(?:申领|申报|申请|受理)截止(?:时间|日期)(?:为|是)?)"
                    rf"{_DATE.format(p='b')}")
_ISSUED_FROM = re.compile(rf"自(?:印发|发布|公布)之日起(?:(?P<lag>{_NUM})日后)?(?:施行|执行|实施|生效)?")
# A length from the start: 有效期5年; 周期为1年 (带量采购 results); 为期三年; 试行期2年; 自印发之日起5年内, 自2019年1月1日起5年内
# (a 周期 only as a clause of its own, not 建设周期为2年的项目; never 3年以上, a term the recipient must meet)
_YEARS = re.compile(rf"(?:有效期|为期|试行期|执行期|实施期|(?<=[，,；;])周期)限?(?:暂定|暂按)?(?:为|是)?(?P<n>{_NUM}|[一二三四五六七八九十两])年"
                    rf"(?!以|内|及)|(?:自(?:印发|发布|公布)之日起|(?<=[0-9][日月年]起)|(?<=年初起))"
                    rf"(?P<k>{_NUM}|[一二三四五六七八九十两])年内")


def add_years(day: date, years: int) -> date:
    """``day`` plus ``years`` years, less one day (有效期5年 from 2019-01-01 ends 2023-12-31)."""
    end_year = day.year + years
    last = calendar.monthrange(end_year, day.month)[1]
    end = date(end_year, day.month, min(day.day, last))
    return date.fromordinal(end.toordinal() - 1)


def _date(m: re.Match[str], p: str, start: bool) -> date:
    y = int(m.group(f"{p}y"))
    month = m.group(f"{p}m")
    day = m.group(f"{p}d")
    if month is None:
        return date(y, 1, 1) if start else date(y, 12, 31)
    mo = int(month)
    if day is None:
        return date(y, mo, 1) if start else date(y, mo, calendar.monthrange(y, mo)[1])
    return date(y, mo, min(int(day), calendar.monthrange(y, mo)[1]))


def validity_of(text: str, issued: date | None = None, offset: int = 0) -> Validity | None:
    """The period of validity ``text`` states, or None.  自印发之日起 starts at ``issued`` (None when unknown);
    有效期N年 and 自印发之日起N年内 end N years on, less a day."""
    original, text = text, normalise_digits(text)
    m = _RANGE.search(text)
    if m:
        return Validity(_date(m, "a", True), _date(m, "b", False), original[m.start():m.end()],
                        Span(offset + m.start(), offset + m.end()))
    start_m = _FROM.search(text) or _ISSUED_FROM.search(text)
    until_m = _UNTIL.search(text)
    years_m = _YEARS.search(text)
    if not (start_m or until_m or years_m):
        return None
    valid_from = (_date(start_m, "a" if start_m.group("ay") else "a2", True) if start_m and start_m.re is _FROM
                  else issued if start_m or years_m else None)
    if valid_from is not None and start_m is not None and start_m.re is _ISSUED_FROM and start_m.group("lag"):
        valid_from += timedelta(days=int(start_m.group("lag")))  # 自印发之日起30日后施行
    valid_until = _date(until_m, "b", False) if until_m else None
    if valid_until is None and years_m and valid_from is not None:
        n = years_m.group("n") or years_m.group("k")
        valid_until = add_years(valid_from, int(n) if n.isdigit() else _CN.get(n, 0))
    parts = [x for x in (start_m, until_m, years_m) if x]
    a, b = min(x.start() for x in parts), max(x.end() for x in parts)
    return Validity(valid_from, valid_until, original[a:b], Span(offset + a, offset + b))
