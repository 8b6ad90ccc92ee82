"""Find quantified targets (建设100个示范项目, 不低于5%, 压缩至15个工作日内) and their deadlines in a unit's text.

Comparators come from the wording around the number:
- ≥ : 达到 / 突破 / 超过 / 超 / 不低于 / 不少于 / 高于 …, 提高到 / 提升至 / 增加到, and a following 以上 (100余家 too);
- ≤ : 压缩至 / 降至 / 控制在 / 不高于 / 不超过 / 低于 …, and a following 以内 / 以下 / 之内 / 内;
- ≈ : 约 / 大约 / 近 / 接近, and a following 左右 / 上下;
- = : a bare count (建设100个…) or a change with no bound (年均增长10%).
A word after the number decides over one before it (提高到80%左右 is ≈).  超过 is strictly "more than"; it is read as
≥ because the model does not distinguish strict bounds.

What is not a target: years, dates, document numbers, article references, ordinals (see ``ingest.quantities``),
a size that qualifies a noun (年营业收入10亿元以上的企业), and anything inside a support phrase
(``ingest.support.support_spans``: 最高不超过500万元, 按投资额的10%给予补助, 15个工作日内办结).

Indicators name what is counted, with the words that say which ones, never how it is worked towards: lead words
and action verbs go (将雄安新区蓝绿空间占比 → 雄安新区蓝绿空间占比, 组织开展残疾人职业技能培训 → 残疾人职业技能培训), a
relative clause bounding a figure of its own stays (纳税过1亿元的企业), an elliptic one takes the stem and head its
series names (超500亿元的5个 → 年营业收入超500亿元的特色产业集群), and a count's noun ends before its predicate
(10个左右技术技能人才紧缺领域大力开展职业培训 → 技术技能人才紧缺领域).

Deadlines: the sentence's own date beats its paragraph's (其中，到2025年底… binds only its sentence), then a date
later in the same clause (a task-table row's 完成时限), then the unit's earlier sentences, then a statement covering
every target (各项指标均为2024年全年目标, explicit), then the year the unit's heading names or the enclosing unit's
lead sentence (inferred, with that sentence as evidence).  A period (“十四五”期间, 2023年起3年内) is kept in
``Target.period`` with no invented year; dates and periods are read by ``ingest.deadlines``.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .deadlines import (
    DeadlineHint,
    TimeMention,
    find_deadline,
    heading_deadline,
    lead_deadline,
    time_mentions,
)
from .deadlines import covering_deadline as _covering_statement
from .hannumerals import HAN_PERCENT_RE, HAN_QUANTITY_RE, HAN_YEAR, han_number
from .model import Basis, Span, Target
from .quantities import (
    MONEY_UNIT,
    QUANTITY_RE,
    RATE_UNITS,
    is_count,
    normalise_digits,
    to_decimal,
)
from .support import support_phrases

__all__ = [
    "DeadlineHint",
    "comparator_of",
    "covering_deadline",
    "drop_restated",
    "extract_targets",
    "find_deadline",
    "heading_deadline",
    "lead_deadline",
    "normalise_digits",
]

log = logging.getLogger(__name__)

_AT_LEAST = ("不低于", "不少于", "不小于", "至少", "最少", "超过", "高于", "多于", "大于", "达到", "达", "突破", "超",
             "提高到", "提高至", "提升至", "提升到", "增加到", "增加至", "增长到", "增长至", "扩大到", "扩大至",
             "上升到", "上升至", "增至", "升至")
_AT_MOST = ("不超过", "不高于", "不多于", "不大于", "低于", "少于", "小于", "不到", "压缩至", "压缩到", "缩短至",
            "缩短到", "控制在", "降至", "降到", "降低到", "降低至", "下降到", "下降至", "减少到", "减少至", "减至",
            "压减至", "压减到", "至多", "最多")
_ABOUT = ("约", "大约", "近", "接近", "将近")
_COMPARATOR_OF_PRE = {**{w: "≥" for w in _AT_LEAST}, **{w: "≤" for w in _AT_MOST}, **{w: "≈" for w in _ABOUT}}
_PRE_WORDS = sorted(_COMPARATOR_OF_PRE, key=len, reverse=True)
# 约 inside 节约/制约/预约, 超 inside 赶超/高超, 近 inside 附近/最近, 达 inside 发达/到达 are no comparators.
_NOT_AFTER = {"约": "节制契公集简预合条邀违履", "超": "赶高", "近": "附最邻靠亲", "达": "发到表传下抵送"}
_POST_RE = re.compile(r"(?:及|或)?以上|以内|以下|之内|左右|上下|内(?![部外容涵])")
_COMPARATOR_OF_POST = {"以上": "≥", "以内": "≤", "以下": "≤", "之内": "≤", "内": "≤", "左右": "≈", "上下": "≈"}

_CLAUSE_STOPS = "，,。；;：:、！!？?\r\n\t（）()“”\"《》 \u3000"
_SENTENCE_STOPS = "。；;！!？?\n\t"
_TIME_CLAUSE_STOPS = "，,。；;！!？?\n：:"  # not \t: a task-table row's 完成时限 dates its task
_LIST_JOINER = re.compile(r"(?:和|及|与|以及)[0-9]")
_LEADING = re.compile(
    rf"(?:其中|同时|全年|每年|(?:到|至)?(?:(?:19|20)[0-9]{{2}}|{HAN_YEAR})年(?:底|末|起)?(?:前)?|[0-9一二三四五六七八九十两]{{1,3}}年内"
    r"|(?:今年|明年|本年度)内|年内|今年|明年|力争|确保|争取|预计|实现|使得|使|推动|促进|保持|带动|累计)*"
)
_BUILD_VERB = re.compile(r"建成|新建|建设|建立|培育|引进|打造|完成|实施|部署|推广|创建")  # 建成5G基站3万个 → 5G基站
_BASELINE_BEFORE = re.compile(r"(?:由|从)[^，,。；;]*$")
_CHANGE_TO = re.compile(r"(?:提高|提升|增加|增长|扩大|上升|降低|下降|压减|压缩|缩短|减少)(?:至|到)")
_NOT_UNIT_NEXT = re.compile(r"[年月日号条款章节届期时]")
# …30人（含）以下的企业, 6亩以下（不含6亩）的土地: a bracketed note on the bound does not end the attribute
_BOUND_NOTE = r"(?:[（(](?:含|不含|包含|不包含)[^（）()]{0,10}[）)])?"
_ATTRIBUTE_RE = re.compile(rf"{_BOUND_NOTE}(?:(?:及|或)?以上|以下|以内)?{_BOUND_NOTE}的")
_DESCRIBED_MEASURE = re.compile(r"的(?:政策|措施|办法|标准|规定|优惠|比例执行)")
_SELF_TALLY = re.compile(r"(?:具体|重点|主要)?(?:工作)?(?:任务|事项)(?:清单)?(?![\u4e00-\u9fff])|(?:牵头|责任|配合|协同|成员|协办)单位")
_QUALIFIED = re.compile(r"(?:参保|在职|存量|新办|新设立|新注册|用工)?(?:中小微|小微|中小|规上|规模以上)?(?:企业|单位|用人单位|项目|个人|人员|家庭|户|市场主体|主体|机构|职工)")
_AIM_BEFORE = re.compile(r"培育|引进|新增|打造|建成|建设|发展|扶持|支持|达到|力争|确保|争取|实现|新培育|认定|创建|服务|帮助|带动")
_EXCLUDED_RE = re.compile(r"[（(](?:不含|不包含|含|包含)$")  # （不含6亩）: the bound's own note, no figure of its own
# Achievements reported, not targets set: 已建成…, and 同比 in a sentence that sets no goal.
_PAST_RE = re.compile(r"已(?:经)?(?:建成|达到|累计|形成|培育|实现|完成|突破|超过|有|经)|以来|近年来|近[0-9一二三四五六七八九十]{1,2}年来|过去[0-9一二三四五六七八九十]"
                      # (a change bounded 以上/以内/左右 or 不低于/控制在… is aimed at, not reported: 同比下降5%以上)
                      r"|^(?!.*(?:到|至)(?:19|20)[0-9]{2}年|.*(?:力争|确保|争取|全年|预期|预计|目标)"
                      r"|.*[0-9](?:%|个百分点)?(?:以上|以内|以下|左右)|.*(?:不低于|不少于|不超过|不高于|控制在|保持在)[0-9]).*同比"
                      # 全盟现有胡尔奇100余名: what there is now, in a sentence that sets no aim
                      r"|^(?!.*(?:到|至)(?:19|20)[0-9]{2}年|.*(?:力争|确保|争取|目标|新增|达到|提高|增加)).*(?<![在以])现有[^，,。；;基]{0,12}[0-9]")
# 低于目标1.8个百分点 / 高于年度目标: a result measured against a target, which names no aim of its own
_AGAINST_TARGET = re.compile(r"(?:低于|高于|快于|慢于|超过|超出|完成|未完成|达到|未达到|实现)(?:预期|年度|全年|序时|计划)?目标")
_OPENING_YEAR = re.compile(r"\s*(?:[0-9]+[.．、]|其中[，,]?|在[^，,。；;0-9]{1,20}方面[，,])?\s*(?P<y>(?:19|20)[0-9]{2})年(?!起|以来|开始|前|底|末|内|[0-9]|至|到|[—–\-~])")
_AIM_WORDS = re.compile(r"力争|确保|争取|目标|计划|预计|预期|将|要|到(?:19|20)[0-9]{2}年")


# 预计全年地区生产总值突破1700亿元 / 预计2025年…完成87.4亿元: a report's estimate of the year now closing, no aim
# (预计到2025年…将达到 looks ahead: 到 before the year)
_ESTIMATE = re.compile(r"预计(?:全年|今年|本年度?|(?:19|20)[0-9]{2}年(?!底前|前|[0-9]))")


def _estimates_outcome(sentence: str) -> bool:
    """A sentence estimating how the current year ends (see ``_ESTIMATE``), setting no aim of its own."""
    return bool(_ESTIMATE.search(sentence)) and not re.search(r"力争|确保|争取|目标", sentence)


def _reports_past_year(sentence: str, year: int | None) -> bool:
    """A sentence opening with a year already over when the text was issued (2022年全区…完成88亿元, in a text of
    2023), setting no aim: it reports results."""
    m = _OPENING_YEAR.match(sentence)
    return bool(m and year is not None and int(m.group("y")) < year and not _AIM_WORDS.search(sentence))


# 完成时限：2023年12月底 on a line of its own: the date a task row's targets are due
_DUE_LINE = re.compile(r"(?:完成时限|完成时间|时间节点|办结时限)\s*[：:]\s*(?P<when>[^\n]{2,24})")
# a sentence that grants (补贴, 奖励, 给予…万元) and one that sets a goal (到2025年, 力争, 目标, 累计, 新增)
_GRANTS = re.compile(r"补助|补贴|资助|奖励|奖补|贴息|给予[^，,。；;]{0,12}[0-9]")
_GOAL_RE = re.compile(rf"(?:(?:19|20)[0-9]{{2}}|{HAN_YEAR})年|力争|确保|目标|累计|新增")
# a rule on what may be charged bounds conduct and sets no goal: 预收服务费不超过12个月费用, 押金不超过月服务费的12倍
_CHARGES_RE = re.compile(r"收取|加价|押金|预收")
# how firmly, not what: 力争 / 确保 / 争取 before the comparator word is no part of the indicator
_MODAL_TAIL = re.compile(r"(?:力争|确保|争取|努力|预计|预期|基本|将|要|原则上|一般|(?<!行)为|(?:稳定|保持|维持)在)+$")
_RATIO = re.compile(r"[∶:：]\s?[0-9]+(?:\.[0-9]+)?(?![0-9])")  # a ratio's second term: 2.2∶1, 1:0.6
# 每年举办1次对接会, 每5年修订1次目录: how often, not a target
_FREQUENCY_RE = re.compile(r"每(?:[0-9一二两三四五六七八九十]{1,2}个?)?(?:年度?|季度?|月|周|半年)")
# a span of time per period (教师每年至少1个月在企业实践, 每周不少于2天): an allowance that binds persons, not an aim
_DURATION_UNITS = ("个月", "月", "天", "日", "周", "小时", "分钟", "年", "学时", "课时")
_AGE_UNITS = ("岁", "周岁")
# 以…7600多名持证残疾人为主要对象 / 以100家龙头企业为重点: the figure names what the plan works on or from
_FRAMED_BY_YI = re.compile(r"以(?![上下内外及后前来])[^，,。；;]*$")
_FRAME_TAIL = re.compile(r"为(?:主要|重点|服务)?(?:对象|重点|主体|依托|载体|抓手|牵引|核心|龙头|支撑|目标群体)$")
_RELIEF_BEFORE = re.compile(r"(?:免除|减免|免收|免征|减半|缓缴|缓征|延期|延长|顺延)[^，,。；;0-9]{0,4}$")
_EACH_ITEM = re.compile(r"(?:单个|单家|单项|单宗|单笔|每个|每家|每项|每户|每人)")
_KIND_BEFORE = re.compile(r"[^，,。；;：:、的]{2,20}")
_TRAILING_YEAR = re.compile(r"(?:到|至)?(?:19|20)[0-9]{2}年(?:底|末)?(?:前)?$")
_BASE_AFTER = re.compile(r"(?:作)?为(?:基数|基础|基准|起点)")
_CONDITION_TAIL = re.compile(r"的[，,；;]")  # a 的-clause a comma closes names those a rule is for (…在3家以上的，)
_APPLIED_RATE = re.compile(r"按(?:照)?(?!时|期)[^，,。；;]{0,24}$")  # 按不低于采购金额的30%: how a sum is worked out (按时办结率: no)
_LISTED = re.compile(r"(?:[\u4e00-\u9fff]{1,10}、){2,}[\u4e00-\u9fff]{1,10}$")  # 甲市、乙市、丙市 right before the count
# Units whose indicator stands before the number (审批时间压缩至5个工作日, 企业开办1个工作日内办结).
_SUBJECT_UNITS = RATE_UNITS + ("个工作日", "工作日", "小时", "天", "分钟", "秒", "个月", "周")
# 分别 then up to a few words (达到 / 比2020年提高) before the first of the values
_RESPECTIVELY_RE = re.compile(r"分别(?P<words>(?:[^0-9，,。；;：:]|(?:19|20)[0-9]{2}年){0,10}?)(?=[0-9](?![0-9]{3}年))")
# 每年 / 全年 / 每年度: the frequencies whose at-least count is a yearly minimum
_YEARLY_RE = re.compile(r"每年度?|全年")
# …500万元以上技术改造项目1000个: a size with its bound, a noun, then a count of that noun in the same clause
_COUNT_LATER = re.compile(r"[\u4e00-\u9fff“”]{1,16}?[0-9]+(?:\.[0-9]+)?(?:余|多)?[十百千万亿]*(?:个|家|项|座|台|套|所|户|处|批|条)")
# 至少建成1个, 不少于…: a lower bound written before the verb the number follows
_AT_LEAST_VERB = re.compile(r"(?:至少|最少|不少于)(?:要|应|需|须)?(?:有|拥有|新建|建成|建设|建立|培育|培养|打造|配备|开展|组织|举办|"
                            r"设立|新增|引进|完成|创建|选树|推出|实施|落实|安排)(?:改造)?$")
# 年均增长15%: a growth per year, kept as the period beside the date it runs to
_YEARLY_AVERAGE = re.compile(r"年均(?:增长|提高|增加|下降|降低|减少|递增|递减)[^，,。；;0-9]{0,4}$")
_BASELINE_TAIL = re.compile(r"(?:较|比|相比|与)(?:(?:19|20)[0-9]{2}年|上年|去年|上一年)(?:末|底)?$")
_NAME_SPLIT = re.compile(r"(?<!工业)和(?!信息化)|与|以及")  # not 及: 普及率


@dataclass(frozen=True, slots=True)
class _Found:
    """A target before its deadline is chosen: where its number is and what was read around it."""

    start: int  # the phrase
    end: int
    at: int  # the number, for ordering and deadlines
    indicator: str
    quantity: Decimal
    quantity_max: Decimal | None
    unit: str
    comparator: str
    period: str = ""  # 全年 / 每年 written before the bound: the count is per year, no date
    per_year: bool = False  # a minimum per year (全年不少于12场): no covering or inherited date applies
    yearly_average: bool = False  # 年均增长15%: a change per year, 年均 kept as the period beside any date
    when: date | None = None  # its own year in a series (2024年、2025年分别达到40%、45%): that year's end


def _sets_terms(sentence: str) -> bool:
    """A sentence that grants support and sets no goal: its numbers are who qualifies and how much is paid
    (收入首次突破5亿元的，奖励150万元; 服务不少于50家次的，再给予奖励; 享受奖励的人数不超过10人), not targets."""
    return bool(_GRANTS.search(sentence)) and not _GOAL_RE.search(sentence)


def _charges(sentence: re.Match[str]) -> list[tuple[int, int]]:
    """The clauses of a sentence setting no goal that say what may be charged (押金不超过月服务费的12倍, 超过20%的部分
    按2倍加价收取): they bound conduct, not outcomes."""
    if _GOAL_RE.search(sentence.group()):
        return []
    return [(sentence.start() + c.start(), sentence.start() + c.end())
            for c in re.finditer(r"[^，,]+", sentence.group()) if _CHARGES_RE.search(c.group())]


def comparator_of(pre: str | None, post: str | None, approx: str | None = None) -> str:
    """The comparator a pre-word (达到, 控制在, 约 …), a post-word (以上, 以内, 左右 …) and 余/多 give: post wins."""
    if post:
        return _COMPARATOR_OF_POST[post.lstrip("及或")]
    if approx:
        return "≥"
    if pre:
        return _COMPARATOR_OF_PRE[pre]
    return "="


def _pre_word(text: str, clause_start: int, at: int) -> tuple[str, int] | None:
    """The comparator word right before the number at ``at`` (or before 全市的/全国平均水平的 and the number)."""
    for word in _PRE_WORDS:
        if text.startswith(word, at - len(word)) and at - len(word) >= clause_start:
            start = at - len(word)
            if start > 0 and text[start - 1] in _NOT_AFTER.get(word, ""):
                continue
            return word, start
    gap = text[clause_start:at]
    if not gap.endswith("的") or re.search(r"[0-9]", gap):
        return None
    best: tuple[str, int] | None = None  # 达到全市平均水平的80%: the comparator word nearest the 的
    for word in _PRE_WORDS:
        i = gap.rfind(word)
        if i == -1 or len(gap) - i - len(word) > 12 or (i > 0 and gap[i - 1] in _NOT_AFTER.get(word, "")):
            continue
        if best is None or i + len(word) > best[1] - clause_start + len(best[0]):
            best = (word, clause_start + i)
    return best


def _clause_start(text: str, end: int, stops: str = _CLAUSE_STOPS) -> int:
    i = end
    while i > 0 and text[i - 1] not in stops:
        i -= 1
    return i


def _clause_end(text: str, start: int, stops: str = _CLAUSE_STOPS) -> int:
    i = start
    while i < len(text) and text[i] not in stops:
        i += 1
    return i


_OBJECT_STOPS = _CLAUSE_STOPS.replace("“", "").replace("”", "").replace('"', "")


def _object_end(text: str, start: int) -> int:
    """End of the noun phrase after a quantity: up to punctuation or a 和/及 that starts the next list item (a
    quoted name inside it, 100个“双师型”教师培养基地, is part of it)."""
    i = start
    while i < len(text):
        if text[i] in "（(" and i > start:
            # 20个以上产值（营业收入）超千亿元的产业集群: a short note inside the noun phrase, which goes on after it
            note = re.match(r"[（(][^（）()，,。；;]{1,10}[）)](?=[\u4e00-\u9fff])", text[i:])
            if note:
                i += note.end()
                continue
        if text[i] in _OBJECT_STOPS or _LIST_JOINER.match(text, i):
            break
        i += 1
    return i


_BACKWARD_RE = re.compile(r"^(?:以上|上述|所列)")
_PER_YEAR_RE = re.compile(r"全年|每年")


@dataclass(frozen=True, slots=True)
class CoveringHint(DeadlineHint):
    """A covering statement with where it stands: one that looks back (以上指标均为2024年全年目标, written under a
    goals section) dates only the targets written before it, not the tasks after it."""

    start: int = -1
    backward: bool = False


def covering_deadline(text: str) -> CoveringHint | None:
    """The statement fixing the deadline of every target (各项指标均为2024年全年目标), with its place in ``text``."""
    hint = _covering_statement(text)
    if hint is None:
        return None
    return CoveringHint(hint.when, hint.evidence, hint.period, text.find(hint.evidence),
                        bool(_BACKWARD_RE.match(hint.evidence)))


# 各项指标均为2025年全年目标 / 年度目标: the figures are measured over that whole year, whatever day a row's task is due
_WHOLE_YEAR = re.compile(r"(?:19|20)[0-9]{2}年(?:全年|年度)(?:目标|指标)")


def _whole_year(covering: DeadlineHint) -> bool:
    """Whether a covering statement says its targets are that year's whole-year figures (全年目标)."""
    return bool(_WHOLE_YEAR.search(covering.evidence))


