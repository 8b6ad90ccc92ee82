"""Find the names of government bodies in a text: candidates by kind, then the longest that do not overlap.

Kinds: every label of the authority files (``label``), a generic prefix + core + suffix pattern for bodies no file
knows (``generic``: 市商务委, 国家职业教育指导咨询委员会), organ words after a place or level (``organ``: 市委组织部,
区人大常委会, 团市委), functional designations (``designation``: 教育行政部门, 税务机关), collectives (``collective``:
各区政府, 各有关部门), joint bodies (``joint``: 联席会议, 领导小组, groups the text sets up), development zones'
committees; a body-like name whose core is a clause is an ``unknown`` candidate, reported and never a body. A name
runs on into a sub-body written right after it (``_extend``). ``ingest.departments`` resolves what is chosen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .authority import _PLACE_GOV_RE, _known_places, authority
from .concepts import load_places
from .levels import _LEVEL_CHARS, _PROVINCES, NATIONAL, _short_place

_CJK = "\u4e00-\u9fff"

_STOP = "的和及与在对为将把被是由等或并向从以于就按"
_NOT_CORE = rf"\s\d{_STOP.replace('和', '')}级、，,。；;：:（）()“”\"《》〈〉【】\[\]—\-…·/"
# Characters that, written just before a one-character prefix, make it part of another word (城市, 园区, 全省…).
_FUNCTION_CHARS = "由和及与同对向在经请将按并、"
# A development zone's committee: 苏州工业园区管委会, 临港新片区管委会 (after a boundary).
_ZONE_WORDS = ("园区|开发区|经开区|高新区|新片区|新区|示范区|试验区|合作区|保税区|综保区|综试区|集聚区|服务区|度假区|风景区|名胜区"
               "|港区|知识城|科学城|科技城|产业园|工业园|物流园")
# …or the zone written by its kind alone, at a boundary (（高新区管委会牵头）, 经开区管理委员会负责): the text's own zone.
_BARE_ZONE_RE = re.compile(r"(?:高新区|经开区|开发区|综保区|保税区|自贸区|工业园区|产业园区|园区|新区)(?:管委会|管理委员会)")
# (a zone's name holds no government and no 和各 joining two lists: 镇人民政府和|各园区管委会 are two bodies)
_ZONE_RE = re.compile(rf"(?:(?!和各|政府)[^{_NOT_CORE}]){{2,10}}?(?:{_ZONE_WORDS})(?:管委会|管理委员会)")  # 开发区内企业由|长沙经开区管委会
_LEFT_GUARD = {
    "市": "城超都上门全本该各省股夜坊菜花集闹街早黑午楼区县辖列的",  # 设区的市人民政府: a kind of city
    "区": "地社城园街辖景小片新郊市山林灾牧矿校厂港保示禁战试商功开发湾学院各全本该半治验库",
    "县": "郡州全各市区本该的",
    "省": "全各外本节反",
    "镇": "城乡村集重古名各全",
    "乡": "城下家故老返各同全",
}
# 盟 and 旗 (Inner Mongolia's city and county levels) start a body only after a boundary or a function word, like 州:
# 联盟, 加盟, 国旗, 红旗 are words of their own.
_BOUNDARY_PREFIXES = ("州", "盟", "旗")
# What may not follow a suffix (局面, 办法, 委托, 部门, 中心城区 …).
_RIGHT_GUARD = {
    "局": "面部势限长", "委": "托员屈婉", "办": "法理事好结成学", "厅": "长堂", "部": "门分署位件长队落",
    "署": "名", "心": "城区", "府": "采", "会": "议同", "院": "长校士", "行": "道横",
}
# How a core may not begin after its prefix: 市场, 市民 (but 市民政局), 区域, 县域, 省内, 国家级 …
_PREFIX_CORE_START_BAN = {
    "市": re.compile(r"场|民(?!政|族|宗)|区|级|内|外(?!$|事|侨|经|资)|值|面|中(?!小|医|心医院)|长|容|郊|属"),
    "区": re.compile(r"[域块间别级位分划内外县长]"), "县": re.compile(r"[级域内长]|城(?!市管理|乡|管|建$|投$)"),  # 县城管局, 县城管执法局: no 县城 (the county town)
    # 省外办 / 市外事办: the foreign affairs office, not 省外 / 市外 (outside the province or city)
    "省": re.compile(r"[级内份钱略长]|外(?!$|事|侨)"), "镇": re.compile(r"[级域长]"), "乡": re.compile(r"[级村长]"),
    "州": re.compile(r"[级域内长]"), "盟": re.compile(r"[级域内长员主约友国]"),
    "旗": re.compile(r"[级域内长下帜舰袍号手杆鼓]"), "国家": re.compile(r"级|标准(?!委|化管理委员会)|层面"),
}
_SUFFIXES = ("管理委员会", "委员会", "管委会", "行政公署", "人民政府", "政府", "办公厅", "办公室", "服务中心", "中心", "总局", "总署",
             "总队", "支队", "大队", "分局", "监管局", "管理局", "管理所", "海关", "法院", "检察院", "贸促会", "集团公司", "公司", "集团", "局", "厅", "委", "办", "署",
             "部", "供销合作社", "供销社", "研究院", "科学院", "农科院", "社科院", "教科院", "医院", "人行(?![道横动为业])")
# 管理所: a public institution (上海市医药集中招标采购事务管理所); not 所 alone (场所, 住所). 市供销社: the supply and
# marketing cooperative; 市农业科学研究院, 市农科院: a public research institute, an owner in rural and education task
# lists (bodies only where they act, like every body of this kind). 市人行 / 县人行: the local branch of the People's
# Bank as local task lists write it among owners (市税务局、滁州海关、市人行…), only right after the level (人行道, 个人行为 are
# no body)
_SUFFIX_RE = "|".join(_SUFFIXES)
_CENTRAL_SUFFIXES = ("总局", "总署", "委员会", "办公厅", "办公室", "管理局", "主管机关", "局", "委", "办", "署", "部")
# 就 stops a name (…就业务…, 就此), except in 就业 (市就业服务中心, 县就业局: a body named by the employment it serves)
_CORE = rf"(?:(?!和(?:市|区|省|县|各))(?:[^{_NOT_CORE}]|就(?=业)))"
# A zone's own departments and Party organs, named with the zone word first (开发区经济发展局, 经开区税务局,
# 高新区纪工委): the zone stands where a level's 区 would, so 区经济发展局 is no name of its own.
_ZONE_DEPT_RE = re.compile(rf"(?P<zone>开发区|经开区|高新区|新区|保税区|综保区)(?:(?P<organ>纪工委|党工委|纪委|工委)"
                           rf"|(?P<core>{_CORE}{{1,12}}?)(?P<suffix>局|委|办|中心|分局|监管局|管理局|服务中心))")
_ONE_PREFIX_RE = re.compile(rf"(?P<prefix>街道|自治区|[省市区县镇乡州盟旗])(?P<core>{_CORE}{{0,12}}?)(?P<suffix>{_SUFFIX_RE})")
_CENTRAL_RE = re.compile(rf"(?P<prefix>国务院|国家)(?P<core>{_CORE}{{1,12}}?)(?P<suffix>{'|'.join(_CENTRAL_SUFFIXES)})")
_PLACE_CORE_RE = re.compile(rf"(?P<core>{_CORE}{{0,12}}?)(?P<suffix>{_SUFFIX_RE})")
_DESIGNATION_RE = re.compile(r"技术|创新|示范|研究|实验|工程|孵化|产业|制造|金融|贸易|航运|科创|基地|国际")
# 县香菇产业发展中心, 市农业技术推广中心, 区产品质量监测中心: a level's centre whose name ends in the work it does for the
# government (发展, 推广, 监测, 促进…) is a public institution, a body where it acts, though its field is a designation word
_INSTITUTION_CENTRE_RE = re.compile(r"(?:发展|推广|监测|促进|检测|检验|指导|管理)$")
_COLLECTIVE_RE = re.compile(
    r"(?m)各(?:乡镇|镇乡|镇|乡)(?:人民政府|政府)[（(](?:街道办事处|街道办|街道|办事处)[)）]|"  # 各镇人民政府（街道办事处）
    r"各(?:街道|镇|乡镇|镇（街道）|乡（镇）)党(?:工)?委(?:[、和](?:办事处|人民政府|政府))?|"  # 各街道党工委、办事处
    r"各?驻(?:区|县|市|镇)各?(?:有关|相关)?单位|"  # 各驻区单位
    r"各(?:社区居委会|社区居民委员会|村委会|村民委员会|居委会|居民委员会|村（居）委会|村（居）民委员会|村（社区）|村（居）"
    r"|嘎查村委会|嘎查（村）委会|嘎查村民委员会)|"  # 嘎查: Inner Mongolia's village
    r"各(?:街道|镇|乡镇|镇（街道）|街道（镇）|街镇)(?:综治中心|[\u4e00-\u9fff]{2,6}?服务中心|[\u4e00-\u9fff]{2,4}?(?:站|所))"
    r"(?=[、，,；;）)]|负责|配合|要|应)|"
    r"各(?:有关|相关)?(?:(?:旗县（市、区）|旗县（区、市）|旗县市区|旗县区|旗县|盟市|区县|地级以上市|地级市|县级市|县（市、区）|县（市）|设区(?:的)?市|市（州）|市州|区|县|市|州|盟|旗|省|苏木乡镇|苏木镇|苏木（镇）|乡镇|街镇|街道|镇|乡|级)"
    r"(?:[（(〔][市区县州特、]+[)）〕])?[、，,]?)*"
    r"(?<![、，,])(?:(?:人民政府|政府)(?:[（(](?:管委会|管理委员会)[)）]|及其(?:所属|有关)?部门|部门)?|部门和单位|部门|单位|委办局|街道办事处|办事处)"
    r"|各(?:有关|相关)?(?:苏木乡镇|苏木镇|乡镇|街镇|街道|街办|镇)(?:[（(](?:街道|乡|镇|乡镇|社区|街道办事处|新区)[)）])?(?!区|域)|各成员单位"
    r"|当地(?:人民)?政府|(?:(?<=[和及与、])|(?<=[应要可]请)|(?<![\u4e00-\u9fff]))地方(?:人民)?政府(?!部门)|各(?:类)?(?:开发区|经开区|高新区|园区|产业园区|功能区)(?:管委会|管理委员会)"  # 各开发区管委会
    r"|(?:省|市|区|县|盟|旗)(?:直|属)各?(?:有关|相关)?(?:行政执法|执法|职能)?(?:部门|单位)"
    r"|(?:市|区|县|省|盟|旗)(?:级|人民政府|政府|行政公署)?(?:各)?(?:有关|相关)(?:部门|单位)"
    # the towns' governments and the streets' offices as a class, opening a clause (乡镇人民政府应当…)
    r"|(?:(?<=[。；;，,：:\n\s）)])|^)(?:乡（镇）|乡、镇|乡镇|镇)人民政府(?=[、和及，,]|应当|应|要|负责|可以|按照|依法|协助|配合|做好|对)"
    r"|(?:(?<=[。；;，,：:\n\s）)])|^)街道办事处(?=[、和及，,]|应当|应|要|负责|可以|按照|依法|协助|配合|做好|对)"
    r"|(?:省|市|县)级(?:人民)?政府(?:办公厅(?:（室）)?|办公室)"  # 省级政府办公厅: each province's government office
    # each government's / each ministry's general office (before 国务院各部门, which would take its first words)
    r"|(?:地方各级(?:人民)?政府|国务院各部门)办公厅(?:（室）|\(室\))?"
    r"|国务院(?:各有关|各|有关)?部门(?:和单位)?"  # the State Council's departments (国务院部门可参照…)
    r"|国家(?:各)?有关部门(?:和单位)?"  # a reply's 国家有关部门正在研究…: the central departments concerned
    r"|(?:各|有关)(?:有关|相关)?(?:国有)?(?:专业|商业|政策性)银行"  # 所需资金由有关专业银行筹措: the banks of that kind
)
# Words of a clause, never of an organ's name: a span holding one is a sentence fragment (区探索创新政府,
# 山东省日照市推行压缩企业开办, 市城镇建设专班成员包括市委|统战部: a group's member list), kept as a candidate and out of
# the bodies.
_CLAUSE_WORDS = (
    "负责|牵头|会同|配合|参与|参加|担任|兼任|推行|压缩|实现|推出|承办|安排|布局|通过|举办|部署|责令|建议|根据|批转|转发|"
    "印发|探索|加强|加快|推进|推动|落实|做好|开展|制定|支持|鼓励|引导|完善|健全|深化|优化|提高|提升|建立|成立|设立|组建|充实|"
    "撤销|调整|召开|提出|提交|报告|讨论|审议|听取|明确|发挥|办理|处理|督促|联合|共同|协调|统筹|依托|结合|按照|按要求|"
    "认真|主要|分别|简称|承担|并入|划入|申办|要求|同意|批准|授权|委托|纳入|实施|执行|确保|保证|及时|积极|切实|进一步|有关|相关|"
    "内部|年度|工作安排|提请|报请|报送|设在|组成|分管|召集|主持|邀请|所在|包括"
)
_CLAUSE_RE = re.compile(_CLAUSE_WORDS)
# …of which these may stand inside a joint body's name (市人工智能推进领导小组, 区域协调发展领导小组).
_JOINT_NAME_WORDS = {"推进", "推动", "协调", "统筹", "加强", "完善", "深化", "优化", "促进", "实施", "联合", "有关", "相关",
                     "主要", "年度", "内部"}
_JOINT_CLAUSE_RE = re.compile("|".join(w for w in _CLAUSE_WORDS.split("|") if w not in _JOINT_NAME_WORDS))
# Organ words written straight after a place or a level (市委组织部, 区人大常委会, 市中级人民法院, 团市委).
_ORGAN_WORDS = (
    "人民代表大会常务委员会|人民代表大会常委会|人民代表大会|人大常委会|人大|政协|纪委监委|纪委|监委|"
    "中级人民法院|高级人民法院|中级法院|高级法院|人民法院|法院|人民检察院|检察院|"
    "委(?:组织部|宣传部|统战部|统一战线工作部|社会工作部|政法委员会|政法委|网信办|编办|办公厅|办公室|政研室|政策研究室|外办|农办|台办|老干部局|保密办|"
    "机要局|党校|巡察办|深改办|改革办|金融办|财经办|军民融合办|直属机关工委|教育工委|党史研究室|督查室|"
    "(?:机构编制|网络安全和信息化|全面深化改革|外事工作|财经|金融|审计|军民融合发展|依法治[省市区县])委员会办公室"
    "|(?:深改委|改革委|全面依法治[省市区县]委|依法治[省市区县]委|财经委|外事委|审计委|编委|网信委)(?:办公室|办)?|依法治[省市区县]办"
    "|(?:人才|自贸|外事|侨|保密|政研|考核|考评|文明|国安|平安|综治|维稳|防范|双拥|创文|创卫|乡村振兴|党建|两新|机关党建)办"
    "|办(?![法理事好结成学公])"
    "|(?:农村工作|巡察工作|人才工作)领导小组办公室)|党委|工委|"
    "总工会|妇联|团委|科协|文联|残联|侨联|工商联|社科联|红十字会|人武部|武装部|军分区|警备区|军区"
)
# The standing emergency committees and headquarters written short (区安委会办公室, 区安委办, 区减灾委, 区防指, 区森防指).
_EMERGENCY_BODY_RE = re.compile(r"(?<![\u4e00-\u9fff])(?:[省市区县州盟旗镇]|街道)(?:安委会|安委|减灾委|防指|森防指|三防指|防汛抗旱指挥部|森林防灭火指挥部"
                                r"|应急委)(?:办公室|办)?(?![\u4e00-\u9fff]{0,2}(?:主任|成员))")
# A committee written short with 会 or its office with 办 after 委 (市编委办, 市爱卫会, 区安委会, 市妇儿工委会).
_COMMITTEE_SHORT_RE = re.compile(r"(?P<prefix>[省市区县州盟旗])(?P<core>[\u4e00-\u9fff]{1,4}?)"
                                 r"(?:委会(?:办公室)?(?![同商签议审聚])|委办(?![理法事好结成学公])|卫会(?![同商]))"
                                 r"(?![\u4e00-\u9fff]{0,2}(?:主任|成员|委员))")
_ORGAN_RE = re.compile(rf"(?P<prefix>街道|自治区|[省市区县镇乡州盟旗])(?P<organ>{_ORGAN_WORDS})")
# 负责人 is the post of a body's head, but 负责人才工作 / 负责人口… is 负责 (acting) on 人才 / 人口: the name stands.
_HEAD_POST = "负责人(?![才口力事民])"
_ORGAN_OFFICE_RE = re.compile(rf"(?:办公室|办公厅)(?![\u4e00-\u9fff]{{0,2}}(?:主任|{_HEAD_POST}))")
# The one office a Party committee and its government share: 区委区政府督查室, 市委市政府信访局, 县委县政府办公室.
_JOINT_OFFICE_RE = re.compile(rf"(?P<l>[省市区县州盟旗])委(?P=l)(?:人民)?政府(?:[^{_NOT_CORE}和]{{0,6}}?(?:室|办|局|中心))")
# A town's government or a street's office named with its place (狮山镇人民政府, 桂城街道办事处), after a boundary.
_TOWN_RE = re.compile(rf"(?:(?<![{_CJK}])|(?<=[{_FUNCTION_CHARS}]))[{_CJK}]{{2,4}}?(?:(?:镇|乡)(?:人民政府|政府)|街道(?:办事处|办))")
_NO_TOWN_START_RE = re.compile(r"^(?:所在|各|该|本|全|有关|相关|其他|其余|辖区|城|乡|街|镇|相应|下辖|所属|每个|试点)")
_LEAGUE_RE = re.compile(r"团(?:[省市区县]|[\u4e00-\u9fff]{2,6}?[省市区县])委")  # 团市委, 团广州市委
# The State Council's own designations of its departments: 国务院教育行政部门, 国务院税务主管部门, 国务院法制机构.
_DESIGNATION_BODY_RE = re.compile(
    rf"国务院(?P<core>[^{_NOT_CORE}]{{0,12}}?)(?:行政部门|主管部门|法制机构|职能部门)")
# The sectors a functional designation names (教育行政部门, 发展改革部门, 税务机关, 各级卫生健康部门): a body of
# every government at its level, named by what it governs. Only these words make one; 有关部门 is no sector.
_SECTORS = (
    "教育|发展改革|发展和改革|工业和信息化|工业和信息化主管|科技|科学技术|公安|国家安全|民政|司法|司法行政|财政|"
    "人力资源社会保障|人力资源和社会保障|自然资源|生态环境|环境保护|住房城乡建设|住房和城乡建设|交通运输|水利|"
    "农业农村|农业|商务|文化和旅游|文化旅游|卫生健康|卫生|应急管理|审计|国有资产监督管理|国资|市场监管|市场监督管理|"
    "税务|统计|医疗保障|医保|外交|外事|侨务|民族事务|宗教事务|体育|广播电视|新闻出版|网信|知识产权|专利|专利行政|"
    "海关|外汇管理|邮政|林业|林业和草原|粮食|能源|机构编制|药品监管|药品监督管理|药监|金融监督管理|金融监管|地方金融监管|"
    "银行保险监督管理|证券监督管理|价格|物价|工商行政管理|工商|质量技术监督|质量监督|安全生产监督管理|安全监管|煤矿安全监察|"
    "国土资源|城乡规划|规划|住房公积金管理|人事|劳动保障|计划生育|卫生计生|退役军人事务|信访|档案|保密|气象|地震|"
    "登记管理|业务主管|标准化|认证认可|价格主管|城市管理|城管|消防救援|文物|中医药|疾病预防控制|残疾人工作|"
    "城乡建设|园林绿化|住房保障|"
    "纪检监察|监察|行政审批|政务服务管理|政务服务|大数据|数据资源|"  # local rules' 监察部门, 行政审批部门, 大数据部门
    "工信|经信|发改|人社|住建|文旅|卫健|"  # the short forms local texts write (各县级市（区）工信部门, 县发改部门)
    "行业|项目|单位(?=主管)|劳动|计划|经贸|经济贸易"  # 行业主管部门, 项目管理部门, 单位主管部门; the 1990s 劳动部门, 计划部门, 经贸部门
)
# Several levels written as one (县市区（园区）财政部门, 县区教育部门): the department of each county, city district
# (and zone) below the text's city, a scope like 县级.
_JOINT_LEVELS = r"(?:县市区|县区|区县|市县|县（市、区）)(?:[（(](?:园区|开发区|功能区|管委会)[)）])?"
_FUNCTIONAL_RE = re.compile(
    rf"(?P<scope>(?:地方)?各级|各省级|省级|市级|县级|县级以上(?:地方)?(?:人民政府)?|当地|各地|地方|{_JOINT_LEVELS}|[省市区县州盟旗](?!级))?"
    rf"(?P<sector>{_SECTORS})(?:行政主管|行政|主管|管理)?(?P<kind>部门|机关|机构)"
    rf"(?:(?<=机关)[\u4e00-\u9fff]{{2,4}}?(?:管理|执法)部门)?(?!{_HEAD_POST}|工作人员|主要负责|和单位)")  # 公安机关交通管理部门
# The same department of every place of a level (各设区市财政局, 各县（市、区）教育局, 各区工业和信息化主管部门): a collective.
_EACH_SECTOR_RE = re.compile(
    rf"各(?:有关|相关)?(?:省、自治区、直辖市(?:和计划单列市)?|旗县（市、区）|旗县|盟市|设区(?:的)?市|市（州）|市州|县（市、区）|县（市）|区县|县区|县级市（区）|县级市"
    rf"|省（区、市）|省（市）|市（区）|市（县、区）|市（县）|区（市）|{_JOINT_LEVELS}|区|县|市|州|盟|旗|省)"  # 各市（区）人社部门: a city of county-level cities and districts
    rf"(?:社会团体|社会组织|基金会|民办非企业单位)?"  # 各省、自治区、直辖市社会团体登记管理机关: the organ of the kind it registers
    rf"(?:{_SECTORS})(?:行政|主管|管理)?(?:主管部门|部门|委员会|机关|局|委|厅|办)")
_CONSENT_RE = re.compile(r"(?:研究)?(?:同意|批准)")
# 国务院常务会议 / 市政府全体会议: a collegial organ that meets and decides (讨论决定) is a body like a 联席会议
_JOINT_RE = re.compile(r"联席会议|(?:领导|工作|协调)小组(?:办公室)?|工作专班|指挥部|协调委员会|(?<![第次])(?:常务|全体)会议(?!精神|纪要|审议|通过|决定的)")
# A joint body's qualifier that names no body of its own: 部际联席会议 is "the" conference, not a new one.
_BARE_JOINT_CORE_RE = re.compile(r"^(?:部际|工作|专项|该|此|这一|上述|本|各|成员|试点)$")
_CREATE_RE = re.compile(r"建立|成立|组建|设立")
# Words written before a joint body's name that are not part of it (定期召开|楼宇经济联席会议).
_LEAD_IN_RE = re.compile(r"建立|成立|组建|设立|充实|调整|配齐|召开|健全|完善|发挥|依托|通过|强化|加强|用好|定期|提请|报请|报送|由")
# A sub-body written straight after its parent: 市公安局|出入境管理局, 人民银行|广州分行.
_TAIL_RE = re.compile(
    rf"(?:组织部|宣传部|统战部|政法委|网信办|编办|金融办|外办|办公厅|办公室|督查室|研究室)"
    rf"|[^{_NOT_CORE}和市区县省各]{{1,8}}?(?:管理局|分局|监管局|税务局|调查总队|总队|支队|大队|分行|总部|海关|督查室|研究室|分中心|局|处)"
)
# A government's own office written straight after it (市政府督考办, 市政府金融办, 区政府法制办); 督办 is a verb.
_GOV_OFFICE_TAIL_RE = re.compile(rf"(?!督办)[^{_NOT_CORE}和市区县省各室]{{2,4}}?办(?![法理事好结成学公])"
                                 r"|办(?=[、，,；;：:（()）\s]|牵头|配合|负责|会同|$)")  # 区政府办: its general office
# A Party committee's own departments run on from it whatever their words (市委|组织部: 组织 is no verb here).
_PARTY_TAIL_RE = re.compile(r"组织部|宣传部|统战部|政法委|网信办|编办|办公厅|办公室|督查室|研究室")
# …and a local branch after a place: 国家税务总局|广州市|税务局, 人民银行|广州|分行.
_BRANCH_TAIL_RE = re.compile(
    rf"[^{_NOT_CORE}和市区县省各]{{0,8}}?(?:管理局|监管局|税务局|调查总队|中心支行|支行|分行|总部|海关|分局)"
)
_TAIL_BAN = re.compile(r"会同|牵头|负责|配合|组织|推进|指导|协调|做好|开展|制定|加强|支持|统筹|研究|建立|督促|落实|联合|"
                       r"共同|按照|依托|根据|结合|审批|每年|定期|完善|加快|鼓励|引导|会商|联动|参与|承担|实施|要|应|可")
_CORE_BAN = re.compile(_TAIL_BAN.pattern.removesuffix("|要|应|可"))  # 应急 is a name's word


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    kind: str  # "label" | "organ" | "generic" | "collective" | "joint" | "unknown" (a candidate, never a body)
    reason: str = ""  # for "unknown": why it is no body


def _label_re() -> re.Pattern[str]:
    return _label_re_of(authority().files)


@lru_cache(maxsize=4)
def _label_re_of(files: tuple[str, ...]) -> re.Pattern[str]:
    """Every label of the authority files read from ``files``, longest first, found at every position."""
    auth = authority()
    labels = sorted({*auth.absolute, *auth.relative}, key=len, reverse=True)
    return re.compile("(?=(" + "|".join(map(re.escape, labels)) + "))")


def _left_ok(source: str, start: int, name: str) -> bool:
    if start == 0:
        return True
    prev = source[start - 1]
    if name.startswith(_BOUNDARY_PREFIXES) and re.match(rf"[{_CJK}]", prev) and prev not in _FUNCTION_CHARS:
        return False  # 州 starts a body only after a boundary (由州政府…), never inside a place (广州, 杭州)
    for prefix, banned in _LEFT_GUARD.items():
        if name.startswith(prefix) and prev in banned:
            return False
    return True


_DOC_NUMBER_RE = re.compile(r"[发函字办规]*[〔\[［(（]\d{4}[〕\]］)）]")


def _right_ok(source: str, end: int, name: str) -> bool:
    if end >= len(source):
        return True
    if _DOC_NUMBER_RE.match(source, end):  # 国办发〔2021〕2号 is a document number, not 国办
        return False
    nxt = source[end]
    if name.endswith("各区") and nxt in "域块间别县级位内":
        return False
    if name.endswith("中心") and nxt in "城区":
        return False
    if name.endswith("政府") and source.startswith("部门", end):  # 县级以上人民政府部门: the governments' departments
        return False
    if name.endswith("部") and source.startswith(("落实", "分别"), end):  # 请财政部落实…: 部落 (a tribe) is no word here;
        return True  # 交通运输部、住房城乡建设部分别…: 部分 (a part) is no word here either
    return nxt not in _RIGHT_GUARD.get(name[-1], "")


def _central_short_ok(source: str, start: int, label: str) -> bool:
    """A central body's short name (统计局, 数据局) written after 市/区/县… belongs to a local body instead."""
    if label.startswith(("国家", "国务院", "中国", "中华")):
        return True
    if start and source[start - 1] in "、和" and label.endswith(("局", "厅", "委", "办")):
        # 省发展改革委、交通运输厅、能源局等: a member of a list its first name opens with a local level (also the last
        # member joined by 和, and after a member written with its second name: 区发改局(粮储局)、…、统计局)
        window = re.sub(r"[（(][\u4e00-\u9fff]{1,10}[)）](?=[、和])", "", source[max(0, start - 100) : start])
        clause = re.split(r"[，,。；;：:（(\n]", window)[-1].lstrip(" \t\u3000★☆●※|")
        clause = re.sub(r"^(?:成员单位|成员)(?:包括|为|有)", "", clause)  # 成员单位包括区发改局、…、统计局
        if re.match(r"(?:[省市区县州]|自治区)(?!级)", clause) and re.fullmatch(rf"(?:[^{_NOT_CORE}]{{2,16}}[、和])+", clause):
            return False
    return start == 0 or source[start - 1] not in _LEVEL_CHARS


