"""A reply's salutation (周桂英等代表：) is a unit of its own, so "which deputies proposed it" can be answered: the
text is corpus-real (guobanhan-2006-071, 国办函〔2006〕71号), the question in users' words."""

from __future__ import annotations

from ingest import parse_text
from ingest.model import DocumentMeta
from search import SearchIndex, SearchSettings, index_units
from search.boosts import asks_proposer

from .search_fixtures import FakeEncoder

REPLY = ("国务院办公厅对十届全国人大\n四次会议第7240号建议的答复\n国办函〔2006〕71号\n周桂英等代表：\n"
         "你们提出的关于创立免费查询所有法律、法规的政府网站的建议收悉，现答复如下：\n"
         "随着社会信息化的发展和电子政务建设的不断推进，各级政府及其组成部门相继在互联网上建立了政府网站，"
         "及时发布法规规章、规范性文件及各类重要政务信息，这对于促进政务公开、改进公共服务发挥了积极作用。\n"
         "中央政府门户网站于2006年1月1日正式开通。网站专门开设了“法律法规”栏目，收集整理了现行的主要法律、"
         "2000年以来的行政法规，以及部分司法解释、部门规章和地方性法规、地方政府规章，供公众免费查询和下载。\n")
NOTICE = ("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
          "为加强政府网站建设，现就有关事项通知如下：\n一、各地区要建立网站检查制度。\n")


def _units(text: str, slug: str = "reply"):
    return index_units([parse_text(text, DocumentMeta(slug=slug, title="答复"))])


def test_the_salutation_is_a_unit_citing_its_own_span():
    units = _units(REPLY)
    first = units[0]
    assert first.text == "周桂英等代表："
    assert REPLY[first.start:first.end] == "周桂英等代表："
    assert first.path.endswith("称谓")
    # the unit after it is the acknowledgement, as before
    assert units[1].text.startswith("你们提出的关于创立免费查询") and units[1].start > first.end


def test_a_notice_addressed_to_governments_gets_no_salutation_unit():
    assert not any(u.path.endswith("称谓") for u in _units(NOTICE, "notice"))


def test_questions_asking_who_proposed():
    assert asks_proposer("Which NPC deputies suggested a free government website for searching all laws?")
    assert asks_proposer("这条建议是哪几位代表提的")
    assert asks_proposer("Who proposed setting up a hotline to the Premier?")
    assert not asks_proposer("Did the State Council take up a deputy's suggestion that the premier keep a blog?")
    assert not asks_proposer("中央政府门户网站什么时候开通的")


def test_asked_who_proposed_the_salutation_rises_with_the_proposal_score():
    units = _units(REPLY)
    index = SearchIndex.build(units, FakeEncoder(16), SearchSettings())

    def rank(question: str, text: str) -> int:
        texts = [h.text for h in index.search(question, k=10).hits]
        return texts.index(text) if text in texts else len(texts)

    asked = "免费查法律法规的政府网站这个建议是谁提的"
    acknowledgement = units[1].text
    # asked who proposed it: the names come before the acknowledgement whose score they take
    assert rank(asked, "周桂英等代表：") < rank(asked, acknowledgement)
    # asked what the reply says, the few names match nothing and stay below it
    other = "免费查法律法规的政府网站建议收悉"
    assert rank(other, "周桂英等代表：") > rank(other, acknowledgement)