# a date filling a cell of its own after the target's (…新增企业15家，增加值增长7%<TAB>…<TAB>2025年10月底前): the row's
# 完成时限, read across the other cells and the lines a long cell wraps onto, never past a sentence stop
_ROW_CELL_GAP = re.compile(r"[^。；;！!？?]*\t[ \u3000]*")


def _row_due(text: str, at: int, mentions: list[TimeMention]) -> TimeMention | None:
    """The 完成时限 cell of the task-table row holding the number at ``at``: it dates every target of the row's task
    cell, not only the one in the cell's last clause."""
    for m in mentions:
        if m.start <= at or m.when is None:
            continue
        after = text[m.end : m.end + 4].lstrip(" \u3000前底末")
        if _ROW_CELL_GAP.fullmatch(text, at, m.start) and (not after or after[0] in "\r\n\t"):
            return m
    return None


def _covers(covering: DeadlineHint, at: int, period: str = "") -> bool:
    """Whether a covering statement dates the target at ``at`` (an offset in the text it was read from): one that
    looks back covers a later target only where that says 全年 itself (the same whole year)."""
    return period == "全年" or not (isinstance(covering, CoveringHint) and covering.backward and 0 <= covering.start < at)


# a relative clause bounding a figure of its own (纳税过1亿元的, 产值超500亿元的, 1000万元以上的): it says which of
# the things counted are meant, so it is part of the indicator (纳税过1亿元的企业达30家 against 产值过500亿元的企业达3家)
_QUANTIFIED_QUALIFIER = re.compile(r"(?:过|超过?|高于|低于|不低于|不少于|达到?|在)[0-9][^，,。；;：:的]*的$"
                                   r"|[0-9][^，,。；;：:的]*(?:以上|以下|以内)的$")


