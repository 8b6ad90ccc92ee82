"""Match an enterprise profile to the measures that fit it and the support instruments of the safeguards."""

from __future__ import annotations

import logging
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from .hybrid import SearchIndex
from .lexicon import ConceptLabels
from .types import IndexUnit

__all__ = ["EnterpriseProfile", "MeasureMatch", "InstrumentMatch", "MatchResult", "match_enterprise",
           "INSTRUMENT_KINDS", "SCHEME_KINDS", "SUPPORT_GROUP", "GENERIC_SHARE", "normalise_size"]

log = logging.getLogger(__name__)

# The support instruments a safeguard can offer, with the words that name them in policy text.  The
# scheme's support-instrument concepts (SUPPORT_GROUP) add their labels through SCHEME_KINDS.
INSTRUMENT_KINDS: dict[str, tuple[str, ...]] = {
    "funds": ("财政支持", "专项支持资金", "专项资金", "资金支持", "补贴", "补助"),
    "tax": ("税收优惠", "加计扣除", "税额抵免", "减税", "免税"),
    "financing": ("融资担保", "产业基金", "融资", "信贷", "贷款", "上市挂牌", "债务融资", "增信", "担保基金"),
    "land": ("用地", "土地", "容积率", "零星工业用地"),
    "approvals": ("审批", "备案", "承诺备案制", "施工许可"),
}
_INSTRUMENT_EN = {"funds": "funds", "tax": "tax relief", "financing": "financing", "land": "land",
                  "approvals": "approvals"}
# The top concept of the instruments in ingest/data/concepts.ttl, and which of its concepts is which kind
# (the others, such as talent or government procurement, are not instruments an enterprise applies for).
SUPPORT_GROUP = "support-instruments"
SCHEME_KINDS: dict[str, str] = {
    "fiscal-support": "funds",
    "tax-incentive": "tax",
    "financing": "financing", "financing-guarantee": "financing", "bank-credit": "financing",
    "debt-financing": "financing", "equity-financing": "financing", "industry-fund": "financing",
    "stock-listing": "financing", "financial-innovation": "financing",
    "land-use": "land",
    "approval-reform": "approvals",
}
# A term found in more than this share of the units (改造, 技术, 企业 in the seed) explains no match.
GENERIC_SHARE = 0.2
_SME_WORDS = ("中小企业", "小微企业", "中小微企业")
_SIZES = {"small": "small", "小型": "small", "小微": "small", "小微企业": "small", "中小企业": "small",
          "medium": "medium", "中型": "medium", "中型企业": "medium", "large": "large", "大型": "large",
          "大型企业": "large", "规模以上": "large", "规上": "large"}
_SENTENCE = re.compile(r"[^。；]+[。；]?")


def normalise_size(size: str | None) -> str | None:
    """small | medium | large from English or Chinese (中小企业 counts as small); unknown → None."""
    if not size:
        return None
    return _SIZES.get(size.strip().lower()) or next((v for k, v in _SIZES.items() if k in size), None)


@dataclass(slots=True)
class EnterpriseProfile:
    """What the enterprise makes, what it plans, its size and district (the API's POST /match body)."""

    industry: str
    plans: list[str] = field(default_factory=list)
    size: str | None = None
    district: str | None = None


@dataclass(slots=True)
class MeasureMatch:
    id: str
    path: str
    title: str
    text: str
    score: float
    reason: str
    matched_terms: list[str]
    matched_concepts: list[str]
    plan: str


@dataclass(slots=True)
class InstrumentMatch:
    kind: str  # funds | tax | financing | land | approvals
    label: str  # e.g. 融资担保
    id: str  # the safeguard unit's IRI
    path: str
    safeguard: str  # the safeguard's heading
    text: str  # the sentence that offers the instrument
    score: float
    reason: str


@dataclass(slots=True)
class MatchResult:
    profile: EnterpriseProfile
    measures: list[MeasureMatch]
    instruments: list[InstrumentMatch]

    def to_dict(self) -> dict[str, Any]:
        return {"profile": asdict(self.profile), "measures": [asdict(m) for m in self.measures],
                "instruments": [asdict(i) for i in self.instruments]}


def _instrument_terms(concepts: list[ConceptLabels]) -> dict[str, list[str]]:
    """Each kind's words: the built-in ones, then the Chinese labels of its scheme concepts."""
    terms = {kind: list(words) for kind, words in INSTRUMENT_KINDS.items()}
    for c in concepts:
        kind = SCHEME_KINDS.get(c.key) if c.group == SUPPORT_GROUP else None
        if kind:
            terms[kind].extend(label for label in c.zh_labels if label not in terms[kind])
    return terms


