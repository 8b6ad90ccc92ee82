"""Checks a unit's own words make against what the profile's words say it wants or has: a prohibition it runs into
(不得办成营利性幼儿园), a thing the grant leaves out (不含疫苗), a requirement not met yet (以通过一致性评价为依据, 还在做),
a refusal of the very thing it asks for (水泥项目不属于振兴产业的范围，不宜安排国债资金支持), a relative's age
(年满60岁的父母).  Each is a ``ConditionCheck`` naming the clause and its span, so a verdict says which words decide
it.  Split from search/eligibility.py, which judges a support's conditions as data and computes amounts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from kg.views import ConditionCheck, EnterpriseProfile

__all__ = ["DOCUMENT_REFUSAL", "bigrams", "duration_checks", "one_only_checks", "industry_list_checks", "quantity_bounds", "ratio_checks", "exclusions", "layoff_checks", "prohibitions", "refusals", "relative_age_checks",
           "survivor_checks",
           "scope_check", "unmet_requirements"]

# ------------------------------------------------------------------------------------------------ prohibitions

_PROHIBITION = re.compile(r"(?:不得|禁止|严禁|不准|不允许)[^，,。；;]{2,30}")


def bigrams(text: str) -> set[str]:
    """The pairs of adjacent Chinese characters of ``text``: the unit of word overlap when no segmenter is at hand."""
    cjk = re.sub(r"[^\u4e00-\u9fff]", " ", text)
    return {w[i:i + 2] for w in cjk.split() for i in range(len(w) - 1)}


def prohibitions(text: str, profile: EnterpriseProfile, start: int = 0) -> list[ConditionCheck]:
    """The prohibitions of ``text`` (不得办成营利性幼儿园) that what the profile wants runs into: most of the
    prohibited thing's words are in its needs (a failed check naming the clause)."""
    wants = bigrams(" ".join((profile.needs, *profile.plans)))
    found = []
    for m in _PROHIBITION.finditer(text):
        words = bigrams(re.sub(r"^(?:不得|禁止|严禁|不准|不允许)", "", m.group()))
        shared = words & wants
        if len(shared) >= 3 and len(shared) >= len(words) / 2:
            found.append(ConditionCheck("failed", "needs", m.group(), "、".join(sorted(shared)),
                                        start + m.start(), start + m.end()))
    return found


# A text allowing one only: 并在一家专利代理机构从业; 不得同时在两个以上专利代理机构从事…; 一人只能担任一个…法定代表人
_ONE_ONLY = re.compile(r"(?:只能|仅能|仅限|应当|并)?在一(?:家|个|所)[\u4e00-\u9fff]{2,12}?(?:从业|执业|任职|注册|工作)"
                       r"|不得同时在(?:两|二|2)(?:个|家|所)以上[\u4e00-\u9fff]{2,12}?(?:从事|从业|执业|任职|注册)"
                       r"|只能(?:担任|在|参加|注册)一(?:个|家|所|项)")
# The asker's words for a second one, or for two at once (第二家, 另一家, 同时在两家, 兼职; a second agency, another firm)
_SECOND = re.compile(r"第二(?:家|个|所)|另(?:外)?一(?:家|个|所)|再(?:去|到|在)?一(?:家|个)|两(?:家|个|所)|同时在|兼职|兼任|"
                     r"\ba second\b|\banother (?:agency|agencies|firm|company|employer|office|practice|one)\b|"
                     r"\btwo (?:agencies|firms|companies|employers)\b|\bmoonlight", re.IGNORECASE)


def one_only_checks(text: str, profile: EnterpriseProfile, start: int = 0) -> list[ConditionCheck]:
    """A unit allowing one only (在一家专利代理机构从业; 不得同时在两个以上…执业) against an asker who wants a second or
    two at once (第二家, 兼职; a second agency): a failed check naming the clause."""
    said = " ".join((profile.needs, *profile.plans))
    wants = _SECOND.search(said)
    if not wants:
        return []
    return [ConditionCheck("failed", "needs", m.group(), wants.group(), start + m.start(), start + m.end())
            for m in _ONE_ONLY.finditer(text)]


