"""Support an enterprise can get and the conditions to get it, read as data of its own (never as targets).

One function decides which phrases are support (``support_phrases``); ``extract_supports`` turns them into
``Support`` records and ``support_spans`` tells the target reader which characters to leave alone.

- payments: subsidy caps and rates (按设备投资额的10%给予补助，最高不超过500万元), fixed rewards (一次性奖励100万元),
  loan-interest subsidies (按贷款利息的50%给予贴息), tax relief (减按15%的税率, 加计扣除比例提高到100%), land
  (土地出让价款按不低于基准地价的70%确定).  A payment clause is a clause of a support sentence (one that names a
  subsidy, reward, 贴息, tax or land-price relief, or 给予) holding a money amount or a percentage *and* a word of
  payment (补助, 奖励, 最高, 单个项目, 按…的N% …); a bare 产值达到1000亿元 in such a sentence stays a target.
  A clause holding only a cap or amount (最高不超过500万元) joins the payment before it in the same sentence.
- thresholds: who qualifies (投资额1亿美元以上的项目, 对年营业收入首次突破1亿元的企业) in a support sentence, and
  a size with 以上/以下 in a clause that pays nothing (企业年营业收入2000万元以上).
- time limits: procedural limits (自受理之日起15个工作日内办结), wherever they are; a target verb before the number
  (审批周期压缩至15个工作日内) keeps it a target.
Amounts and rates are Arabic numerals (Chinese numerals are left alone).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .conditions import GENERAL_CONDITIONS, close_unit_gaps, conditions_of, validity_of
from .model import Condition, Span, Support, Unit, UnitKind
from .quantities import (
    COUNT_WORDS,
    MONEY_UNIT,
    NUMBER,
    QUANTITY_RE,
    UNIT,
    normalise_digits,
    to_decimal,
)

__all__ = [
    "SupportPhrase",
    "apply_document_validity",
    "apply_general_conditions",
    "document_validity",
    "extract_supports",
    "general_conditions",
    "kind_of",
    "support_phrases",
    "support_spans",
]

_SUPPORT_SENTENCE = re.compile(
    r"补助|补贴|资助|奖励|奖补|贴息|扶持资金|专项资金|给予|减按|免征|减征|减半|加计扣除|定额扣除|据实扣除|抵免|退税|税率|"
    r"出让(?:起始|底)?价|地价|最低价标准|价款|优惠|返还|最高|扣除(?:标准|额度)|优先(?:支持|推荐|安排)|"
    # 一次性 pays only before a payment (一次性奖励, 一次性发放); 一次性化解率 / 一次性告知 are no support
    r"一次性(?=[^，,。；;]{0,6}?(?:奖|补|资助|发放|拨付|支付|给予|兑现|扶持|贴息))|"
    # the terms of a financial product a support scheme rests on (每亩保险金额1200元, 担保费率不高于1%)
    r"保险金额|保额|贷款额度|授信额度|担保额度|担保费率"
)
# 优先支持其行政区域内1家…: a quota of beneficiaries given priority, a figure of support of no payment kind
_PRIORITY_QUOTA = re.compile(rf"优先(?:支持|推荐|安排)[^，,。；;0-9]{{0,12}}?(?P<n>{NUMBER})(?P<u>家|个|项|名)")
# The payment noun decides first (按纳税额的10%给予奖励 is a reward, 给予用地补助 a subsidy); a clause naming no
# payment is tax or land relief by its own words (减按15%的税率, 出让价款按基准地价的70%确定).
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("loan-interest", re.compile(r"贴息|贷款利息")),
    ("reward", re.compile(r"奖励|奖金|一次性奖")),
    ("subsidy", re.compile(r"补助|补贴|资助|奖补")),
    ("tax", re.compile(r"税率|减按|免征|减征|减半征收|加计扣除|定额扣除|据实扣除|扣除(?:标准|额度)|抵免|退税|即征即退|所得税|"
                        r"增值税")),
    ("land", re.compile(r"土地|用地|地价|出让(?:起始|底)?价")),
    # 按上年度实际缴纳失业保险费的60%返还: a return of premiums or fees paid is a subsidy (a tax refund is tax, above)
    ("subsidy", re.compile(r"扶持|支持|给予|资金|返还")),
)
_PAYMENT_WORD = re.compile(
    r"补助|补贴|资助|奖励|奖补|贴息|扶持|支持|给予|减按|免征|减征|加计扣除|定额扣除|据实扣除|税率|抵免|出让|地价|价款|"
    r"最高|最多|上限|封顶|不超过|不能超过|不得超过|限额|每家|每个|每户|每人|每年|每亩|单个|单家|单项|一次性(?=[^，,。；;]{0,6}?(?:奖|补|资助|发放|拨付|支付|给予|兑现|扶持|贴息))|"
    r"标准|比例|按|返还|保险金额|保额|贷款额度|授信额度|担保额度"
)
_CAP_WORD = re.compile(r"(?:最高|最多|上限|封顶|累计|每年|年度)?(?:不超过|不能超过|不得超过|不高于|最高|最多|上限为?|封顶|以内)")
# 在80000元限额内据实扣除: a limit named after its sum
_CAP_AFTER = re.compile(r"(?:的)?(?:限额|额度|上限)(?:内|以内|之内)")
_RATE_RE = re.compile(
    rf"(?:(?P<how>按照|按|以|给予|参照)(?P<bound>(?:最高)?(?:不超过|不高于)|不低于|不少于|最高)?"
    rf"(?P<base>(?:(?!按|不低于|不高于|不超过|不少于)[^，,。；;%0-9]){{1,24}}?)的?)?"
    rf"(?P<bound2>不超过|不高于|不低于|不少于|最高|提高到|提高至|减按|按)?(?P<rate>{NUMBER})(?:%|％)"
)
# 不超过符合条件个人贷款总额度的10% / 占项目总投资的比例不超过75%: a rate bounded by a word before its base
_BOUND_RATE_RE = re.compile(
    rf"(?P<bound>(?:最高)?(?:不超过|不高于|不得超过)|不低于|不少于|最高)"
    rf"(?P<base>(?:(?!不超过|不高于|不得超过|不低于|不少于|最高)[^，,。；;%0-9]){{1,24}}?)的(?P<rate>{NUMBER})(?:%|％)"
    rf"|占(?P<base2>[^，,。；;%0-9]{{1,24}}?)的?(?:比例|比重)(?P<bound2>(?:最高)?(?:不超过|不高于|不得超过)|不低于|不少于|最高|为)?"
    rf"(?P<rate2>{NUMBER})(?:%|％)"
)
# 租金50%补贴 / 担保费的50%给予补助: a cost named right before its rate
_COST_BEFORE_RATE = re.compile(r"(?P<base>(?:实际)?(?:租金|房租|场租|贷款利息|利息|保费|保险费|担保费|服务费|评估费|认证费|"
                               r"检测费|培训费|咨询费|实际支出|实际投资|投资额))的?$")
# 对担保费给予50%的补贴: a cost named as the object of the grant, right before 给予 and the rate
_GRANTED_ON = re.compile(r"对(?P<base>(?:实际)?(?:租金|房租|场租|贷款利息|利息|保费|保险费|担保费|服务费|评估费|认证费|检测费|培训费|"
                         r"咨询费|展位费|运费|物流费用?))给予$")
# 企业缴纳的增值税地方留成部分，从投产年度起5年内，分别按50%…奖励: a base the sentence opens with, a clause of its own
_OPENING_BASE = re.compile(r"^\s*(?P<base>[^，,。；;0-9]{2,30}?(?:留成部分|留存部分|地方留成|地方分成|部分|税收|税额|净收益|租金|保费))\s*$")
# 补贴标准为当地最低工资标准的70% / 提高到当地最低工资标准的110%: a rate stated as a share of a named base
_SHARE_RATE_RE = re.compile(
    rf"(?:标准为|标准是|为|提高到|提高至|调整为|调整到)(?P<base>(?:(?!为|按|提高|调整)[^，,。；;%0-9]){{2,24}}?)的"
    rf"(?P<rate>{NUMBER})(?:%|％)")
_TIME_LIMIT_RE = re.compile(
    rf"(?:(?:自|收到|于|在)[^，,。；;0-9]{{0,16}}?(?:之日起|之日|起|后))?(?:在|于)?"
    rf"(?P<n>{NUMBER})(?:[-—–~至到](?P<max>{NUMBER}))?(?P<u>个工作日|工作日|个月|年|日|天|小时)(?:内|之内|以内)"
    rf"(?P<verb>(?:向[^，,。；;]{{1,40}}?|[^，,。；;]{{0,10}}?)(?:办结|完成|作出|做出|答复|反馈|审核|审批|审查|出具|办理|拨付|"
    rf"兑现|到位|发放|受理|决定|告知|回复|公示|备案|报送|核发|颁发|支付|付款|上报|(?<!申)报(?=[市省县区州国])))"
)
# 3年内不再受理其申请 / 5年内不得申报: how long a sanction bars the applicant, no limit that serves it
_SANCTION_GAP = re.compile(r"不再|不得|不予|禁止|限制")
_TARGET_VERB_BEFORE = re.compile(r"(?:压缩至|压缩到|缩短至|缩短到|控制在|降至|降到|减少到|减少至)$")
_REFORM_GOAL = re.compile(r"实现|力争|确保|压缩|缩短|控制|提速|全面|推动|推行|达到")
_TARGET_WORD_BEFORE = re.compile(r"分别|达到|提高到|提升至|增长|压缩|缩短|控制在|降至|降到|突破|力争|确保|到(?:19|20)[0-9]{2}年")
# 公示期不少于5个工作日 / 扣除期限不能超过48个月 / 周期为1年: a procedural period or a term of support named as such,
# with its bound (a term of a payment, 贴息期限不超过2年, is a limit of its own beside the payment); a text's own period
# of validity (有效期限为3年, 执行期限, 实施期限) is no support limit (``document_validity`` reads it)
_NAMED_LIMIT_RE = re.compile(
    rf"(?:公示期|公示时间|公示(?=[0-9])|异议期|公告期|(?<!有效)(?<!执行)(?<!实施)期限|时限|年限|周期|(?:审核|审查)时间)"
    rf"(?:一般|原则上)?(?P<longest>最长|最多)?(?P<bound>为|在|不少于|不低于|不超过|不能超过|不得超过|不得少于)?"
    rf"(?P<n>{NUMBER})(?P<u>个工作日|工作日|个月|年|日|天|小时)(?:以内|之内|内|(?P<above>(?:及)?以上))?"
)
# 最长发放24个月 / 最长不超过15个工作日: a longest term with no noun before it
_LONGEST_RE = re.compile(
    rf"最长(?:不超过|不得超过)?(?:发放|补贴|资助|享受|支持|贴息|给予)?(?P<n>{NUMBER})(?P<u>个工作日|工作日|个月|年|日|天)"
)
# 留存五年 / 保存期限不少于10年: how long records are kept, a limit whatever its bound (Chinese numerals too)
_RETENTION_RE = re.compile(rf"(?:留存|保存|保管|存档)(?:期限|时间)?(?:一般|原则上)?(?:为|不少于|不低于|不得少于|至少)?"
                           rf"(?P<n>{NUMBER}|[一二三四五六七八九十两])(?P<u>年|个月)")
# 任期一般不超过两届: a limit on terms of office that a body's officers must meet
_TERMS_OF_OFFICE_RE = re.compile(rf"任期(?:一般|原则上)?(?:不超过|不得超过|不能超过)(?P<n>{NUMBER}|[一二三四五六七八九十两])(?P<u>届)")
# 年满60岁的父母: an age that qualifies, in any sentence
_AGE_RE = re.compile(rf"年满(?P<n>{NUMBER})(?P<u>周岁|岁)")
# What a body must have to qualify, in any sentence: 有50个以上的成员 / 应有10万元以上资金 (a requirement: after
# 应/须 or opening an item), 基金数额不少于210万元, 年龄一般不超过70周岁; and whom a rule applies to, a count ending a
# 的-clause (入围企业在3家及以上的，…; 为2家的，…). A sentence stating an aim (力争拥有10家以上…) holds none.
_POSSESS_RE = re.compile(
    rf"(?:(?:应当|应|须|必须|还应|需)(?:具有|具备|拥有|有)|(?:^|(?<=[。；;，,：:\n）)])|(?<=[0-9][.．、]))(?:具有|具备|拥有|有))"
    rf"(?P<num>{NUMBER})(?P<unit>{UNIT})(?:及)?以上的?", re.MULTILINE)
_FUNDS_RE = re.compile(rf"(?:资金|基金数额|注册资本|净资产|资产总额)(?:一般|原则上)?(?:不少于|不低于)(?P<num>{NUMBER})"
                       rf"(?P<unit>[十百千万亿]*元)"
                       # 应有固定的场所、5000元以上的资金: funds one must have, listed after what else one must have
                       rf"|(?<=[、，,])(?P<num2>{NUMBER})(?P<unit2>[十百千万亿]*元)(?:人民币)?(?:及)?以上的?"
                       rf"(?:活动|注册|开办)?(?:资金|资本|经费)")
_AGE_CAP_RE = re.compile(rf"年龄(?:一般|原则上)?(?:不超过|不得超过|不高于)(?P<num>{NUMBER})(?P<unit>周岁|岁)")
_COUNTS = "|".join(sorted(COUNT_WORDS, key=len, reverse=True))
_CONDITIONAL_COUNT_RE = re.compile(rf"(?:在|为|只有|仅有)(?P<num>{NUMBER})(?P<unit>{_COUNTS})(?P<post>及以上|以上|及以下|以下)?的"
                                   rf"(?=[，,])")
_AIM_WORDS = re.compile(r"力争|争取|目标|到\s*(?:19|20)[0-9]{2}年|新增|培育|建成|达到")
_AIM_OPENING = re.compile(r"\s*(?:力争|争取|目标|到\s*(?:19|20)[0-9]{2}年)")
# 签订3年以上劳动合同 / 一年期以上银行贷款: a term of a contract or loan that qualifies (in a support sentence)
_SMALL_NUMERALS = {c: i for i, c in enumerate("零一二三四五六七八九十", 0)} | {"两": 2}
_TERM_RE = re.compile(rf"(?P<n>{NUMBER}|[一二三四五六七八九十两])(?P<u>年|个月)期?(?:及)?以上的?"
                      rf"(?=[^，,。；;]{{0,6}}?(?:合同|贷款|借款|经验|经历|工龄|协议|租期))")
# 补贴面积不超过500平方米: a bound on what a payment covers, in a measure that is not money
_COVERAGE_RE = re.compile(rf"(?:享受)?(?:补贴|补助|奖励|资助|支持|租赁|租用)的?(?:面积|人数|名额|数量)(?:最高|最多)?"
                          rf"(?:不超过|不得超过|不能超过|最高|最多)(?P<n>{NUMBER})")
# 连续从事护理工作满5年: a length of service or operation that qualifies
_SERVICE_RE = re.compile(rf"(?<![未不])满(?P<n>{NUMBER})(?P<u>周年|年|个月)")  # 未满6个月: less than, no length to reach
# 具有3年以上企业工作经历 / 5年以上优秀培训业绩 / 从业经历不少于5年: experience one must have to qualify (a
# recruitment, an accreditation), in any sentence; a length of anything else (3年以上的规划期, 持续3年以上) is none
_EXPERIENCE_NOUN = r"(?:工作|从业|执业|任职|管理|教学|培训|科研|研发|实践|行业|企业)?(?:经历|经验|业绩|年限)|工龄|教龄|从业|执业"
_N_YEARS = rf"(?P<n>{NUMBER}|[一二三四五六七八九十两])(?P<u>年|个月)"
_EXPERIENCE_RES = (
    # (具有)3年以上企业工作经历, 有十年以上管理经验
    re.compile(rf"(?:(?:具有|具备|拥有|有|累计|连续)[^，,。；;0-9]{{0,6}}?)?{_N_YEARS}(?:及)?以上的?"
               rf"[^，,。；;0-9、和与及]{{0,8}}?(?:{_EXPERIENCE_NOUN})"),
    # 从业经历不少于3年, 工作经验在5年以上
    re.compile(rf"(?:{_EXPERIENCE_NOUN})(?:一般|原则上)?(?:不少于|不低于|满|达到){_N_YEARS}"),
    re.compile(rf"(?:{_EXPERIENCE_NOUN})(?:一般|原则上)?(?:在|为|达)?{_N_YEARS}(?:及)?以上"),
    # 从事相关工作5年以上
    re.compile(rf"(?:从事|从业|任职|执业)[^，,。；;0-9]{{0,12}}?{_N_YEARS}(?:及)?以上"),
)
_CONDITION_RE = re.compile(r"(?:对于|对|凡|符合条件的)(?P<c>[^，,。；;]{2,60}?)(?:，|,|给予|可)")
# 30人（含）以下, 100万元(不含)以上: a note on whether the bound itself counts stands before it
# 500万元及以下 as well as 及以上: the 及 binds either bound
_POST_RE = re.compile(r"(?:[（(](?:含|不含)[^（）()]{0,6}[）)])?(?:(?:及|或)?(?:以上|以下)|以内)")
# 经认定的技术先进型服务企业，减按…: a sentence's first clause naming who benefits
_BENEFICIARY_RE = re.compile(r"^\s*(?:经|符合|被|新|首次|获得|列入|纳入)?[^，,]{0,30}?"
                             r"(?:企业|项目|单位|机构|个人|人才|团队|平台|主体|装备|产品|中心|园区|基地|的)\s*$")
_THRESHOLD_PRE = {"超过": "≥", "突破": "≥", "达到": "≥", "不低于": "≥", "不少于": "≥", "高于": "≥", "大于": "≥",
                  "多于": "≥", "过": "≥", "达": "≥", "不超过": "≤", "低于": "≤", "不高于": "≤", "小于": "≤"}
_PRE_LONGEST_FIRST = sorted(_THRESHOLD_PRE, key=len, reverse=True)
_PAYS = re.compile(r"(?<!申请)(?<!享受)(?<!获得)(?:给予|奖励|补助|补贴|资助|贴息|奖补|拨付|安排)")  # not 申请奖励的企业
_MEASURED = re.compile(r"税|收入|营收|投资|资本|产值|销售|规模|资产|利润|人数|员工|职工")
_PAYMENT_NOUN = re.compile(r"的?(?:[一-龥]{0,4})(?:奖励|补助|补贴|资助|支持|贴息|奖补|扶持)")
_SENTENCE = re.compile(r"[^。；;！!？?\n]+")
_SHARE = re.compile(r"一方|双方|各自|分别|分摊|由[^，,]{1,6}?方按")
# 固定资产投资规模每年按10亿元安排: an investment quota, a figure of support of no payment kind
_QUOTA = re.compile(r"投资规模|投资额度|投资计划|投资总规模")
_CLAUSE = re.compile(r"[^，,。；;！!？?\n]+")


@dataclass(slots=True)
class SupportPhrase:
    """A support phrase found in a text, in the text's own coordinates, before it is tied to a unit."""

    kind: str
    start: int
    end: int
    amount: Decimal | None = None
    amount_max: Decimal | None = None
    unit: str = ""
    rate: Decimal | None = None
    rate_base: str = ""
    cap: Decimal | None = None
    comparator: str = ""
    condition: str = ""
    clauses: list[tuple[int, int]] = field(default_factory=list)


