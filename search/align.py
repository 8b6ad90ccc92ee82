"""English query vectors moved towards the Chinese side of the encoder's space (issue 24).

multilingual-e5-small puts an English phrase and its Chinese translation near each other, but not on the same
spot: over thousands of dictionary pairs (CC-CEDICT headwords and their glosses, the vocabularies' zh/en labels)
the English query vectors sit, on average, a fixed step away from the Chinese ones, and a Chinese passage is
closer to a Chinese question than to the same question asked in English.  Two cheap corrections, both fitted
offline by ``tools/build_alignment.py`` from pairs built from installed packages and the project's own data, and
shipped as ``search/data/align-<encoder>.npz``:

* the mean shift ``δ = mean(zh) − mean(en)`` of the pairs' query vectors;
* an orthogonal map ``W`` (orthogonal Procrustes, Schönemann 1966: ``W = U Vᵀ`` from the SVD
  ``U Σ Vᵀ = Yᵀ X`` of the Chinese vectors ``Y`` against the English ones ``X``, rows paired), the rotation that
  best carries English vectors onto their Chinese partners.

An English question's vector becomes ``normalise(q + a·W q + s·δ)``; the passages and Chinese questions are
untouched.  The file is read once, on the first English question, and only for the encoder it was fitted on.

More vocabulary did not help: fitted on 6,656 pairs (the CC-CEDICT headwords of 38 real State Council documents
added to the seed plan's and the extraction documents', kept-aside texts left out; ``python tools/build_alignment.py
--text corpus benchmarks/extraction/docs <real>``), English hit@1 on 183 tune questions went 138 → 135 at the
shipped mix (136 at a matrix weight of 0.3 or 0.8), so the shipped W (4,007 pairs) stays.

Sixth round (helper he): refitted with the policy glossary's 1,239 pairs (search/data/policy_glossary.tsv, each
term with its first English rendering) beside the default 4,183, 5,113 pairs in all, English hit@1 / hit@3 over
ten sets (the three tune sets, three untouched, users_real_r4 / users_plan_r4 / users_real_r5 / users_plan_r5)
went 200 / 232 → 198 / 230 of 246: the tune sets −2, the untouched −3, the r4 / r5 sets +3.  Not shipped."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

__all__ = ["DATA_DIR", "Alignment", "aligned", "alignment_path", "fit_procrustes", "load_alignment", "mean_shift"]

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"


def alignment_path(encoder: str) -> Path:
    """Where the alignment fitted for ``encoder`` is shipped."""
    return DATA_DIR / f"align-{encoder.replace(':', '_').replace('/', '_')}.npz"


def mean_shift(source: np.ndarray, target: np.ndarray) -> np.ndarray:
    """``mean(target) − mean(source)`` over paired rows: the average step from one language to the other."""
    return (np.asarray(target, dtype=np.float64).mean(axis=0)
            - np.asarray(source, dtype=np.float64).mean(axis=0)).astype(np.float32)


def fit_procrustes(source: np.ndarray, target: np.ndarray) -> np.ndarray:
    """The orthogonal ``W`` minimising ``‖source Wᵀ − target‖_F`` (rows paired): ``W = U Vᵀ`` with
    ``U Σ Vᵀ = targetᵀ source`` (orthogonal Procrustes, Schönemann 1966), so that ``W x ≈ y``."""
    m = np.asarray(target, dtype=np.float64).T @ np.asarray(source, dtype=np.float64)
    u, _, vt = np.linalg.svd(m)
    return (u @ vt).astype(np.float32)


def aligned(vector: np.ndarray, matrix: np.ndarray | None, shift: np.ndarray | None,
            mix: float, shift_weight: float) -> np.ndarray:
    """``normalise(v + mix·W v + shift_weight·δ)``; ``v`` itself when both weights are 0 (or their parts absent)."""
    out = np.asarray(vector, dtype=np.float32)
    moved = out.copy()
    if matrix is not None and mix:
        moved += mix * (matrix @ out)
    if shift is not None and shift_weight:
        moved += shift_weight * shift
    norm = float(np.linalg.norm(moved))
    return moved / norm if norm > 0 else out


@dataclass(frozen=True)
class Alignment:
    """A fitted English → Chinese correction of one encoder's query vectors."""

    encoder: str
    matrix: np.ndarray  # W, (dim, dim), orthogonal
    shift: np.ndarray  # δ, (dim,)
    pairs: int  # how many pairs it was fitted on

    def apply(self, vector: np.ndarray, mix: float, shift_weight: float) -> np.ndarray:
        return aligned(vector, self.matrix, self.shift, mix, shift_weight)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, encoder=np.array(self.encoder), matrix=self.matrix.astype(np.float32),
                            shift=self.shift.astype(np.float32), pairs=np.array(self.pairs))

    @classmethod
    def read(cls, path: Path) -> Alignment:
        with np.load(path) as data:
            return cls(str(data["encoder"]), data["matrix"], data["shift"], int(data["pairs"]))


@lru_cache(maxsize=8)
def load_alignment(encoder: str) -> Alignment | None:
    """The shipped alignment of ``encoder``, read once a process; None (English vectors left as they are)
    when none was fitted for it."""
    path = alignment_path(encoder)
    if not path.is_file():
        return None
    alignment = Alignment.read(path)
    if alignment.encoder != encoder:
        log.warning("%s was fitted for encoder %r, not %r: not used", path, alignment.encoder, encoder)
        return None
    return alignment
