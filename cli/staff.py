"""Government staff's commands: who is responsible for what (``owns``), the bodies the documents name
(``departments``), and the targets set across documents, by indicator (``targets``)."""

from __future__ import annotations

from typing import Annotated

import typer

from cli.render import deadline, quantity, role_text, rule_text, table
from cli.shared import (
    EXIT_BAD_INPUT,
    AsJson,
    DataDir,
    DocOption,
    GenreOption,
    IssuerOption,
    JurisdictionOption,
    OutputFile,
    TableFormat,
    YearOption,
    facet_documents,
    fail,
    open_workspace,
    print_json,
    run,
    settings_for,
    table_format,
    write_for_machines,
)
from kg import tabular

__all__ = ["COMMANDS", "departments", "owns", "targets"]


def owns(
    department: Annotated[str, typer.Argument(help="a department's name, alias (市经信委) or key")],
    doc: DocOption = None,
    data_dir: DataDir = None,
    as_json: AsJson = False,
    fmt: TableFormat = None,
    output: OutputFile = None,
) -> None:
    """What DEPARTMENT is responsible for: explicit and inferred apart, each with its evidence. A name the
    documents write but give no duty (``departments --candidates``) is answered with where it is named."""
    from kg.queries import department_view

    def body() -> None:
        chosen = table_format(fmt, output, as_json)
        if not department.strip():
            raise fail("the department's name is empty; give a full name, an alias (市经信委) or a key "
                       "(`policykg departments` lists them)", EXIT_BAD_INPUT)
        view = department_view(open_workspace(settings_for(data_dir)).graph, department, doc, candidates=True)
        if write_for_machines(chosen, view, lambda: tabular.responsibilities_table(view), output, "responsibilities"):
            return
        aliases = f"  ({'、'.join(view.alt_labels)})" if view.alt_labels else ""
        typer.echo(f"{view.pref_label}{aliases}")
        if view.category == "candidate":  # a name the documents write but make no body of: say so, and where
            reasons = "; ".join(dict.fromkeys(n.reason for n in view.named_without_duty if n.reason))
            typer.echo("no body in the graph: named in the documents, given no duty there"
                       + (f" ({reasons})" if reasons else ""))
        for line in view.history:  # names over time: 2018: 上海市环境保护局 → 上海市生态环境局 (…)
            typer.echo(f"reorganised {line}")
        for basis in ("explicit", "inferred"):  # the body's own work; work given to a former or later body apart
            items = [r for r in getattr(view.responsibilities, basis) if not r.via]
            typer.echo(f"\n{basis} ({len(items)}):")
            if items:
                typer.echo(_work_table(items, basis))
        given: dict[str, list] = {}
        for r in (*view.responsibilities.explicit, *view.responsibilities.inferred):
            if r.via:
                given.setdefault(r.via, []).append(r)
        for via, items in given.items():  # 国家教委 asked: the 2018 work of 教育部, its successor, is 教育部's
            typer.echo(f"\n{_given_heading(via, view.pref_label)} ({len(items)}):")
            typer.echo(_work_table(items, "given"))
        if doc and not view.responsibilities.explicit and not view.responsibilities.inferred \
                and not view.named_without_duty:
            typer.echo(f"\n{doc} gives {view.pref_label} no duty (it may not name it: `policykg owns "
                       f"{department}` without --doc lists every document's)")
        if view.named_without_duty or view.category == "candidate":
            typer.echo(f"\nnamed, given no duty there ({len(view.named_without_duty)}):")
            if view.named_without_duty:
                typer.echo(table(["document", "path", "name", "characters", "evidence"],
                                 [(n.document, n.unit_path, n.name, f"[{n.start}, {n.end})", n.evidence)
                                  for n in view.named_without_duty]))

    run(body)


def _work_table(items: list, basis: str) -> str:
    """Responsibilities as a table: document, section, role, unit, the evidence (an inferred row: the rule, then
    the sentence it read, as `show` gives them) and the evidence's characters in the stored text last."""
    def evidence(r) -> str:  # type: ignore[no-untyped-def]
        if r.basis != "inferred":
            return r.evidence
        return "\n".join(x for x in (f"inferred: {rule_text(r.rule)}" if basis == "given" else rule_text(r.rule),
                                      r.evidence) if x)

    return table(["document", "path", "role", "unit",
                  "rule and its sentence" if basis == "inferred" else "evidence", "characters"],
                 [(r.document, r.unit_path, role_text(r.role), r.unit_heading, evidence(r),
                   f"[{r.start}, {r.end})" if r.end else "") for r in items])


def _given_heading(via: str, asked: str) -> str:
    """The heading of the work a document gave to another body of the same line (kg.bodies' ``via``: "教育部
    (successor of 国家教育委员会; 1998-03-10: 国家教育委员会 → 教育部 (…))"), named as that body's: "work of its
    successor 教育部 (1998-03-10: 国家教育委员会 → 教育部), given to 教育部, not to 国家教育委员会"."""
    import re

    m = re.match(r"(?P<name>.+?) \((?P<relation>\w+) of .+?; (?P<note>.*)\)$", via)
    if m is None:
        return f"given to {via.split(' (')[0]}, not to {asked}"
    name, relation, note = m["name"], m["relation"], m["note"].split(" (")[0]
    if relation == "successor":
        return f"work of its successor {name} ({note}), given to {name}, not to {asked}"
    return f"work given to its {relation} {name} ({note}), which {asked} took over"


