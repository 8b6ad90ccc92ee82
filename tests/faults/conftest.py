"""Fault-suite fixtures: tiny documents and a data dir built once with the fake encoder, copied per test.

Every data dir is a temporary copy; nothing here touches ``~/.local/share/policykg``. Helpers that run
``policykg`` in a subprocess live in ``tests/faults/helpers.py``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.faults.helpers import TOPICS, fault_settings, plan_text


@pytest.fixture(scope="session")
def fault_docs(tmp_path_factory) -> dict[str, Path]:
    """``{slug: path}`` of five tiny plans (each with its .meta.json)."""
    folder = tmp_path_factory.mktemp("fault-docs")
    docs = {}
    for slug, (topic, department, target) in TOPICS.items():
        path = folder / f"{slug}.txt"
        path.write_text(plan_text(topic, department, target), encoding="utf-8")
        meta = {"slug": slug, "title": f"关于推进{topic}的工作方案", "jurisdiction": "某市", "language": "zh"}
        path.with_name(f"{slug}.meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        docs[slug] = path
    return docs


@pytest.fixture(scope="session")
def fault_corpus(fault_docs, tmp_path_factory) -> Path:
    """A one-document corpus folder (alpha), used where a data dir is built from 'the bundled corpus'."""
    folder = tmp_path_factory.mktemp("fault-corpus")
    for part in (fault_docs["alpha"], fault_docs["alpha"].with_name("alpha.meta.json")):
        shutil.copyfile(part, folder / part.name)
    return folder


@pytest.fixture(scope="session")
def fault_base(fault_docs, tmp_path_factory) -> Path:
    """A data dir holding alpha, built once in-process; tests copy it (``fault_data_dir``)."""
    from workspace.build import build

    data_dir = tmp_path_factory.mktemp("fault-base") / "data"
    build(fault_settings(data_dir), [fault_docs["alpha"]])
    return data_dir


@pytest.fixture
def fault_data_dir(fault_base, tmp_path) -> Path:
    """A private copy of the base data dir (links kept as links)."""
    target = tmp_path / "data"
    shutil.copytree(fault_base, target, symlinks=True)
    return target


