"""The API's request models, its error shape and list envelopes, and the examples shown in the OpenAPI document.

The answers are the read model's views themselves (``kg.views``: ``SearchResult``, ``UnitView``, ``TargetView``,
``DepartmentView``, ``DocumentView``, ``MatchResult``): FastAPI takes the dataclasses as response models, and a
route answers with ``respond(view)`` (``kg.views.jsonable``, the one serialiser), so there is no second
description of any view here.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, field_validator

from api.profile_input import known_size
from kg.views import DepartmentView, DocumentView, TargetView, UnitRef, jsonable

__all__ = [
    "DEPARTMENT_EXAMPLE",
    "DOCUMENT_EXAMPLE",
    "EXPORT_FORMATS",
    "MATCH_EXAMPLE",
    "SEARCH_EXAMPLE",
    "TABLE_CONTENT",
    "UNIT_EXAMPLE",
    "DepartmentList",
    "DocumentList",
    "ErrorDetail",
    "ErrorResponse",
    "HealthResponse",
    "MatchRequest",
    "SearchRequest",
    "TableFormat",
    "TargetList",
    "UnitList",
    "example",
    "jsonable",
    "keep_example_nulls",
    "respond",
    "respond_table",
]


def respond(view: Any, status_code: int = 200) -> JSONResponse:
    """A view as the JSON answer, field for field (decimals as numbers, dates ISO): what the response model says."""
    return JSONResponse(jsonable(view), status_code=status_code)


def respond_table(table: Any, fmt: str, name: str):
    """A ``kg.tabular.Table`` as a download: CSV (UTF-8 with a byte-order mark, for Excel) or XLSX, named
    ``name.csv`` / ``name.xlsx`` (ASCII, with the UTF-8 form for a Chinese name)."""
    from urllib.parse import quote

    from fastapi.responses import Response

    from kg.tabular import MEDIA_TYPES, to_bytes

    ascii_name = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "_" for c in name).strip("_")
    disposition = (f'attachment; filename="{ascii_name or "policykg"}.{fmt}"; '
                   f"filename*=UTF-8''{quote(name)}.{fmt}")
    return Response(to_bytes(table, fmt), media_type=MEDIA_TYPES[fmt], headers={"Content-Disposition": disposition})


# a route's ``format`` parameter: json | csv | xlsx
TableFormat = Annotated[Literal["json", "csv", "xlsx"], Query(
    description="json (default), or the rows as a spreadsheet download: csv (UTF-8) or xlsx")]
TABLE_CONTENT = {"text/csv": {}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}}


def example(value: dict[str, Any]) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a route: ``value`` as the example of its 200 answer in the OpenAPI document."""
    return {200: {"content": {"application/json": {"example": value}}}}


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

_OWNER_EXAMPLE = {
    "iri": "https://w3id.org/policykg/doc/shanghai-technical-transformation-plan-2018-2020/3.1/resp-"
           "shanghai-municipal-commission-of-economy-and-informatization-evaluator",
    "agent_iri": "https://w3id.org/policykg/org/shanghai-municipal-commission-of-economy-and-informatization",
    "agent_name": "上海市经济和信息化委员会",
    "unit_iri": "https://w3id.org/policykg/doc/shanghai-technical-transformation-plan-2018-2020/3.1",
    "unit_path": "三（一）", "unit_heading": "完善工作机制", "unit_kind": "safeguard",
    "role": "evaluator", "basis": "explicit", "evidence": "由市经济信息化委负责评估督查……", "rule": "",
    "start": 3120, "end": 3160, "document": "shanghai-technical-transformation-plan-2018-2020", "via": "",
}

