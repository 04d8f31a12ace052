"""Hostile text in every text field of every record runs nowhere and breaks no file.

tests/hostile.py plants markup, script, javascript: and data: links, Jinja, a control
character and a right-to-left override in every text field of a copy of the fixture
archive; each audience is built in both editions, and every output is checked in the terms
of its format: no markup or script link in HTML, XML, SVG or JSON, feeds and charts
well-formed, calendars that read back to the text that was written, Jinja never evaluated.
"""

from __future__ import annotations

import gzip
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from icalendar import Calendar

from generators import csp
from generators.build import build_site
from generators.escaping import ical_text
from generators.models import RECORD_TYPES
from generators.validate import validate

from .conftest import AS_OF, ROOT, VALID
from .hostile import EVALUATED, LINK, MARK, PLAIN, RAW, hostile_archive, previous_edition

pytestmark = pytest.mark.slow

MARKUP = (".html", ".xml", ".svg", ".json")
RLO, PDF = "\u202e", "\u202c"
POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
EVENT_FIELDS = {"UID", "SUMMARY", "DTSTAMP", "DTSTART", "DTEND", "LOCATION", "URL"}


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    return hostile_archive(VALID, tmp_path_factory.mktemp("hostile") / "records")


def test_every_record_type_gets_hostile_text(archive: tuple[Path, dict[str, int]]) -> None:
    records, planted = archive
    assert set(planted) == set(RECORD_TYPES)
    assert all(n > 0 for n in planted.values()), planted
    _, report = validate(records, "records", AS_OF)
    assert report.errors == [], report.text()  # warnings (control characters) are fine


@pytest.mark.parametrize("locale", ["en", "zh"])
@pytest.mark.parametrize("audience", ["public", "internal", "restricted"])
def test_no_hostile_text_runs_or_breaks_an_output(archive: tuple[Path, dict[str, int]],
                                                  tmp_path: Path, audience: str,
                                                  locale: str) -> None:
    records, _ = archive
    site = build_site(ROOT / "mkdocs.yml", tmp_path / "site", records=str(records),
                      as_of=AS_OF, audience=audience, locale=locale,
                      options={"edition": "hostile",
                               "previous_edition": str(previous_edition(tmp_path))})
    shown: dict[str, int] = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        data = path.read_bytes()
        if path.suffix == ".pf_fragment":  # the search index: text, never evaluated
            data = gzip.decompress(data)
        assert EVALUATED.encode() not in data, f"{rel}: Jinja in record text was evaluated"
        if MARK.encode() in data:
            shown[path.suffix] = shown.get(path.suffix, 0) + 1
        if path.suffix in (".html", ".xml", ".svg"):
            # each field closes the overrides it opens: none reverses the text after it
            assert data.count(RLO.encode()) <= data.count(PDF.encode()), rel
        if path.suffix in MARKUP:
            raw = [r for r in RAW if r.encode() in data]
            assert raw == [], f"{rel}: {raw}"
            assert LINK.findall(data) == [], rel
        if path.suffix == ".html":
            check_policy(rel, data.decode("utf-8"))
        if path.suffix in (".xml", ".svg"):
            ET.fromstring(data)  # well-formed: a reader takes the whole feed or picture
        if path.suffix == ".svg":
            # no script element, no event handler attribute in any tag
            assert not re.search(rb"<script|<[a-z][^<>]*\son[a-z]+\s*=", data, re.I), rel
        if path.suffix == ".json":
            json.loads(data)
        if path.suffix == ".ics":
            check_calendar(rel, data)
    # the payload reached every kind of output (else the checks above prove nothing)
    for suffix in (".html", ".xml", ".svg", ".json", ".ics"):
        assert shown.get(suffix), f"no {suffix} output shows record text: {shown}"
    changes = (site / "changes/index.html").read_text(encoding="utf-8")
    assert changes.count(MARK) >= 2  # the removed and the changed record of the manifest
    if audience != "public":  # the home page's dashboard macro prints records' titles
        assert MARK in (site / "index.html").read_text(encoding="utf-8")


def check_policy(rel: str, html: str) -> None:
    """Every page carries one policy, which allows by hash each inline script it holds (and
    holds no other way to run them)."""
    policies = POLICY.findall(html)
    assert len(policies) == 1, f"{rel}: {len(policies)} policies"
    script_src = policies[0].split("script-src ", 1)[1].split(";", 1)[0].split()
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    for script in csp.inline_scripts(html):
        assert csp.script_hash(script) in script_src, f"{rel}: {script[:80]!r}"


def check_calendar(rel: str, data: bytes) -> None:
    """Events hold only the fields we write, and a planted title reads back as written
    (RFC 5545 escaping, not HTML's, is what a calendar's text needs)."""
    cal = Calendar.from_ical(data)
    for event in cal.walk("VEVENT"):
        assert set(event) <= EVENT_FIELDS, f"{rel}: {sorted(set(event) - EVENT_FIELDS)}"
        for key in ("SUMMARY", "LOCATION"):
            text = str(event.get(key, ""))
            if MARK in text:
                assert text.endswith(ical_text(PLAIN)), f"{rel}: {text!r}"
                assert text.count(RLO) <= text.count(PDF), f"{rel}: {text!r}"
