"""The search index of an incremental build is the one a build from scratch makes: tokens served from the token
cache and unit lines from the unit cache leave every saved file and every answer byte-identical. Fake encoder,
small plans written for these tests, temporary data dirs."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from search.tokenize import Tokenizer
from search.types import jsonable
from tests.faults.helpers import fault_settings
from workspace.build import build
from workspace.reader import open_workspace
from workspace.buildcache import TokenCache, UnitCache

# (file stem, title, department, target sentence)
PLANS = (
    ("bikeways-2022", "非机动车道改造实施方案", "区交通委", "改造非机动车道不少于30公里"),
    ("libraries-2023", "社区书房建设工作方案", "区文化旅游局", "建成社区书房20家"),
    ("bikeways-2024", "非机动车道品质提升方案", "区交通委", "新增自行车停放点位300处"),  # a known department
    ("drainage-2025", "雨污分流改造三年行动计划", "区水务局", "完成雨污分流改造小区45个"),  # a new department
)
QUESTIONS = ("社区书房有多少家", "非机动车道改造", "雨污分流 小区", "区交通委负责什么", "bike lanes")
SAVED = ("units.jsonl", "lexicon.json", "bm25_vocab.json")


def write(folder: Path, stem: str, title: str, department: str, target: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{stem}.txt").write_text(
        f"{title}\n\n为做好{title[:5]}工作，制定本方案。\n\n一、主要目标\n到2027年，{target}。\n"
        f"二、重点任务\n（一）排查现状。{department}牵头摸排，建立台账。\n"
        f"（二）保障资金。{department}会同区财政局落实经费。\n", encoding="utf-8")


def answers(data_dir: Path) -> list:
    index = open_workspace(fault_settings(data_dir)).index
    return [[jsonable(h) for h in index.search(q, k=8).hits] for q in QUESTIONS]


def saved(data_dir: Path) -> dict[str, bytes]:
    root = open_workspace(fault_settings(data_dir)).root / "index"
    names = [*SAVED, *sorted(p.name for p in (root / "bm25").iterdir())]
    return {n: ((root / n) if (root / n).is_file() else (root / "bm25" / n)).read_bytes() for n in names}


@pytest.mark.parametrize("added", [2, 3], ids=["known-department", "new-department"])
def test_an_index_built_incrementally_is_the_one_built_from_scratch(tmp_path, added):
    folder = tmp_path / "in"
    for plan in PLANS[:2]:
        write(folder, *plan)
    incremental = tmp_path / "incremental"
    build(fault_settings(incremental), [folder])
    write(folder, *PLANS[added])
    build(fault_settings(incremental), [folder])
    scratch = tmp_path / "scratch"
    build(fault_settings(scratch), [folder])
    assert len(list((incremental / "cache" / "tokens").glob("*.pickle"))) == 1  # the cache was used
    assert saved(incremental) == saved(scratch)
    assert answers(incremental) == answers(scratch)
    assert any(answers(scratch))


class CountingTokenizer(Tokenizer):
    calls = 0

    def tokens(self, text: str) -> list[str]:
        CountingTokenizer.calls += 1
        return super().tokens(text)


def test_token_cache_tokenises_a_text_once_per_dictionary(tmp_path):
    texts = ["推进社区书房建设", "改造非机动车道", "推进社区书房建设"]
    tokenizer = CountingTokenizer(["社区书房"])
    cache = TokenCache(tmp_path)
    first = cache.tokenize(tokenizer, texts)
    assert first == [tokenizer.tokens(t) for t in texts]
    assert cache.flush() == 2
    CountingTokenizer.calls = 0
    assert TokenCache(tmp_path).tokenize(tokenizer, texts) == first
    assert CountingTokenizer.calls == 0
    other = CountingTokenizer(["社区书房", "非机动车道"])  # another dictionary: its own file, the old one dropped
    again = TokenCache(tmp_path)
    assert again.tokenize(other, texts) == [other.tokens(t) for t in texts]
    again.flush()
    assert len(list((tmp_path / "tokens").glob("*.pickle"))) == 1


def test_a_unit_cache_entry_without_lines_still_serves_its_units(tmp_path):
    cache = UnitCache(tmp_path)
    path = cache._path("k")
    path.parent.mkdir(parents=True)
    path.write_bytes(pickle.dumps(["a unit"]))  # written before entries held their lines
    assert cache.entry("k") == (["a unit"], None)
    cache.put("k", ["a unit"], ["{}\n"])
    assert cache.get("k") == ["a unit"]
    assert cache.entry("k") == (["a unit"], ["{}\n"])
