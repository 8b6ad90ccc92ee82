"""The lines a government portal or a reprint site puts above a document copied from it: the page's own furniture
(breadcrumbs, view counters, font-size and print buttons, a publication stamp) and the portal's info table written
out as text (索 引 号 … 发文日期 …; 文号：/ 发文字号: with the value on the next line; | 名 称: | … | table rows).

``ingest.frontmatter`` asks :func:`is_chrome` and :func:`portal_fields` about each line at the top, so a page's
furniture is never read as the title and the info table gives the number, issuer and date it states.
"""

from __future__ import annotations

import re

__all__ = ["bracketed_title", "is_chrome", "portal_date", "portal_fields", "split_number_title"]

_WS = " \t\xa0\u3000"


def _spaced(word: str) -> str:
    """A label as a pattern that admits spaces between its characters (索 引 号, 文    号)."""
    return rf"[{_WS}]*".join(map(re.escape, word))


# Info-table labels, the field each gives (other = shown but not used).
_LABELS = {
    "标题": "title", "名称": "title", "文件名称": "title",
    "发文字号": "identifier", "文号": "identifier", "发文编号": "identifier", "文件编号": "identifier",
    "发文机关": "issuer", "发文机构": "issuer", "发布机构": "issuer", "制发机关": "issuer", "发文单位": "issuer",
    "成文日期": "issued", "发文日期": "issued", "印发日期": "issued",
    "发布日期": "published", "发布时间": "published", "公开日期": "published", "发表日期": "published",
    "发表时间": "published", "生成日期": "other",
    "索引号": "other", "主题分类": "other", "组配分类": "other", "信息分类": "other", "分类": "other",
    "主题词": "other", "有效性": "other", "时效性": "other", "时效": "other", "生效日期": "other",
    "公开方式": "other", "公开类型": "other", "公开属性": "other", "公开期限": "other", "公文种类": "other",
    "体裁分类": "other", "来源": "other", "信息来源": "other", "内容概述": "other", "废止时间": "other",
    "生效时间": "other", "关键词": "other", "组配分类名称": "other", "归档时间": "other", "浏览次数": "other",
    "服务对象": "other", "成文时间": "issued", "印发时间": "issued", "发文时间": "issued",
    "公开类别": "other", "公开范围": "other", "文种": "other", "效力状态": "other", "有效期": "other",
    "实施日期": "other", "施行日期": "other", "废止日期": "other", "信息名称": "title", "发布单位": "issuer",
    "所属机构": "other", "所属主题": "other", "文件状态": "other", "状态": "other", "发布部门": "issuer",
    "发布文号": "identifier", "颁布日期": "issued", "颁布单位": "issuer",
    "政策咨询机关": "other", "政策咨询电话": "other", "联系电话": "other", "公文目录": "other", "文件类型": "other",
    # the fields a portal prints over an answer to a proposal or a suggestion (答复类别：A类; 签发人：某某)
    "答复类别": "other", "答复类型": "other", "办理结果": "other", "办理类别": "other", "办理类型": "other",
    "提案类别": "other", "建议类别": "other", "签发人": "other",
}
_LABEL = "|".join(_spaced(k) for k in sorted(_LABELS, key=len, reverse=True))
_LABEL_AT = re.compile(rf"(?:^|(?<=[{_WS}|•·\-0-9]))(?P<key>{_LABEL})[{_WS}]*(?:[：:]|(?=[{_WS}|])|$)"
                       rf"|(?P<glued>{_LABEL})[{_WS}]*[：:]")  # 山西省人民政府发布日期:…: a label run onto the value before
# a list's marks may stand before the label: • 索引号： / - 发文字号：
_LINE_STARTS_WITH_LABEL = re.compile(rf"^(?:[{_WS}•·|]|-(?=[{_WS}]))*(?:{_LABEL})[{_WS}]*(?:[：:]|[{_WS}]|$)")
_LIST_MARK = re.compile(rf"^(?:[•·▪◆■●○]|-(?=[{_WS}]))[{_WS}]*")

