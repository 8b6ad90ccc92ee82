"""Task-breakdown tables (工作任务分工表, 重点任务分解表) exported as text: rows, role columns, due dates, owning unit.

A table is a header line naming a task column (工作任务, 重点任务 …) and at least one body column (牵头单位,
配合单位, 责任单位, 指导部门 …), cells split by tabs or by runs of two or more spaces, then one row a line; or,
as a web page's table pasted as text, cells between vertical bars (``序号 | 重点任务 | 责任单位 | 完成时限``); or
as a web page's table copied as text, one cell a line (序号, 改革举措, 主要内容, 指导部门 … each on its own
line, then each row as many lines, starting with its number). Each row
is tied to the unit of the main text whose heading its task cell names; a line indented under the columns that
holds no new row continues the cells above it (a wrapped 配合单位 list), and a second header line of 牵头 / 配合 under
a 责任单位 header splits that column in two; a row that names none stays with the
unit that holds the table (the annex). ``完成时限`` becomes a date where the text fixes one
(``2024年9月底前`` → 2024-09-30, ``2024年底前`` → 2024-12-31) and is kept as written either way (``长期坚持``).
"""

from __future__ import annotations

import calendar
import dataclasses
import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import Enum

from .model import Span, Unit, UnitKind

__all__ = [
    "Column",
    "TableCell",
    "TaskRow",
    "TaskTable",
    "find_task_tables",
    "parse_due",
    "split_cells",
    "unit_of_row",
]

log = logging.getLogger(__name__)


class Column(str, Enum):
    """What a column of a task table holds."""

    NUMBER = "number"  # 序号
    TASK = "task"  # 工作任务 / 重点任务 / 具体措施
    LEAD = "lead"  # 牵头单位
    PARTICIPANT = "participant"  # 配合单位 / 参与单位
    RESPONSIBLE = "responsible"  # 责任单位: a plain list, read by the list convention
    GUIDE = "guide"  # 指导部门: a reform list's guiding departments, a plain list read as 责任单位 is
    DUE = "due"  # 完成时限
    PERSON = "person"  # 责任领导 / 分管领导 / 牵头县领导 / 责任人: people, never a body


# Tried in order: 牵头单位 before 单位, 责任单位 before 任务.
_HEADERS: tuple[tuple[Column, re.Pattern[str]], ...] = (
    (Column.NUMBER, re.compile(r"^(?:序号|编号)$")),
    # a column of people (牵头县领导, 分管领导, 责任领导, 责任人, 联系人): read before 牵头 so that 牵头领导 is no body column
    (Column.PERSON, re.compile(r"领导|负责人|责任人|联系人|包抓|领办")),
    # 主办单位 / 协办单位 (会办单位), 主要责任单位 / 其他责任单位: the same two columns under other names
    (Column.LEAD, re.compile(r"牵头|主责|主办|主要责任")),
    (Column.PARTICIPANT, re.compile(r"配合|参与|协办|协同|参加|会办|其他责任|协作")),
    (Column.GUIDE, re.compile(r"指导(?:单位|部门)")),
    (Column.RESPONSIBLE, re.compile(r"(?:责任|负责|实施|落实|承办)(?:单位|部门|主体)")),
    (Column.DUE, re.compile(r"时限|时间|期限|进度|节点")),
    (Column.TASK, re.compile(r"任务|措施|工作|内容|事项|举措|项目")),
)
_BODY_COLUMNS = (Column.LEAD, Column.PARTICIPANT, Column.RESPONSIBLE, Column.GUIDE)
# a tab, a run of 2+ spaces, or a vertical bar (a web page's table pasted as ``1 | 任务 | 市商务局 | 2024年底前``)
_CELL_SPLIT = re.compile(r"[ \u3000\xa0]*[|｜¦][ \u3000\xa0]*|\t+|[ \u3000\xa0]{2,}")
_LINE_RE = re.compile(r"[^\r\n]+")
_GROUP_ROW = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+[章节部分])")
_LABEL = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]{1,3}[.．、]|第[一二三四五六七八九十]+(?:[章节条篇]|部分))")
_NOISE = re.compile(r"[\s。，、；：,.;:“”\"'《》（）()〔〕\[\]【】]")

