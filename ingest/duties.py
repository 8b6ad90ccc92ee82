"""Duties stated in sentences: X负责…, 由X会同Y…, Y予以配合, 各区政府可…, X组织…评估, X统筹安排…, and the
sentence forms that name helpers, reviewers, groups the text sets up and a heading body's duty.

Each reader yields (mention, role, by_convention) or ``_Statement``s; ``ingest.responsibility`` assembles them with
the owner notes and task tables. The reading rules are in that module's docstring.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .model import Role, Span, Unit
from .notes import (
    _EXPERTS_RE,
    _GAP,
    _LEAD,
    _PLAIN,
    _SEP_RE,
    _WITH_RE,
    Mention,
    _Conventions,
    _groups,
    _inside,
    _is_collective,
    _marks,
    _plain,
    _resolve,
    _Statement,
    _trimmed,
    _unique,
    unit_sentences,
)

# …and a time limit the act keeps (自受理之日起15个工作日内完成初审, 在公示期满后10个工作日内…)
_ADVERBIALS = (r"(?:每年|每半年|每季度|年度|定期|适时|不定期|依法|依规|按规定|将(?:于[^，,。；;]{1,14}?前)?"
               r"|(?<=年)\d{1,2}月(?:底|初|份|上旬|中旬|下旬)?(?:前)?"  # 县工信局每年3月发布申报通知: the month of a yearly act
               r"|自[^，,。；;]{1,12}?(?:起|内)|在[^，,。；;]{1,16}?内"
               # 审计署在总理领导下，依照法律规定独立行使…: the frame it acts in, then its act
               r"|在[^，,。；;]{1,12}?领导下[，,]?|依照[^，,。；;]{1,12}?规定|独立"
               # 财政部抓紧制定…, 加快出台…, 及时总结…: how soon or how the body acts
               r"|抓紧|加快|尽快|及时|积极|认真|切实|进一步"
               # 政务新媒体主办单位按照“谁开设、谁主办”的原则确定，履行…职责: how the body is fixed, then its act
               r"|按照[^，,。；;]{1,20}?的?原则确定[，,])*")
# X将…纳入年度督查计划: X puts the work among what it checks (supervisor), as X对…开展督查 does
# (not X组织的…督查: what X organises, named as a noun, is no act of this sentence)
_ORGANISES_RE = re.compile(_GAP + _ADVERBIALS + r"(?:组织|开展|负责|牵头|进行|完成|对|将[^，,。；;]{1,30}?纳入)(?!的)")
_EVALUATION_RE = re.compile(r"评估|考核|考评|评价|验收|(?:初审|复审|复核|审核|评审|审查|审定)(?!意见|结论|结果|机构|部门|制度|机制)")
# 对…进行监督 / 对…严肃问责 (a discipline body holding others to account) supervise too
# …进行网上监测和抽查, …进行一次检查: an inspection of others' work (not 检查验收, a review)
_SUPERVISION_RE = re.compile(r"督查|督导|督办|监督检查|督促检查|审计监督|(?:进行|实施)(?:指导)?监督(?!管理)|问责|追责|追究[^，,。；;]{0,6}?责任"
                             r"|(?:进行|开展|实施|组织)[^，,。；;]{0,8}?抽查|(?:进行|开展)(?:一次|专项|全面|跟踪|定期)?检查(?!验收)"
                             r"|(?:进行|开展|实施|组织)(?:专项|跟踪|年度)?审计(?!报告|结果|意见|机关|部门|整改)")  # 对资金进行审计
# What a duty clause (after 负责, or after the bodies 会同 names) is about.
_DUTY_OF: tuple[tuple[re.Pattern[str], Role], ...] = (
    # …负责全省职业教育工作的统筹规划、综合协调: the work named first, then what the body does with it
    (re.compile(r"^\s*(?:要|应当|应|须|需|切实|积极|负责|将|继续)*\s*(?:[^，,。；;]{1,14}?的)?(?:搞好|做好|加强)?"
                r"(?:统筹协调|综合协调|协调服务|协调推进|统筹推进|统筹指导|统筹规划|统筹组织|统筹调度|协调调度|协调解决|组织协调|协调)"), Role.COORDINATOR),
    (re.compile(r"^\s*(?:要|应当|应|须|需|负责)?\s*(?:适时|定期|及时|每年)?(?:组织)?(?:开展)?(?:考核|评估|评价|初审|复审|复核|审核|评审|审查(?!批准|同意))"
                r"|(?:开展|进行|组织|做好)[^，。；]{0,8}?(?:考核|考评|评估|评价|验收|审查)"
                # X会同Y对申报材料进行初审: the clause's act is a stage of a review chain (初审, 复审) of what others
                # submit (进行审核 after 会同 stays the lead's own handling of the applications)
                r"|^\s*(?:要|应当|应|须|需|负责)?\s*对[^，。；]{1,30}?进行(?:初审|复审)(?!意见|结果|结论|机构|部门|制度|机制)"
                # 自受理之日起15个工作日内完成审核: the act is the review itself, done within its time limit
                r"|完成[^，。；、]{0,8}?(?:审核|评审|审定|初审|核实|核查)(?!意见|结果|结论|机构|部门|制度|机制)"
                # 组织专家评审 / 组织专家对…进行论证: the body has experts review the work, it is the reviewer
                r"|^\s*(?:要|应当|应|须|需|负责|将)?\s*(?:适时|定期|及时|每年)?组织(?:有关)?专家(?:[^，。；]{0,20}?(?:进行|开展))?(?:评审|评估|论证|评价|审查)"
                # 适时启动项目审核程序: the body opens its own review of the project
                r"|启动[^，。；]{0,8}?(?:审核|审查|评审|评估)(?:程序|工作)"
                # 对材料…进行审核, 履行审核职责: a body that reviews what others submit (审查 / 审核 / 审定 / 评审)
                r"|^\s*(?:要|应当|应|须|需)\s*(?:认真|严格)?(?:对[^，。；]{1,30}?(?:进行|开展|组织)?|履行)(?:审核|审查|审定|评审)"
                r"(?!意见|机构|机制|制度|工作(?!职责))"
                # 负责申报材料的审核 / 负责项目的评审工作: the clause ends on the review of a named work
                r"|^\s*(?![^，,。；;]*?(?:接受|受到|服从))[^，,。；;]{1,24}?的(?:考核|评估|评价|初审|审核|评审|审查|验收)(?:工作)?(?=[，,。；;]|$)"), Role.EVALUATOR),
    (re.compile(r"^\s*(?:要|应当|应|须|需)?\s*(?:适时|定期|及时|每年)?(?:加大|强化|加强)?(?:组织)?(?:开展)?(?:依法)?(?:跟踪)?(?:监督检查|督查|督促检查|督导|督办|督促|监察|审计监督)"
                r"|^\s*(?:要|应当|应|须|需|将)?\s*(?:切实|着重|认真)?(?:(?:加强|强化|做好)对|做好)[^，。；]{1,30}的(?:指导[、和])?(?:安全|审计)?(?:监管|监督|监察|督促指导|指导督促|督导)"
                r"|^\s*(?:要|应当|应|须|需)?\s*(?:切实)?(?:加强)?(?:指导监督|监督指导)"
                # 要加强对…的指导和监督, 要通过随机抽查等方式加强事中事后监管: a clause that ends on the oversight itself
                r"|^\s*(?:要|应当|应|须|需|将)?\s*(?:通过[^，。；]{1,20}?(?:方式|手段))?\s*(?:切实)?(?:加强|强化)[^，。；]{0,30}?"
                r"(?:指导和监督|监督和指导|事中事后监管|监督管理|监管)(?:工作)?(?=[，,。；;]|$)"
                r"|(?:开展|进行|组织|实施|做好)[^，。；]{0,8}?(?:督查|督导|监督检查|督促检查|审计监督|检查、监督|监督、检查)"
                # 开展涉企收费专项检查 / 组织联合检查: an inspection of others' conduct (not 检查验收, a review)
                r"|^\s*(?:要|应当|应|须|需|将|负责)?\s*(?:会同[^，。；]{1,20}?)?(?:开展|进行|组织|实施)[^，。；]{0,12}?(?:专项|联合|随机|执法)检查(?!验收)"
                r"|^\s*(?:负责)?对[^，。；]{1,20}(?:进行|实施)监督(?!检查|管理)|行使[^，。；]{0,4}监督(?:职)?权"
                # 负责对各项任务落实情况进行跟踪督办: the clause's act is following others' work up
                r"|^\s*(?:要|应当|应|须|需|负责)?\s*对[^，。；]{1,30}?(?:进行|实施|开展)(?:跟踪)?(?:督办|督查|督导|督促检查|监督检查)"
                # 业务主管部门要监督其改正: the clause's act is to watch others do what they must
                r"|^\s*(?:要|应当|应|须|需|负责)\s*(?:严格)?监督(?!管理|机制|制度|体系|工作|检查)"
                # …，加强对《规划》实施的指导、监督和检查: a later clause of the same duty that oversees the work
                r"|[，,]\s*(?:要)?(?:加强|强化)对[^，。；]{1,30}?的(?:指导|协调)、(?:监督|监管)"
                # …继续探索…，加强督促检查: a later clause of the same act that checks others' work
                r"|[，,]\s*(?:并|同时)?(?:要)?(?:加强|强化|做好)(?:督促检查|监督检查|督查|督导)(?=[，,。；;]|$)"
                # 市审计局负责审计: the clause's act is the audit itself
                r"|^\s*(?:要|应当|应|须|需|负责)?\s*(?:依法)?(?:跟踪)?审计(?:工作)?(?=[，,。；;]|$)"
                # 国家发展改革委加强指导和督促: the clause's act is to guide and press others' work
                r"|^\s*(?:要|应当|应|须|需|将|负责)?\s*(?:切实)?(?:加强|强化|做好)?(?:指导和督促|指导、督促|督促和指导|督促、指导)(?=[，,。；;]|$)"
                # 负责收费行为的监督检查 / 负责资金使用的监督: the clause ends on the oversight of a named work
                r"|^\s*(?![^，,。；;]*?(?:接受|受到|服从))[^，,。；;]{1,24}?的(?:监督检查|督促检查|督查|督导|监察|监督)(?:工作)?(?=[，,。；;]|$)"),
     Role.SUPERVISOR),
)
_CONVENES_RE = re.compile(r"\s*(?:负责)?(?:召开|召集)[^，,。；;]{0,10}?会议")
_COMMA_COORDINATES_RE = re.compile(r"\s*[，,]?\s*(?:负责)?(?:统筹协调|统筹推进|综合协调|统筹指导)")
# A named body as the subject of a clause, doing the work: 市财政局统筹安排…, 上海海关依法…
_ACTS_RE = re.compile(_GAP + _ADVERBIALS + r"(?:统筹安排|组织实施|组织开展|组织|制定|编制|建立|推进|推动|开展|落实|指导|承担|行使|履行(?=[^，,。；;]{1,30}?职责)|"
                      r"完善|研究|出台|发布|设立|实施|加强|优化|深化|做好|抓好|健全|汇总|总结|督促"
                      r"|安排(?=[^，,。；;]{0,10}?(?:资金|经费|专项|补助|投资))"  # 财政部每年安排专项资金
                      r"|从[^，,。；;]{1,20}?(?:支付|拨付|列支)"  # 中国人民银行从价差款中支付…: it pays
                      r"|(?:定额|一次性)?(?:补贴|补助|拨付|支付)(?=[^，,。；;]{0,10}?(?:元|资金|经费)))"
                      r"(?!的|(?:出台|发布|印发|实施|下达|制定|建立|开展|组织)的)")  # 市财政局制定出台的办法: a noun phrase  # 财政部定额补贴X元
# A body that hears the reports on a work (定期听取…督导评估情况汇报) oversees it, whatever the reports are about.
_HEARS_RE = re.compile(r"\s*(?:要|应当|应)?\s*(?:定期|适时|每年|及时|专题)?听取[^，,。；;]{0,40}?(?:汇报|报告)(?![\u4e00-\u9fff])")
_OBJECT_RE = re.compile(r"[对向为给与和及在将把]\s*$")
# A named body that 要/应当/须 do something has a duty, whatever the verb (自然资源部门要根据…统筹规划…).
# 发展改革委拟研究制订…: a reply relays what a body plans to do (拟), its duty as 要 would be
_MODAL_RE = re.compile(r"\s*(?:等(?:有关|相关|其他)?(?:部门|单位)(?:和单位)?|[和及](?:其|各)?(?:有关|相关|所属)?(?:[\u4e00-\u9fff]{2,8}?(?<![和及与的]))?(?:部门|单位)|[和及](?:各|有关|相关)*部委)?\s*(?:都|均|也)?(?:在[^，,。；;]{1,30}?(?:时|中|过程中)[，,]?)?(?:近期|今年|明年|年内|今后|下一步|下半年)?(?:继续|还|也)?(?:(?:要|应当|应|须|需|必须|将(?!其|来|近|要求|于|会同)|可以?(?=根据|按照|结合|组织|视))(?!求|素|件|点|害|闻|以|是|有|在(?![^，,。；;]{1,20}(?:领导|指导)下|[^，,。；;]{1,30}?(?:时|前|后|期间|基础上|过程中)[，,]?))|拟(?!任|聘|于|稿|定的|订的))")  # 要在…领导下，…: a duty
# A reply relays a body's word on the matter (发展改革委提出：…, 财政部意见：…, A、B提出了以下意见：): each body it
# names answers for what follows, the lead of the unit. (X将…给予支持 is read by _MODAL_RE: a commitment is a duty.)
_OPINION_RE = re.compile(r"\s*(?:经)?(?:研究)?(?:提出了?(?:以下|如下)?(?:的)?(?:意见|办理意见)?|(?:的)?(?:意见|办理意见)(?:是|为)?|认为)\s*[：:]")
# X会同有关方面 / 有关部门: the others are not named, X's own work follows
_WITH_UNNAMED_RE = re.compile(r"[\s，,]*(?:要|应当|应|将)?(?:会同|联合)(?:有关|相关|其他)(?:方面|部门和单位|部门|单位)\s*")
# X为…核发主管单位 / X是…的牵头部门: the text names X the authority in charge of the work, its lead
_IN_CHARGE_RE = re.compile(r"\s*(?:（室）)?(?:或[^，,。；;]{1,12}?)?(?:是|为)[^，,。；;]{0,30}?(?:主管|牵头|责任|负责)(?:单位|部门|机关|主体)(?:[。；;，,]|$)")
_EACH_BEFORE_RE = re.compile(r"分别由\s*$")
_EACH_AFTER_RE = re.compile(r"\s*(?:等(?:有关)?部门)?分别")
_COLLECTIVE_COORDINATES_RE = re.compile(r"\s*(?:要|应当|应|须)?\s*(?:切实)?(?:加强|做好|负责)?(?:统筹协调|综合协调)")
_COLLECTIVE_ACTS_RE = re.compile(
    _GAP + r"(?:[和及](?:各|有关|相关)*部委)?(?:[，,]?\s*特别是[^，,。；;]{1,30})?[\s，,]*(?:都|均|也)?(?:在[^，,。；;]{1,30}?(?:时|中|过程中)[，,]?)?(?:(?:正在|还将|将)?(?:可|要|应|需|须|负责(?!人(?![才口力事民])|同志)|建立|制定|结合|根据|按照|抓紧|加快|做好|落实|研究|组织|推动|加强|完善|出台|设立|参照|承担(?=[^，,。；;]{0,16}?责任)|履行(?=[^，,。；;]{0,16}?(?:责任|职责)))(?!的)|将(?!其|来|近|要求|于))")  # 国务院部门制定的文件: no act
# What a text requires a body's approval for (设立常驻代表机构，须经X批准): that body decides, the lead.
_REQUIRED_CONSENT_RE = re.compile(r"(?:须|应当|应|必须|需要|需)(?:经|征得)\s*$")  # 应征得X同意: X decides
_CONSENT_AFTER_RE = re.compile(r"\s*(?:批准|审批|核准|同意|许可|(?:讨论|审议|研究)决定)")  # 须经X讨论决定: X decides
# A duty a collective has over others, written before its modal (各级人民政府对所属部门…要加强指导监督).
_OVER_OTHERS_RE = re.compile(r"\s*对[^，,。；;]{1,40}?(?=要|应当|应|须)")
_COLLECTIVE_URGED_RE = re.compile(r"(?:鼓励|支持|引导|要求|指导|督促|推动|由|责成|(?:^|[，,；;。]|(?<![\u4e00-\u9fff])|[应要可](?=请))\s*请)\s*$")  # （一）请各区政府…: no word before 请  # 请各省…人民政府认真贯彻落实
_CLAUSE_START_RE = re.compile(r"(?:^|[，,；;：:])\s*(?:同时，?|并)?\s*$")
_ASKED_RE = re.compile(r"(?:^|[，,；;。：:])\s*(?:并|同时)?请\s*$")
_BY_RE = re.compile(r"(?:由|请|建议|批示|批请|(?<!受)委托|责成)\s*$")  # a reply's 总理批示A、B认真研究: the leader asked them  # 由X办理; a reply's 请X加快研究 / 建议X做好… asks X to act
# 联席会议办公室设在教育部，主要承担…日常工作: the office, set up in a body, carries the work
_HOSTED_RE = re.compile(r"\s*设在[^，,。；;]{1,20}[，,](?:[^。；;]{0,40}?[，,])?\s*(?:主要|具体)?(?:承担|负责)")
_TRANSFERRED_RE = re.compile(r"(?:^|[，,；;：:])\s*原[^，,。；;]{1,20}?(?:的|有关|相关)?(?:职责|职能)(?:和[^，,。；;]{1,6})?(?:划入|改由|由)\s*$")
# A sentence dividing the work among bodies, each with its own part (A负责…；B负责…；C负责…)
_DIVIDED_RE = re.compile(r"负责[^。；;]{2,60}[；;][^。；;]*?负责")
_CARRIES_OUT_RE = re.compile(r"\s*(?:是|为)[^，,。；;]{0,30}?(?:实施|执行)主体(?:[。；;，,]|$)")
# …，要…: a later clause of the same subject telling it what to do
_THEN_MUST_RE = re.compile(r"[^。；;]*?[，,]\s*(?:还|也)?(?:要|应当|应|须|必须)(?!求)")
_HOSTED_COORDINATES_RE = re.compile(r"\s*(?:日常|全面)?(?:的)?(?:统筹协调|综合协调|组织协调|协调)(?!委|会|员|小组|办|机制)")
_SUPPORTS_RE = re.compile(r"\s*(?:积极|大力|继续)?(?:给予|予以)?(?:支持|配合|协助)")  # 请X积极给予支持: X takes part
# X根据需要提供企业纳税数据: a body that supplies the data others decide on takes part
_PROVIDES_RE = re.compile(r"\s*(?:根据需要|按需|按要求|及时|负责)?(?:向[^，,。；;]{1,12}?)?提供[^，,。；;]{0,12}?(?:数据|信息|资料|证明)")
# A later clause with the same subject (市财政局负责…，参与项目审核) / of the same act (…进行评估，对…开展督查).
_SAME_SUBJECT_HELPS_RE = re.compile(r"(?:并|同时|还)?(?:参与|配合|协助|参加)")
# …以及…情况，与你省充分协商，适时启动…: more grounds (以及) and a party to consult (与X协商) go on with the same act
# A body's work named as the time of the sentence, with others told to help it (税务机关核查…情况时，…等有关单位和个人
# 应当协助核查): the body leads that work.
_WHEN_HELPED_RE = re.compile(r"[^，,。；;]{1,30}?(?<!同)时[，,][^。；;]{0,80}?(?:应当|应|要|须|必须)(?:积极|主动)?(?:予以)?(?:协助|配合)")
# What a body itself holds or issues, named as the subject of a rule (国务院及各部门召开的工作会议，要减少数量，控制规模):
# the rule binds the body that holds the meetings or issues the texts, it leads.
_OWN_PRODUCT_RE = re.compile(_GAP + r"(?:[及和、]各(?:有关)?部门)?(?:召开|举办|印发|制发|发布|出台)的[^，,。；;]{1,12}[，,]\s*(?:都|均|也)?(?:要|应当|应|须|必须)")
# …and the texts a body issues, which the rule makes it publish (国务院及国务院办公厅的公文，除需要保密的外，应及时公布)
_OWN_PUBLISHED_RE = re.compile(_GAP + r"的(?:公文|文件|规范性文件|政府信息)[，,](?:[^。；;，,]{0,16}?[，,])?\s*(?:都|均)?"
                               r"(?:应当|应|要|须|必须)(?:及时|主动|依法)?(?:予以)?(?:公布|公开|发布)")
_SAME_ACT_RE = re.compile(r"(?:并|同时|还|对|定期|每年|及时|适时|组织|开展|进行|加强|会同|以及|依规|依纪|依法|严肃|从严|与[^，,。；;]{1,12}?(?:充分)?(?:协商|沟通|衔接))")


_CLAUSE_END = "，,。；;"


def _same_act(rest: str) -> str:
    """The clauses of ``rest`` that go on with the same act: the first, and those that start with 对 / 并 /
    开展 … (进行评估，对落实情况开展督查), not one with a subject of its own (督查结果纳入考核)."""
    clauses = re.split(r"(?<=[，,；;])", rest)
    kept = clauses[:1]
    for clause in clauses[1:]:
        if not _SAME_ACT_RE.match(clause.strip()):
            break
        kept.append(clause)
    return "".join(kept)


def _checks(rest: str) -> tuple[bool, bool]:
    """Whether the clauses of an act review (评估, 审核) and whether they oversee (督查, 追责). In one clause the verb
    that ends it is the act, a review word before it names part of the object (对…在资金审核、拨付中…的行为追究责任:
    the conduct is checked, nothing is reviewed); each clause of its own counts (进行评估，对落实情况开展督查)."""
    evaluates = supervises = False
    for clause in re.split(r"[，,；;]", rest):
        ev = [m.end() for m in _EVALUATION_RE.finditer(clause)]
        su = [m.end() for m in _SUPERVISION_RE.finditer(clause)]
        if ev and su:
            if max(ev) > max(su):
                evaluates = True
            else:
                supervises = True
        else:
            evaluates, supervises = evaluates or bool(ev), supervises or bool(su)
    return evaluates, supervises


def _later_help(source: str, stop: int, end: int, mentions: list[Mention]) -> bool:
    """Whether a later clause of the same subject says it takes part (市财政局负责…，参与项目审核)."""
    pos = stop
    while True:
        comma = min((i for i in (source.find("，", pos, end), source.find(",", pos, end)) if i != -1), default=-1)
        if comma == -1:
            return False
        nxt = min((i for i in (source.find("，", comma + 1, end), source.find(",", comma + 1, end)) if i != -1),
                  default=end)
        if any(comma < m[0].start < nxt for m in mentions):
            return False
        if _SAME_SUBJECT_HELPS_RE.match(source, comma + 1, nxt):
            return True
        pos = comma + 1


# A class of bodies named by its work alone, with no level, place or 国务院 (税务机关, 医疗保障部门, 登记管理机关,
# 业务主管部门): the bodies of that kind everywhere, not one body.
_CLASS_RE = re.compile(r"^(?:(?:地方)?各级)?(?!国务院|国家|中央|中国|全国|各|地方|县级|省|市|区|县|[^，。]*(?:省|市|区|县|政府))"
                       r"(?:[\u4e00-\u9fff]{2,10}(?:部门|机关|机构)|[\u4e00-\u9fff]{0,8}(?:挂靠|主办|承办)单位)$")  # 挂靠单位: each unit of the kind
_MEANS_RE = re.compile(r"\s*(?:要|应当|应|须|需|可)?\s*(?:(?:采取|采用|通过|运用)[^，,；;。]{0,20}(?:方式|办法|手段|形式)"
                       r"|(?:根据|按照|依据)[^，,；;。]{0,20}(?:要求|规定|需要)"
                       r"|在[^，,；;。]{1,16}?(?:领导|指导)下)[，,]")  # 审计署在总理领导下，…独立行使审计监督权


# 负责对…进行初审: what a body is charged with is the review of the work others submit (it is the evaluator)
_CHARGED_REVIEW_RE = re.compile(r"^\s*(?:认真|严格)?对[^，。；]{1,30}?(?:进行|开展|组织)(?:初审|复审|审核|审查|审定|评审|核查|核实)"
                                r"(?!意见|机构|机制|制度|工作(?!职责))")


def _duties(source: str, start: int, end: int) -> tuple[bool, list[Role]]:
    """The roles a duty names (协调 → coordinator, 评估 → evaluator, 督查 → supervisor) in its clause and the
    clauses that go on with the same act, and whether its first clause is itself such a duty (then it is no
    lead: 负责统筹协调…; else a lead that also evaluates: 负责制定…，定期开展评估)."""
    means = _MEANS_RE.match(source[start:end])  # 应当采取随机抽查等方式，对…进行检查: the means, then the duty
    text = _same_act(source[start + means.end() : end] if means else source[start:end])
    first = re.split(r"[，,；;]", text, maxsplit=1)[0]
    instead = any(p.search(first) for p, _ in _DUTY_OF)
    roles = [role for pattern, role in _DUTY_OF if pattern.search(text)]
    charged = source.endswith("负责", 0, start)
    if not means and ((charged and _CHARGED_REVIEW_RE.match(first)) or (not charged and _CHECKS_RE.match(first))):
        instead, roles = True, roles + [Role.EVALUATOR] * (Role.EVALUATOR not in roles)
    elif charged and Role.EVALUATOR not in roles and _listed_review(source[start:end]):
        roles = roles + [Role.EVALUATOR]  # 负责预算管理，…，审核资金分配方案，…: it leads and reviews
    return instead, roles


# One of the duties a 负责 lists, clause after clause in the same sentence, is a review (…，审核资金分配建议方案，…;
# not 组织项目申报、审核和绩效管理, a work it organises): the body also reviews. The list ends at a clause with a subject of
# its own.
_LISTED_REVIEW_RE = re.compile(r"^\s*(?:审核|初审|复核|评审)(?!结果|意见|结论|情况|工作|机构|部门|制度|机制)")
_OWN_SUBJECT_RE = re.compile(r"^\s*(?:[省市区县各本其该]|有关|相关|国家|国务院)")


def _listed_review(text: str) -> bool:
    sentence = re.split(r"[。；;]", text, maxsplit=1)[0]
    for clause in re.split(r"[，,]", sentence)[1:]:
        if _OWN_SUBJECT_RE.match(clause):
            return False
        if _LISTED_REVIEW_RE.match(clause):
            return True
    return False


# X核查备案信息 / X应当核实…: a body whose own act is checking what others state reviews it (负责核查…, a share of
# the work a text divides among bodies, stays that body's lead)
_CHECKS_RE = re.compile(r"^\s*(?:要|应当|应|须|需)?\s*(?:及时|认真|严格|逐一)?(?:核查|核实)")


def _marked_statements(source: str, marked: list[tuple[list[Mention], str | None, int]], i: int, end: int,
                       conv: _Conventions, pos: int, has_lead: bool) -> Iterator[tuple[Mention, Role, bool]]:
    """A list with its verb: 负责 + 协调/评估/督查 gives those roles; a lead by 会同 whose clause is an
    evaluation or supervision (X会同Y对…开展评估) is the evaluator or supervisor."""
    _, mark, stop = marked[i]
    instead, duty = False, []
    if mark == _PLAIN:
        instead, duty = _duties(source, stop, end)
    elif mark == _LEAD and _WITH_RE.match(source, stop, end) and i + 1 < len(marked):
        instead, duty = _duties(source, marked[i + 1][2], end)
    elif mark == _LEAD and (unnamed := _WITH_UNNAMED_RE.match(source, stop, end)):
        instead, duty = _duties(source, unnamed.end(), end)  # X要会同有关方面做好指导、督查…: X supervises
    if mark == _LEAD and "负总责" in source[marked[i][0][-1][0].end : stop] and _THEN_MUST_RE.match(source, stop, end):
        # 各市（州）人民政府对本地区…工作负总责，要制定具体工作方案: it answers for the whole and carries it out
        yield from ((m, Role.IMPLEMENTER, False) for m in _unique(marked[i][0]) if _is_collective(source, m))
    helps = mark in (_LEAD, _PLAIN) and _later_help(source, stop, end, [m for g, _, _ in marked for m in g])
    if (mark == _PLAIN and any(mk == _LEAD for _, mk, _ in marked) and _PROVIDES_RE.match(source, stop - 2, end)
            and source.endswith("负责", 0, stop)):
        # 由A会同B组织实施，C负责提供企业缴费数据: C supplies what the lead's work needs, it takes part
        yield from ((m, Role.PARTICIPANT, False) for m in _unique(marked[i][0]) if not _is_collective(source, m))
        return
    group = marked[i][0]
    named = [m for m in _unique(group) if not _is_collective(source, m)]
    if (mark == _PLAIN and not has_lead and named and len(_unique(group)) > 1 and len(named) < len(_unique(group))
            and _DIVIDED_RE.search(source, pos, end) and _CLAUSE_START_RE.search(source[pos : group[0][0].start])
            and not re.match(r"\s*(?:具体|组织)?(?:落实|实施)", source[stop:end])):
        # X负责…；各乡镇人民政府、开发区管委会负责辖区内项目的摸底: in a sentence dividing the work among bodies, the
        # places listed with a named body answer for their own part as it does
        named = _unique(group)
    if (mark == _PLAIN and not has_lead and len(named) > 1 and len(named) == len(_unique(group))
            and _CLAUSE_START_RE.search(source[pos : group[0][0].start])):
        # 公安部、交通部负责道路交通安全整治工作: a list of subjects with its verb, each body answers for the work
        # (first-listed-body-leads stays for owner notes with no verb and for 由A、B负责)
        for mention in named:
            if not (duty and instead):
                yield mention, Role.LEAD, False
            yield from ((mention, other, False) for other in duty)
            if helps:
                yield mention, Role.PARTICIPANT, False
        return
    for mention, role, conventional in _resolve(source, [marked[i]], None, conv, pos, has_lead, in_sentence=True):
        if not (duty and instead and role is not Role.PARTICIPANT):
            yield mention, role, conventional
        if role is not Role.PARTICIPANT:
            yield from ((mention, other, False) for other in duty)
        if helps and role is not Role.PARTICIPANT:
            yield mention, Role.PARTICIPANT, False


# 由市政府主要领导任组长 / 由X分管负责同志担任召集人: a person of X heads a group, X itself does nothing here
_ITS_HEAD_RE = re.compile(r"(?:的)?(?:主要|分管|有关)?(?:领导|负责同志|负责人)(?:同志)?(?:兼)?(?:任|担任)")


def _own_part(source: str, marked: list[tuple[list[Mention], str | None, int]], i: int, start: int, end: int) -> bool:
    """Whether a list marked 负责 answers for a part of its own: it opens a comma clause that holds no lead word
    (市发改委牵头负责项目谋划，市自然资源局负责用地保障), and 负责 has its object there (not …，B、C负责）)."""
    group, _, stop = marked[i]
    head = group[0][0].start
    cut = max(source.rfind(c, start, head) for c in "，,")
    if cut == -1 or source[cut + 1 : head].strip():
        return False
    close = min((j for j in (source.find(c, stop, end) for c in "，,；;。") if j != -1), default=end)
    if len(source[stop:close].strip()) < 2:
        return False
    return not any(m == _LEAD and cut < g[0][0].start < close for g, m, _ in marked)


def _own_later_clause(source: str, tail: int, other: int) -> bool:
    """Whether a list starting at ``other`` opens a clause of its own after words that follow the list ending at
    ``tail``: a comma between them, the comma closing at least two characters of this list's own text."""
    if other <= tail:
        return False
    comma = max(source.rfind("，", tail, other), source.rfind(",", tail, other))
    return comma - tail >= 2 and _CLAUSE_START_RE.search(source[tail:other]) is not None


