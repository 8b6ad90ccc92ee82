"""Knowing when nothing fits: is the best dense similarity high enough for the documents to answer at all?

Fused scores are min-max normalised per question, so the first hit always scores 1 and says nothing about
relevance. The raw cosine of the best unit (whole text and best sentence, as ranked) does, up to a point: answerable
questions reach high cosines, while questions no document answers spread from far below (football tickets,
passports) to well above (an in-domain topic none of the documents treats: a tax rate, a licence).  Saying "nothing
relevant" of a question the documents answer costs a user more than showing the nearest units of one they do not,
so the floors are set for (almost) no false "nothing relevant" on answerable questions, by a rule and not by hand:
``python -m benchmarks.calibrate_floors`` takes, per floor key, a low quantile of the answerable questions' best
cosines over every ``*_tune`` set and every once-scored ``*_untouched`` one (never ``*_fresh``) less a margin,
the quantile and margin chosen by leaving one set out in turn (fewest held-out answerable questions flagged, then
most held-out unanswerable ones caught), and writes the floors to ``relevance_floors.json`` beside this file, with
the rule it used.
An English question reaches the Chinese text only through the words CC-CEDICT and the scheme give it: one for
which the documents hold fewer than ``MIN_HELD_WORDS`` of them (how long should I boil an egg: none) has its own
floor key (``en-unheld``), never laxer than the English floor, and the English floor where it has none.
A question none of whose words (Chinese words, or for English the Chinese words its words stand for) occurs in
any of the EVIDENCE_UNITS best units has the ``-unmatched`` key of its language (``zh-unmatched``, ``en-unmatched``),
never laxer than the others: off-topic questions (红烧肉怎么做, a recipe for mapo tofu) reach cosines as high as
colloquial answerable ones, but seldom share a word with what is found; answerable questions mostly do.  On the
fifteen question sets of the last rounds, each floor fitted by the same leave-one-set-out rule, no answerable
question was flagged held out either way, and this second signal caught 41 of the 148 unanswerable ones against 37
with the language floors alone (benchmarks/calibrate_floors.py prints the table).
An encoder's cosines live on their own scale, so an encoder without calibrated floors never says
"nothing relevant" (set ``SearchSettings.relevance_floors`` to calibrate one).

Tried and not taken (issue 20, this round): a logistic model per language of several signals (the best own cosine,
its margin over the second, the share of the question's words found in the three best units; also the agreement
of the lexical and dense top hits, which added nothing), its threshold the highest score of an answerable training
question, fitted leaving one of the eight tune sets out in turn.  Chinese: 18 of 41 unanswerable tune questions
caught held out against 10 with these floors, but 1 answerable one flagged (17 and 0 with a margin of 0.3); fitted
on all tune sets it caught 25 of 56 on the untouched halves against 16, and flagged 4 answerable ones there (0 with
the floors).  English: 5 of 28 tune and 5 of 31 untouched against 7 and 10.  A false "nothing relevant" costs more
than a missed one, so the floors stay.
Tried and not taken (sixth round): a linear score of the best cosine, the share of the question's words (by
characters) found in the three best units, the best cosine's lead over the mean of ranks 11-50, and log(1 + the best
BM25 score), floored per key as above and fitted leaving one of the fifteen tune and untouched sets out in turn.
Held out it flagged no answerable question and caught more (Chinese 38 of 107 unanswerable against 31 by the cosine
alone; English 21 of 70 against 8), but on the sets it was not fitted on (users_real_fresh, users_plan_fresh, *_r4,
*_r5) it caught 1 of 14 Chinese ones, as the cosine alone does, and flagged 4 answerable English ones.  Most of
those sets' unanswerable questions are in-domain (how many months of unemployment benefit, a housing-fund loan in
another province) and reach the cosines and word overlap of answerable ones over the 49 real documents."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["CALIBRATED_FLOORS", "CALIBRATED_WORD_RULES", "EVIDENCE_UNITS", "FLOORS_FILE", "MIN_HELD_WORDS", "WordRule",
           "english_content_words", "english_held_words", "evidence_coverage", "fallback_keys", "floor_key", "is_relevant", "load_floors",
           "load_word_rules", "matches_question", "relevance_floor", "unheld_share", "word_rule"]

FLOORS_FILE = Path(__file__).with_name("relevance_floors.json")  # written by benchmarks/calibrate_floors.py
WORD_RULES = "unheld_word_rules"  # its key for the unheld-word rules: encoder name → language → WordRule fields


def load_floors(path: Path = FLOORS_FILE) -> dict[str, dict[str, float]]:
    """encoder name → floor key → floor, from the calibration file (keys starting with ``_`` are notes)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {encoder: {key: float(value) for key, value in floors.items()}
            for encoder, floors in data.items() if not encoder.startswith("_") and encoder != WORD_RULES}


