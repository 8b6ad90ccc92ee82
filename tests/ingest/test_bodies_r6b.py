"""Local bodies, second pass of the sixth round: the league (盟) and banner (旗) levels of Inner Mongolia written as a
level prefix like 州 and 县 (盟行政公署, 旗人民政府, 旗发改委, 各旗县（市、区）人民政府); a name followed by
负责人才工作 / 负责人口… still acting (负责 + 人才, not the post 负责人); lists whose later members leave out the
level or place their first member writes (区发改局牵头，财政局、人社局配合; 南海区发改局、财政局)."""

from __future__ import annotations

from ingest.departments import find_bodies

_LEAGUE = "内蒙古自治区锡林郭勒盟"
_BANNER = "内蒙古自治区锡林郭勒盟正蓝旗"


def names(text: str, jurisdiction: str) -> dict[str, set[str]]:
    """Each body found → the names the text writes for it."""
    found = find_bodies(text, jurisdiction=jurisdiction)
    return {d.pref_label: {text[m.start:m.end] for m in d.mentions} for d in found.departments}


def written(text: str, jurisdiction: str) -> set[str]:
    return {n for ns in names(text, jurisdiction).values() for n in ns}


# --- 盟 and 旗 as levels -------------------------------------------------------------------------------------

def test_a_league_administration_and_a_banner_government_are_bodies_of_their_places():
    bodies = names("盟行政公署统筹推进，旗人民政府抓好落实。", _BANNER)
    assert any(label.endswith("锡林郭勒盟行政公署") for label in bodies)
    assert any(label.endswith("正蓝旗人民政府") for label in bodies)


def test_a_banner_bureau_written_with_the_bare_level_is_the_document_banner_one():
    bodies = names("旗发改委牵头，旗财政局、旗市场监管局配合。", _BANNER)
    assert {"锡林郭勒盟正蓝旗发改委", "锡林郭勒盟正蓝旗财政局", "锡林郭勒盟正蓝旗市场监管局"} <= set(bodies)


def test_the_banners_as_a_class_are_a_collective():
    assert "各旗县（市、区）人民政府" in written("各旗县（市、区）人民政府要压实责任。", _LEAGUE)
    assert "旗直有关部门" in written("旗直有关部门按职责分工抓好落实。", _BANNER)


def test_a_banner_townships_and_villages_as_a_class_are_collectives():
    found = written("各苏木镇人民政府要压实属地责任，各嘎查村委会做好摸排。", _BANNER)
    assert {"各苏木镇人民政府", "各嘎查村委会"} <= found


def test_league_and_banner_inside_ordinary_words_name_nothing():
    text = "推动产业联盟发展，打造行业旗舰企业，升国旗仪式由学校办公室组织。"
    assert not any(n.startswith(("盟", "旗")) for n in written(text, _LEAGUE))


def test_a_banner_word_starting_a_clause_is_no_body():
    assert written("旗下企业要加强安全管理。", _BANNER) == set()


# --- 负责人才 is acting, not the post 负责人 ------------------------------------------------------------------

def test_designations_before_responsible_for_talent_work_are_bodies():
    found = written("人力资源社会保障部门、科技部门负责人才工作。", "广东省广州市")
    assert {"人力资源社会保障部门", "科技部门"} <= found


def test_an_office_before_responsible_for_the_census_keeps_its_full_name():
    assert "区政府办公室" in written("区政府办公室负责人口普查工作。", "广东省广州市黄埔区")


def test_the_post_of_head_still_stops_a_designation():
    assert "市科技部门" not in written("市科技部门负责人应当到会。", "广东省广州市")


# --- a list that writes its level or place once -----------------------------------------------------------------

_DISTRICT = "广东省佛山市南海区"


def test_an_unbracketed_owner_note_gives_its_level_to_the_helpers():
    bodies = names("区发改局牵头，财政局、人社局配合。", _DISTRICT)
    helpers = {label: ns for label, ns in bodies.items() if label.endswith(("财政局", "人社局"))}
    assert len(helpers) == 2 and all(label.startswith("佛山市南海区") for label in helpers)
    assert {"财政局", "人社局"} <= {n for ns in helpers.values() for n in ns}  # the written form stays a name


def test_a_verb_after_the_lead_clause_ends_the_list():
    assert set(names("区发改局牵头，财政局要保障资金。", _DISTRICT)) == {"佛山市南海区发改局"}
    assert set(names("区发改局牵头，做好办公室配合。", _DISTRICT)) == {"佛山市南海区发改局"}


def test_a_market_regulation_bureau_is_a_member_though_it_opens_with_shi():
    found = names("责任单位：县工信局、商务局、市场监管局", "湖南省长沙市长沙县")
    assert "长沙市长沙县市场监管局" in found


