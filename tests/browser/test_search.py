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
from urllib.parse import parse_qs, quote, urlparse

import pytest

from generators.catalog import build_catalog
from generators.labels import labels, value_label
from generators.models import Document
from generators.pages.common import Ctx
from generators.pages.finding import search_block
from generators.search import MAIN, RECORD_WORD, number_token, shard_of
from generators.validate import validate

from ..conftest import SAMPLE, SAMPLE_AS_OF
from .conftest import open_facets

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
                                       case: dict[str, Any]) -> None:
    if locale not in case.get("editions", EDITIONS):
        pytest.skip(f"a query of the {'/'.join(case['editions'])} edition")
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
@pytest.mark.parametrize("case", RELEVANCE["above"], ids=lambda c: c["query"])
def test_a_record_comes_before_an_overview_that_repeats_it(page: Page, site: str, locale: str,
                                                          case: dict[str, str]) -> None:
    found = results(page, site, case["query"])
    for _ in range(3):  # the UI shows five at a time: "load more" until the record shows
        more = page.locator(".pagefind-ui__button")
        if any(lands(p, case["above"]) for p in found) or not more.count():
            break
        before = len(found)
        more.first.click()
        page.wait_for_function(f"document.querySelectorAll('.pagefind-ui__result').length"
                               f" > {before}", timeout=15000)
        page.wait_for_function("""() => [...document.querySelectorAll('.pagefind-ui__result')]
            .every(r => r.querySelector('.pagefind-ui__result-link'))""", timeout=15000)
        found = [urlparse(h).path for h in page.eval_on_selector_all(
            ".pagefind-ui__result", "rs => rs.map(r => r.querySelector("
            "'.pagefind-ui__result-link').getAttribute('href'))")]
    first = next(i for i, p in enumerate(found) if lands(p, case["above"]))
    assert all(i > first for i, p in enumerate(found) if lands(p, case["below"])), (
        case["why"], found)


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
    colon = "：" if locale == "zh" else ": "
    for key, value in meta.items():
        assert f"{key}{colon}{value}" in tags


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
    # 第 before the sequence, as an order is numbered, is staff's way too
    assert page.evaluate("() => window.portalSearchTerm('京政办发〔2026〕第26号')") \
        == number_token("京政办发〔2026〕26号")


@pytest.mark.parametrize("locale", EDITIONS)
def test_a_facet_narrows_across_every_bundle_with_its_count(page: Page, site: str,
                                                           locale: str) -> None:
    t = labels(locale)
    results(page, site, "北京")
    open_facets(page)
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


def checked(page: Page) -> list[str]:
    return page.eval_on_selector_all(  # type: ignore[no-any-return]
        ".pagefind-ui__filter-checkbox", "cs => cs.filter(c => c.checked)"
        ".map(c => c.name + ':' + c.value)")


@pytest.mark.parametrize("locale", EDITIONS)
def test_the_query_and_facets_live_in_the_address(page: Page, site: str, locale: str) -> None:
    """A search can be bookmarked and sent, and Back undoes a facet: the query and the
    checked facets are the page's address."""
    t = labels(locale)
    kind, document = t("kind"), t("rt-document")
    results(page, site, "北京")
    open_facets(page)
    count = check_facet(page, kind, document)
    page.wait_for_function("k => new URLSearchParams(location.search).has(k)", arg=kind)
    narrowed = page.url
    assert parse_qs(urlparse(narrowed).query) == {"q": ["北京"], kind: [document]}
    page.go_back()
    page.wait_for_function("k => !new URLSearchParams(location.search).has(k)", arg=kind)
    page.wait_for_function("() => !document.querySelector('.pagefind-ui__filter-checkbox:"
                           "checked')", timeout=15000)
    assert page.locator(".pagefind-ui__search-input").input_value() == "北京"
    page.go_forward()
    page.wait_for_function("() => document.querySelector('.pagefind-ui__filter-checkbox:"
                           "checked')", timeout=15000)
    assert checked(page) == [f"{kind}:{document}"]
    # the address opened afresh, as a bookmark: the same query, narrowed the same way
    page.goto("about:blank")
    page.goto(narrowed)
    page.wait_for_function(
        "n => (document.querySelector('.pagefind-ui__message') || {}).textContent"
        "?.includes(String(n))", arg=count, timeout=15000)
    assert checked(page) == [f"{kind}:{document}"]
    assert page.locator(".pagefind-ui__search-input").input_value() == "北京"
    # and its group is open: what narrows the results is in sight
    assert page.locator("details.pagefind-ui__filter-block[open] summary").all_inner_texts() \
        == [kind]


