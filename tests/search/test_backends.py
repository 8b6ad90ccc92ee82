"""The shared search-backend suite, run on each backend: the embedded bm25s + FAISS one and Milvus (on
milvus-lite, embedded, in a temporary file): same first hits, filters by document and kind, save/load."""

from __future__ import annotations

import dataclasses
import time

import pytest
from tests.search.search_fixtures import SLUG, iri

from search import SearchIndex, SearchSettings
from search.backends import BACKENDS, backend_name, describe_saved
from search.backends.factory import backend_class
from search.errors import UnknownBackendError

OTHER = "search-test-copy"

QUERIES = [  # query → the unit expected first (the same table as test_index, on every backend)
    ("工业机器人", "2.1.1"),
    ("绿色工厂建设", "2.1.2"),
    ("废旧金属综合利用", "2.1.3"),
    ("技术改造联席会议", "3.1"),
    ("融资担保基金", "3.2"),
    ("robotic arm for our plant", "2.1.1"),
    ("tax breaks", "3.2"),
]


def _copy(unit, slug):
    """The unit as if a second document said the same (another slug and id)."""
    return dataclasses.replace(unit, document=slug, id=unit.id.replace(SLUG, slug))


def _settings(backend: str, tmp_path) -> SearchSettings:
    if backend == "milvus":
        return SearchSettings(backend="milvus", milvus_uri=str(tmp_path / "milvus" / "units.db"))
    return SearchSettings()


@pytest.fixture(scope="module", params=BACKENDS)
def backend_index(request, units, fake_encoder, concepts, tmp_path_factory):
    if request.param == "milvus":
        pytest.importorskip("pymilvus")
        pytest.importorskip("milvus_lite")
        pytest.importorskip("jieba")
    tmp = tmp_path_factory.mktemp(request.param)
    started = time.perf_counter()
    corpus = list(units) + [_copy(u, OTHER) for u in units]
    index = SearchIndex.build(corpus, fake_encoder, _settings(request.param, tmp), concepts=concepts)
    assert time.perf_counter() - started < 180, "building the tiny index took too long"  # jieba loads first
    yield index, tmp
    if request.param == "milvus":
        index.backend.drop()


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_same_first_hit(backend_index, query, expected):
    index, _ = backend_index
    hits = index.search(query, k=4, document=SLUG).hits
    assert hits[0].iri == iri(expected)
    assert hits[0].scores.bm25 is not None or index.plan(query).language == "en"


@pytest.mark.parametrize("slug", [SLUG, OTHER])
def test_document_filter(backend_index, slug):
    index, _ = backend_index
    hits = index.search("工业机器人", k=10, document=slug).hits
    assert hits and {h.document for h in hits} == {slug}
    assert hits[0].iri == iri("2.1.1").replace(SLUG, slug)


@pytest.mark.parametrize(("kind", "expected"), [("safeguard", "3.1"), ("measure", "2.1.1")])
def test_kind_filter(backend_index, kind, expected):
    index, _ = backend_index
    hits = index.search("工业机器人 技术改造联席会议", k=10, kind=kind, document=SLUG).hits
    assert hits and {h.kind for h in hits} == {kind}
    assert hits[0].iri == iri(expected)


def test_both_documents_without_a_filter(backend_index):
    index, _ = backend_index
    hits = index.search("工业机器人", k=2).hits
    assert {h.document for h in hits} == {SLUG, OTHER}
    assert len({h.text for h in hits}) == 1


def test_save_load_round_trip(backend_index, fake_encoder):
    index, tmp = backend_index
    saved = index.save(tmp / "idx")
    loaded = SearchIndex.load(saved, encoder=fake_encoder)
    assert loaded.backend.name == index.backend.name == index.meta["search_backend"]
    assert describe_saved(saved).split(" ")[0] == loaded.backend.describe().split(" ")[0] == index.backend.name
    for query, _ in QUERIES:
        assert [h.iri for h in loaded.search(query, k=5).hits] == [h.iri for h in index.search(query, k=5).hits]


def test_backends_agree_on_the_lexical_candidates(backend_index):
    """Whatever the analyzer, the unit a Chinese keyword names is the best BM25 candidate."""
    index, _ = backend_index
    scores = index.lexical_scores(index.plan("废旧金属综合利用"))
    assert index.units[int(scores.argmax())].id.endswith(iri("2.1.3").rsplit("/", 1)[-1])


@pytest.mark.parametrize(("uri", "expected"), [(None, "local"), ("", "local"), ("/tmp/x.db", "milvus"),
                                               ("http://localhost:19530", "milvus")])
def test_settings_pick_the_backend(uri, expected):
    assert backend_name(uri) == expected


def test_unknown_backend_lists_the_valid_ones():
    with pytest.raises(UnknownBackendError, match="'solr'.*local, milvus"):
        backend_class("solr")
    with pytest.raises(ValueError, match="'solr'.*local, milvus"):
        SearchSettings(backend="solr")


def test_milvus_uri_forms_are_checked():
    from search.backends.milvus import check_uri
    from search.errors import SearchError

    with pytest.raises(SearchError, match="ending in .db"):
        check_uri("milvus-data")
    assert check_uri("http://localhost:19530") == "http://localhost:19530"


def test_dropping_a_saved_milvus_index_drops_its_collections(units, fake_encoder, concepts, tmp_path):
    pytest.importorskip("milvus_lite")
    from search.backends import drop_collections, milvus_pointer

    index = SearchIndex.build(units[:3], fake_encoder, _settings("milvus", tmp_path), concepts=concepts)
    pointer = milvus_pointer(index.save(tmp_path / "idx"))
    assert milvus_pointer(tmp_path / "nowhere") is None
    client = index.backend.client
    assert client.has_collection(pointer["collection"]) and client.has_collection(pointer["sentence_collection"])
    drop_collections(pointer)
    assert not client.has_collection(pointer["collection"])
    assert not client.has_collection(pointer["sentence_collection"])
