"""The extraction benchmark's gold files are well-formed and consistent with their documents, the documents
cover the genre's notations, and the scoring functions are right on tiny hand examples.

No parser quality is asserted here: that is what ``python -m benchmarks.extraction`` measures."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from types import SimpleNamespace as NS

import pytest

from benchmarks.extraction.gold import (
    HERE,
    KEPT_ASIDE,
    SETS,
    body_paragraphs,
    gold_cases,
    normalise_brackets,
    path_labels,
    problems,
)
from benchmarks.extraction.metrics import (
    Counts,
    accuracy,
    f1,
    match,
    precision,
    recall,
    same_number,
)
from benchmarks.extraction.score import (
    department_labels,
    predicted_paths,
    score_bodies,
    score_citations,
    score_document,
    score_metadata,
    score_replaces,
    score_responsibilities,
    score_supports,
    score_targets,
    score_unit_labels,
    score_units,
)

DOCS = gold_cases("docs")
HOLDOUT = gold_cases("holdout")
ALL = DOCS + HOLDOUT
REAL = gold_cases("real")
REAL_HOLDOUT = gold_cases("real_holdout")
REAL_FRESH = gold_cases("real_fresh")  # annotated this round before any parser work; scored once at its end
REAL_ALL = REAL + REAL_HOLDOUT + REAL_FRESH
LOCAL = gold_cases("local")  # invented in real local notations (province, city, county, development zone)
LOCAL_R6 = gold_cases("local_r6")  # the sixth round's, developed on since its blind run
LOCAL_R7 = gold_cases("local_r7")  # the seventh round's, developed on since its blind run
LOCAL_R8 = gold_cases("local_r8")  # the eighth round's kept aside: only checked as gold here, never parsed by a test
CORPUS_REAL = HERE.parent / "corpus_real"


# --- the gold files -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("case", ALL, ids=[c.name for c in ALL])
def test_gold_is_consistent_with_its_document(case):
    assert problems(case) == []


@pytest.mark.parametrize("case", ALL, ids=[c.name for c in ALL])
def test_document_has_a_realistic_length(case):
    assert 2000 <= len(case.text) <= 6000


def test_set_sizes_and_levels():
    assert len(DOCS) >= 10 and len(HOLDOUT) >= 5
    for cases in (DOCS, HOLDOUT):
        assert {c.gold["level"] for c in cases} == {"national", "provincial", "municipal", "district"}


def test_years_span_the_decade():
    years = {int(c.gold["issued"][:4]) for c in ALL}
    assert min(years) <= 2017 and max(years) >= 2024


# Each notation of issue 7 with a pattern that finds it in a document's text.
NOTATIONS = {
    "国发/国办发 number": r"国(?:办)?发〔\d{4}〕\d+号",
    "State Council addressees": r"各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
    "sections run on across chapters": r"\n[ \t\u3000]*三、[^\n]*\n[ \t\u3000]*（[四五六七八九十]",
    "（A、B等按职责分工负责）": r"（[^（）\n]+按职责分工负责",
    "（A牵头，B、C参与）": r"牵头，[^（）\n]+参与）",
    "standing rule 列第一位/排在第一位": r"列第一位者为牵头单位|排在第一位的部门为牵头部门",
    "（牵头单位：X；配合单位：Y）": r"（牵头单位：[^（）\n]+；配合单位：",
    "〔责任单位：…〕": r"〔责任单位：",
    "ASCII (责任单位:…;适用范围:…)": r"\(责任单位:[^()\n]+;适用范围:",
    "[X牵头,会同Y、Z负责]": r"\[[^\[\]\n]+牵头,会同[^\[\]\n]+负责\]",
    "separate owner lines": r"\n[ \t\u3000]*牵头单位[:：][^\n]+\n[ \t\u3000]*责任单位[:：]",
    "sentence duty 由X会同Y": r"由[^，。\n]{2,20}会同",
    "予以配合": r"予以配合",
    "各区政府可": r"各区(?:（市）县)?政府可",
    "（各有关部门和单位按职责分工负责）": r"（各有关部门和单位按职责分工负责）",
    "下同": r"下同",
    "task table by tabs": r"\n序号\t工作任务\t牵头单位\t配合单位\t完成时限",
    "task table by spaces": r"\n序号 {2,}工作任务 {2,}牵头单位 {2,}配合单位 {2,}完成时限",
    "due date 月底前": r"\d{4}年\d{1,2}月底前",
    "articles with bracketed titles": r"第[一二三四五六七八九十]+条（[^）]+）",
    "第一章 总则": r"第一章[ \u3000]*总则",
    "items run on through sections": r"\n[ \t\u3000]*（二）[^\n]*\n[ \t\u3000]*[7-9]\.",
    "goal bullets ——": r"\n[ \t\u3000]*——",
    "≥ wording": r"达到|突破|超过|不低于|不少于|以上",
    "≤ wording": r"压缩至|降至|以内|以下|控制在|不高于",
    "≈ wording": r"左右|约",
    "range": r"\d+-\d+[个家]|\d+到\d+个",
    "分别达到…和…": r"分别达到\d+%和\d+%",
    "其中，到…年底": r"其中，到\d{4}年底",
    "各项指标均为…全年目标": r"各项指标均为\d{4}年全年目标",
    "period N年起M年内": r"\d{4}年起\d+年内",
    "odd units": r"EFLOPS|微克/立方米|万千瓦|万人次|\d张",
    "support cap 最高不超过": r"最高不超过\d+万元",
    "support rate": r"按[^，。]{1,12}的\d+%给予",
    "threshold 以上的项目": r"\d+亿美元以上的|\d+万美元以上的|\d+亿元以上的",
    "procedural time limit": r"自受理之日起\d+个工作日内",
    "citation 《title》（number）": r"》（[^（）]+〔\d{4}〕\d+号）",
    "replacement clause 同时废止": r"原《[^》]+》[^。]*同时废止",
    "self-reference 本办法": r"本办法",
    "tricky bodies": r"市公安局出入境管理局|市政府办公厅|区绿化市容局|上海海关|国家税务总局上海市税务局|市大数据中心",
    "collectives": r"各相关区政府|各有关部门|各区政府",
    "annex 附件": r"\n附件\d*\n",
}


@pytest.mark.parametrize("name,pattern", NOTATIONS.items(), ids=list(NOTATIONS))
def test_every_notation_occurs_in_the_tuning_documents(name, pattern):
    assert any(re.search(pattern, c.text) for c in DOCS), name


def test_the_holdout_covers_many_notations():
    covered = [n for n, p in NOTATIONS.items() if any(re.search(p, c.text) for c in HOLDOUT)]
    assert len(covered) >= len(NOTATIONS) * 2 // 3


def test_some_document_names_no_owner():
    assert any(not c.gold["responsibilities"] for c in DOCS)


# --- the real sets (real State Council documents, hand gold) ----------------------------------------------------

REAL_KEYS = ("title", "genre", "form", "issuers", "jurisdiction", "jurisdiction_level", "effective", "unit_kinds",
             "functions", "replaces")


@pytest.mark.parametrize("case", REAL_ALL, ids=[c.name for c in REAL_ALL])
def test_real_gold_is_consistent_with_its_document(case):
    assert problems(case) == []


@pytest.mark.parametrize("case", REAL_ALL, ids=[c.name for c in REAL_ALL])
def test_real_gold_records_every_real_key(case):
    assert [k for k in REAL_KEYS if k not in case.gold] == []
    assert set(case.gold["unit_kinds"]) == set(case.gold["units"])
    assert case.gold["functions"], "every document has units that do something"


@pytest.mark.parametrize("case", REAL_ALL, ids=[c.name for c in REAL_ALL])
def test_real_documents_are_unchanged_copies_of_corpus_real(case):
    assert case.doc_path.read_bytes() == (CORPUS_REAL / case.doc_path.name).read_bytes()


def test_real_set_sizes_and_genres():
    assert len(REAL) >= 12 and len(REAL_HOLDOUT) == 6
    assert not {c.name for c in REAL} & {c.name for c in REAL_HOLDOUT}
    assert len(REAL_FRESH) == 7 and not {c.name for c in REAL_FRESH} & {c.name for c in REAL + REAL_HOLDOUT}
    holdout_forms = [c.gold["form"] for c in REAL_HOLDOUT]
    assert len(set(holdout_forms)) == 6, "one document of each of six forms"
    assert {"opinion", "notice-issuing", "notice-tasks", "notice-forwarding", "notice-personnel", "regulation",
            "decision", "reply", "answer", "circular"} <= {c.gold["form"] for c in REAL}


def test_the_real_sets_exercise_every_path_convention():
    units = [u for c in REAL for u in c.gold["units"]]
    for convention in (r"通知", r"序言", r"结语", r"第1段", r"第一章", r"第[一二三四五六七八九十]+条（[一二三四五六七八九十]+）",
                       r"附件[一二三四]", r"[一二三四五六]（[一二三四五六七八九十]+）\d"):
        assert any(re.fullmatch(convention, u) for u in units), convention
    kinds = {k for c in REAL for k in c.gold["unit_kinds"].values()}
    functions = {f for c in REAL for f in c.gold["functions"].values()}
    assert {"notice", "paragraph", "article", "chapter", "annex", "preamble", "closing"} <= kinds
    assert functions == {"goal", "action", "support", "rule", "duty", "decision", "context"}
    assert any(c.gold["replaces"] for c in REAL) and any(c.gold["effective"] for c in REAL)


def test_all_includes_every_set():
    assert [c.name for c in gold_cases("all")] == [c.name for s in SETS if s not in KEPT_ASIDE for c in gold_cases(s)]
    assert {"docs", "holdout", "real", "real_holdout", "real_fresh", "local"} <= set(SETS)


def test_an_all_run_never_parses_the_set_kept_aside(monkeypatch):
    from benchmarks.extraction import run

    asked: list[str] = []
    monkeypatch.setattr(run, "gold_cases", lambda name: asked.append(name) or [])
    run.evaluate("all")
    assert asked and not set(asked) & KEPT_ASIDE


@pytest.mark.parametrize("case", LOCAL, ids=[c.name for c in LOCAL])
def test_local_gold_is_consistent_with_its_document(case):
    assert problems(case) == []
    assert 2000 <= len(case.text) <= 6000


@pytest.mark.parametrize("case", LOCAL_R6, ids=[c.name for c in LOCAL_R6])
def test_sixth_round_local_gold_is_consistent_with_its_document(case):
    assert problems(case) == []
    assert "local_r6" in KEPT_ASIDE


@pytest.mark.parametrize("case", LOCAL_R7, ids=[c.name for c in LOCAL_R7])
def test_seventh_round_local_gold_is_consistent_with_its_document(case):
    assert problems(case) == []
    assert "local_r7" in KEPT_ASIDE


@pytest.mark.parametrize("case", LOCAL_R8, ids=[c.name for c in LOCAL_R8])
def test_eighth_round_local_gold_is_consistent_with_its_document(case):
    assert problems(case) == []
    assert "local_r8" in KEPT_ASIDE


def test_local_set_covers_the_levels_below_the_state_council_and_none_repeats_a_place():
    assert len(LOCAL) >= 4
    assert {c.gold["level"] for c in LOCAL} == {"provincial", "municipal", "district"}
    places = {c.name.split("-")[0] for c in LOCAL}
    assert len(places) == len(LOCAL) and not places & {c.name.split("-")[0] for c in ALL}


def test_body_paragraphs_lie_between_addressee_and_signature():
    text = "关于某事的复函\n国办函〔2006〕1号\n某某代表：\n第一段。\n第二段。\n附件：某制度\n国务院办公厅\n二〇〇六年九月七日\n"
    assert body_paragraphs(text) == ["第一段。", "第二段。"]


# --- the arithmetic ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("tp,n_pred,n_gold,p,r,f", [
    (2, 4, 2, 0.5, 1.0, 2 / 3),
    (0, 0, 0, 1.0, 1.0, 1.0),  # nothing to find, nothing claimed
    (0, 0, 3, 1.0, 0.0, 0.0),  # nothing claimed: no wrong claim, everything missed
    (0, 2, 0, 0.0, 1.0, 0.0),
    (3, 3, 3, 1.0, 1.0, 1.0),
])
def test_precision_recall_f1(tp, n_pred, n_gold, p, r, f):
    assert precision(tp, n_pred) == p and recall(tp, n_gold) == r
    assert f1(p, r) == pytest.approx(f)
    c = Counts(tp, n_pred, n_gold)
    assert (c.precision, c.recall, c.f1) == (p, r, pytest.approx(f))


def test_counts_add_up_to_micro_averages():
    assert Counts(1, 2, 3) + Counts(2, 2, 1) == Counts(3, 4, 4)


@pytest.mark.parametrize("right,judged,expected", [(3, 4, 0.75), (0, 0, None), (2, 2, 1.0)])
def test_accuracy(right, judged, expected):
    assert accuracy(right, judged) == expected


def test_match_is_one_to_one_and_maximal():
    # greedy would give gold 0 the first prediction and leave gold 1 unmatched
    gold = ["ab", "a"]
    pred = ["a", "b"]
    pairs = match(gold, pred, lambda g, p: p in g)
    assert sorted(pairs) == [(0, 1), (1, 0)]
    assert match(["x", "x"], ["x"], str.__eq__) == [(0, 0)]  # a duplicate gold item finds no second prediction


@pytest.mark.parametrize("a,b,same", [
    (1.5, Decimal("1.5"), True), (65, Decimal(65), True), (None, None, True),
    (None, 0, False), (2, Decimal(3), False), ("x", 1, False),
])
def test_same_number(a, b, same):
    assert same_number(a, b) is same


@pytest.mark.parametrize("text,normal", [
    ("国发[2016]48号", "国发〔2016〕48号"), ("一(一)", "一（一）"), ("沪府办规［2022］6号", "沪府办规〔2022〕6号"),
    ("国发〔2016〕 48号", "国发〔2016〕48号"),
])
def test_normalise_brackets(text, normal):
    assert normalise_brackets(text) == normal


@pytest.mark.parametrize("path,segments", [
    ("二（一）12", ["二", "（一）", "12"]), ("第十三条", ["第十三条"]), ("一（二）-3", ["一", "（二）", "-3"]),
    ("附件1", ["附件1"]), ("序言", ["序言"]), ("三（十二）", ["三", "（十二）"]), ("四13", ["四", "13"]),
    ("第12段", ["第12段"]), ("通知", ["通知"]), ("附件二", ["附件", "二"]), ("第二十六条（十）", ["第二十六条", "（十）"]),
])
def test_path_labels(path, segments):
    assert path_labels(path) == segments


# --- scoring on tiny hand examples -------------------------------------------------------------------------------

SOURCE = "由市经信委会同市财政局推进。"


def _dept(key, pref, alts=(), mentions=()):
    return NS(key=key, pref_label=pref, alt_labels=list(alts), mentions=[NS(start=s, end=e) for s, e in mentions])


def test_units_exact_and_counts():
    assert score_units(["一", "一（一）"], ["一", "一（一）"]) == (Counts(2, 2, 2), True)
    assert score_units(["序言", "一", "一（一）"], ["一", "一1"]) == (Counts(1, 2, 3), False)


def test_preamble_span_counts_as_the_preamble_unit():
    doc = NS(units=[NS(path="一"), NS(path="一(一)")], preamble=NS(start=0, end=10))
    assert predicted_paths(doc) == ["序言", "一", "一（一）"]
    assert predicted_paths(NS(units=[NS(path="一")], preamble=None)) == ["一"]


def test_department_labels_include_the_name_as_written():
    d = _dept("jxw", "上海市经济和信息化委员会", ["市经济信息化委"], [(1, 5)])
    assert department_labels(d, SOURCE) == {"上海市经济和信息化委员会", "市经济信息化委", "市经信委"}


def test_bodies_match_by_any_label_one_organisation_each():
    labels = [{"上海市财政局", "市财政局"}, {"市政府"}]
    counts, missed, spurious = score_bodies(["市财政局", "市经信委"], labels)
    assert counts == Counts(1, 2, 2) and missed == ["市经信委"] and spurious == ["市政府"]


def test_responsibilities_need_path_role_and_body():
    pred = [("二（一）", "lead", {"市经信委"}), ("二（一）", "participant", {"市财政局"}), ("二（二）", "lead", {"市财政局"})]
    gold = [{"path": "二（一）", "body": "市经信委", "role": "lead"},
            {"path": "二（一）", "body": "市财政局", "role": "lead"},
            {"path": "二(二)", "body": "市财政局", "role": "lead"}]
    counts, missed, spurious = score_responsibilities(gold, pred)
    assert counts == Counts(2, 3, 3)
    assert missed == ["二（一） lead 市财政局"] and spurious == ["二（一） participant 市财政局"]


def _target(path, q, unit, cmp, deadline=None, qmax=None, period=""):
    return NS(unit_path=path, quantity=Decimal(str(q)), quantity_max=qmax, unit=unit, comparator=cmp,
              deadline=deadline, period=period, text="")


def _gold_target(path, v, unit, cmp, deadline=None, vmax=None, period=""):
    return {"path": path, "indicator": "x", "value": v, "value_max": vmax, "unit": unit, "comparator": cmp,
            "deadline": deadline, "period": period}


def test_targets_match_on_path_value_unit_then_judge_comparator_and_deadline():
    gold = [_gold_target("一", 65, "%", "≥", "2025-12-31"), _gold_target("一", 55, "%", "≥", "2025-12-31"),
            _gold_target("一", 2, "万个", "≥", None, period="2023年起3年内"), _gold_target("一", 3, "个", "=", vmax=5)]
    pred = [_target("一", 65, "%", "≥", date(2025, 12, 31)), _target("一", 55, "%", "≤", date(2024, 12, 31)),
            _target("一", 2, "万个", "≥", None, period=""), _target("一", 3, "个", "=", qmax=Decimal(5)),
            _target("二", 9, "个", "=")]
    t = score_targets(gold, pred)
    assert t["counts"] == Counts(4, 5, 4)
    assert t["comparator"] == (3, 4)
    assert t["deadline"] == (2, 4)  # 55 % has the wrong year; the period was not recorded
    assert t["value_max"] == (4, 4)


def test_supports_match_on_path_kind_and_first_amount():
    gold = [{"path": "第七条", "kind": "subsidy", "amount": None, "rate": 10, "cap": 2000, "text": "t"},
            {"path": "第八条", "kind": "threshold", "amount": 1, "rate": None, "cap": None, "text": "u"}]
    pred = [NS(unit_path="第七条", kind="subsidy", amount=None, rate=Decimal(10), cap=None, text="t"),
            NS(unit_path="第八条", kind="threshold", amount=Decimal(100), rate=None, cap=None, text="v")]
    counts, missed, _spurious = score_supports(gold, pred)
    assert counts == Counts(1, 2, 2) and missed == ["第八条 threshold u"]


def test_citations_match_on_title_or_number_after_normalising():
    gold = [{"title": "", "identifier": "国发[2016]48号"}, {"title": "中华人民共和国预算法", "identifier": ""},
            {"title": "某办法", "identifier": "沪府发〔2017〕36号"}]
    pred = [NS(title="", identifier="国发〔2016〕48号"), NS(title="《中华人民共和国预算法》", identifier=""),
            NS(title="别的办法", identifier="沪府发〔2017〕36号")]
    assert score_citations(gold, pred)[0] == Counts(3, 3, 3)
    assert score_citations(gold, [NS(title="本办法", identifier="")])[0] == Counts(0, 1, 3)


def test_a_document_that_failed_to_parse_finds_nothing():
    case = DOCS[0]
    s = score_document(case, "docs", None, error="ParseError: x")
    assert all(c.tp == 0 and c.n_pred == 0 for c in s.counts.values())
    assert s.counts["units"].n_gold == len(case.gold["units"])
    assert s.identifier_recorded is False and s.error == "ParseError: x"


def test_own_number_among_citations_is_flagged():
    case = next(c for c in DOCS if c.gold["identifier"])
    doc = NS(source=case.text, units=[], preamble=None, departments=[], responsibilities=[], targets=[],
             citations=[NS(title="", identifier=case.gold["identifier"])],
             meta=NS(identifier=case.gold["identifier"], issued=case.gold["issued"]))  # no supports attribute at all
    s = score_document(case, "docs", doc)
    assert s.identifier_recorded is True and s.identifier_cited is True and s.issued_recorded is True
    assert s.counts["supports"] == Counts(0, 0, len(case.gold["supports"]))


def test_metadata_fields_are_judged_where_the_gold_states_them():
    gold = {"title": "国务院关于某事的决定", "identifier": "国发〔2018〕44号", "issuers": ["国务院"], "issued": "2018-12-28",
            "effective": None, "genre": "决定", "jurisdiction": "中华人民共和国", "jurisdiction_level": "national"}
    meta = NS(title="国务院关于某事的\n决定", identifier="国发[2018]44号", issuer="国务院", issued="2018-12-28",
              effective="", genre="通知", jurisdiction="中华人民共和国")  # no jurisdiction_level attribute at all
    right, wrong = score_metadata(gold, meta)
    assert right == {"title": True, "identifier": True, "issuers": True, "issued": True, "effective": True,
                     "genre": False, "jurisdiction": True, "jurisdiction_level": False}
    assert len(wrong) == 2
    assert score_metadata({"issuers": ["国务院", "中央军委"]}, NS(issuers=["中央军委", "国务院"]))[0] == {"issuers": True}
    assert score_metadata({"effective": "2019-01-01"}, NS(effective=date(2019, 1, 1)))[0] == {"effective": True}


def test_unit_labels_are_judged_over_the_gold_units_found():
    gold = {"序言": "context", "一": "goal", "一（一）": "action", "二": "rule"}
    pred = {"序言": "context", "一": "action", "一(一)": "action"}
    right_judged, wrong = score_unit_labels(gold, {k.replace("(", "（").replace(")", "）"): v for k, v in pred.items()})
    assert right_judged == (2, 3) and wrong == ["一 goal→action"]


def test_replaces_match_on_title_or_number():
    pred = [{"国办发〔2016〕82号", "某通知"}, {"别的办法"}]
    counts, missed, spurious = score_replaces(["国办发[2016]82号", "《某规定》"], pred)
    assert counts == Counts(1, 2, 2) and missed == ["《某规定》"] and spurious == ["别的办法"]


def test_old_gold_without_the_real_keys_scores_as_before():
    case = DOCS[0]
    s = score_document(case, "docs", None)
    assert s.metadata == {} and s.unit_kinds is None and s.functions is None and s.replaces is None
    assert "metadata" not in s.as_dict()


def test_a_real_document_that_failed_to_parse_finds_nothing_of_the_new_keys():
    case = next(c for c in REAL if c.gold["replaces"])
    s = score_document(case, "real", None, error="ParseError: x")
    assert s.unit_kinds == (0, 0) and s.functions == (0, 0)
    assert s.replaces == Counts(0, 0, len(case.gold["replaces"]))
    assert s.metadata["title"] is False and s.metadata["effective"] is False
    no_date = next(c for c in REAL if c.gold["effective"] is None)
    assert not any(score_document(no_date, "real", None).metadata.values()), "a failed parse gets no field right"


def test_a_metadata_field_the_parser_lacks_is_wrong_even_where_the_gold_is_empty():
    assert score_metadata({"effective": None}, NS(issued="2019-01-01"))[0] == {"effective": False}
    assert score_metadata({"effective": None}, NS(effective=""))[0] == {"effective": True}


def test_an_issued_texts_genre_is_right_as_the_bare_genre_or_as_its_title_writes_it():
    meta = NS(issued_text_genre="方案", issued_text_genre_as_written="实施方案")
    assert score_metadata({"issued_text_genre": "方案"}, meta)[0] == {"issued_text_genre": True}
    assert score_metadata({"issued_text_genre": "实施方案"}, meta)[0] == {"issued_text_genre": True}
    assert score_metadata({"issued_text_genre": "行动计划"}, meta)[0] == {"issued_text_genre": False}
    assert score_metadata({"issued_text_genre": "实施方案"}, NS(issued_text_genre="方案"))[0] == {"issued_text_genre": False}


def test_a_real_document_parsed_right_scores_full_marks_on_the_new_keys():
    case = next(c for c in REAL if c.gold["replaces"])
    g = case.gold
    units = [NS(path=p, kind=k, function=g["functions"].get(p, "")) for p, k in g["unit_kinds"].items()]
    meta = NS(title=g["title"], identifier=g["identifier"], issuers=g["issuers"], issued=g["issued"],
              effective=g["effective"], genre=g["genre"], jurisdiction=g["jurisdiction"],
              jurisdiction_level=g["jurisdiction_level"])
    doc = NS(source=case.text, units=units, preamble=None, departments=[], responsibilities=[], targets=[],
             citations=[NS(title="", identifier=r, replaces=True) for r in g["replaces"]], meta=meta)
    s = score_document(case, "real", doc)
    assert all(s.metadata.values())
    assert s.unit_kinds == (len(g["units"]), len(g["units"])) and s.functions == (len(g["functions"]),) * 2
    assert s.replaces == Counts(len(g["replaces"]), len(g["replaces"]), len(g["replaces"]))


def test_a_jurisdiction_with_or_without_its_province_is_the_same_place():
    from benchmarks.extraction.score import _same_place

    assert _same_place("遵义市", "贵州省遵义市") and _same_place("河北省邢台市清河县", "邢台市清河县")
    assert not _same_place("遵义市", "贵州省贵阳市") and not _same_place("", "遵义市")
    assert not _same_place("市遵义市", "遵义市")  # only a province or autonomous region may stand before it
