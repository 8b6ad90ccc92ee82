"""Graph stores behind one interface: embedded Oxigraph (default) or any SPARQL 1.1 server over HTTP."""

from kg.stores.base import GraphStore, graph_of, partition
from kg.stores.factory import BACKENDS, create_store, open_graph_store

__all__ = ["GraphStore", "BACKENDS", "create_store", "open_graph_store", "graph_of", "partition"]
