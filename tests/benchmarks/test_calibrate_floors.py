"""The floor rule of benchmarks/calibrate_floors.py on made-up signals: quantile less margin, per key, chosen by
leaving one set out."""

import pytest

from benchmarks.calibrate_floors import Signal, choose_rule, cross_validate, flagged, floors_by_rule, judge


def sig(set_: str, key: str, cosine: float, answerable: bool = True, covered: bool = True) -> Signal:
    return Signal(set=set_, lang=key[:2], key=key, question=f"{set_}-{key}-{cosine}", answerable=answerable,
                  best_cosine=cosine, second_cosine=None, best_bm25=None, covered=covered, first_right=answerable)


def sets() -> list[Signal]:
    # three sets; answerable zh questions at 0.90–0.95, one lower (0.88) in set c; unanswerable ones at 0.80, 0.89
    out = []
    for name, low in (("a", 0.90), ("b", 0.91), ("c", 0.88)):
        out += [sig(name, "zh", round(low + i * 0.005, 4)) for i in range(10)]
        out += [sig(name, "zh", 0.80, answerable=False), sig(name, "zh", 0.895, answerable=False)]
    return out


def test_floor_is_the_quantile_less_the_margin_per_key():
    signals = [sig("a", "zh", 0.9 + i / 100) for i in range(10)] + [sig("a", "en", 0.8)]  # en: too few questions
    assert floors_by_rule(signals, 0.0, 0.01) == {"zh": pytest.approx(0.89)}
    assert floors_by_rule(signals, 0.5, 0.0)["zh"] == pytest.approx(0.945)


def test_en_unheld_is_never_laxer_than_en():
    signals = [sig("a", "en", 0.8) for _ in range(8)] + [sig("a", "en-unheld", 0.7) for _ in range(8)]
    assert floors_by_rule(signals, 0.0, 0.0) == {"en": 0.8, "en-unheld": 0.8}
    assert flagged(sig("a", "en-unheld", 0.79), {"en": 0.8})  # no en-unheld floor: the English one


def test_leave_one_set_out_counts_the_held_out_set_only():
    cv = cross_validate(sets(), 0.0, 0.0)
    # the floor from a and b (0.90) flags c's answerable 0.88, 0.885, 0.89, 0.895 and catches both unanswerable
    assert (cv["c"]["false_nr"], cv["c"]["caught"], cv["c"]["unanswerable"]) == (4, 2, 2)
    assert cv["a"]["floors"] == {"zh": 0.88} and cv["a"]["false_nr"] == 0


def test_the_rule_chosen_flags_no_held_out_answerable_question():
    quantile, margin, cv = choose_rule(sets())
    assert sum(r["false_nr"] for r in cv.values()) == 0
    assert (quantile, margin) == (0.0, 0.02)  # the smallest margin that keeps set c's 0.88 above a–b's 0.90


def test_a_place_no_document_covers_is_counted_apart():
    result = judge([sig("a", "zh", 0.95, covered=False), sig("a", "zh", 0.5, answerable=False, covered=False)],
                   {"zh": 0.9})
    assert (result["false_nr"], result["false_nr_places"], result["caught"]) == (0, 1, 1)