def kind_of(text: str) -> str:
    """The kind of support ``text`` names: loan-interest, tax, land, reward, subsidy, or other."""
    for kind, pattern in _KINDS:
        if pattern.search(text):
            return kind
    return "other"


def _time_limits(text: str) -> list[SupportPhrase]:
    found = []
    for m in _TIME_LIMIT_RE.finditer(text):
        if _TARGET_VERB_BEFORE.search(text, 0, m.start("n")):
            continue
        if _SANCTION_GAP.search(m.group("verb")):
            continue
        clause_start = max(text.rfind(c, 0, m.start("n")) for c in "，,。；;！!？?\n") + 1
        if not m.group().startswith(("自", "收到")) and _REFORM_GOAL.search(text, clause_start, m.start("n")):
            continue  # 实现企业开办1个工作日内办结: a reform goal (a target), not a rule applicants rely on
        tail = re.match(r"[^，,。；;！!？?\n]{0,6}(?=[，,。；;！!？?\n]|$)", text[m.end():])
        end = m.end() + (tail.end() if tail else 0)  # …内作出决定 / …内拨付到位: up to the clause end
        found.append(SupportPhrase("time-limit", m.start(), end, amount=to_decimal(m.group("n")),
                                   amount_max=to_decimal(m.group("max")) if m.group("max") else None,
                                   unit=m.group("u"), comparator="≤"))
        found += _listed_limits(text, m.start(), found[-1])
    return found


