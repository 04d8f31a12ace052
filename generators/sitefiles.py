"""What one build hands MkDocs, and what it does after MkDocs (the plugin's manager).

Generated pages are written to a scratch folder and given to MkDocs by path, so that
MkDocs holds the only copy of each page's Markdown (in memory they cost 2.1 GB at 50,000
records).  Record pages are rendered here, or by the background worker for a large
archive, or - on a republish - not at all when nothing they show changed.  MkDocs builds
the pages shard by shard (search.py) and the other pages last.
"""

from __future__ import annotations

import gzip
import logging
import os
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils import get_build_date, get_build_timestamp, get_relative_url, write_file

from . import deps, incremental, plan
from .background import RenderWorker, render_with_charts
from .catalog import Catalog
from .charts import Chart, draw_all
from .memo import Memo, remembering
from .models import Record
from .outputs import STATIC_PAGES
from .pages import Page
from .processes import can_fork, remove_later, scratch
from .search import MAIN, SearchIndexer, indexed, shard_count, shard_of

log = logging.getLogger("mkdocs.plugins.portal")


def _never_modified() -> bool:
    return False


SITEMAP = "sitemap.xml"


@dataclass(frozen=True, slots=True)
class _NoURL:
    """What MkDocs' sitemap reads of a page, for a site without site_url (no URL: the
    sitemap does not name the page)."""

    update_date: str
    is_link: bool = False
    abs_url: None = None
    canonical_url: None = None


@dataclass(frozen=True, slots=True)
class _Unlisted:
    page: _NoURL


def page_dest(src: str, directory_urls: bool) -> str:
    """Where MkDocs writes the page of a Markdown source (as File.dest_uri: README.md as
    index.md; a.md as a/index.html with directory URLs).  Given to the File: MkDocs works
    it out through several properties per page, a share of every build at archive
    scale."""
    parent, _, name = src.rpartition("/")
    stem = name[:-3]  # .md
    if stem == "README":
        stem = "index"
    out = f"{stem}.html" if not directory_urls or stem == "index" else f"{stem}/index.html"
    return f"{parent}/{out}" if parent else out


def nav_sources(items: Any) -> Iterator[str]:
    """Every page named in mkdocs.yml's nav (their titles come from their Markdown)."""
    if isinstance(items, str):
        yield items
    elif isinstance(items, list):
        for item in items:
            yield from nav_sources(item)
    elif isinstance(items, dict):
        for value in items.values():
            yield from nav_sources(value)


