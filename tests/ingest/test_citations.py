"""What a citing clause does to the document it names: replaces only a whole document it repeals; a clause that
stops, suspends or changes one provision of another text is a citation with that effect. Made-up sentences."""

import pytest

from ingest.citations import AMENDS, REPLACES, SUSPENDS, citation_effect, find_citations

OLD = "某市促进软件产业发展若干政策"


def effects(text: str) -> list[tuple[str, str]]:
    """(title or number, effect) for every 《…》 or number the text cites, in order."""
    from ingest.citations import _CITATION_RE

    return [(m.group("title") or m.group("number"), citation_effect(text, m.start(), m.end()))
            for m in _CITATION_RE.finditer(text)]


@pytest.mark.parametrize("sentence, effect", [
    # a whole named document repealed: replaces
    (f"本办法自2030年1月1日起施行，《{OLD}》同时废止。", REPLACES),
    (f"原《{OLD}》（某府发〔2027〕3号）同时废止。", REPLACES),
    (f"自本通知印发之日起，《{OLD}》（某府办发〔2026〕82号）停止执行。", REPLACES),
    (f"原《{OLD}》不再执行。", REPLACES),
    (f"2027年印发的《{OLD}》予以废止。", REPLACES),
    (f"本办法施行后，废止2026年发布的《{OLD}》。", REPLACES),
    (f"本办法代替《{OLD}》。", REPLACES),
    ("某府发〔2021〕8号文件自本办法施行之日起停止执行。", REPLACES),
    # one provision of another text stops applying, for a while or for some: a citation that suspends it
    (f"决定在某试验区暂时调整实施《{OLD}》第三十六条的规定。", SUSPENDS),
    (f"《{OLD}》中关于外资股比的限制，对在试验区设立的企业不再适用。", SUSPENDS),
    (f"对港澳服务提供者，不再适用《{OLD}》第十二条。", SUSPENDS),
    (f"《{OLD}》第五条自即日起停止执行。", SUSPENDS),
    (f"停止执行《{OLD}》第五条。", SUSPENDS),
    (f"在试验区内暂停实施《{OLD}》。", SUSPENDS),
    # a change of part of it: amends
    (f"决定对《{OLD}》作如下修改。", AMENDS),
    (f"《{OLD}》第八条予以废止。", AMENDS),
    # only cited, or a repeal reported, prohibited or proposed: no effect
    (f"根据《{OLD}》，制定本方案。", ""),
    (f"市政府印发关于废止《{OLD}》的通知。", ""),
    (f"未经批准不得废止《{OLD}》。", ""),
    (f"不得以《{OLD}》代替合法性审核。", ""),
    (f"按照新修订的《{OLD}》要求，做好衔接。", ""),
    (f"《{OLD}》规定的补贴标准继续执行。", ""),
])
def test_effect_of_the_citing_clause(sentence, effect):
    assert effects(sentence) == [(OLD if "《" in sentence else "某府发〔2021〕8号", effect)]


def test_a_notice_that_lifts_one_restriction_of_an_agreement_replaces_nothing():
    text = ("为深化两岸经济合作，《海峡两岸经济合作框架协议》服务贸易早期收获部门中关于台湾服务提供者"
            "持股比例的限制，在试验区内不再执行。")
    (citation,) = find_citations(text, [])
    assert (citation.title, citation.replaces) == ("海峡两岸经济合作框架协议", False)
    assert effects(text) == [("海峡两岸经济合作框架协议", SUSPENDS)]


def test_every_document_of_a_repeal_list_is_replaced():
    text = "自2030年1月1日起，《甲市旧办法》（甲府发〔2020〕1号）、《甲市旧细则》（甲府办发〔2021〕2号）同时废止。"
    assert [(c.title, c.replaces) for c in find_citations(text, [])] == [("甲市旧办法", True), ("甲市旧细则", True)]


def test_a_numbered_list_under_a_repeal_line_is_replaced():
    text = "下列文件同时废止：\n1.《甲市旧办法》（甲府发〔2020〕1号）\n2.《甲市旧细则》\n"
    assert [(c.title, c.replaces) for c in find_citations(text, [])] == [("甲市旧办法", True), ("甲市旧细则", True)]


def test_a_later_document_of_the_clause_is_not_the_repealed_one():
    text = "依据《甲市条例》，《甲市旧办法》同时废止。"
    assert [(c.title, c.replaces) for c in find_citations(text, [])] == [("甲市条例", False), ("甲市旧办法", True)]


def test_a_short_name_is_a_mention_of_the_document_it_names():
    text = ("按照《国务院关于某项改革的决定》（国发〔2029〕20号，以下简称《决定》）要求推进。"
            "请认真落实《决定》精神。")
    (citation,) = find_citations(text, [])
    assert (citation.title, citation.identifier, len(citation.mentions)) == (
        "国务院关于某项改革的决定", "国发〔2029〕20号", 2)


def test_a_bare_genre_word_is_no_citation():
    assert find_citations("社会团体应当依照《章程》开展活动。", []) == []


@pytest.mark.parametrize("own_title, cited", [
    ("某市人民政府关于印发《某市软件产业行动方案》的通知", "某市软件产业行动方案"),
    ("某市人民政府关于印发某市软件产业行动方案的通知", "某市软件产业行动方案"),
    ("某市人民政府办公厅转发市民政局关于清理整顿社会团体意见的通知", "关于清理整顿社会团体的意见"),
])
def test_the_text_the_own_title_issues_is_no_citation(own_title, cited):
    text = f"现将《{cited}》（以下简称《方案》）印发给你们，请认真贯彻执行。《方案》自印发之日起施行。"
    assert find_citations(text, [], own_title=own_title) == []


def test_a_reply_cites_the_request_it_answers():
    text = "你省《关于设立某某示范区的请示》（某政文〔2030〕15号）收悉。现批复如下。"
    own = "某院关于同意设立某某示范区的批复"
    assert [c.title for c in find_citations(text, [], own_title=own)] == ["关于设立某某示范区的请示"]


def test_a_decision_whose_title_names_the_text_it_suspends_cites_it():
    own = "国务院关于在某先行区暂时调整实施《某药品条例》有关规定的决定"
    text = "国务院决定在某先行区暂时调整实施《某药品条例》第三十六条的规定。"
    (citation,) = find_citations(text, [], own_title=own)
    assert (citation.title, citation.replaces) == ("某药品条例", False)
    assert effects(text) == [("某药品条例", SUSPENDS)]
