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
            if reason["input"] == "document":  # the document's support applying to a matched unit (issue 21)
                assert reason["value"] == answer["heading"], reason
                continue
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
    # issue 21: the plan's general support applies to any firm its measures fit (reason "document"); what the
    # firm asks for (a loan) ranks first, above what only the document offers
    plain = _match(client, {"industry": "软件", "plans": ["招聘人才"]})
    cars = _match(client, CAR_PARTS)
    for i in plain["instruments"]:
        assert i["reasons"], i
        assert not any(r["input"] == "plan" for r in i["reasons"]), i
    assert any(r["input"] == "plan" for r in cars["instruments"][0]["reasons"])
    assert [i["kind"] for i in plain["instruments"]] != [i["kind"] for i in cars["instruments"]]


def test_nothing_fits_gives_an_empty_answer(client):
    data = _match(client, {"industry": "宠物美容", "plans": ["开一家宠物美容店"]})
    assert data["instruments"] == [] and data["measures"] == []


# ------------------------------------------------------------------ the policy calculator (issue 21)

WELDER = {"name": "沪东汽车座椅骨架有限公司", "industry": "汽车座椅骨架冲压焊接", "industry_code": "C36",
          "place": "上海市嘉定区", "size": "medium", "employees": 380, "revenue": 42000,
          "needs": "焊装车间二十多个焊工三班倒，人越来越难招，想换成一排焊接机器人加自动上下料"}


def test_a_firm_describing_a_project_gets_the_plans_support_without_naming_it(client):
    data = _match(client, {**WELDER, "today": "2026-12-07"})
    first = data["measures"][0]
    assert first["path"].startswith("二（一）"), first["path"]
    kinds = {i["kind"] for i in first["instruments"]}
    assert {"funds", "tax", "financing"} <= kinds  # the fund, the R&D super-deduction, the guarantee fund
    texts = " ".join(i["text"] for i in first["instruments"])
    assert "区级技术改造专项支持资金" in texts and "研发费用加计扣除" in texts and "融资担保基金" in texts
    verdict = first["verdict"]
    assert verdict["status"] == "eligible" and verdict["expired_on"] == "2020-12-31"
    assert first["contacts"] and first["contacts"][0]["agent_name"] == "上海市经济和信息化委员会"


def test_the_place_decides_and_a_missing_place_is_named(client):
    elsewhere = _match(client, {**WELDER, "place": "江苏省昆山市", "today": "2019-06-01"})["measures"][0]["verdict"]
    assert elsewhere["status"] == "not_eligible" and elsewhere["failing"][0]["field"] == "place"
    assert elsewhere["expired_on"] is None  # 2019-06-01 lies inside the plan's period
    nowhere = {k: v for k, v in WELDER.items() if k != "place"}
    unknown = _match(client, nowhere)["measures"][0]["verdict"]
    assert unknown["status"] == "unknown" and "place" in unknown["missing"]


def test_a_profile_needs_needs_plans_or_an_industry(client):
    response = client.post("/match", json={"size": "small"})
    assert response.status_code == 422 and "needs" in response.text
    assert client.post("/match", json={"needs": "x", "colour": "red"}).status_code == 422

