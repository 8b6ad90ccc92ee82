"""Session fixtures: one real build of the bundled corpus (real e5 encoder), shared read-only."""

from __future__ import annotations

import os

import pytest

from workspace.settings import Settings
from tests.support import ROOT


@pytest.fixture(scope="session", autouse=True)
def _private_default_data_dir(tmp_path_factory):
    """Tests never write to the user's data dir: the default (POLICYKG_DATA_DIR) is a folder of the session's
    temporary tree, for any command or app that is not given one."""
    old = os.environ.get("POLICYKG_DATA_DIR")
    os.environ["POLICYKG_DATA_DIR"] = str(tmp_path_factory.mktemp("default-data-dir"))
    yield
    if old is None:
        os.environ.pop("POLICYKG_DATA_DIR", None)
    else:
        os.environ["POLICYKG_DATA_DIR"] = old


@pytest.fixture(scope="session")
def built_data_dir(tmp_path_factory):
    """A data dir built once from corpus/ with the default encoder; tests must not write to it."""
    from workspace.build import build

    data_dir = tmp_path_factory.mktemp("policykg-data")
    build(Settings(data_dir=data_dir, corpus_dir=ROOT / "corpus"))
    return data_dir
