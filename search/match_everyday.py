"""Kinds of project a firm describes by its situation rather than by a word: the part it buys abroad and wants to
make itself (a plan's 核心基础零部件, 自主化), the customer that asks its suppliers to upgrade with it (配套企业的协同
改造), the research result it buys from a university and scales up (科技成果转化, 中间试验).

``ingest/data/instruments.json`` ``everyday_terms`` holds the words a firm uses for a kind of project (电老虎 →
节能); those kinds are named by one word.  These are named by a relation between two things the firm says (from
Germany … bought; our customer … asked its suppliers … upgrade; a university … buy the patents), so each is a set
of patterns that must all be found in the firm's words.  search/match.py adds their policy terms to the search
and KIND_TERM_BOOST to a unit that writes them, as for the everyday words.  Words and patterns only: no document,
unit or profile is named here.
"""

from __future__ import annotations

import re

__all__ = ["SITUATIONS", "situation_groups", "situation_terms"]

_I = re.IGNORECASE

# (policy terms, patterns that must all match the firm's words)
SITUATIONS: tuple[tuple[tuple[str, ...], tuple[re.Pattern[str], ...]], ...] = (
    # a part or material bought abroad that the firm wants to make itself: import substitution
    (("核心基础零部件", "关键基础材料", "自主化"),
     (re.compile(r"依赖进口|靠进口|全靠进口|都是进口|进口的|替代进口|进口替代|国产化|国产替代|卡脖子|"
                 r"从(?:国外|海外|境外|德国|日本|美国|欧洲|瑞士|韩国|意大利)[^，,。；;！？]{0,8}?(?:买|进|采购|订)|"
                 r"\b(?:imported|all import|rely on imports|depend on imports|bought (?:from )?abroad|"
                 r"from foreign suppliers|made abroad|import substitution)\b", _I),)),
    # a customer (an assembler, a leading firm) asking its suppliers to upgrade together with it
    (("配套企业", "协同改造", "龙头企业"),
     (re.compile(r"(?:主机厂|整车厂|总装厂|龙头企业|大客户|客户)[^。；;！？]{0,24}?(?:要求|让|通知)[^。；;！？]{0,16}?"
                 r"(?:供应商|配套厂|配套企业|我们)[^。；;！？]{0,16}?(?:一起|跟着|同步|配合)?[^。；;！？]{0,6}?(?:改造|升级)|"
                 r"\b(?:maker|manufacturer|customer|assembler|OEM)s? (?:that )?we supply\b|"
                 r"\b(?:asked|requires?|required|wants|told) (?:all )?(?:of )?its (?:parts |component )?suppliers\b|"
                 r"\bsuppliers? to upgrade\b", _I),)),
    # a research result bought or licensed from a university or an institute, and made at scale
    (("科技成果转化", "技术成果购买", "中间试验", "产业化"),
     (re.compile(r"高校|大学|科研院所|研究所|研究院|科研机构|\buniversit(?:y|ies)\b|\binstitutes?\b|"
                 r"\bresearch (?:lab|laboratory|group|team)\b", _I),
      re.compile(r"买[^，,。；;]{0,6}?(?:专利|成果|技术)|(?:专利|成果|技术)(?:转让|许可|授权|转化)|成果转化|中试|"
                 r"放大生产|\b(?:buy|buying|purchase|license|licence|acquire)\b[^.;]{0,30}?\b(?:patents?|technology|"
                 r"invention)\b|\bscal(?:e|ing) (?:it )?up\b|\bpilot (?:line|production|plant)\b", _I))),
)


def situation_groups(text: str) -> list[list[str]]:
    """The policy terms of each situation the firm's words describe, one entry per situation (a firm buying
    bearings from Germany and Japan that wants to make them → [核心基础零部件, 关键基础材料, 自主化])."""
    return [list(terms) for terms, patterns in SITUATIONS if all(p.search(text) for p in patterns)]


def situation_terms(text: str) -> list[str]:
    """The policy terms of the situations ``text`` describes, each once, those it already writes left out."""
    found: list[str] = []
    for group in situation_groups(text):
        found += [t for t in group if t not in found and t not in text]
    return found
