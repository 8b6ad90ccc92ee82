"""Whose document it is: the jurisdiction (中华人民共和国, 广东省, 广州市, 上海市浦东新区) and its level (national,
province, city, district), read from the document number's prefix (国发 → national, 穗府办 → 广州市: the table
``data/docnumbers.json``) or else from the issuer's name through the shipped gazetteer (``data/places.ttl`` and
``data/divisions.ttl``); and the matching of a place a user types (广州, national, 全国) against a jurisdiction."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .concepts import Concept, load_places

__all__ = [
    "LEVELS",
    "NATIONAL",
    "RULE_OWN_NUMBER",
    "RULE_PURPOSE",
    "RULE_THIS_CITY",
    "Jurisdiction",
    "TextJurisdiction",
    "document_jurisdiction",
    "jurisdiction_of_issuers",
    "jurisdiction_of_number",
    "jurisdiction_of_text",
    "matches_jurisdiction",
    "place_named",
]

log = logging.getLogger(__name__)

NATIONAL = "中华人民共和国"
# district is the county level, whatever the place is called: a city's 区, a 县, a 旗, and a county-level city (县级市:
# 新密市 under 郑州市, 义乌市 under 金华市), which stands beside its prefecture's districts and counties, not with
# the prefecture-level cities (a researcher asking for city documents means those)
LEVELS = ("national", "province", "city", "district")
_DATA = Path(__file__).parent / "data" / "docnumbers.json"
_MUNICIPALITIES = ("beijing", "tianjin", "shanghai", "chongqing")
# Words that mean the whole country when a user filters by jurisdiction.
_NATIONAL_WORDS = frozenset({NATIONAL, "national", "nationwide", "central", "全国", "国家", "中国", "中央", "国务院"})
# A central body with no place before its name: 国务院办公厅, 中共中央, 教育部, 国家发展改革委, 海关总署.
_CENTRAL_BODY = re.compile(r"^(?:国务院|中共中央|中央|全国|国家|中华人民共和国|最高人民|中国人民银行)"
                           r"|^[\u4e00-\u9fff]{1,10}(?:部|总局|总署|部委|军委|武警总部)$")


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    """A place that issues documents: its full name and level."""

    name: str  # 中华人民共和国, 广东省, 广州市, 上海市浦东新区
    level: str  # national | province | city | district
    key: str = ""  # the gazetteer concept's key (china, guangzhou, pudong, cn440106), "" when unknown


@lru_cache(maxsize=1)
def _table() -> dict:
    with _DATA.open(encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def _places() -> tuple[dict[str, Concept], dict[str, list[Concept]]]:
    """Gazetteer concepts by key, and by every Chinese label (full and short form)."""
    by_key = {c.key: c for c in load_places()}
    by_label: dict[str, list[Concept]] = {}
    for c in by_key.values():
        for label in (c.pref_zh, *c.alt_zh):
            by_label.setdefault(label, []).append(c)
    return by_key, by_label


def _depth(concept: Concept) -> int:
    by_key, _ = _places()
    depth, node = 0, concept
    while node.broader:
        depth += 1
        node = by_key[node.broader]
    return depth


def _jurisdiction(concept: Concept) -> Jurisdiction:
    """A gazetteer place as a jurisdiction: a district is named with its city (上海市浦东新区, 广州市天河区)."""
    by_key, _ = _places()
    depth = _depth(concept)
    if depth == 0:
        return Jurisdiction(NATIONAL, "national", concept.key)
    if depth == 1:
        return Jurisdiction(concept.pref_zh, "province", concept.key)
    parent = by_key[concept.broader]
    if depth == 2 and parent.key not in _MUNICIPALITIES:
        return Jurisdiction(concept.pref_zh, "city", concept.key)
    return Jurisdiction(parent.pref_zh + concept.pref_zh, "district", concept.key)


def place_named(name: str) -> Jurisdiction | None:
    """The jurisdiction a full or short name stands for: 广州 → 广州市 (city), 上海市浦东新区 → district, 全国 →
    national; None for a name the gazetteer does not know. A name two places share goes to the higher one."""
    name = name.strip()
    if not name:
        return None
    if name in _NATIONAL_WORDS:
        return Jurisdiction(NATIONAL, "national", "china")
    _, by_label = _places()
    if name in by_label:
        return _jurisdiction(min(by_label[name], key=_depth))
    # 上海市浦东新区 / 广东省广州市: a place followed by one of its own parts
    head = _leading_place(name)
    return head[0] if head and head[1] == len(name) else None


def _leading_place(text: str) -> tuple[Jurisdiction, int] | None:
    """The place that ``text`` opens with, as precisely as it goes on (广州市天河区人民政府 → 广州市天河区), and how
    many characters it takes."""
    _, by_label = _places()
    text = re.sub(r"^中共", "", text)
    offset = len(text)
    text = text.lstrip()
    offset -= len(text)
    best: tuple[Concept, int] | None = None
    for size in range(min(len(text), 12), 1, -1):
        candidates = by_label.get(text[:size])
        if candidates:
            best = (min(candidates, key=_depth), size)
            break
    if best is None:
        return None
    concept, end = best
    while True:  # a part of the place may follow: 上海市 + 浦东新区, 广州市 + 天河区
        found = None
        for size in range(min(len(text) - end, 12), 1, -1):
            inner = [c for c in by_label.get(text[end : end + size], ()) if _is_within(c, concept)]
            if inner:
                found = (inner[0], end + size)
                break
        if not found:
            break
        concept, end = found
    if concept.key == "china":
        return Jurisdiction(NATIONAL, "national", "china"), offset + end
    return _jurisdiction(concept), offset + end


def _is_within(concept: Concept, ancestor: Concept) -> bool:
    by_key, _ = _places()
    node = concept
    while node.broader:
        if node.broader == ancestor.key:
            return True
        node = by_key[node.broader]
    return False


def _number_prefix(identifier: str) -> str:
    """国办发〔2019〕2号 → 国办发; 国务院令第706号 → 国务院令; "" when the number has no prefix."""
    identifier = re.sub(r"\s", "", identifier)
    m = re.match(r"^([\u4e00-\u9fff]+?)(?:[〔\[［(（]|第?[0-9０-９]+号)", identifier)
    return m.group(1) if m else ""


# the number a reply gives the proposal it answers (建议字〔2023〕8号, 第31号建议, 提案〔2024〕5号, 议案字): a register of
# the people's congress or the CPPCC of the answering place, not a body's prefix (建 alone is a ministry's, 建标〔…〕)
_PROPOSAL_NUMBER = re.compile(r"(?:建议|提案|议案)字?$")


def jurisdiction_of_number(identifier: str, hint: str = "") -> Jurisdiction | None:
    """The jurisdiction a document number's prefix names: 国发〔2018〕41号 → national, 穗府办函〔2023〕21号 → 广州市,
    沪府办发 → 上海市, 豫发改能源 → 河南省. A prefix two places use (宁政发: 南京市 or 宁夏) is decided by ``hint``
    (the issuer and title); None when the prefix is unknown or stays undecided."""
    prefix = _number_prefix(identifier)
    if not prefix or _PROPOSAL_NUMBER.search(prefix):
        return None
    table = _table()
    keys = sorted((*table["prefixes"], *table["ambiguous"]), key=len, reverse=True)
    key = next((k for k in keys if prefix.startswith(k)), None)
    if key is not None and key in table["prefixes"]:
        return place_named(table["prefixes"][key]) or Jurisdiction(table["prefixes"][key], "")
    if key is not None:
        for name in table["ambiguous"][key]:
            place = place_named(name)
            short = re.sub(r"(?:省|市|自治区|回族自治区|壮族自治区|维吾尔自治区)$", "", name)
            if place and (name in hint or short in hint):
                return place
        return None
    if prefix[0] in table["provinces"] and len(prefix) >= 2:
        return place_named(table["provinces"][prefix[0]])
    return None


def jurisdiction_of_issuers(issuers: tuple[str, ...] | list[str], title: str = "") -> Jurisdiction | None:
    """The jurisdiction of the issuing bodies (the first that names one): a place they open with (广州市人民政府办公厅
    → 广州市, 上海市浦东新区人民政府 → 上海市浦东新区) or a central body (国务院办公厅, 教育部 → national); else the same
    read from the title (上海市人民政府关于…); None when neither says."""
    for name in (*issuers, title):
        name = name.strip()
        if not name:
            continue
        place = _leading_place(name)
        if place:
            return place[0]
        head = re.split(r"关于|对", name, maxsplit=1)[0]
        if any(_CENTRAL_BODY.match(part) for part in re.split(r"[、，,\s]+", head) if part):
            return Jurisdiction(NATIONAL, "national", "china")
    return None


def document_jurisdiction(identifier: str = "", issuers: tuple[str, ...] | list[str] = (), title: str = "",
                          stated: str = "") -> Jurisdiction | None:
    """A document's jurisdiction: the one its metadata states (``stated``, e.g. a sidecar's 上海市), else its
    number's prefix, else its issuers or title."""
    if stated:
        return place_named(stated) or Jurisdiction(stated, "")
    hint = " ".join([*issuers, title])
    number = jurisdiction_of_number(identifier, hint)
    # 南府办〔2023〕12号 of 佛山市南海区人民政府办公室: a prefix the table gives to another place (南宁市) yields to
    # an issuer that writes its place in full (…市/…区/…县 at its start)
    written = next((_leading_place(i.strip()) for i in issuers if i.strip()), None)
    if (number and written and number.level != "national" and written[0].level != "national"
            and re.sub(r"^中共", "", next(i.strip() for i in issuers if i.strip()))[: written[1]].endswith(
                ("省", "市", "区", "县", "州", "旗", "盟"))
            and not (written[0].name.startswith(number.name) or number.name.startswith(written[0].name)
                     or number.name in written[0].name)):
        return written[0]
    if number and number.level == "city":
        # 长营商办〔2024〕3号 over 长沙县2024年优化营商环境工作要点: a county or district of that city the gazetteer
        # does not know, opening the issuer or the title, is where the document belongs
        for line in (*issuers, title):
            lower = _LOWER_AT_START_RE.match(re.sub(r"^中共", "", line.strip()))
            if lower and not number.name.endswith(lower.group(1)) and place_named(lower.group(1)) is None:
                return Jurisdiction(number.name + lower.group(1), "district")
    return number or jurisdiction_of_issuers(issuers, title)


