"""Targets, department aliases, citations and concepts as input → expected tables."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from ingest.authority import resolve_name
from ingest.citations import citation_key, find_citations
from ingest.concepts import find_concepts, load_concepts
from ingest.departments import find_departments, normalise_department
from ingest.model import Basis, Span
from ingest.structure import parse_structure
from ingest.targets import (
    DeadlineHint,
    covering_deadline,
    extract_targets,
    find_deadline,
    lead_deadline,
)

ECONOMY = "shanghai-municipal-commission-of-economy-and-informatization"
DISTRICTS = "shanghai-district-governments"
SH = "上海市"  # the jurisdiction of the Shanghai-style texts below (the only city with a shipped authority file)


# ---------------------------------------------------------------- targets (rows: phrase → expected target)

@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        # ≥ from the words before or after the number
        ("工业投资年均增速不低于5%", ("工业投资年均增速", D(5), None, "%", "≥")),
        ("研发投入占比达到3.5%以上", ("研发投入占比", D("3.5"), None, "%", "≥")),
        ("培育企业不少于200家", ("培育企业", D(200), None, "家", "≥")),
        ("新增投资超过1000亿元", ("新增投资", D(1000), None, "亿元", "≥")),
        ("智能工厂数量突破50个", ("智能工厂数量", D(50), None, "个", "≥")),
        ("入驻企业超300家", ("入驻企业", D(300), None, "家", "≥")),
        ("年接待游客3000万人次以上", ("年接待游客", D(3000), None, "万人次", "≥")),
        ("关键工序数控化率提高到72%", ("关键工序数控化率", D(72), None, "%", "≥")),
        ("宽带用户平均速率提升至500Mbps", ("宽带用户平均速率", D(500), None, "Mbps", "≥")),
        ("新培育的单项冠军企业60余家", ("单项冠军企业", D(60), None, "家", "≥")),
        ("公共充电桩力争达到10万个", ("公共充电桩", D(10), None, "万个", "≥")),  # how firmly is no part of it
        ("研发投入强度确保达到3%", ("研发投入强度", D(3), None, "%", "≥")),
        # a ratio keeps its second term as the unit, as written
        ("全省车桩比力争达到2.2∶1", ("全省车桩比", D("2.2"), None, "∶1", "≥")),
        ("床护比达到1:0.6", ("床护比", D(1), None, ":0.6", "≥")),
        ("固废利用率不低于全省平均水平的95%", ("固废利用率", D(95), None, "%", "≥")),
        # ≤
        ("审批周期压缩至15个工作日内", ("审批周期", D(15), None, "个工作日", "≤")),
        ("办理时间不超过5个工作日", ("办理时间", D(5), None, "个工作日", "≤")),
        ("能耗控制在100万吨标准煤以内", ("能耗", D(100), None, "万吨标准煤", "≤")),
        ("细颗粒物年均浓度降至30微克/立方米", ("细颗粒物年均浓度", D(30), None, "微克/立方米", "≤")),
        ("城镇登记失业率4.5%以下", ("城镇登记失业率", D("4.5"), None, "%", "≤")),
        ("新建数据中心电能利用效率不高于1.25", ("新建数据中心电能利用效率", D("1.25"), None, "", "≤")),
        ("平均通关时间缩短至24小时", ("平均通关时间", D(24), None, "小时", "≤")),
        ("到2025年，预收费用监管覆盖率达到100%", ("预收费用监管覆盖率", D(100), None, "%", "≥")),  # a goal on charges
        # ≈ (a post-word beats a pre-word: 提高到…左右)
        ("地区生产总值增长6%左右", ("地区生产总值增长", D(6), None, "%", "≈")),
        ("新增光伏装机约300万千瓦", ("新增光伏装机", D(300), None, "万千瓦", "≈")),
        ("服务业增加值占比大约65%", ("服务业增加值占比", D(65), None, "%", "≈")),
        ("居民收入占比提高到45%左右", ("居民收入占比", D(45), None, "%", "≈")),
        # = : a bare count or an unbounded change
        ("建设１００个智能制造示范项目", ("智能制造示范项目", D(100), None, "个", "=")),
        ("带动规模以上企业实施5000项技术改造项目", ("技术改造项目", D(5000), None, "项", "=")),
        ("技改投资年均增长10%", ("技改投资年均增长", D(10), None, "%", "=")),
        ("发放数字人民币红包20万张", ("发放数字人民币红包", D(20), None, "万张", "=")),
        ("建成5G基站2万个", ("5G基站", D(2), None, "万个", "=")),
        ("部署智能算力200EFLOPS", ("智能算力", D(200), None, "EFLOPS", "=")),
        ("单位产值能耗下降2.5个百分点", ("单位产值能耗下降", D("2.5"), None, "个百分点", "=")),
        # ranges keep both ends
        ("建设5-6个超千亿的产业集群", ("超千亿的产业集群", D(5), D(6), "个", "=")),
        ("建设5－6个产业集群", ("产业集群", D(5), D(6), "个", "=")),
        ("建设5~6个产业集群", ("产业集群", D(5), D(6), "个", "=")),
        ("建设5至6个产业集群", ("产业集群", D(5), D(6), "个", "=")),
        ("每区打造1到2个特色园区", ("特色园区", D(1), D(2), "个", "=")),
        ("其中，到2019年底完成300万平方米", ("完成", D(300), None, "万平方米", "=")),  # only the verb names it
        ("出口退税平均办理时间压缩至3个工作日以内", ("出口退税平均办理时间", D(3), None, "个工作日", "≤")),
        ("力争实现企业开办1个工作日内办结", ("企业开办", D(1), None, "个工作日", "≤")),  # a reform goal
        ("新增20个以上的应用场景", ("应用场景", D(20), None, "个", "≥")),  # a count before 的 is still a count
        ("营收过10亿元的企业达25家", ("营收过10亿元的企业", D(25), None, "家", "≥")),  # which firms: kept (r8)
        ("推动70%的规上企业实现数字化改造", ("规上企业实现数字化改造", D(70), None, "%", "=")),
        # a change from a baseline: the baseline is no target
        ("办理时限由20个工作日压减至10个工作日", ("办理时限", D(10), None, "个工作日", "≤")),
        ("绿色建筑占比从2020年的30%提高至50%", ("绿色建筑占比", D(50), None, "%", "≥")),
        ("全年外贸进出口总额4000亿元左右", ("外贸进出口总额", D(4000), None, "亿元", "≈")),
        ("认定3～5家制造业创新中心", ("制造业创新中心", D(3), D(5), "家", "=")),
        ("绿色建筑占比达到30%-40%", ("绿色建筑占比", D(30), D(40), "%", "≥")),
        # a sentence that also grants keeps its target when it sets a goal
        ("到2025年新增家庭养老床位300张，并给予补贴", ("新增家庭养老床位", D(300), None, "张", "=")),
        # 按时 is no 按 of a payment rule; a bound whose clause names nothing takes the clause before it
        ("营商环境投诉按时办结率达到100%", ("营商环境投诉按时办结率", D(100), None, "%", "≥")),
        ("常态化开展银企对接活动，全年不少于12场", ("常态化开展银企对接活动", D(12), None, "场", "≥")),
    ],
)
def test_target_phrases(phrase, expected):
    (target,) = extract_targets(phrase, 0, "x", "1")
    assert (target.indicator, target.quantity, target.quantity_max, target.unit, target.comparator) == expected
    assert phrase[target.span.start : target.span.end] == target.text


@pytest.mark.parametrize(
    "phrase",
    [
        "到2020年底，初步形成若干个集群",  # a year is no target
        "《中国制造2025》",  # a title
        "沪府发〔2017〕36号", "依据本市经信规〔2024〕3号文件",  # document numbers
        "按照第3条、第十二条的规定执行", "十九大精神",  # article references, ordinals
        "1.加强组织领导", "（2）优化营商环境", "2023年3月15日", "2018-2020年",  # numbering and dates
        "打造一批千亿级产业集群",  # no Arabic digits
        "全市已建成5G基站5万个",  # an achievement, not a target
        "上年全市工业产值达到3.1万亿元，同比增长4%",  # a reported figure
        "2020年以来，累计投入财政资金120亿元",  # a figure reported since a past year
        "每季度召开1次推进会", "自2024年5月1日起施行，有效期5年", "服务热线：021-12345678",
        "培育年营业收入10亿元以上的龙头企业",  # a size qualifying a noun
        "每年为60周岁以上老年人开展一次认知功能筛查", "对80岁以上老人发放高龄津贴",  # an age saying who
        "年度收入首次突破5亿元的，一次性奖励企业150万元",  # who qualifies for a grant, and how much
        "每家企业每年享受奖励的人数不超过10人",  # the terms of a grant
        "初级、中级、高级分别为2000元、4000元、6000元的入职奖励",
        "按设备投资额的10%给予补助，最高不超过500万元",  # support, not a target
        "自受理之日起15个工作日内办结",  # a procedural time limit
        "研发费用加计扣除比例提高到100%",  # tax relief
        "推进5G、IPv6和PM2.5监测",  # numbers glued to letters
        "单个老年人预收服务费不超过12个月费用，押金不超过月服务费的6倍",  # what may be charged
        "超过基准30%的部分按1.5倍加价收取",
        "服务大厅每天9:00至17:00开放，周末延长至20:00", "附件1：2024年重点任务清单",  # a time, a label: no ratio
    ],
)
def test_not_targets(phrase):
    assert extract_targets(phrase, 0, "x", "1") == []


def test_bare_count_beside_a_title_is_one_target():
    assert len(extract_targets("建设5-6个超千亿的产业集群。打造一批千亿级产业集群", 0, "x", "1")) == 1


def test_target_list_each_its_own():
    text = "建设100个智能制造示范项目，100个技术创新示范项目和100个绿色制造示范项目。"
    got = [(t.key, t.indicator, t.span) for t in extract_targets(text, 10, "一", "1")]
    assert got == [
        ("1.t1", "智能制造示范项目", Span(12, 24)),
        ("1.t2", "技术创新示范项目", Span(25, 37)),
        ("1.t3", "绿色制造示范项目", Span(38, 50)),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("智能工厂覆盖率、上云企业比例分别达到40%和60%",
         [("智能工厂覆盖率", D(40), "%", "≥"), ("上云企业比例", D(60), "%", "≥")]),
        ("高新企业和科技小巨人分别达到9000家和300家",
         [("高新企业", D(9000), "家", "≥"), ("科技小巨人", D(300), "家", "≥")]),
        ("单位能耗、单位碳排放分别下降14%、18%左右",
         [("单位能耗", D(14), "%", "≈"), ("单位碳排放", D(18), "%", "≈")]),
        ("两项能耗指标分别比2020年下降13%和18%",  # words between 分别 and the values; one subject for both
         [("两项能耗指标", D(13), "%", "="), ("两项能耗指标", D(18), "%", "=")]),
        ("光伏和风电装机分别提高到300万千瓦、200万千瓦",
         [("光伏", D(300), "万千瓦", "≥"), ("风电装机", D(200), "万千瓦", "≥")]),
        ("普及率和渗透率分别为50%、30%和20%",  # three values for two names: each keeps the whole subject
         [("普及率和渗透率", D(50), "%", "="), ("普及率和渗透率", D(30), "%", "="),
          ("普及率和渗透率", D(20), "%", "=")]),
    ],
)
def test_respectively(text, expected):
    got = [(t.indicator, t.quantity, t.unit, t.comparator) for t in extract_targets(text, 0, "x", "1")]
    assert got == expected


# ---------------------------------------------------------------- deadlines and periods

INHERITED = DeadlineHint(date(2020, 12, 31), "到2020年底，目标。")
COVERING = DeadlineHint(date(2024, 12, 31), "各项指标均为2024年全年目标。")


@pytest.mark.parametrize(
    ("text", "hint", "covering", "expected"),
    [
        ("到2022年，建设10个基地", INHERITED, None, [(date(2022, 12, 31), "", Basis.EXPLICIT)]),
        ("建设10个基地", INHERITED, None, [(date(2020, 12, 31), "", Basis.INFERRED)]),
        ("建设10个基地", None, None, [(None, "", Basis.EXPLICIT)]),
        ("建设10个基地", INHERITED, COVERING, [(date(2024, 12, 31), "", Basis.EXPLICIT)]),
        ("到2025年，建设10个基地", INHERITED, COVERING, [(date(2025, 12, 31), "", Basis.EXPLICIT)]),
        # the clause's own date beats its paragraph's
        ("到2027年，培育企业200家，其中，到2025年底，培育企业100家",
         None, None, [(date(2027, 12, 31), "", Basis.EXPLICIT), (date(2025, 12, 31), "", Basis.EXPLICIT)]),
        ("到2026年建成10个园区。新增企业50家", None, None,
         [(date(2026, 12, 31), "", Basis.EXPLICIT), (date(2026, 12, 31), "", Basis.EXPLICIT)]),
        # a 其中 clause's date binds only its own sentence; the next sentence goes back to the paragraph's
        ("到2027年，新增企业800家，其中，到2025年底新增300家。孵化器达到40个", None, None,
         [(date(2027, 12, 31), "", Basis.EXPLICIT), (date(2025, 12, 31), "", Basis.EXPLICIT),
          (date(2027, 12, 31), "", Basis.EXPLICIT)]),
        ("力争2019年全区引进项目超过60个", None, None, [(date(2019, 12, 31), "", Basis.EXPLICIT)]),
        ("2024年全年新增市场主体2万户", None, None, [(date(2024, 12, 31), "", Basis.EXPLICIT)]),
        ("建成10个园区（2026年底前）", None, None, [(date(2026, 12, 31), "", Basis.EXPLICIT)]),
        ("到2024年6月底前，改造老旧小区30个", None, None, [(date(2024, 6, 30), "", Basis.EXPLICIT)]),
        ("2025年上半年完成20个项目", None, None, [(date(2025, 6, 30), "", Basis.EXPLICIT)]),
        ("到“十四五”末，建成10个基地", None, None, [(date(2025, 12, 31), "", Basis.EXPLICIT)]),
        # periods are kept as written, with no invented year
        ("“十四五”期间，新增就业岗位50万个", INHERITED, None, [(None, "“十四五”期间", Basis.EXPLICIT)]),
        ("2023年起3年内，改造企业200家", None, None, [(None, "2023年起3年内", Basis.EXPLICIT)]),
        ("三年内新建充电桩1万个", None, None, [(None, "三年内", Basis.EXPLICIT)]),
        ("今后五年，引进人才1000名", None, None, [(None, "今后五年", Basis.EXPLICIT)]),
        ("力争用3年左右时间，培育链主企业10家", None, None, [(None, "用3年左右时间", Basis.EXPLICIT)]),
        ("今年底前，完成改造项目30个", None, None, [(None, "今年底前", Basis.EXPLICIT)]),
        ("建设10个基地", DeadlineHint(None, "“十四五”期间，…", "“十四五”期间"), None,
         [(None, "“十四五”期间", Basis.INFERRED)]),
    ],
)
def test_target_deadlines(text, hint, covering, expected):
    got = [(t.deadline, t.period, t.deadline_basis) for t in extract_targets(text, 0, "x", "1", hint, covering)]
    assert got == expected


@pytest.mark.parametrize(
    ("heading", "text", "when"),
    [
        ("主要目标", "主要目标\n到2020年底，形成一批示范。", date(2020, 12, 31)),
        ("发展目标", "发展目标。到2022年，建成服务体系。其余。", date(2022, 12, 31)),
        ("工作目标", "工作目标。稳步推进。到2022年，建成。", date(2022, 12, 31)),  # the one date it states
        ("工作目标", "工作目标。到2022年，建成。到2025年，完善。", date(2022, 12, 31)),
        ("工作目标", "工作目标。稳步推进。到2022年，建成。到2025年，完善。", None),  # two dates: none inherited
        ("阶段目标", "阶段目标：“十四五”期间，持续推进。", None),
        ("2024年工作目标", "2024年工作目标\n全区经济稳中有进。", date(2024, 12, 31)),  # the heading's year
        ("重点工作", "重点工作\n2024年，全区经济稳中有进。", None),  # a bare year in prose is no deadline
    ],
)
def test_lead_deadline(heading, text, when):
    hint = lead_deadline(heading, text)
    assert (hint.when if hint else None) == when
    if heading == "阶段目标":
        assert hint is not None and hint.period == "“十四五”期间"


def test_deadline_evidence():
    (inherited,) = extract_targets("建设10个基地", 0, "x", "1", INHERITED)
    assert inherited.deadline_evidence == "到2020年底，目标。"
    (covered,) = extract_targets("建设10个基地", 0, "x", "1", INHERITED, COVERING)
    assert covered.deadline_evidence == "各项指标均为2024年全年目标。"
    (own,) = extract_targets("到2022年，建设10个基地", 0, "x", "1", INHERITED)
    assert own.deadline_evidence == ""


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("到2020年底", date(2020, 12, 31)), ("到2025年", date(2025, 12, 31)), ("2021年前完成", date(2021, 12, 31)),
        ("2020年", None), ("2024年6月底前", date(2024, 6, 30)), ("到2024年2月", date(2024, 2, 29)),
        ("2024年9月30日前", date(2024, 9, 30)), ("至2030年末", date(2030, 12, 31)),
        ("到“十三五”末", date(2020, 12, 31)), ("2025年内完成", date(2025, 12, 31)), ("2026年三季度前", date(2026, 9, 30)),
        ("截至2023年底", date(2023, 12, 31)), ("三年内", None), ("2023-2025年", None),
    ],
)
def test_find_deadline(text, when):
    assert find_deadline(text) == when


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("一、主要目标\n…。（注：各项指标均为2024年全年目标）", date(2024, 12, 31)),
        ("以上指标均为2025年目标。", date(2025, 12, 31)),
        ("上述目标值均为2026年底前应达到的水平。", date(2026, 12, 31)),
        ("各项指标完成情况纳入考核。", None),
        ("到2025年，主要指标达到全国领先水平。", None),
    ],
)
def test_covering_deadline(text, when):
    hint = covering_deadline(text)
    assert (hint.when if hint else None) == when
    if hint:
        assert hint.evidence in text and str(when.year) in hint.evidence


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
        ("各相关区政府", "shanghai-relevant-district-governments", "上海市各相关区人民政府"),
        ("区级层面", DISTRICTS, "上海市各区人民政府"),
        ("市科委", "shanghai-science-and-technology-commission", "上海市科学技术委员会"),
        ("市人力资源社会保障局", "shanghai-municipal-human-resources-and-social-security-bureau",
         "上海市人力资源和社会保障局"),
    ],
)
def test_department_aliases(alias, key, pref_label):
    assert normalise_department(alias, SH) == key
    (dept,) = find_departments(f"由{alias}负责。", jurisdiction=SH)
    assert (dept.key, dept.pref_label, dept.listed_in_alias_table) == (key, pref_label, True)


@pytest.mark.parametrize("name", ["经信委", "上海市经信委", " 市经信委 ", "上海市经济和信息化委员会"])
def test_normalise_tolerates_prefixes(name):
    assert normalise_department(name, SH) == ECONOMY


@pytest.mark.parametrize("name", ["市经信委", "市财政局", "各相关区政府", "区级层面"])
def test_a_level_name_in_a_document_with_no_jurisdiction_is_no_place_s_body(name):
    # no place is any document's default: the one city file shipped (Shanghai's) must not claim an unknown city's text
    assert resolve_name(name) is None
    assert not any(d.listed_in_alias_table for d in find_departments(f"由{name}负责。"))


def test_a_name_asked_with_no_document_finds_the_one_body_the_files_give_it():
    # owns 环保局 over a graph: the only body a loaded file gives the name (the caller checks it holds that body)
    assert normalise_department("环保局") == "shanghai-municipal-environmental-protection-bureau"


@pytest.mark.parametrize(("jurisdiction", "written", "full"), [
    ("", "市财政局", "市财政局"),  # an unknown city's bureau: the name as written
    ("广州市", "市财政局", "广州市财政局"),
    ("中华人民共和国", "市财政局", "市财政局"),
])
def test_a_level_name_belongs_to_the_document_s_own_place(jurisdiction, written, full):
    (dept,) = find_departments(f"由{written}负责。", jurisdiction=jurisdiction)
    assert (dept.pref_label, dept.listed_in_alias_table) == (full, False)
    assert not dept.key.startswith("shanghai")


@pytest.mark.parametrize("name", ["市场", "某某委员会", ""])
def test_unknown_aliases(name):
    assert normalise_department(name) is None


def test_longest_match_and_unknown_bodies():
    text = "各相关区政府和区绿化市容局参加。鼓励各区域协同。"
    got = [(d.listed_in_alias_table, [s.text(text) for s in d.mentions]) for d in find_departments(text, jurisdiction=SH)]
    assert got == [(True, ["各相关区政府"]), (False, ["区绿化市容局"])]
    assert find_departments(text, jurisdiction=SH)[0].pref_label == "上海市各相关区人民政府"
    # with no jurisdiction neither is read as any place's: both stay as written
    assert [(d.pref_label, d.listed_in_alias_table) for d in find_departments(text)] == [
        ("各相关区政府", False), ("区绿化市容局", False)]


def test_created_joint_body_members():
    text = "成立由市政府召集，市科委、市财政局等部门参加的市人工智能推进领导小组。"
    *_, group = find_departments(text, jurisdiction=SH)
    assert (group.pref_label, group.category, group.created_by_document) == ("上海市人工智能推进领导小组", "joint-body", True)
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
    assert {c.group for c in concepts.values()} == {"industries", "technologies", "support-instruments", "governance",
                                                     "public-services"}
    assert concepts["coordination-mechanism"].group == "governance" and "coordinate" in concepts["coordination"].alt_en
    robot = concepts["industrial-robot"]
    assert (robot.pref_zh, robot.pref_en, robot.group) == ("工业机器人", "industrial robot", "technologies")
    assert "机器人" in robot.alt_zh and {"robot arm", "robotics"} <= set(robot.alt_en)
    subsidy = concepts["subsidy"]  # a narrower instrument: its group is its top concept's
    assert (subsidy.pref_zh, subsidy.broader, subsidy.group) == ("补贴", "fiscal-support", "support-instruments")
    assert "subsidies" in subsidy.alt_en and {"贴息", "贷款贴息"} == {concepts["interest-subsidy"].pref_zh,
                                                                   *concepts["interest-subsidy"].alt_zh}
    assert concepts["bank-credit"].group == "support-instruments"
    assert concepts["vocational-training"].group == "public-services"
    zh_labels = [label for c in concepts.values() if not c.is_top for label in (c.pref_zh, *c.alt_zh)]
    assert len(zh_labels) == len(set(zh_labels))


def test_find_concepts_longest_first():
    text = "一、甲\n支持工业机器人和大数据。\n二、乙\n落实研发费用加计扣除。\n"
    units, _ = parse_structure(text)
    got = [(m.unit_path, m.concept, m.label) for m in find_concepts(text, units)]
    assert got == [("一", "industrial-robot", "工业机器人"), ("一", "big-data", "大数据"),
                   ("二", "tax-incentive", "研发费用加计扣除")]


TASK_DOC = """某区年度工作要点
一、工作目标
2024年，新增标杆企业15家。以上指标均为2024年全年目标。
二、重点任务
（一）推动企业上云。全年推动规上企业上云200家。
附件
重点任务分解表
序号\t工作任务\t牵头单位\t配合单位\t完成时限
1\t推动规上企业上云200家\t区经委\t区科委\t2024年12月底前
2\t新建充电桩300个\t区建管委\t区发改委\t2024年9月底前
"""


def test_task_table_rows_date_their_own_targets_and_do_not_restate_the_body():
    from ingest import parse_text
    from ingest.model import DocumentMeta

    doc = parse_text(TASK_DOC, DocumentMeta(slug="tasks", title="tasks"))
    got = [(t.unit_path, t.indicator, t.quantity, t.unit, t.deadline) for t in doc.targets]
    assert got == [("一", "新增标杆企业", D(15), "家", date(2024, 12, 31)),
                   ("二（一）", "规上企业上云", D(200), "家", date(2024, 12, 31)),
                   ("附件", "充电桩", D(300), "个", date(2024, 9, 30))]


def test_a_covering_statement_that_looks_back_dates_only_the_targets_above_it():
    text = "一、目标\n新增经营主体2.8万户以上。以上指标均为2024年全年目标。\n二、任务\n（一）供地。标准地供应比例不低于80%。\n"
    units, _ = parse_structure(text)
    hint = covering_deadline(text)
    got = {t.indicator: t.deadline for u in units
           for t in extract_targets(text[u.span.start:u.span.end], u.span.start, u.path, u.key, None, hint)}
    assert got == {"新增经营主体": date(2024, 12, 31), "标准地供应比例": None}


def test_a_yearly_bound_keeps_its_period():
    (target,) = extract_targets("每年服务企业不少于1000家", 0, "x", "1")
    assert (target.indicator, target.deadline, target.period) == ("服务企业", None, "每年")
