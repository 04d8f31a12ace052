"""`portal serve` in chromium: the page follows an edit, a problem and its fix by itself,
under the pages' Content-Security-Policy (the page fixture fails on any breach)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ..conftest import AS_OF
from ..test_serve import URL_LINE, WAIT, Server

pytestmark = pytest.mark.browser


@pytest.fixture
def preview(valid_copy: Path) -> Iterator[tuple[Server, str]]:
    epoch = int(dt.datetime(AS_OF.year, AS_OF.month, AS_OF.day, 12, tzinfo=dt.UTC).timestamp())
    server = Server(valid_copy, {"SOURCE_DATE_EPOCH": str(epoch)})
    try:
        yield server, server.wait_for(URL_LINE)[1]
    finally:
        server.stop()


def test_the_preview_reloads_itself_after_each_edit(preview: tuple[Server, str],
                                                    valid_copy: Path, page: Any) -> None:
    server, url = preview
    brf = valid_copy / "briefings/2026/brf-a.yaml"
    original = brf.read_text("utf-8")

    def title(text: str) -> None:
        brf.write_text(re.sub(r"(?m)^title: .*$", f"title: {text}", original), "utf-8")

    page.goto(url + "briefings/2026/brf-a/")
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    timeout = WAIT * 1000
    title("Edited while watched")
    page.wait_for_selector("h1:has-text('Edited while watched')", timeout=timeout)
    brf.write_text(original.replace("id: brf-a", "id: Brf A"), encoding="utf-8")
    page.wait_for_selector("#problems:has-text('ID_FORMAT')", timeout=timeout)
    title("Fixed while watched")
    page.wait_for_selector("h1:has-text('Fixed while watched')", timeout=timeout)
    assert server.proc.poll() is None
