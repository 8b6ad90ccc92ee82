"""The calibrated floors are data (search/relevance_floors.json, written by benchmarks/calibrate_floors.py)."""

import json

from search.relevance import CALIBRATED_FLOORS, FLOORS_FILE, load_floors, relevance_floor


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
