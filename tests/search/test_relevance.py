"""The calibrated floors are data (search/relevance_floors.json, written by benchmarks/calibrate_floors.py)."""

import json

import pytest

from search.relevance import (
    CALIBRATED_FLOORS,
    FLOORS_FILE,
    load_floors,
    relevance_floor,
)


def test_the_shipped_floors_are_read_from_the_calibration_file():
    data = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))
    assert data["_command"] == "python -m benchmarks.calibrate_floors" and data["_rule"]
    assert CALIBRATED_FLOORS == load_floors() and set(CALIBRATED_FLOORS["e5-small"]) >= {"zh", "en"}
    assert all(0.0 < floor < 1.0 for floor in CALIBRATED_FLOORS["e5-small"].values())
    # an English question whose words the documents do not hold is never judged more laxly than the others
    assert relevance_floor("e5-small", "en-unheld") >= relevance_floor("e5-small", "en")


def test_notes_in_the_file_are_no_encoder(tmp_path):
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({"my-encoder": {"zh": 0.5}, "_rule": "a note"}), encoding="utf-8")
    assert load_floors(path) == {"my-encoder": {"zh": 0.5}}


def _index_of(titles, fake_encoder):
    from ingest.model import DocumentMeta
    from ingest.pipeline import parse_text
    from search.hybrid import SearchIndex
    from search.units import index_units

    documents = [parse_text("一、总体要求\n推进某项工作。\n二、保障措施\n加强组织领导。\n",
                            DocumentMeta(slug=f"d{i}", title=title, source_file=f"d{i}.txt"))
                 for i, title in enumerate(titles)]
    return SearchIndex.build(index_units(documents), fake_encoder)


def test_a_place_inside_a_documents_own_place_is_covered(fake_encoder):
    index = _index_of(["四川省人民政府关于推进某项工作的通知", "绵阳市人民政府关于推进某项工作的通知"], fake_encoder)
    places = index.places
    assert index.covers(places.in_question("康定机场总投资多少"))  # 康定 lies in 四川省, which a document is about
    assert index.covers(places.in_question("绵阳的政策"))
    assert index.covers(places.in_question("四川的政策"))
    # 成都 lies in 四川 too, and the province's own document covers it
    assert index.covers(places.in_question("成都的政策"))


def test_a_place_beside_the_documents_places_is_not_covered(fake_encoder):
    index = _index_of(["绵阳市人民政府关于推进某项工作的通知"], fake_encoder)
    places = index.places
    assert not index.covers(places.in_question("成都的政策"))  # beside 绵阳: the 四川 it lies in has no document
    assert not index.covers(places.in_question("康定机场总投资多少"))
    assert index.covers(places.in_question("四川的政策"))  # a document about a place inside 四川 (as before)


def test_a_question_whose_words_no_best_unit_holds_has_the_stricter_unmatched_key():
    from search.relevance import floor_key, matches_question

    assert matches_question(["红烧肉"], ["推进某项工作。", "加强组织领导。"]) is False
    assert matches_question(["组织领导"], ["推进某项工作。", "加强组织领导。"]) is True
    assert matches_question([], ["加强组织领导。"]) is False  # no words at all: nothing matched
    assert floor_key("zh", 0, matched=False) == "zh-unmatched"
    assert floor_key("en", 0, matched=False) == "en-unmatched" and floor_key("en", 0) == "en-unheld"
    assert floor_key("zh", 0) == "zh"


def test_a_derived_key_is_never_laxer_than_the_keys_it_falls_back_to():
    overrides = {"zh": 0.85, "zh-unmatched": 0.80, "en": 0.75}
    assert relevance_floor("any-encoder", "zh-unmatched", overrides) == 0.85
    assert relevance_floor("any-encoder", "en-unmatched", overrides) == 0.75  # no en-unheld, no en-unmatched: en
    assert relevance_floor("any-encoder", "en-unmatched", {"en": 0.7, "en-unheld": 0.78}) == 0.78
    for key in ("zh-unmatched", "en-unmatched"):
        assert relevance_floor("e5-small", key) >= relevance_floor("e5-small", key.split("-")[0])


def test_a_place_a_best_unit_names_is_covered(fake_encoder):
    index = _index_of(["国务院办公厅关于推进某项工作的通知"], fake_encoder)
    places = index.places
    asked = places.in_question("江西赣州是怎么做的")
    assert not index.covers(asked)
    assert index.covers(asked, ["江西省赣州市推出3个信贷通。"])
    assert not index.covers(asked, ["湖南省长沙市推出信贷产品。"])


@pytest.mark.parametrize(("question", "origins"), [
    ("从北京挖来一个架构师，公司能领多少奖励", {"beijing"}),
    ("来自香港的投资有什么优惠", {"hong-kong"}),
    ("北京的企业从北京搬走", set()),  # also named as the place asked about
    ("北京买新能源汽车有什么补贴", set()),
])
def test_a_place_named_as_where_someone_comes_from_is_an_origin(question, origins, fake_encoder):
    index = _index_of(["国务院办公厅关于推进某项工作的通知"], fake_encoder)
    assert index.places.origins(question) == origins


def test_a_place_the_question_names_is_a_word_it_shares_with_a_best_unit(fake_encoder):
    """The places a question names are set aside from its words, yet a best unit naming one shares a word with it:
    the question is matched (the language's floor), not unmatched (the stricter one)."""
    index = _index_of(["深圳市人民政府关于推进某项工作的通知"], fake_encoder)
    plan = index.plan("Which part of the Shenzhen pier falls under Hong Kong's rules?")
    assert "hong-kong" in plan.places
    assert index.floor_key(plan, ["港方口岸区由香港特别行政区管辖。"]).endswith("-unmatched") is False
    assert index.floor_key(plan, ["推进某项工作。"]).endswith("-unmatched")
