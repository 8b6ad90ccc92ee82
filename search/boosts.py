"""What the fused scores are raised or lowered by once both retrievers have spoken: a number asked for (targets), the
kind of fact asked for (who, when, how much support, how often, the text as a whole: search/routing.py), annexes and other unit
kinds, and the place a question names.  Split from hybrid.py: the facts of each unit are read once, at load."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .expand import QueryPlan
from .routing import (
    asked_facts,
    asked_time_kinds,
    asks_reply,
    names_itself,
    only_announces,
    stated_facts,
    stated_figures,
    stated_time_kinds,
    states_frequency,
    states_in_force,
    states_lead_person,
    states_owner,
    states_penalty,
    states_person,
    states_support,
    states_time,
)
from .sentences import split_sentences
from .settings import SearchSettings
from .types import IndexUnit

__all__ = ["UnitFacts", "adjust", "lower_denied", "raise_asked_time", "raise_distinctive"]


@dataclass(frozen=True, slots=True)
class UnitFacts:
    """Per unit row: its kind, whether it states its owner, a time, a support amount, names its own text; the
    places of its document; whether it states a target (and, for a goal, whether it holds any)."""

    kind: np.ndarray
    states_owner: np.ndarray
    states_time: np.ndarray
    states_support: np.ndarray
    states_frequency: np.ndarray
    names_itself: np.ndarray
    only_announces: np.ndarray
    is_target: np.ndarray
    goal_with_targets: np.ndarray
    places: Sequence[frozenset[str] | set[str]]
    document: np.ndarray | None = None  # each row's document slug
    start: np.ndarray | None = None  # … and where the unit starts in it
    end: np.ndarray | None = None
    names_places: np.ndarray | None = None  # the unit's own text names two places or more (北京、吉林、安徽…)
    states_penalty: np.ndarray | None = None
    states_person: np.ndarray | None = None
    parent: np.ndarray | None = None  # the row of the unit an item belongs to (第二十五条 of 第二十五条（三）), or -1
    heading: np.ndarray | None = None  # a short heading of its own (春节, 国庆节, 监督组), or ""
    states_in_force: np.ndarray | None = None  # says when its text holds (自2019年1月1日起施行)
    states_lead_person: np.ndarray | None = None  # says who holds a body's leading post (组 长：韩 正)
    figures: Sequence[frozenset[str]] | None = None  # the kinds of figure its text states (money, people, …)
    salutation: np.ndarray | None = None  # a reply's salutation, the people it answers (周桂英等代表：)
    facts: Sequence[frozenset[str]] | None = None  # the asked-for facts its text states (search/routing.py)
    texts: Sequence[str] | None = None  # each row's text
    rows_of: dict[str, list[int]] = field(default_factory=dict)  # a document's slug → the rows of its units
    _sentences: dict[int, list[str]] = field(default_factory=dict)  # a row's sentences, split when first needed

    @classmethod
    def of(cls, units: Sequence[IndexUnit], places: Sequence[set[str]],
           names_places: Sequence[bool] | None = None) -> UnitFacts:
        def flags(test) -> np.ndarray:
            return np.array([bool(test(u)) for u in units], dtype=bool)

        return cls(np.array([u.kind for u in units], dtype=object), flags(states_owner), flags(states_time),
                   flags(states_support), flags(states_frequency), flags(names_itself), flags(only_announces), flags(lambda u: u.target is not None),
                   flags(lambda u: u.kind == "goal" and u.context.targets), list(places),
                   np.array([u.document for u in units], dtype=object), np.array([u.start for u in units]),
                   np.array([u.end for u in units]),
                   np.array(list(names_places) if names_places is not None else [False] * len(units), dtype=bool),
                   flags(states_penalty), flags(states_person), _parents(units),
                   np.array([u.title if _SHORT_HEADING.fullmatch(u.title or "") else "" for u in units], dtype=object),
                   flags(states_in_force), flags(states_lead_person), [stated_figures(u) for u in units],
                   flags(lambda u: _SALUTATION.fullmatch(u.text)), [stated_facts(u) for u in units],
                   texts=[u.text for u in units], rows_of=_rows_of(units))

    def sentences(self, row: int) -> list[str]:
        """The sentences of a row's text (search/sentences.py), split once."""
        found = self._sentences.get(row)
        if found is None:
            found = self._sentences[row] = split_sentences(self.texts[row]) if self.texts is not None else []
        return found