def _same_clause(source: str, a: int, b: int) -> bool:
    """Whether no ； (a clause of its own) stands between positions ``a`` and ``b`` of one sentence."""
    return not re.search(r"[；;]", source[min(a, b) : max(a, b)])


def _sentence_statements(source: str, sent: Span, mentions: list[Mention], conv: _Conventions,
                         narrative: bool = False) -> Iterator[tuple[Mention, Role, bool]]:
    """Duties a sentence states in words (X负责…, 由X会同Y…, Y予以配合, 各区政府可…, X组织…评估, X统筹安排…).
    In ``narrative`` text (the preamble: 近年来，市经信委推动…) a body doing something is background, not a duty."""
    marked = _marks(source, _inside(mentions, sent.start, sent.end), sent.end)
    has_lead = any(mark == _LEAD for _, mark, _ in marked)
    for i, (group, mark, _) in enumerate(marked):
        if mark is not None:
            own = mark == _PLAIN and _own_part(source, marked, i, sent.start, sent.end)
            yield from _marked_statements(source, marked, i, sent.end, conv, sent.start, has_lead and not own)
            continue
        start, tail = group[0][0].start, group[-1][0].end
        # a body told what to do in its own clause, closed by ；, helps no lead of another clause (对需整改的…，业务主管部门
        # 要监督其改正；对撤销登记的…，业务主管部门要会同有关单位…)
        # nor a lead that opens a later clause of its own after this list's own words (请你省认真组织实施，发展改革委要
        # 会同有关部门加强督促检查: 你省 is asked to act, the later lead is of another work)
        has_lead = any(mark == _LEAD and _same_clause(source, start, other[0][0].start)
                       and not (_own_later_clause(source, tail, other[0][0].start)
                                and not {k for _, k in other} & {k for _, k in group}) for other, mark, _ in marked)
        if _EXPERTS_RE.match(source, tail, sent.end) or _ITS_HEAD_RE.match(source, tail, sent.end):
            continue  # 由A、B等单位专家组成的专家组: the bodies only send the experts
        if _OBJECT_RE.search(source, sent.start, start) and not (
                re.search(r"[和及]\s*$", source[sent.start : start]) and any(_is_collective(source, m) for m in group)
                and _COLLECTIVE_ACTS_RE.match(source, tail, sent.end)):
            continue  # 对各区…, 向市政府…: the body is what the clause acts on (其他省（区、市）和国务院部门，可参照: joined)
        named = [m for m in group if not _is_collective(source, m)]
        if named and not narrative and _HEARS_RE.match(source, tail, sent.end):
            yield from ((m, Role.SUPERVISOR, False) for m in _unique(named))  # X定期听取…情况汇报: X oversees it
            continue
        if (named and not narrative and _CLAUSE_START_RE.search(source[sent.start : start])
                and (_OWN_PRODUCT_RE.match(source, tail, sent.end) or _OWN_PUBLISHED_RE.match(source, tail, sent.end))):
            yield from ((m, Role.LEAD, False) for m in _unique(named))  # 国务院及各部门召开的工作会议，要减少数量: X's own
            continue
        if (named and not narrative and _CLAUSE_START_RE.search(source[sent.start : start])
                and _WHEN_HELPED_RE.match(source, tail, sent.end)):
            yield from ((m, Role.LEAD, False) for m in _unique(named))  # X核查…时，…有关单位应当协助核查: X's work
            continue
        organises = _ORGANISES_RE.match(source, tail, sent.end)
        rest = _same_act(source[organises.end() : sent.end]) if organises else ""
        evaluates, supervises = _checks(rest)
        for mention in named:
            if evaluates:
                yield mention, Role.EVALUATOR, False
            if supervises:
                yield mention, Role.SUPERVISOR, False
        if named and _REQUIRED_CONSENT_RE.search(source[sent.start : start]) and _CONSENT_AFTER_RE.match(source, tail):
            # 须经X批准: X decides on it; 应征得X同意: X vets what others ask before they may act (evaluator)
            sought = source[sent.start : start].rstrip().endswith("征得")
            yield from ((m, Role.EVALUATOR if sought else Role.LEAD, False) for m in _unique(named))
            continue
        if named and _TRANSFERRED_RE.search(source, sent.start, start):
            continue  # 原市大数据局职责由市数据局承担: a body's functions passed on by a reform, no work of this unit
        if named and not (evaluates or supervises):
            before = source[sent.start : start]
            by_body = _BY_RE.search(before) and source[tail : tail + 1] not in _CLAUSE_END  # 由市财政局将资金拨付…
            acts = _CLAUSE_START_RE.search(before) and (_ACTS_RE.match(source, tail, sent.end)  # 市财政局统筹安排…
                                                        or _MODAL_RE.match(source, tail, sent.end))  # X要…, X应当…
            # 请A、B、C等部门在…前完成: the text asks each body listed, with no word that one of them leads
            asked = bool(_ASKED_RE.search(before)) and not _WITH_RE.match(source, tail, sent.end)
            each = _EACH_BEFORE_RE.search(before) or _EACH_AFTER_RE.match(source, tail, sent.end)
            if (by_body or acts) and not narrative and each and len(_unique(named)) > 1:
                yield from ((m, Role.LEAD, False) for m in _unique(named))  # 分别由A和B办理: each leads its own
                continue
            if not narrative and _CLAUSE_START_RE.search(before) and (_OPINION_RE.match(source, tail, sent.end)
                                                                      or _IN_CHARGE_RE.match(source, tail, sent.end)):
                yield from ((m, Role.LEAD, False) for m in _unique(named))  # 发展改革委意见：…; X为…主管单位
            elif not narrative and (by_body or _CLAUSE_START_RE.search(before)) and _CONVENES_RE.match(source, tail, sent.end):
                yield from ((m, Role.CONVENER, False) for m in _unique(named))  # 由X召开联络员会议: X convenes
            elif _COMMA_COORDINATES_RE.match(source, tail, sent.end):
                yield from ((m, Role.COORDINATOR, False) for m in named)
            elif not narrative and (hosted := _HOSTED_RE.match(source, tail, sent.end)):
                # 办公室设在教育部，承担日常工作: the office leads that work; …，负责（日常）统筹协调: it coordinates
                role = Role.COORDINATOR if _HOSTED_COORDINATES_RE.match(source, hosted.end(), sent.end) else Role.LEAD
                # only the office written right before 设在 (成立…工作专班，工作专班办公室设在…: not the group)
                yield from ((m, role, False) for m in _unique(named) if m[0].end == tail)
            elif not narrative and ((by_body and _SUPPORTS_RE.match(source, tail, sent.end))
                                    or ((by_body or _CLAUSE_START_RE.search(before))
                                        and _PROVIDES_RE.match(source, tail, sent.end))):
                yield from ((m, Role.PARTICIPANT, False) for m in _unique(named))  # 请X给予支持; X提供…数据
            elif (not narrative and acts and not by_body and not has_lead and _MODAL_RE.match(source, tail, sent.end)
                  and all(_CLASS_RE.search(m[0].text(source)) for m in named)
                  and not _duties(source, tail, sent.end)[1]):
                # 税务机关应当及时处理, 登记管理机关和业务主管部门要…: a class of bodies at every level, each implements
                yield from ((m, Role.IMPLEMENTER, False) for m in _unique(named))
            elif (not narrative and (acts or asked) and not (by_body and not asked) and not has_lead
                  and len(_unique(named)) > 1 and (asked or acts)
                  and not _later_help(source, tail, sent.end, named)):
                # 甲部门和乙部门应当加强…: bodies told alike what to do, with no word that one leads, each leads;
                # 甲部门和乙部门应当…进行检查、监督: each is the supervisor
                instead, duty = _duties(source, tail, sent.end)
                for m in _unique(named):
                    if not (duty and instead):
                        yield m, Role.LEAD, False
                    yield from ((m, other, False) for other in duty)
            elif not narrative and (by_body or acts):
                instead, duty = _duties(source, tail, sent.end)  # 要加强统筹协调，会同…开展督促检查
                for mention, role, conventional in _plain(source, named, has_lead, conv, sent.start, True):
                    if not (duty and instead and role is not Role.PARTICIPANT):
                        yield mention, role, conventional
                    if role is not Role.PARTICIPANT:
                        yield from ((mention, other, False) for other in duty)
        if _COLLECTIVE_URGED_RE.search(source, sent.start, start) or _COLLECTIVE_ACTS_RE.match(source, tail, sent.end):
            # 地方各级人民政府要加强统筹协调: a collective that coordinates is the coordinator, not an implementer
            coordinates = _COLLECTIVE_COORDINATES_RE.match(source, tail, sent.end)
            # 各设区市…部门负责初审: a collective charged (负责) with a review is the evaluator, not an implementer
            instead, duty = _duties(source, tail, sent.end)
            reviews = instead and Role.EVALUATOR in duty and re.match(r"\s*负责", source[tail : sent.end])
            roles = [Role.COORDINATOR] if coordinates else [Role.EVALUATOR] if reviews else [Role.IMPLEMENTER]
            yield from ((m, role, False) for m in group if _is_collective(source, m) for role in roles)
        elif (_IN_CHARGE_RE.match(source, tail, sent.end) or _CARRIES_OUT_RE.match(source, tail, sent.end)) \
                and _CLAUSE_START_RE.search(source[sent.start : start]):
            # 地方各级人民政府办公厅（室）是本地区…工作的主管单位: each of them is in charge, the lead;
            # …是本地工作的责任主体，要参照本方案制定具体措施: and it carries out what it is then told to do;
            # …是实施主体: the one that carries the work out, the implementer
            roles = [Role.LEAD] if _IN_CHARGE_RE.match(source, tail, sent.end) else []
            if _THEN_MUST_RE.match(source, tail, sent.end) or not roles:
                roles.append(Role.IMPLEMENTER)
            yield from ((m, role, False) for m in group if _is_collective(source, m) for role in roles)
        elif (over := _OVER_OTHERS_RE.match(source, tail, sent.end)) and _CLAUSE_START_RE.search(source[sent.start : start]):
            # 各级人民政府对所属部门…要加强指导监督: a collective's duty over others, read like any duty
            roles = _duties(source, over.end(), sent.end)[1] or [Role.IMPLEMENTER]
            yield from ((m, r, False) for m in group if _is_collective(source, m) for r in roles)