# Page furniture: the whole line is one of these.
_CHROME = re.compile(
    r"^(?:"
    r"(?:您的位置|当前位置|所在位置|您现在的位置|位置)[：:].*"  # breadcrumbs
    r"|.*(?:首页|主页)\s*[>»›/].*"
    # a breadcrumb's rest on a line of its own: > 资源库栏目 > 政务专题 > 政策机制 (a title holds no >)
    # a site's name for its public-information pages, with its menu: 某局政府信息公开 / 政府信息公开 规章库
    # (not a title broken after its words: 关于做好政府信息公开 / 工作的通知)
    r"|(?![^\n]*(?:关于|印发|转发|做好|加强|推进))[\u4e00-\u9fff]{0,30}政府信息公开(?:[ \t\u3000]+[\u4e00-\u9fff]{1,6})*"
    r"|[>»›]?\s*[^>»›。；;，,]{1,20}(?:\s*[>»›]\s*[^>»›。；;，,]{1,20}){2,}|[>»›]\s*[^>»›。；;，,]{1,20}(?:\s*[>»›]\s*[^>»›。；;，,]{1,20})*"
    r"|(?:网站)?首\s*页(?:\s+[\u4e00-\u9fff]{2,8}){3,}"  # a site's menu bar: 首页 走进某县 新闻中心 政务公开 …
    r"|(?:浏览量|浏览次数|阅读次数|点击数|访问量)[：:].*"
    r"|.*(?:字体|字号)[：:]?\s*【?\s*(?:大|[小中]).*"
    r"|.*(?:打印本页|打印整页|打印内容|关闭窗口|返回顶部|返回首页|分享到|视力保护色|下载地址|下载阅读版本|【打印】|【关闭】"
    r"|无障碍|关怀版|长者模式|长辈版|适老版|老年版|关怀模式|智能问答|扫一扫|手机上查看|简体版|繁体版|繁體).*"
    r"|(?:字体|字号)[ \t\u3000]*[：:]?[ \t\u3000|｜]*|政府信息公开|信息公开|政务公开|政策文件|分享|有效|失效|已失效|废止"
    r"|[【\[（(]?\s*大\s*中\s*小\s*[】\]）)]?"  # the font-size buttons on a line of their own
    r"|[0-9A-Za-z]{6,}-?[A-Z]?/[0-9]{4}-[0-9]{3,}"  # an index number alone: 113701130042070099-A/2021-4059841
    r"|(?:时间|日期|来源|作者|信息来源|发布时间|归档时间)[：:].{0,80}"
    r"|(?:导读|编者按|核心提示)[：:].*"  # a reprint's lead above the text
    # a login box and the site's own buttons: 用户名 密码 / 记住我 / 加入收藏 / 设为首页
    r"|(?:用户名|密码|登录|注册|记住我|加入收藏|设为首页|收藏本站)(?:\s+(?:用户名|密码|登录|注册|记住我|加入收藏|设为首页|收藏本站))*"
    r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[\sT]+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?(?:[\s|]+\S{1,30})?"  # a stamp
    r"|[A-Z]{2,8}-?[0-9]{4}-?[0-9]{3,8}"  # a registration code of a normative document (HHCR-2023-01005)
    r"|[•·\-—=_*#>»\s]*\|[|•·\-—=_*#>»\s]*|[\-—=_*#]{4,}|[•·>»]"  # a table's rule, a long rule, a lone mark
    r"|(?:内容)?全文|正文|发布信息|文章正文|相关(?:新闻|链接|文章|阅读|文件|信息|推荐)|热点(?:新闻|推荐)|-"  # an encyclopedia page's section headings
    r"|[\u4e00-\u9fff]{2,20}公报\s*[0-9]{4}年.{0,16}期.*"  # a gazette's issue (某某公报2019年1-3期(总第52期))
    r")$"
)