# share of the best fused score a unit stating a fact the question asks for by its form gains (routing.asked_facts)
FACT_BOOST = 0.4
# … and the weight, beside ``announce_weight``, of a unit only announcing a reply (现答复如下：) when the question asks
# what the reply said (routing.asks_reply)
REPLY_ANNOUNCE_WEIGHT = 0.6

_SHORT_HEADING = re.compile(r"[\u4e00-\u9fff]{2,6}")
# a reply's salutation, indexed as a unit of its own (search/units.py): the deputies or members who proposed
_SALUTATION = re.compile(r"[\u4e00-\u9fff、·]{2,40}?(?:代表|委员|同志|先生|女士)[：:]")
# who proposed: 哪些代表提的建议, 是哪位委员提出的, 谁提的提案; which deputies suggested…, who put forward the proposal
_ASKS_PROPOSER_ZH = re.compile(r"(?:哪些|哪位|哪几位|哪个)[\u4e00-\u9fff]{0,6}?(?:代表|委员)|谁提|(?:代表|委员)(?:是谁|有哪些|都有谁)")
_ASKS_PROPOSER_EN = re.compile(r"\b(?:which|who)\b[^?.]{0,30}?\b(?:deput(?:y|ies)|members?|delegates?)\b[^?.]{0,30}?"
                               r"\b(?:propos|suggest|put forward|raised|submitted)|\bwho (?:proposed|suggested|put forward|"
                               r"raised|submitted)\b", re.IGNORECASE)


def asks_proposer(question: str) -> bool:
    """Does the question ask who proposed what a reply answers (哪些代表提的, which NPC deputies suggested…)?"""
    return bool(_ASKS_PROPOSER_ZH.search(question) or _ASKS_PROPOSER_EN.search(question))


def names_heading(question: str, heading: str) -> bool:
    """The question names the unit's short heading, or all of it but one character (2019年国庆放几天 → 国庆节;
    春节 of Chinese New Year): a run of the heading that long, and at least two characters, is in the question.
    Half a heading was too little: 贷款 of 贷款贴息 lifted an interest-subsidy article for any loan question."""
    size = max(2, len(heading) - 1)
    return any(heading[i:i + size] in question for i in range(len(heading) - size + 1))


def _rows_of(units: Sequence[IndexUnit]) -> dict[str, list[int]]:
    """Each document's slug → the rows of its units, in order."""
    rows: dict[str, list[int]] = {}
    for i, u in enumerate(units):
        rows.setdefault(u.document, []).append(i)
    return rows


def _parents(units: Sequence[IndexUnit]) -> np.ndarray:
    """Each unit's parent row: the unit of its document whose path is the longest proper prefix of its own
    (第二十五条（三） → 第二十五条, 二（一）2 → 二（一）), -1 for none."""
    row = {(u.document, u.path): i for i, u in enumerate(units)}
    out = np.full(len(units), -1, dtype=int)
    for i, u in enumerate(units):
        for end in range(len(u.path) - 1, 0, -1):
            parent = row.get((u.document, u.path[:end]))
            if parent is not None and parent != i:
                out[i] = parent
                break
    return out


