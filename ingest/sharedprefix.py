"""A list of bodies that writes its level once: （配合单位：市经贸委、国土房管局、外经贸局、规划局）, （区发改局牵头，财政局、
商务局配合）. The names after the first carry the 市 / 区 / 县 of the name that opens the list; alone they match no body
pattern (国土房管局 has no prefix), so :func:`listed_after_prefix` finds them as the list's members: each is short,
ends as a body's name ends, and is joined to the prefixed name before it by 、 (or 和 / 及) only.

Two more ways a list is written, where a later member must also be a known bureau word (``bureau_words`` and the
groups of ``data/name_forms.json``: 财政局, 人社局, 市场监管局), never a fragment of a clause:

* an owner note written without brackets, its lead's clause then its helpers' list up to 配合 / 参与 / 协助 / 按职责
  (区发改局牵头，财政局、人社局配合。) or a line that opens with 责任单位： / 牵头单位：;
* a list opened by a body written with its place instead of its level (南海区发改局、财政局): the later members are
  that place's (南海区财政局).

And a bureau named with no level at all in a county's, district's or zone's owner notes and tables (（规划建设局牵头，
经济发展局配合） in a 管委会 text) is a body of the document's own level where the document's issuer, on its first
lines, is that level's government or committee (X区人民政府办公室, X经济技术开发区管理委员会).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from .levels import NATIONAL, _levels

__all__ = ["levels_before_shared_name", "listed_after_prefix", "matters_between_level_and_department"]

_PREFIXES = ("市", "区", "县", "省", "州", "盟", "旗")
_PLACE_LEVELS = "市区县旗盟州"
_BODY_ENDS = ("委员会", "中心", "分局", "支队", "大队", "局", "委", "办", "厅")
# one member: a few characters and a body's last word; no prefix of its own (a prefixed one is found as it is);
# 市场监管局 opens with 市 as a word of its own
_MEMBER = re.compile(r"(?P<name>(?!市(?!场)|[区县省州盟旗各全本该])[\u4e00-\u9fff]{1,8}?(?:局|委|办|厅|委员会|中心|分局|支队|大队))"
                     r"(?=[、，,；;）)\]】〕］。\s]|等|和|及|牵头|配合|参与|负责|按职责|共同|$)")
_JOIN = re.compile(r"[、和及]")
# A member's second name in brackets right after it (区发改局（区粮储局）, 区发改局(粮储局)): the list goes on after it
_ALIAS_AFTER = re.compile(r"[（(][\u4e00-\u9fff]{1,10}?(?:局|委|办|厅)[)）](?=[、和及])")
# inside an owner note, the lead's clause and the helpers' list: （市商务局牵头，财政局、文广旅局配合）
_NOTE_JOIN = re.compile(r"(?:牵头|主责)?[，,；;](?:(?:配合|责任|参与|协办|协同)单位[：:])?")
_NOTE_OPEN = re.compile(r"[（(〔［\[][^（）()〔〕［］\[\]]{0,40}$")
# …or a line of owners (责任单位：县工信局、商务局; 牵头单位：区发改局；配合单位：财政局)
_OWNER_LINE = re.compile(r"(?:^|[\n\t。；;])\s*(?:[★☆●※]\s*)?(?:责任|牵头|主责|配合|参与)?(?:单位|部门)[：:]\s*$")
# …or an unbracketed note: the lead's clause (X牵头，) then its helpers up to the verb that says so
_HELPERS_END = re.compile(r"(?:等(?:有关|相关)?(?:部门|单位))?(?:配合|参与|协助|协同|按职责)")
_HELPER = re.compile(r"[\u4e00-\u9fff]{1,10}?(?:局|委|办|厅|委员会|中心)")


@lru_cache(maxsize=1)
def _bureau_words() -> frozenset[str]:
    data = json.loads((Path(__file__).resolve().parent / "data" / "name_forms.json").read_text(encoding="utf-8"))
    words = set(data.get("bureau_words", []))
    for group in data["groups"]:
        for form in group:
            for end in _BODY_ENDS:
                if form.endswith(end) and len(form) > len(end):
                    words.add(form[: -len(end)])
                    break
    return frozenset(words)


def _known(name: str) -> bool:
    """Whether a bare member is a bureau's name: a known function word and a body's last word (财政局, 人社局)."""
    for end in _BODY_ENDS:
        if name.endswith(end) and len(name) > len(end):
            return name[: -len(end)] in _bureau_words()
    return False


def _bare_short_name(name: str) -> bool:
    """A bureau's name with no level, place or state word before it (统计局, 能源局; not 国家统计局)."""
    return _known(name) and not re.match(r"国家|国务院|中国|中华|中央|全国", name)


