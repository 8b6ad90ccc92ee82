"""What the parser keeps beside a document's genre word reaches the graph and the read model: the title's own longer
genre words (实施细则 beside 细则) and, for a notice forwarding a body's text, that body (pol:issuedTextCreator), not
the notice's issuer."""

from __future__ import annotations

from pathlib import Path

from ingest.model import DocumentMeta
from ingest.pipeline import parse_plan, parse_text
from kg.build import build_graph
from kg.queries import get_document
from kg.validate import validate
from kg.vocab import POL

REAL = Path(__file__).resolve().parents[2] / "benchmarks" / "corpus_real"

RULES = """某县人民政府办公室关于印发《某县中小企业贷款贴息实施细则》的通知
某政办发〔2031〕7号
各乡镇人民政府，县政府各部门：
《某县中小企业贷款贴息实施细则》已经县政府同意，现印发给你们，请认真贯彻执行。
某县人民政府办公室
2031年5月6日
某县中小企业贷款贴息实施细则
第一条 为了减轻中小企业融资负担，制定本细则。
第二条 县财政局负责贴息资金的审核拨付。
第三条 本细则自印发之日起施行。
"""


def test_forwarded_authors_and_written_genres_are_in_the_graph_and_read_back():
    docs = [parse_plan(REAL / "guobanfa-1997-011.txt"),
            parse_text(RULES, DocumentMeta(slug="rules", title="rules", source_file="rules.txt"))]
    graph = build_graph(docs)
    forwarded = get_document(graph, "guobanfa-1997-011")
    assert forwarded.issued_text_issuers == ["民政部"]
    assert "民政部" not in forwarded.issuers  # the notice is the General Office's; the forwarded text is the ministry's
    rules = get_document(graph, "rules")
    assert rules.issued_text_genre == "细则"
    assert rules.issued_text_genre_as_written == "实施细则"
    # the notice's own genre word is its whole genre (通知): nothing longer is written beside it
    assert rules.genre == "通知" and rules.genre_as_written == ""
    assert not list(graph.objects(None, POL.genreAsWritten))
    report = validate(graph)
    assert report.conforms, report.text
