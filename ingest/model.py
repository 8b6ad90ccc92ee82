"""The document model that ingest produces and kg/ and search/ consume.

Every fact carries the ``[start, end)`` character span of the decoded source
text (``PolicyDocument.source``) it came from, so any node or answer can be
traced back to the exact characters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum

__all__ = [
    "Basis",
    "BodyCandidate",
    "Citation",
    "ConceptMention",
    "Condition",
    "Department",
    "DocumentMeta",
    "Numbering",
    "PolicyDocument",
    "Responsibility",
    "Role",
    "Span",
    "Support",
    "Target",
    "Unit",
    "UnitKind",
]


class UnitKind(str, Enum):
    """What a structural unit is, decided from the headings it sits under."""

    CHAPTER = "chapter"  # 一、 / 第一章: a top-level part
    SECTION = "section"  # a grouping unit with no more specific role (e.g. 基本原则 itself)
    GUIDELINE = "guideline"  # 指导思想
    PRINCIPLE = "principle"  # an item under 基本原则
    GOAL = "goal"  # a goal under 主要目标 (the -- bullets of the seed)
    TASK = "task"  # a task under 重点任务 / 主要任务
    MEASURE = "measure"  # a numbered item under a task
    SAFEGUARD = "safeguard"  # an item under 保障措施
    ITEM = "item"  # a numbered unit that no heading classifies
    ARTICLE = "article"  # 第X条 of rules and measures (办法, 规定, 细则)
    PREAMBLE = "preamble"  # the unnumbered text before the first numbered unit (path "序言")
    CLOSING = "closing"  # unnumbered prose after the last numbered unit (path "结语")
    ANNEX = "annex"  # 附件1 … and what it holds (task-breakdown tables)
    NOTICE = "notice"  # the own body of a notice that issues or forwards a text (path "通知")
    PARAGRAPH = "paragraph"  # a body paragraph of a text with no numbered structure (paths "第1段", "第2段" …)


class Numbering(str, Enum):
    """The numbering styles of Chinese official documents, outermost first."""

    BOOK = "第X篇"  # the books of a development outline (规划纲要), each holding chapters
    PART = "第X部分"  # the parts of a long plan, each restarting its own 一、
    ARTICLE_CHAPTER = "第X章"
    ARTICLE_SECTION = "第X节"
    ARTICLE = "第X条"
    HAN_COMMA = "一、"
    HAN_PAREN = "（一）"
    ARABIC = "1."  # also 1、 and １．
    ARABIC_PAREN = "（1）"
    # a decimal outline (应急预案 and technical texts): 1 总则 > 1.1 编制目的 > 1.1.1 …
    DECIMAL_1 = "1 "
    DECIMAL_2 = "1.1"
    DECIMAL_3 = "1.1.1"
    CIRCLED = "①"
    BULLET = "--"  # also —— and －－
    ANNEX = "附件X"  # 附件1, 附件 2, 附件 (an annex after the body)
    UNNUMBERED = ""  # the preamble (序言) and the closing prose (结语)


class Basis(str, Enum):
    """Whether a fact is stated by the text or inferred by a rule."""

    EXPLICIT = "explicit"
    INFERRED = "inferred"


class Role(str, Enum):
    """The part a department plays in a unit's work."""

    LEAD = "lead"  # 牵头 / 负责 / 责任单位
    PARTICIPANT = "participant"  # 配合 / 参加
    CONVENER = "convener"  # 召集
    COORDINATOR = "coordinator"  # 协调服务、监督指导
    EVALUATOR = "evaluator"  # 组织评估、督查
    IMPLEMENTER = "implementer"  # 制定实施方案、推动落实 (e.g. the districts)
    SUPERVISOR = "supervisor"  # 督查、监督检查 the implementation


@dataclass(frozen=True, slots=True)
class Span:
    """A ``[start, end)`` slice of ``PolicyDocument.source``."""

    start: int
    end: int

    def text(self, source: str) -> str:
        return source[self.start : self.end]


@dataclass(slots=True)
class Unit:
    """One numbered unit of the document (chapter, section, item or bullet).

    ``path`` is the human numbering path (``二（一）1``; bullets add ``-N``,
    e.g. ``一（三）-2``); ``key`` is its ASCII twin (``2.1.1``, ``1.3.b2``)
    used to mint stable IRIs.  ``span`` covers the unit's own text only
    (numbering label excluded, children excluded, trailing whitespace
    stripped), so ``source[span.start:span.end] == text``.
    """

    kind: UnitKind
    numbering: Numbering
    number: int  # ordinal within its parent's list of the same style (1-based)
    label: str  # the label as written: "二、", "（一）", "1.", "--"
    path: str
    key: str
    heading: str  # the leading clause, e.g. 实施以机器人应用为特征的自动化改造
    text: str
    span: Span
    heading_span: Span
    parent: str | None = None  # parent's path; None for top-level units
    children: list[str] = field(default_factory=list)  # children's paths, in order
    line: int = 0  # 1-based line of the label in the source, for messages
    # What the unit does (ingest.function): goal | action | support | rule | duty | decision | context; a second
    # axis beside ``kind`` (what it is), set the same way in every genre
    function: str = ""
    function_cue: str = ""  # the words that decided it (指导思想, 给予…补贴, 不得), so a reader sees why


