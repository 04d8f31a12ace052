"""What staff do in their browser: dashboard, search, tables, charts, editions, a11y."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlparse

import pytest

from generators.catalog import build_catalog
from generators.models import Supervision
from generators.validate import validate

from ..conftest import SAMPLE, SAMPLE_AS_OF
from .conftest import AXE, RESULTS, watch

pytestmark = pytest.mark.browser
Page = Any


@pytest.fixture(scope="module")
def cat() -> Any:
    recs, _ = validate(SAMPLE, "records", SAMPLE_AS_OF)
    return build_catalog(recs, SAMPLE_AS_OF, "internal")


def test_dashboard_shows_the_overdue_items(page: Page, sample_site: str, cat: Any) -> None:
    """The tile counts them; the desk's block lists them, most overdue first."""
    page.goto(sample_site)
    overdue = sorted((s for s in cat.of(Supervision)
                      if cat.supervision[s.id].status == "overdue"),
                     key=lambda s: -cat.supervision[s.id].days_overdue)
    tile = page.locator("a.tile--overdue strong").inner_text()
    assert int(tile) == len(overdue)
    rows = page.locator("#desk-supervision tbody tr")
    assert 0 < rows.count() <= len(overdue)
    days = [int(rows.nth(i).locator("td").nth(3).inner_text()) for i in range(rows.count())]
    assert days == [cat.supervision[s.id].days_overdue for s in overdue][:rows.count()]
    page.click("a.tile--overdue")
    page.wait_for_url(re.compile(r"/supervision/\?status=overdue"))


def search(page: Page, base: str, query: str) -> list[str]:
    """Type into the header's search box, as staff do, and read Pagefind's results."""
    page.goto(base)
    box = page.locator("form.portal-search input")
    box.fill(query)
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search/"))
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
    return [a.get_attribute("href") or "" for a in
            page.locator(".pagefind-ui__result-link").all()]


@pytest.mark.parametrize(("query", "expected"), [
    ("Dongcheng", "units/dongcheng/"),
    ("东城区", "units/dongcheng/"),
    ("酒仙桥", "requests/2026/req-2026-001/"),
    ("加装电梯进度", "briefings/2026/brf-2026-002/"),
])
def test_search_finds_english_and_chinese_words(page: Page, sample_site: str, query: str,
                                                expected: str) -> None:
    hrefs = search(page, sample_site, query)
    target = next((h for h in hrefs if urlparse(h).path.endswith(expected)), None)
    assert target, f"{query}: {hrefs}"
    page.locator(f'.pagefind-ui__result-link[href="{target}"]').first.click()
    page.wait_for_url(re.compile(re.escape(expected)))
    assert query in page.locator("article").inner_text()


def test_search_in_the_chinese_interface(page: Page, zh_site: str) -> None:
    hrefs = search(page, zh_site, "酒仙桥")
    assert any(urlparse(h).path.endswith("requests/2026/req-2026-001/") for h in hrefs), hrefs


def column(page: Page, table: str, index: int) -> list[str]:
    cells = page.locator(f"#{table} tbody tr:not([hidden]) td:nth-child({index + 1})")
    return [c.inner_text().strip() for c in cells.all()]


def test_supervision_table_sorts_filters_and_survives_back(page: Page,
                                                           sample_site: str) -> None:
    # the finder's table (finder.js) takes the static table's place
    page.goto(sample_site + "supervision/")
    page.wait_for_selector(".finder[data-ready]")
    table = "finder-supervision-table"
    page.locator(f"#{table} thead th", has_text="Deadline").click()
    deadlines = column(page, table, 3)
    assert deadlines == sorted(deadlines) and len(deadlines) > 30
    page.locator(f"#{table} thead th", has_text="Deadline").click()
    assert column(page, table, 3) == sorted(deadlines, reverse=True)
    select = page.locator(".finder select[name=lead]")
    unit = select.locator("option", has_text="Municipal Transport Commission")
    select.select_option(value=unit.get_attribute("value"))
    leads = column(page, table, 1)
    assert leads and set(leads) == {"Municipal Transport Commission"}
    filtered = column(page, table, 0)
    page.locator(f"#{table} tbody tr td a").first.click()
    page.wait_for_url(re.compile(r"/supervision/sup-"))
    page.go_back()
    page.wait_for_selector(".finder[data-ready]")
    assert select.input_value() == unit.get_attribute("value")
    assert column(page, table, 0) == filtered


def test_liaison_table_filters_by_reply_category(page: Page, sample_site: str,
                                                 cat: Any) -> None:
    page.goto(sample_site + "liaison/")
    page.wait_for_selector(".finder[data-ready]")
    page.locator(".finder select[name=reply_category]").select_option(value="A")
    cats = column(page, "finder-liaison-table", 6)
    want = sum(1 for li in cat.of(__import__("generators.models", fromlist=["Liaison"])
                                  .Liaison) if li.reply and li.reply.category == "A")
    assert {c[:1] for c in cats} == {"A"} and len(cats) == want


