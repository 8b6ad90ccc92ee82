"""The web page in real headless Chromium against a real uvicorn server; screenshots to test-artifacts/."""

from __future__ import annotations

import pytest

from tests.api.live import ARGS, CHROMIUM
from tests.support import ROOT

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("chromium is not installed at /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


def _open_page(browser, url: str, **options):
    """A page at ``url`` in a fresh context, and the list its script errors go to (checked empty at the end)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN", **options)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_default_timeout(30_000)
    page.goto(url + "/")
    return context, page, errors


@pytest.fixture
def page(browser, live_server):
    context, page, errors = _open_page(browser, live_server)
    yield page
    context.close()
    assert not errors, errors


def test_search_in_chinese_finds_the_robot_measure(page):
    assert page.evaluate("document.characterSet") == "UTF-8"
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Noto Sans CJK SC" in font
    page.fill("#q", "想用工业机器人改造生产线")
    page.press("#q", "Enter")
    page.wait_for_selector(".hit")
    paths = page.locator(".hit .path").all_inner_texts()
    assert "二（一）1" in paths[:3]
    card = page.locator('.hit[data-path="二（一）1"]')
    assert card.locator("mark").count() >= 1
    assert "实施产业智能化改造工程" in card.inner_text()
    page.screenshot(path=str(ARTIFACTS / "search-zh.png"), full_page=True)


def test_switch_to_english_and_search(page):
    page.click("#lang-toggle")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("label[for=q]").inner_text() == "Ask a question or type keywords"
    page.fill("#q", "industrial robots for production lines")
    page.press("#q", "Enter")
    page.wait_for_selector(".hit")
    assert page.locator(".hit").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "search-en.png"), full_page=True)
    page.click("#lang-toggle")  # back to Chinese for the other tests (stored in localStorage)


def test_department_page_shows_explicit_and_inferred(page, live_server):
    page.goto(live_server + "/#/departments")
    page.wait_for_selector("#dept-list li")
    page.fill("#dept-filter", "市经信委")
    page.press("#dept-filter", "Enter")
    page.wait_for_selector("#dept-name")
    assert page.inner_text("#dept-name") == "上海市经济和信息化委员会"
    assert int(page.get_attribute("#resp-explicit", "data-count")) >= 1
    assert page.locator("#resp-inferred").count() == 1
    page.screenshot(path=str(ARTIFACTS / "department.png"), full_page=True)


def test_enterprise_form_shows_measures_and_instruments(page, live_server):
    page.goto(live_server + "/#/enterprise")
    page.fill("#industry", "汽车零部件制造")
    page.fill("#plans", "采购工业机器人改造生产线\n申请技改贷款")
    page.select_option("#size", "中小企业")
    page.fill("#district", "嘉定区")
    page.click("#match-form button[type=submit]")
    page.wait_for_selector("#match-measures li")
    assert "二（一）1" in page.inner_text("#match-measures")
    assert page.locator("#match-instruments li").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "enterprise.png"), full_page=True)


def test_unit_page_draws_its_graph(page, live_server):
    page.goto(live_server + "/#/unit/2.1.1")
    page.wait_for_selector("#graph .node")
    assert page.locator("#graph .node").count() > 1
    assert "二（一）1" in page.inner_text("h1")
    page.screenshot(path=str(ARTIFACTS / "unit.png"), full_page=True)
    page.locator("#graph .node:not(.center)[role=link] circle").first.click()
    page.wait_for_function("!location.hash.includes('2.1.1')")


def test_phone_width(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    page.goto(live_server + "/#/search?q=" + "想用工业机器人改造生产线")
    page.wait_for_selector(".hit")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(ARTIFACTS / "search-phone.png"), full_page=True)
    context.close()


def test_the_page_asks_for_needs_and_shows_verdicts_amounts_and_the_plans_support(page, live_server):
    page.goto(live_server + "/#/enterprise")
    assert "项目/需求" in page.inner_text("#match-form") and "改造计划" not in page.inner_text("#match-form")
    page.fill("#needs", "焊装车间二十多个焊工三班倒，人越来越难招，想换成一排焊接机器人加自动上下料")
    page.click("#match-form details.more-fields summary")
    page.fill("#m-place", "上海市嘉定区")
    page.fill("#m-today", "2026-12-07")
    page.click("#match-form button[type=submit]")
    page.wait_for_selector("#match-measures li .verdict")
    first = page.locator("#match-measures li").first
    assert first.locator(".verdict").get_attribute("data-verdict") == "eligible"
    assert "2020-12-31" in first.inner_text() and "资金支持" in first.locator(".doc-support").inner_text()


# ---------------------------------------------------------------- several documents loaded (issue 23)

REAL_DOCS = ("guobanfa-1996-032", "guobanfa-1997-002")  # two short real State Council documents beside the plan


@pytest.fixture(scope="module")
def several_documents_server(tmp_path_factory):
    """A uvicorn server over a data dir built from the bundled plan and two real documents."""
    import shutil

    from api.app import create_app
    from tests.api.live import running
    from workspace.build import build
    from workspace.settings import Settings

    corpus = tmp_path_factory.mktemp("several-corpus")
    for path in (ROOT / "corpus").iterdir():
        shutil.copy(path, corpus / path.name)
    for slug in REAL_DOCS:
        shutil.copy(ROOT / "benchmarks" / "corpus_real" / f"{slug}.txt", corpus / f"{slug}.txt")
    settings = Settings(data_dir=tmp_path_factory.mktemp("several-data"), corpus_dir=corpus)
    build(settings)
    with running(create_app(settings)) as url:
        yield url


@pytest.fixture
def several(browser, several_documents_server):
    context, page, errors = _open_page(browser, several_documents_server, accept_downloads=True)
    yield page
    context.close()
    assert not errors, errors


def _get(page, path: str):
    return page.evaluate("async (p) => (await fetch(p)).json()", path)


def test_every_card_names_its_document_with_its_year(several):
    documents = {d["slug"]: d for d in _get(several, "/documents")["items"]}
    assert set(REAL_DOCS) < set(documents)
    several.fill("#q", "加强领导，明确职责")
    several.press("#q", "Enter")
    several.wait_for_selector(".hit a.doc")
    cards = several.locator(".hit")
    slugs = set()
    for i in range(cards.count()):
        card = cards.nth(i)
        slug = card.get_attribute("data-document")
        link = card.locator("a.doc")
        assert link.get_attribute("data-document") == slug and link.get_attribute("href") == f"#/document/{slug}"
        assert link.get_attribute("title") == documents[slug]["title"]
        slugs.add(slug)
    assert len(slugs) >= 2, slugs  # hits from two documents, told apart by their names
    assert "1996" in several.locator(f'.hit[data-document="{REAL_DOCS[0]}"] a.doc').first.inner_text()
    assert several.locator(".hit .rank").first.get_attribute("title").startswith("按相关度排序的名次")
    first = several.locator(".hit a.doc").first.get_attribute("data-document")
    several.locator(".hit a.doc").first.click()
    several.wait_for_selector("#doc-source")
    assert several.inner_text("#doc-title") == documents[first]["title"]
    several.screenshot(path=str(ARTIFACTS / "search-several-documents.png"), full_page=True)


def test_examples_come_from_the_loaded_documents(several):
    several.wait_for_selector("#examples button")
    buttons = several.locator("#examples button")
    shown = {buttons.nth(i).get_attribute("data-document"): buttons.nth(i).inner_text() for i in range(buttons.count())}
    assert set(REAL_DOCS) <= set(shown), shown  # the real documents give examples, not only the bundled plan
    for slug, question in shown.items():
        assert question in _get(several, f"/source/{slug}")["text"]  # a heading of that document
    buttons.first.click()
    several.wait_for_selector(".hit")


def test_filters_cover_every_kind_and_function_and_the_documents(several):
    from search.types import UNIT_FUNCTIONS, UNIT_KINDS

    several.wait_for_function("document.querySelectorAll('#kind option').length > 1")
    several.wait_for_function("document.querySelectorAll('#doc option').length > 1")
    values = lambda sel: [v for v in several.locator(f"{sel} option").evaluate_all("os => os.map(o => o.value)") if v]
    assert values("#kind") == list(UNIT_KINDS)
    assert sorted(values("#function")) == sorted(UNIT_FUNCTIONS)
    assert set(values("#doc")) == {d["slug"] for d in _get(several, "/documents")["items"]}
    assert "中华人民共和国" in values("#jurisdiction")
    several.select_option("#doc", REAL_DOCS[1])
    several.fill("#q", "防震减灾")
    several.press("#q", "Enter")
    several.wait_for_selector(".hit")
    assert set(several.locator(".hit").evaluate_all("cs => cs.map(c => c.dataset.document)")) == {REAL_DOCS[1]}


def test_the_facet_counts_come_from_the_api_over_the_candidates(several):
    """The facet bar shows the API's counts (over the search's candidates, not the ten cards shown), and a
    document's count narrows the search to that document."""
    several.fill("#q", "加强领导，明确职责")
    several.press("#q", "Enter")
    several.wait_for_selector("#facets")
    answer = several.evaluate("async () => (await fetch('/search?q=' + encodeURIComponent('加强领导，明确职责')"
                              " + '&k=10&facets=true')).json()")
    facets = answer["facets"]
    bar = several.locator("#facets")
    assert int(bar.get_attribute("data-counted")) == facets["counted"] > several.locator(".hit").count()
    shown = {b.get_attribute("data-value"): int(b.get_attribute("data-count"))
             for b in bar.locator('[data-facet="doc"] button').all()}
    assert shown == {c["value"]: c["count"] for c in facets["document"]} and len(shown) >= 2
    assert sum(shown.values()) == facets["counted"]  # every candidate counted once, not only the cards
    years = bar.locator('[data-facet="year"] button').evaluate_all("bs => bs.map(b => b.dataset.value)")
    assert years == [c["value"] for c in facets["year"]]
    assert "不只本页" in bar.inner_text()
    slug = facets["document"][-1]["value"]
    bar.locator(f'[data-facet="doc"] button[data-value="{slug}"]').click()
    several.wait_for_function(f"location.hash.includes('doc={slug}')")
    several.wait_for_selector(f'.hit[data-document="{slug}"]')
    assert set(several.locator(".hit").evaluate_all("cs => cs.map(c => c.dataset.document)")) == {slug}
    several.screenshot(path=str(ARTIFACTS / "search-facets.png"), full_page=True)


