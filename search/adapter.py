"""A small learned correction of English query vectors, fitted on pairs made from our own documents (issue 24).

Tried and left off (``SearchSettings.en_adapter_weight`` 0, no file shipped): kept so the trial can be repeated.

multilingual-e5-small was trained on web text, not on English questions about Chinese policy units.  A low-rank
residual ``q' = normalise(q + w·A B q)`` (A: dim × r, B: r × dim), applied after the English alignment
(search/align.py), is fitted offline by ``tools/build_adapter.py`` with an in-batch contrastive loss on pairs of
the documents we may read, never on a question set: English glosses of a unit's words → the unit, question forms
around them (``who leads {x}``) → the unit, a concept's English label → a unit holding its Chinese label.  Only
query vectors move, so no index is rebuilt.

What it gave (rank 64, 30 epochs, early-stopped on a fifth of the documents held out):
* on the held-out documents' own pairs, hit@1 among their units 0.23 → 0.25–0.26 (seeds 2, 3: 0.244 → 0.314,
  0.188 → 0.199);
* on the users' questions (``benchmarks.eval_users``, eight sets), English hit@1 at w = 0.5 over the four tune sets
  (100 questions) +1, +2, +1 questions for the three seeds and +1 for their average; over the four untouched sets
  (98) +2, 0, 0 and 0, hit@3 +2 on users_real_untouched and −1 on users_en_untouched every time; at w = 1 the
  average moved tune ±0 and untouched −1 (users_real_untouched +2, users_en_untouched −2, users_untouched −1);
* fitted instead against sentence vectors (what 0.8 of a unit's dense score reads; a one-sentence unit's own
  vector), seed 1: held-out 0.227 → 0.254; on the questions +1 tune / +0 untouched at w = 0.5, +2 / −1 at w = 1;
* the same adapter for Chinese questions (heading, sentence, concept label and question-form pairs) never beat
  the identity on held-out documents (0.627 at the start, 0.612–0.623 after), and one fitted on both languages
  at w = 0.3 moved Chinese hit@1 users_real_tune −2, users_real_untouched +2, users_docs_tune +1: nothing.
The Chinese misses are near-ties between units of the right document, which pairs made from the units' own
words do not separate; the English gain is within the noise of ~100 questions, so the weight stays 0."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .align import DATA_DIR

__all__ = ["Adapter", "adapted", "adapter_path", "load_adapter"]

log = logging.getLogger(__name__)


def adapter_path(encoder: str) -> Path:
    """Where the adapter fitted for ``encoder`` is shipped."""
    return DATA_DIR / f"adapter-{encoder.replace(':', '_').replace('/', '_')}.npz"


def adapted(vector: np.ndarray, a: np.ndarray, b: np.ndarray, weight: float) -> np.ndarray:
    """``normalise(v + weight·A (B v))``: two thin products, O(dim·r); ``v`` itself at weight 0."""
    out = np.asarray(vector, dtype=np.float32)
    if not weight:
        return out
    moved = out + weight * (a @ (b @ out))
    norm = float(np.linalg.norm(moved))
    return moved / norm if norm > 0 else out


@dataclass(frozen=True)
class Adapter:
    """A fitted low-rank residual of one encoder's query vectors."""

    encoder: str
    a: np.ndarray  # (dim, r)
    b: np.ndarray  # (r, dim)
    pairs: int  # how many pairs it was fitted on

    def apply(self, vector: np.ndarray, weight: float) -> np.ndarray:
        return adapted(vector, self.a, self.b, weight)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, encoder=np.array(self.encoder), a=self.a.astype(np.float32),
                            b=self.b.astype(np.float32), pairs=np.array(self.pairs))

    @classmethod
    def read(cls, path: Path) -> Adapter:
        with np.load(path) as data:
            return cls(str(data["encoder"]), data["a"], data["b"], int(data["pairs"]))


@lru_cache(maxsize=8)
def load_adapter(encoder: str) -> Adapter | None:
    """The shipped adapter of ``encoder``, read once a process; None (vectors left as they are) when none was
    fitted for it."""
    path = adapter_path(encoder)
    if not path.is_file():
        return None
    adapter = Adapter.read(path)
    if adapter.encoder != encoder:
        log.warning("%s was fitted for encoder %r, not %r: not used", path, adapter.encoder, encoder)
        return None
    return adapter
