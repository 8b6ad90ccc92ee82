"""Match an enterprise profile to the measures that fit it and to the support instruments it can apply for.

Every answer says who to contact and how much: the bodies the text makes responsible for the unit (explicit), else
the bodies the text names as supervisor, evaluator or coordinator of the whole document (marked ``scope:
"document"``), else the statement that the text names no owner; the district government when the profile names a
district inside a document's jurisdiction; and the unit's support amounts and conditions (``SupportView``).
The result's types are the read model's (``kg.views``): the API serves them as they are.

Reasons credit each input with its own words only: the industry's words (and the policy industries its products
map to in ``ingest/data/industries.ttl``), each plan's words, the size.  They are rendered in the page's language.
Instruments are chosen for the enterprise: a sentence offering support is kept only when something about this
enterprise (a plan asking for that kind, its size, its industry) points to it: search/match_instruments.py, kept
apart so that this module holds the ranking of measures, their verdicts and amounts.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from kg.views import (
    Amount,
    ConditionCheck,
    ConditionView,
    Contact,
    EnterpriseProfile,
    InstrumentMatch,
    MatchReason,
    MatchResult,
    MeasureMatch,
)

from .audience import profile_audience, serves
from .eligibility import (
    alternative_groups,
    amount_of,
    excess_amount,
    exclusions,
    field_prompt,
    format_yuan,
    graded_pick,
    graded_rate,
    is_person,
    normalise_size,
    profile_size,
    prohibitions,
    refusals,
    relative_age_checks,
    size_alternatives,
    size_tiers,
    supports_for,
    threshold_check,
    to_yuan,
    unmet_requirements,
    verdict_of,
)
from .hybrid import SearchIndex
from .match_bounds import count_floors, money_bounds, range_bounds, record_years
from .match_cases import label_cases
from .match_closing import closing_capped, closing_caps
from .match_confirm import unchecked_conditions
from .match_contacts import (
    DOCUMENT_ROLES,
    UNKNOWN_PLACE,
    DocumentInfo,
    answering_contacts,
    contacts_of,
    district_office,
    document_info,
    document_overseers,
    document_receivers,
    document_validity_of,
    own_period,
    payer_contact,
    place_check,
    receiver_contact,
    verifier_contact,
)
from .match_everyday import situation_groups, situation_terms
from .match_facts import (
    case_amounts,
    case_standard,
    excluded_by_reference,
    fact_groups,
    fact_score,
    listed_sibling,
)
from .match_instruments import (
    ACTIONABLE_FUNCTIONS,
    ACTIONABLE_KINDS,
    GENERIC_SHARE,
    INSTRUMENT_ELSEWHERE,
    INSTRUMENT_KINDS,
    INSTRUMENT_LOCAL,
    KIND_LABELS,
    SCHEME_KINDS,
    SUPPORT_GROUP,
    _actionable,
    _asked_kinds,
    _document_instruments,
    _input_words,
    _instrument_terms,
    _instruments,
    _reasons,
    _size_words,
    _specific,
    _support_weight,
    names_place,
    render_reason,
    sentences_of,
)
from .match_or import or_groups
from .match_recipient import government_recipients, government_task
from .match_rows import with_full_rows
from .match_stated import fact_asks, stated_circumstances
from .match_withdrawn import withdrawn_checks
from .match_zone import zone_checks
from .needs_text import count_in, money_in, policy_term_groups, policy_terms
from .shares import (
    SPLIT_BOOST,
    asks_to_split,
    asks_who_claims,
    claimed_expenses,
    quota_shares,
    referenced_standard,
    separate_sums,
    share_amounts,
)
from .text_amounts import bounded_amounts, text_amounts
from .text_checks import (
    DOCUMENT_REFUSAL,
    bigrams,
    duration_checks,
    industry_list_checks,
    layoff_checks,
    one_only_checks,
    quantity_bounds,
    ratio_checks,
    scope_check,
    survivor_checks,
)
from .types import UNIT_KINDS, IndexUnit, ResponsibilityView, SupportView

__all__ = [
    "ACTIONABLE_FUNCTIONS",
    "ACTIONABLE_KINDS",
    "DOCUMENT_ROLES",
    "GENERIC_SHARE",
    "INSTRUMENT_ELSEWHERE",
    "INSTRUMENT_KINDS",
    "INSTRUMENT_LOCAL",
    "KIND_LABELS",
    "SCHEME_KINDS",
    "SUPPORT_GROUP",
    "Contact",
    "DocumentInfo",
    "EnterpriseProfile",
    "InstrumentMatch",
    "MatchReason",
    "MatchResult",
    "MeasureMatch",
    "district_office",
    "document_info",
    "match_enterprise",
    "normalise_size",
    "render_reason",
    "sentences_of",
]

log = logging.getLogger(__name__)


# ------------------------------------------------------------------------------------------------ wording

# ------------------------------------------------------------------------------------------------ ranking

# Added to a unit of a local document whose place holds the profile's place (a city's measures for a firm there)
LOCAL_BOOST = 0.15
# Taken from a unit of a local document whose place does not hold the profile's place (Jiangxi's measures for a
# firm in Shanghai): it is still listed, with the place as the failing condition, but below the firm's own
ELSEWHERE_PENALTY = 0.3
# Added to a unit whose own condition decides the verdict (met or failed) when the firm asks whether it qualifies
JUDGED_BOOST = 0.25  # more than a local document: the unit is decided on the profile's own facts (its 是否符合)
# Added again when that condition fails on the profile's own facts (a parent aged 58 against 年满60岁的父母): the
# answer that says no, and why, comes before units that say yes only because they state no condition
REFUSED_BOOST = 0.25
# Added to a unit for each kind of project the firm describes in everyday words (靠人眼 → 智能检测; collaborative robot →
# 人机协作: ingest/data/instruments.json everyday_terms) whose policy terms the unit writes: the task that names the
# kind of project comes before one that only shares the firm's other words (机器人 in 以机器人应用为特征的自动化改造)
KIND_TERM_BOOST = 0.15
# Added to a unit for each situation the firm describes (its customer asks its suppliers to upgrade with it; it buys
# abroad a part it wants to make; it buys a university's patent to make at scale: search/match_everyday.py) whose
# policy terms the unit writes: twice an everyday word's, as every pattern of the situation must be found in the
# firm's words, a relation between two things it says rather than one word it shares
SITUATION_BOOST = 2 * KIND_TERM_BOOST
# Added to a unit whose support, worked on the sum or count the firm states, gives a figure, when the firm states one
# and asks how much (18 million yuan … at least how much?): the unit that answers the money question with its figure
FIGURE_BOOST = 0.15
# The fields of a check on where the firm is (the document's place, a district it requires)
PLACE_FIELDS = ("place", "district")
_ASKS_HOW_MUCH = re.compile(r"多少|几成|什么比例|多大比例|how much|what share|what percentage|what proportion", re.IGNORECASE)
# 大中小企业 (大中小微企业协同): firms of every size, no size condition, though 中小企业 is read inside it
_ALL_SIZES = re.compile(r"大中小")
_ASKS_IF_ELIGIBLE = re.compile(r"够条件|够格|符合条件|有没有资格|有资格|能不能|能否|可不可以|可以吗|行不行|能报名|能参加|能申请|能领|"
                               r"能拿|能享受|能[\u4e00-\u9fff]{1,12}吗|算不算|qualify|eligible|allowed to|"
                               r"can (?:we|i) (?:still |also )?(?:get|apply|join|enter|claim|take|work|practi[sc]e|register|run|open|keep)",
                               re.IGNORECASE)




def _local_documents(profile: EnterpriseProfile, infos: Mapping[str, DocumentInfo], lang: str) -> list[str]:
    """The local documents (a city's, a district's) whose place holds the profile's place: the firm's own."""
    if not (profile.place or profile.district):
        return []
    local = []
    for slug, info in infos.items():
        check = place_check(profile, info, info.title, lang)
        if check is not None and check.status == "met":
            local.append(slug)
    return sorted(local)


_FIGURES = re.compile(r"[0-9０-９.,，．°′″'\"/:;()（）\-+=%]")


def is_data_table(text: str) -> bool:
    """A unit that is a table of figures (an annex of boundary coordinates, of quotas by province) rather than
    sentences: most of what is not space is digits and their punctuation. No firm applies for it, whatever its
    words share with the firm's (its place names, a project's name); search still finds it for a question."""
    body = re.sub(r"\s+", "", text)
    return len(body) >= 80 and len(_FIGURES.findall(body)) > 0.5 * len(body)


def _names_place(profile: EnterpriseProfile, info: DocumentInfo | None) -> bool:
    """Do the needs name the document's place (match_instruments.names_place)?"""
    return names_place(profile, info)


