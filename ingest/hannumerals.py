"""Numbers written in Chinese numerals, as older and some newer official texts write them: 百分之八十, 三千万人,
一点五倍, 二〇二〇年.

Read only where the words around make them a quantity: 百分之… is always a share; any other numeral needs a
bound word before it (达到, 不少于, 控制在 …) or after it (以上, 以内, 左右), because 一批, 三个代表, 两手抓 and
第二 are words, not figures. One alone (达到一个新水平) is never read. Offsets are those of the text given, so a
target keeps its span in the source.
"""

from __future__ import annotations

import re
from decimal import Decimal

__all__ = ["HAN_PERCENT_RE", "HAN_QUANTITY_RE", "HAN_YEAR", "han_number", "han_year"]

_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_SECTIONS = {"万": 10_000, "亿": 100_000_000}
_NUMERAL = "[零〇一二两三四五六七八九十百千]"
_NUMBER = rf"{_NUMERAL}+(?:万{_NUMERAL}+)?(?:点[零〇一二三四五六七八九]+)?"
# 百分之八十 / 百分之五点五: a share.
HAN_PERCENT_RE = re.compile(rf"百分之(?P<num>{_NUMBER})")
# 三千万人, 二十个, 一点五倍: a numeral and a measure word or unit (the caller checks the bound words around it).
HAN_QUANTITY_RE = re.compile(
    rf"(?<![零〇一二两三四五六七八九十百千万亿第])(?P<num>{_NUMBER})"
    r"(?P<unit>[万亿]?(?:个百分点|百分点|个工作日|个月|人次|家次|户次|元|美元|人|个|所|家|项|座|户|名|张|辆|艘|套|台|吨|公斤|公里|"
    r"平方米|平方公里|亩|公顷|千瓦时|千瓦|倍|天|小时|级))"
)
# 二〇二〇年, 一九九八年: a year written digit by digit.
HAN_YEAR = "[一二][〇零○九][〇零○一二三四五六七八九]{2}"


def han_number(text: str) -> Decimal | None:
    """``三千万`` → 30000000, ``二十五`` → 25, ``一点五`` → 1.5, ``二〇二〇`` (digit by digit) → 2020; None when
    ``text`` is not a numeral."""
    whole, _, fraction = text.partition("点")
    if not whole or any(ch not in _DIGITS and ch not in _UNITS and ch not in _SECTIONS for ch in whole):
        return None
    if not any(ch in _UNITS or ch in _SECTIONS for ch in whole):  # 二〇二〇, 三: digit by digit
        value = int("".join(str(_DIGITS[ch]) for ch in whole))
    else:
        value = section = digit = 0
        for ch in whole:
            if ch in _DIGITS:
                digit = _DIGITS[ch]
            elif ch in _UNITS:
                section += (digit or 1) * _UNITS[ch]  # 十五: the leading one is unwritten
                digit = 0
            else:
                value += (section + digit) * _SECTIONS[ch]
                section = digit = 0
        value += section + digit
    if fraction:
        if any(ch not in _DIGITS for ch in fraction):
            return None
        return Decimal(f"{value}.{''.join(str(_DIGITS[ch]) for ch in fraction)}")
    return Decimal(value)


def han_year(text: str) -> int | None:
    """``二〇二〇`` → 2020 (a year written digit by digit); None for anything else."""
    if not re.fullmatch(HAN_YEAR, text):
        return None
    return int("".join(str(_DIGITS[ch]) for ch in text))
