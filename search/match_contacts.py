"""Whom to contact about a matched unit, and what the calculator reads of a document beyond its units.

Contacts: the bodies the text makes responsible for the unit (explicit, lead first), else the body a rule infers
from the text (本措施由区民政局牵头组织实施), else the bodies it names over the whole document (督查, 评估,
协调), else its issuers; the district government when the profile names a district inside a document's
jurisdiction.  Documents: issuers, jurisdiction, the end of the stated period, and the document's place as a
condition (a city's measures apply there).  Split from search/match.py, which ranks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Any

from kg.iri import department_iri
from kg.views import ROLE_ORDER, Contact, EnterpriseProfile

from .hybrid import SearchIndex
from .text_checks import bigrams
from .types import IndexUnit, ResponsibilityView, SupportView

__all__ = [
    "DOCUMENT_ROLES",
    "DocumentInfo",
    "answering_contacts",
    "contacts_of",
    "district_office",
    "document_info",
    "document_overseers",
    "document_period",
    "document_validity_of",
    "no_owner",
    "own_period",
    "payer_contact",
    "place_check",
    "role_label",
    "verifier_contact",
]

# Roles by which the text puts a body over the whole document's work (督查, 评估, 协调): named when a unit has no owner
DOCUMENT_ROLES = ("supervisor", "evaluator", "coordinator")
_ROLE_LABELS = {"lead": ("牵头", "lead"), "participant": ("参与", "participant"), "convener": ("召集", "convener"),
                "coordinator": ("协调", "coordinator"), "evaluator": ("评估", "evaluator"),
                "implementer": ("实施", "implementer"), "supervisor": ("督查", "supervisor"),
                "payer": ("出资", "payer"), "receiver": ("受理", "receiver")}


def _ontology_roles() -> dict[str, dict[str, str]]:
    """The rdfs:label of each pol:Role in kg/data/ontology.ttl, by language (kg.labels: the page and the CLI
    read the same)."""
    try:
        from kg.labels import ontology_labels

        return ontology_labels()["roles"]
    except Exception:  # noqa: BLE001 — without the ontology the built-in labels stand
        return {}


def role_label(role: str, lang: str) -> str:
    if role == "district":
        return "所在区政府" if lang == "zh" else "district government"
    label = _ontology_roles().get(role, {}).get(lang)
    if label:
        return label
    pair = _ROLE_LABELS.get(role)
    return (pair[0] if lang == "zh" else pair[1]) if pair else role


def no_owner(lang: str) -> str:
    return "原文未写明责任单位" if lang == "zh" else "the text names no owner"


# ------------------------------------------------------------------------------------------------ contacts


def _contact(refs: Sequence[ResponsibilityView], scope: str, lang: str) -> Contact:
    """One body with all the roles the text gives it (评估、督查), the first role's evidence."""
    roles = list(dict.fromkeys(d.role for d in refs))
    label = ("、" if lang == "zh" else ", ").join(role_label(r, lang) for r in roles)
    return Contact(refs[0].agent_iri, refs[0].agent_name, ",".join(roles), label, scope, refs[0].basis,
                   refs[0].evidence)


def _written_at(d: ResponsibilityView) -> int:
    """Where the evidence names the body (省商务厅 for 江西省商务厅): bodies of one role keep the text's order."""
    name = d.agent_name
    for form in (name, re.sub(r"^[\u4e00-\u9fff]{2,3}?(?=[省市区县])", "", name),
                 re.sub(r"^[\u4e00-\u9fff]{2,3}?[省市]", "", name)):
        at = d.evidence.find(form) if form else -1
        if at >= 0:
            return at
    return len(d.evidence)


def _by_body(refs: Iterable[ResponsibilityView], scope: str, lang: str) -> list[Contact]:
    grouped: dict[str, list[ResponsibilityView]] = {}
    for d in refs:
        grouped.setdefault(d.agent_iri, []).append(d)
    order = {role: i for i, role in enumerate(ROLE_ORDER)}
    groups = sorted(grouped.values(), key=lambda g: (order.get(g[0].role, len(order)), g[0].basis != "explicit",
                                                     _written_at(g[0])))
    return [_contact(group, scope, lang) for group in groups]


