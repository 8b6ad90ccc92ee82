"""Eighth round (issue 24): an English question's "nothing relevant" lookup reads only the best unit of its own
vector, the gazetteer finder tries only the lengths of names that can start where it looks, British double-l forms
find their base word, and the genre's procedural words reach the words the documents use."""

import numpy as np

from search.base import Scored
from search.bilingual import Dictionary, load_dictionary, other_forms
from search.hybrid import SearchIndex
from search.places import _Names


def first_words(dictionary: Dictionary, text: str) -> dict[tuple[str, ...], list[str]]:
    return {phrase: [t.word for t in found] for phrase, found in dictionary.phrases(text)}


def test_british_double_l_forms_are_looked_up_by_their_base():
    assert other_forms("cancelled")[-1] == "cancel"
    assert other_forms("cancell")[-1] == "cancel"  # cancelling, stemmed
    assert other_forms("labelled")[-1] == "label"
    # a word whose base keeps both l is found first: install, fill come before the shortened form
    forms = other_forms("installed")
    assert forms.index("install") < forms.index("instal")
    dictionary = Dictionary([("取消", ["to cancel"]), ("标签", ["label"])])
    assert first_words(dictionary, "Which rule was cancelled?")[("cancel",)] == ["取消"]
    assert first_words(dictionary, "goods labelled for export")[("label",)] == ["标签"]


def test_procedural_words_of_the_genre_reach_the_documents_words():
    held = {"合法性", "会签", "签发", "征求意见", "西藏", "初中", "号牌", "夜间", "检测机构", "专家学者", "学生"}
    dictionary = load_dictionary(lambda word: word in held)
    found = first_words(dictionary, "Can countersigning or a draft for comments replace the legality review?")
    assert found[("countersign",)] == ["会签"]
    assert found[("draft", "for", "comment")] == ["征求意见"]
    assert found[("legality",)] == ["合法性"]
    assert first_words(dictionary, "Who signs off on the documents?")[("sign", "off")][0] == "签发"
    found = first_words(dictionary, "How many Tibetan pupils do junior secondary classes take?")
    assert found[("tibetan",)][0] == "西藏"
    assert found[("pupil",)][0] == "学生"
    assert found[("junior", "secondary")] == ["初中"]
    assert first_words(dictionary, "night-time markets")[("night-time",)] == ["夜间"]
    assert first_words(dictionary, "the rear licence plate")[("licence", "plate")] == ["号牌"]
    assert first_words(dictionary, "testing labs") == {("test", "lab"): ["检测机构"]}


def test_the_name_finder_tries_only_lengths_that_can_start_at_a_position():
    names = _Names({"苏州": "suzhou", "苏州工业园区": "sip", "上海": "shanghai", "上海市": "shanghai"}, words=False)
    assert names._heads["苏州"] == [6, 2] and names._heads["上海"] == [3, 2]
    assert names.find("苏州工业园区和上海市的政策") == [(0, 6, "sip"), (7, 10, "shanghai")]
    assert names.find("在苏州") == [(1, 3, "suzhou")]
    english = _Names({"suzhou": "suzhou", "suzhou industrial park": "sip", "an": "anx"}, words=True)
    assert english.find("Suzhou Industrial Park's rules and Suzhou's") == [(0, 24, "sip"), (35, 43, "suzhou")]
    assert english.find("an Anyangs plan") == [(0, 2, "anx")]  # Anyang inside a longer word is no name


class _Backend:
    """Dense lookups answered from fixed lists, as a backend returns them (best first)."""

    def __init__(self, whole, sentences):
        self.whole, self.best = whole, sentences

    def dense(self, vector, k, where=None):
        return [Scored(d, s) for d, s in self.whole[:k]]

    def sentences(self, vector, k, where=None):
        return [Scored(d, s) for d, s in self.best[:k]]

    def sentence_rows(self):
        return frozenset(d for d, _ in self.best)


def _index(backend, n):
    index = SearchIndex.__new__(SearchIndex)
    index.backend = backend
    index.settings = type("S", (), {"sentence_weight": 0.8})()
    index._single = np.array([True] * n)
    return index


def test_the_best_admitted_unit_is_the_first_dense_candidates_admits():
    rng = np.random.default_rng(3)
    for trial in range(200):
        n = int(rng.integers(3, 12))
        scores = rng.choice([0.5, 0.6, 0.7, 0.8, 0.9], size=n)  # ties on purpose
        whole = sorted(((d, float(s)) for d, s in enumerate(scores)), key=lambda x: -x[1])
        rows = rng.permutation(n)[: int(rng.integers(1, n + 1))]
        best = sorted(((int(d), float(rng.choice([0.55, 0.75, 0.95]))) for d in rows), key=lambda x: -x[1])
        index = _index(_Backend(whole, best), n)
        index._single = rng.random(n) < 0.5
        k = int(rng.integers(1, n + 1))
        mask = rng.random(n) < 0.6
        ranked = [s for s in index.dense_candidates(None, k, vector=np.zeros(1), align=False) if mask[s.doc]][:k]
        expected = ranked[:1]
        assert index._best_dense(np.zeros(1), k, None, mask) == expected, trial


def test_pinyin_readings_are_kept_in_the_runtime_cache_and_read_back(tmp_path, monkeypatch):
    from search import english_view

    monkeypatch.setattr(english_view, "_readings", None)
    built = english_view.pinyin_readings(tmp_path)
    if not built[0]:  # CC-CEDICT not installed: nothing to keep
        return
    assert [p.name.split("-")[0] for p in tmp_path.iterdir()] == ["pinyin"]
    assert english_view.pinyin_readings() is built  # once a process
    monkeypatch.setattr(english_view, "_readings", None)
    monkeypatch.setattr(english_view, "_read_pinyin", lambda: (_ for _ in ()).throw(AssertionError("read again")))
    assert english_view.pinyin_readings(tmp_path) == built  # the next process opens what the first kept


def test_a_workspace_prepares_english_search_once_its_index_is_loaded_and_never_raises(tmp_path):
    from types import SimpleNamespace

    from workspace.reader import Workspace

    calls = []
    ws = Workspace(tmp_path, SimpleNamespace(data_dir=tmp_path))
    ws._index = SimpleNamespace(prepare_english=lambda cache_dir: calls.append(cache_dir))
    ws.prepare_english()
    assert len(calls) == 1 and tmp_path in calls[0].parents
    broken = Workspace(tmp_path, SimpleNamespace(data_dir=tmp_path))
    broken._index_error = OSError("index/units.jsonl is missing")
    broken.prepare_english()  # logged, not raised: the question that needs the index reports it