def _asks(profile: EnterpriseProfile) -> list[str]:
    """What the profile asks, each searched on its own: its plans, and its needs beside them (a firm that lists
    two projects and also writes what it wants asks three things); the needs alone where it gives no plan."""
    needs = [profile.needs] if profile.needs.strip() else []
    plans = [p for p in profile.plans if p.strip()]
    return plans + [n for n in needs if n not in plans] if plans else needs


def _reading(profile: EnterpriseProfile) -> EnterpriseProfile:
    """The profile whose words the checks and amounts read: its needs and its plans together (设备投资800万元 written
    in a plan is a sum the firm states as much as one written in its needs)."""
    if not profile.plans:
        return profile
    plans = [p.strip() for p in profile.plans if p.strip() and p.strip() not in profile.needs]
    said = "；".join(x for x in (profile.needs.strip(), *plans) if x)
    return replace(profile, needs=said)


def _query_texts(profile: EnterpriseProfile) -> list[str]:
    """One search per plan (or the needs), each with the industry before it and the policy terms for the kind
    of project it describes in everyday words (电老虎 → 节能: search/needs_text.policy_terms)."""
    asks = _asks(profile)
    if not asks:
        return [profile.industry] if profile.industry.strip() else []
    person = is_person(profile)  # a person's words (工伤事故, 搬家) describe no project of a firm
    # a person's status is the word a policy names them by (退役运动员, 高校毕业生): searched with their words
    status = profile.person.status if person and profile.person and profile.person.status else ""
    return [" ".join([profile.industry, a, status, *([] if person else dict.fromkeys(policy_terms(a) + situation_terms(a)))]).strip()
            for a in asks]


def _unit_conditions(unit: IndexUnit, supports: Sequence[SupportView] | None = None) -> list[ConditionView]:
    """The unit's conditions: those of its supports meant for this profile (deduplicated), else those its own
    text states."""
    seen: dict[tuple, ConditionView] = {}
    for s in unit.context.supports if supports is None else supports:
        for c in s.conditions:
            seen.setdefault((c.field, c.comparator, tuple(c.values), c.value), c)
    if seen:
        return list(seen.values())
    from ingest.conditions import conditions_of

    return [ConditionView(c.kind, c.field, c.comparator, c.value, c.value_max, list(c.values), c.unit, c.text,
                          unit.start + c.span.start, unit.start + c.span.end) for c in conditions_of(unit.text)
            if not (c.field == "size" and _ALL_SIZES.match(unit.text[max(0, c.span.start - 1):]))]


