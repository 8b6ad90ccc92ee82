"""POST /match: contacts, amounts, reasons credited to the right input in the page's language, instruments
chosen per enterprise, ``k`` honoured, an empty answer when nothing fits."""

from __future__ import annotations

import re

import pytest

DYER = {"industry": "印染", "plans": ["节能减排改造"], "size": "小型", "district": "嘉定区"}
CAR_PARTS = {"industry": "汽车零部件制造", "plans": ["采购工业机器人改造生产线", "申请技改贷款"], "size": "大型",
             "district": "嘉定区"}
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _match(client, body: dict) -> dict:
    response = client.post("/match", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def _instrument_keys(data: dict) -> set[tuple[str, str, str]]:
    return {(i["kind"], i["iri"], i["text"]) for i in data["instruments"]}


def test_dyer_and_car_parts_maker_get_different_instruments(client):
    dyer, cars = _match(client, DYER), _match(client, CAR_PARTS)
    assert dyer["instruments"] and cars["instruments"]
    assert _instrument_keys(dyer) != _instrument_keys(cars)
    assert {i["kind"] for i in cars["instruments"]} >= {"financing"}  # the plan asks for a loan


@pytest.mark.parametrize("body", [DYER, CAR_PARTS])
def test_with_a_district_every_answer_names_a_body_or_says_none_is_named(client, body):
    data = _match(client, body)
    assert data["district_office"]["agent_name"].endswith("嘉定区人民政府")
    for answer in data["measures"] + data["instruments"]:
        assert answer["contacts"] or answer["no_owner"] == "原文未写明责任单位", answer["path"]
        for contact in answer["contacts"]:
            assert contact["scope"] in ("unit", "document") and contact["agent_name"] and contact["role_label"]


def test_a_district_outside_the_documents_gets_no_office(client):
    assert _match(client, {**DYER, "district": "海淀区"})["district_office"] is None


@pytest.mark.parametrize("k", [1, 2])
def test_k_is_honoured(client, k):
    data = _match(client, {**CAR_PARTS, "k": k})
    assert 1 <= len(data["measures"]) <= k and len(data["instruments"]) <= k


def test_reasons_credit_each_input_with_its_own_words(client):
    data = _match(client, CAR_PARTS)
    for answer in data["measures"] + data["instruments"]:
        for reason in answer["reasons"]:
            assert reason["value"] in ([CAR_PARTS["industry"], CAR_PARTS["size"]] + CAR_PARTS["plans"])
            for word in reason["words"]:
                assert word in answer["text"]
            if reason["input"] == "plan" and reason["value"] == "申请技改贷款":
                assert not any("汽车" in w for w in reason["words"]), reason  # the industry's word
        assert "“" in answer["reason"] or "语义" in answer["reason"]


def test_reasons_and_roles_follow_the_language(client):
    zh, en = _match(client, CAR_PARTS), _match(client, {**CAR_PARTS, "lang": "en"})
    assert any("对应原文" in m["reason"] for m in zh["measures"])
    for m in en["measures"] + en["instruments"]:
        outside_quotes = re.sub(r'"[^"]*"', "", m["reason"])
        assert not _CJK.search(outside_quotes), m["reason"]
        assert all(not _CJK.search(c["role_label"]) for c in m["contacts"])
        assert m["no_owner"] in ("", "the text names no owner")


def test_instruments_are_chosen_not_a_fixed_list(client):
    plain = _match(client, {"industry": "软件", "plans": ["招聘人才"]})
    assert len(plain["instruments"]) < len(_match(client, CAR_PARTS)["instruments"])
    for i in plain["instruments"]:
        assert i["reasons"], i


def test_nothing_fits_gives_an_empty_answer(client):
    data = _match(client, {"industry": "宠物美容", "plans": ["开一家宠物美容店"]})
    assert data["instruments"] == [] and data["measures"] == []
