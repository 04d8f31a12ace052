"""The leaders' desk on the sample's home page, in chromium at 390 px and 1,366 px: its
blocks, and the selector narrowing it to one unit, kept in the address through a reload,
with the unit's page one click away.  Screenshots land in test-results/screenshots/."""

from __future__ import annotations

from typing import Any

import pytest

from generators.catalog import Catalog, build_catalog
from generators.models.registry import Official
from generators.pages.common import Ctx
from generators.pages.desk import BLOCKS, desk_views, scopes
from generators.validate import validate

from ..conftest import SAMPLE, SAMPLE_AS_OF
from .conftest import RESULTS

pytestmark = pytest.mark.browser

SIZES = [(390, 844), (1366, 768)]
UNIT = "housing"
"""A unit of the sample with overdue supervision items (its desk is not empty)."""


@pytest.fixture(scope="module")
def cat() -> Catalog:
    recs, _ = validate(SAMPLE, "records", SAMPLE_AS_OF)
    return build_catalog(recs, SAMPLE_AS_OF, "internal")



def _shown(pg: Any) -> dict[str, int]:
    return pg.evaluate("""() => Object.fromEntries([...document.querySelectorAll(
        "section.desk-block")].map(s => [s.dataset.block,
        parseInt(s.querySelector(".desk-count").textContent, 10)]))""")  # type: ignore[no-any-return]


def _rows(pg: Any) -> dict[str, int]:
    return pg.evaluate("""() => Object.fromEntries([...document.querySelectorAll(
        "section.desk-block")].map(s => [s.dataset.block,
        s.querySelectorAll("tbody tr").length]))""")  # type: ignore[no-any-return]


@pytest.mark.parametrize("size", SIZES, ids=["phone", "desk"])
@pytest.mark.parametrize("edition", ["zh", "en"])
def test_the_desk_and_its_unit_selector(at: Any, request: pytest.FixtureRequest, cat: Catalog,
                                        edition: str, size: tuple[int, int]) -> None:
    site = request.getfixturevalue("zh_site" if edition == "zh" else "sample_site")
    ctx = Ctx(cat, edition, "index.md")
    whole = {v.key: v.count for v in desk_views(ctx)}
    scope = next(s for s in scopes(cat) if s.id == UNIT)
    mine = {v.key: v.count for v in desk_views(ctx, scope)}
    assert mine != whole  # else the test could not tell the two apart
    pg = at(size)
    pg.goto(site)
    pg.wait_for_load_state("load")
    assert _shown(pg) == whole
    assert list(_shown(pg)) == [b.key for b in BLOCKS]
    assert pg.locator("form.desk-scope").is_visible()
    out = RESULTS / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(out / f"desk-whole-{edition}-{size[0]}.png"), full_page=True)

    pg.select_option("#desk-scope", f"unit:{UNIT}")
    pg.wait_for_selector(f".desk[data-scope='unit:{UNIT}']")
    assert pg.url.endswith(f"?unit={UNIT}")
    assert _shown(pg) == mine
    assert all(n == min(mine[k], 10) for k, n in _rows(pg).items())
    assert pg.evaluate("document.documentElement.scrollWidth") <= size[0]
    pg.screenshot(path=str(out / f"desk-unit-{edition}-{size[0]}.png"), full_page=True)

    pg.reload()
    pg.wait_for_selector(f".desk[data-scope='unit:{UNIT}']")
    assert pg.input_value("#desk-scope") == f"unit:{UNIT}"
    assert _shown(pg) == mine

    # the unit's page is one click from the home page
    pg.locator("a.desk-page").click()
    pg.wait_for_load_state("load")
    assert pg.url.endswith(f"/units/{UNIT}/")

    pg.go_back()
    pg.wait_for_selector(f".desk[data-scope='unit:{UNIT}']")
    pg.select_option("#desk-scope", "")
    pg.wait_for_function("!document.querySelector('.desk').hasAttribute('data-scope')")
    assert "unit=" not in pg.url
    assert _shown(pg) == whole


def test_a_block_s_link_leads_to_its_list_filtered_to_the_unit(at: Any, zh_site: str,
                                                               cat: Catalog) -> None:
    scope = next(s for s in scopes(cat) if s.id == UNIT)
    mine = {v.key: v.count for v in desk_views(Ctx(cat, "zh", "index.md"), scope)}
    pg = at(SIZES[1])
    pg.goto(f"{zh_site}?unit={UNIT}")
    pg.wait_for_selector(f".desk[data-scope='unit:{UNIT}']")
    pg.locator("#desk-supervision a.desk-more").click()
    pg.wait_for_load_state("load")
    assert "/desk/supervision/" in pg.url
    shown = pg.evaluate("""() => [...document.querySelectorAll("#desk-supervision tbody tr")]
        .filter(tr => !tr.hidden).length""")
    assert shown == mine["supervision"] > 0


def test_an_unknown_unit_in_the_address_shows_the_whole_office(at: Any, zh_site: str,
                                                               cat: Catalog) -> None:
    whole = {v.key: v.count for v in desk_views(Ctx(cat, "zh", "index.md"))}
    pg = at(SIZES[1])
    pg.goto(f"{zh_site}?unit=no-such-unit")
    pg.wait_for_load_state("load")
    assert pg.input_value("#desk-scope") == ""
    assert _shown(pg) == whole
    assert pg.locator(".desk-status").inner_text()


def test_an_official_s_link_leads_to_his_portfolio_s_rows(at: Any, zh_site: str,
                                                          cat: Catalog) -> None:
    """On an official's desk a block's link opens the list with only the rows his desk
    counted (his portfolio's units, or naming him); the list says so and can show all."""
    ctx = Ctx(cat, "zh", "index.md")
    whole = {v.key: v.count for v in desk_views(ctx)}
    for scope in scopes(cat):
        if scope.kind != "official":
            continue
        mine = {v.key: v.count for v in desk_views(ctx, scope)}
        key = next((k for k in ("supervision", "requests", "instructions")
                    if 0 < mine[k] < whole[k]), None)
        if key:
            break
    else:
        pytest.fail("no official of the sample whose portfolio narrows a list")
    pg = at(SIZES[0])
    pg.goto(f"{zh_site}?official={scope.id}")
    pg.wait_for_selector(f".desk[data-scope='official:{scope.id}']")
    pg.locator(f"#desk-{key} a.desk-more").click()
    pg.wait_for_load_state("load")
    assert f"desk-{key}.in=" in pg.url
    visible = f"""() => [...document.querySelectorAll("table#desk-{key} tbody tr")]
        .filter(tr => !tr.hidden).length"""
    assert pg.evaluate(visible) == mine[key]
    note = pg.locator(".table-scope")
    name = next(o.name_zh or o.name for o in cat.of(Official) if o.id == scope.id)
    assert note.is_visible() and note.inner_text().startswith(f"仅显示{name}待办中的事项。")
    assert note.locator("button").bounding_box()["height"] >= 44
    (RESULTS / "screenshots").mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(RESULTS / "screenshots" / f"desk-portfolio-{key}-390.png"),
                  full_page=True)
    note.locator("button").click()
    assert pg.evaluate(visible) == whole[key]
    assert ".in=" not in pg.url and not pg.locator(".table-scope").count()