def _amounts(supports: Sequence[SupportView], profile: EnterpriseProfile, lang: str, asked: str = "",
             unit_text: str = "") -> list[Amount]:
    """Each support's amount for this profile: the item the profile asks about first (a unit of 一是…二是…: the
    海外仓's 20% × 投入 before the 跨境电商 award of 50万元 for a firm asking about its overseas warehouse), then
    those with a value; of a graded award (A、B、C分别给予…), the grade the firm's words name first, labelled."""
    excess = excess_amount(supports, profile, lang)
    found = [a for a in (amount_of(s, profile, lang) for s in supports)
             if a is not None and not (excess is not None and a.support_iri == excess.support_iri)]
    found = ([excess] if excess is not None else []) + found  # the limit alone is no amount paid
    wanted = bigrams(asked)
    about = {s.iri: len(bigrams(f"{s.condition} {s.text}") & wanted) for s in supports}
    found = sorted(found, key=lambda a: (-about.get(a.support_iri, 0), a.value is None))
    found = _typed_caps(found, supports, profile, lang)
    for s in supports if unit_text else ():  # 达到500万元、3000万元…的，分别按照…的1.5%、1.8%…: the firm's grade
        graded = graded_rate(unit_text, s, profile)
        if graded is None or graded[2]:
            continue
        rate, label, _ = graded
        got = amount_of(replace(s, rate=rate), profile, lang)
        if got is not None and got.value is not None:
            found = [replace(got, formula=f"{label}：{got.formula}")] + [a for a in found if a.support_iri != s.iri]
    found = _raised_rates(found, supports, profile, lang, asked, unit_text)
    pick = graded_pick(unit_text, supports, profile, lang) if unit_text else None
    if pick is not None:
        value, label = pick
        graded = {s.iri for s in supports if "分别" in s.text}
        mine = next((a for a in found if a.support_iri in graded and a.value is not None and a.value == value
                     and a.kind == "fixed"), None)
        if mine is not None:
            named = replace(mine, formula=f"{label}：{format_yuan(value)} {mine.unit}", base=label)
            found = [named] + [a for a in found if a is not mine]
    return found





