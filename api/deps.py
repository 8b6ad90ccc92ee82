"""Dependencies injected into the routes: the settings and the loaded workspace (graph, index, network).

The workspace is loaded once per (data dir, encoder) and shared by every request; requests only read it.
Settings come from ``api.settings.get_settings`` so tests can override them with
``app.dependency_overrides[get_settings]`` and clear the override afterwards.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, FastAPI, Request

from api.errors import ApiError
from api.settings import Settings, get_settings
from api.workspace import NoDataError, Workspace, ensure_workspace, open_workspace

__all__ = ["SettingsDep", "WorkspaceDep", "current_settings", "WorkspaceRegistry", "get_workspace"]

log = logging.getLogger(__name__)


def current_settings(app: FastAPI) -> Settings:
    """The settings in force for ``app``, honouring a test's dependency override (for middleware and start-up)."""
    provider: Callable[[], Settings] = app.dependency_overrides.get(get_settings, get_settings)
    return provider()


class WorkspaceRegistry:
    """Loaded workspaces keyed by data dir and encoder; loading is serialised, reading is shared."""

    def __init__(self) -> None:
        self._loaded: dict[tuple[str, str], Workspace] = {}
        self._lock = threading.Lock()

    @staticmethod
    def _key(settings: Settings) -> tuple[str, str]:
        return (str(settings.data_dir.resolve()), settings.encoder)

    @staticmethod
    def _warm(ws: Workspace) -> Workspace:
        # Touch the lazy parts now, under the lock, so concurrent requests never load them twice.
        _ = ws.graph, ws.index, ws.network
        return ws

    def startup(self, settings: Settings, progress: Callable[[str], None]) -> Workspace:
        """Open the data dir, building it from the corpus first when it is empty (start-up only)."""
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
    """The shared workspace; 503 when the data dir holds nothing yet."""
    registry: WorkspaceRegistry = request.app.state.workspaces
    try:
        return registry.get(settings)
    except NoDataError as e:
        raise ApiError(503, "no_data", str(e)) from e
    except Exception as e:  # a corrupt or mismatched generation (IndexLoadError, EncoderMismatchError, …)
        log.exception("workspace of %s could not be loaded", settings.data_dir)
        raise ApiError(503, "data_unavailable", f"the data in {settings.data_dir} could not be loaded: {e}") from e


WorkspaceDep = Annotated[Workspace, Depends(get_workspace)]