# encoder name → language (or floor_key) → the lowest best-unit cosine that counts as an answer
CALIBRATED_FLOORS: dict[str, dict[str, float]] = load_floors()
MIN_HELD_WORDS = 3  # an English question with fewer Chinese words the documents hold is judged more strictly


EVIDENCE_UNITS = 3  # the best units a question's words are looked for in (whatever k a caller asks for)


def matches_question(words: Sequence[str], texts: Sequence[str]) -> bool:
    """Does any of the question's ``words`` occur in any of ``texts`` (the best units)?  No words at all (a
    question of stopwords, an English one CC-CEDICT gives nothing for) is no match."""
    return any(word in text for word in words for text in texts)


def floor_key(language: str, held_words: int, matched: bool = True) -> str:
    """Which floor judges a question: ``<language>-unmatched`` when none of its words occurs in the best units,
    else ``en-unheld`` for an English question the documents hold fewer than MIN_HELD_WORDS of its words for,
    else its language's."""
    if not matched:
        return f"{language}-unmatched"
    return "en-unheld" if language == "en" and held_words < MIN_HELD_WORDS else language


def fallback_keys(key: str) -> tuple[str, ...]:
    """``key`` and the keys whose floors it may never be laxer than (``en-unmatched`` → en-unheld, en)."""
    language = key.split("-")[0]
    if key == language:
        return (key,)
    return (key, "en-unheld", language) if key == "en-unmatched" else (key, language)


def relevance_floor(encoder: str, key: str, overrides: dict[str, float] | None = None) -> float | None:
    """The floor for ``key`` (a language or a :func:`floor_key`): the strictest of its own and of the keys it
    falls back to, read from ``overrides`` when they name any of these keys (a calibration of one's own), else
    from the calibrated table; None if none is known."""
    chain = fallback_keys(key)
    table = overrides if overrides and any(k in overrides for k in chain) else CALIBRATED_FLOORS.get(encoder, {})
    found = [float(table[k]) for k in chain if k in table]
    return max(found) if found else None


def is_relevant(best_cosine: float | None, floor: float | None) -> bool:
    """True unless a calibrated ``floor`` exists and the best cosine stays below it (no dense score: False
    only when a floor exists, since then nothing was found at all)."""
    if floor is None:
        return True
    return best_cosine is not None and best_cosine >= floor


# --- unheld words (issue 20, eighth round) -------------------------------------------------------------------------
# A second test beside the floors, for a question the floors let through: the share of its content words the
# documents do not hold at all (an English word no phrase of the dictionary turns into a Chinese word the index
# holds: passport, iPhone; a Chinese word the index lacks), the share of its evidence words the best units hold,
# and its best cosine.  ``python -m benchmarks.calibrate_floors --word-rules-only --sets ...`` fits the bounds per
# language by leaving one development set out in turn and writes them under WORD_RULES in relevance_floors.json;
# a language whose rule flagged an answerable question held out gets none and is judged by its floor alone.
# Fitted on the 18 development sets (every users_* set but the untouched ones, r4-r7 included): English "no
# content word held, no evidence word in the best units, best cosine below 0.82" (held out: 0 of 422 answerable
# English questions flagged, 1 of 46 unanswerable ones the floors let through caught; on all of them 2: the
# minimum wage in Guangzhou, resetting an iPhone passcode); Chinese none.  Why so little: answerable questions
# are written in everyday words the documents do not use (旧发动机翻新再卖 for 再制造: no word held, none in the best
# units, cosine 0.869, as 驾照到期了去哪里换证 0.860), so the words a question lacks do not tell it from an
# unanswerable one; laxer English bounds (0.6 of its words unheld) flagged an answerable question held out
# (users_real_r7, paired-assistance support for Hubei's resettlement), and which ones they caught changed with
# the list of fillers.  "How do I renew a US passport?" stays unflagged: renew is held (更新).

# English words of a question that carry no topic, beside tokenize.STOPWORDS (which is written for the BM25 side)
QUESTION_FILLERS = frozenset([
    "many", "much", "get", "gets", "got", "getting", "have", "has", "had", "having", "been", "being", "their",
    "they", "them", "theirs", "one", "ones", "just", "say", "says", "said", "more", "most", "also", "only",
    "some", "each", "all", "other", "not", "no", "nor", "than", "then", "very", "still", "even", "ever",
    "anything", "something", "thing", "things", "tell", "know", "need", "needs", "like", "way", "ways", "give",
    "gives", "given", "take", "takes", "use", "used", "using", "put", "puts", "do", "doing", "done", "am",
    "i'm", "i've", "we're", "we've", "you're", "it's", "there's", "what's", "can't", "won't", "don't",
    "doesn't", "isn't", "aren't", "until", "while", "during", "before", "after", "again", "out", "off", "over",
    "under", "between", "through", "up", "down", "here", "now", "yet", "either", "both", "such", "own", "same",
    "so", "too", "well", "really", "must", "may", "might", "shall", "ought"
])


