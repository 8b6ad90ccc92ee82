"""Session fixtures: one real build of the bundled corpus (real e5 encoder), shared read-only."""

from __future__ import annotations

import pytest

from api.settings import Settings
from tests.support import ROOT


@pytest.fixture(scope="session")
def built_data_dir(tmp_path_factory):
    """A data dir built once from corpus/ with the default encoder; tests must not write to it."""
    from api.workspace import build

    data_dir = tmp_path_factory.mktemp("policykg-data")
    build(Settings(data_dir=data_dir, corpus_dir=ROOT / "corpus"))
    return data_dir
