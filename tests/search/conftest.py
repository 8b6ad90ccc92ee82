"""Fixtures for search tests: the hand-made document, its concept scheme and units, a fake encoder, an index."""

from __future__ import annotations

import pytest
from tests.search.search_fixtures import CONCEPTS, make_document

from ingest.model import PolicyDocument
from search.encoders.fake import FakeEncoder
from search.lexicon import ConceptLabels


@pytest.fixture(scope="session")
def document() -> PolicyDocument:
    return make_document()


@pytest.fixture(scope="session")
def concepts() -> list[ConceptLabels]:
    return list(CONCEPTS)


@pytest.fixture(scope="session")
def fake_encoder() -> FakeEncoder:
    return FakeEncoder(64)


@pytest.fixture(scope="session")
def units(document, concepts):
    from search.units import index_units

    return index_units([document], concepts)


@pytest.fixture(scope="session")
def index(units, fake_encoder, concepts):
    from search.hybrid import SearchIndex

    return SearchIndex.build(units, fake_encoder, concepts=concepts)
