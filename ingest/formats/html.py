"""Web pages saved from a government portal (.html/.htm): the article body, not the navigation, and
the title, 发文字号 and 成文日期/发布日期 the page states in its info table or meta tags.

The body is the element a portal's templates name (``#zoom``, ``.TRS_Editor``, ``#UCAP-CONTENT`` …)
when it holds most of the page's text, else the deepest element that holds most of the page's
text outside links. Block elements become lines; a table row becomes one line with its cells
joined by tabs (a layout table that wraps whole paragraphs is read as blocks instead).
"""

from __future__ import annotations

import codecs
import hashlib
import logging
import re
from dataclasses import dataclass, field

from ..decode import decode_bytes
from ..errors import ParseError
from .base import Extracted, clean_identifier, clean_title, cjk_count, iso_date, normalise_lines

__all__ = ["read_html", "decode_html", "page_fields", "PageFields"]

log = logging.getLogger(__name__)

# Never part of an article.
_DROP = frozenset({"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
                   "select", "option", "button", "iframe", "object", "svg", "head", "input", "textarea",
                   "-comment"})
_BLOCK = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
                    "section", "article", "main", "blockquote", "pre", "center", "address", "table",
                    "tbody", "thead", "tfoot", "caption", "figure", "figcaption", "hr", "body", "html"})
# Body containers named by the templates of Chinese government portals, most specific first.
_BODY_SELECTORS = ("#UCAP-CONTENT", "#zoom", "#Zoom", ".TRS_Editor", ".trs_editor_view", "#ivs_content",
                   ".pages_content", ".article-content", ".article_content", "#article", "article",
                   "#content", ".content", "main")
_MOST = 0.6  # the body holds at least this share of the page's text outside links
_LAYOUT_CELL_CHARS = 300
_INFO_LINES_IN_BODY = 8  # an info table inside the article is in its first lines  # a table cell longer than this holds paragraphs: its table is layout
_WS = re.compile(r"[ \t\r\n\f]+")
_CJK_CHAR = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_CJK_BREAK = re.compile(rf"(?<=[{_CJK_CHAR}])[ \t\r\f]*\n[ \t\r\n\f]*(?=[{_CJK_CHAR}])")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_CODEC_OF = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb18030": "gb18030",
             "big5": "big5", "big5-hkscs": "big5hkscs", "utf-8": "utf-8", "utf8": "utf-8"}


def decode_html(raw: bytes, file: str) -> tuple[str, str]:
    """(text, encoding): the charset the page declares when it decodes cleanly, else detected."""
    if not raw.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        m = _CHARSET.search(raw[:4096])
        declared = m.group(1).decode("ascii").lower() if m else ""
        codec = _CODEC_OF.get(declared)
        if codec:
            try:
                return raw.decode(codec), codec
            except UnicodeDecodeError:
                log.warning("%s: declares charset %s but does not decode as it; detecting", file, declared)
    return decode_bytes(raw, file)


# ---------------------------------------------------------------- text of a subtree, as lines


