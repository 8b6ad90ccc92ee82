"""The Milvus backend over an ``http://`` URI, the way a Milvus standalone is reached: against a
``milvus-lite server`` (its gRPC server) that the test starts as a separate process on loopback.  A tiny
index built through the server gives the same first hits as the same index on an embedded milvus-lite file."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.search.search_fixtures import SLUG, iri

from search import SearchIndex, SearchSettings
from search.backends.milvus import check_uri
from tests.support import free_port

QUERIES = [  # query → the unit expected first, on both URIs
    ("工业机器人", "2.1.1"),
    ("融资担保基金", "3.2"),
]


def _milvus_lite() -> str | None:
    return shutil.which("milvus-lite") or shutil.which("milvus-lite", path=str(Path(sys.executable).parent))


@pytest.fixture(scope="module")
def server_uri(tmp_path_factory):
    pytest.importorskip("pymilvus")
    pytest.importorskip("jieba")
    binary = _milvus_lite()
    if binary is None:
        pytest.skip("the `milvus-lite` command is missing (pip install milvus-lite): no Milvus server to start")
    port = free_port()
    process = subprocess.Popen([binary, "server", "--data-dir", str(tmp_path_factory.mktemp("milvus-server")),
                                "--host", "127.0.0.1", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None, "milvus-lite server exited at start"
                assert time.monotonic() < deadline, "milvus-lite server did not listen within 30 s"
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(30)


@pytest.fixture(scope="module")
def both_indexes(server_uri, units, fake_encoder, concepts, tmp_path_factory):
    """(over the server, on an embedded file) the same units, encoder and concepts."""
    pytest.importorskip("milvus_lite")
    tmp = tmp_path_factory.mktemp("milvus-file")
    built = {}
    for where, uri in (("server", server_uri), ("file", str(tmp / "units.db"))):
        built[where] = SearchIndex.build(units, fake_encoder, SearchSettings(backend="milvus", milvus_uri=uri),
                                         concepts=concepts)
    yield built
    for index in built.values():
        index.backend.drop()


def test_an_http_uri_is_kept_as_it_is(server_uri):
    assert check_uri(server_uri) == server_uri


def test_the_index_lives_on_the_server(both_indexes, server_uri):
    assert both_indexes["server"].backend.uri == server_uri
    assert both_indexes["server"].backend.name == "milvus"


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_same_first_hit_over_http_as_on_a_file(both_indexes, query, expected):
    over_http = both_indexes["server"].search(query, k=4, document=SLUG).hits
    on_file = both_indexes["file"].search(query, k=4, document=SLUG).hits
    assert over_http[0].iri == on_file[0].iri == iri(expected)
    assert over_http[0].scores.bm25 is not None