_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?:(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日|(?P<m2>\d{1,2})\s*月"
                   r"|(?P<half>上半年|下半年)|(?:第)?(?P<q>[一二三四1-4])\s*季度|(?P<end>底|末|年底|内|前|全年)?)")
_QUARTER = {"一": 3, "二": 6, "三": 9, "四": 12, "1": 3, "2": 6, "3": 9, "4": 12}


@dataclass(frozen=True, slots=True)
class TableCell:
    """One cell as written, with its place in the source."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class TaskRow:
    """One row of a task table: its cells by column, and the row's span (the evidence of what it states)."""

    span: Span
    cells: dict[Column, TableCell]
    group: str = ""  # the table's own group heading above the row (一、推进智能制造), if any
    tasks: tuple[TableCell, ...] = ()  # every task-like cell (重点任务 and 具体措施 both), in order
    more: tuple[tuple[Column, TableCell], ...] = ()  # the parts of cells wrapped onto the lines below

    def cell(self, column: Column) -> TableCell | None:
        return self.cells.get(column)

    def parts(self, column: Column) -> list[TableCell]:
        """The cell of ``column`` and its wrapped parts, in order (empty when the row has no such cell)."""
        first = self.cells.get(column)
        return ([first] if first else []) + [cell for col, cell in self.more if col is column]


@dataclass(frozen=True, slots=True)
class TaskTable:
    """A task table: the header's span, its columns in order, and its rows."""

    header: Span
    columns: tuple[Column | None, ...]
    rows: tuple[TaskRow, ...]

    @property
    def span(self) -> Span:
        end = self.rows[-1].span.end if self.rows else self.header.end
        return Span(self.header.start, end)


# a table whose cells a single space separates (序号 重点任务 牵头单位 配合单位 完成时限, as a copy that collapsed
# the whitespace writes it): read only under a header opening with 序号 / 编号, each row opening with its number
_CELL_SPLIT_ONE = re.compile(r"[ \u3000\xa0]*[|｜¦][ \u3000\xa0]*|\t+|[ \u3000\xa0]+")


def split_cells(source: str, start: int, end: int, single: bool = False) -> list[TableCell]:
    """The cells of the line ``source[start:end]``, split at tabs, runs of 2+ spaces or vertical bars (``single``:
    at any space too), spans exact."""
    cells: list[TableCell] = []
    pos = start
    for m in [*(_CELL_SPLIT_ONE if single else _CELL_SPLIT).finditer(source, start, end), None]:
        stop = m.start() if m else end
        raw = source[pos:stop]
        text = raw.strip()
        if text:
            lead = len(raw) - len(raw.lstrip())
            cells.append(TableCell(text, Span(pos + lead, pos + lead + len(text))))
        if m:
            pos = m.end()
    return cells


def _column(header: str) -> Column | None:
    name = re.sub(r"\s", "", header)
    for column, pattern in _HEADERS:
        if pattern.search(name):
            return column
    return None


def _header_columns(cells: list[TableCell]) -> tuple[Column | None, ...] | None:
    """The columns a header line names, or None when the line is not a task table's header."""
    if len(cells) < 3 or any(len(c.text) > 12 for c in cells):
        return None
    columns = tuple(_column(c.text) for c in cells)
    if Column.TASK not in columns or not any(c in columns for c in _BODY_COLUMNS):
        return None
    return columns


def parse_due(text: str) -> date | None:
    """The last day a 完成时限 allows: ``2024年9月底前`` → 2024-09-30, ``2024年底前`` → 2024-12-31,
    ``2024年6月15日前`` → 2024-06-15, ``2024年上半年`` → 2024-06-30; None where no date is fixed
    (``长期坚持``, ``持续推进``, ``2024年起``). With several dates (分阶段), the last one stated."""
    found: date | None = None
    for m in _DATE.finditer(text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))):
        after = text[m.end() : m.end() + 1]
        if after == "起" and not (m.group("m") or m.group("m2") or m.group("half") or m.group("q")):
            continue
        year = int(m.group("y"))
        if m.group("m") and m.group("d"):
            month, day = int(m.group("m")), int(m.group("d"))
        elif m.group("m2"):
            month = int(m.group("m2"))
            day = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
        elif m.group("half"):
            month, day = (6, 30) if m.group("half") == "上半年" else (12, 31)
        elif m.group("q"):
            month = _QUARTER[m.group("q")]
            day = calendar.monthrange(year, month)[1]
        else:
            month, day = 12, 31
        try:
            found = date(year, month, day)
        except ValueError:
            continue
    return found