# what a noun counted goes on to do (30条生产线投产, 3-5个…领域形成竞争优势, 10个…领域大力开展职业培训, 100个…社区
# 全面建成): the predicate is no part of the thing counted
_PREDICATE = re.compile(r"(?:全面|率先|大力|普遍)|(?:建成(?!区)|投产|投入使用|形成|取得|开展|实现|具备|落地|上线)")
_NO_LIST_RE = re.compile(r"[0-9]|一批|若干|一系列|多个|多家|一大批")


def _object_name_end(text: str, noun: int, end: int) -> int:
    """Where the name of the thing counted after a number ends (the noun phrase read from ``noun`` to ``end``).

    A list of relative clauses sharing one head (3-5个引领产业结构优化升级、在全国具有一定影响力的领军型…产业) runs
    to its head after the last 的; a predicate after the noun (see ``_PREDICATE``) ends it."""
    if end < len(text) and text[end] == "、" and "的" not in text[noun:end]:
        rest_end = _clause_end(text, end + 1, "，,。；;：:\n\t")
        rest = text[end + 1 : rest_end]
        if "的" in rest and len(rest) - rest.rfind("的") > 2 and not _NO_LIST_RE.search(rest):
            end = rest_end
    de = text.rfind("的", noun, end)
    base = de + 1 if de != -1 else noun
    cut = _PREDICATE.search(text, base + 2, end)
    return cut.start() if cut else end


