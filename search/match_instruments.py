"""The support instruments a document offers (funds, tax, financing, land, approvals) and which of them apply to an
enterprise, with the words that explain every match in the page's language.

Kept apart from the ranking of measures (search/match.py) because both the measures (each unit's document support)
and the instrument list use it: an instrument is kept only when something about the enterprise (a plan asking for
that kind, its size, its industry, a matched unit of the same document) points to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence

from ingest.conditions import vocabulary
from kg.views import EnterpriseProfile, InstrumentMatch, MatchReason, MeasureMatch

from .audience import profile_audience, serves
from .eligibility import profile_size
from .hybrid import SearchIndex
from .lexicon import ConceptLabels
from .match_contacts import DocumentInfo, contacts_of, place_check
from .types import IndexUnit, ResponsibilityView, SupportView

# The support instruments a document can offer, with the words that name them in policy text, and their labels:
# data (ingest/data/instruments.json).  The scheme's support-instrument concepts (SUPPORT_GROUP) add their labels
# through SCHEME_KINDS.
INSTRUMENT_KINDS: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in vocabulary()["instruments"].items()}
KIND_LABELS: dict[str, dict[str, str]] = vocabulary()["instrument_labels"]
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
# A term found in more than this share of the units (改造, 技术, 企业 in the seed) explains no match.
GENERIC_SHARE = 0.2
# Words of a sentence that address an enterprise size (data: ingest/data/instruments.json)
_SIZE_WORDS: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in vocabulary()["size_words"].items()}
_SENTENCE = re.compile(r"[^。；]+[。；]?")
_INPUT_LABELS = {"industry": ("行业", "industry"), "plan": ("计划", "plan"), "size": ("规模", "size"),
                 "district": ("所在区", "district"), "document": ("文件的", "the document's")}
_SIZE_NAMES = {"small": ("小型", "small"), "medium": ("中型", "medium"), "large": ("大型", "large")}


# What a unit does that an enterprise can act on (Unit.function), else the structural kinds that carry such work.
# A decision counts: a reply's 同意…享受…相关政策 or 由…省人民政府实施审批 is the very grant a firm asks about.
ACTIONABLE_FUNCTIONS = ("support", "action", "rule", "decision")
ACTIONABLE_KINDS = ("measure", "item", "article", "task", "task_row", "paragraph", "safeguard", "section", "chapter",
                    "annex", "notice", "closing")  # a closing that states a rule (另外，白银…参照黄金税收的有关政策执行)

# Added to an instrument of a local document where the firm is, and of one elsewhere
INSTRUMENT_LOCAL = 0.5
INSTRUMENT_ELSEWHERE = -1.0
# Headings of units that offer a document's general support (保障措施 and the like)
_GENERAL_SUPPORT = re.compile(r"保障|政策支持|财政支持|资金支持|金融支持|财税|融资|用地|要素|支持政策|扶持政策|产融")



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
    return (index.tokenizer.words(text) + list(plan.lexical_terms) + list(plan.industry_terms)
            + list(plan.translation_terms))  # an English profile's words stand for Chinese ones


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


def sentences_of(unit: IndexUnit) -> Iterator[tuple[str, int, int]]:
    """The unit's sentences (to 。 or ；), each stripped, with its span in the document's source: a unit's text
    is the source from ``unit.start`` to ``unit.end``, so a sentence at offset i of it starts at start + i."""
    for m in _SENTENCE.finditer(unit.text):
        sentence = m.group()
        stripped = sentence.strip()
        if not stripped:
            continue
        begin = unit.start + m.start() + (len(sentence) - len(sentence.lstrip()))
        yield stripped, begin, begin + len(stripped)


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




def _actionable(unit: IndexUnit) -> bool:
    function = getattr(unit, "function", "") or ""
    if function == "duty" and _pays(unit):  # 市财政局…对…企业按照LPR的50%给予贴息: a bureau's duty that states what it pays
        return True
    return function in ACTIONABLE_FUNCTIONS if function else unit.kind in ACTIONABLE_KINDS


def _pays(unit: IndexUnit) -> bool:
    """Does the unit state a sum or a rate paid (给予贴息, 给予补助), not only who is in charge?"""
    return any((s.rate is not None or s.amount is not None) and s.kind not in ("threshold", "time-limit")
               for s in unit.context.supports)


def _document_instruments(index: SearchIndex, slug: str, skip: str, lang: str, terms: dict[str, list[str]],
                          overseers: dict[str, list[ResponsibilityView]],
                          info: DocumentInfo | None, side: str = "") -> list[InstrumentMatch]:
    """The support a document offers to all its work (funds, tax, financing, land, approvals in its 保障措施 or
    policy-support units): one per kind and sentence, whether or not the firm's words name the kind."""
    found: list[InstrumentMatch] = []
    for unit in index.units:
        if unit.document != slug or unit.id == skip or unit.kind == "target":
            continue
        if unit.kind != "safeguard" and not _GENERAL_SUPPORT.search(unit.title or ""):
            continue
        for sentence, start, end in sentences_of(unit):
            if not serves(sentence, side, unit.text):
                continue  # a person's support (个人创业担保贷款) is no firm's, nor a firm's a person's
            for kind, words in terms.items():
                hit = [w for w in words if w in sentence]
                if not hit:
                    continue
                reason = MatchReason("document", unit.title, hit[:3], "", kind)
                contacts, no_owner = contacts_of(unit.context.owners, unit.document, overseers, lang, info)
                supports = [s for s in unit.context.supports if s.text and s.text in sentence]
                text = (f"文件对其各项工作提供{KIND_LABELS[kind]['zh']}：原文写有{'、'.join(_q(w, lang) for w in hit[:3])}"
                        if lang == "zh" else f"the document offers {KIND_LABELS[kind]['en']} to all its work: "
                        f"the text names {', '.join(_q(w, lang) for w in hit[:3])}")
                found.append(InstrumentMatch(kind, KIND_LABELS[kind][lang], hit[0], unit.id, unit.path, unit.title,
                                             sentence, unit.document, 0.5, text, [reason], contacts, no_owner,
                                             supports, start, end))
    order = list(INSTRUMENT_KINDS)  # funds, tax, financing, land, approvals: money first
    return sorted(found, key=lambda i: (order.index(i.kind) if i.kind in order else len(order), i.path))


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
                 overseers: dict[str, list[ResponsibilityView]], infos: Mapping[str, DocumentInfo],
                 measures: Sequence[MeasureMatch] = ()) -> list[InstrumentMatch]:
    """Support instruments for this enterprise: those its plans ask for, its size or industry points to, and
    the general support of the documents of its best-matched units (whether or not its words name the kind)."""
    terms = _instrument_terms(index.concepts)
    size = profile_size(profile)
    asks = list(profile.plans) or ([profile.needs] if profile.needs.strip() else [])
    asked = {plan: _asked_kinds(index, plan, terms) for plan in asks}
    industry_words = [w for w in _input_words(index, profile.industry) if index.document_share(w) <= GENERIC_SHARE]
    applies = {m.document for m in measures[:3]}
    best: dict[tuple[str, str], InstrumentMatch] = {}
    places = _instrument_places(profile, infos, lang)
    side = profile_audience(profile)
    candidates = (u for u in index.units if u.kind == "safeguard" or (u.kind != "target" and u.context.supports
                                                                         and _actionable(u)))
    for unit in candidates:
        if places.get(unit.document) == INSTRUMENT_ELSEWHERE and not names_place(profile, infos.get(unit.document)):
            continue  # another place's support is no instrument for this firm (its units stay among the measures)
        general = unit.document in applies and (unit.kind == "safeguard" or _GENERAL_SUPPORT.search(unit.title or ""))
        for sentence, start, end in sentences_of(unit):
            if not serves(sentence, side, unit.text):
                continue
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
                if general and not reasons:  # the document of a matched unit offers it to all its work
                    reasons.append(MatchReason("document", unit.title, found[:3], "", kind))
                    score += 0.5
                if not reasons:
                    continue  # nothing about this enterprise points here
                supports = [s for s in unit.context.supports if s.text and s.text in sentence]
                score += _support_weight(supports, size) + places.get(unit.document, 0.0)
                contacts, no_owner = contacts_of(unit.context.owners, unit.document, overseers, lang,
                                               infos.get(unit.document))
                match = InstrumentMatch(kind, KIND_LABELS[kind][lang], found[0], unit.id, unit.path, unit.title,
                                        sentence, unit.document, round(score, 3), render_reason(reasons, lang),
                                        reasons, contacts, no_owner, supports, start, end)
                key = (kind, unit.id)
                if key not in best or (match.score, len(found)) > (best[key].score, len(best[key].label)):
                    best[key] = match
    order = list(INSTRUMENT_KINDS)  # at equal scores money first (funds, tax, financing, land, approvals), not A-Z
    return sorted(best.values(), key=lambda m: (-m.score, order.index(m.kind) if m.kind in order else len(order),
                                                m.path))[:k]


