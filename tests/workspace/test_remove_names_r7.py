"""`policykg remove NAME` with a name the data dir lacks (a mistyped slug) says so in one line: the few documents
it holds by slug, or, in a data dir of many, a count and the closest slugs, never hundreds of names in a line."""

from __future__ import annotations

from pathlib import Path

import pytest

from workspace.faults import BuildError
from workspace.sources import match_documents


def _dir(slugs: list[str]) -> tuple[dict, dict]:
    return {s: {} for s in slugs}, {s: Path(f"/corpus/{s}.txt") for s in slugs}


def test_a_source_name_or_slug_finds_its_document():
    documents, origin = _dir(["guofa-2018-041", "guoling-706"])
    assert match_documents(documents, origin, ["guoling-706.txt", "guofa-2018-041"]) == ["guoling-706",
                                                                                          "guofa-2018-041"]


def test_few_documents_are_listed():
    documents, origin = _dir(["guofa-2018-041", "guoling-706"])
    with pytest.raises(BuildError, match=r"no such document in the data dir \(documents: guofa-2018-041, guoling-706\)"):
        match_documents(documents, origin, ["guofa-2018-40"])


def test_many_documents_give_a_count_and_the_closest():
    slugs = [f"city-plan-{n:03d}" for n in range(200)] + ["guofa-2018-041"]
    documents, origin = _dir(slugs)
    with pytest.raises(BuildError) as caught:
        match_documents(documents, origin, ["guofa-2018-40"])
    message = str(caught.value)
    assert "201 documents" in message and "did you mean: guofa-2018-041" in message
    assert "city-plan-150" not in message and "\n" not in message
