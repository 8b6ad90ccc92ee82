"""The English query adapter (search/adapter.py): the move itself, its file round trip, that an encoder without a
fitted file is left alone, and that a search applies it to English question vectors only, after the alignment."""

from __future__ import annotations

import numpy as np

import search.adapter as adapter_module
from search import hybrid
from search.adapter import Adapter, adapted, load_adapter
from search.align import Alignment, aligned
from search.encoders.fake import FakeEncoder
from search.hybrid import SearchIndex
from search.settings import SearchSettings
from search.units import index_units


def test_adapted_adds_the_low_rank_step_and_renormalises():
    v = np.array([1.0, 0.0], dtype=np.float32)
    a = np.array([[0.0], [1.0]], dtype=np.float32)  # A B v = (0, v₀)
    b = np.array([[1.0, 0.0]], dtype=np.float32)
    np.testing.assert_allclose(adapted(v, a, b, 1.0), [2 ** -0.5, 2 ** -0.5], atol=1e-6)
    np.testing.assert_allclose(adapted(v, a, b, 0.5), np.array([1.0, 0.5]) / np.hypot(1.0, 0.5), atol=1e-6)
    np.testing.assert_array_equal(adapted(v, a, b, 0.0), v)


def test_adapter_file_round_trip(tmp_path):
    rng = np.random.default_rng(0)
    fitted = Adapter("fake-4", rng.normal(size=(4, 2)).astype(np.float32), rng.normal(size=(2, 4)).astype(np.float32), 9)
    fitted.save(tmp_path / "a.npz")
    read = Adapter.read(tmp_path / "a.npz")
    assert (read.encoder, read.pairs) == ("fake-4", 9)
    np.testing.assert_array_equal(read.a, fitted.a)
    np.testing.assert_array_equal(read.b, fitted.b)


def test_an_encoder_without_a_fitted_adapter_is_left_alone():
    assert load_adapter("fake-64") is None


def test_a_file_fitted_for_another_encoder_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setattr(adapter_module, "DATA_DIR", tmp_path)
    Adapter("e5-small", np.zeros((4, 1), np.float32), np.zeros((1, 4), np.float32), 1).save(tmp_path / "adapter-x.npz")
    load_adapter.cache_clear()
    try:
        assert load_adapter("x") is None
    finally:
        load_adapter.cache_clear()


DOC = "一、主要任务\n\n（一）推广工业机器人。支持企业应用工业机器人。\n\n（二）建设绿色工厂。支持绿色改造。\n"


def test_search_adapts_english_question_vectors_only_after_the_alignment(monkeypatch):
    from ingest import parse_text
    from ingest.model import DocumentMeta

    encoder = FakeEncoder(16)
    index = SearchIndex.build(index_units([parse_text(DOC, DocumentMeta(slug="d", title="示范方案"))]), encoder,
                              SearchSettings(en_align_matrix=1.0, en_align_shift=0.0, en_adapter_weight=0.5))
    swap = np.eye(16, dtype=np.float32)[::-1].copy()
    a, b = np.eye(16, 2, dtype=np.float32), np.eye(2, 16, k=3, dtype=np.float32)
    monkeypatch.setattr(hybrid, "load_alignment", lambda name: Alignment(name, swap, np.zeros(16, np.float32), 2))
    monkeypatch.setattr(hybrid, "load_adapter", lambda name: Adapter(name, a, b, 2))
    v = encoder.encode_queries(["industrial robots"])[0]
    expected = adapted(aligned(v, swap, None, 1.0, 0.0), a, b, 0.5)
    np.testing.assert_allclose(index.aligned(v, "en"), expected, atol=1e-6)
    np.testing.assert_array_equal(index.aligned(v, "zh"), v)
    assert index.aligns()
    index.settings.en_adapter_weight = 0.0
    np.testing.assert_allclose(index.aligned(v, "en"), aligned(v, swap, None, 1.0, 0.0), atol=1e-6)


def test_the_adapter_is_off_by_default():
    assert SearchSettings().en_adapter_weight == 0.0
