"""Phone and desk: every index and dashboard page of the sample, in both editions, at 390 px
(a phone) and 1,366 px (an office laptop), measured in chromium with Chinese fonts.

Measured, not compared with pictures: nothing scrolls sideways, a title column has room,
dates and numbers stay on one line, controls are a finger's height and visible, sortable
headers say so, chart labels and legends never overlap.  Screenshots are kept in
test-results/screenshots/ for a person to look at.
"""

from __future__ import annotations

import subprocess
from typing import Any

import pytest

from generators.pages.indexes import _INDEXES

from .conftest import DESK, PHONE, RESULTS

pytestmark = pytest.mark.browser
Page = Any

TITLE_MIN = 180
"""px a title column keeps at 1,366 px: about twelve Chinese characters a line (the liaison
table gave its titles 40 px, three characters)."""
TOUCH_MIN = 44
"""px: the height of a control a finger can hit (WCAG 2.5.5)."""


def _url(src: str) -> str:
    """documents/index.md -> documents/; documents/normative.md -> documents/normative/."""
    path = src[:-3]
    return path[:-5] if path.endswith("index") else path + "/"


PAGES = ["", *(_url(src) for src, _key, _render in _INDEXES), "appraisal/2025/",
         "liaison/npc-16-4/", "information/hotline/2026-10/"]  # issue 17: a session, streets
"""The home dashboard, every index, and the appraisal dashboard of the sample's last year."""


@pytest.fixture(scope="session", autouse=True)
def _cjk_font() -> None:
    fonts = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True,
                           check=False).stdout
    if "CJK" not in fonts:
        pytest.fail("no Chinese font: make test installs Debian's fonts-noto-cjk (the layout "
                    "of the Chinese edition depends on its glyphs' widths)")


@pytest.fixture(params=["en", "zh"])
def site(request: pytest.FixtureRequest) -> str:
    fixture = "sample_site" if request.param == "en" else "zh_site"
    return request.getfixturevalue(fixture)  # type: ignore[no-any-return]



_MEASURE = """() => {
  const px = r => Math.round(r * 10) / 10;
  const shown = el => { const b = el.getBoundingClientRect(); return b.width > 0 && b.height > 0; };
  const out = {scrollWidth: document.documentElement.scrollWidth, titles: [], wrapped: [],
               controls: [], headers: []};
  out.tableScrolls = [...document.querySelectorAll(".table-wrap")]
    .filter(w => w.scrollWidth > w.clientWidth + 1)
    .map(w => (w.querySelector("table") || {}).id + ": " + w.scrollWidth + " > " + w.clientWidth);
  for (const th of document.querySelectorAll("table.data th.t")) {
    if (shown(th)) out.titles.push([th.closest("table").id, px(th.getBoundingClientRect().width)]);
  }
  for (const td of document.querySelectorAll("table.data td.t")) {
    if (!shown(td)) continue;
    const w = td.getBoundingClientRect().width;
    if (w < out.minTitleCell || out.minTitleCell === undefined) out.minTitleCell = px(w);
  }
  for (const td of document.querySelectorAll("table.data td.nw")) {
    if (!shown(td) || !td.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(td);
    const tops = new Set([...range.getClientRects()].filter(r => r.width > 0)
                         .map(r => Math.round(r.top)));
    if (tops.size > 1) out.wrapped.push(td.textContent.trim());
  }
  const controls = ".table-tools select, .table-tools input, form.portal-search input";
  for (const c of document.querySelectorAll(controls)) {
    const b = c.getBoundingClientRect(), s = getComputedStyle(c);
    const label = (c.closest("label") ? c.closest("label").textContent : "") +
                  (c.getAttribute("aria-label") || "");
    out.controls.push({tag: c.tagName, height: px(b.height), width: px(b.width), right: px(b.right),
                       label: label.trim(), tools: !!c.closest(".table-tools"),
                       border: s.borderTopStyle !== "none" ? parseFloat(s.borderTopWidth) : 0,
                       borderColor: s.borderTopColor});
  }
  for (const c of document.querySelectorAll("details.chart-data > summary")) {  // a toggle
    if (!shown(c)) continue;
    const b = c.getBoundingClientRect();
    out.controls.push({tag: c.tagName, height: px(b.height), width: px(b.width), right: px(b.right),
                       label: c.textContent.trim(), tools: false});
  }
  for (const th of document.querySelectorAll("table.sortable thead th")) {
    if (!shown(th)) continue;
    out.headers.push({text: th.textContent.trim(), height: px(th.getBoundingClientRect().height),
                      mark: getComputedStyle(th, "::after").content});
  }
  return out;
}"""


def _measure(pg: Page, url: str) -> dict[str, Any]:
    pg.goto(url)
    pg.wait_for_load_state("load")
    # a listing's finder replaces its static table once its data has come: measure the
    # page a reader sees then, not the moment between (a loaded machine reached it)
    pg.wait_for_function("() => !document.querySelector('.finder') || "
                         "document.querySelector('.finder[data-ready]')")
    return pg.evaluate(_MEASURE)  # type: ignore[no-any-return]


