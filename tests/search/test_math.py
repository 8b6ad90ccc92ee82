"""Fusion, normalisation and metric functions: parametrised tables of input → exact value."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from search.fusion import min_max, rrf, weighted_fusion, z_score
from search.metrics import first_relevant_rank, hit_at_k, mean, reciprocal_rank


@pytest.mark.parametrize(("rankings", "k", "expected"), [
    ([[1, 2, 3]], 60, {1: 1 / 61, 2: 1 / 62, 3: 1 / 63}),
    ([[1, 2], [2, 1]], 60, {1: 1 / 61 + 1 / 62, 2: 1 / 62 + 1 / 61}),
    ([[1], [2, 1]], 0, {1: 1 + 1 / 2, 2: 1.0}),
    ([[], []], 60, {}),
])
def test_rrf(rankings, k, expected):
    assert rrf(rankings, k=k) == pytest.approx(expected)


def test_rrf_weights_scale_each_ranking():
    assert rrf([[7], [8]], k=0, weights=[2.0, 0.5]) == {7: 2.0, 8: 0.5}


@pytest.mark.parametrize(("scores", "expected"), [
    ({1: 2.0, 2: 4.0, 3: 3.0}, {1: 0.0, 2: 1.0, 3: 0.5}),
    ({1: 5.0}, {1: 1.0}),
    ({1: 3.0, 2: 3.0}, {1: 1.0, 2: 1.0}),
    ({}, {}),
])
def test_min_max(scores, expected):
    assert min_max(scores) == pytest.approx(expected)


@pytest.mark.parametrize(("scores", "expected"), [
    ({1: 1.0, 2: 3.0}, {1: -1.0, 2: 1.0}),
    ({1: 2.0, 2: 2.0}, {1: 0.0, 2: 0.0}),
])
def test_z_score(scores, expected):
    assert z_score(scores) == pytest.approx(expected)


def test_weighted_fusion_missing_document_contributes_zero():
    fused = weighted_fusion([{1: 1.0, 2: 0.0}, {2: 0.9, 3: 0.1}], [0.3, 0.7])
    assert fused == pytest.approx({1: 0.3, 2: 0.7, 3: 0.0})


def test_weighted_fusion_rejects_unknown_normalisation():
    with pytest.raises(ValueError, match="min_max, z_score"):
        weighted_fusion([{1: 1.0}], [1.0], normalise="softmax")


@given(st.dictionaries(st.integers(0, 50), st.floats(-1e6, 1e6, allow_nan=False), min_size=1))
def test_min_max_is_within_unit_interval(scores):
    assert all(-1e-9 <= v <= 1 + 1e-9 for v in min_max(scores).values())


@pytest.mark.parametrize(("relevant", "rank", "hit1", "hit3", "rr"), [
    ([True, False, False], 1, 1.0, 1.0, 1.0),
    ([False, False, True], 3, 0.0, 1.0, 1 / 3),
    ([False] * 12, None, 0.0, 0.0, 0.0),
    ([False] * 10 + [True], 11, 0.0, 0.0, 0.0),
    ([], None, 0.0, 0.0, 0.0),
])
def test_metrics(relevant, rank, hit1, hit3, rr):
    assert first_relevant_rank(relevant) == rank
    assert hit_at_k(relevant, 1) == hit1
    assert hit_at_k(relevant, 3) == hit3
    assert reciprocal_rank(relevant, 10) == pytest.approx(rr)


def test_mean():
    assert mean([1.0, 0.0, 0.5]) == pytest.approx(0.5)
    assert mean([]) == 0.0
