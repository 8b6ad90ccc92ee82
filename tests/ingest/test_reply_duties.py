"""Duties in replies and letters (复函, 函, 办理情况的函; issue 20): a ministry's opinion the reply relays (X提出：…,
X意见：…, X、Y提出了以下意见：) makes each body named its lead; a commitment in the future tense (X将对…给予支持,
X、Y将继续…推动) is a duty like X要…. A body merely mentioned, or acting in a clause about something else, is not."""

from __future__ import annotations

import pytest

from ingest.model import DocumentMeta
from ingest.pipeline import parse_text
from tests.ingest.test_responsibility_notations import EX, SU, L, facts

REPLY = "{body}二、关于其他问题。（略）\n"


def explicit(text: str) -> set:
    return {f for f in facts(text) if f[3] is EX}


@pytest.mark.parametrize("body, expected", [
    ("一、关于甲项目问题。市政府请求支持。\n国家发展改革委提出：该项目需进一步论证。\n",
     {("国家发展改革委", "一", L, EX)}),
    ("一、关于乙项目问题。\n财政部意见：目前条件尚不成熟。\n", {("财政部", "一", L, EX)}),
    ("一、关于丙问题。\n财政部、人民银行提出了以下意见：\n（一）近期条件还不成熟。\n",
     {("财政部", "一", L, EX), ("人民银行", "一", L, EX)}),
    ("一、关于丁问题。\n国家发展改革委将对已列入规划的项目给予支持。\n", {("国家发展改革委", "一", L, EX)}),
    ("一、关于戊问题。\n财政部、人民银行将继续关注进展，积极研究并推动这项工作。\n",
     {("财政部", "一", L, EX), ("人民银行", "一", L, EX)}),
])
def test_a_reply_relays_a_bodys_opinion_and_commitments(body, expected):
    assert explicit(REPLY.format(body=body)) == expected


@pytest.mark.parametrize("body", [
    "一、关于己问题。\n国务院领导已经批复同意了财政部呈报的有关请示。\n",  # an object of another's act
    "一、关于庚问题。\n根据财政部的意见，暂不安排。\n",  # an opinion cited, not relayed as the body's word
])
def test_a_body_only_mentioned_in_a_reply_has_no_duty(body):
    assert explicit(REPLY.format(body=body)) == set()


@pytest.mark.parametrize("body, expected", [
    # X为…主管单位: the text names X the authority in charge of the work
    ("一、关于核发问题。\n财政部为专用号牌的核发主管单位。\n", {("财政部", "一", L, EX)}),
    # a lead by 会同 whose own work is to guide and inspect (做好指导、督查和总结工作) is the supervisor
    ("一、关于落实问题。\n财政部要会同有关方面做好指导、督查和总结工作。\n", {("财政部", "一", SU, EX)}),
])
def test_a_body_named_in_charge_or_charged_with_inspection(body, expected):
    assert explicit(REPLY.format(body=body)) == expected


def test_bodies_that_only_supply_experts_to_a_group_have_no_duty():
    """由A、B等单位专家组成的专家组: the experts make up the group, their bodies are where they come from; a group
    made of the bodies themselves (由A、B组成工作组) still has them as members."""
    experts = "一、调查情况。\n组织由财政部、人民银行等单位专家组成的专家组进行调查。\n"
    assert not any(f[0] in ("财政部", "人民银行") for f in explicit(REPLY.format(body=experts)))
    members = "一、组织保障。\n由财政部、人民银行组成工作组，负责协调。\n"
    assert {f[0] for f in explicit(REPLY.format(body=members))} >= {"财政部", "人民银行"}


def test_a_class_of_bodies_that_also_assists_stays_the_implementer():
    """各级税务机关要…，协助人民政府…: a class of bodies at every level implements what it is told, its 协助 clause
    included; a named body that also assists (财政部负责…，参与…) still takes part besides leading."""
    text = "一、工作要求。\n各级税务机关要充分发挥职能作用，协助人民政府做好各项工作。\n二、其他。（略）\n"
    doc = parse_text(text, DocumentMeta(slug="d", title="d", source_file="d.txt"))
    assert {(r.unit_path, r.role.value) for r in doc.responsibilities} == {("一", "implementer")}
