"""The built portal served on 127.0.0.1 and driven in Debian's chromium with Playwright.

Every request of every page is recorded; a request to any other host fails the run.  Every
page is watched too: a dialog (alert, confirm, prompt) or a breach of the pages'
Content-Security-Policy fails the test that opened it.
"""

from __future__ import annotations

import functools
import http.server
import socketserver
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from generators.build import build_site
from generators.editions import publish

from ..conftest import AS_OF, ROOT, SAMPLE, SAMPLE_AS_OF, git, portal_repo

CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules/axe-core/axe.min.js"
RESULTS = ROOT / "test-results"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.browser


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def serve() -> Iterator[object]:
    servers: list[socketserver.ThreadingTCPServer] = []

    def start(folder: Path) -> str:
        handler = functools.partial(_Quiet, directory=str(folder))
        srv = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
        srv.daemon_threads = True
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        servers.append(srv)
        return f"http://127.0.0.1:{srv.server_address[1]}/"

    yield start
    for srv in servers:
        srv.shutdown()
        srv.server_close()


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory, serve: object) -> str:
    # as a large archive is built: record pages rendered by the background worker, the
    # search index in several shards merged by the browser
    site = build_site(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("en") / "site",
                      records=str(SAMPLE), as_of=SAMPLE_AS_OF,
                      options={"background_from": 0, "search_shards": 3}, locale="en")
    return serve(site)  # type: ignore[operator, no-any-return]


@pytest.fixture(scope="session")
def zh_site(tmp_path_factory: pytest.TempPathFactory, serve: object) -> str:
    site = build_site(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("zh") / "site",
                      records=str(SAMPLE), as_of=SAMPLE_AS_OF, locale="zh")
    return serve(site)  # type: ignore[operator, no-any-return]


@pytest.fixture(scope="session")
def editions_site(tmp_path_factory: pytest.TempPathFactory, serve: object) -> str:
    """Two editions published with mike on a local branch, served from a checkout of it."""
    repo = portal_repo(tmp_path_factory.mktemp("editions") / "portal")
    run_env = {"PORTAL_RECORDS": str(repo / "records"), "PORTAL_AS_OF": str(AS_OF),
               "HOME": str(repo)}
    publish(repo / "mkdocs.yml", "2026.10", title="October 2026", env=run_env)
    publish(repo / "mkdocs.yml", "2026.11", alias="latest", title="November 2026",
            env=run_env)
    out = repo.parent / "served"
    git(repo, "worktree", "add", "-q", str(out), "gh-pages")
    return serve(out)  # type: ignore[operator, no-any-return]


@pytest.fixture(scope="session")
def requests_seen() -> list[str]:
    return []


@pytest.fixture(scope="session")
def browser(requests_seen: list[str]) -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: make test installs it (apt-get install "
                    "chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()
    assert requests_seen, "no request was recorded: the recorder is broken"
    assert [u for u in requests_seen if leaves(u)] == []


_REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", function (e) {
  window.__portalViolation(e.violatedDirective + " " + (e.blockedURI || "inline") + " "
                           + (e.sample || "") + " at " + e.documentURI);
});
"""


def watch(pg: Any, requests_seen: list[str]) -> list[str]:
    """Record the page's requests; return the list its problems are added to: every dialog
    (dismissed: script ran that should not have) and every breach of the security policy,
    as the page reports it and as chromium's console does."""
    problems: list[str] = []

    def dialog(d: Any) -> None:
        problems.append(f"a {d.type} dialog: {d.message!r} on {pg.url}")
        d.dismiss()

    def console(msg: Any) -> None:
        if "Content Security Policy" in msg.text or "Content-Security-Policy" in msg.text:
            problems.append(f"console: {msg.text}")

    pg.on("request", lambda r: requests_seen.append(r.url))
    pg.on("dialog", dialog)
    pg.on("console", console)
    pg.expose_function("__portalViolation", lambda text: problems.append(f"policy: {text}"))
    pg.add_init_script(_REPORT_VIOLATIONS)
    return problems


@pytest.fixture
def page(browser: object, requests_seen: list[str]) -> Iterator[object]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    pg = ctx.new_page()
    problems = watch(pg, requests_seen)
    yield pg
    ctx.close()
    outside = [u for u in requests_seen if leaves(u)]
    assert outside == [], f"requests left the intranet: {outside}"
    assert problems == [], "\n".join(problems)


def leaves(url: str) -> bool:
    """A request that goes over the network to anything but 127.0.0.1 (data: stays home)."""
    parts = urlparse(url)
    return parts.scheme not in ("data", "blob", "about") and parts.hostname != "127.0.0.1"


PHONE = (390, 844)
DESK = (1366, 768)


@pytest.fixture
def at(browser: Any, requests_seen: list[str]) -> Iterator[Any]:
    """at(width, height) -> a page of a browser context of that size (a phone's below 500;
    the desk's by default); the test fails on any dialog or policy breach (watch)."""
    contexts: list[Any] = []
    problems: list[list[str]] = []

    def open_(size: tuple[int, int] = DESK) -> Any:
        phone = size[0] < 500
        ctx = browser.new_context(viewport={"width": size[0], "height": size[1]},
                                  is_mobile=phone, has_touch=phone)
        contexts.append(ctx)
        pg = ctx.new_page()
        problems.append(watch(pg, requests_seen))
        return pg

    yield open_
    for ctx in contexts:
        ctx.close()
    assert [p for found in problems for p in found] == []



def open_facets(page: Any) -> None:
    """Ask for the search page's facets (their files are fetched only then) and wait for
    their groups."""
    page.locator("#portal-facets button").click()
    page.locator(".pagefind-ui__filter-name").first.wait_for(timeout=30000)
