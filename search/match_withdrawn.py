"""A scheme the text says is gone: 2000年国家已取消用于电源与电网发展的2分钱专项电力建设基金; 该项收费已明令废止;
…补贴政策已停止执行.  Replies to localities often answer a request (在…每千瓦时加价2分钱，专项用于电网配套建设) by saying
the thing asked for was abolished; an asker who wants that very thing (每度电多收两分钱，攒起来建电网) cannot have it.

The abolished thing must share two words (pairs of characters, numbers written as figures) with the asker's words,
words that say what the thing is rather than what any scheme says (发展, 建设, 政策 …); the check fails, naming the
clause.  Inferred from that clause.
"""

from __future__ import annotations

import re

from kg.views import ConditionCheck, EnterpriseProfile

from .text_checks import bigrams

__all__ = ["withdrawn_checks"]

_WITHDRAWN = re.compile(r"(?:已|已经|早已|均已|明令)(?:于[0-9一二〇零]{2,4}年(?:[0-9]{1,2}月)?)?(?:取消|废止|撤销|停止征收|停征|停止执行|停止实施|不再征收|不再执行)"
                        r"(?P<what>[^，,。；;]{2,40})")
_GENERIC = {"发展", "建设", "政策", "资金", "国家", "项目", "工作", "用于", "有关", "相关", "专项", "企业"}
_CN_DIGITS = str.maketrans({"一": "1", "二": "2", "两": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7",
                            "八": "8", "九": "9"})


def _words(text: str) -> set[str]:
    text = text.translate(_CN_DIGITS)
    pairs = bigrams(text) | {text[i:i + 2] for i in range(len(text) - 1) if text[i].isdigit()}
    return {p for p in pairs if p not in _GENERIC}


def withdrawn_checks(text: str, profile: EnterpriseProfile, start: int = 0) -> list[ConditionCheck]:
    """A failed check for each thing ``text`` says was abolished (已取消…基金) that the asker's words ask for."""
    said = " ".join((profile.needs, *profile.plans))
    if not said.strip():
        return []
    wants = _words(said)
    out = []
    for m in _WITHDRAWN.finditer(text):
        shared = _words(m.group("what")) & wants
        if len(shared) >= 2:
            begin = max(text.rfind(c, 0, m.start()) for c in "，,。；;：:\n") + 1
            out.append(ConditionCheck("failed", "needs", text[begin:m.end()].strip(), "、".join(sorted(shared)),
                                      start + begin, start + m.end()))
    return out
