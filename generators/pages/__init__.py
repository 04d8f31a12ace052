"""Catalog -> Markdown pages (MkDocs virtual files, or a folder with portal export-md)."""

from __future__ import annotations

from .. import charts
from ..catalog import Catalog
from ..urls import relative, url_of
from .common import Page, record_src
from .desk import desk_pages
from .documents import topic_pages
from .hotline import street_pages
from .indexes import dashboard, index_pages
from .liaison import session_pages
from .records import record_jobs, record_pages, render_record
from .reference import reference_pages


def build_pages(cat: Catalog, locale: str = "en",
                assets: dict[str, charts.Chart] | None = None) -> list[Page]:
    """Every generated page, sorted by path so that builds are reproducible.

    Charts become files in assets (path -> chart) when given, else stay inline."""
    if assets is None:
        pages = [*other_pages(cat, locale), *record_pages(cat, locale)]
    else:
        with charts.collecting(assets):
            pages = [*other_pages(cat, locale), *record_pages(cat, locale)]
    return sorted(pages, key=lambda p: p.src)


def other_pages(cat: Catalog, locale: str = "en") -> list[Page]:
    """The pages that are not one record's: indexes, dashboard, unit rollups, reference."""
    return [*index_pages(cat, locale), *desk_pages(cat, locale),
            *session_pages(cat, locale),  # issue 17: sessions,
            *street_pages(cat, locale),  # streets
            *topic_pages(cat, locale),  # topics
            *reference_pages(locale)]


__all__ = ["Page", "build_pages", "dashboard", "other_pages", "record_jobs", "record_pages",
           "record_src", "relative", "render_record", "url_of"]
