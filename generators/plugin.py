"""The MkDocs plugin: a thin adapter from MkDocs events to the stage modules.

on_config reads and links the records once per build; on_files hands the
generated pages and assets to MkDocs as virtual files; on_serve watches the
records folder.  Everything else lives in modules that run without MkDocs.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from . import incremental
from .cache import cache_path
from .catalog import Catalog
from .config import PortalConfig
from .labels import labels
from .models import Record
from .outputs import ASSETS, generated_others, open_catalog, resolve_as_of
from .pages import record_jobs
from .search import SearchIndexError
from .sitefiles import SiteFiles
from .validate import validate

if TYPE_CHECKING:
    from mkdocs.livereload import LiveReloadServer

# titles mkdocs.yml gives in English -> label keys (labels.py)
NAV_KEYS = {"Home": "home", "Search": "search", "Documents": "documents",
            "Meetings": "meetings", "Supervision": "supervision", "Appraisal": "appraisal",
            "Information": "information", "Liaison": "liaison", "Units": "units",
            "Officials": "officials", "Data": "open_data", "About": "about"}


def _walk(items: list[Any]) -> Iterator[Any]:
    for item in items:
        yield item
        yield from _walk(getattr(item, "children", None) or [])


def _macros_on_hand_written_pages_only(config: MkDocsConfig) -> None:
    """The macros plugin renders only the hand-written pages that ask (render_by_default is
    false), yet it copies every page object to look: 0.5 s at 10,000 records.  Generated
    pages never pass through it (nor may they: record text is shown as written)."""
    macros = config.plugins.get("macros")
    events = config.plugins.events["page_markdown"]
    if macros is None or getattr(macros, "on_page_markdown", None) not in events:
        return
    render = macros.on_page_markdown

    def hand_written_only(markdown: str, /, *, page: Page, **kwargs: Any) -> str | None:
        if page.file.generated_by is not None:
            return None  # None keeps the Markdown as it is
        result: str | None = render(markdown, page=page, **kwargs)
        return result

    at = events.index(render)
    events[at] = hand_written_only
    config.plugins._event_origins[hand_written_only] = "macros"


class PortalPlugin(BasePlugin[PortalConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.catalog: Catalog | None = None
        self.records_path: Path | None = None
        self.files: SiteFiles | None = None
        self.previous: incremental.Previous | None = None
        """The published build this one republishes (set by build_site), if any."""
        self.preloaded: list[Record] | None = None
        """Records already validated by `portal build` (saves reading them twice)."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        base = Path(config.config_file_path or ".").parent
        self.records_path = (base / self.config.records_dir).resolve()
        if not self.records_path.is_dir():
            raise PluginError(f"portal: records folder '{self.records_path}' does not exist")
        as_of = resolve_as_of(self.config.as_of)  # type: ignore[arg-type]
        if self.preloaded is not None:
            records = self.preloaded
        else:
            records, report = validate(self.records_path, self.config.records_dir, as_of)
            if report.failed(self.config.strict_records):
                raise PluginError("portal: the records have problems; nothing was built\n"
                                  + report.text())
        self.catalog = open_catalog(records, self.records_path, as_of, self.config.audience)
        gc.freeze()  # see on_files
        if self.config.locale == "zh":
            config.theme["language"] = "zh"
        config.extra["portal"] = {"as_of": str(as_of), "audience": self.config.audience,
                                  "locale": self.config.locale}
        if self.config.edition is None:
            # only an edition has a versions.json beside it; elsewhere the selector's
            # fetch would be a 404 on every page
            config.extra.pop("version", None)
        _macros_on_hand_written_pages_only(config)
        for name in ASSETS:
            path = f"assets/portal/{name}"
            target = config.extra_css if name.endswith(".css") else config.extra_javascript
            if path not in [str(x) for x in target]:
                target.append(path)
        return config

    def build_key(self, config: MkDocsConfig) -> str:
        """What every page depends on (incremental.py): a republish needs the same key."""
        previous = self.config.previous_edition
        return incremental.global_key(config, {
            "as_of": str(resolve_as_of(self.config.as_of)),  # type: ignore[arg-type]
            "audience": self.config.audience, "locale": self.config.locale,
            "edition": str(self.config.edition), "site_url": config.site_url or "",
            "previous": Path(previous).read_text("utf-8") if previous else "",
            "shards": self.config.search_shards})

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.catalog is not None
        previous = None
        if self.config.previous_edition:
            previous = json.loads(Path(self.config.previous_edition).read_text("utf-8"))
        edition = str(self.config.edition) if self.config.edition is not None else None
        self.files = SiteFiles(self.catalog, self.config.locale, self.config.background_from,
                               self.config.search_shards, self.previous,
                               self.build_key(config))
        self.files.start(files, record_jobs(self.catalog), config.site_url or "")
        with self.files.rendering():
            pages, others, charts = generated_others(self.catalog, self.config.locale,
                                                     config.site_url or "", previous, edition,
                                                     static=self.files.worker is None)
            self.files.add(files, config, pages, others, charts)
        # The records and catalog live to the end of the build; the cyclic collector would
        # walk them again at every full collection while MkDocs renders pages.
        gc.freeze()
        return files

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.files is None:
            return None
        try:
            return self.files.read(page.file.src_uri)
        except RuntimeError as exc:
            raise PluginError(f"portal: {exc}") from None

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str | None:
        if self.files is not None:
            self.files.converted(page.file.src_uri, page.file.dest_uri, html)
        return html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.files is not None:
            try:
                self.files.written(page.file.dest_uri)
            except SearchIndexError as exc:
                raise PluginError(f"portal: {exc}") from None
        return output

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Section and page titles written in mkdocs.yml, in the interface's language; the
        kept pages' titles (sitefiles.py)."""
        if self.config.locale != "en":
            t = labels(self.config.locale)
            for item in _walk(nav.items):
                key = NAV_KEYS.get(item.title or "")
                if key:
                    item.title = t(key)
        if self.files is not None:
            self.files.navigation(nav)
        return nav

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig,
               files: Files) -> jinja2.Environment:
        """Material's templates compiled once, not at every build (0.3 s of a republish):
        Jinja's bytecode cache checks each template's source before it uses the cache."""
        if self.records_path is not None and env.bytecode_cache is None:
            folder = cache_path(self.records_path, "jinja").with_suffix("")
            try:
                folder.mkdir(parents=True, exist_ok=True)
                env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
            except OSError:
                pass  # a read-only checkout builds without it
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        try:
            if self.files is not None:
                self.files.finish(Path(config.site_dir))
        except (RuntimeError, SearchIndexError, OSError) as exc:
            raise PluginError(f"portal: {exc}") from None
        finally:
            self._cleanup()

    def on_build_error(self, *, error: Exception) -> None:
        self._cleanup()

    def _cleanup(self) -> None:
        gc.unfreeze()  # `mkdocs serve` builds again and again in one process
        if self.files is not None:
            self.files.close()

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig,
                 builder: Any) -> LiveReloadServer:
        if self.records_path is not None:
            server.watch(str(self.records_path))
        return server
