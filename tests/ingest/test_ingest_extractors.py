"""Targets, department aliases, citations and concepts as input → expected tables."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from ingest.citations import citation_key, find_citations
from ingest.concepts import find_concepts, load_concepts
from ingest.departments import find_departments, normalise_department
from ingest.model import Basis, Span
from ingest.structure import parse_structure
from ingest.targets import DeadlineHint, extract_targets, find_deadline

ECONOMY = "shanghai-municipal-commission-of-economy-and-informatization"
DISTRICTS = "shanghai-district-governments"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("工业投资年均增速不低于5%", ("工业投资年均增速", D(5), None, "%", "≥")),
        ("审批周期压缩至15个工作日内", ("审批周期", D(15), None, "个工作日", "≤")),
        ("建设5-6个超千亿的产业集群", ("超千亿的产业集群", D(5), D(6), "个", "=")),
        ("建设5－6个产业集群", ("产业集群", D(5), D(6), "个", "=")),
        ("建设5~6个产业集群", ("产业集群", D(5), D(6), "个", "=")),
        ("建设5至6个产业集群", ("产业集群", D(5), D(6), "个", "=")),
        ("带动规模以上企业实施5000项技术改造项目", ("技术改造项目", D(5000), None, "项", "=")),
        ("技改投资年均增长10%", ("技改投资年均增长", D(10), None, "%", "=")),
        ("建设１００个智能制造示范项目", ("智能制造示范项目", D(100), None, "个", "=")),
        ("研发投入占比达到3.5%以上", ("研发投入占比", D("3.5"), None, "%", "≥")),
        ("培育企业不少于200家", ("培育企业", D(200), None, "家", "≥")),
        ("新增投资超过1000亿元", ("新增投资", D(1000), None, "亿元", "≥")),
        ("办理时间不超过5个工作日", ("办理时间", D(5), None, "个工作日", "≤")),
        ("能耗控制在100万吨标准煤以内", ("能耗", D(100), None, "万吨标准煤", "≤")),
    ],
)
def test_target_phrases(phrase, expected):
    (target,) = extract_targets(phrase, 0, "x", "1")
    assert (target.indicator, target.quantity, target.quantity_max, target.unit, target.comparator) == expected
    assert phrase[target.span.start : target.span.end] == target.text


@pytest.mark.parametrize("phrase", ["建设5-6个超千亿的产业集群。打造一批千亿级产业集群", "到2020年底，初步形成若干个集群",
                                    "《中国制造2025》", "沪府发〔2017〕36号", "十九大精神"])
def test_not_extra_targets(phrase):
    assert len(extract_targets(phrase, 0, "x", "1")) == (1 if "5-6" in phrase else 0)


def test_target_list_each_its_own():
    text = "建设100个智能制造示范项目，100个技术创新示范项目和100个绿色制造示范项目。"
    got = [(t.key, t.indicator, t.span) for t in extract_targets(text, 10, "一", "1")]
    assert got == [
        ("1.t1", "智能制造示范项目", Span(12, 24)),
        ("1.t2", "技术创新示范项目", Span(25, 37)),
        ("1.t3", "绿色制造示范项目", Span(38, 50)),
    ]


def test_deadlines():
    hint = DeadlineHint(date(2020, 12, 31), "到2020年底，目标。")
    (own,) = extract_targets("到2022年，建设10个基地", 0, "x", "1", hint)
    assert (own.deadline, own.deadline_basis, own.deadline_evidence) == (date(2022, 12, 31), Basis.EXPLICIT, "")
    (inherited,) = extract_targets("建设10个基地", 0, "x", "1", hint)
    assert (inherited.deadline, inherited.deadline_basis) == (date(2020, 12, 31), Basis.INFERRED)
    assert inherited.deadline_evidence == "到2020年底，目标。"
    (none,) = extract_targets("建设10个基地", 0, "x", "1")
    assert none.deadline is None


@pytest.mark.parametrize(("text", "when"), [("到2020年底", date(2020, 12, 31)), ("到2025年", date(2025, 12, 31)),
                                            ("2021年前完成", date(2021, 12, 31)), ("2020年", None)])
def test_find_deadline(text, when):
    assert find_deadline(text) == when


@pytest.mark.parametrize(
    ("alias", "key", "pref_label"),
    [
        ("市经信委", ECONOMY, "上海市经济和信息化委员会"),
        ("市经济信息化委", ECONOMY, "上海市经济和信息化委员会"),
        ("市发改委", "shanghai-municipal-development-and-reform-commission", "上海市发展和改革委员会"),
        ("市住建委", "shanghai-municipal-commission-of-housing-urban-rural-development-and-management",
         "上海市住房和城乡建设管理委员会"),
        ("市规土局", "shanghai-municipal-bureau-of-planning-and-land-resources", "上海市规划和国土资源管理局"),
        ("市政府", "shanghai-municipal-government", "上海市人民政府"),
        ("各相关区政府", DISTRICTS, "上海市各区人民政府"),
        ("区级层面", DISTRICTS, "上海市各区人民政府"),
        ("市科委", "shanghai-science-and-technology-commission", "上海市科学技术委员会"),
        ("市人力资源社会保障局", "shanghai-municipal-human-resources-and-social-security-bureau",
         "上海市人力资源和社会保障局"),
    ],
)
def test_department_aliases(alias, key, pref_label):
    assert normalise_department(alias) == key
    (dept,) = find_departments(f"由{alias}负责。")
    assert (dept.key, dept.pref_label, dept.listed_in_alias_table) == (key, pref_label, True)


@pytest.mark.parametrize("name", ["经信委", "上海市经信委", " 市经信委 ", "上海市经济和信息化委员会"])
def test_normalise_tolerates_prefixes(name):
    assert normalise_department(name) == ECONOMY


@pytest.mark.parametrize("name", ["市场", "某某委员会", ""])
def test_unknown_aliases(name):
    assert normalise_department(name) is None


def test_longest_match_and_unknown_bodies():
    text = "各相关区政府和市绿化市容局参加。鼓励各区域协同。"
    got = [(d.pref_label, d.listed_in_alias_table, [s.text(text) for s in d.mentions]) for d in find_departments(text)]
    assert got == [("上海市各区人民政府", True, ["各相关区政府"]), ("市绿化市容局", False, ["市绿化市容局"])]


def test_created_joint_body_members():
    text = "成立由市政府召集，市科委、市财政局等部门参加的市人工智能推进领导小组。"
    *_, group = find_departments(text)
    assert (group.pref_label, group.category, group.created_by_document) == ("市人工智能推进领导小组", "joint-body", True)
    assert group.members == ["shanghai-science-and-technology-commission", "shanghai-municipal-finance-bureau"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("贯彻《中国制造2025》。", [("中国制造2025", "")]),
        ("落实《若干意见》（沪府发〔2017〕36号）。", [("若干意见", "沪府发〔2017〕36号")]),
        ("根据国发[2015]28号和国发〔2015〕28号。", [("", "国发[2015]28号")]),
        ("依据沪经信规（2018）1号文件。", [("", "沪经信规（2018）1号")]),
        ("市政府印发沪府办发〔2018〕3号。", [("", "沪府办发〔2018〕3号")]),
        ("制定本行动计划。执行《本行动计划》。", []),
    ],
)
def test_citations(text, expected):
    assert [(c.title, c.identifier) for c in find_citations(text, [])] == expected


def test_citation_keys_are_stable_ascii():
    assert citation_key("若干意见", "沪府发〔2017〕36号") == citation_key("", "沪府发[2017]36号")
    assert citation_key("中国制造2025", "").startswith("doc-") and citation_key("中国制造2025", "").isascii()


def test_concept_scheme():
    concepts = {c.key: c for c in load_concepts()}
    assert len(concepts) >= 63
    assert {c.group for c in concepts.values()} == {"industries", "technologies", "support-instruments", "governance"}
    assert concepts["coordination-mechanism"].group == "governance" and "coordinate" in concepts["coordination"].alt_en
    robot = concepts["industrial-robot"]
    assert (robot.pref_zh, robot.pref_en, robot.group) == ("工业机器人", "industrial robot", "technologies")
    assert {"机器人", "机械臂"} <= set(robot.alt_zh) and {"robot arm", "robotics"} <= set(robot.alt_en)
    assert "3D打印" in concepts["additive-manufacturing"].alt_zh
    assert {"subsidy", "grant"} <= set(concepts["fiscal-support"].alt_en)
    assert concepts["bank-credit"].group == "support-instruments"
    zh_labels = [label for c in concepts.values() if not c.is_top for label in (c.pref_zh, *c.alt_zh)]
    assert len(zh_labels) == len(set(zh_labels))


def test_find_concepts_longest_first():
    text = "一、甲\n支持工业机器人和3D打印。\n二、乙\n落实研发费用加计扣除。\n"
    units, _ = parse_structure(text)
    got = [(m.unit_path, m.concept, m.label) for m in find_concepts(text, units)]
    assert got == [("一", "industrial-robot", "工业机器人"), ("一", "additive-manufacturing", "3D打印"),
                   ("二", "tax-incentive", "研发费用加计扣除")]