# 报告书14个工作日内、报告表7个工作日内、登记表3个工作日内完成审批: limits listed before the verb they share
_LISTED_LIMIT_RE = re.compile(rf"(?P<n>{NUMBER})(?P<u>个工作日|工作日|个月|日|天|小时)(?:内|之内|以内)、")


def _listed_limits(text: str, at: int, last: SupportPhrase) -> list[SupportPhrase]:
    """The limits joined by 、 right before the limit at ``at`` that share its verb, each a limit of its own."""
    start = max(text.rfind(c, 0, at) for c in "，,。；;！!？?\n：:") + 1
    found: list[SupportPhrase] = []
    item_start = start
    for m in _LISTED_LIMIT_RE.finditer(text, start, at):
        if _TARGET_VERB_BEFORE.search(text, 0, m.start("n")) or _REFORM_GOAL.search(text, start, m.start("n")):
            return []
        found.append(SupportPhrase("time-limit", item_start, m.end() - 1, amount=to_decimal(m.group("n")),
                                   unit=m.group("u"), comparator="≤"))
        item_start = m.end()
    # only a list that runs right up to the limit with the verb, every item a limit of the same kind of unit
    if not found or item_start > at or re.search(r"[0-9]", text[item_start:at]) or any(f.unit != last.unit for f in found):
        return []
    return found


def _numeral(n: str) -> Decimal | None:
    return Decimal(_SMALL_NUMERALS[n]) if n in _SMALL_NUMERALS else to_decimal(n)


def _named_limits(text: str) -> list[SupportPhrase]:
    found = [SupportPhrase("time-limit", m.start(), m.end(), amount=_numeral(m.group("n")), unit=m.group("u"),
                           comparator="≥") for m in _RETENTION_RE.finditer(text)]
    found += [SupportPhrase("threshold", m.start(), m.end(), amount=_numeral(m.group("n")), unit=m.group("u"),
                            comparator="≤", condition=m.group()) for m in _TERMS_OF_OFFICE_RE.finditer(text)]
    for m in _NAMED_LIMIT_RE.finditer(text):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        bound = m.group("bound") or ""
        longest = m.group("longest") or "最长" in text[max(0, m.start() - 6) : m.start()]  # 最长贴息期限为2年
        comparator = ("≥" if bound in ("不少于", "不低于", "不得少于") or m.group("above") else
                      "=" if bound in ("为", "在") and not longest and not m.group().endswith("内") else
                      "≤" if bound or longest or m.group().endswith("内") else "=")
        # 服务期限不少于5年: a minimum term in years or months is a condition the recipient meets, not a limit
        kind = "threshold" if comparator == "≥" and m.group("u") in ("年", "个月") else "time-limit"
        found.append(SupportPhrase(kind, m.start(), m.end(), amount=to_decimal(m.group("n")),
                                   unit=m.group("u"), comparator=comparator))
    for m in _LONGEST_RE.finditer(text):
        if not any(f.start <= m.start() < f.end for f in found):
            found.append(SupportPhrase("time-limit", m.start(), m.end(), amount=to_decimal(m.group("n")),
                                       unit=m.group("u"), comparator="≤"))
    return found


def _qualifying_lengths(text: str, taken: list[SupportPhrase]) -> list[SupportPhrase]:
    """Ages (年满60岁), lengths of service (实习满1年) and of experience (5年以上从业经历) that say who qualifies, and
    requirements (有50个以上的成员, 年龄一般不超过70周岁, 入围企业在3家及以上的，), in any sentence, once per sentence and figure; the support
    sentences' own thresholds (``taken``) are not read twice."""
    found: list[SupportPhrase] = []
    seen: set[tuple[int, Decimal | None, str]] = set()
    for s in _SENTENCE.finditer(text):
        aim = bool(_AIM_WORDS.search(s.group()))
        matches = [(m, "n", "u", "≥") for m in [*_AGE_RE.finditer(text, s.start(), s.end()),
                                                *_SERVICE_RE.finditer(text, s.start(), s.end())]]
        matches += [(m, "n", "u", "≤") for m in _RECENT_RE.finditer(text, s.start(), s.end())]
        if not aim:
            matches += [(m, "num", "unit", "≥") for m in _POSSESS_RE.finditer(text, s.start(), s.end())]
            matches += [(m, "num" if m.group("num") else "num2", "unit" if m.group("num") else "unit2", "≥")
                        for m in _FUNDS_RE.finditer(text, s.start(), s.end())]
            matches += [(m, "num", "unit", "≤") for m in _AGE_CAP_RE.finditer(text, s.start(), s.end())]
            matches += [(m, "num", "unit", "≥" if "以上" in (m.group("post") or "") else
                         "≤" if m.group("post") else "=") for m in _CONDITIONAL_COUNT_RE.finditer(text, s.start(), s.end())]
        # experience: an aim in its own clause or opening the sentence (力争培养具有5年以上经验的…) makes it none;
        # a long sentence's 培育一批 elsewhere does not
        matches += [(m, "n", "u", "≥") for r in _EXPERIENCE_RES for m in r.finditer(text, s.start(), s.end())
                    if not _AIM_WORDS.search(_clause_around(text, m.start(), m.end()))
                    and not _AIM_OPENING.match(s.group())]
        for m, n, u, comparator in sorted(matches, key=lambda x: x[0].start()):
            key = (s.start(), _numeral(m.group(n)), m.group(u))
            if key in seen or any(t.start <= m.start() < t.end or m.start() <= t.start < m.end()
                                  for t in [*taken, *found]):
                continue
            seen.add(key)
            found.append(SupportPhrase("threshold", m.start(), m.end(), amount=key[1], unit=m.group(u),
                                       comparator=comparator, condition=m.group()))
    return found


def _clause_around(text: str, start: int, end: int) -> str:
    a = max(text.rfind(c, 0, start) for c in "，,。；;！!？?\n") + 1
    ends = [i for i in (text.find(c, end) for c in "，,。；;！!？?\n") if i >= 0]
    return text[a : min(ends) if ends else len(text)]


def _term_threshold(text: str, clause: tuple[int, int]) -> SupportPhrase | None:
    """签订3年以上劳动合同 / 一年期以上银行贷款: from the clause's verb (or the number) to the noun it qualifies."""
    a, b = clause
    m = _TERM_RE.search(text, a, b)
    if not m:
        return None
    n = m.group("n")
    amount = _numeral(n)
    verb = re.compile(r"签订|签署|获得|取得|具有|具备|从事").search(text, a, m.start())
    start = verb.start() if verb else m.start()
    noun = re.compile(r"合同|贷款|借款|经验|经历|工龄|协议|租期").search(text, m.end(), b)
    end = noun.end() if noun else m.end()
    return SupportPhrase("threshold", start, end, amount=amount, unit=m.group("u"), comparator="≥",
                         condition=text[start:end])


def _service_threshold(text: str, clause: tuple[int, int]) -> SupportPhrase | None:
    """在养老机构连续从事护理工作满5年: from the clause's verb (or its start) to 满N年."""
    a, b = clause
    m = _SERVICE_RE.search(text, a, b)
    if not m:
        return None
    verb = re.compile(r"连续|累计|从事|工作|经营|注册|缴纳|缴费|服务|任职").search(text, a, m.start())
    start = verb.start() if verb else a
    return SupportPhrase("threshold", start, m.end(), amount=to_decimal(m.group("n")), unit=m.group("u"),
                         comparator="≥", condition=text[start : m.end()])