# ------------------------------------------------------------------------------------------------ exclusions, requirements

# What a grant leaves out: 进口少量药品（不含疫苗）, 不包括…, 除…外
_EXCLUSION = re.compile(r"(?:不含|不包括|不包含|除)(?P<x>[\u4e00-\u9fff、]{1,12}?)(?:[）)，,。；;]|外|以外|在内)")
# What a unit requires the firm to have done or hold: 以通过一致性评价为依据, 须取得…证书, 具备…资质
_REQUIREMENT = re.compile(r"(?:通过|取得|获得|具备|具有)(?P<x>[\u4e00-\u9fff]{2,12}?)(?:为依据|为准|为前提|为条件|的|[，,。；;、）)]|$)")
# A clause of the firm's own words saying a thing is not (yet) done or held
_NOT_DONE = re.compile(r"还没|还未|没有|没做完|没完成|没通过|尚未|未通过|未完成|未取得|还在做|正在做|不具备|not yet|"
                       r"haven't|have not|hasn't|has not|still (?:doing|running|under way)", re.IGNORECASE)


# The asker's own words leaving a thing out of its sum (没算厂房和地, 不含土地, 除了厂房): it agrees with the exclusion
_LEFT_OUT = re.compile(r"(?:没算|没有算|不算|没包括|没有包括|不包括|不含|未含|未计|没计|除了|除去|扣除)(?:(?!的)[\u4e00-\u9fff、和及]){0,4}$")


def _left_out_too(thing: str, wants: str) -> bool:
    """Is every mention of ``thing`` in the asker's words one it leaves out itself (没算厂房和地)?"""
    return all(_LEFT_OUT.search(wants[max(0, m.start() - 10):m.start()]) for m in re.finditer(re.escape(thing), wants))


def exclusions(text: str, profile: EnterpriseProfile, start: int = 0,
               terms: Sequence[str] = ()) -> list[ConditionCheck]:
    """What a unit leaves out (不含疫苗) that the profile asks for: the excluded thing is in its needs, or among
    the Chinese words an English profile stands for (``terms``): a failed check naming the clause."""
    wants = " ".join((profile.needs, *profile.plans, *terms))
    found = []
    for m in _EXCLUSION.finditer(text):
        things = [t for t in m.group("x").split("、") if len(t) >= 2]
        hit = [t for t in things if t in wants and not _left_out_too(t, wants)]
        if hit:
            found.append(ConditionCheck("failed", "needs", m.group().rstrip("），,。；;)"), "、".join(hit),
                                        start + m.start(), start + m.end()))
    return found


def unmet_requirements(text: str, profile: EnterpriseProfile, start: int = 0) -> list[ConditionCheck]:
    """What a unit requires (以通过一致性评价为依据) that the profile's own words say is not done yet (一致性评价还在做、
    没做完): most of the required thing's words are in one clause of the needs that says so (a failed check)."""
    clauses = [c for c in re.split(r"[。，,；;！!？?]", " ".join((profile.needs, *profile.plans))) if _NOT_DONE.search(c)]
    if not clauses:
        return []
    found, seen = [], set()
    for m in _REQUIREMENT.finditer(text):
        thing = m.group("x")
        words = bigrams(thing)
        if not words or thing in seen:
            continue
        for clause in clauses:
            shared = words & bigrams(clause)
            if len(shared) >= 2 and len(shared) >= len(words) / 2:
                seen.add(thing)
                found.append(ConditionCheck("failed", "needs", m.group().rstrip("的，,。；;、）)"), clause.strip(),
                                            start + m.start(), start + m.end()))
                break
    return found


