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
    "NATIONAL",
    "LEVELS",
    "Jurisdiction",
    "document_jurisdiction",
    "jurisdiction_of_number",
    "jurisdiction_of_issuers",
    "place_named",
    "matches_jurisdiction",
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
    by_key, by_label = _places()
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
