"""Recognise government bodies in any Chinese policy text and resolve them through the authority files.

Three steps, each a small function:

1. *Find* candidate names: every label of the authority files (``ingest/data/authority/*.ttl``, W3C ORG +
   SKOS, plus the user's files named by ``POLICYKG_AUTHORITY_FILES``), a generic pattern for bodies no file
   knows (a prefix such as 国家/省/市/区/县/街道 or a place name, a short core, a body suffix such as 局/委/办/
   中心/人民政府), collectives (各区政府, 各有关部门, 区直各部门) and bodies a plan sets up (联席会议, 领导小组).
   A name may run on into a sub-body (市公安局出入境管理局, 国家税务总局广州市税务局).
2. *Choose* the longest candidates that do not overlap (市政府办公厅, not 市政府), outside 《…》 titles.
3. *Resolve* each name within the document's jurisdiction: a short form (市经贸委, 区发改委, 各区政府) is read
   relative to it (in a Guangzhou plan 市经贸委 is 广州市经贸委), then looked up; among bodies sharing a
   name, the one valid at the document's date wins.  A body no file knows becomes an organisation keyed by a
   hash of its jurisdiction-qualified full name, its written name kept as a label.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from .model import Department, Span, Unit

__all__ = [
    "AUTHORITY_DIR",
    "AUTHORITY_ENV",
    "AliasEntry",
    "Authority",
    "AuthorityBody",
    "ChangeEvent",
    "DISTRICTS",
    "MUNICIPAL_GOVERNMENT",
    "NATIONAL",
    "alias_table",
    "authority",
    "authority_files",
    "canonical_jurisdiction",
    "configure_authority",
    "document_date",
    "expand_name",
    "find_departments",
    "full_name",
    "government_of",
    "jurisdiction_of",
    "name_history",
    "normalise_department",
    "resolve_name",
    "sentence_bounds",
]

log = logging.getLogger(__name__)

AUTHORITY_DIR = Path(__file__).parent / "data" / "authority"
AUTHORITY_ENV = "POLICYKG_AUTHORITY_FILES"
DISTRICTS = "shanghai-district-governments"
MUNICIPAL_GOVERNMENT = "shanghai-municipal-government"
NATIONAL = "中华人民共和国"

_ORG = "http://www.w3.org/ns/org#"
_POL = "https://w3id.org/policykg/ns#"
_CJK = "\u4e00-\u9fff"
_SENTENCE_END = "。！？!?\n"

# ---------------------------------------------------------------------------------------------- authority


@dataclass(frozen=True, slots=True)
class AuthorityBody:
    """One organisation of an authority file."""

    key: str  # the IRI's last segment: shanghai-municipal-finance-bureau
    iri: str
    pref_label: str
    pref_label_en: str
    alt_labels: tuple[str, ...]
    category: str
    jurisdiction: str  # 中华人民共和国, 上海市, 上海市浦东新区
    parent: str = ""  # key of org:subOrganizationOf
    valid_from: date | None = None  # pol:validFrom as the file states it
    valid_until: date | None = None  # pol:validUntil as the file states it
    predecessors: tuple[str, ...] = ()  # keys, from the change events (and dcterms:replaces)
    successors: tuple[str, ...] = ()
    began: date | None = None  # valid_from, else the date of the change event that made it (a year → 1 Jan)
    ended: date | None = None  # valid_until, else the date of the change event that ended it (a year → 31 Dec)


@dataclass(frozen=True, slots=True)
class ChangeEvent:
    """An org:ChangeEvent: the original organisations end, the resulting ones begin (e.g. 2018 reorganisation)."""

    key: str
    label: str
    date: str  # lexical form as written: 2018-03-17 or 2018
    original: tuple[str, ...]
    resulting: tuple[str, ...]

    @property
    def year(self) -> int | None:
        m = re.match(r"\d{4}", self.date)
        return int(m.group()) if m else None


@dataclass(frozen=True, slots=True)
class AliasEntry:
    """The names of one body (kept for the callers of ``alias_table``)."""

    key: str
    pref_label: str
    pref_label_en: str
    category: str
    alt_labels: tuple[str, ...]


@dataclass(slots=True)
class Authority:
    """All authority files merged: bodies by key, change events, and the label indexes."""

    bodies: dict[str, AuthorityBody]
    changes: list[ChangeEvent]
    absolute: dict[str, list[str]] = field(default_factory=dict)  # 上海市经信委 → keys
    relative: dict[str, list[str]] = field(default_factory=dict)  # 市经信委 → keys (read within a jurisdiction)
    files: tuple[str, ...] = ()


_extra_files: tuple[Path, ...] | None = None


def configure_authority(paths: Iterable[str | Path] | None) -> None:
    """Use these user authority files (or folders of ``*.ttl``) besides the shipped ones; None: the env var."""
    global _extra_files
    wanted = None if paths is None else tuple(Path(p) for p in paths)
    if wanted == _extra_files:
        return
    _extra_files = wanted
    for cached in (authority, alias_table, _label_re, _known_places):
        cached.cache_clear()


def _env_files() -> tuple[Path, ...]:
    raw = os.environ.get(AUTHORITY_ENV, "").strip()
    if not raw:
        return ()
    if raw.startswith("["):
        return tuple(Path(p) for p in json.loads(raw))
    return tuple(Path(p) for p in raw.split(os.pathsep) if p)


def authority_files() -> list[Path]:
    """The shipped files (sorted), then the user's (a file, or a folder of ``*.ttl``), in that order."""
    files = sorted(AUTHORITY_DIR.glob("*.ttl"))
    for path in _extra_files if _extra_files is not None else _env_files():
        if path.is_dir():
            files += sorted(path.glob("*.ttl"))
        elif path.is_file():
            files.append(path)
        else:
            raise FileNotFoundError(f"authority file {path} does not exist (from {AUTHORITY_ENV} or the settings)")
    return files