def _label_candidates(source: str) -> list[_Candidate]:
    auth = authority()
    found = []
    for m in _label_re().finditer(source):
        label = m.group(1)
        start, end = m.start(), m.start() + len(label)
        if not (_left_ok(source, start, label) and _right_ok(source, end, label)):
            continue
        keys = auth.absolute.get(label, []) + auth.relative.get(label, [])
        if all(auth.bodies[k].jurisdiction == NATIONAL for k in keys) and not _central_short_ok(source, start, label):
            continue
        found.append(_Candidate(start, end, "label"))
    return found


_DIRECTION_RE = re.compile(r"^[东南西北中内外上下前后]{1,2}$")  # 区东南部, 市中部: a part of a place, no body
_PLACES_CORE_RE = re.compile(rf"(?:[{_CJK}]{{1,6}}?(?:自治州|自治县|省|市|县|区|旗|乡|镇|街道))+")


def _generic_verdict(core: str, suffix: str, prefix: str) -> str:
    """What a prefix + core + suffix is: "body", "unknown" (body-like, but its core is a clause: a candidate)
    or "" (no name at all: 市场, 区域, 局面)."""
    ban = _PREFIX_CORE_START_BAN.get(prefix)
    if ban is not None and ban.match(core):
        return ""
    if suffix in ("中心", "服务中心") and (not core or (suffix == "中心" and _DESIGNATION_RE.search(core)
                                                     and not (prefix and _INSTITUTION_CENTRE_RE.search(core)))):
        return ""  # 金融中心, 创新中心: a place or a facility; 金融服务中心: an institution that serves, a body where it acts
    if not core and suffix not in ("人民政府", "政府", "行政公署", "委", "海关", "法院", "检察院", "贸促会", "供销社", "供销合作社",
                                   "农科院", "社科院", "教科院", "人行"):
        return ""
    if suffix == "人行" and (core or not prefix):
        return ""  # 市人行 only: 市场主体个人行…, a place's 人行 read after its name are no body
    if suffix in ("公司", "集团公司", "集团") and (len(core) < 2 or core.startswith("分")):
        return ""  # 中国人保浙江省|分公司: a branch named by a place alone is no name of its own
    if (_DIRECTION_RE.match(core) and (core, suffix) != ("外", "办")) or (suffix == "厅" and core.endswith("大")):
        return ""  # 区东南部: a part of a place; 县政务服务大厅: a hall, no department
    if suffix in ("人民政府", "政府") and core:
        # a government is a place's (区政府, 巫山县培石乡政府); 区探索创新政府 is a clause ending in 政府
        if _PLACES_CORE_RE.fullmatch(core) and not _CLAUSE_RE.search(core):
            return "body"
        return "unknown" if len(core) >= 2 else ""
    if suffix == "部" and prefix in ("省", "市", "区", "县", "镇", "乡", "州", "盟", "旗", "街道", "自治区"):
        return ""  # a local government has no 部; its Party's departments (市委组织部) are organ words
    if prefix in ("国务院", "国家") and len(core) < 2:
        return ""  # 国务院部署, 国家级
    if suffix == "委员会" and not _CLAUSE_RE.search(core) and not _CORE_BAN.search(
            re.sub(r"指导|协调|统筹|咨询", "", core)):
        return "body"  # a committee is named for what it does: 国家职业教育指导咨询委员会, 首都国际机场协调委员会
    if suffix == "办" and _CLAUSE_RE.fullmatch(core):
        return "body"  # 市优化办, 区统筹办: an office named by the one word of its work, nothing else before 办
    core = _NAME_VERBS_RE.sub("", core)  # 行政审批局, 行政审批服务局: a bureau named by the approvals it grants
    if _CORE_BAN.search(core) or _CLAUSE_RE.search(core + suffix):  # 国务院法制机构承办: 承办 is a verb
        return "unknown"
    return "body"


