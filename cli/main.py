"""The ``policykg`` command line: thin commands over ingest/, kg/ and search/.

Exit codes: 0 success; 1 a build failed or the data dir is broken, unreadable or unwritable (the message
names the file and the fix); 2 bad input; 3 an unknown unit or department; 75 (EX_TEMPFAIL) another
ingest holds the data dir's lock (run again later, or with ``--wait``).
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from typer.core import TyperGroup

from cli.render import render_match, role_text, rule_text, table
from kg.views import jsonable
from workspace.settings import Settings

__all__ = ["app", "main"]

log = logging.getLogger(__name__)

# Options every command takes, accepted before the command's name too (policykg --data-dir D owns X).
GLOBAL_OPTIONS = ("--data-dir", "--json")


def move_global_options(args: list[str], commands: dict[str, Any]) -> list[str]:
    """``--data-dir D --json search q`` → ``search --data-dir D --json q``: the global options written before the
    command go after its name when the command takes them (else they stay, and are refused as unknown)."""
    at = 0
    while at < len(args) and args[at] not in commands:
        at += 2 if args[at] == "--data-dir" else 1  # the option's value is never the command's name
    if at >= len(args):
        return args
    takes = {opt for p in commands[args[at]].params for opt in getattr(p, "opts", [])}
    before, moved, i = [], [], 0
    while i < at:
        arg = args[i]
        name = arg.split("=", 1)[0]
        if name in GLOBAL_OPTIONS and name in takes:
            with_value = name == "--data-dir" and "=" not in arg and i + 1 < at
            moved += args[i:i + 2] if with_value else [arg]
            i += 2 if with_value else 1
            continue
        before.append(arg)
        i += 1
    return [*before, args[at], *moved, *args[at + 1:]]


class _Group(TyperGroup):
    """The command group: global options before or after the command's name."""

    def parse_args(self, ctx, args):  # type: ignore[no-untyped-def]
        return super().parse_args(ctx, move_global_options(list(args), self.commands))


app = typer.Typer(
    cls=_Group,
    help="PolicyKG: a knowledge graph and hybrid search over Chinese government policy text.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

DataDir = Annotated[
    Optional[Path],
    typer.Option("--data-dir", envvar="POLICYKG_DATA_DIR", help="where the graph and indexes live"),
]
AsJson = Annotated[bool, typer.Option("--json", help="machine-readable JSON instead of a table")]
DocOption = Annotated[Optional[str], typer.Option("--doc", help="only this document (slug; see `policykg documents`)")]
YearOption = Annotated[Optional[int], typer.Option("--year", help="only documents issued in, or covering, this year")]
JurisdictionOption = Annotated[Optional[str], typer.Option(
    "--jurisdiction", help="only documents of this jurisdiction (闵行区, 广州, national/全国, or a level: province, city, district)")]
IssuerOption = Annotated[Optional[str], typer.Option("--issuer", help="only documents of this issuer")]
TableFormat = Annotated[Optional[str], typer.Option(
    "--format", help="table (default) | csv | xlsx (xlsx needs -o FILE.xlsx; -o infers the format from .csv/.xlsx)")]
OutputFile = Annotated[Optional[Path], typer.Option("--output", "-o", help="write the rows to this file (.csv, .xlsx)")]

# Domain errors → exit codes. The core raises them; only the edge knows about exit codes.
EXIT_BAD_INPUT = 2
EXIT_NOT_FOUND = 3
EXIT_FAILED = 1
EXIT_BUSY = 75  # sysexits EX_TEMPFAIL: try again later


def _settings(data_dir: Path | None, **overrides: Any) -> Settings:
    values = {k: v for k, v in overrides.items() if v is not None}
    if data_dir is not None:
        values["data_dir"] = data_dir
    return Settings(**values)


def _progress(message: str) -> None:
    typer.echo(f"policykg: {message}", err=True)


def _fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"policykg: error: {message}", err=True)
    return typer.Exit(code)