# A sentence giving the whole document's work to bodies: 表彰奖励工作由A负责，B具体实施; 本办法由区X局组织实施
# (not 负责解释: the body that interprets the text is not the one that runs it)
_RUNS_WORK = re.compile(r"(?:本(?:办法|细则|政策|措施|规定|意见|方案)|^[\u4e00-\u9fff]{0,10}工作)(?:的具体实施)?由"
                        r"[^。；;]{2,60}?(?:具体实施|组织实施|负责实施|具体负责|负责)(?!解释)")
# Which of those bodies does the day-to-day work: the one in the clause saying 具体实施 / 具体负责 / 日常工作
_DAY_TO_DAY = re.compile(r"具体实施|具体负责|日常工作|承办")
# The key under which document_overseers keeps a document's runners
RUNNERS = "runs:"


def document_overseers(units: Iterable[IndexUnit]) -> dict[str, list[ResponsibilityView]]:
    """Per document, the bodies the text explicitly names as supervisor, evaluator, coordinator or convener; and,
    under ``RUNNERS + slug``, the bodies a sentence gives the whole document's work to (表彰奖励工作由A负责，B具体实施),
    the one doing the day-to-day work first."""
    found: dict[str, dict[str, ResponsibilityView]] = {}
    for unit in units:
        runs = _RUNS_WORK.search(unit.text)
        for d in unit.context.owners:
            if d.basis == "explicit" and d.role in DOCUMENT_ROLES:
                found.setdefault(unit.document, {}).setdefault(f"{d.agent_iri}|{d.role}", d)
            if runs and d.basis == "explicit" and d.evidence and (d.evidence in runs.group() or runs.group() in d.evidence
                                                                   or _named_in(d.agent_name, runs.group())):
                found.setdefault(RUNNERS + unit.document, {}).setdefault(d.agent_iri, d)
    out = {doc: list(refs.values()) for doc, refs in found.items()}
    for key in [k for k in out if k.startswith(RUNNERS)]:
        out[key].sort(key=lambda d: 0 if _day_to_day(d) else 1)
    return out


def _named_in(name: str, text: str) -> bool:
    """Whether ``text`` names the body (its name, or its name less a leading place: 天水市…办公室 → …办公室)."""
    return any(form and form in text for form in (name, re.sub(r"^[\u4e00-\u9fff]{2,3}?[省市区县]", "", name)))


def _day_to_day(d: ResponsibilityView) -> bool:
    """Whether the clause of the evidence naming the body says it does the day-to-day work (B具体实施)."""
    forms = [f for f in (d.agent_name, re.sub(r"^[\u4e00-\u9fff]{2,3}?[省市区县]", "", d.agent_name)) if f]
    for clause in re.split(r"[，,；;。]", d.evidence):
        whole = any(re.search(re.escape(f) + r"(?=具体|负责|组织|承办|牵头|[、和及与]|$)", clause) for f in forms)
        if whole and _DAY_TO_DAY.search(clause):  # 领导小组 is not named by 领导小组办公室具体实施
            return True
    return False


# Rules that infer a unit's lead from the unit's own words or its enclosing unit's (ingest/duties.py), not from
# the document as a whole
UNIT_RULES = ("first-listed-body-leads", "enclosing-unit-lead-leads-its-parts")


def contacts_of(unit_owners: Sequence[ResponsibilityView], document: str,
              overseers: dict[str, list[ResponsibilityView]], lang: str,
              info: DocumentInfo | None = None) -> tuple[list[Contact], str]:
    """The unit's explicit owners (kg.views.owners: lead first, with the lead a rule infers from the unit's own
    words), else the owners a rule infers from the text
    (本措施由区民政局牵头组织实施), else the document's issuers followed by the bodies it names over its
    work (督查, 评估), else those bodies alone; the no-owner statement whenever no body is named for the unit.

    The issuer comes before the overseers: a body found as evaluator or supervisor somewhere in the text (区财政局
    in 区科技和工业信息化局会同区财政局审核) is named for one step of the procedure, while the issuer answers for the
    whole document; a text with no issuer (the seed plan) still gets the body that runs and assesses it."""
    own = [d for d in unit_owners if d.basis == "explicit"]
    if own:  # with the lead a rule reads from the unit's own words (the first of 市人力社保局、市财政局…按职责分工负责)
        own += [d for d in unit_owners if d.basis == "inferred" and d.rule in UNIT_RULES]
        return _by_body(own, "unit", lang), ""
    inferred = [d for d in unit_owners if d.basis == "inferred" and d.rule == "document-lead-leads-unowned-work"]
    if inferred:
        return _by_body(inferred, "document", lang), no_owner(lang)
    runners = [_contact([d], "document", lang) for d in overseers.get(RUNNERS + document, [])]
    issuers = [_issuer_contact(name, info, lang) for name in info.issuers] if info is not None else []
    issuers = [i for i in issuers if i.agent_iri not in {r.agent_iri for r in runners}]
    # an overseer that is an issuer under another key (the issuer's name resolved apart from the text's 市工业和信息化局)
    # is the same body: named once
    above = [c for c in _by_body(overseers.get(document, []), "document", lang)
             if c.agent_iri not in {i.agent_iri for i in issuers + runners}
             and c.agent_name not in {i.agent_name for i in issuers + runners}]
    found = runners + issuers + above
    if not found and info is not None:  # no body named anywhere: the government of the place the text is for
        government = _jurisdiction_government(info, lang)
        found = [government] if government is not None else []
    return found, no_owner(lang)


