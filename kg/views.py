"""The read model: every view PolicyKG serves, defined once, with one set of field names.

A unit, its targets, supports, concepts, citations and responsibilities; a department and a document; a search
hit with its graph context; an enterprise match.  The kg queries fill these from the graph, the search index
stores and returns them (``to_dict`` / ``from_dict``), the API's response models *are* these classes, the CLI
prints them, and the web page reads their JSON (``jsonable``): no interface keeps a copy of its own.

Why here, in ``kg/``: every view describes nodes of the knowledge graph (a hit is a unit with scores, a match a
unit with reasons and contacts), and ``kg`` is the layer under ``search`` and ``api``, so both import it without
a cycle.  This module imports nothing of the project (neither search nor api), only the standard library.

"Who is responsible" is worked out here once (``owners``): the kg queries and the search index both call it.

The policy calculator's views (a profile, a verdict, an amount, a match) are defined in ``kg.matchviews`` on the
same base and served from here by name too (``from kg.views import MatchResult``).
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import PurePath
from typing import Annotated, Any, TypeVar

__all__ = [  # and, served by __getattr__, VIEWS and the calculator's views (kg.matchviews)
    "View",
    "Number",
    "UnitRef",
    "ConceptRef",
    "CitationRef",
    "TargetView",
    "ConditionView",
    "SupportView",
    "ResponsibilityView",
    "ResponsibilitySplit",
    "Neighbourhood",
    "UnitView",
    "DepartmentView",
    "BodyCandidateView",
    "NamedWithoutDutyView",
    "DocumentLink",
    "DocumentView",
    "Highlight",
    "Scores",
    "HitContext",
    "Hit",
    "FacetCount",
    "SearchFacets",
    "SearchResult",
    "GRAPH_VIEWS",
    "ROLE_ORDER",
    "owners",
    "jsonable",
    "from_jsonable",
]

V = TypeVar("V")


class _JsonNumber:
    """Says, in the OpenAPI schema, that a Decimal is served as a JSON number (``jsonable`` makes it one)."""

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, str]:
        return {"type": "number"}


# An exact quantity (pol:quantity, an amount, a rate): a Decimal in Python, a number in JSON
Number = Annotated[Decimal, _JsonNumber()]

# The order in which a unit's bodies are named: who leads first, who takes part last.
ROLE_ORDER: tuple[str, ...] = ("lead", "convener", "coordinator", "implementer", "participant", "evaluator",
                               "supervisor")


class View:
    """What every view can do: become plain JSON values and come back from them."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return jsonable(self)

    @classmethod
    def from_dict(cls: type[V], data: Mapping[str, Any]) -> V:
        return from_jsonable(cls, data)


# ------------------------------------------------------------------------------------------------ units


@dataclass(frozen=True, slots=True, order=True)
class UnitRef(View):
    """A unit named in passing (a parent, a child, a task, an item of a list)."""

    iri: str
    path: str  # the numbering path as the document writes it: 二（一）1
    heading: str
    kind: str  # measure | task | goal | safeguard | …
    document: str = ""  # the slug of its document


@dataclass(frozen=True, slots=True, order=True)
class ConceptRef(View):
    """A concept of the scheme (ingest/data/concepts.ttl) that a unit mentions."""

    iri: str
    key: str  # industrial-robot
    pref_label: str  # 工业机器人
    pref_label_en: str  # industrial robot
    group: str = ""  # its top concept (support-instruments …)


@dataclass(frozen=True, slots=True, order=True)
class CitationRef(View):
    """A document a unit cites (《…》, 发文字号)."""

    iri: str
    title: str
    identifier: str


