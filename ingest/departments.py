"""Recognise government bodies through the shipped alias table (data/departments.json) and the 市…委/局 pattern."""

from __future__ import annotations

import hashlib
import json
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .model import Department, Span, Unit

__all__ = [
    "AliasEntry",
    "DISTRICTS",
    "MUNICIPAL_GOVERNMENT",
    "alias_table",
    "find_departments",
    "normalise_department",
    "sentence_bounds",
]

log = logging.getLogger(__name__)

_DATA = Path(__file__).parent / "data" / "departments.json"
DISTRICTS = "shanghai-district-governments"
MUNICIPAL_GOVERNMENT = "shanghai-municipal-government"

# Short aliases that are also the start of ordinary words: 各区域, 区政府 in 各区政府采购… is fine.
_NOT_FOLLOWED_BY = {"各区": "域块间别县", "区政府": ""}
_CJK = "\u4e00-\u9fff"
_STOPWORDS = "的和及与在对为将把被是由等或"
# 市绿化市容局: 市 + a few characters + an agency suffix; 市场/市民/市区… are not agencies.
_AGENCY_RE = re.compile(
    rf"(?<![本城都全该各超上门省县股])市(?![场民区级内外值面])"
    rf"(?:(?![{_STOPWORDS}])[{_CJK}]){{1,10}}?(?:委员会|办公室|委|局|办|厅)"
)
_JOINT_RE = re.compile(r"联席会议|领导小组(?:办公室)?")
_CREATE_RE = re.compile(r"建立|成立|组建|设立")
_SENTENCE_END = "。！？!?\n"


@dataclass(frozen=True, slots=True)
class AliasEntry:
    key: str
    pref_label: str
    pref_label_en: str
    category: str
    alt_labels: tuple[str, ...]


@lru_cache(maxsize=1)
def alias_table() -> dict[str, AliasEntry]:
    """The shipped alias table, by key."""
    rows = json.loads(_DATA.read_text(encoding="utf-8"))
    return {
        r["key"]: AliasEntry(r["key"], r["pref_label"], r["pref_label_en"], r["category"], tuple(r["alt_labels"]))
        for r in rows
    }


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    """Every label (full name and alias) → key."""
    labels: dict[str, str] = {}
    for entry in alias_table().values():
        for label in (entry.pref_label, *entry.alt_labels):
            labels[label] = entry.key
    return labels


@lru_cache(maxsize=1)
def _label_re() -> re.Pattern[str]:
    # Longest first, so 各相关区政府 wins over 区政府 and 市政府 at the same position.
    ordered = sorted(_labels(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, ordered)))


def normalise_department(name: str) -> str | None:
    """Key of the body ``name`` refers to (市经信委 → the commission's key), or None if unknown."""
    name = name.strip()
    labels = _labels()
    for candidate in (name, name.removeprefix("上海"), "市" + name, "上海" + name):
        if candidate in labels:
            return labels[candidate]
    return None


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


def _table_mentions(source: str) -> list[tuple[Span, str, str]]:
    found = []
    for m in _label_re().finditer(source):
        banned = _NOT_FOLLOWED_BY.get(m.group())
        if banned and m.end() < len(source) and source[m.end()] in banned:
            continue
        found.append((Span(m.start(), m.end()), _labels()[m.group()], m.group()))
    return found


def _joint_name_start(source: str, end: int) -> int:
    """Walk back from a 联席会议/领导小组 to the start of its name (…参加的|市技术改造联席会议)."""
    start = end
    while start > 0 and end - start < 20 and re.match(rf"[{_CJK}]", source[start - 1]) and source[start - 1] not in _STOPWORDS:
        start -= 1
    name = source[start:end]
    verb = None
    for verb in _CREATE_RE.finditer(name):
        pass
    if verb:
        start += verb.end()
    return start


def _pattern_mentions(source: str, taken: list[Span]) -> list[tuple[Span, str]]:
    def free(a: int, b: int) -> bool:
        return all(b <= s.start or a >= s.end for s in taken)

    found: list[tuple[Span, str]] = []
    for m in _JOINT_RE.finditer(source):
        start = _joint_name_start(source, m.start())
        if m.start() - start >= 2 and free(start, m.end()):
            found.append((Span(start, m.end()), source[start : m.end()]))
    for m in _AGENCY_RE.finditer(source):
        if free(m.start(), m.end()) and all(m.end() <= s.start or m.start() >= s.end for s, _ in found):
            found.append((Span(m.start(), m.end()), m.group()))
    return found


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


def full_name(name: str, jurisdiction: str) -> str:
    """A body's full name: a short 市… name gets its city (市技术改造联席会议 → 上海市技术改造联席会议).

    >>> full_name("市技术改造联席会议", "上海市")
    '上海市技术改造联席会议'
    """
    if jurisdiction.endswith("市") and name.startswith("市") and not name.startswith(jurisdiction):
        return jurisdiction + name[1:]
    return name


def find_departments(source: str, units: list[Unit] | None = None, jurisdiction: str = "") -> list[Department]:
    """Every body the text names, in order of first mention, each with all its mention spans.

    ``units`` is accepted for symmetry with the other extractors; mentions anywhere (preamble too) count.
    A body not in the alias table gets its full name from ``jurisdiction`` (the document's, e.g. 上海市),
    keeping the name as written as its alias.
    """
    table = alias_table()
    table_hits = _table_mentions(source)
    pattern_hits = _pattern_mentions(source, [s for s, _, _ in table_hits])
    mentions: list[tuple[Span, str]] = [(s, k) for s, k, _ in table_hits]
    departments: dict[str, Department] = {}
    for span, name in pattern_hits:
        key = _slug(name, "joint-body" if _JOINT_RE.search(name) else "body")
        mentions.append((span, key))
        if key not in departments:
            full = full_name(name, jurisdiction)
            departments[key] = Department(
                key=key, pref_label=full, alt_labels=[name] if full != name else [], pref_label_en="",
                category="joint-body" if _JOINT_RE.search(name) else "other",
                listed_in_alias_table=False,
            )
    mentions.sort(key=lambda m: m[0].start)
    for span, key in mentions:
        if key not in departments:
            e = table[key]
            departments[key] = Department(
                key=key, pref_label=e.pref_label, alt_labels=list(e.alt_labels),
                pref_label_en=e.pref_label_en, category=e.category,
            )
        departments[key].mentions.append(span)
    for dept in departments.values():
        if dept.listed_in_alias_table or dept.category != "joint-body":
            continue
        first = dept.mentions[0]
        sent_start, _ = sentence_bounds(source, first.start)
        if _CREATE_RE.search(source, sent_start, first.start):
            dept.created_by_document = True
            dept.members = _members(source, first, [m for m in mentions if m[1] != dept.key])
            log.debug("joint body %s created with %d members", dept.pref_label, len(dept.members))
    order = {key: i for i, key in enumerate(dict.fromkeys(k for _, k in mentions))}
    return sorted(departments.values(), key=lambda d: order[d.key])
