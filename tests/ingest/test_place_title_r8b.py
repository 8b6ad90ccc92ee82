"""A line that opens with a clause ending on a level word names no place (eighth round, helper xr8b).

Local pages often carry a title or signature that starts with words ending on 市 / 县 / 区 before a body word
(a county head's meeting note, a city campaign office's signature): no county or city is named there, so bodies
written with a bare level (县农业农村局, 市国土局) keep the name as written instead of a made-up place."""

from ingest.authority import _leading_place, jurisdiction_of


def test_clause_ending_on_a_level_is_no_place():
    # a meeting note's title: the county head chairs a 县长办公会议 - 牛琛主持召开县 is no county
    assert _leading_place("张某主持召开县长办公会议") == ""
    # a campaign office's signature: 市国家卫生城市 is no city
    assert _leading_place("市国家卫生城市建设工作指挥部办公室") == ""
    assert jurisdiction_of(title="张某主持召开县长办公会议", text="会议强调，县农业农村局要做好技术指导。") == ""


def test_short_and_autonomous_unknown_places_still_read():
    assert _leading_place("宁强县人民政府办公室") == "宁强县"
    assert _leading_place("市中区人民政府") == "市中区"
    assert _leading_place("峨边彝族自治县人民政府") == "峨边彝族自治县"
    assert _leading_place("杭州市淳安县人民政府").endswith("杭州市淳安县")


def test_a_zone_after_its_city_is_still_its_place():
    assert _leading_place("宁波市甬江经济技术开发区管理委员会").endswith("宁波市甬江经济技术开发区")
