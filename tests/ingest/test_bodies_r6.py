"""Bodies of district and county documents (issue 20, sixth round): a district written after its city in a
government's name (X市Y区人民政府) is a place of its own, so its bureaus and Party organs written with it keep it
(Y区发展和改革局, Y区委组织部, Y供电局); a body written with the document's own district and the same body written
with the bare level (区发展和改革局, 区发改局) are one organisation; short and full forms of one function
(区人社局 / 区人力资源和社会保障局) are one; an issuer that writes its place in full decides the jurisdiction over a
number prefix the table gives to another city."""

from __future__ import annotations

from ingest.model import DocumentMeta
from ingest.pipeline import parse_text

_HEAD = ("佛山市南海区人民政府办公室关于印发某项工作方案的通知\n南府办〔2031〕3号\n各镇人民政府、街道办事处，区政府各部门：\n"
         "现将《某项工作方案》印发给你们，请认真执行。\n佛山市南海区人民政府办公室\n2031年3月1日\n某项工作方案\n一、工作任务\n")


def read(body: str, head: str = _HEAD) -> tuple[dict[str, set[str]], str]:
    """(each body's label → the names the text writes for it, the document's jurisdiction)."""
    text = head + body + "\n"
    doc = parse_text(text, DocumentMeta(slug="d", title="", source_file="d.txt"))
    return ({d.pref_label: {m.text(doc.source) for m in d.mentions} for d in doc.departments},
            doc.meta.jurisdiction)


def test_the_issuer_written_in_full_decides_the_jurisdiction_over_the_number_prefix():
    _, jurisdiction = read("1.做好服务。（区财政局负责）")
    assert jurisdiction.endswith("南海区") and "南宁" not in jurisdiction


def test_a_bureau_written_with_its_district_keeps_the_district_and_is_the_bare_levels_one():
    bodies, _ = read("1.开展评审。（南海区发展和改革局牵头，区财政局配合）\n2.兑现奖励。（区发改局负责）")
    written = [names for names in bodies.values() if "南海区发展和改革局" in names]
    assert len(written) == 1 and written[0] >= {"南海区发展和改革局", "区发改局"}


def test_a_party_organ_written_with_its_district_keeps_it():
    bodies, _ = read("1.加强宣传。（南海区委组织部负责）")
    assert any("南海区委组织部" in names for names in bodies.values())


def test_a_utility_named_after_the_district_short_name_is_a_body():
    bodies, _ = read("1.保障用电。南海供电局负责电力接入。")
    assert any("南海供电局" in names for names in bodies.values())


def test_short_and_full_forms_of_one_function_are_one_body():
    bodies, _ = read("1.落实补贴。（区人社局负责）\n2.发放补贴。（区人力资源和社会保障局、区财政局负责）")
    both = [names for names in bodies.values() if "区人社局" in names]
    assert len(both) == 1 and "区人力资源和社会保障局" in both[0]


def test_a_tax_branch_of_the_district_is_one_body():
    bodies, _ = read("1.落实减税。国家税务总局佛山市南海区税务局负责落实税收优惠。")
    assert any("国家税务总局佛山市南海区税务局" in names for names in bodies.values())


def test_a_place_read_after_a_city_is_no_word_of_a_clause():
    bodies, _ = read("1.统筹推进。（区政府办公室负责，各镇（街道）配合）")
    assert not any(label.startswith(("佛山市辖", "南海区各")) for label in bodies)


_CITY = "某市某项工作方案\n一、工作任务\n"


def names(body: str, head: str = _CITY) -> set[str]:
    """Every name the text writes for a body."""
    found, _ = read(body, head)
    return set().union(*found.values()) if found else set()


def test_an_approval_bureau_and_an_office_named_by_one_word_of_its_work_are_bodies():
    written = names("1.简化审批。（区行政审批局牵头，县行政审批服务局、市优化办配合）")
    assert {"区行政审批局", "县行政审批服务局", "市优化办"} <= written


def test_a_zone_committee_written_by_its_kind_alone_or_after_a_longer_name():
    written = names("1.园区建设。（高新区管委会牵头，某某金融服务区管委会、某某旅游度假区管委会配合）")
    assert {"高新区管委会", "某某金融服务区管委会", "某某旅游度假区管委会"} <= written


