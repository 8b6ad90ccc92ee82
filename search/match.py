"""Match an enterprise profile to the measures that fit it and to the support instruments it can apply for.

Every answer says who to contact and how much: the bodies the text makes responsible for the unit (explicit), else
the bodies the text names as supervisor, evaluator or coordinator of the whole document (marked ``scope:
"document"``), else the statement that the text names no owner; the district government when the profile names a
district inside a document's jurisdiction; and the unit's support amounts and conditions (``SupportView``).
The result's types are the read model's (``kg.views``): the API serves them as they are.

Reasons credit each input with its own words only: the industry's words (and the policy industries its products
map to in ``ingest/data/industries.ttl``), each plan's words, the size.  They are rendered in the page's language.
Instruments are chosen for the enterprise: a sentence offering support is kept only when something about this
enterprise (a plan asking for that kind, its size, its industry) points to it.
"""

from __future__ import annotations

import logging
import re
from typing import Iterable, Sequence

from kg.iri import department_iri
from kg.views import Contact, EnterpriseProfile, InstrumentMatch, MatchReason, MatchResult, MeasureMatch

from .hybrid import SearchIndex
from .lexicon import ConceptLabels
from .types import IndexUnit, ResponsibilityView, SupportView

__all__ = ["EnterpriseProfile", "Contact", "MatchReason", "MeasureMatch", "InstrumentMatch", "MatchResult",
           "match_enterprise", "render_reason", "district_office", "INSTRUMENT_KINDS", "SCHEME_KINDS",
           "SUPPORT_GROUP", "GENERIC_SHARE", "DOCUMENT_ROLES", "normalise_size"]

log = logging.getLogger(__name__)

# The support instruments a safeguard can offer, with the words that name them in policy text.  The
# scheme's support-instrument concepts (SUPPORT_GROUP) add their labels through SCHEME_KINDS.
INSTRUMENT_KINDS: dict[str, tuple[str, ...]] = {
    "funds": ("财政支持", "专项支持资金", "专项资金", "资金支持", "补贴", "补助", "奖励"),
    "tax": ("税收优惠", "加计扣除", "税额抵免", "减税", "免税"),
    "financing": ("融资担保", "产业基金", "融资", "信贷", "贷款", "上市挂牌", "债务融资", "增信", "担保基金"),
    "land": ("用地", "土地", "容积率", "零星工业用地"),
    "approvals": ("审批", "备案", "承诺备案制", "施工许可"),
}
KIND_LABELS: dict[str, dict[str, str]] = {
    "funds": {"zh": "资金支持", "en": "funds"}, "tax": {"zh": "税收优惠", "en": "tax relief"},
    "financing": {"zh": "融资支持", "en": "financing"}, "land": {"zh": "用地支持", "en": "land"},
    "approvals": {"zh": "审批便利", "en": "approvals"},
}
# The top concept of the instruments in ingest/data/concepts.ttl, and which of its concepts is which kind
SUPPORT_GROUP = "support-instruments"
SCHEME_KINDS: dict[str, str] = {
    "fiscal-support": "funds", "subsidy": "funds", "reward": "funds",
    "tax-incentive": "tax",
    "interest-subsidy": "financing",  # 贴息 lowers the cost of a loan: ingest/data/instruments.json files it there
    "financing": "financing", "financing-guarantee": "financing", "bank-credit": "financing",
    "debt-financing": "financing", "equity-financing": "financing", "industry-fund": "financing",
    "stock-listing": "financing", "financial-innovation": "financing",
    "land-use": "land",
    "approval-reform": "approvals",
}
# Roles by which the text puts a body over the whole document's work (督查, 评估, 协调): named when a unit has no owner
DOCUMENT_ROLES = ("supervisor", "evaluator", "coordinator")
# A term found in more than this share of the units (改造, 技术, 企业 in the seed) explains no match.
GENERIC_SHARE = 0.2
# Words of a sentence that address an enterprise size
_SIZE_WORDS: dict[str, tuple[str, ...]] = {
    "small": ("中小企业", "小微企业", "中小微企业", "小型企业", "初创", "专精特新"),
    "large": ("规模以上", "大型企业", "龙头企业", "骨干企业", "重大项目", "重点项目", "重点企业", "亿元以上", "亿美元以上",
              "总部"),
}
_SIZE_WORDS["medium"] = _SIZE_WORDS["small"]
_SIZES = {"small": "small", "小型": "small", "小微": "small", "小微企业": "small", "中小企业": "small",
          "medium": "medium", "中型": "medium", "中型企业": "medium", "large": "large", "大型": "large",
          "大型企业": "large", "规模以上": "large", "规上": "large"}
