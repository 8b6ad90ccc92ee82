"""Supports as data in local texts (round 6): tiers by firm size sharing a base, a step a sum is paid per, a cap
written as a payment of another name, a range of sums, a share paid later, a rate bounded before its base, and
time limits listed before the verb they share.  Sentences are written for these tests."""

from decimal import Decimal

from ingest.support import extract_supports, support_phrases


def _supports(text: str):
    return extract_supports(text, 0, "一", "u1")


def test_size_tiers_are_two_supports_sharing_the_base():
    text = "大型企业按其上年度实际缴纳失业保险费的40%返还，中小微企业按70%返还。"
    rates = [(s.kind, s.rate, s.rate_base, [c.text for c in s.conditions if c.field == "size"])
             for s in _supports(text) if s.rate is not None]
    assert rates == [("subsidy", Decimal("40"), "上年度实际缴纳失业保险费", ["大型企业"]),
                     ("subsidy", Decimal("70"), "上年度实际缴纳失业保险费", ["中小微企业"])]


def test_a_sum_paid_per_step_of_output_is_the_sum_not_the_step():
    text = "对产值首次超过2亿元的企业，按照产值每增加500万元奖励1万元的标准给予奖励，每家最高100万元。"
    rewards = [s for s in _supports(text) if s.kind == "reward"]
    assert [(s.amount, s.cap, s.unit) for s in rewards] == [(Decimal("1"), Decimal("100"), "万元")]


def test_cap_named_as_another_payment_joins_the_payment_before_it():
    text = "对购置设备的项目，按设备购置额的8%给予补助，单个项目奖励金额最高80万元。"
    paid = [s for s in _supports(text) if s.kind != "threshold"]
    assert [(s.kind, s.rate, s.cap) for s in paid] == [("subsidy", Decimal("8"), Decimal("80"))]


def test_a_further_grant_with_its_own_cap_stays_apart():
    text = "按设备购置额的8%给予补助，并给予最高50万元奖励。"
    paid = [s for s in _supports(text) if s.kind != "threshold"]
    assert [(s.kind, s.rate, s.cap) for s in paid] == [("subsidy", Decimal("8"), None), ("reward", None, Decimal("50"))]


def test_a_range_of_sums_before_a_payment_noun_is_paid():
    text = "对承办区级展会的企业，给予2万元-6万元的资金支持。"
    paid = [s for s in _supports(text) if s.kind == "subsidy"]
    assert [(s.amount, s.amount_max, s.unit) for s in paid] == [(Decimal("2"), Decimal("6"), "万元")]


def test_a_share_paid_later_is_no_support_of_its_own():
    text = "按投资额的12%给予最高1000万元补贴，其中补贴资金40%待项目竣工投产后拨付。"
    paid = [s for s in _supports(text) if s.kind == "subsidy"]
    assert [(s.rate, s.cap) for s in paid] == [(Decimal("12"), Decimal("1000"))]


def test_rate_bounded_before_its_base_keeps_the_base():
    text = "区财政补助占项目总投资的比例不超过60%，每户每年不超过200万元。"
    (s,) = [s for s in _supports(text) if s.rate is not None]
    assert (s.rate, s.rate_base, s.comparator, s.cap) == (Decimal("60"), "项目总投资", "≤", Decimal("200"))


def test_time_limits_listed_before_a_shared_verb_are_each_a_limit():
    text = "甲类申请10个工作日内、乙类申请5个工作日内、丙类申请2个工作日内完成审批。"
    limits = [(p.kind, p.amount) for p in support_phrases(text)]
    assert limits == [("time-limit", Decimal("10")), ("time-limit", Decimal("5")), ("time-limit", Decimal("2"))]


def test_listed_limits_under_a_reform_goal_stay_targets():
    text = "力争甲类申请10个工作日内、乙类申请5个工作日内完成审批。"
    assert [p.amount for p in support_phrases(text) if p.kind == "time-limit"] == []


def test_sums_listed_with_bare_magnitudes_are_each_a_grade():
    text = "对每引进一家年产值超过1亿元/3亿元/5亿元的企业，分别给予3万/6万/12万元奖励。"
    rewards = [(s.amount, s.unit) for s in _supports(text) if s.kind == "reward"]
    assert rewards == [(Decimal("3"), "万元"), (Decimal("6"), "万元"), (Decimal("12"), "万元")]


def test_sums_graded_by_year_of_support_are_each_a_support():
    text = "在认定基地内创业的，按照第一年每月900元、第二年每月600元标准给予租金补贴。"
    assert [s.amount for s in _supports(text) if s.kind == "subsidy"] == [Decimal("900"), Decimal("600")]


