"""What a unit does (``Unit.function``), beside what it is (``Unit.kind``): a goal, an action, a support, a rule,
a duty of a body, a decision or context, read from the unit's own words and its place, the same way in every
genre (plans, opinions, notices, replies, circulars, regulations).

The decision is explainable: ``function_cue`` holds the words that decided it (a heading such as 指导思想, or the
cue found in the text, e.g. 给予…补贴, 不得, 办公室设在), so a reader can see why.

Order of the decision (the first that applies wins):

1. Place: a heading of guiding ideas or principles (指导思想, 基本原则, 总体要求) → context; a goals heading or a
   unit under one (主要目标, 工作目标, 目标任务) → goal; a unit under a specification's heading (式样, 规格,
   编码规则) → rule.
2. Strong cues anywhere in the unit, which carry the unit whatever else it says: a decision (国务院决定, 同意…,
   授予, 予以表扬, 给予…处分, a reply's 办理意见) → decision; setting up a body or stating its membership
   (成立…领导小组, 组成人员, 办公室设在, 召集人) → duty.
3. A notice's own body that, beyond its cover formula, tells its addressees what to do (各试点城市要…,
   各牵头单位要于…报送, 请你们把…作为一项政治任务) → duty.
4. The main clause (the heading and the first sentence of the body): a heading that directs work → action
   (under 保障措施, one whose text puts a named body to work → duty); else the first function among support,
   rule, goal, duty and context whose cue it holds.
5. The rest of the text: a support cue → support; two or more rule markers (不得, 应当, 必须 …) → rule; the
   cover text of a notice (现将…印发给你们, 现函复如下, 请批转) → context; background narrative → context.
6. A short list item with no cue of its own (自然资源部门有关不动产登记信息；, a commended practice) takes the
   function of the text that introduces it (its parent, or the preamble for a top-level list).
7. Defaults by kind: an article (第X条) → rule; a preamble, notice or closing → context; otherwise → action.
8. An article found a rule that opens with a government body at work (国务院各部门要…, 县审计局依法对…) → duty.

Owner notes such as （发展改革委、财政部负责） or 由市经信委牵头 say who does a unit's work, not what the unit
does; they are left out before reading duty cues.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace

from .classify import heading_role
from .model import Unit, UnitKind

__all__ = ["ACTIONABLE", "FUNCTIONS", "FunctionCall", "assign_functions", "unit_function"]

log = logging.getLogger(__name__)

# The functions, in the order a listing shows them.
FUNCTIONS: tuple[str, ...] = ("goal", "action", "support", "rule", "duty", "decision", "context")
# What an enterprise or a person can act on or must comply with (search.match picks these).
ACTIONABLE: frozenset[str] = frozenset({"support", "action", "rule"})


@dataclass(frozen=True, slots=True)
class FunctionCall:
    """A unit's function and the words that decided it ("" when the default of its kind decided)."""

    function: str
    cue: str
    introduces: bool = True  # whether a list that follows the unit takes its function (not a notice's work for
    # its addressees: the issued text's items are no entries of it)


# A paragraph that is only a heading (no sentence stop, short) and one that announces results reported under it: the
# paragraphs after it, up to the next heading paragraph, report what was done (a work report's review).
_HEADING_PARAGRAPH = re.compile(r"[^。；;，,：:！!？?\n]{2,30}")
_REVIEW_PARAGRAPH = re.compile(r"(?:工作回顾|主要成就|发展成就|取得的成[效绩就]|(?:完成|执行|进展)情况|主要成效|工作成效)$")


def _rx(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{a})" for a in alternatives))


# ------------------------------------------------------------------------------------------------ cues

# Within one clause (no ，。；：), so that 给予 and 补贴 belong to the same phrase.
_C = r"[^，。；：;\n]"
_S = r"[^。；;\n]"  # within one sentence

# (过去四年工作回顾, 2021年工作回顾, “十三五”发展成就: a report looking back states what was done, no aim)
_CONTEXT_HEADING = re.compile(r"指导思想|基本原则|总体要求|工作原则|重要意义|基本情况|(?:思路|现状|情况|形势|背景)$"
                              r"|工作回顾$|发展成就$|主要成就$|取得的成[效绩就]$")
