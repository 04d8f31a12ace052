"""Feeds, calendars, open data and history: parsed back with standard tools."""

from __future__ import annotations

import io
from pathlib import Path

import feedparser
import icalendar
import pandas as pd
import pytest
from bs4 import BeautifulSoup

from generators.build import build_site
from generators.catalog import Catalog, attach_history, build_catalog
from generators.feeds import atom_feeds, calendars
from generators.history import read_history
from generators.opendata import COLLECTIONS, COLUMNS, data_page, exports
from generators.validate import validate

from .conftest import AS_OF, ROOT, VALID, git


@pytest.fixture(scope="module")
def cat() -> Catalog:
    recs, _ = validate(VALID, "records", AS_OF)
    return build_catalog(recs, AS_OF, "internal")


def test_atom_feeds_parse_with_stable_ids(cat: Catalog) -> None:
    feeds = atom_feeds(cat, "https://portal.example.gov/")
    docs = feedparser.parse(feeds["feeds/documents.xml"])
    assert not docs.bozo
    assert {e.id for e in docs.entries} == {f"tag:general-office-portal,2026:document/{d}"
                                            for d in ("doc-a", "doc-b", "doc-c")}
    first = docs.entries[0]
    assert first.link == "https://portal.example.gov/documents/2026/doc-c/"
    assert feedparser.parse(feeds["feeds/documents-issuer-go.xml"]).entries
    assert len(feedparser.parse(feeds["feeds/documents-type-opinion.xml"]).entries) == 1
    replies = feedparser.parse(feeds["feeds/liaison-replies.xml"])
    assert len(replies.entries) == 2
    assert atom_feeds(cat, "https://portal.example.gov/") == feeds  # same input, same bytes


def test_public_feed_withholds_withheld_replies() -> None:
    recs, _ = validate(VALID, "records", AS_OF)
    public = build_catalog(recs, AS_OF, "public")
    replies = feedparser.parse(atom_feeds(public)["feeds/liaison-replies.xml"])
    texts = {e.title: e.summary for e in replies.entries}
    assert texts["Reply: 关于增加社区诊所的提案"] == "The reply is not disclosed."


def test_calendars_parse_and_each_unit_gets_what_it_owes(cat: Catalog) -> None:
    cals = calendars(cat)
    main = icalendar.Calendar.from_ical(cals["feeds/calendar.ics"])
    uids = {str(e["uid"]) for e in main.walk("VEVENT")}
    assert "mtg-a@general-office-portal" in uids and "act-a@general-office-portal" in uids
    assert "deadline-sup-b@general-office-portal" in uids
    assert "deadline-sup-a@general-office-portal" not in uids  # completed: nothing owed
    transport = icalendar.Calendar.from_ical(cals["feeds/calendar-transport.ics"])
    assert {str(e["uid"]) for e in transport.walk("VEVENT")} == {
        "deadline-sup-b@general-office-portal", "act-a@general-office-portal"}
    health = icalendar.Calendar.from_ical(cals["feeds/calendar-health.ics"])
    deadline = next(iter(health.walk("VEVENT")))
    assert str(deadline["dtstart"].dt) == "2026-08-31"


def test_csv_reads_back_to_the_same_values(cat: Catalog) -> None:
    files = exports(cat)
    for name, make in COLLECTIONS.items():
        df = make(cat)
        back = pd.read_csv(io.StringIO(files[f"data/{name}.csv"]), dtype=str,
                           keep_default_na=False)
        assert list(back.columns) == list(df.columns), name
        assert len(back) == len(df), name
        want = df.astype(object).where(df.notna(), "").astype(str)
        for col in df.columns:
            expect = [str(v) for v in want[col]]
            got = list(back[col])
            assert got == [e if e != "nan" else "" for e in expect], (name, col)


def test_every_column_is_documented(cat: Catalog) -> None:
    page = data_page(cat)
    for name, make in COLLECTIONS.items():
        for col in make(cat).columns:
            assert COLUMNS.get(col), f"{name}.{col} has no description"
            assert f"| `{col}` |" in page