# A list's lead (提升一批百亿级特色产业集群，) naming the things a series of …的N个 counts
_LIST_HEAD = re.compile(r"(?:一批|一批次)(?P<head>[^，,。；;：:、的]{2,20})[，,：:]$")
_KIND_CLAUSE = re.compile(r"[^，,。；;：:、]{2,30}的[0-9]+(?:\.[0-9]+)?(?:[-~][0-9]+)?(?:余|多)?(?:个|家|项|所|座|条|批)")
_KIND_BOUND = re.compile(r"(?:过|超过?|高于|达到?)[0-9]")


def _elliptic_stem(text: str, text_raw: str, clause_start: int) -> str:
    """The words before the bound of the clause before (战略性新兴产业规模 of 战略性新兴产业规模过1000亿元的集群1个),
    which a clause opening on its bound (过100亿元的集群5个) leaves unsaid."""
    if clause_start == 0 or text[clause_start - 1] not in "，,、":
        return ""
    before = _clause_start(text, clause_start - 1)
    lead = _LEADING.match(text, before, clause_start - 1)
    i = lead.end() if lead else before
    bound = _KIND_BOUND.search(text, i, clause_start - 1)
    return text_raw[i : bound.start()] if bound and bound.start() > i and "的" in text[bound.end():clause_start - 1] else ""


def _kind_counted(text: str, text_raw: str, start: int, at: int) -> str:
    """The indicator of 年营业收入超1000亿元的2个, 超500亿元的5个: the kind (the clause up to its 的), with the stem an
    elliptic kind shares with the first of its series (超500亿元 → 年营业收入超500亿元) and the head the series'
    lead names (一批百亿级特色产业集群): 年营业收入超500亿元的百亿级特色产业集群."""
    kind = text_raw[start : at - 1]
    first = start
    while first > 0 and text[first - 1] in "，,、":
        before = _clause_start(text, first - 1)
        if not _KIND_CLAUSE.fullmatch(text, before, first - 1):
            break
        first = before
    stem = ""
    if first < start and _KIND_BOUND.match(kind):
        bound = _KIND_BOUND.search(text, first, start)
        stem = text_raw[first : bound.start()] if bound else ""
    head = _LIST_HEAD.search(text, max(0, first - 30), first)
    return stem + kind + ("的" + text_raw[head.start("head") : head.end("head")] if head else "")


def _subject_start(text: str, end: int) -> int:
    """Start of the indicator before a comparator: the clause start, or just after its last 的, past lead words;
    a 的-clause bounding a figure of its own (see ``_QUANTIFIED_QUALIFIER``) is kept."""
    i = _clause_start(text, end)
    de = text.rfind("的", i, end)
    if de != -1 and not (de + 1 < end and _QUANTIFIED_QUALIFIER.search(text, i, de + 1) and text.rfind("的", i, de) == -1):
        i = de + 1
    m = _LEADING.match(text, i, end)
    return m.end() if m else i


def _protected_ranges(text: str) -> list[tuple[int, int]]:
    """Titles and document numbers: 《中国制造2025》, 〔2024〕3号."""
    return [(m.start(), m.end()) for m in re.finditer(r"《[^《》]*》|[〔\[［(（](?:19|20)[0-9]{2}[〕\]］)）][0-9]+号", text)]


def _inside(at: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= at < b for a, b in ranges)


def _respectively(text: str, text_raw: str) -> tuple[list[_Found], list[tuple[int, int]]]:
    """A、B分别达到65%和55%: one target per indicator, paired in order; returns them and the spans they used."""
    found: list[_Found] = []
    used: list[tuple[int, int]] = []
    last_names: list[str] = []  # the indicators of the series before, for one that names none (到2027年，分别达到…)
    for m in _RESPECTIVELY_RE.finditer(text):
        values: list[re.Match[str]] = []
        posts: list[re.Match[str] | None] = []  # 分别增长8%左右和8.5%左右: each value's own bound word
        i = m.end()
        while True:
            q = QUANTITY_RE.match(text, i)
            if not q or q.start() != i:
                break
            values.append(q)
            i = q.end()
            own_post = _POST_RE.match(text, i)
            following = own_post.end() if own_post else i
            if own_post and re.match(r"(?:、|和|及|与)[0-9]", text[following:following + 2]):
                posts.append(own_post)
                i = following
            else:
                posts.append(None)
            sep = re.match(r"、|和|及|与|,|，", text[i:])
            if not sep or not re.match(r"[0-9]", text[i + sep.end() : i + sep.end() + 1]):
                break
            i += sep.end()
        if len(values) < 2:
            continue
        post = _POST_RE.match(text, values[-1].end())
        end = post.end() if post else values[-1].end()
        start = _clause_start(text, m.start(), _SENTENCE_STOPS + "，,：:")
        years = _years_listed(text, start, m.start(), len(values))
        if years:  # 2024年、2025年、2026年…分别达到40%、45%、50%: one value for each year, dated by it
            start = years[1]
        elif start > 0 and text[start - 1] in "，,":  # 到2025年、2027年，…分别达到: the years a clause of their own
            before = _years_listed(text, _clause_start(text, start - 1, _SENTENCE_STOPS + "，,：:"), start - 1,
                                   len(values))
            years = before if before and before[1] == start - 1 else None
        lead = _LEADING.match(text, start, m.start())
        start = lead.end() if lead else start
        subject = text_raw[start : m.start()]
        subject = _BASELINE_TAIL.sub("", subject)  # 起数和死亡人数较2023年分别下降…: the baseline names no indicator
        names = [n for part in subject.split("、") for n in _NAME_SPLIT.split(part) if n]
        if not subject.strip() and not years and len(last_names) == len(values):
            names = last_names  # 到2025年，A和B分别达到600家和1000家；到2027年，分别达到700家和1200家
        elif len(names) != len(values) or years:
            names = [subject] * len(values)
        elif len(names) > 1 and all(len(n) <= 3 < len(names[-1]) - len(n) for n in names[:-1]):
            # 城镇和农村常住居民人均可支配收入: a short parallel word shares the rest of the last name
            names = [n + names[-1][len(n):] for n in names[:-1]] + [names[-1]]
        if subject.strip():
            last_names = names
        last_unit = next((v.group("unit") for v in reversed(values) if v.group("unit")), "") or ""
        words = m.group("words")
        pre = next((w for w in _PRE_WORDS if words.endswith(w)), None)
        for k, (name, q) in enumerate(zip(names, values)):
            unit = q.group("unit") or last_unit
            own = posts[k] if k < len(values) - 1 else post
            bound = own if own is not None else (None if any(posts[:-1]) else post)
            found.append(_Found(start, q.end() if q is not values[-1] else end, q.start(), name,
                                to_decimal(q.group("num")) or Decimal(0),
                                to_decimal(q.group("max")) if q.group("max") else None, unit,
                                comparator_of(pre, bound.group() if bound else None, q.group("approx")),
                                when=date(years[0][k], 12, 31) if years else None))
        used.append((m.start(), end))
    return found, used