def _key_of(iri: str) -> str:
    from urllib.parse import unquote

    return unquote(re.split(r"[/#]", iri.rstrip("/#"))[-1])


def _as_date(value: object, end: bool = False) -> date | None:
    """xsd:date → date; a bare year (xsd:gYear) → 1 Jan, or 31 Dec when it ends something."""
    text = str(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return date.fromisoformat(text)
    if re.fullmatch(r"\d{4}", text):
        return date(int(text), 12, 31) if end else date(int(text), 1, 1)
    return None


def _load_graph(files: list[Path]):
    from rdflib import Graph

    graph = Graph()
    for path in files:
        graph.parse(path, format="turtle")
    return graph


def _bodies_and_changes(graph, files: list[Path]) -> tuple[dict[str, AuthorityBody], list[ChangeEvent]]:
    from rdflib import RDF, RDFS, SKOS, URIRef
    from rdflib.namespace import DCTERMS, PROV

    org = lambda t: URIRef(_ORG + t)  # noqa: E731
    pol = lambda t: URIRef(_POL + t)  # noqa: E731
    changes = []
    for event in sorted(set(graph.subjects(RDF.type, org("ChangeEvent")))):
        when = graph.value(event, DCTERMS.date) or graph.value(event, PROV.startedAtTime) or ""
        changes.append(ChangeEvent(
            key=_key_of(str(event)), label=str(graph.value(event, RDFS.label) or ""), date=str(when)[:10],
            original=tuple(sorted(_key_of(str(o)) for o in graph.objects(event, org("originalOrganization")))),
            resulting=tuple(sorted(_key_of(str(o)) for o in graph.objects(event, org("resultingOrganization")))),
        ))
    before: dict[str, list[str]] = {}
    after: dict[str, list[str]] = {}
    ended: dict[str, date] = {}
    began: dict[str, date] = {}
    for c in changes:
        for o in c.original:
            after.setdefault(o, []).extend(c.resulting)
            if _as_date(c.date, end=True):
                ended[o] = _as_date(c.date, end=True)  # type: ignore[assignment]
        for r in c.resulting:
            before.setdefault(r, []).extend(c.original)
            if _as_date(c.date):
                began[r] = _as_date(c.date)  # type: ignore[assignment]
    for node in graph.subjects(DCTERMS.replaces, None):
        for old in graph.objects(node, DCTERMS.replaces):
            before.setdefault(_key_of(str(node)), []).append(_key_of(str(old)))
            after.setdefault(_key_of(str(old)), []).append(_key_of(str(node)))
    bodies: dict[str, AuthorityBody] = {}
    org_types = {org("Organization"), org("FormalOrganization"), org("OrganizationalUnit"),
                 org("OrganizationalCollaboration"), org("GovernmentOrganization")}
    subjects = sorted({s for t in org_types for s in graph.subjects(RDF.type, t)})
    for node in subjects:
        key = _key_of(str(node))
        zh = [str(x) for x in graph.objects(node, SKOS.prefLabel) if getattr(x, "language", None) in (None, "zh")]
        en = [str(x) for x in graph.objects(node, SKOS.prefLabel) if getattr(x, "language", None) == "en"]
        if not zh:
            log.warning("authority body %s has no Chinese skos:prefLabel; skipped", node)
            continue
        alts = sorted({str(x) for x in graph.objects(node, SKOS.altLabel)} - {zh[0]})
        parent = graph.value(node, org("subOrganizationOf"))
        bodies[key] = AuthorityBody(
            key=key, iri=str(node), pref_label=zh[0], pref_label_en=en[0] if en else "", alt_labels=tuple(alts),
            category=str(graph.value(node, pol("category")) or "department"),
            jurisdiction=str(graph.value(node, pol("jurisdiction")) or ""),
            parent=_key_of(str(parent)) if parent is not None else "",
            valid_from=_as_date(graph.value(node, pol("validFrom")) or ""),
            valid_until=_as_date(graph.value(node, pol("validUntil")) or "", end=True),
            predecessors=tuple(dict.fromkeys(before.get(key, []))),
            successors=tuple(dict.fromkeys(after.get(key, []))),
        )
        body = bodies[key]
        bodies[key] = dataclasses.replace(
            body, began=body.valid_from or began.get(key), ended=body.valid_until or ended.get(key))
    return bodies, changes


@lru_cache(maxsize=1)
def authority() -> Authority:
    """The merged authority files, with their label indexes; read once per process."""
    files = authority_files()
    bodies, changes = _bodies_and_changes(_load_graph(files), files)
    merged = Authority(bodies=bodies, changes=changes, files=tuple(str(f) for f in files))
    for body in bodies.values():
        for label in (body.pref_label, *body.alt_labels):
            if _is_relative(label, body.jurisdiction):
                merged.relative.setdefault(label, []).append(body.key)
                for variant in _absolute_variants(label, body.jurisdiction):
                    merged.absolute.setdefault(variant, []).append(body.key)
            else:
                merged.absolute.setdefault(label, []).append(body.key)
    log.debug("authority: %d bodies, %d change events from %d files", len(bodies), len(changes), len(files))
    return merged


@lru_cache(maxsize=1)
def alias_table() -> dict[str, AliasEntry]:
    """Every body of the authority files, by key (full name, English name, category, short forms)."""
    return {
        b.key: AliasEntry(b.key, b.pref_label, b.pref_label_en, b.category, b.alt_labels)
        for b in authority().bodies.values()
    }


def name_history(keys: Iterable[str]) -> tuple[list[AuthorityBody], list[ChangeEvent]]:
    """The bodies ``keys`` name plus every predecessor and successor they are linked to, and those events."""
    bodies = authority().bodies
    seen: dict[str, AuthorityBody] = {}
    todo = [k for k in keys if k in bodies]
    while todo:
        key = todo.pop()
        if key in seen:
            continue
        seen[key] = bodies[key]
        todo += [k for k in (*bodies[key].predecessors, *bodies[key].successors) if k in bodies and k not in seen]
    events = [c for c in authority().changes if set(c.original + c.resulting) & set(seen)]
    return sorted(seen.values(), key=lambda b: b.key), events


# ---------------------------------------------------------------------------------------------- jurisdictions

_PROVINCES = (
    "北京市 天津市 上海市 重庆市 河北省 山西省 辽宁省 吉林省 黑龙江省 江苏省 浙江省 安徽省 福建省 江西省 山东省 "
    "河南省 湖北省 湖南省 广东省 海南省 四川省 贵州省 云南省 陕西省 甘肃省 青海省 台湾省 内蒙古自治区 "
    "广西壮族自治区 西藏自治区 宁夏回族自治区 新疆维吾尔自治区 香港特别行政区 澳门特别行政区"
).split()
_CITIES = (
    "广东省广州市 广东省深圳市 广东省珠海市 广东省佛山市 广东省东莞市 江苏省南京市 江苏省苏州市 江苏省无锡市 "
    "江苏省常州市 江苏省南通市 浙江省杭州市 浙江省宁波市 浙江省温州市 浙江省嘉兴市 浙江省湖州市 浙江省绍兴市 "
    "安徽省合肥市 福建省福州市 福建省厦门市 江西省南昌市 山东省济南市 山东省青岛市 河南省郑州市 湖北省武汉市 "
    "湖南省长沙市 四川省成都市 贵州省贵阳市 云南省昆明市 陕西省西安市 甘肃省兰州市 辽宁省沈阳市 辽宁省大连市 "
    "吉林省长春市 黑龙江省哈尔滨市 河北省石家庄市 山西省太原市 海南省海口市 青海省西宁市 内蒙古自治区呼和浩特市 "
    "广西壮族自治区南宁市 宁夏回族自治区银川市 新疆维吾尔自治区乌鲁木齐市 西藏自治区拉萨市"
).split()
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


@lru_cache(maxsize=1)
def _known_places() -> dict[str, str]:
    """Every place name the gazetteer and the authority files know, written forms → canonical jurisdiction."""
    places: dict[str, str] = {}
    canon = set(_PROVINCES) | set(_CITIES) | {b.jurisdiction for b in authority().bodies.values()}
    canon.discard("")
    canon.discard(NATIONAL)
    for place in canon:
        for written in {place, _short_place(place)}:
            places.setdefault(written, place)
            bare = re.sub(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$", "", written)
            if len(bare) >= 2 and written.endswith(("省", "市")) and not written.endswith("新区"):
                places.setdefault(bare, place)
    return places


def canonical_jurisdiction(name: str) -> str:
    """浦东新区 → 上海市浦东新区, 广州 → 广东省广州市, 国务院 → 中华人民共和国; unknown names stay as they are."""
    name = name.strip()
    if not name:
        return ""
    if name in (NATIONAL, "全国", "国家", "中国", "国务院", "中央"):
        return NATIONAL
    return _known_places().get(name, name)


_CENTRAL_START_RE = re.compile(r"^(?:中共中央|国务院|国家|全国|中华人民共和国|中国人民银行)")
_PLACE_START_RE = re.compile(rf"^(?:中共)?([{_CJK}]{{2,8}}?(?:省|自治区|市|自治州|新区|区|县))(?=[{_CJK}])")
_PLACE_GOV_RE = re.compile(rf"(?<![{_CJK}])([{_CJK}]{{2,4}}(?:省|市|自治州|县|区))(?=人民政府)")
_BODY_AFTER_PLACE_RE = re.compile(r"(?:人民政府|政府|关于|印发|办公厅|办公室|[^，。、\s]{0,14}?(?:委员会|局|委|厅|办)(?![面法托]))")
_GOV_IN_TEXT_RE = re.compile(rf"([{_CJK}]{{2,8}}?(?:省|自治区|市|自治州|新区|区|县))(?:人民政府|政府|委员会)")


def jurisdiction_of(title: str = "", issuer: str = "", text: str = "") -> str:
    """The document's jurisdiction from its issuer, title or text: 上海市, 广东省广州市, 上海市浦东新区, 中华人民共和国.

    A central body or 国务院 at the start of the issuer or title means national; else the place the issuer or
    title starts with (广州市人民政府办公厅, 浦东新区…), else the place whose government the text names most;
    "" when none is found."""
    for line in (issuer, title):
        line = re.sub(r"^\s*(?:关于)?(?:印发|转发)?[《〈]?", "", line.strip())
        if not line:
            continue
        place = _leading_place(line)
        if place:
            return place
        if _CENTRAL_START_RE.match(line) or _central_body_at_start(line):
            return NATIONAL
    counts: dict[str, int] = {}
    for m in _GOV_IN_TEXT_RE.finditer(text[:5000]):
        place = _place_at_end(m.group(1))
        if place:
            counts[place] = counts.get(place, 0) + 1
    if counts:
        return max(counts, key=lambda p: (counts[p], -len(p)))
    return ""


def _leading_place(line: str) -> str:
    places = _known_places()
    for written in sorted(places, key=len, reverse=True):
        if line.startswith(written) or line.startswith("中共" + written):
            # 上海市浦东新区… : the longer place that follows wins
            rest = line[line.index(written) + len(written):]
            sub = _PLACE_START_RE.match(rest)
            if sub and sub.group(1) in places and places[sub.group(1)].startswith(places[written]):
                return places[sub.group(1)]
            if sub and _BODY_AFTER_PLACE_RE.match(rest[sub.end():]):  # 杭州市|淳安县|人民政府
                return places[written] + sub.group(1)
            return places[written]
    m = _PLACE_START_RE.match(line)
    if m and _BODY_AFTER_PLACE_RE.match(line[m.end():]):
        return canonical_jurisdiction(m.group(1))
    return ""


def _place_at_start(name: str) -> str:
    """The known place a name starts with (广州市…, 上海…), else ""."""
    return next((p for p in sorted(_known_places(), key=len, reverse=True) if name.startswith(p)), "")


def _place_in(name: str) -> str:
    """The jurisdiction a full name states: its last known place (国家税务总局广州市税务局 → 广东省广州市), else
    national for 国家…/国务院…, else ""."""
    places = _known_places()
    found = [(name.rfind(p) + len(p), len(p), p) for p in places if p in name]
    if found:
        return places[max(found)[2]]
    return NATIONAL if name.startswith(("国家", "国务院", "中国", "中华人民共和国")) else ""


def _place_at_end(name: str) -> str:
    places = _known_places()
    for start in range(len(name) - 1):
        if name[start:] in places:
            return places[name[start:]]
    return ""


def _central_body_at_start(line: str) -> bool:
    auth = authority()
    for label, keys in auth.absolute.items():
        if line.startswith(label) and any(auth.bodies[k].jurisdiction == NATIONAL for k in keys):
            return True
    return False


def document_date(issued: str = "", period_start: str = "", title: str = "") -> date | None:
    """The date a document speaks from: its issue date, else the start of its period, else a year in its title."""
    for text in (issued, period_start):
        if text and _as_date(text[:10]) is not None:
            return _as_date(text[:10])
    m = re.search(r"(19|20)\d{2}", title)
    return date(int(m.group()), 1, 1) if m else None


# ---------------------------------------------------------------------------------------------- names

# A label read relative to a jurisdiction starts with its level (市/区/…) or names a collective (各/相关/有关).
_RELATIVE_START = ("市", "区", "县", "省", "州", "镇", "乡", "街道", "各", "相关", "有关", "本", "全市", "全区")
_LEVEL_CHARS = "省市区县州镇乡"


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
    >>> expand_name("各有关部门", "上海市")
    '上海市各有关部门'
    """
    levels = _levels(jurisdiction)
    if not levels.lowest or not name.startswith(_RELATIVE_START) or name.startswith(_written(levels.lowest, levels)):
        return name
    city = _written(levels.city, levels)
    county = _written(levels.county, levels)
    if name.startswith("市") and city:
        return city + name[1:]
    if name.startswith("省") and levels.province and levels.province not in _MUNICIPALITIES:
        return levels.province + name[1:]
    if name.startswith("州") and city.endswith("州"):
        return city + name[1:]
    if name[0] in "区县旗" and county.endswith(name[0]):
        return county + name[1:]
    return _written(levels.lowest, levels) + name


def _written(place: str, levels: _Levels) -> str:
    """How a place is written before a body's name: 广东省广州市 → 广州市 (a city drops its province)."""
    if place and levels.province and levels.city and levels.city != levels.province and place.startswith(levels.city):
        return place[len(levels.province):]
    return place


def full_name(name: str, jurisdiction: str) -> str:
    """A body's full name: a short name gets its jurisdiction (市技术改造联席会议 → 上海市技术改造联席会议).

    >>> full_name("市技术改造联席会议", "上海市")
    '上海市技术改造联席会议'
    """
    return expand_name(name, canonical_jurisdiction(jurisdiction))


def _valid_at(body: AuthorityBody, when: date | None) -> bool:
    if when is None:
        return body.ended is None
    return (body.began is None or body.began <= when) and (body.ended is None or when <= body.ended)


def _pick(keys: list[str], when: date | None) -> str | None:
    """Among bodies sharing a name, the one valid at ``when`` (else the current one, else the first)."""
    keys = list(dict.fromkeys(keys))
    if not keys:
        return None
    bodies = authority().bodies
    for test in (lambda b: _valid_at(b, when), lambda b: b.ended is None):
        valid = [k for k in keys if test(bodies[k])]
        if valid:
            return valid[0]
    return keys[0]


def resolve_name(name: str, jurisdiction: str = "", when: date | None = None) -> str | None:
    """The authority key of ``name`` as written in a document of ``jurisdiction`` at ``when``; None if no file has it."""
    auth = authority()
    jurisdiction = canonical_jurisdiction(jurisdiction)
    if name in auth.relative:
        here = [k for k in auth.relative[name] if auth.bodies[k].jurisdiction == jurisdiction]
        if here:
            return _pick(here, when)
        if jurisdiction:
            full = expand_name(name, jurisdiction)
            if full in auth.absolute:
                return _pick(auth.absolute[full], when)
            if full != name:
                return None
        places = {auth.bodies[k].jurisdiction for k in auth.relative[name]}
        if not jurisdiction and len(places) == 1:
            return _pick(auth.relative[name], when)
        return None
    if jurisdiction and name.startswith(_RELATIVE_START):
        full = expand_name(name, jurisdiction)
        if full in auth.absolute:
            return _pick(auth.absolute[full], when)
    if name in auth.absolute:
        return _pick(auth.absolute[name], when)
    return None


def normalise_department(name: str, jurisdiction: str = "", when: date | None = None) -> str | None:
    """Key of the body ``name`` refers to (市经信委 → the commission's key), or None if no authority file has it.

    Tolerates a place prefix written in front (上海市经信委) and a missing 市 (经信委)."""
    name = name.strip()
    if not name:
        return None
    key = resolve_name(name, jurisdiction, when)
    if key:
        return key
    for candidate in ("市" + name, name.removeprefix("上海"), "上海" + name):
        key = resolve_name(candidate, jurisdiction, when)
        if key:
            return key
    return None


def government_of(jurisdiction: str) -> Department:
    """The people's government of a jurisdiction (上海市人民政府; 国务院 for the nation), from a file or made up."""
    jurisdiction = canonical_jurisdiction(jurisdiction)
    if jurisdiction == NATIONAL:
        return _department_of("cn-state-council", "", "")
    if not jurisdiction:
        return _department_of(MUNICIPAL_GOVERNMENT, "", "")
    for body in authority().bodies.values():
        if body.jurisdiction == jurisdiction and body.category == "government":
            return _department_of(body.key, "", jurisdiction)
    full = jurisdiction + "人民政府"
    return Department(key=_slug(full, "body"), pref_label=full, alt_labels=[], pref_label_en="",
                      category="government", listed_in_alias_table=False, jurisdiction=jurisdiction)


def _department_of(key: str, written: str, jurisdiction: str) -> Department:
    body = authority().bodies[key]
    alts = list(body.alt_labels)
    if written and written != body.pref_label and written not in alts:
        alts.append(written)
    return Department(
        key=key, pref_label=body.pref_label, alt_labels=alts, pref_label_en=body.pref_label_en,
        category=body.category, jurisdiction=body.jurisdiction or jurisdiction,
        valid_from=body.valid_from, valid_until=body.valid_until,
        predecessors=list(body.predecessors), successors=list(body.successors),
    )


# ---------------------------------------------------------------------------------------------- finding names

_STOP = "的和及与在对为将把被是由等或并向从以于就按"
_NOT_CORE = rf"\s\d{_STOP.replace('和', '')}级、，,。；;：:（）()“”\"《》〈〉【】\[\]—\-…·/"
# Characters that, written just before a one-character prefix, make it part of another word (城市, 园区, 全省…).
_FUNCTION_CHARS = "由和及与同对向在经请将按并、"
# A development zone's committee: 苏州工业园区管委会, 临港新片区管委会 (after a boundary).
_ZONE_RE = re.compile(rf"[{_CJK}]{{2,10}}?(?:园区|开发区|高新区|新片区|新区|示范区|试验区|合作区|保税区|综试区)"
                      rf"(?:管委会|管理委员会)")
_LEFT_GUARD = {
    "市": "城超都上门全本该各省股夜坊菜花集闹街早黑午楼区县",
    "区": "地社城园街辖景小片新郊市山林灾牧矿校厂港保示禁战试商功开湾学院各全本该半",
    "县": "郡州全各市区本该",
    "省": "全各外本节反",
    "镇": "城乡村集重古名各全",
    "乡": "城下家故老返各同全",
}
# What may not follow a suffix (局面, 办法, 委托, 部门, 中心城区 …).
_RIGHT_GUARD = {
    "局": "面部势限长", "委": "托员屈婉", "办": "法理事好结成学", "厅": "长堂", "部": "门分署位件长队落",
    "署": "名", "心": "城区", "府": "采", "会": "议同", "院": "长校士",
}
# How a core may not begin after its prefix: 市场, 市民 (but 市民政局), 区域, 县域, 省内, 国家级 …
_PREFIX_CORE_START_BAN = {
    "市": re.compile(r"场|民(?!政|族|宗)|区|级|内|外|值|面|中(?!小|医)|长|容|郊|属"),
    "区": re.compile(r"[域块间别级位分划内外县长]"), "县": re.compile(r"[级域城内长]"),
    "省": re.compile(r"[级内外份钱略长]"), "镇": re.compile(r"[级域长]"), "乡": re.compile(r"[级村长]"),
    "州": re.compile(r"[级域内长]"), "国家": re.compile(r"级|标准(?!委|化管理委员会)|层面"),
}
_SUFFIXES = ("管理委员会", "委员会", "管委会", "人民政府", "政府", "办公厅", "办公室", "服务中心", "中心", "总局", "总署",
             "总队", "支队", "分局", "监管局", "管理局", "海关", "法院", "检察院", "贸促会", "局", "厅", "委", "办", "署", "部")
_SUFFIX_RE = "|".join(_SUFFIXES)
_CENTRAL_SUFFIXES = ("总局", "总署", "委员会", "办公室", "管理局", "局", "委", "办", "署", "部")
_CORE = rf"(?:(?!和(?:市|区|省|县|各))[^{_NOT_CORE}])"
_ONE_PREFIX_RE = re.compile(rf"(?P<prefix>街道|自治区|[省市区县镇乡州])(?P<core>{_CORE}{{0,12}}?)(?P<suffix>{_SUFFIX_RE})")
_CENTRAL_RE = re.compile(rf"(?P<prefix>国务院|国家)(?P<core>{_CORE}{{1,12}}?)(?P<suffix>{'|'.join(_CENTRAL_SUFFIXES)})")
_PLACE_CORE_RE = re.compile(rf"(?P<core>{_CORE}{{0,12}}?)(?P<suffix>{_SUFFIX_RE})")
_DESIGNATION_RE = re.compile(r"技术|创新|示范|研究|实验|工程|孵化|产业|制造|金融|贸易|航运|科创|基地|国际")
_COLLECTIVE_RE = re.compile(
    r"各(?:有关|相关)?(?:(?:区县|区|县|市|州|省|乡镇|街镇|街道|镇|乡)(?:[（(][市区县州、]+[)）])?[、，,]?)*"
    r"(?<![、，,])(?:人民政府|政府|部门和单位|部门|单位|委办局|街道办事处|办事处)"
    r"|各(?:有关|相关)?(?:乡镇|街镇|街道|镇)(?!区|域)"
    r"|(?:市|区|县)(?:直|属)各(?:有关)?(?:部门|单位)"
    r"|(?:市|区|县|省)(?:级|政府)?(?:各)?(?:有关|相关)部门"
)
_CONSENT_RE = re.compile(r"(?:研究)?(?:同意|批准)")
_JOINT_RE = re.compile(r"联席会议|领导小组(?:办公室)?|工作专班|指挥部")
_CREATE_RE = re.compile(r"建立|成立|组建|设立")
# Words written before a joint body's name that are not part of it (定期召开|楼宇经济联席会议).
_LEAD_IN_RE = re.compile(r"建立|成立|组建|设立|召开|健全|完善|发挥|依托|通过|强化|加强|用好|定期|提请|报请|报送|由")
# A sub-body written straight after its parent: 市公安局|出入境管理局, 人民银行|广州分行.
_TAIL_RE = re.compile(
    rf"(?:组织部|宣传部|统战部|政法委|网信办|编办|金融办|外办|办公厅|办公室|督查室|研究室)"
    rf"|[^{_NOT_CORE}和市区县省各]{{1,8}}?(?:管理局|分局|监管局|税务局|调查总队|总队|支队|分行|总部|海关|督查室|研究室|局|处)"
)
# …and a local branch after a place: 国家税务总局|广州市|税务局, 人民银行|广州|分行.
_BRANCH_TAIL_RE = re.compile(
    rf"[^{_NOT_CORE}和市区县省各]{{0,8}}?(?:管理局|监管局|税务局|调查总队|中心支行|支行|分行|总部|海关|分局)"
)
_TAIL_BAN = re.compile(r"会同|牵头|负责|配合|组织|推进|指导|协调|做好|开展|制定|加强|支持|统筹|研究|建立|督促|落实|联合|"
                       r"共同|按照|依托|根据|结合|审批|每年|定期|完善|加快|鼓励|引导|会商|联动|参与|承担|实施|要|应|可")
_CORE_BAN = re.compile(_TAIL_BAN.pattern.removesuffix("|要|应|可"))  # 应急 is a name's word


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    kind: str  # "label" | "generic" | "collective" | "joint"


@lru_cache(maxsize=1)
def _label_re() -> re.Pattern[str]:
    auth = authority()
    labels = sorted({*auth.absolute, *auth.relative}, key=len, reverse=True)
    return re.compile("(?=(" + "|".join(map(re.escape, labels)) + "))")


def _left_ok(source: str, start: int, name: str) -> bool:
    if start == 0:
        return True
    prev = source[start - 1]
    if name.startswith("州") and re.match(rf"[{_CJK}]", prev) and prev not in _FUNCTION_CHARS:
        return False  # 州 starts a body only after a boundary (由州政府…), never inside a place (广州, 杭州)
    for prefix, banned in _LEFT_GUARD.items():
        if name.startswith(prefix) and prev in banned:
            return False
    return True


_DOC_NUMBER_RE = re.compile(r"[发函字办规]*[〔\[［(（]\d{4}[〕\]］)）]")


def _right_ok(source: str, end: int, name: str) -> bool:
    if end >= len(source):
        return True
    if _DOC_NUMBER_RE.match(source, end):  # 国办发〔2021〕2号 is a document number, not 国办
        return False
    nxt = source[end]
    if name.endswith("各区") and nxt in "域块间别县级位内":
        return False
    if name.endswith("中心") and nxt in "城区":
        return False
    return nxt not in _RIGHT_GUARD.get(name[-1], "")


def _central_short_ok(source: str, start: int, label: str) -> bool:
    """A central body's short name (统计局, 数据局) written after 市/区/县… belongs to a local body instead."""
    return start == 0 or source[start - 1] not in _LEVEL_CHARS or label.startswith(("国家", "国务院", "中国", "中华"))


def _label_candidates(source: str, places: set[str]) -> list[_Candidate]:
    auth = authority()
    found = []
    for m in _label_re().finditer(source):
        label = m.group(1)
        start, end = m.start(), m.start() + len(label)
        if not (_left_ok(source, start, label) and _right_ok(source, end, label)):
            continue
        keys = auth.absolute.get(label, []) + auth.relative.get(label, [])
        if all(auth.bodies[k].jurisdiction == NATIONAL for k in keys) and not _central_short_ok(source, start, label):
            continue
        found.append(_Candidate(start, end, "label"))
    return found


def _generic_ok(core: str, suffix: str, prefix: str) -> bool:
    ban = _PREFIX_CORE_START_BAN.get(prefix)
    if ban is not None and ban.match(core):
        return False
    if suffix in ("中心", "服务中心") and (not core or _DESIGNATION_RE.search(core)):
        return False
    if not core and suffix not in ("人民政府", "政府", "委", "海关", "法院", "检察院", "贸促会"):
        return False
    return not _CORE_BAN.search(core)


def _generic_candidates(source: str, places: set[str]) -> list[_Candidate]:
    found = []
    starts = [i for i, ch in enumerate(source) if ch in "街自省市区县镇乡州国"]  # where a prefix can begin
    for regex in (_ONE_PREFIX_RE, _CENTRAL_RE):
        for start in starts:
            m = regex.match(source, start)
            if not m:
                continue
            name = m.group()
            if _left_ok(source, start, name) and _right_ok(source, m.end(), name) and _generic_ok(
                m.group("core"), m.group("suffix"), m.group("prefix")
            ):
                found.append(_Candidate(start, m.end(), "generic"))
    if places:
        place_re = re.compile("|".join(map(re.escape, sorted(places, key=len, reverse=True))))
        for pm in place_re.finditer(source):
            m = _PLACE_CORE_RE.match(source, pm.end())
            if not m or not _right_ok(source, m.end(), m.group()):
                continue
            with_level = pm.group().endswith(("省", "市", "区", "县", "自治区", "自治州"))
            if not with_level and m.group("suffix") not in ("海关", "监管局", "局", "分局", "总部", "分行"):
                continue
            if _generic_ok(m.group("core"), m.group("suffix"), ""):
                found.append(_Candidate(pm.start(), m.end(), "generic"))
    return found


def _zone_candidates(source: str) -> list[_Candidate]:
    found = []
    for start in [0] + [i + 1 for i, ch in enumerate(source) if not re.match(rf"[{_CJK}]", ch) or ch in _FUNCTION_CHARS]:
        m = _ZONE_RE.match(source, start)
        if m and not _TAIL_BAN.search(m.group()):
            found.append(_Candidate(m.start(), m.end(), "generic"))
    return found


def _collective_candidates(source: str) -> list[_Candidate]:
    return [_Candidate(m.start(), m.end(), "collective") for m in _COLLECTIVE_RE.finditer(source)
            if _left_ok(source, m.start(), m.group()) and _right_ok(source, m.end(), m.group())]


def _joint_name_start(source: str, end: int, places: set[str] = frozenset()) -> int:  # type: ignore[assignment]
    """Walk back from a 联席会议/领导小组 to the start of its name (…参加的|市技术改造联席会议): to the first
    place or level prefix (发挥|市跨境电商…领导小组), else to just after a verb that sets it up (建立|…)."""
    start = end
    while (start > 0 and end - start < 20 and re.match(rf"[{_CJK}]", source[start - 1])
           and (source[start - 1] not in "的及与在对为将把被是由等或、" and not
                (source[start - 1] == "和" and source[start:start + 1] in _LEVEL_CHARS))):
        start -= 1
    for pos in range(start, end - 1):
        if (any(source.startswith(p, pos) for p in places) or source.startswith(("国务院", "国家"), pos)
                or (source[pos] in "省市区县" and _left_ok(source, pos, source[pos]) and pos > start)):
            return pos
        if source[pos] in "省市区县" and pos == start:
            return pos
    verb = None
    for verb in _LEAD_IN_RE.finditer(source, start, end):
        pass
    if verb:
        start = verb.end()
    return start


def _joint_candidates(source: str, places: set[str]) -> list[_Candidate]:
    found = []
    for m in _JOINT_RE.finditer(source):
        start = _joint_name_start(source, m.start(), places)
        if m.start() - start >= 2:
            found.append(_Candidate(start, m.end(), "joint"))
    return found


def _extend(source: str, cand: _Candidate, place_re: re.Pattern[str]) -> _Candidate:
    """Run a name on into a sub-body written right after it (市公安局出入境管理局, 国家税务总局广州市税务局)."""
    if cand.kind not in ("label", "generic"):
        return cand
    end = cand.end
    place = place_re.match(source, end)
    if place:
        m = _BRANCH_TAIL_RE.match(source, place.end())
        if m and not _TAIL_BAN.search(m.group()) and _right_ok(source, m.end(), m.group()):
            return _Candidate(cand.start, m.end(), cand.kind)
    m = _TAIL_RE.match(source, end)
    if m and not _TAIL_BAN.search(m.group()) and _right_ok(source, m.end(), m.group()):
        return _Candidate(cand.start, m.end(), cand.kind)
    return cand


def _in_titles(source: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"《[^《》\n]*》", source)]


def _choose(candidates: list[_Candidate], blocked: list[tuple[int, int]]) -> list[_Candidate]:
    """Longest first, then leftmost; no overlaps; nothing inside a blocked range (a 《title》, an excluded line)."""
    chosen: list[_Candidate] = []
    kind_rank = {"label": 0, "joint": 1, "collective": 2, "generic": 3}
    size = max((c.end for c in candidates), default=0)
    taken = bytearray(size)
    inside = bytearray(size)  # 1 inside a blocked range
    for a, b in blocked:
        inside[a:b] = b"\x01" * len(inside[a:b])
    for cand in sorted(set(candidates), key=lambda c: (-(c.end - c.start), c.start, kind_rank[c.kind])):
        if all(inside[cand.start : cand.end]) or any(taken[cand.start : cand.end]):
            continue
        taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def _text_places(source: str, jurisdiction: str) -> set[str]:
    """Places written in the text as part of a government's name, plus the known ones and the document's own."""
    places = {p for p in _known_places() if len(p) >= 2}
    places |= {m.group(1) for m in _PLACE_GOV_RE.finditer(source)}
    if jurisdiction and jurisdiction != NATIONAL:
        places |= {jurisdiction, _short_place(jurisdiction)}
    return {p for p in places if not re.match(r"^(?:本|全|各|该|城|中心|示范|开发|工业|自贸|新)", p)}


# ---------------------------------------------------------------------------------------------- the extractor


def sentence_bounds(source: str, pos: int) -> tuple[int, int]:
    """[start, end) of the sentence around ``pos`` (ends after its 。), whitespace trimmed."""
    start = pos
    while start > 0 and source[start - 1] not in _SENTENCE_END:
        start -= 1
    end = pos
    while end < len(source) and source[end] not in _SENTENCE_END:
        end += 1
    if end < len(source) and source[end] in "。！？!?":
        end += 1
    while start < end and source[start].isspace():
        start += 1
    return start, end


def _slug(name: str, prefix: str) -> str:
    return f"{prefix}-{hashlib.sha1(name.encode('utf-8')).hexdigest()[:10]}"


def _members(source: str, body: Span, mentions: list[tuple[Span, str]]) -> list[str]:
    """Bodies listed as taking part (…、各相关区政府等部门和单位参加的<body>); the convener (由…召集) is not one."""
    start, _ = sentence_bounds(source, body.start)
    clause = source[start : body.start]
    joined = clause.rfind("参加")
    if joined == -1:
        return []
    convened = clause.rfind("召集", 0, joined)
    list_start = start + (convened + 2 if convened != -1 else max(clause.rfind("由", 0, joined) + 1, 0))
    members: list[str] = []
    for span, key in mentions:
        if list_start <= span.start < start + joined and key not in members:
            members.append(key)
    return members


def _unknown_body(name: str, kind: str, jurisdiction: str) -> Department:
    """A body no authority file has: keyed by a hash of its full, jurisdiction-qualified name."""
    levels = _levels(jurisdiction)
    if name.startswith(_RELATIVE_START):
        full = expand_name(name, jurisdiction) if jurisdiction else name
        key_name = full if full != name else f"{jurisdiction}|{name}"
    elif kind == "joint" and levels.lowest and not _place_at_start(name):
        full = key_name = _written(levels.lowest, levels) + name  # 楼宇经济联席会议 of 静安区: 上海市静安区楼宇经济联席会议
    else:
        full = key_name = name
    joint = kind == "joint"
    return Department(
        key=_slug(key_name, "joint-body" if joint else "body"), pref_label=full,
        alt_labels=[name] if full != name else [], pref_label_en="",
        category="joint-body" if joint else "collective" if kind == "collective" else "other",
        listed_in_alias_table=False,
        jurisdiction=jurisdiction if name.startswith(_RELATIVE_START) or full != name else _place_in(name),
    )


def find_departments(
    source: str,
    units: list[Unit] | None = None,
    jurisdiction: str = "",
    when: date | None = None,
    exclude: list[Span] | None = None,
) -> list[Department]:
    """Every body the text names, in order of first mention, each with all its mention spans.

    ``jurisdiction`` (上海市, 广州市, 浦东新区, 中华人民共和国) resolves short forms; ``when`` (the document's
    date) picks among bodies that bore the same name at different times; mentions inside ``exclude`` (e.g.
    the addressee and signature lines) and inside 《…》 titles are not counted. ``units`` is accepted for
    symmetry with the other extractors.
    """
    jurisdiction = canonical_jurisdiction(jurisdiction)
    places = _text_places(source, jurisdiction)
    candidates = [
        *_label_candidates(source, places), *_generic_candidates(source, places),
        *_collective_candidates(source), *_joint_candidates(source, places), *_zone_candidates(source),
    ]
    place_re = re.compile("|".join(map(re.escape, sorted(places, key=len, reverse=True))) or "(?!)")
    candidates = [_extend(source, c, place_re) for c in candidates]
    blocked = _in_titles(source) + [(s.start, s.end) for s in exclude or []]
    departments: dict[str, Department] = {}
    mentions: list[tuple[Span, str]] = []
    for cand in _choose(candidates, blocked):
        if _CONSENT_RE.match(source, cand.end) and source[cand.start - 1 : cand.start] == "经":
            continue  # 经市政府同意: the consent behind the document, not an actor in it
        name = source[cand.start : cand.end]
        key = None if cand.kind == "joint" else resolve_name(name, jurisdiction, when)
        dept = _department_of(key, name, jurisdiction) if key else _unknown_body(name, cand.kind, jurisdiction)
        if dept.key not in departments:
            departments[dept.key] = dept
        elif name != departments[dept.key].pref_label and name not in departments[dept.key].alt_labels:
            departments[dept.key].alt_labels.append(name)
        departments[dept.key].mentions.append(Span(cand.start, cand.end))
        mentions.append((Span(cand.start, cand.end), dept.key))
    for dept in departments.values():
        if dept.listed_in_alias_table or dept.category != "joint-body":
            continue
        first = dept.mentions[0]
        sent_start, _ = sentence_bounds(source, first.start)
        if _CREATE_RE.search(source, sent_start, first.start):
            dept.created_by_document = True
            dept.members = _members(source, first, [m for m in mentions if m[1] != dept.key])
            log.debug("joint body %s created with %d members", dept.pref_label, len(dept.members))
    return list(departments.values())
