"""Catalog -> Markdown pages (MkDocs virtual files, or a folder with portal export-md)."""

from __future__ import annotations

from .. import charts
from ..catalog import Catalog
from ..urls import relative, url_of
from .common import Page, record_src
from .indexes import dashboard, index_pages
from .records import record_pages
from .reference import reference_pages


def build_pages(cat: Catalog, locale: str = "en",
                assets: dict[str, str] | None = None) -> list[Page]:
    """Every generated page, sorted by path so that builds are reproducible.

    Charts become files in assets (path -> SVG) when given, else stay inline."""
    if assets is None:
        pages = [*index_pages(cat, locale), *record_pages(cat, locale), *reference_pages()]
    else:
        with charts.collecting(assets):
            pages = [*index_pages(cat, locale), *record_pages(cat, locale),
                     *reference_pages()]
    return sorted(pages, key=lambda p: p.src)


__all__ = ["Page", "build_pages", "dashboard", "record_src", "relative", "url_of"]
