"""How a policy text names itself: 本办法, 本实施方案, 本措施 — where it says when it holds, who interprets it and
who leads carrying it out (本措施由区民政局牵头组织实施, 市商务局负责本方案的组织实施).

The genre's names for a text of its kind are listed longest first (本实施方案 before 本方案); 本 must be a word of
its own, not the end of 基本, 根本, 成本, 资本…"""

from __future__ import annotations

import re

__all__ = ["GENRES", "THIS", "SELF_REFERENCE", "names_itself", "leads_the_text"]

GENRES = ("实施意见|实施方案|实施细则|行动计划|行动方案|工作方案|指导意见|管理办法|暂行办法|若干措施|若干政策|工作要点|"
          "意见|办法|方案|计划|措施|规定|细则|通知|条例|规划|规则|政策|决定|要点")
THIS = r"(?<![基根成资样版剧文账课脚读原])本"
SELF_REFERENCE = re.compile(rf"{THIS}(?:{GENRES})")
# carrying the text out, not interpreting it: 本措施由区民政局牵头组织实施, 牵头负责本方案的组织实施和督促落实
_CARRY_OUT = re.compile(r"组织实施|推进实施|贯彻实施|贯彻落实|组织落实|抓好落实|推进落实|督促落实|落实工作|实施工作")


def names_itself(text: str) -> bool:
    """The text speaks of itself as a whole (本办法自…起施行, 为…制定本方案, 本措施由市商务局负责解释)."""
    return bool(SELF_REFERENCE.search(text))


def leads_the_text(sentence: str) -> bool:
    """A sentence saying who carries the whole text out (本措施由区民政局牵头组织实施, 市商务局牵头负责本方案的
    组织实施), not merely who interprets it (本办法由市财政局负责解释)."""
    return names_itself(sentence) and bool(_CARRY_OUT.search(sentence))