def test_a_later_years_sum_in_its_own_clause_keeps_the_payment():
    text = "给予运营机构房租补贴，补贴标准为：第一年按20元/平方米/月，第二年12元/平方米/月。"
    assert [s.amount for s in _supports(text) if s.kind == "subsidy"] == [Decimal("20"), Decimal("12")]


def test_interest_subsidy_in_percentage_points_is_a_rate():
    text = "贴息标准为每年1个百分点，最长贴息期限为3年，单户最多可享受贴息80万元。"
    got = [(s.kind, s.rate, s.amount, s.cap, s.comparator) for s in _supports(text)]
    # the cap of the subsidy joins its rate: one support, 1 point a year, at most 80万元
    assert got == [("loan-interest", Decimal("1"), None, Decimal("80"), ""), ("time-limit", None, Decimal("3"), None, "≤")]


def test_an_annualised_rate_has_no_base_named_by_its_period():
    (s,) = [s for s in _supports("给予年化1.5%的贴息。") if s.kind == "loan-interest"]
    assert (s.rate, s.rate_base) == (Decimal("1.5"), "")


def test_less_than_a_length_is_no_length_to_reach():
    text = "实际用款时间未满3个月的，按照实际使用时间计算补贴。"
    assert [s for s in _supports(text) if s.kind == "threshold" and s.amount == Decimal("3")] == []


def test_validity_forms_of_local_measures():
    from datetime import date

    from ingest.support import document_validity

    issued = date(2024, 5, 10)
    lag = document_validity("本措施自印发之日起30日后施行，有效期2年。", issued)
    assert (lag.valid_from, lag.valid_until) == (date(2024, 6, 9), date(2026, 6, 8))
    trial = document_validity("本细则自2024年7月1日起试行，试行期1年。", issued)
    assert (trial.valid_from, trial.valid_until) == (date(2024, 7, 1), date(2025, 6, 30))
    tentative = document_validity("本政策实施期暂定为2年，到期后视情况调整。", issued)
    assert (tentative.valid_from, tentative.valid_until) == (issued, date(2026, 5, 9))
    assert document_validity("开展为期一年的专项整治，执行期间加强督查。", issued) is None


def test_a_rate_stated_as_a_share_of_a_named_base():
    text = "见习补贴标准为当地最低工资标准的60%，留用率达到50%以上的，补贴标准提高到当地最低工资标准的100%。"
    rates = [(s.rate, s.rate_base) for s in _supports(text) if s.kind == "subsidy"]
    assert rates == [(Decimal("60"), "当地最低工资标准"), (Decimal("100"), "当地最低工资标准")]


def test_the_second_of_two_bases_is_the_one_the_rate_is_of():
    text = "土地出让金按成本价或者按不低于基准地价的75%缴纳。"
    (s,) = [s for s in _supports(text) if s.kind == "land"]
    assert (s.rate, s.rate_base, s.comparator) == (Decimal("75"), "基准地价", "≥")


def test_a_tax_named_as_the_base_does_not_make_the_payment_tax_relief():
    text = "第三年至第五年按企业所得税县级留存部分的40%，由县财政补助给企业。"
    (s,) = [s for s in _supports(text) if s.rate is not None]
    assert (s.kind, s.rate, s.rate_base) == ("subsidy", Decimal("40"), "企业所得税县级留存部分")


def test_rates_graded_by_year_are_each_a_support():
    text = "增值税地方留成部分，从投产年度起3年内，分别按60%、40%、20%安排资金奖励企业。"
    assert [s.rate for s in _supports(text) if s.kind == "reward"] == [Decimal("60"), Decimal("40"), Decimal("20")]


def test_a_cost_named_before_its_rate_is_the_base():
    (s,) = [s for s in _supports("经认定备案的，给予第二年租金40%补贴。") if s.rate is not None]
    assert (s.rate, s.rate_base) == (Decimal("40"), "租金")


def test_a_base_the_sentence_opens_with():
    text = "企业缴纳的所得税地方留成部分，从获利年度起3年内，分别按60%、30%、10%奖励企业。"
    assert {s.rate_base for s in _supports(text) if s.kind == "reward"} == {"企业缴纳的所得税地方留成部分"}


def test_a_later_sentences_condition_is_no_condition_of_an_earlier_support():
    text = ("首次列入省级百强企业的，给予一次性奖励20万元。鼓励软件企业壮大，对年销售收入首次突破1000万元的软件企业，"
            "给予一次性奖励10万元。")
    first, *rest = [s for s in _supports(text) if s.kind == "reward"]
    assert first.amount == Decimal("20") and not [c for c in first.conditions if c.kind == "sector"]
    assert any(c.kind == "sector" for s in rest for c in s.conditions)
