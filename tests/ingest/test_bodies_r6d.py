"""Bodies the finder lost in four common sentence shapes (sixth round, causes traced by helper hb3): 部分别 after a
ministry (交通运输部、住房城乡建设部分别负责…), a court written 中级法院, the towns' governments opening an item after its
label (（三）乡镇人民政府、街道办事处要…), a government's inspection office followed by the verb 督办, and 负责人才 /
负责人口 (the verb 负责 before a noun, not the post 负责人)."""

from __future__ import annotations

from pathlib import Path

from ingest import parse_plan
from ingest.model import Role


def owners(tmp_path: Path, items: str, issuer: str = "成都市人民政府办公厅", head: str = "成都市") -> set[tuple[str, str, Role]]:
    text = (f"{head}人民政府办公厅关于做好城市基层治理工作的通知\n各区（市）县人民政府，市政府各部门：\n" + items
            + f"\n{issuer}\n2024年3月5日\n")
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    doc = parse_plan(path)
    names = {d.key: {doc.source[m.start:m.end] for m in d.mentions} | {d.pref_label} for d in doc.departments}
    return {(name, r.unit_path, r.role) for r in doc.responsibilities for name in names[r.agent]}


def test_two_ministries_before_fenbie_both_lead(tmp_path):
    found = owners(tmp_path, "一、交通运输部、住房城乡建设部分别负责道路运输和城市建设的监督检查。\n二、其他事项另行通知。",
                   issuer="国务院办公厅", head="国务院")
    agents = {name for name, unit, _ in found if unit == "一"}
    assert "交通运输部" in agents and "住房城乡建设部" in agents


def test_a_court_written_short_is_a_body(tmp_path):
    found = owners(tmp_path, "一、市中级法院负责涉企案件的繁简分流。\n二、其他事项另行通知。")
    assert any("中级法院" in name and unit == "一" for name, unit, _ in found)


def test_towns_right_after_an_item_label_are_found():
    from ingest.departments import find_bodies

    found = find_bodies("（一）乡镇人民政府、街道办事处要落实网格员配备。", jurisdiction="四川省成都市")
    assert any(d.pref_label.endswith("乡镇人民政府") for d in found.departments)


def test_an_inspection_office_followed_by_dubàn_keeps_its_name(tmp_path):
    found = owners(tmp_path, "一、各区要落实基层减负要求，市政府督查室督办落实情况。\n二、其他事项另行通知。")
    names = {name for name, _, _ in found}
    assert "市政府督查室" in names and not any(name.endswith("督办") for name in names)


def test_fuze_before_talent_is_the_verb_not_the_post(tmp_path):
    found = owners(tmp_path, "一、市委组织部、市人社局负责人才引进工作。\n二、其他事项另行通知。")
    assert {("市委组织部", "一", Role.LEAD), ("市人社局", "一", Role.LEAD)} <= found


def test_banner_and_league_organs_have_their_kind():
    from ingest.departments import _category_of

    assert _category_of("旗委组织部") == "party" and _category_of("盟委") == "party"
    assert _category_of("盟行政公署") == "government"
    assert _category_of("联盟委员会") == "other"


def test_a_province_whose_name_ends_in_zhou_keeps_its_level_in_a_body_s_other_names():
    from ingest.departments import find_bodies

    found = find_bodies("责任单位：省市场监管局、省公安厅", jurisdiction="贵州省")
    labels = {n for d in found.departments for n in d.alt_labels}
    assert "省市场监管局" in labels
    assert not any(n.startswith(("州", "贵州市")) for n in labels)  # 贵州 is a province, not 贵 + a prefecture
