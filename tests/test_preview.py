"""`portal preview` serves a built site on 127.0.0.1: pages, folder links, a 404."""

from __future__ import annotations

import re
import selectors
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from generators.cli import main

WAIT = 30.0
"""Seconds a step may take on a busy machine before the test gives up (a bound, never a
pause: each wait returns as soon as its answer arrives)."""


def _site(root: Path) -> Path:
    site = root / "site"
    (site / "documents").mkdir(parents=True)
    (site / "index.html").write_text("<h1>Home of the portal</h1>", encoding="utf-8")
    (site / "documents" / "index.html").write_text("<h1>Documents</h1>", encoding="utf-8")
    (site / "empty").mkdir()
    (site / "404.html").write_text("<h1>Not here</h1>", encoding="utf-8")
    return site


def _first_line(proc: subprocess.Popen[str]) -> str:
    """The first line the process prints, waiting at most WAIT seconds for it."""
    assert proc.stdout is not None
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stdout, selectors.EVENT_READ)
        if not sel.select(WAIT):
            pytest.fail(f"portal preview said nothing in {WAIT:g} s")
    return proc.stdout.readline()


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=WAIT) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_preview_serves_the_built_site_on_the_loopback_address(tmp_path: Path) -> None:
    site = _site(tmp_path)
    portal = Path(sys.executable).with_name("portal")
    proc = subprocess.Popen([str(portal), "preview", "--site-dir", str(site), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = _first_line(proc)
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert found, line
        base = found.group(0)
        assert int(found.group(1)) > 0
        assert _get(base) == (200, "<h1>Home of the portal</h1>")
        # a folder link, which file:// cannot follow, and one without its slash
        assert _get(base + "documents/") == (200, "<h1>Documents</h1>")
        assert _get(base + "documents") == (200, "<h1>Documents</h1>")
        # no folder listing: the site's own 404 page
        assert _get(base + "empty/") == (404, "<h1>Not here</h1>")
        assert _get(base + "nothing.html") == (404, "<h1>Not here</h1>")
    finally:
        proc.terminate()
        proc.wait(timeout=WAIT)
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()
        proc.stderr.close()


def test_preview_refuses_a_folder_that_holds_no_built_site(tmp_path: Path) -> None:
    for locale, said in (("en", "no built portal"), ("", "没有已生成的门户")):
        result = CliRunner().invoke(main, ["preview", "--site-dir", str(tmp_path), "--port",
                                           "0"], env={"PORTAL_LOCALE": locale})
        assert result.exit_code == 2
        assert said in result.output and "make portal" in result.output
