"""Search that knows the office, in chromium on the built sample, in both editions: a number
in any form staff type finds its record first, records come before the listings that name
them, results say what they are, facets narrow across every bundle of the index.

The queries and their expected first results are data (relevance.json): a query that lands
wrong is added there."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlparse

import pytest

from generators.catalog import build_catalog
from generators.labels import labels
from generators.models import Document
from generators.pages.common import Ctx
from generators.pages.finding import search_block
from generators.search import number_token, shard_of
from generators.validate import validate

from ..conftest import SAMPLE, SAMPLE_AS_OF

pytestmark = pytest.mark.browser
Page = Any
RELEVANCE = json.loads((Path(__file__).with_name("relevance.json")).read_text("utf-8"))
EDITIONS = ["en", "zh"]


@pytest.fixture
def site(request: pytest.FixtureRequest) -> str:
    """The sample built in the edition of the test's `locale` (en: three merged shards)."""
    locale = request.node.callspec.params["locale"]
    return request.getfixturevalue("sample_site" if locale == "en" else "zh_site")  # type: ignore[no-any-return]


def results(page: Page, base: str, query: str) -> list[str]:
    """The paths of the pages the search page lists for the query, best first."""
    page.goto(f"{base}search/?q={quote(query)}")
    first = page.locator(".pagefind-ui__result").first.locator(".pagefind-ui__result-link")
    first.first.wait_for(timeout=15000)
    # every result's own link (the first of its block), once each has loaded its data
    page.wait_for_function("""() => [...document.querySelectorAll('.pagefind-ui__result')]
        .every(r => r.querySelector('.pagefind-ui__result-link'))""", timeout=15000)
    hrefs = page.eval_on_selector_all(
        ".pagefind-ui__result", "rs => rs.map(r => r.querySelector('.pagefind-ui__result-link')"
        ".getAttribute('href'))")
    return [urlparse(h).path for h in hrefs]


def lands(path: str, expected: str) -> bool:
    return path.rstrip("/").endswith("/" + expected.rstrip("/")) if expected else path == "/"


@pytest.mark.parametrize("locale", EDITIONS)
@pytest.mark.parametrize("case", RELEVANCE["first"], ids=lambda c: c["query"])
def test_the_expected_page_comes_first(page: Page, site: str, locale: str,
                                       case: dict[str, str]) -> None:
    found = results(page, site, case["query"])
    assert lands(found[0], case["first"]), (case["why"], found)


@pytest.mark.parametrize("locale", EDITIONS)
@pytest.mark.parametrize("case", RELEVANCE["records_over_listings"], ids=lambda c: c["query"])
def test_records_come_before_the_listings_that_name_them(page: Page, site: str, locale: str,
                                                        case: dict[str, str]) -> None:
    # the listing's table holds the title, but tables of other records are not indexed
    found = results(page, site, case["query"])
    assert lands(found[0], case["record"]), found
    assert not [p for p in found if lands(p, case["listing"])], found


@pytest.mark.parametrize("locale", EDITIONS)
def test_a_result_says_its_type_number_date_and_status(page: Page, site: str,
                                                      locale: str) -> None:
    recs, _ = validate(SAMPLE, "records", SAMPLE_AS_OF)
    cat = build_catalog(recs, SAMPLE_AS_OF, "internal")
    doc = cat.by_id["doc-2019-004"]
    assert isinstance(doc, Document)
    results(page, site, doc.number)
    tags = page.locator(".pagefind-ui__result").first.locator(
        ".pagefind-ui__result-tags").inner_text()
    t = labels(locale)
    meta = dict(re.findall(r'data-pagefind-meta="([^"]+)">([^<]*)<',
                           search_block(Ctx(cat, locale), doc)))
    assert set(meta) == {t("kind"), t("number"), t("date"), t("status")}
    for key, value in meta.items():
        assert f"{key}: {value}" in tags


def test_the_page_turns_a_typed_number_into_the_indexed_word(page: Page,
                                                             sample_site: str) -> None:
    page.goto(f"{sample_site}search/")
    page.wait_for_function("() => window.portalSearchTerm")
    for case in RELEVANCE["first"]:
        query = case["query"]
        typed = page.evaluate("q => window.portalSearchTerm(q)", query)
        expected = number_token(query.replace("2021-12", "〔2021〕12"))
        if expected:
            assert typed == expected, query
    assert page.evaluate("() => window.portalSearchTerm('第0359号')") == "0359"


@pytest.mark.parametrize("locale", EDITIONS)
def test_a_facet_narrows_across_every_bundle_with_its_count(page: Page, site: str,
                                                           locale: str) -> None:
    t = labels(locale)
    results(page, site, "北京")
    group = page.locator(".pagefind-ui__filter-panel details", has_text=t("kind")).first
    group.locator("summary").click()
    option = group.locator(".pagefind-ui__filter-value", has_text=t("rt-document")).first
    label = option.inner_text()
    count = int(re.search(r"\((\d+)\)", label)[1])  # type: ignore[index]
    assert count > 5
    option.locator("input").check()
    page.wait_for_function(
        "n => (document.querySelector('.pagefind-ui__message') || {}).textContent"
        "?.includes(String(n))", arg=count, timeout=15000)
    while page.locator(".pagefind-ui__button").count():  # "Load more"
        page.locator(".pagefind-ui__button").click()
    page.wait_for_function(
        "n => [...document.querySelectorAll('.pagefind-ui__result')].filter(r => "
        "r.querySelector('.pagefind-ui__result-link')).length === n", arg=count,
        timeout=15000)
    found = [urlparse(h).path for h in page.eval_on_selector_all(
        ".pagefind-ui__result", "rs => rs.map(r => r.querySelector("
        "'.pagefind-ui__result-link').getAttribute('href'))")]
    assert len(found) == count
    assert all(re.search(r"/documents/\d{4}/doc-[\w-]+/$", p) for p in found), found
    if locale == "en":  # the English sample is indexed in three shards, merged by the page
        shards = {shard_of(p.strip("/") + ".md", 3) for p in found}
        assert len(shards) > 1, shards
