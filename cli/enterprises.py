"""The enterprises' command: the policy calculator (``match``), which units of the documents fit a firm's (or a
person's) needs, whether it qualifies, how much, until when, and whom to contact."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from api.profile_input import known_size
from cli.render import render_match
from cli.shared import (
    EXIT_BAD_INPUT,
    AsJson,
    DataDir,
    fail,
    open_workspace,
    run,
    settings_for,
)
from kg.views import jsonable

__all__ = ["COMMANDS", "match"]


def match(
    profile_file: Annotated[Path | None, typer.Option("--profile", help="a profile as a JSON or YAML file "
                                                         "(fields as the options below; person: {age, status})")] = None,
    needs: Annotated[str | None, typer.Option(help="what the firm (or person) wants, in its own words")] = None,
    plan: Annotated[list[str] | None, typer.Option("--plan", help="a project or need (repeatable)")] = None,
    industry: Annotated[str | None, typer.Option(help="what the firm does")] = None,
    industry_code: Annotated[str | None, typer.Option("--industry-code", help="GB/T 4754 code, e.g. C34")] = None,
    name: Annotated[str | None, typer.Option(help="the firm's name")] = None,
    place: Annotated[str | None, typer.Option(help="where it is: 绍兴市柯桥区, Keqiao, Shaoxing")] = None,
    district: Annotated[str | None, typer.Option(help="its district, e.g. 嘉定区")] = None,
    size: Annotated[str | None, typer.Option(help="small | medium | large (micro counts as small; or 中小企业, 规模以上)")] = None,
    employees: Annotated[int | None, typer.Option(min=0)] = None,
    revenue: Annotated[float | None, typer.Option(min=0, help="last year's revenue, 万元")] = None,
    founded: Annotated[int | None, typer.Option(help="year founded")] = None,
    insured_staff: Annotated[int | None, typer.Option("--insured-staff", min=0)] = None,
    years_insured: Annotated[float | None, typer.Option("--years-insured", min=0, help="years of unemployment insurance")] = None,
    premiums: Annotated[float | None, typer.Option("--premiums", min=0, help="unemployment-insurance premiums paid last year, 元")] = None,
    wage_bill: Annotated[float | None, typer.Option("--wage-bill", min=0, help="last year's wage bill, 元")] = None,
    age: Annotated[int | None, typer.Option(help="a person's age")] = None,
    status: Annotated[str | None, typer.Option(help="a person's status: 高校毕业生, 失业青年, 返乡创业 …")] = None,
    today: Annotated[str | None, typer.Option(help="reference date for expiry, ISO (default: today)")] = None,
    lang: Annotated[str, typer.Option(help="language of reasons and labels: zh | en")] = "zh",
    top_k: Annotated[int, typer.Option("--top-k", "-k", min=1, help="how many answers")] = 5,
    fmt: Annotated[str, typer.Option("--format", help="table | json | csv | xlsx")] = "table",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="write the answer to this file")] = None,
    data_dir: DataDir = None,
    as_json: AsJson = False,
) -> None:
    """The policy calculator: which units of the documents fit a firm's (or a person's) needs, and for each
    whether it qualifies (or which condition fails, or which field to fill in), how much (with the formula),
    whether the period is over, and whom to contact."""
    from datetime import date as _date

    from search.match_export import (
        profile_from_mapping,
        to_csv,
        write_xlsx,
    )

    def body() -> None:
        fmt_ = "json" if as_json else fmt
        if fmt_ not in ("table", "json", "csv", "xlsx"):
            raise fail(f"--format {fmt_}: accepted are table, json, csv, xlsx", EXIT_BAD_INPUT)
        if fmt_ == "xlsx" and output is None:
            raise fail("--format xlsx needs -o FILE.xlsx", EXIT_BAD_INPUT)
        try:
            when = _date.fromisoformat(today) if today else None
        except ValueError:
            raise fail(f"--today {today}: a date is expected as YYYY-MM-DD", EXIT_BAD_INPUT) from None
        if profile_file is not None and not profile_file.is_file():
            raise fail(f"{profile_file}: no such file", EXIT_BAD_INPUT)
        given = {"needs": needs, "plans": plan, "industry": industry, "industry_code": industry_code, "name": name,
                 "place": place, "district": district, "size": size, "employees": employees, "revenue": revenue,
                 "founded": founded, "insured_staff": insured_staff, "years_insured": years_insured,
                 "unemployment_premiums_last_year": premiums, "wage_bill_last_year": wage_bill,
                 "person": {"age": age, "status": status}}
        given = {k: v for k, v in given.items() if v not in (None, [], {"age": None, "status": None})}
        base = _read_profile(profile_file) if profile_file else {}
        merged = {**{k: v for k, v in base.items() if v not in (None, "", [])}, **given}
        if not any(str(merged.get(k) or "").strip() for k in ("needs", "plans", "industry")):
            where = f"{profile_file} has none of needs, plans, industry; " if profile_file else ""
            raise fail(f"{where}say what the firm (or person) wants: --needs \"…\", --plan \"…\" or --industry "
                       "\"…\" (or needs/plans/industry in --profile)", EXIT_BAD_INPUT)
        try:
            merged["size"] = known_size(merged.get("size"))
        except ValueError as e:
            where = "--size" if "size" in given else f"{profile_file}: size"
            raise fail(f"{where}: {e}", EXIT_BAD_INPUT) from None
        profile = profile_from_mapping({k: v for k, v in merged.items() if v is not None})
        ws = open_workspace(settings_for(data_dir))
        from kg.queries import list_documents
        from search.match import match_enterprise

        documents = list_documents(ws.graph)
        result = match_enterprise(ws.index, profile, k=top_k, lang=lang, documents=documents, today=when,
                                  jurisdictions=[d.jurisdiction for d in documents])
        if fmt_ == "xlsx":
            write_xlsx(result, output)  # type: ignore[arg-type]
            typer.echo(f"{len(result.measures)} answer(s) → {output}")
            return
        text = (json.dumps(jsonable(result), ensure_ascii=False, indent=2) if fmt_ == "json"
                else to_csv(result) if fmt_ == "csv" else render_match(result))
        if output is not None:
            output.write_text(text, encoding="utf-8")
            typer.echo(f"{len(result.measures)} answer(s) → {output}")
        else:
            typer.echo(text.rstrip("\n"))

    run(body)


def _read_profile(path: Path) -> dict:
    """The fields of a JSON or YAML profile file, checked as the calculator will read them. A file that is no
    JSON/YAML, is no mapping, names a field the calculator does not know, or gives a figure that is no number or
    is negative is bad input, said in one line naming the file, the field and the value (not a traceback). The
    file need not say what the firm needs: ``--needs`` or ``--plan`` may add it."""
    import yaml

    from search.match_export import PROFILE_FIELDS, field_hint

    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text) if path.suffix.lower() in (".yaml", ".yml") else json.loads(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        raise fail(f"{path}: not valid YAML{at}: {getattr(e, 'problem', None) or e}", EXIT_BAD_INPUT) from None
    except json.JSONDecodeError as e:
        raise fail(f"{path}: not valid JSON at line {e.lineno}, column {e.colno}: {e.msg}", EXIT_BAD_INPUT) from None
    except UnicodeDecodeError:
        raise fail(f"{path}: not UTF-8 text (a profile is a JSON or YAML file)", EXIT_BAD_INPUT) from None
    if data is None:
        raise fail(f"{path}: the file is empty; a profile is one mapping of fields ({', '.join(PROFILE_FIELDS)})",
                   EXIT_BAD_INPUT)
    if not isinstance(data, dict):
        raise fail(f"{path}: a profile is one mapping of fields ({', '.join(PROFILE_FIELDS)}), not a "
                   f"{type(data).__name__}", EXIT_BAD_INPUT)
    unknown = [k for k in data if k not in PROFILE_FIELDS and k not in ("id", "source", "expect", "k")]
    if unknown:
        raise fail(f"{path}: unknown field {unknown[0]!r}{field_hint(unknown[0])}; accepted: {', '.join(PROFILE_FIELDS)}", EXIT_BAD_INPUT)
    for field, whole in _FIGURES.items():
        value = data.get(field)
        if value in (None, ""):
            continue
        number = _figure(value, whole)
        if number is None:
            kind = "a whole number" if whole else "a number"
            raise fail(f"{path}: {field}: {kind} is expected, got {value!r}", EXIT_BAD_INPUT)
        if number < 0:
            raise fail(f"{path}: {field}: cannot be negative, got {value!r}", EXIT_BAD_INPUT)
        data[field] = int(number) if whole else number  # 1,000 or "1000" as the number it writes
    person = data.get("person")
    if person is not None and not isinstance(person, dict):
        raise fail(f"{path}: person: a mapping of age and status is expected, got {person!r}", EXIT_BAD_INPUT)
    if isinstance(person, dict) and person.get("age") not in (None, "") and _figure(person["age"], True) is None:
        raise fail(f"{path}: person.age: a whole number is expected, got {person['age']!r}", EXIT_BAD_INPUT)
    return data


# a profile's figures: whole numbers (True) or any number (False)
_FIGURES = {"employees": True, "founded": True, "insured_staff": True, "revenue": False, "years_insured": False,
            "unemployment_premiums_last_year": False, "wage_bill_last_year": False}


def _figure(value: object, whole: bool) -> float | None:
    """``value`` as a number (a whole one when ``whole``), or None; YAML's true/false are no numbers."""
    if isinstance(value, bool):
        return None
    try:
        number = float(str(value).strip().replace(",", ""))
    except ValueError:
        return None
    if whole and not number.is_integer():
        return None
    return number


COMMANDS = (match,)
