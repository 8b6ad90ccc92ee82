"""Targets and front lines of local work reports and plans (round 8): an output or an investment to be reached after
实现/完成 is a target even though it reads like a size (产值…亿元以上), a plan quoted with 其中提出 dates what follows,
a report's estimate of the year now closing (预计全年…) is no aim, a heading ending in 执行情况 announces results however
long, and a speech-date line a page broke in two is front matter. Sentences are written for these tests."""

from datetime import date
from decimal import Decimal

from ingest.classify import heading_role
from ingest.model import DocumentMeta
from ingest.pipeline import parse_text
from ingest.targets import extract_targets


def _read(text: str, year: int | None = None):
    return [(t.indicator, t.quantity, t.unit, t.comparator, t.deadline)
            for t in extract_targets(text, 0, "一", "u1", year=year)]


def test_an_output_after_an_aim_verb_is_a_target():
    found = _read("推动家具产业提档升级，实现家具产值80亿元以上。")
    assert ("家具产值", Decimal("80"), "亿元", "≥", None) in found


def test_an_investment_to_be_completed_is_a_target():
    found = _read("全年开工重点项目120个，完成投资150亿元以上。")
    assert ("投资", Decimal("150"), "亿元", "≥", None) in found


def test_a_size_that_qualifies_who_is_paid_stays_no_target():
    assert _read("对年产值5亿元以上的企业给予一次性奖励。") == []
    assert _read("实现年产值5亿元以上的企业，给予奖励50万元。") == []


def test_a_plan_quoted_with_qizhong_tichu_dates_the_sentences_after_it():
    found = _read("方案其中提出，到2027年，产业规模力争达到300亿元。培育龙头企业5家以上。")
    assert ("龙头企业", Decimal("5"), "家", "≥", date(2027, 12, 31)) in found


def test_a_qizhong_subset_still_binds_only_its_sentence():
    found = _read("其中，到2025年底，新建充电桩800个。改造老旧小区30个。")
    assert ("改造老旧小区", Decimal("30"), "个", "=", None) in found


def test_an_estimate_of_the_closing_year_is_no_aim():
    assert _read("经济运行稳中向好，预计全年地区生产总值突破900亿元，一般公共预算收入完成60亿元。") == []


def test_an_estimate_looking_ahead_to_a_year_is_still_read():
    found = _read("预计到2026年，全市新能源汽车产量达到20万辆。")
    assert ("全市新能源汽车产量", Decimal("20"), "万辆", "≥", date(2026, 12, 31)) in found


def test_a_long_heading_ending_in_zhixing_qingkuang_announces_results():
    doc = parse_text("一、2024年全县国民经济和社会发展计划执行情况\n（一）工业经济稳步回升\n规上工业增加值增长9%。\n"
                     "二、2025年主要任务\n（一）做强工业\n力争规上工业增加值增长8%以上。\n",
                     DocumentMeta(slug="x", title="x"))
    assert heading_role(doc.units[0]) == "results"
    assert [t.unit_path for t in doc.targets] == ["二（一）"]


def test_a_speech_date_line_broken_in_two_is_front_matter():
    text = ("某县2025年政府工作报告\n——2025年1月8日在某县第十八届\n人民代表大会第四次会议上\n各位代表：\n"
            "现在，我代表县人民政府向大会报告工作。\n一、过去一年工作回顾\n全县经济平稳运行。\n二、今年工作安排\n"
            "力争地区生产总值增长6%左右。\n")
    doc = parse_text(text, DocumentMeta(slug="x", title=""))
    assert doc.meta.issued == "2025-01-08"
    assert not any(u.label == "——" for u in doc.units)


def test_each_value_of_a_series_keeps_its_own_bound_word():
    found = _read("城镇和农村居民人均可支配收入分别增长6%左右和7%以上。")
    assert ("城镇居民人均可支配收入", Decimal("6"), "%", "≈", None) in found
    assert ("农村居民人均可支配收入", Decimal("7"), "%", "≥", None) in found


def test_a_later_series_with_no_names_takes_the_names_of_the_one_before():
    found = _read("到2025年，专精特新企业和高新技术企业分别达到120家和500家；到2027年，分别达到180家和650家。")
    assert ("专精特新企业", Decimal("180"), "家", "≥", date(2027, 12, 31)) in found
    assert ("高新技术企业", Decimal("650"), "家", "≥", date(2027, 12, 31)) in found


def test_a_short_note_in_brackets_stays_inside_the_counted_noun():
    found = _read("到2026年，建成5个以上省级（国家级）现代农业产业园。")
    assert ("省级（国家级）现代农业产业园", Decimal("5"), "个", "≥", date(2026, 12, 31)) in found


def test_this_years_work_arrangements_heading_holds_tasks():
    doc = parse_text("一、2024年工作回顾\n全县经济平稳运行。\n二、2025年主要工作安排\n（一）做强工业\n新增规上企业20家。\n"
                     "（二）做优农业\n建成高标准农田2万亩。\n", DocumentMeta(slug="x", title="x"))
    assert heading_role(doc.units[1]) == "tasks"
    assert heading_role(doc.units[0]) == "results"


def test_the_population_a_plan_is_about_is_no_target():
    found = _read("以全县3200多名低保对象为重点，到2026年，新增公益性岗位60个以上。")
    assert [(f[0], f[1]) for f in found] == [("新增公益性岗位", Decimal("60"))]