# A heading over what an inspection or a report found (存在的问题, 主要问题, 表扬情况, 基本情况): its parts describe
_FINDINGS_HEADING = re.compile(r"(?:存在的?|主要|突出|发现的?)问题$|(?:表扬|通报|检查|督查|基本|总体)情况$")
# 整改要求 / 整改意见: what a circular asks of the bodies it inspected
_REMEDY_HEADING = re.compile(r"整改(?:要求|意见)$")
_GOAL_HEADING = re.compile(r"目标")
# A longer heading that names the goals it heads (2023年全区经济社会发展的主要预期目标, 到2027年的发展目标), not one
# that directs work towards them (确保完成全年目标): the units under it that state a figure are goals.
_GOALS_TITLE = re.compile(r"^(?!确保|完成|实现|围绕|聚焦|对标|锚定|紧扣|推动|推进)[^，。；：\n]{0,24}(?:主要|预期|发展|工作|总体|年度|具体)目标$")
_FIGURE = re.compile(r"\d+(?:\.\d+)?(?:%|％|个百分点|万|亿|元|个|家|项|人|吨|亩|公里)")
_SPEC_HEADING = re.compile(r"式样|样式|样图|规格|尺寸|编码规则|技术要求|技术标准")
# A heading that names a norm's parts: 入围标准, 药品范围, 申报条件, 方法、步骤 (not 完善标准体系: it must end so).
_NORM_HEADING = re.compile(r"(?:条件|标准|范围|程序|流程|步骤|资格|期限|规则)$")
# A heading that names a body's duties or a body (监督组, 领导小组办公室): 明确部门职责, 落实责任分工.
_DUTY_HEADING = re.compile(r"职责|职能|分工|(?:小组|工作组|专家组|监督组|办公室|委员会)$")
_MAX_HEADING = 16
# A heading that directs work (推动校企合作, 完善教育教学相关标准, 改善消费条件, 启动…试点工作, 做优…组织): the
# unit is a thing to do, whatever norm (应当, 不得) or offer its body then mentions on the way.
_DIRECTIVE_HEADING = re.compile(
    r"^(?:进一步|持续|继续|全面|大力|积极|加快|着力|切实|深入)?(?:推进|推动|加强|加快|建立|健全|完善|开展|实施|落实|强化|"
    r"提升|提高|促进|深化|优化|培育|打造|建设|制定|推广|探索|创新|扩大|引导|组织|做好|抓好|启动|做优|做强|做大|做实|"
    r"改善|改进|增强|构建|搭建|拓宽|拓展|营造|夯实|发挥|发展|支持(?=组建|建设|发展|开展|举办)|鼓励(?=[^，。]{0,6}(?:参与|开展|举办)))(?!的)")  # not 推广的改革举措: a noun
_MAX_DIRECTIVE_HEADING = 30
# What an offer names, in a heading: 加大财税支持, 完善用地保障 offer something, they are no mere directive.
_OFFER_WORDS = re.compile(r"补贴|补助|奖励|奖补|资助|贴息|税收|财税|财政|资金|金融|信贷|融资|用地|土地|优惠|减免|激励|倾斜|待遇保障|"
                          r"减税|降费|税费|免税|退税|(?:支持|支撑)(?:力度)?$")
# A sum or a rate in a sentence that offers something (按每人5万元给予补贴): an offer concrete enough that a
# directive heading above it does not hide it.
_SUM_OR_RATE = re.compile(r"\d+(?:\.\d+)?(?:万元|亿元|元|%|％)")

# A decision the unit itself takes: approve, decide, award, commend, sanction, appoint; a reply's answer.
_DECISION = _rx(
    r"(?:国务院|中央军委|政府|委员会|本[部委局院])(?:研究)?决定(?!的|性|书)",
    r"(?:^|[，。；：\n])(?:现|特|经研究)?决定(?:对|在|授予|给予|调整|撤销|将|由|设立|成立|，)",
    r"(?:^|[，。；：\n])(?:原则)?同意(?!见)",
    r"批复同意|(?:国务院|领导同志|领导)[^，。；：\n]{0,6}同意(?!见)",
    r"(?:^|[，。；：\n])(?:国务院|国务院办公厅|中央军委)?(?:批准|不予批准)(?!的)",
    r"授予" + _C + r"{0,40}(?:奖|称号|荣誉|勋章)",
    r"追授|予以(?:通报)?表扬|给予(?:通报)?表扬|通报表扬|通报批评|予以嘉奖|记(?:大)?功",
    r"给予" + _C + r"{0,30}(?:处分|警告|记过|撤职|免职|开除)",
    r"(?:^|[，。；：\n])(?:任命|免去)" + _C + r"{0,30}(?:职务|为)",
    r"办理意见|(?:你|贵)[省市区部委局院][^，。；：\n]{0,4}(?:请求|建议|提出)",
    r"(?:^|[。；\n])撤销" + _C + r"{2,30}(?:，|。|$)",  # 撤销…联席会议，其职能并入…
)
# A clause that only reports an approval it rests on (经国务院同意，现将…) is no decision of its own.
_ASSENT_FORMULA = re.compile(r"(?:经|须|应当|应|由|未|取得|征得|报|报请|报经)" + _C + r"{0,14}(?:同意|批准)$")

