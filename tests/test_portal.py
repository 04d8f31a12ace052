"""The built portal, parsed: pages, counts, figures, links both ways, search, safety."""

from __future__ import annotations

import gzip
import json
import posixpath
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urldefrag, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup

from generators.build import build_site, export_markdown
from generators.catalog import Catalog, build_catalog
from generators.models import Document, Liaison, Record, Supervision
from generators.pages import record_src, url_of
from generators.validate import validate

from .conftest import AS_OF, ROOT, VALID

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cat() -> Catalog:
    recs, _ = validate(VALID, "records", AS_OF)
    return build_catalog(recs, AS_OF, "internal")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("portal") / "site"
    # the English edition: these tests quote the English interface (test_locales.py has both)
    build_site(ROOT / "mkdocs.yml", out, records=str(VALID), as_of=AS_OF, audience="internal",
               locale="en")
    return out


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def page_of(rec: Record) -> str:
    src = record_src(rec)
    assert src
    return url_of(src)


def table_rows(doc: BeautifulSoup, table_id: str) -> list[list[str]]:
    table = doc.find("table", id=table_id)
    assert table is not None, table_id
    return [[td.get_text(" ", strip=True) for td in tr.find_all("td")]
            for tr in table.find("tbody").find_all("tr")]


def test_every_visible_record_has_a_page(site: Path, cat: Catalog) -> None:
    for rec in cat.records:
        if record_src(rec):
            assert (site / page_of(rec) / "index.html").exists(), rec.id
    assert not (site / "documents/2026/doc-r").exists()  # restricted: not in internal


def test_index_rows_equal_catalog_counts(site: Path, cat: Catalog) -> None:
    assert len(table_rows(soup(site, "documents"), "documents")) == len(cat.of(Document))
    assert len(table_rows(soup(site, "supervision"), "supervision")) == \
        len(cat.of(Supervision))
    assert len(table_rows(soup(site, "liaison"), "liaison")) == len(cat.of(Liaison))
    normative = table_rows(soup(site, "documents/normative"), "normative")
    assert len(normative) == len(cat.validity)


def test_record_pages_are_not_in_the_navigation(site: Path) -> None:
    nav = soup(site, "").find("nav", class_="md-nav--primary")
    hrefs = [a["href"] for a in nav.find_all("a", href=True)]
    assert any("supervision/" in h for h in hrefs)
    assert not any(re.search(r"supervision/sup-", h) for h in hrefs)


def test_statuses_and_banners_show_the_catalogs_figures(site: Path, cat: Catalog) -> None:
    sup_c = soup(site, "supervision/sup-c").get_text(" ", strip=True)
    assert f"Overdue by {cat.supervision['sup-c'].days_overdue} days" in sup_c
    sup_a = soup(site, "supervision/sup-a").get_text(" ", strip=True)
    assert "Completed 10 days after the deadline" in sup_a
    doc_b = soup(site, "documents/2026/doc-b").get_text(" ", strip=True)
    assert "Expires in 124 days, on 31 March 2027" in doc_b  # a date in prose, as English
    doc_a = soup(site, "documents/2025/doc-a")
    banner = doc_a.find(class_="banner--repealed")
    assert banner and banner.find("a")["href"] == "../../2026/doc-b/"
    lia_b = soup(site, "liaison/2026/lia-b").get_text(" ", strip=True)
    assert "Replied 10 days after the due date" in lia_b
    rows = table_rows(soup(site, "supervision"), "supervision")
    shown = {r[0]: r[4] for r in rows}
    assert shown["落实市长批示，整改诊所排队问题"] == "Overdue"
    assert shown["Monthly congestion reports"] == "On track"


def test_appraisal_page_ranks_and_totals(site: Path, cat: Catalog) -> None:
    rows = table_rows(soup(site, "appraisal/2026"), "ranking-district")
    got = [(r[0], r[1], r[4], r[5]) for r in rows]
    want = [(str(x.rank), "East District" if x.unit == "east" else
             "West District" if x.unit == "west" else "North District", f"{x.total:.2f}",
             x.grade.capitalize()) for x in cat.appraisal[2026] if x.group == "district"]
    assert got == want
    assert rows[0][7] == "+4.00"  # east: 90 this year, 86 last year


