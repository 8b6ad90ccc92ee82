"""The query-vector cache: a repeated question is embedded once, the cache is bounded, 0 turns it off."""

from __future__ import annotations

import pytest

from search import SearchIndex, SearchSettings
from search.encoders.fake import FakeEncoder


class CountingEncoder(FakeEncoder):
    def __init__(self) -> None:
        super().__init__(64)
        self.name = "fake-64"
        self.queries: list[str] = []

    def encode_queries(self, texts):
        self.queries.extend(texts)
        return super().encode_queries(texts)


@pytest.fixture
def counting_index(units, concepts):
    return SearchIndex.build(units, CountingEncoder(), SearchSettings(query_cache=2), concepts=concepts)


def test_a_repeated_question_is_embedded_once(counting_index):
    first = counting_index.search("工业机器人", k=3)
    again = counting_index.search("工业机器人", k=5, kind="measure")
    assert counting_index.encoder.queries == ["工业机器人"]
    assert [h.iri for h in again.hits][:1] == [h.iri for h in first.hits][:1]


def test_the_cache_keeps_the_most_recent_questions(counting_index):
    for query in ("工业机器人", "绿色工厂", "工业机器人", "融资担保", "绿色工厂", "工业机器人"):
        counting_index.search(query)
    # size 2, least recently used out: the second 工业机器人 is a hit and makes 绿色工厂 the oldest, which
    # 融资担保 then evicts; 绿色工厂 comes back and evicts 工业机器人, which is embedded again
    assert counting_index.encoder.queries == ["工业机器人", "绿色工厂", "融资担保", "绿色工厂", "工业机器人"]


def test_zero_turns_the_cache_off(counting_index):
    counting_index.settings.query_cache = 0
    counting_index.search("工业机器人")
    counting_index.search("工业机器人")
    assert counting_index.encoder.queries == ["工业机器人", "工业机器人"]


def test_cached_vectors_are_read_only(counting_index):
    vector = counting_index.query_vector("工业机器人")
    assert counting_index.query_vector("工业机器人") is vector and not vector.flags.writeable


def test_negative_cache_size_is_refused():
    with pytest.raises(ValueError, match="query_cache"):
        SearchSettings(query_cache=-1)