@contextmanager
def _domain_errors() -> Iterator[None]:
    """Turn the core's domain errors into a one-line message and an exit code."""
    from ingest.errors import ParseError
    from kg.queries import NotFound
    from kg.store import GraphStoreError
    from pydantic import ValidationError
    from search.errors import EncoderMismatchError, IndexLoadError, SearchError

    from workspace.datadir import DataDirBusy, DataDirError
    from workspace.build import BuildError

    try:
        yield
    except typer.Exit:
        raise
    except ValidationError as e:  # a POLICYKG_* setting with a value it cannot take
        problems = "; ".join(f"{'.'.join(map(str, err['loc']))}={err.get('input')!r}: {err['msg']}" for err in e.errors())
        raise _fail(f"invalid setting {problems} (check the POLICYKG_* environment variables)", EXIT_BAD_INPUT) from e
    except ParseError as e:
        raise _fail(str(e), EXIT_BAD_INPUT) from e
    except NotFound as e:
        raise _fail(str(e), EXIT_NOT_FOUND) from e
    except DataDirBusy as e:
        raise _fail(str(e), EXIT_BUSY) from e
    except (BuildError, DataDirError) as e:
        raise _fail(str(e), EXIT_FAILED) from e
    except GraphStoreError as e:
        if isinstance(e.__cause__, PermissionError):
            raise _fail(f"{e.path}: cannot be read by this account (uid {os.getuid()}); ask its owner to "
                        "grant access (chmod a+r) or use another --data-dir", EXIT_FAILED) from e
        raise _fail(f"{e} (rebuild with `policykg ingest`, which re-reads the documents kept in the data dir)", EXIT_FAILED) from e
    except (EncoderMismatchError, IndexLoadError) as e:
        raise _fail(f"{e} (rebuild with `policykg ingest`, which re-reads the documents kept in the data dir)", EXIT_FAILED) from e
    except (SearchError, ValueError) as e:  # QueryError, SparqlError, an unknown export format …
        raise _fail(str(e), EXIT_BAD_INPUT) from e
    except BrokenPipeError:  # policykg owns X | head -2: the reader has gone, stop quietly
        _silence_stdout()
        raise typer.Exit(0) from None
    except OSError as e:  # anything else the file system refuses: one line naming the file
        where = e.filename or "data dir"
        raise _fail(f"{where}: {e.strerror or e}", EXIT_FAILED) from e


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that nothing more is written to the closed pipe (not even at exit)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (a test runner's stdout)
        pass


def _workspace(settings: Settings):
    from workspace.build import ensure_workspace

    return ensure_workspace(settings, progress=_progress)


def _table_format(fmt: str | None, output: Path | None, as_json: bool) -> str:
    """table | json | csv | xlsx from --format, --json and -o's suffix (checked before any work is done)."""
    from kg.tabular import format_from_path

    inferred = (format_from_path(output) or "csv") if output else "table"
    chosen = "json" if as_json else (fmt or inferred).lower()
    if chosen not in ("table", "json", "csv", "xlsx"):
        raise _fail(f"--format {chosen}: accepted are table, json, csv, xlsx", EXIT_BAD_INPUT)
    if chosen == "xlsx" and output is None:
        raise _fail("--format xlsx needs -o FILE.xlsx", EXIT_BAD_INPUT)
    return chosen


def _write_table(rows: Any, fmt: str, output: Path | None, what: str) -> None:
    """A kg.tabular.Table as CSV to standard output, or as CSV/XLSX to ``output`` (with a one-line note)."""
    from kg.tabular import to_csv, write_file

    if output is None:
        typer.echo(to_csv(rows).rstrip("\n"))
        return
    write_file(rows, output, "xlsx" if fmt == "xlsx" else "csv")
    typer.echo(f"{len(rows.rows)} {what} → {output}")


def _print_json(value: Any) -> None:
    typer.echo(json.dumps(jsonable(value), ensure_ascii=False, indent=2))


def _run(body: Callable[[], None]) -> None:
    with _domain_errors():
        body()


@app.callback(invoke_without_command=True)
def _root(ctx: typer.Context, data_dir: DataDir = None) -> None:
    """With no command: build from the bundled corpus if needed, then print what is loaded."""
    if ctx.invoked_subcommand is None:
        status(data_dir=data_dir, as_json=False)
        typer.echo('\nTry: policykg search "工业机器人改造生产线"   or   policykg serve')


@app.command()
def status(data_dir: DataDir = None, as_json: AsJson = False) -> None:
    """What the data directory holds (building it from corpus/ first if it is empty)."""

    def body() -> None:
        from search.backends import describe_saved

        ws = _workspace(_settings(data_dir))
        m = ws.manifest
        if as_json:
            _print_json({"data_dir": str(ws.settings.data_dir), **m,
                         "graph_backend": ws.graph_store.describe(), "search_backend": describe_saved(ws.root / "index")})
            return
        typer.echo(f"data dir   {ws.settings.data_dir}  (generation {m['generation']}, built {m['built_at']})")
        typer.echo(f"graph      {m['triples']} triples;  search index {m['index_units']} units, encoder {m['encoder']}")
        typer.echo(f"graph store {ws.graph_store.describe()}")
        typer.echo(f"search backend {describe_saved(ws.root / 'index')}")
        rows = [
            (d["slug"], d["units"], d["targets"], d["departments"], d["responsibilities"], d["citations"])
            for d in m["documents"]
        ]
        typer.echo(table(["document", "units", "targets", "depts", "resp.", "cites"], rows))

    _run(body)


@app.command()
def ingest(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="files or folders of documents: .txt/.md, .docx, .pdf, .html (default: corpus/)")] = None,
    replace: Annotated[bool, typer.Option("--replace", help="drop documents ingested before")] = False,
    wait: Annotated[bool, typer.Option("--wait", help="queue behind an ingest already running in the data dir "
                                       "instead of exiting with code 75")] = False,
    encoder: Annotated[Optional[str], typer.Option(help="dense encoder for the index")] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=0, help="processes parsing and checking "
                                                "documents (default: one per CPU; POLICYKG_INGEST_JOBS)")] = None,
    data_dir: DataDir = None,
    as_json: AsJson = False,
) -> None:
    """Parse documents, build the graph and the search index, and swap them in when complete.
    Prints one line per file: ingested, unchanged, duplicate or skipped (with the reason)."""
    from workspace.build import FileReport, build

    def body() -> None:
        missing = [p for p in paths or [] if not p.exists()]
        if missing:  # bad input (exit 2), not a failed build
            raise _fail(f"{missing[0]}: no such file or folder", EXIT_BAD_INPUT)
        settings = _settings(data_dir, encoder=encoder, ingest_jobs=jobs)
        manifest = build(settings, list(paths) if paths else None, replace=replace, wait=wait, progress=_progress)
        if as_json:
            _print_json(manifest)
            return
        for report in manifest.get("report", []):
            typer.echo(FileReport(**report).line())
        rows = [(d["slug"], d["encoding"], d["units"], d["targets"], d["departments"], d["citations"]) for d in manifest["documents"]]
        typer.echo(table(["document", "encoding", "units", "targets", "depts", "cites"], rows))
        typer.echo(f"{manifest['triples']} triples, {manifest['index_units']} indexed units → {settings.data_dir}")

    _run(body)


