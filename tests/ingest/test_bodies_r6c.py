"""Bodies in sentence shapes that lost them, third pass of the sixth round: a short name no authority file knows in
the middle of a list (市税务局、市人行、市财政局负责…) no longer ends the list, and is reported as a candidate; the body an
office is set in (领导小组办公室设在市发展改革委) is reported as a candidate to review, while the office still leads
(the gold sets read the host as no actor: it hosts, the office acts)."""

from __future__ import annotations

from pathlib import Path

from ingest import parse_plan
from ingest.departments import find_bodies
from ingest.model import Role

_CITY = "四川省成都市"


def owners(tmp_path: Path, items: str) -> set[tuple[str, str, Role]]:
    text = ("成都市人民政府办公厅关于做好城市配送管理工作的通知\n各区（市）县人民政府，市政府各部门：\n" + items
            + "\n成都市人民政府办公厅\n2024年3月5日\n")
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    doc = parse_plan(path)
    names = {d.key: sorted({doc.source[m.start:m.end] for m in d.mentions}, key=len)[0] for d in doc.departments}
    return {(names[r.agent], r.unit_path, r.role) for r in doc.responsibilities}


def test_an_unknown_short_name_inside_a_list_keeps_the_names_before_it(tmp_path):
    found = owners(tmp_path, "一、市税务局、市人行、市财政局负责兑现减税降费政策。\n二、其他事项另行通知。")
    assert {("市税务局", "一", Role.LEAD), ("市财政局", "一", Role.LEAD)} <= found


def test_the_unknown_list_member_is_a_candidate():
    found = find_bodies("市税务局、市邮管、市财政局负责兑现减税降费政策。", jurisdiction=_CITY)
    assert "市邮管" in {c.name for c in found.candidates}
    assert "市邮管" not in {n for d in found.departments for n in [d.pref_label, *d.alt_labels]}


def test_a_clause_between_two_names_is_no_unknown_member():
    found = find_bodies("市税务局、市要加强、市财政局负责。", jurisdiction=_CITY)
    assert not any(c.name == "市要加强" for c in found.candidates)


def test_the_host_of_an_office_is_a_candidate_and_the_office_still_leads(tmp_path):
    items = ("一、市政府成立城市配送工作领导小组，领导小组办公室设在市发展改革委，负责日常工作。\n"
             "二、其他事项另行通知。")
    found = owners(tmp_path, items)
    assert any(role is Role.LEAD and unit == "一" for _, unit, role in found)
    assert not any(name == "市发展改革委" for name, _, _ in found)
    candidates = find_bodies("领导小组办公室设在市发展改革委，负责日常工作。", jurisdiction=_CITY).candidates
    assert "市发展改革委" in {c.name for c in candidates}


# --- how a body, once found, is read (a name table of the test's own, apart from the finder) ----------------------

def _read(sentence: str, names: list[str]) -> set[tuple[str, Role]]:
    import re

    from ingest.classify import classify_units
    from ingest.model import Department, Span
    from ingest.responsibility import assign_responsibilities
    from ingest.structure import parse_structure

    text = "一、重点任务\n（一）" + sentence + "\n（二）其他事项另行安排。\n"
    units = classify_units(parse_structure(text)[0])
    found: dict[str, Department] = {}
    for m in re.finditer("|".join(map(re.escape, sorted(names, key=len, reverse=True))), text):
        dept = found.setdefault(m.group(), Department(m.group(), m.group(), [], "", "collective"))
        dept.mentions.append(Span(m.start(), m.end()))
    return {(r.agent, r.role) for r in assign_responsibilities(text, units, list(found.values()))
            if r.unit_path == "一（一）"}


def test_the_street_offices_as_a_class_implement_like_the_town_governments():
    found = _read("乡镇人民政府、街道办事处要做好隐患排查。", ["乡镇人民政府", "街道办事处"])
    assert found == {("乡镇人民政府", Role.IMPLEMENTER), ("街道办事处", Role.IMPLEMENTER)}


def test_a_named_street_office_still_leads():
    assert _read("望江街道办事处要做好隐患排查。", ["望江街道办事处"]) == {("望江街道办事处", Role.LEAD)}


def test_the_city_and_district_governments_together_implement():
    found = _read("市和区、县（市）人民政府要加大财政投入。", ["市和区、县（市）人民政府"])
    assert found == {("市和区、县（市）人民政府", Role.IMPLEMENTER)}


def test_a_list_of_sectors_closed_by_deng_bumen_implements():
    found = _read("市场监管、公安、交通运输等部门要加强联合执法。", ["市场监管、公安、交通运输等部门"])
    assert found == {("市场监管、公安、交通运输等部门", Role.IMPLEMENTER)}


def test_an_office_that_follows_up_on_the_work_supervises():
    assert _read("市政府督查室督办落实情况。", ["市政府督查室"]) == {("市政府督查室", Role.SUPERVISOR)}


def test_the_state_of_a_work_after_a_reporting_verb_is_its_object():
    assert _read("市统计局每月通报进展情况。", ["市统计局"]) == {("市统计局", Role.LEAD)}


def test_a_check_named_as_a_noun_is_still_no_act():
    assert _read("市政府督查室督查的情况作为考核依据。", ["市政府督查室"]) == set()