def _jurisdiction_government(info: DocumentInfo, lang: str) -> Contact | None:
    """The people's government of the document's place (合肥市长丰县 → 合肥市长丰县人民政府), inferred, for a text
    that names no issuer and no body at all: whom a firm there can turn to."""
    if not info.jurisdiction or info.jurisdiction == "中华人民共和国":
        return None
    try:
        from ingest.authority import government_of

        gov = government_of(info.jurisdiction)
    except Exception:  # noqa: BLE001 — an unknown place gives no government
        return None
    name = gov.pref_label if lang == "zh" or not gov.pref_label_en else gov.pref_label_en
    evidence = (f"原文未写明发文机关和责任单位；文件适用于{info.jurisdiction}" if lang == "zh"
                else f"the text names no issuer and no owner; it applies in {info.jurisdiction}")
    return Contact(str(department_iri(gov.key)), name, "issuer", "所在地政府（推定）" if lang == "zh"
                   else "local government (inferred)", "document", "inferred", evidence)


# Governments named by no place and no level (地方政府, 各级政府, 地方各级人民政府, 各地区): every locality at once,
# none a firm can turn to; 县级以上地方人民政府 names a level and stays
_PLACELESS = re.compile(r"^(?:各地区?|各地方|(?:地方|各级|地方各级|各地)(?:人民)?政府)$")
# Bodies named by the part they play in a procedure, no place and no office of their own (审核机构, 制定机关办公机构,
# 起草单位): whichever body plays it, in every government; no one a reader can turn to either
_ROLE_ONLY = re.compile(r"^[\u4e00-\u9fff]{0,6}(?:审核|审查|起草|制定机关办公|办公)(?:机构|单位)$")
# ... unless the asker asks what governments do (政府支持吗, 谁负责, who is responsible): then they answer
_ASKS_GOVERNMENT = re.compile(r"政府|谁负责|谁来管|谁管|监管|government|who is responsible|who (?:oversees|supervises)",
                              re.IGNORECASE)


def answering_contacts(contacts: list[Contact], owners: Sequence[ResponsibilityView], unit_text: str, asked: str,
                       document: str, overseers: dict[str, list[ResponsibilityView]], lang: str,
                       info: DocumentInfo | None = None, unit_start: int | None = None) -> list[Contact]:
    """The contacts with the issuer first when the bodies the unit names are only the doers of another of its
    sentences: 各级政府要积极支持职业培训 names who supports training, not whom a graduate asks about the sentence
    that answers them (对取得职业技能等级证书的离校未就业高校毕业生，按规定落实职业培训补贴政策).  A body named as
    lead or participant (（A牵头，B配合）, 责任单位：…) answers for the whole unit and stays first.  The answering
    sentence is the one sharing most words with what the profile asks."""
    if not contacts or any(c.scope != "unit" for c in contacts):
        return contacts
    asks_government = bool(_ASKS_GOVERNMENT.search(asked))
    if all((_PLACELESS.match(c.agent_name) and not asks_government) or _ROLE_ONLY.match(c.agent_name)
           for c in contacts):
        above, _ = contacts_of([], document, overseers, lang, info)  # 地方政府要…: no one to call; the issuer is
        return above + [c for c in contacts if c.agent_iri not in {a.agent_iri for a in above}]
    if any(set(c.role.split(",")) - {"implementer"} for c in contacts):
        return _nearest_first(contacts, owners, asked, unit_text, unit_start)
    sentences = [x for x in re.split(r"(?<=[。；;！!？?])", unit_text) if x.strip()]
    if len(sentences) < 2:
        return contacts
    wanted = bigrams(asked)
    best = max(sentences, key=lambda x: len(bigrams(x) & wanted))
    best = best.strip()
    named = max((len(bigrams(o.evidence) & wanted) for o in owners if o.evidence), default=0)
    shared = len(bigrams(best) & wanted)
    if shared < 2 or shared <= named or any(o.evidence and (o.evidence in best or best in o.evidence) for o in owners):
        return contacts  # the sentence naming the bodies answers as well: they stay first
    above, _ = contacts_of([], document, overseers, lang, info)
    return above + [c for c in contacts if c.agent_iri not in {a.agent_iri for a in above}]


