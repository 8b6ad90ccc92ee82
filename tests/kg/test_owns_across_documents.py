"""`owns` over several documents: a short name two cities' documents both use (市财政局) is read as the document
asked about writes it, and without a document the answer names the bodies it could be instead of picking one."""

from __future__ import annotations

import pytest

from ingest import parse_text
from ingest.model import DocumentMeta
from kg.build import build_graph
from kg.queries import Ambiguous, NotFound, department_view

NORTH = """某北市推进工业节能的实施方案
北府办〔2031〕2号
一、重点任务
（一）推进节能改造。市财政局负责安排节能改造专项资金。（市工业和信息化局配合）
（二）建立项目库。市发展改革委负责建立节能改造项目库。
"""
SOUTH = """某南市促进外贸发展的若干措施
南府办〔2031〕7号
一、支持措施
（一）加大出口信贷支持。市财政局会同市商务局对出口信用保险保费给予补贴。
"""


@pytest.fixture(scope="module")
def graph():
    return build_graph([parse_text(NORTH, DocumentMeta(slug="north", title="north", jurisdiction="某北市")),
                        parse_text(SOUTH, DocumentMeta(slug="south", title="south", jurisdiction="某南市"))],
                       concepts=None)


def test_a_shared_short_name_is_read_within_the_document_asked_about(graph):
    north = department_view(graph, "市财政局", "north")
    south = department_view(graph, "市财政局", "south")
    assert north.iri != south.iri
    assert [(r.unit_path, r.role) for r in north.responsibilities.explicit] == [("一（一）", "lead")]
    assert [(r.unit_path, r.role) for r in south.responsibilities.explicit] == [("一（一）", "lead")]
    assert "某北市" in north.pref_label and "某南市" in south.pref_label


def test_without_a_document_a_shared_name_lists_the_bodies_it_may_mean(graph):
    with pytest.raises(Ambiguous) as error:
        department_view(graph, "市财政局")
    assert isinstance(error.value, NotFound)
    message = str(error.value)
    assert "某北市财政局" in message and "某南市财政局" in message and "--doc" in message


def test_a_full_name_needs_no_document(graph):
    assert department_view(graph, "某南市财政局").pref_label == "某南市财政局"


@pytest.mark.parametrize("asked, document", [("某北市发展和改革委员会", None), ("某北市发改委", None),
                                             ("市发改委", "north"), ("市发展和改革委员会", "north")])
def test_a_body_is_found_by_the_other_ways_its_name_is_written(graph, asked, document):
    """The text wrote 市发展改革委; its full name and its common short name find it, with no authority file."""
    view = department_view(graph, asked, document)
    assert view.pref_label == "某北市发展改革委"
    assert [(r.unit_path, r.role) for r in view.responsibilities.explicit] == [("一（二）", "lead")]