@pytest.mark.slow
def test_record_pages_show_their_git_history(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    import shutil

    shutil.copytree(VALID, repo / "records")
    git(repo, "init", "-q")
    git(repo, "add", "-A", ".", ":!records/documents/2026/doc-r.yaml",
        ":!records/supervision/2026/sup-d.yaml",
        ":!records/incidents/2026/inc-r.yaml")  # the restricted records come later
    git(repo, "commit", "-qm", "Import the archive", date="2026-11-01T10:00:00")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Add the restricted records", date="2026-11-02T10:00:00")
    sup = repo / "records/supervision/2026/sup-b.yaml"
    sup.write_text(sup.read_text(encoding="utf-8") + "summary: Reported.\n", encoding="utf-8")
    secret = repo / "records/documents/2026/doc-r.yaml"
    secret.write_text(secret.read_text(encoding="utf-8").replace("Audit", "Audit zqsecret"),
                      encoding="utf-8")
    git(repo, "commit", "-qam", "Progress of sup-b; zqsecret audit wording",
        date="2026-11-20T09:00:00")
    history = read_history(repo / "records")
    assert len(history[str(sup.resolve())]) == 2
    recs, _ = validate(repo / "records", "records", AS_OF)
    internal = build_catalog(recs, AS_OF, "internal")
    attach_history(internal, history)
    assert [c.message for c in internal.history["sup-b"]] == ["", "Import the archive"]
    restricted = build_catalog(recs, AS_OF, "restricted")
    attach_history(restricted, history)
    assert restricted.history["sup-b"][0].message.startswith("Progress of sup-b")
    site = build_site(ROOT / "mkdocs.yml", tmp_path / "site", records=str(repo / "records"),
                      as_of=AS_OF, locale="en")
    page = BeautifulSoup((site / "supervision/sup-b/index.html").read_text(encoding="utf-8"),
                         "html.parser").get_text(" ", strip=True)
    assert "Last changed: 2026-11-20" in page and "Import the archive" in page
    assert "zqsecret" not in page


def test_a_records_digest_holds_what_its_page_shows_of_its_history() -> None:
    """Not what else the commit touched (the import of a 10,000-record archive named every
    file: hashing that list for every record took 51 s), but what the page shows."""
    import datetime as dt

    from generators.history import Change, file_key
    from generators.incremental import record_digests

    recs, _ = validate(VALID, "records", AS_OF)
    cat = build_catalog(recs, AS_OF, "internal")
    rec = next(r for r in cat.records if r.src is not None and not r._base)
    mine = file_key(rec.src.file)

    def digests(level: int, message: str = "Import") -> dict[str, str]:
        cat.history.clear()
        attach_history(cat, {mine: [Change("a" * 40, dt.date(2026, 11, 1), message, level)]})
        return record_digests(cat)

    alone = digests(0)
    assert digests(1) == alone  # the internal audience sees both messages alike
    assert digests(0, "Another message")[rec.id] != alone[rec.id]
    assert digests(2)[rec.id] != alone[rec.id]  # withheld: the page shows no message


def test_outside_git_there_is_no_history(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(VALID, tmp_path / "records")
    assert read_history(tmp_path / "records") == {}


def test_relative_urls_are_what_posixpath_relpath_gives() -> None:
    """urls.relative has its own relpath (speed); it must agree with the standard one."""
    import itertools
    import posixpath

    from generators.urls import relative, url_of

    srcs = ["index.md", "a/index.md", "a/b.md", "a/b/c.md", "a/b/index.md", "x/y.md",
            "a.md", "ab/index.md", "a/bc.md", "assets/charts/x.svg", "a/x.svg",
            "feeds/calendar.ics"]
    for here, there in itertools.product([s for s in srcs if s.endswith(".md")], srcs):
        rel = posixpath.relpath(url_of(there) or ".", url_of(here) or ".")
        if there.endswith(".md"):
            rel = "./" if rel == "." else rel + "/"
        assert relative(here, there, "x") == rel + "#x", (here, there)


def test_the_edition_manifest_file_is_the_manifest(tmp_path: Path) -> None:
    import json

    from generators.editions import manifest, manifest_text

    recs, _ = validate(VALID, "records", AS_OF)
    cat = build_catalog(recs, AS_OF, "internal")
    assert json.loads(manifest_text(cat)) == manifest(cat)
    empty = build_catalog([], AS_OF, "internal")
    assert json.loads(manifest_text(empty)) == manifest(empty)
