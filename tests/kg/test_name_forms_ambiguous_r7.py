"""A civil servant asks for a body by the short name several cities write (issue 21): 市政府 in one city's task list
and 市人民政府 in another's rules are one name (政府 and 人民政府 are the same form), so with no document either asks
which of the bodies is meant, listing all of them; with the document, each reads as that document writes it, and a
full name stays one body."""

from __future__ import annotations

import pytest

from ingest.model import DocumentMeta
from ingest.pipeline import parse_text
from kg.build import build_graph
from kg.queries import Ambiguous, department_view

TASKS = """甲州市人民政府关于2031年重点工作分工的通知
甲政〔2031〕1号
各县（市、区）人民政府，市政府各部门：
一、推动工业发展
1. 加快园区建设。（市政府牵头，市财政局配合）
甲州市人民政府
2031年2月3日
"""

RULES = """乙州市公园管理办法
乙州市人民政府令第9号
第一条 为了加强公园管理，制定本办法。
第二条 公园的具体名录由市人民政府公布。
第三条 本办法自2031年5月1日起施行。
"""


@pytest.fixture(scope="module")
def graph():
    return build_graph([parse_text(TASKS, DocumentMeta(slug="jia-tasks", title="t", source_file="t.txt")),
                        parse_text(RULES, DocumentMeta(slug="yi-rules", title="r", source_file="r.txt"))])


@pytest.mark.parametrize("asked", ["市政府", "市人民政府"])
def test_a_short_name_of_two_cities_in_two_forms_asks_which(graph, asked):
    with pytest.raises(Ambiguous) as caught:
        department_view(graph, asked)
    names = caught.value.args[0]
    assert "甲州市" in names and "乙州市人民政府" in names


def test_the_document_or_the_full_name_says_which(graph):
    assert department_view(graph, "市人民政府", "yi-rules").pref_label == "乙州市人民政府"
    assert department_view(graph, "市政府", "jia-tasks").pref_label.startswith("甲州市")
    assert department_view(graph, "乙州市人民政府").pref_label == "乙州市人民政府"
