"""benchmarks.eval_users.CachedEncoder: the encoder's own vectors, kept on disk by text, embedded once."""

from __future__ import annotations

import numpy as np

from benchmarks.eval_users import CachedEncoder
from search.encoders.fake import FakeEncoder


class _Counting(FakeEncoder):
    def __init__(self) -> None:
        super().__init__(16)
        self.passages = 0

    def encode_passages(self, texts):
        self.passages += len(texts)
        return super().encode_passages(texts)


def test_vectors_are_the_encoders_and_embedded_once(tmp_path):
    inner = _Counting()
    cached = CachedEncoder(inner, tmp_path / "vectors.npz")
    texts = ["推广工业机器人应用", "推进绿色制造", "推广工业机器人应用"]
    first = cached.encode_passages(texts)
    assert np.array_equal(first, FakeEncoder(16).encode_passages(texts))
    assert inner.passages == 2  # the repeated text embedded once
    cached.save()
    again = CachedEncoder(inner, tmp_path / "vectors.npz")
    assert np.array_equal(again.encode_passages(texts), first)
    assert inner.passages == 2  # read from the file
    # queries and passages are kept apart (e5 embeds them differently)
    assert np.array_equal(again.encode_queries(["推进绿色制造"]), FakeEncoder(16).encode_queries(["推进绿色制造"]))
