"""Parse the numbering levels of Chinese official documents (第一章 … 一、 （一） 1. （1） ① --) into Units,
with the unnumbered preamble (序言), closing prose (结语) and annexes (附件1 …) as units of their own."""

from __future__ import annotations

import bisect
import itertools
import logging
import re
from dataclasses import dataclass, field, replace

from .errors import ParseError
from .frontmatter import FrontMatter, read_front_matter
from .model import Numbering, Span, Unit, UnitKind
from .numbering import (
    CIRCLED,
    DECIMALS,
    FULLWIDTH_DIGITS,
    HAN,
    LINE_START,
    STOP_RE,
    Label,
    decimal_parts,
    find_labels,
    han_to_int,
    heading_of,
    is_table_row,
    opens_contents,
    segments,
)

__all__ = [
    "NOTICE_PATH",
    "NO_BODY",
    "Label",
    "find_labels",
    "han_to_int",
    "heading_of",
    "paragraph_path",
    "parse_structure",
]

log = logging.getLogger(__name__)

NO_BODY = "no body text found (expected paragraphs of text, or numbered units such as 一、 （一） 1. …)"

def _own_span(source: str, start: int, end: int) -> Span:
    """[start, end) with surrounding whitespace (incl. U+3000 and newlines) trimmed."""
    region = source[start:end]
    stripped = region.strip()
    if not stripped:
        return Span(start, start)
    lead = len(region) - len(region.lstrip())
    return Span(start + lead, start + lead + len(stripped))


# --- nesting ---------------------------------------------------------------------------------------

# 第X篇 / 第X部分 > 第X章 > 第X节 > 第X条 always; these and 一、 always rank above the minor styles (（一） 1. （1） ①).
_OUTER = (Numbering.BOOK, Numbering.PART)
_MAJOR = frozenset({*_OUTER, Numbering.ARTICLE_CHAPTER, Numbering.ARTICLE_SECTION, Numbering.ARTICLE,
                    Numbering.HAN_COMMA})
_FIXED = frozenset({
    *((outer, inner) for outer in _OUTER for inner in _MAJOR if inner not in _OUTER),
    (Numbering.ARTICLE_CHAPTER, Numbering.ARTICLE_SECTION),
    (Numbering.ARTICLE_CHAPTER, Numbering.ARTICLE),
    (Numbering.ARTICLE_SECTION, Numbering.ARTICLE),
    (Numbering.DECIMAL_1, Numbering.DECIMAL_2),
    (Numbering.DECIMAL_1, Numbering.DECIMAL_3),
    (Numbering.DECIMAL_2, Numbering.DECIMAL_3),
})


def _outranks(style: Numbering, other: Numbering, seen: set[tuple[Numbering, Numbering]]) -> bool:
    """Whether a unit numbered ``style`` closes an open unit numbered ``other``: ``other`` is a bullet, the
    fixed order says so, or this document has already put ``other`` inside ``style``."""
    if other is Numbering.BULLET:
        return True
    if (other, style) in seen or (other, style) in _FIXED:
        return False
    return (style, other) in seen or (style, other) in _FIXED or (style in _MAJOR and other not in _MAJOR)


def _nest(labels: list[Label]) -> list[int | None]:
    """Parent index of each label.

    A label whose style is open on the stack is a sibling of that unit (so numbering that runs on across
    sections, or restarts, nests the same way); a style not open yet nests inside the current unit unless
    the document has already nested the current unit's style inside it (or it is a major style: 第X章, 第X节,
    第X条, 一、). Bullets nest under the unit they appear in.
    """
    seen: set[tuple[Numbering, Numbering]] = set()  # (outer style, inner style) pairs met so far
    parents: list[int | None] = []
    stack: list[int] = []
    for i, label in enumerate(labels):
        style = label.numbering
        if style is Numbering.BULLET:
            while stack and labels[stack[-1]].numbering is Numbering.BULLET:
                stack.pop()
        else:
            open_same = [pos for pos, j in enumerate(stack) if labels[j].numbering is style]
            if open_same:
                del stack[open_same[-1]:]
            else:
                while stack and _outranks(style, labels[stack[-1]].numbering, seen):
                    stack.pop()
            seen.update((labels[j].numbering, style) for j in stack if labels[j].numbering is not style)
        parents.append(stack[-1] if stack else None)
        stack.append(i)
    return parents


