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
