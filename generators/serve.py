"""`portal serve`: a live preview that republishes on every edit and shows problems.

The preview is a `portal build` into a folder of the cache (so an edit is a republish, and
a preview started again takes up the last one), served by MkDocs' live-reload server.
When the records have problems nothing is built: the terminal lists them as `portal
validate` does and every page of the browser shows them, instead of the request waiting
for a build that cannot succeed (MkDocs' server holds requests until a build succeeds).
Between builds the process keeps what a new one would read back from the cache (warm.py),
and it waits on the system's notices of changed files rather than polling the archive.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import re
import signal
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import watchdog.observers
from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import _SCRIPT_TEMPLATE, LiveReloadServer, _serve_url, _timestamp
from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirModifiedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
)

from .cache import cache_path
from .errors import Lang, portal_lang
from .labels import labels
from .processes import Channel, Child, ChildFailed, can_fork
from .search import preview_shards
from .warm import Warm

CHANGES: list[type[FileSystemEvent]] = [
    FileCreatedEvent, FileModifiedEvent, FileDeletedEvent, FileMovedEvent, FileClosedEvent,
    DirCreatedEvent, DirModifiedEvent, DirDeletedEvent, DirMovedEvent]
"""What a change is.  Not a file opened or closed unwritten: the build reads every record,
and MkDocs' watcher takes any event it is told of for a change (it would build forever)."""


class _ChangeObserver(watchdog.observers.Observer):  # type: ignore[misc,valid-type]
    """The system's observer, telling only of CHANGES, and started once however often it is
    asked (serve() starts it before it says the preview is ready; MkDocs' serve() again)."""

    def start(self) -> None:
        if not self.is_alive():
            super().start()

    def schedule(self, event_handler: Any, path: str | Path, *, recursive: bool = False,
                 event_filter: list[type[FileSystemEvent]] | None = None,
                 **options: Any) -> Any:
        return super().schedule(event_handler, path, recursive=recursive,
                                event_filter=event_filter or CHANGES, **options)


BUILD_DELAY = 0.05
"""Seconds without a change before a build starts (MkDocs waits 0.1, for its poller)."""


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server, bound as soon as it is made (a port in use is reported
    before the first build; port 0 gets its number), that answers every page with the
    problems page while there is one."""

    def __init__(self, builder: Callable[[], None], host: str, port: int, root: str,
                 mount_path: str = "/") -> None:
        super().__init__(builder, host, port, root, mount_path)
        # the system's own notices of changes (inotify on Linux) where MkDocs polls: its
        # poller walks and stats every watched file twice a second, which at archive
        # scale takes a core from the build it is waiting for and notices a save late
        self.observer = _ChangeObserver()
        # the quiet a change must be followed by before a build starts: the system tells
        # of a save at once, and the rename of an editor's save comes within milliseconds
        self.build_delay = BUILD_DELAY
        self.problems: bytes | None = None
        """The page shown instead of the site while the records have problems."""
        self.error_handler = self._site_error_page
        self._bound = False
        try:
            self.server_bind()
            self.server_activate()
        except BaseException:
            self.server_close()
            raise
        self._bound = True
        self.url = _serve_url(host, int(self.server_address[1]), mount_path)

    def _site_error_page(self, code: int) -> bytes | None:
        """The site's own 404.html for a page it does not have, as `mkdocs serve` does."""
        try:
            return (Path(self.root) / f"{code}.html").read_bytes()
        except OSError:
            return None

    def server_bind(self) -> None:
        if not self._bound:  # serve() binds again
            super().server_bind()

    def server_activate(self) -> None:
        if not self._bound:
            super().server_activate()

    def _serve_request(self, environ: dict[str, Any],
                       start_response: Callable[..., Any]) -> Iterable[bytes] | None:
        path: str = environ["PATH_INFO"]
        if m := re.fullmatch(r"/livereload\.js/([0-9]+)/([0-9]+)", path):
            script = _SCRIPT_TEMPLATE.substitute(epoch=m[1], request_id=m[2]).encode()
            start_response("200 OK", [("Content-Type", "application/javascript"),
                                      ("Content-Length", str(len(script)))])
            return [script]
        if not path.startswith("/livereload/") and (path.endswith(("/", ".html"))):
            # the build under way decides whether there is a problems page
            with self._epoch_cond:
                self._epoch_cond.wait_for(lambda: self._visible_epoch == self._wanted_epoch)
                epoch = self._visible_epoch
            page = self.problems
            if page is not None:
                body = self._inject_js_into_html(page, epoch)  # reloads once they are fixed
                start_response("500 Internal Server Error",
                               [("Content-Type", "text/html; charset=utf-8"),
                                ("Content-Length", str(len(body)))])
                return [body]
        result: Iterable[bytes] | None = super()._serve_request(environ, start_response)
        return result


    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        """The live-reload script as a file of this origin, where MkDocs writes it inline:
        the pages' Content-Security-Policy allows only their own inline scripts."""
        try:
            end = content.rindex(b"</body>")
        except ValueError:
            end = len(content)
        tag = f'<script src="/livereload.js/{epoch}/{_timestamp()}"></script>'.encode()
        return content[:end] + tag + content[end:]


