"""Score one parsed document against its gold record: structure, bodies, responsibilities, targets, supports,
citations, own number and date of issue; where the gold records them (the real sets), the document metadata
(title, number, issuers, dates, genre, jurisdiction), each unit's kind and function, and the texts it repeals.

Robust to a parser that does not yet record some facts: every attribute beyond the core model is read with
``getattr`` and a default, so a missing field scores as not found instead of failing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .gold import GoldCase, normalise_brackets
from .metrics import Counts, match, same_number

__all__ = [
    "ASPECTS",
    "DocScore",
    "department_labels",
    "predicted_paths",
    "score_bodies",
    "score_citations",
    "score_document",
    "score_metadata",
    "score_replaces",
    "score_responsibilities",
    "score_supports",
    "score_targets",
    "score_unit_labels",
    "score_units",
]

ASPECTS = ("units", "bodies", "responsibilities", "responsibilities_any", "targets", "supports", "citations")
# Document metadata judged (accuracy) where the gold states the field; the real sets state all of them.
META_FIELDS = ("title", "identifier", "issuers", "issued", "effective", "genre", "issued_text_genre", "jurisdiction",
               "jurisdiction_level")


@dataclass(slots=True)
class DocScore:
    """Everything measured on one document."""

    name: str
    set: str
    level: str
    chars: int
    seconds: float = 0.0
    error: str = ""
    counts: dict[str, Counts] = field(default_factory=lambda: {a: Counts() for a in ASPECTS})
    structure_exact: bool = False
    comparator: tuple[int, int] = (0, 0)  # (right, judged) on matched targets
    deadline: tuple[int, int] = (0, 0)
    value_max: tuple[int, int] = (0, 0)
    identifier_recorded: bool | None = None  # None when the gold has no number
    identifier_cited: bool = False
    issued_recorded: bool | None = None
    inferred: int = 0  # inferred responsibilities the parser added (not scored against explicit gold)
    missed: dict[str, list] = field(default_factory=dict)  # gold items not found, for reading the failures
    spurious: dict[str, list] = field(default_factory=dict)  # predictions with no gold counterpart
    # Judged only where the gold records them (the real sets); None / empty elsewhere, so older sets score as before.
    metadata: dict[str, bool] = field(default_factory=dict)  # field → right
    unit_kinds: tuple[int, int] | None = None  # (right, judged) over gold units the parser found
    functions: tuple[int, int] | None = None
    replaces: Counts | None = None

    def as_dict(self) -> dict:
        extra = {} if self.unit_kinds is None and not self.metadata and self.replaces is None else {
            "metadata": self.metadata,
            "unit_kinds": list(self.unit_kinds) if self.unit_kinds else None,
            "functions": list(self.functions) if self.functions else None,
            "replaces": self.replaces.as_dict() if self.replaces is not None else None}
        return {
            "doc": self.name, "set": self.set, "level": self.level, "chars": self.chars,
            "seconds": self.seconds, "error": self.error,
            **{a: c.as_dict() for a, c in self.counts.items()},
            "structure_exact": self.structure_exact,
            "comparator": list(self.comparator), "deadline": list(self.deadline), "value_max": list(self.value_max),
            "identifier_recorded": self.identifier_recorded, "identifier_cited": self.identifier_cited,
            "issued_recorded": self.issued_recorded, "inferred_responsibilities": self.inferred,
            "missed": self.missed, "spurious": self.spurious, **extra,
        }


def _norm(text: Any) -> str:
    return normalise_brackets(str(text or "")).strip("《》")


def _value(obj: Any, name: str) -> Any:
    """``obj.name`` for an enum-valued or plain attribute (``Role.LEAD`` → ``"lead"``), None when absent."""
    v = getattr(obj, name, None)
    return getattr(v, "value", v)


def _iso(d: Any) -> str | None:
    return d.isoformat() if isinstance(d, date) else (str(d) if d else None)


def predicted_paths(doc: Any) -> list[str]:
    """The parsed unit paths (brackets normalised); ``序言`` counts when the parser kept a non-empty preamble span."""
    paths = [_norm(u.path) for u in getattr(doc, "units", [])]
    preamble = getattr(doc, "preamble", None)
    if "序言" not in paths and preamble is not None and preamble.end > preamble.start:
        paths.insert(0, "序言")
    return paths


def department_labels(dept: Any, source: str) -> set[str]:
    """Every name a parsed organisation goes by: prefLabel, altLabels and each name as written at its mentions."""
    labels = {getattr(dept, "pref_label", "")} | set(getattr(dept, "alt_labels", []) or [])
    labels |= {source[m.start:m.end] for m in getattr(dept, "mentions", []) or []}
    return {_norm(x) for x in labels if x}


def score_units(gold: list[str], pred: list[str]) -> tuple[Counts, bool]:
    """Unit paths as sets: counts, and whether the parsed structure is exactly the gold one."""
    g, p = set(gold), set(pred)
    return Counts(len(g & p), len(p), len(g)), g == p


def score_bodies(gold: list[str], labels: list[set[str]]) -> tuple[Counts, list, list]:
    """A gold body is found by a distinct parsed organisation carrying its name among its labels."""
    pairs = match([_norm(b) for b in gold], labels, lambda b, ls: b in ls)
    return (Counts(len(pairs), len(labels), len(gold)), _unmatched(gold, pairs, 0),
            _unmatched([sorted(ls)[0] if ls else "" for ls in labels], pairs, 1))


def score_responsibilities(gold: list[dict], pred: list[tuple[str, str, set[str]]]) -> tuple[Counts, list, list]:
    """(path, role, body) statements; a predicted one is (path, role, labels of its organisation), deduplicated."""
    def same(g: dict, p: tuple[str, str, set[str]]) -> bool:
        return _norm(g["path"]) == p[0] and g["role"] == p[1] and _norm(g["body"]) in p[2]

    pairs = match(gold, pred, same)
    return (Counts(len(pairs), len(pred), len(gold)),
            [f"{g['path']} {g['role']} {g['body']}" for g in _unmatched(gold, pairs, 0)],
            [f"{p[0]} {p[1]} {sorted(p[2])[0] if p[2] else '?'}" for p in _unmatched(pred, pairs, 1)])


def score_targets(gold: list[dict], pred: list[Any]) -> dict:
    """Targets match on (path, value, unit); on matches, comparator, upper bound and deadline are judged.

    A deadline is right when the dates agree (both None for a target with none) and, where the gold records
    a stated period (2023年起3年内), the parser recorded that period too."""
    def same(g: dict, t: Any) -> bool:
        return (_norm(g["path"]) == _norm(getattr(t, "unit_path", "")) and same_number(g["value"], _value(t, "quantity"))
                and _norm(g["unit"]) == _norm(getattr(t, "unit", "")))

    pairs = match(gold, pred, same)
    cmp_ok = sum(gold[i]["comparator"] == _value(pred[j], "comparator") for i, j in pairs)
    vmax_ok = sum(same_number(gold[i]["value_max"], _value(pred[j], "quantity_max")) for i, j in pairs)
    ddl_ok = sum(_iso(_value(pred[j], "deadline")) == gold[i]["deadline"]
                 and (not gold[i]["period"] or _norm(gold[i]["period"]) == _norm(getattr(pred[j], "period", "")))
                 for i, j in pairs)
    n = len(pairs)
    return {"counts": Counts(n, len(pred), len(gold)), "comparator": (cmp_ok, n), "value_max": (vmax_ok, n),
            "deadline": (ddl_ok, n),
            "missed": [f"{g['path']} {g['indicator']} {g['value']}{g['unit']}" for g in _unmatched(gold, pairs, 0)],
            "spurious": [f"{getattr(t, 'unit_path', '')} {getattr(t, 'text', '')}" for t in _unmatched(pred, pairs, 1)]}


def score_supports(gold: list[dict], pred: list[Any]) -> tuple[Counts, list, list]:
    """Supports match on (path, kind) and the gold's first non-null of amount, rate, cap, in that field."""
    def same(g: dict, s: Any) -> bool:
        if _norm(g["path"]) != _norm(getattr(s, "unit_path", "")) or g["kind"] != _value(s, "kind"):
            return False
        key = next((k for k in ("amount", "rate", "cap") if g.get(k) is not None), None)
        return key is not None and same_number(g[key], _value(s, key))

    pairs = match(gold, pred, same)
    return (Counts(len(pairs), len(pred), len(gold)),
            [f"{g['path']} {g['kind']} {g['text']}" for g in _unmatched(gold, pairs, 0)],
            [f"{getattr(s, 'unit_path', '')} {_value(s, 'kind')} {getattr(s, 'text', '')}" for s in _unmatched(pred, pairs, 1)])


