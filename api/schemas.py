"""Pydantic request and response models of the API, with the examples shown in the OpenAPI document.

The core returns typed dataclasses (kg.queries views, search.types); ``jsonable`` turns them into plain
JSON values and these models describe (and check) the shapes the routes answer with.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import PurePath
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "jsonable",
    "ErrorDetail",
    "ErrorResponse",
    "SearchResponse",
    "UnitResponse",
    "SupportData",
    "UnitList",
    "TargetList",
    "DocumentList",
    "DepartmentList",
    "DepartmentResponse",
    "MatchRequest",
    "MatchResponse",
    "HealthResponse",
    "EXPORT_FORMATS",
]


def jsonable(value: Any) -> Any:
    """Plain JSON values from the core's results: ``to_dict()`` when offered, dataclasses field by field,
    enums by value, decimals as numbers, dates as ISO strings, IRIs and paths as strings."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value if not isinstance(value, Enum) else value.value
    if hasattr(value, "to_dict") and callable(value.to_dict):
        return jsonable(value.to_dict())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value) if not f.name.startswith("_")}
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


class _Open(BaseModel):
    """A response object that may carry more fields than documented (the core may add context)."""

    model_config = ConfigDict(extra="allow")


# ---------------------------------------------------------------- errors


class ErrorDetail(BaseModel):
    code: str = Field(description="stable machine code, e.g. not_found, invalid_input, sparql_refused")
    message: str = Field(description="what went wrong and what is accepted")
    where: str = Field(description="the part of the request at fault: query.k, path.id, body, header.accept…")


class ErrorResponse(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"example": {"error": {"code": "not_found", "message": "no unit 9.9.9", "where": "path.id"}}}
    )
    error: ErrorDetail


# ---------------------------------------------------------------- search

_DEPT_EXAMPLE = {
    "id": "https://w3id.org/policykg/org/shanghai-municipal-commission-of-economy-and-informatization",
    "name": "上海市经济和信息化委员会",
    "role": "lead",
    "basis": "inferred",
    "evidence": "coordinating-body-owns-unassigned-measures: 市技术改造联席会议 …",
}

_HIT_EXAMPLE = {
    "id": "https://w3id.org/policykg/doc/shanghai-technical-transformation-plan-2018-2020/2.1.1",
    "kind": "measure",
    "path": "二（一）1",
    "title": "实施以机器人应用为特征的自动化改造",
    "text": "实施以机器人应用为特征的自动化改造。以“提质、增效”为目标，支持企业利用数控机床与工业机器人……",
    "score": 0.0325,
    "scores": {"bm25": 12.4, "dense": 0.87},
    "highlights": [{"start": 27, "end": 31, "text": "工业机器人"}],
    "context": {
        "task": {"id": "https://w3id.org/policykg/doc/shanghai-technical-transformation-plan-2018-2020/2.1",
                 "path": "二（一）", "heading": "实施产业智能化改造工程"},
        "departments": [_DEPT_EXAMPLE],
        "targets": [],
        "concepts": [{"id": "https://w3id.org/policykg/concept/industrial-robot", "key": "industrial-robot",
                      "zh": "工业机器人", "en": "industrial robot", "group": ""}],
        "sections": ["重点任务", "实施产业智能化改造工程"],
    },
    "target": None,
    "document": "shanghai-technical-transformation-plan-2018-2020",
    "span": {"start": 2203, "end": 2330},
}


class Highlight(BaseModel):
    start: int
    end: int
    text: str


class TargetData(_Open):
    id: str
    indicator: str
    quantity: float
    quantity_max: float | None = None
    unit: str
    comparator: str
    deadline: str | None = None
    text: str


class HitContext(_Open):
    task: dict[str, Any] | None = None
    departments: list[dict[str, Any]] = []
    targets: list[TargetData] = []
    concepts: list[dict[str, Any]] = []
    sections: list[str] = []
    supports: list[dict[str, Any]] = []  # the unit's support amounts and conditions (SupportData fields)


class SearchHit(_Open):
    id: str
    kind: str
    path: str
    title: str
    text: str
    score: float
    scores: dict[str, float | None]
    highlights: list[Highlight]
    context: HitContext
    target: TargetData | None = None
    document: str
    span: dict[str, int]


