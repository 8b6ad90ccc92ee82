"""The operators' commands: what the data dir holds (``status``), loading and dropping documents (``ingest``,
``remove``), checking a generation (``validate``) and serving it (``serve``)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from cli.render import table
from cli.shared import (
    EXIT_BAD_INPUT,
    EXIT_FAILED,
    AsJson,
    DataDir,
    fail,
    open_workspace,
    print_json,
    progress,
    run,
    settings_for,
)

__all__ = ["COMMANDS", "ingest", "remove", "serve", "status", "validate"]


def status(data_dir: DataDir = None, as_json: AsJson = False) -> None:
    """What the data directory holds (building it from corpus/ first if it is empty). A --data-dir (or
    POLICYKG_DATA_DIR) that does not exist is reported, not built: a mistyped path should not start a build."""
    report_status(data_dir, as_json, build_missing=False)


def report_status(data_dir: Path | None, as_json: bool, build_missing: bool) -> None:
    """``status``'s work; ``build_missing`` (``policykg`` with no command) builds a data dir that does not exist
    yet from corpus/, as every other command does, where ``status`` says it is missing and how to create it."""

    def body() -> None:
        from search.backends import describe_saved

        if data_dir is not None and not build_missing and not data_dir.exists():
            raise fail(f"data dir {data_dir} does not exist; create it with `policykg ingest --data-dir {data_dir}` "
                       "(builds from corpus/, or give the files to load), or check the path", EXIT_BAD_INPUT)
        ws = open_workspace(settings_for(data_dir))
        m = ws.manifest
        if as_json:
            print_json({"data_dir": str(ws.settings.data_dir), **m,
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

    run(body)


def ingest(
    paths: Annotated[list[Path] | None, typer.Argument(help="files or folders of documents: .txt/.md, .docx, .pdf, .html (default: corpus/)")] = None,
    replace: Annotated[bool, typer.Option("--replace", help="drop documents ingested before")] = False,
    wait: Annotated[bool, typer.Option("--wait", help="queue behind an ingest already running in the data dir "
                                       "instead of exiting with code 75")] = False,
    encoder: Annotated[str | None, typer.Option(help="dense encoder for the index")] = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=0, help="processes parsing and checking "
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
            raise fail(f"{missing[0]}: no such file or folder", EXIT_BAD_INPUT)
        settings = settings_for(data_dir, encoder=encoder, ingest_jobs=jobs)
        manifest = build(settings, list(paths) if paths else None, replace=replace, wait=wait, progress=progress)
        if as_json:
            print_json(manifest)
            return
        for report in manifest.get("report", []):
            typer.echo(FileReport(**report).line())
        rows = [(d["slug"], d["encoding"], d["units"], d["targets"], d["departments"], d["citations"]) for d in manifest["documents"]]
        typer.echo(table(["document", "encoding", "units", "targets", "depts", "cites"], rows))
        typer.echo(f"{manifest['triples']} triples, {manifest['index_units']} indexed units → {settings.data_dir}")

    run(body)


def remove(
    documents: Annotated[list[str], typer.Argument(help="documents to drop: slug or source file name")],
    wait: Annotated[bool, typer.Option("--wait", help="queue behind an ingest already running")] = False,
    data_dir: DataDir = None,
    as_json: AsJson = False,
) -> None:
    """Remove documents from the graph and both indexes (the others are neither parsed nor embedded again)."""
    from workspace.build import FileReport, remove_documents

    def body() -> None:
        settings = settings_for(data_dir)
        manifest = remove_documents(settings, documents, wait=wait, progress=progress)
        if as_json:
            print_json(manifest)
            return
        for report in manifest.get("report", []):
            typer.echo(FileReport(**report).line())
        typer.echo(f"{len(manifest['documents'])} document(s), {manifest['triples']} triples → {settings.data_dir}")

    run(body)


def validate(data_dir: DataDir = None) -> None:
    """Check every file against the manifest's hashes, then the graph against the SHACL shapes and the source spans."""
    from kg.store import GraphStoreError
    from kg.validate import check_spans
    from kg.validate import validate as shacl_validate
    from workspace.datadir import DataDirError, check_files

    def body() -> None:
        ws = open_workspace(settings_for(data_dir))
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

    run(body)


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
        settings = settings_for(data_dir)
        if reload_data:
            from api.serving import request_reload

            ws = open_workspace(settings)  # a broken new generation is reported here, before any server is told
            ws.pinned.release()
            pids = request_reload(settings.data_dir)
            if not pids:
                raise fail(f"no running `policykg serve` found for {settings.data_dir}", EXIT_FAILED)
            progress(f"asked {len(pids)} server(s) (pid {', '.join(map(str, pids))}) to serve generation "
                     f"{ws.generation}")
            return
        from api.serving import serve as run_server

        # Build with progress on the terminal before the server starts; the supervisor pins what it serves.
        open_workspace(settings).pinned.release()
        typer.echo(f"policykg: serving on http://{host}:{port}/ with {workers} worker(s)", err=True)
        run_server(settings, host, port, workers)

    run(body)


COMMANDS = (status, ingest, remove, validate, serve)