def _required(text: str, clause_start: int, q: re.Match[str]) -> bool:
    """A sum the applicant must reach, not one paid: 不低于/不少于 right before it (达到 and 突破 also set targets),
    what is measured (税收, 收入, 投资, 注册资本…) and no paying verb between the clause's start and it
    (上一年度在厦实际缴纳税收不低于50万元, 实缴注册资本不低于2000万元; not 给予不低于10万元的奖励, nor a budget:
    原则上每年不少于8000万元)."""
    before = text[clause_start:q.start()]
    return before.endswith(("不低于", "不少于")) and bool(_MEASURED.search(before)) and not _PAYS.search(before)


def _threshold(text: str, clause: tuple[int, int], pays: bool) -> SupportPhrase | None:
    """投资额1亿美元以上的项目 / 首次突破1亿元的企业 / (in a clause that pays nothing) 年营业收入2000万元以上."""
    a, b = clause
    for q in QUANTITY_RE.finditer(text, a, b):
        unit = q.group("unit") or ""
        if not unit:
            continue
        post = _POST_RE.match(text, q.end())
        after = post.end() if post else q.end()
        pre = next((w for w in _PRE_LONGEST_FIRST if text.startswith(w, q.start() - len(w))), None)
        if text.startswith("的", after) and _PAYMENT_NOUN.match(text, after + 1) and not post:
            continue  # 给予不超过300万元的奖励: a cap on the payment, not a condition
        if text.startswith("的标准", after) and MONEY_UNIT.match(unit):
            continue  # 按每人每月不低于2800元的标准: the floor of a sum paid (read by _payment)
        qualifies = (text.startswith("的", after) and (post or pre or q.group("max") or re.match(r"对|凡|对于", text[a:b]))
                     or MONEY_UNIT.match(unit) and _required(text, a, q))
        at_least = post is not None and "以上" in post.group() and not _TARGET_WORD_BEFORE.search(text, a, q.start())
        if not qualifies and not (at_least and not pays and unit not in ("%", "‰")):
            continue  # 年营业收入2000万元以上 qualifies; 压缩至3个工作日以内 is a target
        comparator = "≥" if post and "以上" in post.group() else "≤" if post else _THRESHOLD_PRE.get(pre or "", "=")
        start = a + (re.match(r"(?:对于|对|凡)?", text[a:b]).end())  # type: ignore[union-attr]
        end = _noun_end(text, after, b)
        return SupportPhrase("threshold", start, end, amount=to_decimal(q.group("num")),
                             amount_max=to_decimal(q.group("max")) if q.group("max") else None, unit=unit,
                             comparator=comparator, condition=text[start:end])
    return None


def _noun_end(text: str, after: int, clause_end: int) -> int:
    """End of 的项目 / 的企业 after a threshold: the clause end, or before 给予/可/，."""
    m = re.compile(r"给予|可(?:享受|申请|按)|，|,").search(text, after, clause_end)
    return m.start() if m else clause_end


# A sum per head or per measure of a thing (元/人, 元/吨, 元/平方米, 元/千瓦), not per stretch of time (元/月 stays out)
_PER_MEASURE = re.compile(r"/(?:人|吨|平方米|亩|千瓦时|千瓦|兆瓦|台|套|个|家|辆|标准箱|立方米)$")


# a clause that grants a payment of its own (并给予最高100万元奖励), not only the cap of the one before it
_NEW_GRANT = re.compile(r"给予|另|再|并|同时|此外")
_BARE_RATE = re.compile(rf"(?:按照|按|以)(?:{NUMBER})(?:%|％)")
_SHARE_OF_PAYMENT = re.compile(r"\s*其中(?![^，,。；;]*(?:给予|按照|按))")
# 每新增1000万元奖励2万元 / 每增加1亿元给予10万元: the step of a measure a sum is paid per
_PER_STEP = re.compile(r"每(?:新增|增加|增长|多|超过|超出)?$")
_LATER_SUM = re.compile(rf"[^，,。；;0-9]{{0,12}}?{NUMBER}[十百千万亿]*(?:元|美元)")


# 不低于2800元的标准: a floor before the sum of a payment standard
_FLOOR_BEFORE = re.compile(r"(?:不低于|不少于)$")
# the terms of a financial product, not a payment: 每亩保险金额1200元, 单户贷款额度最高300万元, and the size of a loan the
# applicant may take (可申请创业担保贷款最高30万元, 担保贷款最高额度为20万元, 可申请最高50万元的创业担保贷款)
_PRODUCT_TERM = re.compile(r"保险金额|保额|贷款额度|授信额度|担保额度|贷款最高额度|(?:申请|申领|发放)[^，,。；;]{0,12}?贷款")
# 给予全额贴息 / 全额补贴: the whole of the cost, a rate of 100%
_WHOLE_RATE = re.compile(r"全额(?:贴息|补贴|补助|资助|返还|奖补)")
# a cap over all the support a firm draws from the text: 享受本细则扶持资金合计不超过…, 各类奖补累计不超过…
_OVERALL_CAP = re.compile(r"(?:本(?:细则|办法|政策|措施|规定|意见|方案)|各类|各项|多项)[^，,。；;]{0,12}?(?:合计|累计|总额|总计)")
_OWN_ARTICLE = re.compile(r"本(?:条|款)(?!例)")
_SHARE_USED_FOR = re.compile(r"用于[^，,。；;]{1,30}?的(?:比例|比重)")


def _payment(text: str, clause: tuple[int, int]) -> SupportPhrase | None:
    """The amount, cap and rate a payment clause states; None when it states none or names no payment."""
    a, b = clause
    body = text[a:b]
    if not _PAYMENT_WORD.search(body):
        return None
    if _SHARE_OF_PAYMENT.match(body):
        return None  # 其中奖补资金50%待企业达产后兑现: how the payment just stated is paid out, no payment of its own
    phrase = SupportPhrase(kind_of(body) if kind_of(body) != "other" else "", a, b)
    rate = _RATE_RE.search(text, a, b)
    rate_span = (rate.start("rate"), rate.end()) if rate else (b, b)
    if rate:
        phrase.rate = to_decimal(rate.group("rate"))
        phrase.rate_base = (rate.group("base") or "").strip().removesuffix("的").removeprefix("其")
        bound = rate.group("bound") or rate.group("bound2") or ""
        phrase.comparator = "≥" if bound in ("不低于", "不少于") else "≤" if bound.startswith(("最高", "不超过", "不高于")) else ""
        bounded = _BOUND_RATE_RE.search(text, a, b)
        if not phrase.rate_base and bounded and rate.start("rate") in (bounded.start("rate"), bounded.start("rate2")):
            phrase.rate_base = (bounded.group("base") or bounded.group("base2")).strip().removeprefix("其")
            bound = bounded.group("bound") or bounded.group("bound2") or ""
            phrase.comparator = ("≥" if bound in ("不低于", "不少于") else
                                 "≤" if bound.startswith(("最高", "不超过", "不高于", "不得超过")) else "")
        if not phrase.rate_base and re.search(r"税率", text[rate.end() : b]):
            phrase.rate_base = "税率"
        if phrase.rate_base == "照":
            phrase.rate_base = ""  # 第二年按照50%给予补贴: 按照 with no base, not 按 of the base 照
        shared = _SHARE_RATE_RE.search(text, a, b)
        if not phrase.rate_base and shared and shared.start("rate") == rate.start("rate"):
            phrase.rate_base = shared.group("base").strip()  # 标准为当地同类厂房市场租金的50%: the whole base
        cost = _COST_BEFORE_RATE.search(text, a, rate.start("rate"))
        if not phrase.rate_base and cost and not rate.group("how"):
            phrase.rate_base = cost.group("base")  # 第2—3年租金50%补贴: the cost named right before the rate
        granted = _GRANTED_ON.search(text, a, rate.start("rate"))
        if not phrase.rate_base and granted:
            phrase.rate_base = granted.group("base")  # 对担保费给予50%的补贴: what the grant is on
        if phrase.kind == "tax" and _KINDS[3][1].search(phrase.rate_base) and not _KINDS[3][1].search(
                body.replace(phrase.rate_base, "")):
            phrase.kind = ""  # 按企业所得税县级留存部分的50%，由县财政补助: a tax names the base, the payment decides
        phrase.rate_base = re.sub(r"^第[一二三四五六七八九十0-9—\-~至到]{1,5}年", "", phrase.rate_base)  # 第二年租金: 租金
        if re.fullmatch(r"(?:年化|每年|年)", phrase.rate_base):
            phrase.rate_base = ""  # 给予年化2%的贴息: how often, not what the rate is of
    elif _WHOLE_RATE.search(body) and not QUANTITY_RE.search(text, a, b):
        whole = _WHOLE_RATE.search(body)  # 财政按规定给予全额贴息: the whole interest borne, 100%
        phrase.rate = Decimal(100)
        rate_span = (a + whole.start(), a + whole.end())
    elif kind_of(body) == "loan-interest":
        points = re.search(rf"(?P<rate>{NUMBER})个百分点", body)
        if points and _CAP_WORD.search(body[max(0, points.start() - 8) : points.start()]):
            # 年化贴息率最高不超过1.5个百分点: the most of interest borne, a cap on the rate, not the rate paid
            phrase.cap, phrase.unit, phrase.comparator = to_decimal(points.group("rate")), "个百分点", "≤"
            rate_span = (a + points.start(), a + points.end())
        elif points:  # 贴息标准为每年1.5个百分点: a rate of interest borne, in points
            phrase.rate = to_decimal(points.group("rate"))
            rate_span = (a + points.start(), a + points.end())
    for q in QUANTITY_RE.finditer(text, a, b):
        unit = _money_unit(text, q, b)
        if rate_span[0] <= q.start() < rate_span[1] or not unit:
            continue  # a sum per head or per measure (按500元/人的标准, 按350元/吨) is a sum of money too
        post = _POST_RE.match(text, q.end())
        standard = text.startswith("的标准", q.end()) and _FLOOR_BEFORE.search(text, a, q.start())
        if standard:  # 补贴按每人每月不低于2800元的标准落实: the floor of the sum paid, not who qualifies
            phrase.comparator = "≥"
        elif text.startswith("的部分", q.end()):
            continue  # 年应纳税所得额不超过300万元的部分: the part of a base the relief applies to, read by _threshold
        elif post and text.startswith("的", post.end()) or text.startswith("的", q.end()) and (
                _threshold_word_before(text, a, q.start()) or q.group("max")
                and not (_PAYMENT_NOUN.match(text, q.end() + 1) and _PAYS.search(text, a, q.start()))
        ) or _required(text, a, q):
            continue  # a threshold (…1亿元以上的项目, 首次超过1000万元的企业, 缴纳税收不低于50万元), read by _threshold
        if _PER_STEP.search(text, max(a, q.start() - 6), q.start()) and _LATER_SUM.match(text, q.end()):
            continue  # 产值每新增1000万元奖励2万元: the step the sum is paid per, not the sum
        phrase.unit = phrase.unit or unit
        if (_CAP_WORD.search(text, a, q.start()) and _CAP_WORD.search(text[a : q.start()][-8:] or " ")
                or _CAP_AFTER.match(text, q.end())):
            phrase.cap = phrase.cap if phrase.cap is not None else to_decimal(q.group("num"))
        elif phrase.amount is None:
            phrase.amount = to_decimal(q.group("num"))
            phrase.amount_max = to_decimal(q.group("max")) if q.group("max") else None
    if phrase.rate is None and phrase.amount is None and phrase.cap is None:
        return None
    if _PRODUCT_TERM.search(body) and not _PAYS.search(body):
        phrase.kind = "other"  # 每亩保险金额1200元, 单户贷款额度最高300万元: the product's terms, not a payment
    elif (phrase.cap is not None and phrase.amount is None and phrase.rate is None and _OVERALL_CAP.search(body)
          and not _OWN_ARTICLE.search(body)):
        # 单个企业年度享受本细则扶持资金合计不超过500万元: a cap over every support of the text; 本条各项补助合计…
        # bounds the one article's payments, which keep their kind
        phrase.kind = "other"
    elif phrase.rate is not None and phrase.comparator == "≥" and _SHARE_USED_FOR.search(body):
        phrase.kind = "other"  # 净收入用于奖励科研人员的比例不低于70%: a floor on how a sum is shared, no payment made
    return phrase