# --- annexes and closing prose -----------------------------------------------------------------------

_WS = " \t\xa0\u3000"
# 附件 / 附件1 / 附件1：标题 / 附件1. / 附件 2 / 附件一　标题, alone at the start of a line.
_ANNEX_RE = re.compile(
    rf"附[{_WS}]*件[{_WS}]*(?P<numeral>[0-9０-９]{{1,2}}|[一二三四五六七八九十]{{1,3}})?"
    rf"(?:[{_WS}]*[：:][{_WS}]*|(?<=[0-9０-９一二三四五六七八九十])[.．、][{_WS}]*|[{_WS}]+)?(?P<title>[^\r\n]*)"
)
# How closing prose after the last numbered unit opens: 各地区、各部门要… / 本意见自印发之日起施行 / 请认真贯彻执行.
_CLOSING_RE = re.compile(
    r"(?:各(?:地区|地方|省|自治区|市|区|县|级|部门|单位|有关|相关|街道|乡镇|成员单位)"
    r"|本(?:意见|方案|计划|行动计划|实施方案|工作方案|办法|规定|细则|通知|措施|若干措施|政策|规划|实施意见|指引)"
    r"(?:自|由|从|有效期|执行|实施|所称|未尽|涉及|印发|发布)"
    r"|请(?:各|认真|结合|遵照|按照)|以上|特此|(?:再次|衷心|非常|十分)?感谢|现将[^。\r\n]{0,30}?(?:报送|转送|送上|附后)|此前|凡(?:本|此前|以往|与)|(?:执行|实施)(?:中|过程中)|另外[，,]"
    # …工作意义重大、使命光荣。 / …是…的重要举措，具有重要意义。: the closing says how much the work matters
    r"|[^。；;\r\n]{2,60}?(?:意义重大|具有(?:重要|重大|十分重要的)意义)[^。；;\r\n]{0,20}。)"
)
_CELL_SEP = re.compile(r"\t|[ \u3000]{2,}")


@dataclass(frozen=True, slots=True)
class _Annex:
    start: int  # where 附件 starts
    label_end: int  # end of 附件1 (and of its colon)
    numeral: str
    line: int
    names_only: bool = False  # the line naming the annex that follows (附件：分解表), no annex of its own


_NEWLINE_RE = re.compile(r"[\r\n]")
_SENTENCE_RE = re.compile(r"[。；;！!？?]")


def _line_end(source: str, pos: int) -> int:
    m = _NEWLINE_RE.search(source, pos)
    return m.start() if m else len(source)


# 序号<TAB>重点任务<TAB>牵头单位<TAB>完成时限: the header row of a table read as text
_TABLE_HEADER = re.compile(r"序\s*号[ \u3000]*\t[^\r\n。；;]*")


def _under_table_header(source: str, pos: int) -> bool:
    """Whether the line at ``pos`` stands in a table whose header row (序号<TAB>…) is above it, with nothing between
    but other rows and short headings (二、重点工作) that split the table into parts."""
    header = None
    for header in _TABLE_HEADER_LINE.finditer(source, 0, pos):
        pass
    if header is None:
        return False
    between = source[header.end():pos].splitlines()
    return all(not line.strip(_WS) or line.count("\t") >= 1 or (len(line.strip(_WS)) <= 40 and "\t" not in line
               and not re.search(r"[。；;]", line)) for line in between)


_TABLE_HEADER_LINE = re.compile(r"^[ \u3000]*序\s*号[ \u3000]*\t[^\r\n]*$", re.MULTILINE)


