"""Task-table rows as search units: each row of a 重点任务分解表 is indexed on its own (kind ``task_row``), with the
row's span, its bodies and due date, the annex's IRI to open, and the who/when routing reading the row, not the
body item the row restates, as the place that names the lead body.

The mini documents are our own: one body of three measures and a safeguard, then an annex whose task table is
written in three notations (tab-separated with 序号, space-aligned with group lines and a 责任单位 column and no
序号, tab-separated with two task columns and a row that names no measure)."""

from __future__ import annotations

import pytest

from ingest.model import DocumentMeta, PolicyDocument
from ingest.pipeline import parse_text
from search.encoders.fake import FakeEncoder
from search.hybrid import SearchIndex
from search.routing import states_owner, states_time
from search.types import UNIT_KINDS, IndexUnit
from search.units import ROW_KIND, index_units

BODY = """嘉定区推进社区养老服务提质工作方案
为提升社区养老服务水平，结合本区实际，制定本方案。
一、重点任务
（一）建设嵌入式养老服务站。在每个街道布局一处综合服务站，提供日间照料和老年助餐服务。
（二）推广智慧养老应用。为独居老人安装紧急呼叫设备，建设区级养老服务信息平台。
（三）培养专业护理队伍。开展护理员岗位技能培训，落实入职补贴政策。
二、保障措施
（一）加强统筹协调。区民政局负责统筹推进各项工作，定期通报进展。

附件
嘉定区社区养老服务提质重点任务分解表
"""

TAB = BODY + """序号\t工作任务\t牵头单位\t配合单位\t完成时限
1\t建设嵌入式养老服务站\t区民政局\t区规划资源局、各街道\t2026年6月底前
2\t推广智慧养老应用\t区科委\t区民政局\t2026年9月底前
3\t培养专业护理队伍\t区人力资源社会保障局\t区民政局、区财政局\t2026年12月底前
"""

SPACED = BODY + """工作任务                  责任单位                        完成时限
一、设施和服务
建设嵌入式养老服务站      区民政局、区规划资源局          2026年6月底前
推广智慧养老应用          区科委、区民政局                2026年9月底前
二、队伍建设
培养专业护理队伍          区人力资源社会保障局            2026年12月底前
"""

TWO_TASKS = BODY + """重点任务\t具体措施\t牵头单位\t完成时限
推广智慧养老应用\t为独居老人安装紧急呼叫设备\t区科委\t2026年9月底前
开展服务满意度调查\t委托第三方机构每年调查一次\t区民政局\t长期坚持
"""

# notation → the rows: (path, title, the row line as written, owners as (short body, role, basis), due text)
ROWS = {
    "tab": (TAB, [
        ("附件 · 1", "建设嵌入式养老服务站", "1\t建设嵌入式养老服务站\t区民政局\t区规划资源局、各街道\t2026年6月底前",
         {("民政局", "lead", "explicit"), ("规划资源局", "participant", "explicit"), ("各街道", "participant", "explicit")},
         "2026年6月底前"),
        ("附件 · 2", "推广智慧养老应用", "2\t推广智慧养老应用\t区科委\t区民政局\t2026年9月底前",
         {("科委", "lead", "explicit"), ("民政局", "participant", "explicit")}, "2026年9月底前"),
        ("附件 · 3", "培养专业护理队伍", "3\t培养专业护理队伍\t区人力资源社会保障局\t区民政局、区财政局\t2026年12月底前",
         {("人力资源社会保障局", "lead", "explicit"), ("民政局", "participant", "explicit"),
          ("财政局", "participant", "explicit")}, "2026年12月底前"),
    ]),
    "spaced": (SPACED, [
        # 责任单位 lists bodies without saying who leads: the first listed leads by convention (inferred)
        ("附件 · 1", "建设嵌入式养老服务站", "建设嵌入式养老服务站      区民政局、区规划资源局          2026年6月底前",
         {("民政局", "lead", "inferred"), ("规划资源局", "participant", "explicit")}, "2026年6月底前"),
        ("附件 · 2", "推广智慧养老应用", "推广智慧养老应用          区科委、区民政局                2026年9月底前",
         {("科委", "lead", "inferred"), ("民政局", "participant", "explicit")}, "2026年9月底前"),
        ("附件 · 3", "培养专业护理队伍", "培养专业护理队伍          区人力资源社会保障局            2026年12月底前",
         {("人力资源社会保障局", "lead", "explicit")}, "2026年12月底前"),
    ]),
    "two task columns": (TWO_TASKS, [
        ("附件 · 1", "推广智慧养老应用", "推广智慧养老应用\t为独居老人安装紧急呼叫设备\t区科委\t2026年9月底前",
         {("科委", "lead", "explicit")}, "2026年9月底前"),
        ("附件 · 2", "开展服务满意度调查", "开展服务满意度调查\t委托第三方机构每年调查一次\t区民政局\t长期坚持",
         {("民政局", "lead", "explicit")}, "长期坚持"),
    ]),
}


def _parse(text: str) -> PolicyDocument:
    return parse_text(text, DocumentMeta(slug="jd-elderly", title="嘉定区推进社区养老服务提质工作方案",
                                         jurisdiction="上海市嘉定区"))


def _short(name: str) -> str:
    return name.removeprefix("上海市嘉定区").removeprefix("区")


def _rows(units: list[IndexUnit]) -> list[IndexUnit]:
    return [u for u in units if u.kind == ROW_KIND]


