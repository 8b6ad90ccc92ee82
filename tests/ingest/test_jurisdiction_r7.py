"""A reply's number for the proposal it answers (建议字〔…〕, 提案〔…〕) names a register of a congress or a CPPCC, not
an issuing body: the jurisdiction comes from the answering body, as a careful reader takes it."""

from __future__ import annotations

from ingest.jurisdiction import document_jurisdiction, jurisdiction_of_number


def test_a_proposal_number_names_no_place_and_the_answering_bureau_does():
    assert jurisdiction_of_number("建议字〔2023〕8号") is None
    assert jurisdiction_of_number("提案〔2024〕5号") is None
    place = document_jurisdiction("建议字〔2023〕8号", ("沙河市交通运输局",), "关于市人大代表第31号建议的答复")
    assert place is not None and place.name.endswith("沙河市")


def test_a_ministry_prefix_starting_with_the_same_character_still_names_the_state():
    place = jurisdiction_of_number("建标〔2019〕8号")
    assert place is not None and place.level == "national"