def names_place(profile: EnterpriseProfile, info: DocumentInfo | None) -> bool:
    """Do the needs name the document's place (上海那边认不认; Shanghai's scheme)?  A firm elsewhere asking about
    that place's policy asks about that very document: it is not pushed below the others, though its verdict
    still fails on place."""
    from .match_contacts import addressed_government
    from .places import NATIONAL, shipped_places

    where = info.jurisdiction if info else ""
    if info is not None and (not where or where == "中华人民共和国"):
        where = addressed_government(info.addressees)  # a reply to one government's requests (辽宁省人民政府：…)
    name = re.sub(r"(?:特别行政区|自治区|省|市|区|县)$", "", where)
    if len(name) < 2:
        return False
    places = shipped_places()
    # a place inside the document's (大连 for 辽宁's text) names it as well
    asked = places.with_ancestors(places.in_question(" ".join((profile.needs, *profile.plans)))) - {NATIONAL}
    return name in profile.needs or bool(asked & places.in_question(where))


def _instrument_places(profile: EnterpriseProfile, infos: Mapping[str, DocumentInfo], lang: str) -> dict[str, float]:
    """Per local document, what its place adds to an instrument's score: the firm's own place's support first
    (INSTRUMENT_LOCAL), another place's INSTRUMENT_ELSEWHERE: 江西's export subsidy is no instrument for a firm in
    上海, and is left out (it stays listed, with its verdict, among the measures), unless the firm's words name
    江西 (names_place): then it is listed last."""
    if not (profile.place or profile.district):
        return {}
    weights = {}
    for slug, info in infos.items():
        check = place_check(profile, info, info.title, lang)
        if check is not None and check.status in ("met", "failed"):
            weights[slug] = INSTRUMENT_LOCAL if check.status == "met" else INSTRUMENT_ELSEWHERE
    return weights