def _measures(index: SearchIndex, profile: EnterpriseProfile, k: int, lang: str,
              overseers: dict[str, list[ResponsibilityView]], infos: Mapping[str, DocumentInfo],
              today: date) -> list[MeasureMatch]:
    size = profile_size(profile)
    industry_words = _input_words(index, profile.industry)
    asks = _asks(profile)
    queries = _query_texts(profile)
    profile = _reading(profile)  # the checks and amounts read the needs and the plans alike
    inputs = [("industry", profile.industry, industry_words)] if profile.industry else []
    inputs += [("plan", plan, _input_words(index, plan)) for plan in asks]
    kinds = [kind for kind in ACTIONABLE_KINDS if kind in UNIT_KINDS]
    by_id = {u.id: u for u in index.units}
    by_document: dict[str, list[IndexUnit]] = {}
    for u in index.units:
        by_document.setdefault(u.document, []).append(u)
    terms = _instrument_terms(index.concepts)
    best: dict[str, MeasureMatch] = {}
    elsewhere: set[str] = set()  # units of another place's document (not named by the firm): listed last
    siblings: dict[str, str] = {}  # an item listing the asker's city → the item leaving it out (除第一项所列城市以外)
    validity: dict[str, tuple[date | None, str]] = {}
    relevant = False
    local = _local_documents(profile, infos, lang)
    asks_if_eligible = bool(_ASKS_IF_ELIGIBLE.search(" ".join([profile.needs, *profile.plans])))
    said = " ".join([profile.needs, *profile.plans])
    asks_figure = bool(_ASKS_HOW_MUCH.search(said)) and (bool(money_in(said)) or count_in(said) is not None)
    side = profile_audience(profile)
    facts = fact_groups(profile)  # the asker's relatives and places (我女儿, 奶奶, abroad): match_facts
    standards: dict[str, str] = {}  # a unit stating a share of a standard → the unit stating the standard
    claimed: dict[str, str] = {}  # a unit saying who claims an expense → the unit setting its deduction
    who_claims = asks_who_claims(profile)
    receivers = document_receivers(index.units, lang)  # 第二十五条 …提交扣缴义务人或者税务机关: each document's
    # Units whose refusal holds for the whole document (…等项目不适用本办法; 本办法适用于…，…的企业不予奖励)
    document_refusals: dict[str, list[IndexUnit]] = {}
    for u in index.units:
        if DOCUMENT_REFUSAL.search(u.text) and refusals(u.text, profile):
            document_refusals.setdefault(u.document, []).append(u)
    for query, plan in zip(queries, asks or [profile.industry]):
        plan_info = index.plan(query)
        kind_groups = [] if is_person(profile) else policy_term_groups(plan)
        situations = [] if is_person(profile) else situation_groups(plan)
        result = index.search(query, k=max(k, 10) * 2, kind=kinds)
        relevant = relevant or (result.relevant and plan not in profile.plans and bool(plan.strip()))
        hits = list(result.hits)
        if local:  # the firm's own place's documents, searched apart so that other places' do not crowd them out
            hits = _merged(hits, index.search(query, k=max(k, 10), kind=kinds, document=local).hits)
        hits = [h for h in hits if not is_data_table(h.text)]
        hits = _asked_safeguards(index, plan, terms, hits, kinds)
        if asks_if_eligible:
            hits = _deciding_units(index, query, profile, hits, kinds)
        hits = _listed_siblings(index, profile, hits, kinds, by_id, siblings)
        hits = with_full_rows(hits, by_document)  # a task row with its content column (search/match_rows.py)
        for hit in hits:
            unit = by_id.get(hit.iri)
            if unit is not None and not _actionable(unit):
                continue
            if not serves(f"{hit.heading} {hit.text}", side):
                continue  # a unit for persons only is no firm's support, one for firms only no person's
            reasons = _reasons(index, inputs, hit.text)
            if not result.relevant and not reasons and hit.iri not in siblings:
                continue  # nothing in the documents answers this plan: its nearest units are no match
            if size and _size_words(size, hit.text):
                reasons.append(MatchReason("size", profile.size or size, _size_words(size, hit.text)))
            concepts = _specific(index, [c.pref_label for c in hit.context.concepts if c.key in plan_info.concepts])
            words = [w for w in dict.fromkeys(w for r in reasons for w in r.words) if w not in concepts]
            # an item's list may close on a line bounding every item (单个企业年度贴息额最高不超过300万元): the article's
            # caps are the item's too, shown with their words and bounding its sum (search/match_closing)
            closing = closing_caps(unit, by_document.get(unit.document, []) if unit is not None else [])
            supports = list(hit.context.supports) + closing
            info = infos.get(hit.document)
            score = round(hit.score + 0.05 * len(reasons) + _support_weight(hit.context.supports, size)
                          + KIND_TERM_BOOST * sum(any(t in hit.text for t in g) for g in kind_groups)
                          + SITUATION_BOOST * sum(any(t in hit.text for t in g) for g in situations)
                          + fact_score(hit.text, facts), 4)
            if hit.iri in best and score <= best[hit.iri].score:
                continue
            contacts, no_owner = contacts_of(hit.context.owners, hit.document, overseers, lang, info)
            contacts = answering_contacts(contacts, hit.context.owners, hit.text, query, hit.document, overseers, lang, info,
                                          hit.start)
            payer = payer_contact(hit.text, info, lang) if no_owner else None
            if payer is not None:  # the unit names no owner but says who pays (由县财政补助给企业): that body first
                contacts = [payer] + [c for c in contacts if c.agent_iri != payer.agent_iri]
            receiver = receiver_contact(hit.text, info, lang) if no_owner and payer is None else None
            if receiver is not None:  # the unit says where applicants submit (提交…税务机关): that body before the issuer
                contacts = [receiver] + [c for c in contacts if c.agent_iri != receiver.agent_iri]
            elif no_owner and payer is None and hit.document in receivers:  # another unit of its document says so:
                contacts = contacts + [receivers[hit.document]]  # shown too, after the body answerable for the rule
            verifier = verifier_contact(hit.text, info, lang) if no_owner and payer is None and receiver is None else None
            if verifier is not None:  # the unit names no owner but who approves what qualifies (通过县水务局验收)
                contacts = [verifier] + [c for c in contacts if c.agent_iri != verifier.agent_iri]
            if hit.document not in validity:
                validity[hit.document] = document_validity_of(index, hit.document, info)
            own_until, own_text = own_period(hit.text, supports)  # its own words' period, else the document's
            until, until_text = (own_until, own_text) if own_until else validity[hit.document]
            place = place_check(profile, info, unit.document_title if unit else "", lang)
            if place is not None and place.status == "met":
                score = round(score + LOCAL_BOOST, 4)  # a local document where the firm is: its own policy
            elif place is not None and place.status == "failed" and not _names_place(profile, info):
                score = round(score - ELSEWHERE_PENALTY, 4)  # another place's policy: shown, but below
                elsewhere.add(hit.iri)
            meant = _asked_item(size_alternatives(size_tiers(supports_for(profile, supports), profile), profile),
                                hit.text, hit.start, profile)
            # a person's loan, or the firm's: not
            # both at once; of a rate by size (大型企业按30%，中小微企业按60%), the firm's own tier
            conditions = _unit_conditions(unit, meant) if unit is not None else []
            extra = ([place] if place is not None else scope_check(hit.text, profile, lang, hit.start)
                     + zone_checks(hit.text, profile, lang, hit.start))  # a national rule for one zone (先行区内)
            extra += prohibitions(hit.text, profile, hit.start)
            extra += exclusions(hit.text, profile, hit.start, plan_info.translation_terms)
            extra += unmet_requirements(hit.text, profile, hit.start) + refusals(hit.text, profile, hit.start)
            extra += relative_age_checks(hit.text, profile, hit.start) + duration_checks(hit.text, profile, hit.start)
            extra += survivor_checks(hit.text, profile, hit.start) + excluded_by_reference(unit, index.units, profile,
                                                                                           hit.start, lang)
            extra += layoff_checks(hit.text, profile, hit.start) + industry_list_checks(hit.text, profile, hit.start)
            extra += ratio_checks(hit.text, profile, hit.start) + one_only_checks(hit.text, profile, hit.start)
            extra += government_recipients(hit.text, profile, hit.start, lang)  # 对…的省（市）给予: not the asker's
            extra += government_task(hit.text, getattr(unit, "function", "") if unit else "", bool(supports), profile,
                                     hit.start, lang)  # 各地要…; 编制行政许可事项清单: governments' work, no one's support
            extra += withdrawn_checks(hit.text, profile, hit.start)  # 已取消…基金: the thing asked for is gone
            circumstances = stated_circumstances(hit.text, profile, lang, hit.start)  # 独生子女, 首套住房贷款
            extra += circumstances
            for u in document_refusals.get(hit.document, []):  # the document's own scope turns this firm away
                if u.id != hit.iri and u.text not in hit.text:
                    extra += refusals(u.text, profile, u.start)
            extra += [c for c in (threshold_check(s, profile, hit.text, hit.start) for s in meant) if c is not None]
            for s in meant:  # a base below the lowest grade of graded rates: the lowest grade is not reached
                graded = graded_rate(hit.text, s, profile)
                if graded is not None and graded[2]:
                    extra.append(ConditionCheck("failed", "needs", graded[1], graded[1], s.start, s.end))
            extra += [c for c in quantity_bounds(hit.text, profile, hit.start)  # an area's bound no support states
                      if not any(e.start <= c.start < e.end or c.start <= e.start < c.end for e in extra)]
            extra += [c for c in record_years(hit.text, profile, today, hit.start)  # 5年以上…业绩 against the founding
                      if not any(e.start <= c.start < e.end or c.start <= e.start < c.end for e in extra)]
            extra += [c for c in count_floors(hit.text, profile, hit.start)  # a head count's floor (存栏100头以上)
                      if not any(e.start <= c.start < e.end or c.start <= e.start < c.end for e in extra)]
            extra += [c for c in range_bounds(hit.text, profile, hit.start)  # a tier's band (200亩（含）至500亩的)
                      if not any(e.start <= c.start < e.end or c.start <= e.start < c.end for e in extra)]
            extra += [c for c in money_bounds(hit.text, profile, hit.start)  # a sum's bound (单笔金额不低于500万元)
                      if not any(e.start <= c.start < e.end or c.start <= e.start < c.end for e in extra)
                      and not any(s.kind == "threshold" and c.start <= s.start < c.end for s in supports)]
            verdict = verdict_of(conditions, profile, today, until, until_text, lang, extra=extra,
                                 groups=alternative_groups(hit.text, hit.start), either=or_groups(hit.text, hit.start))
            if place is not None and place.status == "unknown" and place.text in UNKNOWN_PLACE.values():
                verdict = replace(verdict, asks=[place.detail if a == field_prompt("place", lang) else a
                                                 for a in verdict.asks])  # nothing the asker can fill in
            if fact_asks(verdict.checks, lang):  # the fact to state, not only the field to write it in
                generic = field_prompt("needs", lang)  # the needs field is where the fact goes: said once
                verdict = replace(verdict, asks=list(dict.fromkeys([*fact_asks(verdict.checks, lang),
                                                                    *(a for a in verdict.asks if a != generic)])))
            verdict = replace(verdict, to_confirm=unchecked_conditions(meant, verdict.checks, hit.text, hit.start))
            # the place (a document's, or its district's: 注册地…均在浑南区) decides whose policy it is, not whether a firm
            # there qualifies: another place's unit failing on it is no answer to 够条件吗
            # a circumstance the asker's words hold or contradict (独生子女) decides the verdict, not which unit answers
            # and a unit given to governments (field recipient) answers no asker's 够条件吗 by refusing it
            judged = [c for c in verdict.checks if c.field not in PLACE_FIELDS and c.field != "recipient"
                      and c not in circumstances]
            if asks_if_eligible and not any(c.field in PLACE_FIELDS and c.status == "failed" for c in verdict.checks) \
                    and any(c.status in ("met", "failed") for c in judged):
                score = round(score + JUDGED_BOOST, 4)  # 够条件吗: the unit whose condition decides it answers
                if any(c.status == "failed" for c in judged):
                    score = round(score + REFUSED_BOOST, 4)  # and a "no" on its own facts must not sink below a "yes"
                                                             # that only comes from a unit stating no condition
            instruments = _document_instruments(index, hit.document, hit.iri, lang, terms, overseers, info, side)
            standard = referenced_standard(unit, index.units) if unit is not None else None
            if standard is not None:
                standards[hit.iri] = standard.id
            expenses = claimed_expenses(unit, index.units) if unit is not None and who_claims else []
            if expenses:
                claimed[hit.iri] = [e.id for e in expenses]
            amounts = (label_cases(_amounts(meant, profile, lang, f"{query} {' '.join(plan_info.translation_terms)}",
                                            hit.text), meant, hit.text, hit.start, lang == "zh")
                       + share_amounts(unit, standard, profile, lang) + text_amounts(unit, supports, profile, lang)
                       + bounded_amounts(unit, profile, lang))
            amounts = closing_capped(amounts, closing, lang)
            amounts = quota_shares(unit, profile, lang) + amounts  # 均摊 a quota: each claimant's part first
            if unit is not None and not any(a.value is not None for a in amounts):  # a case under another's standard
                amounts += case_amounts(unit, case_standard(unit, index.units), profile, lang)
            if asks_figure and any(a.value is not None and a.base_value is not None for a in amounts):
                score = round(score + FIGURE_BOOST, 4)  # worked out on the firm's own sum: it answers 多少
            best[hit.iri] = MeasureMatch(
                hit.iri, hit.path, hit.heading, hit.text, hit.document, score, render_reason(reasons, lang), reasons,
                words, concepts, plan, contacts, no_owner, supports, kind=hit.kind,
                function=getattr(unit, "function", "") if unit else "", verdict=verdict,
                amounts=amounts,
                instruments=instruments, start=hit.start, end=hit.end)
    if not relevant and not any(m.reasons for m in best.values()):
        return []  # no input shares a word with any measure and nothing answers the needs: nothing fits
    for sibling, leaving in siblings.items():  # the item whose rule is the asker's, above the one that excludes them
        if sibling in best and leaving in best and best[sibling].score <= best[leaving].score:
            best[sibling] = replace(best[sibling], score=round(best[leaving].score + SPLIT_BOOST, 4))
    if asks_to_split(profile):  # 夫妻平摊: the rule stating the split answers, right above the standard it splits
        for iri, standard_id in standards.items():
            if standard_id in best and best[iri].score <= best[standard_id].score:
                best[iri] = replace(best[iri], score=round(best[standard_id].score + SPLIT_BOOST, 4))
    for iri, expense_ids in claimed.items():  # 由我来扣: the rule on who claims answers, with the sum it claims
        # of an article's items (（一）1500元；（二）1100元), the one that holds for the asker (not failed on their city)
        held = [e for e in expense_ids if e in best and not (best[e].verdict and best[e].verdict.status == "not_eligible")]
        expense_id = (held or [e for e in expense_ids if e in best] or [""])[-1]
        if expense_id in best and best[iri].score <= best[expense_id].score + SPLIT_BOOST:
            where = best[expense_id].path or best[expense_id].heading
            carried = [replace(a, formula=f"{a.formula}（{where}）" if lang == "zh" else f"{a.formula} ({where})")
                       for a in best[expense_id].amounts if a.value is not None]
            if by_id.get(iri) is not None and by_id.get(expense_id) is not None:  # 分别计算: each person's sum, added up
                carried = separate_sums(by_id[iri], by_id[expense_id], profile, lang) + carried
            best[iri] = replace(best[iri], score=round(best[expense_id].score + SPLIT_BOOST, 4),
                                amounts=[*best[iri].amounts, *carried])
    best = _met_tier_first(best)
    # another place's units come after every unit that may apply where the firm is (a national rule, its own
    # place's): shown with the place as the failing condition, never before an answer the firm can use
    return sorted(_safeguards_after_actions(best.values()), key=lambda m: (m.iri in elsewhere, -m.score))[:k]