def test_search_results_download_as_xlsx_and_csv(several, tmp_path):
    from openpyxl import load_workbook

    several.fill("#q", "加强领导")
    several.press("#q", "Enter")
    several.wait_for_selector("#search-download")
    documents = several.locator(".hit").evaluate_all("cs => cs.map(c => c.dataset.document)")
    with several.expect_download() as info:
        several.click("#search-download button[data-format=xlsx]")
    assert info.value.suggested_filename == "policykg-search.xlsx"
    info.value.save_as(tmp_path / "hits.xlsx")
    rows = list(load_workbook(tmp_path / "hits.xlsx").active.iter_rows(values_only=True))
    assert rows[0][:3] == ("rank", "document", "document_title")
    assert [r[1] for r in rows[1:]] == documents
    with several.expect_download() as info:
        several.click("#search-download button[data-format=csv]")
    assert info.value.suggested_filename == "policykg-search.csv"


def test_a_long_question_is_posted_and_errors_are_explained(several, several_documents_server):
    several.goto(several_documents_server + "/#/search?q=" + "加强防震减灾工作" * 119)  # 952 characters
    several.wait_for_selector(".hit")
    assert several.locator("#long-question").count() == 1 and several.locator(".error").count() == 0
    several.goto(several_documents_server + "/#/search?q=防震&doc=no-such-document")
    several.wait_for_selector(".error")
    text = several.inner_text(".error")
    assert "没有找到所请求的内容" in text and "no-such-document" in text and "HTTP 404" in text