@dataclass(frozen=True, slots=True)
class TargetView(View):
    """A quantified target as data: 建设100个智能制造示范项目 → (智能制造示范项目, =, 100, 个, 2020-12-31)."""

    iri: str
    unit_iri: str  # the unit that states the target
    unit_path: str
    indicator: str
    quantity: Number  # the lower bound of a range
    quantity_max: Number | None
    unit: str  # the unit of measure: 个, %, 个工作日
    comparator: str
    deadline: date | None
    deadline_basis: str  # explicit | inferred | "" when no deadline
    period: str  # a period as stated (“十四五”期间) when no date is fixed
    text: str
    start: int
    end: int
    document: str  # the slug of the plan that states it
    document_title: str


@dataclass(frozen=True, slots=True)
class ConditionView(View):
    """One eligibility condition of a support as data (pol:Condition): who, person, threshold, place, sector."""

    kind: str  # who | person | threshold | place | sector
    field: str  # the profile field that decides it: size, revenue, person.age …; "" when none can
    comparator: str  # ≥ ≤ = between in
    value: Number | None
    value_max: Number | None
    values: list[str]  # for in: sizes, statuses, place words, GB/T 4754 codes
    unit: str
    text: str  # the words as written
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SupportView(View):
    """A support amount, threshold or time limit a unit states (按投资额的10%给予补助，最高不超过500万元)."""

    iri: str
    unit_iri: str
    unit_path: str
    kind: str  # subsidy | reward | loan-interest | tax | land | threshold | time-limit | other
    amount: Number | None
    amount_max: Number | None
    unit: str  # 万元, 亿美元, 个工作日
    rate: Number | None  # percent
    rate_base: str
    cap: Number | None
    comparator: str
    condition: str  # who qualifies, as written
    text: str
    start: int
    end: int
    conditions: list[ConditionView] = field(default_factory=list)  # who qualifies, as data
    valid_from: date | None = None  # the period the text states (its own sentence's, else the document's)
    valid_until: date | None = None
    validity_text: str = ""


@dataclass(frozen=True, slots=True)
class ResponsibilityView(View):
    """A body's role for a unit, stated by the text (explicit) or derived by a named rule (inferred)."""

    iri: str
    agent_iri: str
    agent_name: str
    unit_iri: str  # the unit the responsibility is assigned to
    unit_path: str
    unit_heading: str
    unit_kind: str
    role: str  # lead | participant | convener | coordinator | evaluator | implementer | supervisor
    basis: str  # explicit | inferred
    evidence: str
    rule: str  # the rule's name for an inferred fact
    start: int | None  # where the evidence is in the source; None for purely structural rules
    end: int | None
    document: str = ""  # the slug of the document of the unit
    via: str = ""  # given to a former or later body of the one asked for: "上海市环境保护局 (predecessor; …)"


@dataclass(frozen=True, slots=True)
class ResponsibilitySplit(View):
    explicit: list[ResponsibilityView] = field(default_factory=list)
    inferred: list[ResponsibilityView] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Neighbourhood(View):
    """A unit's graph neighbourhood for drawing: nodes ``{id, kind, label}``, edges ``{source, target, relation}``."""

    center: str = ""
    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class UnitView(View):
    """A unit with its context: place in the document, targets, supports, concepts, citations, who is responsible."""

    iri: str
    key: str
    kind: str
    path: str
    heading: str
    text: str
    start: int
    end: int
    document: str  # the slug of its document
    document_title: str
    parent: UnitRef | None
    children: list[UnitRef]
    targets: list[TargetView]
    supports: list[SupportView]
    concepts: list[ConceptRef]
    citations: list[CitationRef]
    responsibilities: list[ResponsibilityView]  # assigned to this unit itself
    owners: list[ResponsibilityView]  # who is responsible for it: its own, else its nearest ancestor's (``owners``)
    neighbourhood: Neighbourhood | None = None  # filled by the API for drawing


# ------------------------------------------------------------------------------------------------ bodies, documents