def adjust(fused: dict[int, float], plan: QueryPlan, facts: UnitFacts, settings: SearchSettings) -> None:
    """Raise or lower ``fused`` (unit row → fused score) in place, each boost a share of the best fused score."""
    if not fused:
        return
    if plan.quantitative:
        # A number is asked for: units that state targets rise (the goal that states them first,
        # each target a little less), so the answer carries its TargetView.
        top = max(fused.values())
        for doc in fused:
            if facts.is_target[doc]:
                fused[doc] += 0.5 * settings.quantity_boost * top
            elif facts.goal_with_targets[doc]:
                fused[doc] += settings.quantity_boost * top
    if (plan.asks_who or plan.asks_when or plan.asks_support or plan.asks_frequency or plan.about_document
            or plan.asks_places or plan.asks_person):
        # "Who", "when" and "how much support" questions: the units that state that fact themselves rise; a
        # question about the text as a whole: the units where the text names itself (search/routing.py).
        top = max(fused.values())
        for doc in fused:
            if plan.asks_who and facts.states_owner[doc]:
                fused[doc] += settings.who_boost * top
            if plan.asks_when and facts.states_time[doc]:
                fused[doc] += settings.when_boost * top
            if plan.asks_support and facts.states_support[doc]:
                fused[doc] += settings.support_boost * top
            if plan.asks_frequency and facts.states_frequency[doc]:
                fused[doc] += settings.frequency_boost * top
            if plan.about_document and facts.names_itself[doc]:
                fused[doc] += settings.document_boost * top
            if plan.asks_places and facts.names_places is not None and facts.names_places[doc]:
                fused[doc] += settings.places_boost * top
            # asked who leads (who chairs it, 组长是谁), a unit naming only a deputy or an office holder
            # (办公室主任由…兼任) does not rise
            office_only = (plan.asks_lead_person and facts.states_lead_person is not None
                           and not facts.states_lead_person[doc])
            if plan.asks_person and facts.states_person is not None and facts.states_person[doc] and not office_only:
                fused[doc] += settings.person_boost * top
                if plan.asks_lead_person and facts.states_lead_person is not None and facts.states_lead_person[doc]:
                    fused[doc] += settings.person_boost * top  # the very post asked: twice
    if facts.salutation is not None and facts.salutation.any() and asks_proposer(plan.text):
        # Who proposed it: the reply's salutation names them (周桂英等代表：). Its own text is a few names, which
        # the question's words barely match: it takes the score of the unit it is indexed with (the next row,
        # what they proposed) and rises as a unit stating a person.
        top = max(fused.values())
        for doc in np.flatnonzero(facts.salutation):
            doc = int(doc)
            if doc + 1 < len(facts.salutation) and facts.document is not None \
                    and facts.document[doc + 1] != facts.document[doc]:
                continue  # the unit after it is another document's
            if doc + 1 in fused or doc in fused:
                fused[doc] = max(fused.get(doc, 0.0), fused.get(doc + 1, 0.0)) + settings.person_boost * top
    asked = asked_facts(plan.text) if facts.facts is not None else frozenset()
    if asked:
        # A fact asked for by the question's form (who interprets the text, where a body's office sits, whose
        # consent is needed, where to complain, who answers for it, which bodies make it up, what the text serves):
        # the units stating such a fact rise, as "who" and "when" questions lift the units stating those.
        top = max(fused.values())
        for doc in fused:
            if asked & facts.facts[doc]:
                fused[doc] += FACT_BOOST * top
    if plan.asked_figures and settings.figure_boost and facts.figures is not None:
        # "How much money", "how many students": the units stating a figure of that kind rise (2亿元, 1445名)
        top = max(fused.values())
        for doc in fused:
            if plan.asked_figures & facts.figures[doc]:
                fused[doc] += settings.figure_boost * top
    if plan.asks_penalty and settings.penalty_boost and facts.states_penalty is not None:
        # A regulation states one penalty for a list of acts (有下列行为之一的，…处…罚款): the item that matches
        # the act asked about hands its score to its lead-in when the lead-in states the penalty.
        top = max(fused.values())
        for doc, score in list(fused.items()):
            parent = facts.parent[doc]
            if parent >= 0 and facts.states_penalty[parent] and not facts.states_penalty[doc]:
                fused[parent] = max(fused.get(parent, 0.0), score)
        for doc in fused:
            if facts.states_penalty[doc]:
                fused[doc] += settings.penalty_boost * top
    if plan.asks_in_force and settings.in_force_boost and facts.states_in_force is not None:
        # When a text holds is said once, in a sentence that shares hardly a word with the question
        # (本办法自2019年1月1日起施行): the units saying it rise, on top of the document boost.
        top = max(fused.values())
        for doc in fused:
            if facts.states_in_force[doc]:
                fused[doc] += settings.in_force_boost * top
    if settings.heading_boost and facts.heading is not None:
        # Parallel parts each headed by the thing they are about (元旦, 春节, 国庆节…): the question that names
        # one is about that part, not its siblings, however alike their words and dates.
        asked = " ".join([plan.text, *plan.translation_terms])
        top = max(fused.values())
        for doc in fused:
            if facts.heading[doc] and names_heading(asked, facts.heading[doc]):
                fused[doc] += settings.heading_boost * top
    if settings.annex_weight != 1.0:
        # An annex's task table restates, row by row, work the body of the document sets out in its
        # own units: the unit itself is the answer, the table row a pointer to it, unless the row states
        # what was asked and the body may not (the lead department, the due date).
        for doc in fused:
            if facts.kind[doc] == "annex" and not ((plan.asks_who and facts.states_owner[doc])
                                                  or (plan.asks_when and facts.states_time[doc])):
                fused[doc] *= settings.annex_weight
    if settings.announce_weight != 1.0 or settings.announce_carry:
        # A unit that only announces what follows (…建议收悉，现答复如下：) echoes the question but answers nothing;
        # what it announces, the units after it in its document, carry a share of its score.
        announcing = [(doc, fused[doc]) for doc in fused if facts.only_announces[doc]]
        # asked what the reply said, the announcement of the reply weighs less again: it is the question restated
        weight = settings.announce_weight * (REPLY_ANNOUNCE_WEIGHT if asks_reply(plan.text) else 1.0)
        for doc, score in announcing:
            fused[doc] *= weight
        if settings.announce_carry and facts.document is not None:
            for doc, score in announcing:
                for other in fused:
                    if facts.document[other] == facts.document[doc] and facts.start[other] >= facts.end[doc]:
                        fused[other] += settings.announce_carry * score
    if settings.kind_weights:
        for doc in fused:
            fused[doc] *= settings.kind_weights.get(facts.kind[doc], 1.0)
    asked = set(plan.places)
    if asked:
        # The question names a place (杭州, Jing'an, 国家层面): that place's documents rise.
        top = max(fused.values())
        for doc in fused:
            if facts.places[doc] & asked:
                fused[doc] += settings.place_boost * top


