"""Support paid to a government, not to whoever asks: 国家将对承担…扩招任务的省（市）给予适当基建补助经费; 中央财政对…的
地方政府给予奖励.  The recipient a sentence names after 对 is a province, a city or a local government as such: the
money goes to its budget, and a school, a firm or a person asking for it is not the one it is given to, though
that government may pass some on under rules of its own.  A careful reader says so: not eligible, naming the
recipient; nothing is said to an asker that is a government or an office of one.
"""

from __future__ import annotations

import re

from kg.views import ConditionCheck, EnterpriseProfile

__all__ = ["government_recipients", "government_task"]

# 对<…的>省（市）给予 / 对…的省份予以 / 对…地方人民政府给予: the recipient, a level of government as such
_TO_GOVERNMENT = re.compile(r"对(?P<who>[^，,。；;：:]{0,40}?(?:省[（(](?:市|区、市|自治区、直辖市)[）)]|省份|省区市|"
                            r"市[（(]地、州、盟[）)]|县[（(]市、区[）)]|"
                            r"地方人民政府|地方政府|市县政府|市县人民政府|县级人民政府|县级政府|省级人民政府|省级政府))"
                            r"(?:[，,][^。；;]{0,40}?)?(?:给予|予以|安排|拨付|实行|优先纳入|优先支持|倾斜支持)")
# A task addressed to governments, not a support anyone applies for: its subject is a level of government
# (各省（区、市）要…, 各地…, 各级人民政府…, 市、县两级…) or its object a government's own list of licensing items
# (编制并公布…行政许可事项清单); simplified and traditional forms alike
_GOVERNMENT_TASK = re.compile(r"(?:^|[。；;，,：:])\s*(?:各省[（(]区、市[）)]|各省、自治区、直辖市|各地区?|各级人民政府|各級人民政府|"
                              r"地方各级人民政府|各市、?县|各縣|各县[（(]市、区[）)]|市、县两级|市、縣兩級|各县市区|各縣市區)"
                              r"|行政许可事项清单|行政許可事項清單")
# An asker that is itself a government or one of its offices
_GOVERNMENT = re.compile(r"人民政府|政府|[省市县区]委|财政局|财政厅|发展改革|办公厅|办公室|管委会|\bgovernment\b|\bbureau\b",
                         re.IGNORECASE)


def government_task(text: str, function: str, has_supports: bool, profile: EnterpriseProfile, start: int = 0,
                    lang: str = "zh") -> list[ConditionCheck]:
    """A failed check for a unit that states no support (function other than support, no support sentence), names
    no firm or person as its subject (search.audience) and is addressed to governments (各地…, 各省（区、市）…, a 行政许可事项清单): a measure to read, not one an asker
    is eligible for; nothing for an asker that is a government."""
    if function == "support" or has_supports or _GOVERNMENT.search(f"{profile.name} {profile.industry}"):
        return []
    m = _GOVERNMENT_TASK.search(text)
    if m is None:
        return []
    from .audience import audience_of

    if audience_of(text):
        return []  # it also speaks to firms or persons (鼓励企业…举办职业院校): not the governments' work only
    who = m.group().lstrip("。；;，,：: ")
    detail = (f"政府部门的工作任务（{who}），不是申请者可申请的支持" if lang == "zh"
              else f"a task for governments ({who}), not a support anyone applies for")
    label = f"政府部门的工作任务：{who}" if lang == "zh" else f"a task for governments: {who}"
    return [ConditionCheck("failed", "recipient", label, detail, start + m.start(), start + m.end())]


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
