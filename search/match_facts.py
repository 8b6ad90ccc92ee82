"""Ranking within a document by the asker's own facts, and the standard a unit's case falls under.

Several units of one document often share the asker's words (a tax measure's articles all say 纳税人, 扣除, 每月);
the one that answers is the one about the asker's circumstances: the relatives the words name (my daughter → the
articles on 子女; 奶奶 → the definition naming 祖父母), and where the thing happens (studies abroad → 境外).
``fact_groups`` reads those facts from the profile's words, ``unit_fact_groups`` from a unit's text, and the
calculator adds ``FACT_BOOST`` per fact both name (search/match.py), so that the article on the asker's own case
comes before a neighbour that only shares the document's vocabulary.

And a case without a sum of its own: 纳税人子女在中国境外接受教育的，…留存…资料备查 states no figure; the standard
its case falls under is the article before it on the same subject (纳税人的子女接受全日制学历教育的相关支出，按照
每个子女每月1000元的标准定额扣除).  ``case_standard`` finds that article and ``case_amounts`` gives its standard
for the asker's count, with the article named in the formula.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from kg.views import Amount, EnterpriseProfile

from .eligibility import format_yuan
from .needs_text import count_in
from .shares import PER_HEAD, standard_sum
from .types import IndexUnit

__all__ = ["FACT_BOOST", "FACT_BOOST_MAX", "case_amounts", "case_standard", "excluded_by_reference", "fact_groups", "fact_score",
           "listed_sibling", "unit_fact_groups"]

# Added per fact of the asker's that a unit names (a relative, a place abroad), at most FACT_BOOST_MAX in all
FACT_BOOST = 0.15
FACT_BOOST_MAX = 0.3

# The asker's words for each group of relatives a policy names, and for a place abroad.  English words match at
# word boundaries.
_ASKER_WORDS: dict[str, tuple[str, ...]] = {
    "祖父母": ("奶奶", "爷爷", "外婆", "外公", "姥姥", "姥爷", "祖父", "祖母", "grandmother", "grandfather", "grandma",
            "grandpa", "grandparents", "granny"),
    "父母": ("我妈", "妈妈", "母亲", "老妈", "我爸", "爸爸", "父亲", "老爸", "父母", "爹", "mother", "father", "mum",
           "mom", "dad", "parents"),
    "子女": ("孩子", "儿子", "女儿", "娃", "闺女", "子女", "son", "sons", "daughter", "daughters", "child", "children",
           "kid", "kids"),
    "配偶": ("老婆", "妻子", "爱人", "丈夫", "老公", "媳妇", "配偶", "wife", "husband", "spouse"),
    "境外": ("境外", "国外", "海外", "出国", "留学", "abroad", "overseas", "foreign"),
}
# What a unit writes for each group (祖父母 is read before 父母; 独生子女 says the taxpayer is an only child, not
# that a child is concerned)
_UNIT_WORDS: dict[str, str] = {
    "祖父母": r"祖父母|外祖父母",
    "父母": r"父母",
    "子女": r"子女",
    "配偶": r"配偶|夫妻",
    "境外": r"境外|国外|海外",
    "大城市": r"(?<!非)(?:直辖市|省会|计划单列市)",
    "独生": r"(?<!非)独生子女",
    "非独生": r"非独生子女",
}
# The asker speaking of themself as a child: 我是家里唯一的孩子, 我是独生女, I am an only child
_SELF = re.compile(r"我是[^，,。；;！？!?]{0,8}?(?:孩子|独生子女|独生女|独生子|儿子|女儿)|"
                   r"\bI(?: am|'m) (?:an? |the )?(?:only |eldest |youngest )?(?:child|son|daughter)\b", re.IGNORECASE)
# The asker is an only child, or has brothers or sisters
_ONLY_CHILD = re.compile(r"我是[^，,。；;！？!?]{0,6}?(?:唯一的孩子|独生子女|独生女|独生子)|(?<!非)(?<!不是)独生子女|家里就我一个|"
                         r"\bI(?: am|'m) (?:an |the )?only child\b|\bno (?:brothers|sisters|siblings)\b", re.IGNORECASE)
_SIBLINGS = re.compile(r"(?:我|还)有(?:个|一个|两个)?(?:哥哥|姐姐|弟弟|妹妹|兄弟|姐妹)|兄弟姐妹|"
                       r"\bmy (?:brother|sister|siblings)\b|\bI have (?:a |an |two |three )?(?:older |younger )?"
                       r"(?:brother|sister|siblings)", re.IGNORECASE)
_FAMILY = ("祖父母", "父母", "子女", "配偶")
_PROVINCES_LIST = re.compile(r"自治区[、和及]直辖市(?:[、和及]计划单列市)?|直辖市[、和及]计划单列市")
# Cities of the classes a national measure names (直辖市、省会（首府）城市、计划单列市): the four municipalities,
# the provincial capitals and the five cities with separate planning status, as administrative facts
_MUNICIPALITIES = ("北京", "上海", "天津", "重庆", "Beijing", "Shanghai", "Tianjin", "Chongqing")
_CAPITALS = ("石家庄", "太原", "呼和浩特", "沈阳", "长春", "哈尔滨", "南京", "杭州", "合肥", "福州", "南昌", "济南", "郑州",
             "武汉", "长沙", "广州", "南宁", "海口", "成都", "贵阳", "昆明", "拉萨", "西安", "兰州", "西宁", "银川",
             "乌鲁木齐", "Shijiazhuang", "Taiyuan", "Hohhot", "Shenyang", "Changchun", "Harbin", "Nanjing", "Hangzhou",
             "Hefei", "Fuzhou", "Nanchang", "Jinan", "Zhengzhou", "Wuhan", "Changsha", "Guangzhou", "Nanning", "Haikou",
             "Chengdu", "Guiyang", "Kunming", "Lhasa", "Xi'an", "Xian", "Lanzhou", "Xining", "Yinchuan", "Urumqi")
_PLANNED = ("大连", "青岛", "宁波", "厦门", "深圳", "Dalian", "Qingdao", "Ningbo", "Xiamen", "Shenzhen")
_NOT_RELATIVE = re.compile(r"非?独生子女|(?:外)?祖父母")


def fact_groups(profile: EnterpriseProfile) -> set[str]:
    """The facts the profile's words state, by the policy's word for them: 奶奶 → 祖父母; my only daughter →
    子女; studies in Manchester, abroad → 境外; 我是家里唯一的孩子 → 独生 (the asker is an only child); 我还有个
    哥哥 → 非独生; 在上海上班 → 大城市 (a municipality, a provincial capital or a city with separate planning
    status, the classes a measure names).  A firm's words are read for places only."""
    whole = " ".join((profile.needs, *profile.plans))
    found = set()
    # a firm's words (儿童 products, parents as customers) name no relatives of the asker's: only a person's do
    firm = bool(profile.person is None and (profile.industry or profile.size or profile.name or profile.employees))
    if firm:
        pass
    elif _SIBLINGS.search(whole) or re.search(r"非独生子女|不是独生", whole):
        found.add("非独生")
    elif _ONLY_CHILD.search(whole):
        found.add("独生")
    if any((re.search(rf"\b{re.escape(c)}\b", whole) if c.isascii() else c in whole)
           for c in _MUNICIPALITIES + _CAPITALS + _PLANNED):
        found.add("大城市")  # the asker's words name a city of the classes a measure names (在上海上班)
    said = _SELF.sub("", whole)  # 我是家里唯一的孩子 names the asker, no child of theirs
    lowered = said.lower()
    for group, words in _ASKER_WORDS.items():
        if firm and group in _FAMILY:
            continue
        for w in words:
            if (re.search(rf"\b{re.escape(w)}\b", lowered) if w.isascii() else w in said):
                found.add(group)
                break
    return found