# share of its score a unit keeps when the question's word appears in it only as the class denied (非独生子女 when 独生子女
# is asked): the genre writes the two cases as sibling items (纳税人为独生子女的… / 纳税人为非独生子女的…), alike in every word
DENIED_WEIGHT = 0.8
# a question that itself denies: 非独生子女, 不是独生子女, 不属于…, and in English not / non- / isn't
_QUESTION_DENIES_EN = re.compile(r"\b(?:not|non|no|without)\b|n't\b", re.IGNORECASE)
_DENYING_BEFORE = ("非", "不是", "不属于", "并非", "没有", "不")
# 非 that denies the word after it, not 除非 (unless), 是非, 莫非, 无非
_DENIED_BY = re.compile(r"(?<![除是莫无])非$")
# how many of the best units are looked at: the sibling items sit side by side near the top
DENIED_LOOKED_AT = 20


def lower_denied(fused: dict[int, float], plan: QueryPlan, texts: Sequence[str], words: Sequence[str]) -> None:
    """A unit holding a word of the question only as 非<word> states the other case (纳税人为非独生子女的 when an only
    child asks): among the best units, when another unit holds the word itself, it keeps ``DENIED_WEIGHT`` of its
    score. A Chinese question that denies the word itself (我不是独生子女, 非独生子女) lowers the other way: the unit
    holding the word only plainly, beside one holding 非<word>; an English one that denies anything lowers nothing."""
    if not fused or (plan.language == "en" and _QUESTION_DENIES_EN.search(plan.text)):
        return
    chinese = {w for w in words if len(w) >= 2 and "\u4e00" <= w[0] <= "\u9fff"}
    denied_asked = {w for w in chinese if any(d + w in plan.text for d in _DENYING_BEFORE)} \
        if plan.language == "zh" else set()
    asked = chinese - denied_asked
    if not asked and not denied_asked:
        return
    best = sorted(fused, key=lambda doc: -fused[doc])[:DENIED_LOOKED_AT]
    for word in sorted(asked | denied_asked):
        if not any("非" + word in texts[doc] for doc in best):
            continue  # no unit states the other case: nothing to lower (most questions; one substring test each)
        plain, denied = [], []  # the units holding the word only plainly, only as 非<word>
        for doc in best:
            text = texts[doc]
            at = text.find(word)
            seen = set()
            while at >= 0:
                seen.add(bool(_DENIED_BY.search(text[max(0, at - 2):at])))
                at = text.find(word, at + 1)
            if seen == {False}:
                plain.append(doc)
            elif seen == {True}:
                denied.append(doc)
        if plain and denied:
            for doc in (plain if word in denied_asked else denied):
                fused[doc] *= DENIED_WEIGHT


