"""Hostile record text, opened in chromium: every page that shows it, and search results.

The `page` fixture fails a test on any dialog and on any breach of the pages'
Content-Security-Policy (conftest.py); the archive is tests/hostile.py's, built for the
restricted audience (every record shows) in both editions.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from generators.build import build_site

from ..conftest import AS_OF, ROOT, VALID
from ..hostile import MARK, hostile_archive, previous_edition
from .conftest import open_facets, watch

pytestmark = pytest.mark.browser
Page = Any


@pytest.fixture(scope="module")
def hostile_sites(tmp_path_factory: pytest.TempPathFactory,
                  serve: Any) -> dict[str, tuple[Path, str]]:
    base = tmp_path_factory.mktemp("hostile-browser")
    records, _ = hostile_archive(VALID, base / "records")
    out = {}
    for locale in ("en", "zh"):
        site = build_site(ROOT / "mkdocs.yml", base / locale / "site", records=str(records),
                          as_of=AS_OF, audience="restricted", locale=locale,
                          options={"edition": "hostile",
                                   "previous_edition": str(previous_edition(base))})
        out[locale] = (site, serve(site))
    return out


def showing(site: Path) -> list[str]:
    """URLs (relative to the site) of the pages that show planted text."""
    urls = []
    for path in sorted(site.rglob("*.html")):
        if "pagefind" in path.parts or MARK not in path.read_text(encoding="utf-8"):
            continue
        rel = path.relative_to(site).as_posix()
        urls.append(rel[:-len("index.html")] if rel.endswith("index.html") else rel)
    return urls


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_no_page_that_shows_hostile_text_runs_it(page: Page, locale: str,
                                                 hostile_sites: dict[str, tuple[Path, str]]
                                                 ) -> None:
    site, base = hostile_sites[locale]
    urls = showing(site)
    assert len(urls) > 30, urls
    titled = 0
    for url in urls:
        page.goto(base + url)
        page.wait_for_load_state("load")
        titled += MARK in page.title()
        # the markup is shown as text, and no element it names exists
        assert page.locator("img[src='x'], svg[onload], iframe").count() == 0, url
    assert titled > 20  # record pages: the planted title reaches <title> as text
    page.goto(base + "documents/2025/doc-a/")
    assert "</title></script><script>alert('title')</script><img src=x" in page.title()


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_search_shows_hostile_titles_and_excerpts_as_text(
        page: Page, locale: str, hostile_sites: dict[str, tuple[Path, str]]) -> None:
    _site, base = hostile_sites[locale]
    page.goto(base + f"search/?q={MARK}")
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
    for _ in range(10):  # every result, not only the first page of them
        more = page.locator(".pagefind-ui__button")
        if not more.count():
            break
        more.first.click()
        page.wait_for_timeout(200)
    results = page.locator(".pagefind-ui__results")
    titles = page.locator(".pagefind-ui__result-title").all_inner_texts()
    assert len(titles) > 20
    assert any("<img src=x onerror=alert(1)>" in t for t in titles), titles[:5]
    assert "<svg onload=alert(2)>" in results.inner_text()  # excerpts, as text
    assert results.locator("img, svg[onload], script, iframe").count() == 0
    # the facets: unit and topic names reach Pagefind UI's labels, which it writes as HTML
    open_facets(page)
    panel = page.locator(".pagefind-ui__filter-panel")
    assert panel.locator(".pagefind-ui__filter-label").count() > 5
    assert panel.locator("img, svg, script, iframe, b").count() == 0


def test_a_script_smuggled_into_a_page_is_refused(browser: Any, requests_seen: list[str],
                                                  hostile_sites: dict[str, tuple[Path, str]]
                                                  ) -> None:
    """The policy is the second line: if record text ever escaped its escaping, the script
    it carries would not run (and the browser reports the attempt)."""
    site, base = hostile_sites["en"]
    built = (site / "documents/2025/doc-a/index.html").read_text(encoding="utf-8")
    smuggled = re.sub(r"(<article[^>]*>)", r"\1<script>alert('smuggled')</script>"
                      r"<img src=x onerror=\"alert('handler')\">", built, count=1)
    assert smuggled != built
    (site / "documents/2025/doc-a/smuggled.html").write_text(smuggled, encoding="utf-8")
    ctx = browser.new_context()
    pg = ctx.new_page()
    problems = watch(pg, requests_seen)
    pg.goto(base + "documents/2025/doc-a/smuggled.html")
    pg.wait_for_load_state("load")
    pg.wait_for_timeout(300)
    ctx.close()
    assert not any("dialog" in p for p in problems), problems
    assert sum("policy: script-src" in p for p in problems) >= 2, problems
