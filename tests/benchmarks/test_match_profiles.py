"""The calculator's profile set in benchmarks/match/ is well-formed and its expectations are real text of its documents.

A profile names the document that answers it and copies its answer phrases, and for a failed condition the
condition itself, from that document; so each must occur there. No matching quality is asserted here."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from benchmarks.match.split import split_profiles
from tests.support import ROOT

MATCH_DIR = ROOT / "benchmarks" / "match"
# (not r6_main: its R6R10 names as failing a field the profile fills)
PROFILE_FILES = [MATCH_DIR / f"profiles{suffix}.jsonl"
                 for suffix in ("", "_tune", "_untouched", "_fresh", "_r4", "_r5", "_r7_main", "_r8_main")]
# Where the documents of each source live.
SOURCE_DIRS = {
    "real": ROOT / "benchmarks" / "corpus_real",
    "seed": ROOT / "corpus",
    "match": MATCH_DIR / "documents",
}
PROFILE_FIELDS = {
    "id", "source", "lang", "name", "industry", "industry_code", "place", "district", "size", "employees", "revenue",
    "founded", "insured_staff", "years_insured", "unemployment_premiums_last_year", "wage_bill_last_year", "person",
    "needs", "expect",
}
INT_FIELDS = {"employees", "founded", "insured_staff"}
NUMBER_FIELDS = {"revenue", "years_insured", "unemployment_premiums_last_year", "wage_bill_last_year"}
TEXT_FIELDS = {"name", "industry", "industry_code", "place", "district"}
PERSON_FIELDS = {"age", "status"}
EXPECT_FIELDS = {"doc", "answers", "instruments", "contact", "verdict", "failing", "amount", "expired_on"}
AMOUNT_FIELDS = {"value", "unit", "kind", "rate", "base", "formula"}
VERDICTS = {"eligible", "not_eligible", "unknown"}
KINDS = {"fixed", "rate", "cap"}
SIZES = {"small", "medium", "large"}
# The day the set was written against: a period is "expired" when it ended by then.
AS_OF = datetime.date(2026, 12, 7)


def load_documents() -> dict[str, dict[str, str]]:
    """Document texts by file stem, per source."""
    return {src: {p.stem: p.read_text(encoding="utf-8") for p in sorted(d.glob("*.txt"))}
            for src, d in SOURCE_DIRS.items()}


DOCUMENTS = load_documents()
ALL_TEXTS = [text for texts in DOCUMENTS.values() for text in texts.values()]


def read_records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def profile_problems(record: object) -> list[str]:
    """What is wrong with the profile half of a record (its fields and their types)."""
    if not isinstance(record, dict):
        return ["not a JSON object"]
    problems = [f"unknown field {k!r}" for k in sorted(set(record) - PROFILE_FIELDS)]
    for key in ("id", "source", "lang", "needs", "expect"):
        if key not in record:
            problems.append(f"missing {key!r}")
    if "source" in record and record["source"] not in SOURCE_DIRS:
        problems.append(f"source {record.get('source')!r} not in {sorted(SOURCE_DIRS)}")
    if "lang" in record and record["lang"] not in {"zh", "en"}:
        problems.append(f"lang {record['lang']!r} not in ['en', 'zh']")
    if "needs" in record and not (isinstance(record["needs"], str) and record["needs"].strip()):
        problems.append("needs is not a non-empty string")
    if "size" in record and record["size"] not in SIZES:
        problems.append(f"size {record['size']!r} not in {sorted(SIZES)}")
    problems += [f"{k} is not an integer" for k in sorted(INT_FIELDS & set(record))
                 if not (isinstance(record[k], int) and not isinstance(record[k], bool))]
    problems += [f"{k} is not a number" for k in sorted(NUMBER_FIELDS & set(record)) if not _is_number(record[k])]
    problems += [f"{k} is not a non-empty string" for k in sorted(TEXT_FIELDS & set(record))
                 if not (isinstance(record[k], str) and record[k].strip())]
    if "person" in record:
        person = record["person"]
        if not isinstance(person, dict) or set(person) - PERSON_FIELDS:
            problems.append(f"person has fields other than {sorted(PERSON_FIELDS)}")
        elif "age" in person and not isinstance(person["age"], int):
            problems.append("person age is not an integer")
    return problems


def expect_problems(record: dict, documents: dict[str, dict[str, str]], all_texts: list[str]) -> list[str]:
    """What is wrong with ``record['expect']`` against the documents of the record's source."""
    expect = record.get("expect")
    if not isinstance(expect, dict):
        return ["expect is not an object"]
    problems = [f"unknown expect field {k!r}" for k in sorted(set(expect) - EXPECT_FIELDS)]
    doc = expect.get("doc")
    texts = documents.get(record.get("source"), {})
    if doc not in texts:
        return problems + [f"doc {doc!r} is no document of source {record.get('source')!r}"]
    text = texts[doc]
    answers = expect.get("answers")
    if not isinstance(answers, list) or not 1 <= len(answers) <= 2:
        problems.append("answers is not a list of one or two phrases")
    else:
        for phrase in answers:
            count = sum(t.count(phrase) for t in all_texts)
            if not isinstance(phrase, str) or not 6 <= len(phrase) <= 25 or phrase not in text or count != 1:
                problems.append(
                    f"answer {phrase!r}: must be 6–25 characters, in {doc}, once across the set ({count})")
    if "instruments" in expect:
        if record.get("source") != "seed":
            problems.append("instruments outside the seed plan")
        problems += [f"instrument {p!r} not in {doc}" for p in expect["instruments"] if p not in text]
    contact = expect.get("contact")
    if not (isinstance(contact, str) and contact and contact in text):
        problems.append(f"contact {contact!r} is not written in {doc}")
    verdict = expect.get("verdict")
    if verdict is not None and verdict not in VERDICTS:
        problems.append(f"verdict {verdict!r} not in {sorted(VERDICTS)}")
    failing = expect.get("failing")
    if verdict in ("not_eligible", "unknown") and not failing:
        problems.append(f"{verdict} without failing")
    if failing and verdict not in ("not_eligible", "unknown"):
        problems.append(f"failing with verdict {verdict!r}")
    if verdict == "not_eligible" and failing and failing not in text:
        problems.append(f"failing condition {failing!r} not in {doc}")
    if verdict == "unknown" and failing and (failing not in PROFILE_FIELDS or failing in record):
        problems.append(f"failing {failing!r} is no profile field left empty")
    if "amount" in expect:
        amount = expect["amount"]
        if set(amount) - AMOUNT_FIELDS:
            problems.append(f"unknown amount fields {sorted(set(amount) - AMOUNT_FIELDS)}")
        if not (_is_number(amount.get("value")) and amount["value"] > 0):
            problems.append("amount value is not a positive number")
        if amount.get("kind") not in KINDS or not isinstance(amount.get("unit"), str):
            problems.append(f"amount kind {amount.get('kind')!r} not in {sorted(KINDS)} or no unit")
        if "rate" in amount and not (_is_number(amount["rate"]) and 0 < amount["rate"] <= 100):
            problems.append("amount rate is not a percentage")
    if "expired_on" in expect:
        try:
            if datetime.date.fromisoformat(expect["expired_on"]) > AS_OF:
                problems.append(f"expired_on {expect['expired_on']} is after {AS_OF}")
        except (TypeError, ValueError):
            problems.append(f"expired_on {expect['expired_on']!r} is no ISO date")
    return problems


