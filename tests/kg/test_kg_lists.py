"""Lists over several documents: a filtered list is the full list filtered, whichever index it starts from."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import parse_plan
from kg.build import build_graph
from kg.queries import KIND_OF_CLASS, list_units
from tests.support import SEED

DOCS = Path(__file__).resolve().parents[2] / "benchmarks" / "extraction" / "docs"


@pytest.fixture(scope="module")
def graph():
    files = [SEED, *sorted(DOCS.glob("*.txt"))[:4]]
    return build_graph([parse_plan(f) for f in files])


def test_every_kind_and_document_filter_keeps_exactly_the_full_lists_units(graph):
    everything = list_units(graph)
    documents = sorted({u.document for u in everything})
    assert len(documents) == 5 and len(everything) > 100
    for kind in (None, *sorted(set(KIND_OF_CLASS.values()))):
        for document in (None, *documents):
            expected = [u for u in everything if (kind is None or u.kind == kind)
                        and (document is None or u.document == document)]
            assert list_units(graph, kind=kind, document=document) == expected, (kind, document)