def _is_table_row(source: str, label: Label) -> bool:
    """A line of cells split by tabs or runs of spaces (序号 工作任务 牵头单位 …): the label is a cell, not a unit."""
    if is_table_row(source, label):
        # 1<TAB>任务<TAB>牵头单位… under a 序号<TAB>… header: a row numbered by its 序号 cell is a unit of a text that
        # is a table (a 任务分解 read as text); in an annex that restates the body's tasks it stays none
        # (``_Builder.annex``); a row with no such header above it is a cell, as below
        return not _under_table_header(source, label.start)
    rest = source[label.end : _line_end(source, label.end)].strip(_WS)
    return len(_CELL_SEP.findall(rest)) >= 2


def _inline_enumeration(source: str, label: Label) -> bool:
    """（1）有专职工作人员；（2）有独立的办公住所 on one line: an enumeration inside a sentence, not a unit."""
    if label.numbering not in (Numbering.ARABIC_PAREN, Numbering.CIRCLED):
        return False
    rest = source[label.end : _line_end(source, label.end)]
    number = han_to_int(label.numeral)
    following = CIRCLED[number] if label.numbering is Numbering.CIRCLED and number < len(CIRCLED) else None
    if following is not None:
        return following in rest
    return re.search(rf"[（(]{number + 1}[）)]", rest) is not None


def _inside(pos: int, spans: tuple[Span, ...]) -> bool:
    return any(s.start <= pos < s.end for s in spans)


def _find_annexes(source: str, after: int, blocked: tuple[Span, ...]) -> list[_Annex]:
    """Lines that open an annex (附件1 …) after ``after`` and outside front/back matter."""
    newlines = [i for i, ch in enumerate(source) if ch == "\n"]
    found: list[_Annex] = []
    for line_start in LINE_START.finditer(source):
        pos = line_start.end()
        if pos < after or _inside(pos, blocked):
            continue
        m = _ANNEX_RE.match(source, pos)
        if not m or m.end() != _line_end(source, pos):
            continue
        title = m.group("title").strip(_WS)
        prefix = source[pos : m.start("title")]  # 附件2： / 附件 2 / 附件：
        colon = any(c in prefix for c in "：:.．、")  # 附件1. / 附件1、 as 附件1：
        if title and (_SENTENCE_RE.search(title) or not (colon or (m.group("numeral") and prefix[-1] in _WS))):
            continue  # 附件材料… / 附件2所列事项… are sentences, not annexes
        line = bisect.bisect_right(newlines, pos - 1) + 1
        # 附件：重点项目清单（略）: the annex is left out of the published text, only named: no unit of its own
        found.append(_Annex(pos, m.start("title"), m.group("numeral") or "", line,
                            names_only=bool(re.search(r"[（(]\s*略\s*[）)]$", title))))
    return [replace(a, names_only=True) if i + 1 < len(found) and _names_next_annex(source, a, found[i + 1]) else a
            for i, a in enumerate(found)]


_ANNEX_HEAD_LINES = 3  # the lines of an annex where its title stands (附件1 / 标题 / （2024—2026年）)


def _titles(source: str, start: int, end: int) -> list[str]:
    """The non-blank lines of ``[start, end)``, without spaces, list numbers (1. / 2、) and brackets《》."""
    lines = (re.sub(rf"[{_WS}《》〈〉]", "", m.group()) for m in _LINE_RE.finditer(source, start, end))
    return [re.sub(r"^[0-9０-９]{1,2}[.．、]", "", t) for t in lines if t]


def _names_next_annex(source: str, annex: _Annex, following: _Annex) -> bool:
    """Whether ``annex`` is only the line that names the annexes attached (附件：重点任务分解表, or 附件：1.… with the
    next titles below it) and the annex itself follows, headed by that title: the naming line is no annex of its own.
    It holds nothing but title lines (no sentence) and its first title opens the next annex."""
    if annex.numeral and annex.numeral != following.numeral:
        return False  # 附件1：… then 附件2：…: two annexes
    named = _titles(source, annex.label_end, following.start)
    if not named or any(_SENTENCE_RE.search(t) for t in named):
        return False
    head = "".join(_titles(source, following.label_end, _line_end_after(source, following.label_end, _ANNEX_HEAD_LINES)))
    return named[0] in head


