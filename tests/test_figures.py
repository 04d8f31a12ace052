"""Every computed figure against values worked out by hand (as of 2026-11-27)."""

from __future__ import annotations

import datetime as dt

import pytest

from generators.catalog import Catalog, build_catalog
from generators.figures import (
    competition_ranks,
    hotline_composite,
    liaison_status,
    normative_validity,
    supervision_status,
)
from generators.models.document import Document, Normative, add_years
from generators.models.hotline import DistrictFigures
from generators.models.liaison import Liaison, add_months
from generators.models.supervision import Supervision
from generators.validate import validate

from .conftest import AS_OF, VALID

D = dt.date


@pytest.fixture(scope="module")
def cat() -> Catalog:
    recs, report = validate(VALID, "records", AS_OF)
    assert not report.errors
    return build_catalog(recs, AS_OF)


# -- supervision -------------------------------------------------------------------------------

def test_supervision_statuses_of_the_fixture(cat: Catalog) -> None:
    s = cat.supervision
    assert (s["sup-a"].status, s["sup-a"].days_overdue) == ("completed-late", 10)
    assert (s["sup-b"].status, s["sup-b"].percent, s["sup-b"].days_to_deadline) == \
        ("on-track", 60, 34)
    assert (s["sup-c"].status, s["sup-c"].days_overdue) == ("overdue", 88)
    assert (s["sup-d"].status, s["sup-d"].days_to_deadline) == ("not-started", 124)


def item(**kw: object) -> Supervision:
    base: dict[str, object] = {
        "id": "s", "title": "t", "source": {"kind": "key-task"}, "lead": "u",
        "assigned": D(2026, 1, 1), "deadline": D(2026, 11, 27), "state": "open"}
    base.update(kw)
    return Supervision.model_validate(base)


def upd(day: dt.date, pct: float) -> dict[str, object]:
    return {"date": day, "percent": pct, "note": "n"}


def test_deadline_today_is_not_overdue() -> None:
    st = supervision_status(item(updates=[upd(D(2026, 11, 20), 90)]), AS_OF)
    assert (st.status, st.days_to_deadline, st.days_overdue) == ("on-track", 0, 0)
    st = supervision_status(item(updates=[upd(D(2026, 11, 20), 90)]), AS_OF + dt.timedelta(1))
    assert (st.status, st.days_overdue) == ("overdue", 1)


def test_at_risk_near_deadline_under_80_percent() -> None:
    near = item(deadline=D(2026, 12, 11), updates=[upd(D(2026, 11, 20), 79.5)])
    assert supervision_status(near, AS_OF).status == "at-risk"  # 14 days, under 80 %
    far = item(deadline=D(2026, 12, 12), updates=[upd(D(2026, 11, 20), 79.5)])
    assert supervision_status(far, AS_OF).status == "on-track"  # 15 days
    done_enough = item(deadline=D(2026, 12, 11), updates=[upd(D(2026, 11, 20), 80)])
    assert supervision_status(done_enough, AS_OF).status == "on-track"


def test_silence_is_report_late_not_at_risk() -> None:
    # second edition: a silent item is report-late (tests/test_process.py has the boundaries)
    quiet = item(deadline=D(2027, 6, 1), updates=[upd(D(2026, 10, 20), 40)])
    st = supervision_status(quiet, AS_OF)  # monthly: 20 Nov + 5 days' grace = 25 Nov
    assert (st.status, st.days_report_late, st.quiet_days) == ("report-late", 2, 38)
    fresh = item(assigned=D(2026, 11, 1), deadline=D(2027, 6, 1))
    assert supervision_status(fresh, AS_OF).status == "not-started"


def test_completed_on_the_deadline_is_on_time_and_suspended_wins() -> None:
    on_day = item(state="completed", completed=D(2026, 11, 27))
    assert supervision_status(on_day, AS_OF).status == "completed"
    paused = item(state="suspended", deadline=D(2026, 3, 1))
    assert supervision_status(paused, AS_OF).status == "suspended"


# -- normative validity ------------------------------------------------------------------------

def test_normative_register_of_the_fixture(cat: Catalog) -> None:
    a, b = cat.validity["doc-a"], cat.validity["doc-b"]
    assert (a.status, a.repealed_by) == ("repealed", "doc-b")
    assert (b.status, b.days_to_expiry, b.expires) == ("expiring", 124, D(2027, 3, 31))