def unit_fact_groups(text: str) -> set[str]:
    """The facts a unit's text is about, by the same words (子女 of 独生子女 is not read: it names the taxpayer)."""
    found = set()
    for group, pattern in _UNIT_WORDS.items():
        body = text if group == "祖父母" else _NOT_RELATIVE.sub("", text) if group in ("父母", "子女") else text
        if group == "大城市":  # 各省、自治区、直辖市（和计划单列市）人民政府 addresses governments, not a class of city
            body = _PROVINCES_LIST.sub("", body)
        if re.search(pattern, body):
            found.add(group)
    return found


def fact_score(text: str, facts: set[str]) -> float:
    """The boost for a unit naming the asker's facts: FACT_BOOST per fact, at most FACT_BOOST_MAX."""
    if not facts:
        return 0.0
    return min(FACT_BOOST_MAX, FACT_BOOST * len(unit_fact_groups(text) & facts))


# A unit opening with the case it rules on: 纳税人子女在中国境外接受教育的，
_CASE = re.compile(r"^\s*(?P<case>[^，,。；;：:\n]{4,40}?)的[，,]")
_STANDARD = re.compile(r"标准|定额")


def _pairs(text: str) -> set[str]:
    chars = re.sub(r"[^\u4e00-\u9fff]", "", text)
    return {chars[i:i + 2] for i in range(len(chars) - 1)}