_SENTENCE = re.compile(r"[^。；]+[。；]?")
_ROLE_LABELS = {"lead": ("牵头", "lead"), "participant": ("参与", "participant"), "convener": ("召集", "convener"),
                "coordinator": ("协调", "coordinator"), "evaluator": ("评估", "evaluator"),
                "implementer": ("实施", "implementer"), "supervisor": ("督查", "supervisor")}
_INPUT_LABELS = {"industry": ("行业", "industry"), "plan": ("计划", "plan"), "size": ("规模", "size"),
                 "district": ("所在区", "district")}
_SIZE_NAMES = {"small": ("小型", "small"), "medium": ("中型", "medium"), "large": ("大型", "large")}


def normalise_size(size: str | None) -> str | None:
    """small | medium | large from English or Chinese (中小企业 counts as small); unknown → None."""
    if not size:
        return None
    return _SIZES.get(size.strip().lower()) or next((v for k, v in _SIZES.items() if k in size), None)


# ------------------------------------------------------------------------------------------------ wording


def _q(text: str, lang: str) -> str:
    return f"“{text}”" if lang == "zh" else f'"{text}"'


def render_reason(reasons: Sequence[MatchReason], lang: str, fallback: str = "") -> str:
    """计划“申请技改贷款”对应原文“贷款”；行业“汽车零部件”对应原文“汽车” / plan "…" matches "…" in the text."""
    parts = []
    for r in reasons:
        name = _INPUT_LABELS.get(r.input, (r.input, r.input))[0 if lang == "zh" else 1]
        words = ("、" if lang == "zh" else ", ").join(_q(w, lang) for w in r.words)
        if r.asks and lang == "zh":
            parts.append(f"{name}{_q(r.value, lang)}中的{_q(r.asks, lang)}属于{KIND_LABELS[r.kind]['zh']}，"
                         f"原文写有{words}")
        elif r.asks:
            parts.append(f"{name} {_q(r.value, lang)} asks for {KIND_LABELS[r.kind]['en']} ({_q(r.asks, lang)}), "
                         f"which the text offers as {words}")
        elif lang == "zh":
            parts.append(f"{name}{_q(r.value, lang)}对应原文{words}")
        else:
            parts.append(f"{name} {_q(r.value, lang)} matches {words} in the text")
    if not parts:
        return fallback or ("与企业情况语义相近（无字面重合）" if lang == "zh" else "close in meaning (no shared words)")
    return ("；" if lang == "zh" else "; ").join(parts)


def _ontology_roles() -> dict[str, dict[str, str]]:
    """The rdfs:label of each pol:Role in kg/data/ontology.ttl, by language (kg.labels: the page and the CLI
    read the same)."""
    try:
        from kg.labels import ontology_labels

        return ontology_labels()["roles"]
    except Exception:  # noqa: BLE001 — without the ontology the built-in labels stand
        return {}


def _role_label(role: str, lang: str) -> str:
    if role == "district":
        return "所在区政府" if lang == "zh" else "district government"
    label = _ontology_roles().get(role, {}).get(lang)
    if label:
        return label
    pair = _ROLE_LABELS.get(role)
    return (pair[0] if lang == "zh" else pair[1]) if pair else role


