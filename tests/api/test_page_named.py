"""The page's department view for a body a document names but gives no duty: it says so, shows nothing owned and
lists where the body is named, the name marked in its sentence; a name no document writes still shows the error
with near names. Real headless Chromium against a real uvicorn server over a reply written for these tests."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from api.app import create_app
from tests.api.live import chromium_page, running
from tests.faults.helpers import build_corpus, fault_settings
from tests.kg.test_named_without_duty import MINISTRY, REPLY, SENTENCE

pytestmark = pytest.mark.browser

@pytest.fixture(scope="module")
def server(tmp_path_factory):
    meta = json.dumps({"slug": "reply", "jurisdiction": "中华人民共和国"})
    data = build_corpus(tmp_path_factory, "reply-page", {"reply.txt": REPLY, "reply.meta.json": meta})
    with running(create_app(fault_settings(data))) as url:
        yield url


@pytest.fixture(scope="module")
def page(server):
    with chromium_page() as page:
        page.base = server  # type: ignore[attr-defined]
        yield page


def test_a_named_ministry_shows_where_it_is_named_and_no_duty(page):
    page.goto(page.base + "/#/departments/" + quote(MINISTRY))
    page.wait_for_selector("#named-without-duty")
    assert page.inner_text("#dept-name") == MINISTRY
    assert page.locator("#candidate-note").count() == 1
    assert page.get_attribute("#resp-explicit", "data-count") == "0"
    assert page.get_attribute("#resp-inferred", "data-count") == "0"
    first = page.locator("#named-without-duty li").first
    start = REPLY.index(SENTENCE)
    assert (first.get_attribute("data-start"), first.get_attribute("data-end")) == (str(start), str(start + len(MINISTRY)))
    assert first.locator("mark").inner_text() == MINISTRY
    assert SENTENCE in first.inner_text()
    assert "null" not in page.inner_text("#dept-detail")


def test_a_name_no_document_writes_still_shows_the_error(page):
    page.goto(page.base + "/#/departments/" + quote("国家海洋局"))
    page.wait_for_selector("#dept-detail [role=alert]")
    assert page.get_attribute("#dept-detail [role=alert]", "data-code") == "not_found"
    assert page.locator("#named-without-duty").count() == 0
