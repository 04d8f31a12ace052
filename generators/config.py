"""Typed configuration of the `portal` MkDocs plugin (after Material's plugins)."""

from __future__ import annotations

import datetime as dt

from mkdocs.config import base
from mkdocs.config import config_options as c


class PortalConfig(base.Config):
    records_dir = c.Type(str, default="records")
    """Records folder, relative to mkdocs.yml."""
    audience = c.Choice(("public", "internal", "restricted"), default="internal")
    """Build for this audience: only records at or below its level are published."""
    as_of = c.Optional(c.Type((str, dt.date)))  # !ENV reads YYYY-MM-DD as a date
    """Reference date YYYY-MM-DD for computed figures (default: SOURCE_DATE_EPOCH or today)."""
    locale = c.Choice(("zh", "en"), default="zh")
    """Interface language of the edition: Chinese unless told (DESIGN.md, "Locales")."""
    site_name = c.Type(dict, default={})
    """The office's own name per locale ({zh: 北京市人民政府办公厅工作门户, en: ...});
    labels.py's home_title where none is given."""
    copyright = c.Type(dict, default={})
    """The footer per locale; labels.py's where none is given."""
    edition = c.Optional(c.Type((str, int, float)))
    """Name of the edition being published (set by portal publish)."""
    previous_edition = c.Optional(c.Type(str))
    """Path of the previous edition's edition.json (set by portal publish)."""
    request_days = c.Type(int, default=15)
    """issue 16: the time limit of a request (办理时限) that gives no due date, in working
    days where registry/calendar.yaml exists, else calendar days."""
    strict_records = c.Type(bool, default=False)
    """Treat validation warnings as errors."""
    background_from = c.Type(int, default=1000)
    """Render record pages in a second process when there are at least this many (and the
    machine has a second core); 0 always does."""
    search_shards = c.Type(int, default=0)
    """Search bundles for the record pages (search.py); 0 chooses by the archive's size."""
