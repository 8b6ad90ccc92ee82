"""English words for waste, recycling, state bonds and school admissions find the Chinese the texts write, not
CC-CEDICT's everyday senses (waste → 枉费, cleaner → 清洁器)."""

from __future__ import annotations

import pytest

from search.bilingual import load_dictionary


@pytest.fixture(scope="module")
def dictionary():
    return load_dictionary(per_phrase=3)


def _words(dictionary, text):
    return {t.word for _, translations in dictionary.phrases(text) for t in translations}


@pytest.mark.parametrize(("english", "chinese"), [
    ("industrial solid waste", "固体废弃物"),
    ("waste", "废弃物"),
    ("remanufacturing", "再制造"),
    ("cleaner production", "清洁生产"),
    ("treasury bonds", "国债"),
    ("enrolment", "招生"),
    ("the Japanese army", "军队"),
    ("Japanese troops", "日本"),
    ("exercise jurisdiction", "管辖"),
    ("which session of the standing committee", "会议"),
    ("the shares the fund holds", "持有"),
])
def test_policy_words_of_waste_bonds_and_admissions(dictionary, english, chinese):
    assert chinese in _words(dictionary, english)


def test_waste_is_no_longer_only_squandering(dictionary):
    first = dictionary.phrases("waste")[0][1][0].word
    assert first == "废弃物"