class SearchRequest(BaseModel):
    """``POST /search``: the same question as ``GET /search`` in a JSON body (for long questions)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"example": {
        "q": "我们是一家汽车零部件企业，想用工业机器人改造焊接生产线，有哪些支持？", "k": 5, "kind": ["measure"]}})
    q: str = Field(description="a question in Chinese or English (at most `max_query_chars` characters)")
    k: int | None = Field(default=None, description="how many hits: 1 … `max_top_k` (default 10)")
    kind: list[str] | str | None = Field(default=None, description="only hits of these kinds")

    def kinds(self) -> list[str] | None:
        return [self.kind] if isinstance(self.kind, str) else self.kind


class SearchResponse(BaseModel):
    """Exactly the JSON of ``policykg search --json``."""

    model_config = ConfigDict(
        json_schema_extra={"example": {"query": "想用工业机器人改造生产线", "took_ms": 12.3, "relevant": True,
                                       "hits": [_HIT_EXAMPLE]}}
    )
    query: str
    took_ms: float
    relevant: bool = Field(description="false when nothing in the documents answers the question; the hits are "
                                       "then only the nearest units")
    hits: list[SearchHit]


# ---------------------------------------------------------------- units, targets, documents

_UNIT_EXAMPLE = {
    "iri": _HIT_EXAMPLE["id"],
    "key": "2.1.1",
    "path": "二（一）1",
    "kind": "measure",
    "heading": "实施以机器人应用为特征的自动化改造",
    "text": "实施以机器人应用为特征的自动化改造。以“提质、增效”为目标……",
    "document": "shanghai-technical-transformation-plan-2018-2020",
    "start": 2203,
    "end": 2330,
    "parent": {"path": "二（一）", "heading": "实施产业智能化改造工程", "kind": "task"},
    "children": [],
    "targets": [],
    "concepts": [{"key": "industrial-robot", "label": "工业机器人"}],
    "responsibilities": [{"agent_name": "上海市经济和信息化委员会", "role": "lead", "basis": "inferred",
                          "evidence": "…", "rule": "coordinating-body-owns-unassigned-measures"}],
    "neighbourhood": {"nodes": [{"id": _HIT_EXAMPLE["id"], "label": "二（一）1", "kind": "measure"}], "edges": []},
}


class Neighbourhood(_Open):
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []


class SupportData(_Open):
    """Support an enterprise can get or must qualify for: 按设备投资额的10%给予补助，最高不超过500万元."""

    kind: str  # subsidy | reward | loan-interest | tax | land | threshold | time-limit | other
    amount: int | float | None = None
    amount_max: int | float | None = None
    unit: str = ""
    rate: int | float | None = None  # percent
    rate_base: str = ""
    cap: int | float | None = None
    comparator: str = ""
    condition: str = ""
    text: str


class UnitResponse(_Open):
    """A unit with its text, place in the document, targets, supports, concepts, responsibilities and graph
    neighbourhood."""

    model_config = ConfigDict(extra="allow", json_schema_extra={"example": _UNIT_EXAMPLE})
    path: str
    kind: str
    text: str
    supports: list[SupportData] = []
    neighbourhood: Neighbourhood | None = None


class UnitList(BaseModel):
    model_config = ConfigDict(json_schema_extra={"example": {"count": 1, "items": [
        {k: _UNIT_EXAMPLE[k] for k in ("iri", "key", "path", "kind", "heading")}]}})
    count: int
    items: list[dict[str, Any]]


class TargetList(BaseModel):
    model_config = ConfigDict(json_schema_extra={"example": {"count": 1, "items": [{
        "indicator": "智能制造示范项目", "quantity": 100, "quantity_max": None, "unit": "个", "comparator": "≥",
        "deadline": "2020-12-31", "text": "建设100个智能制造示范项目", "unit_path": "一（三）-1"}]}})
    count: int
    items: list[dict[str, Any]]


class DocumentList(BaseModel):
    model_config = ConfigDict(json_schema_extra={"example": {"count": 1, "items": [{
        "slug": "shanghai-technical-transformation-plan-2018-2020",
        "title": "上海市技术改造三年行动计划（2018-2020年）"}]}})
    count: int
    items: list[dict[str, Any]]


# ---------------------------------------------------------------- departments


class DepartmentList(BaseModel):
    model_config = ConfigDict(json_schema_extra={"example": {"count": 1, "items": [{
        "key": "shanghai-municipal-commission-of-economy-and-informatization",
        "pref_label": "上海市经济和信息化委员会", "alt_labels": ["市经济信息化委", "市经信委"],
        "category": "department"}]}})
    count: int
    items: list[dict[str, Any]]


class DepartmentResponse(_Open):
    """What a department leads and takes part in, explicit and inferred apart, each with its evidence."""

    model_config = ConfigDict(extra="allow", json_schema_extra={"example": {
        "key": "shanghai-municipal-commission-of-economy-and-informatization",
        "pref_label": "上海市经济和信息化委员会",
        "alt_labels": ["市经济信息化委", "市经信委"],
        "responsibilities": {
            "explicit": [{"unit_path": "三（一）", "role": "participant", "basis": "explicit",
                          "evidence": "市经济信息化委、…等部门和单位参加的市技术改造联席会议", "rule": ""}],
            "inferred": [{"unit_path": "二（一）1", "role": "lead", "basis": "inferred",
                          "evidence": "…", "rule": "coordinating-body-owns-unassigned-measures"}],
        },
    }})
    pref_label: str


# ---------------------------------------------------------------- enterprise match


class MatchRequest(BaseModel):
    """An enterprise's profile: what it makes and what it plans to do."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"example": {
        "industry": "汽车零部件制造", "plans": ["采购工业机器人改造生产线", "申请技改贷款"],
        "size": "中小企业", "district": "嘉定区"}})
    industry: str = Field(min_length=1, max_length=200, description="行业 / industry, free text")
    plans: list[str] = Field(min_length=1, max_length=20, description="计划 / plans, one per item")
    size: str | None = Field(default=None, max_length=50, description="规模 / size, e.g. 中小企业, 规模以上")
    district: str | None = Field(default=None, max_length=50, description="所在区 / district")
    k: int = Field(default=10, ge=1, le=50, description="how many measures (and instruments) to return at most")
    lang: Literal["zh", "en"] = Field(default="zh", description="language of the reasons and role labels")

    def plans_clean(self) -> list[str]:
        return [p for p in (s.strip() for s in self.plans) if p]


