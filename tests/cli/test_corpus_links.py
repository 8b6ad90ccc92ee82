"""A corpus of linked plans: citations by title and by 发文字号 resolve to the ingested document, a newer plan
replaces an older one, targets compare across plans, lists filter by document, year, jurisdiction and issuer,
and one text in four formats is one document. The plans are written for these tests; fake encoder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from cli.main import app
from workspace.settings import get_settings
from workspace.build import build
from workspace.reader import open_workspace
from ingest.citations import find_citations
from kg.queries import NotFound, documents_matching, get_document, get_unit, list_targets
from tests.faults.helpers import fault_settings

runner = CliRunner()
ENV = {"POLICYKG_ENCODER": "fake"}

OLD_TITLE = "某市绿色建筑推广三年行动计划（2021—2023年）"
# slug → (sidecar metadata, a sentence that links it to others, the target sentence)
PLANS = {
    "city-green-building-2021": (
        {"title": OLD_TITLE, "identifier": "某府发〔2021〕8号", "jurisdiction": "某市", "issuer": "某市人民政府",
         "issued": "2021-03-01", "period_start": "2021-01-01", "period_end": "2023-12-31"},
        "各区要结合实际抓好落实。",
        "到2023年底，新建民用建筑中绿色建筑占比达到60%",
    ),
    "district-green-building-2022": (
        {"title": "某区落实绿色建筑推广行动的实施方案", "identifier": "某区府办发〔2022〕3号", "jurisdiction": "某区",
         "issuer": "某区人民政府办公室", "issued": "2022-05-10"},
        f"根据《{OLD_TITLE}》和某府发[2021]8号文件的要求，制定本方案。",
        "到2023年底，新建民用建筑中绿色建筑占比达到70%",
    ),
    "city-green-building-2024": (
        {"title": "某市绿色建筑高质量发展行动计划（2024—2026年）", "identifier": "某府发〔2024〕2号",
         "jurisdiction": "某市", "issuer": "某市人民政府", "issued": "2024-02-20"},
        f"本计划自2024年3月1日起施行，《{OLD_TITLE}》（某府发〔2021〕8号）同时废止。",
        "到2026年底，新建民用建筑中绿色建筑占比达到85%",
    ),
}


def plan_text(title: str, link: str, target: str) -> str:
    return (
        f"{title}\n\n"
        f"为推广绿色建筑、降低建筑能耗，制定本计划。{link}\n\n"
        "一、主要目标\n"
        f"{target}。\n"
        "二、重点任务\n"
        "（一）提高设计标准。市住房城乡建设管理委牵头修订绿色建筑设计导则。\n"
        "（二）加大资金支持。市财政局对高星级绿色建筑项目给予补贴。\n"
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("linked")
    for slug, (meta, link, target) in PLANS.items():
        (folder / f"{slug}.txt").write_text(plan_text(meta["title"], link, target), encoding="utf-8")
        (folder / f"{slug}.meta.json").write_text(json.dumps({"slug": slug, **meta}, ensure_ascii=False),
                                                   encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def data_dir(corpus, tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("linked-data") / "data"
    build(fault_settings(data), [corpus])
    return data


@pytest.fixture(scope="module")
def graph(data_dir):
    return open_workspace(fault_settings(data_dir)).graph


def slugs(links) -> list[str]:
    return [link.slug for link in links]


@pytest.mark.parametrize("sentence, repealed", [
    (f"本计划自2024年3月1日起施行，《{OLD_TITLE}》同时废止。", True),
    (f"原《{OLD_TITLE}》不再执行。", True),
    ("某府发〔2021〕8号文件自本办法施行之日起停止执行。", True),
    (f"根据《{OLD_TITLE}》，制定本方案。", False),
    (f"市政府印发关于废止《{OLD_TITLE}》的通知。", False),
    (f"未经批准不得废止《{OLD_TITLE}》。", False),
])
def test_repeal_clauses(sentence, repealed):
    assert [c.replaces for c in find_citations(sentence, [])] == [repealed]


def test_citations_by_title_and_number_resolve_to_the_ingested_document(graph):
    district = get_document(graph, "district-green-building-2022")
    assert slugs(district.cites) == ["city-green-building-2021"]  # by title and by number: one document
    old = get_document(graph, "city-green-building-2021")
    assert slugs(old.cited_by) == ["city-green-building-2024", "district-green-building-2022"]
    assert old.cites == []


def test_a_newer_plan_replaces_the_older_one(graph):
    new, old = get_document(graph, "city-green-building-2024"), get_document(graph, "city-green-building-2021")
    assert slugs(new.replaces) == ["city-green-building-2021"]
    assert slugs(old.replaced_by) == ["city-green-building-2024"]
    assert get_document(graph, "district-green-building-2022").replaces == []


def test_targets_compare_across_plans(graph):
    found = list_targets(graph, indicator_contains="绿色建筑")
    assert sorted((t.document, str(t.quantity)) for t in found) == [
        ("city-green-building-2021", "60"), ("city-green-building-2024", "85"), ("district-green-building-2022", "70")]


@pytest.mark.parametrize("facets, expected", [
    ({"year": 2022}, ["city-green-building-2021", "district-green-building-2022"]),  # 2021–2023 covers 2022
    ({"year": 2025}, []),
    ({"jurisdiction": "某区"}, ["district-green-building-2022"]),
    ({"issuer": "某市人民政府"}, ["city-green-building-2021", "city-green-building-2024"]),
    ({"document": "city-green-building-2024"}, ["city-green-building-2024"]),
])
def test_facets(graph, facets, expected):
    assert documents_matching(graph, **facets) == expected


def test_an_ambiguous_path_lists_the_documents(graph):
    with pytest.raises(NotFound) as e:
        get_unit(graph, "二（一）")
    assert all(slug in str(e.value) for slug in PLANS)
    assert get_unit(graph, "二（一）", document="city-green-building-2024").document.endswith("city-green-building-2024")


def test_cli_targets_documents_and_show(data_dir):
    d = ["--data-dir", str(data_dir)]
    result = runner.invoke(app, ["targets", "--indicator", "绿色建筑", *d], env=ENV)
    assert result.exit_code == 0, result.output
    assert all(slug in result.output for slug in PLANS) and "3 target(s) in 3 document(s)" in result.output
    result = runner.invoke(app, ["targets", "--doc", "city-green-building-2024", "--json", *d], env=ENV)
    assert [t["document"] for t in json.loads(result.stdout)["items"]] == ["city-green-building-2024"]
    result = runner.invoke(app, ["documents", "--json", *d], env=ENV)
    docs = {x["slug"]: x for x in json.loads(result.stdout)["items"]}
    assert [x["slug"] for x in docs["city-green-building-2021"]["replaced_by"]] == ["city-green-building-2024"]
    result = runner.invoke(app, ["show", "二（一）", *d], env=ENV)
    assert result.exit_code != 0 and "city-green-building-2024" in result.output
    assert "is in 3 documents" in result.output and "name one" in result.output and "did you mean" not in result.output
    result = runner.invoke(app, ["show", "二（一）", "--doc", "district-green-building-2022", *d], env=ENV)
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["search", "绿色建筑补贴", "--jurisdiction", "某区", "--json", *d], env=ENV)
    assert result.exit_code == 0, result.output
    assert {h["document"] for h in json.loads(result.stdout)["hits"]} == {"district-green-building-2022"}


def test_api_document_targets_and_search_facets(data_dir):
    api = create_app()
    api.dependency_overrides[get_settings] = lambda: fault_settings(data_dir)
    try:
        with TestClient(api) as client:
            old = client.get("/documents/city-green-building-2021").json()
            assert [x["slug"] for x in old["replaced_by"]] == ["city-green-building-2024"]
            assert client.get("/documents/no-such-plan").status_code == 404
            targets = client.get("/targets", params={"indicator": "绿色建筑", "year": 2024}).json()["items"]
            assert [t["document"] for t in targets] == ["city-green-building-2024"]
            hits = client.get("/search", params={"q": "绿色建筑设计导则", "doc": "city-green-building-2021"}).json()
            assert {h["document"] for h in hits["hits"]} == {"city-green-building-2021"}
            none = client.get("/search", params={"q": "绿色建筑", "year": 2030}).json()
            assert none["hits"] == []
            tasks = client.get("/measures", params={"jurisdiction": "某区"}).json()["items"]
            assert tasks and {t["document"] for t in tasks} == {"district-green-building-2022"}
    finally:
        api.dependency_overrides.clear()


def test_one_text_in_four_formats_is_one_document(corpus, tmp_path):
    import docx

    from tests.ingest.test_formats import document_page, print_pdf

    folder = tmp_path / "formats"
    folder.mkdir()
    text = (corpus / "city-green-building-2024.txt").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip()]
    (folder / "plan.txt").write_text(text, encoding="utf-8")
    word = docx.Document()
    for line in lines:
        word.add_paragraph(line)
    word.save(folder / "plan-word.docx")
    (folder / "plan-web.html").write_text(document_page(lines), encoding="utf-8")
    printing = tmp_path / "print"  # Chromium leaves its profile beside the PDF: print outside the corpus folder
    printing.mkdir()
    print_pdf(folder / "plan-web.html", printing / "plan-print.pdf", header_footer=False)
    (folder / "plan-print.pdf").write_bytes((printing / "plan-print.pdf").read_bytes())
    result = build(fault_settings(tmp_path / "data"), [folder])
    status = {Path(r["path"]).name: r["status"] for r in result["report"]}
    assert sorted(status.values()) == ["duplicate", "duplicate", "duplicate", "ingested"], status
    assert len(result["documents"]) == 1
    assert all("same text as" in r["reason"] for r in result["report"] if r["status"] == "duplicate")