def departments(
    data_dir: DataDir = None,
    as_json: AsJson = False,
    candidates: Annotated[bool, typer.Option(
        "--candidates", help="the body-like names kept out of the bodies (a clause ending in 政府), to review")] = False,
    name: Annotated[str | None, typer.Option(
        "--name", help="only bodies whose name or an alias contains this (发改, 财政局)")] = None,
    jurisdiction: Annotated[str | None, typer.Option(
        "--jurisdiction", help="only bodies of this place (滁州, 官渡区; national/全国: the central bodies)")] = None,
) -> None:
    """Every government body the documents name, with its aliases, its place and how often it is named, a
    place's bodies together (or, with --candidates, the names kept out)."""
    from kg.queries import list_body_candidates, list_departments

    def body() -> None:
        if candidates:
            kept_out = list_body_candidates(open_workspace(settings_for(data_dir)).graph)
            if as_json:
                print_json(kept_out)
                return
            typer.echo(table(["document", "name"], [(c.document, c.name) for c in kept_out], max_col=50))
            return
        every = list_departments(open_workspace(settings_for(data_dir)).graph)
        found = [d for d in every if _body_passes(d, name, jurisdiction)]
        if as_json:
            print_json(found)
            return
        # a place's bodies together, the central ones first and the bodies no place is known for last
        found = sorted(found, key=lambda d: (not d.jurisdiction, d.jurisdiction != "中华人民共和国", d.jurisdiction,
                                             d.pref_label))
        rows = [(d.key, d.pref_label, "、".join(d.alt_labels), d.jurisdiction, d.category, d.mentions) for d in found]
        typer.echo(table(["key", "name", "aliases", "place", "category", "named"], rows, max_col=50))
        typer.echo(f"{len(found)} bod{'y' if len(found) == 1 else 'ies'}"
                   + (f" of {len(every)}" if len(found) != len(every) else ""))

    run(body)


def _body_passes(view, name: str | None, jurisdiction: str | None) -> bool:
    """Whether a body passes ``departments``' filters: a part of its name or an alias; a part of its place (全国,
    national or 国家 the central bodies; a body with no place recorded, a part of its name)."""
    if name and name.strip() and not any(name.strip() in label for label in (view.pref_label, *view.alt_labels)):
        return False
    if jurisdiction and jurisdiction.strip():
        asked = jurisdiction.strip()
        asked = "中华人民共和国" if asked.lower() in ("national", "全国", "国家", "中央") else asked
        # a body no place is recorded for is of the place its name begins with (滁州海关 of 滁州)
        place = view.jurisdiction or view.pref_label
        stem = asked.rstrip("市区县省")
        if asked not in place and not (len(stem) >= 2 and stem in place):
            return False
    return True


def targets(
    indicator: Annotated[str | None, typer.Option("--indicator", help="indicator contains this text (覆盖率)")] = None,
    doc: DocOption = None,
    year: YearOption = None,
    jurisdiction: JurisdictionOption = None,
    issuer: IssuerOption = None,
    genre: GenreOption = None,
    data_dir: DataDir = None,
    as_json: AsJson = False,
    fmt: TableFormat = None,
    output: OutputFile = None,
) -> None:
    """Targets across documents, by indicator: each with its deadline and the plan it comes from, so a reader
    sees how a target moved from one plan to the next."""
    from kg.queries import list_targets

    def body() -> None:
        chosen = table_format(fmt, output, as_json)
        ws = open_workspace(settings_for(data_dir))
        allowed = facet_documents(ws, doc, year, jurisdiction, issuer, genre)
        found = [t for t in list_targets(ws.graph, indicator_contains=indicator)
                 if allowed is None or t.document in allowed]
        found.sort(key=lambda t: (t.indicator, t.deadline.isoformat() if t.deadline else "9999", t.document))
        if write_for_machines(chosen, {"count": len(found), "items": found}, lambda: tabular.targets_table(found),
                              output, "target(s)"):
            return
        # the year of the document beside the deadline: a work plan's 地区生产总值增长8% names no year of its own, its
        # 2020年 is the plan's, and a reader comparing targets across plans needs it
        from kg.queries import list_documents

        years = {d.slug: (d.issued or d.period)[:4] for d in list_documents(ws.graph)} if found else {}
        rows = [(t.indicator, t.comparator, quantity(t), t.unit, deadline(t), years.get(t.document, ""), t.document,
                 t.unit_path) for t in found]
        typer.echo(table(["indicator", "comparator", "quantity", "unit", "deadline", "issued", "document", "path"],
                         rows))
        typer.echo(f"{len(found)} target(s) in {len({t.document for t in found})} document(s)")

    run(body)


COMMANDS = (owns, departments, targets)