class MatchResponse(_Open):
    model_config = ConfigDict(extra="allow", json_schema_extra={"example": {
        "profile": {"industry": "汽车零部件制造", "plans": ["采购工业机器人改造生产线"]},
        "district_office": {"name": "上海市嘉定区人民政府", "role": "district", "scope": "district"},
        "measures": [{"path": "二（一）1", "title": "实施以机器人应用为特征的自动化改造", "score": 0.9,
                      "reason": "计划“采购工业机器人改造生产线”对应原文“工业机器人”",
                      "contacts": [{"name": "上海市经济和信息化委员会", "role": "evaluator,supervisor",
                                    "scope": "document"}],
                      "no_owner": "原文未写明责任单位", "supports": []}],
        "instruments": [{"kind": "tax", "path": "三（三）", "safeguard": "加强政策支持",
                         "text": "全面落实研发费用加计扣除、专用设备税额抵免等税收优惠政策。", "reason": "…",
                         "contacts": [], "no_owner": "原文未写明责任单位", "supports": []}],
    }})


# ---------------------------------------------------------------- export, health

EXPORT_FORMATS: dict[str, str] = {
    "turtle": "text/turtle; charset=utf-8",
    "json-ld": "application/ld+json",
    "nt": "application/n-triples",
}

ExportFormat = Literal["turtle", "json-ld", "nt"]


class HealthResponse(BaseModel):
    model_config = ConfigDict(json_schema_extra={"example": {
        "status": "ok", "documents": 1, "triples": 4321, "index_units": 80, "encoder": "e5-small",
        "generation": "20261127T212734-ab12cd", "built_at": "2026-11-27T21:27:34+00:00"}})
    status: Literal["ok", "degraded"] = Field(description="degraded: search works but the graph cannot be used (see problems)")
    documents: int
    triples: int
    index_units: int
    encoder: str
    generation: str
    built_at: str | None = None
    problems: list[str] = Field(default_factory=list, description="what cannot be used, naming the file and the fix")
    graph_backend: str = Field(default="", description="the graph store in use: embedded (Oxigraph) or sparql-http (<url>)")
    search_backend: str = Field(default="", description="the search backend in use: local (bm25s + FAISS) or milvus (<uri>, collection)")