_YEAR_ITEM = re.compile(r"(?:到|至)?((?:19|20)[0-9]{2})年(?:底|末)?")
_YEAR_RANGE = re.compile(r"((?:19|20)[0-9]{2})\s*[—–\-~至到]\s*((?:19|20)[0-9]{2})年")


def _years_listed(text: str, start: int, end: int, n: int) -> tuple[list[int], int] | None:
    """The years a 分别 series opens with (2024年、2025年、2026年 / 2024—2026年), when there is one for each of the
    ``n`` values, and where the words after them start; else None."""
    i = start
    while i < end and text[i] in " \u3000":
        i += 1
    span = _YEAR_RANGE.match(text, i, end)
    if span:
        a, b = int(span.group(1)), int(span.group(2))
        return (list(range(a, b + 1)), span.end()) if b - a + 1 == n else None
    years: list[int] = []
    while True:
        y = _YEAR_ITEM.match(text, i, end)
        if not y:
            break
        years.append(int(y.group(1)))
        i = y.end()
        sep = re.match(r"[、和及]", text[i:end])
        if not sep or not _YEAR_ITEM.match(text, i + 1, end):
            break
        i += 1
    return (years, i) if len(years) == n and n >= 2 and years == sorted(years) else None


# Quantities written in words: a share of half (占总课时一半以上, 占…超过一半, 过半) is 50 %; a doubling (翻一番,
# 翻两番) is 2 or 4 times.  Half is a target only as a share or a bound (占 / 超过 / 以上 …): 减少一半 is a change.
_HALF_RE = re.compile(r"(?P<pre>超过|不少于|不低于|达到|至少|高于)?(?P<w>一半|半数|过半)(?P<post>(?:及|或)?以上)?")
_DOUBLING_RE = re.compile(r"(?:实现|力争|确保)?翻(?P<n>一|两|二|三)番(?P<post>(?:及|或)?以上)?")
_DOUBLINGS = {"一": 2, "两": 4, "二": 4, "三": 8}


def _worded(text: str, text_raw: str) -> list[_Found]:
    """Targets whose quantity is written in words (see ``_HALF_RE`` and ``_DOUBLING_RE``)."""
    found: list[_Found] = []
    for m in _HALF_RE.finditer(text):
        start = _clause_start(text, m.start(), _TIME_CLAUSE_STOPS)
        share = text.rfind("占", start, m.start())
        if not (m.group("pre") or m.group("post") or m.group("w") == "过半" or share != -1):
            continue
        bound = "≥" if m.group("pre") or m.group("post") or m.group("w") == "过半" else "="
        found.append(_worded_target(text, text_raw, start, share if share != -1 else m.start(), m, Decimal(50), "%",
                                    bound))
    for m in _DOUBLING_RE.finditer(text):
        start = _clause_start(text, m.start(), _TIME_CLAUSE_STOPS)
        found.append(_worded_target(text, text_raw, start, m.start(), m, Decimal(_DOUBLINGS[m.group("n")]), "倍",
                                    "≥" if m.group("post") else "="))
    return found


def _worded_target(text: str, text_raw: str, start: int, subject_end: int, m: re.Match[str], quantity: Decimal,
                   unit: str, comparator: str) -> _Found:
    lead = _LEADING.match(text, start, subject_end)
    start = lead.end() if lead else start
    modal = _MODAL_TAIL.search(text, start, subject_end)
    end = modal.start() if modal and modal.start() > start else subject_end
    return _Found(start, m.end(), m.start(), text_raw[start:end], quantity, None, unit, comparator)


class _HanMatch:
    """A numeral quantity (百分之八十, 三千万人) in the shape ``_read_quantity`` reads a digit one in."""

    def __init__(self, m: re.Match[str], percent: bool) -> None:
        self.m, self.percent = m, percent

    def group(self, name: str | int = 0) -> str | None:
        if name in ("max", "approx"):
            return None
        if name == "unit" and self.percent:
            return "%"
        return self.m.group(name)  # type: ignore[arg-type]

    def start(self, name: str | int = 0) -> int:
        return self.m.start() if name == "unit" and self.percent else self.m.start(name)

    def end(self, name: str | int = 0) -> int:
        return self.m.start("num") if name == "unit" and self.percent else self.m.end(name)


def _han_targets(text: str, text_raw: str, skip: list[tuple[int, int]]) -> list[_Found]:
    """Targets written in Chinese numerals (``ingest.hannumerals``): a share (百分之八十以上) always, another count
    only with a bound word before or after it (减少到三千万人左右, 不少于二十个), and never a lone one."""
    found: list[_Found] = []
    for regex, percent in ((HAN_PERCENT_RE, True), (HAN_QUANTITY_RE, False)):
        for m in regex.finditer(text):
            value = han_number(m.group("num"))
            if value is None or _inside(m.start(), skip):
                continue
            # 每个地市至少建设一所中等职业学校: a lower bound before the verb makes even one a figure aimed at
            at_least = _AT_LEAST_VERB.search(text, _clause_start(text, m.start()), m.start())
            if value == 1 and not percent and not at_least:
                continue
            bound = (_pre_word(text, _clause_start(text, m.start()), m.start()) or _POST_RE.match(text, m.end())
                     or at_least)
            if not (percent or bound):
                continue
            target = _read_quantity(text, text_raw, _HanMatch(m, percent))  # type: ignore[arg-type]
            if target is not None:
                found.append(dataclasses.replace(target, quantity=value, unit="%" if percent else target.unit))
    return found