# An age a policy sets for a relative of the person: 被赡养人是指年满60岁的父母; 3周岁以上的子女
_RELATIVE_AGE = re.compile(r"(?:年满|满)(?P<n>[0-9]{1,3})(?:周)?岁(?:以上)?的(?P<who>[\u4e00-\u9fff]{0,6}?(?:祖父母|父母|子女))"
                           r"|(?P<n2>[0-9]{1,3})(?:周)?岁以上的(?P<who2>[\u4e00-\u9fff]{0,6}?(?:祖父母|父母|子女))")


def relative_age_checks(text: str, profile: EnterpriseProfile, start: int = 0) -> list[ConditionCheck]:
    """A minimum age the text sets for a relative (年满60岁的父母) against the age the profile's words give that
    relative (我妈今年58岁): met or failed; nothing when the words give no such age.  The person's own age is
    another field (person.age): a parent's age never stands for it."""
    from .needs_text import relative_ages

    ages = relative_ages(" ".join((profile.needs, *profile.plans)))
    checks = []
    for m in _RELATIVE_AGE.finditer(text):
        bound, who = int(m.group("n") or m.group("n2")), m.group("who") or m.group("who2")
        group = next((g for g in ("祖父母", "父母", "子女") if who.endswith(g)), "")
        if group not in ages:
            continue
        ok = ages[group] >= bound
        checks.append(ConditionCheck("met" if ok else "failed", "relative.age", m.group(),
                                     f"{group} {ages[group]} {'≥' if ok else '<'} {bound}", start + m.start(),
                                     start + m.end()))
    return checks


# A relative the policy covers only once all their children have died: 子女均已去世的年满60岁的祖父母、外祖父母
_ORPHANED = re.compile(r"(?:子女|儿女)(?:均|都|全部)(?:已)?(?:去世|死亡|亡故|过世)的(?P<who>[^，,。；;]{0,12}?(?:祖父母|外祖父母))")
# The relative as the asker names them, and the children of that relative (the asker's parents, aunts and uncles)
_GRANDPARENT = re.compile(r"奶奶|爷爷|外婆|外公|姥姥|姥爷|祖父|祖母|grand(?:mother|father|ma|pa|parent)", re.IGNORECASE)
# (a paternal grandparent's children: the father, his sisters and brothers; a maternal one's: the mother, hers)
_THEIR_CHILD = {"paternal": re.compile(r"姑姑|姑妈|叔叔|伯伯|大伯|(?:我)?(?:爸|父亲)"),
                "maternal": re.compile(r"舅舅|姨妈|小姨|大姨|(?:我)?(?:妈|母亲)"),
                "either": re.compile(r"\b(?:aunt|uncle|father|mother|dad|mum|mom)s?\b", re.IGNORECASE)}
_MATERNAL = re.compile(r"外婆|外公|姥姥|姥爷|外祖")
_DEAD = re.compile(r"去世|过世|不在了|走了|离世|病故|死了|died|passed away|deceased|is dead", re.IGNORECASE)


def survivor_checks(text: str, profile: EnterpriseProfile, start: int = 0) -> list[ConditionCheck]:
    """A grandparent covered only when all their children have died (子女均已去世的…祖父母) against an asker who speaks
    of a grandparent and names one of that grandparent's children alive (我爸去世了，还有个姑姑在外地): failed, the
    living child named; met when every such child the words name has died.  Nothing when no grandparent is named
    or no child of theirs is."""
    said = " ".join((profile.needs, *profile.plans))
    if not _GRANDPARENT.search(said):
        return []
    grand = _GRANDPARENT.search(said).group()
    side = "either" if grand.lower().startswith("grand") else "maternal" if _MATERNAL.match(grand) else "paternal"
    living, dead = [], []
    for clause in re.split(r"[，,。；;！!？?\n]|\bbut\b", said):
        for m in _THEIR_CHILD[side].finditer(clause):
            (dead if _DEAD.search(clause) else living).append(m.group())
    if not living and not dead:
        return []
    checks = []
    for m in _ORPHANED.finditer(text):
        if living:
            checks.append(ConditionCheck("failed", "relative.alive", m.group(), f"{living[0]} 在世",
                                         start + m.start(), start + m.end()))
        else:
            checks.append(ConditionCheck("met", "relative.alive", m.group(), "、".join(dead) + " 已去世",
                                         start + m.start(), start + m.end()))
    return checks


