"""Which case each sum of a unit is for, when a unit states sums for different cases in different sentences.

纳税人在中国境内接受学历（学位）继续教育的支出，在学历（学位）教育期间按照每月400元定额扣除。…纳税人接受技能人员职业资格
继续教育、专业技术人员职业资格继续教育的支出，在取得相关证书的当年，按照3600元定额扣除。  Shown bare ("400 元/月",
"3,600 元"), the two sums read as one answer, and the asker cannot tell which is theirs.  Each sum of such a unit is
labelled with its own sentence's case: the sentence's subject clause (…的支出, …的企业) and, when the clause of the
sum opens with its time or occasion (在…期间, 在取得…的当年), that too.  Sums already labelled (a grade's, 按情形) and
units whose sums share one sentence (分别给予…) are left as they are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from kg.matchviews import Amount
from kg.views import SupportView

__all__ = ["label_cases"]

_SENTENCE_END = re.compile(r"[。；;！？]")
_OCCASION = re.compile(r"^(?:在|于|自|从)[^，,]{2,20}?(?:期间|当年|年度|之日|以后|之后|以内|内|时)")
_GIVING = re.compile(r"给予|予以|按照|奖励|补助|补贴|一次性")
_SUBJECT_WORDS = re.compile(r"^(?:纳税人|企业|单位|个人|申请人)(?=[\u4e00-\u9fff]{4,})")


def _sentence(text: str, at: int) -> tuple[int, int]:
    begin = max((m.end() for m in _SENTENCE_END.finditer(text, 0, max(0, at))), default=0)
    end_match = _SENTENCE_END.search(text, at)
    return begin, end_match.start() if end_match else len(text)


def _case(text: str, at: int) -> str:
    """The case of the sum at ``at`` in ``text``: its sentence's subject clause, with the occasion that opens the
    sum's own clause (在取得相关证书的当年)."""
    begin, end = _sentence(text, at)
    sentence = text[begin:end].strip()
    clauses = [c.strip() for c in re.split(r"[，,]", sentence) if c.strip()]
    if len(clauses) < 2:
        return ""
    subject = _SUBJECT_WORDS.sub("", clauses[0])
    giving = _GIVING.search(subject, 4)  # a first clause that states the sum too: its case is what comes before
    subject = subject[:giving.start()] if giving else subject
    subject = subject if len(subject) <= 30 else subject[:29] + "…"
    own_begin = max(begin, max(text.rfind("，", begin, at), text.rfind(",", begin, at)) + 1)
    own = text[own_begin:end].strip()  # the sum's own clause: 在学历（学位）教育期间按照每月400元…
    before = [c.strip() for c in re.split(r"[，,]", text[begin:own_begin])][1:-1]  # clauses after the subject
    candidates = ([own] if own_begin > begin else []) + before[-1:]  # its own clause, else the one just before
    occasion_match = next((m for m in (_OCCASION.match(c) for c in candidates) if m), None)
    occasion = occasion_match.group() if occasion_match else ""
    return f"{subject}，{occasion}" if occasion else subject


def label_cases(amounts: list[Amount], supports: Sequence[SupportView], unit_text: str, unit_start: int,
                zh: bool = True) -> list[Amount]:
    """``amounts`` with each valued sum labelled by its case (see the module) when the unit's valued sums stand in
    two or more sentences; unchanged otherwise."""
    by_iri = {s.iri: s for s in supports}
    valued = [a for a in amounts if a.value is not None and a.support_iri in by_iri]
    if len(valued) < 2 or not unit_text:
        return amounts
    spans = {}
    for a in valued:
        at = by_iri[a.support_iri].start - unit_start
        if not 0 <= at < len(unit_text):
            return amounts
        spans[a.support_iri] = (_sentence(unit_text, at), at)
    if len({span for span, _ in spans.values()}) < 2:
        return amounts  # one sentence states them all (分别给予…): its own labels say which is which
    out = []
    for a in amounts:
        if a.support_iri not in spans or a.value is None or "：" in a.formula or "按情形" in a.formula:
            out.append(a)
            continue
        case = _case(unit_text, spans[a.support_iri][1])
        out.append(replace(a, formula=f"{case}：{a.formula}" if zh else f"{case}: {a.formula}") if case else a)
    return out