def _line_end_after(source: str, pos: int, lines: int) -> int:
    """The end of the ``lines``-th non-blank line from ``pos`` on."""
    count = 0
    for m in _LINE_RE.finditer(source, pos):
        count += bool(m.group().strip(_WS))
        if count >= lines:
            return m.end()
    return len(source)


def _paragraphs(source: str, start: int, end: int) -> list[re.Match[str]]:
    return [m for m in _LINE_RE.finditer(source, start, end) if m.group().strip(_WS)] if end > start else []


def _is_title_paragraph(text: str) -> bool:
    """A short line that is one clause (营造良好环境。 / 加强组织领导): a unit's title, with its text below."""
    text = text.strip(_WS).rstrip("。")
    return 0 < len(text) <= 20 and not STOP_RE.search(text) and not _SENTENCE_RE.search(text) and "，" not in text


def _closing_start(source: str, start: int, end: int, siblings_one_paragraph: bool) -> int | None:
    """Where closing prose begins in ``[start, end)``, the own text of the last numbered unit.

    A later paragraph that opens like a closing (各地区、各部门要… / 本意见自…施行) begins it; so does any
    later paragraph when every sibling of the last unit is a single paragraph (the extra paragraph is then
    the document's, not the unit's), unless the unit announces a list (…：) or the paragraph goes on with
    一是/二是.
    """
    paragraphs = [m for m in _paragraphs(source, start, end) if len(_CELL_SEP.findall(m.group().strip(_WS))) < 2]
    # （三）营造良好环境。 alone on its line is the unit's title: the paragraph under it is the unit's text.
    first_body = 2 if paragraphs and _is_title_paragraph(paragraphs[0].group()) else 1
    found: list[int] = []  # each rule's start; the earliest wins (a plain paragraph may come before 各有关部门要…)
    for m in paragraphs[first_body:]:
        text = m.group().lstrip(_WS)
        if _CLOSING_RE.match(text):
            found.append(m.start() + len(m.group()) - len(text))
            break
    # A list of names or rows (组成人员: 马 敏  教授、…) ends where a sentence follows it: that sentence is the document's.
    rows = [not _SENTENCE_RE.search(m.group()) for m in paragraphs]
    for i in range(_MIN_ROWS, len(paragraphs)):
        text = paragraphs[i].group().strip(_WS)
        if all(rows[i - _MIN_ROWS : i]) and not rows[i] and text.endswith("。"):
            found.append(paragraphs[i].start() + len(paragraphs[i].group()) - len(paragraphs[i].group().lstrip(_WS)))
            break
    if siblings_one_paragraph and len(paragraphs) > 1:
        first, second = paragraphs[0].group().strip(_WS), paragraphs[1].group().lstrip(_WS)
        # a first line with no stop is a title whose text follows; one ending in ： announces a list
        if STOP_RE.search(first) and not first.endswith(("：", ":")) and not _LIST_WORD.match(second):
            found.append(paragraphs[1].start() + len(paragraphs[1].group()) - len(second))
    return min(found) if found else None


_LINE_RE = re.compile(r"[^\r\n]+")
_MIN_ROWS = 5  # how many rows without a sentence stop make a list
_LIST_WORD = re.compile(r"[一二三四五六七八九十]+是|其[一二三四五六七八九十]")


# --- units -------------------------------------------------------------------------------------------

_TITLED = (Numbering.ARTICLE, Numbering.ARTICLE_CHAPTER, Numbering.ARTICLE_SECTION)
# 第三条（部门职责） / 第三条 【部门职责】 / 第三条 [部门职责]: the bracketed title is the heading.
_BRACKET_TITLE = re.compile(r"[（(【\[〔]([^（）()【】\[\]〔〕\r\n]{1,30})[）)】\]〕]")
_NUMERAL_ONLY = re.compile(rf"[{HAN}0-9０-９]+")


