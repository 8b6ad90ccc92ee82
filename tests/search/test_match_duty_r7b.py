"""A safeguard naming the bureau in charge is a duty, yet one stating what that bureau pays (贴息 at a share of the LPR,
with a cap) is support a firm can ask for: the calculator keeps it among its answers."""

from decimal import Decimal

from kg.views import HitContext, SupportView
from search.match_instruments import _actionable
from search.types import IndexUnit

TEXT = ("加强金融支持。市财政局负责统筹产业资金，对列入市重点项目的企业，按照同期贷款市场报价利率的40%给予贴息，"
        "每家企业每年最高150万元。")


def _support(kind: str, rate=None, amount=None) -> SupportView:
    return SupportView(iri="s", unit_iri="u", unit_path="", kind=kind, amount=amount, amount_max=None, unit="万元",
                       rate=rate, rate_base="", cap=None, comparator="", condition="", text="", start=0, end=0)


def _unit(function: str, supports: list[SupportView]) -> IndexUnit:
    return IndexUnit(id="u", kind="safeguard", document="d", document_title="", path="", title="", text=TEXT,
                     index_text=TEXT, start=0, end=len(TEXT), context=HitContext(supports=supports), function=function)


def test_a_duty_that_states_what_it_pays_is_actionable():
    assert _actionable(_unit("duty", [_support("loan-interest", rate=Decimal(40))]))
    assert _actionable(_unit("duty", [_support("subsidy", amount=Decimal(150))]))


def test_a_duty_with_no_payment_stays_out():
    assert not _actionable(_unit("duty", []))
    assert not _actionable(_unit("duty", [_support("threshold", amount=Decimal(500))]))
    assert not _actionable(_unit("duty", [_support("time-limit", amount=Decimal(30))]))
