"""Bodies and duties read from local notations (seventh round, second pass): in a county-level city's text 市
names the city itself (市经信局 of a 县级市 is its own bureau, not the prefecture's); a labelled line whose label puts
a role word before 责任 (牵头责任单位： / 协同责任单位：) keeps that role and starts its evidence at the role word.
Texts written for these tests."""

from __future__ import annotations

from ingest import parse_text
from ingest.levels import expand_name
from ingest.model import DocumentMeta


def _parse(text: str, jurisdiction: str = "青禾市"):
    return parse_text(text, DocumentMeta(slug="t", title="", jurisdiction=jurisdiction))


def _explicit(doc) -> list[tuple[str, str, str]]:
    by_key = {d.key: d for d in doc.departments}
    return [(by_key[r.agent].pref_label, r.role.value, r.evidence)
            for r in doc.responsibilities if r.basis.value == "explicit"]


def test_county_level_city_names_its_own_bureaus():
    assert expand_name("市经信局", "浙江省绍兴市嵊州市") == "绍兴市嵊州市经信局"
    assert expand_name("市经信局", "浙江省绍兴市") == "绍兴市经信局"
    assert expand_name("区发改委", "绍兴市越城区") == "绍兴市越城区发改委"


def test_county_level_city_bureau_in_owner_note():
    text = ("一、支持企业技术改造\n\n对当年认定为绍兴市级智能工厂的企业，给予一次性奖励20万元。（责任单位：市经信局）\n")
    doc = _parse(text, "浙江省绍兴市嵊州市")
    names = {d.pref_label for d in doc.departments}
    assert any("嵊州市经信局" in n for n in names), names
    assert "绍兴市经信局" not in names


def test_role_word_before_responsibility_label():
    text = ("一、扩大有效投资\n\n1．全年新开工重点项目一百个。\n\n牵头责任单位：市发展改革委。\n\n"
            "协同责任单位：市经信局、市商务局等，各县、市、区政府。\n")
    roles = _explicit(_parse(text))
    lead = [r for r in roles if r[0].endswith("发展改革委")]
    assert lead and all(role == "lead" and ev.startswith("牵头责任单位") for _, role, ev in lead), roles
    helpers = [r for r in roles if r[0].endswith(("经信局", "商务局"))]
    assert helpers and all(role == "participant" and ev.startswith("协同责任单位") for _, role, ev in helpers), roles


def _bodies_and_roles(text: str, jurisdiction: str = "安徽省青禾市"):
    doc = _parse(text, jurisdiction)
    names = {d.key: d.pref_label for d in doc.departments}
    return set(names.values()), {(names[r.agent], r.role.value, r.unit_path) for r in doc.responsibilities}


def test_local_branch_of_the_peoples_bank_in_a_list():
    bodies, roles = _bodies_and_roles("一、稳定融资\n\n1．扩大普惠小微贷款投放。\n\n"
                                      "协同责任单位：市税务局、市人行、市财政局等。\n")
    assert "青禾市人行" in bodies
    assert ("青禾市人行", "participant", "一1") in roles


def test_pedestrian_words_are_no_bank():
    bodies, _ = _bodies_and_roles("一、城市建设\n\n1．市住建局负责完善城市人行道和市人行天桥，引导全市人行动起来。\n")
    assert bodies == {"青禾市住建局"}


def test_levels_listed_before_a_government_share_its_name():
    text = "第一条 为了加强绿地管理，制定本办法。\n\n第五条 市、区人民政府应当将绿地建设纳入国民经济和社会发展规划。\n"
    bodies, roles = _bodies_and_roles(text)
    assert {"青禾市人民政府", "青禾市区人民政府"} <= bodies
    assert ("青禾市人民政府", "lead", "第五条") in roles


def test_a_word_ending_in_a_level_is_no_level_list():
    text = "第一条 为了加强绿地管理，制定本办法。\n\n第二条 城市、区人民政府应当将绿地建设纳入规划。\n"
    bodies, _ = _bodies_and_roles(text)
    assert "青禾市人民政府" not in bodies


def test_a_governments_department_in_charge_of_any_matter():
    text = ("第一条 为了加强绿地管理，制定本办法。\n\n第四条 市园林行政主管部门负责绿地的监督管理；"
            "区人民政府绿地行政主管部门负责区属绿地的日常监督。\n")
    bodies, roles = _bodies_and_roles(text)
    assert "青禾市区人民政府绿地行政主管部门" in bodies
    assert ("青禾市区人民政府绿地行政主管部门", "lead", "第四条") in roles


def test_matters_listed_between_a_level_and_a_designation_are_departments():
    text = ("第一条 为了加强绿地管理，制定本办法。\n\n第四条 市园林行政主管部门负责绿地的监督管理。\n\n"
            "市财政、公安、城管执法等行政部门，按照各自职责，共同做好绿地监督管理工作。\n")
    bodies, roles = _bodies_and_roles(text)
    assert {"青禾市财政行政部门", "青禾市公安行政部门", "青禾市城管执法行政部门"} <= bodies
    assert any(name == "青禾市城管执法行政部门" and unit == "第四条" for name, _, unit in roles)


def test_a_list_of_clauses_before_a_designation_names_no_department():
    text = "第一条 为了加强绿地管理，制定本办法。\n\n第二条 全市加强管理、提高服务等主管部门要做好。\n"
    bodies, _ = _bodies_and_roles(text)
    assert not any(b.endswith("提高服务主管部门") for b in bodies)