def score_citations(gold: list[dict], pred: list[Any]) -> tuple[Counts, list, list]:
    """A citation matches on its title or on its number, after normalising brackets (〔〕 [] ()) and 《》."""
    def same(g: dict, c: Any) -> bool:
        title, ident = _norm(getattr(c, "title", "")), _norm(getattr(c, "identifier", ""))
        return bool((g["title"] and _norm(g["title"]) == title) or (g["identifier"] and _norm(g["identifier"]) == ident))

    pairs = match(gold, pred, same)
    return (Counts(len(pairs), len(pred), len(gold)),
            [g["title"] or g["identifier"] for g in _unmatched(gold, pairs, 0)],
            [getattr(c, "title", "") or getattr(c, "identifier", "") for c in _unmatched(pred, pairs, 1)])


def _flat(text: Any) -> str:
    """A title or name for comparison: brackets normalised, spaces and line breaks dropped, 《》 and quotes kept."""
    return normalise_brackets(str(text or ""))


def _predicted_meta(meta: Any) -> dict[str, Any]:
    """The parser's metadata in the gold's terms; fields the parser does not have yet are empty."""
    issuers = list(getattr(meta, "issuers", None) or [])
    if not issuers:
        issuers = [x for x in re.split(r"[、，,；;]", str(getattr(meta, "issuer", "") or "")) if x.strip()]
    return {"title": _flat(getattr(meta, "title", "")), "identifier": _norm(getattr(meta, "identifier", "")),
            "issuers": sorted({_flat(x) for x in issuers}), "issued": _iso(getattr(meta, "issued", None)),
            "effective": _iso(getattr(meta, "effective", None)), "genre": str(getattr(meta, "genre", "") or ""),
            "issued_text_genre": str(getattr(meta, "issued_text_genre", "") or ""),
            "jurisdiction": str(getattr(meta, "jurisdiction", "") or ""),
            "jurisdiction_level": str(_value(meta, "jurisdiction_level") or "")}


