"""The unit's function in the index: a field of each indexed unit and of each hit, and a filter of search()."""

from __future__ import annotations

import pytest

from ingest import parse_text
from ingest.model import DocumentMeta
from search.errors import QueryError
from search.hybrid import FORMAT_VERSION, SearchIndex
from search.types import UNIT_FUNCTIONS, UNIT_KINDS, IndexUnit
from search.units import index_units

# A reply and a plan: a support, an action, a rule, a duty and a decision, in two genres.
PLAN = """为推进技术改造，制定本方案。
一、重点任务
（一）推进智能化改造。支持企业实施智能化改造，建设智能工厂。
（二）加大资金支持。对企业技术改造项目按设备投资额的10%给予补贴，最高不超过500万元。
（三）规范项目管理。项目单位不得重复申报，不得挪用补贴资金。
二、保障措施
（一）加强组织领导。成立市技术改造工作领导小组，办公室设在市经信委。
"""
REPLY = """一、同意在你市设立技术改造示范区，示范区建设资金由你市自筹解决。
二、你市要加强对示范区建设的组织领导，推进智能工厂建设。
"""


@pytest.fixture(scope="module")
def documents():
    return [parse_text(PLAN, DocumentMeta(slug="plan", title="技术改造方案")),
            parse_text(REPLY, DocumentMeta(slug="reply", title="关于同意设立技术改造示范区的批复"))]


@pytest.fixture(scope="module")
def function_index(documents, fake_encoder, concepts):
    return SearchIndex.build(index_units(documents, concepts), fake_encoder, concepts=concepts)


def test_each_indexed_unit_carries_its_function(documents, concepts):
    units = index_units(documents, concepts)
    by_path = {(u.document, u.path): u for u in units if u.kind != "target"}
    assert by_path[("plan", "一（二）")].function == "support"
    assert by_path[("plan", "一（一）")].function == "action"
    assert by_path[("plan", "一（三）")].function == "rule"
    assert by_path[("plan", "二（一）")].function == "duty"
    assert by_path[("reply", "一")].function == "decision"
    assert all(u.function in UNIT_FUNCTIONS for u in units)
    again = IndexUnit.from_dict(by_path[("plan", "一（二）")].to_dict())
    assert (again.function, again.function_cue) == ("support", by_path[("plan", "一（二）")].function_cue)


def test_function_filter_keeps_only_that_function(function_index):
    hits = function_index.search("技术改造 补贴 智能工厂", k=10, function="support").hits
    assert [(h.document, h.path) for h in hits] == [("plan", "一（二）")]
    assert hits[0].function == "support" and hits[0].function_cue
    both = function_index.search("智能工厂", k=10, function=["action", "decision"]).hits
    assert {h.function for h in both} <= {"action", "decision"}
    assert {(h.document, h.path) for h in both} >= {("plan", "一（一）"), ("reply", "二")}


def test_function_and_kind_combine(function_index):
    hits = function_index.search("智能工厂", k=10, function="action", document="reply").hits
    assert [(h.document, h.path) for h in hits] == [("reply", "二")]


def test_every_hit_shows_its_function(function_index):
    result = function_index.search("技术改造", k=20)
    assert result.hits and all(h.function in UNIT_FUNCTIONS for h in result.hits)
    assert "function" in result.to_dict()["hits"][0]


def test_unknown_function_is_refused_with_the_valid_ones(function_index):
    with pytest.raises(QueryError, match="valid functions: goal, action, support"):
        function_index.search("补贴", function="subsidy")


def test_new_structural_kinds_are_accepted():
    assert {"paragraph", "notice"} <= set(UNIT_KINDS)


def test_an_index_of_the_old_format_is_refused(function_index, tmp_path):
    import json

    from search.errors import IndexLoadError

    function_index.save(tmp_path / "index")
    meta = tmp_path / "index" / "meta.json"
    data = json.loads(meta.read_text(encoding="utf-8"))
    assert data["format_version"] == FORMAT_VERSION >= 5
    data["format_version"] = 4
    meta.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(IndexLoadError, match="rebuild the index"):
        SearchIndex.load(tmp_path / "index", encoder=function_index.encoder)
