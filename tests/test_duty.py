"""Issue 16, the duty office: the roster and incidents, their rules, figures, pages, feeds and
open data (the fixture archive holds duty/2026-11.yaml, an internal incident reported late
across midnight and a restricted one still open)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from generators.catalog import Catalog, build_catalog
from generators.errors import flatten
from generators.figures import INCIDENT_LIMITS, incident_timing, minutes_between
from generators.models.duty import Duty, Incident
from generators.outputs import generated, static_files
from generators.validate import validate

from .conftest import AS_OF, VALID, overlay


def incident(level: str = "II", occurred: str = "2026-11-20T23:40",
             reports: list[dict[str, Any]] | None = None) -> Incident:
    return Incident.model_validate({
        "id": "inc-x", "title": "燃气泄漏", "category": "accident", "level": level,
        "occurred": occurred, "units": ["east"],
        "reports": reports if reports is not None else [
            {"kind": "first", "at": "2026-11-21T00:15", "by": "east", "channel": "phone",
             "summary": "首报"}]})


def report(at: str, channel: str = "phone", kind: str = "follow-up") -> dict[str, Any]:
    return {"kind": kind, "at": at, "by": "east", "channel": channel, "summary": "续报"}


# -- figures --------------------------------------------------------------------------------

def test_minutes_are_counted_across_midnight() -> None:
    # 23:40 to 00:15 the next day: 20 minutes to midnight and 15 after it
    start, end = dt.datetime(2026, 11, 20, 23, 40), dt.datetime(2026, 11, 21, 0, 15)
    assert minutes_between(start, end) == 35
    # across the end of a year too: 23:50 on 31 December to 00:20 on 1 January
    assert minutes_between(dt.datetime(2026, 12, 31, 23, 50),
                           dt.datetime(2027, 1, 1, 0, 20)) == 30


def test_a_level_ii_phone_report_35_minutes_after_is_late() -> None:
    """Hand-worked: occurred 23:40, phone 00:15 (35 min > 30: late), written 00:35 (55 min
    <= 60: on time), final report at 09:00: closed."""
    inc = incident(reports=[
        report("2026-11-21T00:15", "phone", "first"), report("2026-11-21T00:35", "written"),
        report("2026-11-21T09:00", "written", "final")])
    tm = incident_timing(inc, dt.date(2026, 11, 27))
    assert (tm.phone_minutes, tm.phone_limit, tm.phone_late) == (35, 30, True)
    assert (tm.written_minutes, tm.written_limit, tm.written_late) == (55, 60, False)
    assert (tm.status, tm.closed_at, tm.late) == ("closed", "2026-11-21T09:00", True)


@pytest.mark.parametrize(("level", "minutes", "late"), [
    ("I", 30, False), ("I", 31, True), ("II", 30, False), ("II", 31, True),
    ("III", 60, False), ("III", 61, True), ("IV", 60, False), ("IV", 61, True)])
def test_a_report_exactly_at_the_limit_is_on_time(level: str, minutes: int, late: bool) -> None:
    at = dt.datetime(2026, 12, 1, 8, 0) + dt.timedelta(minutes=minutes)
    inc = incident(level, "2026-12-01T08:00", [report(at.strftime("%Y-%m-%dT%H:%M"),
                                                      kind="first")])
    tm = incident_timing(inc, dt.date(2026, 12, 1))
    assert tm.phone_minutes == minutes and tm.phone_late is late
    assert tm.phone_limit == INCIDENT_LIMITS[level][0]


def test_the_earliest_report_of_each_channel_counts_whatever_the_order_written() -> None:
    inc = incident(reports=[report("2026-11-21T01:00", "written"),
                            report("2026-11-21T00:40", "written"),
                            report("2026-11-21T00:05", "phone", "first")])
    tm = incident_timing(inc, dt.date(2026, 11, 27))
    assert (tm.phone_minutes, tm.written_minutes) == (25, 60)
    assert not tm.late and tm.status == "open"


def test_a_report_never_made_is_late_only_once_its_limit_has_passed() -> None:
    # a level IV incident at 23:00: written limit 120 min, passed on the next day only
    inc = incident("IV", "2026-12-01T23:00", [report("2026-12-01T23:20", "phone", "first")])
    on_the_day = incident_timing(inc, dt.date(2026, 12, 1))
    assert on_the_day.written_minutes is None and not on_the_day.written_late
    next_day = incident_timing(inc, dt.date(2026, 12, 2))
    assert next_day.written_late and next_day.status == "open"


# -- validation -----------------------------------------------------------------------------

def _problems(tmp_path: Path, files: dict[str, str]) -> list[list[object]]:
    records = overlay(tmp_path)
    for rel, text in files.items():
        (records / rel).parent.mkdir(parents=True, exist_ok=True)
        (records / rel).write_text(text, encoding="utf-8")
    _recs, report = validate(records, "records", AS_OF, use_cache=False)
    return flatten(report.problems, "path", "line", "code")


def test_a_leader_on_duty_outside_his_term_and_unknown_references(tmp_path: Path) -> None:
    text = ('month: "2022-06"\ndays:\n'
            "  2022-06-01: {leader: vm-one, officers: [王晓东]}\n"  # vm-one from 2023-01-01
            "  2022-06-02: {leader: nobody, officers: [李静], unit: nowhere}\n")
    assert _problems(tmp_path, {"duty/2022-06.yaml": text}) == [
        ["records/duty/2022-06.yaml", 3, "DATE_TERM"],
        ["records/duty/2022-06.yaml", 4, "REF_MISSING"],
        ["records/duty/2022-06.yaml", 4, "REF_MISSING"]]


def test_a_report_after_the_as_of_date_and_a_malformed_time(tmp_path: Path) -> None:
    base = ("id: {id}\ntitle: 道路结冰\ncategory: accident\nlevel: IV\n"
            'occurred: "2026-11-26T07:10"\nunits: [north]\nreports:\n'
            '  - {{kind: first, at: "{at}", by: north, channel: phone, summary: 首报}}\n')
    found = _problems(tmp_path, {
        "incidents/2026/inc-f.yaml": base.format(id="inc-f", at="2026-11-28T07:30"),
        "incidents/2026/inc-g.yaml": base.format(id="inc-g", at="2026-11-26 07:30")})
    assert found == [["records/incidents/2026/inc-f.yaml", 8, "DATE_FUTURE"],
                     ["records/incidents/2026/inc-g.yaml", 8, "SCHEMA_FORMAT"]]


def test_an_instruction_starts_a_supervision_item_that_names_the_incident(tmp_path: Path,
                                                                         ) -> None:
    """A leader-instruction supervision item may come from an incident (or a briefing);
    anything else is a missing reference."""
    sup = ("id: sup-x\ntitle: 燃气管线隐患排查\nsource: {{kind: leader-instruction, ref: {ref}}}\n"
           "lead: east\nassigned: 2026-11-21\ndeadline: 2026-12-31\nstate: open\n")
    ok = _problems(tmp_path / "a", {"supervision/2026/sup-x.yaml": sup.format(ref="inc-a")})
    assert ok == []
    bad = _problems(tmp_path / "b", {"supervision/2026/sup-x.yaml": sup.format(ref="doc-b")})
    assert bad == [["records/supervision/2026/sup-x.yaml", 3, "REF_MISSING"]]


# -- the catalog, pages, feeds and open data -------------------------------------------------

@pytest.fixture(scope="module")
def catalogs() -> dict[str, Catalog]:
    recs, report = validate(VALID, "records", AS_OF, use_cache=False)
    assert report.problems == []
    return {a: build_catalog(recs, AS_OF, a) for a in ("public", "internal", "restricted")}


def test_roster_of_a_day_and_open_incidents(catalogs: dict[str, Catalog]) -> None:
    cat = catalogs["restricted"]
    today = cat.roster_of(AS_OF)
    assert today is not None and (today.leader, today.officers) == ("vm-one", ["张立新", "赵敏"])
    assert cat.roster_of(dt.date(2026, 11, 29)) is None  # no roster for that day
    assert cat.roster_of(dt.date(2027, 5, 1)) is None  # nor for that month
    assert [i.id for i in cat.open_incidents()] == ["inc-r"]
    # the restricted incident is not in the internal catalog, nor in its count
    assert catalogs["internal"].open_incidents() == []
    assert catalogs["public"].roster_of(AS_OF) is None  # the roster is internal


def _pages(cat: Catalog, locale: str = "zh") -> dict[str, str]:
    pages, files = generated(cat, locale)
    return {**{p.src: p.markdown for p in pages}, **files}


def test_the_month_calendar_highlights_the_as_of_day(catalogs: dict[str, Catalog]) -> None:
    out = _pages(catalogs["internal"])
    month = out["duty/2026-11.md"]
    today = [li for li in month.split("<li") if "duty-day--today" in li]
    assert len(today) == 1 and 'datetime="2026-11-27"' in today[0]
    assert 'aria-current="date"' in today[0] and "张立新、赵敏" in today[0]
    # November 2026 begins on a Sunday: six blank days before it
    assert month.count("duty-day--blank") == 6
    index = out["duty/index.md"]
    assert "今日值班（2026年11月27日）" in index and "张立新、赵敏" in index
    assert "明日值班（2026年11月28日）" in index and "刘洋" in index
    # the roster for a calendar program, from the month as from /duty/
    assert 'href="../../feeds/duty.ics"' in month and 'href="../feeds/duty.ics"' in index


def test_the_incident_page_flags_the_late_report_in_time_order(catalogs: dict[str, Catalog],
                                                             ) -> None:
    page = _pages(catalogs["internal"])["incidents/2026/inc-a.md"]
    assert "迟报：首次电话报告" in page
    times = page.split('id="incident-times"')[1].split("</table>")[0]
    assert "35分钟" in times and "55分钟" in times
    reports = page.split('id="incident-reports"')[1].split("</table>")[0]
    order = [reports.index(w) for w in ("首报", "续报", "终报")]
    assert order == sorted(order)


def test_the_incidents_status_column_holds_the_status_alone(catalogs: dict[str, Catalog]
                                                             ) -> None:
    """Its filter offers open and closed, not "closed late": a late report is marked in
    the report's own column."""
    from generators.pages.common import Ctx
    from generators.pages.duty import incident_rows

    cat = catalogs["internal"]
    rows = incident_rows(Ctx(cat, "zh"), cat.of(Incident))
    assert any(cat.incidents[i.id].late for i in cat.of(Incident))
    for inc, row in zip(cat.of(Incident), rows, strict=True):
        status, key = row[4]  # type: ignore[misc]
        assert key == cat.incidents[inc.id].status and status.count('class="status') == 1
        assert ("迟报" in str(row[5]) + str(row[6])) == cat.incidents[inc.id].late


