"""Translate-test for English questions: the question rendered in the documents' Chinese and searched as a list
of its own (issue 24).

An English question reaches the Chinese units through two bridges that each lose something: its own vector,
moved towards the Chinese side of the encoder's space (search/align.py), still sits apart from a Chinese passage;
its words, translated through CC-CEDICT read backwards and the concept scheme (search/bilingual.py,
search/expand.py), are searched by BM25 mixed with the English words the Chinese text never holds.  Translate-test
renders the question as a Chinese string instead: for each English phrase the documents' words it stands for (the
same filtered translations the BM25 query uses, primary senses first), the concepts' preferred Chinese labels,
and for the question's interrogative form the words a text uses to state that kind of answer (who leads →
牵头, 负责; how much → 元, 万元; what share → 比例; until when → 截至, 期限, 前).  That string is a Chinese
question as far as the index is concerned: its BM25 list (its words at their own weights, no English words in
it) and, where the time allows, its own dense list (the string embedded as a Chinese query: Chinese against
Chinese, no alignment) are fused beside the English lists with their own weights.

Mixing the same Chinese words into the English dense query string cost tune questions (0.745 → 0.672,
docs/benchmarks.md): the encoder reads a half-English, half-Chinese string as neither.  Kept apart, each list
ranks what it can, but neither is on by default.  English hit@1 (hit@3), against 138 (164) of 183 tune questions
(the six tune halves, users_real_fresh and users_plan_fresh) and 147 (181) of 210 on the nine untouched halves:

* the BM25 list at 0.2: tune 134 (163), untouched 155 (183); at 0.1: 136 (163), 151 (181); at 0.4 tune lost 9.
  It loses on tune, so it is off (``translated_lexical_weight`` 0), though it gains on the untouched halves;
* the dense list at 0.6: tune 139 (165), untouched 151 (185), one unanswerable question fewer caught (0.3, 0.8
  and 1.0 no better on tune).  It holds on both, but it is a second encoder call: an English search then took
  2.26× the encoder alone at p50 against 1.29× without it (15 English questions of dev.jsonl, every query
  embedded), over the 1.3× issue 24 allows, so it is off (``translated_dense_weight`` 0).
* Sixth round (helper he), on today's code: the BM25 list at 0.2 gave English hit@1 / hit@3 193 / 230 against
  200 / 232 without it over 246 questions of ten sets (tune, untouched, r4, r5): still off.
* Alone, on the tune questions, the renderings rank worse than what they would join: the rendering's dense list
  hit@1 0.470 against 0.563 for the aligned English vector, its BM25 list 0.377 against 0.295 for the English
  BM25 query (CC-CEDICT's first senses miss the policy sense: share → 共享, pilot → 驾驶, office → 公室)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from .backends import TermGroup
from .bilingual import Dictionary

__all__ = ["FORM_WORDS", "Rendering", "form_words", "render", "translated_lists"]

# An English question form → the Chinese words a policy text states that kind of answer with.  Forms, not
# topics: any question of the form gets them, whatever it is about.
FORM_WORDS: tuple[tuple[re.Pattern, tuple[str, ...]], ...] = (
    (re.compile(r"\bwho\b|\bwhich (?:\w+ )?(?:department|agenc|bod|office|authorit|ministr|bureau|organi[sz]ation|"
                r"government|commission|committee)|\bresponsib|\bin charge\b|\bleads?\b|\bled by\b", re.IGNORECASE),
     ("负责", "牵头")),
    (re.compile(r"\bhow much\b(?! (?:time|longer))|\bamount\b|\bhow many yuan\b|\bbudget\b|\bspend", re.IGNORECASE),
     ("万元", "元")),
    (re.compile(r"\bwhat (?:share|percentage|proportion|part|portion|rate)\b|\bratio\b|\bpercent", re.IGNORECASE),
     ("比例",)),
    (re.compile(r"\buntil when\b|\bby when\b|\bdeadline\b|\bby (?:what|which) (?:date|time|year|month)\b", re.IGNORECASE),
     ("截至", "期限", "前")),
    (re.compile(r"\b(?:take|takes|took|come|comes|came) (?:into )?(?:effect|force)\b|\bin force\b|"
                r"\bfrom (?:what|which) date\b|\bsince when\b|\beffective\b", re.IGNORECASE),
     ("施行", "起")),
    (re.compile(r"\bhow (?:often|frequently)\b|\bhow many (?:\w+ ){0,2}(?:a|per|each|every) "
                r"(?:year|month|quarter|week)\b", re.IGNORECASE),
     ("每年", "次")),
    (re.compile(r"\bfine[sd]?\b|\bpenalt|\bpunish", re.IGNORECASE), ("罚款",)),
    (re.compile(r"\bhow (?:many|much)\b.*\bdays?\b|\bworking days\b|\bhow (?:long|quickly|soon)\b", re.IGNORECASE),
     ("工作日", "日内")),
)


def form_words(question: str) -> list[str]:
    """The Chinese answer words of the question's interrogative forms, in :data:`FORM_WORDS` order."""
    out: list[str] = []
    for pattern, words in FORM_WORDS:
        if pattern.search(question):
            out.extend(w for w in words if w not in out)
    return out


