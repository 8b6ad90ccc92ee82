""""Nothing relevant" on a place takes a place the question surely names (seventh round): a county's short name
found inside another word (上高 of 上高速) and an English name two counties bear (Qinghe County) do not make an
answerable question unanswerable."""

from __future__ import annotations

from ingest import parse_text
from ingest.model import DocumentMeta
from search import SearchIndex, SearchSettings, index_units

from .search_fixtures import FakeEncoder

COUNTY = ("清河县工业企业技术改造扶持实施细则\n"
          "第一条 为支持企业技术改造，制定本细则。\n"
          "第二条 本细则自2024年7月1日起施行，《清河县工业企业技术改造专项资金管理办法》同时废止。\n")
NATIONAL = ("国务院办公厅关于消防救援车辆悬挂专用号牌有关事项的通知\n"
            "一、对悬挂专用号牌的车辆免收车辆通行费和停车费。\n")


def _index():
    docs = [parse_text(COUNTY, DocumentMeta(slug="qinghe", title="清河县人民政府关于印发《清河县工业企业技术改造扶持实施细则》的通知")),
            parse_text(NATIONAL, DocumentMeta(slug="plates", title="国务院办公厅关于消防救援车辆悬挂专用号牌有关事项的通知"))]
    return SearchIndex.build(index_units(docs), FakeEncoder(16), SearchSettings())


def test_a_name_read_inside_another_word_is_no_place_asked():
    index = _index()
    question = "挂应急牌的消防车上高速、进停车场，要不要交费"
    places = index.places.in_question(question)
    assert places, "the gazetteer reads 上高 (上高县) in 上高速"
    assert not index.covers(places)  # without the question, the county counts against it
    assert index.covers(places, question=question)
    assert index.search(question, k=3).relevant


def test_a_county_named_by_its_full_name_still_counts():
    index = _index()
    question = "上高县的技改补贴怎么申请"
    assert not index.covers(index.places.in_question(question), question=question)


def test_an_english_name_two_counties_bear_is_covered_by_either():
    index = _index()
    question = "Which older Qinghe County rules stop applying once the new rules take effect?"
    places = index.places.in_question(question)
    assert places
    assert index.covers(places, question=question)
    assert index.search(question, k=3).relevant


def test_the_floors_are_fitted_on_the_once_blind_sets_too_with_room():
    from benchmarks.calibrate_floors import MARGINS, ONCE_BLIND, calibration_sets

    sets = calibration_sets()
    assert "users_real_r6" in ONCE_BLIND and "users_real_r6" in sets and "users_local_r6" in sets
    assert "users_tune" in sets and "users_real_untouched" in sets
    assert not any("_r7" in name for name in sets)
    assert min(MARGINS) >= 0.01
