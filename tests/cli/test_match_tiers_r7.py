"""The calculator's amounts on a terminal when a sentence gives one figure per case (对…省级未来工厂、省级智能工厂…的，
分别给予100万元、30万元…奖励; issue 20's enterprise flow on a county's industry policy): the figure the profile picks
is the amount, labelled with its case, and the others are one line of other tiers; with none picked, one line says
the figures are by case. Bare figures in a row read as sums the firm would get all of."""

from __future__ import annotations

from types import SimpleNamespace as Amount

from cli.render import amount_lines

TEXT = "分别给予100万元、30万元、20万元奖励"


def _tiers(picked: int | None) -> list[Amount]:
    values = [1_000_000, 300_000, 200_000]
    out = [Amount(formula=f"{v:,} 元", text=TEXT, base="") for v in values]
    if picked is not None:
        chosen = out.pop(picked)
        chosen.base, chosen.formula = "省级智能工厂", f"省级智能工厂：{values[picked]:,} 元"
        out.insert(0, chosen)
    return out


def test_the_picked_tier_is_the_amount_and_the_rest_are_named_tiers():
    lines = amount_lines(_tiers(1), zh=True)
    assert lines[0].strip() == "金额  省级智能工厂：300,000 元"
    assert lines[1].strip().startswith("其他档次  1,000,000 元、200,000 元")
    assert len(lines) == 2


def test_no_tier_picked_is_one_line_by_case():
    (line,) = amount_lines(_tiers(None), zh=False)
    assert line.strip().startswith("amount  one of 1,000,000 元, 300,000 元, 200,000 元, by case")


def test_amounts_of_different_sentences_stay_apart():
    rate = Amount(formula="10% × 30,000,000 元 = 3,000,000 元", text="按投资额的10%给予补贴", base="固定资产投资额")
    fixed = Amount(formula="200,000 元", text="给予20万元一次性奖补", base="")
    assert [line.strip() for line in amount_lines([rate, fixed], zh=True)] == [
        "金额  10% × 30,000,000 元 = 3,000,000 元", "金额  200,000 元"]
