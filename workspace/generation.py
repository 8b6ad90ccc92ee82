"""Writing one generation: the documents' sources, the graph streamed from their checked per-document parts
(only new documents' parts are made and checked), the search index with only new texts embedded, the manifest,
then the rename and the atomic swap of ``current``, and pruning old generations no process has pinned."""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from workspace.datadir import (
    MANIFEST,
    PIN_FILE,
    access_error,
    file_digests,
    make_readable,
    remove_unless_pinned,
)
from workspace.faults import BuildError, Progress, fault_point
from workspace.parallel import bar, default_jobs
from workspace.parsing import configure_worker
from workspace.reader import _current, encoder_of, search_settings, source_key
from workspace.settings import Settings
from workspace.sources import sidecar_of, text_digest

__all__ = ["FORMAT_VERSION", "write_generation"]

log = logging.getLogger(__name__)

FORMAT_VERSION = 1


def write_generation(settings: Settings, documents: dict, origin: dict[str, Path], progress: Progress,
                     parses=None) -> dict:
    """Write the generation of ``documents``. Its graph is assembled from per-document parts
    (``workspace.graphparts``) cached by parse key (``parses``, the build's ``ParseCache``): only documents
    with no cached part are built, span-checked and SHACL-validated; a cached part was checked by the build
    that made it, with the same code (``workspace.buildcache.code_fingerprint``)."""
    docs = [documents[slug] for slug in sorted(documents)]
    data_dir = settings.data_dir
    generations = data_dir / "generations"
    gen_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    staging = generations / f".{gen_id}.partial"
    started = time.perf_counter()
    try:
        generations.mkdir(parents=True, exist_ok=True)
        staging.mkdir()
        (staging / "sources").mkdir()
        for slug, path in origin.items():
            target = staging / "sources" / source_key(slug) / path.name
            target.parent.mkdir(exist_ok=True)
            shutil.copyfile(path, target)
            if sidecar_of(path).is_file():
                shutil.copyfile(sidecar_of(path), sidecar_of(target))
        fault_point("sources")

        progress(f"building the knowledge graph of {len(docs)} document(s)")
        triples = _write_graph(settings, docs, parses, staging / "graph.nt", progress)
        fault_point("graph")

        progress(f"building the search index with encoder {settings.encoder}")
        from search import SearchIndex
        from workspace.buildcache import (
            CACHE_DIR,
            CachingEncoder,
            TokenCache,
            VectorCache,
        )

        units, unit_lines = _index_units(docs, parses, data_dir)
        tokens = TokenCache(data_dir / CACHE_DIR)
        encoder = encoder_of(settings)
        vectors = VectorCache(data_dir / CACHE_DIR, encoder)
        shown = bar(None, "embedding", "texts")

        def embedded(count: int) -> None:  # after each batch, once its vectors are in the cache
            shown.update(count)
            fault_point("embedding")

        # embeds only texts no earlier build embedded, a batch at a time, caching each batch as it is done
        caching = CachingEncoder(encoder, vectors, batch=settings.embed_batch, after_batch=embedded,
                                 before_batches=shown.reset)  # units, then sentences: each counted to its total
        try:
            index = SearchIndex.build(units, caching, search_settings(settings), tokenize=tokens.tokenize)
        finally:
            shown.close()
        index.encoder = encoder
        progress(f"embedded {caching.embedded} new text(s), {len(vectors) - caching.embedded} from the cache")
        index.save(staging / "index", unit_lines=unit_lines)
        fault_point("index")
        tokens.flush()
        vectors.flush()  # under the writer lock; a failed build keeps them too (they are right whatever happens)

        (staging / PIN_FILE).touch()
        make_readable(staging)  # graph.nt is written 0600 by its temp file; others must read what is served
        manifest = {
            "format_version": FORMAT_VERSION,
            "generation": gen_id,
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "build_seconds": round(time.perf_counter() - started, 2),
            "encoder": settings.encoder,
            "triples": triples,
            "index_units": len(units),
            "documents": [_document_entry(d, origin[d.meta.slug], f"sources/{source_key(d.meta.slug)}/"
                                                                   f"{origin[d.meta.slug].name}") for d in docs],
            "files": file_digests(staging),
            "graph_store": _store_entry(staging),
        }
        (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        os.chmod(staging / MANIFEST, 0o644 & ~_umask())
        fault_point("manifest")
        final = generations / gen_id
        staging.rename(final)
        fault_point("renamed")
        _swap_current(data_dir, final)
        fault_point("swapped")
    except OSError as e:
        shutil.rmtree(staging, ignore_errors=True)
        raise access_error(Path(e.filename) if e.filename else data_dir, e, "write the new generation") from e
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _prune(generations, keep=settings.keep_generations, current=final)
    fault_point("pruned")
    progress(f"built generation {gen_id} in {manifest['build_seconds']} s")
    return manifest


def _store_entry(root: Path) -> dict | None:
    """The manifest's note of the on-disk graph store (derived from graph.nt, so not in ``files``), or None."""
    from kg.store import STORE_DIR

    folder = root / STORE_DIR
    if not folder.is_dir():
        return None
    sizes = [p.stat().st_size for p in folder.rglob("*") if p.is_file()]
    return {"path": STORE_DIR, "derived_from": "graph.nt", "files": len(sizes), "bytes": sum(sizes)}


def _write_graph(settings: Settings, docs: list, parses, path: Path, progress: Progress) -> int:
    """Write the graph of ``docs`` to ``path`` from their cached parts, making (and checking) only the parts not
    cached yet; a SPARQL server named by the settings gets it too (one graph per document). Returns its size."""
    from kg.stores import open_graph_store
    from workspace.buildcache import CACHE_DIR, GraphCache
    from workspace.graphparts import GraphCheckError, make_parts, write_graph

    graphs = GraphCache(settings.data_dir / CACHE_DIR)
    key_of = parses.key_of if parses is not None else (lambda doc: None)
    unkeyed: dict[int, object] = {}  # parts of documents the parse cache never saw: kept for this build only

    def keep(made) -> None:
        for doc, part in made:
            key = key_of(doc)
            if key is None:
                unkeyed[id(doc)] = part
            else:
                graphs.put(key, part)

    new = [d for d in docs if not graphs.has(key_of(d))]
    try:
        if new:
            progress(f"checking the graph of {len(new)} new document(s): SHACL shapes and source spans")
            keep(_new_parts(new, default_jobs(settings.ingest_jobs), tuple(settings.authority_files or ())))
        else:
            progress("every document's graph was checked by an earlier build: SHACL shapes not run again")

        def part_of(doc):
            key = key_of(doc)
            part = unkeyed.get(id(doc)) if key is None else graphs.get(key)
            if part is None:  # a cache entry lost or unreadable since: made and checked again
                keep(make_parts([doc]))
                part = unkeyed.get(id(doc)) if key is None else graphs.get(key)
            return part

        triples = write_graph(path, docs, part_of)
    except GraphCheckError as e:
        raise BuildError(str(e)) from e
    store = open_graph_store(settings, path)
    if store.backend != "embedded":  # a SPARQL server: one PUT per changed document graph
        from kg.store import load_graph

        store.write_all(load_graph(path))
    else:  # the on-disk store every process opens read-only instead of parsing graph.nt (derived, not hashed)
        from kg.store import STORE_DIR, build_store_dir

        progress("loading the graph into the on-disk store")
        build_store_dir(path, path.with_name(STORE_DIR))
    return triples


def _index_units(docs: list, parses, data_dir: Path) -> tuple[list, list[str]]:
    """``search.index_units(docs)`` and each unit's line of the saved ``units.jsonl``, each document's read from
    the cache when an earlier build made them (they depend on that document alone), made and cached otherwise."""
    from search import index_units
    from search.hybrid import unit_line
    from workspace.buildcache import CACHE_DIR, UnitCache

    cache = UnitCache(data_dir / CACHE_DIR)
    units: list = []
    lines: list[str] = []
    for doc in docs:
        key = parses.key_of(doc) if parses is not None else None
        own, own_lines = cache.entry(key) or (None, None)
        if own is None or own_lines is None:
            own = index_units([doc]) if own is None else own
            own_lines = [unit_line(u) for u in own]
            cache.put(key, own, own_lines)
        units.extend(own)
        lines.extend(own_lines)
    return units, lines


def _new_parts(docs: list, jobs: int, authority: tuple) -> Iterable[tuple[object, object]]:
    """``(document, part)`` of each of ``docs``, made and checked in chunks over ``jobs`` processes, in order.
    Raises ``GraphCheckError`` for the first chunk that fails."""
    from workspace.graphparts import CHECK_CHUNK, GraphCheckError, GraphPart, part_chunk
    from workspace.parallel import chunks, ordered_map

    size = max(8, min(CHECK_CHUNK, -(-len(docs) // jobs)))
    batches = list(chunks(docs, size))
    shown = bar(len(docs), "checking graphs")
    try:
        results = ordered_map(part_chunk, batches, jobs, init=configure_worker, init_args=(authority,),
                              on_result=lambda r: shown.update(len(r[0])), min_items=2)
        for batch, (parts, error) in zip(batches, results):
            if error:
                raise GraphCheckError(error)
            yield from zip(batch, (GraphPart.from_bytes(p) for p in parts))
    finally:
        shown.close()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _document_entry(d, source: Path, kept: str) -> dict:
    return {
        "slug": d.meta.slug,
        "title": d.meta.title,
        "source_file": source.name,
        "source_path": kept,
        "sha256": d.meta.sha256,
        "format": getattr(d.meta, "format", "") or source.suffix.lstrip(".").lower(),
        "content_digest": text_digest(d),
        "encoding": d.meta.encoding,
        "units": len(d.units),
        "targets": len(d.targets),
        "departments": len(d.departments),
        "responsibilities": len(d.responsibilities),
        "citations": len(d.citations),
    }


def _swap_current(data_dir: Path, generation: Path) -> None:
    """Point ``current`` at ``generation`` with one atomic rename of a fresh symlink."""
    tmp = data_dir / f".current-{uuid.uuid4().hex[:6]}"
    os.symlink(os.path.relpath(generation, data_dir), tmp)
    os.replace(tmp, _current(data_dir))


def _prune(generations: Path, *, keep: int, current: Path) -> None:
    """Remove generations beyond the ``keep`` newest; never ``current`` nor one a process has pinned.
    Called only under the writer lock, so no other build is between its rename and its swap."""
    done = sorted((p for p in generations.iterdir() if p.is_dir() and not p.name.startswith(".")), reverse=True)
    for old in done[keep:]:
        if old.resolve() == current.resolve():
            continue
        from search.backends import drop_collections, milvus_pointer

        pointer = milvus_pointer(old / "index")  # a Milvus index's collections go with its generation
        if not remove_unless_pinned(old):
            log.info("keeping generation %s: a process is using it", old.name)
        elif pointer is not None:
            drop_collections(pointer)
