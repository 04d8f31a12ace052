"""Figures computed at publish time, relative to an as-of date.

Each function is a plain function of typed records, so that every figure can
be checked against hand-worked values.  The definitions are written out in the
docstrings because staff quote these numbers in reports.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from .models.appraisal import Appraisal
from .models.document import Document
from .models.duty import Incident, when  # issue 16: duty office
from .models.hotline import DistrictFigures, Hotline, StreetFigures
from .models.liaison import Liaison
from .models.received import Received
from .models.request import Request
from .models.supervision import Supervision
from .workdays import NO_CALENDAR, WorkCalendar, add_days, days_between

AT_RISK_DAYS = 14  # deadline this close ...
AT_RISK_PERCENT = 80  # ... and progress below this
REPORT_GRACE_DAYS = 5  # a progress report may come this many (working) days after its cycle
EXPIRING_DAYS = 180
# 接诉即办 composite, Beijing's weighting of the three rates
HOTLINE_WEIGHTS = {"response_rate": 0.10, "resolution_rate": 0.45, "satisfaction_rate": 0.45}

SupervisionStatusName = Literal["completed", "completed-late", "suspended", "overdue",
                                "report-late", "at-risk", "on-track", "not-started"]
ValidityName = Literal["not-yet-effective", "in-force", "expiring", "expired", "amended",
                       "repealed"]
Grade = Literal["excellent", "good", "fair", "poor"]


@dataclass(frozen=True, slots=True)
class SupervisionStatus:
    status: SupervisionStatusName
    percent: float
    """Latest reported percent (100 once completed)."""
    days_to_deadline: int
    """Days from the as-of date to the deadline; negative once past."""
    days_overdue: int
    """Open items: days past the deadline; completed-late: days completed after it."""
    last_report: dt.date | None
    """Date of the latest progress update, or None."""
    reasons: tuple[str, ...] = ()
    """Why an item is at risk, in English (the pages say it in their language from the
    fields below)."""
    quiet_days: int = 0
    """Calendar days since the latest progress report (or the assignment, if none)."""
    report_due: dt.date | None = None
    """Open items: the last day the next progress report is on time (cycle plus grace)."""
    days_report_late: int = 0
    """report-late: days past report_due (working days where the calendar exists)."""
    closed_without_approval: bool = False
    """Completed, but the closure (销号) has not been approved."""


def add_cycle(day: dt.date, cycle: str) -> dt.date:
    """The day one reporting cycle after day: weekly 7 days, fortnightly 14 days, monthly
    the same day of the next month, quarterly the same day three months on (the month's
    last day where it has no such day: 31 January + 1 month = 28 or 29 February)."""
    if cycle == "weekly":
        return day + dt.timedelta(days=7)
    if cycle == "fortnightly":
        return day + dt.timedelta(days=14)
    months = 3 if cycle == "quarterly" else 1
    m = day.month - 1 + months
    y, m = day.year + m // 12, m % 12 + 1
    last = (dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(y, m, min(day.day, last))


def report_due(item: Supervision, cal: WorkCalendar = NO_CALENDAR) -> dt.date:
    """The last day on which the next progress report (反馈) is on time: one cycle after
    the latest report (the assignment if there is none yet), plus 5 days' grace counted in
    working days where the office's calendar exists, in calendar days otherwise."""
    latest = item.latest
    start = latest.date if latest else item.assigned
    return add_days(add_cycle(start, item.report_cycle), REPORT_GRACE_DAYS, cal)


