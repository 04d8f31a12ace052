"""Finders at scale: what a finder downloads, and the time from a facet change (or a sort)
to its first results, in chromium, at archive sizes of a benchmark.

    .venv/bin/python bench/finders.py            # FINDER_SIZES=10000,50000 by default

The pages are a small demo archive's build (300 records: the finder removes their static
table anyway); each size's finder files (generators/finders.py, from a demo archive of
that size, audience internal, Chinese) take the place of its files, so the browser does
what it does on that archive's site.  A facet change is timed from the change event to
the frame after the rows are in the page, for every facet of every finder: its first
option (the largest selection but one) and the slowest is reported.  Prints a Markdown
section for bench/RESULTS.md.
"""

from __future__ import annotations

import functools
import gc
import gzip
import http.server
import os
import shutil
import socketserver
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from generators.build import build_site
from generators.catalog import build_catalog
from generators.demo import REFERENCE_DAY, generate
from generators.finders import finder_files
from generators.pages.indexes import FINDERS
from generators.urls import url_of
from generators.validate import validate

ROOT = Path(__file__).resolve().parents[1]

CHROMIUM = "/usr/bin/chromium"

_TIME_FACETS = """async () => {
  const wait = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  const out = [];
  for (const sel of document.querySelectorAll(".finder select")) {
    const option = [...sel.options].find(o => o.value);
    if (!option) continue;
    const t0 = performance.now();
    sel.value = option.value;
    sel.dispatchEvent(new Event("change"));
    await wait();
    const rows = document.querySelectorAll(".finder tbody tr").length;
    out.push([sel.name, performance.now() - t0, rows]);
    sel.value = "";
    sel.dispatchEvent(new Event("change"));
    await wait();
  }
  const ths = document.querySelectorAll(".finder th");
  for (const th of ths) {
    const t0 = performance.now();
    th.click();
    await wait();
    out.push(["sort " + th.textContent, performance.now() - t0,
              document.querySelectorAll(".finder tbody tr").length]);
  }
  return out;
}"""


def _serve(folder: Path) -> tuple[str, socketserver.ThreadingTCPServer]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    srv = socketserver.ThreadingTCPServer(("127.0.0.1", 0),
                                          functools.partial(Quiet, directory=str(folder)))
    srv.daemon_threads = True
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{srv.server_address[1]}/", srv


def measure(size: int, site: Path, work: Path) -> list[dict[str, Any]]:
    records = work / f"records-{size}"
    generate(size, 1, records, REFERENCE_DAY)
    recs, report = validate(records, "records", REFERENCE_DAY, use_cache=False)
    assert not report.errors
    cat = build_catalog(recs, REFERENCE_DAY, "internal")
    gc.freeze()  # as the build does (plugin.py): a collection would walk every record
    t0 = time.perf_counter()
    files = finder_files(cat, "zh")
    made = time.perf_counter() - t0
    for path, text in files.items():
        (site / path).write_text(text, encoding="utf-8")
    from playwright.sync_api import sync_playwright

    base, srv = _serve(site)
    rows = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            for src, name in FINDERS.items():
                path = next(p for p in files if p.endswith(f"/{name}.json"))
                raw = files[path].encode()
                pg = browser.new_page(viewport={"width": 1366, "height": 768})
                t0 = time.perf_counter()
                pg.goto(base + url_of(src))
                pg.wait_for_selector(".finder[data-ready]")
                loaded = time.perf_counter() - t0
                timings = pg.evaluate(_TIME_FACETS)
                pg.close()
                facets = [t for t in timings if not t[0].startswith("sort ")]
                sorts = [t for t in timings if t[0].startswith("sort ")]
                rows.append({"size": size, "name": name, "n": _n(raw), "kb": len(raw) / 1024,
                             "gz": len(gzip.compress(raw)) / 1024, "load": loaded,
                             "facet": max(t[1] for t in facets),
                             "facet_of": max(facets, key=lambda t: t[1])[0],
                             "sort": max(t[1] for t in sorts), "made": made})
            browser.close()
    finally:
        srv.shutdown()
        srv.server_close()
    return rows


def _n(raw: bytes) -> int:
    import json

    return int(json.loads(raw)["n"])


def main() -> None:
    sizes = [int(s) for s in os.environ.get("FINDER_SIZES", "10000,50000").split(",")]
    work = Path(tempfile.mkdtemp(prefix="bench-finders-"))
    try:
        small = work / "records-small"
        generate(300, 1, small, REFERENCE_DAY)
        site = Path(build_site(ROOT / "mkdocs.yml", work / "site", records=str(small),
                               as_of=REFERENCE_DAY, locale="zh"))
        rows = [r for size in sizes for r in measure(size, site, work)]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("| records | finder | rows | file KB (gzip) | load to first rows s | "
          "slowest facet change ms (facet) | slowest sort ms |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['size']} | {r['name']} | {r['n']} | {r['kb']:.0f} ({r['gz']:.0f}) | "
              f"{r['load']:.2f} | {r['facet']:.0f} ({r['facet_of']}) | {r['sort']:.0f} |")
    for size in sizes:
        made = next(r["made"] for r in rows if r["size"] == size)
        print(f"\nAt {size} records the build makes the six files in {made:.2f} s.")


if __name__ == "__main__":
    main()
