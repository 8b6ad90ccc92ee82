"""What a reply reports the ministries did on the request (ingest.replyacts): done acts of the handling body
(X已会同Y…), investigations (…进行了实地调查), and the bodies a leader's instruction asks to study the request.
Only in a text written as a reply; a notice's history stays context."""

from __future__ import annotations

from tests.ingest.test_responsibility_notations import EV, EX, INF, L, P, facts

REPLY = "你省的请示收悉。经研究，现函复如下：\n一、{first}\n二、其他问题另行研究。\n"
NOTICE = "一、{first}\n二、其他问题另行研究。\n"


def explicit(text: str) -> set:
    return {f for f in facts(text) if f[3] is EX}


def test_a_done_act_with_partners_and_an_investigation_in_a_reply():
    first = "财政部已会同人民银行、工业和信息化部等部门赴广安市进行了实地调查，并向国务院上报了调查报告。"
    assert explicit(REPLY.format(first=first)) == {
        ("财政部", "一", L, EX), ("财政部", "一", EV, EX), ("人民银行", "一", P, EX), ("工业和信息化部", "一", P, EX)}


def test_a_done_act_of_the_handling_body_leads_in_a_reply():
    assert ("财政部", "一", L, EX) in explicit(REPLY.format(first="财政部已优先考虑营口电厂二期等项目。"))


def test_an_investigation_after_a_time_and_a_place_visited_is_the_bodys_own():
    first = "根据领导同志批示，2004年4月和9月，财政部两次组成专家组赴你省现场进行了调查。"
    assert ("财政部", "一", EV, EX) in explicit(REPLY.format(first=first))


def test_an_assessment_the_body_entrusts_to_another_is_not_its_own():
    first = "财政部已委托人民银行对该项目作进一步评估论证。"
    assert ("财政部", "一", EV, EX) not in explicit(REPLY.format(first=first))


def test_the_bodies_a_leader_asks_to_study_the_request_handle_it():
    first = "总理对您的建议十分重视，批示财政部、人民银行认真研究。"
    found = facts(REPLY.format(first=first))
    assert ("财政部", "一", L, INF) in found and ("人民银行", "一", P, EX) in found


def test_a_done_act_in_a_notice_is_history_not_a_duty():
    assert facts(NOTICE.format(first="财政部已会同人民银行进行了实地调查。")) == set()


def test_a_commitment_the_reply_relays_leads_and_a_promise_to_help_takes_part():
    assert ("财政部", "一", L, EX) in explicit(REPLY.format(first="财政部也表示，对你省的项目将继续予以重点支持。"))
    helps = explicit(REPLY.format(first="人民银行也表示将积极配合财政部做好有关工作。"))
    assert ("人民银行", "一", P, EX) in helps and ("人民银行", "一", L, EX) not in helps


def test_work_under_way_is_the_bodys_own():
    assert ("财政部", "一", L, EX) in explicit(REPLY.format(first="财政部正在抓紧修改完善有关办法。"))
    assert ("财政部", "一", L, EX) in explicit(REPLY.format(first="财政部与该行也正在研究后续政策。"))


def test_the_bodies_consulted_before_a_decision_take_part():
    assert explicit(REPLY.format(first="经商财政部、人民银行，同意你省开展试点。")) == {
        ("财政部", "一", P, EX), ("人民银行", "一", P, EX)}
    assert explicit(NOTICE.format(first="具体办法经商财政部同意后另行印发。")) == {("财政部", "一", P, EX)}
    # the reply's own formula (经商X，现答复如下) says how the reply was made, no work of X
    assert explicit(REPLY.format(first="经商财政部、人民银行，现答复如下：有关问题正在研究。")) == set()


def test_a_list_of_subjects_with_a_verb_and_no_modal_each_leads():
    # subject lists with a verb give every body the verb's role (gold convention of the fourth round)
    assert explicit(NOTICE.format(first="财政部、人民银行研究提出实施意见，报国务院批准后实施。")) == {
        ("财政部", "一", L, EX), ("人民银行", "一", L, EX)}


def test_a_bodys_view_relayed_by_a_reply_makes_it_the_handler_only_in_a_reply():
    assert explicit(REPLY.format(first="财政部、人民银行认为，目前条件尚不成熟。")) == {
        ("财政部", "一", L, EX), ("人民银行", "一", L, EX)}
    assert explicit(NOTICE.format(first="财政部认为，目前条件尚不成熟。")) == set()