def _threshold_word_before(text: str, clause_start: int, at: int) -> bool:
    """超过/突破/大于… right before a number: with a following 的 it names who qualifies (not 不超过, a cap)."""
    word = next((w for w in _PRE_LONGEST_FIRST if text.startswith(w, at - len(w)) and at - len(w) >= clause_start), "")
    return _THRESHOLD_PRE.get(word) == "≥"


# 第一年每月1200元、第二年每月1000元: sums graded by the year of support
_YEAR_TIER = re.compile(r"第[一二三四五六七八九十0-9]{1,2}年")


def _money_unit(text: str, q: re.Match[str], end: int) -> str:
    """The money unit of a sum: its own (万元, 元/人), or for a bare magnitude in a list of sums (2万/5万/10万元,
    3万、5万元) the unit the list's last sum spells out; "" when it is no sum of money."""
    unit = q.group("unit") or ""
    if MONEY_UNIT.match(_PER_MEASURE.sub("", unit)):
        return unit
    if unit and re.fullmatch(r"[十百千万亿]+", unit) and re.match(r"[/、]", text[q.end():q.end() + 1]):
        listed = re.match(rf"(?:[/、]{NUMBER}[十百千万亿]*)*?[/、]{NUMBER}(?P<u>{re.escape(unit)}(?:元|美元))",
                          text[q.end():end])
        if listed:
            return listed.group("u")
    return ""


def _graded(text: str, payment: SupportPhrase) -> list[Decimal]:
    """The further amounts of a 分别给予A、B、C clause, or of sums graded by year (第一年…1200元、第二年…1000元), the
    first staying on ``payment``."""
    body = text[payment.start : payment.end]
    if not ("分别" in body or len(_YEAR_TIER.findall(body)) >= 2) or payment.amount is None:
        return []
    amounts = [to_decimal(q.group("num")) for q in QUANTITY_RE.finditer(text, payment.start, payment.end)
               if _money_unit(text, q, payment.end) and not q.group("max")
               and not _CAP_WORD.search(text[max(payment.start, q.start() - 8):q.start()])]
    return [a for a in amounts[1:] if a is not None]


# 按初级工1000元、中级工1500元、高级工2000元的标准: the label of the next grade between two sums of a list (no payment,
# bound or threshold word in it: 给予10万元、对…给予 is a second grant, 1000万元、5000万元以上的 a threshold)
_GRADE_LABEL = re.compile(r"、(?![^0-9]*?(?:给予|按|奖|补|资助|以上|以下|超过|达到|突破|不低于|不少于|最高|不超过|的))"
                          r"[^，,。；;0-9%％、]{1,12}")


def _labelled(text: str, payment: SupportPhrase) -> list[Decimal]:
    """The further sums of a list of labelled grades in one payment clause (初级工1000元、中级工1500元、高级工2000元;
    五级/初级1200元/人、四级/中级1600元/人), the first staying on ``payment``: each sum after the first follows a
    label of its own."""
    sums = [q for q in QUANTITY_RE.finditer(text, payment.start, payment.end)
            if _money_unit(text, q, payment.end) and not q.group("max")]
    if len(sums) < 2 or payment.amount is None or to_decimal(sums[0].group("num")) != payment.amount:
        return []
    grades = []
    for prev, q in zip(sums, sums[1:]):
        if not _GRADE_LABEL.fullmatch(text, prev.end(), q.start()) or _POST_RE.match(text, q.end()) or (
                text.startswith("的", q.end()) and not text.startswith("的标准", q.end())):
            break
        grades.append(to_decimal(q.group("num")))
    return [g for g in grades if g is not None]


def _graded_rates(text: str, payment: SupportPhrase) -> list[Decimal]:
    """The further rates of a 分别按50%、40%、30% clause (the first stays on ``payment``)."""
    if payment.rate is None or payment.amount is not None or "分别" not in text[payment.start : payment.end]:
        return []
    listed = re.search(rf"{NUMBER}(?:%|％)(?P<more>(?:[、，,和及]{NUMBER}(?:%|％))+)", text[payment.start : payment.end])
    return [d for d in (to_decimal(r) for r in re.findall(NUMBER, listed.group("more")))] if listed else []


def _merge(into: SupportPhrase, part: SupportPhrase) -> None:
    into.end = part.end
    into.amount = into.amount if into.amount is not None else part.amount
    into.amount_max = into.amount_max if into.amount_max is not None else part.amount_max
    into.cap = into.cap if into.cap is not None else part.cap
    into.rate = into.rate if into.rate is not None else part.rate
    into.rate_base = into.rate_base or part.rate_base
    into.unit = into.unit or part.unit
    into.comparator = into.comparator or part.comparator


# 裁员率不高于参保职工总数的20% (what the applicant must meet) / 担保费率原则上不高于1% (a term of the product the
# support rests on): a ratio bounded in a clause that pays nothing
_RATIO_BOUND = re.compile(
    rf"(?P<what>[\u4e00-\u9fff]{{0,8}}率)(?:原则上|一般|均)?(?P<bound>不高于|不超过|不得超过|低于|不低于|不少于|不得低于|高于)"
    rf"(?:(?P<base>[^，,。；;0-9%]{{1,16}}?)的?)?(?P<n>{NUMBER})(?:%|％)")  # 不高于参保职工总数20%: 的 may be left out
_PRICE_RATE = re.compile(r"(?:费率|利率)$")
_PAID_RATE = re.compile(r"补|奖|贴息|资助|返还|^率$")


def _ratio_bound(text: str, clause: tuple[int, int]) -> SupportPhrase | None:
    m = _RATIO_BOUND.search(text, *clause)
    # an aim before the ratio (力争…率不低于90%) sets a target; 目标 inside its base (不高于…失业率控制目标5.5%) does not
    if m is None or _PAID_RATE.search(m.group("what")) or _AIM_WORDS.search(text, clause[0], m.start()):
        return None  # 补贴率不超过30%: the rate of a payment, read by _payment
    comparator = "≤" if m.group("bound") in ("不高于", "不超过", "不得超过", "低于") else "≥"
    if _PRICE_RATE.search(m.group("what")):
        return SupportPhrase("other", m.start(), m.end(), rate=to_decimal(m.group("n")),
                             rate_base=(m.group("base") or "").strip(), comparator=comparator)
    what = m.group("what")  # 下的参保企业裁员率 / 未裁员或裁员率: the rate's own name starts after 的, 或, 且 …
    start = m.start() + max(what.rfind(c) for c in "的或且及和、") + 1
    return SupportPhrase("threshold", start, m.end(), amount=to_decimal(m.group("n")), unit="%",
                         comparator=comparator, condition=text[start:m.end()])