def supervision_status(item: Supervision, as_of: dt.date,
                       cal: WorkCalendar = NO_CALENDAR) -> SupervisionStatus:
    """Status of a supervised matter on as_of, the first of these that applies:

    completed / completed-late: completed (the approved closure, 销号, is the completion;
    else state completed), on or before / after the deadline.  suspended: state
    suspended.  overdue: the as-of date is past the deadline (the deadline day itself is
    not overdue).  report-late (未按期反馈): no progress report within the reporting cycle
    (default monthly) plus 5 days' grace, counted from the latest report or, before the
    first, from the assignment (report_due; the grace in working days where the calendar
    exists).  at-risk: the deadline within 14 days and progress under 80 %.
    not-started: no progress reported yet.  on-track otherwise.
    """
    latest = item.latest
    percent = latest.percent if latest else 0.0
    to_deadline = (item.deadline - as_of).days
    last = latest.date if latest else None
    done = item.completion
    if done is not None:
        late = (done - item.deadline).days
        return SupervisionStatus("completed-late" if late > 0 else "completed", 100.0,
                                 to_deadline, max(late, 0), last,
                                 closed_without_approval=not (item.closure and
                                                              item.closure.approved))
    if item.state == "suspended":
        return SupervisionStatus("suspended", percent, to_deadline, 0, last)
    quiet = (as_of - (last or item.assigned)).days
    due = report_due(item, cal)
    if to_deadline < 0:
        return SupervisionStatus("overdue", percent, to_deadline, -to_deadline, last,
                                 quiet_days=quiet, report_due=due)
    if as_of > due:
        return SupervisionStatus("report-late", percent, to_deadline, 0, last,
                                 (f"no progress report since {last or item.assigned}",),
                                 quiet, due, days_between(due, as_of, cal))
    if to_deadline <= AT_RISK_DAYS and percent < AT_RISK_PERCENT:
        return SupervisionStatus("at-risk", percent, to_deadline, 0, last,
                                 (f"deadline in {to_deadline} days at {percent:g} %",),
                                 quiet, due)
    if latest is None:
        return SupervisionStatus("not-started", 0.0, to_deadline, 0, None, (), quiet, due)
    return SupervisionStatus("on-track", percent, to_deadline, 0, last, (), quiet, due)


@dataclass(frozen=True, slots=True)
class Validity:
    status: ValidityName
    effective: dt.date
    expires: dt.date
    """Last day in force (the contract's default: five years from effective)."""
    days_to_expiry: int
    repealed_by: str | None = None
    amended_by: tuple[str, ...] = ()
    repealed_on: dt.date | None = None
    """废止日期: the repeal date, from the repealing document (repeal_date); None unless
    repealed by a document this audience sees."""
    provisional: bool = False
    """暂行/试行: valid two years by default instead of five."""


def repeal_date(repealing: Document) -> dt.date:
    """废止日期 of a document repealed by `repealing`: the day the repealing document takes
    effect (its normative.effective), else the day it was published, else the day it was
    written.  A repealing decision written 2024-03-20, published 2024-03-25 and in force
    from 2024-04-01 repeals on 2024-04-01; without normative, on 2024-03-25."""
    if repealing.normative is not None:
        return repealing.normative.effective
    return repealing.published or repealing.written


def normative_validity(doc: Document, as_of: dt.date, repealed_by: str | None = None,
                       amended_by: Sequence[str] = (),
                       repealed_on: dt.date | None = None) -> Validity | None:
    """Validity of a normative document on as_of (None for other documents).

    repealed and amended come from the document's status; otherwise: not yet effective
    before its effective date, expired after its last day, expiring when the last day
    is within 180 days, in force otherwise.  The last day is the record's expires, else
    the day before the fifth anniversary of taking effect (the second for a provisional
    document, 暂行/试行).
    """
    norm = doc.normative
    if norm is None:
        return None
    expires = norm.expiry
    days = (expires - as_of).days
    status: ValidityName
    if norm.status == "repealed":
        status = "repealed"
    elif as_of < norm.effective:
        status = "not-yet-effective"
    elif days < 0:
        status = "expired"
    elif norm.status == "amended":
        status = "amended"
    elif days <= EXPIRING_DAYS:
        status = "expiring"
    else:
        status = "in-force"
    return Validity(status, norm.effective, expires, days, repealed_by, tuple(amended_by),
                    repealed_on if status == "repealed" else None, norm.provisional)