class SiteFiles:
    def __init__(self, cat: Catalog, locale: str, background_from: int, search_shards: int,
                 previous: incremental.Previous | None, key: str) -> None:
        self.cat = cat
        self.locale = locale
        self.background_from = background_from
        self.search_shards = search_shards
        self.previous = previous
        self.key = key
        self.scratch = scratch("portal-pages")
        self.worker: RenderWorker | None = None
        self.search: SearchIndexer | None = None
        self.hashes: dict[str, str] = {}
        self.kept: list[str] = []
        """dest_uri of the pages taken from the published site (republish)."""
        self.kept_bundles: set[str] = set()
        self.searched_before: dict[str, str] = {}
        """The last build's pages that search indexed, with their bundles (plan.py: the
        pages search does not index do not count)."""
        self.from_worker: set[str] = set()
        self.charts: dict[str, list[str]] = {}
        """Record page source -> the chart files it shows."""
        self.next_state: incremental.State | None = None
        self.keep: incremental.Keep | None = None
        """What a republish keeps of the published site (build.py applies the rest)."""
        self.bundle: dict[str, str] = {}
        self.record_order: list[str] = []
        self.jobs: list[tuple[str, Record]] = []
        self.digest = incremental.Digests(cat)
        self.deps: dict[str, Collection[str]] = {}
        """Page source -> the keys it read (this build's, or a kept page's last)."""
        self.content: dict[str, str] = {}
        """incremental.State.content of this build."""
        self.same: set[str] = set()
        """dest_uri of the generated pages whose Markdown is as in the published build."""
        self.memo: Memo = {}
        """What this build's charts and calendars remembered (memo.py), for the next."""
        self.kept_sources: set[str] = set()
        self.hand_written: set[str] = set()
        """Sources of the pages in site_src (a generated page of the same name gives way)."""
        self.nav_pages: list[MkDocsPage] = []
        self.listed: list[tuple[str, File | str]] = []
        """Every page of the site in MkDocs' order: its File, or the destination of one
        not given to MkDocs (add)."""

    @contextmanager
    def rendering(self) -> Iterator[None]:
        """Render the other pages inside this, after start(): a republish keeps the
        listing pages whose dependencies did not change (deps.reuse) and takes unchanged
        charts, events and summaries from the last build (memo.py)."""
        prev = self.previous
        log = deps.PageLog(prev.state if prev else None, self.digest, self.digest.own,
                           self.deps)
        with deps.logging_pages(log), remembering(prev.state.memo if prev else {},
                                                  self.memo):
            yield

    def start(self, files: Files, jobs: list[tuple[str, Record]], site_url: str) -> None:
        """Settle which record pages are rendered, and start the worker on them (and on
        the feeds, calendars and open data, and all charts): it runs while this process
        renders the listings and MkDocs converts the pages before them.  A republish of a
        large archive renders its few record pages here and has the worker make only
        the files."""
        self.hand_written = {f.src_uri for f in files}
        jobs = [(src, rec) for src, rec in jobs if src not in self.hand_written]
        shards = self.search_shards or shard_count(len(jobs))
        self.bundle = {src: shard_of(src, shards) for src, _ in jobs}
        # MkDocs builds the record pages shard by shard (search.py), the other pages last
        jobs.sort(key=lambda job: (self.bundle[job[0]], job[0]))
        self.record_order = [src for src, _ in jobs]
        prev = self.previous
        large = len(jobs) >= max(self.background_from, 1) and can_fork()
        if prev:
            made = plan.plan(prev.state, self.digest, self.record_order)
            jobs = [(s, r) for s, r in jobs if s not in made.keep]
            self.hashes.update({s: prev.state.pages[s] for s in made.keep})
            self.deps.update({s: prev.state.deps[s] for s in made.keep})
            self.charts.update({s: list(prev.state.charts[s]) for s in made.keep
                                if s in prev.state.charts})
        if large:
            # a republish renders its few record pages here (most come out as they were,
            # and are kept); the worker makes the feeds, calendars and open data with
            # pandas on the other core
            given = [] if prev else jobs
            self.worker = RenderWorker(self.scratch, self.cat, self.locale, given, site_url,
                                       prev.state.memo if prev else {})
            self.from_worker = {s for s, _ in given}
            log.info("portal: %s by a background worker", f"{len(given)} record pages rendered"
                     if given else "feeds, calendars and open data made")
            jobs = jobs if prev else []
        self.jobs = jobs

    def add(self, files: Files, config: MkDocsConfig, pages: list[Page],
            others: dict[str, str], charts: dict[str, Chart]) -> None:
        """Hand MkDocs every generated file: pages (other than records', and records' not
        left to the worker) are written to the scratch folder unless unchanged.  Charts
        are drawn here, or by the worker, which writes them into the site at the end."""
        scratch = self.scratch
        pages = [p for p in pages if p.src not in self.hand_written]
        if self.worker is not None:  # the worker makes these too
            self.from_worker.update(s for s in STATIC_PAGES if s not in self.hand_written)
        order = [*self.record_order,
                 *sorted({p.src for p in pages} | (self.from_worker - set(self.record_order)))]
        prev = self.previous
        old_pages = prev.state.pages if prev else {}
        charts = dict(charts)
        for src, rec in self.jobs:
            page, own, read = render_with_charts(self.cat, self.locale, src, rec)
            pages.append(page)
            self.deps[src] = read
            charts.update(own)
            if own:
                self.charts[src] = sorted(own)
        if self.worker is not None:
            self.worker.draw(charts)
        else:
            others.update(draw_all(charts))
        titled = prev.state.nav if prev else {}
        in_nav = set(nav_sources(config.nav))
        fresh = set(self.from_worker)
        for page in pages:
            if page.kept:  # deps.reuse: as the published build has it
                self.hashes[page.src] = old_pages[page.src]
                continue
            h = incremental.page_hash(page.markdown)
            self.hashes[page.src] = h
            if old_pages.get(page.src) == h and (page.src in titled or
                                                  page.src not in in_nav):
                continue  # unchanged since the published build
            on_disk = scratch / page.src
            on_disk.parent.mkdir(parents=True, exist_ok=True)
            on_disk.write_text(page.markdown, encoding="utf-8")
            fresh.add(page.src)
        kept_charts: set[str] = set()
        where = f"{scratch}{os.sep}"  # strings: a Path object per page costs at scale
        urls = config.use_directory_urls
        # every page of the site in MkDocs' order, given to MkDocs or not (the sitemap's
        # list, the search bundles): the hand-written pages, then the generated ones
        self.listed = [(f.src_uri, f) for f in files.documentation_pages()]
        for src in order:
            dest = page_dest(src, urls)
            kept = src not in fresh
            if kept:
                self.kept.append(dest)
                self.kept_sources.add(src)
                kept_charts.update(self.charts.get(src, ()))
            if src in old_pages and old_pages[src] == self.hashes.get(src):
                self.same.add(dest)  # kept, or built again only for the navigation
            if kept and src not in in_nav:
                # a kept page outside the navigation is not given to MkDocs: it would only
                # make a Page of it, to skip it (at archive scale most of a republish's
                # MkDocs work); the sitemap lists it all the same (write_sitemap)
                self.listed.append((src, dest))
                continue
            f = File.generated(config, src, abs_src_path=where + src)
            f.dest_uri = dest
            if kept:
                f.is_modified = _never_modified  # type: ignore[method-assign]
            files.append(f)
            self.listed.append((src, f))
        for rel, content in sorted(others.items()):
            f = File.generated(config, rel, content=content)
            files.append(f)
            if f.is_documentation_page():
                self.listed.append((rel, f))
        bundle_of = {(item if isinstance(item, str) else item.dest_uri):
                     self.bundle.get(src, MAIN) for src, item in self.listed}
        if prev:
            # a bundle whose pages show what they showed needs no new index; the main
            # bundle holds hand-written pages too, whose HTML is known later (finish)
            self.searched_before = {d: b for d, b in prev.state.bundles.items()
                                    if indexed(d)}
            self.kept_bundles = plan.unchanged_bundles(
                {d: b for d, b in bundle_of.items() if indexed(d)}, self.searched_before,
                self.same) - {MAIN}
            self.keep = incremental.Keep(set(self.kept) | kept_charts,
                                         {f"pagefind/{b}" for b in self.kept_bundles})
        self.search = SearchIndexer(Path(config.site_dir), bundle_of, self.kept_bundles,
                                    prev.site if prev else None, set(self.kept))
        self.next_state = incremental.State(self.key, "", self.deps, {}, self.hashes,
                                            bundle_of,
                                            self.charts, self.memo, self.content, {})
        log.info("portal: %d generated pages to build, %d kept from the last build",
                 len(order) - len(self.kept), len(self.kept))

    def write_sitemap(self, config: MkDocsConfig, env: jinja2.Environment,
                      nav: Navigation) -> None:
        """sitemap.xml and sitemap.xml.gz, as MkDocs writes them (its template, its
        context, its gzip timestamp), listing every page: those not given to MkDocs too.
        MkDocs' own is not made (plugin.on_config): it lists only the pages it was
        given, and a republish gives it only those it builds."""
        from mkdocs.commands.build import get_context

        today = get_build_date()
        pages: list[Any] = []
        for src, item in self.listed:
            if isinstance(item, File):
                pages.append(item)
            elif config.site_url:  # (its page's URLs only with one: Page works them out)
                f = File(src, None, config.site_dir, config.use_directory_urls,
                         dest_uri=item)
                MkDocsPage(None, f, config)
                pages.append(f)
            else:
                pages.append(_Unlisted(_NoURL(today)))
        context = get_context(nav, pages, config,
                              base_url=get_relative_url(".", SITEMAP))
        try:
            template = env.get_template(SITEMAP)
        except jinja2.TemplateNotFound:  # a theme without one: MkDocs makes none either
            return
        output = template.render(context)
        if not output.strip():
            return
        path = os.path.join(config.site_dir, SITEMAP)
        write_file(output.encode("utf-8"), path)
        with open(f"{path}.gz", "wb") as fh, gzip.GzipFile(
                fileobj=fh, filename=f"{path}.gz", mode="wb",
                mtime=get_build_timestamp(pages=[f.page for f in pages])) as gz:
            gz.write(output.encode("utf-8"))

    def navigation(self, nav: Navigation) -> None:
        """The kept pages of the navigation are not read: they get the title and front
        matter they had (the next build takes them from this one's state)."""
        titled = self.previous.state.nav if self.previous else {}
        for page in nav.pages:
            src = page.file.src_uri
            if src in self.kept_sources and src in titled:
                page.title, meta = titled[src]
                page.meta = dict(meta)
        self.nav_pages = nav.pages

    def read(self, src: str) -> str | None:
        """A page the worker renders (None for the others)."""
        if self.worker is None or src not in self.from_worker or src in self.hashes:
            return None
        markdown = self.worker.read(src)
        if src not in STATIC_PAGES:  # made again by every build, as files (outputs.py)
            self.hashes[src] = incremental.page_hash(markdown)
        return markdown

    def converted(self, src_uri: str, dest_uri: str, html: str) -> None:
        """MkDocs has converted a page: remember its HTML's hash if its Markdown has none."""
        if src_uri not in self.hashes:
            self.content[dest_uri] = incremental.page_hash(html)

    def written(self, dest_uri: str) -> None:
        if self.search is not None:
            self.search.written(dest_uri)

    def finish(self, site: Path) -> None:
        if self.worker is not None:
            # the worker drew the charts and made the feeds and data: into the site
            uses, used, read = self.worker.finish(site)
            self.memo.update(used)
            self.charts.update(uses)
            self.deps.update(read)
        if self.search is not None:
            self._reuse_main()
            self.search.launch()  # Pagefind runs while the state is made
        if self.next_state is not None:  # the worker's pages are all hashed by now
            state = self.next_state
            state.nav = {p.file.src_uri: (p.title, dict(p.meta)) for p in self.nav_pages
                         if p.file.src_uri in self.hashes}
            state.deps = incremental.shared(self.deps)
            state.digests = self.digest.table({k for keys in state.deps.values()
                                               for k in keys})
            state.build_id = incremental.build_id(self.key, state.pages, state.digests,
                                                  state.bundles, state.content)
        if self.search is not None:
            self.search.finish()
        if self.next_state is not None:
            (site / incremental.MARKER).write_text(self.next_state.build_id, encoding="utf-8")

    def _reuse_main(self) -> None:
        """Keep the main search bundle if every page of it shows what it showed."""
        prev = self.previous
        if prev is None or self.search is None or self.keep is None:
            return
        before = prev.state.content
        same = self.same | {d for d, h in self.content.items() if before.get(d) == h}
        if MAIN in plan.unchanged_bundles(self.search.plan, self.searched_before, same):
            self.search.reuse.add(MAIN)
            self.kept_bundles.add(MAIN)
            self.keep.folders.add(f"pagefind/{MAIN}")

    def close(self) -> None:
        if self.worker is not None:
            self.worker.abort()
            self.worker = None
        if self.search is not None:
            self.search.abort()
            self.search = None
        remove_later(self.scratch)  # deleting a large archive's pages is not the build's wait