_NAME_VERBS_RE = re.compile(r"行政审批")


def _judged(start: int, end: int, core: str, suffix: str, prefix: str) -> _Candidate | None:
    """The candidate ``source[start:end]`` by ``_generic_verdict``: a body, a body-like clause kept for review
    (``departments --candidates``), or None when it names nothing."""
    verdict = _generic_verdict(core, suffix, prefix)
    if not verdict:
        return None
    return _Candidate(start, end, "generic" if verdict == "body" else "unknown",
                      "" if verdict == "body" else "its core is a clause")


def _generic_candidates(source: str, places: set[str]) -> list[_Candidate]:
    found = []
    starts = [i for i, ch in enumerate(source) if ch in "街自省市区县镇乡州盟旗国"]  # where a prefix can begin
    for regex in (_ONE_PREFIX_RE, _CENTRAL_RE):
        for start in starts:
            m = regex.match(source, start)
            if not m:
                continue
            name = m.group()
            if not (_left_ok(source, start, name) and _right_ok(source, m.end(), name)):
                continue
            if (candidate := _judged(start, m.end(), m.group("core"), m.group("suffix"), m.group("prefix"))):
                found.append(candidate)
    for start in starts:
        m = _ORGAN_RE.match(source, start)
        if m and _left_ok(source, start, m.group()) and _right_ok(source, m.end(), m.group()):
            office = _ORGAN_OFFICE_RE.match(source, m.end())  # 区人大常委会办公室, 市政协办公厅
            found.append(_Candidate(start, office.end() if office else m.end(), "organ"))
    for m in _EMERGENCY_BODY_RE.finditer(source):
        found.append(_Candidate(m.start(), m.end(), "organ"))
    for m in _COMMITTEE_SHORT_RE.finditer(source):
        if _left_ok(source, m.start(), m.group()) and not _CLAUSE_RE.search(m.group("core")):
            found.append(_Candidate(m.start(), m.end(), "generic"))  # 市编委办, 市爱卫会: a committee or its office
    for m in _JOINT_OFFICE_RE.finditer(source):
        if _left_ok(source, m.start(), m.group()) and _right_ok(source, m.end(), m.group()):
            found.append(_Candidate(m.start(), m.end(), "organ"))  # 区委区政府督查室: the two's one office
    for m in _TOWN_RE.finditer(source):
        if not _NO_TOWN_START_RE.match(m.group()):
            found.append(_Candidate(m.start(), m.end(), "generic"))  # 狮山镇人民政府, 桂城街道办事处
    for m in _LEAGUE_RE.finditer(source):
        found.append(_Candidate(m.start(), m.end(), "organ"))
    for m in _DESIGNATION_BODY_RE.finditer(source):
        core = m.group("core")
        if not core.startswith("各") and not _CLAUSE_RE.search(core):
            found.append(_Candidate(m.start(), m.end(), "generic"))
    if places:
        place_re = re.compile("|".join(map(re.escape, sorted(places, key=len, reverse=True))))
        for pm in place_re.finditer(source):
            organ = re.compile(rf"(?:中共)?(?:{_ORGAN_WORDS})").match(source, pm.end())
            if organ and pm.group().endswith(("省", "市", "区", "县", "自治区", "自治州", "镇", "乡")):
                found.append(_Candidate(pm.start(), organ.end(), "organ"))
            m = _PLACE_CORE_RE.match(source, pm.end())
            if not m or not _right_ok(source, m.end(), m.group()):
                continue
            with_level = pm.group().endswith(("省", "市", "区", "县", "自治区", "自治州"))
            if not with_level and m.group("suffix") not in ("海关", "监管局", "局", "分局", "总部", "分行"):
                continue
            if m.group("suffix") in ("公司", "集团公司", "集团") and not _after_word(source, pm.start()):
                continue  # 中国人保|浙江省分公司: a company's branch is named with its company, not by the place
            if (candidate := _judged(pm.start(), m.end(), m.group("core"), m.group("suffix"), "")):
                found.append(candidate)
    for pm in re.compile("|".join(map(re.escape, sorted(places | {"香港", "澳门"}, key=len, reverse=True)))).finditer(source):
        if (obs := _OBSERVATORY_RE.match(source, pm.end())) and _after_word(source, pm.start()):
            found.append(_Candidate(pm.start(), obs.end(), "generic"))  # 广东省气象台, 香港天文台
    found += [_Candidate(m.start(), m.end(), "generic") for m in _MILITARY_REGION_RE.finditer(source)]
    return found


