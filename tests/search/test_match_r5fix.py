"""Forms of amounts the calculator works out from a unit's own words: a fine as a multiple of a sum, a fraction of
a sum the text itself names, the part above a floor at a rate up to a cap, the English asker's one sum for the
part above a floor; and the rule on who claims an expense carrying the sum another article sets for it."""

from __future__ import annotations

from decimal import Decimal as D
from types import SimpleNamespace

from kg.views import EnterpriseProfile, SupportView
from search.eligibility import excess_amount
from search.shares import asks_who_claims, claimed_expense
from search.text_amounts import bounded_amounts


def unit(text, uid="u1", document="d", start=0, supports=(), kind="measure"):
    return SimpleNamespace(id=uid, text=text, document=document, start=start, kind=kind,
                           context=SimpleNamespace(supports=list(supports)))


def support(**kw):
    base = {"iri": "s", "unit_iri": "u", "unit_path": "一", "kind": "subsidy", "amount": None, "amount_max": None,
            "unit": "", "rate": None, "rate_base": "", "cap": None, "comparator": "", "condition": "", "text": "",
            "start": 0, "end": 0}
    base.update(kw)
    return SupportView(**base)


def test_a_fine_of_a_multiple_of_the_illegal_income_is_at_most_the_upper_multiple():
    rule = unit("未经许可经营的，没收违法所得，并处违法所得二倍以上十倍以下的罚款。")
    [fine] = bounded_amounts(rule, EnterpriseProfile(needs="我们一共收了3万元服务费，最多罚多少？"))
    assert (fine.value, fine.kind, fine.base, fine.base_value) == (D(300000), "cap", "违法所得", D(30000))
    assert "最低 2 倍即 60,000 元" in fine.formula
    [open_] = bounded_amounts(rule, EnterpriseProfile(needs="会被罚多少？"))
    assert open_.value is None and open_.base_field == "needs"


def test_a_fine_is_worked_on_the_one_sum_an_english_asker_gives():
    rule = unit("并处违法所得1倍以上3倍以下的罚款")
    [fine] = bounded_amounts(rule, EnterpriseProfile(needs="We earned about 50,000 yuan from it."))
    assert fine.value == D(150000)


def test_a_fraction_of_a_sum_the_text_names_is_worked_in_the_texts_unit():
    reply = unit("工程概算为12亿元，中央财政承担概算投资12亿元的1/4，其余由地方自筹。")
    [share] = bounded_amounts(reply, EnterpriseProfile(needs="国家出多少？"))
    assert (share.value, share.unit, share.rate, share.base_value) == (D(3), "亿元", D(25), None)
    thirds = bounded_amounts(unit("负担原估算投资6亿元的三分之二"), EnterpriseProfile(needs="x"))
    assert thirds[0].value == D(4) and thirds[0].unit == "亿元"
    rounded = bounded_amounts(unit("补助总额1000万元的2/3"), EnterpriseProfile(needs="x"))[0]
    assert rounded.value == D("666.67") and "≈" in rounded.formula


def test_the_part_above_a_floor_at_a_rate_up_to_a_cap():
    rule = unit("企业年度研发投入超过200万元的部分按20%给予补助，最高不超过50万元。")
    [aid] = bounded_amounts(rule, EnterpriseProfile(needs="去年研发投入了400万元"))
    assert (aid.value, aid.kind, aid.rate, aid.base_value, aid.cap) == (D(400000), "rate", D(20), D(4000000),
                                                                       D(500000))
    [capped] = bounded_amounts(rule, EnterpriseProfile(needs="研发投入5000万元"))
    assert (capped.value, capped.kind) == (D(500000), "cap")
    # no rate: the supports' reading (eligibility.excess_amount) answers, not a second copy
    assert bounded_amounts(unit("超过1万元的部分，在5万元限额内据实扣除"), EnterpriseProfile(needs="花了3万元")) == []


def test_the_part_above_a_floor_takes_the_one_sum_an_english_asker_states():
    floor = support(kind="threshold", amount=D(20000), unit="元", start=0, end=20, text="个人自付累计超过20000元的部分")
    limit = support(iri="t", kind="tax", cap=D(60000), unit="元", start=25, end=40, text="在60000元限额内据实扣除")
    paid = excess_amount([floor, limit], EnterpriseProfile(needs="We paid 50,000 yuan ourselves after insurance."), "en")
    assert (paid.value, paid.base_value) == (D(30000), D(50000))
    two = EnterpriseProfile(needs="We paid 50,000 yuan, and 10,000 yuan more later.")
    assert excess_amount([floor, limit], two, "en").value is None


def test_the_rule_on_who_claims_an_expense_refers_to_the_article_setting_its_sum():
    sums = support(kind="tax", cap=D(80000), unit="元")
    setting = unit("纳税人发生的医药费用支出，累计超过15000元的部分，在80000元限额内据实扣除。", "a11", start=10,
                   supports=[sums])
    other = unit("纳税人的子女接受学历教育的相关支出，按照每个子女每月1000元的标准定额扣除。", "a5", start=5,
                 supports=[support(amount=D(1000), unit="元")])
    who = unit("纳税人发生的医药费用支出可以选择由本人或者其配偶扣除。", "a12", start=20)
    units = [other, setting, who]
    assert claimed_expense(who, units) is setting
    assert claimed_expense(setting, units) is None  # it has a sum of its own
    assert claimed_expense(unit("由本人扣除。", start=30), units) is None
    assert asks_who_claims(EnterpriseProfile(needs="My wife and I agreed that I will be the one to claim it."))
    assert asks_who_claims(EnterpriseProfile(needs="孩子的医药费由我来扣行不行"))
    assert not asks_who_claims(EnterpriseProfile(needs="How much can I take off my income?"))


def test_a_grandparent_whose_child_is_alive_is_not_covered():
    from search.text_checks import survivor_checks

    rule = "被赡养人包括子女均已去世的年满60岁的祖父母、外祖父母。"
    alive = EnterpriseProfile(needs="爷爷82岁了一直跟我住，我父亲早年病故，不过我叔叔还在老家种地。")
    [check] = survivor_checks(rule, alive)
    assert (check.status, check.field) == ("failed", "relative.alive") and "叔叔" in check.detail
    gone = EnterpriseProfile(needs="外婆今年80岁，我妈和我舅舅都已经过世了，现在我照顾她。")
    assert [c.status for c in survivor_checks(rule, gone)] == ["met"]
    # the mother is no child of a paternal grandmother: nothing said about the grandmother's children
    assert survivor_checks(rule, EnterpriseProfile(needs="奶奶85岁，我妈在家照顾她。")) == []
    assert survivor_checks(rule, EnterpriseProfile(needs="我爸去世了，想问赡养扣除。")) == []
    assert survivor_checks("年满60岁的父母", alive) == []


def test_a_policy_withheld_from_the_whole_locality_a_reply_answers():
    from search.text_checks import refusals

    reply = ("关于草原奖补问题。农业部研究提出了办理意见：由于你省已在全省范围内开展了禁牧试点，"
             "所以在试点期内暂不能享受草原奖补政策。农业部将研究后续办法。")
    asks = EnterpriseProfile(needs="我们合作社的草场都禁牧了，能不能拿到奖补？")
    [check] = refusals(reply, asks)
    assert check.status == "failed" and "奖补" in check.detail and check.text.startswith("由于你省")
    # a different policy asked for, or the same words with no locality-wide reason: no refusal
    assert refusals(reply, EnterpriseProfile(needs="想申请农机购置补贴")) == []
    assert refusals("个别试点县暂不能享受草原奖补政策。", asks) == []
