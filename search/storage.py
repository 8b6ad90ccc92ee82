"""A search index on disk: the unit table, the lexicon, the backend's files and the metadata saying how it was built;
written atomically, read back with every mismatch named (split from hybrid.py)."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .backends import SearchBackend, load_backend
from .bilingual import Dictionary
from .encoders.base import Encoder
from .errors import EncoderMismatchError, IndexLoadError
from .lexicon import ConceptLabels
from .settings import SearchSettings
from .types import IndexUnit

__all__ = ["FORMAT_VERSION", "SavedIndex", "load_index", "prompts", "read_units", "save_index", "unit_line"]

# 2: sentence vectors beside unit vectors; 3: units hold the read model's views (kg.views);
# 4: task-table rows are units of their own (kind task_row); 5: units carry their function (ingest.function)
FORMAT_VERSION = 5
META = "meta.json"
UNITS = "units.jsonl"
LEXICON = "lexicon.json"


def prompts(encoder: Encoder) -> dict[str, str]:
    """The query/passage prompts an encoder prepends (empty for encoders that have none): part of what a vector means."""
    return {"query": getattr(encoder, "query_prompt", ""), "passage": getattr(encoder, "passage_prompt", "")}


def read_units(path: Path, cache_dir: Path | None) -> list[IndexUnit]:
    """The units of a saved ``units.jsonl``; with a run-time cache folder, decoded once and kept there as a pickle
    keyed by the file's bytes and the code that decodes it (decoding 935 units' views took 0.2–1.2 s a start)."""
    def decode() -> list[IndexUnit]:
        return [IndexUnit.from_dict(json.loads(line))
                for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

    if cache_dir is None:
        return decode()
    import kg.views

    from . import types
    from .runtime_cache import cached_pickle, content_key

    key = content_key(path, Path(kg.views.__file__), Path(types.__file__))
    return cached_pickle(cache_dir, "units", key, decode, keep=4)


def unit_line(unit: IndexUnit) -> str:
    """One unit as its line of the saved ``units.jsonl`` (JSON, newline-terminated)."""
    return json.dumps(unit.to_dict(), ensure_ascii=False) + "\n"


@dataclass(frozen=True, slots=True)
class SavedIndex:
    """What a saved index holds, read back and checked, for SearchIndex to be made of."""

    units: list[IndexUnit]
    encoder: Encoder
    concepts: list[ConceptLabels]
    words: list[str]
    settings: SearchSettings
    meta: dict
    backend: SearchBackend
    translations: Dictionary
    cache_dir: Path | None


def save_index(index, directory: str | Path, unit_lines: Sequence[str] | None = None) -> Path:
    """Write ``index`` (a SearchIndex) to ``directory`` atomically: a temporary sibling is filled, then renamed in."""
    directory = Path(directory)
    directory.parent.mkdir(parents=True, exist_ok=True)
    if unit_lines is not None and len(unit_lines) != len(index.units):
        raise ValueError(f"{len(unit_lines)} unit lines for {len(index.units)} units")
    tmp = Path(tempfile.mkdtemp(prefix=f".{directory.name}.", dir=directory.parent))
    try:
        with open(tmp / UNITS, "w", encoding="utf-8") as fh:
            fh.writelines(unit_lines if unit_lines is not None else map(unit_line, index.units))
        (tmp / LEXICON).write_text(json.dumps(
            {"concepts": [c.to_dict() for c in index.concepts], "words": index.words,
             "translations": index.translations.to_table()}, ensure_ascii=False), encoding="utf-8")
        index.meta.update(index.backend.save(tmp), search_backend=index.backend.name)
        (tmp / META).write_text(json.dumps(index.meta, ensure_ascii=False, indent=2), encoding="utf-8")
        old = None
        if directory.exists():
            old = directory.with_name(f".{directory.name}.old-{os.getpid()}")
            os.rename(directory, old)
        os.rename(tmp, directory)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return directory


def load_index(directory: str | Path, encoder: Encoder | str | None = None, encoder_name: str | None = None,
               milvus_uri: str | None = None, cache_dir: str | Path | None = None) -> SavedIndex:
    """The parts of a saved index, checked: a different encoder raises EncoderMismatchError, a missing or corrupt
    file IndexLoadError naming it (SearchIndex.load documents the arguments)."""
    directory = Path(directory)
    meta_path = directory / META
    if not meta_path.is_file():
        raise IndexLoadError(f"no search index at {directory}: {meta_path} is missing")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        name, dim, count = meta["encoder"], int(meta["dim"]), int(meta["unit_count"])
    except (ValueError, KeyError, TypeError) as e:
        raise IndexLoadError(f"corrupt search index metadata {meta_path}: {e}") from e
    if meta.get("format_version") != FORMAT_VERSION:
        raise IndexLoadError(f"{meta_path} has format version {meta.get('format_version')!r}; "
                             f"this code reads version {FORMAT_VERSION}; rebuild the index")
    wanted = encoder if encoder is not None else encoder_name
    if isinstance(wanted, str) and wanted != name:
        raise EncoderMismatchError(f"the index at {directory} was built with encoder {name!r} (dim {dim}) "
                                   f"but is queried with encoder {wanted!r}; rebuild it or use {name!r}")
    if wanted is None or isinstance(wanted, str):
        from .factory import get_encoder

        encoder = get_encoder(name)
    if encoder.name != name or int(encoder.dim) != dim:
        raise EncoderMismatchError(f"the index at {directory} was built with encoder {name!r} (dim {dim}) "
                                   f"but is queried with encoder {encoder.name!r} (dim {encoder.dim})")
    built_prompts = meta.get("encoder_prompts", prompts(encoder))
    if built_prompts != prompts(encoder):
        raise EncoderMismatchError(f"the index at {directory} was built with encoder prompts {built_prompts} "
                                   f"but is queried with {prompts(encoder)}; rebuild it or use the same prompts")
    units_path = directory / UNITS
    try:
        units = read_units(units_path, Path(cache_dir) if cache_dir is not None else None)
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise IndexLoadError(f"corrupt or missing unit table {units_path}: {e}") from e
    lexicon_path = directory / LEXICON
    try:
        lexicon = json.loads(lexicon_path.read_text(encoding="utf-8"))
        concepts = [ConceptLabels.from_dict(c) for c in lexicon["concepts"]]
        words = list(lexicon["words"])
        translations = Dictionary.from_table(lexicon.get("translations", {}))
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise IndexLoadError(f"corrupt or missing lexicon {lexicon_path}: {e}") from e
    settings = SearchSettings.from_dict(meta.get("settings", {}))
    backend = load_backend(meta.get("search_backend", "local"), directory, uri=milvus_uri)
    if not (len(units) == count == len(backend)):
        raise IndexLoadError(f"inconsistent search index in {directory}: {meta_path} says {count} units, "
                             f"{units_path} has {len(units)}, the {backend.name} backend {len(backend)}")
    if backend.dim != dim:
        raise IndexLoadError(f"the {backend.name} backend in {directory} has dim {backend.dim}, "
                             f"{meta_path} says {dim}")
    if milvus_uri and backend.name == "milvus":
        settings.milvus_uri = milvus_uri
    return SavedIndex(units, encoder, concepts, words, settings, meta, backend, translations,
                      Path(cache_dir) if cache_dir is not None else None)