@pytest.mark.parametrize("notation", list(ROWS))
def test_each_row_is_a_unit_with_its_span_owners_and_due_date(notation):
    text, expected = ROWS[notation]
    doc = _parse(text)
    annex = next(u for u in doc.units if u.path == "附件")
    rows = _rows(index_units([doc], concepts=[]))
    assert [(u.path, u.title) for u in rows] == [(path, title) for path, title, *_ in expected]
    for unit, (_, title, line, owners, due) in zip(rows, expected):
        assert doc.source[unit.start:unit.end] == line  # the hit cites the row's own characters
        assert unit.text.startswith(title) and due in unit.text and "\t" not in unit.text
        assert {(_short(o.agent_name), o.role, o.basis) for o in unit.context.owners} == owners
        assert all(unit.start <= o.start and o.end <= unit.end for o in unit.context.owners)
        # the IRI of a unit the graph has, whose text holds the row (the annex, or a group line under it)
        holder = next(u for u in doc.units if u.span.start <= unit.start < u.span.end)
        assert holder.path.startswith(annex.path) and unit.id.endswith("/" + holder.key)
        assert unit.document == "jd-elderly" and unit.document_title == doc.meta.title


def test_row_text_names_each_cell_by_its_column():
    rows = _rows(index_units([_parse(TAB)], concepts=[]))
    assert rows[1].text == "推广智慧养老应用，牵头单位：区科委，配合单位：区民政局，完成时限：2026年9月底前"


def test_row_points_at_the_measure_it_restates_or_at_nothing():
    rows = _rows(index_units([_parse(TWO_TASKS)], concepts=[]))
    assert rows[0].context.task is not None and rows[0].context.task.path == "一（二）"
    assert rows[1].context.task is None  # 开展服务满意度调查 is no measure of the body


def test_space_aligned_group_lines_are_context_not_rows():
    rows = _rows(index_units([_parse(SPACED)], concepts=[]))
    assert len(rows) == 3
    assert "队伍建设" in rows[2].index_text and "队伍建设" in rows[2].context.sections[-1]


@pytest.mark.parametrize(("holders", "rows_in_annex_text"), [("whole", True), ("outline", False)])
def test_the_annex_stays_indexed_whole_or_as_its_outline(holders, rows_in_annex_text):
    doc = _parse(TAB)
    units = index_units([doc], concepts=[], table_holders=holders)
    annex = next(u for u in units if u.kind == "annex")
    assert annex.text.startswith("嘉定区社区养老服务提质重点任务分解表\n序号\t工作任务")
    assert ("区人力资源社会保障局" in annex.text) is rows_in_annex_text
    assert len(_rows(units)) == 3
    with pytest.raises(ValueError):
        index_units([doc], concepts=[], table_holders="rows only")


def test_a_document_without_a_task_table_has_no_rows():
    doc = _parse(BODY.replace("附件\n嘉定区社区养老服务提质重点任务分解表\n", ""))
    assert not _rows(index_units([doc], concepts=[]))


@pytest.mark.parametrize("notation", list(ROWS))
def test_the_row_not_the_measure_states_the_owner_and_the_date(notation):
    doc = _parse(ROWS[notation][0])
    units = {(u.kind, u.path): u for u in index_units([doc], concepts=[])}
    row = units[(ROW_KIND, "附件 · 1")]
    measure = units[("measure", "一（二）")]
    assert states_owner(row) and states_time(row)
    # the measure has an explicit lead, but the evidence is the annex row: its own words name no body
    assert any(o.basis == "explicit" for o in measure.context.owners)
    assert not states_owner(measure) and not states_time(measure)
    assert states_owner(units[("safeguard", "二（一）")])  # 区民政局负责统筹推进: said in its own text


def test_a_row_with_no_date_does_not_state_a_time():
    rows = _rows(index_units([_parse(TWO_TASKS)], concepts=[]))
    assert states_time(rows[0]) and not states_time(rows[1])  # 长期坚持 fixes no date


@pytest.fixture(scope="module")
def row_index() -> SearchIndex:
    return SearchIndex.build(index_units([_parse(TAB)], concepts=[]), FakeEncoder(64), concepts=[])


# Who/when questions about one task (what a row is for); the fake encoder's vectors only share bigrams, so the
# measure restating the task keeps a dense lead that the who and when routing has to overcome.
@pytest.mark.parametrize(("question", "path"), [
    ("护理队伍培养由哪个部门牵头，什么时候完成", "附件 · 3"),
    ("智慧养老应用的完成时限", "附件 · 2"),
    ("嵌入式养老服务站由哪家单位牵头，几月底前建成", "附件 · 1"),
])
def test_a_question_about_a_rows_task_finds_that_row_first(row_index, question, path):
    hit = row_index.search(question, k=3).hits[0]
    assert (hit.kind, hit.path) == (ROW_KIND, path)
    row = next(u for u in row_index.units if u.path == path)
    assert (hit.iri, hit.start, hit.end) == (row.id, row.start, row.end)
    assert any(o.role == "lead" for o in hit.context.owners)


def test_rows_can_be_asked_for_by_kind_and_survive_save_and_load(row_index, tmp_path):
    assert ROW_KIND in UNIT_KINDS
    hits = row_index.search("养老", k=10, kind=ROW_KIND).hits
    assert hits and {h.kind for h in hits} == {ROW_KIND}
    row_index.save(tmp_path / "index")
    loaded = SearchIndex.load(tmp_path / "index", FakeEncoder(64))
    assert [(u.kind, u.path, u.start, u.end) for u in loaded.units] == \
        [(u.kind, u.path, u.start, u.end) for u in row_index.units]


def test_a_row_hit_opens_the_annex_in_the_graph():
    from kg.build import build_graph
    from kg.queries import get_unit

    doc = _parse(TAB)
    graph = build_graph([doc])
    for row in _rows(index_units([doc], concepts=[])):
        view = get_unit(graph, row.id)
        assert view.path == "附件" and view.start <= row.start and row.end <= view.end