def _common(m: dict[str, Any], where: str) -> None:
    assert m["wrapped"] == [], f"{where}: a date or number broken across lines"
    for c in m["controls"]:
        assert c["height"] >= TOUCH_MIN, f"{where}: {c}"
        assert c["label"], f"{where}: a control without a label: {c}"
        if c["tools"]:  # on the white page (the header's box is white on its blue bar)
            assert c["border"] >= 1 and c["borderColor"] not in ("rgb(255, 255, 255)",
                                                                  "rgba(0, 0, 0, 0)"), where
    for h in m["headers"]:
        assert h["mark"] not in ("none", "normal", ""), f"{where}: {h['text']} shows no arrow"
        assert h["height"] >= TOUCH_MIN, f"{where}: {h}"


@pytest.mark.parametrize("url", PAGES)
def test_a_phone_never_scrolls_sideways_and_rows_stay_readable(at: Any, site: str,
                                                               url: str) -> None:
    pg = at(PHONE)
    m = _measure(pg, site + url)
    where = f"{site}{url} at {PHONE[0]} px"
    assert m["scrollWidth"] <= PHONE[0], where
    assert m["tableScrolls"] == [], f"{where}: a table's rows run off the screen"
    for c in m["controls"]:
        assert c["right"] <= PHONE[0], f"{where}: a control wider than the screen: {c}"
    # a row is a card whose title has the card's width: never a character a line
    if "minTitleCell" in m:
        assert m["minTitleCell"] >= PHONE[0] * 0.6, where
    _common(m, where)


@pytest.mark.parametrize("url", PAGES)
def test_a_desk_gives_every_title_column_room(at: Any, site: str, url: str) -> None:
    pg = at(DESK)
    m = _measure(pg, site + url)
    where = f"{site}{url} at {DESK[0]} px"
    assert m["scrollWidth"] <= DESK[0], where
    narrow = [(table, w) for table, w in m["titles"] if w < TITLE_MIN]
    assert narrow == [], where
    assert m["tableScrolls"] == [], f"{where}: a table wider than the page's content"
    _common(m, where)


def test_sortable_headers_show_their_state(at: Any, site: str) -> None:
    for size in (PHONE, DESK):
        pg = at(size)
        pg.goto(site + "documents/")
        # the finder's table takes the static one's place (finder.js)
        pg.wait_for_selector(".finder[data-ready]")
        table = "#finder-documents-table"
        th = pg.locator(f"{table} thead th.t")
        mark = "el => getComputedStyle(el, '::after').content"
        before = th.evaluate(mark)
        th.click()
        assert th.get_attribute("aria-sort") == "ascending"
        up = th.evaluate(mark)
        th.click()
        assert th.get_attribute("aria-sort") == "descending"
        down = th.evaluate(mark)
        assert len({before, up, down}) == 3, (before, up, down)
        others = pg.locator(f"{table} thead th[aria-sort]")
        assert others.count() == 1


_CHART_OVERLAPS = """() => {
  const box = el => el.getBoundingClientRect();
  const meets = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 &&
                          a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const svg = document.documentElement.getBoundingClientRect();
  const texts = [...document.querySelectorAll("text")].filter(t => t.textContent.trim());
  const bars = [...document.querySelectorAll("#axes_1 > g[id^=patch_] > path")].filter(p => {
    const fill = (p.getAttribute("style") || "").match(/fill:\\s*([^;]+)/);
    return fill && !["none", "#ffffff"].includes(fill[1].trim());
  });
  const out = [];
  texts.forEach((a, i) => {
    const ra = box(a);
    if (ra.left < svg.left - 0.5 || ra.right > svg.right + 0.5 || ra.top < svg.top - 0.5 ||
        ra.bottom > svg.bottom + 0.5) out.push("outside: " + a.textContent);
    texts.slice(i + 1).forEach(b => {  // the lines of one label are one group
      if (a.parentNode !== b.parentNode && meets(ra, box(b)))
        out.push(a.textContent + " / " + b.textContent);
    });
    bars.forEach(p => { if (meets(ra, box(p))) out.push(a.textContent + " on a bar"); });
  });
  return {texts: texts.length, bars: bars.length, overlaps: out};
}"""


@pytest.mark.parametrize("url", ["liaison/", "supervision/", "information/hotline/",
                                 "appraisal/2025/"])
def test_chart_labels_and_legends_never_overlap(at: Any, site: str, url: str) -> None:
    pg = at(DESK)
    pg.goto(site + url)
    srcs = [img.get_attribute("src") for img in pg.locator("figure.chart img").all()]
    assert srcs, url
    for src in srcs:
        pg.goto(site + url + src)
        found = pg.evaluate(_CHART_OVERLAPS)
        assert found["texts"] >= 5, (url, src)
        assert found["overlaps"] == [], (url, src)


@pytest.mark.parametrize(("name", "url"), [
    ("home", ""), ("documents", "documents/"), ("supervision", "supervision/"),
    ("liaison", "liaison/"), ("appraisal", "appraisal/2025/")])
def test_screenshots_at_phone_and_desk_widths(at: Any, sample_site: str, zh_site: str,
                                              name: str, url: str) -> None:
    out = RESULTS / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    for edition, base in (("en", sample_site), ("zh", zh_site)):
        for size in (PHONE, DESK):
            pg = at(size)
            pg.goto(base + url)
            pg.wait_for_load_state("load")
            path = out / f"layout-{name}-{edition}-{size[0]}.png"
            pg.screenshot(path=str(path), full_page=True)
            assert path.stat().st_size > 10_000