def test_a_list_opened_by_a_bureau_written_with_its_place_gives_the_place_to_the_rest():
    found = names("责任单位：南海区发改局、财政局", _DISTRICT)
    finance = [label for label in found if label.endswith("财政局")]
    assert len(finance) == 1 and "南海区" in finance[0] and "财政局" in found[finance[0]]


def test_a_later_lead_of_the_list_gives_its_own_prefix():
    found = names("（开发区经信局、商旅局、区财政局、人社局负责）", "广东省广州市黄埔区")
    assert "开发区商旅局" in found
    assert [label for label in found if label.endswith("人社局")] == ["广州市黄埔区人社局"]


def test_a_line_of_owners_with_separate_lead_and_helpers_fields():
    found = written("牵头单位：区发改局；配合单位：财政局、人社局", _DISTRICT)
    assert {"区发改局", "财政局", "人社局"} <= found


def test_an_unknown_word_never_joins_a_place_prefixed_list():
    found = names("南海区发改局、某某协调办等单位。", _DISTRICT)
    assert not any("协调办" in label for label in found)


# --- a bureau with no level in a county's, district's or zone's own owner notes ------------------------------------

def _parsed(head: str, body: str) -> dict[str, set[str]]:
    from ingest.model import DocumentMeta
    from ingest.pipeline import parse_text

    doc = parse_text(head + body + "\n", DocumentMeta(slug="d", title="", source_file="d.txt"))
    return {d.pref_label: {m.text(doc.source) for m in d.mentions} for d in doc.departments}


_ZONE_HEAD = ("芜湖经济技术开发区管理委员会关于印发某项行动方案的通知\n管委会各部门，各街道：\n现将方案印发给你们，请遵照执行。\n"
              "芜湖经济技术开发区管理委员会\n2031年3月1日\n一、重点任务\n")
_DISTRICT_HEAD = ("佛山市南海区人民政府办公室关于印发某项工作方案的通知\n南府办〔2031〕3号\n各镇人民政府、街道办事处，区政府各部门：\n"
                  "现将方案印发给你们，请认真执行。\n佛山市南海区人民政府办公室\n2031年3月1日\n某项工作方案\n一、工作任务\n")


def test_a_zone_committees_document_reads_its_bare_bureaus_as_its_own():
    bodies = _parsed(_ZONE_HEAD, "1.完善道路。（规划建设局牵头，经济发展局配合）")
    assert bodies.get("开发区规划建设局") == {"规划建设局"}
    assert bodies.get("开发区经济发展局") == {"经济发展局"}


def test_an_owner_note_written_with_you_reads_the_bare_bureau_after_it():
    from ingest.departments import find_bodies

    found = [d.pref_label for d in find_bodies("（由财政局负责）", jurisdiction="芜湖经济技术开发区").departments]
    assert found == ["开发区财政局"]


def test_a_zone_that_writes_its_bureaus_with_gaoxinqu_keeps_that_word():
    from ingest.sharedprefix import _own_level_word

    text = "（高新区财政局负责）……（财政局、经济发展局配合）"
    assert _own_level_word(text, "某某高新技术产业开发区") == "高新区"
    assert _own_level_word("（财政局负责）", "某某高新技术产业开发区") == "高新区"


def test_a_district_governments_document_reads_its_bare_bureaus_at_its_level():
    bodies = _parsed(_DISTRICT_HEAD, "1.优化服务。（政务服务数据管理局牵头，财政局配合）")
    assert any(label.endswith("南海区财政局") and "财政局" in names for label, names in bodies.items())


def test_a_bare_bureau_outside_an_owner_note_or_in_a_city_text_is_left_alone():
    from ingest.departments import find_bodies

    assert find_bodies("财政局要统筹资金。", jurisdiction="芜湖经济技术开发区").departments == []
    assert find_bodies("（财政局配合）", jurisdiction="广东省广州市").departments == []
    assert find_bodies("（财政局配合）", jurisdiction="中华人民共和国").departments == []


def test_a_table_row_of_owners_in_a_county_text_reads_bare_bureaus_at_its_level():
    from ingest.departments import find_bodies

    text = "序号 | 任务 | 责任单位 | 时限\n1 | 完善道路 | 规划建设局、财政局 | 2031年底\n2 | 统筹 | 财政局要统筹 | 持续\n"
    found = {d.pref_label: len(d.mentions) for d in find_bodies(text, jurisdiction="湖南省长沙市长沙县").departments}
    assert found == {"长沙市长沙县规划建设局": 1, "长沙市长沙县财政局": 1}  # 财政局要统筹 is a clause, not a cell of owners
