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
from .models.hotline import DistrictFigures, Hotline
from .models.liaison import Liaison
from .models.supervision import Supervision

AT_RISK_DAYS = 14  # deadline this close ...
AT_RISK_PERCENT = 80  # ... and progress below this
STALE_DAYS = 30  # no progress report for this long
EXPIRING_DAYS = 180
# 接诉即办 composite, Beijing's weighting of the three rates
HOTLINE_WEIGHTS = {"response_rate": 0.10, "resolution_rate": 0.45, "satisfaction_rate": 0.45}

SupervisionStatusName = Literal["completed", "completed-late", "suspended", "overdue", "at-risk",
                                "on-track", "not-started"]
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
    """At risk for silence: days without a progress report; 0 otherwise."""


def supervision_status(item: Supervision, as_of: dt.date) -> SupervisionStatus:
    """Status of a supervised matter on as_of.

    completed / completed-late: state completed, on or before / after the deadline.
    suspended: state suspended.  Open items: overdue once the as-of date is past the
    deadline (the deadline day itself is not overdue); at-risk when the deadline is
    within 14 days and progress is under 80 %, or when nothing has been reported for
    30 days or more (counted from the assignment if there was never a report);
    not-started when no progress has been reported yet; on-track otherwise.
    """
    latest = item.latest
    percent = latest.percent if latest else 0.0
    to_deadline = (item.deadline - as_of).days
    last = latest.date if latest else None
    if item.state == "completed" and item.completed is not None:
        late = (item.completed - item.deadline).days
        return SupervisionStatus("completed-late" if late > 0 else "completed", 100.0,
                                 to_deadline, max(late, 0), last)
    if item.state == "suspended":
        return SupervisionStatus("suspended", percent, to_deadline, 0, last)
    if to_deadline < 0:
        return SupervisionStatus("overdue", percent, to_deadline, -to_deadline, last)
    reasons = []
    if to_deadline <= AT_RISK_DAYS and percent < AT_RISK_PERCENT:
        reasons.append(f"deadline in {to_deadline} days at {percent:g} %")
    quiet = (as_of - (last or item.assigned)).days
    if quiet >= STALE_DAYS:
        reasons.append(f"no progress report for {quiet} days")
    if reasons:
        return SupervisionStatus("at-risk", percent, to_deadline, 0, last, tuple(reasons),
                                 quiet if quiet >= STALE_DAYS else 0)
    if latest is None:
        return SupervisionStatus("not-started", 0.0, to_deadline, 0, None)
    return SupervisionStatus("on-track", percent, to_deadline, 0, last)


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
    total: int
    replied: int
    on_time: int
    due: int
    """Items whose due date has passed or that have been replied to."""
    categories: dict[str, int] = field(default_factory=dict)
    feedback: dict[str, int] = field(default_factory=dict)

    @property
    def reply_rate(self) -> float | None:
        """办复率: items replied to, of all items (percent)."""
        return _pct(self.replied, self.total)

    @property
    def on_time_rate(self) -> float | None:
        """Items replied to by their due date, of the items that are due or replied."""
        return _pct(self.on_time, self.due)

    def share(self, category: str) -> float | None:
        """Share of category A, B or C among the replies (percent)."""
        return _pct(self.categories.get(category, 0), self.replied)

    @property
    def satisfaction_rate(self) -> float | None:
        """满意率: satisfied or basically satisfied, of the items with feedback."""
        given = sum(self.feedback.values())
        good = self.feedback.get("satisfied", 0) + self.feedback.get("basically-satisfied", 0)
        return _pct(good, given)


def _pct(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


def liaison_rates(items: Iterable[Liaison], as_of: dt.date) -> LiaisonRates:
    total = replied = on_time = due = 0
    cats: Counter[str] = Counter()
    fb: Counter[str] = Counter()
    for item in items:
        total += 1
        st = liaison_status(item, as_of)
        if item.reply:
            replied += 1
            cats[item.reply.category] += 1
            on_time += st.status == "replied-on-time"
        if item.reply or st.due < as_of:
            due += 1
        if item.feedback:
            fb[item.feedback] += 1
    return LiaisonRates(total, replied, on_time, due, dict(sorted(cats.items())),
                        dict(sorted(fb.items())))


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
    """Weighted totals plus adjustments, ranks within each group, grades, change on last year."""
    weights = {i.id: i.weight for i in appraisal.indicators}
    adjust: Counter[str] = Counter()
    for a in appraisal.adjustments:
        adjust[a.unit] += a.points  # type: ignore[assignment]
    prev = {r.unit: r for r in appraisal_results(previous)} if previous else {}
    out: list[AppraisalResult] = []
    for group in ("district", "agency"):
        units = [u for u in getattr(appraisal.groups, group) if u in appraisal.scores]
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