def _answered_by(owners: Sequence[ResponsibilityView], unit_text: str, unit_start: int) -> dict[tuple[int, int], str]:
    """Of a unit naming its bodies after each of its sentences (…鼓励退役运动员投身体育竞赛表演产业。（体育总局、教育部
    负责）), the words each naming answers for: the text from the naming before it (or the unit's start) to it, by
    the spans the owners cite; {} when the spans do not lie in the unit."""
    spans = sorted({(o.start, o.end) for o in owners if o.end > o.start})
    out, last = {}, 0
    for start, end in spans:
        a, b = start - unit_start, end - unit_start
        if a < last or b > len(unit_text):
            return {}
        out[(start, end)] = unit_text[last:a]
        last = b
    return out


def _nearest_first(contacts: list[Contact], owners: Sequence[ResponsibilityView], asked: str, unit_text: str = "",
                   unit_start: int | None = None) -> list[Contact]:
    """The bodies of the row or sentence that answers first: a table of five measures names other bodies on each
    row (中国证监会 on 10, 中国人民银行、中国银保监会… on 13), and the firm asking about 商标权质押贷款 asks row 13's.
    The bodies named where the most of the profile's words are (lead before participant) come first; the order
    stays when every body is named in one place or no place shares more words than the first body's."""
    evidences = {o.evidence for o in owners if o.evidence}
    if len(evidences) < 2:
        return contacts
    wanted = bigrams(asked)
    overlap = {e: len(bigrams(e) & wanted) for e in evidences}
    answered = _answered_by(owners, unit_text, unit_start) if unit_text and unit_start is not None else {}
    if len(answered) >= 2:  # bodies named after each sentence: the sentence before a naming is what it answers for
        for o in owners:
            words = answered.get((o.start, o.end))
            if words is not None and o.evidence:
                overlap[o.evidence] = max(overlap[o.evidence], len(bigrams(words) & wanted))
    best = max(overlap.values())
    first = max((overlap.get(o.evidence, 0) for o in owners if o.agent_iri == contacts[0].agent_iri), default=0)
    if best <= first:
        return contacts
    order = {role: i for i, role in enumerate(ROLE_ORDER)}
    # a body that only does one step of the sentence (区政府审查后办理: evaluator) does not answer before the lead
    # the unit names (（区国土分局牵头，…配合）): only a row's lead or participants come first
    near = sorted((o for o in owners if overlap.get(o.evidence, 0) == best and o.role in ("lead", "participant")),
                  key=lambda o: order.get(o.role, len(order)))
    if not near:
        return contacts
    ranked = list(dict.fromkeys(o.agent_iri for o in near))
    by_iri = {c.agent_iri: c for c in contacts}
    return [by_iri[i] for i in ranked if i in by_iri] + [c for c in contacts if c.agent_iri not in ranked]


# The body that pays, named inside the support sentence itself: 由县财政补助给企业; 经营费用和亏损…由地方财政统一拨补;
# 所需资金由市财政承担.  The finance body written before the verb of paying, within the clause.
_PAYER = re.compile(r"由(?P<body>(?:中央|地方|本级|同级|[\u4e00-\u9fff]{0,8}?[省市县区]级?)?财政(?:部门|局|厅|部)?)"
                    r"[^，。；,;：:]{0,12}?(?:拨补|拨付|补助|补贴|奖励|承担|负担|支付|列支|安排|兑付|兑现|贴息|补足|解决)")