def test_the_match_answer_downloads(several, several_documents_server, tmp_path):
    several.goto(several_documents_server + "/#/enterprise")
    several.fill("#needs", "想用工业机器人改造焊接生产线")
    several.click("#match-form button[type=submit]")
    several.wait_for_selector("#match-download")
    first = several.locator("#match-measures li").first
    assert first.locator(".rank").inner_text().strip() == "#1" and first.locator("a.doc").count() == 1
    with several.expect_download() as info:
        several.click("#match-download button[data-format=csv]")
    info.value.save_as(tmp_path / "answer.csv")
    text = (tmp_path / "answer.csv").read_text(encoding="utf-8-sig")
    assert text.startswith("rank,document,path,heading,kind,start,end,verdict")  # the span each answer rests on


@pytest.mark.parametrize(("lang", "width"), [("zh", 1280), ("zh", 390), ("en", 1280), ("en", 390)],
                         ids=["zh-desktop", "zh-phone", "en-desktop", "en-phone"])
def test_a_corpus_page_at_both_widths_in_both_languages(browser, several_documents_server, tmp_path, lang, width):
    """Issue 23's page with several documents loaded, in each language at a desktop and a phone width: the examples
    come from the loaded documents, every card names its document, every kind can be chosen, an export downloads."""
    from search.types import UNIT_KINDS

    context = browser.new_context(viewport={"width": width, "height": 900}, accept_downloads=True,
                                  locale="zh-CN" if lang == "zh" else "en-US")
    context.add_init_script(f"localStorage.setItem('policykg.lang', '{lang}')")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_default_timeout(30_000)
    page.goto(several_documents_server + "/")
    page.wait_for_selector("#examples button")
    examples = set(page.locator("#examples button").evaluate_all("bs => bs.map(b => b.dataset.document)"))
    assert set(REAL_DOCS) <= examples
    page.wait_for_function("document.querySelectorAll('#kind option').length > 1")
    kinds = [v for v in page.locator("#kind option").evaluate_all("os => os.map(o => o.value)") if v]
    assert kinds == list(UNIT_KINDS)
    page.fill("#q", "加强领导，明确职责" if lang == "zh" else "who leads the work")
    page.press("#q", "Enter")
    page.wait_for_selector(".hit a.doc")
    cards = page.locator(".hit")
    named = page.locator(".hit a.doc").evaluate_all("ls => ls.map(l => l.dataset.document)")
    assert len(named) == cards.count() > 0 and all(named)
    with page.expect_download() as info:
        page.click("#search-download button[data-format=csv]")
    info.value.save_as(tmp_path / "hits.csv")
    assert (tmp_path / "hits.csv").read_text(encoding="utf-8-sig").startswith("rank,document")
    page.screenshot(path=str(ARTIFACTS / f"corpus-page-{lang}-{width}.png"), full_page=True)
    context.close()
    assert not errors, errors