def test_an_organs_office_and_the_office_a_committee_shares_with_its_government():
    written = names("1.加强督查。（区人大常委会办公室、区委区政府督查室负责）")
    assert {"区人大常委会办公室", "区委区政府督查室"} <= written
    assert "区委" not in written


def test_a_town_government_and_a_street_office_named_with_their_place():
    written = names("1.开展试点。甲山镇人民政府、乙城街道办事处负责试点，所在镇人民政府予以配合。")
    assert {"甲山镇人民政府", "乙城街道办事处"} <= written
    assert not any(n.startswith("所在") for n in written)


def test_a_branch_centre_runs_on_from_its_parent():
    written = names("1.落实公积金政策。佛山市住房公积金管理中心顺德分中心负责落实。")
    assert "佛山市住房公积金管理中心顺德分中心" in written


def test_the_cities_of_a_province_and_a_citys_direct_departments_are_collectives():
    head = "某省某项措施\n一、措施\n"
    assert "各地级以上市人民政府" in names("1.推进项目。（省发展改革委、各地级以上市人民政府按职责分工负责）", head)
    assert "市直有关部门" in names("1.提升服务。（牵头单位：市行政审批服务局；责任单位：市直有关部门）")


def test_a_central_short_name_in_a_list_a_local_name_opens_is_the_local_one():
    head = "广东省人民政府办公厅关于印发某项方案的通知\n粤府办〔2031〕5号\n某项方案\n一、任务\n"
    found, _ = read("1.推进项目。（省发展改革委、交通运输厅、能源局等省有关部门按职责分工负责）", head)
    energy = [label for label, written in found.items() if "能源局" in written]
    assert energy and not energy[0].startswith("国家")
    found, _ = read("1.融资支持。（责任单位：省财政厅、省地方金融监管局、人民银行南昌中心支行）", head)
    assert any("人民银行南昌中心支行" in written for written in found.values())


_COUNTY = "某县某项管理实施细则\n第一章 总则\n"


def test_a_county_rules_bodies_by_their_local_forms():
    written = names("第二条 县城市管理综合行政执法局负责执法。县消防救援大队、县公安局交通警察大队按职责负责。\n"
                    "第三条 县城乡建设行政主管部门负责日常管理。", _COUNTY)
    assert {"县城市管理综合行政执法局", "县消防救援大队", "县公安局交通警察大队", "县城乡建设行政主管部门"} <= written


def test_a_level_letter_inside_a_word_makes_no_designation():
    written = names("第二条 城市规划部门负责审查。", _COUNTY)
    assert "市规划部门" not in written


def test_party_departments_by_their_full_names():
    written = names("第二条 县委机构编制委员会办公室、县委统一战线工作部负责指导。", _COUNTY)
    assert {"县委机构编制委员会办公室", "县委统一战线工作部"} <= written and "县委" not in written


def test_the_towns_governments_and_the_streets_offices():
    written = names("第二条 各乡镇人民政府、街道办事处负责本辖区的工作。\n第三条 各镇人民政府（街道办事处）负责宣传。", _COUNTY)
    assert {"各乡镇人民政府", "街道办事处", "各镇人民政府（街道办事处）"} <= written


def test_a_county_the_gazetteer_does_not_know_opens_the_title_under_its_citys_number():
    head = "宁乡县2031年优化营商环境工作要点\n长营商办〔2031〕3号\n各镇人民政府、街道办事处：\n一、主要目标\n"
    found, jurisdiction = read("（一）新增经营主体。\n责任单位：县市场监管局", head)
    assert jurisdiction == "长沙市宁乡县"
    assert any(label.endswith("宁乡县市场监管局") for label in found)


def test_a_local_body_is_found_by_its_other_local_forms():
    from ingest.departments import find_bodies

    source = "一、任务\n1.做好宣传。（南海区委组织部负责）\n2.落实税收优惠。（国家税务总局佛山市南海区税务局负责）\n"
    bodies = find_bodies(source, jurisdiction="佛山市南海区").departments
    forms = {d.pref_label: set(d.alt_labels) for d in bodies}
    assert {"南海区委组织部", "区委组织部"} <= forms["佛山市南海区委组织部"]
    assert {"南海区税务局", "区税务局"} <= forms["国家税务总局佛山市南海区税务局"]


