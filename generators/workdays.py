"""Working days (工作日) on the office's calendar (registry/calendar.yaml).

Pure functions of dates and a WorkCalendar.  The rule staff can quote: a day is a working
day when the calendar lists it as a weekend day worked (调休上班); otherwise it is not when
it falls in a listed holiday or on a Saturday or Sunday; every other day is.  Where the
archive has no calendar at all, time limits are counted in calendar days (自然日) instead,
and the pages say which (`WorkCalendar.working` is False).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from .models.calendar import CalendarYear

_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class WorkCalendar:
    working: bool = False
    """True when a calendar exists: limits are counted in working days."""
    days_off: frozenset[dt.date] = field(default_factory=frozenset)
    workdays: frozenset[dt.date] = field(default_factory=frozenset)
    years: frozenset[int] = field(default_factory=frozenset)
    """Years the calendar lists (outside them, Monday to Friday are the working days)."""

    def is_working_day(self, day: dt.date) -> bool:
        """Always True without a calendar (every day counts)."""
        if not self.working:
            return True
        if day in self.workdays:
            return True
        return day not in self.days_off and day.weekday() < 5


NO_CALENDAR = WorkCalendar()


def work_calendar(years: Iterable[CalendarYear]) -> WorkCalendar:
    """The calendar of the listed years (none listed: calendar days)."""
    ys = list(years)
    if not ys:
        return NO_CALENDAR
    off: set[dt.date] = set()
    worked: set[dt.date] = set()
    for y in ys:
        off |= y.days_off
        worked.update(y.workdays)
    return WorkCalendar(True, frozenset(off), frozenset(worked), frozenset(y.year for y in ys))


def days_between(start: dt.date, end: dt.date, cal: WorkCalendar = NO_CALENDAR) -> int:
    """Days after start up to and including end (0 on the same day; negative when end is
    before start).  With a calendar, only the working days among them count: from Friday
    to Monday is 1 working day, 3 calendar days."""
    if not cal.working:
        return (end - start).days
    if end < start:
        return -days_between(end, start, cal)
    n, day = 0, start + _DAY
    while day <= end:
        n += cal.is_working_day(day)
        day += _DAY
    return n


def add_days(start: dt.date, n: int, cal: WorkCalendar = NO_CALENDAR) -> dt.date:
    """The day n days after start (n >= 0): the nth working day after it with a calendar,
    so that days_between(start, add_days(start, n)) == n.  0 gives start itself."""
    if n < 0:
        raise ValueError("n must be 0 or more")
    if not cal.working:
        return start + dt.timedelta(days=n)
    day = start
    while n:
        day += _DAY
        n -= cal.is_working_day(day)
    return day