def _heading(numbering: Numbering, text: str) -> tuple[str, int]:
    """The heading of a unit's own text and its offset in it."""
    if numbering in _TITLED:
        m = _BRACKET_TITLE.match(text)
        if m and not STOP_RE.search(m.group(1)) and not _NUMERAL_ONLY.fullmatch(m.group(1)):
            return m.group(1).strip(_WS), m.start(1) + len(m.group(1)) - len(m.group(1).lstrip(_WS))
    return heading_of(text), 0


@dataclass
class _Builder:
    """Turns labels into Units with unique paths and keys."""

    source: str
    file: str
    barriers: list[int]  # starts of what ends a unit besides the next label: front matter, annexes, closing
    units: list[Unit] = field(default_factory=list)
    seen_keys: set[str] = field(default_factory=set)
    paths: set[str] = field(default_factory=set)

    def bound(self, start: int, next_label: int) -> int:
        i = bisect.bisect_right(self.barriers, start)
        return min(next_label, self.barriers[i]) if i < len(self.barriers) else next_label

    def unique(self, path: str, key: str, line: int) -> tuple[str, str]:
        """A repeated number gets ``#2`` on its path and ``_2`` on its key; two styles with the same number
        side by side (1. and 一、) keep their paths, and only the key gets the suffix."""
        paths = self.paths
        if key in self.seen_keys or path in paths:
            if path in paths:
                log.warning("%s:%d: duplicate numbering %s", self.file, line, path)
            suffix = 2
            while f"{key}_{suffix}" in self.seen_keys or (path in paths and f"{path}#{suffix}" in paths):
                suffix += 1
            path, key = (f"{path}#{suffix}" if path in paths else path), f"{key}_{suffix}"
        self.seen_keys.add(key)
        self.paths.add(path)
        return path, key

    def add(self, unit: Unit, parent: Unit | None) -> Unit:
        if parent is not None:
            parent.children.append(unit.path)
        self.units.append(unit)
        return unit

    def labelled(self, labels: list[Label], root: Unit | None, end: int) -> None:
        """Units of ``labels`` (one region: the body or an annex), nested under ``root``."""
        parents = _nest(labels)
        through = _numbered_through_chapters(labels, parents)
        made: list[Unit] = []
        bullets: dict[tuple[int | None, Numbering], int] = {}
        for i, label in enumerate(labels):
            parent = made[parents[i]] if parents[i] is not None else root
            if label.numbering is Numbering.BULLET:
                number = bullets[(parents[i], label.numbering)] = bullets.get((parents[i], label.numbering), 0) + 1
            elif label.numbering in DECIMALS:
                number = decimal_parts(label.numeral)[-1]
            else:
                number = han_to_int(label.numeral)
            path_seg, key_seg = segments(label.numbering, label.numeral, number)
            article_like = label.numbering is Numbering.ARTICLE or (i in through)
            if label.numbering in DECIMALS:
                # 1.2.3 writes its whole outline path: only what stands above the outline prefixes it
                above = parents[i]
                while above is not None and labels[above].numbering in DECIMALS:
                    above = parents[above]
                base = made[above] if above is not None else root
                path = (base.path if base else "") + path_seg
                key = f"{base.key}.{key_seg}" if base else key_seg
            elif parent is None or (article_like and root is None):
                # 第三条 is numbered through the whole body, so it needs no chapter prefix (nor does 五、 under 第二章
                # when 一、 runs on across the chapters of a 规则).
                path, key = path_seg, key_seg
            elif article_like:
                path, key = root.path + path_seg, f"{root.key}.{key_seg}"  # type: ignore[union-attr]
            else:
                path, key = parent.path + path_seg, f"{parent.key}.{key_seg}"
            path, key = self.unique(path, key, label.line)
            bound = self.bound(label.end, labels[i + 1].start if i + 1 < len(labels) else end)
            span = _own_span(self.source, label.end, bound)
            text = span.text(self.source)
            heading, offset = _heading(label.numbering, text)
            made.append(self.add(Unit(
                # 五、 under 第二章 numbered on through a 规则's chapters is an article, as 第五条 would be
                kind=UnitKind.ARTICLE if i in through else UnitKind.ITEM, numbering=label.numbering, number=number,
                label=self.source[label.start : label.end], path=path, key=key, heading=heading, text=text,
                span=span, heading_span=Span(span.start + offset, span.start + offset + len(heading)),
                parent=parent.path if parent else None, line=label.line,
            ), parent))

    def unnumbered(self, kind: UnitKind, span: Span, path: str, key: str, line: int,
                   numbering_number: int = 0) -> Unit:
        text = span.text(self.source)
        heading = heading_of(text)
        return self.add(Unit(kind=kind, numbering=Numbering.UNNUMBERED, number=numbering_number, label="", path=path,
                             key=key, heading=heading, text=text, span=span,
                             heading_span=Span(span.start, span.start + len(heading)), line=line), None)

    def annex(self, annex: _Annex, labels: list[Label], end: int) -> None:
        # a table in an annex (分解表: 序号<TAB>任务…) restates or lists; its rows are no parts of the text
        labels = [lab for lab in labels if not is_table_row(self.source, lab)]
        if _is_listing(self.source, labels, end, self.source[annex.label_end : labels[0].start if labels else end]):
            labels = []  # the annex is one unit: its numbered lines are entries of a list, not parts of the text
        number = han_to_int(annex.numeral) if annex.numeral else 0
        numeral = annex.numeral.translate(FULLWIDTH_DIGITS)
        path, key = self.unique(f"附件{numeral}", f"x{number}" if number else "x", annex.line)
        first = labels[0].start if labels else end
        span = _own_span(self.source, annex.label_end, self.bound(annex.label_end, first))
        text = span.text(self.source)
        heading = heading_of(text)
        unit = self.add(Unit(
            kind=UnitKind.ANNEX, numbering=Numbering.ANNEX, number=number,
            label=self.source[annex.start : annex.label_end].rstrip(_WS + "：:"), path=path, key=key,
            heading=heading, text=text, span=span, heading_span=Span(span.start, span.start + len(heading)),
            line=annex.line,
        ), None)
        self.labelled(labels, unit, end)


