"""The MkDocs plugin: a thin adapter from MkDocs events to the stage modules.

on_config reads and links the records once per build; on_files hands the
generated pages and assets to MkDocs as virtual files; on_serve watches the
records folder.  Everything else lives in modules that run without MkDocs.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import html as html_lib
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from . import csp, incremental
from .asof import AsOfError
from .build import edition_frame
from .cache import bytecode_cache, cache_path
from .catalog import Catalog
from .config import PortalConfig
from .labels import labels
from .models import Record
from .outputs import (
    ASSETS,
    attachment_copies,
    generated_others,
    open_catalog,
    resolve_as_of,
)
from .pages import record_jobs
from .search import SearchIndexError
from .sitefiles import SITEMAP, SiteFiles
from .validate import validate

if TYPE_CHECKING:
    from mkdocs.livereload import LiveReloadServer

    from .warm import Warm

log = logging.getLogger("mkdocs.plugins.portal")
THEME = Path(__file__).parent / "theme"
"""Template overrides of Material (escaping, and the scripts the security policy allows)."""

# titles mkdocs.yml gives in English -> label keys (labels.py)
NAV_KEYS = {"Home": "home", "Search": "search", "Documents": "documents",
            "Meetings": "meetings", "Supervision": "supervision", "Appraisal": "appraisal",
            "Information": "information", "Liaison": "liaison", "Units": "units",
            "Officials": "officials", "Data": "open_data", "About": "about",
            "Duty": "duty_office"}  # issue 16: duty office

VARIANT = ".en.md"
"""A hand-written page's English source beside its Chinese one (about.md, about.en.md): the
edition takes one of the two under the page's one address.  Prose reads as written in each
language, which a page of label lookups would not; mkdocs-static-i18n names its files the
same way."""


def _walk(items: list[Any]) -> Iterator[Any]:
    for item in items:
        yield item
        yield from _walk(getattr(item, "children", None) or [])


def _macros_on_hand_written_pages_only(config: MkDocsConfig) -> None:
    """The macros plugin renders only the hand-written pages that ask (render_by_default is
    false), yet it copies every page object to look, which grows with the archive.  Generated
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


