"""Query expansion through the scheme's labels: matching, weights of expansion terms, fusion weights."""

from __future__ import annotations

import numpy as np
import pytest
from tests.search.search_fixtures import CONCEPTS

from search.bm25 import BM25Retriever
from search.expand import FusionWeights, QueryExpander, stem
from search.lexicon import ConceptLabels

# The fixture scheme plus a concept whose label lies inside another's (机械 in 机械臂, machine in machine
# tool) and a top concept, to test that matching takes the longest label and skips group heads.
SCHEME = [
    *CONCEPTS,
    ConceptLabels("machinery", "机械", "machinery", ("机械行业",), ("machine",), "industries"),
    ConceptLabels("cnc-machine-tool", "数控机床", "CNC machine tool", ("机床",), ("machine tool",), "technologies"),
    ConceptLabels("technologies", "技术领域", "technologies", ("技术",), ("technology",), "technologies"),
]


@pytest.fixture(scope="module")
def expander() -> QueryExpander:
    return QueryExpander(SCHEME)


@pytest.mark.parametrize(("query", "keys"), [
    ("我们想上机械臂", ["industrial-robot"]),  # not also machinery: 机械 is inside 机械臂
    ("机械行业用机械臂", ["machinery", "industrial-robot"]),  # each matched on its own characters
    ("机床和机械", ["cnc-machine-tool", "machinery"]),
    ("技术改造", []),  # the top concept 技术领域 names a whole group: never expanded
    ("绿色工厂", ["green-factory"]),
])
def test_match_zh_longest_label_first_without_overlap(expander, query, keys):
    assert sorted(c.key for c in expander.match_zh(query)) == sorted(keys)


@pytest.mark.parametrize(("query", "keys"), [
    ("machine tool upgrades", ["cnc-machine-tool"]),  # not also machinery through "machine"
    ("robotic arms and machines", ["industrial-robot", "machinery"]),
    ("technology", []),
])
def test_match_en_longest_label_first_without_overlap(expander, query, keys):
    assert sorted(c.key for c in expander.match_en(query)) == sorted(keys)


def test_plan_separates_preferred_labels_from_other_labels(expander):
    plan = expander.plan("我们想上机械臂")
    assert plan.language == "zh"
    assert plan.key_terms == ["工业机器人"]  # the document's word for the colloquial 机械臂
    assert plan.lexical_terms == ["工业机器人", "自动化产线"]
    assert plan.lexical_text == "我们想上机械臂 工业机器人 自动化产线"
    # a question that already uses the preferred label gets no key term, only the other labels
    plan = expander.plan("工业机器人")
    assert plan.key_terms == [] and plan.lexical_terms == ["机械臂", "自动化产线"]


def test_fusion_weights_by_language(expander):
    zh = expander.plan("工业机器人改造")
    assert zh.weights == FusionWeights(0.2, 0.8) and zh.rrf_weights == FusionWeights(0.8, 0.2)
    matched = expander.plan("robotic arm")
    assert matched.weights == matched.rrf_weights == FusionWeights(0.4, 0.6)
    unmatched = expander.plan("who evaluates the work every year")
    assert unmatched.weights == unmatched.rrf_weights == FusionWeights(0.1, 0.9)


def test_bm25_weighted_scores_count_each_token_once_at_its_first_weight():
    corpus = [["机器人", "改造"], ["机械臂"], ["改造", "改造", "绿色"]]
    bm25 = BM25Retriever.build(corpus)
    robot, arm, rebuild = (bm25.scores([t]) for t in ("机器人", "机械臂", "改造"))
    got = bm25.weighted_scores([(["机器人", "改造"], 1.0), (["机械臂", "改造", "未知"], 0.25)])
    np.testing.assert_allclose(got, robot + rebuild + 0.25 * arm, rtol=1e-6)
    np.testing.assert_allclose(bm25.weighted_scores([(["机器人"], 1.0)]), bm25.scores(["机器人"]))
    assert not bm25.weighted_scores([(["未知"], 1.0), (["机械臂"], 0.0)]).any()


def test_lexical_scores_weigh_other_labels_by_expansion_weight(index):
    plan = index.plan("我们想上机械臂")
    tokens = index.tokenizer.tokens
    own = tokens(plan.text)
    key = [t for t in tokens("工业机器人") if t not in own]
    rest = [t for t in tokens("自动化产线") if t not in own and t not in key]
    w = index.settings.expansion_weight
    assert w == 0.3
    expected = index.bm25.scores(own) + index.bm25.scores(key) + np.float32(w) * index.bm25.scores(rest)
    np.testing.assert_allclose(index.lexical_scores(plan), expected, rtol=1e-5)


def test_department_aliases_are_words_of_the_segmenter(index):
    # 市发展改革委 is not in the test document; it comes from ingest's alias table
    assert index.tokenizer.words("市发展改革委牵头，市经信委配合") == ["市发展改革委", "牵头", "市经信委", "配合"]
    assert "市发展改革委" in index.words


@pytest.mark.parametrize(("word", "expected"), [
    ("evaluates", "evaluate"), ("evaluated", "evaluate"), ("evaluation", "evaluate"), ("evaluations", "evaluate"),
    ("coordinates", "coordinate"), ("coordination", "coordinate"), ("creation", "create"),
    ("stations", "station"), ("nation", "nation"), ("gates", "gate"), ("robots", "robot"),
])
def test_stem_brings_a_verb_and_its_ation_noun_together(word, expected):
    assert stem(word) == expected


def test_a_verb_matches_the_concept_named_by_its_noun():
    evaluation = ConceptLabels("evaluation-supervision", "评估督查", "evaluation and supervision", ("评估",),
                               ("evaluation",), "support-instruments")
    assert [c.key for c in QueryExpander([evaluation]).match_en("who evaluates the work")] == [
        "evaluation-supervision"]
