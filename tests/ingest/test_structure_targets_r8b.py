"""Task tables copied as text (序号<TAB>工作任务<TAB>牵头单位<TAB>完成时限), read after the blind r8 run: a row whose task
cell wraps onto the next line is still a row; the row's 完成时限 cell dates every target of its task cell; a statement
that the table's figures are a year's whole-year targets (各项指标均为2024年全年目标) dates them at that year's end,
whatever day a row's task is due. Rows are written for these tests."""

from datetime import date

from ingest.model import DocumentMeta
from ingest.pipeline import parse_text

_HEADER = "序号\t工作任务\t牵头单位\t责任单位\t完成时限\n"


def _parse(text: str):
    return parse_text(text, DocumentMeta(slug="x", title="x"))


def _deadlines(doc) -> dict[int, date | None]:
    """Each target's figure → its deadline."""
    return {int(t.quantity): t.deadline for t in doc.targets}


def test_a_row_whose_task_cell_wraps_after_a_comma_is_a_row():
    rows = (_HEADER
            + "1\t新建社区食堂12个\t县民政局\t县财政局\t2024年9月底前\n"
            + "2\t改造农村公路80公里，\n新建桥梁3座\t县交通运输局\t县财政局\t2024年11月底前\n"
            + "3\t建成口袋公园5个\t县住建局\t县自然资源局\t2024年10月底前\n")
    doc = _parse("一、民生实事\n" + rows)
    assert [u.path for u in doc.units if u.parent == "一"] == ["一1", "一2", "一3"]
    assert "新建桥梁3座" in next(u for u in doc.units if u.path == "一2").text


def test_the_due_cell_dates_every_target_of_the_row():
    rows = _HEADER + "1\t改造农村公路80公里，新建桥梁3座\t县交通运输局\t县财政局\t2024年11月底前\n"
    doc = _parse("一、民生实事\n" + rows)
    assert _deadlines(doc) == {80: date(2024, 11, 30), 3: date(2024, 11, 30)}


def test_a_whole_year_statement_dates_the_figures_at_the_year_end():
    lead = "表中各项指标均为2024年全年目标，完成时限为该项任务的最迟完成时间。\n"
    rows = (_HEADER
            + "1\t全年新建社区食堂12个以上，改造农村公路80公里\t县民政局\t县财政局\t2024年9月底前\n"
            + "2\t年内建成口袋公园5个\t县住建局\t县自然资源局\t2024年6月底前\n")
    doc = _parse(lead + "一、民生实事\n" + rows)
    assert _deadlines(doc) == {12: date(2024, 12, 31), 80: date(2024, 12, 31), 5: date(2024, 12, 31)}


def test_a_yearly_minimum_after_a_statement_looking_back_stays_undated():
    text = ("一、工作目标\n全年新增就业岗位500个。以上指标均为2024年全年目标。\n"
            "二、重点任务\n（一）开展招聘活动。常态化开展招聘活动，全年不少于12场。\n")
    doc = _parse(text)
    by_path = {t.unit_path: t.deadline for t in doc.targets}
    assert by_path == {"一": date(2024, 12, 31), "二（一）": None}


def test_a_task_breakdown_is_a_genre_of_its_own():
    from ingest.docmeta import genre_as_written, genre_of

    assert genre_of("某县2024年《政府工作报告》重点工作任务分解") == "任务分解"
    assert genre_as_written("某县2024年目标任务分解") == "任务分解"
    assert genre_of("某县关于印发重点工作任务分解的通知") == "通知"


def test_a_title_quoted_inside_the_issued_texts_name_is_cited():
    from ingest.citations import find_citations

    own = "某县人民政府办公室关于印发某县2024年《政府工作报告》重点工作任务分解的通知"
    text = "县人大会议审议通过的《政府工作报告》，明确了全年目标。现将《某县2024年〈政府工作报告〉重点工作任务分解》印发给你们。"
    assert [c.title for c in find_citations(text, [], own_title=own)] == ["政府工作报告"]


def test_a_circulars_findings_are_context_and_its_remedies_duties():
    text = ("一、检查情况\n本次共抽查单位12个。\n二、存在的问题\n（一）推进进度偏慢。部分项目开工滞后。\n"
            "（二）资金拨付不及时。个别单位拨付资金滞后。\n三、整改要求\n（一）加快项目进度。各单位要倒排工期。\n"
            "（二）加快资金拨付。各单位要于月底前拨付到位。\n")
    doc = _parse(text)
    functions = {u.path: u.function for u in doc.units}
    assert [functions[p] for p in ("二（一）", "二（二）")] == ["context", "context"]
    assert [functions[p] for p in ("三（一）", "三（二）")] == ["duty", "duty"]
