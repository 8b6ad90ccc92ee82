"""The page as the three users meet it (sixth round's hand-run flows), in headless Chromium against a real
server: a document's page says what it repeals (by title and 发文字号, a text not loaded too); a short name two
cities share offers both bodies as links; a contact the calculator reads as the lead from the order of a list is
marked inferred, one the text states is not; the genre filter (seventh round): the search form offers the genres the
loaded documents have, a search kept to a genre no document has says the filter is why, and a document's page names
its genre. The corpus of tests/cli/test_flows_r6.py; fake encoder; one server and one browser for all."""

from __future__ import annotations

import pytest

from tests.api.live import chromium_page
from tests.cli.test_flows_r6 import flows_r6_data_dir
from tests.faults.helpers import fault_settings

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from api.app import create_app
    from tests.api.live import running

    with running(create_app(fault_settings(flows_r6_data_dir(tmp_path_factory)))) as url:
        yield url


@pytest.fixture(scope="module")
def page(server):
    with chromium_page() as page:
        yield page


def test_a_document_page_says_what_it_repeals(page, server):
    page.goto(server + "/#/document/guobanfa-2018-117")
    page.wait_for_selector("#doc-links")
    replaces = page.inner_text("#doc-links dd[data-relation=replaces]")
    assert "国办发〔2016〕82号" in replaces and "加大激励支持力度" in replaces
    assert page.locator("#doc-links dd[data-relation=replaces] a").count() == 0  # not loaded: no link to nowhere
    page.goto(server + "/#/document/huizhou-notice")
    page.wait_for_selector("#doc-source")
    assert page.locator("#doc-links").count() == 0  # links nothing: no empty list


def test_a_short_name_two_cities_share_offers_both_bodies(page, server):
    page.goto(server + "/#/departments/" + "市财政局")
    page.wait_for_selector("#dept-choices a")
    names = page.locator("#dept-choices a").all_inner_texts()
    assert sorted(names) == ["惠州市财政局", "江门市财政局"]
    page.locator("#dept-choices a", has_text="江门市财政局").click()
    page.wait_for_selector("#dept-name")
    assert page.inner_text("#dept-name") == "江门市财政局"


def test_an_inferred_lead_among_the_contacts_is_marked(page, server):
    page.goto(server + "/#/enterprise")
    page.wait_for_selector("#match-form")
    page.fill("#needs", "新招用登记失业人员 一次性吸纳就业补贴")
    page.click(".more-fields summary")
    page.fill("#m-place", "惠州市")
    page.click("#match-form button[type=submit]")
    page.wait_for_selector("#match-measures li")
    item = page.locator("#match-measures li", has_text="2000元")
    lead = item.locator(".chip.contact", has_text="惠州市人力资源社会保障局")
    assert lead.locator(".badge.inferred").count() == 1
    stated = item.locator(".chip.contact", has_text="惠州市财政局")
    assert stated.locator(".badge.inferred").count() == 0


def test_a_department_page_names_the_document_and_characters_of_each_duty(page, server):
    import httpx

    duty = httpx.get(server + "/departments/江门市工业和信息化局", timeout=30).json()["responsibilities"]["explicit"][0]
    page.goto(server + "/#/departments/江门市工业和信息化局")
    page.wait_for_selector("#resp-explicit li")
    item = page.locator("#resp-explicit li").first
    assert item.locator("a.doc[data-document=jiangmen-notice]").count() == 1
    item.locator("details.evidence summary").click()
    assert item.locator(".evidence-span").inner_text().endswith(f"[{duty['start']}, {duty['end']})")


def test_the_search_form_offers_the_documents_genres(page, server):
    page.goto(server + "/#/search?q=补贴&genre=通知")
    page.wait_for_selector("#results .status, #results article, #results li")
    page.wait_for_function("document.querySelectorAll('#genre option').length > 1")
    options = page.locator("#genre option").all_inner_texts()
    assert "通知" in options
    assert page.eval_on_selector("#genre", "s => s.value") == "通知"


def test_a_genre_no_document_has_says_the_filter_is_why(page, server):
    page.goto(server + "/#/search?q=补贴&genre=条例")
    page.wait_for_selector("#filtered-out")
    assert "genre 条例" in page.inner_text("#filtered-out")


def test_a_document_page_names_its_genre(page, server):
    page.goto(server + "/#/document/guobanfa-2018-117")
    page.wait_for_selector("#doc-title")
    assert "通知" in page.inner_text("p.meta")
