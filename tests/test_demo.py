"""The demo archive's own rules (portal demo-data): what a generated record says must be
what an editor would write, at any --as-of."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generators.demo import CONGRESS_TERM_FROM, _session, generate
from generators.validate import validate


@pytest.mark.parametrize("year, cppcc, session", [
    (CONGRESS_TERM_FROM, False, {"term": 15, "meeting": 1}),
    (CONGRESS_TERM_FROM + 4, False, {"term": 15, "meeting": 5}),
    (CONGRESS_TERM_FROM + 5, False, {"term": 16, "meeting": 1}),  # a new term
    (2026, False, {"term": 16, "meeting": 4}),  # 市十六届人大四次会议
    (2026, True, {"term": 14, "meeting": 4}),  # 市政协十四届四次会议
    (CONGRESS_TERM_FROM - 1, False, {"term": 14, "meeting": 5}),  # the term before
    (2001, True, {"term": 9, "meeting": 4}),
])
def test_a_year_s_session_is_its_term_and_meeting(year: int, cppcc: bool,
                                                  session: dict[str, int]) -> None:
    assert _session(year, cppcc) == session


@pytest.mark.parametrize("as_of", [dt.date(2026, 11, 27), dt.date(2019, 3, 1)])
def test_a_demo_archive_is_valid_without_a_warning(tmp_path: Path, as_of: dt.date) -> None:
    """Whatever day it is made for: in 2019 its liaison items come from 2017 to 2019,
    across two terms (the 14th congress's last meeting, the 15th's first two), in 2026
    from the 16th congress's second to fourth meetings."""
    generate(120, 3, tmp_path / "records", as_of)
    _, report = validate(tmp_path / "records", "records", as_of)
    assert report.errors == [] and report.warnings == [], report.text("en")[:2000]