def score_metadata(gold: dict, meta: Any) -> tuple[dict[str, bool], list[str]]:
    """Each metadata field the gold states (see ``META_FIELDS``) → whether the parser recorded the same value.

    A field the gold leaves null or empty (no date of effect stated) is right only when the parser has the field and
    leaves it empty too."""
    pred = _predicted_meta(meta)
    want = {"title": _flat(gold.get("title")), "identifier": _norm(gold.get("identifier")),
            "issuers": sorted({_flat(x) for x in gold.get("issuers") or []}), "issued": gold.get("issued") or None,
            "effective": gold.get("effective") or None, "genre": gold.get("genre") or "",
            "issued_text_genre": gold.get("issued_text_genre") or "", "jurisdiction": gold.get("jurisdiction") or "",
            "jurisdiction_level": gold.get("jurisdiction_level") or ""}
    # A field the parser does not have at all (or a document that failed to parse) is wrong even where the gold is
    # empty: "no date of effect" is only right when the parser can say so.
    has = {f: meta is not None and (hasattr(meta, f) or (f == "issuers" and hasattr(meta, "issuer"))) for f in META_FIELDS}
    right = {f: has[f] and ((pred[f] or None) == (want[f] or None) or (f == "jurisdiction" and _same_place(pred[f], want[f]))
                            or (f == "issued_text_genre" and bool(want[f]) and _genre_as_written(meta) == want[f]))
             for f in META_FIELDS if f in gold}
    return right, [f"{f}: {want[f]!r} ≠ {pred[f]!r}" for f, ok in right.items() if not ok]