# ------------------------------------------------------------------------------------------------ refusals

# A text that turns a kind of firm or project away: 水泥项目不属于振兴产业的范围; 主辅分离改制分流不存在补助问题;
# 不宜安排国债资金支持; 不予支持; 不能享受…政策.  Replies and answers to localities say no as often as yes.
_REFUSAL = re.compile(r"(?:不属于|不在)[^，,。；;]{0,14}?(?:范围|范畴|之列)|不存在[^，,。；;]{0,8}?(?:补助|补贴|支持|奖励|扶持)问题"
                      r"|不宜(?:安排|给予|纳入|列入)|不予(?:支持|补助|补贴|奖励|安排|扶持|奖补|兑现)|不(?:能|得|再)享受|不(?:列入|纳入)[^，,。；;]{0,10}?"
                      r"(?:支持|补助|补贴|扶持)|不适用(?:于)?本(?:办法|政策|细则|措施|规定|意见|条款)")
# A refusal that holds for a whole document: 本办法适用于…；…的企业，不予奖励 / …等项目不适用本办法
DOCUMENT_REFUSAL = re.compile(r"不适用(?:于)?本(?:办法|政策|细则|措施|规定|意见)|本(?:办法|政策|细则|措施|规定|意见)适用于")
# Words of a refused kind that say nothing of which firm it is: 当年, 的企业, 等项目
_GENERIC = re.compile(r"^(?:当年|上年度|近[0-9一二三]年内?|凡|对)+|(?:等|的)?(?:企业|项目|单位|行为)$")
# A clause of the asker's words saying it does not have the refused thing
_NOT_HAVE = re.compile(r"没有|没发生|未发生|无|不存在|从未|从没")
_CLAUSE_START = re.compile(r"[，,。；;：:\n]")
# A clause's opening words that say nothing about what is refused
_LEAD_IN = re.compile(r"^(?:因此|所以|但|但是|而|对于|对|凡|其中|同时|另外|此外)+")


def _refused_subject(text: str, at: int) -> str:
    """The words a refusal at ``at`` is about: its own clause before it, else the clause before that (对未…的企业，
    不予支持)."""
    begin = max((m.end() for m in _CLAUSE_START.finditer(text, 0, at)), default=0)
    subject = _LEAD_IN.sub("", text[begin:at].strip())
    if len(subject) < 2 and begin > 0:
        before = max((m.end() for m in _CLAUSE_START.finditer(text, 0, begin - 1)), default=0)
        subject = _LEAD_IN.sub("", text[before:begin - 1].strip())
    return subject


def _names_refused_kind(subject: str, said: str) -> bool:
    """Whether the asker's words name one kind of a list of refused kinds (煤炭采掘、洗选、焦化…等项目; 发生较大及以上
    安全生产事故的企业、因违反…受到行政处罚的企业): a kind of two or three characters written in full in them (洗选),
    or a run of four characters or more of a longer kind (安全生产事故) in a clause of theirs that does not deny it."""
    clauses = [c for c in re.split(r"[。，,；;！!？?\s]", said) if c]
    for kind in re.split(r"[、]|及|和|或者|或", subject):
        kind = _GENERIC.sub("", re.sub(r"[^\u4e00-\u9fff]", "", kind))
        if len(kind) < 2:
            continue
        if len(kind) <= 3:
            if any(kind in c and not _NOT_HAVE.search(c) for c in clauses):
                return True
            continue
        runs = {kind[i:i + 4] for i in range(len(kind) - 3)}
        if any(r in c and not _NOT_HAVE.search(c) for c in clauses for r in runs):
            return True
    return False


