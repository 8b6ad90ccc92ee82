"""Which unit of a document answers: among the best candidates, the unit whose best sentence holds the question's
words that are rare inside its own document rises (search/boosts.py raise_distinctive).  The text is corpus-real
(国发〔2019〕5号, three measures of its 主要任务), the question in a firm's own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import parse_text
from ingest.model import DocumentMeta
from search import index_units
from search.boosts import DISTINCTIVE_BOOST, UnitFacts, raise_distinctive
from search.expand import QueryPlan

SOURCE = Path(__file__).resolve().parents[2] / "benchmarks" / "corpus_real" / "guofa-2019-005.txt"


@pytest.fixture(scope="module")
def measures():
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    # （二）实行抽查事项清单管理 with its text, （五）科学实施抽查检查 and （六）强化抽查检查结果公示运用 with theirs
    text = "国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见\n三、主要任务\n" + \
        "\n".join(lines[17:19] + lines[25:29]) + "\n"
    units = index_units([parse_text(text, DocumentMeta(slug="shuangsuiji", title="意见"))])
    assert [u.path for u in units] == ["三（二）", "三（五）", "三（六）"]
    return units, UnitFacts.of(units, [set() for _ in units])


def test_the_unit_stating_where_results_are_published_rises(measures):
    units, facts = measures
    # 抽查 is in every measure: it tells them apart from other documents, not from each other; 结果 is in one
    words = ["公司", "随机", "抽查", "查出来", "结果", "哪里", "大家", "看到"]
    fused = {0: 0.95, 1: 0.90, 2: 0.88}  # the list-keeping measure leads, a near tie as both retrievers ranked it
    raise_distinctive(fused, QueryPlan("我们公司被随机抽查了，查出来的结果会挂在哪里让大家看到", "zh"), facts, words)
    assert max(fused, key=fused.get) == 2
    assert fused[2] == pytest.approx(0.88 + DISTINCTIVE_BOOST * 0.95)  # the most evidence: the whole boost
    assert "结果公示" in units[2].text


def test_a_word_every_unit_holds_moves_no_unit_ahead_of_another(measures):
    _, facts = measures
    fused = {0: 0.98, 1: 0.90, 2: 0.88}
    raise_distinctive(fused, QueryPlan("抽查", "zh"), facts, ["抽查"])
    gains = [fused[0] - 0.98, fused[1] - 0.90, fused[2] - 0.88]
    assert gains[0] == pytest.approx(gains[1]) == pytest.approx(gains[2])  # the order stays
    assert max(fused, key=fused.get) == 0


def test_english_questions_and_documents_of_one_unit_are_left_alone(measures):
    units, facts = measures
    fused = {0: 0.98, 1: 0.90, 2: 0.88}
    plan = QueryPlan("Where are the inspection results published?", "en", translation_terms=["结果", "公示"])
    raise_distinctive(fused, plan, facts, ["结果", "公示"])
    assert fused == {0: 0.98, 1: 0.90, 2: 0.88}
    single = UnitFacts.of(units[2:], [set()])
    alone = {0: 0.5}
    raise_distinctive(alone, QueryPlan("查出来的结果挂在哪里", "zh"), single, ["结果"])
    assert alone == {0: 0.5}


def test_the_evidence_is_one_sentence_not_the_whole_unit(measures):
    _, facts = measures
    # the inspection measure names 名录库 and 细则 in two different sentences, the publication measure 结果 in one:
    # each has one sentence holding one word found in no other unit, so the two gain alike (counted over the whole
    # unit, the first would hold twice the evidence)
    fused = {0: 0.9, 1: 0.9, 2: 0.9}
    raise_distinctive(fused, QueryPlan("名录库细则结果", "zh"), facts, ["名录库", "细则", "结果"])
    assert fused[1] == pytest.approx(fused[2]) == pytest.approx(0.9 + DISTINCTIVE_BOOST * 0.9)
    assert fused[0] == 0.9