# A place's observatory or weather station (香港天文台, 澳门地球物理气象台, 上海市气象台): a public body named by its
# work after its place; the place may be written short (香港, 澳门) as those bodies are named.
_OBSERVATORY_RE = re.compile(rf"(?:特别行政区)?[^{_NOT_CORE}和]{{0,6}}?(?:天文台|气象台|观象台)(?![{_CJK}]{{0,2}}(?:站|网))")
# The military regions (1985-2016) and theatres (since 2016) by name: 广州军区, 南部战区.
_MILITARY_REGION_RE = re.compile(r"(?:沈阳|北京|兰州|济南|南京|广州|成都|昆明|武汉|福州|乌鲁木齐|新疆|西藏|内蒙古)军区"
                                 r"|(?:东部|南部|西部|北部|中部)战区")


def _after_word(source: str, start: int) -> bool:
    """Whether a name at ``start`` begins a word: after a boundary or a function word."""
    prev = source[start - 1 : start]
    return not re.match(rf"[{_CJK}]", prev) or prev in _FUNCTION_CHARS


# 省、自治区、直辖市人民政府管理专利工作的部门: a government's department named by the work it manages.
_MANAGING_DEPARTMENT_RE = re.compile(
    rf"(?:省、自治区、直辖市|县级以上地方|地方各级|地方|[{_CJK}]{{2,6}}?[省市县区])人民政府(?:管理|负责)[{_CJK}]{{2,10}}?工作的部门")
# 区人民政府公园行政主管部门, 县级以上人民政府林业主管部门: a government's department named by the matter it is in
# charge of (行政主管部门 / 主管部门), whatever that matter is, as local rules name the department of each level
_GOVERNMENT_DEPARTMENT_RE = re.compile(
    rf"(?:(?<![{_CJK}])|(?<=[由和及与对经请向是]))(?:县级以上(?:地方)?(?:各级)?|[省市区县])人民政府"
    rf"(?P<core>[{_CJK}]{{2,8}}?)(?:行政主管部门|主管部门)")


# The grassroots bodies every place has (居民委员会, 村民委员会, 公安派出所), named as a class in rules.
_GRASSROOTS_RE = re.compile(r"(?<![\u4e00-\u9fff])(?:居民委员会|村民委员会|公安派出所)|(?<=[、，,和及或者的])(?:居民委员会|村民委员会|公安派出所)"
                            r"|(?<=[、和及])(?:人民)?(?:法院|检察院)")  # 民政部门、外交部门、法院: the courts, in a list of bodies
# A sector's departments written as the sector and 等部门 (人力资源社会保障等部门有关…信息): that sector's department.
_SECTOR_AND_OTHERS_RE = re.compile(rf"(?<![\u4e00-\u9fff])(?:{_SECTORS})(?=等(?:有关)?部门)")


