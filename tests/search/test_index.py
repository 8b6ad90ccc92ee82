"""SearchIndex on the hand-made document with the fake encoder: exact ids, round trips, errors."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest
from tests.search.search_fixtures import SLUG, iri

from kg.iri import target_iri
from search import EncoderMismatchError, IndexLoadError, QueryError, SearchIndex
from search.encoders.fake import FakeEncoder
from search.factory import get_encoder
from search.errors import UnknownBackendError
from search.types import Hit


def ids(result):
    return [h.iri for h in result.hits]


def test_units_cover_the_indexed_kinds(units):
    assert [(u.kind, u.path) for u in units] == [
        ("goal", "一（一）-1"), ("measure", "二（一）1"), ("measure", "二（一）2"), ("measure", "二（一）3"),
        ("safeguard", "三（一）"), ("safeguard", "三（二）"), ("target", "一（一）-1"), ("target", "一（一）-1"),
    ]


def test_unit_context_from_the_document_model(units):
    robot = units[1]
    assert robot.id == iri("2.1.1")
    assert robot.text == "推广工业机器人应用。支持企业利用数控机床与工业机器人进行自动化改造。"
    assert robot.context.task.heading == "实施智能化改造工程"
    assert [(d.agent_name, d.role, d.basis) for d in robot.context.owners] == [
        ("上海市经济和信息化委员会", "lead", "inferred")]
    assert [(c.key, c.pref_label, c.pref_label_en) for c in robot.context.concepts] == [("industrial-robot", "工业机器人", "industrial robot")]
    assert robot.context.sections == ["重点任务", "实施智能化改造工程"]
    assert "industrial robot" in robot.index_text and "industrial robot" not in robot.text
    goal = units[0]
    assert [t.indicator for t in goal.context.targets] == ["智能制造示范项目", "审批周期"]
    target = units[6]
    assert target.id == str(target_iri(SLUG, "1.1.b1.t1"))
    assert (target.target.quantity, target.target.unit, target.target.deadline) == (100, "个", date(2020, 12, 31))
    assert "建设100个智能制造示范项目" in target.index_text


@pytest.mark.parametrize(("query", "expected"), [
    ("工业机器人", "2.1.1"),
    ("绿色工厂建设", "2.1.2"),
    ("废旧金属综合利用", "2.1.3"),
    ("技术改造联席会议", "3.1"),
    ("融资担保基金", "3.2"),
])
def test_chinese_query_finds_the_unit_first(index, query, expected):
    assert ids(index.search(query, k=3))[0] == iri(expected)


@pytest.mark.parametrize(("query", "expected"), [
    ("robotic arm for our plant", "2.1.1"),
    ("eco-friendly plants", "2.1.2"),
    ("loan guarantee for small firms", "3.2"),
    ("tax breaks", "3.2"),
])
def test_english_query_reaches_chinese_unit_through_concepts(index, query, expected):
    plan = index.plan(query)
    assert plan.language == "en" and plan.lexical_terms
    result = index.search(query, k=3)
    assert ids(result)[0] == iri(expected)
    assert result.hits[0].scores.bm25 is not None


def test_colloquial_chinese_maps_to_document_vocabulary(index):
    assert index.plan("我们想上机械臂").lexical_terms == ["工业机器人", "自动化产线"]
    # the fake encoder has no meaning, so the lexical side is asked alone: the expansion is what is tested
    assert ids(index.search("我们想上机械臂", k=1, fusion="bm25")) == [iri("2.1.1")]


def test_quantitative_question_puts_the_target_first_with_its_data(index):
    hit = index.search("到2020年建设多少个智能制造示范项目", k=3, kind="target").hits[0]
    assert hit.kind == "target"
    assert hit.iri == str(target_iri(SLUG, "1.1.b1.t1"))
    assert (hit.target.quantity, hit.target.comparator) == (100.0, "=")


def test_kind_filter(index):
    result = index.search("改造", k=10, kind="safeguard")
    assert {h.kind for h in result.hits} == {"safeguard"}
    result = index.search("改造", k=10, kind=["measure", "target"])
    assert {h.kind for h in result.hits} <= {"measure", "target"}


def test_highlights_point_into_the_hit_text(index):
    hit = index.search("工业机器人改造", k=1).hits[0]
    assert hit.highlights
    for h in hit.highlights:
        assert hit.text[h.start:h.end] == h.text
    assert "工业机器人" in [h.text for h in hit.highlights]


def test_result_json_contract(index):
    data = index.search("工业机器人", k=2).to_dict()
    assert set(data) == {"query", "took_ms", "relevant", "hits", "facets"}
    assert data["facets"] is None  # counted only when asked for (kg.facets)
    hit = data["hits"][0]
    assert set(hit) == {f.name for f in dataclasses.fields(Hit)} == {
        "iri", "kind", "path", "heading", "text", "start", "end", "document", "score", "scores", "highlights",
        "context", "target", "function", "function_cue"}
    assert set(hit["scores"]) == {"bm25", "dense"}
    assert set(hit["context"]) == {"task", "owners", "targets", "concepts", "sections", "supports"}
    json.dumps(data, ensure_ascii=False)


def test_save_load_gives_the_same_hits(index, tmp_path, fake_encoder):
    index.save(tmp_path / "idx")
    loaded = SearchIndex.load(tmp_path / "idx", encoder=fake_encoder)
    for query in ("工业机器人", "robotic arm", "多少个示范项目", "联席会议"):
        assert [h.to_dict() for h in loaded.search(query).hits] == [h.to_dict() for h in index.search(query).hits]
    index.save(tmp_path / "idx")  # overwriting an index replaces it whole
    assert SearchIndex.load(tmp_path / "idx", encoder_name="fake-64").meta["unit_count"] == len(index)
    assert [p.name for p in tmp_path.iterdir()] == ["idx"]


def test_encoder_mismatch_names_both(index, tmp_path):
    index.save(tmp_path / "idx")
    with pytest.raises(EncoderMismatchError, match="'fake-64'.*'fake-32'"):
        SearchIndex.load(tmp_path / "idx", encoder=FakeEncoder(32))
    with pytest.raises(EncoderMismatchError, match="'fake-64'.*'e5-small'"):
        SearchIndex.load(tmp_path / "idx", encoder_name="e5-small")


def test_prompts_are_part_of_the_encoder(index, tmp_path):
    index.save(tmp_path / "idx")
    prompted = FakeEncoder(64)
    prompted.query_prompt = "为这个句子生成表示以用于检索相关文章："
    with pytest.raises(EncoderMismatchError, match="prompts"):
        SearchIndex.load(tmp_path / "idx", encoder=prompted)
    assert len(SearchIndex.load(tmp_path / "idx", encoder=FakeEncoder(64))) == len(index)


def test_missing_index_names_the_file(tmp_path):
    with pytest.raises(IndexLoadError, match="meta.json"):
        SearchIndex.load(tmp_path / "nowhere")


@pytest.mark.parametrize(("victim", "content"), [
    ("meta.json", "{not json"),
    ("units.jsonl", "{\"id\": 1}\n"),
    ("dense.faiss", "garbage"),
    ("lexicon.json", "[]"),
])
def test_corrupt_index_names_the_file(index, tmp_path, victim, content):
    index.save(tmp_path / "idx")
    (tmp_path / "idx" / victim).write_text(content, encoding="utf-8")
    with pytest.raises(IndexLoadError, match=victim.replace(".", r"\.")):
        SearchIndex.load(tmp_path / "idx", encoder=FakeEncoder(64))


@pytest.mark.parametrize(("query", "message"), [
    ("", "empty"),
    ("   \t\n ", "empty"),
    ("x" * 10_000, "10000 characters long; the limit is 1000"),
    ("工业\x00机器人", r"U\+0000 at position 2"),
    ("工业\u200b机器人", r"U\+200B"),
    (None, "must be a string"),
])
def test_bad_queries(index, query, message):
    with pytest.raises(QueryError, match=message):
        index.search(query)


def test_harmless_controls_become_spaces(index):
    assert index.search("工业\t机器人\n").query == "工业 机器人"


def test_bad_kind_and_k(index):
    with pytest.raises(QueryError, match="valid kinds: measure, safeguard, target, goal, principle, guideline"):
        index.search("改造", kind="novel")
    with pytest.raises(QueryError, match="positive integer"):
        index.search("改造", k=0)


def test_factory_lists_valid_encoders():
    with pytest.raises(UnknownBackendError, match="'bert'.*e5-small"):
        get_encoder("bert")
    assert get_encoder("fake-16").dim == 16


def test_unfiltered_quantitative_question_folds_the_target_into_its_goal(index):
    hits = index.search("审批周期压缩到几个工作日", k=5).hits
    assert hits[0].iri == iri("1.1.b1") and hits[0].kind == "goal"
    assert hits[0].target.indicator == "审批周期"
    assert "target" not in {h.kind for h in hits}
