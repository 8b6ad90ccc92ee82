"""What kind of answer a question wants, and which units state that kind of fact: "who" questions
(谁来督查, 哪个部门负责, which department) favour units that name their own responsible bodies; "when"
questions (什么时候完成, 多久能审完, by when) favour units that fix a date or a time limit; questions asking what
support there is, or how much (能补多少钱, 按什么比例补, is there a subsidy, what share of the cost) favour units that
state a support amount, rate or cap; questions asking how often (多久召开一次, how many meetings a year) favour units
that state a frequency (每年召开两次).

The question side is a handful of interrogative forms of each language, not topics; the unit side is the
graph's facts (a responsibility whose evidence is the unit's own text, such as a task-table row's lead and
partners; a support of kind ``time-limit``; a target's deadline; a support's amount) and the date forms ``ingest.deadlines`` reads
(2024年8月底前, 到2025年底, 20个工作日内), and when a text is in force (自…起施行, 有效期…年)."""

from __future__ import annotations

import re

from ingest.deadlines import find_deadline, time_mentions
from ingest.selfref import GENRES, THIS
from ingest.selfref import names_itself as text_names_itself

from .types import IndexUnit

__all__ = [
    "asked_facts",
    "asked_time_kinds",
    "asks_about_document",
    "asks_frequency",
    "asks_in_force",
    "asks_penalty",
    "asks_person",
    "asks_places",
    "asks_reply",
    "asks_support",
    "asks_when",
    "asks_who",
    "names_itself",
    "only_announces",
    "stated_facts",
    "stated_time_kinds",
    "states_frequency",
    "states_in_force",
    "states_owner",
    "states_penalty",
    "states_person",
    "states_support",
    "states_time",
]

_WHO_ZH = re.compile(r"谁|哪个部门|哪些部门|哪个单位|哪些单位|哪家|什么部门|什么单位|哪个机构|哪级|由哪|牵头|负责")
_WHO_EN = re.compile(r"\bwho(?:se)?\b|\bwhich (?:\w+ )?(?:department|agenc|bod|office|authorit|ministr|bureau|unit|"
                     r"government|commission|committee|administration|organi[sz]ation|institution|organ)|"
                     r"\bresponsib|\bin charge\b|\bleads?\b|\bled by\b|\btakes? the lead\b|\bleading (?:role|body|unit|"
                     r"department)|\boversee|\bconvenes?\b|\bcoordinat(?:es|ing) (?:the|this)\b", re.IGNORECASE)
_WHEN_ZH = re.compile(r"什么时候|何时|哪年|哪一年|几月|哪个月|哪一?天|几号|多久|多长时间|期限|时限|截止|完成时间|几天|几个工作日|之前|以前完成|"
                      r"最晚|最迟|几年(?![\u4e00-\u9fff]{0,2}一次)|多少年|几个月|多少天|多少个工作日")
# the English forms of the same questions: 哪年/几月 what year, which month; 期限/截止 until when, expire, valid until;
# 几天/几个工作日 how many (working) days; 自…起施行 (when a text holds) from what date, take effect, in force
_WHEN_EN = re.compile(r"\bwhen\b|\bdeadline|\bby (?:what|which) (?:date|time|year|month)\b|\bhow (?:long|soon|quickly)\b|"
                      r"\bwithin how\b|\btime ?limit|\bdue\b|\b(?:what|which) (?:date|day|year|month|time)\b|"
                      r"\bhow many (?:\w+ )?(?:days|weeks|months|years)\b|\buntil\b|\bexpir|\bvalid (?:until|for)\b|"
                      r"\bvalidity\b|\b(?:take|takes|took|come|comes|came) (?:into )?(?:effect|force)\b|\bin force\b|"
                      r"\beffective (?:date|from)\b|\bfrom what\b|\bsince when\b|\bdates?\b", re.IGNORECASE)
# what support, how much of it: 补贴多少, 能拿多少钱, 最高奖励, 按什么比例补, how much funding, what share of the cost
_SUPPORT_ZH = re.compile(r"多少钱|多少万|[补奖贴给拿领发](?:贴|励|助|息)?多少|(?:补贴|奖励|资助|补助|贴息|扶持资金|奖补|补偿)"
                         r"(?:资金|金额)?(?:是|有|能|可以|给|标准|上限)|最高(?:能|可以|可)?(?:补|奖|拿|给|获得|享受)|"
                         r"按(?:什么|多少|多大|怎样的?)比例|几成|[有给]没有(?:补贴|奖励|资助|补助|贴息|钱)")
_SUPPORT_WORDS_EN = (r"(?:subsid\w*|grants?|rewards?|bonus\w*|allowances?|rebates?|funding|cash|compensation|"
                     r"interest[- ]subsid\w*|support|money|help)")
_SUPPORT_EN = re.compile(rf"\bhow much\b(?! (?:time|longer|sooner|faster|quicker))|\bwhat (?:share|percentage|proportion|"
                         rf"part|portion|rate) of\b|\b(?:is|are) there (?:a |an |any )?(?:\w+ ){{0,3}}{_SUPPORT_WORDS_EN}|"
                         rf"\bany (?:\w+ ){{0,2}}{_SUPPORT_WORDS_EN}\b|\b(?:ceiling|cap|maximum|upper limit|top[- ]up)\b|"
                         rf"\bcapped\b", re.IGNORECASE)