_HIT_EXAMPLE = {
    "iri": "https://w3id.org/policykg/doc/shanghai-technical-transformation-plan-2018-2020/2.1.1",
    "kind": "measure",
    "path": "二（一）1",
    "heading": "实施以机器人应用为特征的自动化改造",
    "text": "实施以机器人应用为特征的自动化改造。以“提质、增效”为目标，支持企业利用数控机床与工业机器人……",
    "start": 2203,
    "end": 2330,
    "document": "shanghai-technical-transformation-plan-2018-2020",
    "score": 0.0325,
    "scores": {"bm25": 12.4, "dense": 0.87},
    "highlights": [{"start": 27, "end": 31, "text": "工业机器人"}],
    "context": {
        "task": {"iri": "https://w3id.org/policykg/doc/shanghai-technical-transformation-plan-2018-2020/2.1",
                 "path": "二（一）", "heading": "实施产业智能化改造工程", "kind": "task",
                 "document": "shanghai-technical-transformation-plan-2018-2020"},
        "owners": [],
        "targets": [],
        "supports": [],
        "concepts": [{"iri": "https://w3id.org/policykg/concept/industrial-robot", "key": "industrial-robot",
                      "pref_label": "工业机器人", "pref_label_en": "industrial robot", "group": "technologies"}],
        "sections": ["重点任务", "实施产业智能化改造工程"],
    },
    "target": None,
    "function": "action",
    "function_cue": "实施",
}

SEARCH_EXAMPLE = {"query": "想用工业机器人改造生产线", "took_ms": 12.3, "hits": [_HIT_EXAMPLE], "relevant": True,
                  "facets": {"counted": 50,
                             "document": [{"value": "shanghai-technical-transformation-plan-2018-2020", "count": 31},
                                          {"value": "guofa-2019-004", "count": 19}],
                             "kind": [{"value": "measure", "count": 22}, {"value": "paragraph", "count": 17}],
                             "function": [{"value": "action", "count": 30}, {"value": "support", "count": 12}],
                             "year": [{"value": "2018", "count": 31}, {"value": "2019", "count": 19}],
                             "jurisdiction": [{"value": "上海市", "count": 31}, {"value": "全国", "count": 19}]}}