NUMBER_WORD = re.compile(r"wh[0-9a-f]{4,}y\d{4}n\d+h")


@pytest.mark.parametrize("locale", EDITIONS)
def test_no_number_word_shows_in_any_excerpt(page: Page, site: str, locale: str) -> None:
    """The word a number is indexed as ranks the record first but is never shown: it sits
    in the page's text, so Pagefind's excerpt of a number query is the text around it."""
    queries = [c["query"] for c in RELEVANCE["first"]
               if number_token(c["query"].replace("2021-12", "〔2021〕12"))]
    assert len(queries) > 5
    for query in queries:
        results(page, site, query)
        shown = page.locator(".pagefind-ui__results").inner_html()
        assert "pagefind-ui__result-excerpt" in shown
        assert not NUMBER_WORD.search(shown), (query, NUMBER_WORD.search(shown))


@pytest.fixture(scope="module")
def demo_sites(tmp_path_factory: pytest.TempPathFactory, serve: Any) -> dict[str, str]:
    """A demo archive of a few thousand records (many index pages, several search shards)
    built in both editions."""
    from generators.build import build_site
    from generators.demo import generate

    from ..conftest import AS_OF, ROOT

    base = tmp_path_factory.mktemp("demo")
    generate(2500, 5, base / "records", AS_OF)
    return {locale: serve(build_site(ROOT / "mkdocs.yml", base / locale / "site",
                                     records=str(base / "records"), as_of=AS_OF,
                                     locale=locale))
            for locale in EDITIONS}


def facet_block(page: Page, group: str) -> Any:
    """The facet group whose heading is group (a locator, maybe of nothing)."""
    return page.locator("details.pagefind-ui__filter-block").filter(has=page.locator(
        "summary", has_text=re.compile(rf"^{re.escape(group)}$")))


def check_facet(page: Page, group: str, value: str) -> int:
    """Check a facet's value; return the count its label showed."""
    block = facet_block(page, group).first
    if block.get_attribute("open") is None:
        block.locator("summary").click()
    option = block.locator(".pagefind-ui__filter-value").filter(
        has=page.locator(".pagefind-ui__filter-label", has_text=re.compile(
            rf"^{re.escape(value)} \(\d+\)$"))).first
    count = int(re.search(r"\((\d+)\)", option.inner_text())[1])  # type: ignore[index]
    option.locator("input").check()
    return count