# how often: 多久召开一次, 每年开几次, 一年几次, 几年一次; how often, how many meetings a year, how many times per month
_FREQUENCY_ZH = re.compile(r"多久[\u4e00-\u9fff]{0,4}一次|多长时间[\u4e00-\u9fff]{0,4}一次|(?:每|一)(?:年|个?月|季度?|半年|周)"
                           r"[\u4e00-\u9fff]{0,4}几次|几年[\u4e00-\u9fff]{0,2}一次|频次|频率")
_FREQUENCY_EN = re.compile(r"\bhow (?:often|frequently)\b|\bhow many (?:\w+ ){0,2}(?:a|per|each|every) "
                           r"(?:year|month|quarter|week)\b|\bfrequency\b", re.IGNORECASE)
# a frequency as texts state one: 每年召开两次会议, 每半年召开一次, 一般每月召开三次, 每3年修订1次, 两年一次
_FREQUENCY = re.compile(r"每(?:年|个?月|季度?|半年|周|旬|[0-9一二三四五六七八九十两]+(?:年|个月))[^。；，,]{0,12}?"
                        r"[0-9一二两三四五六七八九十]+次|[0-9一二两三四五六七八九十]+(?:年|个月)(?:一|1)次")
# a time limit as policy texts give one: 20个工作日内, 48小时以内, 3个月内
_TIME_LIMIT = re.compile(r"[0-9一二三四五六七八九十两]+个?(?:工作日|日|天|小时|个月|周)(?:内|以内|之内)")
# when the text itself holds: 自2020年5月1日起施行, 有效期5年, 有效期至2025年12月31日
_IN_FORCE = re.compile(r"自\s*[0-9〇零一二三四五六七八九十]{2,4}\s*年\s*[0-9一二三四五六七八九十]{1,2}\s*月"
                       r"\s*[0-9一二三四五六七八九十]{1,3}\s*日\s*起(?:施行|执行|实施|生效)"
                       r"|有效期(?:为|至)?\s*[0-9一二三四五六七八九十两]+\s*年")


# a question about the text as a whole: 这份文件, 这个政策, 这套养老扶持政策, 该办法, 整个方案; this document, the scheme,
# Suzhou's fund rules ("plan" is left out: "in Shanghai's upgrade plan, what…" asks about its content)
_ABOUT_DOCUMENT_ZH = re.compile(rf"(?:(?:这份|这个|这项|这套|这一|这部|这些|整个|整份)[\u4e00-\u9fff]{{0,4}}?|该|此|{THIS})"
                                rf"(?:{GENRES}|文件)")  # 这套养老扶持政策
_DOCUMENT_EN = r"(?:document|policy|scheme|rules|regulations|measures|opinions?|notice|programme|program)\b"
_ABOUT_DOCUMENT_EN = re.compile(rf"\b(?:this|these|the|that)\s+{_DOCUMENT_EN}|'s\s+(?:[\w-]+\s+){{0,4}}{_DOCUMENT_EN}",
                                re.IGNORECASE)


# a text's announcing sentence, which says that what follows is the answer, the list, the notice: 现答复如下：,
# 现将调整后的名单通知如下：, 现就有关事项通知如下：, 具体意见如下:  (the unit ends there: what follows is other units)
_ANNOUNCES = re.compile(r"如下\s*[：:。]?\s*$")
# what a reply cites, not what it states: 《关于…的请示》, （教外际〔2004〕14号）, 〔1996〕武司字第82号
_CITED = re.compile(r"《[^》]*》|[（(][^）)]*[〔\[][^）)]*[）)]|[〔\[]\d{4}[〕\]][^，。；：]*?号")


def only_announces(unit: IndexUnit) -> bool:
    """The unit ends by announcing what follows (…的建议收悉，现答复如下：; 现将调整后的名单通知如下：) and states no
    number or date of its own: it restates the question or the occasion in the question's own words, so it
    matches the question closely, but the reply, the list, the rules are the units after it.  Not a unit that
    goes on past its 如下 (a preamble that carries the list it announces), nor one that states a figure before it
    (将24项措施调整增加为30项…现通知如下：, 清理整顿时限是1997年4月―1998年2月，具体步骤安排如下：): that figure is an
    answer.  The numbers of the documents it cites do not count."""
    return bool(_ANNOUNCES.search(unit.text)) and not re.search(r"[0-9０-９]", _CITED.sub("", unit.text))


# which places: 选了哪些省份, 哪几个高新区, 哪些城市列入试点; which provinces, which cities were chosen
_PLACES_ZH = re.compile(r"哪(?:些|几个?)[\u4e00-\u9fff]{0,3}?(?:省|市|县|区|州|地区|地方|城市|园区)")
_PLACES_EN = re.compile(r"\bwhich (?:[\w-]+ ){0,2}(?:provinces|cities|regions|places|areas|zones|counties|districts|"
                        r"prefectures|localities|municipalities)\b|\bwhere (?:are|were) (?:the )?(?:[\w-]+ ){0,2}"
                        r"(?:pilots?|zones|areas)\b", re.IGNORECASE)