def _genre_as_written(meta: Any) -> str:
    """The issued text's genre as its title writes it (实施方案, 行动计划), which the parser keeps beside the bare genre
    (方案, 计划): gold written by hand records either, and both say the same."""
    return str(getattr(meta, "issued_text_genre_as_written", "") or "")


def _same_place(pred: str, want: str) -> bool:
    """One jurisdiction written with its province before the other's city or county (贵州省遵义市 and 遵义市, 河北省邢台市
    清河县 and 邢台市清河县) names the same place."""
    long, short = (pred, want) if len(pred) >= len(want) else (want, pred)
    return bool(short) and long.endswith(short) and re.fullmatch(r"[\u4e00-\u9fff]{2,8}?(?:省|自治区)",
                                                                 long[: -len(short)]) is not None


def _unit_attribute(doc: Any, name: str) -> dict[str, str]:
    """Parsed path → the unit's ``kind`` or ``function``; a preamble kept only as a span counts as ``序言``."""
    out = {_norm(u.path): str(_value(u, name) or "") for u in getattr(doc, "units", []) or []}
    preamble = getattr(doc, "preamble", None)
    if "序言" not in out and preamble is not None and preamble.end > preamble.start:
        out["序言"] = "preamble" if name == "kind" else ""
    return out


def score_unit_labels(gold: dict[str, str], pred: dict[str, str]) -> tuple[tuple[int, int], list[str]]:
    """Accuracy of a per-unit label (kind or function) over the gold units the parser found: (right, judged), and
    the wrong ones as ``path gold→predicted``. Units the parser missed are counted by the structure score."""
    judged = {_norm(p): v for p, v in gold.items() if _norm(p) in pred}
    wrong = [f"{p} {v}→{pred[p] or '?'}" for p, v in judged.items() if pred[p] != v]
    return (len(judged) - len(wrong), len(judged)), wrong


def _predicted_replaced(doc: Any) -> list[set[str]]:
    """The texts the parsed document repeals: citations flagged ``replaces`` (and a ``replaces`` list if the document
    has one), each as the set of its normalised title and number."""
    items = [c for c in getattr(doc, "citations", []) or [] if getattr(c, "replaces", False)]
    items += list(getattr(doc, "replaces", None) or [])
    out = []
    for c in items:
        names = {c} if isinstance(c, str) else {getattr(c, "title", ""), getattr(c, "identifier", "")}
        out.append({_norm(x) for x in names if x})
    return out


def score_replaces(gold: list[str], pred: list[set[str]]) -> tuple[Counts, list, list]:
    """A repealed text matches on its title or number (normalised brackets and 《》)."""
    pairs = match([_norm(g) for g in gold], pred, lambda g, names: g in names)
    return (Counts(len(pairs), len(pred), len(gold)), _unmatched(gold, pairs, 0),
            [sorted(p)[0] if p else "" for p in _unmatched(pred, pairs, 1)])


def _statements(resp: list[Any], labels: dict[str, set[str]]) -> list[tuple[str, str, set[str]]]:
    """Parsed responsibilities as distinct (path, role, labels of the organisation) statements."""
    seen: dict[tuple[str, str, str], tuple[str, str, set[str]]] = {}
    for r in resp:
        key = (_norm(getattr(r, "unit_path", "")), str(_value(r, "role")), getattr(r, "agent", ""))
        seen.setdefault(key, (key[0], key[1], labels.get(key[2], {_norm(key[2])})))
    return list(seen.values())