@dataclass(slots=True)
class Target:
    """A quantified target, e.g. 工业投资年均增速不低于5% (≥ 5 %, by 2020-12-31)."""

    key: str  # ASCII key unique in the document, e.g. "1.3.b1.t2"
    unit_path: str  # the goal (or other unit) that states it
    indicator: str  # what is counted: 智能制造示范项目, 工业投资年均增速, 审批周期
    quantity: Decimal  # the value; the lower bound of a range
    quantity_max: Decimal | None  # the upper bound of a range (5-6个), else None
    unit: str  # 个, 项, %, 个工作日
    comparator: str  # "≥", "≤", "=", "≈" (左右/约)
    deadline: date | None  # 到2020年底 → 2020-12-31
    text: str  # the phrase as written
    span: Span
    deadline_basis: Basis = Basis.EXPLICIT  # inferred when taken from the goal section's lead sentence
    deadline_evidence: str = ""
    period: str = ""  # a period as stated when no date can be fixed (2012年起5年内), never an invented year


@dataclass(frozen=True, slots=True)
class Condition:
    """One eligibility condition of a support, as data a profile can be checked against (ingest.support).

    参保缴费1年以上 → kind "threshold", field "years_insured", comparator "≥", value 1, unit 年;
    小微企业 → kind "who", field "size", comparator "in", values ("small",); 16-24岁 → kind "person", field
    "person.age", comparator "between", value 16, value_max 24; 自贸试验区 → kind "place", field "place"."""

    kind: str  # who | person | threshold | place | sector
    field: str  # the profile field that decides it (size, revenue, person.status …); "" when none can
    comparator: str  # ≥ ≤ = between in
    text: str  # the words as written
    span: Span
    value: Decimal | None = None
    value_max: Decimal | None = None  # for between
    values: tuple[str, ...] = ()  # for in: sizes, statuses, place words, GB/T 4754 sections or divisions
    unit: str = ""  # 年, 万元, 人, 岁


@dataclass(slots=True)
class Support:
    """Support an enterprise can get, or the condition to get it: never a target.

    最高不超过2000万元 → kind "subsidy", cap 2000, unit 万元; 按投资额的10%给予支持 → rate 10 (%);
    投资额1亿美元以上的项目 → kind "threshold", amount 1, unit 亿美元, comparator "≥"."""

    key: str  # ASCII key unique in the document, e.g. "2.3.s1"
    unit_path: str
    kind: str  # "subsidy" | "reward" | "loan-interest" | "tax" | "land" | "threshold" | "time-limit" | "other"
    text: str  # the phrase as written
    span: Span
    amount: Decimal | None = None  # a fixed amount (or the lower bound of a range)
    amount_max: Decimal | None = None  # upper bound of a range
    unit: str = ""  # 万元, 亿元, 美元, 个工作日 …
    rate: Decimal | None = None  # a percentage, e.g. 10 for 按投资额的10%
    rate_base: str = ""  # what the rate applies to: 投资额, 贷款利息
    cap: Decimal | None = None  # 最高不超过… (in ``unit``)
    comparator: str = ""  # for thresholds and limits: "≥", "≤", "="
    condition: str = ""  # who qualifies, as written (对…的企业 / 投资额1亿美元以上的项目)
    conditions: list[Condition] = field(default_factory=list)  # who qualifies, as data (ingest.support)
    valid_from: date | None = None  # the stated period of validity (2019年1月1日至2020年12月31日)
    valid_until: date | None = None
    validity_text: str = ""  # the words that state it (有效期5年, 自印发之日起施行)
    validity_span: Span | None = None


@dataclass(slots=True)
class Department:
    """A government body, resolved through the authority files (ingest/data/authority) to one entity."""

    key: str  # ASCII slug, stable: "shanghai-municipal-commission-of-economy-and-informatization"
    pref_label: str  # full official name: 上海市经济和信息化委员会
    alt_labels: list[str]  # short forms: 市经济信息化委, 市经信委
    pref_label_en: str
    category: str  # "government" | "department" | "district" | "joint-body" | "other"
    mentions: list[Span] = field(default_factory=list)  # every place the text names it
    members: list[str] = field(default_factory=list)  # keys of member bodies (joint bodies only)
    created_by_document: bool = False  # a body the plan itself sets up (联席会议)
    listed_in_alias_table: bool = True  # False when recognised only by its suffix pattern
    jurisdiction: str = ""  # 中华人民共和国, 上海市, 上海市浦东新区: where the body belongs
    valid_from: date | None = None  # from the authority file: when the body (under this name) began
    valid_until: date | None = None  # … and ended (reorganised into its successors)
    predecessors: list[str] = field(default_factory=list)  # keys of the bodies it replaced (市环保局 → 市生态环境局)
    successors: list[str] = field(default_factory=list)  # keys of the bodies that replaced it