_LOWER_AT_START_RE = re.compile(r"^(?![本全各该新城])([\u4e00-\u9fff]{2,3}?[县区])(?=人民政府|政府|委|\d|关于|印发)")


def matches_jurisdiction(query: str, jurisdiction: str, level: str = "") -> bool:
    """Whether a jurisdiction filter a user typed matches a document's jurisdiction: 广州 or 广州市 → 广州市 (and its
    districts, 广州市天河区); national, 全国, 国家 → 中华人民共和国; province, city, district → that level."""
    query = query.strip()
    if not query:
        return True
    if not jurisdiction:
        return False
    if query.lower() in ("province", "city", "district"):
        return level == query.lower()
    if query.lower() in _NATIONAL_WORDS or query in _NATIONAL_WORDS:
        return jurisdiction == NATIONAL
    place = place_named(query)
    name = place.name if place else query
    if jurisdiction == name or jurisdiction.startswith(name):
        return True
    # a province's documents include its cities' (广东 → 广州市) when the gazetteer puts them inside it
    if place and place.key:
        inner = place_named(jurisdiction)
        if inner and inner.key:
            by_key, _ = _places()
            return _is_within(by_key[inner.key], by_key[place.key]) if inner.key in by_key else False
    return query in jurisdiction


# --- the place a text with no title, number or issuer names as its own (issue 20) -----------------------------------
# Each rule reads one sentence; a place merely mentioned (对标北京, 《中国制造2025》, “上海制造”) gives nothing.
RULE_PURPOSE = "purpose-sentence-names-own-place"  # 为…，促进上海产业转型升级，制定本行动计划
RULE_OWN_NUMBER = "own-government-cites-own-number"  # 市政府印发的《…》（沪府发〔2017〕36号）
RULE_THIS_CITY = "this-city-with-one-named-city"  # 本市 … and 上海 the one city the text names

