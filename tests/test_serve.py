"""`portal serve`: its URL line, the problems page (escaped), the as-of rule, and edits."""

from __future__ import annotations

import datetime as dt
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generators.build import build_site
from generators.incremental import state_path
from generators.labels import long_date
from generators.publish_site import SPARE_NOTE, spare_of
from generators.search import preview_shards
from generators.serve import Preview
from generators.validate import validate

from .conftest import AS_OF, ROOT, git, portal_repo
from .test_republish import snapshot

PAYLOAD = "</title><script>alert(1)</script>"
# in the edition's language: Chinese unless told otherwise
URL_LINE = re.compile(r"(?:Serving on |预览地址：)(http://127\.0\.0\.1:\d+/)")
BUILT = r"^(?:Built in |已生成，用时)"
PROBLEM_LINE = re.compile(r"(\S+):(\d+):(\d+): ([A-Z][A-Z_]+) .+")
WAIT = 120.0  # seconds any one awaited line may take on a loaded machine (a bound, not a pace)


class Server:
    """A `portal serve` subprocess whose output lines arrive in a queue."""

    def __init__(self, records: Path, env: dict[str, str] | None = None) -> None:
        portal = Path(sys.executable).with_name("portal")
        self.proc = subprocess.Popen(
            [str(portal), "serve", "--records", str(records), "--config",
             str(ROOT / "mkdocs.yml"), "--dev-addr", "127.0.0.1:0"],
            cwd=records.parent, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env={**os.environ, **(env or {})})
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)  # the process has ended

    def wait_for(self, pattern: str | re.Pattern[str]) -> re.Match[str]:
        """The next line that matches, reading until then; fails when the server ends or
        says nothing for WAIT seconds."""
        rx = re.compile(pattern)
        deadline = time.monotonic() + WAIT
        while True:
            try:
                line = self.lines.get(timeout=max(deadline - time.monotonic(), 0.01))
            except queue.Empty:
                pytest.fail(f"no line matching {rx.pattern!r} in time; seen: {self.seen}")
            if line is None:
                pytest.fail(f"serve ended before {rx.pattern!r}; seen: {self.seen}")
            self.seen.append(line)
            if m := rx.search(line):
                return m

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=WAIT)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@pytest.fixture
def serving() -> Iterator[list[Server]]:
    started: list[Server] = []
    yield started
    for server in started:
        server.stop()


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=WAIT) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