@pytest.mark.parametrize("locale", EDITIONS)
def test_a_facet_counts_what_the_dashboard_counts(page: Page, demo_sites: dict[str, str],
                                                  locale: str) -> None:
    """Supervision items, overdue: the search page's facets over the whole archive give
    the home dashboard's figure, and list exactly those items (issue 15: the Overdue
    filter of the old index acted on the 60 rows of one page)."""
    base, t = demo_sites[locale], labels(locale)
    page.goto(base)
    figure = int(page.locator(".tile--overdue strong").inner_text())
    assert figure > 60  # more than one page of an index holds
    page.goto(f"{base}search/")  # no query: "*", every page
    open_facets(page)
    check_facet(page, t("kind"), t("rt-supervision"))
    page.wait_for_function(
        "s => [...document.querySelectorAll('.pagefind-ui__filter-label')].some("
        "l => l.textContent.startsWith(s + ' ('))", arg=value_label("overdue", locale),
        timeout=15000)
    shown = check_facet(page, t("status"), value_label("overdue", locale))
    assert shown == figure
    page.wait_for_function(
        "n => (document.querySelector('.pagefind-ui__message') || {}).textContent"
        "?.includes(String(n))", arg=figure, timeout=30000)
    while page.locator(".pagefind-ui__button").count():  # "Load more"
        page.locator(".pagefind-ui__button").click()
    page.wait_for_function(
        "n => [...document.querySelectorAll('.pagefind-ui__result')].filter(r => "
        "r.querySelector('.pagefind-ui__result-link')).length === n", arg=figure,
        timeout=60000)
    found = {urlparse(h).path for h in page.eval_on_selector_all(
        ".pagefind-ui__result", "rs => rs.map(r => r.querySelector("
        "'.pagefind-ui__result-link').getAttribute('href'))")}
    assert len(found) == figure
    assert all(re.search(r"/supervision/(\d{4}/)?sup-[\w-]+/$", p) for p in found), found


@pytest.mark.parametrize("locale", EDITIONS)
def test_the_page_opens_on_every_record_for_one_word_chunk_per_bundle(
        page: Page, site: str, locale: str) -> None:
    """No query: "*", every record, for RECORD_WORD's chunk of each bundle (Pagefind's own
    filter-only search, or a preload of "*" as typed, fetches every chunk of the word
    index), and no facet file until the reader asks for the facets: then every bundle's,
    with counts that are the query's."""
    t = labels(locale)
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    page.goto(f"{site}search/")
    page.wait_for_function(
        "() => /\\d/.test((document.querySelector('.pagefind-ui__message') || {})"
        ".textContent || '')", timeout=30000)
    page.wait_for_load_state("networkidle")
    bundles = json.loads(page.evaluate(
        "b => fetch(b + 'pagefind/bundles.json').then(r => r.text())", site))
    chunks = [u for u in seen if u.endswith(".pf_index")]
    assert page.input_value(".pagefind-ui__search-input") == "*"
    assert 0 < len(chunks) <= len(bundles), chunks
    assert page.evaluate("() => window.portalSearchTerm('*')") == RECORD_WORD
    assert not [u for u in seen if u.endswith(".pf_filter")]
    assert page.locator(".pagefind-ui__filter-name").count() == 0
    open_facets(page)
    page.wait_for_load_state("networkidle")
    assert page.locator(".pagefind-ui__filter-name").count() >= 4
    assert page.locator("#portal-facets").is_hidden()
    assert {u.split("/pagefind/")[1].split("/")[0] for u in seen
            if u.endswith(".pf_filter")} == set(bundles) - {MAIN}  # MAIN: no record page
    every = facet_counts(page, t("kind"))
    # a query in the same tab: the facets come with it (the tab has asked), counted for it
    results(page, site, "北京")
    page.locator(".pagefind-ui__filter-name").first.wait_for(timeout=30000)
    page.wait_for_function("() => document.querySelector('.pagefind-ui__message')"
                           "?.textContent.includes('北京')", timeout=15000)
    narrowed = facet_counts(page, t("kind"))
    assert narrowed and narrowed != every
    assert all(n <= every.get(value, n) for value, n in narrowed.items())


def facet_counts(page: Page, group: str) -> dict[str, int]:
    """The values of a facet group and the counts beside them ({} if it is not shown)."""
    block = facet_block(page, group)
    if not block.count():
        return {}
    return {m[1]: int(m[2]) for m in (re.match(r"^(.*) \((\d+)\)$", text) for text in
            block.first.locator(".pagefind-ui__filter-label").all_text_contents()) if m}


