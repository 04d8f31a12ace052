"""Record pages rendered on the second core while MkDocs converts the pages before them.

MkDocs is single-threaded, and at 10,000 records rendering the record pages' Markdown
took 7.5 s of a 60 s build before MkDocs could start.  A forked child renders them in the
order MkDocs reads them and writes each to a folder; the plugin's on_page_read_source
waits for a page only if the child has not reached it yet (it never had to, measured).
Then it makes the feeds, calendars and open data with their two pages, and draws the
charts of every page (the parent sends those of the pages it rendered): files that
finish() moves into the site once MkDocs is done.  A republish of a large archive has it
make only those files (and draw the charts): importing pandas and making the tables took
0.4 s of a 3.6 s republish at 10,000 records.

Forking is only done where processes.can_fork() allows; elsewhere (`mkdocs serve`)
pages are rendered in-process.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import signal
import time
import traceback
from pathlib import Path

from . import charts, deps
from .catalog import Catalog
from .memo import Memo, remembering
from .models import Record
from .outputs import static_files, static_pages
from .pages import Page, render_record

_ERROR = ".worker-error"
_FILES = ".files"
"""Where the child puts files for the site that are not pages (charts, feeds, data)."""
_USES = ".uses.json"
_MEMO = ".memo.pickle"
_REQUESTS = ".chart-requests.pickle"


class RenderWorker:
    """A child process writing folder/<src> for each (src, record), in the order given;
    then the static files and their pages (outputs.static_files, STATIC_PAGES); then the
    charts of all pages.  It takes what the last build remembered (memo.py: a republish's)
    and hands back what it used, for the next build."""

    def __init__(self, folder: Path, cat: Catalog, locale: str,
                 jobs: list[tuple[str, Record]], site_url: str, memo: Memo) -> None:
        self.folder = folder
        self.memo = memo
        self.pid = os.fork()
        if self.pid == 0:  # the child: render, write, leave without running parent cleanup
            code = 0
            try:
                _render_all(folder, cat, locale, jobs, site_url, memo)
            except BaseException:
                code = 1
                (folder / _ERROR).write_text(traceback.format_exc(), encoding="utf-8")
            finally:
                os._exit(code)
        self._status: int | None = None

    def read(self, src: str) -> str:
        """The page's Markdown, waiting for the child to write it."""
        path = self.folder / src
        delay = 0.0005
        while True:
            try:
                return path.read_text(encoding="utf-8")
            except FileNotFoundError:
                if self._exited():
                    if not path.exists():
                        raise RuntimeError(self._failure()) from None
                    continue  # written just before it exited
                time.sleep(delay)
                delay = min(delay * 2, 0.02)

    def draw(self, requests: dict[str, charts.Chart]) -> None:
        """Have the child draw these charts too (those of the other pages), once it has
        rendered the record pages."""
        tmp = self.folder / (_REQUESTS + ".part")
        with tmp.open("wb") as fh:
            pickle.dump(requests, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.folder / _REQUESTS)

    def finish(self, site: Path) -> tuple[dict[str, list[str]], Memo, dict[str, list[str]]]:
        """Wait for the child and move the files it made for the site into site; which
        record page shows which chart, what the child remembered (memo.py) and what each
        page it rendered read (deps.py)."""
        if self._status is None:
            _, self._status = os.waitpid(self.pid, 0)
        if self._status != 0:
            raise RuntimeError(self._failure())
        root = str(self.folder / _FILES)
        for dirpath, _dirs, names in os.walk(root):
            target = os.path.join(str(site), os.path.relpath(dirpath, root))
            os.makedirs(target, exist_ok=True)
            for name in names:
                shutil.move(os.path.join(dirpath, name), os.path.join(target, name))
        uses = json.loads((self.folder / _USES).read_text(encoding="utf-8"))
        with (self.folder / _MEMO).open("rb") as fh:
            kept, new = pickle.load(fh)
        return uses["charts"], {**{k: self.memo[k] for k in kept}, **new}, uses["deps"]

    def abort(self) -> None:
        if self._status is None:
            try:
                os.kill(self.pid, signal.SIGTERM)
                _, self._status = os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                self._status = -1

    def _exited(self) -> bool:
        if self._status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid == 0:
                return False
            self._status = status
        return True

    def _failure(self) -> str:
        err = self.folder / _ERROR
        detail = err.read_text(encoding="utf-8") if err.exists() else f"status {self._status}"
        return f"rendering the record pages failed:\n{detail}"


def render_with_charts(cat: Catalog, locale: str, src: str, rec: Record,
                       ) -> tuple[Page, dict[str, charts.Chart], frozenset[str]]:
    """A record page, the chart files it refers to (path -> chart, not drawn yet) and the
    keys it read (deps.py)."""
    assets: dict[str, charts.Chart] = {}
    with charts.collecting(assets), deps.recording() as read:
        page = render_record(cat, locale, src, rec)
    return page, assets, frozenset(read)


def _render_all(folder: Path, cat: Catalog, locale: str, jobs: list[tuple[str, Record]],
                site_url: str, before: Memo) -> None:
    assets: dict[str, charts.Chart] = {}
    uses: dict[str, list[str]] = {}
    read: dict[str, list[str]] = {}
    made: set[Path] = set()
    used: Memo = {}
    for src, rec in jobs:
        page, own, read_here = render_with_charts(cat, locale, src, rec)
        _write(folder / src, page.markdown, made)
        read[src] = sorted(read_here)
        if own:
            assets.update(own)
            uses[src] = sorted(own)
    with remembering(before, used):
        files = static_files(cat, site_url)
        for src, markdown in static_pages(cat, list(files)).items():
            _write(folder / src, markdown, made)
        for rel, text in files.items():
            _write(folder / _FILES / rel, text, made)
        assets.update(_requests(folder))
        for rel, text in charts.draw_all(assets).items():
            _write(folder / _FILES / rel, text, made)
    _write(folder / _USES, json.dumps({"charts": uses, "deps": read}), made)
    # what the parent has (the last build's memo) by key only: the open data is megabytes
    kept = [k for k, v in used.items() if before.get(k) is v]
    new = {k: v for k, v in used.items() if before.get(k) is not v}
    tmp = folder / (_MEMO + ".part")
    with tmp.open("wb") as fh:
        pickle.dump((kept, new), fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, folder / _MEMO)


def _requests(folder: Path) -> dict[str, charts.Chart]:
    """The other pages' charts, once the parent has sent them (draw())."""
    parent = os.getppid()
    while True:
        try:
            with (folder / _REQUESTS).open("rb") as fh:
                requests: dict[str, charts.Chart] = pickle.load(fh)
                return requests
        except FileNotFoundError:
            if os.getppid() != parent:  # the build is gone: leave
                raise SystemExit(1) from None
            time.sleep(0.01)


def _write(path: Path, text: str, made: set[Path]) -> None:
    # written under another name and renamed, so the reader never sees half a page
    if path.parent not in made:
        path.parent.mkdir(parents=True, exist_ok=True)
        made.add(path.parent)
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
