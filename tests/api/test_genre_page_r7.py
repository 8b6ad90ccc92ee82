"""The page's genre filter (issue 20), in headless Chromium against a real server: the search form offers the
genres the loaded documents have, a search kept to a genre no document has says the filter is why, and a
document's page names its genre. The corpus of tests/cli/test_flows_r6.py (three notices); fake encoder."""

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
