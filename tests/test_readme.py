"""The README's tour is true: each `$ policykg …` command it shows runs on the data dir it names (the bundled plan
and six real documents) and prints the lines it shows (a line `…` stands for lines left out; timings vary)."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import ROOT
from workspace.settings import Settings

README = ROOT / "README.md"
_TIMING = re.compile(r"^\d+ hits? in [\d.]+ ms$")


def shown_commands() -> list[tuple[str, list[str]]]:
    """(command, the output lines shown under it) for every `$ policykg` line of the README's console blocks."""
    found: list[tuple[str, list[str]]] = []
    for block in re.findall(r"(?ms)^```console\n(.*?)^```", README.read_text(encoding="utf-8")):
        for chunk in re.split(r"(?m)^(?=\$ )", block):
            if chunk.startswith("$ policykg"):
                command, _, shown = chunk.partition("\n")
                found.append((command[2:], [line.rstrip() for line in shown.splitlines()]))
    return found


def tour_documents() -> list[Path]:
    """The files the README's tour ingests, read from its own `policykg ingest` line."""
    line = re.search(r"(?m)^policykg ingest corpus benchmarks/corpus_real/\{([^}]*)\}\.txt$",
                     README.read_text(encoding="utf-8"))
    assert line, "the README's tour names the documents it ingests"
    return [ROOT / "corpus", *(ROOT / "benchmarks" / "corpus_real" / f"{stem}.txt" for stem in line[1].split(","))]


@pytest.fixture(scope="module")
def tour_data_dir(tmp_path_factory) -> Path:
    from workspace.build import build

    data_dir = tmp_path_factory.mktemp("readme-tour")
    build(Settings(data_dir=data_dir, corpus_dir=ROOT / "corpus"), tour_documents())
    return data_dir


def test_the_readme_shows_each_users_commands():
    commands = [command.split()[1] for command, _ in shown_commands()]
    assert {"documents", "search", "match", "owns"} <= set(commands)


@pytest.mark.parametrize("command,shown", shown_commands(), ids=lambda v: v if isinstance(v, str) else "")
def test_a_readme_command_prints_what_the_readme_shows(tour_data_dir, command, shown):
    env = {**os.environ, "POLICYKG_DATA_DIR": str(tour_data_dir), "POLICYKG_SERVER": "0"}
    done = subprocess.run([sys.executable, "-m", "cli.main", *shlex.split(command)[1:]], capture_output=True,
                          text=True, env=env, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    printed = [line.rstrip() for line in done.stdout.splitlines()]
    for line in shown:
        if line and line != "…" and not _TIMING.match(line):
            assert line in printed, f"{command!r} no longer prints {line!r}"
