"""A generation's graph assembled from per-document parts, so that adding one document costs that document.

``kg.build.build_graph(docs)`` is the union of the scheme and ontology (``base_graph``), one
``document_graph`` per document (a function of that document alone) and the corpus-wide facts (the bodies'
names over time, citations resolved between documents). A build here:

* makes the part of each document not seen before (``make_parts``): its triples, checked once against the
  source spans and the SHACL shapes (in chunks, with the scheme, ontology and corpus facts of the chunk, as a
  whole-graph check would see them), then kept as sorted N-Triples lines split the way ``kg.stores`` splits
  named graphs: ``own`` (the document's named graph) and ``shared`` (what it adds to the shared graph: the
  bodies and cited documents it names). ``workspace.buildcache.GraphCache`` keeps them by the document's parse
  key, so a cached part was checked by the build that made it, with the same code;
* writes ``graph.nt`` (``write_graph``) by streaming each document's ``own`` lines from the cache, then the
  shared graph (the union of the parts' ``shared`` lines plus the names over time, small) and the
  cross-document links (recomputed from the documents' metadata and citations: cheap). The whole corpus
  graph is never held in memory.

The file holds the same triples as ``build_graph(docs)`` (tests/workspace/test_graphparts.py).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import Graph

__all__ = ["GraphPart", "GraphCheckError", "nt_lines", "split_part", "base_lines", "make_parts", "part_chunk",
           "write_graph", "CHECK_CHUNK"]

log = logging.getLogger(__name__)

CHECK_CHUNK = 32  # documents per SHACL run: pyshacl has a fixed cost per run and grows with the graph it holds


class GraphCheckError(ValueError):
    """New documents' triples fail the SHACL shapes or do not match their source spans."""


@dataclass(frozen=True)
class GraphPart:
    """One document's triples as sorted, unique N-Triples lines (each ending in a newline)."""

    own: bytes  # its named graph (kg.stores.base.graph_of)
    shared: bytes  # what it adds to the shared graph (bodies, cited documents, concepts it types)

    @property
    def triples(self) -> int:
        """How many triples of its own it has (shared ones are counted once, in the assembled graph)."""
        return self.own.count(b"\n")

    def to_bytes(self) -> bytes:
        return self.own + _SHARED_MARK + self.shared

    @classmethod
    def from_bytes(cls, data: bytes) -> GraphPart:
        own, mark, shared = data.partition(_SHARED_MARK)
        if not mark:
            raise ValueError("not a graph part (no shared-graph marker)")
        return cls(own, shared)


_SHARED_MARK = b"# shared graph\n"  # an N-Triples comment line


def _ox(term):
    """An rdflib term as a pyoxigraph one (what oxrdflib's serializer does, for one term)."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return ox.NamedNode(term)
    if isinstance(term, Literal):
        return ox.Literal(term, language=term.language,
                          datatype=ox.NamedNode(term.datatype) if term.datatype else None)
    if isinstance(term, BNode):
        return ox.BlankNode(term)
    raise ValueError(f"not an RDF term: {term!r}")


def _lines(triples: Iterable[tuple]) -> list[bytes]:
    """Sorted, unique N-Triples lines of rdflib ``triples`` (Oxigraph's serializer: the bytes ``kg.store``
    writes, so a line means one triple whichever graph it came from)."""
    import pyoxigraph as ox

    data = ox.serialize([ox.Triple(_ox(s), _ox(p), _ox(o)) for s, p, o in triples], format=ox.RdfFormat.N_TRIPLES)
    return sorted({line for line in (data or b"").splitlines(keepends=True) if line.strip()})


def nt_lines(graph: Graph) -> list[bytes]:
    """``graph`` as sorted, unique N-Triples lines."""
    return _lines(graph)


def split_part(graph: Graph) -> GraphPart:
    """A document's graph split into its own named graph and its shared triples (``kg.stores.base.graph_of``:
    a triple is the document's when its subject, else its object, is minted under the document)."""
    from kg.stores.base import owner_slug

    owners: dict[object, bool] = {}

    def owned(term) -> bool:
        if term not in owners:
            owners[term] = owner_slug(term) is not None
        return owners[term]

    own, shared = [], []
    for s, p, o in graph:
        (own if owned(s) or owned(o) else shared).append((s, p, o))
    return GraphPart(b"".join(_lines(own)), b"".join(_lines(shared)))