def test_liaison_rates_on_the_page(site: Path, cat: Catalog) -> None:
    text = soup(site, "liaison").find("dl", class_="meta").get_text(" ", strip=True)
    r = cat.liaison_rates()
    assert f"On-time reply rate {r.on_time_rate:.1f}%" in text
    assert f"Satisfaction rate {r.satisfaction_rate:.1f}%" in text


def internal_links(site: Path) -> list[tuple[Path, str]]:
    out = []
    for html in site.rglob("*.html"):
        doc = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for a in doc.select("article a[href]"):
            href = a["href"]
            if urlparse(href).scheme or href.startswith("#"):
                continue
            out.append((html, href))
    return out


def resolve(site: Path, html: Path, href: str) -> tuple[Path, str]:
    path, frag = urldefrag(href)
    path = urlparse(path).path  # a finder's state (?status=overdue) is not a file
    target = (html.parent / path).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, frag


def test_every_internal_link_resolves(site: Path) -> None:
    links = internal_links(site)
    assert len(links) > 100
    for html, href in links:
        target, frag = resolve(site, html, href)
        assert target.exists(), f"{html.relative_to(site)} -> {href}"
        if frag:
            doc = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
            assert doc.find(id=frag) is not None, f"{html.relative_to(site)} -> {href}"


def links_from(site: Path, url: str) -> set[str]:
    html = site / url / "index.html"
    out = set()
    for a in soup(site, url).select("article a[href]"):
        target, frag = resolve(site, html, a["href"])
        rel = posixpath.dirname(target.relative_to(site.resolve()).as_posix())
        out.add(rel + (f"#{frag}" if frag else ""))
    return out


def test_cross_links_go_both_ways(site: Path) -> None:
    # meeting decision <-> supervision item
    assert "supervision/sup-a" in links_from(site, "meetings/2026/mtg-a")
    assert "meetings/2026/mtg-a#dec-a1" in links_from(site, "supervision/sup-a")
    # document <-> the document it repeals
    assert "documents/2025/doc-a" in links_from(site, "documents/2026/doc-b")
    assert "documents/2026/doc-b" in links_from(site, "documents/2025/doc-a")
    # received State Council document <-> the local document implementing it
    assert "documents/2026/doc-b" in links_from(site, "received/2026/rcv-a")
    assert "received/2026/rcv-a" in links_from(site, "documents/2026/doc-b")
    # briefing instruction <-> supervision
    assert "supervision/sup-c" in links_from(site, "briefings/2026/brf-a")
    assert "briefings/2026/brf-a" in links_from(site, "supervision/sup-c")
    # liaison item <-> its reply document
    assert "documents/2026/doc-c" in links_from(site, "liaison/2026/lia-a")
    assert "liaison/2026/lia-a" in links_from(site, "documents/2026/doc-c")
    # request <-> reply document
    assert "documents/2026/doc-c" in links_from(site, "requests/2026/req-a")


def search_entries(site: Path) -> dict[str, str]:
    """Pagefind's fragments: the URL and indexed text of every page, in every bundle."""
    out = {}
    for frag in site.glob("pagefind/*/fragment/*.pf_fragment"):
        raw = gzip.decompress(frag.read_bytes())
        data = json.loads(raw[raw.index(b"{"):])
        out[data["url"]] = data["content"].replace("\u200b", "")
    return out


def test_a_link_to_a_hidden_record_says_not_published(site: Path) -> None:
    text = soup(site, "units/west").get_text(" ", strip=True)
    assert "sup-d" not in text  # restricted item of west: not even its id
    assert all("Key task with no source record" not in c
               for c in search_entries(site).values())


def test_every_record_page_is_in_the_search_index(site: Path, cat: Catalog) -> None:
    entries = search_entries(site)
    for rec in cat.records:
        if record_src(rec):
            assert "/" + page_of(rec) in entries, rec.id