# A unit named by the part it takes for an organisation or a channel it sponsors (挂靠单位, the unit a social group
# is attached to; 政务新媒体主办单位, the unit that runs an account; 承办单位, the unit that handles a proposal), at a
# clause's start or in a list of bodies, with at most a short name of what it sponsors before it. Kept as a body only
# where it acts (ingest.departments); 主管单位 is left out: texts use it for bodies they have just named.
_SPONSOR_UNIT_RE = re.compile(rf"(?:(?<=[。；;，,：:\n、和及与）)])|(?<=\d[.．、])|^)(?:[{_CJK}]{{2,6}}?(?<![的是为和及与])(?=挂靠|主办|承办))?"
                              rf"(?:挂靠|主办|承办)单位(?!{_HEAD_POST}|工作人员|名称|职责|的)", re.MULTILINE)
# The organ that registers a kind of organisation, named with that kind (社会团体登记管理机关, 基金会登记管理机关).
_REGISTRAR_RE = re.compile(r"(?:(?<=[。；;，,：:\n、和及与])|^)(?:各级)?(?:社会团体|社会组织|基金会|民办非企业单位)登记管理机关",
                           re.MULTILINE)

# The army's departments named by their work (军队主管部门, 军队各级防化业务部门, 军队有关业务部门 is not: 有关 names
# none): the army's counterpart of a functional designation, kept only where it acts.
_ARMY_DEPARTMENT_RE = re.compile(rf"(?:(?<=[。；;，,：:\n、和及与由请向])|(?<=征求)|^)军队(?:各级)?(?!有关|相关)(?:[{_CJK}]{{2,4}}?)?"
                                 rf"(?:业务|主管|职能|管理)部门(?!{_HEAD_POST}|工作人员)", re.MULTILINE)

# The central treasury written as the one that pays: a body where it funds (中央财政将视情况…给予一定补助); the
# treasury only spoken of (纳入中央财政预算) is none. A level's treasury (省级财政安排…) is its budget, as the gold of
# local documents reads it, not a body.
_TREASURY_RE = re.compile(r"(?:(?<=[。；;，,：:\n、和及与由])|^)中央财政"
                          r"(?=(?:将|要|应当|应|可|再|也|还|每年)*[^，,。；;]{0,30}?(?:给予|予以|安排|补助|补贴|承担|负担|拨付))",
                          re.MULTILINE)


# …and a level's treasury written as the one that pays in a text a department writes in its own voice (我局会同…；
# 市级财政给予一次性奖励): the treasury of that level is another payer than the writer, a body there; in a government's
# own text (省级财政按…给予贴息) it is the writer's budget, no body of its own.
_DEPARTMENT_VOICE_RE = re.compile(r"(?<![\u4e00-\u9fff])我(?:局|委|厅|办)|[。，,；;：:\n]我(?:局|委|厅|办)")
_LEVEL_TREASURY_RE = re.compile(r"(?:(?<=[。；;，,：:\n、和及与由])|^)(?:省|市|县|区)级财政"
                                r"(?=(?:将|要|应当|应|可|再|也|还|每年)*[^，,。；;]{0,30}?(?:给予|予以|安排|补助|补贴|承担|负担|拨付))",
                                re.MULTILINE)


# X主管部门会同同级财政部门…: a designation written 同级 (of the same level) is the department of the level the body
# before it in the sentence is scoped to (县市区（园区）工业和信息化主管部门 … 同级财政部门 → 县市区（园区）财政部门);
# read alone it would be a bare 财政部门 of no level.
_SAME_LEVEL = "同级"


def same_level_designations(source: str, chosen: list, make) -> list:
    """Candidates (``make(start, end, scope)``) for designations written after 同级 (the span takes 同级 in), each with
    the scope of the nearest scoped designation before it in the same sentence; none where no such designation is
    written. Also a bare designation listed right after a scoped one (A、B), with A's scope."""
    found = []
    for cand in chosen:
        if cand.kind != "designation":
            continue
        if not source.endswith(_SAME_LEVEL, 0, cand.start):
            # 各县市区（园区）财政部门、工业和信息化主管部门: a bare designation listed right after a scoped one shares its scope
            before = next((c for c in chosen if c.end == cand.start - 1 and source[c.end] in "、和"), None)
            m = _FUNCTIONAL_RE.fullmatch(source[before.start:before.end].removeprefix("各")) if before else None
            if m and m.group("scope") and _FUNCTIONAL_RE.fullmatch(source[cand.start:cand.end]) and not \
                    _FUNCTIONAL_RE.fullmatch(source[cand.start:cand.end]).group("scope"):
                found.append(make(cand.start, cand.end, m.group("scope")))
            continue
        sentence_start = max(source.rfind(ch, 0, cand.start) for ch in "。；;\n") + 1
        for prev in sorted((c for c in chosen if sentence_start <= c.start and c.end <= cand.start),
                           key=lambda c: -c.start):
            m = _FUNCTIONAL_RE.fullmatch(source[prev.start:prev.end].removeprefix("各"))
            if m and m.group("scope"):  # the mention keeps 同级 (会同|同级财政部门: the body 会同 names)
                found.append(make(cand.start - len(_SAME_LEVEL), cand.end, m.group("scope")))
                break
    return found


def _designation_candidates(source: str) -> list[_Candidate]:
    """Functional designations (教育行政部门, 各级卫生健康部门, 税务机关): a sector word at a word's start."""
    found = [_Candidate(m.start(), m.end(), "designation") for m in _MANAGING_DEPARTMENT_RE.finditer(source)]
    found += [_Candidate(m.start(), m.end(), "designation") for m in _GOVERNMENT_DEPARTMENT_RE.finditer(source)
              if not _CLAUSE_RE.search(m.group("core"))]
    found += [_Candidate(m.start(), m.end(), "designation") for regex in (_SPONSOR_UNIT_RE, _REGISTRAR_RE)
              for m in regex.finditer(source) if not _CLAUSE_RE.search(m.group())]
    found += [_Candidate(m.start(), m.end(), "designation") for m in _GRASSROOTS_RE.finditer(source)]
    found += [_Candidate(m.start(), m.end(), "designation") for m in _ARMY_DEPARTMENT_RE.finditer(source)]
    found += [_Candidate(m.start(), m.end(), "designation") for m in _TREASURY_RE.finditer(source)]
    if _DEPARTMENT_VOICE_RE.search(source):  # a bureau's reply: the level's treasury pays beside it (市级财政给予…)
        found += [_Candidate(m.start(), m.end(), "designation") for m in _LEVEL_TREASURY_RE.finditer(source)]
    found += [_Candidate(m.start(), m.end(), "designation") for m in _SECTOR_AND_OTHERS_RE.finditer(source)]
    for m in _FUNCTIONAL_RE.finditer(source):
        prev = source[m.start() - 1 : m.start()]
        # …inside a longer word (城市管理部门 is fine, 非税务机关 is not): only after a boundary or a verb
        if (m.group("scope") is None and prev and re.match(rf"[{_CJK}]", prev) and prev not in _FUNCTION_CHARS + "当由各"
                and not _CLAUSE_RE.search(source, max(0, m.start() - 4), m.start())):
            continue
        if m.group("scope") and len(m.group("scope")) == 1 and not (
                _left_ok(source, m.start(), m.group()) and _after_word(source, m.start())):
            continue  # 县城乡建设行政主管部门 after a boundary; 城市规划部门 is no 市规划部门
        found.append(_Candidate(m.start(), m.end(), "designation"))
    return found


# A zone itself named as an owner in a list of owners (责任单位：立山经济开发区，各街道; （X高新区、区财政局负责）):
# its administration, a body like its 管委会. A zone word alone or a kind of zone (工业园区, 各类开发区) is none.
_LISTED_ZONE_RE = re.compile(
    rf"(?:(?<=单位[：:])|(?<=[、，,；;（(]))(?P<name>[{_CJK}]{{2,12}}?(?:经济技术开发区|经济开发区|高新技术产业开发区|开发区|高新区|经开区"
    rf"|综合保税区|保税区|综保区|新区|产业园区|工业园区|园区))(?=[、，,；;）)\n]|$|等(?![{_CJK}]{{0,4}}(?:地|区域|领域))|牵头|配合|负责|按职责)",
    re.MULTILINE)
# 各市（州）人民政府、长白山管委会、梅河口市人民政府负责落实: an area's administrative committee named by a place the
# zone words do not cover (a mountain, a lake, a port), written as a member of a list of owners.
_LISTED_BOARD_RE = re.compile(
    rf"(?:(?<=单位[：:])|(?<=[、，,；;（(]))(?P<name>(?![省市区县镇乡各本该全]|有关|相关|其他)[{_CJK}]{{2,6}}?(?:管委会|管理委员会))"
    rf"(?=[、，,；;）)\n]|$|牵头|配合|负责|按职责)", re.MULTILINE)
_ZONE_KIND_RE = re.compile(r"^(?:各类?|全|本|该|其他|相关|有关|重点|特色|省级|市级|国家级|工业|产业|经济|高新|开发|城市|新|老|各级)*"
                           r"(?:经济技术开发区|经济开发区|高新技术产业开发区|开发区|高新区|经开区|综合保税区|保税区|综保区|新区|产业园区|工业园区|园区)$")
# A vertically managed unit written bare in a list of owners of a local text (责任单位：各街道，税务局): the local one.
_LISTED_BARE_UNIT_RE = re.compile(r"(?:(?<=单位[：:])|(?<=[、，,；;（(]))(?:税务局|供电局|供电公司|烟草专卖局|邮政管理局"
                                  r"|(?![各有相该本其])[\u4e00-\u9fff]{2,4}?海关)"  # 奉贤海关: a customs office is its place's
                                  r"(?=[、，,；;）)\n]|$|等|牵头|配合|负责|按职责)", re.MULTILINE)