# A lead-in that the items below name bodies which supply or help (有关部门和单位有责任和义务向税务部门提供或者协助
# 核实以下信息：(一)公安部门有关户籍信息；): each body an item opens with takes part.
_HELPERS_LEAD_IN_RE = re.compile(r"(?:提供|协助|配合|参与)[^。；;]{0,30}(?:以下|下列)[^。；;]{0,20}[：:]\s*$")


def _listed_helpers(source: str, units: list[Unit], mentions: list[Mention]) -> list[_Statement]:
    by_path = {u.path: u for u in units}
    found: list[_Statement] = []
    for unit in units:
        parent = by_path.get(unit.parent or "")
        if parent is None or not _HELPERS_LEAD_IN_RE.search(parent.text):
            continue
        opening = re.search(r"有关|提供|[，,；;。]", unit.text)
        stop = unit.span.start + (opening.start() if opening else len(unit.text))
        group = _inside(mentions, unit.span.start, stop)
        if (group and _SEP_RE.fullmatch(source, unit.span.start, group[0][0].start)
                and not re.match(r"确定|规定|决定|要求", source[group[-1][0].end : group[-1][0].end + 2])):
            # (十)X确定的其他信息: X decides, it supplies nothing
            for mention in _unique(group):
                found.append(_Statement(mention[1], Role.PARTICIPANT, unit.path, _trimmed(source, unit.span), False,
                                        tuple(m[0].text(source) for m in group)))
            # …、住房公积金管理机构有关…信息: a later body of the same item that opens its own part of the list
            for mention in _inside(mentions, stop, unit.span.end):
                if source[mention[0].start - 1] in "、；;" and source.startswith("有关", mention[0].end):
                    found.append(_Statement(mention[1], Role.PARTICIPANT, unit.path, _trimmed(source, unit.span),
                                            False, (mention[0].text(source),)))
    return found


