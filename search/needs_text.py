"""What a firm's (or a person's) own words state: sums of money, how many people, ages, statuses, years of work,
majors.  The calculator reads a base (摊位费8万块), a count (招了10个人) or a fact a condition needs (干了两年) from
the profile's ``needs`` when no field of the profile holds it.  Split from search/eligibility.py, which judges."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from ingest.conditions import vocabulary

__all__ = ["QUANTITY_UNITS", "ages_in", "count_in", "disciplines_in", "money_in", "number_of", "policy_term_groups",
           "policy_terms", "quantity_in", "relative_ages", "statuses_in", "years_of_work"]

_MAGNITUDE = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000), "十万元": Decimal(100000),
              "百万元": Decimal(1000000), "千万元": Decimal(10000000), "亿元": Decimal(100000000)}
_EN_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
               "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30}
_CN_NUMBERS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


_MONEY = re.compile(r"(?P<n>[0-9]+(?:[.,][0-9]+)*|[一二两三四五六七八九十]+)\s*(?P<u>万美元|亿美元|美元|亿元|亿|万元|万块|万|千元|元|块)"
                    r"|(?P<usd>USD|US\$|\$)?\s*(?P<en>[0-9]+(?:[.,][0-9]+)*)\s*(?P<mag>million|thousand|k|billion)?"
                    r"\s*(?P<cur>yuan|RMB|CNY|dollars|USD)?", re.IGNORECASE)


def _number(text: str) -> Decimal | None:
    text = text.replace(",", "")
    if text.isdigit() or re.fullmatch(r"[0-9]+\.[0-9]+", text):
        return Decimal(text)
    if text in _CN_NUMBERS:
        return Decimal(_CN_NUMBERS[text])
    if len(text) == 2 and text[0] == "十":
        return Decimal(10 + _CN_NUMBERS.get(text[1], 0))
    if len(text) >= 2 and text[-1] == "十":
        return Decimal(_CN_NUMBERS.get(text[0], 0) * 10)
    return None


def money_in(text: str, near: Sequence[str] = ()) -> list[tuple[Decimal, str, int]]:
    """Sums of money ``text`` states, in 元 (or in US dollars: ``USD``), with their positions: 8万块 → 80,000;
    1500万 → 15,000,000; 20 million yuan → 20,000,000; USD 8 million → (8,000,000, "USD")."""
    found = []
    for m in _MONEY.finditer(text):
        if m.group("u"):
            n = _number(m.group("n"))
            if n is None:
                continue
            unit = m.group("u").replace("块", "元")
            currency = "USD" if "美元" in unit else "元"
            unit = unit.replace("美元", "元")
            unit = unit if unit.endswith("元") else unit + "元"
            found.append((n * _MAGNITUDE.get(unit, Decimal(1)), currency, m.start()))
        elif m.group("en") and (m.group("mag") or m.group("cur") or m.group("usd")):
            n = _number(m.group("en"))
            if n is None:
                continue
            mag = {"million": 10**6, "thousand": 10**3, "k": 10**3, "billion": 10**9}.get((m.group("mag") or "").lower(), 1)
            usd = bool(m.group("usd")) or (m.group("cur") or "").lower() in ("dollars", "usd")
            found.append((n * mag, "USD" if usd else "元", m.start()))
    return found


# Words of taking people on: a count beside them is the hires a per-head support pays for, not the firm's whole staff
_HIRING = re.compile(r"招|录用|吸纳|聘|新增|安置|接收|返岗|回来上班|回岗|复工|hire|hiring|taking on|take on|recruit|"
                     r"came back|come back|returned to work", re.IGNORECASE)
# What follows a figure that makes it no count of people: 3个月, 2个季度, 5个工作日
_NOT_HEADS = re.compile(r"\s*(?:月|年|季度|工作日|日|天|小时|星期|周|批次|项目|点)")
# Relatives counted by a bare classifier (两个哥哥, 三个姐妹): people, but not the hires, staff or children a support
# counts, nor the asker's children (a count base is taken only from nouns of its own kind)
_KIN_AFTER = re.compile(r"\s*(?:哥哥|姐姐|弟弟|妹妹|兄弟|姐妹|兄妹|姐弟|老人|长辈|亲戚|父母|爸妈)")
# The nouns of a count of children (a support paid per child: 每个子女)
CHILD_NOUNS = ("孩子", "子女", "娃", "儿子", "女儿", "children", "kids", "sons", "daughters")


# One child named without a figure: 独生女, 独生子 (not 独生子女, the taxpayer's own status), my only daughter
_ONE_CHILD = re.compile(r"独生(?:女|子(?!女))|\b(?:my|our|the|an?) only (?:daughter|son|child|kid)\b|"
                        r"\bonly (?:daughter|son|child) of\b", re.IGNORECASE)


# A child named as a son or a daughter (儿子今年上高一; my daughter), and words of more than one (大儿子, 俩孩子, sons)
_SON_OR_DAUGHTER = re.compile(r"儿子|女儿|\b(?:my|our) (?:son|daughter)\b", re.IGNORECASE)
_MORE_CHILDREN = re.compile(r"[大小二三老]儿子|[大小二三老]女儿|老大|老二|俩|两个|几个|孩子们|儿女|一儿一女|双胞胎|\bsons\b|"
                            r"\bdaughters\b|\bchildren\b|\bkids\b|\btwins\b", re.IGNORECASE)


_CHILD_SUPPORT = re.compile(r"子女|孩子|儿童|婴幼儿|\bchild", re.IGNORECASE)  # a support paid per child


def _one_named_child(text: str) -> bool:
    """One child, named as the asker's son or daughter and no other (儿子今年上高一): a parent writes 儿子 for one
    child rather than 一个孩子; a son and a daughter, or words of several (大儿子, 俩孩子, children), are more."""
    named = {m.group().lower().split()[-1].replace("儿子", "son").replace("女儿", "daughter")
             for m in _SON_OR_DAUGHTER.finditer(text)}
    return len(named) == 1 and not _MORE_CHILDREN.search(text)


def _pairs(text: str) -> set[str]:
    chars = re.sub(r"[^\u4e00-\u9fff]", "", text)
    return {chars[i:i + 2] for i in range(len(chars) - 1)}


def count_in(text: str, nouns: Sequence[str] = ("人", "名", "个", "people", "persons", "workers", "young people",
                                                "graduates", "children", "kids", "娃", "孩子", "子女"),
             about: str = "", against: str = "") -> Decimal | None:
    """How many people (or children) ``text`` speaks of: 招了10个人 → 10; 两个娃 → 2; 10 young people → 10; a count
    the words deny (一个员工都没裁) is none.  Of several counts (公司200多人，今年新招了15个应届生), the one whose
    clause is about what ``about`` (the support's words) pays for: the clause sharing most of its words, a count of
    hires for a support that pays per hire (每招用1人); the first where none stands out.  A count whose clause is
    about the headcount a condition ``against`` sets (缴纳失业保险员工人数超过50人 against 交失业保险的有120人) is the
    firm's size judged by that condition, not the people paid for."""
    noun = "|".join(re.escape(n) for n in nouns)
    found = [m for m in re.finditer(rf"(?P<n>[0-9]+|[一二两三四五六七八九十]+)\s*(?:个|名|位)?\s*(?:{noun})", text)
             if not re.match(r"[\u4e00-\u9fff]{0,4}?(?:都没|都不|也没|也不)", text[m.end():])
             and not (m.group().endswith("个") and _NOT_HEADS.match(text[m.end():]))
             and not (m.group()[-1] in "个名位" and _KIN_AFTER.match(text[m.end():]))]
    if not found:
        found = list(re.finditer(rf"\b(?P<n>{'|'.join(_EN_NUMBERS)}|[0-9]+)\s+(?:[a-z-]+\s+){{0,2}}(?:{noun})", text,
                                 re.IGNORECASE))
    if not found:  # an only child (独生女, my only daughter): one child, though no figure is written
        if any(n in nouns for n in ("孩子", "子女", "children")) and (_ONE_CHILD.search(text) or _one_named_child(text)
                                                                          and _CHILD_SUPPORT.search(about)):
            return Decimal(1)
        return None
    m = found[0]
    if about and len({x.group("n") for x in found}) > 1:
        wanted, hires = _pairs(about), bool(_HIRING.search(about))
        sized = _pairs(against) if re.search(r"人数|[0-9一二三四五六七八九十百]+人(?:以上|以下|及以上|\(含\)|（含）)", against) else set()

        def fit(x: re.Match[str]) -> int:
            begin = max(text.rfind(c, 0, x.start()) for c in "，,。；;.!?") + 1
            ends = [i for i in (text.find(c, x.end()) for c in "，,。；;.!?") if i >= 0]
            clause = text[begin:min(ends) if ends else len(text)]
            before = text[max(begin, x.start() - 15):x.start()]  # 今年新招了15个; taking on 10 young people
            after = re.split(r"[，,。；;.!?]| and ", text[x.end():x.end() + 16])[0]  # 30个工人…都回来上班了
            return (len(_pairs(clause) & wanted) + (3 if hires and _HIRING.search(before + " " + after) else 0)
                    - (2 if len(_pairs(clause) & sized) >= 2 else 0))

        scores = [fit(x) for x in found]
        if max(scores) != scores[0]:
            m = found[scores.index(max(scores))]
    n = m.group("n").lower()
    return Decimal(_EN_NUMBERS[n]) if n in _EN_NUMBERS else _number(n)


_WORKED = re.compile(r"(?:干|做|工作|从业|任职|执业|上班|教)了?(?P<n>[0-9]+|[一二两三四五六七八九十]+)年(?:多)?"
                     r"|(?P<m>[0-9]+|[一二两三四五六七八九十]+)年(?:的)?(?:[\u4e00-\u9fff]{0,6})(?:工作|从业)经(?:历|验)"
                     r"|(?P<en>[0-9]+|one|two|three|four|five|six|seven|eight|nine|ten)\s+years?\s+(?:of\s+)?"
                     r"(?:work|working|experience|as\b|in\b)", re.IGNORECASE)


def disciplines_in(text: str) -> set[str]:
    """The groups of the majors ``text`` names (法学本科 → humanities-social; 机械专业 → science-engineering)."""
    found = set()
    lowered = text.lower()
    for key, entry in vocabulary()["disciplines"].items():
        if not key.startswith("_") and any(m.lower() in lowered for m in entry["majors"]):
            found.add(key)
    return found


def years_of_work(text: str) -> Decimal | None:
    """How many years of work ``text`` states: 干了两年工艺工程师 → 2; 5年相关工作经验 → 5; two years as an
    engineer → 2; None when it states none (a 3-year contract or a firm's age is no one's experience)."""
    m = _WORKED.search(text)
    if not m:
        return None
    n = (m.group("n") or m.group("m") or m.group("en")).lower()
    return Decimal(_EN_NUMBERS[n]) if n in _EN_NUMBERS else _number(n)


def ages_in(text: str) -> tuple[int, int] | None:
    """The ages ``text`` gives: 今年25岁 → (25, 25); aged 19 to 23 → (19, 23)."""
    m = re.search(r"(?P<a>[0-9]{1,2})\s*(?:到|至|-|—|~)\s*(?P<b>[0-9]{1,2})\s*岁|aged?\s+(?P<c>[0-9]{1,2})\s*(?:to|-|–)\s*"
                  r"(?P<d>[0-9]{1,2})", text)
    if m:
        a, b = (m.group("a"), m.group("b")) if m.group("a") else (m.group("c"), m.group("d"))
        return int(a), int(b)
    m = re.search(r"(?P<a>[0-9]{1,2})\s*岁|(?P<b>[0-9]{1,2})\s*(?:years old|-year-old)|aged\s+(?P<c>[0-9]{1,2})", text)
    if m:
        age = int(m.group("a") or m.group("b") or m.group("c"))
        return age, age
    return None


# The relatives a text can give an age for, by the word a policy uses for them (年满60岁的父母, 祖父母)
_RELATIVES = {"父母": ("我妈妈", "我妈", "我母亲", "母亲", "老妈", "我爸爸", "我爸", "我父亲", "父亲", "老爸", "my mother",
                     "my mum", "my mom", "my father", "my dad", "my parents"),
              "祖父母": ("奶奶", "爷爷", "外婆", "外公", "姥姥", "姥爷", "祖父", "祖母", "grandmother", "grandfather",
                       "grandma", "grandpa"),
              "子女": ("孩子", "儿子", "女儿", "my son", "my daughter", "my child")}


def relative_ages(text: str) -> dict[str, int]:
    """The ages ``text`` gives for a relative, by the policy's word for them: 我妈今年58岁 → {父母: 58}; my father
    is 62 → {父母: 62}.  The age must follow the relative within the same clause (a few characters or words)."""
    found: dict[str, int] = {}
    for group, words in _RELATIVES.items():
        for w in words:
            m = re.search(rf"{re.escape(w)}[^，,。；;！？!?.\d]{{0,8}}?(?P<a>[0-9]{{1,3}})\s*(?:周)?岁"
                          rf"|{re.escape(w)}\s+(?:is|turned|is now|just turned)\s+(?P<b>[0-9]{{1,3}})\b", text,
                          re.IGNORECASE)
            if m:
                found.setdefault(group, int(m.group("a") or m.group("b")))
                break
    return found


_EN_STATUS = {"graduate": ("graduate",), "unemployed": ("unemployed", "jobless", "out of work"),
              "returnee": ("returnee", "returned home", "return to my home"), "veteran": ("veteran", "ex-service"),
              "disabled": ("disabled", "disability")}


def statuses_in(text: str) -> set[str]:
    """The person statuses ``text`` names (失业青年 → unemployed; a fresh graduate → graduate)."""
    found = set()
    lowered = text.lower()
    for status, aliases in vocabulary()["person_status_aliases"].items():
        if any(a.lower() in lowered for a in aliases):
            found.add(status)
    for entry in vocabulary()["persons"]:
        if any(w in text for w in entry["words"]) or (entry.get("pattern") and re.search(entry["pattern"], text)):
            found.add(entry["status"])
    for status, words in _EN_STATUS.items():
        if any(w in lowered for w in words):
            found.add(status)
    for status in ("doctorate", "master"):  # a degree one is still studying for (在职读硕士, 考博士) is not held
        aliases = vocabulary()["person_status_aliases"].get(status, [])
        held = [m for a in aliases for m in re.finditer(re.escape(a.lower()), lowered)
                if not _STUDYING.search(lowered[max(0, m.start() - 24):m.start()])]
        if status in found and not held:
            found.discard(status)
    return found


# Words before a degree saying it is being studied for, not held
_STUDYING = re.compile(r"(?:读|考|攻|报考|申请|studying for|doing|working towards?|enrolled in)(?:\s+an?)?\s*(?:在职)?\s*$")


number_of = _number  # a number written in digits or in Chinese: 1,500 → 1500; 十二 → 12


def policy_term_groups(text: str) -> list[list[str]]:
    """The ``everyday_terms`` groups whose everyday words ``text`` uses, each as its policy terms (靠人眼 →
    [智能检测, 在线检测]; collaborative robot → [人机协作]): one entry per kind of project the firm describes."""
    lowered = text.lower()
    return [list(group["terms"]) for group in vocabulary().get("everyday_terms", {}).get("groups", [])
            if any((re.search(rf"\b{re.escape(w.lower())}", lowered) if w.isascii() else w in text)
                   for w in group["words"])]


def policy_terms(text: str) -> list[str]:
    """The policy terms for the kind of project ``text`` describes in everyday words (电老虎、电费能省 → 节能, 能耗;
    a near-miss, a leak → 安全生产): data, ``everyday_terms`` of ingest/data/instruments.json.  A firm describes
    its retrofit as it sees it, a plan names the kind of retrofit; the encoder does not join the two, so the
    calculator adds the plan's words to the firm's before retrieval.  An English word matches at a word start."""
    lowered = text.lower()
    found: list[str] = []
    for group in vocabulary().get("everyday_terms", {}).get("groups", []):
        hit = any((re.search(rf"\b{re.escape(w.lower())}", lowered) if w.isascii() else w in text)
                  for w in group["words"])
        if hit:
            found += [t for t in group["terms"] if t not in found and t not in text]
    return found


# The units of a threshold that is no sum of money (面积2000平方米以上, 年度服务省内企业50家以上, 用地50亩以上), with
# the words a firm writes them in, Chinese then English (an English noun may follow a word or two: 60 Jiangxi firms)
QUANTITY_UNITS: dict[str, tuple[str, str]] = {
    "平方米": (r"平方米|平米|㎡|m2|m²", r"square\s+met(?:re|er)s?|sq\.?\s?m\b|sqm\b|m2\b|m²"),
    "家": (r"家(?![里中人])", r"(?:[a-z-]+\s+){0,2}(?:firms|companies|enterprises|businesses|clients|customers)\b"),
    "亩": (r"亩", r"mu\b"),
    "台": (r"台(?:套)?", r"(?:[a-z-]+\s+){0,2}(?:machines|units|sets)\b"),
}


def quantity_in(text: str, unit: str) -> Decimal | None:
    """How much of ``unit`` (平方米, 家, 亩, 台) ``text`` states: 租了2500平方米的海外仓 → 2500; served 60 Jiangxi
    firms → 60; None when it states none (a firm's figure for a threshold no profile field holds)."""
    words = QUANTITY_UNITS.get(unit)
    if words is None:
        return None
    zh, en = words
    m = re.search(rf"(?P<n>[0-9][0-9,]*(?:\.[0-9]+)?|[一二两三四五六七八九十]+)\s*(?:多|余)?(?:{zh})", text) or re.search(
        rf"(?P<n>[0-9][0-9,]*(?:\.[0-9]+)?)[\s-]*(?:{en})", text, re.IGNORECASE)
    return _number(m.group("n")) if m else None