def _asked_kinds(index: SearchIndex, text: str, terms: dict[str, list[str]]) -> dict[str, list[str]]:
    """The instrument kinds the profile asks for, with the words that ask: the scheme's concepts its text
    names, in either language (申请贷款 and bank loan are bank-credit), and the kinds' own words."""
    asked: dict[str, list[str]] = {}
    for c in index.expander.match_zh(text) + index.expander.match_en(text):
        kind = SCHEME_KINDS.get(c.key) if c.group == SUPPORT_GROUP else None
        if kind and c.pref_zh not in asked.setdefault(kind, []):
            asked[kind].append(c.pref_zh)
    for kind, words in terms.items():
        for word in words:
            if word in text and word not in asked.setdefault(kind, []):
                asked[kind].append(word)
    # a word inside another one listed (贷款 in 银行贷款) adds nothing
    return {kind: [w for w in words if not any(w != other and w in other for other in words)]
            for kind, words in asked.items() if words}


def _specific(index: SearchIndex, terms: list[str]) -> list[str]:
    """The terms that say why: not generic (in ≤ GENERIC_SHARE of the units), each once, none inside
    another listed term (机器人 goes when 工业机器人 is there)."""
    kept = [t for t in dict.fromkeys(terms) if t and index.document_share(t) <= GENERIC_SHARE]
    return [t for t in kept if not any(t != other and t in other for other in kept)]


def _measures(index: SearchIndex, profile: EnterpriseProfile, k: int) -> list[MeasureMatch]:
    best: dict[str, MeasureMatch] = {}
    plans = profile.plans or [profile.industry]
    for plan in plans:
        query = f"{profile.industry} {plan}".strip() if profile.plans else profile.industry
        plan_info = index.plan(query)
        # the profile's own words and the scheme's words for them, in the order the profile gives them
        wanted = index.tokenizer.words(query) + plan_info.lexical_terms
        for hit in index.search(query, k=k, kind="measure").hits:
            concepts = _specific(index, [c.zh for c in hit.context.concepts if c.key in plan_info.concepts])
            terms = [t for t in _specific(index, [w for w in wanted if w in hit.text])
                     if t not in concepts and not any(t in c for c in concepts)]
            reason = f"plan {plan} matches " + (", ".join(concepts + terms) or "by meaning (dense)")
            if hit.id not in best or hit.score > best[hit.id].score:
                best[hit.id] = MeasureMatch(hit.id, hit.path, hit.title, hit.text, hit.score, reason, terms,
                                            concepts, plan)
    return sorted(best.values(), key=lambda m: -m.score)[:k]


def _instruments(index: SearchIndex, profile: EnterpriseProfile) -> list[InstrumentMatch]:
    terms = _instrument_terms(index.concepts)
    size = normalise_size(profile.size)
    asked = _asked_kinds(index, " ".join([profile.industry, *profile.plans]), terms)
    best: dict[tuple[str, str], tuple[float, int, InstrumentMatch]] = {}
    for unit in (u for u in index.units if u.kind == "safeguard"):
        for sentence in _SENTENCE.findall(unit.text):
            for kind, words in terms.items():
                found = [w for w in words if w in sentence]
                if not found:
                    continue
                score, reasons = 1.0, [f"{unit.title} offers {_INSTRUMENT_EN[kind]} ({'、'.join(found[:3])})"]
                if kind in asked:
                    score += 1.5
                    reasons.append(f"the plans ask for {_INSTRUMENT_EN[kind]} ({'、'.join(asked[kind][:3])})")
                sme = next((w for w in _SME_WORDS if w in sentence), None)
                if size in ("small", "medium") and sme:
                    score += 1.0
                    reasons.append(f"it names {sme} and the enterprise is {size}")
                match = InstrumentMatch(kind, found[0], unit.id, unit.path, unit.title, sentence.strip(),
                                        round(score, 3), "; ".join(reasons))
                # one entry per (kind, safeguard): the best-scoring sentence, then the one naming most words
                key, rank = (kind, unit.path), (score, len(found))
                if key not in best or rank > best[key][:2]:
                    best[key] = (score, len(found), match)
    return sorted((m for _, _, m in best.values()), key=lambda m: (-m.score, m.kind, m.path))


def match_enterprise(index: SearchIndex, profile: EnterpriseProfile, k: int = 10) -> MatchResult:
    """Measures ranked by fit to each plan (with the terms and concepts that matched), and the support
    instruments that the safeguard units offer, ranked by the plans' overlap and the enterprise's size."""
    return MatchResult(profile, _measures(index, profile, k), _instruments(index, profile))