# Bodies written right before a review (经A评审、B审定和C审核, 挂靠单位、业务主管部门审查同意): each evaluates.
_REVIEWS_RE = re.compile(r"(?:评审|审定|审核|审查)(?!委员会|机构|部门)")


def _reviewers(source: str, units: list[Unit], mentions: list[Mention]) -> list[_Statement]:
    found: list[_Statement] = []
    for unit in units:
        for sent in unit_sentences(unit):
            for group in _groups(source, _inside(mentions, sent.start, sent.end)):
                if not _REVIEWS_RE.match(source, group[-1][0].end):
                    continue
                for mention in _unique(group):
                    found.append(_Statement(mention[1], Role.EVALUATOR, unit.path, _trimmed(source, sent), False,
                                            tuple(m[0].text(source) for m in group)))
    return found


# A group the text sets up (成立治理工作小组，组长由…担任，成员由…组成): the group itself leads the work.
# 由A、B组成…工作小组 sets a group up as well; 可成立…: a group others may set up
_SETS_UP_RE = re.compile(r"(?<!可)(?<!可以)(?<!同意)(?<!批准)(?:成立|组建|组成|调整充实|充实调整|充实)\s*$")  # 同意成立…: a reply's consent
_GROUP_NAME_RE = re.compile(r"(?:领导小组|工作小组|协调小组|小组|工作组|专家组|专班|办公室)$")
# 成立由市政府主要领导任组长的市…领导小组: the group set up, its head written between the verb and its name
_SETS_UP_HEADED_RE = re.compile(r"(?<!可)(?<!可以)(?<!同意)(?<!批准)(?:成立|组建|调整充实|充实调整)\s*由[^，,。；;由]{1,30}?"
                                r"(?:任|担任|兼任)(?:双?组长|总指挥|指挥长|主任|召集人)的\s*$")
