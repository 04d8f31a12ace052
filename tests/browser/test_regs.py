"""Issue 17 in chromium: a session page of suggestions and proposals at a phone's and a desk's
width, in both editions, with screenshots kept in test-results/screenshots/ for a person to
look at."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import DESK, PHONE, RESULTS

pytestmark = pytest.mark.browser

SESSION = "liaison/npc-16-4/"
"""The 4th session of the 16th Municipal People's Congress: the sample's deputies'
suggestions of 2026, with key items."""

_LAYOUT = """() => {
  const shown = el => { const b = el.getBoundingClientRect(); return b.width > 0 && b.height > 0; };
  return {
    scrollWidth: document.documentElement.scrollWidth,
    tableScrolls: [...document.querySelectorAll(".table-wrap")]
      .filter(w => w.scrollWidth > w.clientWidth + 1).map(w => w.querySelector("table").id),
    h1: document.querySelector("article h1").textContent.trim(),
    headings: [...document.querySelectorAll("article h2")].map(h => h.textContent.trim()),
    meta: Object.fromEntries([...document.querySelector("article dl.meta").children]
      .filter(el => el.tagName === "DT")
      .map(dt => [dt.textContent.trim(), dt.nextElementSibling.textContent.trim()])),
    keyRows: [...document.querySelectorAll("#liaison-key-items tbody tr")].filter(shown).length,
    unitRows: document.querySelectorAll("#liaison-session-units tbody tr").length,
    itemRows: document.querySelectorAll("#liaison tbody tr").length,
  };
}"""



@pytest.mark.parametrize(("edition", "title", "rate", "key_items"), [
    ("zh", "市十六届人大四次会议代表建议", "沟通率", "重点建议提案"),
    ("en", "Deputies' suggestions: 4th session of the 16th Municipal People's Congress",
     "Contact rate", "Key items")])
def test_a_session_page_at_phone_and_desk_widths(at: Any, sample_site: str, zh_site: str,
                                                 edition: str, title: str, rate: str,
                                                 key_items: str) -> None:
    base = zh_site if edition == "zh" else sample_site
    out = RESULTS / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    for size in (PHONE, DESK):
        pg = at(size)
        pg.goto(base + SESSION)
        pg.wait_for_load_state("load")
        m = pg.evaluate(_LAYOUT)
        where = f"{edition} {SESSION} at {size[0]} px"
        assert m["h1"] == title, where
        assert m["scrollWidth"] <= size[0], where
        assert m["tableScrolls"] == [], f"{where}: a table runs off the page"
        assert m["meta"][rate].endswith("%"), where  # the rates, each as a percent
        assert key_items in m["headings"], where
        assert m["keyRows"] == 2 and m["unitRows"] >= 5 and m["itemRows"] >= 20, (where, m)
        path = out / f"regs-session-{edition}-{size[0]}.png"
        pg.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 10_000
    # a key item's row leads to the item, which names its session and leading official
    pg.locator("#liaison-key-items tbody tr td.t a").first.click()
    pg.wait_for_load_state("load")
    meta = pg.locator("article dl.meta").first.inner_text()
    assert ("市十六届人大四次会议" if edition == "zh" else "4th session of the 16th") in meta
    assert ("领办市领导" if edition == "zh" else "Led by") in meta