def _no_owner(lang: str) -> str:
    return "原文未写明责任单位" if lang == "zh" else "the text names no owner"


# ------------------------------------------------------------------------------------------------ contacts


def _contact(refs: Sequence[ResponsibilityView], scope: str, lang: str) -> Contact:
    """One body with all the roles the text gives it (评估、督查), the first role's evidence."""
    roles = list(dict.fromkeys(d.role for d in refs))
    label = ("、" if lang == "zh" else ", ").join(_role_label(r, lang) for r in roles)
    return Contact(refs[0].agent_iri, refs[0].agent_name, ",".join(roles), label, scope, refs[0].basis,
                   refs[0].evidence)


def _by_body(refs: Iterable[ResponsibilityView], scope: str, lang: str) -> list[Contact]:
    grouped: dict[str, list[ResponsibilityView]] = {}
    for d in refs:
        grouped.setdefault(d.agent_iri, []).append(d)
    return [_contact(group, scope, lang) for group in grouped.values()]


def document_overseers(units: Iterable[IndexUnit]) -> dict[str, list[ResponsibilityView]]:
    """Per document, the bodies the text explicitly names as supervisor, evaluator, coordinator or convener."""
    found: dict[str, dict[str, ResponsibilityView]] = {}
    for unit in units:
        for d in unit.context.owners:
            if d.basis == "explicit" and d.role in DOCUMENT_ROLES:
                found.setdefault(unit.document, {}).setdefault(f"{d.agent_iri}|{d.role}", d)
    return {doc: list(refs.values()) for doc, refs in found.items()}


def _contacts(unit_owners: Sequence[ResponsibilityView], document: str,
              overseers: dict[str, list[ResponsibilityView]], lang: str) -> tuple[list[Contact], str]:
    """The unit's explicit owners (kg.views.owners: lead first), else the document's overseers, else the
    no-owner statement."""
    own = [d for d in unit_owners if d.basis == "explicit"]
    if own:
        return _by_body(own, "unit", lang), ""
    above = overseers.get(document, [])
    if above:
        return _by_body(above, "document", lang), _no_owner(lang)
    return [], _no_owner(lang)


def district_office(district: str | None, jurisdictions: Sequence[str], lang: str = "zh") -> Contact | None:
    """The district government when the district lies inside a document's jurisdiction (嘉定区 in 上海市)."""
    if not district or not district.strip():
        return None
    try:
        from ingest.authority import canonical_jurisdiction, government_of
    except ImportError:  # pragma: no cover - the ingest package ships with search
        return None
    place = canonical_jurisdiction(district.strip())
    covered = [j for j in jurisdictions if j and place != j and place.startswith(j)]
    if not covered:
        return None
    gov = government_of(place)
    name = gov.pref_label if lang == "zh" or not gov.pref_label_en else gov.pref_label_en
    evidence = (f"{district}属于文件适用的{covered[0]}" if lang == "zh"
                else f"{district} lies in {covered[0]}, where the documents apply")
    return Contact(str(department_iri(gov.key)), name, "district", _role_label("district", lang), "district",
                   "profile", evidence)


# ------------------------------------------------------------------------------------------------ words


def _specific(index: SearchIndex, terms: Iterable[str]) -> list[str]:
    """The terms that say why: not generic (in ≤ GENERIC_SHARE of the units), each once, none inside
    another listed term (机器人 goes when 工业机器人 is there)."""
    kept = [t for t in dict.fromkeys(terms) if t and len(t) > 1 and index.document_share(t) <= GENERIC_SHARE]
    return [t for t in kept if not any(t != other and t in other for other in kept)]


def _input_words(index: SearchIndex, text: str) -> list[str]:
    """An input's own words and the scheme's words for them (its concepts' labels, the policy industries its
    products map to)."""
    if not text.strip():
        return []
    plan = index.plan(text)
    return index.tokenizer.words(text) + list(plan.lexical_terms) + list(plan.industry_terms)