# The item mark ending a tier's path: 第四条（二）, 三（1）, 2.(3)
_ITEM_MARK = re.compile(r"(?:（[一二三四五六七八九十0-9]+）|\([0-9]+\)|[0-9]+[.、]?)$")


def _met_tier_first(best: dict[str, MeasureMatch]) -> dict[str, MeasureMatch]:
    """Of the tiers of one list (第四条（一）200亩至500亩…50元；（二）500亩至1000亩…80元；（三）1000亩以上…100元), each
    working out a sum on the asker's own figure, the one tier the asker meets comes right above the tiers they
    fail: the search ranks the tiers by words they share, which all share, and the failed tier's sum is not theirs."""
    groups: dict[tuple[str, str], list[MeasureMatch]] = {}
    for m in best.values():
        parent = _ITEM_MARK.sub("", m.path or "")
        if parent and parent != m.path and any(a.value is not None and a.base_value is not None for a in m.amounts):
            groups.setdefault((m.document, parent), []).append(m)
    for tiers in groups.values():
        met = [m for m in tiers if m.verdict is not None and m.verdict.status == "eligible"]
        failed = [m for m in tiers if m.verdict is not None and m.verdict.status == "not_eligible"]
        if len(met) != 1 or not failed:
            continue
        top = max(m.score for m in failed)
        if met[0].score <= top:
            best[met[0].iri] = replace(met[0], score=round(top + SPLIT_BOOST, 4))
    return best