_CHAPTERS = (Numbering.ARTICLE_CHAPTER, Numbering.ARTICLE_SECTION)
_LISTING_MIN = 10


# An annex whose title says it is a list of names: 重点项目清单, 获奖名单, 企业名录, 任务一览表, 事项目录.
_LIST_TITLE = re.compile(r"(?:清单|名单|名录|一览表|目录)[\s）)]*$", re.MULTILINE)
_LISTED_NAMES_MIN = 3


def _is_listing(source: str, labels: list[Label], end: int, head: str = "") -> bool:
    """Whether an annex's labels are only a long run of one-line 1. entries (the praised practices, the members, the
    names of a 名单): a list the annex holds as one unit, not numbered parts of a text (those have headings with
    paragraphs or sub-items under them). Under a title that names a list (重点项目清单, 名单) a shorter run of bare
    names (no sentence, no clause) is one too."""
    if any(lab.numbering is not Numbering.ARABIC for lab in labels):
        return False
    bounds = [lab.start for lab in labels[1:]] + [end]
    entries = [source[lab.end:stop].strip(_WS + "\r\n") for lab, stop in zip(labels, bounds)]
    if any(_NEWLINE_RE.search(entry) for entry in entries):
        return False
    if len(labels) >= _LISTING_MIN:
        return True
    return (len(labels) >= _LISTED_NAMES_MIN and _LIST_TITLE.search(head.strip(_WS + "\r\n")) is not None
            and not any(_SENTENCE_RE.search(entry) or "，" in entry for entry in entries))