def _matched(index: SearchIndex, words: Sequence[str], text: str) -> list[str]:
    return _specific(index, (w for w in words if w in text))


def _reasons(index: SearchIndex, inputs: Sequence[tuple[str, str, list[str]]], text: str) -> list[MatchReason]:
    """Each input with the words of ``text`` it matched; a word found by two inputs is credited to both only
    when both gave it."""
    reasons = []
    for name, value, words in inputs:
        hit = _matched(index, words, text)
        if hit:
            reasons.append(MatchReason(name, value, hit))
    return reasons


def _size_words(size: str | None, text: str) -> list[str]:
    return [w for w in _SIZE_WORDS.get(size or "", ()) if w in text]


def _support_weight(supports: Sequence[SupportView], size: str | None) -> float:
    """Amounts raise a unit; a threshold meant for large projects lowers it for a small enterprise."""
    weight = 0.0
    for s in supports:
        if s.kind in ("subsidy", "reward", "loan-interest", "tax", "land") and (s.amount or s.cap or s.rate):
            weight += 0.1
        if s.kind == "threshold" and size in ("small", "medium") and "亿" in (s.unit or ""):
            weight -= 0.1
    return max(-0.2, min(weight, 0.3))


# ------------------------------------------------------------------------------------------------ ranking


def _measures(index: SearchIndex, profile: EnterpriseProfile, k: int, lang: str,
              overseers: dict[str, list[ResponsibilityView]]) -> list[MeasureMatch]:
    size = normalise_size(profile.size)
    industry_words = _input_words(index, profile.industry)
    plan_words = {plan: _input_words(index, plan) for plan in profile.plans}
    inputs = [("industry", profile.industry, industry_words)] if profile.industry else []
    inputs += [("plan", plan, words) for plan, words in plan_words.items()]
    best: dict[str, MeasureMatch] = {}
    for plan in profile.plans or [profile.industry]:
        query = f"{profile.industry} {plan}".strip() if profile.plans else profile.industry
        plan_info = index.plan(query)
        result = index.search(query, k=max(k, 5), kind="measure")
        for hit in result.hits:
            reasons = _reasons(index, inputs, hit.text)
            if not result.relevant and not reasons:
                continue  # nothing in the documents answers this plan: its nearest units are no match
            if size and _size_words(size, hit.text):
                reasons.append(MatchReason("size", profile.size or size, _size_words(size, hit.text)))
            concepts = _specific(index, [c.pref_label for c in hit.context.concepts if c.key in plan_info.concepts])
            terms = [w for w in dict.fromkeys(w for r in reasons for w in r.words) if w not in concepts]
            supports = list(hit.context.supports)
            score = round(hit.score + 0.05 * len(reasons) + _support_weight(supports, size), 4)
            contacts, no_owner = _contacts(hit.context.owners, hit.document, overseers, lang)
            match = MeasureMatch(hit.iri, hit.path, hit.heading, hit.text, hit.document, score,
                                 render_reason(reasons, lang), reasons, terms, concepts, plan, contacts, no_owner,
                                 supports)
            if hit.iri not in best or score > best[hit.iri].score:
                best[hit.iri] = match
    if not any(m.reasons for m in best.values()):
        return []  # no input shares a word with any measure: nothing fits (an empty answer, not the nearest)
    return sorted(best.values(), key=lambda m: -m.score)[:k]


def _instrument_terms(concepts: list[ConceptLabels]) -> dict[str, list[str]]:
    """Each kind's words: the built-in ones, then the Chinese labels of its scheme concepts."""
    terms = {kind: list(words) for kind, words in INSTRUMENT_KINDS.items()}
    for c in concepts:
        kind = SCHEME_KINDS.get(c.key) if c.group == SUPPORT_GROUP else None
        if kind:
            terms[kind].extend(label for label in c.zh_labels if label not in terms[kind])
    return terms