def asks_places(question: str) -> bool:
    """Does the question ask which places (选了哪些省份, 哪几个高新区, which provinces were chosen)?  Its answer
    lists them (北京、吉林、安徽…作为试点地区): a unit naming two places or more (SearchIndex counts them with
    the gazetteer)."""
    return bool(_PLACES_ZH.search(question) or _PLACES_EN.search(question))


# what the penalty is: 罚多少钱, 怎么处罚, 要担什么责任; what fine, what penalty, punished
_PENALTY_ZH = re.compile(r"罚|处分|法律责任|追究|吊销")
_PENALTY_EN = re.compile(r"\bpenalt|\b(?:a|the|what|which|any|how much) fine\b|\bfines\b|\bfined\b|\bpunish|\bsanction",
                         re.IGNORECASE)  # fine the noun, not "is it fine to…"
# a penalty as regulations state one: 处5万元以下的罚款, 没收违法所得, 吊销执业许可证, 给予警告, 依法给予处分
_PENALTY = re.compile(r"罚款|罚金|没收|吊销|警告|拘留|处分|责令停止")


def asks_penalty(question: str) -> bool:
    """Does the question ask what the penalty is (被查到罚多少钱, what fine can a firm face)?  A regulation
    states it once for a list of acts (有下列行为之一的，…处5万元以下的罚款): the act the question describes
    is an item, the penalty its lead-in (search/boosts.py lifts the lead-in of a matching item)."""
    return bool(_PENALTY_ZH.search(question) or _PENALTY_EN.search(question))


def states_penalty(unit: IndexUnit) -> bool:
    """The unit states a penalty: a fine, confiscation, a revoked licence, a warning, a sanction."""
    return bool(_PENALTY.search(unit.text))


# who holds a post: 秘书长是谁, 办公室主任由谁兼任, 组长是谁; who is the secretary-general, who chairs the group
_POST = r"(?:主任|组长|秘书长|委员|成员|负责人|召集人|主席)"
_PERSON_ZH = re.compile(rf"{_POST}(?:是谁|由谁|是哪[位个]|都有谁|有哪些人|都是谁)|谁(?:担任|兼任)")
_PERSON_EN = re.compile(r"\bwho (?:is|was|are|were|will be) (?:the )?(?:[\w-]+ ){0,4}(?:director|head|chair\w*|"
                        r"secretary[- ]general|leader|deputy|members?|convenor|convener)\b|\bwho (?:chairs|chaired|heads|headed|leads|led)\b",
                        re.IGNORECASE)
# a post and who holds it, as a composition notice states it: 秘书长：朱之文, 组长由…副秘书长担任, 主任由…赵英民兼任
# A name list often spaces a two-character post out to the width of a three-character one (主  任：孙春兰, 组 长：韩 正,
# with plain or no-break spaces), and a group is also said to be led by someone (以…院士为组长).
_SPACED_POST = r"(?:主\s*任|组\s*长|秘\s*书\s*长|委\s*员|成\s*员|负责人|召集人|主\s*席)"
_PERSON = re.compile(rf"{_SPACED_POST}\s*[：:]\s*[\u4e00-\u9fff]|{_POST}由[^。；]{{2,30}}?(?:兼任|担任)"
                     rf"|以[^。；，]{{2,30}}?为(?:组长|主任|召集人|负责人)")


# The leading post itself (组 长：韩 正, 主任由…担任, 以…为组长), not a deputy's or an office's (副组长：…,
# 办公室主任由…兼任): the post opens its clause.
_LEAD_POST = r"(?:主\s*任|组\s*长|主\s*席|召\s*集\s*人)"
_LEAD_PERSON = re.compile(rf"(?:^|(?<=[\s，。；、（(]))(?:{_LEAD_POST}\s*[：:]\s*[\u4e00-\u9fff]|{_LEAD_POST}由[^。；]{{2,30}}?"
                          rf"(?:兼任|担任))|以[^。；，]{{2,30}}?为(?:组长|主任|召集人)", re.MULTILINE)
# asking who leads (who chairs, who heads the group, 组长是谁) and not a deputy or an office (副主任, 办公室主任)
_LEAD_ASKED_ZH = re.compile(r"(?<![副室])(?:主任|组长|主席|召集人)(?:是谁|由谁|是哪[位个])|谁(?:牵头|挂帅)")
_LEAD_ASKED_EN = re.compile(r"\bwho (?:chairs|chaired|heads|headed|leads|led)\b|\bwho (?:is|was|will be) (?:the )?"
                            r"(?:chair\w*|head|leader|director)\b", re.IGNORECASE)
_NOT_LEAD_EN = re.compile(r"\b(?:deputy|vice|office|secretar)", re.IGNORECASE)


def asks_lead_person(question: str) -> bool:
    """Does the question ask who holds the leading post of a body (who chairs it, who heads the group, 组长是谁),
    not a deputy's or its office's?"""
    if _LEAD_ASKED_ZH.search(question):
        return True
    return bool(_LEAD_ASKED_EN.search(question)) and not _NOT_LEAD_EN.search(question)