LiaisonStatusName = Literal["replied-on-time", "replied-late", "pending", "overdue"]


@dataclass(frozen=True, slots=True)
class LiaisonStatus:
    status: LiaisonStatusName
    due: dt.date
    days_overdue: int


def liaison_status(item: Liaison, as_of: dt.date) -> LiaisonStatus:
    """Replied on time (on or before the due date), replied late, pending, or overdue."""
    due = item.due_date
    if item.reply:
        late = (item.reply.date - due).days
        return LiaisonStatus("replied-late" if late > 0 else "replied-on-time", due, max(late, 0))
    over = (as_of - due).days
    return LiaisonStatus("overdue" if over > 0 else "pending", due, max(over, 0))


@dataclass(frozen=True, slots=True)
class LiaisonRates:
    """The rates reports quote for a set of suggestions and proposals (a session, a unit).

    Each rate is a percent with one decimal, or None when its base is empty."""

    total: int
    replied: int
    on_time: int
    due: int
    """Items whose due date has passed or that have been replied to."""
    categories: dict[str, int] = field(default_factory=dict)
    """Replies per category A, B, C: the reply that stands (a re-handling's second reply
    in place of the first)."""
    feedback: dict[str, int] = field(default_factory=dict)
    """Items per feedback: the feedback that stands (on the second reply, once given)."""
    contacted: int = 0
    """Items with a contact before their reply (CONTACT_RULE)."""
    rehandled: int = 0
    """Items handled again after a dissatisfied feedback."""

    @property
    def reply_rate(self) -> float | None:
        """办复率: items replied to, of all items (percent)."""
        return _pct(self.replied, self.total)

    @property
    def on_time_rate(self) -> float | None:
        """按期办复率: items whose first reply came by the due date, of the items that are
        due (due date before the as-of date) or replied to."""
        return _pct(self.on_time, self.due)

    def share(self, category: str) -> float | None:
        """Share of category A, B or C among the replies (percent)."""
        return _pct(self.categories.get(category, 0), self.replied)

    @property
    def satisfaction_rate(self) -> float | None:
        """满意率（含基本满意）: satisfied or basically satisfied, of the items with feedback;
        after a re-handling, the feedback on the second reply counts instead of the first."""
        given = sum(self.feedback.values())
        good = self.feedback.get("satisfied", 0) + self.feedback.get("basically-satisfied", 0)
        return _pct(good, given)

    @property
    def contact_rate(self) -> float | None:
        """沟通率: items with at least one contact with the deputy or member (a meeting, a
        call or a visit) on or before the day of the first reply, of all items; an item
        not replied to yet counts with any contact so far."""
        return _pct(self.contacted, self.total)