def is_chrome(line: str) -> bool:
    """The line is the web page's, not the document's (it names no field a document states)."""
    line = line.strip(_WS)
    if not line or _LINE_STARTS_WITH_LABEL.match(line):
        return False
    # • 2015-03-31 / • 来源： 本网 / • 分享到: a list of the page's furniture, each behind a mark
    rest = _LIST_MARK.sub("", line)
    return bool(_CHROME.match(line)) or (rest != line and (not rest or bool(_CHROME.match(rest))))


def portal_fields(line: str) -> list[tuple[str, str]] | None:
    """The (field, value) pairs a line of an info table states, in order, a field with no value given as "" (its
    value is on the next line); None when the line does not start with an info-table label."""
    text = line.strip(_WS)
    if not _LINE_STARTS_WITH_LABEL.match(text):
        return None
    found = list(_LABEL_AT.finditer(text))
    if not found:
        return None
    out: list[tuple[str, str]] = []
    for m, nxt in zip(found, found[1:] + [None]):
        value = text[m.end(): nxt.start() if nxt else len(text)]
        value = re.sub(rf"^[{_WS}|：:]+|[{_WS}|•·]+$", "", value)
        key = re.sub(rf"[{_WS}]", "", m.group("key") or m.group("glued"))
        out.append((_LABELS[key], value.strip(_WS)))
    return out


# 国发〔2018〕42号《国务院关于…的通知》 / 国务院关于…的通知（国发〔2018〕42号）: a reprint's heading, number and title.
_NUMBER = r"[\u4e00-\u9fff]{1,12}[〔\[［(（﹝【〖][0-9]{4}[〕\]］)）﹞】〗]第?\s?[0-9]+\s?号"
_GENRE_END = r"(?:通知|意见|方案|办法|规定|细则|决定|措施|规划|要点|批复|通告|公告|条例|规则|函|报告|计划)"
_NUMBER_THEN_TITLE = re.compile(rf"^(?P<no>{_NUMBER})[{_WS}]*(?:《(?P<title>[^《》]{{6,120}})》"
                                rf"|(?<=[{_WS}])(?P<bare>[^{_WS}].{{4,118}}{_GENRE_END}))$")
_TITLE_THEN_NUMBER = re.compile(rf"^(?P<title>.{{6,120}}?)[{_WS}]*[（(](?P<no>{_NUMBER})[）)]$")


def split_number_title(line: str) -> tuple[str, str] | None:
    """(number, title) when a heading line holds both, else None."""
    text = line.strip(_WS)
    m = _NUMBER_THEN_TITLE.match(text) or _TITLE_THEN_NUMBER.match(text)
    if not m:
        return None
    title = m.group("title") or m.group("bare") if "bare" in m.re.groupindex else m.group("title")
    return re.sub(rf"[{_WS}]", "", m.group("no")), bracketed_title(title.strip(_WS))


def bracketed_title(line: str) -> str:
    """A title a reprint wraps in book-title marks, unwrapped, the marks it nested inside put back
    (《国务院关于印发〈X规划〉的通知》 → 国务院关于印发《X规划》的通知); any other line unchanged."""
    text = line.strip(_WS)
    if text.startswith("《") and text.endswith("》") and text.count("《") == 1:
        text = text[1:-1]
    elif "〈" not in line or "《" in line:
        return line
    return text.replace("〈", "《").replace("〉", "》")


_ISO = re.compile(r"(?P<y>[0-9]{4})[-/.](?P<m>[0-9]{1,2})[-/.](?P<d>[0-9]{1,2})")
_YMD = re.compile(r"(?P<y>[0-9]{4})\s*年\s*(?P<m>[0-9]{1,2})\s*月\s*(?P<d>[0-9]{1,2})")


def portal_date(value: str):
    """The date an info-table value states: 2024-10-10, 2024/10/10 16:40, 2018年03月27(日); else None."""
    from datetime import date

    m = _YMD.search(value) or _ISO.search(value)
    if not m:
        return None
    try:
        return date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None
