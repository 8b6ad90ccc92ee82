"""The PolicyKG vocabulary as code: closed namespaces, so a misspelt term fails at once."""

import logging

from rdflib import DCTERMS, ORG, PROV, RDF, RDFS, SKOS, XSD, Graph, Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = ["DCTERMS", "ELI", "ORG", "POL", "PREFIXES", "PROV", "RDF", "RDFS", "SH", "SKOS", "XSD", "bind_prefixes"]

logger = logging.getLogger(__name__)

SH = Namespace("http://www.w3.org/ns/shacl#")


class POL(DefinedNamespace):
    """PolicyKG ontology: the structure, targets and responsibilities of a policy document."""

    _NS = Namespace("https://w3id.org/policykg/ns#")
    _fail = True
    _warn = False

    # classes
    PolicyDocument: URIRef  # 政策文件
    Chapter: URIRef  # 章（一、）
    Section: URIRef  # 节（未细分的分组单元）
    Guideline: URIRef  # 指导思想
    Principle: URIRef  # 基本原则
    Goal: URIRef  # 主要目标
    Target: URIRef  # 量化指标
    Task: URIRef  # 重点任务
    Measure: URIRef  # 具体举措
    SafeguardMeasure: URIRef  # 保障措施
    Item: URIRef  # 条目（未分类）
    Article: URIRef  # 条（第X条）
    Preamble: URIRef  # 序言（编号之前的引言）
    Closing: URIRef  # 结语（末项之后的结束语）
    Annex: URIRef  # 附件
    Notice: URIRef  # 通知正文（印发、转发文件的通知本身，路径 通知）
    Paragraph: URIRef  # 段（无编号结构的文件的正文段落，路径 第1段 …）
    Responsibility: URIRef  # 职责分工
    Role: URIRef  # 角色（牵头、配合…）
    Basis: URIRef  # 依据（明示或推断）
    Mention: URIRef  # 文中提及

    # structure of units 结构
    inDocument: URIRef  # 所属文件
    path: URIRef  # 编号路径，如 二（一）1
    key: URIRef  # 编号键，如 2.1.1
    label: URIRef  # 编号标签，如 （一）
    order: URIRef  # 文中顺序
    heading: URIRef  # 标题（首句）
    text: URIRef  # 原文
    start: URIRef  # 起始字符位置
    end: URIRef  # 结束字符位置（不含）

    # what a unit does 单元功能（kg/data/functions.ttl：SKOS 概念体系）
    function: URIRef  # 功能：单元做什么
    functionCue: URIRef  # 功能的判定依据（原文用语，如 给予…补贴、不得、指导思想）
    Function: URIRef  # 单元功能（skos:Concept）
    FunctionScheme: URIRef  # 单元功能概念体系
    GoalFunction: URIRef  # 目标：提出目标或量化指标
    ActionFunction: URIRef  # 举措：要做的事（推进、加强、建立、开展…）
    SupportFunction: URIRef  # 扶持：提供的支持（资金、补贴、奖励、税收优惠、融资、用地、审批服务）
    RuleFunction: URIRef  # 规范：应当、不得、须、禁止，条件、程序、罚则
    DutyFunction: URIRef  # 职责：机构的职责与安排（负责、牵头、领导小组、组成人员）
    DecisionFunction: URIRef  # 决定：批准、同意、决定、授予、表扬、任免
    ContextFunction: URIRef  # 背景：背景、指导思想、基本原则、印发通知的套语

    # document metadata 文件元数据
    sourceText: URIRef  # 全文
    sha256: URIRef  # 原始字节的哈希
    encoding: URIRef  # 源文件编码
    sourceFile: URIRef  # 源文件名
    parserVersion: URIRef  # 解析器版本
    bodyCandidate: URIRef  # 疑似机构名：形似机构、未认作机构的名称（区探索创新政府），供核对
    BodyCandidate: URIRef  # 疑似机构名（一份文件中的一个名称），及其各处提及
    candidateReason: URIRef  # 未认作机构的理由（文件只提及、未赋予职责；核心是分句）
    issuedTextTitle: URIRef  # 所印发、转发文件的标题
    issuedTextGenre: URIRef  # 所印发、转发文件的文种（方案、办法、报告）
    genreAsWritten: URIRef  # 标题所写的文种全称（实施细则、工作要点），文种词较短时
    issuedTextGenreAsWritten: URIRef  # 所印发文件标题所写的文种全称
    issuedTextCreator: URIRef  # 所转发、批转文件的制定机关（转发民政部…的通知 → 民政部）
    jurisdictionLevel: URIRef  # 行政层级：national province city district
    suspends: URIRef  # 暂停或不再适用所引文件（或其某项规定）：暂时调整实施《X》第N条，《X》中…的限制不再适用

    # targets 指标
    hasTarget: URIRef  # 含指标
    indicator: URIRef  # 指标名称
    indicatorKey: URIRef  # 指标检索键（规范化指标名称的二字组，kg.indicators）
    quantity: URIRef  # 数值（区间下限）
    quantityMax: URIRef  # 区间上限
    unit: URIRef  # 计量单位
    comparator: URIRef  # 比较关系（≥ ≤ =）
    deadline: URIRef  # 完成时限
    deadlineBasis: URIRef  # 时限依据
    deadlineEvidence: URIRef  # 时限证据
    period: URIRef  # 期限（如“十四五”期间，未定具体日期）

    # support 扶持政策（金额、比例、门槛、时限）
    Support: URIRef  # 扶持政策条款
    hasSupport: URIRef  # 含扶持条款
    supportKind: URIRef  # 类型：subsidy reward loan-interest tax land threshold time-limit other
    amount: URIRef  # 金额或数量（区间下限）
    amountMax: URIRef  # 区间上限
    rate: URIRef  # 比例（%）
    rateBase: URIRef  # 比例的计算基数，如 设备投资额
    cap: URIRef  # 最高限额
    condition: URIRef  # 申请条件（原文）
    applicableFrom: URIRef  # 政策执行起始日期（2019年1月1日起）
    applicableUntil: URIRef  # 政策执行截止日期（至2020年12月31日；有效期5年）
    validityText: URIRef  # 执行期限原文（有效期5年、自印发之日起施行）
    Condition: URIRef  # 申请条件（结构化：主体、人员、门槛、地点、行业）
    hasCondition: URIRef  # 含申请条件
    conditionKind: URIRef  # 条件类型：who person threshold place sector
    profileField: URIRef  # 判定所依据的企业画像字段（size、revenue、person.age …）
    conditionValue: URIRef  # 条件数值（区间下限）
    conditionValueMax: URIRef  # 条件数值上限（16-24岁）
    allowedValue: URIRef  # 可取值（small、graduate、C …）

    # responsibilities 职责
    agent: URIRef  # 责任主体
    assignedTo: URIRef  # 所负责的单元
    role: URIRef  # 角色
    basis: URIRef  # 依据
    evidence: URIRef  # 证据
    rule: URIRef  # 推断规则
    due: URIRef  # 完成时限（任务分工表，如 2024年9月底前 → 2024-09-30）
    dueText: URIRef  # 完成时限原文（长期坚持 等无具体日期者亦保留）
    InferenceRule: URIRef  # 推断规则（个体以 skos:notation 对应 pol:rule 的取值）
    FirstListedBodyLeads: URIRef  # 列第一位者牵头（公文惯例，文件未声明时为推断）
    EnclosingUnitLeadLeadsItsParts: URIRef  # 上级单元的牵头单位牵头其所属各项
    DocumentLeadLeadsUnownedWork: URIRef  # 文件写明的牵头实施单位牵头未写明牵头单位的各项工作

    # departments 部门
    category: URIRef  # 部门类别
    createdBy: URIRef  # 设立该机构的文件
    mentionedAt: URIRef  # 提及位置
    jurisdiction: URIRef  # 所属行政区域（中华人民共和国、上海市、上海市浦东新区）
    jurisdictionBasis: URIRef  # 文件管辖区域的依据（仅推断者记 pol:Inferred：正文一句推得）
    jurisdictionRule: URIRef  # 推得管辖区域的规则
    jurisdictionEvidence: URIRef  # 推得管辖区域所据的句子
    validFrom: URIRef  # 名称/机构启用日期
    validUntil: URIRef  # 名称/机构撤销日期（改组为后继机构）

    # roles 角色
    Lead: URIRef  # 牵头
    Participant: URIRef  # 配合、参加
    Convener: URIRef  # 召集
    Coordinator: URIRef  # 协调服务、监督指导
    Evaluator: URIRef  # 组织评估、督查
    Implementer: URIRef  # 制定实施方案、推动落实
    Supervisor: URIRef  # 督查、监督检查

    # bases 依据
    Explicit: URIRef  # 明示
    Inferred: URIRef  # 推断


class ELI(DefinedNamespace):
    """European Legislation Identifier ontology: only the terms PolicyKG uses."""

    _NS = Namespace("http://data.europa.eu/eli/ontology#")
    _fail = True
    _warn = False

    LegalResource: URIRef  # 法律资源（文件）
    LegalResourceSubdivision: URIRef  # 文件的组成部分
    is_part_of: URIRef  # 属于
    has_part: URIRef  # 包含
    title: URIRef  # 标题
    date_document: URIRef  # 成文日期
    first_date_entry_in_force: URIRef  # 施行日期
    jurisdiction: URIRef  # 管辖区域（地名概念）
    amends: URIRef  # 修改或废止所引文件的一部分（对《X》作如下修改；废止《X》第五条）


PREFIXES: dict[str, str] = {
    "pol": str(POL._NS),
    "eli": str(ELI._NS),
    "org": str(ORG._NS),
    "skos": str(SKOS._NS),
    "dcterms": str(DCTERMS._NS),
    "prov": str(PROV._NS),
    "rdf": str(RDF._NS),
    "rdfs": str(RDFS._NS),
    "xsd": str(XSD._NS),
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the standard PolicyKG prefixes on ``graph`` and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, Namespace(namespace), override=True, replace=True)
    return graph