def _pct(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


def contacted_before_reply(item: Liaison) -> bool:
    """CONTACT_RULE: a contact on or before the first reply's day (any contact while there is
    no reply); a contact after the reply is follow-up, not the communication 沟通率 counts."""
    if item.reply is None:
        return bool(item.contacts)
    return any(c.date <= item.reply.date for c in item.contacts)


def liaison_rates(items: Iterable[Liaison], as_of: dt.date) -> LiaisonRates:
    total = replied = on_time = due = contacted = rehandled = 0
    cats: Counter[str] = Counter()
    fb: Counter[str] = Counter()
    for item in items:
        total += 1
        st = liaison_status(item, as_of)
        if item.reply:
            replied += 1
            cats[item.final_reply.category] += 1  # type: ignore[union-attr]
            on_time += st.status == "replied-on-time"
        if item.reply or st.due < as_of:
            due += 1
        final = item.final_feedback
        if final:
            fb[final] += 1
        contacted += contacted_before_reply(item)
        rehandled += item.rehandling is not None
    return LiaisonRates(total, replied, on_time, due, dict(sorted(cats.items())),
                        dict(sorted(fb.items())), contacted, rehandled)


@dataclass(frozen=True, slots=True)
class AppraisalResult:
    unit: str
    group: str
    weighted: float
    """Sum of score x weight / 100."""
    adjustment: float
    total: float
    """weighted + adjustment, rounded to two decimals."""
    rank: int
    """Rank within the group; equal totals share a rank (1, 2, 2, 4)."""
    grade: Grade
    previous_total: float | None = None
    previous_rank: int | None = None

    @property
    def change(self) -> float | None:
        return None if self.previous_total is None else round(self.total - self.previous_total, 2)


def competition_ranks(values: Sequence[float]) -> list[int]:
    """1 + the number of strictly better values: ties share a rank (1, 2, 2, 4)."""
    return [1 + sum(other > v for other in values) for v in values]


def grade_of(total: float, appraisal: Appraisal) -> Grade:
    g = appraisal.grades
    if total >= g.excellent:
        return "excellent"
    if total >= g.good:
        return "good"
    if total >= g.fair:
        return "fair"
    return "poor"


def appraisal_results(appraisal: Appraisal,
                      previous: Appraisal | None = None) -> list[AppraisalResult]:
    """Weighted totals plus adjustments, ranks within each group, grades, change on last year.

    Each group is weighted by its own indicator set where the year gives one per group
    (Appraisal.indicator_sets), else by the shared list; totals are compared, ranked and
    graded within the group only.  Change: this year's total minus last year's, for a unit
    appraised both years (whatever the indicator sets were)."""
    sets = appraisal.indicator_sets
    adjust: Counter[str] = Counter()
    for a in appraisal.adjustments:
        adjust[a.unit] += a.points  # type: ignore[assignment]
    prev = {r.unit: r for r in appraisal_results(previous)} if previous else {}
    out: list[AppraisalResult] = []
    for group in ("district", "agency"):
        units = [u for u in getattr(appraisal.groups, group) if u in appraisal.scores]
        weights = {i.id: i.weight for i in sets.get(group, [])}
        weighted = [sum(appraisal.scores[u][k] * w for k, w in weights.items()) / 100
                    for u in units]
        totals = [round(w + adjust[u], 2) for u, w in zip(units, weighted, strict=True)]
        for u, w, t, r in zip(units, weighted, totals, competition_ranks(totals), strict=True):
            p = prev.get(u)
            out.append(AppraisalResult(u, group, round(w, 2), round(float(adjust[u]), 2), t, r,
                                       grade_of(t, appraisal),
                                       p.total if p else None, p.rank if p else None))
    out.sort(key=lambda r: (r.group != "district", r.rank, r.unit))
    return out


@dataclass(frozen=True, slots=True)
class HotlineRank:
    unit: str
    composite: float
    """0.10 x response + 0.45 x resolution + 0.45 x satisfaction, two decimals."""
    rank: int
    figures: DistrictFigures


def hotline_composite(f: DistrictFigures) -> float:
    return round(sum(getattr(f, k) * w for k, w in HOTLINE_WEIGHTS.items()), 2)


def hotline_ranking(month: Hotline) -> list[HotlineRank]:
    """The month's districts ranked on the composite of the three rates."""
    units = list(month.districts)
    comps = [hotline_composite(month.districts[u]) for u in units]
    ranked = [HotlineRank(u, c, r, month.districts[u])
              for u, c, r in zip(units, comps, competition_ranks(comps), strict=True)]
    return sorted(ranked, key=lambda h: (h.rank, h.unit))


# -- issue 16: duty office -------------------------------------------------------------------
INCIDENT_LIMITS: dict[str, tuple[int, int]] = {
    "I": (30, 60), "II": (30, 60), "III": (60, 120), "IV": (60, 120)}
"""Minutes within which the duty office must have the first phone report (电话报告) and the
first written report (书面报告) of an incident, by level.  Levels I and II (特别重大, 重大):
30 and 60 minutes, as the contract gives them.  Levels III and IV (较大, 一般): 60 and 120
minutes, the office's own rule for lesser events (one hour by phone, two in writing);
change them here, the pages and the open data quote this table."""

IncidentStatusName = Literal["open", "closed"]


@dataclass(frozen=True, slots=True)
class IncidentTiming:
    """How fast an incident was reported, and whether it is closed."""

    status: IncidentStatusName
    phone_minutes: int | None
    """Minutes from the occurrence to the first phone report; None if none was made."""
    written_minutes: int | None
    """Minutes from the occurrence to the first written report; None if none was made."""
    phone_limit: int
    written_limit: int
    phone_late: bool
    written_late: bool
    closed_at: str | None = None
    """When the final report (终报) came, "YYYY-MM-DDTHH:MM"; None while open."""

    @property
    def late(self) -> bool:
        return self.phone_late or self.written_late


def minutes_between(start: dt.datetime, end: dt.datetime) -> int:
    """Whole minutes from start to end (Beijing time, both to the minute): 23:40 to 00:15
    the next day is 35 minutes."""
    return int((end - start).total_seconds() // 60)


def incident_timing(incident: Incident, as_of: dt.date,
                    limits: dict[str, tuple[int, int]] | None = None) -> IncidentTiming:
    """Reporting times of an incident, as staff quote them.

    The phone minutes are counted from `occurred` to the earliest report whose channel is
    phone, of any kind (首报, 续报 or 终报); the written minutes likewise to the earliest
    written report.  A report is late when its minutes exceed the level's limit
    (INCIDENT_LIMITS): exactly at the limit is on time.  A report never made is late once
    its limit has passed by the end of the as-of day, and not yet late before.  An
    incident is closed once a final report (终报) has come, open otherwise.
    """
    phone_limit, written_limit = (limits or INCIDENT_LIMITS)[incident.level]
    start = when(incident.occurred)
    end_of_day = dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time(0, 0))

    def first(channel: str) -> int | None:
        times = [when(r.at) for r in incident.reports if r.channel == channel]
        return minutes_between(start, min(times)) if times else None

    def late(minutes: int | None, limit: int) -> bool:
        if minutes is None:
            return minutes_between(start, end_of_day) > limit
        return minutes > limit

    phone, written = first("phone"), first("written")
    finals = sorted(r.at for r in incident.reports if r.kind == "final")
    return IncidentTiming("closed" if finals else "open", phone, written, phone_limit,
                          written_limit, late(phone, phone_limit),
                          late(written, written_limit), finals[0] if finals else None)


# -- issue 16: requests and received documents with time limits ----------------------------

REQUEST_DAYS = 15  # 办理时限 of a request, from submission, unless the office configures one

RequestStatusName = Literal["decided", "decided-late", "pending", "overdue"]
ReceivedStatusName = Literal["implemented", "implemented-late", "awaiting-action", "overdue"]


@dataclass(frozen=True, slots=True)
class RequestStatus:
    status: RequestStatusName
    due: dt.date
    days_waiting: int
    """Pending: days from submission to the as-of date; decided: to the decision."""
    days_overdue: int
    """Overdue: days past the due date; decided-late: days decided after it."""
    stage: str
    """Where a pending request stands: awaiting-review, awaiting-approval (reviewed),
    in-approval (part of the chain signed), decided."""


def request_due(item: Request, cal: WorkCalendar = NO_CALENDAR,
                request_days: int = REQUEST_DAYS) -> dt.date:
    """Its due date (办理时限) if it gives one, else submitted + request_days, counted in
    working days where the office's calendar exists, in calendar days otherwise."""
    return item.due or add_days(item.submitted, request_days, cal)


def request_status(item: Request, as_of: dt.date, cal: WorkCalendar = NO_CALENDAR,
                   request_days: int = REQUEST_DAYS) -> RequestStatus:
    """A request on as_of.  Days waiting: from the submission to the decision, or to the
    as-of date while none is taken (0 on the day of submission).  decided / decided-late:
    decided on or before / after the due date.  overdue: no decision and the as-of date is
    past the due date (the due day itself is not overdue).  pending otherwise.  Days are
    working days where the calendar exists, calendar days otherwise."""
    due = request_due(item, cal, request_days)
    if item.decision:
        late = max(days_between(due, item.decision.date, cal), 0)
        return RequestStatus("decided-late" if late else "decided", due,
                             days_between(item.submitted, item.decision.date, cal), late,
                             "decided")
    stage = ("in-approval" if item.approvals else "awaiting-approval" if item.review
             else "awaiting-review")
    waiting = days_between(item.submitted, as_of, cal)
    over = days_between(due, as_of, cal) if as_of > due else 0
    return RequestStatus("overdue" if over else "pending", due, waiting, over, stage)


@dataclass(frozen=True, slots=True)
class ReceivedStatus:
    status: ReceivedStatusName
    due: dt.date | None
    days_since_receipt: int
    """Awaiting action: days from receipt to the as-of date; implemented: to the first
    implemented step."""
    days_overdue: int


def received_status(item: Received, as_of: dt.date,
                    cal: WorkCalendar = NO_CALENDAR) -> ReceivedStatus:
    """A received document on as_of.  Awaiting action (待落实) until a handling step says
    implemented (落实); overdue when still awaiting and the as-of date is past its due date
    (none given: never overdue); implemented-late when implemented after it.  Days since
    receipt run to the as-of date, or to the implementing step; working days where the
    calendar exists, calendar days otherwise."""
    done = item.implemented
    due = item.due
    if done is not None:
        late = max(days_between(due, done, cal), 0) if due else 0
        return ReceivedStatus("implemented-late" if late else "implemented", due,
                              days_between(item.received, done, cal), late)
    over = days_between(due, as_of, cal) if due and as_of > due else 0
    return ReceivedStatus("overdue" if over else "awaiting-action", due,
                          days_between(item.received, as_of, cal), over)


# -- issue 17: streets and townships (街乡镇) ---------------------------------------------------
STREET_LIST = 10
"""The monthly lists name the top ten and the bottom ten streets and townships."""


@dataclass(frozen=True, slots=True)
class StreetRank:
    name: str
    district: str
    composite: float
    """The district composite's weighting (HOTLINE_WEIGHTS), two decimals."""
    rank: int
    """1 + the streets with a strictly higher composite: ties share a rank (1, 2, 2, 4)."""
    rank_from_bottom: int
    """1 + the streets with a strictly lower composite (the bottom list's rank)."""
    figures: StreetFigures


def street_ranking(month: Hotline) -> list[StreetRank]:
    """The month's streets and townships ranked on the composite (HOTLINE_WEIGHTS, rounded
    to two decimals before comparing), best first; equal composites by name."""
    names = list(month.streets)
    comps = [hotline_composite(month.streets[n]) for n in names]
    ranks = competition_ranks(comps)
    from_bottom = competition_ranks([-c for c in comps])
    out = [StreetRank(n, month.streets[n].district, c, r, b, month.streets[n])
           for n, c, r, b in zip(names, comps, ranks, from_bottom, strict=True)]
    return sorted(out, key=lambda s: (s.rank, s.name))


def top_and_bottom(ranks: Sequence[StreetRank], n: int = STREET_LIST
                   ) -> tuple[list[StreetRank], list[StreetRank]]:
    """The top n (rank n or better) and the bottom n (rank from the bottom n or better,
    worst first).  Ties at the boundary: every street tied at the n-th place is listed, so
    a list can hold more than n (two streets tied at 10th make a list of 11).  With fewer
    than 2n streets the two lists share streets."""
    top = [s for s in ranks if s.rank <= n]
    bottom = sorted((s for s in ranks if s.rank_from_bottom <= n),
                    key=lambda s: (s.rank_from_bottom, s.name))
    return top, bottom
