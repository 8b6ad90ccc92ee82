"""Pick the graph store the settings name: the embedded Oxigraph store, or a SPARQL 1.1 server over HTTP."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kg.stores.base import GraphStore

__all__ = ["BACKENDS", "create_store", "open_graph_store"]

BACKENDS = ("embedded", "sparql-http")


def create_store(backend: str, path: str | Path, **options: Any) -> GraphStore:
    """A store by backend name: ``embedded`` (``path`` is the graph.nt file) or ``sparql-http`` (``query_url``,
    optional ``update_url``, ``store_url`` and ``previous``, the digests file of the build before; ``path`` gets
    an N-Triples record of each build and the digests beside it; ``local_copy`` reads the graph into the process
    as before instead of asking the server, ``cache_ttl_s`` how long the remote view trusts what it read)."""
    if backend == "embedded":
        from kg.stores.embedded import EmbeddedStore

        return EmbeddedStore(path)
    if backend == "sparql-http":
        from kg.stores.sparql_http import SparqlHttpStore, derive_endpoints

        endpoints = derive_endpoints(options["query_url"], options.get("update_url"), options.get("store_url"))
        tuning = {k: options[k] for k in ("local_copy", "cache_ttl_s") if options.get(k) is not None}
        return SparqlHttpStore(endpoints, record=path, previous=options.get("previous"), **tuning)
    raise ValueError(f"unknown graph backend {backend!r}; valid backends: {', '.join(BACKENDS)}")


def open_graph_store(settings: Any, path: str | Path) -> GraphStore:
    """The store of these settings: a SPARQL server when ``POLICYKG_SPARQL_ENDPOINT`` is set, else embedded."""
    if not getattr(settings, "sparql_endpoint", None):
        return create_store("embedded", path)
    from kg.stores.sparql_http import DIGESTS_FILE

    previous = Path(settings.data_dir) / "current" / DIGESTS_FILE  # what the serving generation wrote
    return create_store("sparql-http", path, query_url=settings.sparql_endpoint,
                        update_url=settings.sparql_update_endpoint, store_url=settings.graph_store_endpoint,
                        previous=previous, local_copy=settings.sparql_local_copy,
                        cache_ttl_s=settings.sparql_cache_ttl_s)
