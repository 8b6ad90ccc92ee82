"""Supports (round 8, after reading): a closing paragraph of an article bounds the article, not its last item; a
cap on an interest-subsidy rate in points; limits on paying and on forwarding to a body; a sanction's bar is no
limit; 及以下 bounds; a bound after 且 and a second size after 、; a tier with its lower bound marked (含); the part
of a base a tax relief applies to; a cap over one article's payments keeps their kind; money an inspection finds
unpaid is no support.  Sentences are written for these tests."""

from decimal import Decimal

from ingest import parse_plan
from ingest.support import extract_supports


def _supports(text: str):
    return extract_supports(text, 0, "一", "u1")


def _by_kind(text: str, kind: str):
    return [s for s in _supports(text) if s.kind == kind]


_RULES = """某市茶叶产业扶持办法

第一条　为扶持茶叶产业发展，制定本办法。

第二条　新建茶园奖补。
（一）新建茶园50亩以上的，每亩补助300元；
（二）新建有机茶园的，每亩补助500元。
单个经营主体本条补助每年最高不超过20万元。

第三条　本办法自2026年1月1日起施行。
"""


def test_a_closing_paragraph_after_the_last_item_belongs_to_the_article(tmp_path):
    path = tmp_path / "rules.txt"
    path.write_text(_RULES, encoding="utf-8")
    doc = parse_plan(path)
    cap = [s for s in doc.supports if s.cap == Decimal(20)]
    assert [(s.unit_path, s.kind) for s in cap] == [("第二条", "subsidy")]
    assert len({s.key for s in doc.supports}) == len(doc.supports)
    assert [s.amount for s in doc.supports if s.unit_path == "第二条（二）"] == [Decimal(500)]


def test_a_most_of_points_is_a_cap_on_the_rate():
    found = _by_kind("技改贷款的年化贴息率最高不超过2个百分点。", "loan-interest")
    assert [(s.cap, s.rate, s.unit) for s in found] == [(Decimal(2), None, "个百分点")]


def test_points_without_a_cap_word_stay_the_rate():
    found = _by_kind("对符合条件的技改贷款，贴息标准为每年1个百分点。", "loan-interest")
    assert [s.rate for s in found] == [Decimal(1)]


def test_a_limit_to_pay_and_a_limit_to_forward_to_a_body():
    paid = _by_kind("国有企业采购中小企业服务的，应当自服务完成之日起45日内支付款项。", "time-limit")
    assert [(s.amount, s.unit) for s in paid] == [(Decimal(45), "日")]
    sent = _by_kind("各区主管部门于受理截止后10个工作日内将审核意见报市科技局。", "time-limit")
    assert [(s.amount, s.unit) for s in sent] == [(Decimal(10), "个工作日")]


def test_a_sanction_bar_is_no_time_limit():
    text = "骗取奖补资金的，追回已拨付资金，5年内不再受理其申请，并取消其3年内申报区级资金的资格。"
    assert _by_kind(text, "time-limit") == []


def test_ji_yi_xia_is_an_upper_bound():
    found = _by_kind("对年营业收入800万元及以下的小型企业，按每户2000元给予补助。", "threshold")
    assert [(s.amount, s.comparator) for s in found] == [(Decimal(800), "≤")]


def test_the_bound_after_qie_is_a_threshold_too():
    text = "对上年度营业收入在500万元以上且较上年增长20%以上的企业，按新增部分的5%给予奖励。"
    found = {(s.amount, s.unit) for s in _by_kind(text, "threshold")}
    assert {(Decimal(500), "万元"), (Decimal(20), "%")} <= found


def test_two_sizes_listed_with_dun_hao_are_two_thresholds():
    text = "新建连栋温室，单栋面积2亩以上、集中建设5座以上的，每座补助2万元。"
    found = {(s.amount, s.unit) for s in _by_kind(text, "threshold")}
    assert {(Decimal(2), "亩"), (Decimal(5), "座")} <= found


def test_a_tier_with_its_lower_bound_marked_included_is_a_range():
    found = _by_kind("流转土地300亩（含）至600亩的，每亩补助40元。", "threshold")
    assert [(s.amount, s.amount_max, s.unit) for s in found] == [(Decimal(300), Decimal(600), "亩")]


def test_the_part_of_a_base_a_relief_applies_to_is_no_cap():
    text = "对个体工商户年应纳税所得额不超过200万元的部分，减半征收个人所得税。"
    assert [s.cap for s in _supports(text) if s.kind != "threshold"] == []
    assert [(s.amount, s.comparator) for s in _by_kind(text, "threshold")] == [(Decimal(200), "≤")]


def test_a_cap_over_one_articles_payments_keeps_their_kind():
    found = [s for s in _supports("同一企业本条各项补助合计每年最高不超过30万元。") if s.cap is not None]
    assert [(s.kind, s.cap) for s in found] == [("subsidy", Decimal(30))]
    whole = [s for s in _supports("同一企业享受本办法各项补助合计每年最高不超过80万元。") if s.cap is not None]
    assert [s.kind for s in whole] == ["other"]


def test_money_an_inspection_finds_unpaid_is_no_support():
    text = "部分政策落实不到位，市工信局技改补贴仍有800万元未拨付，企业反映强烈。"
    assert _supports(text) == []
