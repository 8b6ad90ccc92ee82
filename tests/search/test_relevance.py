"""The calibrated floors are data (search/relevance_floors.json, written by benchmarks/calibrate_floors.py)."""

import json

from search.relevance import CALIBRATED_FLOORS, FLOORS_FILE, load_floors, relevance_floor


def test_the_shipped_floors_are_read_from_the_calibration_file():
    data = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))
    assert data["_command"] == "python -m benchmarks.calibrate_floors" and data["_rule"]
    assert CALIBRATED_FLOORS == load_floors() and set(CALIBRATED_FLOORS["e5-small"]) >= {"zh", "en"}
    assert all(0.0 < floor < 1.0 for floor in CALIBRATED_FLOORS["e5-small"].values())
    # an English question whose words the documents do not hold is never judged more laxly than the others
    assert relevance_floor("e5-small", "en-unheld") >= relevance_floor("e5-small", "en")


def test_notes_in_the_file_are_no_encoder(tmp_path):
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({"my-encoder": {"zh": 0.5}, "_rule": "a note"}), encoding="utf-8")
    assert load_floors(path) == {"my-encoder": {"zh": 0.5}}