@app.command()
def remove(
    documents: Annotated[list[str], typer.Argument(help="documents to drop: slug or source file name")],
    wait: Annotated[bool, typer.Option("--wait", help="queue behind an ingest already running")] = False,
    data_dir: DataDir = None,
    as_json: AsJson = False,
) -> None:
    """Remove documents from the graph and both indexes (the others are neither parsed nor embedded again)."""
    from workspace.build import FileReport, remove_documents

    def body() -> None:
        settings = _settings(data_dir)
        manifest = remove_documents(settings, documents, wait=wait, progress=_progress)
        if as_json:
            _print_json(manifest)
            return
        for report in manifest.get("report", []):
            typer.echo(FileReport(**report).line())
        typer.echo(f"{len(manifest['documents'])} document(s), {manifest['triples']} triples → {settings.data_dir}")

    _run(body)


@app.command()
def search(
    question: Annotated[str, typer.Argument(help="a question in Chinese or English")],
    top_k: Annotated[int, typer.Option("--top-k", "-k", min=1, help="how many hits")] = 10,
    kind: Annotated[Optional[list[str]], typer.Option(
        help="only hits of this structural kind (what the unit IS in its document): measure, task, safeguard, "
             "goal, target, principle, guideline, article, item, paragraph, notice, section, chapter, preamble, "
             "closing, annex, task_row. Only plans with 重点任务 sections have measures; use --function for what a "
             "unit DOES in any genre")] = None,
    function: Annotated[Optional[list[str]], typer.Option(
        "--function", help="only hits that do this (any genre): goal, action, support, rule, duty, decision, "
                           "context; e.g. --function support for the support offered")] = None,
    doc: DocOption = None,
    year: YearOption = None,
    jurisdiction: JurisdictionOption = None,
    issuer: IssuerOption = None,
    data_dir: DataDir = None,
    as_json: AsJson = False,
    fmt: TableFormat = None,
    output: OutputFile = None,
) -> None:
    """Which units cover QUESTION: measures, articles, paragraphs, targets … (--kind keeps a structural kind,
    --function what the unit does, e.g. support; --doc, --year, --jurisdiction, --issuer keep only the documents
    that match)."""
    from search.types import UNIT_FUNCTIONS

    def body() -> None:
        chosen = _table_format(fmt, output, as_json)
        settings = _settings(data_dir)
        if top_k > settings.max_top_k:
            raise _fail(f"--top-k {top_k} is over the limit of {settings.max_top_k}", EXIT_BAD_INPUT)
        unknown = [f for f in function or [] if f not in UNIT_FUNCTIONS]
        if unknown:
            raise _fail(f"unknown --function {unknown[0]!r}; valid: {', '.join(UNIT_FUNCTIONS)}", EXIT_BAD_INPUT)
        facets = doc is not None or year is not None or bool(jurisdiction) or bool(issuer)
        result = None if facets else _served_search(settings, question, top_k, kind, function)
        ws = None
        if result is None:  # no `policykg serve` of this data dir answered: open the index here
            ws = _workspace(settings)
            allowed = _facet_documents(ws, doc, year, jurisdiction, issuer)
            if allowed is not None and not allowed:
                raise _fail("no document matches --doc/--year/--jurisdiction/--issuer (see `policykg documents`)",
                            EXIT_NOT_FOUND)
            result = ws.index.search(question, k=top_k, kind=kind or None, document=allowed,
                                     function=function or None)
        if chosen == "json":
            _print_json(result)
            return
        if chosen in ("csv", "xlsx"):
            from kg.queries import list_documents
            from kg.tabular import search_table

            titles = {d.slug: d.title for d in list_documents((ws or _workspace(settings)).graph)}
            _write_table(search_table(result, titles), chosen, output, "hit(s)")
            return
        if kind and not result.hits:
            typer.echo(f"No unit of kind {', '.join(kind)} answers; --kind keeps a structural kind (only plans with "
                       "重点任务 sections have measures): --function action, support or rule asks what a unit does "
                       "in any genre.")
            return
        if not result.relevant:
            typer.echo("Nothing in the documents answers this question; the nearest units, for reference only:")
        rows, inferred = [], False
        for rank, hit in enumerate(result.hits, 1):
            owners = hit.context.owners
            inferred = inferred or any(o.basis == "inferred" for o in owners)
            names = ", ".join(dict.fromkeys(o.agent_name + ("*" if o.basis == "inferred" else "") for o in owners))
            rows.append((rank, hit.path, hit.kind, hit.function, hit.heading, _hit_text(hit), names, hit.document))
        typer.echo(table(["#", "path", "kind", "function", "title", "text", "departments", "document"], rows,
                         max_col=48))
        if inferred:
            typer.echo("* inferred: the text names no owner; `policykg show PATH` gives the rule and its evidence")
        typer.echo(f"{len(result.hits)} {'hit' if len(result.hits) == 1 else 'hits'} in {result.took_ms:.1f} ms")

    _run(body)