# 设备投资同比增长20%以上且增量超过1000万元的: two bounds joined by 且 in one clause naming who qualifies
_JOINED_BOUND = re.compile(rf"(?P<n>{NUMBER})(?P<u>%|％|[十百千万亿]*元|[十百千万亿]*(?:人|名|家|亩|平方米|吨))"
                           rf"(?P<post>(?:及|或)?(?:以上|以下))(?=且|并且|、且)")
# 研发费用在200万元以上且较前一年度增长15%以上的: the bound right after 且, when the clause's reader took the first
# and 单座占地面积1亩以上、集中连片10座以上的: two sizes of one thing listed with 、, each bound by its own 以上
_AFTER_JOIN = re.compile(rf"(?:且|并且|(?<=以上)、|(?<=以下)、)[^，,。；;0-9、]{{0,12}}?(?P<n>{NUMBER})"
                         rf"(?P<u>%|％|[十百千万亿]*元|[十百千万亿]*(?:人|名|家|亩|平方米|吨|座|头|台|套|户))"
                         rf"(?P<post>(?:及|或)?(?:以上|以下))")


def _joined_thresholds(text: str, clause: tuple[int, int], found: SupportPhrase) -> list[SupportPhrase]:
    """The bounds joined by 且 in a clause beside the one ``found`` reads (each a threshold of its own): those before
    且, and the one right after it (the clause's reader takes the first bound of 200万元以上且…增长15%以上)."""
    extra = []
    bounds = {m.start("n"): m for m in [*_JOINED_BOUND.finditer(text, clause[0], clause[1]),
                                         *_AFTER_JOIN.finditer(text, clause[0], clause[1])]}
    for _, m in sorted(bounds.items()):
        amount = to_decimal(m.group("n"))
        if amount == found.amount and m.group("u") == found.unit:
            continue
        start = found.start
        extra.append(SupportPhrase("threshold", start, m.end(), amount=amount, unit=m.group("u").replace("％", "%"),
                                   comparator="≥" if "以上" in m.group("post") else "≤", condition=text[start:m.end()]))
    return extra


# 年主营业务收入首次突破1亿元、5亿元、10亿元的企业: tiers of one measure, each a threshold with the bound before them
_TIER_UNIT = r"[十百千万亿]*(?:元|美元|人|名|家|亩|平方米|吨|件|项)"
_TIERS = re.compile(rf"(?P<pre>首次突破|突破|首次超过|超过|达到|不低于|不少于)?(?P<list>{NUMBER}{_TIER_UNIT}?"
                    rf"(?:、{NUMBER}{_TIER_UNIT}?)+)(?P<post>(?:及|或)?以上)?的")


def _tiered_thresholds(text: str, clause: tuple[int, int]) -> list[SupportPhrase]:
    m = _TIERS.search(text, *clause)
    if m is None:
        return []
    items = list(re.finditer(rf"(?P<n>{NUMBER})(?P<u>{_TIER_UNIT})?", m.group("list")))
    unit = items[-1].group("u") or ""
    base = unit.lstrip("十百千万亿")
    if not unit or any(i.group("u") and i.group("u").lstrip("十百千万亿") != base for i in items):
        return []  # 5000万元、1亿元、5亿元: one measure; a list of mixed things is no tier
    comparator = "≥" if m.group("pre") or m.group("post") else "="
    start = clause[0] + len(re.match(r"\s*(?:对于|对|凡)?", text[clause[0]:clause[1]]).group())
    end = _noun_end(text, m.end(), clause[1])
    return [SupportPhrase("threshold", start, end, amount=to_decimal(i.group("n")), unit=i.group("u") or unit,
                          comparator=comparator, condition=text[start:end]) for i in items]


def _sentence_phrases(text: str, a: int, b: int) -> list[SupportPhrase]:
    """The payments and thresholds of one support sentence, joined where a clause only adds a cap or a term."""
    sentence_kind = kind_of(text[a:b])
    condition = _CONDITION_RE.search(text, a, b)
    phrases: list[SupportPhrase] = []
    last: SupportPhrase | None = None
    graded_group: list[SupportPhrase] = []  # the payments one 分别… clause grades, which a cap after them bounds alike
    for c in _CLAUSE.finditer(text, a, b):
        clause = (c.start(), c.end())
        ratio = _ratio_bound(text, clause)
        payment = _payment(text, clause) if ratio is None else None  # 担保费率不超过1%: no payment at 1%
        threshold = (_threshold(text, clause, payment is not None) or _service_threshold(text, clause)
                     or _term_threshold(text, clause))
        tiers = _tiered_thresholds(text, clause) if threshold is not None else []
        if tiers:
            phrases += tiers
        elif threshold is not None:
            phrases += _joined_thresholds(text, clause, threshold)
            phrases.append(threshold)
            if (ratio is not None and ratio.kind == "threshold" and threshold.unit not in ("%", "％")
                    and (ratio.start > threshold.start or ratio.end <= threshold.start)):
                # 30人（含）以下的参保企业裁员率不高于参保职工总数20%的: the size it is for and the bound it must meet
                phrases.append(ratio)
        elif ratio is not None:
            phrases.append(ratio)
        if payment is None and last is not None and last.amount is not None and _YEAR_TIER.match(c.group().strip()):
            q = next((q for q in QUANTITY_RE.finditer(text, *clause) if _money_unit(text, q, clause[1])), None)
            if q is not None:  # 第一年按18元/平方米/月，第二年15元/平方米/月: the next year's sum of the same payment
                phrases.append(SupportPhrase(last.kind, c.start(), c.end(), amount=to_decimal(q.group("num")),
                                             unit=_money_unit(text, q, clause[1]), condition=last.condition))
                last = phrases[-1]
                continue
        if payment is None:
            quota = _PRIORITY_QUOTA.search(text, *clause)
            if quota:
                phrases.append(SupportPhrase("other", quota.start(), clause[1], amount=to_decimal(quota.group("n")),
                                             unit=quota.group("u")))
            coverage = _COVERAGE_RE.search(text, *clause)
            q = QUANTITY_RE.match(text, coverage.start("n")) if coverage else None
            if coverage and q and q.group("unit") and not MONEY_UNIT.match(q.group("unit")):
                phrases.append(SupportPhrase("other", coverage.start(), q.end(), amount=to_decimal(q.group("num")),
                                             unit=q.group("unit"), comparator="≤"))
            continue
        cap_only = payment.rate is None and payment.amount is None
        if (last is not None and not payment.kind and cap_only and last.cap is not None and last.amount is None
                and last.rate is None and last.kind != "threshold"):
            # 可申请创业担保贷款最高30万元，小微企业最高400万元 / A类人才最高500万元，B类人才最高200万元: a second
            # bound of its own, which merging would drop (the first cap stays), kept as its own phrase of the same kind
            payment.kind, payment.condition = last.kind, ""
            phrases.append(payment)
            last, graded_group = payment, []
            continue
        if last is not None and (not payment.kind or (cap_only and last.cap is None and (
                payment.kind == last.kind or not _NEW_GRANT.search(c.group())))):
            _merge(last, payment)  # …给予补助，单个项目奖励金额最高50万元: the cap of the payment before it
            if cap_only and any(p is last for p in graded_group):
                for p in graded_group:  # 分别按照…的1.5%、1.8%、2%，最高给予100万元: the cap of every grade
                    if p.cap is None and p is not last:
                        p.cap, p.end = last.cap, last.end
                        p.unit = p.unit or last.unit
            continue
        if (payment.rate is not None and not payment.rate_base and last is not None and last.rate_base
                and last.kind != "threshold" and _BARE_RATE.search(c.group())):
            payment.rate_base = last.rate_base  # 大型企业按…失业保险费的30%返还，中小微企业按60%返还: the same base
        opening = _CLAUSE.search(text, a, b)
        if (payment.rate is not None and not payment.rate_base and opening is not None and opening.start() < c.start()
                and _OPENING_BASE.match(opening.group())):
            payment.rate_base = _OPENING_BASE.match(opening.group()).group("base").strip()
        payment.kind = payment.kind or ("other" if _QUOTA.search(c.group()) else sentence_kind)
        if payment.rate is not None and payment.rate_base.endswith("标准") and _SHARE.search(c.group()):
            continue  # 由其中一方按扣除标准的100%扣除: how one support is split between claimants, no support of its own
        graded = _graded(text, payment) or _labelled(text, payment)
        qualifying = [p for p in phrases if p.kind == "threshold" and p.end <= payment.start + 1]
        if qualifying:
            payment.condition = qualifying[-1].condition
        elif condition and condition.end() <= payment.end:
            payment.condition = condition.group("c").strip()
        phrases.append(payment)
        for amount in graded:  # 分别给予100万元、50万元奖励: one payment per amount, same kind and condition
            phrases.append(SupportPhrase(payment.kind, payment.start, payment.end, amount=amount, unit=payment.unit,
                                         condition=payment.condition))
        rates = _graded_rates(text, payment)
        for rate in rates:  # 分别按50%、40%、30%…奖励: one payment per rate, same base
            phrases.append(SupportPhrase(payment.kind, payment.start, payment.end, rate=rate,
                                         rate_base=payment.rate_base, condition=payment.condition))
        graded_group = [payment, *phrases[len(phrases) - len(graded) - len(rates):]] if graded or rates else []
        last = phrases[-1]
    first = _CLAUSE.search(text, a, b)
    beneficiary = (first.group().strip() if first and _BENEFICIARY_RE.search(first.group()) and not
                   re.search(r"[0-9]", first.group()) else "")
    for p in phrases:
        if p.kind == "threshold" or p.condition:
            continue
        if condition and condition.start() < p.start:
            p.condition = condition.group("c").strip()
        elif beneficiary and first and first.end() <= p.start:
            p.condition = beneficiary
    return phrases