def _read_quantity(text: str, text_raw: str, q: re.Match[str]) -> _Found | None:
    """One target from a quantity match, or None when the number is no target (year, attribute, no indicator)."""
    unit = q.group("unit") or ""
    unit_raw = text_raw[q.start("unit"):q.end("unit")] if unit else ""
    clause_start = _clause_start(text, q.start())
    number_end = q.end()
    ratio = _RATIO.match(text, q.end()) if not unit and "比" in text[clause_start:q.start()] else None
    if ratio:  # 车桩比达到2.2∶1: the second term is the unit, as written (not 9:00, not 附件1：2024)
        unit = unit_raw = text_raw[ratio.start():ratio.end()]
        number_end = ratio.end()
    pre = _pre_word(text, clause_start, q.start())
    note = re.compile(_BOUND_NOTE).match(text, number_end)
    post = _POST_RE.match(text, number_end) or (_POST_RE.match(text, note.end()) if note and note.end() > number_end
                                                else None)
    after = post.end() if post else number_end
    if not unit and not (pre and not _NOT_UNIT_NEXT.match(text, q.end()) and not re.match(r"[0-9.:：∶]", text[q.end():q.end() + 1])):
        return None
    frequency = _FREQUENCY_RE.search(text, clause_start, q.start()) if unit == "次" else None
    if frequency and not (pre and _COMPARATOR_OF_PRE[pre[0]] == "≥" and _YEARLY_RE.fullmatch(frequency.group())):
        return None  # 每月至少接访1次, 每年举办1次: how often; 每年开展专项行动不少于2次 is a yearly minimum, a target
    if unit == "分" and not (pre or post) or unit == "分" and re.search(r"[时点]$", text[clause_start:q.start()]):
        return None  # a score is a target only with a bound (满意度达到85分以上); 9时30分 is a time
    if unit in _DURATION_UNITS and _FREQUENCY_RE.search(text, _clause_start(text, q.start(), _SENTENCE_STOPS + "，,"),
                                                        q.start()):
        return None
    if unit in _AGE_UNITS:
        return None  # 为60周岁以上老年人开展筛查: an age saying who, not a target
    if unit in _DURATION_UNITS and _RELIEF_BEFORE.search(text, clause_start, q.start()):
        return None  # 免除3个月租金, 缓缴6个月社保费: how long a relief lasts, a support, not an aim
    if _EXCLUDED_RE.search(text, max(0, q.start() - 4), q.start()):
        return None
    if unit not in RATE_UNITS and not is_count(unit) and _ATTRIBUTE_RE.match(text, number_end):
        return None  # 年营业收入10亿元以上的企业: a size qualifying a noun, not a target
    if unit in RATE_UNITS and _DESCRIBED_MEASURE.match(text, after):
        return None  # 实施阶段性下调工伤保险费率50%的政策: the rate names the measure, it sets no aim
    if is_count(unit) and _SELF_TALLY.match(text, after):
        return None  # 明确133项具体任务，涉及34个牵头单位: the plan counting its own tasks and owners, not an aim
    attribute = _ATTRIBUTE_RE.match(text, number_end)
    if attribute and unit not in RATE_UNITS and _QUALIFIED.match(text, attribute.end()) and not _AIM_BEFORE.search(text, clause_start, q.start()):
        return None  # 在职职工总数30人（含）以下的企业暂免…: the size of those a rule is for, not an aim (培育100家以上的企业 is one)
    if (post and post.group().endswith(("以上", "以下")) and not is_count(unit) and unit not in RATE_UNITS
            and _COUNT_LATER.match(text, after)):
        return None  # 每年实施500万元以上技术改造项目1000个: the size qualifying the projects counted after it
    if _BASE_AFTER.match(text, after):
        return None  # 以1995年实招人数1445名为基数: the base a change is counted from, not an aim
    if _CONDITION_TAIL.match(text, after):
        return None  # 入围企业在3家及以上的，采取招标方式: whom a rule applies to, not an aim
    if _APPLIED_RATE.search(text, clause_start, q.start()):
        return None  # 按不低于采购金额的30%预付: the rate a payment is made at, not an aim
    if not pre and unit not in RATE_UNITS and _LISTED.search(text[max(0, q.start() - 80) : q.start()]):
        return None  # 选择北京、天津、上海…11个城市: the count of the places just named, not an aim
    if _describes(text, clause_start, q.start(), after, pre is not None):
        return None
    comparator = comparator_of(pre[0] if pre else None, post.group() if post else None, q.group("approx"))
    if comparator == "=" and _AT_LEAST_VERB.search(text, clause_start, q.start()):
        comparator = "≥"  # 每个街道至少建成1个联络站: the bound stands before the verb
    obj_end = _object_end(text, after)
    if _FRAMED_BY_YI.search(text, clause_start, q.start()) and _FRAME_TAIL.search(text, after, obj_end):
        return None  # 以全市7600多名持证残疾人为主要对象: whom the plan is about, not an aim
    subject_start = _subject_start(text, pre[1] if pre else q.start())
    verb = None if pre else _BUILD_VERB.match(text, subject_start, q.start())
    subject_start = verb.end() if verb else subject_start
    subject_end = pre[1] if pre else q.start()
    if re.search(r"(?:由|从).*[0-9]|[0-9]%", text[subject_start:subject_end]):  # 由20个工作日压减至… / 从…的30%提高至…
        subject_start = _LEADING.match(text, _clause_start(text, subject_end), subject_end).end()  # type: ignore[union-attr]
        baseline = re.search(r"由|从", text[subject_start:subject_end])
        subject_end = subject_start + baseline.start() if baseline else subject_end
    modal = _MODAL_TAIL.search(text, subject_start, subject_end)
    subject_end = modal.start() if modal and modal.start() > subject_start else subject_end  # 车桩比力争达到…
    subject = text_raw[subject_start:subject_end] if subject_start < subject_end else ""
    subject = _TRAILING_YEAR.sub("", subject) or subject  # 年交易额2027年突破200亿元: the year dates, it names nothing
    if _KIND_BOUND.match(subject):  # …规模过1000亿元的集群1个，过100亿元的集群5个: the stem the first one names
        subject = _elliptic_stem(text, text_raw, clause_start) + subject
    per_year = _PER_YEAR_RE.search(text, _clause_start(text, subject_end), subject_start)
    period = per_year.group() if per_year else ""
    # A lower bound counted per year is a minimum per year, not a total by a date: 全年/每年 before the bound in its
    # sentence (…活动，全年不少于12场; 每年服务企业不少于1000家次; 每年发布清单，组织活动不少于4场). A date of its
    # own still wins (2024年全年…不少于…).
    minimum_per_year = None
    if pre and comparator == "≥":
        minimum_per_year = _PER_YEAR_RE.search(text, _clause_start(text, clause_start, _SENTENCE_STOPS), pre[1])
        period = minimum_per_year.group() if minimum_per_year else period
    elif post and comparator == "≥":
        # 全年完成食品安全监督抽检4000批次以上 / 全年…发案数同比下降10%以上: 全年 in its own clause before a bound
        # written after the number is the same minimum per year (a bare 全年推动…200家 stays the year's total)
        minimum_per_year = _PER_YEAR_RE.search(text, clause_start, q.start())
        period = minimum_per_year.group() if minimum_per_year else period
    if (pre and not subject and clause_start > 0 and text[clause_start - 1] in "，,"
            and not (text.startswith("的", after) and obj_end > after + 1)):
        # 开展“银企对接”活动，全年不少于12场: the bound's clause names no indicator; the clause before it does
        # (逐步扩大，1998年达到2000人的规模: the noun after 的 names it, not the verb of the clause before)
        before = _clause_start(text, clause_start - 1)
        subject_start = _LEADING.match(text, before, clause_start - 1).end()  # type: ignore[union-attr]
        subject = text_raw[subject_start : clause_start - 1]
    if re.search(r"(?:权重|分值)$", subject):
        return None  # 纳入年度考核，权重不低于10%: how an assessment is weighted, no outcome aimed at
    if re.search(r"门槛$", subject):
        return None  # 投入门槛降至200万元: who may apply, a condition of support, no outcome aimed at
    if comparator == "≤" and _EACH_ITEM.search(text, clause_start, q.start()):
        return None  # 单个项目辅助设施用地不超过15亩: a cap on each project, a rule, not an aim
    places_before = not pre and text.startswith("的", after) and _LISTED.search(text[max(0, q.start() - 80) : q.start()])
    if (pre or unit in _SUBJECT_UNITS or obj_end == after) and subject and not places_before:
        start, end, indicator = subject_start, after, subject
    elif (subject and not pre and obj_end > after and MONEY_UNIT.match(unit.split("/")[0])
          and _BUILD_VERB.match(text, after)):
        # 投资3000万元建设…基地: a sum before what it is spent on; the word before it names the sum
        start, end, indicator = subject_start, obj_end, subject + text_raw[after:obj_end]
    elif obj_end > after and (unit not in RATE_UNITS or text.startswith("的", after)):  # 使80%的企业实现上云
        noun = after + 1 if text.startswith("的", after) else after  # 100个以上的应用场景
        obj_end = obj_end if unit in RATE_UNITS else _object_name_end(text, noun, obj_end)  # 80%的企业实现上云: a share
        start, end, indicator = (pre[1] if pre else q.start()), obj_end, text_raw[noun:obj_end]
    elif verb is not None:  # 其中，到2018年底完成1500万平方米: the verb is all the clause names
        start, end, indicator = verb.start(), after, text_raw[verb.start():verb.end()]
    elif (not pre and obj_end == after and is_count(unit) and q.start() > clause_start + 2
          and text[q.start() - 1] == "的" and _KIND_BEFORE.fullmatch(text, clause_start, q.start() - 1)):
        # 年营业收入超1000亿元的2个，超500亿元的5个: how many of the kind the clause names, the thing counted said
        # before (a list's lead: 一批百亿级特色产业集群)
        lead = _LEADING.match(text, clause_start, q.start() - 1)
        start, end = clause_start, after
        indicator = _kind_counted(text, text_raw, lead.end() if lead else clause_start, q.start())
    elif not pre and obj_end == after and re.fullmatch(r"(?:力争|争取|确保)(?:达到)?", text[clause_start:q.start()]):
        # 区级一般公共预算收入增长2%，力争3%: a higher figure of the indicator just named (``_continued``)
        start, end, indicator = clause_start, after, ""
    elif pre and obj_end == after and _ONLY_LEAD.fullmatch(text, _clause_start(text, pre[1], _SENTENCE_STOPS), pre[1]):
        # 到2027年，累计达到2万个以上: a later figure of the indicator named before (``_continued``), none of its own
        start, end, indicator = pre[1], after, ""
    else:
        return None
    average = bool(_YEARLY_AVERAGE.search(text, clause_start, pre[1] if pre else q.start()))
    return _Found(start, end, q.start(), indicator, to_decimal(q.group("num")) or Decimal(0),
                  to_decimal(q.group("max")) if q.group("max") else None, unit_raw, comparator, period,
                  minimum_per_year is not None, average)