def refusals(text: str, profile: EnterpriseProfile, start: int = 0) -> list[ConditionCheck]:
    """What ``text`` turns away (水泥项目不属于振兴产业的范围) when the profile's words describe that very thing (我们
    建新型干法水泥生产线): a failed check naming the refusing clause.  Most of the refused subject's words must be
    in the needs, two at least, so a machine-tool project is not refused by a cement clause in the same reply."""
    said = " ".join((profile.needs, *profile.plans, profile.industry))
    wants = bigrams(said)
    found = []
    for m in _REFUSAL.finditer(text):
        subject = _refused_subject(text, m.start())
        words = bigrams(subject)
        shared = words & wants
        if (len(shared) >= 2 and len(shared) >= len(words) / 2) or _names_refused_kind(subject, said):
            begin = text.rfind(subject, 0, m.start()) if subject else -1
            begin = begin if begin >= 0 else m.start()
            clause_end = _CLAUSE_START.search(text, m.end())
            end = clause_end.start() if clause_end else len(text)
            found.append(ConditionCheck("failed", "needs", text[begin:end], "、".join(sorted(shared)),
                                        start + begin, start + end))
    found += _locality_refusals(text, profile, start, wants)
    return found


# A reply that withholds a policy from the whole locality it answers for a reason that holds there: 由于你省在全省范围内
# 实施了天保工程，所以在工程期内暂无法享受补偿政策; 你市…暂不实施…补助政策
_WITHHELD = re.compile(r"(?:暂|目前|近期)?(?:无法|不能|不再|不宜|暂不)(?:享受|实施|执行|安排)(?P<what>[\u4e00-\u9fff]{1,12}?)(?:政策|资金|补助|补贴)")
_WHOLE_LOCALITY = re.compile(r"你(?:省|市|区|县|州)|全(?:省|市|区|县)(?:范围)?")


def _locality_refusals(text: str, profile: EnterpriseProfile, start: int, wants: set[str]) -> list[ConditionCheck]:
    """A policy the text withholds from the whole locality a reply answers (你省…全省…，所以…暂无法享受补偿政策), failed
    for an asker who asks for that very thing (the withheld policy's words shared with its needs: 补偿)."""
    found = []
    for m in _WITHHELD.finditer(text):
        sentence_start = max(text.rfind(c, 0, m.start()) for c in "。；;：:\n") + 1
        if not _WHOLE_LOCALITY.search(text, sentence_start, m.start()):
            continue
        shared = bigrams(m.group("what") + m.group()[-2:]) & wants
        shared -= {"政策", "资金"}
        if not shared:
            continue
        end = _CLAUSE_START.search(text, m.end())
        end = end.start() if end else len(text)
        found.append(ConditionCheck("failed", "needs", text[sentence_start:end].strip(), "、".join(sorted(shared)),
                                    start + sentence_start, start + end))
    return found


# ------------------------------------------------------------------------------------------------ durations

# A period of an activity a text requires: 在专利代理机构实习满1年; 从业满3年; 连续缴费不少于12个月; 工作2年以上
_DURATION_REQ = re.compile(r"(?P<act>实习|见习|工作|从业|任职|执业|缴费|参保)(?:时间|期|年限)?(?P<cmp>满|不少于|达到)?"
                           r"(?P<n>[0-9]+|[一二两三四五六七八九十]+)(?P<u>年|个月)(?P<more>以上)?")
# The words an asker uses for each activity (trainee for eight months; 实习了八个月; 上班两年)
_ACTIVITY = {"实习": ("实习", "见习", "trainee", "intern", "apprentice"), "见习": ("实习", "见习", "trainee", "intern"),
             "工作": ("工作", "上班", "干了", "working", "worked", "employed", "job"),
             "从业": ("从业", "工作", "干了", "working", "worked", "practis"), "任职": ("任职", "担任", "served", "serving"),
             "执业": ("执业", "practis"), "缴费": ("缴费", "缴了", "交了", "参保", "insured", "contribut"),
             "参保": ("参保", "缴费", "缴了", "insured", "contribut")}