def test_a_zone_and_a_bare_tax_bureau_named_as_owners_in_a_list():
    written = names("1.增加收入。\n牵头单位：区财政局\n责任单位：甲山经济开发区，各街道，税务局\n"
                    "2.招商。（区商务局牵头，工业园区、各类开发区配合）")
    assert {"甲山经济开发区", "税务局"} <= written
    assert not {"工业园区", "各类开发区"} & written


def test_a_groups_member_units_are_a_collective():
    written = names("1.做好防控。[牵头单位：区卫健局；责任单位：区疫情防控指挥部成员单位、各街道]")
    assert "区疫情防控指挥部成员单位" in written


def test_the_offices_and_collectives_of_a_joint_party_and_government_text():
    written = names("1.理论武装。（区委宣传部牵头，区委办、区政府办配合）\n"
                    "2.基层党建。（区委组织部牵头，各街道党工委、办事处，各驻区单位负责）\n"
                    "3.依法治理。（区委深改委办公室、区委依法治区办负责）")
    assert {"区委办", "区政府办", "各街道党工委、办事处", "各驻区单位", "区委深改委办公室", "区委依法治区办"} <= written
    assert not {"区委", "区政府"} & written


def test_a_county_rules_collectives_without_each():
    written = names("第二条 县人民政府有关部门按照职责分工负责。\n第三条 乡（镇）人民政府负责本辖区的工作。"
                    "乡镇人民政府应当建立台账。街道办事处负责城区的管理。", _COUNTY)
    assert {"县人民政府有关部门", "乡（镇）人民政府", "乡镇人民政府", "街道办事处"} <= written


def test_a_town_government_inside_a_phrase_is_no_collective():
    written = names("第二条 县农业农村局负责指导所在地乡镇人民政府的工作。", _COUNTY)
    assert "乡镇人民政府" not in written


def test_a_provinces_vertical_units_state_companies_and_collectives():
    head = "浙江省人民政府办公厅关于印发某项方案的通知\n浙政办发〔2031〕9号\n某项方案\n一、任务\n"
    written = names("1.数据共享。（省通信管理局、中国电信浙江公司、中国联通浙江省分公司、国网浙江省电力有限公司负责）\n"
                    "2.统筹。（省直有关部门、省有关单位、省军区、省委人才办按职责分工负责）", head)
    assert {"中国电信浙江公司", "中国联通浙江省分公司", "国网浙江省电力有限公司", "省直有关部门", "省有关单位",
            "省军区", "省委人才办"} <= written
    assert not {"浙江省分公司", "浙江省电力有限公司", "省委"} & written


def test_a_branch_named_by_a_place_alone_is_no_body():
    written = names("1.保险服务。（某保险公司浙江省分公司、省财政厅负责）")
    assert not any(n.endswith("省分公司") and len(n) <= 6 for n in written)


def test_a_table_row_of_owners_after_a_lead_mark_and_a_customs_office_of_an_unknown_place():
    head = ("苏州市吴江区人民政府关于印发某项方案的通知\n某项方案\n序号\t重点工作目标任务\t责任单位\n")
    found, _ = read("1\t地区生产总值增长5%以上。\t★区发改委、统计局\n2\t进出口稳中提质。\t★区商务局、甲乙海关\n", head)
    labels = {label for label, written in found.items() if "统计局" in written}
    assert labels and not any(label.startswith("国家") for label in labels)
    assert any("甲乙海关" in written for written in found.values())


def test_grassroots_collectives_emergency_committees_and_an_office_with_its_second_name():
    written = names("1.基层治理。各社区居委会、各村委会、各街道综治中心负责落实。\n"
                    "2.安全生产。（区安委会办公室、区安委办、区减灾委、区防指负责）\n"
                    "3.数据共享。（区政府办（区大数据局）牵头）")
    # the office and its second name in brackets are one body, written as a whole (seventh round)
    assert {"各社区居委会", "各村委会", "各街道综治中心", "区安委会办公室", "区安委办", "区减灾委", "区防指",
            "区政府办（区大数据局）"} <= written
    assert not {"区安委", "区政府", "街道综治中心"} & written


def test_a_committee_written_short_with_its_office_and_no_verb_taken_for_one():
    written = names("1.市发改委会同市财政局负责。市教委办理相关事项。市编委办、市爱卫会负责。")
    assert {"市发改委", "市教委", "市编委办", "市爱卫会"} <= written
    assert not {"市发改委会", "市教委办"} & written
