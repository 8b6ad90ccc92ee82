"""A regulation copied from a web page with its line breaks lost: 第一章 总则第一条 为…。第二条 本条例适用于…。

Articles and chapters are read where their label opens a line (ingest.structure). When a text runs several of them on
one line, :func:`break_glued_articles` puts each label back at the start of a line: before 第N条 / 第N章 written right
after a sentence's end (。；) or after a chapter's heading (第一章 总则第一条). A cross-reference inside a sentence
(依照本条例第十二条规定, 第十条第二款) follows no sentence end and stays where it is. Nothing changes in a text that
runs fewer than two labels on.
"""

from __future__ import annotations

import re

__all__ = ["break_glued_articles"]

_HAN = "一二三四五六七八九十百零〇两0-9０-９"
_HAN = _HAN + "壹"  # 第十壹條: a converter's formal numeral
# not 第五条修改为 / 第三条中 / 第二条第一款 / 第六条、第七条: a reference, not a label
_LABEL = rf"第[{_HAN}]{{1,6}}(?:条|條|章|节|節)(?![之的规規款项項修中第、，,改增删刪和及至])"
# after a sentence's end, or after a chapter's (section's) heading of a few words on the same line
_GLUED = re.compile(rf"(?<=[。；;])[ \t\u3000]*(?={_LABEL})"
                    rf"|第[{_HAN}]{{1,4}}[章节節](?P<heading>[ \t\u3000]*[\u4e00-\u9fff][\u4e00-\u9fff \t\u3000]{{0,14}}?)"
                    rf"(?={_LABEL})")
_MIN_GLUED = 2


def break_glued_articles(text: str) -> str:
    """``text`` with each article or chapter label that a sentence or a chapter heading runs on to opening a line
    of its own; unchanged when fewer than two are glued."""
    found = list(_GLUED.finditer(text))
    if len(found) < _MIN_GLUED:
        return text
    out: list[str] = []
    last = 0
    for m in found:
        if m.group("heading") is not None:
            out.append(text[last:m.end()])
        else:
            out.append(text[last:m.start()])
        out.append("\n")
        last = m.end()
    out.append(text[last:])
    return "".join(out)
