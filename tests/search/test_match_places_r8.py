"""Round 8: where the asker is and what the text's place is.  A firm elsewhere that asks about the very place a reply
answers is not turned away on its own place; and a document's period is not one item's own (本条…执行期, an item's
政策执行期限至…).  Texts and profiles written for these tests."""

from __future__ import annotations

from datetime import date

from kg.matchviews import EnterpriseProfile
from kg.views import HitContext
from search.match_contacts import DocumentInfo, document_period, place_check
from search.match_instruments import names_place
from search.types import IndexUnit, SupportView

REPLY = DocumentInfo("reply", "国务院办公厅关于某省所提问题和建议办理情况的函", ("国务院办公厅",), "中华人民共和国",
                     addressees="辽宁省人民政府")


def test_a_firm_elsewhere_asking_about_a_city_of_the_answered_province_is_not_failed_on_its_place():
    asking = EnterpriseProfile(place="吉林省长春市", needs="想在大连的交易所做玉米套期保值，那边能不能做？")
    assert place_check(asking, REPLY, REPLY.title, "zh") is None
    assert names_place(asking, REPLY)


def test_a_firm_elsewhere_that_does_not_name_the_place_still_fails_on_it():
    other = EnterpriseProfile(place="吉林省长春市", needs="我们合作社想做玉米期货，能不能做？")
    check = place_check(other, REPLY, REPLY.title, "zh")
    assert check is not None and check.status == "failed"
    assert not names_place(other, REPLY)


def _unit(text: str, path: str, pays_at: int | None = None) -> IndexUnit:
    supports = [] if pays_at is None else [SupportView("s", "u", path, "subsidy", None, None, "", None, "", None, "", "",
                                                       "", pays_at, pays_at + 3)]
    return IndexUnit(id=f"d/{path}", kind="article", document="d", document_title="", path=path, title="",
                     text=text, index_text=text, start=0, end=len(text), context=HitContext(supports=supports))


def test_an_items_own_period_is_not_the_documents():
    item = "1.延续稳岗返还。未裁员的企业按缴纳失业保险费的60%返还。政策执行期限至2025年12月31日。"
    units = [_unit(item, "一1", pays_at=item.index("60%")),
             _unit("本措施自印发之日起施行，除已明确执行期限的条款外，有效期至2026年12月31日。", "附则")]
    assert document_period(units, date(2025, 3, 1))[0] == date(2026, 12, 31)
    # with no support beside it, the same sentence is the only period the text states
    assert document_period([_unit(item, "一1")], date(2025, 3, 1))[0] == date(2025, 12, 31)


def test_a_regulation_dates_itself_though_it_starts_with_the_word_for_article():
    units = [_unit("第四十条 本条例自2019年3月1日起施行。有效期至2029年2月28日。", "第四十条")]
    found = document_period(units, None)
    assert found is not None and found[0] == date(2029, 2, 28)
