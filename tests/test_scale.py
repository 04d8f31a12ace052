"""Correctness at archive scale: counts, links and page sizes that do not grow.

Two synthetic archives (portal demo-data) of different sizes are built; no timing is
asserted here (make bench measures speed).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generators.build import build_site
from generators.catalog import build_catalog
from generators.demo import generate
from generators.models import Document, Supervision
from generators.validate import validate

from .conftest import AS_OF, ROOT

pytestmark = pytest.mark.slow
LIMIT = 60_000


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[int, tuple[Path, Path]]:
    out = {}
    for n in (400, 1200):
        base = tmp_path_factory.mktemp(f"scale{n}")
        generate(n, 7, base / "records")
        site = build_site(ROOT / "mkdocs.yml", base / "site", records=str(base / "records"),
                          as_of=AS_OF, locale="en")
        out[n] = (base / "records", site)
    return out


def largest_page(site: Path) -> tuple[int, str]:
    return max((p.stat().st_size, str(p.relative_to(site))) for p in site.rglob("*.html"))


def test_no_page_exceeds_60_kb_and_pages_do_not_grow(sites: dict[int, tuple[Path, Path]]
                                                     ) -> None:
    small, _ = largest_page(sites[400][1])
    big, name = largest_page(sites[1200][1])
    assert big <= LIMIT, name
    assert big <= small * 1.15, f"{name}: {small} -> {big} bytes"


def test_counts_at_scale(sites: dict[int, tuple[Path, Path]]) -> None:
    records, site = sites[1200]
    recs, report = validate(records, "records", AS_OF)
    assert report.errors == []
    # written as editors write (a session as its term and meeting, not a year): a warning
    # a record would cost every validation of the bench its file's reading again
    assert report.warnings == []
    cat = build_catalog(recs, AS_OF, "internal")
    docs = BeautifulSoup((site / "documents/index.html").read_text(encoding="utf-8"),
                         "html.parser")
    count = docs.find("p", class_="count").get_text(strip=True)
    assert count == f"{len(cat.of(Document))} records"
    # every supervision item is on exactly one page of the paginated listing
    listed = []
    for page in sorted(site.glob("supervision/**/index.html")):
        doc = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        table = doc.find("table", id="supervision")
        if table is not None:
            listed += [a["href"].rstrip("/").rsplit("/", 1)[-1]
                       for a in table.select("tbody tr td:first-child a")]
    assert sorted(listed) == sorted(s.id for s in cat.of(Supervision))


def test_links_resolve_at_scale(sites: dict[int, tuple[Path, Path]]) -> None:
    _records, site = sites[1200]
    checked = 0
    pages = sorted(site.rglob("index.html"))[::7]  # every seventh page: all kinds appear
    for html in pages:
        doc = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for a in doc.select("article a[href]"):
            href = a["href"].split("#")[0]
            if not href or "://" in href or href.startswith(("mailto:", "?")):
                continue
            target = (html.parent / href).resolve()
            assert target.exists() or (target / "index.html").exists(), \
                f"{html.relative_to(site)} -> {a['href']}"
            checked += 1
    assert checked > 1000
