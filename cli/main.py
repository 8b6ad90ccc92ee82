"""The ``policykg`` command line: the app, its global options, and its commands grouped by who uses them.

Each group's commands live in a module of their own (``cli/researchers.py``, ``cli/enterprises.py``,
``cli/staff.py``, ``cli/operators.py``); what they share (options, exit codes, domain errors → exit codes) is
``cli/shared.py``; how views print is ``cli/render.py``. ``policykg --help`` lists the commands by group.
"""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperGroup

from cli import enterprises, operators, researchers, staff
from cli.shared import EXIT_BAD_INPUT, EXIT_BUSY, EXIT_FAILED, EXIT_NOT_FOUND, DataDir

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_BUSY",
    "EXIT_FAILED",
    "EXIT_NOT_FOUND",
    "GROUPS",
    "app",
    "main",
    "move_global_options",
]

# Options every command takes, accepted before the command's name too (policykg --data-dir D owns X).
GLOBAL_OPTIONS = ("--data-dir", "--json")

# Who uses which commands: the sections of `policykg --help`, in this order.
GROUPS = (
    ("Researchers: find and read what the documents say", researchers.COMMANDS),
    ("Enterprises: which support fits, and whom to ask", enterprises.COMMANDS),
    ("Government staff: who does what, and the targets", staff.COMMANDS),
    ("Operators: load documents, check and serve them", operators.COMMANDS),
)


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


try:  # Typer ships its own copy of click (typer._click) since 0.20; older ones use click itself
    from typer._click.exceptions import UsageError as _UsageError
except ImportError:  # pragma: no cover
    from click.exceptions import UsageError as _UsageError


class _OneLineUsageError(_UsageError):
    """A usage error (an option's value it cannot take, an unknown option or command) as one line on stderr,
    ``policykg: error: …``, like every other error of the CLI, instead of click's usage block."""

    def __init__(self, error: _UsageError) -> None:
        super().__init__(error.format_message(), error.ctx)
        self.exit_code = error.exit_code

    def show(self, file=None) -> None:  # type: ignore[no-untyped-def]
        path = self.ctx.command_path if self.ctx is not None else ""
        command = path.split(" ", 1)[1] if " " in path else ""  # the program's own name as `policykg`, however run
        message = self.format_message().rstrip(".")
        typer.echo(f"policykg: error: {command + ': ' if command else ''}{message} "
                   f"(see `{' '.join(('policykg', command)).strip()} --help`)", err=True)


def _one_line(call):  # type: ignore[no-untyped-def]
    try:
        return call()
    except _OneLineUsageError:
        raise
    except _UsageError as e:
        raise _OneLineUsageError(e) from None


class _Group(TyperGroup):
    """The command group: global options before or after the command's name, and the help's command list in
    one section per group of users (Typer draws its ``rich_help_panel`` sections only with rich markup, which
    this CLI leaves off so that its help stays plain text and its start fast)."""

    def parse_args(self, ctx, args):  # type: ignore[no-untyped-def]
        return super().parse_args(ctx, move_global_options(list(args), self.commands))

    def make_context(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return _one_line(lambda: super(_Group, self).make_context(*args, **kwargs))

    def invoke(self, ctx):  # type: ignore[no-untyped-def]
        return _one_line(lambda: super(_Group, self).invoke(ctx))

    def format_commands(self, ctx, formatter):  # type: ignore[no-untyped-def]
        sections: dict[str, list[tuple[str, Any]]] = {}
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                sections.setdefault(getattr(command, "rich_help_panel", None) or "Commands", []).append((name, command))
        if not sections:
            return
        longest = max(len(name) for commands in sections.values() for name, _ in commands)
        limit = formatter.width - 6 - longest
        for title, commands in sections.items():
            with formatter.section(title):
                formatter.write_dl([(name, command.get_short_help_str(limit)) for name, command in commands])


app = typer.Typer(
    cls=_Group,
    help="PolicyKG: a knowledge graph and hybrid search over Chinese government policy text.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

for _panel, _commands in GROUPS:
    for _command in _commands:
        app.command(rich_help_panel=_panel)(_command)


@app.callback(invoke_without_command=True)
def _root(ctx: typer.Context, data_dir: DataDir = None) -> None:
    """With no command: build from the bundled corpus if needed, then print what is loaded."""
    if ctx.invoked_subcommand is None:
        operators.report_status(data_dir, as_json=False, build_missing=True)
        typer.echo('\nTry: policykg search "工业机器人改造生产线"   or   policykg serve')


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
