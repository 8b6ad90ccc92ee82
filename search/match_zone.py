"""A national rule confined to one named zone: 国务院决定在海南博鳌乐城国际医疗旅游先行区暂时调整实施…，对先行区内医疗机构…的
申请，由海南省人民政府实施审批.  Only bodies inside that zone are meant, so the zone is a condition of place:

- met when the asker's place or words name the zone (博鳌乐城);
- failed when the asker is in another province than the zone's;
- unknown, asking for the place, when the asker is in the zone's province (or city) without saying it is in the
  zone: a private hospital "in Hainan" may or may not be in 博鳌乐城.

The zone is the one the unit names in full (…先行区, …示范区, …试验区, …新区) and then refers to by its kind (先行区内,
示范区内); its province is the place its name begins with (search/places.py).  Inferred from those two phrases.
"""

from __future__ import annotations

import re

from kg.views import ConditionCheck, EnterpriseProfile

__all__ = ["zone_checks"]

_KINDS = r"先行区|示范区|试验区|自由贸易试验区|自贸区|自贸港|新区|合作区|保税区|综合保税区|高新区|开发区"
# The zone named in full: 在海南博鳌乐城国际医疗旅游先行区
_ZONE = re.compile(rf"(?:在|于|设立|批准)(?P<name>[\u4e00-\u9fff]{{4,30}}?(?P<kind>{_KINDS}))")
# …then referred to by its kind as where the rule holds: 对先行区内医疗机构; 示范区内的企业
_INSIDE = re.compile(rf"(?:对|在|凡)(?:该|上述|本)?(?P<kind>{_KINDS})(?:内|范围内)")


def zone_checks(text: str, profile: EnterpriseProfile, lang: str = "zh", start: int = 0) -> list[ConditionCheck]:
    """The place check of a rule confined to a zone ``text`` names (see the module); nothing when it names none."""
    from .places import NATIONAL, shipped_places

    inside = _INSIDE.search(text)
    if inside is None:
        return []
    zone = next((z for z in _ZONE.finditer(text, 0, inside.start()) if z.group("kind").endswith(inside.group("kind"))),
                None)
    if zone is None:
        return []
    name = zone.group("name")
    places = shipped_places()
    where = places.in_question(name) - {NATIONAL}
    if not where:
        return []
    said = " ".join(x for x in (profile.place, profile.district or "", profile.needs, *profile.plans) if x)
    core = places.without(name, where)  # 博鳌乐城国际医疗旅游先行区 once its province is taken out
    core = re.sub(rf"(?:{_KINDS})$", "", core).strip()
    if len(core) >= 2 and any(core[i:i + 4] in said for i in range(max(1, len(core) - 3))):
        return [ConditionCheck("met", "place", name, name, start + zone.start("name"), start + zone.end("name"))]
    mine = places.with_ancestors(places.in_question(said)) - {NATIONAL}
    if not mine:
        return []
    if not (mine & places.with_ancestors(where)):
        detail = (f"{profile.place or '所在地'}不在{name}" if lang == "zh" else f"{profile.place or 'the place'} is not in {name}")
        return [ConditionCheck("failed", "place", name, detail, start + zone.start("name"), start + zone.end("name"))]
    detail = (f"请说明是否位于{name}" if lang == "zh" else f"say whether you are in {name}")
    return [ConditionCheck("unknown", "place", name, detail, start + zone.start("name"), start + zone.end("name"))]
