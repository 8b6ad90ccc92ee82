"""Supports as data on local money notations (eighth round, sp8): the whole interest borne (全额贴息), the size of a
loan an applicant may take (a term of the product, not a payment), a cap written after graded rates or sums, and a
list of sums each after its own grade's label. Sentences written for these tests."""

from decimal import Decimal

from ingest.support import extract_supports


def _paid(text: str):
    return [s for s in extract_supports(text, 0, "一", "u1") if s.kind not in ("threshold", "time-limit")]


def test_whole_interest_borne_is_a_rate_of_100():
    found = _paid("返乡人员申请创业担保贷款的，由县财政按规定给予全额贴息。")
    assert [(s.kind, s.rate) for s in found] == [("loan-interest", Decimal(100))]


def test_whole_subsidy_with_a_sum_in_its_clause_keeps_the_sum():
    found = _paid("对参加培训的人员给予全额补贴800元。")
    assert [s.amount for s in found] == [Decimal(800)] and found[0].rate is None


def test_recovering_the_whole_sum_is_no_payment():
    assert _paid("以虚假材料骗取资金的，全额追回已拨付资金。") == []


def test_the_size_of_a_loan_is_a_term_and_a_second_applicants_bound_is_kept():
    found = _paid("个人可申请创业担保贷款最高20万元，合伙经营的最高60万元，财政按贷款利率的50%给予贴息。")
    assert [(s.kind, s.cap, s.rate) for s in found] == [
        ("other", Decimal(20), None), ("other", Decimal(60), None), ("loan-interest", None, Decimal(50))]


def test_a_loan_size_written_as_its_top_amount_is_a_term():
    found = _paid("农户担保贷款最高额度为10万元，给予全额贴息。")
    assert [(s.kind, s.cap, s.rate) for s in found] == [("other", Decimal(10), None), ("loan-interest", None, Decimal(100))]


def test_a_cap_after_graded_rates_bounds_every_grade():
    found = _paid("设备投资达到300万元、1000万元以上的，分别按照设备投资额的3%、5%，最高给予80万元补助。")
    assert [(s.rate, s.cap, s.rate_base) for s in found] == [
        (Decimal(3), Decimal(80), "设备投资额"), (Decimal(5), Decimal(80), "设备投资额")]


def test_a_cap_after_graded_sums_bounds_every_grade():
    found = _paid("对新认定的国家级、省级示范基地，分别给予30万元、10万元奖励，单个企业累计最高不超过35万元。")
    assert [(s.amount, s.cap) for s in found] == [(Decimal(30), Decimal(35)), (Decimal(10), Decimal(35))]


def test_a_cap_of_a_single_payment_is_unchanged():
    found = _paid("按照实际支出的40%给予补助，最高不超过15万元。")
    assert [(s.rate, s.cap) for s in found] == [(Decimal(40), Decimal(15))]


def test_labelled_sums_in_one_list_are_one_support_each():
    found = _paid("取得证书的，按一级800元、二级1200元、三级1600元的标准给予技能补贴。")
    assert [s.amount for s in found] == [Decimal(800), Decimal(1200), Decimal(1600)]
    assert {s.kind for s in found} == {"subsidy"}


def test_labelled_sums_per_head_with_slashes_in_the_labels():
    found = _paid("按照甲类/一档600元/人、乙类/二档900元/人的标准予以补贴。")
    assert [(s.amount, s.unit) for s in found] == [(Decimal(600), "元/人"), (Decimal(900), "元/人")]


def test_a_list_of_thresholds_is_not_a_list_of_grades():
    found = [s for s in extract_supports("对年纳税300万元、500万元以上的企业，给予5万元奖励。", 0, "一", "u1")
             if s.kind == "reward"]
    assert all(s.amount != Decimal(500) for s in found)


def test_a_second_grant_after_a_sum_is_not_a_grade():
    found = _paid("给予10万元奖励、对新认定的再给予5万元奖励。")
    assert Decimal(5) not in [s.amount for s in found[:1]] and len([s for s in found if s.amount == Decimal(10)]) == 1


def _bounds(text: str):
    return [(s.amount, s.unit, s.comparator) for s in extract_supports(text, 0, "一", "u1") if s.kind == "threshold"]


def test_a_size_and_a_layoff_bound_in_one_clause_are_two_thresholds():
    found = _bounds("职工50人（含）以下的企业裁员率不高于职工总数15%的，按其上年度缴纳失业保险费的50%返还。")
    assert (Decimal(50), "人", "≤") in found and (Decimal(15), "%", "≤") in found


def test_a_target_named_inside_the_base_of_a_bound_is_no_aim():
    found = _bounds("上年度裁员率不高于全省失业率控制目标6%的企业，按其缴纳失业保险费的40%返还。")
    assert (Decimal(6), "%", "≤") in found


def test_a_bound_already_read_as_the_threshold_is_not_doubled():
    found = _bounds("裁员率不高于4%的小微企业，按其缴纳失业保险费的60%返还。")
    assert found.count((Decimal(4), "%", "≤")) == 1


def test_an_aim_before_a_ratio_is_still_no_threshold():
    assert _bounds("力争到2027年，全市企业裁员率不高于3%。") == []


def test_a_second_cap_for_another_grade_is_kept_not_dropped():
    found = _paid("对引进的人才给予生活补贴：甲类最高300万元，乙类最高120万元。")
    assert [s.cap for s in found] == [Decimal(300), Decimal(120)] and {s.kind for s in found} == {"subsidy"}


def test_a_cap_after_a_payment_without_one_still_bounds_it():
    found = _paid("按设备投资额的8%给予补助，单个项目最高不超过200万元。")
    assert [(s.rate, s.cap) for s in found] == [(Decimal(8), Decimal(200))]