def _place_prefix(name: str) -> str:
    """The place a body is written with (南海区发改局 → 南海区, 长沙县市场监管局 → 长沙县): the longest run of
    two or more characters ending in a level, after which a known bureau's name stands."""
    for i in range(len(name) - 2, 1, -1):
        if name[i] in _PLACE_LEVELS and _known(name[i + 1:]) and not re.match(r"[各全本该有相其]", name):
            return name[: i + 1]
    return ""


def _helpers_listed(source: str, at: int) -> bool:
    """Whether the text at ``at`` is a list of known bureaus closed by 配合 / 参与 / 协助 (财政局、人社局配合)."""
    pos = at
    while True:
        m = _HELPER.match(source, pos)
        if m is None or not (_known(m.group()) or m.group()[0] in _PREFIXES):
            return False
        pos = m.end()
        if _HELPERS_END.match(source, pos):
            return True
        if not _JOIN.match(source, pos):
            return False
        pos += 1


# The issuer on a document's first lines: a county's, district's or banner's government, or a zone's committee.
_ISSUER_RE = re.compile(r"^\s*(?P<place>[\u4e00-\u9fff]{2,24}?)(?P<organ>(?:人民政府|政府)(?:办公室|办公厅)?|(?:管理委员会|管委会)(?:办公室)?)"
                        r"(?:关于|\s*$)", re.MULTILINE)
_ZONE_ENDS = (("高新技术产业开发区", "高新区"), ("高新区", "高新区"), ("经济技术开发区", "开发区"), ("经济开发区", "开发区"),
              ("开发区", "开发区"), ("经开区", "经开区"), ("综合保税区", "综保区"), ("保税区", "保税区"), ("新区", "新区"),
              ("园区", "园区"))
_ZONE_WORD_BEFORE = re.compile(r"(开发区|经开区|高新区|综保区|保税区|新区|园区)(?=[\u4e00-\u9fff]{2,10}?(?:局|委|办))")
# a bare bureau where an owner note or a table cell names its owners
_BARE_AT = re.compile(r"(?:(?<=[（(、：:，,；;\t|由])|(?<=\| )|^)")
_OWNER_NOTE = re.compile(r"[（(〔［\[](?P<note>[^（）()〔〕［］\[\]\n]{0,60}?)[）)〕］\]]")
_OWNER_FIELD = re.compile(r"(?:责任|牵头|主责|配合|参与|协办)(?:单位|部门)[：:]")
_NOTE_WORDS = re.compile(r"牵头|负责|配合|参与|协助|单位[：:]")


def _own_level_word(source: str, jurisdiction: str = "") -> str:
    """The level word of the document's own bodies in a county's, district's or banner's document (区, 县, 旗) or a
    zone's (开发区, 高新区 … as the text writes its bureaus); else "". The document's jurisdiction says its level
    (it is its issuer's place); without one, the issuer on its first lines (X区人民政府办公室, X开发区管理委员会)."""
    place = ""
    if jurisdiction == NATIONAL:
        return ""
    if jurisdiction:
        place = _levels(jurisdiction).county
    elif (m := _ISSUER_RE.search(source[:400])) and not m.group("place").startswith(("各", "本", "全")):
        place = m.group("place")
    if not place:
        return ""
    zone = next((short for end, short in _ZONE_ENDS if place.endswith(end) and end != "新区"), "")
    if zone:
        written = []
        for w in _ZONE_WORD_BEFORE.finditer(source):
            bureau = re.match(r"[\u4e00-\u9fff]{2,10}?(?:局|委|办)", source[w.end():])
            if bureau and _known(bureau.group()):
                written.append(w.group(1))
        return max(sorted(set(written)), key=written.count) if written else zone
    return place[-1] if place[-1] in "区县旗" else ""