@dataclass(frozen=True, slots=True)
class Rendering:
    """An English question in the documents' Chinese: ``words`` for BM25 (every kept translation), ``text`` for
    the encoder (the first kept translation of each phrase, in the question's order, and the concepts' labels)."""

    words: tuple[str, ...]
    text: str


def render(question: str, dictionary: Dictionary, key_terms: Sequence[str], keep: Callable[[str], bool],
           per_phrase: int, with_forms: bool = True) -> Rendering:
    """The Chinese rendering of ``question``: each English phrase the dictionary knows, longest first as
    :meth:`Dictionary.phrases` reads them, gives at most ``per_phrase`` of its Chinese words that ``keep``
    admits (the documents hold them, not in nearly every unit); ``key_terms`` (the concepts' preferred Chinese
    labels) come first; the question forms' words (:func:`form_words`) last."""
    words: list[str] = [t for t in key_terms if t]
    firsts: list[tuple[int, str]] = []
    lowered = question.lower()
    for phrase, translations in dictionary.phrases(question):
        kept = [t.word for t in translations if keep(t.word)][:per_phrase]
        if not kept:
            continue
        words.extend(w for w in kept if w not in words)
        firsts.append((lowered.find(phrase[0][:4]), kept[0]))
    forms = form_words(question) if with_forms else []
    ordered = [w for _, w in sorted(firsts)]
    text_words = list(dict.fromkeys([*ordered, *key_terms, *forms]))
    words.extend(w for w in forms if w not in words)
    return Rendering(tuple(words), " ".join(text_words))


def translated_lists(index, plan, pool: int, dense_pool: int, where, mask: np.ndarray) -> list[tuple[dict, float]]:
    """The translate-test lists of an English question on ``index`` (a SearchIndex), each ``(unit row → score,
    weight)``: the rendering's BM25 list (``translated_lexical_weight``) and its own dense list
    (``translated_dense_weight``: one more encoder call, the string embedded as a Chinese query, unaligned);
    none when both weights are 0.  ``mask`` holds the rows the search's filters admit."""
    s = index.settings
    if s.translated_lexical_weight <= 0 and s.translated_dense_weight <= 0:
        return []
    from .expand import QueryPlan
    rendering = render(plan.text, index.translations, plan.key_terms,
                       lambda w: 0 < index.document_share(w) <= s.thesaurus_max_share, s.translations_per_phrase)
    out: list[tuple[dict, float]] = []
    if not rendering.words:
        return out
    if s.translated_lexical_weight > 0:
        scores = index.backend.lexical_scores(
            [TermGroup(" ".join(rendering.words), tuple(rendering.words), 1.0)], pool, where)
        out.append(({x.doc: x.score for x in index._top(np.where(mask, scores, 0.0), pool)},
                    s.translated_lexical_weight))
    if s.translated_dense_weight > 0 and rendering.text:
        zh = QueryPlan(text=rendering.text, language="zh", dense_text=rendering.text)
        out.append(({x.doc: x.score for x in index.dense_candidates(zh, dense_pool, where) if mask[x.doc]},
                    s.translated_dense_weight))
    return out
