"""Dependencies injected into the routes: the settings and the loaded workspace (graph, index, network).

The workspace is loaded once per (data dir, encoder) and shared by every request; requests only read it.
Settings come from ``workspace.settings.get_settings`` so tests can override them with
``app.dependency_overrides[get_settings]`` and clear the override afterwards.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, FastAPI, Request

from workspace.build import ensure_workspace
from workspace.reader import Workspace, open_workspace
from workspace.settings import Settings, get_settings

__all__ = ["SettingsDep", "WorkspaceDep", "WorkspaceRegistry", "current_settings", "get_workspace"]

log = logging.getLogger(__name__)


def current_settings(app: FastAPI) -> Settings:
    """The settings in force for ``app``, honouring a test's dependency override (for middleware and start-up)."""
    provider: Callable[[], Settings] = app.dependency_overrides.get(get_settings, get_settings)
    return provider()


class WorkspaceRegistry:
    """Loaded workspaces keyed by data dir, encoder and served generation; loading is serialised, reading shared.

    A workspace is kept once opened even when its graph or index failed to load: the failure is remembered
    by the workspace and answered (503) on every use, never re-parsed per request.
    """

    def __init__(self) -> None:
        self._loaded: dict[tuple[str, str, str], Workspace] = {}
        self._lock = threading.Lock()

    @staticmethod
    def _key(settings: Settings) -> tuple[str, str, str]:
        return (str(settings.data_dir.resolve()), settings.encoder, str(settings.generation or ""))

    @staticmethod
    def _warm(ws: Workspace) -> Workspace:
        # Load the lazy parts now, under the lock, so concurrent requests never load them twice; the
        # index and the graph apart, so that a broken graph leaves search working.
        for part in ("index", "graph", "network"):
            try:
                getattr(ws, part)
            except Exception as e:  # noqa: BLE001 — remembered by the workspace, answered as 503 when used
                log.error("policykg: the %s of generation %s cannot be used: %s", part, ws.generation, e)
                if part == "graph":
                    break
        getattr(ws, "prepare_english", lambda: None)()  # the first English question's one-off work, at start
        return ws

    def startup(self, settings: Settings, progress: Callable[[str], None]) -> Workspace:
        """Open the data dir, building it from the corpus first when it is absent or empty (start-up only)."""
        with self._lock:
            ws = self._warm(ensure_workspace(settings, progress))
            self._loaded[self._key(settings)] = ws
            return ws

    def get(self, settings: Settings) -> Workspace:
        """The workspace of ``settings``; opened (never built) on first use."""
        key = self._key(settings)
        ws = self._loaded.get(key)
        if ws is not None:
            return ws
        with self._lock:
            ws = self._loaded.get(key)
            if ws is None:
                ws = self._warm(open_workspace(settings))
                self._loaded[key] = ws
            return ws


SettingsDep = Annotated[Settings, Depends(get_settings)]


def get_workspace(request: Request, settings: SettingsDep) -> Workspace:
    """The shared workspace with its search index loaded; 503 (naming the file and the fix) when the data dir
    is empty, broken or unreadable. The graph is checked by the routes that use it (api.errors maps it)."""
    registry: WorkspaceRegistry = request.app.state.workspaces
    ws = registry.get(settings)  # DataDirError → 503 by api.errors
    _ = ws.index  # a remembered IndexLoadError / EncoderMismatchError → 503 by api.errors
    return ws


WorkspaceDep = Annotated[Workspace, Depends(get_workspace)]