_QUOTED = re.compile(r"《[^《》]*》|“[^“”]*”|\"[^\"]*\"")
_SENTENCE_END = re.compile(r"(?<=[。；！？\n])")
# the sentence saying why the document is made: …，制定本行动计划 / 特制定本办法 / 现提出如下意见
_PURPOSE = re.compile(r"制定本|特制定|现提出|提出如下|制定如下|现就[^。]{0,40}(?:提出|通知)")
_AIM_VERB = re.compile(r"(?:促进|推动|推进|加快|助力|服务|打造|提升|实现|加强)")
# a bare 市政府 / 省政府 / 区政府 (no place before it: the text's own government) citing a text with its number
_OWN_GOVERNMENT_CITES = re.compile(r"(?P<level>[省市区县])(?:人民)?政府(?:办公厅|办公室)?"
                                   r"(?:印发|发布|出台|制定)?的?《[^《》]{2,80}》[（(](?P<number>[^（）()]{4,30})[）)]")
_LEVEL_ENDS = {"省": ("省", "自治区"), "市": ("市",), "区": ("区",), "县": ("县",)}
_THIS_CITY = re.compile(r"本市|我市")
# a text that addresses or tasks the provinces or the central departments speaks for the whole country, even when
# its aim is one place (为推动海南全面深化改革开放，现提出如下意见 … 海南省人民政府要…)
_NATIONAL_VOICE = re.compile(r"各省、自治区、直辖市|各省（区、市）|国务院各部委|国务院有关部门|中央和国家机关|各地区各部门")


