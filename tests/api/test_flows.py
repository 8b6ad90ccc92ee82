"""Each user's flow in real Chromium, in both languages at 1280 and 390 px, with screenshots to test-artifacts/:
enterprise form → measures with contacts and amounts; department → owned units; question → unit → its source.
The Chinese page shows no English word (proper nouns and identifiers aside)."""

from __future__ import annotations

import re

import pytest

from tests.api.test_page import ARTIFACTS, browser  # noqa: F401 — the module's Chromium fixture

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
# Words allowed on the Chinese page: the product's name, the footer's format links, the language switch
ALLOWED = {"PolicyKG", "API", "Turtle", "healthz", "EN", "CSV", "XLSX", "Excel"}  # names of products and formats
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")


def english_words(text: str) -> list[str]:
    """Latin words of a page's text that are neither allowed names nor identifiers (slugs, keys, IRIs)."""
    found = []
    for token in re.findall(r"\S+", text):
        if re.search(r"https?://|\d|[a-z]+-[a-z0-9-]+", token):  # an IRI, a key, a slug
            continue
        found += [w for w in _WORD.findall(token) if w not in ALLOWED]
    return found


@pytest.fixture(params=[(lang, size) for lang in ("zh", "en") for size in WIDTHS], ids=lambda p: f"{p[0]}-{p[1]}")
def flow_page(request, browser, live_server):  # noqa: F811
    lang, size = request.param
    context = browser.new_context(viewport=WIDTHS[size], locale="zh-CN" if lang == "zh" else "en-US",
                                  device_scale_factor=2 if size == "phone" else 1)
    context.add_init_script(f"localStorage.setItem('policykg.lang', '{lang}')")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_default_timeout(60_000)
    page.lang, page.size, page.base = lang, size, live_server  # type: ignore[attr-defined]
    yield page
    context.close()
    assert not errors, errors


def _check_page(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"flow-{name}-{page.lang}-{page.size}.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"] + 1
    if page.lang == "zh":
        words = english_words(page.inner_text("body"))
        assert not words, f"English on the Chinese page ({name}): {sorted(set(words))}"


def test_enterprise_form_to_measures_with_contacts_and_amounts(flow_page):
    page = flow_page
    page.goto(page.base + "/#/enterprise")
    page.fill("#industry", "汽车零部件制造")
    page.fill("#plans", "采购工业机器人改造生产线\n申请技改贷款")
    page.select_option("#size", "大型企业")
    page.fill("#district", "嘉定区")
    page.click("#match-form button[type=submit]")
    page.wait_for_selector("#match-measures li")
    assert "嘉定区" in page.inner_text("#district-office") or "Jiading" in page.inner_text("#district-office")
    for item in page.locator("#match-measures li.measure").all():
        assert item.locator(".contact").count() >= 1 or item.locator(".no-owner").count() == 1
    reason = page.locator("#match-measures .reason").first.inner_text()
    assert ("对应原文" in reason) if page.lang == "zh" else ("matches" in reason or "close in meaning" in reason)
    assert page.locator("#match-instruments li").count() >= 1
    _check_page(page, "enterprise")


def test_department_to_the_units_it_owns(flow_page):
    page = flow_page
    page.goto(page.base + "/#/departments/" + "市经信委")
    page.wait_for_selector("#dept-name")
    assert page.inner_text("#dept-name") == "上海市经济和信息化委员会"
    explicit = page.locator("#resp-explicit")
    assert int(explicit.get_attribute("data-count")) >= 1
    # explicit first, the inferred folded by rule
    assert page.evaluate("document.querySelector('#resp-explicit').compareDocumentPosition("
                         "document.querySelector('#resp-inferred')) & Node.DOCUMENT_POSITION_FOLLOWING")
    assert page.locator("#resp-inferred details[open]").count() == 0
    _check_page(page, "department")
    explicit.locator("a").first.click()
    page.wait_for_selector("#unit-text")
    _check_page(page, "department-unit")


def test_question_to_unit_to_its_source(flow_page):
    page = flow_page
    question = "想用工业机器人改造生产线" if page.lang == "zh" else "industrial robots for production lines"
    page.goto(page.base + "/")
    page.wait_for_selector("#home li")  # what is loaded
    _check_page(page, "home")
    page.fill("#q", question)
    page.press("#q", "Enter")
    page.wait_for_selector(".hit")
    _check_page(page, "search")
    page.locator(".hit h3 a").first.click()
    page.wait_for_selector("#source-span")
    unit_text = page.inner_text("#unit-text").strip()
    assert page.inner_text("#source-span").strip()[:20] in unit_text
    _check_page(page, "unit-source")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_question_the_documents_do_not_answer(browser, live_server, lang):  # noqa: F811
    context = browser.new_context(viewport=WIDTHS["desktop"])
    context.add_init_script(f"localStorage.setItem('policykg.lang', '{lang}')")
    page = context.new_page()
    page.goto(live_server + "/#/search?q=" + ("如何申请护照" if lang == "zh" else "how to apply for a passport"))
    page.wait_for_selector("#hit-count")
    if page.locator("#not-relevant").count():
        assert page.locator(".hit.nearest").count() == page.locator(".hit").count()
    page.screenshot(path=str(ARTIFACTS / f"flow-not-relevant-{lang}.png"), full_page=True)
    if lang == "zh":
        assert not english_words(page.inner_text("body"))
    context.close()


@pytest.mark.parametrize(("text", "expected"), [
    ("PolicyKG 检索 API", []), ("上海市 2.1.1 shanghai-technical-plan", []), ("出错了：not found", ["not", "found"])])
def test_english_words(text, expected):
    assert english_words(text) == expected


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_enterprise_nothing_fits_gets_the_empty_state(browser, live_server, lang):  # noqa: F811
    context = browser.new_context(viewport=WIDTHS["phone"])
    context.add_init_script(f"localStorage.setItem('policykg.lang', '{lang}')")
    page = context.new_page()
    page.goto(live_server + "/#/enterprise")
    page.fill("#industry", "宠物美容")
    page.fill("#plans", "开一家宠物美容店")
    page.click("#match-form button[type=submit]")
    page.wait_for_selector("#match-empty")
    page.screenshot(path=str(ARTIFACTS / f"flow-enterprise-empty-{lang}.png"), full_page=True)
    if lang == "zh":
        assert not english_words(page.inner_text("body"))
    context.close()
