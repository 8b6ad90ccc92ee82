"""Spreadsheet downloads from the API: ``format=csv|xlsx`` on GET /search (and POST /search), /departments/{id},
/targets and /documents, with the content type and a file name; ``doc`` on /departments/{id}."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

PLAN = "shanghai-technical-transformation-plan-2018-2020"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _csv(r) -> list[dict[str, str]]:
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/csv")
    assert r.content.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))


def _xlsx(r):
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == XLSX
    assert "attachment" in r.headers["content-disposition"] and ".xlsx" in r.headers["content-disposition"]
    return load_workbook(io.BytesIO(r.content)).active


def test_search_downloads_as_csv_and_xlsx(client):
    rows = _csv(client.get("/search", params={"q": "工业机器人", "k": 3, "format": "csv"}))
    assert [r["rank"] for r in rows] == ["1", "2", "3"]
    assert all(r["document"] == PLAN and r["document_title"] for r in rows)
    json_hits = client.get("/search", params={"q": "工业机器人", "k": 3}).json()["hits"]
    assert [r["path"] for r in rows] == [h["path"] for h in json_hits]
    sheet = _xlsx(client.get("/search", params={"q": "工业机器人", "k": 2, "format": "xlsx"}))
    assert sheet["A1"].value == "rank" and sheet["B2"].value == PLAN and sheet.max_row == 3
    assert 'filename="policykg-search.xlsx"' in client.get("/search", params={"q": "机器人", "format": "xlsx"}
                                                           ).headers["content-disposition"]


def test_post_search_takes_the_facets_and_the_format(client):
    body = {"q": "工业机器人" * 100, "k": 2, "doc": PLAN, "format": "csv"}
    rows = _csv(client.post("/search", json=body))
    assert len(rows) == 2 and {r["document"] for r in rows} == {PLAN}
    assert client.post("/search", json={"q": "机器人", "doc": "no-such-plan"}).status_code == 404
    assert client.post("/search", json={"q": "机器人", "format": "pdf"}).status_code == 422


def test_department_work_downloads_and_doc_keeps_one_document(client):
    whole = client.get("/departments/市经信委").json()["responsibilities"]
    rows = _csv(client.get("/departments/市经信委", params={"format": "csv"}))
    assert len(rows) == len(whole["explicit"]) + len(whole["inferred"])
    assert rows[0]["department"] == "上海市经济和信息化委员会" and rows[0]["document"] == PLAN
    one = client.get("/departments/市经信委", params={"doc": PLAN}).json()["responsibilities"]
    assert one == whole
    r = client.get("/departments/市经信委", params={"doc": "no-such-plan"})
    assert r.status_code == 404 and r.json()["error"]["where"] == "query.doc"
    sheet = _xlsx(client.get("/departments/市经信委", params={"format": "xlsx"}))
    assert sheet.title == "职责" and sheet["A2"].value == "上海市经济和信息化委员会"


def test_targets_and_documents_download(client):
    targets = client.get("/targets").json()["items"]
    sheet = _xlsx(client.get("/targets", params={"format": "xlsx"}))
    assert sheet.max_row == len(targets) + 1
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [t["indicator"] for t in targets]
    docs = _csv(client.get("/documents", params={"format": "csv"}))
    assert [d["document"] for d in docs] == [d["slug"] for d in client.get("/documents").json()["items"]]
    assert client.get("/documents", params={"format": "pdf"}).status_code == 422


def test_an_over_long_query_string_names_post_search_and_an_empty_question_is_invalid_query(client):
    r = client.get("/search", params={"q": "机" * 4000})
    assert r.status_code == 414 and "POST /search" in r.json()["error"]["message"]
    r = client.get("/search", params={"q": "  "})
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_query"
