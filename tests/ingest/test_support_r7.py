"""Supports in local texts (round 7): who qualifies by a recent status, a bound with a note on the bound, a ratio
the applicant must stay under and a fee the product may charge, the window a support runs for, a public notice's
length, sizes in a list of conditions, two bounds joined by 且, a cap over all the text's support, a floor on how a
sum is shared, a floor on a payment standard, the terms of an insurance product, and money reported as spent.
Sentences are written for these tests."""

from datetime import date
from decimal import Decimal

from ingest.support import extract_supports


def _supports(text: str, issued: date | None = None):
    return extract_supports(text, 0, "一", "u1", issued)


def _by_kind(text: str, kind: str, issued: date | None = None):
    return [s for s in _supports(text, issued) if s.kind == kind]


def test_a_recent_graduation_is_a_threshold_at_most():
    found = _by_kind("企业招用离校3年内的高校毕业生并签订劳动合同的，按每人1000元给予补贴。", "threshold")
    assert [(s.amount, s.unit, s.comparator) for s in found if "离校" in s.text] == [(Decimal("3"), "年", "≤")]


def test_a_note_on_the_bound_does_not_hide_the_bound():
    found = _by_kind("职工人数50人（含）以下的企业，按每人300元给予补助。", "threshold")
    assert [(s.amount, s.unit, s.comparator) for s in found] == [(Decimal("50"), "人", "≤")]


def test_a_sentence_of_terms_beside_a_payment_gives_thresholds_only():
    text = "上年度未裁员的企业，按其缴纳失业保险费的50%返还；在职职工20人以下的企业，裁员率不高于职工总数的10%。"
    found = [(s.kind, s.amount, s.unit, s.comparator) for s in _supports(text) if s.kind == "threshold"]
    assert ("threshold", Decimal("20"), "人", "≤") in found
    assert ("threshold", Decimal("10"), "%", "≤") in found


def test_a_fee_rate_cap_is_a_term_of_the_product_not_a_threshold():
    text = "企业通过政府性融资担保机构获得担保的，担保费率一般不超过0.8%，财政按担保额的1%给予补助。"
    other = _by_kind(text, "other")
    assert [(s.rate, s.comparator) for s in other] == [(Decimal("0.8"), "≤")]
    assert [s.rate for s in _by_kind(text, "subsidy")] == [Decimal("1")]


def test_the_window_counted_from_the_applicants_own_event_is_a_limit():
    text = "自投产之日起三年内，按每年纳税额的20%给予奖励。"
    limits = _by_kind(text, "time-limit")
    assert [(s.amount, s.unit, s.comparator) for s in limits] == [(Decimal("3"), "年", "≤")]


def test_the_texts_own_validity_is_no_support_window():
    assert _by_kind("本办法自印发之日起3年内有效，补助资金按规定拨付。", "time-limit") == []


def test_a_public_notice_of_a_number_of_days_is_a_limit_of_that_length():
    limits = _by_kind("审核结果在门户网站公示7个工作日，无异议的拨付资金。", "time-limit")
    assert [(s.amount, s.unit, s.comparator) for s in limits] == [(Decimal("7"), "个工作日", "=")]


def test_sizes_in_a_list_of_conditions_are_thresholds():
    found = _by_kind("（三）上年度营业收入在2000万元以上，且无不良信用记录；", "threshold")
    assert [(s.amount, s.unit, s.comparator) for s in found] == [(Decimal("2000"), "万元", "≥")]


def test_an_aim_in_a_list_is_no_threshold():
    assert _by_kind("力争营业收入突破5000万元以上。", "threshold") == []


def test_a_loan_term_is_a_threshold():
    text = "申请贴息的贷款应当用于设备购置，期限在2年以上，单笔金额不低于300万元。"
    found = sorted((s.amount, s.unit, s.comparator) for s in _by_kind(text, "threshold"))
    assert (Decimal("2"), "年", "≥") in found