class SearchRequest(BaseModel):
    """``POST /search``: the same question as ``GET /search`` in a JSON body (for long questions)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"example": {
        "q": "我们是一家汽车零部件企业，想用工业机器人改造焊接生产线，有哪些支持？", "k": 5, "kind": ["measure"]}})
    q: str = Field(description="a question in Chinese or English (at most `max_query_chars` characters)")
    k: int | None = Field(default=None, description="how many hits: 1 … `max_top_k` (default 10)")
    kind: list[str] | str | None = Field(default=None, description="only hits of these structural kinds")
    function: list[str] | str | None = Field(default=None, description="only hits that do this: goal, action, "
                                             "support, rule, duty, decision, context")
    doc: str | None = Field(default=None, max_length=200, description="only this document (slug)")
    year: int | None = Field(default=None, ge=1949, le=2100, description="only documents issued in, or covering, "
                             "this year")
    jurisdiction: str | None = Field(default=None, max_length=100, description="only documents of this jurisdiction")
    issuer: str | None = Field(default=None, max_length=100, description="only documents of this issuer")
    genre: str | None = Field(default=None, max_length=50, description="only documents of this genre: 办法, 答复 … "
                              "or measures, reply (a notice issuing a text counts as the text's genre too)")
    format: Literal["json", "csv", "xlsx"] = Field(default="json", description="json (default), or the hits as a "
                                                   "csv or xlsx download")
    facets: bool = Field(default=False, description="also count the candidates by document, kind, function, year "
                                                    "and jurisdiction (`facets` of the answer)")

    def kinds(self) -> list[str] | None:
        return [self.kind] if isinstance(self.kind, str) else self.kind

    def functions(self) -> list[str] | None:
        return [self.function] if isinstance(self.function, str) else self.function


# ---------------------------------------------------------------- units, targets, documents

_TARGET_EXAMPLE = {
    "iri": "https://w3id.org/policykg/doc/shanghai-technical-transformation-plan-2018-2020/1.3.b1.t1",
    "unit_iri": "https://w3id.org/policykg/doc/shanghai-technical-transformation-plan-2018-2020/1.3.b1",
    "unit_path": "一（三）-1", "indicator": "智能制造示范项目", "quantity": 100, "quantity_max": None, "unit": "个",
    "comparator": "=", "deadline": "2020-12-31", "deadline_basis": "inferred", "period": "",
    "text": "100个智能制造示范项目", "start": 1290, "end": 1302,
    "document": "shanghai-technical-transformation-plan-2018-2020",
    "document_title": "上海市技术改造三年行动计划（2018-2020年）",
}

UNIT_EXAMPLE = {
    "iri": _HIT_EXAMPLE["iri"],
    "key": "2.1.1",
    "kind": "measure",
    "path": "二（一）1",
    "heading": "实施以机器人应用为特征的自动化改造",
    "text": "实施以机器人应用为特征的自动化改造。以“提质、增效”为目标……",
    "start": 2203,
    "end": 2330,
    "document": "shanghai-technical-transformation-plan-2018-2020",
    "document_title": "上海市技术改造三年行动计划（2018-2020年）",
    "parent": _HIT_EXAMPLE["context"]["task"],
    "children": [],
    "targets": [],
    "supports": [],
    "concepts": _HIT_EXAMPLE["context"]["concepts"],
    "citations": [],
    "responsibilities": [],
    "owners": [],
    "neighbourhood": {"center": _HIT_EXAMPLE["iri"], "edges": [],
                      "nodes": [{"id": _HIT_EXAMPLE["iri"], "label": "二（一）1", "kind": "measure"}]},
}


class UnitList(BaseModel):
    model_config = ConfigDict(json_schema_extra={"example": {"count": 1, "items": [_HIT_EXAMPLE["context"]["task"]]}})
    count: int
    items: list[UnitRef]


class TargetList(BaseModel):
    model_config = ConfigDict(json_schema_extra={"example": {"count": 1, "items": [_TARGET_EXAMPLE]}})
    count: int
    items: list[TargetView]


DOCUMENT_EXAMPLE = {
    "iri": "https://w3id.org/policykg/doc/shanghai-technical-transformation-plan-2018-2020",
    "slug": "shanghai-technical-transformation-plan-2018-2020",
    "title": "上海市技术改造三年行动计划（2018-2020年）",
    "title_en": "Shanghai three-year action plan for technical transformation (2018-2020)",
    "identifier": "", "jurisdiction": "上海市", "period": "2018-01-01/2020-12-31",
    "units": 43, "targets": 11, "responsibilities": 18, "issued": "", "issuer": "上海市人民政府",
    "genre": "计划", "issuers": ["上海市人民政府"], "jurisdiction_level": "province", "effective": "",
    "issued_text_title": "", "issued_text_genre": "", "genre_as_written": "", "issued_text_genre_as_written": "",
    "issued_text_issuers": [], "addressees": "",
    "cites": [], "cited_by": [], "replaces": [], "replaced_by": [],
}


class DocumentList(BaseModel):
    model_config = ConfigDict(json_schema_extra={"example": {"count": 1, "items": [DOCUMENT_EXAMPLE]}})
    count: int
    items: list[DocumentView]
    hint: str | None = Field(default=None, description="only when filters keep no document: the years, "
                             "jurisdictions or genres the documents hold (`the documents hold: jurisdictions …`)")


# ---------------------------------------------------------------- departments

DEPARTMENT_EXAMPLE = {
    "iri": _OWNER_EXAMPLE["agent_iri"],
    "key": "shanghai-municipal-commission-of-economy-and-informatization",
    "pref_label": "上海市经济和信息化委员会",
    "pref_label_en": "Shanghai Municipal Commission of Economy and Informatization",
    "alt_labels": ["市经济信息化委", "市经信委"],
    "category": "department",
    "created_by_document": None,
    "members": [],
    "member_of": [],
    "responsibilities": {"explicit": [_OWNER_EXAMPLE], "inferred": []},
    "mentions": 9,
    "jurisdiction": "上海市", "valid_from": "", "valid_until": "", "predecessors": [], "successors": [], "history": [],
    "named_without_duty": [],
}


class DepartmentList(BaseModel):
    model_config = ConfigDict(json_schema_extra={"example": {"count": 1, "items": [
        {**DEPARTMENT_EXAMPLE, "responsibilities": {"explicit": [], "inferred": []}}]}})
    count: int
    items: list[DepartmentView]


# ---------------------------------------------------------------- enterprise match


class PersonRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    age: int | None = Field(default=None, ge=0, le=130, description="年龄 / age")
    status: str | None = Field(default=None, max_length=50, description="人员类别 / status: 高校毕业生, 失业青年, 返乡创业")


class MatchRequest(BaseModel):
    """A firm's (or a person's) profile: what it does, what it needs, and the figures the conditions and amounts
    are judged on; every field optional, but one of ``needs``, ``plans``, ``industry`` is needed."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"example": {
        "industry": "汽车零部件制造", "needs": "采购工业机器人改造焊接生产线，想申请技改贷款",
        "size": "medium", "district": "嘉定区", "employees": 380, "revenue": 42000, "founded": 2008}})
    industry: str = Field(default="", max_length=200, description="行业 / industry, free text")
    plans: list[str] = Field(default_factory=list, max_length=20, description="项目/需求 / projects or needs, one per item")
    needs: str = Field(default="", max_length=2000, description="需求 / what it wants, in its own words")
    size: str | None = Field(default=None, max_length=50, description="规模 / size: small | medium | large, 中小企业, 规模以上")
    district: str | None = Field(default=None, max_length=50, description="所在区 / district")
    name: str = Field(default="", max_length=200, description="名称 / name")
    industry_code: str = Field(default="", max_length=10, description="行业代码 / GB/T 4754 code, e.g. C34")
    place: str = Field(default="", max_length=100, description="所在地 / place, free text")
    employees: int | None = Field(default=None, ge=0, description="从业人数 / employees")
    revenue: float | None = Field(default=None, ge=0, description="上年营业收入（万元）/ revenue, 10k yuan")
    founded: int | None = Field(default=None, ge=1800, le=2200, description="成立年份 / year founded")
    insured_staff: int | None = Field(default=None, ge=0, description="参保人数 / insured staff")
    years_insured: float | None = Field(default=None, ge=0, description="参保年限 / years insured")
    unemployment_premiums_last_year: float | None = Field(default=None, ge=0, description="上年度失业保险费（元）")
    wage_bill_last_year: float | None = Field(default=None, ge=0, description="上年度工资总额（元）")
    person: PersonRequest | None = Field(default=None, description="个人 / a person: age and status")
    today: date | None = Field(default=None, description="reference date for expiry (default: today)")
    k: int = Field(default=10, ge=1, le=50, description="how many measures (and instruments) to return at most")
    lang: Literal["zh", "en"] = Field(default="zh", description="language of the reasons and role labels")

    @field_validator("size")
    @classmethod
    def _known_size(cls, size: str | None) -> str | None:
        """A size the calculator reads (small | medium | large, micro as small, 中小企业, 规模以上 …); any other
        is refused (422) rather than ignored, which would leave every size condition unknown without saying why."""
        return known_size(size)

    def plans_clean(self) -> list[str]:
        return [p for p in (s.strip() for s in self.plans) if p]

    def profile_fields(self) -> dict:
        """The profile's fields as plain values (search.match_export.profile_from_mapping reads them)."""
        data = self.model_dump(exclude={"today", "k", "lang"}, exclude_none=True)
        data["plans"] = self.plans_clean()
        return data