@dataclass(frozen=True, slots=True)
class NamedWithoutDutyView(View):
    """One place a document names a body it gives no duty (a body-like name ingest kept out of the bodies:
    ``departments --candidates``), with the characters it is in: the answer to ``owns`` for such a name."""

    document: str  # the slug of the document that writes it
    name: str  # the name as written there
    reason: str  # why ingest kept it out of the bodies ("a body the text names but does not make act")
    unit_iri: str  # the innermost unit whose span holds the name
    unit_path: str
    unit_heading: str
    start: int  # the name's characters in the document's stored text, [start, end)
    end: int
    evidence: str  # the sentence the name is in
    evidence_start: int
    evidence_end: int


@dataclass(frozen=True, slots=True)
class DepartmentView(View):
    """A government body with its names, membership and responsibilities (explicit and inferred apart)."""

    iri: str
    key: str
    pref_label: str
    pref_label_en: str
    alt_labels: list[str]
    category: str
    created_by_document: str | None  # the document IRI that sets the body up (联席会议)
    members: list[str]  # member IRIs (joint bodies)
    member_of: list[str]
    responsibilities: ResponsibilitySplit
    mentions: int
    jurisdiction: str = ""  # 中华人民共和国, 上海市, 上海市浦东新区
    valid_from: str = ""  # ISO dates as the authority file states them
    valid_until: str = ""
    predecessors: list[str] = field(default_factory=list)  # IRIs of the bodies it replaced (dcterms:replaces)
    successors: list[str] = field(default_factory=list)  # IRIs of the bodies that replaced it
    history: list[str] = field(default_factory=list)  # each reorganisation: "2018: 上海市环境保护局 → 上海市生态环境局 (…)"
    # where the documents name it and give it no duty (category "candidate": a name they write but never make
    # act, answered instead of "no department"; for a body, where some document only names it)
    named_without_duty: list[NamedWithoutDutyView] = field(default_factory=list)


@dataclass(frozen=True, slots=True, order=True)
class BodyCandidateView(View):
    """A name shaped like a body that ingest kept out of the bodies (区探索创新政府), for a reader to review."""

    document: str  # the slug of the document that writes it
    name: str  # as written


@dataclass(frozen=True, slots=True)
class DocumentLink(View):
    """Another document a document cites, is cited by, replaces or is replaced by (ingested or only cited)."""

    iri: str
    slug: str  # "" for a document that is only cited, not ingested
    title: str
    identifier: str


@dataclass(frozen=True, slots=True)
class DocumentView(View):
    iri: str
    slug: str
    title: str
    title_en: str
    identifier: str
    jurisdiction: str
    period: str
    units: int
    targets: int
    responsibilities: int
    issued: str = ""
    issuer: str = ""
    genre: str = ""  # the genre word its title ends in (dcterms:type): 意见, 通知, 批复, 答复, 条例 …
    issuers: list[str] = field(default_factory=list)  # every issuing body (dcterms:creator), joint issuers too
    jurisdiction_level: str = ""  # national | province | city | district
    effective: str = ""  # date of entry into force (eli:first_date_entry_in_force), where the text states it
    issued_text_title: str = ""  # a notice that issues or forwards a text: that text's title …
    issued_text_genre: str = ""  # … and its genre
    genre_as_written: str = ""  # the title's own words for its genre where longer (实施细则 for 细则, 工作要点 for 要点)
    issued_text_genre_as_written: str = ""  # … and the issued text's
    issued_text_issuers: list[str] = field(default_factory=list)  # whose text a notice forwards (转发民政部… → 民政部)
    addressees: str = ""  # 主送机关 as written (dcterms:audience): 各省、自治区、直辖市人民政府 … or one: 辽宁省人民政府
    cites: list[DocumentLink] = field(default_factory=list)  # ingested documents it references (dcterms:references)
    cited_by: list[DocumentLink] = field(default_factory=list)  # ingested documents that reference it
    replaces: list[DocumentLink] = field(default_factory=list)  # what it repeals (dcterms:replaces)
    replaced_by: list[DocumentLink] = field(default_factory=list)  # what repeals it (dcterms:isReplacedBy)