@app.command()
def show(
    id_or_path: Annotated[str, typer.Argument(help="a unit's IRI, key (2.1.1) or numbering path (二（一）1)")],
    doc: DocOption = None,
    data_dir: DataDir = None,
    as_json: AsJson = False,
) -> None:
    """A unit with its context: parent, children, targets, responsibilities, concepts, citations. A path that
    several documents have needs --doc (the error lists them)."""
    from kg.queries import get_unit

    def body() -> None:
        unit = get_unit(_workspace(_settings(data_dir)).graph, id_or_path, document=doc)
        if as_json:
            _print_json(unit)
            return
        _print_unit(unit)

    _run(body)


def _print_unit(u: Any) -> None:
    """A UnitView as text: heading, place, whole text, then each list of its context as a table."""
    typer.echo(f"{u.path}  [{u.kind}]  {u.heading}")
    typer.echo(u.iri)
    typer.echo(f"source {u.document}  [{u.start}, {u.end})")
    if u.parent:
        typer.echo(f"part of {u.parent.path} {u.parent.heading}")
    typer.echo("")
    typer.echo(u.text)
    if u.children:
        typer.echo("\nchildren:")
        typer.echo(table(["path", "kind", "heading"], [(c.path, c.kind, c.heading) for c in u.children]))
    if u.targets:
        typer.echo("\ntargets:")
        typer.echo(table(
            ["indicator", "comparator", "quantity", "unit", "deadline"],
            [(t.indicator, t.comparator, _quantity(t), t.unit, _deadline(t)) for t in u.targets],
        ))
    owners_only = [o for o in u.owners if o.unit_iri != u.iri]  # who is responsible, named for an enclosing unit
    for title, items in (("responsibilities", u.responsibilities),
                         (f"owners (named for {owners_only[0].unit_path})" if owners_only else "", owners_only)):
        if items:
            typer.echo(f"\n{title}:")
            typer.echo(table(
                ["department", "role", "basis", "rule", "evidence"],
                [(r.agent_name, role_text(r.role), r.basis, rule_text(r.rule), r.evidence) for r in items],
            ))
    if u.supports:
        typer.echo("\nsupport:")
        typer.echo(table(["support", "text"], [(_support_line(s), s.text) for s in u.supports]))
    if u.concepts:
        typer.echo("\nconcepts: " + "; ".join(
            f"{c.pref_label} ({c.pref_label_en})" if c.pref_label_en else c.pref_label for c in u.concepts))
    if u.citations:
        typer.echo("\ncitations:")
        typer.echo("\n".join(f"  《{c.title}》 {c.identifier}".rstrip() if c.title else f"  {c.identifier or c.iri}"
                             for c in u.citations))


