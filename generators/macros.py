"""mkdocs-macros module: figures and tables of the Catalog for hand-written pages.

Only pages that ask for it (``render_macros: true``) are rendered by macros;
what these macros return is HTML built by our own code from escaped record text
(a record's "{{ ... }}" is shown, never evaluated: Jinja does not render what a
macro returns), except portal_label's labels, which are the portal's own text.
"""

from __future__ import annotations

from typing import Any

from .catalog import Catalog
from .labels import long_date
from .pages.common import Ctx, esc
from .pages.desk import desk_html
from .pages.indexes import dashboard
from .stats import stats_rows


def define_env(env: Any) -> None:
    def catalog() -> Catalog:
        plugin = env.conf["plugins"]["portal"]
        if plugin.catalog is None:  # pragma: no cover - on_config always ran first
            raise RuntimeError("the portal plugin has not loaded the records")
        return plugin.catalog

    def ctx() -> Ctx:
        page = env.page
        return Ctx(catalog(), env.conf["plugins"]["portal"].config.locale,
                   page.file.src_uri if page else "index.md")

    @env.macro
    def portal_dashboard() -> str:
        return dashboard(ctx())

    @env.macro
    def portal_desk() -> str:
        """The leaders' desk (pages/desk.py): what awaits decision and action."""
        return desk_html(ctx())

    @env.macro
    def portal_count(rtype: str) -> int:
        return len(catalog().by_type.get(rtype, []))

    @env.macro
    def portal_as_of() -> str:
        """The as-of date as the edition writes dates in prose (2026年12月1日)."""
        return long_date(catalog().as_of, ctx().locale)

    @env.macro
    def portal_site_name() -> str:
        """The site's name as the plugin set it for the edition (plugin.on_config)."""
        name: str = env.conf["site_name"]
        return name

    @env.macro
    def portal_stats() -> str:
        c = ctx()
        rows = [[esc(name), str(n), esc(detail)]
                for name, n, detail in stats_rows(catalog(), c.locale)]
        return c.table(["record_type", "count", "status"], rows, sortable=False)

    @env.macro
    def portal_label(key: str) -> str:
        return ctx().t(key)