_HAVE = re.compile(r"(?P<n>[0-9]+|[一二两三四五六七八九十]+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                   r"twelve|twenty|thirty)\s*(?:个)?\s*(?P<u>年|个月|月|years?|months?)", re.IGNORECASE)
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def _months(n: str, u: str) -> int | None:
    from .needs_text import _EN_NUMBERS, _number

    n = n.lower()
    value = _EN_NUMBERS.get(n) or _number(n)
    if value is None:
        return None
    return int(value) * (12 if u.lower().startswith(("年", "year")) else 1)


def duration_checks(text: str, profile: EnterpriseProfile, start: int = 0) -> list[ConditionCheck]:
    """A period of an activity the text requires (实习满1年) against the period the asker's words give for that
    activity in one sentence (a trainee for eight months): met, or failed naming the requirement; nothing when
    their words give no period for it.  A period stated without 满/不少于/达到/以上 is no requirement."""
    wants = [s for s in re.split(r"[。！？!?；;\n]|(?<=[a-z])\.\s", " ".join((profile.needs, *profile.plans))) if s.strip()]
    checks = []
    for m in _DURATION_REQ.finditer(text.translate(_FULL_WIDTH)):
        if not (m.group("cmp") or m.group("more")):
            continue
        need = _months(m.group("n"), m.group("u"))
        words = _ACTIVITY[m.group("act")]
        have = None
        for sentence in wants:
            if any(w in sentence.lower() for w in words):
                got = [_months(h.group("n"), h.group("u")) for h in _HAVE.finditer(sentence)]
                got = [g for g in got if g is not None]
                if got:
                    have = max(got)
                    break
        if need is None or have is None:
            continue
        ok = have >= need
        checks.append(ConditionCheck("met" if ok else "failed", "experience", text[m.start():m.end()],
                                     f"{have} 个月 {'≥' if ok else '<'} {need} 个月", start + m.start(), start + m.end()))
    return checks


# ------------------------------------------------------------------------------------------------ pilot areas

# A measure whose scope is a set of pilot areas the text counts (推广范围: 8个改革试验区域; 在3个试点城市实施)
_PILOT_SCOPE = re.compile(r"[0-9一二两三四五六七八九十]+个(?:改革|创新|全面创新改革)?(?:试验|试点|示范)(?:区域|地区|城市|省份|区)")


def scope_check(text: str, profile: EnterpriseProfile, lang: str = "zh", start: int = 0) -> list[ConditionCheck]:
    """A national document's measure meant for some pilot areas only (8个改革试验区域): the place decides it, so the
    verdict is unknown, naming the place to fill in, when the profile gives none; a place given is left to the
    reader (the areas are listed elsewhere in the text, often as a region: 京津冀, 珠三角)."""
    if profile.place or profile.district:
        return []
    m = _PILOT_SCOPE.search(text)
    if not m:
        return []
    return [ConditionCheck("unknown", "place", m.group(), "请填写所在地" if lang == "zh" else "fill in place",
                           start + m.start(), start + m.end())]


# ------------------------------------------------------------------------------------------------ layoffs

# A layoff rate a text allows (裁员率不高于5.5%; 30人(含)以下的参保企业裁员率不高于参保职工总数20%), with the headcount
# at or below which a looser rate holds
_LAYOFF_RATE = re.compile(r"(?:(?P<small>[0-9]+)人[（(]?含[）)]?以下的[^，,。；;]{0,12}?)?裁员率不(?:高于|超过)"
                          r"[^，,。；;0-9]{0,24}?(?P<rate>[0-9]+(?:\.[0-9]+)?)[%％]")
# The people a firm's words say it laid off: 裁了6个人, 裁员3名, 辞退了两个; none: 没裁, 未裁员, 一个都没裁
_LAID_OFF = re.compile(r"(?:裁|裁员|辞退|减员)了?(?P<n>[0-9]+|[一二两三四五六七八九十]+)(?:个|名|位)?(?:人|员工|工人)?")
_NONE_LAID_OFF = re.compile(r"没(?:有)?裁|未裁|不裁|一个(?:人)?都没(?:有)?裁|没有裁员|零裁员|no (?:one was )?lay-?offs?|laid off no",
                            re.IGNORECASE)
