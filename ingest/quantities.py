"""Numbers and units of measure as Chinese policy texts write them (shared by targets and support).

A quantity is Arabic digits (full-width too), an optional range (3-5, 1到2, 3～5), an optional magnitude
(万/亿/千…) and a unit token read generally, not from a closed list of indicators: a CJK measure word
(个, 家, 张, 人次, 家次, 个工作日 …), a measure with an SI-style prefix (千瓦, 平方公里, 微克), a Latin unit of two
letters or more (EFLOPS, MW, Gbps), a compound unit/unit (微克/立方米, 元/吨), or a percentage.  Years (2025年),
dates (3月15日), document numbers (〔2024〕3号) and article references (第3条) are not quantities: 年, 月, 日, 号
and 条-after-第 never read as units.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

__all__ = [
    "COUNT_WORDS",
    "MONEY_UNIT",
    "NUMBER",
    "QUANTITY_RE",
    "RATE_UNITS",
    "UNIT",
    "is_count",
    "normalise_digits",
    "to_decimal",
]

_FULLWIDTH = str.maketrans("０１２３４５６７８９．－～％／", "0123456789.-~%/")

NUMBER = r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?"

# Measure words and units; a magnitude (万, 亿, 千 …) may come before any of them.
_MEASURE_WORDS = ["个百分点", "百分点", "个工作日", "工作日", "个月", "个", "项次", "项", "家次", "家", "批次", "座", "台", "套", "件", "款", "种", "所", "户次", "户", "人次", "人", "名", "位", "张", "条", "支", "批", "只", "辆次", "辆", "架次", "架", "艘次", "艘", "部", "本", "册", "篇", "份", "场次", "场", "轮次", "轮", "次", "例", "床", "间", "栋", "幢", "处", "块", "片", "根", "棵", "株", "头", "盏", "枚", "颗", "门", "类", "宗", "笔", "标准箱", "箱", "袋", "包", "盒", "瓶", "罐", "桶", "羽", "尾", "匹", "眼", "斤", "倍", "天", "小时", "分钟", "秒", "周岁", "岁", "元", "美元", "欧元", "港元", "日元", "英镑", "吨标准煤", "吨标煤", "吨二氧化碳当量", "吨二氧化碳", "标准煤", "吨", "千克", "公斤", "克", "微克", "毫克", "公里", "千米", "平方米", "平方公里", "立方米", "米", "厘米", "毫米", "亩", "公顷", "升", "千瓦时", "千瓦", "兆瓦", "吉瓦", "瓦", "度", "摄氏度", "分贝", "兆帕", "字节", "比特", "车次", "航次", "班次", "公顷", "级", "GB", "TB", "PB", "EB"]
_MAGNITUDE = "[十百千万亿]"
# 轮训2期 (sessions of a course), 85分 (a score) and 2周 (weeks): read only where the next character does not make
# another word (2期间, 3期限; 30分钟 is a unit of its own, 5分类 none; 成立75周年 is an anniversary, no measure);
# whether a bare score is a target is the target reader's call
_GUARDED_UNITS = r"期(?![间限满末初内中货权刊])|分(?![钟之类别批期行支局配工管散摊享担])|周(?!年)"
_CJK_UNIT = "|".join(sorted({re.escape(w) for w in _MEASURE_WORDS}, key=len, reverse=True)) + "|" + _GUARDED_UNITS
_LATIN_UNIT = r"[A-Za-z]{2,}(?:/[A-Za-z0-9]+)?|P(?![A-Za-z])"
_PER = rf"/(?:{_MAGNITUDE}*(?:{_CJK_UNIT})|年|月|日|季度)"
UNIT = (
    # the magnitude is lazy: 35亿千瓦时 is 亿 + 千瓦时, not 亿千 + 瓦 (千 is both a magnitude and part of a unit)
    rf"{_MAGNITUDE}*?(?:%|‰|(?:{_CJK_UNIT})(?:{_PER})?|(?:{_LATIN_UNIT}))"
    rf"|{_MAGNITUDE}+(?![A-Za-z])"
)
RATE_UNITS = ("%", "‰", "个百分点", "百分点", "倍")
# Measure words that count things (建设10个以上的园区 is a count, 10亿元以上的企业 a size qualifying a noun).
COUNT_WORDS = frozenset(["个", "项", "家", "座", "台", "套", "件", "款", "种", "所", "户", "人", "名", "位", "张", "条", "支", "批", "只", "辆", "架", "艘", "部", "本", "册", "篇", "份", "场", "次", "例", "床", "间", "栋", "幢", "处", "块", "片", "根", "棵", "株", "头", "盏", "枚", "颗", "门", "类", "宗", "笔", "人次", "户次", "家次", "项次", "批次", "辆次", "架次", "艘次", "场次", "期", "轮", "轮次",
                         # farm and product counts: 香菇2.2亿袋, 家禽500万羽, 鱼苗100万尾, 机井20眼
                         "袋", "包", "盒", "瓶", "罐", "桶", "羽", "尾", "匹", "眼"])
MONEY_UNIT = re.compile(rf"^{_MAGNITUDE}*(?:元|美元|欧元|港元|日元|英镑)$")

# num [%] [- max] [余|多] [unit]; the caller looks at the words before and after.
QUANTITY_RE = re.compile(
    rf"(?<![0-9A-Za-z.第])(?P<num>{NUMBER})"
    # 200亩（含）至500亩: the tier's lower bound marked as included, then its upper bound
    rf"(?:(?:{UNIT})?(?:[（(]含[）)])?\s*(?:-|~|至|到|—|–)\s*(?P<max>{NUMBER}))?"
    rf"(?P<approx>余|多)?"
    rf"(?P<unit>{UNIT})?"
)


def normalise_digits(text: str) -> str:
    """Full-width digits and ．－～％／ to ASCII; same length, so offsets are unchanged."""
    return text.translate(_FULLWIDTH)


def to_decimal(number: str) -> Decimal | None:
    """``"1,000"`` → Decimal(1000); None for anything that is not a number."""
    try:
        return Decimal(number.replace(",", ""))
    except InvalidOperation:
        return None


def is_count(unit: str) -> bool:
    """Whether ``unit`` counts things (个, 万家, 人次), as opposed to a size (亿元, 万吨) or a rate (%)."""
    return unit.lstrip("十百千万亿") in COUNT_WORDS