def _row_cells(columns: tuple[Column | None, ...], cells: list[TableCell]) -> dict[Column, TableCell]:
    """Cells by column. When empty cells collapsed (space-split rows), the number, task and due columns are
    recognised by their content and the remaining cells fill the body columns in header order."""
    if len(cells) == len(columns):
        found = {}
        for col, cell in zip(columns, cells):
            if col is not None:
                found.setdefault(col, cell)  # the first of two task columns (重点任务, 具体措施) names the unit
        return found
    rest = list(cells)
    found: dict[Column, TableCell] = {}
    if Column.NUMBER in columns and rest and re.fullmatch(r"[0-9０-９]{1,3}[.．、]?", rest[0].text):
        found[Column.NUMBER] = rest.pop(0)
    if Column.DUE in columns and len(rest) > 1 and (parse_due(rest[-1].text) or len(rest[-1].text) <= 6):
        found[Column.DUE] = rest.pop()
    if rest:
        found[Column.TASK] = rest.pop(0)
    body_columns = [c for c in columns if c in _BODY_COLUMNS]
    while body_columns and rest:
        if (Column.PERSON in columns and Column.PERSON not in found and _PERSON_CELL.fullmatch(rest[0].text)
                and not _BODY_END.search(rest[0].text)):
            found[Column.PERSON] = rest.pop(0)  # the people column's cell (王建国, 副县长 李明), not a body
            continue
        found[body_columns.pop(0)] = rest.pop(0)
    return found


# a cell of people: one or more personal names (2–4 characters), each maybe with its title before or after
_TITLE = r"(?:常务)?(?:副)?(?:县长|市长|区长|省长|旗长|镇长|主任|书记|部长|局长|主席|秘书长|同志)"
_PERSON = rf"(?:{_TITLE}\s*)?[\u4e00-\u9fff]{{2,4}}?(?:\s*{_TITLE})?"
_PERSON_CELL = re.compile(rf"{_PERSON}(?:[、，,/\s]+{_PERSON})*")
_BODY_END = re.compile(r"(?:局|委|办|厅|中心|政府|街道|乡镇|院|所|队|会|部|处|室|站|社|行|司|区|县|市)$")


_NUMBER_CELL = re.compile(r"[0-9０-９]{1,3}[.．、]?")


def _vertical_table(source: str, lines: list[tuple[int, int]], i: int) -> tuple[TaskTable, int] | None:
    """A table exported one cell a line (a web page's table copied as text): a header of short lines naming
    the columns, 序号 first, then each row as many lines as there are columns, starting with its number;
    a group row (一、知识产权保护方面（共5项）) may stand between rows. Returns the table and the next line."""
    header: list[TableCell] = []
    j = i
    while j < len(lines) and len(header) < 8:
        cells = split_cells(source, *lines[j])
        if len(cells) != 1 or len(re.sub(r"\s", "", cells[0].text)) > 8:
            break
        if header and _NUMBER_CELL.fullmatch(cells[0].text):
            break  # the first row's number (80 |) right under a header of as few lines as it has columns
        header.append(cells[0])
        j += 1
    columns = tuple(_column(c.text) for c in header)
    if (len(columns) < 3 or columns[0] is not Column.NUMBER or Column.TASK not in columns
            or not any(c in columns for c in _BODY_COLUMNS)):
        return None
    rows: list[TaskRow] = []
    group = ""
    while j < len(lines):
        first = split_cells(source, *lines[j])
        if len(first) == 1 and _GROUP_ROW.match(first[0].text) and len(first[0].text) <= 40:
            group, j = first[0].text, j + 1
            continue
        if len(first) != 1 or not _NUMBER_CELL.fullmatch(first[0].text) or j + len(columns) > len(lines):
            break
        cells = [c for k in range(j, j + len(columns)) for c in split_cells(source, *lines[k])]
        if len(cells) != len(columns) or any(_NUMBER_CELL.fullmatch(c.text) for c in cells[1:2]):
            break
        by_column: dict[Column, TableCell] = {}
        for col, cell in zip(columns, cells):
            if col is not None:
                by_column.setdefault(col, cell)
        tasks = tuple(c for col, c in zip(columns, cells) if col is Column.TASK)
        rows.append(TaskRow(Span(cells[0].span.start, cells[-1].span.end), by_column, group, tasks))
        j += len(columns)
    if not rows:
        return None
    log.debug("one-cell-a-line task table at %d: %d columns, %d rows", header[0].span.start, len(columns), len(rows))
    return TaskTable(Span(header[0].span.start, header[-1].span.end), columns, tuple(rows)), j


