"""Government bodies: recognition with exact spans, resolution within a jurisdiction, names over time."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.departments import (
    NATIONAL,
    authority,
    configure_authority,
    expand_name,
    find_departments,
    jurisdiction_of,
    name_history,
    resolve_name,
)

SH = "上海市"
PUDONG = "上海市浦东新区"


def _found(text: str, jurisdiction: str = "", when: date | None = None) -> list[tuple[str, str]]:
    """(name as written at its first mention, preferred label), in order of first mention."""
    out = []
    for dept in find_departments(text, jurisdiction=jurisdiction, when=when):
        written = dept.mentions[0].text(text)
        assert written in (dept.pref_label, *dept.alt_labels), "the name as written is always a label"
        out.append((written, dept.pref_label))
    return out


def _keys(text: str, jurisdiction: str = "", when: date | None = None) -> list[str]:
    return [d.key for d in find_departments(text, jurisdiction=jurisdiction, when=when)]


# ------------------------------------------------------------------------------------------ central bodies


@pytest.mark.parametrize(
    ("written", "key", "pref_label"),
    [
        ("国家发展和改革委员会", "cn-ndrc", "国家发展和改革委员会"),
        ("国家发展改革委", "cn-ndrc", "国家发展和改革委员会"),
        ("发展改革委", "cn-ndrc", "国家发展和改革委员会"),
        ("工业和信息化部", "cn-miit", "工业和信息化部"),
        ("工信部", "cn-miit", "工业和信息化部"),
        ("人力资源社会保障部", "cn-ministry-of-human-resources-and-social-security", "人力资源和社会保障部"),
        ("中国人民银行", "cn-peoples-bank-of-china", "中国人民银行"),
        ("人民银行", "cn-peoples-bank-of-china", "中国人民银行"),
        ("银保监会", "cn-cbirc", "中国银行保险监督管理委员会"),
        ("金融监管总局", "cn-nfra", "国家金融监督管理总局"),
        ("海关总署", "cn-general-administration-of-customs", "海关总署"),
        ("国家税务总局", "cn-state-taxation-administration", "国家税务总局"),
        ("市场监管总局", "cn-samr", "国家市场监督管理总局"),
        ("科技部", "cn-ministry-of-science-and-technology", "科学技术部"),
        ("财政部", "cn-ministry-of-finance", "财政部"),
        ("商务部", "cn-ministry-of-commerce", "商务部"),
        ("生态环境部", "cn-ministry-of-ecology-and-environment", "生态环境部"),
        ("国务院办公厅", "cn-general-office-of-the-state-council", "国务院办公厅"),
        ("国家外汇局", "cn-safe", "国家外汇管理局"),
        ("全国工商联", "cn-all-china-federation-of-industry-and-commerce", "中华全国工商业联合会"),
    ],
)
def test_central_bodies_by_full_and_short_name(written, key, pref_label):
    text = f"请{written}牵头做好政策衔接。"
    (dept,) = find_departments(text, jurisdiction=NATIONAL)
    assert (dept.key, dept.pref_label, dept.mentions[0].text(text)) == (key, pref_label, written)
    assert dept.jurisdiction == NATIONAL and dept.pref_label_en


# ------------------------------------------------------------------------------------------ boundaries


@pytest.mark.parametrize(
    ("text", "jurisdiction", "expected"),
    [
        # the verb in front is not part of the name
        ("依托市大数据中心搭建统一的申报平台。", SH, [("市大数据中心", "上海市大数据中心")]),
        # the longest name wins: a bureau inside a bureau, the general office rather than the government
        ("市公安局出入境管理局优化外籍人才签证办理。", SH, [("市公安局出入境管理局", "上海市公安局出入境管理局")]),
        ("市政府办公厅会同市财政局开展督办。", SH,
         [("市政府办公厅", "上海市人民政府办公厅"), ("市财政局", "上海市财政局")]),
        # 市容 inside a district bureau's name is not a municipal body
        ("区绿化市容局负责落实道路保洁。", PUDONG, [("区绿化市容局", "上海市浦东新区绿化市容局")]),
        # 等部门 ends a list and is not a name
        ("市经信委、市商务委等部门按职责分工负责。", SH,
         [("市经信委", "上海市经济和信息化委员会"), ("市商务委", "上海市商务委员会")]),
        ("发展改革委、工业和信息化部等按职责推进。", NATIONAL,
         [("发展改革委", "国家发展和改革委员会"), ("工业和信息化部", "工业和信息化部")]),
        # words that look like bodies
        ("激发市场主体活力，提高市民满意度，推动区域协同和各区域联动，形成良好局面，完善办法，更新中心城区。",
         SH, []),
        # a central body's local branches
        ("国家税务总局上海市税务局、上海海关和人民银行上海总部共同支持。", SH,
         [("国家税务总局上海市税务局", "国家税务总局上海市税务局"), ("上海海关", "中华人民共和国上海海关"),
          ("人民银行上海总部", "中国人民银行上海总部")]),
        ("国家税务总局广州市税务局落实减税政策。", "广州市", [("国家税务总局广州市税务局", "国家税务总局广州市税务局")]),
        # provincial, county and town bodies no file knows
        ("省经信委会同省财政厅制定细则。", "湖北省",
         [("省经信委", "湖北省经信委"), ("省财政厅", "湖北省财政厅")]),
        ("县农业农村局指导各镇开展试点。", "浙江省杭州市淳安县",
         [("县农业农村局", "杭州市淳安县农业农村局"), ("各镇", "杭州市淳安县各镇")]),
        # 市民 and 市中心 are no bodies, but 市民政局 and 市中小企业服务中心 are
        ("市民政局会同市中小企业服务中心走访市民。", "广州市",
         [("市民政局", "广州市民政局"), ("市中小企业服务中心", "广州市中小企业服务中心")]),
        ("市政务服务中心优化流程。", "广州市", [("市政务服务中心", "广州市政务服务中心")]),
        # a document number and a cited title name no actor; nor does the consent behind a document
        ("按照国办发〔2021〕2号文件要求推进。", NATIONAL, []),
        ("贯彻《国务院关于推进数字经济发展的意见》精神。", NATIONAL, []),
        ("经市政府同意，现印发给你们。", SH, []),
        ("改造人行道和人行横道。", SH, []),
        # offices and sub-offices
        ("对推进不力的，由市政府督查室通报。", "广州市", [("市政府督查室", "广州市政府督查室")]),
        ("市数字化转型工作领导小组办公室负责日常工作。", "广州市",
         [("市数字化转型工作领导小组办公室", "广州市数字化转型工作领导小组办公室")]),
        # bodies a plan sets up: the verb in front is not part of the name; a bare name gets the jurisdiction
        ("发挥市跨境电商综试区建设工作领导小组统筹作用。", "杭州市",
         [("市跨境电商综试区建设工作领导小组", "杭州市跨境电商综试区建设工作领导小组")]),
        # (a conference only held is no body: seventh round; here it also acts)
        ("定期召开楼宇经济联席会议，研究重大事项。楼宇经济联席会议负责统筹协调。", "上海市静安区",
         [("楼宇经济联席会议", "上海市静安区楼宇经济联席会议")]),
        # a prefecture's bodies, and 州 inside a city's name is no prefix
        ("由州政府统筹，州发展改革委牵头，广州市和杭州市配合。", "四川省凉山彝族自治州",
         [("州政府", "凉山彝族自治州政府"), ("州发展改革委", "凉山彝族自治州发展改革委")]),
        # a development zone's committee
        ("会同苏州工业园区管委会推进。", "苏州市", [("苏州工业园区管委会", "苏州工业园区管委会")]),
        # 应急 is part of the name, not a modal verb
        ("区应急局、区消防救援支队负责。", "上海市静安区",
         [("区应急局", "上海市静安区应急局"), ("区消防救援支队", "上海市静安区消防救援支队")]),
        # the party committee's and the government's offices side by side (市委、市政府 as a pair is the
        # authority behind a text, no actor: test_an_authority_or_an_object_is_no_body)
        ("市委组织部、市政府办公厅按职责分工负责。", "广州市",
         [("市委组织部", "广州市委组织部"), ("市政府办公厅", "广州市政府办公厅")]),
        ("贯彻落实市委、市政府决策部署。", "广州市", []),
        # a central body's short name after a level prefix belongs to a local body
        ("区统计局加强监测。", "上海市闵行区", [("区统计局", "上海市闵行区统计局")]),
    ],
)
def test_boundaries(text, jurisdiction, expected):
    assert _found(text, jurisdiction) == expected


@pytest.mark.parametrize(
    ("text", "jurisdiction", "expected"),
    [
        ("各区政府统筹推进，各相关区政府做好试点。", SH,
         [("各区政府", "上海市各区人民政府"), ("各相关区政府", "上海市各相关区人民政府")]),
        # a national text's 各有关部门 are its readers (the addressee collective), no body of their own
        ("各省级人民政府要加强组织领导，各有关部门按职责分工负责。", NATIONAL,
         [("各省级人民政府", "各省、自治区、直辖市人民政府")]),
        ("各街道、各镇做好宣传，区直各部门予以配合。", "上海市闵行区",
         [("各街道", "上海市闵行区各街道"), ("各镇", "上海市闵行区各镇"), ("区直各部门", "上海市闵行区直各部门")]),
        ("各区、县（市）政府负责组织实施。", "杭州市", [("各区、县（市）政府", "杭州市各区、县（市）政府")]),
        ("由各有关部门和单位按职责分工负责。", SH, [("各有关部门和单位", "上海市各有关部门和单位")]),
        ("区住建局、区级相关部门配合。", "昆明市官渡区",
         [("区住建局", "昆明市官渡区住建局"), ("区级相关部门", "昆明市官渡区级相关部门")]),
        ("市级各有关部门按职责分工负责。", "嘉兴市", [("市级各有关部门", "嘉兴市级各有关部门")]),
    ],
)
def test_collectives(text, jurisdiction, expected):
    assert _found(text, jurisdiction) == expected


def test_relevant_districts_are_not_all_districts():
    text = "各区政府制定方案，各相关区政府先行先试。"
    every, relevant = find_departments(text, jurisdiction=SH)
    assert every.key != relevant.key
    assert (every.category, relevant.category) == ("collective", "collective")


# ------------------------------------------------------------------------------------------ jurisdiction


@pytest.mark.parametrize(
    ("written", "jurisdiction", "pref_label", "known"),
    [
        ("市经贸委", "广州市", "广州市经贸委", False),  # Guangzhou's, not Shanghai's
        ("市经贸委", SH, "上海市经贸委", False),
        ("区发改委", "浦东新区", "上海市浦东新区发改委", False),
        ("市经信委", "浦东新区", "上海市经济和信息化委员会", True),  # a district plan names the city's body
        ("区政府", "浦东新区", "上海市浦东新区人民政府", True),
        ("区政府", SH, "上海市各区人民政府", True),  # in a municipal plan: the districts
        ("市政府", "广州市", "广州市政府", False),
    ],
)
def test_short_forms_resolve_within_the_jurisdiction(written, jurisdiction, pref_label, known):
    text = f"由{written}负责推进。"
    (dept,) = find_departments(text, jurisdiction=jurisdiction)
    assert (dept.pref_label, dept.listed_in_alias_table) == (pref_label, known)
    assert written in (dept.pref_label, *dept.alt_labels)


def test_keys_of_unknown_bodies_are_stable_and_jurisdiction_qualified():
    text = "市经贸委牵头。"
    guangzhou = _keys(text, "广州市")
    assert guangzhou == _keys(text, "广州市") == _keys(text, "广东省广州市")
    assert guangzhou != _keys(text, "深圳市")
    assert guangzhou[0].startswith("body-") and guangzhou[0].isascii()


@pytest.mark.parametrize(
    ("title", "issuer", "text", "expected"),
    [
        ("广州市工业和信息化局关于印发促进方案的通知", "", "", "广东省广州市"),
        ("国务院关于推进制造业数字化的指导意见", "", "", NATIONAL),
        ("工业和信息化部 国家发展改革委关于推进产业协同的通知", "", "", NATIONAL),
        ("关于加快老旧小区改造的实施意见", "上海市浦东新区人民政府", "", PUDONG),
        ("关于推进养老服务发展的实施意见", "浙江省人民政府", "", "浙江省"),
        ("上海市浦东新区促进产业升级若干措施", "", "", PUDONG),
        ("促进工业投资的若干措施", "", "经嘉兴市人民政府同意。嘉兴市人民政府办公室", "浙江省嘉兴市"),
        ("关于印发《深圳市促进软件产业发展若干措施》的通知", "", "", "广东省深圳市"),
        ("", "杭州市淳安县人民政府", "", "浙江省杭州市淳安县"),
        ("上海市加快建设国际消费中心城市实施方案", "", "", SH),
        ("工作方案", "", "加强统筹，形成合力。", ""),
    ],
)
def test_jurisdiction_of(title, issuer, text, expected):
    assert jurisdiction_of(title, issuer, text) == expected


@pytest.mark.parametrize(
    ("name", "jurisdiction", "expected"),
    [("市经贸委", "广东省广州市", "广州市经贸委"), ("区发改委", PUDONG, "上海市浦东新区发改委"),
     ("市经信委", PUDONG, "上海市经信委"), ("各有关部门", SH, "上海市各有关部门"),
     ("省经信委", "湖北省", "湖北省经信委"), ("国家发展改革委", SH, "国家发展改革委")],
)
def test_expand_name(name, jurisdiction, expected):
    assert expand_name(name, jurisdiction) == expected


# ------------------------------------------------------------------------------------------ names over time


@pytest.mark.parametrize(
    ("name", "when", "expected"),
    [
        ("市金融办", date(2017, 6, 1), "shanghai-financial-services-office"),
        ("市金融办", date(2024, 6, 1), "shanghai-cpc-financial-commission-office"),
        ("市环保局", date(2016, 1, 1), "shanghai-municipal-environmental-protection-bureau"),
        ("市环保局", date(2021, 1, 1), "shanghai-municipal-environmental-protection-bureau"),  # an old name stays its body
        ("市生态环境局", None, "shanghai-municipal-bureau-of-ecology-and-environment"),
    ],
)
def test_a_shared_name_resolves_by_the_documents_date(name, when, expected):
    assert resolve_name(name, SH, when) == expected


@pytest.mark.parametrize(
    ("key", "linked"),
    [
        ("shanghai-municipal-environmental-protection-bureau", {"shanghai-municipal-bureau-of-ecology-and-environment"}),
        ("shanghai-municipal-bureau-of-planning-and-land-resources",
         {"shanghai-municipal-planning-and-natural-resources-bureau"}),
        ("cn-cbrc", {"cn-circ", "cn-cbirc", "cn-nfra"}),
        ("cn-saic", {"cn-aqsiq", "cn-cfda", "cn-samr"}),
        ("cn-ministry-of-environmental-protection",
         {"cn-state-environmental-protection-administration", "cn-ministry-of-ecology-and-environment"}),
        ("cn-state-education-commission", {"cn-ministry-of-education"}),
        ("cn-state-planning-commission",
         {"cn-state-development-planning-commission", "cn-state-economic-and-trade-commission", "cn-ndrc"}),
        ("cn-ministry-of-land-and-resources", {"cn-ministry-of-natural-resources"}),
        ("shanghai-financial-services-office",
         {"shanghai-local-financial-supervision-and-administration-bureau", "shanghai-cpc-financial-commission-office"}),
    ],
)
def test_name_history_links_predecessors_and_successors(key, linked):
    bodies, events = name_history([key])
    assert {b.key for b in bodies} == {key} | linked
    assert events and all(e.date[:4].isdigit() for e in events)


def test_reorganisation_dates():
    bodies = authority().bodies
    assert bodies["cn-cbirc"].valid_from == date(2018, 3, 17)
    assert bodies["cn-cbirc"].valid_until == date(2023, 3, 10)
    assert bodies["cn-nfra"].predecessors == ("cn-cbirc",)
    assert bodies["cn-samr"].predecessors == ("cn-aqsiq", "cn-cfda", "cn-saic") or set(
        bodies["cn-samr"].predecessors) == {"cn-aqsiq", "cn-cfda", "cn-saic"}


def test_authority_files_are_consistent():
    auth = authority()
    for body in auth.bodies.values():
        assert body.pref_label and body.jurisdiction, body.key
        assert body.key.isascii()
        if body.jurisdiction == NATIONAL:
            assert body.pref_label_en, body.key
    for event in auth.changes:
        assert set(event.original) | set(event.resulting) <= set(auth.bodies), event.key


# ------------------------------------------------------------------------------------------ user authority files

_GUANGZHOU = """
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix pol: <https://w3id.org/policykg/ns#> .
<https://example.org/gz/industry-bureau> a org:Organization ;
    skos:prefLabel "广州市工业和信息化局"@zh, "Guangzhou Municipal Bureau of Industry and Information Technology"@en ;
    skos:altLabel "市工业和信息化局"@zh, "市工信局"@zh ;
    pol:category "department" ; pol:jurisdiction "广东省广州市" .