def test_charts_are_visible_with_text_alternatives_and_tables(page: Page,
                                                              sample_site: str) -> None:
    for url in ("supervision/", "appraisal/2025/", "information/hotline/", "liaison/"):
        page.goto(sample_site + url)
        charts = page.locator("figure.chart img")
        assert charts.count() >= 1, url
        for i in range(charts.count()):
            img = charts.nth(i)
            img.scroll_into_view_if_needed()
            page.wait_for_function("el => el.complete && el.naturalWidth > 0",
                                   arg=img.element_handle())
            box = img.bounding_box()
            assert box and box["width"] > 200 and box["height"] > 100, url
            assert img.get_attribute("alt")
    page.goto(sample_site + "supervision/")
    src = page.locator("figure.chart img").first.get_attribute("src")
    svg = page.evaluate("src => fetch(src).then(r => r.text())", src)
    # a label wrapped onto lines is one group of <text> lines (charts._fit_ticks)
    labels = {" ".join(re.findall(r">([^<>]+)</text>", g))
              for g in re.findall(r'<g id="text_\d+">(.*?)</g>', svg, re.S)}
    table = page.locator("details.chart-data table tbody tr")
    rows = [(r.locator("td").nth(0).inner_text(), r.locator("td").nth(1).inner_text())
            for r in table.all()]
    assert {name for name, _n in rows} <= {t.strip() for t in labels}
    figures = {name: int(n) for name, n in rows}
    tiles = dict(zip(page.locator("dl.meta dt").all_inner_texts(),
                     page.locator("dl.meta dd").all_inner_texts(), strict=True))
    assert all(figures[k] == int(v) for k, v in tiles.items())


def test_edition_selector_lists_and_switches_editions(page: Page, editions_site: str) -> None:
    page.goto(editions_site + "latest/")
    page.wait_for_selector(".md-version__current", timeout=15000)
    assert "November 2026" in page.locator(".md-version__current").inner_text()
    titles = page.locator(".md-version__link").all_inner_texts()
    assert {"November 2026", "October 2026"} <= {t.strip() for t in titles}
    versions = json.loads(page.evaluate("fetch('../versions.json').then(r => r.text())"))
    assert [v["version"] for v in versions] == ["2026.11", "2026.10"]
    page.locator(".md-version").hover()
    page.locator(".md-version__link", has_text="October 2026").click()
    page.wait_for_url(re.compile(r"/2026\.10/"))
    assert "October 2026" in page.locator(".md-version__current").inner_text()
    # search inside an edition leads to that edition's pages
    hrefs = search(page, editions_site + "2026.10/", "congestion")
    assert hrefs and all(urlparse(h).path.startswith("/2026.10/") for h in hrefs), hrefs


@pytest.mark.parametrize("url", ["", "documents/2019/doc-2019-004/", "supervision/",
                                 "appraisal/2025/", "information/hotline/"])
def test_no_serious_accessibility_violation(page: Page, sample_site: str, url: str) -> None:
    # an init script, not a <script> tag: the page's security policy would refuse that
    page.add_init_script(path=str(AXE))
    page.goto(sample_site + url)
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [(v["id"], v["impact"], len(v["nodes"]), v["nodes"][0]["target"])
               for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], url


@pytest.mark.parametrize(("name", "url"), [
    ("home", ""), ("document", "documents/2019/doc-2019-004/"),
    ("supervision", "supervision/"), ("appraisal", "appraisal/2025/")])
def test_screenshots_at_desktop_and_phone_widths(browser: Any, sample_site: str,
                                                 requests_seen: list[str], name: str,
                                                 url: str) -> None:
    out = RESULTS / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    for label, size in (("desktop", (1280, 900)), ("phone", (390, 844))):
        ctx = browser.new_context(viewport={"width": size[0], "height": size[1]},
                                  is_mobile=label == "phone")
        pg = ctx.new_page()
        problems = watch(pg, requests_seen)
        pg.goto(sample_site + url)
        path = out / f"{name}-{label}.png"
        pg.screenshot(path=str(path), full_page=True)
        ctx.close()
        assert path.stat().st_size > 10_000
        assert problems == [], problems


def test_a_listing_s_count_follows_its_filters(page: Page, zh_site: str) -> None:
    """A one-page listing (the incidents) says how many rows its filters leave, as the
    finders do; with no filter, the whole count again."""
    page.goto(zh_site + "incidents/")
    count = page.locator("p.count[data-table=incidents]")
    whole = count.inner_text()
    rows = page.locator("table#incidents tbody tr")
    total = rows.count()
    assert whole == f"共{total}条"
    status = page.locator(".table-tools select").nth(2)  # 状态
    status.select_option(index=1)
    shown = page.locator("table#incidents tbody tr:not([hidden])").count()
    assert 0 < shown < total and count.inner_text() == f"共{shown}条"
    status.select_option(index=0)
    assert count.inner_text() == whole
