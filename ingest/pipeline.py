"""Run the ingest steps on one file: decode → structure → classify → targets → departments → responsibilities → citations → concepts."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
from pathlib import Path

from .citations import find_citations
from .classify import classify_units
from .concepts import find_concepts
from .decode import read_source
from .departments import MUNICIPAL_GOVERNMENT, alias_table, find_departments, normalise_department
from .errors import ParseError
from .model import Department, DocumentMeta, PolicyDocument, Target, Unit
from .responsibility import assign_responsibilities
from .structure import parse_structure
from .targets import DeadlineHint, extract_targets, lead_deadline

__all__ = ["load_meta", "parse_plan", "parse_text"]

log = logging.getLogger(__name__)

_META_FIELDS = {f.name for f in dataclasses.fields(DocumentMeta)}


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
    fields["source_file"] = path.name
    return DocumentMeta(**fields)


def _inherited_deadline(unit: Unit, by_path: dict[str, Unit]) -> DeadlineHint | None:
    """The deadline of the nearest enclosing unit whose lead sentence states one (到2020年底，…)."""
    parent = by_path.get(unit.parent) if unit.parent else None
    while parent is not None:
        hint = lead_deadline(parent.heading, parent.text)
        if hint:
            return hint
        parent = by_path.get(parent.parent) if parent.parent else None
    return None


def _targets(units: list[Unit]) -> list[Target]:
    by_path = {u.path: u for u in units}
    targets: list[Target] = []
    for unit in units:
        targets += extract_targets(unit.text, unit.span.start, unit.path, unit.key, _inherited_deadline(unit, by_path))
    return targets


def _fallback_lead(meta: DocumentMeta, departments: list[Department]) -> str:
    """The issuer's key when the sidecar names a known one, else 市政府; added to ``departments`` if absent."""
    key = normalise_department(meta.issuer) if meta.issuer else None
    key = key or MUNICIPAL_GOVERNMENT
    if all(d.key != key for d in departments):
        e = alias_table()[key]
        departments.append(Department(key, e.pref_label, list(e.alt_labels), e.pref_label_en, e.category))
    return key


def parse_text(text: str, meta: DocumentMeta) -> PolicyDocument:
    """Build the document model from already decoded text. Raises ParseError if no structure is found."""
    file = meta.source_file or meta.slug
    if not text.strip():
        raise ParseError(file, "empty file (whitespace only)")
    units, preamble = parse_structure(text, file)
    units = classify_units(units)
    departments = find_departments(text, units, jurisdiction=meta.jurisdiction)
    responsibilities = assign_responsibilities(text, units, departments, _fallback_lead(meta, departments))
    # Departments only named as a fallback have no mentions; drop them unless something points at them.
    used = {r.agent for r in responsibilities}
    departments = [d for d in departments if d.mentions or d.key in used]
    if not meta.sha256:
        meta = dataclasses.replace(meta, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
    log.info("%s: %d units, %d departments", file, len(units), len(departments))
    return PolicyDocument(
        meta=meta,
        source=text,
        preamble=preamble,
        units=units,
        targets=_targets(units),
        departments=departments,
        responsibilities=responsibilities,
        citations=find_citations(text, units),
        concepts=find_concepts(text, units),
    )


def parse_plan(path: str | Path) -> PolicyDocument:
    """Read, decode and parse one policy text file (with its optional ``.meta.json`` sidecar)."""
    path = Path(path)
    text, encoding, sha256 = read_source(path)
    meta = dataclasses.replace(load_meta(path), encoding=encoding, sha256=sha256)
    try:
        return parse_text(text, meta)
    except ParseError as e:
        if e.file == str(path):
            raise
        raise ParseError(str(path), e.reason, e.line) from e
