"""Levels of a jurisdiction and names written relative to them: 广东省广州市 is a province and a city, and 市经贸委
written in its documents is 广州市经贸委.

Pure string arithmetic over jurisdiction names (no authority files): the gazetteer's provinces and cities, the
levels of a jurisdiction (``_levels``), its short written form (``_short_place``), and the expansion of a
label that starts with a level (市/区/县 …) or names a collective (各/有关 …) into its full name (``expand_name``).
``ingest.authority`` reads its files and resolves names with these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["NATIONAL", "expand_name"]

NATIONAL = "中华人民共和国"

_PROVINCES = ["北京市", "天津市", "上海市", "重庆市", "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省", "四川省", "贵州省", "云南省", "陕西省", "甘肃省", "青海省", "台湾省", "内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区", "香港特别行政区", "澳门特别行政区"]
_CITIES = ["广东省广州市", "广东省深圳市", "广东省珠海市", "广东省佛山市", "广东省东莞市", "江苏省南京市", "江苏省苏州市", "江苏省无锡市", "江苏省常州市", "江苏省南通市", "浙江省杭州市", "浙江省宁波市", "浙江省温州市", "浙江省嘉兴市", "浙江省湖州市", "浙江省绍兴市", "安徽省合肥市", "福建省福州市", "福建省厦门市", "江西省南昌市", "山东省济南市", "山东省青岛市", "河南省郑州市", "湖北省武汉市", "湖南省长沙市", "四川省成都市", "贵州省贵阳市", "云南省昆明市", "陕西省西安市", "甘肃省兰州市", "辽宁省沈阳市", "辽宁省大连市", "吉林省长春市", "黑龙江省哈尔滨市", "河北省石家庄市", "山西省太原市", "海南省海口市", "青海省西宁市", "内蒙古自治区呼和浩特市", "广西壮族自治区南宁市", "宁夏回族自治区银川市", "新疆维吾尔自治区乌鲁木齐市", "西藏自治区拉萨市"]
_LEVEL_RE = re.compile(
    r"^(?P<prov>.+?(?:省|自治区|特别行政区))?(?P<city>.+?(?:市|自治州|地区|盟))?(?P<county>.+?(?:新区|区|县|旗|市))?$"
)
_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")


@dataclass(frozen=True, slots=True)
class _Levels:
    province: str = ""  # 广东省 (a municipality is its own province and city)
    city: str = ""  # 广东省广州市, 上海市
    county: str = ""  # 上海市浦东新区

    @property
    def lowest(self) -> str:
        return self.county or self.city or self.province


def _levels(jurisdiction: str) -> _Levels:
    if not jurisdiction or jurisdiction == NATIONAL:
        return _Levels()
    for city in _MUNICIPALITIES:
        if jurisdiction.startswith(city):
            rest = jurisdiction[len(city):]
            return _Levels(city, city, jurisdiction if rest else "")
    m = _LEVEL_RE.match(jurisdiction)
    if not m:
        return _Levels()
    prov, city, county = m.group("prov") or "", m.group("city") or "", m.group("county") or ""
    return _Levels(prov, prov + city if city else "", prov + city + county if county else "")


def _short_place(place: str) -> str:
    """广东省广州市 → 广州市; 上海市浦东新区 → 浦东新区."""
    levels = _levels(place)
    if levels.county:
        return levels.county[len(levels.city or levels.province):]
    if levels.city and levels.province and levels.city != levels.province:
        return levels.city[len(levels.province):]
    return place


# A label read relative to a jurisdiction starts with its level (市/区/…) or names a collective (各/相关/有关).
_RELATIVE_START = ("市", "区", "县", "省", "州", "盟", "旗", "镇", "乡", "街道", "各", "相关", "有关", "本", "全市", "全区")
_LEVEL_CHARS = "省市区县州盟旗镇乡"


def _is_relative(label: str, jurisdiction: str) -> bool:
    if not jurisdiction or jurisdiction == NATIONAL:
        return False
    return label.startswith(_RELATIVE_START) and not label.startswith(jurisdiction)


def _absolute_variants(label: str, jurisdiction: str) -> list[str]:
    """市经信委 of 上海市 → 上海市经信委, 上海经信委; 区政府 of 上海市浦东新区 → 上海市浦东新区政府, 浦东新区政府."""
    full = expand_name(label, jurisdiction)
    variants = [full] if full != label else []
    short = _short_place(jurisdiction)
    if full.startswith(jurisdiction) and short != jurisdiction:
        variants.append(short + full[len(jurisdiction):])
    if jurisdiction in _MUNICIPALITIES and full.startswith(jurisdiction):
        variants.append(jurisdiction[:-1] + full[len(jurisdiction):])
    return variants


def expand_name(name: str, jurisdiction: str) -> str:
    """The full, jurisdiction-qualified name of a short form written in a document of ``jurisdiction``.

    >>> expand_name("市经贸委", "广东省广州市")
    '广州市经贸委'
    >>> expand_name("区发改委", "上海市浦东新区")
    '上海市浦东新区发改委'
    >>> expand_name("市经信委", "上海市浦东新区")
    '上海市经信委'
    >>> expand_name("市经信局", "浙江省绍兴市嵊州市")
    '绍兴市嵊州市经信局'
    >>> expand_name("各有关部门", "上海市")
    '上海市各有关部门'
    """
    levels = _levels(jurisdiction)
    if not levels.lowest or not name.startswith(_RELATIVE_START) or name.startswith(_written(levels.lowest, levels)):
        return name
    city = _written(levels.city, levels)
    county = _written(levels.county, levels)
    if name.startswith("市") and county.endswith("市"):
        return county + name[1:]  # a county-level city (县级市) calls its own bureaus 市X局: 嵊州市's 市经信局 is its own
    if name.startswith("市") and city:
        return city + name[1:]
    if name.startswith("省") and levels.province and levels.province not in _MUNICIPALITIES:
        return levels.province + name[1:]
    if name.startswith("州") and city.endswith("州"):
        return city + name[1:]
    if name.startswith("盟") and city.endswith("盟"):  # 盟行政公署 of 锡林郭勒盟: the league's own
        return city + name[1:]
    if name[0] in "区县旗" and county.endswith(name[0]):
        return county + name[1:]
    return _written(levels.lowest, levels) + name


def _written(place: str, levels: _Levels) -> str:
    """How a place is written before a body's name: 广东省广州市 → 广州市 (a city drops its province)."""
    if place and levels.province and levels.city and levels.city != levels.province and place.startswith(levels.city):
        return place[len(levels.province):]
    return place