def _asked_kinds(index: SearchIndex, plan: str, terms: dict[str, list[str]]) -> dict[str, list[str]]:
    """The instrument kinds one plan asks for, with the plan's words that ask (申请贷款 and bank loan are
    bank-credit)."""
    asked: dict[str, list[str]] = {}
    for c in index.expander.match_zh(plan) + index.expander.match_en(plan):
        kind = SCHEME_KINDS.get(c.key) if c.group == SUPPORT_GROUP else None
        if kind:
            word = next((label for label in c.zh_labels + c.en_labels if label in plan), c.pref_zh)
            if word not in asked.setdefault(kind, []):
                asked[kind].append(word)
    for kind, words in terms.items():
        for word in words:
            if word in plan and word not in asked.setdefault(kind, []):
                asked[kind].append(word)
    return {kind: [w for w in words if not any(w != other and w in other for other in words)]
            for kind, words in asked.items() if words}


def _instruments(index: SearchIndex, profile: EnterpriseProfile, k: int, lang: str,
                 overseers: dict[str, list[ResponsibilityView]]) -> list[InstrumentMatch]:
    terms = _instrument_terms(index.concepts)
    size = normalise_size(profile.size)
    asked = {plan: _asked_kinds(index, plan, terms) for plan in profile.plans}
    industry_words = [w for w in _input_words(index, profile.industry) if index.document_share(w) <= GENERIC_SHARE]
    best: dict[tuple[str, str], InstrumentMatch] = {}
    candidates = (u for u in index.units if u.kind == "safeguard" or (u.kind == "measure" and u.context.supports))
    for unit in candidates:
        for sentence in _SENTENCE.findall(unit.text):
            sentence = sentence.strip()
            for kind, words in terms.items():
                found = [w for w in words if w in sentence]
                if not found:
                    continue
                reasons: list[MatchReason] = []
                score = 0.0
                for plan, kinds in asked.items():
                    if kind in kinds:
                        reasons.append(MatchReason("plan", plan, found[:3], "、".join(kinds[kind][:2]), kind))
                        score += 1.5
                sized = _size_words(size, sentence)
                if sized:
                    reasons.append(MatchReason("size", profile.size or size or "", sized))
                    score += 1.0
                elif size in ("small", "medium") and _size_words("large", sentence):
                    score -= 0.5
                industry = _specific(index, (w for w in industry_words if w in sentence or w in unit.title))
                if industry:
                    reasons.append(MatchReason("industry", profile.industry, industry))
                    score += 1.0
                if not reasons:
                    continue  # nothing about this enterprise points here
                supports = [s for s in unit.context.supports if s.text and s.text in sentence]
                score += _support_weight(supports, size)
                contacts, no_owner = _contacts(unit.context.owners, unit.document, overseers, lang)
                match = InstrumentMatch(kind, KIND_LABELS[kind][lang], found[0], unit.id, unit.path, unit.title,
                                        sentence, unit.document, round(score, 3), render_reason(reasons, lang),
                                        reasons, contacts, no_owner, supports)
                key = (kind, unit.id)
                if key not in best or (match.score, len(found)) > (best[key].score, len(best[key].label)):
                    best[key] = match
    return sorted(best.values(), key=lambda m: (-m.score, m.kind, m.path))[:k]


def match_enterprise(index: SearchIndex, profile: EnterpriseProfile, k: int = 10, lang: str = "zh",
                     jurisdictions: Sequence[str] = ()) -> MatchResult:
    """Measures ranked by fit to each plan, and the support instruments chosen for this enterprise, each with
    its contacts, amounts and the reasons (in ``lang``: zh | en); ``jurisdictions`` are the documents' (上海市),
    for the district government's office."""
    lang = "en" if lang == "en" else "zh"
    overseers = document_overseers(index.units)
    return MatchResult(profile, _measures(index, profile, k, lang, overseers),
                       _instruments(index, profile, k, lang, overseers),
                       district_office(profile.district, jurisdictions, lang), lang)