def problems_page(heading: str, lines: list[str], lang: str) -> bytes:
    """The page the browser shows instead of the site, in the edition's language.  The
    lines quote record text, which is hostile: everything is escaped, and nothing of it
    reaches the <title>."""
    body = html.escape("\n".join(lines), quote=True)
    t = labels(lang)
    return f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(t("serve_nothing_built"))}</title>
<style>body{{font-family:system-ui,sans-serif;margin:2rem;max-width:80rem}}
h1{{color:#b00020;font-size:1.4rem}}pre{{background:#f6f6f6;padding:1rem;overflow-x:auto;
white-space:pre-wrap}}</style></head>
<body><h1>{html.escape(heading)}</h1>
<p>{html.escape(t("serve_reloads"))}</p>
<pre id="problems">{body}</pre>
</body></html>
""".encode()


class _Collect(logging.Handler):
    def __init__(self, into: list[logging.LogRecord]) -> None:
        super().__init__(logging.ERROR)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append(record)


@contextmanager
def _errors_of_mkdocs() -> Iterator[list[logging.LogRecord]]:
    """The errors MkDocs logs during a build (its exception says only that it aborted)."""
    logged: list[logging.LogRecord] = []
    handler = _Collect(logged)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield logged
    finally:
        logger.removeHandler(handler)


Echo = Callable[[str, bool], None]  # (line, to stderr)


@dataclass
class Preview:
    """What `portal serve` builds, and how: one build() per change of the sources."""

    config_file: Path
    records: Path
    display: str
    as_of: dt.date
    audience: str | None = None
    locale: str | None = None
    strict: bool = False
    echo: Echo = field(default=lambda line, err: None)
    warm: Warm = field(default_factory=Warm)
    """What one build keeps for the next (warm.py)."""
    site: Path | None = None
    """Where to build, if not in the cache (the property tests compare it with a full
    build)."""
    options: dict[str, Any] | None = None
    """Settings of the portal plugin over those of mkdocs.yml (build_site)."""

    @property
    def site_dir(self) -> Path:
        # in the cache beside the records: a preview started again republishes the last
        # one, and the published site/ and its state are left alone
        return self.site or cache_path(self.records, "serve").with_suffix("") / "site"

    def build(self) -> bytes | None:
        """Validate and republish; None when the site was built, else the problems page
        (the problems are also printed, as `portal validate` prints them)."""
        from .validate import no_gc

        started = time.perf_counter()
        with _errors_of_mkdocs() as logged, no_gc():
            return self._build(started, logged)

    def _build(self, started: float, logged: list[logging.LogRecord]) -> bytes | None:
        from . import incremental
        from .build import BuildError, build_site
        from .validate import validate

        try:
            inputs = incremental.inputs_digest(self.records)  # before they are read
            recs, report = validate(self.records, self.display, self.as_of,
                                    warm=self.warm)
            lang = self.lang  # the edition's language, as portal build
            t = labels(lang)
            if report.failed(self.strict):
                self.echo(report.text(lang), True)
                self.echo(t("val_serve_nothing"), True)
                problems = report.errors + (report.warnings if self.strict else [])
                n = len(problems)
                return problems_page(t("val_problems", n=n),
                                     report.text(lang).splitlines(), lang)
            if report.problems:
                self.echo(report.text(lang), True)
            options = {"search_shards": preview_shards(len(recs)), **(self.options or {})}
            build_site(self.config_file, self.site_dir, records=str(self.records),
                       as_of=self.as_of, audience=self.audience, locale=self.locale,
                       strict=self.strict, preloaded=recs, inputs=inputs, warm=self.warm,
                       options=options)
        except BuildError as exc:
            # the terminal has MkDocs' messages already (cli.py); the page needs them too
            lines = (exc.report.text(portal_lang(self.locale)).splitlines()
                     if exc.report else []) + \
                [r.getMessage() for r in logged] + [str(exc)]
            self.echo(str(exc), True)
            return problems_page(self.said("serve_failed"), lines, self.lang)
        except (OSError, MkDocsException) as exc:  # MkDocs': mkdocs.yml edited into a bad one
            message = self.said("serve_failed_why", why=str(exc))
            self.echo(message, True)
            return problems_page(self.said("serve_failed"), [message], self.lang)
        except Exception as exc:  # a bug of ours: keep serving, say so where it is seen
            self.echo(traceback.format_exc().rstrip(), True)
            return problems_page(self.said("serve_bug"), [f"{type(exc).__name__}: {exc}"],
                                 self.lang)
        self.echo(self.said("serve_built", s=f"{time.perf_counter() - started:.1f}"), False)
        return None

    @property
    def lang(self) -> Lang:
        return portal_lang(self.locale)

    def said(self, key: str, **values: object) -> str:
        """A line of the preview's own, in the edition's language (as its problems)."""
        return labels(self.lang)(key, **values)


class Builder:
    """Builds the preview in a process of its own, forked before the server starts its
    threads: a process with threads may not fork (processes.py), and a build forks its
    helpers (the background worker, the copy of the published site) to run them on the
    other core.  The builder keeps the preview's memory (warm.py) from build to build.
    Should it die, the preview says so and builds in this process from then on."""

    def __init__(self, preview: Preview) -> None:
        self.preview = preview
        self.child: Child[None] | None = None
        if can_fork():
            self.child = Child("the preview's build process", self._serve)

    def _serve(self, channel: Channel) -> None:
        # Ctrl+C reaches every process of the terminal: the server stops, and this process
        # with it (when its pipe closes, or as it dies: processes.Child)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        while True:
            channel.recv()
            channel.reply(self.preview.build())
            self.preview.warm.settle()  # after the reply: the browser need not wait for it

    def build(self) -> bytes | None:
        """What Preview.build returns, built in the child while there is one."""
        if self.child is not None:
            try:
                self.child.send("build")
                page: bytes | None = self.child.recv()
                return page
            except ChildFailed:
                self.child = None
                self.preview.echo(self.preview.said("serve_builder_died"), True)
        page = self.preview.build()
        self.preview.warm.settle()
        return page

    def close(self) -> None:
        if self.child is not None:
            self.child.kill()
            self.child = None


def parse_address(text: str) -> tuple[str, int]:
    """HOST:PORT (IPv6 in brackets) or ValueError with a message for the user."""
    host, sep, port = text.rpartition(":")
    host = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    if not sep or not host or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise ValueError(f"--dev-addr '{text}' is not HOST:PORT (e.g. 127.0.0.1:8000; "
                         "port 0 takes a free one)")
    return host, int(port)


def serve(preview: Preview, host: str, port: int, site_url: str,
          watched: list[Path]) -> None:
    """Bind, build, print the URL, then rebuild on every change until interrupted."""
    preview.site_dir.mkdir(parents=True, exist_ok=True)
    builder = Builder(preview)  # first: the server's observer starts a thread at once
    try:
        _serve(preview, builder, host, port, site_url, watched)
    finally:
        builder.close()


def _serve(preview: Preview, builder: Builder, host: str, port: int, site_url: str,
           watched: list[Path]) -> None:
    server: PreviewServer | None = None

    def rebuild() -> None:
        assert server is not None
        server.problems = builder.build()

    server = PreviewServer(rebuild, host, port, str(preview.site_dir),
                           urlsplit(site_url or "/").path)

    def interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    # `kill` stops the preview as Ctrl-C does: the server shuts down, the port is freed;
    # and `kill -INT` does too where the preview was started with SIGINT ignored (in the
    # background of a script, which Python then leaves ignored)
    signal.signal(signal.SIGTERM, interrupt)
    signal.signal(signal.SIGINT, interrupt)
    try:
        preview.echo(preview.said("serve_building"), False)
        rebuild()
        for path in watched:
            if path.exists():
                server.watch(str(path))
        # watching before the address is said: a change made as soon as it is read is seen
        # (the system's observer watches from its start on)
        server.observer.start()
        preview.echo(preview.said("serve_url", url=server.url), False)
        try:
            server.serve()
        except KeyboardInterrupt:
            preview.echo(preview.said("serve_stopped"), False)
    finally:
        server.shutdown()
