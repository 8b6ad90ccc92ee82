"""Tokenizer: exact expected tokens for short policy phrases."""

from __future__ import annotations

import pytest

from search.expand import detect_language, is_quantitative, stem
from search.highlight import highlights, merge_spans
from search.tokenize import Tokenizer, ascii_words, cjk_bigrams, cjk_share


@pytest.mark.parametrize(("text", "expected"), [
    ("工业机器人", ["工业", "业机", "机器", "器人"]),
    ("绿色，工厂", ["绿色", "工厂"]),
    ("机", []),
    ("CNC机床2020", ["机床"]),
    ("", []),
])
def test_cjk_bigrams(text, expected):
    assert cjk_bigrams(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Tax deduction for R&D", ["tax", "deduction", "for", "r&d"]),
    ("CNC machine-tools, 2020!", ["cnc", "machine-tools", "2020"]),
    ("数控机床", []),
])
def test_ascii_words(text, expected):
    assert ascii_words(text) == expected


def test_tokens_words_then_bigrams_then_ascii_stopwords_dropped():
    tokenizer = Tokenizer()
    assert tokenizer.tokens("推广工业机器人的应用 for robots") == [
        "推广", "工业", "机器人", "应用",
        "推广", "广工", "工业", "业机", "机器", "器人", "人的", "的应", "应用",
        "robots",
    ]


def test_domain_words_join_the_dictionary():
    plain = Tokenizer().words("市经济信息化委每年组织评估")
    assert "市经济信息化委" not in plain
    assert Tokenizer(["市经济信息化委"]).words("市经济信息化委每年组织评估") == [
        "市经济信息化委", "每年", "组织", "评估"]


@pytest.mark.parametrize(("text", "share", "language"), [
    ("工业机器人", 1.0, "zh"),
    ("industrial robots", 0.0, "en"),
    ("CNC机床", 0.4, "zh"),
    ("？！", 0.0, "en"),
])
def test_language(text, share, language):
    assert cjk_share(text) == pytest.approx(share)
    assert detect_language(text) == language


@pytest.mark.parametrize(("word", "expected"), [
    ("robots", "robot"), ("factories", "factory"), ("enterprises", "enterprise"), ("processes", "process"),
    ("approaches", "approach"), ("glass", "glass"), ("manufacturing", "manufactur"), ("bus", "bus"),
])
def test_stem(word, expected):
    assert stem(word) == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("到2020年建设多少个智能制造示范项目", True),
    ("审批周期压缩到几个工作日", True),
    ("how many green manufacturing demonstration projects by 2020?", True),
    ("how long does approval take in days", True),
    ("工业机器人改造", False),
    ("supply chain visibility", False),
])
def test_is_quantitative(question, expected):
    assert is_quantitative(question) is expected


def test_highlights_merge_touching_matches():
    assert merge_spans([(4, 6), (0, 2), (1, 3), (3, 4)]) == [(0, 6)]
    found = highlights("支持企业利用工业机器人改造", ["机器", "器人", "工业", "改造"])
    assert [(h.start, h.end, h.text) for h in found] == [(6, 13, "工业机器人改造")]
