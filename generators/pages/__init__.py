"""Catalog -> Markdown pages (MkDocs virtual files, or a folder with portal export-md)."""

from __future__ import annotations

from ..catalog import Catalog
from .common import Page, record_src, relative, url_of
from .indexes import dashboard, index_pages
from .records import record_pages
from .reference import reference_pages


def build_pages(cat: Catalog, locale: str = "en") -> list[Page]:
    """Every generated page, sorted by path so that builds are reproducible."""
    pages = [*index_pages(cat, locale), *record_pages(cat, locale), *reference_pages()]
    return sorted(pages, key=lambda p: p.src)


__all__ = ["Page", "build_pages", "dashboard", "record_src", "relative", "url_of"]
