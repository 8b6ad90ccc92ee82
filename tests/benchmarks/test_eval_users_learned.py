"""The small math of benchmarks/eval_users_learned.py: the listwise loss, its gradient, and the threshold rule."""

from __future__ import annotations

import numpy as np
import pytest

from benchmarks.eval_users_learned import (
    _listwise_loss,
    detector_scores,
    fit_detector,
    fit_ranker,
    threshold_for_precision,
)


def _toy_items() -> list:
    # three questions of three candidates; the answer always has the largest first feature
    x = [np.array([[0.9, 0.1], [0.2, 0.8], [0.1, 0.5]]), np.array([[0.1, 0.9], [0.8, 0.2], [0.3, 0.3]]),
         np.array([[0.0, 0.0], [0.4, 0.9], [0.7, 0.1]])]
    gold = [np.array([1.0, 0, 0]), np.array([0, 1.0, 0]), np.array([0, 0, 1.0])]
    return list(zip(x, gold))


def test_listwise_gradient_matches_finite_differences():
    items, w = _toy_items(), np.array([0.3, -0.2])
    _, grad = _listwise_loss(w, items, 0.1)
    eps = 1e-6
    numeric = [(_listwise_loss(w + eps * e, items, 0.1)[0] - _listwise_loss(w - eps * e, items, 0.1)[0]) / (2 * eps)
               for e in np.eye(2)]
    assert grad == pytest.approx(numeric, rel=1e-4)


def test_ranker_learns_the_feature_that_finds_the_answer():
    items = _toy_items()
    w = fit_ranker(items, 0.01)
    assert all(gold[int(np.argmax(x @ w))] for x, gold in items)
    assert w[0] > 0 > w[1]


@pytest.mark.parametrize(("scores", "labels", "precision", "expected"), [
    ([0.9, 0.8, 0.7, 0.1], [1, 1, 0, 0], 0.95, 0.8),  # the two highest are unanswerable: flag down to 0.8
    ([0.9, 0.8, 0.7, 0.6], [1, 1, 0, 1], 0.95, 0.8),  # 0.6 would bring precision to 3/4
    ([0.9, 0.8, 0.7, 0.6], [1, 1, 0, 1], 0.75, 0.6),
    ([0.9, 0.1], [0, 1], 0.95, float("inf")),  # the top score is answerable: flag nothing
])
def test_threshold_for_precision(scores, labels, precision, expected):
    assert threshold_for_precision(np.array(scores), np.array(labels, dtype=bool), precision) == expected


def test_detector_ranks_the_separable_class_higher():
    x = np.array([[0.9], [0.88], [0.7], [0.72]])
    y = np.array([0.0, 0.0, 1.0, 1.0])
    scores = detector_scores(fit_detector(x, y), x)
    assert min(scores[2:]) > max(scores[:2])