@pytest.mark.parametrize("locale", EDITIONS)
def test_an_address_that_names_a_facet_opens_the_facets(page: Page, site: str,
                                                        locale: str) -> None:
    """A bookmark or a link with a facet in it, opened in a new tab: the facets show
    without being asked for, their group open, the value checked."""
    t = labels(locale)
    kind, document = t("kind"), t("rt-document")
    page.goto(f"{site}search/?q={quote('北京')}&{quote(kind)}={quote(document)}")
    page.locator(".pagefind-ui__filter-name").first.wait_for(timeout=30000)
    assert checked(page) == [f"{kind}:{document}"]
    assert page.locator("details.pagefind-ui__filter-block[open] summary").all_inner_texts() \
        == [kind]


def test_a_parameter_that_names_no_facet_is_left_out(page: Page, sample_site: str) -> None:
    """A link that carries a parameter of its own (?from=home) still searches: it is no
    facet, so it narrows nothing and leaves the address once the facets are known."""
    page.goto(f"{sample_site}search/?q={quote('北京')}&from=home")
    page.locator(".pagefind-ui__filter-name").first.wait_for(timeout=30000)
    page.wait_for_function("() => !new URLSearchParams(location.search).has('from')",
                           timeout=15000)
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=15000)
    assert parse_qs(urlparse(page.url).query) == {"q": ["北京"]}
    assert checked(page) == []


def test_the_clear_button_goes_back_to_every_record(page: Page, sample_site: str) -> None:
    """Clearing the box shows every record ("*", as the page says), not an empty page, and
    takes the query out of the address, so that a reload does not bring it back."""
    results(page, sample_site, "老旧小区")
    page.locator(".pagefind-ui__search-clear").click()
    page.wait_for_function("() => !new URLSearchParams(location.search).has('q')",
                           timeout=15000)
    assert page.input_value(".pagefind-ui__search-input") == "*"
    page.wait_for_function(
        "() => /\\d/.test((document.querySelector('.pagefind-ui__message') || {})"
        ".textContent || '') && document.querySelector('.pagefind-ui__result-link')",
        timeout=15000)


def test_the_facets_button_hands_the_keyboard_on(page: Page, sample_site: str) -> None:
    """Pressed with the keyboard, the button goes away: the focus goes on to the facets,
    not back to the top of the page."""
    page.goto(f"{sample_site}search/")
    page.locator("#portal-facets button").focus()
    page.keyboard.press("Enter")
    page.locator(".pagefind-ui__filter-name").first.wait_for(timeout=30000)
    page.wait_for_function("() => document.activeElement && document.activeElement"
                           ".classList.contains('pagefind-ui__filter-name')", timeout=15000)


@pytest.mark.parametrize("locale", EDITIONS)
def test_result_tags_are_punctuated_in_the_edition_s_language(page: Page, site: str,
                                                             locale: str) -> None:
    """类型：公文 on a Chinese page (Pagefind's UI writes "类型: 公文"), Kind: Document on an
    English one."""
    results(page, site, "北京")
    page.locator(".pagefind-ui__result-tag").first.wait_for(timeout=15000)
    tags = page.locator(".pagefind-ui__result-tag").all_inner_texts()
    colon = "：" if locale == "zh" else ": "
    assert tags and all(colon in tag for tag in tags), tags[:5]
    if locale == "zh":
        assert not any(": " in tag for tag in tags), tags[:5]


@pytest.mark.parametrize("locale", EDITIONS)
def test_every_record_is_counted_in_words_not_as_a_star(page: Page, site: str,
                                                        locale: str) -> None:
    """The page opens on "*", which no reader types: its count says how many records
    there are (共285条记录), and a query's count is Pagefind's own again."""
    page.goto(f"{site}search/")
    page.wait_for_function(
        "() => /\\d/.test((document.querySelector('.pagefind-ui__message') || {})"
        ".textContent || '')", timeout=30000)
    said = page.locator(".pagefind-ui__message").inner_text()
    assert re.fullmatch(r"共\d+条记录" if locale == "zh" else r"\d+ records", said), said
    page.fill(".pagefind-ui__search-input", "北京")
    page.wait_for_function("() => document.querySelector('.pagefind-ui__message')"
                           "?.textContent.includes('北京')", timeout=15000)