@dataclass(slots=True)
class BodyCandidate:
    """A name shaped like a body that the finder keeps out of the bodies (区探索创新政府: a clause ending in
    政府), with every place it is written, for a reader to review (``policykg departments --candidates``)."""

    name: str
    mentions: list[Span]
    reason: str  # why it is no body: "its core is a clause"


@dataclass(slots=True)
class Responsibility:
    """Who is responsible for a unit's work, and on what basis."""

    agent: str  # Department.key
    unit_path: str
    role: Role
    basis: Basis
    evidence: str  # the source sentence (explicit) or the rule and its evidence (inferred)
    span: Span | None  # where the evidence is in the source; None only for purely structural rules
    rule: str = ""  # for inferred facts: the rule's name, e.g. "coordinating-body-owns-unassigned-measures"
    due: date | None = None  # a task table's 完成时限 (2024年9月底前 → 2024-09-30)
    due_text: str = ""  # the due date as written


@dataclass(slots=True)
class Citation:
    """A document the text cites: 《中国制造2025》, 沪府发〔2017〕36号."""

    key: str  # ASCII slug: "hufufa-2017-36" or a stable hash of the title
    title: str  # 《…》 content without the brackets; "" when only a number is given
    identifier: str  # document number such as 沪府发〔2017〕36号; "" when none
    unit_paths: list[str] = field(default_factory=list)  # units that cite it ("" = preamble)
    mentions: list[Span] = field(default_factory=list)
    replaces: bool = False  # the citing text repeals it: 《…》同时废止, 原《…》不再执行 (ingest.citations)
    effect: str = ""  # the strongest of its mentions' effects: replaces > amends > suspends; "" when only cited


@dataclass(frozen=True, slots=True)
class ConceptMention:
    """A unit mentions a SKOS concept of the shipped scheme."""

    concept: str  # concept key in ingest/data/concepts.ttl, e.g. "industrial-robot"
    unit_path: str
    span: Span
    label: str  # the label found in the text


@dataclass(slots=True)
class DocumentMeta:
    """The corpus sidecar (``<name>.meta.json``); unknown fields stay empty."""

    slug: str
    title: str
    title_en: str = ""
    jurisdiction: str = ""
    period_start: str = ""
    period_end: str = ""
    language: str = "zh"
    identifier: str = ""
    issuer: str = ""
    issued: str = ""  # date of issue, ISO (2024-03-15), from metadata or the text's date line
    addressees: str = ""  # 各区人民政府，市政府各委、办、局 as written
    source_file: str = ""  # file name inside corpus/
    encoding: str = "utf-8"  # the encoding the file was decoded from ("" for .docx and .pdf)
    sha256: str = ""  # of the raw bytes
    format: str = "txt"  # the file's format: txt, md, docx, pdf, html
    genre: str = ""  # the genre word the title ends in: 意见, 通知, 方案, 批复, 答复, 决定, 条例, 令 …
    issued_text_genre: str = ""  # a notice that issues or forwards a text: that text's genre (方案, 办法, 报告)
    issued_text_title: str = ""  # … and its title
    # the genre words as the titles write them, where they say more than the genre a researcher filters by
    # (实施意见 is filed under 意见, 实施细则 under 细则, 工作要点 under 要点): ingest.docmeta
    genre_as_written: str = ""
    issued_text_genre_as_written: str = ""
    issued_text_issuers: tuple[str, ...] = ()  # the bodies whose text a notice forwards (转发/批转民政部… → 民政部)
    issuers: tuple[str, ...] = ()  # every issuing body, joint issuers too (国务院办公厅, 中央军委办公厅)
    effective: str = ""  # date of effect, ISO, where the text states it (自…起施行; 自印发之日起施行 → issued)
    jurisdiction_level: str = ""  # national | province | city | district (of ``jurisdiction``)
    # a jurisdiction no metadata, number, issuer or title gave, read from a sentence of the text: "inferred", the
    # rule's name and that sentence (ingest.jurisdiction.jurisdiction_of_text); "" when stated or read as before
    jurisdiction_basis: str = ""
    jurisdiction_rule: str = ""
    jurisdiction_evidence: str = ""
    pages: tuple[tuple[int, int, int], ...] = ()  # PDFs: (page number, start, end) offsets into the source


@dataclass(slots=True)
class PolicyDocument:
    """Everything ingest extracted from one file."""

    meta: DocumentMeta
    source: str  # the decoded text; every Span indexes into it
    preamble: Span | None  # text before the first numbered unit
    units: list[Unit]  # document order, parents before children
    targets: list[Target]
    departments: list[Department]
    responsibilities: list[Responsibility]
    citations: list[Citation]
    concepts: list[ConceptMention]
    supports: list[Support] = field(default_factory=list)
    body_candidates: list[BodyCandidate] = field(default_factory=list)  # body-like names that are no body

    def unit(self, path: str) -> Unit:
        for unit in self.units:
            if unit.path == path:
                return unit
        raise KeyError(path)

    def units_of(self, kind: UnitKind) -> list[Unit]:
        return [u for u in self.units if u.kind is kind]