def states_lead_person(unit: IndexUnit) -> bool:
    """The unit says who holds a body's leading post (主  任：孙春兰, 组长由…担任, 以…院士为组长)."""
    return bool(_LEAD_PERSON.search(unit.text))


def asks_person(question: str) -> bool:
    """Does the question ask who holds a post (秘书长是谁, 组长由谁担任, who is the secretary-general)?"""
    return bool(_PERSON_ZH.search(question) or _PERSON_EN.search(question))


def states_person(unit: IndexUnit) -> bool:
    """The unit says who holds a post: a name list (主任：孙春兰 …) or 办公室主任由…兼任."""
    return bool(_PERSON.search(unit.text))


def asks_who(question: str) -> bool:
    """Does the question ask which body is responsible (谁, 哪个部门, 牵头, who, which department)?"""
    return bool(_WHO_ZH.search(question) or _WHO_EN.search(question))


def asks_when(question: str) -> bool:
    """Does the question ask for a date or a time limit (什么时候, 多久, by when, how long)?"""
    return bool(_WHEN_ZH.search(question) or _WHEN_EN.search(question))


# What a "how many / how much" question counts, and the units that state such a figure: a sum of money (国债安排
# 2亿元), people (实招人数1445名), places (16个省（市）) or things counted (100个示范项目).
_HOW_MANY_ZH = r"(?:多少|几)"
_ASKED_FIGURE = {
    "money": re.compile(r"多少钱|多少(?:资金|经费|投资|费用)|(?:投|花|拨|给|安排)了?多少|几(?:百|千)?万|几亿|"
                        r"(?:抵|扣|扣除|减免?|退|返还?|报销?)(?:掉)?多少|"
                        r"\bhow much (?:money|funding|investment|did|has|had|was|were|will)\b|\bhow many (?:yuan|million|billion)\b",
                        re.IGNORECASE),
    "people": re.compile(rf"{_HOW_MANY_ZH}(?:个|名|位)?(?:人|学生|员工|职工|干部|工人|代表|委员|专家|居民|村民|户)|"
                         r"\bhow many (?:\w+ ){0,2}(?:people|persons|students|pupils|staff|workers|employees|residents|"
                         r"households|deputies|members|experts|teachers)\b", re.IGNORECASE),
    "places": re.compile(rf"{_HOW_MANY_ZH}个?(?:省|市|县|地区|城市|地方)|\bhow many (?:\w+ ){{0,2}}(?:provinces|cities|"
                         r"regions|counties|places|areas|zones)\b", re.IGNORECASE),
    "things": re.compile(rf"{_HOW_MANY_ZH}(?:个|项|家|所|批)|\bhow many (?:\w+ ){{0,3}}(?:projects|enterprises|companies|"
                         r"firms|schools|items|measures|centres|centers|bases|parks|platforms)\b", re.IGNORECASE),
}
_NUM = r"[0-9０-９.一二三四五六七八九十百千万两〇零]+"
_STATED_FIGURE = {
    "money": re.compile(rf"{_NUM}\s*(?:万|亿)?(?:元|美元)"),
    "people": re.compile(rf"{_NUM}\s*(?:名|人(?![民大员才口])|位|户)"),
    "places": re.compile(rf"{_NUM}\s*个(?:省|市|县|地区|城市)"),
    "things": re.compile(rf"{_NUM}\s*(?:个|项|家|所|批)"),
}


def asked_figures(question: str) -> frozenset[str]:
    """The kinds of figure a "how many / how much" question asks for: money, people, places, things."""
    return frozenset(kind for kind, pattern in _ASKED_FIGURE.items() if pattern.search(question))


def stated_figures(unit: IndexUnit) -> frozenset[str]:
    """The kinds of figure the unit's text states: 2亿元 money, 1445名 people, 16个省 places, 100个 things."""
    return frozenset(kind for kind, pattern in _STATED_FIGURE.items() if pattern.search(unit.text))


def asks_support(question: str) -> bool:
    """Does the question ask what support there is, or how much (能补多少钱, 奖励标准, 按什么比例补, is there a
    subsidy, how much funding, what share of the cost)?"""
    return bool(_SUPPORT_ZH.search(question) or _SUPPORT_EN.search(question))


def asks_frequency(question: str) -> bool:
    """Does the question ask how often something happens (多久召开一次, 每年开几次, how often, how many meetings a
    year)?  Its answers state a frequency (:func:`states_frequency`)."""
    return bool(_FREQUENCY_ZH.search(question) or _FREQUENCY_EN.search(question))


def states_frequency(unit: IndexUnit) -> bool:
    """The unit states how often something is done: 原则上每年召开两次会议, 每半年召开一次, 每3年修订1次."""
    return bool(_FREQUENCY.search(unit.text))