# 自入园之日起两年内按…给予补贴: the window a support runs for, counted from the applicant's own event (not the
# text's: 自印发之日起 is its validity); a window of an obligation to pay back (…3年内转让的，应当退回) is none
_SINCE_WITHIN = re.compile(rf"自(?!本)(?P<event>[^，,。；;0-9]{{1,12}}?)之日起(?P<n>{NUMBER}|[一二三四五六七八九十两])"
                           rf"(?P<u>个月|年)(?:内|之内|以内)")
_CLAWBACK = re.compile(r"退回|追回|收回|返还已|取消")
_OWN_VALIDITY_EVENT = re.compile(r"^(?:[^，,。；;]{0,6}(?:印发|发布|公布|施行|实施|颁布|下发))$")


def _support_periods(text: str) -> list[SupportPhrase]:
    found = []
    for s in _SENTENCE.finditer(text):
        if not (_SUPPORT_SENTENCE.search(s.group()) or re.search(r"资金|补助|补贴|奖励", s.group())):
            continue
        if _CLAWBACK.search(s.group()):
            continue  # 自资金拨付之日起3年内转让设备的，应当退回: an obligation's window, no term of what is paid
        for m in _SINCE_WITHIN.finditer(text, s.start(), s.end()):
            if _OWN_VALIDITY_EVENT.match(m.group("event")):
                continue
            found.append(SupportPhrase("time-limit", m.start(), m.end(), amount=_numeral(m.group("n")),
                                       unit=m.group("u"), comparator="≤"))
    return found


# 上年度主营业务收入在1000万元以上 / 购置额在300万元以上: a size an applicant's income or investment must reach, in
# a list of conditions as much as in a support sentence; a sentence that aims (力争, 到2025年, 达到, 突破 …) sets
# targets instead. A loan's size (单笔金额不低于500万元) is left to the calculator's own reading of the unit's text
# (search.match money_bounds), which a threshold record over the same words would stand in for unread.
_MEASURED_SIZE = re.compile(
    rf"(?P<what>(?:营业|主营业务|销售|经营)?收入|营收|购置额|投资额|投资|产值|纳税额|税收|注册资本|资产总额|净资产)"
    rf"(?P<pre>在|不低于|不少于|为)?(?P<num>{NUMBER})(?P<unit>[十百千万亿]*(?:元|美元))"
    rf"(?P<post>(?:[（(](?:含|不含)[^（）()]{{0,6}}[）)])?(?:(?:及|或)?以上|以下))?")
# a sentence opening with those it is for: 参保职工30人（含）以下的企业，…
_CONDITION_SENTENCE = re.compile(r"\s*(?:对|凡|对于)?[^，,。；;]{2,40}?的(?:企业|项目|单位|个人|主体|人员|机构)[，,]")
_AIM_SENTENCE = re.compile(r"力争|争取|确保|目标|到\s*(?:19|20)[0-9]{2}年|达到|突破|增长|提高|培育|新增|累计")


def _measured_sizes(text: str) -> list[SupportPhrase]:
    found = []
    for s in _SENTENCE.finditer(text):
        if _AIM_SENTENCE.search(s.group()):
            continue
        for m in _MEASURED_SIZE.finditer(text, s.start(), s.end()):
            pre, post = m.group("pre") or "", m.group("post") or ""
            if not (pre in ("不低于", "不少于") or post):
                continue  # 投资额1000万元: a sum, no bound
            comparator = "≤" if post.endswith("以下") else "≥"
            start = max(s.start(), m.start() - 3) if text[max(s.start(), m.start() - 3):m.start()] == "上年度" else m.start()
            found.append(SupportPhrase("threshold", start, m.end(), amount=to_decimal(m.group("num")),
                                       unit=m.group("unit"), comparator=comparator, condition=text[start:m.end()]))
    return found


# 毕业2年内的高校毕业生 / 离校2年内: how recent a person's status must be to qualify
_RECENT_RE = re.compile(rf"(?:毕业|离校|退役|退出现役|刑满释放)(?P<n>{NUMBER}|[一二三四五六七八九十两])(?P<u>年|个月)(?:内|以内|之内)")


def support_phrases(text: str) -> list[SupportPhrase]:
    """Every support phrase of ``text`` (digits normalised, a figure's spaces before its unit closed), in order:
    payments, thresholds and time limits."""
    text = close_unit_gaps(normalise_digits(text))
    phrases = _time_limits(text)
    phrases += [p for p in _named_limits(text) if not any(t.start <= p.start < t.end for t in phrases)]
    sentences = list(_SENTENCE.finditer(text))
    pays = any(_SUPPORT_SENTENCE.search(s.group()) for s in sentences)
    for s in sentences:
        if _SUPPORT_SENTENCE.search(s.group()):
            own = _sentence_phrases(text, s.start(), s.end())
        elif pays and _CONDITION_SENTENCE.match(s.group()) and not _AIM_SENTENCE.search(s.group()):
            # 参保职工30人（含）以下的企业，裁员率不高于参保职工总数的20%: a sentence beside a payment that only says
            # on what terms other applicants qualify; its bounds are thresholds, nothing in it is paid
            own = [p for p in _sentence_phrases(text, s.start(), s.end()) if p.kind in ("threshold", "other")
                   and p.rate is None or p.kind == "other" and p.rate is not None]
        else:
            continue
        for p in own:
            if not any(t.start <= p.start < t.end for t in phrases if t.kind == "time-limit"):
                phrases.append(p)
    phrases += [p for p in _support_periods(text)
                if not any(t.start <= p.start < t.end for t in phrases if t.kind == "time-limit")]
    phrases += _qualifying_lengths(text, phrases)
    phrases += [p for p in _measured_sizes(text) if not any(t.start <= p.start < t.end or p.start <= t.start < p.end
                                                            for t in phrases)]
    for p in phrases:  # trim whitespace the clause split leaves at the edges
        while p.start < p.end and text[p.start].isspace():
            p.start += 1
        while p.end > p.start and text[p.end - 1].isspace():
            p.end -= 1
    return sorted(phrases, key=lambda p: (p.start, p.end))


def support_spans(text: str) -> list[Span]:
    """The ``[start, end)`` ranges of ``text`` that are support, which the target reader must skip."""
    return [Span(p.start, p.end) for p in support_phrases(text)]


# a sum reported as not yet paid out (仍有2100万元未拨付, 尚有300万元资金未兑现): a finding of a review, no offer
_UNPAID_SUM = re.compile(rf"{NUMBER}[十百千万亿]*元(?:资金|补贴|奖补|补助)?(?:尚|仍|还|均)?未(?:拨付|兑现|兑付|发放|到位|支付|下达)")


def extract_supports(text: str, offset: int, unit_path: str, unit_key: str,
                     issued: date | None = None) -> list[Support]:
    """Support records of a unit's own ``text`` (starting at ``offset`` in the source), each with the
    eligibility conditions of its sentence (else of the whole unit) and the period its sentence states."""
    supports: list[Support] = []
    if _REVIEW_HEADING.match(text):
        return supports  # 一、2023年工作回顾: what was paid out is reported under it, no support is offered
    unit_conditions = conditions_of(text, offset)
    unit_period = _unit_period(text, offset, issued)  # the article's or item's own period, for each of its supports
    for p in support_phrases(text):
        p.end = _whole_end(text, p.end)
        sentence = _sentence_around(text, p.start, p.end)
        if _reports_past(text[sentence[0]:sentence[1]], issued):
            continue  # 2023年我局统筹补助资金1.2亿元 in a reply of 2024: money spent, reported, no support offered
        if _UNPAID_SUM.search(text, p.start, min(len(text), p.end + 8)):
            continue  # 保费补贴仍有2100万元未拨付 in an inspection's findings: money owed, reported, no support offered
        # the sentence's own conditions, read from it alone: the unit's list keeps a condition once, where it is
        # first written, so a second sentence naming it again (吸纳高校毕业生…；吸纳应届高校毕业生…) would look bare
        own = conditions_of(text[sentence[0]:sentence[1]], offset + sentence[0])
        validity = validity_of(text[sentence[0]:sentence[1]], issued, offset + sentence[0]) or unit_period
        supports.append(Support(
            key=f"{unit_key}.s{len(supports) + 1}", unit_path=unit_path, kind=p.kind, text=text[p.start : p.end],
            span=Span(offset + p.start, offset + p.end), amount=p.amount, amount_max=p.amount_max, unit=p.unit,
            rate=p.rate, rate_base=p.rate_base, cap=p.cap, comparator=p.comparator, condition=p.condition,
            conditions=own or [c for c in unit_conditions if c.span.start < offset + sentence[1]],  # not a later sentence's
            valid_from=validity.valid_from if validity else None,
            valid_until=validity.valid_until if validity else None,
            validity_text=validity.text if validity else "", validity_span=validity.span if validity else None,
        ))
    return _own_tiers(supports)


