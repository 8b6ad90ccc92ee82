"""Find quantified targets (建设100个示范项目, 不低于5%, 压缩至15个工作日内) and their deadlines in a unit's text.

Comparators: 不低于/不少于/超过/达到…以上 → "≥" (超过 is strictly "more than"; it is mapped to "≥"
because the model only distinguishes ≥, ≤ and =), 不超过/压缩至…内/控制在…以内/…以下 → "≤", else "=".
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .model import Basis, Span, Target

__all__ = ["DeadlineHint", "extract_targets", "find_deadline", "lead_deadline", "normalise_digits"]

log = logging.getLogger(__name__)

_FULLWIDTH = str.maketrans("０１２３４５６７８９．－～％", "0123456789.-~%")

_AT_LEAST = ("不低于", "不少于", "不小于", "超过", "高于", "多于", "大于")
_AT_MOST = ("不超过", "不高于", "不多于", "不大于", "低于", "少于", "小于",
            "压缩至", "压缩到", "缩短至", "缩短到", "控制在", "降至", "降到", "降低到", "降低至")
_OTHER_PRE = ("达到", "提高到", "提高至", "提升至", "提升到", "增加到", "增加至", "突破")
_PRE = "|".join(sorted(_AT_LEAST + _AT_MOST + _OTHER_PRE, key=len, reverse=True))

_UNITS = sorted(
    ["个百分点", "个工作日", "个月", "个", "项", "家", "座", "台", "套", "件", "款", "种", "所",
     "户", "人次", "人", "元", "美元", "吨", "吨标准煤", "千瓦", "千瓦时", "平方米", "平方公里",
     "公里", "%", "倍", "天", "小时"],
    key=len,
    reverse=True,
)
_NUM = r"[0-9]+(?:\.[0-9]+)?"
_TARGET_RE = re.compile(
    rf"(?P<pre>{_PRE})?"
    rf"(?<![0-9A-Za-z.\-])(?P<num>{_NUM})"
    rf"(?:\s*(?:-|~|至|到|—|–)\s*(?P<max>{_NUM}))?"
    rf"(?P<unit>[十百千万亿]*(?:{'|'.join(map(re.escape, _UNITS))}))"
    rf"(?P<post>以上|以内|以下|之内|左右|内)?"
)
_RATE_UNITS = ("%", "个百分点", "倍")
_CLAUSE_STOPS = "，,。；;：:、！!？?\r\n（）()“”\"《》 \u3000"
_LIST_JOINER = re.compile(r"(?:和|及|与|以及)[0-9]")
_LEADING_VERBS = re.compile(r"^(?:力争|确保|实现|使得|使|推动|促进|保持)")

_DEADLINE_RE = re.compile(r"到(?P<y>(?:19|20)[0-9]{2})年(?:底|末)?|(?P<y2>(?:19|20)[0-9]{2})年(?:底|末)?(?:前|以前)")


@dataclass(frozen=True, slots=True)
class DeadlineHint:
    """A deadline stated by an enclosing unit's lead sentence (到2020年底，…), inherited by its targets."""

    when: date
    evidence: str  # the lead sentence as written


def normalise_digits(text: str) -> str:
    """Full-width digits, ．－～％ to ASCII; same length, so offsets are unchanged."""
    return text.translate(_FULLWIDTH)


def find_deadline(text: str) -> date | None:
    """到2020年底 / 到2020年 / 2020年前 → 2020-12-31."""
    m = _DEADLINE_RE.search(normalise_digits(text))
    if not m:
        return None
    return date(int(m.group("y") or m.group("y2")), 12, 31)


def lead_deadline(heading: str, text: str) -> DeadlineHint | None:
    """The deadline of a unit's lead sentence (the first sentence after its heading line), if any."""
    body = text[len(heading):] if text.startswith(heading) and "\n" in text else text
    body = body.strip()
    sentence = re.split(r"(?<=[。！？])", body, maxsplit=1)[0]
    when = find_deadline(sentence)
    return DeadlineHint(when, sentence) if when else None


def _comparator(pre: str | None, post: str | None) -> str:
    if pre in _AT_LEAST or post == "以上":
        return "≥"
    if pre in _AT_MOST or post in ("以内", "以下", "之内", "内"):
        return "≤"
    return "="


def _object_end(text: str, start: int) -> int:
    """End of the noun phrase after a quantity: up to punctuation or a 和/及 that starts the next list item."""
    i = start
    while i < len(text) and text[i] not in _CLAUSE_STOPS:
        if _LIST_JOINER.match(text, i):
            break
        i += 1
    return i


def _subject_start(text: str, end: int) -> int:
    """Start of the indicator before a comparator: the clause start, or just after its last 的."""
    i = end
    while i > 0 and text[i - 1] not in _CLAUSE_STOPS:
        i -= 1
    de = text.rfind("的", i, end)
    if de != -1:
        i = de + 1
    m = _LEADING_VERBS.match(text, i, end)
    return m.end() if m else i


def _title_ranges(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"《[^《》]*》|〔[^〔〕]*〕", text)]


def extract_targets(
    text: str,
    offset: int,
    unit_path: str,
    unit_key: str,
    default_deadline: DeadlineHint | None = None,
) -> list[Target]:
    """Quantified targets in ``text`` (a unit's own text starting at ``offset`` in the source).

    Years (2020年) and words such as 超千亿 are not targets: a target needs Arabic digits and a unit.
    """
    norm = normalise_digits(text)
    titles = _title_ranges(norm)
    own_deadline = find_deadline(norm)
    targets: list[Target] = []
    for m in _TARGET_RE.finditer(norm):
        if any(a <= m.start("num") < b for a, b in titles):
            continue
        unit = text[m.start("unit") : m.end("unit")]
        obj_end = _object_end(norm, m.end())
        if obj_end > m.end() and unit not in _RATE_UNITS:
            start, end = m.start(), obj_end
            indicator = text[m.end() : obj_end]
        else:
            start = _subject_start(norm, m.start())
            end = m.end()
            indicator = text[start : m.start()]
        if not indicator:
            log.debug("quantity without indicator in %s: %s", unit_path, m.group())
            continue
        if own_deadline is not None:
            deadline, basis, evidence = own_deadline, Basis.EXPLICIT, ""
        elif default_deadline is not None:
            deadline, basis, evidence = default_deadline.when, Basis.INFERRED, default_deadline.evidence
        else:
            deadline, basis, evidence = None, Basis.EXPLICIT, ""
        targets.append(
            Target(
                key=f"{unit_key}.t{len(targets) + 1}",
                unit_path=unit_path,
                indicator=indicator,
                quantity=Decimal(m.group("num")),
                quantity_max=Decimal(m.group("max")) if m.group("max") else None,
                unit=unit,
                comparator=_comparator(m.group("pre"), m.group("post")),
                deadline=deadline,
                text=text[start:end],
                span=Span(offset + start, offset + end),
                deadline_basis=basis,
                deadline_evidence=evidence,
            )
        )
    return targets