_DUTY_STRONG = _rx(
    # 成立…领导小组 sets a body up; 支持组建…委员会 / 鼓励设立… backs others doing so, a thing to do (action)
    r"(?<!支持)(?<!鼓励)(?<!引导)(?<!推动)(?:成立|组建|设立|建立|调整)" + _C
    + r"{0,30}(?:小组|工作组|专家组|委员会|联席会议|指挥部|工作专班)",
    r"组成人员(?=[：:]|如下|名单|为|由|调整)|成员单位|召集人|(?:^|[\n：])\s*(?:组\s*长|副组长|主\s*任|副主任|成\s*员|委\s*员)\s*[：:]",
    r"办公室设在|由" + _C + r"{0,40}(?:组成|兼任)|为牵头单位|牵头单位为",
)
# A body as the subject of the sentence, and what it is in charge of (国务院专利行政部门负责…工作).
_DUTY_WEAK = _rx(
    r"(?:^|[。；\n])[^，。；：\n]{2,30}?(?:负责|主管|分管|承办|承担)" + _C + r"{0,30}(?:工作|事项|职责|事务)",
    r"由" + _C + r"{2,30}(?:承办|承担|负责)(?!审批|审核|批准|核准|单位|同志|人)",
    r"归口管理|(?:指定|明确)" + _C + r"{0,10}负责(?!同志|人(?![才口力事民]))|有责任|(?:明确|落实|压实)" + _C + r"{0,8}(?:职责|分工)|明确" + _C + r"{0,8}负责同志",
    r"(?:^|[。；\n])负责" + _C + r"{2}",  # 监督组。负责对…进行监督: the heading names the body
    r"(?:^|[。；\n])[^，。；：\n]{0,30}?(?:部门|人民政府|政府|机关|办公厅|办公室|委员会|部|委|局|厅|署)负责(?!同志|人(?![才口力事民]))",
    r"由" + _C + r"{2,30}(?:另行)?制定(?:具体|实施|操作)?(?:办法|细则|规定)?[。；]|由" + _C + r"{2,30}负责解释",
    r"(?:报送|上报|报告)(?:给|至)?[^，。；\n]{0,10}(?:国务院|办公厅|办公室|联席会议|领导小组)|向" + _C + r"{1,15}(?:报告|报送)",
)
# An obligation of a government body (国务院专利行政部门…应当…) is its duty; of anyone else (专利代理机构应当…), a rule.
_BODY_SUBJECT = re.compile(r"^[^，。；：\n]{0,40}?(?:部门|人民政府|政府|机关|办公厅|办公室|委员会|部|委|局|厅|署)"
                           r"[^，。；：\n]{0,20}?(?:应当|负责(?!同志|人(?![才口力事民]))|承担|承办|分管)")
# An article that opens with a government body doing something (国务院各部门要…, 县工信局每年3月发布…, 县审计局依法
# 对…进行审计监督, 国务院及各部门要…): the body's duty, where an article about anyone else (专利代理机构…, 国务院组成
# 人员必须…, 秘书长在总理领导下…) states a rule.
_BODY = r"(?:部门|人民政府|政府|机关|办公厅|办公室|委员会|国务院|部|委|局|厅|署)"
# the words of a body's name: no preposition or verb before it (企业按照…向所在地工信部门提出申请: 企业 is the subject)
_NAME = r"(?:(?!向|对|由|经(?![信济贸开发])|按|依|报|将|把|给|在|从|企业|单位|个人|申请)[^，。；：\n])"
_ARTICLE_BODY_OPENING = re.compile(
    rf"^(?:{_NAME}{{0,20}}?(?:、|和|及|与))?{_NAME}{{0,24}}?{_BODY}"
    rf"(?:{_NAME}{{0,6}}?(?:会同|和|及|与|、){_NAME}{{0,20}}?{_BODY})?"
    r"(?=要|必须|应当?|每年|依法|负责|按照|根据|组织|提出|建立|制定|审核|审定|发布|公布|监督|统筹|指导|会同)")
_ARTICLE_TITLE = re.compile(r"^[（(【\[〔][^（）()【】\[\]〔〕\n]{1,30}[）)】\]〕]")  # 第三条（部门职责）
_WS_OPEN = "。；：:，\n \u3000\t"
# Under 保障措施, a named body (not a collective such as 各地区、各部门 or 地方各级人民政府) put to the work of a safeguard:
# 省财政厅要统筹…, 市统计局负责建立…, 省委宣传部牵头组织…: the safeguard is that body's duty.
_BODY_WIDE = r"(?:部门|人民政府|政府|机关|办公厅|办公室|委员会|国务院|部|委|局|厅|署|督查室|小组|专班|中心)"
_NAMED_BODY_AT_WORK = re.compile(
    rf"(?:^|[。；\n])(?:(?!各)[^，。；：\n]){{1,30}}?{_BODY_WIDE}(?:(?:、|和|会同)(?:(?!各)[^，。；：\n]){{1,20}}?{_BODY_WIDE})*"
    r"(?:要|负责|牵头)")
# Members listed one a line: 梁言顺  中央宣传部副部长
_MEMBER_LINE = re.compile(r"\S{1,4}\s*\S{0,3}\s+\S{2,30}(?:部长|局长|主任|秘书长|副总理|国务委员|司长|厅长|院长|委员|书记|主席|署长|行长|会长|参谋长|司令员)\s*$",
                          re.MULTILINE)


