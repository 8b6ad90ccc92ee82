"""The scale benchmark's synthetic documents: deterministic, and read back by the real ingest pipeline into the
numbers of units, targets, owner statements, citations and supports the generator wrote."""

from __future__ import annotations

import pytest

from benchmarks.synthetic import JURISDICTIONS, document_meta, generate
from ingest import parse_text
from ingest.model import DocumentMeta
from ingest.responsibility import ENCLOSING_RULE

SEED = 20260101


def _parse(index: int):
    synthetic = generate(SEED, index)
    return synthetic, parse_text(synthetic.text, DocumentMeta(slug=synthetic.meta.slug, title=synthetic.meta.slug))


@pytest.mark.parametrize("index", [0, 1, 2, 7, 42, 199, 1234, 99_999])
def test_parsed_counts_are_what_was_generated(index):
    synthetic, doc = _parse(index)
    expected = synthetic.expected
    stated = [r for r in doc.responsibilities if r.rule != ENCLOSING_RULE]
    assert len([u for u in doc.units if u.kind.value != "preamble"]) == expected.units
    assert len(doc.targets) == expected.targets
    assert len(stated) == expected.owner_bodies
    assert len(doc.citations) == expected.citations
    assert len(doc.supports) == expected.supports


@pytest.mark.parametrize("index", [3, 500])
def test_front_matter_is_read(index):
    synthetic, doc = _parse(index)
    assert doc.meta.title == synthetic.meta.title
    assert doc.meta.identifier == synthetic.meta.identifier
    assert doc.meta.issued.startswith(str(synthetic.meta.year))


def test_citations_name_earlier_documents_by_title_and_number():
    synthetic = generate(SEED, 300)
    assert synthetic.cited and all(j < 300 for j in synthetic.cited)
    for j in synthetic.cited:
        cited = document_meta(SEED, j)
        assert f"《{cited.title}》（{cited.identifier}）" in synthetic.text


def test_deterministic_and_independent_of_order():
    assert generate(SEED, 77) == generate(SEED, 77)
    assert generate(SEED, 77).text != generate(SEED + 1, 77).text
    assert len({generate(SEED, i).text for i in range(50)}) == 50


def test_every_level_and_several_notations_occur():
    texts = [generate(SEED, i) for i in range(200)]
    assert {t.meta.jurisdiction.level for t in texts} == {j.level for j in JURISDICTIONS}
    joined = "".join(t.text for t in texts)
    for notation in ("牵头单位：", "配合单位：", "牵头，", "\n责任单位：", "负责）", "\n1.", "\n1、", "\n（1）"):
        assert notation in joined, notation