# when a text comes into force is asked of the text as a whole, whatever the question calls it (从哪天起施行, 什么时候
#生效, from what date do the deductions apply, when do the rules take effect): a text says it where it names itself
_IN_FORCE_ASKED = re.compile(r"(?:什么时候|何时|哪天|哪一天|几号|哪年|哪个月|什么日期|从何时|从哪)[\u4e00-\u9fff]{0,6}"
                             r"(?:施行|生效|实施|执行|算数|作数|管用)|(?:管用|作数|算数)(?:多长时间|多久|几年|到什么时候)|\b(?:from|since|as of|on) (?:what|which) date\b|\bfrom when\b|"
                             r"\b(?:when|what date)\b.{0,60}\b(?:take|takes|come|comes|came|took|went|go) (?:into )?"
                             r"(?:effect|force)\b|\beffective date\b"
                             # until when it holds: 有效期到什么时候, 什么时候到期, valid until, until what date … rely on
                             r"|有效期(?:到|至|是|有)?(?:什么时候|哪天|哪一天|多久|多长|几年)|(?:什么时候|哪天|何时)(?:到期|失效|废止)"
                             r"|(?:到|至)(?:什么时候|哪天|哪一天|何时)(?:为止|有效|都有效)"
                             r"|\buntil (?:what|which) date\b|\bvalid (?:until|through|till)\b|\bexpire|\bvalidity\b",
                             re.IGNORECASE)


def asks_about_document(question: str) -> bool:
    """Does the question ask about the text as a whole (这份文件谁来牵头, 这个政策什么时候开始执行, who interprets
    the rules, from what date do the deductions apply)?  Its answers are where the text names itself
    (:func:`names_itself`)."""
    return bool(_ABOUT_DOCUMENT_ZH.search(question) or _ABOUT_DOCUMENT_EN.search(question)
                or asks_in_force(question))


def asks_in_force(question: str) -> bool:
    """Does the question ask when a text comes into force (从哪天起施行, from what date do … apply)?"""
    return bool(_IN_FORCE_ASKED.search(question))


def states_in_force(unit: IndexUnit) -> bool:
    """The unit says when its text holds (自2019年1月1日起施行, 有效期3年)."""
    return bool(_IN_FORCE.search(unit.text))


def names_itself(unit: IndexUnit) -> bool:
    """The unit speaks of its own text as a whole: 本办法自2020年5月1日起施行, 本措施由市商务局负责解释, 商务部负责统筹
    推进本意见落实工作, 为…制定本方案: where a text says when it holds, whom it applies to and who carries it out."""
    return text_names_itself(unit.text)


def states_owner(unit: IndexUnit) -> bool:
    """The unit's own text names a responsible body: an explicit responsibility whose evidence lies within the
    unit's span.  Not one inherited from the part above it, nor one the text gives the unit elsewhere: a measure
    whose lead and partners an annex task table names has them stated by that table's row (a ``task_row`` unit,
    which does count), not by its own words."""
    return any(o.basis == "explicit" and o.start is not None and o.end is not None
               and unit.start <= o.start and o.end <= unit.end for o in unit.context.owners)


# a period or a deadline relative to the text's own year, which find_deadline leaves (it wants a year):
# 为期3年, 今后一段时期（10年或更长一段时间）, 力争今年年内推出, 明年底前
_N = r"[0-9一二三四五六七八九十两]+"
_PERIOD = re.compile(rf"为期{_N}个?(?:年|月|天|周)|{_N}年或更长|(?:今|本|明)年(?:年内|内|底前|年底前|上半年|下半年)"
                     # a term's length: 贴息期限最长2年, 公示期为7日, 期限不超过3年
                     rf"|期(?:限)?(?:为|最长|不超过|最多|一般为)(?:不超过)?{_N}个?(?:年|月|日|天|周)"
                     # how long records are kept: 相关资料应当留存五年, 保存期限不少于10年
                     rf"|(?:留存|保存|保管|存档)[^。；，]{{0,8}}?{_N}个?(?:年|月)")


def states_time(unit: IndexUnit) -> bool:
    """The unit fixes a date or a time limit: a target with a deadline, a time-limit support, a date such as
    2024年8月底前 or 到2025年底, a limit such as 20个工作日内, or when the text itself is in force (自2020年5月1日起
    施行, 有效期5年) in its text."""
    if unit.target is not None and unit.target.deadline:
        return True
    if any(s.kind == "time-limit" for s in unit.context.supports):
        return True
    return (find_deadline(unit.text) is not None or bool(_TIME_LIMIT.search(unit.text))
            or bool(_IN_FORCE.search(unit.text)) or bool(_PERIOD.search(unit.text)))