def test_default_expiry_is_the_day_before_the_fifth_anniversary() -> None:
    assert Normative(effective=D(2024, 4, 1), status="in-force").expiry == D(2029, 3, 31)
    assert Normative(effective=D(2024, 2, 29), status="in-force").expiry == D(2029, 2, 28)
    assert Normative(effective=D(2023, 3, 1), status="in-force").expiry == D(2028, 2, 29)
    assert add_years(D(2024, 2, 29), 4) == D(2028, 2, 29)
    assert add_years(D(2024, 2, 29), 1) == D(2025, 3, 1)


def doc(**norm: object) -> Document:
    return Document.model_validate({
        "id": "d", "number": "京政发〔2026〕1号", "type": "opinion", "issuers": ["u"],
        "title": "t", "recipients": [], "written": D(2026, 1, 1), "summary": "s",
        "normative": {"status": "in-force", **norm}})


@pytest.mark.parametrize(("effective", "expires", "status"), [
    (D(2026, 11, 28), None, "not-yet-effective"),
    (D(2026, 1, 1), D(2027, 5, 26), "expiring"),  # 180 days
    (D(2026, 1, 1), D(2027, 5, 27), "in-force"),  # 181 days
    (D(2026, 1, 1), D(2026, 11, 27), "expiring"),  # last day today
    (D(2020, 1, 1), D(2026, 11, 26), "expired"),
])
def test_validity_boundaries(effective: dt.date, expires: dt.date | None, status: str) -> None:
    v = normative_validity(doc(effective=effective, expires=expires), AS_OF)
    assert v is not None and v.status == status


# -- liaison -----------------------------------------------------------------------------------

def test_due_dates_fall_at_month_ends() -> None:
    assert add_months(D(2026, 11, 30), 3) == D(2027, 2, 28)
    assert add_months(D(2027, 11, 30), 3) == D(2028, 2, 29)
    assert add_months(D(2026, 1, 31), 3) == D(2026, 4, 30)
    assert add_months(D(2026, 10, 15), 3) == D(2027, 1, 15)


def test_liaison_statuses_and_rates_of_the_fixture(cat: Catalog) -> None:
    li = cat.liaison
    assert (li["lia-a"].status, li["lia-a"].due) == ("replied-on-time", D(2026, 5, 28))
    assert (li["lia-b"].status, li["lia-b"].due, li["lia-b"].days_overdue) == \
        ("replied-late", D(2026, 4, 30), 10)
    assert (li["lia-c"].status, li["lia-c"].due) == ("pending", D(2026, 11, 30))
    rates = cat.liaison_rates()
    assert (rates.total, rates.replied, rates.on_time, rates.due) == (3, 2, 1, 2)
    assert rates.reply_rate == 66.7
    assert rates.on_time_rate == 50.0
    # lia-b's C reply was re-handled (issue 17): its second reply, B, is the one that stands,
    # and the feedback on it (basically satisfied) replaces the first (dissatisfied)
    assert (rates.share("A"), rates.share("B"), rates.share("C")) == (50.0, 50.0, 0.0)
    assert rates.satisfaction_rate == 100.0
    # 沟通率: lia-a met its deputy before replying, lia-c (no reply yet) was visited,
    # lia-b has no contact: 2 of 3
    assert (rates.contacted, rates.contact_rate, rates.rehandled) == (2, 66.7, 1)


def test_reply_on_the_due_day_is_on_time_and_explicit_due_wins() -> None:
    base = {"id": "l", "kind": "npc-suggestion", "number": "1", "session": 2026,
            "proposers": ["p"], "title": "t", "received": D(2026, 8, 31), "lead": "u"}
    reply = {"date": D(2026, 11, 30), "category": "B", "summary": "s", "disclosure": "full"}
    assert liaison_status(Liaison.model_validate({**base, "reply": reply}),
                          AS_OF).status == "replied-on-time"
    late = Liaison.model_validate({**base, "due": D(2026, 11, 26)})
    assert (liaison_status(late, AS_OF).status, liaison_status(late, AS_OF).days_overdue) == \
        ("overdue", 1)