_SUPPORT = _rx(
    r"给予" + _C + r"{0,30}(?:补贴|补助|奖励|资助|贴息|扶持|资金支持|支持|倾斜|优惠|奖补|补偿|减免|重点考虑)",
    r"予以" + _C + r"{0,10}(?:补贴|补助|奖励|资助|贴息|扶持|支持|倾斜|优惠|奖补|减免)",
    r"免征|减征|减按|即征即退|先征后退|税前扣除|加计扣除|定额扣除|据实扣除",
    r"(?:扣除|补贴|补助|奖励|资助)(?:标准|额度)(?:为|是)" + _C + r"{0,6}\d|每[月年]\d+(?:\.\d+)?元的?(?:扣除|补贴|补助)",
    r"用于奖励|奖励支持|激励支持|(?:优先|适当)(?:纳入|支持|安排|列入|推荐|考虑|增加安排)|予以(?:适当)?倾斜",
    r"安排贷款|信贷支持|贷款支持|(?:实行|给予)" + _C + r"{0,10}贷款",
    r"税收优惠|优惠政策|税收政策|免收|不再(?:增收|收取|征收)|即报即退|更低的?查验率|(?:财政|资金|金融)支持|专项资金",
    r"先租后让|弹性出让|土地价款|(?:^|[。；\n])便利(?!化)",
    r"可(?:以)?(?:申请|享受)" + _C + r"{0,30}(?:许可|资格|补贴|补助|奖励|待遇|优惠|政策|贷款)|享受" + _C
    + r"{0,20}(?:政策|待遇|优惠|补贴)",
    r"贴息|融资担保|担保费|用地保障|保障用地|用地指标|绿色通道|奖补资金|一次性(?:奖励|补贴|补助)",
    r"最高不超过" + _C + r"{0,10}(?:万元|亿元|元)",
    r"按" + _C + r"{0,20}(?:比例|\d+(?:\.\d+)?[%％])" + _C + r"{0,12}(?:给予|补助|奖励|补贴|资助)",
    r"(?:补贴|奖励|资助|补助)\d+(?:\.\d+)?(?:万元|元|亿元)",
    r"支持符合条件的(?:企业|项目|单位)",
    r"(?:支付|拨付|安排)" + _C + r"{0,25}(?:\d|[XＸ]{2,})(?:万元|亿元|元)",
    r"加大" + _C + r"{0,20}(?:资金|财政|金融|信贷|税收|再贷款)" + _C + r"{0,8}支持力度",
)

_RULE = _rx(
    r"应当|不得|必须|无权|放假|调休|(?<=[^\s，。；：、相反适响供理对回效感呼顺])应(?=按|依|在|于|当|优先|及时|严格|予以|经|符合|具备|与|向|对|将|于)|(?<![必无])须(?!要|知)|禁止|严禁|不准|不予",
    r"处" + _C + r"{0,20}罚款|罚款|吊销|责令|追究" + _C + r"{0,10}责任|依法(?:依规)?(?:处理|查处|追究|惩处)",
    r"有下列情形之一|(?:符合|具备|存在|有)(?:下列|以下)|下列(?:条件|情形|要求|问题)|(?:还|应|须)具备(?=[：:。]|$)|方可|是指|本(?:办法|条例|规定|细则|规则|决定)所称|自" + _C + r"{0,20}起施行|施行之日",
    r"予以(?:撤销|取缔|注销|合并|处罚|纠正|公告|没收)",
    r"办理" + _C + r"{0,10}手续|(?:报|报经|报送|送交|提交)" + _C + r"{0,20}(?:审批|审核|审查|核准|备案)",
    r"由" + _C + r"{0,20}负责(?:审批|审核|批准|核准)|由" + _C + r"{1,20}(?:签发|签署|审定|核准)(?!的)",
    # a case settled by another text's provisions: 参照…的有关政策执行, 按照…规定办理, 比照…执行
    r"(?:参照|依照|比照|按照|按)" + _C + r"{0,40}(?:规定|政策|办法|标准|执行)" + _C + r"{0,4}(?:执行|办理)(?![^，。；\n]{0,2}[工情])",
)

# A permission a text grants (X可(以)…): a rule where a closing paragraph states it (另外，…可暂缓执行); not 可能,
# 可行, 可靠, 可持续 … (adjectives), nor 可见 / 可以说 (remarks).
_PERMISSION = re.compile(r"[^，。；：\n]{2,}?可(?:以)?(?!能|行|靠|持续|观|控|视|信|喜|贵|见|以说|谓|是|爱)")

_GOAL = _rx(
    r"(?:^|[。；\n])\s*(?:力争)?(?:到|至)(?:19|20)\d\d年",
    r"(?:^|[。；\n])\s*(?:19|20)\d\d年(?:\d{1,2}月)?(?:底|末)?(?:前|以前)，",
    r"目标是|(?:^|[。；\n])(?:主要目标|总体目标|发展目标|工作目标)|(?:^|[，。；\n])力争",
)