# A body entrusted with a check (委托X作为第三方，对…进行考核、评估): the one that evaluates or supervises it.
_ENTRUSTED_RE = re.compile(r"委托\s*$")


def _set_up_groups(source: str, units: list[Unit], mentions: list[Mention]) -> list[_Statement]:
    found: list[_Statement] = []
    for unit in units:
        for sent in unit_sentences(unit):
            for mention in _inside(mentions, sent.start, sent.end):
                if ((_SETS_UP_RE.search(source, max(sent.start, mention[0].start - 4), mention[0].start)
                     or _SETS_UP_HEADED_RE.search(source, max(sent.start, mention[0].start - 40), mention[0].start))
                        and _GROUP_NAME_RE.search(mention[0].text(source))):
                    found.append(_Statement(mention[1], Role.LEAD, unit.path, _trimmed(source, sent), False, ()))
    return found


_HEADED_DUTY_RE = re.compile(r"\s*(?:主要)?负责")
# 武安市人民政府。建立…机制，…; 市行政审批局。推行…: a heading that names a body alone, then a sentence with no
# subject that opens with what it does or did (a commendation's or a division of labour's list of bodies): the body
# named above is that sentence's subject and the actor of its unit.
_HEADED_ACT_RE = re.compile(r"\s*(?:在[^，,。；;、]{1,8}?)?(?:率先|主动|积极|持续|创新)?"
                            r"(?:牵头|建立|推行|推进|推动|开展|实施|组织|制定|出台|探索|打造|完成)")