def _hit_text(hit: Any) -> str:
    """A hit's whole text; a target hit is its target, a goal's hit lists every target it states."""
    if hit.target is not None and hit.kind == "target":
        return _target_line(hit.target)
    lines = [_target_line(t) for t in hit.context.targets] if hit.kind == "goal" else []
    return "\n".join([hit.text, *lines])


def _support_line(s: Any) -> str:
    """补助: 按设备投资额的10%, 最高500万元 (对…企业): a SupportView as one line."""
    parts = []
    if s.amount is not None:
        upper = f"–{_number(s.amount_max)}" if s.amount_max is not None else ""
        parts.append(f"{s.comparator}{_number(s.amount)}{upper}{s.unit}")
    if s.rate is not None:
        parts.append(f"{s.rate_base} {_number(s.rate)}%".strip())
    if s.cap is not None:
        parts.append(f"cap {_number(s.cap)}{s.unit}")
    if s.condition:
        parts.append(f"if {s.condition}")
    return f"{s.kind}: {', '.join(parts) or s.text}"


def _number(value: Any) -> str:
    """100, 15.5: a Decimal as the text writes it (no exponent, no trailing zeros)."""
    from decimal import Decimal

    return f"{Decimal(value).normalize():f}"


def _quantity(t: Any) -> str:
    """A TargetView's quantity or range: 100, 5–6."""
    return _number(t.quantity) + (f"–{_number(t.quantity_max)}" if t.quantity_max is not None else "")


def _deadline(t: Any) -> str:
    return t.deadline.isoformat() if t.deadline else t.period


def _target_line(t: Any) -> str:
    """审批周期 ≤ 15 个工作日 (2020-12-31): a TargetView as one line."""
    deadline = f" ({_deadline(t)})" if _deadline(t) else ""
    return f"{t.indicator} {t.comparator} {_quantity(t)} {t.unit}{deadline}"


@app.command()
def departments(
    data_dir: DataDir = None,
    as_json: AsJson = False,
    candidates: Annotated[bool, typer.Option(
        "--candidates", help="the body-like names kept out of the bodies (a clause ending in 政府), to review")] = False,
) -> None:
    """Every government body the documents name, with its aliases (or, with --candidates, the names kept out)."""
    from kg.queries import list_body_candidates, list_departments

    def body() -> None:
        if candidates:
            kept_out = list_body_candidates(_workspace(_settings(data_dir)).graph)
            if as_json:
                _print_json(kept_out)
                return
            typer.echo(table(["document", "name"], [(c.document, c.name) for c in kept_out], max_col=50))
            return
        found = list_departments(_workspace(_settings(data_dir)).graph)
        if as_json:
            _print_json(found)
            return
        rows = [(d.key, d.pref_label, "、".join(d.alt_labels), d.category) for d in found]
        typer.echo(table(["key", "name", "aliases", "category"], rows, max_col=50))

    _run(body)


@app.command()
def owns(
    department: Annotated[str, typer.Argument(help="a department's name, alias (市经信委) or key")],
    doc: DocOption = None,
    data_dir: DataDir = None,
    as_json: AsJson = False,
    fmt: TableFormat = None,
    output: OutputFile = None,
) -> None:
    """What DEPARTMENT is responsible for: explicit and inferred apart, each with its evidence."""
    from kg.queries import department_view

    def body() -> None:
        chosen = _table_format(fmt, output, as_json)
        view = department_view(_workspace(_settings(data_dir)).graph, department, doc)
        if chosen == "json":
            _print_json(view)
            return
        if chosen in ("csv", "xlsx"):
            from kg.tabular import responsibilities_table

            _write_table(responsibilities_table(view), chosen, output, "responsibilities")
            return
        aliases = f"  ({'、'.join(view.alt_labels)})" if view.alt_labels else ""
        typer.echo(f"{view.pref_label}{aliases}")
        for line in view.history:  # names over time: 2018: 上海市环境保护局 → 上海市生态环境局 (…)
            typer.echo(f"reorganised {line}")
        for basis in ("explicit", "inferred"):
            items = getattr(view.responsibilities, basis)
            typer.echo(f"\n{basis} ({len(items)}):")
            if items:
                typer.echo(table(
                    ["document", "path", "role", "unit",
                     "evidence" if basis == "explicit" else "rule (show PATH for its evidence)"],
                    [(r.document, r.unit_path, role_text(r.role), r.unit_heading,
                      _given_to(r) + (rule_text(r.rule) or r.evidence))
                     for r in items],
                ))

    _run(body)


