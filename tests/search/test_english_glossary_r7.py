"""Seventh round (issue 24): the analyst's English for genre terms the segmenter cuts reaches the part the documents
hold as a word (带量|采购, 外商|直接|投资, 专项|附加|扣除), phrasal English for frequent words of the texts (look
after parents → 赡养, head count → 摸底), and a question's phrases are read once per search however often they
are asked for, each caller getting its own lists."""

from search.bilingual import Dictionary, load_dictionary, load_glossary
from search.english_view import EnglishViews
from search.tokenize import Tokenizer


def first_words(dictionary: Dictionary, text: str) -> dict[tuple[str, ...], str]:
    return {phrase: found[0].word for phrase, found in dictionary.phrases(text)}


def test_glossary_terms_for_words_the_segmenter_keeps():
    terms = dict(load_glossary())
    tokenizer = Tokenizer()
    for term, text in (("带量", "国家组织药品集中带量采购"), ("外商", "外商直接投资"), ("附加", "个人所得税专项附加扣除"),
                       ("赡养", "纳税人赡养老人的支出"), ("摸底", "进行全面摸底排查")):
        assert term in terms
        assert term in tokenizer.words(text)  # the glossary's term is a word a document's text is cut into


def test_analysts_terms_find_the_documents_words():
    dictionary = load_dictionary(lambda word: word in {"带量", "外商", "附加", "赡养", "摸底", "扣除", "独生子女"})
    found = first_words(dictionary, "Can an only child knock off more for looking after parents under the "
                                    "itemised deductions?")
    assert found[("only", "child")] == "独生子女"
    assert found[("knock", "off")] == "扣除"
    assert found[("look", "after", "parent")] == "赡养"
    assert found[("itemised", "deduction")] == "附加"
    assert first_words(dictionary, "volume-based procurement of drugs")[("volume-based", "procurement")] == "带量"
    assert first_words(dictionary, "rules on foreign direct investment")[("foreign", "direct", "investment")] == "外商"
    assert first_words(dictionary, "the head count of kindergartens")[("head", "count")] == "摸底"


def test_phrases_are_read_once_and_handed_out_as_copies():
    dictionary = Dictionary([("补贴", ["subsidy"]), ("机床", ["machine tool"])])
    first = dictionary.phrases("Is there a subsidy for a machine tool?")
    first[0][1].clear()
    first.clear()
    again = dictionary.phrases("Is there a subsidy for a machine tool?")
    assert [(p, [t.word for t in ts]) for p, ts in again] == [(("machine", "tool"), ["机床"]), (("subsidy",), ["补贴"])]
    for n in range(20):  # many other questions: the first is read again, the same
        dictionary.phrases(f"subsidy number {n}")
    assert [t.word for _, ts in dictionary.phrases("Is there a subsidy for a machine tool?") for t in ts] == ["机床", "补贴"]


def test_view_scores_are_bm25_of_the_glossed_words():
    texts = ["对购置机床的企业给予补贴。", "加强安全生产监督管理。", "补贴资金按季度拨付，补贴对象为企业。"]
    dictionary = Dictionary([("补贴", ["subsidy"]), ("机床", ["machine tool"]), ("企业", ["enterprise"])])
    views = EnglishViews(texts, Tokenizer(), dictionary, lambda word: sum(word in t for t in texts), senses=2)
    scores = views.scores("Which enterprise gets a subsidy?", [0, 1, 2])
    assert scores[1] == 0.0
    assert scores[0] > 0 and scores[2] > 0
    assert views.scores("Which enterprise gets a subsidy?", [2, 0]) == {2: scores[2], 0: scores[0]}


def test_across_china_is_nationwide_and_the_office_words_find_their_verbs():
    dictionary = load_dictionary(lambda word: word in {"中国", "中华", "全国", "设在", "组成", "兼任"})
    china = [t.word for phrase, found in dictionary.phrases("rules across China") for t in found
             if phrase == ("across", "china")]
    assert china == ["全国"]
    assert first_words(dictionary, "Which ministries host the office?")[("host",)] == "设在"
    assert first_words(dictionary, "Which agencies is the meeting made up of?")[("made", "up")] == "组成"
    assert first_words(dictionary, "Who concurrently runs it?")[("concurrently",)] == "兼任"
    assert ("sit",) not in first_words(dictionary, "Who may sit the exam?")  # a phrase ending in a stopword is
    # cut to its first word by the table: "sit on" would have made every "sit" a 组成