def test_a_supervision_item_lists_the_incident_that_started_it(catalogs: dict[str, Catalog],
                                                              ) -> None:
    out = _pages(catalogs["restricted"])
    assert "../incidents/2026/inc-r/" in out["supervision/sup-d.md"]
    assert "../../../supervision/sup-d/" in out["incidents/2026/inc-r.md"]


def test_a_restricted_incident_reaches_no_internal_output(catalogs: dict[str, Catalog]) -> None:
    out = _pages(catalogs["internal"])
    leaked = [path for path, text in out.items() if "inc-r" in text or "限定范围的突发事件" in text]
    assert leaked == []
    assert "共1条" in out["incidents/index.md"]  # the count is of what this edition shows
    assert "incidents/2026/inc-r.md" in _pages(catalogs["restricted"])


def test_the_roster_calendar_and_the_incident_feed(catalogs: dict[str, Catalog]) -> None:
    files = static_files(catalogs["internal"], "https://portal.example/", "zh")
    cal = Calendar.from_ical(files["feeds/duty.ics"])
    events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    ev = events["duty-2026-11-27@general-office-portal"]
    assert str(ev["summary"]) == "带班领导：Vice Mayor One；值班员：张立新、赵敏"
    assert ev.decoded("dtstart") == dt.date(2026, 11, 27)
    assert str(ev["url"]) == "https://portal.example/duty/2026-11/"
    feed = files["feeds/incidents.xml"]
    assert "incident/inc-a" in feed and "inc-r" not in feed


