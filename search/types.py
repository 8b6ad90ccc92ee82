"""Typed records shared by the search core, the CLI, the API and the tests."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "UNIT_KINDS",
    "TargetData",
    "SupportData",
    "DepartmentRef",
    "ConceptRef",
    "TaskRef",
    "HitContext",
    "IndexUnit",
    "Highlight",
    "Hit",
    "SearchResult",
]

# The unit kinds the index holds, in the order the API lists them.
UNIT_KINDS: tuple[str, ...] = ("measure", "safeguard", "target", "goal", "principle", "guideline", "article", "task",
                               "item", "section", "chapter", "preamble", "closing", "annex")


@dataclass(slots=True)
class TargetData:
    """A quantified target as data: 建设100个智能制造示范项目 → (智能制造示范项目, 100, 个, ≥, 2020-12-31)."""

    id: str
    indicator: str
    quantity: float  # the ontology's pol:quantity (the name /targets and the kg views use too)
    quantity_max: float | None
    unit: str
    comparator: str
    deadline: str | None  # ISO date
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TargetData:
        """Also reads indexes saved before the rename (``value`` / ``value_max``)."""
        fields = dict(data)
        if "value" in fields:
            fields["quantity"] = fields.pop("value")
        if "value_max" in fields:
            fields["quantity_max"] = fields.pop("value_max")
        return cls(**fields)


@dataclass(slots=True)
class SupportData:
    """Support as data: 按设备投资额的10%给予补助，最高不超过500万元 → (subsidy, rate 10, cap 500, 万元)."""

    id: str
    kind: str  # subsidy | reward | loan-interest | tax | land | threshold | time-limit | other
    amount: float | None
    amount_max: float | None
    unit: str
    rate: float | None  # percent
    rate_base: str
    cap: float | None
    comparator: str
    condition: str  # who qualifies, as written
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class DepartmentRef:
    """A department responsible for a unit, with the basis of the claim."""

    id: str
    name: str
    role: str
    basis: str  # "explicit" | "inferred"
    evidence: str


@dataclass(slots=True)
class ConceptRef:
    """A concept of the scheme that a unit mentions."""

    id: str
    key: str
    zh: str
    en: str
    group: str = ""


@dataclass(slots=True)
class TaskRef:
    """The task (重点任务 item) a measure belongs to."""

    id: str
    path: str
    heading: str


@dataclass(slots=True)
class HitContext:
    """What the graph knows around a unit: its task, departments, sibling targets, concepts, section chain, and
    the support amounts and conditions it states."""

    task: TaskRef | None = None
    departments: list[DepartmentRef] = field(default_factory=list)
    targets: list[TargetData] = field(default_factory=list)
    concepts: list[ConceptRef] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)  # headings from the top-level part down
    supports: list[SupportData] = field(default_factory=list)  # the unit's own support amounts and conditions

    def to_dict(self) -> dict[str, Any]:
        return {
            "task": asdict(self.task) if self.task else None,
            "departments": [asdict(d) for d in self.departments],
            "targets": [t.to_dict() for t in self.targets],
            "concepts": [asdict(c) for c in self.concepts],
            "sections": list(self.sections),
            "supports": [s.to_dict() for s in self.supports],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> HitContext:
        return cls(
            task=TaskRef(**data["task"]) if data.get("task") else None,
            departments=[DepartmentRef(**d) for d in data.get("departments", [])],
            targets=[TargetData.from_dict(t) for t in data.get("targets", [])],
            concepts=[ConceptRef(**c) for c in data.get("concepts", [])],
            sections=list(data.get("sections", [])),
            supports=[SupportData(**s) for s in data.get("supports", [])],
        )


@dataclass(slots=True)
class IndexUnit:
    """One retrievable unit. ``text`` is shown in hits; ``index_text`` is what is indexed, never shown."""

    id: str
    kind: str
    document: str  # document slug
    document_title: str
    path: str
    title: str
    text: str
    index_text: str
    start: int
    end: int
    context: HitContext = field(default_factory=HitContext)
    target: TargetData | None = None  # set on target units

    def to_dict(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in self.__slots__ if name not in ("context", "target")}
        data["context"] = self.context.to_dict()
        data["target"] = self.target.to_dict() if self.target else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> IndexUnit:
        fields = dict(data)
        fields["context"] = HitContext.from_dict(fields.get("context") or {})
        fields["target"] = TargetData.from_dict(fields["target"]) if fields.get("target") else None
        return cls(**fields)


@dataclass(frozen=True, slots=True)
class Highlight:
    """A ``[start, end)`` span of the hit's ``text`` that the query matched."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Hit:
    """One ranked answer."""

    id: str
    kind: str
    path: str
    title: str
    text: str
    score: float
    bm25: float | None
    dense: float | None
    highlights: list[Highlight]
    context: HitContext
    target: TargetData | None
    document: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "path": self.path,
            "title": self.title,
            "text": self.text,
            "score": self.score,
            "scores": {"bm25": self.bm25, "dense": self.dense},
            "highlights": [asdict(h) for h in self.highlights],
            "context": self.context.to_dict(),
            "target": self.target.to_dict() if self.target else None,
            "document": self.document,
            "span": {"start": self.start, "end": self.end},
        }


@dataclass(slots=True)
class SearchResult:
    """The answer to one query; ``to_dict()`` is the JSON contract the API reuses."""

    query: str
    took_ms: float
    hits: list[Hit]
    # False when nothing in the documents answers the question: the hits are then only the nearest units
    relevant: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "took_ms": self.took_ms, "relevant": self.relevant,
                "hits": [h.to_dict() for h in self.hits]}