# The kind of time a "when" question asks for, and the kinds a sentence states: a date of effect or a period of
# validity (in_force), a deadline (by when must it be done), a time limit counted in days or hours (limit), a length
# of time (duration: how long records are kept, for how many years interest is paid), or the date something happened
# (date).  A question may ask more than one (什么时候 is a deadline or a date); a sentence stating a kind asked is
# where the answer sits, whatever words of the question it lacks.
_ASKED_TIME_ZH = {
    "in_force": re.compile(r"(?:哪天|哪一天|什么时候|何时|从哪|几号|哪年|哪个月|什么日期)[\u4e00-\u9fff]{0,4}?(?:起|开始)?"
                           r"(?:算数|管用|有效|作数|施行|生效|实施)|(?:管用|有效|作数|管)(?:多长时间|多久|几年|到什么时候|到哪)|"
                           r"有效期"),
    "deadline": re.compile(r"最晚|最迟|截止|之前|以前|底前|(?:什么时候|何时|几月份?|哪个月|哪年|哪一年|哪天|多会儿)[^，。？?、]{0,8}?"
                           r"(?:完成|办完|办结|办好|报送?|交|提交|到位|建成|结束|弄完|搞完|做完|完工|上线|推出|开通|备案|"
                           r"落地|出台|达到|实现)|完成时间|时间节点|时限|(?:到|至)哪一?年"),
    "limit": re.compile(r"(?<![前近这头])几天|多少天|几个?工作日|多少个?工作日|几个?小时|多少个?小时|几周|多少周|"
                        r"(?:多久|多长时间)(?:能|可以|才能|就能|之内|以内|内)|要等多久|等多久"),
    "duration": re.compile(r"多长时间|多久|(?<![前近这头])(?:几|多少)(?:年|个月|天)(?!以?[后前]|之[后前])|多长的?期限|期限"),
    "date": re.compile(r"哪年|哪一年|几月|哪个月|哪一?天|几号|什么时候|何时|什么日期|日期"),
}
_ASKED_TIME_EN = {
    "in_force": re.compile(r"\b(?:take|takes|took|come|comes|came|go|goes|went) (?:into )?(?:effect|force)\b|"
                           r"\bin force\b|\beffective (?:date|from)\b|\bvalid (?:until|for|through|till)\b|\bvalidity\b|"
                           r"\bexpir|\bfrom (?:what|which) date\b|\bfrom when\b|\bapply from\b", re.IGNORECASE),
    "deadline": re.compile(r"\bdeadline|\bby (?:when|what|which)\b|\buntil when\b|\bdue\b|\bhave to (?:finish|complete)|"
                           r"\bmust\b[^?]{0,60}\b(?:finish|complete|submit|report|file)", re.IGNORECASE),
    "limit": re.compile(r"\bhow many (?:\w+ )?(?:days|hours|weeks)\b|\bwithin how\b|\bhow (?:soon|quickly)\b|"
                        r"\btime ?limit", re.IGNORECASE),
    "duration": re.compile(r"\bhow long\b|\bhow many (?:\w+ )?(?:years|months)\b|\bfor how\b|\bterm\b|\bperiod\b",
                           re.IGNORECASE),
    "date": re.compile(r"\bwhen\b|\b(?:what|which) (?:date|day|year|month)\b|\bdates?\b", re.IGNORECASE),
}
# the kinds as texts state them
_FULL_DATE = re.compile(r"(?:(?:19|20)[0-9]{2}|[〇零一二三四五六七八九]{4})\s*年\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月"
                        r"(?:\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日)?|(?:19|20)[0-9]{2}年(?:初|年初|上半年|下半年)"
                        # a day of a year the text names elsewhere (中秋节：9月13日放假)
                        r"|(?<![0-9])(?:1[0-2]|[1-9])月(?:[12][0-9]|3[01]|[1-9])日")
_VALIDITY = re.compile(r"有效期|起施行|起执行|起实施|起生效|施行之日|印发之日起|发布之日起")
_RELATIVE_DEADLINE = re.compile(r"(?:今|本|明)年(?:年内|内|底前|年底前|上半年|下半年)|前完成|之前完成|前报送|前报")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_DEADLINE_MARK = re.compile(r"[底末前内到至]|截")
_DONE_AFTER = re.compile(r"[^，。；]{0,4}?(?:完成|建成|实现|达到|办结|到位)")
_LENGTH = re.compile(r"(?<![0-9〇零一二三四五六七八九十百年月])(?:[0-9]{1,2}|[一二三四五六七八九十两]{1,3})(?:个月|年|周|天|日|个工作日)"
                     r"|期限|为期")


def asked_time_kinds(question: str) -> frozenset[str]:
    """The kinds of time a question asks for (search/routing.py notes above ``_ASKED_TIME_ZH``): 最晚什么时候得办完
    a deadline, 要等几天 a limit, 要保存多长时间 a duration, 哪年几月批下来的 a date, 哪天开始算数 when the text
    holds.  None when it asks no time, or only how often (多久召开一次)."""
    if asks_frequency(question):
        return frozenset()
    patterns = _ASKED_TIME_EN if not re.search(r"[\u4e00-\u9fff]", question) else _ASKED_TIME_ZH
    kinds = {kind for kind, pattern in patterns.items() if pattern.search(question)}
    if asks_in_force(question):
        kinds.add("in_force")
    if len(kinds) > 1:  # 什么时候, when: a date, unless the question says which time (最晚什么时候得办完 a deadline)
        kinds.discard("date")
    return frozenset(kinds)


