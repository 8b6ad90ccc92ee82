"""The web page in real headless Chromium against a real uvicorn server; screenshots to test-artifacts/."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import ROOT

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
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


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_default_timeout(30_000)
    page.goto(live_server + "/")
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
