"""Ingest fixtures: the seed document parsed once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import parse_plan

SEED = Path(__file__).resolve().parents[2] / "corpus" / "shanghai-technical-transformation-plan-2018-2020.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed():
    return parse_plan(SEED)
