"""Session fixtures: one real build of the bundled corpus (real e5 encoder), shared read-only."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

from workspace.settings import Settings
from tests.support import ROOT


# Tests never read or write the user's data dir. Set before any test module is imported: collection itself can
# start an app (schemathesis loads the OpenAPI schema of tests/api/test_fuzz.py's app at import time).
_USER_DATA_DIR = os.environ.get("POLICYKG_DATA_DIR")
_COLLECTION_DATA_DIR = tempfile.mkdtemp(prefix="policykg-test-default-")
os.environ["POLICYKG_DATA_DIR"] = _COLLECTION_DATA_DIR


@pytest.fixture(scope="session", autouse=True)
def _private_default_data_dir(tmp_path_factory):
    """The default (POLICYKG_DATA_DIR) is a folder of the session's temporary tree, for any command or app that
    is not given one."""
    os.environ["POLICYKG_DATA_DIR"] = str(tmp_path_factory.mktemp("default-data-dir"))
    yield
    shutil.rmtree(_COLLECTION_DATA_DIR, ignore_errors=True)
    if _USER_DATA_DIR is None:
        os.environ.pop("POLICYKG_DATA_DIR", None)
    else:
        os.environ["POLICYKG_DATA_DIR"] = _USER_DATA_DIR


@pytest.fixture(scope="session")
def built_data_dir(tmp_path_factory):
    """A data dir built once from corpus/ with the default encoder; tests must not write to it."""
    from workspace.build import build

    data_dir = tmp_path_factory.mktemp("policykg-data")
    build(Settings(data_dir=data_dir, corpus_dir=ROOT / "corpus"))
    return data_dir


@pytest.fixture(scope="session")
def flows_r5_data_dir(tmp_path_factory):
    """The data dir of the fifth round's flow tests (CLI, API, page), built once: two real State Council documents
    and the traditional-script city notice of tests/cli/test_flows_r5.py; tests must not write to it."""
    from tests.cli.test_flows_r5 import flows_files
    from tests.faults.helpers import build_corpus

    return build_corpus(tmp_path_factory, "flows-r5", flows_files())
