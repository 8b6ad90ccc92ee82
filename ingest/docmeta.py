"""The document's metadata from what it says about itself: its genre (the word its title ends in), the genre of
the text a notice issues, its date of effect (本办法自2019年1月1日起施行), and a ``DocumentMeta`` completed from the
front matter (``ingest.frontmatter``) where the sidecar left a field empty."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .frontlines import BODY_END, DATE, ISSUING_TITLE, _numeral, date_of, join_title
from .model import DocumentMeta

if TYPE_CHECKING:  # the front matter is read there; only its fields are used here
    from .frontmatter import FrontMatter

__all__ = ["apply_front_matter", "effective_of", "forwarded_issuers", "genre_as_written", "genre_of", "missing_metadata",
           "missing_metadata_warning"]


# The genre words a title ends in, longest first where one ends another (复函 before 函, 实施细则 is a 细则).
_GENRES = ("通知", "通报", "通告", "公告", "公报", "意见", "方案", "计划", "规划", "纲要", "办法", "条例", "规定", "细则",
           "规则", "决定", "决议", "命令", "批复", "复函", "答复", "报告", "请示", "措施", "要点", "指引", "指南", "清单",
           "目录", "标准", "章程", "制度", "规程", "纪要", "安排", "预案", "政策", "函", "令",
           # 重点工作任务分解 / 目标任务分解: a yearly report's or plan's tasks split among bodies, a genre of its own
           "任务分解")
_TRAILING_NOTE = re.compile(r"[（(][^（）()]*[）)]$")


def genre_of(title: str) -> str:
    """The genre word ``title`` ends in (意见, 通知, 批复, 答复, 条例 …), a trailing note such as （试行） or
    （2018—2035年） ignored; "" when it ends in none."""
    title = join_title([title]).rstrip("》」”\"' ")
    while _TRAILING_NOTE.search(title):
        title = _TRAILING_NOTE.sub("", title).rstrip()
    return next((g for g in sorted(_GENRES, key=len, reverse=True) if title.endswith(g)), "")


# The genre a researcher files a text under is the bare genre word (实施细则 is a 细则, 工作要点 a 要点, 若干措施 措施,
# 指导意见 意见): one short vocabulary to filter by, as ``genre_of`` reads it. The words the title writes before it
# that name a kind of that genre are kept beside it, as written (``genre_as_written``).
_GENRE_MODIFIERS = ("实施", "指导", "工作", "行动", "管理", "暂行", "若干", "政策", "专项", "补充", "操作", "具体", "试点")


def genre_as_written(title: str) -> str:
    """The genre words ``title`` ends in as it writes them: 实施细则, 工作要点, 若干措施, 行动计划 (a kind of the
    genre ``genre_of`` reads), else that genre word alone; "" when it ends in none."""
    genre = genre_of(title)
    if not genre:
        return ""
    title = join_title([title]).rstrip("》」”\"' ")
    while _TRAILING_NOTE.search(title):
        title = _TRAILING_NOTE.sub("", title).rstrip()
    before = title[: len(title) - len(genre)]
    return next((m + genre for m in _GENRE_MODIFIERS if before.endswith(m)), genre)


# 转发民政部关于清理整顿社会团体意见的通知 / 批转市发展改革委、市财政局关于…的通知: the bodies whose text is forwarded
_FORWARDED = re.compile(r"(?:转发|批转)(?P<names>[^《》“”关于]{2,60}?)关于")


def forwarded_issuers(title: str) -> tuple[str, ...]:
    """The bodies a notice's title says wrote the text it forwards (转发/批转 X关于…); () when it names none (转发
    《…》, or a text of no named body)."""
    m = _FORWARDED.search(join_title([title]))
    if not m:
        return ()
    names = tuple(n for n in re.split(r"[、，,]|和(?=[\u4e00-\u9fff]{2,}(?:委|局|厅|部|署|办|院|会)$)", m.group("names")) if n)
    return names if names and all(BODY_END.search(n) for n in names) else ()


def _issued_text_title_genre(front: FrontMatter, title: str) -> str:
    """The title whose genre the issued text has: its own title, else the 《…》 the notice names, else the words
    between 印发/转发/批转 and 的通知."""
    if front.issued_text_title:
        return front.issued_text_title
    m = re.search(r"《([^》]+)》(?=(?:[（(][^（）()]*[）)])?(?:的(?:通知|通报)|$))", title)
    if m:
        return m.group(1)
    while _TRAILING_NOTE.search(title):
        title = _TRAILING_NOTE.sub("", title).rstrip()
    m = re.search(r"(?:印发|转发|批转)(.+?)的通知$", title)
    return m.group(1) if m else ""


def _issued_genre(front: FrontMatter, title: str) -> str:
    """The genre of the text a notice issues: its own title's, else the 《…》 the notice's title names (关于印发
    《X方案》的通知), else the genre word before 的通知 (转发民政部关于清理整顿社会团体意见的通知 → 意见)."""
    if front.issued_text_title:
        return genre_of(front.issued_text_title)
    m = re.search(r"《([^》]+)》(?=(?:[（(][^（）()]*[）)])?(?:的(?:通知|通报)|$))", title)
    if m:  # 关于印发《X方案》的通知 (not 关于印发《政府工作报告》重点工作任务分工的通知: the text issued is the 分工)
        return genre_of(m.group(1))
    while _TRAILING_NOTE.search(title):
        title = _TRAILING_NOTE.sub("", title).rstrip()
    m = re.search(r"(?:印发|转发|批转)(.+?)的通知$", title)
    return genre_of(m.group(1)) if m else ""


_EFFECT_DATE = re.compile(rf"自(?P<date>{DATE.pattern})起(?:施行|实施|执行|生效)")
_EFFECT_ISSUED = re.compile(r"自(?:本(?:[\u4e00-\u9fff]{1,6}))?(?:印发|发布|公布|下发|颁布|签发|发文|出台|公告)之日起"
                            r"|自即日起(?:施行|实施|执行|生效)")
_EFFECT_LATER = re.compile(r"之日起(?:满)?(?P<n>[0-9]{1,3}|[一二三四五六七八九十]{1,3})(?:日|天)(?:后|以后)?(?:施行|实施|生效|执行)")
# The document speaks of itself: 本办法… / 本条例… / 本通知…, or an order's 现予公布，自…起施行.
_SELF = re.compile(r"本(?:[\u4e00-\u9fff]{0,4})(?:" + "|".join(_GENRES) + r")|现予(?:公布|发布|印发)|现将[^。]{0,60}印发")


def effective_of(text: str, issued: str = "") -> str:
    """The date of effect the text states for itself, ISO: 本办法自2019年1月1日起施行 → 2019-01-01; 自印发之日起施行
    / 自本通知印发之日起 → the date of issue; "" when it states none (a sentence about another text's date, such as
    自受理申请之日起20日内, is not one)."""
    for sentence in re.split(r"(?<=[。；;])", text):
        if not _SELF.search(sentence):
            continue
        m = _EFFECT_DATE.search(sentence)
        if m:
            d = date_of(m.group("date"))
            if d:
                return d.isoformat()
        if issued and _EFFECT_ISSUED.search(sentence):
            later = _EFFECT_LATER.search(sentence)
            if later:  # 自印发之日起30日后施行: the date of issue and that many days
                return (date.fromisoformat(issued) + timedelta(days=_numeral(later.group("n")))).isoformat()
            return issued
    return ""


def apply_front_matter(meta: DocumentMeta, front: FrontMatter, body: str = "") -> DocumentMeta:
    """``meta`` with its empty fields (and a title that is only the file stem) filled from the text; ``body`` (the
    text with the front matter blanked) gives the date of effect."""
    updates: dict = {}
    # an order is known by what it promulgates; so is a page that prints no heading of its own above the notice
    title = front.issued_text_title if front.issued_text_title and (front.order or not front.title) else front.title
    if title and (not meta.title or meta.title in (meta.slug, meta.source_file.rsplit(".", 1)[0])):
        updates["title"] = title
    for name in ("identifier", "issuer", "addressees", "issued"):
        value = getattr(front, name)
        if value and not getattr(meta, name):
            updates[name] = value
    if front.issuers and not meta.issuers:
        updates["issuers"] = front.issuers
    elif not meta.issuers and (meta.issuer or updates.get("issuer")):
        updates["issuers"] = tuple(n for n in re.split(r"[、，,\s]+", updates.get("issuer") or meta.issuer) if n)
    full_title = updates.get("title") or meta.title
    if not meta.genre:
        updates["genre"] = genre_of(full_title)
    if not meta.genre_as_written and genre_of(full_title) == (updates.get("genre") or meta.genre):
        updates["genre_as_written"] = genre_as_written(full_title)
    if front.issued_text_title and not meta.issued_text_title:
        updates["issued_text_title"] = front.issued_text_title
    if not meta.issued_text_genre and (front.issued_start or ISSUING_TITLE.search(front.title or "")):
        updates["issued_text_genre"] = _issued_genre(front, front.title)
    if not meta.issued_text_genre_as_written and (updates.get("issued_text_genre") or meta.issued_text_genre):
        written = genre_as_written(_issued_text_title_genre(front, front.title))
        if genre_of(written) == (updates.get("issued_text_genre") or meta.issued_text_genre):
            updates["issued_text_genre_as_written"] = written
    if not meta.issued_text_issuers:
        drafters = tuple(line.value for line in front.of_kind("issued-issuer"))
        named = forwarded_issuers(front.title or full_title)
        if named or drafters:
            updates["issued_text_issuers"] = named or drafters
    if not meta.effective:
        updates["effective"] = effective_of(body, updates.get("issued") or meta.issued)
    return replace(meta, **updates) if updates else meta


# What a reader needs to place a document, the field of the ``.meta.json`` sidecar that states each, and an example.
_NEEDED = (("title", "title", "标题"), ("issuer", "issuer", "发文机关"), ("date of issue", "issued", "YYYY-MM-DD"),
           ("jurisdiction", "jurisdiction", "省/市/区"))


def missing_metadata(meta: DocumentMeta) -> tuple[str, ...]:
    """What ``meta`` lacks of title, issuer, date of issue and jurisdiction (a title that is only the file's name is
    none; an inferred jurisdiction is kept, and said apart by ``missing_metadata_warning``)."""
    stem = meta.source_file.rsplit(".", 1)[0] if meta.source_file else meta.slug
    has = {"title": bool(meta.title) and meta.title not in (meta.slug, stem), "issuer": bool(meta.issuer or meta.issuers),
           "date of issue": bool(meta.issued), "jurisdiction": bool(meta.jurisdiction)}
    return tuple(name for name, _, _ in _NEEDED if not has[name])


def missing_metadata_warning(meta: DocumentMeta) -> str:
    """One line for a document with no title line or no jurisdiction: what is missing, what was inferred (rule and
    sentence) and the sidecar fields that state them; "" when the text gave both."""
    missing = missing_metadata(meta)
    inferred = meta.jurisdiction_basis == "inferred"
    if "title" not in missing and "jurisdiction" not in missing and not inferred:
        return ""
    name = meta.source_file or meta.slug
    stem = name.rsplit(".", 1)[0]
    parts = [f"{name}: no {', no '.join(missing)} in the text" if missing else f"{name}:"]
    if inferred:
        sentence = meta.jurisdiction_evidence if len(meta.jurisdiction_evidence) <= 60 else \
            meta.jurisdiction_evidence[:59] + "…"
        parts.append(f"jurisdiction {meta.jurisdiction} inferred (rule {meta.jurisdiction_rule}: {sentence})")
    # an inferred place is offered as the value to confirm; the others by an example of their form
    fields = [(f, meta.jurisdiction if n == "jurisdiction" and inferred else ex) for n, f, ex in _NEEDED
              if n in missing or (n == "jurisdiction" and inferred)]
    parts.append(f"state them in {stem}.meta.json beside it: {{" + ", ".join(f'"{f}": "{ex}"' for f, ex in fields) + "}")
    return "; ".join(parts)
