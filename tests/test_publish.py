"""Reproducible and atomic builds."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generators.build import BuildError, build_site

from .conftest import AS_OF, ROOT, SAMPLE, SAMPLE_AS_OF, VALID, git, portal_repo

pytestmark = pytest.mark.slow


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _build_in_a_fresh_process(site: Path, options: dict[str, object], broken: bool = False,
                              ) -> subprocess.CompletedProcess[str]:
    """build_site in a new interpreter: the background worker forks only from a process
    with one thread, and this one may run Playwright's."""
    code = (
        "import datetime, logging, sys\n"
        "from pathlib import Path\n"
        "logging.basicConfig(level=logging.INFO)\n"
        "from generators.build import BuildError, build_site\n"
        "import generators.background as bg\n"
        "def broken(cat, locale, src, rec):\n"
        "    raise ValueError('cannot render ' + src)\n"
        f"if {broken!r}:\n"
        "    bg.render_record = broken\n"
        "try:\n"
        f"    build_site(Path({str(ROOT / 'mkdocs.yml')!r}), Path({str(site)!r}),\n"
        f"               records={str(VALID)!r}, as_of=datetime.date.fromisoformat("
        f"{str(AS_OF)!r}), options={options!r}, full=True)\n"
        "except BuildError:\n"
        "    sys.exit(3)\n")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False, cwd=ROOT)


def test_a_build_never_takes_the_records_handed_to_an_earlier_one(tmp_path: Path) -> None:
    """MkDocs keeps one plugin instance for every build of a process: records validated
    for one build (portal build hands them over) must not be published by the next."""
    from generators.validate import validate

    other = tmp_path / "records"
    shutil.copytree(VALID, other)
    sup = other / "supervision/2026/sup-a.yaml"
    sup.write_text(sup.read_text(encoding="utf-8").replace(
        "title: Open 20 km", "title: Handed-over Open 20 km"), encoding="utf-8")
    recs, _report = validate(other, "records", AS_OF)
    first = build_site(ROOT / "mkdocs.yml", tmp_path / "one", records=str(other), as_of=AS_OF,
                       preloaded=recs)
    assert any(b"Handed-over" in page for page in snapshot(first).values())
    second = build_site(ROOT / "mkdocs.yml", tmp_path / "two", records=str(VALID), as_of=AS_OF)
    assert not any(b"Handed-over" in page for page in snapshot(second).values())


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    """Also whichever process renders the record pages: this one, or the background
    worker that large archives use."""
    a = build_site(ROOT / "mkdocs.yml", tmp_path / "a", records=str(VALID), as_of=AS_OF,
                   options={"background_from": 10**9})
    run = _build_in_a_fresh_process(tmp_path / "b", {"background_from": 0})
    assert run.returncode == 0, run.stderr
    assert "rendered by a background worker" in run.stderr
    sa, sb = snapshot(a), snapshot(tmp_path / "b")
    assert sorted(sa) == sorted(sb)
    assert [k for k in sa if sa[k] != sb[k]] == []
    assert any(k.startswith("assets/charts/") for k in sb)  # unit pages' charts came along
    assert any("/filter/" in k for k in sb)  # facets, which Pagefind writes in random order


def test_a_failing_background_worker_fails_the_build(tmp_path: Path) -> None:
    site = build_site(ROOT / "mkdocs.yml", tmp_path / "site", records=str(VALID),
                      as_of=AS_OF)
    before = snapshot(site)
    run = _build_in_a_fresh_process(site, {"background_from": 0}, broken=True)
    assert run.returncode == 3, run.stderr
    assert "rendering the record pages failed" in run.stderr
    assert "ValueError: cannot render " in run.stderr
    assert snapshot(site) == before


