"""A verdict with conditions no check judged (to_confirm): the terminal says "eligible on the conditions checked" and
lists them; the API's JSON carries them field for field; a not-eligible verdict lists none (its failure says no)."""

from __future__ import annotations

import json

from api.schemas import respond
from cli.render import render_match
from kg.matchviews import EnterpriseProfile, MatchResult, MeasureMatch, Verdict

TEXT = "对新认定的省级新型研发机构，给予100万元奖励。"


def answer(verdict: Verdict, lang: str = "zh") -> MatchResult:
    measure = MeasureMatch("u1", "一", "支持研发机构", TEXT, "doc", 1.0, "", [], [], [], "", [], "原文未写明责任单位", [],
                           verdict=verdict, start=0, end=len(TEXT))
    return MatchResult(EnterpriseProfile(needs="研发机构奖励"), [measure], [], lang=lang)


def test_eligible_on_the_conditions_checked_lists_what_to_confirm():
    out = render_match(answer(Verdict("eligible", to_confirm=["新认定的省级新型研发机构"])))
    assert "   资格  符合已核对的条件" in out and "   待核实  新认定的省级新型研发机构" in out
    out = render_match(answer(Verdict("eligible", to_confirm=["a", "b"]), lang="en"))
    assert "verdict  eligible on the conditions checked" in out and "to confirm  a; b" in out


def test_nothing_to_confirm_leaves_the_verdict_as_it_was():
    out = render_match(answer(Verdict("eligible")))
    assert "   资格  符合条件" in out and "待核实" not in out


def test_a_failed_verdict_lists_nothing_to_confirm():
    out = render_match(answer(Verdict("not_eligible", to_confirm=["新认定的省级新型研发机构"])))
    assert "不符合条件" in out and "待核实" not in out


def test_the_json_answer_carries_to_confirm():
    body = json.loads(respond(answer(Verdict("eligible", to_confirm=["新认定的省级新型研发机构"]))).body)
    assert body["measures"][0]["verdict"]["to_confirm"] == ["新认定的省级新型研发机构"]
