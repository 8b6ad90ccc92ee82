"""The Milvus backend: one collection of units (text under Milvus's BM25 function with the jieba analyzer, the
dense vector, and the scalar fields document, kind, year, jurisdiction) and one of sentence vectors.

The same code runs on milvus-lite (embedded: ``uri`` a local ``*.db`` file) and on a Milvus standalone or
cluster (``uri`` ``http://host:19530``).  Milvus tokenises with its own analyzer, so its BM25 scores differ
from bm25s's over our tokens; to keep them close, the analyzer's jieba dictionary is given the index's domain
words (department names, concept labels), jieba runs in search mode (words and their sub-words, near our
words + bigrams), our stopwords are filtered out on both sides, the question is sent as the words we read
in it (search.hybrid.SearchIndex.query_words: no single characters, no 哪些 or 吗), and a weighted query is sent as one BM25 sub-request per term group, summed with our weights
by a WeightedRanker without normalisation: Σ_g w_g · BM25(g, d), the sum bm25s computes locally.
benchmarks/backends_agreement.py measures how often the two backends agree.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..base import Scored
from ..errors import IndexLoadError, SearchError
from ..tokenize import STOPWORDS
from .base import TermGroup, UnitFields, UnitFilter

__all__ = ["MilvusBackend", "check_uri", "milvus_client"]

log = logging.getLogger(__name__)

_POINTER = "milvus.json"
_DF = "milvus_df.json"
_SENTENCE_ROWS = "milvus_sentence_rows.npy"
_MAX_LIMIT = 16384  # Milvus's largest topk
_MAX_TEXT_BYTES = 60_000  # under VARCHAR's 65,535-byte limit
_BATCH = 1000
_HNSW = {"M": 32, "efConstruction": 200}
_EF_SEARCH = 256

_clients: dict[str, Any] = {}
_clients_lock = threading.Lock()


def check_uri(uri: str) -> str:
    """``uri`` if Milvus accepts it: ``http(s)://``, ``tcp://`` or ``unix:`` for a server, a path ending
    in ``.db`` for milvus-lite (made absolute, its folder created); otherwise SearchError listing the forms."""
    if uri.startswith(("http://", "https://", "tcp://", "unix:")):
        return uri
    if uri.endswith(".db"):
        path = Path(uri).expanduser().resolve()
        path.parent.mkdir(parents=True, exist_ok=True)
        return str(path)
    raise SearchError(f"unusable Milvus URI {uri!r}; valid forms: a milvus-lite file path ending in .db "
                      "(e.g. /var/lib/policykg/milvus.db), http://host:19530, https://host:19530")


def milvus_client(uri: str):
    """One MilvusClient per URI and process (milvus-lite allows one opener of a file)."""
    uri = check_uri(uri)
    with _clients_lock:
        client = _clients.get(uri)
        if client is None:
            from pymilvus import MilvusClient

            client = _clients[uri] = MilvusClient(uri=uri)
        return client


def _expr(where: UnitFilter | None) -> str:
    """A Milvus boolean expression for ``where`` ("" for no filter); values JSON-quoted."""
    if where is None:
        return ""
    parts = []
    if where.documents is not None:
        parts.append(f"document in {json.dumps(sorted(where.documents), ensure_ascii=False)}")
    if where.kinds is not None:
        parts.append(f"kind in {json.dumps(sorted(where.kinds), ensure_ascii=False)}")
    return " and ".join(parts)


def _clip(text: str) -> str:
    data = text.encode("utf-8")
    return text if len(data) <= _MAX_TEXT_BYTES else data[:_MAX_TEXT_BYTES].decode("utf-8", errors="ignore")


def _rows(result) -> list[tuple[int, float]]:
    """(unit row, score) of one query's hits.  milvus-lite reports BM25 as a negative distance, a server as
    a positive score: BM25 is never negative, so its magnitude is the score; IP is kept as it is."""
    return [(int(hit["entity"]["row"]), float(hit["distance"])) for hit in result]


def _vector_block(vectors, start: int, stop: int) -> np.ndarray:
    """Rows ``start`` … ``stop - 1`` of ``vectors`` as one float32 array (pymilvus packs numpy rows as bytes,
    much cheaper than a list of Python floats per row)."""
    return np.ascontiguousarray(vectors[start:stop], dtype=np.float32)


def _fill(client, name: str, schema, indexes: Sequence[tuple[str, dict]], n: int, batch) -> None:
    """Create collection ``name`` without indexes, insert ``batch(start, stop)`` rows ``_BATCH`` at a time,
    flush, then create the indexes and load: each final segment is indexed once.  With the indexes declared
    at creation, milvus-lite indexes every flushed segment in the background, then again each time compaction
    merges segments, in the inserting process and competing with the inserts."""
    client.create_collection(name, schema=schema)
    for start in range(0, n, _BATCH):
        client.insert(name, batch(start, min(n, start + _BATCH)))
    client.flush(name)
    _create_indexes(client, name, indexes)
    client.load_collection(name)


def _create_indexes(client, name: str, indexes: Sequence[tuple[str, dict]]) -> None:
    """Each (field, index spec) of ``indexes`` on its own call.  milvus-lite builds an index inside the call (minutes at a
    million rows); its gRPC server may drop the connection meanwhile (GOAWAY ``too_many_pings``) and pymilvus
    then retries the call, which milvus-lite answers, once the first build is done, with "index already exists":
    that index is there, so it counts as made."""
    from pymilvus.exceptions import MilvusException

    for field, spec in indexes:
        one = client.prepare_index_params()
        one.add_index(field, **spec)
        try:
            client.create_index(name, one)
        except MilvusException as e:
            if "already exists" not in str(e):
                raise


class MilvusBackend:
    """Units and sentences in two Milvus collections; lexical scores and candidates come from Milvus."""

    name = "milvus"

    def __init__(self, client, uri: str, collection: str, size: int, dim: int, df: dict[str, int],
                 sentence_rows: np.ndarray, dense_kind: str) -> None:
        self.client = client
        self.uri = uri
        self.collection = collection
        self.sentence_collection = f"{collection}_sentences"
        self._size = size
        self.dim = dim
        self._df = df
        self._sentence_rows = np.asarray(sentence_rows, dtype=np.int64)
        self.dense_kind = dense_kind

    # ----------------------------------------------------------------- build
    @classmethod
    def build(cls, *, tokens: Sequence[Sequence[str]], texts: Sequence[str], vectors: np.ndarray,
              sentence_vectors: np.ndarray, sentence_rows: Sequence[int], fields: Sequence[UnitFields],
              settings, words: Sequence[str], **_: Any) -> MilvusBackend:
        """Create the two collections (a fresh name per build, so a live index is never touched) and fill them."""
        from pymilvus import DataType, Function, FunctionType

        uri = check_uri(settings.milvus_uri)
        client = milvus_client(uri)
        name = f"{settings.milvus_collection_prefix}_{uuid.uuid4().hex[:12]}"
        dim = int(vectors.shape[1])
        n = len(texts)
        kind = settings.dense_kind if settings.dense_kind != "auto" else (
            "hnsw" if n > settings.hnsw_threshold else "flat")

        vector_index = ("vector", {"index_type": "HNSW", "metric_type": "IP", "params": dict(_HNSW)}
                        if kind == "hnsw" else {"index_type": "FLAT", "metric_type": "IP"})

        analyzer = {"tokenizer": {"type": "jieba", "dict": ["_default_", *words], "mode": "search"},
                    "filter": [{"type": "stop", "stop_words": sorted(STOPWORDS)}]}
        schema = client.create_schema(auto_id=False, enable_dynamic_field=False)
        schema.add_field("row", DataType.INT64, is_primary=True)
        schema.add_field("text", DataType.VARCHAR, max_length=65535, enable_analyzer=True,
                         analyzer_params=analyzer)
        schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
        schema.add_field("vector", DataType.FLOAT_VECTOR, dim=dim)
        schema.add_field("document", DataType.VARCHAR, max_length=512)
        schema.add_field("kind", DataType.VARCHAR, max_length=64)
        schema.add_field("year", DataType.INT64)
        schema.add_field("jurisdiction", DataType.VARCHAR, max_length=512)
        schema.add_function(Function(name="unit_bm25", function_type=FunctionType.BM25,
                                     input_field_names=["text"], output_field_names=["sparse"]))
        params = [("sparse", {"index_type": "SPARSE_INVERTED_INDEX", "metric_type": "BM25"}), vector_index]

        def unit_rows(start: int, stop: int) -> list[dict]:
            block = _vector_block(vectors, start, stop)
            return [{"row": i, "text": _clip(texts[i]), "vector": block[i - start], "document": fields[i].document,
                     "kind": fields[i].kind, "year": int(fields[i].year), "jurisdiction": fields[i].jurisdiction}
                    for i in range(start, stop)]

        _fill(client, name, schema, params, n, unit_rows)

        sentences = f"{name}_sentences"
        schema = client.create_schema(auto_id=True, enable_dynamic_field=False)
        schema.add_field("id", DataType.INT64, is_primary=True)
        schema.add_field("row", DataType.INT64)
        schema.add_field("vector", DataType.FLOAT_VECTOR, dim=dim)
        schema.add_field("document", DataType.VARCHAR, max_length=512)
        schema.add_field("kind", DataType.VARCHAR, max_length=64)
        params = [vector_index]
        rows = list(sentence_rows)

        def sentence_batch(start: int, stop: int) -> list[dict]:
            block = _vector_block(sentence_vectors, start, stop)
            return [{"row": int(rows[j]), "vector": block[j - start], "document": fields[rows[j]].document,
                     "kind": fields[rows[j]].kind} for j in range(start, stop)]

        _fill(client, sentences, schema, params, len(rows), sentence_batch)
        df = Counter(tok for doc in tokens for tok in set(doc))
        log.info("built Milvus collections %s (+ _sentences) at %s: %d units, %d sentences", name, uri, n, len(rows))
        return cls(client, uri, name, n, dim, dict(df), np.asarray(rows, dtype=np.int64), kind)

    # ---------------------------------------------------------------- search
    def __len__(self) -> int:
        return self._size

    def _limit(self, k: int) -> int:
        return max(1, min(self._size, _MAX_LIMIT, k))

    def lexical_scores(self, groups: Sequence[TermGroup], k: int, where: UnitFilter | None = None) -> np.ndarray:
        """Milvus's BM25 over the groups' texts, Σ_g w_g · BM25(g, d), filled for its best candidates (each
        sub-request reaches 4k deep, at least 200, so that a unit found by several groups sums them all)."""
        out = np.zeros(self._size, dtype=np.float32)
        parts = [g for g in groups if g.text.strip() and g.weight > 0]
        if not parts or not self._size:
            return out
        depth = self._limit(max(4 * k, 200))
        expr = _expr(where)
        if len(parts) == 1:
            result = self.client.search(self.collection, data=[parts[0].text], anns_field="sparse", limit=depth,
                                        filter=expr, output_fields=["row"],
                                        search_params={"metric_type": "BM25"})[0]
            scale = parts[0].weight
        else:
            from pymilvus import AnnSearchRequest, WeightedRanker

            requests = [AnnSearchRequest(data=[g.text], anns_field="sparse", param={"metric_type": "BM25"},
                                         limit=depth, expr=expr or None) for g in parts]
            result = self.client.hybrid_search(self.collection, requests,
                                               WeightedRanker(*[g.weight for g in parts], norm_score=False),
                                               limit=depth, output_fields=["row"])[0]
            scale = 1.0
        for row, score in _rows(result):
            out[row] = scale * abs(score)
        return out

    def document_frequency(self, token: str) -> int:
        return int(self._df.get(token, 0))

    def _dense(self, collection: str, vector: np.ndarray, k: int, where: UnitFilter | None) -> list[tuple[int, float]]:
        params: dict[str, Any] = {"metric_type": "IP"}
        if self.dense_kind == "hnsw":
            params["params"] = {"ef": max(_EF_SEARCH, k)}
        result = self.client.search(collection, data=[np.asarray(vector, dtype=np.float32).tolist()],
                                    anns_field="vector", limit=k, filter=_expr(where), output_fields=["row"],
                                    search_params=params)[0]
        return _rows(result)

    def dense(self, vector: np.ndarray, k: int, where: UnitFilter | None = None) -> list[Scored]:
        if not self._size or k <= 0:
            return []
        return [Scored(row, score) for row, score in self._dense(self.collection, vector, self._limit(k), where)]

    def sentences(self, vector: np.ndarray, k: int, where: UnitFilter | None = None) -> list[Scored]:
        """The best ``k`` sentence vectors max-pooled by unit, best first."""
        if not len(self._sentence_rows) or k <= 0:
            return []
        limit = max(1, min(len(self._sentence_rows), _MAX_LIMIT, k))
        best: dict[int, float] = {}
        for row, score in self._dense(self.sentence_collection, vector, limit, where):
            if row not in best:
                best[row] = score
        return [Scored(row, score) for row, score in best.items()]

    def sentence_rows(self) -> set[int]:
        return set(self._sentence_rows.tolist())

    # ------------------------------------------------------------- save/load
    def save(self, directory: Path) -> dict[str, Any]:
        """The data stays in Milvus: write a pointer to the collections, the token document frequencies
        (for the thesaurus's share filter) and the rows that have sentence vectors."""
        directory = Path(directory)
        pointer = {"uri": self.uri, "collection": self.collection, "sentence_collection": self.sentence_collection,
                   "units": self._size, "dim": self.dim, "dense_index": self.dense_kind}
        (directory / _POINTER).write_text(json.dumps(pointer, ensure_ascii=False, indent=2), encoding="utf-8")
        (directory / _DF).write_text(json.dumps(self._df, ensure_ascii=False), encoding="utf-8")
        np.save(directory / _SENTENCE_ROWS, self._sentence_rows)
        return {"dense_index": self.dense_kind, "milvus_collection": self.collection}

    @classmethod
    def load(cls, directory: Path, uri: str | None = None, **_: Any) -> MilvusBackend:
        """Reopen the collections the pointer in ``directory`` names (at ``uri`` when given, e.g. a server
        the data was moved to); IndexLoadError names the missing file or collection."""
        directory = Path(directory)
        pointer_path = directory / _POINTER
        try:
            pointer = json.loads(pointer_path.read_text(encoding="utf-8"))
            collection, size, dim = pointer["collection"], int(pointer["units"]), int(pointer["dim"])
            uri = uri or pointer["uri"]
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise IndexLoadError(f"corrupt or missing Milvus pointer {pointer_path}: {e}") from e
        try:
            df = json.loads((directory / _DF).read_text(encoding="utf-8"))
            rows = np.load(directory / _SENTENCE_ROWS, allow_pickle=False)
        except Exception as e:  # json, numpy and OS errors alike
            raise IndexLoadError(f"corrupt or missing {directory / _DF} or {directory / _SENTENCE_ROWS}: {e}") from e
        client = milvus_client(uri)
        for name in (collection, f"{collection}_sentences"):
            if not client.has_collection(name):
                raise IndexLoadError(f"the Milvus collection {name!r} named by {pointer_path} is not at {uri}; "
                                     "rebuild the index")
        client.load_collection(collection)
        client.load_collection(f"{collection}_sentences")
        return cls(client, uri, collection, size, dim, df, rows, pointer.get("dense_index", "flat"))

    def drop(self) -> None:
        """Delete both collections (an index that is no longer served)."""
        for name in (self.collection, self.sentence_collection):
            if self.client.has_collection(name):
                self.client.drop_collection(name)

    def describe(self) -> str:
        return f"milvus ({self.uri}, collection {self.collection}, BM25 jieba + {self.dense_kind})"
