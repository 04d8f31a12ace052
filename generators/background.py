"""Record pages rendered on the second core while MkDocs converts the pages before them.

MkDocs is single-threaded, and rendering the record pages' Markdown before MkDocs
could start was a large part of a large build.  A forked child (processes.Child)
renders them in the order MkDocs reads them and writes each to a folder; the plugin's
on_page_read_source waits for a page only if the child has not reached it yet.  Then it
makes the feeds, calendars and open data with their two pages, and draws the charts of
every page (the parent sends those of the pages it rendered): files that finish() moves
into the site once MkDocs is done.  A republish of a large archive has it make only
those files (and draw the charts), so that pandas is imported on the other core.

Forking is only done where processes.can_fork() allows; elsewhere (`mkdocs serve`)
pages are rendered in-process.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import shutil
from pathlib import Path

from . import charts, deps
from .catalog import Catalog
from .memo import Memo, remembering
from .models import Record
from .outputs import listed_files, static_pages, unlisted_files
from .pages import Page, render_record
from .processes import Channel, Child, ChildFailed

_FILES = ".files"
"""Where the child puts files for the site that are not pages (charts, feeds, data)."""
_REQUESTS = ".chart-requests.pickle"

Result = tuple[dict[str, list[str]], list[str], Memo, dict[str, list[str]]]
"""Which record page shows which charts; the memo keys it used from the last build's
memo, and what it made anew (memo.py); the keys each page read (deps.py)."""


class RenderWorker:
    """A child process writing folder/<src> for each (src, record), in the order given;
    then the static files and their pages (outputs.static_files, STATIC_PAGES); then the
    charts of all pages.  It takes what the last build remembered (memo.py: a republish's)
    and hands back what it used, for the next build.  It ticks (processes.Child) once a
    page, and once more when the static pages are written: a page is read once its tick
    has come, and a worker that died is an error, not a wait."""

    def __init__(self, folder: Path, cat: Catalog, locale: str,
                 jobs: list[tuple[str, Record]], site_url: str, memo: Memo) -> None:
        self.folder = folder
        self.memo = memo
        self.order = {src: i for i, (src, _) in enumerate(jobs)}
        self.child: Child[Result] = Child(
            "the background worker",
            lambda channel: _render_all(channel, folder, cat, locale, jobs, site_url, memo))

    def read(self, src: str) -> str:
        """The page's Markdown, waiting for the child to write it."""
        at = self.order.get(src)
        try:
            self.child.wait_ticks(at + 1 if at is not None else len(self.order) + 1)
        except ChildFailed as exc:
            raise RuntimeError(f"rendering the record pages failed: {exc}") from None
        return (self.folder / src).read_text(encoding="utf-8")

    def draw(self, requests: dict[str, charts.Chart]) -> None:
        """Have the child draw these charts too (those of the other pages), once it has
        rendered the record pages.  (A child that died is reported by read or finish,
        which the plugin turns into the build's error.)"""
        # through a file: the child reads the pipe only when its pages are done, and a
        # large pickle would fill the pipe and hold this process until then
        tmp = self.folder / (_REQUESTS + ".part")
        with tmp.open("wb") as fh:
            pickle.dump(requests, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.folder / _REQUESTS)
        with contextlib.suppress(ChildFailed):
            self.child.send(_REQUESTS)

    def finish(self, site: Path) -> tuple[dict[str, list[str]], Memo, dict[str, list[str]]]:
        """Wait for the child and move the files it made for the site into site; which
        record page shows which chart, what the child remembered (memo.py) and what each
        page it rendered read (deps.py)."""
        try:
            uses, kept, new, read = self.child.result()
        except ChildFailed as exc:
            raise RuntimeError(f"rendering the record pages failed: {exc}") from None
        root = str(self.folder / _FILES)
        for dirpath, _dirs, names in os.walk(root):
            target = os.path.join(str(site), os.path.relpath(dirpath, root))
            os.makedirs(target, exist_ok=True)
            for name in names:
                shutil.move(os.path.join(dirpath, name), os.path.join(target, name))
        return uses, {**{k: self.memo[k] for k in kept}, **new}, read

    def abort(self) -> None:
        self.child.kill()


def render_with_charts(cat: Catalog, locale: str, src: str, rec: Record,
                       ) -> tuple[Page, dict[str, charts.Chart], frozenset[str]]:
    """A record page, the chart files it refers to (path -> chart, not drawn yet) and the
    keys it read (deps.py)."""
    assets: dict[str, charts.Chart] = {}
    with charts.collecting(assets), deps.recording() as read:
        page = render_record(cat, locale, src, rec)
    return page, assets, frozenset(read)


def _render_all(channel: Channel, folder: Path, cat: Catalog, locale: str,
                jobs: list[tuple[str, Record]], site_url: str, before: Memo) -> Result:
    assets: dict[str, charts.Chart] = {}
    uses: dict[str, list[str]] = {}
    read: dict[str, list[str]] = {}
    made: set[Path] = set()
    used: Memo = {}
    for src, rec in jobs:
        page, own, read_here = render_with_charts(cat, locale, src, rec)
        _write(folder / src, page.markdown, made)
        read[src] = sorted(read_here)
        channel.tick()
        if own:
            assets.update(own)
            uses[src] = sorted(own)
    with remembering(before, used):
        files = listed_files(cat, site_url, locale)
        for src, markdown in static_pages(cat, list(files), locale).items():
            _write(folder / src, markdown, made)
        channel.tick()  # MkDocs may read these pages now
        files.update(unlisted_files(cat, locale))
        for rel, text in files.items():
            _write(folder / _FILES / rel, text, made)
        with (folder / channel.recv()).open("rb") as fh:  # the other pages' charts
            requests: dict[str, charts.Chart] = pickle.load(fh)
        assets.update(requests)
        for rel, text in charts.draw_all(assets).items():
            _write(folder / _FILES / rel, text, made)
    # what the parent has (the last build's memo) by key only: the open data is megabytes
    kept = [k for k, v in used.items() if before.get(k) is v]
    new = {k: v for k, v in used.items() if before.get(k) is not v}
    return uses, kept, new, read


def _write(path: Path, text: str, made: set[Path]) -> None:
    if path.parent not in made:
        path.parent.mkdir(parents=True, exist_ok=True)
        made.add(path.parent)
    path.write_text(text, encoding="utf-8")
