"""Translate-test: an English question rendered in the documents' Chinese (search/translate_test.py)."""

from __future__ import annotations

from search.bilingual import Dictionary
from search.translate_test import form_words, render


def test_question_forms_give_the_words_texts_answer_them_with():
    assert form_words("Which department leads the pilot?") == ["负责", "牵头"]
    assert form_words("How much can a firm get?") == ["万元", "元"]
    assert form_words("What share of the cost is covered?") == ["比例"]
    assert form_words("By when must the survey be finished?") == ["截至", "期限", "前"]
    assert form_words("Is gold exempt from VAT?") == []


def test_rendering_keeps_the_documents_words_in_the_questions_order():
    dictionary = Dictionary([("补贴", ["subsidy"]), ("机器人", ["robot"]), ("农业", ["agriculture"])])
    held = {"补贴", "机器人"}
    rendering = render("How much robot subsidy is there for agriculture?", dictionary, ["智能制造"],
                       lambda word: word in held, per_phrase=2)
    assert rendering.words == ("智能制造", "机器人", "补贴", "万元", "元")
    assert rendering.text == "机器人 补贴 智能制造 万元 元"
