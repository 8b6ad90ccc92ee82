"""A body a document names but gives no duty (the ministry whose request a reply answers) stays a candidate in the
graph, never an org:Organization, yet ``department_view`` answers it: named in this document, this unit, these
characters, given no duty there. Only a name no document writes is NotFound. Replies written for these tests."""

from __future__ import annotations

import pytest

from ingest import parse_text
from ingest.model import DocumentMeta
from kg.build import build_graph
from kg.queries import NotFound, department_view, list_body_candidates
from kg.vocab import ORG, POL, RDF, RDFS

# A reply approving a ministry's request: the ministry is named (as addressee and as the request's author), the
# provincial government is made to act.
REPLY = """国务院关于同意在青岛设立海洋装备检测中心的批复
国函〔2031〕7号
山东省人民政府、工业和信息化部：
工业和信息化部《关于在青岛设立海洋装备检测中心的请示》（〔2031〕5号）收悉。现批复如下：
一、同意在青岛设立海洋装备检测中心。
二、所需资金由山东省人民政府统筹解决。山东省人民政府要加强组织领导，确保检测中心按期建成。
国务院
2031年5月6日
"""
# A notice in which the same ministry has work of its own.
NOTICE = """国务院办公厅关于加强海洋装备检测工作的通知
国办发〔2031〕9号
一、工业和信息化部负责制定海洋装备检测标准。
二、山东省人民政府要做好检测中心的建设。
"""
MINISTRY = "工业和信息化部"
SENTENCE = "工业和信息化部《关于在青岛设立海洋装备检测中心的请示》（〔2031〕5号）收悉。"


def _meta(slug: str) -> DocumentMeta:
    return DocumentMeta(slug=slug, title=slug, jurisdiction="中华人民共和国")


@pytest.fixture(scope="module")
def reply_graph():
    return build_graph([parse_text(REPLY, _meta("reply"))], concepts=None)


@pytest.fixture(scope="module")
def both_graph():
    return build_graph([parse_text(REPLY, _meta("reply")), parse_text(NOTICE, _meta("notice"))], concepts=None)


def test_the_named_ministry_stays_a_candidate_in_the_graph(reply_graph):
    assert [(c.document, c.name) for c in list_body_candidates(reply_graph)] == [("reply", MINISTRY)]
    [node] = list(reply_graph.subjects(RDF.type, POL.BodyCandidate))
    assert str(reply_graph.value(node, RDFS.label)) == MINISTRY
    assert (node, RDF.type, ORG.Organization) not in reply_graph
    assert str(reply_graph.value(node, POL.candidateReason))
    spans = sorted((int(reply_graph.value(m, POL.start)), str(reply_graph.value(m, POL.text)))
                   for m in reply_graph.objects(node, POL.mentionedAt))
    assert spans and all(REPLY[start:start + len(text)] == text for start, text in spans)


def test_asking_for_the_named_ministry_says_where_it_is_named_and_that_it_has_no_duty(reply_graph):
    view = department_view(reply_graph, MINISTRY, candidates=True)
    assert (view.category, view.iri, view.pref_label) == ("candidate", "", MINISTRY)
    assert view.responsibilities.explicit == [] and view.responsibilities.inferred == []
    first = view.named_without_duty[0]
    assert (first.document, first.name, first.unit_path) == ("reply", MINISTRY, "序言")
    assert REPLY[first.start:first.end] == MINISTRY
    assert first.evidence == SENTENCE == REPLY[first.evidence_start:first.evidence_end]
    assert first.evidence_start <= first.start < first.end <= first.evidence_end
    assert "does not make act" in first.reason


def test_the_short_name_reaches_it_too(reply_graph):
    view = department_view(reply_graph, "工信部", candidates=True)
    assert view.category == "candidate" and view.named_without_duty[0].name == MINISTRY


def test_a_name_no_document_writes_is_still_not_found(reply_graph):
    with pytest.raises(NotFound, match="no department '国家海洋局'"):
        department_view(reply_graph, "国家海洋局", candidates=True)


def test_without_candidates_the_named_ministry_is_no_body_of_the_graph(reply_graph):
    """What the owns benchmark asks ("is the gold body a body of the graph"): a candidate is not one."""
    with pytest.raises(NotFound):
        department_view(reply_graph, MINISTRY)


def test_a_body_that_acts_is_answered_as_before(reply_graph):
    view = department_view(reply_graph, "山东省人民政府")
    assert view.category != "candidate" and view.iri
    assert [r.unit_path for r in view.responsibilities.explicit] == ["二", "二"]
    assert view.named_without_duty == []


def test_a_body_tasked_in_one_document_and_only_named_in_another_has_both(both_graph):
    view = department_view(both_graph, MINISTRY)
    assert view.category != "candidate"
    assert [(r.document, r.unit_path) for r in view.responsibilities.explicit] == [("notice", "一")]
    assert {n.document for n in view.named_without_duty} == {"reply"}
    assert all(REPLY[n.start:n.end] == n.name for n in view.named_without_duty)
    only_notice = department_view(both_graph, MINISTRY, "notice")
    assert only_notice.named_without_duty == []
