"""The MkDocs plugin: a thin adapter from MkDocs events to the stage modules.

on_config reads and links the records once per build; on_files hands the
generated pages and assets to MkDocs as virtual files; on_serve watches the
records folder.  Everything else lives in modules that run without MkDocs.
"""

from __future__ import annotations

import gc
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .background import RenderWorker, can_fork
from .catalog import Catalog
from .charts import collecting as charts_collecting
from .config import PortalConfig
from .editions import MANIFEST, manifest
from .labels import labels
from .models import Record
from .outputs import ASSETS, generated_in_parts, open_catalog, resolve_as_of
from .pages import render_record
from .search import MAIN, SearchIndexer, SearchIndexError, shard_count, shard_of
from .validate import validate

# titles mkdocs.yml gives in English -> label keys (labels.py)
NAV_KEYS = {"Home": "home", "Search": "search", "Documents": "documents",
            "Meetings": "meetings", "Supervision": "supervision", "Appraisal": "appraisal",
            "Information": "information", "Liaison": "liaison", "Units": "units",
            "Officials": "officials", "Data": "open_data", "About": "about"}


def _walk(items: list[Any]) -> Iterator[Any]:
    for item in items:
        yield item
        yield from _walk(getattr(item, "children", None) or [])


class PortalPlugin(BasePlugin[PortalConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.catalog: Catalog | None = None
        self.records_path: Path | None = None
        self._scratch: tempfile.TemporaryDirectory[str] | None = None
        self._worker: RenderWorker | None = None
        self._search: SearchIndexer | None = None
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
        if self.config.locale == "zh":
            config.theme["language"] = "zh"
        config.extra["portal"] = {"as_of": str(as_of), "audience": self.config.audience,
                                  "locale": self.config.locale}
        if self.config.edition is None:
            # only an edition has a versions.json beside it; elsewhere the selector's
            # fetch would be a 404 on every page
            config.extra.pop("version", None)
        for name in ASSETS:
            path = f"assets/portal/{name}"
            target = config.extra_css if name.endswith(".css") else config.extra_javascript
            if path not in [str(x) for x in target]:
                target.append(path)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.catalog is not None
        previous = None
        if self.config.previous_edition:
            previous = json.loads(Path(self.config.previous_edition).read_text("utf-8"))
        edition = str(self.config.edition) if self.config.edition is not None else None
        pages, jobs, others = generated_in_parts(self.catalog, self.config.locale,
                                                 config.site_url or "", previous, edition)
        # Generated pages are written to a scratch folder and handed to MkDocs by path:
        # MkDocs then holds one copy of each page's Markdown, not two (measured: 2.1 GB
        # peak at 50,000 records with in-memory content).
        self._scratch = tempfile.TemporaryDirectory(prefix="portal-pages-")
        scratch = Path(self._scratch.name)
        jobs = [(src, rec) for src, rec in jobs if files.get_file_from_path(src) is None]
        # MkDocs builds the pages shard by shard (search.py), the other pages last
        shards = self.config.search_shards or shard_count(len(jobs))
        bundle = {src: shard_of(src, shards) for src, _ in jobs}
        order = {src: i for i, src in enumerate(sorted(
            [*bundle, *(p.src for p in pages)],
            key=lambda src: (src not in bundle, bundle.get(src, ""), src)))}
        jobs.sort(key=lambda job: order[job[0]])
        if len(jobs) >= max(self.config.background_from, 1) and can_fork():
            self._worker = RenderWorker(scratch, self.catalog, self.config.locale, jobs)
            later = [src for src, _ in jobs]
        else:
            with charts_collecting(others):
                pages += [render_record(self.catalog, self.config.locale, src, rec)
                          for src, rec in jobs]
            later = []
        for page in pages:
            if files.get_file_from_path(page.src) is not None:
                continue  # a hand-written page of site_src/ wins over a generated one
            on_disk = scratch / page.src
            on_disk.parent.mkdir(parents=True, exist_ok=True)
            on_disk.write_text(page.markdown, encoding="utf-8")
        # one order, whoever renders: MkDocs reads pages in this order, and the background
        # worker renders them in it too
        for src in sorted([p.src for p in pages if files.get_file_from_path(p.src) is None]
                          + later, key=order.__getitem__):
            files.append(File.generated(config, src, abs_src_path=str(scratch / src)))
        for rel, content in sorted(others.items()):
            files.append(File.generated(config, rel, content=content))
        files.append(File.generated(config, MANIFEST, content=json.dumps(
            manifest(self.catalog), ensure_ascii=False, indent=1, sort_keys=True)))
        self._search = SearchIndexer(Path(config.site_dir), {
            f.dest_uri: bundle.get(f.src_uri, MAIN) for f in files.documentation_pages()})
        # The records and catalog live to the end of the build; the cyclic collector would
        # walk them again at every full collection while MkDocs renders pages.
        gc.freeze()
        return files

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        if self._worker is not None and self._scratch is not None and \
                page.file.abs_src_path and \
                page.file.abs_src_path.startswith(self._scratch.name):
            try:
                return self._worker.read(page.file.src_uri)
            except RuntimeError as exc:
                raise PluginError(f"portal: {exc}") from None
        return None

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self._search is not None:
            try:
                self._search.written(page.file.dest_uri)
            except SearchIndexError as exc:
                raise PluginError(f"portal: {exc}") from None
        return output

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Section and page titles written in mkdocs.yml, in the interface's language."""
        if self.config.locale != "en":
            t = labels(self.config.locale)
            for item in _walk(nav.items):
                key = NAV_KEYS.get(item.title or "")
                if key:
                    item.title = t(key)
        return nav

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        try:
            if self._worker is not None:
                # charts of record pages (unit pages have them) are made by the worker
                for rel, svg in self._worker.finish().items():
                    path = site / rel
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_text(svg, encoding="utf-8")
            if self._search is not None:
                self._search.finish()
        except (RuntimeError, SearchIndexError) as exc:
            raise PluginError(f"portal: {exc}") from None
        finally:
            self._cleanup()

    def on_build_error(self, *, error: Exception) -> None:
        self._cleanup()

    def _cleanup(self) -> None:
        if self._worker is not None:
            self._worker.abort()
            self._worker = None
        if self._search is not None:
            self._search.abort()
            self._search = None
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig,
                 builder: Any) -> LiveReloadServer:
        if self.records_path is not None:
            server.watch(str(self.records_path))
        return server
