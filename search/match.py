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
           "INSTRUMENT_KINDS", "normalise_size"]

log = logging.getLogger(__name__)

# The support instruments a safeguard can offer, with the words that name them in policy text.  Used
# when the concept scheme has no support-instrument group; the scheme's labels are added when it has.
INSTRUMENT_KINDS: dict[str, tuple[str, ...]] = {
    "funds": ("财政支持", "专项支持资金", "专项资金", "资金支持", "补贴", "补助"),
    "tax": ("税收优惠", "加计扣除", "税额抵免", "减税", "免税"),
    "financing": ("融资担保", "产业基金", "融资", "信贷", "贷款", "上市挂牌", "债务融资", "增信", "担保基金"),
    "land": ("用地", "土地", "容积率", "零星工业用地"),
    "approvals": ("审批", "备案", "承诺备案制", "施工许可"),
}
_INSTRUMENT_EN = {"funds": "funds", "tax": "tax relief", "financing": "financing", "land": "land",
                  "approvals": "approvals"}
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
    terms = {kind: list(words) for kind, words in INSTRUMENT_KINDS.items()}
    for c in concepts:
        if "support" not in c.group and "instrument" not in c.group:
            continue
        kind = next((k for k, words in INSTRUMENT_KINDS.items() if any(w in c.zh_labels for w in words)
                     or k in c.key or _INSTRUMENT_EN[k].split()[0] in c.key), None)
        if kind:
            terms[kind].extend(label for label in c.zh_labels if label not in terms[kind])
    return terms


def _measures(index: SearchIndex, profile: EnterpriseProfile, k: int) -> list[MeasureMatch]:
    best: dict[str, MeasureMatch] = {}
    queries = [f"{profile.industry} {plan}".strip() for plan in profile.plans] or [profile.industry]
    for plan, query in zip(profile.plans or [profile.industry], queries, strict=True):
        plan_info = index.plan(query)
        for hit in index.search(query, k=k, kind="measure").hits:
            terms = list(dict.fromkeys(h.text for h in hit.highlights))
            concepts = [c.zh for c in hit.context.concepts if c.key in plan_info.concepts]
            reason = f"plan {plan} matches " + (", ".join(concepts + terms) or "by meaning (dense)")
            if hit.id not in best or hit.score > best[hit.id].score:
                best[hit.id] = MeasureMatch(hit.id, hit.path, hit.title, hit.text, hit.score, reason, terms,
                                            concepts, plan)
    return sorted(best.values(), key=lambda m: -m.score)[:k]


def _instruments(index: SearchIndex, profile: EnterpriseProfile) -> list[InstrumentMatch]:
    terms = _instrument_terms(index.concepts)
    size = normalise_size(profile.size)
    wanted = " ".join([profile.industry, *profile.plans])
    plan_tokens = set(index.tokenizer.tokens(wanted))
    out: list[InstrumentMatch] = []
    safeguards: list[IndexUnit] = [u for u in index.units if u.kind == "safeguard"]
    for unit in safeguards:
        for sentence in _SENTENCE.findall(unit.text):
            for kind, words in terms.items():
                found = [w for w in words if w in sentence]
                if not found:
                    continue
                score, reasons = 1.0, [f"{unit.title} offers {_INSTRUMENT_EN[kind]} ({'、'.join(found[:3])})"]
                overlap = sorted(plan_tokens & set(index.tokenizer.tokens(" ".join(words))))
                if overlap:
                    score += 0.5 * len(overlap)
                    reasons.append("the plans mention " + "、".join(overlap[:5]))
                if size in ("small", "medium") and "中小企业" in sentence:
                    score += 1.0
                    reasons.append("it names 中小企业 and the enterprise is " + size)
                out.append(InstrumentMatch(kind, found[0], unit.id, unit.path, unit.title, sentence.strip(),
                                           round(score, 3), "; ".join(reasons)))
    # One entry per (kind, safeguard), the best-scoring sentence.
    best: dict[tuple[str, str], InstrumentMatch] = {}
    for m in out:
        key = (m.kind, m.path)
        if key not in best or m.score > best[key].score:
            best[key] = m
    return sorted(best.values(), key=lambda m: (-m.score, m.kind, m.path))


def match_enterprise(index: SearchIndex, profile: EnterpriseProfile, k: int = 10) -> MatchResult:
    """Measures ranked by fit to each plan (with the terms and concepts that matched), and the support
    instruments that the safeguard units offer, ranked by the plans' overlap and the enterprise's size."""
    return MatchResult(profile, _measures(index, profile, k), _instruments(index, profile))