# A state-owned utility or carrier acting as an implementer, named with its brand (中国电信浙江公司, 中国联通浙江省分公司,
# 国网浙江省电力有限公司, 南方电网广州供电局), after a boundary.
_STATE_COMPANY_RE = re.compile(
    rf"(?:(?<![{_CJK}])|(?<=[{_FUNCTION_CHARS}]))(?:中国电信|中国移动|中国联通|中国铁塔|中国广电|中国邮政|国网|国家电网|南方电网|南网"
    rf"|中国石油|中国石化|中国铁路)[{_CJK}]{{0,12}}?(?:分公司|有限公司|公司|供电局|供电公司|集团|局)"
    r"(?=[、，,；;：:）)\]】\s]|$|牵头|配合|负责|等|要|应|将|按|会同|和|及|参与|协助)")


# A university, college, hospital or institute named in a list of owners (（市教育局牵头，泉州师范学院、黎明职业大学配合）,
# 配合单位：市第一医院、某某大学附属医院): a body of its own. A kind of institution (各高校, 有关医院, 高等院校) is none.
_LISTED_INSTITUTION_RE = re.compile(
    rf"(?:(?<=单位[：:])|(?<=[、；;（(])|(?<=牵头[，,])|(?<=负责[，,]))(?P<name>[{_CJK}]{{2,14}}?(?:职业技术大学|职业大学|大学|职业技术学院"
    rf"|学院|医院|研究院|研究所|科学院))(?=[、，,；;）)\n]|$|等(?![{_CJK}]{{0,2}}(?:院校|学校|高校|机构))|牵头|配合|负责|按职责|参与|协助)",
    re.MULTILINE)
_INSTITUTION_KIND_RE = re.compile(r"^(?:各|有关|相关|其他|本|该|全|省内|市内|区内|县内|域内|驻[\u4e00-\u9fff]{1,3}|高等|高职|职业|重点|公立"
                                  r"|民营|社会|综合|专科|二级|三级|基层|乡镇|社区|中外|国内外)")


def _zone_candidates(source: str) -> list[_Candidate]:
    found = [_Candidate(m.start(), m.end(), "generic") for m in _STATE_COMPANY_RE.finditer(source)]
    found += [_Candidate(m.start("name"), m.end("name"), "generic") for m in _LISTED_INSTITUTION_RE.finditer(source)
              if not _INSTITUTION_KIND_RE.match(m.group("name")) and not _CLAUSE_RE.search(m.group("name"))]
    found += [_Candidate(m.start("name"), m.end("name"), "generic") for m in _LISTED_ZONE_RE.finditer(source)
             if not _ZONE_KIND_RE.match(m.group("name")) and not _CLAUSE_RE.search(m.group("name"))]
    found += [_Candidate(m.start(), m.end(), "generic") for m in _LISTED_BARE_UNIT_RE.finditer(source)]
    found += [_Candidate(m.start("name"), m.end("name"), "generic") for m in _LISTED_BOARD_RE.finditer(source)
              if not _CLAUSE_RE.search(m.group("name")) and not _TAIL_BAN.search(m.group("name"))]
    for start in [0] + [i + 1 for i, ch in enumerate(source) if not re.match(rf"[{_CJK}]", ch) or ch in _FUNCTION_CHARS]:
        m = _ZONE_RE.match(source, start)
        if m and not _TAIL_BAN.search(m.group()):
            found.append(_Candidate(m.start(), m.end(), "generic"))
        if (m := _BARE_ZONE_RE.match(source, start)):
            found.append(_Candidate(m.start(), m.end(), "generic"))
    for m in _ZONE_DEPT_RE.finditer(source):
        if m.group("organ"):
            found.append(_Candidate(m.start(), m.end(), "organ"))
            continue
        if (not _right_ok(source, m.end(), m.group()) or re.match(r"[内外域级]", m.group("core"))
                or source.startswith("管委会", m.start("core"))):
            continue  # 开发区内…, 开发区级…: no department; 开发区管委会 is the zone's committee
        if (candidate := _judged(m.start(), m.end(), m.group("core"), m.group("suffix"), "")):
            found.append(candidate)
    return found


# Places a text puts to work by their part in it (各试点城市要…, 试点地区要…, 相关省份要…) and their governments'
# offices (试点地区政府办公厅（室）对…负总责): a collective where they act.
# Places put to work as a whole: the provinces (各省、自治区、直辖市, 各省（区、市）), the places concerned (有关的大中城市,
# 相关省份) and the places where something lies (…防御区所在地, …所在地人民政府, after a boundary or 特别是).
# The places below a province or a city written bare as the ones told to act (各市（州）要…, 各县（市、区）要…): their
# governments, the collective written with 人民政府 elsewhere in the same text
# (two levels listed under one 各, 各市（州）、县（市、区）要…: the cities and the counties as one collective)
_LOCAL_KINDS = r"(?:市（州）|市（州、地）|县（市、区(?:、特区)?）|县（区）|区（县）|县（市）|县市区|县区|区县)"
_LOCAL_PLACES_RE = re.compile(rf"各(?:有关|相关)?{_LOCAL_KINDS}(?:、{_LOCAL_KINDS})?")
_ACTING_PLACES_RE = re.compile(
    _LOCAL_PLACES_RE.pattern + r"(?!人民政府|政府|党委|[（(])|"  # 各县（市、区）财政局: a longer name, chosen first
    r"(?:各)?试点(?:城市|地区|省份)(?:(?:人民)?政府(?:办公厅(?:（室）)?|办公室))?|(?:相关|有关)(?:的)?(?:省份|大中城市)"
    r"|各省、自治区、直辖市(?!人民政府|政府|[\u4e00-\u9fff])|各(?:有关|相关)?省（市）(?!人民政府|政府|(?![和及])[\u4e00-\u9fff])|有关省、(?:市、)?自治区(?:、直辖市)?(?!人民政府|政府|、)|各省（区、市）(?!人民政府|政府|[\u4e00-\u9fff])"
    r"|(?:(?<=特别是)|(?<=[，,。；;：:\n]))(?!特别是)[\u4e00-\u9fff]{2,12}?所在地(?:的?(?:人民政府|政府))?"
    r"|(?<=[，,。；;：:\n])(?:位于|地处)[\u4e00-\u9fff]{2,16}?的(?:大中城市|城市|县市|地区)")  # 位于…防御区的大中城市
_ACTS_AFTER_RE = re.compile(r"(?:都|均|也)?(?:要|应当|应|须|必须|可以?(?=根据|按照|结合|组织|视|参照)|负责|牵头|对[^，,。；;]{1,40}?负总责)")
# …with a comma before the verb, or a 特别是… aside that singles out a part (各省、自治区、直辖市，特别是…，也要…)
_ACTS_LATER_RE = re.compile(r"(?:[，,]\s*特别是[^，,。；;]{1,30})?[，,]?\s*" + _ACTS_AFTER_RE.pattern)
# …and the military regions listed with the places (各省、自治区、直辖市和各军区, 有关省、自治区、直辖市及军区)
_WITH_REGIONS_RE = re.compile(r"[和及、](?P<regions>(?:各|有关)?(?:大)?军区)")
# …or with the unnamed ministries that act with them (各有关省（市）和部委要…)
_WITH_UNNAMED_RE = re.compile(r"[和及](?:各|有关|相关)*(?:部委|部门|单位)")
# The provinces as a whole, written by the kinds of place they are: 省（市）, 省（区、市）, 省、自治区、直辖市
_PROVINCE_KINDS = r"(?:省（市）|省（区、市）|省（自治区、直辖市）|省、自治区、直辖市(?:和计划单列市)?|省、(?:市、)?自治区|省份|省)"
# The provinces named by the task they take on (承担任务的省（市）人民政府, 承办…的有关省（市）人民政府): the provinces
# concerned, a collective where they act (由…予以补贴, …，要…).
_QUALIFIED_PROVINCES_RE = re.compile(rf"(?:(?<=[，,。；;：:\n由请])|^)(?:承担|承办|负责|参与|参加|开展|实施)[^，,。；;：:\n的]{{1,30}}?的"
                                     rf"(?:各|有关|相关)*{_PROVINCE_KINDS}(?:人民政府|政府)", re.MULTILINE)
_PLACE_COLLECTIVE_RE = re.compile(rf"^(?:(?P<qual>[^，,。；;：:的]{{1,32}}的))?(?P<pre>(?:各|有关|相关)*){_PROVINCE_KINDS.replace('(?:', '(?P<kind>', 1)}"
                                  r"(?P<gov>人民政府|政府)?$")


def same_places(name: str) -> str:
    """The one name of a collective of provinces a text writes several ways: with or without 人民政府 (各有关省（市）
    and 各有关省（市）人民政府), or named by the task they take on (承担任务的省（市）人民政府 = the provinces concerned,
    各有关省（市）人民政府). Other names are returned as they are."""
    if re.fullmatch(rf"各(?:有关|相关)?{_LOCAL_KINDS}", name):  # 各市（州） = 各市（州）人民政府, as a province's texts write both
        return name + "人民政府"
    m = _PLACE_COLLECTIVE_RE.match(name)
    if not m or not (m.group("qual") or m.group("pre")) or m.group("kind") in ("省", "省份"):
        return name
    pre = "各有关" if m.group("qual") else m.group("pre")
    return f"{pre}{m.group('kind')}人民政府"


# Provinces named bare as the ones told to act, one by one or in a list closed by 等各地区 (…以及北京市、天津市等各地区，
# 要积极主动对接…; 北京市要…): each province (its government) implements what the clause asks.
_PROVINCE_NAME = "|".join(p for p in _PROVINCES if not p.endswith("特别行政区"))
_ACTING_PROVINCES_RE = re.compile(
    rf"(?:(?<=[，,。；;：:\n])|(?<=以及)|(?<=[和及]))(?P<list>(?:{_PROVINCE_NAME})(?:、(?:{_PROVINCE_NAME}))*)"
    rf"(?P<rest>等(?:各)?(?:地区|地方|省份|省市|省（区、市）))?(?![\u4e00-\u9fff]*?(?:人民政府|政府|[省市]委))")


