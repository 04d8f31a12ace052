"""What the search page downloads, and how soon it shows results, on a built site.

    .venv/bin/python bench/search_download.py SITE_DIR [QUERY ...]

In Debian's chromium (a fresh profile, nothing cached), on the site served from
127.0.0.1: (1) opening the search page, which lands on "*" (every record); (2) then
typing a query; (3) then asking for the facets (their files come only then), until their
counts for the query show; (4) then checking one facet value (the first of the last
group); and, in a second fresh browser, (5) opening the page with ?q=QUERY, all of it
cold.  Bytes are the bodies of Pagefind's files (pagefind/); times are from navigation to
the first result on screen (or from the action to the new count).  One Markdown row per
query, for bench/RESULTS.md ("Search downloads"); the last column splits the cold query
by file: metadata / filters / word chunks / fragments / code (pagefind.js, worker, wasm).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import socketserver
import sys
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


KINDS = ("pf_meta", "pf_filter", "pf_index", "pf_fragment")


def _kind(url: str) -> str:
    return next((k for k in KINDS if k in url), "code")  # pagefind.js, its worker, wasm


def _recorder(page: Any) -> list[tuple[str, int]]:
    sizes: list[tuple[str, int]] = []

    def seen(response: Any) -> None:
        if "/pagefind/" in response.url and response.ok:
            # the browser may close while a body is on its way
            with contextlib.suppress(Exception):
                sizes.append((_kind(response.url), len(response.body())))
    page.on("response", seen)
    return sizes


def _mb(sizes: list[tuple[str, int]], kind: str | None = None) -> float:
    return sum(n for k, n in sizes if kind in (None, k)) / 1e6


def _settled(page: Any) -> None:
    page.wait_for_load_state("networkidle")
    time.sleep(0.3)  # results render after their fragments arrive


def _message(page: Any) -> str:
    return str(page.locator(".pagefind-ui__message").inner_text())


_COUNTED = """([before, term]) => {
  const m = (document.querySelector('.pagefind-ui__message') || {}).textContent || '';
  const rs = [...document.querySelectorAll('.pagefind-ui__result')];
  return m !== before && /\\d/.test(m.split(term).join('')) && rs.length > 0
    && rs.every(r => r.querySelector('.pagefind-ui__result-link'));
}"""
"""A new count is shown (not "Searching for…", which has none) and its results have
loaded."""


def _counted(page: Any, before: str, term: str) -> None:
    page.wait_for_function(_COUNTED, arg=[before, term], timeout=120000)


def measure(site: Path, query: str) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    srv = socketserver.ThreadingTCPServer(("127.0.0.1", 0),
                                          functools.partial(_Quiet, directory=str(site)))
    srv.daemon_threads = True
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{srv.server_address[1]}/search/"
    out: dict[str, float] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page()
            sizes = _recorder(page)
            start = time.perf_counter()
            page.goto(base)
            _counted(page, "", "*")
            out["open_s"] = time.perf_counter() - start
            _settled(page)
            out["open_mb"] = _mb(sizes)
            out.update({f"open_{k}": _mb(sizes, k) for k in (*KINDS, "code")})
            sizes.clear()
            before = _message(page)
            start = time.perf_counter()
            page.fill(".pagefind-ui__search-input", query)
            _counted(page, before, query)
            out["query_s"] = time.perf_counter() - start
            _settled(page)
            out["query_mb"] = _mb(sizes)
            out["results"] = float(page.locator(".pagefind-ui__result").count())
            sizes.clear()
            start = time.perf_counter()
            page.locator("#portal-facets button").click()
            page.locator(".pagefind-ui__filter-name").first.wait_for(timeout=120000)
            out["facets_s"] = time.perf_counter() - start
            _settled(page)
            out["facets_mb"] = _mb(sizes)
            sizes.clear()
            block = page.locator("details.pagefind-ui__filter-block").last
            block.locator("summary").click()
            before = _message(page)
            start = time.perf_counter()
            block.locator(".pagefind-ui__filter-value input").first.check()
            _counted(page, before, query)
            out["facet_s"] = time.perf_counter() - start
            _settled(page)
            out["facet_mb"] = _mb(sizes)
            browser.close()
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page()
            sizes = _recorder(page)
            start = time.perf_counter()
            page.goto(base + "?q=" + quote(query))
            _counted(page, "", query)
            out["cold_s"] = time.perf_counter() - start
            _settled(page)
            out["cold_mb"] = _mb(sizes)
            out.update({f"cold_{k}": _mb(sizes, k) for k in (*KINDS, "code")})
            browser.close()
    finally:
        srv.shutdown()
        srv.server_close()
    return out


def main(argv: list[str]) -> None:
    site = Path(argv[0])
    records = sum(1 for _ in site.glob("*/[0-9][0-9][0-9][0-9]/*/index.html"))
    for query in argv[1:] or ["traffic", "交通"]:
        m = measure(site, query)
        parts = " / ".join(f"{m['cold_' + k]:.2f}" for k in (*KINDS, "code"))
        print(f"| {records} | `{query}` ({m['results']:.0f}) | {m['open_mb']:.2f} "
              f"({m['open_s']:.1f} s) | {m['query_mb']:.3f} ({m['query_s']:.1f} s) | "
              f"{m['facets_mb']:.2f} ({m['facets_s']:.1f} s) | "
              f"{m['facet_mb']:.3f} ({m['facet_s']:.1f} s) | "
              f"{m['cold_mb']:.2f} ({m['cold_s']:.1f} s) | {parts} |", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