_COVER = _rx(
    r"现将" + _S + r"{0,40}(?:印发|转发|通知|批转|发)给你们|现将" + _S + r"{0,40}(?:公布|发布)",
    r"(?:现|特)(?:将|就)?" + _S + r"{0,30}(?:通知|批复|函复|答复|复函|意见|规定)如下",
    r"现(?:提出|函复|批复|答复)如下|收悉|以上意见如无不妥|请批转|请(?:结合实际)?认真(?:贯彻|组织|抓好)?(?:执行|落实|贯彻)",
    r"(?:感谢|谢谢)(?:您|你们)|特此(?:通知|函复|批复)",
    r"(?:^|[。\n])(?:总的来看|总体上看|总体来看|从[^，。；\n]{0,10}情况看)",
    r"(?:，|^)(?:特)?制定本(?:办法|方案|规定|条例|细则|意见|计划|措施)|(?:，|^)提出(?:以下|如下)(?:意见|措施)",
    r"以(?:习近平)?新时代中国特色社会主义思想为指导|全面贯彻党的[^，。；\n]{0,20}精神",
)
# A notice's own words that put its addressees to work beyond the cover formula (各试点城市要…, 地方各级政府、各有关
# 部门要…, 各牵头单位要于…报送, 请你们把…作为一项政治任务): the notice assigns duties; 请认真贯彻执行 alone does not.
_ADDRESSEES_TO_WORK = re.compile(
    r"(?:^|[。；，\n])\s*(?:各(?:地区|地方|部门|有关|相关|单位|级|省|市|区|县|试点|牵头|责任|成员|乡镇|街道|承办)|地方各级|"
    r"有关部门|相关部门|请你们|请各)[^。；\n]{0,40}?(?:要|必须|务必|应当|把)")


def _assigns_addressees(clean: str) -> re.Match[str] | None:
    """A sentence of a notice, other than its cover formula, that tells its addressees what to do."""
    for sentence in re.split(r"(?<=[。！？\n])", clean):
        if sentence.strip() and not _COVER.search(sentence) and (found := _ADDRESSEES_TO_WORK.search(sentence)):
            return found
    return None


# Background: what has happened or what is, not what is to be done.
_NARRATIVE = _rx(
    r"(?<!为)了(?![解])", r"已经|已(?!于|对|有)", r"近年来|以来|目前|截至|总的来看|总体上看|从[^，。；\n]{0,10}情况看",
    r"高度重视|取得|发生|造成",
)
_DIRECTIVE = _rx(
    r"要|应|将|拟|须|必须|请|鼓励|支持|推进|推动|加强|加快|完善|建立|健全|开展|实施|促进|提高|强化|落实|确保|抓紧|积极",
)
_ACTION_VERB = _rx(
    r"推进|推动|加强|加快|建立|健全|完善|开展|实施|落实|强化|提升|提高|促进|深化|优化|培育|打造|建设|制定|推广|探索|"
    r"创新|规范|扩大|支持|鼓励|引导|组织|做好|抓好|抓紧|研究",
)

# Who does a unit's work, noted after it: （发展改革委、财政部负责）, （A、B负责。列第一位者为牵头单位，下同）,
# 由市经信委牵头，市财政局配合: not a duty the unit states.
_OWNER_NOTE = re.compile(r"[（(][^（）()]{0,120}(?:负责|牵头|配合)[^（）()]{0,40}[）)]|由[^，。；\n]{2,40}牵头(?:负责)?[，。；]?"
                         r"(?:[^，。；\n]{2,40}(?:配合|参与)[。；]?)?")
_CITED_TITLE = re.compile(r"《[^《》\n]{1,80}》")
_SENTENCE_END = re.compile(r"[。；！？!?\n]")
_OPENINGS = tuple(k for k in UnitKind if k.value in ("preamble", "notice"))
_LIST_WINDOW = 6  # characters an annex title shares with the decision that names it
_MAX_ITEM = 100  # a list item: at most this many characters


def _clean(text: str) -> str:
    """The text without owner notes, and without the titles it cites (《关于调整…联席会议制度的请示》 says what
    another document is about, not what this unit does); lengths change, so spans are not taken from it."""
    return _CITED_TITLE.sub("《》", _OWNER_NOTE.sub("", text))


def _cue(match: re.Match[str]) -> str:
    words = match.group(0).strip("，。；：;\n ")
    return words if len(words) <= 24 else words[:11] + "…" + words[-11:]


def _decision(text: str) -> re.Match[str] | None:
    for match in _DECISION.finditer(text):
        words = match.group(0)
        if "同意" in words or "批准" in words:
            clause_start = max(text.rfind(c, 0, match.start() + 1) for c in "，。；：\n")
            before = text[clause_start + 1 : match.end()].lstrip("，。；：\n")
            formula = _ASSENT_FORMULA.search(before.rstrip("，")) or before.startswith(("经", "须", "未", "如"))
            if formula and "批复同意" not in words:
                continue  # 经国务院同意，… / 须经…批准: a formula or a condition, not the unit's decision
        sentence_start = max(text.rfind(c, 0, match.start() + 1) for c in "。；\n")
        lead = text[sentence_start + 1 : match.start()]
        if "的，" in lead or lead.endswith(("要", "应", "应当", "可", "可以", "依法", "依规", "依纪依法")):
            continue  # 对…的，依法给予处分 / 要给予表扬: a norm for cases to come, not a decision taken
        return match
    return None