def _province_candidates(source: str) -> list[_Candidate]:
    found = []
    for m in _ACTING_PROVINCES_RE.finditer(source):
        if not _ACTS_LATER_RE.match(source, m.end()):
            continue
        for p in re.finditer(_PROVINCE_NAME, m.group("list")):
            found.append(_Candidate(m.start("list") + p.start(), m.start("list") + p.end(), "collective"))
    return found


_STREETS_AFTER_TOWNS_RE = re.compile(r"(?<=各乡镇人民政府、)街道办事处|(?<=各镇人民政府、)街道办事处|(?<=各乡镇政府、)街道办事处"
                                     r"|(?<=各镇政府、)街道办事处")


# 各镇（乡）、街道: the towns and the streets as one class of the text's own grassroots governments, the streets
# written bare after the towns' 各 (as 各县（市、区） is one class); a bare 街道 is no body of its own.
_TOWNS_AND_STREETS_RE = re.compile(r"各(?:乡镇|镇乡|镇（乡）|乡（镇）|镇|乡)、街道(?:办事处)?(?=[、，,；;\s）)]|$)")
# 市安委会各成员单位, 区领导小组成员单位: the member units of a committee or group, one collective as written (not the
# committee, which does not act there, and a bare 各成员单位).
_MEMBER_UNITS_RE = re.compile(r"(?<![\u4e00-\u9fff])(?:[省市区县州盟旗镇]|街道)[\u4e00-\u9fff]{1,10}?"
                              r"(?:委员会|委会|安委|领导小组|联席会议|指挥部)各?成员单位")


def _collective_candidates(source: str) -> list[_Candidate]:
    found = [_Candidate(m.start(), m.end(), "collective") for regex in (_COLLECTIVE_RE, _EACH_SECTOR_RE)
             for m in regex.finditer(source)
             if _left_ok(source, m.start(), m.group()) and _right_ok(source, m.end(), m.group())]
    found += _province_candidates(source)
    # 各乡镇人民政府、街道办事处: the streets' offices listed bare after the towns' governments, a collective too
    found += [_Candidate(m.start(), m.end(), "collective") for m in _STREETS_AFTER_TOWNS_RE.finditer(source)]
    found += [_Candidate(m.start(), m.end(), "collective")
              for regex in (_TOWNS_AND_STREETS_RE, _MEMBER_UNITS_RE) for m in regex.finditer(source)]
    found += [_Candidate(m.start(), m.end(), "collective") for m in _QUALIFIED_PROVINCES_RE.finditer(source)
              if _ACTS_LATER_RE.match(source, m.end()) or source.endswith(("由", "请"), 0, m.start())]
    for m in _ACTING_PLACES_RE.finditer(source):
        if not (_opens_clause(source, m.start()) or source.endswith("特别是", 0, m.start())):
            continue
        if _ACTS_LATER_RE.match(source, m.end()):
            found.append(_Candidate(m.start(), m.end(), "collective"))
        elif (other := _WITH_UNNAMED_RE.match(source, m.end())) and _ACTS_LATER_RE.match(source, other.end()):
            found.append(_Candidate(m.start(), m.end(), "collective"))  # 各有关省（市）和部委要…
        elif (region := _WITH_REGIONS_RE.match(source, m.end())) and _ACTS_LATER_RE.match(source, region.end()):
            # 有关省、自治区、直辖市及军区也要…: the places and the military regions listed with them each act
            found += [_Candidate(m.start(), m.end(), "collective"),
                      _Candidate(region.start("regions"), region.end(), "collective")]
    return found


def _opens_clause(source: str, start: int) -> bool:
    """Whether a name at ``start`` can be a clause's subject: after a boundary or a function word, not inside a
    phrase (对成效不明显的|试点地区要开展督查: the places are what is checked)."""
    prev = source[start - 1 : start]
    return not re.match(rf"[{_CJK}]", prev) or prev in _FUNCTION_CHARS


# A body the text names by its role (审核机构, 制定机关办公机构, 登记管理机关): where the text declares the name for a
# class of bodies (具体承担审核工作的部门或者机构（以下统称审核机构）), and where such a name opens a clause whose
# subject it is (，制定机关办公机构要对材料…进行审查). Kept as a body only where it acts (ingest.departments).
_DECLARED_CLASS_RE = re.compile(rf"[（(]以下(?:统称|简称)[“\"]?(?P<name>[{_CJK}]{{2,10}}?(?:机构|机关|部门))[”\"]?[）)]")
# Its head is an organ (机关), an agency named by a government function (审核机构, 执法机构) or a trade's
# self-regulating organisation (专利代理行业组织); 医疗机构, 代理机构, 金融机构 … are the parties a text regulates.
_ROLE_NOUN_RE = re.compile(
    rf"(?:^|(?<=[。；;，,：:\s、]))(?P<name>[^{_NOT_CORE}的]{{0,6}}?(?:[^{_NOT_CORE}的]{{2}}机关|(?:审核|审查|审批|管理|监管|监督|执法|办公|工作|法制|考评|考核|督查"
    rf"|登记|派出|监察|协调)机构|[^{_NOT_CORE}的]{{2}}行业(?:组织|协会)))(?={_ACTS_AFTER_RE.pattern})", re.MULTILINE)


def _role_noun_candidates(source: str) -> list[_Candidate]:
    found = []
    for m in _DECLARED_CLASS_RE.finditer(source):
        name = m.group("name")
        for later in re.finditer(re.escape(name), source[m.end():]):
            start = m.end() + later.start()
            prev = source[start - 1 : start]
            if not re.match(rf"[{_CJK}]", prev) or prev in _FUNCTION_CHARS:  # 起草部门审核机构 is that body's own
                found.append(_Candidate(start, start + len(name), "designation"))
    for m in _ROLE_NOUN_RE.finditer(source):
        # a verb written before 机关/机构 names what the organ does (制定机关, 审核机构); anywhere else it is a clause
        if not _CLAUSE_RE.search(re.sub(r"[\u4e00-\u9fff]{2}(?=机关|机构|部门)", "", m.group("name"))):
            found.append(_Candidate(m.start("name"), m.end("name"), "designation"))
    return found


_JOINT_PREFIX_RE = re.compile(r"国务院|中央|全国|国家(?!级)")


def _joint_name_start(source: str, end: int, places: set[str] = frozenset()) -> int:  # type: ignore[assignment]
    """Walk back from a 联席会议/领导小组 to the start of its name: over at most 24 characters of one phrase
    (stopping at 和 or 报 before a level: 工作进展报|县…领导小组办公室), then past the last word of a clause (落实|中央教育工作领导小组, 各成员单位就有关工作情况向|联席会议), so a
    name never holds a verb; 自由贸易试验区 is one word of a name (由 is cut only where it stands alone)."""
    start = end
    while (start > 0 and end - start < 24 and re.match(rf"[{_CJK}0-9]", source[start - 1])
           and source[start - 1] not in "的及与在对为将把被是等或、向就"
           and not (source[start - 1] == "由" and source[start - 2 : start - 1] not in ("自", "理", "经"))
           and not (source[start - 1] in "和报" and source[start:start + 1] in _LEVEL_CHARS)  # 将进展报|县…办公室
           and not (source[start - 1] == "报" and source.startswith(("工作", "领导", "专项", "协调"), start))):  # 报|工作专班
        start -= 1
    for m in _JOINT_CLAUSE_RE.finditer(source, start, end):
        start = m.end()
    prefix = _JOINT_PREFIX_RE.search(source, start, end)
    if prefix and prefix.start() > start:  # 其职能并入|国务院职业教育工作部际联席会议
        start = prefix.start()
    for m in _LEAD_IN_RE.finditer(source, start, end):
        if m.group() != "由" or source[m.start() - 1 : m.start()] not in ("自", "理"):
            start = m.end()
    return start


_MEETING_OWNER_RE = re.compile(r"(?:国务院|(?:省|市|区|县|州|旗|自治区)(?:人民)?政府)$")  # the level qualifies it


def _joint_candidates(source: str, places: set[str]) -> list[_Candidate]:
    found = []
    for m in _JOINT_RE.finditer(source):
        start = _joint_name_start(source, m.start(), places)
        core = source[start : m.start()]
        if m.group().endswith("会议") and m.group() != "联席会议":
            # a meeting is its government's own organ: 国务院常务会议, 市政府全体会议, nothing more before it
            owner = _MEETING_OWNER_RE.search(core)
            if not owner or re.search(r"(?:召开|主持|出席|列席|参加)(?:了)?$", source[max(0, start - 4) : start + owner.start()]):
                continue  # 主持召开国务院常务会议听取…: the meeting held, an event, not the organ acting
            start, core = start + owner.start(), owner.group()
        if len(core) >= 2 and not _BARE_JOINT_CORE_RE.match(core):
            if source.startswith("成员单位", m.end()):  # 区疫情防控指挥部成员单位: the group's members, each acting
                found.append(_Candidate(start, m.end() + 4, "collective"))
            found.append(_Candidate(start, m.end(), "joint"))
    return found


# A working body the text itself sets up (成立联合采购办公室, 成立专家组): its name wherever written is that body.
_SET_UP_NEXT_RE = re.compile(rf"[、和及](?P<name>[{_CJK}]{{0,10}}?(?:办公室|工作组|专家组|监督组|小组|组))(?![{_CJK}])")
_SET_UP_RE = re.compile(rf"(?:成立|组建|设立|下设)(?:了)?(?P<name>[{_CJK}]{{0,10}}?(?:办公室|工作组|专家组|监督组|小组|组))(?![{_CJK}])")
_SET_UP_BAN = re.compile(r"^(?:工作|专项|该|此|本|各|成员|试点|领导|协调|若干|相应|相关|有关)(?:工作)?(?:办公室|小组|组)$|及|和|、")