# ------------------------------------------------------------------------------------------------ search


@dataclass(frozen=True, slots=True)
class Highlight(View):
    """A ``[start, end)`` span of the hit's ``text`` that the query matched."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Scores(View):
    """The two retrievers' own scores of a hit (None when that retriever did not find it)."""

    bm25: float | None = None
    dense: float | None = None


@dataclass(frozen=True, slots=True)
class HitContext(View):
    """What the graph knows around a unit: its task, who is responsible, the targets it (or its goal) states,
    the concepts it mentions, its section chain, and the support amounts and conditions it states."""

    task: UnitRef | None = None
    owners: list[ResponsibilityView] = field(default_factory=list)
    targets: list[TargetView] = field(default_factory=list)
    supports: list[SupportView] = field(default_factory=list)
    concepts: list[ConceptRef] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)  # headings from the top-level part down


@dataclass(frozen=True, slots=True)
class Hit(View):
    """One ranked answer: a unit (or a target's clause) with its scores, highlights and context."""

    iri: str
    kind: str
    path: str
    heading: str
    text: str
    start: int
    end: int
    document: str
    score: float
    scores: Scores
    highlights: list[Highlight]
    context: HitContext
    target: TargetView | None  # the target the hit answers with (a target hit, or a goal's best target)
    function: str = ""  # what the unit does: goal, action, support, rule, duty, decision or context
    function_cue: str = ""  # the words that decided it (给予…补贴, 不得, 指导思想)


@dataclass(frozen=True, slots=True, order=True)
class FacetCount(View):
    """One value of a facet (a document's slug, a kind, a function, a year, a jurisdiction) and how many units
    ranked for the question have it."""

    value: str
    count: int


@dataclass(frozen=True, slots=True)
class SearchFacets(View):
    """How the units a search ranked spread over documents, structural kinds, functions, years (the year a
    document was issued) and jurisdictions: counted over its ``counted`` best candidates, not only the hits
    shown, most first (``kg.facets``)."""

    counted: int
    document: list[FacetCount] = field(default_factory=list)
    kind: list[FacetCount] = field(default_factory=list)
    function: list[FacetCount] = field(default_factory=list)
    year: list[FacetCount] = field(default_factory=list)
    jurisdiction: list[FacetCount] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SearchResult(View):
    """The answer to one query, as ``GET /search`` and ``policykg search --json`` give it."""

    query: str
    took_ms: float
    hits: list[Hit]
    # False when nothing in the documents answers the question: the hits are then only the nearest units
    relevant: bool = True
    # the facet counts, when asked for (GET /search?facets=true; the page asks): None otherwise
    facets: SearchFacets | None = None


# The views of the graph and of search, defined here; the calculator's are kg.matchviews' (MATCH_VIEWS)
GRAPH_VIEWS: tuple[type, ...] = (UnitRef, ConceptRef, CitationRef, TargetView, ConditionView, SupportView,
                                 ResponsibilityView, ResponsibilitySplit, Neighbourhood, UnitView, DepartmentView,
                                 DocumentLink, DocumentView, Highlight, Scores, HitContext, Hit, FacetCount,
                                 SearchFacets, SearchResult, BodyCandidateView)

# The calculator's views, served from kg.matchviews on first use: it builds on this module, so importing it here
# at the top would be a cycle, and the search index's cache of decoded units keys on this file alone, so the
# views it stores (units, hits, targets) stay in this file and only these move.
_MATCH_NAMES = frozenset({"PersonProfile", "EnterpriseProfile", "ConditionCheck", "Verdict", "Amount", "Contact",
                          "MatchReason", "MeasureMatch", "InstrumentMatch", "MatchResult"})