def payer_contact(unit_text: str, info: DocumentInfo | None, lang: str) -> Contact | None:
    """The finance body the unit's own words say pays (由县财政补助给企业), as a contact of the unit (role ``payer``,
    explicit: the text names it, evidence the clause): for a unit that names no owner, it is the one body the text
    ties to the money the firm asks about.  None when the unit names no payer."""
    m = _PAYER.search(unit_text)
    if m is None:
        return None
    name = m.group("body")
    jurisdiction = info.jurisdiction if info is not None else ""
    clause = re.split(r"[。；;]", unit_text[:m.start()])[-1].lstrip("，, ") + unit_text[m.start():m.end()]
    evidence = clause if lang == "zh" else f"the text names the payer: {clause}"
    return Contact(str(department_iri(_body_key(name, jurisdiction))), name, "payer", role_label("payer", lang), "unit",
                   "explicit", evidence)


# The body an applicant is told to submit to or apply at, as the text names it: 纳税人…应当将…相关信息提交扣缴义务人
# 或者税务机关; 申请人可以向所在地人力资源社会保障部门申请.  The applicant is the clause's subject and a modal tells
# them to (应当, 可以, 须): bodies that governments report to (各牵头单位…报送…办公室) are no applicant's contact.  Of
# alternatives (扣缴义务人或者税务机关) the public bodies, by their suffix: an employer withholding tax is no office.
_SUBMIT = re.compile(r"(?P<who>纳税人|申请人|申报人|申请单位|申报单位|企业|个人|用人单位)[^。；;]{0,30}?(?:应当|应|须|需|必须|可以|可)"
                     r"[^。；;]{0,30}?(?:向|提交给?|递交给?)(?P<bodies>[\u4e00-\u9fff]{2,30}?)"
                     r"(?=提出|提交|申请|申报|提供|办理|备案|登记|[，。；,;])")
_BODY_END = re.compile(r"(?:机关|部门|局|厅|委员会|委|办公室|中心|管委会|窗口)$")


def receiver_contact(unit_text: str, info: DocumentInfo | None, lang: str, scope: str = "unit") -> Contact | None:
    """The public body the unit tells the applicant to submit to or apply at (提交扣缴义务人或者税务机关 ->
    税务机关), role ``receiver``, explicit, the clause as evidence; None when it names none."""
    for m in _SUBMIT.finditer(unit_text):
        parts = [p for p in re.split(r"或者|或|、", m.group("bodies")) if p]
        bodies = [p for p in parts if _BODY_END.search(p) and len(p) <= 16]
        if not bodies:
            continue
        name = bodies[0]
        jurisdiction = info.jurisdiction if info is not None else ""
        clause = re.split(r"[。；;]", unit_text[:m.start()])[-1].lstrip("，, ") + unit_text[m.start():m.end()]
        evidence = clause if lang == "zh" else f"the text names where to submit: {clause}"
        return Contact(str(department_iri(_body_key(name, jurisdiction))), name, "receiver",
                       role_label("receiver", lang), scope, "explicit", evidence)
    return None


# The body the unit's own condition names as the one that approves, accepts or certifies what qualifies: 通过县水务局验收的
# 工程; 经国家药品监督管理部门批准…的药品.  A unit naming no owner names this body alone: it is whom the applicant deals
# with about the condition, before the issuer that answers for the whole document.
_VERIFIES = re.compile(r"(?:经|通过|由|获)(?P<body>[\u4e00-\u9fff]{2,20}?(?:机关|部门|局|厅|委员会|委|办公室|管委会))"
                       r"(?:组织)?(?:批准|验收|认定|审核|核准|审定|评定|确认)")


def verifier_contact(unit_text: str, info: DocumentInfo | None, lang: str) -> Contact | None:
    """The public body the unit's condition says approves or accepts (通过县水务局验收 -> 县水务局), role
    ``evaluator``, explicit, the clause as evidence; None when the unit names none."""
    m = _VERIFIES.search(unit_text)
    if m is None:
        return None
    name = m.group("body")
    jurisdiction = info.jurisdiction if info is not None else ""
    clause = re.split(r"[。；;，,]", unit_text[:m.start()])[-1] + unit_text[m.start():m.end()]
    evidence = clause if lang == "zh" else f"the text names who approves: {clause}"
    return Contact(str(department_iri(_body_key(name, jurisdiction))), name, "evaluator", role_label("evaluator", lang),
                   "unit", "explicit", evidence)


