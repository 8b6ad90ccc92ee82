"""A task table copied as text (序号<TAB>任务<TAB>牵头单位<TAB>完成时限): where the table is the text (a 任务分解 under
its own headings, or the annex a notice issues as its text) each row numbered by its 序号 cell is a unit, its
heading is the task cell and its header row is no preamble; in an annex that restates the body's tasks the rows
stay none. Rows are written for these tests."""

from ingest.model import DocumentMeta
from ingest.pipeline import parse_text

_ROWS = ("序号\t重点任务\t牵头单位\t完成时限\n"
         "1\t新建社区食堂12个\t县民政局\t2025年9月底\n"
         "2\t改造农村公路80公里\t县交通运输局\t2025年11月底\n")


def _parse(text: str):
    return parse_text(text, DocumentMeta(slug="x", title="x"))


def test_rows_under_headings_are_units_with_the_task_as_heading():
    doc = _parse("一、民生实事\n" + _ROWS + "二、保障措施\n（一）加强督查。\n（二）强化考核。\n")
    rows = [u for u in doc.units if u.parent == "一"]
    assert [u.path for u in rows] == ["一1", "一2"]
    assert rows[0].heading == "新建社区食堂12个"
    assert {t.unit_path for t in doc.targets} == {"一1", "一2"}


def test_the_header_row_alone_is_no_preamble():
    doc = _parse(_ROWS + "3\t建成口袋公园5个\t县住建局\t2025年10月底\n")
    assert [u.path for u in doc.units] == ["1", "2", "3"]


def test_rows_of_an_annex_restating_the_tasks_stay_no_units():
    text = ("一、重点任务\n（一）建设社区食堂。全年新建社区食堂12个。\n（二）改造农村公路。全年改造农村公路80公里。\n"
            "二、保障措施\n（一）加强督查。\n（二）强化考核。\n附件：重点任务分解表\n某县人民政府办公室\n2025年2月1日\n"
            "附件\n重点任务分解表\n" + _ROWS)
    doc = _parse(text)
    assert [u.path for u in doc.units if u.path.startswith("附件")] == ["附件"]


def test_a_one_point_heading_with_a_tab_inside_a_sentence_is_unchanged():
    doc = _parse("一、目标\n1.到2025年，建成示范园区3个。\n2.培育龙头企业10家。\n")
    assert [u.path for u in doc.units] == ["一", "一1", "一2"]


def test_a_tab_row_with_no_header_above_it_stays_a_cell():
    doc = _parse("一、甲\n（一）做好工作。\n（二）做好工作。\n二、乙\n1\t推进某项工作\t县发展改革局\t2025年底\n")
    assert [u.path for u in doc.units if u.parent == "二"] == []


def test_rows_numbered_one_point_in_their_first_cell_are_units_too():
    rows = _ROWS.replace("1\t", "1.\t").replace("2\t", "2.\t")
    doc = _parse("一、民生实事\n" + rows + "二、保障措施\n（一）加强督查。\n（二）强化考核。\n")
    assert [u.path for u in doc.units if u.parent == "一"] == ["一1", "一2"]


def test_a_row_whose_cell_wraps_onto_the_next_line_does_not_end_the_table():
    # a long 责任单位 cell copied from a page runs onto a line of its own (one tab left on it): the rows after it are
    # still rows of the table
    rows = ("序号\t重点任务\t牵头单位\t责任单位\t完成时限\n"
            "1\t新建社区食堂12个\t县民政局\t县财政局、县卫健局、\n各乡镇人民政府\t2025年9月底\n"
            "2\t改造农村公路80公里\t县交通运输局\t县财政局\t2025年11月底\n"
            "3\t建成口袋公园5个\t县住建局\t县自然资源局\t2025年10月底\n")
    doc = _parse("一、民生实事\n" + rows)
    assert [u.path for u in doc.units if u.parent == "一"] == ["一1", "一2", "一3"]
    assert "各乡镇人民政府" in next(u for u in doc.units if u.path == "一1").text