def _pays(unit: IndexUnit) -> bool:
    return any((s.amount is not None or s.cap is not None) and s.kind not in ("threshold", "time-limit")
               for s in unit.context.supports)


def case_standard(unit: IndexUnit, units: Sequence[IndexUnit]) -> IndexUnit | None:
    """The article whose standard ``unit``'s case falls under: ``unit`` opens with a case (…的，) and states no sum;
    the nearest unit before it in the same document stating a standard (标准, 定额) with a sum whose opening
    sentence shares the case's subject (three pairs of characters at least, the taxpayer's 纳税人 not counted),
    among the three units before it; None otherwise."""
    m = _CASE.match(unit.text)
    if m is None or _pays(unit) or re.search(r"[0-9]+(?:\.[0-9]+)?\s*(?:万元|元)", unit.text):
        return None
    case = _pairs(m.group("case")) - {"纳税", "税人"}
    if len(case) < 3:
        return None
    before = [u for u in units if u.document == unit.document and u.start < unit.start and u.kind != "target"]
    for u in sorted(before, key=lambda u: -u.start)[:3]:  # the few units before it: its own section
        if not (_pays(u) and _STANDARD.search(u.text)):
            continue
        opening = re.split(r"[。；;\n]", u.text, maxsplit=1)[0]
        return u if len(case & _pairs(opening)) >= 3 else None  # the nearest standard only, on the same subject
    return None


def case_amounts(unit: IndexUnit, standard: IndexUnit | None, profile: EnterpriseProfile,
                 lang: str = "zh") -> list[Amount]:
    """The standard of ``standard`` for ``unit``'s case, for the asker's count where the standard is per child or
    per person (每个子女每月1000元 × 1 个子女), the article named in the formula as the base's evidence."""
    opening = _CASE.match(unit.text)  # the referring unit's own case picks its sum among the standard's cases
    stated = standard_sum(standard, opening.group("case") if opening else "") if standard is not None else None
    if stated is None:
        return []
    each, unit_out, base = stated
    per = PER_HEAD.search(standard.text)
    people = count_in(profile.needs) if per else None
    value = each * people if people else each
    who = per.group("who") if per else ""
    where = f"（{standard.path}）" if lang == "zh" else f" ({standard.path})"
    if people:
        formula = f"{format_yuan(each)} {unit_out} × {people} {'人' if who == '人' else '个' + who} = {format_yuan(value)} {unit_out}"
    else:
        formula = f"{format_yuan(each)} {unit_out}"
    if people:
        return [Amount(value, unit_out, "fixed", formula + where, None, f"{who}数" if lang == "zh" else "count",
                       "needs", Decimal(people), None, base.iri, base.text)]
    return [Amount(value, unit_out, "fixed", formula + where, None, "", "", None, None, base.iri, base.text)]



# A clause leaving out what a sibling item lists: 除第一项所列城市以外; 除本条第（一）项规定的地区外; 除前款所列情形外
_BY_REFERENCE = re.compile(r"除(?:本条|本款)?(?:第[（(]?(?P<n>[一二三四五六七八九十]{1,3}|[0-9]{1,2})[）)]?(?:项|目)|(?P<prev>前[一两二]?项))"
                           r"(?:所列|所述|规定|列明|列出|确定)的?(?P<what>[\u4e00-\u9fff]{0,6}?)(?:以外|之外|外)")