def _own_level_bureaus(source: str, taken: list[tuple[int, int]], make, jurisdiction: str = "") -> list:
    """Known bureaus written bare in owner notes, owner lines and table rows of a county's or zone's own document."""
    level = _own_level_word(source, jurisdiction)
    if not level:
        return []
    spans = [(m.start("note"), m.end("note")) for m in _OWNER_NOTE.finditer(source) if _NOTE_WORDS.search(m.group("note"))]
    found = []
    for member in re.finditer(_BARE_AT.pattern + "(?!由)" + _MEMBER.pattern, source, re.MULTILINE):
        start, end = member.start("name"), member.end("name")
        if not _known(member.group("name")) or any(a < end and start < b for a, b in taken):
            continue
        line_start = source.rfind("\n", 0, start) + 1
        line = source[line_start:source.find("\n", end) if "\n" in source[end:] else len(source)]
        in_note = any(a <= start and end <= b for a, b in spans)
        on_line = bool(_OWNER_FIELD.search(source, line_start, start)) or "\t" in line or "|" in line
        if in_note or on_line:
            found.append(make(start, end, level))
    return found


def listed_after_prefix(source: str, chosen: list, make, jurisdiction: str = "") -> list:
    """Candidates (``make(start, end, prefix)``) for the bare members of lists opened by a prefixed body among
    ``chosen`` (objects with ``start``, ``end``, ``kind``), and for known bureaus written bare in the owner notes of a
    county's, district's or zone's own document (``jurisdiction``, the document's)."""
    taken = sorted((c.start, c.end) for c in chosen)
    starts = {c.start for c in chosen}
    found = {}  # a member's start → its candidate; the nearest lead before it gives its prefix
    for cand in sorted(chosen, key=lambda c: c.start):
        if cand.kind == "unknown":
            continue
        name = source[cand.start:cand.end]
        prefix = next((p for p in _PREFIXES if name.startswith(p)), "")
        strict = False  # only known bureau words join the list
        if not prefix:
            prefix, strict = _place_prefix(name), True
            if not prefix:
                continue
        at = cand.end
        in_note = bool(_NOTE_OPEN.search(source, max(0, cand.start - 40), cand.start))
        on_line = bool(_OWNER_LINE.search(source, max(0, cand.start - 12), cand.start))
        while at < len(source):
            if alias := _ALIAS_AFTER.match(source, at):  # 区发改局(粮储局)、农业农村局: past the member's second name
                at = alias.end()
            join = _JOIN.match(source, at)
            if not join and (in_note or on_line):
                join = _NOTE_JOIN.match(source, at)
                strict = strict or not in_note
            if not join and (m := re.compile(r"牵头[，,]").match(source, at)) and _helpers_listed(source, m.end()):
                join, strict = m, True  # 区发改局牵头，财政局、人社局配合: an owner note without brackets
            if not join or join.end() == at:
                break
            member = _MEMBER.match(source, join.end())
            nxt = next((c for c in chosen if c.start == join.end()), None)
            if member is None:
                if nxt is None:
                    break
                at = nxt.end  # a prefixed member of the same list: go on after it
                continue
            start, end = member.start("name"), member.end("name")
            if start in starts and nxt is not None and nxt.end == end and _bare_short_name(member.group("name")):
                # 省发展改革委、统计局、林业局: a national body's short name (统计局) written bare in a list its first
                # member opens with a level is that level's bureau, as its neighbours are (省统计局)
                found[start] = make(start, end, prefix)
                at = end
                continue
            if start in starts or any(a < end and start < b for a, b in taken):
                break
            if strict and not _known(member.group("name")):
                break
            found[start] = make(start, end, prefix)
            at = end
    taken += [(c.start, c.end) for c in found.values()]
    for cand in _own_level_bureaus(source, taken, make, jurisdiction):
        found.setdefault(cand.start, cand)
    return [found[s] for s in sorted(found)]


# 市、区人民政府应当…; 由省、市、县人民政府…: levels listed before one name that the last of them writes in full share
# that name (市人民政府 and 区人民政府), as rules and plans address the governments of several levels at once. The list
# opens a clause or follows a function word, never a word of its own (全市、区…, 城市、区域).
_LEVELS_BEFORE = re.compile(r"(?:[省市区县]、)+$")
_LEVELS_OPEN = re.compile(r"[\u4e00-\u9fff]")
_LEVELS_AFTER_WORD = "由和及与对经请向将"
_SHARED_NAME = re.compile(r"[省市区县](?:人民政府|政府)")


