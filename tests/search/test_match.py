"""Enterprise matching on the hand-made document with the fake encoder."""

from __future__ import annotations

import pytest

from search.match import EnterpriseProfile, match_enterprise, normalise_size
from tests.search.search_fixtures import iri


@pytest.mark.parametrize(("size", "expected"), [
    ("small", "small"), ("中小企业", "small"), ("Medium", "medium"), ("规模以上", "large"), ("huge", None), (None, None)])
def test_normalise_size(size, expected):
    assert normalise_size(size) == expected


def test_match_ranks_the_robot_measure_and_financing_for_an_sme(index):
    result = match_enterprise(index, EnterpriseProfile("汽车零部件", ["采购工业机器人改造生产线", "申请贷款"], "中小企业"))
    assert result.measures[0].id == iri("2.1.1")
    assert "工业机器人" in result.measures[0].reason
    first = result.instruments[0]
    assert (first.kind, first.path) == ("financing", "三（二）")
    assert "中小企业" in first.reason and "融资担保" in first.text
    data = result.to_dict()
    assert set(data) == {"profile", "measures", "instruments"}
    assert {i["kind"] for i in data["instruments"]} >= {"financing", "tax"}