def _numbered_through_chapters(labels: list[Label], parents: list[int | None]) -> set[int]:
    """Indexes of the 一、 labels directly under 第X章 / 第X节 whose numbers run on across the chapters (五、 opening
    第二章): they are numbered through the whole text, like 第X条. Empty when the numbering restarts."""
    under = [i for i, lab in enumerate(labels) if lab.numbering is Numbering.HAN_COMMA
             and parents[i] is not None and labels[parents[i]].numbering in _CHAPTERS]
    numbers = [han_to_int(labels[i].numeral) for i in under]
    if len({parents[i] for i in under}) < 2 or any(b <= a for a, b in itertools.pairwise(numbers)):
        return set()
    return set(under)


def _siblings_one_paragraph(source: str, labels: list[Label], builder: _Builder) -> bool:
    """Whether the last label has siblings (same parent, same style) and each of them is one paragraph."""
    parents = _nest(labels)
    last = len(labels) - 1
    if labels[last].numbering is Numbering.ARTICLE:
        return False  # an article's paragraphs (款) are its own
    siblings = [i for i in range(last) if parents[i] == parents[last] and labels[i].numbering is labels[last].numbering]
    return bool(siblings) and all(
        len(_paragraphs(source, labels[i].end, builder.bound(labels[i].end, labels[i + 1].start))) == 1
        for i in siblings
    )


def _line_of(source: str, pos: int) -> int:
    return source.count("\n", 0, pos) + 1


NOTICE_PATH = "通知"  # the own body of a notice that issues or forwards a text


def paragraph_path(number: int) -> str:
    """The path of the ``number``-th body paragraph of a text with no numbered structure: 第1段, 第2段 …"""
    return f"第{number}段"


def _has_text(source: str, start: int, end: int, blocked: tuple[Span, ...]) -> bool:
    """Whether ``[start, end)`` holds a line of text outside front and back matter."""
    return any(not _inside(m.start() + len(m.group()) - len(m.group().lstrip(_WS)), blocked)
               for m in _LINE_RE.finditer(source, start, end) if m.group().strip(_WS))


_PARAGRAPH_END = re.compile(r"[。！!？?；;：:”」』）)…]$")


def _paragraph_units(builder: _Builder, start: int, end: int, blocked: tuple[Span, ...]) -> None:
    """Each non-blank line of ``[start, end)`` outside front and back matter is one paragraph unit (第N段); in a text
    that indents its paragraphs, a line broken off mid-sentence (no indent, the line above ends in no stop) runs on
    in the paragraph above."""
    spans: list[Span] = []
    indented: list[bool] = []
    for m in _LINE_RE.finditer(builder.source, start, end):
        if _inside(m.start() + len(m.group()) - len(m.group().lstrip(_WS)), blocked):
            continue
        span = _own_span(builder.source, m.start(), m.end())
        if span.end <= span.start or _inside(span.start, blocked):
            continue
        spans.append(span)
        indented.append(m.group()[:1] in _WS)
    wrapped = sum(indented) >= 2 and not all(indented)
    merged: list[Span] = []
    for span, indent in zip(spans, indented):
        if (wrapped and merged and not indent and not _PARAGRAPH_END.search(merged[-1].text(builder.source))
                and not _inside(merged[-1].end, blocked)
                and not any(_inside(p, blocked) for p in range(merged[-1].end, span.start))):
            merged[-1] = Span(merged[-1].start, span.end)
        else:
            merged.append(span)
    for number, span in enumerate(merged, 1):
        builder.unnumbered(UnitKind.PARAGRAPH, span, paragraph_path(number), f"para{number}",
                           _line_of(builder.source, span.start), numbering_number=number)


def _notice_units(builder: _Builder, labels: list[Label], start: int, end: int) -> None:
    """The own body of a notice that issues a text: one unit 通知 (kind notice); a numbered body keeps its units
    under it (通知一, 通知（一） …), the unnumbered lead being the 通知 unit's own text."""
    own = [lab for lab in labels if start <= lab.start < end]
    lead_end = own[0].start if len(own) >= 2 else end
    span = _own_span(builder.source, start, builder.bound(start, lead_end) if lead_end > start else lead_end)
    if span.end <= span.start and len(own) < 2:
        return
    notice = builder.unnumbered(UnitKind.NOTICE, span, NOTICE_PATH, "notice", _line_of(builder.source, span.start))
    if len(own) >= 2:
        builder.labelled(own, notice, end)


