"""Kinds of project a firm describes by its situation rather than by a word: the part it buys abroad and wants to
make itself (a plan's 核心基础零部件, 自主化), the customer that asks its suppliers to upgrade with it (配套企业的协同
改造), the research result it buys from a university and scales up (科技成果转化, 中间试验).

``ingest/data/instruments.json`` ``everyday_terms`` holds the words a firm uses for a kind of project (电老虎 →
节能); those kinds are named by one word.  These are named by a relation between two things the firm says (from
Germany … bought; our customer … asked its suppliers … upgrade; a university … buy the patents), so each is a set
of patterns that must all be found in the firm's words: data too, ``everyday_terms.situations`` of the same file.
search/match.py adds their policy terms to the search and KIND_TERM_BOOST to a unit that writes them, as for the
everyday words.  Words and patterns only: no document, unit or profile is named here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.conditions import vocabulary

__all__ = ["situation_groups", "situation_terms", "situations"]



@lru_cache(maxsize=1)
def situations() -> tuple[tuple[tuple[str, ...], tuple[re.Pattern[str], ...]], ...]:
    """(policy terms, patterns that must all match the firm's words) of each situation, from the shipped data."""
    groups = vocabulary().get("everyday_terms", {}).get("situations", {}).get("groups", [])
    return tuple((tuple(g["terms"]), tuple(re.compile(p, re.IGNORECASE) for p in g["patterns"])) for g in groups)


def situation_groups(text: str) -> list[list[str]]:
    """The policy terms of each situation the firm's words describe, one entry per situation (a firm buying
    bearings from Germany and Japan that wants to make them → [核心基础零部件, 关键基础材料, 自主化])."""
    return [list(terms) for terms, patterns in situations() if all(p.search(text) for p in patterns)]


def situation_terms(text: str) -> list[str]:
    """The policy terms of the situations ``text`` describes, each once, those it already writes left out."""
    found: list[str] = []
    for group in situation_groups(text):
        found += [t for t in group if t not in found and t not in text]
    return found