# --- the checks on tiny hand examples -------------------------------------------------------------------------

TINY = {"match": {"d": "第一条 按照实际缴费的50%返还。第二条 成立满3年的企业。区人社局负责。"}}
TINY_TEXTS = list(TINY["match"].values())
BASE = {"id": "X1", "source": "match", "lang": "zh", "needs": "想退点保险费"}
OK = {"doc": "d", "answers": ["按照实际缴费的50%"], "contact": "区人社局"}


@pytest.mark.parametrize(
    "expect, expected",
    [
        ({**OK, "verdict": "eligible"}, []),
        ({**OK, "doc": "e"}, ["doc 'e' is no document of source 'match'"]),
        ({**OK, "contact": "市人社局"}, ["contact '市人社局' is not written in d"]),
        ({**OK, "verdict": "not_eligible",
          "failing": "成立满3年"}, []),
        ({**OK, "verdict": "not_eligible",
          "failing": "成立满5年"}, ["failing condition '成立满5年' not in d"]),
        ({**OK, "verdict": "unknown", "failing": "founded"}, []),
        ({**OK, "verdict": "unknown", "failing": "needs"},
         ["failing 'needs' is no profile field left empty"]),
        ({"doc": "d", "answers": ["50%"], "contact": "区人社局"},
         ["answer '50%': must be 6–25 characters, in d, once across the set (1)"]),
        ({**OK, "expired_on": "2027-01-01"},
         ["expired_on 2027-01-01 is after 2026-12-07"]),
        ({**OK, "amount": {"value": 5, "unit": "元", "kind": "max"}},
         ["amount kind 'max' not in ['cap', 'fixed', 'rate'] or no unit"]),
    ],
)
def test_expect_problems(expect, expected):
    assert expect_problems({**BASE, "expect": expect}, TINY, TINY_TEXTS) == expected