_CN = "一二三四五六七八九十"
# the classes of city a measure names, by their members (the tuples above)
_CLASSES = (("直辖市", _MUNICIPALITIES), ("省会", _CAPITALS), ("首府", _CAPITALS), ("计划单列市", _PLANNED))


def _item_path(path: str, n: str) -> str | None:
    """The path of item ``n`` (一, 2) beside the item at ``path`` (第十七条（二） → 第十七条（一）)."""
    m = re.fullmatch(r"(?P<parent>.*?)[（(](?P<own>[一二三四五六七八九十]{1,3}|[0-9]{1,2})[）)]", path)
    if m is None:
        return None
    own = m.group("own")
    if n == "前":
        if own.isdigit():
            return f"{m.group('parent')}（{int(own) - 1}）" if int(own) > 1 else None
        if len(own) == 1 and own in _CN and own != "一":
            return f"{m.group('parent')}（{_CN[_CN.index(own) - 1]}）"
        return None
    if own.isdigit() and not n.isdigit() and len(n) == 1 and n in _CN:
        n = str(_CN.index(n) + 1)  # 第一项 beside （2）
    return f"{m.group('parent')}（{n}）"


def _named_in(listed: str, words: str) -> str:
    """A city of ``listed``'s classes (直辖市、省会（首府）城市、计划单列市) or a place ``listed`` names, that the
    asker's ``words`` name (在上海上班; place 深圳市); "" when none."""
    from .places import NATIONAL, shipped_places

    for cls, members in _CLASSES:
        if cls in listed:
            for c in members:
                if (re.search(rf"\b{re.escape(c)}\b", words) if c.isascii() else c in words):
                    return f"{c}（{cls}）"
    places = shipped_places()
    wanted = places.in_question(listed) - {NATIONAL}
    mine = places.with_ancestors(places.in_question(words))
    hit = sorted(wanted & mine)
    return hit[0] if hit else ""


def excluded_by_reference(unit: IndexUnit | None, units: Sequence[IndexUnit], profile: EnterpriseProfile,
                          start: int = 0, lang: str = "zh") -> list:
    """A failed check where ``unit`` leaves out what a sibling item lists (除第一项所列城市以外, 除前项规定的地区外)
    and the asker's place or words name a city or place of that list (在上海上班, 上海 being a 直辖市 of 第十七条
    （一）): the clause is not theirs, the sibling item is.  ``start`` is the frame of the unit's text in the hit."""
    from kg.views import ConditionCheck

    if unit is None:
        return []
    words = " ".join(x for x in (profile.place, profile.district or "", profile.needs, *profile.plans) if x)
    if not words.strip():
        return []
    out = []
    for m in _BY_REFERENCE.finditer(unit.text):
        path = _item_path(unit.path, "前" if m.group("prev") else m.group("n"))
        sibling = next((u for u in units if u.document == unit.document and u.path == path), None) if path else None
        if sibling is None:
            continue
        named = _named_in(sibling.text, words)
        if named:
            detail = (f"{named}属{sibling.path}所列" if lang == "zh" else f"{named} is listed in {sibling.path}")
            out.append(ConditionCheck("failed", "place", m.group(), detail, start + m.start(), start + m.end()))
    return out


def listed_sibling(unit: IndexUnit | None, units: Sequence[IndexUnit], profile: EnterpriseProfile) -> IndexUnit | None:
    """The sibling item that lists the asker's city where ``unit`` leaves it out (第十七条（二）'s 除第一项所列城市以外
    for a renter in 杭州, a 省会 of 第十七条（一）): the item whose rule is theirs; None otherwise."""
    if unit is None:
        return None
    words = " ".join(x for x in (profile.place, profile.district or "", profile.needs, *profile.plans) if x)
    if not words.strip():
        return None
    for m in _BY_REFERENCE.finditer(unit.text):
        path = _item_path(unit.path, "前" if m.group("prev") else m.group("n"))
        sibling = next((u for u in units if u.document == unit.document and u.path == path), None) if path else None
        if sibling is not None and _named_in(sibling.text, words):
            return sibling
    return None