# A rate raised for a case: 列入区级重点技术改造项目计划的，补助比例提高到10%; 项目列入省级以上重点技术改造项目…的，补助比例提高到10%
_RAISED = re.compile(r"(?P<case>[^，,。；;]{4,50}?)的[，,](?:[\u4e00-\u9fff]{0,4}?)(?:比例|标准)?提高(?:到|至)(?P<rate>[0-9]+(?:\.[0-9]+)?)[%％]")
# Words of a case that say nothing of which case it is
_CASE_GENERIC = {"项目", "列入", "纳入", "企业", "对于", "其中"}
# The asker saying its project is not such a case: 这个项目不是省里挂牌的重点项目; not on the list
_NOT_CASE = re.compile(r"不是|并非|不属于|没有列入|未列入|没列入|没有纳入|未纳入|\bnot\b|\bisn't\b", re.IGNORECASE)


def _raised_rates(found: list[Amount], supports: Sequence[SupportView], profile: EnterpriseProfile, lang: str,
                  asked: str, unit_text: str) -> list[Amount]:
    """A rate the unit raises for a case (列入区级重点技术改造项目计划的，补助比例提高到10%), worked on the base of the
    rate it raises, first, when the asker's words (or, for English words, the policy terms they translate to) name
    that case and do not deny it (这个项目不是…重点项目): most of the case's words, three pairs of characters at
    least, or three of the policy terms English words translate to.  The raised support's own cap holds, else the cap of the rate it raises.  The amounts as they are
    otherwise."""
    said = " ".join((profile.needs, *profile.plans))
    wanted = bigrams(asked) | bigrams(said)
    for m in _RAISED.finditer(unit_text or ""):
        case = re.sub(r"^(?:对|凡|其中|企业|项目)+", "", m.group("case").strip())
        words = bigrams(case) - {w for w in bigrams(case) if w in _CASE_GENERIC}
        shared = words & wanted
        # English words name it through the policy terms they translate to (key retrofit projects → 重点, 改造, 计划)
        terms = {t for t in asked.split() if re.fullmatch(r"[\u4e00-\u9fff]{2,6}", t) and t not in _CASE_GENERIC
                 and t in case}
        # a case that is a share one sum makes of another (研发费用占营业收入比重达到5%以上): the asker's own figures
        # decide it, met or not, whatever words they share with it
        ratio = ratio_checks(m.group("case"), profile)
        if ratio and any(c.status == "failed" for c in ratio):
            continue
        if (len(shared) < 3 or len(shared) < 0.4 * len(words)) and len(terms) < 3 and not ratio:
            continue
        clauses = [c for c in re.split(r"[。，,；;！!？?]|(?<=[a-z])\.\s", said) if c.strip()]
        if any(_NOT_CASE.search(c) and len(bigrams(c) & words) >= 2 for c in clauses):
            continue  # the asker says its project is no such case
        rate = Decimal(m.group("rate"))
        raised = next((s for s in supports if s.rate is not None and Decimal(str(s.rate)) == rate), None)
        base = next((a for a in found if a.value is not None and a.base_value is not None and a.rate is not None
                     and Decimal(str(a.rate)) < rate), None)
        if raised is None or base is None:
            continue
        own_cap = to_yuan(raised.cap, raised.unit) if raised.cap is not None and raised.unit else None
        cap = own_cap if own_cap is not None else base.cap
        value = (Decimal(str(base.base_value)) * rate / 100).quantize(Decimal("0.01")).normalize()
        value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value
        zh = lang == "zh"
        formula = f"{case}：{rate}% × {format_yuan(base.base_value)} 元 = {format_yuan(value)} 元"
        kind = "rate"
        if cap is not None and value > cap:
            value, kind = cap, "cap"
            formula += f"，高于最高 {format_yuan(cap)} 元 → {format_yuan(cap)} 元" if zh else \
                f", above the cap of {format_yuan(cap)} 元 → {format_yuan(cap)} 元"
        elif cap is not None:
            formula += f"（不超过 {format_yuan(cap)} 元）" if zh else f" (cap {format_yuan(cap)} 元)"
        mine = Amount(value, "元", kind, formula, rate, base.base, base.base_field, base.base_value, cap, raised.iri,
                      m.group(0))
        found = [mine] + [a for a in found if a.support_iri != raised.iri]
    return found


