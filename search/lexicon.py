"""The concept scheme's labels as search needs them: a serialisable copy, so a saved index is self-contained."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["ConceptLabels", "concept_labels", "load_scheme_labels", "load_place_labels", "load_department_labels"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ConceptLabels:
    """One SKOS concept: preferred and alternative labels in Chinese and English, and its group."""

    key: str
    pref_zh: str
    pref_en: str
    alt_zh: tuple[str, ...] = field(default_factory=tuple)
    alt_en: tuple[str, ...] = field(default_factory=tuple)
    group: str = ""
    matches: tuple[str, ...] = ()  # for an industry-classification entry: the policy concepts it relates to
    broader: str = ""  # the direct parent's key (places: 静安区 → shanghai)

    @property
    def zh_labels(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(label for label in (self.pref_zh, *self.alt_zh) if label))

    @property
    def en_labels(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(label for label in (self.pref_en, *self.alt_en) if label))

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["alt_zh"], data["alt_en"], data["matches"] = list(self.alt_zh), list(self.alt_en), list(self.matches)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ConceptLabels:
        return cls(data["key"], data.get("pref_zh", ""), data.get("pref_en", ""), tuple(data.get("alt_zh", ())),
                   tuple(data.get("alt_en", ())), data.get("group", ""), tuple(data.get("matches", ())),
                   data.get("broader", ""))


def concept_labels(concepts: Iterable[Any]) -> list[ConceptLabels]:
    """Copy any concept objects with ``key, pref_zh, pref_en, alt_zh, alt_en, group`` attributes
    (``ingest.concepts.Concept``) into :class:`ConceptLabels`."""
    out = []
    for c in concepts:
        if isinstance(c, ConceptLabels):
            out.append(c)
            continue
        out.append(ConceptLabels(str(c.key), c.pref_zh or "", c.pref_en or "", tuple(c.alt_zh or ()),
                                 tuple(c.alt_en or ()), str(getattr(c, "group", "") or ""),
                                 tuple(getattr(c, "matches", ()) or ()), str(getattr(c, "broader", "") or "")))
    return out


def load_scheme_labels() -> list[ConceptLabels]:
    """The shipped concept scheme and the industry classification (``ingest.concepts.load_concepts``,
    ``load_industries``); empty, with a warning, if absent."""
    try:
        from ingest.concepts import load_concepts, load_industries
    except ImportError:
        log.warning("ingest.concepts is not available; searching without the concept scheme")
        return []
    return concept_labels(load_concepts()) + concept_labels(load_industries())


def load_place_labels() -> list[ConceptLabels]:
    """The shipped gazetteer (``ingest.concepts.load_places``); empty, with a warning, if absent."""
    try:
        from ingest.concepts import load_places
    except ImportError:
        log.warning("ingest.concepts is not available; searching without the gazetteer")
        return []
    return concept_labels(load_places())


def load_department_labels() -> list[str]:
    """Every name and alias of the shipped department table (``ingest.departments.alias_table``):
    市经济信息化委 is one word to the segmenter, not 市/经济/信息化/委; empty, with a warning, if absent."""
    try:
        from ingest.departments import alias_table
    except ImportError:
        log.warning("ingest.departments is not available; department aliases stay out of the dictionary")
        return []
    return sorted({label for entry in alias_table().values() for label in (entry.pref_label, *entry.alt_labels)})
