"""The English → Chinese alignment of query vectors (search/align.py): the fit on known maps, the move itself, its
file round trip, and that a search moves English question vectors only."""

from __future__ import annotations

import numpy as np
import pytest

import search.hybrid as hybrid
from search.align import Alignment, aligned, fit_procrustes, load_alignment, mean_shift
from search.encoders.fake import FakeEncoder
from search.hybrid import SearchIndex
from search.settings import SearchSettings
from search.units import index_units


def _rotation(dim: int, seed: int) -> np.ndarray:
    q, _ = np.linalg.qr(np.random.default_rng(seed).normal(size=(dim, dim)))
    return q.astype(np.float32)


def test_procrustes_recovers_a_rotation():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(200, 8)).astype(np.float32)
    w = _rotation(8, 1)
    fitted = fit_procrustes(x, x @ w.T)
    np.testing.assert_allclose(fitted, w, atol=1e-4)
    np.testing.assert_allclose(fitted @ fitted.T, np.eye(8), atol=1e-4)  # orthogonal


def test_procrustes_of_identical_sides_is_the_identity():
    x = np.random.default_rng(2).normal(size=(50, 6))
    np.testing.assert_allclose(fit_procrustes(x, x), np.eye(6), atol=1e-5)


def test_mean_shift_is_the_difference_of_means():
    source = np.array([[0.0, 0.0], [2.0, 0.0]])
    target = np.array([[1.0, 1.0], [3.0, 3.0]])
    np.testing.assert_allclose(mean_shift(source, target), [1.0, 2.0])


def test_aligned_mixes_and_renormalises():
    v = np.array([1.0, 0.0], dtype=np.float32)
    swap = np.array([[0.0, 1.0], [1.0, 0.0]], dtype=np.float32)
    np.testing.assert_allclose(aligned(v, swap, None, 1.0, 0.0), [2 ** -0.5, 2 ** -0.5], atol=1e-6)
    np.testing.assert_allclose(aligned(v, None, np.array([0.0, 1.0], dtype=np.float32), 0.0, 1.0),
                               [2 ** -0.5, 2 ** -0.5], atol=1e-6)
    assert aligned(v, swap, None, 0.0, 0.0) is not None
    np.testing.assert_array_equal(aligned(v, swap, np.ones(2, dtype=np.float32), 0.0, 0.0), v)


def test_alignment_file_round_trip(tmp_path):
    a = Alignment("fake-4", _rotation(4, 3), np.arange(4, dtype=np.float32), 17)
    a.save(tmp_path / "a.npz")
    b = Alignment.read(tmp_path / "a.npz")
    assert (b.encoder, b.pairs) == ("fake-4", 17)
    np.testing.assert_array_equal(b.matrix, a.matrix)
    np.testing.assert_array_equal(b.shift, a.shift)


def test_an_encoder_without_a_shipped_alignment_is_left_alone():
    assert load_alignment("fake-64") is None


def test_shipped_e5_alignment_is_orthogonal_and_fits_its_encoder():
    a = load_alignment("e5-small")
    if a is None:
        pytest.skip("no alignment shipped for e5-small")
    assert a.matrix.shape == (384, 384) and a.shift.shape == (384,) and a.pairs > 1000
    np.testing.assert_allclose(a.matrix @ a.matrix.T, np.eye(384), atol=1e-3)


DOC = "一、主要任务\n\n（一）推广工业机器人。支持企业应用工业机器人。\n\n（二）建设绿色工厂。支持绿色改造。\n"


def test_search_moves_english_question_vectors_only(monkeypatch):
    from ingest import parse_text
    from ingest.model import DocumentMeta

    encoder = FakeEncoder(16)
    index = SearchIndex.build(index_units([parse_text(DOC, DocumentMeta(slug="d", title="示范方案"))]), encoder,
                              SearchSettings(en_align_matrix=1.0, en_align_shift=0.0))
    swap = np.eye(16, dtype=np.float32)[::-1].copy()
    monkeypatch.setattr(hybrid, "load_alignment", lambda name: Alignment(name, swap, np.zeros(16, np.float32), 2))
    v = encoder.encode_queries(["industrial robots"])[0]
    np.testing.assert_allclose(index.aligned(v, "en"), aligned(v, swap, None, 1.0, 0.0), atol=1e-6)
    np.testing.assert_array_equal(index.aligned(v, "zh"), v)
    index.settings.en_align_matrix = 0.0
    np.testing.assert_array_equal(index.aligned(v, "en"), v)