def stated_time_kinds(sentence: str) -> frozenset[str]:
    """The kinds of time one sentence states: a full date (2004年12月17日, 二〇〇四年十二月十七日, 2019年初), a
    deadline (2019年9月底前, 今年年内, 前完成), a limit (30个工作日内), a length (留存五年, 贴息期限最长2年,
    1996-2005年), when its text holds (自2024年6月20日起施行, 有效期5年)."""
    sentence = sentence.translate(_FULL_WIDTH)  # 实习满１年
    kinds = set()
    if _FULL_DATE.search(sentence):
        kinds.add("date")
    if _IN_FORCE.search(sentence) or _VALIDITY.search(sentence):
        kinds.add("in_force")
    if _RELATIVE_DEADLINE.search(sentence) or any(
            m.when is not None and (_DEADLINE_MARK.search(m.text) or _DONE_AFTER.match(sentence, m.end))
            for m in _mentions(sentence)):
        kinds.add("deadline")
    if _TIME_LIMIT.search(sentence):
        kinds.add("limit")
    if _PERIOD.search(sentence) or _LENGTH.search(sentence) or any(m.period for m in _mentions(sentence)):
        kinds.add("duration")
    return frozenset(kinds)


def _mentions(sentence: str):
    try:
        return time_mentions(sentence)
    except ValueError:  # a malformed date (2019年2月30日) in one sentence is no time
        return []


def states_support(unit: IndexUnit) -> bool:
    """The unit states support with its amount or rate in its own words (按投资额的10%给予补助, 每张床位8000元, 最高
    不超过300万元), or the sum an applicant must reach to have it (实际缴纳税收不低于50万元): not a time limit."""
    return any(s.kind != "time-limit" and (s.amount is not None or s.rate is not None or s.cap is not None)
               for s in unit.context.supports)


# Facts a question asks for by a form of its own, and the units that state such a fact: name → (question pattern,
# unit pattern).  Each is how Chinese policy texts say it (and users ask it), not a topic:
#   interpret — who explains the text when its clauses conflict: 本措施由区发改局负责解释, 综合解释工作由…负责
#   office    — where a body's office sits: 联席会议办公室设在教育部, 工作专班办公室设在市发改委
#   consent   — whose consent or approval an act needs: 应征得广州军区同意, 须经国务院专利行政部门批准, 征求…意见
#   complaint — where to complain or report: 设立并公布监督举报电话和信箱, 建立举报投诉渠道
#   account   — whether officials are held to account: 尽职照单免责、失职照单问责, 依法依规追究责任
#   members   — which bodies a body is made of: 联席会议由教育部、…9个部门和单位组成, 成员单位包括
#   purpose   — what the text as a whole carries out or serves: its preamble and guiding thought (为贯彻落实《…》,
#               指导思想), asked as 总体思路, 贯彻哪个文件, which strategy is the plan meant to carry out
_ASKED_FACTS: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "interpret": (re.compile(r"解释|统一说明|(?:有|出现)(?:冲突|矛盾|歧义|不一致)|理解不一|\binterpret|\bconflict|"
                             r"\bambigu|\bclarif", re.IGNORECASE),
                  re.compile(r"(?:负责|作出|统一)解释|解释权|解释工作由|由[^。；\n]{1,30}?(?:负责)?解释")),
    "office": (re.compile(r"办公室(?:设在|放在|在)|办事机构(?:设在|放在|在)|日常(?:工作|办事)[\u4e00-\u9fff]{0,8}?(?:哪|谁)|"
                          r"\boffice\b[^?]{0,60}\b(?:housed|based|located|hosted|sits?|placed|set up)\b|"
                          r"\bwhere (?:is|are) [^?]{0,40}\boffices?\b|\bday-to-day\b", re.IGNORECASE),
               re.compile(r"办公室设(?:在|于)|办事机构设(?:在|于)|日常工作由[^。；\n]{1,30}?(?:承担|负责)|"
                          r"由[^。；\n]{1,40}?(?:承担|负责)[^。；\n]{0,20}?日常工作")),
    "consent": (re.compile(r"谁(?:点头|批准|同意|审批|批|签字)|经(?:过)?(?:谁|哪个部门|哪里|哪一级)|(?:报|找)(?:谁|哪里|哪个部门)(?:批|审)|"
                           r"(?:批准|审批|同意)权|征求(?:谁|哪些|哪个)|\bwho (?:must|has to|needs to|should|will) "
                           r"(?:approve|consent|agree|sign|be consulted|authori[sz]e)|\b(?:whose|which \w+'s) "
                           r"(?:approval|consent|permission|agreement)|\bapprov\w* (?:by|from) (?:whom|which|who)|"
                           r"\bwho (?:approves|grants|authori[sz]es)\b|\bconsulted\b|\bpermission from\b", re.IGNORECASE),
                re.compile(r"征得[^。；\n]{1,30}?同意|(?:须|需|必须|应当?)经[^。；\n]{1,30}?(?:批准|同意|审批|审核|许可)|"
                           r"报[^。；\n]{1,30}?(?:批准|审批)|征求[^。；\n]{1,30}?意见")),
    "complaint": (re.compile(r"(?:去|到|找|向|跟)(?:哪里|哪儿|哪|哪个部门|谁)[\u4e00-\u9fff]{0,2}?(?:反映|投诉|举报|申诉|告)|"
                             r"(?:投诉|举报)(?:渠道|电话|方式|途径)|怎么(?:投诉|举报)|\bcomplain|\bwhistle|\bhotline|"
                             r"\breport (?:it|this|them|abuse|misconduct|violations?|wrongdoing)\b", re.IGNORECASE),
                  re.compile(r"举报|投诉|信箱|热线|监督电话")),
    "account": (re.compile(r"追责|问责|担责|(?:担|负|承担)什么责任|免责|\b(?:held )?(?:accountable|liable)\b|"
                           r"\baccountability\b", re.IGNORECASE),
                re.compile(r"问责|追责|免责|追究[^。；\n]{0,12}?责任|责任追究")),
    "members": (re.compile(r"由哪些(?:部门|单位|机构)|哪些(?:部门|单位|机构)(?:组成|参加|参与|加入)|成员(?:单位)?(?:有哪些|包括|都有|是哪些)|"
                           r"\b(?:sit|sits|serve|serves) on\b|\bmade up of\b|\bmembers? (?:bodies|units|agencies|"
                           r"departments|ministries)\b|\b(?:which|what) (?:\w+ ){0,2}(?:ministries|departments|agencies|"
                           r"bodies) (?:are|were) (?:members|part)\b", re.IGNORECASE),
                re.compile(r"由[^。；\n]{2,200}?(?:部门|单位)(?:和单位)?组成|成员单位(?:包括|为|有|：|:)|成员(?:由|包括)")),
    "purpose": (re.compile(r"总体思路|指导思想|总体要求|(?:贯彻|落实|执行)(?:的)?(?:是)?(?:哪个|哪份|什么)|根据(?:什么|哪个|哪份)|"
                           r"依据(?:什么|哪个|哪份)|叫什么(?:名字)?(?:计划|行动|工程|方案)?|为(?:哪个|什么)目标服务|"
                           r"\bmeant to (?:carry out|implement|underpin|support|serve|deliver|advance)\b|"
                           r"\b(?:carry|carries|carrying) out\b[^?]{0,30}\b(?:strategy|document)\b|"
                           r"\bname of the\b|\bguiding (?:idea|thought|principle)|\boverall (?:idea|approach|thinking|aim)|"
                           r"\bin a nutshell\b|\bmainly (?:centred|centered|focused) on\b", re.IGNORECASE),
                re.compile(r"^(?:指导思想|总体思路|总体要求)|为(?:深入|全面|进一步|认真)?贯彻(?:落实)?《|"
                           r"(?:制定|特制定)本(?:方案|办法|计划|意见|措施|细则|规定)")),
    # fee       — whether a charge is paid or waived: 免收车辆通行费和停车费, 免征车辆购置税, 收费标准
    "fee": (re.compile(r"(?:交|缴|付|收)(?:不)?(?:费|钱)|收费|要钱|免费|免税|收不收|要不要(?:交|缴|付)|\bfees?\b|\btolls?\b|"
                       r"\bfree of charge\b|\bexempt(?:ed|ion)?\b|\bwaive[ds]?\b|\bhave to pay\b|\bpay (?:any|a|the) ",
                       re.IGNORECASE),
            re.compile(r"免(?:收|征|交|缴|除)[^。；，\n]{0,12}?(?:费|税)|减免[^。；，\n]{0,12}?(?:费|税)|收费标准|不(?:得)?收取|免费")),
}
# unit kinds that state a text's purpose whatever their words (its opening, its guiding thought)
_PURPOSE_KINDS = frozenset({"preamble", "guideline"})