def levels_before_shared_name(source: str, chosen: list, make) -> list:
    """Candidates (``make(start, end, name)``, one per level character) for the levels listed before a chosen
    government name that shares its name with them: in 市、区人民政府, 市 (read as 市 + 人民政府)."""
    found = []
    starts = {c.start for c in chosen}
    for cand in chosen:
        if cand.kind == "unknown":
            continue
        name = source[cand.start:cand.end]
        if not _SHARED_NAME.fullmatch(name):
            continue
        m = _LEVELS_BEFORE.search(source, max(0, cand.start - 12), cand.start)
        if not m:
            continue
        prev = source[m.start() - 1: m.start()]
        if prev and _LEVELS_OPEN.match(prev) and prev not in _LEVELS_AFTER_WORD:
            continue
        for at in range(m.start(), m.end(), 2):
            if source[at] != name[0] and at not in starts:
                found.append(make(at, at + 1, name[1:]))
    return found


# 市国土资源、城乡规划、财政、公安、城管执法等行政部门: the matters of several departments listed between one level and one
# designation, each its own department (市国土资源行政部门 … 市城管执法行政部门), as local rules name those that work
# beside the one in charge. Only a level that opens a clause or follows a function word, only 行政部门 / (行政)主管部门.
_MATTER = r"[\u4e00-\u9fff]{2,8}?"
_MATTERS_RE = re.compile(rf"(?P<level>[省市区县])(?P<list>{_MATTER}(?:、{_MATTER}){{1,14}})(?P<tail>等?(?:有关)?(?P<suffix>行政主管部门|行政部门|主管部门))")


@lru_cache(maxsize=1)
def _shared_sectors_re() -> re.Pattern[str]:
    """各级财政和农业农村部门, 县（市、区）财政、农业农村部门, 市财政和人力资源社会保障部门: two or more sectors
    (only the sectors a functional designation names) between one scope and one 部门, each its own department."""
    from .bodynames import _SECTORS

    sector = rf"(?:{_SECTORS})"
    return re.compile(rf"(?P<level>各级|各?县（市、区）|各?县（市）|各?市（州）|各?市（区）|各设区(?:的)?市|各[省市县区]|[省市区县])"
                      rf"(?P<list>{sector}(?:[、和及]{sector})+)"
                      rf"(?P<tail>等?(?:有关)?(?P<suffix>行政主管部门|行政部门|主管部门|部门)(?![\u4e00-\u9fff]*?(?:人员|负责人)))")


def matters_between_level_and_department(source: str, chosen: list, make, clause) -> list:
    """Candidates (``make(start, end, (prefix, suffix))``) for each matter of a list written between a level and a
    designation; the first member's span takes the level, the last one's the designation. ``clause`` tells a
    member that is a clause (no matter). A list of sectors joined by 和 as well (各级财政和农业农村部门) is read the
    same way, its members replacing the one designation its last member was read as."""
    found = []
    taken = [(c.start, c.end) for c in chosen]
    matches = [(m, "、") for m in _MATTERS_RE.finditer(source)]
    seen = {m.start() for m, _ in matches}
    matches += [(m, "[、和及]") for m in _shared_sectors_re().finditer(source) if m.start() not in seen]
    for m, joiner in sorted(matches, key=lambda x: x[0].start()):
        prev = source[m.start() - 1: m.start()]
        if prev and _LEVELS_OPEN.match(prev) and prev not in _LEVELS_AFTER_WORD and not m.group("level").startswith("各"):
            continue
        words = re.split(joiner, m.group("list"))
        if any(clause(w) or w.startswith(("各", "有关", "相关")) for w in words):
            continue
        inside_only = joiner != "、"  # a sector list may hold a designation read alone (农业农村部门): it replaces it
        if any(a < m.end() and m.start() < b and not (inside_only and m.start() <= a and b <= m.end())
               for a, b in taken):
            continue
        at = m.start("list")
        for i, w in enumerate(words):
            start = m.start() if i == 0 else at
            end = m.end() if i == len(words) - 1 else at + len(w)
            found.append(make(start, end, (m.group("level") if i else "", m.group("suffix"), at - start, len(w))))
            at += len(w) + 1
    return found