_HEADCOUNT = re.compile(r"(?P<n>[0-9]+)\s*(?:个|名)?\s*(?:人|名员工|个员工|职工|员工)")


def layoff_checks(text: str, profile: EnterpriseProfile, start: int = 0) -> list[ConditionCheck]:
    """A layoff rate the text allows (裁员率不高于5.5%, 30人(含)以下的企业不高于20%) against the firm's own: the people
    its words say it laid off over its insured staff (else its employees, else the headcount its words give):
    met or failed; nothing when its words say nothing of layoffs or give no headcount.  A firm at or below the
    small-firm headcount is judged on the looser rate."""
    from .needs_text import _number

    rates = list(_LAYOFF_RATE.finditer(text))
    if not rates:
        return []
    words = " ".join((profile.needs, *profile.plans))
    if _NONE_LAID_OFF.search(words):
        laid = Decimal(0)
    else:
        m = _LAID_OFF.search(words)
        laid = _number(m.group("n")) if m else None
    if laid is None:
        return []
    staff = profile.insured_staff or profile.employees
    if not staff:
        counts = [int(h.group("n")) for h in _HEADCOUNT.finditer(words)]
        staff = max(counts) if counts else None
    if not staff:
        return []
    small = [m for m in rates if m.group("small") and staff <= int(m.group("small"))]
    general = [m for m in rates if not m.group("small")]
    rule = (small or general or rates)[0]
    bound = Decimal(rule.group("rate"))
    have = (Decimal(laid) * 100 / Decimal(staff)).quantize(Decimal("0.1"))
    ok = have <= bound
    return [ConditionCheck("met" if ok else "failed", "needs", text[rule.start():rule.end()],
                           f"{laid}/{staff} = {have}% {'≤' if ok else '>'} {bound}%", start + rule.start(),
                           start + rule.end())]


# ------------------------------------------------------------------------------------------------ bounds on land and space

# A bound on an area a text sets: 6亩以下(不含6亩); 面积500平方米以上
_AREA_BOUND = re.compile(r"(?P<n>[0-9]+(?:\.[0-9]+)?)(?P<u>亩|平方米|公顷)(?:及|或)?(?P<way>以下|以上|以内)"
                         r"(?:[（(](?P<excl>不含|含)[^）)]{0,8}[）)])?")


def quantity_bounds(text: str, profile: EnterpriseProfile, start: int = 0) -> list[ConditionCheck]:
    """A bound a text sets on an area (辖区内6亩以下(不含6亩)的土地转让; 500平方米以上的厂房) against the area the
    asker's words give in that unit (转让一块8亩的地): met or failed, naming the bound; nothing when they give none.
    A bound written 不含 excludes the figure itself."""
    from .needs_text import quantity_in

    said = " ".join(" ".join((profile.needs, *profile.plans)).split())
    checks = []
    for m in _AREA_BOUND.finditer(text):
        have = quantity_in(said, m.group("u"))
        if have is None:
            continue
        bound = Decimal(m.group("n"))
        strict = m.group("excl") == "不含"
        if m.group("way") in ("以下", "以内"):
            ok = have < bound if strict else have <= bound
        else:
            ok = have > bound if strict else have >= bound
        checks.append(ConditionCheck("met" if ok else "failed", "needs", m.group(),
                                     f"{have} {m.group('u')}", start + m.start(), start + m.end()))
    return checks


# ------------------------------------------------------------------------------------------------ industries listed

# The industries a unit is for, listed: 对餐饮、零售、旅游、交通运输、住宿等受疫情影响严重的困难行业; 对批发零售、住宿餐饮行业企业
_INDUSTRY_LIST = re.compile(r"对(?P<list>[\u4e00-\u9fff]{2,8}(?:[（(][^）)]{0,20}[）)])?(?:、[\u4e00-\u9fff]{2,8}"
                            r"(?:[（(][^）)]{0,20}[）)])?){2,})等?[^，,。；;]{0,16}?行业")