def _display_offset(source: str, line_start: int, pos: int) -> int:
    """Where ``pos`` stands on its line as displayed: a wide (CJK) character counts two, as text tables align."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in source[line_start:pos])


def _sub_header(columns: tuple[Column | None, ...], offsets: list[int], cells: list[TableCell], source: str,
                line_start: int) -> tuple[tuple[Column | None, ...], list[int]] | None:
    """A second header line splitting 责任单位 into 牵头 / 配合 (each under its own sub-column): the columns with
    the responsible column replaced by those, or None when the line is no such sub-header."""
    subs = [_column(c.text) for c in cells]
    if (Column.RESPONSIBLE not in columns or len(cells) < 2 or any(len(c.text) > 6 for c in cells)
            or not all(col in (Column.LEAD, Column.PARTICIPANT) for col in subs)):
        return None
    i = columns.index(Column.RESPONSIBLE)
    sub_offsets = [_display_offset(source, line_start, c.span.start) for c in cells]
    return columns[:i] + tuple(subs) + columns[i + 1 :], offsets[:i] + sub_offsets + offsets[i + 1 :]


def _continuation(source: str, start: int, end: int, cells: list[TableCell], columns: tuple[Column | None, ...],
                  offsets: list[int]) -> list[tuple[Column, TableCell]] | None:
    """An indented line with fewer cells than columns and no number of its own: the parts of the cells above it
    wrapped onto this line, each under the column it is written under (tab-separated: by its tab count)."""
    if (not cells or source[start] not in " \t\u3000" or len(cells) >= len(columns)
            or (Column.NUMBER in columns and _NUMBER_CELL.fullmatch(cells[0].text))):
        return None
    parts = []
    for cell in cells:
        if "\t" in source[start:end]:
            index = source.count("\t", start, cell.span.start)
        else:
            where = _display_offset(source, start, cell.span.start)
            index = max((i for i, off in enumerate(offsets) if off <= where + 1), default=0)
        column = columns[min(index, len(columns) - 1)]
        if column is not None:
            parts.append((column, cell))
    return parts


def find_task_tables(source: str) -> list[TaskTable]:
    """Every task table in the text, in order."""
    lines = [(m.start(), m.end()) for m in _LINE_RE.finditer(source)]
    tables: list[TaskTable] = []
    i = 0
    while i < len(lines):
        start, end = lines[i]
        header_cells = split_cells(source, start, end)
        columns = _header_columns(header_cells)
        single = False
        if columns is None and len(header_cells) == 1:
            one = split_cells(source, start, end, single=True)
            if one and _column(one[0].text) is Column.NUMBER and (cols := _header_columns(one)) is not None:
                header_cells, columns, single = one, cols, True
        if columns is None:
            vertical = _vertical_table(source, lines, i)
            if vertical is not None:
                tables.append(vertical[0])
                i = vertical[1]
                continue
        i += 1
        if columns is None:
            continue
        offsets = [_display_offset(source, start, c.span.start) for c in header_cells]
        if i < len(lines):
            sub = _sub_header(columns, offsets, split_cells(source, *lines[i]), source, lines[i][0])
            if sub is not None:
                (columns, offsets), i = sub, i + 1
        rows: list[TaskRow] = []
        group = ""
        while i < len(lines):
            start, end = lines[i]
            cells = split_cells(source, start, end, single)
            if not cells:
                i += 1
                continue
            if single and not _NUMBER_CELL.fullmatch(cells[0].text) and not (
                    len(cells) == 1 and _GROUP_ROW.match(cells[0].text)):
                break  # a single-space table ends at the first line that opens with no row number
            wrapped = _continuation(source, start, end, cells, columns, offsets) if rows and not single else None
            if wrapped:
                last = rows[-1]
                rows[-1] = dataclasses.replace(last, span=Span(last.span.start, cells[-1].span.end),
                                               more=last.more + tuple(wrapped))
                i += 1
                continue
            if len(cells) == 1:
                if _GROUP_ROW.match(cells[0].text) and len(cells[0].text) <= 40:
                    group = cells[0].text
                    i += 1
                    continue
                break
            if _header_columns(cells) is not None:
                break
            by_column = _row_cells(columns, cells)
            same_shape = len(cells) == len(columns)
            tasks = tuple(c for col, c in zip(columns, cells) if col is Column.TASK) if same_shape else ()
            rows.append(TaskRow(Span(cells[0].span.start, cells[-1].span.end), by_column, group,
                                tasks or tuple(c for c in [by_column.get(Column.TASK)] if c)))
            i += 1
        header = Span(header_cells[0].span.start, header_cells[-1].span.end)
        log.debug("task table at %d: %d columns, %d rows", header.start, len(columns), len(rows))
        tables.append(TaskTable(header, columns, tuple(rows)))
    return tables


def _normalise(text: str) -> str:
    """A heading or cell without its numbering label, spaces and punctuation."""
    text = text.strip()
    text = _LABEL.sub("", text, count=1)
    return _NOISE.sub("", text)


def _common_run(a: str, b: str) -> int:
    """Length of the longest common substring of ``a`` and ``b`` (short strings: plain DP)."""
    best = 0
    previous = [0] * (len(b) + 1)
    for ch in a:
        current = [0] * (len(b) + 1)
        for j, other in enumerate(b, 1):
            if ch == other:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def _score(task: str, unit: Unit) -> int:
    """How surely the task cell names ``unit``: equal heading > one starts the other > a long common run."""
    heading = _normalise(unit.heading)
    if not heading or not task:
        return 0
    if heading == task:
        return 1000
    if min(len(heading), len(task)) >= 4 and (heading.startswith(task) or task.startswith(heading)):
        return 500 + min(len(heading), len(task))
    run = _common_run(task[:80], heading[:80])
    if run >= max(4, int(0.6 * min(len(task), len(heading)))):
        return 100 + run
    if _names_task(unit, task):
        return 50
    return 0


def _score_heading(task: str, unit: Unit) -> bool:
    """The task cell names ``unit`` by its heading (not only somewhere in its text)."""
    return _score(task, unit) > 50


_NOT_MAIN_TEXT = {UnitKind.ANNEX, UnitKind.PREAMBLE, UnitKind.CLOSING}


def _names_task(unit: Unit, task: str) -> bool:
    return len(task) >= 6 and task in _NOISE.sub("", unit.text)


def unit_of_row(row: TaskRow, units: list[Unit], table_unit: Unit | None,
                table: TaskTable | None = None) -> Unit | None:
    """The main-text unit whose heading the row's task cell names; else the unit holding the row.

    A unit whose text names the tasks of two or more rows of ``table`` (（一）…方面5项：A；B；C) lists them: it is
    no row's own unit, so a row found only in such a text stays in the annex part that holds it."""
    candidates = [u for u in units if u.kind not in _NOT_MAIN_TEXT and not u.path.startswith("附件")]
    if table is not None:
        tasks = [_normalise(t.text) for r in table.rows for t in r.tasks[:1]]
        candidates = [u for u in candidates if _score_heading(_normalise(row.tasks[0].text) if row.tasks else "", u)
                      or sum(_names_task(u, t) for t in tasks) < 2]
    scored = [(_score(_normalise(task.text), u), -i, u) for task in row.tasks for i, u in enumerate(candidates)]
    scored = [s for s in scored if s[0] > 0]
    if scored:
        return max(scored, key=lambda s: (s[0], s[1]))[2]
    return table_unit
