"""Every question file in benchmarks/questions/ is well-formed and its answers are real text of its documents.

An answer is a phrase copied from the unit that answers the question; a search hit answers the question when
its own text contains one of the phrases. So each phrase must occur in the document the question names (files
written before questions named a document are about the bundled corpus/), and a ``users_*`` question has a
document exactly when it has answers (a question with neither is one no document answers).

No search quality is asserted here: that is what ``python -m benchmarks.eval_retrieval`` measures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support import ROOT

QUESTIONS_DIR = ROOT / "benchmarks" / "questions"
DOCUMENT_DIRS = (
    ROOT / "corpus",
    ROOT / "benchmarks" / "extraction" / "docs",
    ROOT / "benchmarks" / "extraction" / "holdout",
    ROOT / "benchmarks" / "questions" / "documents",
    ROOT / "benchmarks" / "questions" / "documents2",
    ROOT / "benchmarks" / "questions" / "documents3",
    ROOT / "benchmarks" / "questions" / "documents4",
    ROOT / "benchmarks" / "corpus_real",  # the 48 real State Council documents (users_real_*)
    ROOT / "benchmarks" / "extraction" / "local",
    ROOT / "benchmarks" / "extraction" / "local_r6",  # the sixth round's invented local documents (users_local_r6)
    ROOT / "benchmarks" / "extraction" / "local_r7",  # the seventh round's (users_local_r7)
    ROOT / "benchmarks" / "extraction" / "local_r8",  # the eighth round's (users_local_r8)
)
LANGS = {"zh", "en"}
QUESTION_FILES = sorted(QUESTIONS_DIR.glob("*.jsonl"))
USERS_FILES = [p for p in QUESTION_FILES if p.name.startswith("users_")]
# Sets split in a tuning half and an untouched half: the two halves must not share a question.
SPLITS = [
    (QUESTIONS_DIR / f"{stem}_tune.jsonl", QUESTIONS_DIR / f"{stem}_untouched.jsonl")
    for stem in ("users", "users_docs", "users_fresh", "users_real", "users_en")
]


def load_documents() -> dict[str, str]:
    """Document texts by file stem, from every folder a question's ``doc`` may name."""
    return {p.stem: p.read_text(encoding="utf-8") for d in DOCUMENT_DIRS for p in sorted(d.glob("*.txt"))}


DOCUMENTS = load_documents()
CORPUS = [p.stem for p in sorted((ROOT / "corpus").glob("*.txt"))]


def read_lines(path: Path) -> list[tuple[int, str]]:
    """Non-blank lines with their 1-based line numbers."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(i, line) for i, line in enumerate(lines, 1) if line.strip()]


def load_questions(path: Path) -> list[dict]:
    return [json.loads(line) for _, line in read_lines(path)]


def shape_problems(record: object) -> list[str]:
    """What is wrong with one question record's shape (empty when it is well-formed)."""
    if not isinstance(record, dict):
        return ["not a JSON object"]
    problems = []
    if record.get("lang") not in LANGS:
        problems.append(f"lang {record.get('lang')!r} not in {sorted(LANGS)}")
    if not isinstance(record.get("question"), str) or not record["question"].strip():
        problems.append("question is not a non-empty string")
    answers = record.get("answers")
    if not isinstance(answers, list) or not all(isinstance(a, str) and a for a in answers):
        problems.append("answers is not a list of non-empty strings")
    if "doc" in record and not isinstance(record["doc"], str):
        problems.append("doc is not a string")
    return problems


def answer_problems(record: dict, documents: dict[str, str], corpus: list[str]) -> list[str]:
    """Answer phrases that do not occur in the document the question names (or, without ``doc``, in corpus/)."""
    doc = record.get("doc")
    if doc:
        if doc not in documents:
            return [f"doc {doc!r} is no document in {[str(d.relative_to(ROOT)) for d in DOCUMENT_DIRS]}"]
        texts = [documents[doc]]
    else:
        texts = [documents[name] for name in corpus]
    return [f"answer {a!r} not in {doc or 'corpus/'}" for a in record["answers"] if not any(a in t for t in texts)]