def test_chinese_and_english_words_are_in_the_search_entry(site: Path) -> None:
    entries = search_entries(site)
    brief = entries["/briefings/2026/brf-a/"]
    assert "诊所" in brief and "Public sentiment" in brief
    meta = (site / "pagefind/s0/pagefind-entry.json").read_text(encoding="utf-8")
    assert '"zh' in meta  # indexed with Chinese word segmentation


def test_record_text_is_shown_literally_never_run(site: Path) -> None:
    doc = soup(site, "activities/2026/act-a")
    prose = doc.find(class_="record-prose")
    text = prose.get_text(" ", strip=True)
    assert "{{ 7*7 }}" in text and "{% raw %}" in text and '<script>alert("x")</script>' in text
    assert "49" not in text
    assert not any("alert" in (s.string or "") for s in doc.find_all("script"))
    assert all(not (a.get("href") or "").startswith("javascript") for a in doc.find_all("a"))


def test_no_page_loads_anything_from_another_host(site: Path) -> None:
    for html in site.rglob("*.html"):
        doc = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"),
                          ("iframe", "src"), ("source", "src"), ("video", "src")):
            for el in doc.find_all(tag):
                value = el.get(attr) or ""
                if tag == "link" and "stylesheet" not in (el.get("rel") or []) and \
                        "icon" not in " ".join(el.get("rel") or []):
                    continue
                assert not urlparse(value).netloc, f"{html}: <{tag} {attr}={value}>"
    css = " ".join(p.read_text(encoding="utf-8") for p in site.rglob("*.css"))
    assert "fonts.googleapis" not in css


def test_charts_are_svg_files_with_text_and_a_data_table(site: Path) -> None:
    doc = soup(site, "supervision")
    fig = doc.find("figure", class_="chart")
    img = fig.find("img")
    assert img["alt"]
    svg_path = (site / "supervision" / img["src"]).resolve()
    svg = ET.fromstring(svg_path.read_text(encoding="utf-8"))
    assert svg.get("role") == "img" and svg.get("aria-label")
    assert svg.find(".//{http://www.w3.org/2000/svg}text") is not None  # text kept as text
    assert fig.find_next_sibling("details").find("table") is not None


def test_chinese_interface(tmp_path: Path) -> None:
    out = build_site(ROOT / "mkdocs.yml", tmp_path / "zh", records=str(VALID), as_of=AS_OF,
                     locale="zh")
    doc = soup(out, "units/east")
    assert doc.find("html")["lang"] == "zh"
    assert doc.find("h1").get_text(strip=True) == "东区"
    text = soup(out, "supervision/sup-c").get_text(" ", strip=True)
    assert "已逾期88天" in text
    home = soup(out, "")
    nav = [a.get_text(" ", strip=True)
           for a in home.find("nav", class_="md-nav--primary").find_all(["a", "label"])]
    assert "督查督办" in nav and "Supervision" not in nav
    assert home.find("h1").get_text(strip=True) == "市政府办公厅工作门户"