def test_a_failing_mkdocs_build_leaves_the_previous_site(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copytree(ROOT / "site_src", project / "site_src")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = build_site(project / "mkdocs.yml", project / "site", records=str(VALID),
                      as_of=AS_OF)
    before = snapshot(site)
    # a hand-written page with a broken link: strict MkDocs refuses to build
    (project / "site_src/about.md").write_text("# About\n\n[gone](missing.md)\n",
                                               encoding="utf-8")
    with pytest.raises(BuildError):
        build_site(project / "mkdocs.yml", project / "site", records=str(VALID), as_of=AS_OF)
    assert snapshot(site) == before
    assert sorted(p.name for p in project.iterdir()) == ["mkdocs.yml", "site", "site_src"]


def test_two_editions_are_listed_and_the_second_says_what_changed(tmp_path: Path) -> None:
    import json

    from bs4 import BeautifulSoup

    from generators.editions import publish

    repo = portal_repo(tmp_path / "portal")
    env = {"PORTAL_RECORDS": str(repo / "records"), "PORTAL_AS_OF": "2026-11-27",
           "HOME": str(repo)}
    # the English edition only (en/): the assertions quote the fixture's English
    publish(repo / "mkdocs.yml", "1.0", alias="latest", title="First", env=env,
            locales=("en",))
    sup = repo / "records/supervision/2026/sup-a.yaml"
    sup.write_text(sup.read_text(encoding="utf-8").replace("Half done.", "Half done and well."),
                   encoding="utf-8")
    (repo / "records/activities/2026/act-a.yaml").unlink()
    env["PORTAL_AS_OF"] = "2026-12-20"
    publish(repo / "mkdocs.yml", "1.1", alias="latest", title="Second", env=env,
            locales=("en",))
    versions = json.loads(git(repo, "show", "gh-pages:en/versions.json"))
    assert [(v["version"], v["aliases"]) for v in versions] == [("1.1", ["latest"]),
                                                               ("1.0", [])]
    page = BeautifulSoup(git(repo, "show", "gh-pages:en/1.1/changes/index.html"), "html.parser")
    text = page.find("article").get_text(" ", strip=True)
    assert "Open 20 km of bus lanes" in text  # changed
    assert "Inspection of bus depots" in text  # removed, named from the old manifest
    assert "Monthly congestion reports On track At risk" in text  # status moved
    first = BeautifulSoup(git(repo, "show", "gh-pages:en/1.0/changes/index.html"), "html.parser")
    assert "first edition" in first.find("article").get_text(" ", strip=True)


def test_search_shards_hold_every_page_once(tmp_path: Path) -> None:
    import gzip
    import json

    from generators.search import indexed, shard_of

    site = build_site(ROOT / "mkdocs.yml", tmp_path / "site", records=str(VALID), as_of=AS_OF,
                      options={"search_shards": 3})
    bundles = json.loads((site / "pagefind/bundles.json").read_text(encoding="utf-8"))
    assert bundles == ["site", "s0", "s1", "s2"]
    where: dict[str, list[str]] = {}
    for bundle in bundles:
        for frag in (site / "pagefind" / bundle / "fragment").glob("*.pf_fragment"):
            raw = gzip.decompress(frag.read_bytes())
            url = json.loads(raw[raw.index(b"{"):])["url"]
            where.setdefault(url, []).append(bundle)
    pages = {"/" + p.parent.relative_to(site).as_posix() + "/"
             for p in site.rglob("index.html")
             if "pagefind" not in p.parts and indexed(p.relative_to(site).as_posix())}
    pages = {"/" if p == "/./" else p for p in pages}
    assert set(where) == pages
    # neither listings' later pages nor the editors' reference: records are what is found
    assert not [u for u in where if u.startswith("/reference/") or "/page_" in u]
    assert (site / "reference/errors/index.html").is_file()
    assert all(len(b) == 1 for b in where.values())
    assert where["/documents/2026/doc-b/"] == [shard_of("documents/2026/doc-b.md", 3)]
    assert where["/"] == where["/search/"] == where["/units/"] == ["site"]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("background_from", [10**9, 0], ids=["in-process", "worker"])
def test_a_republish_equals_a_full_build(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                         monkeypatch: pytest.MonkeyPatch,
                                         background_from: int) -> None:
    """After edits of every kind, the site a republish leaves is the site a full build
    makes, byte for byte: nothing stale survives, no hidden record stays published.  Also
    when the background worker makes the feeds, calendars and open data (large archives)."""
    import logging

    # the browser tests' server thread may be running: the worker's child only writes files
    monkeypatch.setattr("generators.sitefiles.can_fork", lambda: True)

    records = tmp_path / "records"
    shutil.copytree(SAMPLE, records)
    site = tmp_path / "site"
    options = {"search_shards": 3, "background_from": background_from}
    build_site(ROOT / "mkdocs.yml", site, records=str(records), as_of=SAMPLE_AS_OF, options=options)

    sup = sorted(records.glob("supervision/2026/*.yaml"))
    _edit(sup[0], "title: ", "title: Edited ")  # a title shown on other pages
    lead_1 = next(line for line in sup[1].read_text("utf-8").splitlines()
                  if line.startswith("lead: "))
    lead_2 = next(line for line in sup[2].read_text("utf-8").splitlines()
                  if line.startswith("lead: ") and line != lead_1)
    _edit(sup[1], lead_1, lead_2)  # moves to another unit: both unit pages change
    _edit(records / "liaison/2026/lia-2026-001.yaml", "classification: internal",
          "classification: restricted")  # hidden from this (internal) build from now on
    (records / "activities/2026/act-2026-002.yaml").unlink()  # deleted
    added = (records / "activities/2026/act-2026-001.yaml").read_text("utf-8")
    (records / "activities/2026/act-2026-900.yaml").write_text(
        added.replace("id: act-2026-001", "id: act-2026-900"), encoding="utf-8")

    # last year's scores: this year's appraisal page shows the change
    _edit(records / "appraisal/2024.yaml", "weight: 30", "weight: 35")
    _edit(records / "appraisal/2024.yaml", "weight: 15", "weight: 10")
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.portal")
    build_site(ROOT / "mkdocs.yml", site, records=str(records), as_of=SAMPLE_AS_OF, options=options)
    kept = [r.getMessage() for r in caplog.records if "kept from the last build" in r.message]
    assert kept and not kept[-1].endswith(" 0 kept from the last build"), kept
    worker = [r.getMessage() for r in caplog.records if "background worker" in r.message]
    assert worker == ([] if background_from else
                      ["portal: feeds, calendars and open data made by a background worker"])
    assert not (site / "liaison/2026/lia-2026-001").exists()
    assert (site / "activities/2026/act-2026-900/index.html").exists()

    full = build_site(ROOT / "mkdocs.yml", tmp_path / "full", records=str(records),
                      as_of=SAMPLE_AS_OF, options=options, full=True)
    a, b = snapshot(site), snapshot(full)
    assert sorted(a) == sorted(b)
    assert [k for k in a if a[k] != b[k]] == []


def test_a_republish_draws_only_the_charts_whose_figures_changed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Charts, calendar events and the dashboards' summaries come from the last build's
    memo when their inputs are the same (memo.py); new figures are drawn, and the site
    equals a full build's."""
    from generators import charts, summaries

    records = tmp_path / "records"
    shutil.copytree(SAMPLE, records)
    site = tmp_path / "site"
    build_site(ROOT / "mkdocs.yml", site, records=str(records), as_of=SAMPLE_AS_OF)
    drawn: list[str] = []
    real = charts._svg

    def counting(fig: object, title: str) -> str:
        drawn.append(title)
        return real(fig, title)

    monkeypatch.setattr(charts, "_svg", counting)
    computed: list[int] = []
    real_by_unit = summaries._by_unit

    def by_unit(rows: summaries.Rows) -> summaries.Table:
        computed.append(len(rows))
        return real_by_unit(rows)

    monkeypatch.setattr(summaries, "_by_unit", by_unit)
    sup = sorted(records.glob("supervision/2026/*.yaml"))
    _edit(sup[0], "title: ", "title: Edited ")
    build_site(ROOT / "mkdocs.yml", site, records=str(records), as_of=SAMPLE_AS_OF)
    assert drawn == [] and computed == []  # a title: no figure changed
    leads = [next(line for line in path.read_text("utf-8").splitlines()
                  if line.startswith("lead: ")) for path in sup]
    _edit(sup[0], leads[0], next(lead for lead in leads if lead != leads[0]))
    build_site(ROOT / "mkdocs.yml", site, records=str(records), as_of=SAMPLE_AS_OF)
    assert len(computed) == 1  # a unit's items: computed again (once)
    _edit(records / "appraisal/2024.yaml", "weight: 30", "weight: 35")
    _edit(records / "appraisal/2024.yaml", "weight: 15", "weight: 10")
    build_site(ROOT / "mkdocs.yml", site, records=str(records), as_of=SAMPLE_AS_OF)
    assert drawn  # last year's scores changed: their charts are drawn again
    full = build_site(ROOT / "mkdocs.yml", tmp_path / "full", records=str(records),
                      as_of=SAMPLE_AS_OF, full=True)
    assert snapshot(site) == snapshot(full)


def test_a_republish_reindexes_only_the_bundles_whose_pages_changed(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch,
        ) -> None:
    """A document's summary shows on its own page only: its shard is indexed again, the
    main bundle (listings, dashboards, hand-written pages) is kept, only the listing pages
    with the document and the first pages of the documents' listings (whose heads count
    every document) are made again, and the site is still a full build's, search index
    included."""
    import logging
    from typing import Any

    from generators.pages import indexes
    from generators.search import shard_of

    records = tmp_path / "records"
    shutil.copytree(SAMPLE, records)
    site = tmp_path / "site"
    options = {"search_shards": 3}
    build_site(ROOT / "mkdocs.yml", site, records=str(records), as_of=SAMPLE_AS_OF, options=options)
    _edit(records / "documents/2026/doc-2026-101.yaml", "summary: ", "summary: Edited ")
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.portal")
    made: list[tuple[str, list[str]]] = []
    real = indexes._table

    def table(ctx: Any, listing: indexes.Listing, chunk: list[Any]) -> str:
        made.append((ctx.src, [listing.record_id(item) for item in chunk]))
        return real(ctx, listing, chunk)

    monkeypatch.setattr(indexes, "_table", table)
    build_site(ROOT / "mkdocs.yml", site, records=str(records), as_of=SAMPLE_AS_OF, options=options)
    assert any("doc-2026-101" in ids for _, ids in made)
    assert all("doc-2026-101" in ids or (src.startswith("documents/") and "page_" not in src)
               for src, ids in made), made
    indexed = [r.getMessage() for r in caplog.records if "search bundles indexed" in r.message]
    assert indexed == [f"portal: search bundles indexed: "
                       f"{shard_of('documents/2026/doc-2026-101.md', 3)}; kept: 3"]
    full = build_site(ROOT / "mkdocs.yml", tmp_path / "full", records=str(records),
                      as_of=SAMPLE_AS_OF, options=options, full=True)
    assert snapshot(site) == snapshot(full)