def test_a_hostile_officer_name_is_escaped_for_icalendar(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    path = records / "duty/2026-11.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "[刘洋]", '["刘洋;X\\nEND:VEVENT\\nBEGIN:VEVENT,"]'), encoding="utf-8")
    recs, report = validate(records, "records", AS_OF, use_cache=False)
    assert report.errors == []
    text = static_files(build_catalog(recs, AS_OF, "internal"), "", "zh")["feeds/duty.ics"]
    assert text.count("BEGIN:VEVENT") == 3  # no event injected
    cal = Calendar.from_ical(text)
    names = [str(e["summary"]) for e in cal.walk("VEVENT")]
    # the text survives as text (a line end as a space: ical_text), ';' and ',' escaped
    assert any("刘洋;X END:VEVENT BEGIN:VEVENT," in n for n in names)
    assert "刘洋\\;X" in text


def test_open_data_of_incidents_and_the_roster(catalogs: dict[str, Catalog]) -> None:
    files = static_files(catalogs["internal"], "", "en")
    rows = json.loads(files["data/incidents.json"])
    assert [r["id"] for r in rows] == ["inc-a"]
    assert (rows[0]["phone_minutes"], rows[0]["phone_late"], rows[0]["status"]) == (35, True,
                                                                                    "closed")
    duty = json.loads(files["data/duty.json"])
    assert [(r["leader"], r["officers"]) for r in duty][1] == ("vm-one", "张立新 赵敏")


def test_both_editions_name_the_duty_terms(catalogs: dict[str, Catalog]) -> None:
    en = _pages(catalogs["internal"], "en")
    assert "Leader on duty" in en["duty/index.md"]
    assert "Reported late" in en["incidents/2026/inc-a.md"]
    zh = _pages(catalogs["internal"], "zh")
    assert "带班领导" in zh["duty/index.md"] and "值班员" in zh["duty/index.md"]
    assert isinstance(catalogs["internal"].get("duty-2026-11", Duty), Duty)


def test_the_accessors_note_what_they_read(catalogs: dict[str, Catalog]) -> None:
    """A page showing today's roster or the open incidents is made again when a roster
    appears or changes, or an incident's figures do (README, "Republish")."""
    from generators import deps

    cat = catalogs["restricted"]
    with deps.recording() as keys:
        cat.roster_of(dt.date(2026, 12, 3))  # no roster of December yet: absent, noted
        cat.open_incidents()
    assert {"r:duty-2026-12", "of:incident", "inc:inc-a", "inc:inc-r"} <= keys