def test_a_share_after_a_list_of_districts_is_a_target_of_the_noun_after_it():
    found = _read("到2027年，甲区、乙区、丙区40%的社区建成综合服务中心。")
    assert found == [("社区建成综合服务中心", Decimal("40"), "%", "=", date(2027, 12, 31))]


def test_a_count_of_the_districts_just_listed_stays_no_target():
    assert _read("选择甲区、乙区、丙区等3个区先行试点。") == []


def test_two_works_sharing_one_figure_with_ge_are_two_targets():
    found = _read("全年完成开工、竣工各80万平方米。")
    assert {(f[0], f[1], f[2]) for f in found} == {("竣工", Decimal("80"), "万平方米"), ("开工", Decimal("80"), "万平方米")}


def test_a_breadcrumbs_rest_on_its_own_line_is_page_chrome():
    from ingest.webchrome import is_chrome
    assert is_chrome(" > 信息公开 > 政策文件 > 区政府文件")
    assert is_chrome("> 政策解读")
    assert not is_chrome("关于印发某区推动经济高质量发展若干政策的通知")


def test_a_note_mark_after_a_quoted_term_gives_way_to_the_term():
    found = _read("规范提升就业工厂，新培育“乡村工匠”[12]260名。")
    assert [(f[0], f[1], f[2]) for f in found] == [("乡村工匠", Decimal("260"), "名")]


def test_a_note_mark_inside_an_indicator_is_dropped():
    found = _read("力争“专精特新”企业[5]达到40家。")
    assert found and "[" not in found[0][0]


def test_a_bound_after_the_number_under_quannian_is_a_minimum_per_year():
    text = ("某区2025年工作要点\n一、主要目标\n新增经营主体3000户。以上指标均为2025年全年目标。\n二、重点任务\n"
            "（一）守牢安全底线。全年完成食品安全抽检3000批次以上。\n（二）推动上云。全年推动企业上云100家。\n")
    doc = parse_text(text, DocumentMeta(slug="d", title="d"))
    got = {(t.unit_path, t.quantity): (t.deadline, t.period) for t in doc.targets}
    assert got[("二（一）", Decimal(3000))] == (None, "全年")
    assert got[("二（二）", Decimal(100))] == (date(2025, 12, 31), "")


def test_a_year_between_the_indicator_and_its_bound_dates_the_target():
    found = _read("建设价格指数发布平台，年交易额2027年突破200亿元。", 2025)
    assert found == [("年交易额", Decimal("200"), "亿元", "≥", date(2027, 12, 31))]
    found = _read("全县规上企业数量2026年力争达到150家。", 2025)
    assert found == [("全县规上企业数量", Decimal("150"), "家", "≥", date(2026, 12, 31))]


def test_farm_and_product_counts_have_their_measure_word():
    found = _read("到2027年，全县食用菌种植规模稳定在1.5亿袋以上，家禽出栏达到600万羽。")
    assert {(f[1], f[2]) for f in found} == {(Decimal("1.5"), "亿袋"), (Decimal("600"), "万羽")}


def test_how_long_a_relief_lasts_is_no_target():
    assert _read("对承租国有房屋的小微企业，2025年免除3个月租金。") == []


def test_a_lowered_threshold_and_a_cap_on_each_project_are_no_targets():
    assert _read("中小企业实施的改造项目，申报门槛降至100万元。") == []
    assert _read("新建烘干设施用地按设施农业用地管理，单个项目辅助设施用地不超过10亩。") == []
    assert _read("每个乡镇至少建成1个便民服务站。") == [("便民服务站", Decimal("1"), "个", "≥", None)]


def test_a_higher_figure_after_lizheng_is_a_target_of_the_same_indicator():
    found = _read("区级一般公共预算收入增长3%，力争4%。")
    assert [(f[0], f[1]) for f in found] == [("区级一般公共预算收入增长", Decimal("3")),
                                            ("区级一般公共预算收入增长", Decimal("4"))]
    assert _read("力争4%。") == []


def test_how_many_of_a_kind_named_before_de_is_a_target():
    found = _read("到2027年，壮大一批特色产业集群，年营业收入超500亿元的3个，超100亿元的12个。")
    assert [(f[0], f[1], f[2]) for f in found] == [("年营业收入超500亿元的特色产业集群", Decimal("3"), "个"),
                                                  ("年营业收入超100亿元的特色产业集群", Decimal("12"), "个")]


def test_a_speakers_line_and_the_salutation_under_a_speech_date_are_front_matter():
    text = ("政府工作报告\n——2025年1月8日在某县第十八届人民代表大会第四次会议上\n县人民政府县长 张 某\n各位代表：\n"
            "现在，我代表县人民政府向大会报告工作。\n今年全县经济平稳运行。\n")
    doc = parse_text(text, DocumentMeta(slug="x", title=""))
    assert [u.text.strip()[:4] for u in doc.units] == ["现在，我", "今年全县"]


def test_paragraphs_under_a_review_heading_report_results_not_aims():
    text = ("政府工作报告\n——2025年1月8日在某县第十八届人民代表大会第四次会议上\n各位代表：\n现在，我代表县人民政府向大会报告工作。\n"
            "2024年工作回顾\n稳住经济大盘。全年新增市场主体3200户，完成技能培训5000人次。\n"
            "2025年工作安排\n做强实体经济。新增规上工业企业20家。\n")
    doc = parse_text(text, DocumentMeta(slug="x", title=""))
    assert [(t.quantity, t.unit) for t in doc.targets] == [(Decimal("20"), "家")]
