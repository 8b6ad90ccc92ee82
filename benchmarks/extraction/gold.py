"""Gold files of the extraction benchmark: loading, and the checks that keep them consistent with their documents.

The convention is /work/brief/GOLD.md's (mirrored in this package's README): one JSON file per document with
``units``, ``bodies``, ``responsibilities``, ``targets``, ``supports``, ``citations``, ``identifier``, ``issued``.
The real sets (``real``, ``real_holdout``, ``real_fresh``) add ``title``, ``genre``, ``issuers``, ``jurisdiction``,
``jurisdiction_level``, ``effective``, ``unit_kinds``, ``functions`` and ``replaces``; each is checked when present.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "COMPARATORS",
    "FUNCTIONS",
    "HERE",
    "JURISDICTION_LEVELS",
    "KEPT_ASIDE",
    "LEVELS",
    "ROLES",
    "SETS",
    "SUPPORT_KINDS",
    "UNIT_KINDS",
    "GoldCase",
    "body_paragraphs",
    "gold_cases",
    "load_case",
    "normalise_brackets",
    "path_labels",
    "problems",
]

HERE = Path(__file__).resolve().parent
# set name → (folder of documents, folder of gold files)
SETS: dict[str, tuple[Path, Path]] = {
    "docs": (HERE / "docs", HERE / "gold"),
    "holdout": (HERE / "holdout", HERE / "holdout"),
    "real": (HERE / "real", HERE / "real"),  # real State Council documents, hand gold
    "real_holdout": (HERE / "real_holdout", HERE / "real_holdout"),  # real documents kept aside for judging
    # real documents annotated before any parser work on them, kept aside and scored once at the end of a round
    "real_fresh": (HERE / "real_fresh", HERE / "real_fresh"),
    # ten more real documents annotated in the fourth round before any run on them, kept aside, scored once at its end
    "real_r4": (HERE / "real_r4", HERE / "real_r4"),
    # the last eleven corpus-real documents no gold covered, annotated in the fifth round before any run on them
    "real_r5": (HERE / "real_r5", HERE / "real_r5"),
    # invented documents in the notations of real provincial, city, county and development-zone texts (owner lines
    # after items, 〔牵头单位：…；责任单位：…〕, pasted task tables, 政策兑现 articles), gold written before any parser run
    "local": (HERE / "local", HERE / "local"),
    # sixth round: more invented documents in real local notations (provinces, cities, districts, counties, zones),
    # written with their gold, questions and profiles by sessions that ran nothing, kept aside until the round's end
    "local_r6": (HERE / "local_r6", HERE / "local_r6"),
    # seventh round: six more (other provinces, cities, a county and a district; a fund's 管理办法, a plan with a
    # space-separated annex table, a reply to a people's deputy), written the same way, kept aside until the round's end
    "local_r7": (HERE / "local_r7", HERE / "local_r7"),
    "local_r8": (HERE / "local_r8", HERE / "local_r8"),
}
KEPT_ASIDE = frozenset({"real_r4", "real_r5", "local_r6", "local_r7", "local_r8"})  # out of ``all`` so that no development run scores it by accident
ROLES = frozenset({"lead", "participant", "convener", "coordinator", "evaluator", "supervisor", "implementer"})
COMPARATORS = frozenset({"≥", "≤", "=", "≈"})
SUPPORT_KINDS = frozenset({"subsidy", "reward", "loan-interest", "tax", "land", "threshold", "time-limit", "other"})
LEVELS = frozenset({"national", "provincial", "municipal", "district"})
UNIT_KINDS = frozenset({"chapter", "section", "article", "item", "paragraph", "notice", "preamble", "closing", "annex",
                        "goal", "task", "measure", "safeguard", "principle", "guideline"})
FUNCTIONS = frozenset({"goal", "action", "support", "rule", "duty", "decision", "context"})
JURISDICTION_LEVELS = frozenset({"national", "province", "city", "district"})
_KEYS = ("doc", "level", "identifier", "issued", "units", "bodies", "responsibilities", "targets", "supports", "citations")

_ASCII_TO_FULL = str.maketrans({"(": "（", ")": "）", "[": "〔", "]": "〕", "［": "〔", "］": "〕"})


@dataclass(frozen=True, slots=True)
class GoldCase:
    """One document and its gold record."""

    name: str  # file stem
    doc_path: Path
    gold_path: Path
    text: str
    gold: dict


def normalise_brackets(text: str) -> str:
    """ASCII and square brackets to the official forms: ( ) → （ ）, [ ] ［ ］ → 〔 〕; spaces dropped.

    国发[2016]48号 and 国发〔2016〕48号 are the same number; 一(一) and 一（一） the same path."""
    return re.sub(r"\s+", "", text.translate(_ASCII_TO_FULL))


def load_case(doc_path: Path, gold_dir: Path) -> GoldCase:
    """The document at ``doc_path`` with ``<gold_dir>/<stem>.json``."""
    gold_path = gold_dir / f"{doc_path.stem}.json"
    return GoldCase(doc_path.stem, doc_path, gold_path, doc_path.read_text(encoding="utf-8"),
                    json.loads(gold_path.read_text(encoding="utf-8")))


def gold_cases(name: str) -> list[GoldCase]:
    """Every document of a set of ``SETS`` or of ``all`` (every set but the one kept aside, ``KEPT_ASIDE``, which
    is scored only when named), in name order. Raises ValueError on another name."""
    if name == "all":
        return [c for s in SETS if s not in KEPT_ASIDE for c in gold_cases(s)]
    if name not in SETS:
        raise ValueError(f"unknown set {name!r}; expected one of: {', '.join([*SETS, 'all'])}")
    doc_dir, gold_dir = SETS[name]
    return [load_case(p, gold_dir) for p in sorted(doc_dir.glob("*.txt"))]


_SEGMENT = re.compile(r"第[一二三四五六七八九十百零〇0-9]+[章节条]|第[0-9]+段|附件[0-9]*|序言|结语|通知|[一二三四五六七八九十百]+"
                      r"|（[一二三四五六七八九十百]+）|（[0-9]+）|[0-9]+|[①-⑳]|-[0-9]+")
_HAN_DIGITS = "一二三四五六七八九十百"


def path_labels(path: str) -> list[str]:
    """Split a unit path into its numbering segments: ``二（一）12`` → ``['二', '（一）', '12']``.

    A bare Han numeral is a chapter (``一、``); an article path (``第三条``) is one segment."""
    segments = _SEGMENT.findall(path)
    if "".join(segments) != path:
        raise ValueError(f"not a unit path: {path!r}")
    return segments


_DATE_LINE = re.compile(r"(\d{4}|[〇零一二三四五六七八九]{4})年[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日")


def body_paragraphs(text: str) -> list[str]:
    """The body paragraphs of a document (one line each): after the addressee line (the first line ending in ``：``
    among the first twelve) and before the signature (the line over the first date line after it), without the
    ``附件：…`` lines that list the annexes (``附件：1.…`` and the ``2.…`` lines under it). These are the ``第N段``
    units of a document with no numbered structure."""
    lines = [line.strip() for line in text.splitlines()]
    start = next((i + 1 for i, line in enumerate(lines[:12]) if line.endswith(("：", ":"))), 0)
    end = next((j for j in range(start, len(lines) - 1) if _DATE_LINE.fullmatch(lines[j + 1])), len(lines))
    body, in_annex_list = [], False
    for line in lines[start:end]:
        in_annex_list = line.startswith("附件") or (in_annex_list and re.match(r"\d+[.．、]", line) is not None)
        if line and not in_annex_list:
            body.append(line)
    return body


def _label_in_text(segment: str, text: str) -> bool:
    """Whether the numbering label of ``segment`` is written in ``text`` (ASCII brackets count as full-width)."""
    if segment in ("序言", "结语"):
        return True
    if segment == "通知":  # the body of a notice (or order) that issues, forwards or promulgates a text
        return re.search(r"印发|转发|公布", "\n".join(text.splitlines()[:8])) is not None
    if segment.startswith("第") and segment.endswith("段"):
        return 1 <= int(segment[1:-1]) <= len(body_paragraphs(text))
    if segment.startswith("-"):
        return "——" in text or "--" in text or "－－" in text
    if segment[0] in _HAN_DIGITS:
        return re.search(rf"(^|\n)[ \t\u3000]*{segment}、", text) is not None
    if segment.isdigit():
        # 1. / 1、, or the 序号 cell of a tab-separated table row (1<TAB>任务…)
        return re.search(rf"(^|\n)[ \t\u3000]*{segment}[.．、\t]", text) is not None
    return segment in normalise_brackets(text)


def problems(case: GoldCase) -> list[str]:
    """Everything wrong with a gold record (empty when it is well-formed and consistent with its document)."""
    g, text, out = case.gold, case.text, []
    flat = normalise_brackets(text)

    def occurs(phrase: str) -> bool:
        return phrase in text or normalise_brackets(phrase) in flat

    missing = [k for k in _KEYS if k not in g]
    if missing:
        return [f"missing keys: {missing}"]
    if g["doc"] != case.doc_path.name:
        out.append(f"doc {g['doc']!r} is not {case.doc_path.name!r}")
    if g["level"] not in LEVELS:
        out.append(f"level {g['level']!r}")
    if g["identifier"] and not occurs(g["identifier"]):
        out.append(f"identifier {g['identifier']!r} not in text")
    if g["issued"] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", g["issued"]):
        out.append(f"issued {g['issued']!r} is not ISO")
    units = g["units"]
    if len(set(units)) != len(units):
        out.append("duplicate unit paths")
    for path in units:
        try:
            segments = path_labels(path)
        except ValueError as e:
            out.append(str(e))
            continue
        out += [f"unit {path}: label {s!r} not in text" for s in segments if not _label_in_text(s, text)]
    for body in g["bodies"]:
        if not occurs(body):
            out.append(f"body {body!r} not in text")
    for r in g["responsibilities"]:
        if r["role"] not in ROLES:
            out.append(f"role {r['role']!r}")
        if r["path"] not in units:
            out.append(f"responsibility path {r['path']!r} not a unit")
        if not occurs(r["body"]):
            out.append(f"responsibility body {r['body']!r} not in text")
        if r.get("basis", "explicit") not in ("explicit", "inferred"):
            out.append(f"basis {r['basis']!r}")
        if r.get("basis") == "inferred" and not r.get("rule"):
            out.append(f"inferred responsibility {r['path']} {r['body']} names no rule")
        if r.get("due") is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["due"]):
            out.append(f"due {r['due']!r} is not ISO")
    if len({(r["path"], r["body"], r["role"]) for r in g["responsibilities"]}) != len(g["responsibilities"]):
        out.append("duplicate responsibilities")
    for t in g["targets"]:
        if t["comparator"] not in COMPARATORS:
            out.append(f"comparator {t['comparator']!r}")
        if t["path"] not in units:
            out.append(f"target path {t['path']!r} not a unit")
        if not occurs(t["indicator"]):
            out.append(f"indicator {t['indicator']!r} not in text")
        if t["deadline"] is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", t["deadline"]):
            out.append(f"deadline {t['deadline']!r} is not ISO")
        if t["period"] and not occurs(t["period"]):
            out.append(f"period {t['period']!r} not in text")
    for s in g["supports"]:
        if s["kind"] not in SUPPORT_KINDS:
            out.append(f"support kind {s['kind']!r}")
        if s["path"] not in units:
            out.append(f"support path {s['path']!r} not a unit")
        if not occurs(s["text"]):
            out.append(f"support text {s['text']!r} not in text")
        if all(s.get(k) is None for k in ("amount", "rate", "cap")):
            out.append(f"support {s['text']!r} has no amount, rate or cap")
    out += _metadata_problems(g, occurs)
    out += _unit_problems(g, text)
    for r in g.get("replaces", []):
        if not occurs(r):
            out.append(f"replaced {r!r} not in text")
    own = normalise_brackets(g["identifier"])
    for c in g["citations"]:
        if not (c["title"] or c["identifier"]):
            out.append("citation with neither title nor identifier")
        if c["title"] and f"《{c['title']}》" not in text:
            out.append(f"citation title {c['title']!r} not in 《》 in text")
        if c["identifier"] and not occurs(c["identifier"]):
            out.append(f"citation identifier {c['identifier']!r} not in text")
        if own and normalise_brackets(c["identifier"]) == own:
            out.append("the document's own number is among its citations")
    return out


def _metadata_problems(g: dict, occurs) -> list[str]:
    """The real sets' document metadata: title, genre, issuers, jurisdiction, date of effect (each when present)."""
    out = []
    if "title" in g and not occurs(g["title"]):
        out.append(f"title {g['title']!r} not in text")
    if "genre" in g and not g.get("title", "").endswith(g["genre"]):
        out.append(f"genre {g['genre']!r} is not the word the title ends in")
    if "issued_text_genre" in g and not occurs(f"{g['issued_text_genre']}"):
        out.append(f"issued_text_genre {g['issued_text_genre']!r} not in text")
    if "issuers" in g:
        if not g["issuers"]:
            out.append("no issuer")
        out += [f"issuer {b!r} not in text" for b in g["issuers"] if not occurs(b)]
    if "jurisdiction_level" in g and g["jurisdiction_level"] not in JURISDICTION_LEVELS:
        out.append(f"jurisdiction_level {g['jurisdiction_level']!r}")
    if "jurisdiction" in g and not g["jurisdiction"]:
        out.append("empty jurisdiction")
    if g.get("effective") is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", g["effective"]):
        out.append(f"effective {g['effective']!r} is not ISO")
    return out


def _unit_problems(g: dict, text: str) -> list[str]:
    """Unit kinds cover exactly the units; functions name units; paragraph units are exactly the body paragraphs."""
    out, units = [], g["units"]
    if "unit_kinds" in g:
        kinds = g["unit_kinds"]
        if set(kinds) != set(units):
            out.append(f"unit_kinds and units differ: {sorted(set(kinds) ^ set(units))}")
        out += [f"unit kind {k!r} of {p}" for p, k in kinds.items() if k not in UNIT_KINDS]
    for p, f in g.get("functions", {}).items():
        if p not in units:
            out.append(f"function path {p!r} not a unit")
        if f not in FUNCTIONS:
            out.append(f"function {f!r} of {p}")
    paragraphs = [p for p in units if re.fullmatch(r"第[0-9]+段", p)]
    if paragraphs and paragraphs != [f"第{i}段" for i in range(1, len(body_paragraphs(text)) + 1)]:
        out.append(f"paragraph units {paragraphs[0]}…{paragraphs[-1]} are not the {len(body_paragraphs(text))} "
                   "body paragraphs")
    return out
