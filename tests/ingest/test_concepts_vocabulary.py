"""A firm's words for technical transformation and its kinds reach the scheme's concepts (ingest/data/concepts.ttl):
general policy terms used across jurisdictions, not one plan's phrases."""

from __future__ import annotations

import pytest

from ingest.concepts import load_concepts
from search.expand import QueryExpander
from search.lexicon import load_scheme_labels


@pytest.fixture(scope="module")
def expander():
    return QueryExpander(load_scheme_labels())


@pytest.mark.parametrize(("words", "concept"), [
    ("锅炉烟气做余热回收", "energy-saving"),
    ("上一套中水回用系统", "cleaner-production"),
    ("车间搞节水改造", "cleaner-production"),
    ("搞机器换人，少招工人", "automation"),
    ("新建一条自动化生产线", "automation"),
    ("把中试车间改成小批量产线", "pilot-testing"),
    ("想建个中试基地", "pilot-testing"),
    ("服装个性化定制", "mass-customisation"),
    ("老厂生产线改造", "technical-transformation"),
    ("设备升级换代", "technical-transformation"),
    ("建设数字化工厂", "smart-factory"),
    ("工厂智能化升级", "intelligent-manufacturing"),
])
def test_a_firms_words_name_the_concept(expander, words, concept):
    assert concept in {c.key for c in expander.match_zh(words)}


@pytest.mark.parametrize(("words", "concept"), [
    ("waste heat recovery from the kilns", "energy-saving"),
    ("reclaimed water for cooling", "cleaner-production"),
    ("a pilot line for the new sensor", "pilot-testing"),
    ("made to measure suits", "mass-customisation"),
    ("production line upgrade", "technical-transformation"),
])
def test_an_english_firms_words_name_the_concept(expander, words, concept):
    assert concept in {c.key for c in expander.match_en(words)}


def test_the_new_kinds_sit_under_the_technologies():
    concepts = {c.key: c for c in load_concepts()}
    assert concepts["pilot-testing"].group == "technologies" and concepts["pilot-testing"].pref_zh == "中间试验"
    assert concepts["mass-customisation"].broader == "service-oriented-manufacturing"
    # a bare 中试 would also be found inside 集中试点: only compounds of it are labels
    assert "中试" not in concepts["pilot-testing"].alt_zh
