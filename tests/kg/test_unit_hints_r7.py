"""A unit asked of one document that it lacks (`policykg show 第九十条 --doc …`) is answered with the close paths of
that document, not with paths or keys of the others (which `show --doc` would then refuse too)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.pipeline import parse_plan
from kg.build import build_graph
from kg.queries import NotFound, get_unit

REAL = Path(__file__).resolve().parents[2] / "benchmarks" / "corpus_real"


@pytest.fixture(scope="module")
def graph():
    return build_graph([parse_plan(REAL / "guoling-706.txt"), parse_plan(REAL / "guohan-2018-144.txt")])


def test_the_hint_is_of_the_document_asked_about(graph):
    with pytest.raises(NotFound) as caught:
        get_unit(graph, "第九十条", document="guoling-706")
    assert caught.value.suggestions and all(s.startswith("第") and s.endswith("条")
                                            for s in caught.value.suggestions)
    with pytest.raises(NotFound) as other:
        get_unit(graph, "附件九", document="guoling-706")  # the reply has 附件二; the regulation has no annex
    assert not any(s.startswith("附件") for s in other.value.suggestions)


def test_without_a_document_every_document_hints(graph):
    with pytest.raises(NotFound) as caught:
        get_unit(graph, "附件九")
    assert any(s.startswith("附件") for s in caught.value.suggestions)
