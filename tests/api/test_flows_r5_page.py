"""The page as a new user meets it (fifth round's hand-run flows), in headless Chromium against a real server:
the departments list starts with the bodies the documents name most (not with a 居民委员会 a text names
once); a document's issuer given as the contact is named as the issuer, without the badge of the document's
supervisor or evaluator. Two real State Council documents and the traditional-script city notice of
tests/cli/test_flows_r5.py; fake encoder."""

from __future__ import annotations

import pytest

from tests.api.live import chromium_page
from tests.faults.helpers import fault_settings

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(flows_r5_data_dir):
    from api.app import create_app
    from tests.api.live import running

    with running(create_app(fault_settings(flows_r5_data_dir))) as url:
        yield url


@pytest.fixture(scope="module")
def page(server):
    with chromium_page() as page:
        yield page


def test_the_departments_list_starts_with_the_bodies_named_most(page, server):
    import httpx

    items = httpx.get(server + "/departments", timeout=30).json()["items"]
    mentions = {d["pref_label"]: d["mentions"] for d in items}
    page.goto(server + "/#/departments")
    page.wait_for_selector("#dept-list li")
    shown = [li.split("\n")[0] for li in page.locator("#dept-list li").all_inner_texts()]
    assert sorted(shown) == sorted(mentions)
    assert [mentions[name] for name in shown] == sorted(mentions.values(), reverse=True)
    assert mentions[shown[0]] > mentions[shown[-1]]


def test_an_issuer_contact_is_not_badged_as_the_documents_supervisor(page, server):
    page.goto(server + "/#/enterprise")
    page.fill("#needs", "孩子上初中，子女教育个税每月能扣多少")
    page.locator("form button.primary").first.click()
    page.wait_for_selector(".contacts .chip.contact")
    chip = page.locator(".contacts .chip.contact").first
    assert "国务院" in chip.inner_text() and "发文机关" in chip.inner_text()
    assert chip.locator(".badge").count() == 0


def test_a_filter_no_document_passes_is_named_as_why_nothing_is_found(page, server):
    page.goto(server + "/#/search?q=%E8%A1%A5%E8%B4%B4&year=2030")  # 补贴, in a year no document covers
    page.wait_for_selector("#filtered-out")
    assert "year 2030" in page.inner_text("#filtered-out")
    assert page.locator("#not-relevant").count() == 0
    page.goto(server + "/#/search?q=%E8%A1%A5%E8%B4%B4&year=2023")  # the city notice's year: hits, no such note
    page.wait_for_selector("ol.hits li")
    assert page.locator("#filtered-out").count() == 0


def test_a_question_naming_a_body_links_to_its_department_page(page, server):
    page.goto(server + "/#/search?q=" + "%E5%BA%94%E6%80%A5%E9%83%A8%E8%B4%9F%E8%B4%A3%E5%93%AA%E4%BA%9B%E5%B7%A5%E4%BD%9C")
    page.wait_for_selector("#dept-hint a")  # 应急部负责哪些工作: the body by its short name
    links = page.locator("#dept-hint a")
    assert links.count() == 1 and links.first.get_attribute("data-department") == "应急管理部"
    links.first.click()
    page.wait_for_selector("#dept-name")
    assert page.inner_text("#dept-name") == "应急管理部"
    assert int(page.get_attribute("#resp-explicit", "data-count")) >= 1
    page.goto(server + "/#/search?q=%E8%A1%A5%E8%B4%B4")  # 补贴 names no body: no hint
    page.wait_for_selector("ol.hits li")
    page.wait_for_timeout(500)
    assert page.locator("#dept-hint").count() == 0
