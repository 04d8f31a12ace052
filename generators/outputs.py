"""What a build writes, whichever engine writes it: the MkDocs plugin, export-md and the
golden tests take their catalog and their generated pages and files from here.

generated() is the whole assembly: the record pages, the other pages (listings,
dashboards, reference, the changes page, the static files' pages), charts, feeds,
calendars, open data, assets and the edition manifest.  The plugin takes the same
assembly in two parts (generated_others and the record pages of pages.record_jobs, which
it renders itself, or has the background worker render); a hand-written page of the same
path takes the place of a generated one in both engines."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .asof import resolve_as_of as resolve_as_of  # the as-of rule, for the plugin
from .attachments import FOLDER as ATTACHMENTS
from .cache import cache_path
from .catalog import Catalog, attach_history, build_catalog
from .charts import Chart, draw_all
from .charts import collecting as charts_collecting
from .editions import MANIFEST, changes_page, manifest_text
from .figures import REQUEST_DAYS
from .finders import finder_files
from .history import Change, read_history
from .incremental import history_head
from .models import Record
from .pages import Page, other_pages, record_pages
from .pages.desk import desk_files
from .validate import release_positions

if TYPE_CHECKING:
    from .warm import Warm

ASSETS = ("portal.css", "portal.js")
"""On every page."""
PAGE_ASSETS = ("search.js", "search.css", "pagefind.js", "desk.js",
               # issue 15: finders (the listings that have one load them: finders.py)
               "finder.js", "finder.css")
"""Only on the pages that ask for them (search.md; the desk on the home page; the finders'
listings)."""


def open_catalog(records: list[Record], records_dir: Path, as_of: dt.date,
                 audience: str, request_days: int = REQUEST_DAYS,
                 read_caches: bool = True, warm: Warm | None = None) -> Catalog:
    """The catalog of validated records for one audience, with their git history
    (read_caches False for `portal build --full`: the levels of git's blobs, which decide
    whose eyes a commit message may reach, are read from git again; warm: `portal
    serve`'s history of the last build, while HEAD names the same commit)."""
    release_positions(records)
    cat = build_catalog(records, as_of, audience, request_days, records_dir)
    cat.warm = warm if read_caches else None
    levels = cache_path(records_dir, "history-levels").with_suffix(".json")

    def read() -> dict[str, list[Change]]:
        return read_history(records_dir, levels, read=read_caches)

    if warm is not None and read_caches:
        history = warm.read_history(records_dir, history_head(records_dir), read)
    else:
        history = read()
    attach_history(cat, history)
    return cat


def static_outputs(cat: Catalog, site_url: str = "", locale: str = "en") -> dict[str, str]:
    """Everything besides pages: feeds, calendars, open data, their index pages, assets."""
    files = static_files(cat, site_url, locale)
    return {**files, **static_pages(cat, list(files), locale), **assets()}


def static_files(cat: Catalog, site_url: str = "", locale: str = "en") -> dict[str, str]:
    """Feeds, calendars, open data, the finders' data, the desks' files and the edition's
    manifest: files no page is made from, each made whole by every build from the whole
    archive (a large build, and every republish of one, has the background worker write
    them on the other core while this process renders pages)."""
    return {**listed_files(cat, site_url, locale), **unlisted_files(cat, locale)}


def listed_files(cat: Catalog, site_url: str = "", locale: str = "en") -> dict[str, str]:
    """The static files a page lists by name: the feeds and calendars (feeds/index.md)."""
    # imported here: a republish of a large archive leaves these to the background worker,
    # and need not import pandas and icalendar (slow to import)
    from .feeds import atom_feeds, calendars

    base = site_url if site_url.endswith("/") or not site_url else site_url + "/"
    return {**atom_feeds(cat, base, locale), **calendars(cat, base, locale)}


def unlisted_files(cat: Catalog, locale: str = "en") -> dict[str, str]:
    """The other static files: open data (data/index.md describes it from the records,
    not from the files), the finders', the desks' and the edition's manifest.  The worker
    makes them after the pages MkDocs waits for (background.py)."""
    from .opendata import exports

    return {**exports(cat),
            **finder_files(cat, locale),  # issue 15: the listings' finders
            **desk_files(cat, locale),  # issue 16: the desk of each unit and official
            MANIFEST: manifest_text(cat)}


STATIC_PAGES = ("feeds/index.md", "data/index.md")


def static_pages(cat: Catalog, files: list[str], locale: str = "en") -> dict[str, str]:
    """The pages that list the static files (STATIC_PAGES)."""
    from .opendata import data_page, feeds_page

    return {"feeds/index.md": feeds_page([f for f in files if f.startswith("feeds/")],
                                         locale),
            "data/index.md": data_page(cat, locale)}


def attachment_copies(cat: Catalog) -> dict[str, Path]:
    """Site path -> the records' file, for every attachment a document of this audience
    names (issue 17): copied as they are, never read into a page (DESIGN.md, Audiences:
    a hidden document's attachments are not in cat.attachments)."""
    if cat.records_dir is None:
        return {}
    root = cat.records_dir / ATTACHMENTS
    return {a.site_src: root / a.path for a in dict.values(cat.attachments)}


def assets() -> dict[str, str]:
    return {f"assets/portal/{name}": resources.files("generators.assets").joinpath(
        name).read_text("utf-8") for name in (*ASSETS, *PAGE_ASSETS)}


def generated(cat: Catalog, locale: str, site_url: str = "",
              previous: dict[str, Any] | None = None,
              edition: str | None = None) -> tuple[list[Page], dict[str, str]]:
    """(generated pages, other files by path): record, index and changes pages; charts,
    feeds, open data, assets and the manifest, all rendered here (export-md, tests)."""
    pages, files, charts = generated_others(cat, locale, site_url, previous, edition)
    with charts_collecting(charts):
        pages.extend(record_pages(cat, locale))
    return pages, {**draw_all(charts), **files}


def generated_others(cat: Catalog, locale: str, site_url: str = "",
                     previous: dict[str, Any] | None = None, edition: str | None = None,
                     static: bool = True,
                     ) -> tuple[list[Page], dict[str, str], dict[str, Chart]]:
    """Like generated() without the record pages (sitefiles.py renders those, or has the
    background worker render them): (the other pages, other files, their charts, not
    drawn yet).  Without static, the static files and their pages are left out
    (the background worker makes them)."""
    charts: dict[str, Chart] = {}
    with charts_collecting(charts):
        pages = other_pages(cat, locale)
    pages.append(changes_page(cat, locale, previous, edition))
    files = static_outputs(cat, site_url, locale) if static else assets()
    return pages, files, charts