@lru_cache(maxsize=1)
def _base() -> Graph:
    from kg.build import base_graph

    return base_graph()


def base_lines() -> list[bytes]:
    """The scheme and ontology as N-Triples lines (parsed once per process)."""
    return nt_lines(_base())


def _check(documents: Sequence, graphs: Sequence[Graph]) -> None:
    """SHACL shapes and source spans over ``graphs`` (the documents' own) with the scheme, ontology and the
    chunk's corpus facts, as ``build_graph`` would hold them. Raises ``GraphCheckError``."""
    from kg.build import add_name_history, corpus_links
    from kg.validate import check_spans, validate

    graph = Graph()
    for part in (_base(), *graphs):
        for triple in part:
            graph.add(triple)
    add_name_history(graph, list(documents))
    for triple in corpus_links(list(documents)):
        graph.add(triple)
    report = validate(graph)
    if not report.conforms:
        raise GraphCheckError(f"the built graph does not conform to the SHACL shapes:\n{report.text}")
    span_errors = check_spans(graph)
    if span_errors:
        raise GraphCheckError("source spans do not match the text: " + "; ".join(span_errors[:5]))


def make_parts(documents: Sequence, chunk: int = CHECK_CHUNK) -> Iterable[tuple[object, GraphPart]]:
    """``(document, part)`` for each of ``documents``, checked ``chunk`` documents at a time (a chunk is
    yielded only once all of it passed). Raises ``GraphCheckError`` naming what fails."""
    from kg.build import document_graph

    documents = list(documents)
    for start in range(0, len(documents), chunk):
        batch = documents[start:start + chunk]
        graphs = [document_graph(d) for d in batch]
        _check(batch, graphs)
        for document, graph in zip(batch, graphs):
            yield document, split_part(graph)


def part_chunk(documents: Sequence) -> tuple[list[bytes], str]:
    """The parts of ``documents`` (one checked chunk) as bytes, or the reason they fail: the unit of work a
    worker process does (``workspace.parallel.ordered_map``), so it returns its error instead of raising."""
    try:
        return [part.to_bytes() for _, part in make_parts(documents, chunk=max(1, len(documents)))], ""
    except GraphCheckError as e:
        return [], str(e)


def write_graph(path: Path, documents: Sequence, part_of: Callable[[object], GraphPart],
                base: Iterable[bytes] | None = None) -> int:
    """Write the graph of ``documents`` to ``path`` as N-Triples (fsynced): each document's own lines (from
    ``part_of``, read one document at a time), then the shared graph (``base`` lines, default the scheme and
    ontology, the parts' shared lines, the bodies' names over time) and the cross-document links. Returns how
    many triples it holds."""
    from kg.build import add_name_history, corpus_links

    documents = sorted(documents, key=lambda d: d.meta.slug)
    shared: set[bytes] = set()
    triples = 0
    with open(path, "wb") as out:
        for document in documents:
            part = part_of(document)
            out.write(part.own)
            triples += part.triples
            shared.update(part.shared.splitlines(keepends=True))
        # the names over time read and set the bodies' own triples, which the documents give (not the base)
        bodies = Graph().parse(data=b"".join(sorted(shared)), format="ox-nt") if shared else Graph()
        add_name_history(bodies, documents)
        shared_lines = sorted(set(base_lines() if base is None else base) | set(nt_lines(bodies)))
        for lines in (shared_lines, nt_lines(corpus_links(documents))):
            out.writelines(lines)
            triples += len(lines)
        out.flush()
        os.fsync(out.fileno())
    log.info("wrote %d triples of %d documents to %s", triples, len(documents), path)
    return triples