# Which unit of a document answers: share of the best fused score the candidate whose best sentence holds most of the
# question's words that are rare in its own document gains (the others of that document in proportion)
DISTINCTIVE_BOOST = 0.1
DISTINCTIVE_POOL = 10  # the best this many candidates are judged


def raise_distinctive(fused: dict[int, float], plan: QueryPlan, facts: UnitFacts, words: Sequence[str]) -> None:
    """Among the best ``DISTINCTIVE_POOL`` candidates of a Chinese question, weigh each document's units by the words
    of the question that tell them apart inside that document: a word's weight is its idf over the document's own
    units (log(1 + (N − df + 0.5) / (df + 0.5)), N its units, df those holding it), a unit's evidence the weight its
    best sentence holds, and the candidate with the most evidence in its document gains ``DISTINCTIVE_BOOST`` × the
    best fused score, the others of that document in proportion.

    Both retrievers judge a unit against the whole collection: the document's own theme (马鬃山 in every unit of a
    letter about that village, 抽查 in every measure of a circular on random inspections) is a rare word there and
    lifts whichever unit repeats it most, often its opening paragraph, preamble or a long sibling, while the words
    that say which part is asked about (结果, 公示; 专家, 第一次) weigh little beside it.  Inside the document the
    theme is common and those words are rare; held by one sentence, they sit together where the asked fact is
    stated.  English questions are left as they are (their words are translations, search/coverage.py weighs them).

    Chosen on the r5-r7 sets and the tune halves (eighth round; Chinese hit@1 / hit@3): r5-r7 147 / 171 → 153 / 173 of
    187, tune 195 / 218 → 196 / 218 of 222; on sets not looked at while choosing, the r4 sets 40 / 47 → 40 / 47 of
    47, the untouched halves 325 / 365 → 329 / 368 of 396.  0.08 and 0.12 the same within a question; a pool of 5 or
    20 the same; the evidence over the whole unit instead of its best sentence, or normalised by the question's total
    weight instead of the document's best unit, a question or two fewer.  Tried and not kept: the same for English
    questions over their Chinese words (r4 +2 hit@1, untouched −5); the question's cilin synonyms or the concepts'
    other labels as words (−1, −2 on r5-r7); a sentence stating a time counting more on "when" questions (no change:
    the words of such questions seldom reach the sentence with the date); a unit's best-sentence cosine lowered by
    λ·ln(its sentences), against the max of many sentences rising by chance (r5-r7 +4 at λ 0.003, but untouched −3).
    Then, for Chinese and English alike, :func:`raise_asked_time` (a sentence stating the kind of time asked)."""
    if not fused or facts.texts is None:
        return
    asked = list(dict.fromkeys(w for w in words if len(w) >= 2))
    if plan.language != "zh" or not asked:
        raise_asked_time(fused, plan, facts, words)
        return
    best = sorted(fused, key=lambda doc: (-fused[doc], doc))[:DISTINCTIVE_POOL]
    top = fused[best[0]]
    by_document: dict[str, list[int]] = {}
    for row in best:
        by_document.setdefault(facts.document[row], []).append(row)
    texts = facts.texts
    for document, rows in by_document.items():
        units = facts.rows_of.get(document, ())
        n = len(units)
        if n < 2:
            continue
        weight = {}
        for word in asked:
            df = sum(1 for row in units if word in texts[row])
            if df:
                weight[word] = math.log(1 + (n - df + 0.5) / (df + 0.5))
        if not weight:
            continue
        evidence = {row: _evidence(facts, _spoken_for(facts, row), weight) for row in rows}
        most = max(evidence.values())
        if most <= 0:
            continue
        for row in rows:
            fused[row] += DISTINCTIVE_BOOST * top * evidence[row] / most
    raise_asked_time(fused, plan, facts, words)