def _given_to(responsibility: Any) -> str:
    """"[given to 上海市环境保护局] " when the work was given to a predecessor or successor of the body asked for."""
    via = responsibility.via
    return f"[given to {via.split(' (')[0]}] " if via else ""


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="turtle, json-ld or nt")] = "turtle",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="file to write (default: standard output)")] = None,
    data_dir: DataDir = None,
) -> None:
    """The whole graph as Turtle, JSON-LD or N-Triples."""
    from kg.export import serialize

    def body() -> None:
        data = serialize(_workspace(_settings(data_dir)).graph, fmt)
        data = data.encode("utf-8") if isinstance(data, str) else data
        if output is None:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            output.write_bytes(data)
            _progress(f"wrote {len(data)} bytes to {output}")

    _run(body)


@app.command()
def sparql(
    query: Annotated[str, typer.Argument(help="a SPARQL 1.1 query (read-only); pol:, org:, skos:, dcterms:, eli:, prov: are pre-bound")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="json or csv")] = "json",
    data_dir: DataDir = None,
) -> None:
    """Run a read-only SPARQL query; prints SPARQL 1.1 JSON results (or CSV)."""
    from kg.sparql import SparqlLimits

    def body() -> None:
        settings = _settings(data_dir)
        if fmt not in ("json", "csv"):
            raise _fail(f"--format {fmt!r} is not one of: json, csv", EXIT_BAD_INPUT)
        ws = _workspace(settings)
        ws.graph  # noqa: B018 — load it first: a broken or empty graph is reported as such
        limits = SparqlLimits(timeout_s=settings.sparql_timeout_s, max_rows=settings.sparql_max_rows)
        result = ws.graph_store.query(query, limits)  # embedded, or vetted and forwarded to the SPARQL server
        if fmt == "csv":
            typer.echo(result.to_csv(), nl=False)
        else:
            typer.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        if getattr(result, "truncated", False):
            _progress(f"results truncated at {settings.sparql_max_rows} rows")

    _run(body)


@app.command()
def validate(data_dir: DataDir = None) -> None:
    """Check every file against the manifest's hashes, then the graph against the SHACL shapes and the source spans."""
    from workspace.datadir import DataDirError, check_files
    from kg.store import GraphStoreError
    from kg.validate import check_spans, validate as shacl_validate

    def body() -> None:
        ws = _workspace(_settings(data_dir))
        problems = check_files(ws.root, ws.manifest)
        typer.echo(f"files: {len(ws.manifest.get('files') or {})} listed in the manifest; {len(problems)} problems")
        try:
            graph = ws.graph
        except (GraphStoreError, DataDirError) as e:
            problems.append(str(e))
            graph = None
        if graph is not None:
            report = shacl_validate(graph)
            spans = check_spans(graph)
            typer.echo(f"SHACL: {'conforms' if report.conforms else 'does NOT conform'}; spans: {len(spans)} mismatches")
            if not report.conforms:
                problems.append(report.text)
            problems.extend(spans)
        if problems:
            typer.echo("\n".join(problems))
            raise typer.Exit(EXIT_FAILED)

    _run(body)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="server processes; searches are CPU-bound, so one per core")] = min(
        os.cpu_count() or 1, 4
    ),
    reload_data: Annotated[bool, typer.Option(
        "--reload-data", help="do not serve: make the servers already running on this data dir load its current "
                              "generation (all workers together, or none if it is broken)")] = False,
    data_dir: DataDir = None,
) -> None:
    """Serve the JSON API, SPARQL, exports and the web page (building from corpus/ first if needed).

    Every worker serves the generation that was current at start; after an ingest, `policykg serve
    --reload-data` (or SIGHUP to the server) moves all of them to the new one together.
    """

    def body() -> None:
        settings = _settings(data_dir)
        if reload_data:
            from api.serving import request_reload

            ws = _workspace(settings)  # a broken new generation is reported here, before any server is told
            ws.pinned.release()
            pids = request_reload(settings.data_dir)
            if not pids:
                raise _fail(f"no running `policykg serve` found for {settings.data_dir}", EXIT_FAILED)
            _progress(f"asked {len(pids)} server(s) (pid {', '.join(map(str, pids))}) to serve generation "
                      f"{ws.generation}")
            return
        from api.serving import serve as run_server

        # Build with progress on the terminal before the server starts; the supervisor pins what it serves.
        _workspace(settings).pinned.release()
        typer.echo(f"policykg: serving on http://{host}:{port}/ with {workers} worker(s)", err=True)
        run_server(settings, host, port, workers)

    _run(body)