# --- the helpers on tiny hand examples ------------------------------------------------------------------------

@pytest.mark.parametrize(
    "record, expected",
    [
        ({"lang": "zh", "question": "问", "answers": ["甲乙"]}, []),
        ({"lang": "fr", "question": "q", "answers": []}, ["lang 'fr' not in ['en', 'zh']"]),
        ({"lang": "en", "question": " ", "answers": []}, ["question is not a non-empty string"]),
        ({"lang": "en", "question": "q", "answers": "甲"}, ["answers is not a list of non-empty strings"]),
        ({"lang": "en", "question": "q", "answers": [], "doc": None}, ["doc is not a string"]),
        (["zh"], ["not a JSON object"]),
    ],
)
def test_shape_problems(record, expected):
    assert shape_problems(record) == expected


@pytest.mark.parametrize(
    "record, expected",
    [
        ({"doc": "a", "answers": ["一二"]}, []),
        ({"doc": "a", "answers": ["三四"]}, ["answer '三四' not in a"]),
        ({"answers": ["三四"]}, []),
        ({"doc": "", "answers": ["五"]}, ["answer '五' not in corpus/"]),
    ],
)
def test_answer_problems(record, expected):
    assert answer_problems(record, {"a": "一二", "b": "三四"}, ["b"]) == expected


# --- the question files ---------------------------------------------------------------------------------------

def test_question_files_exist():
    assert {"dev.jsonl", "own.jsonl", "holdout.jsonl"} <= {p.name for p in QUESTION_FILES}
    assert len(USERS_FILES) >= 4


@pytest.mark.parametrize("path", QUESTION_FILES, ids=[p.name for p in QUESTION_FILES])
def test_every_line_is_a_well_formed_question(path):
    problems = []
    for number, line in read_lines(path):
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(f"line {number}: not JSON ({error})")
            continue
        problems += [f"line {number}: {p}" for p in shape_problems(record)]
    assert problems == []


@pytest.mark.parametrize("path", QUESTION_FILES, ids=[p.name for p in QUESTION_FILES])
def test_every_answer_occurs_in_its_document(path):
    problems = [
        f"{record['question']}: {p}"
        for record in load_questions(path)
        for p in answer_problems(record, DOCUMENTS, CORPUS)
    ]
    assert problems == []


@pytest.mark.parametrize("path", USERS_FILES, ids=[p.name for p in USERS_FILES])
def test_users_questions_have_a_document_exactly_when_they_have_answers(path):
    records = load_questions(path)
    assert all("doc" in r for r in records)
    assert [r["question"] for r in records if bool(r["doc"]) != bool(r["answers"])] == []
    assert any(not r["answers"] for r in records), "each users_* file holds questions no document answers"


@pytest.mark.parametrize("tune, untouched", SPLITS, ids=[t.name.removesuffix("_tune.jsonl") for t, _ in SPLITS])
def test_halves_share_no_question(tune, untouched):
    assert {r["question"] for r in load_questions(tune)} & {r["question"] for r in load_questions(untouched)} == set()


@pytest.mark.parametrize("path", [p for p in USERS_FILES
                                  if p.name.startswith(("users_docs_", "users_fresh_", "users_unseen_", "users_later_",
                                                        "users_final_", "users_last_", "users_real_",
                                                        "users_en_", "users_plan_"))])
def test_users_docs_answers_are_short_and_point_to_one_place(path):
    """Each phrase is 6–40 characters (25 until the sixth round's sets, whose writers quoted whole clauses) and occurs
    once in the document the question names (the scorer counts a hit
    only in that document: benchmarks/eval_users.score), or once across all documents, so a hit containing it is
    the unit."""
    problems = []
    for record in load_questions(path):
        texts = [DOCUMENTS[record["doc"]]] if record.get("doc") else list(DOCUMENTS.values())
        for phrase in record["answers"]:
            count = sum(text.count(phrase) for text in texts)
            if not 6 <= len(phrase) <= 40 or count != 1:
                problems.append(f"{phrase!r}: {len(phrase)} characters, {count} occurrences")
    assert problems == []
