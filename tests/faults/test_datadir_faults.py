"""Broken, foreign, unreadable and read-only data dirs: reported in one line (CLI) or the JSON error shape (HTTP),
naming the file and the fix, and never rebuilt over."""

from __future__ import annotations

import builtins
import errno
import json
import os
import shutil
import stat
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from cli.main import EXIT_FAILED
from cli.main import app as cli
from tests.faults.helpers import FAKE, documents_in, fault_settings
from tests.support import tree_digest

runner = CliRunner()


@pytest.fixture(autouse=True)
def _fake_encoder(monkeypatch, fault_corpus):
    monkeypatch.setenv("POLICYKG_ENCODER", FAKE)
    monkeypatch.setenv("POLICYKG_CORPUS_DIR", str(fault_corpus))


def policykg(*args: str, data_dir: Path):
    return runner.invoke(cli, [*args, "--data-dir", str(data_dir)])


def one_line_error(result) -> str:
    assert result.exit_code == EXIT_FAILED, result.output
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()  # progress lines ("parsing …") may come first
    errors = [line for line in lines if line.startswith("policykg: error:")]
    assert errors == lines[-1:], result.output
    return lines[-1]


def _gen(data_dir: Path) -> Path:
    return (data_dir / "current").resolve()


def _same_size_garbage(path: Path) -> None:
    path.write_bytes(b"\x07garbage" * (path.stat().st_size // 8) + b"\x07" * (path.stat().st_size % 8))


def _store_dir(data_dir: Path) -> Path:
    return _gen(data_dir) / "graph.oxigraph"  # kg.store.STORE_DIR: graph.nt bulk-loaded on disk by the build


def _damage_store(data_dir: Path) -> None:
    for table in _store_dir(data_dir).glob("*.sst"):
        _same_size_garbage(table)


# name → (damage, command that meets it, words the one-line error must hold)
CORRUPTIONS = {
    "manifest truncated": (lambda d: (_gen(d) / "manifest.json").write_text('{"format_version": 1, "gen'),
                           "status", ["manifest.json", "not valid JSON"]),
    "manifest deleted": (lambda d: (_gen(d) / "manifest.json").unlink(), "status", ["manifest.json", "missing"]),
    "manifest {}": (lambda d: (_gen(d) / "manifest.json").write_text("{}"), "status", ["manifest.json", "lacks"]),
    "manifest []": (lambda d: (_gen(d) / "manifest.json").write_text("[]"), "search", ["manifest.json", "JSON object"]),
    "current dangling": (lambda d: ((d / "current").unlink(), (d / "current").symlink_to("generations/gone")),
                         "status", ["`current` points at generations/gone"]),
    "current a plain file": (lambda d: ((d / "current").unlink(), (d / "current").write_text("x")),
                             "search", ["`current` is a plain file"]),
    "current removed": (lambda d: (d / "current").unlink(), "status", ["no `current` link", "generations/"]),
    "dense_ids.npy corrupt": (lambda d: _same_size_garbage(_gen(d) / "index" / "dense_ids.npy"),
                              "search", ["dense_ids.npy"]),
    "dense.faiss deleted": (lambda d: (_gen(d) / "index" / "dense.faiss").unlink(), "search",
                            ["dense.faiss", "missing"]),
    "graph.nt emptied": (lambda d: (_gen(d) / "graph.nt").write_bytes(b""), "departments", ["graph.nt"]),
    # a generation without the on-disk store (built before it) parses graph.nt
    "graph.nt corrupt": (lambda d: (shutil.rmtree(_store_dir(d)), _same_size_garbage(_gen(d) / "graph.nt")),
                         "departments", ["graph.nt"]),
    # a damaged on-disk store falls back to graph.nt, here damaged too
    "store and graph.nt corrupt": (lambda d: (_damage_store(d), _same_size_garbage(_gen(d) / "graph.nt")),
                                   "departments", ["graph.nt"]),
}
GRAPH_ONLY = {"graph.nt emptied", "graph.nt corrupt", "store and graph.nt corrupt"}


@pytest.mark.parametrize("name", CORRUPTIONS)
def test_a_broken_data_dir_is_reported_and_never_rebuilt_over(fault_data_dir, name):
    damage, command, words = CORRUPTIONS[name]
    damage(fault_data_dir)
    before = tree_digest(fault_data_dir)
    args = [command, "农业数据"] if command == "search" else [command]
    line = one_line_error(policykg(*args, data_dir=fault_data_dir))
    for word in words:
        assert word in line
    assert "policykg ingest" in line or "restore" in line  # the fix
    assert "building from" not in line
    assert tree_digest(fault_data_dir) == before, "the broken data dir was changed"


@pytest.mark.parametrize("name", [n for n in CORRUPTIONS if n.startswith(("manifest", "current"))])
def test_ingest_into_a_broken_data_dir_asks_for_replace(fault_data_dir, fault_docs, name):
    CORRUPTIONS[name][0](fault_data_dir)
    before = tree_digest(fault_data_dir)
    line = one_line_error(policykg("ingest", str(fault_docs["bravo"]), data_dir=fault_data_dir))
    assert "--replace" in line
    assert tree_digest(fault_data_dir) == before
    rebuilt = policykg("ingest", str(fault_docs["bravo"]), "--replace", data_dir=fault_data_dir)
    assert rebuilt.exit_code == 0, rebuilt.output
    assert documents_in(fault_data_dir) == {"bravo"}


@pytest.mark.parametrize("name", CORRUPTIONS)
def test_http_answers_503_naming_the_file_and_search_survives_a_broken_graph(fault_data_dir, name, monkeypatch):
    damage, _, words = CORRUPTIONS[name]
    damage(fault_data_dir)
    import kg.store

    loads = []
    real_load = kg.store.load_graph
    monkeypatch.setattr(kg.store, "load_graph", lambda path: loads.append(path) or real_load(path))
    with TestClient(create_app(fault_settings(fault_data_dir)), raise_server_exceptions=False) as client:
        health = client.get("/healthz")
        units = [client.get("/departments") for _ in range(3)]
        found = client.get("/search", params={"q": "农业数据平台"})
    if name in GRAPH_ONLY:
        assert found.status_code == 200 and found.json()["hits"], "search must work without the graph"
        assert health.status_code == 200
        assert health.json()["status"] == "degraded" and "graph.nt" in health.json()["problems"][0]
        for answer in units:
            assert answer.status_code == 503
            assert answer.json()["error"]["code"] in ("graph_unavailable", "data_unavailable")
            assert "graph.nt" in answer.json()["error"]["message"]
        assert len(loads) <= 1, "the broken graph was parsed again per request"
        return
    for answer in (health, found, *units):
        assert answer.status_code == 503, answer.text
        error = answer.json()["error"]
        assert error["code"] in ("data_unavailable", "index_unavailable")
        for word in words:
            assert word in error["message"]


@pytest.mark.parametrize("leftover", ["", ".lock", "generations/.20260101T000000-abcdef.partial", ".current-abc123"])
def test_only_an_empty_data_dir_is_built_from_the_corpus(tmp_path, leftover):
    data_dir = tmp_path / "data"
    if leftover:
        target = data_dir / leftover
        if leftover.endswith(".partial"):
            target.mkdir(parents=True)
        elif leftover.startswith(".current-"):
            data_dir.mkdir()
            target.symlink_to("generations/gone")
        else:
            data_dir.mkdir()
            target.write_text("")
    result = policykg("documents", data_dir=data_dir)  # any command but status, which reports an absent dir
    assert result.exit_code == 0, result.output
    assert documents_in(data_dir) == {"alpha"}


def test_a_foreign_folder_is_not_built_into(tmp_path):
    data_dir = tmp_path / "notes"
    data_dir.mkdir()
    (data_dir / "todo.txt").write_text("mine", encoding="utf-8")
    line = one_line_error(policykg("status", data_dir=data_dir))
    assert "todo.txt" in line and "no `current` link" in line
    assert sorted(os.listdir(data_dir)) == ["todo.txt"]


@pytest.mark.parametrize("command", [["status"], ["ingest"], ["search", "农业"], ["validate"]])
def test_a_data_dir_that_is_a_file(tmp_path, command):
    path = tmp_path / "afile"
    path.write_text("not a folder", encoding="utf-8")
    line = one_line_error(policykg(*command, data_dir=path))
    assert "is a file, not a folder" in line
    assert path.read_text(encoding="utf-8") == "not a folder"


# ------------------------------------------------------------------ read-only and permissions


@pytest.fixture
def refuse_writes(monkeypatch):
    """Make writes under a folder fail with ``errno`` as a read-only mount (EROFS) or a folder this account may
    not write (EACCES) would; root ignores permission bits, so a chmod cannot show it when tests run as root."""

    def apply(folder: Path, code: int) -> None:
        folder = str(folder)
        message = os.strerror(code)

        def inside(path) -> bool:
            return os.path.abspath(os.fsdecode(path)).startswith(folder)

        real_open, real_mkdir, real_symlink, real_builtin_open = os.open, os.mkdir, os.symlink, builtins.open

        def fake_open(path, flags, *args, **kwargs):
            if inside(path) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
                raise OSError(code, message, os.fsdecode(path))
            return real_open(path, flags, *args, **kwargs)

        def fake_mkdir(path, *args, **kwargs):
            if inside(path):
                raise OSError(code, message, os.fsdecode(path))
            return real_mkdir(path, *args, **kwargs)

        def fake_symlink(src, dst, *args, **kwargs):
            if inside(dst):
                raise OSError(code, message, os.fsdecode(dst))
            return real_symlink(src, dst, *args, **kwargs)

        def fake_builtin_open(file, mode="r", *args, **kwargs):
            if isinstance(file, (str, bytes, os.PathLike)) and inside(file) and set(mode) & set("wax+"):
                raise OSError(code, message, os.fsdecode(file))
            return real_builtin_open(file, mode, *args, **kwargs)

        monkeypatch.setattr(os, "open", fake_open)
        monkeypatch.setattr(os, "mkdir", fake_mkdir)
        monkeypatch.setattr(os, "symlink", fake_symlink)
        monkeypatch.setattr(builtins, "open", fake_builtin_open)

    return apply


@pytest.mark.parametrize("code, words", [(errno.EROFS, "read-only"), (errno.EACCES, "permission denied")])
def test_ingest_into_an_unwritable_data_dir_is_one_line(fault_data_dir, fault_docs, refuse_writes, code, words):
    before = tree_digest(fault_data_dir)
    refuse_writes(fault_data_dir, code)
    line = one_line_error(policykg("ingest", str(fault_docs["bravo"]), data_dir=fault_data_dir))
    assert words in line and str(fault_data_dir) in line
    found = policykg("search", "农业数据平台", data_dir=fault_data_dir)  # reading needs no write
    assert found.exit_code == 0, found.output
    assert tree_digest(fault_data_dir) == before


@pytest.mark.parametrize("code, words", [(errno.EROFS, "read-only"), (errno.EACCES, "permission denied")])
def test_an_empty_unwritable_data_dir_is_one_line(tmp_path, refuse_writes, code, words):
    data_dir = tmp_path / "empty"
    data_dir.mkdir()
    refuse_writes(data_dir, code)
    line = one_line_error(policykg("status", data_dir=data_dir))
    assert words in line and str(data_dir) in line
    assert os.listdir(data_dir) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores permission bits; refuse_writes covers EACCES as root")
def test_a_real_read_only_folder(fault_data_dir, fault_docs):
    (fault_data_dir).chmod(0o555)
    try:
        line = one_line_error(policykg("ingest", str(fault_docs["bravo"]), data_dir=fault_data_dir))
        assert "permission denied" in line
    finally:
        fault_data_dir.chmod(0o755)


def test_what_is_built_is_readable_by_other_accounts(fault_data_dir):
    for path in _gen(fault_data_dir).rglob("*"):
        mode = path.stat().st_mode
        assert mode & stat.S_IROTH, f"{path} is {stat.filemode(mode)}"


# ------------------------------------------------------------------ validate


def _flip_one_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    i = data.index(b"a")  # stays valid text; the size does not change, only the hash shows it
    data[i] = ord("b")
    path.write_bytes(bytes(data))


VALIDATE_CASES = {
    "graph.nt edited (same size)": (lambda d: _flip_one_byte(_gen(d) / "graph.nt"), ["graph.nt"]),
    "index file removed": (lambda d: (_gen(d) / "index" / "lexicon.json").unlink(), ["lexicon.json", "missing"]),
    "source edited": (lambda d: _flip_one_byte(_gen(d) / "sources" / "alpha" / "alpha.meta.json"),
                      ["alpha.meta.json", "sha256"]),
    "source added": (lambda d: (_gen(d) / "sources" / "extra.txt").write_text("x"), ["extra.txt", "not listed"]),
    "graph emptied": (lambda d: (_gen(d) / "graph.nt").write_bytes(b""), ["graph.nt"]),
}


def test_validate_passes_on_a_sound_data_dir(fault_data_dir):
    result = policykg("validate", data_dir=fault_data_dir)
    assert result.exit_code == 0, result.output
    assert "0 problems" in result.output and "conforms" in result.output


@pytest.mark.parametrize("name", VALIDATE_CASES)
def test_validate_reports_every_changed_or_missing_file(fault_data_dir, name):
    damage, words = VALIDATE_CASES[name]
    damage(fault_data_dir)
    result = policykg("validate", data_dir=fault_data_dir)
    assert result.exit_code == EXIT_FAILED, result.output
    assert "Traceback" not in result.output
    problems = [line for line in result.output.splitlines() if all(w in line for w in words)]
    assert problems, result.output


def test_an_empty_graph_does_not_conform():
    from rdflib import Graph

    from kg.validate import validate

    report = validate(Graph())
    assert not report.conforms and "empty" in report.text


def test_an_ingest_refuses_an_edited_kept_source(fault_data_dir, fault_docs):
    source = _gen(fault_data_dir) / "sources" / "alpha" / "alpha.txt"
    source.write_text(source.read_text(encoding="utf-8") + "（二）新增一项任务。\n", encoding="utf-8")
    line = one_line_error(policykg("ingest", str(fault_docs["bravo"]), data_dir=fault_data_dir))
    assert "alpha.txt" in line and "changed since generation" in line
    assert documents_in(fault_data_dir) == {"alpha"}


def test_manifest_lists_every_file_with_its_hash(fault_data_dir):
    manifest = json.loads((_gen(fault_data_dir) / "manifest.json").read_text(encoding="utf-8"))
    listed = set(manifest["files"])
    assert {"graph.nt", "sources/alpha/alpha.txt", "index/dense_ids.npy", "index/dense.faiss"} <= listed
    assert all(len(v["sha256"]) == 64 and v["size"] >= 0 for v in manifest["files"].values())


# how the generation's on-disk store is left → what `policykg status` names (graph.nt is garbage in every case
# but the last, so a view answering means it was not parsed)
ON_DISK = {
    "as built": (lambda d: None, "on disk, graph.oxigraph", False),
    "store damaged": (_damage_store, "on disk, graph.oxigraph", True),
    "store removed (an older generation)": (lambda d: shutil.rmtree(_store_dir(d)), "in memory, graph.nt", True),
}


@pytest.mark.parametrize("name", ON_DISK)
def test_views_open_the_on_disk_store_or_fall_back_to_graph_nt(fault_data_dir, monkeypatch, name):
    import kg.stores.embedded

    damage, backend, parses = ON_DISK[name]
    parsed = []
    real_load = kg.stores.embedded.load_graph
    monkeypatch.setattr(kg.stores.embedded, "load_graph", lambda path: parsed.append(path) or real_load(path))
    if not parses:
        _same_size_garbage(_gen(fault_data_dir) / "graph.nt")  # the size check passes; a parse would fail
    damage(fault_data_dir)
    status = policykg("status", data_dir=fault_data_dir)
    assert status.exit_code == 0 and backend in status.output, status.output
    departments = policykg("departments", data_dir=fault_data_dir)
    assert departments.exit_code == 0 and "某市农业农村局" in departments.output, departments.output
    count = policykg("sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", data_dir=fault_data_dir)
    assert count.exit_code == 0, count.output  # in the sandboxed child, over the store's open tables
    manifest = json.loads((_gen(fault_data_dir) / "manifest.json").read_text(encoding="utf-8"))
    assert json.loads(count.stdout)["results"]["bindings"][0]["n"]["value"] == str(manifest["triples"])
    assert bool(parsed) == parses


def test_the_on_disk_store_is_derived_and_not_hashed(fault_data_dir):
    manifest = json.loads((_gen(fault_data_dir) / "manifest.json").read_text(encoding="utf-8"))
    assert (_store_dir(fault_data_dir) / "CURRENT").is_file()
    assert not [rel for rel in manifest["files"] if rel.startswith("graph.oxigraph")]
    assert manifest["graph_store"]["path"] == "graph.oxigraph" and manifest["graph_store"]["bytes"] > 0
    assert policykg("validate", data_dir=fault_data_dir).exit_code == 0  # its files are not "not listed"
