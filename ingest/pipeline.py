"""Run the ingest steps on one file: read (.txt/.md, .docx, .pdf, .html: formats/) → structure → classify → targets → departments → responsibilities → citations → concepts."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import re
import unicodedata
from datetime import date
from pathlib import Path

from .citations import find_citations
from .classify import classify_units
from .concepts import find_concepts
from .departments import document_date, find_bodies, jurisdiction_of, pronoun_references
from .errors import ParseError
from .formats import Extracted, read_document
from .frontmatter import FrontMatter, apply_front_matter, mask, read_front_matter
from .function import assign_functions
from .jurisdiction import document_jurisdiction, jurisdiction_of_text, place_named
from .model import DocumentMeta, PolicyDocument, Support, Target, Unit, UnitKind
from .quantities import is_count
from .relines import break_glued_articles
from .responsibility import assign_responsibilities
from .structure import parse_structure
from .support import apply_document_validity, apply_general_conditions, extract_supports
from .targets import (
    DeadlineHint,
    covering_deadline,
    drop_restated,
    extract_targets,
    heading_deadline,
    lead_deadline,
)
from .tradfold import fold_traditional, restore, strip_pinyin_glosses

__all__ = ["load_meta", "parse_plan", "parse_text", "safe_slug"]

log = logging.getLogger(__name__)

# What a sidecar may set; the format and page offsets come from the file itself.
_META_FIELDS = {f.name for f in dataclasses.fields(DocumentMeta)} - {"format", "pages"}


def load_meta(path: str | Path) -> DocumentMeta:
    """The ``<stem>.meta.json`` sidecar beside ``path``; without one, slug and title from the file stem."""
    path = Path(path)
    sidecar = path.with_name(path.stem + ".meta.json")
    fields: dict[str, str] = {"slug": path.stem, "title": path.stem}
    if sidecar.exists():
        try:
            data = json.loads(sidecar.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            raise ParseError(str(sidecar), f"unreadable metadata sidecar: {e}") from e
        if not isinstance(data, dict):
            raise ParseError(str(sidecar), "metadata sidecar must be a JSON object")
        fields.update({k: str(v) for k, v in data.items() if k in _META_FIELDS and v is not None})
        if isinstance(data.get("issuers"), list):  # joint issuers: a list in the sidecar, a tuple in the model
            fields["issuers"] = tuple(str(v) for v in data["issuers"])  # type: ignore[assignment]
    fields["source_file"] = path.name
    fields["slug"] = safe_slug(fields["slug"])
    return DocumentMeta(**fields)


_UNSAFE_SLUG = re.compile(r"[^\w.\-]+")


def safe_slug(value: str) -> str:
    """A slug of safe characters only (letters, digits, ``_``, ``-``, ``.``; CJK letters count): anything else,
    a newline, a space, a slash, a control character, becomes ``-``. It names IRIs, folders and CLI lines."""
    slug = _UNSAFE_SLUG.sub("-", unicodedata.normalize("NFC", value)).strip("-.")
    return slug[:200] or "document"


def _inherited_deadline(unit: Unit, by_path: dict[str, Unit]) -> DeadlineHint | None:
    """The year the unit's own heading names (2024年工作目标), else the deadline of the nearest enclosing
    unit whose lead sentence or heading states one (到2020年底，…)."""
    own = heading_deadline(unit.heading)
    if own:
        return own
    parent = by_path.get(unit.parent) if unit.parent else None
    while parent is not None:
        hint = lead_deadline(parent.heading, parent.text)
        if hint:
            return hint
        parent = by_path.get(parent.parent) if parent.parent else None
    return None


# A unit that decides, sets duties, states a rule, offers support or gives context holds a target only in a sentence
# that states an aim: a count of awards (授予…37项成果), a membership (由9个部门组成), a cap (额度不能超过每月1000元), a
# condition (50个以上的成员) or a past event (86名矿工遇难) is no goal.
_AIMLESS_FUNCTIONS = frozenset({"decision", "duty", "rule", "support", "context"})
_AIM = re.compile(r"(?:到|至|于)\s*(?:[0-9０-９]{4}|[一二][〇零○九][〇零○一二三四五六七八九]{2})\s*年|(?:到|至)[本下]世纪|力争|争取|确保|目标|预期|计划到|控制在|降至|降到|降低到|提高到|提升到|增加到|扩大到|突破")
_SENTENCE_STOP = "。；;！？\n"


# A yearly minimum of things a body commits to do (开展…活动，全年不少于12场; 每年…组织对接活动不少于4场; 每年服务企业不少于
# 1000家次) is an aim too, but only where the unit offers support or sets a body's duty: a rule's yearly minimum
# (每年召开会员大会不少于2次) binds a regulated party, and decisions and circulars state no aims of that kind.
_YEARLY = re.compile(r"全年|每年|年度|年均")
_YEARLY_AIM_FUNCTIONS = frozenset({"support", "duty"})


def _sentence_of(own: str, at: int) -> str:
    start = max(own.rfind(c, 0, at) for c in _SENTENCE_STOP) + 1
    ends = [i for i in (own.find(c, at) for c in _SENTENCE_STOP) if i >= 0]
    return own[start : min(ends) if ends else len(own)]


# A paragraph that opens as a list of aims (具体指标：…, 主要目标：…, 到2022年，…) states an aim in every sentence:
# 推动建设300个基地 two sentences after 具体指标：到2022年 is one of those indicators.
_AIM_PARAGRAPH = re.compile(r"[ \t\u3000]*(?:[^。；;，,\n]{0,10}(?:目标|指标)[^。；;，,\n]{0,4}[：:]|(?:到|至)\s*[0-9０-９]{4}\s*年)")


# A year and a verb of completion (2020年初步建成…, 1998年达到…) aims when the year is not before the text's own:
# the same words about a past year report what was done.
_YEAR_DONE = re.compile(r"((?:19|20)[0-9]{2})年(?:初步|基本|全面|全部)?(?:建成|完成|实现|达到)"
                        # 2026年底前上线…: a deadline ahead, by the end (or the half) of a year not before the text's
                        r"|((?:19|20)[0-9]{2})年(?:底|末|上半年|下半年|[0-9]{1,2}月底?)?以?前")


def _states_an_aim(own: str, at: int, year: int | None = None) -> bool:
    """Whether the sentence of ``own`` holding offset ``at`` states an aim (到2025年, 力争, 目标, 2020年建成 …), or
    its paragraph opens as a list of aims. ``year``: the year the document was issued, if known."""
    sentence = _sentence_of(own, at)
    if _AIM.search(sentence) or any(year is None or int(m.group(1) or m.group(2)) >= year
                                    for m in _YEAR_DONE.finditer(sentence)):
        return True
    return bool(_AIM_PARAGRAPH.match(own, own.rfind("\n", 0, at) + 1))


def _yearly_commitment(own: str, at: int, target: Target, function: str) -> bool:
    """Whether ``target`` (at offset ``at`` of ``own``) is a yearly minimum count that a support or duty unit
    commits to (全年不少于12场)."""
    return (function in _YEARLY_AIM_FUNCTIONS and target.comparator == "≥" and is_count(target.unit)
            and bool(_YEARLY.search(_sentence_of(own, at))))


# Genres that decide, answer or report (a 批复 granting a request, a 复函, an 答复 to deputies, a 通报, a 决定) set a goal
# only in a sentence that says so: a granted area (总用地面积为41.565公顷), a coordinate table's radii or a figure a
# ministry relayed is no target, whatever the unit's own function.
_AIMLESS_GENRES = frozenset({"批复", "复函", "函", "答复", "通报", "决定"})


_OPENINGS = (UnitKind.PREAMBLE, UnitKind.NOTICE)
# 2017年，区政府将继续办好以下民生实事： an opening that gives the year of the whole list after it (the year opens
# the sentence, the government will act, the sentence introduces the list: ends with ： or names 以下/下列/N件/N项)
_LIST_YEAR = re.compile(r"(?:^|(?<=[。！？\n]))[ \t\u3000]*(?P<y>(?:19|20)[0-9]{2})年[，,]"
                        r"(?=[^。！？\n]{0,60}(?:将|要|拟|计划))[^。！？\n]{0,100}?"
                        r"(?:[：:]|(?:以下|下列|如下)[^。！？\n]{0,30}[。！？]|[十0-9]+(?:件|项)[^。！？\n]{0,30}[。！？])")


def _list_year(own: str) -> DeadlineHint | None:
    """The year end an opening sentence fixes for the list after it (2017年，区政府将…：), else None (also when
    the opening gives two such years)."""
    found = {int(m.group("y")): m.group(0).strip() for m in _LIST_YEAR.finditer(own)}
    if len(found) != 1:
        return None
    (y, sentence), = found.items()
    return DeadlineHint(date(y, 12, 31), sentence)


# 2023年，争取专项债储备额度45亿元以上: a sentence of a support or duty unit that opens with a year not before the
# text's own states what is aimed at in that year
_YEAR_OPENS = re.compile(r"[ \t\u3000]*((?:19|20)[0-9]{2})年")


def _year_ahead(own: str, at: int, function: str, year: int | None) -> bool:
    if function not in _YEARLY_AIM_FUNCTIONS or year is None:
        return False
    m = _YEAR_OPENS.match(_sentence_of(own, at))
    return bool(m) and int(m.group(1)) >= year


def _targets(units: list[Unit], body: str, genre: str = "", issued: str = "") -> list[Target]:
    year = int(issued[:4]) if issued[:4].isdigit() else None
    by_path = {u.path: u for u in units}
    covering = covering_deadline(body)  # 各项指标均为2024年全年目标: the deadline of every target without its own
    targets: list[Target] = []
    listed: DeadlineHint | None = None  # the year an opening states for the list after it
    for unit in units:
        own = body[unit.span.start : unit.span.end]  # the unit's text with any front matter blanked
        if unit.kind in _OPENINGS:
            listed = _list_year(own)
        hint = _inherited_deadline(unit, by_path) or (listed if not unit.parent else None)
        found = extract_targets(own, unit.span.start, unit.path, unit.key, hint, covering, year)
        if unit.function in _AIMLESS_FUNCTIONS or genre in _AIMLESS_GENRES:
            found = [t for t in found if _states_an_aim(own, t.span.start - unit.span.start, year)
                     or _yearly_commitment(own, t.span.start - unit.span.start, t, unit.function)
                     or _year_ahead(own, t.span.start - unit.span.start, unit.function, year)]
        targets += found
    return drop_restated(targets, {u.path for u in units if u.kind is UnitKind.ANNEX})


def _supports(units: list[Unit], body: str, issued: str = "") -> list[Support]:
    """Support amounts, thresholds and time limits of every unit's own text (never targets), with their
    eligibility conditions and period of validity (their own, else the document's)."""
    try:
        day = date.fromisoformat(issued[:10]) if issued else None
    except ValueError:
        day = None
    supports = [s for u in units
                for s in extract_supports(body[u.span.start : u.span.end], u.span.start, u.path, u.key, day)]
    return apply_general_conditions(apply_document_validity(supports, body, day), units, body)


def _with_jurisdiction(meta: DocumentMeta) -> DocumentMeta:
    """``meta`` with its jurisdiction and level: as the sidecar states it, else from the number's prefix (国发 →
    中华人民共和国, 穗府办 → 广州市), else from the issuers or the title (ingest.jurisdiction)."""
    if meta.jurisdiction and meta.jurisdiction_level:
        return meta
    found = document_jurisdiction(meta.identifier, meta.issuers or (meta.issuer,), meta.title, meta.jurisdiction)
    if found is None:
        return meta
    return dataclasses.replace(meta, jurisdiction=found.name or meta.jurisdiction,
                               jurisdiction_level=meta.jurisdiction_level or found.level)


_ARTICLE_LABEL = re.compile(r"(?m)^[ \t\u3000]*第[一二三四五六七八九十百零〇0-9]{1,6}[条章节](?=[\u4e00-\u9fff])")


# 市人民政府批转市 (read off a title copied without its place) is a body and a verb, no place
_NO_PLACE = re.compile(r"政府|批转|转发|印发|关于")


# the rule named for a jurisdiction read from the body by ingest.authority.jurisdiction_of (结合官渡区实际, else the
# government the text names most): a guess, which a national reply naming the province it answers gets wrong
RULE_GOVERNMENT_NAMED_IN_TEXT = "government-named-in-text"
_SENTENCE = re.compile(r"[^。；！？\n]+[。；！？]?")


def _with_text_jurisdiction(meta: DocumentMeta, found: str, stated: str = "", body: str = "") -> DocumentMeta:
    """``meta`` with the jurisdiction its text gives (结合官渡区实际, the government it names most) when neither its
    metadata, number, issuers nor title gave one: a page copied without its heading still says where it applies.
    When only the body gave it (not ``stated``, the title's or issuer's place), it is marked inferred, with the first
    sentence of ``body`` that writes the place, so that the build warns and the graph says so."""
    if meta.jurisdiction or not found:
        return meta
    place = place_named(found)
    if place is not None:
        name, level = place.name, place.level
    else:
        name = re.sub(r"^[\u4e00-\u9fff]{2,7}?(?:省|自治区)(?=[\u4e00-\u9fff]{2,}?(?:市|州|盟))", "", found)
        level = ("district" if name.endswith(("区", "县", "旗")) else "city" if name.endswith(("市", "州", "盟"))
                 else "province" if name.endswith(("省", "自治区")) else "")
    if stated or not body:
        return dataclasses.replace(meta, jurisdiction=name, jurisdiction_level=level)
    # 上海市浦东新区 is written 浦东新区, 西藏自治区 西藏
    forms = {f for f in (name, name.split("市", 1)[-1], re.sub(r"(?:省|市|自治区|特别行政区)$", "", name)) if len(f) >= 2}
    sentence = next((m.group().strip() for m in _SENTENCE.finditer(body) if any(f in m.group() for f in forms)), "")
    return dataclasses.replace(meta, jurisdiction=name, jurisdiction_level=level, jurisdiction_basis="inferred",
                               jurisdiction_rule=RULE_GOVERNMENT_NAMED_IN_TEXT, jurisdiction_evidence=sentence)


def _speakers(front: FrontMatter, length: int) -> list[tuple[int, str, str]]:
    """Each signed part of the document (a notice, a report it forwards): where it ends, who signs it and whom it
    is addressed to, for the pronouns 我局 / 你省 (ingest.departments.pronoun_references)."""
    parts: list[tuple[int, str, str]] = []
    addressee = front.addressees
    for line in front.lines:
        if line.kind == "issued-addressees":
            addressee = line.value
        elif line.kind == "signature":
            parts.append((line.span.start, line.value, addressee))
            addressee = ""
    return parts or [(length, front.issuer, front.addressees)]


def parse_text(text: str, meta: DocumentMeta) -> PolicyDocument:
    """Build the document model from already decoded text. Raises ParseError if no structure is found.

    A traditional-script text is parsed as its simplified twin, character for character (ingest.tradfold), and
    given back its own words after."""
    file = meta.source_file or meta.slug
    if not text.strip():
        raise ParseError(file, "empty file (whitespace only)")
    text = break_glued_articles(strip_pinyin_glosses(text))
    if not meta.sha256:
        meta = dataclasses.replace(meta, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
    folded = fold_traditional(text)
    if folded is not None:
        return restore(_parse_simplified(folded, meta), text)
    return _parse_simplified(text, meta)


def _parse_simplified(text: str, meta: DocumentMeta) -> PolicyDocument:
    file = meta.source_file or meta.slug
    front = read_front_matter(text)
    meta = _with_jurisdiction(apply_front_matter(meta, front, mask(text, front.spans)))
    units, preamble = parse_structure(text, file, front)
    units = assign_functions(classify_units(units))  # kind (what a unit is), then function (what it does)
    # Title, own number, addressees, signature and date are metadata: blank them (same length) for the extractors.
    body = mask(text, front.spans)
    # Short forms (市经贸委, 区发改委) are read within the document's jurisdiction, names over time at its date.
    # a report's date line (——2019年1月8日在青禾区第十六届人民代表大会…上) is masked but still says where it was given
    jurisdiction = meta.jurisdiction or next((j for j in (jurisdiction_of(meta.title, meta.issuer, body),
                                                          jurisdiction_of(text=text)) if j and not _NO_PLACE.search(j)), "")
    meta = _with_text_jurisdiction(meta, jurisdiction, stated=jurisdiction_of(meta.title, meta.issuer), body=text)
    if not meta.jurisdiction and (own := jurisdiction_of_text(body)) is not None:  # inferred, with rule and sentence
        meta = dataclasses.replace(meta, jurisdiction=own.place.name, jurisdiction_level=own.place.level,
                                   jurisdiction_basis="inferred", jurisdiction_rule=own.rule,
                                   jurisdiction_evidence=own.sentence)
        jurisdiction = own.place.name
    when = document_date(meta.issued, meta.period_start, meta.title)
    # 第六条省人民政府应当…: an article's label run onto its first word is no part of a body's name
    named = _ARTICLE_LABEL.sub(lambda m: " " * len(m.group()), body)
    bodies = find_bodies(named, units, jurisdiction=jurisdiction, when=when,
                         references=pronoun_references(named, _speakers(front, len(text))))
    departments = bodies.departments
    responsibilities = assign_responsibilities(named, units, departments)
    if not meta.sha256:
        meta = dataclasses.replace(meta, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
    log.info("%s: %d units, %d departments", file, len(units), len(departments))
    return PolicyDocument(
        meta=meta,
        source=text,
        preamble=preamble,
        units=units,
        targets=_targets(units, body, meta.genre, meta.issued),
        supports=_supports(units, body, meta.issued),
        departments=departments,
        body_candidates=bodies.candidates,
        responsibilities=responsibilities,
        citations=find_citations(body, units, own_identifier=meta.identifier, own_title=meta.title),
        concepts=find_concepts(body, units),
    )


def _with_file_metadata(meta: DocumentMeta, extracted: Extracted, stem: str) -> DocumentMeta:
    """``meta`` plus the file's format and page offsets, and the title, 发文字号 and date the file
    itself states (a web page's info table) where the sidecar gives none."""
    updates: dict = {"encoding": extracted.encoding, "sha256": extracted.sha256, "format": extracted.format,
                     "pages": tuple(tuple(p) for p in extracted.pages)}
    if extracted.title and meta.title in ("", meta.slug, stem):
        updates["title"] = extracted.title
    for name in ("identifier", "issued"):
        if getattr(extracted, name) and not getattr(meta, name):
            updates[name] = getattr(extracted, name)
    return dataclasses.replace(meta, **updates)


_HTML_PARAGRAPH = re.compile(r"</p>|<p[ >]|<br ?/?>", re.IGNORECASE)


def parse_plan(path: str | Path) -> PolicyDocument:
    """Read and parse one policy document of any supported format (.txt/.md, .docx, .pdf, .html),
    with its optional ``.meta.json`` sidecar."""
    path = Path(path)
    extracted = read_document(path)
    if extracted.format in ("txt", "md") and len(_HTML_PARAGRAPH.findall(extracted.text)) >= 3:
        # a page's source saved as text (<p>…</p><p>…</p> on one line): read as the page it is
        from .formats.html import read_html

        extracted = read_html(path.read_bytes(), str(path))
    meta = _with_file_metadata(load_meta(path), extracted, path.stem)
    try:
        return parse_text(extracted.text, meta)
    except ParseError as e:
        if e.file == str(path):
            raise
        raise ParseError(str(path), e.reason, e.line) from e