def document_receivers(units: Iterable[IndexUnit], lang: str) -> dict[str, Contact]:
    """Each document's receiver (receiver_contact) as its units write it, the first unit naming one: the body
    every applicant under the document submits to (第二十五条 纳税人…提交扣缴义务人或者税务机关)."""
    out: dict[str, Contact] = {}
    for u in units:
        if u.document not in out:
            found = receiver_contact(u.text, None, lang, "document")
            if found is not None:
                where = u.path or u.title
                out[u.document] = replace(found, evidence=f"{where}：{found.evidence}" if lang == "zh"
                                          else f"{where}: {found.evidence}")
    return out


def _issuer_contact(name: str, info: DocumentInfo, lang: str) -> Contact:
    evidence = (f"文件的发文机关：{name}" if lang == "zh" else f"the document's issuer: {name}")
    return Contact(str(department_iri(_body_key(name, info.jurisdiction))), name, "issuer",
                   "发文机关" if lang == "zh" else "issuer", "document", "explicit", evidence)


def _body_key(name: str, jurisdiction: str) -> str:
    try:
        from ingest.authority import resolve_name

        return resolve_name(name, jurisdiction) or _slug(name)
    except Exception:  # noqa: BLE001 — an unknown body keeps a key of its own name
        return _slug(name)


def _slug(name: str) -> str:
    import hashlib

    return "body-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]


@lru_cache(maxsize=1)
def _gazetteer_names() -> dict[str, str]:
    from .lexicon import load_place_labels

    return {p.key: p.pref_zh for p in load_place_labels() if p.pref_zh}


def _in_chinese(place: str) -> str:
    """A place written in English (Minhang, Shanghai; Keqiao, Shaoxing) as the gazetteer's Chinese names of its
    lowest division and the city above it (上海市闵行区, 绍兴市柯桥区); a place with Chinese characters as it is."""
    if re.search(r"[\u4e00-\u9fff]", place):
        return place
    from .places import NATIONAL, shipped_places

    places = shipped_places()
    keys = places.in_question(place)
    lowest = [k for k in keys if not any(places.parent.get(other) == k for other in keys)]
    if len(lowest) != 1:
        return place
    names = _gazetteer_names()
    above = places.parent.get(lowest[0], "")
    own, parent = names.get(lowest[0], ""), names.get(above, "") if above != NATIONAL else ""
    if not own:
        return place
    return parent + own if parent and not parent.endswith(("省", "自治区")) else own  # 绍兴市柯桥区, 上海市闵行区


def district_office(district: str | None, jurisdictions: Sequence[str], lang: str = "zh") -> Contact | None:
    """The district government when the district lies inside a document's jurisdiction (嘉定区 in 上海市)."""
    if not district or not district.strip():
        return None
    try:
        from ingest.authority import canonical_jurisdiction, government_of
    except ImportError:  # pragma: no cover - the ingest package ships with search
        return None
    place = canonical_jurisdiction(_in_chinese(district.strip()))
    covered = [j for j in jurisdictions if j and j != "中华人民共和国" and place != j and place.startswith(j)]
    if not covered:
        return None
    gov = government_of(place)
    name = gov.pref_label if lang == "zh" or not gov.pref_label_en else gov.pref_label_en
    evidence = (f"{district}属于文件适用的{covered[0]}" if lang == "zh"
                else f"{district} lies in {covered[0]}, where the documents apply")
    return Contact(str(department_iri(gov.key)), name, "district", role_label("district", lang), "district",
                   "profile", evidence)



