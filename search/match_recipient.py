"""Support paid to a government, not to whoever asks: 国家将对承担…扩招任务的省（市）给予适当基建补助经费; 中央财政对…的
地方政府给予奖励.  The recipient a sentence names after 对 is a province, a city or a local government as such: the
money goes to its budget, and a school, a firm or a person asking for it is not the one it is given to, though
that government may pass some on under rules of its own.  A careful reader says so: not eligible, naming the
recipient; nothing is said to an asker that is a government or an office of one.
"""

from __future__ import annotations

import re

from kg.views import ConditionCheck, EnterpriseProfile

__all__ = ["government_recipients"]

# 对<…的>省（市）给予 / 对…的省份予以 / 对…地方人民政府给予: the recipient, a level of government as such
_TO_GOVERNMENT = re.compile(r"对(?P<who>[^，,。；;：:]{0,40}?(?:省[（(](?:市|区、市|自治区、直辖市)[）)]|省份|省区市|"
                            r"地方人民政府|地方政府|市县政府|市县人民政府|县级人民政府|县级政府|省级人民政府|省级政府))"
                            r"(?:给予|予以|安排|拨付|实行)")
# An asker that is itself a government or one of its offices
_GOVERNMENT = re.compile(r"人民政府|政府|[省市县区]委|财政局|财政厅|发展改革|办公厅|办公室|管委会|\bgovernment\b|\bbureau\b",
                         re.IGNORECASE)


def government_recipients(text: str, profile: EnterpriseProfile, start: int = 0,
                          lang: str = "zh") -> list[ConditionCheck]:
    """A failed check for each support ``text`` gives to a government as such (对承担…任务的省（市）给予…), unless
    the asker is a government; ``start`` is the frame of ``text`` in the hit."""
    if _GOVERNMENT.search(f"{profile.name} {profile.industry}"):
        return []
    out = []
    for m in _TO_GOVERNMENT.finditer(text):
        who = m.group("who").strip()
        detail = (f"补助给予{who}，不直接给予申请者" if lang == "zh"
                  else f"given to {who} as a government, not to the asker")
        out.append(ConditionCheck("failed", "recipient", who, detail, start + m.start("who"), start + m.end("who")))
    return out
