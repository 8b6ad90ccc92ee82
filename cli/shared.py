"""What every ``policykg`` command shares: the options they take, the exit codes, and the edge where the core's
domain errors become a one-line message and an exit code (so that each command is only its own work).

Exit codes: 0 success; 1 a build failed or the data dir is broken, unreadable or unwritable (the message
names the file and the fix); 2 bad input; 3 an unknown unit or department; 75 (EX_TEMPFAIL) another
ingest holds the data dir's lock (run again later, or with ``--wait``).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from kg.views import jsonable
from workspace.settings import Settings

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_BUSY",
    "EXIT_FAILED",
    "EXIT_NOT_FOUND",
    "AsJson",
    "DataDir",
    "DocOption",
    "GenreOption",
    "IssuerOption",
    "JurisdictionOption",
    "OutputFile",
    "TableFormat",
    "YearOption",
    "domain_errors",
    "facet_documents",
    "fail",
    "open_workspace",
    "print_json",
    "progress",
    "run",
    "settings_for",
    "table_format",
    "write_for_machines",
    "write_table",
]

DataDir = Annotated[
    Path | None,
    typer.Option("--data-dir", envvar="POLICYKG_DATA_DIR", help="where the graph and indexes live"),
]
AsJson = Annotated[bool, typer.Option("--json", help="machine-readable JSON instead of a table")]
DocOption = Annotated[str | None, typer.Option("--doc", help="only this document (slug; see `policykg documents`)")]
YearOption = Annotated[int | None, typer.Option("--year", help="only documents issued in, or covering, this year")]
JurisdictionOption = Annotated[str | None, typer.Option(
    "--jurisdiction", help="only documents of this jurisdiction (闵行区, 广州, national/全国, or a level: province, city, district)")]
IssuerOption = Annotated[str | None, typer.Option("--issuer", help="only documents of this issuer")]
GenreOption = Annotated[str | None, typer.Option(
    "--genre", help="only documents of this genre: 办法, 意见, 答复, 通知 … or measures, opinion, reply (a notice "
                    "that issues a text counts as the text's genre too)")]
TableFormat = Annotated[str | None, typer.Option(
    "--format", help="table (default) | csv | xlsx (xlsx needs -o FILE.xlsx; -o infers the format from .csv/.xlsx)")]
OutputFile = Annotated[Path | None, typer.Option("--output", "-o", help="write the rows to this file (.csv, .xlsx)")]

# Domain errors → exit codes. The core raises them; only the edge knows about exit codes.
EXIT_BAD_INPUT = 2
EXIT_NOT_FOUND = 3
EXIT_FAILED = 1
EXIT_BUSY = 75  # sysexits EX_TEMPFAIL: try again later


def settings_for(data_dir: Path | None, **overrides: Any) -> Settings:
    """The settings of one command: the environment's, with the options it was given (None: not given)."""
    values = {k: v for k, v in overrides.items() if v is not None}
    if data_dir is not None:
        values["data_dir"] = data_dir
    return Settings(**values)


def progress(message: str) -> None:
    typer.echo(f"policykg: {message}", err=True)


def fail(message: str, code: int) -> typer.Exit:
    """Print ``policykg: error: message`` on stderr; the caller raises what this returns."""
    typer.echo(f"policykg: error: {message}", err=True)
    return typer.Exit(code)