def _served_search(settings: Settings, question: str, k: int, kind: list[str] | None,
                   function: list[str] | None):
    """The SearchResult of a ``policykg serve`` running on this data dir and serving its current generation with
    these settings (``workspace.servers``: the same answer, without opening the index here); None when no such
    server answers within a short timeout (or ``POLICYKG_SERVER=0``)."""
    from workspace.datadir import DataDirError, locate_generation, read_manifest
    from workspace.servers import SERVERS_DIR, ask_search

    if not (settings.data_dir / SERVERS_DIR).is_dir():
        return None
    try:
        generation = read_manifest(locate_generation(settings.data_dir), settings.data_dir)["generation"]
    except DataDirError:
        return None  # the local path reports it
    answer = ask_search(settings, generation, question, k, kind, function)
    if answer is None:
        return None
    from kg.views import SearchResult, from_jsonable

    return from_jsonable(SearchResult, answer)


def _facet_documents(ws, doc: str | None, year: int | None, jurisdiction: str | None,
                     issuer: str | None) -> list[str] | None:
    """The slugs the facet options allow; None when none is given (every document)."""
    from kg.queries import documents_matching

    if doc is None and year is None and not jurisdiction and not issuer:
        return None
    return documents_matching(ws.graph, doc, year, jurisdiction, issuer)


@app.command()
def targets(
    indicator: Annotated[Optional[str], typer.Option("--indicator", help="indicator contains this text (覆盖率)")] = None,
    doc: DocOption = None,
    year: YearOption = None,
    jurisdiction: JurisdictionOption = None,
    issuer: IssuerOption = None,
    data_dir: DataDir = None,
    as_json: AsJson = False,
    fmt: TableFormat = None,
    output: OutputFile = None,
) -> None:
    """Targets across documents, by indicator: each with its deadline and the plan it comes from, so a reader
    sees how a target moved from one plan to the next."""
    from kg.queries import list_targets

    def body() -> None:
        chosen = _table_format(fmt, output, as_json)
        ws = _workspace(_settings(data_dir))
        allowed = _facet_documents(ws, doc, year, jurisdiction, issuer)
        found = [t for t in list_targets(ws.graph, indicator_contains=indicator)
                 if allowed is None or t.document in allowed]
        found.sort(key=lambda t: (t.indicator, t.deadline.isoformat() if t.deadline else "9999", t.document))
        if chosen == "json":
            _print_json({"count": len(found), "items": found})
            return
        if chosen in ("csv", "xlsx"):
            from kg.tabular import targets_table

            _write_table(targets_table(found), chosen, output, "target(s)")
            return
        rows = [(t.indicator, t.comparator, _quantity(t), t.unit, _deadline(t), t.document, t.unit_path) for t in found]
        typer.echo(table(["indicator", "comparator", "quantity", "unit", "deadline", "document", "path"], rows))
        typer.echo(f"{len(found)} target(s) in {len({t.document for t in found})} document(s)")

    _run(body)


def _link_names(links: list) -> str:
    return "、".join(link.slug or link.title or link.identifier for link in links)


@app.command()
def documents(
    year: YearOption = None,
    jurisdiction: JurisdictionOption = None,
    issuer: IssuerOption = None,
    data_dir: DataDir = None,
    as_json: AsJson = False,
    fmt: TableFormat = None,
    output: OutputFile = None,
) -> None:
    """The ingested documents with what each cites, what cites it, and what it replaces or is replaced by."""
    from kg.queries import list_documents

    def body() -> None:
        chosen = _table_format(fmt, output, as_json)
        ws = _workspace(_settings(data_dir))
        allowed = _facet_documents(ws, None, year, jurisdiction, issuer)
        found = [d for d in list_documents(ws.graph) if allowed is None or d.slug in allowed]
        if chosen == "json":
            _print_json({"count": len(found), "items": found})
            return
        if chosen in ("csv", "xlsx"):
            from kg.tabular import documents_table

            _write_table(documents_table(found), chosen, output, "document(s)")
            return
        rows = []
        for d in found:
            rows.append((d.slug, d.title, d.genre, d.issued or d.period, d.effective, d.jurisdiction,
                         d.jurisdiction_level, _link_names(d.cites), _link_names(d.cited_by), _link_names(d.replaces),
                         _link_names(d.replaced_by)))
        typer.echo(table(["document", "title", "genre", "issued", "effective", "jurisdiction", "level", "cites",
                          "cited by", "replaces", "replaced by"], rows))
        typer.echo(f"{len(found)} document(s)")

    _run(body)


