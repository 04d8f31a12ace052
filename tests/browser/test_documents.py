"""A policy document's page in chromium (issue 17): the metadata panel, the full text with
its four levels, an attachment downloaded from the site itself, at a phone's and a desk's
width in both editions; the normative register's new columns.  Screenshots are kept in
test-results/screenshots/documents-*.png for a person to look at."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ..conftest import SAMPLE
from .conftest import DESK, PHONE, RESULTS

pytestmark = pytest.mark.browser

PROVISIONAL = "documents/2025/doc-2025-301/"
"""The sample's provisional normative document: panel, four levels of text, attachments."""

_PANEL = """() => {
  const dl = document.querySelector("dl.doc-meta");
  const dts = [...dl.querySelectorAll("dt")];
  const box = el => el.getBoundingClientRect();
  return {labels: dts.map(d => d.textContent.trim()),
          // each label beside its value (desk) or above it (phone): never run over it
          overlaps: dts.filter(d => {
            const a = box(d), b = box(d.nextElementSibling);
            return a.right > b.left + 1 && a.bottom > b.top + 1 && a.top < b.bottom - 1
                   && a.left < b.right - 1; }).length,
          right: Math.max(...[...dl.children].map(c => box(c).right)),
          levels: [...document.querySelectorAll(".official-text p[class]")]
                    .map(p => [p.className, getComputedStyle(p.querySelector(".lead") || p)
                                                .fontWeight]),
          scrollWidth: document.documentElement.scrollWidth};
}"""


@pytest.mark.parametrize("size", [PHONE, DESK], ids=["phone", "desk"])
@pytest.mark.parametrize("edition", ["zh", "en"])
def test_document_page_panel_text_and_attachment(at: Any, sample_site: str,
                                                 zh_site: str, edition: str,
                                                 size: tuple[int, int],
                                                 tmp_path: Path) -> None:
    base = zh_site if edition == "zh" else sample_site
    pg = at(size)
    pg.goto(base + PROVISIONAL)
    pg.wait_for_load_state("load")
    m = pg.evaluate(_PANEL)
    where = f"{edition} at {size[0]} px"
    expected = (["索引号", "主题分类", "发文机关", "成文日期", "发文字号", "发布日期", "有效性",
                 "公开属性", "起草单位", "印发机关和印发日期", "附注"] if edition == "zh" else
                ["Index no.", "Topics", "Issuing organ", "Written", "Document number",
                 "Published", "Validity", "Disclosure", "Drafting unit", "Printed by, on",
                 "Note"])
    assert m["labels"][:len(expected)] == expected, where
    assert m["overlaps"] == 0, where
    assert m["scrollWidth"] <= size[0] and m["right"] <= size[0], where
    classes = [c for c, _w in m["levels"]]
    assert {"l1", "l2", "l3"} <= set(classes), where
    assert all(int(w) >= 600 for c, w in m["levels"] if c in ("l1", "l2", "l3")), where
    # the attachment comes from the site itself, byte for byte the records' file
    link = pg.locator("a.attachment").first
    href = link.get_attribute("href")
    assert href and not href.startswith(("http:", "https:", "/")), href
    with pg.expect_download() as info:
        link.click()
    download = info.value
    assert download.url.startswith(base + "attachments/"), download.url
    saved = tmp_path / "got"
    download.save_as(saved)
    name = download.url.split("/attachments/", 1)[1]
    assert saved.read_bytes() == (SAMPLE / "attachments" / name).read_bytes()
    out = RESULTS / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"documents-provisional-{edition}-{size[0]}.png"
    pg.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000


def test_register_shows_the_repeal_date_and_its_new_columns(at: Any,
                                                            zh_site: str) -> None:
    pg = at(DESK)
    pg.goto(zh_site + "documents/normative/")
    # the finder stands in for the static table once its data came (finders.py): both
    # show the register's columns (tables.register_row)
    pg.wait_for_selector(".finder-table tbody tr")
    heads = pg.evaluate("() => [...document.querySelectorAll('.finder-table thead th')]"
                        ".map(th => th.textContent.trim())")
    for label in ("废止日期", "登记·审核·备案", "起草单位（负责评估）", "政策解读"):
        assert any(h.startswith(label) for h in heads), (label, heads)
    row = pg.locator(".finder-table tbody tr", has_text="京政发〔2019〕4号")
    assert "2024-02-29" in row.inner_text() and "-975" not in row.inner_text()
    # 登记·审核·备案: each part on a line of its own, never broken inside (the finder's cell
    # once read "…审核 2021-10-" / "26" at this width)
    parts = pg.evaluate("""() => {
      const heads = [...document.querySelectorAll('.finder-table thead th')];
      const i = heads.findIndex(th => th.textContent.trim().startsWith('登记·审核·备案'));
      const tr = [...document.querySelectorAll('.finder-table tbody tr')]
        .find(r => r.textContent.includes('京政发〔2021〕12号'));
      return [...tr.children[i].querySelectorAll('span.nw')]
        .map(s => [s.textContent, s.getClientRects().length]);
    }""")
    assert parts == [["BJSZ-2021-0212", 1], ["审核 2021-10-26", 1], ["备案 2021-12-02", 1]]
    out = RESULTS / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(out / "documents-register-zh-1366.png"), full_page=True)


_ATTACHMENTS = """() => [...document.querySelectorAll("ul.attachments li")].map(li => {
  const a = li.querySelector("a.attachment");
  return {link: a ? a.getBoundingClientRect().height : null,
          row: li.getBoundingClientRect().height,
          facts: a ? a.querySelector(".attachment-facts") !== null : null};
})"""


@pytest.mark.parametrize("size", [PHONE, DESK], ids=["phone", "desk"])
def test_attachment_links_are_a_finger_tall_on_a_phone_only(at: Any, zh_site: str,
                                                            size: tuple[int, int]) -> None:
    """At 390 px each attachment link, its format and size with it, is at least 44 px
    tall (it was 17 px: one line of text); on a desk each attachment stays one line of
    text (26 px at 1,366 px: under 44), the list no taller than it was."""
    pg = at(size)
    pg.goto(zh_site + PROVISIONAL)
    pg.wait_for_load_state("load")
    rows = pg.evaluate(_ATTACHMENTS)
    links = [r for r in rows if r["link"] is not None]
    assert len(rows) == 4 and len(links) == 3, rows
    assert all(r["facts"] for r in links), rows  # the format and size are part of the target
    if size == PHONE:
        assert all(r["link"] >= 44 for r in links), rows
    else:
        assert all(r["row"] < 44 for r in rows), rows
