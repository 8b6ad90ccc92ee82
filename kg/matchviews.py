"""The policy calculator's views: what an enterprise (or a person) says about itself, and what the calculator
answers for it (each unit that fits with its verdict, amounts, contacts and the document's support that applies).

Part of the read model (``kg.views``, whose base, codec and field-naming rules they follow); kept apart because
they describe a profile and an answer about it rather than nodes of the graph. ``kg.views`` still serves them by
name (``from kg.views import MatchResult`` works), so that the read model stays one place to import from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kg.views import Number, SupportView, View

__all__ = [
    "MATCH_VIEWS",
    "Amount",
    "ConditionCheck",
    "Contact",
    "EnterpriseProfile",
    "InstrumentMatch",
    "MatchReason",
    "MatchResult",
    "MeasureMatch",
    "PersonProfile",
    "Verdict",
]


@dataclass(frozen=True, slots=True)
class PersonProfile(View):
    """A person asking for themself (or the person a firm would hire): age and status (高校毕业生, 失业青年)."""

    age: int | None = None
    status: str | None = None


@dataclass(frozen=True, slots=True)
class EnterpriseProfile(View):
    """What the enterprise (or person) says about itself, every field optional: what it makes, what it plans
    or needs, its size, place and figures (revenue in 万元, premiums and wage bill in 元)."""

    industry: str = ""
    plans: list[str] = field(default_factory=list)
    size: str | None = None
    district: str | None = None
    name: str = ""
    industry_code: str = ""  # GB/T 4754: C34, C3670
    place: str = ""  # free text: 绍兴市柯桥区, Keqiao, Shaoxing
    employees: int | None = None
    revenue: Number | None = None  # 万元, last year
    founded: int | None = None  # year
    insured_staff: int | None = None
    years_insured: Number | None = None
    unemployment_premiums_last_year: Number | None = None  # 元
    wage_bill_last_year: Number | None = None  # 元
    person: PersonProfile | None = None
    needs: str = ""  # what it wants, in its own words
    lang: str = ""  # the language the profile is written in


@dataclass(frozen=True, slots=True)
class ConditionCheck(View):
    """One condition checked against the profile: met, failed, or unknown (``field`` is then what to fill in)."""

    status: str  # met | failed | unknown
    field: str
    text: str  # the condition as written
    detail: str  # why, in the page's language: 成立于2024年，不满3年 / 请填写 成立年份
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class Verdict(View):
    """Whether the profile qualifies: eligible, not_eligible (``failing`` names the condition), or unknown
    (``missing`` names the fields to fill in); ``expired_on`` when the stated period is over by ``today``."""

    status: str  # eligible | not_eligible | unknown
    failing: list[ConditionCheck] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    checks: list[ConditionCheck] = field(default_factory=list)
    expired_on: date | None = None
    valid_until: date | None = None
    validity_text: str = ""
    asks: list[str] = field(default_factory=list)  # each missing field in the page's language: 企业规模（--size / size）
    to_confirm: list[str] = field(default_factory=list)  # conditions as written that no check judged (新认定的…): the
    # asker confirms them; "eligible" then means eligible on the conditions checked (search/match_confirm.py)


@dataclass(frozen=True, slots=True)
class Amount(View):
    """What the profile would get from one support: a fixed sum, a rate of a base the profile gives, or the cap
    when it decides; ``formula`` shows the working (50% × 80,000 元 = 40,000 元)."""

    value: Number | None  # in ``unit``; None when the base is missing (``base_field`` says what to fill in)
    unit: str  # 元, 元/月
    kind: str  # fixed | rate | cap
    formula: str
    rate: Number | None = None
    base: str = ""  # the base as the text names it: 上年度实际缴纳失业保险费
    base_field: str = ""  # where the base came from: unemployment_premiums_last_year, needs …
    base_value: Number | None = None  # in 元
    cap: Number | None = None  # in 元
    support_iri: str = ""
    text: str = ""  # the support's words


@dataclass(frozen=True, slots=True)
class Contact(View):
    """Who to contact about a unit: ``scope`` says how the text names the body."""

    agent_iri: str
    agent_name: str
    role: str  # lead | participant | supervisor | … | district; comma-separated when the text gives several
    role_label: str  # the role in the page's language
    scope: str  # "unit" (named for this unit) | "document" (named over the whole document) | "district"
    basis: str  # explicit | inferred | profile (the district the enterprise gave)
    evidence: str  # the sentence that names it


@dataclass(frozen=True, slots=True)
class MatchReason(View):
    """One input of the profile and the words of the text it matched (never another input's words)."""

    input: str  # industry | plan | size
    value: str  # the input as given
    words: list[str]  # words of the unit's text
    asks: str = ""  # for a plan asking for a kind of support: the plan's own word (贷款) and the kind
    kind: str = ""


@dataclass(frozen=True, slots=True)
class MeasureMatch(View):
    iri: str
    path: str
    heading: str
    text: str
    document: str
    score: float
    reason: str  # the reasons rendered in the page's language
    reasons: list[MatchReason]
    matched_terms: list[str]
    matched_concepts: list[str]
    plan: str
    contacts: list[Contact]
    no_owner: str  # "" when a body is named; else the statement that the text names none
    supports: list[SupportView]
    kind: str = ""  # the unit's structural kind: measure, item, article, paragraph …
    function: str = ""  # what it does: support, action, rule …
    verdict: Verdict | None = None
    amounts: list[Amount] = field(default_factory=list)
    instruments: list[InstrumentMatch] = field(default_factory=list)  # the document's support that applies to it
    start: int = 0  # the unit's span in the document's source: the answer's evidence
    end: int = 0


@dataclass(frozen=True, slots=True)
class InstrumentMatch(View):
    """A support instrument a document offers (a fund, a tax relief, a guarantee), cited by its document, its
    section (``path``, ``heading``) and the span of the sentence it rests on (``start``, ``end`` in the
    document's source; ``text`` is that sentence)."""

    kind: str  # funds | tax | financing | land | approvals
    kind_label: str  # in the page's language
    label: str  # the word that names it, e.g. 融资担保
    iri: str  # the unit's IRI
    path: str
    heading: str  # the unit's heading (the safeguard)
    text: str  # the sentence that offers the instrument
    document: str
    score: float
    reason: str
    reasons: list[MatchReason]
    contacts: list[Contact]
    no_owner: str
    supports: list[SupportView]
    start: int = 0  # the sentence's span in the document's source (``text`` == source[start:end])
    end: int = 0


@dataclass(frozen=True, slots=True)
class MatchResult(View):
    profile: EnterpriseProfile
    measures: list[MeasureMatch]
    instruments: list[InstrumentMatch]
    district_office: Contact | None = None
    lang: str = "zh"
    today: date | None = None  # the reference date for expiry


MATCH_VIEWS: tuple[type, ...] = (PersonProfile, EnterpriseProfile, ConditionCheck, Verdict, Amount, Contact,
                                 MatchReason, MeasureMatch, InstrumentMatch, MatchResult)
