"""The authority files of government bodies: loading, jurisdictions and names over time (the levels of a
jurisdiction and the expansion of relative names are ``ingest.levels``).

The shipped files (``ingest/data/authority/*.ttl``: central bodies and Shanghai's) and the user's
(``POLICYKG_AUTHORITY_FILES``, or ``configure_authority``) are W3C ORG + SKOS Turtle: ``org:Organization`` with
``skos:prefLabel`` / ``skos:altLabel``, ``pol:category``, ``pol:jurisdiction``, ``org:subOrganizationOf``,
``pol:validFrom`` / ``pol:validUntil``, and ``org:ChangeEvent`` for reorganisations.  Labels that start with a
level (市经信委, 区政府) or name a collective (各区政府) are read relative to a document's jurisdiction.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from .levels import (
    _CITIES,
    _PROVINCES,
    _RELATIVE_START,
    NATIONAL,
    _absolute_variants,
    _is_relative,
    _levels,
    _short_place,
    _written,
    expand_name,
)
from .model import Department

__all__ = [
    "AUTHORITY_DIR",
    "AUTHORITY_ENV",
    "NATIONAL",
    "AliasEntry",
    "Authority",
    "AuthorityBody",
    "ChangeEvent",
    "alias_table",
    "authority",
    "authority_files",
    "canonical_jurisdiction",
    "configure_authority",
    "document_date",
    "expand_name",
    "full_name",
    "government_of",
    "jurisdiction_of",
    "name_history",
    "normalise_department",
    "resolve_name",
]

log = logging.getLogger(__name__)

AUTHORITY_DIR = Path(__file__).parent / "data" / "authority"
AUTHORITY_ENV = "POLICYKG_AUTHORITY_FILES"

_ORG = "http://www.w3.org/ns/org#"
_POL = "https://w3id.org/policykg/ns#"
_CJK = "\u4e00-\u9fff"


def _slug(name: str, prefix: str) -> str:
    return f"{prefix}-{hashlib.sha1(name.encode('utf-8')).hexdigest()[:10]}"


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
    for cached in (authority, alias_table, _known_places):
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


def _bodies_and_changes(graph) -> tuple[dict[str, AuthorityBody], list[ChangeEvent]]:
    from rdflib import RDF, RDFS, SKOS, URIRef
    from rdflib.namespace import DCTERMS, PROV

    org = lambda t: URIRef(_ORG + t)
    pol = lambda t: URIRef(_POL + t)
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
    bodies, changes = _bodies_and_changes(_load_graph(files))
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
_GOV_IN_TEXT_RE = re.compile(rf"([{_CJK}]{{2,8}}?(?:省|自治区|市|自治州|新区|区|县|旗|盟))(?:人民政府|政府|委员会|行政公署)")


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
    named = max(counts, key=lambda p: (counts[p], -len(p))) if counts else ""
    heading = _heading_place(text[:3000])
    if heading and (not named or heading.startswith(named) or _SELF_CITY_RE.search(text[:5000])):
        named = heading  # 开封市推动制造业高质量发展实施方案 under a notice that prints no heading of its own
    own = _SELF_PLACE_RE.search(text[:5000])
    if own:
        # 结合官渡区实际: the text names its own place; a district or county of the city it names otherwise
        place = own.group("place") or own.group("congress")
        known = _place_at_end(place)
        if known:
            return known
        if named and named.endswith("市") and place.endswith(("区", "县", "旗")) and not named.endswith(place):
            return named + place
        return place
    return named


_SELF_CITY_RE = re.compile(r"(?:结合|立足|根据)(?:我|本)(?:市|区|县|州)")
_HEADING_LINE_RE = re.compile(r"^[ \t\u3000]*(?P<line>[^\s，,。；;：:]{6,40}(?:方案|意见|办法|规定|措施|细则|计划|规划|通知|要点))[ \t\u3000]*$",
                              re.MULTILINE)


def _heading_place(text: str) -> str:
    """The place the first title-like line of ``text`` opens with (开封市推动…实施方案 → 河南省开封市), else ""."""
    for m in _HEADING_LINE_RE.finditer(text):
        place = _leading_place(m.group("line"))
        if place:
            return place
        head = re.match(rf"[{_CJK}]{{2,3}}(?:市|州|县|区)(?!场|民|政|级|属|委|直)", m.group("line"))
        if head:  # a city the gazetteer does not hold: as written
            return canonical_jurisdiction(head.group())
    return ""


# 结合官渡区实际 / 结合本县实际 / 结合临沧实际: the place whose circumstances the text adapts to is its own
_SELF_PLACE_RE = re.compile(rf"结合(?P<place>[{_CJK}]{{2,6}}?(?:省|自治区|市|自治州|区|县|旗|盟))(?:的)?(?:实际|具体情况)"
                            # 在东乌珠穆沁旗第十六届人民代表大会…上: a report names the congress it is made to
                            rf"|在(?P<congress>[{_CJK}]{{2,8}}?(?:省|自治区|市|自治州|区|县|旗|盟))第[{_CJK}]{{1,4}}届人民代表大会")


def _leading_place(line: str) -> str:
    places = _known_places()
    for written in sorted(places, key=len, reverse=True):
        if line.startswith((written, "中共" + written)):
            # 上海市浦东新区… : the longer place that follows wins
            rest = line[line.index(written) + len(written):]
            sub = _PLACE_START_RE.match(rest)
            if sub and sub.group(1) in places and places[sub.group(1)].startswith(places[written]):
                return places[sub.group(1)]
            if sub and _looks_like_place(sub.group(1)) and _BODY_AFTER_PLACE_RE.match(rest[sub.end():]):  # 杭州市|淳安县|人民政府
                return places[written] + sub.group(1)
            return places[written]
    m = _PLACE_START_RE.match(line)
    if m and _looks_like_place(m.group(1)) and _BODY_AFTER_PLACE_RE.match(line[m.end():]):
        return canonical_jurisdiction(m.group(1))
    return ""


# A place the gazetteer does not know, read where a line opens with it, is a short name before its level (宁强县,
# 市中区), an autonomous one (峨边彝族自治县) or a zone (经济技术开发区, 高新技术产业开发区); a line that opens with a clause ending on a level word
# (牛琛主持召开县|长办公会议, 市国家卫生城市|建设工作指挥部办公室) names no place: more than four characters
# before the level is a clause, not a county or district.
_UNKNOWN_PLACE_RE = re.compile(rf"^(?:[{_CJK}]{{1,4}}(?:省|市|新区|区|县)|[{_CJK}]{{2,10}}自治(?:州|县|区)"
                               rf"|[{_CJK}]{{0,8}}(?:开发区|高新区|新区|园区|保税区|试验区|示范区|合作区))$")


def _looks_like_place(name: str) -> bool:
    return bool(_UNKNOWN_PLACE_RE.match(name))


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
        # With no jurisdiction a level's name (市财政局) is a body of an unknown place: never the one place whose
        # file happens to hold that label (the shipped Shanghai file would make every city's 市财政局 Shanghai's).
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

    Tolerates a missing level (经信委 → 市经信委), read like any short form within ``jurisdiction``. With no
    jurisdiction this is a lookup of a name a user asks for with no document (``owns 环保局`` over a graph): a
    level's name finds the one body the loaded files give it only where a single place's file has it, and the
    caller checks that body against what it holds. Documents never come here: their names are read by
    ``resolve_name`` within their own jurisdiction, and with none a level's name is no place's body. A name is
    never retried as some city's (上海 + name)."""
    name = name.strip()
    if not name:
        return None
    for written in (name, "市" + name) if not name.startswith(_RELATIVE_START) and not _place_at_start(name) else (name,):
        key = resolve_name(written, jurisdiction, when) or (None if jurisdiction else _only_place_with(written, when))
        if key:
            return key
    return None


def _only_place_with(name: str, when: date | None) -> str | None:
    """The body a level's name (市环保局) stands for where a single place's authority file has that name."""
    keys = authority().relative.get(name, [])
    return _pick(keys, when) if len({authority().bodies[k].jurisdiction for k in keys}) == 1 else None


def government_of(jurisdiction: str) -> Department:
    """The people's government of a jurisdiction (上海市人民政府; 国务院 for the nation), from a file or made up.

    Raises ValueError when no jurisdiction is given: no place is any document's default."""
    jurisdiction = canonical_jurisdiction(jurisdiction)
    if jurisdiction == NATIONAL:
        return _department_of("cn-state-council", "", "")
    if not jurisdiction:
        raise ValueError("government_of needs a jurisdiction (上海市, 广州市, 中华人民共和国 …), got none")
    for body in authority().bodies.values():
        if body.jurisdiction == jurisdiction and body.category == "government":
            return _department_of(body.key, "", jurisdiction)
    levels = _levels(jurisdiction)
    full = (_written(levels.lowest, levels) or jurisdiction) + "人民政府"  # 广州市人民政府, not 广东省广州市…
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