def _body_units(builder: _Builder, labels: list[Label], start: int, blocked: tuple[Span, ...],
                annexes: list[_Annex]) -> Span | None:
    """Units of a text from ``start`` on: preamble (序言), numbered units, closing (结语) and annexes; with fewer than
    two numbered units, its paragraphs (第1段 …) and annexes. Returns the preamble's span."""
    source = builder.source
    body_start = start
    if annexes and not annexes[0].names_only and not [
            lab for lab in labels if start <= lab.start < annexes[0].start] and [
            lab for lab in labels if lab.start >= annexes[0].start] and not _has_text(source, start, annexes[0].start,
                                                                                     blocked):
        # A text whose only words are in its 附件: that annex is the document's body.
        body_start = annexes.pop(0).label_end
    body_end = annexes[0].start if annexes else len(source)
    body = [lab for lab in labels if body_start <= lab.start < body_end]
    preamble = None
    if len(body) >= 2:
        # The preamble is the prose between the header (or any front matter inside it) and the first label.
        first = max([body_start, *(s.end for s in blocked if body_start <= s.end <= body[0].start)])
        own = _own_span(source, first, body[0].start)
        if (own.end > own.start and not opens_contents(own.text(source))  # a table of contents is no preamble
                and not _TABLE_HEADER.fullmatch(own.text(source).strip(_WS + "\r\n"))):  # nor a table's header row
            preamble = own
            builder.unnumbered(UnitKind.PREAMBLE, own, "序言", "pre", _line_of(source, own.start))
        last_end = builder.bound(body[-1].end, body_end)
        closing = _closing_start(source, body[-1].end, last_end, _siblings_one_paragraph(source, body, builder))
        barriers = builder.barriers
        if closing is not None:
            builder.barriers = sorted([*barriers, closing])
        builder.labelled(body, None, body_end)
        if closing is not None:
            own = _own_span(source, closing, last_end)
            builder.unnumbered(UnitKind.CLOSING, own, "结语", "end", _line_of(source, own.start))
    else:
        _paragraph_units(builder, body_start, body_end, blocked)
    for i, annex in enumerate(annexes):
        if annex.names_only:
            continue
        end = annexes[i + 1].start if i + 1 < len(annexes) else len(source)
        builder.annex(annex, [lab for lab in labels if annex.start <= lab.start < end], end)
    return preamble


def parse_structure(
    source: str, file: str = "<text>", front: FrontMatter | None = None
) -> tuple[list[Unit], Span | None]:
    """Units in document order and the preamble span. Front and back matter (title, own number, addressees,
    signature, date) are no units.

    - A text with numbered units: preamble (序言), the units with parents before children, closing (结语), annexes.
    - A text with none (a reply, an answer, a decision): its body paragraphs 第1段, 第2段 … (kind paragraph).
    - A notice that issues or forwards a text (or an order that promulgates one): the notice's own body is the unit
      通知 (kind notice), the issued text's units follow with the paths they would have on their own.

    Raises ParseError when the text has no body at all.
    """
    front = front if front is not None else read_front_matter(source)
    blocked = front.spans
    labels = [lab for lab in find_labels(source) if not _inside(lab.start, blocked) and not _is_table_row(source, lab)
              and not _inline_enumeration(source, lab)]
    start = front.issued_body_start or front.header_end
    annexes = _find_annexes(source, start, blocked)
    builder = _Builder(source, file, sorted({s.start for s in blocked} | {a.start for a in annexes}))
    if front.issued_body_start:
        _notice_units(builder, labels, front.header_end, front.notice_end)
        labels = [lab for lab in labels if lab.start >= start]
    preamble = _body_units(builder, labels, start, blocked, annexes)
    if not builder.units:
        raise ParseError(file, NO_BODY)
    return builder.units, preamble
