"""What a firm's own words say: the policy terms for the kind of project it describes in everyday words."""

from __future__ import annotations

import json

from ingest.conditions import INSTRUMENTS_FILE
from search.needs_text import policy_terms


def test_everyday_words_give_the_plan_s_terms_for_that_kind_of_project():
    assert policy_terms("老注塑机是电老虎，电费能省一大截") == ["节能", "能耗", "能效"]
    assert policy_terms("We had two near-misses last year and want gas detectors.") == ["安全生产", "本质安全"]
    assert "自动物流" in policy_terms("仓库里全靠叉车搬运")
    assert "质量追溯" in policy_terms("想让每批货都能扫码溯源")
    assert "企业技术中心" in policy_terms("Our R&D centre needs a new test rig.")
    assert policy_terms("买两台协作机器人") == ["人机协作"]
    assert "新能源汽车" in policy_terms("We want to make battery packs for electric cars.")
    assert "预测性维护" in policy_terms("注塑机老是突然停机，想提前知道哪台要坏")


def test_words_inside_other_words_or_terms_already_written_add_nothing():
    assert policy_terms("我们想引入人工智能做研发") == []  # 人工智能 is no 靠人工
    assert policy_terms("想做节能改造，电费太高") == ["能耗", "能效"]  # 节能 is already there
    assert policy_terms("read the emanual") == []  # an English word matches at a word start only
    assert "安全生产" in policy_terms("a leaky valve")  # … so a stem reaches its forms (leak, leaky, leaks)


def test_the_vocabulary_names_no_document_or_unit():
    groups = json.loads(INSTRUMENTS_FILE.read_text("utf-8"))["everyday_terms"]["groups"]
    assert groups and all(set(g) == {"terms", "words"} and g["terms"] and g["words"] for g in groups)
