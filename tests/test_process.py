"""Issue 16: supervision as a process (report-late, closure), worked by hand.

The calendar is the 2026 one around National Day: 25-27 September and 1-7 October off,
Sunday 20 September and Saturday 10 October worked (调休上班)."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from generators import workflow
from generators.catalog import Catalog, build_catalog
from generators.feeds import overdue_entries
from generators.figures import (
    add_cycle,
    received_status,
    report_due,
    request_status,
    supervision_status,
)
from generators.models.calendar import CalendarYear
from generators.models.received import Received
from generators.models.request import Request
from generators.models.supervision import Supervision
from generators.validate import validate
from generators.workdays import work_calendar

from .conftest import SAMPLE, SAMPLE_AS_OF

D = dt.date
CAL = work_calendar([CalendarYear.model_validate({
    "year": 2026,
    "holidays": [{"name": "中秋节", "from": D(2026, 9, 25), "to": D(2026, 9, 27)},
                 {"name": "国庆节", "from": D(2026, 10, 1), "to": D(2026, 10, 7)}],
    "workdays": [D(2026, 9, 20), D(2026, 10, 10)]})])


def item(**kw: object) -> Supervision:
    base: dict[str, object] = {
        "id": "s", "title": "t", "source": {"kind": "key-task"}, "lead": "u",
        "assigned": D(2026, 10, 9), "deadline": D(2027, 6, 1), "state": "open"}
    base.update(kw)
    return Supervision.model_validate(base)


def upd(day: dt.date, pct: float) -> dict[str, object]:
    return {"date": day, "percent": pct, "note": "n"}


def test_cycles() -> None:
    assert add_cycle(D(2026, 1, 31), "monthly") == D(2026, 2, 28)
    assert add_cycle(D(2026, 11, 30), "quarterly") == D(2027, 2, 28)
    assert add_cycle(D(2026, 12, 15), "monthly") == D(2027, 1, 15)
    assert add_cycle(D(2026, 9, 28), "weekly") == D(2026, 10, 5)
    assert add_cycle(D(2026, 9, 28), "fortnightly") == D(2026, 10, 12)


def test_report_late_boundary_in_calendar_days() -> None:
    # assigned Friday 9 October, monthly, never reported: 9 November + 5 days = 14 November
    never = item()
    assert report_due(never) == D(2026, 11, 14)
    assert supervision_status(never, D(2026, 11, 14)).status == "not-started"
    st = supervision_status(never, D(2026, 11, 15))
    assert (st.status, st.days_report_late, st.quiet_days) == ("report-late", 1, 37)


def test_report_late_boundary_in_working_days() -> None:
    # 9 November is a Monday: 5 working days on are 10, 11, 12, 13 and Monday 16 November
    never = item()
    assert report_due(never, CAL) == D(2026, 11, 16)
    assert supervision_status(never, D(2026, 11, 16), CAL).status == "not-started"
    st = supervision_status(never, D(2026, 11, 17), CAL)
    assert (st.status, st.days_report_late) == ("report-late", 1)
    # Saturday 21 November: 17, 18, 19, 20 are late working days, the Saturday is not
    assert supervision_status(never, D(2026, 11, 21), CAL).days_report_late == 4


def test_weekly_cycle_across_national_day() -> None:
    # reported Monday 28 September; due 5 October (a holiday) + 5 working days:
    # 8, 9, 10 (Saturday worked), 12, 13 October
    weekly = item(assigned=D(2026, 9, 1), cycle="weekly", updates=[upd(D(2026, 9, 28), 40)])
    assert report_due(weekly, CAL) == D(2026, 10, 13)
    assert supervision_status(weekly, D(2026, 10, 13), CAL).status == "on-track"
    assert supervision_status(weekly, D(2026, 10, 14), CAL).status == "report-late"
    # in calendar days the grace ends on Saturday 10 October
    assert supervision_status(weekly, D(2026, 10, 11)).status == "report-late"


def test_a_report_restarts_the_cycle() -> None:
    reported = item(updates=[upd(D(2026, 11, 10), 20)])
    assert supervision_status(reported, D(2026, 11, 17), CAL).status == "on-track"


def test_precedence_overdue_then_report_late_then_at_risk() -> None:
    silent_past = item(assigned=D(2026, 1, 5), deadline=D(2026, 11, 1),
                       updates=[upd(D(2026, 3, 1), 50)])
    assert supervision_status(silent_past, D(2026, 12, 1)).status == "overdue"
    silent_near = item(assigned=D(2026, 1, 5), deadline=D(2026, 12, 10),
                       updates=[upd(D(2026, 3, 1), 50)])
    assert supervision_status(silent_near, D(2026, 12, 1)).status == "report-late"
    talking_near = item(assigned=D(2026, 1, 5), deadline=D(2026, 12, 10),
                        updates=[upd(D(2026, 11, 20), 50)])
    assert supervision_status(talking_near, D(2026, 12, 1)).status == "at-risk"
    paused = item(state="suspended", assigned=D(2026, 1, 5), deadline=D(2026, 3, 1))
    assert supervision_status(paused, D(2026, 12, 1)).status == "suspended"


def test_an_approved_closure_is_the_completion() -> None:
    closed = item(deadline=D(2026, 11, 20), state="completed",
                  closure={"requested": D(2026, 11, 18), "approved": D(2026, 11, 23),
                           "by": "general-office", "opinion": "同意销号。"})
    st = supervision_status(closed, D(2026, 12, 1))
    assert (st.status, st.days_overdue, st.closed_without_approval) == \
        ("completed-late", 3, False)
    assert closed.completion == D(2026, 11, 23)


def test_completion_without_approval_is_shown_as_such() -> None:
    done = item(deadline=D(2026, 11, 20), state="completed", completed=D(2026, 11, 19),
                closure={"requested": D(2026, 11, 19)})
    st = supervision_status(done, D(2026, 12, 1))
    assert (st.status, st.closed_without_approval) == ("completed", True)


@pytest.mark.parametrize(("extra", "words"), [
    ({"closure": {"requested": D(2026, 11, 1), "approved": D(2026, 11, 2)}}, "state: completed"),
    ({"state": "completed", "completed": D(2026, 11, 3),
      "closure": {"requested": D(2026, 11, 1), "approved": D(2026, 11, 2)}}, "differs"),
    ({"closure": {"requested": D(2026, 11, 5), "approved": D(2026, 11, 2)},
      "state": "completed"}, "before it was requested"),
    ({"source": {"kind": "state-council-document"}}, "needs a ref"),
])
def test_closure_and_source_rules(extra: dict[str, object], words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        item(**extra)


def test_party_committee_needs_no_ref() -> None:
    assert item(source={"kind": "party-committee"}).source.ref is None


# -- requests: days waiting and due dates ---------------------------------------------------

def request(**kw: object) -> Request:
    base: dict[str, object] = {"id": "q", "from": "u", "kind": "request-for-instructions",
                               "title": "t", "submitted": D(2026, 11, 2)}
    base.update(kw)
    return Request.model_validate(base)


def test_request_due_and_days_waiting_in_calendar_days() -> None:
    q = request()  # 2 November + 15 days = 17 November
    st = request_status(q, D(2026, 11, 17))
    assert (st.status, st.due, st.days_waiting, st.days_overdue) == \
        ("pending", D(2026, 11, 17), 15, 0)
    st = request_status(q, D(2026, 11, 18))
    assert (st.status, st.days_waiting, st.days_overdue) == ("overdue", 16, 1)
    assert request_status(q, D(2026, 11, 2)).days_waiting == 0


def test_request_days_are_configurable_and_due_wins() -> None:
    assert request_status(request(), D(2026, 11, 5), request_days=10).due == D(2026, 11, 12)
    assert request_status(request(due=D(2026, 11, 4)), D(2026, 11, 5)).status == "overdue"


def test_request_in_working_days_across_national_day() -> None:
    # submitted Thursday 24 September: 15 working days end Thursday 22 October
    q = request(submitted=D(2026, 9, 24))
    st = request_status(q, D(2026, 10, 9), CAL)  # 28, 29, 30 September, 8, 9 October
    assert (st.due, st.days_waiting, st.status) == (D(2026, 10, 22), 5, "pending")
    st = request_status(q, D(2026, 10, 23), CAL)
    assert (st.status, st.days_waiting, st.days_overdue) == ("overdue", 16, 1)
    late = request(submitted=D(2026, 9, 24), decision={
        "date": D(2026, 10, 26), "by": "mayor", "outcome": "approved"})
    # late by Friday 23 and Monday 26 October; waited 15 + those 2 working days
    st = request_status(late, D(2026, 12, 1), CAL)
    assert (st.status, st.days_overdue, st.days_waiting) == ("decided-late", 2, 17)


def test_request_stage() -> None:
    review = {"date": D(2026, 11, 3), "by": "go", "opinion": "o", "recommendation": "approve"}
    assert request_status(request(), D(2026, 11, 5)).stage == "awaiting-review"
    assert request_status(request(review=review), D(2026, 11, 5)).stage == "awaiting-approval"
    chain = [{"by": "sg", "date": D(2026, 11, 4), "opinion": "拟同意。"}]
    assert request_status(request(review=review, approvals=chain),
                          D(2026, 11, 5)).stage == "in-approval"


# -- received documents: awaiting action ----------------------------------------------------

def received(**kw: object) -> Received:
    base: dict[str, object] = {
        "id": "r", "number": "国发〔2026〕16号", "issuer": "sc", "title": "t",
        "received": D(2026, 6, 9), "type": "decision",
        "handling": {"lead": "u", "steps": [{"date": D(2026, 6, 12), "action": "assigned"}]}}
    base.update(kw)
    return Received.model_validate(base)


def test_received_awaiting_action_and_overdue() -> None:
    # 9 June to 1 December: 21 + 31 + 31 + 30 + 31 + 30 + 1 = 175 days;
    # 9 July to 1 December: 22 + 31 + 30 + 31 + 30 + 1 = 145 days past due
    st = received_status(received(due=D(2026, 7, 9)), D(2026, 12, 1))
    assert (st.status, st.days_since_receipt, st.days_overdue) == ("overdue", 175, 145)
    st = received_status(received(), D(2026, 12, 1))
    assert (st.status, st.days_overdue) == ("awaiting-action", 0)
    assert received_status(received(due=D(2026, 7, 9)), D(2026, 7, 9)).status == \
        "awaiting-action"


def test_received_implemented_late() -> None:
    done = received(due=D(2026, 6, 30), handling={"lead": "u", "steps": [
        {"date": D(2026, 6, 12), "action": "assigned"},
        {"date": D(2026, 7, 1), "action": "implemented"}]})
    st = received_status(done, D(2026, 12, 1))
    assert (st.status, st.days_overdue, st.days_since_receipt) == ("implemented-late", 1, 22)


# -- the sample archive: the lists the desk and the indexes show ---------------------------

@pytest.fixture(scope="module")
def sample() -> Catalog:
    recs, report = validate(SAMPLE, "records", SAMPLE_AS_OF)
    assert not report.errors
    return build_catalog(recs, SAMPLE_AS_OF)


def test_sample_counts_working_days(sample: Catalog) -> None:
    assert sample.calendar.working
    # the State Council decision assigned in June and never implemented: overdue
    st = sample.received["rcv-2026-007"]
    assert st.status == "overdue" and st.due == dt.date(2026, 7, 9)


def test_awaiting_lists_put_overdue_first(sample: Catalog) -> None:
    waiting = workflow.requests_awaiting_decision(sample)
    assert waiting and all(q.decision is None for q in waiting)
    flags = [sample.requests[q.id].status == "overdue" for q in waiting]
    assert flags == sorted(flags, reverse=True) and flags[0]
    # reviewed a month before the as-of date and still undecided
    first = waiting[0]
    assert first.review and (SAMPLE_AS_OF - first.review.date).days >= 28
    assert workflow.requests_overdue(sample) == [q for q, f in zip(waiting, flags, strict=True)
                                                 if f]
    pending = workflow.received_awaiting_action(sample)
    assert {r.id for r in pending} == {r for r, s in sample.received.items()
                                       if s.status in ("overdue", "awaiting-action")}


def test_supervision_lists_match_the_statuses(sample: Catalog) -> None:
    for listed, status in ((workflow.supervision_overdue(sample), "overdue"),
                           (workflow.supervision_report_late(sample), "report-late")):
        assert listed, status
        assert {s.id for s in listed} == {k for k, v in sample.supervision.items()
                                          if v.status == status}
    statuses = {v.status for v in sample.supervision.values()}
    assert statuses >= {"completed", "completed-late", "suspended", "overdue", "report-late",
                        "at-risk", "on-track", "not-started"}
    approved = [s for s in sample.of(Supervision) if s.closure and s.closure.approved]
    assert approved and all(not sample.supervision[s.id].closed_without_approval
                            for s in approved)


def test_overdue_feed_lists_what_the_lists_hold(sample: Catalog) -> None:
    ids = {e.id.split("/")[1] for e in overdue_entries(sample, "zh")}
    expected = {s.id for s in workflow.supervision_overdue(sample)} | \
        {s.id for s in workflow.supervision_report_late(sample)} | \
        {q.id for q in workflow.requests_overdue(sample)} | \
        {r.id for r in workflow.received_awaiting_action(sample)
         if sample.received[r.id].status == "overdue"}
    assert ids == expected


def test_zh_numerals_of_terms() -> None:
    from generators.pages.process import zh_numeral

    assert [zh_numeral(n) for n in (1, 10, 16, 20, 99, 100)] == \
        ["一", "十", "十六", "二十", "九十九", "100"]


def test_a_supervision_page_says_which_of_its_days_are_working_days(sample: Catalog) -> None:
    """Days past a deadline are calendar days (sup-2026-033: 39 days from 10-23 to 12-01,
    27 working days); only the report's grace is counted on the calendar.  The page said
    every figure was working days."""
    from generators.pages.records import render_record

    item = sample.by_id["sup-2026-033"]
    st = sample.supervision[item.id]
    assert (st.status, st.days_overdue) == ("overdue", (SAMPLE_AS_OF - item.deadline).days)
    page = render_record(sample, "zh", "supervision/sup-2026-033.md", item).markdown
    assert f"已逾期{st.days_overdue}天" in page
    assert "距完成时限、逾期的天数按自然日计算；下次反馈截止日期中的5天宽限期按工作日计算。" in page
    assert "天数按工作日计算（" not in page


def test_the_chinese_edition_shows_a_change_s_note_written_in_chinese(sample: Catalog) -> None:
    """The sample's history holds the developers' English commit messages: a Chinese page
    says a note is not in Chinese (the commit id stays); a Chinese note is shown, and
    the English edition shows both."""
    import datetime as _dt

    from generators.history import Change
    from generators.pages.records import render_record

    item = sample.by_id["sup-2026-033"]
    saved = sample.history.get(item.id)
    sample.history[item.id] = [
        Change("a" * 40, _dt.date(2026, 11, 2), "Fix the lead unit", 0),
        Change("b" * 40, _dt.date(2026, 11, 1), "改正sup-2026-033的牵头单位", 0),
        Change("c" * 40, _dt.date(2026, 10, 1), "Two items of one 督办编号 are an error", 0)]
    try:
        zh = render_record(sample, "zh", "supervision/sup-2026-033.md", item).markdown
        en = render_record(sample, "en", "supervision/sup-2026-033.md", item).markdown
    finally:
        if saved is None:
            del sample.history[item.id]
        else:
            sample.history[item.id] = saved
    assert "改正sup-2026-033的牵头单位" in zh and "Fix the lead unit" not in zh
    assert "Two items of one" not in zh  # English naming a Chinese term is still English
    assert zh.count("（无中文说明）") == 2 and "aaaaaaaaaa" in zh
    assert "Fix the lead unit" in en and "改正sup-2026-033的牵头单位" in en
