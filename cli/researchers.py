"""The researchers' commands: find what the documents say (``search``), read a unit with its context (``show``),
list the documents and how they link (``documents``), ask the graph directly (``sparql``) and take it away
(``export``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from cli.render import facets_text, hit_text, link_names, span, table, unit_text
from cli.shared import (
    EXIT_BAD_INPUT,
    EXIT_NOT_FOUND,
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
    progress,
    run,
    settings_for,
    table_format,
    write_for_machines,
)
from kg import tabular
from kg.facets import with_facets
from kg.views import SearchResult
from workspace.settings import Settings

__all__ = ["COMMANDS", "documents", "export", "search", "show", "sparql"]


def search(
    question: Annotated[str, typer.Argument(help="a question in Chinese or English")],
    top_k: Annotated[int, typer.Option("--top-k", "-k", min=1, help="how many hits")] = 10,
    kind: Annotated[list[str] | None, typer.Option(
        help="only hits of this structural kind (what the unit IS in its document): measure, task, safeguard, "
             "goal, target, principle, guideline, article, item, paragraph, notice, section, chapter, preamble, "
             "closing, annex, task_row. Only plans with 重点任务 sections have measures; use --function for what a "
             "unit DOES in any genre")] = None,
    function: Annotated[list[str] | None, typer.Option(
        "--function", help="only hits that do this (any genre): goal, action, support, rule, duty, decision, "
                           "context; e.g. --function support for the support offered")] = None,
    doc: DocOption = None,
    year: YearOption = None,
    jurisdiction: JurisdictionOption = None,
    issuer: IssuerOption = None,
    genre: GenreOption = None,
    data_dir: DataDir = None,
    as_json: AsJson = False,
    fmt: TableFormat = None,
    output: OutputFile = None,
    facets: Annotated[bool, typer.Option(
        "--facets", help="also count the search's candidates (its best max(k, 50) units, not only the hits shown) "
                         "by document, kind, function, year and jurisdiction (the API's facets=true)")] = False,
) -> None:
    """Which units cover QUESTION: measures, articles, paragraphs, targets … (--kind keeps a structural kind,
    --function what the unit does, e.g. support; --doc, --year, --jurisdiction, --issuer, --genre keep only the documents
    that match; --facets counts where the candidates lie)."""
    from search.types import UNIT_FUNCTIONS

    def body() -> None:
        chosen = table_format(fmt, output, as_json)
        settings = settings_for(data_dir)
        if question.strip() and not any(ch.isalnum() for ch in question):  # ？？ or !!!: nothing to look for
            raise fail(f"the query {question.strip()!r} has no word, only punctuation or symbols; give a question "
                       "or keywords, e.g. 工业机器人 or industrial robots", EXIT_BAD_INPUT)
        if top_k > settings.max_top_k:
            raise fail(f"--top-k {top_k} is over the limit of {settings.max_top_k}", EXIT_BAD_INPUT)
        unknown = [f for f in function or [] if f not in UNIT_FUNCTIONS]
        if unknown:
            raise fail(f"unknown --function {unknown[0]!r}; valid: {', '.join(UNIT_FUNCTIONS)}", EXIT_BAD_INPUT)
        filtered = doc is not None or year is not None or bool(jurisdiction) or bool(issuer) or bool(genre)
        result = None if filtered or facets else _served_search(settings, question, top_k, kind, function)
        ws = None
        if result is None:  # no `policykg serve` of this data dir answered: open the index here
            ws = open_workspace(settings)
            allowed = facet_documents(ws, doc, year, jurisdiction, issuer, genre)
            if allowed is not None and not allowed:
                given = " ".join(f"--{name} {value}" for name, value in
                                 (("doc", doc), ("year", year), ("jurisdiction", jurisdiction), ("issuer", issuer),
                                  ("genre", genre))
                                 if value not in (None, ""))
                raise fail(f"no document matches {given} (`policykg documents` lists each document's year, "
                           "jurisdiction, issuer and genre)", EXIT_NOT_FOUND)

            def ranked(n: int) -> SearchResult:
                return ws.index.search(question, k=n, kind=kind or None, document=allowed, function=function or None)

            result = (with_facets(ranked, top_k, ws.index.settings.candidates, _document_facets(ws)) if facets
                      else ranked(top_k))
        if write_for_machines(chosen, result, lambda: _hits_table(result, ws or open_workspace(settings)), output,
                              "hit(s)"):
            return
        if kind and not result.hits:
            typer.echo(f"No unit of kind {', '.join(kind)} answers; --kind keeps a structural kind (only plans with "
                       "重点任务 sections have measures): --function action, support or rule asks what a unit does "
                       "in any genre.")
            return
        if not result.relevant:
            typer.echo("Nothing in the documents answers this question; the nearest units, for reference only:")
            if kind:  # the filter may be what left nothing: say so, as when it leaves no hit at all
                typer.echo(f"(--kind {', '.join(kind)} keeps a structural kind: only plans with 重点任务 sections have "
                           "measures; --function action, support or rule asks what a unit does in any genre)")
        rows, inferred = [], False
        for rank, hit in enumerate(result.hits, 1):
            owners = hit.context.owners
            inferred = inferred or any(o.basis == "inferred" for o in owners)
            leads_first = sorted(owners, key=lambda o: o.role != "lead")  # who leads, then who takes part
            names = ", ".join(dict.fromkeys(o.agent_name + ("（牵头）" if o.role == "lead" else "")
                                            + ("*" if o.basis == "inferred" else "") for o in leads_first))
            rows.append((rank, hit.path, hit.kind, hit.function, hit.heading, hit_text(hit), names, hit.document,
                         span(hit)))
        typer.echo(table(["#", "path", "kind", "function", "title", "text", "departments", "document", "characters"],
                         rows, max_col=48))
        if inferred:
            typer.echo("* inferred by a rule, not stated by the text: `policykg show PATH` gives the rule and its "
                       "sentence")
        typer.echo(f"{len(result.hits)} {'hit' if len(result.hits) == 1 else 'hits'} in {result.took_ms:.1f} ms")
        if result.facets is not None:
            typer.echo(facets_text(result.facets))

    run(body)


def _document_facets(ws):  # type: ignore[no-untyped-def]
    """Each document's year and jurisdiction, for the facet counts."""
    from kg.facets import document_facets
    from kg.queries import list_documents

    return document_facets(list_documents(ws.graph))