# ------------------------------------------------------------------------------------------------ documents


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What the calculator needs of a document beyond its units: issuers, jurisdiction, place and period."""

    slug: str
    title: str = ""
    issuers: tuple[str, ...] = ()
    jurisdiction: str = ""
    valid_until: date | None = None
    validity_text: str = ""
    issued: date | None = None  # the date of issue: 自印发之日起施行，有效期5年 counts from it
    addressees: str = ""  # 主送机关 as written: a reply to one government (辽宁省人民政府：) is about that place


def document_info(view: Any) -> DocumentInfo:
    """A ``DocumentView`` (kg.queries.list_documents) as DocumentInfo: issuers (joint ones split), the end of
    its period (2018-01-01/2020-12-31 → 2020-12-31; a bare year → its last day)."""
    issuers = _as_written(tuple(getattr(view, "issuers", ()) or ()),
                          (getattr(view, "issuer", "") or "") + " " + (getattr(view, "title", "") or ""))
    if not issuers and getattr(view, "issuer", ""):
        issuers = tuple(x for x in re.split(r"[、，,;；\s]+", view.issuer) if x)
    until = None
    period = getattr(view, "period", "") or ""
    dates = re.findall(r"(\d{4})(?:-(\d{2})-(\d{2}))?", period)
    if dates:
        y, m, d = dates[-1]
        until = date(int(y), int(m), int(d)) if m else date(int(y), 12, 31)
    issued = None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", getattr(view, "issued", "") or "")
    if m:
        issued = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return DocumentInfo(view.slug, getattr(view, "title", ""), issuers, getattr(view, "jurisdiction", ""), until,
                        period if until else "", issued, getattr(view, "addressees", "") or "")


def _as_written(issuers: tuple[str, ...], written: str) -> tuple[str, ...]:
    """Joint issuers in the order the document writes them (株洲市财政局 株洲市工业和信息化局: the finance bureau
    leads): the graph keeps them as a set, and a sorted set puts whichever name sorts first at the head of the
    contacts, though the first-written issuer is the lead one.  Names not found in the text keep their place after."""
    def at(name: str) -> int:
        found = written.find(name)
        return found if found >= 0 else len(written)

    return tuple(sorted(issuers, key=at))


# One government as the only addressee (辽宁省人民政府, 深圳市政府): no list, no collective (各…, 有关…)
_ONE_GOVERNMENT = re.compile(r"(?P<name>[^\s，,、；;：:各有]{2,16}?)(?:人民政府|政府)(?:办公厅|办公室)?[：:]?")


def addressed_government(addressees: str) -> str:
    """The government a national text is addressed to when it is the only addressee (a 函 or 批复 answering one
    province's requests: 辽宁省人民政府); "" for a list, a collective or none."""
    m = _ONE_GOVERNMENT.fullmatch(addressees.strip())
    return m.group().rstrip("：:") if m else ""


def document_validity_of(index: SearchIndex, slug: str, info: DocumentInfo | None) -> tuple[date | None, str]:
    """The period the document states for itself (a support's document-wide period, else its own words:
    有效期至…; 自印发之日起施行，有效期5年 counted from the date of issue), else the end of its period in the
    metadata."""
    units = [u for u in index.units if u.document == slug and u.kind != "target"]
    issued = info.issued if info is not None else None
    own = document_period(units, issued)  # the document's own words, an article's own period left out
    if own is not None:
        return own
    for u in units:  # a period stamped on a support from elsewhere in the text (the document's), not its unit's own
        for s in u.context.supports:
            if s.valid_until is not None and s.validity_text and s.validity_text not in u.text:
                return s.valid_until, s.validity_text
    found = None
    if found is not None and found.valid_until is not None:
        return found.valid_until, found.text
    if info is not None and info.valid_until is not None:
        return info.valid_until, info.validity_text
    for u in units:
        found = work_period_end(u.text)
        if found is not None:
            return found
    return None, ""


def document_period(units: Sequence[IndexUnit], issued: date | None) -> tuple[date, str] | None:
    """The period the document's own words state for the whole of it (本措施自2025年4月1日起施行，有效期至2026年12月31日),
    as ingest.support.document_validity reads it: a sentence that sets one article's own period (本条政策执行期为…) left
    out, and one naming no text in a unit that offers support (1.延续失业保险稳岗返还。…政策执行期限至2025年12月31日): that
    item's own; None when it states none."""
    from ingest.support import period_sentences

    for u in units:
        for names_whole, start, found in period_sentences(u.text, issued):
            if found.valid_until is None:
                continue
            if not names_whole:
                end = start + len(re.match(r"[^。；;！!？?\n]*", u.text[start:]).group())
                if any(not start <= s.start - u.start < end for s in u.context.supports):
                    continue
            return found.valid_until, found.text
    return None


def own_period(unit_text: str, supports: Sequence[SupportView]) -> tuple[date | None, str]:
    """The period a unit's own words set for its support (本条政策执行期为…至2025年12月31日: its supports' period,
    written in its text); (None, "") when its supports carry only the document's period, read elsewhere."""
    for s in supports:
        if s.valid_until is not None and s.validity_text and s.validity_text in unit_text:
            return s.valid_until, s.validity_text
    return None, ""


# The period a document sets for its whole work: 清理整顿时限是1997年4月―1998年2月; 实施期限为2019年1月至2020年6月
_WORK_PERIOD = re.compile(r"(?:时限|期限|实施期|执行期|工作时间)(?:是|为|：|:)?\s*(?:从|自)?(?P<y1>(?:19|20)[0-9]{2})年(?P<m1>[0-9]{1,2})月"
                          r"(?:[0-9]{1,2}日)?(?:起)?\s*(?:—|―|－|-|–|~|～|至|到)+\s*(?:(?P<y2>(?:19|20)[0-9]{2})年)?"
                          r"(?P<m2>[0-9]{1,2})月(?:(?P<d2>[0-9]{1,2})日)?")


def work_period_end(text: str) -> tuple[date, str] | None:
    """The last day of the period a text sets for its whole work (时限是1997年4月―1998年2月 → 1998-02-28, the last
    day of the month when no day is given), with its words; None when it states none.  A target's year (到2020年)
    is no period: the words must name a time limit and both ends."""
    import calendar

    m = _WORK_PERIOD.search(text)
    if not m:
        return None
    year, month = int(m.group("y2") or m.group("y1")), int(m.group("m2"))
    if not 1 <= month <= 12:
        return None
    day = int(m.group("d2")) if m.group("d2") else calendar.monthrange(year, month)[1]
    try:
        return date(year, month, day), m.group()
    except ValueError:
        return None


# A document whose place is not known: the verdict says so rather than "eligible"
UNKNOWN_PLACE = {True: "文件的适用地区未知", False: "place of the document not known"}
UNKNOWN_PLACE_DETAIL = {True: "原文未写明发文地区：无法判断是否适用于所在地",
                        False: "the document states no place: whether it applies where you are cannot be judged"}


def place_check(profile: EnterpriseProfile, info: DocumentInfo | None, title: str, lang: str):
    """The document's own place as a condition: a local document (a city's, a district's) applies there; None for
    a national one.  Met when the profile's place lies inside it, failed when it lies elsewhere, unknown when
    the profile gives no place."""
    from kg.views import ConditionCheck

    from .places import NATIONAL, shipped_places

    places = shipped_places()
    jurisdiction = info.jurisdiction if info else ""
    addressed = False
    if not jurisdiction or jurisdiction == "中华人民共和国":
        # a national document applies everywhere (a title naming a place, 关于同意雄安新区…, is no jurisdiction),
        # but one answering a single government's requests (辽宁省人民政府：…你省请求…) is about that place: it
        # fails a firm that says it is elsewhere, and is no local document for the others (nothing to boost)
        jurisdiction = addressed_government(info.addressees) if info else ""
        if not jurisdiction and info is not None and not info.jurisdiction:
            # no place read for the document at all (a plain text with no title line, no sidecar): a national
            # document is stamped 中华人民共和国, so this one's place is not known, and neither is whether it applies
            return ConditionCheck("unknown", "place", UNKNOWN_PLACE[lang == "zh"], UNKNOWN_PLACE_DETAIL[lang == "zh"])
        if not jurisdiction:
            return None
        addressed = True
    doc_places = places.with_ancestors(places.in_question(jurisdiction)) - {NATIONAL}
    if not doc_places:
        return None
    lowest = [p for p in doc_places if not any(places.parent.get(q) == p for q in doc_places)]
    name = jurisdiction or title
    text = (f"适用于{name}" if lang == "zh" else f"applies in {name}")
    where = " ".join(x for x in (profile.place, profile.district or "") if x)
    if not where.strip():
        return None if addressed else ConditionCheck("unknown", "place", text,
                                                     "请填写所在地" if lang == "zh" else "fill in place")
    mine = places.with_ancestors(places.in_question(where))
    if not mine:
        return None if addressed else ConditionCheck("unknown", "place", text, where)
    ok = all(p in mine for p in lowest)
    if addressed and ok:
        return None
    asked = places.with_ancestors(places.in_question(" ".join((profile.needs, *profile.plans)))) - {NATIONAL}
    if addressed and asked & doc_places:
        return None  # a firm elsewhere asking about the place the reply answers (在大连的交易所): no test of where it is
    return ConditionCheck("met" if ok else "failed", "place", text, where)