class _Elements(HTMLParser):
    """The text of the <title> and of every <script> of a page, as a browser parses it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: str | None = None
        self.title = ""
        self.scripts: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("title", "script"):
            self.open = tag
            if tag == "script":
                self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self.open = None

    def handle_data(self, data: str) -> None:
        if self.open == "title":
            self.title += data
        elif self.open == "script":
            self.scripts[-1] += data
        else:
            self.text += data


def _epoch(day: dt.date) -> str:
    return str(int(dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC).timestamp()))


def test_serve_prints_problems_and_shows_them_escaped_instead_of_hanging(
        valid_copy: Path, serving: list[Server]) -> None:
    """Records with problems: the terminal lists them as validate does, the browser gets
    a page that lists them as text (record text is hostile), and the day is taken from
    SOURCE_DATE_EPOCH as build and validate take it."""
    brf = valid_copy / "briefings/2026/brf-a.yaml"
    brf.write_text(re.sub(r"(?m)^source: .*$", f'source: "{PAYLOAD}"',
                          brf.read_text("utf-8")), encoding="utf-8")
    early = dt.date(2026, 6, 1)
    server = Server(valid_copy, {"SOURCE_DATE_EPOCH": _epoch(early)})
    serving.append(server)
    url = server.wait_for(URL_LINE)[1]
    printed = {(m[1], int(m[2]), int(m[3]), m[4]) for line in server.seen
               if (m := PROBLEM_LINE.fullmatch(line))}
    _recs, report = validate(valid_copy, str(valid_copy), early)
    assert printed == {(p.path, p.line, p.col, p.code) for p in report.problems}
    assert {"ID_FORMAT", "DATE_FUTURE"} <= {p[3] for p in printed}

    status, page = fetch(url + "briefings/2026/brf-a/")
    assert status == 500
    parsed = _Elements()
    parsed.feed(page)
    assert PAYLOAD in parsed.text  # shown as text ...
    assert PAYLOAD not in page  # ... never as markup
    assert "alert(1)" not in parsed.title
    assert not any("alert(1)" in script for script in parsed.scripts)
    assert f"晚于数据截至日期{long_date(early, 'zh')}" in parsed.text  # Chinese, as the edition
    assert fetch(url)[0] == 500  # every page, the home page too
    _reloads_by_a_script_of_its_origin(url, page)


def _reloads_by_a_script_of_its_origin(url: str, page: str) -> None:
    """The live-reload script is a file of the preview, not inline (which the pages'
    Content-Security-Policy would block)."""
    parsed = _Elements()
    parsed.feed(page)
    assert not any("livereload" in script for script in parsed.scripts)
    sources = re.findall(r'<script src="(/livereload\.js/[0-9]+/[0-9]+)">', page)
    assert len(sources) == 1
    status, script = fetch(url.rstrip("/") + sources[0])
    assert status == 200 and "livereload(" in script


@pytest.mark.slow
def test_serve_shows_an_edit_then_a_problem_then_the_fix(valid_copy: Path,
                                                         serving: list[Server]) -> None:
    server = Server(valid_copy, {"SOURCE_DATE_EPOCH": _epoch(AS_OF)})
    serving.append(server)
    url = server.wait_for(URL_LINE)[1]
    page = url + "briefings/2026/brf-a/"
    status, before = fetch(page)
    assert status == 200
    _reloads_by_a_script_of_its_origin(url, before)

    brf = valid_copy / "briefings/2026/brf-a.yaml"
    original = brf.read_text("utf-8")

    def title(text: str) -> None:
        brf.write_text(re.sub(r"(?m)^title: .*$", f"title: {text}", original),
                       encoding="utf-8")

    title("Queues at clinics, edited")
    server.wait_for(BUILT)
    status, after = fetch(page)
    assert status == 200 and "Queues at clinics, edited" in after
    assert "Queues at clinics, edited" not in before

    brf.write_text(original.replace("id: brf-a", "id: Brf A"), encoding="utf-8")
    server.wait_for(r"^未生成门户")  # the edition's language, Chinese by default
    status, broken = fetch(page)
    assert status == 500 and "ID_FORMAT" in broken
    # in the edition's language (Chinese, as nothing says otherwise), the page as the lines
    assert '<html lang="zh">' in broken and "<title>门户预览：未生成</title>" in broken

    title("Queues at clinics, fixed")
    server.wait_for(BUILT)
    status, fixed = fetch(page)
    assert status == 200 and "Queues at clinics, fixed" in fixed


def _children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True,
                         check=False).stdout
    return [int(p) for p in out.split()]


@pytest.mark.slow
def test_serve_builds_in_a_process_of_its_own_and_goes_on_without_it(
        valid_copy: Path, serving: list[Server]) -> None:
    """The builds run in a child forked before the server's threads (so a build may fork
    its helpers); killed, the preview says so and builds in its own process."""
    server = Server(valid_copy, {"SOURCE_DATE_EPOCH": _epoch(AS_OF)})
    serving.append(server)
    url = server.wait_for(URL_LINE)[1]
    [builder] = _children(server.proc.pid)
    page = url + "briefings/2026/brf-a/"
    brf = valid_copy / "briefings/2026/brf-a.yaml"
    original = brf.read_text("utf-8")
    for title in ("Built by the builder", "Built without it"):
        brf.write_text(re.sub(r"(?m)^title: .*$", f"title: {title}", original), "utf-8")
        server.wait_for(BUILT)
        status, html = fetch(page)
        assert status == 200 and title in html
        if builder in _children(server.proc.pid):
            os.kill(builder, signal.SIGKILL)
            brf.write_text(original, "utf-8")
            server.wait_for(r"^预览的生成进程意外退出，此后在本进程中生成")
            server.wait_for(BUILT)
    assert builder not in _children(server.proc.pid)  # reaped


@pytest.mark.slow
def test_serve_shows_a_commit_made_while_it_runs(tmp_path: Path,
                                                 serving: list[Server]) -> None:
    """A record page lists its file's commits: committing changes no record file, yet the
    preview builds (it watches git's HEAD and refs) and shows the new commit."""
    repo = portal_repo(tmp_path / "repo")
    brf = repo / "records/briefings/2026/brf-a.yaml"
    brf.write_text(brf.read_text("utf-8").replace("title: ", "title: 改 ", 1), "utf-8")
    server = Server(repo / "records", {"SOURCE_DATE_EPOCH": _epoch(AS_OF)})
    serving.append(server)
    url = server.wait_for(URL_LINE)[1]
    git(repo, "commit", "-qam", "简报标题改正")
    server.wait_for(BUILT)
    status, html = fetch(url + "briefings/2026/brf-a/")
    assert status == 200 and "简报标题改正" in html


def test_stopping_the_preview_stops_its_build_process(valid_copy: Path,
                                                      serving: list[Server]) -> None:
    server = Server(valid_copy, {"SOURCE_DATE_EPOCH": _epoch(AS_OF)})
    serving.append(server)
    server.wait_for(URL_LINE)
    [builder] = _children(server.proc.pid)
    server.stop()
    with pytest.raises(ProcessLookupError):
        os.kill(builder, 0)


def test_the_preview_keeps_what_it_worked_out_yet_builds_what_a_full_build_makes(
        tmp_path: Path) -> None:
    """`portal serve` keeps in memory the records of the files that did not change, the
    history of the commit HEAD names, and the state of its last build (warm.py); through
    an edit, a commit, and the state file deleted under it, each build is still the site a
    full build of the same records makes."""
    repo = portal_repo(tmp_path / "repo")
    records, site = repo / "records", tmp_path / "site"
    preview = Preview(repo / "mkdocs.yml", records, "records", AS_OF, site=site)
    assert preview.build() is None
    assert not state_path(records, site).exists()  # written once the build is shown:
    preview.warm.settle()
    assert state_path(records, site).exists()
    # and a spare tree made, which a full build leaves none of: the first edit's republish
    # takes it rather than linking every file of the site (publish_site.make_spare)
    assert (spare_of(site) / SPARE_NOTE).is_file()
    first = {rel: recs for rel, (_, recs) in preview.warm.files.items()}
    edited = "briefings/2026/brf-a.yaml"
    assert edited in first and preview.warm.history is not None

    def as_a_full_build_makes(name: str) -> None:
        full = tmp_path / name
        shards = preview_shards(len(validate(records, "records", AS_OF)[0]))  # as the preview
        build_site(repo / "mkdocs.yml", full, records=str(records), as_of=AS_OF, full=True,
                   options={"search_shards": shards})
        assert snapshot(site) == snapshot(full)

    other = site / "documents/index.html"  # shows nothing of the edited briefing
    page = site / "briefings/2026/brf-a/index.html"
    inode = other.stat().st_ino
    path = records / edited
    path.write_text(path.read_text("utf-8").replace("title: ", "title: 改过的 ", 1), "utf-8")
    state_path(records, site).unlink()  # the state in memory is this site's
    assert preview.build() is None
    assert "改过的" in page.read_text("utf-8")
    assert other.stat().st_ino == inode, "a page nothing changed was made again"
    now = {rel: recs for rel, (_, recs) in preview.warm.files.items()}
    assert now[edited][0] is not first[edited][0]  # read again
    assert all(now[rel][0] is recs[0] for rel, recs in first.items() if rel != edited)
    as_a_full_build_makes("full-1")

    git(repo, "commit", "-qam", "简报标题改正")  # no file changes; HEAD does
    assert preview.build() is None
    assert "简报标题改正" in page.read_text("utf-8")
    as_a_full_build_makes("full-2")


def test_the_preview_watches_for_changes_not_for_reads(tmp_path: Path) -> None:
    """The build reads every record: were a read a change (the system's observer tells of
    every file opened and closed), the preview would build again and again."""
    from watchdog.events import FileSystemEventHandler

    from generators.serve import _ChangeObserver

    record = tmp_path / "a.yaml"
    record.write_text("id: a\n", encoding="utf-8")
    events: queue.Queue[str] = queue.Queue()
    handler = FileSystemEventHandler()
    handler.on_any_event = lambda event: events.put(  # type: ignore[method-assign]
        f"{event.event_type} {Path(event.src_path).name}")
    observer = _ChangeObserver()
    observer.schedule(handler, str(tmp_path), recursive=True)
    observer.start()
    try:
        record.read_text(encoding="utf-8")  # read, then a change: the events come in order
        (tmp_path / "b.yaml").write_text("id: b\n", encoding="utf-8")
        seen = [events.get(timeout=WAIT)]
        while not seen[-1].endswith("b.yaml"):
            seen.append(events.get(timeout=WAIT))
    finally:
        observer.stop()
        observer.join()
    assert not [e for e in seen if e.endswith("a.yaml")], seen
    assert seen[-1] == "created b.yaml"


@pytest.mark.parametrize(("records", "shards"), [
    (0, 1), (199, 1), (200, 2), (399, 2), (400, 4), (6399, 32), (6400, 64), (50_000, 64)])
def test_the_preview_shards_its_search_finer_and_only_when_the_archive_doubles(
        records: int, shards: int) -> None:
    from generators.search import PREVIEW_PAGES_PER_SHARD, preview_shards

    assert PREVIEW_PAGES_PER_SHARD == 100  # the table's boundaries
    assert preview_shards(records) == shards


def test_each_preview_build_leaves_no_garbage_once_shown(tmp_path: Path) -> None:
    """A preview builds with the cyclic collector off (validate.no_gc), then waits with
    nothing allocated that would start a collection: each build's cycles (MkDocs' pages,
    files and navigation) stayed, and the preview grew edit by edit.  Once the build is
    shown (Warm.settle, as serve.Builder does) they are collected."""
    import gc

    repo = portal_repo(tmp_path / "repo")
    preview = Preview(repo / "mkdocs.yml", repo / "records", "records", AS_OF,
                      site=tmp_path / "site")
    path = repo / "records/briefings/2026/brf-a.yaml"
    text = path.read_text("utf-8")
    left = []
    for n in range(2):
        path.write_text(text.replace("title: ", f"title: 第{n}次 ", 1), "utf-8")
        assert preview.build() is None
        preview.warm.settle()
        left.append(gc.collect())
    assert max(left) < 100, left  # (a build left some tens of thousands)