def _hidden(node) -> bool:
    style = (node.attributes.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style or "hidden" in node.attributes


def _inline_text(text: str) -> str:
    """HTML white space: a line break between two CJK characters vanishes, other runs become one space."""
    return _WS.sub(" ", _CJK_BREAK.sub("", text))


@dataclass(slots=True)
class _Lines:
    """Lines being built from a subtree."""

    lines: list[str] = field(default_factory=list)
    current: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.current.append(text)

    def flush(self) -> None:
        line = "".join(self.current)
        if line.strip():
            self.lines.append(line)
        self.current.clear()


def _walk(node, out: _Lines, pre: bool = False, skip: int | None = None) -> None:
    """Append the lines of ``node``'s subtree to ``out``, leaving out the element ``skip`` (a ``mem_id``)."""
    for child in node.iter(include_text=True):
        tag = child.tag
        if skip is not None and child.mem_id == skip:
            out.flush()
            continue
        if tag == "-text":
            text = child.text_content or ""
            if pre:
                for i, part in enumerate(text.split("\n")):
                    if i:
                        out.flush()
                    out.add(part)
            else:
                out.add(_inline_text(text))
        elif tag in _DROP or not child.is_element_node or _hidden(child):
            continue
        elif tag == "br":
            out.flush()
        elif tag == "tr" and skip is None:
            out.flush()
            _row(child, out)
        elif tag in _BLOCK or tag in ("td", "th"):
            out.flush()
            _walk(child, out, pre or tag == "pre", skip)
            out.flush()
        else:
            _walk(child, out, pre, skip)


def _block_lines(node, skip=None) -> list[str]:
    """The lines of ``node``'s subtree, without the subtree of element ``skip``."""
    out = _Lines()
    _walk(node, out, skip=skip.mem_id if skip is not None else None)
    out.flush()
    return out.lines


def _row(tr, out: _Lines) -> None:
    """A data row as one line of tab-joined cells; a layout row (long cells) as blocks."""
    cells = [c for c in tr.iter() if c.tag in ("td", "th") and not _hidden(c)]
    texts = [_block_lines(c) for c in cells]
    if any(sum(len(line) for line in t) > _LAYOUT_CELL_CHARS for t in texts):
        for t in texts:
            out.lines.extend(t)
        return
    line = "\t".join(" ".join(part.strip() for part in t) for t in texts)
    if line.strip():
        out.lines.append(line)


# ---------------------------------------------------------------- choosing the body


def _text_weights(node, weights: dict[int, int]) -> int:
    """CJK characters outside links under every element (by ``mem_id``); returns the node's own."""
    total = 0
    for child in node.iter(include_text=True):
        if child.tag == "-text":
            total += cjk_count(child.text_content or "")
        elif child.is_element_node and child.tag not in _DROP and not _hidden(child):
            inner = _text_weights(child, weights)
            total += 0 if child.tag == "a" else inner
    weights[node.mem_id] = total
    return total


def _deepest_with_most(node, weights: dict[int, int], need: int):
    """The deepest element under ``node`` whose text weight is at least ``need``."""
    for child in node.iter():
        if child.tag not in _DROP and weights.get(child.mem_id, 0) >= need:
            return _deepest_with_most(child, weights, need)
    return node


def _article(root):
    """The element that holds the article body."""
    weights: dict[int, int] = {}
    total = _text_weights(root, weights)
    best, best_weight = None, 0
    for selector in _BODY_SELECTORS:
        for node in root.css(selector):
            weight = weights.get(node.mem_id, 0)
            if weight > best_weight:
                best, best_weight = node, weight
    if best is not None and best_weight >= max(20, _MOST * total):
        return best
    return _deepest_with_most(root, weights, max(1, int(_MOST * total)))


# ---------------------------------------------------------------- what the page says about the document

_LABELS = {
    "identifier": ("发文字号", "文号", "发文编号", "文件编号"),
    "written": ("成文日期", "成文时间", "印发日期"),
    "published": ("发布日期", "发布时间", "公布日期", "发文日期", "公开日期"),
    "title": ("标题", "文件名称", "名称", "文件标题"),
}
# Words common in any table (a task table's 名称 column): labels only when a colon follows.
_NEEDS_COLON = frozenset({"标题", "名称", "文号"})
_GAP = "[ \u3000\xa0]*"  # portals pad short labels to a width: 标　　题：
_LABEL_ORDER = sorted((label for labels in _LABELS.values() for label in labels), key=len, reverse=True)
_LABEL_RE = re.compile(
    "(" + "|".join(_GAP.join(label) for label in _LABEL_ORDER) + f"){_GAP}(?P<colon>[:：]?){_GAP}"
)
_FIELD_OF = {label: name for name, labels in _LABELS.items() for label in labels}


def _label(match: re.Match) -> str | None:
    """The label a match stands for, or None for a generic word without its colon."""
    label = re.sub(_GAP, "", match.group(1))
    return None if label in _NEEDS_COLON and not match.group("colon") else label


_META_NAMES = {
    "title": ("articletitle", "dc.title", "og:title", "title"),
    "published": ("pubdate", "publishdate", "firstpublishedtime", "article:published_time", "dc.date"),
    "identifier": ("docno", "filenumber"),
}


@dataclass(frozen=True, slots=True)
class PageFields:
    """What a portal page states about its document."""

    title: str = ""
    identifier: str = ""
    issued: str = ""  # ISO: 成文日期, else 发布日期


def _labelled_values(lines: list[str]) -> dict[str, str]:
    """``label：value`` pairs in the page's info lines; a label alone in its cell takes the next cell."""
    cells = [cell.strip() for line in lines for cell in line.split("\t") if cell.strip()]
    found: dict[str, str] = {}
    for i, cell in enumerate(cells):
        matches = [m for m in _LABEL_RE.finditer(cell)
                   if (m.start() == 0 or cell[m.start() - 1] in " \u3000|｜") and _label(m)]
        for j, m in enumerate(matches):
            value = cell[m.end(): matches[j + 1].start() if j + 1 < len(matches) else len(cell)].strip()
            if not value and i + 1 < len(cells) and not _LABEL_RE.match(cells[i + 1]):
                value = cells[i + 1]
            found.setdefault(_FIELD_OF[_label(m)], value)
    return found


def page_fields(root, info_lines: list[str]) -> PageFields:
    """Title, 发文字号 and issue date from the info lines and the meta tags."""
    labelled = _labelled_values(info_lines)
    meta = {(m.attributes.get("name") or m.attributes.get("property") or "").lower(): m.attributes.get("content") or ""
            for m in root.css("meta")}
    metas = {name: next((meta[k] for k in keys if meta.get(k)), "") for name, keys in _META_NAMES.items()}
    title = clean_title(labelled.get("title", "")) or clean_title(metas["title"])
    if not title:
        heading = root.css_first("h1")
        title = clean_title(heading.text()) if heading is not None else ""
    if not title:
        page_title = root.css_first("title")
        parts = re.split(r"\s*[_|｜]\s*|\s+[-—–]\s+", page_title.text()) if page_title is not None else []
        title = next((clean_title(p) for p in parts if clean_title(p)), "")
    issued = (iso_date(labelled.get("written", "")) or iso_date(labelled.get("published", ""))
              or iso_date(metas["published"]))
    identifier = clean_identifier(labelled.get("identifier", "")) or clean_identifier(metas["identifier"])
    return PageFields(title=title, identifier=identifier, issued=issued)


def read_html(raw: bytes, file: str) -> Extracted:
    """The article text of a saved web page, one block per line, with what the page says of the document."""
    from selectolax.lexbor import LexborHTMLParser  # imported lazily

    text, encoding = decode_html(raw, file)
    tree = LexborHTMLParser(text)
    root = tree.body or tree.root
    if root is None:
        raise ParseError(file, "an HTML page with no body; save the page again from the browser (网页，全部)")
    try:
        body = _article(root)
        lines = _block_lines(body)
        outside = _block_lines(root, skip=body)
    except RecursionError as e:
        raise ParseError(file, "the page's elements are nested too deeply to read; "
                               "open it in a browser and save its text as a .txt file") from e
    article = normalise_lines(lines)
    if not article.strip():
        raise ParseError(file, "the web page holds no article text (is the text loaded by a script?); "
                               "save it from the browser after it has loaded, or copy the text into a .txt file")
    # The info table sits outside the article on most portals, at its top on some.
    fields = page_fields(tree.root, outside + lines[:_INFO_LINES_IN_BODY])
    return Extracted(text=article, format="html", encoding=encoding, sha256=hashlib.sha256(raw).hexdigest(),
                     title=fields.title, identifier=fields.identifier, issued=fields.issued)
