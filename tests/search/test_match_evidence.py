"""Every answer of the calculator cites its document, section and span: a unit's span, and for each instrument
the sentence it rests on (``text`` == the document's source[start:end])."""

from __future__ import annotations

from kg.views import EnterpriseProfile
from search.match import match_enterprise, sentences_of
from search.types import IndexUnit


def test_a_units_sentences_carry_their_span_in_the_source():
    source = "前言。\n（三）加强政策支持。 设立专项资金；落实税收优惠。"
    start = source.index("（三）")
    unit = IndexUnit("u", "safeguard", "d", "D", "（三）", "加强政策支持", source[start:], source[start:], start,
                     len(source))
    got = list(sentences_of(unit))
    assert [t for t, _, _ in got] == ["（三）加强政策支持。", "设立专项资金；", "落实税收优惠。"]
    assert all(source[s:e] == t for t, s, e in got)


def test_every_measure_and_instrument_of_an_answer_cites_its_span(seed_index, seed_document):
    result = match_enterprise(seed_index, EnterpriseProfile("汽车零部件", ["申请技改贷款，采购工业机器人"], "中小企业"))
    source = seed_document.source
    assert result.measures and result.instruments
    for m in result.measures:
        assert m.end > m.start and source[m.start:m.end] == m.text
        for i in m.instruments:
            assert i.end > i.start and source[i.start:i.end] == i.text and i.document and i.path
    for i in result.instruments:
        assert i.end > i.start and source[i.start:i.end] == i.text