# A cap for one type of firm: 科技型单户企业年贴息上限50万元; 专精特新企业每户最高100万元
_TYPED_CAP = re.compile(r"^(?P<type>[\u4e00-\u9fff]{2,8}?)(?:企业)?(?:单户|每户|单个|每家|单家)")
_NOT_TYPE = re.compile(r"(?:不是|并非|非|也不是|还不是)\s*$")


def _typed_caps(found: list[Amount], supports: Sequence[SupportView], profile: EnterpriseProfile,
                lang: str) -> list[Amount]:
    """A rate's amount with no cap of its own, capped by the cap the unit sets for the firm's own type (科技型单户企业
    年贴息上限50万元 for a firm that says it is 科技型, not 专精特新): the one typed cap whose type the firm's words
    claim and do not deny; the amounts as they are otherwise."""
    said = " ".join((profile.needs, *profile.plans, profile.industry))
    typed = []
    for s in supports:
        m = _TYPED_CAP.match(s.text.strip())
        if s.cap is None or s.rate is not None or s.amount is not None or not m:
            continue
        at = said.find(m.group("type"))
        if at >= 0 and not _NOT_TYPE.search(said[max(0, at - 6):at]):
            typed.append(s)
    if len(typed) != 1:
        return found
    from .eligibility import _cap_as_written

    cap = _cap_as_written(typed[0])
    if cap is None:
        return found
    out = []
    for a in found:
        if a.kind == "rate" and a.cap is None and a.value is not None and a.value > cap:
            words = re.split(r"[（(，,；;]", typed[0].text.strip())[0]
            note = (f"，高于{words} → {format_yuan(cap)} 元" if lang == "zh"
                    else f", above the cap for this type ({words}) → {format_yuan(cap)} 元")
            a = replace(a, value=cap, kind="cap", cap=cap, formula=a.formula + note)
        out.append(a)
    return out


# Where a unit's items begin: 一是…二是…
_ITEM_START = re.compile(r"(?<=[。；;：:\n])\s*(?=[一二三四五六七八九十]是)|^(?=[一二三四五六七八九十]是)")


def _asked_item(supports: list[SupportView], text: str, start: int, profile: EnterpriseProfile) -> list[SupportView]:
    """Of a unit of several items each offering its own support (一是节能改造奖励…二是节水改造奖励…), the supports of
    the item the firm's words are about: the item sharing the most words with them, clearly more than any other
    (three shared pairs of characters at least, half again as many as the next); all of them otherwise.  Another
    item's thresholds and conditions do not judge a firm that asks about this one."""
    cuts = sorted({0, *(m.start() for m in _ITEM_START.finditer(text)), len(text)})
    spans = [(a, b) for a, b in zip(cuts, cuts[1:]) if text[a:b].strip()]
    pays = [s for s in supports if s.kind not in ("threshold", "time-limit")]
    holding = [(a, b) for a, b in spans if any(a <= s.start - start < b for s in pays)]
    if len(holding) < 2:
        return supports
    wanted = bigrams(" ".join((profile.needs, *profile.plans)))
    scored = sorted(((len(bigrams(text[a:b]) & wanted), (a, b)) for a, b in holding), reverse=True)
    best, second = scored[0][0], scored[1][0]
    if best < 3 or best < 1.5 * second:
        return supports
    a, b = scored[0][1]
    return [s for s in supports if a <= s.start - start < b] or supports


def _merged(everywhere: Sequence[Any], own: Sequence[Any]) -> list[Any]:
    """The hits of the search over all documents and of the search over the firm's own place's documents, one list:
    a unit found by both keeps the higher of its two scores, as each search gives it.

    The two scores are not on one scale (each search fuses and boosts within its own pool:
    search/boosts.raise_distinctive), yet putting them on one did worse where measured: rescaling the own search's
    scores by the ratio of the two searches' best, raising them only (never below their own), and giving the own
    search's i-th hit the wider search's i-th score each won back one r5 profile (hit@3 17 -> 18/20, verdict 16 -> 17/19)
    but lost one first contact on the untouched set (16 -> 15/20) and on r7 (29 -> 28/32, a profile whose unit is not
    in the first three either way); tune, fresh, r4 and r6 were the same.  So the scores are compared as they are,
    until a merge is found that loses nowhere."""
    ranked = {h.iri: h for h in everywhere}
    for h in own:
        if h.iri not in ranked or h.score > ranked[h.iri].score:  # its rank among its own, if higher
            ranked[h.iri] = h
    return list(ranked.values())


