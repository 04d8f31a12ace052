"""How long `portal serve` takes to show an edit: from saving a record to the preview
serving the page with the new title.

    python bench/serve_edit.py RECORDS [EDITS]     (e.g. an archive of `portal demo-data`)

Starts `portal serve` on a free port, edits the title of one published briefing EDITS
times (default 5), and prints the time of each.  The wait is the preview's own
live-reload call, which answers once a newer build is visible (no polling).  The
record's file is restored at the end (the preview's last build keeps the edited title
until the next edit).  After the start and between edits it waits READ seconds, as an
editor reads the page before saving: the preview writes its caches and collects the
build's garbage once the page shows, and after a build of everything links a spare tree
for the next republish (warm.Warm.settle); a save made at that instant waits for it.
"""

from __future__ import annotations

import queue
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2026-11-27"
WAIT = 900.0  # the longest a step may take before the run is abandoned
READ = 3.0  # between a page showing (the start's, an edit's) and the next save


def measure(records: Path, edits: int) -> list[float]:
    """Seconds from saving each edit to the preview serving it (printed as they come)."""
    target = next(p for p in sorted((records / "briefings").rglob("*.yaml"))
                  if "classification: restricted" not in p.read_text("utf-8"))
    original = target.read_text("utf-8")

    def retitle(title: str) -> None:
        target.write_text(re.sub(r"(?m)^title: .*$", f"title: {title}", original), "utf-8")

    retitle(f"Preview started {time.time()}")  # a change, so the start builds something
    portal = Path(sys.executable).with_name("portal")
    started = time.monotonic()
    proc = subprocess.Popen([str(portal), "serve", "--records", str(records), "--config",
                             str(ROOT / "mkdocs.yml"), "--dev-addr", "127.0.0.1:0",
                             "--as-of", AS_OF], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue[str] = queue.Queue()
    assert proc.stdout is not None
    out = proc.stdout

    def read() -> None:
        for line in out:
            lines.put(line.rstrip())

    threading.Thread(target=read, daemon=True).start()
    times: list[float] = []
    try:
        while not (m := re.search(r"(?:Serving on |预览地址：)(http://[^\s（]+)",
                                  lines.get(timeout=WAIT))):
            pass
        url = m[1]
        print(f"start (build of the preview included): {time.monotonic() - started:.1f} s")
        time.sleep(READ)
        page = f"{url}briefings/{target.parent.name}/{target.stem}/"
        for n in range(edits):
            html = urllib.request.urlopen(page, timeout=WAIT).read().decode()
            epoch = re.search(r'src="/livereload\.js/([0-9]+)/', html)
            assert epoch, "the page has no live-reload script"
            title = f"Edited title {n} {time.time()}"
            saved = time.monotonic()
            retitle(title)
            # answers when a build newer than the page's is visible
            urllib.request.urlopen(f"{url}livereload/{epoch[1]}/1", timeout=WAIT).read()
            shown = title in urllib.request.urlopen(page, timeout=WAIT).read().decode()
            if not shown:
                raise SystemExit(f"edit {n} was not shown: see the output of portal serve")
            times.append(time.monotonic() - saved)
            print(f"edit {n}: {times[-1]:.2f} s")
            time.sleep(READ)
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=WAIT)
        target.write_text(original, "utf-8")
    return times


if __name__ == "__main__":
    measure(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 5)