def _unmatched(items: list, pairs: list[tuple[int, int]], side: int) -> list:
    used = {p[side] for p in pairs}
    return [x for k, x in enumerate(items) if k not in used]


def score_document(case: GoldCase, set_name: str, doc: Any | None, seconds: float = 0.0, error: str = "") -> DocScore:
    """All aspects of one document; a document that failed to parse (``doc`` None) scores as finding nothing."""
    g = case.gold
    out = DocScore(case.name, set_name, g["level"], len(case.text), seconds, error)
    source = getattr(doc, "source", case.text) if doc is not None else case.text
    units_pred = predicted_paths(doc) if doc is not None else []
    out.counts["units"], out.structure_exact = score_units([_norm(u) for u in g["units"]], units_pred)
    out.missed["units"] = sorted(set(g["units"]) - set(units_pred))
    out.spurious["units"] = sorted(set(units_pred) - {_norm(u) for u in g["units"]})

    depts = list(getattr(doc, "departments", []) or []) if doc is not None else []
    labels = {getattr(d, "key", str(k)): department_labels(d, source) for k, d in enumerate(depts)}
    out.counts["bodies"], out.missed["bodies"], out.spurious["bodies"] = score_bodies(g["bodies"], list(labels.values()))

    resp = list(getattr(doc, "responsibilities", []) or []) if doc is not None else []
    explicit = [r for r in resp if _value(r, "basis") in (None, "explicit")]
    out.inferred = len(resp) - len(explicit)
    gold_explicit = [r for r in g["responsibilities"] if r.get("basis", "explicit") == "explicit"]
    out.counts["responsibilities"], out.missed["responsibilities"], out.spurious["responsibilities"] = \
        score_responsibilities(gold_explicit, _statements(explicit, labels))
    out.counts["responsibilities_any"], _, _ = score_responsibilities(g["responsibilities"], _statements(resp, labels))

    t = score_targets(g["targets"], list(getattr(doc, "targets", []) or []) if doc is not None else [])
    out.counts["targets"], out.comparator, out.value_max, out.deadline = t["counts"], t["comparator"], t["value_max"], t["deadline"]
    out.missed["targets"], out.spurious["targets"] = t["missed"], t["spurious"]

    supports = list(getattr(doc, "supports", []) or []) if doc is not None else []
    out.counts["supports"], out.missed["supports"], out.spurious["supports"] = score_supports(g["supports"], supports)

    citations = list(getattr(doc, "citations", []) or []) if doc is not None else []
    out.counts["citations"], out.missed["citations"], out.spurious["citations"] = score_citations(g["citations"], citations)

    meta = getattr(doc, "meta", None)
    own = _norm(g["identifier"])
    if own:
        out.identifier_recorded = _norm(getattr(meta, "identifier", "")) == own
        out.identifier_cited = any(_norm(getattr(c, "identifier", "")) == own for c in citations)
    if g["issued"]:
        out.issued_recorded = str(getattr(meta, "issued", "") or "") == g["issued"]

    # The real sets' keys; a gold file without them is scored exactly as before.
    if any(f in g for f in ("title", "genre", "issuers", "effective", "jurisdiction")):
        out.metadata, out.missed["metadata"] = score_metadata(g, meta)
    if "unit_kinds" in g:
        out.unit_kinds, out.missed["unit_kinds"] = score_unit_labels(
            g["unit_kinds"], _unit_attribute(doc, "kind") if doc is not None else {})
    if "functions" in g:
        out.functions, out.missed["functions"] = score_unit_labels(
            g["functions"], _unit_attribute(doc, "function") if doc is not None else {})
    if "replaces" in g:
        out.replaces, out.missed["replaces"], out.spurious["replaces"] = score_replaces(
            g["replaces"], _predicted_replaced(doc) if doc is not None else [])
    return out