@dataclass(frozen=True, slots=True)
class TextJurisdiction:
    """A jurisdiction inferred from the text: the place, the rule that read it and the sentence it read."""

    place: Jurisdiction
    rule: str
    sentence: str


def _unquoted(sentence: str) -> str:
    """``sentence`` with titles and quoted words blanked (same length): a place inside them is only mentioned."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), sentence)


def _named_cities(text: str) -> dict[str, Jurisdiction]:
    """The cities and municipalities ``text`` writes outside titles and quotes, by the label written."""
    by_key, by_label = _places()
    found: dict[str, Jurisdiction] = {}
    for label, concepts in by_label.items():
        if len(label) < 2 or label not in text:
            continue
        concept = min(concepts, key=_depth)
        depth = _depth(concept)
        municipality = depth == 1 and concept.key in _MUNICIPALITIES
        if municipality or (depth == 2 and by_key[concept.broader].key not in _MUNICIPALITIES):
            found[label] = _jurisdiction(concept)
    # a short label inside a longer one (上海 in 上海市) is the same place; one inside another place is not a place
    return {k: v for k, v in found.items() if not any(k != o and k in o and found[o] != v for o in found)}


def _only_place(sentence: str, place: Jurisdiction) -> bool:
    """Whether ``place`` (or a part of it) is the only place ``sentence`` writes: 促进上海、广东等地区经验推广 names
    two, and is a national text's aim for several places, none of them its own."""
    by_key, by_label = _places()
    own = by_key.get(place.key)
    for label, concepts in by_label.items():
        if len(label) < 2 or label not in sentence:
            continue
        concept = min(concepts, key=_depth)
        if own is None or concept.key == "china":
            continue
        if concept.key != own.key and not _is_within(concept, own) and not _is_within(own, concept):
            return False
    return True


def _after_place(sentence: str, at: int) -> bool:
    """Whether the level word at ``at`` (市 of 市政府) ends a place name the gazetteer knows (上海市, 广州市)."""
    _, by_label = _places()
    return any(sentence[max(0, at - k) : at + 1] in by_label or sentence[max(0, at - k) : at] in by_label
               for k in range(1, 7) if at - k >= 0)


def jurisdiction_of_text(text: str) -> TextJurisdiction | None:
    """The place a text names as its own, for a document whose number, issuers and title name none; None when no
    sentence says so. Rules, in order: the sentence stating why the document is made names a place as what it aims
    at (为…，促进上海产业转型升级，制定本行动计划); its own bare 市政府 / 省政府 cites a text whose number names a place
    of that level (市政府印发的《…》（沪府发〔2017〕36号）); it says 本市 / 我市 and names one city only."""
    if _NATIONAL_VOICE.search(text):
        return None
    sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
    for sentence in sentences:
        if not _PURPOSE.search(sentence):
            continue
        plain = _unquoted(sentence)
        places = {}
        for m in _AIM_VERB.finditer(plain):
            head = _leading_place(plain[m.end() : m.end() + 14])
            if head and head[0].level != "national":
                places[head[0].name] = head[0]
        if len(places) == 1 and _only_place(plain, next(iter(places.values()))):
            return TextJurisdiction(next(iter(places.values())), RULE_PURPOSE, sentence.strip())
    for sentence in sentences:
        for m in _OWN_GOVERNMENT_CITES.finditer(sentence):
            if _after_place(sentence, m.start()):
                continue  # 上海市政府, 广州市政府: a named government, not the text's own
            place = jurisdiction_of_number(m.group("number"))
            if place and place.name.endswith(_LEVEL_ENDS[m.group("level")]):
                return TextJurisdiction(place, RULE_OWN_NUMBER, sentence.strip())
    if len(_THIS_CITY.findall(text)) >= 2:
        named = _named_cities(_unquoted(text))
        cities = {j.name: j for j in named.values()}
        if len(cities) == 1:
            place = next(iter(cities.values()))
            labels = [k for k, v in named.items() if v == place]
            naming = [s for s in sentences if any(k in _unquoted(s) for k in labels)]
            # the sentence that says 我市 and names the city (巩固提升我市…, 中国（杭州）…), else the first naming it
            sentence = next((s for s in naming if _THIS_CITY.search(s)), naming[0])
            return TextJurisdiction(place, RULE_THIS_CITY, sentence.strip())
    return None