def test_two_bounds_joined_by_qie_are_two_thresholds():
    text = "上年度研发投入增长15%以上且增量超过500万元的企业，按增量的5%给予奖励。"
    found = sorted((s.amount, s.unit) for s in _by_kind(text, "threshold"))
    assert found == [(Decimal("15"), "%"), (Decimal("500"), "万元")]


def test_a_cap_over_all_the_support_of_the_text_is_no_subsidy():
    found = _supports("单个企业每年享受本办法各项扶持资金累计不超过300万元。")
    assert [(s.kind, s.cap) for s in found] == [("other", Decimal("300"))]


def test_a_floor_on_the_share_used_for_rewards_is_no_reward():
    found = _supports("成果转化收益用于奖励研发团队的比例不低于60%。")
    assert [(s.kind, s.rate, s.comparator) for s in found] == [("other", Decimal("60"), "≥")]


def test_a_floor_on_a_payment_standard_is_the_payment():
    found = _supports("村级保洁员补贴按每人每月不低于1500元的标准发放。")
    assert [(s.kind, s.amount, s.unit, s.comparator) for s in found] == [("subsidy", Decimal("1500"), "元", "≥")]


def test_a_one_off_rate_of_settling_cases_is_no_payment():
    assert _supports("初次信访事项一次性化解率达到85%以上。") == []


def test_the_sum_insured_is_a_term_of_the_product():
    text = "推行水稻种植保险，每亩保险金额1000元，财政补贴保费的70%。"
    assert [(s.amount, s.unit) for s in _by_kind(text, "other")] == [(Decimal("1000"), "元")]
    assert [s.rate for s in _by_kind(text, "subsidy")] == [Decimal("70")]


def test_money_reported_as_spent_in_a_past_year_is_no_support():
    text = "在农田建设方面，2022年我局统筹补助资金8000万元，建成高标准农田5万亩。"
    assert _supports(text, date(2023, 6, 1)) == []
    assert _supports(text, None) != []  # the year of issue unknown: kept


def test_funds_listed_among_what_a_body_must_have_are_a_threshold():
    found = _by_kind("申请登记的协会应有固定的办公场所、3万元以上的活动资金和专职人员。", "threshold")
    assert [(s.amount, s.unit, s.comparator) for s in found] == [(Decimal("3"), "万元", "≥")]


def test_tiers_of_one_measure_are_one_threshold_each():
    text = "对年营业收入首次突破5000万元、1亿元、5亿元的企业，分别奖励5万元、10万元、30万元。"
    found = [(s.amount, s.unit, s.comparator) for s in _by_kind(text, "threshold")]
    assert found == [(Decimal("5000"), "万元", "≥"), (Decimal("1"), "亿元", "≥"), (Decimal("5"), "亿元", "≥")]


def test_a_unit_reviewing_a_past_year_offers_no_support():
    text = "一、2025年工作回顾\n全年拨付稳岗返还资金3000万元，发放创业担保贷款2亿元。"
    assert _supports(text, date(2026, 2, 1)) == []


def test_the_base_of_a_rate_is_read_whole_or_from_the_grant_or_the_clause_before():
    assert [s.rate_base for s in _supports("租金补贴标准为当地同类厂房市场租金的60%。")] == ["当地同类厂房市场租金"]
    assert [s.rate_base for s in _supports("对评估费给予40%的补贴。")] == ["评估费"]
    found = _supports("首年按照实际支付租金的80%给予补贴，第二年按照40%给予补贴。")
    assert [(s.rate, s.rate_base) for s in found] == [(Decimal("80"), "实际支付租金"), (Decimal("40"), "实际支付租金")]


def test_the_window_of_an_obligation_to_pay_back_is_no_support_term():
    text = "获得补助的企业，自资金拨付之日起5年内迁出本区的，应当退回全部补助资金。"
    assert _by_kind(text, "time-limit") == []
