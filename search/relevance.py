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
from collections.abc import Sequence
from pathlib import Path

__all__ = ["CALIBRATED_FLOORS", "EVIDENCE_UNITS", "FLOORS_FILE", "MIN_HELD_WORDS", "fallback_keys", "floor_key", "is_relevant",
           "load_floors", "matches_question", "relevance_floor"]

FLOORS_FILE = Path(__file__).with_name("relevance_floors.json")  # written by benchmarks/calibrate_floors.py


def load_floors(path: Path = FLOORS_FILE) -> dict[str, dict[str, float]]:
    """encoder name → floor key → floor, from the calibration file (keys starting with ``_`` are notes)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {encoder: {key: float(value) for key, value in floors.items()}
            for encoder, floors in data.items() if not encoder.startswith("_")}


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