_CONTACT_EXAMPLE = {"agent_iri": _OWNER_EXAMPLE["agent_iri"], "agent_name": "上海市经济和信息化委员会",
                    "role": "evaluator,supervisor", "role_label": "评估、督查", "scope": "document",
                    "basis": "explicit", "evidence": "由市经济信息化委负责评估督查……"}

MATCH_EXAMPLE = {
    "profile": {"industry": "汽车零部件制造", "plans": ["采购工业机器人改造生产线"], "size": "中小企业",
                "district": "嘉定区", "name": "", "industry_code": "", "place": "", "employees": None, "revenue": None,
                "founded": None, "insured_staff": None, "years_insured": None, "unemployment_premiums_last_year": None,
                "wage_bill_last_year": None, "person": None, "needs": "", "lang": ""},
    "measures": [{"iri": _HIT_EXAMPLE["iri"], "path": "二（一）1", "heading": "实施以机器人应用为特征的自动化改造",
                  "text": "实施以机器人应用为特征的自动化改造。……", "document": _HIT_EXAMPLE["document"], "score": 0.9,
                  "reason": "计划“采购工业机器人改造生产线”对应原文“工业机器人”",
                  "reasons": [{"input": "plan", "value": "采购工业机器人改造生产线", "words": ["工业机器人"],
                               "asks": "", "kind": ""}],
                  "matched_terms": ["工业机器人"], "matched_concepts": [], "plan": "采购工业机器人改造生产线",
                  "contacts": [_CONTACT_EXAMPLE], "no_owner": "原文未写明责任单位", "supports": [],
                  "kind": "measure", "function": "support",
                  "verdict": {"status": "unknown", "failing": [], "missing": ["place"], "checks": [],
                              "expired_on": "2020-12-31", "valid_until": "2020-12-31", "validity_text": "2018/2020",
                              "asks": ["所在地（--place / place）"], "to_confirm": []},
                  "amounts": [], "instruments": [], "start": 1424, "end": 1553}],
    "instruments": [{"kind": "tax", "kind_label": "税收优惠", "label": "税收优惠",
                     "iri": "https://w3id.org/policykg/doc/shanghai-technical-transformation-plan-2018-2020/3.3",
                     "path": "三（三）", "heading": "加强政策支持",
                     "text": "全面落实研发费用加计扣除、专用设备税额抵免等税收优惠政策。",
                     "document": _HIT_EXAMPLE["document"], "score": 1.0, "reason": "…", "reasons": [],
                     "contacts": [], "no_owner": "原文未写明责任单位", "supports": [], "start": 5492, "end": 5521}],
    "district_office": {"agent_iri": "https://w3id.org/policykg/org/shanghai-jiading-district-government",
                        "agent_name": "上海市嘉定区人民政府", "role": "district", "role_label": "所在区政府",
                        "scope": "district", "basis": "profile", "evidence": "嘉定区属于文件适用的上海市"},
    "lang": "zh",
    "today": "2026-12-07",
}


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
        "generation": "20261127T212734-ab12cd", "built_at": "2026-11-27T21:27:34+00:00", "problems": [],
        "graph_backend": "embedded (Oxigraph in process, on disk, graph.oxigraph)",
        "search_backend": "local (bm25s + FAISS flat, in memory)"}})
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