"""


@pytest.fixture()
def guangzhou_file(tmp_path):
    path = tmp_path / "guangzhou.ttl"
    path.write_text(_GUANGZHOU, encoding="utf-8")
    configure_authority([tmp_path])
    yield path
    configure_authority(None)


def test_a_users_authority_file_is_merged_without_code_changes(guangzhou_file):
    text = "市工信局牵头，市工业和信息化局配合。"
    (dept,) = find_departments(text, jurisdiction="广州市")
    assert (dept.key, dept.pref_label, dept.listed_in_alias_table) == ("industry-bureau", "广州市工业和信息化局", True)
    assert [s.text(text) for s in dept.mentions] == ["市工信局", "市工业和信息化局"]
    # the same short form in a Shanghai plan is not Guangzhou's
    (other,) = find_departments("市工信局牵头。", jurisdiction=SH)
    assert other.key != "industry-bureau"


def test_a_missing_authority_file_is_named(tmp_path):
    configure_authority([tmp_path / "nowhere.ttl"])
    try:
        with pytest.raises(FileNotFoundError, match="nowhere.ttl"):
            authority()
    finally:
        configure_authority(None)


@pytest.mark.parametrize(
    ("text", "jurisdiction", "expected"),
    [
        ("广州市工业和信息化局负责。", "杭州市", "广东省广州市"),  # a full name states its own place
        ("国家外汇管理局浙江省分局负责。", NATIONAL, "浙江省"),  # a branch belongs where it sits
        ("区发改委负责。", PUDONG, PUDONG),
        ("市经信委负责。", SH, SH),
        ("工信部负责。", SH, NATIONAL),
    ],
)
def test_every_body_records_its_jurisdiction(text, jurisdiction, expected):
    (dept,) = find_departments(text, jurisdiction=jurisdiction)
    assert dept.jurisdiction == expected


@pytest.mark.parametrize(
    ("jurisdiction", "key", "pref_label"),
    [(SH, "shanghai-municipal-government", "上海市人民政府"), (NATIONAL, "cn-state-council", "中华人民共和国国务院"),
     ("浦东新区", "shanghai-pudong-new-area-government", "上海市浦东新区人民政府")],
)
def test_government_of(jurisdiction, key, pref_label):
    from ingest.departments import government_of

    gov = government_of(jurisdiction)
    assert (gov.key, gov.pref_label) == (key, pref_label)


def test_government_of_a_place_no_file_knows():
    from ingest.departments import government_of

    gov = government_of("广州市")
    assert (gov.pref_label, gov.listed_in_alias_table, gov.category) == ("广州市人民政府", False, "government")


@pytest.mark.parametrize(
    ("issued", "period_start", "title", "expected"),
    [("2024-03-15", "", "", date(2024, 3, 15)), ("", "2018", "", date(2018, 1, 1)),
     ("", "", "技术改造三年行动计划（2018—2020年）", date(2018, 1, 1)), ("", "", "实施意见", None)],
)
def test_document_date(issued, period_start, title, expected):
    from ingest.departments import document_date

    assert document_date(issued, period_start, title) == expected


# ------------------------------------------------------------------------------------------ every kind of body (issue 20)


@pytest.mark.parametrize(
    ("text", "jurisdiction", "expected"),
    [
        # Party organs of a city: the committee's departments run on from 市委 (组织 is no verb here)
        ("市委组织部、团市委、市委网信办和市纪委负责。", "广州市",
         [("市委组织部", "广州市委组织部", "party"), ("团市委", "共青团广州市委", "party"),
          ("市委网信办", "广州市委网信办", "party"), ("市纪委", "广州市纪委", "party")]),
        # a people's congress, a court and a procuratorate of any city
        ("市人大常委会、市中级人民法院、市人民检察院负责。", "广州市",
         [("市人大常委会", "广州市人大常委会", "congress"), ("市中级人民法院", "广州市中级人民法院", "court"),
          ("市人民检察院", "广州市人民检察院", "procuratorate")]),
        # central organs by full and short name
        ("中组部、中央军委办公厅、武警总部和最高人民检察院负责。", NATIONAL,
         [("中组部", "中共中央组织部", "party"), ("中央军委办公厅", "中央军委办公厅", "military"),
          ("武警总部", "中国人民武装警察部队总部", "military"), ("最高人民检察院", "最高人民检察院", "procuratorate")]),
        # an office no file knows
        ("由市留交办牵头。", "广州市", [("市留交办", "广州市留交办", "other")]),
        # a joint body named after a verb, and one whose name holds 自由 (落实X要求 would name X only as the
        # authority heeded: test_function_named_bodies)
        ("会同中央教育工作领导小组研究，配合国务院自由贸易试验区工作部际联席会议。", NATIONAL,
         [("中央教育工作领导小组", "中央教育工作领导小组", "joint-body"),
          ("国务院自由贸易试验区工作部际联席会议", "国务院自由贸易试验区工作部际联席会议", "joint-body")]),
        # collectives of a national text
        ("各省、自治区、直辖市人民政府和各地区、各部门要抓好落实。", NATIONAL,
         [("各省、自治区、直辖市人民政府", "各省、自治区、直辖市人民政府", "collective")]),  # 各地区、各部门: everyone
        ("各区、县级市人民政府要抓好落实。", "广州市", [("各区、县级市人民政府", "广州市各区、县级市人民政府", "collective")]),
        # functional designations: a sector and 部门/机关
        ("教育行政部门会同发展改革部门推进，税务机关予以配合。", NATIONAL,
         [("教育行政部门", "教育行政部门", "designation"), ("发展改革部门", "发展改革部门", "designation"),
          ("税务机关", "税务机关", "designation")]),
    ],
)
def test_every_kind_of_body(text, jurisdiction, expected):
    found = [(d.mentions[0].text(text), d.pref_label, d.category)
             for d in find_departments(text, jurisdiction=jurisdiction)]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "candidate"),
    [
        ("山东省日照市推行压缩企业开办时间改革。", "山东省日照市推行压缩企业开办"),
        ("上海市探索创新政府储备制度。", "上海市探索创新政府"),
        ("同意以哈尔滨市名义申办运动会。", "哈尔滨市名义申办"),
    ],
)
def test_a_fragment_is_a_candidate_not_a_body(text, candidate):
    from ingest.departments import find_bodies

    found = find_bodies(text, jurisdiction=NATIONAL)
    assert found.departments == []
    assert [(c.name, [m.text(text) for m in c.mentions]) for c in found.candidates] == [(candidate, [candidate])]


@pytest.mark.parametrize(
    "text",
    [
        "成立领导小组，广州市政府主要负责同志担任领导小组组长。",  # a person's post is no body; nor is 担任领导小组
        "各成员单位就有关工作情况向联席会议报告。",  # the conference named bare, after 向
    ],
)
def test_no_body_is_a_clause(text):
    names = [d.mentions[0].text(text) for d in find_departments(text, jurisdiction="广州市")]
    assert all(not any(w in n for w in ("担任", "负责同志", "就有关", "向")) for n in names), names


def test_a_declared_short_name_names_its_body():
    text = "建立国务院职业教育工作部际联席会议（以下简称联席会议）制度。联席会议办公室设在教育部。联席会议每年召开两次会议。"
    depts = {d.pref_label: [m.text(text) for m in d.mentions] for d in find_departments(text, jurisdiction=NATIONAL)}
    assert depts["国务院职业教育工作部际联席会议"] == ["国务院职业教育工作部际联席会议", "联席会议"]
    assert depts["国务院职业教育工作部际联席会议办公室"] == ["联席会议办公室"]


def test_no_place_is_the_default():
    from ingest.departments import government_of, normalise_department

    with pytest.raises(ValueError, match="jurisdiction"):
        government_of("")
    assert normalise_department("上海经信委X") is None
    (dept,) = find_departments("由市政府负责。", jurisdiction="广州市")
    assert dept.pref_label == "广州市政府"


def test_a_bare_joint_body_is_the_one_the_text_named():
    text = "完善国务院职业教育工作部际联席会议制度。联席会议统筹协调全国职业教育工作。"
    (dept,) = find_departments(text, jurisdiction=NATIONAL)
    assert [m.text(text) for m in dept.mentions] == ["国务院职业教育工作部际联席会议", "联席会议"]
    # two conferences named: a bare 联席会议 is neither
    two = "建立楼宇经济联席会议，设立人才工作联席会议。联席会议每年召开一次。"
    assert all(len(d.mentions) == 1 for d in find_departments(two, jurisdiction=NATIONAL))


def test_a_joint_body_composed_of_members():
    text = "建立国务院职业教育工作部际联席会议（以下简称联席会议）制度。联席会议由教育部、财政部2个部门组成，教育部为牵头单位。"
    conference = find_departments(text, jurisdiction=NATIONAL)[0]
    assert conference.created_by_document
    assert conference.members == ["cn-ministry-of-education", "cn-ministry-of-finance"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("行政法规的解释工作由国务院法制机构承办。", ["国务院法制机构"]),  # 承办 is the verb, not part of a name
        ("搞好国务院年度工作安排布局。", ["中华人民共和国国务院"]),  # no sub-body runs on through a clause
    ],
)
def test_a_name_ends_before_the_verb(text, expected):
    assert [d.pref_label for d in find_departments(text, jurisdiction=NATIONAL)] == expected


@pytest.mark.parametrize("text", [
    "副组长：李某  教育部原副部长\n委员：王某  上海市政协原副主席\n赵某  科技部副校长",  # a person's post, former too
    "大同市人民政府副市长王某受到警告处分；安徽省经贸委煤炭工业管理办公室主任计某受到记过处分。",  # posts in a circular
    "国务院决定，对一批单位予以表扬。",  # the issuer's own decision
    "经2020年5月6日国务院第9次常务会议通过，现予公布。",  # the meeting that adopted the text
    "直辖市以及国务院确定的其他城市，扣除标准为每月100元。",  # an authority referred to
    "涉嫌犯罪的，及时移送司法机关。户籍人口以国家统计局公布的数据为准。",  # a recipient, a source of data
])
def test_a_body_named_only_as_authority_or_post_is_no_body(text):
    assert _found(text, NATIONAL) == []


def test_a_body_that_acts_is_still_a_body_next_to_a_post():
    found = [w for w, _ in _found("教育部负责组织评审。委员：王某  教育部副部长", NATIONAL)]
    assert found == ["教育部"]


def test_the_collective_addressed_to_everyone_is_no_body():
    text = "各地区、各部门、各单位必须高度重视。各地区、各有关部门要加强领导。地方各级人民政府要落实责任。"
    assert [w for w, _ in _found(text, NATIONAL)] == ["地方各级人民政府"]
    # 各地 is 各地区 written short: 各地、各部门 is the same everyone (a named level beside them stays a body)
    text = "各地、各部门要切实负起责任。各地、各有关部门要抓紧完善预案。各级政府、各有关部门要严格把关。"
    assert [w for w, _ in _found(text, NATIONAL)] == ["各级政府"]  # a national text's 各有关部门: its readers


def test_a_working_body_the_text_sets_up_is_a_body_wherever_named():
    text = "成立联合采购办公室，开展集中采购。组织专家成立专家组。联合采购办公室负责发布公告。成立工作小组。"
    found = [w for w, _ in _found(text, NATIONAL)]
    assert found == ["联合采购办公室", "专家组"]  # 工作小组: a bare word, no name
    dept = find_departments(text, jurisdiction=NATIONAL)[0]
    assert len(dept.mentions) == 2


def test_the_working_bodies_a_body_sets_up_in_a_list():
    text = "联合采购办公室下设监督组、专家组、集中采购小组。"
    assert [w for w, _ in _found(text, NATIONAL)] == ["监督组", "专家组", "集中采购小组"]


def test_places_put_to_work_by_their_part_are_collectives_where_they_act():
    text = "各试点城市要制定实施方案。相关省份要跟踪落实情况。各试点地区代表作为副主任。"
    assert [w for w, _ in _found(text, NATIONAL)] == ["各试点城市", "相关省份"]


def test_a_levels_government_office_is_a_body():
    text = "各省（区、市）政府要建立省级政府办公厅牵头、省级有关部门参与的工作机制。"
    assert "省级政府办公厅" in [w for w, _ in _found(text, NATIONAL)]


def _bodies_with_units(text: str, jurisdiction: str = NATIONAL):
    from ingest.classify import classify_units
    from ingest.departments import find_bodies
    from ingest.structure import parse_structure

    units = classify_units(parse_structure(text)[0])
    return find_bodies(text, units, jurisdiction=jurisdiction)


def test_bodies_named_by_their_role_are_bodies_where_they_act():
    text = ("一、工作要求\n（一）明确责任。各级人民政府及其部门要指定承担备案审查工作的机构（以下统称审查机构）。"
            "审查机构要对报送的材料进行审查，不得由起草部门审查机构代行。\n"
            "（二）规范程序。起草机关办公机构应当按时报送材料。试点地区要制定实施方案。"
            "试点地区政府办公厅（室）对试点工作负总责。\n")
    found = _bodies_with_units(text)
    names = {d.pref_label: [m.text(text) for m in d.mentions] for d in found.departments}
    assert names == {"各级人民政府及其部门": ["各级人民政府及其部门"], "审查机构": ["审查机构"],
                     "起草机关办公机构": ["起草机关办公机构"], "试点地区": ["试点地区"],
                     "试点地区政府办公厅（室）": ["试点地区政府办公厅（室）"]}


@pytest.mark.parametrize(
    "text",
    [
        "一、工作进展\n近年来，各级政府相继建成了政务服务平台，国务院各部门网站也开通了外文版。\n",  # narrated
        "一、工作要求\n（一）报送。有关情况报国务院有关部门备案。对成效不明显的试点地区要开展重点督查。\n",  # told, checked
        "一、工作要求\n（一）审核。国务院部门制定的规范性文件，由本部门负责审核。\n",  # 制定的: an attribute
    ],
)
def test_a_collective_the_text_does_not_make_act_is_a_candidate_only(text):
    found = _bodies_with_units(text)
    assert found.departments == []
    assert all("does not make act" in c.reason for c in found.candidates)  # kept as candidates, if named at all


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("以县级以上人民政府或者其办公机构名义印发的文件，须经审核。", "县级以上地方人民政府"),  # whose name it bears
        ("中共中央、国务院印发的《某某纲要》要求完善审核制度。", "中华人民共和国国务院"),  # author of a cited text
        ("国务院印发的《某某规划》提出了目标。", "中华人民共和国国务院"),
        ("省、自治区、直辖市和设区的市人民政府部门制定的文件。", "设区的市人民政府"),  # a kind of city
    ],
)
def test_a_government_named_as_author_or_kind_is_no_body(text, absent):
    labels = {d.pref_label for d in find_departments(text, jurisdiction=NATIONAL)}
    assert absent not in labels and not any(label.endswith("市人民政府") for label in labels), labels


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("四、新疆维吾尔自治区人民政府和新疆生产建设兵团要加强组织领导。", ["新疆维吾尔自治区人民政府", "新疆生产建设兵团"]),
        ("责令该县向晋中市人民政府写出书面检查，由晋中市人民政府负责督办。", ["晋中市人民政府"]),
    ],
)
def test_a_place_written_in_full_names_its_government(text, written):
    found = [d.mentions[0].text(text) for d in find_departments(text, jurisdiction=NATIONAL)]
    assert found == written


def test_a_level_written_short_in_a_national_text_is_the_place_it_named_before():
    text = "在领导小组统筹指导下，河北省委和省政府要切实履行主体责任。"
    found = {d.pref_label: [m.text(text) for m in d.mentions] for d in find_departments(text, jurisdiction=NATIONAL)}
    assert found["河北省人民政府"] == ["省政府"]  # the short form of the formal name the addressee line writes
    alone = "省政府要切实履行主体责任。"  # no province named: the short name stays as written
    assert [d.pref_label for d in find_departments(alone, jurisdiction=NATIONAL)] == ["省政府"]


def test_a_personnel_list_names_its_group_not_the_members_posts():
    text = ("国务院决定对国家某某工作委员会组成人员进行调整。现将名单通知如下：\n主  任：张 三  国务院副总理\n"
            "委  员：李 四  教育部副部长\n王 五  中科院数学与系统科学研究院学术委员会主任\n"
            "委员会办公室设在教育部，由教育部教材局承担办公室工作。\n")
    labels = {d.pref_label for d in find_departments(text, jurisdiction=NATIONAL)}
    assert "国家某某工作委员会" in labels and "教育部教材局" in labels
    assert not labels & {"教育部", "中国科学院", "中华人民共和国国务院"}, labels


def test_a_group_others_may_set_up_is_a_candidate_only():
    from ingest.departments import find_bodies

    text = "任务重的地方，可成立清理整顿工作领导小组，协调解决有关问题。"
    found = find_bodies(text, jurisdiction=NATIONAL)
    assert found.departments == []
    assert [c.name for c in found.candidates] == ["清理整顿工作领导小组"]


def test_rules_name_their_bodies_by_role_and_the_one_whose_approval_is_required():
    from ingest.responsibility import assign_responsibilities

    text = ("第一条 专利代理行业组织应当加强对会员的自律管理。\n第二条 设立分支机构，须经国务院专利行政部门批准。\n"
            "第三条 管理办法由国务院专利行政部门商国家国防专利机构主管机关另行制定。\n第四条 经国务院同意，现将办法印发。\n")
    found = _bodies_with_units(text)
    names = {d.key: d.pref_label for d in found.departments}
    assert sorted(names.values()) == ["专利代理行业组织", "国务院专利行政部门", "国家国防专利机构主管机关"]
    from ingest.classify import classify_units
    from ingest.structure import parse_structure

    units = classify_units(parse_structure(text)[0])
    got = {(r.unit_path, r.role.value, names[r.agent]) for r in assign_responsibilities(text, units, found.departments)}
    assert got == {("第一条", "lead", "专利代理行业组织"), ("第二条", "lead", "国务院专利行政部门"),
                   ("第三条", "lead", "国务院专利行政部门"), ("第三条", "participant", "国家国防专利机构主管机关")}


@pytest.mark.parametrize(
    "text",
    [
        "一、总体要求\n为贯彻落实市委、市政府关于全面推进城市数字化转型的部署要求，制定本方案。\n",  # the authority
        "一、保障措施\n（一）考核。市发展改革委对各区、各部门落实情况开展年度评估。\n",  # 各区: checked, not acting
    ],
)
def test_an_authority_or_an_object_is_no_body(text):
    found = _bodies_with_units(text, jurisdiction="广东省广州市")
    labels = {d.pref_label for d in found.departments}
    assert not labels & {"广州市委", "广州市人民政府", "广州市各区", "广州市各部门"}, labels


def test_a_class_of_bodies_at_every_level_is_one_body_and_implements_under_leadership():
    from ingest.classify import classify_units
    from ingest.responsibility import assign_responsibilities
    from ingest.structure import parse_structure

    text = ("一、要求\n（一）各级登记管理机关和业务主管部门要在各级党委和政府领导下，认真履行职责。\n"
            "（二）登记管理机关要做好登记。\n")
    units = classify_units(parse_structure(text)[0])
    found = _bodies_with_units(text)
    names = {d.key: d.pref_label for d in found.departments}
    assert sorted(names.values()) == ["业务主管部门", "登记管理机关"]
    got = {(r.unit_path, r.role.value, names[r.agent]) for r in assign_responsibilities(text, units, found.departments)}
    assert got == {("一（一）", "implementer", "登记管理机关"), ("一（一）", "implementer", "业务主管部门"),
                   ("一（二）", "implementer", "登记管理机关")}


def test_grassroots_bodies_that_help_and_a_ministry_that_pays():
    from ingest.classify import classify_units
    from ingest.responsibility import assign_responsibilities
    from ingest.structure import parse_structure

    text = ("第一条 税务机关核查时，户籍所在地的公安派出所、居民委员会或者村民委员会等有关单位和个人应当协助核查。\n"
            "第二条 其中，中国人民银行从价差款中支付所需资金，财政部定额补贴500万元。\n")
    units = classify_units(parse_structure(text)[0])
    found = _bodies_with_units(text)
    names = {d.key: d.pref_label for d in found.departments}
    got = {(r.unit_path, r.role.value, names[r.agent]) for r in assign_responsibilities(text, units, found.departments)}
    assert {("第一条", "participant", "公安派出所"), ("第一条", "participant", "居民委员会"),
            ("第一条", "participant", "村民委员会"), ("第二条", "lead", "财政部"),
            ("第二条", "lead", "中国人民银行")} <= got


# ------------------------------------------------------------------------------- local notations (issue 20)


def _written(text: str, jurisdiction: str = "") -> list[str]:
    return [d.mentions[0].text(text) for d in find_departments(text, jurisdiction=jurisdiction)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a development zone's own departments: the zone word, not a level's 区, opens the name
        ("开发区经济发展局负责受理，开发区财政局负责拨付，开发区纪工委负责监督。",
         ["开发区经济发展局", "开发区财政局", "开发区纪工委"]),
        ("经开区税务局提供纳税数据。", ["经开区税务局"]),
        ("开发区内企业由长沙经开区管委会统筹。", ["长沙经开区管委会"]),  # 开发区内: no department
        # the same department of every city of a province, and the committees of every zone
        ("由各设区市财政局兑现，各设区市工业和信息化主管部门负责初审。",
         ["各设区市财政局", "各设区市工业和信息化主管部门"]),
        ("各设区市人民政府负责落实。", ["各设区市人民政府"]),
        ("各县（市、区）政府、各开发区管委会要明确责任人。", ["各县（市、区）政府", "各开发区管委会"]),
        # a town-and-street collective written with its bracket, and a county's law-enforcing departments
        ("各镇（街道）要抓好落实，县直各行政执法部门予以配合。", ["各镇（街道）", "县直各行政执法部门"]),
        # a customs house named by its city written short (洛阳市人民政府 … 洛阳海关)
        ("洛阳市人民政府办公室印发。市商务局会同洛阳海关推进。", ["洛阳市人民政府办公室", "市商务局", "洛阳海关"]),
        # a hall is no department
        ("在县政务服务大厅设立窗口。", []),
        # a government's own office written after it, and the street offices of a district with its new area
        ("市政府督考办要加大督查力度，由市政府督办。", ["市政府督考办", "市政府"]),  # 督办 a verb here
        ("各街办(新区)要落实。", ["各街办(新区)"]),
    ],
)
def test_local_names(text, expected):
    assert _written(text) == expected


def test_a_recipient_before_a_working_office_is_not_part_of_its_name():
    from ingest.departments import find_bodies

    text = "每季度末将工作进展报县优化营商环境工作领导小组办公室，县优化营商环境工作领导小组办公室负责汇总。"
    found = find_bodies(text, jurisdiction="")
    assert [d.mentions[0].text(text) for d in found.departments] == ["县优化营商环境工作领导小组办公室"]
    assert not any("工作进展" in c.name for c in found.candidates)


def test_an_organs_named_branch_is_one_designation():
    """公安机关交通管理部门 (the traffic branch of the police organs, as statutes name it) is one body, not 公安机关."""
    text = "对道路交通事故，由公安机关交通管理部门依法处理。"
    assert [w for w, _ in _found(text, NATIONAL)] == ["公安机关交通管理部门"]


def test_a_group_set_up_in_a_past_tense_sentence_keeps_its_name_clean():
    """设立了现场监测组: 了 marks the past, it is no part of the group's name (never a sentence fragment)."""
    text = "省地震局于5月设立了现场监测组，开始监测。现场监测组负责记录。"
    assert [w for w, _ in _found(text, NATIONAL)] == ["省地震局", "现场监测组"]