def _own_tiers(supports: list[Support]) -> list[Support]:
    """A support whose own words name the firm sizes it is for (大型企业按…的30%返还，中小微企业按60%返还) keeps
    those sizes only, not the other tiers its sentence names for the supports beside it."""
    for s in supports:
        own = [c for c in s.conditions if c.field == "size" and s.span.start <= c.span.start and c.span.end <= s.span.end]
        if own:
            s.conditions = [c for c in s.conditions if c.field != "size" or c in own]
    return supports


# a sentence opening with a year (after its number, 其中, or 在…方面，): 2023年，全市…; 在良种繁育方面，2023年我局…
_OPENING_YEAR = re.compile(r"\s*(?:[0-9]+[.．、]|其中[，,]?|在[^，,。；;0-9]{1,20}方面[，,])?\s*(?P<y>(?:19|20)[0-9]{2})年"
                           r"(?!起|以来|开始|前|底|末|内|以后|之后|[0-9]|至|到|[—–\-~])")
_PAST_AIM = re.compile(r"力争|确保|争取|目标|计划|预计|预期|将|要|到\s*(?:19|20)[0-9]{2}年|可|按|应|对")


# a heading over what was done: 2023年工作回顾, 过去五年工作回顾, 主要目标完成情况, 工作成效
_REVIEW_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[）)])?\s*[^\n。；]{0,16}"
                             r"(?:工作回顾|回顾|完成情况|主要成效|工作成效|取得的成效|工作总结)\s*(?:\n|$)")


def _reports_past(sentence: str, issued: date | None) -> bool:
    """A sentence that opens with a year already over when the text was issued and neither aims nor sets a rule
    (no 将, 要, 可, 按, 对 …): it reports what was done."""
    m = _OPENING_YEAR.match(sentence)
    return bool(m and issued is not None and int(m.group("y")) < issued.year and not _PAST_AIM.search(sentence))


def _whole_end(text: str, end: int) -> int:
    """The end of a phrase in the text as written, where close_unit_gaps moved a unit or a bound before the spaces
    or the note that stood before it (给予 100 万元: the phrase ends after 元, not after 万; 1000万元(人民币,下同)及以上:
    after 以上, not inside the brackets)."""
    while end < len(text) and text[end - 1] in "万亿千百" and text[end] in "元美":
        end += 1
    head = text[:end]
    opened = head.rfind("(") if head.rfind("(") > head.rfind("（") else head.rfind("（")
    if opened >= 0 and ")" not in head[opened:] and "）" not in head[opened:]:
        m = re.match(r"[^()（）]{0,10}[)）](?:及|或)?(?:以上|以下)?", text[end:])
        if m:
            end += m.end()
    return end


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    a = max(text.rfind(c, 0, start) for c in "。；;！!？?\n") + 1
    ends = [i for i in (text.find(c, end) for c in "。；;！!？?\n") if i >= 0]
    return a, min(ends) if ends else len(text)


# A sentence that may state the document's own period: 有效期, 施行, 执行至 …, and a programme's start and cycle
# (于2019年初开始执行集中采购结果，周期为1年); 为期 is left out (开展为期一年的专项行动 is one task's length)
_VALIDITY_SENTENCE = re.compile(r"有效期|施行|试行|执行期限|实施期限|实施期(?!间)|执行期(?!间)|执行至|实施至|起执行|起实施|开始执行|开始实施|[，,]周期为|年内有效|(?:申领|申报|申请|受理)截止(?:时间|日期)")


# A sentence that sets one article's, clause's or item's own period (本条政策执行期为…; 本款规定有效期至…; 该项补贴执行至…),
# not the whole text's (本条例自…施行 is a regulation's own; 本项目 a project)
SCOPED_PERIOD = re.compile(r"(?:本|该|此)(?:条(?!例)|款|项(?!目))(?:政策|措施|规定|补贴|补助|奖励|办法)?[^。；;]{0,6}?"
                           r"(?:执行期|有效期|实施期|期限|执行至|实施至|自|截止)")
# A sentence that names the whole text whose period it states (本措施自2025年4月1日起施行，有效期至…; 本政策措施自印发之日起施行)
# or counts from the text's own issue (自印发之日起施行)
WHOLE_TEXT = re.compile(r"本(?:政策|措施|办法|细则|通知|意见|方案|规定|规划|计划|决定|条例|公告|文件|若干)|自(?:印发|发布|公布)之日起")


def period_sentences(text: str, issued: date | None = None, offset: int = 0):
    """Each sentence of ``text`` that states a period, as (names the whole text, start, Validity), in order; a
    sentence that scopes its period to its own article or item (本条政策执行期为…) is left out."""
    for s in _SENTENCE.finditer(text):
        if not _VALIDITY_SENTENCE.search(s.group()) or SCOPED_PERIOD.search(s.group()):
            continue
        found = validity_of(s.group(), issued, offset + s.start())
        if found is not None:
            yield bool(WHOLE_TEXT.search(s.group())), offset + s.start(), found


def document_validity(body: str, issued: date | None = None, supported: Sequence[tuple[int, int]] = ()):
    """The period of validity the document states for itself (本通知自印发之日起施行，有效期5年), or None: its first
    sentence stating one, except a sentence that scopes its period to its own article or item (本条政策执行期为…) and
    one that names no text and stands in the paragraph of a support (1.延续失业保险稳岗返还。…按60%返还。政策执行期限至
    2025年12月31日。): that item's own period, not the document's (``supported``: the spans of the document's supports;
    a support the sentence itself states, 周期为1年, does not count)."""
    for names_whole, start, found in period_sentences(body, issued):
        if not names_whole:
            a = body.rfind("\n", 0, start) + 1
            b = body.find("\n", start)
            b = len(body) if b < 0 else b
            end = _SENTENCE.match(body, start).end()
            if any(a <= x < b and not start <= x < end for x, _ in supported):
                continue
        return found
    return None


def _unit_period(text: str, offset: int, issued: date | None):
    """The period a unit's own words set for what it offers: a sentence scoping it to the article or item
    (本条执行期限为2024年7月1日至2025年12月31日), or one that names no text (政策执行期限至2025年12月31日), with an end;
    None when its only period is the whole text's (本措施自…施行) or none."""
    for s in _SENTENCE.finditer(text):
        sentence = s.group()
        if not _VALIDITY_SENTENCE.search(sentence) or "《" in sentence:
            continue
        if WHOLE_TEXT.search(sentence) and not SCOPED_PERIOD.search(sentence):
            continue
        found = validity_of(sentence, issued, offset + s.start())
        if found is not None and found.valid_until is not None:
            return found
    return None


def apply_document_validity(supports: list[Support], body: str, issued: date | None = None) -> list[Support]:
    """The document's own period on every support that states none of its own."""
    found = document_validity(body, issued, [(s.span.start, s.span.end) for s in supports])
    if found is None:
        return supports
    for s in supports:
        if s.valid_from is None and s.valid_until is None:
            s.valid_from, s.valid_until = found.valid_from, found.valid_until
            s.validity_text, s.validity_span = found.text, found.span
    return supports



def general_conditions(units: list[Unit], body: str) -> list[Condition]:
    """The conditions a document sets for all its support (申请本规定扶持的企业，应当同时具备下列条件：1．…), read
    from the unit that states them and its parts."""
    by_path = {u.path: u for u in units}
    found: list[Condition] = []
    for unit in units:
        own = body[unit.span.start : unit.span.end]
        if not GENERAL_CONDITIONS.search(own):
            continue
        stack, parts = [unit], []
        while stack:
            u = stack.pop(0)
            parts.append(u)
            stack.extend(by_path[p] for p in u.children if p in by_path)
        for part in parts:
            found += conditions_of(body[part.span.start : part.span.end], part.span.start, every_sentence=True)
    return found


# the end of a sentence and of its line: what follows on the next line is a paragraph of its own
_LINE_CLOSED = re.compile(r"[。；;][ \t\u3000]*\n")


def closing_paragraphs(supports: list[Support], units: list[Unit], body: str) -> list[Support]:
    """Supports on a line of their own after the last item of an article's list, moved to the article.

    In rules written in articles, items （一）（二）… sit inside one paragraph (款) of the article; a new line after
    the last item (…（三）1000亩以上的，每亩奖补100元。\n同一经营主体本条奖补每年最高不超过15万元。) opens the
    article's next paragraph, which bounds every item (本条, 单个企业年度…), not the last item only.  The unit
    reader keeps that line in the last item's text, so its supports are given the article's path here."""
    by_path = {u.path: u for u in units}
    count = {u.path: sum(s.unit_path == u.path for s in supports) for u in units}
    for s in supports:
        unit = by_path.get(s.unit_path)
        parent = by_path.get(unit.parent) if unit is not None and unit.parent else None
        if parent is None or parent.kind is not UnitKind.ARTICLE or parent.children[-1:] != [unit.path]:
            continue
        if not _LINE_CLOSED.search(body, unit.span.start, s.span.start):
            continue
        count[parent.path] += 1
        s.unit_path, s.key = parent.path, f"{parent.key}.s{count[parent.path]}"
    return supports


def apply_general_conditions(supports: list[Support], units: list[Unit], body: str) -> list[Support]:
    """The document's general conditions added to each support's own (a condition on the same field and bound
    that the support states itself is not repeated); supports of an article's closing paragraph moved to the
    article first (``closing_paragraphs``)."""
    supports = closing_paragraphs(supports, units, body)
    general = general_conditions(units, body)
    if not general:
        return supports
    for s in supports:
        have = {(c.field, c.comparator) for c in s.conditions}
        s.conditions = list(s.conditions) + [c for c in general if (c.field, c.comparator) not in have]
    return supports