@pytest.mark.parametrize(
    "record, expected",
    [
        ({**BASE, "expect": {}, "employees": 12, "revenue": 800.5}, []),
        ({**BASE, "expect": {}, "turnover": 3}, ["unknown field 'turnover'"]),
        ({**BASE, "expect": {}, "employees": "12"}, ["employees is not an integer"]),
        ({**BASE, "expect": {}, "size": "tiny"}, ["size 'tiny' not in ['large', 'medium', 'small']"]),
        ({**BASE, "expect": {}, "person": {"age": 22, "degree": "本科"}},
         ["person has fields other than ['age', 'status']"]),
        ({"id": "X2", "source": "match", "lang": "fr", "needs": "x", "expect": {}}, ["lang 'fr' not in ['en', 'zh']"]),
    ],
)
def test_profile_problems(record, expected):
    assert profile_problems(record) == expected


# --- the profile files ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", PROFILE_FILES, ids=[p.name for p in PROFILE_FILES])
def test_every_profile_is_well_formed_and_true_to_its_document(path):
    problems = []
    for record in read_records(path):
        problems += [f"{record.get('id')}: {p}" for p in profile_problems(record)]
        problems += [f"{record.get('id')}: {p}" for p in expect_problems(record, DOCUMENTS, ALL_TEXTS)]
    assert problems == []


def test_ids_are_unique_and_every_source_and_language_is_present():
    records = read_records(MATCH_DIR / "profiles.jsonl")
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    assert {r["source"] for r in records} == set(SOURCE_DIRS)
    assert {r["lang"] for r in records} == {"zh", "en"}
    assert {r["expect"].get("verdict") for r in records} >= VERDICTS


def test_halves_are_the_deterministic_split_of_the_whole_set():
    """The tune half may grow afterwards: profiles written later for tuning are appended to it (never to the
    untouched half), with ids of their own."""
    tune, untouched = split_profiles(read_records(MATCH_DIR / "profiles.jsonl"))
    tune_now = read_records(MATCH_DIR / "profiles_tune.jsonl")
    assert tune_now[: len(tune)] == tune
    assert {r["id"] for r in tune_now[len(tune):]} & {r["id"] for r in tune + untouched} == set()
    assert read_records(MATCH_DIR / "profiles_untouched.jsonl") == untouched
    assert {r["id"] for r in tune} & {r["id"] for r in untouched} == set()


def test_split_alternates_within_each_source_and_language():
    records = [{"id": str(i), "source": s, "lang": lang} for i, (s, lang) in enumerate(
        [("real", "zh"), ("real", "zh"), ("real", "en"), ("seed", "zh"), ("real", "zh"), ("real", "en")])]
    tune, untouched = split_profiles(records)
    assert [r["id"] for r in tune] == ["0", "2", "3", "4"]
    assert [r["id"] for r in untouched] == ["1", "5"]
