"""The seed plan with the real e5 encoder: questions in our own words (not the benchmark's) find their measure."""

from __future__ import annotations

import pytest

from search import SearchIndex

# (question, the unit path that answers it); written for this test, phrased unlike the plan's text.
QUESTIONS_ZH = [
    ("企业想申请研发费用加计扣除", "三（三）"),
    ("纺织厂想搞个性化定制", "二（五）1"),
    ("废旧家电回收再利用", "二（六）2"),
    ("工厂节能降耗、清洁生产", "二（六）1"),
    ("技改项目能不能走备案制而不是审批", "三（二）"),
    ("建设企业技术中心和工程实验室", "二（二）1"),
    ("小微企业贷款需要担保", "三（四）"),
]
QUESTIONS_EN = [
    ("bank loans and guarantee funds for small firms", "三（四）"),
    ("recycling scrap metal and waste electronics", "二（六）2"),
    ("custom-made textile products with flexible production lines", "二（五）1"),
    ("quality testing and certification services", "二（四）2"),
]


@pytest.mark.parametrize(("question", "path"), QUESTIONS_ZH + QUESTIONS_EN)
def test_own_question_finds_its_unit_in_the_top_3(seed_index, question, path):
    plan = seed_index.plan(question)
    assert plan.language == ("en" if question.isascii() else "zh")
    paths = [h.path for h in seed_index.search(question, k=3).hits]
    assert path in paths, f"{question!r} → {paths}"


def test_the_seed_index_is_dense_exact_and_e5(seed_index):
    assert seed_index.meta["encoder"] == "e5-small"
    assert seed_index.meta["dense_index"] == "flat"
    assert len(seed_index) == seed_index.meta["unit_count"] > 40


def test_save_load_with_e5_gives_the_same_hits(seed_index, tmp_path):
    seed_index.save(tmp_path / "seed")
    loaded = SearchIndex.load(tmp_path / "seed")  # the encoder comes from the saved metadata
    assert loaded.encoder.name == "e5-small"
    for question, _ in QUESTIONS_ZH[:3] + QUESTIONS_EN[:2] + [("到2020年技改投资增长多少", "")]:
        for fusion in ("weighted", "rrf"):
            before = seed_index.search(question, k=5, fusion=fusion).to_dict()
            after = loaded.search(question, k=5, fusion=fusion).to_dict()
            before.pop("took_ms"), after.pop("took_ms")
            assert after == before


@pytest.mark.parametrize("question", [
    "where can I buy tickets for the football final",  # written for this test, not in any question set
    "周末去哪里露营比较好",
    "how long should I boil an egg",
])
def test_questions_the_plan_does_not_answer_are_not_relevant(seed_index, question):
    result = seed_index.search(question, k=3)
    assert result.relevant is False
    assert result.hits  # the nearest units are still shown, marked by the flag


@pytest.mark.parametrize("question", ["工厂买机械臂替代人工搬运有没有政策", "tax breaks for research spending"])
def test_questions_the_plan_answers_are_relevant(seed_index, question):
    assert seed_index.search(question, k=3).relevant is True