def asked_facts(question: str) -> frozenset[str]:
    """The facts of :data:`_ASKED_FACTS` the question asks for by its form (who interprets, where the office sits,
    whose consent, where to complain, whether officials answer for it, which bodies it is made of, its purpose)."""
    return frozenset(name for name, (asked, _) in _ASKED_FACTS.items() if asked.search(question))


def stated_facts(unit: IndexUnit) -> frozenset[str]:
    """The facts of :data:`_ASKED_FACTS` the unit's own text states (a preamble and a guiding thought state the
    text's purpose)."""
    found = {name for name, (_, stated) in _ASKED_FACTS.items() if stated.search(unit.text)}
    if unit.kind in _PURPOSE_KINDS:
        found.add("purpose")
    return frozenset(found)


# asking what a reply said: 国务院办公厅怎么回的, 如何答复, what did the State Council say, what was the answer
_REPLY_ASKED = re.compile(r"怎么回(?:的|复|应)?|如何(?:答复|回复|回应)|怎么答复|答复(?:是|了)?什么|(?:回复|答复)内容|"
                          r"\bwhat (?:did|was|were) (?:the )?(?:[\w'-]+ ){0,4}(?:say|said|reply|answer|response|respond)\b|"
                          r"\bhow did (?:the )?(?:[\w'-]+ ){0,4}(?:reply|respond|answer)\b", re.IGNORECASE)


def asks_reply(question: str) -> bool:
    """Does the question ask what a reply said (怎么回的, 如何答复, what did the State Council say)?  The unit that only
    announces the reply (…建议收悉，现答复如下：) echoes the question's words and answers nothing of it."""
    return bool(_REPLY_ASKED.search(question))