def choose_variants(files: Files, locale: str) -> None:
    """Each hand-written page in the edition's language: the English edition reads
    about.en.md as about.md (same address, so links and the language selector stay
    between the same pages); the Chinese one drops the .en.md files."""
    for file in list(files):
        if not file.src_uri.endswith(VARIANT):
            continue
        files.remove(file)
        base = files.get_file_from_path(file.src_uri[:-len(VARIANT)] + ".md")
        if locale == "en" and base is not None:
            base.abs_src_path = file.abs_src_path


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
        self.read_caches = True
        """False for `portal build --full`: no cache is read (cache.py)."""
        self.warm: Warm | None = None
        """What `portal serve` keeps from its last build (warm.py); set by build_site."""
        self.theme_scripts: set[str] = set()
        """The inline scripts written in the theme's templates (csp.py)."""
        self.env: jinja2.Environment | None = None
        self.nav: Navigation | None = None
        """The build's theme environment and navigation (for the sitemap)."""
        self.serving = False
        """Under `mkdocs serve`: its live reload is an inline script made anew for every
        request, which no policy of hashes can allow, so the preview carries none."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        base = Path(config.config_file_path or ".").parent
        self.records_path = (base / self.config.records_dir).resolve()
        if not self.records_path.is_dir():
            raise PluginError(f"portal: records folder '{self.records_path}' does not exist")
        as_of = self._as_of()
        # taken once: MkDocs keeps this instance for the next build of the process (a test
        # suite, `portal serve`), which must not get these records
        records, self.preloaded = self.preloaded, None
        if records is None:
            records, report = validate(self.records_path, self.config.records_dir, as_of,
                                       use_cache=self.read_caches)
            if report.failed(self.config.strict_records):
                raise PluginError("portal: the records have problems; nothing was built\n"
                                  + report.text())
        self.catalog = open_catalog(records, self.records_path, as_of, self.config.audience,
                                    self.config.request_days, self.read_caches, self.warm)
        gc.freeze()  # see on_files
        config.theme["language"] = self.config.locale  # Material's own strings, <html lang>
        # the site's name, description and footer in the edition's language; mkdocs.yml
        # names the office in each (plugins.portal.site_name), else labels.py does
        frame = edition_frame(self.config)
        config.site_name = frame["site_name"]
        config.site_description = frame["site_description"]
        config.copyright = frame["copyright"]
        config.extra["portal"] = {"as_of": str(as_of), "audience": self.config.audience,
                                  "locale": self.config.locale,
                                  "labels": frame["labels"]}
        if self.config.edition is None:
            # only an edition has a versions.json beside it; elsewhere the selector's
            # fetch would be a 404 on every page
            config.extra.pop("version", None)
        _macros_on_hand_written_pages_only(config)
        # our templates come before Material's (a site's own custom_dir still comes first)
        if str(THEME) not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
        self.theme_scripts = csp.template_scripts(config.theme.dirs)
        # the sitemap lists pages MkDocs is not given (sitefiles.SiteFiles.write_sitemap)
        config.theme.static_templates.discard(SITEMAP)
        for name in ASSETS:
            path = f"assets/portal/{name}"
            target = config.extra_css if name.endswith(".css") else config.extra_javascript
            if path not in [str(x) for x in target]:
                target.append(path)
        return config

    def _as_of(self) -> dt.date:
        """The as-of rule (asof.py); a malformed PORTAL_AS_OF or SOURCE_DATE_EPOCH under
        plain `mkdocs` is MkDocs' one-line error, not a traceback."""
        try:
            return resolve_as_of(self.config.as_of)  # type: ignore[arg-type]
        except AsOfError as exc:
            raise PluginError(f"portal: {exc}") from None

    def build_key(self, config: MkDocsConfig) -> str:
        """What every page depends on (incremental.py): a republish needs the same key."""
        previous = self.config.previous_edition
        return incremental.global_key(config, {
            "as_of": str(self._as_of()),
            "audience": self.config.audience, "locale": self.config.locale,
            "edition": str(self.config.edition), "site_url": config.site_url or "",
            "previous": Path(previous).read_text("utf-8") if previous else "",
            "shards": self.config.search_shards})  # the theme: cache.code_version

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.catalog is not None
        choose_variants(files, self.config.locale)
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
        # issue 17: attachments, copied from the records as they are (MkDocs copies a
        # static file by its path; every build writes them: they are few and small)
        for rel, path in sorted(attachment_copies(self.catalog).items()):
            files.append(File.generated(config, rel, abs_src_path=str(path)))
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

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str | None:
        """Front matter's title, subtitle, description and author as HTML, like every other
        title (generators/theme/main.html): the navigation, the header and the meta tags
        insert them as they are."""
        for key in ("title", "subtitle", "description", "author"):
            value = page.meta.get(key)
            if isinstance(value, str):
                page.meta[key] = html_lib.escape(value)
        return None

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
        # a hand-written page's own scripts are those written in its source
        source = page.file.content_string if page.file.generated_by is None else ""
        return self._with_policy(output, page.file.src_uri, source)

    def on_post_template(self, output_content: str, *, template_name: str,
                         config: MkDocsConfig) -> str:
        if not template_name.endswith(".html"):
            return output_content
        return self._with_policy(output_content, template_name, "")

    def _with_policy(self, html: str, where: str, source: str) -> str:
        if self.serving:
            return html
        scripts = self.theme_scripts
        written = set(csp.inline_scripts(source)) if "<script" in source else set()

        def own(script: str) -> bool:
            return script in scripts or script in written

        try:
            out, foreign = csp.with_policy(html, own)
        except csp.PolicyError as exc:
            raise PluginError(f"portal: {where}: {exc}") from None
        for script in foreign:
            log.warning("portal: %s: an inline script that is not the site's own, which the "
                        "Content-Security-Policy blocks: %.80r", where, script)
        return out

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Section and page titles written in mkdocs.yml, in the interface's language and
        as HTML, like every title (generators/theme/main.html); the kept pages' titles
        (sitefiles.py)."""
        t = labels(self.config.locale)
        for item in _walk(nav.items):
            if item.title:  # set here only by mkdocs.yml: pages' own come when read
                key = NAV_KEYS.get(item.title)
                shown = t(key) if key and self.config.locale != "en" else item.title
                item.title = html_lib.escape(shown)
        if self.files is not None:
            self.files.navigation(nav)
        self.nav = nav
        return nav

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig,
               files: Files) -> jinja2.Environment:
        """Material's templates compiled once, not at every build (a share of every republish):
        Jinja's bytecode cache checks each template's source before it uses the cache."""
        self.env = env
        if self.records_path is not None and env.bytecode_cache is None:
            folder = cache_path(self.records_path, "jinja").with_suffix("")
            with contextlib.suppress(OSError):  # a read-only checkout builds without it
                env.bytecode_cache = bytecode_cache(folder, read=self.read_caches)
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        try:
            if self.files is not None:
                if self.env is not None and self.nav is not None:
                    self.files.write_sitemap(config, self.env, self.nav)
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
