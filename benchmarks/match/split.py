"""Split profiles.jsonl into profiles_tune.jsonl and profiles_untouched.jsonl, deterministically.

Within each (source, lang) group, in file order, profiles alternate: the 1st, 3rd, … go to the tuning half, the
2nd, 4th, … to the untouched half. Run ``python -m benchmarks.match.split`` after editing profiles.jsonl."""

from __future__ import annotations

import json
from pathlib import Path

__all__ = ["split_profiles", "main"]

HERE = Path(__file__).resolve().parent
PROFILES = HERE / "profiles.jsonl"
TUNE = HERE / "profiles_tune.jsonl"
UNTOUCHED = HERE / "profiles_untouched.jsonl"


def split_profiles(records: list[dict]) -> tuple[list[dict], list[dict]]:
    """(tune, untouched): alternate within each (source, lang) group, keeping file order in both halves."""
    seen: dict[tuple[str, str], int] = {}
    tune, untouched = [], []
    for record in records:
        group = (record["source"], record["lang"])
        index = seen.get(group, 0)
        seen[group] = index + 1
        (tune if index % 2 == 0 else untouched).append(record)
    return tune, untouched


def _lines(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def main() -> None:
    records = [json.loads(line) for line in PROFILES.read_text(encoding="utf-8").splitlines() if line.strip()]
    tune, untouched = split_profiles(records)
    TUNE.write_text(_lines(tune), encoding="utf-8")
    UNTOUCHED.write_text(_lines(untouched), encoding="utf-8")
    print(f"{len(records)} profiles: {len(tune)} tune, {len(untouched)} untouched")


if __name__ == "__main__":
    main()