def keep_example_nulls(schema: dict[str, Any], routes: list[Any]) -> dict[str, Any]:
    """Put back the nulls of the examples in the OpenAPI document ``schema``, as the routes and models write them.

    FastAPI drops every null from the document it builds (it serialises it with ``exclude_none``), the examples'
    too: a hit's ``"target": null`` or a department's ``"created_by_document": null`` vanished from the published
    examples, which then lacked fields the answers always carry (tests/api/test_openapi_examples.py)."""
    from fastapi.encoders import jsonable_encoder

    for route in routes:
        responses = getattr(route, "responses", None) or {}
        for method in getattr(route, "methods", None) or ():
            operation = schema.get("paths", {}).get(route.path_format, {}).get(method.lower())
            if operation is None:
                continue
            for status, response in responses.items():
                for media, content in (response.get("content") or {}).items():
                    published = operation.get("responses", {}).get(str(status), {}).get("content", {}).get(media)
                    if published is not None and "example" in (content or {}):
                        published["example"] = jsonable_encoder(content["example"])
    components = schema.get("components", {}).get("schemas", {})
    for name, model in _documented_models().items():
        written = (model.model_config.get("json_schema_extra") or {}).get("example")
        if name in components and isinstance(written, dict):
            components[name]["example"] = jsonable_encoder(written)
    return schema


def _documented_models() -> dict[str, type[BaseModel]]:
    """This module's request, list and error models by name (the names the OpenAPI document gives them)."""
    return {name: value for name, value in globals().items()
            if isinstance(value, type) and issubclass(value, BaseModel) and value is not BaseModel}