def _entrusted(source: str, units: list[Unit], mentions: list[Mention]) -> list[_Statement]:
    """委托X…对…进行指导、考核、评估: X is the evaluator (or the supervisor) of what it is entrusted with."""
    found: list[_Statement] = []
    for unit in units:
        for sent in unit_sentences(unit):
            for mention in _inside(mentions, sent.start, sent.end):
                if not _ENTRUSTED_RE.search(source, max(sent.start, mention[0].start - 3), mention[0].start):
                    continue
                rest = source[mention[0].end : sent.end]
                roles = [r for pattern, r in ((_EVALUATION_RE, Role.EVALUATOR), (_SUPERVISION_RE, Role.SUPERVISOR))
                         if pattern.search(rest)]
                found += [_Statement(mention[1], r, unit.path, _trimmed(source, sent), False, ()) for r in roles]
    return found


# A body consulted on the work (请商X办理, 与X协商办理, 同X签订合同): it takes part.
_CONSULTED_BEFORE_RE = re.compile(r"(?<![协会磋])商\s*$|(?:与|同)\s*$")
_CONSULTED_AFTER_RE = re.compile(r"(?:[、和及]?[^，,。；;]{0,16}?)(?:协商|商定|会商|签订|共同|合建|共建|合办|联办)|(?:[和及](?:有关|相关)部门)?(?:办理|研究办理|研究确定|研究解决|解决)")