# Figures that describe, in a sentence that sets no goal: a total (号牌字符共8位, 共监测了5个月), what a proposal
# comes to (项目拟投资400亿元), what was done (调查了3个村). A tally of the text's own items (（共5项）, 方面4项：A；B)
# and a line that is only a count and its noun (a list's 推广范围 cell: 8个改革试验区域) are none either.
_TOTAL_BEFORE = re.compile(r"(?:共|共计|总计|合计|总共)(?:[\u4e00-\u9fff]{1,3}了)?$|[\u4e00-\u9fff]了$")
_PROPOSED = re.compile(r"拟")
_EVENT_DATE = re.compile(r"(?:19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日(?![前以之])")  # 于2003年3月5日设立: a day, no aim
_TALLY_AFTER = re.compile(r"[：:]")
_TALLY_UNITS = ("项", "条", "个", "类", "方面")


def _describes(text: str, clause_start: int, at: int, after: int, has_pre: bool) -> bool:
    """Whether the number at ``at`` (its bound read up to ``after``) describes rather than aims (see above)."""
    sentence_start = _clause_start(text, at, _SENTENCE_STOPS)
    sentence = _EVENT_DATE.sub("", text[sentence_start : _clause_end(text, at, _SENTENCE_STOPS)])
    if _GOAL_RE.search(sentence) or re.search(r"力争|确保|争取|达到", sentence):
        return False
    before = text[clause_start:at]
    if _TOTAL_BEFORE.search(before) or _PROPOSED.search(before):
        return True
    if has_pre:
        return False
    digits = re.match(r"[0-9.]*", text[at:])
    if text.startswith(_TALLY_UNITS, at + (digits.end() if digits else 0)) and _TALLY_AFTER.match(text, after):
        return True  # 方面5项：A；B
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line = text[line_start : len(text) if line_end == -1 else line_end]
    return not text[line_start:at].strip() and not re.search(r"[，,。；;：:、]", line.strip().rstrip("。"))


# 专职保安员配备率、一键报警装置安装率均达到100%: indicators listed with 、 before 均/都 and one bound share it
_SHARED_TAIL = re.compile(r"(?<![人平年户亩])(?:均|都|全部|各)$")  # 开工、竣工各100万平方米 too
_SHARED_ITEM = re.compile(r"[^，,。；;：:、\n\t（）()]{2,30}$")


def _shared_bound(text: str, text_raw: str, f: _Found) -> list[_Found]:
    """The targets of the other indicators a 均-bound covers (A、B均达到100%): one each, with the bound, unit and
    place of the one read at the number."""
    if not _SHARED_TAIL.search(f.indicator) or f.start == 0 or text[f.start - 1] != "、":
        return []
    found: list[_Found] = []
    end = f.start - 1
    while True:
        item = _SHARED_ITEM.search(text, _clause_start(text, end), end)
        if item is None:
            break
        lead = _LEADING.match(text, item.start(), item.end())
        name = text_raw[lead.end() if lead else item.start():item.end()]
        found.append(dataclasses.replace(f, start=item.start(), indicator=name))
        if item.start() == 0 or text[item.start() - 1] != "、":
            break
        end = item.start() - 1
    return found[::-1]


# what a clause may hold before a bound that names no indicator: dates, 累计, 力争 … and the commas between them
_ONLY_LEAD = re.compile(rf"(?:[，,\s]|{_LEADING.pattern})*")


def _continued(found: list[_Found]) -> list[_Found]:
    """Bounds that name no indicator (到2027年，累计达到2万个以上) given the indicator of the figure before them in
    the same unit with the same unit of measure (建成5G基站1.2万个); dropped where there is none."""
    out: list[_Found] = []
    for f in sorted(found, key=lambda f: f.at):
        if f.indicator:
            out.append(f)
            continue
        base = f.unit.lstrip("十百千万亿")
        earlier = next((g for g in reversed(out) if g.unit.lstrip("十百千万亿") == base and g.indicator), None)
        if earlier is not None:
            out.append(dataclasses.replace(f, indicator=earlier.indicator))
    return out


def _is_baseline(text: str, q: re.Match[str]) -> bool:
    """The 'from' value of 由20个工作日压减至10个工作日 / 从2020年的30%提高至50%."""
    start = _clause_start(text, q.start())
    end = _clause_end(text, q.end())
    return bool(_BASELINE_BEFORE.search(text, start, q.start())) and bool(_CHANGE_TO.search(text, q.end(), end))


def _own_time(text: str, at: int, mentions: list[TimeMention]) -> TimeMention | None:
    """The date or period for a number at ``at``: its sentence's nearest one before it, else one later in
    its clause, else the nearest one in the unit's earlier sentences."""
    sentence_start = _clause_start(text, at, _SENTENCE_STOPS)
    before = [t for t in mentions if sentence_start <= t.start and t.end <= at]
    if before:
        return before[-1]
    clause_end = _clause_end(text, at, _TIME_CLAUSE_STOPS)
    later = [t for t in mentions if at <= t.start and t.end <= clause_end]
    if later:
        return later[0]
    # An earlier sentence's date counts unless it was a 其中 clause's own (其中，到2024年底，…): that one stays there.
    earlier = [t for t in mentions if t.end <= sentence_start and not _subordinate(text, t)]
    return earlier[-1] if earlier else None


def _subordinate(text: str, mention: TimeMention) -> bool:
    """Whether a date sits in a 其中 clause (其中，到2024年底…), which binds only its own sentence."""
    start = _clause_start(text, mention.start, _SENTENCE_STOPS)
    # 其中提出/其中提到，到2027年…: a report quoting the plan, whose date covers what follows (not a 其中 subset)
    return re.search(r"其中(?!(?:提出|提到|指出|明确|要求|规定))", text[start : mention.start]) is not None


# 实现卫浴产值150亿元以上, 完成投资200亿元以上: a size the support reader reads as who qualifies (产值…以上), which
# an aim verb before it in its clause, in a sentence granting nothing, makes a figure aimed at
_AIM_VERB = re.compile(r"(?:实现|完成|力争|确保|争取)[^，,。；;：:]{0,12}$")


def _aimed_threshold(text: str, phrase) -> bool:
    """Whether a support phrase is a threshold that is really a target (see ``_AIM_VERB``): not followed by 的 (年产值
    10亿元以上的企业 qualifies a noun) and in a sentence with no grant (对…企业给予奖励)."""
    if phrase.kind != "threshold" or text.startswith("的", phrase.end):
        return False
    sentence = text[_clause_start(text, phrase.start, _SENTENCE_STOPS):_clause_end(text, phrase.end, _SENTENCE_STOPS)]
    return not _GRANTS.search(sentence) and bool(_AIM_VERB.search(text, _clause_start(text, phrase.start), phrase.start + 1))


# a report's note mark after a term it explains: 新开发“双协员”[21]305个, 建成“一站式”服务中心[3]12个
_NOTE_MARK = re.compile(r"[\[［](?:[0-9]{1,3})[\]］]")
_QUOTED_BEFORE_MARK = re.compile(r"[“\"]([^“”\"]{1,16})[”\"]\s*$")