def __getattr__(name: str) -> Any:
    """``kg.views.MatchResult`` and the other calculator views (kg.matchviews), and ``VIEWS``: every view, for the
    guards that no second definition of one exists (tests/kg/test_views.py)."""
    if name in _MATCH_NAMES or name == "VIEWS":
        from kg import matchviews

        return GRAPH_VIEWS + matchviews.MATCH_VIEWS if name == "VIEWS" else getattr(matchviews, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# ------------------------------------------------------------------------------------------------ who is responsible


def _rank(view: ResponsibilityView) -> tuple[int, int, str, str]:
    """Lead first (ROLE_ORDER), within a role what the text states before what a rule infers, then by body."""
    role = ROLE_ORDER.index(view.role) if view.role in ROLE_ORDER else len(ROLE_ORDER)
    return (role, 0 if view.basis == "explicit" else 1, view.agent_iri, view.iri)


def owners(chain: Sequence[str], by_unit: Mapping[str, Iterable[ResponsibilityView]]) -> list[ResponsibilityView]:
    """Who is responsible for a unit: the responsibilities assigned to the unit itself, else those of its nearest
    ancestor that has some (a measure of a task the text gives to 市经信委 is 市经信委's work).

    ``chain`` is the unit's IRI and then its ancestors' from the nearest up; ``by_unit`` the responsibilities by the
    IRI of the unit they are assigned to.  An inferred fact that repeats an explicit one (same body, same role) is
    dropped; the rest come lead first (stated before inferred), each view naming the unit it was assigned to (``unit_iri``)."""
    for unit in chain:
        found = list(by_unit.get(unit, ()))
        if found:
            stated = {(v.agent_iri, v.role) for v in found if v.basis == "explicit"}
            kept = [v for v in found if v.basis == "explicit" or (v.agent_iri, v.role) not in stated]
            return sorted(dict.fromkeys(kept), key=_rank)
    return []


# ------------------------------------------------------------------------------------------------ JSON


def jsonable(value: Any) -> Any:
    """Plain JSON values from a view (or anything the core returns): dataclasses field by field, enums by value,
    decimals as numbers, dates as ISO strings, IRIs and paths as strings.  The one serialiser: the API answers
    with it, the CLI prints it, the search index stores it."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value if not isinstance(value, Enum) else value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value) if not f.name.startswith("_")}
    if hasattr(value, "to_dict") and callable(value.to_dict):
        return jsonable(value.to_dict())
    if isinstance(value, Enum):
        return jsonable(value.value)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(v) for v in value]
    if isinstance(value, PurePath):
        return str(value)
    return str(value)


def _decode(hint: Any, value: Any) -> Any:
    """``value`` (plain JSON) as the type ``hint`` names."""
    if value is None or hint is Any:
        return value
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _decode(options[0], value) if len(options) == 1 else value
    if origin in (list, tuple, Sequence):
        (item,) = typing.get_args(hint)[:1] or (Any,)
        return [_decode(item, v) for v in value]
    if origin is dict:
        return dict(value)
    if dataclasses.is_dataclass(hint):
        return from_jsonable(hint, value)
    if hint is Decimal:
        return Decimal(str(value))
    if hint is date:
        return date.fromisoformat(value) if isinstance(value, str) else value
    if hint is float and isinstance(value, int):
        return float(value)
    return value


@functools.lru_cache(maxsize=None)
def _fields_of(cls: type) -> tuple[dict[str, Any], frozenset[str]]:
    """``cls``'s resolved type hints and field names, once per class: ``get_type_hints`` compiles every string
    annotation anew on each call (1.7 s for the 44 units of one index, most of a cold ``policykg search``)."""
    return typing.get_type_hints(cls), frozenset(f.name for f in dataclasses.fields(cls))


def from_jsonable(cls: type[V], data: Mapping[str, Any]) -> V:
    """The view ``cls`` back from ``jsonable``'s values (the search index reads its stored units so)."""
    hints, known = _fields_of(cls)
    return cls(**{name: _decode(hints[name], value) for name, value in data.items() if name in known})
