"""Seventh round (issue 24): what an English search repeats for every question is made once: the rows with sentence
vectors (asked by each of its two dense lookups), a pinyin word's syllables."""

import numpy as np

from search.backends.local import LocalBackend
from search.dense import DenseRetriever
from search.english_view import _cut, syllables


def test_sentence_rows_are_made_once_per_sentence_index():
    vectors = np.eye(4, dtype=np.float32)
    sentences = DenseRetriever.build(vectors, kind="flat", threshold=10_000, ids=np.array([0, 0, 2, 2]))
    backend = LocalBackend(bm25=None, dense=None, sentences=sentences)
    rows = backend.sentence_rows()
    assert rows == {0, 2}
    assert backend.sentence_rows() is rows
    backend.sentence_index = DenseRetriever.build(vectors[:1], kind="flat", threshold=10_000, ids=np.array([3]))
    assert backend.sentence_rows() == {3}  # another sentence index: its own rows
    assert LocalBackend(bm25=None, dense=None).sentence_rows() == frozenset()


def test_a_words_syllables_are_cut_once_and_as_before():
    known = frozenset(("zhao", "guang", "ma", "zong", "shan", "zhong", "shang", "hai"))
    assert syllables("zhaoguang", known) == ["zhao", "guang"]
    assert syllables("mazongshan", known) == ["ma", "zong", "shan"]
    assert syllables("xyz", known) is None
    first = _cut("zhaoguang")
    if first is not None:  # CC-CEDICT installed: every syllable it reads
        assert first == ("zhao", "guang")
        assert _cut("zhaoguang") is first


def test_a_documents_words_are_looked_for_once_and_the_gains_are_as_before():
    from types import SimpleNamespace

    from search.coverage import DocumentTexts, document_gains

    units = [SimpleNamespace(document="a", document_title="关于支持企业技术改造的若干措施", text="对购置设备给予补贴。"),
             SimpleNamespace(document="a", document_title="关于支持企业技术改造的若干措施", text="贷款贴息。"),
             SimpleNamespace(document="b", document_title="安全生产办法", text="加强监督检查。")]
    texts = DocumentTexts(units)
    assert texts.holds("a", "贴息") and not texts.holds("b", "贴息")
    assert texts._holds[("a", "贴息")] is True
    fused = {0: 1.0, 1: 0.8, 2: 0.9}
    groups = [["补贴", "资助"], ["贴息"], ["监督"]]
    idf = lambda word: 1.0
    plain = document_gains(fused, ["a", "a", "b"], lambda doc: texts(doc), groups, idf, 0.4)
    kept = document_gains(fused, ["a", "a", "b"], texts, groups, idf, 0.4)
    assert kept == plain
    assert kept[0] == kept[1] == 0.4 * 1.0 * 2 / 3 and kept[2] == 0.4 * 1.0 / 3


def test_sentence_vectors_pooled_by_unit_keep_each_units_best_in_rank_order():
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(60, 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    ids = rng.integers(0, 9, size=60)
    retriever = DenseRetriever.build(vectors, kind="flat", threshold=10_000, ids=ids)
    query = vectors[5]
    for k in (1, 12, 60, 500):
        by_rank = retriever.retrieve(query, k)
        best: dict[int, float] = {}
        for s in by_rank:
            best.setdefault(s.doc, s.score)
        pooled = retriever.retrieve_pooled(query, k)
        assert [(s.doc, s.score) for s in pooled] == list(best.items())
        assert all(type(s.doc) is int for s in pooled)
    assert pooled[0].doc == int(ids[5])