def _set_up_candidates(source: str) -> list[_Candidate]:
    declared = {m.group("short") for m in _SHORT_FOR_RE.finditer(source)}
    names = set()
    for m in _SET_UP_RE.finditer(source):  # 下设监督组、专家组、集中采购小组: each one listed
        names.add(m.group("name"))
        pos = m.end()
        while (nxt := _SET_UP_NEXT_RE.match(source, pos)) is not None:
            names.add(nxt.group("name"))
            pos = nxt.end()
    names = {n for n in names if n not in declared and not _SET_UP_BAN.search(n) and len(n) >= 3}
    return [_Candidate(m.start(), m.end(), "joint") for n in names for m in re.finditer(re.escape(n), source)]


# The board that runs a service centre, named after it (区行政服务中心管委会, 市政务服务中心管理委员会): a body of its own,
# not the centre followed by a stray 管委会.
_CENTRE_BOARD_RE = re.compile(r"管委会|管理委员会")


def _extend(source: str, cand: _Candidate, place_re: re.Pattern[str]) -> _Candidate:
    """Run a name on into a sub-body written right after it (市公安局出入境管理局, 国家税务总局广州市税务局)."""
    if cand.kind not in ("label", "generic"):
        return cand
    end = cand.end
    place = place_re.match(source, end)
    if place:
        m = _BRANCH_TAIL_RE.match(source, place.end())
        if m and not _TAIL_BAN.search(m.group()) and _right_ok(source, m.end(), m.group()):
            return _Candidate(cand.start, m.end(), cand.kind)
    if source[cand.start:end].endswith("中心") and (board := _CENTRE_BOARD_RE.match(source, end)):
        return _Candidate(cand.start, board.end(), cand.kind)  # 区行政服务中心|管委会: the centre's managing board
    office = _GOV_OFFICE_TAIL_RE.match(source, end) if source[cand.start:end].endswith("政府") else None
    if office and not (_TAIL_BAN.search(office.group()) or _CLAUSE_RE.search(office.group())):
        return _Candidate(cand.start, office.end(), cand.kind)  # 市政府|督考办, 区政府|金融办: the government's office
    m = _TAIL_RE.match(source, end)
    if m and (_PARTY_TAIL_RE.fullmatch(m.group()) or not (_TAIL_BAN.search(m.group()) or _CLAUSE_RE.search(m.group())))\
            and _right_ok(source, m.end(), m.group()):
        return _Candidate(cand.start, m.end(), cand.kind)
    return cand


def _in_titles(source: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"《[^《》\n]*》", source)]


def _choose(candidates: list[_Candidate], blocked: list[tuple[int, int]]) -> list[_Candidate]:
    """Longest first, then leftmost; no overlaps; nothing inside a blocked range (a 《title》, an excluded line).
    Names with a body pattern are chosen first; an unknown pattern only where no body overlaps it."""
    bodies = _choose_of([c for c in candidates if c.kind != "unknown"], blocked)
    unknown = [c for c in _choose_of([c for c in candidates if c.kind == "unknown"], blocked)
               if not any(b.start < c.end and c.start < b.end for b in bodies)]
    return sorted(bodies + unknown, key=lambda c: c.start)


def _choose_of(candidates: list[_Candidate], blocked: list[tuple[int, int]]) -> list[_Candidate]:
    chosen: list[_Candidate] = []
    kind_rank = {"label": 0, "joint": 1, "organ": 2, "collective": 3, "generic": 4, "designation": 5, "unknown": 6}
    size = max((c.end for c in candidates), default=0)
    taken = bytearray(size)
    inside = bytearray(size)  # 1 inside a blocked range
    for a, b in blocked:
        inside[a:b] = b"\x01" * len(inside[a:b])
    for cand in sorted(set(candidates), key=lambda c: (-(c.end - c.start), c.start, kind_rank[c.kind])):
        if all(inside[cand.start : cand.end]) or any(taken[cand.start : cand.end]):
            continue
        taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


# Words that may stand before a place written with its government (责令|左权县人民政府, 建议|湖北省人民政府).
_CLAUSE_LEAD_RE = re.compile(r"^(?:责令|建议|根据|要求|同意|授权|支持|批准|委托|会同|配合|协助|督促|指导|请|由|经|对|向|报)")


def _strip_clause_lead(place: str) -> str:
    m = _CLAUSE_LEAD_RE.match(place)
    return place[m.end():] if m and len(place) - m.end() >= 3 else place


# A place written with its government right after a function word (向|晋中市人民政府, 由|左权县人民政府).
_PLACE_GOV_AFTER_WORD_RE = re.compile(rf"(?<=[{_FUNCTION_CHARS}])([^{_NOT_CORE}的]{{2,4}}?(?:省|市|自治州|县|区))(?=人民政府)")


# 配合单位：市经贸委、黄埔区政府、南沙区政府: a district or county government in a list of owners, its place
# written before 区政府 / 县政府 (a place the gazetteer may not know)
_LISTED_DISTRICT_GOV_RE = re.compile(r"(?<=[、，,；;：:（(])([\u4e00-\u9fff]{2,3}(?:区|县))(?=政府)")


# A district, county or county-level city written after its city in a government's or Party committee's name
# (佛山市南海区人民政府, 中共武汉市蔡甸区委, 长沙市长沙县人大常委会): the lower place is a place of its own, so its
# bodies written with it (南海区发展和改革局, 南海区委组织部) keep their place.
_LOWER_PLACE_RE = re.compile(rf"[{_CJK}]{{2,6}}?(?:市|自治州|州|地区|盟)(?P<low>[{_CJK}]{{2,4}}?(?:区|县|市|旗))"
                             r"(?=人民政府|政府|委(?!员|托)|人大|政协|人民法院|人民检察院)")
_NO_PLACE_START_RE = re.compile(r"^(?:本|全|各|该|城|中心|示范|开发|工业|自贸|新)")

# A county named by one character (魏县, 赵县, 沙县) written with its government at the start of a name
# (馆陶县人民政府、魏县人民政府; a table cell 魏县人民政府): the two-character place readers above need two characters
# before 县, so 县人民政府 alone was read, with the text's own city put before it. Kept only where the gazetteer
# knows the county and the character is no function word (和县 after 市: 市和县人民政府 is two levels).
_ONE_CHAR_COUNTY_GOV_RE = re.compile(r"(?:(?<=[、，,；;：:（(\s])|^)([\u4e00-\u9fff]县)(?=(?:人民)?政府)", re.MULTILINE)


# 唐山市生态环境局迁安市分局: a city's bureau's branch in one of its counties, the city written first as the branch's
# name has it. A city the short gazetteer of major cities does not know was left out of the name, so the branch was
# read as the text's own city's (市生态环境局迁安市分局). Kept only where the full gazetteer knows the city.
_BRANCH_CITY_RE = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,4}?市)(?=[\u4e00-\u9fff]{2,12}?(?:局|委)"
                             r"[\u4e00-\u9fff]{2,6}?(?:市|县|区)分局)")


def _branch_cities(source: str) -> set[str]:
    """Cities written before their bureau's county branch (唐山市…局迁安市分局), as the gazetteer knows them."""
    found = {m.group(1) for m in _BRANCH_CITY_RE.finditer(source)}
    return found & _gazetteer_names() if found else found


@lru_cache(maxsize=1)
def _gazetteer_names() -> frozenset[str]:
    """Every place the full gazetteer names (counties and prefectures included), read only when a text needs it."""
    return frozenset(c.pref_zh for c in load_places())


def _one_char_counties(source: str) -> set[str]:
    """One-character counties (魏县) written with their government after a boundary, as the gazetteer knows them."""
    found = {m.group(1) for m in _ONE_CHAR_COUNTY_GOV_RE.finditer(source)
             if m.group(1)[0] not in _STOP + _FUNCTION_CHARS and not _NO_PLACE_START_RE.match(m.group(1))}
    return found & _gazetteer_names() if found else found


_NO_LOWER_START_RE = re.compile(r"^(?:辖|所|每|我|其|郊|试点|相关|有关)")


def _text_places(source: str, jurisdiction: str) -> set[str]:
    """Places written in the text as part of a government's name, plus the known ones and the document's own.

    A place read from the text may not open with a word that makes it no place (本市, 全区, 新区, 自贸区); a place
    the gazetteer knows is kept as it is (新疆维吾尔自治区)."""
    read = {_strip_clause_lead(m.group(1)) for m in _PLACE_GOV_RE.finditer(source)}
    read |= {m.group(1) for m in _PLACE_GOV_AFTER_WORD_RE.finditer(source)}
    read |= {m.group(1) for m in _LISTED_DISTRICT_GOV_RE.finditer(source)}
    read |= _one_char_counties(source) | _branch_cities(source)
    lower = {m.group("low") for m in _LOWER_PLACE_RE.finditer(source)}
    if jurisdiction and jurisdiction != NATIONAL:
        lower.add(_short_place(jurisdiction))
    lower = {p for p in lower if not (_NO_PLACE_START_RE.match(p) or _NO_LOWER_START_RE.match(p))}
    read |= lower | {p[:-1] for p in lower if len(p) >= 3 and p.endswith(("区", "县"))}  # 南海区 … 南海供电局
    if jurisdiction and jurisdiction != NATIONAL:
        read |= {jurisdiction, _short_place(jurisdiction)}
    read = {p for p in read if not _NO_PLACE_START_RE.match(p)}
    read |= {p[:-1] for p in read if p.endswith("市") and len(p) >= 3}  # 洛阳市人民政府 … 洛阳海关
    return read | {p for p in _known_places() if len(p) >= 2}


# 国务院…领导小组（以下简称领导小组）: the short name a text declares for a body
_SHORT_FOR_RE = re.compile(r"[（(](?:以下)?简称[“\"]?(?P<short>[^（）()“”\"，,、。\r\n]{2,12})[”\"]?[）)]")
