"""The calculator's profile in and its answer out: a profile from a JSON/YAML file or a mapping (validated, with
the accepted fields listed in the error), and the answer as rows for CSV and XLSX (one row per answer)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from kg.views import EnterpriseProfile, MatchResult, PersonProfile

from .errors import QueryError

__all__ = [
    "COLUMNS",
    "MISPLACED_FIELDS",
    "PROFILE_FIELDS",
    "SUPPORT_COLUMNS",
    "answer_rows",
    "answer_table",
    "field_hint",
    "load_profile",
    "profile_from_mapping",
    "support_rows",
    "to_csv",
    "write_xlsx",
]

_INTS = ("employees", "founded", "insured_staff")
_DECIMALS = ("revenue", "years_insured", "unemployment_premiums_last_year", "wage_bill_last_year")
_TEXTS = ("name", "industry", "industry_code", "place", "district", "size", "needs", "lang")
PROFILE_FIELDS = (*_TEXTS, *_INTS, *_DECIMALS, "plans", "person")
# Fields written where the CLI's options or everyday words would put them, and where a profile takes them: a
# person's age and status go inside "person"; the CLI's short option names are the API's long field names
MISPLACED_FIELDS = {"age": "person.age", "status": "person.status", "premiums": "unemployment_premiums_last_year",
                    "wage_bill": "wage_bill_last_year", "wage-bill": "wage_bill_last_year",
                    "insured-staff": "insured_staff", "years-insured": "years_insured",
                    "industry-code": "industry_code", "plan": "plans"}


def field_hint(name: object) -> str:
    """Where an unknown field goes, in one clause (age -> 'age' goes in person: {"person": {"age": …}}); empty for a
    field no accepted one stands for."""
    target = MISPLACED_FIELDS.get(str(name).strip().lower())
    if target is None:
        return ""
    if target.startswith("person."):
        inner = target.split(".", 1)[1]
        return f'; {name!r} goes in person: {{"person": {{"{inner}": …}}}}'
    return f"; use {target!r}"




def profile_from_mapping(data: Mapping[str, Any]) -> EnterpriseProfile:
    """An EnterpriseProfile from plain values (a JSON/YAML profile, the API's body); every field optional.
    Raises QueryError naming the bad field and listing the accepted ones."""
    unknown = [k for k in data if k not in PROFILE_FIELDS and k not in ("id", "source", "expect", "k")]
    if unknown:
        raise QueryError(f"unknown profile field {unknown[0]!r}{field_hint(unknown[0])}; accepted: "
                         f"{', '.join(PROFILE_FIELDS)}")
    values: dict[str, Any] = {k: str(data[k]).strip() for k in _TEXTS if data.get(k) not in (None, "")}
    try:
        values |= {k: int(data[k]) for k in _INTS if data.get(k) not in (None, "")}
        values |= {k: Decimal(str(data[k])) for k in _DECIMALS if data.get(k) not in (None, "")}
    except (ValueError, InvalidOperation) as e:
        raise QueryError(f"a number is expected in {', '.join(_INTS + _DECIMALS)}: {e}") from e
    plans = data.get("plans") or []
    if isinstance(plans, str):
        plans = [plans]
    values["plans"] = [p.strip() for p in plans if str(p).strip()]
    person = data.get("person")
    if isinstance(person, Mapping) and (person.get("age") is not None or person.get("status")):
        age = person.get("age")
        values["person"] = PersonProfile(int(age) if age not in (None, "") else None, person.get("status") or None)
    if not (values.get("needs") or values["plans"] or values.get("industry")):
        raise QueryError("a profile needs at least one of: needs, plans, industry")
    return EnterpriseProfile(**values)


def load_profile(path: Path) -> EnterpriseProfile:
    """A profile from a .json, .yaml or .yml file."""
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() in (".yaml", ".yml"):
        import yaml

        data = yaml.safe_load(text)
    else:
        data = json.loads(text)
    if not isinstance(data, Mapping):
        raise QueryError(f"{path}: a profile is one mapping of fields ({', '.join(PROFILE_FIELDS)})")
    return profile_from_mapping(data)


COLUMNS = ("rank", "document", "path", "heading", "kind", "start", "end", "verdict", "failing", "fill_in", "amount",
           "amount_unit", "formula", "expired_on", "valid_until", "contact", "contact_role", "support",
           "support_evidence", "reason", "text")
# One row per instrument of an answer: the sentence it rests on, cited by document, section and span
SUPPORT_COLUMNS = ("rank", "kind", "label", "document", "path", "heading", "start", "end", "text")


def _number(value: Decimal | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value == value.to_integral_value() else str(value.normalize())


def answer_rows(result: MatchResult) -> list[dict[str, str]]:
    """One row per matched unit, in rank order: verdict, amount with its formula, expiry, the first contact, the
    document's support that applies to it."""
    rows = []
    for rank, m in enumerate(result.measures, 1):
        v = m.verdict
        amount = next((a for a in m.amounts if a.value is not None), m.amounts[0] if m.amounts else None)
        contact = m.contacts[0] if m.contacts else None
        rows.append({
            "rank": str(rank), "document": m.document, "path": m.path, "heading": m.heading, "kind": m.kind,
            "verdict": v.status if v else "",
            "failing": "；".join(c.text for c in v.failing) if v else "",
            "fill_in": "、".join(v.asks or v.missing) if v else "",
            "amount": _number(amount.value) if amount else "", "amount_unit": amount.unit if amount else "",
            "formula": amount.formula if amount else "",
            "expired_on": v.expired_on.isoformat() if v and v.expired_on else "",
            "valid_until": v.valid_until.isoformat() if v and v.valid_until else "",
            "contact": contact.agent_name if contact else m.no_owner, "contact_role": contact.role_label if contact else "",
            "support": "；".join(dict.fromkeys(f"{i.kind_label}：{i.label}" for i in m.instruments)),
            "support_evidence": "；".join(dict.fromkeys(f"{i.kind_label}：{i.document} {i.path} [{i.start}, {i.end})"
                                                        for i in m.instruments)),
            "start": str(m.start), "end": str(m.end),
            "reason": m.reason, "text": m.text,
        })
    return rows


def support_rows(result: MatchResult) -> list[list[str]]:
    """One row per instrument of each answer (SUPPORT_COLUMNS): its kind, the word naming it, and the sentence it
    rests on with its document, section and span in the document's source."""
    return [[str(rank), i.kind_label, i.label, i.document, i.path, i.heading, str(i.start), str(i.end), i.text]
            for rank, m in enumerate(result.measures, 1) for i in m.instruments]


def answer_table(result: MatchResult):
    """The answer as a ``kg.tabular.Table``: sheet 答案 with one row per answer, sheet 支持 with each answer's
    support and the sentence it rests on, sheet 画像 with the profile."""
    from kg.tabular import Table

    profile = [[key, json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else value]
               for key, value in result.profile.to_dict().items()]
    return Table("答案", COLUMNS, [[row[c] for c in COLUMNS] for row in answer_rows(result)],
                 extra=[Table("支持", SUPPORT_COLUMNS, support_rows(result)), Table("画像", ("field", "value"), profile)])


def to_csv(result: MatchResult) -> str:
    """The answer as CSV (UTF-8 text, a header row)."""
    from kg.tabular import to_csv as table_csv

    return table_csv(answer_table(result))


def write_xlsx(result: MatchResult, path: Path) -> None:
    """The answer as an XLSX workbook: sheet 答案 with one row per answer, sheet 画像 with the profile."""
    from kg.tabular import write_file

    write_file(answer_table(result), path, "xlsx")
