"""The read model (kg.views): who is responsible, worked out once; views as JSON and back; frozen views; the
kg queries and the search index both fill the same views."""

from __future__ import annotations

import ast
import dataclasses
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kg import views
from kg.views import (
    ConceptRef,
    Hit,
    HitContext,
    ResponsibilityView,
    Scores,
    SupportView,
    TargetView,
    UnitRef,
    from_jsonable,
    jsonable,
    owners,
)

ROOT = Path(__file__).resolve().parents[2]
UNIT, TASK, CHAPTER = "u:2.1.1", "u:2.1", "u:2"
ECON, DEV, GOV = "org:econ", "org:dev", "org:gov"


def resp(agent: str, unit: str, role: str = "lead", basis: str = "explicit", rule: str = "") -> ResponsibilityView:
    return ResponsibilityView(iri=f"{unit}/resp-{agent}-{role}-{basis}", agent_iri=agent, agent_name=agent.upper(),
                              unit_iri=unit, unit_path=unit, unit_heading="", unit_kind="task", role=role, basis=basis,
                              evidence="…", rule=rule, start=None, end=None)


@pytest.mark.parametrize(("assigned", "expected"), [
    # the unit's own responsibilities win over its ancestors'
    ({UNIT: [resp(DEV, UNIT)], TASK: [resp(ECON, TASK)]}, [(DEV, "lead", UNIT)]),
    # none of its own: the nearest ancestor's, naming the unit they are assigned to
    ({TASK: [resp(ECON, TASK)], CHAPTER: [resp(GOV, CHAPTER)]}, [(ECON, "lead", TASK)]),
    ({CHAPTER: [resp(GOV, CHAPTER, "convener")]}, [(GOV, "convener", CHAPTER)]),
    # nobody named anywhere up the chain
    ({}, []),
    # lead first, then the others in ROLE_ORDER
    ({UNIT: [resp(GOV, UNIT, "participant"), resp(DEV, UNIT, "supervisor"), resp(ECON, UNIT, "lead")]},
     [(ECON, "lead", UNIT), (GOV, "participant", UNIT), (DEV, "supervisor", UNIT)]),
])
def test_owners_are_the_units_own_else_the_nearest_ancestors(assigned, expected):
    found = owners([UNIT, TASK, CHAPTER], assigned)
    assert [(o.agent_iri, o.role, o.unit_iri) for o in found] == expected


def test_an_inferred_fact_the_text_also_states_is_dropped():
    stated, inferred = resp(ECON, UNIT), resp(ECON, UNIT, basis="inferred", rule="first-listed-body-leads")
    other = resp(DEV, UNIT, basis="inferred", rule="first-listed-body-leads")
    assert owners([UNIT], {UNIT: [inferred, stated, other, stated]}) == [stated, other]


TARGET = TargetView(iri="t:1", unit_iri=UNIT, unit_path="一（三）-1", indicator="示范项目", quantity=Decimal("15.5"),
                    quantity_max=None, unit="个", comparator="≥", deadline=date(2020, 12, 31), deadline_basis="explicit",
                    period="", text="建设15.5个示范项目", start=3, end=12, document="plan", document_title="计划")


def test_a_view_as_json_and_back():
    data = jsonable(TARGET)
    assert data["quantity"] == 15.5 and data["deadline"] == "2020-12-31" and data["quantity_max"] is None
    assert TargetView.from_dict(data) == TARGET
    hit = Hit(iri=UNIT, kind="goal", path="一（三）-1", heading="目标", text="…", start=0, end=9, document="plan",
              score=0.5, scores=Scores(bm25=None, dense=0.8), highlights=[],
              context=HitContext(task=UnitRef(TASK, "二（一）", "任务", "task", "plan"), owners=[resp(ECON, TASK)],
                                 targets=[TARGET], concepts=[ConceptRef("c:1", "robot", "机器人", "robot")]),
              target=TARGET)
    assert from_jsonable(Hit, jsonable(hit)) == hit
    assert jsonable(SupportView("s:1", UNIT, "二（一）1", "subsidy", None, None, "万元", Decimal("10"), "投资额",
                                Decimal("500"), "", "", "…", 0, 9))["cap"] == 500


@pytest.mark.parametrize("view", views.VIEWS, ids=lambda v: v.__name__)
def test_every_view_is_frozen(view):
    assert view.__dataclass_params__.frozen


@pytest.mark.parametrize("module", ["views.py", "matchviews.py"])
def test_the_read_model_imports_neither_search_nor_api(module):
    """The read model (kg.views, and the calculator's views in kg.matchviews) imports only itself and the
    standard library."""
    tree = ast.parse((ROOT / "kg" / module).read_text(encoding="utf-8"))
    modules = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    modules |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    modules |= {f"kg.{a.name}" for n in ast.walk(tree)
                if isinstance(n, ast.ImportFrom) and n.module == "kg" for a in n.names}
    imported = {m.split(".")[0] for m in modules - {"kg", "kg.views", "kg.matchviews"}}
    assert not imported & {"search", "api", "cli", "workspace", "ingest", "kg", "rdflib", "pydantic"}


def test_kg_queries_work_out_owners_with_the_one_function(graph):
    from kg.queries import get_unit, list_units

    units = [get_unit(graph, ref.iri) for ref in list_units(graph)]
    assert any(u.responsibilities for u in units)
    for unit in units:
        assert unit.document and "/" not in unit.document  # the slug, as everywhere else
        if unit.responsibilities:
            assert unit.owners == owners([unit.iri], {unit.iri: unit.responsibilities})
        elif unit.parent is not None:
            assert unit.owners == get_unit(graph, unit.parent.iri).owners  # the enclosing unit's


# A small plan in our own words: a task names its lead and a participant; its measures name nobody.
ENERGY_PLAN = """某市推进工业节能改造工作方案

一、重点任务
（一）推进工厂节能改造。（牵头单位：市经济信息化委；配合单位：市发展改革委）
1.支持企业更新高效电机。对符合条件的项目按投资额的10%给予补助。
2.推广余热回收利用技术。
（二）培育节能服务机构。
1.鼓励专业机构为中小企业提供诊断服务。
"""


def test_the_graph_and_the_search_index_name_the_same_owners_for_every_unit():
    """Who is responsible is worked out once (kg.views.owners): the kg queries (from the graph) and the search
    index (from the parsed document) give every unit the same owner views, IRIs included."""
    from ingest.model import DocumentMeta
    from ingest.pipeline import parse_text
    from kg.build import build_graph
    from kg.queries import get_unit
    from search.units import index_units

    doc = parse_text(ENERGY_PLAN, DocumentMeta(slug="energy-plan", title="某市推进工业节能改造工作方案",
                                               jurisdiction="上海市"))
    graph = build_graph([doc])
    indexed = [u for u in index_units([doc]) if u.kind != "target"]
    assert indexed and any(u.context.owners for u in indexed)
    for unit in indexed:
        view = get_unit(graph, unit.id)
        assert unit.context.owners == view.owners, unit.path
        assert unit.context.supports == view.supports, unit.path
    task = get_unit(graph, "一（一）")
    assert [(o.agent_name, o.role, o.basis) for o in task.owners] == [
        ("上海市经济和信息化委员会", "lead", "explicit"), ("上海市发展和改革委员会", "participant", "explicit")]
    assert get_unit(graph, "一（二）1").owners == []
