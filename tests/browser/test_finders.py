"""The finders (assets/portal/finder.js) on a demo archive of a few thousand records, in
chromium: a facet counts what the dashboards count, across what used to be pages; a sort
starts where the archive does; the state is in the URL and survives reload and Back; the
phone layout does not scroll sideways.  Screenshots go to test-results/screenshots/."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from generators.build import build_site
from generators.catalog import build_catalog
from generators.demo import REFERENCE_DAY, generate
from generators.models.supervision import Supervision
from generators.pages.indexes import FINDERS, PER_PAGE
from generators.validate import validate

from ..conftest import ROOT
from .conftest import DESK, PHONE, RESULTS
from .test_layout import _MEASURE, TOUCH_MIN, _common

pytestmark = pytest.mark.browser
Page = Any

DEMO_RECORDS = 2500


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, serve: Any) -> tuple[str, dict[str, Any]]:
    """The demo archive built in Chinese (the office's edition), and what its Catalog says."""
    root = tmp_path_factory.mktemp("finders")
    records = root / "records"
    generate(DEMO_RECORDS, 1, records, REFERENCE_DAY)
    recs, report = validate(records, "records", REFERENCE_DAY, use_cache=False)
    assert not report.errors
    cat = build_catalog(recs, REFERENCE_DAY, "internal")
    sups = cat.of(Supervision)
    facts = {"overdue": sum(cat.supervision[s.id].status == "overdue" for s in sups),
             "earliest": str(min(s.deadline for s in sups)),
             "latest": str(max(s.deadline for s in sups)), "items": len(sups)}
    site = build_site(ROOT / "mkdocs.yml", root / "site", records=str(records),
                      as_of=REFERENCE_DAY, locale="zh")
    return serve(Path(site)), facts



def _ready(pg: Page, url: str) -> None:
    pg.goto(url)
    pg.wait_for_selector(".finder[data-ready]")


def _count(pg: Page) -> int:
    text = pg.inner_text(".finder .count")
    found = re.search(r"\d+", text)
    assert found, text
    return int(found.group())


def _deadlines(pg: Page) -> list[str]:
    # the 完成时限 column's cells (a days column is kept on one line too: td.nw is not it)
    return pg.evaluate("""() => {
      const ths = [...document.querySelectorAll(".finder thead th")];
      const i = ths.findIndex(th => th.textContent.includes("完成时限"));
      return [...document.querySelectorAll(".finder tbody tr")].map(tr => tr.cells[i].textContent);
    }""")  # type: ignore[no-any-return]


def test_the_overdue_facet_counts_what_the_dashboard_counts(demo: Any, at: Any) -> None:
    base, facts = demo
    pg = at()
    pg.goto(base)
    tile = int(pg.inner_text(".tile--overdue strong"))
    assert tile == facts["overdue"] > PER_PAGE, "the demo's overdue items fill more than a page"
    _ready(pg, base + "supervision/")
    assert _count(pg) == facts["items"]
    assert pg.locator(".finder-static").count() == 0, "the static table gives way"
    pg.select_option(".finder select[name=status]", "overdue")
    assert _count(pg) == tile
    rows = pg.locator(".finder tbody tr")
    shown = rows.count()
    assert shown < tile and pg.is_visible(".finder-more")
    pg.click(".finder-more")
    assert rows.count() == min(tile, 2 * shown)
    statuses = set(pg.eval_on_selector_all(".finder tbody .status",
                                           "s => s.map(x => x.className)"))
    assert statuses == {"status status--overdue"}
    # the facet's own option says the same figure
    option = pg.inner_text(".finder select[name=status] option[value=overdue]")
    assert f"({tile})" in option


def test_sorting_starts_at_the_archives_earliest_deadline(demo: Any, at: Any) -> None:
    base, facts = demo
    pg = at()
    _ready(pg, base + "supervision/")
    header = pg.locator(".finder th", has_text="完成时限")
    header.click()
    assert header.get_attribute("aria-sort") == "ascending"
    first = _deadlines(pg)
    assert first[0] == facts["earliest"] and first == sorted(first)
    header.click()
    assert header.get_attribute("aria-sort") == "descending"
    assert _deadlines(pg)[0] == facts["latest"]


def test_the_state_survives_reload_back_and_a_bookmark(demo: Any, at: Any) -> None:
    base, facts = demo
    pg = at()
    _ready(pg, base + "supervision/")
    pg.select_option(".finder select[name=status]", "overdue")
    pg.locator(".finder th", has_text="完成时限").click()
    assert "status=overdue" in pg.url and "sort=deadline" in pg.url
    bookmark = pg.url
    pg.reload()
    pg.wait_for_selector(".finder[data-ready]")
    assert pg.input_value(".finder select[name=status]") == "overdue"
    assert _count(pg) == facts["overdue"]
    assert _deadlines(pg)[0] == min(_deadlines(pg))
    # to a record and Back
    pg.click(".finder tbody tr:first-child td.t a")
    pg.wait_for_load_state("load")
    assert "/supervision/sup-" in pg.url
    pg.go_back()
    pg.wait_for_selector(".finder[data-ready]")
    assert pg.url == bookmark and _count(pg) == facts["overdue"]
    # Back again: the state before the sort
    pg.go_back()
    pg.wait_for_function("() => !location.search.includes('sort=')")
    assert pg.input_value(".finder select[name=status]") == "overdue"
    assert pg.locator(".finder th[aria-sort]").count() == 0
    # a bookmark opened afresh
    other = at()
    _ready(other, bookmark)
    assert _count(other) == facts["overdue"]


@pytest.mark.parametrize("src", sorted(FINDERS))
def test_no_page_scrolls_sideways_and_controls_fit_a_finger(demo: Any, at: Any,
                                                            src: str) -> None:
    base, _facts = demo
    url = base + (src[:-8] if src.endswith("index.md") else src[:-3] + "/")
    shots = RESULTS / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    for size in (PHONE, DESK):
        pg = at(size)
        _ready(pg, url)
        width = pg.evaluate("document.documentElement.scrollWidth")
        assert width <= size[0], f"{src} at {size[0]} px is {width} px wide"
        controls = pg.eval_on_selector_all(
            ".finder select, .finder button:not([hidden])",
            "cs => cs.map(c => [c.getBoundingClientRect().height,"
            " (c.closest('label') || c).textContent.trim()])")
        for height, label in controls:
            assert height >= TOUCH_MIN and label, f"{src} at {size[0]} px: {label!r} {height}"
        measured = pg.evaluate(_MEASURE)
        _common(measured, f"{src} at {size[0]} px")
        name = src[:-3].replace("/", "-")
        pg.screenshot(path=str(shots / f"finder-{name}-{size[0]}.png"), full_page=False)


def test_without_javascript_the_static_pages_remain(demo: Any, browser: Any) -> None:
    base, _facts = demo
    ctx = browser.new_context(java_script_enabled=False)
    try:
        pg = ctx.new_page()
        pg.goto(base + "supervision/")
        assert pg.is_hidden(".finder")
        assert pg.locator(".finder-static table.data tbody tr").count() == PER_PAGE
        assert pg.locator(".finder-static .pager a").count() > 0
    finally:
        ctx.close()