@app.command()
def match(
    profile_file: Annotated[Optional[Path], typer.Option("--profile", help="a profile as a JSON or YAML file "
                                                         "(fields as the options below; person: {age, status})")] = None,
    needs: Annotated[Optional[str], typer.Option(help="what the firm (or person) wants, in its own words")] = None,
    plan: Annotated[Optional[list[str]], typer.Option("--plan", help="a project or need (repeatable)")] = None,
    industry: Annotated[Optional[str], typer.Option(help="what the firm does")] = None,
    industry_code: Annotated[Optional[str], typer.Option("--industry-code", help="GB/T 4754 code, e.g. C34")] = None,
    name: Annotated[Optional[str], typer.Option(help="the firm's name")] = None,
    place: Annotated[Optional[str], typer.Option(help="where it is: 绍兴市柯桥区, Keqiao, Shaoxing")] = None,
    district: Annotated[Optional[str], typer.Option(help="its district, e.g. 嘉定区")] = None,
    size: Annotated[Optional[str], typer.Option(help="small | medium | large (or 中小企业, 规模以上)")] = None,
    employees: Annotated[Optional[int], typer.Option(min=0)] = None,
    revenue: Annotated[Optional[float], typer.Option(help="last year's revenue, 万元")] = None,
    founded: Annotated[Optional[int], typer.Option(help="year founded")] = None,
    insured_staff: Annotated[Optional[int], typer.Option("--insured-staff", min=0)] = None,
    years_insured: Annotated[Optional[float], typer.Option("--years-insured", help="years of unemployment insurance")] = None,
    premiums: Annotated[Optional[float], typer.Option("--premiums", help="unemployment-insurance premiums paid last year, 元")] = None,
    wage_bill: Annotated[Optional[float], typer.Option("--wage-bill", help="last year's wage bill, 元")] = None,
    age: Annotated[Optional[int], typer.Option(help="a person's age")] = None,
    status: Annotated[Optional[str], typer.Option(help="a person's status: 高校毕业生, 失业青年, 返乡创业 …")] = None,
    today: Annotated[Optional[str], typer.Option(help="reference date for expiry, ISO (default: today)")] = None,
    lang: Annotated[str, typer.Option(help="language of reasons and labels: zh | en")] = "zh",
    top_k: Annotated[int, typer.Option("--top-k", "-k", min=1, help="how many answers")] = 5,
    fmt: Annotated[str, typer.Option("--format", help="table | json | csv | xlsx")] = "table",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="write the answer to this file")] = None,
    data_dir: DataDir = None,
    as_json: AsJson = False,
) -> None:
    """The policy calculator: which units of the documents fit a firm's (or a person's) needs, and for each
    whether it qualifies (or which condition fails, or which field to fill in), how much (with the formula),
    whether the period is over, and whom to contact."""
    from datetime import date as _date

    from search.match_export import load_profile, profile_from_mapping, to_csv, write_xlsx

    def body() -> None:
        fmt_ = "json" if as_json else fmt
        if fmt_ not in ("table", "json", "csv", "xlsx"):
            raise _fail(f"--format {fmt_}: accepted are table, json, csv, xlsx", EXIT_BAD_INPUT)
        if fmt_ == "xlsx" and output is None:
            raise _fail("--format xlsx needs -o FILE.xlsx", EXIT_BAD_INPUT)
        try:
            when = _date.fromisoformat(today) if today else None
        except ValueError:
            raise _fail(f"--today {today}: a date is expected as YYYY-MM-DD", EXIT_BAD_INPUT) from None
        if profile_file is not None and not profile_file.is_file():
            raise _fail(f"{profile_file}: no such file", EXIT_BAD_INPUT)
        given = {"needs": needs, "plans": plan, "industry": industry, "industry_code": industry_code, "name": name,
                 "place": place, "district": district, "size": size, "employees": employees, "revenue": revenue,
                 "founded": founded, "insured_staff": insured_staff, "years_insured": years_insured,
                 "unemployment_premiums_last_year": premiums, "wage_bill_last_year": wage_bill,
                 "person": {"age": age, "status": status}}
        given = {k: v for k, v in given.items() if v not in (None, [], {"age": None, "status": None})}
        base = load_profile(profile_file).to_dict() if profile_file else {}
        profile = profile_from_mapping({**{k: v for k, v in base.items() if v not in (None, "", [])}, **given})
        ws = _workspace(_settings(data_dir))
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

    _run(body)


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
