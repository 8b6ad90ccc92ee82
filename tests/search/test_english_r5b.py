"""The English coverage weight is a field of the search's settings (issue 24)."""

from search.coverage import WEIGHT, setting
from search.settings import SearchSettings


def test_the_coverage_weight_is_a_saved_field_with_the_same_default():
    settings = SearchSettings()
    assert settings.english_coverage == WEIGHT == setting(settings)
    again = SearchSettings.from_dict(SearchSettings(english_coverage=0.3).to_dict())
    assert again.english_coverage == 0.3


def test_an_index_saved_with_the_weight_in_extra_keeps_it():
    old = SearchSettings().to_dict()
    del old["english_coverage"]
    old["extra"] = {"english_coverage": 0.0}
    assert SearchSettings.from_dict(old).english_coverage == 0.0


def test_the_document_holding_more_phrases_lends_its_units_a_gain():
    from types import SimpleNamespace

    from search.coverage import DocumentTexts, document_gains

    units = [SimpleNamespace(document="a", document_title="关于网站集约化的通知", text="开展政府网站集约化试点"),
             SimpleNamespace(document="a", document_title="关于网站集约化的通知", text="试点地区于年底前报送总结"),
             SimpleNamespace(document="b", document_title="关于网站管理的通知", text="加强政府网站管理")]
    texts = DocumentTexts(units)
    assert "报送" in texts("a") and texts("missing") == ""
    groups = [["集约化"], ["报送"], ["网站"]]
    fused = {0: 1.0, 1: 0.5, 2: 0.9}
    gains = document_gains(fused, ["a", "a", "b"], texts, groups, lambda w: 1.0, 0.3)
    assert gains[0] == gains[1] == 0.3  # document a holds all three phrases, though unit 1 holds only one
    assert abs(gains[2] - 0.1) < 1e-9  # document b holds one of three
    assert document_gains(fused, ["a", "a", "b"], texts, groups[:1], lambda w: 1.0, 0.3) == {}  # one phrase: none
    assert document_gains(fused, ["a", "a", "b"], texts, groups, lambda w: 1.0, 0.0) == {}


def test_everyday_words_of_a_project_bring_the_plans_words_as_a_phrase():
    from search.coverage import everyday_groups

    groups = everyday_groups("our packing is all done by hand and we cannot hire enough people")
    assert any("机器换人" in g for g in groups)
    assert everyday_groups("when is the holiday") == []
    assert not everyday_groups("a manuals shop")  # a word, not the start of a longer one