def _asked_safeguards(index: SearchIndex, plan: str, terms: dict[str, list[str]], hits: Sequence[Any],
                      kinds: Sequence[str]) -> list[Any]:
    """The hits, with the 保障措施 of the best-matched documents that offer the kind of support the firm's words ask
    for (跑审批 → 深化审批改革; 贷款 → 加强产融合作) scored as their document's best hit: _safeguards_after_actions
    then places each right below the task the project falls under, however far its wording is from the firm's."""
    asked = _asked_kinds(index, plan, terms) if plan and "safeguard" in kinds else {}
    words = [w for found in asked.values() for w in found]
    top: dict[str, float] = {}
    for h in sorted(hits, key=lambda h: -h.score)[:3]:
        top.setdefault(h.document, h.score)
    if not words or not top:
        return list(hits)
    out = list(hits)
    for h in index.search(" ".join(words), k=5, kind="safeguard", document=list(top)).hits:
        if any(w in h.text for w in words):
            out = [x for x in out if x.iri != h.iri] + [replace(h, score=top[h.document])]
    return out


def _listed_siblings(index: SearchIndex, profile: EnterpriseProfile, hits: Sequence[Any], kinds: Sequence[str],
                     by_id: Mapping[str, IndexUnit], siblings: dict[str, str]) -> list[Any]:
    """The hits, with the sibling item that lists the asker's city beside each hit that leaves it out (第十七条（一）
    beside 第十七条（二）'s 除第一项所列城市以外 for a renter in 杭州), scored just above it: the item whose rule is
    the asker's answers, the one that excludes them follows (``siblings`` maps each such item to the hit leaving
    the asker out: it answers though it shares no word with the asker's, and is ranked above that hit)."""
    out = list(hits)
    index_of = {x.iri: i for i, x in enumerate(out)}
    for h in sorted(hits, key=lambda h: -h.score)[:20]:
        sibling = listed_sibling(by_id.get(h.iri), index.units, profile)
        if sibling is None:
            continue
        found = next((x for x in index.search(sibling.text[:120], k=10, kind=kinds, document=[h.document]).hits
                      if x.iri == sibling.id), None)
        if found is not None:
            siblings[sibling.id] = h.iri
            if sibling.id not in index_of:
                index_of[sibling.id] = len(out)
                out.append(found)
            lifted = replace(found, score=round(h.score + SPLIT_BOOST, 4))
            out.append(lifted)  # beside any hit of it already there: the higher score counts
    return out


def _deciding_units(index: SearchIndex, query: str, profile: EnterpriseProfile, hits: Sequence[Any],
                    kinds: Sequence[str]) -> list[Any]:
    """The hits, with the units of the best-matched documents whose words say no on the asker's own facts (被赡养人
    是指年满60岁的父母 for a mother of 58; 水泥项目不属于…范围 for a cement works) wherever retrieval ranked them, scored
    as their document's best hit: a definition or a refusal decides 够条件吗 though it shares few words with it."""
    top: dict[str, float] = {}
    for h in sorted(hits, key=lambda h: -h.score)[:3]:
        top.setdefault(h.document, h.score)
    if not top:
        return list(hits)
    have = {h.iri for h in hits}
    out = list(hits)
    for h in index.search(query, k=60, kind=kinds, document=list(top)).hits:
        says_no = any(c.status == "failed" for c in relative_age_checks(h.text, profile) + duration_checks(h.text, profile)
                      + survivor_checks(h.text, profile)) \
            or refusals(h.text, profile) or one_only_checks(h.text, profile)
        if h.iri not in have and says_no:
            out.append(replace(h, score=top[h.document]))
    return out


def _safeguards_after_actions(matches: Iterable[MeasureMatch]) -> list[MeasureMatch]:
    """A document's 保障措施 (kind ``safeguard``) placed just below its best-matched action unit: their funds,
    tax, financing and land support is shown with every action unit of the document (``instruments``), so the
    task the firm's project falls under answers first, and the safeguard follows it (a firm that asks for a loan
    still sees 加强产融合作 second, not instead of its task)."""
    matches = list(matches)
    best_action: dict[str, float] = {}
    for m in matches:
        if m.kind != "safeguard":
            best_action[m.document] = max(best_action.get(m.document, m.score), m.score)
    out = []
    for m in matches:
        top = best_action.get(m.document)
        if m.kind == "safeguard" and top is not None and m.score >= top:
            m = replace(m, score=round(top - 0.001, 4))
        out.append(m)
    return out










def match_enterprise(index: SearchIndex, profile: EnterpriseProfile, k: int = 10, lang: str = "zh",
                     jurisdictions: Sequence[str] = (), documents: Iterable[Any] = (),
                     today: date | None = None) -> MatchResult:
    """Units ranked by fit to the profile's plans or needs, each with its verdict, amounts, contacts and the
    document's support that applies to it; and the support instruments chosen for this enterprise.  Reasons in
    ``lang`` (zh | en); ``jurisdictions`` are the documents' (上海市), for the district government's office;
    ``documents`` the documents' views (kg.queries.list_documents: issuers, period); ``today`` the reference date
    for expiry (default: the system's date)."""
    lang = "en" if lang == "en" else "zh"
    today = today or date.today()
    overseers = document_overseers(index.units)
    infos = {info.slug: info for info in (d if isinstance(d, DocumentInfo) else document_info(d) for d in documents)}
    measures = _measures(index, profile, k, lang, overseers, infos, today)
    return MatchResult(profile, measures, _instruments(index, profile, k, lang, overseers, infos, measures),
                       district_office(profile.district or profile.place, jurisdictions, lang), lang, today)
