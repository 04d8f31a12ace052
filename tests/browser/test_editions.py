"""The two languages of a published edition, in the browser: Material's script runs."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser
Page = Any


def _switch(page: Page, lang: str) -> None:
    page.locator(".md-header__option .md-select").hover()  # the list opens on hover
    with page.expect_navigation():
        page.locator(f'a.md-select__link[hreflang="{lang}"]').click()


@pytest.mark.parametrize("path", ["documents/2026/doc-b/", "officials/", ""])
def test_the_language_selector_leads_to_the_same_page_and_back(page: Page, editions_site: str,
                                                               path: str) -> None:
    page.goto(f"{editions_site}2026.11/{path}")
    assert page.locator("html").get_attribute("lang") == "zh"
    _switch(page, "en")
    assert urlparse(page.url).path == f"/en/2026.11/{path}"
    assert page.locator("html").get_attribute("lang") == "en"
    _switch(page, "zh")
    assert urlparse(page.url).path == f"/2026.11/{path}"


def test_the_english_editions_have_their_own_edition_selector(page: Page,
                                                              editions_site: str) -> None:
    page.goto(editions_site + "en/latest/")
    page.wait_for_selector(".md-version__current", timeout=15000)
    assert "November 2026" in page.locator(".md-version__current").inner_text()
    titles = {t.strip() for t in page.locator(".md-version__link").all_inner_texts()}
    assert {"November 2026", "October 2026"} <= titles
