"""A document's genre, issuers, dates and jurisdiction in the graph (dcterms:type, dcterms:creator,
eli:date_document, eli:first_date_entry_in_force, eli:jurisdiction, pol:jurisdictionLevel), valid under SHACL, and
read back by the read model with the jurisdiction filter that search and `documents` share."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal

from ingest.model import DocumentMeta
from ingest.pipeline import parse_plan, parse_text
from kg import iri
from kg.build import build_graph
from kg.queries import documents_matching, get_document
from kg.validate import validate
from kg.vocab import DCTERMS, ELI, POL, XSD

REAL = Path(__file__).resolve().parents[2] / "benchmarks" / "corpus_real"

ORDER = """中华人民共和国国务院令
第999号
《某某条例》已经2031年9月6日国务院第23次常务会议通过，现予公布，自2032年3月1日起施行。
总理  某某某
2031年11月6日
某某条例
第一条 为了规范某项活动，制定本条例。
第二条 本条例自2032年3月1日起施行。
"""

CITY = """某某市人民政府办公厅关于同意某事的复函
穗府办函〔2031〕3号
某区人民政府：
你区《关于某事的请示》收悉。经市人民政府同意，现函复如下：
同意你区开展某事。
某某市人民政府办公厅
2031年4月1日
"""


@pytest.fixture(scope="module")
def graph():
    docs = [parse_text(ORDER, DocumentMeta(slug="order", title="order", source_file="order.txt")),
            parse_text(CITY, DocumentMeta(slug="reply", title="reply", source_file="reply.txt")),
            parse_plan(REAL / "guohan-1996-095.txt")]
    return build_graph(docs)


def test_metadata_triples(graph):
    doc = iri.document_iri("order")
    assert (doc, DCTERMS.type, Literal("条例", lang="zh")) in graph
    assert (doc, DCTERMS.creator, Literal("国务院")) in graph
    assert (doc, ELI.date_document, Literal("2031-11-06", datatype=XSD.date)) in graph
    assert (doc, ELI.first_date_entry_in_force, Literal("2032-03-01", datatype=XSD.date)) in graph
    assert (doc, ELI.jurisdiction, iri.place_iri("china")) in graph
    assert (doc, POL.jurisdictionLevel, Literal("national")) in graph
    assert (iri.document_iri("reply"), ELI.jurisdiction, iri.place_iri("guangzhou")) in graph


def test_the_graph_with_new_kinds_and_metadata_conforms(graph):
    report = validate(graph)
    assert report.conforms, report.text


def test_read_model(graph):
    view = get_document(graph, "guohan-1996-095")
    assert (view.genre, view.issuers, view.jurisdiction, view.jurisdiction_level, view.issued) == (
        "批复", ["中央军委", "国务院"], "中华人民共和国", "national", "1996-11-05")
    reply = get_document(graph, "reply")
    assert (reply.genre, reply.jurisdiction, reply.jurisdiction_level) == ("复函", "广州市", "city")


@pytest.mark.parametrize(("query", "slugs"), [
    ("广州", ["reply"]),
    ("广州市", ["reply"]),
    ("广东", ["reply"]),
    ("national", ["guohan-1996-095", "order"]),
    ("全国", ["guohan-1996-095", "order"]),
    ("国家", ["guohan-1996-095", "order"]),
    ("city", ["reply"]),
    ("上海", []),
])
def test_jurisdiction_filter(graph, query, slugs):
    assert documents_matching(graph, jurisdiction=query) == slugs


def test_year_is_the_year_of_issue(graph):
    assert documents_matching(graph, year=1996) == ["guohan-1996-095"]
    assert documents_matching(graph, year=2031) == ["order", "reply"]


SUSPENDING = """某某市人民政府关于在某试验区暂时调整实施有关规定的决定
某府发〔2031〕5号
为推进某试验区建设，决定在某试验区暂时调整实施《某某市物业管理条例》第三十六条的规定。《某某市广告管理办法》（某府令第3号）同时废止。
对《某某市市容管理办法》作如下修改：第五条删去。
某某市人民政府
2031年5月1日
"""


def test_what_a_text_does_to_the_texts_it_cites_is_in_the_graph():
    """A suspended provision is pol:suspends, a change to part of a text eli:amends, a repeal dcterms:replaces;
    the graph stays valid under the shapes."""
    doc = parse_text(SUSPENDING, DocumentMeta(slug="decision", title="decision", source_file="decision.txt"))
    effects = {c.title: c.effect for c in doc.citations}
    assert effects == {"某某市物业管理条例": "suspends", "某某市广告管理办法": "replaces", "某某市市容管理办法": "amends"}
    graph = build_graph([doc])
    subject = iri.document_iri("decision")
    titled = {str(t): s for s, t in graph.subject_objects(DCTERMS.title)}
    assert (subject, POL.suspends, titled["某某市物业管理条例"]) in graph
    assert (subject, ELI.amends, titled["某某市市容管理办法"]) in graph
    assert (subject, DCTERMS.replaces, titled["某某市广告管理办法"]) in graph
    assert (subject, POL.suspends, titled["某某市广告管理办法"]) not in graph
    assert validate(graph).conforms
