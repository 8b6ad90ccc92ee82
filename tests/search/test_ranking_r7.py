"""Near ties between units of one document (seventh round): a target's clause read from a measure folds into that
measure, as a goal's targets fold into their goal, so the measure is not ranked below its own fragment."""

from __future__ import annotations

from ingest import parse_text
from ingest.model import DocumentMeta
from search import SearchIndex, SearchSettings, index_units

from .search_fixtures import FakeEncoder

PLAN = ("某区基层治理实施方案\n"
        "一、重点任务\n"
        "（一）优化网格设置\n"
        "1.科学划分网格。按照便于管理的原则调整网格边界，2025年9月底前完成全区网格优化调整，每个网格配备1名专职网格员。\n"
        "2.加强队伍建设。组织网格员参加业务培训，提高服务群众能力。\n"
        "二、保障措施\n"
        "（一）加强组织领导。区委政法委负责统筹协调。\n")


def _index():
    doc = parse_text(PLAN, DocumentMeta(slug="grid-plan", title="某区基层治理实施方案"))
    units = index_units([doc])
    return units, SearchIndex.build(units, FakeEncoder(16), SearchSettings())


def test_a_measure_target_is_indexed_and_listed_by_kind():
    units, index = _index()
    targets = [u for u in units if u.kind == "target"]
    assert targets, "the measure's 配备1名专职网格员 is read as a target"
    assert any(h.kind == "target" for h in index.search("专职网格员", k=10, kind="target").hits)


def test_unfiltered_the_target_folds_into_the_measure_holding_it():
    units, index = _index()
    hits = index.search("网格员配备几名", k=10).hits
    kinds = [h.kind for h in hits]
    assert "target" not in kinds
    holder = next(h for h in hits if "每个网格配备1名专职网格员" in h.text)
    assert holder.kind != "target" and "2025年9月底前" in holder.text