# A "when" question: share of its own fused score a candidate gains when one of its sentences states the kind of
# time asked (a deadline, a limit in days, a length, a date, when the text holds), half of it for the time stated,
# half in proportion to the question's words that sentence holds (weighed inside its document, as above)
TIME_BOOST = 0.4
TIME_POOL = 10


def raise_asked_time(fused: dict[int, float], plan: QueryPlan, facts: UnitFacts, words: Sequence[str]) -> None:
    """Among the best ``TIME_POOL`` candidates of a question asking a kind of time (routing.asked_time_kinds), each
    whose sentence states that kind (routing.stated_time_kinds) gains ``TIME_BOOST`` × its own fused score × (1 +
    e / most) / 2, e the weight of the question's words that sentence holds (idf over its document's units) and most
    the best such weight among the document's candidates.

    The answer to 最晚什么时候得办完 is a sentence with 2019年9月底前 in it, to 要保存多长时间 one with 留存五年,
    to 要等几天 one with 5个工作日以内; the question's everyday words (收回, 保存, 利息, 算数) seldom reach it
    (回收, 留存, 贴息, 施行), while a sibling unit sharing its topic and no time wins on words.  A sentence stating the
    asked kind is evidence no other boost gives: :func:`adjust` lifts a unit stating any time at all, most units of a
    plan with deadlines.  Its own score, not the best: a weak document's unit stating a date does not overtake the
    right document (the calculator also compares scores of two searches, global and local).

    Chosen on the r5-r7 sets and the tune halves (eighth round, hit@1, HEAD 7f7d229 → this): r5-r7 zh 153 → 155, en
    156 → 158 of 187 / 192; tune zh 196 → 198, en 121 → 120; not looked at while choosing: untouched zh 329 → 330,
    en 166 → 167 of 396 / 210, r4 zh 40 → 40, en 41 → 40 (hit@3 45 → 46).  Tried: the best score as the scale
    (0.3; the same hit@1 on r5-r7 but a date of another document's text rising over the asked one); a first form
    that kept "date" beside the kind a question names and read 前几年 as a length (development +5 −6 hit@1)."""
    if not fused or TIME_BOOST <= 0 or facts.texts is None:
        return
    kinds = asked_time_kinds(plan.text)
    if not kinds:
        return
    asked = list(dict.fromkeys(w for w in words if len(w) >= 2))
    best = sorted(fused, key=lambda doc: (-fused[doc], doc))[:TIME_POOL]
    found: dict[int, float] = {}
    for row in best:
        spoken = _spoken_for(facts, row)
        sentences = [x for x in facts.sentences(spoken) if stated_time_kinds(x) & kinds]
        if not sentences:
            continue
        weight = _document_weights(facts, facts.document[row], asked)
        found[row] = max(sum(w for word, w in weight.items() if word in x) for x in sentences)
    most: dict[str, float] = {}
    for row, e in found.items():
        most[facts.document[row]] = max(most.get(facts.document[row], 0.0), e)
    for row, e in found.items():
        share = e / most[facts.document[row]] if most[facts.document[row]] > 0 else 1.0
        fused[row] += TIME_BOOST * fused[row] * (1 + share) / 2


def _document_weights(facts: UnitFacts, document: str, asked: Sequence[str]) -> dict[str, float]:
    """Each asked word's idf over the document's own units (the words that tell its units apart weigh most)."""
    units = facts.rows_of.get(document, ())
    n = len(units)
    texts = facts.texts
    weight = {}
    for word in asked:
        df = sum(1 for row in units if word in texts[row])
        if df:
            weight[word] = math.log(1 + (n - df + 0.5) / (df + 0.5))
    return weight


def _evidence(facts: UnitFacts, row: int, weight: dict[str, float]) -> float:
    """The weight of the asked words the row's best sentence holds."""
    return max((sum(w for word, w in weight.items() if word in sentence) for sentence in facts.sentences(row)),
               default=0.0)


def _spoken_for(facts: UnitFacts, row: int) -> int:
    """The row whose words stand for ``row``: a reply's salutation (周桂英等代表：), a few names, is judged by the
    unit it is indexed with (the next row, what they proposed), as :func:`adjust` scores it."""
    if (facts.salutation is not None and facts.salutation[row] and row + 1 < len(facts.salutation)
            and facts.document is not None and facts.document[row + 1] == facts.document[row]):
        return row + 1
    return row