def test_failed_validation_builds_nothing_and_keeps_the_site(tmp_path: Path) -> None:
    from .conftest import INVALID, overlay

    records = overlay(tmp_path, INVALID / "SCHEMA_ENUM")
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("previous edition", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generators.cli", "build", "--records",
                             str(records), "--site-dir", str(site_dir), "--config",
                             str(ROOT / "mkdocs.yml"), "--as-of", str(AS_OF)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    # said in the edition's language (Chinese unless --locale en)
    assert "SCHEMA_ENUM" in result.stderr and "未生成门户" in result.stderr
    assert "不是kind允许的取值" in result.stderr
    assert (site_dir / "index.html").read_text(encoding="utf-8") == "previous edition"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []


def test_export_md_builds_with_plain_mkdocs(tmp_path: Path) -> None:
    out = tmp_path / "export"
    n = export_markdown(ROOT / "mkdocs.yml", out, records=str(VALID), as_of=AS_OF, locale="en")
    assert n > 30
    config = yaml.load((out / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    names = [p if isinstance(p, str) else next(iter(p)) for p in config["plugins"]]
    assert "portal" not in names and "macros" not in names
    home = (out / "docs/index.md").read_text(encoding="utf-8")
    assert "{{" not in home and "Supervision items overdue" in home  # the desk, rendered
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=out,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert (out / "site/supervision/sup-c/index.html").exists()


@pytest.mark.parametrize(("url", "table_id", "model"), [
    ("meetings", "meetings", "meeting"), ("received", "received", "received"),
    ("requests", "requests", "request"), ("information", "briefings", "briefing"),
    ("units", "units", "unit"), ("officials", "officials", "official"),
])
def test_more_index_rows_equal_catalog_counts(site: Path, cat: Catalog, url: str,
                                              table_id: str, model: str) -> None:
    assert len(table_rows(soup(site, url), table_id)) == len(cat.by_type[model])


def test_every_status_in_the_tables_is_the_catalogs(site: Path, cat: Catalog) -> None:
    from generators.labels import value_label

    by_title = {s.title: cat.supervision[s.id].status for s in cat.of(Supervision)}
    for row in table_rows(soup(site, "supervision"), "supervision"):
        assert row[4] == value_label(by_title[row[0]], "en")
    register = {row[0]: row[2] for row in table_rows(soup(site, "documents/normative"),
                                                     "normative")}
    for doc_id, v in cat.validity.items():
        number = cat.by_id[doc_id].number  # type: ignore[attr-defined]
        assert register[number] == value_label(v.status, "en")
    liaison = {row[0]: row[5] for row in table_rows(soup(site, "liaison"), "liaison")}
    for li in cat.of(Liaison):
        assert liaison[li.number] == value_label(cat.liaison[li.id].status, "en")


def test_dashboard_counts_the_overdue_items_the_desk_lists(site: Path, cat: Catalog) -> None:
    from generators.pages.desk import DESK_ROWS

    overdue = {s.title for s in cat.of(Supervision) if cat.supervision[s.id].status == "overdue"}
    home = soup(site, "")
    tile = home.find("a", class_="tile--overdue")
    assert int(tile.find("strong").get_text()) == len(overdue) > 0
    assert tile["href"] == "supervision/?status=overdue"  # the finder, on every item
    block = home.find(id="desk-supervision")
    assert int(block.find(class_="desk-count").get_text()) == len(overdue)
    rows = {tr.find("td").get_text(strip=True) for tr in block.select("tbody tr")}
    assert rows <= overdue and len(rows) == min(len(overdue), DESK_ROWS)


def test_the_build_publishes_the_one_assembly_of_pages_and_files(site: Path,
                                                                  cat: Catalog) -> None:
    """outputs.generated is what export-md writes and the golden files hold: the MkDocs
    build publishes the same pages and files (hand-written pages take their place)."""
    from generators.outputs import generated

    pages, files = generated(cat, "en")
    hand = {p.relative_to(ROOT / "site_src").as_posix()
            for p in (ROOT / "site_src").rglob("*.md")}
    assert len(pages) > len(cat.records) // 2
    for page in pages:
        if page.src not in hand:
            assert (site / url_of(page.src) / "index.html").exists(), page.src
    for rel, text in files.items():
        if rel.endswith(".md"):
            assert (site / url_of(rel) / "index.html").exists(), rel
        else:
            assert (site / rel).read_bytes() == text.encode("utf-8"), rel


def test_a_build_says_it_is_done_in_the_edition_s_language(tmp_path: Path) -> None:
    """An editor's `make portal` ended in English ("Portal built in …"): portal build's
    last line is in the edition's language, as its problems are."""
    from .conftest import overlay

    records = overlay(tmp_path)
    site_dir = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "generators.cli", "build", "--records",
                             str(records), "--site-dir", str(site_dir), "--config",
                             str(ROOT / "mkdocs.yml"), "--as-of", str(AS_OF)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == f"门户已生成：{site_dir}"