# -- appraisal ---------------------------------------------------------------------------------

def test_appraisal_totals_ranks_grades_and_change(cat: Catalog) -> None:
    rows = {r.unit: r for r in cat.appraisal[2026]}
    assert (rows["east"].total, rows["east"].rank, rows["east"].grade) == (90.0, 1, "excellent")
    assert (rows["west"].total, rows["west"].rank, rows["west"].grade) == (89.0, 2, "good")
    assert (rows["north"].weighted, rows["north"].adjustment, rows["north"].total,
            rows["north"].grade) == (76.0, -2.0, 74.0, "fair")
    assert (rows["health"].total, rows["health"].rank) == (96.0, 1)
    assert (rows["transport"].total, rows["transport"].rank, rows["transport"].grade) == \
        (70.0, 2, "fair")
    assert rows["east"].change == 4.0 and rows["transport"].change == -23.0
    assert rows["north"].previous_total == 60.0 and rows["north"].previous_rank == 3
    prev = {r.unit: r for r in cat.appraisal[2025]}
    assert prev["north"].grade == "poor" and prev["east"].change is None


def test_ties_share_a_rank() -> None:
    assert competition_ranks([90, 85, 85, 70]) == [1, 2, 2, 4]


# -- hotline -----------------------------------------------------------------------------------

def test_hotline_ranking(cat: Catalog) -> None:
    sep = [(h.unit, h.composite, h.rank) for h in cat.hotline["2026-09"]]
    assert sep == [("east", 86.5, 1), ("west", 85.5, 2), ("north", 72.5, 3)]
    octo = [(h.unit, h.rank) for h in cat.hotline["2026-10"]]
    assert octo == [("west", 1), ("east", 2), ("north", 3)]
    f = DistrictFigures(calls=1, response_rate=100, resolution_rate=100, satisfaction_rate=100)
    assert hotline_composite(f) == 100.0


# -- catalog: indexes, reverse links, rollups, audiences ---------------------------------------

def test_reverse_links(cat: Catalog) -> None:
    assert [r.id for r in cat.referrers("dec-a1")] == ["sup-a"]
    assert {r.id for r in cat.referrers("doc-a")} == {"doc-b"}
    assert {r.id for r in cat.referrers("doc-c")} == {"req-a", "lia-a"}
    assert [r.id for r in cat.referrers("brf-a")] == ["sup-c"]
    assert [r.id for r in cat.referrers("sup-c")] == ["brf-a"]
    assert [r.id for r in cat.referrers("rcv-a")] == ["doc-b"]


def test_unit_and_official_rollups(cat: Catalog) -> None:
    t = cat.unit_rollup("transport")
    assert [s.id for s in t.supervision_led] == ["sup-a", "sup-b"]  # same day: by id
    assert [s.id for s in t.owed] == ["sup-b"]
    assert [d.id for _m, d in t.decisions] == ["dec-a1", "dec-a2"]
    assert [li.id for li in t.liaison_led] == ["lia-c", "lia-a"]
    assert [(y, r.rank) for y, r in t.appraisal] == [(2025, 1), (2026, 2)]
    east = cat.unit_rollup("east")
    assert [m for m, _r in east.hotline] == ["2026-09", "2026-10"]
    assert [r.id for r in east.requests] == ["req-a"]
    mayor = cat.official_rollup("mayor")
    assert [m.id for m in mayor.chaired] == ["mtg-a"]
    assert [d.id for d in mayor.signed] == ["doc-a"]
    assert [b.id for b in mayor.instructions] == ["brf-a"]
    assert [r.id for r in cat.official_rollup("vm-one").decided] == ["req-a"]


def test_audience_sees_only_its_level() -> None:
    recs, _ = validate(VALID, "records", AS_OF)
    public = build_catalog(recs, AS_OF, "public")
    assert "doc-r" not in public.by_id and "doc-r" in public.hidden
    assert "sup-d" in public.hidden and "lia-c" in public.hidden
    assert public.liaison_rates().total == 2  # aggregates count only what is visible
    assert 2026 not in public.appraisal and 2025 in public.appraisal
    internal = build_catalog(recs, AS_OF, "internal")
    assert "sup-d" not in internal.by_id and "doc-c" in internal.by_id
