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


@pytest.fixture(scope="session")
def seed_document():
    from ingest import parse_plan
    from tests.support import SEED

    return parse_plan(SEED)


@pytest.fixture(scope="session")
def seed_index(seed_document):
    """The seed plan indexed with the real e5 encoder, built once per test session (read-only)."""
    from search.factory import get_encoder
    from search.hybrid import SearchIndex
    from search.units import index_units

    return SearchIndex.build(index_units([seed_document]), get_encoder("e5-small"))
