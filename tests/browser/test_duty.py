"""Issue 16, the duty office in chromium: a month of the roster and an incident page at 390 px
(a phone) and 1,366 px (a laptop), both editions: nothing scrolls sideways, the as-of day
(2026-12-01, the sample's) is highlighted and readable, and the late report is flagged.
Screenshots land in test-results/screenshots/ for a person to look at."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import DESK, PHONE, RESULTS

pytestmark = pytest.mark.browser

MONTH = "duty/2026-12/"
INCIDENT = "incidents/2026/inc-2026-002/"  # level III, phone report 72 minutes after: late


@pytest.fixture(params=["en", "zh"])
def site(request: pytest.FixtureRequest) -> str:
    fixture = "sample_site" if request.param == "en" else "zh_site"
    return request.getfixturevalue(fixture)  # type: ignore[no-any-return]


_MEASURE = """() => {
  const today = document.querySelector(".duty-day--today");
  const box = today ? today.getBoundingClientRect() : null;
  const style = today ? getComputedStyle(today) : null;
  const days = [...document.querySelectorAll(".duty-day:not(.duty-day--blank)")];
  return {scrollWidth: document.documentElement.scrollWidth,
          today: today ? today.querySelector("time").getAttribute("datetime") : null,
          todayCurrent: today ? today.getAttribute("aria-current") : null,
          todayBorder: style ? style.borderTopWidth : null,
          todayWidth: box ? box.width : 0,
          days: days.length,
          columns: new Set(days.map(d => Math.round(d.getBoundingClientRect().left))).size,
          late: [...document.querySelectorAll(".status--incident-late")].length,
          banner: (document.querySelector(".banner--late") || {}).textContent || ""};
}"""


@pytest.mark.parametrize("size", [PHONE, DESK], ids=["phone", "desk"])
def test_the_roster_month_shows_today_and_fits_the_screen(at: Any, site: str,
                                                          size: tuple[int, int]) -> None:
    pg = at(size)
    pg.goto(site + MONTH)
    pg.wait_for_load_state("load")
    m = pg.evaluate(_MEASURE)
    where = f"{site}{MONTH} at {size[0]} px"
    assert m["scrollWidth"] <= size[0], where
    assert m["days"] == 31, where
    assert (m["today"], m["todayCurrent"], m["todayBorder"]) == ("2026-12-01", "date", "2px")
    if size == PHONE:  # one day a line, the width of the screen's content
        assert m["columns"] == 1 and m["todayWidth"] >= size[0] * 0.8, where
    else:  # a week a row
        assert m["columns"] == 7 and m["todayWidth"] >= 100, where


@pytest.mark.parametrize("size", [PHONE, DESK], ids=["phone", "desk"])
def test_an_incident_page_flags_its_late_report_and_fits(at: Any, site: str,
                                                         size: tuple[int, int]) -> None:
    pg = at(size)
    pg.goto(site + INCIDENT)
    pg.wait_for_load_state("load")
    m = pg.evaluate(_MEASURE)
    where = f"{site}{INCIDENT} at {size[0]} px"
    assert m["scrollWidth"] <= size[0], where
    assert m["late"] >= 2 and m["banner"].strip(), where  # the banner, the table's verdict


def test_screenshots_of_the_duty_office(at: Any, sample_site: str,
                                       zh_site: str) -> None:
    out = RESULTS / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    for name, url in (("duty-month", MONTH), ("incident", INCIDENT), ("duty", "duty/")):
        for edition, base in (("en", sample_site), ("zh", zh_site)):
            for size in (PHONE, DESK):
                pg = at(size)
                pg.goto(base + url)
                pg.wait_for_load_state("load")
                path = out / f"duty-{name}-{edition}-{size[0]}.png"
                pg.screenshot(path=str(path), full_page=True)
                assert path.stat().st_size > 10_000