# X将与Y、Z等单位一起，组织制定…: the bodies X works together with take part.
_TOGETHER_RE = re.compile(r"(?<!已)(?:与|同)(?P<list>[^，,。；;]{2,80}?)(?:等(?:有关|相关)?(?:部门|单位|方面|机构))?(?:一起|共同)")


# 征求X的意见 / 征求X、Y意见: the body whose opinion is sought takes part in the work
_OPINION_SOUGHT_BEFORE_RE = re.compile(r"征求(?:[^，,。；;]{0,12}?[、和及])?\s*$")
_OPINION_SOUGHT_AFTER_RE = re.compile(r"(?:[、和及][^，,。；;]{1,16}?)?(?:等(?:有关|相关)?(?:部门|单位))?(?:的)?(?:意见|看法)")
# 同意X与Y合建… (a reply's consent): X does the joint work, Y (written after 与) takes part
_AGREED_JOINT_RE = re.compile(r"\s*(?:与|同|和)[^，,。；;]{2,30}?(?:合建|共建|合办|联办|合作建设|联合建设|合作开展)")


def _consulted(source: str, units: list[Unit], mentions: list[Mention]) -> list[_Statement]:
    """请商北京市政府和有关部门办理, 与地方政府协商办理, 由甲同乙签订合同, 与Y、Z等单位一起…: the body consulted,
    signed or worked with takes part."""
    found: list[_Statement] = []
    for unit in units:
        for sent in unit_sentences(unit):
            for together in _TOGETHER_RE.finditer(source, sent.start, sent.end):
                if together.group().endswith("共同") and any(m[0].end == together.start() for m in mentions):
                    continue  # 市城管委与市公安局共同制定…: the two are the joint subject, each leads (ingest.acts)
                found += [_Statement(m[1], Role.PARTICIPANT, unit.path, _trimmed(source, sent), False, ())
                          for m in _inside(mentions, together.start("list"), together.end("list"))
                          if not _is_collective(source, m)]
            for mention in _inside(mentions, sent.start, sent.end):
                if _is_collective(source, mention):
                    continue  # 与各有关部门协商: the addressees, no participant
                joint = (source[mention[0].start - 1 : mention[0].start] in "与同"
                         and any(m[0].end == mention[0].start - 1 for m in mentions)
                         and source.startswith("共同", mention[0].end))  # A与B共同制定: B is a joint subject
                if (_CONSULTED_BEFORE_RE.search(source, max(sent.start, mention[0].start - 2), mention[0].start)
                        and _CONSULTED_AFTER_RE.match(source, mention[0].end, sent.end) and not joint):
                    found.append(_Statement(mention[1], Role.PARTICIPANT, unit.path, _trimmed(source, sent), False, ()))
                elif (_OPINION_SOUGHT_BEFORE_RE.search(source, max(sent.start, mention[0].start - 16), mention[0].start)
                      and _OPINION_SOUGHT_AFTER_RE.match(source, mention[0].end, sent.end)):
                    found.append(_Statement(mention[1], Role.PARTICIPANT, unit.path, _trimmed(source, sent), False, ()))
                elif (source.endswith("同意", 0, mention[0].start)
                      and _AGREED_JOINT_RE.match(source, mention[0].end, sent.end)):
                    found.append(_Statement(mention[1], Role.LEAD, unit.path, _trimmed(source, sent), False, ()))
    return found


def _heading_body(source: str, sent: Span, mentions: list[Mention]) -> Mention | None:
    """The body a heading line names and nothing else (1.监督组。), whose next sentence may state its duty."""
    inside = _inside(mentions, sent.start, sent.end)
    if len(inside) != 1:
        return None
    text = source[sent.start : sent.end].strip()
    body = inside[0][0].text(source)
    return inside[0] if re.fullmatch(rf"[\d一二三四五六七八九十（）()．.、\s]*{re.escape(body)}[。：:]?", text) else None


def _headed_duty(source: str, sent: Span, heading: Mention) -> Iterator[tuple[Mention, Role, bool]]:
    """监督组。负责对…进行监督: a sentence with no subject that opens with 负责 states the heading body's duty."""
    m = _HEADED_DUTY_RE.match(source, sent.start, sent.end)
    if not m:
        if _HEADED_ACT_RE.match(source, sent.start, sent.end):
            yield heading, Role.LEAD, False
        return
    instead, duty = _duties(source, m.start(), sent.end)
    if not (duty and instead):
        yield heading, Role.LEAD, False
    yield from ((heading, role, False) for role in duty)