def test_collectives_urged_in_a_leaders_reported_words_get_no_duty_from_a_reply():
    first = "温家宝总理等国务院领导同志多次指出，各级人民政府要不断加强制度建设。"
    assert not any(f[0] == "各级人民政府" for f in facts(REPLY.format(first=first)))
    # in a notice, the same collective told to act is the implementer
    assert any(f[0] == "各级人民政府" for f in facts(NOTICE.format(first="各级人民政府要不断加强制度建设。")))


def test_more_ways_a_reply_writes_what_a_ministry_will_do():
    assert ("财政部", "一", L, EX) in explicit(REPLY.format(first="财政部近期将出台有关政策。"))  # a time word before 将
    assert ("财政部", "一", L, EX) in explicit(REPLY.format(first="财政部的意见是：暂不调整。"))  # 的意见是：
    assert ("财政部", "一", L, EX) in explicit(REPLY.format(first="财政部每年安排专项资金，用于支持试点。"))  # 安排…资金
    assert ("财政部", "一", P, EX) in explicit(REPLY.format(first="关于资金问题，请你省商财政部研究解决。"))  # 商X研究解决


def test_a_former_ministry_a_reply_of_its_time_names_acts():
    from ingest.model import DocumentMeta
    from ingest.pipeline import parse_text

    text = ("国务院办公厅关于某市请求解决有关问题的复函\n国办函〔2005〕9号\n某某省人民政府：\n"
            "你省的请示收悉。经国务院同意，现函复如下：\n"
            "一、关于铁路建设问题。铁道部表示，铁道部将会同你省抓紧开展前期工作。\n"
            "二、关于卫生问题。卫生部已会同人事部进行了实地调查。\n国务院办公厅\n二〇〇五年六月一日\n")
    doc = parse_text(text, DocumentMeta(slug="t", title="国务院办公厅关于某市请求解决有关问题的复函"))
    names = {d.key: d.pref_label for d in doc.departments}
    found = {(names[r.agent], r.unit_path, r.role) for r in doc.responsibilities}
    assert found >= {("铁道部", "一", L), ("卫生部", "二", L), ("卫生部", "二", EV), ("人事部", "二", P)}


def test_the_bodies_after_huitong_in_a_done_review_take_part_and_the_first_reviews():
    found = explicit(REPLY.format(first="财政部已会同人民银行对安置规划进行了审核，并已上报国务院。"))
    assert found == {("财政部", "一", L, EX), ("财政部", "一", EV, EX), ("人民银行", "一", P, EX)}


def test_gai_wei_and_gai_bu_refer_back_to_the_body_just_named():
    first = "人民银行提出了办理意见：待国务院批准后，该行将组织专家对该项目进行全面评估论证。"
    assert ("人民银行", "一", EV, EX) in explicit(REPLY.format(first=first))
    first = "财政部正在修改有关办法，工业和信息化部与该部也正在研究后续政策。"
    found = explicit(REPLY.format(first=first))
    assert ("工业和信息化部", "一", L, EX) in found and ("财政部", "一", L, EX) in found


def test_gai_bumen_is_no_back_reference():
    from ingest.acts import anaphora
    from ingest.model import Span

    text = "财政部负责。该部门要加强管理。"
    assert anaphora(text, [(Span(0, 3), "mof")]) == []
    assert anaphora("财政部负责。该部要加强管理。", [(Span(0, 3), "mof")]) == [(Span(6, 8), "mof")]


def test_what_the_asking_government_is_doing_is_background_of_the_reply():
    from ingest.model import DocumentMeta
    from ingest.pipeline import parse_text

    text = ("国务院办公厅关于某省请求解决有关问题的复函\n国办函〔2005〕9号\n某某省人民政府：\n"
            "你省的请示收悉。经国务院同意，现函复如下：\n"
            "一、关于机场问题。目前，你省正在开展该项目的前期工作。财政部已同意给予适当补助。\n"
            "二、关于其他问题。另行研究。\n国务院办公厅\n二〇〇五年六月一日\n")
    doc = parse_text(text, DocumentMeta(slug="t", title="国务院办公厅关于某省请求解决有关问题的复函"))
    names = {d.key: d.pref_label for d in doc.departments}
    found = {(names[r.agent], r.unit_path, r.role) for r in doc.responsibilities}
    assert ("财政部", "一", L) in found
    assert not any(name == "某某省人民政府" for name, _, _ in found)


def test_a_body_that_passes_requests_on_to_the_decider_takes_part_in_a_reply():
    first = "群众反映的重要意见，财政部都及时报送国务院领导同志。"
    assert ("财政部", "一", P, EX) in explicit(REPLY.format(first=first))


def test_what_was_forwarded_as_a_noun_is_no_act():
    first = "财政部报送的材料已经收悉。"
    assert ("财政部", "一", P, EX) not in explicit(REPLY.format(first=first))