def _without_note_mark(text: str, start: int, indicator: str) -> str:
    """``indicator`` without a note mark; a mark alone names the quoted term it follows (“双协员”[21] → 双协员)."""
    if not _NOTE_MARK.search(indicator):
        return indicator
    bare = _NOTE_MARK.sub("", indicator).strip()
    if bare:
        return bare
    quoted = _QUOTED_BEFORE_MARK.search(text, max(0, start - 20), start)
    return quoted.group(1) if quoted else ""


# How an indicator is worked towards, not what it counts: a lead adverb (将/把 雄安新区蓝绿空间占比, 努力实现…) and
# an action verb before the thing counted (组织开展残疾人职业技能培训, 举办各类…活动, 完成开工, 建设农村公路), unless the
# verb makes a noun with what follows (建成区, 建设用地, 建设规模, 完成率, 实施项目); 新建/培育/引进 say which ones
# (新建数据中心电能利用效率, 培育企业不少于200家) and stay
_LEAD_WORDS = re.compile(
    r"(?:[0-9]{1,2}[.．、](?![0-9])|将(?![乐军来])|把(?![握关])|努力|全力|着力|逐步|积极|力争|确保|争取)*"
    r"(?:(?:组织开展|开展|举办|实施|完成|建设|建成|打造|推出|实现|推动|创建)"
    r"(?!区|用地|率|规模|面积|资金|进度|时间|周期|任务|项目|情况|成本|主体|标准|数量|水平|质量|工作|单位|内容|方案|计划|目标))?")


# …投资力争完成381亿元, …使用完成率实现100%: a verb of doing left before the figure (a comparator word is read as one)
_TAIL_VERB = re.compile(r"(?:力争|确保|争取|计划|要|将)?(?:完成|实现)$")


def _plain_indicator(indicator: str) -> str:
    """``indicator`` without the lead words of ``_LEAD_WORDS`` (and an item number a table cell keeps: 1.地区生产总值增长)
    or a verb of doing at its end (``_TAIL_VERB``), when at least two characters name the thing."""
    m = _LEAD_WORDS.match(indicator)
    rest = indicator[m.end():] if m else indicator
    indicator = rest if m and m.end() and len(rest) >= 2 else indicator
    tail = _TAIL_VERB.search(indicator)
    return indicator[: tail.start()] if tail and tail.start() >= 2 else indicator


def drop_restated(targets: list[Target], restating_paths: set[str]) -> list[Target]:
    """Targets minus those of ``restating_paths`` (a task-breakdown annex) that restate a target stated elsewhere
    with the same quantity and unit (推动规上企业上云200家 in the body and again in the table)."""
    stated = {(t.quantity, t.quantity_max, t.unit) for t in targets if t.unit_path not in restating_paths}
    return [t for t in targets
            if t.unit_path not in restating_paths or (t.quantity, t.quantity_max, t.unit) not in stated]


def extract_targets(
    text: str,
    offset: int,
    unit_path: str,
    unit_key: str,
    default_deadline: DeadlineHint | None = None,
    covering: DeadlineHint | None = None,
    year: int | None = None,
) -> list[Target]:
    """Quantified targets in ``text`` (a unit's own text starting at ``offset`` in the source).

    ``default_deadline`` is the enclosing unit's lead sentence (inferred); ``covering`` a statement that fixes
    the deadline of every target of the document (explicit); ``year`` the year the document was issued (for
    本世纪末).  A target needs Arabic digits and a unit, or a
    comparator word (PUE降至1.3以下): 超千亿 and 2020年 are not targets.
    """
    norm = normalise_digits(text)
    skip = _protected_ranges(norm) + [(p.start, p.end) for p in support_phrases(norm) if not _aimed_threshold(norm, p)]
    skip += [(m.start(), m.end()) for m in re.finditer(r"[^。；;\n]*", norm)
             if _PAST_RE.search(_AGAINST_TARGET.sub("", m.group())) or _sets_terms(m.group())
             or _reports_past_year(m.group(), year) or _estimates_outcome(m.group())]
    skip += [clause for m in re.finditer(r"[^。；;\n]+", norm) for clause in _charges(m)]
    found, used = _respectively(norm, text)
    found = [f for f in found + _worded(norm, text) if not _inside(f.at, skip)]
    skip += used
    for q in QUANTITY_RE.finditer(norm):
        if _inside(q.start(), skip) or _is_baseline(norm, q):
            continue  # 由20个工作日压减至10个: the baseline is no target
        target = _read_quantity(norm, text, q)
        if target is None:
            log.debug("no target in %s: %s", unit_path, q.group())
            continue
        found.append(target)
    found += _han_targets(norm, text, skip)
    found += [g for f in found for g in _shared_bound(norm, text, f)]
    found = _continued(found)
    found = [dataclasses.replace(f, indicator=_SHARED_TAIL.sub("", f.indicator)) if len(f.indicator) > 2 else f
             for f in found]
    mentions = time_mentions(norm, year)
    due = next((t for m in _DUE_LINE.finditer(norm) for t in time_mentions(m.group("when"), year) if t.when), None)
    targets: list[Target] = []
    for f in sorted(found, key=lambda f: f.at):
        own = _own_time(norm, f.at, mentions)
        if f.per_year and own is not None and own.when is not None and own.end <= _clause_start(norm, f.at):
            # 2026年底前上线平台，…，每年举办招聘会不少于24场: a yearly minimum keeps no date an earlier clause set
            own = None
        row = _row_due(norm, f.at, mentions)
        if own is None or own is row or (own.when is None and own.start > f.at):
            own = row or own
        own = own or due
        year_cover = (covering if covering is not None and _whole_year(covering)
                      and _covers(covering, offset + f.at, f.period) else None)
        if year_cover is not None and (own is row or own is due or (own is not None and own.period == "年内")):
            # 表中各项指标均为2025年全年目标: a row's 完成时限 says when its task is done, the figure is the year's;
            # 年内 (within the year) is the year the statement names
            own = None
        when: date | None
        if f.when is not None:
            when, period, basis, evidence = f.when, "", Basis.EXPLICIT, ""
        elif year_cover is not None and own is None and f.period == "全年" and not getattr(year_cover, "backward", False):
            # 全年实施30个以上 in a list a forward statement (表中各项指标均为…全年目标) dates: the year's minimum;
            # a statement looking back (以上指标…) leaves the yearly minima of the tasks after it undated
            when, period, basis, evidence = year_cover.when, year_cover.period, Basis.EXPLICIT, year_cover.evidence
        elif own is not None:
            when, period, basis, evidence = own.when, own.period, Basis.EXPLICIT, ""
        elif f.per_year:
            when, period, basis, evidence = None, f.period, Basis.EXPLICIT, ""
        elif covering is not None and _covers(covering, offset + f.at, f.period):
            when, period, basis, evidence = covering.when, covering.period, Basis.EXPLICIT, covering.evidence
        elif default_deadline is not None:
            when, period = default_deadline.when, default_deadline.period
            basis, evidence = Basis.INFERRED, default_deadline.evidence
        else:
            when, period, basis, evidence = None, f.period, Basis.EXPLICIT, ""
        if when is not None and year is not None and when.year < year:
            continue  # a figure for a year already over when the text was issued is a result reported, no aim
        targets.append(
            Target(
                key=f"{unit_key}.t{len(targets) + 1}",
                unit_path=unit_path,
                indicator=_plain_indicator(_without_note_mark(text, f.start, f.indicator)),
                quantity=f.quantity,
                quantity_max=f.quantity_max,
                unit=f.unit,
                comparator=f.comparator,
                deadline=when,
                text=text[f.start : f.end],
                span=Span(offset + f.start, offset + f.end),
                deadline_basis=basis,
                deadline_evidence=evidence,
                period=("年均" if f.yearly_average else "") if when else (period or ("年均" if f.yearly_average else "")),
            )
        )
    return targets