# 各地区、各有关部门应按照…: a bare 应 said to the addressees at large directs work, as their 要 does; said of a party
# (医疗机构应按合同规定结算, 试点地区公立医疗机构应优先使用), it is a norm.
_COLLECTIVE_SUBJECT = re.compile(r"^\s*(?:各|地方各级|我们|你们)")


def _addressed_should(text: str, match: re.Match[str]) -> bool:
    return match.group(0) == "应" and _COLLECTIVE_SUBJECT.match(_sentence_at(text, match.start(), match.end())) is not None


def _sentence_at(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` that holds ``text[start:end]``, from its beginning up to ``end``."""
    begin = max(text.rfind(c, 0, start) for c in "。；！？!?\n") + 1
    return text[begin:end]


def _main_clause(unit: Unit, text: str) -> str:
    """The heading and the first sentence of the body: what the unit mainly does."""
    body = text[len(unit.heading):] if unit.heading and text.startswith(unit.heading) else text
    body = body.lstrip("。；：:，\n ")
    end = _SENTENCE_END.search(body)
    first = body[: end.start() + 1] if end else body
    return (unit.heading + "。" + first) if unit.heading and unit.heading != text else first


def _short_heading_has(unit: Unit, pattern: re.Pattern[str]) -> re.Match[str] | None:
    heading = unit.heading.strip("。：: ")
    if not heading or len(heading) > _MAX_HEADING:
        return None
    return pattern.search(heading)


def _directive_heading(unit: Unit) -> re.Match[str] | None:
    """The verb of a heading that directs work (推动…, 完善…标准), where the heading offers nothing (加大财税支持),
    states no norm (不得…) and the unit is no article, opening or closing (their titles name a subject)."""
    heading = unit.heading.strip("。：:； ")
    if (not heading or len(heading) > _MAX_DIRECTIVE_HEADING or unit.kind in (UnitKind.ARTICLE, UnitKind.PREAMBLE,
                                                                             UnitKind.CLOSING)
            or unit.kind.value in ("notice", "paragraph")):
        return None
    if _OFFER_WORDS.search(heading) or _SUPPORT.search(heading) or _RULE.search(heading):
        return None
    return _DIRECTIVE_HEADING.match(heading)


def _concrete_offer(clean: str) -> bool:
    """What a directive heading yields to: a sentence offering a sum or a rate (对新引进的博士按每人5万元给予补贴:
    a support). A body put in charge of the work (加强统筹协调。商务部负责统筹推进…) does not: the unit still directs
    work, the body is who does it (read by ingest.responsibility); only under 保障措施 is a safeguard that puts a
    named body to work (省财政厅要统筹…, 市统计局负责建立…) that body's duty (``_NAMED_BODY_AT_WORK``)."""
    return any(_SUPPORT.search(s) and _SUM_OR_RATE.search(s) for s in _SENTENCE_END.split(clean))


def _members(text: str) -> bool:
    """Two or more lines of a membership list (梁言顺  中央宣传部副部长), or a unit that is one such line."""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return len(_MEMBER_LINE.findall(text)) >= 2 or (len(lines) == 1 and _MEMBER_LINE.fullmatch(lines[0].strip()) is not None)


def _narrative(text: str) -> bool:
    past = len(_NARRATIVE.findall(text))
    to_do = len(_DIRECTIVE.findall(text))
    return past >= 2 and past > to_do


def unit_function(unit: Unit, ancestors: list[Unit] | None = None, introducer: FunctionCall | None = None,
                  introducer_unit: Unit | None = None) -> FunctionCall:
    """The function of ``unit`` (one of FUNCTIONS) and the words that decided it.

    ``ancestors``: the units enclosing it, nearest first (their headings place it: under 主要目标 → goal);
    ``introducer``: the function of the text that introduces it as a list item (its parent, or the preamble
    for a top-level list) with ``introducer_unit`` that text."""
    call = _unit_function(unit, ancestors, introducer, introducer_unit)
    if call.function == "rule" and unit.kind is UnitKind.ARTICLE and not call.cue.startswith("上文"):
        body = _ARTICLE_TITLE.sub("", _clean(unit.text).lstrip(_WS_OPEN), count=1).lstrip(_WS_OPEN)
        if (found := _ARTICLE_BODY_OPENING.match(body)) is not None:
            return FunctionCall("duty", _cue(found))  # 国务院各部门要…: an article that sets a body its duty
    return call


def _unit_function(unit: Unit, ancestors: list[Unit] | None, introducer: FunctionCall | None,
                   introducer_unit: Unit | None) -> FunctionCall:
    ancestors = ancestors or []
    # 1. place
    own_role = heading_role(unit)
    principle = unit.kind is UnitKind.PRINCIPLE or own_role == "principles"
    if principle and (found := _RULE.search(_clean(unit.text))) is not None:
        return FunctionCall("rule", _cue(found))  # 从严的原则：…该合并的必须合并: a principle stated as a norm
    if own_role == "results" or any(heading_role(a) == "results" for a in ancestors):
        # 主要目标完成情况 / 主要成效 and what stands under them: results reported, no aim
        return FunctionCall("context", next(u.heading for u in (unit, *ancestors) if heading_role(u) == "results"))
    if (finding := next((found for a in ancestors[:1] if (found := _short_heading_has(a, _FINDINGS_HEADING))), None)):
        # 存在的问题 / 表扬情况 / 总体情况 in a circular or report: the parts under it state what was found
        return FunctionCall("context", finding.group(0))
    if (asked := next((found for a in ancestors[:1] if (found := _short_heading_has(a, _REMEDY_HEADING))), None)):
        # 整改要求 after an inspection's findings: each part is what the bodies inspected must do
        return FunctionCall("duty", asked.group(0))
    if unit.kind in (UnitKind.GUIDELINE, UnitKind.PRINCIPLE):
        return FunctionCall("context", unit.kind.value == "guideline" and "指导思想" or "基本原则")
    if own_role in ("guideline", "principles"):
        return FunctionCall("context", unit.heading.strip("。："))
    if unit.kind is UnitKind.GOAL or own_role == "goals" or _short_heading_has(unit, _GOAL_HEADING):
        return FunctionCall("goal", unit.heading.strip("。：") if unit.kind is not UnitKind.GOAL else "主要目标")
    if _GOALS_TITLE.match(unit.heading.strip("。：: ")):
        return FunctionCall("goal", unit.heading.strip("。：: "))
    if ancestors and _GOALS_TITLE.match(ancestors[0].heading.strip("。：: ")) and _FIGURE.search(unit.heading or unit.text):
        return FunctionCall("goal", ancestors[0].heading.strip("。：: "))  # 地区生产总值增长7%以上 under 主要预期目标
    if (found := _short_heading_has(unit, _CONTEXT_HEADING)) is not None:
        return FunctionCall("context", found.group(0) or unit.heading)
    for ancestor in ancestors:
        if (found := _short_heading_has(ancestor, _SPEC_HEADING)) is not None:
            return FunctionCall("rule", found.group(0))
    norm = None if _directive_heading(unit) else _short_heading_has(unit, _NORM_HEADING)  # not 完善…标准
    if (found := _short_heading_has(unit, _SPEC_HEADING) or norm) is not None:
        return FunctionCall("rule", found.group(0))
    if (found := _short_heading_has(unit, _DUTY_HEADING)) is not None:
        return FunctionCall("duty", found.group(0))

    text = unit.text
    clean = _clean(text)
    # 2. strong cues anywhere
    if (found := _decision(clean)) is not None:
        return FunctionCall("decision", _cue(found))
    if (found := _DUTY_STRONG.search(clean)) is not None:
        return FunctionCall("duty", _cue(found))
    if _members(text):
        return FunctionCall("duty", "成员名单")

    if unit.kind.value == "notice" and (found := _assigns_addressees(clean)) is not None:
        return FunctionCall("duty", _cue(found), introduces=False)  # 现将…印发给你们。各试点城市要…: work for its addressees

    # 3. the main clause: a heading that directs work decides it; else the first cue of the heading and first sentence
    main = _main_clause(unit, clean)
    if (found := _directive_heading(unit)) is not None and not _concrete_offer(clean):
        if unit.kind is UnitKind.SAFEGUARD and (body := _NAMED_BODY_AT_WORK.search(clean)) is not None:
            return FunctionCall("duty", _cue(body))  # 强化要素保障。市自然资源和规划局负责保障…: who secures what
        return FunctionCall("action", found.group(0))
    opening = unit.kind in (UnitKind.PREAMBLE, UnitKind.CLOSING) or unit.kind.value in ("notice", "paragraph")
    order = (("support", _SUPPORT), ("rule", _RULE), ("goal", _GOAL), ("duty", _DUTY_WEAK), ("context", _COVER))
    if opening:  # a notice's cover text (现将…公布，自…起施行) is what its opening does
        order = (("context", _COVER),) + order[:-1]
    if unit.kind is UnitKind.CLOSING:  # 另外，…可… after the last part: a permission, a rule like any paragraph's
        order += (("rule", _PERMISSION),)
    for function, pattern in order:
        found = pattern.search(main)
        if function == "rule":
            found = next((m for m in pattern.finditer(main) if not _addressed_should(main, m)), None)
        if found is not None:
            if function == "rule" and (body := _BODY_SUBJECT.search(_sentence_at(main, found.start(), found.end()))) is not None:
                return FunctionCall("duty", _cue(body))  # 国务院专利行政部门…应当…: a body's duty
            return FunctionCall(function, _cue(found))

    # 4. the rest of the text
    if (found := _SUPPORT.search(clean)) is not None:
        return FunctionCall("support", _cue(found))
    # an opening's background tells of penalties past
    rules = [] if opening else [m for m in _RULE.finditer(clean) if not _addressed_should(clean, m)]
    if len(rules) >= 2 or (rules and unit.kind is UnitKind.ARTICLE):
        return FunctionCall("rule", "、".join(dict.fromkeys(_cue(m) for m in rules[:3])))
    if opening and (found := _COVER.search(clean)) is not None:
        return FunctionCall("context", _cue(found))  # elsewhere a cover formula is only the tail of the text

    # 5. a list item takes the function of the text introducing it
    if introducer is not None and introducer.function in ("decision", "duty", "rule", "support") and _is_item(clean):
        cue = introducer.cue if introducer.cue.startswith("上文") else \
            f"上文{introducer_unit.path if introducer_unit else ''}：{introducer.cue}"
        return FunctionCall(introducer.function, cue)

    in_article = unit.kind is UnitKind.ARTICLE or any(a.kind is UnitKind.ARTICLE for a in ancestors)
    if not in_article and _narrative(clean):
        return FunctionCall("context", "叙述")
    # 6. defaults
    if unit.kind is UnitKind.ARTICLE:
        return FunctionCall("rule", "第X条")
    if unit.kind in (UnitKind.PREAMBLE, UnitKind.CLOSING) or unit.kind.value == "notice":
        return FunctionCall("context", "")
    verb = _ACTION_VERB.search(clean)
    return FunctionCall("action", verb.group(0) if verb else "")


def _is_item(text: str) -> bool:
    """A short text (有规范的名称。 / 未依照章程开展业务活动的；): a list item."""
    return len(text.strip()) <= _MAX_ITEM


def _named_list(annex: Unit, before: list[Unit]) -> FunctionCall | None:
    """An annex that is the list a decision of the text names (对…130项典型经验做法予以通报表扬 → 附件 典型经验做法;
    授予…称号 → 获奖名单) takes that decision, and its items after it."""
    title = re.sub(r"[（(][^）)]*[）)]|\s", "", annex.heading)
    windows = {title[i : i + _LIST_WINDOW] for i in range(len(title) - _LIST_WINDOW + 1)}
    for unit in reversed(before):
        if unit.function == "decision" and any(w in unit.text for w in windows):
            return FunctionCall("decision", f"上文{unit.path}：{unit.function_cue}")
    return None


# a list of the things a government pledges to do for the people this year (为民办实事项目, 十件民生实事)
_PLEDGE_LIST = re.compile(r"办实事|民生实事|[十0-9０-９]+件实事")


def assign_functions(units: list[Unit]) -> list[Unit]:
    """Return copies of ``units`` (document order, parents first) with ``function`` and ``function_cue`` set."""
    by_path = {u.path: u for u in units}
    calls: dict[str, FunctionCall] = {}
    out: list[Unit] = []
    review: str = ""  # a paragraph text's heading that announces results (2021年工作回顾及过去五年主要成就), in force
    for unit in units:
        if unit.kind is UnitKind.PARAGRAPH and _HEADING_PARAGRAPH.fullmatch(unit.text.strip()):
            # a paragraph that is only a heading opens a part of the text: results reported, or what comes next
            review = unit.text.strip() if _REVIEW_PARAGRAPH.search(unit.text.strip()) else ""
        elif review and unit.kind is UnitKind.PARAGRAPH:
            calls[unit.path] = FunctionCall("context", review)
            out.append(replace(unit, function="context", function_cue=review, children=list(unit.children)))
            continue
        ancestors: list[Unit] = []
        parent = by_path.get(unit.parent) if unit.parent else None
        while parent is not None:
            ancestors.append(parent)
            parent = by_path.get(parent.parent) if parent.parent else None
        if ancestors:
            introducer_unit = ancestors[0]
        elif unit.kind not in _OPENINGS + (UnitKind.CLOSING, UnitKind.ANNEX):
            # A top-level list is introduced by the text before it: the notice or preamble that takes a decision,
            # states a rule … (对…130项典型经验做法予以通报表扬), not a list title between them.
            before = [u for u in out if u.kind in _OPENINGS]
            introducer_unit = next((u for u in reversed(before) if u.function != "context" and calls[u.path].introduces),
                                   before[-1] if before else None)
        else:
            introducer_unit = None
        introducer = calls.get(introducer_unit.path) if introducer_unit is not None else None
        if introducer is not None and not introducer.introduces:
            introducer = None
        call = unit_function(unit, ancestors, introducer, introducer_unit)
        if unit.kind is UnitKind.ANNEX and not ancestors and call.function in ("action", "context"):
            call = _named_list(unit, out) or call
        if call.function == "rule" and unit.kind is not UnitKind.ARTICLE and any(
                _PLEDGE_LIST.search(u.heading if u in ancestors else u.text)
                for u in (*ancestors, *([introducer_unit] if introducer_unit is not None else []))):
            # an item of a 为民办实事 list is a thing the government will do this year, whatever 必须/不得 it says
            call = FunctionCall("action", "为民办实事")
        calls[unit.path] = call
        out.append(replace(unit, function=call.function, function_cue=call.cue, children=list(unit.children)))
    return out