def industry_list_checks(text: str, profile: EnterpriseProfile, start: int = 0) -> list[ConditionCheck]:
    """A unit for the industries it lists (对餐饮、零售、住宿…等困难行业) against the firm's words for its industry:
    met when they name one of them; failed when they name none and the sector those words point to (制造 → B/C/D,
    ingest/data/sme_size.json) is the sector of none of the listed industries; nothing when the firm gives no
    industry or its sector is not known."""
    if not profile.industry:
        return []
    from .firm_size import sme_sector
    from ingest.conditions import sme_size_rules

    checks = []
    for m in _INDUSTRY_LIST.finditer(text):
        items = [re.sub(r"[（(][^）)]*[）)]", "", i) for i in m.group("list").split("、")]
        said = " ".join((profile.industry, profile.needs))
        named = [i for i in items if i in said or any(w in profile.industry for w in (i[:2], i[-2:]) if len(i) >= 4)]
        if named:
            checks.append(ConditionCheck("met", "industry", m.group(), "、".join(named), start + m.start(),
                                         start + m.end()))
            continue
        sector = sme_sector(profile)
        if sector is None or not sector.get("codes"):
            continue
        listed = [sec for sec in sme_size_rules()["sectors"] if any(w in i or i in w for i in items for w in sec["words"])]
        if any(sec is sector or sec.get("codes") == sector.get("codes") for sec in listed):
            continue
        checks.append(ConditionCheck("failed", "industry", m.group(), profile.industry, start + m.start(),
                                     start + m.end()))
    return checks


# ------------------------------------------------------------------------------------------------ ratios

# A share one sum must make of another: 研发经费支出占主营业务收入比重达到2%(含)以上; 研发投入占销售收入的比例不低于3%
_RATIO = re.compile(r"(?P<a>[\u4e00-\u9fff]{2,10}?)占(?P<b>[\u4e00-\u9fff]{2,10}?)的?(?:比重|比例)(?P<cmp>达到|不低于|不少于|超过|高于|在)?"
                    r"(?P<n>[0-9]+(?:\.[0-9]+)?)[%％](?:[（(]含[）)])?(?:及)?(?P<more>以上)?")


def ratio_checks(text: str, profile: EnterpriseProfile, start: int = 0) -> list[ConditionCheck]:
    """A share one sum must make of another (研发经费支出占主营业务收入比重达到2%以上) against the firm's own: the two
    sums its words state beside those names (研发经费支出80万元，主营业务收入1亿元 → 0.8%), else the share they
    state for it (研发占比还不到1%): met or failed; nothing when they give neither."""
    from .eligibility import _sum_beside

    said = " ".join((profile.needs, *profile.plans))
    checks = []
    for m in _RATIO.finditer(text):
        if not (m.group("cmp") or m.group("more")):
            continue
        bound = Decimal(m.group("n"))
        part, whole = _sum_beside(m.group("a"), said), _sum_beside(m.group("b"), said)
        if part is not None and whole is not None and whole[0] > 0 and part[0] != whole[0]:
            have = (part[0] * 100 / whole[0]).quantize(Decimal("0.01"))
        else:
            stated = re.search(r"(?:占比|比重|比例)[^0-9，,。；;]{0,6}?(?P<n>[0-9]+(?:\.[0-9]+)?)\s*[%％]", said)
            if not stated:
                continue
            have = Decimal(stated.group("n"))
            if re.search(r"不到|不足|低于|没到|未达", said[max(0, stated.start()):stated.end()]):
                have -= Decimal("0.01")
        ok = have >= bound
        checks.append(ConditionCheck("met" if ok else "failed", "needs", m.group(),
                                     f"{have}% {'≥' if ok else '<'} {bound}%", start + m.start(), start + m.end()))
    return checks