def _hits_table(result, ws):  # type: ignore[no-untyped-def]
    """The hits as rows for a spreadsheet, each with its document's title."""
    from kg.queries import list_documents

    return tabular.search_table(result, {d.slug: d.title for d in list_documents(ws.graph)})


def _served_search(settings: Settings, question: str, k: int, kind: list[str] | None,
                   function: list[str] | None):  # type: ignore[no-untyped-def]
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
        unit = get_unit(open_workspace(settings_for(data_dir)).graph, id_or_path, document=doc)
        if as_json:
            print_json(unit)
            return
        typer.echo(unit_text(unit))

    run(body)


def documents(
    year: YearOption = None,
    jurisdiction: JurisdictionOption = None,
    issuer: IssuerOption = None,
    genre: GenreOption = None,
    data_dir: DataDir = None,
    as_json: AsJson = False,
    fmt: TableFormat = None,
    output: OutputFile = None,
) -> None:
    """The ingested documents with what each cites, what cites it, and what it replaces or is replaced by."""
    from kg.queries import list_documents, what_the_documents_hold

    def body() -> None:
        chosen = table_format(fmt, output, as_json)
        ws = open_workspace(settings_for(data_dir))
        allowed = facet_documents(ws, None, year, jurisdiction, issuer, genre)
        every = list_documents(ws.graph)
        found = [d for d in every if allowed is None or d.slug in allowed]
        if write_for_machines(chosen, {"count": len(found), "items": found}, lambda: tabular.documents_table(found),
                              output, "document(s)"):
            return
        rows = []
        for d in found:
            rows.append((d.slug, d.title, _genre_shown(d), d.issued or d.period, d.effective, d.jurisdiction,
                         d.jurisdiction_level, link_names(d.cites), link_names(d.cited_by), link_names(d.replaces),
                         link_names(d.replaced_by)))
        typer.echo(table(["document", "title", "genre", "issued", "effective", "jurisdiction", "level", "cites",
                          "cited by", "replaces", "replaced by"], rows))
        typer.echo(f"{len(found)} document(s)")
        if not found and every:  # a filter that keeps nothing: say what the documents hold, so the next try can hit
            typer.echo(what_the_documents_hold(every, year, jurisdiction, genre), err=True)

    run(body)


def _genre_shown(view: Any) -> str:
    """A document's genre with the genre of the text it issues (通知（办法）: a notice issuing 暂行办法), as a reader
    asks for either."""
    inner = view.issued_text_genre
    return f"{view.genre}（{inner}）" if inner and inner != view.genre else view.genre


def sparql(
    query: Annotated[str, typer.Argument(help="a SPARQL 1.1 query (read-only); pol:, org:, skos:, dcterms:, eli:, prov: are pre-bound")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="json or csv")] = "json",
    data_dir: DataDir = None,
) -> None:
    """Run a read-only SPARQL query; prints SPARQL 1.1 JSON results (or CSV)."""
    from kg.sparql import SparqlLimits

    def body() -> None:
        settings = settings_for(data_dir)
        if fmt not in ("json", "csv"):
            raise fail(f"--format {fmt!r} is not one of: json, csv", EXIT_BAD_INPUT)
        ws = open_workspace(settings)
        ws.graph  # noqa: B018 — load it first: a broken or empty graph is reported as such
        limits = SparqlLimits(timeout_s=settings.sparql_timeout_s, max_rows=settings.sparql_max_rows)
        result = ws.graph_store.query(query, limits)  # embedded, or vetted and forwarded to the SPARQL server
        if fmt == "csv":
            typer.echo(result.to_csv(), nl=False)
        else:
            typer.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        if getattr(result, "truncated", False):
            progress(f"results truncated at {settings.sparql_max_rows} rows")

    run(body)


def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="turtle, json-ld or nt")] = "turtle",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="file to write (default: standard output)")] = None,
    data_dir: DataDir = None,
) -> None:
    """The whole graph as Turtle, JSON-LD or N-Triples."""
    from kg.export import serialize

    def body() -> None:
        data = serialize(open_workspace(settings_for(data_dir)).graph, fmt)
        data = data.encode("utf-8") if isinstance(data, str) else data
        if output is None:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            output.write_bytes(data)
            progress(f"wrote {len(data)} bytes to {output}")

    run(body)


COMMANDS = (search, show, documents, sparql, export)