@dataclass(frozen=True)
class WordRule:
    """Flag a question whose best cosine is below ``cosine``, whose content words are at least ``share`` unheld
    and whose evidence words the best units hold at most ``coverage`` of."""

    cosine: float
    share: float
    coverage: float

    def flags(self, best_cosine: float | None, share: float, coverage: float) -> bool:
        return best_cosine is not None and best_cosine < self.cosine and share >= self.share and coverage <= self.coverage


def load_word_rules(path: Path = FLOORS_FILE) -> dict[str, dict[str, WordRule]]:
    """encoder name → language → WordRule, from the calibration file (none: no rule)."""
    data = json.loads(path.read_text(encoding="utf-8")).get(WORD_RULES, {})
    return {encoder: {language: WordRule(**{k: float(v) for k, v in fields.items()})
                      for language, fields in rules.items()}
            for encoder, rules in data.items()}


CALIBRATED_WORD_RULES: dict[str, dict[str, WordRule]] = load_word_rules()


def word_rule(encoder: str, language: str, overrides: dict[str, float] | None = None) -> WordRule | None:
    """The calibrated rule for ``language``; none when the caller calibrates floors of its own (``overrides``),
    since the rule was fitted beside the calibrated floors."""
    if overrides:
        return None
    return CALIBRATED_WORD_RULES.get(encoder, {}).get(language)


def english_content_words(text: str, stem: Callable[[str], str]) -> list[str]:
    """The stemmed words of an English question that may carry its topic: its words (a hyphenated one as its
    parts) less stopwords, question fillers, numbers and words of fewer than three letters."""
    from .tokenize import STOPWORDS, ascii_words

    out = []
    for word in ascii_words(text):
        for part in word.lower().split("-"):
            part = part.removesuffix("'s")
            if "'" in part or len(part) < 3 or not part.isalpha() or part in STOPWORDS or part in QUESTION_FILLERS:
                continue  # a contraction (we're, won't), a number, a word that carries no topic
            out.append(stem(part))
    return out


def english_held_words(text: str, dictionary, in_corpus: Callable[[str], bool]) -> set[str]:
    """The stemmed English words of ``text`` inside a phrase the dictionary knows (``dictionary.phrases``) one of
    whose Chinese words the documents hold (``in_corpus``)."""
    held: set[str] = set()
    for phrase, translations in dictionary.phrases(text):
        if any(in_corpus(t.word) for t in translations):
            held.update(phrase)
    return held


def unheld_share(words: Sequence[str], held: Callable[[str], bool]) -> float:
    """The share of ``words`` (a question's content words) that ``held`` says the documents do not hold; 0 for
    a question without content words (nothing to judge it by)."""
    if not words:
        return 0.0
    return sum(1 for word in words if not held(word)) / len(words)


def evidence_coverage(evidence: Sequence[str], texts: Sequence[str]) -> float:
    """The share of the question's evidence words (two characters or more) that occur in any of ``texts`` (the
    best units); 0 when it has none."""
    words = [word for word in dict.fromkeys(evidence) if len(word) >= 2]
    if not words:
        return 0.0
    return sum(1 for word in words if any(word in text for text in texts)) / len(words)


def unheld_signals(plan, best_texts: Sequence[str], evidence: Sequence[str], dictionary, tokenizer,
                   in_corpus: Callable[[str], bool], places=None) -> tuple[float, float]:
    """(the share of the question's content words the documents do not hold, the share of its evidence words the
    best units hold).  English content words are held through a dictionary phrase whose Chinese the documents
    hold (:func:`english_held_words`); Chinese ones (its jieba words) when the index holds the word itself.  The
    names of places (``places``, a PlaceMatcher) are no content words: whether the documents cover a place is
    judged apart (SearchIndex.covers), before this."""
    from .expand import stem

    if plan.language == "en":
        held = english_held_words(plan.text, dictionary, in_corpus)
        text = places.without(plan.text, places.in_question(plan.text)) if places is not None else plan.text
        share = unheld_share(english_content_words(text, stem), held.__contains__)
    else:
        share = unheld_share([w for w in tokenizer.words(plan.text) if len(w) >= 2], in_corpus)
    return share, evidence_coverage(evidence, best_texts)
