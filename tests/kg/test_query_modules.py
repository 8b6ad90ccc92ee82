"""The read queries live by what they read (kg.units, kg.documents, kg.bodies over kg.reading) and kg.queries
gathers them: the helpers import no query module and no query module imports kg.queries, so there is no cycle,
and every name kg.queries gives is the one its home module defines (patching it there patches what callers use)."""

from __future__ import annotations

import ast
import importlib

import pytest

from tests.support import ROOT

QUERY_MODULES = ["kg.units", "kg.documents", "kg.bodies"]


def _kg_imports(module: str) -> set[str]:
    tree = ast.parse((ROOT / (module.replace(".", "/") + ".py")).read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kg"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("kg"))
    return found


@pytest.mark.parametrize("module, refused", [
    ("kg.reading", {"kg.queries", *QUERY_MODULES}),
    *((m, {"kg.queries"}) for m in QUERY_MODULES),
])
def test_no_query_module_imports_the_one_that_gathers_them(module, refused):
    assert _kg_imports(module) & refused == set()


def test_every_name_kg_queries_gives_is_its_home_modules():
    queries = importlib.import_module("kg.queries")
    homes = [importlib.import_module(m) for m in ("kg.reading", *QUERY_MODULES)]
    for name in queries.__all__:
        owners = [home for home in homes if name in vars(home)
                  and getattr(getattr(home, name), "__module__", home.__name__) == home.__name__]
        assert owners and getattr(queries, name) is getattr(owners[0], name), name
