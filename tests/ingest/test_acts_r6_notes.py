"""Owner notes of local plans written without role labels (issue 20, round 6): one body that answers and the
others that help (（A负责，B、C配合）, …支持）), a plain list closed by the collective that carries it out after ；
(（A、B；各区落实）), and the body that follows the work up (（A负责，B督办）). Bodies come from the tiny name table
of test_responsibility_notations."""

from __future__ import annotations

import pytest

from tests.ingest.test_responsibility_notations import EX, IM, INF, SU, L, P, facts

ITEM = "一、重点任务\n（一）推进园区改造\n1.改造老旧厂房。{note}\n2.其他事项。\n"


def on_item(note: str) -> set:
    return {(b, r, basis) for b, u, r, basis in facts(ITEM.format(note=note)) if u == "一（一）1"}


@pytest.mark.parametrize("helpers", ["配合", "参与", "支持"])
def test_one_body_that_answers_among_helpers_leads_explicitly(helpers):
    assert on_item(f"（市经信委负责，市财政局、市统计局{helpers}）") == {
        ("市经信委", L, EX), ("市财政局", P, EX), ("市统计局", P, EX)}


def test_two_bodies_that_answer_together_keep_the_first_listed_convention():
    found = on_item("（市经信委、市科委负责，市财政局配合）")
    assert ("市经信委", L, INF) in found and ("市科委", P, EX) in found and ("市财政局", P, EX) in found


def test_a_plain_list_closed_by_a_collective_after_a_semicolon_is_a_note():
    found = on_item("（市经信委、市科委；各区落实）")
    assert ("市经信委", L, INF) in found and ("市科委", P, EX) in found and ("各区政府", IM, EX) in found  # 各区 is the table's alias of 各区政府


def test_the_body_that_follows_the_work_up_supervises():
    assert on_item("（市经信委负责，市统计局督办）") == {("市经信委", L, EX), ("市统计局", SU, EX)}


def test_the_city_level_departments_as_a_whole_are_a_collective():
    from ingest.notes import _is_collective
    from ingest.model import Span

    for name in ("市直有关部门", "区直各部门", "县直各单位"):
        assert _is_collective(name, (Span(0, len(name)), "x")), name


def test_one_responsible_body_with_labelled_helpers_leads_explicitly():
    assert on_item("（责任单位：市经信委；配合单位：市财政局；完成时间：持续推进）") == {
        ("市经信委", L, EX), ("市财政局", P, EX)}


def test_a_list_of_bodies_then_its_due_date_is_a_note():
    found = on_item("（市经信委、市科委；2025年6月底前）")
    assert ("市经信委", L, INF) in found and ("市科委", P, EX) in found