@contextmanager
def domain_errors() -> Iterator[None]:
    """Turn the core's domain errors into a one-line message and an exit code."""
    from pydantic import ValidationError

    from ingest.errors import ParseError
    from kg.queries import Ambiguous, NotFound
    from kg.store import GraphStoreError
    from search.errors import EncoderMismatchError, IndexLoadError, SearchError
    from workspace.build import BuildError
    from workspace.datadir import DataDirBusy, DataDirError

    try:
        yield
    except typer.Exit:
        raise
    except ValidationError as e:  # a POLICYKG_* setting with a value it cannot take
        problems = "; ".join(f"{'.'.join(map(str, err['loc']))}={err.get('input')!r}: {err['msg']}" for err in e.errors())
        raise fail(f"invalid setting {problems} (check the POLICYKG_* environment variables)", EXIT_BAD_INPUT) from e
    except ParseError as e:
        raise fail(str(e), EXIT_BAD_INPUT) from e
    except Ambiguous as e:  # the name exists but does not say which body: the input needs more, like bad input
        raise fail(str(e), EXIT_BAD_INPUT) from e
    except NotFound as e:
        raise fail(str(e), EXIT_NOT_FOUND) from e
    except DataDirBusy as e:
        raise fail(str(e), EXIT_BUSY) from e
    except (BuildError, DataDirError) as e:
        raise fail(str(e), EXIT_FAILED) from e
    except GraphStoreError as e:
        if isinstance(e.__cause__, PermissionError):
            raise fail(f"{e.path}: cannot be read by this account (uid {os.getuid()}); ask its owner to "
                       "grant access (chmod a+r) or use another --data-dir", EXIT_FAILED) from e
        raise fail(f"{e} (rebuild with `policykg ingest`, which re-reads the documents kept in the data dir)", EXIT_FAILED) from e
    except (EncoderMismatchError, IndexLoadError) as e:
        raise fail(f"{e} (rebuild with `policykg ingest`, which re-reads the documents kept in the data dir)", EXIT_FAILED) from e
    except (SearchError, ValueError) as e:  # QueryError, SparqlError, an unknown export format …
        raise fail(str(e), EXIT_BAD_INPUT) from e
    except BrokenPipeError:  # policykg owns X | head -2: the reader has gone, stop quietly
        _silence_stdout()
        raise typer.Exit(0) from None
    except OSError as e:  # anything else the file system refuses: one line naming the file
        where = e.filename or "data dir"
        raise fail(f"{where}: {e.strerror or e}", EXIT_FAILED) from e


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that nothing more is written to the closed pipe (not even at exit)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (a test runner's stdout)
        pass


def run(body: Callable[[], None]) -> None:
    """Run a command's body with the domain errors mapped to exit codes."""
    with domain_errors():
        body()


def open_workspace(settings: Settings):  # type: ignore[no-untyped-def]
    """The data dir's current generation, built from the corpus first (with progress on stderr) when it is empty."""
    from workspace.build import ensure_workspace

    return ensure_workspace(settings, progress=progress)


def table_format(fmt: str | None, output: Path | None, as_json: bool) -> str:
    """table | json | csv | xlsx from --format, --json and -o's suffix (checked before any work is done)."""
    from kg.tabular import format_from_path

    inferred = (format_from_path(output) or "csv") if output else "table"
    chosen = "json" if as_json else (fmt or inferred).lower()
    if chosen not in ("table", "json", "csv", "xlsx"):
        raise fail(f"--format {chosen}: accepted are table, json, csv, xlsx", EXIT_BAD_INPUT)
    if chosen == "xlsx" and output is None:
        raise fail("--format xlsx needs -o FILE.xlsx", EXIT_BAD_INPUT)
    return chosen


def write_table(rows: Any, fmt: str, output: Path | None, what: str) -> None:
    """A kg.tabular.Table as CSV to standard output, or as CSV/XLSX to ``output`` (with a one-line note)."""
    from kg.tabular import to_csv, write_file

    if output is None:
        typer.echo(to_csv(rows).rstrip("\n"))
        return
    write_file(rows, output, "xlsx" if fmt == "xlsx" else "csv")
    typer.echo(f"{len(rows.rows)} {what} → {output}")


def print_json(value: Any) -> None:
    typer.echo(json.dumps(jsonable(value), ensure_ascii=False, indent=2))


def write_for_machines(chosen: str, value: Any, as_table: Callable[[], Any], output: Path | None, what: str) -> bool:
    """``value`` as JSON, or ``as_table()`` (a kg.tabular.Table) as CSV/XLSX, for the format ``table_format``
    chose; False when it chose the table for people, which each command prints its own way."""
    if chosen == "json":
        print_json(value)
        return True
    if chosen in ("csv", "xlsx"):
        write_table(as_table(), chosen, output, what)
        return True
    return False


def facet_documents(ws: Any, doc: str | None, year: int | None, jurisdiction: str | None,
                    issuer: str | None, genre: str | None = None) -> list[str] | None:
    """The slugs the facet options allow; None when none is given (every document)."""
    from kg.queries import documents_matching

    if doc is None and year is None and not jurisdiction and not issuer and not genre:
        return None
    return documents_matching(ws.graph, doc, year, jurisdiction, issuer, genre)
